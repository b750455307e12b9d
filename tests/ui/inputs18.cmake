# Issue 8 and 12 in the import wizard (owner: inputs engineer, session 18): the professionals' column
# choices, the join preview before the last page, the register page, identify on the QPV layer.
add_maillage_test(inputs18 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_inputs18.cpp LIBS maillage_ui maillage_demo GUI)
