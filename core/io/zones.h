#pragma once
// Infra-communal zones (DOMAIN.md §1, §6): IRIS contours or any quartier polygons (`--zones`), their
// population (`--zone-population`: INSEE's population by IRIS, or code, population) and their grouping
// into quartiers (`--quartiers`), joined to the dataset's communes.
#include "core/io/geo.h"
#include "core/io/table.h"
#include "core/model/dataset.h"

#include <map>
#include <string>
#include <vector>

namespace maillage::io {

//! The first field of `names` present in `feature` (compared ignoring case and accents), or "".
std::string featureField(const PolygonFeature& feature, const std::vector<std::string>& names);

//! Field names of a zones file; "" = detect.
struct ZoneColumns {
    std::string code;    //!< detected: code_iris, iris, dciris, code_zone, code
    std::string name;    //!< detected: nom_iris, libiris, nom_zone, nom, name (optional)
    std::string commune; //!< detected: insee_com, depcom, com, code_commune, commune, codgeo
};

//! Zones read from polygons: code, name, parent commune (the first 5 characters of a 9-character IRIS code
//! when the file has no commune field; arrondissements folded into Paris, Lyon, Marseille). Throws
//! Error(Format) when no code field is found, Error(Value) naming the feature for an empty or duplicate
//! code, and readPolygonFeatures' errors.
std::vector<model::Zone> readZonePolygons(const std::string& path, const ZoneColumns& columns,
                                          Warnings& warnings);

//! Population of one zone.
struct ZonePopulation {
    std::string zone;
    std::string commune; //!< "" when the file does not give it
    double population = 0;
    long line = 0;
};

//! Reads INSEE's population by IRIS (IRIS, COM, P17_POP or any P.._POP; Latin-1 and ';' are handled by
//! readTable) or a generic table (code, population). Throws Error(Format) when the code or population
//! column is missing, Error(Value) naming the line for a population that is no number or is negative.
std::vector<ZonePopulation> readZonePopulation(const Table& table, const std::string& codeColumn = {},
                                               const std::string& populationColumn = {});

//! One zone → quartier row.
struct QuartierOfZone {
    std::string zone;
    std::string quartier;
    std::string name; //!< the quartier's name ("" = its code)
    long line = 0;
};

//! Reads a zone → quartier grouping (zone; quartier code; quartier name optional). Detected columns: zone,
//! iris, code_iris, dciris / quartier, code_quartier / nom_quartier, libelle_quartier. Throws Error(Format)
//! for a missing column, Error(Value) naming the line for an empty code or a zone given twice.
std::vector<QuartierOfZone> readQuartiers(const Table& table);

//! What joinZones did.
struct ZonesJoin {
    std::size_t zones = 0;                 //!< zones kept
    std::size_t withPopulation = 0;        //!< zones given a population
    std::size_t grouped = 0;               //!< zones given a quartier
    std::vector<std::string> orphans;      //!< "code (commune)": parent commune absent from the dataset
    std::vector<std::string> unknownZones; //!< population or quartier rows naming no zone
};

//! The files the zones came from, for the warnings.
struct ZoneFiles {
    std::string polygons, population, quartiers;
};

//! Puts zones, populations and quartiers into `dataset`: zones given in `polygons` replace those of the
//! same code (or are added); populations and quartiers are set on the dataset's zones, a population row of
//! an unknown zone whose commune is given and known adds the zone. Zones whose parent commune is missing
//! from the dataset are left out and named in one warning (file and "zone (commune)"); population and
//! quartier rows naming no zone in another. Pure: nothing is written.
ZonesJoin joinZones(model::Dataset& dataset, std::vector<model::Zone> polygons,
                    const std::vector<ZonePopulation>& populations,
                    const std::vector<QuartierOfZone>& quartiers, const ZoneFiles& files, Warnings& warnings);

} // namespace maillage::io
