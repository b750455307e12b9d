# Issue 7, session 22: the dataset's result tables streamed to the file (row counts and values on real data)
# and `classify --dataset D --save` (run as a process: the QGIS module starts once per process). Owner:
# results helper.
if(TARGET maillage_qgis_module)
  add_maillage_test(results22 app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_results22.cpp
    LIBS maillage_analysis maillage_io maillage_demo)
  target_compile_definitions(test_app_results22 PRIVATE MAILLAGE_BINARY="$<TARGET_FILE:maillage>")
  add_dependencies(test_app_results22 maillage maillage_qgis_module)
endif()
