# Scenarios ("et si…", issue 12): owner scenario engineer.
add_maillage_test(scenario analysis SOURCES test_scenario.cpp LIBS maillage_analysis)
