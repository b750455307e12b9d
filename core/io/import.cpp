#include "core/io/import.h"
#include "core/io/outlines.h"

#include "core/io/read_file.h"
#include "core/io/table.h"
#include "core/io/territory.h"
#include "core/model/codes.h"
#include "core/model/text.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <locale>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace maillage::io {

namespace {

//! Maps a step's 0..100 % onto [lo, hi] of the whole import.
class SubFeedback : public Feedback {
public:
    SubFeedback(Feedback* parent, double lo, double hi) : m_parent(parent), m_lo(lo), m_hi(hi) {}
    void setProgress(double percent) override {
        Feedback::setProgress(percent);
        if (m_parent)
            m_parent->setProgress(m_lo + (m_hi - m_lo) * std::clamp(percent, 0.0, 100.0) / 100.0);
    }
    void setStep(const std::string& step) override {
        if (m_parent)
            m_parent->setStep(step);
    }
    bool isCanceled() const override { return m_parent && m_parent->isCanceled(); }

private:
    Feedback* m_parent;
    double m_lo, m_hi;
};

void step(Feedback* feedback, double percent, const std::string& what) {
    if (!feedback)
        return;
    if (feedback->isCanceled())
        throw Error(ErrorKind::Canceled, Location{}, "the import was canceled");
    feedback->setStep(what);
    feedback->setProgress(percent);
}

std::string baseName(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string lowerExtension(const std::string& path) {
    const std::string base = baseName(path);
    const auto dot = base.find_last_of('.');
    std::string ext = dot == std::string::npos ? std::string() : base.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

bool isTableFile(const std::string& path) {
    static const std::set<std::string> tables = {"csv", "tsv", "txt", "xlsx", "xls", "ods"};
    return tables.count(lowerExtension(path)) > 0;
}

//! "cog2018" in a file name gives 2018.
int cogYearFromName(const std::string& path) {
    std::string base = baseName(path);
    std::transform(base.begin(), base.end(), base.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto p = base.find("cog");
    if (p == std::string::npos || p + 7 > base.size())
        return 0;
    const std::string year = base.substr(p + 3, 4);
    if (!std::all_of(year.begin(), year.end(), [](unsigned char c) { return std::isdigit(c); }))
        return 0;
    const int y = std::stoi(year);
    return y >= 1990 && y <= 2100 ? y : 0;
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

//! Codes of `left` absent from `right`, with the population they carry when known.
JoinReport compareCodes(const std::vector<std::string>& left, const std::unordered_set<std::string>& right,
                        const std::string& leftName, const std::string& rightName,
                        const std::map<std::string, double>* population = nullptr) {
    JoinReport r;
    r.left = leftName;
    r.right = rightName;
    std::set<std::string> unmatched;
    for (const auto& code : left) {
        const double pop = population ? [&] {
            auto it = population->find(code);
            return it == population->end() ? 0.0 : it->second;
        }()
                                      : 0.0;
        r.totalPopulation += pop;
        if (!right.count(code)) {
            unmatched.insert(code);
            r.unmatchedPopulation += pop;
        }
    }
    r.unmatched.assign(unmatched.begin(), unmatched.end());
    return r;
}

void addJoin(ImportReport& report, JoinReport join, const std::string& file, const std::string& consequence) {
    if (!join.ok()) {
        Warning w;
        w.kind = ErrorKind::Join;
        w.where.file = file;
        w.message = join.summaryEn(10) + consequence;
        w.details = join.unmatched;
        report.warnings.push_back(std::move(w));
    }
    report.joins.push_back(std::move(join));
}

//! One warning for the rows of a table whose département is absent from the communes file.
void warnOutside(ImportReport& report, const std::vector<std::string>& outside, const std::string& file,
                 const std::string& communesFile) {
    if (outside.empty())
        return;
    std::set<std::string> deps;
    for (const auto& c : outside)
        deps.insert(codes::departementOf(c));
    Warning w;
    w.kind = ErrorKind::Join;
    w.where.file = file;
    w.message = std::to_string(outside.size()) + " communes of " + baseName(file) + " are in " +
                std::to_string(deps.size()) + " départements absent from " + communesFile +
                ": outside the territory, left out";
    w.details.assign(deps.begin(), deps.end());
    report.warnings.push_back(std::move(w));
}

std::set<std::string> parseDepartements(const std::string& filter) {
    std::set<std::string> out;
    for (const auto& part : text::split(filter, ',')) {
        std::string d = text::trim(part);
        std::transform(d.begin(), d.end(), d.begin(), [](unsigned char c) { return std::toupper(c); });
        if (d.size() == 1 && std::isdigit(static_cast<unsigned char>(d[0])))
            d = "0" + d;
        if (!d.empty())
            out.insert(d);
    }
    return out;
}

//! What the steps of importDataset share.
struct ImportState {
    const ImportOptions& options;
    ImportReport& report;
    Feedback* feedback;
    std::string communesFile, communesName;
    bool tableOnly = false;
    std::vector<model::Commune> communes;
    std::unordered_set<std::string> communeCodes;
    std::set<std::string> territory; // départements of the communes file
    BassinMapping mapping;
    bool haveMapping = false;
    std::unordered_map<std::string, const BassinMapping::Row*> rowOf;
    std::unordered_map<std::string, std::string> bvNames; // BV code -> name from the table
    std::map<std::string, double> population;
    bool havePopulation = false;
    std::vector<model::CountRecord> counts;
    SourceMassScale massScale;                //!< from the first professionals table that calls for one
    std::string massScalePath;                //!< that table
    std::set<int> bpeVintages;                //!< years of the BPE tables read
    std::vector<std::string> otherCountFiles; //!< professionals tables that are not BPE

    ImportState(const ImportOptions& o, ImportReport& r, Feedback* f) : options(o), report(r), feedback(f) {}
    //! National tables joined to a regional communes file: rows of other départements are outside.
    bool inTerritory(const std::string& code) const {
        return territory.count(codes::departementOf(code)) > 0;
    }
};

//! Records what a professionals table is, for the mass scale and the sources.
void noteSource(ImportState& st, const Table& t, const ProfessionalsSource& src) {
    const SourceMassScale scale = massScaleForSource(t, src.columns);
    if (scale.scale != 1 && st.massScalePath.empty()) {
        st.massScale = scale;
        st.massScalePath = src.path;
    }
    if (isBpeTable(t, src.columns))
        st.bpeVintages.insert(src.vintage);
    else
        st.otherCountFiles.push_back(baseName(src.path));
}

//! The producer of commune polygons when their file name tells it, else the file name.
std::string polygonsSource(const std::string& path) {
    const std::string key = text::matchKey(baseName(path));
    static const std::pair<const char*, const char*> producers[] = {
        {"adminexpress", "IGN, ADMIN EXPRESS"},
        {"geofla", "IGN, GEOFLA"},
        {"bdtopo", "IGN, BD TOPO"},
        {"parcellaire", "IGN, BD PARCELLAIRE"},
        {"osm", "OpenStreetMap contributors"},
        {"openstreetmap", "OpenStreetMap contributors"}};
    for (const auto& [needle, producer] : producers)
        if (key.find(needle) != std::string::npos)
            return producer;
    return baseName(path);
}

//! Caption source lines from what the import knows about its inputs (used when no --source is given).
std::vector<std::string> knownSources(const ImportState& st) {
    std::vector<std::string> out;
    out.push_back(st.tableOnly ? baseName(st.options.communesPath) : polygonsSource(st.options.communesPath));
    if (st.haveMapping) {
        const std::string& v = st.mapping.vintage; // "BV2012"
        out.push_back(v.size() > 2 ? "INSEE, bassins de vie " + v.substr(2)
                                   : baseName(st.options.bassinsPath));
    }
    if (st.havePopulation)
        out.push_back("INSEE, recensement de la population");
    if (!st.bpeVintages.empty()) {
        std::vector<std::string> years;
        for (int y : st.bpeVintages)
            years.push_back(y ? std::to_string(y) : std::string());
        out.push_back("INSEE, BPE " + text::join(years, ", "));
    }
    for (const auto& f : st.otherCountFiles)
        out.push_back(f);
    return out;
}

// 1. Communes: polygons, or a table without geometry.
void readCommunes(ImportState& st) {
    const ImportOptions& o = st.options;
    Warnings& warnings = st.report.warnings;
    st.communesFile = baseName(o.communesPath);
    st.communesName = "communes (" + st.communesFile + ")";
    st.tableOnly = isTableFile(o.communesPath);
    step(st.feedback, 0, "Lecture des communes");
    if (st.tableOnly) {
        TableReadOptions ro;
        ro.expectedColumns = {"code", "codgeo", "population", "bv"};
        const Table t = readTable(o.communesPath, ro, &warnings);
        CommuneColumns columns;
        if (!o.polygons.codeField.empty())
            columns.code = o.polygons.codeField;
        // Population and BV columns are needed only when no other file gives them.
        columns.requirePopulation = o.populationPath.empty();
        columns.requireBassin = o.bassinsPath.empty();
        st.communes = readCommuneTable(t, columns, warnings);
    } else {
        SubFeedback sub(st.feedback, 0, 35);
        st.communes = readCommunePolygons(o.communesPath, o.polygons, warnings, &sub);
        checkCommunesInTerritories(st.communes, o.communesPath, o.polygons.layer, warnings);
        foldArrondissements(st.communes, warnings);
    }
    for (const auto& c : st.communes) {
        st.communeCodes.insert(c.code);
        st.territory.insert(codes::departementOf(c.code));
    }
}

// 2. Commune -> bassin de vie table.
void readBassinTable(ImportState& st) {
    const ImportOptions& o = st.options;
    step(st.feedback, 35, "Lecture de la table des bassins de vie");
    st.haveMapping = !o.bassinsPath.empty();
    if (!st.haveMapping) {
        if (!st.tableOnly)
            throw Error(ErrorKind::Parameter, Location{o.communesPath},
                        "commune polygons need a commune -> bassin de vie table (CODGEO, BV2012 or BV2022)");
        return;
    }
    TableReadOptions ro = o.bassinsRead;
    if (ro.expectedColumns.empty())
        ro.expectedColumns = {"codgeo", "bv2012", "bv2022"};
    const Table t = readTable(o.bassinsPath, ro, &st.report.warnings);
    st.mapping = readBassinMapping(t, o.bvColumn, st.report.warnings);
    for (const auto& row : st.mapping.rows) {
        st.rowOf.emplace(row.commune, &row);
        if (!row.bvName.empty())
            st.bvNames.emplace(row.bv, row.bvName);
    }
}

// 3. Population.
void readPopulationTable(ImportState& st) {
    const ImportOptions& o = st.options;
    step(st.feedback, 40, "Lecture des populations");
    st.havePopulation = !o.populationPath.empty();
    if (!st.havePopulation)
        return;
    TableReadOptions ro = o.populationRead;
    if (ro.expectedColumns.empty())
        ro.expectedColumns = {o.populationCode, o.populationColumn};
    const Table t = readTable(o.populationPath, ro, &st.report.warnings);
    st.population = readPopulation(t, o.populationCode, o.populationColumn, st.report.warnings);
}

//! Codes of a table split into those of the territory (joined) and the others (one warning).
template <typename Codes>
std::vector<std::string> codesInTerritory(const ImportState& st, const Codes& codes, const std::string& file,
                                          std::unordered_set<std::string>& all) {
    std::vector<std::string> inside, outside;
    for (const auto& code : codes) {
        (st.inTerritory(code) ? inside : outside).push_back(code);
        all.insert(code);
    }
    warnOutside(st.report, outside, file, st.communesFile);
    return inside;
}

// 4. Joins: BV table vs communes (both ways), population vs communes (both ways). National tables against
// a regional communes file: rows of départements absent from the communes file are outside the territory,
// counted in one warning (not listed as 30,000 unmatched codes); inside it, every code that does not
// match is reported.
void joinTables(ImportState& st) {
    const ImportOptions& o = st.options;
    std::vector<std::string> communeList;
    std::map<std::string, double> communePopulation;
    for (const auto& c : st.communes) {
        communeList.push_back(c.code);
        communePopulation[c.code] = c.population;
    }
    for (const auto& [code, pop] : st.population)
        communePopulation[code] = pop;
    if (st.haveMapping) {
        const std::string bassinsName = "table des bassins de vie (" + baseName(o.bassinsPath) + ")";
        std::vector<std::string> tableCodes;
        for (const auto& row : st.mapping.rows)
            tableCodes.push_back(row.commune);
        std::unordered_set<std::string> tableSet;
        const auto inside = codesInTerritory(st, tableCodes, o.bassinsPath, tableSet);
        addJoin(st.report,
                compareCodes(inside, st.communeCodes, bassinsName, st.communesName, &communePopulation),
                o.bassinsPath,
                "; absent from the commune list (merged into communes nouvelles, or a table of another COG "
                "year): left out");
        addJoin(st.report,
                compareCodes(communeList, tableSet, st.communesName, bassinsName, &communePopulation),
                o.communesPath,
                "; absent from the bassins de vie table (communes nouvelles created since, or a table of "
                "another COG year): kept without a bassin de vie");
    }
    if (st.havePopulation) {
        const std::string populationName = "population (" + baseName(o.populationPath) + ")";
        std::vector<std::string> popCodes;
        for (const auto& entry : st.population)
            popCodes.push_back(entry.first);
        std::unordered_set<std::string> popSet;
        const auto inside = codesInTerritory(st, popCodes, o.populationPath, popSet);
        addJoin(st.report,
                compareCodes(inside, st.communeCodes, populationName, st.communesName, &st.population),
                o.populationPath, "; their population is not counted");
        addJoin(st.report,
                compareCodes(communeList, popSet, st.communesName, populationName, &communePopulation),
                o.communesPath, "; these communes get a population of 0");
    }
}

// 5. Fill communes from the BV table and the population.
void fillCommunes(ImportState& st) {
    for (auto& c : st.communes) {
        if (st.havePopulation) {
            auto it = st.population.find(c.code);
            c.population = it == st.population.end() ? 0 : it->second;
        }
        if (st.haveMapping) {
            auto it = st.rowOf.find(c.code);
            if (it == st.rowOf.end()) {
                c.bv.clear();
                continue;
            }
            const auto& row = *it->second;
            c.bv = row.bv;
            if (c.name.empty())
                c.name = row.communeName;
            if (!row.dep.empty())
                c.dep = row.dep;
            if (!row.reg.empty())
                c.reg = row.reg;
        }
        if (c.dep.empty())
            c.dep = codes::departementOf(c.code);
    }
}

//! Counts of one professionals table, joined to the communes: outside the territory and unmatched
//! records are reported and left out (the dataset holds no count without a commune).
std::vector<model::CountRecord> readCountsTable(ImportState& st, const ProfessionalsSource& src,
                                                const model::ProfessionCatalogue& catalogue) {
    const Table t = readTable(src.path, src.read, &st.report.warnings);
    noteSource(st, t, src);
    auto recs = readProfessionals(t, catalogue, src.vintage, src.columns, st.report.warnings);
    std::vector<std::string> outside;
    recs.erase(std::remove_if(recs.begin(), recs.end(),
                              [&](const model::CountRecord& r) {
                                  if (st.inTerritory(r.place))
                                      return false;
                                  outside.push_back(r.place);
                                  return true;
                              }),
               recs.end());
    std::sort(outside.begin(), outside.end());
    outside.erase(std::unique(outside.begin(), outside.end()), outside.end());
    warnOutside(st.report, outside, src.path, st.communesFile);
    JoinReport join =
        checkCountsJoin(recs, st.communes, "professionnels (" + baseName(src.path) + ")", st.communesName);
    if (!join.ok()) {
        const std::unordered_set<std::string> unmatched(join.unmatched.begin(), join.unmatched.end());
        recs.erase(std::remove_if(recs.begin(), recs.end(),
                                  [&](const model::CountRecord& r) { return unmatched.count(r.place) > 0; }),
                   recs.end());
    }
    addJoin(st.report, std::move(join), src.path, "; these counts are left out");
    return recs;
}

// 6. Catalogue and professionals.
void readCounts(ImportState& st, model::Dataset& ds) {
    const ImportOptions& o = st.options;
    step(st.feedback, 45, "Lecture des professionnels");
    ds.catalogue = o.cataloguePath.empty() ? model::standardCatalogue().catalogue
                                           : model::readCatalogueFile(o.cataloguePath);
    for (std::size_t i = 0; i < o.professionals.size(); ++i) {
        const auto& src = o.professionals[i];
        step(st.feedback, 45 + 10.0 * static_cast<double>(i) / static_cast<double>(o.professionals.size()),
             "Lecture des professionnels (" + baseName(src.path) + ")");
        auto recs = readCountsTable(st, src, ds.catalogue);
        st.counts.insert(st.counts.end(), std::make_move_iterator(recs.begin()),
                         std::make_move_iterator(recs.end()));
    }
}

// 7. Filters: a région, départements.
void applyFilters(ImportState& st) {
    const ImportOptions& o = st.options;
    step(st.feedback, 55, "Sélection du territoire");
    const std::set<std::string> deps = parseDepartements(o.departementFilter);
    const std::string region = text::trim(o.regionFilter);
    if (!region.empty() && !st.tableOnly && st.haveMapping &&
        std::none_of(st.mapping.rows.begin(), st.mapping.rows.end(),
                     [](const auto& r) { return !r.reg.empty(); }))
        throw Error(ErrorKind::Parameter, Location{o.bassinsPath},
                    "a région filter needs a REG column in the bassins de vie table");
    if (!deps.empty() || !region.empty()) {
        const auto keep = [&](const model::Commune& c) {
            if (!deps.empty() && !deps.count(c.dep))
                return false;
            return region.empty() || c.reg == region || c.reg == "0" + region;
        };
        std::vector<model::Commune> kept;
        for (auto& c : st.communes)
            if (keep(c))
                kept.push_back(std::move(c));
        if (kept.empty())
            throw Error(ErrorKind::Parameter, Location{},
                        "no commune left after the filter" +
                            (region.empty() ? std::string() : " région " + region) +
                            (deps.empty() ? std::string() : " départements " + o.departementFilter));
        st.communes = std::move(kept);
        std::unordered_set<std::string> keptCodes;
        for (const auto& c : st.communes)
            keptCodes.insert(c.code);
        st.counts.erase(
            std::remove_if(st.counts.begin(), st.counts.end(),
                           [&](const model::CountRecord& r) { return !keptCodes.count(r.place); }),
            st.counts.end());
    }
    std::sort(st.communes.begin(), st.communes.end(),
              [](const model::Commune& a, const model::Commune& b) { return a.code < b.code; });
}

// 8. Bassins de vie from their communes (members, population, name, dep/reg and anchor of the main
// commune). When a filter left the main commune out, its row of the BV table still names the BV and gives
// its département and région.
void buildBassins(ImportState& st, model::Dataset& ds) {
    step(st.feedback, 58, "Construction des bassins de vie");
    ds.communes = std::move(st.communes);
    ds.counts = std::move(st.counts);
    ds.rebuildBassins(std::map<std::string, std::string>(st.bvNames.begin(), st.bvNames.end()));
    for (auto& b : ds.bassins) {
        const model::Commune* main = ds.commune(b.code);
        const auto row = st.rowOf.find(b.code);
        if ((main && main->bv == b.code) || row == st.rowOf.end())
            continue;
        if (!st.bvNames.count(b.code) && !row->second->communeName.empty())
            b.name = row->second->communeName;
        b.dep = row->second->dep.empty() ? codes::departementOf(b.code) : row->second->dep;
        if (!row->second->reg.empty())
            b.reg = row->second->reg;
    }
}

//! Zones of one table whose commune is in the dataset, their counts, and the others reported.
void keepZonesOfDataset(ImportState& st, model::Dataset& ds, ZoneCounts& zc, const ProfessionalsSource& src,
                        std::unordered_set<std::string>& zoneCodes) {
    std::unordered_set<std::string> kept;
    std::vector<std::string> orphans;
    for (auto& z : zc.zones) {
        if (!ds.commune(z.commune)) {
            if (st.inTerritory(z.commune)) // a national table joined to a region: the rest is not news
                orphans.push_back(z.code + " (" + z.commune + ")");
            continue;
        }
        if (zoneCodes.insert(z.code).second)
            ds.zones.push_back(z);
        kept.insert(z.code);
    }
    for (auto& c : zc.counts)
        if (kept.count(c.place))
            ds.zoneCounts.push_back(std::move(c));
    if (!orphans.empty())
        st.report.warnings.push_back(
            Warning{ErrorKind::Join, Location{src.path},
                    std::to_string(orphans.size()) +
                        " zones belong to communes absent from the dataset; their counts are left out",
                    std::move(orphans)});
    const bool communeVintage =
        std::any_of(ds.counts.begin(), ds.counts.end(),
                    [&](const model::CountRecord& c) { return c.vintage == src.vintage; });
    if (!communeVintage && !kept.empty())
        st.report.warnings.push_back(
            Warning{ErrorKind::Join,
                    Location{src.path},
                    "zone counts of " + std::to_string(src.vintage) +
                        " but no commune counts of that year: give the commune counts of " +
                        std::to_string(src.vintage) + " too, or the drill-down below the commune stays empty",
                    {}});
}

// 8b. Infra-communal zones: kept for the communes of the dataset, the others reported.
void readZones(ImportState& st, model::Dataset& ds) {
    std::unordered_set<std::string> zoneCodes;
    for (const auto& src : st.options.zoneProfessionals) {
        step(st.feedback, 59, "Lecture des zones infra-communales (" + baseName(src.path) + ")");
        const Table t = readTable(src.path, src.read, &st.report.warnings);
        if (isBpeTable(t, src.columns))
            st.bpeVintages.insert(src.vintage);
        ZoneCounts zc = readZoneProfessionals(t, ds.catalogue, src.vintage, src.columns,
                                              st.options.zoneColumn, st.report.warnings);
        keepZonesOfDataset(st, ds, zc, src, zoneCodes);
    }
}

//! A parameter value as the metadata stores it: C locale, shortest form ("0.25", "3000").
std::string parameterText(double v) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::setprecision(15) << v;
    return s.str();
}

// 9. Parameters the sources call for (the BPE mass scale), said in a warning and recorded in the
// metadata as the dataset's defaults ("defaults.poles.mass_scale"), which "Restore defaults" restores.
void applySourceDefaults(ImportState& st, model::Dataset& ds) {
    if (st.massScale.scale == 1)
        return;
    ds.params.poles.massScale = st.massScale.scale;
    ds.meta.extra["defaults.poles.mass_scale"] = parameterText(st.massScale.scale);
    st.report.warnings.push_back(
        Warning{ErrorKind::Parameter, Location{st.massScalePath}, st.massScale.reason, {}});
}

// 10. Metadata.
void fillMetadata(const ImportState& st, model::Dataset& ds) {
    const ImportOptions& o = st.options;
    step(st.feedback, 98, "Métadonnées");
    auto& m = ds.meta;
    m.title = o.title;
    m.sources = o.sources.empty() ? knownSources(st) : o.sources;
    std::set<int> vintages;
    for (const auto& c : ds.counts)
        vintages.insert(c.vintage);
    m.vintages.assign(vintages.begin(), vintages.end());
    m.cogYear = o.cogYear ? o.cogYear : cogYearFromName(o.communesPath);
    m.bvVintage = st.mapping.vintage;
    m.createdBy = o.createdBy;
    m.createdAt = today();
    if (!o.regionFilter.empty())
        m.extra["region_filter"] = o.regionFilter;
    if (!o.departementFilter.empty())
        m.extra["departement_filter"] = o.departementFilter;
}

} // namespace

model::Dataset importDataset(const ImportOptions& options, ImportReport& report, Feedback* feedback) {
    ensureGdal();
    if (options.communesPath.empty())
        throw Error(ErrorKind::Parameter, Location{}, "no communes file given (polygons or a table)");
    ImportState st(options, report, feedback);
    readCommunes(st);
    readBassinTable(st);
    readPopulationTable(st);
    joinTables(st);
    fillCommunes(st);
    model::Dataset ds;
    readCounts(st, ds);
    applyFilters(st);
    buildBassins(st, ds);
    readZones(st, ds);
    if (!st.tableOnly) {
        step(feedback, 60, "Fusion des communes en bassins de vie");
        SubFeedback sub(feedback, 60, 98);
        dissolveBassins(ds, report.warnings, &sub);
        dissolveOutlines(ds, report.warnings, &sub);
    }
    applySourceDefaults(st, ds);
    fillMetadata(st, ds);
    ds.reindex();
    maillage::report(feedback, 100);
    return ds;
}

} // namespace maillage::io
