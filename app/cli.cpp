#include "app/cli.h"

#include "app/desktop_options.h"

#include "app/commands.h"
#include "core/io/geo.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>
#include <sys/stat.h>
#include <unordered_map>

namespace maillage::cli {

namespace {

//! The subcommands, in the order the main help lists them.
struct CommandEntry {
    const char* name;
    const char* summary;
    Runner (*declare)(CLI::App&);
};

const std::vector<CommandEntry>& commandTable() {
    static const std::vector<CommandEntry> table = {
        {"import",
         "build a dataset GeoPackage from official files (communes, BV table, population, professionals)",
         declareImport},
        {"classify",
         "classify bassins de vie into pôle types (from a dataset or from plain tables): a table or layer",
         declareClassify},
        {"summary", "number of pôles per type and région (or département) of a dataset", declareSummary},
        {"density",
         "professionals per 10,000 inhabitants by commune, bassin de vie, département, région or zone",
         declareDensity},
        {"access", "spatial accessibility of a profession, one row per commune", declareAccess},
        {"profile",
         "who the professionals of a territory are (ages, secteurs, modes) and the retirements ahead",
         declareProfile},
        {"links",
         "links between pôles (modelled, observed, declared), isolated pôles and remote bassins de vie",
         declareLinks},
        {"crunch", "Crunch diagnosis of a région, département or selection of bassins de vie", declareCrunch},
        {"change", "professionals and density per bassin de vie or commune between two vintages",
         declareChange},
        {"qpv", "professionals in and around each quartier prioritaire (QPV), nearest pôle of each type",
         declareQpv},
        {"sensitivity", "which bassins de vie change type as a parameter moves over a range",
         declareSensitivity},
        {"scenario",
         "\"what if\" scenarios of a dataset: list, define, or apply one and compare before/after",
         declareScenario},
        {"add", "add travel times, observed flows or declared cooperations to a dataset", declareAdd},
        {"copy", "copy a dataset between a GeoPackage and a PostgreSQL/PostGIS schema", declareCopy},
        {"calibrate",
         "bassins de vie whose pôle type differs between a register and BPE counts, and the mass "
         "scale that best reconciles them",
         declareCalibrate},
        {"demo", "write the fictional demo dataset as a GeoPackage", declareDemo},
        {"atlas", "PDF atlas: one page per bassin de vie or département (map, type, reason, figures)",
         declareAtlas},
        {"report",
         "PDF territory sheet of a BV, a département or communes: map, types, densities, links, Crunch",
         declareReport},
    };
    return table;
}

const CommandEntry* findCommand(const std::string& name) {
    for (const auto& c : commandTable())
        if (name == c.name)
            return &c;
    return nullptr;
}

//! The options every subcommand takes (issue 7): help comes with CLI11; these are the others.
struct CommonOptions {
    bool quiet = false;
    bool version = false;
    std::string lang;
};

void addCommonOptions(CLI::App& sub, CommonOptions& o) {
    sub.add_flag("--quiet", o.quiet, "no progress, warnings or summary on the standard error (errors still)");
    sub.add_option("--lang", o.lang,
                   "language of messages, reasons and this help: fr or en (French unless LANGUAGE, LC_ALL, "
                   "LC_MESSAGES or LANG say English)")
        ->type_name("fr|en");
    sub.add_flag("--version", o.version, "print the version and exit");
}

//! The French of the help texts (commands, options, the main help), by their English: app/cli_help_fr.inc.
const std::unordered_map<std::string, std::string>& frenchHelp() {
    static const std::unordered_map<std::string, std::string> table = {
#include "app/cli_help_fr.inc"
    };
    return table;
}

//! `english` in `language` (as it is when the table has no French for it: helpWithoutFrench lists those).
std::string helpText(const std::string& english, Language language) {
    if (language == Language::En || english.empty())
        return english;
    const auto it = frenchHelp().find(english);
    return it == frenchHelp().end() ? english : it->second;
}

//! The main help in `language`; `missing` (when given) gets its texts that have no French.
std::string mainHelp(Language language, std::vector<std::string>* missing = nullptr) {
    const auto t = [&](const char* english) {
        if (missing && !frenchHelp().count(english))
            missing->push_back(english);
        return helpText(english, language);
    };
    std::ostringstream s;
    // The first line and "Commands:" are read by cmake/ManPage.cmake (the man page is written in English).
    s << t("Maillage — pôles d'offre de soins, maillage and Crunch diagnostics of bassins de vie.") << "\n\n"
      << t("Usage:") << "\n"
      << "  maillage [DATASET.gpkg] [--lang fr|en]      "
      << t("start the desktop application (the demo dataset by default)") << "\n"
      << "  maillage <command> [options]                " << t("run a command without a display") << "\n\n"
      << t("Commands:") << "\n";
    for (const auto& c : commandTable())
        s << "  " << std::left << std::setw(10) << c.name << " " << t(c.summary) << "\n";
    s << "\n"
      << t("Options of every command:") << "\n"
      << "  -h, --help                 " << t("the command's options") << "\n"
      << "  --version                  " << t("print the version") << "\n"
      << "  --quiet                    " << t("no progress, warnings or summary on the standard error")
      << "\n"
      << "  --lang fr|en               "
      << t("language of messages (French unless LANGUAGE, LC_ALL, LC_MESSAGES or LANG say English)") << "\n\n"
      << t("Desktop application options:") << "\n";
    for (const app::DesktopOption& o : app::kDesktopOptions) {
        const std::string flag = std::string("--") + o.name + (o.value ? std::string(" ") + o.value : "");
        s << "  " << std::left << std::setw(26) << flag << " " << t(o.help) << "\n";
    }
    s << "\n" << t("Run 'maillage <command> --help' for the options of a command.") << "\n";
    return s.str();
}

//! Characters of UTF-8 `text` as a terminal shows them: bytes that do not continue a character.
std::size_t displayWidth(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

//! CLI11's formatter with the options' group title ("Options") worded through its labels, as its other
//! words are (CLI11 prints a group's name as given), and the descriptions aligned on a column counted
//! in characters: CLI11 pads by bytes, so a value name with « É » shifted its description one column left.
class HelpFormatter : public CLI::Formatter {
public:
    std::string make_group(std::string group, bool isPositional,
                           std::vector<const CLI::Option*> options) const override {
        std::string out = "\n" + get_label(group) + ":\n";
        for (const CLI::Option* option : options)
            out += make_option(option, isPositional);
        return out;
    }

    std::string make_option(const CLI::Option* option, bool isPositional) const override {
        return line(make_option_name(option, isPositional) + make_option_opts(option),
                    make_option_desc(option));
    }

    std::string make_subcommand(const CLI::App* sub) const override {
        return line(sub->get_display_name(true), sub->get_description());
    }

private:
    //! "  NAME" padded to the column, then the description (its next lines indented to the column); a
    //! name as wide as the column puts the description on the next line.
    std::string line(const std::string& name, const std::string& description) const {
        const std::size_t width = get_column_width();
        std::string out = "  " + name;
        const std::size_t shown = displayWidth(out);
        out += std::string(shown < width ? width - shown : 0, ' ');
        if (!description.empty()) {
            if (shown >= width)
                out += "\n" + std::string(width, ' ');
            for (char ch : description) {
                out += ch;
                if (ch == '\n')
                    out += std::string(width, ' ');
            }
        }
        return out + "\n";
    }
};

//! CLI11's own words in French (its formatter's labels; the column of the help is the same).
void frenchLabels(CLI::FormatterBase& f) {
    f.label("Usage", "Utilisation\u00a0");
    f.label("Options", "Options\u00a0");
    f.label("SUBCOMMAND", "SOUS-COMMANDE");
    f.label("SUBCOMMANDS", "SOUS-COMMANDES");
    f.label("Env", "Variable d'environnement");
    f.label("Positionals", "Arguments\u00a0");
    f.label("REQUIRED", "OBLIGATOIRE");
    f.label("Needs", "Requiert");
    f.label("Excludes", "Exclut");
    f.label("TEXT", "TEXTE");
    f.label("INT", "ENTIER");
    f.label("UINT", "ENTIER");
    f.label("FLOAT", "NOMBRE");
    f.label("FILE", "FICHIER"); // the names of values the commands use most
    f.label("FILE:YEAR", "FICHIER:ANNÉE");
    f.label("YEAR", "ANNÉE");
    f.label("KEY=VALUE", "CLÉ=VALEUR");
    f.label("NAME", "NOM");
}

//! The help texts of `sub` (its summary, its options' descriptions) in `language`.
void translateHelp(CLI::App& sub, Language language) {
    sub.description(helpText(sub.get_description(), language));
    sub.footer(helpText(sub.get_footer(), language));
    for (CLI::Option* option : sub.get_options())
        option->description(helpText(option->get_description(), language));
}

//! --lang's value wherever it is on the line (errors of the parse itself are worded in it), else
//! `fallback` (the environment's, languageFromEnvironment). An unrecognised value is left to the usage
//! check after parsing.
Language languageOf(const std::vector<std::string>& args, Language fallback) {
    Language language = fallback;
    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string value;
        if (args[i] == "--lang" && i + 1 < args.size())
            value = args[i + 1];
        else if (args[i].rfind("--lang=", 0) == 0)
            value = args[i].substr(7);
        Language parsed;
        if (!value.empty() && parseLanguage(value, parsed))
            language = parsed;
    }
    return language;
}

//! Arguments CLI11 did not recognise: the first is reported as an unknown option or argument.
void refuseExtras(const CLI::App& sub) {
    const auto extras = sub.remaining();
    if (extras.empty())
        return;
    const std::string& first = extras.front();
    if (first.size() > 1 && first[0] == '-')
        throw UsageError(
            msg("app.usage.unknown_option", {arg::text("option", first.substr(0, first.find('=')))}));
    throw UsageError(msg("app.usage.unexpected_argument", {arg::text("value", first)}));
}

int usageFailure(const Context& c, const std::string& command, const Message& m) {
    c.err << c.say(msg("app.usage.line", {arg::text("command", command)})) << " " << c.say(m) << "\n"
          << c.say(msg("app.usage.hint", {arg::text("command", command)})) << "\n";
    return 2;
}

//! Runs `runner` with the errors of the engine turned into exit statuses and messages in c.language.
int runGuarded(const Runner& runner, Context& c, const std::string& command) {
    try {
        // No GDAL set-up here: each reader and writer registers the drivers it needs (io::ensureGdal*).
        return runner(c);
    } catch (const UsageError& e) {
        return usageFailure(c, command, e.message);
    } catch (const Error& e) {
        c.err << c.say(msg("app.error", {arg::text("command", command)})) << " " << e.describe(c.language)
              << "\n";
        return 1;
    } catch (const std::exception& e) {
        c.err << c.say(msg("app.unexpected_error", {arg::text("command", command)})) << " " << e.what()
              << "\n";
        return 1;
    }
}

//! The first "--option" of `args` (from index 1) that the desktop application does not know, or "". Qt's
//! own options take one dash (-platform, -style) and are left to Qt.
std::string unknownDesktopOption(const std::vector<std::string>& args) {
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0 || a.size() == 2)
            continue;
        const std::string name =
            a.substr(2, a.find('=') == std::string::npos ? std::string::npos : a.find('=') - 2);
        if (name != "help" && name != "version" && !app::findDesktopOption(name.c_str()))
            return a.substr(0, a.find('='));
    }
    return {};
}

//! `app` with the subcommand of `entry` (`sub`), its options and the common ones, as run() parses them.
Runner declareCommand(CLI::App& app, const CommandEntry& entry, CommonOptions& common, CLI::App*& sub) {
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.formatter(std::make_shared<HelpFormatter>());
    app.get_formatter()->column_width(34);
    sub = app.add_subcommand(entry.name, entry.summary);
    sub->allow_extras();
    Runner runner = entry.declare(*sub);
    addCommonOptions(*sub, common);
    return runner;
}

} // namespace

std::vector<std::string> helpWithoutFrench() {
    std::vector<std::string> out;
    const auto check = [&](const std::string& english) {
        if (!english.empty() && !frenchHelp().count(english))
            out.push_back(english);
    };
    mainHelp(Language::Fr, &out);
    for (const auto& entry : commandTable()) {
        CLI::App app("Maillage", "maillage");
        CommonOptions common;
        CLI::App* sub = nullptr;
        declareCommand(app, entry, common, sub);
        check(sub->get_description());
        check(sub->get_footer());
        for (const CLI::Option* option : sub->get_options())
            check(option->get_description());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool isCliInvocation(int argc, char** argv) {
    if (argc < 2)
        return false;
    const std::string first = argv[1];
    if (findCommand(first) || first == "help" || first == "--help" || first == "-h" || first == "--version")
        return true;
    // An option the desktop does not know is reported here (exit 2): the GUI would need a display to say so.
    if (!unknownDesktopOption(std::vector<std::string>(argv, argv + argc)).empty())
        return true;
    // A word that is neither an option nor a file the desktop application could open is a mistyped
    // command: say so here (exit 2) rather than start the GUI, which aborts without a display.
    struct stat st {};
    const bool looksLikePath = first.find('/') != std::string::npos || first.find('.') != std::string::npos ||
                               first.find(':') != std::string::npos || ::stat(first.c_str(), &st) == 0;
    return !first.empty() && first[0] != '-' && !looksLikePath;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return run(args, out, err, false);
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool errIsTerminal) {
    // One language for messages and help: French unless --lang or the environment says English.
    Context c{out, err, languageOf(args, languageFromEnvironment(Language::Fr)), false, errIsTerminal};
    const Language help = c.language;
    if (args.size() < 2 || args[1] == "help" || args[1] == "--help" || args[1] == "-h") {
        out << mainHelp(help);
        return 0;
    }
    if (args[1] == "--version") {
        out << "maillage " << version() << "\n";
        return 0;
    }
    const CommandEntry* entry = findCommand(args[1]);
    if (!entry && args[1].rfind("-", 0) == 0) {
        err << c.say(
                   msg("app.usage.unknown_desktop_option", {arg::text("option", unknownDesktopOption(args))}))
            << "\n"
            << c.say(msg("app.usage.main_hint")) << "\n";
        return 2;
    }
    if (!entry) {
        err << c.say(msg("app.usage.unknown_command", {arg::code("command", args[1])})) << "\n"
            << c.say(msg("app.usage.main_hint")) << "\n";
        return 2;
    }
    CLI::App* sub = nullptr;
    CLI::App app("Maillage", "maillage");
    CommonOptions common;
    const Runner runner = declareCommand(app, *entry, common, sub);
    if (help == Language::Fr) {
        frenchLabels(*app.get_formatter());
        translateHelp(*sub, help);
    }
    std::vector<const char*> argv;
    for (const auto& a : args)
        argv.push_back(a.c_str());
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
        refuseExtras(*sub);
    } catch (const CLI::CallForHelp&) {
        out << sub->help("maillage");
        return 0;
    } catch (const CLI::ParseError& e) {
        return usageFailure(c, entry->name, raw(e.what()));
    } catch (const UsageError& e) {
        return usageFailure(c, entry->name, e.message);
    }
    if (common.version) {
        out << "maillage " << version() << "\n";
        return 0;
    }
    c.quiet = common.quiet;
    c.languageGiven = !common.lang.empty();
    if (c.languageGiven && !parseLanguage(common.lang, c.language))
        return usageFailure(c, entry->name,
                            msg("app.usage.expects_choice",
                                {arg::text("option", "--lang"), arg::list("choices", {"fr", "en"}),
                                 arg::text("value", common.lang)}));
    return runGuarded(runner, c, entry->name);
}

} // namespace maillage::cli
