#pragma once
// Helpers shared by the fuzz targets: a temporary file for readers that take a path, and a loud stop
// when a documented contract is broken (libFuzzer and the replay test both report an abort).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unistd.h>

namespace maillage::fuzz {

//! The input as text.
inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

//! Stops the process: the function under test broke what its header promises.
[[noreturn]] inline void contractBroken(const char* what, std::string_view input) {
    std::fprintf(stderr, "fuzz: contract broken: %s (input of %zu bytes: '%.*s')\n", what, input.size(),
                 static_cast<int>(input.size() > 200 ? 200 : input.size()), input.data());
    std::abort();
}

//! Writes the input to this process's own temporary file (created once with mkstemps, so never a
//! predictable name) and returns its path. `suffix` is the extension the reader expects (".gpkg").
inline const std::string& writeInput(const std::uint8_t* data, std::size_t size, const char* suffix) {
    static int fd = -1;
    static std::string path;
    if (fd < 0) {
        const char* dir = std::getenv("TMPDIR");
        std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/maillage-fuzz-XXXXXX" + suffix;
        fd = ::mkstemps(pattern.data(), static_cast<int>(std::string_view(suffix).size()));
        if (fd < 0) {
            std::perror("fuzz: cannot create a temporary file");
            std::abort();
        }
        path = pattern;
        std::atexit([] { ::unlink(path.c_str()); });
    }
    // Each input replaces the previous one; a short write is a set-up failure, not a finding.
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) {
        std::perror("fuzz: cannot write the temporary file");
        std::abort();
    }
    return path;
}

} // namespace maillage::fuzz
