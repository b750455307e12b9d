# Issue 12 in the desktop (owner: reggui engineer, session 18): the profile view of the Densités panel and
# the scenario panel.
add_maillage_test(reggui18 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_reggui18.cpp LIBS maillage_ui maillage_demo GUI)
