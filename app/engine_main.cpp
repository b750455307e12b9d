// The engine module: every subcommand, with GDAL, GEOS, PROJ and their dependencies. `maillage` loads it
// with dlopen() only when a command needs them (app/main.cpp), so table-only commands start in milliseconds.
#include "app/cli.h"

#include <iostream>
#include <string>
#include <vector>

extern "C" __attribute__((visibility("default"))) int maillage_engine_main(int argc, char** argv,
                                                                           int errIsTerminal) {
    const std::vector<std::string> args(argv, argv + argc);
    return maillage::cli::run(args, std::cout, std::cerr, errIsTerminal != 0);
}
