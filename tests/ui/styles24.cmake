# The styles and project written from the build-time templates without QGIS, against libmaillage_qgis.so's
# (issue 10, session 24). Runs the executable both ways.
add_maillage_test(style_templates24 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_style_templates24.cpp
                  LIBS maillage_ui GUI)
target_compile_definitions(test_ui_style_templates24 PRIVATE MAILLAGE_BINARY="$<TARGET_FILE:maillage>")
add_dependencies(test_ui_style_templates24 maillage maillage_qgis_module maillage_style_templates_data)
