#include "ui/sensitivity_layer.h"

#include "ui/layer_roles.h"
#include "ui/panels/panel_util.h"
#include "ui/session.h"
#include "ui/styles/layer_styles.h"

#include <cmath>
#include <initializer_list>
#include <map>
#include <utility>
#include <vector>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsfeature.h>
#include <qgsfillsymbol.h>
#include <qgsgeometry.h>
#include <qgslayertree.h>
#include <qgsmemoryproviderutils.h>
#include <qgsproject.h>
#include <qgssinglesymbolrenderer.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

namespace maillage::ui {

namespace {

struct Change {
    int from = 0, to = 0;
    double value = 0;
};

// Per BV, the change at the value nearest the parameter's own: how fragile its type is.
std::map<std::string, Change> nearestChanges(const analysis::Sensitivity& s) {
    std::map<std::string, Change> out;
    for (const analysis::SensitivityStep& step : s.steps)
        for (const analysis::MarginTypeChange& c : step.changes) {
            auto it = out.find(c.bv);
            if (it == out.end() || std::abs(step.value - s.base) < std::abs(it->second.value - s.base))
                out[c.bv] = {static_cast<int>(c.from), static_cast<int>(c.to), step.value};
        }
    return out;
}

// Code and name of the feature, then `more`.
QgsFields fieldsWith(std::initializer_list<std::pair<const char*, QVariant::Type>> more) {
    QgsFields fields;
    fields.append(QgsField(QStringLiteral("code"), QVariant::String));
    fields.append(QgsField(QStringLiteral("name"), QVariant::String));
    for (const auto& [name, type] : more)
        fields.append(QgsField(QString::fromLatin1(name), type));
    return fields;
}

QgsGeometry geometryOf(const model::Wkb& wkb) {
    QgsGeometry g;
    g.fromWkb(QByteArray(reinterpret_cast<const char*>(wkb.data()), static_cast<int>(wkb.size())));
    return g;
}

// Over the accessibility colours: the classes under a threshold hatched (red the lowest, orange the next),
// the class above every threshold left clear, the communes that just moved outlined in magenta.
QgsCategorizedSymbolRenderer* zonageRenderer(const std::vector<double>& thresholds) {
    const QColor colours[] = {QColor(0xc0, 0x10, 0x10), QColor(0xe0, 0x70, 0x10)};
    QgsCategoryList categories;
    for (std::size_t k = 0; k < thresholds.size() && k < 2; ++k) {
        const QString label =
            k == 0 ? ZonageLayer::tr("Under %1").arg(panel::number(thresholds[0], 2))
                   : ZonageLayer::tr("%1 to %2")
                         .arg(panel::number(thresholds[k - 1], 2), panel::number(thresholds[k], 2));
        categories << QgsRendererCategory(
            QString::number(k),
            styles::fillSymbol(colours[k], colours[k], 0.15, k == 0 ? Qt::FDiagPattern : Qt::BDiagPattern),
            label);
    }
    categories << QgsRendererCategory(
        QStringLiteral("moved"),
        styles::fillSymbol(QColor(0, 0, 0, 0), QColor(0xd0, 0x10, 0x90), 0.8, Qt::NoBrush),
        ZonageLayer::tr("Changed class"));
    return new QgsCategorizedSymbolRenderer(QStringLiteral("category"), categories);
}

} // namespace

SessionResultLayer::SessionResultLayer(Session* session, QgsProject* project, QObject* parent)
    : QObject(parent), m_session(session), m_project(project) {
    connect(session, &Session::datasetChanged, this, &SessionResultLayer::remove);
}

SessionResultLayer::~SessionResultLayer() = default;

void SessionResultLayer::remove() {
    if (m_layer && m_project)
        m_project->removeMapLayer(m_layer->id());
    m_layer = nullptr;
}

void SessionResultLayer::rebuild() {
    remove();
    QgsVectorLayer* layer = build();
    if (!layer)
        return;
    m_project->addMapLayer(layer, false);
    insertInMapOrder(m_project, layer);
    m_layer = layer;
}

SensitivityLayer::SensitivityLayer(Session* session, QgsProject* project, QObject* parent)
    : SessionResultLayer(session, project, parent) {
    connect(session, &Session::sensitivityReady, this, &SensitivityLayer::rebuild);
    connect(session, &Session::sensitivityCleared, this, &SensitivityLayer::remove);
}

QgsVectorLayer* SensitivityLayer::build() {
    const analysis::Sensitivity* s = m_session->sensitivity();
    const QgsVectorLayer* bassins = findLayerByRole(m_project, QString::fromLatin1(role::Bassins));
    if (!s || !bassins)
        return nullptr;
    const model::Dataset& ds = m_session->dataset();
    auto* layer = QgsMemoryProviderUtils::createMemoryLayer(
        tr("Type changes (sensitivity)"),
        fieldsWith({{"from_type", QVariant::Int}, {"to_type", QVariant::Int}, {"value", QVariant::Double}}),
        QgsWkbTypes::MultiPolygon, bassins->crs());
    setLayerRole(layer, QString::fromLatin1(role::Sensitivity));
    QgsFeatureList features;
    for (const auto& [bv, change] : nearestChanges(*s)) {
        const model::Bassin* b = ds.bassin(bv);
        if (!b || b->geometry.empty())
            continue;
        QgsFeature f(layer->fields());
        f.setGeometry(geometryOf(b->geometry));
        QgsAttributes values;
        values << panel::qs(bv) << panel::bassinName(ds, bv) << change.from << change.to << change.value;
        f.setAttributes(values);
        features << f;
    }
    layer->dataProvider()->addFeatures(features);
    layer->updateExtents();
    // A thick outline, no fill: the BV keeps its pôle colour beneath.
    layer->setRenderer(new QgsSingleSymbolRenderer(
        styles::fillSymbol(QColor(0, 0, 0, 0), QColor(0xd0, 0x10, 0x90), 0.9, Qt::NoBrush)));
    return layer;
}

ZonageLayer::ZonageLayer(Session* session, QgsProject* project, QObject* parent)
    : SessionResultLayer(session, project, parent) {
    connect(session, &Session::zonageChanged, this, &ZonageLayer::rebuild);
}

QgsVectorLayer* ZonageLayer::build() {
    const ZonageState* z = m_session->zonage();
    const QgsVectorLayer* communes = findLayerByRole(m_project, QString::fromLatin1(role::Communes));
    if (!z || !communes)
        return nullptr;
    const model::Dataset& ds = m_session->dataset();
    auto* layer = QgsMemoryProviderUtils::createMemoryLayer(
        tr("Zonage"), fieldsWith({{"zone_class", QVariant::Int}, {"category", QVariant::String}}),
        QgsWkbTypes::MultiPolygon, communes->crs());
    setLayerRole(layer, QString::fromLatin1(role::Zonage));
    std::vector<char> moved(ds.communes.size(), 0);
    for (int c : z->changed)
        moved[static_cast<std::size_t>(c)] = 1;
    QgsFeatureList features;
    for (std::size_t i = 0; i < ds.communes.size() && i < z->zonage.classOf.size(); ++i) {
        if (ds.communes[i].geometry.empty() || !std::isfinite(z->access->values[i]))
            continue;
        QgsFeature f(layer->fields());
        f.setGeometry(geometryOf(ds.communes[i].geometry));
        const int k = z->zonage.classOf[i];
        QgsAttributes values;
        values << panel::qs(ds.communes[i].code) << panel::qs(ds.communes[i].name) << k
               << (moved[i] ? QStringLiteral("moved") : QString::number(k));
        f.setAttributes(values);
        features << f;
    }
    layer->dataProvider()->addFeatures(features);
    layer->updateExtents();
    layer->setRenderer(zonageRenderer(z->zonage.thresholds));
    return layer;
}

} // namespace maillage::ui
