#pragma once
// The dataset: everything about one territory, as stored in one GeoPackage (see core/io/gpkg.h).
// Geometries are WKB (ISO, 2D) in Lambert-93, EPSG:2154: the model needs no GDAL header.
#include "core/model/catalogue.h"
#include "core/model/parameters.h"
#include "core/model/register.h"
#include "core/model/scenario.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace maillage::model {

namespace detail {
//! Code -> position in a vector of items with a `code` member (communes, bassins), that notices when the
//! vector changed since it was built (other size or storage: push_back, assignment; a hit naming another
//! code: reordered or edited in place) and rebuilds itself. Look-ups are lock-free and thread-safe on an
//! unchanging vector (analyses run on worker threads): a rebuild publishes a new snapshot and keeps the
//! old ones alive until reindex() or destruction, so a concurrent reader never sees a table being changed.
//! A copy starts empty (its vector lives elsewhere); a move keeps the snapshots. A snapshot holds positions
//! and hashes only, no copy of the codes (8 bytes a slot, dataset.cpp): a national commune index takes
//! 0.5 MB where a map of strings took 2.4 MB.
class CodeIndex {
public:
    CodeIndex();
    ~CodeIndex();
    CodeIndex(const CodeIndex&);
    CodeIndex& operator=(const CodeIndex&);
    CodeIndex(CodeIndex&& other) noexcept;
    CodeIndex& operator=(CodeIndex&& other) noexcept;

    //! Position of `code`, the first one when it is there twice; -1 when absent.
    template <typename T> int find(const std::vector<T>& items, const std::string& code) const;
    //! Codes found more than once, sorted.
    template <typename T> std::vector<std::string> duplicates(const std::vector<T>& items) const;
    //! Rebuilds now and drops retired snapshots (no concurrent look-up may run).
    template <typename T> void rebuild(const std::vector<T>& items);

private:
    struct Snapshot; // dataset.cpp
    template <typename T> const Snapshot* current(const std::vector<T>& items) const;
    template <typename T> const Snapshot* refresh(const std::vector<T>& items, const Snapshot* stale) const;
    void takeFrom(CodeIndex& other);

    mutable std::mutex m_mutex;                                 // serialises rebuilds only
    mutable std::vector<std::unique_ptr<Snapshot>> m_snapshots; // the last one is current
    mutable std::atomic<const Snapshot*> m_current{nullptr};
};
} // namespace detail

inline constexpr int kWorkingEpsg = 2154; //!< Lambert-93: every geometry of a dataset

using Wkb = std::vector<std::uint8_t>;

//! Where geometries are kept out of memory while a large import runs (core/io/geometry_spool.h): a file
//! written once and read back. Thread-safe.
class WkbStore {
public:
    virtual ~WkbStore() = default;
    //! Stores `wkb`; false when it cannot (the caller keeps it in memory).
    virtual bool append(const Wkb& wkb, std::uint64_t& offset) = 0;
    //! Reads back `size` bytes stored at `offset` into `into`; throws when they cannot be read.
    virtual void read(std::uint64_t offset, std::uint32_t size, Wkb& into) const = 0;
};

//! A geometry moved to a WkbStore: the item's own `geometry` is then empty. Copies share the store.
struct SpooledWkb {
    std::shared_ptr<WkbStore> store; //!< null: the geometry, if any, is in memory
    std::uint64_t offset = 0;
    std::uint32_t size = 0;
};

struct Point {
    double x = 0, y = 0;
};

//! False for the default (0, 0), far outside every territory Lambert-93 covers: the position of a commune
//! or BV read from a table without geometry is unknown, and distance analyses must leave it out.
inline bool hasPosition(const Point& p) {
    return p.x != 0 || p.y != 0;
}

struct Commune {
    std::string code; //!< INSEE, 5 characters
    std::string name;
    double population = 0;
    std::string bv;     //!< bassin de vie code
    std::string dep;    //!< département code
    std::string reg;    //!< région code
    Point anchor;       //!< a point inside the polygon (Lambert-93), for distances and labels
    Wkb geometry;       //!< (multi)polygon, may be empty for table-only datasets
    SpooledWkb spooled; //!< or there, out of memory (see wkbOf)
};

struct Bassin {
    std::string code; //!< BV code (code of its main commune)
    std::string name;
    std::string dep; //!< département of its main commune
    std::string reg; //!< région of its main commune
    double population = 0;
    std::vector<std::string> communes; //!< commune codes
    Point anchor;                      //!< the anchor of its main commune, else of the polygon
    Wkb geometry;                      //!< dissolved from its communes when not given
    SpooledWkb spooled;                //!< or there, out of memory (see wkbOf)
};

//! Infra-communal zone (IRIS, quartier) for drill-down below the commune.
struct Zone {
    std::string code;
    std::string name;
    std::string commune; //!< parent commune code
    double population = 0;
    Wkb geometry;             //!< may be empty
    std::string quartier;     //!< code of the quartier grouping it (`--quartiers`), "" when none
    std::string quartierName; //!< that quartier's name
};

//! One count of professionals: place (commune code, or zone code in Dataset::zoneCounts),
//! canonical profession code, vintage (year of the data), count.
struct CountRecord {
    std::string place;
    std::string profession;
    int vintage = 0;
    double count = 0;
};

//! A link declared by the user (DOMAIN.md §4, 3): a cooperation between the pôles of several BVs.
struct Cooperation {
    std::string name; //!< "CHT du Valenciennois"
    std::string kind; //!< "GHT", "CHT", "GCS", "CPTS", "télémédecine", "MSP" (réseau de MSP) or "other"
    //! Members: commune codes (the declared seat first when there is one); BV codes in older datasets.
    std::vector<std::string> bassins;
    std::string seat;   //!< commune code of the declared seat or hub, "" when not declared
    int startYear = 0;  //!< 0 when not declared
    std::string source; //!< where the declaration comes from ("ARS Hauts-de-France, 2016")
    //! Members declared as establishments, as written ("CH de Denain (59172)"); their communes are in
    //! `bassins`.
    std::vector<std::string> establishments;
};

//! Health facilities of one kind in one commune (BPE establishment codes D1xx: urgences, maternité, centre
//! de santé, maison de santé pluridisciplinaire...), drawn at the commune's anchor.
struct FacilityCount {
    std::string commune; //!< commune code
    std::string kind;    //!< BPE code, "D106"; names in core/io/facilities.h
    int vintage = 0;
    double count = 0;
};

//! A quartier prioritaire de la politique de la ville (QPV), an overlay of polygons.
struct Qpv {
    std::string code; //!< "QP059001"
    std::string name;
    std::string commune;   //!< main commune code, "" when the file does not give it
    double population = 0; //!< 0 when not given
    Point anchor;          //!< a point inside the polygon, Lambert-93
    Wkb geometry;          //!< (multi)polygon, Lambert-93
};

//! An observed flow between two places (communes or BVs), e.g. patient flows or commuting.
struct Flow {
    std::string origin;
    std::string destination;
    double volume = 0;
};

//! Travel time in minutes between two communes (not symmetric).
struct TravelTime {
    std::string origin;
    std::string destination;
    double minutes = 0;
};

//! Population of a commune in one age band (`maillage import|add --population-by-age`), for the
//! age-standardised demand of accessibility (access.demand = 1).
struct AgeBandPopulation {
    std::string commune; //!< commune code
    std::string band;    //!< "0-14", "15-29", … "90+" (core/io/population_age.h names them)
    double population = 0;
};

//! A département or région outline: the union of its communes, dissolved once at import (core/io/outlines.h).
struct Outline {
    std::string code;   //!< INSEE code of the département or région
    Wkb geometry;       //!< (multi)polygon in Lambert-93
    SpooledWkb spooled; //!< or there, out of memory (see wkbOf)
};

//! True when `item` (Commune, Bassin, Outline) has a geometry, in memory or spooled.
template <typename T> bool hasGeometry(const T& item) {
    return !item.geometry.empty() || item.spooled.store != nullptr;
}
//! The WKB of `item`: its own, else the spooled one read into `buffer` (empty when it has none).
template <typename T> const Wkb& wkbOf(const T& item, Wkb& buffer) {
    if (!item.spooled.store)
        return item.geometry;
    item.spooled.store->read(item.spooled.offset, item.spooled.size, buffer);
    return buffer;
}
//! Gives `wkb` to `store` when there is one and it takes it (`geometry` left empty), else keeps it in memory.
void storeGeometry(Wkb wkb, const std::shared_ptr<WkbStore>& store, Wkb& geometry, SpooledWkb& spooled);
template <typename T> void storeGeometry(T& item, Wkb wkb, const std::shared_ptr<WkbStore>& store) {
    storeGeometry(std::move(wkb), store, item.geometry, item.spooled);
}

struct Metadata {
    std::string title;                //!< "Territoire fictif de démonstration", "Hauts-de-France"...
    bool fictional = false;           //!< the demo dataset says so everywhere it is shown
    int cogYear = 0;                  //!< vintage of the commune list
    std::string bvVintage;            //!< "BV2012" or "BV2022"
    std::vector<std::string> sources; //!< "INSEE, BPE 2013", "IGN, Admin Express 2018"... (export captions)
    std::vector<int> vintages;        //!< years of professional counts present, ascending
    std::string createdBy;            //!< application and version
    std::string createdAt;            //!< ISO 8601 date
    std::map<std::string, std::string> extra; //!< anything else, kept on round trips
};

struct Dataset {
    Metadata meta;
    Parameters params;
    ProfessionCatalogue catalogue;
    std::vector<Commune> communes;
    std::vector<Bassin> bassins;
    std::vector<CountRecord> counts; //!< per commune
    std::vector<Zone> zones;
    std::vector<CountRecord> zoneCounts; //!< per infra-communal zone
    std::vector<Cooperation> cooperations;
    std::vector<Flow> flows;
    std::vector<TravelTime> travelTimes;
    std::vector<FacilityCount> facilities; //!< per commune, kind and vintage (layer `equipements`)
    std::vector<Qpv> qpvs;                 //!< quartiers prioritaires (layer `qpv`)
    //! Registers of individual professionals, one per vintage (issue 12); `counts` of a vintage that has
    //! a register are derived from it.
    std::vector<ProfessionalRegister> registers;
    //! Population by commune and age band, sorted by commune then band; empty when none was given.
    std::vector<AgeBandPopulation> populationByAge;
    //! Communes around the studied area (`import --buffer-km N`: within N km of its communes), with their
    //! population and anchor (no polygon): supply and demand of accessibility only, which reports none of
    //! them; every other analysis, table and map ignores them. Sorted by code.
    std::vector<Commune> bufferCommunes;
    std::vector<CountRecord> bufferCounts; //!< counts of the buffer communes, as `counts`
    std::vector<Scenario> scenarios; //!< "et si…" scenarios of workshops (core/model/scenario.h, issue 12)
    std::map<std::string, std::string> regionNames;      //!< région code -> name
    std::map<std::string, std::string> departementNames; //!< département code -> name
    //! Outlines dissolved at import, sorted by code; empty for datasets written before they were stored.
    std::vector<Outline> departementOutlines;
    std::vector<Outline> regionOutlines; //!< same for régions

    //! Builds the code -> index maps below. The look-ups also rebuild them by themselves when `communes`
    //! or `bassins` grew, shrank or were replaced since, or when a hit names another code (reordered or
    //! edited in place): a stale index is never returned. Only a code renamed in place, with the vector
    //! otherwise untouched, is not found under its new name until this call (or another rebuild).
    void reindex();
    //! -1 when absent; the first commune of that code when the list has it twice (duplicateCommuneCodes).
    int communeIndex(const std::string& code) const;
    int bassinIndex(const std::string& code) const; //!< -1 when absent; the first when twice
    //! Commune codes present more than once in `communes`, sorted (a list to show the user: look-ups
    //! only ever find the first of them).
    std::vector<std::string> duplicateCommuneCodes() const;
    std::vector<std::string> duplicateBassinCodes() const; //!< same for `bassins`
    const Commune* commune(const std::string& code) const;
    const Bassin* bassin(const std::string& code) const;
    //! Latest vintage of counts, or 0 when there is none.
    int latestVintage() const;

    //! Rebuilds `bassins` from the communes' bv codes: members, population, name (from `bvNames`, else
    //! the main commune's name), dep/reg and anchor of the main commune (the commune whose code is the
    //! BV code, else the most populous). Geometries of bassins already present are kept. Sorted by code.
    void rebuildBassins(const std::map<std::string, std::string>& bvNames = {});

private:
    detail::CodeIndex m_communeIndex;
    detail::CodeIndex m_bassinIndex;
};

} // namespace maillage::model
