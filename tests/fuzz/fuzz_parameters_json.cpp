// Fuzz target: the parameters JSON reader (core/io/parameters_json), on a file holding the input.
#include "core/io/parameters_json.h"
#include "core/model/error.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = maillage::fuzz::writeInput(data, size, ".json");
    const maillage::model::Parameters base;
    maillage::model::Parameters read;
    try {
        read = maillage::io::readParametersJson(path, base);
    } catch (const maillage::Error&) {
        return 0; // invalid JSON, unknown keys, out-of-range values: typed errors
    }
    // parameters_json.h: out-of-range values are refused, so what was read must validate.
    try {
        read.validate(path);
    } catch (const maillage::Error&) {
        maillage::fuzz::contractBroken("readParametersJson returned parameters that validate() refuses",
                                       maillage::fuzz::asText(data, size));
    }
    return 0;
}
