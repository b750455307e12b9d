# Polygons spooled to a temporary file while importing (core/io/geometry_spool, session 25).
add_maillage_test(geometry_spool io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_geometry_spool.cpp LIBS maillage_io)
