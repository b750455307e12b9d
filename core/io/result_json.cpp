#include "core/io/result_json.h"

#include "core/io/table_writer_gdal.h"

#include <cmath>
#include <cstdlib>

namespace maillage::io {

namespace {

//! Adds the cell under `key`: null when empty or masked, else the value machine formats write.
void addCell(CPLJSONObject& object, const std::string& key, const Cell& cell, const Column& column) {
    if (!cell.hasValue()) {
        object.AddNull(key);
        return;
    }
    switch (column.type) {
    case ColumnType::Text:
    case ColumnType::Code:
        object.Add(key, cell.text);
        return;
    case ColumnType::Boolean:
        object.Add(key, cell.number != 0);
        return;
    case ColumnType::Integer:
        object.Add(key, static_cast<GInt64>(std::llround(cell.number)));
        return;
    case ColumnType::Real:
    case ColumnType::Percent: {
        // The figure of the CSV (rounded to the column's decimals: the rounding may be what hides a
        // masked count, see CrunchMask::concentration), read back as a number.
        const std::string text = detail::machineCell(cell, column);
        if (text.empty())
            object.AddNull(key); // not finite
        else
            object.Add(key, std::strtod(text.c_str(), nullptr));
        return;
    }
    }
}

} // namespace

CPLJSONObject rowJson(const ResultTable& table, std::size_t row, const std::vector<std::string>& keys) {
    CPLJSONObject object;
    bool masked = false;
    const auto add = [&](std::size_t c) {
        const Cell& cell = table.rows[row].cells[c];
        addCell(object, table.columns[c].key, cell, table.columns[c]);
        masked = masked || cell.masked;
    };
    if (keys.empty()) {
        for (std::size_t c = 0; c < table.columns.size(); ++c)
            add(c);
    } else {
        for (const std::string& key : keys)
            if (const int c = table.column(key); c >= 0)
                add(static_cast<std::size_t>(c));
    }
    if (detail::hasFlagColumn(table))
        object.Add(table.maskedFlagColumn, masked);
    return object;
}

CPLJSONArray rowsJson(const ResultTable& table, const std::vector<std::string>& keys) {
    CPLJSONArray rows;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        rows.Add(rowJson(table, r, keys));
    return rows;
}

CPLJSONObject secrecyJson(const ResultTable& table, Language language) {
    CPLJSONObject secrecy;
    secrecy.Add("applied", table.secrecyApplied);
    if (table.secrecyApplied)
        secrecy.Add("threshold", table.secrecyThreshold);
    else
        secrecy.AddNull("threshold");
    secrecy.Add("note", word(secrecyNote(table.secrecyThreshold, table.secrecyApplied), language));
    return secrecy;
}

} // namespace maillage::io
