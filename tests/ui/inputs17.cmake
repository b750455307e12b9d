# Issue 8 in the desktop (owner: inputs engineer, session 17): wizard column choices and zones page, File >
# Add data…, the QPV view.
add_maillage_test(inputs17 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_inputs17.cpp LIBS maillage_ui maillage_demo GUI)
