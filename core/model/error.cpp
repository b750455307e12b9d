#include "core/model/error.h"

#include "core/model/feedback.h"

namespace maillage {

std::string Location::describe() const {
    std::string out = file;
    std::string where;
    if (line > 0)
        where = "line " + std::to_string(line);
    if (feature >= 0)
        where += (where.empty() ? "" : ", ") + std::string("feature ") + std::to_string(feature);
    if (!column.empty())
        where += (where.empty() ? "" : ", ") + std::string("column '") + column + "'";
    if (!key.empty())
        where += (where.empty() ? "" : ", ") + std::string("parameter '") + key + "'";
    if (!where.empty())
        out += (out.empty() ? "" : ": ") + where;
    return out;
}

static std::string compose(const Location& where, const std::string& message) {
    const std::string prefix = where.describe();
    return prefix.empty() ? message : prefix + ": " + message;
}

Error::Error(ErrorKind kind, Location where, const std::string& message)
    : std::runtime_error(compose(where, message)), m_kind(kind), m_where(std::move(where)),
      m_detail(message) {}

std::string Warning::toString() const {
    std::string out = compose(where, message);
    if (!details.empty()) {
        out += " (";
        const std::size_t shown = details.size() < 20 ? details.size() : 20;
        for (std::size_t i = 0; i < shown; ++i)
            out += (i ? ", " : "") + details[i];
        if (shown < details.size())
            out += ", … " + std::to_string(details.size() - shown) + " more";
        out += ")";
    }
    return out;
}

void throwIfCanceled(const Feedback* feedback) {
    if (feedback && feedback->isCanceled())
        throw Error(ErrorKind::Canceled, {}, "canceled by the user");
}

} // namespace maillage
