#pragma once
// Registers of individual professionals in the dataset GeoPackage (issue 12): two attribute tables,
// `professionnels` (one row per professional and vintage) and `activites` (one row per practice site),
// and the source and site rule of each register in the metadata ("register.<year>.source",
// "register.<year>.rule": main_site or shared_by_activity), so that QGIS users see them too.
#include "core/model/dataset.h"

#include <string>
#include <utility>
#include <vector>

class GDALDataset;

namespace maillage::io {

//! Metadata keys of the register of `vintage`.
std::string registerSourceKey(int vintage);
std::string registerRuleKey(int vintage);
//! "main_site" / "shared_by_activity", and back (false when `text` is neither).
std::string siteRuleName(model::SiteRule rule);
bool parseSiteRule(const std::string& text, model::SiteRule& out);

//! `rows` (metadata key/value pairs) with the source and rule of every register set (replacing rows of the
//! same key): the metadata states the site rule of the counts derived from each register.
std::vector<std::pair<std::string, std::string>>
withRegisterMetadata(std::vector<std::pair<std::string, std::string>> rows,
                     const std::vector<model::ProfessionalRegister>& registers);

//! Writes the registers of `d` (nothing when it has none). Throws Error(Write) naming `path`.
void writeRegisterTables(GDALDataset& ds, const std::string& path, const model::Dataset& d);
//! Reads the registers into `d` (after its metadata: the source and rule come from there); nothing when
//! the tables are absent (datasets written before issue 12). Throws Error(Format) naming `path`.
void readRegisterTables(GDALDataset& ds, const std::string& path, model::Dataset& d);

} // namespace maillage::io
