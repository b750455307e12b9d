#include "core/analysis/wording.h"

#include "core/model/text.h"

#include <cmath>

namespace maillage::analysis::wording {

int naturalDecimals(double value) {
    return text::naturalDecimals(value);
}

std::string number(double value, int decimals, Language language) {
    return language == Language::Fr ? text::formatFr(value, decimals) : text::formatEn(value, decimals);
}

std::string natural(double value, Language language) {
    return number(value, naturalDecimals(value), language);
}

std::string percent(double fraction, int decimals, Language language) {
    const std::string n = number(fraction * 100, decimals, language);
    return language == Language::Fr ? n + kNbsp + "%" : n + "%";
}

std::string vintageName(int vintage) {
    return vintage ? std::to_string(vintage) : std::string("no vintage");
}

std::string enumerate(const std::vector<std::string>& items, Language language) {
    const std::string lastSep = language == Language::Fr ? " et " : " and ";
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += (i + 1 == items.size()) ? lastSep : ", ";
        out += items[i];
    }
    return out;
}

} // namespace maillage::analysis::wording
