# maillage import|add|access --age-weights (issue 9, session 19; owner: access engineer).
add_maillage_test(cli_access19 app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli_access19.cpp LIBS maillage_cli)
