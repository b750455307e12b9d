#include "core/analysis/retirement.h"

#include <cctype>
#include <cmath>

namespace maillage::analysis {

namespace {

double per10k(double count, double population) {
    return population > 0 ? count / population * 10000.0 : 0.0;
}

} // namespace

RetirementProjection projectRetirement(const Profile& profile, double retirementAge) {
    RetirementProjection r;
    r.retirementAge = retirementAge;
    r.count = profile.count;
    r.unknownAge = profile.ageBands[static_cast<std::size_t>(AgeBand::Unknown)];
    r.per10kNow = per10k(profile.count, profile.population);
    for (std::size_t h = 0; h < kRetirementHorizons.size(); ++h) {
        RetirementProjection::Horizon& horizon = r.horizons[h];
        horizon.year = profile.vintage + kRetirementHorizons[h];
        for (const auto& [age, weight] : profile.byAge)
            if (age + kRetirementHorizons[h] >= retirementAge)
                horizon.leaving += weight;
        horizon.per10k = per10k(profile.count - horizon.leaving, profile.population);
        // Today's density with today's population: as many as leave (a share of a person is one more).
        horizon.toInstall = static_cast<long long>(std::ceil(horizon.leaving - 1e-9));
    }
    return r;
}

RetirementMask maskRetirement(const RetirementProjection& r, const SecrecyRule& rule) {
    RetirementMask m;
    m.count = isSecret(r.count, rule);
    for (std::size_t h = 0; h < r.horizons.size(); ++h) {
        // Today's count is published with its profile: leavers + stayers = count, two parts of a total.
        CountGrid grid;
        const int total = grid.add(r.count, CountGrid::Visibility::Published);
        const int leaving = grid.add(r.horizons[h].leaving);
        const int staying = grid.add(r.count - r.horizons[h].leaving);
        grid.relate(total, {leaving, staying});
        const std::vector<bool> masked = grid.solve(rule);
        m.leaving[h] = masked[static_cast<std::size_t>(leaving)] || m.count;
        m.per10k[h] = isDerivedMasked({masked[static_cast<std::size_t>(staying)], m.leaving[h]});
    }
    return m;
}

namespace {

bool isStopWordFr(const std::string& word) {
    return word == "de" || word == "du" || word == "des" || word == "en" || word.rfind("d'", 0) == 0;
}

std::string pluralWordFr(const std::string& word) {
    std::string out, part;
    for (char ch : word + "-") { // each part of a hyphenated noun agrees: sages-femmes
        if (ch != '-') {
            part += ch;
            continue;
        }
        const char last = part.empty() ? 's' : part.back();
        out += (out.empty() ? "" : "-") + part + (last == 's' || last == 'x' || last == 'z' ? "" : "s");
        part.clear();
    }
    return out;
}

std::string pluralWordEn(const std::string& word) {
    const std::size_t n = word.size();
    if (n >= 2 && word.compare(n - 2, 2, "fe") == 0)
        return word.substr(0, n - 2) + "ves";
    if (n >= 2 && word.back() == 'y' && std::string("aeiou").find(word[n - 2]) == std::string::npos)
        return word.substr(0, n - 1) + "ies";
    if (n >= 1 && (word.back() == 's' || word.back() == 'x' || (n >= 2 && word.compare(n - 2, 2, "ch") == 0)))
        return word + "es";
    return word + "s";
}

//! Labels start with a capital in the catalogue; inside a sentence they do not (ASCII initials only: the
//! catalogue's labels have no accented initial).
std::string lowerFirst(std::string text) {
    if (!text.empty() && std::isupper(static_cast<unsigned char>(text[0])))
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out(1);
    for (char ch : text) {
        if (ch == ' ')
            out.emplace_back();
        else
            out.back() += ch;
    }
    return out;
}

} // namespace

std::string pluralLabel(const std::string& label, Language language) {
    std::vector<std::string> parts = words(label);
    if (language == Language::Fr) {
        // The noun and its adjectives agree up to the complement: "techniciens de laboratoire médical".
        for (std::size_t i = 0; i < parts.size() && !isStopWordFr(parts[i]); ++i)
            parts[i] = pluralWordFr(parts[i]);
    } else {
        std::size_t noun = parts.size() - 1; // the head noun: last, or before "of"
        for (std::size_t i = 1; i < parts.size(); ++i)
            if (parts[i] == "of") {
                noun = i - 1;
                break;
            }
        parts[noun] = pluralWordEn(parts[noun]);
    }
    std::string out;
    for (const std::string& p : parts)
        out += (out.empty() ? "" : " ") + p;
    return lowerFirst(out);
}

Message retirementSentence(const RetirementProjection& r, std::size_t h, const std::string& label,
                           Language language) {
    const RetirementProjection::Horizon& horizon = r.horizons[h];
    if (horizon.toInstall == 0)
        return msg("analysis.retirement.none", {arg::text("year", std::to_string(horizon.year))});
    // Singular for 1 only, in French as in English ("1 médecin généraliste", "2 médecins généralistes").
    const bool one = horizon.toInstall == 1;
    const std::string profession =
        label.empty()
            ? word(msg(one ? "analysis.retirement.professional" : "analysis.retirement.professionals"),
                   language)
        : one ? lowerFirst(label)
              : pluralLabel(label, language);
    return msg("analysis.retirement.install",
               {arg::integer("n", horizon.toInstall), arg::text("year", std::to_string(horizon.year)),
                arg::text("profession", profession)});
}

} // namespace maillage::analysis
