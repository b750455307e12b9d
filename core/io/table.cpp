#include "core/io/table.h"

#include "core/io/table_detail.h"
#include "core/model/csv.h"
#include "core/model/prefault.h"
#include "core/model/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>

namespace maillage::io {

namespace detail {

//! "sheet" = 1 for a spreadsheet (English says "row"), 0 for text (English says "line"); French says
//! "ligne" for both. Templates pick the word with {sheet?row|line}.
MessageArg sheetFlag(const char* lineWord) {
    return arg::integer("sheet", std::string_view(lineWord) == "row" ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Encodings

std::string upperAscii(std::string s) {
    for (auto& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

void warn(Warnings& warnings, const std::string& source, long line, Message message,
          std::vector<Message> details) {
    warnings.push_back(makeDetailedWarning(ErrorKind::Format, Location{source, line, {}, -1},
                                           std::move(message), std::move(details)));
}

//! The first `shown` line numbers, for a list argument.
std::vector<std::string> firstLines(const std::vector<long>& lines, std::size_t shown = 5) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < lines.size() && i < shown; ++i)
        out.push_back(std::to_string(lines[i]));
    return out;
}

//! "mixed encodings: 7 lines are not valid UTF-8 ... (lines 4, 9, 12, 15, 20 and 2 more) ...".
Message mixedEncodings(const std::vector<long>& lines) {
    const auto n = static_cast<long long>(lines.size());
    if (n <= 5)
        return msg("io.table.mixed_encodings", {arg::integer("n", n), arg::list("lines", firstLines(lines))});
    return msg("io.table.mixed_encodings_more",
               {arg::integer("n", n), arg::list("lines", firstLines(lines)), arg::integer("more", n - 5)});
}

//! No encoding given and not valid UTF-8: line by line (text.h says why), with a warning.
std::string decodeGuessed(std::string_view v, const std::string& source, std::string& encodingUsed,
                          Warnings& warnings) {
    text::LineDecoding d = text::decodeUtf8OrWindows1252(v);
    if (d.utf8AccentedLines == 0) {
        encodingUsed = "CP1252";
        warn(warnings, source, 0, msg("io.table.decoded_cp1252"));
        return std::move(d.utf8);
    }
    encodingUsed = "UTF-8+CP1252";
    const std::size_t n = d.cp1252Lines.size();
    std::vector<Message> details; // every line, when the message names only the first few
    for (std::size_t i = 0; n > 5 && i < n && i < 1000; ++i)
        details.push_back(msg("detail.line", {digits("line", d.cp1252Lines[i])}));
    warn(warnings, source, d.cp1252Lines.front(), mixedEncodings(d.cp1252Lines), std::move(details));
    return std::move(d.utf8);
}

//! Valid UTF-8 is handed back in `bytes` itself, without its BOM: no second copy of a large file.
std::string decodeUtf8(std::string& bytes, const std::string& source, bool requested,
                       std::string& encodingUsed, Warnings& warnings) {
    const std::string_view v = text::stripBom(bytes);
    const std::size_t bad = text::firstInvalidUtf8(v);
    if (bad == std::string_view::npos) {
        encodingUsed = "UTF-8";
        bytes.erase(0, bytes.size() - v.size());
        return std::move(bytes);
    }
    if (!requested)
        return decodeGuessed(v, source, encodingUsed, warnings);
    static const char digits[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(v[bad]);
    const std::string hex = std::string("0x") + digits[byte >> 4] + digits[byte & 0xF];
    throw Error(ErrorKind::Format, Location{source, text::lineOfOffset(v, bad), {}, -1},
                msg("io.table.not_utf8", {arg::text("byte", hex)}));
}

//! UTF-16 with a BOM, or without one when `requested` says so or the NUL pattern shows it (warned).
std::optional<std::string> decodeUtf16(std::string_view v, const std::string& source,
                                       const std::string& requested, std::string& encodingUsed,
                                       Warnings& warnings) {
    if (v.size() >= 2 && ((v[0] == '\xFF' && v[1] == '\xFE') || (v[0] == '\xFE' && v[1] == '\xFF'))) {
        encodingUsed = "UTF-16";
        return text::utf16ToUtf8(v.substr(2), v[0] == '\xFE');
    }
    std::optional<bool> bigEndian;
    if (requested == "UTF-16LE" || requested == "UTF-16")
        bigEndian = false;
    else if (requested == "UTF-16BE")
        bigEndian = true;
    else if (requested.empty() && (bigEndian = text::detectUtf16WithoutBom(v)))
        warn(warnings, source, 0,
             msg("io.table.decoded_utf16", {arg::text("order", *bigEndian ? "BE" : "LE")}));
    if (!bigEndian)
        return std::nullopt;
    encodingUsed = "UTF-16";
    return text::utf16ToUtf8(v, *bigEndian);
}

//! Decodes `bytes` to UTF-8 text; `encodingUsed` receives "UTF-8", "CP1252", "UTF-8+CP1252", "LATIN1" or
//! "UTF-16".
std::string decodeBytes(std::string& bytes, const std::string& source, const std::string& requested,
                        std::string& encodingUsed, Warnings& warnings) {
    const std::string_view v(bytes);
    const std::string enc = upperAscii(text::trim(requested));
    if (auto utf16 = decodeUtf16(v, source, enc, encodingUsed, warnings))
        return std::move(*utf16);
    if (enc.empty() || enc == "UTF-8" || enc == "UTF8")
        return decodeUtf8(bytes, source, !enc.empty(), encodingUsed, warnings);
    if (enc == "CP1252" || enc == "WINDOWS-1252" || enc == "WIN1252") {
        encodingUsed = "CP1252";
        return text::windows1252ToUtf8(v);
    }
    if (enc == "LATIN1" || enc == "LATIN-1" || enc == "ISO-8859-1" || enc == "ISO8859-1" ||
        enc == "ISO-8859-15" || enc == "LATIN9") {
        encodingUsed = "LATIN1";
        return text::iso88591ToUtf8(v);
    }
    throw Error(ErrorKind::Parameter, Location{source, 0, {}, -1},
                msg("io.table.unknown_encoding", {arg::code("encoding", requested)}));
}

//! Text holds no NUL once decoded: a NUL byte means a binary file (or UTF-16 read as something else),
//! and would cut every message that quotes a cell.
void refuseNul(const std::string& decoded, const std::string& source) {
    const auto nul = decoded.find('\0');
    if (nul == std::string::npos)
        return;
    const long line = text::lineOfOffset(decoded, nul);
    throw Error(ErrorKind::Format, Location{source, line, {}, -1},
                msg("io.table.nul_byte", {arg::integer("line", line)}));
}

// ---------------------------------------------------------------------------------------------
// CSV tokenising

//! Separator counts per record (outside quotes) over the first records; picks the separator whose
//! non-zero count is the most consistent (then the largest, then ';' before ',' before tab before '|').
char detectSeparator(std::string_view s) {
    static const char candidates[4] = {';', ',', '\t', '|'};
    std::vector<std::array<int, 4>> perRecord;
    std::array<int, 4> counts{};
    bool inQuote = false, blank = true;
    const std::size_t limit = std::min<std::size_t>(s.size(), 256 * 1024);
    for (std::size_t i = 0; i < limit && perRecord.size() < kSampleRecords; ++i) {
        const char c = s[i];
        if (c == '"') {
            inQuote = !inQuote;
            blank = false;
        } else if (!inQuote && (c == '\n' || c == '\r')) {
            if (!blank)
                perRecord.push_back(counts);
            counts = {};
            blank = true;
        } else if (!inQuote) {
            for (int k = 0; k < 4; ++k)
                if (c == candidates[k])
                    ++counts[k];
            if (c != ' ')
                blank = false;
        }
    }
    if (!blank && perRecord.size() < kSampleRecords)
        perRecord.push_back(counts);

    char best = ',';
    std::size_t bestFreq = 0;
    int bestMode = 0;
    for (int k = 0; k < 4; ++k) {
        std::vector<int> values;
        for (const auto& r : perRecord)
            if (r[k] > 0)
                values.push_back(r[k]);
        if (values.empty())
            continue;
        std::sort(values.begin(), values.end());
        std::size_t freq = 0;
        int mode = 0;
        for (std::size_t i = 0; i < values.size();) {
            std::size_t j = i;
            while (j < values.size() && values[j] == values[i])
                ++j;
            if (j - i > freq || (j - i == freq && values[i] > mode)) {
                freq = j - i;
                mode = values[i];
            }
            i = j;
        }
        if (freq > bestFreq || (freq == bestFreq && mode > bestMode)) {
            best = candidates[k];
            bestFreq = freq;
            bestMode = mode;
        }
    }
    return best;
}

// ---------------------------------------------------------------------------------------------
// From records to a table

bool isBlankCell(const std::string& cell) {
    for (char c : cell)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return false;
    return true;
}

//! Number of fields up to the last non-blank one ("Titre;;;;" counts 1).
std::size_t effectiveWidth(const Record& r) {
    std::size_t n = r.fields.size();
    while (n > 0 && isBlankCell(r.fields[n - 1]))
        --n;
    return n;
}

std::vector<std::string> columnKeys(const std::vector<std::string>& names) {
    std::vector<std::string> keys;
    for (const auto& n : names)
        keys.push_back(columnKey(n));
    return keys;
}

//! How many distinct columns of `expectedKeys` (columnKey'd) a record holds.
std::size_t expectedColumnsIn(const Record& record, const std::vector<std::string>& expectedKeys) {
    std::vector<std::string> found;
    for (const auto& f : record.fields) {
        const std::string key = columnKey(f);
        if (std::find(expectedKeys.begin(), expectedKeys.end(), key) != expectedKeys.end() &&
            std::find(found.begin(), found.end(), key) == found.end())
            found.push_back(key);
    }
    return found.size();
}

//! The first record (among the first kSampleRecords non-blank ones) holding one of `expectedColumns`.
std::size_t headerByExpectedColumns(const std::vector<Record>& records,
                                    const std::vector<std::string>& names) {
    const std::vector<std::string> expected = columnKeys(names);
    std::size_t seen = 0;
    for (std::size_t i = 0; i < records.size() && seen < kSampleRecords && !expected.empty(); ++i) {
        if (effectiveWidth(records[i]) == 0)
            continue;
        ++seen;
        if (expectedColumnsIn(records[i], expected) > 0)
            return i;
    }
    return kNone;
}

//! The header is the first line at least as wide as most lines: title lines above it are narrower.
//! Lines of one field do not vote when wider ones exist (a long title block).
std::size_t headerByWidth(const std::vector<Record>& records) {
    std::map<std::size_t, std::size_t> frequency; // width -> lines
    std::size_t seen = 0;
    for (std::size_t i = 0; i < records.size() && seen < kSampleRecords; ++i) {
        const std::size_t w = effectiveWidth(records[i]);
        if (w == 0)
            continue;
        ++seen;
        ++frequency[w];
    }
    if (frequency.size() > 1)
        frequency.erase(1);
    std::size_t typical = 0, best = 0;
    for (const auto& [w, n] : frequency) {
        if (n > best) { // ties: the narrower, so that a wider row after the header is an error
            best = n;
            typical = w;
        }
    }
    for (std::size_t i = 0; i < records.size() && typical > 0; ++i)
        if (effectiveWidth(records[i]) >= typical)
            return i;
    return kNone;
}

std::size_t findHeader(const std::vector<Record>& records, const std::string& source,
                       const TableReadOptions& options, const char* lineWord) {
    if (options.headerLine <= 0) {
        const std::size_t byName = headerByExpectedColumns(records, options.expectedColumns);
        return byName != kNone ? byName : headerByWidth(records);
    }
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].line >= options.headerLine) {
            if (effectiveWidth(records[i]) == 0)
                break;
            return i;
        }
    throw Error(ErrorKind::Format, Location{source, options.headerLine, {}, -1},
                msg("io.table.no_header_there", {sheetFlag(lineWord)}));
}

[[noreturn]] void throwOpenQuote(const std::string& source, const OpenQuote& open, const char* lineWord,
                                 std::string column = {}) {
    throw Error(ErrorKind::Format, Location{source, open.line, std::move(column), -1},
                msg("io.table.unterminated_quote", {sheetFlag(lineWord), arg::integer("line", open.line)}));
}

//! Header names, trimmed; a blank name becomes "column_N". Two names with one columnKey are refused:
//! Table::column would silently pick the first.
std::vector<std::string> headerNames(const Record& record, const std::string& source) {
    const std::size_t width = effectiveWidth(record);
    std::vector<std::string> header;
    std::map<std::string, std::size_t> firstOf; // columnKey -> 0-based position
    for (std::size_t i = 0; i < width; ++i) {
        std::string name = text::trim(record.fields[i]);
        if (name.empty())
            name = "column_" + std::to_string(i + 1);
        const std::string key = columnKey(name);
        const auto [it, inserted] = firstOf.emplace(key, i);
        if (!inserted && !key.empty())
            throw Error(ErrorKind::Format, Location{source, record.line, name, -1},
                        msg("io.table.duplicate_column",
                            {arg::code("first", header[it->second]),
                             arg::integer("first_position", static_cast<long long>(it->second + 1)),
                             arg::code("second", name),
                             arg::integer("second_position", static_cast<long long>(i + 1))}));
        header.push_back(std::move(name));
    }
    return header;
}

void warnTitleLines(const std::vector<Record>& records, std::size_t headerIndex, const TableHead& table,
                    const char* lineWord, Warnings& warnings) {
    long firstSkipped = 0, lastSkipped = 0;
    for (std::size_t i = 0; i < headerIndex; ++i) {
        if (effectiveWidth(records[i]) == 0)
            continue;
        if (firstSkipped == 0)
            firstSkipped = records[i].line;
        lastSkipped = records[i].line;
    }
    if (firstSkipped == 0)
        return;
    const MessageArg header = arg::integer("header", table.headerLine);
    warn(warnings, table.source, firstSkipped,
         firstSkipped == lastSkipped
             ? msg("io.table.title_line_skipped",
                   {sheetFlag(lineWord), arg::integer("first", firstSkipped), header})
             : msg("io.table.title_lines_skipped", {sheetFlag(lineWord), arg::integer("first", firstSkipped),
                                                    arg::integer("last", lastSkipped), header}));
}

//! "expected at most 3 fields as in the header (line 1), found 4; check the separator (';') and the quotes".
Message tooManyFields(std::size_t width, std::size_t found, long headerLine, const char* lineWord,
                      char separator) {
    std::vector<MessageArg> args = {arg::integer("width", static_cast<long long>(width)),
                                    arg::integer("found", static_cast<long long>(found)), sheetFlag(lineWord),
                                    arg::integer("header", headerLine)};
    if (separator == '\t')
        return msg("io.table.too_many_fields_tab", std::move(args));
    if (separator == 0)
        return msg("io.table.too_many_fields", std::move(args));
    args.push_back(arg::code("separator", std::string(1, separator)));
    return msg("io.table.too_many_fields_csv", std::move(args));
}

//! False for a blank record (or one of separators only); else the record padded to `head`'s width, or
//! Error(Format) when it is wider.
bool acceptRow(Record& r, const TableHead& head, const char* lineWord, char separator) {
    const std::size_t width = head.header.size();
    const std::size_t w = effectiveWidth(r);
    if (w == 0)
        return false;
    if (w > width)
        throw Error(ErrorKind::Format, Location{head.source, r.line, {}, -1},
                    tooManyFields(width, w, head.headerLine, lineWord, separator));
    r.fields.resize(width);
    return true;
}

[[noreturn]] void throwNoDataRow(const TableHead& head, const char* lineWord) {
    throw Error(ErrorKind::Format, Location{head.source, head.headerLine, {}, -1},
                msg("io.table.no_data_row", {sheetFlag(lineWord), arg::integer("header", head.headerLine)}));
}

//! The rows below the header, padded to its width; blank rows skipped; wider rows refused.
void collectRows(std::vector<Record>& records, std::size_t headerIndex, const char* lineWord, char separator,
                 Table& table) {
    const std::size_t n = records.size() - headerIndex - 1;
    table.rows.reserve(n);
    table.lines.reserve(n);
    for (std::size_t i = headerIndex + 1; i < records.size(); ++i) {
        Record& r = records[i];
        if (!acceptRow(r, table, lineWord, separator))
            continue;
        table.rows.push_back(std::move(r.fields));
        table.lines.push_back(r.line);
    }
    if (table.rows.empty())
        throwNoDataRow(table, lineWord);
}

//! The header of `records`, its title lines warned about, and a quote left open in `records` refused;
//! the index of the header record.
std::size_t readHead(const std::vector<Record>& records, const TableReadOptions& options,
                     const std::optional<OpenQuote>& openQuote, const char* lineWord, TableHead& head,
                     Warnings& warnings) {
    const std::size_t headerIndex = findHeader(records, head.source, options, lineWord);
    if (headerIndex == kNone) {
        if (openQuote)
            throwOpenQuote(head.source, *openQuote, lineWord);
        throw Error(ErrorKind::Format, Location{head.source, 0, {}, -1}, msg("io.table.empty"));
    }
    const Record& headerRecord = records[headerIndex];
    head.headerLine = headerRecord.line;
    head.header = headerNames(headerRecord, head.source);
    warnTitleLines(records, headerIndex, head, lineWord, warnings);
    if (openQuote) {
        const bool inHeader = &records.back() == &headerRecord;
        throwOpenQuote(head.source, *openQuote, lineWord,
                       !inHeader && openQuote->field < head.header.size() ? head.header[openQuote->field]
                                                                          : std::string());
    }
    return headerIndex;
}

Table buildTable(std::vector<Record>& records, const std::string& source, const TableReadOptions& options,
                 const std::optional<OpenQuote>& openQuote, const char* lineWord, char separator,
                 Warnings& warnings) {
    Table table;
    table.source = source;
    const std::size_t headerIndex = readHead(records, options, openQuote, lineWord, table, warnings);
    collectRows(records, headerIndex, lineWord, separator, table);
    return table;
}

bool hasSpreadsheetExtension(const std::string& path) {
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos)
        return false;
    std::string ext = path.substr(dot + 1);
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == "xlsx" || ext == "xlsm" || ext == "ods" || ext == "xls";
}

} // namespace detail

using namespace detail;

// ---------------------------------------------------------------------------------------------

std::string columnKey(const std::string& name) {
    return text::matchKey(name);
}

int TableHead::column(const std::string& name) const {
    const std::string key = columnKey(name);
    for (std::size_t i = 0; i < header.size(); ++i)
        if (columnKey(header[i]) == key)
            return static_cast<int>(i);
    return -1;
}

int TableHead::requireColumn(const std::string& name) const {
    const int c = column(name);
    if (c >= 0)
        return c;
    throw Error(ErrorKind::Format, Location{source, headerLine, name, -1},
                header.empty() ? msg("io.table.missing_column_none", {arg::code("name", name)})
                               : msg("io.table.missing_column",
                                     {arg::code("name", name), arg::list("found", header, true)}));
}

Location TableHead::locate(long line, int column) const {
    Location where;
    where.file = source;
    where.line = line;
    if (column >= 0 && static_cast<std::size_t>(column) < header.size())
        where.column = header[column];
    return where;
}

Location Table::at(std::size_t row, int column) const {
    return locate(row < lines.size() ? lines[row] : 0, column);
}

const std::string& Table::cell(std::size_t row, int column) const {
    static const std::string empty;
    if (column < 0 || row >= rows.size() || static_cast<std::size_t>(column) >= rows[row].size())
        return empty;
    return rows[row][column];
}

// ---------------------------------------------------------------------------------------------
// Row by row

struct TableRows::State {
    TableHead head;
    std::optional<Table> sheet; //!< a spreadsheet, read whole
    std::size_t sheetRow = 0;
    std::string text; //!< decoded text (CSV), which `tokenizer` reads
    std::optional<text::CsvTokenizer> tokenizer;
    std::vector<Record> sample; //!< records read to find the header; those below it are handed out first
    std::size_t nextSample = 0;
    Record current;
    bool anyRow = false;
};

TableRows::TableRows() : m_state(std::make_unique<State>()) {}
TableRows::TableRows(TableRows&&) noexcept = default;
TableRows& TableRows::operator=(TableRows&&) noexcept = default;
TableRows::~TableRows() = default;

namespace {

//! The records needed to find the header (findHeader): up to the kSampleRecords-th non-blank one, or up
//! to the header line when it is given.
std::vector<Record> sampleRecords(text::CsvTokenizer& tokenizer, const TableReadOptions& options) {
    std::vector<Record> sample;
    std::size_t nonBlank = 0;
    for (Record r; options.headerLine > 0 ? sample.empty() || sample.back().line < options.headerLine
                                          : nonBlank < kSampleRecords;
         r = Record{}) {
        if (!tokenizer.next(r))
            break;
        if (effectiveWidth(r) > 0)
            ++nonBlank;
        sample.push_back(std::move(r));
    }
    return sample;
}

//! The state of a text table read up to its header. `bytes` is consumed: valid UTF-8 is read in place.
void startText(TableRows::State& st, std::string bytes, const std::string& sourceName,
               const TableReadOptions& options) {
    Warnings warnings;
    st.head.source = sourceName;
    st.text = decodeBytes(bytes, sourceName, options.encoding, st.head.encoding, warnings);
    refuseNul(st.text, sourceName);
    st.head.separator = options.separator ? options.separator : detectSeparator(st.text);
    st.tokenizer.emplace(st.text, st.head.separator);
    st.sample = sampleRecords(*st.tokenizer, options);
    st.nextSample = readHead(st.sample, options, st.tokenizer->openQuote(), "line", st.head, warnings) + 1;
    st.head.warnings = std::move(warnings);
}

//! The bytes of the text file at `path`, or its sheet when it is a spreadsheet (by extension or content).
void startFile(TableRows::State& st, const std::string& path, const TableReadOptions& options) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        throw Error(ErrorKind::FileNotFound, Location{path, 0, {}, -1}, msg("io.file_not_found"));
    if (std::filesystem::is_directory(status))
        throw Error(ErrorKind::CannotOpen, Location{path, 0, {}, -1}, msg("io.folder_not_file"));
    if (hasSpreadsheetExtension(path)) {
        st.sheet = readSpreadsheet(path, options, path);
        st.head = *st.sheet;
        return;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::CannotOpen, Location{path, 0, {}, -1}, msg("io.cannot_open_for_reading"));
    std::string bytes;
    // A regular file is read in one go; a pipe or FIFO (`<(zcat x.csv.gz)`) has no size: read it to its end.
    std::error_code sizeError;
    const bool regular = std::filesystem::is_regular_file(status);
    const auto size = regular ? std::filesystem::file_size(path, sizeError) : std::uintmax_t(0);
    if (regular && !sizeError) {
        bytes.reserve(static_cast<std::size_t>(size));
        memory::prefault(bytes.data(), static_cast<std::size_t>(size)); // zeroed, then read: mapped at once
        bytes.resize(static_cast<std::size_t>(size));
        if (size > 0 && !in.read(bytes.data(), static_cast<std::streamsize>(size)))
            throw Error(ErrorKind::CannotOpen, Location{path, 0, {}, -1}, msg("io.cannot_read"));
    } else {
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (in.bad())
            throw Error(ErrorKind::CannotOpen, Location{path, 0, {}, -1}, msg("io.cannot_read"));
    }
    // A spreadsheet saved under another extension (a ZIP: XLSX or ODS).
    if (bytes.size() > 4 && bytes.compare(0, 4, "PK\x03\x04") == 0) {
        const bool ods =
            std::string_view(bytes).substr(0, 200).find("opendocument.spreadsheet") != std::string_view::npos;
        st.sheet = readSpreadsheet(path, options, (ods ? "ODS:" : "XLSX:") + path);
        st.head = *st.sheet;
        return;
    }
    startText(st, std::move(bytes), path, options);
}

void handOver(const TableHead& head, Warnings* warnings) {
    if (warnings)
        warnings->insert(warnings->end(), head.warnings.begin(), head.warnings.end());
}

} // namespace

TableRows::TableRows(const std::string& path, const TableReadOptions& options, Warnings* warnings)
    : TableRows() {
    startFile(*m_state, path, options);
    handOver(m_state->head, warnings);
}

TableRows TableRows::fromText(std::string bytes, const std::string& sourceName,
                              const TableReadOptions& options, Warnings* warnings) {
    TableRows rows;
    startText(*rows.m_state, std::move(bytes), sourceName, options);
    handOver(rows.m_state->head, warnings);
    return rows;
}

const TableHead& TableRows::head() const {
    return m_state->head;
}

bool TableRows::next() {
    State& st = *m_state;
    if (st.sheet) {
        if (st.sheetRow >= st.sheet->rows.size())
            return false;
        st.current.fields = std::move(st.sheet->rows[st.sheetRow]);
        st.current.line = st.sheet->lines[st.sheetRow++];
        return true;
    }
    for (;;) {
        if (st.nextSample < st.sample.size()) {
            st.current = std::move(st.sample[st.nextSample++]);
        } else {
            if (!st.sample.empty())
                std::vector<Record>().swap(st.sample);
            if (!st.tokenizer->next(st.current))
                break;
            if (const auto& open = st.tokenizer->openQuote())
                throwOpenQuote(st.head.source, *open, "line",
                               open->field < st.head.header.size() ? st.head.header[open->field]
                                                                   : std::string());
        }
        if (acceptRow(st.current, st.head, "line", st.head.separator)) {
            st.anyRow = true;
            return true;
        }
    }
    if (!st.anyRow)
        throwNoDataRow(st.head, "line");
    return false;
}

const std::vector<std::string>& TableRows::cells() const {
    return m_state->current.fields;
}

long TableRows::line() const {
    return m_state->current.line;
}

std::size_t TableRows::expectedRows() const {
    const State& st = *m_state;
    if (st.sheet)
        return st.sheet->rows.size();
    return text::countLines(st.text);
}

std::vector<std::string> TableRows::takeCells() {
    return std::move(m_state->current.fields);
}

namespace {

//! Every row of `rows`, in a table.
Table collect(TableRows& rows) {
    Table table;
    static_cast<TableHead&>(table) = rows.head();
    table.rows.reserve(rows.expectedRows());
    table.lines.reserve(rows.expectedRows());
    while (rows.next()) {
        table.rows.push_back(rows.takeCells());
        table.lines.push_back(rows.line());
    }
    return table;
}

} // namespace

Table parseCsvText(const std::string& bytes, const std::string& sourceName, const TableReadOptions& options,
                   Warnings* warnings) {
    TableRows rows = TableRows::fromText(bytes, sourceName, options, warnings);
    return collect(rows);
}

Table readTable(const std::string& path, const TableReadOptions& options, Warnings* warnings) {
    TableRows rows(path, options, warnings);
    return collect(rows);
}

} // namespace maillage::io
