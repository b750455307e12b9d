#pragma once
// Consumption weights by age band of the age-standardised demand (issue 9): the shipped ones, or a user
// file (`import|add|access --age-weights FILE`, core/io/population_age.h) stored with the dataset.
#include "core/model/access_parameters.h"
#include "core/model/dataset.h"

#include <string>
#include <vector>

namespace maillage::analysis {

//! The Metadata::extra keys the user's weights are stored under: "0-14=0.8;15-29=0.7;…" and the name of
//! the file they were read from.
inline constexpr const char* kAgeWeightsKey = "access.age_weights";
inline constexpr const char* kAgeWeightsFileKey = "access.age_weights_file";

//! The weights the standardised demand of `dataset` uses: those stored with it, else the shipped ones
//! (model::builtinConsumptionWeights()). Throws Error(Format) naming "access.age_weights" when the stored
//! text is damaged.
std::vector<model::AgeBandWeight> consumptionWeights(const model::Dataset& dataset);

//! The file name the stored weights came from; "" when the dataset uses the shipped weights.
std::string consumptionWeightsFile(const model::Dataset& dataset);

//! How a weights file is named in the dataset and in messages: its name without the folder.
std::string weightsFileName(const std::string& path);

//! Stores `weights` (read from `file`; its name without the folder is kept) in the dataset, replacing
//! weights stored before; later runs use them (consumptionWeights()).
void storeConsumptionWeights(model::Dataset& dataset, const std::vector<model::AgeBandWeight>& weights,
                             const std::string& file);

//! Forgets the weights stored in the dataset: later runs use the shipped ones again.
void useShippedConsumptionWeights(model::Dataset& dataset);

} // namespace maillage::analysis
