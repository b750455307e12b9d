#include "ui/scenario_layer.h"

#include "ui/layer_roles.h"
#include "ui/map_layers.h"
#include "ui/panels/panel_util.h"
#include "ui/styles/layer_styles.h"

#include <QCoreApplication>

#include <map>
#include <string>

#include <qgsfeatureiterator.h>
#include <qgsfillsymbol.h>
#include <qgsrulebasedrenderer.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

namespace maillage::ui {

namespace {

//! The translation context of the scenario map's legend.
class ScenarioLayer {
    Q_DECLARE_TR_FUNCTIONS(maillage::ui::ScenarioLayer)
};

//! The type before of every BV whose type changes.
std::map<std::string, int> typesBefore(const analysis::ScenarioComparison& comparison) {
    std::map<std::string, int> out;
    for (const analysis::ScenarioTypeChange& t : comparison.typeChanges)
        out[t.bv] = static_cast<int>(t.before.type);
    return out;
}

//! type_before, changed, and the figures of masked BVs blanked (their reason reduced to their type).
void writeScenarioFields(QgsVectorLayer* layer, const analysis::ScenarioComparison& comparison,
                         const analysis::SecrecyRule& rule) {
    layer->dataProvider()->addAttributes({QgsField(QStringLiteral("type_before"), QVariant::Int),
                                          QgsField(QStringLiteral("changed"), QVariant::Int)});
    layer->updateFields();
    const QgsFields fields = layer->fields();
    std::map<std::string, const analysis::PoleClassification*> after;
    for (const analysis::PoleClassification& p : comparison.bassinsAfter)
        after[p.bv] = &p;
    const std::map<std::string, int> before = typesBefore(comparison);
    QgsChangedAttributesMap changes;
    QgsFeature f;
    QgsFeatureIterator it = layer->getFeatures();
    while (it.nextFeature(f)) {
        const std::string code = f.attribute(QStringLiteral("code")).toString().toStdString();
        const auto p = after.find(code);
        if (p == after.end())
            continue;
        const auto changed = before.find(code);
        const int type = static_cast<int>(p->second->type);
        QgsAttributeMap values;
        values.insert(fields.indexOf(QStringLiteral("type_before")),
                      changed == before.end() ? type : changed->second);
        values.insert(fields.indexOf(QStringLiteral("changed")), changed == before.end() ? 0 : 1);
        if (analysis::maskClassification(p->second->total, p->second->pole, p->second->psy, rule).any()) {
            for (const char* name : {"total", "pole_share", "psy_share"})
                values.insert(fields.indexOf(QString::fromLatin1(name)), QVariant());
            values.insert(fields.indexOf(QStringLiteral("reason")), panel::poleTypeLabel(type));
        }
        changes.insert(f.id(), values);
    }
    layer->dataProvider()->changeAttributeValues(changes);
}

//! The pôle types' renderer, with the changed BVs hatched and outlined in magenta on top (the hatch's
//! colour is the legend swatch of the exported figure, ui/map_compare.cpp).
QgsFeatureRenderer* scenarioRenderer(const QgsFeatureRenderer* types) {
    QgsRuleBasedRenderer* renderer = QgsRuleBasedRenderer::convertFromRenderer(types);
    if (!renderer)
        return types->clone();
    const QColor magenta(0xd0, 0x10, 0x90);
    renderer->rootRule()->appendChild(new QgsRuleBasedRenderer::Rule(
        styles::fillSymbol(magenta, magenta, 0.9, Qt::BDiagPattern), 0, 0, QStringLiteral("\"changed\" = 1"),
        ScenarioLayer::tr("Type changed by the scenario")));
    return renderer;
}

} // namespace

QString scenarioLayerTitle(const QString& scenario) {
    return ScenarioLayer::tr("After the scenario “%1”").arg(scenario);
}

QgsVectorLayer* buildScenarioLayer(const model::Dataset& dataset,
                                   const analysis::ScenarioComparison& comparison,
                                   const analysis::SecrecyRule& rule) {
    if (comparison.bassinsAfter.empty())
        return nullptr;
    QgsVectorLayer* layer = MapLayers::createPoleLayer(dataset, comparison.bassinsAfter,
                                                       scenarioLayerTitle(panel::qs(comparison.scenario)));
    setLayerRole(layer, QString::fromLatin1(role::ScenarioAfter));
    writeScenarioFields(layer, comparison, rule);
    layer->setRenderer(scenarioRenderer(layer->renderer()));
    return layer;
}

} // namespace maillage::ui
