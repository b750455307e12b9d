// Fuzz target: the dataset GeoPackage reader (core/io/gpkg), on a file holding the input.
#include "core/io/gpkg.h"
#include "core/model/error.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = maillage::fuzz::writeInput(data, size, ".gpkg");
    try {
        const auto dataset = maillage::io::readDataset(path);
        (void)dataset;
    } catch (const maillage::Error&) {
        // A file that is not a dataset is reported as a typed Error.
    }
    return 0;
}
