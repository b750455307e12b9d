# Issue 10 (speed): what the executable loads for table-only commands, and the hand-over to the engine module.
add_maillage_test(light_start app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_app_light_start.cpp LIBS maillage_cli)
target_compile_definitions(test_app_light_start PRIVATE MAILLAGE_BINARY="$<TARGET_FILE:maillage>")
add_dependencies(test_app_light_start maillage maillage_engine)
