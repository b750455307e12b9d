#pragma once
// CSV tokenising, shared by the table reader (core/io/table) and the profession catalogue: one
// implementation of quotes, separators and line numbers. Text in, records out; no I/O, no encodings.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage::text {

//! One record of CSV text.
struct CsvRecord {
    long line = 0;                   //!< 1-based line where the record starts
    std::vector<std::string> fields; //!< as written, quotes removed ("" inside quotes -> ")
};

//! A quoted field still open at the end of the text.
struct CsvOpenQuote {
    long line = 0;         //!< where the quote opened
    std::size_t field = 0; //!< 0-based field index in its record
};

//! How many line ends ('\n') `s` holds: what a table of its lines is reserved for.
std::size_t countLines(std::string_view s);

//! RFC 4180 with the leniency real files need: CRLF, LF or CR line ends; newlines inside quotes are kept
//! as '\n' and counted as lines; quotes inside unquoted fields are kept; text after a closing quote is
//! appended to the field; a trailing separator ends with an empty field; a blank line is a record of one
//! empty field.
//! Appends to `records`; returns the open quote (its record is appended, unfinished) when the text
//! ends inside one.
std::optional<CsvOpenQuote> tokenizeCsv(std::string_view s, char sep, std::vector<CsvRecord>& records);

//! The same tokenising, one record at a time (tokenizeCsv is this loop): for readers that use each record
//! as it comes rather than holding them all.
class CsvTokenizer {
public:
    CsvTokenizer(std::string_view s, char sep);
    //! The next record into `record`, whose strings are reused (no allocation for a record as wide as the
    //! one before, with fields no longer); false at the end of the text.
    bool next(CsvRecord& record);
    //! Set when the record next() returned last ends inside a quoted field (the text is then at its end).
    const std::optional<CsvOpenQuote>& openQuote() const { return m_openQuote; }

private:
    const char* m_p;
    const char* m_end;
    char m_sep;
    //! The characters that end an unquoted field: the separator and the line ends (one lookup each).
    std::array<bool, 256> m_stops{};
    long m_line = 1;
    std::optional<CsvOpenQuote> m_openQuote;
};

} // namespace maillage::text
