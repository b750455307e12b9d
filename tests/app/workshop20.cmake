# The desktop's --panel option accepts every analysis panel, scenarios included (issue 11; session 20
# workshop stream). Needs the desktop module: not in a build without the GUI (CI's asan phase).
if(TARGET maillage_gui)
  add_maillage_test(desktop_panel app SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_desktop_panel.cpp LIBS maillage_cli)
  target_compile_definitions(test_app_desktop_panel PRIVATE MAILLAGE_BINARY="$<TARGET_FILE:maillage>")
  add_dependencies(test_app_desktop_panel maillage maillage_gui)
endif()
