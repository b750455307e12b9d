#pragma once
// Parameters of spatial accessibility (DOMAIN.md §6). The parameters themselves are data of the dataset
// (core/model/access_parameters.h, saved with model::Parameters); the analysis adds the weight they give
// a pair of communes.
#include "core/model/access_parameters.h"

#include <string>

namespace maillage::analysis {

using model::accessFromKeyValues;
using model::accessKeyValues;
using model::AccessMethod;
using model::AccessParameters;
using model::AccessStep;
using model::defaultAccessParameters;
using model::SupplyKind;

//! model::validateAccess, under the analysis' name.
inline void validate(const AccessParameters& params, const std::string& sourceName) {
    model::validateAccess(params, sourceName);
}

//! The weight of a pair `minutes` apart (0 beyond the catchment, or for a negative or non-finite time).
double accessWeight(const AccessParameters& params, double minutes);

} // namespace maillage::analysis
