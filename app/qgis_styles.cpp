#include "app/qgis_styles.h"

#include "core/model/message.h"
#include "core/model/parameters_text.h"

#include <dlfcn.h>
#include <limits.h>
#include <unistd.h>

#include <vector>

namespace maillage::app {

namespace {

using WriteStyles = int (*)(const char*, const char*, char*, std::size_t);
using SaveResults = int (*)(const char*, const char*, const char*, char*, std::size_t);
using WriteAtlas = int (*)(const char*, const char*, int, const char*, const char*, char*, std::size_t);
using WriteReport = int (*)(const char*, const char*, const char*, const char*, char*, std::size_t);

} // namespace

std::string detail::executableDir() {
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return ".";
    const std::string path(buf, static_cast<std::size_t>(n));
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

namespace {

//! The module's entry point `symbol`: beside the executable (build tree), else where it is installed.
//! Null with dlopen's reasons in `errors` when none loads.
void* loadEntry(const char* symbol, std::string& errors) {
    const std::string dir = detail::executableDir();
    for (const std::string& path :
         {dir + "/libmaillage_qgis.so", dir + "/../lib/maillage/libmaillage_qgis.so"}) {
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            errors += (errors.empty() ? "" : "; ") + std::string(::dlerror());
            continue;
        }
        if (void* entry = ::dlsym(handle, symbol))
            return entry;
        errors += (errors.empty() ? "" : "; ") + path + ": no " + symbol;
    }
    return nullptr;
}

//! The catalogue's message `id` with the module's sentence as its {detail}. The sentence is already worded
//! (French no-break spaces, « guillemets »): it goes in as it is, where an argument's text would have its
//! invisible characters marked ("<U+00A0>") as a quoted value's are.
} // namespace

std::string detail::withDetail(const char* id, const std::string& detail, Language language) {
    static const std::string marker = "@@detail@@";
    std::string out = word(msg(id, {arg::text("detail", marker)}), language);
    const auto at = out.find(marker);
    return at == std::string::npos ? out : out.replace(at, marker.size(), detail);
}

StylesWritten detail::runModuleStyles(const char* symbol, const std::string& gpkg, Language language,
                                      std::string& error) {
    std::string reasons;
    const auto write = reinterpret_cast<WriteStyles>(loadEntry(symbol, reasons));
    if (!write) {
        error = detail::withDetail("gpkg.qgis_module_missing", reasons, language);
        return StylesWritten::NoModule;
    }
    std::vector<char> detail(4096, '\0');
    if (write(gpkg.c_str(), language == Language::Fr ? "fr" : "en", detail.data(), detail.size()))
        return StylesWritten::Yes;
    // The detail names the file (the module's words, or the engine's error in the same language).
    error = detail.data();
    return StylesWritten::Failed;
}

bool saveDatasetResults(const std::string& gpkg, const model::Parameters& parameters, Language language,
                        std::string& error) {
    // Through the styles' templates, without QGIS, where the engine is (detail::saveWithTemplates).
    if (detail::saveWithTemplates) {
        bool saved = false;
        if (detail::saveWithTemplates(gpkg, parameters, language, error, saved))
            return saved;
    }
    std::string reasons;
    const auto save = reinterpret_cast<SaveResults>(loadEntry("maillage_save_dataset_results", reasons));
    if (!save) {
        error = detail::withDetail("app.classify.save_failed", reasons, language);
        return false;
    }
    std::vector<char> detail(4096, '\0');
    if (save(gpkg.c_str(), model::toKeyValueText(parameters).c_str(), language == Language::Fr ? "fr" : "en",
             detail.data(), detail.size()))
        return true;
    error = detail::withDetail("app.classify.save_failed", detail.data(), language);
    return false;
}

bool writeAtlas(const AtlasJob& job, Language language, std::string& error) {
    std::string reasons;
    const auto write = reinterpret_cast<WriteAtlas>(loadEntry("maillage_write_atlas", reasons));
    if (!write) {
        error = detail::withDetail("app.print.module_missing", reasons, language);
        return false;
    }
    std::vector<char> detail(4096, '\0');
    if (write(job.dataset.c_str(), job.by.c_str(), job.polesOnly ? 1 : 0, job.output.c_str(),
              language == Language::Fr ? "fr" : "en", detail.data(), detail.size()))
        return true;
    error = detail::withDetail("app.print.failed", detail.data(), language);
    return false;
}

bool writeReport(const ReportJob& job, Language language, std::string& error) {
    std::string reasons;
    const auto write = reinterpret_cast<WriteReport>(loadEntry("maillage_write_report", reasons));
    if (!write) {
        error = detail::withDetail("app.print.module_missing", reasons, language);
        return false;
    }
    std::vector<char> detail(4096, '\0');
    if (write(job.dataset.c_str(), job.territory.c_str(), job.output.c_str(),
              language == Language::Fr ? "fr" : "en", detail.data(), detail.size()))
        return true;
    error = detail::withDetail("app.print.failed", detail.data(), language);
    return false;
}

} // namespace maillage::app
