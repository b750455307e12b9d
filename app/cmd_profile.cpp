// maillage profile: who the professionals of a territory are (ages, sexes, secteurs, modes d'exercice,
// full-time equivalents) and the retirements expected within 5 and 10 years, from the dataset's register of
// individual professionals, compared with the territory's references (issue 12).
#include "app/commands.h"

#include "core/analysis/profile_tables.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace maillage::cli {

namespace {

struct ProfileOptions {
    AnalysisOptions common;
    std::string profession = "all";
    std::string territory;
    std::string retirementAge;
};

//! The retirement age: --retirement-age over the dataset's register.retirement_age, checked as the
//! parameter is.
double retirementAgeOf(const ProfileOptions& o, const model::Parameters& params) {
    if (o.retirementAge.empty())
        return params.registers.retirementAge;
    model::Parameters checked = params;
    checked.registers.retirementAge = parseNumberOption(o.retirementAge, "--retirement-age");
    checked.validate("--retirement-age");
    return checked.registers.retirementAge;
}

//! The register of the year profiled (--vintage, else the default year): never another year's, which
//! would describe other people than the year's counts. Throws naming the dataset, and the years that have
//! a register when that year has none.
const model::ProfessionalRegister& registerToProfile(const AnalysisRun& run, const std::string& dataset) {
    if (const model::ProfessionalRegister* reg = analysis::registerFor(run.dataset, run.vintage))
        return *reg;
    const std::vector<std::string> years = analysis::registerYears(run.dataset);
    if (years.empty())
        throw Error(ErrorKind::Value, {}, msg("app.profile.no_register", {arg::path("dataset", dataset)}));
    throw Error(ErrorKind::Parameter, {},
                msg("app.profile.no_register_of_year",
                    {arg::path("dataset", dataset), arg::text("year", std::to_string(run.vintage)),
                     arg::list("years", years)}));
}

int profile(const ProfileOptions& o, Context& c) {
    const std::string& spec = required(o.territory, "territory");
    const AnalysisRun run = prepareAnalysis(o.common, c);
    const double retirementAge = retirementAgeOf(o, run.params);
    const analysis::Territory territory = analysis::parseTerritory(run.dataset, spec);
    const model::ProfessionalRegister& reg = registerToProfile(run, o.common.dataset);
    const std::string profession = professionOf(o.profession);
    const std::vector<std::string> professions = profession.empty()
                                                     ? analysis::registerProfessions(run.dataset, reg)
                                                     : std::vector<std::string>{profession};
    analysis::ProfileTableInput input;
    input.profiles = analysis::profilesWithReferences(run.dataset, reg, territory, professions);
    input.source = reg.source;
    input.rule = reg.rule;
    input.retirementAge = retirementAge;
    writeResults({analysis::profileTable(run.dataset, input, run.secrecy),
                  analysis::retirementTable(run.dataset, input, run.secrecy, c.language)},
                 o.common, run, c);
    return 0;
}

} // namespace

Runner declareProfile(CLI::App& sub) {
    auto o = std::make_shared<ProfileOptions>();
    addAnalysisOptions(sub, o->common,
                       "output (- for the standard output): two tables, profile (age bands, sexes, secteurs, "
                       "modes, FTE) and retirement (leavers within 5 and 10 years, remaining density, number "
                       "to install), one row per territory and reference, masked cells empty and flagged");
    sub.add_option("--profession", o->profession,
                   "profession code or alias, or all (default: one row per "
                   "profession of the register)")
        ->type_name("CODE|all");
    sub.add_option("--territory", o->territory,
                   "commune:CODE, bv:CODE, departement:CODE, region:CODE, communes:CODE1,CODE2 or dataset")
        ->type_name("TERRITORY");
    sub.add_option("--retirement-age", o->retirementAge,
                   "age at which professionals are expected to stop (default: parameter "
                   "register.retirement_age, 67)")
        ->type_name("AGE");
    return [o](Context& c) { return profile(*o, c); };
}

} // namespace maillage::cli
