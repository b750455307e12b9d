#pragma once
// Layers the application adds to its QgsProject carry a role (custom property "maillage/role"), so that
// panels find them without holding pointers that a project reload would leave dangling.
#include <QMetaType>
#include <QString>

#include <qgsmaplayer.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

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

} // namespace maillage::ui

Q_DECLARE_METATYPE(maillage::ui::FeatureKind)
