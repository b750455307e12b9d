# Issue 12 in the desktop (owner: reggui engineer, session 19): the map after a scenario, the two maps
# before and after, cooperation changes in the scenario editor.
add_maillage_test(reggui19 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_reggui19.cpp LIBS maillage_ui GUI)
