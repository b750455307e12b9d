#pragma once
// Health facilities per commune (issue 8): INSEE's BPE establishment codes D1xx (urgences, maternité,
// centre de santé, maison de santé pluridisciplinaire, hôpitaux de court, moyen, long séjour...), which
// are no profession. Their names ship in resources/facilities/bpe_d1xx.csv (INSEE, Licence Ouverte).
#include "core/io/table.h"
#include "core/model/dataset.h"

#include <string>
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

} // namespace maillage::io
