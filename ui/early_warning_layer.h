#pragma once
// The Crunch early warning on the map (issue 11): the small pôles losing professionals near a large pôle,
// one point each at the BV's anchor, labelled with its sentence.
#include "core/analysis/crunch.h"
#include "core/model/dataset.h"
#include "ui/sensitivity_layer.h"
#include "ui/session.h"

class QgsCoordinateReferenceSystem;
class QgsVectorLayer;

namespace maillage::ui {

//! The warning triangle's size (millimetres), its sentence's label priority (QGIS: 0 to 10) and the
//! triangles' weight as obstacles to the other labels (QGIS: 0 to 2).
inline constexpr double kWarningSymbolMm = 4;
inline constexpr int kWarningLabelPriority = 8;
inline constexpr double kWarningObstacleFactor = 0.3;

//! A point layer of `warnings` (earlyWarnings of the published diagnosis) at their BVs' anchors, in
//! `language`. Fields: code, name, large_pole, distance_km, change_percent, sentence (the label).
//! BVs without a position are left out.
QgsVectorLayer* buildEarlyWarningLayer(const model::Dataset& dataset,
                                       const std::vector<analysis::EarlyWarning>& warnings, Language language,
                                       const QgsCoordinateReferenceSystem& crs);

//! The map's early-warning layer: rebuilt from each Crunch diagnosis with two years that the Session
//! computes (the Crunch panel's), as secrecy lets it be published; removed with the dataset.
class EarlyWarningMapLayer : public SessionResultLayer {
    Q_OBJECT
public:
    EarlyWarningMapLayer(Session* session, QgsProject* project, QObject* parent = nullptr);

private:
    QgsVectorLayer* build() override;
    CrunchRequest m_request; //!< the diagnosis last computed
};

} // namespace maillage::ui
