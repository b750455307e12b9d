#pragma once
// Whole small files in memory (a profession catalogue, a parameters file).
#include <string>

namespace maillage::io {

//! The bytes of `path`. Throws Error(FileNotFound) naming `path`: "cannot open the <what>".
std::string readWholeFile(const std::string& path, const std::string& what);

} // namespace maillage::io
