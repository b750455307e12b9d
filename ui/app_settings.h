#pragma once
// The application's own settings (language, window layout, recent datasets, folders, bookmarks).
#include <QSettings>

#include <memory>

namespace maillage::ui {

//! The settings file of the application, <config>/<organisation>/<application>.conf, at the same place
//! before and after QgsApplication::initQgis() (which moves QSettings' default location into the QGIS
//! profile folder): the language read at start-up is the one saved by the parameters dialog.
std::unique_ptr<QSettings> appSettings();

} // namespace maillage::ui
