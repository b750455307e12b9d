#pragma once
// Internal to core/io/table_writer.cpp and table_writer_gdal.cpp: what the GDAL formats share with the CSV
// writer, and their entry point.
#include "core/io/table_writer.h"

class GDALDataset;

#include <cstddef>
#include <string>
#include <vector>

namespace maillage::io::detail {

//! GDAL's driver name for `format`; nullptr for the CSV formats (written by hand).
const char* gdalDriverOf(TableFormat format);
//! The text of a cell in machine formats ("" for empty and masked cells): numbers with the column's
//! decimals, '.' decimals whatever the locale, percents as fractions, booleans as 0/1.
std::string machineCell(const Cell& cell, const Column& column);
//! True when the table's flag column is written after its columns.
bool hasFlagColumn(const ResultTable& table);
//! The header of `table` in the given style and language, the flag column included.
std::vector<std::string> headerOf(const ResultTable& table, HeaderStyle header, Language language);
//! Where table `index` goes in formats of one file per table: the target, then "<stem>_<name><ext>".
std::string filePathOf(const std::vector<ResultTable>& tables, std::size_t index, const std::string& target);
//! Writes `tables` to `target` with GDAL (xlsx, ods, gpkg, geojson): temporary files renamed in place.
std::vector<std::string> writeGdalFiles(const std::vector<ResultTable>& tables, const std::string& target,
                                        const TableWriteOptions& options);

//! Writes `tables` as layers of the GeoPackage `ds`, open for update (field names: the column keys, titles
//! and captions in `language`), in one transaction; errors name `target`. The layers must not exist yet.
void writeGpkgTables(GDALDataset& ds, const std::vector<ResultTable>& tables, const std::string& target,
                     Language language);

} // namespace maillage::io::detail
