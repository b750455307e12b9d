// maillage density: professionals per 10,000 inhabitants (and inhabitants per professional) by commune,
// bassin de vie, département, région, infra-communal zone or quartier.
#include "app/commands.h"

#include "core/analysis/density.h"
#include "core/analysis/result_tables.h"

#include <CLI/CLI.hpp>

#include <map>
#include <memory>
#include <set>

namespace maillage::cli {

namespace {

struct DensityOptions {
    AnalysisOptions common;
    std::string profession, level = "commune";
    std::string commune; //!< --commune: one commune's zones or quartiers with the commune and its references
};

//! The commune rows summed by BV, département or région (DOMAIN.md §6: the references of the densities),
//! by code.
std::vector<analysis::DensityRow> groupRows(const model::Dataset& ds,
                                            const std::vector<analysis::DensityRow>& communes,
                                            analysis::DensityLevel level) {
    std::map<std::string, analysis::DensityRow> groups;
    for (std::size_t i = 0; i < communes.size() && i < ds.communes.size(); ++i) {
        const model::Commune& c = ds.communes[i];
        const std::string& key = level == analysis::DensityLevel::Bassin        ? c.bv
                                 : level == analysis::DensityLevel::Departement ? c.dep
                                                                                : c.reg;
        analysis::DensityRow& g = groups[key];
        g.code = key;
        g.population += communes[i].population;
        g.count += communes[i].count;
    }
    std::vector<analysis::DensityRow> rows;
    for (auto& [key, g] : groups) {
        const model::Bassin* b = level == analysis::DensityLevel::Bassin ? ds.bassin(key) : nullptr;
        const auto& names = level == analysis::DensityLevel::Region ? ds.regionNames : ds.departementNames;
        const auto it = names.find(key);
        g.name =
            b ? b->name : (level != analysis::DensityLevel::Bassin && it != names.end() ? it->second : "");
        g.per10k = g.population > 0 ? g.count / g.population * 10000.0 : 0.0;
        g.inhabitantsPerProfessional = g.count > 0 ? g.population / g.count : 0.0;
        rows.push_back(std::move(g));
    }
    return rows;
}

//! The zones (or quartiers) of `commune`: densityForCommune's (or densityForQuartiers') drill-down.
analysis::DensityDrillDown drillDown(const model::Dataset& ds, analysis::DensityLevel level,
                                     const std::string& commune, const std::string& profession, int vintage) {
    return level == analysis::DensityLevel::Quartier
               ? analysis::densityForQuartiers(ds, commune, profession, vintage)
               : analysis::densityForCommune(ds, commune, profession, vintage);
}

//! The zones (or quartiers) of every commune that has some, commune by commune.
std::vector<analysis::DensityRow> zoneRows(const model::Dataset& ds, analysis::DensityLevel level,
                                           const std::string& profession, int vintage) {
    std::set<std::string> parents;
    for (const model::Zone& z : ds.zones)
        parents.insert(z.commune);
    std::vector<analysis::DensityRow> rows;
    for (const std::string& commune : parents) {
        if (ds.communeIndex(commune) < 0)
            continue; // a zone of an unknown commune: reported by the import
        const auto drill = drillDown(ds, level, commune, profession, vintage);
        rows.insert(rows.end(), drill.rows.begin(), drill.rows.end());
    }
    return rows;
}

std::vector<analysis::DensityRow> rowsAtLevel(const model::Dataset& ds, analysis::DensityLevel level,
                                              const std::string& profession, int vintage, const Context& c) {
    if (level == analysis::DensityLevel::Zone || level == analysis::DensityLevel::Quartier)
        return zoneRows(ds, level, profession, vintage);
    analysis::CommuneDensities communes = analysis::densityForAllCommunes(ds, profession, vintage);
    printWarnings(communes.warnings, c);
    return level == analysis::DensityLevel::Commune ? communes.rows : groupRows(ds, communes.rows, level);
}

int density(const DensityOptions& o, Context& c) {
    const std::string profession = professionOf(o.profession);
    analysis::DensityLevel level = analysis::DensityLevel::Commune;
    if (!analysis::parseDensityLevel(o.level, level))
        parseChoice(o.level, "--level", {"commune", "bv", "departement", "region", "zone", "quartier"});
    const AnalysisRun run = prepareAnalysis(o.common, c);
    if (!o.commune.empty()) { // one commune's zones or quartiers, compared with the commune
        if (level != analysis::DensityLevel::Zone && level != analysis::DensityLevel::Quartier)
            throw UsageError(msg("app.density.commune_needs_zone_level"));
        const auto drill = drillDown(run.dataset, level, o.commune, profession, run.vintage);
        printWarnings(drill.warnings, c);
        writeResults({analysis::densityDrillDownTable(drill, run.secrecy)}, o.common, run, c);
        return 0;
    }
    analysis::DensityTableInput input;
    input.level = level;
    input.profession = profession;
    input.vintage = run.vintage;
    input.rows = rowsAtLevel(run.dataset, level, input.profession, run.vintage, c);
    writeResults({analysis::densityTable(run.dataset, input, run.secrecy)}, o.common, run, c);
    return 0;
}

} // namespace

Runner declareDensity(CLI::App& sub) {
    auto o = std::make_shared<DensityOptions>();
    addAnalysisOptions(sub, o->common,
                       "output (- for the standard output): code, name, population, count, per_10000, "
                       "inhabitants_per_professional, masked");
    addProfessionOption(sub, o->profession);
    sub.add_option("--level", o->level, "commune (default), bv, departement, region, zone or quartier")
        ->type_name("LEVEL");
    sub.add_option("--commune", o->commune,
                   "with --level zone or quartier: the zones or quartiers of this commune (code or name), "
                   "compared with the commune, its bassin de vie, département, région and the dataset")
        ->type_name("CODE");
    return [o](Context& c) { return density(*o, c); };
}

} // namespace maillage::cli
