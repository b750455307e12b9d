// The QPV analysis as a result table (core/analysis/qpv.h), statistical secrecy applied.
#include "core/analysis/poles.h"
#include "core/analysis/qpv.h"
#include "core/analysis/table_build.h"

#include <cmath>

namespace maillage::analysis {

using io::Cell;
using io::Column;
using io::ColumnType;

namespace {

using tables::column;
using tables::populationColumn;

//! Counts are whole numbers unless zone counts were carried or shared (then one decimal).
ColumnType countType(const QpvResult& result) {
    for (const QpvProfessionals& q : result.qpvs)
        if (std::fabs(q.within - std::round(q.within)) > 1e-9 ||
            std::fabs(q.inside - std::round(q.inside)) > 1e-9)
            return ColumnType::Real;
    return ColumnType::Integer;
}

std::vector<Column> qpvColumns(ColumnType counts) {
    std::vector<Column> c = {
        column("code", "QPV", "QPV", ColumnType::Code),
        column("name", "Nom", "Name", ColumnType::Text),
        column("commune", "Commune", "Commune", ColumnType::Code),
        populationColumn(),
        column("method", "Méthode", "Method", ColumnType::Text),
        column("inside", "Professionnels dans le QPV", "Professionals in the QPV", counts, 1),
        column("within", "Professionnels dans le QPV ou à distance", "Professionals in or near the QPV",
               counts, 1),
        column("per_10000_inside", "Densité dans le QPV pour 10 000 hab.",
               "Density in the QPV per 10,000 inhabitants", ColumnType::Real, 1),
        column("per_10000_within", "Densité dans le QPV ou à distance pour 10 000 hab.",
               "Density in or near the QPV per 10,000 inhabitants", ColumnType::Real, 1)};
    for (int t = 1; t <= 4; ++t) {
        const std::string k = "pole" + std::to_string(t), shortName = poleTypeShort(static_cast<PoleType>(t));
        c.push_back(column(k + "_bv", "Pôle " + shortName + " le plus proche",
                           "Nearest " + shortName + " pôle", ColumnType::Code));
        c.push_back(column(k + "_name", "Nom du pôle " + shortName, "Name of the " + shortName + " pôle",
                           ColumnType::Text));
        c.push_back(column(k + "_km", "Distance au pôle " + shortName,
                           "Distance to the " + shortName + " pôle", ColumnType::Real, 1, "km"));
        c.push_back(column(k + "_minutes", "Temps vers le pôle " + shortName,
                           "Time to the " + shortName + " pôle", ColumnType::Real, 0, "min"));
    }
    return c;
}

//! Per QPV: whether its inside and within counts are masked. The communes' and zones' counts they add
//! up are published in the density tables: a sum must not give their masked counts back.
struct QpvMask {
    std::vector<bool> inside, within;
};
QpvMask maskQpv(const QpvResult& result, const SecrecyRule& rule) {
    CountGrid grid;
    std::vector<int> insideCell, withinCell;
    for (const QpvProfessionals& q : result.qpvs) {
        insideCell.push_back(grid.add(q.inside));
        withinCell.push_back(grid.add(q.within));
        std::vector<int> in, all;
        for (const QpvPlace& p : q.places) {
            const int cell = grid.add(p.count, CountGrid::Visibility::Published);
            all.push_back(cell);
            if (p.inside)
                in.push_back(cell);
        }
        grid.relate(insideCell.back(), in);
        grid.relate(withinCell.back(), all);
    }
    const std::vector<bool> masked = grid.solve(rule);
    QpvMask out;
    for (std::size_t i = 0; i < result.qpvs.size(); ++i) {
        out.inside.push_back(masked[static_cast<std::size_t>(insideCell[i])]);
        out.within.push_back(masked[static_cast<std::size_t>(withinCell[i])]);
    }
    return out;
}

std::string methodKey(QpvMethod method) {
    switch (method) {
    case QpvMethod::Zones:
        return "zones";
    case QpvMethod::ZonesAndCommunes:
        return "zones+communes";
    case QpvMethod::Communes:
        break;
    }
    return "communes";
}

Cell densityCell(double count, double population, bool masked) {
    if (masked)
        return Cell::secret();
    return population > 0 ? Cell::of(count / population * 10000.0) : Cell::none();
}

io::Row qpvRow(const model::Dataset& dataset, std::size_t i, const QpvResult& result, const QpvMask& mask) {
    const QpvProfessionals& q = result.qpvs[i];
    io::Row row;
    row.cells = {Cell::of(q.code),
                 Cell::of(q.name),
                 q.commune.empty() ? Cell::none() : Cell::of(q.commune),
                 q.population > 0 ? Cell::of(q.population) : Cell::none(),
                 Cell::of(methodKey(q.method)),
                 Cell::orSecret(q.inside, mask.inside[i]),
                 Cell::orSecret(q.within, mask.within[i]),
                 densityCell(q.inside, q.population, mask.inside[i]),
                 densityCell(q.within, q.population, mask.within[i])};
    for (const QpvNearestPole& n : q.nearest) {
        const model::Bassin* b = n.bv.empty() ? nullptr : dataset.bassin(n.bv);
        row.cells.push_back(b ? Cell::of(n.bv) : Cell::none());
        row.cells.push_back(b ? Cell::of(b->name) : Cell::none());
        row.cells.push_back(b ? Cell::of(n.km) : Cell::none());
        row.cells.push_back(b && n.minutes >= 0 ? Cell::of(n.minutes) : Cell::none());
    }
    if (i < dataset.qpvs.size())
        row.wkb = dataset.qpvs[i].geometry;
    return row;
}

std::vector<Message> qpvNotes(const QpvResult& result) {
    std::vector<Message> notes = {
        msg("analysis.qpv_method_note", {arg::number("distance", result.distanceM)})};
    notes.push_back(result.travelTimes ? msg("analysis.qpv_times_note") : msg("analysis.qpv_no_times_note"));
    return notes;
}

} // namespace

io::ResultTable qpvTable(const model::Dataset& dataset, const QpvResult& result, const SecrecyRule& rule) {
    io::ResultTable t;
    t.name = "qpv";
    const model::Profession* p =
        result.profession.empty() ? nullptr : dataset.catalogue.resolve(result.profession);
    for (const Language language : {Language::Fr, Language::En}) {
        const std::string profession = p ? (language == Language::Fr ? p->labelFr : p->labelEn)
                                         : word(msg("results.all_professions"), language);
        const std::string title =
            word(msg("analysis.qpv_title", {arg::text("profession", profession),
                                            arg::text("vintage", std::to_string(result.vintage))}),
                 language);
        (language == Language::Fr ? t.titleFr : t.titleEn) = title;
    }
    t.secrecyApplied = rule.enabled;
    t.secrecyThreshold = rule.enabled ? rule.threshold : 0;
    t.epsg = model::kWorkingEpsg;
    t.columns = qpvColumns(countType(result));
    t.notes = qpvNotes(result);
    const QpvMask mask = maskQpv(result, rule);
    for (std::size_t i = 0; i < result.qpvs.size(); ++i)
        t.rows.push_back(qpvRow(dataset, i, result, mask));
    return t;
}

} // namespace maillage::analysis
