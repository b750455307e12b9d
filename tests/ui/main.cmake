# The main window, the map layers, export and translations (ui/ except the panels, see panels.cmake).
add_maillage_test(map ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_map.cpp LIBS maillage_ui GUI)
add_maillage_test(mainwindow ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_mainwindow.cpp LIBS maillage_ui GUI)
add_maillage_test(export ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_export.cpp LIBS maillage_ui GUI)
# Completeness of the French translation against the strings lupdate finds in the sources now.
add_maillage_test(translations ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_translations.cpp)
get_target_property(_maillage_lupdate ${QT}::lupdate IMPORTED_LOCATION)
target_compile_definitions(test_ui_translations PRIVATE MAILLAGE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  MAILLAGE_LUPDATE="${_maillage_lupdate}")
target_compile_definitions(test_ui_mainwindow PRIVATE MAILLAGE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
# Background work: FunctionTask, the status bar's progress widget, the Session's tasks.
add_maillage_test(tasks ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_tasks.cpp LIBS maillage_ui GUI)
