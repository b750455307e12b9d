# The desktop application: a module that `maillage` dlopen()s when no subcommand is given, so that the
# command line never loads Qt Widgets or QGIS. Included from app/CMakeLists.txt when MAILLAGE_BUILD_GUI.
add_library(maillage_gui MODULE ${CMAKE_CURRENT_LIST_DIR}/gui_main.cpp)
target_link_libraries(maillage_gui PRIVATE maillage_ui)
set_target_properties(maillage_gui PROPERTIES
  OUTPUT_NAME maillage_gui
  PREFIX "lib"
  LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})
target_compile_definitions(maillage_gui PRIVATE MAILLAGE_VERSION="${PROJECT_VERSION}")
# Next to the executable's ../lib/maillage/, where app/main.cpp looks for it once installed.
install(TARGETS maillage_gui LIBRARY DESTINATION lib/maillage)
