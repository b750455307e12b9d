#include "app/cli_register.h"

#include <CLI/CLI.hpp>

#include <cmath>
#include <sstream>

namespace maillage::cli {

void addRegisterOptions(CLI::App& sub, RegisterCliOptions& o) {
    sub.add_option("--register", o.files,
                   "a register of individual professionals for the vintage YEAR (repeatable): the RPPS "
                   "extraction of the Annuaire santé (PS_LibreAcces_Personne_activite, '|' separated) or a "
                   "CSV of the generic layout (id, profession, specialty, commune, birth_year or age, sex, "
                   "sector, mode, fte, start_year); YEAR defaults to the year in the file name")
        ->type_name("FILE[:YEAR]");
    sub.add_option("--register-layout", o.layout, "auto (default: detected from the header), rpps or generic")
        ->type_name("LAYOUT");
    sub.add_option("--site-rule", o.siteRule,
                   "how a professional with several practice sites is counted: main (once, at the main "
                   "site; default) or shared (shared between the sites by activity)")
        ->type_name("RULE");
    sub.add_flag("--register-replaces-counts", o.replaceCounts,
                 "the counts derived from a register replace the counts of the same year (BPE); without it "
                 "a register must be of a year that has no counts yet");
}

std::vector<io::RegisterSource> registerSources(const RegisterCliOptions& o) {
    const std::string& layout = parseChoice(o.layout, "--register-layout", {"auto", "rpps", "generic"});
    const std::string& rule = parseChoice(o.siteRule, "--site-rule", {"main", "shared"});
    std::vector<io::RegisterSource> out;
    for (const std::string& spec : o.files) {
        io::RegisterSource src = io::parseRegisterArgument(spec);
        src.layout = layout == "rpps"      ? io::RegisterLayout::Rpps
                     : layout == "generic" ? io::RegisterLayout::Generic
                                           : io::RegisterLayout::Auto;
        src.rule = rule == "shared" ? model::SiteRule::SharedByActivity : model::SiteRule::MainSite;
        src.replaceCounts = o.replaceCounts;
        out.push_back(std::move(src));
    }
    return out;
}

std::string registerReportText(const std::vector<io::RegisterAdded>& added, const Context& c) {
    std::ostringstream out;
    for (const auto& a : added)
        out << c.say(msg(a.replacedCounts ? "app.register.added_replacing" : "app.register.added",
                         {arg::integer("professionals", static_cast<long long>(a.professionals)),
                          arg::integer("counted", std::llround(a.counted)), arg::text("source", a.source),
                          arg::nested("rule", io::siteRuleMessage(a.rule))}))
            << "\n";
    return out.str();
}

} // namespace maillage::cli
