#include "ui/facilities_layer.h"

#include "core/io/facilities.h"
#include "ui/layer_roles.h"
#include "ui/panels/panel_util.h"
#include "ui/styles/layer_styles.h"

#include <map>
#include <utility>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsgeometry.h>
#include <qgsmarkersymbol.h>
#include <qgsmemoryproviderutils.h>
#include <qgspointdisplacementrenderer.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

namespace maillage::ui {

namespace {

QgsFields facilityFields() {
    QgsFields f;
    for (const char* name : {"commune", "nom", "kind", "label"})
        f.append(QgsField(QString::fromLatin1(name), QVariant::String));
    f.append(QgsField(QStringLiteral("count"), QVariant::Double));
    f.append(QgsField(QStringLiteral("vintage"), QVariant::Int));
    return f;
}

//! The kind's name in the UI language, its code when the shipped list does not know it.
QString kindLabel(const QString& code) {
    const io::FacilityKind* kind = io::findFacilityKind(code.toStdString());
    if (!kind)
        return code;
    return QString::fromStdString(panel::uiIsFrench() ? kind->labelFr : kind->labelEn);
}

//! A qualitative colour per kind, by its position in the shipped list (stable between datasets).
QColor kindColor(const QString& code) {
    static const QColor palette[] = {
        QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9), QColor(0x00, 0x9e, 0x73),
        QColor(0xf0, 0xe4, 0x42), QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00),
        QColor(0xcc, 0x79, 0xa7), QColor(0x99, 0x99, 0x99), QColor(0x88, 0x22, 0x55),
        QColor(0x44, 0xaa, 0x99), QColor(0x33, 0x22, 0x88), QColor(0x99, 0x99, 0x33),
        QColor(0x66, 0x11, 0x00)};
    const auto& kinds = io::facilityKinds();
    std::size_t index = kinds.size();
    for (std::size_t i = 0; i < kinds.size(); ++i)
        if (QString::fromStdString(kinds[i].code) == code)
            index = i;
    return palette[index % (sizeof(palette) / sizeof(palette[0]))];
}

} // namespace

QgsVectorLayer* createFacilitiesLayer(const model::Dataset& dataset, const QString& name) {
    int vintage = 0;
    for (const model::FacilityCount& f : dataset.facilities)
        vintage = std::max(vintage, f.vintage);
    std::map<std::pair<std::string, std::string>, double> sums; // (commune, kind) → establishments
    for (const model::FacilityCount& f : dataset.facilities)
        if (f.vintage == vintage && f.count > 0)
            sums[{f.commune, f.kind}] += f.count;
    const QgsFields fields = facilityFields();
    QgsFeatureList features;
    for (const auto& [key, count] : sums) {
        const model::Commune* c = dataset.commune(key.first);
        if (!c || !model::hasPosition(c->anchor))
            continue; // no position: BPE gives communes, and this one has no polygon nor anchor
        QgsFeature f(fields);
        f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(c->anchor.x, c->anchor.y)));
        const QString kind = QString::fromStdString(key.second);
        f.setAttributes(
            QgsAttributes(QVector<QVariant>{QString::fromStdString(c->code), QString::fromStdString(c->name),
                                            kind, kindLabel(kind), count, vintage}));
        features.append(f);
    }
    if (features.isEmpty())
        return nullptr;
    const QgsCoordinateReferenceSystem crs(QStringLiteral("EPSG:%1").arg(model::kWorkingEpsg));
    QgsVectorLayer* layer = QgsMemoryProviderUtils::createMemoryLayer(name, fields, QgsWkbTypes::Point, crs);
    // No spatial index: the points are drawn on the user's demand, and their one-by-one insertion into an
    // R-tree was 50 ms of the national opening.
    layer->dataProvider()->addFeatures(features);
    layer->updateExtents();
    setLayerRole(layer, QString::fromLatin1(role::Facilities));
    layer->setRenderer(facilitiesRenderer(*layer));
    return layer;
}

QgsFeatureRenderer* facilitiesRenderer(const QgsVectorLayer& layer) {
    std::map<QString, int> points; // kind → points, in code order
    QgsFeatureIterator it = layer.getFeatures();
    QgsFeature f;
    while (it.nextFeature(f))
        ++points[f.attribute(QStringLiteral("kind")).toString()];
    QgsCategoryList categories;
    for (const auto& [kind, n] : points)
        categories << QgsRendererCategory(kind,
                                          styles::markerSymbol(QStringLiteral("circle"), kindColor(kind),
                                                               QColor(0x22, 0x22, 0x22), 2.4, 0.2),
                                          QStringLiteral("%1 (%2)").arg(kindLabel(kind), panel::number(n)));
    auto* categorized = new QgsCategorizedSymbolRenderer(QStringLiteral("kind"), categories);
    // Several kinds in one commune share its anchor: spread them around it rather than hide all but one.
    auto* displaced = new QgsPointDisplacementRenderer(QStringLiteral("label"));
    displaced->setEmbeddedRenderer(categorized);
    displaced->setTolerance(0.5);
    displaced->setToleranceUnit(QgsUnitTypes::RenderMillimeters);
    displaced->setPlacement(QgsPointDisplacementRenderer::Ring);
    displaced->setLabelAttributeName(QString());
    return displaced;
}

} // namespace maillage::ui
