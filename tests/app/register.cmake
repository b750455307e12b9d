# maillage import/add --register and maillage calibrate (owner: register engineer, issue 12).
add_maillage_test(cli_register app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_register.cpp LIBS maillage_cli)
