#pragma once
// Names of régions and départements, and the pre-2016 régions (the ORS study compares the 22 old
// régions): reference tables shipped with the application as data (resources/territories/*.csv), found
// as the profession catalogue is (core/model/catalogue.h): <prefix>/share/maillage/territories/ next to
// the installed executable, else the copy compiled in.
#include "core/model/dataset.h"

#include <map>
#include <string>

namespace maillage::io {

//! A région as it was before the 2016 merger.
struct FormerRegion {
    std::string code; //!< INSEE code of the old région ("31" Nord-Pas-de-Calais)
    std::string name;
    std::string region; //!< the région it belongs to since 2016 ("32" Hauts-de-France)
};

struct TerritoryNames {
    std::map<std::string, std::string> regions;             //!< région code -> name (régions since 2016)
    std::map<std::string, std::string> departements;        //!< département code -> name
    std::map<std::string, std::string> regionOfDepartement; //!< département code -> région code
    std::map<std::string, FormerRegion> formerRegionOfDepartement; //!< département -> its old région
    std::string origin; //!< the folder read, or "built-in territory names"
};

//! Parses the three tables (texts of regions.csv, departements.csv, anciennes_regions.csv; `source` names
//! them in messages). Throws Error(Format/Value) naming the file and line of a missing column or code.
TerritoryNames parseTerritoryNames(const std::string& regionsCsv, const std::string& departementsCsv,
                                   const std::string& formerRegionsCsv, const std::string& source);

//! Reads regions.csv, departements.csv and anciennes_regions.csv of `folder`.
TerritoryNames readTerritoryNames(const std::string& folder);

//! The copy compiled in (resources/territories at build time).
TerritoryNames builtinTerritoryNames();

//! <prefix>/share/maillage/territories when it exists next to the running executable, else the copy
//! compiled in. An installed folder that cannot be read is an error naming it, never a silent fallback.
TerritoryNames standardTerritoryNames();

//! The région (since 2016) of département `dep` in `names`, or "" when the tables do not know it.
std::string regionOfDepartement(const TerritoryNames& names, const std::string& dep);

//! Names of the régions and départements of the dataset's communes and bassins, into
//! dataset.regionNames and departementNames; names already there (given by the user) are kept. Codes
//! the tables do not know are left unnamed (the interface shows their code).
void nameTerritories(model::Dataset& dataset, const TerritoryNames& names);

//! EPCI membership of the communes of one COG year (EPCI codes change over time even when the perimeter
//! does not: join a table of the same COG year as the communes).
struct EpciMembership {
    int cogYear = 0;
    std::map<std::string, std::string> epciOfCommune; //!< commune code -> EPCI code (SIREN; ZZZZZZZZZ: none)
    std::map<std::string, std::string> names;         //!< EPCI code -> name
};

//! Reads epci_cog<YEAR>.csv (commune;epci) and epci_names_cog<YEAR>.csv (epci;name) of `folder`. Throws
//! Error(FileNotFound) naming the file when the year is not there.
EpciMembership readEpciMembership(const std::string& folder, int cogYear);

//! The shipped table of `cogYear` (<prefix>/share/maillage/territories); an empty membership when the
//! application ships none for that year (resources/territories has 2018 and 2024) or is not installed.
EpciMembership standardEpciMembership(int cogYear);

} // namespace maillage::io
