# maillage qpv (owner: inputs engineer, session 17).
add_maillage_test(cli_qpv app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_qpv.cpp LIBS maillage_cli)
