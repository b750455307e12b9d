# maillage access (saved parameters, zonage), classify --margins and maillage sensitivity.
add_maillage_test(cli_access app SOURCES test_cli_access.cpp LIBS maillage_cli)
