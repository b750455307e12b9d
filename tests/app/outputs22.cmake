# Issue 7, session 22: crunch's JSON document and whole populations in every table output. Owner: outputs
# helper.
add_maillage_test(cli_outputs22 app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_outputs22.cpp LIBS maillage_cli)
