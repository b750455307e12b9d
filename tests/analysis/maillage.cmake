add_maillage_test(maillage analysis SOURCES test_maillage.cpp LIBS maillage_analysis)
add_maillage_test(density analysis SOURCES test_density.cpp LIBS maillage_analysis)
add_maillage_test(link_crossing analysis SOURCES test_link_crossing.cpp LIBS maillage_analysis)
