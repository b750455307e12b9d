#pragma once
// Origin–destination tables between communes: observed flows (commuting, patients) and the helpers that
// travel-time matrices share with them (column detection, code repair). Reading is pure: a Table in,
// records and warnings out; joining against the dataset's communes is a separate step.
#include "core/io/importers.h"
#include "core/io/table.h"
#include "core/model/dataset.h"

#include <cstdint>
#include <initializer_list>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace maillage::io {

//! What observed flows are (DOMAIN.md §4, 2), recorded in the dataset's metadata ("flows.kind").
enum class FlowKind { Commuting, Patients, Other };

//! "domicile-travail" (also "commuting", "mobpro"), "patients", "other" (also "autre"); false otherwise.
bool parseFlowKind(const std::string& text, FlowKind& out);
//! "domicile-travail", "patients", "other": the words parseFlowKind reads back.
std::string flowKindName(FlowKind kind);

//! Column names of an origin–destination table; "" = detect (see readFlows, readTravelTimes).
struct FlowColumns {
    std::string origin;      //!< commune of departure (INSEE: CODGEO, the commune of residence)
    std::string destination; //!< commune of arrival (INSEE: DCLT, the commune of work)
    std::string volume;      //!< count; INSEE's NBFLUX_C17_ACTOCC15P... (decimal: a weighted estimate)
};

//! Index of the column `given` (required when not empty), else of the first of `candidates` present
//! (matched as columnKey compares names), else of the first column whose key starts with one of
//! `prefixes`; -1 when none.
int findColumn(const Table& table, const std::string& given, std::initializer_list<const char*> candidates,
               std::initializer_list<const char*> prefixes = {});

//! The commune code of a cell, repaired (leading zeros, 2A/2B) and with arrondissements municipaux folded
//! into their commune. Throws Error(Value) naming the line and column when the cell cannot be a code.
std::string communeCodeCell(const Table& table, std::size_t row, int column);

//! Commune codes as small integers, so that an (origin, destination) pair is one 64-bit key: tens of
//! millions of pairs stay cheap to look up.
class CodePairKeys {
public:
    std::uint64_t pair(const std::string& a, const std::string& b) {
        return (static_cast<std::uint64_t>(id(a)) << 32) | id(b);
    }

private:
    std::uint32_t id(const std::string& code) {
        const auto it = m_ids.find(code); // find first: emplace would build a node for every look-up
        if (it != m_ids.end())
            return it->second;
        return m_ids.emplace(code, static_cast<std::uint32_t>(m_ids.size())).first->second;
    }
    std::unordered_map<std::string, std::uint32_t> m_ids;
};

//! Codes absent from the dataset, split: those of its départements are returned (sorted: merged
//! communes, another COG year, typos: the join lists them); those of other départements are outside
//! the territory (a national file on a regional dataset) and get one warning counting them, naming
//! the départements.
std::vector<std::string> unknownCodesOfTheTerritory(const std::set<std::string>& unknown,
                                                    const std::vector<model::Commune>& communes,
                                                    const std::string& file, Warnings& warnings);

//! Observed flows read from a table, at commune level.
struct FlowsRead {
    std::vector<model::Flow> flows; //!< one per (origin, destination), duplicates summed, in file order
    Warnings warnings;              //!< rows left out (negative, non-numeric) and duplicates summed
    double total = 0;               //!< sum of the volumes kept
};

//! Reads (origin, destination, volume) rows: generic names (origin/origine, destination, volume/count/
//! flux/nombre) or INSEE's mobilités professionnelles (CODGEO, DCLT, NBFLUX_...). Volumes may be decimal.
//! Throws Error(Format) when a column is missing, Error(Value) for a cell that cannot be a commune code.
//! Volumes that are negative, not numbers or empty are left out, with one warning listing their lines.
FlowsRead readFlows(const Table& table, const FlowColumns& columns = {});

//! Flows against the dataset's communes, and aggregated to bassins de vie.
struct FlowsJoin {
    JoinReport join;             //!< codes absent from the communes (left out), with the volume they carry
    double unmatchedVolume = 0;  //!< volume of the flows left out
    double intraCommune = 0;     //!< volume of rows whose origin is their destination
    double intraBassin = 0;      //!< volume within one bassin de vie (intra-commune rows included)
    double betweenBassins = 0;   //!< volume between two bassins de vie
    std::size_t bassinPairs = 0; //!< directed pairs of distinct bassins with a flow
};

//! Leaves out of `read.flows` the flows naming a commune absent from `dataset.communes` (a warning in
//! `read.warnings` names them and the volume they carry) and sums what stays per bassin de vie.
FlowsJoin joinFlows(FlowsRead& read, const model::Dataset& dataset, const std::string& file);

} // namespace maillage::io
