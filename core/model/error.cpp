#include "core/model/error.h"

#include "core/model/feedback.h"

namespace maillage {

std::string Location::describe() const {
    return describe(Language::En);
}

std::string Location::describe(Language language, PathStyle paths) const {
    std::string out =
        file.empty() ? std::string() : word(msg("loc.file", {arg::path("file", file)}), language, paths);
    std::vector<std::string> parts;
    if (line > 0)
        parts.push_back(word(msg("loc.line", {arg::integer("line", line)}), language));
    if (feature >= 0)
        parts.push_back(word(msg("loc.feature", {arg::integer("feature", feature)}), language));
    if (!column.empty())
        parts.push_back(word(msg("loc.column", {arg::code("column", column)}), language));
    if (!key.empty())
        parts.push_back(word(msg("loc.parameter", {arg::code("key", key)}), language));
    std::string where;
    for (const std::string& p : parts)
        where += (where.empty() ? "" : ", ") + p;
    if (!where.empty())
        out += (out.empty() ? "" : (language == Language::Fr ? ", " : ": ")) + where;
    return out;
}

static std::string compose(const std::string& prefix, const std::string& message, Language language) {
    if (prefix.empty())
        return message;
    return prefix + (language == Language::Fr ? "\u00a0: " : ": ") + message;
}

Error::Error(ErrorKind kind, Location where, Message message)
    : std::runtime_error(compose(where.describe(Language::En), word(message, Language::En), Language::En)),
      m_kind(kind), m_where(std::move(where)), m_message(std::move(message)),
      m_detail(word(m_message, Language::En)) {}

Error::Error(ErrorKind kind, Location where, const std::string& message)
    : Error(kind, std::move(where), raw(message)) {}

std::string Error::describe(Language language, PathStyle paths) const {
    return compose(m_where.describe(language, paths), word(m_message, language, paths), language);
}

std::string Warning::sentence(Language language, PathStyle paths) const {
    return text.empty() ? message : word(text, language, paths);
}

std::string Warning::describe(Language language, PathStyle paths) const {
    std::string out = compose(where.describe(language, paths), sentence(language, paths), language);
    if (!details.empty()) {
        out += " (";
        const std::size_t shown = details.size() < 20 ? details.size() : 20;
        for (std::size_t i = 0; i < shown; ++i)
            out += (i ? ", " : "") +
                   (i < detailTexts.size() ? word(detailTexts[i], language, paths) : details[i]);
        if (shown < details.size())
            out += word(msg("warning.more_details",
                            {arg::integer("n", static_cast<long long>(details.size() - shown))}),
                        language);
        out += ")";
    }
    return out;
}

std::string Warning::toString() const {
    return describe(Language::En);
}

Warning makeWarning(ErrorKind kind, Location where, Message text, std::vector<std::string> details) {
    Warning w;
    w.kind = kind;
    w.where = std::move(where);
    w.details = std::move(details);
    w.message = word(text, Language::En);
    w.text = std::move(text);
    return w;
}

Warning makeDetailedWarning(ErrorKind kind, Location where, Message text, std::vector<Message> details) {
    std::vector<std::string> english;
    english.reserve(details.size());
    for (const Message& d : details)
        english.push_back(word(d, Language::En));
    Warning w = makeWarning(kind, std::move(where), std::move(text), std::move(english));
    w.detailTexts = std::move(details);
    return w;
}

MessageArg digits(std::string name, long long value) {
    MessageArg a = arg::text(std::move(name), std::to_string(value));
    a.number = static_cast<double>(value);
    return a;
}

void throwIfCanceled(const Feedback* feedback) {
    if (feedback && feedback->isCanceled())
        throw Error(ErrorKind::Canceled, {}, msg("canceled.by_user"));
}

} // namespace maillage
