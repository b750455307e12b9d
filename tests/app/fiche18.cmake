# Issue 7, session 18: the territory sheet of a département and of a list of communes, and the secrecy of
# a territory's figures against its parts and references. Owner: fiche engineer.
add_maillage_test(territory_secrecy analysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_territory_secrecy.cpp
  LIBS maillage_analysis)
# The choices of File > Territory sheet… (the print library: only with the desktop libraries).
if(TARGET maillage_print)
  add_maillage_test(sheet_choices print SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sheet_choices.cpp
    LIBS maillage_print maillage_demo)
endif()
