#pragma once
// Reading tables as French public data really is: CSV with ';' or ',' or tab, UTF-8 (with or without
// BOM) or Latin-1 (Windows-1252), title lines above the header, quoted fields; XLSX and ODS through GDAL.
// Blank lines (and lines holding only separators) are skipped; lines above the header are skipped with
// one warning; cells are kept as written (not trimmed); header names are trimmed. UTF-16 files (Excel's
// "Unicode text") are recognised by their BOM, or without one by their NUL pattern (with a warning).
// Pipes and FIFOs are read too (`<(zcat x.csv.gz)`).
// Encoding detection (no encoding given): UTF-8 when the whole file is valid UTF-8; else decided line by
// line (text::decodeUtf8OrWindows1252): valid UTF-8 lines stay UTF-8, the others are read as
// Windows-1252, with a warning naming the encoding ("decoded as Windows-1252 (not UTF-8)") or, when a file
// mixes both, the lines read as Windows-1252. A NUL byte in text that is not UTF-16 is an error naming
// its line (a binary file). Tokenising is text::tokenizeCsv.
// Refused: two columns with the same name (as columnKey compares them: lookups would pick one silently),
// and a table with a header but no data row.
#include "core/model/error.h"

#include <memory>
#include <string>
#include <vector>

namespace maillage::io {

struct TableReadOptions {
    char separator = 0;   //!< 0 = detect among ';' ',' '\t' '|'
    std::string encoding; //!< "" = detect (see above); "UTF-8", "CP1252", "LATIN1", "UTF-16LE", "UTF-16BE"
    int headerLine = 0;   //!< 1-based line of the header; 0 = detect (first line holding one of
                          //!< `expectedColumns`, else the first line with at least as many fields as
                          //!< most lines: title lines above a header are narrower)
    std::vector<std::string> expectedColumns; //!< help header and sheet detection; matched with columnKey
    //! XLSX/ODS sheet: its name (matched exactly, then with columnKey) or its 1-based number ("2");
    //! "" = detect: the first sheet, unless it holds none of `expectedColumns` (or, without them, no
    //! table: a documentation sheet) and a later sheet does. A workbook of several sheets read without
    //! a sheet named gives a warning naming the sheet read and the others.
    std::string sheet;
};

//! What a table says before its rows: its source, header and how it was read.
struct TableHead {
    std::string source; //!< the path as given
    std::vector<std::string> header;
    long headerLine = 0;  //!< 1-based line (CSV) or row (spreadsheet) of the header
    char separator = 0;   //!< what was used (CSV)
    std::string encoding; //!< what was used: "UTF-8", "CP1252", "UTF-8+CP1252" (line by line), "LATIN1",
                          //!< "UTF-16"
    std::string sheet;    //!< the sheet read (XLSX/ODS), "" for text files
    Warnings warnings;    //!< what reading found odd (encoding guessed, sheet chosen, title lines skipped)

    //! Index of a column whose name matches `name` as columnKey compares them (case, accents, spaces and
    //! punctuation ignored); -1 if absent.
    int column(const std::string& name) const;
    //! Like column() but throws Error(Format) naming the file, the missing column and the columns found.
    int requireColumn(const std::string& name) const;
    //! Location of the cell of `column` (-1: none) on `line`, for messages.
    Location locate(long line, int column) const;
};

//! A table of text cells, every row with the line (CSV) or row (spreadsheet) it came from.
struct Table : TableHead {
    std::vector<std::vector<std::string>> rows; //!< every row has header.size() cells (short rows padded)
    std::vector<long> lines;                    //!< 1-based source line of each row

    //! Location of a cell, for messages.
    Location at(std::size_t row, int column) const;
    //! The cell, or an empty string when `column` is -1.
    const std::string& cell(std::size_t row, int column) const;
};

//! A table read one row at a time, for readers that use each row as it comes: the same reading as
//! readTable (encodings, separator, header and title lines; the same warnings and errors, each when its
//! row is reached), without holding every row as strings. Text is tokenised as it is read; a spreadsheet
//! is read whole (GDAL), then handed out row by row.
class TableRows {
public:
    //! Opens and reads `path` up to its header (the errors of readTable about the file and its header);
    //! the warnings so far are in head().warnings, and appended to `warnings` when given.
    explicit TableRows(const std::string& path, const TableReadOptions& options = {},
                       Warnings* warnings = nullptr);
    //! The same from text in memory; `sourceName` is used in messages.
    static TableRows fromText(std::string bytes, const std::string& sourceName,
                              const TableReadOptions& options = {}, Warnings* warnings = nullptr);
    TableRows(TableRows&&) noexcept;
    TableRows& operator=(TableRows&&) noexcept;
    ~TableRows();

    const TableHead& head() const;
    //! Moves to the next row (blank lines skipped); false after the last. Throws Error(Format) for a row
    //! wider than the header, a quote never closed, a table without a data row.
    bool next();
    //! The current row: header().size() cells (short rows padded), and its 1-based line.
    const std::vector<std::string>& cells() const;
    long line() const;
    //! About how many rows there are (the lines of a text), for reserving.
    std::size_t expectedRows() const;
    //! The current row's cells, moved out (next() then starts a new row).
    std::vector<std::string> takeCells();

    struct State; //!< internal to core/io/table.cpp

private:
    TableRows();
    std::unique_ptr<State> m_state;
};

//! Folds a column name for loose matching: text::matchKey, the key profession aliases are matched with
//! too: accents folded, lower case, letters and digits only ("N° Code_Géo" -> "ncodegeo", "BV 2012" ->
//! "bv2012").
std::string columnKey(const std::string& name);

//! Reads a CSV/TSV/TXT (own reader: line numbers, encodings, header offset) or an XLSX/ODS (GDAL).
//! Throws Error: FileNotFound, CannotOpen, Format (empty file, no header, no data row, a column name
//! twice, a NUL byte, unterminated quote at line N, a row with more fields than the header...).
//! Recoverable oddities are in Table::warnings, and also appended to `warnings` when given.
//! Never crashes nor hangs on arbitrary bytes (a fuzz target calls it).
Table readTable(const std::string& path, const TableReadOptions& options = {}, Warnings* warnings = nullptr);

//! Same, from text in memory (tests, embedded resources, fuzzing). `sourceName` is used in messages.
Table parseCsvText(const std::string& bytes, const std::string& sourceName,
                   const TableReadOptions& options = {}, Warnings* warnings = nullptr);

} // namespace maillage::io
