#include "core/io/register.h"

#include "core/io/table.h"
#include "core/model/codes.h"
#include "core/model/csv.h"
#include "core/model/text.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace maillage::io {

namespace detail {
const char* builtinRegisterAliasesCsv(); // generated from resources/registers/rpps_professions.csv
}

namespace {

constexpr std::size_t kListedLines = 10; // lines named in a warning; the count says how many in all

// ---------------------------------------------------------------------------------------------------
// One activity row, whatever the layout.

struct ActivityRow {
    long line = 0;
    std::string id, profession, savoirFaire, commune, postcode, country, structure;
    model::PracticeMode mode = model::PracticeMode::Unknown;
    model::Sex sex = model::Sex::Unknown;
    model::Sector sector = model::Sector::Unknown;
    int birthYear = 0, startYear = 0;
    double fte = 0;
};

//! Lines of one kind of problem: how many, and the first ones.
struct LineList {
    long count = 0;
    std::vector<std::string> first;
    void add(long line) {
        if (first.size() < kListedLines)
            first.push_back(std::to_string(line));
        ++count;
    }
};

//! An unknown or left-out code: its rows and first line.
struct CodeUse {
    long rows = 0;
    long firstLine = 0;
};

//! Groups activity rows into professionals and notes every problem, then words them as warnings.
class RegisterBuilder {
public:
    RegisterBuilder(std::string file, const model::ProfessionCatalogue& catalogue,
                    const RegisterAliases& aliases, bool resolveCatalogueNames)
        : m_file(std::move(file)), m_catalogue(catalogue), m_aliases(aliases),
          m_resolveNames(resolveCatalogueNames) {}

    void add(ActivityRow row);
    //! The register (professionals in the order of their first row) and the warnings.
    RegisterRead finish(const RegisterSource& source, std::string sourceLine);

private:
    std::string profession(const ActivityRow& row);
    model::PracticeSite site(const ActivityRow& row);
    void warnCodes(Warnings& out) const;
    void warnSites(Warnings& out) const;
    Warning lines(const char* id, const LineList& l, ErrorKind kind = ErrorKind::Value) const;

    std::string m_file;
    const model::ProfessionCatalogue& m_catalogue;
    const RegisterAliases& m_aliases;
    bool m_resolveNames;
    RegisterRead m_out;
    std::unordered_map<std::string, std::size_t> m_index; // id -> professional
    std::unordered_set<std::string> m_seenActivities;     // id, structure, commune, mode, codes
    std::map<std::string, CodeUse> m_unknown, m_leftOut;  // "code" or "code/savoir-faire"
    LineList m_noId, m_noCommune, m_postcodeOnly, m_abroad, m_badCommune, m_otherProfession;
    std::set<std::string> m_badCommuneValues;
};

//! The catalogue code of a row, "" when unknown or left out (noted).
std::string RegisterBuilder::profession(const ActivityRow& row) {
    if (m_resolveNames)
        if (const model::Profession* p = m_catalogue.resolve(row.profession))
            return p->code;
    const std::string* target = m_aliases.find(row.profession, row.savoirFaire);
    const std::string key = row.savoirFaire.empty() ? row.profession : row.profession + "/" + row.savoirFaire;
    if (target && target->empty()) {
        CodeUse& u = m_leftOut[row.profession];
        u.firstLine = u.rows++ ? u.firstLine : row.line;
        return {};
    }
    if (!target || !m_catalogue.find(*target)) {
        CodeUse& u = m_unknown[key];
        u.firstLine = u.rows++ ? u.firstLine : row.line;
        return {};
    }
    return *target;
}

//! The site of a row: a commune only when it is an INSEE code in France (nothing guessed).
model::PracticeSite RegisterBuilder::site(const ActivityRow& row) {
    model::PracticeSite s;
    s.mode = row.mode;
    s.fte = row.fte;
    const std::string country = text::matchKey(row.country);
    const bool france =
        country.empty() || country == "99000" || country == "99100" || country == "fr" || country == "france";
    if (!france) {
        m_abroad.add(row.line);
        return s;
    }
    if (row.commune.empty()) {
        m_noCommune.add(row.line);
        if (!row.postcode.empty())
            m_postcodeOnly.add(row.line);
        return s;
    }
    const auto code = codes::normalizeCommune(row.commune);
    if (!code) {
        m_badCommune.add(row.line);
        if (m_badCommuneValues.size() < kListedLines)
            m_badCommuneValues.insert(text::visible(row.commune));
        return s;
    }
    s.commune = *code;
    return s;
}

void RegisterBuilder::add(ActivityRow row) {
    ++m_out.rows;
    if (row.id.empty()) {
        m_noId.add(row.line);
        return;
    }
    const std::string activity = row.id + '\x1f' + row.structure + '\x1f' + row.commune + '\x1f' +
                                 row.postcode + '\x1f' + std::to_string(static_cast<int>(row.mode)) + '\x1f' +
                                 row.profession + '\x1f' + row.savoirFaire;
    if (!m_seenActivities.insert(activity).second) {
        ++m_out.mergedRows;
        return;
    }
    const std::string code = profession(row);
    model::PracticeSite s = site(row);
    if (s.commune.empty())
        ++m_out.sitesWithoutCommune;
    auto [it, added] = m_index.emplace(row.id, m_out.reg.professionals.size());
    if (added) {
        model::RegisteredProfessional p;
        p.id = row.id;
        p.profession = code;
        p.specialty = row.savoirFaire;
        p.birthYear = row.birthYear;
        p.sex = row.sex;
        p.sector = row.sector;
        p.startYear = row.startYear;
        s.main = true; // the first site listed: the extraction declares none
        p.sites.push_back(std::move(s));
        m_out.reg.professionals.push_back(std::move(p));
        return;
    }
    model::RegisteredProfessional& p = m_out.reg.professionals[it->second];
    if (p.profession != code)
        m_otherProfession.add(row.line);
    p.sites.push_back(std::move(s));
}

Warning RegisterBuilder::lines(const char* id, const LineList& l, ErrorKind kind) const {
    return makeWarning(kind, Location{m_file},
                       msg(id, {arg::integer("n", l.count), arg::list("lines", l.first)}));
}

void RegisterBuilder::warnCodes(Warnings& out) const {
    for (const auto& [code, use] : m_unknown)
        out.push_back(makeWarning(
            ErrorKind::Value, Location{m_file, use.firstLine},
            msg("io.register.unknown_code", {arg::code("code", code), arg::integer("rows", use.rows)})));
    for (const auto& [code, use] : m_leftOut)
        out.push_back(makeWarning(
            ErrorKind::Value, Location{m_file, use.firstLine},
            msg("io.register.left_out_code", {arg::code("code", code), arg::integer("rows", use.rows)})));
}

void RegisterBuilder::warnSites(Warnings& out) const {
    if (m_noId.count)
        out.push_back(lines("io.register.no_id", m_noId));
    if (m_noCommune.count)
        out.push_back(lines("io.register.no_commune", m_noCommune));
    if (m_postcodeOnly.count)
        out.push_back(lines("io.register.postcode_only", m_postcodeOnly));
    if (m_abroad.count)
        out.push_back(lines("io.register.abroad", m_abroad));
    if (m_badCommune.count)
        out.push_back(makeWarning(
            ErrorKind::Value, Location{m_file},
            msg("io.register.bad_commune",
                {arg::integer("n", m_badCommune.count), arg::list("lines", m_badCommune.first),
                 arg::list("values", {m_badCommuneValues.begin(), m_badCommuneValues.end()}, true)})));
    if (m_otherProfession.count)
        out.push_back(lines("io.register.other_profession", m_otherProfession));
    if (m_out.mergedRows)
        out.push_back(makeWarning(ErrorKind::Duplicate, Location{m_file},
                                  msg("io.register.merged_rows", {arg::integer("n", m_out.mergedRows)})));
}

RegisterRead RegisterBuilder::finish(const RegisterSource& source, std::string sourceLine) {
    m_out.reg.vintage = source.vintage;
    m_out.reg.rule = source.rule;
    m_out.reg.source = std::move(sourceLine);
    warnCodes(m_out.warnings);
    warnSites(m_out.warnings);
    return std::move(m_out);
}

// ---------------------------------------------------------------------------------------------------
// Values

model::PracticeMode parseMode(const std::string& raw) {
    const std::string k = text::matchKey(raw);
    if (k == "l" || k == "liberal" || k == "liberale")
        return model::PracticeMode::Liberal;
    if (k == "s" || k == "salarie" || k == "salariee")
        return model::PracticeMode::Salaried;
    if (k == "m" || k == "mixte" || k == "mixed")
        return model::PracticeMode::Mixed;
    return model::PracticeMode::Unknown; // B (bénévole) and anything else: not a mode the analyses use
}

std::optional<model::Sex> parseSex(const std::string& raw) {
    const std::string k = text::matchKey(raw);
    if (k.empty())
        return model::Sex::Unknown;
    if (k == "f" || k == "femme" || k == "female" || k == "2" || k == "mme" || k == "madame")
        return model::Sex::Female;
    if (k == "m" || k == "h" || k == "homme" || k == "male" || k == "1" || k == "m." || k == "monsieur")
        return model::Sex::Male;
    return std::nullopt;
}

std::optional<model::Sector> parseSector(const std::string& raw) {
    const std::string k = text::matchKey(raw);
    if (k.empty())
        return model::Sector::Unknown;
    if (k == "1" || k == "secteur1" || k == "s1")
        return model::Sector::Sector1;
    if (k == "2" || k == "secteur2" || k == "s2")
        return model::Sector::Sector2;
    if (k == "optam" || k == "2optam" || k == "secteur2optam" || k == "optamco")
        return model::Sector::Optam;
    if (k == "nc" || k == "3" || k == "nonconventionne" || k == "secteur3")
        return model::Sector::NotConventioned;
    return std::nullopt;
}

//! The year a file name starts a date with (PS_LibreAcces_Personne_activite_202311271012.txt -> 2023,
//! rpps_2025.txt -> 2025); 0 when none.
int yearOfFileName(const std::string& path) {
    static const std::regex year(R"((?:^|[^0-9])((?:19|20)[0-9]{2}))");
    const std::string name = std::filesystem::path(path).filename().string();
    std::smatch m;
    return std::regex_search(name, m, year) ? std::stoi(m[1].str()) : 0;
}

int requireVintage(const RegisterSource& source) {
    const int year = source.vintage ? source.vintage : yearOfFileName(source.path);
    if (year < 1900 || year > 2100)
        throw Error(ErrorKind::Parameter, Location{source.path}, msg("io.register.no_vintage"));
    return year;
}

// ---------------------------------------------------------------------------------------------------
// RPPS: streamed, as the national file has millions of rows of 52 columns.

//! Columns of the extraction read by header name.
struct RppsColumns {
    int id = -1, profession = -1, savoirFaire = -1, mode = -1, commune = -1, postcode = -1, country = -1,
        structure = -1, sex = -1;
};

std::vector<std::string_view> splitPipes(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i)
        if (i == line.size() || line[i] == '|') {
            out.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    if (out.size() > 1 && out.back().empty()) // the trailing '|' of every line
        out.pop_back();
    return out;
}

RppsColumns rppsColumns(const std::vector<std::string_view>& header, const std::string& file) {
    RppsColumns c;
    std::vector<std::string> found;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string k = columnKey(std::string(header[i]));
        found.push_back(text::trim(header[i]));
        const int col = static_cast<int>(i);
        if (k == "identifiantpp")
            c.id = col;
        else if (k == "codeprofession")
            c.profession = col;
        else if (k == "codesavoirfaire")
            c.savoirFaire = col;
        else if (k == "codemodeexercice")
            c.mode = col;
        else if (k == "codecommunecoordstructure")
            c.commune = col;
        else if (k == "codepostalcoordstructure")
            c.postcode = col;
        else if (k == "codepayscoordstructure")
            c.country = col;
        else if (k == "identifianttechniquedelastructure")
            c.structure = col;
        else if (k == "codecivilite")
            c.sex = col;
    }
    for (auto [index, name] : {std::pair{c.id, "Identifiant PP"}, std::pair{c.profession, "Code profession"},
                               std::pair{c.commune, "Code commune (coord. structure)"}})
        if (index < 0)
            throw Error(ErrorKind::Format, Location{file, 1, name},
                        msg("io.register.column_missing",
                            {arg::code("column", name), arg::list("found", found, true)}));
    return c;
}

std::string cell(const std::vector<std::string_view>& cells, int i) {
    return i >= 0 && static_cast<std::size_t>(i) < cells.size()
               ? text::trim(cells[static_cast<std::size_t>(i)])
               : std::string();
}

ActivityRow rppsRow(const std::vector<std::string_view>& cells, const RppsColumns& c, long line) {
    ActivityRow r;
    r.line = line;
    r.id = cell(cells, c.id);
    r.profession = cell(cells, c.profession);
    r.savoirFaire = cell(cells, c.savoirFaire);
    r.mode = parseMode(cell(cells, c.mode));
    r.commune = cell(cells, c.commune);
    r.postcode = cell(cells, c.postcode);
    r.country = cell(cells, c.country);
    r.structure = cell(cells, c.structure);
    const std::string civ = cell(cells, c.sex); // MME / M: civilité, the only hint of sex published
    r.sex = civ == "MME" || civ == "MLLE" ? model::Sex::Female
            : civ == "M"                  ? model::Sex::Male
                                          : model::Sex::Unknown;
    return r;
}

//! Feeds `builder` the lines of an RPPS text read by `nextLine(line)`; returns the lines decoded as
//! Windows-1252.
template <typename NextLine>
LineList readRppsLines(NextLine&& nextLine, RegisterBuilder& builder, const std::string& file) {
    std::string raw, decoded;
    LineList latin1;
    RppsColumns columns;
    bool haveHeader = false;
    for (long lineNo = 1; nextLine(raw); ++lineNo) {
        if (!raw.empty() && raw.back() == '\r')
            raw.pop_back();
        std::string_view text = raw;
        if (lineNo == 1)
            text = text::stripBom(text);
        if (!text::isValidUtf8(text)) {
            decoded = text::windows1252ToUtf8(text);
            text = decoded;
            latin1.add(lineNo);
        }
        if (text::trim(text).empty())
            continue;
        const auto cells = splitPipes(text);
        if (!haveHeader) {
            columns = rppsColumns(cells, file);
            haveHeader = true;
            continue;
        }
        builder.add(rppsRow(cells, columns, lineNo));
    }
    if (!haveHeader)
        throw Error(ErrorKind::Format, Location{file}, msg("io.register.empty_file"));
    return latin1;
}

RegisterRead finishRpps(RegisterBuilder& builder, const LineList& latin1, const RegisterSource& source,
                        const std::string& file) {
    RegisterRead out = builder.finish(source, "RPPS " + std::to_string(source.vintage));
    if (latin1.count)
        out.warnings.insert(out.warnings.begin(),
                            makeWarning(ErrorKind::Value, Location{file},
                                        msg("io.register.latin1_lines", {arg::integer("n", latin1.count),
                                                                         arg::list("lines", latin1.first)})));
    return out;
}

// ---------------------------------------------------------------------------------------------------
// Generic layout

//! The first column of `t` named like one of `names` (columnKey), -1 when none.
int anyColumn(const Table& t, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (int i = t.column(n); i >= 0)
            return i;
    return -1;
}

struct GenericColumns {
    int id, profession, specialty, commune, birthYear, age, sex, sector, mode, fte, startYear;
    explicit GenericColumns(const Table& t)
        : id(anyColumn(t, {"id", "identifiant", "identifiant_pp", "rpps", "adeli", "numero"})),
          profession(anyColumn(t, {"profession", "code_profession", "metier"})),
          specialty(anyColumn(t, {"specialty", "specialite", "savoir_faire", "code_savoir_faire"})),
          commune(anyColumn(t, {"commune", "code_commune", "codgeo", "depcom", "insee", "code_insee"})),
          birthYear(anyColumn(t, {"birth_year", "annee_naissance", "naissance", "annee_de_naissance"})),
          age(anyColumn(t, {"age"})), sex(anyColumn(t, {"sex", "sexe", "genre"})),
          sector(anyColumn(t, {"sector", "secteur", "secteur_conventionnel"})),
          mode(anyColumn(t, {"mode", "mode_exercice", "mode_d_exercice"})),
          fte(anyColumn(t, {"fte", "etp", "equivalent_temps_plein"})),
          startYear(anyColumn(t, {"start_year", "annee_installation", "installation", "annee_debut"})) {}
};

//! Values of one column that could not be read, for one warning per column.
struct BadValues {
    std::map<std::string, LineList> byColumn; // header name -> lines
    std::map<std::string, const char*> expected;
    void add(const Table& t, int col, std::size_t row, const char* what) {
        byColumn[t.header[static_cast<std::size_t>(col)]].add(t.lines[row]);
        expected[t.header[static_cast<std::size_t>(col)]] = what;
    }
};

//! A whole number within [lo, hi] in cell (row, col), 0 when empty; a bad value is noted and gives 0.
int wholeIn(const Table& t, std::size_t row, int col, int lo, int hi, const char* what, BadValues& bad) {
    const std::string& s = t.cell(row, col);
    if (text::trim(s).empty())
        return 0;
    const auto v = text::parseNumber(s);
    if (!v || *v < lo || *v > hi || *v != std::floor(*v)) {
        bad.add(t, col, row, what);
        return 0;
    }
    return static_cast<int>(*v);
}

ActivityRow genericRow(const Table& t, std::size_t row, const GenericColumns& c, int vintage,
                       BadValues& bad) {
    ActivityRow r;
    r.line = t.lines[row];
    r.id = c.id >= 0 ? text::trim(t.cell(row, c.id)) : "row " + std::to_string(r.line);
    r.profession = text::trim(t.cell(row, c.profession));
    r.savoirFaire = text::trim(t.cell(row, c.specialty));
    r.commune = text::trim(t.cell(row, c.commune));
    r.mode = parseMode(t.cell(row, c.mode));
    r.birthYear = wholeIn(t, row, c.birthYear, 1900, vintage, "birth_year", bad);
    if (!r.birthYear && c.age >= 0)
        if (int age = wholeIn(t, row, c.age, 15, 110, "age", bad))
            r.birthYear = vintage - age;
    r.startYear = wholeIn(t, row, c.startYear, 1900, vintage, "start_year", bad);
    if (auto s = parseSex(t.cell(row, c.sex)))
        r.sex = *s;
    else
        bad.add(t, c.sex, row, "sex");
    if (auto s = parseSector(t.cell(row, c.sector)))
        r.sector = *s;
    else
        bad.add(t, c.sector, row, "sector");
    if (const std::string& f = t.cell(row, c.fte); !text::trim(f).empty()) {
        const auto v = text::parseNumber(f);
        if (v && *v >= 0 && *v <= 2)
            r.fte = *v;
        else
            bad.add(t, c.fte, row, "fte");
    }
    return r;
}

Warnings badValueWarnings(const BadValues& bad, const std::string& file) {
    Warnings out;
    for (const auto& [column, l] : bad.byColumn)
        out.push_back(makeWarning(ErrorKind::Value, Location{file, 0, column},
                                  msg(std::string("io.register.bad_") + bad.expected.at(column),
                                      {arg::integer("n", l.count), arg::list("lines", l.first)})));
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------------

RegisterSource parseRegisterArgument(const std::string& text) {
    RegisterSource src;
    src.path = text;
    const auto colon = text.find_last_of(':');
    if (colon != std::string::npos && colon > 0 && colon + 1 < text.size()) {
        const auto year = text::parseNumber(text.substr(colon + 1));
        if (year && *year >= 1900 && *year <= 2100 && *year == std::floor(*year)) {
            src.path = text.substr(0, colon);
            src.vintage = static_cast<int>(*year);
        }
    }
    return src;
}

const std::string* RegisterAliases::find(const std::string& profession,
                                         const std::string& savoirFaire) const {
    auto it = byCodes.find({profession, savoirFaire});
    if (it == byCodes.end())
        it = byCodes.find({profession, "*"});
    return it == byCodes.end() ? nullptr : &it->second;
}

RegisterAliases parseRegisterAliases(const std::string& csvText, const std::string& sourceName) {
    RegisterAliases out;
    const Table t = parseCsvText(csvText, sourceName, TableReadOptions{';', "UTF-8", 0, {"rpps_profession"}});
    const int p = t.requireColumn("rpps_profession"), sf = t.requireColumn("savoir_faire");
    const int target = t.requireColumn("profession");
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::string code = text::trim(t.cell(r, p));
        if (code.empty() || code[0] == '#')
            continue;
        std::string savoir = text::trim(t.cell(r, sf));
        if (savoir.empty())
            savoir = "*";
        if (!out.byCodes.emplace(std::pair{code, savoir}, text::trim(t.cell(r, target))).second)
            throw Error(
                ErrorKind::Duplicate, t.at(r, p),
                msg("io.register.alias_twice", {arg::code("code", code), arg::code("savoir", savoir)}));
    }
    return out;
}

const RegisterAliases& standardRegisterAliases() {
    static const RegisterAliases aliases =
        parseRegisterAliases(detail::builtinRegisterAliasesCsv(), "rpps_professions.csv");
    return aliases;
}

RegisterRead parseRppsRegister(const std::string& bytes, const std::string& sourceName,
                               const RegisterSource& source, const model::ProfessionCatalogue& catalogue,
                               const RegisterAliases& aliases) {
    RegisterSource s = source;
    s.vintage = requireVintage(source);
    RegisterBuilder builder(sourceName, catalogue, aliases, false);
    std::size_t pos = 0;
    auto next = [&](std::string& line) {
        if (pos >= bytes.size())
            return false;
        const std::size_t end = std::min(bytes.find('\n', pos), bytes.size());
        line.assign(bytes, pos, end - pos);
        pos = end + 1;
        return true;
    };
    const LineList latin1 = readRppsLines(next, builder, sourceName);
    return finishRpps(builder, latin1, s, sourceName);
}

RegisterRead readRppsRegister(const std::string& path, const RegisterSource& source,
                              const model::ProfessionCatalogue& catalogue, const RegisterAliases& aliases) {
    RegisterSource s = source;
    s.vintage = requireVintage(source);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw Error(ErrorKind::FileNotFound, Location{path}, msg("io.register.not_found"));
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path, ec))
        throw Error(ErrorKind::CannotOpen, Location{path}, msg("io.register.cannot_open"));
    RegisterBuilder builder(path, catalogue, aliases, false);
    auto next = [&](std::string& line) { return static_cast<bool>(std::getline(in, line)); };
    const LineList latin1 = readRppsLines(next, builder, path);
    return finishRpps(builder, latin1, s, path);
}

RegisterRead readGenericRegister(const std::string& path, const RegisterSource& source,
                                 const model::ProfessionCatalogue& catalogue,
                                 const RegisterAliases& aliases) {
    RegisterSource s = source;
    s.vintage = requireVintage(source);
    TableReadOptions options;
    options.expectedColumns = {"profession", "commune"};
    Warnings readWarnings;
    const Table t = readTable(path, options, &readWarnings);
    const GenericColumns c(t);
    if (c.profession < 0)
        t.requireColumn("profession"); // throws, naming the columns found
    if (c.commune < 0)
        t.requireColumn("commune");
    RegisterBuilder builder(path, catalogue, aliases, true);
    BadValues bad;
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        builder.add(genericRow(t, r, c, s.vintage, bad));
    RegisterRead out =
        builder.finish(s, std::filesystem::path(path).filename().string() + " " + std::to_string(s.vintage));
    for (Warning& w : badValueWarnings(bad, path))
        out.warnings.push_back(std::move(w));
    out.warnings.insert(out.warnings.begin(), readWarnings.begin(), readWarnings.end());
    return out;
}

RegisterRead readRegister(const RegisterSource& source, const model::ProfessionCatalogue& catalogue,
                          const RegisterAliases& aliases) {
    RegisterLayout layout = source.layout;
    if (layout == RegisterLayout::Auto) {
        std::ifstream in(source.path, std::ios::binary);
        std::string first;
        std::getline(in, first);
        const std::string k = columnKey(first);
        layout = k.find("identifiantpp") != std::string::npos && k.find("codeprofession") != std::string::npos
                     ? RegisterLayout::Rpps
                     : RegisterLayout::Generic;
    }
    return layout == RegisterLayout::Rpps ? readRppsRegister(source.path, source, catalogue, aliases)
                                          : readGenericRegister(source.path, source, catalogue, aliases);
}

} // namespace maillage::io

namespace maillage::io {

namespace {

//! `counts` with arrondissements folded into their commune, summed.
std::vector<model::CountRecord> foldArrondissements(const std::vector<model::CountRecord>& counts) {
    std::map<std::pair<std::string, std::string>, double> sums;
    for (const auto& c : counts)
        sums[{codes::foldArrondissement(c.place), c.profession}] += c.count;
    std::vector<model::CountRecord> out;
    out.reserve(sums.size());
    const int vintage = counts.empty() ? 0 : counts.front().vintage;
    for (const auto& [key, n] : sums)
        out.push_back({key.first, key.second, vintage, n});
    return out;
}

//! Removes the counts of communes absent from `ds`, with one warning naming them.
void keepDatasetCommunes(const model::Dataset& ds, std::vector<model::CountRecord>& counts, int vintage,
                         const std::string& file, Warnings& warnings) {
    std::set<std::string> outside;
    double outsideCount = 0;
    for (const auto& c : counts)
        if (!ds.commune(c.place)) {
            outside.insert(c.place);
            outsideCount += c.count;
        }
    if (outside.empty())
        return;
    counts.erase(std::remove_if(counts.begin(), counts.end(),
                                [&](const model::CountRecord& c) { return outside.count(c.place) > 0; }),
                 counts.end());
    std::vector<std::string> listed(outside.begin(), outside.end());
    if (listed.size() > 20)
        listed.resize(20);
    warnings.push_back(
        makeWarning(ErrorKind::Join, Location{file},
                    msg("io.register.communes_outside",
                        {arg::integer("professionals", std::llround(outsideCount)),
                         arg::integer("n", static_cast<long long>(outside.size())),
                         arg::list("codes", listed, true), arg::text("vintage", std::to_string(vintage))})));
}

//! Moves the counts of the dataset's buffer communes (import --buffer-km) into its buffer counts, those
//! of the vintage replaced: accessibility's supply around the area comes from the register as well.
void moveBufferCounts(model::Dataset& ds, std::vector<model::CountRecord>& counts, int vintage) {
    if (ds.bufferCommunes.empty())
        return;
    std::set<std::string> buffer;
    for (const model::Commune& c : ds.bufferCommunes)
        buffer.insert(c.code);
    auto& kept = ds.bufferCounts;
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [&](const model::CountRecord& c) { return c.vintage == vintage; }),
               kept.end());
    const auto inBuffer = [&](const model::CountRecord& c) {
        return !ds.commune(c.place) && buffer.count(c.place);
    };
    std::copy_if(counts.begin(), counts.end(), std::back_inserter(kept), inBuffer);
    counts.erase(std::remove_if(counts.begin(), counts.end(), inBuffer), counts.end());
}

} // namespace

namespace {
bool hasCounts(const model::Dataset& ds, int vintage) {
    return std::any_of(ds.counts.begin(), ds.counts.end(),
                       [&](const model::CountRecord& c) { return c.vintage == vintage; });
}
} // namespace

void checkRegisterVintage(const model::Dataset& ds, int vintage, bool replaceCounts,
                          const std::string& file) {
    if (hasCounts(ds, vintage) && !replaceCounts)
        throw Error(
            ErrorKind::Parameter, Location{file},
            msg("io.register.vintage_taken", {arg::text("vintage", std::to_string(vintage)),
                                              arg::text("sources", text::join(ds.meta.sources, ", "))}));
}

Message siteRuleMessage(model::SiteRule rule) {
    return msg(rule == model::SiteRule::MainSite ? "io.register.site_rule_main"
                                                 : "io.register.site_rule_shared");
}

std::string registerSourceLine(const model::ProfessionalRegister& reg) {
    return reg.source + " (" + word(siteRuleMessage(reg.rule), Language::Fr) + ")";
}

RegisterAdded addRegister(model::Dataset& ds, model::ProfessionalRegister reg, const std::string& file,
                          RegisterCounter count, bool replaceCounts, Warnings& warnings) {
    const int vintage = reg.vintage;
    checkRegisterVintage(ds, vintage, replaceCounts, file);
    const bool taken = hasCounts(ds, vintage);
    std::vector<model::CountRecord> derived = foldArrondissements(count(reg));
    moveBufferCounts(ds, derived, vintage);
    keepDatasetCommunes(ds, derived, vintage, file, warnings);
    RegisterAdded out;
    out.professionals = reg.professionals.size();
    out.replacedCounts = taken;
    for (const auto& c : derived)
        out.counted += c.count;
    ds.counts.erase(std::remove_if(ds.counts.begin(), ds.counts.end(),
                                   [&](const model::CountRecord& c) { return c.vintage == vintage; }),
                    ds.counts.end());
    ds.counts.insert(ds.counts.end(), derived.begin(), derived.end());
    out.sourceLine = registerSourceLine(reg);
    out.source = reg.source;
    out.rule = reg.rule;
    auto& sources = ds.meta.sources;
    if (std::find(sources.begin(), sources.end(), out.sourceLine) == sources.end())
        sources.push_back(out.sourceLine);
    auto& vintages = ds.meta.vintages;
    if (std::find(vintages.begin(), vintages.end(), vintage) == vintages.end()) {
        vintages.push_back(vintage);
        std::sort(vintages.begin(), vintages.end());
    }
    ds.registers.erase(
        std::remove_if(ds.registers.begin(), ds.registers.end(),
                       [&](const model::ProfessionalRegister& r) { return r.vintage == vintage; }),
        ds.registers.end());
    ds.registers.push_back(std::move(reg));
    return out;
}

} // namespace maillage::io
