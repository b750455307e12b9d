# Suites of core/io/geo, gpkg and import (owner: geo/gpkg/import engineer).
add_maillage_test(geo io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_geo.cpp LIBS maillage_io)
add_maillage_test(gpkg io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_gpkg.cpp LIBS maillage_io)
add_maillage_test(import io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_import.cpp LIBS maillage_io)
# The whole of France: a minute or so, needs ../shared/data (skips without it).
add_maillage_test(import_national io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_import_national.cpp LIBS maillage_io
  LABELS realdata)
