#pragma once
// Layers the application adds to its QgsProject carry a role (custom property "maillage/role"), so that
// panels find them without holding pointers that a project reload would leave dangling.
#include <QMetaType>
#include <QString>

#include <qgslayertree.h>
#include <qgsmaplayer.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <iterator>

namespace maillage::ui {

namespace role {
inline const char* const Bassins = "bassins";           //!< BV polygons, coloured by pôle type
inline const char* const Communes = "communes";         //!< commune polygons (density colouring)
inline const char* const Departements = "departements"; //!< département boundaries
inline const char* const Zones = "zones";               //!< infra-communal zones
inline const char* const Links = "links";               //!< maillage links (lines)
inline const char* const Poles = "poles";               //!< pôle points (labels, isolated flags)
inline const char* const Flows = "flows";               //!< observed flows between BVs (optional)
inline const char* const Cooperations = "cooperations"; //!< declared cooperations (optional)
inline const char* const Selection = "selection";       //!< outlines of the selected BVs and commune
inline const char* const Qpv = "qpv";                   //!< quartiers prioritaires (optional)
inline const char* const ScenarioAfter =
    "scenario_after"; //!< BVs by pôle type after a scenario (ui/scenario_layer.h)
inline const char* const Facilities =
    "facilities"; //!< health facilities (BPE D1xx) at commune anchors (optional)
inline const char* const LinksCrossing = "links_crossing"; //!< modelled vs declared links (MaillageLayers)
inline const char* const EarlyWarning = "early_warning";   //!< pôles at risk of being absorbed (Crunch)
inline const char* const Change = "change";                //!< BVs or communes by change between two vintages
inline const char* const Sensitivity = "sensitivity";      //!< BVs whose type changes in the sensitivity
inline const char* const Zonage = "zonage";                //!< communes by zonage class (accessibility)
} // namespace role

//! The kind of a feature of the map that users select, search for and zoom to.
enum class FeatureKind { Bassin, Commune };

//! "bassin" or "commune": the value of a kind in layer fields (e.g. the selection layer's "kind").
inline QString featureKindName(FeatureKind kind) {
    return kind == FeatureKind::Commune ? QStringLiteral("commune") : QStringLiteral("bassin");
}

inline const char* const kRoleProperty = "maillage/role";
//! On the communes layer while it shows a density map: what it shows ("Density of … (2018)").
inline const char* const kColouringProperty = "maillage/colouring";
//! On a layer tree node added folded because its layer is off: unfold it when the user ticks it.
inline const QString kUnfoldWhenShown = QStringLiteral("maillage/unfoldWhenShown");

inline QgsVectorLayer* findLayerByRole(const QgsProject* project, const QString& roleName) {
    if (!project)
        return nullptr;
    const auto layers = project->mapLayers();
    for (QgsMapLayer* layer : layers) {
        if (layer->customProperty(QString::fromLatin1(kRoleProperty)).toString() == roleName)
            return qobject_cast<QgsVectorLayer*>(layer);
    }
    return nullptr;
}

inline void setLayerRole(QgsMapLayer* layer, const QString& roleName) {
    layer->setCustomProperty(QString::fromLatin1(kRoleProperty), roleName);
}

//! The application's map order of the layers it adds, top first: symbols over lines over outlines over
//! fills, whichever was computed first (the early warning above the pôles' markers, a change map under
//! them). The dataset's stored QGIS project follows it too.
inline const char* const kMapOrder[] = {
    role::EarlyWarning, role::Poles,       role::LinksCrossing, role::Cooperations, role::Flows,
    role::Links,        role::Facilities,  role::Selection,     role::Qpv,          role::Zones,
    role::Departements, role::Sensitivity, role::ScenarioAfter, role::Change,       role::Zonage,
    role::Communes,     role::Bassins};

//! The rank of a role in kMapOrder (0 = top); -1 for a layer that is not the application's.
inline int mapOrderRank(const QString& roleName) {
    for (std::size_t i = 0; i < std::size(kMapOrder); ++i)
        if (roleName == QLatin1String(kMapOrder[i]))
            return static_cast<int>(i);
    return -1;
}

inline int mapOrderRank(const QgsMapLayer* layer) {
    return layer ? mapOrderRank(layer->customProperty(QString::fromLatin1(kRoleProperty)).toString()) : -1;
}

//! Puts `layer` (already in `project`, its role set) at the top level of the layer tree, above the first
//! of the application's layers that comes after it in kMapOrder: the same order whatever the order of
//! the results. A layer without a role goes on top.
inline QgsLayerTreeLayer* insertInMapOrder(QgsProject* project, QgsMapLayer* layer) {
    QgsLayerTree* root = project->layerTreeRoot();
    const int rank = mapOrderRank(layer);
    const QList<QgsLayerTreeNode*> nodes = root->children();
    int position = rank < 0 ? 0 : static_cast<int>(nodes.size());
    for (int i = 0; rank >= 0 && i < nodes.size(); ++i)
        if (QgsLayerTree::isLayer(nodes[i]) &&
            mapOrderRank(QgsLayerTree::toLayer(nodes[i])->layer()) > rank) {
            position = i;
            break;
        }
    return root->insertLayer(position, layer);
}

} // namespace maillage::ui

Q_DECLARE_METATYPE(maillage::ui::FeatureKind)
