# The docked panels (ui/panels): PolesPanel, MaillagePanel, DensityPanel on the demo dataset.
add_maillage_test(panels ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_panels.cpp LIBS maillage_ui GUI)
