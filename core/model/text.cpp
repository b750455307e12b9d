#include "core/model/text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace maillage::text {

namespace {

bool isAsciiSpace(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

} // namespace

std::size_t spaceLengthAt(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (isAsciiSpace(c))
        return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0xAF)
        return 3;
    return 0;
}

namespace {

//! Length of the space ending just before s[e], or 0.
std::size_t spaceBefore(std::string_view s, std::size_t e) {
    for (std::size_t len = 1; len <= 3 && len <= e; ++len)
        if (spaceLengthAt(s, e - len) == len)
            return len;
    return 0;
}

} // namespace

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e) {
        const std::size_t n = spaceLengthAt(s.substr(0, e), b);
        if (n == 0)
            break;
        b += n;
    }
    while (e > b) {
        const std::size_t n = spaceBefore(s.substr(b, e - b), e - b);
        if (n == 0)
            break;
        e -= n;
    }
    return std::string(s.substr(b, e - b));
}

namespace {

constexpr char32_t kReplacement = 0xFFFD;

//! Length and validity of the strict UTF-8 sequence at s[i] (i < s.size(), s[i] >= 0x80): the number of
//! bytes and the code point, or 0 when the sequence is malformed, overlong, a surrogate or above U+10FFFF.
std::size_t sequenceAt(std::string_view s, std::size_t i, char32_t& cp) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len;
    char32_t min;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return 0; // a continuation byte, or 0xF8-0xFF
    }
    if (i + len > s.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

// Decodes one code point at s[i]; advances i. U+FFFD (one byte consumed) for malformed input.
char32_t decode(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        ++i;
        return c;
    }
    char32_t cp = 0;
    const std::size_t len = sequenceAt(s, i, cp);
    if (len == 0) {
        ++i;
        return kReplacement;
    }
    i += len;
    return cp;
}

void encode(char32_t cp, std::string& out) {
    appendUtf8(out, cp);
}

// ASCII replacement of Latin letters with diacritics (U+00C0..U+017F), "" when none.
const char* fold(char32_t cp) {
    static const char* const latin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",  // C0-CF
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss", // D0-DF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",  // E0-EF
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"}; // F0-FF
    if (cp >= 0xC0 && cp <= 0xFF)
        return latin1[cp - 0xC0];
    switch (cp) {
    case 0x152:
    case 0x153:
        return "oe";
    case 0x178:
        return "y";
    case 0x2019: // ’ typographic apostrophe
        return "'";
    default:
        return nullptr;
    }
}

} // namespace

std::string foldForMatch(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t cp = decode(utf8, i);
        if (cp < 0x80) {
            char c = static_cast<char>(cp);
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
            out += c;
        } else if (const char* f = fold(cp)) {
            out += f;
        } else if (cp == 0xA0 || cp == 0x202F) {
            out += ' ';
        } else {
            encode(cp, out);
        }
    }
    return out;
}

std::string matchKey(std::string_view utf8) {
    std::string folded = foldForMatch(utf8);
    std::string out;
    out.reserve(folded.size());
    for (char c : folded)
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    return out;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = kReplacement;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t firstInvalidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // Fast path over ASCII, 8 bytes at a time (files are mostly ASCII).
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        char32_t cp = 0;
        const std::size_t len = sequenceAt(s, i, cp);
        if (len == 0)
            return i;
        i += len;
    }
    return std::string_view::npos;
}

bool isValidUtf8(std::string_view s) {
    return firstInvalidUtf8(s) == std::string_view::npos;
}

std::string windows1252ToUtf8(std::string_view s) {
    // 0x80..0x9F; the five undefined bytes map to their C1 code points (WHATWG).
    static const char32_t cp1252[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    std::string out;
    out.reserve(s.size() + s.size() / 16);
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80)
            out += ch;
        else if (c < 0xA0)
            appendUtf8(out, cp1252[c - 0x80]);
        else
            appendUtf8(out, c);
    }
    return out;
}

std::string latin1ToUtf8(std::string_view s) {
    return windows1252ToUtf8(s);
}

std::string iso88591ToUtf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 16);
    for (char ch : s)
        appendUtf8(out, static_cast<unsigned char>(ch));
    return out;
}

std::string utf16ToUtf8(std::string_view s, bool bigEndian) {
    std::string out;
    out.reserve(s.size() / 2);
    auto unit = [&](std::size_t i) -> char32_t {
        const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
        return bigEndian ? (char32_t(b0) << 8 | b1) : (char32_t(b1) << 8 | b0);
    };
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
        char32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF) {
            const char32_t lo = i + 3 < s.size() ? unit(i + 2) : 0;
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            } else {
                u = kReplacement; // high surrogate without its low half
            }
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            u = kReplacement; // low surrogate alone
        }
        appendUtf8(out, u);
    }
    return out;
}

std::string_view stripBom(std::string_view s) {
    if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF &&
        static_cast<unsigned char>(s[1]) == 0xBB && static_cast<unsigned char>(s[2]) == 0xBF)
        return s.substr(3);
    return s;
}

namespace {

//! End of the line starting at `start` (the offset of its '\r' or '\n', or s.size()) and the offset of
//! the next line.
std::size_t lineEnd(std::string_view s, std::size_t start, std::size_t& next) {
    std::size_t e = start;
    while (e < s.size() && s[e] != '\n' && s[e] != '\r')
        ++e;
    next = e;
    if (next < s.size())
        next += s[next] == '\r' && next + 1 < s.size() && s[next + 1] == '\n' ? 2 : 1;
    return e;
}

bool hasNonAscii(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

} // namespace

LineDecoding decodeUtf8OrWindows1252(std::string_view s) {
    LineDecoding out;
    out.utf8.reserve(s.size() + s.size() / 16);
    long line = 1;
    for (std::size_t start = 0; start < s.size(); ++line) {
        std::size_t next = 0;
        const std::size_t end = lineEnd(s, start, next);
        const std::string_view content = s.substr(start, end - start);
        if (isValidUtf8(content)) {
            out.utf8 += content;
            if (hasNonAscii(content))
                ++out.utf8AccentedLines;
        } else {
            out.utf8 += windows1252ToUtf8(content);
            out.cp1252Lines.push_back(line);
        }
        out.utf8 += s.substr(end, next - end);
        start = next;
    }
    return out;
}

std::optional<bool> detectUtf16WithoutBom(std::string_view s) {
    const std::size_t n = std::min<std::size_t>(s.size(), 4096) & ~std::size_t(1);
    if (n < 4)
        return std::nullopt;
    std::size_t zeroEven = 0, zeroOdd = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        zeroEven += s[i] == '\0';
        zeroOdd += s[i + 1] == '\0';
    }
    const std::size_t units = n / 2;
    // Mostly zero on one side (Latin text), almost never on the other (a NUL character is rare).
    if (zeroOdd * 10 >= units * 7 && zeroEven * 50 <= units)
        return false;
    if (zeroEven * 10 >= units * 7 && zeroOdd * 50 <= units)
        return true;
    return std::nullopt;
}

long lineOfOffset(std::string_view s, std::size_t offset) {
    long line = 1;
    for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n')))
            ++line;
    }
    return line;
}

namespace {

//! Code points a reader cannot see or tell from a plain space.
bool isInvisible(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD || cp == 0x034F ||
           (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF || cp == 0xFFFD;
}

std::string hexMark(const char* prefix, unsigned long value, int digits) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out = std::string("<") + prefix;
    for (int d = digits - 1; d >= 0; --d)
        out += hex[(value >> (4 * d)) & 0xF];
    return out + ">";
}

} // namespace

std::string visible(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp = c;
        std::size_t len = 1;
        if (c >= 0x80 && (len = sequenceAt(s, i, cp)) == 0) {
            out += hexMark("0x", c, 2); // not UTF-8
            ++i;
            continue;
        }
        if (isInvisible(cp))
            out += hexMark("U+", cp, 4);
        else
            out += s.substr(i, len);
        i += len;
    }
    return out;
}

bool isSecretMarker(std::string_view s) {
    const std::string k = matchKey(s);
    return k == "s" || k == "secret" || k == "nasecretstatistique" || k == "secretstatistique" || k == "nd" ||
           k == "na" || k == "nc" || k == "c" || k == "x";
}

std::optional<double> parseNumber(std::string_view raw) {
    // Most cells are plain digits, with a decimal point or not: read as they are, without the copies below
    // (which give the same value for them; 7 % of a national classify).
    if (!raw.empty() &&
        std::all_of(raw.begin(), raw.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) {
        double value = 0;
        const auto res = std::from_chars(raw.data(), raw.data() + raw.size(), value);
        if (res.ec == std::errc() && res.ptr == raw.data() + raw.size() && std::isfinite(value))
            return value;
    }
    const std::string t = trim(raw);
    std::string s;
    s.reserve(t.size());
    // Drop spaces used as thousands separators: ' ', U+00A0, U+202F.
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto c = static_cast<unsigned char>(t[i]);
        if (c == ' ' || c == '\'')
            continue;
        if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        // U+202F narrow no-break space, U+2009 thin space, U+2007 figure space (French typography).
        if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
            const auto c2 = static_cast<unsigned char>(t[i + 2]);
            if (c2 == 0xAF || c2 == 0x89 || c2 == 0x87) {
                i += 2;
                continue;
            }
        }
        s += static_cast<char>(c);
    }
    if (s.empty())
        return std::nullopt;
    const auto commas = std::count(s.begin(), s.end(), ',');
    const auto dots = std::count(s.begin(), s.end(), '.');
    if (commas > 0 && dots > 0) {
        // "1.234,5" (dots group thousands) or "1,234.5" (commas group thousands).
        const char decimal = s.rfind(',') > s.rfind('.') ? ',' : '.';
        const char group = decimal == ',' ? '.' : ',';
        if (std::count(s.begin(), s.end(), decimal) != 1)
            return std::nullopt;
        std::string r;
        for (char c : s)
            if (c != group)
                r += c == ',' ? '.' : c;
        s = r;
    } else if (commas == 1) {
        std::replace(s.begin(), s.end(), ',', '.');
    } else if (commas > 1) {
        return std::nullopt;
    }
    const char* first = s.data();
    const char* last = s.data() + s.size();
    if (*first == '+')
        ++first;
    double value = 0;
    const auto res = std::from_chars(first, last, value);
    if (res.ec != std::errc() || res.ptr != last || !std::isfinite(value))
        return std::nullopt;
    return value;
}

Message countProblem(std::string_view s, double maxCount) {
    const auto v = parseNumber(s);
    if (v && *v >= 0 && *v <= maxCount)
        return {};
    const std::string t = trim(s);
    if (t.empty())
        return msg("model.count.expected_empty");
    if (v && *v > maxCount)
        return msg("model.count.too_large",
                   {arg::integer("max", static_cast<long long>(maxCount)), arg::code("value", t)});
    return msg("model.count.expected", {arg::code("value", t)});
}

std::optional<double> parseCount(std::string_view s, double maxCount) {
    const auto v = parseNumber(s);
    if (v && *v >= 0 && *v <= maxCount)
        return v;
    return std::nullopt;
}

bool looksLikeGroupedThousands(std::string_view raw) {
    const std::string t = trim(raw);
    std::size_t start = !t.empty() && (t[0] == '-' || t[0] == '+') ? 1 : 0;
    const auto sep = t.find_first_of(".,", start);
    if (sep == std::string::npos || sep == start || t.size() - sep - 1 != 3)
        return false;
    for (std::size_t i = start; i < t.size(); ++i)
        if (i != sep && !(t[i] >= '0' && t[i] <= '9'))
            return false;
    return true;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            out.emplace_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i)
            out += sep;
        out += parts[i];
    }
    return out;
}

static std::string formatWith(double value, int decimals, const std::string& group, char decimalMark) {
    if (!std::isfinite(value))
        return "—";
    // std::to_chars, not printf: printf follows LC_NUMERIC, which QApplication sets from the user's
    // environment ("1234,5" under fr_FR would then be grouped as digits).
    std::array<char, 512> buf; // DBL_MAX in fixed notation is 309 digits; decimals are capped at 100
    const int d = std::clamp(decimals, 0, 100);
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, d);
    if (res.ec != std::errc())
        return "—";
    std::string s(buf.data(), res.ptr);
    if (s[0] == '-' && s.find_first_of("123456789") == std::string::npos)
        s.erase(0, 1); // no "-0" for a rounded tiny negative
    const bool negative = s[0] == '-';
    const std::string digits = negative ? s.substr(1) : s;
    std::string intPart = digits, frac;
    const auto dot = digits.find('.');
    if (dot != std::string::npos) {
        intPart = digits.substr(0, dot);
        frac = digits.substr(dot + 1);
    }
    std::string grouped;
    const int n = static_cast<int>(intPart.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            grouped += group;
        grouped += intPart[i];
    }
    std::string out = (negative ? "-" : "") + grouped;
    if (!frac.empty())
        out += decimalMark + frac;
    return out;
}

int naturalDecimals(double value) {
    for (int d = 0; d < 2; ++d) {
        const double f = std::pow(10.0, d);
        if (std::fabs(value * f - std::round(value * f)) < 1e-6)
            return d;
    }
    return 2;
}

int magnitudeDecimals(double value) {
    const double a = std::fabs(value);
    if (!std::isfinite(a) || a >= 100 || a == 0)
        return 0;
    if (a >= 1)
        return 1;
    // Two significant digits: 0.042 → 3 decimals, 0.5 → 2; at most 6 (an intensity is never that small
    // for pôles of a region, and masked links are not shown).
    return std::min(6, 1 - static_cast<int>(std::floor(std::log10(a))));
}

std::string formatFr(double value, int decimals) {
    return formatWith(value, decimals, "\u00a0", ',');
}

std::string formatEn(double value, int decimals) {
    return formatWith(value, decimals, ",", '.');
}

std::string formatShortest(double value) {
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    std::array<char, 64> buf;
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    return std::string(buf.data(), res.ec == std::errc() ? res.ptr : buf.data());
}

} // namespace maillage::text
