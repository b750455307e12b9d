#include "core/io/facilities.h"

#include "core/io/flows.h"
#include "core/model/codes.h"
#include "core/model/text.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace maillage::io {

namespace detail {
const char* builtinFacilitiesCsv(); // generated from resources/facilities/bpe_d1xx.csv
}

namespace {

std::vector<FacilityKind> parseKinds() {
    const Table t = parseCsvText(detail::builtinFacilitiesCsv(), "resources/facilities/bpe_d1xx.csv");
    const int code = t.requireColumn("code"), fr = t.requireColumn("label_fr"),
              en = t.requireColumn("label_en");
    std::vector<FacilityKind> out;
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        out.push_back({text::trim(t.cell(r, code)), text::trim(t.cell(r, fr)), text::trim(t.cell(r, en))});
    return out;
}

//! "D106", "D106_urgences", "d106" -> "D106"; "" when the text does not start with a BPE code.
std::string bpeCode(const std::string& text) {
    const std::string t = text::trim(text);
    if (t.size() < 4 || std::toupper(static_cast<unsigned char>(t[0])) != 'D' ||
        !std::all_of(t.begin() + 1, t.begin() + 4,
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return {};
    if (t.size() > 4 && std::isalnum(static_cast<unsigned char>(t[4])))
        return {};
    return "D" + t.substr(1, 3);
}

//! The count of a cell: a number of 0 or more (empty = 0); Error(Value) naming the cell otherwise.
double countOf(const TableHead& head, const std::vector<std::string>& cells, long line, int column) {
    const std::string cell = text::trim(cells[static_cast<std::size_t>(column)]);
    if (cell.empty())
        return 0;
    const auto value = text::parseNumber(cell);
    if (!value || *value < 0)
        throw Error(ErrorKind::Value, head.locate(line, column),
                    msg("inputs.facilities_bad_count", {arg::code("value", text::visible(cell))}));
    return *value;
}

//! A commune code as the dataset has it (arrondissements folded); "" when the cell holds none.
std::string communeOf(const std::vector<std::string>& cells, int column) {
    const auto code = codes::normalizeCommune(text::trim(cells[static_cast<std::size_t>(column)]));
    return code ? codes::foldArrondissement(*code) : std::string();
}

//! The first of `names` that is a column of `head` (as columnKey compares names), -1 when none.
int firstColumn(const TableHead& head, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (const int c = head.column(name); c >= 0)
            return c;
    return -1;
}

} // namespace

FacilityRows::FacilityRows(const TableHead& head)
    : m_head(head), m_commune(firstColumn(head, {"depcom", "codgeo", "code_commune", "commune", "com"})) {
    if (m_commune < 0)
        return; // no commune column: the professionals reader says what is wrong with the table
    m_kind = firstColumn(head, {"typequ"});
    if (m_kind >= 0) {
        m_count = firstColumn(head, {"nb_equip", "nombre", "count", "nb"});
        return;
    }
    for (std::size_t c = 0; c < head.header.size(); ++c)
        if (const FacilityKind* k = findFacilityKind(head.header[c]))
            m_wide.emplace_back(static_cast<int>(c), k);
}

void FacilityRows::see(const std::vector<std::string>& cells, long line) {
    if (m_commune < 0)
        return;
    if (m_kind >= 0) {
        const FacilityKind* k = findFacilityKind(cells[static_cast<std::size_t>(m_kind)]);
        if (!k)
            return;
        const std::string code = communeOf(cells, m_commune);
        if (!code.empty()) // no count column: one row, one site
            m_sums[{code, k->code}] += m_count >= 0 ? countOf(m_head, cells, line, m_count) : 1.0;
        return;
    }
    if (m_wide.empty())
        return;
    const std::string code = communeOf(cells, m_commune);
    if (code.empty())
        return;
    for (const auto& [column, kind] : m_wide)
        m_sums[{code, kind->code}] += countOf(m_head, cells, line, column);
}

std::vector<model::FacilityCount> FacilityRows::facilities(int vintage) const {
    std::vector<model::FacilityCount> out;
    for (const auto& [key, count] : m_sums)
        if (count > 0)
            out.push_back({key.first, key.second, vintage, count});
    return out;
}

namespace {} // namespace

const std::vector<FacilityKind>& facilityKinds() {
    static const std::vector<FacilityKind> kinds = parseKinds();
    return kinds;
}

const FacilityKind* findFacilityKind(const std::string& code) {
    const std::string key = bpeCode(code);
    if (key.empty())
        return nullptr;
    for (const FacilityKind& k : facilityKinds())
        if (k.code == key)
            return &k;
    return nullptr;
}

std::vector<model::FacilityCount> readFacilities(const Table& table, int vintage) {
    FacilityRows rows(table);
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        rows.see(table.rows[r], table.lines[r]);
    return rows.facilities(vintage);
}

namespace {

//! The group of commune `code`: itself, its département or its région ("" when unknown).
std::string groupOf(const model::Dataset& ds, const std::string& code, FacilityGrouping grouping) {
    if (grouping == FacilityGrouping::Commune)
        return code;
    const model::Commune* c = ds.commune(code);
    if (!c)
        return {};
    return grouping == FacilityGrouping::Departement ? c->dep : c->reg;
}

std::string groupName(const model::Dataset& ds, const std::string& code, FacilityGrouping grouping) {
    if (grouping == FacilityGrouping::Commune) {
        const model::Commune* c = ds.commune(code);
        return c ? c->name : std::string();
    }
    const auto& names = grouping == FacilityGrouping::Departement ? ds.departementNames : ds.regionNames;
    const auto it = names.find(code);
    return it == names.end() ? std::string() : it->second;
}

Row facilityRow(const std::string& code, const std::string& name, const std::string& kind, double count) {
    const FacilityKind* k = findFacilityKind(kind);
    Row row;
    row.cells = {Cell::of(code),
                 Cell::of(name),
                 Cell::of(kind),
                 Cell::of(k ? k->labelFr : kind),
                 Cell::of(k ? k->labelEn : kind),
                 Cell::of(count)};
    return row;
}

} // namespace

ResultTable facilitiesTable(const model::Dataset& dataset, FacilityGrouping grouping) {
    int vintage = 0;
    for (const model::FacilityCount& f : dataset.facilities)
        vintage = std::max(vintage, f.vintage);
    std::map<std::pair<std::string, std::string>, double> sums;
    std::map<std::string, double> totals;
    for (const model::FacilityCount& f : dataset.facilities)
        if (f.vintage == vintage) {
            sums[{groupOf(dataset, f.commune, grouping), f.kind}] += f.count;
            totals[f.kind] += f.count;
        }
    ResultTable t;
    t.name = "facilities";
    const Message title =
        msg("inputs.facilities_title", {arg::text("year", vintage ? std::to_string(vintage) : "—")});
    t.titleFr = word(title, Language::Fr);
    t.titleEn = word(title, Language::En);
    t.columns = {{"code", "Code", "Code", ColumnType::Code},
                 {"name", "Nom", "Name", ColumnType::Text},
                 {"kind", "Type", "Kind", ColumnType::Code},
                 {"label_fr", "Équipement", "Facility (French)", ColumnType::Text},
                 {"label_en", "Équipement (anglais)", "Facility", ColumnType::Text},
                 {"count", "Nombre", "Count", ColumnType::Integer}};
    t.notes = {msg("inputs.facilities_source")};
    t.maskedFlagColumn.clear();
    for (const auto& [key, count] : sums)
        t.rows.push_back(facilityRow(key.first, groupName(dataset, key.first, grouping), key.second, count));
    for (const auto& [kind, count] : totals)
        t.rows.push_back(facilityRow("all", dataset.meta.title, kind, count));
    return t;
}

std::vector<model::FacilityCount> carryFacilities(const std::vector<model::FacilityCount>& facilities,
                                                  const CogHistory& history, int from, int to,
                                                  CogCarry& carry) {
    // The kind travels in the profession field: carryCounts keeps it apart and sums per place and kind.
    std::vector<model::CountRecord> records;
    records.reserve(facilities.size());
    for (const model::FacilityCount& f : facilities)
        records.push_back({f.commune, f.kind, f.vintage, f.count});
    std::vector<model::FacilityCount> out;
    for (const model::CountRecord& r : carryCounts(records, history, from, to, carry))
        if (r.count > 0)
            out.push_back({r.place, r.profession, r.vintage, r.count});
    std::sort(out.begin(), out.end(), [](const model::FacilityCount& a, const model::FacilityCount& b) {
        return std::tie(a.commune, a.kind, a.vintage) < std::tie(b.commune, b.kind, b.vintage);
    });
    return out;
}

std::vector<std::string> replaceFacilities(model::Dataset& dataset, std::vector<model::FacilityCount> added) {
    std::set<int> vintages;
    for (const model::FacilityCount& f : added)
        vintages.insert(f.vintage);
    auto& kept = dataset.facilities;
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [&](const model::FacilityCount& f) { return vintages.count(f.vintage) > 0; }),
               kept.end());
    std::set<std::string> leftOut;
    for (model::FacilityCount& f : added) {
        if (dataset.commune(f.commune))
            kept.push_back(std::move(f));
        else
            leftOut.insert(f.commune);
    }
    return {leftOut.begin(), leftOut.end()};
}

} // namespace maillage::io
