#include "core/model/access_parameters.h"

#include "core/model/error.h"
#include "core/model/text.h"

#include <cmath>

namespace maillage::model {

bool AccessParameters::operator==(const AccessParameters& o) const {
    if (steps.size() != o.steps.size())
        return false;
    for (std::size_t s = 0; s < steps.size(); ++s)
        if (steps[s].below != o.steps[s].below || steps[s].weight != o.steps[s].weight)
            return false;
    return method == o.method && catchmentMinutes == o.catchmentMinutes && decayMinutes == o.decayMinutes &&
           straightLineSpeedKmh == o.straightLineSpeedKmh && perInhabitants == o.perInhabitants &&
           supply == o.supply && demand == o.demand && maxAge == o.maxAge;
}

AccessParameters defaultAccessParameters(ProfessionGroup group) {
    AccessParameters p;
    if (group == ProfessionGroup::Pole) {
        p.catchmentMinutes = 30;
        p.steps = {{20, 1.0}, {25, 2.0 / 3.0}, {30, 1.0 / 3.0}};
    }
    return p;
}

namespace {

Location parameter(const std::string& sourceName, const char* key) {
    return Location{sourceName, 0, {}, -1, key};
}

void requirePositive(double value, const std::string& sourceName, const char* key) {
    if (!(value > 0) || !std::isfinite(value))
        throw Error(ErrorKind::Parameter, parameter(sourceName, key),
                    msg("analysis.access.expected_positive", {arg::number("value", value)}));
}

void validateSteps(const AccessParameters& p, const std::string& sourceName) {
    if (p.steps.empty())
        throw Error(ErrorKind::Parameter, parameter(sourceName, "access.steps"),
                    msg("analysis.access.no_step"));
    double previous = 0;
    for (std::size_t s = 0; s < p.steps.size(); ++s) {
        const AccessStep& step = p.steps[s];
        const auto n = arg::integer("n", static_cast<long long>(s + 1));
        if (!(step.below > previous) || !std::isfinite(step.below))
            throw Error(ErrorKind::Parameter, parameter(sourceName, "access.steps"),
                        msg("analysis.access.step_order",
                            {n, arg::number("value", step.below), arg::number("previous", previous)}));
        if (!(step.weight >= 0 && step.weight <= 1))
            throw Error(ErrorKind::Parameter, parameter(sourceName, "access.steps"),
                        msg("analysis.access.step_weight", {n, arg::number("value", step.weight)}));
        previous = step.below;
    }
    if (previous != p.catchmentMinutes)
        throw Error(ErrorKind::Parameter, parameter(sourceName, "access.steps"),
                    msg("analysis.access.step_last",
                        {arg::number("value", previous), arg::number("catchment", p.catchmentMinutes)}));
}

} // namespace

void validateAccess(const AccessParameters& p, const std::string& sourceName) {
    requirePositive(p.catchmentMinutes, sourceName, "access.catchment_minutes");
    requirePositive(p.straightLineSpeedKmh, sourceName, "access.straight_line_speed_kmh");
    requirePositive(p.perInhabitants, sourceName, "access.per_inhabitants");
    if (!(p.maxAge >= 0) || !std::isfinite(p.maxAge))
        throw Error(ErrorKind::Parameter, parameter(sourceName, "access.max_age"),
                    msg("analysis.access.expected_non_negative", {arg::number("value", p.maxAge)}));
    if (p.method == AccessMethod::Apl)
        validateSteps(p, sourceName);
    if (p.method == AccessMethod::Gaussian || p.method == AccessMethod::Exponential)
        requirePositive(p.decayMinutes, sourceName, "access.decay_minutes");
}

std::map<std::string, double> accessKeyValues(const AccessParameters& p) {
    std::map<std::string, double> kv = {{"access.method", static_cast<double>(p.method)},
                                        {"access.catchment_minutes", p.catchmentMinutes},
                                        {"access.decay_minutes", p.decayMinutes},
                                        {"access.straight_line_speed_kmh", p.straightLineSpeedKmh},
                                        {"access.per_inhabitants", p.perInhabitants},
                                        {"access.supply", static_cast<double>(p.supply)},
                                        {"access.demand", static_cast<double>(p.demand)},
                                        {"access.max_age", p.maxAge},
                                        {"access.step_count", static_cast<double>(p.steps.size())}};
    for (std::size_t s = 0; s < p.steps.size(); ++s) {
        const std::string prefix = "access.step_" + std::to_string(s + 1);
        kv[prefix + "_minutes"] = p.steps[s].below;
        kv[prefix + "_weight"] = p.steps[s].weight;
    }
    return kv;
}

namespace {

constexpr int kMaxSteps = 20;

//! A code among 0..last, as a parameters file stores an enum.
int codeOf(double value, int last, const std::string& sourceName, const char* key) {
    if (!(value >= 0 && value <= last) || value != std::floor(value))
        throw Error(
            ErrorKind::Parameter, parameter(sourceName, key),
            msg("analysis.access.expected_code", {arg::number("value", value), arg::integer("last", last)}));
    return static_cast<int>(value);
}

//! The steps given by "access.step_count" and "access.step_<k>_*" (the base's when the count is absent).
std::vector<AccessStep> stepsOf(const std::map<std::string, double>& kv, const std::string& sourceName,
                                std::vector<AccessStep> steps) {
    const auto count = kv.find("access.step_count");
    if (count == kv.end())
        return steps;
    steps.assign(static_cast<std::size_t>(codeOf(count->second, kMaxSteps, sourceName, "access.step_count")),
                 {});
    for (std::size_t s = 0; s < steps.size(); ++s) {
        const std::string prefix = "access.step_" + std::to_string(s + 1);
        const auto minutes = kv.find(prefix + "_minutes"), weight = kv.find(prefix + "_weight");
        if (minutes == kv.end() || weight == kv.end())
            throw Error(
                ErrorKind::Parameter, Location{sourceName, 0, {}, -1, prefix + "_minutes"},
                msg("analysis.access.step_missing", {arg::integer("n", static_cast<long long>(s + 1))}));
        steps[s] = {minutes->second, weight->second};
    }
    return steps;
}

//! A catchment or steps given alone: the other follows, so that "--set access.catchment_minutes=30" is
//! enough (the last bound of the steps is the catchment).
void linkCatchmentAndSteps(const std::map<std::string, double>& kv, const AccessParameters& base,
                           AccessParameters& p) {
    const auto catchment = kv.find("access.catchment_minutes");
    const bool stepsGiven = kv.count("access.step_count") > 0;
    if (stepsGiven && catchment == kv.end() && !p.steps.empty())
        p.catchmentMinutes = p.steps.back().below;
    if (!stepsGiven && catchment != kv.end() && base.catchmentMinutes > 0 && std::isfinite(catchment->second))
        for (AccessStep& step : p.steps)
            step.below = step.below / base.catchmentMinutes * catchment->second;
}

} // namespace

bool isAccessKey(const std::string& key) {
    static const std::map<std::string, double> fixed = accessKeyValues(AccessParameters{});
    if (fixed.count(key) && key.rfind("access.step_", 0) != 0)
        return true;
    if (key == "access.step_count")
        return true;
    for (int k = 1; k <= kMaxSteps; ++k) {
        const std::string prefix = "access.step_" + std::to_string(k);
        if (key == prefix + "_minutes" || key == prefix + "_weight")
            return true;
    }
    return false;
}

AccessParameters accessFromKeyValues(const std::map<std::string, double>& kv, const std::string& sourceName,
                                     const AccessParameters& base) {
    AccessParameters p = base;
    p.steps = stepsOf(kv, sourceName, base.steps);
    linkCatchmentAndSteps(kv, base, p);
    const std::map<std::string, double> known = accessKeyValues(p);
    for (const auto& [key, value] : kv) {
        if (key.rfind("access.", 0) != 0)
            continue;
        if (known.find(key) == known.end())
            throw Error(ErrorKind::Parameter, Location{sourceName, 0, {}, -1, key},
                        msg("analysis.access.unknown_key"));
        if (key == "access.method")
            p.method = static_cast<AccessMethod>(codeOf(value, 3, sourceName, "access.method"));
        else if (key == "access.supply")
            p.supply = static_cast<SupplyKind>(codeOf(value, 2, sourceName, "access.supply"));
        else if (key == "access.demand")
            p.demand = static_cast<DemandKind>(codeOf(value, 1, sourceName, "access.demand"));
        else if (key == "access.max_age")
            p.maxAge = value;
        else if (key == "access.catchment_minutes")
            p.catchmentMinutes = value;
        else if (key == "access.decay_minutes")
            p.decayMinutes = value;
        else if (key == "access.straight_line_speed_kmh")
            p.straightLineSpeedKmh = value;
        else if (key == "access.per_inhabitants")
            p.perInhabitants = value;
    }
    validateAccess(p, sourceName);
    return p;
}

std::vector<AgeBandWeight> builtinConsumptionWeights() {
    std::vector<AgeBandWeight> out;
    const std::vector<std::string> lines = text::split(builtinConsumptionWeightsCsv(), '\n');
    for (std::size_t l = 1; l < lines.size(); ++l) { // line 0 is the header
        const std::vector<std::string> fields = text::split(lines[l], ';');
        const auto weight = fields.size() == 2 ? text::parseNumber(fields[1]) : std::nullopt;
        if (weight) // the file is ours, checked by test_analysis_accessibility: no error path here
            out.push_back({text::trim(fields[0]), *weight});
    }
    return out;
}

} // namespace maillage::model
