// Margins of each BV to the thresholds of the typology, and the sensitivity of the typology to a
// threshold: figures only (margins_wording.cpp words them).
#include "core/analysis/margins.h"

#include <algorithm>
#include <cmath>

namespace maillage::analysis {

namespace {

// Sums of fractional counts land a hair off a threshold they equal (poles.cpp tolerates 1e-12 too).
constexpr double kSlack = 1e-9;

double wholeAtLeast(double x) {
    return std::max(0.0, std::ceil(x - kSlack));
}
double wholeAtMost(double x) {
    return std::max(0.0, std::floor(x + kSlack));
}

//! value >= threshold (or > when strict), counted in professionals added to or removed from `value`.
Margin countMargin(MarginKind kind, double value, double threshold, bool strict) {
    Margin m;
    m.kind = kind;
    const double gap = threshold - value;
    m.met = strict ? gap < -kSlack : gap <= kSlack;
    if (!m.met)
        m.needed = strict ? std::floor(gap + kSlack) + 1 : wholeAtLeast(gap);
    else
        m.spare = strict ? std::ceil(-gap - kSlack) - 1 : wholeAtMost(-gap);
    return m;
}

//! part / total >= share (atLeast) or <= share: k of the part added to (removed from) both part and total
//! moves the share; (part ± k) / (total ± k) crosses `share` at k = |share·total − part| / (1 − share).
Margin shareMargin(MarginKind kind, double part, double total, double share, bool atLeast) {
    Margin m;
    m.kind = kind;
    const double excess = atLeast ? part - share * total : share * total - part; // >= 0: met
    m.met = total > 0 && excess >= -kSlack * std::max(1.0, total);
    if (!(share < 1)) {
        m.reachable = m.met || !atLeast;
        m.needed = atLeast ? 0 : wholeAtLeast(-excess); // psy share <= 100 %: always met
        return m;
    }
    if (m.met)
        // Removing every professional leaves no share at all (and no pôle): at least one must stay.
        m.spare = wholeAtMost(atLeast ? std::min(excess / (1 - share), total - 1) : excess / (1 - share));
    else
        m.needed = total > 0 || !atLeast ? wholeAtLeast(-excess / (1 - share)) : 1;
    return m;
}

} // namespace

BassinMargins marginsOf(const PoleClassification& c) {
    BassinMargins out;
    out.bv = c.bv;
    out.type = c.type;
    const PoleThresholds& t = c.decision.thresholds;
    out.thresholds = t;
    out.margins = {countMargin(MarginKind::MetropoleTotal, c.total, t.metropole, true),
                   countMargin(MarginKind::GrandPoleTotal, c.total, t.grandPole, false),
                   countMargin(MarginKind::IntermediateTotal, c.total, t.intermediate, false),
                   shareMargin(MarginKind::IntermediatePoleShare, c.pole, c.total, t.poleShareMin, true),
                   shareMargin(MarginKind::IntermediatePsyShare, c.psy, c.total, t.psyShareMax, false),
                   countMargin(MarginKind::SecondaryExPsy, c.exPsy, t.secondary, false)};
    return out;
}

std::vector<BassinMargins> margins(const std::vector<PoleClassification>& classifications) {
    std::vector<BassinMargins> out;
    out.reserve(classifications.size());
    for (const PoleClassification& c : classifications)
        out.push_back(marginsOf(c));
    return out;
}

namespace {

//! The flat form of `params` and the entry of `key` in it; throws when `key` is not a pôle parameter.
std::map<std::string, double> keyValues(const model::PoleParameters& params, const std::string& key) {
    model::Parameters all;
    all.poles = params;
    std::map<std::string, double> kv = all.toKeyValues();
    if (key.rfind("poles.", 0) != 0 || kv.find(key) == kv.end()) {
        std::vector<std::string> known;
        for (const auto& [k, v] : kv)
            if (k.rfind("poles.", 0) == 0)
                known.push_back(k);
        throw Error(ErrorKind::Parameter, Location{"", 0, {}, -1, key},
                    msg("analysis.sensitivity.unknown_key", {arg::list("known", known, true)}));
    }
    return kv;
}

//! `params` with `key` set to `value`, checked as a parameters file is (domains, thresholds in order).
model::PoleParameters withParameter(const model::PoleParameters& params, const std::string& key,
                                    double value) {
    std::map<std::string, double> kv = keyValues(params, key);
    kv[key] = value;
    return model::Parameters::fromKeyValues(kv, "").poles;
}

} // namespace

Sensitivity sensitivity(const Aggregation& aggregation, const model::PoleParameters& params,
                        const std::string& key, const std::vector<double>& values, Feedback* feedback) {
    Sensitivity out;
    out.key = key;
    out.warnings = aggregation.warnings;
    out.base = keyValues(params, key).at(key); // checks the key before any work
    const std::vector<PoleClassification> base = classifyPoles(aggregation.bassins, params);
    for (std::size_t v = 0; v < values.size(); ++v) {
        throwIfCanceled(feedback);
        report(feedback, 100.0 * static_cast<double>(v) / static_cast<double>(values.size()));
        const std::vector<PoleClassification> moved =
            classifyPoles(aggregation.bassins, withParameter(params, key, values[v]));
        SensitivityStep step;
        step.value = values[v];
        for (std::size_t b = 0; b < moved.size(); ++b)
            if (moved[b].type != base[b].type)
                step.changes.push_back({base[b].bv, base[b].type, moved[b].type});
        out.steps.push_back(std::move(step));
    }
    report(feedback, 100);
    return out;
}

Sensitivity sensitivity(const model::Dataset& dataset, int vintage, const model::PoleParameters& params,
                        const std::string& key, const std::vector<double>& values, Feedback* feedback) {
    return sensitivity(aggregateByBassin(dataset, vintage), params, key, values, feedback);
}

} // namespace maillage::analysis
