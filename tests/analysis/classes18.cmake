# Classes of the density map (core/analysis/classes.*, issue 11; session 18 workshop stream).
add_maillage_test(classes analysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_classes.cpp LIBS maillage_analysis)
