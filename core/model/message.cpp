#include "core/model/message.h"

#include "core/model/text.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

namespace maillage {

namespace arg {
MessageArg text(std::string name, std::string value) {
    MessageArg a;
    a.name = std::move(name);
    a.kind = MessageArg::Kind::Text;
    a.text = std::move(value);
    return a;
}
MessageArg code(std::string name, std::string value) {
    MessageArg a = text(std::move(name), std::move(value));
    a.kind = MessageArg::Kind::Code;
    return a;
}
MessageArg path(std::string name, std::string value) {
    MessageArg a = text(std::move(name), std::move(value));
    a.kind = MessageArg::Kind::Path;
    return a;
}
MessageArg integer(std::string name, long long value) {
    MessageArg a;
    a.name = std::move(name);
    a.kind = MessageArg::Kind::Integer;
    a.number = static_cast<double>(value);
    a.decimals = 0;
    return a;
}
MessageArg number(std::string name, double value, int decimals) {
    MessageArg a;
    a.name = std::move(name);
    a.kind = MessageArg::Kind::Number;
    a.number = value;
    a.decimals = decimals;
    return a;
}
MessageArg percent(std::string name, double fraction, int decimals) {
    MessageArg a = number(std::move(name), fraction, decimals);
    a.kind = MessageArg::Kind::Percent;
    return a;
}
MessageArg list(std::string name, std::vector<std::string> items, bool quoted) {
    MessageArg a;
    a.name = std::move(name);
    a.kind = MessageArg::Kind::List;
    a.items = std::move(items);
    a.quoted = quoted;
    return a;
}
MessageArg nested(std::string name, Message message) {
    MessageArg a;
    a.name = std::move(name);
    a.kind = MessageArg::Kind::Nested;
    a.nested.push_back(std::move(message));
    return a;
}
} // namespace arg

const MessageArg* Message::find(const std::string& name) const {
    for (const MessageArg& a : args)
        if (a.name == name)
            return &a;
    return nullptr;
}

Message msg(std::string id, std::vector<MessageArg> args) {
    return Message{std::move(id), std::move(args)};
}

Message raw(std::string text) {
    return Message{{}, {arg::text("text", std::move(text))}};
}

const std::vector<MessageTemplate>& messageCatalogue() {
    static const std::vector<MessageTemplate> catalogue = {
#include "core/model/messages/access.inc"
#include "core/model/messages/access18.inc"
#include "core/model/messages/access19.inc"
#include "core/model/messages/analysis.inc"
#include "core/model/messages/app.inc"
#include "core/model/messages/change.inc"
#include "core/model/messages/change18.inc"
#include "core/model/messages/close7.inc"
#include "core/model/messages/defects23.inc"
#include "core/model/messages/defects24.inc"
#include "core/model/messages/fiche18.inc"
#include "core/model/messages/gpkg.inc"
#include "core/model/messages/gui8.inc"
#include "core/model/messages/inputs.inc"
#include "core/model/messages/inputs17.inc"
#include "core/model/messages/inputs18.inc"
#include "core/model/messages/inputs19.inc"
#include "core/model/messages/inputs8.inc"
#include "core/model/messages/io.inc"
#include "core/model/messages/model.inc"
#include "core/model/messages/outputs22.inc"
#include "core/model/messages/perf.inc"
#include "core/model/messages/perf18.inc"
#include "core/model/messages/pg.inc"
#include "core/model/messages/print.inc"
#include "core/model/messages/profile.inc"
#include "core/model/messages/reg.inc"
#include "core/model/messages/reggui19.inc"
#include "core/model/messages/results.inc"
#include "core/model/messages/results21.inc"
#include "core/model/messages/results22.inc"
#include "core/model/messages/scenario.inc"
#include "core/model/messages/steps.inc"
#include "core/model/messages/styles24.inc"
#include "core/model/messages/vintage20.inc"
#include "core/model/messages/workshop18.inc"
    };
    return catalogue;
}

const MessageTemplate* findTemplate(const std::string& id) {
    static const std::unordered_map<std::string, const MessageTemplate*> index = [] {
        std::unordered_map<std::string, const MessageTemplate*> m;
        for (const MessageTemplate& t : messageCatalogue())
            m.emplace(t.id, &t);
        return m;
    }();
    const auto it = index.find(id);
    return it == index.end() ? nullptr : it->second;
}

namespace {

std::string formatNumber(double value, int decimals, Language language) {
    if (!std::isfinite(value))
        return text::formatShortest(value);
    if (decimals == text::kMagnitudeDecimals)
        decimals = text::magnitudeDecimals(value);
    else if (decimals < 0)
        decimals = text::naturalDecimals(value);
    return language == Language::Fr ? text::formatFr(value, decimals) : text::formatEn(value, decimals);
}

std::string quote(const std::string& s, Language language) {
    return language == Language::Fr ? "\u00ab\u00a0" + s + "\u00a0\u00bb" : "'" + s + "'";
}

std::string fileName(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos || slash + 1 == path.size() ? path : path.substr(slash + 1);
}

std::string show(const MessageArg& a, Language language, PathStyle paths) {
    switch (a.kind) {
    case MessageArg::Kind::Text:
        return text::visible(a.text);
    case MessageArg::Kind::Code:
        return quote(text::visible(a.text), language);
    case MessageArg::Kind::Path:
        return text::visible(paths == PathStyle::FileName ? fileName(a.text) : a.text);
    case MessageArg::Kind::Integer:
        return formatNumber(a.number, 0, language);
    case MessageArg::Kind::Number:
        return formatNumber(a.number, a.decimals, language);
    case MessageArg::Kind::Percent: {
        const std::string n = formatNumber(a.number * 100, a.decimals, language);
        return language == Language::Fr ? n + "\u00a0%" : n + "%";
    }
    case MessageArg::Kind::List: {
        std::string out;
        for (std::size_t i = 0; i < a.items.size(); ++i) {
            const std::string item = text::visible(a.items[i]);
            out += (i ? ", " : "") + (a.quoted ? quote(item, language) : item);
        }
        return out;
    }
    case MessageArg::Kind::Nested:
        return a.nested.empty() ? std::string() : word(a.nested.front(), language, paths);
    }
    return a.text;
}

bool singular(const MessageArg& a, Language language) {
    const double n =
        std::fabs(a.kind == MessageArg::Kind::List ? static_cast<double>(a.items.size()) : a.number);
    return language == Language::Fr ? n < 2 : n == 1;
}

std::string fill(const std::string& pattern, const Message& m, Language language, PathStyle paths) {
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c != '{') {
            out += c;
            continue;
        }
        const auto close = pattern.find('}', i);
        if (close == std::string::npos) {
            out += pattern.substr(i);
            break;
        }
        const std::string spec = pattern.substr(i + 1, close - i - 1);
        i = close;
        const auto question = spec.find('?');
        const std::string name = spec.substr(0, question);
        const MessageArg* a = m.find(name);
        if (!a) {
            out += "{" + spec + "}";
            continue;
        }
        if (question == std::string::npos) {
            out += show(*a, language, paths);
            continue;
        }
        const std::string forms = spec.substr(question + 1);
        const auto bar = forms.find('|');
        const std::string one = forms.substr(0, bar);
        const std::string many = bar == std::string::npos ? one : forms.substr(bar + 1);
        out += singular(*a, language) ? one : many;
    }
    return out;
}

} // namespace

std::string word(const Message& message, Language language, PathStyle paths) {
    if (message.id.empty()) {
        std::string out;
        for (const MessageArg& a : message.args)
            out += (out.empty() ? "" : " ") + show(a, language, paths);
        return out;
    }
    if (const MessageTemplate* t = findTemplate(message.id))
        return fill(language == Language::Fr ? t->fr : t->en, message, language, paths);
    std::string out = message.id;
    for (std::size_t i = 0; i < message.args.size(); ++i)
        out += (i ? ", " : " (") + message.args[i].name + "=" + show(message.args[i], language, paths) +
               (i + 1 == message.args.size() ? ")" : "");
    return out;
}

bool parseLanguage(const std::string& s, Language& out) {
    std::string lower;
    for (char c : s)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.rfind("fr", 0) == 0) {
        out = Language::Fr;
        return true;
    }
    if (lower.rfind("en", 0) == 0 || lower == "c" || lower == "posix" || lower.rfind("c.", 0) == 0) {
        out = Language::En;
        return true;
    }
    return false;
}

Language languageFromEnvironment(Language otherwise) {
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(name);
        if (!v || !*v)
            continue;
        const std::string value(v);
        return value.rfind("fr", 0) == 0   ? Language::Fr
               : value.rfind("en", 0) == 0 ? Language::En
                                           : otherwise;
    }
    return otherwise;
}

} // namespace maillage
