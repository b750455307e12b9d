# maillage profile: the register of the year asked, never another year's (issue 12).
add_maillage_test(cli_register_year app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_register_year.cpp LIBS maillage_cli)
