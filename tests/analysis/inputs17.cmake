# Issue 8's QPV analysis (owner: inputs engineer, session 17): professionals around the quartiers prioritaires.
add_maillage_test(qpv_analysis analysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_qpv_analysis.cpp
                  LIBS maillage_analysis maillage_io)
