#pragma once
// The import pipeline behind `maillage import` and the GUI's import wizard.
#include "core/io/geo.h"
#include "core/io/importers.h"
#include "core/model/dataset.h"
#include "core/model/feedback.h"

#include <string>
#include <vector>

namespace maillage::io {

struct ProfessionalsSource {
    std::string path;
    int vintage = 0; //!< year; required unless the table has a vintage column
    ProfessionalsColumns columns;
    TableReadOptions read;
};

struct ImportOptions {
    std::string communesPath; //!< polygons (GeoPackage, Shapefile, GeoJSON); or a table without geometry
    PolygonReadOptions polygons;
    std::string bassinsPath; //!< commune -> BV table; optional when the communes carry a bv column
    std::string bvColumn;    //!< "" = detect BV2012/BV2022
    TableReadOptions bassinsRead;
    std::string populationPath; //!< optional
    std::string populationCode = "codgeo", populationColumn = "population";
    TableReadOptions populationRead;
    std::vector<ProfessionalsSource> professionals;
    //! Counts per infra-communal zone (e.g. INSEE's BPE by IRIS), for the drill-down below the commune.
    //! Give counts per commune of the same vintage too: classification and densities use those.
    std::vector<ProfessionalsSource> zoneProfessionals;
    std::string zoneColumn;    //!< "" = dciris (then iris, code_iris, zone)
    std::string cataloguePath; //!< "" = built-in catalogue
    std::string title;
    std::vector<std::string> sources;
    int cogYear = 0;
    std::string regionFilter;           //!< keep only communes of this région code ("" = all)
    std::string departementFilter;      //!< keep only communes of these départements, comma separated
    std::string createdBy = "Maillage"; //!< application and version, written to the metadata
};

struct ImportReport {
    Warnings warnings;
    //! BV table vs communes (both ways), population vs communes (both ways), each counts table vs communes.
    std::vector<JoinReport> joins;
};

//! Reads everything, joins, folds arrondissements, dissolves bassins, and returns the dataset (not
//! written: call writeDataset). Progress and cancellation through `feedback`.
model::Dataset importDataset(const ImportOptions& options, ImportReport& report,
                             Feedback* feedback = nullptr);

} // namespace maillage::io
