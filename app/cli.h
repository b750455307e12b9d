#pragma once
// The command line: subcommands that need no display and link the engine only.
#include <iosfwd>
#include <string>
#include <vector>

namespace maillage::cli {

//! True when argv[1] names a subcommand or is help/--help/-h/--version, or is a word that cannot be a
//! dataset the desktop application would open (a mistyped command: reported, exit 2, never the GUI).
bool isCliInvocation(int argc, char** argv);

//! Runs a subcommand. Returns the process exit status: 0 success, 1 bad input or failure, 2 bad usage.
//! Messages are in the language of --lang, else of the environment (LC_ALL, LC_MESSAGES, LANG); --help
//! follows the desktop application: --lang, else English when the environment's language is, else French.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
//! The same; progress is drawn as a bar when `errIsTerminal` (main() passes isatty(2)), else as step lines.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool errIsTerminal);

//! The help texts (summaries and option descriptions of every command, the desktop options) that have no
//! French in app/cli_help_fr.inc: the help is French by default, as the desktop application.
std::vector<std::string> helpWithoutFrench();

} // namespace maillage::cli
