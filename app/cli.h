#pragma once
// The command line: subcommands that need no display and link the engine only.
#include <iosfwd>
#include <string>
#include <vector>

namespace maillage::cli {

//! True when argv[1] names a subcommand (import, classify, summary, demo, help) or is --help/--version.
bool isCliInvocation(int argc, char** argv);

//! Runs a subcommand. Returns the process exit status: 0 success, 1 bad input or failure, 2 bad usage.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace maillage::cli
