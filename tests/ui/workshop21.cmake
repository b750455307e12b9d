# Issue 11, session 21 workshop stream: early-warning labels, pôle names under the
# warnings, the map's layer order, names inside the map's edges.
add_maillage_test(workshop21 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_workshop21.cpp LIBS maillage_ui GUI)
