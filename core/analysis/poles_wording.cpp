// The reasons of the pôle typology, in French and in English: words only, every decision is made by
// classifyBassin (poles.cpp).
#include "core/analysis/poles.h"

#include <cmath>

namespace maillage::analysis {

using wording::kNbsp;
using wording::natural;
using wording::percent;

namespace {

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

std::string thresholdPercent(double share, Language language) {
    return percent(share, wording::naturalDecimals(share * 100), language);
}

bool totalStated(const PoleDecision& d) {
    return d.failed == PoleCondition::PoleShareAtLeast || d.failed == PoleCondition::PsyShareAtMost;
}

// ---- French ------------------------------------------------------------------------------------

std::string professionnels(double n) {
    return natural(n, Language::Fr) + (n < 2 ? " professionnel" : " professionnels");
}
std::string infirmiersPsy(double n) {
    return natural(n, Language::Fr) + (n < 2 ? " infirmier psychiatrique" : " infirmiers psychiatriques");
}

// Why a BV with intermediate <= N < grandPole is not type 3 (the share condition that failed).
std::string whyNotIntermediateSharesFr(const PoleClassification& c) {
    const PoleThresholds& t = c.decision.thresholds;
    const std::string range = professionnels(c.total) + ", entre " + natural(t.intermediate, Language::Fr) +
                              " et " + natural(t.grandPole, Language::Fr) + ", mais ";
    if (c.decision.failed == PoleCondition::PoleShareAtLeast)
        return range + "les professions de pôle ne font que " +
               percent(c.poleShare, shareDecimals(c.poleShare, t.poleShareMin), Language::Fr) +
               " du total (il en faut au moins " + thresholdPercent(t.poleShareMin, Language::Fr) +
               ") pour un pôle intermédiaire";
    return range + "les infirmiers psychiatriques en représentent " +
           percent(c.psyShare, shareDecimals(c.psyShare, t.psyShareMax), Language::Fr) + " (au plus " +
           thresholdPercent(t.psyShareMax, Language::Fr) + " pour un pôle intermédiaire)";
}

std::string horsPoleFr(const PoleClassification& c) {
    const PoleThresholds& t = c.decision.thresholds;
    if (c.decision.failed == PoleCondition::NoProfessional)
        return "aucun professionnel recensé";
    std::string r = totalStated(c.decision) ? whyNotIntermediateSharesFr(c) + " ; " : std::string();
    if (c.psy > 0)
        r += professionnels(c.exPsy) + " hors infirmiers psychiatriques (" + natural(c.total, Language::Fr) +
             " au total dont " + infirmiersPsy(c.psy) + ")";
    else if (totalStated(c.decision) && c.psyCounted)
        r += professionnels(c.exPsy) + " hors infirmiers psychiatriques";
    else
        r += professionnels(c.total);
    return r + ", moins que les " + natural(t.secondary, Language::Fr) + " requis pour un pôle secondaire";
}

std::string bodyFr(const PoleClassification& c) {
    const PoleThresholds& t = c.decision.thresholds;
    const auto n = [](double v) { return natural(v, Language::Fr); };
    switch (c.type) {
    case PoleType::GrandeMetropole:
        return professionnels(c.total) + ", plus de " + n(t.metropole);
    case PoleType::GrandPole:
        return professionnels(c.total) + ", entre " + n(t.grandPole) + " et " + n(t.metropole);
    case PoleType::Intermediaire:
        return professionnels(c.total) + ", entre " + n(t.intermediate) + " et " + n(t.grandPole) +
               ", dont " + percent(c.poleShare, 1, Language::Fr) +
               " dans les professions de pôle (au moins " + thresholdPercent(t.poleShareMin, Language::Fr) +
               (c.psyCounted ? ") et " + percent(c.psyShare, 1, Language::Fr) +
                                   " d'infirmiers psychiatriques (au plus " +
                                   thresholdPercent(t.psyShareMax, Language::Fr) + ")"
                             : ") ; la part des infirmiers psychiatriques (au plus " +
                                   thresholdPercent(t.psyShareMax, Language::Fr) +
                                   ") n'a pas pu être vérifiée, les données ne les comptant pas");
    case PoleType::Secondaire: {
        const std::string first = totalStated(c.decision)
                                      ? whyNotIntermediateSharesFr(c)
                                      : professionnels(c.total) + ", moins que les " + n(t.intermediate) +
                                            " requis pour un pôle intermédiaire";
        if (!c.psyCounted) // N >= N_exPsy: the condition holds only if they are few, unknown here
            return first + " ; " + professionnels(c.total) + ", au moins " + n(t.secondary) +
                   " (les infirmiers psychiatriques, que les données ne comptent pas, n'ont pas pu être "
                   "retirés : la condition hors infirmiers psychiatriques n'a pas pu être vérifiée)";
        return first + " ; " + professionnels(c.exPsy) + " hors infirmiers psychiatriques, au moins " +
               n(t.secondary);
    }
    case PoleType::HorsPole:
        break;
    }
    return horsPoleFr(c);
}

// ---- English -----------------------------------------------------------------------------------

std::string professionals(double n) {
    return natural(n, Language::En) + (n == 1 ? " professional" : " professionals");
}
std::string psyNurses(double n) {
    return natural(n, Language::En) + (n == 1 ? " psychiatric nurse" : " psychiatric nurses");
}

std::string whyNotIntermediateSharesEn(const PoleClassification& c) {
    const PoleThresholds& t = c.decision.thresholds;
    const std::string range = professionals(c.total) + ", between " + natural(t.intermediate, Language::En) +
                              " and " + natural(t.grandPole, Language::En) + ", but ";
    if (c.decision.failed == PoleCondition::PoleShareAtLeast)
        return range + "pole professions are only " +
               percent(c.poleShare, shareDecimals(c.poleShare, t.poleShareMin), Language::En) +
               " of the total (at least " + thresholdPercent(t.poleShareMin, Language::En) +
               " needed) for an intermediate pole";
    return range + "psychiatric nurses make up " +
           percent(c.psyShare, shareDecimals(c.psyShare, t.psyShareMax), Language::En) +
           " of them (at most " + thresholdPercent(t.psyShareMax, Language::En) +
           " for an intermediate pole)";
}

std::string horsPoleEn(const PoleClassification& c) {
    const PoleThresholds& t = c.decision.thresholds;
    if (c.decision.failed == PoleCondition::NoProfessional)
        return "no professional recorded";
    std::string r = totalStated(c.decision) ? whyNotIntermediateSharesEn(c) + "; " : std::string();
    if (c.psy > 0)
        r += professionals(c.exPsy) + " excluding psychiatric nurses (" + natural(c.total, Language::En) +
             " in total, of whom " + psyNurses(c.psy) + ")";
    else if (totalStated(c.decision) && c.psyCounted)
        r += professionals(c.exPsy) + " excluding psychiatric nurses";
    else
        r += professionals(c.total);
    return r + ", fewer than the " + natural(t.secondary, Language::En) + " needed for a secondary pole";
}

std::string bodyEn(const PoleClassification& c) {
    const PoleThresholds& t = c.decision.thresholds;
    const auto n = [](double v) { return natural(v, Language::En); };
    switch (c.type) {
    case PoleType::GrandeMetropole:
        return professionals(c.total) + ", more than " + n(t.metropole);
    case PoleType::GrandPole:
        return professionals(c.total) + ", between " + n(t.grandPole) + " and " + n(t.metropole);
    case PoleType::Intermediaire:
        return professionals(c.total) + ", between " + n(t.intermediate) + " and " + n(t.grandPole) +
               ", of whom " + percent(c.poleShare, 1, Language::En) + " in pole professions (at least " +
               thresholdPercent(t.poleShareMin, Language::En) +
               (c.psyCounted
                    ? ") and " + percent(c.psyShare, 1, Language::En) + " psychiatric nurses (at most " +
                          thresholdPercent(t.psyShareMax, Language::En) + ")"
                    : "); the share of psychiatric nurses (at most " +
                          thresholdPercent(t.psyShareMax, Language::En) +
                          ") could not be checked, the data not counting them");
    case PoleType::Secondaire: {
        const std::string first = totalStated(c.decision)
                                      ? whyNotIntermediateSharesEn(c)
                                      : professionals(c.total) + ", fewer than the " + n(t.intermediate) +
                                            " needed for an intermediate pole";
        if (!c.psyCounted)
            return first + "; " + professionals(c.total) + ", at least " + n(t.secondary) +
                   " (psychiatric nurses, whom the data do not count, could not be taken out: the condition "
                   "excluding psychiatric nurses could not be checked)";
        return first + "; " + professionals(c.exPsy) + " excluding psychiatric nurses, at least " +
               n(t.secondary);
    }
    case PoleType::HorsPole:
        break;
    }
    return horsPoleEn(c);
}

} // namespace

std::string describeClassification(const PoleClassification& c, Language language) {
    const double scale = c.decision.thresholds.massScale;
    if (language == Language::Fr) {
        std::string r = poleTypeLabelFr(c.type) + kNbsp + ": " + bodyFr(c);
        if (scale != 1.0)
            r += " (seuils de l'étude multipliés par " + natural(scale, Language::Fr) +
                 " pour cette source de données)";
        return r + ".";
    }
    std::string r = poleTypeLabelEn(c.type) + ": " + bodyEn(c);
    if (scale != 1.0)
        r += " (study thresholds multiplied by " + natural(scale, Language::En) + " for this data source)";
    return r + ".";
}

PoleThresholds statedThresholds(const PoleClassification& c) {
    // What bodyFr/bodyEn and horsPoleFr/horsPoleEn above put in the sentence, case by case.
    const PoleThresholds& t = c.decision.thresholds;
    PoleThresholds stated;
    stated.massScale = t.massScale;
    switch (c.type) {
    case PoleType::GrandeMetropole:
        stated.metropole = t.metropole;
        return stated;
    case PoleType::GrandPole:
        stated.grandPole = t.grandPole;
        stated.metropole = t.metropole;
        return stated;
    case PoleType::Intermediaire:
        stated.intermediate = t.intermediate;
        stated.grandPole = t.grandPole;
        stated.poleShareMin = t.poleShareMin;
        stated.psyShareMax = t.psyShareMax;
        return stated;
    case PoleType::Secondaire:
    case PoleType::HorsPole:
        break;
    }
    if (c.type == PoleType::HorsPole && c.decision.failed == PoleCondition::NoProfessional)
        return stated;
    stated.secondary = t.secondary;
    if (totalStated(c.decision)) {
        stated.intermediate = t.intermediate;
        stated.grandPole = t.grandPole;
        if (c.decision.failed == PoleCondition::PoleShareAtLeast)
            stated.poleShareMin = t.poleShareMin;
        else
            stated.psyShareMax = t.psyShareMax;
    } else if (c.type == PoleType::Secondaire) {
        stated.intermediate = t.intermediate;
    }
    return stated;
}

} // namespace maillage::analysis
