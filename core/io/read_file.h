#pragma once
// Whole small files in memory (a profession catalogue, a parameters file).
#include "core/model/message.h"

#include <string>

namespace maillage::io {

//! The bytes of `path`. Throws Error(FileNotFound) naming `path` with `cannotOpen` ("cannot open the
//! parameters file").
std::string readWholeFile(const std::string& path, Message cannotOpen);

} // namespace maillage::io
