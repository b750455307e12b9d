#include "core/model/catalogue.h"

#include "core/model/csv.h"
#include "core/model/error.h"
#include "core/model/text.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

namespace maillage::model {

namespace {

std::string quoteIfNeeded(const std::string& s) {
    if (s.find_first_of(";\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// "D201" style BPE code at the start of a wide column name ("D201_medecin_omnipraticien").
bool isBpeCode(const std::string& s) {
    return s.size() == 4 && std::isalpha(static_cast<unsigned char>(s[0])) &&
           std::isdigit(static_cast<unsigned char>(s[1])) && std::isdigit(static_cast<unsigned char>(s[2])) &&
           std::isdigit(static_cast<unsigned char>(s[3]));
}

} // namespace

ProfessionCatalogue ProfessionCatalogue::builtin() {
    static const ProfessionCatalogue catalogue = fromCsv(builtinCatalogueCsv(), "resources/professions.csv");
    return catalogue;
}

namespace {

//! The catalogue text as UTF-8 (Windows-1252 lines decoded as such), comment lines ('#' first) blanked, not
//! removed, so that line numbers stay those of the file.
std::string catalogueBody(const std::string& csvText) {
    // Line by line, as tables are (text.h says why): a catalogue edited once in a Latin-1 editor keeps
    // the accents of its UTF-8 lines.
    std::string body = text::decodeUtf8OrWindows1252(text::stripBom(csvText)).utf8;
    for (std::size_t start = 0; start < body.size();) {
        std::size_t end = body.find('\n', start);
        if (end == std::string::npos)
            end = body.size();
        if (body[start] == '#')
            for (std::size_t i = start; i < end; ++i)
                if (body[i] != '\r')
                    body[i] = ' ';
        start = end + 1;
    }
    return body;
}

//! Positions of the catalogue's columns in its header, found by name (matchKey: "Label FR" works).
struct CatalogueColumns {
    std::size_t code = 0, labelFr = 0, labelEn = 0, group = 0, psychiatric = 0;
    long aliases = -1;      //!< optional
    std::size_t needed = 0; //!< fields a row must have: up to the last required column
};

CatalogueColumns catalogueColumns(const std::vector<std::string>& header, const std::string& sourceName,
                                  long line) {
    const char* const required[] = {"code", "label_fr", "label_en", "group", "psychiatric"};
    CatalogueColumns c;
    std::size_t* targets[] = {&c.code, &c.labelFr, &c.labelEn, &c.group, &c.psychiatric};
    std::vector<std::string> missing, found;
    for (std::size_t k = 0; k < 5; ++k) {
        const auto it = std::find_if(header.begin(), header.end(), [&](const std::string& h) {
            return text::matchKey(h) == text::matchKey(required[k]);
        });
        if (it == header.end())
            missing.push_back(required[k]);
        else
            *targets[k] = static_cast<std::size_t>(it - header.begin());
        if (it != header.end())
            c.needed = std::max(c.needed, *targets[k] + 1);
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        found.push_back(text::trim(header[i]));
        if (text::matchKey(header[i]) == "aliases")
            c.aliases = static_cast<long>(i);
    }
    if (!missing.empty())
        throw Error(ErrorKind::Format, {sourceName, line, "", -1},
                    msg("model.catalogue.missing_columns",
                        {arg::integer("n", static_cast<long long>(missing.size())),
                         arg::list("columns", missing, true), arg::list("found", found, true)}));
    return c;
}

Profession parseProfession(const std::vector<std::string>& f, const CatalogueColumns& c,
                           const std::string& sourceName, long lineNo) {
    if (f.size() < c.needed)
        throw Error(
            ErrorKind::Format, {sourceName, lineNo, "", -1},
            msg("model.catalogue.too_few_fields", {arg::integer("needed", static_cast<long long>(c.needed)),
                                                   arg::integer("found", static_cast<long long>(f.size()))}));
    Profession p;
    p.code = text::trim(f[c.code]);
    p.labelFr = text::trim(f[c.labelFr]);
    p.labelEn = text::trim(f[c.labelEn]);
    if (p.code.empty())
        throw Error(ErrorKind::Value, {sourceName, lineNo, "code", -1}, msg("model.catalogue.empty_code"));
    for (char ch : p.code)
        if (!(std::islower(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) ||
              ch == '_'))
            throw Error(ErrorKind::Value, {sourceName, lineNo, "code", -1},
                        msg("model.catalogue.bad_code", {arg::code("code", p.code)}));
    const std::string group = text::matchKey(f[c.group]);
    if (group == "proximite")
        p.group = ProfessionGroup::Proximite;
    else if (group == "pole")
        p.group = ProfessionGroup::Pole;
    else
        throw Error(ErrorKind::Value, {sourceName, lineNo, "group", -1},
                    msg("model.catalogue.bad_group", {arg::code("value", f[c.group])}));
    const std::string psy = text::trim(f[c.psychiatric]);
    if (psy == "1" || text::matchKey(psy) == "true" || text::matchKey(psy) == "oui")
        p.psychiatric = true;
    else if (psy == "0" || psy.empty() || text::matchKey(psy) == "false" || text::matchKey(psy) == "non")
        p.psychiatric = false;
    else
        throw Error(ErrorKind::Value, {sourceName, lineNo, "psychiatric", -1},
                    msg("model.catalogue.bad_psychiatric", {arg::code("value", psy)}));
    if (p.psychiatric && p.group != ProfessionGroup::Pole)
        throw Error(
            ErrorKind::Value, {sourceName, lineNo, "group", -1},
            msg("model.catalogue.psychiatric_not_pole", {arg::code("value", text::trim(f[c.group]))}));
    if (c.aliases >= 0 && static_cast<std::size_t>(c.aliases) < f.size())
        for (const auto& a : text::split(f[static_cast<std::size_t>(c.aliases)], '|'))
            if (!text::trim(a).empty())
                p.aliases.push_back(text::trim(a));
    return p;
}

} // namespace

ProfessionCatalogue ProfessionCatalogue::fromCsv(const std::string& csvText, const std::string& sourceName) {
    ProfessionCatalogue cat;
    std::vector<text::CsvRecord> records;
    if (const auto open = text::tokenizeCsv(catalogueBody(csvText), ';', records))
        throw Error(ErrorKind::Format, {sourceName, open->line, "", -1},
                    msg("model.catalogue.unterminated_quote", {arg::integer("line", open->line)}));
    std::vector<long> lineOf; // line of each profession, for messages
    std::optional<CatalogueColumns> columns;
    for (auto& record : records) {
        const auto& f = record.fields;
        if (std::all_of(f.begin(), f.end(), [](const std::string& x) { return text::trim(x).empty(); }))
            continue;
        if (!columns) {
            columns = catalogueColumns(f, sourceName, record.line);
            continue;
        }
        Profession p = parseProfession(f, *columns, sourceName, record.line);
        if (const int first = cat.indexOf(p.code); first >= 0)
            throw Error(ErrorKind::Duplicate, {sourceName, record.line, "code", -1},
                        msg("model.catalogue.duplicate_code",
                            {arg::code("code", p.code),
                             arg::integer("first", lineOf[static_cast<std::size_t>(first)])}));
        cat.m_professions.push_back(std::move(p));
        lineOf.push_back(record.line);
    }
    if (cat.m_professions.empty())
        throw Error(ErrorKind::Format, {sourceName, 0, "", -1}, msg("model.catalogue.empty"));
    cat.checkNamesAreUnique(lineOf, sourceName);
    cat.reindex();
    return cat;
}

void ProfessionCatalogue::checkNamesAreUnique(const std::vector<long>& lineOf,
                                              const std::string& sourceName) const {
    // Every code, label and alias must name one profession: resolve() would otherwise pick one silently.
    struct Owner {
        int profession;
        std::string written;
    };
    std::unordered_map<std::string, Owner> owners;
    for (std::size_t i = 0; i < m_professions.size(); ++i) {
        const Profession& p = m_professions[i];
        std::vector<std::pair<std::string, const char*>> names = {
            {p.code, "code"}, {p.labelFr, "label_fr"}, {p.labelEn, "label_en"}};
        for (const auto& a : p.aliases)
            names.emplace_back(a, "aliases");
        for (const auto& [name, column] : names) {
            const std::string key = text::matchKey(name);
            if (key.empty())
                continue;
            const auto [it, inserted] = owners.try_emplace(key, Owner{static_cast<int>(i), name});
            if (inserted || it->second.profession == static_cast<int>(i))
                continue;
            const Profession& other = m_professions[static_cast<std::size_t>(it->second.profession)];
            throw Error(
                ErrorKind::Duplicate, {sourceName, lineOf[i], column, -1},
                msg("model.catalogue.name_twice",
                    {arg::code("name", name), arg::code("code", p.code), arg::code("other", other.code),
                     arg::integer("line", lineOf[static_cast<std::size_t>(it->second.profession)]),
                     arg::code("written", it->second.written)}));
        }
    }
}

std::string ProfessionCatalogue::toCsv() const {
    std::string out = "code;label_fr;label_en;group;psychiatric;aliases\n";
    for (const auto& p : m_professions) {
        out += quoteIfNeeded(p.code) + ";" + quoteIfNeeded(p.labelFr) + ";" + quoteIfNeeded(p.labelEn) + ";" +
               (p.group == ProfessionGroup::Pole ? "pole" : "proximite") + ";" + (p.psychiatric ? "1" : "0") +
               ";" + quoteIfNeeded(text::join(p.aliases, "|")) + "\n";
    }
    return out;
}

void ProfessionCatalogue::add(Profession p) {
    const int existing = indexOf(p.code);
    if (existing >= 0)
        m_professions[existing] = std::move(p);
    else
        m_professions.push_back(std::move(p));
    reindex();
}

const Profession* ProfessionCatalogue::find(const std::string& code) const {
    for (const auto& p : m_professions)
        if (p.code == code)
            return &p;
    return nullptr;
}

int ProfessionCatalogue::indexOf(const std::string& code) const {
    for (std::size_t i = 0; i < m_professions.size(); ++i)
        if (m_professions[i].code == code)
            return static_cast<int>(i);
    return -1;
}

void ProfessionCatalogue::reindex() {
    m_byKey.clear();
    // Codes first, then labels, then aliases: a code always wins over an alias of another profession.
    for (std::size_t i = 0; i < m_professions.size(); ++i)
        m_byKey.emplace(text::matchKey(m_professions[i].code), static_cast<int>(i));
    for (std::size_t i = 0; i < m_professions.size(); ++i) {
        m_byKey.emplace(text::matchKey(m_professions[i].labelFr), static_cast<int>(i));
        m_byKey.emplace(text::matchKey(m_professions[i].labelEn), static_cast<int>(i));
    }
    for (std::size_t i = 0; i < m_professions.size(); ++i)
        for (const auto& a : m_professions[i].aliases)
            m_byKey.emplace(text::matchKey(a), static_cast<int>(i));
}

const Profession* ProfessionCatalogue::resolve(const std::string& codeOrAlias) const {
    const std::string key = text::matchKey(codeOrAlias);
    if (key.empty())
        return nullptr;
    auto it = m_byKey.find(key);
    if (it != m_byKey.end())
        return &m_professions[it->second];
    // BPE wide column names: "D201_medecin_omnipraticien" -> "D201".
    const std::string trimmed = text::trim(codeOrAlias);
    const auto underscore = trimmed.find('_');
    if (underscore != std::string::npos && isBpeCode(trimmed.substr(0, underscore))) {
        it = m_byKey.find(text::matchKey(trimmed.substr(0, underscore)));
        if (it != m_byKey.end())
            return &m_professions[it->second];
    }
    return nullptr;
}

} // namespace maillage::model

namespace maillage::model {

Message CatalogueChoice::message() const {
    switch (origin) {
    case CatalogueOrigin::User:
        return msg("model.catalogue.origin_user", {arg::path("path", path)});
    case CatalogueOrigin::Installed:
        return msg("model.catalogue.origin_installed", {arg::path("path", path)});
    case CatalogueOrigin::Builtin:
        break;
    }
    return msg("model.catalogue.origin_builtin");
}

std::string CatalogueChoice::describe() const {
    return word(message(), Language::En);
}

std::string userCataloguePath(const char* xdgConfigHome, const char* home) {
    // The XDG specification: a relative XDG_CONFIG_HOME is invalid and ignored.
    if (xdgConfigHome && xdgConfigHome[0] == '/')
        return std::string(xdgConfigHome) + "/maillage/professions.csv";
    if (home && home[0] == '/')
        return std::string(home) + "/.config/maillage/professions.csv";
    return {};
}

std::string installedCataloguePath(const std::string& executablePath) {
    if (executablePath.empty())
        return {};
    const std::filesystem::path prefix = std::filesystem::path(executablePath).parent_path().parent_path();
    return (prefix / "share" / "maillage" / "professions.csv").string();
}

CatalogueLookup processCatalogueLookup() {
    CatalogueLookup lookup;
    lookup.userPath = userCataloguePath(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec)
        lookup.installedPath = installedCataloguePath(exe.string());
    return lookup;
}

ProfessionCatalogue readCatalogueFile(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status))
        throw Error(ErrorKind::FileNotFound, {path, 0, "", -1}, msg("model.catalogue.not_found"));
    if (std::filesystem::is_directory(status))
        throw Error(ErrorKind::CannotOpen, {path, 0, "", -1}, msg("model.catalogue.folder"));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::CannotOpen, {path, 0, "", -1}, msg("model.catalogue.cannot_open"));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        throw Error(ErrorKind::CannotOpen, {path, 0, "", -1}, msg("model.catalogue.cannot_read"));
    return ProfessionCatalogue::fromCsv(bytes, path);
}

namespace {

//! Whether something is at `path` (a broken link counts: the user put it there).
bool somethingAt(const std::string& path) {
    std::error_code ec;
    return !path.empty() && std::filesystem::exists(std::filesystem::symlink_status(path, ec));
}

} // namespace

CatalogueChoice findCatalogue(const CatalogueLookup& lookup) {
    CatalogueChoice choice;
    if (somethingAt(lookup.userPath)) {
        choice.catalogue = readCatalogueFile(lookup.userPath);
        choice.origin = CatalogueOrigin::User;
        choice.path = lookup.userPath;
    } else if (somethingAt(lookup.installedPath)) {
        choice.catalogue = readCatalogueFile(lookup.installedPath);
        choice.origin = CatalogueOrigin::Installed;
        choice.path = lookup.installedPath;
    } else {
        choice.catalogue = ProfessionCatalogue::builtin();
    }
    return choice;
}

CatalogueChoice standardCatalogue() {
    return findCatalogue(processCatalogueLookup());
}

} // namespace maillage::model
