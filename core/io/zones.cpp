#include "core/io/zones.h"

#include "core/io/flows.h"
#include "core/model/codes.h"
#include "core/model/text.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace maillage::io {

namespace {

//! The field of `feature` named `given`, else the first of `candidates` present; "" when none.
std::string pickField(const std::vector<PolygonFeature>& features, const std::string& given,
                      const std::vector<std::string>& candidates) {
    const std::vector<std::string> names = given.empty() ? candidates : std::vector<std::string>{given};
    for (const std::string& name : names)
        for (const auto& [field, value] : features.front().fields)
            if (columnKey(field) == columnKey(name))
                return field;
    for (const std::string& name : names) // a field null in the first feature
        for (const PolygonFeature& f : features)
            for (const auto& [field, value] : f.fields)
                if (columnKey(field) == columnKey(name))
                    return field;
    return {};
}

std::string fieldValue(const PolygonFeature& f, const std::string& field) {
    const auto it = f.fields.find(field);
    return it == f.fields.end() ? std::string() : text::trim(it->second);
}

//! A parent commune code as the dataset has it ("1001" -> "01001", 75108 -> 75056); "" when it is none.
std::string parentCommune(const std::string& raw) {
    const auto code = codes::normalizeCommune(raw);
    return code ? codes::foldArrondissement(*code) : std::string();
}

//! The parent commune of zone `code`: the commune field, else the commune part of a 9-character IRIS code.
std::string communeOfZone(const std::string& commune, const std::string& code) {
    if (!commune.empty())
        return parentCommune(commune);
    return code.size() == 9 ? parentCommune(code.substr(0, 5)) : std::string();
}

//! INSEE's population columns: P17_POP, P20_POP... (not the age bands P17_POP0002...).
bool isInseePopulationColumn(const std::string& header) {
    const std::string key = columnKey(header);
    return key.size() == 6 && key[0] == 'p' && std::isdigit(static_cast<unsigned char>(key[1])) &&
           std::isdigit(static_cast<unsigned char>(key[2])) && key.compare(3, 3, "pop") == 0;
}

int populationColumn(const Table& t, const std::string& given) {
    const int c = findColumn(t, given, {"population", "pop", "pmun", "population_municipale"});
    if (c >= 0)
        return c;
    for (std::size_t i = 0; i < t.header.size(); ++i)
        if (isInseePopulationColumn(t.header[i]))
            return static_cast<int>(i);
    return t.requireColumn("population");
}

} // namespace

std::string featureField(const PolygonFeature& feature, const std::vector<std::string>& names) {
    for (const std::string& name : names)
        for (const auto& [field, value] : feature.fields)
            if (columnKey(field) == columnKey(name))
                return text::trim(value);
    return {};
}

std::vector<model::Zone> readZonePolygons(const std::string& path, const ZoneColumns& columns,
                                          Warnings& warnings) {
    std::vector<PolygonFeature> features = readPolygonFeatures(path, {}, warnings);
    const std::string code = pickField(features, columns.code,
                                       {"code_iris", "iris", "dciris", "code_zone", "code_quartier", "code"});
    if (code.empty()) {
        std::vector<std::string> found;
        for (const auto& [field, value] : features.front().fields)
            found.push_back(field);
        throw Error(ErrorKind::Format, Location{path},
                    msg("inputs.zones_no_code_field", {arg::list("found", found)}));
    }
    const std::string name =
        pickField(features, columns.name, {"nom_iris", "libiris", "nom_zone", "nom_quartier", "nom", "name"});
    const std::string commune =
        pickField(features, columns.commune,
                  {"insee_com", "depcom", "com", "code_commune", "codgeo", "commune", "code_insee"});
    std::vector<model::Zone> out;
    std::unordered_map<std::string, long> seen;
    for (PolygonFeature& f : features) {
        model::Zone z;
        z.code = fieldValue(f, code);
        if (z.code.empty())
            throw Error(ErrorKind::Value, Location{path},
                        msg("inputs.zones_feature_without_code", {arg::integer("feature", f.index)}));
        if (const auto [it, fresh] = seen.emplace(z.code, f.index); !fresh)
            throw Error(
                ErrorKind::Value, Location{path},
                msg("inputs.zones_code_twice", {arg::code("code", z.code), arg::integer("first", it->second),
                                                arg::integer("second", f.index)}));
        z.name = name.empty() ? std::string() : fieldValue(f, name);
        if (z.name.empty())
            z.name = z.code;
        z.commune = communeOfZone(commune.empty() ? std::string() : fieldValue(f, commune), z.code);
        z.geometry = std::move(f.geometry);
        out.push_back(std::move(z));
    }
    return out;
}

std::vector<ZonePopulation> readZonePopulation(const Table& table, const std::string& codeColumn,
                                               const std::string& populationColumnName) {
    const int code =
        findColumn(table, codeColumn, {"iris", "code_iris", "dciris", "code_zone", "zone", "code"});
    if (code < 0)
        table.requireColumn("iris");
    const int commune = findColumn(table, {}, {"com", "depcom", "code_commune", "commune"});
    const int population = populationColumn(table, populationColumnName);
    std::vector<ZonePopulation> out;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        ZonePopulation p;
        p.zone = text::trim(table.cell(r, code));
        p.line = table.lines[r];
        if (p.zone.empty())
            throw Error(ErrorKind::Value, table.at(r, code), msg("inputs.zones_empty_code"));
        const std::string cell = text::trim(table.cell(r, population));
        const auto value = text::parseNumber(cell);
        if (!value || *value < 0)
            throw Error(ErrorKind::Value, table.at(r, population),
                        msg("inputs.zones_bad_population", {arg::code("value", text::visible(cell))}));
        p.population = *value;
        p.commune = commune >= 0 ? parentCommune(text::trim(table.cell(r, commune))) : std::string();
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<QuartierOfZone> readQuartiers(const Table& table) {
    const int zone = findColumn(table, {}, {"zone", "iris", "code_iris", "dciris", "code_zone"});
    if (zone < 0)
        table.requireColumn("zone");
    const int quartier = findColumn(table, {}, {"quartier", "code_quartier", "grd_quart", "grand_quartier"});
    if (quartier < 0)
        table.requireColumn("quartier");
    const int name =
        findColumn(table, {}, {"nom_quartier", "libelle_quartier", "lib_quartier", "nom", "name"});
    std::vector<QuartierOfZone> out;
    std::unordered_map<std::string, long> seen;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        QuartierOfZone q;
        q.zone = text::trim(table.cell(r, zone));
        q.quartier = text::trim(table.cell(r, quartier));
        q.name = text::trim(table.cell(r, name));
        q.line = table.lines[r];
        if (q.zone.empty() || q.quartier.empty())
            throw Error(ErrorKind::Value, table.at(r, q.zone.empty() ? zone : quartier),
                        msg("inputs.zones_empty_code"));
        if (const auto [it, fresh] = seen.emplace(q.zone, q.line); !fresh)
            throw Error(ErrorKind::Value, table.at(r, zone),
                        msg("inputs.quartiers_zone_twice",
                            {arg::code("zone", q.zone), arg::integer("first", it->second)}));
        if (q.name.empty())
            q.name = q.quartier;
        out.push_back(std::move(q));
    }
    return out;
}

namespace {

//! Zones of the dataset by code, kept up to date as zones are added.
struct ZoneIndex {
    std::unordered_map<std::string, std::size_t> position;
    explicit ZoneIndex(const std::vector<model::Zone>& zones) {
        for (std::size_t i = 0; i < zones.size(); ++i)
            position.emplace(zones[i].code, i);
    }
    model::Zone* find(std::vector<model::Zone>& zones, const std::string& code) const {
        const auto it = position.find(code);
        return it == position.end() ? nullptr : &zones[it->second];
    }
};

void warnList(Warnings& warnings, const std::string& file, const char* id, std::vector<std::string> items) {
    if (items.empty())
        return;
    const auto n = static_cast<long long>(items.size());
    warnings.push_back(
        makeWarning(ErrorKind::Join, Location{file}, msg(id, {arg::integer("n", n)}), std::move(items)));
}

//! Polygons: replace the geometry and name of a known zone, or add it; orphans named.
template <typename InTerritory>
void joinPolygons(model::Dataset& ds, ZoneIndex& index, std::vector<model::Zone> polygons, ZonesJoin& join,
                  std::vector<std::string>& orphans, InTerritory&& inTerritory) {
    for (model::Zone& z : polygons) {
        if (!ds.commune(z.commune)) {
            if (inTerritory(z.commune))
                orphans.push_back(z.code + " (" + (z.commune.empty() ? "?" : z.commune) + ")");
            continue;
        }
        if (model::Zone* known = index.find(ds.zones, z.code)) {
            known->name = z.name;
            known->commune = z.commune;
            known->geometry = std::move(z.geometry);
        } else {
            index.position.emplace(z.code, ds.zones.size());
            ds.zones.push_back(std::move(z));
        }
        ++join.zones;
    }
}

//! Populations: set on known zones; a zone of a known commune is added; the others reported.
template <typename InTerritory>
void joinPopulations(model::Dataset& ds, ZoneIndex& index, const std::vector<ZonePopulation>& populations,
                     ZonesJoin& join, std::vector<std::string>& orphans, std::vector<std::string>& unknown,
                     InTerritory&& inTerritory) {
    for (const ZonePopulation& p : populations) {
        model::Zone* z = index.find(ds.zones, p.zone);
        if (!z && !p.commune.empty() && ds.commune(p.commune) && p.zone != p.commune) {
            index.position.emplace(p.zone, ds.zones.size());
            ds.zones.push_back({p.zone, p.zone, p.commune, 0, {}, {}, {}});
            z = &ds.zones.back();
            ++join.zones;
        }
        if (z) {
            z->population = p.population;
            ++join.withPopulation;
        } else if (!p.commune.empty() && !ds.commune(p.commune)) {
            if (inTerritory(p.commune))
                orphans.push_back(p.zone + " (" + p.commune + ")");
        } else if (p.zone != p.commune &&
                   (p.commune.empty() ||
                    inTerritory(p.commune))) { // a commune not split into zones: nothing below it
            unknown.push_back(p.zone);
        }
    }
}

} // namespace

ZonesJoin joinZones(model::Dataset& dataset, std::vector<model::Zone> polygons,
                    const std::vector<ZonePopulation>& populations,
                    const std::vector<QuartierOfZone>& quartiers, const ZoneFiles& files,
                    Warnings& warnings) {
    ZonesJoin join;
    ZoneIndex index(dataset.zones);
    std::vector<std::string> polygonOrphans, populationOrphans, unknownPopulation, unknownQuartier;
    // A national file joined to a regional dataset: only the zones of its départements are news.
    std::unordered_set<std::string> departements;
    for (const model::Commune& c : dataset.communes)
        departements.insert(codes::departementOf(c.code));
    const auto inTerritory = [&](const std::string& commune) {
        return commune.empty() || departements.count(codes::departementOf(commune)) > 0;
    };
    joinPolygons(dataset, index, std::move(polygons), join, polygonOrphans, inTerritory);
    joinPopulations(dataset, index, populations, join, populationOrphans, unknownPopulation, inTerritory);
    for (const QuartierOfZone& q : quartiers) {
        if (model::Zone* z = index.find(dataset.zones, q.zone)) {
            z->quartier = q.quartier;
            z->quartierName = q.name;
            ++join.grouped;
        } else {
            unknownQuartier.push_back(q.zone);
        }
    }
    join.orphans = polygonOrphans;
    join.orphans.insert(join.orphans.end(), populationOrphans.begin(), populationOrphans.end());
    join.unknownZones = unknownPopulation;
    join.unknownZones.insert(join.unknownZones.end(), unknownQuartier.begin(), unknownQuartier.end());
    warnList(warnings, files.polygons, "inputs.zones_parent_missing", std::move(polygonOrphans));
    warnList(warnings, files.population, "inputs.zones_parent_missing", std::move(populationOrphans));
    warnList(warnings, files.population, "inputs.zones_rows_unknown", std::move(unknownPopulation));
    warnList(warnings, files.quartiers, "inputs.zones_rows_unknown", std::move(unknownQuartier));
    return join;
}

} // namespace maillage::io
