add_maillage_test(profile analysis SOURCES test_profile.cpp LIBS maillage_analysis maillage_io)
