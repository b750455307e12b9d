# Profiles of professionals (issue 12): every BV of a synthetic national register of 1.2 million people.
add_executable(maillage_bench_profile ${CMAKE_CURRENT_LIST_DIR}/bench_profile.cpp)
target_link_libraries(maillage_bench_profile PRIVATE maillage_analysis benchmark::benchmark)
target_include_directories(maillage_bench_profile PRIVATE ${PROJECT_SOURCE_DIR})
set_target_properties(maillage_bench_profile PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
