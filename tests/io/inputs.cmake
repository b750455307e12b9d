# Suites of core/io/travel_times, flows, cooperations, cog_history, territory_names (owner: inputs engineer).
add_maillage_test(inputs io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_inputs.cpp LIBS maillage_io)
