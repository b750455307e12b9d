#include "ui/print/territory_content.h"

#include "core/analysis/crunch.h"
#include "core/analysis/density.h"
#include "core/analysis/maillage.h"
#include "core/analysis/poles.h"
#include "core/analysis/result_tables.h"
#include "core/analysis/wording.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <map>

namespace maillage::ui::print {

namespace {

struct PrintText {
    Q_DECLARE_TR_FUNCTIONS(maillage::ui::print::PrintText)
};

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

//! The cell `key` of row `row`, formatted for people ("< 5" when masked).
QString cell(const io::ResultTable& t, std::size_t row, const char* key, Language language) {
    const int c = t.column(key);
    return c < 0 ? QString() : qs(io::formatCell(t, row, static_cast<std::size_t>(c), language));
}

QString population(double value, Language language) {
    return qs(analysis::wording::number(value, 0, language));
}

analysis::Classification classification(const model::Dataset& dataset) {
    return analysis::classifyDataset(dataset, 0, dataset.params.poles);
}

//! The highest pôle type of `counts` (1 is the highest rank), 0 when none.
int highestType(const std::array<int, analysis::kPoleTypeCount>& counts) {
    for (int type = 1; type < analysis::kPoleTypeCount; ++type)
        if (counts[static_cast<std::size_t>(type)] > 0)
            return type;
    return 0;
}

//! "2 pôles : 1 grand pôle (GP), 1 pôle secondaire (Ps)" for a département.
QString polesPerType(const std::array<int, analysis::kPoleTypeCount>& counts, Language language) {
    QStringList parts;
    int poles = 0;
    for (int type = 1; type < analysis::kPoleTypeCount; ++type) {
        const int n = counts[static_cast<std::size_t>(type)];
        poles += n;
        if (n > 0) {
            const auto t = static_cast<analysis::PoleType>(type);
            parts << QStringLiteral("%1 %2").arg(n).arg(
                qs(language == Language::Fr ? analysis::poleTypeLabelFr(t) : analysis::poleTypeLabelEn(t)));
        }
    }
    if (poles == 0)
        return PrintText::tr("No pôle");
    return PrintText::tr("%n pôle(s): %1", nullptr, poles).arg(parts.join(QStringLiteral(", ")));
}

//! "Département (Nord)": the level and the name of the BV's own, when the dataset names it.
QString withName(const QString& level, const std::map<std::string, std::string>& names, const std::string& bv,
                 const model::Dataset& ds, bool departement) {
    const model::Bassin* b = ds.bassin(bv);
    if (!b)
        return level;
    const auto name = names.find(departement ? b->dep : b->reg);
    return name == names.end() ? level : QStringLiteral("%1 (%2)").arg(level, qs(name->second));
}

} // namespace

std::vector<TerritoryFigures> bassinFigures(const TerritoryContext& context) {
    const model::Dataset& ds = context.dataset;
    const analysis::Classification c = classification(ds);
    const io::ResultTable t = analysis::classificationTable(ds, c.poles, context.rule, context.language);
    std::vector<TerritoryFigures> out;
    for (std::size_t i = 0; i < t.rows.size() && i < ds.bassins.size(); ++i) {
        TerritoryFigures f;
        f.code = qs(ds.bassins[i].code);
        f.name = qs(ds.bassins[i].name);
        f.poleType = static_cast<int>(c.poles[i].type);
        f.typeLabel = cell(t, i, "type_label", context.language);
        f.figures =
            PrintText::tr("Population: %1").arg(population(ds.bassins[i].population, context.language)) +
            QLatin1Char('\n') +
            PrintText::tr("Health professionals: %1").arg(cell(t, i, "total", context.language)) +
            QLatin1Char('\n') +
            PrintText::tr("Share of pôle professions: %1").arg(cell(t, i, "pole_share", context.language));
        f.reason = cell(t, i, "reason", context.language);
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<TerritoryFigures> departementFigures(const TerritoryContext& context) {
    const model::Dataset& ds = context.dataset;
    const analysis::Classification c = classification(ds);
    struct Sum {
        double population = 0;
        int bassins = 0;
        std::array<int, analysis::kPoleTypeCount> types{};
    };
    std::map<std::string, Sum> sums;
    for (std::size_t i = 0; i < ds.bassins.size() && i < c.poles.size(); ++i) {
        Sum& s = sums[ds.bassins[i].dep];
        ++s.bassins;
        ++s.types[static_cast<std::size_t>(c.poles[i].type)];
    }
    for (const model::Commune& commune : ds.communes)
        sums[commune.dep].population += commune.population;
    std::vector<TerritoryFigures> out;
    for (const auto& [code, s] : sums) {
        TerritoryFigures f;
        f.code = qs(code);
        const auto name = ds.departementNames.find(code);
        f.name = name == ds.departementNames.end() ? qs(code) : qs(name->second);
        f.poleType = highestType(s.types);
        f.typeLabel = polesPerType(s.types, context.language);
        // Numbers of BVs and inhabitants: no count of professionals, nothing to mask.
        f.figures = PrintText::tr("Population: %1").arg(population(s.population, context.language)) +
                    QLatin1Char('\n') + PrintText::tr("%n bassin(s) de vie", nullptr, s.bassins);
        out.push_back(std::move(f));
    }
    return out;
}

TextTable densityReferences(const TerritoryContext& context, const std::string& bv) {
    const model::Dataset& ds = context.dataset;
    TextTable out;
    out.header << PrintText::tr("Profession") << PrintText::tr("Professionals in the BV")
               << PrintText::tr("Bassin de vie")
               << withName(PrintText::tr("Département"), ds.departementNames, bv, ds, true)
               << withName(PrintText::tr("Région"), ds.regionNames, bv, ds, false)
               << PrintText::tr("Whole dataset");
    for (const model::Profession& p : ds.catalogue.professions()) {
        const analysis::DensityDrillDown d = analysis::densityForBassin(ds, bv, p.code, 0);
        if (d.dataset.count <= 0)
            continue; // a profession the dataset does not count
        const io::ResultTable t = analysis::densityDrillDownTable(d, context.rule);
        QStringList row{qs(context.language == Language::Fr ? p.labelFr : p.labelEn)};
        QString count;
        QStringList densities{QString(), QString(), QString(), QString()};
        const char* levels[] = {"bv", "departement", "region", "dataset"};
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const QString level = cell(t, r, "level", context.language);
            if (level == QLatin1String("parent"))
                count = cell(t, r, "count", context.language);
            for (int l = 0; l < 4; ++l)
                if (level == QLatin1String(levels[l]))
                    densities[l] = cell(t, r, "per_10000", context.language);
        }
        out.rows << (row << count << densities);
    }
    return out;
}

TextTable bassinLinks(const TerritoryContext& context, const std::string& bv, int limit) {
    const model::Dataset& ds = context.dataset;
    const analysis::Classification c = classification(ds);
    const analysis::MaillageResult m = analysis::computeMaillage(ds, c.poles, ds.params.maillage);
    const analysis::DeclaredLinks declared = analysis::declaredLinks(ds, c.poles);
    analysis::LinksInput input;
    input.modelled = &m;
    input.declared = &declared;
    const io::ResultTable t = analysis::linksTables(ds, input, context.rule).front();
    TextTable out;
    out.textColumns = 2;
    out.header << PrintText::tr("Linked to") << PrintText::tr("Kind") << PrintText::tr("Distance (km)")
               << PrintText::tr("Intensity") << PrintText::tr("Dominant link");
    std::vector<std::size_t> rows;
    const int from = t.column("from"), to = t.column("to");
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (t.rows[r].cells[static_cast<std::size_t>(from)].text == bv ||
            t.rows[r].cells[static_cast<std::size_t>(to)].text == bv)
            rows.push_back(r);
    // Strongest first; masked intensities (no value) last, so that their order gives nothing away.
    const auto intensity = static_cast<std::size_t>(t.column("intensity"));
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        const io::Cell &x = t.rows[a].cells[intensity], &y = t.rows[b].cells[intensity];
        return x.hasValue() && (!y.hasValue() || x.number > y.number);
    });
    for (std::size_t r : rows) {
        if (out.rows.size() >= limit)
            break;
        const bool outgoing = t.rows[r].cells[static_cast<std::size_t>(from)].text == bv;
        const QString kind = cell(t, r, "kind", context.language);
        out.rows << QStringList{
            cell(t, r, outgoing ? "to_name" : "from_name", context.language),
            kind == QLatin1String("declared")
                ? PrintText::tr("declared: %1").arg(cell(t, r, "cooperation", context.language))
                : PrintText::tr("modelled"),
            cell(t, r, "distance_km", context.language), cell(t, r, "intensity", context.language),
            cell(t, r, "dominant", context.language)};
    }
    return out;
}

QStringList crunchParagraphs(const TerritoryContext& context, const std::string& bv) {
    const model::Dataset& ds = context.dataset;
    const model::Bassin* bassin = ds.bassin(bv);
    std::vector<std::string> selection;
    for (const model::Bassin& b : ds.bassins)
        if (bassin && b.reg == bassin->reg)
            selection.push_back(b.code);
    const int to = ds.latestVintage();
    const int from = ds.meta.vintages.size() > 1 ? ds.meta.vintages.front() : 0;
    const analysis::CrunchDiagnostics d =
        analysis::diagnoseCrunch(ds, selection, ds.params.poles, ds.params.crunch, to, from);
    QStringList out;
    for (const io::ResultTable& t : analysis::crunchTables(ds, d, context.rule, context.language)) {
        if (t.name != "crunch_diagnosis")
            continue;
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            out << cell(t, r, "diagnosis", context.language);
        for (const Message& note : t.notes)
            out << qs(word(note, context.language));
    }
    return out;
}

QString secrecyText(const TerritoryContext& context) {
    return qs(word(analysis::secrecyNote(context.rule), context.language));
}

} // namespace maillage::ui::print
