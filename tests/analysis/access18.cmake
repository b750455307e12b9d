# Communes around the area as accessibility's supply and demand, never reported (issue 9; owner: access
# engineer). The Hauts-de-France part reads ../shared/data and skips when it is absent.
add_maillage_test(access_buffer analysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_access_buffer.cpp
  LIBS maillage_analysis maillage_io)
