#include "core/io/cooperations.h"

#include "core/io/flows.h"
#include "core/model/codes.h"
#include "core/model/text.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace maillage::io {

namespace {

struct CoopColumns {
    int name = -1, kind = -1, members = -1, seat = -1, year = -1, source = -1;
};

CoopColumns detectColumns(const Table& t, const CooperationColumns& given) {
    CoopColumns c;
    c.name = findColumn(t, given.name, {"name", "nom", "cooperation", "libelle", "intitule"});
    c.kind = findColumn(t, given.kind, {"kind", "type", "nature", "categorie"});
    c.members = findColumn(
        t, given.members,
        {"members", "membres", "member", "membre", "communes", "commune", "etablissements", "etablissement"});
    c.seat = findColumn(t, given.seat, {"seat", "hub", "siege", "pivot", "tete_de_reseau", "support"});
    c.year = findColumn(t, given.startYear, {"start_year", "start", "year", "annee", "annee_debut", "debut"});
    c.source = findColumn(t, given.source, {"source", "sources"});
    if (c.name < 0)
        t.requireColumn("name");
    if (c.members < 0)
        t.requireColumn("members");
    return c;
}

//! Members of one cell: separated by ',' ';' or '|' (hyphens belong to names: Saint-Amand-les-Eaux).
std::vector<std::string> splitMembers(const std::string& cell) {
    std::vector<std::string> out;
    std::string current;
    const auto flush = [&] {
        std::string m = text::trim(current);
        if (!m.empty())
            out.push_back(std::move(m));
        current.clear();
    };
    for (char ch : cell) {
        if (ch == ',' || ch == ';' || ch == '|')
            flush();
        else
            current += ch;
    }
    flush();
    return out;
}

int readYear(const Table& t, std::size_t row, int column) {
    const std::string cell = text::trim(t.cell(row, column));
    if (cell.empty())
        return 0;
    const auto value = text::parseNumber(cell);
    if (!value || *value != static_cast<int>(*value) || *value < 1900 || *value > 2100)
        throw Error(ErrorKind::Value, t.at(row, column),
                    msg("inputs.coop_bad_year", {arg::code("value", text::visible(cell))}));
    return static_cast<int>(*value);
}

//! "Name (59)" -> {"Name", "59"}; "CH X (59172)" -> {"CH X", "59172"}; "Name" -> {"Name", ""}.
std::pair<std::string, std::string> splitQualifier(const std::string& member) {
    const std::string m = text::trim(member);
    if (m.size() < 3 || m.back() != ')')
        return {m, ""};
    const auto open = m.rfind('(');
    if (open == std::string::npos)
        return {m, ""};
    return {text::trim(m.substr(0, open)), text::trim(m.substr(open + 1, m.size() - open - 2))};
}

std::string describeCommune(const model::Commune& c) {
    return c.code + " " + c.name + " (" + (c.dep.empty() ? codes::departementOf(c.code) : c.dep) + ")";
}

} // namespace

std::string normaliseCooperationKind(const std::string& kind) {
    const std::string key = text::matchKey(kind);
    static const std::pair<const char*, const char*> known[] = {{"ght", "GHT"},
                                                                {"cht", "CHT"},
                                                                {"gcs", "GCS"},
                                                                {"cpts", "CPTS"},
                                                                {"telemedecine", "télémédecine"},
                                                                {"msp", "MSP"},
                                                                {"reseaumsp", "MSP"},
                                                                {"reseaudemsp", "MSP"},
                                                                {"other", "other"},
                                                                {"autre", "other"}};
    if (key.empty())
        return "other";
    for (const auto& [k, v] : known)
        if (key == k)
            return v;
    return text::trim(kind);
}

std::vector<DeclaredCooperation> readCooperations(const Table& table, const CooperationColumns& columns) {
    const CoopColumns c = detectColumns(table, columns);
    std::vector<DeclaredCooperation> out;
    std::map<std::string, std::size_t> byName; // rows of one cooperation (one member per row) merged
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const std::string name = text::trim(table.cell(r, c.name));
        if (name.empty())
            throw Error(ErrorKind::Value, table.at(r, c.name), msg("inputs.coop_no_name"));
        const auto members = splitMembers(table.cell(r, c.members));
        if (members.empty())
            throw Error(ErrorKind::Value, table.at(r, c.members),
                        msg("inputs.coop_no_members", {arg::text("name", name)}));
        auto [it, fresh] = byName.emplace(name, out.size());
        if (fresh) {
            DeclaredCooperation d;
            d.name = name;
            d.kind = normaliseCooperationKind(table.cell(r, c.kind));
            d.seat = text::trim(table.cell(r, c.seat));
            d.startYear = c.year >= 0 ? readYear(table, r, c.year) : 0;
            d.source = text::trim(table.cell(r, c.source));
            d.line = table.lines[r];
            out.push_back(std::move(d));
        }
        DeclaredCooperation& d = out[it->second];
        if (d.seat.empty())
            d.seat = text::trim(table.cell(r, c.seat));
        d.members.insert(d.members.end(), members.begin(), members.end());
    }
    return out;
}

std::string resolveMember(const std::string& member, const std::vector<model::Commune>& communes,
                          std::string& problem, std::vector<std::string>& candidates) {
    problem.clear();
    candidates.clear();
    const auto [label, qualifier] = splitQualifier(member);
    // A commune code, alone or after an establishment's name.
    for (const std::string& part : {qualifier, label})
        if (part.size() >= 4 && std::isdigit(static_cast<unsigned char>(part.back())))
            if (const auto code = codes::normalizeCommune(part)) {
                const std::string folded = codes::foldArrondissement(*code);
                for (const auto& c : communes)
                    if (c.code == folded)
                        return c.code;
            }
    const std::string key = text::matchKey(label);
    std::vector<const model::Commune*> found;
    for (const auto& c : communes)
        if (text::matchKey(c.name) == key &&
            (qualifier.empty() || qualifier == c.dep || qualifier == codes::departementOf(c.code)))
            found.push_back(&c);
    if (found.size() == 1)
        return found.front()->code;
    problem = found.empty() ? "unknown" : "ambiguous";
    for (const auto* c : found)
        candidates.push_back(describeCommune(*c));
    return {};
}

namespace {

//! "CH de Denain (59172)": a name followed by a commune code in parentheses is an establishment.
bool isEstablishment(const std::string& member) {
    const auto [label, qualifier] = splitQualifier(member);
    return !label.empty() && qualifier.size() >= 4 && codes::normalizeCommune(qualifier).has_value();
}

//! The cooperation of `d` with its members resolved (the seat first); `onProblem(member, id, candidates)`
//! is called for each member that cannot be, which is left out.
template <typename OnProblem>
model::Cooperation resolveDeclared(const DeclaredCooperation& d, const std::vector<model::Commune>& communes,
                                   OnProblem&& onProblem) {
    model::Cooperation coop;
    coop.name = d.name;
    coop.kind = normaliseCooperationKind(d.kind);
    coop.startYear = d.startYear;
    coop.source = d.source;
    std::vector<std::string> members = d.members;
    if (!d.seat.empty()) // the declared seat first (and once)
        members.insert(members.begin(), d.seat);
    for (std::size_t m = 0; m < members.size(); ++m) {
        const std::string& member = members[m];
        std::string problem;
        std::vector<std::string> candidates;
        const std::string code = resolveMember(member, communes, problem, candidates);
        if (code.empty()) {
            onProblem(member,
                      problem == "ambiguous" ? "inputs.coop_member_ambiguous" : "inputs.coop_member_unknown",
                      candidates);
            continue;
        }
        if (m == 0 && !d.seat.empty())
            coop.seat = code;
        if (isEstablishment(member) && std::find(coop.establishments.begin(), coop.establishments.end(),
                                                 text::trim(member)) == coop.establishments.end())
            coop.establishments.push_back(text::trim(member));
        if (std::find(coop.bassins.begin(), coop.bassins.end(), code) == coop.bassins.end())
            coop.bassins.push_back(code);
    }
    return coop;
}

} // namespace

std::vector<model::Cooperation> resolveCooperations(const std::vector<DeclaredCooperation>& declared,
                                                    const std::vector<model::Commune>& communes,
                                                    const std::string& file, Warnings& warnings) {
    std::vector<model::Cooperation> out;
    for (const auto& d : declared)
        out.push_back(resolveDeclared(
            d, communes,
            [&](const std::string& member, const char* id, const std::vector<std::string>& candidates) {
                warnings.push_back(makeWarning(
                    ErrorKind::Join, Location{file, d.line},
                    msg(id, {arg::text("name", d.name), arg::code("member", member)}), candidates));
            }));
    return out;
}

model::Cooperation makeCooperation(const DeclaredCooperation& declared,
                                   const std::vector<model::Commune>& communes) {
    if (text::trim(declared.name).empty())
        throw Error(ErrorKind::Value, {}, msg("inputs.coop_no_name"));
    DeclaredCooperation d = declared;
    d.name = text::trim(d.name);
    model::Cooperation coop = resolveDeclared(
        d, communes,
        [&](const std::string& member, const char* id, const std::vector<std::string>& candidates) {
            const char* strict = std::string(id) == "inputs.coop_member_ambiguous"
                                     ? "inputs.coop_member_ambiguous_refused"
                                     : "inputs.coop_member_unknown_refused";
            throw Error(ErrorKind::Value, {},
                        msg(strict, {arg::text("name", d.name), arg::code("member", member),
                                     arg::list("candidates", candidates)}));
        });
    if (coop.bassins.empty())
        throw Error(ErrorKind::Value, {}, msg("inputs.coop_no_members", {arg::text("name", d.name)}));
    return coop;
}

const std::vector<std::string>& cooperationKinds() {
    static const std::vector<std::string> kinds = {"GHT",          "CHT", "GCS",  "CPTS",
                                                   "télémédecine", "MSP", "other"};
    return kinds;
}

int findCooperation(const model::Dataset& dataset, const std::string& name) {
    for (std::size_t i = 0; i < dataset.cooperations.size(); ++i)
        if (dataset.cooperations[i].name == name)
            return static_cast<int>(i);
    return -1;
}

void addCooperation(model::Dataset& dataset, model::Cooperation cooperation) {
    if (findCooperation(dataset, cooperation.name) >= 0)
        throw Error(ErrorKind::Value, {},
                    msg("inputs.coop_name_taken", {arg::text("name", cooperation.name)}));
    dataset.cooperations.push_back(std::move(cooperation));
}

void replaceCooperation(model::Dataset& dataset, const std::string& name, model::Cooperation cooperation) {
    const int at = findCooperation(dataset, name);
    if (at < 0)
        throw Error(ErrorKind::Value, {}, msg("inputs.coop_not_found", {arg::text("name", name)}));
    const int other = findCooperation(dataset, cooperation.name);
    if (other >= 0 && other != at)
        throw Error(ErrorKind::Value, {},
                    msg("inputs.coop_name_taken", {arg::text("name", cooperation.name)}));
    dataset.cooperations[static_cast<std::size_t>(at)] = std::move(cooperation);
}

model::Cooperation removeCooperation(model::Dataset& dataset, const std::string& name) {
    const int at = findCooperation(dataset, name);
    if (at < 0)
        throw Error(ErrorKind::Value, {}, msg("inputs.coop_not_found", {arg::text("name", name)}));
    model::Cooperation removed = std::move(dataset.cooperations[static_cast<std::size_t>(at)]);
    dataset.cooperations.erase(dataset.cooperations.begin() + at);
    return removed;
}

} // namespace maillage::io
