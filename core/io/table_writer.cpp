#include "core/io/table_writer.h"

#include "core/io/atomic_file.h"
#include "core/io/table_writer_gdal.h"
#include "core/model/error.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <set>
#include <sstream>

namespace maillage::io {

using namespace detail;

// ---------------------------------------------------------------- formats

namespace {

struct FormatInfo {
    TableFormat format;
    const char* name;
    const char* driver; //!< GDAL driver; nullptr: written by hand (CSV)
    const char* extension;
};

constexpr std::array<FormatInfo, 6> kFormats = {{{TableFormat::Csv, "csv", nullptr, ".csv"},
                                                 {TableFormat::CsvFr, "csv-fr", nullptr, ".csv"},
                                                 {TableFormat::Xlsx, "xlsx", "XLSX", ".xlsx"},
                                                 {TableFormat::Ods, "ods", "ODS", ".ods"},
                                                 {TableFormat::Gpkg, "gpkg", "GPKG", ".gpkg"},
                                                 {TableFormat::GeoJson, "geojson", "GeoJSON", ".geojson"}}};

const FormatInfo& infoOf(TableFormat format) {
    for (const FormatInfo& f : kFormats)
        if (f.format == format)
            return f;
    return kFormats[0];
}

} // namespace

const char* detail::gdalDriverOf(TableFormat format) {
    return infoOf(format).driver;
}

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

bool parseTableFormat(const std::string& text, TableFormat& out) {
    for (const FormatInfo& f : kFormats)
        if (lower(text) == f.name) {
            out = f.format;
            return true;
        }
    return false;
}

std::string tableFormatName(TableFormat format) {
    return infoOf(format).name;
}

std::vector<std::string> tableFormatNames() {
    std::vector<std::string> names;
    for (const FormatInfo& f : kFormats)
        names.push_back(f.name);
    return names;
}

TableFormat tableFormatForPath(const std::string& path, TableFormat fallback) {
    const auto dot = path.find_last_of('.');
    const auto slash = path.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return fallback;
    const std::string ext = lower(path.substr(dot));
    if (ext == ".csv")
        return fallback == TableFormat::CsvFr ? TableFormat::CsvFr : TableFormat::Csv;
    if (ext == ".json")
        return TableFormat::GeoJson;
    for (const FormatInfo& f : kFormats)
        if (ext == f.extension)
            return f.format;
    return fallback;
}

bool isStreamable(TableFormat format) {
    return format == TableFormat::Csv || format == TableFormat::CsvFr;
}

// ---------------------------------------------------------------- output safety

bool isDatabaseConnection(const std::string& target) {
    static const char* const prefixes[] = {
        "pg:",      "postgresql:", "postgres:", "mssql:", "mysql:",         "oci:",     "odbc:", "mongodbv3:",
        "mongodb:", "hana:",       "db2odbc:",  "es:",    "elasticsearch:", "couchdb:", "fgdb:"};
    const std::string l = lower(target);
    for (const char* p : prefixes)
        if (l.rfind(p, 0) == 0)
            return true;
    return l.find("://") != std::string::npos; // any URL: a server, not a file
}

namespace {

//! The scheme of a connection string ("PG", "postgresql"), never what follows: it may hold a password.
std::string schemeOf(const std::string& target) {
    const auto colon = target.find(':');
    return target.substr(0, colon == std::string::npos ? 0 : colon);
}

[[noreturn]] void refuse(const std::string& target, Message message) {
    throw Error(ErrorKind::Write, Location{target}, std::move(message));
}

//! /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: links to a descriptor of the process, which may
//! be a terminal, a pipe or a file the shell opened (`> out.csv`): written directly, as the user means.
bool isDescriptorLink(const std::string& target, const struct stat& link) {
    if (!S_ISLNK(link.st_mode))
        return false;
    for (const char* prefix : {"/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/"})
        if (target.rfind(prefix, 0) == 0)
            return true;
    return false;
}

//! True when `target` (lstat in `link`) is written directly: a device, a pipe, a descriptor link.
bool isStream(const std::string& target, const struct stat& link) {
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0)
        return false;
    return S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) ||
           (S_ISREG(st.st_mode) && isDescriptorLink(target, link));
}

//! A path that exists: what it leads to, or refused.
OutputKind classifyExisting(const std::string& target, const struct stat& link, TableFormat format) {
    struct stat st {};
    const bool resolves = ::stat(target.c_str(), &st) == 0;
    if (resolves && isStream(target, link)) {
        if (!isStreamable(format))
            refuse(target,
                   msg("results.output_stream_csv_only", {arg::text("format", tableFormatName(format))}));
        return OutputKind::Stream; // /dev/stdout (a link to the process's descriptor), /dev/null, a pipe
    }
    if (resolves && S_ISDIR(st.st_mode))
        refuse(target, msg("results.output_is_folder"));
    if (S_ISLNK(link.st_mode))
        refuse(target, msg("results.output_is_symlink"));
    if (!S_ISREG(st.st_mode))
        refuse(target, msg("results.output_is_special"));
    return OutputKind::File;
}

} // namespace

OutputKind checkTableOutput(const std::string& target, TableFormat format) {
    if (target == "-") {
        if (!isStreamable(format))
            throw Error(
                ErrorKind::Write, Location{},
                msg("results.output_stdout_csv_only", {arg::text("format", tableFormatName(format))}));
        return OutputKind::StandardOutput;
    }
    if (isDatabaseConnection(target))
        throw Error(ErrorKind::Write, Location{},
                    msg("results.output_database", {arg::text("scheme", schemeOf(target))}));
    struct stat link {};
    if (::lstat(target.c_str(), &link) == 0 && classifyExisting(target, link, format) == OutputKind::Stream)
        return OutputKind::Stream;
    checkOutputPath(target); // its folder exists and is writable
    return OutputKind::File;
}

// ---------------------------------------------------------------- paths

namespace {

std::string stemOf(const std::string& path) {
    const auto dot = path.find_last_of('.');
    const auto slash = path.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == slash + 1)
        return path;
    return path.substr(0, dot);
}

std::string extensionOf(const std::string& path) {
    return path.substr(stemOf(path).size());
}

} // namespace

namespace detail {

//! Where table `index` goes in formats of one file per table: the target, then "<stem>_<name><ext>".
std::string filePathOf(const std::vector<ResultTable>& tables, std::size_t index, const std::string& target) {
    return index == 0 ? target : stemOf(target) + "_" + tables[index].name + extensionOf(target);
}

} // namespace detail

namespace {

bool oneFilePerTable(TableFormat format) {
    return isStreamable(format) || format == TableFormat::GeoJson;
}

//! GDAL looks for the .csvt of "x.csv" at "x.csvt".
std::string csvtPathOf(const std::string& csvPath) {
    return stemOf(csvPath) + ".csvt";
}

} // namespace

std::vector<std::string> tableOutputPaths(const std::vector<ResultTable>& tables, const std::string& target,
                                          const TableWriteOptions& options) {
    if (target == "-")
        return {};
    struct stat link {};
    const bool stream = ::lstat(target.c_str(), &link) == 0 && isStream(target, link);
    if (stream || !oneFilePerTable(options.format))
        return {target};
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        paths.push_back(filePathOf(tables, i, target));
        if (options.csvt && isStreamable(options.format))
            paths.push_back(csvtPathOf(paths.back()));
    }
    return paths;
}

// ---------------------------------------------------------------- CSV

namespace {

//! A number as machine formats write it: '.' decimals, no grouping, whatever the C locale says.
std::string machineNumber(double value, int decimals) {
    if (!std::isfinite(value))
        return {};
    char buffer[512];
    const auto r =
        decimals < 0
            ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed)
            : std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    std::string s(buffer, r.ptr);
    if (s == "-0" || s.rfind("-0.", 0) == 0 && s.find_first_not_of("-0.") == std::string::npos)
        s.erase(0, 1); // "-0.00" reads as a negative: it is zero
    return s;
}

} // namespace

namespace detail {

std::string machineCell(const Cell& cell, const Column& column) {
    if (!cell.hasValue())
        return {};
    switch (column.type) {
    case ColumnType::Text:
    case ColumnType::Code:
        return cell.text;
    case ColumnType::Integer:
        return machineNumber(std::round(cell.number), 0);
    case ColumnType::Real:
        return machineNumber(cell.number, column.decimals);
    case ColumnType::Percent:
        return machineNumber(cell.number, column.decimals < 0 ? -1 : column.decimals + 2);
    case ColumnType::Boolean:
        return cell.number != 0 ? "1" : "0";
    }
    return {};
}

} // namespace detail

namespace {

std::string csvField(const std::string& text, char separator) {
    const char specials[] = {'"', '\r', '\n', separator};
    const bool quote = text.find_first_of(specials, 0, sizeof specials) != std::string::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote)
        return text;
    // Appended a character at a time, not a string each (the reasons' sentences: 6 % of a classify).
    std::string out;
    out.reserve(text.size() + 2 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '"')));
    out += '"';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace

namespace detail {

bool hasFlagColumn(const ResultTable& table) {
    return !table.maskedFlagColumn.empty() && table.column(table.maskedFlagColumn) < 0;
}

} // namespace detail

namespace {

void checkRows(const ResultTable& table) {
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        if (table.rows[r].cells.size() != table.columns.size())
            throw Error(ErrorKind::Value, Location{},
                        msg("results.row_width", {arg::text("table", table.name), arg::integer("row", r + 1),
                                                  arg::integer("cells", table.rows[r].cells.size()),
                                                  arg::integer("columns", table.columns.size())}));
}

} // namespace

namespace detail {

std::vector<std::string> headerOf(const ResultTable& table, HeaderStyle header, Language language) {
    std::vector<std::string> out;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        out.push_back(header == HeaderStyle::Keys ? table.columns[c].key : columnHeader(table, c, language));
    if (hasFlagColumn(table))
        out.push_back(header == HeaderStyle::Keys ? table.maskedFlagColumn
                                                  : word(msg("results.masked_column"), language));
    return out;
}

} // namespace detail

namespace {} // namespace

namespace {

//! `table` as CSV (csvText) written to `out` row by row, with the BOM of csv-fr when `bom`.
void writeCsv(std::ostream& out, const ResultTable& table, TableFormat format, HeaderStyle header, bool bom) {
    checkRows(table);
    const bool fr = format == TableFormat::CsvFr;
    const char separator = fr ? ';' : ',';
    if (fr && bom)
        out << "\xEF\xBB\xBF";
    std::string line; // one line at a time: the table is never held whole as text
    auto write = [&](const std::vector<std::string>& fields) {
        line.clear();
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i)
                line += separator;
            line += csvField(fields[i], separator);
        }
        line += '\n';
        out.write(line.data(), static_cast<std::streamsize>(line.size()));
    };
    write(headerOf(table, header, fr ? Language::Fr : Language::En));
    std::vector<std::string> fields;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        fields.clear();
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            std::string s = detail::machineCell(table.rows[r].cells[c], table.columns[c]);
            const ColumnType type = table.columns[c].type;
            if (fr && (type == ColumnType::Real || type == ColumnType::Percent))
                std::replace(s.begin(), s.end(), '.', ',');
            fields.push_back(std::move(s));
        }
        if (hasFlagColumn(table))
            fields.push_back(table.rowMasked(r) ? "1" : "0");
        write(fields);
    }
}

//! The tables as one CSV stream: each table after the previous one and an empty line; one BOM.
void writeCsvStream(std::ostream& out, const std::vector<ResultTable>& tables,
                    const TableWriteOptions& options) {
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (i > 0)
            out << '\n';
        writeCsv(out, tables[i], options.format, options.header, i == 0);
    }
}

} // namespace

std::string csvText(const ResultTable& table, TableFormat format, HeaderStyle header) {
    std::ostringstream out;
    writeCsv(out, table, format, header, true);
    return out.str();
}

std::string csvtText(const ResultTable& table) {
    std::string out;
    auto add = [&](const char* type) { out += (out.empty() ? "\"" : ",\"") + std::string(type) + "\""; };
    for (const Column& c : table.columns) {
        switch (c.type) {
        case ColumnType::Text:
        case ColumnType::Code:
            add("String");
            break;
        case ColumnType::Integer:
            add("Integer64");
            break;
        case ColumnType::Real:
        case ColumnType::Percent:
            add("Real");
            break;
        case ColumnType::Boolean:
            add("Integer(Boolean)");
            break;
        }
    }
    if (hasFlagColumn(table))
        add("Integer(Boolean)");
    return out + "\n";
}

// ---------------------------------------------------------------- writing

namespace {

//! `write` to the device or pipe `target` (/dev/stdout, a FIFO), as it goes.
void writeStream(const std::string& target, const std::function<void(std::ostream&)>& write) {
    // Appending: a file behind /dev/stdout keeps what the shell (`>>`) or the program wrote before.
    std::ofstream out(target, std::ios::binary | std::ios::app);
    write(out);
    out.flush();
    if (!out)
        throw Error(ErrorKind::Write, Location{target},
                    msg("results.stream_failed", {arg::text("reason", std::strerror(errno))}));
}

std::vector<std::string> writeCsvFiles(const std::vector<ResultTable>& tables, const std::string& target,
                                       const TableWriteOptions& options) {
    std::vector<std::unique_ptr<PendingFile>> pending;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const std::string path = filePathOf(tables, i, target);
        const ResultTable& table = tables[i];
        pending.push_back(std::make_unique<PendingFile>(
            path, [&](std::ostream& out) { writeCsv(out, table, options.format, options.header, true); }));
        if (options.csvt)
            pending.push_back(std::make_unique<PendingFile>(csvtPathOf(path), csvtText(tables[i])));
    }
    for (auto& p : pending)
        p->commit();
    return tableOutputPaths(tables, target, options);
}

} // namespace

std::vector<std::string> writeTables(const std::vector<ResultTable>& tables, const std::string& target,
                                     const TableWriteOptions& options, std::ostream& standardOutput) {
    if (tables.empty())
        throw Error(ErrorKind::Value, Location{target}, msg("results.no_table"));
    for (const ResultTable& table : tables)
        checkRows(table);
    const OutputKind kind = checkTableOutput(target, options.format);
    if (kind == OutputKind::StandardOutput) {
        writeCsvStream(standardOutput, tables, options);
        standardOutput.flush();
        return {};
    }
    if (kind == OutputKind::Stream) {
        writeStream(target, [&](std::ostream& out) { writeCsvStream(out, tables, options); });
        return {target};
    }
    if (isStreamable(options.format))
        return writeCsvFiles(tables, target, options);
    return writeGdalFiles(tables, target, options);
}

std::vector<std::string> writeDocument(const std::string& text, const std::string& target,
                                       std::ostream& standardOutput) {
    // A text document goes wherever CSV text goes.
    const OutputKind kind = checkTableOutput(target, TableFormat::Csv);
    if (kind == OutputKind::StandardOutput) {
        standardOutput << text;
        standardOutput.flush();
        return {};
    }
    if (kind == OutputKind::Stream)
        writeStream(target, [&](std::ostream& out) { out << text; });
    else
        writeFileAtomically(target, text);
    return {target};
}

std::vector<std::string> writeTable(const ResultTable& table, const std::string& target,
                                    const TableWriteOptions& options, std::ostream& standardOutput) {
    return writeTables({table}, target, options, standardOutput);
}

} // namespace maillage::io
