# Workshop mode layout, density classes on the map, the second map's density (issue 11; session 18 workshop
# stream).
add_maillage_test(workshop18 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_workshop18.cpp LIBS maillage_ui GUI)
