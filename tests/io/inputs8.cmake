# Issue 8's inputs (owner: inputs engineer): zones, populations and quartiers (core/io/zones.*).
add_maillage_test(zones io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_zones.cpp LIBS maillage_io maillage_analysis)
# Health facilities per commune (core/io/facilities.*).
add_maillage_test(facilities io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_facilities.cpp LIBS maillage_io)
# Quartiers prioritaires (core/io/qpv.*).
add_maillage_test(qpv io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_qpv.cpp LIBS maillage_io)
