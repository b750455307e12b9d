#include "core/analysis/crunch.h"

#include "core/analysis/maillage.h"

#include "core/model/codes.h"
#include "core/model/text.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace maillage::analysis {

using text::formatEn;
using text::formatFr;

namespace {

const char* const kNbsp = "\u00a0";
const char* const kMinus = "\u2212"; // typographic minus in French text

bool isPole(PoleType t) {
    return t != PoleType::HorsPole;
}
bool isLargePole(PoleType t) {
    return t == PoleType::GrandeMetropole || t == PoleType::GrandPole;
}
bool isSmallPole(PoleType t) {
    return t == PoleType::Intermediaire || t == PoleType::Secondaire;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t n = x.size();
    if (n < 3)
        return 0;
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= static_cast<double>(n);
    my /= static_cast<double>(n);
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx <= 0 || syy <= 0)
        return 0;
    return sxy / std::sqrt(sxx * syy);
}

// ---- wording helpers --------------------------------------------------------------------------

std::string count0Fr(double v) {
    return formatFr(v, 0);
}
std::string count0En(double v) {
    return formatEn(v, 0);
}
std::string pctFr(double fraction) {
    return formatFr(fraction * 100, 1) + kNbsp + "%";
}
std::string pctEn(double fraction) {
    return formatEn(fraction * 100, 1) + "%";
}

// "+5,6 %", "−10,0 %" (a change in percent, already x100).
std::string signedPctFr(double percent) {
    const std::string body = formatFr(std::fabs(percent), 1);
    const bool zero = body == "0,0";
    return std::string(zero ? "" : (percent < 0 ? kMinus : "+")) + body + kNbsp + "%";
}
std::string signedPctEn(double percent) {
    const std::string body = formatEn(std::fabs(percent), 1);
    const bool zero = body == "0.0";
    return std::string(zero ? "" : (percent < 0 ? "-" : "+")) + body + "%";
}
std::string signedFr(double v, int decimals) {
    const std::string body = formatFr(std::fabs(v), decimals);
    const bool zero = body.find_first_not_of("0,") == std::string::npos;
    return std::string(zero ? "" : (v < 0 ? kMinus : "+")) + body;
}
std::string signedEn(double v, int decimals) {
    const std::string body = formatEn(std::fabs(v), decimals);
    const bool zero = body.find_first_not_of("0.") == std::string::npos;
    return std::string(zero ? "" : (v < 0 ? "-" : "+")) + body;
}

std::string typeCountFr(PoleType t, int n) {
    const bool many = n > 1;
    switch (t) {
    case PoleType::GrandeMetropole:
        return std::to_string(n) + (many ? " pôles de grande métropole" : " pôle de grande métropole");
    case PoleType::GrandPole:
        return std::to_string(n) + (many ? " grands pôles" : " grand pôle");
    case PoleType::Intermediaire:
        return std::to_string(n) + (many ? " pôles intermédiaires" : " pôle intermédiaire");
    case PoleType::Secondaire:
        return std::to_string(n) + (many ? " pôles secondaires" : " pôle secondaire");
    case PoleType::HorsPole:
        break;
    }
    return std::to_string(n) + (many ? " bassins hors pôle" : " bassin hors pôle");
}
std::string typeCountEn(PoleType t, int n) {
    const bool many = n != 1;
    switch (t) {
    case PoleType::GrandeMetropole:
        return std::to_string(n) + (many ? " metropolitan poles" : " metropolitan pole");
    case PoleType::GrandPole:
        return std::to_string(n) + (many ? " large poles" : " large pole");
    case PoleType::Intermediaire:
        return std::to_string(n) + (many ? " intermediate poles" : " intermediate pole");
    case PoleType::Secondaire:
        return std::to_string(n) + (many ? " secondary poles" : " secondary pole");
    case PoleType::HorsPole:
        break;
    }
    return std::to_string(n) + (many ? " non-pole areas" : " non-pole area");
}

// Fewest decimals (0..2) that show a threshold as the user set it.
int naturalDecimals(double value) {
    for (int d = 0; d < 2; ++d) {
        const double f = std::pow(10.0, d);
        if (std::fabs(value * f - std::round(value * f)) < 1e-6)
            return d;
    }
    return 2;
}

// "a, b et c" / "a, b and c".
std::string enumerate(const std::vector<std::string>& items, const std::string& lastSep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += (i + 1 == items.size()) ? lastSep : ", ";
        out += items[i];
    }
    return out;
}

} // namespace

CrunchDiagnostics diagnoseCrunch(const model::Dataset& dataset, const std::vector<std::string>& selection,
                                 const model::PoleParameters& params, int vintageTo, int vintageFrom,
                                 double nearLargePoleKm) {
    model::CrunchParameters crunch;
    crunch.nearLargePoleKm = nearLargePoleKm;
    return diagnoseCrunch(dataset, selection, params, crunch, vintageTo, vintageFrom);
}

CrunchDiagnostics diagnoseCrunch(const model::Dataset& dataset, const std::vector<std::string>& selection,
                                 const model::PoleParameters& params, const model::CrunchParameters& crunch,
                                 int vintageTo, int vintageFrom) {
    const double nearLargePoleKm = crunch.nearLargePoleKm;
    CrunchDiagnostics d;
    if (vintageTo == 0)
        vintageTo = dataset.latestVintage();
    d.vintageTo = vintageTo;

    Aggregation to = aggregateByBassin(dataset, vintageTo);
    d.warnings = std::move(to.warnings);
    const std::vector<PoleClassification> poles = classifyPoles(to.bassins, params);

    auto nameOf = [&](const std::string& code) {
        const model::Bassin* b = dataset.bassin(code);
        return b && !b->name.empty() ? b->name : code;
    };

    // ---- the selection ----
    std::vector<int> selected;
    if (selection.empty()) {
        selected.resize(dataset.bassins.size());
        for (std::size_t i = 0; i < selected.size(); ++i)
            selected[i] = static_cast<int>(i);
    } else {
        std::set<int> seen;
        std::set<std::string> unknown;
        for (const std::string& code : selection) {
            int i = dataset.bassinIndex(code);
            if (i < 0)
                if (auto normalized = codes::normalizeBassin(code))
                    i = dataset.bassinIndex(*normalized);
            if (i < 0) {
                unknown.insert(code);
                continue;
            }
            if (seen.insert(i).second)
                selected.push_back(i);
        }
        if (!unknown.empty()) {
            Warning w;
            w.kind = ErrorKind::Join;
            w.message =
                std::to_string(unknown.size()) +
                " selected bassin(s) de vie are not in the dataset and were ignored. Expected BV codes "
                "of the dataset.";
            w.details.assign(unknown.begin(), unknown.end());
            d.warnings.push_back(std::move(w));
        }
    }
    const bool wholeDataset = selected.size() == dataset.bassins.size();
    for (int i : selected)
        d.bassins.push_back(dataset.bassins[i].code);

    // ---- pôles per type, and the mean per région over the whole dataset ----
    for (int i : selected)
        ++d.polesByType[static_cast<int>(poles[i].type)];
    {
        std::set<std::string> regions;
        std::array<int, kPoleTypeCount> counted{};
        for (std::size_t i = 0; i < dataset.bassins.size(); ++i) {
            const std::string& reg = dataset.bassins[i].reg;
            if (reg.empty())
                continue;
            regions.insert(reg);
            ++counted[static_cast<int>(poles[i].type)];
        }
        d.regionCount = static_cast<int>(regions.size());
        if (d.regionCount > 0)
            for (int t = 0; t < kPoleTypeCount; ++t)
                d.averageByTypePerRegion[t] = static_cast<double>(counted[t]) / d.regionCount;
    }

    // ---- primacy, first share, Herfindahl ----
    for (int i : selected)
        d.totalProfessionals += poles[i].total;

    std::vector<int> polesByMass;
    for (int i : selected)
        if (isPole(poles[i].type))
            polesByMass.push_back(i);
    auto heavier = [&](int a, int b) {
        if (poles[a].total != poles[b].total)
            return poles[a].total > poles[b].total;
        return poles[a].bv < poles[b].bv;
    };
    std::sort(polesByMass.begin(), polesByMass.end(), heavier);
    if (!polesByMass.empty()) {
        d.firstPole = poles[polesByMass[0]].bv;
        d.firstMass = poles[polesByMass[0]].total;
    }
    if (polesByMass.size() >= 2) {
        d.secondPole = poles[polesByMass[1]].bv;
        d.secondMass = poles[polesByMass[1]].total;
        d.primacy = d.secondMass > 0 ? d.firstMass / d.secondMass : 0;
    }
    d.macrocephalic = d.primacy > crunch.macrocephalyPrimacy;
    if (d.totalProfessionals > 0) {
        d.firstPoleShare = d.firstMass / d.totalProfessionals;
        for (int i : selected) {
            const double s = poles[i].total / d.totalProfessionals;
            d.herfindahl += s * s;
        }
        d.equivalentPoles = d.herfindahl > 0 ? 1.0 / d.herfindahl : 0;
    }

    int mainIndex = polesByMass.empty() ? -1 : polesByMass[0];
    if (mainIndex < 0 && !selected.empty()) {
        mainIndex = *std::min_element(selected.begin(), selected.end(), heavier);
        if (!(poles[mainIndex].total > 0))
            mainIndex = -1;
    }
    if (mainIndex >= 0)
        d.mainPole = poles[mainIndex].bv;

    // ---- evolution ----
    int correlationPoints = 0;
    if (vintageFrom != 0) {
        const bool present =
            std::any_of(dataset.counts.begin(), dataset.counts.end(),
                        [&](const model::CountRecord& r) { return r.vintage == vintageFrom; });
        if (vintageFrom == vintageTo || !present) {
            Warning w;
            w.kind = ErrorKind::Parameter;
            w.message = vintageFrom == vintageTo
                            ? "The two vintages compared are the same (" + std::to_string(vintageTo) +
                                  "); no evolution is computed. Expected an earlier vintage."
                            : "No count of professionals for " + std::to_string(vintageFrom) +
                                  "; no evolution is computed. Expected one of the dataset's vintages.";
            d.warnings.push_back(std::move(w));
        } else {
            d.hasEvolution = true;
            d.vintageFrom = vintageFrom;
            Aggregation from = aggregateByBassin(dataset, vintageFrom);
            for (Warning& w : from.warnings)
                d.warnings.push_back(std::move(w));

            std::vector<int> largePoles;
            for (std::size_t i = 0; i < poles.size(); ++i)
                if (isLargePole(poles[i].type))
                    largePoles.push_back(static_cast<int>(i));

            double poleBefore = 0, poleAfter = 0, otherBefore = 0, otherAfter = 0;
            std::vector<double> distances, percents;
            std::vector<std::string> unplaced; // BVs read without geometry: no distance
            const bool mainPlaced = mainIndex >= 0 && model::hasPosition(dataset.bassins[mainIndex].anchor);
            for (int i : selected) {
                BassinChange c;
                c.bv = poles[i].bv;
                c.before = from.bassins[i].total;
                c.after = poles[i].total;
                c.change = c.after - c.before;
                c.changePercent = c.before > 0 ? 100.0 * c.change / c.before : 0;
                c.type = poles[i].type;
                const model::Point& here = dataset.bassins[i].anchor;
                const bool placed = model::hasPosition(here) && mainPlaced;
                if (!model::hasPosition(here))
                    unplaced.push_back(c.bv);
                if (placed)
                    c.distanceToMainKm = planarDistanceKm(here, dataset.bassins[mainIndex].anchor);
                double nearest = std::numeric_limits<double>::infinity();
                for (int j : largePoles) {
                    if (j == i || !model::hasPosition(here) || !model::hasPosition(dataset.bassins[j].anchor))
                        continue;
                    const double km = planarDistanceKm(here, dataset.bassins[j].anchor);
                    if (km < nearest) {
                        nearest = km;
                        c.nearestLargePole = poles[j].bv;
                    }
                }
                if (!c.nearestLargePole.empty())
                    c.nearestLargePoleKm = nearest;
                c.atRisk = isSmallPole(c.type) && c.change < 0 && !c.nearestLargePole.empty() &&
                           nearest <= nearLargePoleKm;

                if (isPole(c.type)) {
                    poleBefore += c.before;
                    poleAfter += c.after;
                } else {
                    otherBefore += c.before;
                    otherAfter += c.after;
                }
                if (c.before > 0 && placed) {
                    distances.push_back(c.distanceToMainKm);
                    percents.push_back(c.changePercent);
                }
                d.changes.push_back(std::move(c));
            }
            if (!unplaced.empty()) {
                Warning w;
                w.kind = ErrorKind::Geometry;
                w.message = std::to_string(unplaced.size()) +
                            " bassins de vie have no position (read without geometry): the drain and the "
                            "pôles at risk, which depend on distances, leave them out";
                w.details = std::move(unplaced);
                d.warnings.push_back(std::move(w));
            }
            d.poleChangePercent = poleBefore > 0 ? 100.0 * (poleAfter - poleBefore) / poleBefore : 0;
            d.nonPoleChangePercent = otherBefore > 0 ? 100.0 * (otherAfter - otherBefore) / otherBefore : 0;
            d.drainCorrelation = pearson(distances, percents);
            correlationPoints = static_cast<int>(distances.size());

            std::vector<const BassinChange*> risky;
            for (const BassinChange& c : d.changes)
                if (c.atRisk)
                    risky.push_back(&c);
            std::stable_sort(risky.begin(), risky.end(), [](const BassinChange* a, const BassinChange* b) {
                return a->changePercent < b->changePercent;
            });
            for (const BassinChange* c : risky)
                d.atRisk.push_back(c->bv);

            // keep poleBefore/otherBefore to decide which sentences make sense
            if (poleBefore <= 0 && otherBefore <= 0)
                d.hasEvolution = false;
            if (!d.hasEvolution) {
                Warning w;
                w.kind = ErrorKind::Value;
                w.message = "The selected bassins de vie have no professional in " +
                            std::to_string(vintageFrom) + "; no evolution is computed.";
                d.warnings.push_back(std::move(w));
            }
        }
    }

    // ---- the written diagnosis ----
    std::vector<std::string> fr, en;
    const std::size_t n = selected.size();
    const int poleCount = d.polesByType[1] + d.polesByType[2] + d.polesByType[3] + d.polesByType[4];
    const std::string year = std::to_string(vintageTo);

    if (n == 0 || !(d.totalProfessionals > 0)) {
        fr.push_back(n == 0 ? "Aucun bassin de vie n'est sélectionné."
                            : "Aucun professionnel de santé n'est recensé en " + year +
                                  " dans les bassins de vie étudiés.");
        en.push_back(n == 0 ? "No bassin de vie is selected."
                            : "No health professional is recorded in " + year +
                                  " in the bassins de vie studied.");
    } else {
        const std::string scopeFr = n == 1 ? "Dans le bassin de vie étudié"
                                           : "Sur les " + std::to_string(n) + " bassins de vie étudiés";
        const std::string scopeEn = n == 1 ? "In the bassin de vie studied"
                                           : "Of the " + std::to_string(n) + " bassins de vie studied";
        const std::string totalFr =
            " (" + count0Fr(d.totalProfessionals) + " professionnels de santé en " + year + ")";
        const std::string totalEn =
            " (" + count0En(d.totalProfessionals) + " health professionals in " + year + ")";
        if (poleCount == 0) {
            fr.push_back(
                scopeFr + totalFr +
                ", aucun n'est un pôle d'offre de soins, c'est-à-dire un bassin qui concentre assez de "
                "professionnels pour attirer les patients des alentours.");
            en.push_back(
                scopeEn + totalEn +
                ", none is a care pole, that is an area with enough professionals to draw patients from "
                "around it.");
        } else {
            std::vector<std::string> partsFr, partsEn;
            for (int t = 1; t < kPoleTypeCount; ++t)
                if (d.polesByType[t] > 0) {
                    partsFr.push_back(typeCountFr(static_cast<PoleType>(t), d.polesByType[t]));
                    partsEn.push_back(typeCountEn(static_cast<PoleType>(t), d.polesByType[t]));
                }
            const bool many = poleCount > 1;
            fr.push_back(scopeFr + totalFr + ", " + std::to_string(poleCount) +
                         (many ? " sont des pôles d'offre de soins, c'est-à-dire des bassins qui concentrent"
                               : " est un pôle d'offre de soins, c'est-à-dire un bassin qui concentre") +
                         " assez de professionnels pour attirer les patients des alentours : " +
                         enumerate(partsFr, " et ") + ".");
            en.push_back(scopeEn + totalEn + ", " + std::to_string(poleCount) +
                         (many ? " are care poles, that is areas" : " is a care pole, that is an area") +
                         " with enough professionals to draw patients from around " + (many ? "them" : "it") +
                         ": " + enumerate(partsEn, " and ") + ".");
        }
        if (d.regionCount >= 2 && !wholeDataset) {
            double average = 0;
            for (int t = 1; t < kPoleTypeCount; ++t)
                average += d.averageByTypePerRegion[t];
            const double gap = poleCount - average;
            const std::string cmpFr = gap > 0.05 ? "davantage" : gap < -0.05 ? "moins" : "à peu près autant";
            const std::string cmpEn = gap > 0.05 ? "more" : gap < -0.05 ? "fewer" : "about as many";
            fr.push_back("Une région en compte " + formatFr(average, 1) + " en moyenne (sur les " +
                         std::to_string(d.regionCount) + " régions des données) : ce territoire en a " +
                         cmpFr + ".");
            en.push_back("A region has " + formatEn(average, 1) + " on average (over the " +
                         std::to_string(d.regionCount) + " regions of the data): this territory has " +
                         cmpEn + ".");
        }

        if (polesByMass.size() >= 2 && d.secondMass > 0) {
            const std::string headFr = "Le premier pôle, " + nameOf(d.firstPole) + " (" +
                                       count0Fr(d.firstMass) + " professionnels), pèse " +
                                       formatFr(d.primacy, 1) + " fois le deuxième, " + nameOf(d.secondPole) +
                                       " (" + count0Fr(d.secondMass) + ")";
            const std::string headEn = "The first pole, " + nameOf(d.firstPole) + " (" +
                                       count0En(d.firstMass) + " professionals), weighs " +
                                       formatEn(d.primacy, 1) + " times the second, " + nameOf(d.secondPole) +
                                       " (" + count0En(d.secondMass) + ")";
            // The threshold as the user set it (7.5 stays 7,5), and the wording of the rule it states:
            // macrocephalic strictly above it, so "at most" below.
            const double threshold = crunch.macrocephalyPrimacy;
            const int thresholdDecimals = naturalDecimals(threshold);
            if (d.macrocephalic) {
                fr.push_back(headFr + " : au-delà de " + formatFr(threshold, thresholdDecimals) +
                             " fois, le système est dit macrocéphale, c'est-à-dire dominé par une "
                             "seule grande ville qui attire l'essentiel de l'offre de soins.");
                en.push_back(headEn + ": beyond " + formatEn(threshold, thresholdDecimals) +
                             " times, the system is called macrocephalic, that is dominated by a single "
                             "large city that draws most of the care supply.");
            } else {
                fr.push_back(headFr + " : au plus " + formatFr(threshold, thresholdDecimals) +
                             " fois, l'offre n'est donc pas dominée par une seule ville.");
                en.push_back(headEn + ": at most " + formatEn(threshold, thresholdDecimals) +
                             " times, so the supply is not dominated by a single city.");
            }
            fr.push_back("Il réunit à lui seul " + pctFr(d.firstPoleShare) +
                         " des professionnels du territoire.");
            en.push_back("It alone holds " + pctEn(d.firstPoleShare) + " of the territory's professionals.");
        } else if (polesByMass.size() == 1) {
            fr.push_back("Le seul pôle, " + nameOf(d.firstPole) + ", réunit " + count0Fr(d.firstMass) +
                         " professionnels, soit " + pctFr(d.firstPoleShare) + " de ceux du territoire.");
            en.push_back("The only pole, " + nameOf(d.firstPole) + ", holds " + count0En(d.firstMass) +
                         " professionals, " + pctEn(d.firstPoleShare) + " of the territory's.");
        }

        if (n >= 2) {
            const bool high = d.equivalentPoles < kHighConcentrationEquivalentPoles &&
                              d.equivalentPoles < 0.5 * static_cast<double>(n);
            // French: a number below 2 takes the singular ("1,7 bassin de vie").
            const std::string eqFr = formatFr(d.equivalentPoles, 1) +
                                     (d.equivalentPoles < 2 ? " bassin de vie" : " bassins de vie");
            const std::string eqEn = formatEn(d.equivalentPoles, 1) + " bassins de vie";
            const std::string hFr = formatFr(d.herfindahl, 2), hEn = formatEn(d.herfindahl, 2);
            if (high) {
                fr.push_back("Tout se passe comme si les professionnels étaient répartis à parts égales "
                             "entre seulement " +
                             eqFr + " sur " + std::to_string(n) +
                             " (indice de concentration de Herfindahl : " + hFr +
                             ") : la concentration est forte.");
                en.push_back("It is as if the professionals were shared equally among only " + eqEn +
                             " out of " + std::to_string(n) + " (Herfindahl concentration index: " + hEn +
                             "): concentration is high.");
            } else {
                fr.push_back(
                    "Tout se passe comme si les professionnels étaient répartis à parts égales entre " +
                    eqFr + " sur " + std::to_string(n) + " (indice de concentration de Herfindahl : " + hFr +
                    ") : la concentration reste modérée.");
                en.push_back("It is as if the professionals were shared equally among " + eqEn + " out of " +
                             std::to_string(n) + " (Herfindahl concentration index: " + hEn +
                             "): concentration remains moderate.");
            }
        }

        if (d.hasEvolution) {
            const std::string period = std::to_string(d.vintageFrom) + " et " + std::to_string(d.vintageTo);
            const std::string periodEn =
                std::to_string(d.vintageFrom) + " and " + std::to_string(d.vintageTo);
            const bool anyPole = poleCount > 0, anyOther = d.polesByType[0] > 0;
            if (anyPole && anyOther) {
                fr.push_back("Entre " + period + ", le nombre de professionnels a évolué de " +
                             signedPctFr(d.poleChangePercent) + " dans les pôles et de " +
                             signedPctFr(d.nonPoleChangePercent) + " dans les autres bassins de vie.");
                en.push_back("Between " + periodEn + ", the number of professionals changed by " +
                             signedPctEn(d.poleChangePercent) + " in the poles and by " +
                             signedPctEn(d.nonPoleChangePercent) + " in the other bassins de vie.");
            } else {
                const double pc = anyPole ? d.poleChangePercent : d.nonPoleChangePercent;
                fr.push_back("Entre " + period + ", le nombre de professionnels a évolué de " +
                             signedPctFr(pc) + ".");
                en.push_back("Between " + periodEn + ", the number of professionals changed by " +
                             signedPctEn(pc) + ".");
            }
            if (correlationPoints >= 3 && !d.mainPole.empty()) {
                const std::string main = nameOf(d.mainPole);
                const std::string rFr = signedFr(d.drainCorrelation, 2),
                                  rEn = signedEn(d.drainCorrelation, 2);
                const std::string scaleFr = std::string(", sur une échelle de ") + kMinus + "1 à +1";
                if (d.drainCorrelation <= kDrainCorrelationVisible) {
                    fr.push_back("Plus un bassin de vie est loin de " + main +
                                 ", plus il perd de professionnels (corrélation de " + rFr +
                                 " entre l'évolution et la distance" + scaleFr +
                                 ") : c'est la signature d'une vidange de la périphérie au profit du pôle "
                                 "principal.");
                    en.push_back(
                        "The farther a bassin de vie lies from " + main +
                        ", the more professionals it loses (correlation of " + rEn +
                        " between change and distance, on a scale from -1 to +1): the signature of the "
                        "periphery draining towards the main pole.");
                } else if (d.drainCorrelation >= -kDrainCorrelationVisible) {
                    fr.push_back("Les bassins de vie éloignés de " + main +
                                 " évoluent plutôt mieux que les proches (corrélation de " + rFr +
                                 " entre l'évolution et la distance" + scaleFr +
                                 ") : la périphérie ne se vide pas au profit du pôle principal.");
                    en.push_back(
                        "The bassins de vie far from " + main +
                        " fare rather better than those nearby (correlation of " + rEn +
                        " between change and distance, on a scale from -1 to +1): the periphery is not "
                        "draining towards the main pole.");
                } else {
                    fr.push_back("L'évolution dépend peu de la distance à " + main + " (corrélation de " +
                                 rFr + scaleFr +
                                 ") : la périphérie ne se vide pas nettement au profit du pôle "
                                 "principal.");
                    en.push_back(
                        "Change depends little on the distance to " + main + " (correlation of " + rEn +
                        ", on a scale from -1 to +1): no clear draining of the periphery towards the "
                        "main pole.");
                }
            }
            if (!d.atRisk.empty()) {
                std::vector<std::string> namesFr, namesEn;
                for (const std::string& code : d.atRisk) {
                    const auto it = std::find_if(d.changes.begin(), d.changes.end(),
                                                 [&](const BassinChange& c) { return c.bv == code; });
                    namesFr.push_back(nameOf(code) + " (" + signedPctFr(it->changePercent) + ", à " +
                                      formatFr(it->nearestLargePoleKm, 0) + kNbsp + "km de " +
                                      nameOf(it->nearestLargePole) + ")");
                    namesEn.push_back(nameOf(code) + " (" + signedPctEn(it->changePercent) + ", " +
                                      formatEn(it->nearestLargePoleKm, 0) + " km from " +
                                      nameOf(it->nearestLargePole) + ")");
                }
                const bool many = d.atRisk.size() > 1;
                fr.push_back(std::string(many ? "Ces petits pôles, proches d'un grand pôle, perdent"
                                              : "Ce petit pôle, proche d'un grand pôle, perd") +
                             " des professionnels et risque" + (many ? "nt" : "") + " d'être absorbé" +
                             (many ? "s" : "") + " par " + std::string(many ? "leur" : "son") +
                             " grand voisin : " + enumerate(namesFr, " et ") + ".");
                en.push_back(std::string(many ? "These small poles, near a large pole, are losing"
                                              : "This small pole, near a large pole, is losing") +
                             " professionals and may be absorbed by " + std::string(many ? "their" : "its") +
                             " large neighbour: " + enumerate(namesEn, " and ") + ".");
            } else if (d.polesByType[3] + d.polesByType[4] > 0) {
                fr.push_back("Aucun petit pôle proche d'un grand pôle ne perd de professionnels.");
                en.push_back("No small pole near a large pole is losing professionals.");
            }
        }
    }
    d.diagnosisFr = text::join(fr, " ");
    d.diagnosisEn = text::join(en, " ");
    return d;
}

} // namespace maillage::analysis
