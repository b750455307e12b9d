# Datasets in PostgreSQL/PostGIS (core/io/postgis.*, app/cmd_copy.cpp; owner: postgis engineer). A real server
# (tests/pg/pg_server.sh) is started by the fixture test pg_server_start and stopped by pg_server_stop; the
# suite skips when PostgreSQL or PostGIS is not installed. Label `postgis`: ctest -L postgis.
find_package(PostgreSQL REQUIRED)
set(_pg_state ${PROJECT_BINARY_DIR}/tests/pg)
add_test(NAME pg_server_start COMMAND ${PROJECT_SOURCE_DIR}/tests/pg/pg_server.sh start ${_pg_state})
add_test(NAME pg_server_stop COMMAND ${PROJECT_SOURCE_DIR}/tests/pg/pg_server.sh stop ${_pg_state})
set_tests_properties(pg_server_start PROPERTIES FIXTURES_SETUP postgis LABELS postgis TIMEOUT 120)
set_tests_properties(pg_server_stop PROPERTIES FIXTURES_CLEANUP postgis LABELS postgis TIMEOUT 120)
add_maillage_test(postgis io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_postgis.cpp
                  LIBS maillage_io maillage_demo PostgreSQL::PostgreSQL LABELS postgis)
target_compile_definitions(test_io_postgis PRIVATE MAILLAGE_PG_ENV="${_pg_state}/server.env"
                                                   MAILLAGE_BINARY="$<TARGET_FILE:maillage>")
add_dependencies(test_io_postgis maillage)
# `maillage add --dataset PG:` writes the styles and project through libmaillage_qgis.so (a warning without it).
if(TARGET maillage_qgis_module)
  add_dependencies(test_io_postgis maillage_qgis_module)
endif()
set_tests_properties(test_io_postgis PROPERTIES FIXTURES_REQUIRED postgis RESOURCE_LOCK postgis)
# The main window on a database dataset (read-only role, stale save).
if(TARGET maillage_ui)
  add_maillage_test(postgis ui SOURCES ${PROJECT_SOURCE_DIR}/tests/pg/test_ui_postgis.cpp
                    LIBS maillage_ui PostgreSQL::PostgreSQL GUI LABELS postgis)
  target_compile_definitions(test_ui_postgis PRIVATE MAILLAGE_PG_ENV="${_pg_state}/server.env")
  set_tests_properties(test_ui_postgis PROPERTIES FIXTURES_REQUIRED postgis RESOURCE_LOCK postgis)
endif()
# Benchmark (by hand, not in CTest): opening from PostgreSQL against the GeoPackage (tests/pg/bench_postgis.cpp).
if(MAILLAGE_BUILD_BENCHMARKS)
  find_package(benchmark QUIET)
  if(benchmark_FOUND)
    add_executable(maillage_bench_postgis ${PROJECT_SOURCE_DIR}/tests/pg/bench_postgis.cpp)
    target_link_libraries(maillage_bench_postgis PRIVATE maillage_io benchmark::benchmark)
    target_include_directories(maillage_bench_postgis PRIVATE ${PROJECT_SOURCE_DIR})
    set_target_properties(maillage_bench_postgis PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
  endif()
endif()
