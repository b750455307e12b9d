// The margins of a BV to the thresholds of the typology, in French and in English: words only, every
// figure comes from marginsOf (margins.cpp).
#include "core/analysis/margins.h"

#include <cctype>

namespace maillage::analysis {

namespace {

//! "pôle intermédiaire" / "intermediate pole": the label inside a sentence.
std::string typeInSentence(PoleType type, Language language) {
    std::string label = language == Language::Fr ? poleTypeLabelFr(type) : poleTypeLabelEn(type);
    if (!label.empty())
        label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    return label;
}

//! "des grands pôles" / "of large poles": whose threshold.
std::string typesPlural(PoleType type, Language language) {
    const bool fr = language == Language::Fr;
    switch (type) {
    case PoleType::GrandeMetropole:
        return fr ? "pôles de grande métropole" : "metropolitan poles";
    case PoleType::GrandPole:
        return fr ? "grands pôles" : "large poles";
    case PoleType::Intermediaire:
        return fr ? "pôles intermédiaires" : "intermediate poles";
    case PoleType::Secondaire:
        return fr ? "pôles secondaires" : "secondary poles";
    case PoleType::HorsPole:
        break;
    }
    return {};
}

long long whole(double v) {
    return static_cast<long long>(v);
}

//! What is missing for `type` by condition `m` (nothing when met or unreachable).
void missing(const Margin& m, PoleType type, const PoleThresholds& t, Language language,
             std::vector<std::string>& out) {
    if (m.met || !m.reachable)
        return;
    const auto n = arg::integer("n", whole(m.needed));
    const auto target = arg::text("type", typeInSentence(type, language));
    switch (m.kind) {
    case MarginKind::IntermediatePoleShare:
        out.push_back(
            word(msg("analysis.margin.missing_pole", {n, target, arg::percent("share", t.poleShareMin, -1)}),
                 language));
        return;
    case MarginKind::IntermediatePsyShare:
        out.push_back(
            word(msg("analysis.margin.excess_psy", {n, target, arg::percent("share", t.psyShareMax, -1)}),
                 language));
        return;
    case MarginKind::SecondaryExPsy:
        out.push_back(word(msg("analysis.margin.missing_expsy", {n, target}), language));
        return;
    default:
        out.push_back(word(msg("analysis.margin.missing_total", {n, target}), language));
    }
}

//! How far a BV short of `type` by its total alone stands from that threshold.
void distanceUp(const Margin& m, PoleType type, Language language, std::vector<std::string>& out) {
    if (!m.met)
        out.push_back(
            word(msg("analysis.margin.distance_up",
                     {arg::integer("n", whole(m.needed)), arg::text("types", typesPlural(type, language))}),
                 language));
}

//! How many professionals the BV can lose and keep its type by condition `m`.
void spare(const Margin& m, PoleType type, const PoleThresholds& t, Language language,
           std::vector<std::string>& out) {
    if (!m.met)
        return;
    const auto n = arg::integer("n", whole(m.spare));
    const auto types = arg::text("types", typesPlural(type, language));
    switch (m.kind) {
    case MarginKind::IntermediatePoleShare:
        out.push_back(word(msg("analysis.margin.spare_pole", {n, arg::percent("share", t.poleShareMin, -1)}),
                           language));
        return;
    case MarginKind::IntermediatePsyShare:
        out.push_back(
            word(msg("analysis.margin.spare_psy", {n, arg::percent("share", t.psyShareMax, -1)}), language));
        return;
    case MarginKind::SecondaryExPsy:
        out.push_back(word(msg("analysis.margin.spare_expsy", {n, types}), language));
        return;
    default:
        out.push_back(word(msg("analysis.margin.spare_total", {n, types}), language));
    }
}

//! The phrases for the BV's type: the type above first, then the BV's own threshold(s).
std::vector<std::string> phrases(const BassinMargins& b, Language language) {
    std::vector<std::string> out;
    const PoleThresholds& t = b.thresholds;
    switch (b.type) {
    case PoleType::GrandeMetropole:
        spare(b.of(MarginKind::MetropoleTotal), PoleType::GrandeMetropole, t, language, out);
        break;
    case PoleType::GrandPole:
        distanceUp(b.of(MarginKind::MetropoleTotal), PoleType::GrandeMetropole, language, out);
        spare(b.of(MarginKind::GrandPoleTotal), PoleType::GrandPole, t, language, out);
        break;
    case PoleType::Intermediaire:
        distanceUp(b.of(MarginKind::GrandPoleTotal), PoleType::GrandPole, language, out);
        for (MarginKind k : {MarginKind::IntermediateTotal, MarginKind::IntermediatePoleShare,
                             MarginKind::IntermediatePsyShare})
            spare(b.of(k), PoleType::Intermediaire, t, language, out);
        break;
    case PoleType::Secondaire:
        for (MarginKind k : {MarginKind::IntermediateTotal, MarginKind::IntermediatePoleShare,
                             MarginKind::IntermediatePsyShare})
            missing(b.of(k), PoleType::Intermediaire, t, language, out);
        if (b.of(MarginKind::IntermediateTotal).met)
            distanceUp(b.of(MarginKind::GrandPoleTotal), PoleType::GrandPole, language, out);
        spare(b.of(MarginKind::SecondaryExPsy), PoleType::Secondaire, t, language, out);
        break;
    case PoleType::HorsPole:
        missing(b.of(MarginKind::SecondaryExPsy), PoleType::Secondaire, t, language, out);
        break;
    }
    return out;
}

} // namespace

std::string describeMargins(const BassinMargins& margins, Language language) {
    const bool fr = language == Language::Fr;
    const std::string separator = fr ? std::string(wording::kNbsp) + "; " : "; ";
    std::string out = (fr ? poleTypeLabelFr(margins.type) : poleTypeLabelEn(margins.type)) +
                      (fr ? std::string(wording::kNbsp) + ": " : ": ");
    const std::vector<std::string> parts = phrases(margins, language);
    for (std::size_t p = 0; p < parts.size(); ++p)
        out += (p ? separator : std::string()) + parts[p];
    return out + ".";
}

std::string describeSensitivityStep(const Sensitivity& sensitivity, std::size_t step, Language language) {
    const SensitivityStep& s = sensitivity.steps.at(step);
    const auto key = arg::code("key", sensitivity.key);
    const auto value = arg::number("value", s.value);
    if (s.changes.empty())
        return word(msg("analysis.sensitivity.step_none", {key, value}), language);
    std::vector<std::string> changes;
    for (const MarginTypeChange& c : s.changes)
        changes.push_back(
            word(msg("analysis.sensitivity.change",
                     {arg::code("bv", c.bv), arg::text("from", typeInSentence(c.from, language)),
                      arg::text("to", typeInSentence(c.to, language))}),
                 language));
    // The changes are worded one by one and joined here: an argument is shown verbatim, not re-worded.
    std::string out = word(msg("analysis.sensitivity.step",
                               {key, value, arg::integer("n", static_cast<long long>(changes.size()))}),
                           language) +
                      " (";
    for (std::size_t c = 0; c < changes.size(); ++c)
        out += (c ? ", " : "") + changes[c];
    return out + ").";
}

} // namespace maillage::analysis
