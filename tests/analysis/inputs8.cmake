# Issue 8's analyses of real inputs (owner: inputs engineer): Crunch without truncated bassins, densities of
# zones and quartiers.
add_maillage_test(crunch_truncated analysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_crunch_truncated.cpp
                  LIBS maillage_analysis)
