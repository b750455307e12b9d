# Reading tables row by row (core/io/table TableRows, the readers of core/io/importers): the same results
# as from a whole Table (issue 10, session 21).
add_maillage_test(table_rows io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_table_rows.cpp LIBS maillage_io)
