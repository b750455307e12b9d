#include "core/model/parameters.h"
#include "core/model/parameters_text.h"

#include "core/model/error.h"
#include "core/model/text.h"

#include <cmath>
#include <functional>
#include <locale>
#include <sstream>

namespace maillage::model {

bool PoleParameters::operator==(const PoleParameters& o) const {
    return metropoleMin == o.metropoleMin && grandPoleMin == o.grandPoleMin &&
           intermediateMin == o.intermediateMin && intermediatePoleShareMin == o.intermediatePoleShareMin &&
           intermediatePsyShareMax == o.intermediatePsyShareMax && secondaryExPsyMin == o.secondaryExPsyMin &&
           massScale == o.massScale;
}

namespace {

enum class Domain { NonNegative, Positive, Share, Integer, Mode };

struct Field {
    const char* key;
    Domain domain;
    std::function<double&(Parameters&)> ref;
};

// One table drives serialisation, parsing and validation, so they cannot disagree.
const std::vector<Field>& fields() {
    static const std::vector<Field> f = {
        {"poles.metropole_min", Domain::NonNegative,
         [](Parameters& p) -> double& { return p.poles.metropoleMin; }},
        {"poles.grand_pole_min", Domain::NonNegative,
         [](Parameters& p) -> double& { return p.poles.grandPoleMin; }},
        {"poles.intermediate_min", Domain::NonNegative,
         [](Parameters& p) -> double& { return p.poles.intermediateMin; }},
        {"poles.intermediate_pole_share_min", Domain::Share,
         [](Parameters& p) -> double& { return p.poles.intermediatePoleShareMin; }},
        {"poles.intermediate_psy_share_max", Domain::Share,
         [](Parameters& p) -> double& { return p.poles.intermediatePsyShareMax; }},
        {"poles.secondary_expsy_min", Domain::NonNegative,
         [](Parameters& p) -> double& { return p.poles.secondaryExPsyMin; }},
        {"poles.mass_scale", Domain::Positive, [](Parameters& p) -> double& { return p.poles.massScale; }},
        {"maillage.beta", Domain::NonNegative, [](Parameters& p) -> double& { return p.maillage.beta; }},
        {"maillage.intensity_threshold", Domain::NonNegative,
         [](Parameters& p) -> double& { return p.maillage.intensityThreshold; }},
        {"maillage.isolation_km", Domain::Positive,
         [](Parameters& p) -> double& { return p.maillage.isolationDistanceKm; }},
        {"maillage.isolation_minutes", Domain::Positive,
         [](Parameters& p) -> double& { return p.maillage.isolationMinutes; }},
        {"maillage.fallback_speed_kmh", Domain::Positive,
         [](Parameters& p) -> double& { return p.maillage.fallbackSpeedKmh; }},
        {"maillage.min_distance_km", Domain::Positive,
         [](Parameters& p) -> double& { return p.maillage.minDistanceKm; }},
        {"density.secrecy_threshold", Domain::NonNegative,
         [](Parameters& p) -> double& { return p.density.secrecyThreshold; }},
        {"density.catchment_km", Domain::Positive,
         [](Parameters& p) -> double& { return p.density.catchmentKm; }},
        {"crunch.macrocephaly_primacy", Domain::Positive,
         [](Parameters& p) -> double& { return p.crunch.macrocephalyPrimacy; }},
        {"crunch.near_large_pole_km", Domain::Positive,
         [](Parameters& p) -> double& { return p.crunch.nearLargePoleKm; }},
        {"crunch.min_correlation_bassins", Domain::Integer,
         [](Parameters& p) -> double& { return p.crunch.minCorrelationBassins; }},
        {"density.catchment_minutes", Domain::Positive,
         [](Parameters& p) -> double& { return p.density.catchmentMinutes; }},
        {"register.retirement_age", Domain::Positive,
         [](Parameters& p) -> double& { return p.registers.retirementAge; }},
        {"qpv.distance_m", Domain::NonNegative, [](Parameters& p) -> double& { return p.qpv.distanceM; }},
    };
    return f;
}

const char* const kStrongestKey = "maillage.strongest_per_pole";
const char* const kDistanceKey = "maillage.distance_mode"; // 0 planar, 1 geodesic, 2 travel time
// Links kept per pôle: there are about 150 pôles in France; the bound keeps the integer conversion defined.
constexpr double kMaxStrongestPerPole = 1000;

[[noreturn]] void bad(const std::string& source, const std::string& key, Message what) {
    Location where;
    where.file = source;
    where.key = key;
    throw Error(ErrorKind::Parameter, where, std::move(what));
}

//! A value as the user wrote it: below 1000 with at most two decimals in the language's decimal mark
//! ("-0,5"), otherwise every digit, ungrouped (1e+300, 0.125, 20000), as the shortest text that reads
//! back the same.
MessageArg shown(const char* name, double v) {
    const double hundredths = v * 100;
    if (std::fabs(v) < 1000 && hundredths == std::round(hundredths))
        return arg::number(name, v);
    return arg::text(name, text::formatShortest(v));
}

void check(const std::string& source, const std::string& key, Domain d, double v) {
    if (!std::isfinite(v))
        bad(source, key, msg("model.parameter.not_finite"));
    switch (d) {
    case Domain::NonNegative:
        if (v < 0)
            bad(source, key, msg("model.parameter.negative", {shown("value", v)}));
        break;
    case Domain::Positive:
        if (v <= 0)
            bad(source, key, msg("model.parameter.not_positive", {shown("value", v)}));
        break;
    case Domain::Share:
        if (v < 0 || v > 1)
            bad(source, key, msg("model.parameter.not_share", {shown("value", v)}));
        break;
    case Domain::Integer:
        if (v < 0 || v > kMaxStrongestPerPole || v != std::floor(v))
            bad(source, key,
                msg("model.parameter.not_whole", {shown("max", kMaxStrongestPerPole), shown("value", v)}));
        break;
    case Domain::Mode:
        if (v != 0 && v != 1 && v != 2)
            bad(source, key, msg("model.parameter.not_mode", {shown("value", v)}));
        break;
    }
}

} // namespace

std::map<std::string, double> Parameters::toKeyValues() const {
    std::map<std::string, double> kv;
    Parameters copy = *this;
    for (const auto& f : fields())
        kv[f.key] = f.ref(copy);
    kv[kStrongestKey] = maillage.strongestPerPole;
    kv[kDistanceKey] = static_cast<double>(static_cast<int>(maillage.distance));
    kv.insert(access.begin(), access.end());
    return kv;
}

std::string toKeyValueText(const Parameters& parameters) {
    std::ostringstream text;
    text.imbue(std::locale::classic());
    text.precision(17);
    for (const auto& [key, value] : parameters.toKeyValues())
        text << key << '=' << value << '\n';
    return text.str();
}

Parameters fromKeyValueText(const std::string& text, const std::string& sourceName) {
    std::map<std::string, double> kv;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const auto equals = line.find('=');
        if (equals == std::string::npos)
            continue;
        std::istringstream value(line.substr(equals + 1));
        value.imbue(std::locale::classic());
        double v = 0;
        if (value >> v)
            kv[line.substr(0, equals)] = v;
    }
    return Parameters::fromKeyValues(kv, sourceName);
}

std::map<std::string, double> Parameters::defaultKeyValues() {
    std::map<std::string, double> kv = Parameters().toKeyValues();
    const auto access = accessKeyValues(defaultAccessParameters(ProfessionGroup::Proximite));
    kv.insert(access.begin(), access.end());
    return kv;
}

AccessParameters Parameters::accessFor(ProfessionGroup group, const std::string& sourceName) const {
    return accessFromKeyValues(access, sourceName, defaultAccessParameters(group));
}

Parameters Parameters::fromKeyValues(const std::map<std::string, double>& kv, const std::string& sourceName) {
    Parameters p;
    for (const auto& [key, value] : kv) {
        bool known = false;
        if (isAccessKey(key)) {
            p.access[key] = value; // checked as a whole below, for each profession group
            continue;
        }
        for (const auto& f : fields()) {
            if (key == f.key) {
                check(sourceName, key, f.domain, value);
                f.ref(p) = value;
                known = true;
            }
        }
        if (key == kStrongestKey) {
            check(sourceName, key, Domain::Integer, value);
            p.maillage.strongestPerPole = static_cast<int>(value);
            known = true;
        } else if (key == kDistanceKey) {
            check(sourceName, key, Domain::Mode, value);
            p.maillage.distance = static_cast<DistanceMode>(static_cast<int>(value));
            known = true;
        }
        if (!known) {
            std::vector<std::string> known;
            for (const auto& f : fields())
                known.push_back(f.key);
            known.insert(known.end(), {kStrongestKey, kDistanceKey, "access.*"});
            bad(sourceName, key, msg("model.parameter.unknown", {arg::list("known", known)}));
        }
    }
    p.validate(sourceName);
    return p;
}

std::vector<std::string> Parameters::unknownKeys(const std::map<std::string, double>& kv) {
    const auto known = Parameters().toKeyValues();
    std::vector<std::string> out;
    for (const auto& entry : kv)
        if (!known.count(entry.first) && !isAccessKey(entry.first))
            out.push_back(entry.first);
    return out;
}

void Parameters::validate(const std::string& sourceName) const {
    Parameters copy = *this;
    for (const auto& f : fields())
        check(sourceName, f.key, f.domain, f.ref(copy));
    check(sourceName, kStrongestKey, Domain::Integer, maillage.strongestPerPole);
    const int mode = static_cast<int>(maillage.distance);
    check(sourceName, kDistanceKey, Domain::Mode, mode);
    if (!(poles.intermediateMin <= poles.grandPoleMin && poles.grandPoleMin <= poles.metropoleMin))
        bad(sourceName, "poles.*", msg("model.parameter.unordered"));
    // The access keys must hold over the defaults of both groups (a profession of either may be asked).
    for (const ProfessionGroup group : {ProfessionGroup::Proximite, ProfessionGroup::Pole})
        accessFor(group, sourceName);
}

} // namespace maillage::model
