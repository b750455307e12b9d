// Fuzz target: the number parser of French public data (core/model/text) and the formatters that write
// the numbers it reads back to users.
#include "core/model/text.h"
#include "tests/fuzz/fuzz_support.h"

#include <cmath>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = maillage::fuzz::asText(data, size);
    (void)maillage::text::looksLikeGroupedThousands(input);
    (void)maillage::text::isSecretMarker(input);
    const auto value = maillage::text::parseNumber(input);
    if (!value || !std::isfinite(*value))
        return 0;
    // text.h: formatShortest writes the shortest text that reads back as the same number.
    const auto back = maillage::text::parseNumber(maillage::text::formatShortest(*value));
    if (!back || *back != *value)
        maillage::fuzz::contractBroken("parseNumber(formatShortest(x)) != x", input);
    for (int decimals = 0; decimals <= 2; ++decimals) {
        (void)maillage::text::formatFr(*value, decimals);
        (void)maillage::text::formatEn(*value, decimals);
    }
    return 0;
}
