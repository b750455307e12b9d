# Statistical secrecy and result tables (core/analysis/secrecy.*, result_tables.*).
add_maillage_test(secrecy analysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_secrecy.cpp LIBS maillage_analysis maillage_io)
