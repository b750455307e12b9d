#include "core/analysis/profile.h"

#include "core/analysis/density.h"
#include "core/analysis/register_counts.h"
#include "core/model/error.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace maillage::analysis {

AgeBand ageBandOf(int age) {
    if (age < 0)
        return AgeBand::Unknown;
    if (age < 40)
        return AgeBand::Under40;
    if (age < 50)
        return AgeBand::From40To49;
    if (age < 55)
        return AgeBand::From50To54;
    if (age < 60)
        return AgeBand::From55To59;
    return age < 65 ? AgeBand::From60To64 : AgeBand::From65;
}

std::string territoryLevelName(TerritoryLevel level) {
    switch (level) {
    case TerritoryLevel::Commune:
        return "commune";
    case TerritoryLevel::Bassin:
        return "bv";
    case TerritoryLevel::Departement:
        return "departement";
    case TerritoryLevel::Region:
        return "region";
    case TerritoryLevel::Communes:
        return "communes";
    case TerritoryLevel::Dataset:
        break;
    }
    return "dataset";
}

namespace {

[[noreturn]] void unknownTerritory(TerritoryLevel level, const std::string& code) {
    throw Error(ErrorKind::Value, {},
                msg("analysis.profile.unknown_territory",
                    {arg::text("level", territoryLevelName(level)), arg::code("code", code)}));
}

std::vector<std::string> splitCodes(const std::string& list) {
    std::vector<std::string> codes;
    std::string current;
    for (char ch : list + ",") {
        if (ch != ',') {
            current += ch;
        } else if (!current.empty()) {
            codes.push_back(current);
            current.clear();
        }
    }
    return codes;
}

//! The communes of the list, checked against the dataset (an unknown code is a typo, never a zero).
Territory communeList(const model::Dataset& ds, const std::string& list) {
    Territory t;
    t.level = TerritoryLevel::Communes;
    t.code = list;
    for (const std::string& code : splitCodes(list)) {
        const model::Commune* c = ds.commune(code);
        if (!c)
            throw Error(ErrorKind::Value, {}, msg("analysis.unknown_commune", {arg::code("commune", code)}));
        t.communes.push_back(c->code);
        t.name += (t.name.empty() ? "" : ", ") + c->name;
    }
    if (t.communes.empty())
        unknownTerritory(TerritoryLevel::Communes, list);
    return t;
}

std::string nameIn(const std::map<std::string, std::string>& names, const std::string& code) {
    const auto it = names.find(code);
    return it != names.end() ? it->second : code;
}

//! The code of `commune` at `level`.
const std::string& codeAt(const model::Commune& commune, TerritoryLevel level) {
    return level == TerritoryLevel::Bassin        ? commune.bv
           : level == TerritoryLevel::Departement ? commune.dep
           : level == TerritoryLevel::Region      ? commune.reg
                                                  : commune.code;
}

std::string territoryName(const model::Dataset& ds, TerritoryLevel level, const std::string& code) {
    switch (level) {
    case TerritoryLevel::Bassin: {
        const model::Bassin* b = ds.bassin(code);
        return b ? b->name : code;
    }
    case TerritoryLevel::Departement:
        return nameIn(ds.departementNames, code);
    case TerritoryLevel::Region:
        return nameIn(ds.regionNames, code);
    default:
        return code;
    }
}

} // namespace

Territory territoryOf(const model::Dataset& ds, TerritoryLevel level, const std::string& code) {
    if (level == TerritoryLevel::Communes)
        return communeList(ds, code);
    Territory t;
    t.level = level;
    t.code = level == TerritoryLevel::Dataset ? std::string() : code;
    for (const model::Commune& c : ds.communes)
        if (level == TerritoryLevel::Dataset || codeAt(c, level) == code) {
            t.communes.push_back(c.code);
            if (level == TerritoryLevel::Commune)
                t.name = c.name;
        }
    if (t.communes.empty())
        unknownTerritory(level, code);
    if (level == TerritoryLevel::Dataset)
        t.name = ds.meta.title;
    else if (level != TerritoryLevel::Commune)
        t.name = territoryName(ds, level, code);
    return t;
}

Territory parseTerritory(const model::Dataset& ds, const std::string& spec) {
    if (spec == "dataset")
        return territoryOf(ds, TerritoryLevel::Dataset, {});
    const auto colon = spec.find(':');
    const std::string kind = spec.substr(0, colon == std::string::npos ? 0 : colon);
    const std::string code = colon == std::string::npos ? std::string() : spec.substr(colon + 1);
    const std::pair<const char*, TerritoryLevel> kinds[] = {{"commune", TerritoryLevel::Commune},
                                                            {"bv", TerritoryLevel::Bassin},
                                                            {"departement", TerritoryLevel::Departement},
                                                            {"region", TerritoryLevel::Region},
                                                            {"communes", TerritoryLevel::Communes}};
    for (const auto& [name, level] : kinds)
        if (kind == name && !code.empty())
            return territoryOf(ds, level, code);
    throw Error(ErrorKind::Value, {}, msg("analysis.profile.bad_territory", {arg::code("spec", spec)}));
}

std::vector<Territory> referencesOf(const model::Dataset& ds, const Territory& territory) {
    std::vector<Territory> refs;
    const TerritoryLevel levels[] = {TerritoryLevel::Bassin, TerritoryLevel::Departement,
                                     TerritoryLevel::Region};
    for (TerritoryLevel level : levels) {
        if (level == territory.level || territory.level == TerritoryLevel::Dataset)
            continue;
        // A commune's BV is a reference; a département's BV is not (it is not inside one).
        if (territory.level == TerritoryLevel::Region ||
            (territory.level == TerritoryLevel::Departement && level != TerritoryLevel::Region))
            continue;
        std::string shared;
        bool same = true;
        for (const std::string& code : territory.communes) {
            const model::Commune* c = ds.commune(code);
            const std::string& at = c ? codeAt(*c, level) : std::string();
            same = same && !at.empty() && (shared.empty() || shared == at);
            shared = at;
        }
        if (same && !shared.empty())
            refs.push_back(territoryOf(ds, level, shared));
    }
    if (territory.level != TerritoryLevel::Dataset) // the whole dataset is no reference of itself
        refs.push_back(territoryOf(ds, TerritoryLevel::Dataset, {}));
    return refs;
}

std::vector<Profile> profilesWithReferences(const model::Dataset& ds, const model::ProfessionalRegister& reg,
                                            const Territory& territory,
                                            const std::vector<std::string>& professions) {
    std::vector<Territory> all{territory};
    const std::vector<Territory> refs = referencesOf(ds, territory);
    all.insert(all.end(), refs.begin(), refs.end());
    std::vector<Profile> out;
    for (const std::string& profession : professions) {
        std::vector<Profile> p = computeProfiles(ds, reg, all, profession);
        out.insert(out.end(), std::make_move_iterator(p.begin()), std::make_move_iterator(p.end()));
    }
    return out;
}

std::vector<std::string> registerProfessions(const model::Dataset& ds,
                                             const model::ProfessionalRegister& reg) {
    std::vector<bool> present(ds.catalogue.professions().size(), false);
    for (const model::RegisteredProfessional& p : reg.professionals)
        if (const int i = ds.catalogue.indexOf(p.profession); i >= 0)
            present[static_cast<std::size_t>(i)] = true;
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < present.size(); ++i)
        if (present[i])
            codes.push_back(ds.catalogue.professions()[i].code);
    return codes;
}

double Profile::medianAge() const {
    const double known = knownAge();
    if (known <= 0)
        return -1;
    // The weighted median: the age at which the cumulated weight reaches half; midway between two ages
    // when it is exactly half (as the median of an even number of people).
    double cumulated = 0;
    for (auto it = byAge.begin(); it != byAge.end(); ++it) {
        cumulated += it->second;
        if (cumulated > known / 2 + 1e-9)
            return it->first;
        if (cumulated >= known / 2 - 1e-9) {
            const auto next = std::next(it);
            return next == byAge.end() ? it->first : (it->first + next->first) / 2.0;
        }
    }
    return byAge.empty() ? -1 : byAge.rbegin()->first;
}

namespace {

//! The mode d'exercice of a professional over their sites: mixte when both (or a site says mixte).
std::size_t modeOf(const model::RegisteredProfessional& p) {
    bool liberal = false, salaried = false;
    for (const model::PracticeSite& s : p.sites) {
        liberal = liberal || s.mode == model::PracticeMode::Liberal || s.mode == model::PracticeMode::Mixed;
        salaried =
            salaried || s.mode == model::PracticeMode::Salaried || s.mode == model::PracticeMode::Mixed;
    }
    return liberal && salaried ? 2 : liberal ? 0 : salaried ? 1 : 3;
}

std::size_t sectorOf(model::Sector s) {
    switch (s) {
    case model::Sector::Sector1:
        return 0;
    case model::Sector::Sector2:
        return 1;
    case model::Sector::Optam:
        return 2;
    case model::Sector::NotConventioned:
        return 3;
    case model::Sector::Unknown:
        break;
    }
    return 4;
}

//! Adds `weight` of professional `p` (and `fte` of their sites there) to `profile`.
void accumulate(Profile& profile, const model::RegisteredProfessional& p, double weight, double fte) {
    const int age = p.birthYear > 0 ? profile.vintage - p.birthYear : -1;
    const AgeBand band = ageBandOf(age);
    profile.count += weight;
    profile.ageBands[static_cast<std::size_t>(band)] += weight;
    if (band != AgeBand::Unknown) {
        profile.byAge[age] += weight;
        profile.aged55 += age >= 55 ? weight : 0;
        profile.aged60 += age >= 60 ? weight : 0;
    }
    (p.sex == model::Sex::Female ? profile.women
     : p.sex == model::Sex::Male ? profile.men
                                 : profile.sexUnknown) += weight;
    profile.sectors[sectorOf(p.sector)] += weight;
    profile.modes[modeOf(p)] += weight;
    profile.fte += fte;
}

} // namespace

std::vector<Profile> computeProfiles(const model::Dataset& ds, const model::ProfessionalRegister& reg,
                                     const std::vector<Territory>& territories,
                                     const std::string& profession) {
    const std::string code = canonicalProfession(ds, profession);
    std::vector<Profile> profiles(territories.size());
    // Commune code -> the territories holding it (a commune may be in several: a BV and its département).
    std::unordered_map<std::string, std::vector<std::size_t>> holders;
    for (std::size_t t = 0; t < territories.size(); ++t) {
        Profile& p = profiles[t];
        p.territory = territories[t];
        p.profession = code;
        p.vintage = reg.vintage;
        for (const std::string& c : territories[t].communes) {
            holders[c].push_back(t);
            if (const model::Commune* commune = ds.commune(c))
                p.population += commune->population;
        }
    }
    // Per person, the territories their sites are in, with weight and FTE: a few entries, kept in a
    // reused vector (a node-based map per person costs more than the whole profile).
    struct Share {
        std::size_t territory;
        double weight, fte;
    };
    std::vector<Share> here;
    for (const model::RegisteredProfessional& person : reg.professionals) {
        if (person.profession.empty() || (!code.empty() && person.profession != code))
            continue;
        const std::vector<double> weights = siteWeights(person, reg.rule);
        here.clear();
        for (std::size_t s = 0; s < person.sites.size(); ++s) {
            const auto it = holders.find(person.sites[s].commune);
            if (it == holders.end())
                continue;
            for (std::size_t t : it->second) {
                auto same =
                    std::find_if(here.begin(), here.end(), [&](const Share& h) { return h.territory == t; });
                if (same == here.end())
                    same = here.insert(here.end(), Share{t, 0.0, 0.0});
                same->weight += weights[s];
                same->fte += person.sites[s].fte;
            }
        }
        for (const Share& h : here)
            if (h.weight > 0)
                accumulate(profiles[h.territory], person, h.weight, h.fte);
    }
    return profiles;
}

namespace {

//! The additive counts of a profile, flattened: the total, the age bands, 55+ and 60+, the sexes, the
//! secteurs and the modes (every figure of a ProfileMask but the shares, the median and the FTEs).
constexpr std::size_t kBandsAt = 1, kAged55At = kBandsAt + kAgeBandCount, kAged60At = kAged55At + 1,
                      kSexesAt = kAged60At + 1, kSectorsAt = kSexesAt + 3,
                      kModesAt = kSectorsAt + kSectorCount, kCountFields = kModesAt + kModeCount;
using ProfileCounts = std::array<double, kCountFields>;
using ProfileCells = std::array<int, kCountFields>;

ProfileCounts countsOf(const Profile& p) {
    ProfileCounts c{};
    c[0] = p.count;
    std::copy(p.ageBands.begin(), p.ageBands.end(), c.begin() + kBandsAt);
    c[kAged55At] = p.aged55;
    c[kAged60At] = p.aged60;
    c[kSexesAt] = p.women;
    c[kSexesAt + 1] = p.men;
    c[kSexesAt + 2] = p.sexUnknown;
    std::copy(p.sectors.begin(), p.sectors.end(), c.begin() + kSectorsAt);
    std::copy(p.modes.begin(), p.modes.end(), c.begin() + kModesAt);
    return c;
}

//! Adds the counts of one profile (or of the difference of two) to `grid` with the relations between
//! them: the total is the sum of each breakdown, 55+ and 60+ the sums of their bands.
ProfileCells addProfileCells(CountGrid& grid, const ProfileCounts& counts, CountGrid::Visibility visibility) {
    ProfileCells at{};
    for (std::size_t i = 0; i < kCountFields; ++i)
        at[i] = grid.add(counts[i], visibility);
    const auto range = [&](std::size_t from, std::size_t n) {
        return std::vector<int>(at.begin() + static_cast<std::ptrdiff_t>(from),
                                at.begin() + static_cast<std::ptrdiff_t>(from + n));
    };
    grid.relate(at[0], range(kBandsAt, kAgeBandCount));
    const std::size_t from55 = kBandsAt + static_cast<std::size_t>(AgeBand::From55To59);
    grid.relate(at[kAged55At], range(from55, 3));
    grid.relate(at[kAged60At], range(from55 + 1, 2));
    grid.relate(at[0], range(kSexesAt, 3));
    grid.relate(at[0], range(kSectorsAt, kSectorCount));
    grid.relate(at[0], range(kModesAt, kModeCount));
    return at;
}

} // namespace

bool isNestedTerritory(const Territory& inner, const Territory& outer) {
    if (inner.communes.size() >= outer.communes.size())
        return false;
    if (outer.level == TerritoryLevel::Dataset) // every commune of the dataset
        return true;
    const std::unordered_set<std::string> all(outer.communes.begin(), outer.communes.end());
    return std::all_of(inner.communes.begin(), inner.communes.end(),
                       [&](const std::string& c) { return all.count(c) > 0; });
}

std::vector<std::pair<std::size_t, std::size_t>> nestedProfiles(const std::vector<Profile>& profiles) {
    // Profiles repeat their territories profession by profession: each pair of territories is compared
    // once (a dataset holds every commune).
    std::map<std::pair<std::string, std::string>, bool> nested;
    const auto keyOf = [](const Territory& t) { return territoryLevelName(t.level) + ":" + t.code; };
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < profiles.size(); ++i)
        for (std::size_t j = 0; j < profiles.size(); ++j) {
            const Profile &inner = profiles[i], &outer = profiles[j];
            if (i == j || inner.profession != outer.profession || inner.vintage != outer.vintage)
                continue;
            const auto key = std::make_pair(keyOf(inner.territory), keyOf(outer.territory));
            auto it = nested.find(key);
            if (it == nested.end())
                it = nested.emplace(key, isNestedTerritory(inner.territory, outer.territory)).first;
            if (it->second)
                pairs.emplace_back(i, j);
        }
    return pairs;
}

namespace {

//! Adds the hidden difference `outer` − `inner` (the rest of the outer territory) and ties it to both.
void relateRest(CountGrid& grid, const Profile& inner, const ProfileCells& innerAt, const Profile& outer,
                const ProfileCells& outerAt) {
    ProfileCounts rest = countsOf(outer);
    const ProfileCounts in = countsOf(inner);
    for (std::size_t i = 0; i < kCountFields; ++i)
        rest[i] = std::max(0.0, rest[i] - in[i]);
    const ProfileCells restAt = addProfileCells(grid, rest, CountGrid::Visibility::Hidden);
    for (std::size_t i = 0; i < kCountFields; ++i)
        grid.relate(outerAt[i], {innerAt[i], restAt[i]});
}

ProfileMask maskOf(const Profile& p, const std::vector<bool>& masked, const ProfileCells& at,
                   const SecrecyRule& rule) {
    const auto is = [&](std::size_t field) { return bool(masked[static_cast<std::size_t>(at[field])]); };
    ProfileMask m;
    m.count = is(0);
    for (std::size_t b = 0; b < kAgeBandCount; ++b)
        m.ageBands[b] = is(kBandsAt + b);
    m.aged55 = is(kAged55At);
    m.aged60 = is(kAged60At);
    // A share or a median over 1 to 4 known ages speaks of those few people, whatever the total.
    const bool unknownAge = m.ageBands[static_cast<std::size_t>(AgeBand::Unknown)];
    const bool fewAges = isSecret(p.knownAge(), rule);
    m.share55 = isDerivedMasked({m.aged55, m.count, unknownAge, fewAges});
    m.share60 = isDerivedMasked({m.aged60, m.count, unknownAge, fewAges});
    m.median = isDerivedMasked({m.count, unknownAge, fewAges});
    m.women = is(kSexesAt);
    m.men = is(kSexesAt + 1);
    m.sexUnknown = is(kSexesAt + 2);
    m.shareWomen = isDerivedMasked({m.women, m.count, m.sexUnknown, isSecret(p.women + p.men, rule)});
    for (std::size_t s = 0; s < kSectorCount; ++s)
        m.sectors[s] = is(kSectorsAt + s);
    for (std::size_t s = 0; s < kModeCount; ++s)
        m.modes[s] = is(kModesAt + s);
    m.fte = m.count;
    return m;
}

} // namespace

ProfileMask maskProfile(const Profile& p, const SecrecyRule& rule) {
    return maskProfiles({p}, rule).front();
}

std::vector<ProfileMask> maskProfiles(const std::vector<Profile>& profiles, const SecrecyRule& rule) {
    CountGrid grid;
    std::vector<ProfileCells> at;
    for (const Profile& p : profiles)
        at.push_back(addProfileCells(grid, countsOf(p), CountGrid::Visibility::Shown));
    for (std::size_t i = 0; i < profiles.size(); ++i)
        for (std::size_t j = 0; j < profiles.size(); ++j)
            if (profiles[i].profession == profiles[j].profession &&
                profiles[i].vintage == profiles[j].vintage &&
                isNestedTerritory(profiles[i].territory, profiles[j].territory))
                relateRest(grid, profiles[i], at[i], profiles[j], at[j]);
    const std::vector<bool> masked = grid.solve(rule);
    std::vector<ProfileMask> out;
    for (std::size_t i = 0; i < profiles.size(); ++i)
        out.push_back(maskOf(profiles[i], masked, at[i], rule));
    return out;
}

} // namespace maillage::analysis
