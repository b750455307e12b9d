#pragma once
// QGIS started without a display for a process that has no application: the command line's module
// (qgis_module.cpp) and the build-time generator of the styles' templates (style_templates.cpp).

namespace maillage::ui::styles {

//! QGIS for a process that has no application (the command line), without a display, its words (legend,
//! layer names, type labels, reasons) in French or English. It stays up until the process ends: QGIS cannot
//! be started again once exitQgis() has run, nor GDAL be used after it (it tears the drivers down), and the
//! command line goes on using GDAL. Without `plugins`, no provider nor authentication plugin is loaded (0.1
//! s of CPU): enough for GeoPackages, read through QGIS's own ogr provider; PostgreSQL needs its plugin.
void startQgis(bool french, bool plugins = true);

} // namespace maillage::ui::styles
