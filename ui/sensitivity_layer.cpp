#include "ui/sensitivity_layer.h"

#include "ui/layer_roles.h"
#include "ui/panels/panel_util.h"
#include "ui/session.h"
#include "ui/styles/layer_styles.h"

#include <cmath>
#include <map>

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
        for (const analysis::TypeChange& c : step.changes) {
            auto it = out.find(c.bv);
            if (it == out.end() || std::abs(step.value - s.base) < std::abs(it->second.value - s.base))
                out[c.bv] = {static_cast<int>(c.from), static_cast<int>(c.to), step.value};
        }
    return out;
}

QgsFields sensitivityFields() {
    QgsFields fields;
    fields.append(QgsField(QStringLiteral("code"), QVariant::String));
    fields.append(QgsField(QStringLiteral("name"), QVariant::String));
    fields.append(QgsField(QStringLiteral("from_type"), QVariant::Int));
    fields.append(QgsField(QStringLiteral("to_type"), QVariant::Int));
    fields.append(QgsField(QStringLiteral("value"), QVariant::Double));
    return fields;
}

} // namespace

SensitivityLayer::SensitivityLayer(Session* session, QgsProject* project, QObject* parent)
    : QObject(parent), m_session(session), m_project(project) {
    connect(session, &Session::sensitivityReady, this, &SensitivityLayer::rebuild);
    connect(session, &Session::sensitivityCleared, this, &SensitivityLayer::remove);
    connect(session, &Session::datasetChanged, this, &SensitivityLayer::remove);
}

SensitivityLayer::~SensitivityLayer() = default;

void SensitivityLayer::remove() {
    if (m_layer && m_project)
        m_project->removeMapLayer(m_layer->id());
    m_layer = nullptr;
}

void SensitivityLayer::rebuild() {
    remove();
    const analysis::Sensitivity* s = m_session->sensitivity();
    const QgsVectorLayer* bassins = findLayerByRole(m_project, QString::fromLatin1(role::Bassins));
    if (!s || !bassins)
        return;
    const model::Dataset& ds = m_session->dataset();
    auto* layer = QgsMemoryProviderUtils::createMemoryLayer(
        tr("Type changes (sensitivity)"), sensitivityFields(), QgsWkbTypes::MultiPolygon, bassins->crs());
    setLayerRole(layer, QString::fromLatin1(role::Sensitivity));
    QgsFeatureList features;
    for (const auto& [bv, change] : nearestChanges(*s)) {
        const model::Bassin* b = ds.bassin(bv);
        if (!b || b->geometry.empty())
            continue;
        QgsFeature f(layer->fields());
        QgsGeometry g;
        g.fromWkb(QByteArray(reinterpret_cast<const char*>(b->geometry.data()),
                             static_cast<int>(b->geometry.size())));
        f.setGeometry(g);
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
    m_project->addMapLayer(layer, false);
    m_project->layerTreeRoot()->insertLayer(0, layer);
    m_layer = layer;
}

} // namespace maillage::ui
