#pragma once
// Internal to core/io/table.cpp and table_sheets.cpp: what the spreadsheet reader (GDAL) shares with the
// text reader, and its entry point.
#include "core/io/table.h"
#include "core/model/csv.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace maillage::io::detail {

//! One record of the source before the header is known.
using Record = text::CsvRecord;
using OpenQuote = text::CsvOpenQuote;

constexpr std::size_t kSampleRecords = 100; // header and separator detection look this far
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

//! A Format warning at `line` of `source`.
void warn(Warnings& warnings, const std::string& source, long line, Message message,
          std::vector<Message> details = {});
//! The number of fields of `r` up to its last non-blank one.
std::size_t effectiveWidth(const Record& r);
//! columnKey of each name.
std::vector<std::string> columnKeys(const std::vector<std::string>& names);
//! How many distinct `expectedKeys` the fields of `record` hold.
std::size_t expectedColumnsIn(const Record& record, const std::vector<std::string>& expectedKeys);
//! The table of `records`: header found, title lines warned about, rows collected and checked.
Table buildTable(std::vector<Record>& records, const std::string& source, const TableReadOptions& options,
                 const std::optional<OpenQuote>& openQuote, const char* lineWord, char separator,
                 Warnings& warnings);
//! True for .xlsx, .xlsm, .ods and .xls (any case).
bool hasSpreadsheetExtension(const std::string& path);
//! A sheet of an XLSX/ODS/XLS workbook through GDAL (table_sheets.cpp). `gdalName` is what GDAL opens:
//! the path, or "XLSX:path" / "ODS:path" for a misnamed file.
Table readSpreadsheet(const std::string& path, const TableReadOptions& options, const std::string& gdalName);

} // namespace maillage::io::detail
