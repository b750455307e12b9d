#pragma once
// Text as French public data really has it: Latin-1 or UTF-8 (with BOM), decimal commas,
// thousands separated by (non-breaking) spaces, accents in labels.
#include "core/model/message.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage::text {

//! Without ASCII white space, non-breaking spaces (U+00A0) and narrow non-breaking spaces (U+202F) at
//! either end.
std::string trim(std::string_view s);
//! Length of the space trim() removes that starts at s[i] (ASCII white space: 1, U+00A0: 2, U+202F: 3),
//! or 0.
std::size_t spaceLengthAt(std::string_view s, std::size_t i);
//! ASCII lower case, and accents removed from the Latin letters of UTF-8 text (é -> e, Œ -> oe).
//! Used to compare labels and aliases: "Masseur-Kinésithérapeute" ~ "masseur-kinesitherapeute".
std::string foldForMatch(std::string_view utf8);
//! foldForMatch, then only letters and digits kept: "N° Code_Géo" -> "ncodegeo". Column and alias matching.
std::string matchKey(std::string_view utf8);

// ---- Encodings: the one implementation of the engine (core/io/table reads files through these). ----

//! Offset of the first byte that breaks strict UTF-8, or std::string_view::npos when `s` is valid.
//! Strict: overlong forms (C0 80, E0 80 80...), UTF-16 surrogates (ED A0 80...), code points above
//! U+10FFFF and truncated sequences are invalid, as the Unicode standard requires.
std::size_t firstInvalidUtf8(std::string_view s);
//! firstInvalidUtf8(s) == npos.
bool isValidUtf8(std::string_view s);
//! Appends the UTF-8 form of `cp`; surrogates and values above U+10FFFF become U+FFFD.
void appendUtf8(std::string& out, char32_t cp);
//! Windows-1252 (the "Latin-1" of French spreadsheets: 0x80-0x9F hold €, ’, œ...) to UTF-8. The five
//! bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become their C1 code points
//! (U+0081...), as the WHATWG encoding standard maps them: nothing is lost.
std::string windows1252ToUtf8(std::string_view s);
//! Same as windows1252ToUtf8 (files French users call "Latin-1" are Windows-1252).
std::string latin1ToUtf8(std::string_view s);
//! Strict ISO-8859-1: every byte is the code point of the same value (0x80-0x9F are C1 controls).
std::string iso88591ToUtf8(std::string_view s);
//! UTF-16 without its BOM to UTF-8; unpaired surrogates become U+FFFD, an odd last byte is dropped.
std::string utf16ToUtf8(std::string_view s, bool bigEndian);
//! Removes a leading UTF-8 BOM.
std::string_view stripBom(std::string_view s);

//! Text whose encoding was not given, decoded line by line (a line ends at LF, CRLF or CR, as
//! tokenizeCsv counts them): a line that is valid UTF-8 stays UTF-8, any other line is decoded as
//! Windows-1252. Why per line: a file assembled from a UTF-8 export and a Latin-1 one (or a UTF-8 file
//! edited once in a Latin-1 editor) would otherwise become mojibake in every accented name because of one
//! byte; deciding per line keeps every line readable, and the caller names the lines it decoded as
//! Windows-1252 so that the user can check them.
struct LineDecoding {
    std::string utf8;              //!< the decoded text
    std::vector<long> cp1252Lines; //!< 1-based lines that were not valid UTF-8 (decoded as Windows-1252)
    long utf8AccentedLines = 0;    //!< lines holding valid non-ASCII UTF-8
};
LineDecoding decodeUtf8OrWindows1252(std::string_view s);

//! Byte order of UTF-16 text without a BOM, recognised by its NUL pattern over the first 4 KiB: mostly
//! Latin text in UTF-16 has a zero high byte in most code units (odd offsets for little endian, even
//! offsets for big endian) and none at the other offsets. nullopt when `s` does not look like UTF-16;
//! otherwise true for big endian.
std::optional<bool> detectUtf16WithoutBom(std::string_view s);

//! 1-based line (counted as tokenizeCsv counts them: LF, CRLF or CR) of the byte at `offset`.
long lineOfOffset(std::string_view s, std::size_t offset);

//! The text with its invisible or ambiguous characters made visible, for messages that quote a value:
//! control characters (NUL included), non-breaking and other unusual spaces, zero-width characters and
//! BOMs become "<U+00A0>" style marks, bytes that are not UTF-8 become "<0xA0>". Plain spaces are kept.
//! A message built from it never holds a raw NUL byte.
std::string visible(std::string_view s);

//! Parses "12", "12,5", "1 234,5", "1\u00a0234" (also U+202F, thin U+2009 and figure U+2007 spaces),
//! "1.5e3", " 7 ". Returns nullopt for anything else; never a non-finite value
//! (including "N/A - secret statistique", "s", "nd", empty).
//! "1.234" and "1,234" are read as 1.234 (one separator is a decimal mark); see looksLikeGroupedThousands.
//! Locale-independent.
std::optional<double> parseNumber(std::string_view s);
//! Plausible upper bound of a count read from a table: professionals of one profession in one commune
//! (Paris, the largest, has a few tens of thousands of professionals in all) or inhabitants of one
//! commune (Paris: about 2.1 million). Anything above is a corrupted cell or a wrong column
//! (1e308, a 20-digit identifier), and would make totals overflow.
inline constexpr double kMaxPlausibleCount = 1e7;
//! parseNumber for counts and populations: a finite number in 0..maxCount, else nullopt (see
//! countProblem for why).
std::optional<double> parseCount(std::string_view s, double maxCount = kMaxPlausibleCount);
//! Why `s` is not a count parseCount accepts (the caller words it in the user's language): an empty
//! Message when it is one; else model.count.too_large ("expected a count of at most 10,000,000, found
//! '1e308'"), model.count.expected or model.count.expected_empty. Secret markers are the caller's business.
Message countProblem(std::string_view s, double maxCount = kMaxPlausibleCount);
//! True for a number written with one '.' or ',' followed by exactly three digits and nothing else
//! ("1.234", "12,500"): parseNumber reads it as a decimal, but it may be a thousands group. Readers of
//! whole-number columns (counts, populations) say so.
bool looksLikeGroupedThousands(std::string_view s);
//! True for the markers INSEE uses for masked values: "s", "secret", "N/A - secret statistique", "nd",
//! "NA"...
bool isSecretMarker(std::string_view s);

std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
//! Formats a number the French way for user-facing text: "24 812", "19,4" (thousands separated by a
//! non-breaking space U+00A0).
std::string formatFr(double value, int decimals = 0);
//! Fewest decimals (0..2) that show `value` as it was set (7.5 stays 7,5; 1500 stays 1 500).
int naturalDecimals(double value);
//! Decimals of a figure that spans orders of magnitude (a link's intensity): none from 100 ("12 345"), one
//! from 1 ("87,5"), two significant digits below ("0,042"). Every human output of it uses this rule.
int magnitudeDecimals(double value);
//! Column::decimals and arg::number's decimals meaning "by magnitudeDecimals".
inline constexpr int kMagnitudeDecimals = -2;
//! Formats a number the English way: "24,812", "19.4".
std::string formatEn(double value, int decimals = 0);
//! The shortest text that reads back as the same number, without grouping: "0.5", "10000", "1e+300"
//! (for messages that quote a value as given). Like formatFr/formatEn and parseNumber, it ignores the C
//! locale: under LC_NUMERIC=fr_FR (which a GUI sets) the decimal mark stays what the function says.
std::string formatShortest(double value);

} // namespace maillage::text
