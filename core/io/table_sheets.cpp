// Spreadsheets (XLSX, ODS, XLS) for core/io/table.h, through GDAL: apart from the CSV reader so that a
// program reading text tables only links no GDAL (the light executable, app/CMakeLists.txt).
#include "core/io/gdal_util.h"
#include "core/io/table_detail.h"
#include "core/model/text.h"

#include <gdal.h>
#include <gdal_priv.h>
#include <ogr_api.h>

#include <algorithm>
#include <iterator>
#include <mutex>

namespace maillage::io::detail {

namespace {

// ---------------------------------------------------------------------------------------------
// Spreadsheets

//! The records of a sheet, at most `limit` of them. With headers disabled the feature id is the
//! spreadsheet row (1-based, empty rows kept).
std::vector<Record> sheetRecords(OGRLayerH layer, std::size_t limit = kNone) {
    std::vector<Record> records;
    const int fieldCount = OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(layer));
    OGR_L_ResetReading(layer);
    long previous = 0;
    while (records.size() < limit) {
        OGRFeatureH f = OGR_L_GetNextFeature(layer);
        if (!f)
            break;
        Record r;
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
    return records;
}

std::string sheetName(OGRLayerH layer) {
    return OGR_L_GetName(layer);
}

//! The sheet named `wanted` (exactly, then as columnKey compares names), or numbered so (1-based).
int sheetIndexNamed(GDALDatasetH ds, const std::string& wanted, const std::string& path) {
    const int count = GDALDatasetGetLayerCount(ds);
    for (int pass = 0; pass < 2; ++pass)
        for (int i = 0; i < count; ++i) {
            const std::string name = sheetName(GDALDatasetGetLayer(ds, i));
            if (pass == 0 ? name == wanted : columnKey(name) == columnKey(wanted))
                return i;
        }
    const std::string t = text::trim(wanted);
    if (!t.empty() && t.size() < 6 &&
        std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
        if (const int n = std::stoi(t); n >= 1 && n <= count)
            return n - 1;
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i)
        names.push_back(sheetName(GDALDatasetGetLayer(ds, i)));
    throw Error(ErrorKind::Format, Location{path, 0, {}, -1},
                names.empty() ? msg("io.table.sheet_not_found_none", {arg::code("wanted", wanted)})
                              : msg("io.table.sheet_not_found",
                                    {arg::code("wanted", wanted), arg::list("found", names, true)}));
}

//! Sheet names of documentation that workbooks put before or after the data ("Documentation",
//! "Lisez-moi", "Notes"...), compared as columnKey folds them.
bool isDocumentationName(const std::string& name) {
    static const char* const names[] = {
        "documentation", "doc",      "lisezmoi",     "readme",   "notes",       "note",
        "sources",       "source",   "metadonnees",  "metadata", "definitions", "avertissement",
        "presentation",  "sommaire", "informations", "info",     "aide",        "help"};
    const std::string key = columnKey(name);
    return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return key == n; });
}

//! The largest number of distinct expected columns one of the first rows holds.
std::size_t expectedColumnsInBestRow(const std::vector<Record>& records,
                                     const std::vector<std::string>& names) {
    const std::vector<std::string> expected = columnKeys(names);
    std::size_t best = 0;
    for (std::size_t i = 0; i < records.size() && i < kSampleRecords; ++i)
        best = std::max(best, expectedColumnsIn(records[i], expected));
    return best;
}

//! With no expected column: whether a sheet looks like a table (two rows of two cells or more) in a
//! sheet not named as documentation.
bool looksLikeData(OGRLayerH layer, const std::vector<Record>& records) {
    if (isDocumentationName(sheetName(layer)))
        return false;
    std::size_t wide = 0;
    for (const auto& r : records)
        if (effectiveWidth(r) >= 2 && ++wide >= 2)
            return true;
    return false;
}

//! The sheet whose header holds the most expected columns (the first of equals: documentation sheets
//! list column names too, one a row), or with none expected the first that looks like a table.
int detectSheet(GDALDatasetH ds, const TableReadOptions& options, std::vector<Record>& firstRecords) {
    const auto& expected = options.expectedColumns;
    OGRLayerH first = GDALDatasetGetLayer(ds, 0);
    firstRecords = sheetRecords(first);
    int chosen = 0;
    std::size_t best = expected.empty() ? 0 : expectedColumnsInBestRow(firstRecords, expected);
    if (expected.empty() && looksLikeData(first, firstRecords))
        return 0;
    for (int i = 1; i < GDALDatasetGetLayerCount(ds); ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(ds, i);
        const std::vector<Record> sample = sheetRecords(layer, kSampleRecords);
        if (expected.empty() && looksLikeData(layer, sample))
            return i;
        if (const std::size_t n = expected.empty() ? 0 : expectedColumnsInBestRow(sample, expected);
            n > best) {
            best = n;
            chosen = i;
        }
    }
    return chosen;
}

//! One warning naming the sheet read, why when it is not the first, and the sheets left unread.
void warnSheetChoice(GDALDatasetH ds, int chosen, const TableReadOptions& options, const std::string& path,
                     Warnings& warnings) {
    const int count = GDALDatasetGetLayerCount(ds);
    std::vector<std::string> others;
    for (int i = 0; i < count; ++i)
        if (i != chosen)
            others.push_back(sheetName(GDALDatasetGetLayer(ds, i)));
    std::vector<MessageArg> args = {arg::code("sheet", sheetName(GDALDatasetGetLayer(ds, chosen))),
                                    arg::integer("position", chosen + 1), arg::integer("count", count),
                                    arg::list("others", others, true)};
    if (chosen == 0) {
        warn(warnings, path, 0, msg("io.table.sheet_read", std::move(args)));
        return;
    }
    args.push_back(arg::code("first", sheetName(GDALDatasetGetLayer(ds, 0))));
    if (options.expectedColumns.empty()) {
        warn(warnings, path, 0, msg("io.table.sheet_read_first_is_documentation", std::move(args)));
        return;
    }
    args.push_back(arg::list("expected", options.expectedColumns));
    warn(warnings, path, 0, msg("io.table.sheet_read_more_columns", std::move(args)));
}

//! Opens a spreadsheet (the caller sets the driver options; `gdalErrors` collects GDAL's words).
DatasetPtr openSpreadsheet(const std::string& path, const std::string& gdalName,
                           const GdalErrorCollector& gdalErrors) {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
    static const char* const drivers[] = {"XLSX", "ODS", "XLS", nullptr};
    GDALDatasetH ds =
        GDALOpenEx(gdalName.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr);
    if (!ds)
        throw Error(ErrorKind::CannotOpen, Location{path, 0, {}, -1},
                    withGdalReason(msg("io.table.cannot_open_spreadsheet"),
                                   msg("io.table.cannot_open_spreadsheet_gdal"), gdalErrors.reason()));
    return DatasetPtr(GDALDataset::FromHandle(ds));
}

} // namespace

//! `gdalName` is what GDAL opens: the path, or "XLSX:path" / "ODS:path" for a misnamed file.
Table readSpreadsheet(const std::string& path, const TableReadOptions& options, const std::string& gdalName) {
    // Headers are detected here (title rows), and every cell is read as text so that codes keep
    // their leading zeros when the spreadsheet stored them as text.
    ScopedGdalConfig xlsxHeaders("OGR_XLSX_HEADERS", "DISABLE");
    ScopedGdalConfig xlsxTypes("OGR_XLSX_FIELD_TYPES", "STRING");
    ScopedGdalConfig odsHeaders("OGR_ODS_HEADERS", "DISABLE");
    ScopedGdalConfig odsTypes("OGR_ODS_FIELD_TYPES", "STRING");
    ScopedGdalConfig xlsHeaders("OGR_XLS_HEADERS", "DISABLE");
    ScopedGdalConfig xlsTypes("OGR_XLS_FIELD_TYPES", "STRING");
    GdalErrorCollector gdalErrors; // GDAL's messages go into ours, not to stderr
    const DatasetPtr dataset = openSpreadsheet(path, gdalName, gdalErrors);
    GDALDatasetH ds = GDALDataset::ToHandle(dataset.get());
    if (GDALDatasetGetLayerCount(ds) == 0)
        throw Error(ErrorKind::Format, Location{path, 0, {}, -1}, msg("io.table.no_sheet"));

    Warnings warnings;
    std::vector<Record> records;
    const int chosen =
        options.sheet.empty() ? detectSheet(ds, options, records) : sheetIndexNamed(ds, options.sheet, path);
    if (!options.sheet.empty() || chosen != 0)
        records = sheetRecords(GDALDatasetGetLayer(ds, chosen));
    if (options.sheet.empty() && GDALDatasetGetLayerCount(ds) > 1)
        warnSheetChoice(ds, chosen, options, path, warnings);
    Table table = buildTable(records, path, options, std::nullopt, "row", 0, warnings);
    table.encoding = "UTF-8";
    table.sheet = sheetName(GDALDatasetGetLayer(ds, chosen));
    table.warnings = std::move(warnings);
    return table;
}

} // namespace maillage::io::detail
