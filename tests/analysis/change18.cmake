# Vintages and their sources: the default year, and changes refused between BPE and a register (issue 11).
add_maillage_test(vintages analysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_vintages.cpp LIBS maillage_analysis maillage_demo)
