# maillage links --kind compare (modelled versus declared).
add_maillage_test(links_compare app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_links_compare.cpp LIBS maillage_cli)
