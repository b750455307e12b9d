# Issue 7 closing work: the secrecy scan of every subcommand's outputs (and of the printed sheets when the
# desktop libraries are built: report and atlas run as a process, read back with pdftotext).
add_maillage_test(cli_secrecy_scan app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_secrecy_scan.cpp
  LIBS maillage_cli maillage_io)
if(TARGET maillage_qgis_module)
  target_compile_definitions(test_app_cli_secrecy_scan PRIVATE MAILLAGE_BINARY="$<TARGET_FILE:maillage>")
  add_dependencies(test_app_cli_secrecy_scan maillage maillage_qgis_module)
endif()
