# Find QGIS (Debian's FindQGIS.cmake) and the Qt major version it was built with.
# Qt 5 and Qt 6 cannot share a process: the Qt we use is the one libqgis_core links.
if(MAILLAGE_BUILD_GUI)
  if(EXISTS /usr/share/qgis/FindQGIS.cmake)
    list(APPEND CMAKE_MODULE_PATH /usr/share/qgis)
  endif()
  find_package(QGIS REQUIRED)
  if(NOT QGIS_FOUND OR NOT QGIS_CORE_LIBRARY)
    message(FATAL_ERROR "QGIS development files not found (Debian: apt-get install libqgis-dev qgis-providers)")
  endif()
endif()

set(MAILLAGE_QT_MAJOR 5)
if(QGIS_CORE_LIBRARY)
  execute_process(COMMAND sh -c "ldd '${QGIS_CORE_LIBRARY}' | grep -c libQt6Core" OUTPUT_VARIABLE _qt6 OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(_qt6 AND NOT _qt6 STREQUAL "0")
    set(MAILLAGE_QT_MAJOR 6)
  endif()
endif()
message(STATUS "Maillage: building against Qt ${MAILLAGE_QT_MAJOR}")

set(QT Qt${MAILLAGE_QT_MAJOR})
set(_qt_components Core Test)
if(MAILLAGE_BUILD_GUI)
  list(APPEND _qt_components Gui Widgets Xml Svg PrintSupport Concurrent LinguistTools)
endif()
find_package(${QT} REQUIRED COMPONENTS ${_qt_components})

# Keep the code Qt 6 clean.
add_compile_definitions(QT_DISABLE_DEPRECATED_BEFORE=0x050F00 QT_NO_FOREACH QT_NO_CAST_FROM_BYTEARRAY)

if(MAILLAGE_BUILD_GUI)
  add_library(maillage_qgis INTERFACE)
  target_include_directories(maillage_qgis SYSTEM INTERFACE ${QGIS_INCLUDE_DIR})
  target_link_libraries(maillage_qgis INTERFACE ${QGIS_CORE_LIBRARY} ${QGIS_GUI_LIBRARY}
    ${QT}::Core ${QT}::Gui ${QT}::Widgets ${QT}::Xml ${QT}::Svg ${QT}::PrintSupport ${QT}::Concurrent)
endif()
