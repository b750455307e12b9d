# The packaging test (CTest label "packaging"): builds the .deb with CPack, requires zero lintian errors,
# validates the AppStream metadata, and starts the installed binary from a temporary prefix.
#   cmake -DBUILD_DIR=<build> -DVERSION=<project version> -P check_package.cmake
# Prints "package check: SKIPPED" (CTest's SKIP_REGULAR_EXPRESSION) when cpack, dpkg-deb or lintian is absent.
cmake_minimum_required(VERSION 3.16)
foreach(v BUILD_DIR VERSION)
  if(NOT ${v})
    message(FATAL_ERROR "check_package: ${v} is not set")
  endif()
endforeach()
get_filename_component(_cmake_bin "${CMAKE_COMMAND}" DIRECTORY)
find_program(CPACK cpack HINTS "${_cmake_bin}")
find_program(LINTIAN lintian)
find_program(DPKG_DEB dpkg-deb)
if(NOT CPACK OR NOT LINTIAN OR NOT DPKG_DEB)
  message("package check: SKIPPED: needs cpack, dpkg-deb and lintian (Debian: apt-get install lintian)")
  return()
endif()

# Runs a command, fails the test with its output when it fails.
function(run what)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${BUILD_DIR}" OUTPUT_VARIABLE out ERROR_VARIABLE err
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "package check: ${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(run_output "${out}${err}" PARENT_SCOPE)
endfunction()

execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE arch OUTPUT_STRIP_TRAILING_WHITESPACE)
set(deb "${BUILD_DIR}/maillage_${VERSION}_${arch}.deb")
set(ddeb "${BUILD_DIR}/maillage-dbgsym_${VERSION}_${arch}.ddeb")
file(REMOVE "${deb}" "${ddeb}")
run("cpack" "${CPACK}" -G DEB --config "${BUILD_DIR}/CPackConfig.cmake")
foreach(f "${deb}" "${ddeb}")
  if(NOT EXISTS "${f}")
    message(FATAL_ERROR "package check: cpack did not write ${f}")
  endif()
endforeach()

# Stripped binaries in the package, their symbols in the dbgsym package.
run("dpkg-deb --contents" "${DPKG_DEB}" --contents "${ddeb}")
if(NOT run_output MATCHES "/usr/lib/debug/")
  message(FATAL_ERROR "package check: ${ddeb} holds no debug symbols:\n${run_output}")
endif()

# Lintian: no error (warnings and informational tags are printed for the log).
execute_process(COMMAND "${LINTIAN}" --no-tag-display-limit "${deb}" OUTPUT_VARIABLE lint ERROR_VARIABLE lint_err
                RESULT_VARIABLE lint_rc)
message("lintian ${deb}:\n${lint}${lint_err}")
if(lint MATCHES "(^|\n)E: ")
  message(FATAL_ERROR "package check: lintian reports errors (above)")
endif()

# The installed tree: `maillage --help` runs from it, the man page and metadata are there.
set(prefix "${BUILD_DIR}/package-check-prefix")
file(REMOVE_RECURSE "${prefix}")
run("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")
run("installed maillage --help" "${CMAKE_COMMAND}" -E env ASAN_OPTIONS=detect_leaks=0 "${prefix}/bin/maillage" --help)
# French by default (LANG=C included), English with --lang en or an English locale.
if(NOT run_output MATCHES "(Usage:|Utilisation)")
  message(FATAL_ERROR "package check: installed maillage --help printed no usage:\n${run_output}")
endif()
# The program's own version must be project()'s, which the package, man page and AppStream carry.
run("installed maillage --version" "${CMAKE_COMMAND}" -E env ASAN_OPTIONS=detect_leaks=0 "${prefix}/bin/maillage" --version)
string(STRIP "${run_output}" version_output)
if(NOT version_output STREQUAL "maillage ${VERSION}")
  message(FATAL_ERROR "package check: 'maillage --version' prints '${version_output}', project() says ${VERSION}")
endif()
# Table-only commands run in the executable; the others load the engine module from lib/maillage/engine.
if(SOURCE_DIR)
  foreach(output classify.csv classify.xlsx)
    run("installed maillage classify --output ${output}" "${CMAKE_COMMAND}" -E env ASAN_OPTIONS=detect_leaks=0
        "${prefix}/bin/maillage" classify --communes "${SOURCE_DIR}/tests/data/cli/communes.csv"
        --professionals "${SOURCE_DIR}/tests/data/cli/professionals.csv" --output "${prefix}/${output}" --quiet)
    if(NOT EXISTS "${prefix}/${output}")
      message(FATAL_ERROR "package check: installed maillage classify wrote no ${output}")
    endif()
  endforeach()
endif()
# The dataset's styles and QGIS project from the installed templates (share/maillage/styles), without loading
# QGIS (issue 10): the installed binary finds them. Builds without the desktop libraries have none.
if(EXISTS "${BUILD_DIR}/share/maillage/styles/fr/project.qgs")
  foreach(f share/maillage/styles/fr/project.qgs share/maillage/styles/en/project.qgs
            share/maillage/styles/fr/words.txt share/maillage/styles/en/bassins_de_vie.qml)
    if(NOT EXISTS "${prefix}/${f}")
      message(FATAL_ERROR "package check: ${f} is not installed")
    endif()
  endforeach()
  run("installed maillage demo" "${CMAKE_COMMAND}" -E env ASAN_OPTIONS=detect_leaks=0 LD_DEBUG=files
      "${prefix}/bin/maillage" demo --quiet --output "${prefix}/demo.gpkg")
  if(NOT EXISTS "${prefix}/demo.gpkg" OR run_output MATCHES "libqgis_core" OR NOT run_output MATCHES "libgdal")
    message(FATAL_ERROR "package check: installed maillage demo wrote no dataset or loaded QGIS for its styles")
  endif()
endif()
foreach(f share/man/man1/maillage.1.gz share/doc/maillage/copyright share/doc/maillage/changelog.gz
          share/metainfo/fr.ors.Maillage.metainfo.xml share/applications/fr.ors.Maillage.desktop
          share/maillage/professions.csv share/maillage/facilities/bpe_d1xx.csv
          share/maillage/cog/cog_tables_passage_annuelles_2008_2024.csv)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "package check: ${f} is not installed")
  endif()
endforeach()
find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
  run("appstreamcli validate" "${APPSTREAMCLI}" validate --no-net
      "${prefix}/share/metainfo/fr.ors.Maillage.metainfo.xml")
  message("${run_output}")
endif()
file(REMOVE_RECURSE "${prefix}")
message("package check: ${deb} lintian clean, installed maillage starts")
