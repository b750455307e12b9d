# Workshop mode and its slides, and the two synchronised maps (issue 11).
add_maillage_test(workshop ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_workshop.cpp LIBS maillage_ui GUI)
add_maillage_test(map_compare ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_map_compare.cpp LIBS maillage_ui GUI)
