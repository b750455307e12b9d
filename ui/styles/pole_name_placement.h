#pragma once
// The names of the grandes métropoles and grands pôles (types 1 and 2) placed by Maillage rather than
// chosen by QGIS's label engine (issue 11): QGIS keeps, for each name, only its candidates of the lowest
// whole cost, so a name whose positions off the markers all touched another name (Valenciennes at 1280×720 in
// the two-map workshop, Lille on the national map) was left out while smaller pôles were named, whatever its
// priority. Here each of those names, heaviest first, takes the first of eight positions around its marker
// that is inside the map, off the boxes over the map, off the names placed before it (and their halos) and
// off the other large pôles' markers when it can; when none is clear, one of eight positions farther out
// (a second ring, the name joined to its marker by a short line). On a map drawn from settings, QGIS gets
// that position, then those no other large name can take (the labels' data-defined position order and
// distance, read from variables of the map's expression context), and draws the name always; the
// application's canvases draw the name at that position themselves (ui/pole_names.h). A name left without
// room beside the heavier pôles' names (or beyond the share of the map the names may cover, in the workshop)
// is not drawn, and then no smaller pôle is named on that map (styles::setBassinLabels): a grand pôle is
// never dropped while a smaller one is named. The smaller pôles' names keep QGIS's placement around them,
// and give way to those.
// One placement for every map Maillage draws: the canvases (ui/pole_names.h), the two-map figure, and the
// print layouts' maps (print::LargeNamesMap: the map export, atlas pages and territory sheets, also written
// by the command line).
#include <QList>
#include <QString>
#include <QVariantMap>

#include <vector>

#include <qgsfeatureid.h>
#include <qgspointxy.h>
#include <qgsrectangle.h>
#include <qgstextformat.h>

class QgsExpressionContextScope;
class QgsMapSettings;

namespace maillage::ui {

//! One name to place, in map units.
struct NameBox {
    QgsPointXY anchor;   //!< the pôle's marker
    double width = 0;    //!< of the text
    double height = 0;   //!< of the text
    double distance = 0; //!< from the anchor to the text (the labels' distance)
    //! of the second ring of positions, farther from the anchor (none when not beyond `distance`)
    double farDistance = 0;
    double clearance = 0; //!< kept free around the text (its halo)
    //! QGIS's visual margins of the text: its box goes up by the top one below the marker, down by the
    //! bottom one above it.
    double marginTop = 0, marginBottom = 0;
};

//! The positions of one ring around a marker.
inline constexpr int kRingPositions = 8;

//! The positions a name may take around its marker, in order of preference (right above first), as QGIS
//! codes them in a position order: position p is namePositionCodes()[p % kRingPositions], at the name's
//! distance for p < kRingPositions, at its far distance for the others.
const QStringList& namePositionCodes();

//! How many positions `name` may take: one ring, or two when it has a far distance.
int namePositionCount(const NameBox& name);

//! The rectangle of `name`'s text at `position` (see namePositionCodes()), as QGIS places it.
QgsRectangle nameRect(const NameBox& name, int position);

//! A pôle's marker on the map: a square of `halfSize` around `point` (QGIS's obstacle for a marker), in
//! map units; `large` for a grande métropole's or grand pôle's.
struct Marker {
    QgsPointXY point;
    double halfSize = 0;
    bool large = false;
};

//! For each of `names` (ranked: each one placed after those before it), the positions it may take (see
//! namePositionCodes()), the one chosen first; none when no position is clear. The one chosen is inside
//! `extent` with its halo, off `keepOff`, and its text off the names placed before it and their halos
//! (halos may overlap); among those, the one that covers fewest of the large pôles' `markers` (the name's
//! own anchor excepted), then fewest of the others (a position of the second ring only before one of the
//! first over a large marker, or over many small ones), then the first in the order of
//! preference, each judged with the names after it that it may push away. A name then left out takes the
//! position where the names over it can move (two at most, each to a position clear or made clear the same
//! way, three moves deep) for the least added cost, when that is under two positions of the second ring.
//! The others are those of the same
//! ring no other name may take, off the large markers, covering less than one small marker: QGIS may move
//! the name there to make room for another label.
std::vector<std::vector<int>> chooseNamePositions(const std::vector<NameBox>& names,
                                                  const std::vector<Marker>& markers,
                                                  const QgsRectangle& extent,
                                                  const QList<QgsRectangle>& keepOff);

//! A large pôle's name at the position chosen first for it.
struct PlacedName {
    QString layerId; //!< of the labelled layer
    QgsFeatureId featureId = 0;
    QString text;         //!< as the label writes it
    QgsTextFormat format; //!< the label's, at the name's size
    QgsRectangle rect;    //!< of its text, in map units, as QGIS places it (nameRect())
    double halo = 0;      //!< the width of its halo around `rect`, in map units
    QgsPointXY anchor;    //!< its pôle's marker
    bool far = false;     //!< in the second ring: joined to its marker by a line
};

//! The values of the variables styles::setBassinLabels() reads, for one map: for each layer of the map
//! labelled by it, its id → ...
struct LargeNamePlacement {
    //! (styles::kLargeNamePositionsVariable) BV code → QGIS position order, "TL,BR": the positions its name
    //! may take, the first preferred; "" for a name left out (no room beside the heavier pôles' names, or
    //! beyond the share of the map the names may cover): an empty string, never a null one (NULL to QGIS:
    //! a name it places itself).
    QVariantMap positions;
    //! (styles::kLargeNameDistancesVariable) BV code → distance of its name from its marker, in the labels'
    //! distance units, for the names placed farther than the labels' distance.
    QVariantMap distances;
    //! (styles::kLargeNamesLeftOutVariable) how many large pôles in view are not named.
    QVariantMap leftOut;
    //! The names placed, heaviest first: what a map that draws them itself draws (ui/pole_names.h).
    std::vector<PlacedName> names;
};

//! The placement of the large pôles' names on the map `settings` draws, `keepOff` the rectangles (map
//! units) no name may touch. With a `maxCover` (0 to 1; 0: none), the names, heaviest first, cover at most
//! that share of the territory in view (the labelled layer's extent within the map's) with their halos,
//! the eight heaviest whatever they cover: those beyond are left out as names without room are.
LargeNamePlacement largePoleNamePlacement(const QgsMapSettings& settings,
                                          const QList<QgsRectangle>& keepOff = {}, double maxCover = 0);

//! Sets the variables of `placement` in `scope`, the names drawn by the labels.
void setLargePoleNameVariables(QgsExpressionContextScope& scope, const LargeNamePlacement& placement);

//! `settings` with the placement of largePoleNamePlacement() in its expression context: a map drawn from
//! them names the large pôles as the canvases do.
void placeLargePoleNames(QgsMapSettings& settings, const QList<QgsRectangle>& keepOff = {},
                         double maxCover = 0);

} // namespace maillage::ui
