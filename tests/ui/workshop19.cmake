# The two maps' room, the second map's density task and labels, label priority and workshop control images
# (issue 11; session 19 workshop stream).
add_maillage_test(workshop19 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_workshop19.cpp LIBS maillage_ui GUI)
