# The desktop's print actions (ui/atlas.h): the command lines they run. Owner: print engineer.
add_maillage_test(atlas ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_atlas.cpp LIBS maillage_ui)
target_compile_definitions(test_ui_atlas PRIVATE MAILLAGE_BINARY="$<TARGET_FILE:maillage>")
add_dependencies(test_ui_atlas maillage maillage_qgis_module)
