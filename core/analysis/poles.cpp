#include "core/analysis/poles.h"

#include "core/analysis/counts.h"
#include "core/analysis/register_counts.h"
#include "core/analysis/vintages.h"
#include "core/model/text.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace maillage::analysis {

using model::ProfessionGroup;
using wording::vintageName;

// ---------------------------------------------------------------------------------------------
// Labels

std::string poleTypeLabelFr(PoleType type) {
    switch (type) {
    case PoleType::GrandeMetropole:
        return "Pôle de grande métropole";
    case PoleType::GrandPole:
        return "Grand pôle";
    case PoleType::Intermediaire:
        return "Pôle intermédiaire";
    case PoleType::Secondaire:
        return "Pôle secondaire";
    case PoleType::HorsPole:
        break;
    }
    return "Hors pôle";
}

std::string poleTypeLabelEn(PoleType type) {
    switch (type) {
    case PoleType::GrandeMetropole:
        return "Metropolitan pole";
    case PoleType::GrandPole:
        return "Large pole";
    case PoleType::Intermediaire:
        return "Intermediate pole";
    case PoleType::Secondaire:
        return "Secondary pole";
    case PoleType::HorsPole:
        break;
    }
    return "No pole";
}

std::string poleTypeShort(PoleType type) {
    switch (type) {
    case PoleType::GrandeMetropole:
        return "P-GM";
    case PoleType::GrandPole:
        return "GP";
    case PoleType::Intermediaire:
        return "Pi";
    case PoleType::Secondaire:
        return "Ps";
    case PoleType::HorsPole:
        break;
    }
    return "\u2014"; // em dash
}

// ---------------------------------------------------------------------------------------------
// Aggregation

namespace {

// Counts of communes that no bassin de vie of the dataset receives, left out of the aggregation.
struct LeftOut {
    std::set<std::string> communes;
    double professionals = 0;
    std::size_t records = 0;
};

void warnLeftOut(const LeftOut& withoutBassin, const LeftOut& inNoBassin, int vintage, Warnings& warnings) {
    const MessageArg year = arg::text("vintage", vintageName(vintage));
    if (!withoutBassin.communes.empty()) {
        warnings.push_back(makeWarning(
            ErrorKind::Join, {},
            msg("analysis.poles.bassin_missing",
                {arg::integer("records", static_cast<long long>(withoutBassin.records)), year,
                 arg::number("professionals", withoutBassin.professionals, 0),
                 arg::integer("communes", static_cast<long long>(withoutBassin.communes.size()))}),
            {withoutBassin.communes.begin(), withoutBassin.communes.end()}));
    }
    if (!inNoBassin.communes.empty()) {
        warnings.push_back(
            makeWarning(ErrorKind::Value, {},
                        msg("analysis.poles.no_bassin",
                            {arg::integer("communes", static_cast<long long>(inNoBassin.communes.size())),
                             arg::integer("records", static_cast<long long>(inNoBassin.records)), year,
                             arg::number("professionals", inNoBassin.professionals, 0)}),
                        {inNoBassin.communes.begin(), inNoBassin.communes.end()}));
    }
}

// N, N_pole and N_psy from the per-profession sums (cheaper than updating four sums per record).
void sumTotals(const std::vector<model::Profession>& professions, std::vector<BassinTotals>& bassins) {
    const std::size_t professionCount = professions.size();
    std::vector<char> isPole(professionCount), isPsy(professionCount);
    for (std::size_t p = 0; p < professionCount; ++p) {
        isPole[p] = professions[p].group == ProfessionGroup::Pole;
        isPsy[p] = professions[p].psychiatric;
    }
    for (BassinTotals& t : bassins) {
        for (std::size_t p = 0; p < professionCount; ++p) {
            const double v = t.byProfession[p];
            t.total += v;
            if (isPole[p])
                t.pole += v;
            if (isPsy[p])
                t.psy += v;
        }
        t.proximite = t.total - t.pole;
    }
}

} // namespace

Aggregation aggregateByBassin(const model::Dataset& dataset, int vintage) {
    const auto& professions = dataset.catalogue.professions();
    Aggregation result;
    result.bassins.resize(dataset.bassins.size());
    for (std::size_t b = 0; b < dataset.bassins.size(); ++b) {
        result.bassins[b].bv = dataset.bassins[b].code;
        result.bassins[b].byProfession.assign(professions.size(), 0.0);
    }

    // BV index of every commune, resolved once (35,000 look-ups instead of one per count record).
    std::vector<int> bassinOfCommune(dataset.communes.size(), -1);
    for (std::size_t c = 0; c < dataset.communes.size(); ++c)
        bassinOfCommune[c] =
            dataset.communes[c].bv.empty() ? -1 : dataset.bassinIndex(dataset.communes[c].bv);

    LeftOut withoutBassin, inNoBassin;
    // Streamed rather than collected: national tables hold 300,000 records.
    vintage = forEachResolvedCount(
        dataset, vintage,
        [&](const ResolvedCount* begin, const ResolvedCount* end) {
            for (const ResolvedCount* rc = begin; rc != end; ++rc) {
                const int b = bassinOfCommune[static_cast<std::size_t>(rc->commune)];
                result.psyCounted =
                    result.psyCounted || professions[static_cast<std::size_t>(rc->profession)].psychiatric;
                if (b >= 0) {
                    result.bassins[static_cast<std::size_t>(b)]
                        .byProfession[static_cast<std::size_t>(rc->profession)] += rc->count;
                    continue;
                }
                const model::Commune& commune = dataset.communes[static_cast<std::size_t>(rc->commune)];
                // INSEE's "ZZZZZ": no bassin de vie at all (Mayotte in BV2012)
                LeftOut& out = commune.bv.empty() ? inNoBassin : withoutBassin;
                ++out.records;
                out.professionals += rc->count;
                out.communes.insert(commune.code);
            }
        },
        result.warnings);
    sumTotals(professions, result.bassins);
    warnLeftOut(withoutBassin, inNoBassin, vintage, result.warnings);
    return result;
}

// ---------------------------------------------------------------------------------------------
// Classification

namespace {

constexpr double kRelativeTolerance = 1e-12;

bool atLeast(double value, double threshold) {
    return value >= threshold - kRelativeTolerance * std::max(1.0, std::fabs(threshold));
}
bool atMost(double value, double threshold) {
    return value <= threshold + kRelativeTolerance * std::max(1.0, std::fabs(threshold));
}
bool moreThan(double value, double threshold) {
    return !atMost(value, threshold);
}

PoleThresholds thresholdsOf(const model::PoleParameters& params) {
    PoleThresholds t;
    t.metropole = params.scaled(params.metropoleMin);
    t.grandPole = params.scaled(params.grandPoleMin);
    t.intermediate = params.scaled(params.intermediateMin);
    t.secondary = params.scaled(params.secondaryExPsyMin);
    t.poleShareMin = params.intermediatePoleShareMin;
    t.psyShareMax = params.intermediatePsyShareMax;
    t.massScale = params.massScale;
    return t;
}

// The first condition of rule 3 that fails, or None when the BV is a pôle intermédiaire (N below the
// grand pôle threshold is the caller's business).
PoleCondition firstFailedIntermediateCondition(const PoleClassification& c, const PoleThresholds& t) {
    if (!atLeast(c.total, t.intermediate))
        return PoleCondition::TotalAtLeastIntermediate;
    if (!atLeast(c.poleShare, t.poleShareMin))
        return PoleCondition::PoleShareAtLeast;
    if (!atMost(c.psyShare, t.psyShareMax))
        return PoleCondition::PsyShareAtMost;
    return PoleCondition::None;
}

} // namespace

PoleClassification classifyBassin(const BassinTotals& totals, const model::PoleParameters& params) {
    PoleClassification c;
    c.bv = totals.bv;
    c.total = totals.total;
    c.pole = totals.pole;
    c.psy = totals.psy;
    c.exPsy = totals.total - totals.psy;
    c.poleShare = c.total > 0 ? c.pole / c.total : 0;
    c.psyShare = c.total > 0 ? c.psy / c.total : 0;
    const PoleThresholds t = thresholdsOf(params);
    c.decision.thresholds = t;

    if (!(c.total > 0)) { // no professional (or a non-finite total): never a pôle, whatever the thresholds
        c.type = PoleType::HorsPole;
        c.decision.failed = PoleCondition::NoProfessional;
    } else if (moreThan(c.total, t.metropole)) {
        c.type = PoleType::GrandeMetropole;
    } else if (atLeast(c.total, t.grandPole)) {
        c.type = PoleType::GrandPole;
    } else {
        c.decision.failed = firstFailedIntermediateCondition(c, t);
        if (c.decision.failed == PoleCondition::None)
            c.type = PoleType::Intermediaire;
        else
            c.type = atLeast(c.exPsy, t.secondary) ? PoleType::Secondaire : PoleType::HorsPole;
    }
    return c;
}

std::vector<PoleClassification> classifyPoles(const std::vector<BassinTotals>& totals,
                                              const model::PoleParameters& params) {
    std::vector<PoleClassification> result;
    result.reserve(totals.size());
    for (const BassinTotals& t : totals)
        result.push_back(classifyBassin(t, params));
    return result;
}

namespace {
// Counts of `vintage` derived from a register of individuals (issue 12): people, not BPE practice sites.
bool isRegisterVintage(const model::Dataset& dataset, int vintage) {
    if (registerOfYear(dataset, vintage))
        return true;
    return dataset.meta.extra.count("register." + std::to_string(vintage) + ".source") > 0;
}
} // namespace

Classification classifyDataset(const model::Dataset& dataset, int vintage,
                               const model::PoleParameters& params) {
    const int resolved = vintageOrDefault(dataset, vintage);
    return classifyAggregation(dataset, resolved, aggregateByBassin(dataset, resolved), params);
}

Classification classifyAggregation(const model::Dataset& dataset, int vintage, Aggregation aggregation,
                                   const model::PoleParameters& params) {
    Classification c;
    c.vintage = vintage;
    c.aggregation = std::move(aggregation);
    // The mass scale turns BPE counts of practice sites into masses of people (DOMAIN.md §8): a register
    // already counts people, so its vintage is classified at scale 1 whatever the dataset's BPE scale.
    model::PoleParameters applied = params;
    if (params.massScale != 1 && isRegisterVintage(dataset, c.vintage)) {
        applied.massScale = 1;
        c.aggregation.warnings.push_back(makeWarning(
            ErrorKind::Value, {},
            msg("analysis.poles.register_mass_scale",
                {arg::text("vintage", std::to_string(c.vintage)), arg::number("scale", params.massScale)})));
    }
    c.poles = classifyPoles(c.aggregation.bassins, applied);
    for (PoleClassification& p : c.poles)
        p.psyCounted = c.aggregation.psyCounted;
    return c;
}

TypeSummary summarizeByGroup(const std::vector<PoleClassification>& poles,
                             const std::function<std::string(const std::string& bv)>& groupOf) {
    TypeSummary summary;
    for (const PoleClassification& p : poles) {
        const int t = static_cast<int>(p.type);
        if (t < 0 || t >= kPoleTypeCount)
            continue;
        ++summary.all[t];
        if (groupOf)
            ++summary.byGroup[groupOf(p.bv)][t];
    }
    return summary;
}

} // namespace maillage::analysis
