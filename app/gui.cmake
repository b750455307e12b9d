# The desktop application: a module that `maillage` dlopen()s when no subcommand is given, so that the
# command line never loads Qt Widgets or QGIS. Included from app/CMakeLists.txt when MAILLAGE_BUILD_GUI.
add_library(maillage_gui MODULE ${CMAKE_CURRENT_LIST_DIR}/gui_main.cpp)
target_link_libraries(maillage_gui PRIVATE maillage_ui)
set_target_properties(maillage_gui PROPERTIES
  OUTPUT_NAME maillage_gui
  PREFIX "lib"
  LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})
target_compile_definitions(maillage_gui PRIVATE MAILLAGE_VERSION="${PROJECT_VERSION}")
# A private folder, relative to the prefix, where app/main.cpp looks for it once installed (next to the
# executable in the build tree). Not lib/maillage: CPack's Debian generator adds ldconfig calls for a
# shared object in lib/ or in a folder of lib/ (lintian: maintscript-calls-ldconfig), not deeper.
set(MAILLAGE_GUI_MODULE_DIR "lib/maillage/gui")
install(TARGETS maillage_gui LIBRARY DESTINATION ${MAILLAGE_GUI_MODULE_DIR})
target_compile_definitions(maillage PRIVATE MAILLAGE_GUI_MODULE_DIR="${MAILLAGE_GUI_MODULE_DIR}")
