# add_maillage_test(NAME MODULE SOURCES... [LIBS ...] [LABELS ...] [GUI])
# Builds test_<module>_<name> from Qt Test sources, registers it with CTest, sets TEST_DATA_DIR
# (tests/data) and SHARED_DATA_DIR (../shared/data beside the checkout; tests skip when absent).
function(add_maillage_test NAME MODULE)
  cmake_parse_arguments(T "GUI" "" "SOURCES;LIBS;LABELS" ${ARGN})
  set(target test_${MODULE}_${NAME})
  add_executable(${target} ${T_SOURCES} ${T_UNPARSED_ARGUMENTS})
  target_link_libraries(${target} PRIVATE ${T_LIBS} ${QT}::Test ${QT}::Core)
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/tests)
  set_target_properties(${target} PROPERTIES AUTOMOC ON RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
  if(NOT MAILLAGE_TESTS_DEBUG_INFO)
    target_link_options(${target} PRIVATE -Wl,--strip-debug)
  endif()
  target_compile_definitions(${target} PRIVATE
    TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    SHARED_DATA_DIR="${MAILLAGE_SHARED_DATA_DIR}")
  add_test(NAME ${target} COMMAND ${target})
  set(env "QT_QPA_PLATFORM=offscreen" "LC_ALL=C.UTF-8" "OGR_SQLITE_JOURNAL=DELETE")
  set_tests_properties(${target} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 600)
  if(T_LABELS)
    set_tests_properties(${target} PROPERTIES LABELS "${T_LABELS}")
  endif()
endfunction()
