#include "core/model/codes.h"

#include "core/model/text.h"

#include <algorithm>
#include <cctype>

namespace maillage::codes {

namespace {

//! Length of the junk a bad export leaves around a code, starting at raw[i]: ASCII white space and
//! quotes, and non-breaking spaces, which are invisible in a spreadsheet: U+00A0 and U+202F in UTF-8,
//! and 0xA0 alone (Windows-1252 bytes handed over undecoded). 0 when raw[i] is not junk.
std::size_t junkAt(std::string_view raw, std::size_t i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c == '"' || c == '\'' || c == 0xA0)
        return 1;
    return text::spaceLengthAt(raw, i);
}

std::string_view trimJunk(std::string_view raw) {
    for (std::size_t n; !raw.empty() && (n = junkAt(raw, 0)) > 0;)
        raw.remove_prefix(n);
    for (bool again = true; again && !raw.empty();) {
        again = false;
        for (std::size_t len = 3; len >= 1; --len) { // the longest junk first: "\xC2\xA0" before "\xA0"
            if (len <= raw.size() && junkAt(raw, raw.size() - len) == len) {
                raw.remove_suffix(len);
                again = true;
                break;
            }
        }
    }
    return raw;
}

} // namespace

std::optional<std::string> normalizeCommune(std::string_view raw) {
    // The common case, cheaply: five digits as written ("59350").
    if (raw.size() == 5 && raw != "00000" &&
        std::all_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::string(raw);
    std::string s(trimJunk(raw));
    // Spreadsheets turn 1001 into 1001.0 or 1001,0.
    for (const char* suffix : {".0", ",0", ".00", ",00"}) {
        const std::string suf(suffix);
        if (s.size() > suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0) {
            s.resize(s.size() - suf.size());
            break;
        }
    }
    if (s.empty() || s.size() > 5)
        return std::nullopt;
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    bool allDigits = true;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            allDigits = false;
    if (allDigits) {
        if (s.size() < 4) // "123" cannot be a commune code, even with its zero lost
            return std::nullopt;
        if (s.size() == 4)
            s = "0" + s;
        if (s == "00000")
            return std::nullopt;
        return s;
    }
    // Corsica: 2A/2B followed by three digits (a lost zero cannot happen: it starts with 2).
    if (s.size() == 5 && s[0] == '2' && (s[1] == 'A' || s[1] == 'B')) {
        for (int i = 2; i < 5; ++i)
            if (!std::isdigit(static_cast<unsigned char>(s[i])))
                return std::nullopt;
        return s;
    }
    return std::nullopt;
}

static int asNumber(const std::string& code) {
    if (code.size() != 5)
        return -1;
    int v = 0;
    for (char c : code) {
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

bool isArrondissement(const std::string& communeCode) {
    // Only codes of 13, 69 and 75 may be: the others told apart by two characters (asked of every row read).
    if (communeCode.size() != 5 || !((communeCode[0] == '1' && communeCode[1] == '3') ||
                                     (communeCode[0] == '6' && communeCode[1] == '9') ||
                                     (communeCode[0] == '7' && communeCode[1] == '5')))
        return false;
    const int v = asNumber(communeCode);
    return (v >= 75101 && v <= 75120) || (v >= 69381 && v <= 69389) || (v >= 13201 && v <= 13216);
}

std::string foldArrondissement(const std::string& communeCode) {
    const int v = asNumber(communeCode);
    if (v >= 75101 && v <= 75120)
        return "75056";
    if (v >= 69381 && v <= 69389)
        return "69123";
    if (v >= 13201 && v <= 13216)
        return "13055";
    return communeCode;
}

std::string departementOf(const std::string& communeCode) {
    if (communeCode.size() < 2)
        return communeCode;
    if (communeCode.size() >= 3 && communeCode[0] == '9' && (communeCode[1] == '7' || communeCode[1] == '8'))
        return communeCode.substr(0, 3);
    return communeCode.substr(0, 2);
}

bool isOverseas(const std::string& communeCode) {
    return communeCode.size() >= 2 && communeCode[0] == '9' &&
           (communeCode[1] == '7' || communeCode[1] == '8');
}

} // namespace maillage::codes
