# Population by commune and age band (accessibility's standardised demand, issue 9; owner: access engineer).
add_maillage_test(population_age io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_population_age.cpp LIBS maillage_io)
