# Issue 8 on the map and in the import wizard (owner: inputs engineer, session 19): the zones and facilities
# layers, the wizard tried on the real files of ../shared/data.
add_maillage_test(inputs19 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_inputs19.cpp LIBS maillage_ui maillage_demo GUI)
add_maillage_test(inputs19_wizard ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_inputs19_wizard.cpp LIBS maillage_ui GUI)
