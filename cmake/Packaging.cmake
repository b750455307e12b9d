# Installation layout and a Debian package through CPack: `cpack -G DEB` in the build folder.
include(GNUInstallDirs)
# The GUI module installs itself next to the executable's ../lib/maillage/ (app/gui.cmake).
install(FILES ${PROJECT_SOURCE_DIR}/packaging/fr.ors.Maillage.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/fr.ors.Maillage.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/fr.ors.Maillage.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/resources/professions.csv DESTINATION ${CMAKE_INSTALL_DATADIR}/maillage)

set(CPACK_PACKAGE_NAME "maillage")
set(CPACK_PACKAGE_VENDOR "Maillage developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Pôles d'offre de soins, maillage and Crunch diagnostics of bassins de vie")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "maillage@localhost")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qgis-providers")
set(CPACK_GENERATOR "DEB")
include(CPack)
