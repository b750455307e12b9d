#include "core/io/travel_times.h"

#include "core/model/text.h"

#include <cstdint>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace maillage::io {

namespace {

//! Lines of rows left out, per reason.
struct TimeProblems {
    std::vector<long> empty, negative, tooLong, notNumber, repeated;
};

//! Commune codes as small integers, so that a pair is one 64-bit key (10 million pairs stay cheap).
class CodeInterner {
public:
    std::uint64_t pair(const std::string& a, const std::string& b) {
        return (static_cast<std::uint64_t>(id(a)) << 32) | id(b);
    }

private:
    std::uint32_t id(const std::string& code) {
        return m_ids.emplace(code, static_cast<std::uint32_t>(m_ids.size())).first->second;
    }
    std::unordered_map<std::string, std::uint32_t> m_ids;
};

struct TimeColumns {
    int origin = -1, destination = -1, time = -1;
    bool seconds = false;
};

TimeColumns detectColumns(const Table& table, const TravelTimeColumns& given) {
    TimeColumns c;
    c.origin =
        findColumn(table, given.origin,
                   {"origin", "origine", "codgeo_orig", "codgeo_o", "from", "src", "idsrc", "depart", "o"});
    c.destination =
        findColumn(table, given.destination,
                   {"destination", "codgeo_dest", "codgeo_d", "to", "dst", "iddst", "arrivee", "d"});
    if (given.seconds.empty())
        c.time = findColumn(table, given.minutes,
                            {"duree_min", "minutes", "temps_min", "time_min", "duration_min", "min", "duree",
                             "temps", "time"});
    if (c.time < 0) {
        c.time =
            findColumn(table, given.seconds,
                       {"duree_s", "duree_sec", "seconds", "secondes", "duration_s", "duration", "sec", "s"});
        c.seconds = c.time >= 0;
    }
    if (c.origin < 0)
        table.requireColumn("origin");
    if (c.destination < 0)
        table.requireColumn("destination");
    if (c.time < 0)
        table.requireColumn("minutes");
    return c;
}

void warnLines(Warnings& warnings, const Table& table, int column, const std::vector<long>& lines,
               const char* id, ErrorKind kind = ErrorKind::Value) {
    if (lines.empty())
        return;
    std::vector<std::string> details;
    for (long l : lines)
        details.push_back(std::to_string(l));
    warnings.push_back(makeWarning(
        kind, Location{table.source, 0, table.header[static_cast<std::size_t>(column)]},
        msg(id, {arg::integer("n", static_cast<long long>(lines.size())), arg::integer("max", 24)}),
        details));
}

//! How routers and spreadsheets write "no route": empty, null, NaN, NA, "-", infinity.
bool isNoRoute(const std::string& cell) {
    const std::string key = text::matchKey(cell);
    return key.empty() || key == "null" || key == "nan" || key == "none" || key == "inf" ||
           key == "infinity" || text::isSecretMarker(cell);
}

//! The minutes of a cell, or the problem's list it goes to.
bool readMinutes(const std::string& cell, bool seconds, long line, TimeProblems& p, double& minutes) {
    if (isNoRoute(cell)) {
        p.empty.push_back(line);
        return false;
    }
    const auto value = text::parseNumber(cell);
    if (!value) {
        p.notNumber.push_back(line);
        return false;
    }
    minutes = seconds ? *value / 60 : *value;
    if (minutes < 0) {
        p.negative.push_back(line);
        return false;
    }
    if (minutes > kMaxTravelMinutes) {
        p.tooLong.push_back(line);
        return false;
    }
    return true;
}

} // namespace

TravelTimesRead readTravelTimes(const Table& table, const TravelTimeColumns& columns) {
    const TimeColumns c = detectColumns(table, columns);
    TravelTimesRead out;
    out.fromSeconds = c.seconds;
    TimeProblems problems;
    CodeInterner interner;
    std::unordered_set<std::uint64_t> seen;
    seen.reserve(table.rows.size());
    out.times.reserve(table.rows.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        std::string origin = communeCodeCell(table, r, c.origin);
        std::string destination = communeCodeCell(table, r, c.destination);
        double minutes = 0;
        if (!readMinutes(table.cell(r, c.time), c.seconds, table.lines[r], problems, minutes))
            continue;
        if (!seen.insert(interner.pair(origin, destination)).second) {
            problems.repeated.push_back(table.lines[r]);
            continue;
        }
        out.times.push_back({std::move(origin), std::move(destination), minutes});
    }
    warnLines(out.warnings, table, c.time, problems.empty, "inputs.times_empty");
    warnLines(out.warnings, table, c.time, problems.notNumber, "inputs.times_not_number");
    warnLines(out.warnings, table, c.time, problems.negative, "inputs.times_negative");
    warnLines(out.warnings, table, c.time, problems.tooLong, "inputs.times_too_long");
    warnLines(out.warnings, table, c.origin, problems.repeated, "inputs.times_repeated",
              ErrorKind::Duplicate);
    return out;
}

TravelTimesJoin joinTravelTimes(TravelTimesRead& read, const std::vector<model::Commune>& communes,
                                const std::string& file) {
    TravelTimesJoin out;
    std::unordered_set<std::string> known;
    for (const auto& c : communes)
        known.insert(c.code);
    std::set<std::string> unknown, covered;
    std::vector<model::TravelTime> kept;
    kept.reserve(read.times.size());
    for (auto& t : read.times) {
        const bool o = known.count(t.origin) > 0, d = known.count(t.destination) > 0;
        if (!o)
            unknown.insert(t.origin);
        if (!d)
            unknown.insert(t.destination);
        if (!o || !d) {
            ++out.unmatchedPairs;
            continue;
        }
        covered.insert(t.origin);
        covered.insert(t.destination);
        if (t.origin != t.destination)
            ++out.pairsCovered;
        kept.push_back(std::move(t));
    }
    read.times = std::move(kept);
    const auto n = static_cast<long long>(known.size());
    out.pairsExpected = n * (n - 1);
    out.communesCovered = covered.size();
    out.join.left = "travel times (" + file + ")";
    out.join.right = "communes";
    out.join.unmatched.assign(unknown.begin(), unknown.end());
    if (!unknown.empty())
        read.warnings.push_back(
            makeWarning(ErrorKind::Join, Location{file},
                        msg("inputs.times_unknown_codes",
                            {arg::integer("n", static_cast<long long>(unknown.size())),
                             arg::integer("pairs", static_cast<long long>(out.unmatchedPairs))}),
                        out.join.unmatched));
    if (out.pairsCovered < out.pairsExpected)
        read.warnings.push_back(
            makeWarning(ErrorKind::Join, Location{file},
                        msg("inputs.times_incomplete",
                            {arg::integer("missing", out.pairsExpected - out.pairsCovered),
                             arg::integer("expected", out.pairsExpected),
                             arg::percent("share", static_cast<double>(out.pairsExpected - out.pairsCovered) /
                                                       static_cast<double>(out.pairsExpected)),
                             arg::integer("communes", n - static_cast<long long>(out.communesCovered))})));
    return out;
}

} // namespace maillage::io
