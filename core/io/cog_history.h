#pragma once
// The history of the commune list (Code officiel géographique): INSEE's annual tables de passage, shipped
// with the application (resources/cog, compiled in as a fallback), to carry counts and populations of a
// table of one COG year to the COG of the commune polygons: merged communes summed, split communes
// shared by population ratio, years chained (2009 -> 2018 and back).
#include "core/io/table.h"
#include "core/model/dataset.h"

#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace maillage::io {

//! Where a code of one COG year goes in the next (or previous) year.
struct CogShare {
    std::string code; //!< code in the arrival year
    double ratio = 1; //!< share of the departure commune's population that goes to `code`
};

class CogHistory {
public:
    //! Reads a table in the layout of resources/cog (annee_depart, annee_arrivee, cod_depart,
    //! cod_arrivee, ratio; optional variante: only the rows of `variant` are read when the column is
    //! there). Throws Error(Format) for a missing column or a table whose links go round in a cycle (the
    //! codes and a line named), Error(Value) for a bad year, code or ratio (line named).
    static CogHistory fromTable(const Table& table, const std::string& variant = "cog");

    int firstYear() const { return m_first; } //!< 0 when empty
    int lastYear() const { return m_last; }
    //! Whether the tables chain from COG `from` to COG `to` (every year between has its table, or no change).
    bool covers(int from, int to) const;
    //! Whether `code` is a commune of COG `year` (codes never touched by a change exist every year).
    bool exists(const std::string& code, int year) const;
    //! Where a commune of COG `from` goes in COG `to`, chaining the yearly tables and multiplying
    //! ratios; {code, 1} for a commune no change touched.
    std::vector<CogShare> carry(const std::string& code, int from, int to) const;
    //! The COG year whose commune list fits `codes` best (fewest codes absent from it); ties go to the
    //! year closest to `prefer`. 0 when the history is empty.
    int detectYear(const std::vector<std::string>& codes, int prefer) const;

private:
    using Step = std::unordered_map<std::string, std::vector<CogShare>>; // departure code -> arrivals
    std::vector<CogShare> step(const std::string& code, int from, int to) const;

    std::map<std::pair<int, int>, Step> m_steps; //!< (year, year ± 1) -> changes
    //! Code -> (year, exists from that year on) for the codes a change touched, ascending years.
    std::unordered_map<std::string, std::vector<std::pair<int, bool>>> m_events;
    int m_first = 0, m_last = 0;
};

//! Reads a passage table file (`--cog-history FILE`).
CogHistory readCogHistory(const std::string& path, const std::string& variant = "cog");
//! <prefix>/share/maillage/cog/cog_tables_passage_annuelles_2008_2024.csv when installed, else the copy
//! compiled in.
const CogHistory& standardCogHistory();

//! What carrying a table did.
struct CogCarry {
    std::string file;
    int from = 0, to = 0;         //!< COG years; equal when nothing was carried
    std::size_t codesCarried = 0; //!< codes of the table that a change touched between the two years
    std::size_t unmatched = 0;    //!< codes still absent from the communes after carrying (the join)
};

//! Counts of COG `from` carried to COG `to`: records of merged communes summed, of split communes
//! shared by ratio; (place, profession, vintage) duplicates summed. `carry.codesCarried` counts the codes.
std::vector<model::CountRecord> carryCounts(const std::vector<model::CountRecord>& counts,
                                            const CogHistory& history, int from, int to, CogCarry& carry);
//! Populations of COG `from` carried to COG `to`, as carryCounts.
std::map<std::string, double> carryPopulation(const std::map<std::string, double>& population,
                                              const CogHistory& history, int from, int to, CogCarry& carry);

//! Flows between communes of COG `from` carried to COG `to`: both ends carried, volumes shared by the
//! product of their ratios, flows that end up on the same pair summed (in order of first appearance).
std::vector<model::Flow> carryFlows(const std::vector<model::Flow>& flows, const CogHistory& history,
                                    int from, int to, CogCarry& carry);

} // namespace maillage::io
