# A damaged scenarios row no longer makes the dataset unreadable (core/io/gpkg_scenarios.*, issue 12).
add_maillage_test(damaged_scenario io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_damaged_scenario.cpp LIBS maillage_io)
