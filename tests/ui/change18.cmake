# The change view in the window (issue 11): years offered, masked table, summary, change map with its
# control image, the pôles' mass chart, and the default year with a sparse register.
add_maillage_test(change_view ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_change_view.cpp LIBS maillage_ui maillage_demo GUI)
