#pragma once
// A typed table of results, as every output writes it (core/io/table_writer.h: CSV, spreadsheets,
// GeoPackage, GeoJSON; the GUI's tables; the command line's text). Secrecy is decided before
// (core/analysis/secrecy.h): a cell is a value, empty (not applicable, unknown) or masked.
// Pure data: the builders of core/analysis/result_tables.h fill it without linking core/io.
#include "core/model/message.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace maillage::io {

//! What a column holds, for typed outputs (GDAL field types, .csvt, number formatting).
enum class ColumnType {
    Text,    //!< free text (names, reasons)
    Code,    //!< an identifier written as text, never a number ("02018", "2A004")
    Integer, //!< whole number (counts, years, types)
    Real,    //!< real number with Column::decimals decimals
    Percent, //!< a fraction 0..1: machine formats write the fraction, human ones "19,4 %"
    Boolean  //!< 0/1, "oui"/"non" in human outputs
};

//! One column.
struct Column {
    std::string key;      //!< field name in machine formats: ASCII, lower case ("per_10000")
    std::string headerFr; //!< header of human outputs ("Densité pour 10 000 hab.")
    std::string headerEn; //!< "Density per 10,000 inhabitants"
    ColumnType type = ColumnType::Text;
    std::string unit;  //!< "km", "min", "habitants", "" (in captions and the GUI's headers)
    int decimals = -1; //!< Real/Percent: decimals written (-1: as many as show the value, up to 6)
};

//! One cell: a value, nothing, or a value masked by statistical secrecy.
struct Cell {
    std::string text;    //!< Text and Code columns
    double number = 0;   //!< Integer, Real, Percent (fraction), Boolean (0 or 1)
    bool empty = false;  //!< no value: written as an empty cell / NULL field, not flagged
    bool masked = false; //!< secret: written as an empty cell / NULL field and flagged

    //! A text or code.
    static Cell of(std::string value) {
        Cell c;
        c.text = std::move(value);
        return c;
    }
    //! A number (or a boolean as 0/1).
    static Cell of(double value) {
        Cell c;
        c.number = value;
        return c;
    }
    //! No value.
    static Cell none() {
        Cell c;
        c.empty = true;
        return c;
    }
    //! A masked value (the value itself is not kept: a masked cell can never leak it).
    static Cell secret() {
        Cell c;
        c.masked = true;
        return c;
    }
    //! `value`, or secret() when `masked`.
    static Cell orSecret(double value, bool masked) { return masked ? secret() : of(value); }
    bool hasValue() const { return !empty && !masked; }
};

//! One row: a cell per column, and an optional geometry.
struct Row {
    std::vector<Cell> cells;
    //! Geometry hook for GeoPackage/GeoJSON layers: ISO WKB in ResultTable::epsg; empty = none.
    std::vector<std::uint8_t> wkb;
};

//! A table of results with what its caption must say.
struct ResultTable {
    std::string name; //!< layer/sheet name and file suffix: ASCII, lower case ("density", "links_isolated")
    std::string titleFr, titleEn; //!< "Densités par commune : médecins généralistes, 2021"
    std::vector<Column> columns;
    std::vector<Row> rows;
    //! Notes of the caption (sources, method, vintages...), worded in the output's language.
    std::vector<Message> notes;
    //! The secrecy threshold applied (counts from 1 to threshold − 1 masked); 0 when nothing was masked
    //! because secrecy was off. The caption says which (core/analysis/secrecy.h: secrecyNote).
    double secrecyThreshold = 0;
    bool secrecyApplied = false; //!< true when the builder applied secrecy (even if no cell was masked)
    //! Key of the flag column machine formats add (1 when a cell of the row is masked); "" = none.
    std::string maskedFlagColumn = "masked";
    int epsg = 0; //!< EPSG code of the rows' WKB (2154 for the dataset's geometries); 0 = no geometry

    //! Index of the column `key`; -1 when absent.
    int column(const std::string& key) const {
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i].key == key)
                return static_cast<int>(i);
        return -1;
    }
    //! True when a cell of row `row` is masked.
    bool rowMasked(std::size_t row) const {
        for (const Cell& c : rows[row].cells)
            if (c.masked)
                return true;
        return false;
    }
    //! Number of rows with a masked cell.
    int maskedRows() const {
        int n = 0;
        for (std::size_t r = 0; r < rows.size(); ++r)
            n += rowMasked(r) ? 1 : 0;
        return n;
    }
    //! True when some row has geometry.
    bool hasGeometry() const {
        for (const Row& r : rows)
            if (!r.wkb.empty())
                return true;
        return false;
    }
};

//! Receives the rows of a table one at a time (a GeoPackage layer being written): the row may be reused by
//! the producer for the next one, the sink copies what it keeps.
using RowSink = std::function<void(const Row&)>;

//! A table too large to hold whole (a dataset's per-commune results: 240,000 rows nationally), produced row
//! by row as its writer takes them.
struct StreamedTable {
    //! Name, titles, columns, notes and secrecy of the table; no rows.
    ResultTable layout;
    //! Computes the rows and hands each to the sink, in order. May throw Error.
    std::function<void(const RowSink&)> rows;
};

//! The rows of `table` gathered in memory, with its layout: for small tables, tests and on-screen outputs.
inline ResultTable gatherRows(const StreamedTable& table) {
    ResultTable out = table.layout;
    if (table.rows)
        table.rows([&](const Row& row) { out.rows.push_back(row); });
    return out;
}

//! The caption line of secrecy: "secret statistique : effectifs inférieurs à 5 masqués" /
//! "statistical secrecy: counts below 5 masked"; when not applied, that nothing was masked.
inline Message secrecyNote(double threshold, bool applied) {
    return applied ? msg("results.secrecy_note", {arg::number("threshold", threshold)})
                   : msg("results.secrecy_off");
}

//! The title in `language` (the other language's when that one is empty).
std::string tableTitle(const ResultTable& table, Language language);
//! The header of column `column` in `language`.
std::string columnHeader(const ResultTable& table, std::size_t column, Language language);
//! The caption: title, notes, and the secrecy note ("secret statistique : effectifs inférieurs à 5
//! masqués"), one per line.
std::string tableCaption(const ResultTable& table, Language language);
//! A cell for people (GUI tables, terminal, human spreadsheets): "< 5" when masked, "" when empty,
//! numbers with the language's separators and the column's decimals, percents as "19,4 %", booleans
//! "oui"/"non".
std::string formatCell(const ResultTable& table, std::size_t row, std::size_t column, Language language);
//! Sort order for GUI tables that does not reveal masked values: values in order, then every masked
//! cell as one block (ties among them keep their order), then empty cells. Returns a < b.
bool cellLess(const Cell& a, const Cell& b, ColumnType type);

} // namespace maillage::io
