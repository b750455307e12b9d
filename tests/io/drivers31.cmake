# GDAL's drivers registered when a command needs them (core/io/geo.h ensureGdalCore, session 31): a test of its
# own, as registration is for the whole process.
add_maillage_test(gdal_drivers io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_gdal_drivers.cpp LIBS maillage_io)
