#pragma once
// What the print outputs share (map export, atlas, territory sheet): placing items in millimetres, the
// fonts, text boxes, the source line, and writing a PDF through a temporary file renamed when complete.
// qgis_core only: the command line runs them through libmaillage_qgis.so without a display.
#include "core/model/dataset.h"
#include "core/model/message.h"
#include "ui/styles/pole_name_placement.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>

#include <qgslayoutitemmap.h>

class QDate;
class QgsLayout;
class QgsLayoutItem;
class QgsLayoutItemLabel;
class QgsLayoutItemMap;
class QgsLayoutItemPicture;
class QgsRectangle;

namespace maillage::ui::print {

//! Moves and resizes `item` to `r` (millimetres) on page `page` (0 = first).
void place(QgsLayoutItem* item, const QRectF& r, int page = 0);

//! The layouts' font (DejaVu Sans, shipped by Debian with QGIS) at `pointSize`.
QFont layoutFont(double pointSize, bool bold = false);

//! The largest size from `maxPt` down to `minPt` (by half points) at which `text` fits on one line of
//! `widthMm` in `base`'s family and weight; `minPt` when none does (the text then wraps).
double fittingSize(const QString& text, const QFont& base, double maxPt, double minPt, double widthMm);

//! A text box with id `id` (may be empty) on `page`, left-aligned, vertically centred unless `top`.
QgsLayoutItemLabel* addText(QgsLayout* layout, const QString& id, const QString& text, const QRectF& r,
                            const QFont& font, const QColor& color, int page = 0, bool top = false);

//! `text` with line breaks ('\n') where it would overflow `widthMm` millimetres in `font`: after a space
//! (dropped) or a hyphen (kept: "Auneau-Bleury-" / "Saint-Symphorien"), and between letters for a word wider
//! than the width by itself. QGIS's layout tables wrap at spaces only, so that a long hyphenated name in a
//! header or a cell was cut at the column's edge.
QString breakToWidth(const QString& text, const QFont& font, double widthMm);

//! `extent` grown in one direction to the width/height ratio of the map frame, around the same centre
//! (QgsLayoutItemMap::setExtent would otherwise resize the frame to the extent).
QgsRectangle fitToRatio(const QgsRectangle& extent, double ratio);

//! A scale bar in kilometres for `map` in `r` on `page` (single box, two segments, 8 pt labels).
void addScaleBar(QgsLayout* layout, QgsLayoutItemMap* map, const QRectF& r, int page = 0);

//! QGIS's NorthArrow_02.svg, else the application's own (fallbackNorthArrow()).
QString northArrowPath();

//! The application's north arrow, ":/maillage/north_arrow.svg", shipped in this library's resources (the
//! atlas and sheets are drawn without the desktop's resources); registers them on first use.
QString fallbackNorthArrow();

//! A north arrow linked to `map` (it turns with the map) in `r` on `page`, id "north_arrow", drawn from
//! northArrowPath().
QgsLayoutItemPicture* addNorthArrow(QgsLayout* layout, QgsLayoutItemMap* map, const QRectF& r, int page = 0);

//! "Sources : INSEE, BPE 2013 ; IGN, Admin Express 2018 — Carte : Maillage, 3 décembre 2026", with "Données
//! fictives" first for the demo dataset; in the UI language.
QString sourceLine(const model::Dataset& dataset);

//! True when `dataset` is fictional and none of `sources` says so already (the demo's own source reads
//! "Données fictives générées par Maillage"): a caption then adds its note, never says it twice.
bool needsFictionalNote(const model::Dataset& dataset, const QStringList& sources);

//! "3 décembre 2026" / "3 December 2026": a date in the long form of `language`.
QString longDate(const QDate& date, Language language);

//! Writes `title` as the document title of the PDF `path` (its Info dictionary, updated in place through
//! GDAL's PDF driver, as QGIS does after a single layout): QGIS writes none for an atlas. False when the
//! file cannot be updated.
bool setPdfTitle(const QString& path, const QString& title);

//! The words of the print outputs' failures, with the path named.
QString cannotWriteFolder(const QString& folder);

//! Writes `path` through `write` (which writes the file it is given and returns false with a sentence in
//! `error` when it fails): a temporary file in the same folder, readable by all, renamed over `path` once
//! complete; nothing is left behind on failure and a previous file stays as it was.
bool writeAtomically(const QString& path, const QString& suffix,
                     const std::function<bool(const QString& temp, QString* error)>& write, QString* error);

//! A layout's map that names the large pôles as the canvases do: the placement of largePoleNamePlacement()
//! for what it draws (its extent, its frame's size at its layout's resolution, its layers) in its
//! expression context, computed again when one of those has changed (an atlas page) as the layout asks for
//! the context before drawing. (A layout item's own variables hold only strings: the placement's maps would
//! not survive them.) Saved in a project, it is read back as a plain map, whose names QGIS places.
class LargeNamesMap : public QgsLayoutItemMap {
public:
    explicit LargeNamesMap(QgsLayout* layout);
    QgsExpressionContext createExpressionContext() const override;

private:
    //! Places the names for the map as it is now.
    void placeNames();

    LargeNamePlacement m_placement;
    QgsRectangle m_placedExtent; //!< of the placement
    QgsLayoutSize m_placedSize;
    QList<QgsMapLayer*> m_placedLayers;
    bool m_placing = false;
};

} // namespace maillage::ui::print
