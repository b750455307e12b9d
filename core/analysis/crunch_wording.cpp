// The written Crunch diagnosis, in French and in English: words only, every figure and every finding
// comes from diagnoseCrunch (crunch.cpp).
#include "core/analysis/crunch.h"

#include "core/model/text.h"

#include <algorithm>
#include <cmath>

namespace maillage::analysis {

using text::formatEn;
using text::formatFr;
using wording::enumerate;
using wording::kNbsp;

namespace {

const char* const kMinus = "\u2212"; // typographic minus in French text

std::string nameOf(const CrunchFindings& f, const std::string& code) {
    const auto it = f.names.find(code);
    return it == f.names.end() ? code : it->second;
}

// "+5,6 %", "−10,0 %" / "+5.6%", "-10.0%" (a change in percent, already x100).
std::string signedPercent(double percent, Language language) {
    const std::string body = wording::number(std::fabs(percent), 1, language);
    const bool zero = body == (language == Language::Fr ? "0,0" : "0.0");
    const char* minus = language == Language::Fr ? kMinus : "-";
    return std::string(zero ? "" : (percent < 0 ? minus : "+")) + body +
           (language == Language::Fr ? kNbsp : "") + "%";
}

std::string signedNumber(double v, int decimals, Language language) {
    const std::string body = wording::number(std::fabs(v), decimals, language);
    const bool zero = body.find_first_not_of(language == Language::Fr ? "0," : "0.") == std::string::npos;
    const char* minus = language == Language::Fr ? kMinus : "-";
    return std::string(zero ? "" : (v < 0 ? minus : "+")) + body;
}

int poleCountOf(const CrunchDiagnostics& d) {
    return d.findings.poleCount;
}

//! The selection's pôles against their reference (CrunchFindings::reference): a région with the mean
//! région, a département with the mean département, other BVs by their share of pôles.
std::string referenceSentence(const CrunchDiagnostics& d, Language language) {
    const CrunchFindings& f = d.findings;
    const char* const suffix = f.polesAgainstReference == PoleCountComparison::More    ? "more"
                               : f.polesAgainstReference == PoleCountComparison::Fewer ? "fewer"
                                                                                       : "as_many";
    const auto n = arg::integer("n", f.referenceUnits);
    if (f.scope == CrunchScope::Selection)
        return word(msg("analysis.crunch.reference_selection",
                        {arg::nested("cmp", msg(std::string("analysis.crunch.share_") + suffix)),
                         arg::percent("share", f.poleShareOfBassins, 1),
                         arg::integer("k", static_cast<long long>(d.bassins.size())),
                         arg::percent("reference", f.reference, 1), n}),
                    language);
    const std::string id =
        std::string(f.scope == CrunchScope::Departement ? "analysis.crunch.reference_departement"
                                                        : "analysis.crunch.reference_region") +
        (f.partialUnits.empty() ? "" : "_partial");
    return word(msg(id, {arg::number("mean", f.reference, 1), n,
                         arg::nested("cmp", msg(std::string("analysis.crunch.count_") + suffix)),
                         arg::list("partial", f.partialUnits)}),
                language);
}

} // namespace

std::string crunchReferenceLabel(const CrunchDiagnostics& d, Language language) {
    return word(msg(d.findings.scope == CrunchScope::Departement
                        ? "analysis.crunch.reference_label_departement"
                    : d.findings.scope == CrunchScope::Selection ? "analysis.crunch.reference_label_selection"
                                                                 : "analysis.crunch.reference_label_region"),
                language);
}

namespace {

// ---- French ------------------------------------------------------------------------------------

std::string typeCountFr(PoleType t, int n) {
    const bool many = n > 1;
    switch (t) {
    case PoleType::GrandeMetropole:
        return formatFr(n) + (many ? " pôles de grande métropole" : " pôle de grande métropole");
    case PoleType::GrandPole:
        return formatFr(n) + (many ? " grands pôles" : " grand pôle");
    case PoleType::Intermediaire:
        return formatFr(n) + (many ? " pôles intermédiaires" : " pôle intermédiaire");
    case PoleType::Secondaire:
        return formatFr(n) + (many ? " pôles secondaires" : " pôle secondaire");
    case PoleType::HorsPole:
        break;
    }
    return formatFr(n) + (many ? " bassins hors pôle" : " bassin hors pôle");
}

std::string polesSentenceFr(const CrunchDiagnostics& d) {
    const std::size_t n = d.bassins.size();
    const std::string scope = (n == 1 ? std::string("Dans le bassin de vie étudié")
                                      : "Sur les " + formatFr(n) + " bassins de vie étudiés") +
                              " (" + formatFr(d.totalProfessionals, 0) + " professionnels de santé en " +
                              std::to_string(d.vintageTo) + ")";
    const int poleCount = poleCountOf(d);
    if (poleCount == 0)
        return scope +
               ", aucun n'est un pôle d'offre de soins, c'est-à-dire un bassin qui concentre assez de "
               "professionnels pour attirer les patients des alentours.";
    std::vector<std::string> parts;
    for (int t = 1; t < kPoleTypeCount; ++t)
        if (d.polesByType[t] > 0)
            parts.push_back(typeCountFr(static_cast<PoleType>(t), d.polesByType[t]));
    return scope + ", " + formatFr(poleCount) +
           (poleCount > 1 ? " sont des pôles d'offre de soins, c'est-à-dire des bassins qui concentrent"
                          : " est un pôle d'offre de soins, c'est-à-dire un bassin qui concentre") +
           " assez de professionnels pour attirer les patients des alentours : " +
           enumerate(parts, Language::Fr) + ".";
}

std::string regionsSentenceFr(const CrunchDiagnostics& d) {
    return referenceSentence(d, Language::Fr);
}

std::vector<std::string> primacySentencesFr(const CrunchDiagnostics& d) {
    const CrunchFindings& f = d.findings;
    if (poleCountOf(d) == 1)
        return {"Le seul pôle, " + nameOf(f, d.firstPole) + ", réunit " + formatFr(d.firstMass, 0) +
                " professionnels, soit " + wording::percent(d.firstPoleShare, 1, Language::Fr) +
                " de ceux du territoire."};
    const std::string head = "Le premier pôle, " + nameOf(f, d.firstPole) + " (" + formatFr(d.firstMass, 0) +
                             " professionnels), pèse " + formatFr(d.primacy, 1) + " fois le deuxième, " +
                             nameOf(f, d.secondPole) + " (" + formatFr(d.secondMass, 0) + ")";
    // The threshold as the user set it (7.5 stays 7,5); macrocephalic strictly above it, so "at most" below.
    const std::string threshold = wording::natural(f.macrocephalyThreshold, Language::Fr);
    return {d.macrocephalic ? head + " : au-delà de " + threshold +
                                  " fois, le système est dit macrocéphale, c'est-à-dire dominé par une "
                                  "seule grande ville qui attire l'essentiel de l'offre de soins."
                            : head + " : au plus " + threshold +
                                  " fois, l'offre n'est donc pas dominée par une seule ville.",
            "Il réunit à lui seul " + wording::percent(d.firstPoleShare, 1, Language::Fr) +
                " des professionnels du territoire."};
}

std::string concentrationSentenceFr(const CrunchDiagnostics& d) {
    // A number below 2 takes the singular ("1,7 bassin de vie").
    const std::string eq =
        formatFr(d.equivalentPoles, 1) + (d.equivalentPoles < 2 ? " bassin de vie" : " bassins de vie");
    const std::string tail = " sur " + formatFr(d.bassins.size()) +
                             " (indice de concentration de Herfindahl : " + formatFr(d.herfindahl, 2) + ")";
    if (d.findings.highConcentration)
        return "Tout se passe comme si les professionnels étaient répartis à parts égales entre seulement " +
               eq + tail + " : la concentration est forte.";
    return "Tout se passe comme si les professionnels étaient répartis à parts égales entre " + eq + tail +
           " : la concentration reste modérée.";
}

std::string changeSentenceFr(const CrunchDiagnostics& d) {
    const std::string period = "Entre " + std::to_string(d.vintageFrom) + " et " +
                               std::to_string(d.vintageTo) + ", le nombre de professionnels a évolué de ";
    const bool anyPole = poleCountOf(d) > 0, anyOther = d.polesByType[0] > 0;
    if (anyPole && anyOther)
        return period + signedPercent(d.poleChangePercent, Language::Fr) + " dans les pôles et de " +
               signedPercent(d.nonPoleChangePercent, Language::Fr) + " dans les autres bassins de vie.";
    return period + signedPercent(anyPole ? d.poleChangePercent : d.nonPoleChangePercent, Language::Fr) + ".";
}

// A correlation over a handful of BVs is no finding (issue 11): say so, with the numbers.
std::string tooFewFr(const CrunchDiagnostics& d) {
    return "Trop peu de bassins de vie pour conclure sur une vidange de la périphérie (" +
           formatFr(d.findings.correlationPoints) + " comparables, il en faut au moins " +
           formatFr(d.minCorrelationBassins) + ").";
}

std::string tooFewEn(const CrunchDiagnostics& d) {
    return "Too few bassins de vie to conclude on a draining of the periphery (" +
           formatEn(d.findings.correlationPoints) + " comparable, at least " +
           formatEn(d.minCorrelationBassins) + " needed).";
}

std::string drainSentenceFr(const CrunchDiagnostics& d) {
    const std::string main = nameOf(d.findings, d.mainPole);
    const std::string r = signedNumber(d.drainCorrelation, 2, Language::Fr);
    const std::string scale = std::string(", sur une échelle de ") + kMinus + "1 à +1";
    switch (d.findings.drain) {
    case DrainSignature::Visible:
        return "Plus un bassin de vie est loin de " + main +
               ", plus il perd de professionnels (corrélation de " + r + " entre l'évolution et la distance" +
               scale + ") : c'est la signature d'une vidange de la périphérie au profit du pôle principal.";
    case DrainSignature::Absent:
        return "Les bassins de vie éloignés de " + main +
               " évoluent plutôt mieux que les proches (corrélation de " + r +
               " entre l'évolution et la distance" + scale +
               ") : la périphérie ne se vide pas au profit du pôle principal.";
    case DrainSignature::Unclear:
        return "L'évolution dépend peu de la distance à " + main + " (corrélation de " + r + scale +
               ") : la périphérie ne se vide pas nettement au profit du pôle principal.";
    case DrainSignature::TooFew:
        return tooFewFr(d);
    case DrainSignature::Unknown:
        break;
    }
    return {};
}

const BassinChange& changeOfBassin(const CrunchDiagnostics& d, const std::string& code) {
    return *std::find_if(d.changes.begin(), d.changes.end(),
                         [&](const BassinChange& c) { return c.bv == code; });
}

std::string atRiskSentenceFr(const CrunchDiagnostics& d) {
    if (d.atRisk.empty())
        return "Aucun petit pôle proche d'un grand pôle ne perd de professionnels.";
    std::vector<std::string> names;
    for (const std::string& code : d.atRisk) {
        const BassinChange& c = changeOfBassin(d, code);
        names.push_back(nameOf(d.findings, code) + " (" + signedPercent(c.changePercent, Language::Fr) +
                        ", à " + formatFr(c.nearestLargePoleKm, 0) + kNbsp + "km de " +
                        nameOf(d.findings, c.nearestLargePole) + ")");
    }
    const bool many = d.atRisk.size() > 1;
    return std::string(many ? "Ces petits pôles, proches d'un grand pôle, perdent"
                            : "Ce petit pôle, proche d'un grand pôle, perd") +
           " des professionnels et risque" + (many ? "nt" : "") + " d'être absorbé" + (many ? "s" : "") +
           " par " + (many ? "leur" : "son") + " grand voisin : " + enumerate(names, Language::Fr) + ".";
}

std::string emptySentenceFr(const CrunchDiagnostics& d) {
    return d.bassins.empty() ? "Aucun bassin de vie n'est sélectionné."
                             : "Aucun professionnel de santé n'est recensé en " +
                                   std::to_string(d.vintageTo) + " dans les bassins de vie étudiés.";
}

// ---- English -----------------------------------------------------------------------------------

std::string typeCountEn(PoleType t, int n) {
    const bool many = n != 1;
    switch (t) {
    case PoleType::GrandeMetropole:
        return formatEn(n) + (many ? " metropolitan poles" : " metropolitan pole");
    case PoleType::GrandPole:
        return formatEn(n) + (many ? " large poles" : " large pole");
    case PoleType::Intermediaire:
        return formatEn(n) + (many ? " intermediate poles" : " intermediate pole");
    case PoleType::Secondaire:
        return formatEn(n) + (many ? " secondary poles" : " secondary pole");
    case PoleType::HorsPole:
        break;
    }
    return formatEn(n) + (many ? " non-pole areas" : " non-pole area");
}

std::string polesSentenceEn(const CrunchDiagnostics& d) {
    const std::size_t n = d.bassins.size();
    const std::string scope = (n == 1 ? std::string("In the bassin de vie studied")
                                      : "Of the " + formatEn(n) + " bassins de vie studied") +
                              " (" + formatEn(d.totalProfessionals, 0) + " health professionals in " +
                              std::to_string(d.vintageTo) + ")";
    const int poleCount = poleCountOf(d);
    if (poleCount == 0)
        return scope +
               ", none is a care pole, that is an area with enough professionals to draw patients from "
               "around it.";
    std::vector<std::string> parts;
    for (int t = 1; t < kPoleTypeCount; ++t)
        if (d.polesByType[t] > 0)
            parts.push_back(typeCountEn(static_cast<PoleType>(t), d.polesByType[t]));
    const bool many = poleCount > 1;
    return scope + ", " + formatEn(poleCount) +
           (many ? " are care poles, that is areas" : " is a care pole, that is an area") +
           " with enough professionals to draw patients from around " + (many ? "them" : "it") + ": " +
           enumerate(parts, Language::En) + ".";
}

std::string regionsSentenceEn(const CrunchDiagnostics& d) {
    return referenceSentence(d, Language::En);
}

std::vector<std::string> primacySentencesEn(const CrunchDiagnostics& d) {
    const CrunchFindings& f = d.findings;
    if (poleCountOf(d) == 1)
        return {"The only pole, " + nameOf(f, d.firstPole) + ", holds " + formatEn(d.firstMass, 0) +
                " professionals, " + wording::percent(d.firstPoleShare, 1, Language::En) +
                " of the territory's."};
    const std::string head = "The first pole, " + nameOf(f, d.firstPole) + " (" + formatEn(d.firstMass, 0) +
                             " professionals), weighs " + formatEn(d.primacy, 1) + " times the second, " +
                             nameOf(f, d.secondPole) + " (" + formatEn(d.secondMass, 0) + ")";
    const std::string threshold = wording::natural(f.macrocephalyThreshold, Language::En);
    return {d.macrocephalic ? head + ": beyond " + threshold +
                                  " times, the system is called macrocephalic, that is dominated by a single "
                                  "large city that draws most of the care supply."
                            : head + ": at most " + threshold +
                                  " times, so the supply is not dominated by a single city.",
            "It alone holds " + wording::percent(d.firstPoleShare, 1, Language::En) +
                " of the territory's professionals."};
}

std::string concentrationSentenceEn(const CrunchDiagnostics& d) {
    const std::string eq = formatEn(d.equivalentPoles, 1) + " bassins de vie";
    const std::string tail = " out of " + formatEn(d.bassins.size()) +
                             " (Herfindahl concentration index: " + formatEn(d.herfindahl, 2) + ")";
    if (d.findings.highConcentration)
        return "It is as if the professionals were shared equally among only " + eq + tail +
               ": concentration is high.";
    return "It is as if the professionals were shared equally among " + eq + tail +
           ": concentration remains moderate.";
}

std::string changeSentenceEn(const CrunchDiagnostics& d) {
    const std::string period = "Between " + std::to_string(d.vintageFrom) + " and " +
                               std::to_string(d.vintageTo) + ", the number of professionals changed by ";
    const bool anyPole = poleCountOf(d) > 0, anyOther = d.polesByType[0] > 0;
    if (anyPole && anyOther)
        return period + signedPercent(d.poleChangePercent, Language::En) + " in the poles and by " +
               signedPercent(d.nonPoleChangePercent, Language::En) + " in the other bassins de vie.";
    return period + signedPercent(anyPole ? d.poleChangePercent : d.nonPoleChangePercent, Language::En) + ".";
}

std::string drainSentenceEn(const CrunchDiagnostics& d) {
    const std::string main = nameOf(d.findings, d.mainPole);
    const std::string r = signedNumber(d.drainCorrelation, 2, Language::En);
    switch (d.findings.drain) {
    case DrainSignature::Visible:
        return "The farther a bassin de vie lies from " + main +
               ", the more professionals it loses (correlation of " + r +
               " between change and distance, on a scale from -1 to +1): the signature of the periphery "
               "draining "
               "towards the main pole.";
    case DrainSignature::Absent:
        return "The bassins de vie far from " + main +
               " fare rather better than those nearby (correlation of " + r +
               " between change and distance, on a scale from -1 to +1): the periphery is not draining "
               "towards "
               "the main pole.";
    case DrainSignature::Unclear:
        return "Change depends little on the distance to " + main + " (correlation of " + r +
               ", on a scale from -1 to +1): no clear draining of the periphery towards the main pole.";
    case DrainSignature::TooFew:
        return tooFewEn(d);
    case DrainSignature::Unknown:
        break;
    }
    return {};
}

std::string atRiskSentenceEn(const CrunchDiagnostics& d) {
    if (d.atRisk.empty())
        return "No small pole near a large pole is losing professionals.";
    std::vector<std::string> names;
    for (const std::string& code : d.atRisk) {
        const BassinChange& c = changeOfBassin(d, code);
        names.push_back(nameOf(d.findings, code) + " (" + signedPercent(c.changePercent, Language::En) +
                        ", " + formatEn(c.nearestLargePoleKm, 0) + " km from " +
                        nameOf(d.findings, c.nearestLargePole) + ")");
    }
    const bool many = d.atRisk.size() > 1;
    return std::string(many ? "These small poles, near a large pole, are losing"
                            : "This small pole, near a large pole, is losing") +
           " professionals and may be absorbed by " + (many ? "their" : "its") +
           " large neighbour: " + enumerate(names, Language::En) + ".";
}

std::string emptySentenceEn(const CrunchDiagnostics& d) {
    return d.bassins.empty() ? "No bassin de vie is selected."
                             : "No health professional is recorded in " + std::to_string(d.vintageTo) +
                                   " in the bassins de vie studied.";
}

// ---- the paragraph -----------------------------------------------------------------------------

//! The sentences of one language, in the order of the paragraph.
struct Sentences {
    std::string (*empty)(const CrunchDiagnostics&);
    std::string (*poles)(const CrunchDiagnostics&);
    std::string (*regions)(const CrunchDiagnostics&);
    std::vector<std::string> (*primacy)(const CrunchDiagnostics&);
    std::string (*concentration)(const CrunchDiagnostics&);
    std::string (*change)(const CrunchDiagnostics&);
    std::string (*drain)(const CrunchDiagnostics&);
    std::string (*atRisk)(const CrunchDiagnostics&);
};

const Sentences kFrench{emptySentenceFr,         polesSentenceFr,  regionsSentenceFr, primacySentencesFr,
                        concentrationSentenceFr, changeSentenceFr, drainSentenceFr,   atRiskSentenceFr};
const Sentences kEnglish{emptySentenceEn,         polesSentenceEn,  regionsSentenceEn, primacySentencesEn,
                         concentrationSentenceEn, changeSentenceEn, drainSentenceEn,   atRiskSentenceEn};

// Which sentences the findings call for: the choice is the same in every language.
std::vector<std::string> paragraph(const CrunchDiagnostics& d, const Sentences& s) {
    if (d.bassins.empty() || !(d.totalProfessionals > 0))
        return {s.empty(d)};
    std::vector<std::string> out{s.poles(d)};
    if (d.findings.compared)
        out.push_back(s.regions(d));
    if ((poleCountOf(d) >= 2 && d.secondMass > 0) || poleCountOf(d) == 1)
        for (std::string& sentence : s.primacy(d))
            out.push_back(std::move(sentence));
    if (d.bassins.size() >= 2)
        out.push_back(s.concentration(d));
    if (!d.hasEvolution)
        return out;
    out.push_back(s.change(d));
    if (d.findings.drain != DrainSignature::Unknown)
        out.push_back(s.drain(d));
    if (!d.atRisk.empty() || d.polesByType[3] + d.polesByType[4] > 0)
        out.push_back(s.atRisk(d));
    return out;
}

// ---- Brief diagnosis, to read aloud -------------------------------------------------------------

//! "un tiers", "la moitié"...: a share in words when it is close to a simple fraction, else in percent.
std::string shareInWords(double share, Language language) {
    struct Fraction {
        double value;
        const char *fr, *en;
    };
    static const Fraction kFractions[] = {{0.1, "un dixième", "a tenth"},
                                          {0.2, "un cinquième", "a fifth"},
                                          {0.25, "un quart", "a quarter"},
                                          {1.0 / 3, "un tiers", "a third"},
                                          {0.5, "la moitié", "half"},
                                          {2.0 / 3, "les deux tiers", "two thirds"},
                                          {0.75, "les trois quarts", "three quarters"}};
    for (const Fraction& f : kFractions)
        if (std::fabs(share - f.value) < 0.02)
            return language == Language::Fr ? f.fr : f.en;
    return wording::percent(share, 0, language);
}

std::string briefPolesFr(const CrunchDiagnostics& d) {
    const int n = poleCountOf(d);
    if (n == 0)
        return "Le territoire n'a aucun pôle d'offre de soins.";
    return "Le territoire compte " + formatFr(n) + (n > 1 ? " pôles" : " pôle") + " d'offre de soins sur " +
           formatFr(d.bassins.size()) + " bassins de vie.";
}

std::string briefPolesEn(const CrunchDiagnostics& d) {
    const int n = poleCountOf(d);
    if (n == 0)
        return "The area has no healthcare pole.";
    return "The area has " + formatEn(n) + (n > 1 ? " healthcare poles" : " healthcare pole") + " among " +
           formatEn(d.bassins.size()) + " bassins de vie.";
}

std::string briefFirstFr(const CrunchDiagnostics& d) {
    return "Le premier pôle, " + nameOf(d.findings, d.firstPole) + ", concentre " +
           shareInWords(d.firstPoleShare, Language::Fr) + " des professionnels.";
}

std::string briefFirstEn(const CrunchDiagnostics& d) {
    return "The first pole, " + nameOf(d.findings, d.firstPole) + ", holds " +
           shareInWords(d.firstPoleShare, Language::En) + " of the professionals.";
}

//! "2,5 fois plus que" / "2.5 times as much as": the primacy as the analysts' table shows it (one decimal,
//! none from 10 on, a whole number without ",0"), "autant que" when that reads 1. Rounded to a whole
//! number, a primacy of 2.5 was read aloud as "3 fois plus" beside a table saying 2,5, and one of 1.2 as
//! "1 fois plus".
std::string timesAsMuch(double primacy, Language language) {
    const double steps = primacy < 10 ? 10 : 1; // tenths, or units
    const double shown = std::round(primacy * steps) / steps;
    if (shown <= 1)
        return language == Language::Fr ? "autant que" : "as much as";
    const int kept = shown == std::round(shown) ? 0 : 1;
    return language == Language::Fr ? formatFr(shown, kept) + " fois plus que"
                                    : formatEn(shown, kept) + " times as much as";
}

std::string briefPrimacyFr(const CrunchDiagnostics& d) {
    return nameOf(d.findings, d.firstPole) + " pèse " + timesAsMuch(d.primacy, Language::Fr) + " " +
           nameOf(d.findings, d.secondPole) + ", le deuxième pôle" +
           (d.macrocephalic ? " : une seule ville domine l'offre de soins." : ".");
}

std::string briefPrimacyEn(const CrunchDiagnostics& d) {
    return nameOf(d.findings, d.firstPole) + " weighs " + timesAsMuch(d.primacy, Language::En) + " " +
           nameOf(d.findings, d.secondPole) + ", the second pole" +
           (d.macrocephalic ? ": one city dominates healthcare." : ".");
}

//! "gagné 4 %" / "perdu 3 %": a change in percent, in words.
std::string gainedOrLost(double percent, Language language) {
    const std::string n = wording::number(std::fabs(percent), 0, language);
    if (language == Language::Fr)
        return (percent < 0 ? "perdu " : "gagné ") + n + kNbsp + "%";
    return (percent < 0 ? "lost " : "gained ") + n + "%";
}

std::string briefChangeFr(const CrunchDiagnostics& d) {
    const std::string period = "De " + std::to_string(d.vintageFrom) + " à " + std::to_string(d.vintageTo);
    const bool anyPole = poleCountOf(d) > 0, anyOther = d.polesByType[0] > 0;
    if (anyPole && anyOther)
        return period + ", les pôles ont " + gainedOrLost(d.poleChangePercent, Language::Fr) +
               " de professionnels, les autres bassins en ont " +
               gainedOrLost(d.nonPoleChangePercent, Language::Fr) + ".";
    return period + ", le territoire a " +
           gainedOrLost(anyPole ? d.poleChangePercent : d.nonPoleChangePercent, Language::Fr) +
           " de professionnels.";
}

std::string briefChangeEn(const CrunchDiagnostics& d) {
    const std::string period = "From " + std::to_string(d.vintageFrom) + " to " + std::to_string(d.vintageTo);
    const bool anyPole = poleCountOf(d) > 0, anyOther = d.polesByType[0] > 0;
    if (anyPole && anyOther)
        return period + ", the poles " + gainedOrLost(d.poleChangePercent, Language::En) +
               " of their professionals, the other bassins " +
               gainedOrLost(d.nonPoleChangePercent, Language::En) + ".";
    return period + ", the area " +
           gainedOrLost(anyPole ? d.poleChangePercent : d.nonPoleChangePercent, Language::En) +
           " of its professionals.";
}

std::string briefDrainFr(const CrunchDiagnostics& d) {
    const std::string main = nameOf(d.findings, d.mainPole);
    switch (d.findings.drain) {
    case DrainSignature::Visible:
        return "Plus un bassin est loin de " + main +
               ", plus il perd de professionnels : la périphérie se vide.";
    case DrainSignature::Absent:
        return "Les bassins éloignés de " + main +
               " ne perdent pas plus que les proches : la périphérie ne se vide pas.";
    case DrainSignature::Unclear:
        return "La distance à " + main + " ne dit pas clairement qui perd des professionnels.";
    case DrainSignature::TooFew:
        return "Trop peu de bassins pour conclure sur une vidange de la périphérie.";
    case DrainSignature::Unknown:
        break;
    }
    return {};
}

std::string briefDrainEn(const CrunchDiagnostics& d) {
    const std::string main = nameOf(d.findings, d.mainPole);
    switch (d.findings.drain) {
    case DrainSignature::Visible:
        return "The farther a bassin lies from " + main +
               ", the more professionals it loses: the periphery is draining.";
    case DrainSignature::Absent:
        return "Bassins far from " + main + " lose no more than those nearby: the periphery is not draining.";
    case DrainSignature::Unclear:
        return "Distance to " + main + " does not clearly tell who loses professionals.";
    case DrainSignature::TooFew:
        return "Too few bassins to conclude on a draining of the periphery.";
    case DrainSignature::Unknown:
        break;
    }
    return {};
}

std::string briefAtRiskFr(const CrunchDiagnostics& d) {
    std::vector<std::string> names;
    for (const std::string& code : d.atRisk)
        names.push_back(nameOf(d.findings, code));
    const bool many = names.size() > 1;
    return std::string(many ? "Petits pôles" : "Petit pôle") + " qui " + (many ? "perdent" : "perd") +
           " des professionnels près d'un grand pôle, à surveiller : " + enumerate(names, Language::Fr) + ".";
}

std::string briefAtRiskEn(const CrunchDiagnostics& d) {
    std::vector<std::string> names;
    for (const std::string& code : d.atRisk)
        names.push_back(nameOf(d.findings, code));
    const bool many = names.size() > 1;
    return std::string(many ? "Small poles" : "Small pole") +
           " losing professionals near a large one, to watch: " + enumerate(names, Language::En) + ".";
}

struct Brief {
    std::string (*empty)(const CrunchDiagnostics&);
    std::string (*poles)(const CrunchDiagnostics&);
    std::string (*first)(const CrunchDiagnostics&);
    std::string (*primacy)(const CrunchDiagnostics&);
    std::string (*change)(const CrunchDiagnostics&);
    std::string (*drain)(const CrunchDiagnostics&);
    std::string (*atRisk)(const CrunchDiagnostics&);
};

const Brief kBriefFr{emptySentenceFr, briefPolesFr, briefFirstFr, briefPrimacyFr,
                     briefChangeFr,   briefDrainFr, briefAtRiskFr};
const Brief kBriefEn{emptySentenceEn, briefPolesEn, briefFirstEn, briefPrimacyEn,
                     briefChangeEn,   briefDrainEn, briefAtRiskEn};

// The choice of findings is the same in every language; at most six sentences.
std::vector<std::string> brief(const CrunchDiagnostics& d, const Brief& s) {
    if (d.bassins.empty() || !(d.totalProfessionals > 0))
        return {s.empty(d)};
    std::vector<std::string> out{s.poles(d)};
    if (poleCountOf(d) >= 1 && !d.firstPole.empty())
        out.push_back(s.first(d));
    if (poleCountOf(d) >= 2 && d.secondMass > 0)
        out.push_back(s.primacy(d));
    if (d.hasEvolution) {
        out.push_back(s.change(d));
        if (d.findings.drain != DrainSignature::Unknown)
            out.push_back(s.drain(d));
        if (!d.atRisk.empty())
            out.push_back(s.atRisk(d));
    }
    return out;
}

} // namespace

std::vector<std::string> describeCrunchBriefly(const CrunchDiagnostics& diagnostics, Language language) {
    return brief(diagnostics, language == Language::Fr ? kBriefFr : kBriefEn);
}

std::string describeCrunch(const CrunchDiagnostics& diagnostics, Language language) {
    return text::join(paragraph(diagnostics, language == Language::Fr ? kFrench : kEnglish), " ");
}

std::vector<EarlyWarning> earlyWarnings(const CrunchDiagnostics& diagnostics) {
    std::vector<EarlyWarning> out;
    for (const std::string& code : diagnostics.atRisk) {
        const BassinChange& c = changeOfBassin(diagnostics, code);
        EarlyWarning w;
        w.bv = code;
        w.name = nameOf(diagnostics.findings, code);
        w.type = c.type;
        w.before = c.before;
        w.after = c.after;
        w.changePercent = c.changePercent;
        w.largePole = c.nearestLargePole;
        w.largePoleName = nameOf(diagnostics.findings, c.nearestLargePole);
        w.distanceKm = c.nearestLargePoleKm;
        out.push_back(std::move(w));
    }
    return out;
}

std::string describeEarlyWarning(const EarlyWarning& warning, Language language) {
    return word(
        msg("analysis.crunch.early_warning",
            {arg::text("pole", warning.name), arg::percent("percent", -warning.changePercent / 100.0, 1),
             arg::number("km", std::round(warning.distanceKm), 0),
             arg::text("large", warning.largePoleName)}),
        language);
}

} // namespace maillage::analysis
