# The sensitivity of the pôle types (Session::requestSensitivity, SensitivityPanel, SensitivityLayer) and the
# zonage simulator of the Densités panel.
add_maillage_test(sensitivity ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_sensitivity.cpp LIBS maillage_ui GUI)
