#pragma once
// Every threshold of DOMAIN.md is a parameter with a default, editable by the user and saved with
// the dataset (table "parameters" of the GeoPackage: key TEXT, value REAL). Keys are stable names.
#include "core/model/access_parameters.h"
#include "core/model/catalogue.h"

#include <map>
#include <string>
#include <vector>

namespace maillage::model {

//! DOMAIN.md §3. Professional-count thresholds are multiplied by massScale (e.g. 0.25 for BPE data,
//! which counts only private-practice sites, about a quarter of RPPS+ADELI).
struct PoleParameters {
    double metropoleMin = 10000;            //!< type 1 when N >  metropoleMin (strict)
    double grandPoleMin = 3000;             //!< type 2 when grandPoleMin <= N <= metropoleMin
    double intermediateMin = 1500;          //!< type 3 needs intermediateMin <= N < grandPoleMin
    double intermediatePoleShareMin = 0.20; //!< ... and N_pole / N >= this (inclusive)
    double intermediatePsyShareMax = 0.20;  //!< ... and N_psy / N <= this (inclusive)
    double secondaryExPsyMin = 1000;        //!< type 4 when not 1-3 and N_exPsy >= this (inclusive)
    double massScale = 1.0;                 //!< multiplies the four count thresholds above

    double scaled(double threshold) const { return threshold * massScale; }
    bool operator==(const PoleParameters& o) const;
    bool operator!=(const PoleParameters& o) const { return !(*this == o); }
};

enum class DistanceMode { Planar, Geodesic, TravelTime };

//! DOMAIN.md §4.
struct MaillageParameters {
    double beta = 2.0;                            //!< I_ij = M_i M_j / d_ij^beta
    DistanceMode distance = DistanceMode::Planar; //!< planar = Lambert-93 (EPSG:2154) straight line
    int strongestPerPole = 3;      //!< keep the k strongest links of each pôle (0 = no such filter), <= 1000
    double intensityThreshold = 0; //!< keep links with I_ij >= threshold (0 = no such filter)
    double isolationDistanceKm = 30; //!< a pôle with no pôle of equal or higher rank within this is isolated
    double isolationMinutes = 30;    //!< same, with a travel-time matrix
    double minDistanceKm = 1;        //!< floor on d to keep I finite for touching pôles
    //! Travel-time mode: a pair of pôles missing from the matrix gets its straight-line distance at this
    //! speed (km/h as the crow flies: about 65 km/h on roads with a detour factor of 1.3).
    double fallbackSpeedKmh = 50;
};

//! DOMAIN.md §6 and §7.
struct DensityParameters {
    double secrecyThreshold = 5;  //!< exports mask counts below this (strict: 1..4 masked by default)
    double catchmentKm = 30;      //!< two-step floating catchment radius
    double catchmentMinutes = 30; //!< same with a travel-time matrix
};

//! DOMAIN.md §5: the wording thresholds of the Crunch diagnosis.
struct CrunchParameters {
    double macrocephalyPrimacy = 10; //!< primacy (1st / 2nd pôle) strictly above: macrocephalic system
    double nearLargePoleKm = 60;     //!< a small pôle losing mass within this of a type 1-2 pôle is at risk
    //! The drain correlation is stated as a finding only over at least this many bassins de vie (a
    //! Pearson correlation over a handful of points says nothing: "trop peu de bassins pour conclure").
    double minCorrelationBassins = 10;
};

//! DOMAIN.md §8: registers of individual professionals.
struct RegisterParameters {
    //! Age at which the retirement projection expects a professional to stop. 67 is the age of the
    //! automatic full-rate pension in France (âge d'annulation de la décote, code de la sécurité sociale,
    //! art. L351-8), the latest age the pension rules push people to work until; the RPPS documentation
    //! gives no retirement age, and many physicians work on past it (cumul emploi-retraite).
    double retirementAge = 67;
};

//! Issue 8: the professionals around each quartier prioritaire (core/analysis/qpv.h).
struct QpvParameters {
    double distanceM = 500; //!< professionals within this distance (metres) of a QPV's edge count for it
};

//! All parameters of a dataset.
struct Parameters {
    PoleParameters poles;
    MaillageParameters maillage;
    DensityParameters density;
    CrunchParameters crunch;
    RegisterParameters registers;
    QpvParameters qpv;
    //! DOMAIN.md §6: the "access.*" keys the user set (AccessParameters' flat form), laid over the defaults
    //! of each profession group by accessFor(); empty = every group keeps its defaults (DREES's for the
    //! professions de proximité, 30 minutes for the professions de pôle).
    std::map<std::string, double> access;

    //! The accessibility parameters of a profession group: its defaults with `access` over them.
    //! Throws Error(Parameter) naming `sourceName` and the key when the keys do not hold for that group.
    AccessParameters accessFor(ProfessionGroup group, const std::string& sourceName = {}) const;

    //! Flat key -> value form ("poles.metropole_min" -> 10000), used by the GeoPackage and JSON files.
    std::map<std::string, double> toKeyValues() const;
    //! Reads keys present in `kv` over the defaults. Throws maillage::Error(Parameter) for an unknown
    //! key or a value out of its domain (negative threshold, share outside 0..1, massScale <= 0,
    //! strongest_per_pole not a whole number in 0..1000, distance_mode not 0, 1 or 2...), naming
    //! `sourceName` and the key in Location::key ("params.json: parameter 'poles.mass_scale': expected a
    //! number > 0, found -0.5"; values shown with the fewest digits that give them back).
    static Parameters fromKeyValues(const std::map<std::string, double>& kv, const std::string& sourceName);
    //! Checks domains; throws as above.
    void validate(const std::string& sourceName) const;
    //! Every key with its default (the access keys with the defaults of the professions de proximité):
    //! what --list-params prints.
    static std::map<std::string, double> defaultKeyValues();
    //! The keys of `kv` that no parameter of this version knows (e.g. written by a newer version).
    static std::vector<std::string> unknownKeys(const std::map<std::string, double>& kv);
};

} // namespace maillage::model
