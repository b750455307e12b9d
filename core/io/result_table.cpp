#include "core/io/result_table.h"

#include <cmath>

namespace maillage::io {

std::string tableTitle(const ResultTable& table, Language language) {
    const std::string& preferred = language == Language::Fr ? table.titleFr : table.titleEn;
    return preferred.empty() ? (language == Language::Fr ? table.titleEn : table.titleFr) : preferred;
}

std::string columnHeader(const ResultTable& table, std::size_t column, Language language) {
    const Column& c = table.columns.at(column);
    const std::string& preferred = language == Language::Fr ? c.headerFr : c.headerEn;
    if (!preferred.empty())
        return preferred;
    return !c.headerFr.empty() ? c.headerFr : c.key;
}

std::string tableCaption(const ResultTable& table, Language language) {
    std::string out = tableTitle(table, language);
    auto line = [&](const std::string& text) {
        if (!text.empty())
            out += (out.empty() ? "" : "\n") + text;
    };
    for (const Message& note : table.notes)
        line(word(note, language));
    // A table without a flag column holds no count of professionals (numbers of BVs): no secrecy line.
    if (table.secrecyApplied || !table.maskedFlagColumn.empty())
        line(word(secrecyNote(table.secrecyThreshold, table.secrecyApplied), language));
    return out;
}

std::string formatCell(const ResultTable& table, std::size_t row, std::size_t column, Language language) {
    const Cell& cell = table.rows.at(row).cells.at(column);
    if (cell.masked)
        return word(msg("results.masked_value", {arg::number("threshold", table.secrecyThreshold)}),
                    language);
    if (cell.empty)
        return {};
    const Column& c = table.columns.at(column);
    switch (c.type) {
    case ColumnType::Text:
    case ColumnType::Code:
        return cell.text;
    case ColumnType::Integer:
        return word(msg("results.value", {arg::number("value", std::round(cell.number), 0)}), language);
    case ColumnType::Real:
        return word(msg("results.value", {arg::number("value", cell.number, c.decimals)}), language);
    case ColumnType::Percent:
        return word(
            msg("results.value", {arg::percent("value", cell.number, c.decimals < 0 ? 1 : c.decimals)}),
            language);
    case ColumnType::Boolean:
        return word(msg(cell.number != 0 ? "results.yes" : "results.no"), language);
    }
    return {};
}

namespace {
//! Values first, then masked cells, then empty cells.
int rank(const Cell& c) {
    return c.masked ? 1 : c.empty ? 2 : 0;
}
} // namespace

bool cellLess(const Cell& a, const Cell& b, ColumnType type) {
    if (rank(a) != rank(b))
        return rank(a) < rank(b);
    if (rank(a) != 0)
        return false; // masked cells are one block: their order must not hint at their values
    if (type == ColumnType::Text || type == ColumnType::Code)
        return a.text < b.text;
    return a.number < b.number;
}

} // namespace maillage::io
