# Issue 8's inputs (owner: inputs engineer): zones, populations and quartiers (core/io/zones.*).
add_maillage_test(zones io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_zones.cpp LIBS maillage_io maillage_analysis)
