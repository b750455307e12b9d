# Suites of the faster paths (owner: performance engineer): they give exactly the previous results.
add_maillage_test(dissolve io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dissolve.cpp LIBS maillage_io maillage_demo)
add_maillage_test(polygon_validity io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_polygon_validity.cpp LIBS maillage_io)
add_maillage_test(gpkg_read io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_gpkg_read.cpp LIBS maillage_io maillage_demo)
