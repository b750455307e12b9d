#pragma once
// The territory sheet ("fiche territoire", issue 7): a PDF of 3–4 A4 pages for a bassin de vie, a
// département or a list of communes: the map of the territory; the BV's type and reason, the département's
// pôles, or the selection's communes; densities per profession against the references (département,
// région, whole dataset); the types of a département's BVs; the maillage links; the Crunch diagnosis of the
// BV's région or of the département; the sources and the secrecy note. Every figure comes masked from the
// engine (core/analysis/result_tables.h). qgis_core only.
#include <QString>

class QgsFeedback;

namespace maillage::ui::print {

struct ReportRequest {
    QString dataset;   //!< the dataset GeoPackage (only read)
    QString territory; //!< "bv:CODE", "departement:CODE" or "communes:C1,C2,..."
    QString output;    //!< the PDF written
};

//! Writes the sheet through a temporary file renamed when complete. False with a sentence naming the file
//! or the territory in `error` when it fails (nothing is then written).
bool writeTerritoryReport(const ReportRequest& request, QString* error, QgsFeedback* feedback = nullptr);

} // namespace maillage::ui::print
