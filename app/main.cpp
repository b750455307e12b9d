// maillage: the desktop application and its command line, one binary.
// Subcommands run on the engine alone; the GUI (Qt + QGIS) is a module loaded only when needed.
#include "app/cli.h"

#include <dlfcn.h>
#include <iostream>
#include <limits.h>
#include <string>
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

int startGui(int argc, char** argv) {
    const std::string dir = executableDir();
    const std::vector<std::string> candidates = {dir + "/libmaillage_gui.so",
                                                 dir + "/../" MAILLAGE_GUI_MODULE_DIR "/libmaillage_gui.so"};
    std::string errors;
    for (const auto& path : candidates) {
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
        if (!handle) {
            errors += "\n  " + std::string(::dlerror());
            continue;
        }
        using GuiMain = int (*)(int, char**);
        auto guiMain = reinterpret_cast<GuiMain>(::dlsym(handle, "maillage_gui_main"));
        if (!guiMain) {
            std::cerr << "maillage: " << path << " has no entry point maillage_gui_main\n";
            return 1;
        }
        return guiMain(argc, argv);
    }
    std::cerr << "maillage: the desktop interface could not be loaded:" << errors
              << "\nThe command line works without it: run 'maillage --help'.\n";
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    if (maillage::cli::isCliInvocation(argc, argv)) {
        std::vector<std::string> args(argv, argv + argc);
        return maillage::cli::run(args, std::cout, std::cerr, ::isatty(STDERR_FILENO) == 1);
    }
    return startGui(argc, argv);
}
