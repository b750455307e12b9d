# maillage atlas and maillage report, run as a process (they dlopen libmaillage_qgis.so beside the binary;
# pdfinfo/pdftotext from poppler-utils read what they wrote). Owner: print engineer.
# Without the desktop libraries (MAILLAGE_BUILD_GUI=OFF, the sanitizer build) there is nothing to print with.
if(NOT TARGET maillage_qgis_module)
  return()
endif()
add_maillage_test(cli_print app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_print.cpp
  LIBS maillage_cli maillage_analysis maillage_io maillage_demo)
target_compile_definitions(test_app_cli_print PRIVATE MAILLAGE_BINARY="$<TARGET_FILE:maillage>")
add_dependencies(test_app_cli_print maillage maillage_qgis_module)
