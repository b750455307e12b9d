#include "ui/zones_layer.h"

#include "ui/i18n.h"
#include "ui/layer_roles.h"
#include "ui/map_layers.h"
#include "ui/qpv_identify.h"
#include "ui/session.h"
#include "ui/styles/layer_styles.h"

#include <qgsfeaturerequest.h>
#include <qgsfillsymbol.h>
#include <qgsgeometry.h>
#include <qgsmapcanvas.h>
#include <qgsmemoryproviderutils.h>
#include <qgspallabeling.h>
#include <qgssinglesymbolrenderer.h>
#include <qgstextformat.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

namespace maillage::ui {

namespace {

//! Zones are drawn when zoomed in to a few communes; their names when zoomed in to one.
constexpr double kZonesMaxScale = 400000;
constexpr double kZoneLabelMaxScale = 60000;

QgsFields zoneFields() {
    QgsFields f;
    for (const char* name : {"code", "nom", "commune"})
        f.append(QgsField(QString::fromLatin1(name), QVariant::String));
    f.append(QgsField(QStringLiteral("population"), QVariant::Double));
    f.append(QgsField(QStringLiteral("quartier"), QVariant::String));
    return f;
}

} // namespace

QgsVectorLayer* createZonesLayer(const model::Dataset& dataset, const QString& name) {
    const QgsFields fields = zoneFields();
    QgsFeatureList features;
    for (const model::Zone& z : dataset.zones) {
        if (z.geometry.empty())
            continue; // a zone known by its population only: nothing to draw
        QgsGeometry g;
        g.fromWkb(QByteArray(reinterpret_cast<const char*>(z.geometry.data()),
                             static_cast<int>(z.geometry.size())));
        g.convertToMultiType();
        QgsFeature f(fields);
        f.setGeometry(g);
        const QString quartier = QString::fromStdString(z.quartierName.empty() ? z.quartier : z.quartierName);
        f.setAttributes(
            QgsAttributes(QVector<QVariant>{QString::fromStdString(z.code), QString::fromStdString(z.name),
                                            QString::fromStdString(z.commune), z.population, quartier}));
        features.append(f);
    }
    if (features.isEmpty())
        return nullptr;
    const QgsCoordinateReferenceSystem crs(QStringLiteral("EPSG:%1").arg(model::kWorkingEpsg));
    QgsVectorLayer* layer =
        QgsMemoryProviderUtils::createMemoryLayer(name, fields, QgsWkbTypes::MultiPolygon, crs);
    layer->dataProvider()->addFeatures(features);
    layer->dataProvider()->createSpatialIndex();
    layer->updateExtents();
    setLayerRole(layer, QString::fromLatin1(role::Zones));
    setZonesStyle(layer);
    return layer;
}

void setZonesStyle(QgsVectorLayer* layer) {
    layer->setRenderer(new QgsSingleSymbolRenderer(
        styles::fillSymbol(Qt::transparent, QColor(0xd9, 0x5f, 0x0e), 0.35, Qt::NoBrush)));
    layer->setScaleBasedVisibility(true);
    layer->setMinimumScale(kZonesMaxScale);
    layer->setMaximumScale(0);
    QgsPalLayerSettings settings;
    settings.fieldName = QStringLiteral("nom");
    settings.placement = QgsPalLayerSettings::OverPoint;
    settings.setFormat(styles::haloFormat(7, QColor(0x8c, 0x3d, 0x0a)));
    settings.scaleVisibility = true;
    settings.minimumScale = kZoneLabelMaxScale;
    settings.maximumScale = 0;
    settings.priority = 1; // below the communes' names
    layer->setLabeling(new QgsVectorLayerSimpleLabeling(settings));
    layer->setLabelsEnabled(true);
}

namespace {

bool shown(const QgsVectorLayer* layer, const QgsMapCanvas& canvas) {
    return layer && canvas.layers().contains(const_cast<QgsVectorLayer*>(layer)) &&
           layer->isInScaleRange(canvas.scale());
}

//! The first feature of `layer` within `pixels` of `point` (points), or containing it (polygons).
QgsFeature featureNear(QgsVectorLayer* layer, const QgsMapCanvas& canvas, const QgsPointXY& point,
                       double pixels) {
    const double tolerance = canvas.mapUnitsPerPixel() * pixels;
    QgsFeatureRequest request(QgsRectangle(point.x() - tolerance, point.y() - tolerance,
                                           point.x() + tolerance, point.y() + tolerance));
    QgsFeatureIterator it = layer->getFeatures(request);
    QgsFeature f;
    while (it.nextFeature(f)) {
        if (layer->geometryType() == QgsWkbTypes::PointGeometry || f.geometry().contains(&point))
            return f;
    }
    return QgsFeature();
}

} // namespace

QString describeOverlaysAt(const Session& session, const MapLayers& layers, const QgsMapCanvas& canvas,
                           const QgsPointXY& point) {
    const model::DensityParameters& params = session.parameters().density;
    const ZoneFigures figures{session.profession().toStdString(), session.vintage(),
                              analysis::SecrecyRule::from(params)};
    const Language language = i18n::engineLanguage();
    // Coincident points are spread around their anchor (a few millimetres): a generous tolerance.
    if (QgsVectorLayer* facilities = layers.facilities(); shown(facilities, canvas)) {
        const QgsFeature f = featureNear(facilities, canvas, point, 12);
        if (f.isValid())
            return describeFacilities(session.dataset(), f.attribute(QStringLiteral("commune")).toString(),
                                      figures, language);
    }
    if (QgsVectorLayer* zones = layers.zones(); shown(zones, canvas)) {
        const QgsFeature f = featureNear(zones, canvas, point, 2);
        if (f.isValid())
            return describeZone(session.dataset(), f.attribute(QStringLiteral("code")).toString(), figures,
                                language);
    }
    return {};
}

} // namespace maillage::ui
