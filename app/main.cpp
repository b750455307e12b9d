// maillage: the desktop application and its command line, one binary.
// The executable holds only what table-only commands need (no GDAL, GEOS, PROJ: their ~110 shared
// libraries take ~100 ms to load). Other commands run in the engine module, the GUI in the GUI module,
// each loaded with dlopen() only when needed.
#include "app/cli.h"
#include "app/engine_needed.h"
#include "app/huge_pages.h"
#include "core/model/message.h"

#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <iostream>
#include <limits.h>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

std::string executableDir() {
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return ".";
    std::string path(buf, static_cast<std::size_t>(n));
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

#ifndef MAILLAGE_GUI_MODULE_DIR
#define MAILLAGE_GUI_MODULE_DIR "lib/maillage/gui" // set by app/gui.cmake, where it installs the module
#endif
#ifndef MAILLAGE_ENGINE_MODULE_DIR
#define MAILLAGE_ENGINE_MODULE_DIR "lib/maillage/engine" // set by app/CMakeLists.txt
#endif

//! The entry point `symbol` of module `file`: next to the executable (build tree), else in `installDir`
//! relative to the prefix. Null, with the loader's reasons in `errors`, when neither loads.
void* moduleEntry(const std::string& file, const std::string& installDir, const char* symbol,
                  std::string& errors) {
    const std::string dir = executableDir();
    for (const auto& path : {dir + "/" + file, dir + "/../" + installDir + "/" + file}) {
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
        if (!handle) {
            errors += "\n  " + std::string(::dlerror());
            continue;
        }
        if (void* entry = ::dlsym(handle, symbol))
            return entry;
        errors += "\n  " + path + " has no entry point " + symbol;
    }
    return nullptr;
}

int startGui(int argc, char** argv) {
    std::string errors;
    using GuiMain = int (*)(int, char**);
    auto guiMain = reinterpret_cast<GuiMain>(
        moduleEntry("libmaillage_gui.so", MAILLAGE_GUI_MODULE_DIR, "maillage_gui_main", errors));
    if (guiMain)
        return guiMain(argc, argv);
    std::cerr << "maillage: the desktop interface could not be loaded:" << errors
              << "\nThe command line works without it: run 'maillage --help'.\n";
    return 1;
}

int runInEngine(int argc, char** argv, bool errIsTerminal) {
    std::string errors;
    using EngineMain = int (*)(int, char**, int);
    auto engineMain = reinterpret_cast<EngineMain>(
        moduleEntry("libmaillage_engine.so", MAILLAGE_ENGINE_MODULE_DIR, "maillage_engine_main", errors));
    if (engineMain)
        return engineMain(argc, argv, errIsTerminal ? 1 : 0);
    // Worded in the environment's language: --lang is the command's, parsed by the module that failed.
    std::cerr << maillage::word(maillage::msg("app.engine_module_missing"),
                                maillage::languageFromEnvironment(maillage::Language::Fr))
              << errors << "\n";
    return 1;
}

//! True when an argument (or the value of --option=VALUE) names a pipe, a FIFO or a device: it can be
//! read only once, so the command must not start in the executable and then move to the engine module.
bool namesStream(int argc, char** argv) {
    for (int i = 2; i < argc; ++i) {
        const std::string path = maillage::app::argumentPath(argv[i]);
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
            return true;
    }
    return false;
}

//! Runs the command in the executable; what it prints is held back until it ends, so that a hand-over
//! to the engine module (EngineNeeded) leaves nothing printed twice. Light commands are short.
int runCommand(int argc, char** argv) {
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    if (namesStream(argc, argv))
        return runInEngine(argc, argv, terminal);
    std::ostringstream out, err;
    try {
        const int status =
            maillage::cli::run(std::vector<std::string>(argv, argv + argc), out, err, terminal);
        std::cout << out.str() << std::flush;
        std::cerr << err.str();
        return status;
    } catch (const maillage::cli::EngineNeeded& needed) {
        if (std::getenv("MAILLAGE_DEBUG_ENGINE"))
            std::cerr << "maillage: engine module needed by " << needed.what << "\n";
        return runInEngine(argc, argv, terminal);
    }
}

} // namespace

int main(int argc, char** argv) {
    const bool command = maillage::cli::isCliInvocation(argc, argv);
    // Before anything is read (app/huge_pages.h): the desktop always (opening the national dataset 2.2-2.8
    // -> 1.6-2.2 s here, 390 MiB either way), a command when its files are large.
    if (command)
        maillage::app::startAgainWithHugePagesIfWorthIt(argc, argv);
    else
        maillage::app::startAgainWithHugePages(argv);
    if (std::getenv("MAILLAGE_DEBUG_HEAP")) {
        const char* tunables = std::getenv("GLIBC_TUNABLES");
        std::cerr << "maillage: GLIBC_TUNABLES=" << (tunables ? tunables : "") << "\n";
    }
    return command ? runCommand(argc, argv) : startGui(argc, argv);
}
