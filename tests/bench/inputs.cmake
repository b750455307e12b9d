# Inputs of the Maillage panel at the national scale, on generated files (owner: inputs engineer).
add_executable(maillage_bench_inputs ${CMAKE_CURRENT_LIST_DIR}/bench_inputs.cpp)
target_link_libraries(maillage_bench_inputs PRIVATE maillage_io maillage_analysis benchmark::benchmark)
target_include_directories(maillage_bench_inputs PRIVATE ${PROJECT_SOURCE_DIR})
set_target_properties(maillage_bench_inputs PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
