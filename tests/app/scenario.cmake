# maillage scenario (issue 12, owner: scenario engineer).
add_maillage_test(cli_scenario app SOURCES test_cli_scenario.cpp LIBS maillage_cli)
