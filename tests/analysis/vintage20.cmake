# The default year at depth, the Crunch's own same-source check, one register lookup (issues 11, 12).
add_maillage_test(default_year analysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_default_year.cpp LIBS maillage_analysis maillage_demo)
