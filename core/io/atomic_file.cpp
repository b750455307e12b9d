#include "core/io/atomic_file.h"

#include "core/model/error.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <unistd.h>

namespace maillage::io {

std::string temporaryPathFor(const std::string& target) {
    static std::atomic<unsigned> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    // Keep the extension last: GDAL picks drivers from it.
    const auto slash = target.find_last_of('/');
    const auto dot = target.find_last_of('.');
    const bool hasExt = dot != std::string::npos && (slash == std::string::npos || dot > slash);
    const std::string stem = hasExt ? target.substr(0, dot) : target;
    const std::string ext = hasExt ? target.substr(dot) : std::string();
    return stem + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(stamp % 1000000) + "-" +
           std::to_string(counter++) + ext;
}

void commitTemporary(const std::string& temporary, const std::string& target) {
    if (std::rename(temporary.c_str(), target.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(temporary.c_str());
        throw Error(ErrorKind::Write, {target, 0, "", -1}, "cannot replace the file: " + reason);
    }
}

void writeFileAtomically(const std::string& target, const std::string& content) {
    const std::string tmp = temporaryPathFor(target);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error(ErrorKind::Write, {target, 0, "", -1},
                        std::string("cannot create the file: ") + std::strerror(errno));
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            const std::string reason = std::strerror(errno);
            out.close();
            std::remove(tmp.c_str());
            throw Error(ErrorKind::Write, {target, 0, "", -1}, "cannot write the file: " + reason);
        }
    }
    commitTemporary(tmp, target);
}

} // namespace maillage::io
