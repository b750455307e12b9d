#pragma once
// INSEE codes are text: leading zeros matter and Corsica is 2A/2B. These helpers repair what
// spreadsheets did to them and fold the arrondissements municipaux of Paris, Lyon and Marseille.
#include <optional>
#include <string>
#include <string_view>

namespace maillage::codes {

//! A commune code as 5 characters ("1001" -> "01001", " 2a004 " -> "2A004", "1001.0" -> "01001").
//! Returns nullopt when the text cannot be a commune code (letters other than 2A/2B, too long...).
std::optional<std::string> normalizeCommune(std::string_view raw);

//! Same repair for a bassin de vie code (BV codes are commune codes of their main commune).
inline std::optional<std::string> normalizeBassin(std::string_view raw) {
    return normalizeCommune(raw);
}

//! The commune an arrondissement municipal belongs to: 75101..75120 -> 75056, 69381..69389 -> 69123,
//! 13201..13216 -> 13055; any other code is returned unchanged.
std::string foldArrondissement(const std::string& communeCode);

//! True for the 45 arrondissements municipaux.
bool isArrondissement(const std::string& communeCode);

//! Département of a commune: "59" for 59350, "2A" for 2A004, "971" for 97101.
std::string departementOf(const std::string& communeCode);

//! True for overseas communes (97x, 98x).
bool isOverseas(const std::string& communeCode);

} // namespace maillage::codes
