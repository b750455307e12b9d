#pragma once
// Text as French public data really has it: Latin-1 or UTF-8 (with BOM), decimal commas,
// thousands separated by (non-breaking) spaces, accents in labels.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage::text {

std::string trim(std::string_view s);
//! ASCII lower case, and accents removed from the Latin letters of UTF-8 text (é -> e, Œ -> oe).
//! Used to compare labels and aliases: "Masseur-Kinésithérapeute" ~ "masseur-kinesitherapeute".
std::string foldForMatch(std::string_view utf8);
//! foldForMatch, then only letters and digits kept: "N° Code_Géo" -> "ncodegeo". Column and alias matching.
std::string matchKey(std::string_view utf8);
bool isValidUtf8(std::string_view s);
//! Windows-1252 (the "Latin-1" of French spreadsheets: 0x80-0x9F hold €, ’, œ...) to UTF-8.
std::string latin1ToUtf8(std::string_view s);
//! Removes a leading UTF-8 BOM.
std::string_view stripBom(std::string_view s);

//! Parses "12", "12,5", "1 234,5", "1\u00a0234", "1.5e3", " 7 ". Returns nullopt for anything else
//! (including "N/A - secret statistique", "s", "nd", empty).
std::optional<double> parseNumber(std::string_view s);
//! True for the markers INSEE uses for masked values: "s", "secret", "N/A - secret statistique", "nd",
//! "NA"...
bool isSecretMarker(std::string_view s);

std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
//! Formats a number the French way for user-facing text: "24 812", "19,4" (thousands separated by a
//! non-breaking space U+00A0).
std::string formatFr(double value, int decimals = 0);
//! Formats a number the English way: "24,812", "19.4".
std::string formatEn(double value, int decimals = 0);

} // namespace maillage::text
