#include "core/io/travel_times.h"

#include "core/model/csv.h"
#include "core/model/text.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace maillage::io {

namespace {

//! Lines of rows left out, per reason.
struct TimeProblems {
    std::vector<long> empty, negative, tooLong, notNumber, repeated;
};

struct TimeColumns {
    int origin = -1, destination = -1, time = -1;
    bool seconds = false;
};

TimeColumns detectColumns(const Table& table, const TravelTimeColumns& given) {
    TimeColumns c;
    c.origin =
        findColumn(table, given.origin,
                   {"origin", "origine", "codgeo_orig", "codgeo_o", "from", "src", "idsrc", "depart", "o"});
    c.destination =
        findColumn(table, given.destination,
                   {"destination", "codgeo_dest", "codgeo_d", "to", "dst", "iddst", "arrivee", "d"});
    if (given.seconds.empty())
        c.time = findColumn(table, given.minutes,
                            {"duree_min", "minutes", "temps_min", "time_min", "duration_min", "min", "duree",
                             "temps", "time"});
    if (c.time < 0) {
        c.time =
            findColumn(table, given.seconds,
                       {"duree_s", "duree_sec", "seconds", "secondes", "duration_s", "duration", "sec", "s"});
        c.seconds = c.time >= 0;
    }
    if (c.origin < 0)
        table.requireColumn("origin");
    if (c.destination < 0)
        table.requireColumn("destination");
    if (c.time < 0)
        table.requireColumn("minutes");
    return c;
}

void warnLines(Warnings& warnings, const std::string& source, const std::string& column,
               const std::vector<long>& lines, const char* id, ErrorKind kind = ErrorKind::Value) {
    if (lines.empty())
        return;
    std::vector<std::string> details;
    for (long l : lines)
        details.push_back(std::to_string(l));
    warnings.push_back(makeWarning(
        kind, Location{source, 0, column},
        msg(id, {arg::integer("n", static_cast<long long>(lines.size())), arg::integer("max", 24)}),
        details));
}

//! How routers and spreadsheets write "no route": empty, null, NaN, NA, "-", infinity.
bool isNoRoute(const std::string& cell) {
    const std::string key = text::matchKey(cell);
    return key.empty() || key == "null" || key == "nan" || key == "none" || key == "inf" ||
           key == "infinity" || text::isSecretMarker(cell);
}

//! The minutes of a cell, or the problem's list it goes to.
bool readMinutes(const std::string& cell, bool seconds, long line, TimeProblems& p, double& minutes) {
    if (isNoRoute(cell)) {
        p.empty.push_back(line);
        return false;
    }
    const auto value = text::parseNumber(cell);
    if (!value) {
        p.notNumber.push_back(line);
        return false;
    }
    minutes = seconds ? *value / 60 : *value;
    if (minutes < 0) {
        p.negative.push_back(line);
        return false;
    }
    if (minutes > kMaxTravelMinutes) {
        p.tooLong.push_back(line);
        return false;
    }
    return true;
}

} // namespace

namespace {

//! Rows of one matrix, added table by table (a large file is read by blocks of lines).
class MatrixReader {
public:
    explicit MatrixReader(const TravelTimeColumns& columns) : m_columns(columns) {}

    void add(const Table& table) {
        if (!m_started) {
            m_c = detectColumns(table, m_columns);
            m_out.fromSeconds = m_c.seconds;
            m_started = true;
            m_source = table.source;
            m_timeColumn = table.header[static_cast<std::size_t>(m_c.time)];
            m_originColumn = table.header[static_cast<std::size_t>(m_c.origin)];
        }
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            std::string origin = communeCodeCell(table, r, m_c.origin);
            std::string destination = communeCodeCell(table, r, m_c.destination);
            double minutes = 0;
            if (!readMinutes(table.cell(r, m_c.time), m_c.seconds, table.lines[r], m_problems, minutes))
                continue;
            if (!m_seen.insert(m_interner.pair(origin, destination)).second) {
                m_problems.repeated.push_back(table.lines[r]);
                continue;
            }
            m_out.times.push_back({std::move(origin), std::move(destination), minutes});
        }
    }

    //! Room for about `rows` more times (a national matrix: no reallocation of 10 million records).
    void reserve(std::size_t rows) { m_out.times.reserve(m_out.times.size() + rows); }

    TravelTimesRead finish() {
        warnLines(m_out.warnings, m_source, m_timeColumn, m_problems.empty, "inputs.times_empty");
        warnLines(m_out.warnings, m_source, m_timeColumn, m_problems.notNumber, "inputs.times_not_number");
        warnLines(m_out.warnings, m_source, m_timeColumn, m_problems.negative, "inputs.times_negative");
        warnLines(m_out.warnings, m_source, m_timeColumn, m_problems.tooLong, "inputs.times_too_long");
        warnLines(m_out.warnings, m_source, m_originColumn, m_problems.repeated, "inputs.times_repeated",
                  ErrorKind::Duplicate);
        return std::move(m_out);
    }

private:
    TravelTimeColumns m_columns;
    TimeColumns m_c;
    bool m_started = false;
    std::string m_source, m_timeColumn, m_originColumn;
    TravelTimesRead m_out;
    TimeProblems m_problems;
    CodePairKeys m_interner;
    std::unordered_set<std::uint64_t> m_seen;
};

//! Lines of a block of text, up to the last complete line; `rest` keeps the incomplete end.
std::string completeLines(std::string& block, std::string& rest) {
    const auto end = block.find_last_of('\n');
    if (end == std::string::npos) {
        rest = std::move(block);
        return {};
    }
    rest = block.substr(end + 1);
    block.resize(end + 1);
    return std::move(block);
}

bool blank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n,;|") == std::string::npos;
}

//! The text of 1-based line `line` of `text` (the header, repeated above each block).
std::string lineOf(const std::string& text, long line) {
    std::size_t begin = 0;
    for (long l = 1; l < line && begin != std::string::npos; ++l) {
        begin = text.find('\n', begin);
        if (begin != std::string::npos)
            ++begin;
    }
    if (begin == std::string::npos)
        return {};
    return text.substr(begin, text.find('\n', begin) - begin);
}

//! A block of lines under the header, its lines numbered as in the file (line 2 of the block's text is
//! line `firstLine` of the file), errors included.
Table parseBlock(const std::string& header, const std::string& text, const std::string& path,
                 const TableReadOptions& options, long firstLine) {
    try {
        Table t = parseCsvText(header + "\n" + text, path, options);
        for (long& l : t.lines)
            l += firstLine - 2;
        return t;
    } catch (const Error& e) {
        Location where = e.where();
        if (where.line > 1)
            where.line += firstLine - 2;
        throw Error(e.kind(), where, e.message());
    }
}

} // namespace

TravelTimesRead readTravelTimes(const Table& table, const TravelTimeColumns& columns) {
    MatrixReader reader(columns);
    reader.add(table);
    return reader.finish();
}

TravelTimesRead readTravelTimesFile(const std::string& path, const TableReadOptions& options,
                                    const TravelTimeColumns& columns, Warnings* warnings,
                                    std::size_t blockBytes) {
    std::error_code ec;
    const std::string ext = text::matchKey(std::filesystem::path(path).extension().string());
    if (!std::filesystem::is_regular_file(path, ec) || ext == "xlsx" || ext == "ods" || ext == "xls")
        return readTravelTimes(readTable(path, options, warnings), columns); // its errors name the file
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return readTravelTimes(readTable(path, options, warnings), columns);
    const std::size_t kBlock = std::max<std::size_t>(blockBytes, 16);
    MatrixReader reader(columns);
    std::string block(kBlock, '\0'), rest, header;
    TableReadOptions blockOptions = options;
    long nextLine = 1; // file line of the first line of the next block
    while (in) {
        block.resize(kBlock);
        in.read(block.data(), static_cast<std::streamsize>(kBlock));
        block.resize(static_cast<std::size_t>(in.gcount()));
        block.insert(0, rest);
        std::string text = in ? completeLines(block, rest) : std::move(block);
        if (!in)
            rest.clear();
        const long lines = static_cast<long>(text::countLines(text));
        if (header.empty() && in && lines < 8) { // the first block must hold the header and some rows
            rest = text + rest;
            continue;
        }
        if (header.empty()) { // the first block: header, separator and encoding detected as readTable does
            const Table first = parseCsvText(text, path, options, warnings);
            header = lineOf(text, first.headerLine);
            blockOptions.separator = first.separator;
            blockOptions.encoding =
                first.encoding == "UTF-8" || first.encoding == "CP1252" ? first.encoding : "";
            blockOptions.headerLine = 1;
            const auto fileBytes = std::filesystem::file_size(path, ec);
            if (!ec && !first.rows.empty() && !text.empty())
                reader.reserve(static_cast<std::size_t>(static_cast<double>(fileBytes) / text.size() *
                                                        static_cast<double>(first.rows.size()) * 1.02));
            reader.add(first);
        } else if (!blank(text)) {
            reader.add(parseBlock(header, text, path, blockOptions, nextLine));
        }
        nextLine += lines;
    }
    return reader.finish();
}

TravelTimesJoin joinTravelTimes(TravelTimesRead& read, const std::vector<model::Commune>& communes,
                                const std::string& file) {
    TravelTimesJoin out;
    std::unordered_map<std::string, bool> known; // code -> appears in the matrix
    known.reserve(communes.size());
    for (const auto& c : communes)
        known.emplace(c.code, false);
    std::set<std::string> unknown;
    std::vector<model::TravelTime> kept;
    kept.reserve(read.times.size());
    for (auto& t : read.times) {
        const auto o = known.find(t.origin), d = known.find(t.destination);
        if (o == known.end())
            unknown.insert(t.origin);
        if (d == known.end())
            unknown.insert(t.destination);
        if (o == known.end() || d == known.end()) {
            ++out.unmatchedPairs;
            continue;
        }
        o->second = d->second = true;
        if (t.origin != t.destination)
            ++out.pairsCovered;
        kept.push_back(std::move(t));
    }
    read.times = std::move(kept);
    const auto n = static_cast<long long>(known.size());
    out.pairsExpected = n * (n - 1);
    out.communesCovered = static_cast<std::size_t>(
        std::count_if(known.begin(), known.end(), [](const auto& entry) { return entry.second; }));
    out.join.left = "travel times (" + file + ")";
    out.join.right = "communes";
    out.join.unmatched = unknownCodesOfTheTerritory(unknown, communes, file, read.warnings);
    if (!out.join.unmatched.empty())
        read.warnings.push_back(
            makeWarning(ErrorKind::Join, Location{file},
                        msg("inputs.times_unknown_codes",
                            {arg::integer("n", static_cast<long long>(out.join.unmatched.size())),
                             arg::integer("pairs", static_cast<long long>(out.unmatchedPairs))}),
                        out.join.unmatched));
    if (out.pairsCovered < out.pairsExpected)
        read.warnings.push_back(
            makeWarning(ErrorKind::Join, Location{file},
                        msg("inputs.times_incomplete",
                            {arg::integer("missing", out.pairsExpected - out.pairsCovered),
                             arg::integer("expected", out.pairsExpected),
                             arg::percent("share", static_cast<double>(out.pairsExpected - out.pairsCovered) /
                                                       static_cast<double>(out.pairsExpected)),
                             arg::integer("communes", n - static_cast<long long>(out.communesCovered))})));
    return out;
}

} // namespace maillage::io
