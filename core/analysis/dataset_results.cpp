#include "core/analysis/dataset_results.h"

#include "core/analysis/accessibility.h"
#include "core/analysis/counts.h"
#include "core/analysis/density.h"
#include "core/analysis/table_build.h"
#include "core/analysis/vintages.h"
#include "core/model/error.h"

#include <algorithm>
#include <cmath>

namespace maillage::analysis {

using io::Cell;
using io::ColumnType;
using io::ResultTable;

namespace {

std::vector<int> vintagesOf(const model::Dataset& dataset) {
    std::vector<int> years;
    for (const VintageInfo& v : describeVintages(dataset))
        years.push_back(v.year);
    return years;
}

//! `table` with the columns commune (its first column renamed), profession and vintage, then the columns
//! `keep` of `from`: the layout of the dataset's result tables. Returns the indexes of `keep` in `from`.
std::vector<std::size_t> addLeadingColumns(ResultTable& table, const ResultTable& from,
                                           const std::vector<std::string>& keep) {
    io::Column commune = from.columns.front();
    commune.key = "commune";
    commune.headerFr = commune.headerEn = "Commune";
    table.columns = {commune, tables::column("profession", "Profession", "Profession", ColumnType::Code),
                     tables::column("vintage", "Année", "Vintage", ColumnType::Integer)};
    std::vector<std::size_t> indexes;
    for (const std::string& key : keep) {
        indexes.push_back(static_cast<std::size_t>(from.column(key)));
        table.columns.push_back(from.columns[indexes.back()]);
    }
    return indexes;
}

//! A row's `cells` (in the columns of the table given to addLeadingColumns) as a row of the dataset's
//! table, into `row`: its cells are assigned, not rebuilt, so that their strings keep their storage from
//! one row to the next.
void fillLeadingRow(io::Row& row, const std::vector<Cell>& cells, const Cell& profession, const Cell& vintage,
                    const std::vector<std::size_t>& keep) {
    row.cells.resize(3 + keep.size());
    row.cells[0] = cells.front();
    row.cells[1] = profession;
    row.cells[2] = vintage;
    for (std::size_t k = 0; k < keep.size(); ++k)
        row.cells[3 + k] = cells[keep[k]];
}

bool anyCount(const std::vector<double>& counts) {
    return std::any_of(counts.begin(), counts.end(), [](double c) { return c > 0; });
}

//! The counts of every profession of the catalogue in `year` (a vintage of the dataset), resolved as
//! countsByCommune resolves them, in one pass over the dataset's counts: per profession, in the order of
//! dataset.counts.
using ResolvedByProfession = std::vector<std::vector<ResolvedCount>>;
ResolvedByProfession resolvedByProfession(const model::Dataset& dataset, int year) {
    ResolvedByProfession out(dataset.catalogue.professions().size());
    Warnings leftOut; // densites has no place for them: `maillage density` gives them
    forEachResolvedCount(
        dataset, year,
        [&](const ResolvedCount* begin, const ResolvedCount* end) {
            for (const ResolvedCount* rc = begin; rc != end; ++rc)
                out[static_cast<std::size_t>(rc->profession)].push_back(*rc);
        },
        leftOut);
    return out;
}

//! countsByCommune's counts, per commune, from a profession's resolved counts (summed in the same order).
std::vector<double> communeCounts(const model::Dataset& dataset, const std::vector<ResolvedCount>& resolved) {
    std::vector<double> counts(dataset.communes.size(), 0.0);
    for (const ResolvedCount& rc : resolved)
        counts[static_cast<std::size_t>(rc.commune)] += rc.count;
    return counts;
}

//! True when a commune counts a fraction of a professional (full-time equivalents) for some profession and
//! vintage that has counts: the column count of densites is then real, as densityTable types it.
bool fractionalCounts(const model::Dataset& dataset, const std::vector<int>& years) {
    for (int year : years)
        for (const std::vector<ResolvedCount>& resolved : resolvedByProfession(dataset, year)) {
            const std::vector<double> counts = communeCounts(dataset, resolved);
            if (anyCount(counts) && std::any_of(counts.begin(), counts.end(), [](double c) {
                    return std::isfinite(c) && std::fabs(c - std::round(c)) > 1e-9;
                }))
                return true;
        }
    return false;
}

//! The layout of densites and where its kept columns are in densityTable's.
struct DensityLayout {
    ResultTable table;
    std::vector<std::size_t> keep;
};

DensityLayout densityLayout(const model::Dataset& dataset, const SecrecyRule& rule, bool realCounts) {
    DensityLayout l{tables::newTable("densites", msg("results.title.commune_densities"), rule), {}};
    l.keep = addLeadingColumns(l.table, densityTable(dataset, DensityTableInput{}, rule),
                               {"population", "count", "per_10000", "inhabitants_per_professional"});
    if (realCounts)
        l.table.columns[static_cast<std::size_t>(l.table.column("count"))].type = ColumnType::Real;
    return l;
}

//! The upper totals of the communes (densityParents), for the tables of every profession and vintage; their
//! groups alone, which maskUnitCounts reads (the units are the communes, in order: no codes to compare).
DensityParents communeParents(const model::Dataset& dataset) {
    std::vector<std::string> codes; // densityForAllCommunes's units: the communes
    codes.reserve(dataset.communes.size());
    for (const model::Commune& c : dataset.communes)
        codes.push_back(c.code);
    DensityParents parents = densityParents(dataset, DensityLevel::Commune, std::move(codes));
    std::vector<std::string>().swap(parents.codes); // 1.1 MB for France's communes
    return parents;
}

//! Hands `sink` the rows of densites for `profession` and `year`, whose counts per commune are `counts`,
//! through `row`: the rows of densityTable (densityRow, masked by maskDensityCounts against `parents`),
//! without building the table.
void densityRows(const model::Dataset& dataset, const SecrecyRule& rule, const DensityParents& parents,
                 const std::string& profession, int year, const std::vector<double>& counts,
                 const std::vector<std::size_t>& keep, io::Row& row, const io::RowSink& sink) {
    if (!anyCount(counts))
        return;
    // As `maillage density --level commune --profession P --vintage Y`: the rows of communeDensityRowsOf
    // masked against `parents`, whose units are the communes in order, made one at a time as they are
    // written (not France's 35,000 at once for each profession and vintage).
    const std::vector<bool> masked = maskUnitCounts(counts, rule, parents);
    const Cell code = Cell::of(profession), vintage = Cell::of(static_cast<double>(year));
    for (std::size_t c = 0; c < dataset.communes.size(); ++c) {
        if (!masked[c] && counts[c] == 0)
            continue; // filled by the view densites_completes
        fillLeadingRow(row, densityRow(communeDensityRow(dataset.communes[c], counts[c]), masked[c]).cells,
                       code, vintage, keep);
        sink(row);
    }
}

const char* methodName(AccessMethod method) {
    switch (method) {
    case AccessMethod::Binary:
        return "2sfca";
    case AccessMethod::Gaussian:
        return "gaussian";
    case AccessMethod::Exponential:
        return "exponential";
    case AccessMethod::Apl:
        break;
    }
    return "apl";
}

} // namespace

const std::vector<std::string>& aplProfessions() {
    static const std::vector<std::string> codes = {
        "medecin_generaliste", "infirmier", "masseur_kinesitherapeute", "sage_femme", "chirurgien_dentiste"};
    return codes;
}

io::StreamedTable communeDensities(const model::Dataset& dataset, const SecrecyRule& rule) {
    const std::vector<int> years = vintagesOf(dataset);
    DensityLayout l = densityLayout(dataset, rule, fractionalCounts(dataset, years));
    io::StreamedTable t{std::move(l.table), {}};
    t.rows = [&dataset, rule, years, keep = std::move(l.keep)](const io::RowSink& sink) {
        const DensityParents parents = communeParents(dataset);
        std::vector<ResolvedByProfession> resolved; // per vintage: one pass over the counts each
        for (int year : years)
            resolved.push_back(resolvedByProfession(dataset, year));
        io::Row row;
        const std::vector<model::Profession>& professions = dataset.catalogue.professions();
        for (std::size_t p = 0; p < professions.size(); ++p)
            for (std::size_t y = 0; y < years.size(); ++y)
                densityRows(dataset, rule, parents, professions[p].code, years[y],
                            communeCounts(dataset, resolved[y][p]), keep, row, sink);
    };
    return t;
}

ResultTable communeDensityLayout(const model::Dataset& dataset, const SecrecyRule& rule) {
    return densityLayout(dataset, rule, false).table;
}

void communeDensityRows(const model::Dataset& dataset, const SecrecyRule& rule, const std::string& profession,
                        int vintage, const io::RowSink& sink) {
    const DensityLayout l = densityLayout(dataset, rule, false);
    io::Row row;
    densityRows(dataset, rule, communeParents(dataset), profession, vintage,
                countsByCommune(dataset, profession, vintage).counts, l.keep, row, sink);
}

ResultTable communeDensityRows(const model::Dataset& dataset, const SecrecyRule& rule,
                               const std::string& profession, int vintage) {
    ResultTable table = communeDensityLayout(dataset, rule);
    communeDensityRows(dataset, rule, profession, vintage,
                       [&](const io::Row& r) { table.rows.push_back(r); });
    return table;
}

io::StreamedTable communeAccess(const model::Dataset& dataset, const SecrecyRule& rule, Language language) {
    io::StreamedTable t{tables::newTable("accessibilite", msg("results.title.commune_access"), rule), {}};
    std::vector<std::size_t> keep =
        addLeadingColumns(t.layout, accessibilityLayout(dataset, AccessibilityInput{}),
                          {"access", "unit"}); // even without counts
    t.layout.columns.push_back(tables::column("method", "Méthode", "Method", ColumnType::Text));
    t.rows = [&dataset, rule, language, keep = std::move(keep)](const io::RowSink& sink) {
        const std::vector<int> years = vintagesOf(dataset);
        io::Row row;
        for (const std::string& code : aplProfessions()) {
            if (!dataset.catalogue.find(code))
                continue;
            // As `maillage access --profession P --vintage Y`: the dataset's saved parameters of P.
            const AccessParameters params = accessParameters(dataset.params, dataset.catalogue, code);
            const Cell profession = Cell::of(code), method = Cell::of(std::string(methodName(params.method)));
            for (int year : years) {
                if (!anyCount(countsByCommune(dataset, code, year).counts))
                    continue;
                AccessResult result;
                try {
                    result = accessibility(dataset, code, year, params);
                } catch (const Error&) {
                    // The saved parameters cannot apply to this vintage (FTE without its register,
                    // standardised demand without population by age): `maillage access` says why; the dataset
                    // keeps the rest.
                    continue;
                }
                AccessibilityInput input;
                input.unit = accessUnit(result, language);
                input.values = std::move(result.values);
                input.profession = code;
                input.vintage = result.vintage;
                input.secrecy = rule;
                input.language = language;
                const Cell vintage = Cell::of(static_cast<double>(year));
                accessibilityRows(dataset, input, [&](const io::Row& access) {
                    fillLeadingRow(row, access.cells, profession, vintage, keep);
                    row.cells.push_back(method); // a short name: no allocation
                    sink(row);
                });
            }
        }
    };
    return t;
}

} // namespace maillage::analysis
