#include "core/analysis/dataset_results.h"

#include "core/analysis/accessibility.h"
#include "core/analysis/density.h"
#include "core/analysis/table_build.h"
#include "core/analysis/vintages.h"
#include "core/model/error.h"

#include <algorithm>

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
//! `keep` of `from`: the layout of the dataset's result tables.
void addLeadingColumns(ResultTable& table, const ResultTable& from, const std::vector<std::string>& keep) {
    if (!table.columns.empty())
        return;
    io::Column commune = from.columns.front();
    commune.key = "commune";
    commune.headerFr = commune.headerEn = "Commune";
    table.columns = {commune, tables::column("profession", "Profession", "Profession", ColumnType::Code),
                     tables::column("vintage", "Année", "Vintage", ColumnType::Integer)};
    for (const std::string& key : keep)
        table.columns.push_back(from.columns[static_cast<std::size_t>(from.column(key))]);
}

//! Row `r` of `from` as a row of the dataset's table (see addLeadingColumns).
io::Row leadingRow(const ResultTable& from, std::size_t r, const std::string& profession, int vintage,
                   const std::vector<std::string>& keep) {
    const std::vector<Cell>& cells = from.rows[r].cells;
    io::Row row;
    row.cells = {cells.front(), Cell::of(profession), Cell::of(static_cast<double>(vintage))};
    for (const std::string& key : keep)
        row.cells.push_back(cells[static_cast<std::size_t>(from.column(key))]);
    return row;
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

ResultTable communeDensitiesTable(const model::Dataset& dataset, const SecrecyRule& rule) {
    ResultTable t = tables::newTable("densites", msg("results.title.commune_densities"), rule);
    const std::vector<std::string> keep = {"population", "count", "per_10000",
                                           "inhabitants_per_professional"};
    addLeadingColumns(t, densityTable(dataset, DensityTableInput{}, rule), keep); // even without counts
    const std::vector<int> years = vintagesOf(dataset);
    for (const model::Profession& p : dataset.catalogue.professions()) {
        for (int year : years) {
            DensityTableInput input; // as `maillage density --level commune --profession P --vintage Y`
            input.profession = p.code;
            input.vintage = year;
            input.rows = densityForAllCommunes(dataset, p.code, year).rows;
            if (std::none_of(input.rows.begin(), input.rows.end(),
                             [](const DensityRow& r) { return r.count > 0; }))
                continue;
            const ResultTable density = densityTable(dataset, input, rule);
            const int count = density.column("count");
            if (density.columns[static_cast<std::size_t>(count)].type == ColumnType::Real)
                t.columns[static_cast<std::size_t>(t.column("count"))].type = ColumnType::Real; // FTE
            for (std::size_t r = 0; r < density.rows.size(); ++r) {
                const Cell& c = density.rows[r].cells[static_cast<std::size_t>(count)];
                if (!density.rowMasked(r) && c.hasValue() && c.number == 0)
                    continue; // filled by the view densites_completes
                t.rows.push_back(leadingRow(density, r, p.code, year, keep));
            }
        }
    }
    return t;
}

ResultTable communeAccessTable(const model::Dataset& dataset, const SecrecyRule& rule, Language language) {
    ResultTable t = tables::newTable("accessibilite", msg("results.title.commune_access"), rule);
    const std::vector<std::string> keep = {"access", "unit"};
    addLeadingColumns(t, accessibilityTable(dataset, AccessibilityInput{}), keep); // even without counts
    t.columns.push_back(tables::column("method", "Méthode", "Method", ColumnType::Text));
    const std::vector<int> years = vintagesOf(dataset);
    for (const std::string& code : aplProfessions()) {
        if (!dataset.catalogue.find(code))
            continue;
        // As `maillage access --profession P --vintage Y`: the dataset's saved parameters of P.
        const AccessParameters params = accessParameters(dataset.params, dataset.catalogue, code);
        for (int year : years) {
            const std::vector<DensityRow> counts = densityForAllCommunes(dataset, code, year).rows;
            if (std::none_of(counts.begin(), counts.end(), [](const DensityRow& r) { return r.count > 0; }))
                continue;
            AccessResult result;
            try {
                result = accessibility(dataset, code, year, params);
            } catch (const Error&) {
                // The saved parameters cannot apply to this vintage (FTE without its register, standardised
                // demand without population by age): `maillage access` says why; the dataset keeps the rest.
                continue;
            }
            AccessibilityInput input;
            input.values = result.values;
            input.unit = accessUnit(result, language);
            input.profession = code;
            input.vintage = result.vintage;
            input.secrecy = rule;
            input.language = language;
            const ResultTable access = accessibilityTable(dataset, input);
            for (std::size_t r = 0; r < access.rows.size(); ++r) {
                io::Row row = leadingRow(access, r, code, year, keep);
                row.cells.push_back(Cell::of(std::string(methodName(params.method))));
                t.rows.push_back(std::move(row));
            }
        }
    }
    return t;
}

} // namespace maillage::analysis
