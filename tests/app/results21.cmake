# Issue 7 audit, session 21: the dataset's words and secrecy as the command line writes them (run as a
# process: the QGIS module starts once per process, in one language), and the territory sheet's headers and
# intensities in process. Owner: results helper.
if(TARGET maillage_qgis_module)
  add_maillage_test(results21 app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_results21.cpp
    LIBS maillage_cli maillage_analysis maillage_io maillage_demo)
  target_compile_definitions(test_app_results21 PRIVATE MAILLAGE_BINARY="$<TARGET_FILE:maillage>")
  add_dependencies(test_app_results21 maillage maillage_qgis_module)
endif()
if(TARGET maillage_print)
  add_maillage_test(results21 print SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_print_results21.cpp
    LIBS maillage_print maillage_analysis maillage_demo)
endif()
