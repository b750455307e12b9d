#include "core/io/import.h"

#include "core/io/table.h"
#include "core/model/codes.h"
#include "core/model/text.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace maillage::io {

namespace {

//! Mass scale for INSEE BPE data (DOMAIN.md §3: thresholds scaled for partial counts).
constexpr double kBpeMassScale = 0.25;

//! A BPE table: a TYPEQU column (long) or columns named after BPE health codes, D2xx (wide).
bool isBpeTable(const Table& t) {
    if (t.column("typequ") >= 0)
        return true;
    for (const auto& h : t.header)
        if (h.size() >= 4 && (h[0] == 'D' || h[0] == 'd') && h[1] == '2' &&
            std::isdigit(static_cast<unsigned char>(h[2])) && std::isdigit(static_cast<unsigned char>(h[3])))
            return true;
    return false;
}

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

std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::FileNotFound, Location{path}, "cannot read the profession catalogue");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
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

} // namespace

model::Dataset importDataset(const ImportOptions& options, ImportReport& report, Feedback* feedback) {
    ensureGdal();
    Warnings& warnings = report.warnings;
    model::Dataset ds;
    if (options.communesPath.empty())
        throw Error(ErrorKind::Parameter, Location{}, "no communes file given (polygons or a table)");

    // 1. Communes: polygons, or a table without geometry.
    const std::string communesFile = baseName(options.communesPath);
    const std::string communesName = "communes (" + communesFile + ")";
    const bool tableOnly = isTableFile(options.communesPath);
    step(feedback, 0, "Lecture des communes");
    std::vector<model::Commune> communes;
    if (tableOnly) {
        TableReadOptions ro;
        ro.expectedColumns = {"code", "codgeo", "population", "bv"};
        const Table t = readTable(options.communesPath, ro, &warnings);
        CommuneColumns columns;
        if (!options.polygons.codeField.empty())
            columns.code = options.polygons.codeField;
        communes = readCommuneTable(t, columns, warnings);
    } else {
        SubFeedback sub(feedback, 0, 35);
        communes = readCommunePolygons(options.communesPath, options.polygons, warnings, &sub);
        foldArrondissements(communes, warnings);
    }
    std::unordered_set<std::string> communeCodes;
    for (const auto& c : communes)
        communeCodes.insert(c.code);

    // 2. Commune -> bassin de vie table.
    step(feedback, 35, "Lecture de la table des bassins de vie");
    BassinMapping mapping;
    const bool haveMapping = !options.bassinsPath.empty();
    std::unordered_map<std::string, const BassinMapping::Row*> rowOf;
    std::unordered_map<std::string, std::string> bvNames; // BV code -> name from the table
    const std::string bassinsName = "table des bassins de vie (" + baseName(options.bassinsPath) + ")";
    if (haveMapping) {
        TableReadOptions ro = options.bassinsRead;
        if (ro.expectedColumns.empty())
            ro.expectedColumns = {"codgeo", "bv2012", "bv2022"};
        const Table t = readTable(options.bassinsPath, ro, &warnings);
        mapping = readBassinMapping(t, options.bvColumn, warnings);
        for (const auto& row : mapping.rows) {
            rowOf.emplace(row.commune, &row);
            if (!row.bvName.empty())
                bvNames.emplace(row.bv, row.bvName);
        }
    } else if (!tableOnly) {
        throw Error(ErrorKind::Parameter, Location{options.communesPath},
                    "commune polygons need a commune -> bassin de vie table (CODGEO, BV2012 or BV2022)");
    }

    // 3. Population.
    step(feedback, 40, "Lecture des populations");
    std::map<std::string, double> population;
    const bool havePopulation = !options.populationPath.empty();
    const std::string populationName = "population (" + baseName(options.populationPath) + ")";
    if (havePopulation) {
        TableReadOptions ro = options.populationRead;
        if (ro.expectedColumns.empty())
            ro.expectedColumns = {options.populationCode, options.populationColumn};
        const Table t = readTable(options.populationPath, ro, &warnings);
        population = readPopulation(t, options.populationCode, options.populationColumn, warnings);
    }

    // 4. Joins: BV table vs communes (both ways), population vs communes (both ways). National tables
    // against a regional communes file: rows of départements absent from the communes file are outside the
    // territory, counted in one warning (not listed as 30,000 unmatched codes); inside it, every code that
    // does not match is reported.
    std::set<std::string> territory;
    for (const auto& c : communes)
        territory.insert(codes::departementOf(c.code));
    const auto inTerritory = [&](const std::string& code) {
        return territory.count(codes::departementOf(code)) > 0;
    };
    std::vector<std::string> communeList;
    communeList.reserve(communes.size());
    for (const auto& c : communes)
        communeList.push_back(c.code);
    std::map<std::string, double> communePopulation;
    for (const auto& c : communes)
        communePopulation[c.code] = c.population;
    if (havePopulation)
        for (const auto& [code, pop] : population)
            communePopulation[code] = pop;
    if (haveMapping) {
        std::vector<std::string> tableCodes, outside;
        std::unordered_set<std::string> tableSet;
        for (const auto& row : mapping.rows) {
            (inTerritory(row.commune) ? tableCodes : outside).push_back(row.commune);
            tableSet.insert(row.commune);
        }
        warnOutside(report, outside, options.bassinsPath, communesFile);
        addJoin(report, compareCodes(tableCodes, communeCodes, bassinsName, communesName, &communePopulation),
                options.bassinsPath, "; these communes are absent from the communes file and left out");
        addJoin(report, compareCodes(communeList, tableSet, communesName, bassinsName, &communePopulation),
                options.communesPath, "; these communes are kept without a bassin de vie");
    }
    if (havePopulation) {
        std::vector<std::string> popCodes, outside;
        std::unordered_set<std::string> popSet;
        for (const auto& [code, pop] : population) {
            (inTerritory(code) ? popCodes : outside).push_back(code);
            popSet.insert(code);
        }
        warnOutside(report, outside, options.populationPath, communesFile);
        addJoin(report, compareCodes(popCodes, communeCodes, populationName, communesName, &population),
                options.populationPath, "; their population is not counted");
        addJoin(report, compareCodes(communeList, popSet, communesName, populationName, &communePopulation),
                options.communesPath, "; these communes get a population of 0");
    }

    // 5. Fill communes from the BV table and the population.
    for (auto& c : communes) {
        if (havePopulation) {
            auto it = population.find(c.code);
            c.population = it == population.end() ? 0 : it->second;
        }
        if (haveMapping) {
            auto it = rowOf.find(c.code);
            if (it == rowOf.end()) {
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

    // 6. Catalogue and professionals.
    step(feedback, 45, "Lecture des professionnels");
    ds.catalogue = options.cataloguePath.empty()
                       ? model::ProfessionCatalogue::builtin()
                       : model::ProfessionCatalogue::fromCsv(readWholeFile(options.cataloguePath),
                                                             options.cataloguePath);
    std::vector<model::CountRecord> counts;
    bool bpeSource = false;
    for (std::size_t i = 0; i < options.professionals.size(); ++i) {
        const auto& src = options.professionals[i];
        step(feedback, 45 + 10.0 * static_cast<double>(i) / static_cast<double>(options.professionals.size()),
             "Lecture des professionnels (" + baseName(src.path) + ")");
        const Table t = readTable(src.path, src.read, &warnings);
        bpeSource = bpeSource || isBpeTable(t);
        auto recs = readProfessionals(t, ds.catalogue, src.vintage, src.columns, warnings);
        std::vector<std::string> outside;
        recs.erase(std::remove_if(recs.begin(), recs.end(),
                                  [&](const model::CountRecord& r) {
                                      if (inTerritory(r.place))
                                          return false;
                                      outside.push_back(r.place);
                                      return true;
                                  }),
                   recs.end());
        std::sort(outside.begin(), outside.end());
        outside.erase(std::unique(outside.begin(), outside.end()), outside.end());
        warnOutside(report, outside, src.path, communesFile);
        JoinReport join =
            checkCountsJoin(recs, communes, "professionnels (" + baseName(src.path) + ")", communesName);
        if (!join.ok()) {
            // Reported (join report + warning), then left out: the dataset holds no count without a commune.
            const std::unordered_set<std::string> unmatched(join.unmatched.begin(), join.unmatched.end());
            recs.erase(
                std::remove_if(recs.begin(), recs.end(),
                               [&](const model::CountRecord& r) { return unmatched.count(r.place) > 0; }),
                recs.end());
        }
        addJoin(report, std::move(join), src.path, "; these counts are left out");
        counts.insert(counts.end(), std::make_move_iterator(recs.begin()),
                      std::make_move_iterator(recs.end()));
    }

    // 7. Filters.
    step(feedback, 55, "Sélection du territoire");
    const std::set<std::string> deps = parseDepartements(options.departementFilter);
    const std::string region = text::trim(options.regionFilter);
    if (!region.empty() && !tableOnly && haveMapping &&
        std::none_of(mapping.rows.begin(), mapping.rows.end(), [](const auto& r) { return !r.reg.empty(); }))
        throw Error(ErrorKind::Parameter, Location{options.bassinsPath},
                    "a région filter needs a REG column in the bassins de vie table");
    if (!deps.empty() || !region.empty()) {
        const auto keep = [&](const model::Commune& c) {
            if (!deps.empty() && !deps.count(c.dep))
                return false;
            if (!region.empty() && c.reg != region && c.reg != "0" + region)
                return false;
            return true;
        };
        std::vector<model::Commune> kept;
        for (auto& c : communes)
            if (keep(c))
                kept.push_back(std::move(c));
        if (kept.empty())
            throw Error(ErrorKind::Parameter, Location{},
                        "no commune left after the filter" +
                            (region.empty() ? std::string() : " région " + region) +
                            (deps.empty() ? std::string() : " départements " + options.departementFilter));
        communes = std::move(kept);
        std::unordered_set<std::string> keptCodes;
        for (const auto& c : communes)
            keptCodes.insert(c.code);
        counts.erase(std::remove_if(counts.begin(), counts.end(),
                                    [&](const model::CountRecord& r) { return !keptCodes.count(r.place); }),
                     counts.end());
    }
    std::sort(communes.begin(), communes.end(),
              [](const model::Commune& a, const model::Commune& b) { return a.code < b.code; });

    // 8. Bassins de vie from their communes (members, population, name, dep/reg and anchor of the main
    // commune). When a filter left the main commune out, its row of the BV table still names the BV and
    // gives its département and région.
    step(feedback, 58, "Construction des bassins de vie");
    ds.communes = std::move(communes);
    ds.counts = std::move(counts);
    ds.rebuildBassins(std::map<std::string, std::string>(bvNames.begin(), bvNames.end()));
    for (auto& b : ds.bassins) {
        const model::Commune* main = ds.commune(b.code);
        const auto row = rowOf.find(b.code);
        if ((main && main->bv == b.code) || row == rowOf.end())
            continue;
        if (!bvNames.count(b.code) && !row->second->communeName.empty())
            b.name = row->second->communeName;
        b.dep = row->second->dep.empty() ? codes::departementOf(b.code) : row->second->dep;
        if (!row->second->reg.empty())
            b.reg = row->second->reg;
    }

    // 8b. Infra-communal zones: kept for the communes of the dataset, the others reported.
    std::unordered_set<std::string> zoneCodes;
    for (const auto& src : options.zoneProfessionals) {
        step(feedback, 59, "Lecture des zones infra-communales (" + baseName(src.path) + ")");
        const Table t = readTable(src.path, src.read, &warnings);
        ZoneCounts zc =
            readZoneProfessionals(t, ds.catalogue, src.vintage, src.columns, options.zoneColumn, warnings);
        std::unordered_set<std::string> kept;
        std::vector<std::string> orphans;
        for (auto& z : zc.zones) {
            if (!ds.commune(z.commune)) {
                if (inTerritory(z.commune)) // a national table joined to a region: the rest is not news
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
        if (!orphans.empty()) {
            Warning w;
            w.kind = ErrorKind::Join;
            w.where = Location{src.path};
            w.message = std::to_string(orphans.size()) +
                        " zones belong to communes absent from the dataset; their counts are left out";
            w.details = std::move(orphans);
            warnings.push_back(std::move(w));
        }
        const bool communeVintage =
            std::any_of(ds.counts.begin(), ds.counts.end(),
                        [&](const model::CountRecord& c) { return c.vintage == src.vintage; });
        if (!communeVintage && !kept.empty()) {
            Warning w;
            w.kind = ErrorKind::Join;
            w.where = Location{src.path};
            w.message = "zone counts of " + std::to_string(src.vintage) +
                        " but no commune counts of that year: give the commune counts of " +
                        std::to_string(src.vintage) + " too, or the drill-down below the commune stays empty";
            warnings.push_back(std::move(w));
        }
    }

    // 9. Dissolve.
    if (!tableOnly) {
        step(feedback, 60, "Fusion des communes en bassins de vie");
        SubFeedback sub(feedback, 60, 98);
        dissolveBassins(ds, warnings, &sub);
    }

    // BPE counts practice sites of private practitioners only, about a quarter of the RPPS + ADELI totals
    // the typology's thresholds were set on (data README): scale them, and say so.
    if (bpeSource) {
        ds.params.poles.massScale = kBpeMassScale;
        Warning w;
        w.kind = ErrorKind::Parameter;
        w.where = Location{options.professionals.front().path};
        w.message = "INSEE BPE counts (private practice only): the pôle thresholds are scaled by 0.25 "
                    "(parameter poles.mass_scale, editable)";
        warnings.push_back(std::move(w));
    }

    // 10. Metadata.
    step(feedback, 98, "Métadonnées");
    auto& m = ds.meta;
    m.title = options.title;
    m.sources = options.sources;
    if (m.sources.empty()) {
        m.sources.push_back(communesFile);
        if (haveMapping)
            m.sources.push_back(baseName(options.bassinsPath));
        if (havePopulation)
            m.sources.push_back(baseName(options.populationPath));
        for (const auto& src : options.professionals)
            m.sources.push_back(baseName(src.path));
    }
    std::set<int> vintages;
    for (const auto& c : ds.counts)
        vintages.insert(c.vintage);
    m.vintages.assign(vintages.begin(), vintages.end());
    m.cogYear = options.cogYear ? options.cogYear : cogYearFromName(options.communesPath);
    m.bvVintage = mapping.vintage;
    m.createdBy = options.createdBy;
    m.createdAt = today();
    if (!options.regionFilter.empty())
        m.extra["region_filter"] = options.regionFilter;
    if (!options.departementFilter.empty())
        m.extra["departement_filter"] = options.departementFilter;

    ds.reindex();
    maillage::report(feedback, 100);
    return ds;
}

} // namespace maillage::io
