# Writing the dataset GeoPackage of the whole of France, without and with its results, layer styles and
# QGIS project (issue 7: with them, under 1.5 times without). Needs the styles library (MAILLAGE_BUILD_GUI).
if(TARGET maillage_styles)
  add_executable(maillage_bench_gpkg ${CMAKE_CURRENT_LIST_DIR}/bench_gpkg.cpp)
  target_link_libraries(maillage_bench_gpkg PRIVATE maillage_styles benchmark::benchmark)
  target_include_directories(maillage_bench_gpkg PRIVATE ${PROJECT_SOURCE_DIR})
  set_target_properties(maillage_bench_gpkg PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
endif()
