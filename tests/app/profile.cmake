# maillage profile: profiles of professionals and retirement projection (issue 12).
add_maillage_test(cli_profile app SOURCES test_cli_profile.cpp LIBS maillage_cli)
