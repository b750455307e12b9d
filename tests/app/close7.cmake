# Issue 7 closing work: the secrecy scan of every subcommand's outputs.
add_maillage_test(cli_secrecy_scan app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_secrecy_scan.cpp
  LIBS maillage_cli maillage_io)
