# The output layer of result tables (core/io/table_writer.*, result_table.*).
add_maillage_test(table_writer io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_table_writer.cpp LIBS maillage_io)
