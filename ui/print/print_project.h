#pragma once
// The dataset as the print outputs draw it: a private copy of the dataset GeoPackage with its results,
// styles and QGIS project written by ui/styles (the map the application and QGIS show), opened read-only
// for the layouts. The user's dataset is never written.
#include "core/analysis/poles.h"
#include "core/model/dataset.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

#include <qgsproject.h>

class QgsVectorLayer;

namespace maillage::ui::print {

//! The map and the dataset of a print output.
class PrintProject {
public:
    //! Copies `gpkg` into a temporary folder, writes its results (the classification of the dataset's
    //! default year, analysis::defaultVintage), styles and project there and opens them. Returns null with
    //! a sentence naming the file in `error` when any step fails.
    static std::unique_ptr<PrintProject> open(const QString& gpkg, QString* error);

    QgsProject& project() { return m_project; }
    const model::Dataset& dataset() const { return m_dataset; }
    //! The classification the map shows, for the pages to show the same without classifying again.
    const analysis::Classification& classification() const { return m_classification; }
    //! The project's layer `name` (bassins_de_vie, departements...); null when absent.
    QgsVectorLayer* layer(const QString& name);

private:
    PrintProject() = default;
    QTemporaryDir m_folder;
    QgsProject m_project;
    model::Dataset m_dataset;
    analysis::Classification m_classification;
};

} // namespace maillage::ui::print
