#include "core/io/import.h"

#include "core/io/facilities.h"
#include "core/io/geometry_spool.h"
#include "core/io/outlines.h"
#include "core/io/population_age.h"
#include "core/io/qpv.h"

#include "core/io/read_file.h"
#include "core/io/table.h"
#include "core/io/territory.h"
#include "core/model/codes.h"
#include "core/model/text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <locale>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
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
    void setStep(const Message& step) override {
        if (m_parent)
            m_parent->setStep(step);
    }
    bool isCanceled() const override { return m_parent && m_parent->isCanceled(); }

private:
    Feedback* m_parent;
    double m_lo, m_hi;
};

void step(Feedback* feedback, double percent, const Message& what) {
    if (!feedback)
        return;
    if (feedback->isCanceled())
        throw Error(ErrorKind::Canceled, Location{}, msg("inputs.import_canceled"));
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

//! Codes sorted once and looked up by binary search, as views of strings that outlive it (16 bytes a code:
//! the hash sets, maps and copies of strings the joins made were 12 MB at a national import's peak of
//! memory, and 2 % of its time).
class SortedCodes {
public:
    explicit SortedCodes(std::vector<std::string_view> codes) : m_codes(std::move(codes)) {
        std::sort(m_codes.begin(), m_codes.end());
        m_codes.erase(std::unique(m_codes.begin(), m_codes.end()), m_codes.end());
    }
    bool has(std::string_view code) const { return std::binary_search(m_codes.begin(), m_codes.end(), code); }
    std::size_t size() const { return m_codes.size(); }

private:
    std::vector<std::string_view> m_codes;
};

//! Codes of `left` absent from `right`, with the population each carries (`populationOf(code)`).
template <typename PopulationOf>
JoinReport compareCodes(const std::vector<std::string_view>& left, const SortedCodes& right,
                        const std::string& leftName, const std::string& rightName,
                        PopulationOf&& populationOf) {
    JoinReport r;
    r.left = leftName;
    r.right = rightName;
    std::set<std::string> unmatched;
    for (const std::string_view code : left) {
        const double pop = populationOf(code);
        r.totalPopulation += pop;
        if (!right.has(code)) {
            unmatched.emplace(code);
            r.unmatchedPopulation += pop;
        }
    }
    r.unmatched.assign(unmatched.begin(), unmatched.end());
    r.codes = SortedCodes(left).size();
    return r;
}

//! `consequence`: an inputs.join_* message saying what happens to the unmatched codes.
void addJoin(ImportReport& report, JoinReport join, const std::string& file, const char* consequence) {
    if (!join.ok())
        report.warnings.push_back(
            makeWarning(ErrorKind::Join, Location{file},
                        msg("inputs.join_with_consequence", {arg::nested("summary", join.summary(10)),
                                                             arg::nested("consequence", msg(consequence))}),
                        join.unmatched));
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
    report.warnings.push_back(makeWarning(
        ErrorKind::Join, Location{file},
        msg("inputs.outside_territory",
            {arg::integer("n", static_cast<long long>(outside.size())), arg::text("file", baseName(file)),
             arg::integer("deps", static_cast<long long>(deps.size())), arg::text("communes", communesFile)}),
        std::vector<std::string>(deps.begin(), deps.end())));
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

//! The BV table's rows by commune code: their addresses sorted by code, 8 bytes a row where a hash map of
//! strings took 56 (2 MB for France's, at the import's peak). A code given twice is found at its first row.
class RowsByCommune {
public:
    void index(const std::vector<BassinMapping::Row>& rows) {
        m_sorted.clear();
        m_sorted.reserve(rows.size());
        for (const auto& row : rows)
            m_sorted.push_back(&row);
        std::stable_sort(m_sorted.begin(), m_sorted.end(),
                         [](const auto* a, const auto* b) { return a->commune < b->commune; });
    }
    //! The row of `code`, or null.
    const BassinMapping::Row* find(std::string_view code) const {
        const auto it =
            std::lower_bound(m_sorted.begin(), m_sorted.end(), code,
                             [](const auto* row, std::string_view c) { return row->commune < c; });
        return it != m_sorted.end() && (*it)->commune == code ? *it : nullptr;
    }
    void clear() { std::vector<const BassinMapping::Row*>().swap(m_sorted); }

private:
    std::vector<const BassinMapping::Row*> m_sorted;
};

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
    RowsByCommune rowOf;
    std::unordered_map<std::string, std::string> bvNames; // BV code -> name from the table
    std::map<std::string, double> population;
    bool havePopulation = false;
    std::vector<model::CountRecord> counts;
    std::vector<model::Commune> buffer;           //!< ImportOptions::bufferKm: communes around the area
    std::vector<model::CountRecord> bufferCounts; //!< their counts
    std::vector<model::FacilityCount> facilities; //!< D1xx establishments of BPE tables, per commune
    SourceMassScale massScale;                    //!< from the first professionals table that calls for one
    std::string massScalePath;                    //!< that table
    std::set<int> bpeVintages;                    //!< years of the BPE tables read
    std::vector<std::string> otherCountFiles;     //!< professionals tables that are not BPE
    std::map<std::string, std::string> areaMetadata; //!< kAreaModeKey... of a filtered import
    const CogHistory* cogHistory = nullptr;          //!< when carrying to the communes' COG
    CogHistory ownCogHistory;                        //!< --cog-history
    int cogYear = 0;                                 //!< COG of the communes
    TerritoryNames names; //!< shipped (or --territory-names) tables: names, région of each département

    ImportState(const ImportOptions& o, ImportReport& r, Feedback* f) : options(o), report(r), feedback(f) {}
    //! National tables joined to a regional communes file: rows of other départements are outside.
    //! Corsica coded 20 (before 1976) is inside when the communes have 2A or 2B: then joined and reported
    //! as unmatched with its reason, not left out as another territory.
    bool inTerritory(const std::string& code) const {
        const std::string dep = codes::departementOf(code);
        return territory.count(dep) > 0 || (dep == "20" && (territory.count("2A") || territory.count("2B")));
    }
};

//! Records what a professionals table is (its mass scale, not 1 for INSEE's BPE), for the mass scale and
//! the sources.
void noteSource(ImportState& st, const SourceMassScale& scale, const ProfessionalsSource& src) {
    if (scale.scale != 1 && st.massScalePath.empty()) {
        st.massScale = scale;
        st.massScalePath = src.path;
    }
    if (scale.scale != 1)
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
    step(st.feedback, 0, msg("step.read_communes"));
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
        PolygonReadOptions polygons = o.polygons;
        if (!polygons.spool && !o.spoolFolder.empty())
            polygons.spool = GeometrySpool::create(o.spoolFolder); // null (in memory) when it cannot be made
        st.communes = readCommunePolygons(o.communesPath, polygons, warnings, &sub);
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
    step(st.feedback, 35, msg("step.read_bassin_table"));
    st.haveMapping = !o.bassinsPath.empty();
    if (!st.haveMapping) {
        if (!st.tableOnly)
            throw Error(ErrorKind::Parameter, Location{o.communesPath}, msg("inputs.polygons_need_bassins"));
        return;
    }
    TableReadOptions ro = o.bassinsRead;
    if (ro.expectedColumns.empty())
        ro.expectedColumns = {"codgeo", "bv2012", "bv2022"};
    TableRows rows(o.bassinsPath, ro, &st.report.warnings); // no table of strings: 9 MB for France's
    st.mapping = readBassinMapping(rows, o.bvColumn, st.report.warnings);
    st.rowOf.index(st.mapping.rows);
    for (const auto& row : st.mapping.rows) {
        if (!row.bvName.empty())
            st.bvNames.emplace(row.bv, row.bvName);
    }
}

// 3b. COG history: the passage tables, and the COG year of the communes.
void prepareCogHistory(ImportState& st) {
    const ImportOptions& o = st.options;
    if (!o.carryCog)
        return;
    if (!o.cogHistoryPath.empty()) {
        st.ownCogHistory = readCogHistory(o.cogHistoryPath);
        st.cogHistory = &st.ownCogHistory;
    } else {
        st.cogHistory = &standardCogHistory();
    }
    st.cogYear = o.cogYear ? o.cogYear : cogYearFromName(o.communesPath);
    if (!st.cogYear) {
        const std::vector<std::string> codes(st.communeCodes.begin(), st.communeCodes.end());
        st.cogYear = st.cogHistory->detectYear(codes, st.cogHistory->lastYear());
    }
}

//! The COG year of a table's codes when it is another than `cogYear` and the history covers both; else 0
//! (nothing to carry).
int carryYear(const CogHistory* history, int cogYear, const std::vector<std::string>& codes) {
    if (!history || !cogYear)
        return 0;
    const int year = history->detectYear(codes, cogYear);
    return year && year != cogYear && history->covers(year, cogYear) ? year : 0;
}

int yearToCarryFrom(const ImportState& st, const std::vector<std::string>& codes) {
    return carryYear(st.cogHistory, st.cogYear, codes);
}

//! The codes `field` of `records`, a code repeated on consecutive records given once (records come sorted by
//! code: a code per commune, not per record; the COG year is told from the distinct codes).
template <typename Record>
std::vector<std::string> distinctCodes(const std::vector<Record>& records, std::string Record::*field) {
    std::vector<std::string> codes;
    for (const Record& r : records)
        if (codes.empty() || codes.back() != r.*field)
            codes.push_back(r.*field);
    return codes;
}

//! Facilities of a table of COG `cogYear`'s history carried to COG `cogYear` (unchanged when they are of
//! it already, or the history does not cover their year). The counts' carry reports the codes.
std::vector<model::FacilityCount> carryFacilitiesTo(const CogHistory* history, int cogYear,
                                                    std::vector<model::FacilityCount> facilities,
                                                    CogCarry& carry) {
    const int year = carryYear(history, cogYear, distinctCodes(facilities, &model::FacilityCount::commune));
    return year ? carryFacilities(facilities, *history, year, cogYear, carry) : facilities;
}

//! Counts of a table carried to the communes' COG (unchanged when they are of that COG already).
std::vector<model::CountRecord> carryCountsToCog(const ImportState& st, std::vector<model::CountRecord> recs,
                                                 CogCarry& carry) {
    const int year = yearToCarryFrom(st, distinctCodes(recs, &model::CountRecord::place));
    if (!year)
        return recs;
    return carryCounts(recs, *st.cogHistory, year, st.cogYear, carry);
}

//! Where a BV table row of COG `from` goes in the communes' COG: one row per arrival code. Of several rows
//! arriving on one code (a fusion), the row of the commune that keeps its code wins, else the larger share,
//! else the first.
std::vector<BassinMapping::Row> carryBassinRows(const std::vector<BassinMapping::Row>& rows,
                                                const CogHistory& history, int from, int to,
                                                CogCarry& carry) {
    std::vector<BassinMapping::Row> out;
    std::unordered_map<std::string, std::pair<std::size_t, double>> arrival; // code -> row, its weight
    for (const auto& row : rows) {
        const std::vector<CogShare> shares = history.carry(row.commune, from, to);
        if (shares.size() != 1 || shares.front().code != row.commune)
            ++carry.codesCarried;
        for (const CogShare& share : shares) {
            const double weight = share.code == row.commune ? 2.0 : share.ratio; // keeping its code: first
            BassinMapping::Row moved = row;
            moved.commune = share.code;
            const auto [it, fresh] = arrival.emplace(share.code, std::make_pair(out.size(), weight));
            if (fresh)
                out.push_back(std::move(moved));
            else if (weight > it->second.second) {
                it->second.second = weight;
                out[it->second.first] = std::move(moved);
            }
        }
    }
    return out;
}

void reportCarry(ImportReport& report, CogCarry carry, std::size_t unmatched); // below

// 3c. The BV table of another COG year carried to the communes' COG (as the counts): a table of COG 2016
// on polygons of COG 2018 gives the communes created since their bassin de vie.
void carryBassinTableToCog(ImportState& st) {
    std::vector<std::string> codes;
    for (const auto& row : st.mapping.rows)
        codes.push_back(row.commune);
    const int year = yearToCarryFrom(st, codes);
    if (!year)
        return;
    CogCarry carry;
    carry.file = st.options.bassinsPath;
    carry.from = year;
    carry.to = st.cogYear;
    st.mapping.rows = carryBassinRows(st.mapping.rows, *st.cogHistory, year, st.cogYear, carry);
    st.rowOf.index(st.mapping.rows); // the rows moved: point at the new ones
    const std::size_t unmatched =
        std::count_if(st.mapping.rows.begin(), st.mapping.rows.end(), [&](const auto& r) {
            return st.inTerritory(r.commune) && !st.communeCodes.count(r.commune);
        });
    reportCarry(st.report, std::move(carry), unmatched);
}

//! Records a carry in the report, with the join's unmatched codes, in one warning.
void reportCarry(ImportReport& report, CogCarry carry, std::size_t unmatched) {
    if (carry.from == carry.to)
        return;
    carry.unmatched = unmatched;
    report.warnings.push_back(makeWarning(
        ErrorKind::Join, Location{carry.file},
        msg("inputs.cog_carried",
            {arg::integer("n", static_cast<long long>(carry.codesCarried)),
             arg::text("from", std::to_string(carry.from)), arg::text("to", std::to_string(carry.to)),
             arg::integer("unmatched", static_cast<long long>(unmatched))})));
    report.cogCarries.push_back(std::move(carry));
}

// 3. Population.
void readPopulationTable(ImportState& st) {
    const ImportOptions& o = st.options;
    step(st.feedback, 40, msg("step.read_population"));
    st.havePopulation = !o.populationPath.empty();
    if (!st.havePopulation)
        return;
    TableReadOptions ro = o.populationRead;
    if (ro.expectedColumns.empty())
        ro.expectedColumns = {o.populationCode, o.populationColumn};
    TableRows rows(o.populationPath, ro, &st.report.warnings); // no table of strings: 8.7 MB for France's
    st.population = readPopulation(rows, o.populationCode, o.populationColumn, st.report.warnings);
    const int year = [&] { // the codes gone before the carry copies the table
        std::vector<std::string> codes;
        codes.reserve(st.population.size());
        for (const auto& entry : st.population)
            codes.push_back(entry.first);
        return yearToCarryFrom(st, codes);
    }();
    if (year) {
        CogCarry carry;
        carry.file = o.populationPath;
        st.population = carryPopulation(st.population, *st.cogHistory, year, st.cogYear, carry);
        const std::size_t unmatched =
            std::count_if(st.population.begin(), st.population.end(), [&](const auto& e) {
                return st.inTerritory(e.first) && !st.communeCodes.count(e.first);
            });
        reportCarry(st.report, std::move(carry), unmatched);
    }
}

//! Codes of a table split into those of the territory (joined) and the others (one warning).
std::vector<std::string_view>
codesInTerritory(const ImportState& st, const std::vector<std::string_view>& codes, const std::string& file) {
    std::vector<std::string_view> inside;
    std::vector<std::string> outside;
    for (const std::string_view code : codes) {
        const std::string text(code);
        if (st.inTerritory(text))
            inside.push_back(code);
        else
            outside.push_back(text);
    }
    warnOutside(st.report, outside, file, st.communesFile);
    return inside;
}

// 4. Joins: BV table vs communes (both ways), population vs communes (both ways). National tables against
// a regional communes file: rows of départements absent from the communes file are outside the territory,
// counted in one warning (not listed as 30,000 unmatched codes); inside it, every code that does not
// match is reported. A code's population is the population table's, else its commune's.
void joinTables(ImportState& st) {
    const ImportOptions& o = st.options;
    std::vector<std::string_view> communeList;
    // By code; the codes are unique here (the readers refuse a code twice, foldArrondissements merges).
    std::vector<std::pair<std::string_view, double>> communePopulation;
    communeList.reserve(st.communes.size());
    communePopulation.reserve(st.communes.size());
    for (const auto& c : st.communes) {
        communeList.push_back(c.code);
        communePopulation.emplace_back(c.code, c.population);
    }
    std::sort(communePopulation.begin(), communePopulation.end());
    const SortedCodes communeCodes(communeList);
    const auto inTable = [&](std::string_view code) -> const double* { // the population table's, or null
        const auto it = st.population.find(std::string(code));
        return it == st.population.end() ? nullptr : &it->second;
    };
    const auto tablePopulation = [&](std::string_view code) {
        const double* p = inTable(code);
        return p ? *p : 0.0;
    };
    const auto populationOf = [&](std::string_view code) {
        if (const double* p = inTable(code))
            return *p;
        const auto c = std::lower_bound(communePopulation.begin(), communePopulation.end(), code,
                                        [](const auto& e, std::string_view k) { return e.first < k; });
        return c != communePopulation.end() && c->first == code ? c->second : 0.0;
    };
    if (st.haveMapping) {
        const std::string bassinsName = "table des bassins de vie (" + baseName(o.bassinsPath) + ")";
        std::vector<std::string_view> tableCodes;
        tableCodes.reserve(st.mapping.rows.size());
        for (const auto& row : st.mapping.rows)
            tableCodes.push_back(row.commune);
        const auto inside = codesInTerritory(st, tableCodes, o.bassinsPath);
        addJoin(st.report, compareCodes(inside, communeCodes, bassinsName, st.communesName, populationOf),
                o.bassinsPath, "inputs.join_bassins_left_out");
        addJoin(st.report,
                compareCodes(communeList, SortedCodes(std::move(tableCodes)), st.communesName, bassinsName,
                             populationOf),
                o.communesPath, "inputs.join_communes_without_bassin");
    }
    if (st.havePopulation) {
        const std::string populationName = "population (" + baseName(o.populationPath) + ")";
        std::vector<std::string_view> popCodes;
        for (const auto& entry : st.population)
            popCodes.push_back(entry.first);
        const auto inside = codesInTerritory(st, popCodes, o.populationPath);
        addJoin(st.report,
                compareCodes(inside, communeCodes, populationName, st.communesName, tablePopulation),
                o.populationPath, "inputs.join_population_not_counted");
        addJoin(st.report,
                compareCodes(communeList, SortedCodes(std::move(popCodes)), st.communesName, populationName,
                             populationOf),
                o.communesPath, "inputs.join_communes_population_zero");
    }
}

//! The commune's name: `polygonName`, unless the BV table's `tableName` (INSEE's LIBGEO) is the same name
//! with its article, which some polygon files drop ("Rochelle" for « La Rochelle », "Havre" for « Le
//! Havre »): then INSEE's.
std::string withArticle(const std::string& polygonName, const std::string& tableName) {
    if (polygonName.empty())
        return tableName;
    for (const char* article : {"La ", "Le ", "Les ", "L'", "L\xe2\x80\x99"})
        if (tableName == article + polygonName)
            return tableName;
    return polygonName;
}

// 5. Fill communes from the BV table and the population.
void fillCommunes(ImportState& st) {
    for (auto& c : st.communes) {
        if (st.havePopulation) {
            auto it = st.population.find(c.code);
            c.population = it == st.population.end() ? 0 : it->second;
        }
        if (st.haveMapping) {
            const BassinMapping::Row* found = st.rowOf.find(c.code);
            if (!found) {
                c.bv.clear();
                continue;
            }
            const auto& row = *found;
            c.bv = row.bv;
            c.name = withArticle(c.name, row.communeName);
            if (!row.dep.empty())
                c.dep = row.dep;
            if (!row.reg.empty())
                c.reg = row.reg;
        }
        if (c.dep.empty())
            c.dep = codes::departementOf(c.code);
        if (st.haveMapping && c.reg.empty() && !c.bv.empty()) // a BV table without REG (e.g. crosswalks)
            c.reg = regionOfDepartement(st.names, c.dep);
    }
}

//! Counts of one professionals table, joined to the communes: outside the territory and unmatched
//! records are reported and left out (the dataset holds no count without a commune).
std::vector<model::CountRecord> readCountsTable(ImportState& st, const ProfessionalsSource& src,
                                                const model::ProfessionCatalogue& catalogue) {
    // Row by row, the facilities read in the same pass: no table of strings (20 MB for the national BPE).
    TableRows rows(src.path, src.read, &st.report.warnings);
    FacilityRows facilityRows(rows.head());
    SourceMassScale scale;
    auto read = readProfessionals(
        rows, catalogue, src.vintage, src.columns, scale, st.report.warnings, false,
        [&](const std::vector<std::string>& cells, long line) { facilityRows.see(cells, line); });
    noteSource(st, scale, src);
    if (scale.scale != 1) { // INSEE's BPE: its D1xx establishments are the facilities per commune, at the COG
        CogCarry reportedWithCounts;
        auto facilities = carryFacilitiesTo(st.cogHistory, st.cogYear, facilityRows.facilities(src.vintage),
                                            reportedWithCounts);
        st.facilities.insert(st.facilities.end(), facilities.begin(), facilities.end());
    }
    CogCarry carry;
    carry.file = src.path;
    auto recs = carryCountsToCog(st, std::move(read), carry);
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
    reportCarry(st.report, std::move(carry), join.unmatched.size());
    addJoin(st.report, std::move(join), src.path, "inputs.join_counts_left_out");
    return recs;
}

// 6. Catalogue and professionals.
void readCounts(ImportState& st, model::Dataset& ds) {
    const ImportOptions& o = st.options;
    step(st.feedback, 45, msg("step.read_professionals"));
    ds.catalogue = o.cataloguePath.empty() ? model::standardCatalogue().catalogue
                                           : model::readCatalogueFile(o.cataloguePath);
    for (std::size_t i = 0; i < o.professionals.size(); ++i) {
        const auto& src = o.professionals[i];
        step(st.feedback, 45 + 10.0 * static_cast<double>(i) / static_cast<double>(o.professionals.size()),
             msg("step.read_professionals_file", {arg::text("file", baseName(src.path))}));
        auto recs = readCountsTable(st, src, ds.catalogue);
        if (st.counts.empty()) // the first table's records kept as they are, not copied (5.3 MB for France)
            st.counts = std::move(recs);
        else
            st.counts.insert(st.counts.end(), std::make_move_iterator(recs.begin()),
                             std::make_move_iterator(recs.end()));
    }
}

//! Communes of the area an import is restricted to, and what becomes of the bassins crossing its edge.
struct AreaSelection {
    std::vector<model::Commune> kept;
    std::set<std::string> outsideCommunes;  //!< kept (whole bassins) although outside the area
    std::set<std::string> truncatedBassins; //!< cut by the edge (strict area)
};

//! Splits the communes into those of the area (`inArea`) and the rest, as `mode` asks.
template <typename InArea>
AreaSelection selectArea(std::vector<model::Commune>& communes, AreaMode mode, InArea inArea) {
    AreaSelection out;
    std::set<std::string> touching; // bassins with at least one commune in the area
    for (const auto& c : communes)
        if (inArea(c) && !c.bv.empty())
            touching.insert(c.bv);
    // The communes kept are moved forward in their own vector, which becomes `kept`: no second vector of
    // them (8.5 MB for France, at the import's peak of memory).
    std::size_t kept = 0;
    for (std::size_t i = 0; i < communes.size(); ++i) {
        model::Commune& c = communes[i];
        const bool inside = inArea(c);
        const bool sameBassin = !c.bv.empty() && touching.count(c.bv) > 0;
        if (!inside && sameBassin) {
            if (mode == AreaMode::Strict) {
                out.truncatedBassins.insert(c.bv);
                continue;
            }
            out.outsideCommunes.insert(c.code);
        } else if (!inside) {
            continue;
        }
        if (kept != i)
            communes[kept] = std::move(c);
        ++kept;
    }
    const bool all = kept == communes.size();
    communes.erase(communes.begin() + static_cast<std::ptrdiff_t>(kept), communes.end());
    if (!all)
        communes.shrink_to_fit(); // a région of France's vector: its own size
    out.kept = std::move(communes);
    return out;
}

//! Bassins of the kept communes that the BV table gives communes in départements absent from the communes
//! file: a regional polygons file cuts them whatever the filter (communes merged since, of départements
//! present, are the joins' business).
void addBassinsCutByTheFile(const ImportState& st, AreaSelection& area) {
    if (!st.haveMapping)
        return;
    std::unordered_set<std::string> kept;
    for (const auto& c : area.kept)
        if (!c.bv.empty())
            kept.insert(c.bv);
    for (const auto& row : st.mapping.rows)
        if (kept.count(row.bv) && !st.communeCodes.count(row.commune) && !st.inTerritory(row.commune))
            area.truncatedBassins.insert(row.bv);
}

//! The area's outcome in the metadata and in one warning each for outside communes and cut bassins.
void reportArea(ImportState& st, const AreaSelection& area, bool filtered) {
    std::map<std::string, std::string>& extra = st.areaMetadata;
    if (filtered)
        extra[kAreaModeKey] = st.options.areaMode == AreaMode::Strict ? "strict" : "whole_bassins";
    const std::vector<std::string> outside(area.outsideCommunes.begin(), area.outsideCommunes.end());
    const std::vector<std::string> truncated(area.truncatedBassins.begin(), area.truncatedBassins.end());
    if (!outside.empty()) {
        extra[kOutsideCommunesKey] = text::join(outside, ",");
        st.report.warnings.push_back(makeWarning(
            ErrorKind::Join, Location{},
            msg("inputs.area_outside_communes", {arg::integer("n", static_cast<long long>(outside.size()))}),
            outside));
    }
    if (!truncated.empty()) {
        extra[kTruncatedBassinsKey] = text::join(truncated, ",");
        st.report.warnings.push_back(
            makeWarning(ErrorKind::Join, Location{},
                        msg("inputs.area_truncated_bassins",
                            {arg::integer("n", static_cast<long long>(truncated.size()))}),
                        truncated));
    }
}

//! The communes outside the area, without their polygons (the buffer needs their anchors only). Throws
//! when there is no filter, or no anchor to measure with.
template <typename InArea>
std::vector<model::Commune> bufferCandidates(const ImportState& st, bool filtered, InArea inArea) {
    if (!filtered)
        throw Error(ErrorKind::Parameter, Location{}, msg("io.buffer.needs_filter"));
    if (st.tableOnly)
        throw Error(ErrorKind::Parameter, Location{st.options.communesPath}, msg("io.buffer.needs_polygons"));
    std::vector<model::Commune> out;
    for (const model::Commune& c : st.communes)
        if (!inArea(c) && model::hasPosition(c.anchor)) // without its polygon: accessibility needs none
            out.push_back({c.code, c.name, c.population, c.bv, c.dep, c.reg, c.anchor, {}});
    return out;
}

//! The candidates within bufferKm of a kept commune and not kept themselves become the buffer, with their
//! counts; one warning says how many.
void selectBuffer(ImportState& st, std::vector<model::Commune> candidates) {
    const double metres = st.options.bufferKm * 1000;
    std::unordered_set<std::string> kept;
    std::unordered_map<long long, std::vector<model::Point>> cells; // kept anchors by square of `metres`
    const auto cellOf = [&](double x, double y) {
        return (static_cast<long long>(std::floor(x / metres)) << 32) ^
               (static_cast<long long>(std::floor(y / metres)) & 0xffffffffLL);
    };
    for (const model::Commune& c : st.communes) {
        kept.insert(c.code);
        if (model::hasPosition(c.anchor))
            cells[cellOf(c.anchor.x, c.anchor.y)].push_back(c.anchor);
    }
    const auto near = [&](const model::Point& p) {
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy) {
                const auto it = cells.find(cellOf(p.x + dx * metres, p.y + dy * metres));
                if (it != cells.end())
                    for (const model::Point& q : it->second)
                        if (std::hypot(q.x - p.x, q.y - p.y) <= metres)
                            return true;
            }
        return false;
    };
    std::unordered_set<std::string> bufferCodes;
    for (model::Commune& c : candidates)
        if (!kept.count(c.code) && near(c.anchor)) {
            bufferCodes.insert(c.code);
            st.buffer.push_back(std::move(c));
        }
    for (const model::CountRecord& r : st.counts)
        if (bufferCodes.count(r.place) || bufferCodes.count(codes::foldArrondissement(r.place)))
            st.bufferCounts.push_back(r);
    std::sort(st.buffer.begin(), st.buffer.end(),
              [](const model::Commune& a, const model::Commune& b) { return a.code < b.code; });
    st.areaMetadata[kBufferKmKey] = text::formatShortest(st.options.bufferKm);
    st.report.warnings.push_back(
        makeWarning(ErrorKind::Value, Location{},
                    msg("io.buffer.kept", {arg::integer("n", static_cast<long long>(st.buffer.size())),
                                           arg::number("km", st.options.bufferKm)})));
}

// 7. Filters: a région, départements; whole bassins de vie or the strict area.
void applyFilters(ImportState& st) {
    const ImportOptions& o = st.options;
    step(st.feedback, 55, msg("step.select_area"));
    const std::set<std::string> deps = parseDepartements(o.departementFilter);
    const std::string region = text::trim(o.regionFilter);
    if (!region.empty() && !st.tableOnly && st.haveMapping &&
        std::none_of(st.communes.begin(), st.communes.end(), [](const auto& c) { return !c.reg.empty(); }))
        throw Error(ErrorKind::Parameter, Location{o.bassinsPath}, msg("inputs.region_filter_needs_reg"));
    const bool filtered = !deps.empty() || !region.empty();
    const auto inArea = [&](const model::Commune& c) {
        if (!deps.empty() && !deps.count(c.dep))
            return false;
        return region.empty() || c.reg == region || c.reg == "0" + region;
    };
    std::vector<model::Commune> aroundArea; // buffer candidates, copied before selectArea moves communes
    if (!(o.bufferKm >= 0) || !std::isfinite(o.bufferKm))
        throw Error(ErrorKind::Parameter, Location{"", 0, {}, -1, "--buffer-km"},
                    msg("analysis.access.expected_non_negative", {arg::number("value", o.bufferKm)}));
    if (o.bufferKm > 0)
        aroundArea = bufferCandidates(st, filtered, inArea);
    AreaSelection area = selectArea(st.communes, o.areaMode, inArea);
    if (area.kept.empty() && filtered)
        throw Error(ErrorKind::Parameter, Location{},
                    msg(region.empty() ? "inputs.filter_empty_departements"
                        : deps.empty() ? "inputs.filter_empty_region"
                                       : "inputs.filter_empty_region_departements",
                        {arg::text("region", region), arg::text("departements", o.departementFilter)}));
    addBassinsCutByTheFile(st, area);
    reportArea(st, area, filtered);
    st.communes = std::move(area.kept);
    if (o.bufferKm > 0)
        selectBuffer(st, std::move(aroundArea));
    if (filtered) {
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
    step(st.feedback, 58, msg("step.build_bassins"));
    ds.communes = std::move(st.communes);
    ds.counts = std::move(st.counts);
    ds.rebuildBassins(std::map<std::string, std::string>(st.bvNames.begin(), st.bvNames.end()));
    for (auto& b : ds.bassins) {
        const model::Commune* main = ds.commune(b.code);
        const BassinMapping::Row* row = st.rowOf.find(b.code);
        if ((main && main->bv == b.code) || !row)
            continue;
        if (!st.bvNames.count(b.code) && !row->communeName.empty())
            b.name = row->communeName;
        b.dep = row->dep.empty() ? codes::departementOf(b.code) : row->dep;
        if (!row->reg.empty())
            b.reg = row->reg;
    }
}

//! Once the communes are filled, keeps of the BV table only the rows still to be read, and lets the
//! population table go: the professionals read next are the import's peak of memory (France's 35,000 rows,
//! their index and populations are 11 MB). The rows kept are those of the bassins' main communes
//! (buildBassins names a bassin whose main commune was filtered out) and of the communes outside the file's
//! territory (addBassinsCutByTheFile).
void narrowJoinedTables(ImportState& st) {
    st.population = {};
    if (!st.haveMapping)
        return;
    std::vector<bool> keep(st.mapping.rows.size());
    {
        std::unordered_set<std::string_view> bassinCodes; // views of the rows: none moved meanwhile
        for (const auto& row : st.mapping.rows)
            bassinCodes.insert(row.bv);
        for (std::size_t i = 0; i < keep.size(); ++i) {
            const std::string& commune = st.mapping.rows[i].commune;
            keep[i] =
                bassinCodes.count(commune) || (!st.communeCodes.count(commune) && !st.inTerritory(commune));
        }
    }
    std::vector<BassinMapping::Row> kept;
    for (std::size_t i = 0; i < keep.size(); ++i)
        if (keep[i])
            kept.push_back(std::move(st.mapping.rows[i]));
    st.rowOf.clear();
    st.mapping.rows = std::move(kept); // its own size: France's 35,000 rows go
    st.rowOf.index(st.mapping.rows);
}

//! Lets the BV table's rows still kept go once the bassins are built: they are not read again, and the
//! dissolve follows.
void releaseJoinedTables(ImportState& st) {
    std::vector<BassinMapping::Row>().swap(st.mapping.rows);
    st.rowOf.clear();
    st.bvNames = {};
    st.population = {};
}

//! Facilities of the dataset's communes (a national BPE joined to a region keeps the region's).
void keepFacilitiesOfDataset(ImportState& st, model::Dataset& ds) {
    for (auto& f : st.facilities)
        if (ds.commune(f.commune))
            ds.facilities.push_back(std::move(f));
    st.facilities.clear();
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
        st.report.warnings.push_back(makeWarning(
            ErrorKind::Join, Location{src.path},
            msg("inputs.zones_orphan", {arg::integer("n", static_cast<long long>(orphans.size()))}),
            std::move(orphans)));
    const bool communeVintage =
        std::any_of(ds.counts.begin(), ds.counts.end(),
                    [&](const model::CountRecord& c) { return c.vintage == src.vintage; });
    if (!communeVintage && !kept.empty())
        st.report.warnings.push_back(makeWarning(
            ErrorKind::Join, Location{src.path},
            msg("inputs.zones_without_commune_counts", {arg::text("year", std::to_string(src.vintage))})));
}

// 8b. Infra-communal zones: kept for the communes of the dataset, the others reported.
void readZones(ImportState& st, model::Dataset& ds) {
    std::unordered_set<std::string> zoneCodes;
    for (const auto& src : st.options.zoneProfessionals) {
        step(st.feedback, 59, msg("step.read_zones_file", {arg::text("file", baseName(src.path))}));
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
        makeWarning(ErrorKind::Parameter, Location{st.massScalePath}, st.massScale.message));
}

// 10. Metadata.
void fillMetadata(const ImportState& st, model::Dataset& ds) {
    const ImportOptions& o = st.options;
    step(st.feedback, 98, msg("step.metadata"));
    auto& m = ds.meta;
    m.title = o.title;
    m.sources = o.sources.empty() ? knownSources(st) : o.sources;
    std::set<int> vintages;
    for (const auto& c : ds.counts)
        vintages.insert(c.vintage);
    m.vintages.assign(vintages.begin(), vintages.end());
    // The COG the tables were carried to (given, from the file name, or detected from the communes' codes).
    m.cogYear = st.cogYear ? st.cogYear : o.cogYear ? o.cogYear : cogYearFromName(o.communesPath);
    m.bvVintage = st.mapping.vintage;
    m.createdBy = o.createdBy;
    m.createdAt = today();
    if (!o.regionFilter.empty())
        m.extra["region_filter"] = o.regionFilter;
    if (!o.departementFilter.empty())
        m.extra["departement_filter"] = o.departementFilter;
    for (const auto& [key, value] : st.areaMetadata)
        m.extra[key] = value;
}

//! A source line for the metadata, once.
void addSource(model::Dataset& ds, const std::string& line) {
    if (std::find(ds.meta.sources.begin(), ds.meta.sources.end(), line) == ds.meta.sources.end())
        ds.meta.sources.push_back(line);
}

void moveWarnings(Warnings& from, ImportReport& report) {
    report.warnings.insert(report.warnings.end(), std::make_move_iterator(from.begin()),
                           std::make_move_iterator(from.end()));
    from.clear();
}

//! What the link inputs give, read and joined before anything of the dataset changes.
struct LinkInputs {
    bool haveTimes = false, haveFlows = false, haveCooperations = false;
    std::vector<model::TravelTime> times;
    std::vector<model::Flow> flows;
    std::vector<model::Cooperation> cooperations;
};

//! Flows of another COG year than the dataset's, carried to it (nothing when they are of its year).
void carryFlowsToCog(const model::Dataset& ds, const CogHistory* history, FlowsRead& read, CogCarry& carry) {
    if (!history || !ds.meta.cogYear)
        return;
    std::vector<std::string> codes;
    codes.reserve(2 * read.flows.size());
    for (const auto& f : read.flows) {
        codes.push_back(f.origin);
        codes.push_back(f.destination);
    }
    const int year = history->detectYear(codes, ds.meta.cogYear);
    if (year && year != ds.meta.cogYear && history->covers(year, ds.meta.cogYear))
        read.flows = carryFlows(read.flows, *history, year, ds.meta.cogYear, carry);
}

LinkInputs readLinkInputs(const model::Dataset& ds, const LinkSources& src, const CogHistory* history,
                          ImportReport& report, Feedback* feedback) {
    LinkInputs in;
    if ((in.haveTimes = !src.travelTimes.path.empty())) {
        step(feedback, 0, msg("step.read_travel_times"));
        TravelTimesRead read = readTravelTimesFile(src.travelTimes.path, src.travelTimes.read,
                                                   src.travelTimes.columns, &report.warnings);
        report.travelTimes = joinTravelTimes(read, ds.communes, src.travelTimes.path);
        report.joins.push_back(report.travelTimes.join);
        moveWarnings(read.warnings, report);
        in.times = std::move(read.times);
    }
    if ((in.haveFlows = !src.flows.path.empty())) {
        step(feedback, 40, msg("step.read_flows"));
        const Table t = readTable(src.flows.path, src.flows.read, &report.warnings);
        FlowsRead read = readFlows(t, src.flows.columns);
        report.flowsTotal = read.total;
        CogCarry carry;
        carry.file = src.flows.path;
        carryFlowsToCog(ds, history, read, carry);
        report.flows = joinFlows(read, ds, src.flows.path);
        reportCarry(report, std::move(carry), report.flows.join.unmatched.size());
        report.joins.push_back(report.flows.join);
        moveWarnings(read.warnings, report);
        in.flows = std::move(read.flows);
    }
    if ((in.haveCooperations = !src.cooperations.path.empty())) {
        step(feedback, 80, msg("step.read_cooperations"));
        const Table t = readTable(src.cooperations.path, src.cooperations.read, &report.warnings);
        const auto declared = readCooperations(t, src.cooperations.columns);
        in.cooperations = resolveCooperations(declared, ds.communes, src.cooperations.path, report.warnings);
        report.cooperations = in.cooperations.size();
    }
    return in;
}

//! Puts the link inputs into the dataset: travel times and flows replace, cooperations add or replace
//! (by name).
void applyLinkInputs(model::Dataset& ds, const LinkSources& src, LinkInputs in) {
    if (in.haveTimes) {
        ds.travelTimes = std::move(in.times);
        addSource(ds, baseName(src.travelTimes.path));
    }
    if (in.haveFlows) {
        ds.flows = std::move(in.flows);
        ds.meta.extra["flows.kind"] = flowKindName(src.flows.kind);
        addSource(ds, baseName(src.flows.path));
    }
    if (in.haveCooperations) {
        for (auto& coop : in.cooperations) {
            auto it = std::find_if(ds.cooperations.begin(), ds.cooperations.end(),
                                   [&](const model::Cooperation& c) { return c.name == coop.name; });
            if (it == ds.cooperations.end())
                ds.cooperations.push_back(std::move(coop));
            else
                *it = std::move(coop);
        }
        addSource(ds, baseName(src.cooperations.path));
    }
}

//! The QPV of `qpvs` but those whose main commune is given and is no commune of `ds` (a published file
//! covers a whole région or France; an arrondissement stands for its commune): those are left out, a warning
//! listing them.
std::vector<model::Qpv> qpvsOfTerritory(std::vector<model::Qpv> qpvs, const model::Dataset& ds,
                                        const std::string& path, Warnings& warnings) {
    std::vector<std::string> outside;
    std::vector<model::Qpv> kept;
    for (model::Qpv& q : qpvs) {
        if (!q.commune.empty() && !ds.commune(q.commune) && !ds.commune(codes::foldArrondissement(q.commune)))
            outside.push_back(q.code);
        else
            kept.push_back(std::move(q));
    }
    if (!outside.empty())
        warnings.push_back(makeWarning(
            ErrorKind::Join, Location{path},
            msg("inputs.qpv_outside", {arg::integer("n", static_cast<long long>(outside.size())),
                                       arg::integer("kept", static_cast<long long>(kept.size()))}),
            outside));
    return kept;
}

//! Zones, their population and quartiers read and joined to the dataset (nothing when none is given).
void readZoneSources(model::Dataset& ds, const ZoneSources& src, ImportReport& report, Feedback* feedback) {
    if (!src.any())
        return;
    step(feedback, 0, msg("step.read_zones_quartiers"));
    std::vector<model::Zone> polygons;
    if (!src.polygons.empty())
        polygons = readZonePolygons(src.polygons, src.columns, report.warnings);
    std::vector<ZonePopulation> populations;
    if (!src.population.empty())
        populations = readZonePopulation(readTable(src.population, src.populationRead, &report.warnings));
    std::vector<QuartierOfZone> quartiers;
    if (!src.quartiers.empty())
        quartiers = readQuartiers(readTable(src.quartiers, src.quartiersRead, &report.warnings));
    report.zones = joinZones(ds, std::move(polygons), populations, quartiers,
                             {src.polygons, src.population, src.quartiers}, report.warnings);
    if (!src.qpv.empty()) // last: when it fails, the caller restores the zones and nothing else changed
        ds.qpvs = qpvsOfTerritory(readQpvPolygons(src.qpv, report.warnings), ds, src.qpv, report.warnings);
}

//! The zone files as sources of the dataset.
void addZoneSources(model::Dataset& ds, const ZoneSources& src) {
    for (const std::string* path : {&src.polygons, &src.population, &src.quartiers, &src.qpv})
        if (!path->empty() && !(path == &src.qpv && ds.qpvs.empty())) // no QPV of the territory: no source
            addSource(ds, baseName(*path));
}

//! The facilities of `sources` (BPE tables), carried to the dataset's COG. Error(Format) naming a file that
//! holds no D1xx establishment.
std::vector<model::FacilityCount> readFacilitySources(const model::Dataset& dataset,
                                                      const std::vector<ProfessionalsSource>& sources,
                                                      const CogHistory* history, ImportReport& report) {
    std::vector<model::FacilityCount> out;
    for (const ProfessionalsSource& src : sources) {
        const Table t = readTable(src.path, src.read, &report.warnings);
        std::vector<model::FacilityCount> read = readFacilities(t, src.vintage);
        if (read.empty())
            throw Error(ErrorKind::Format, Location{src.path}, msg("inputs.facilities_none"));
        CogCarry carry;
        carry.file = src.path;
        read = carryFacilitiesTo(history, dataset.meta.cogYear, std::move(read), carry);
        std::set<std::string> unmatched;
        for (const auto& f : read)
            if (!dataset.commune(f.commune))
                unmatched.insert(f.commune);
        reportCarry(report, std::move(carry), unmatched.size());
        out.insert(out.end(), read.begin(), read.end());
    }
    return out;
}

//! Puts the facilities read into the dataset; a warning lists the communes it does not have.
void addFacilities(model::Dataset& dataset, std::vector<model::FacilityCount> facilities,
                   ImportReport& report) {
    report.facilitiesAdded = static_cast<std::size_t>(
        std::count_if(facilities.begin(), facilities.end(),
                      [&](const model::FacilityCount& f) { return dataset.commune(f.commune) != nullptr; }));
    const std::vector<std::string> leftOut = replaceFacilities(dataset, std::move(facilities));
    if (!leftOut.empty())
        report.warnings.push_back(
            makeWarning(ErrorKind::Join, {},
                        msg("inputs.facilities_unknown_communes",
                            {arg::integer("n", static_cast<long long>(leftOut.size()))}),
                        leftOut));
}

} // namespace

namespace {

//! Reads every register of `sources` and checks that each may go into `ds` (nothing is changed).
std::vector<RegisterRead> readRegisters(const model::Dataset& ds, const std::vector<RegisterSource>& sources,
                                        RegisterCounter count) {
    std::vector<RegisterRead> read;
    if (!sources.empty() && !count)
        throw Error(ErrorKind::Internal, Location{sources.front().path}, msg("io.register.no_counter"));
    for (const RegisterSource& src : sources) {
        read.push_back(readRegister(src, ds.catalogue));
        checkRegisterVintage(ds, read.back().reg.vintage, src.replaceCounts, src.path);
    }
    return read;
}

//! Adds the registers read by readRegisters to `ds` with their derived counts.
void addRegisters(model::Dataset& ds, std::vector<RegisterRead> read,
                  const std::vector<RegisterSource>& sources, RegisterCounter count, ImportReport& report) {
    for (std::size_t i = 0; i < read.size(); ++i) {
        moveWarnings(read[i].warnings, report);
        report.registers.push_back(addRegister(ds, std::move(read[i].reg), sources[i].path, count,
                                               sources[i].replaceCounts, report.warnings));
    }
}

//! True when registers replace the counts of every BPE table read: the dataset then holds no BPE counts,
//! and the typology runs with mass scale 1 (a register counts people, as RPPS + ADELI).
bool registersReplaceAllBpe(const ImportState& st, const std::vector<RegisterRead>& registers) {
    if (st.bpeVintages.empty())
        return false;
    for (int vintage : st.bpeVintages) {
        bool replaced = false;
        for (std::size_t i = 0; i < registers.size(); ++i)
            replaced =
                replaced || (st.options.registers[i].replaceCounts && registers[i].reg.vintage == vintage);
        if (!replaced)
            return false;
    }
    return true;
}

//! Steps 1 to 6 of an import: the communes, the BV table, the population and the professionals read,
//! carried to the communes' COG and joined (report.joins); shared by importDataset and previewImportJoins.
void readAndJoin(ImportState& st, model::Dataset& ds) {
    ensureGdalCore(); // openPolygonSource registers the drivers when a file needs them
    if (st.options.communesPath.empty())
        throw Error(ErrorKind::Parameter, Location{}, msg("inputs.no_communes_file"));
    st.names = st.options.territoryNamesFolder.empty() ? standardTerritoryNames()
                                                       : readTerritoryNames(st.options.territoryNamesFolder);
    readCommunes(st);
    readBassinTable(st);
    prepareCogHistory(st);
    carryBassinTableToCog(st);
    readPopulationTable(st);
    joinTables(st);
    fillCommunes(st);
    narrowJoinedTables(st);
    readCounts(st, ds);
}

//! The first COG year of `history` where `code` is a commune although it is none in `cogYear`; 0 if none.
int yearWhereCommune(const CogHistory& history, const std::string& code, int cogYear) {
    if (!history.firstYear() || history.exists(code, cogYear))
        return 0;
    for (int year = history.lastYear(); year >= history.firstYear(); --year)
        if (history.exists(code, year))
            return year;
    return 0;
}

//! The COG year from which `code`, a commune of `cogYear`, exists when it did not before; 0 if always.
int yearCreated(const CogHistory& history, const std::string& code, int cogYear) {
    if (!history.firstYear() || !history.exists(code, cogYear))
        return 0;
    for (int year = std::min(cogYear, history.lastYear()); year > history.firstYear(); --year)
        if (!history.exists(code, year - 1))
            return year;
    return 0;
}

//! "20004" <-> "2A004"/"2B004": Corsica's codes before and after 1976.
std::string corsicaCounterpart(const std::string& code, const std::unordered_set<std::string>& communes) {
    if (code.size() != 5)
        return {};
    std::vector<std::string> candidates;
    if (code.compare(0, 2, "20") == 0)
        candidates = {"2A" + code.substr(2), "2B" + code.substr(2)};
    else if (code.compare(0, 2, "2A") == 0 || code.compare(0, 2, "2B") == 0)
        candidates = {"20" + code.substr(2)};
    for (const std::string& c : candidates)
        if (communes.count(c))
            return c;
    return {};
}

} // namespace

UnmatchedCode explainUnmatched(const std::string& code, const std::unordered_set<std::string>& communes,
                               const CogHistory* history, int cogYear) {
    UnmatchedCode u;
    u.code = code;
    u.cogYear = cogYear;
    if (std::string other = corsicaCounterpart(code, communes); !other.empty()) {
        u.reason = UnmatchedReason::CorsicaCode;
        u.becomes = {other};
    } else if (const int year = history && cogYear ? yearWhereCommune(*history, code, cogYear) : 0) {
        u.reason = UnmatchedReason::OtherCogYear;
        u.year = year;
        for (const CogShare& share : history->carry(code, year, cogYear))
            u.becomes.push_back(share.code);
    } else if (const int created = history && cogYear ? yearCreated(*history, code, cogYear) : 0) {
        u.reason = UnmatchedReason::CreatedSince;
        u.year = created;
    }
    return u;
}

Message UnmatchedCode::explanation() const {
    switch (reason) {
    case UnmatchedReason::CorsicaCode:
        return msg("inputs.unmatched_corsica",
                   {arg::code("code", code), arg::code("commune", becomes.front())});
    case UnmatchedReason::OtherCogYear:
        return msg("inputs.unmatched_other_cog",
                   {arg::code("code", code), arg::text("year", std::to_string(year)),
                    arg::text("cog", std::to_string(cogYear)), arg::list("communes", becomes, true),
                    arg::integer("n", static_cast<long long>(becomes.size()))});
    case UnmatchedReason::CreatedSince:
        return msg("inputs.unmatched_created_since",
                   {arg::code("code", code), arg::text("year", std::to_string(year))});
    case UnmatchedReason::Unknown:
        break;
    }
    return cogYear ? msg("inputs.unmatched_unknown",
                         {arg::code("code", code), arg::text("cog", std::to_string(cogYear))})
                   : msg("inputs.unmatched_unknown_no_cog", {arg::code("code", code)});
}

JoinPreview previewImportJoins(const ImportOptions& options, std::size_t maxCodes, Feedback* feedback) {
    JoinPreview preview;
    ImportState st(options, preview.report, feedback);
    model::Dataset ds;
    readAndJoin(st, ds);
    preview.communes = st.communes.size();
    preview.cogYear = st.cogYear;
    for (const JoinReport& join : preview.report.joins) {
        std::vector<UnmatchedCode> first;
        for (std::size_t i = 0; i < join.unmatched.size() && i < maxCodes; ++i)
            first.push_back(explainUnmatched(join.unmatched[i], st.communeCodes, st.cogHistory, st.cogYear));
        preview.reasons.push_back(std::move(first));
    }
    return preview;
}

FlowsSource parseFlowsArgument(const std::string& text) {
    FlowsSource out;
    out.path = text;
    const auto colon = text.find_last_of(':');
    FlowKind kind;
    if (colon != std::string::npos && colon > 0 && parseFlowKind(text.substr(colon + 1), kind)) {
        out.path = text.substr(0, colon);
        out.kind = kind;
    }
    return out;
}

namespace {

//! The population by age band of `path` joined to the communes of `ds` (none when `path` is "").
std::vector<model::AgeBandPopulation> readAgeBands(const model::Dataset& ds, const std::string& path,
                                                   const TableReadOptions& read, ImportReport& report) {
    if (path.empty())
        return {};
    return joinPopulationByAge(ds, readPopulationByAge(path, read, &report.warnings), path, report.warnings);
}

} // namespace

void addToDataset(model::Dataset& dataset, const AddOptions& options, ImportReport& report,
                  Feedback* feedback) {
    const CogHistory own =
        options.cogHistoryPath.empty() ? CogHistory() : readCogHistory(options.cogHistoryPath);
    const CogHistory* history = !options.carryCog                ? nullptr
                                : options.cogHistoryPath.empty() ? &standardCogHistory()
                                                                 : &own;
    LinkInputs in = readLinkInputs(dataset, options.links, history, report, feedback);
    std::vector<RegisterRead> registers = readRegisters(dataset, options.registers, options.countRegister);
    std::vector<model::FacilityCount> facilities =
        readFacilitySources(dataset, options.facilities, history, report);
    std::vector<model::AgeBandPopulation> ages =
        readAgeBands(dataset, options.populationByAgePath, options.populationByAgeRead, report);
    const std::vector<model::Zone> zonesBefore =
        options.zones.any() ? dataset.zones : std::vector<model::Zone>();
    try {
        readZoneSources(dataset, options.zones, report, feedback);
    } catch (...) { // the dataset is unchanged when a file fails
        if (options.zones.any())
            dataset.zones = zonesBefore;
        throw;
    }
    addRegisters(dataset, std::move(registers), options.registers, options.countRegister, report);
    applyLinkInputs(dataset, options.links, std::move(in));
    addZoneSources(dataset, options.zones);
    if (!options.facilities.empty())
        addFacilities(dataset, std::move(facilities), report);
    if (!options.populationByAgePath.empty())
        dataset.populationByAge = std::move(ages);
    maillage::report(feedback, 100);
}

model::Dataset importDataset(const ImportOptions& options, ImportReport& report, Feedback* feedback) {
    ImportState st(options, report, feedback);
    model::Dataset ds;
    readAndJoin(st, ds);
    applyFilters(st);
    buildBassins(st, ds);
    releaseJoinedTables(st);
    ds.bufferCommunes = std::move(st.buffer);
    ds.bufferCounts = std::move(st.bufferCounts);
    keepFacilitiesOfDataset(st, ds);
    nameTerritories(ds, st.names);
    readZones(st, ds);
    ds.reindex();
    readZoneSources(ds, options.zones, report, nullptr);
    ds.populationByAge = readAgeBands(ds, options.populationByAgePath, options.populationByAgeRead, report);
    if (!st.tableOnly) {
        step(feedback, 60, msg("step.dissolve_bassins"));
        SubFeedback sub(feedback, 60, 98);
        dissolveBassins(ds, report.warnings, &sub);
        dissolveOutlines(ds, report.warnings, &sub);
    }
    std::vector<RegisterRead> registers = readRegisters(ds, options.registers, options.countRegister);
    if (registersReplaceAllBpe(st, registers))
        st.massScale = SourceMassScale{};
    applySourceDefaults(st, ds);
    fillMetadata(st, ds);
    addRegisters(ds, std::move(registers), options.registers, options.countRegister, report);
    addZoneSources(ds, options.zones);
    {
        SubFeedback sub(feedback, 98, 99);
        applyLinkInputs(ds, options.links, readLinkInputs(ds, options.links, st.cogHistory, report, &sub));
    }
    ds.reindex();
    maillage::report(feedback, 100);
    return ds;
}

} // namespace maillage::io
