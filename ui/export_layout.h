#pragma once
// Export of the map view through a QgsPrintLayout (title, map, legend, scale bar, north arrow, source line)
// to PDF, PNG or SVG. Free functions, usable from the main window, the tests and the command line.
#include "core/model/dataset.h"

#include <QString>

#include <memory>

class QgsMapSettings;
class QgsPrintLayout;
class QgsProject;

namespace maillage::ui {

enum class PageOrientation { Landscape, Portrait };
enum class PageSize { A4, A3 };
enum class ExportFormat { Pdf, Png, Svg };

struct ExportOptions {
    QString title;      //!< "Pôles d'offre de soins — Hauts-de-France"
    QString subtitle;   //!< "Typologie par bassin de vie, 2023" (optional)
    QString sourceLine; //!< "Sources : INSEE, BPE 2013 — Maillage, 12/05/2025" (see defaultSourceLine())
    PageOrientation orientation = PageOrientation::Landscape;
    PageSize pageSize = PageSize::A4;
    int dpi = 300; //!< raster resolution (PNG; rasterised parts of PDF/SVG)
};

//! Ids of the layout items (QgsLayout::itemById), for tests and later edits.
namespace layout_id {
inline const char* const Title = "title";
inline const char* const Subtitle = "subtitle";
inline const char* const Map = "map";
inline const char* const Legend = "legend";
inline const char* const ScaleBar = "scale_bar";
inline const char* const NorthArrow = "north_arrow";
inline const char* const Source = "source";
} // namespace layout_id

//! "Sources : INSEE, BPE 2013 ; IGN, Admin Express 2018 — Maillage, 12/05/2025", with "Données fictives"
//! first for the demo dataset; in the UI language.
QString defaultSourceLine(const model::Dataset& dataset);
//! "Pôles d'offre de soins — <dataset title>" in the UI language.
QString defaultTitle(const model::Dataset& dataset);

//! Title, subtitle and source line of the map `project` shows for `dataset` in `vintage`: the pôles, or the
//! density map when the communes show one.
ExportOptions defaultExportOptions(const model::Dataset& dataset, int vintage, const QgsProject* project);

//! ExportFormat from a file name's suffix (.pdf, .png, .svg); false when the suffix is none of them.
bool formatFromPath(const QString& path, ExportFormat* format);

//! An A4 or A3 layout (options.pageSize) showing `view` (extent, layers, CRS of the canvas): the layers in
//! the legend are those of the view that are visible at the layout map's scale.
std::unique_ptr<QgsPrintLayout> buildExportLayout(QgsProject* project, const QgsMapSettings& view,
                                                  const ExportOptions& options);

//! Writes `layout` to `path` through a temporary file in the same folder, renamed when complete. A PDF
//! carries the layout's name (the map's title) as its title.
//! Returns false with a message in `error` (in the UI language) when it fails.
bool exportLayout(QgsPrintLayout* layout, ExportFormat format, const QString& path, int dpi, QString* error);

} // namespace maillage::ui
