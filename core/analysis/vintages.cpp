#include "core/analysis/vintages.h"

#include "core/analysis/register_counts.h"
#include "core/model/error.h"

#include <map>
#include <set>

namespace maillage::analysis {

namespace {

//! The register the counts of `year` are derived from, or nullptr: a register of that year whose
//! professions cover every profession counted that year (an import replaces the year's counts by the
//! register's; the demo's register only completes a table of counts that has other professions too).
const model::ProfessionalRegister* countsRegisterOf(const model::Dataset& ds, int year) {
    const model::ProfessionalRegister* found = registerOfYear(ds, year);
    if (!found)
        return nullptr;
    std::set<std::string> professions;
    for (const model::RegisteredProfessional& p : found->professionals)
        professions.insert(p.profession);
    for (const model::CountRecord& c : ds.counts)
        if (c.vintage == year && c.count > 0 && !professions.count(c.profession))
            return nullptr;
    return found;
}

//! The dataset's BPE source naming `year` ("INSEE, BPE 2013, 2018"), else its BPE source, else "" (the
//! other sources name geometries, zonings and populations, not counts).
std::string countsSourceOf(const model::Dataset& ds, int year) {
    const std::string y = std::to_string(year);
    std::string bpe;
    for (const std::string& s : ds.meta.sources) {
        if (s.find("BPE") == std::string::npos)
            continue;
        if (s.find(y) != std::string::npos)
            return s;
        if (bpe.empty())
            bpe = s;
    }
    return bpe;
}

//! Every year of the metadata and of the counts, ascending.
std::vector<int> vintagesPresent(const model::Dataset& ds) {
    std::set<int> years(ds.meta.vintages.begin(), ds.meta.vintages.end());
    for (const model::CountRecord& r : ds.counts)
        years.insert(r.vintage);
    return {years.begin(), years.end()};
}

} // namespace

std::vector<VintageInfo> describeVintages(const model::Dataset& dataset, double minPopulationShare) {
    const std::vector<int> years = vintagesPresent(dataset);
    std::map<int, std::size_t> slot;
    std::vector<VintageInfo> out(years.size());
    for (std::size_t v = 0; v < years.size(); ++v) {
        slot[years[v]] = v;
        out[v].year = years[v];
        const model::ProfessionalRegister* reg = countsRegisterOf(dataset, years[v]);
        out[v].fromRegister = reg != nullptr;
        out[v].source = reg ? reg->source : countsSourceOf(dataset, years[v]);
        out[v].registered = reg ? static_cast<double>(reg->professionals.size()) : 0.0;
    }
    // Which communes have a professional in each year: one pass over the counts.
    std::vector<std::vector<char>> counted(years.size(), std::vector<char>(dataset.communes.size(), 0));
    for (const model::CountRecord& r : dataset.counts) {
        VintageInfo& info = out[slot[r.vintage]];
        info.professionals += r.count;
        const int c = dataset.communeIndex(r.place);
        if (c >= 0 && r.count > 0)
            counted[slot[r.vintage]][static_cast<std::size_t>(c)] = 1;
    }
    double population = 0;
    for (const model::Commune& c : dataset.communes)
        population += c.population;
    for (std::size_t v = 0; v < years.size(); ++v) {
        double covered = 0, communes = 0;
        for (std::size_t i = 0; i < dataset.communes.size(); ++i)
            if (counted[v][i]) {
                covered += dataset.communes[i].population;
                ++communes;
            }
        const double total = population > 0 ? population : static_cast<double>(dataset.communes.size());
        out[v].populationShare = total > 0 ? (population > 0 ? covered : communes) / total : 0.0;
        out[v].coversTerritory = out[v].populationShare >= minPopulationShare;
    }
    return out;
}

int defaultVintage(const model::Dataset& dataset) {
    const std::vector<int> years = vintagesPresent(dataset);
    if (years.size() == 1)
        return years.front(); // whether it covers the territory or not: no need to describe it
    const std::vector<VintageInfo> vintages = describeVintages(dataset);
    for (auto it = vintages.rbegin(); it != vintages.rend(); ++it)
        if (it->coversTerritory)
            return it->year;
    return vintages.empty() ? dataset.latestVintage() : vintages.back().year;
}

namespace {

//! The source of a vintage as the refusal names it.
Message sourceMessage(const model::Dataset& ds, int year) {
    if (const model::ProfessionalRegister* reg = countsRegisterOf(ds, year))
        return msg("analysis.change.source_register", {arg::text("source", reg->source)});
    const std::string source = countsSourceOf(ds, year);
    return source.empty() ? msg("analysis.change.source_counts") : raw(source);
}

} // namespace

bool sameSource(const model::Dataset& dataset, int a, int b) {
    // What matters is what is counted: people (registers, whatever their extraction date) or not.
    return (countsRegisterOf(dataset, a) != nullptr) == (countsRegisterOf(dataset, b) != nullptr);
}

void checkSameSource(const model::Dataset& dataset, int from, int to) {
    if (sameSource(dataset, from, to))
        return;
    throw Error(ErrorKind::Parameter, {},
                msg("analysis.change.sources_differ",
                    {arg::text("from", std::to_string(from)), arg::text("to", std::to_string(to)),
                     arg::nested("source_from", sourceMessage(dataset, from)),
                     arg::nested("source_to", sourceMessage(dataset, to))}));
}

int vintageOrDefault(const model::Dataset& dataset, int vintage) {
    return vintage != 0 ? vintage : defaultVintage(dataset);
}

} // namespace maillage::analysis
