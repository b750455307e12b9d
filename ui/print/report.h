#pragma once
// The territory sheet ("fiche territoire", issue 7): a PDF of three A4 pages for a bassin de vie: the map
// of the BV and its type with the reason; its densities per profession against its département, région and
// the whole dataset; its maillage links, the Crunch diagnosis of its région, the sources and the secrecy
// note. Every figure comes masked from the engine (core/analysis/result_tables.h). qgis_core only.
#include <QString>

class QgsFeedback;

namespace maillage::ui::print {

struct ReportRequest {
    QString dataset; //!< the dataset GeoPackage (only read)
    QString bassin;  //!< code of the BV
    QString output;  //!< the PDF written
};

//! Writes the sheet through a temporary file renamed when complete. False with a sentence naming the file
//! or the territory in `error` when it fails (nothing is then written).
bool writeTerritoryReport(const ReportRequest& request, QString* error, QgsFeedback* feedback = nullptr);

} // namespace maillage::ui::print
