#include "core/io/cog_history.h"

#include "core/io/flows.h"
#include "core/model/catalogue.h"
#include "core/model/codes.h"
#include "core/model/text.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <limits>
#include <set>
#include <tuple>

namespace maillage::io {

namespace detail {
const char* builtinCogPassageCsv();
} // namespace detail

namespace {

struct PassageColumns {
    int from = -1, to = -1, fromCode = -1, toCode = -1, ratio = -1, variant = -1;
};

PassageColumns passageColumns(const Table& t) {
    PassageColumns c;
    c.from = t.requireColumn("annee_depart");
    c.to = t.requireColumn("annee_arrivee");
    c.fromCode = t.requireColumn("cod_depart");
    c.toCode = t.requireColumn("cod_arrivee");
    c.ratio = t.column("ratio");
    c.variant = t.column("variante");
    return c;
}

int yearCell(const Table& t, std::size_t row, int column) {
    const auto v = text::parseNumber(t.cell(row, column));
    if (!v || *v != std::floor(*v) || *v < 1900 || *v > 2100)
        throw Error(ErrorKind::Value, t.at(row, column),
                    msg("inputs.cog_bad_year", {arg::code("value", text::visible(t.cell(row, column)))}));
    return static_cast<int>(*v);
}

std::string codeCell(const Table& t, std::size_t row, int column) {
    const auto code = codes::normalizeCommune(t.cell(row, column));
    if (!code)
        throw Error(ErrorKind::Value, t.at(row, column),
                    msg("inputs.bad_commune_code", {arg::code("value", text::visible(t.cell(row, column)))}));
    return *code;
}

double ratioCell(const Table& t, std::size_t row, int column) {
    if (column < 0 || text::trim(t.cell(row, column)).empty())
        return 1;
    const auto v = text::parseNumber(t.cell(row, column));
    if (!v || *v < 0 || *v > 1)
        throw Error(ErrorKind::Value, t.at(row, column),
                    msg("inputs.cog_bad_ratio", {arg::code("value", text::visible(t.cell(row, column)))}));
    return *v;
}

//! Codes that a step's links lead back to (A -> B -> ... -> A, links of a code to itself aside), or
//! empty. A table de passage maps each year once: a cycle is a broken table.
template <typename Step> std::vector<std::string> findCycle(const Step& step) {
    std::unordered_map<std::string, int> state; // 1 visiting, 2 done
    std::vector<std::string> path;
    std::vector<std::string> cycle;
    std::function<bool(const std::string&)> visit = [&](const std::string& code) {
        const int s = state[code];
        if (s == 1) {
            cycle.assign(std::find(path.begin(), path.end(), code), path.end());
            return true;
        }
        if (s == 2)
            return false;
        state[code] = 1;
        path.push_back(code);
        const auto it = step.find(code);
        if (it != step.end())
            for (const CogShare& share : it->second)
                if (share.code != code && visit(share.code))
                    return true;
        path.pop_back();
        state[code] = 2;
        return false;
    };
    for (const auto& entry : step)
        if (visit(entry.first))
            break;
    return cycle;
}

} // namespace

CogHistory CogHistory::fromTable(const Table& t, const std::string& variant) {
    const PassageColumns c = passageColumns(t);
    CogHistory h;
    std::map<std::pair<int, int>, long> firstLine;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (c.variant >= 0 && !variant.empty() && text::trim(t.cell(r, c.variant)) != variant)
            continue;
        const int from = yearCell(t, r, c.from), to = yearCell(t, r, c.to);
        if (std::abs(from - to) != 1)
            throw Error(ErrorKind::Value, t.at(r, c.to),
                        msg("inputs.cog_not_consecutive",
                            {arg::text("from", std::to_string(from)), arg::text("to", std::to_string(to))}));
        h.m_steps[{from, to}][codeCell(t, r, c.fromCode)].push_back(
            {codeCell(t, r, c.toCode), ratioCell(t, r, c.ratio)});
        firstLine.emplace(std::make_pair(from, to), t.lines[r]);
        h.m_first = h.m_first ? std::min({h.m_first, from, to}) : std::min(from, to);
        h.m_last = std::max({h.m_last, from, to});
    }
    for (const auto& [years, step] : h.m_steps) {
        const auto cycle = findCycle(step);
        if (!cycle.empty())
            throw Error(ErrorKind::Format, Location{t.source, firstLine[years]},
                        msg("inputs.cog_cycle", {arg::text("from", std::to_string(years.first)),
                                                 arg::text("to", std::to_string(years.second)),
                                                 arg::list("codes", cycle, true)}));
    }
    // Existence: a departure that is no arrival of the same forward step ends; an arrival that is no
    // departure begins.
    for (const auto& [years, step] : h.m_steps) {
        if (years.second != years.first + 1)
            continue;
        std::set<std::string> arrivals;
        for (const auto& [code, shares] : step)
            for (const CogShare& s : shares)
                arrivals.insert(s.code);
        for (const auto& [code, shares] : step)
            if (!arrivals.count(code))
                h.m_events[code].push_back({years.second, false});
        for (const auto& code : arrivals)
            if (!step.count(code))
                h.m_events[code].push_back({years.second, true});
    }
    for (auto& [code, events] : h.m_events)
        std::sort(events.begin(), events.end());
    return h;
}

bool CogHistory::covers(int from, int to) const {
    return m_first && std::min(from, to) >= m_first && std::max(from, to) <= m_last;
}

bool CogHistory::exists(const std::string& code, int year) const {
    const auto it = m_events.find(code);
    if (it == m_events.end())
        return true;
    const auto& events = it->second;
    bool state = !events.front().second;
    for (const auto& [y, exists] : events)
        if (y <= year)
            state = exists;
    return state;
}

std::vector<CogShare> CogHistory::step(const std::string& code, int from, int to) const {
    const auto s = m_steps.find({from, to});
    if (s == m_steps.end())
        return {{code, 1}};
    const auto it = s->second.find(code);
    if (it == s->second.end())
        return {{code, 1}};
    return it->second;
}

std::vector<CogShare> CogHistory::carry(const std::string& code, int from, int to) const {
    std::vector<CogShare> current{{code, 1}};
    const int dir = to > from ? 1 : -1;
    for (int y = from; y != to; y += dir) {
        std::map<std::string, double> next;
        for (const CogShare& share : current)
            for (const CogShare& s : step(share.code, y, y + dir))
                next[s.code] += share.ratio * s.ratio;
        current.clear();
        for (const auto& [c, r] : next)
            current.push_back({c, r});
    }
    return current;
}

int CogHistory::detectYear(const std::vector<std::string>& codes, int prefer) const {
    if (!m_first)
        return 0;
    std::set<std::string> touched; // only codes a change touched tell years apart
    for (const auto& c : codes)
        if (m_events.count(c))
            touched.insert(c);
    int best = 0;
    std::size_t bestMissing = std::numeric_limits<std::size_t>::max();
    for (int y = m_first; y <= m_last; ++y) {
        std::size_t missing = 0;
        for (const auto& c : touched)
            missing += !exists(c, y);
        const bool closer = best && std::abs(y - prefer) < std::abs(best - prefer);
        if (missing < bestMissing || (missing == bestMissing && closer)) {
            best = y;
            bestMissing = missing;
        }
    }
    return best;
}

CogHistory readCogHistory(const std::string& path, const std::string& variant) {
    TableReadOptions o;
    o.expectedColumns = {"annee_depart", "cod_depart"};
    return CogHistory::fromTable(readTable(path, o), variant);
}

const CogHistory& standardCogHistory() {
    static const CogHistory history = [] {
        // Next to the profession catalogue: <prefix>/share/maillage/cog/...
        const std::string catalogue = model::processCatalogueLookup().installedPath;
        if (!catalogue.empty()) {
            const auto path = std::filesystem::path(catalogue).parent_path() / "cog" /
                              "cog_tables_passage_annuelles_2008_2024.csv";
            std::error_code ec;
            if (std::filesystem::exists(path, ec))
                return readCogHistory(path.string());
        }
        TableReadOptions o;
        o.separator = ',';
        o.encoding = "UTF-8";
        o.headerLine = 1;
        return CogHistory::fromTable(parseCsvText(detail::builtinCogPassageCsv(), "built-in COG history", o));
    }();
    return history;
}

namespace {

//! The shares of `place` carried from COG `from` to `to`, counted in `carry` when it is carried elsewhere.
std::vector<CogShare> countedShares(const std::string& place, const CogHistory& h, int from, int to,
                                    CogCarry& carry) {
    std::vector<CogShare> shares = h.carry(place, from, to);
    if (shares.size() != 1 || shares.front().code != place)
        ++carry.codesCarried;
    return shares;
}

//! The shares of each distinct place, computed once per code.
template <typename Places>
std::unordered_map<std::string, std::vector<CogShare>> sharesOf(const Places& places, const CogHistory& h,
                                                                int from, int to, CogCarry& carry) {
    std::unordered_map<std::string, std::vector<CogShare>> out;
    for (const std::string& place : places)
        if (!out.count(place))
            out.emplace(place, countedShares(place, h, from, to, carry));
    return out;
}

} // namespace

std::vector<model::CountRecord> carryCounts(const std::vector<model::CountRecord>& counts,
                                            const CogHistory& history, int from, int to, CogCarry& carry) {
    carry.from = from;
    carry.to = to;
    std::vector<std::string> places;
    for (const auto& c : counts)
        places.push_back(c.place);
    const auto shares = sharesOf(places, history, from, to, carry);
    std::map<std::tuple<std::string, std::string, int>, double> sums;
    std::vector<std::tuple<std::string, std::string, int>> order;
    for (const auto& c : counts)
        for (const CogShare& s : shares.at(c.place)) {
            auto key = std::make_tuple(s.code, c.profession, c.vintage);
            auto [it, fresh] = sums.emplace(key, 0.0);
            if (fresh)
                order.push_back(key);
            it->second += c.count * s.ratio;
        }
    std::vector<model::CountRecord> out;
    out.reserve(order.size());
    for (const auto& key : order)
        out.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), sums[key]});
    return out;
}

std::map<std::string, double> carryPopulation(const std::map<std::string, double>& population,
                                              const CogHistory& history, int from, int to, CogCarry& carry) {
    carry.from = from;
    carry.to = to;
    // A code once each (the map's keys): its shares as it comes, without the table of every code's shares
    // sharesOf makes for repeated codes (5 MB for France's communes, at the import's peak).
    std::map<std::string, double> out;
    for (const auto& [code, value] : population) {
        for (const CogShare& s : countedShares(code, history, from, to, carry))
            out[s.code] += value * s.ratio;
    }
    return out;
}

std::vector<model::Flow> carryFlows(const std::vector<model::Flow>& flows, const CogHistory& history,
                                    int from, int to, CogCarry& carry) {
    carry.from = from;
    carry.to = to;
    std::vector<std::string> places;
    places.reserve(2 * flows.size());
    for (const auto& f : flows) {
        places.push_back(f.origin);
        places.push_back(f.destination);
    }
    const auto shares = sharesOf(places, history, from, to, carry);
    CodePairKeys keys;
    std::unordered_map<std::uint64_t, std::size_t> position;
    std::vector<model::Flow> out;
    out.reserve(flows.size());
    for (const auto& f : flows)
        for (const CogShare& o : shares.at(f.origin))
            for (const CogShare& d : shares.at(f.destination)) {
                const auto [it, fresh] = position.emplace(keys.pair(o.code, d.code), out.size());
                if (fresh)
                    out.push_back({o.code, d.code, 0.0});
                out[it->second].volume += f.volume * o.ratio * d.ratio;
            }
    return out;
}

} // namespace maillage::io
