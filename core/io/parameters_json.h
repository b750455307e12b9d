#pragma once
// Analysis parameters from a JSON file (maillage classify --params, the GUI's parameter files).
#include "core/model/parameters.h"

#include <string>

namespace maillage::io {

//! Reads `path`: nested {"poles": {"metropole_min": 10000}} or flat {"poles.metropole_min": 10000}, over
//! `base` (keys absent from the file keep base's values). A UTF-8 byte-order mark is accepted. Throws
//! Error naming the file (and the key) for a missing file, invalid JSON (with GDAL's reason, never printed
//! on stderr), a non-object, a value that is not a number, an unknown key or an out-of-range value.
model::Parameters readParametersJson(const std::string& path, const model::Parameters& base);

} // namespace maillage::io
