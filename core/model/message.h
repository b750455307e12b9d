#pragma once
// Messages of the engine as identifiers with arguments, worded in French or English where they are
// shown (the GUI in its interface language, the command line by --lang or the locale).
//
// The engine never builds a sentence for the user: it names what happened (an identifier such as
// "io.file_not_found") and the figures, codes and paths involved (named arguments). word() turns that
// into a sentence with the templates of the catalogue (core/model/messages/*.inc, one file per
// module), formatting numbers with the language's separators ("1 888" / "1,888"), quoting codes
// (« 59350 » / '59350') and showing paths in full or by file name.
//
// Templates: "{name}" is replaced by the argument called name; "{name?one|many}" writes `one` when the
// integer argument name is 1 (or 0 in French, where zero takes the singular) and `many` otherwise.
#include <cstddef>
#include <string>
#include <vector>

namespace maillage {

//! Language of a sentence written by the engine.
enum class Language { Fr, En };

//! How a path argument is shown: as the user gave it (command line), or by its file name (GUI, where
//! the full path is in the tooltip or the title of the dialog).
enum class PathStyle { AsGiven, FileName };

struct Message;

//! One named argument of a message.
struct MessageArg {
    enum class Kind {
        Text,    //!< verbatim (already in the user's words: a column name, a profession label)
        Code,    //!< an identifier from the data (commune code, profession code): quoted
        Path,    //!< a file path
        Integer, //!< a count: thousands separators of the language
        Number,  //!< a real number with `decimals` decimals (-1: as few as show it exactly, up to 2)
        Percent, //!< a fraction 0..1 shown in percent with `decimals` decimals
        List,    //!< items joined with ", " (codes quoted when `quoted`)
        Nested   //!< a message of its own, worded in the same language (a cause, a place name)
    };
    std::string name;
    Kind kind = Kind::Text;
    std::string text;
    double number = 0;
    int decimals = -1;
    bool quoted = false;
    std::vector<std::string> items;
    std::vector<Message> nested; //!< the one message of a Nested argument
};

namespace arg {
MessageArg text(std::string name, std::string value);
MessageArg code(std::string name, std::string value);
MessageArg path(std::string name, std::string value);
MessageArg integer(std::string name, long long value);
MessageArg number(std::string name, double value, int decimals = -1);
MessageArg percent(std::string name, double fraction, int decimals = 1);
MessageArg list(std::string name, std::vector<std::string> items, bool quoted = false);
MessageArg nested(std::string name, Message message);
} // namespace arg

//! A message: an identifier of the catalogue and its arguments. An empty id with one Text argument
//! "text" is a raw message, shown as is in every language (legacy and third-party text, e.g. GDAL's).
struct Message {
    std::string id;
    std::vector<MessageArg> args;

    bool empty() const { return id.empty() && args.empty(); }
    const MessageArg* find(const std::string& name) const;
};

//! A message of the catalogue.
Message msg(std::string id, std::vector<MessageArg> args = {});
//! Text that has no identifier (GDAL's own words): shown as is.
Message raw(std::string text);

//! One entry of the catalogue.
struct MessageTemplate {
    const char* id;
    const char* en;
    const char* fr;
};

//! Every template of the catalogue, in the order of the .inc files.
const std::vector<MessageTemplate>& messageCatalogue();
//! The template of `id`, or nullptr when the catalogue has none.
const MessageTemplate* findTemplate(const std::string& id);

//! The message as a sentence. An unknown identifier is shown with its arguments (never throws).
std::string word(const Message& message, Language language, PathStyle paths = PathStyle::AsGiven);

//! The language of the environment, for the command line's messages and help alike: the first set of
//! LANGUAGE, LC_ALL, LC_MESSAGES, LANG decides, French when it starts with "fr", English with "en",
//! `otherwise` for anything else ("C", "POSIX", "de_DE.UTF-8") and when none is set. The application is
//! French first: its callers pass Language::Fr.
Language languageFromEnvironment(Language otherwise);
//! "fr"/"en" (case-insensitive, "fr_FR.UTF-8" too) → language; false when not recognised.
bool parseLanguage(const std::string& text, Language& out);

} // namespace maillage
