# A scenario recomputed nationally (issue 12, target < 1 s): owner scenario engineer.
add_executable(maillage_bench_scenario ${CMAKE_CURRENT_LIST_DIR}/bench_scenario.cpp)
target_link_libraries(maillage_bench_scenario PRIVATE maillage_analysis benchmark::benchmark)
target_include_directories(maillage_bench_scenario PRIVATE ${PROJECT_SOURCE_DIR})
set_target_properties(maillage_bench_scenario PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
