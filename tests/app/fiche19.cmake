# Issue 7, session 19: the territory sheet's year, columns and dates, in process (the print library: only
# with the desktop libraries). Owner: fiche engineer.
if(TARGET maillage_print)
  add_maillage_test(fiche19 print SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_fiche19.cpp
    LIBS maillage_print maillage_analysis maillage_demo)
endif()
