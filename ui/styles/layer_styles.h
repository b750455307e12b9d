#pragma once
// The styles of the dataset's layers, built by the same functions for the application's map (MapLayers)
// and for the dataset GeoPackage (its layer_styles table and stored QGIS project), so that a QGIS user
// opening the file sees the application's map. qgis_core only: no widget, usable without a display.
#include "core/analysis/classes.h"
#include "core/analysis/poles.h"

#include <QColor>
#include <QString>

#include <array>
#include <vector>

class QgsCategorizedSymbolRenderer;
class QgsFeatureRenderer;
class QgsFillSymbol;
class QgsGraduatedSymbolRenderer;
class QgsLineSymbol;
class QgsMarkerSymbol;
class QgsTextFormat;
class QgsVectorLayer;

namespace maillage::ui::styles {

//! "Grand pôle", "Hors pôle"... in the language of the default QLocale (French or English).
QString poleTypeLabel(int type);

//! Legend label of a pôle type with its count: "Grand pôle (type 2) — 3", "Hors pôle — 1 210".
QString legendLabel(analysis::PoleType type, int count);

//! A simple fill with a stroke in millimetres.
QgsFillSymbol* fillSymbol(const QColor& fill, const QColor& stroke, double strokeWidthMm,
                          Qt::BrushStyle brush = Qt::SolidPattern);

//! Label text of `sizePt` points in `color` with a white halo, readable over any fill.
QgsTextFormat haloFormat(double sizePt, const QColor& color, bool bold = false);

//! The bassins de vie: categorized on "pole_type" (types 1..4 then hors pôle), `counts` in the legend.
QgsCategorizedSymbolRenderer* bassinRenderer(const std::array<int, analysis::kPoleTypeCount>& counts);
//! Expression variable of the positions of the grandes métropoles' and grands pôles' names (ui/pole_names.h):
//! a map of layer ids to maps of BV codes to QGIS position codes ("TR", "L"...).
inline const char* const kLargeNamePositionsVariable = "maillage_large_name_positions";
//! Expression variable of the distances of the large pôles' names placed farther from their marker (a map of
//! layer ids to maps of BV codes to distances, in the labels' distance units).
inline const char* const kLargeNameDistancesVariable = "maillage_large_name_distances";
//! Expression variable of the number of large pôles in view left unnamed (a map of layer ids to numbers):
//! when not 0, no smaller pôle is named on the map.
inline const char* const kLargeNamesLeftOutVariable = "maillage_large_names_left_out";
//! The line joining a large pôle's name placed farther out to its marker, in QGIS's labels (their callout)
//! and on the canvases (ui/pole_names.cpp): its colour, its width and how far it stays off the marker and
//! off the text, in millimetres.
inline constexpr QRgb kNameLeaderColor = 0xff202020;
inline constexpr double kNameLeaderWidthMm = 0.3;
inline constexpr double kNameLeaderOffMarkerMm = 1.2;
inline constexpr double kNameLeaderOffTextMm = 0.4;
//! Expression variable true on a map that draws the large pôles' names itself (the application's canvases,
//! ui/pole_names.h): the labels leave them out there.
inline const char* const kLargeNamesDrawnVariable = "maillage_large_names_drawn";

//! Names of the pôles beside their main commune (anchor_x, anchor_y), larger for higher ranks. Those of
//! types 1 and 2 at the position kLargeNamePositionsVariable gives them (at kLargeNameDistancesVariable's
//! distance, with a short line to the marker), always drawn, when the map has one for them; else, as the
//! others', where QGIS's label engine finds room around the anchor. Types 3 and 4 are not named on a map
//! whose kLargeNamesLeftOutVariable says a large pôle's name found no room. The large ones are not labelled
//! on a map whose kLargeNamesDrawnVariable is true.
void setBassinLabels(QgsVectorLayer* layer);

//! Commune outlines, shown when zoomed in (below 1:400 000), their names below 1:120 000.
void setCommuneStyle(QgsVectorLayer* layer);
void setCommuneLabels(QgsVectorLayer* layer);

//! Pixels of the generalisation of the département and région boundaries when drawn (QGIS's default: 1).
constexpr float kThickBoundaryGeneralisationPx = 3;
//! Département boundaries: a dark line, no fill, generalised to kThickBoundaryGeneralisationPx when drawn.
void setDepartementStyle(QgsVectorLayer* layer);
//! Région boundaries: a wider dark line, no fill, generalised as the départements'.
void setRegionStyle(QgsVectorLayer* layer);

//! A simple line in millimetres, round caps and joins; `style` is QGIS's ("solid", "dash"...).
QgsLineSymbol* lineSymbol(const QColor& color, double widthMm,
                          const QString& style = QStringLiteral("solid"));
//! A simple marker: `shape` is QGIS's ("circle", "triangle"...), sizes in millimetres.
QgsMarkerSymbol* markerSymbol(const QString& shape, const QColor& fill, const QColor& outline, double sizeMm,
                              double outlineMm);
//! "scale_linear(log10(field), lo, hi, minWidth, maxWidth)": line widths readable across magnitudes (the
//! middle width when the range is empty).
QString logWidthExpression(const QString& field, double minValue, double maxValue, double minMm,
                           double maxMm);

//! The maillage's colours: the hierarchy (dominant links) dark blue, every other link light grey, observed
//! flows reddish purple, declared cooperations bluish green (Okabe-Ito).
QColor dominantLinkColor();
QColor otherLinkColor();
QColor flowColor();
QColor cooperationColor();

//! Width range (millimetres) of a line layer whose widths follow a value on a log scale.
struct LineWidths {
    double minMm, maxMm;
};
inline constexpr LineWidths kDominantLinkWidths{0.45, 1.8}; //!< the hierarchy carries the network
inline constexpr LineWidths kOtherLinkWidths{0.12, 0.7};    //!< light, so that dense regions stay readable

//! Scale denominator beyond which (smaller scales: a country, a group of régions) the maillage shows its
//! dominant links only, thinner and more transparent: at 1:9 000 000 the 503 links of France drew a dark
//! star around Paris that hid the Bassin parisien. A région (about 1:1 600 000) keeps every link.
inline constexpr double kLinkOverviewScale = 4'000'000;
//! The dominant links beyond kLinkOverviewScale: the same hue, more transparent, thinner.
QColor overviewDominantLinkColor();
inline constexpr LineWidths kOverviewDominantLinkWidths{0.15, 0.8};

//! The application's maillage links (fields "dominant", "intensity" over [intensityLo, intensityHi]): rules
//! on the scale, as the dataset's `liens` (linkLinesRenderer): up to kLinkOverviewScale the dominant links
//! dark and wide over the others, light and thin; beyond it the dominant links only, in the overview's
//! colour and widths. Strong and dominant links drawn last, on top; the legend lists the dominant link first.
QgsFeatureRenderer* modelledLinksRenderer(double intensityLo, double intensityHi);
inline constexpr LineWidths kFlowWidths{0.3, 3.0}; //!< observed flows, by volume
inline constexpr double kCooperationWidthMm = 0.9; //!< declared cooperations, dashed

//! The dataset's `liens` layer (kind modelled / observed / declared): the symbols of the map's links (the
//! rules of modelledLinksRenderer()), flows and cooperations layers, widths over [intensity lo, hi] and
//! [volume lo, hi]; drawn as the map's layers are stacked, the cooperations on top.
QgsFeatureRenderer* linkLinesRenderer(double intensityLo, double intensityHi, double volumeLo,
                                      double volumeHi);

//! Scale denominator beyond which the pôles' markers are the overview's (the links' scale: a map switches
//! both at once). Nationally 146 of the 201 pôles are isolated (30 km): their 3.4 mm black triangles
//! (6.1 mm in the workshop mode) covered much of the map and hid the bassins' colours.
inline constexpr double kPoleOverviewScale = kLinkOverviewScale;
//! Marker sizes (millimetres) of the pôles up to kPoleOverviewScale and beyond it.
inline constexpr double kPoleMarkerMm = 2.4;
inline constexpr double kIsolatedPoleMarkerMm = 3.4;
inline constexpr double kOverviewPoleMarkerMm = 1.1;
inline constexpr double kOverviewIsolatedPoleMarkerMm = 2.8;

//! The pôles as points (field "isolated"), rules on the scale: up to kPoleOverviewScale a filled black
//! triangle for an isolated pôle ("no peer within `threshold`", e.g. "30 km"), a dark circle otherwise;
//! beyond it a smaller dark dot, an isolated pôle's inside an open triangle outlined in black over a white
//! halo (black and white: whatever the colour vision, over any bassin's colour, which shows through).
//! Isolated ones drawn last. The legend lists the isolated pôle first.
QgsFeatureRenderer* poleRenderer(const QString& threshold);
//! No labels of its own, but the other layers' labels keep off its features (QGIS's "blocking" labeling).
void setBlocksLabels(QgsVectorLayer* layer);

//! Field of the bassins layer that the renderer and labels use.
inline const char* const kPoleTypeField = "pole_type";

//! Value of a density (or accessibility) field for a commune masked by statistical secrecy: the renderer's
//! hatched secret class.
inline constexpr double kDensitySecretValue = -1;

//! The density map's renderer on `field` (a field name or an expression): classes by `spec` over the values
//! above zero (NaN: none) weighted by `weights` (the communes' populations, same order), a class of its own
//! for 0 (a commune without any professional stands out instead of blending into the lowest class) and, when
//! `anyMasked`, the hatched secret class of the communes at kDensitySecretValue ("fewer than
//! `secrecyThreshold` professionals"). `accessibility`: the legend's unit is the APL's.
QgsGraduatedSymbolRenderer* densityRenderer(const QString& field, const std::vector<double>& values,
                                            const std::vector<double>& weights, bool anyMasked,
                                            double secrecyThreshold, bool accessibility,
                                            const analysis::ClassSpec& spec);

} // namespace maillage::ui::styles
