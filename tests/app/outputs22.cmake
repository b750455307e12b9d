# Issue 7, session 22: crunch's JSON document and whole populations in every table output. Owner: outputs
# helper.
add_maillage_test(cli_outputs22 app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_outputs22.cpp LIBS maillage_cli)
# The territory sheet's pages, run as a process (as print.cmake: only with the desktop libraries).
if(TARGET maillage_qgis_module)
  add_maillage_test(cli_print22 app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_print22.cpp
    LIBS maillage_cli maillage_analysis maillage_io maillage_demo)
  target_compile_definitions(test_app_cli_print22 PRIVATE MAILLAGE_BINARY="$<TARGET_FILE:maillage>")
  add_dependencies(test_app_cli_print22 maillage maillage_qgis_module)
endif()
