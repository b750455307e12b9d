#include "ui/early_warning_layer.h"

#include "core/analysis/secrecy.h"
#include "ui/layer_roles.h"
#include "ui/panels/panel_util.h"
#include "ui/styles/layer_styles.h"

#include <qgsgeometry.h>
#include <qgslabelobstaclesettings.h>
#include <qgsmarkersymbol.h>
#include <qgsmemoryproviderutils.h>
#include <qgspallabeling.h>
#include <qgsproject.h>
#include <qgssinglesymbolrenderer.h>
#include <qgstextformat.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

#include <QCoreApplication>

#include <cmath>

namespace maillage::ui {

namespace {

//! The translation context of the early-warning layer.
class EarlyWarningLayer {
    Q_DECLARE_TR_FUNCTIONS(maillage::ui::EarlyWarningLayer)
};

QgsFields warningFields() {
    QgsFields fields;
    for (const char* key : {"code", "name", "large_pole"})
        fields.append(QgsField(QString::fromLatin1(key), QVariant::String));
    fields.append(QgsField(QStringLiteral("distance_km"), QVariant::Double));
    fields.append(QgsField(QStringLiteral("change_percent"), QVariant::Double));
    fields.append(QgsField(QStringLiteral("sentence"), QVariant::String));
    return fields;
}

//! A red-outlined triangle (warning sign), and the sentence as a label beside it.
void styleWarnings(QgsVectorLayer* layer) {
    // 4 mm: the pôle's own name, 2.2 mm from the anchor (styles::setBassinLabels), finds room beside it.
    QgsMarkerSymbol* marker =
        QgsMarkerSymbol::createSimple({{QStringLiteral("name"), QStringLiteral("triangle")},
                                       {QStringLiteral("color"), QStringLiteral("#fdb863")},
                                       {QStringLiteral("outline_color"), QStringLiteral("#b2182b")},
                                       {QStringLiteral("outline_width"), QStringLiteral("0.6")},
                                       {QStringLiteral("size"), QString::number(kWarningSymbolMm)}});
    layer->setRenderer(new QgsSingleSymbolRenderer(marker));
    QgsPalLayerSettings label;
    label.fieldName = QStringLiteral("sentence");
    // Beside the triangle, never over it: eight positions around the point (over the point, one candidate
    // only, the sentence covered its triangle and gave way to any name it met: one warning of the demo's
    // three was labelled), clear of the triangle diagonally too (QGIS puts a corner at the
    // distance times cos 45°, 0.4 mm beyond the triangle here).
    label.placement = QgsPalLayerSettings::OrderedPositionsAroundPoint;
    label.dist = kWarningSymbolMm / 2 * std::sqrt(2.0) + 0.6;
    label.distUnits = QgsUnitTypes::RenderMillimeters;
    // The sentence ("X perd 13,4 % à 34 km de Y : risque d'absorption") on a few lines aligned on the side
    // of the triangle, with the pôle names' halo: on one line it ran off the map's edge.
    label.autoWrapLength = 24;
    label.multilineAlign = QgsPalLayerSettings::MultiFollowPlacement;
    label.setFormat(styles::haloFormat(8.5, QColor(0x7f, 0x10, 0x1d)));
    // Above the names of the pôles intermédiaires and secondaires, below those of types 1 and 2 (8 to 10).
    label.priority = kWarningLabelPriority;
    // The triangles keep the other labels off them, but never remove a pôle name: QGIS drops a label
    // that touches an obstacle weighing more than twice its priority / 10 (the obstacle factor of 1 made
    // every position of Fontrenard's and Rouraressy's names, pôles secondaires under a triangle, a
    // hard conflict); with 0.3 the names only prefer the positions off the triangle.
    label.obstacleSettings().setIsObstacle(true);
    label.obstacleSettings().setFactor(kWarningObstacleFactor);
    layer->setLabeling(new QgsVectorLayerSimpleLabeling(label));
    layer->setLabelsEnabled(true);
}

} // namespace

QgsVectorLayer* buildEarlyWarningLayer(const model::Dataset& dataset,
                                       const std::vector<analysis::EarlyWarning>& warnings, Language language,
                                       const QgsCoordinateReferenceSystem& crs) {
    auto* layer = QgsMemoryProviderUtils::createMemoryLayer(EarlyWarningLayer::tr("Pôles at risk"),
                                                            warningFields(), QgsWkbTypes::Point, crs);
    setLayerRole(layer, QString::fromLatin1(role::EarlyWarning));
    QgsFeatureList features;
    for (const analysis::EarlyWarning& w : warnings) {
        const model::Bassin* b = dataset.bassin(w.bv);
        if (!b || !model::hasPosition(b->anchor))
            continue;
        QgsFeature f(layer->fields());
        f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(b->anchor.x, b->anchor.y)));
        QgsAttributes values;
        values << panel::qs(w.bv) << panel::qs(w.name) << panel::qs(w.largePole) << w.distanceKm
               << w.changePercent << panel::qs(analysis::describeEarlyWarning(w, language));
        f.setAttributes(values);
        features << f;
    }
    layer->dataProvider()->addFeatures(features);
    layer->updateExtents();
    styleWarnings(layer);
    return layer;
}

EarlyWarningMapLayer::EarlyWarningMapLayer(Session* session, QgsProject* project, QObject* parent)
    : SessionResultLayer(session, project, parent) {
    connect(session, &Session::crunchReady, this, [this](const CrunchRequest& request) {
        m_request = request;
        rebuild();
    });
}

QgsVectorLayer* EarlyWarningMapLayer::build() {
    if (m_request.vintageFrom == 0)
        return nullptr;
    const CrunchResult* result = m_session->crunch(m_request);
    if (!result)
        return nullptr;
    const analysis::SecrecyRule rule = analysis::SecrecyRule::from(m_session->parameters().density);
    const auto warnings = analysis::earlyWarnings(
        analysis::publishableCrunch(result->diagnostics, analysis::maskCrunch(result->diagnostics, rule)));
    if (warnings.empty())
        return nullptr;
    const QgsVectorLayer* bassins = findLayerByRole(m_project, QString::fromLatin1(role::Bassins));
    const QgsCoordinateReferenceSystem crs =
        bassins ? bassins->crs() : QgsCoordinateReferenceSystem(QStringLiteral("EPSG:2154"));
    return buildEarlyWarningLayer(m_session->dataset(), warnings,
                                  panel::uiIsFrench() ? Language::Fr : Language::En, crs);
}

} // namespace maillage::ui
