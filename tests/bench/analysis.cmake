# Analyses at national scale: aggregation + classification (target < 100 ms), maillage, Crunch, densities.
add_executable(maillage_bench_analysis ${CMAKE_CURRENT_LIST_DIR}/bench_analysis.cpp)
target_link_libraries(maillage_bench_analysis PRIVATE maillage_io maillage_analysis maillage_demo benchmark::benchmark)
target_include_directories(maillage_bench_analysis PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_definitions(maillage_bench_analysis PRIVATE SHARED_DATA_DIR="${MAILLAGE_SHARED_DATA_DIR}")
set_target_properties(maillage_bench_analysis PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
