# Suite of core/analysis/calibration (owner: register engineer, issue 12).
add_maillage_test(calibration analysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_calibration.cpp LIBS maillage_analysis)
