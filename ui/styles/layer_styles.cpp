#include "ui/styles/layer_styles.h"

#include "core/analysis/classes.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/pole_palette.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <vector>

#include <qgscallout.h>
#include <qgscategorizedsymbolrenderer.h>
#include <qgscolorramp.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslabelobstaclesettings.h>
#include <qgslinesymbol.h>
#include <qgsmarkersymbol.h>
#include <qgsmarkersymbollayer.h>
#include <qgspallabeling.h>
#include <qgsproperty.h>
#include <qgsrulebasedlabeling.h>
#include <qgsrulebasedrenderer.h>
#include <qgssinglesymbolrenderer.h>
#include <qgssymbollayerutils.h>
#include <qgstextbuffersettings.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>
#include <qgsvectorsimplifymethod.h>

namespace maillage::ui::styles {

namespace {

using analysis::PoleType;

//! Commune boundaries appear below this scale denominator (1:400 000), their names below 1:120 000.
constexpr double kCommuneMaxScale = 400000;
constexpr double kCommuneLabelMaxScale = 120000;

//! Label priority (QGIS: 0 to 10) of a pôle: its type first, then its mass of professionals, so that a
//! larger pôle never gives way to a smaller one: type 1 in 9..10, type 2 in 8..9 (well above the others,
//! now that no name is forced in place), type 3 in 4..6, type 4 in 2..4, and log10 of the professionals (up
//! to 100,000) within the band.
const char* const kLabelPriority =
    "CASE WHEN \"pole_type\" IN (1, 2) THEN 10 - \"pole_type\" + min(1, max(0, log10(max(\"total\", 1)) / 5))"
    " ELSE (5 - \"pole_type\") * 2 + min(2, max(0, log10(max(\"total\", 1)) / 2.5)) END";

//! Where and how big the pôles' names are (bassinLabels puts them in a rule).
QgsPalLayerSettings bassinLabelSettings() {
    QgsPalLayerSettings settings;
    settings.fieldName = QStringLiteral("nom");
    // Beside the anchor rather than over it: the pôle's marker (Maillage panel) stays visible, and the
    // label engine can move the name around the point to avoid other markers and names.
    settings.placement = QgsPalLayerSettings::OrderedPositionsAroundPoint;
    settings.dist = 2.2;
    settings.distUnits = QgsUnitTypes::RenderMillimeters;
    // The label engine gets the anchor point, not the BV polygon, which it would validate (GEOS) and
    // decompose for nothing (3/4 of the national render time), and the bassins are no obstacles (each
    // polygon, unlabelled ones included, would go to the engine).
    settings.geometryGeneratorEnabled = true;
    settings.geometryGeneratorType = QgsWkbTypes::PointGeometry;
    settings.geometryGenerator = QStringLiteral("make_point(\"anchor_x\", \"anchor_y\")");
    settings.obstacleSettings().setIsObstacle(false);
    settings.setFormat(haloFormat(8.5, QColor(0x20, 0x20, 0x20), true));
    QgsPropertyCollection& dd = settings.dataDefinedProperties();
    dd.setProperty(QgsPalLayerSettings::Size,
                   QgsProperty::fromExpression(
                       QStringLiteral("CASE WHEN \"pole_type\" = 1 THEN 11 WHEN \"pole_type\" = 2 THEN 9.5 "
                                      "ELSE 8.5 END")));
    dd.setProperty(QgsPalLayerSettings::Priority,
                   QgsProperty::fromExpression(QString::fromLatin1(kLabelPriority)));
    // No name is forced in place ("always show" drew the name of Douai - Lens over Arras's): the priority
    // makes the smaller names give way; the larger ones are drawn above.
    dd.setProperty(QgsPalLayerSettings::ZIndex,
                   QgsProperty::fromExpression(QStringLiteral("5 - \"pole_type\"")));
    return settings;
}

} // namespace

QgsTextFormat haloFormat(double sizePt, const QColor& color, bool bold) {
    QgsTextFormat format;
    QFont font = format.font();
    font.setBold(bold);
    format.setFont(font);
    format.setSize(sizePt);
    format.setSizeUnit(QgsUnitTypes::RenderPoints);
    format.setColor(color);
    QgsTextBufferSettings buffer;
    buffer.setEnabled(true);
    buffer.setSize(0.8);
    buffer.setSizeUnit(QgsUnitTypes::RenderMillimeters);
    buffer.setColor(QColor(255, 255, 255, 230));
    format.setBuffer(buffer);
    return format;
}

QString poleTypeLabel(int type) {
    const auto t = static_cast<PoleType>(type);
    const bool french = QLocale().language() == QLocale::French;
    return QString::fromStdString(french ? analysis::poleTypeLabelFr(t) : analysis::poleTypeLabelEn(t));
}

QString legendLabel(PoleType type, int count) {
    const QString label = poleTypeLabel(static_cast<int>(type));
    const QString n = QLocale().toString(count);
    if (type == PoleType::HorsPole)
        return QCoreApplication::translate("maillage::ui::MapLayers", "%1 — %2").arg(label, n);
    return QCoreApplication::translate("maillage::ui::MapLayers", "%1 (type %2) — %3")
        .arg(label)
        .arg(static_cast<int>(type))
        .arg(n);
}

QgsFillSymbol* fillSymbol(const QColor& fill, const QColor& stroke, double strokeWidthMm,
                          Qt::BrushStyle brush) {
    auto* layer = new QgsSimpleFillSymbolLayer(fill, brush, stroke, Qt::SolidLine, strokeWidthMm);
    layer->setStrokeWidthUnit(QgsUnitTypes::RenderMillimeters);
    return new QgsFillSymbol(QgsSymbolLayerList() << layer);
}

QgsCategorizedSymbolRenderer* bassinRenderer(const std::array<int, analysis::kPoleTypeCount>& counts) {
    QgsCategoryList categories;
    const PoleType order[] = {PoleType::GrandeMetropole, PoleType::GrandPole, PoleType::Intermediaire,
                              PoleType::Secondaire, PoleType::HorsPole};
    for (PoleType type : order) {
        const int t = static_cast<int>(type);
        const QColor stroke =
            type == PoleType::HorsPole ? QColor(0xA8, 0xA3, 0x9A) : QColor(0x5A, 0x5A, 0x5A);
        categories.append(QgsRendererCategory(t, fillSymbol(poleTypeColor(t), stroke, 0.2),
                                              legendLabel(type, counts[static_cast<std::size_t>(t)])));
    }
    return new QgsCategorizedSymbolRenderer(QString::fromLatin1(kPoleTypeField), categories);
}

constexpr double kSecondaryPoleNamesScale = 2500000; // 1:2,500,000
constexpr double kShortNamesScale = 4000000;         // 1:4,000,000

void setBassinLabels(QgsVectorLayer* layer) {
    // A rule rather than an empty text for hors pôle BVs: those are not even sized and placed (1,600 of
    // the 1,666 national ones).
    // The pôles intermédiaires and secondaires are named from the scale of a region on (1:2,500,000): the
    // whole country (1:3,350,000 at 1600×1200) names its grandes métropoles and grands pôles (61 of 67
    // placed); the 50 names of pôles intermédiaires placed among them were 50 ms of the map's 270 (placing
    // and haloing them), the pôles secondaires' were half of the drawing time before (issue 10).
    // The names of types 1 and 2 at the position Maillage chose for the map (ui/pole_names.h), forced:
    // QGIS keeps only a name's candidates of the lowest whole cost, and dropped Valenciennes and Lille
    // while it named smaller pôles. Without a position (a QGIS project, a layout), QGIS places them.
    auto* large = new QgsPalLayerSettings(bassinLabelSettings());
    // On a map of France smaller than 1:4,000,000 (the whole country on a large screen is 1:3,350,000;
    // a région, 1:1,500,000 to 1:3,000,000, keeps the whole names), a name of two towns ("Marseille -
    // Aix-en-Provence", "Douai - Lens") is its first one: at 1:9,200,000 Marseille - Aix-en-Provence took
    // 560 km of the coast, and no position was left for Montpellier's name.
    large->isExpression = true;
    large->fieldName = QStringLiteral("CASE WHEN @map_scale > %1 AND strpos(\"nom\", ' - ') > 1 "
                                      "THEN left(\"nom\", strpos(\"nom\", ' - ') - 1) ELSE \"nom\" END")
                           .arg(kShortNamesScale, 0, 'f', 0);
    const QString position =
        QStringLiteral("map_get(coalesce(map_get(coalesce(@%1, map()), @layer_id), map()), "
                       "\"code\")")
            .arg(QString::fromLatin1(kLargeNamePositionsVariable));
    large->dataDefinedProperties().setProperty(QgsPalLayerSettings::PredefinedPositionOrder,
                                               QgsProperty::fromExpression(position));
    // "": left out by Maillage (no room beside the heavier pôles' names).
    large->dataDefinedProperties().setProperty(
        QgsPalLayerSettings::AlwaysShow,
        QgsProperty::fromExpression(QStringLiteral("coalesce(%1, '') <> ''").arg(position)));
    large->dataDefinedProperties().setProperty(
        QgsPalLayerSettings::Show,
        QgsProperty::fromExpression(QStringLiteral("coalesce(%1, '-') <> ''").arg(position)));
    // Farther from the marker when Maillage found no room beside it (the second ring), joined to it by a
    // short line.
    const QString distance =
        QStringLiteral("map_get(coalesce(map_get(coalesce(@%1, map()), @layer_id), map()), \"code\")")
            .arg(QString::fromLatin1(kLargeNameDistancesVariable));
    large->dataDefinedProperties().setProperty(
        QgsPalLayerSettings::LabelDistance,
        QgsProperty::fromExpression(QStringLiteral("coalesce(%1, %2)").arg(distance).arg(large->dist)));
    auto* callout = new QgsSimpleLineCallout();
    callout->setEnabled(true);
    callout->setLineSymbol(
        lineSymbol(QColor::fromRgba(kNameLeaderColor), kNameLeaderWidthMm, QStringLiteral("solid")));
    callout->setOffsetFromAnchor(kNameLeaderOffMarkerMm); // off the marker
    callout->setOffsetFromAnchorUnit(QgsUnitTypes::RenderMillimeters);
    callout->setOffsetFromLabel(kNameLeaderOffTextMm);
    callout->setOffsetFromLabelUnit(QgsUnitTypes::RenderMillimeters);
    large->setCallout(callout);
    large->dataDefinedProperties().setProperty(
        QgsPalLayerSettings::CalloutDraw,
        QgsProperty::fromExpression(QStringLiteral("%1 IS NOT NULL").arg(distance)));
    auto* smaller = new QgsPalLayerSettings(bassinLabelSettings());
    // No smaller pôle named on a map where a large one's name found no room (a grand pôle is never dropped
    // while a smaller one is named): Maillage counts those left out for each map.
    smaller->dataDefinedProperties().setProperty(
        QgsPalLayerSettings::Show,
        QgsProperty::fromExpression(
            QStringLiteral("coalesce(map_get(coalesce(@%1, map()), @layer_id), 0) = 0")
                .arg(QString::fromLatin1(kLargeNamesLeftOutVariable))));
    auto* root = new QgsRuleBasedLabeling::Rule(nullptr);
    // Not on the application's canvases, which draw those names themselves: QGIS's halo of a text, stroked
    // anew on every redraw, was 65-90 ms of each recompute of the national map (issue 10).
    root->appendChild(
        new QgsRuleBasedLabeling::Rule(large, 0, 0,
                                       QStringLiteral("\"pole_type\" IN (1, 2) AND NOT coalesce(@%1, false)")
                                           .arg(QString::fromLatin1(kLargeNamesDrawnVariable))));
    root->appendChild(new QgsRuleBasedLabeling::Rule(smaller, 0, kSecondaryPoleNamesScale,
                                                     QStringLiteral("\"pole_type\" IN (3, 4)")));
    layer->setLabeling(new QgsRuleBasedLabeling(root));
    layer->setLabelsEnabled(true);
}

void setCommuneStyle(QgsVectorLayer* layer) {
    layer->setRenderer(new QgsSingleSymbolRenderer(
        fillSymbol(Qt::transparent, QColor(0x6E, 0x6E, 0x6E, 200), 0.12, Qt::NoBrush)));
    layer->setScaleBasedVisibility(true);
    layer->setMinimumScale(kCommuneMaxScale);
    layer->setMaximumScale(0);
}

void setCommuneLabels(QgsVectorLayer* layer) {
    QgsPalLayerSettings settings;
    settings.fieldName = QStringLiteral("nom");
    settings.placement = QgsPalLayerSettings::OverPoint;
    settings.setFormat(haloFormat(7.5, QColor(0x50, 0x50, 0x50), false));
    settings.scaleVisibility = true;
    settings.minimumScale = kCommuneLabelMaxScale;
    settings.maximumScale = 0;
    settings.priority = 2;
    layer->setLabeling(new QgsVectorLayerSimpleLabeling(settings));
    layer->setLabelsEnabled(true);
}

namespace {

//! Boundaries drawn 0.5 mm or more wide are generalised to 3 pixels when drawn rather than QGIS's 1: the
//! stroker's work follows the vertices drawn (national départements: 187,000 vertices, 84 ms of the map's
//! drawing at 1600×1200, 40 ms so), and a 3-pixel generalisation under a 2-pixel wide line does not show.
void generaliseWhenDrawn(QgsVectorLayer* layer) {
    QgsVectorSimplifyMethod method = layer->simplifyMethod();
    method.setSimplifyHints(QgsVectorSimplifyMethod::GeometrySimplification);
    method.setSimplifyAlgorithm(QgsVectorSimplifyMethod::Distance);
    method.setThreshold(kThickBoundaryGeneralisationPx);
    layer->setSimplifyMethod(method);
}

} // namespace

void setDepartementStyle(QgsVectorLayer* layer) {
    layer->setRenderer(
        new QgsSingleSymbolRenderer(fillSymbol(Qt::transparent, QColor(0x33, 0x33, 0x33), 0.5, Qt::NoBrush)));
    generaliseWhenDrawn(layer);
}

void setRegionStyle(QgsVectorLayer* layer) {
    layer->setRenderer(
        new QgsSingleSymbolRenderer(fillSymbol(Qt::transparent, QColor(0x22, 0x22, 0x22), 0.9, Qt::NoBrush)));
    generaliseWhenDrawn(layer);
}

QgsLineSymbol* lineSymbol(const QColor& color, double widthMm, const QString& style) {
    return QgsLineSymbol::createSimple(
        {{QStringLiteral("line_color"), QgsSymbolLayerUtils::encodeColor(color)},
         {QStringLiteral("line_width"), QString::number(widthMm)},
         {QStringLiteral("line_width_unit"), QStringLiteral("MM")},
         {QStringLiteral("line_style"), style},
         {QStringLiteral("capstyle"), QStringLiteral("round")},
         {QStringLiteral("joinstyle"), QStringLiteral("round")}});
}

QgsMarkerSymbol* markerSymbol(const QString& shape, const QColor& fill, const QColor& outline, double sizeMm,
                              double outlineMm) {
    return QgsMarkerSymbol::createSimple(
        {{QStringLiteral("name"), shape},
         {QStringLiteral("color"), QgsSymbolLayerUtils::encodeColor(fill)},
         {QStringLiteral("outline_color"), QgsSymbolLayerUtils::encodeColor(outline)},
         {QStringLiteral("outline_width"), QString::number(outlineMm)},
         {QStringLiteral("size"), QString::number(sizeMm)}});
}

QString logWidthExpression(const QString& field, double minValue, double maxValue, double minMm,
                           double maxMm) {
    if (!(minValue > 0) || !(maxValue > minValue))
        return QString::number((minMm + maxMm) / 2, 'f', 2);
    return QStringLiteral("scale_linear(log10(\"%1\"), %2, %3, %4, %5)")
        .arg(field)
        .arg(std::log10(minValue), 0, 'g', 10)
        .arg(std::log10(maxValue), 0, 'g', 10)
        .arg(minMm, 0, 'f', 2)
        .arg(maxMm, 0, 'f', 2);
}

QColor dominantLinkColor() {
    return QColor(0x1D, 0x3F, 0x6E, 220);
}
QColor otherLinkColor() {
    return QColor(0x8C, 0x8C, 0x8C, 80);
}
QColor overviewDominantLinkColor() {
    return QColor(0x1D, 0x3F, 0x6E, 120);
}
QColor flowColor() {
    return QColor(0xCC, 0x79, 0xA7, 190);
}
QColor cooperationColor() {
    return QColor(0x00, 0x9E, 0x73);
}

namespace {

//! A layer of QGIS's simple marker, `shape` `sizeMm` wide, its outline `strokeMm` wide, its centre moved
//! down by `offsetMm`.
QgsSimpleMarkerSymbolLayer* markerLayer(QgsSimpleMarkerSymbolLayerBase::Shape shape, double sizeMm,
                                        const QColor& fill, const QColor& stroke, double strokeMm,
                                        double offsetMm = 0) {
    auto* layer = new QgsSimpleMarkerSymbolLayer(shape, sizeMm, 0, DEFAULT_SCALE_METHOD, fill, stroke);
    layer->setStrokeWidth(strokeMm);
    layer->setStrokeWidthUnit(QgsUnitTypes::RenderMillimeters);
    layer->setOffset(QPointF(0, offsetMm));
    layer->setOffsetUnit(QgsUnitTypes::RenderMillimeters);
    return layer;
}

const QColor kPoleMarkerColor(0x26, 0x26, 0x26);
const QColor kIsolatedPoleColor(0x11, 0x11, 0x11);

//! A pôle beyond kPoleOverviewScale: a small dark dot with a white outline.
QgsMarkerSymbol* overviewPoleSymbol() {
    return new QgsMarkerSymbol(QgsSymbolLayerList()
                               << markerLayer(QgsSimpleMarkerSymbolLayerBase::Circle, kOverviewPoleMarkerMm,
                                              kPoleMarkerColor, Qt::white, 0.3));
}

//! An isolated pôle beyond kPoleOverviewScale: the pôle's dot inside an open triangle, black over a white
//! halo. QGIS draws a triangle of size s with its apex s/2 above the point and its base s/2 below: moved
//! up by 0.19 s, the circle inscribed in it (0.62 s wide) is centred on the point, around the dot.
QgsMarkerSymbol* overviewIsolatedPoleSymbol() {
    const double size = kOverviewIsolatedPoleMarkerMm;
    const double up = (1 - 2 / (1 + std::sqrt(5.0))) * size / 2;
    const QColor none(Qt::transparent);
    return new QgsMarkerSymbol(QgsSymbolLayerList()
                               << markerLayer(QgsSimpleMarkerSymbolLayerBase::Triangle, size, none,
                                              QColor(255, 255, 255, 200), 0.7, -up)
                               << markerLayer(QgsSimpleMarkerSymbolLayerBase::Triangle, size, none,
                                              kIsolatedPoleColor, 0.35, -up)
                               << markerLayer(QgsSimpleMarkerSymbolLayerBase::Circle, kOverviewPoleMarkerMm,
                                              kPoleMarkerColor, kPoleMarkerColor, 0));
}

} // namespace

QgsFeatureRenderer* poleRenderer(const QString& threshold) {
    const QString isolated =
        QCoreApplication::translate("maillage::ui::MaillageLayers", "Isolated pôle (no peer within %1)")
            .arg(threshold);
    const QString pole = QCoreApplication::translate("maillage::ui::MaillageLayers", "Pôle");
    // As the links' (appendModelledLinkRules): the detailed rules up to 1:kPoleOverviewScale, the
    // overview's beyond it. A feature meets one rule: the order of the rules is the legend's, the drawing
    // order is the features' (isolated last).
    const int overview = static_cast<int>(kPoleOverviewScale);
    auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
    root->appendChild(new QgsRuleBasedRenderer::Rule(
        markerSymbol(QStringLiteral("triangle"), kIsolatedPoleColor, Qt::white, kIsolatedPoleMarkerMm, 0.4),
        0, overview, QStringLiteral("\"isolated\" = 1"), isolated));
    root->appendChild(new QgsRuleBasedRenderer::Rule(
        markerSymbol(QStringLiteral("circle"), kPoleMarkerColor, Qt::white, kPoleMarkerMm, 0.4), 0, overview,
        QStringLiteral("\"isolated\" = 0"), pole));
    root->appendChild(new QgsRuleBasedRenderer::Rule(overviewIsolatedPoleSymbol(), overview + 1, 0,
                                                     QStringLiteral("\"isolated\" = 1"), isolated));
    root->appendChild(new QgsRuleBasedRenderer::Rule(overviewPoleSymbol(), overview + 1, 0,
                                                     QStringLiteral("\"isolated\" = 0"), pole));
    auto* renderer = new QgsRuleBasedRenderer(root);
    renderer->setOrderBy(
        QgsFeatureRequest::OrderBy({QgsFeatureRequest::OrderByClause(QStringLiteral("isolated"), true)}));
    renderer->setOrderByEnabled(true);
    return renderer;
}

namespace {

QgsLineSymbol* scaledLine(const QColor& color, const QString& field, double lo, double hi,
                          LineWidths widths) {
    QgsLineSymbol* symbol = lineSymbol(color, 1.0);
    symbol->setDataDefinedWidth(
        QgsProperty::fromExpression(logWidthExpression(field, lo, hi, widths.minMm, widths.maxMm)));
    return symbol;
}

} // namespace

namespace {

//! The rules of the modelled links to `root`, on the features that `filter` keeps ("" = all; the rules'
//! own conditions are added to it): see modelledLinksRenderer().
void appendModelledLinkRules(QgsRuleBasedRenderer::Rule* root, const QString& filter, double intensityLo,
                             double intensityHi) {
    auto where = [&filter](const char* condition) {
        return filter.isEmpty() ? QString::fromLatin1(condition)
                                : QStringLiteral("%1 AND %2").arg(filter, QLatin1String(condition));
    };
    const QString dominant =
        QCoreApplication::translate("maillage::ui::MaillageLayers", "Dominant link (towards a heavier pôle)");
    const int overview = static_cast<int>(kLinkOverviewScale);
    // A rule's minimum scale is its most zoomed-out one, the maximum its most zoomed-in (denominators):
    // the detailed rules up to 1:kLinkOverviewScale, the overview's beyond it (one more, so that the two
    // are never drawn together). A link meets one rule: the order of the rules is the legend's (the
    // dominant link first), the drawing order the features' (the renderers' order by).
    root->appendChild(
        new QgsRuleBasedRenderer::Rule(scaledLine(dominantLinkColor(), QStringLiteral("intensity"),
                                                  intensityLo, intensityHi, kDominantLinkWidths),
                                       0, overview, where("\"dominant\" = 1"), dominant));
    root->appendChild(new QgsRuleBasedRenderer::Rule(
        scaledLine(otherLinkColor(), QStringLiteral("intensity"), intensityLo, intensityHi, kOtherLinkWidths),
        0, overview, where("\"dominant\" = 0"),
        QCoreApplication::translate("maillage::ui::MaillageLayers", "Other link")));
    root->appendChild(
        new QgsRuleBasedRenderer::Rule(scaledLine(overviewDominantLinkColor(), QStringLiteral("intensity"),
                                                  intensityLo, intensityHi, kOverviewDominantLinkWidths),
                                       overview + 1, 0, where("\"dominant\" = 1"), dominant));
}

} // namespace

QgsFeatureRenderer* modelledLinksRenderer(double intensityLo, double intensityHi) {
    auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
    appendModelledLinkRules(root, QString(), intensityLo, intensityHi);
    auto* renderer = new QgsRuleBasedRenderer(root);
    renderer->setOrderBy(
        QgsFeatureRequest::OrderBy({QgsFeatureRequest::OrderByClause(QStringLiteral("dominant")),
                                    QgsFeatureRequest::OrderByClause(QStringLiteral("intensity"))}));
    renderer->setOrderByEnabled(true);
    return renderer;
}

QgsFeatureRenderer* linkLinesRenderer(double intensityLo, double intensityHi, double volumeLo,
                                      double volumeHi) {
    auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
    // The legend's order; the drawing order is the features' (below).
    root->appendChild(new QgsRuleBasedRenderer::Rule(
        lineSymbol(cooperationColor(), kCooperationWidthMm, QStringLiteral("dash")), 0, 0,
        QStringLiteral("\"kind\" = 'declared'"),
        QCoreApplication::translate("maillage::ui::MaillageLayers", "Declared cooperations")));
    root->appendChild(new QgsRuleBasedRenderer::Rule(
        scaledLine(flowColor(), QStringLiteral("volume"), volumeLo, volumeHi, kFlowWidths), 0, 0,
        QStringLiteral("\"kind\" = 'observed'"),
        QCoreApplication::translate("maillage::ui::MaillageLayers", "Observed flows")));
    appendModelledLinkRules(root, QStringLiteral("\"kind\" = 'modelled'"), intensityLo, intensityHi);
    // Drawn as the application's layers are stacked (kMapOrder): the modelled links, the strong and
    // dominant ones last, under the flows, under the cooperations. Without an order, the features' (the
    // links in the order of the model) put a dominant link under the other links that crossed it.
    auto* renderer = new QgsRuleBasedRenderer(root);
    renderer->setOrderBy(QgsFeatureRequest::OrderBy(
        {QgsFeatureRequest::OrderByClause(
             QStringLiteral("CASE WHEN \"kind\" = 'modelled' THEN 0 WHEN \"kind\" = 'observed' THEN 1 "
                            "ELSE 2 END")),
         QgsFeatureRequest::OrderByClause(QStringLiteral("dominant")),
         QgsFeatureRequest::OrderByClause(QStringLiteral("intensity"))}));
    renderer->setOrderByEnabled(true);
    return renderer;
}

void setBlocksLabels(QgsVectorLayer* layer) {
    QgsPalLayerSettings settings;
    settings.drawLabels = false;
    settings.fieldName = QStringLiteral("name");
    settings.obstacleSettings().setIsObstacle(true);
    settings.obstacleSettings().setFactor(1.0);
    layer->setLabeling(new QgsVectorLayerSimpleLabeling(settings));
    layer->setLabelsEnabled(true);
}

namespace {

QgsFillSymbol* densityBaseSymbol() {
    return QgsFillSymbol::createSimple(
        {{QStringLiteral("color"), QStringLiteral("255,255,255,255")},
         {QStringLiteral("outline_color"), QgsSymbolLayerUtils::encodeColor(QColor(255, 255, 255, 150))},
         {QStringLiteral("outline_width"), QStringLiteral("0.06")}});
}

//! The hatched grey class of the communes masked by secrecy, which says why they have no figure. Two
//! lines: the legend of the layers dock is narrow.
QgsRendererRange secretRange(const QgsFillSymbol& base, double threshold) {
    auto* secret = static_cast<QgsFillSymbol*>(base.clone());
    secret->setColor(QColor(0xEE, 0xEE, 0xEE));
    auto* hatch = new QgsLinePatternFillSymbolLayer();
    hatch->setLineAngle(45);
    hatch->setDistance(1.2);
    hatch->setColor(QColor(0x8A, 0x8A, 0x8A));
    secret->appendSymbolLayer(hatch);
    return QgsRendererRange(kDensitySecretValue, kDensitySecretValue, secret,
                            QCoreApplication::translate("maillage::ui::MapLayers",
                                                        "Statistical secrecy\n(fewer than %1 professionals)")
                                .arg(panel::number(threshold)));
}

} // namespace

QgsGraduatedSymbolRenderer* densityRenderer(const QString& field, const std::vector<double>& allValues,
                                            const std::vector<double>& allWeights, bool anyMasked,
                                            double secrecyThreshold, bool accessibility,
                                            const analysis::ClassSpec& spec) {
    const analysis::PositiveValues positive = analysis::positiveValues(allValues, allWeights);
    const bool hasZero = positive.hasZero;
    const std::vector<double> limits = analysis::classLimits(positive.values, positive.weights, spec);
    const int classes = limits.empty() ? 0 : static_cast<int>(limits.size()) - 1;
    QgsColorBrewerColorRamp ramp(QStringLiteral("YlGnBu"), std::max(3, std::min(9, classes)));
    QgsFillSymbol* base = densityBaseSymbol();
    const QString unit =
        accessibility
            ? QCoreApplication::translate("maillage::ui::MapLayers", "%1 – %2 per 100,000 inh. (APL)")
            : QCoreApplication::translate("maillage::ui::MapLayers", "%1 – %2 per 10,000 inh.");
    QgsRangeList ranges;
    if (anyMasked)
        ranges << secretRange(*base, secrecyThreshold);
    if (hasZero) {
        QgsSymbol* none = base->clone();
        none->setColor(QColor(0xD9, 0xD9, 0xD9));
        ranges << QgsRendererRange(
            0, 0, none,
            accessibility ? QCoreApplication::translate("maillage::ui::MapLayers", "None within reach")
                          : QCoreApplication::translate("maillage::ui::MapLayers", "No professional"));
    }
    for (int i = 0; i < classes; ++i) {
        QgsSymbol* symbol = base->clone();
        symbol->setColor(ramp.color(classes > 1 ? static_cast<double>(i) / (classes - 1) : 1.0));
        ranges << QgsRendererRange(limits[i], limits[i + 1], symbol,
                                   unit.arg(panel::number(limits[i], 1), panel::number(limits[i + 1], 1)));
    }
    auto* renderer = new QgsGraduatedSymbolRenderer(field, ranges);
    renderer->setSourceSymbol(base);
    renderer->setSourceColorRamp(ramp.clone());
    return renderer;
}

} // namespace maillage::ui::styles
