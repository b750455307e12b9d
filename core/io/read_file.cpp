#include "core/io/read_file.h"

#include "core/model/error.h"

#include <fstream>
#include <sstream>

namespace maillage::io {

std::string readWholeFile(const std::string& path, Message cannotOpen) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::FileNotFound, Location{path}, std::move(cannotOpen));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace maillage::io
