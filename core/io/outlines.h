#pragma once
// Département and région outlines, dissolved from the communes once at import and stored in the dataset
// GeoPackage (layers departements and regions), so that the map never dissolves 35,000 communes at open.
#include "core/model/dataset.h"
#include "core/model/error.h"
#include "core/model/feedback.h"

#include <map>
#include <string>
#include <vector>

namespace maillage::io {

//! Commune codes of each département (commune.dep), in the communes' order; communes without a
//! département code are left out.
std::map<std::string, std::vector<std::string>>
communesByDepartement(const std::vector<model::Commune>& communes);

//! Département codes of each région: a département belongs to the région most of its communes name.
std::map<std::string, std::vector<std::string>>
departementsByRegion(const std::vector<model::Commune>& communes);

//! Fills dataset.departementOutlines (union of each département's communes) and dataset.regionOutlines
//! (union of each région's départements), sorted by code, with the parallel dissolve of the bassins de vie
//! (geo.h). Communes without polygon are left out (the bassins' dissolve already warned about them); a
//! département or région none of whose communes has a polygon gets no outline and one warning lists them.
//! Progress is not reported (the caller's step goes on); cancellation is honoured (Error Canceled).
void dissolveOutlines(model::Dataset& dataset, Warnings& warnings, Feedback* feedback = nullptr);

} // namespace maillage::io
