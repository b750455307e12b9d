#pragma once
// The atlas (issue 7): one A4 page per bassin de vie or département, optionally the pôles only, through
// QGIS's layout atlas over the dataset's map: title, map zoomed to the territory, legend, the territory's
// figures (type, reason, population, professionals, masked by statistical secrecy), sources and the
// secrecy note. qgis_core only: the command line runs it without a display (libmaillage_qgis.so).
#include "ui/print/territory_content.h"

#include <QString>

#include <vector>

class QgsFeedback;
class QgsVectorLayer;

namespace maillage::ui::print {

class PrintProject;

//! The territories of the pages.
enum class AtlasBy { Bassin, Departement, Commune }; //!< Commune: territory sheets only

struct AtlasRequest {
    QString dataset; //!< the dataset GeoPackage (only read)
    AtlasBy by = AtlasBy::Bassin;
    bool polesOnly = false; //!< only the BVs that are pôles (départements: those holding one)
    QString output;         //!< the PDF written
};

//! A memory layer of the territories `figures` (fields code, nom, pole_type, type_label, figures, reason)
//! with the geometries of the project's bassins_de_vie, departements or communes layer, added to the project
//! without showing on the map. Null when that layer is absent.
QgsVectorLayer* addTerritoryLayer(PrintProject& print, AtlasBy by,
                                  const std::vector<TerritoryFigures>& figures);

//! Writes the atlas as one PDF through a temporary file renamed when complete. False with a sentence
//! naming the file in `error` when it fails (nothing is then written).
bool writeAtlas(const AtlasRequest& request, QString* error, QgsFeedback* feedback = nullptr);

} // namespace maillage::ui::print
