// Fuzz target: the table reader's text path (encoding and separator detection, header detection, CSV
// tokenising) through io::parseCsvText, which readTable uses for every CSV/TXT file.
#include "core/io/table.h"
#include "core/model/error.h"
#include "tests/fuzz/fuzz_support.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = maillage::fuzz::asText(data, size);
    maillage::Warnings warnings;
    try {
        const auto table = maillage::io::parseCsvText(std::string(input), "fuzz.csv", {}, &warnings);
        // table.h: one line number per row, every row as wide as the header.
        if (table.lines.size() != table.rows.size())
            maillage::fuzz::contractBroken("Table::lines and Table::rows differ in size", input);
        for (const auto& row : table.rows) {
            if (row.size() != table.header.size())
                maillage::fuzz::contractBroken("a row is not as wide as the header", input);
        }
    } catch (const maillage::Error&) {
        // Bad input is reported as a typed Error: the expected outcome for most inputs.
    }
    return 0;
}
