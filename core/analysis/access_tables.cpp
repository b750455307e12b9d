#include "core/analysis/access_tables.h"

#include "core/analysis/table_build.h"

#include "core/model/text.h"

#include <cmath>
#include <functional>

namespace maillage::analysis {

using io::Cell;
using io::Column;
using io::ColumnType;
using io::ResultTable;

using tables::bassinName;
using tables::column;
using tables::newTable;
using tables::populationColumn;
using tables::typeLabel;

std::string zonageClassLabel(const std::vector<double>& thresholds, int k) {
    if (thresholds.empty() || k < 0 || k > static_cast<int>(thresholds.size()))
        return {};
    const auto at = [&](int i) { return text::formatShortest(thresholds[static_cast<std::size_t>(i)]); };
    if (k == 0)
        return "< " + at(0);
    if (k == static_cast<int>(thresholds.size()))
        return "\u2265 " + at(k - 1);
    return at(k - 1) + " \u2013 " + at(k);
}

void setZonageColumn(ResultTable& access, const UnitZonage& zonage, const std::vector<std::string>& unitOf) {
    const int zonageColumn = access.column("zonage");
    if (zonageColumn < 0)
        return;
    access.columns.push_back(column("zonage_unit", "Unité du zonage", "Zonage unit", ColumnType::Code));
    for (std::size_t r = 0; r < access.rows.size(); ++r) {
        const int k = r < zonage.zonage.classOf.size() ? zonage.zonage.classOf[r] : -1;
        access.rows[r].cells[static_cast<std::size_t>(zonageColumn)] =
            k < 0 ? Cell::none() : Cell::of(zonageClassLabel(zonage.zonage.thresholds, k));
        access.rows[r].cells.push_back(r < unitOf.size() && !unitOf[r].empty() ? Cell::of(unitOf[r])
                                                                               : Cell::none());
    }
}

ResultTable zonageTable(const UnitZonage& zonage, const std::string& unitKind, bool standardised,
                        const SecrecyRule& rule) {
    ResultTable t = newTable("access_zonage", msg("analysis.access.title_zonage"), rule);
    t.columns = {column("class", "Classe", "Class", ColumnType::Integer),
                 column("label", "Seuils", "Thresholds", ColumnType::Text),
                 column("units", "Unités", "Units", ColumnType::Integer),
                 column("communes", "Communes", "Communes", ColumnType::Integer),
                 populationColumn(standardised ? "Population standardisée" : "Population",
                                  standardised ? "Standardised population" : "Population", "hab.")};
    t.notes.push_back(msg("analysis.access.note_zonage_unit", {arg::code("unit", unitKind)}));
    const Zonage& z = zonage.zonage;
    for (std::size_t k = 0; k < z.populationOf.size(); ++k) {
        io::Row row;
        row.cells = {Cell::of(static_cast<double>(k)),
                     Cell::of(zonageClassLabel(z.thresholds, static_cast<int>(k))),
                     Cell::of(static_cast<double>(zonage.unitsOf[k])),
                     Cell::of(static_cast<double>(z.communesOf[k])), Cell::of(z.populationOf[k])};
        t.rows.push_back(std::move(row));
    }
    return t;
}

namespace {

//! Table "access_sensitivity" titled `title`, each row described by `describe`.
ResultTable changesTable(const std::vector<ZonageChange>& changes, const Message& title,
                         const SecrecyRule& rule,
                         const std::function<std::string(const ZonageChange&)>& describe) {
    ResultTable t = newTable("access_sensitivity", title, rule);
    t.columns = {
        column("value", "Valeur", "Value", ColumnType::Real),
        column("communes", "Communes changeant de classe", "Communes changing class", ColumnType::Integer),
        populationColumn("Leur population", "Their population"),
        column("description", "Description", "Description", ColumnType::Text)};
    for (const ZonageChange& change : changes) {
        io::Row row;
        row.cells = {Cell::of(change.value), Cell::of(static_cast<double>(change.communes.size())),
                     Cell::of(change.population), Cell::of(describe(change))};
        t.rows.push_back(std::move(row));
    }
    return t;
}

} // namespace

ResultTable zonageSensitivityTable(const std::vector<ZonageChange>& changes, std::size_t index,
                                   bool standardised, const SecrecyRule& rule, Language language) {
    return changesTable(
        changes,
        msg("analysis.access.title_sensitivity", {arg::integer("n", static_cast<long long>(index + 1))}),
        rule, [&](const ZonageChange& change) {
            return describeZonageChange(change, index, standardised, language);
        });
}

ResultTable accessSensitivityTable(const std::vector<ZonageChange>& changes, const std::string& key,
                                   bool standardised, const SecrecyRule& rule, Language language) {
    return changesTable(changes, msg("analysis.access.title_parameter", {arg::code("key", key)}), rule,
                        [&](const ZonageChange& change) {
                            return word(
                                msg(standardised ? "analysis.access.parameter_change_standardised"
                                                 : "analysis.access.parameter_change",
                                    {arg::code("key", key), arg::number("value", change.value),
                                     arg::integer("communes", static_cast<long long>(change.communes.size())),
                                     arg::number("population", change.population, 0)}),
                                language);
                        });
}

namespace {

//! The margin of one condition, signed: the spare professionals (> 0) or minus the missing ones.
Cell signedMargin(const Margin& m, bool masked) {
    if (masked)
        return Cell::secret();
    if (!m.reachable)
        return Cell::none();
    return Cell::of(m.met ? m.spare : -m.needed);
}

//! Whether the margin of each condition (MarginKind order) gives back a masked count.
std::vector<bool> maskedMargins(const ClassificationMask& m) {
    return {m.total, m.total, m.total, m.total || m.pole, m.total || m.psy, m.exPsy};
}

io::Row marginsRow(const model::Dataset& ds, const PoleClassification& p, const SecrecyRule& rule,
                   Language language) {
    const ClassificationMask mask = maskClassification(p.total, p.pole, p.psy, rule);
    const BassinMargins margins = marginsOf(p);
    const std::vector<bool> masked = maskedMargins(mask);
    io::Row row;
    row.cells = {Cell::of(p.bv), Cell::of(bassinName(ds, p.bv)),
                 Cell::of(static_cast<double>(static_cast<int>(p.type))),
                 Cell::of(typeLabel(p.type, language))};
    for (std::size_t k = 0; k < margins.margins.size(); ++k)
        row.cells.push_back(signedMargin(margins.margins[k], masked[k]));
    row.cells.push_back(Cell::of(
        mask.any() ? word(msg("results.reason_masked", {arg::text("type", typeLabel(p.type, language)),
                                                        arg::number("threshold", rule.threshold)}),
                          language)
                   : describeMargins(margins, language)));
    return row;
}

} // namespace

ResultTable marginsTable(const model::Dataset& dataset, const std::vector<PoleClassification>& poles,
                         const SecrecyRule& rule, Language language) {
    ResultTable t = newTable("margins", msg("analysis.margin.title"), rule);
    t.columns = {column("bv", "Bassin de vie", "Bassin de vie", ColumnType::Code),
                 column("name", "Nom", "Name", ColumnType::Text),
                 column("type", "Type", "Type", ColumnType::Integer),
                 column("type_label", "Type de pôle", "Pole type", ColumnType::Text),
                 column("margin_metropole", "Marge au seuil des métropoles",
                        "Margin to the metropolis threshold", ColumnType::Real),
                 column("margin_grand_pole", "Marge au seuil des grands pôles",
                        "Margin to the grand pôle threshold", ColumnType::Real),
                 column("margin_intermediate", "Marge au seuil des pôles intermédiaires",
                        "Margin to the intermediate pôle threshold", ColumnType::Real),
                 column("margin_pole_share", "Marge à la part des professions de pôle",
                        "Margin to the share of pôle professions", ColumnType::Real),
                 column("margin_psy_share", "Marge à la part des infirmiers psychiatriques",
                        "Margin to the share of psychiatric nurses", ColumnType::Real),
                 column("margin_secondary", "Marge au seuil des pôles secondaires",
                        "Margin to the secondary pôle threshold", ColumnType::Real),
                 column("margins", "Marges", "Margins", ColumnType::Text)};
    t.notes.push_back(msg("analysis.margin.note_sign"));
    for (const PoleClassification& p : poles)
        t.rows.push_back(marginsRow(dataset, p, rule, language));
    return t;
}

std::vector<ResultTable> sensitivityTables(const model::Dataset& dataset, const Sensitivity& sensitivity,
                                           const SecrecyRule& rule, Language language) {
    const Message title = msg("analysis.sensitivity.title", {arg::code("key", sensitivity.key)});
    ResultTable changes = newTable("sensitivity_changes", title, rule);
    changes.columns = {column("value", "Valeur", "Value", ColumnType::Real),
                       column("bv", "Bassin de vie", "Bassin de vie", ColumnType::Code),
                       column("name", "Nom", "Name", ColumnType::Text),
                       column("from", "Type de base", "Base type", ColumnType::Integer),
                       column("from_label", "Type de pôle de base", "Base pole type", ColumnType::Text),
                       column("to", "Type", "Type", ColumnType::Integer),
                       column("to_label", "Type de pôle", "Pole type", ColumnType::Text)};
    ResultTable summary = newTable("sensitivity", title, rule);
    summary.columns = {
        column("value", "Valeur", "Value", ColumnType::Real),
        column("changes", "Bassins changeant de type", "Bassins changing type", ColumnType::Integer),
        column("description", "Description", "Description", ColumnType::Text)};
    const Message base = msg("analysis.sensitivity.note_base",
                             {arg::code("key", sensitivity.key), arg::number("value", sensitivity.base)});
    changes.notes.push_back(base);
    summary.notes.push_back(base);
    for (std::size_t s = 0; s < sensitivity.steps.size(); ++s) {
        const SensitivityStep& step = sensitivity.steps[s];
        for (const MarginTypeChange& c : step.changes) {
            io::Row row;
            row.cells = {Cell::of(step.value),
                         Cell::of(c.bv),
                         Cell::of(bassinName(dataset, c.bv)),
                         Cell::of(static_cast<double>(static_cast<int>(c.from))),
                         Cell::of(typeLabel(c.from, language)),
                         Cell::of(static_cast<double>(static_cast<int>(c.to))),
                         Cell::of(typeLabel(c.to, language))};
            changes.rows.push_back(std::move(row));
        }
        io::Row row;
        row.cells = {Cell::of(step.value), Cell::of(static_cast<double>(step.changes.size())),
                     Cell::of(describeSensitivityStep(sensitivity, s, language))};
        summary.rows.push_back(std::move(row));
    }
    return {std::move(summary), std::move(changes)};
}

} // namespace maillage::analysis
