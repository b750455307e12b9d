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

# Embeds files as Qt resources (the translations, the user guide): writes <name>.qrc in the current binary
# folder, listing each of FILES (relative to BASE) under PREFIX with that relative path as its alias, and
# sets <out_var> to the generated sources. Initialise it in C++ with Q_INIT_RESOURCE(<name>).
#   maillage_embed_files(<out_var> NAME <name> PREFIX </prefix> BASE <folder> FILES <relative paths...>)
function(maillage_embed_files out_var)
  cmake_parse_arguments(ARG "" "NAME;PREFIX;BASE" "FILES" ${ARGN})
  set(_body "<RCC>\n  <qresource prefix=\"${ARG_PREFIX}\">\n")
  set(_inputs)
  foreach(_file ${ARG_FILES})
    string(APPEND _body "    <file alias=\"${_file}\">${ARG_BASE}/${_file}</file>\n")
    list(APPEND _inputs ${ARG_BASE}/${_file})
  endforeach()
  string(APPEND _body "  </qresource>\n</RCC>\n")
  set(_qrc ${CMAKE_CURRENT_BINARY_DIR}/${ARG_NAME}.qrc)
  file(CONFIGURE OUTPUT ${_qrc} CONTENT "${_body}")
  if(MAILLAGE_QT_MAJOR EQUAL 6)
    qt6_add_resources(_sources ${_qrc})
  else()
    qt5_add_resources(_sources ${_qrc})
  endif()
  # rcc must run again when a file changes, and after the files that are generated (.qm) exist.
  set_source_files_properties(${_sources} PROPERTIES OBJECT_DEPENDS "${_inputs}" SKIP_AUTORCC ON)
  set(${out_var} ${_sources} PARENT_SCOPE)
endfunction()
