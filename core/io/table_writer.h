#pragma once
// The one output layer of result tables (core/io/result_table.h): csv, csv-fr, xlsx, ods, gpkg,
// geojson, standard output, .csvt sidecars, and output safety.
//
// Formats:
//  - csv: UTF-8 without BOM, ',' separator, '.' decimals, header = column keys;
//  - csv-fr: UTF-8 with BOM, ';' separator, ',' decimals (what French Excel opens as it is);
//  - xlsx, ods: GDAL's XLSX/ODS drivers, one sheet per table, typed cells;
//  - gpkg: GDAL's GPKG driver, one attribute table per table, or a layer when rows carry geometry;
//  - geojson: GDAL's GeoJSON driver (RFC 7946: geometries reprojected to WGS 84), one file per table.
// Masked cells are empty cells (NULL fields) in every format, and the table's flag column
// (ResultTable::maskedFlagColumn, "masked") says which rows hold one. Text for people ("< 5") is
// formatCell's (result_table.h).
//
// Several tables: xlsx/ods/gpkg hold them all (sheets, layers); csv and geojson write the first table
// at the target and each other one beside it as "<stem>_<table name><ext>"; on standard output, CSV
// tables follow each other, separated by an empty line.
//
// Output safety: regular files are written to a temporary file beside them and renamed in place, all
// files of one call together (atomic_file.h: PendingFile), so that a failure leaves the previous files
// untouched and no partial file; character devices and FIFOs (/dev/stdout, a pipe) are written directly
// (CSV only), and so are /dev/stdout, /dev/fd/N and /proc/self/fd/N when they lead to a file the shell
// opened (`--output /dev/stdout > out.csv`: appended to); "-" is standard output (CSV only); folders,
// symbolic links, other special files and database connection strings (PG:, postgresql://, MSSQL:, MySQL:,
// OCI:, ODBC:...) are refused with a message naming the target (a connection string is never echoed: it may
// hold a password).
#include "core/io/result_table.h"

#include <ostream>
#include <string>
#include <vector>

namespace maillage::io {

enum class TableFormat { Csv, CsvFr, Xlsx, Ods, Gpkg, GeoJson };

//! "csv", "csv-fr", "xlsx", "ods", "gpkg", "geojson" (case-insensitive) → format; false otherwise.
bool parseTableFormat(const std::string& text, TableFormat& out);
//! "csv", "csv-fr", "xlsx", "ods", "gpkg", "geojson".
std::string tableFormatName(TableFormat format);
//! Every name parseTableFormat accepts, in the order above (for help texts and messages).
std::vector<std::string> tableFormatNames();
//! The format a path's extension names (.csv → csv, .xlsx, .ods, .gpkg, .geojson/.json); `fallback`
//! for other extensions and for "-".
TableFormat tableFormatForPath(const std::string& path, TableFormat fallback);
//! True for the formats that can go to standard output or a device (csv, csv-fr).
bool isStreamable(TableFormat format);

//! How the header of machine formats is written.
enum class HeaderStyle {
    Keys,  //!< column keys ("per_10000"): what scripts and QGIS expect (default)
    Labels //!< headers for people: TableWriteOptions::language (spreadsheets, layers); csv-fr French, csv
           //!< English
};

struct TableWriteOptions {
    TableFormat format = TableFormat::Csv;
    HeaderStyle header = HeaderStyle::Keys;
    Language language = Language::Fr; //!< of Labels headers, and of the caption written in spreadsheets
    bool csvt = true;                 //!< csv/csv-fr to a regular file: write "<file>t" (QGIS field types)
};

//! Where a target leads.
enum class OutputKind {
    StandardOutput, //!< "-"
    Stream,         //!< a device, a pipe or /dev/stdout, /dev/fd/N: written directly
    File            //!< a regular file or an absent path: temporary file then rename
};

//! Classifies `target` and checks that `format` can be written there. Throws Error(Write) naming the
//! target: a folder, a symbolic link (give the file's own path), a socket or other special file, a
//! database connection string ("databases are not supported as output yet", password never shown), a
//! non-CSV format to "-" or a device, a missing or read-only folder.
OutputKind checkTableOutput(const std::string& target, TableFormat format);

//! The paths written for `tables` at `target` ("-": none; csv/geojson: one per table; others: one),
//! with their .csvt sidecars when options.csvt applies.
std::vector<std::string> tableOutputPaths(const std::vector<ResultTable>& tables, const std::string& target,
                                          const TableWriteOptions& options);

//! Writes `tables` to `target` in options.format (see above); "-" writes to `standardOutput`.
//! All files are written, or none (temporaries removed, previous files untouched). Throws Error(Write)
//! naming the target and the reason (GDAL's words when GDAL failed), Error(Value) for an empty list or a
//! row whose cell count differs from the columns'. Returns the paths written (tableOutputPaths).
std::vector<std::string> writeTables(const std::vector<ResultTable>& tables, const std::string& target,
                                     const TableWriteOptions& options, std::ostream& standardOutput);
//! One table.
std::vector<std::string> writeTable(const ResultTable& table, const std::string& target,
                                    const TableWriteOptions& options, std::ostream& standardOutput);

//! Writes a text document (maillage crunch's JSON) to `target` with the safety of writeTables: "-" to
//! `standardOutput`, devices and pipes directly, a regular file through a temporary renamed in place;
//! the same refusals (folders, symbolic links, connection strings). Returns the paths written.
std::vector<std::string> writeDocument(const std::string& text, const std::string& target,
                                       std::ostream& standardOutput);

//! A table as CSV text: csv or csv-fr (BOM, ';', decimal commas) per `format` (any other: csv), header
//! per `header`. Used by writeTables, and by the GUI's Copy.
std::string csvText(const ResultTable& table, TableFormat format, HeaderStyle header = HeaderStyle::Keys);
//! The .csvt sidecar of csvText (one line: "String","Integer","Real"...; codes and text are String),
//! read by GDAL and QGIS to type the columns.
std::string csvtText(const ResultTable& table);

//! True for a GDAL connection string to a database (PG:, postgresql://, MSSQL:, MySQL:, OCI:, ODBC:,
//! MongoDBv3:...), which Maillage does not write to.
bool isDatabaseConnection(const std::string& target);

} // namespace maillage::io
