#include "app/huge_pages.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace maillage::app {

namespace {

//! The regular file `path` names, or one without its last ":SUFFIX"; false when neither is one.
bool regularFile(const std::string& path, struct stat& st) {
    if (::stat(path.c_str(), &st) == 0)
        return S_ISREG(st.st_mode);
    const auto colon = path.rfind(':');
    return colon != std::string::npos && colon > 0 && ::stat(path.substr(0, colon).c_str(), &st) == 0 &&
           S_ISREG(st.st_mode);
}

} // namespace

std::string argumentPath(const std::string& arg) {
    const auto eq = arg.find('=');
    return !arg.empty() && arg[0] == '-' && eq != std::string::npos ? arg.substr(eq + 1) : arg;
}

std::uintmax_t namedFilesSize(const std::vector<std::string>& args) {
    std::uintmax_t total = 0;
    std::set<std::pair<dev_t, ino_t>> seen;
    for (const std::string& arg : args) {
        const std::string path = argumentPath(arg);
        struct stat st {};
        if (!path.empty() && regularFile(path, st) && seen.insert({st.st_dev, st.st_ino}).second)
            total += static_cast<std::uintmax_t>(st.st_size);
    }
    return total;
}

bool hugePagesAvailable(const std::string& thpEnabled, const char* tunables) {
    // "always [madvise] never": the selected mode is in brackets; none when the kernel has no THP.
    if (thpEnabled.find("[always]") == std::string::npos && thpEnabled.find("[madvise]") == std::string::npos)
        return false;
    return !tunables || std::strstr(tunables, "glibc.malloc.hugetlb") == nullptr;
}

bool wantsHugePages(std::uintmax_t inputs, const std::string& thpEnabled, const char* tunables) {
    return inputs >= kHugePagesInputs && hugePagesAvailable(thpEnabled, tunables);
}

std::string withHugePages(const char* tunables) {
    const std::string hugetlb = "glibc.malloc.hugetlb=1";
    return tunables && *tunables ? std::string(tunables) + ":" + hugetlb : hugetlb;
}

namespace {

std::string transparentHugePages() {
    std::ifstream thp("/sys/kernel/mm/transparent_hugepage/enabled");
    return std::string((std::istreambuf_iterator<char>(thp)), std::istreambuf_iterator<char>());
}

} // namespace

void startAgainWithHugePages(char** argv) {
#ifdef __GLIBC__
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if (!hugePagesAvailable(transparentHugePages(), tunables))
        return;
    const std::string before = tunables ? tunables : ""; // setenv() may free what getenv() returned
    const bool wasSet = tunables != nullptr;
    if (::setenv("GLIBC_TUNABLES", withHugePages(tunables).c_str(), 1) != 0)
        return;
    ::execv("/proc/self/exe", argv);
    // Could not start again (no /proc): the program runs as it is, without the tunable.
    if (wasSet)
        ::setenv("GLIBC_TUNABLES", before.c_str(), 1);
    else
        ::unsetenv("GLIBC_TUNABLES");
#else
    (void)argv;
#endif
}

void startAgainWithHugePagesIfWorthIt(int argc, char** argv) {
    if (namedFilesSize(std::vector<std::string>(argv + 1, argv + argc)) >= kHugePagesInputs)
        startAgainWithHugePages(argv);
}

} // namespace maillage::app
