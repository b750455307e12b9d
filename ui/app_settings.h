#pragma once
// The application's own settings (language, window layout, recent datasets, folders, bookmarks).
#include <QSettings>

#include <memory>

namespace maillage::ui {

//! The settings file of the application, <config>/<organisation>/<application>.conf, at the same place
//! before and after QgsApplication::initQgis() (which moves QSettings' default location into the QGIS
//! profile folder): the language read at start-up is the one saved by the parameters dialog.
std::unique_ptr<QSettings> appSettings();

//! Once: copies into appSettings() the settings that versions before it wrote, after initQgis(), into the
//! QGIS profile folder (<app data>/profiles/default/<organisation>/<application>.ini): the language chosen
//! then, the recent datasets, the window layout. Keys already set are kept. Call it before reading them.
void importProfileSettings();

} // namespace maillage::ui
