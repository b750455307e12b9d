#include "ui/print/territory_content.h"

#include "core/analysis/change.h"
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
#include <set>

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

//! The highest pôle type of `counts` (1 is the highest rank), 0 when none.
int highestType(const std::array<int, analysis::kPoleTypeCount>& counts) {
    for (int type = 1; type < analysis::kPoleTypeCount; ++type)
        if (counts[static_cast<std::size_t>(type)] > 0)
            return type;
    return 0;
}

//! "8 pôles : pôle de grande métropole (2), grand pôle (2)…" for a département: each type with its
//! number in brackets, so that the labels need no plural form.
QString polesPerType(const std::array<int, analysis::kPoleTypeCount>& counts, Language language) {
    QStringList parts;
    int poles = 0;
    for (int type = 1; type < analysis::kPoleTypeCount; ++type) {
        const int n = counts[static_cast<std::size_t>(type)];
        poles += n;
        if (n > 0) {
            const auto t = static_cast<analysis::PoleType>(type);
            parts << QStringLiteral("%1 (%2)").arg(
                qs(language == Language::Fr ? analysis::poleTypeLabelFr(t) : analysis::poleTypeLabelEn(t)),
                QString::number(n));
        }
    }
    if (poles == 0)
        return PrintText::tr("No pôle");
    return PrintText::tr("%n pôle(s): %1", nullptr, poles).arg(parts.join(QStringLiteral(", ")));
}

} // namespace

TerritoryContext territoryContext(const model::Dataset& dataset, Language language) {
    return territoryContext(
        dataset, analysis::classifyDataset(dataset, analysis::defaultVintage(dataset), dataset.params.poles),
        language);
}

TerritoryContext territoryContext(const model::Dataset& dataset, analysis::Classification classification,
                                  Language language) {
    const int vintage = classification.vintage;
    return TerritoryContext{dataset, analysis::SecrecyRule::from(dataset.params.density), language, vintage,
                            std::move(classification)};
}

std::vector<TerritoryFigures> bassinFigures(const TerritoryContext& context) {
    const model::Dataset& ds = context.dataset;
    const analysis::Classification& c = context.classification;
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
    const analysis::Classification& c = context.classification;
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

namespace {

//! "< 5" in the context's language.
QString maskedText(const TerritoryContext& context) {
    return qs(analysis::maskedLabel(context.rule, context.language));
}

QString countText(double count, bool masked, const TerritoryContext& context) {
    return masked ? maskedText(context) : population(count, context.language);
}

//! Per 10,000 inhabitants, one decimal; "< 5" when its count is masked, empty without inhabitants.
QString densityText(double count, double inhabitants, bool masked, const TerritoryContext& context) {
    if (masked)
        return maskedText(context);
    if (inhabitants <= 0)
        return QString();
    return qs(analysis::wording::number(count / inhabitants * 10000, 1, context.language));
}

//! True when `name` already says its level: "Région Littoral-Nord" needs no "Région (…)" around it.
bool namesItsLevel(const QString& name, std::initializer_list<const char*> levelWords) {
    for (const char* level : levelWords) {
        const QString word = QString::fromUtf8(level);
        if (name.startsWith(word, Qt::CaseInsensitive) &&
            (name.size() == word.size() || !name.at(word.size()).isLetter()))
            return true;
    }
    return false;
}

//! "Département (Nord)", "Bassin de vie (Lens)", "Sélection": a column header for `t`; the name alone when it
//! starts with its level's word ("Région Littoral-Nord").
QString levelHeader(const analysis::Territory& t, const model::Dataset& ds) {
    const QString name = qs(t.name);
    switch (t.level) {
    case analysis::TerritoryLevel::Bassin:
        return namesItsLevel(name, {"Bassin de vie", "Living area"})
                   ? name
                   : PrintText::tr("Bassin de vie (%1)").arg(name);
    case analysis::TerritoryLevel::Departement:
        return namesItsLevel(name, {"Département", "Departement", "Department"})
                   ? name
                   : PrintText::tr("Département (%1)").arg(name);
    case analysis::TerritoryLevel::Region:
        return namesItsLevel(name, {"Région", "Region"}) ? name : PrintText::tr("Région (%1)").arg(name);
    case analysis::TerritoryLevel::Dataset:
        return PrintText::tr("Whole dataset");
    case analysis::TerritoryLevel::Communes:
        return PrintText::tr("Selection");
    case analysis::TerritoryLevel::Commune:
        break;
    }
    return qs(t.name.empty() ? ds.meta.title : t.name);
}

//! Counts of every profession the dataset counts, per commune (dataset order), and the professions.
struct ProfessionCounts {
    std::vector<const model::Profession*> professions;
    std::vector<std::vector<double>> perCommune; //!< per profession
};

ProfessionCounts professionCounts(const model::Dataset& ds, int vintage) {
    ProfessionCounts out;
    for (const model::Profession& p : ds.catalogue.professions()) {
        std::vector<double> counts = analysis::countsByCommune(ds, p.code, vintage).counts;
        double sum = 0;
        for (double c : counts)
            sum += c;
        if (sum <= 0)
            continue; // a profession the dataset does not count
        out.professions.push_back(&p);
        out.perCommune.push_back(std::move(counts));
    }
    return out;
}

//! The sums of `counts` (per profession) and the population over the communes of `t`.
struct Sums {
    std::vector<double> parts;
    double total = 0, population = 0;
};

Sums sumsOver(const model::Dataset& ds, const ProfessionCounts& counts, const analysis::Territory& t) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < ds.communes.size(); ++i)
        index.emplace(ds.communes[i].code, i);
    Sums s;
    s.parts.assign(counts.professions.size(), 0);
    for (const std::string& code : t.communes) {
        const auto it = index.find(code);
        if (it == index.end())
            continue;
        s.population += ds.communes[it->second].population;
        for (std::size_t p = 0; p < counts.professions.size(); ++p)
            s.parts[p] += counts.perCommune[p][it->second];
    }
    for (double part : s.parts)
        s.total += part;
    return s;
}

//! The BVs' totals as the classification publishes them, by code.
std::map<std::string, double> publishedBassinTotals(const TerritoryContext& context) {
    const model::Dataset& ds = context.dataset;
    const analysis::Classification& c = context.classification;
    std::map<std::string, double> out;
    for (std::size_t i = 0; i < ds.bassins.size() && i < c.poles.size(); ++i)
        out[ds.bassins[i].code] = c.poles[i].total;
    return out;
}

//! The totals of the BVs of a département when their communes are exactly the département's (the
//! département's total is then their sum); empty otherwise.
std::vector<double> memberTotals(const TerritoryContext& context, const analysis::Territory& t) {
    const model::Dataset& ds = context.dataset;
    if (t.level != analysis::TerritoryLevel::Departement)
        return {};
    std::set<std::string> inside(t.communes.begin(), t.communes.end());
    std::set<std::string> bassins;
    for (const std::string& code : t.communes)
        if (const model::Commune* c = ds.commune(code))
            bassins.insert(c->bv);
    for (const model::Commune& c : ds.communes)
        if (bassins.count(c.bv) && !inside.count(c.code))
            return {}; // a BV across the border: no exact sum
    const std::map<std::string, double> totals = publishedBassinTotals(context);
    std::vector<double> out;
    for (const std::string& bv : bassins)
        out.push_back(totals.count(bv) ? totals.at(bv) : 0);
    return out;
}

} // namespace

TerritoryProfessionals territoryProfessionals(const TerritoryContext& context,
                                              const analysis::Territory& territory) {
    const model::Dataset& ds = context.dataset;
    const ProfessionCounts counts = professionCounts(ds, context.vintage);
    const Sums own = sumsOver(ds, counts, territory);
    std::vector<analysis::Territory> references = analysis::referencesOf(ds, territory);
    // A dataset of one région: the région and the whole dataset are the same figures, shown once.
    const bool regionIsDataset =
        references.size() >= 2 && references.back().level == analysis::TerritoryLevel::Dataset &&
        references[references.size() - 2].communes.size() == references.back().communes.size();
    if (regionIsDataset)
        references.pop_back();
    analysis::TerritoryCounts grid;
    grid.parts = own.parts;
    grid.total = own.total;
    if (territory.level == analysis::TerritoryLevel::Bassin) { // the classification publishes it
        const std::map<std::string, double> totals = publishedBassinTotals(context);
        grid.total = totals.count(territory.code) ? totals.at(territory.code) : own.total;
        grid.totalPublished = true;
    }
    grid.memberTotals = memberTotals(context, territory);
    std::vector<Sums> refs;
    for (const analysis::Territory& r : references) {
        refs.push_back(sumsOver(ds, counts, r));
        grid.referenceParts.push_back(refs.back().parts);
        grid.referenceTotals.push_back(refs.back().total);
    }
    const analysis::TerritoryMask mask = analysis::maskTerritoryCounts(grid, context.rule);
    TerritoryProfessionals out;
    out.total = grid.totalPublished ? QString() : countText(own.total, mask.total, context);
    TextTable& t = out.densities;
    t.header << PrintText::tr("Profession") << PrintText::tr("Professionals")
             << PrintText::tr("Density: %1").arg(levelHeader(territory, ds));
    for (const analysis::Territory& r : references)
        t.header << levelHeader(r, ds);
    if (regionIsDataset)
        t.header.back() = PrintText::tr("%1 = whole dataset").arg(t.header.back());
    for (std::size_t p = 0; p < counts.professions.size(); ++p) {
        const model::Profession& profession = *counts.professions[p];
        QStringList row{qs(context.language == Language::Fr ? profession.labelFr : profession.labelEn),
                        countText(own.parts[p], mask.parts[p], context),
                        densityText(own.parts[p], own.population, mask.parts[p], context)};
        for (const Sums& r : refs) // published elsewhere: masked there only when secret themselves
            row << densityText(r.parts[p], r.population, analysis::isSecret(r.parts[p], context.rule),
                               context);
        t.rows << row;
    }
    return out;
}

TextTable bassinTypes(const TerritoryContext& context, const std::vector<std::string>& bassins) {
    const model::Dataset& ds = context.dataset;
    const analysis::Classification& c = context.classification;
    const io::ResultTable t = analysis::classificationTable(ds, c.poles, context.rule, context.language);
    TextTable out;
    out.textColumns = 2;
    out.header << PrintText::tr("Bassin de vie") << PrintText::tr("Type") << PrintText::tr("Population")
               << PrintText::tr("Professionals");
    const std::set<std::string> wanted(bassins.begin(), bassins.end());
    for (std::size_t i = 0; i < t.rows.size() && i < ds.bassins.size(); ++i)
        if (wanted.count(ds.bassins[i].code))
            out.rows << QStringList{qs(ds.bassins[i].name), cell(t, i, "type_label", context.language),
                                    population(ds.bassins[i].population, context.language),
                                    cell(t, i, "total", context.language)};
    return out;
}

TextTable communeTable(const TerritoryContext& context, const analysis::Territory& territory) {
    const model::Dataset& ds = context.dataset;
    TextTable out;
    out.textColumns = 3;
    out.header << PrintText::tr("Commune") << PrintText::tr("Code") << PrintText::tr("Bassin de vie")
               << PrintText::tr("Population");
    for (const std::string& code : territory.communes) {
        const model::Commune* c = ds.commune(code);
        if (!c)
            continue;
        const model::Bassin* b = ds.bassin(c->bv);
        out.rows << QStringList{qs(c->name), qs(c->code), b ? qs(b->name) : qs(c->bv),
                                population(c->population, context.language)};
    }
    return out;
}

std::vector<std::string> bassinsOf(const model::Dataset& ds, const analysis::Territory& territory) {
    std::set<std::string> out;
    if (territory.level == analysis::TerritoryLevel::Departement) {
        for (const model::Bassin& b : ds.bassins)
            if (b.dep == territory.code)
                out.insert(b.code);
    } else {
        for (const std::string& code : territory.communes)
            if (const model::Commune* c = ds.commune(code))
                out.insert(c->bv);
    }
    return {out.begin(), out.end()};
}

TextTable bassinLinks(const TerritoryContext& context, const std::vector<std::string>& bassins, int limit) {
    const model::Dataset& ds = context.dataset;
    const analysis::Classification& c = context.classification;
    const analysis::MaillageResult m = analysis::computeMaillage(ds, c.poles, ds.params.maillage);
    const analysis::DeclaredLinks declared = analysis::declaredLinks(ds, c.poles);
    analysis::LinksInput input;
    input.modelled = &m;
    input.declared = &declared;
    const io::ResultTable t = analysis::linksTables(ds, input, context.rule).front();
    const std::set<std::string> selection(bassins.begin(), bassins.end());
    const bool several = selection.size() > 1;
    TextTable out;
    out.textColumns = several ? 3 : 2;
    if (several)
        out.header << PrintText::tr("Bassin de vie");
    out.header << PrintText::tr("Linked to") << PrintText::tr("Kind") << PrintText::tr("Distance (km)")
               << PrintText::tr("Intensity") << PrintText::tr("Dominant link");
    std::vector<std::size_t> rows;
    const auto from = static_cast<std::size_t>(t.column("from")),
               to = static_cast<std::size_t>(t.column("to"));
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (selection.count(t.rows[r].cells[from].text) || selection.count(t.rows[r].cells[to].text))
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
        const bool outgoing = selection.count(t.rows[r].cells[from].text) > 0;
        const QString kind = cell(t, r, "kind", context.language);
        QStringList row;
        if (several)
            row << cell(t, r, outgoing ? "from_name" : "to_name", context.language);
        row << cell(t, r, outgoing ? "to_name" : "from_name", context.language)
            << (kind == QLatin1String("declared")
                    ? PrintText::tr("declared: %1").arg(cell(t, r, "cooperation", context.language))
                    : PrintText::tr("modelled"))
            << cell(t, r, "distance_km", context.language) << cell(t, r, "intensity", context.language);
        // "Dominant" is the link's origin's: said as the other pôle's when the link comes into this one
        // (a bare "yes" read as this pôle's dominant link going towards a lighter one).
        const io::Cell& dominant = t.rows[r].cells[static_cast<std::size_t>(t.column("dominant"))];
        if (!outgoing && !dominant.masked && !dominant.empty && dominant.number != 0)
            row << PrintText::tr("yes, that of %1").arg(cell(t, r, "from_name", context.language));
        else
            row << cell(t, r, "dominant", context.language);
        out.rows << row;
    }
    return out;
}

QStringList crunchParagraphs(const TerritoryContext& context, const std::vector<std::string>& bassins) {
    const model::Dataset& ds = context.dataset;
    const int to = context.vintage;
    const int from = !ds.meta.vintages.empty() && ds.meta.vintages.front() < to &&
                             analysis::sameSource(ds, ds.meta.vintages.front(), to)
                         ? ds.meta.vintages.front()
                         : 0;
    const analysis::CrunchDiagnostics d = analysis::diagnoseCrunch(ds, bassins, context.classification,
                                                                   ds.params.poles, ds.params.crunch, from);
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

std::vector<SheetChoice> sheetChoices(const model::Dataset& ds, const QStringList& selectedBassins) {
    std::vector<SheetChoice> out;
    QStringList names, communes;
    std::set<std::string> selected;
    for (const QString& code : selectedBassins)
        if (const model::Bassin* b = ds.bassin(code.toStdString())) {
            names << qs(b->name);
            selected.insert(b->code);
        }
    for (const model::Commune& c : ds.communes) // in the dataset's order
        if (selected.count(c.bv))
            communes << qs(c.code);
    if (names.size() == 1)
        out.push_back({PrintText::tr("Bassin de vie: %1 (%2)").arg(names.front(), selectedBassins.front()),
                       QStringLiteral("bv:") + selectedBassins.front()});
    else if (names.size() > 1)
        out.push_back({PrintText::tr("The %n selected bassins de vie (%1)", nullptr, names.size())
                           .arg(names.join(QStringLiteral(", "))),
                       QStringLiteral("communes:") + communes.join(QLatin1Char(','))});
    std::set<std::string> departements;
    for (const model::Commune& c : ds.communes)
        departements.insert(c.dep);
    for (const std::string& code : departements) {
        const auto name = ds.departementNames.find(code);
        out.push_back({PrintText::tr("Département: %1 (%2)")
                           .arg(name == ds.departementNames.end() ? qs(code) : qs(name->second), qs(code)),
                       QStringLiteral("departement:") + qs(code)});
    }
    return out;
}

QString secrecyText(const TerritoryContext& context) {
    return qs(word(analysis::secrecyNote(context.rule), context.language));
}

} // namespace maillage::ui::print
