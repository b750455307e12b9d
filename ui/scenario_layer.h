#pragma once
// The map of a scenario's result (issue 12): the bassins de vie coloured by their pôle type after the
// scenario, the BVs whose type changes hatched and outlined, named « Après le scénario « NOM » ». Shown
// over the main map by the Scénarios panel, and on the second map of the two-map view (before on the
// left, after on the right).
#include "core/analysis/scenario.h"
#include "core/analysis/secrecy.h"

#include <QString>

class QgsVectorLayer;

namespace maillage::ui {

//! "After the scenario “NAME”": the layer's name, its legend title.
QString scenarioLayerTitle(const QString& scenario);

//! The layer of `comparison` over the bassins of `dataset` (one feature per BV, as the main map): the fields
//! of MapLayers::createPoleLayer with the classification after the scenario, plus `type_before` and `changed`
//! (1 when the type changes). A BV whose counts `rule` masks has its figures (total, shares) NULL and its
//! type as reason. Styled by type, the changed BVs hatched and outlined on top; labelled as the bassins. The
//! caller owns it; nullptr when the comparison has no classification.
QgsVectorLayer* buildScenarioLayer(const model::Dataset& dataset,
                                   const analysis::ScenarioComparison& comparison,
                                   const analysis::SecrecyRule& rule);

} // namespace maillage::ui
