# Accessibility parameters in the window (issue 9, session 19; owner: access engineer).
add_maillage_test(access19 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_access19.cpp LIBS maillage_ui maillage_demo GUI)
