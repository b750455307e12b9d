# Suites of core/io/register and core/io/gpkg_register (owner: register engineer, issue 12).
add_maillage_test(register io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_register.cpp LIBS maillage_io maillage_analysis)
