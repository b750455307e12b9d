#include "core/analysis/access_parameters.h"

#include "core/model/error.h"

#include <cmath>

namespace maillage::analysis {

bool AccessParameters::operator==(const AccessParameters& o) const {
    if (steps.size() != o.steps.size())
        return false;
    for (std::size_t s = 0; s < steps.size(); ++s)
        if (steps[s].below != o.steps[s].below || steps[s].weight != o.steps[s].weight)
            return false;
    return method == o.method && catchmentMinutes == o.catchmentMinutes && decayMinutes == o.decayMinutes &&
           straightLineSpeedKmh == o.straightLineSpeedKmh && perInhabitants == o.perInhabitants &&
           supply == o.supply;
}

AccessParameters defaultAccessParameters(model::ProfessionGroup group) {
    AccessParameters p;
    if (group == model::ProfessionGroup::Pole) {
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

void validate(const AccessParameters& p, const std::string& sourceName) {
    requirePositive(p.catchmentMinutes, sourceName, "access.catchment_minutes");
    requirePositive(p.straightLineSpeedKmh, sourceName, "access.straight_line_speed_kmh");
    requirePositive(p.perInhabitants, sourceName, "access.per_inhabitants");
    if (p.method == AccessMethod::Apl)
        validateSteps(p, sourceName);
    if (p.method == AccessMethod::Gaussian || p.method == AccessMethod::Exponential)
        requirePositive(p.decayMinutes, sourceName, "access.decay_minutes");
}

double accessWeight(const AccessParameters& p, double minutes) {
    if (!(minutes >= 0) || !(minutes < p.catchmentMinutes))
        return 0;
    switch (p.method) {
    case AccessMethod::Apl:
        for (const AccessStep& step : p.steps)
            if (minutes < step.below)
                return step.weight;
        return 0;
    case AccessMethod::Binary:
        return 1;
    case AccessMethod::Gaussian:
        return std::exp(-minutes * minutes / (2 * p.decayMinutes * p.decayMinutes));
    case AccessMethod::Exponential:
        return std::exp(-minutes / p.decayMinutes);
    }
    return 0;
}

} // namespace maillage::analysis
