#pragma once
// The one way to fill a profession chooser, so that every chooser lists the same professions in the same
// order and says which of them the dataset has no data for.
#include "core/model/dataset.h"

#include <QString>

#include <set>
#include <string>

class QComboBox;

namespace maillage::ui::panel {

//! Codes of the professions with at least one count above zero (communes or zones) in `dataset`.
std::set<std::string> professionsWithData(const model::Dataset& dataset);

//! Fills `combo` with "All professions" (data ""), then the professions of each group sorted by label
//! (data: the code); professions without data come last, disabled and marked "(no data)".
void fillProfessionChooser(QComboBox* combo, const model::Dataset& dataset);

//! "Médecin généraliste (aucune donnée)": the label of a profession the dataset has no count of.
QString noDataLabel(const QString& professionLabel);

} // namespace maillage::ui::panel
