# Facilities across COG years and added to a dataset (owner: inputs engineer, session 17).
add_maillage_test(facilities_cog io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_facilities_cog.cpp LIBS maillage_io)
