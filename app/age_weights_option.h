#pragma once
// `import|add|access --age-weights FILE` (issue 9): the user's consumption weights by age band, read,
// checked against the dataset's population by age and stored with it (app/cmd_access.cpp).
#include "app/cli_common.h"
#include "core/model/access_parameters.h"

#include <string>
#include <vector>

namespace maillage::cli {

//! Help of `import|add|access --age-weights` (one text for all).
inline constexpr const char* kAgeWeightsHelp =
    "consumption weights by age band of the age-standardised demand (access.demand=1), replacing the shipped "
    "ones: a table age_band;weight (bands 0-14 or 0014, ..., 90+; weights >= 0, decimal commas read), e.g. "
    "DREES's GP consumption by age band. import/add store them with the dataset; access uses them for the "
    "run";
//! The weights of `path` (import|add|access --age-weights; empty when `path` is). Throws Error naming the
//! file, line and column.
std::vector<model::AgeBandWeight> readAgeWeightsOption(const std::string& path);
//! Checks that `weights` (from `path`) cover every band of the dataset's population by age, stores them in
//! the dataset and says so; nothing when `path` is empty. Throws Error naming the file and the bands.
void storeAgeWeights(model::Dataset& ds, const std::vector<model::AgeBandWeight>& weights,
                     const std::string& path, Context& c);
//! Forgets the weights stored in the dataset (add --shipped-age-weights) and says so.
void useShippedAgeWeights(model::Dataset& ds, Context& c);
} // namespace maillage::cli
