#pragma once
// Result tables (core/io/result_table.h) as plain JSON values (GDAL's CPLJSON), for the JSON documents
// of the command line (maillage crunch --output F.json). Values as machine formats write them: numbers
// with the column's decimals (the same figures as the CSV), percents as fractions, booleans as true /
// false, codes and text as strings; empty and masked cells are null, and a row holding a masked cell has
// "masked": true (false otherwise) when the table has a flag column.
#include "core/io/result_table.h"

#include <cpl_json.h>

#include <cstddef>
#include <string>
#include <vector>

namespace maillage::io {

//! Row `row` of `table` as an object: the cells of the columns `keys` (every column when empty) under
//! their keys, then the flag "masked" (true when one of those cells is masked) unless the table has none.
CPLJSONObject rowJson(const ResultTable& table, std::size_t row, const std::vector<std::string>& keys = {});
//! Every row of `table` as rowJson objects, in order.
CPLJSONArray rowsJson(const ResultTable& table, const std::vector<std::string>& keys = {});
//! The secrecy of `table`: {"applied": bool, "threshold": number|null, "note": the caption's secrecy line
//! in `language`}.
CPLJSONObject secrecyJson(const ResultTable& table, Language language);

} // namespace maillage::io
