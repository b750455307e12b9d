// Fuzz target: the commune-code normaliser (core/model/codes) and what is computed from its result.
#include "core/model/codes.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = maillage::fuzz::asText(data, size);
    const auto code = maillage::codes::normalizeCommune(input);
    if (!code)
        return 0;
    // codes.h: a commune code is 5 characters, and normalising it again changes nothing.
    if (code->size() != 5)
        maillage::fuzz::contractBroken("normalizeCommune returned a code that is not 5 characters", input);
    const auto again = maillage::codes::normalizeCommune(*code);
    if (!again || *again != *code)
        maillage::fuzz::contractBroken("normalizeCommune is not idempotent", input);
    const auto folded = maillage::codes::foldArrondissement(*code);
    if (folded.size() != 5)
        maillage::fuzz::contractBroken("foldArrondissement returned a code that is not 5 characters", input);
    if (maillage::codes::departementOf(*code).empty())
        maillage::fuzz::contractBroken("departementOf returned nothing for a valid code", input);
    (void)maillage::codes::isArrondissement(*code);
    (void)maillage::codes::isOverseas(*code);
    return 0;
}
