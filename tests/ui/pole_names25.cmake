# Issue 11, session 25: every grande métropole and grand pôle named on the national map and in the print
# layouts' maps (Maillage's placement), or no smaller pôle named.
add_maillage_test(pole_names25 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_pole_names25.cpp LIBS maillage_ui GUI)
