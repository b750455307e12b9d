#pragma once
// Reading tables as French public data really is: CSV with ';' or ',' or tab, UTF-8 (with or without
// BOM) or Latin-1 (Windows-1252), title lines above the header, quoted fields; XLSX and ODS through GDAL.
// Blank lines (and lines holding only separators) are skipped; lines above the header are skipped with
// one warning; cells are kept as written (not trimmed); header names are trimmed. UTF-16 files (Excel's
// "Unicode text") are recognised by their BOM. Pipes and FIFOs are read too (`<(zcat x.csv.gz)`).
// Decoding is text::firstInvalidUtf8 / windows1252ToUtf8 / utf16ToUtf8, tokenising text::tokenizeCsv.
#include "core/model/error.h"

#include <string>
#include <vector>

namespace maillage::io {

struct TableReadOptions {
    char separator = 0;   //!< 0 = detect among ';' ',' '\t' '|'
    std::string encoding; //!< "" = detect (UTF-8 if valid, else Windows-1252); "UTF-8", "LATIN1", "CP1252"
    int headerLine = 0;   //!< 1-based line of the header; 0 = detect (first line holding one of
                          //!< `expectedColumns`, else the first line with at least as many fields as
                          //!< most lines: title lines above a header are narrower)
    std::vector<std::string> expectedColumns; //!< help header detection; matched with columnKey
    std::string sheet;                        //!< XLSX/ODS sheet (layer) name; "" = first sheet
};

//! A table of text cells, every row with the line (CSV) or row (spreadsheet) it came from.
struct Table {
    std::string source; //!< the path as given
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows; //!< every row has header.size() cells (short rows padded)
    std::vector<long> lines;                    //!< 1-based source line of each row
    long headerLine = 0;                        //!< 1-based line (CSV) or row (spreadsheet) of the header
    char separator = 0;                         //!< what was used (CSV)
    std::string encoding;                       //!< what was used: "UTF-8" or "CP1252" ("LATIN1", "UTF-16")

    //! Index of a column whose name matches `name` as columnKey compares them (case, accents, spaces and
    //! punctuation ignored); -1 if absent.
    int column(const std::string& name) const;
    //! Like column() but throws Error(Format) naming the file, the missing column and the columns found.
    int requireColumn(const std::string& name) const;
    //! Location of a cell, for messages.
    Location at(std::size_t row, int column) const;
    //! The cell, or an empty string when `column` is -1.
    const std::string& cell(std::size_t row, int column) const;
};

//! Folds a column name for loose matching: text::matchKey, the key profession aliases are matched with
//! too: accents folded, lower case, letters and digits only ("N° Code_Géo" -> "ncodegeo", "BV 2012" ->
//! "bv2012").
std::string columnKey(const std::string& name);

//! Reads a CSV/TSV/TXT (own reader: line numbers, encodings, header offset) or an XLSX/ODS (GDAL).
//! Throws Error: FileNotFound, CannotOpen, Format (empty file, no header, unterminated quote at
//! line N, a row with more fields than the header...). Recoverable oddities go to `warnings`.
Table readTable(const std::string& path, const TableReadOptions& options = {}, Warnings* warnings = nullptr);

//! Same, from text in memory (tests, embedded resources). `sourceName` is used in messages.
Table parseCsvText(const std::string& bytes, const std::string& sourceName,
                   const TableReadOptions& options = {}, Warnings* warnings = nullptr);

} // namespace maillage::io
