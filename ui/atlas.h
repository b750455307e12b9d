#pragma once
// The desktop's print actions (File menu: "Atlas…", "Territory sheet…"): the user picks the PDF, and the
// application's own command line (maillage atlas / maillage report) writes it in a background task, so that
// QGIS lays out and renders the pages off the interface's thread with the same code as the command line.
#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace maillage::ui {

class FunctionTask;

//! The arguments of `maillage atlas` for the dataset `dataset` into `output` (by bassin de vie or
//! département, pôles only or all), in the interface's language.
QStringList atlasArguments(const QString& dataset, bool byDepartement, bool polesOnly, const QString& output);
//! The arguments of `maillage report` for the BV `bassin` of `dataset` into `output` (or the territory
//! `bassin` when it is one: "departement:59", "communes:59350,59009").
QStringList reportArguments(const QString& dataset, const QString& bassin, const QString& output);

//! Starts `maillage <arguments>` (this executable) as a task; `done` gets false with the command's message
//! when it fails. Returns the task (owned by QgsApplication::taskManager()).
FunctionTask* startPrintTask(const QString& description, const QStringList& arguments,
                             std::function<void(bool ok, const QString& error)> done);

} // namespace maillage::ui
