#pragma once
// The demo dataset's register of fictional professionals (issue 12): people behind the demo's counts.
#include "core/model/dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace maillage::demo {

//! The professions the demo register covers (those of the RPPS: physicians, dentists, midwives,
//! pharmacists), catalogue codes.
const std::vector<std::string>& demoRegisterProfessions();

//! A register of fictional professionals for `vintage`, one per professional counted in `dataset.counts`
//! for that vintage and a covered profession, at their main site in the commune of the count (site rule:
//! main site), so that countsFromRegister gives back exactly those counts. Invented ids ("DEMO0000001"),
//! ages with a realistic spread (rural general practitioners older), sexes, secteurs, modes d'exercice
//! (mixte: a salaried second site in the same BV), FTE. Deterministic for a given `key`.
model::ProfessionalRegister makeDemoRegister(const model::Dataset& dataset, int vintage, std::uint64_t key);

} // namespace maillage::demo
