#pragma once
// Health facilities per commune (issue 8): INSEE's BPE establishment codes D1xx (urgences, maternité,
// centre de santé, maison de santé pluridisciplinaire, hôpitaux de court, moyen, long séjour...), which
// are no profession. Their names ship in resources/facilities/bpe_d1xx.csv (INSEE, Licence Ouverte).
#include "core/io/cog_history.h"
#include "core/io/result_table.h"
#include "core/io/table.h"
#include "core/model/dataset.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace maillage::io {

//! A kind of facility: BPE code and names.
struct FacilityKind {
    std::string code;    //!< "D106"
    std::string labelFr; //!< "Urgences"
    std::string labelEn; //!< "Emergency department"
};

//! The shipped kinds (D101…D113), in code order.
const std::vector<FacilityKind>& facilityKinds();
//! The kind of `code` ("D106", or a wide column name such as "D106_urgences"), nullptr when it is none.
const FacilityKind* findFacilityKind(const std::string& code);

//! Facilities of a BPE table: long (DEPCOM, TYPEQU, NB_EQUIP) or wide (codgeo, then one column per code,
//! "D106_urgences"). Rows and columns of other codes are skipped (they are professions or other
//! facilities); a count that is no number or is negative is an Error(Value) naming the line and column.
//! Arrondissements are folded into Paris, Lyon and Marseille. Summed per (commune, kind), sorted by commune
//! then kind; zero counts give no record.
std::vector<model::FacilityCount> readFacilities(const Table& table, int vintage);

//! readFacilities row by row, for a reader that already goes through the rows (the import's professionals,
//! without a table of strings): the same facilities and errors, each error when its row is seen.
class FacilityRows {
public:
    //! For the rows of a table of header `head` (kept by reference).
    explicit FacilityRows(const TableHead& head);
    //! Adds the facilities of one row (`cells`, header().size() of them, from 1-based `line`).
    void see(const std::vector<std::string>& cells, long line);
    //! The facilities of the rows seen, as readFacilities gives them.
    std::vector<model::FacilityCount> facilities(int vintage) const;

private:
    const TableHead& m_head;
    int m_commune = -1, m_kind = -1, m_count = -1;
    std::vector<std::pair<int, const FacilityKind*>> m_wide; //!< wide tables: the columns of a kind
    std::map<std::pair<std::string, std::string>, double> m_sums;
};

//! Facilities of COG `from` carried to COG `to` through `history`, as counts are (carryCounts: a fusion
//! sums its communes' facilities, a split shares them by population), summed per (commune, kind, vintage)
//! and sorted as readFacilities sorts them; `carry` says how many codes were carried.
std::vector<model::FacilityCount> carryFacilities(const std::vector<model::FacilityCount>& facilities,
                                                  const CogHistory& history, int from, int to,
                                                  CogCarry& carry);

//! Puts the facilities `added` (of one or more vintages) into `dataset`: those of its communes replace the
//! dataset's facilities of the same vintages, the others are left out. Returns the codes left out (absent
//! from the dataset), sorted and unique.
std::vector<std::string> replaceFacilities(model::Dataset& dataset, std::vector<model::FacilityCount> added);

//! Grouping of facilitiesTable.
enum class FacilityGrouping { Commune, Departement, Region };

//! Table "facilities": code, name (of the commune, département or région), kind, label_fr, label_en, count:
//! the facilities of the dataset's latest facility vintage summed per group and kind, sorted by code then
//! kind, with a last row per kind for the whole dataset (code "all"). Establishments are no people: no
//! statistical secrecy applies. Notes credit INSEE's BPE.
ResultTable facilitiesTable(const model::Dataset& dataset, FacilityGrouping grouping);

} // namespace maillage::io
