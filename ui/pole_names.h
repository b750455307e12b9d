#pragma once
// The names of the grandes métropoles and grands pôles (types 1 and 2) placed by Maillage rather than
// chosen by QGIS's label engine (issue 11): QGIS keeps, for each name, only its candidates of the lowest
// whole cost, so a name whose positions off the markers all touched another name (Valenciennes at 1280×720 in
// the two-map workshop, Lille on the national map) was left out while smaller pôles were named, whatever its
// priority. Here each of those names, heaviest first, takes the first of eight positions around its marker
// that is inside the map, off the boxes over the map, off the names placed before it and off the other
// large pôles' markers when it can; QGIS gets that position, then those no other large name can take (the
// labels' data-defined position order, read from a variable of the map's expression context), and draws
// the name always; a name left without room beside the heavier pôles' names is not drawn. The smaller
// pôles' names keep QGIS's placement around them, and give way to those.
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantMap>

#include <vector>

#include <qgspointxy.h>
#include <qgsrectangle.h>

class QgsMapCanvas;
class QgsMapSettings;
class QgsVectorLayer;

namespace maillage::ui {

//! One name to place, in map units.
struct NameBox {
    QgsPointXY anchor;    //!< the pôle's marker
    double width = 0;     //!< of the text
    double height = 0;    //!< of the text
    double distance = 0;  //!< from the anchor to the text (the labels' distance)
    double clearance = 0; //!< kept free around the text (its halo)
    //! QGIS's visual margins of the text: its box goes up by the top one below the marker, down by the
    //! bottom one above it.
    double marginTop = 0, marginBottom = 0;
};

//! The positions a name may take around its marker, in order of preference (right above first), as QGIS
//! codes them in a position order.
const QStringList& namePositionCodes();

//! The rectangle of `name`'s text at `position` (an index into namePositionCodes()), as QGIS places it.
QgsRectangle nameRect(const NameBox& name, int position);

//! A pôle's marker on the map: a square of `halfSize` around `point` (QGIS's obstacle for a marker), in
//! map units; `large` for a grande métropole's or grand pôle's.
struct Marker {
    QgsPointXY point;
    double halfSize = 0;
    bool large = false;
};

//! For each of `names` (ranked: each one placed after those before it), the positions it may take (indexes
//! into namePositionCodes()), the one chosen first; none when no position is clear. The one chosen is
//! inside `extent`, off `keepOff` and off the names placed before it (with their clearance); among those,
//! the one that covers fewest of the large pôles' `markers` (the name's own anchor excepted), then fewest
//! of the others, then the first in the order of preference, each judged with the names after it that it
//! may push away. The others are those no other name may take, off the large markers, covering less than
//! one small marker: QGIS may move the name there to make room for another label.
std::vector<std::vector<int>> chooseNamePositions(const std::vector<NameBox>& names,
                                                  const std::vector<Marker>& markers,
                                                  const QgsRectangle& extent,
                                                  const QList<QgsRectangle>& keepOff);

//! The positions of the large pôles' names on the map `settings` draws, `keepOff` the rectangles (map
//! units) no name may touch: for each layer of the settings labelled by styles::setBassinLabels(), its id
//! → (BV code → QGIS position order, "TL,BR": the positions it may take, the first preferred; "" for a name
//! left out: no room beside the heavier pôles' names). The value of styles::kLargeNamePositionsVariable.
QVariantMap largePoleNamePositions(const QgsMapSettings& settings, const QList<QgsRectangle>& keepOff = {});

//! `settings` with the positions of largePoleNamePositions() in its expression context: a map drawn from
//! them names the large pôles as the canvases do.
void placeLargePoleNames(QgsMapSettings& settings, const QList<QgsRectangle>& keepOff = {});

//! Keeps the positions of the large pôles' names of a canvas up to date (in its expression context scope):
//! computed again, before the map is drawn, when its extent, size or layers change, when a labelled layer
//! changes (a new classification, the workshop's larger names) and when the boxes over it move.
class LargePoleNames : public QObject {
    Q_OBJECT
public:
    //! The placement of `canvas`, created on first use (a child of the canvas).
    static LargePoleNames* of(QgsMapCanvas* canvas);
    //! The positions now in the canvas's expression context scope.
    QVariantMap positions() const;

private:
    explicit LargePoleNames(QgsMapCanvas* canvas);
    void update();
    void followLayers();

    QgsMapCanvas* m_canvas;
    QList<QPointer<QgsVectorLayer>> m_followed;
};

} // namespace maillage::ui
