# Issue 11 in the desktop application: the Crunch panel's brief diagnosis and early warning.
add_maillage_test(change ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_change_ui.cpp LIBS maillage_ui GUI)
