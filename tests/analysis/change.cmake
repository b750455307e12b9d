# Change between two vintages and the Crunch early warning (core/analysis/change.*, issue 11).
add_maillage_test(change analysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_change.cpp LIBS maillage_analysis maillage_io)
