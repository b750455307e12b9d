# Scenarios as stored: JSON and the dataset's `scenarios` table (owner: scenario engineer).
add_maillage_test(scenarios io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_scenarios.cpp LIBS maillage_io)
