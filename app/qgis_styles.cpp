#include "app/qgis_styles.h"

#include "core/model/message.h"

#include <dlfcn.h>
#include <limits.h>
#include <unistd.h>

#include <vector>

namespace maillage::app {

namespace {

using WriteStyles = int (*)(const char*, char*, std::size_t);

std::string executableDir() {
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return ".";
    const std::string path(buf, static_cast<std::size_t>(n));
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

//! The module's entry point: beside the executable (build tree), else where it is installed. Empty with
//! dlopen's reasons in `errors` when none loads.
WriteStyles loadModule(std::string& errors) {
    const std::string dir = executableDir();
    for (const std::string& path :
         {dir + "/libmaillage_qgis.so", dir + "/../lib/maillage/libmaillage_qgis.so"}) {
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            errors += (errors.empty() ? "" : "; ") + std::string(::dlerror());
            continue;
        }
        if (auto* entry = reinterpret_cast<WriteStyles>(::dlsym(handle, "maillage_write_qgis_styles")))
            return entry;
        errors += (errors.empty() ? "" : "; ") + path + ": no maillage_write_qgis_styles";
    }
    return nullptr;
}

} // namespace

bool writeQgisStyles(const std::string& gpkg, std::string& error) {
    const Language language = languageFromEnvironment();
    std::string reasons;
    const WriteStyles write = loadModule(reasons);
    if (!write) {
        error = word(msg("gpkg.qgis_module_missing", {arg::text("detail", reasons)}), language);
        return false;
    }
    std::vector<char> detail(4096, '\0');
    if (write(gpkg.c_str(), detail.data(), detail.size()))
        return true;
    // The detail names the file (the module's words, or the engine's error in the same language).
    error = word(msg("gpkg.qgis_styles_failed", {arg::text("detail", detail.data())}), language);
    return false;
}

} // namespace maillage::app
