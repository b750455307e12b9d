#pragma once
// Professionals around the quartiers prioritaires de la politique de la ville (QPV, issue 8): for each
// QPV of the dataset (layer `qpv`), the professionals practising inside it and within a distance of it
// (parameter qpv.distance_m), their density for its population, and the nearest pôle of each type.
//
// Method, stated in outputs: counts are known per commune (or per zone, IRIS, when the dataset has zone
// polygons and zone counts), not per address. A commune whose every zone has a polygon, with zone counts
// of the vintage, counts by its zones: a zone counts for a QPV when its polygon overlaps the QPV
// (inside) or lies within the distance of it. Any other commune counts whole, at its anchor: inside
// when the anchor is in the QPV, within when the anchor is within the distance of the QPV's edge.
#include "core/analysis/secrecy.h"
#include "core/io/result_table.h"
#include "core/model/dataset.h"
#include "core/model/error.h"
#include "core/model/parameters.h"

#include <array>
#include <string>
#include <vector>

namespace maillage::analysis {

//! How the professionals of a QPV were located.
enum class QpvMethod {
    Communes,        //!< communes whose anchor is in the QPV or within the distance
    Zones,           //!< zones (IRIS) overlapping the QPV or within the distance
    ZonesAndCommunes //!< both: the QPV's surroundings span communes with and without zone polygons
};

//! A commune or zone whose professionals count for a QPV.
struct QpvPlace {
    std::string code;    //!< commune or zone code
    bool zone = false;   //!< a zone of Dataset::zones (else a commune)
    bool inside = false; //!< in the QPV (else only within the distance)
    double count = 0;    //!< its professionals (published elsewhere: densities of communes, zones)
};

//! The nearest pôle of one type, from a QPV.
struct QpvNearestPole {
    std::string bv;      //!< BV code; "" when the dataset has no pôle of that type with a position
    double km = 0;       //!< planar (Lambert-93) from the QPV's anchor to the pôle's anchor
    double minutes = -1; //!< travel time from the QPV's commune to the pôle's main commune; < 0: unknown
};

//! One QPV.
struct QpvProfessionals {
    std::string code, name;
    std::string commune;   //!< the QPV's commune (given, else the commune holding its anchor); "" if none
    double population = 0; //!< 0 when the file did not give it: no density
    double inside = 0;     //!< professionals in the QPV
    double within = 0;     //!< professionals in the QPV or within the distance (inside included)
    QpvMethod method = QpvMethod::Communes;
    std::vector<QpvPlace> places;          //!< what was counted, by code
    std::array<QpvNearestPole, 4> nearest; //!< index = pôle type − 1 (types 1 to 4)
};

struct QpvResult {
    std::string profession; //!< canonical code ("" = all professions)
    int vintage = 0;        //!< the vintage counted
    double distanceM = 0;   //!< qpv.distance_m
    bool travelTimes =
        false; //!< the dataset has a travel-time matrix: minutes are given where it has the pair
    std::vector<QpvProfessionals> qpvs; //!< same order as dataset.qpvs
    Warnings warnings; //!< counts left out (countsByCommune), QPV without population or commune
};

//! The professionals of `profession` (code or alias, "" = all) of `vintage` (0 = latest) around every QPV
//! of `dataset`, with the pôles classified under params.poles. Throws Error(Value) for an unknown
//! profession and for a QPV geometry that is no polygon.
QpvResult professionalsAroundQpv(const model::Dataset& dataset, const std::string& profession, int vintage,
                                 const model::Parameters& params);

//! Table "qpv": code, name, commune, population, method, inside, within, per_10000_inside,
//! per_10000_within, then for each pôle type t (1 to 4) pole<t>_bv, pole<t>_name, pole<t>_km,
//! pole<t>_minutes, with the QPV's polygon. Counts masked by primary secrecy and so that the masked
//! counts of the communes and zones they add up (published in the density tables) cannot be given back;
//! densities masked with their count. Notes: the method and the distance, the unit of times.
io::ResultTable qpvTable(const model::Dataset& dataset, const QpvResult& result, const SecrecyRule& rule);

} // namespace maillage::analysis
