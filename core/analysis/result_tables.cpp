#include "core/analysis/result_tables.h"

#include "core/analysis/table_build.h"
#include "core/model/text.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace maillage::analysis {

using io::Cell;
using io::Column;
using io::ColumnType;
using io::ResultTable;

namespace tables {

Column column(std::string key, std::string fr, std::string en, ColumnType type, int decimals,
              std::string unit) {
    return Column{std::move(key), std::move(fr), std::move(en), type, std::move(unit), decimals};
}

Column populationColumn(std::string fr, std::string en, std::string unit) {
    return column("population", std::move(fr), std::move(en), ColumnType::Integer, -1, std::move(unit));
}

ResultTable newTable(std::string name, const std::function<Message(Language)>& titleIn,
                     const SecrecyRule& rule) {
    ResultTable t;
    t.name = std::move(name);
    t.titleFr = word(titleIn(Language::Fr), Language::Fr);
    t.titleEn = word(titleIn(Language::En), Language::En);
    t.secrecyApplied = rule.enabled;
    t.secrecyThreshold = rule.enabled ? rule.threshold : 0;
    return t;
}

ResultTable newTable(std::string name, const Message& title, const SecrecyRule& rule) {
    return newTable(
        std::move(name), [&](Language) { return title; }, rule);
}

std::string bassinName(const model::Dataset& ds, const std::string& code) {
    const model::Bassin* b = ds.bassin(code);
    return b ? b->name : std::string();
}

std::string typeLabel(PoleType type, Language language) {
    return language == Language::Fr ? poleTypeLabelFr(type) : poleTypeLabelEn(type);
}

} // namespace tables

using tables::bassinName;
using tables::column;
using tables::newTable;
using tables::populationColumn;

namespace {

//! Counts are whole numbers, except full-time equivalents and scaled counts: the column says which.
ColumnType countType(const std::vector<double>& values) {
    for (double v : values)
        if (std::isfinite(v) && std::fabs(v - std::round(v)) > 1e-9)
            return ColumnType::Real;
    return ColumnType::Integer;
}

std::string professionLabel(const model::Dataset& ds, const std::string& code, Language language) {
    if (code.empty())
        return word(msg("results.all_professions"), language);
    const model::Profession* p = ds.catalogue.resolve(code);
    if (!p)
        return code;
    return language == Language::Fr ? p->labelFr : p->labelEn;
}

//! A vintage in a title: the year, or "latest vintage" for 0.
std::string vintageText(int vintage, Language language) {
    return vintage > 0 ? std::to_string(vintage) : word(msg("results.latest_vintage"), language);
}

Cell numberOrNone(double value, bool present) {
    return present && std::isfinite(value) ? Cell::of(value) : Cell::none();
}

} // namespace

// ---------------------------------------------------------------- classification

namespace {

std::vector<Column> classificationColumns(const std::vector<PoleClassification>& poles) {
    std::vector<double> counts;
    for (const PoleClassification& p : poles)
        counts.insert(counts.end(), {p.total, p.pole, p.psy, p.exPsy});
    const ColumnType count = countType(counts);
    return {column("bv", "Bassin de vie", "Bassin de vie", ColumnType::Code),
            column("name", "Nom", "Name", ColumnType::Text),
            column("type", "Type", "Type", ColumnType::Integer),
            column("type_label", "Type de pôle", "Pole type", ColumnType::Text),
            column("total", "Professionnels", "Professionals", count),
            column("pole", "Professions de pôle", "Pole professions", count),
            column("psy", "Infirmiers en psychiatrie", "Psychiatric nurses", count),
            column("ex_psy", "Hors infirmiers en psychiatrie", "Excluding psychiatric nurses", count),
            column("pole_share", "Part des professions de pôle", "Share of pole professions",
                   ColumnType::Percent, 2),
            column("psy_share", "Part des infirmiers en psychiatrie", "Share of psychiatric nurses",
                   ColumnType::Percent, 2),
            column("reason", "Raison", "Reason", ColumnType::Text)};
}

io::Row classificationRow(const model::Dataset& ds, const PoleClassification& p, const SecrecyRule& rule,
                          Language language) {
    const ClassificationMask m = maskClassification(p.total, p.pole, p.psy, rule);
    const std::string label = tables::typeLabel(p.type, language);
    const std::string reason = publishableReason(p, m.reason, rule, language);
    io::Row row;
    row.cells = {Cell::of(p.bv),
                 Cell::of(bassinName(ds, p.bv)),
                 Cell::of(static_cast<double>(static_cast<int>(p.type))),
                 Cell::of(label),
                 Cell::orSecret(p.total, m.total),
                 Cell::orSecret(p.pole, m.pole),
                 !p.psyCounted ? Cell::none() : Cell::orSecret(p.psy, m.psy), // absent from the data: not 0
                 !p.psyCounted ? Cell::none() : Cell::orSecret(p.exPsy, m.exPsy), // total − unknown
                 m.poleShare ? Cell::secret() : numberOrNone(p.poleShare, p.total > 0),
                 !p.psyCounted ? Cell::none()
                 : m.psyShare  ? Cell::secret()
                               : numberOrNone(p.psyShare, p.total > 0),
                 Cell::of(reason)};
    return row;
}

} // namespace

std::string publishableReason(const PoleClassification& p, bool masked, const SecrecyRule& rule,
                              Language language) {
    // The reason quotes the figures: with one of them masked, the type alone is given.
    if (!masked)
        return describeClassification(p, language);
    return word(msg("results.reason_masked", {arg::text("type", tables::typeLabel(p.type, language)),
                                              arg::number("threshold", rule.threshold)}),
                language);
}

ResultTable classificationTable(const model::Dataset& dataset, const std::vector<PoleClassification>& poles,
                                const SecrecyRule& rule, Language language) {
    ResultTable t = newTable(
        "classification", [](Language) { return msg("results.title.classification"); }, rule);
    t.columns = classificationColumns(poles);
    for (const PoleClassification& p : poles)
        t.rows.push_back(classificationRow(dataset, p, rule, language));
    if (std::any_of(poles.begin(), poles.end(), [](const PoleClassification& p) { return !p.psyCounted; }))
        t.notes.push_back(msg("results.note_psy_not_counted"));
    return t;
}

// ---------------------------------------------------------------- density

namespace {

//! Each level: its key (command line, tables) and the message naming it in titles.
struct LevelInfo {
    DensityLevel level;
    const char* key;
    const char* message;
};
constexpr LevelInfo kLevels[] = {{DensityLevel::Commune, "commune", "results.level_commune"},
                                 {DensityLevel::Bassin, "bv", "results.level_bv"},
                                 {DensityLevel::Departement, "departement", "results.level_departement"},
                                 {DensityLevel::Region, "region", "results.level_region"},
                                 {DensityLevel::Zone, "zone", "results.level_zone"},
                                 {DensityLevel::Quartier, "quartier", "results.level_quartier"}};

const LevelInfo& levelInfo(DensityLevel level) {
    for (const LevelInfo& l : kLevels)
        if (l.level == level)
            return l;
    return kLevels[0];
}

} // namespace

bool parseDensityLevel(const std::string& text, DensityLevel& out) {
    for (const LevelInfo& l : kLevels)
        if (text == l.key) {
            out = l.level;
            return true;
        }
    return false;
}

std::string densityLevelName(DensityLevel level) {
    return levelInfo(level).key;
}

namespace {

//! The totals, published by the tables of the upper levels, that a unit of `level` is a part of
//! ("bv:59350", "dep:59", "all"...).
std::vector<std::string> parentKeys(const model::Dataset& ds, DensityLevel level, const std::string& code,
                                    const std::map<std::string, std::string>& zoneCommune,
                                    const std::map<std::string, std::string>& depRegion) {
    std::vector<std::string> keys;
    auto add = [&](const char* prefix, const std::string& parent) {
        if (!parent.empty())
            keys.push_back(prefix + parent);
    };
    if (level == DensityLevel::Zone || level == DensityLevel::Quartier) {
        const auto it = zoneCommune.find(code);
        add("commune:", it == zoneCommune.end() ? std::string() : it->second);
        return keys; // zones cover only some communes: no upper total is their sum
    }
    if (level == DensityLevel::Commune) {
        if (const model::Commune* c = ds.commune(code)) {
            add("bv:", c->bv);
            add("dep:", c->dep);
            add("reg:", c->reg);
        }
    } else if (level == DensityLevel::Bassin) {
        if (const model::Bassin* b = ds.bassin(code))
            add("reg:", b->reg);
    } else if (level == DensityLevel::Departement) {
        const auto it = depRegion.find(code);
        add("reg:", it == depRegion.end() ? std::string() : it->second);
    }
    keys.push_back("all");
    return keys;
}

bool sameUnits(const DensityParents& parents, DensityLevel level, const std::vector<DensityRow>& rows) {
    if (parents.level != level || parents.codes.size() != rows.size())
        return false;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (parents.codes[i] != rows[i].code)
            return false;
    return true;
}

} // namespace

DensityParents densityParents(const model::Dataset& ds, DensityLevel level,
                              const std::vector<DensityRow>& rows) {
    std::vector<std::string> codes;
    codes.reserve(rows.size());
    for (const DensityRow& r : rows)
        codes.push_back(r.code);
    return densityParents(ds, level, std::move(codes));
}

DensityParents densityParents(const model::Dataset& ds, DensityLevel level, std::vector<std::string> codes) {
    std::map<std::string, std::string> zoneCommune, depRegion;
    for (const model::Zone& z : ds.zones)
        zoneCommune.emplace(level == DensityLevel::Quartier && !z.quartier.empty() ? z.quartier : z.code,
                            z.commune);
    for (const model::Commune& c : ds.communes)
        depRegion.emplace(c.dep, c.reg);
    DensityParents out;
    out.level = level;
    out.codes = std::move(codes);
    std::map<std::string, std::vector<int>> groups; // by key: the order of the totals in the grid
    for (std::size_t i = 0; i < out.codes.size(); ++i)
        for (const std::string& key : parentKeys(ds, level, out.codes[i], zoneCommune, depRegion))
            groups[key].push_back(static_cast<int>(i));
    for (auto& [key, parts] : groups)
        out.groups.push_back(std::move(parts));
    return out;
}

std::vector<bool> maskDensityCounts(const model::Dataset& ds, const DensityTableInput& input,
                                    const SecrecyRule& rule, const DensityParents& parents) {
    if (!sameUnits(parents, input.level, input.rows))
        return maskDensityCounts(ds, input, rule, densityParents(ds, input.level, input.rows));
    std::vector<double> counts;
    counts.reserve(input.rows.size());
    for (const DensityRow& r : input.rows)
        counts.push_back(r.count);
    return maskUnitCounts(counts, rule, parents);
}

std::vector<bool> maskUnitCounts(const std::vector<double>& counts, const SecrecyRule& rule,
                                 const DensityParents& parents) {
    CountGrid grid;
    for (const double count : counts)
        grid.add(count); // cell i is unit i
    for (const std::vector<int>& parts : parents.groups) {
        double sum = 0;
        for (int p : parts)
            sum += counts[static_cast<std::size_t>(p)];
        grid.relate(grid.add(sum, CountGrid::Visibility::Published), parts);
    }
    std::vector<bool> masked = grid.solve(rule);
    masked.resize(counts.size());
    return masked;
}

namespace {

std::vector<Column> densityColumns(const std::vector<DensityRow>& rows) {
    std::vector<double> counts;
    for (const DensityRow& r : rows)
        counts.push_back(r.count);
    return {column("code", "Code", "Code", ColumnType::Code),
            column("name", "Nom", "Name", ColumnType::Text),
            populationColumn(),
            column("count", "Professionnels", "Professionals", countType(counts)),
            column("per_10000", "Pour 10 000 habitants", "Per 10,000 inhabitants", ColumnType::Real, 1),
            column("inhabitants_per_professional", "Habitants par professionnel",
                   "Inhabitants per professional", ColumnType::Real, 0, "hab.")};
}

} // namespace

io::Row densityRow(const DensityRow& r, bool masked) {
    io::Row row;
    row.cells = {Cell::of(r.code),
                 Cell::of(r.name),
                 Cell::of(r.population),
                 Cell::orSecret(r.count, masked),
                 masked ? Cell::secret() : numberOrNone(r.per10k, r.population > 0),
                 masked ? Cell::secret() : numberOrNone(r.inhabitantsPerProfessional, r.count > 0)};
    return row;
}

ResultTable densityTable(const model::Dataset& dataset, const DensityTableInput& input,
                         const SecrecyRule& rule) {
    auto title = [&](Language language) {
        return msg("results.title.density",
                   {arg::text("level", word(msg(levelInfo(input.level).message), language)),
                    arg::text("profession", professionLabel(dataset, input.profession, language)),
                    arg::text("vintage", vintageText(input.vintage, language))});
    };
    ResultTable t = newTable("density", title, rule);
    t.columns = densityColumns(input.rows);
    const std::vector<bool> masked =
        maskDensityCounts(dataset, input, rule, densityParents(dataset, input.level, input.rows));
    for (std::size_t i = 0; i < input.rows.size(); ++i)
        t.rows.push_back(densityRow(input.rows[i], masked[i]));
    return t;
}

ResultTable densityDrillDownTable(const DensityDrillDown& d, const SecrecyRule& rule) {
    auto title = [&](Language language) {
        const std::string profession =
            d.profession.empty() ? word(msg("results.all_professions"), language) : d.profession;
        return msg("results.title.drilldown",
                   {arg::text("parent", d.parent.name), arg::text("profession", profession),
                    arg::text("vintage", vintageText(d.vintage, language))});
    };
    ResultTable t = newTable("density_drilldown", title, rule);
    std::vector<DensityRow> all = d.rows;
    all.insert(all.end(), {d.parent, d.bassin, d.departement, d.region, d.dataset});
    t.columns = densityColumns(all);
    t.columns.insert(t.columns.begin(), column("level", "Niveau", "Level", ColumnType::Text));
    // The parent is shown with its rows: complementary secrecy between them. The references are totals of
    // other units (of which the rows are only a part): primary secrecy.
    CountGrid grid;
    std::vector<int> parts;
    for (const DensityRow& r : d.rows)
        parts.push_back(grid.add(r.count));
    const int parent = grid.add(d.parent.count);
    if (!parts.empty())
        grid.relate(parent, parts);
    const std::vector<bool> masked = grid.solve(rule);
    const char* levels[] = {"parent", "bv", "departement", "region", "dataset"};
    for (std::size_t i = 0; i < all.size(); ++i) {
        const bool isRow = i < d.rows.size();
        // A reference naming the parent itself (the BV drilled into) shares its mask.
        const bool sameAsParent = i > d.rows.size() && all[i].code == d.parent.code;
        const bool m =
            i <= d.rows.size() ? masked[i] : isSecret(all[i].count, rule) || (sameAsParent && masked[parent]);
        io::Row row = densityRow(all[i], m);
        row.cells.insert(row.cells.begin(), Cell::of(std::string(isRow ? "row" : levels[i - d.rows.size()])));
        t.rows.push_back(std::move(row));
    }
    return t;
}

// ---------------------------------------------------------------- accessibility

ResultTable accessibilityLayout(const model::Dataset& dataset, const AccessibilityInput& input) {
    auto title = [&](Language language) {
        return msg("results.title.access",
                   {arg::text("profession", professionLabel(dataset, input.profession, language)),
                    arg::text("vintage", vintageText(input.vintage, language))});
    };
    // Nothing to mask (see the header): the rule is stated as applied, with its threshold.
    ResultTable t =
        newTable("access", title, input.secrecy.value_or(SecrecyRule::from(dataset.params.density)));
    t.columns = {column("commune", "Commune", "Commune", ColumnType::Code),
                 column("name", "Nom", "Name", ColumnType::Text),
                 populationColumn(),
                 column("access", "Accessibilité", "Accessibility", ColumnType::Real, 3, input.unit),
                 column("unit", "Unité", "Unit", ColumnType::Text),
                 column("zonage", "Zonage", "Zonage", ColumnType::Text)};
    t.notes = input.notes;
    return t;
}

ResultTable accessibilityTable(const model::Dataset& dataset, const AccessibilityInput& input) {
    ResultTable t = accessibilityLayout(dataset, input);
    accessibilityRows(dataset, input, [&](const io::Row& row) { t.rows.push_back(row); });
    return t;
}

void accessibilityRows(const model::Dataset& dataset, const AccessibilityInput& input,
                       const io::RowSink& sink) {
    const std::string underServed = word(msg("analysis.access.zonage_underserved"), input.language);
    io::Row row;
    row.cells.resize(6);
    for (std::size_t i = 0; i < dataset.communes.size(); ++i) {
        const model::Commune& c = dataset.communes[i];
        const bool known = i < input.values.size() && std::isfinite(input.values[i]);
        const double value = known ? input.values[i] : 0;
        row.cells[0] = Cell::of(c.code);
        row.cells[1] = Cell::of(c.name);
        row.cells[2] = Cell::of(c.population);
        row.cells[3] = numberOrNone(value, known);
        row.cells[4] = Cell::of(input.unit);
        row.cells[5] = input.hasZonage && known
                           ? Cell::of(value < input.zonageThreshold ? underServed : std::string())
                           : Cell::none();
        sink(row);
    }
}

// ---------------------------------------------------------------- links

namespace {

std::vector<Column> linkColumns() {
    return {column("from", "De", "From", ColumnType::Code),
            column("from_name", "Nom (de)", "Name (from)", ColumnType::Text),
            column("to", "Vers", "To", ColumnType::Code),
            column("to_name", "Nom (vers)", "Name (to)", ColumnType::Text),
            column("distance_km", "Distance", "Distance", ColumnType::Real, 1, "km"),
            column("minutes", "Temps de trajet", "Travel time", ColumnType::Real, 0, "min"),
            column("intensity", "Intensité", "Intensity", ColumnType::Real, text::kMagnitudeDecimals),
            column("dominant", "Lien dominant", "Dominant link", ColumnType::Boolean),
            column("kind", "Origine", "Kind", ColumnType::Text),
            column("cooperation", "Coopération", "Cooperation", ColumnType::Text)};
}

//! Planar distance between the anchors of two BVs; none when either has no position.
Cell anchorDistanceKm(const model::Dataset& ds, const std::string& a, const std::string& b) {
    const model::Bassin* x = ds.bassin(a);
    const model::Bassin* y = ds.bassin(b);
    if (!x || !y || !model::hasPosition(x->anchor) || !model::hasPosition(y->anchor))
        return Cell::none();
    return Cell::of(planarDistanceKm(x->anchor, y->anchor));
}

io::Row linkRow(const model::Dataset& ds, const std::string& from, const std::string& to, Cell distanceKm,
                Cell minutes, Cell intensity, Cell dominant, const char* kind, std::string cooperation) {
    io::Row row;
    row.cells = {Cell::of(from),
                 Cell::of(bassinName(ds, from)),
                 Cell::of(to),
                 Cell::of(bassinName(ds, to)),
                 std::move(distanceKm),
                 std::move(minutes),
                 std::move(intensity),
                 std::move(dominant),
                 Cell::of(std::string(kind)),
                 cooperation.empty() ? Cell::none() : Cell::of(std::move(cooperation))};
    return row;
}

void addModelledLinks(const model::Dataset& ds, const MaillageResult& m, const SecrecyRule& rule,
                      ResultTable& t) {
    const bool minutes = m.distanceUnit == "min";
    for (const Link& l : m.links) {
        const PoleNode& a = m.nodes[l.from];
        const PoleNode& b = m.nodes[l.to];
        Cell km = minutes ? (model::hasPosition(a.position) && model::hasPosition(b.position)
                                 ? Cell::of(planarDistanceKm(a.position, b.position))
                                 : Cell::none())
                          : Cell::of(l.distance);
        t.rows.push_back(linkRow(ds, a.bv, b.bv, std::move(km), minutes ? Cell::of(l.distance) : Cell::none(),
                                 Cell::orSecret(l.intensity, isIntensityMasked(a.mass, b.mass, rule)),
                                 Cell::of(l.dominant ? 1.0 : 0.0), "modelled", {}));
    }
}

void addObservedLinks(const model::Dataset& ds, const std::vector<BassinFlow>& flows, const SecrecyRule& rule,
                      ResultTable& t) {
    // A flow is a number of people (patients, commuters): small ones are masked as counts are.
    for (const BassinFlow& f : flows)
        t.rows.push_back(linkRow(ds, f.origin, f.destination, anchorDistanceKm(ds, f.origin, f.destination),
                                 Cell::none(), Cell::orSecret(f.volume, isSecret(f.volume, rule)),
                                 Cell::none(), "observed", {}));
}

void addDeclaredLinks(const model::Dataset& ds, const DeclaredLinks& declared, ResultTable& t) {
    for (const DeclaredLink& l : declared.links)
        t.rows.push_back(linkRow(ds, l.from, l.to, anchorDistanceKm(ds, l.from, l.to), Cell::none(),
                                 Cell::none(), Cell::none(), "declared",
                                 l.kind.empty() ? l.cooperation : l.cooperation + " (" + l.kind + ")"));
}

io::Row isolatedRow(const model::Dataset& ds, const std::string& bv, PoleType type, const char* kind,
                    Cell distance, const std::string& unit) {
    const model::Bassin* b = ds.bassin(bv);
    io::Row row;
    row.cells = {Cell::of(bv),
                 Cell::of(b ? b->name : std::string()),
                 Cell::of(static_cast<double>(static_cast<int>(type))),
                 Cell::of(std::string(kind)),
                 std::move(distance),
                 Cell::of(unit),
                 b ? Cell::of(b->population) : Cell::none()};
    return row;
}

ResultTable isolatedTable(const model::Dataset& ds, const MaillageResult* m, const SecrecyRule& rule) {
    ResultTable t = newTable(
        "links_isolated", [](Language) { return msg("results.title.isolated"); }, rule);
    t.columns = {column("bv", "Bassin de vie", "Bassin de vie", ColumnType::Code),
                 column("name", "Nom", "Name", ColumnType::Text),
                 column("type", "Type", "Type", ColumnType::Integer),
                 column("kind", "Situation", "Kind", ColumnType::Text),
                 column("nearest_distance", "Distance au pôle le plus proche de même rang",
                        "Distance to the nearest pole of equal rank", ColumnType::Real, 1),
                 column("unit", "Unité", "Unit", ColumnType::Text),
                 populationColumn()};
    if (!m)
        return t;
    for (std::size_t i = 0; i < m->nodes.size(); ++i)
        if (i < m->isolated.size() && m->isolated[i]) {
            const double d = i < m->nearestPeerDistance.size() ? m->nearestPeerDistance[i] : INFINITY;
            t.rows.push_back(isolatedRow(ds, m->nodes[i].bv, m->nodes[i].type, "isolated_pole",
                                         numberOrNone(d, std::isfinite(d)), m->distanceUnit));
        }
    for (const std::string& bv : m->remoteBassins)
        t.rows.push_back(
            isolatedRow(ds, bv, PoleType::HorsPole, "remote_bassin", Cell::none(), m->distanceUnit));
    return t;
}

} // namespace

std::vector<ResultTable> linksTables(const model::Dataset& dataset, const LinksInput& input,
                                     const SecrecyRule& rule) {
    ResultTable links = newTable(
        "links", [](Language) { return msg("results.title.links"); }, rule);
    links.columns = linkColumns();
    if (input.modelled)
        addModelledLinks(dataset, *input.modelled, rule, links);
    if (input.observed)
        addObservedLinks(dataset, *input.observed, rule, links);
    if (input.declared)
        addDeclaredLinks(dataset, *input.declared, links);
    if (input.modelled)
        links.notes.push_back(
            msg("results.note_intensity", {arg::text("unit", input.modelled->distanceUnit)}));
    return {std::move(links), isolatedTable(dataset, input.modelled, rule)};
}

// ---------------------------------------------------------------- crunch

namespace {

std::string nameIn(const model::Dataset& ds, const CrunchDiagnostics& d, const std::string& bv) {
    const auto it = d.findings.names.find(bv);
    return it != d.findings.names.end() ? it->second : bassinName(ds, bv);
}

ResultTable crunchTypes(const CrunchDiagnostics& d, const SecrecyRule& rule, Language language) {
    // The comparison the paragraph makes (compareWithReference): the mean département for a département,
    // the share of the data's bassins for another selection, the mean région otherwise.
    const CrunchScope scope = d.findings.scope;
    const bool byDepartement = scope == CrunchScope::Departement, selection = scope == CrunchScope::Selection;
    const char* const title = byDepartement ? "results.title.crunch_types_departement"
                              : selection   ? "results.title.crunch_types_selection"
                                            : "results.title.crunch_types";
    ResultTable t = newTable("crunch_types", msg(title), rule);
    const std::string fr = crunchReferenceLabel(d, Language::Fr), en = crunchReferenceLabel(d, Language::En);
    t.columns = {column("type", "Type", "Type", ColumnType::Integer),
                 column("label", "Type de pôle", "Pole type", ColumnType::Text),
                 column("poles", "Pôles", "Poles", ColumnType::Integer),
                 byDepartement ? column("mean_per_departement", fr, en, ColumnType::Real, 2)
                 : selection   ? column("share_of_bassins", fr, en, ColumnType::Percent, 1)
                               : column("mean_per_region", fr, en, ColumnType::Real, 2)};
    for (int type = 1; type < kPoleTypeCount; ++type) {
        const auto pt = static_cast<PoleType>(type);
        io::Row row;
        row.cells = {Cell::of(static_cast<double>(type)), Cell::of(tables::typeLabel(pt, language)),
                     Cell::of(static_cast<double>(d.polesByType[type])),
                     numberOrNone(d.referenceByType[type], hasReference(d))};
        t.rows.push_back(std::move(row));
    }
    if (!d.findings.partialUnits.empty())
        t.notes.push_back(msg(
            byDepartement ? "results.note_crunch_partial_departements"
                          : "results.note_crunch_partial_regions",
            {arg::integer("n", d.findings.referenceUnits), arg::list("partial", d.findings.partialUnits)}));
    return t;
}

ResultTable crunchConcentration(const model::Dataset& ds, const CrunchDiagnostics& d, const CrunchMask& m,
                                const SecrecyRule& rule) {
    ResultTable t = newTable(
        "crunch_concentration", [](Language) { return msg("results.title.crunch_concentration"); }, rule);
    t.columns = {
        column("first_pole", "Premier pôle", "First pole", ColumnType::Code),
        column("first_pole_name", "Nom du premier pôle", "Name of the first pole", ColumnType::Text),
        column("first_mass", "Professionnels du premier pôle", "Professionals of the first pole",
               countType({d.firstMass, d.secondMass})),
        column("second_pole", "Deuxième pôle", "Second pole", ColumnType::Code),
        column("second_pole_name", "Nom du deuxième pôle", "Name of the second pole", ColumnType::Text),
        column("second_mass", "Professionnels du deuxième pôle", "Professionals of the second pole",
               countType({d.firstMass, d.secondMass})),
        column("primacy", "Primatie", "Primacy", ColumnType::Real, 2),
        column("macrocephalic", "Macrocéphalie", "Macrocephalic", ColumnType::Boolean),
        column("first_pole_share", "Part du premier pôle", "Share of the first pole", ColumnType::Percent, 1),
        column("herfindahl", "Indice de Herfindahl", "Herfindahl index", ColumnType::Real,
               kHerfindahlDecimals),
        column("equivalent_poles", "Nombre équivalent de bassins", "Equivalent number of bassins",
               ColumnType::Real, kEquivalentPolesDecimals),
        column("total_professionals", "Professionnels de la sélection", "Professionals of the selection",
               countType({d.totalProfessionals}))};
    const bool first = !d.firstPole.empty(), second = !d.secondPole.empty();
    const bool selection = m.selectionFigures;
    io::Row row;
    row.cells = {first ? Cell::of(d.firstPole) : Cell::none(),
                 first ? Cell::of(nameIn(ds, d, d.firstPole)) : Cell::none(),
                 m.firstMass ? Cell::secret() : numberOrNone(d.firstMass, first),
                 second ? Cell::of(d.secondPole) : Cell::none(),
                 second ? Cell::of(nameIn(ds, d, d.secondPole)) : Cell::none(),
                 m.secondMass ? Cell::secret() : numberOrNone(d.secondMass, second),
                 m.primacy ? Cell::secret() : numberOrNone(d.primacy, second && d.secondMass > 0),
                 m.primacy ? Cell::secret() : Cell::of(d.macrocephalic ? 1.0 : 0.0),
                 selection || m.firstMass ? Cell::secret() : numberOrNone(d.firstPoleShare, first),
                 m.concentration ? Cell::secret() : Cell::of(d.herfindahl),
                 m.concentration ? Cell::secret() : numberOrNone(d.equivalentPoles, d.herfindahl > 0),
                 selection ? Cell::secret() : Cell::of(d.totalProfessionals)};
    t.rows.push_back(std::move(row));
    return t;
}

ResultTable crunchEvolution(const CrunchDiagnostics& d, const CrunchMask& m, const SecrecyRule& rule) {
    ResultTable t = newTable(
        "crunch_evolution", [](Language) { return msg("results.title.crunch_evolution"); }, rule);
    t.columns = {column("vintage_from", "Millésime de départ", "From vintage", ColumnType::Integer),
                 column("vintage_to", "Millésime d'arrivée", "To vintage", ColumnType::Integer),
                 column("pole_change_percent", "Évolution dans les pôles", "Change in the poles",
                        ColumnType::Real, 1, "%"),
                 column("non_pole_change_percent", "Évolution hors pôles", "Change outside the poles",
                        ColumnType::Real, 1, "%"),
                 column("drain_correlation", "Corrélation évolution-distance", "Change-distance correlation",
                        ColumnType::Real, 2),
                 column("correlation_points", "Bassins de la corrélation", "Bassins in the correlation",
                        ColumnType::Integer)};
    // The correlation as published: over the BVs whose change is shown (publishableCrunch).
    const CrunchDiagnostics shown = publishableCrunch(d, m);
    io::Row row;
    row.cells = {Cell::of(static_cast<double>(d.vintageFrom)),
                 Cell::of(static_cast<double>(d.vintageTo)),
                 Cell::orSecret(d.poleChangePercent, m.poleChange),
                 Cell::orSecret(d.nonPoleChangePercent, m.nonPoleChange),
                 shown.findings.correlationPoints >= 3 ? Cell::of(shown.drainCorrelation) : Cell::none(),
                 Cell::of(static_cast<double>(shown.findings.correlationPoints))};
    t.rows.push_back(std::move(row));
    return t;
}

std::vector<Column> changeColumns(const CrunchDiagnostics& d) {
    std::vector<double> counts;
    for (const BassinChange& c : d.changes)
        counts.insert(counts.end(), {c.before, c.after});
    const ColumnType count = countType(counts);
    return {column("bv", "Bassin de vie", "Bassin de vie", ColumnType::Code),
            column("name", "Nom", "Name", ColumnType::Text),
            column("type", "Type", "Type", ColumnType::Integer),
            column("before", "Professionnels (départ)", "Professionals (from)", count),
            column("after", "Professionnels (arrivée)", "Professionals (to)", count),
            column("change", "Évolution", "Change", count),
            column("change_percent", "Évolution (%)", "Change (%)", ColumnType::Real, 1, "%"),
            column("distance_to_main_km", "Distance au pôle principal", "Distance to the main pole",
                   ColumnType::Real, 1, "km"),
            column("at_risk", "Pôle menacé", "Pole at risk", ColumnType::Boolean),
            column("nearest_large_pole", "Grand pôle le plus proche", "Nearest large pole", ColumnType::Code),
            column("nearest_large_pole_km", "Distance au grand pôle", "Distance to the large pole",
                   ColumnType::Real, 1, "km")};
}

ResultTable crunchChanges(const model::Dataset& ds, const CrunchDiagnostics& d, const CrunchMask& m,
                          const SecrecyRule& rule) {
    ResultTable t = newTable(
        "crunch_changes", [](Language) { return msg("results.title.crunch_changes"); }, rule);
    t.columns = changeColumns(d);
    for (std::size_t i = 0; i < d.changes.size(); ++i) {
        const BassinChange& c = d.changes[i];
        const bool large = !c.nearestLargePole.empty();
        io::Row row;
        row.cells = {Cell::of(c.bv),
                     Cell::of(nameIn(ds, d, c.bv)),
                     Cell::of(static_cast<double>(static_cast<int>(c.type))),
                     Cell::orSecret(c.before, m.before[i]),
                     Cell::orSecret(c.after, m.after[i]),
                     Cell::orSecret(c.change, m.change[i]),
                     m.change[i] ? Cell::secret() : numberOrNone(c.changePercent, c.before > 0),
                     Cell::of(c.distanceToMainKm),
                     Cell::of(c.atRisk ? 1.0 : 0.0),
                     large ? Cell::of(c.nearestLargePole) : Cell::none(),
                     numberOrNone(c.nearestLargePoleKm, large)};
        t.rows.push_back(std::move(row));
    }
    return t;
}

ResultTable crunchDiagnosis(const CrunchDiagnostics& d, const CrunchMask& m, const SecrecyRule& rule,
                            Language language) {
    ResultTable t = newTable(
        "crunch_diagnosis", [](Language) { return msg("results.title.crunch_diagnosis"); }, rule);
    t.columns = {column("diagnosis", "Diagnostic", "Diagnosis", ColumnType::Text)};
    // The diagnosis quotes the figures: it is withheld when it rests on masked ones (and says why), else
    // worded without the masked ones, which a note says.
    const CrunchDiagnostics publishable = publishableCrunch(d, m);
    if (!m.diagnosis && (publishable.hasEvolution != d.hasEvolution ||
                         publishable.findings.drain != d.findings.drain || publishable.atRisk != d.atRisk))
        t.notes.push_back(msg("results.note_diagnosis_partial"));
    const std::string text =
        m.diagnosis
            ? word(msg("results.diagnosis_masked", {arg::number("threshold", rule.threshold)}), language)
            : describeCrunch(publishable, language);
    io::Row row;
    row.cells = {Cell::of(text)};
    t.rows.push_back(std::move(row));
    return t;
}

} // namespace

std::vector<ResultTable> crunchTables(const model::Dataset& dataset, const CrunchDiagnostics& diagnostics,
                                      const SecrecyRule& rule, Language language) {
    const CrunchMask m = maskCrunch(diagnostics, rule);
    std::vector<ResultTable> tables;
    tables.push_back(crunchTypes(diagnostics, rule, language));
    tables.push_back(crunchConcentration(dataset, diagnostics, m, rule));
    if (diagnostics.hasEvolution) {
        tables.push_back(crunchEvolution(diagnostics, m, rule));
        tables.push_back(crunchChanges(dataset, diagnostics, m, rule));
    }
    tables.push_back(crunchDiagnosis(diagnostics, m, rule, language));
    return tables;
}

// ---------------------------------------------------------------- summary

ResultTable summaryTable(const TypeSummary& summary, const std::string& groupKey,
                         const std::map<std::string, std::string>& names) {
    ResultTable t = newTable(
        "summary", [](Language) { return msg("results.title.summary"); }, SecrecyRule::off());
    t.secrecyApplied = false;
    t.maskedFlagColumn.clear(); // numbers of BVs: nothing is ever masked
    t.columns = {column(groupKey, groupKey == "region" ? "Région" : "Département",
                        groupKey == "region" ? "Region" : "Département", ColumnType::Code),
                 column("name", "Nom", "Name", ColumnType::Text)};
    for (int type = 1; type < kPoleTypeCount; ++type)
        t.columns.push_back(column("type" + std::to_string(type), "Type " + std::to_string(type),
                                   "Type " + std::to_string(type), ColumnType::Integer));
    t.columns.push_back(column("poles", "Pôles", "Poles", ColumnType::Integer));
    t.columns.push_back(column("hors_pole", "Hors pôle", "No pole", ColumnType::Integer));
    auto addRow = [&](const std::string& key, const std::string& name,
                      const std::array<int, kPoleTypeCount>& n) {
        io::Row row;
        row.cells = {Cell::of(key), Cell::of(name)};
        for (int type = 1; type < kPoleTypeCount; ++type)
            row.cells.push_back(Cell::of(static_cast<double>(n[type])));
        row.cells.push_back(Cell::of(static_cast<double>(n[1] + n[2] + n[3] + n[4])));
        row.cells.push_back(Cell::of(static_cast<double>(n[0])));
        t.rows.push_back(std::move(row));
    };
    for (const auto& [key, n] : summary.byGroup) {
        const auto it = names.find(key);
        addRow(key, it == names.end() ? std::string() : it->second, n);
    }
    addRow("all", "", summary.all);
    return t;
}

} // namespace maillage::analysis
