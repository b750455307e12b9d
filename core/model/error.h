#pragma once
// Typed errors and warnings of the engine. Every message names what the user must act on:
// the file, the line (1-based, as a text editor shows it) or feature, the column, and what was expected.
#include "core/model/message.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace maillage {

//! Where in the input a problem lies. Empty/zero members are unknown.
struct Location {
    std::string file;   //!< path as the user gave it
    long line = 0;      //!< 1-based line (CSV) or row (spreadsheet); 0 = not applicable
    std::string column; //!< column name as in the header, or the field name
    long feature = -1;  //!< feature id for vector data; -1 = not applicable
    std::string key;    //!< a parameter key ("poles.metropole_min") for parameter errors

    //! "communes.csv, ligne 12, colonne « code »" style prefix, in English: "communes.csv: line 12, column
    //! 'code'"; a parameter is named as such: "params.json: parameter 'poles.metropole_min'".
    std::string describe() const;
    //! The same in `language`: "communes.csv, ligne 12, colonne « code »".
    std::string describe(Language language, PathStyle paths = PathStyle::AsGiven) const;
};

enum class ErrorKind {
    FileNotFound,
    CannotOpen,
    Format,    //!< structure is wrong: missing column, truncated file, no header...
    Value,     //!< a cell holds something that cannot be used
    Duplicate, //!< the same key twice where it must be unique
    Join,      //!< keys that do not match between two inputs (fatal only when asked)
    Geometry,  //!< invalid or missing geometry
    Parameter, //!< a parameter value out of its domain
    Write,     //!< output could not be written
    Canceled,  //!< the user cancelled a long computation
    Internal
};

//! A fatal error: the operation stopped, nothing was written.
class Error : public std::runtime_error {
public:
    //! A message of the catalogue (message.h): worded in the user's language where it is shown.
    Error(ErrorKind kind, Location where, Message message);
    //! Raw text, shown as is in every language (to be replaced by catalogue messages).
    Error(ErrorKind kind, Location where, const std::string& message);
    ErrorKind kind() const { return m_kind; }
    const Location& where() const { return m_where; }
    const Message& message() const { return m_message; }
    //! The bare message without the location, in English (what() adds the location).
    const std::string& detail() const { return m_detail; }
    //! Location and message in `language`.
    std::string describe(Language language, PathStyle paths = PathStyle::AsGiven) const;

private:
    ErrorKind m_kind;
    Location m_where;
    Message m_message;
    std::string m_detail;
};

//! A non-fatal problem: the operation went on; the user is told.
struct Warning {
    ErrorKind kind = ErrorKind::Value;
    Location where;
    std::string message;              //!< legacy English sentence, used when `text` is empty
    std::vector<std::string> details; //!< e.g. the list of unmatched codes (in English when worded)
    //! The details as messages of the catalogue ("ligne 5, colonne « count » : « 1,5 »"), worded by
    //! describe() in its language; empty when the details are plain codes (shown as they are).
    std::vector<Message> detailTexts;
    Message text = {}; //!< the message of the catalogue (message.h)
    //! In English, with the location and the first details.
    std::string toString() const;
    //! In `language`, with the location and the first details.
    std::string describe(Language language, PathStyle paths = PathStyle::AsGiven) const;
    //! The bare sentence (no location, no details) in `language`.
    std::string sentence(Language language, PathStyle paths = PathStyle::AsGiven) const;
};

//! A warning worded from the catalogue.
Warning makeWarning(ErrorKind kind, Location where, Message text, std::vector<std::string> details = {});
//! A warning whose details are worded too (lines, columns, row counts).
Warning makeDetailedWarning(ErrorKind kind, Location where, Message text, std::vector<Message> details);
//! A count or a line number as digits only ("15876", for {n?row|rows} too): the English wording of
//! the details and sentences existing outputs show.
MessageArg digits(std::string name, long long value);

using Warnings = std::vector<Warning>;

} // namespace maillage
