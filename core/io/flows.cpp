#include "core/io/flows.h"

#include "core/model/codes.h"
#include "core/model/text.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace maillage::io {

namespace {

//! Line numbers as the details of a warning.
std::vector<std::string> lineDetails(const std::vector<long>& lines) {
    std::vector<std::string> out;
    for (long l : lines)
        out.push_back(std::to_string(l));
    return out;
}

struct VolumeProblems {
    std::vector<long> negative, notNumber;
};

void warnVolumes(FlowsRead& out, const Table& table, int column, const VolumeProblems& p) {
    Location where{table.source, 0, table.header[static_cast<std::size_t>(column)]};
    if (!p.negative.empty())
        out.warnings.push_back(makeWarning(
            ErrorKind::Value, where,
            msg("inputs.flows_negative", {arg::integer("n", static_cast<long long>(p.negative.size()))}),
            lineDetails(p.negative)));
    if (!p.notNumber.empty())
        out.warnings.push_back(makeWarning(
            ErrorKind::Value, where,
            msg("inputs.flows_not_number", {arg::integer("n", static_cast<long long>(p.notNumber.size()))}),
            lineDetails(p.notNumber)));
}

} // namespace

bool parseFlowKind(const std::string& text, FlowKind& out) {
    const std::string key = text::matchKey(text);
    if (key == "domiciletravail" || key == "commuting" || key == "mobpro" || key == "navettes") {
        out = FlowKind::Commuting;
        return true;
    }
    if (key == "patients" || key == "patient") {
        out = FlowKind::Patients;
        return true;
    }
    if (key == "other" || key == "autre" || key == "autres") {
        out = FlowKind::Other;
        return true;
    }
    return false;
}

std::string flowKindName(FlowKind kind) {
    switch (kind) {
    case FlowKind::Commuting:
        return "domicile-travail";
    case FlowKind::Patients:
        return "patients";
    case FlowKind::Other:
        break;
    }
    return "other";
}

int findColumn(const Table& table, const std::string& given, std::initializer_list<const char*> candidates,
               std::initializer_list<const char*> prefixes) {
    if (!given.empty())
        return table.requireColumn(given);
    for (const char* name : candidates)
        if (const int c = table.column(name); c >= 0)
            return c;
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const std::string key = columnKey(table.header[i]);
        for (const char* prefix : prefixes)
            if (key.rfind(prefix, 0) == 0)
                return static_cast<int>(i);
    }
    return -1;
}

std::string communeCodeCell(const Table& table, std::size_t row, int column) {
    const std::string& cell = table.cell(row, column);
    const auto code = codes::normalizeCommune(cell);
    if (!code)
        throw Error(ErrorKind::Value, table.at(row, column),
                    msg("inputs.bad_commune_code", {arg::code("value", text::visible(cell))}));
    return codes::foldArrondissement(*code);
}

std::vector<std::string> unknownCodesOfTheTerritory(const std::set<std::string>& unknown,
                                                    const std::vector<model::Commune>& communes,
                                                    const std::string& file, Warnings& warnings) {
    std::set<std::string> territory;
    for (const auto& c : communes)
        territory.insert(codes::departementOf(c.code));
    std::vector<std::string> inside;
    std::set<std::string> outsideDeps;
    std::size_t outside = 0;
    for (const auto& code : unknown) {
        const std::string dep = codes::departementOf(code);
        if (territory.count(dep)) {
            inside.push_back(code);
        } else {
            ++outside;
            outsideDeps.insert(dep);
        }
    }
    if (outside)
        warnings.push_back(
            makeWarning(ErrorKind::Join, Location{file},
                        msg("inputs.codes_outside_territory",
                            {arg::integer("n", static_cast<long long>(outside)),
                             arg::integer("deps", static_cast<long long>(outsideDeps.size()))}),
                        std::vector<std::string>(outsideDeps.begin(), outsideDeps.end())));
    return inside;
}

FlowsRead readFlows(const Table& table, const FlowColumns& columns) {
    const int o =
        findColumn(table, columns.origin, {"origin", "origine", "codgeo_orig", "codgeo", "orig", "o"});
    const int d = findColumn(table, columns.destination,
                             {"destination", "codgeo_dest", "dclt", "dest", "d", "lieu_travail"});
    const int v = findColumn(table, columns.volume,
                             {"volume", "count", "flux", "flow", "nombre", "effectif", "patients", "nb", "n"},
                             {"nbflux"});
    if (o < 0)
        table.requireColumn("origin");
    if (d < 0)
        table.requireColumn("destination");
    if (v < 0)
        table.requireColumn("volume");
    FlowsRead out;
    VolumeProblems problems;
    CodePairKeys keys;
    std::unordered_map<std::uint64_t, std::size_t> position; // pair -> its flow in out.flows
    std::set<std::pair<std::string, std::string>> repeated;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        std::string origin = communeCodeCell(table, r, o), destination = communeCodeCell(table, r, d);
        const std::string& cell = table.cell(r, v);
        const auto volume = text::parseNumber(cell);
        if (!volume) {
            problems.notNumber.push_back(table.lines[r]);
            continue;
        }
        if (*volume < 0) {
            problems.negative.push_back(table.lines[r]);
            continue;
        }
        const auto [it, fresh] = position.emplace(keys.pair(origin, destination), out.flows.size());
        if (fresh)
            out.flows.push_back({std::move(origin), std::move(destination), 0.0});
        else
            repeated.emplace(origin, destination);
        out.flows[it->second].volume += *volume;
        out.total += *volume;
    }
    warnVolumes(out, table, v, problems);
    if (!repeated.empty()) {
        std::vector<std::string> pairs;
        for (const auto& [a, b] : repeated)
            pairs.push_back(a + " → " + b);
        out.warnings.push_back(makeWarning(
            ErrorKind::Duplicate, Location{table.source},
            msg("inputs.flows_summed", {arg::integer("n", static_cast<long long>(repeated.size()))}), pairs));
    }
    return out;
}

FlowsJoin joinFlows(FlowsRead& read, const model::Dataset& dataset, const std::string& file) {
    FlowsJoin out;
    // Bassins as small integers (-1: none), so that a pair of bassins is one 64-bit key.
    std::unordered_map<std::string, int> bassinId;
    std::unordered_map<std::string, int> bassinOf;
    bassinOf.reserve(dataset.communes.size());
    for (const auto& c : dataset.communes)
        bassinOf.emplace(
            c.code,
            c.bv.empty() ? -1 : bassinId.emplace(c.bv, static_cast<int>(bassinId.size())).first->second);
    std::set<std::string> unknown;
    std::unordered_set<std::uint64_t> pairs;
    const auto known = [&](const std::string& code) {
        const auto it = bassinOf.find(code);
        if (it != bassinOf.end())
            return it->second;
        unknown.insert(code);
        return -2;
    };
    std::vector<model::Flow> kept;
    for (auto& f : read.flows) {
        const int bo = known(f.origin), bd = known(f.destination); // both ends reported
        if (bo == -2 || bd == -2) {
            out.unmatchedVolume += f.volume;
            continue;
        }
        if (f.origin == f.destination)
            out.intraCommune += f.volume;
        if (bo < 0 || bd < 0) {
            // a commune without a bassin de vie: kept, counted in neither sum
        } else if (bo == bd) {
            out.intraBassin += f.volume;
        } else {
            out.betweenBassins += f.volume;
            pairs.insert(static_cast<std::uint64_t>(bo) << 32 | static_cast<std::uint32_t>(bd));
        }
        kept.push_back(std::move(f));
    }
    read.flows = std::move(kept);
    out.bassinPairs = pairs.size();
    out.join.left = "flows (" + file + ")";
    out.join.right = "communes";
    out.join.unmatched = unknownCodesOfTheTerritory(unknown, dataset.communes, file, read.warnings);
    if (!out.join.unmatched.empty())
        read.warnings.push_back(
            makeWarning(ErrorKind::Join, Location{file},
                        msg("inputs.flows_unknown_codes",
                            {arg::integer("n", static_cast<long long>(out.join.unmatched.size())),
                             arg::number("volume", out.unmatchedVolume, 0),
                             arg::percent("share", read.total > 0 ? out.unmatchedVolume / read.total : 0)}),
                        out.join.unmatched));
    return out;
}

} // namespace maillage::io
