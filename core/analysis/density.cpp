#include "core/analysis/density.h"

#include "core/analysis/counts.h"
#include "core/analysis/vintages.h"
#include "core/model/error.h"
#include "core/model/text.h"

#include <algorithm>
#include <cmath>
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
    throw Error(
        ErrorKind::Value, {},
        msg("analysis.unknown_profession", {arg::code("profession", profession), arg::list("known", known)}));
}

} // namespace

std::string canonicalProfession(const model::Dataset& ds, const std::string& profession) {
    const int index = professionIndex(ds, profession);
    return index < 0 ? std::string() : ds.catalogue.professions()[static_cast<std::size_t>(index)].code;
}

namespace {

void moveWarnings(Warnings& from, Warnings& to) {
    for (Warning& w : from)
        to.push_back(std::move(w));
    from.clear();
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

CommuneCounts countsByCommune(const model::Dataset& dataset, const std::string& profession, int vintage) {
    const int wanted = professionIndex(dataset, profession);
    CommuneCounts out;
    out.profession =
        wanted < 0 ? std::string() : dataset.catalogue.professions()[static_cast<std::size_t>(wanted)].code;
    out.counts.assign(dataset.communes.size(), 0.0);
    out.vintage = forEachResolvedCount(
        dataset, vintage,
        [&](const ResolvedCount* begin, const ResolvedCount* end) {
            for (const ResolvedCount* rc = begin; rc != end; ++rc)
                if (wanted < 0 || rc->profession == wanted)
                    out.counts[static_cast<std::size_t>(rc->commune)] += rc->count;
        },
        out.warnings);
    return out;
}

DensityDrillDown densityForBassin(const model::Dataset& dataset, const std::string& bv,
                                  const std::string& profession, int vintage) {
    const model::Bassin* b = dataset.bassin(bv);
    if (!b)
        throw Error(ErrorKind::Value, {}, msg("analysis.unknown_bassin", {arg::code("bv", bv)}));
    DensityDrillDown out;
    out.profession = canonicalProfession(dataset, profession);
    out.vintage = vintageOrDefault(dataset, vintage);
    CommuneCounts resolved = countsByCommune(dataset, out.profession, out.vintage);
    const std::vector<double>& counts = resolved.counts;
    moveWarnings(resolved.warnings, out.warnings);

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

namespace {

//! The zones of commune `code` as rows (in dataset order), their counts of `profession` (canonical, ""
//! = all) for `vintage` summed from Dataset::zoneCounts.
std::vector<DensityRow> zoneRowsOf(const model::Dataset& dataset, const std::string& code,
                                   const std::string& profession, int vintage) {
    std::vector<DensityRow> rows;
    std::unordered_map<std::string, std::size_t> zoneRow;
    for (const model::Zone& z : dataset.zones)
        if (z.commune == code) {
            zoneRow.emplace(z.code, rows.size());
            rows.push_back(makeRow(z.code, z.name, z.population, 0));
        }
    if (rows.empty())
        return rows;
    const int wanted = professionIndex(dataset, profession);
    std::unordered_map<std::string, int> professionOf; // aliases ("D201") count, as for communes
    for (const model::CountRecord& r : dataset.zoneCounts) {
        if (r.vintage != vintage || !(r.count >= 0) || !std::isfinite(r.count))
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
        rows[it->second].count += r.count;
    }
    for (DensityRow& row : rows)
        row = makeRow(std::move(row.code), std::move(row.name), row.population, row.count);
    return rows;
}

//! The zone rows summed by quartier (a zone without one stays a row of its own), in order of first zone.
std::vector<DensityRow> quartierRows(const model::Dataset& dataset, const std::vector<DensityRow>& zones) {
    std::unordered_map<std::string, const model::Zone*> zoneOf;
    for (const model::Zone& z : dataset.zones)
        zoneOf.emplace(z.code, &z);
    std::vector<DensityRow> rows;
    std::unordered_map<std::string, std::size_t> position;
    std::vector<bool> unknownPopulation;
    for (const DensityRow& zone : zones) {
        const model::Zone* z = zoneOf.at(zone.code);
        const bool grouped = !z->quartier.empty();
        const std::string& key = grouped ? z->quartier : zone.code;
        const auto [it, fresh] = position.emplace(key, rows.size());
        if (fresh) {
            rows.push_back(makeRow(key, grouped ? z->quartierName : zone.name, 0, 0));
            unknownPopulation.push_back(false);
        }
        rows[it->second].population += zone.population;
        rows[it->second].count += zone.count;
        if (!(zone.population > 0))
            unknownPopulation[it->second] = true;
    }
    for (std::size_t i = 0; i < rows.size(); ++i) // a part of a quartier's population gives no density
        rows[i] = makeRow(std::move(rows[i].code), std::move(rows[i].name),
                          unknownPopulation[i] ? 0.0 : rows[i].population, rows[i].count);
    return rows;
}

//! The drill-down of commune `commune` into rows made by `makeRows` from its zones.
template <typename MakeRows>
DensityDrillDown drillIntoCommune(const model::Dataset& dataset, const std::string& commune,
                                  const std::string& profession, int vintage, MakeRows&& makeRows) {
    const int ci = resolveCommune(dataset, commune);
    if (ci < 0)
        throw Error(ErrorKind::Value, {}, msg("analysis.unknown_commune", {arg::code("commune", commune)}));
    const model::Commune& c = dataset.communes[static_cast<std::size_t>(ci)];
    DensityDrillDown out;
    out.profession = canonicalProfession(dataset, profession);
    out.vintage = vintageOrDefault(dataset, vintage);
    CommuneCounts resolved = countsByCommune(dataset, out.profession, out.vintage);
    const std::vector<double>& counts = resolved.counts;
    moveWarnings(resolved.warnings, out.warnings);
    out.rows = makeRows(zoneRowsOf(dataset, c.code, out.profession, out.vintage));
    sortByName(out.rows);
    out.parent = makeRow(c.code, c.name, c.population, counts[static_cast<std::size_t>(ci)]);
    fillReferences(dataset, counts, c.bv, c.dep, c.reg, out);
    return out;
}

} // namespace

DensityDrillDown densityForCommune(const model::Dataset& dataset, const std::string& commune,
                                   const std::string& profession, int vintage) {
    return drillIntoCommune(dataset, commune, profession, vintage,
                            [](std::vector<DensityRow> zones) { return zones; });
}

DensityDrillDown densityForQuartiers(const model::Dataset& dataset, const std::string& commune,
                                     const std::string& profession, int vintage) {
    return drillIntoCommune(dataset, commune, profession, vintage, [&](const std::vector<DensityRow>& zones) {
        return quartierRows(dataset, zones);
    });
}

CommuneDensities densityForAllCommunes(const model::Dataset& dataset, const std::string& profession,
                                       int vintage) {
    CommuneCounts resolved = countsByCommune(dataset, profession, vintage);
    CommuneDensities out;
    out.profession = std::move(resolved.profession);
    out.vintage = resolved.vintage;
    out.warnings = std::move(resolved.warnings);
    out.rows = communeDensityRowsOf(dataset, resolved.counts);
    return out;
}

std::vector<DensityRow> communeDensityRowsOf(const model::Dataset& dataset,
                                             const std::vector<double>& counts) {
    std::vector<DensityRow> rows;
    rows.reserve(dataset.communes.size());
    for (std::size_t c = 0; c < dataset.communes.size(); ++c)
        rows.push_back(communeDensityRow(dataset.communes[c], counts[c]));
    return rows;
}

DensityRow communeDensityRow(const model::Commune& commune, double count) {
    return makeRow(commune.code, commune.name, commune.population, count);
}

} // namespace maillage::analysis
