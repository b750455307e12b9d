# Installation layout and a Debian package through CPack: `cpack -G DEB` in the build folder gives
# maillage_<version>_<arch>.deb and its debug symbols, maillage-dbgsym_<version>_<arch>.ddeb.
# Version, description and home page come from project() in the top-level CMakeLists.txt.
include(GNUInstallDirs)

set(MAILLAGE_MAINTAINER "Maillage developers <maillage@ors.invalid>")
# The home page of the package and of the AppStream metadata: project()'s, unless it is a placeholder
# (a .invalid domain, RFC 2606), which no package may advertise; a packager sets the real one here.
set(_homepage "")
if(PROJECT_HOMEPAGE_URL AND NOT PROJECT_HOMEPAGE_URL MATCHES "\\.invalid(/|$)")
  set(_homepage "${PROJECT_HOMEPAGE_URL}")
endif()
set(MAILLAGE_HOMEPAGE_URL "${_homepage}" CACHE STRING "Home page of the package (none when empty)")
# AppStream: the home page and its screenshot, only when there is a home page.
set(MAILLAGE_METAINFO_LINKS "")
if(MAILLAGE_HOMEPAGE_URL)
  string(CONCAT MAILLAGE_METAINFO_LINKS
    "  <url type=\"homepage\">${MAILLAGE_HOMEPAGE_URL}</url>\n"
    "  <screenshots>\n    <screenshot type=\"default\">\n"
    "      <caption>Bassins de vie coloured by type of pôle d'offre de soins</caption>\n"
    "      <image>${MAILLAGE_HOMEPAGE_URL}/screenshot.png</image>\n    </screenshot>\n  </screenshots>\n")
endif()
# Dates of the release entries: the build date, or SOURCE_DATE_EPOCH for a reproducible package.
string(TIMESTAMP MAILLAGE_RELEASE_DATE "%Y-%m-%d" UTC)
string(TIMESTAMP MAILLAGE_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
set(MAILLAGE_DEB_VERSION "${PROJECT_VERSION}")
set(_pkg ${PROJECT_BINARY_DIR}/packaging)
set(_doc ${CMAKE_INSTALL_DATADIR}/doc/maillage)

# GUI and metadata files.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/fr.ors.Maillage.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
configure_file(${PROJECT_SOURCE_DIR}/packaging/fr.ors.Maillage.metainfo.xml.in ${_pkg}/fr.ors.Maillage.metainfo.xml @ONLY)
install(FILES ${_pkg}/fr.ors.Maillage.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/fr.ors.Maillage.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/resources/professions.csv DESTINATION ${CMAKE_INSTALL_DATADIR}/maillage)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/territories ${PROJECT_SOURCE_DIR}/resources/cog
        ${PROJECT_SOURCE_DIR}/resources/facilities DESTINATION ${CMAKE_INSTALL_DATADIR}/maillage OPTIONAL)

# The .gpkg type the .desktop file opens, unless this system's shared-mime-info already defines it.
set(_mime_db /usr/share/mime/packages/freedesktop.org.xml)
set(_mime_known FALSE)
if(EXISTS ${_mime_db})
  file(STRINGS ${_mime_db} _gpkg_type REGEX "application/geopackage\\+sqlite3")
  if(_gpkg_type)
    set(_mime_known TRUE)
  endif()
endif()
if(NOT _mime_known)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/geopackage-mime.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME fr.ors.Maillage.xml)
endif()

# Debian documentation: machine-readable copyright, changelog (gzip -9n: no name, no time stamp). The
# version has no Debian revision (a native package): its changelog is changelog.gz, not changelog.Debian.gz.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright DESTINATION ${_doc})
configure_file(${PROJECT_SOURCE_DIR}/packaging/changelog.Debian.in ${_pkg}/changelog @ONLY)

# The man page, from the built program's --help (cmake/ManPage.cmake).
string(TIMESTAMP _man_date "%Y-%m-%d" UTC)
add_custom_command(OUTPUT ${_pkg}/maillage.1.gz ${_pkg}/changelog.gz
  COMMAND ${CMAKE_COMMAND} -DMAILLAGE=$<TARGET_FILE:maillage> -DVERSION=${PROJECT_VERSION} -DDATE=${_man_date}
          -DOUTPUT=${_pkg}/maillage.1 -P ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
  COMMAND gzip -9nf ${_pkg}/maillage.1
  COMMAND gzip -9nkf ${_pkg}/changelog
  DEPENDS maillage ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake ${_pkg}/changelog
  COMMENT "Man page maillage(1) from 'maillage --help'; changelog.gz"
  VERBATIM)
add_custom_target(maillage_docs ALL DEPENDS ${_pkg}/maillage.1.gz ${_pkg}/changelog.gz)
install(FILES ${_pkg}/maillage.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${_pkg}/changelog.gz DESTINATION ${_doc})

set(CPACK_PACKAGE_NAME "maillage")
set(CPACK_PACKAGE_VENDOR "Maillage developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${MAILLAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${MAILLAGE_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${MAILLAGE_HOMEPAGE_URL}") # CPack falls back on project()'s otherwise
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "health-care poles and links of French living areas (GIS)")
set(CPACK_PACKAGE_DESCRIPTION [[Maillage is a desktop GIS for regional health observatories. It maps the
bassins de vie (INSEE living areas) by type of pôle d'offre de soins, computed
from counts of health professionals, and explains each classification. It
shows how professionals concentrate in the largest pôles (Crunch
diagnostics), the links between pôles, and medical densities commune by
commune.

It imports INSEE, IGN, RPPS/ADELI and BPE files into a GeoPackage that QGIS
opens as it is, masks small counts, and exports maps and tables. A command
line runs the imports and classifications without a display.]])
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${MAILLAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qgis-providers")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Stripped binaries in the package, their symbols in maillage-dbgsym (needs a build with -g). CPack
# strips them itself: CPACK_STRIP_FILES would strip before it keeps the symbols.
set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)
set(CPACK_GENERATOR "DEB")
include(CPack)
