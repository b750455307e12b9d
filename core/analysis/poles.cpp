#include "core/analysis/poles.h"

#include "core/analysis/counts.h"
#include "core/model/text.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace maillage::analysis {

using model::ProfessionGroup;
using text::formatEn;
using text::formatFr;

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

std::string plural(std::size_t n, const char* singular, const char* pluralForm) {
    return std::to_string(n) + " " + (n == 1 ? singular : pluralForm);
}

} // namespace

Aggregation aggregateByBassin(const model::Dataset& dataset, int vintage) {
    const auto& professions = dataset.catalogue.professions();
    const std::size_t professionCount = professions.size();

    Aggregation result;
    result.bassins.resize(dataset.bassins.size());
    for (std::size_t b = 0; b < dataset.bassins.size(); ++b) {
        result.bassins[b].bv = dataset.bassins[b].code;
        result.bassins[b].byProfession.assign(professionCount, 0.0);
    }

    // BV index of every commune, resolved once (35,000 look-ups instead of one per count record).
    std::vector<int> bassinOfCommune(dataset.communes.size(), -1);
    for (std::size_t c = 0; c < dataset.communes.size(); ++c)
        bassinOfCommune[c] =
            dataset.communes[c].bv.empty() ? -1 : dataset.bassinIndex(dataset.communes[c].bv);

    std::set<std::string> communesWithoutBassin, communesInNoBassin;
    double withoutBassinCount = 0, noBassinCount = 0;
    std::size_t withoutBassinRecords = 0, noBassinRecords = 0;
    // Streamed rather than collected: national tables hold 300,000 records.
    vintage = forEachResolvedCount(
        dataset, vintage,
        [&](const ResolvedCount* begin, const ResolvedCount* end) {
            for (const ResolvedCount* rc = begin; rc != end; ++rc) {
                const int b = bassinOfCommune[static_cast<std::size_t>(rc->commune)];
                if (b >= 0) {
                    result.bassins[static_cast<std::size_t>(b)]
                        .byProfession[static_cast<std::size_t>(rc->profession)] += rc->count;
                    continue;
                }
                const model::Commune& commune = dataset.communes[static_cast<std::size_t>(rc->commune)];
                if (commune.bv.empty()) { // INSEE's "ZZZZZ": no bassin de vie at all (Mayotte in BV2012)
                    ++noBassinRecords;
                    noBassinCount += rc->count;
                    communesInNoBassin.insert(commune.code);
                } else {
                    ++withoutBassinRecords;
                    withoutBassinCount += rc->count;
                    communesWithoutBassin.insert(commune.code);
                }
            }
        },
        result.warnings);

    // Totals from the per-profession sums (cheaper than updating four sums per record).
    std::vector<char> isPole(professionCount), isPsy(professionCount);
    for (std::size_t p = 0; p < professionCount; ++p) {
        isPole[p] = professions[p].group == ProfessionGroup::Pole;
        isPsy[p] = professions[p].psychiatric;
    }
    for (BassinTotals& t : result.bassins) {
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

    const std::string year = vintage ? std::to_string(vintage) : std::string("no vintage"); // 0: none given
    if (!communesWithoutBassin.empty()) {
        Warning w;
        w.kind = ErrorKind::Join;
        w.message = plural(withoutBassinRecords, "count record", "count records") + " of " + year + " (" +
                    formatEn(withoutBassinCount, 0) + " professionals) belong to " +
                    plural(communesWithoutBassin.size(), "commune", "communes") +
                    " whose bassin de vie is missing from the list of bassins de vie; they are left out. "
                    "Expected every commune's BV code in the bassins de vie.";
        w.details.assign(communesWithoutBassin.begin(), communesWithoutBassin.end());
        result.warnings.push_back(std::move(w));
    }
    if (!communesInNoBassin.empty()) {
        Warning w;
        w.kind = ErrorKind::Value;
        w.message = plural(communesInNoBassin.size(), "commune belongs", "communes belong") +
                    " to no bassin de vie (INSEE code ZZZZZ, e.g. Mayotte): their professionals are not "
                    "classified (" +
                    plural(noBassinRecords, "count record", "count records") + " of " + year + ", " +
                    formatEn(noBassinCount, 0) + " professionals).";
        w.details.assign(communesInNoBassin.begin(), communesInNoBassin.end());
        result.warnings.push_back(std::move(w));
    }
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

// Smallest number of decimals (0..2) that shows `value` exactly, for thresholds and counts.
int naturalDecimals(double value) {
    for (int d = 0; d < 2; ++d) {
        const double f = std::pow(10.0, d);
        if (std::fabs(value * f - std::round(value * f)) < 1e-6)
            return d;
    }
    return 2;
}

std::string numFr(double v) {
    return formatFr(v, naturalDecimals(v));
}
std::string numEn(double v) {
    return formatEn(v, naturalDecimals(v));
}

// A measured share, in percent, with one decimal, or more when one decimal would make it look equal
// to the threshold it failed ("19,99 %" against "20 %", not "20,0 %").
int shareDecimals(double share, double threshold) {
    int d = 1;
    while (d < 4) {
        const double f = std::pow(10.0, d);
        if (std::round(share * 100 * f) != std::round(threshold * 100 * f) || share == threshold)
            break;
        ++d;
    }
    return d;
}

const char* const kNbsp = "\u00a0"; // before ':' and '%' in French, as the printed reports do

struct Figures {
    double total, pole, psy, exPsy, poleShare, psyShare;
    double metropole, grandPole, intermediate, secondary; // scaled
    double poleShareMin, psyShareMax;
    double massScale;
};

std::string professionnelsFr(double n) {
    return numFr(n) + (n < 2 ? " professionnel" : " professionnels");
}
std::string professionalsEn(double n) {
    return numEn(n) + (n == 1 ? " professional" : " professionals");
}
std::string infirmiersPsyFr(double n) {
    return numFr(n) + (n < 2 ? " infirmier psychiatrique" : " infirmiers psychiatriques");
}
std::string psyNursesEn(double n) {
    return numEn(n) + (n == 1 ? " psychiatric nurse" : " psychiatric nurses");
}
std::string pctFr(double share, int decimals) {
    return formatFr(share * 100, decimals) + kNbsp + "%";
}
std::string pctEn(double share, int decimals) {
    return formatEn(share * 100, decimals) + "%";
}
std::string thresholdPctFr(double share) {
    return pctFr(share, naturalDecimals(share * 100));
}
std::string thresholdPctEn(double share) {
    return pctEn(share, naturalDecimals(share * 100));
}

struct Reason {
    std::string fr, en;
};

// Why a BV with intermediateMin <= N < grandPoleMin is not type 3 (the first share rule that failed).
Reason whyNotIntermediateShares(const Figures& f) {
    Reason r;
    const std::string rangeFr = professionnelsFr(f.total) + ", entre " + numFr(f.intermediate) + " et " +
                                numFr(f.grandPole) + ", mais ";
    const std::string rangeEn = professionalsEn(f.total) + ", between " + numEn(f.intermediate) + " and " +
                                numEn(f.grandPole) + ", but ";
    if (!atLeast(f.poleShare, f.poleShareMin)) {
        const int d = shareDecimals(f.poleShare, f.poleShareMin);
        r.fr = rangeFr + "les professions de pôle ne font que " + pctFr(f.poleShare, d) +
               " du total (il en faut au moins " + thresholdPctFr(f.poleShareMin) +
               ") pour un pôle intermédiaire";
        r.en = rangeEn + "pole professions are only " + pctEn(f.poleShare, d) + " of the total (at least " +
               thresholdPctEn(f.poleShareMin) + " needed) for an intermediate pole";
    } else {
        const int d = shareDecimals(f.psyShare, f.psyShareMax);
        r.fr = rangeFr + "les infirmiers psychiatriques en représentent " + pctFr(f.psyShare, d) +
               " (au plus " + thresholdPctFr(f.psyShareMax) + " pour un pôle intermédiaire)";
        r.en = rangeEn + "psychiatric nurses make up " + pctEn(f.psyShare, d) + " of them (at most " +
               thresholdPctEn(f.psyShareMax) + " for an intermediate pole)";
    }
    return r;
}

Reason buildReason(PoleType type, const Figures& f) {
    Reason r;
    const std::string headFr = poleTypeLabelFr(type) + kNbsp + ": ";
    const std::string headEn = poleTypeLabelEn(type) + ": ";
    switch (type) {
    case PoleType::GrandeMetropole:
        r.fr = professionnelsFr(f.total) + ", plus de " + numFr(f.metropole);
        r.en = professionalsEn(f.total) + ", more than " + numEn(f.metropole);
        break;
    case PoleType::GrandPole:
        r.fr = professionnelsFr(f.total) + ", entre " + numFr(f.grandPole) + " et " + numFr(f.metropole);
        r.en = professionalsEn(f.total) + ", between " + numEn(f.grandPole) + " and " + numEn(f.metropole);
        break;
    case PoleType::Intermediaire:
        r.fr = professionnelsFr(f.total) + ", entre " + numFr(f.intermediate) + " et " + numFr(f.grandPole) +
               ", dont " + pctFr(f.poleShare, 1) + " dans les professions de pôle (au moins " +
               thresholdPctFr(f.poleShareMin) + ") et " + pctFr(f.psyShare, 1) +
               " d'infirmiers psychiatriques (au plus " + thresholdPctFr(f.psyShareMax) + ")";
        r.en = professionalsEn(f.total) + ", between " + numEn(f.intermediate) + " and " +
               numEn(f.grandPole) + ", of whom " + pctEn(f.poleShare, 1) + " in pole professions (at least " +
               thresholdPctEn(f.poleShareMin) + ") and " + pctEn(f.psyShare, 1) +
               " psychiatric nurses (at most " + thresholdPctEn(f.psyShareMax) + ")";
        break;
    case PoleType::Secondaire: {
        Reason first;
        if (atLeast(f.total, f.intermediate)) {
            first = whyNotIntermediateShares(f);
        } else {
            first.fr = professionnelsFr(f.total) + ", moins que les " + numFr(f.intermediate) +
                       " requis pour un pôle intermédiaire";
            first.en = professionalsEn(f.total) + ", fewer than the " + numEn(f.intermediate) +
                       " needed for an intermediate pole";
        }
        r.fr = first.fr + " ; " + professionnelsFr(f.exPsy) + " hors infirmiers psychiatriques, au moins " +
               numFr(f.secondary);
        r.en = first.en + "; " + professionalsEn(f.exPsy) + " excluding psychiatric nurses, at least " +
               numEn(f.secondary);
        break;
    }
    case PoleType::HorsPole: {
        if (!(f.total > 0)) {
            r.fr = "aucun professionnel recensé";
            r.en = "no professional recorded";
            break;
        }
        const bool statedTotal = atLeast(f.total, f.intermediate);
        if (statedTotal) {
            const Reason first = whyNotIntermediateShares(f);
            r.fr = first.fr + " ; ";
            r.en = first.en + "; ";
        }
        if (f.psy > 0) {
            r.fr += professionnelsFr(f.exPsy) + " hors infirmiers psychiatriques (" + numFr(f.total) +
                    " au total dont " + infirmiersPsyFr(f.psy) + ")";
            r.en += professionalsEn(f.exPsy) + " excluding psychiatric nurses (" + numEn(f.total) +
                    " in total, of whom " + psyNursesEn(f.psy) + ")";
        } else if (statedTotal) {
            r.fr += professionnelsFr(f.exPsy) + " hors infirmiers psychiatriques";
            r.en += professionalsEn(f.exPsy) + " excluding psychiatric nurses";
        } else {
            r.fr += professionnelsFr(f.total);
            r.en += professionalsEn(f.total);
        }
        r.fr += ", moins que les " + numFr(f.secondary) + " requis pour un pôle secondaire";
        r.en += ", fewer than the " + numEn(f.secondary) + " needed for a secondary pole";
        break;
    }
    }
    if (f.massScale != 1.0) {
        r.fr += " (seuils de l'étude multipliés par " + numFr(f.massScale) + " pour cette source de données)";
        r.en += " (study thresholds multiplied by " + numEn(f.massScale) + " for this data source)";
    }
    r.fr = headFr + r.fr + ".";
    r.en = headEn + r.en + ".";
    return r;
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

    Figures f;
    f.total = c.total;
    f.pole = c.pole;
    f.psy = c.psy;
    f.exPsy = c.exPsy;
    f.poleShare = c.poleShare;
    f.psyShare = c.psyShare;
    f.metropole = params.scaled(params.metropoleMin);
    f.grandPole = params.scaled(params.grandPoleMin);
    f.intermediate = params.scaled(params.intermediateMin);
    f.secondary = params.scaled(params.secondaryExPsyMin);
    f.poleShareMin = params.intermediatePoleShareMin;
    f.psyShareMax = params.intermediatePsyShareMax;
    f.massScale = params.massScale;

    if (!(f.total > 0)) // no professional (or a non-finite total): never a pôle, whatever the thresholds
        c.type = PoleType::HorsPole;
    else if (moreThan(f.total, f.metropole))
        c.type = PoleType::GrandeMetropole;
    else if (atLeast(f.total, f.grandPole))
        c.type = PoleType::GrandPole;
    else if (atLeast(f.total, f.intermediate) && atLeast(f.poleShare, f.poleShareMin) &&
             atMost(f.psyShare, f.psyShareMax))
        c.type = PoleType::Intermediaire;
    else if (atLeast(f.exPsy, f.secondary))
        c.type = PoleType::Secondaire;
    else
        c.type = PoleType::HorsPole;

    Reason r = buildReason(c.type, f);
    c.reasonFr = std::move(r.fr);
    c.reasonEn = std::move(r.en);
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
