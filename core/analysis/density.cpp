#include "core/analysis/density.h"

#include "core/analysis/counts.h"
#include "core/model/error.h"
#include "core/model/text.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace maillage::analysis {

namespace {

//! Index of a profession given as code or alias; -1 for "" (all professions). Throws Error(Value) listing
//! the catalogue's codes for a profession it does not know: a typo must not give a map of zeros.
int professionIndex(const model::Dataset& ds, const std::string& profession) {
    if (profession.empty())
        return -1;
    const int index = resolveProfession(ds.catalogue, profession);
    if (index >= 0)
        return index;
    std::vector<std::string> known;
    for (const model::Profession& p : ds.catalogue.professions())
        known.push_back(p.code);
    throw Error(ErrorKind::Value, {},
                "unknown profession '" + profession +
                    "': expected a code or an alias of the profession catalogue (" + text::join(known, ", ") +
                    ")");
}

//! The canonical code of a profession given as code or alias ("" stays "" = all professions).
std::string canonicalProfession(const model::Dataset& ds, const std::string& profession) {
    const int index = professionIndex(ds, profession);
    return index < 0 ? std::string() : ds.catalogue.professions()[static_cast<std::size_t>(index)].code;
}

int effectiveVintage(const model::Dataset& ds, int vintage) {
    return vintage != 0 ? vintage : ds.latestVintage();
}

DensityRow makeRow(std::string code, std::string name, double population, double count) {
    DensityRow row;
    row.code = std::move(code);
    row.name = std::move(name);
    row.population = population;
    row.count = count;
    row.per10k = population > 0 ? count / population * 10000.0 : 0.0;
    row.inhabitantsPerProfessional = count > 0 ? population / count : 0.0;
    return row;
}

//! Communes of a BV: Bassin::communes when given, else the communes whose bv is its code.
std::vector<int> communesOfBassin(const model::Dataset& ds, const model::Bassin& b) {
    std::vector<int> out;
    for (const std::string& code : b.communes) {
        const int c = ds.communeIndex(code);
        if (c >= 0)
            out.push_back(c);
    }
    if (out.empty())
        for (std::size_t c = 0; c < ds.communes.size(); ++c)
            if (ds.communes[c].bv == b.code)
                out.push_back(static_cast<int>(c));
    return out;
}

template <typename Pred>
DensityRow sumRow(const model::Dataset& ds, const std::vector<double>& counts, std::string code,
                  std::string name, Pred belongs) {
    double population = 0, count = 0;
    for (std::size_t c = 0; c < ds.communes.size(); ++c)
        if (belongs(ds.communes[c])) {
            population += ds.communes[c].population;
            count += counts[c];
        }
    return makeRow(std::move(code), std::move(name), population, count);
}

std::string lookupName(const std::map<std::string, std::string>& names, const std::string& code) {
    auto it = names.find(code);
    return it == names.end() ? std::string() : it->second;
}

//! Sort key of French names: accents and case folded, then the exact name, then the code.
template <typename T> void sortByName(std::vector<T>& rows) {
    std::vector<std::pair<std::string, T>> keyed;
    keyed.reserve(rows.size());
    for (T& r : rows)
        keyed.emplace_back(text::foldForMatch(r.name), std::move(r));
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first)
            return a.first < b.first;
        if (a.second.name != b.second.name)
            return a.second.name < b.second.name;
        return a.second.code < b.second.code;
    });
    rows.clear();
    for (auto& k : keyed)
        rows.push_back(std::move(k.second));
}

//! The BV, département, région and dataset references, as rows.
void fillReferences(const model::Dataset& ds, const std::vector<double>& counts, const std::string& bvCode,
                    const std::string& dep, const std::string& reg, DensityDrillDown& out) {
    const model::Bassin* b = ds.bassin(bvCode);
    if (b) {
        double population = 0, count = 0;
        for (int c : communesOfBassin(ds, *b)) {
            population += ds.communes[static_cast<std::size_t>(c)].population;
            count += counts[static_cast<std::size_t>(c)];
        }
        out.bassin = makeRow(b->code, b->name, population, count);
    } else if (!bvCode.empty()) {
        out.bassin = sumRow(ds, counts, bvCode, "", [&](const model::Commune& c) { return c.bv == bvCode; });
    }
    if (!dep.empty())
        out.departement = sumRow(ds, counts, dep, lookupName(ds.departementNames, dep),
                                 [&](const model::Commune& c) { return c.dep == dep; });
    if (!reg.empty())
        out.region = sumRow(ds, counts, reg, lookupName(ds.regionNames, reg),
                            [&](const model::Commune& c) { return c.reg == reg; });
    out.dataset = sumRow(ds, counts, "", ds.meta.title, [](const model::Commune&) { return true; });
}

} // namespace

std::vector<double> countsByCommune(const model::Dataset& dataset, const std::string& profession, int vintage,
                                    Warnings& warnings) {
    const int wanted = professionIndex(dataset, profession);
    std::vector<double> counts(dataset.communes.size(), 0.0);
    forEachResolvedCount(
        dataset, vintage,
        [&](const ResolvedCount* begin, const ResolvedCount* end) {
            for (const ResolvedCount* rc = begin; rc != end; ++rc)
                if (wanted < 0 || rc->profession == wanted)
                    counts[static_cast<std::size_t>(rc->commune)] += rc->count;
        },
        warnings);
    return counts;
}

std::vector<double> countsByCommune(const model::Dataset& dataset, const std::string& profession,
                                    int vintage) {
    Warnings ignored;
    return countsByCommune(dataset, profession, vintage, ignored);
}

DensityDrillDown densityForBassin(const model::Dataset& dataset, const std::string& bv,
                                  const std::string& profession, int vintage) {
    const model::Bassin* b = dataset.bassin(bv);
    if (!b)
        throw Error(ErrorKind::Value, {}, "'" + bv + "' is not a bassin de vie of the dataset");
    DensityDrillDown out;
    out.profession = canonicalProfession(dataset, profession);
    out.vintage = effectiveVintage(dataset, vintage);
    const std::vector<double> counts = countsByCommune(dataset, out.profession, out.vintage, out.warnings);

    for (int c : communesOfBassin(dataset, *b)) {
        const model::Commune& commune = dataset.communes[static_cast<std::size_t>(c)];
        out.rows.push_back(
            makeRow(commune.code, commune.name, commune.population, counts[static_cast<std::size_t>(c)]));
    }
    sortByName(out.rows);

    std::string dep = b->dep, reg = b->reg;
    if (const model::Commune* main = dataset.commune(b->code)) {
        dep = main->dep.empty() ? dep : main->dep;
        reg = main->reg.empty() ? reg : main->reg;
    }
    fillReferences(dataset, counts, b->code, dep, reg, out);
    out.parent = out.bassin;
    return out;
}

DensityDrillDown densityForCommune(const model::Dataset& dataset, const std::string& commune,
                                   const std::string& profession, int vintage) {
    const int ci = resolveCommune(dataset, commune);
    if (ci < 0)
        throw Error(ErrorKind::Value, {}, "'" + commune + "' is not a commune of the dataset");
    const model::Commune& c = dataset.communes[static_cast<std::size_t>(ci)];
    DensityDrillDown out;
    out.profession = canonicalProfession(dataset, profession);
    out.vintage = effectiveVintage(dataset, vintage);
    const std::vector<double> counts = countsByCommune(dataset, out.profession, out.vintage, out.warnings);

    std::unordered_map<std::string, std::size_t> zoneRow;
    for (const model::Zone& z : dataset.zones)
        if (z.commune == c.code) {
            zoneRow.emplace(z.code, out.rows.size());
            out.rows.push_back(makeRow(z.code, z.name, z.population, 0));
        }
    if (!zoneRow.empty()) {
        const int wanted = professionIndex(dataset, out.profession);
        std::unordered_map<std::string, int> professionOf; // aliases ("D201") count, as for communes
        for (const model::CountRecord& r : dataset.zoneCounts) {
            if (r.vintage != out.vintage || !(r.count >= 0) || !std::isfinite(r.count))
                continue;
            auto it = zoneRow.find(r.place);
            if (it == zoneRow.end())
                continue;
            if (wanted >= 0) {
                auto p = professionOf.find(r.profession);
                if (p == professionOf.end())
                    p = professionOf.emplace(r.profession, resolveProfession(dataset.catalogue, r.profession))
                            .first;
                if (p->second != wanted)
                    continue;
            }
            out.rows[it->second].count += r.count;
        }
        for (DensityRow& row : out.rows)
            row = makeRow(std::move(row.code), std::move(row.name), row.population, row.count);
        sortByName(out.rows);
    }

    out.parent = makeRow(c.code, c.name, c.population, counts[static_cast<std::size_t>(ci)]);
    fillReferences(dataset, counts, c.bv, c.dep, c.reg, out);
    return out;
}

std::vector<DensityRow> densityForAllCommunes(const model::Dataset& dataset, const std::string& profession,
                                              int vintage) {
    const std::vector<double> counts = countsByCommune(dataset, profession, vintage);
    std::vector<DensityRow> rows;
    rows.reserve(dataset.communes.size());
    for (std::size_t c = 0; c < dataset.communes.size(); ++c) {
        const model::Commune& commune = dataset.communes[c];
        rows.push_back(makeRow(commune.code, commune.name, commune.population, counts[c]));
    }
    return rows;
}

std::vector<double> accessibility2sfca(const model::Dataset& dataset, const std::string& profession,
                                       int vintage, const model::DensityParameters& params) {
    if (!(params.catchmentKm > 0) || !std::isfinite(params.catchmentKm))
        throw Error(ErrorKind::Parameter, Location{"", 0, {}, -1, "density.catchment_km"},
                    "the catchment radius must be greater than 0 km");
    const std::size_t n = dataset.communes.size();
    const std::vector<double> supply = countsByCommune(dataset, profession, vintage);
    std::vector<double> access(n, 0.0);
    if (n == 0)
        return access;

    // Travel times, by destination (the supply): CSR of (origin, minutes), the shortest of duplicates.
    std::vector<std::size_t> ttStart(n + 1, 0);
    std::vector<std::pair<int, double>> ttEntries;
    const double radiusMin = params.catchmentMinutes;
    if (!dataset.travelTimes.empty()) {
        if (!(radiusMin > 0) || !std::isfinite(radiusMin))
            throw Error(ErrorKind::Parameter, Location{"", 0, {}, -1, "density.catchment_minutes"},
                        "the catchment time must be greater than 0 minutes");
        struct Entry {
            int dest, origin;
            double minutes;
        };
        std::vector<Entry> entries;
        entries.reserve(dataset.travelTimes.size());
        for (const model::TravelTime& t : dataset.travelTimes) {
            if (!(t.minutes >= 0))
                continue;
            const int o = resolveCommune(dataset, t.origin), d = resolveCommune(dataset, t.destination);
            if (o >= 0 && d >= 0)
                entries.push_back({d, o, t.minutes});
        }
        std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
            if (a.dest != b.dest)
                return a.dest < b.dest;
            if (a.origin != b.origin)
                return a.origin < b.origin;
            return a.minutes < b.minutes;
        });
        ttEntries.reserve(entries.size());
        for (std::size_t e = 0; e < entries.size(); ++e) {
            if (e > 0 && entries[e].dest == entries[e - 1].dest && entries[e].origin == entries[e - 1].origin)
                continue; // duplicate pair: the shortest came first
            ++ttStart[static_cast<std::size_t>(entries[e].dest) + 1];
            ttEntries.emplace_back(entries[e].origin, entries[e].minutes);
        }
        for (std::size_t c = 0; c < n; ++c)
            ttStart[c + 1] += ttStart[c];
    }

    // Uniform grid of cells as large as the radius: the communes within reach lie in the 3x3 block around.
    const double cell = params.catchmentKm * 1000.0;
    auto cellOf = [&](const model::Point& p) {
        return std::make_pair(static_cast<std::int64_t>(std::floor(p.x / cell)),
                              static_cast<std::int64_t>(std::floor(p.y / cell)));
    };
    auto key = [](std::int64_t cx, std::int64_t cy) {
        return (static_cast<std::uint64_t>(cx) << 32) ^ (static_cast<std::uint64_t>(cy) & 0xffffffffu);
    };
    std::vector<std::pair<std::uint64_t, int>> byCell(n);
    // Communes without a position (read from a table) go to a cell no lookup reaches: with no distance,
    // they reach nothing and nothing reaches them (only the travel-time matrix can link them).
    const std::uint64_t nowhere = ~std::uint64_t{0};
    for (std::size_t c = 0; c < n; ++c) {
        const model::Point& p = dataset.communes[c].anchor;
        const auto [cx, cy] = cellOf(p);
        byCell[c] = {model::hasPosition(p) ? key(cx, cy) : nowhere, static_cast<int>(c)};
    }
    std::sort(byCell.begin(), byCell.end());
    std::unordered_map<std::uint64_t, std::pair<std::size_t, std::size_t>> cells;
    cells.reserve(n);
    for (std::size_t s = 0; s < n;) {
        std::size_t e = s;
        while (e < n && byCell[e].first == byCell[s].first)
            ++e;
        cells.emplace(byCell[s].first, std::make_pair(s, e));
        s = e;
    }

    // Calls fn(k, weight) for every commune k whose population reaches the supply of commune j.
    std::vector<int> stamp(n, -1);
    const double radiusM2 = cell * cell;
    auto forEachReachable = [&](std::size_t j, auto&& fn) {
        for (std::size_t e = ttStart[j]; e < ttStart[j + 1]; ++e) {
            const auto [k, minutes] = ttEntries[e];
            stamp[static_cast<std::size_t>(k)] = static_cast<int>(j);
            if (minutes < radiusMin)
                fn(static_cast<std::size_t>(k), 1.0 - minutes / radiusMin);
        }
        const model::Point& pj = dataset.communes[j].anchor;
        if (!model::hasPosition(pj))
            return;
        const auto [cx, cy] = cellOf(pj);
        for (std::int64_t dx = -1; dx <= 1; ++dx)
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                auto it = cells.find(key(cx + dx, cy + dy));
                if (it == cells.end())
                    continue;
                for (std::size_t s = it->second.first; s < it->second.second; ++s) {
                    const std::size_t k = static_cast<std::size_t>(byCell[s].second);
                    if (stamp[k] == static_cast<int>(j))
                        continue; // the travel-time matrix decided this pair
                    const model::Point& pk = dataset.communes[k].anchor;
                    const double d2 = (pk.x - pj.x) * (pk.x - pj.x) + (pk.y - pj.y) * (pk.y - pj.y);
                    if (d2 < radiusM2)
                        fn(k, 1.0 - std::sqrt(d2) / cell);
                }
            }
    };

    // Step 1: each supply divided by the (decay-weighted) population that can reach it.
    // Step 2: each commune sums the ratios it can reach, weighted the same way.
    for (std::size_t j = 0; j < n; ++j) {
        if (!(supply[j] > 0))
            continue;
        double demand = 0;
        forEachReachable(j, [&](std::size_t k, double w) { demand += w * dataset.communes[k].population; });
        if (!(demand > 0))
            continue; // nobody shares this supply
        const double ratio = supply[j] / demand;
        forEachReachable(j, [&](std::size_t k, double w) { access[k] += w * ratio; });
    }
    for (double& a : access)
        a *= 10000.0;
    return access;
}

} // namespace maillage::analysis
