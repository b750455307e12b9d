#include "core/io/importers.h"

#include "core/io/facilities.h"

#include "core/model/code_table.h"
#include "core/model/codes.h"
#include "core/model/prefault.h"
#include "core/model/text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <iterator>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace maillage::io {

namespace {

//! "59350 (lines 8, 9)": a key and the lines it was seen on. `quotedKey`: the key is a value of the file.
Message keyLines(const std::string& key, const std::vector<long>& lines, bool quotedKey = false) {
    std::vector<std::string> numbers;
    numbers.reserve(lines.size());
    for (long l : lines)
        numbers.push_back(std::to_string(l));
    return msg("detail.key_lines", {quotedKey ? arg::code("key", key) : arg::text("key", key),
                                    arg::list("lines", std::move(numbers))});
}

//! "line 5, column 'count': '1,5'".
Message lineColumnValue(const Location& l, const std::string& value) {
    return msg("detail.line_column_value",
               {digits("line", l.line), arg::code("column", l.column), arg::code("value", value)});
}

//! "59350 / infirmier (line 6: 'D232', line 7: 'Infirmier')": rows of one key written differently.
Message keyLabelledLines(const std::string& key, const std::vector<std::pair<long, std::string>>& rows) {
    Message parts;
    for (auto r = rows.rbegin(); r != rows.rend(); ++r) {
        Message one = msg("detail.line_label", {digits("line", r->first), arg::code("label", r->second)});
        parts = parts.empty()
                    ? one
                    : msg("detail.list_pair", {arg::nested("first", one), arg::nested("rest", parts)});
    }
    return msg("detail.key_parts", {arg::text("key", key), arg::nested("parts", parts)});
}

//! First column matching one of `names` (loosely); then a column whose key is one of them followed by
//! digits only ("CODGEO_2018" for "codgeo", "BV2012" for "bv"). -1 when none.
int findColumn(const TableHead& table, const std::vector<std::string>& names) {
    for (const auto& n : names) {
        if (n.empty())
            continue;
        const int c = table.column(n);
        if (c >= 0)
            return c;
    }
    for (const auto& n : names) {
        const std::string key = columnKey(n);
        if (key.empty())
            continue;
        for (std::size_t i = 0; i < table.header.size(); ++i) {
            const std::string h = columnKey(table.header[i]);
            if (h.size() > key.size() && h.compare(0, key.size(), key) == 0 &&
                std::all_of(h.begin() + static_cast<long>(key.size()), h.end(),
                            [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
                return static_cast<int>(i);
        }
    }
    return -1;
}

//! Like findColumn, but throws Error(Format) naming what was tried and the columns found.
int requireColumn(const TableHead& table, const std::vector<std::string>& names) {
    const int c = findColumn(table, names);
    if (c >= 0)
        return c;
    std::vector<std::string> tried;
    for (const auto& n : names)
        if (!n.empty() && std::find(tried.begin(), tried.end(), n) == tried.end())
            tried.push_back(n);
    const std::string primary = names.empty() ? std::string() : names.front();
    std::vector<MessageArg> args = {arg::code("column", tried.empty() ? primary : tried.front()),
                                    arg::list("found", table.header, true)};
    const bool none = table.header.empty();
    if (tried.size() <= 1)
        throw Error(ErrorKind::Format, Location{table.source, table.headerLine, primary, -1},
                    none ? msg("io.import.missing_column_none", std::move(args))
                         : msg("io.import.missing_column", std::move(args)));
    args.push_back(arg::list("others", std::vector<std::string>(tried.begin() + 1, tried.end()), true));
    throw Error(ErrorKind::Format, Location{table.source, table.headerLine, primary, -1},
                none ? msg("io.import.missing_column_or_none", std::move(args))
                     : msg("io.import.missing_column_or", std::move(args)));
}

std::vector<std::string> with(const std::string& given, std::initializer_list<const char*> fallbacks) {
    std::vector<std::string> names{given};
    for (const char* f : fallbacks)
        names.emplace_back(f);
    return names;
}

const std::vector<std::string> kCodeFallbacks = {"codgeo",     "depcom", "code",      "code_commune",
                                                 "code_insee", "insee",  "insee_com", "com"};

std::vector<std::string> communeColumnNames(const std::string& given) {
    std::vector<std::string> names{given};
    names.insert(names.end(), kCodeFallbacks.begin(), kCodeFallbacks.end());
    return names;
}

//! One row being read: its cells (as many as the header has names) and its line. The readers below read
//! a Table's rows or a TableRows' one by one through it, the same way.
struct CellRow {
    const std::vector<std::string>& cells;
    long line;
};

template <typename F> void forEachRow(const Table& table, F&& read) {
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        read(CellRow{table.rows[r], table.lines[r]});
}

template <typename F> void forEachRow(TableRows& rows, F&& read) {
    while (rows.next())
        read(CellRow{rows.cells(), rows.line()});
}

//! How many rows `rows` will give, or about (a streamed file's lines): what to reserve for one record each.
std::size_t expectedRowsOf(const Table& table) {
    return table.rows.size();
}
std::size_t expectedRowsOf(const TableRows& rows) {
    return rows.expectedRows();
}

[[noreturn]] void throwBadCommuneCode(const std::string& raw, Location where) {
    const std::string t = text::trim(raw);
    throw Error(ErrorKind::Value, std::move(where),
                t.empty() ? msg("io.import.commune_code_expected_empty")
                          : msg("io.import.commune_code_expected", {arg::code("value", t)}));
}

//! The commune code in `column` of `row`, repaired; Error(Value) naming the line otherwise.
std::string communeCode(const TableHead& head, const CellRow& row, int column) {
    const std::string& raw = row.cells[static_cast<std::size_t>(column)];
    if (auto code = codes::normalizeCommune(raw))
        return std::move(*code);
    throwBadCommuneCode(raw, head.locate(row.line, column));
}

} // namespace

std::string communeCode(const Table& table, std::size_t row, int column) {
    const std::string& raw = table.cell(row, column);
    if (auto code = codes::normalizeCommune(raw))
        return *code;
    throwBadCommuneCode(raw, table.at(row, column));
}

namespace {

//! INSEE's "no bassin de vie" (sans objet): "ZZZZZ".
bool isNoBassin(const std::string& raw) {
    const std::string t = text::trim(raw);
    return t.size() >= 5 && std::all_of(t.begin(), t.end(), [](char c) { return c == 'Z' || c == 'z'; });
}

//! A BV code, or "" for INSEE's "ZZZZZ" (the caller warns).
std::string bassinCode(const TableHead& table, const CellRow& row, int column) {
    const std::string& raw = row.cells[static_cast<std::size_t>(column)];
    if (auto code = codes::normalizeBassin(raw))
        return *code;
    if (isNoBassin(raw))
        return {};
    const std::string t = text::trim(raw);
    throw Error(ErrorKind::Value, table.locate(row.line, column),
                t.empty() ? msg("io.import.bassin_code_expected_empty")
                          : msg("io.import.bassin_code_expected", {arg::code("value", t)}));
}

void warnNoBassin(const TableHead& table, int bvColumn, const std::vector<std::string>& communes,
                  long firstLine, Warnings& warnings) {
    if (communes.empty())
        return;
    warnings.push_back(makeWarning(
        ErrorKind::Value, Location{table.source, firstLine, table.header[bvColumn], -1},
        msg("io.import.no_bassin", {arg::integer("n", static_cast<long long>(communes.size()))}), communes));
}

//! Collects the cells holding a secret marker, for one warning per table.
class SecretCells {
public:
    explicit SecretCells(const TableHead& table) : m_table(table) {}
    void add(const CellRow& row, int column) {
        const std::string value = text::trim(row.cells[static_cast<std::size_t>(column)]);
        if (m_count == 0) {
            m_first = m_table.locate(row.line, column);
            m_value = value;
        }
        ++m_count;
        if (m_details.size() < 1000)
            m_details.push_back(lineColumnValue(m_table.locate(row.line, column), value));
    }
    void flush(Warnings& warnings) {
        if (m_count == 0)
            return;
        if (m_count == 1) {
            warnings.push_back(makeWarning(ErrorKind::Value, m_first,
                                           msg("io.import.masked_value", {arg::code("value", m_value)})));
            return;
        }
        warnings.push_back(makeDetailedWarning(
            ErrorKind::Value, m_first,
            msg("io.import.masked_values",
                {arg::code("value", m_value), arg::integer("n", static_cast<long long>(m_count))}),
            std::move(m_details)));
    }

private:
    const TableHead& m_table;
    std::size_t m_count = 0;
    Location m_first;
    std::string m_value;
    std::vector<Message> m_details;
};

enum class Quantity { Count, Population };

//! Why the cell is not a `quantity` (text::countProblem for counts).
Message quantityProblem(const std::string& raw, Quantity quantity) {
    const std::string t = text::trim(raw);
    if (quantity == Quantity::Count || text::parseNumber(raw).value_or(0) > text::kMaxPlausibleCount)
        return text::countProblem(raw);
    return t.empty() ? msg("io.import.population_expected_empty")
                     : msg("io.import.population_expected", {arg::code("value", t)});
}

//! A count or population: a number >= 0; secret markers are 0 (collected); empty cells are 0 when
//! `emptyIsZero`, else an error.
double nonNegative(const TableHead& table, const CellRow& row, int column, SecretCells& secrets,
                   bool emptyIsZero, Quantity quantity = Quantity::Count) {
    const std::string& raw = row.cells[static_cast<std::size_t>(column)];
    if (auto v = text::parseNumber(raw)) {
        if (*v >= 0 && *v <= text::kMaxPlausibleCount) // 1e308 would make every total infinite
            return *v;
    } else {
        const std::string t = text::trim(raw);
        if (t.empty() && emptyIsZero)
            return 0;
        if (!t.empty() && text::isSecretMarker(t)) {
            secrets.add(row, column);
            return 0;
        }
    }
    throw Error(ErrorKind::Value, table.locate(row.line, column), quantityProblem(raw, quantity));
}

int yearOf(const TableHead& table, const CellRow& row, int column) {
    const std::string t = text::trim(row.cells[static_cast<std::size_t>(column)]);
    if (auto v = text::parseNumber(t)) {
        if (*v >= 1900 && *v <= 2100 && *v == static_cast<int>(*v))
            return static_cast<int>(*v);
    }
    throw Error(ErrorKind::Value, table.locate(row.line, column),
                t.empty() ? msg("io.import.year_expected_empty")
                          : msg("io.import.year_expected", {arg::code("value", t)}));
}

std::string padTwo(std::string s) {
    s = text::trim(s);
    if (s.size() == 1 && std::isdigit(static_cast<unsigned char>(s[0])))
        s = "0" + s;
    for (auto& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

//! A number read from a cell, with every decimal it has ("1.234" read as 1.234, in the language's mark).
MessageArg exactNumber(const char* name, double value) {
    const std::string shortest = text::formatShortest(value);
    const auto dot = shortest.find('.');
    if (shortest.find_first_of("en") != std::string::npos)
        return arg::text(name, shortest); // 1e+20, inf
    return arg::number(name, value,
                       dot == std::string::npos ? 0 : static_cast<int>(shortest.size() - dot - 1));
}

//! "59350 (lines 4, 9)"

//! Keys seen on several rows, in first-seen order, for one warning. A row may carry the label it was
//! written with ("D201", "Médecin généraliste"), shown when the rows of one key differ, and passed to
//! `same`: two rows of one key are duplicates when same(label1, label2) (always, by default).
class Duplicates {
public:
    using Same = std::function<bool(const std::string&, const std::string&)>;
    void see(std::string key, long line, const std::string& label = {}) {
        // Most keys are seen once: their row is kept inline, without a vector of its own.
        auto [it, inserted] = m_index.try_emplace(std::move(key), m_entries.size());
        if (inserted)
            m_entries.push_back({&it->first, {line, label}, {}});
        else
            m_entries[it->second].more.push_back({line, label});
    }
    //! What must be unique: a commune, or a commune and a profession (long tables).
    enum class Key { Commune, CommuneAndProfession };
    void flush(const TableHead& table, int column, Key what, Warnings& warnings, const Same& same = nullptr) {
        std::vector<Message> details;
        long firstLine = 0;
        for (const auto& entry : m_entries) {
            if (entry.more.empty())
                continue;
            const std::string& key = *entry.key;
            std::vector<Row> all = {entry.first};
            all.insert(all.end(), entry.more.begin(), entry.more.end());
            std::vector<Row> rows; // those that duplicate another row of the key
            for (std::size_t i = 0; i < all.size(); ++i)
                for (std::size_t j = 0; j < all.size(); ++j)
                    if (i != j && (!same || same(all[i].label, all[j].label))) {
                        rows.push_back(all[i]);
                        break;
                    }
            if (rows.size() < 2)
                continue;
            if (firstLine == 0)
                firstLine = rows[1].line;
            const bool sameLabel = std::all_of(rows.begin(), rows.end(),
                                               [&](const Row& r) { return r.label == rows.front().label; });
            if (sameLabel) {
                std::vector<long> lines;
                for (const auto& r : rows)
                    lines.push_back(r.line);
                details.push_back(keyLines(key, lines));
            } else {
                std::vector<std::pair<long, std::string>> parts;
                for (const auto& r : rows)
                    parts.emplace_back(r.line, r.label);
                details.push_back(keyLabelledLines(key, parts));
            }
        }
        if (details.empty())
            return;
        const std::vector<MessageArg> n = {arg::integer("n", static_cast<long long>(details.size()))};
        const bool one = details.size() == 1;
        Message m = what == Key::Commune
                        ? (one ? msg("io.import.duplicate_commune") : msg("io.import.duplicate_communes", n))
                        : (one ? msg("io.import.duplicate_commune_profession")
                               : msg("io.import.duplicate_communes_professions", n));
        warnings.push_back(makeDetailedWarning(
            ErrorKind::Duplicate,
            Location{table.source, firstLine, column >= 0 ? table.header[column] : std::string(), -1},
            std::move(m), std::move(details)));
    }

private:
    struct Row {
        long line;
        std::string label;
    };
    //! A key's rows, in first-seen order (`key` points into m_index, whose nodes do not move).
    struct Entry {
        const std::string* key;
        Row first;
        std::vector<Row> more;
    };
    std::unordered_map<std::string, std::size_t> m_index; // key -> m_entries
    std::vector<Entry> m_entries;
};

//! Cells of a whole-number column (counts of professionals, populations of communes) that hold decimals,
//! for one warning: "2,5" professionals is suspicious, and "1.234" may be 1,234 written with a thousands
//! separator that parseNumber, seeing one separator, reads as a decimal mark. Values are kept as read.
class WholeNumberCells {
public:
    //! What the cells count: people (populations) or professionals.
    enum class Unit { Inhabitants, Professionals };
    WholeNumberCells(const TableHead& table, Unit unit) : m_table(table), m_unit(unit) {}
    void see(const CellRow& row, int column, double value) {
        const std::string& raw = row.cells[static_cast<std::size_t>(column)];
        if (value == std::floor(value) && raw.find_first_of(".,") == std::string::npos)
            return; // the common case, cheaply: "12"
        const bool grouped = text::looksLikeGroupedThousands(raw);
        if (!grouped && value == std::floor(value))
            return;
        const Location l = m_table.locate(row.line, column);
        if (m_count == 0)
            m_first = l;
        ++m_count;
        if (grouped && m_grouped.empty()) {
            m_grouped = text::trim(raw);
            m_groupedValue = value;
        }
        if (m_details.size() < 1000)
            m_details.push_back(lineColumnValue(l, text::trim(raw)));
    }
    void flush(Warnings& warnings) {
        if (m_count == 0)
            return;
        warnings.push_back(makeDetailedWarning(ErrorKind::Value, m_first, message(), std::move(m_details)));
    }

private:
    //! "expected whole numbers of inhabitants, found 2 values written with decimals; kept as read; ...".
    Message message() const {
        const bool people = m_unit == Unit::Inhabitants;
        std::vector<MessageArg> args = {arg::integer("n", static_cast<long long>(m_count))};
        if (m_grouped.empty())
            return people ? msg("io.import.decimal_inhabitants", std::move(args))
                          : msg("io.import.decimal_professionals", std::move(args));
        const char separator = m_grouped.find('.') != std::string::npos ? '.' : ',';
        args.push_back(arg::code("written", m_grouped));
        args.push_back(exactNumber("value", m_groupedValue));
        args.push_back(arg::code("separator", std::string(1, separator)));
        return people ? msg("io.import.decimal_inhabitants_grouped", std::move(args))
                      : msg("io.import.decimal_professionals_grouped", std::move(args));
    }

    const TableHead& m_table;
    Unit m_unit;
    std::size_t m_count = 0;
    Location m_first;
    std::string m_grouped;
    double m_groupedValue = 0;
    std::vector<Message> m_details;
};

//! Paris, Lyon and Marseille: the communes that have arrondissements municipaux.
bool hasArrondissements(const std::string& code) {
    return code == "75056" || code == "69123" || code == "13055";
}

bool isBpeTypeCode(const std::string& raw) {
    const std::string t = text::trim(raw);
    return t.size() == 4 && std::isupper(static_cast<unsigned char>(t[0])) &&
           std::all_of(t.begin() + 1, t.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

//! D2xx: a BPE code of the "professions de santé" domain (D1xx are establishments, D3xx facilities).
bool isBpeProfessionCode(const std::string& code) {
    return isBpeTypeCode(code) && code[0] == 'D' && code[1] == '2';
}

//! Labels of the BPE profession codes the catalogue leaves out, for messages.
std::string bpeProfessionLabel(const std::string& code) {
    static const std::map<std::string, std::string> labels = {{"D243", "psychologue"}};
    const auto it = labels.find(code);
    return it == labels.end() ? std::string() : it->second;
}

//! Resolves the profession cells of a long table (once per distinct value) and collects the BPE facility
//! codes that are no profession (D101, D302...), reported in one warning. Shared by the commune and zone
//! readers so that both treat the same values the same way.
class ProfessionCells {
public:
    ProfessionCells(const TableHead& table, int column, const model::ProfessionCatalogue& catalogue)
        : m_table(table), m_column(column), m_catalogue(catalogue) {}
    //! Catalogue index of the row's profession; -1 for a BPE facility code (collected, to be skipped);
    //! -2 for any other unknown value (the caller decides: error or warning). `value` receives the number
    //! of the cell's value among those seen (value(n) gives it back, trimmed).
    int at(const CellRow& row, int* value = nullptr) {
        const std::string& raw = row.cells[static_cast<std::size_t>(m_column)];
        const int* known = m_ids.find(raw);
        const int id = known ? *known : add(raw);
        if (value)
            *value = id;
        const Value& v = m_values[static_cast<std::size_t>(id)];
        if (v.profession >= 0)
            return v.profession;
        if (v.bpe) {
            m_ignoredBpe[v.trimmed].push_back(row.line);
            return -1;
        }
        return -2;
    }
    //! A value of at(), trimmed.
    const std::string& value(int id) const { return m_values[static_cast<std::size_t>(id)].trimmed; }
    //! The error for an unknown value at `row`.
    Error unknown(const CellRow& row) const {
        const std::string raw = text::trim(row.cells[static_cast<std::size_t>(m_column)]);
        return Error(ErrorKind::Value, m_table.locate(row.line, m_column),
                     raw.empty() ? msg("io.import.profession_expected_empty")
                                 : msg("io.import.profession_expected", {arg::code("value", raw)}));
    }
    //! One warning for the health establishments (D1xx: the facilities layer, core/io/facilities.h), one
    //! for the other codes that are no profession (D3xx), one for the BPE codes of professions outside
    //! the catalogue (D2xx such as D243 psychologue).
    void flush(Warnings& warnings) const {
        std::map<std::string, std::vector<long>> facilities, others, professions;
        for (const auto& [value, lines] : m_ignoredBpe)
            (isBpeProfessionCode(value) ? professions
             : findFacilityKind(value)  ? facilities
                                        : others)
                .emplace(value, lines);
        if (!facilities.empty())
            warnings.push_back(warning(facilities, "inputs.bpe_facility_rows_kept"));
        if (!others.empty())
            warnings.push_back(warning(others, "io.import.bpe_facility_rows"));
        if (!professions.empty())
            warnings.push_back(warning(professions, "io.import.bpe_outside_catalogue_rows"));
    }

private:
    //! The warning `id` (its {rows} and {codes}) for the rows of the `ignored` codes, listed in details.
    Warning warning(const std::map<std::string, std::vector<long>>& ignored, const char* id) const {
        std::vector<Message> details;
        std::size_t rows = 0;
        for (const auto& [value, lines] : ignored) {
            rows += lines.size();
            const std::string label = bpeProfessionLabel(value);
            details.push_back(
                msg("detail.code_rows", {arg::text("code", value + (label.empty() ? "" : " " + label)),
                                         digits("rows", static_cast<long long>(lines.size()))}));
        }
        // Digits only ("15876 rows"): the English wording that existing tests assert.
        MessageArg rowCount = arg::text("rows", std::to_string(rows));
        rowCount.number = static_cast<double>(rows); // for {rows?row|rows}
        Message m = msg(id, {rowCount, arg::integer("codes", static_cast<long long>(ignored.size()))});
        return makeDetailedWarning(
            ErrorKind::Value,
            Location{m_table.source, ignored.begin()->second.front(), m_table.header[m_column], -1},
            std::move(m), std::move(details));
    }

    //! A distinct cell value: trimmed, its profession (-1: none), whether it is a BPE code.
    struct Value {
        std::string trimmed;
        int profession = -1;
        bool bpe = false;
    };
    int add(const std::string& raw) {
        Value v;
        v.trimmed = text::trim(raw);
        const model::Profession* p = m_catalogue.resolve(v.trimmed);
        v.profession = p ? m_catalogue.indexOf(p->code) : -1;
        v.bpe = isBpeTypeCode(v.trimmed);
        m_values.push_back(std::move(v));
        const int id = static_cast<int>(m_values.size() - 1);
        m_ids.insert(raw, id);
        return id;
    }

    const TableHead& m_table;
    int m_column;
    const model::ProfessionCatalogue& m_catalogue;
    text::CodeTable m_ids; // cell as written -> m_values
    std::vector<Value> m_values;
    std::map<std::string, std::vector<long>> m_ignoredBpe;
};

//! Columns of a wide table that are descriptive, not counts: not listed among ignored columns.
bool isDescriptiveColumn(const std::string& name) {
    static const std::set<std::string> keys = {
        "libgeo", "nom",     "name",   "libelle", "libcom", "nomcommune", "dep", "reg", "epci", "departement",
        "region", "commune", "libdep", "libreg",  "arr",    "cv",         "ze",  "uu",  "au"};
    return keys.count(columnKey(name)) != 0;
}

std::string cityName(const std::string& code) {
    if (code == "75056")
        return "Paris";
    if (code == "69123")
        return "Lyon";
    if (code == "13055")
        return "Marseille";
    return {};
}

//! A share in percent with two significant digits below 1 % (0.0028 %), one decimal above: never
//! "0.00 %" for a part that is not zero.
MessageArg share(const char* name, double part, double total) {
    const double pct = total > 0 ? 100.0 * part / total : 0.0;
    int decimals = 1;
    if (pct > 0 && pct < 1)
        decimals = std::min(8, 1 + static_cast<int>(std::ceil(-std::log10(pct))));
    return arg::percent(name, total > 0 ? part / total : 0.0, decimals);
}

} // namespace

// ---------------------------------------------------------------------------------------------

Message JoinReport::summary(std::size_t maxCodes) const {
    const std::size_t n = unmatched.size();
    const MessageArg l = arg::text("left", left), r = arg::text("right", right);
    if (n == 0)
        return msg("io.join.all_present", {l, r});
    const std::size_t shown = std::min(n, maxCodes);
    const std::vector<std::string> codes(unmatched.begin(), unmatched.begin() + static_cast<long>(shown));
    const auto more = static_cast<long long>(n - shown);
    Message listed =
        shown == n  ? msg("io.join.codes", {arg::list("codes", codes)})
        : shown > 0 ? msg("io.join.codes_and_more", {arg::list("codes", codes), arg::integer("more", more)})
                    : msg("io.join.more", {arg::integer("more", more)});
    std::vector<MessageArg> args = {arg::integer("n", static_cast<long long>(n)), l, r,
                                    arg::nested("codes", std::move(listed))};
    const bool professionals = totalProfessionals > 0;
    const bool population = totalPopulation > 0 && unmatchedPopulation > 0;
    if (!professionals && !population)
        return msg("io.join.unmatched", std::move(args));
    const MessageArg ofProfessionals = share("professionals", unmatchedProfessionals, totalProfessionals);
    const MessageArg inhabitants = arg::number("inhabitants", unmatchedPopulation, 0);
    const MessageArg ofPopulation = share("population", unmatchedPopulation, totalPopulation);
    args.push_back(
        arg::nested("shares", !population ? msg("io.join.share_professionals", {ofProfessionals})
                              : !professionals
                                  ? msg("io.join.share_population", {inhabitants, ofPopulation})
                                  : msg("io.join.share_both", {ofProfessionals, inhabitants, ofPopulation})));
    return msg("io.join.unmatched_shares", std::move(args));
}

std::string JoinReport::summaryFr(std::size_t maxCodes) const {
    return word(summary(maxCodes), Language::Fr);
}

std::string JoinReport::summaryEn(std::size_t maxCodes) const {
    return word(summary(maxCodes), Language::En);
}

// ---------------------------------------------------------------------------------------------

namespace {

//! readCommuneTable's state: the columns found, the communes so far, and what it reports at the end.
class CommuneTableReader {
public:
    //! `rows`: how many rows the table has (0: not known yet), for reserving.
    CommuneTableReader(const TableHead& table, const CommuneColumns& columns, std::size_t rows)
        : m_table(table), m_secrets(table), m_wholeNumbers(table, WholeNumberCells::Unit::Inhabitants) {
        m_codeCol = requireColumn(table, communeColumnNames(columns.code));
        const auto popNames =
            with(columns.population, {"population", "pmun", "population_municipale", "pop", "ptot"});
        m_popCol = columns.requirePopulation ? requireColumn(table, popNames) : findColumn(table, popNames);
        const auto bvNames = with(columns.bv, {"bv", "bv2012", "bv2022", "code_bv", "bassin_de_vie"});
        m_bvCol = columns.requireBassin ? requireColumn(table, bvNames) : findColumn(table, bvNames);
        m_nameCol = findColumn(
            table, with(columns.name, {"nom", "libgeo", "name", "libelle", "libcom", "nom_commune"}));
        m_depCol =
            findColumn(table, with(columns.dep, {"dep", "departement", "code_dep", "code_departement"}));
        m_regCol = findColumn(table, with(columns.reg, {"reg", "region", "code_reg", "code_region"}));
        m_communes.reserve(rows);
        m_lines.reserve(rows);
        memory::prefaultCapacity(m_communes);
        memory::prefaultCapacity(m_lines);
        m_positions.reserve(rows);
    }

    void readRow(const CellRow& r) {
        const std::string code = communeCode(m_table, r, m_codeCol);
        const double population =
            m_popCol >= 0 ? nonNegative(m_table, r, m_popCol, m_secrets, false, Quantity::Population) : 0.0;
        if (m_popCol >= 0)
            m_wholeNumbers.see(r, m_popCol, population);
        if (codes::isArrondissement(code))
            addArrondissement(r, code, population);
        else
            addCommune(r, code, population);
    }

    std::vector<model::Commune> finish(Warnings& warnings) {
        warnNoBassin(m_table, m_bvCol, m_noBassin, m_noBassinLine, warnings);
        m_secrets.flush(warnings);
        m_wholeNumbers.flush(warnings);
        const Location codeColumn{m_table.source, 0, m_table.header[m_codeCol], -1};
        if (!m_folded.empty())
            warnings.push_back(makeWarning(ErrorKind::Value, codeColumn,
                                           msg("io.import.arrondissements_summed",
                                               {arg::integer("n", static_cast<long long>(m_folded.size()))}),
                                           m_folded));
        if (!m_ignored.empty())
            warnings.push_back(makeWarning(ErrorKind::Duplicate, codeColumn,
                                           msg("io.import.arrondissements_ignored",
                                               {arg::integer("n", static_cast<long long>(m_ignored.size()))}),
                                           m_ignored));
        return std::move(m_communes);
    }

private:
    void fill(model::Commune& c, const CellRow& r, const std::string& code) {
        c.code = code;
        if (m_nameCol >= 0)
            c.name = text::trim(r.cells[static_cast<std::size_t>(m_nameCol)]);
        if (c.name.empty())
            c.name = cityName(code);
        c.bv = m_bvCol >= 0 ? bassinCode(m_table, r, m_bvCol) : std::string();
        if (c.bv.empty() && m_bvCol >= 0) {
            if (m_noBassin.empty())
                m_noBassinLine = r.line;
            m_noBassin.push_back(code);
        }
        const bool hasDep = m_depCol >= 0 && !text::trim(r.cells[static_cast<std::size_t>(m_depCol)]).empty();
        c.dep = hasDep ? padTwo(r.cells[static_cast<std::size_t>(m_depCol)]) : codes::departementOf(code);
        if (m_regCol >= 0)
            c.reg = padTwo(r.cells[static_cast<std::size_t>(m_regCol)]);
    }

    //! Folded into Paris/Lyon/Marseille: populations summed, the first arrondissement's BV kept, unless
    //! the commune has its own row (then the arrondissements would count people twice).
    void addArrondissement(const CellRow& r, const std::string& code, double population) {
        const std::string parent = codes::foldArrondissement(code);
        const int seen = m_positions.find(m_communes, parent);
        if (seen >= 0 && m_lines[static_cast<std::size_t>(seen)] != 0) {
            m_ignored.push_back(code);
            return;
        }
        m_folded.push_back(code);
        if (seen >= 0) {
            m_communes[static_cast<std::size_t>(seen)].population += population;
            return;
        }
        model::Commune c;
        fill(c, r, parent);
        c.name = cityName(parent);
        c.dep = codes::departementOf(parent);
        c.population = population;
        append(std::move(c), 0);
    }

    void addCommune(const CellRow& r, const std::string& code, double population) {
        const int seen = m_positions.find(m_communes, code);
        const auto at = static_cast<std::size_t>(seen);
        if (seen >= 0 && m_lines[at] != 0)
            throw Error(ErrorKind::Duplicate, m_table.locate(r.line, m_codeCol),
                        msg("io.import.commune_twice",
                            {arg::text("code", code), arg::integer("first", m_lines[at])}));
        // Built in place (built aside then moved in, communes were 9 % of a national classify); the
        // commune's own row wins over its arrondissements read before.
        model::Commune& c = seen < 0 ? m_communes.emplace_back() : (m_communes[at] = model::Commune{});
        fill(c, r, code);
        c.population = population;
        if (seen < 0) {
            indexLast(r.line);
            return;
        }
        m_lines[at] = r.line;
        const auto isPart = [&](const std::string& f) { return codes::foldArrondissement(f) == code; };
        std::copy_if(m_folded.begin(), m_folded.end(), std::back_inserter(m_ignored), isPart);
        m_folded.erase(std::remove_if(m_folded.begin(), m_folded.end(), isPart), m_folded.end());
    }

    //! A commune not seen before, from its own row at `line` (0: a city built from its arrondissements).
    void append(model::Commune c, long line) {
        m_communes.push_back(std::move(c));
        indexLast(line);
    }

    //! The last commune of m_communes, read at `line`, found by its code from now on.
    void indexLast(long line) {
        m_lines.push_back(line);
        m_positions.add(m_communes, m_communes.size() - 1);
    }

    const TableHead& m_table;
    int m_codeCol = -1, m_popCol = -1, m_bvCol = -1, m_nameCol = -1, m_depCol = -1, m_regCol = -1;
    std::vector<model::Commune> m_communes;
    //! Per commune: the line of its own row; 0 for a city built from its arrondissements so far.
    std::vector<long> m_lines;
    text::CodePositions m_positions;              // code -> position in m_communes
    std::vector<std::string> m_folded, m_ignored; // arrondissements summed / ignored
    std::vector<std::string> m_noBassin;          // communes in no BV ("ZZZZZ")
    long m_noBassinLine = 0;
    SecretCells m_secrets;
    WholeNumberCells m_wholeNumbers;
};

} // namespace

std::vector<model::Commune> readCommuneTable(const Table& table, const CommuneColumns& columns,
                                             Warnings& warnings) {
    CommuneTableReader reader(table, columns, table.rows.size());
    forEachRow(table, [&](const CellRow& r) { reader.readRow(r); });
    return reader.finish(warnings);
}

std::vector<model::Commune> readCommuneTable(TableRows& rows, const CommuneColumns& columns,
                                             Warnings& warnings) {
    CommuneTableReader reader(rows.head(), columns, rows.expectedRows());
    forEachRow(rows, [&](const CellRow& r) { reader.readRow(r); });
    return reader.finish(warnings);
}

namespace {

//! The BV column: `bvColumn` when given, else BV2012 or BV2022 (the first of them), else a generic name.
int bassinColumn(const TableHead& table, const std::string& bvColumn) {
    if (!bvColumn.empty())
        return requireColumn(table, {bvColumn});
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const std::string k = columnKey(table.header[i]);
        if (k == "bv2012" || k == "bv2022")
            return static_cast<int>(i);
    }
    return requireColumn(table, {"BV2012", "BV2022", "bv", "code_bv"});
}

//! readBassinMapping's state: the columns found, the rows so far, and what it reports at the end.
class BassinMappingReader {
public:
    BassinMappingReader(const TableHead& table, const std::string& bvColumn, std::size_t rows)
        : m_table(table) {
        m_codeCol = requireColumn(table, communeColumnNames("codgeo"));
        m_bvCol = bassinColumn(table, bvColumn);
        const std::string bvKey = columnKey(table.header[m_bvCol]);
        m_mapping.vintage = bvKey == "bv2012"   ? "BV2012"
                            : bvKey == "bv2022" ? "BV2022"
                                                : table.header[m_bvCol];
        if (bvKey.size() > 2 && bvKey.compare(0, 2, "bv") == 0)
            m_bvNameCol = table.column("lib" + bvKey);
        if (m_bvNameCol < 0)
            m_bvNameCol = findColumn(table, {"libbv", "nom_bv"});
        m_nameCol = findColumn(table, {"libgeo", "nom", "libcom", "name", "libelle"});
        m_depCol = findColumn(table, {"dep", "departement", "code_dep"});
        m_regCol = findColumn(table, {"reg", "region", "code_reg"});
        m_mapping.rows.reserve(rows);
    }

    void readRow(const CellRow& r, Warnings& warnings) {
        BassinMapping::Row row = rowAt(r);
        const bool arrondissement = codes::isArrondissement(row.commune);
        if (arrondissement) {
            m_folded.push_back(row.commune);
            row.commune = codes::foldArrondissement(row.commune);
            row.communeName = cityName(row.commune);
        }
        if (auto it = m_index.find(row.commune); it != m_index.end()) {
            checkSameBassin(r, row, m_mapping.rows[it->second]);
            if (!arrondissement)
                warnings.push_back(makeWarning(
                    ErrorKind::Duplicate, m_table.locate(r.line, m_codeCol),
                    msg("io.import.commune_twice_ignored",
                        {arg::text("code", row.commune), arg::integer("first", m_lineOf[row.commune])})));
            return;
        }
        m_lineOf.emplace(row.commune, r.line);
        m_index.emplace(row.commune, m_mapping.rows.size());
        m_mapping.rows.push_back(std::move(row));
    }

    BassinMapping finish(Warnings& warnings) {
        warnNoBassin(m_table, m_bvCol, m_noBassin, m_noBassinLine, warnings);
        if (!m_folded.empty())
            warnings.push_back(makeWarning(ErrorKind::Value,
                                           Location{m_table.source, 0, m_table.header[m_codeCol], -1},
                                           msg("io.import.arrondissements_folded",
                                               {arg::integer("n", static_cast<long long>(m_folded.size()))}),
                                           m_folded));
        return std::move(m_mapping);
    }

private:
    //! The row as the file has it (arrondissements not folded yet); communes in no BV noted.
    BassinMapping::Row rowAt(const CellRow& r) {
        const auto& cells = r.cells;
        BassinMapping::Row row;
        row.commune = communeCode(m_table, r, m_codeCol);
        row.bv = bassinCode(m_table, r, m_bvCol);
        if (row.bv.empty()) {
            if (m_noBassin.empty())
                m_noBassinLine = r.line;
            m_noBassin.push_back(row.commune);
        }
        if (m_nameCol >= 0)
            row.communeName = text::trim(cells[m_nameCol]);
        if (m_bvNameCol >= 0 && !row.bv.empty())
            row.bvName = text::trim(cells[m_bvNameCol]);
        const bool hasDep = m_depCol >= 0 && !text::trim(cells[m_depCol]).empty();
        row.dep = hasDep ? padTwo(cells[m_depCol]) : codes::departementOf(row.commune);
        if (m_regCol >= 0)
            row.reg = padTwo(cells[m_regCol]);
        return row;
    }

    //! A commune seen again must be in the same bassin de vie.
    void checkSameBassin(const CellRow& r, const BassinMapping::Row& row, const BassinMapping::Row& first) {
        if (first.bv != row.bv)
            throw Error(ErrorKind::Duplicate, m_table.locate(r.line, m_codeCol),
                        msg("io.import.commune_in_two_bassins",
                            {arg::text("commune", row.commune), arg::text("bv", row.bv),
                             arg::text("first_bv", first.bv), arg::integer("first", m_lineOf[row.commune])}));
    }

    const TableHead& m_table;
    int m_codeCol = -1, m_bvCol = -1, m_bvNameCol = -1, m_nameCol = -1, m_depCol = -1, m_regCol = -1;
    BassinMapping m_mapping;
    std::unordered_map<std::string, std::size_t> m_index; // commune -> position in m_mapping.rows
    std::unordered_map<std::string, long> m_lineOf;       // commune -> line of its first row
    std::vector<std::string> m_folded, m_noBassin;        // arrondissements folded / communes in no BV
    long m_noBassinLine = 0;
};

} // namespace

BassinMapping readBassinMapping(const Table& table, const std::string& bvColumn, Warnings& warnings) {
    BassinMappingReader reader(table, bvColumn, table.rows.size());
    forEachRow(table, [&](const CellRow& r) { reader.readRow(r, warnings); });
    return reader.finish(warnings);
}

BassinMapping readBassinMapping(TableRows& rows, const std::string& bvColumn, Warnings& warnings) {
    BassinMappingReader reader(rows.head(), bvColumn, rows.expectedRows());
    forEachRow(rows, [&](const CellRow& r) { reader.readRow(r, warnings); });
    return reader.finish(warnings);
}

namespace {

//! readPopulation from the rows of `source` (a Table, or TableRows read as they come), `table` its head.
template <typename Rows>
std::map<std::string, double> readPopulationRows(const TableHead& table, Rows& source,
                                                 const std::string& codeColumn,
                                                 const std::string& populationColumn, Warnings& warnings) {
    const int codeCol = requireColumn(table, communeColumnNames(codeColumn));
    const int popCol = requireColumn(
        table, with(populationColumn, {"population", "pmun", "population_municipale", "pop", "ptot"}));

    std::map<std::string, double> population;
    std::map<std::string, double> arrondissements; // parent -> summed arrondissements
    std::map<std::string, std::vector<std::string>> foldedCodes;
    SecretCells secrets(table);
    WholeNumberCells wholeNumbers(table, WholeNumberCells::Unit::Inhabitants);
    Duplicates duplicates;
    forEachRow(source, [&](const CellRow& r) {
        const std::string code = communeCode(table, r, codeCol);
        const double value = nonNegative(table, r, popCol, secrets, false, Quantity::Population);
        wholeNumbers.see(r, popCol, value);
        duplicates.see(code, r.line);
        if (codes::isArrondissement(code)) {
            const std::string parent = codes::foldArrondissement(code);
            arrondissements[parent] += value;
            foldedCodes[parent].push_back(code);
        } else {
            population[code] += value;
        }
    });
    secrets.flush(warnings);
    wholeNumbers.flush(warnings);
    duplicates.flush(table, codeCol, Duplicates::Key::Commune, warnings);
    for (const auto& [parent, sum] : arrondissements) {
        if (population.count(parent)) {
            // The commune itself is there: adding its arrondissements would count people twice.
            warnings.push_back(
                makeWarning(ErrorKind::Duplicate, Location{table.source, 0, table.header[codeCol], -1},
                            msg("io.import.commune_and_arrondissements", {arg::text("code", parent)}),
                            foldedCodes[parent]));
        } else {
            population[parent] = sum;
        }
    }
    return population;
}

} // namespace

std::map<std::string, double> readPopulation(const Table& table, const std::string& codeColumn,
                                             const std::string& populationColumn, Warnings& warnings) {
    return readPopulationRows(table, table, codeColumn, populationColumn, warnings);
}

std::map<std::string, double> readPopulation(TableRows& rows, const std::string& codeColumn,
                                             const std::string& populationColumn, Warnings& warnings) {
    return readPopulationRows(rows.head(), rows, codeColumn, populationColumn, warnings);
}

namespace {

//! A commune code (at most 8 bytes: codes::normalizeCommune gives 5) in an integer that sorts as the code
//! does: a compact key to sort and sum the rows of national tables with.
std::uint64_t packCode(const std::string& code) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i)
        v = (v << 8) | (i < code.size() ? static_cast<unsigned char>(code[i]) : 0u);
    return v;
}

std::string unpackCode(std::uint64_t v) {
    std::string code;
    for (int shift = 56; shift >= 0 && ((v >> shift) & 0xFF) != 0; shift -= 8)
        code += static_cast<char>((v >> shift) & 0xFF);
    return code;
}

//! Counts summed per (place, catalogue index, vintage), ordered for a stable output. Rows of
//! arrondissements municipaux are summed apart, under their commune, and used only when the commune has
//! no row of its own for that vintage: a file listing both would count Paris twice.
class CountSums {
public:
    //! Room for `rows` counts read: the vector is not grown (copied, its pages touched again) as it fills.
    void reserve(std::size_t rows) {
        m_counts.reserve(rows);
        memory::prefaultCapacity(m_counts);
    }

    //! Adds a row's count (zeros only register the row: absent = 0). `code` is a commune code.
    void add(const std::string& code, int profession, int year, double count) {
        const bool arrondissement = codes::isArrondissement(code);
        if (arrondissement)
            m_arrondissements[{codes::foldArrondissement(code), year}].insert(code);
        else if (hasArrondissements(code))
            m_ownRows.insert({code, year});
        if (count > 0)
            (arrondissement ? m_arrondissementCounts : m_counts)
                .push_back(
                    {{packCode(arrondissement ? codes::foldArrondissement(code) : code), profession, year},
                     count});
    }

    //! Arrondissements summed into their commune, unless it has its own rows (then ignored, one warning
    //! each), and the records.
    std::vector<model::CountRecord> records(const TableHead& table, int codeCol, bool perVintage,
                                            const std::vector<model::Profession>& professions,
                                            Warnings& warnings) {
        std::vector<Sum> sums = summed(m_counts);
        const std::size_t communeSums = sums.size();
        for (const auto& [key, count] : summed(m_arrondissementCounts)) {
            if (m_ownRows.count({unpackCode(key.place), key.year}))
                continue;
            const auto end = sums.begin() + static_cast<std::ptrdiff_t>(communeSums);
            const auto it = std::lower_bound(sums.begin(), end, key,
                                             [](const Sum& s, const Key& k) { return s.first < k; });
            if (it != end && it->first == key)
                it->second += count;
            else
                sums.push_back({key, count}); // a city read from its arrondissements only
        }
        // In key order already but for the cities read from their arrondissements only, put after.
        const auto byKey = [](const Sum& a, const Sum& b) { return a.first < b.first; };
        const auto tail = sums.begin() + static_cast<std::ptrdiff_t>(communeSums);
        std::sort(tail, sums.end(), byKey);
        std::inplace_merge(sums.begin(), tail, sums.end(), byKey);
        for (const auto& [placeYear, codesSeen] : m_arrondissements) {
            if (!m_ownRows.count(placeYear))
                continue;
            const MessageArg code = arg::text("code", placeYear.first);
            warnings.push_back(
                makeWarning(ErrorKind::Duplicate, Location{table.source, 0, table.header[codeCol], -1},
                            perVintage ? msg("io.import.counts_commune_and_arrondissements_in",
                                             {code, arg::text("year", std::to_string(placeYear.second))})
                                       : msg("io.import.counts_commune_and_arrondissements", {code}),
                            std::vector<std::string>(codesSeen.begin(), codesSeen.end())));
        }
        std::vector<model::CountRecord> out;
        out.reserve(sums.size());
        memory::prefaultCapacity(out);
        for (const auto& [key, count] : sums)
            out.push_back({unpackCode(key.place), professions[static_cast<std::size_t>(key.profession)].code,
                           key.year, count});
        return out;
    }

private:
    struct Key {
        std::uint64_t place; // packCode
        int profession, year;
        bool operator<(const Key& o) const {
            return std::tie(place, profession, year) < std::tie(o.place, o.profession, o.year);
        }
        bool operator==(const Key& o) const {
            return place == o.place && profession == o.profession && year == o.year;
        }
    };
    using Sum = std::pair<Key, double>;

    //! One sum per key, in key order; each summed in row order, as a running total would be. In place:
    //! no second vector as large as the table.
    static std::vector<Sum> summed(std::vector<Sum>& counts) {
        std::stable_sort(counts.begin(), counts.end(),
                         [](const Sum& a, const Sum& b) { return a.first < b.first; });
        std::size_t kept = 0;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (kept > 0 && counts[kept - 1].first == counts[i].first)
                counts[kept - 1].second += counts[i].second;
            else if (kept++ != i)
                counts[kept - 1] = counts[i];
        }
        counts.resize(kept);
        return std::move(counts);
    }

    // Counts as read (one per row, not a map node each); summed once, by records().
    std::vector<Sum> m_counts, m_arrondissementCounts;
    std::set<std::pair<std::string, int>> m_ownRows;                                // (75056, vintage)
    std::map<std::pair<std::string, int>, std::set<std::string>> m_arrondissements; // -> 75101...
};

//! What readProfessionals works with: the table's head, its columns, and what it collects on the way.
struct CountsReading {
    const TableHead& table;
    const model::ProfessionCatalogue& catalogue;
    CountsLayout layout = CountsLayout::Auto;
    int codeCol = -1, professionCol = -1, countCol = -1, vintageCol = -1;
    int vintage = 0;
    SecretCells secrets;
    WholeNumberCells wholeNumbers;
    Duplicates duplicates;
    CountSums sums;

    CountsReading(const TableHead& t, const model::ProfessionCatalogue& c,
                  const ProfessionalsColumns& columns, int year)
        : table(t), catalogue(c), layout(columns.layout), vintage(year), secrets(t),
          wholeNumbers(t, WholeNumberCells::Unit::Professionals) {
        codeCol = requireColumn(t, communeColumnNames(columns.commune));
        const auto professionNames = with(columns.profession, {"profession", "typequ", "code_profession",
                                                               "libelle_profession", "specialite"});
        const auto countNames =
            with(columns.count, {"count", "nb_equip", "nombre", "effectif", "effectifs", "nb"});
        if (layout == CountsLayout::Auto) {
            professionCol = findColumn(t, professionNames);
            countCol = findColumn(t, countNames);
            layout = professionCol >= 0 && countCol >= 0 ? CountsLayout::Long : CountsLayout::Wide;
        } else if (layout == CountsLayout::Long) {
            professionCol = requireColumn(t, professionNames);
            countCol = requireColumn(t, countNames);
        }
        if (!columns.vintage.empty())
            vintageCol = requireColumn(t, {columns.vintage});
    }
    int yearOfRow(const CellRow& r) const { return vintageCol >= 0 ? yearOf(table, r, vintageCol) : vintage; }
};

//! One warning for the unknown profession values a long table was allowed to hold.
void warnUnknownValues(const CountsReading& c, const std::map<std::string, std::vector<long>>& unknown,
                       Warnings& warnings) {
    if (unknown.empty())
        return;
    std::vector<Message> details;
    std::size_t rows = 0;
    for (const auto& [value, lines] : unknown) {
        rows += lines.size();
        details.push_back(keyLines(value, lines, true));
    }
    warnings.push_back(makeDetailedWarning(
        ErrorKind::Value,
        Location{c.table.source, unknown.begin()->second.front(), c.table.header[c.professionCol], -1},
        msg("io.import.unknown_profession_rows",
            {arg::integer("rows", static_cast<long long>(rows)),
             arg::integer("values", static_cast<long long>(unknown.size()))}),
        std::move(details)));
}

//! Whether two rows of one commune, profession and vintage are duplicates, from the values they write the
//! profession with: the same value, or the profession itself ("Médecin généraliste", which covers "D201"),
//! or one in a BPE code and the other in words. Distinct aliases of one vocabulary are distinct source
//! categories that the catalogue sums (D202 cardiologues + D203 dermatologues -> spécialistes).
class SameProfession {
public:
    explicit SameProfession(const model::ProfessionCatalogue& catalogue) : m_catalogue(catalogue) {}
    bool operator()(const std::string& a, const std::string& b) {
        return key(a) == key(b) || generic(a) || generic(b) || isBpeTypeCode(a) != isBpeTypeCode(b);
    }

private:
    const std::string& key(const std::string& value) {
        auto it = m_keyOf.find(value);
        if (it == m_keyOf.end())
            it = m_keyOf.emplace(value, text::matchKey(value)).first;
        return it->second;
    }
    //! True when `value` names the profession itself (a few values).
    bool generic(const std::string& value) {
        auto it = m_genericOf.find(value);
        if (it != m_genericOf.end())
            return it->second;
        const model::Profession* p = m_catalogue.resolve(value);
        const std::string& k = key(value);
        const bool g = p && (k == text::matchKey(p->code) || k == text::matchKey(p->labelFr) ||
                             k == text::matchKey(p->labelEn));
        return m_genericOf.emplace(value, g).first->second;
    }

    const model::ProfessionCatalogue& m_catalogue;
    std::unordered_map<std::string, std::string> m_keyOf; // value -> match key
    std::unordered_map<std::string, bool> m_genericOf;
};

//! Long layout: one row per commune, profession and count.
class LongCounts {
public:
    LongCounts(CountsReading& c, bool allowUnknownProfessions)
        : m_c(c), m_allowUnknown(allowUnknownProfessions),
          m_professionCells(c.table, c.professionCol, c.catalogue), m_same(c.catalogue) {}

    //! Room for `rows` rows (the national BPE: 6 % of classify's time was growing these vectors).
    void reserve(std::size_t rows) {
        m_counted.reserve(rows);
        memory::prefaultCapacity(m_counted);
        m_c.sums.reserve(rows);
    }

    void readRow(const CellRow& r) {
        const std::string code = communeCode(m_c.table, r, m_c.codeCol);
        int value = 0;
        const int profession = m_professionCells.at(r, &value);
        const int year = m_c.yearOfRow(r);
        if (profession == -1)
            return; // a BPE facility code, reported by finish()
        if (profession < 0) {
            if (!m_allowUnknown)
                throw m_professionCells.unknown(r);
            m_unknown[m_professionCells.value(value)].push_back(r.line);
            return;
        }
        const double count = nonNegative(m_c.table, r, m_c.countCol, m_c.secrets, false);
        m_c.wholeNumbers.see(r, m_c.countCol, count);
        m_c.sums.add(code, profession, year, count);
        m_counted.push_back({packCode(code), profession, year, r.line, value, m_counted.size()});
    }

    //! The repeated rows noted (as duplicates only when they name the same thing), and the warnings about
    //! the values of the profession column.
    void finish(Warnings& warnings) {
        seeRepeatedRows();
        m_professionCells.flush(warnings);
        warnUnknownValues(m_c, m_unknown, warnings);
    }

    void flushDuplicates(Warnings& warnings) {
        m_c.duplicates.flush(m_c.table, m_c.codeCol, Duplicates::Key::CommuneAndProfession, warnings,
                             [&](const std::string& a, const std::string& b) { return m_same(a, b); });
    }

private:
    //! A counted row: what makes it a duplicate of another (commune, profession, vintage), the value its
    //! profession was written with, its place among the rows.
    struct CountedRow {
        std::uint64_t code = 0; // packCode
        int profession = 0, year = 0;
        long line = 0;
        int value = 0;
        std::size_t order = 0;
    };

    //! Whether two of the values `counted` [begin, end) write their profession with name the same thing.
    bool anyTwoSame(std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            for (std::size_t j = i + 1; j < end; ++j)
                if (sameValues(m_counted[i].value, m_counted[j].value))
                    return true;
        return false;
    }
    bool sameValues(int a, int b) {
        const std::size_t n = 64;
        if (a >= static_cast<int>(n) || b >= static_cast<int>(n))
            return m_same(m_professionCells.value(a), m_professionCells.value(b));
        if (m_sameValues.empty())
            m_sameValues.assign(n * n, -1);
        signed char& known = m_sameValues[static_cast<std::size_t>(a) * n + static_cast<std::size_t>(b)];
        if (known < 0)
            known = m_same(m_professionCells.value(a), m_professionCells.value(b)) ? 1 : 0;
        return known == 1;
    }

    //! The rows whose commune, profession and vintage another row has too, found by sorting; those of a
    //! key where two rows name the same thing (most tables have none) go through Duplicates, in row order,
    //! with their key and value in text.
    void seeRepeatedRows() {
        const auto key = [](const CountedRow& a) { return std::tie(a.code, a.profession, a.year); };
        std::sort(m_counted.begin(), m_counted.end(), [&](const CountedRow& a, const CountedRow& b) {
            return std::tie(a.code, a.profession, a.year, a.order) <
                   std::tie(b.code, b.profession, b.year, b.order);
        });
        std::vector<const CountedRow*> repeated;
        for (std::size_t i = 0, j = 0; i < m_counted.size(); i = j) {
            for (j = i + 1; j < m_counted.size() && key(m_counted[j]) == key(m_counted[i]);)
                ++j;
            if (j - i > 1 && anyTwoSame(i, j))
                for (std::size_t k = i; k < j; ++k)
                    repeated.push_back(&m_counted[k]);
        }
        std::sort(repeated.begin(), repeated.end(),
                  [](const CountedRow* a, const CountedRow* b) { return a->order < b->order; });
        const auto& professions = m_c.catalogue.professions();
        for (const CountedRow* r : repeated)
            m_c.duplicates.see(unpackCode(r->code) + " / " +
                                   professions[static_cast<std::size_t>(r->profession)].code +
                                   (m_c.vintageCol >= 0 ? " / " + std::to_string(r->year) : ""),
                               r->line, m_professionCells.value(r->value));
    }

    CountsReading& m_c;
    bool m_allowUnknown;
    ProfessionCells m_professionCells;
    SameProfession m_same;
    std::vector<signed char> m_sameValues; // value x value -> same (1), not (0), not known yet (-1)
    std::map<std::string, std::vector<long>> m_unknown; // other unknown values (allowed)
    std::vector<CountedRow> m_counted;
};

//! Wide layout: the columns that feed a profession (column -> catalogue index); the others reported.
std::vector<std::pair<int, int>> wideCountColumns(const CountsReading& c, const ProfessionalsColumns& columns,
                                                  Warnings& warnings) {
    const TableHead& table = c.table;
    std::vector<std::pair<int, int>> countColumns;
    std::vector<std::string> ignored, outsideCatalogue;
    for (std::size_t col = 0; col < table.header.size(); ++col) {
        const int ci = static_cast<int>(col);
        if (ci == c.codeCol || ci == c.vintageCol)
            continue;
        if (const model::Profession* p = c.catalogue.resolve(table.header[col]))
            countColumns.emplace_back(ci, c.catalogue.indexOf(p->code));
        else if (isBpeProfessionCode(table.header[col].substr(0, 4)))
            outsideCatalogue.push_back(table.header[col]);
        else if (!isDescriptiveColumn(table.header[col]))
            ignored.push_back(table.header[col]);
    }
    if (countColumns.empty()) {
        throw Error(ErrorKind::Format, Location{table.source, table.headerLine, {}, -1},
                    msg("io.import.no_counts_layout",
                        {arg::list("columns", {columns.commune, columns.profession, columns.count}, true),
                         arg::list("found", table.header, true)}));
    }
    const Location header{table.source, table.headerLine, {}, -1};
    if (!outsideCatalogue.empty())
        warnings.push_back(
            makeWarning(ErrorKind::Value, header,
                        msg("io.import.bpe_outside_catalogue_columns",
                            {arg::integer("n", static_cast<long long>(outsideCatalogue.size()))}),
                        outsideCatalogue));
    if (!ignored.empty())
        warnings.push_back(makeWarning(
            ErrorKind::Format, header,
            msg("io.import.columns_ignored", {arg::integer("n", static_cast<long long>(ignored.size()))}),
            ignored));
    return countColumns;
}

//! Wide layout: one row per commune, one column per profession or BPE code (several may feed one).
class WideCounts {
public:
    WideCounts(CountsReading& c, const ProfessionalsColumns& columns, Warnings& warnings)
        : m_c(c), m_countColumns(wideCountColumns(c, columns, warnings)),
          m_perProfession(c.catalogue.professions().size()) {}

    void readRow(const CellRow& r) {
        const std::string code = communeCode(m_c.table, r, m_c.codeCol);
        const int year = m_c.yearOfRow(r);
        m_c.duplicates.see(m_c.vintageCol >= 0 ? code + " / " + std::to_string(year) : code, r.line);
        std::fill(m_perProfession.begin(), m_perProfession.end(), 0.0);
        for (const auto& [col, pi] : m_countColumns) {
            const double v = nonNegative(m_c.table, r, col, m_c.secrets, true);
            m_c.wholeNumbers.see(r, col, v);
            m_perProfession[static_cast<std::size_t>(pi)] += v;
        }
        for (std::size_t pi = 0; pi < m_perProfession.size(); ++pi)
            m_c.sums.add(code, static_cast<int>(pi), year, m_perProfession[pi]);
    }

private:
    CountsReading& m_c;
    std::vector<std::pair<int, int>> m_countColumns;
    std::vector<double> m_perProfession;
};

//! True when the header says the table is INSEE's BPE: a TYPEQU column, or count columns named after
//! BPE codes (D201...).
bool isBpeHeader(const TableHead& table) {
    if (table.column("typequ") >= 0)
        return true;
    for (const auto& h : table.header)
        if (h.size() >= 4 && (h.size() == 4 || h[4] == '_' || h[4] == ' ')) {
            std::string code = h.substr(0, 4);
            code[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(code[0])));
            if (isBpeTypeCode(code))
                return true;
        }
    return false;
}

//! Whether the profession column of a long table holds BPE codes only (blank cells aside), and one at
//! least; each distinct value looked at once.
class BpeColumn {
public:
    BpeColumn(const TableHead& table, const ProfessionalsColumns& columns)
        : m_column(findColumn(table, with(columns.profession, {"profession"}))) {}
    void see(const CellRow& row) {
        if (m_column < 0 || m_other)
            return;
        const std::string& raw = row.cells[static_cast<std::size_t>(m_column)];
        if (m_seen.find(raw))
            return;
        m_seen.insert(raw, 0);
        const std::string v = text::trim(raw);
        if (!v.empty())
            (isBpeTypeCode(v) ? m_any : m_other) = true;
    }
    bool holdsBpeCodes() const { return m_any && !m_other; }

private:
    int m_column;
    text::CodeTable m_seen;
    bool m_any = false, m_other = false;
};

SourceMassScale massScale(bool bpe) {
    if (!bpe)
        return {};
    Message message = msg("io.import.bpe_mass_scale", {arg::number("scale", 0.25)});
    return {0.25, word(message, Language::En), message};
}

//! readProfessionals of the rows of a Table or a TableRows; `bpe`, when given, sees every row read, and
//! `eachRow`, when set, gets every row before it is read.
template <typename Rows>
std::vector<model::CountRecord>
readCounts(const TableHead& head, Rows& rows, const model::ProfessionCatalogue& catalogue, int vintage,
           const ProfessionalsColumns& columns, Warnings& warnings, bool allowUnknownProfessions,
           BpeColumn* bpe, const RowVisitor& eachRow = {}) {
    CountsReading c(head, catalogue, columns, vintage);
    if (c.layout == CountsLayout::Long) {
        LongCounts reader(c, allowUnknownProfessions);
        reader.reserve(expectedRowsOf(rows));
        forEachRow(rows, [&](const CellRow& r) {
            if (eachRow)
                eachRow(r.cells, r.line);
            reader.readRow(r);
            if (bpe)
                bpe->see(r);
        });
        reader.finish(warnings);
        c.secrets.flush(warnings);
        c.wholeNumbers.flush(warnings);
        reader.flushDuplicates(warnings);
    } else {
        WideCounts reader(c, columns, warnings);
        forEachRow(rows, [&](const CellRow& r) {
            if (eachRow)
                eachRow(r.cells, r.line);
            reader.readRow(r);
            if (bpe)
                bpe->see(r);
        });
        c.secrets.flush(warnings);
        c.wholeNumbers.flush(warnings);
        c.duplicates.flush(head, c.codeCol, Duplicates::Key::Commune, warnings);
    }
    return c.sums.records(head, c.codeCol, c.vintageCol >= 0, catalogue.professions(), warnings);
}

} // namespace

std::vector<model::CountRecord> readProfessionals(const Table& table,
                                                  const model::ProfessionCatalogue& catalogue, int vintage,
                                                  const ProfessionalsColumns& columns, Warnings& warnings,
                                                  bool allowUnknownProfessions) {
    return readCounts(table, table, catalogue, vintage, columns, warnings, allowUnknownProfessions, nullptr);
}

std::vector<model::CountRecord> readProfessionals(TableRows& rows,
                                                  const model::ProfessionCatalogue& catalogue, int vintage,
                                                  const ProfessionalsColumns& columns, SourceMassScale& scale,
                                                  Warnings& warnings, bool allowUnknownProfessions,
                                                  const RowVisitor& eachRow) {
    BpeColumn bpe(rows.head(), columns);
    auto counts = readCounts(rows.head(), rows, catalogue, vintage, columns, warnings,
                             allowUnknownProfessions, &bpe, eachRow);
    scale = massScale(isBpeHeader(rows.head()) || bpe.holdsBpeCodes());
    return counts;
}

ZoneCounts readZoneProfessionals(const Table& table, const model::ProfessionCatalogue& catalogue, int vintage,
                                 const ProfessionalsColumns& columns, const std::string& zoneColumn,
                                 Warnings& warnings) {
    const int zoneCol = requireColumn(table, with(zoneColumn.empty() ? "dciris" : zoneColumn,
                                                  {"dciris", "iris", "code_iris", "zone", "code_zone"}));
    const int codeCol = requireColumn(table, communeColumnNames(columns.commune));
    const int professionCol =
        requireColumn(table, with(columns.profession, {"profession", "typequ", "code_profession"}));
    const int countCol =
        requireColumn(table, with(columns.count, {"count", "nb_equip", "nombre", "effectif"}));
    SecretCells secrets(table);
    ProfessionCells professionCells(table, professionCol, catalogue);
    std::map<std::string, std::string> parentOf; // zone -> commune
    std::map<std::tuple<std::string, int>, double> sums;
    forEachRow(table, [&](const CellRow& r) {
        const std::string commune = codes::foldArrondissement(communeCode(table, r, codeCol));
        const std::string zone = text::trim(r.cells[static_cast<std::size_t>(zoneCol)]);
        if (zone.empty())
            throw Error(ErrorKind::Value, table.locate(r.line, zoneCol),
                        msg("io.import.zone_code_expected_empty"));
        const auto parent = parentOf.emplace(zone, commune);
        if (parent.first->second != commune)
            throw Error(ErrorKind::Value, table.locate(r.line, codeCol),
                        msg("io.import.zone_in_two_communes",
                            {arg::code("zone", zone), arg::text("commune", parent.first->second),
                             arg::text("found", commune)}));
        const int profession = professionCells.at(r);
        if (profession == -1)
            return; // a BPE facility code, reported below
        if (profession < 0)
            throw professionCells.unknown(r);
        const double count = nonNegative(table, r, countCol, secrets, false);
        if (count > 0)
            sums[{zone, profession}] += count;
    });
    secrets.flush(warnings);
    professionCells.flush(warnings);
    ZoneCounts out;
    const auto& professions = catalogue.professions();
    for (const auto& [zone, commune] : parentOf) {
        if (zone == commune)
            continue; // commune not split into zones
        model::Zone z;
        z.code = zone;
        z.name = zone;
        z.commune = commune;
        out.zones.push_back(std::move(z));
    }
    for (const auto& [key, count] : sums) {
        const auto& [zone, profession] = key;
        if (parentOf[zone] == zone)
            continue;
        out.counts.push_back({zone, professions[static_cast<std::size_t>(profession)].code, vintage, count});
    }
    return out;
}

JoinReport checkCountsJoin(const std::vector<model::CountRecord>& counts,
                           const std::vector<model::Commune>& communes, const std::string& countsName,
                           const std::string& communesName) {
    JoinReport report;
    report.left = countsName;
    report.right = communesName;
    // Sorted codes rather than hash sets: no node per commune (the communes themselves when they come
    // sorted, as INSEE's do); counts come sorted by place, so each place is looked up once and counted
    // without being kept.
    for (const auto& c : communes)
        report.totalPopulation += c.population;
    const auto byCode = [](const model::Commune& a, const model::Commune& b) { return a.code < b.code; };
    const bool communesSorted = std::is_sorted(communes.begin(), communes.end(), byCode);
    std::vector<std::string_view> known;
    if (!communesSorted) {
        known.reserve(communes.size());
        for (const auto& c : communes)
            known.push_back(c.code);
        std::sort(known.begin(), known.end());
    }
    const auto isKnown = [&](std::string_view code) {
        if (!communesSorted)
            return std::binary_search(known.begin(), known.end(), code);
        const auto it =
            std::lower_bound(communes.begin(), communes.end(), code,
                             [](const model::Commune& c, std::string_view v) { return c.code < v; });
        return it != communes.end() && it->code == code;
    };
    const bool countsSorted = std::is_sorted(
        counts.begin(), counts.end(),
        [](const model::CountRecord& a, const model::CountRecord& b) { return a.place < b.place; });
    std::vector<std::string_view> places, unmatched; // places: kept only when the counts are not sorted
    std::size_t distinctPlaces = 0;
    const std::string* last = nullptr;
    bool matched = false;
    for (const auto& rec : counts) {
        if (!last || *last != rec.place) {
            last = &rec.place;
            ++distinctPlaces;
            if (!countsSorted)
                places.push_back(rec.place);
            matched = isKnown(rec.place);
            if (!matched)
                unmatched.push_back(rec.place);
        }
        report.totalProfessionals += rec.count;
        if (!matched)
            report.unmatchedProfessionals += rec.count;
    }
    for (auto* codes : {&places, &unmatched}) {
        if (!std::is_sorted(codes->begin(), codes->end()))
            std::sort(codes->begin(), codes->end());
        codes->erase(std::unique(codes->begin(), codes->end()), codes->end());
    }
    if (!countsSorted)
        distinctPlaces = places.size();
    report.unmatched.assign(unmatched.begin(), unmatched.end());
    report.codes = distinctPlaces;
    return report;
}

bool isBpeTable(const Table& table, const ProfessionalsColumns& columns) {
    if (isBpeHeader(table))
        return true;
    BpeColumn values(table, columns);
    forEachRow(table, [&](const CellRow& r) { values.see(r); });
    return values.holdsBpeCodes();
}

SourceMassScale massScaleForSource(const Table& table, const ProfessionalsColumns& columns) {
    return massScale(isBpeTable(table, columns));
}

} // namespace maillage::io
