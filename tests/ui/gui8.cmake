# Real inputs in the desktop: the cooperation editor, the import wizard's link pages.
add_maillage_test(cooperation_editor ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cooperation_editor.cpp LIBS maillage_ui GUI)
add_maillage_test(maillage_flows ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_maillage_flows.cpp LIBS maillage_ui GUI)
add_maillage_test(import_wizard ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_import_wizard.cpp LIBS maillage_ui GUI)
