# maillage change, crunch --early-warning and --brief (issue 11).
add_maillage_test(cli_change app SOURCES test_cli_change.cpp LIBS maillage_cli)
