# Issue 8's command-line inputs (owner: inputs engineer): density of zones and quartiers, summary by old
# régions and of facilities.
add_maillage_test(cli_inputs8 app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_inputs8.cpp LIBS maillage_cli)
