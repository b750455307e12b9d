# Issue 8 on the map and in the import wizard (owner: inputs engineer, session 19): the wizard's numbers as
# the panels write them.
add_maillage_test(inputs19_wizard ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_inputs19_wizard.cpp LIBS maillage_ui GUI)
