#pragma once
// Commune × commune travel-time matrices (DOMAIN.md §4 and §6: maillage, isolation, APL) in the long
// layouts found in practice: origin, destination, minutes or seconds (OSRM/Metric-like names detected).
#include "core/io/flows.h"

#include <string>
#include <vector>

namespace maillage::io {

//! Column names of a travel-time table; "" = detect.
struct TravelTimeColumns {
    std::string origin;      //!< detected: origin, origine, codgeo_orig, from, o, idsrc...
    std::string destination; //!< detected: destination, codgeo_dest, to, d, iddst...
    //! Minutes; detected: duree_min, minutes, temps_min, time_min, duration_min, min, duree, temps, time.
    //! Preferred to `seconds` when both are there.
    std::string minutes;
    std::string seconds; //!< detected: duree_s, seconds, secondes, duration_s, duration (OSRM), sec, s
};

//! Longest travel time accepted, in minutes: anything above 24 h is a wrong unit or a broken route.
inline constexpr double kMaxTravelMinutes = 24 * 60;

struct TravelTimesRead {
    std::vector<model::TravelTime> times; //!< minutes, one per (origin, destination), first row kept
    Warnings warnings;        //!< rows left out (empty, negative, > 24 h, not numbers) and pairs given twice
    bool fromSeconds = false; //!< the times were read from a column of seconds
};

//! Reads the matrix. Throws Error(Format) when a column is missing, Error(Value) for a cell that cannot
//! be a commune code (line and column named). Times that are empty (no route), negative, above 24 h or
//! not numbers are left out, with one warning per kind listing their lines; a pair given twice keeps its
//! first time (one warning listing them).
TravelTimesRead readTravelTimes(const Table& table, const TravelTimeColumns& columns = {});

//! Reads a matrix file by blocks of lines, so that a national matrix (tens of millions of rows) is never
//! held as a table of text: same columns, checks, warnings and line numbers as readTable +
//! readTravelTimes. The header, separator and encoding are detected on the first block (a quoted field
//! across lines is not expected in a matrix). Spreadsheets and pipes are read whole.
//! `blockBytes`: size of the blocks read (tests use small ones).
TravelTimesRead readTravelTimesFile(const std::string& path, const TableReadOptions& options = {},
                                    const TravelTimeColumns& columns = {}, Warnings* warnings = nullptr,
                                    std::size_t blockBytes = 8 << 20);

//! The matrix against the dataset's communes.
struct TravelTimesJoin {
    JoinReport join;                 //!< codes of the matrix absent from the communes (their pairs left out)
    std::size_t unmatchedPairs = 0;  //!< pairs left out for that reason
    std::size_t communesCovered = 0; //!< communes of the dataset that appear in the matrix
    long long pairsExpected = 0;     //!< n × (n − 1) ordered pairs of distinct communes of the dataset
    long long pairsCovered = 0;      //!< those the matrix gives a time for
};

//! Leaves out of `read.times` the pairs naming a commune absent from `communes` and reports, in
//! `read.warnings`, those codes and how much of the communes' pairs the matrix covers (distance stands in
//! for the missing pairs in the analyses).
TravelTimesJoin joinTravelTimes(TravelTimesRead& read, const std::vector<model::Commune>& communes,
                                const std::string& file);

} // namespace maillage::io
