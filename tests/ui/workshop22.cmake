# Issue 11, session 22 workshop stream: no name under the boxes over the maps (titles, legend, panel), the
# main map's title in the words of its legend.
add_maillage_test(workshop22 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_workshop22.cpp LIBS maillage_ui GUI)
