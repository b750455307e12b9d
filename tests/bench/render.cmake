# Full-extent render of the national map at 1600×1200 with the application's layers (target < 300 ms).
# Needs the GUI library (MAILLAGE_BUILD_GUI).
if(TARGET maillage_ui)
  add_executable(maillage_bench_render ${CMAKE_CURRENT_LIST_DIR}/bench_render.cpp)
  target_link_libraries(maillage_bench_render PRIVATE maillage_ui benchmark::benchmark)
  target_include_directories(maillage_bench_render PRIVATE ${PROJECT_SOURCE_DIR})
  target_compile_definitions(maillage_bench_render PRIVATE SHARED_DATA_DIR="${MAILLAGE_SHARED_DATA_DIR}")
  set_target_properties(maillage_bench_render PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
endif()
