#include "core/io/table.h"

#include "core/model/csv.h"
#include "core/model/text.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

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

namespace {

//! One record of the source before the header is known.
using Record = text::CsvRecord;
using OpenQuote = text::CsvOpenQuote;

constexpr std::size_t kSampleRecords = 100; // header and separator detection look this far

std::string quoted(const std::string& s) {
    return "'" + s + "'";
}

std::string separatorName(char sep) {
    switch (sep) {
    case '\t':
        return "tab";
    default:
        return std::string("'") + sep + "'";
    }
}

// ---------------------------------------------------------------------------------------------
// Encodings

long lineOfOffset(std::string_view s, std::size_t offset) {
    long line = 1;
    for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n')))
            ++line;
    }
    return line;
}

std::string upperAscii(std::string s) {
    for (auto& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

//! Decodes `bytes` to UTF-8 text; `encodingUsed` receives "UTF-8" or "CP1252" (or "LATIN1", "UTF-16").
std::string decode(const std::string& bytes, const std::string& source, const std::string& requested,
                   std::string& encodingUsed) {
    std::string_view v(bytes);
    if (v.size() >= 2 && ((v[0] == '\xFF' && v[1] == '\xFE') || (v[0] == '\xFE' && v[1] == '\xFF'))) {
        encodingUsed = "UTF-16";
        return text::utf16ToUtf8(v.substr(2), v[0] == '\xFE');
    }
    const std::string enc = upperAscii(text::trim(requested));
    if (enc.empty() || enc == "UTF-8" || enc == "UTF8") {
        if (v.size() >= 3 && v.substr(0, 3) == "\xEF\xBB\xBF")
            v.remove_prefix(3);
        const std::size_t bad = text::firstInvalidUtf8(v);
        if (bad == std::string_view::npos) {
            encodingUsed = "UTF-8";
            return std::string(v);
        }
        if (!enc.empty()) {
            static const char digits[] = "0123456789ABCDEF";
            const auto byte = static_cast<unsigned char>(v[bad]);
            const std::string hex = std::string("0x") + digits[byte >> 4] + digits[byte & 0xF];
            throw Error(ErrorKind::Format, Location{source, lineOfOffset(v, bad), {}, -1},
                        std::string("expected UTF-8 text, found the byte ") + hex +
                            " (is the file in Latin-1 / Windows-1252?)");
        }
        encodingUsed = "CP1252";
        return text::windows1252ToUtf8(v);
    }
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
                "unknown encoding " + quoted(requested) + ": expected UTF-8, CP1252 or LATIN1");
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

std::string describeRange(long first, long last, const std::string& word) {
    if (first == last)
        return word + " " + std::to_string(first);
    return word + "s " + std::to_string(first) + "-" + std::to_string(last);
}

Table buildTable(std::vector<Record>& records, const std::string& source, const TableReadOptions& options,
                 const std::optional<OpenQuote>& openQuote, const char* lineWord, char separator,
                 Warnings* warnings) {
    Table table;
    table.source = source;

    // Index of the header among records.
    std::size_t headerIndex = records.size();
    if (options.headerLine > 0) {
        for (std::size_t i = 0; i < records.size(); ++i) {
            if (records[i].line >= options.headerLine) {
                headerIndex = i;
                break;
            }
        }
        if (headerIndex == records.size() || effectiveWidth(records[headerIndex]) == 0)
            throw Error(ErrorKind::Format, Location{source, options.headerLine, {}, -1},
                        "expected the header on this " + std::string(lineWord) + ", found nothing there");
    } else {
        std::vector<std::string> expected;
        for (const auto& e : options.expectedColumns)
            expected.push_back(columnKey(e));
        std::size_t seen = 0;
        if (!expected.empty()) {
            for (std::size_t i = 0; i < records.size() && seen < kSampleRecords; ++i) {
                if (effectiveWidth(records[i]) == 0)
                    continue;
                ++seen;
                for (const auto& f : records[i].fields) {
                    if (std::find(expected.begin(), expected.end(), columnKey(f)) != expected.end()) {
                        headerIndex = i;
                        break;
                    }
                }
                if (headerIndex != records.size())
                    break;
            }
        }
        if (headerIndex == records.size()) {
            // The header is the first line at least as wide as most lines: title lines above it are
            // narrower. Lines of one field do not vote when wider ones exist (a long title block).
            std::map<std::size_t, std::size_t> frequency; // width -> lines
            seen = 0;
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
            for (std::size_t i = 0; i < records.size() && typical > 0; ++i) {
                if (effectiveWidth(records[i]) >= typical) {
                    headerIndex = i;
                    break;
                }
            }
        }
    }
    if (headerIndex == records.size()) {
        if (openQuote)
            throw Error(ErrorKind::Format, Location{source, openQuote->line, {}, -1},
                        "unterminated quoted field: the quote opened on " + std::string(lineWord) + " " +
                            std::to_string(openQuote->line) + " is never closed (is the file truncated?)");
        throw Error(ErrorKind::Format, Location{source, 0, {}, -1},
                    "the file is empty: expected a header line and rows");
    }

    Record& headerRecord = records[headerIndex];
    table.headerLine = headerRecord.line;
    const std::size_t width = effectiveWidth(headerRecord);
    table.header.reserve(width);
    for (std::size_t i = 0; i < width; ++i) {
        std::string name = text::trim(headerRecord.fields[i]);
        if (name.empty())
            name = "column_" + std::to_string(i + 1);
        table.header.push_back(std::move(name));
    }

    // Title lines above the header.
    long firstSkipped = 0, lastSkipped = 0;
    for (std::size_t i = 0; i < headerIndex; ++i) {
        if (effectiveWidth(records[i]) == 0)
            continue;
        if (firstSkipped == 0)
            firstSkipped = records[i].line;
        lastSkipped = records[i].line;
    }
    if (firstSkipped != 0 && warnings) {
        Warning w;
        w.kind = ErrorKind::Format;
        w.where = Location{source, firstSkipped, {}, -1};
        w.message = describeRange(firstSkipped, lastSkipped, lineWord) + " above the header (" +
                    std::string(lineWord) + " " + std::to_string(table.headerLine) + ") skipped as title " +
                    lineWord + (firstSkipped == lastSkipped ? "" : "s");
        warnings->push_back(std::move(w));
    }

    if (openQuote) {
        const Record& broken = records.back();
        Location where{source, openQuote->line, {}, -1};
        if (&broken != &headerRecord && openQuote->field < table.header.size())
            where.column = table.header[openQuote->field];
        throw Error(ErrorKind::Format, where,
                    "unterminated quoted field: the quote opened on " + std::string(lineWord) + " " +
                        std::to_string(openQuote->line) + " is never closed (is the file truncated?)");
    }

    const std::size_t n = records.size() - headerIndex - 1;
    table.rows.reserve(n);
    table.lines.reserve(n);
    for (std::size_t i = headerIndex + 1; i < records.size(); ++i) {
        Record& r = records[i];
        const std::size_t w = effectiveWidth(r);
        if (w == 0)
            continue; // blank line, or only separators
        if (w > width) {
            const std::string hint =
                separator ? "; check the separator (" + separatorName(separator) + ") and the quotes" : "";
            throw Error(ErrorKind::Format, Location{source, r.line, {}, -1},
                        "expected at most " + std::to_string(width) + " fields as in the header (" +
                            std::string(lineWord) + " " + std::to_string(table.headerLine) + "), found " +
                            std::to_string(w) + hint);
        }
        r.fields.resize(width);
        table.rows.push_back(std::move(r.fields));
        table.lines.push_back(r.line);
    }
    return table;
}

// ---------------------------------------------------------------------------------------------
// Spreadsheets

bool hasSpreadsheetExtension(const std::string& path) {
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos)
        return false;
    std::string ext = path.substr(dot + 1);
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == "xlsx" || ext == "xlsm" || ext == "ods" || ext == "xls";
}

//! Sets thread-local GDAL config options for the scope, restoring the previous values.
class ScopedConfig {
public:
    ScopedConfig(const char* key, const char* value) : m_key(key) {
        if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr))
            m_old = old;
        CPLSetThreadLocalConfigOption(key, value);
    }
    ~ScopedConfig() { CPLSetThreadLocalConfigOption(m_key, m_old ? m_old->c_str() : nullptr); }
    ScopedConfig(const ScopedConfig&) = delete;
    ScopedConfig& operator=(const ScopedConfig&) = delete;

private:
    const char* m_key;
    std::optional<std::string> m_old;
};

//! `gdalName` is what GDAL opens: the path, or "XLSX:path" / "ODS:path" for a misnamed file.
Table readSpreadsheet(const std::string& path, const TableReadOptions& options, Warnings* warnings,
                      const std::string& gdalName) {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });

    // Headers are detected here (title rows), and every cell is read as text so that codes keep
    // their leading zeros when the spreadsheet stored them as text.
    ScopedConfig xlsxHeaders("OGR_XLSX_HEADERS", "DISABLE");
    ScopedConfig xlsxTypes("OGR_XLSX_FIELD_TYPES", "STRING");
    ScopedConfig odsHeaders("OGR_ODS_HEADERS", "DISABLE");
    ScopedConfig odsTypes("OGR_ODS_FIELD_TYPES", "STRING");
    ScopedConfig xlsHeaders("OGR_XLS_HEADERS", "DISABLE");
    ScopedConfig xlsTypes("OGR_XLS_FIELD_TYPES", "STRING");

    // GDAL's messages go into ours, not to stderr.
    CPLPushErrorHandler(CPLQuietErrorHandler);
    struct PopHandler {
        ~PopHandler() { CPLPopErrorHandler(); }
    } popHandler;

    static const char* const drivers[] = {"XLSX", "ODS", "XLS", nullptr};
    CPLErrorReset();
    GDALDatasetH ds =
        GDALOpenEx(gdalName.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr);
    if (!ds) {
        std::string why = CPLGetLastErrorMsg();
        throw Error(ErrorKind::CannotOpen, Location{path, 0, {}, -1},
                    "cannot open the spreadsheet (expected an XLSX or ODS file)" +
                        (why.empty() ? "" : ": " + why));
    }
    struct Closer {
        GDALDatasetH ds;
        ~Closer() { GDALClose(ds); }
    } closer{ds};

    const int layerCount = GDALDatasetGetLayerCount(ds);
    OGRLayerH layer = nullptr;
    if (options.sheet.empty()) {
        if (layerCount > 0)
            layer = GDALDatasetGetLayer(ds, 0);
    } else {
        layer = GDALDatasetGetLayerByName(ds, options.sheet.c_str());
        if (!layer) {
            for (int i = 0; i < layerCount && !layer; ++i) {
                OGRLayerH l = GDALDatasetGetLayer(ds, i);
                if (columnKey(OGR_L_GetName(l)) == columnKey(options.sheet))
                    layer = l;
            }
        }
        if (!layer) {
            std::vector<std::string> names;
            for (int i = 0; i < layerCount; ++i)
                names.push_back(quoted(OGR_L_GetName(GDALDatasetGetLayer(ds, i))));
            throw Error(ErrorKind::Format, Location{path, 0, {}, -1},
                        "expected a sheet named " + quoted(options.sheet) + ", found " +
                            (names.empty() ? std::string("no sheet") : text::join(names, ", ")));
        }
    }
    if (!layer)
        throw Error(ErrorKind::Format, Location{path, 0, {}, -1}, "the file is empty: expected a sheet");

    std::vector<Record> records;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int fieldCount = OGR_FD_GetFieldCount(defn);
    OGR_L_ResetReading(layer);
    long previous = 0;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        Record r;
        // With headers disabled the feature id is the spreadsheet row (1-based, empty rows kept).
        const GIntBig fid = OGR_F_GetFID(f);
        r.line = fid >= 1 ? static_cast<long>(fid) : previous + 1;
        previous = r.line;
        r.fields.resize(fieldCount);
        for (int i = 0; i < fieldCount; ++i)
            if (OGR_F_IsFieldSetAndNotNull(f, i))
                r.fields[i] = OGR_F_GetFieldAsString(f, i);
        OGR_F_Destroy(f);
        records.push_back(std::move(r));
    }
    Table table = buildTable(records, path, options, std::nullopt, "row", 0, warnings);
    table.encoding = "UTF-8";
    return table;
}

} // namespace

// ---------------------------------------------------------------------------------------------

std::string columnKey(const std::string& name) {
    return text::matchKey(name);
}

int Table::column(const std::string& name) const {
    const std::string key = columnKey(name);
    for (std::size_t i = 0; i < header.size(); ++i)
        if (columnKey(header[i]) == key)
            return static_cast<int>(i);
    return -1;
}

int Table::requireColumn(const std::string& name) const {
    const int c = column(name);
    if (c >= 0)
        return c;
    std::vector<std::string> found;
    for (const auto& h : header)
        found.push_back(quoted(h));
    throw Error(ErrorKind::Format, Location{source, headerLine, name, -1},
                "missing column: expected a column named " + quoted(name) + " in the header, found " +
                    (found.empty() ? std::string("no column") : text::join(found, ", ")));
}

Location Table::at(std::size_t row, int column) const {
    Location where;
    where.file = source;
    if (row < lines.size())
        where.line = lines[row];
    if (column >= 0 && static_cast<std::size_t>(column) < header.size())
        where.column = header[column];
    return where;
}

const std::string& Table::cell(std::size_t row, int column) const {
    static const std::string empty;
    if (column < 0 || row >= rows.size() || static_cast<std::size_t>(column) >= rows[row].size())
        return empty;
    return rows[row][column];
}

Table parseCsvText(const std::string& bytes, const std::string& sourceName, const TableReadOptions& options,
                   Warnings* warnings) {
    std::string encoding;
    const std::string text = decode(bytes, sourceName, options.encoding, encoding);
    const char sep = options.separator ? options.separator : detectSeparator(text);

    std::vector<Record> records;
    const auto openQuote = text::tokenizeCsv(text, sep, records);

    Table table = buildTable(records, sourceName, options, openQuote, "line", sep, warnings);
    table.separator = sep;
    table.encoding = encoding;
    return table;
}

Table readTable(const std::string& path, const TableReadOptions& options, Warnings* warnings) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        throw Error(ErrorKind::FileNotFound, Location{path, 0, {}, -1}, "file not found");
    if (std::filesystem::is_directory(status))
        throw Error(ErrorKind::CannotOpen, Location{path, 0, {}, -1}, "expected a file, found a folder");
    if (hasSpreadsheetExtension(path))
        return readSpreadsheet(path, options, warnings, path);

    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::CannotOpen, Location{path, 0, {}, -1}, "cannot open the file for reading");
    std::string bytes;
    // A regular file is read in one go; a pipe or FIFO (`<(zcat x.csv.gz)`) has no size: read it to its end.
    std::error_code sizeError;
    const bool regular = std::filesystem::is_regular_file(status);
    const auto size = regular ? std::filesystem::file_size(path, sizeError) : std::uintmax_t(0);
    if (regular && !sizeError) {
        bytes.resize(static_cast<std::size_t>(size));
        if (size > 0 && !in.read(bytes.data(), static_cast<std::streamsize>(size)))
            throw Error(ErrorKind::CannotOpen, Location{path, 0, {}, -1}, "cannot read the file");
    } else {
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (in.bad())
            throw Error(ErrorKind::CannotOpen, Location{path, 0, {}, -1}, "cannot read the file");
    }
    // A spreadsheet saved under another extension (a ZIP: XLSX or ODS).
    if (bytes.size() > 4 && bytes.compare(0, 4, "PK\x03\x04") == 0) {
        const bool ods =
            std::string_view(bytes).substr(0, 200).find("opendocument.spreadsheet") != std::string_view::npos;
        return readSpreadsheet(path, options, warnings, (ods ? "ODS:" : "XLSX:") + path);
    }
    return parseCsvText(bytes, path, options, warnings);
}

} // namespace maillage::io
