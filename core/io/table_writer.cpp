#include "core/io/table_writer.h"

#include "core/io/atomic_file.h"
#include "core/io/gdal_util.h"
#include "core/io/geo.h"
#include "core/model/error.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <set>

namespace maillage::io {

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

//! Where table `index` goes in formats of one file per table: the target, then "<stem>_<name><ext>".
std::string filePathOf(const std::vector<ResultTable>& tables, std::size_t index, const std::string& target) {
    return index == 0 ? target : stemOf(target) + "_" + tables[index].name + extensionOf(target);
}

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

//! The text of a cell in machine formats ("" for empty and masked cells).
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

std::string csvField(const std::string& text, char separator) {
    const bool quote = text.find_first_of(std::string("\"\r\n") + separator) != std::string::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote)
        return text;
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

bool hasFlagColumn(const ResultTable& table) {
    return !table.maskedFlagColumn.empty() && table.column(table.maskedFlagColumn) < 0;
}

void checkRows(const ResultTable& table) {
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        if (table.rows[r].cells.size() != table.columns.size())
            throw Error(ErrorKind::Value, Location{},
                        msg("results.row_width", {arg::text("table", table.name), arg::integer("row", r + 1),
                                                  arg::integer("cells", table.rows[r].cells.size()),
                                                  arg::integer("columns", table.columns.size())}));
}

std::vector<std::string> headerOf(const ResultTable& table, HeaderStyle header, Language language) {
    std::vector<std::string> out;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        out.push_back(header == HeaderStyle::Keys ? table.columns[c].key : columnHeader(table, c, language));
    if (hasFlagColumn(table))
        out.push_back(header == HeaderStyle::Keys ? table.maskedFlagColumn
                                                  : word(msg("results.masked_column"), language));
    return out;
}

} // namespace

std::string csvText(const ResultTable& table, TableFormat format, HeaderStyle header) {
    checkRows(table);
    const bool fr = format == TableFormat::CsvFr;
    const char separator = fr ? ';' : ',';
    std::string out = fr ? "\xEF\xBB\xBF" : "";
    auto line = [&](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i)
            out += (i ? std::string(1, separator) : std::string()) + csvField(fields[i], separator);
        out += "\n";
    };
    line(headerOf(table, header, fr ? Language::Fr : Language::En));
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        std::vector<std::string> fields;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            std::string s = machineCell(table.rows[r].cells[c], table.columns[c]);
            const ColumnType type = table.columns[c].type;
            if (fr && (type == ColumnType::Real || type == ColumnType::Percent))
                std::replace(s.begin(), s.end(), '.', ',');
            fields.push_back(std::move(s));
        }
        if (hasFlagColumn(table))
            fields.push_back(table.rowMasked(r) ? "1" : "0");
        line(fields);
    }
    return out;
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

// ---------------------------------------------------------------- GDAL formats

namespace {

OGRFieldType fieldTypeOf(ColumnType type) {
    switch (type) {
    case ColumnType::Integer:
        return OFTInteger64;
    case ColumnType::Real:
    case ColumnType::Percent:
        return OFTReal;
    case ColumnType::Boolean:
        return OFTInteger;
    case ColumnType::Text:
    case ColumnType::Code:
        break;
    }
    return OFTString;
}

[[noreturn]] void gdalFailed(const std::string& target, const GdalErrorCollector& errors) {
    throw Error(ErrorKind::Write, Location{target},
                msg("results.gdal_failed", {arg::text("reason", errors.message())}));
}

void createField(OGRLayer& layer, const std::string& name, ColumnType type, const std::string& target,
                 const GdalErrorCollector& errors) {
    OGRFieldDefn field(name.c_str(), fieldTypeOf(type));
    if (type == ColumnType::Boolean)
        field.SetSubType(OFSTBoolean);
    if (layer.CreateField(&field) != OGRERR_NONE)
        gdalFailed(target, errors);
}

void setField(OGRFeature& feature, int index, const Cell& cell, const Column& column) {
    if (!cell.hasValue()) {
        feature.SetFieldNull(index);
        return;
    }
    switch (column.type) {
    case ColumnType::Text:
    case ColumnType::Code:
        feature.SetField(index, cell.text.c_str());
        break;
    case ColumnType::Integer:
        feature.SetField(index, static_cast<GIntBig>(std::llround(cell.number)));
        break;
    case ColumnType::Boolean:
        feature.SetField(index, cell.number != 0 ? 1 : 0);
        break;
    case ColumnType::Real:
    case ColumnType::Percent:
        feature.SetField(index, cell.number);
        break;
    }
}

void writeFeatures(OGRLayer& layer, const ResultTable& table, const std::string& target,
                   const GdalErrorCollector& errors) {
    const bool flag = hasFlagColumn(table);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        FeaturePtr feature(OGRFeature::CreateFeature(layer.GetLayerDefn()));
        for (std::size_t c = 0; c < table.columns.size(); ++c)
            setField(*feature, static_cast<int>(c), table.rows[r].cells[c], table.columns[c]);
        if (flag)
            feature->SetField(static_cast<int>(table.columns.size()), table.rowMasked(r) ? 1 : 0);
        const auto& wkb = table.rows[r].wkb;
        if (!wkb.empty()) {
            OGRGeometry* geometry = nullptr;
            if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &geometry, wkb.size()) != OGRERR_NONE)
                throw Error(ErrorKind::Geometry, Location{target, 0, "", static_cast<long>(r + 1)},
                            msg("results.bad_geometry", {arg::text("table", table.name)}));
            feature->SetGeometryDirectly(geometry);
        }
        if (layer.CreateFeature(feature.get()) != OGRERR_NONE)
            gdalFailed(target, errors);
    }
}

//! The layer options: the title and caption where the format keeps them (GeoPackage), RFC 7946 GeoJSON.
//! A GeoPackage wants each identifier once: a title already in `identifiers` gets the table's name.
std::vector<std::string> layerOptions(const ResultTable& table, TableFormat format, Language language,
                                      std::set<std::string>& identifiers) {
    if (format == TableFormat::Gpkg) {
        std::string identifier = tableTitle(table, language);
        if (!identifiers.insert(identifier).second)
            identifiers.insert(identifier += " (" + table.name + ")");
        return {"IDENTIFIER=" + identifier, "DESCRIPTION=" + tableCaption(table, language)};
    }
    if (format == TableFormat::GeoJson && table.hasGeometry())
        return {"RFC7946=YES"};
    return {};
}

void writeLayer(GDALDataset& ds, const ResultTable& table, const std::string& target,
                const TableWriteOptions& o, const GdalErrorCollector& errors,
                std::set<std::string>& identifiers) {
    std::unique_ptr<OGRSpatialReference> srs;
    if (table.hasGeometry() && table.epsg > 0) {
        srs = std::make_unique<OGRSpatialReference>();
        srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        srs->importFromEPSG(table.epsg);
    }
    const std::vector<std::string> opts = layerOptions(table, o.format, o.language, identifiers);
    std::vector<const char*> optPtrs;
    for (const std::string& opt : opts)
        optPtrs.push_back(opt.c_str());
    optPtrs.push_back(nullptr);
    OGRLayer* layer =
        ds.CreateLayer(table.name.c_str(), srs.get(), table.hasGeometry() ? wkbUnknown : wkbNone,
                       const_cast<char**>(optPtrs.data()));
    if (!layer)
        gdalFailed(target, errors);
    const std::vector<std::string> header = headerOf(table, o.header, o.language);
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        createField(*layer, header[c], table.columns[c].type, target, errors);
    if (hasFlagColumn(table))
        createField(*layer, header.back(), ColumnType::Boolean, target, errors);
    writeFeatures(*layer, table, target, errors);
}

//! Spreadsheets end with a sheet of notes: every table's caption (title, notes, secrecy).
void writeNotesSheet(GDALDataset& ds, const std::vector<ResultTable>& tables, const std::string& target,
                     Language language, const GdalErrorCollector& errors) {
    const std::string key = word(msg("results.notes_sheet"), language);
    OGRLayer* layer = ds.CreateLayer(key.c_str(), nullptr, wkbNone, nullptr);
    if (!layer)
        gdalFailed(target, errors);
    createField(*layer, word(msg("results.notes_column"), language), ColumnType::Text, target, errors);
    for (const ResultTable& table : tables) {
        std::string caption = tableCaption(table, language);
        for (std::size_t start = 0; start <= caption.size();) {
            const auto end = std::min(caption.find('\n', start), caption.size());
            FeaturePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            feature->SetField(0, caption.substr(start, end - start).c_str());
            if (layer->CreateFeature(feature.get()) != OGRERR_NONE)
                gdalFailed(target, errors);
            start = end + 1;
        }
    }
}

//! Writes `tables` with GDAL's driver of `format` at `path` (a temporary file); errors name `target`.
void writeWithGdal(const std::vector<ResultTable>& tables, const std::string& path, const std::string& target,
                   const TableWriteOptions& options) {
    ensureGdal();
    GdalErrorCollector errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(infoOf(options.format).driver);
    if (!driver)
        throw Error(ErrorKind::Write, Location{target},
                    msg("results.no_driver", {arg::text("format", tableFormatName(options.format))}));
    DatasetPtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        gdalFailed(target, errors);
    const bool transaction = ds->StartTransaction() == OGRERR_NONE;
    std::set<std::string> identifiers;
    for (const ResultTable& table : tables)
        writeLayer(*ds, table, target, options, errors, identifiers);
    if (options.format == TableFormat::Xlsx || options.format == TableFormat::Ods)
        writeNotesSheet(*ds, tables, target, options.language, errors);
    if (transaction && ds->CommitTransaction() != OGRERR_NONE)
        gdalFailed(target, errors);
    ds.reset(); // spreadsheets are written when closed
    if (!errors.errors().empty())
        gdalFailed(target, errors);
}

} // namespace

// ---------------------------------------------------------------- writing

namespace {

//! A temporary file beside `target` that a GDAL driver fills, renamed over the target by commit();
//! removed (with SQLite's companions) otherwise.
class PendingGdalFile {
public:
    explicit PendingGdalFile(const std::string& target)
        : m_target(target), m_temporary(prepare(target)), m_guard(m_temporary) {}
    ~PendingGdalFile() {
        if (m_committed)
            return;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"})
            std::remove((m_temporary + suffix).c_str());
    }
    PendingGdalFile(const PendingGdalFile&) = delete;
    PendingGdalFile& operator=(const PendingGdalFile&) = delete;
    const std::string& path() const { return m_temporary; }
    void commit() {
        m_committed = true; // commitTemporary removes the temporary itself on failure
        commitTemporary(m_temporary, m_target);
    }

private:
    static std::string prepare(const std::string& target) {
        removeStaleTemporaries(target);
        return temporaryPathFor(target);
    }
    std::string m_target, m_temporary;
    TemporaryGuard m_guard;
    bool m_committed = false;
};

//! The tables as one CSV stream: each table after the previous one and an empty line; one BOM.
std::string streamText(const std::vector<ResultTable>& tables, const TableWriteOptions& options) {
    std::string out;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        std::string text = csvText(tables[i], options.format, options.header);
        if (i > 0 && options.format == TableFormat::CsvFr)
            text.erase(0, 3);
        out += (i > 0 ? "\n" : "") + text;
    }
    return out;
}

void writeStream(const std::string& target, const std::string& text) {
    // Appending: a file behind /dev/stdout keeps what the shell (`>>`) or the program wrote before.
    std::ofstream out(target, std::ios::binary | std::ios::app);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
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
        pending.push_back(
            std::make_unique<PendingFile>(path, csvText(tables[i], options.format, options.header)));
        if (options.csvt)
            pending.push_back(std::make_unique<PendingFile>(csvtPathOf(path), csvtText(tables[i])));
    }
    for (auto& p : pending)
        p->commit();
    return tableOutputPaths(tables, target, options);
}

std::vector<std::string> writeGdalFiles(const std::vector<ResultTable>& tables, const std::string& target,
                                        const TableWriteOptions& options) {
    std::vector<std::unique_ptr<PendingGdalFile>> pending;
    if (options.format == TableFormat::GeoJson) {
        for (std::size_t i = 0; i < tables.size(); ++i) {
            const std::string path = filePathOf(tables, i, target);
            checkOutputPath(path);
            pending.push_back(std::make_unique<PendingGdalFile>(path));
            writeWithGdal({tables[i]}, pending.back()->path(), path, options);
        }
    } else {
        pending.push_back(std::make_unique<PendingGdalFile>(target));
        writeWithGdal(tables, pending.back()->path(), target, options);
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
        standardOutput << streamText(tables, options);
        standardOutput.flush();
        return {};
    }
    if (kind == OutputKind::Stream) {
        writeStream(target, streamText(tables, options));
        return {target};
    }
    if (isStreamable(options.format))
        return writeCsvFiles(tables, target, options);
    return writeGdalFiles(tables, target, options);
}

std::vector<std::string> writeTable(const ResultTable& table, const std::string& target,
                                    const TableWriteOptions& options, std::ostream& standardOutput) {
    return writeTables({table}, target, options, standardOutput);
}

} // namespace maillage::io
