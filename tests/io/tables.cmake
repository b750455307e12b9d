# Suites of core/io/table and importers (owner: tables/importers engineer).
add_maillage_test(tables io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_tables.cpp LIBS maillage_io)
add_maillage_test(importers io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_importers.cpp LIBS maillage_io)
