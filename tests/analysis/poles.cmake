# Pôles d'offre typology and Crunch diagnostics (core/analysis/poles.*, crunch.*).
add_maillage_test(poles analysis SOURCES test_poles.cpp LIBS maillage_analysis)
add_maillage_test(crunch analysis SOURCES test_crunch.cpp LIBS maillage_analysis maillage_io)
