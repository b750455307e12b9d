// Population by commune and age band: INSEE's wide census layout or a generic long table.
#include "core/io/population_age.h"

#include "core/io/flows.h"     // findColumn
#include "core/io/importers.h" // communeCode
#include "core/model/access_parameters.h"
#include "core/model/codes.h"
#include "core/model/text.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace maillage::io {

namespace {

//! The numbers written in `label`, in order ("0 à 14 ans" -> 0, 14).
std::vector<int> numbersIn(const std::string& label) {
    std::vector<int> out;
    for (std::size_t i = 0; i < label.size();) {
        if (!std::isdigit(static_cast<unsigned char>(label[i]))) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < label.size() && std::isdigit(static_cast<unsigned char>(label[j])))
            ++j;
        if (j - i > 3)
            return {}; // not an age
        out.push_back(std::stoi(label.substr(i, j - i)));
        i = j;
    }
    return out;
}

//! True when the label says "and over": "90+", "90P", "90 ou plus", "90 ans et plus".
bool opensUpwards(const std::string& key, const std::string& label) {
    return label.find('+') != std::string::npos || key.find("plus") != std::string::npos ||
           key.find("over") != std::string::npos || (!key.empty() && key.back() == 'p');
}

} // namespace

std::string normaliseAgeBand(const std::string& label) {
    const std::string key = columnKey(label);
    std::vector<int> n = numbersIn(label);
    if (key.size() == 4 && std::all_of(key.begin(), key.end(), ::isdigit)) // INSEE's "0014"
        n = {std::stoi(key.substr(0, 2)), std::stoi(key.substr(2))};
    if (n.size() == 1 && opensUpwards(key, label))
        return std::to_string(n[0]) + "+";
    if (n.size() == 2 && n[0] <= n[1])
        return std::to_string(n[0]) + "-" + std::to_string(n[1]);
    return {};
}

namespace {

// Columns looked for by findColumn (core/io/flows.h), the first present.
const std::initializer_list<const char*> kCommuneColumns = {"commune",    "codgeo", "depcom", "code_commune",
                                                            "code_insee", "code",   "com"};
const std::initializer_list<const char*> kBandColumns = {
    "age_band", "tranche_age", "tranche_d_age", "tranche", "age", "band", "classe_age"};
const std::initializer_list<const char*> kPopulationColumns = {"population", "pop", "effectif", "nb",
                                                               "nombre"};

//! A population cell: a number >= 0; a secret marker counts 0 (counted in `secrets`).
double populationOf(const Table& table, std::size_t row, int column, long long& secrets) {
    const std::string& raw = table.cell(row, column);
    if (auto v = text::parseCount(raw))
        return *v;
    const std::string t = text::trim(raw);
    if (!t.empty() && text::isSecretMarker(t)) {
        ++secrets;
        return 0;
    }
    throw Error(ErrorKind::Value, table.at(row, column),
                t.empty() ? msg("io.import.population_expected_empty")
                          : msg("io.import.population_expected", {arg::code("value", t)}));
}

//! The wide layout's band columns: P<yy>_POP<band>, bands of the shipped weights only (INSEE's files also
//! have overlapping groupings such as P20_POP15P), of the latest census year when several are there.
std::map<int, std::string> wideBandColumns(const Table& table) {
    std::set<std::string> known;
    for (const model::AgeBandWeight& w : model::builtinConsumptionWeights())
        known.insert(w.band);
    static const std::regex pattern("^p([0-9][0-9])pop([0-9]{4}|[0-9]{2}p)$");
    std::map<int, std::map<int, std::string>> byYear; // year -> column -> band
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        std::smatch m;
        const std::string key = columnKey(table.header[c]);
        if (!std::regex_match(key, m, pattern))
            continue;
        const std::string band = normaliseAgeBand(m[2].str());
        if (known.count(band))
            byYear[std::stoi(m[1].str())][static_cast<int>(c)] = band;
    }
    return byYear.empty() ? std::map<int, std::string>{} : byYear.rbegin()->second;
}

void warnSecrets(const Table& table, long long secrets, Warnings& warnings) {
    if (secrets > 0)
        warnings.push_back(makeWarning(ErrorKind::Value, Location{table.source},
                                       msg("io.age.secret_cells", {arg::integer("n", secrets)})));
}

//! The age band of a cell, normalised (normaliseAgeBand); throws naming the cell when it names no band.
std::string bandOf(const Table& table, std::size_t row, int column) {
    const std::string label = text::trim(table.cell(row, column));
    const std::string normalised = normaliseAgeBand(label);
    if (normalised.empty())
        throw Error(ErrorKind::Value, table.at(row, column),
                    msg("io.age.band_expected", {arg::code("value", label)}));
    return normalised;
}

std::vector<model::AgeBandPopulation> longLayout(const Table& table, int band, Warnings& warnings) {
    const int commune = findColumn(table, {}, kCommuneColumns);
    const int population = findColumn(table, {}, kPopulationColumns);
    if (commune < 0)
        table.requireColumn("commune");
    if (population < 0)
        table.requireColumn("population");
    std::vector<model::AgeBandPopulation> out;
    long long secrets = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out.push_back({communeCode(table, r, commune), bandOf(table, r, band),
                       populationOf(table, r, population, secrets)});
    }
    warnSecrets(table, secrets, warnings);
    return out;
}

std::vector<model::AgeBandPopulation> wideLayout(const Table& table, const std::map<int, std::string>& bands,
                                                 Warnings& warnings) {
    const int commune = findColumn(table, {}, kCommuneColumns);
    if (commune < 0)
        table.requireColumn("codgeo");
    std::vector<model::AgeBandPopulation> out;
    long long secrets = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const std::string code = communeCode(table, r, commune);
        for (const auto& [column, band] : bands)
            out.push_back({code, band, populationOf(table, r, column, secrets)});
    }
    warnSecrets(table, secrets, warnings);
    return out;
}

} // namespace

std::vector<model::AgeBandPopulation> populationByAgeFromTable(const Table& table, Warnings& warnings) {
    const int band = findColumn(table, {}, kBandColumns);
    if (band >= 0)
        return longLayout(table, band, warnings);
    const std::map<int, std::string> bands = wideBandColumns(table);
    if (bands.empty())
        throw Error(ErrorKind::Format, Location{table.source, table.headerLine},
                    msg("io.age.layout_expected", {arg::list("columns", table.header)}));
    return wideLayout(table, bands, warnings);
}

std::vector<model::AgeBandPopulation>
readPopulationByAge(const std::string& path, const TableReadOptions& options, Warnings* warnings) {
    TableReadOptions read = options;
    if (read.expectedColumns.empty())
        read.expectedColumns = {"codgeo", "commune", "age_band"};
    Warnings own;
    const Table table = readTable(path, read, &own);
    std::vector<model::AgeBandPopulation> rows = populationByAgeFromTable(table, own);
    if (warnings)
        warnings->insert(warnings->end(), own.begin(), own.end());
    return rows;
}

std::vector<model::AgeBandPopulation> joinPopulationByAge(const model::Dataset& dataset,
                                                          std::vector<model::AgeBandPopulation> rows,
                                                          const std::string& file, Warnings& warnings) {
    std::map<std::pair<std::string, std::string>, double> sums;
    std::set<std::string> absent;
    for (model::AgeBandPopulation& row : rows) {
        std::string code = row.commune;
        if (!dataset.commune(code) && codes::isArrondissement(code))
            code = codes::foldArrondissement(code);
        if (dataset.commune(code))
            sums[{code, row.band}] += row.population;
        else
            absent.insert(row.commune);
    }
    std::vector<model::AgeBandPopulation> out;
    out.reserve(sums.size());
    for (const auto& [key, population] : sums)
        out.push_back({key.first, key.second, population});
    if (!absent.empty()) {
        const auto n = static_cast<long long>(absent.size());
        warnings.push_back(makeWarning(ErrorKind::Join, Location{file},
                                       msg("io.age.communes_absent", {arg::integer("n", n)}),
                                       std::vector<std::string>(absent.begin(), absent.end())));
    }
    return out;
}

namespace {

const std::initializer_list<const char*> kWeightColumns = {"weight", "poids", "ponderation", "coefficient",
                                                           "coef"};

//! A weight cell: a finite number >= 0.
double weightOf(const Table& table, std::size_t row, int column) {
    const std::string t = text::trim(table.cell(row, column));
    const auto v = text::parseNumber(t);
    if (!v || !(*v >= 0))
        throw Error(ErrorKind::Value, table.at(row, column),
                    msg("io.age.weight_expected", {arg::code("value", t)}));
    return *v;
}

} // namespace

std::vector<model::AgeBandWeight> ageWeightsFromTable(const Table& table) {
    const int band = findColumn(table, {}, kBandColumns);
    const int weight = findColumn(table, {}, kWeightColumns);
    if (band < 0)
        table.requireColumn("age_band");
    if (weight < 0)
        table.requireColumn("weight");
    std::vector<model::AgeBandWeight> out;
    std::set<std::string> seen;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const std::string normalised = bandOf(table, r, band);
        if (!seen.insert(normalised).second)
            throw Error(ErrorKind::Value, table.at(r, band),
                        msg("io.age.weight_band_twice", {arg::code("band", normalised)}));
        out.push_back({normalised, weightOf(table, r, weight)});
    }
    if (out.empty())
        throw Error(ErrorKind::Format, Location{table.source}, msg("io.age.weights_empty"));
    return out;
}

std::vector<model::AgeBandWeight> readAgeWeights(const std::string& path, const TableReadOptions& options) {
    TableReadOptions read = options;
    if (read.expectedColumns.empty())
        read.expectedColumns = {"age_band", "tranche_age", "weight", "poids"};
    return ageWeightsFromTable(readTable(path, read));
}

void checkAgeWeightsCover(const std::vector<model::AgeBandWeight>& weights,
                          const std::vector<model::AgeBandPopulation>& ages, const std::string& file) {
    std::set<std::string> given, missing;
    for (const model::AgeBandWeight& w : weights)
        given.insert(w.band);
    for (const model::AgeBandPopulation& a : ages)
        if (!given.count(a.band))
            missing.insert(a.band);
    if (missing.empty())
        return;
    throw Error(ErrorKind::Value, Location{file},
                msg("io.age.weights_missing_bands",
                    {arg::integer("n", static_cast<long long>(missing.size())),
                     arg::list("bands", std::vector<std::string>(missing.begin(), missing.end())),
                     arg::list("given", std::vector<std::string>(given.begin(), given.end()))}));
}

} // namespace maillage::io
