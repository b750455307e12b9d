#pragma once
// The change map (issue 11): bassins de vie or communes coloured by their change in professionals between
// two vintages, on a diverging palette centred on zero (ColorBrewer RdBu, colour-blind safe), with a class
// for the units masked by statistical secrecy and one for the changes within noise.
#include "core/analysis/change.h"
#include "ui/sensitivity_layer.h"

#include <QString>

#include <vector>

class QgsCoordinateReferenceSystem;
class QgsVectorLayer;

namespace maillage::ui {

//! The classes of a change map: three of loss and three of gain, edges at ±step and ±2·step (in % of
//! change). step is a third of the 90th percentile of |change %| over the units classed (neither masked
//! nor within noise), rounded up to a round number: neither a tiny commune's +300 % nor the secret
//! ones drive the top class, which is open-ended.
struct ChangeClasses {
    double step = 5; //!< in percentage points, > 0
};
//! The classes of `result` (masks: maskChangeRows).
ChangeClasses changeClassesOf(const analysis::ChangeResult& result,
                              const std::vector<analysis::ChangeMask>& masks);
//! The category of a row: "secret" (its change is masked), "stable" (within noise or no percentage),
//! else "-3" … "-1" (losses, the strongest first) and "1" … "3" (gains).
QString changeCategoryOf(const analysis::ChangeRow& row, const analysis::ChangeMask& mask,
                         const ChangeClasses& classes);
//! The legend label of a category, with signs and units ("−10 % to −5 %", "+10 % and more",
//! "Statistical secrecy", "Stable / within noise").
QString changeCategoryLabel(const QString& category, const ChangeClasses& classes);
//! The layer's name, the heading of its legend: what changed, between which years, of which profession
//! ("Diététicien: change 2013 → 2023", "All professions: change 2013 → 2023").
QString changeLayerName(const model::Dataset& dataset, const analysis::ChangeRequest& request);
//! The layer of `result` over the geometries of `dataset` (units without geometry left out). Fields: code,
//! name, count_from, count_to, change, change_percent, category (masked figures NULL).
QgsVectorLayer* buildChangeLayer(const model::Dataset& dataset, const analysis::ChangeResult& result,
                                 const std::vector<analysis::ChangeMask>& masks,
                                 const QgsCoordinateReferenceSystem& crs);

//! The change view's map: the layer of the Session's change (Session::change) added when it is ready,
//! removed when the dataset or the parameters change.
class ChangeMapLayer : public SessionResultLayer {
    Q_OBJECT
public:
    ChangeMapLayer(Session* session, QgsProject* project, QObject* parent = nullptr);

private:
    QgsVectorLayer* build() override;
};

} // namespace maillage::ui
