# Accessibility, session 19 (issue 9; owner: access engineer): user consumption weights by age band,
# registers in the buffer, buffer runs without copies.
add_maillage_test(access19 analysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_access19.cpp
  LIBS maillage_analysis maillage_io)
