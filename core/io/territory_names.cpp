#include "core/io/territory_names.h"

#include "core/io/table.h"
#include "core/model/catalogue.h"
#include "core/model/codes.h"
#include "core/model/text.h"

#include <filesystem>

namespace maillage::io {

namespace detail {
const char* builtinRegionsCsv();
const char* builtinDepartementsCsv();
const char* builtinFormerRegionsCsv();
} // namespace detail

namespace {

TableReadOptions resourceOptions() {
    TableReadOptions o;
    o.separator = ';';
    o.encoding = "UTF-8";
    o.headerLine = 1;
    return o;
}

//! The code of a cell, required (a resource without it is broken, not a partial table).
std::string requiredCell(const Table& t, std::size_t row, int column) {
    std::string value = text::trim(t.cell(row, column));
    if (value.empty())
        throw Error(ErrorKind::Value, t.at(row, column), msg("inputs.territory_empty_cell"));
    return value;
}

void readRegions(const Table& t, TerritoryNames& out) {
    const int code = t.requireColumn("code"), name = t.requireColumn("name");
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        out.regions[requiredCell(t, r, code)] = requiredCell(t, r, name);
}

void readDepartements(const Table& t, TerritoryNames& out) {
    const int code = t.requireColumn("code"), name = t.requireColumn("name"),
              region = t.requireColumn("region");
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::string dep = requiredCell(t, r, code);
        out.departements[dep] = requiredCell(t, r, name);
        out.regionOfDepartement[dep] = requiredCell(t, r, region);
    }
}

void readFormerRegions(const Table& t, TerritoryNames& out) {
    const int dep = t.requireColumn("departement"), code = t.requireColumn("ancienne_region"),
              name = t.requireColumn("nom"), region = t.requireColumn("region");
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        out.formerRegionOfDepartement[requiredCell(t, r, dep)] =
            FormerRegion{requiredCell(t, r, code), requiredCell(t, r, name), requiredCell(t, r, region)};
}

std::string installedTerritoriesFolder() {
    // The catalogue's installed path is <prefix>/share/maillage/professions.csv: same folder, one lookup.
    const std::string catalogue = model::processCatalogueLookup().installedPath;
    if (catalogue.empty())
        return {};
    return (std::filesystem::path(catalogue).parent_path() / "territories").string();
}

void nameDepartement(model::Dataset& ds, const TerritoryNames& names, const std::string& dep) {
    const auto it = names.departements.find(dep);
    if (!dep.empty() && it != names.departements.end())
        ds.departementNames.emplace(dep, it->second); // emplace keeps a name already there
}

void nameRegion(model::Dataset& ds, const TerritoryNames& names, const std::string& reg) {
    const auto it = names.regions.find(reg);
    if (!reg.empty() && it != names.regions.end())
        ds.regionNames.emplace(reg, it->second);
}

} // namespace

TerritoryNames parseTerritoryNames(const std::string& regionsCsv, const std::string& departementsCsv,
                                   const std::string& formerRegionsCsv, const std::string& source) {
    TerritoryNames out;
    out.origin = source;
    const TableReadOptions o = resourceOptions();
    readRegions(parseCsvText(regionsCsv, source + "/regions.csv", o), out);
    readDepartements(parseCsvText(departementsCsv, source + "/departements.csv", o), out);
    readFormerRegions(parseCsvText(formerRegionsCsv, source + "/anciennes_regions.csv", o), out);
    return out;
}

TerritoryNames readTerritoryNames(const std::string& folder) {
    TerritoryNames out;
    out.origin = folder;
    const TableReadOptions o = resourceOptions();
    readRegions(readTable(folder + "/regions.csv", o), out);
    readDepartements(readTable(folder + "/departements.csv", o), out);
    readFormerRegions(readTable(folder + "/anciennes_regions.csv", o), out);
    return out;
}

TerritoryNames builtinTerritoryNames() {
    return parseTerritoryNames(detail::builtinRegionsCsv(), detail::builtinDepartementsCsv(),
                               detail::builtinFormerRegionsCsv(), "built-in territory names");
}

TerritoryNames standardTerritoryNames() {
    const std::string folder = installedTerritoriesFolder();
    std::error_code ec;
    if (!folder.empty() && std::filesystem::exists(folder, ec))
        return readTerritoryNames(folder);
    return builtinTerritoryNames();
}

EpciMembership readEpciMembership(const std::string& folder, int cogYear) {
    EpciMembership out;
    out.cogYear = cogYear;
    const std::string year = std::to_string(cogYear);
    const TableReadOptions o = resourceOptions();
    const Table members = readTable(folder + "/epci_cog" + year + ".csv", o);
    const int commune = members.requireColumn("commune"), epci = members.requireColumn("epci");
    for (std::size_t r = 0; r < members.rows.size(); ++r)
        out.epciOfCommune[requiredCell(members, r, commune)] = requiredCell(members, r, epci);
    const Table names = readTable(folder + "/epci_names_cog" + year + ".csv", o);
    const int code = names.requireColumn("epci"), name = names.requireColumn("name");
    for (std::size_t r = 0; r < names.rows.size(); ++r)
        out.names[requiredCell(names, r, code)] = requiredCell(names, r, name);
    return out;
}

EpciMembership standardEpciMembership(int cogYear) {
    const std::string folder = installedTerritoriesFolder();
    std::error_code ec;
    if (folder.empty() ||
        !std::filesystem::exists(folder + "/epci_cog" + std::to_string(cogYear) + ".csv", ec))
        return EpciMembership{cogYear, {}, {}};
    return readEpciMembership(folder, cogYear);
}

std::string regionOfDepartement(const TerritoryNames& names, const std::string& dep) {
    const auto it = names.regionOfDepartement.find(dep);
    return it == names.regionOfDepartement.end() ? std::string() : it->second;
}

void nameTerritories(model::Dataset& dataset, const TerritoryNames& names) {
    for (const auto& c : dataset.communes) {
        nameDepartement(dataset, names, c.dep.empty() ? codes::departementOf(c.code) : c.dep);
        nameRegion(dataset, names, c.reg);
    }
    for (const auto& b : dataset.bassins) {
        nameDepartement(dataset, names, b.dep);
        nameRegion(dataset, names, b.reg);
    }
}

} // namespace maillage::io
