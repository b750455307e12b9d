#include "core/analysis/crunch.h"

#include "core/analysis/maillage.h"
#include "core/analysis/vintages.h"

#include "core/model/codes.h"
#include "core/model/text.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace maillage::analysis {

namespace {

bool isPole(PoleType t) {
    return t != PoleType::HorsPole;
}
bool isLargePole(PoleType t) {
    return t == PoleType::GrandeMetropole || t == PoleType::GrandPole;
}
bool isSmallPole(PoleType t) {
    return t == PoleType::Intermediaire || t == PoleType::Secondaire;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t n = x.size();
    if (n < 3)
        return 0;
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= static_cast<double>(n);
    my /= static_cast<double>(n);
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx <= 0 || syy <= 0)
        return 0;
    return sxy / std::sqrt(sxx * syy);
}

// What every step reads: the dataset, its classification for vintageTo and the selected BV indices.
struct Context {
    const model::Dataset& dataset;
    const std::vector<PoleClassification>& poles;
    const std::vector<int>& selected;
};

// Indices of the selected BVs (all when `selection` is empty), in the order given, without repeats.
std::vector<int> resolveSelection(const model::Dataset& dataset, const std::vector<std::string>& selection,
                                  Warnings& warnings) {
    std::vector<int> selected;
    if (selection.empty()) {
        selected.resize(dataset.bassins.size());
        for (std::size_t i = 0; i < selected.size(); ++i)
            selected[i] = static_cast<int>(i);
        return selected;
    }
    std::set<int> seen;
    std::set<std::string> unknown;
    for (const std::string& code : selection) {
        int i = dataset.bassinIndex(code);
        if (i < 0)
            if (auto normalized = codes::normalizeBassin(code))
                i = dataset.bassinIndex(*normalized);
        if (i < 0) {
            unknown.insert(code);
            continue;
        }
        if (seen.insert(i).second)
            selected.push_back(i);
    }
    if (!unknown.empty()) {
        warnings.push_back(makeWarning(ErrorKind::Join, {},
                                       msg("analysis.crunch.unknown_selection",
                                           {arg::integer("n", static_cast<long long>(unknown.size()))}),
                                       {unknown.begin(), unknown.end()}));
    }
    return selected;
}

//! The codes of the comma-separated list the import wrote under meta `key` (core/io/import).
std::set<std::string> codeList(const model::Dataset& ds, const char* key) {
    std::set<std::string> out;
    const auto it = ds.meta.extra.find(key);
    if (it != ds.meta.extra.end())
        for (const std::string& code : text::split(it->second, ','))
            if (!text::trim(code).empty())
                out.insert(text::trim(code));
    return out;
}

//! Bassins that a strict-area import cut at the area's edge: their pôle type describes a part of a BV, so
//! they stay out of averages per région.
std::set<std::string> truncatedBassins(const model::Dataset& ds) {
    return codeList(ds, "area.truncated_bassins");
}

//! Communes an area import kept only because their bassin de vie crosses the area's edge.
std::set<std::string> outsideCommunes(const model::Dataset& ds) {
    return codeList(ds, "area.outside_communes");
}

// Per type, the pôles of the mean région or département (`field`) over the units not in `partial`,
// truncated bassins left out (collected into `leftOut` when given); `units` gets how many units.
std::array<double, kPoleTypeCount> meanPerUnit(const Context& ctx, std::string model::Bassin::*field,
                                               const std::set<std::string>& partial,
                                               const std::set<std::string>& truncated, int& units,
                                               std::vector<std::string>* leftOut = nullptr) {
    std::set<std::string> seen;
    std::array<int, kPoleTypeCount> counted{};
    for (std::size_t i = 0; i < ctx.dataset.bassins.size(); ++i) {
        const model::Bassin& b = ctx.dataset.bassins[i];
        const std::string& unit = b.*field;
        if (unit.empty() || partial.count(unit))
            continue;
        if (truncated.count(b.code)) {
            if (leftOut)
                leftOut->push_back(b.code);
            continue;
        }
        seen.insert(unit);
        ++counted[static_cast<int>(ctx.poles[i].type)];
    }
    units = static_cast<int>(seen.size());
    std::array<double, kPoleTypeCount> mean{};
    if (units > 0)
        for (int t = 0; t < kPoleTypeCount; ++t)
            mean[t] = static_cast<double>(counted[t]) / units;
    return mean;
}

// Pôles per type in the selection, and the mean per région over the régions the data hold whole
// (truncated bassins left out, and said so).
void countPolesByType(const Context& ctx, const TerritoryCoverage& coverage, CrunchDiagnostics& d) {
    for (int i : ctx.selected)
        ++d.polesByType[static_cast<int>(ctx.poles[i].type)];
    std::vector<std::string> leftOut;
    d.averageByTypePerRegion = meanPerUnit(ctx, &model::Bassin::reg, coverage.partialRegions,
                                           truncatedBassins(ctx.dataset), d.regionCount, &leftOut);
    if (!leftOut.empty())
        d.warnings.push_back(makeWarning(ErrorKind::Parameter, {},
                                         msg("analysis.crunch_truncated_left_out",
                                             {arg::integer("n", static_cast<long long>(leftOut.size()))}),
                                         leftOut));
}

//! The scope of the selection: a whole région or a whole département (the BVs whose Bassin::reg or
//! Bassin::dep is that code, as `crunch --scope` and the panel select them), the dataset, or other BVs.
// A région or département as the diagnosis names it: "Eure (27)", the code alone when the data name none.
std::string unitName(const std::map<std::string, std::string>& names, const std::string& code) {
    const auto it = names.find(code);
    return it == names.end() || it->second.empty() ? code : it->second + " (" + code + ")";
}

// The code of the région or département (`field`) whose BVs are exactly the selection, "" when none.
std::string unitOfSelection(const Context& ctx, std::string model::Bassin::*field) {
    const std::string& code = ctx.dataset.bassins[ctx.selected.front()].*field;
    if (code.empty())
        return {};
    const auto in =
        static_cast<std::size_t>(std::count_if(ctx.dataset.bassins.begin(), ctx.dataset.bassins.end(),
                                               [&](const model::Bassin& b) { return b.*field == code; }));
    const bool exactly = in == ctx.selected.size() &&
                         std::all_of(ctx.selected.begin(), ctx.selected.end(),
                                     [&](int i) { return ctx.dataset.bassins[i].*field == code; });
    return exactly ? code : std::string{};
}

// The scope of the selection. A région or département the data hold only in part (TerritoryCoverage: the
// bassins of a neighbouring import crossing its edge) is no région or département to compare with the mean
// one: its BVs are a selection, compared by their share of pôles.
CrunchScope scopeOf(const Context& ctx, const TerritoryCoverage& coverage) {
    if (ctx.selected.size() == ctx.dataset.bassins.size())
        return CrunchScope::Dataset;
    if (ctx.selected.empty())
        return CrunchScope::Selection;
    const std::string region = unitOfSelection(ctx, &model::Bassin::reg);
    if (!region.empty())
        return coverage.partialRegions.count(region) ? CrunchScope::Selection : CrunchScope::Region;
    const std::string departement = unitOfSelection(ctx, &model::Bassin::dep);
    if (!departement.empty())
        return coverage.partialDepartements.count(departement) ? CrunchScope::Selection
                                                               : CrunchScope::Departement;
    return CrunchScope::Selection;
}

// Warns when the selection is a région or département the data hold only in part (scopeOf), naming it.
void warnPartialScope(const Context& ctx, const TerritoryCoverage& coverage, Warnings& warnings) {
    if (ctx.selected.empty() || ctx.selected.size() == ctx.dataset.bassins.size())
        return;
    const auto check = [&](std::string model::Bassin::*field, const std::set<std::string>& partial,
                           const std::map<std::string, std::string>& names) {
        const std::string code = unitOfSelection(ctx, field);
        if (code.empty() || !partial.count(code))
            return false;
        warnings.push_back(
            makeWarning(ErrorKind::Parameter, {},
                        msg("analysis.crunch_partial_scope",
                            {arg::text("unit", unitName(names, code)),
                             arg::integer("n", static_cast<long long>(ctx.selected.size()))})));
        return true;
    };
    // The département first: a selection that is both (one BV of a neighbouring région) was asked for as
    // the département (`crunch --scope departement:27`).
    if (!check(&model::Bassin::dep, coverage.partialDepartements, ctx.dataset.departementNames))
        check(&model::Bassin::reg, coverage.partialRegions, ctx.dataset.regionNames);
}

//! What the pôles of the selection are compared with (DOMAIN.md §5): a région with the mean région, a
//! département with the mean département (a département has fewer pôles than a région: comparing it with
//! the mean région said "fewer" of every one), other BVs by the share of them that are pôles against the
//! dataset's. Bassins truncated by the import's area stay out of every reference.
void compareWithReference(const Context& ctx, const TerritoryCoverage& coverage, CrunchDiagnostics& d) {
    CrunchFindings& f = d.findings;
    f.scope = scopeOf(ctx, coverage);
    const std::set<std::string> truncated = truncatedBassins(ctx.dataset);
    const bool byDepartement = f.scope == CrunchScope::Departement;
    switch (f.scope) {
    case CrunchScope::Dataset:
        d.referenceByType = d.averageByTypePerRegion;
        f.referenceUnits = d.regionCount;
        return;
    case CrunchScope::Region:
    case CrunchScope::Departement: {
        const std::set<std::string>& partial =
            byDepartement ? coverage.partialDepartements : coverage.partialRegions;
        d.referenceByType = byDepartement
                                ? meanPerUnit(ctx, &model::Bassin::dep, partial, truncated, f.referenceUnits)
                                : d.averageByTypePerRegion;
        if (!byDepartement)
            f.referenceUnits = d.regionCount;
        const auto& names = byDepartement ? ctx.dataset.departementNames : ctx.dataset.regionNames;
        for (const std::string& code : partial)
            f.partialUnits.push_back(unitName(names, code));
        f.compared = hasReference(d);
        f.reference = 0;
        for (int t = 1; t < kPoleTypeCount; ++t)
            f.reference += d.referenceByType[t];
        const double gap = f.poleCount - f.reference;
        f.polesAgainstReference = gap > 0.05    ? PoleCountComparison::More
                                  : gap < -0.05 ? PoleCountComparison::Fewer
                                                : PoleCountComparison::AboutAsMany;
        return;
    }
    case CrunchScope::Selection: {
        int bassins = 0;
        std::array<int, kPoleTypeCount> counted{};
        for (std::size_t i = 0; i < ctx.dataset.bassins.size(); ++i)
            if (!truncated.count(ctx.dataset.bassins[i].code)) {
                ++bassins;
                ++counted[static_cast<int>(ctx.poles[i].type)];
            }
        f.referenceUnits = bassins;
        f.compared = ctx.selected.size() >= 2 && bassins >= 2;
        f.reference = 0;
        for (int t = 0; t < kPoleTypeCount && bassins > 0; ++t) {
            d.referenceByType[t] = static_cast<double>(counted[t]) / bassins;
            f.reference += t > 0 ? d.referenceByType[t] : 0.0;
        }
        f.poleShareOfBassins = static_cast<double>(f.poleCount) / static_cast<double>(ctx.selected.size());
        const long long shown = std::llround(f.poleShareOfBassins * 1000),
                        of = std::llround(f.reference * 1000);
        f.polesAgainstReference = shown > of   ? PoleCountComparison::More
                                  : shown < of ? PoleCountComparison::Fewer
                                               : PoleCountComparison::AboutAsMany;
        return;
    }
    }
}

// Heavier first; the code breaks ties so that the order never depends on the input order.
bool heavier(const std::vector<PoleClassification>& poles, int a, int b) {
    if (poles[a].total != poles[b].total)
        return poles[a].total > poles[b].total;
    return poles[a].bv < poles[b].bv;
}

// Primacy, share of the first pôle, Herfindahl index; returns the selected pôles, heaviest first.
std::vector<int> measureConcentration(const Context& ctx, double macrocephalyPrimacy, CrunchDiagnostics& d) {
    const auto& poles = ctx.poles;
    for (int i : ctx.selected)
        d.totalProfessionals += poles[i].total;
    std::vector<int> polesByMass;
    for (int i : ctx.selected)
        if (isPole(poles[i].type))
            polesByMass.push_back(i);
    std::sort(polesByMass.begin(), polesByMass.end(), [&](int a, int b) { return heavier(poles, a, b); });
    if (!polesByMass.empty()) {
        d.firstPole = poles[polesByMass[0]].bv;
        d.firstMass = poles[polesByMass[0]].total;
    }
    if (polesByMass.size() >= 2) {
        d.secondPole = poles[polesByMass[1]].bv;
        d.secondMass = poles[polesByMass[1]].total;
        d.primacy = d.secondMass > 0 ? d.firstMass / d.secondMass : 0;
    }
    d.macrocephalic = d.primacy > macrocephalyPrimacy;
    if (d.totalProfessionals > 0) {
        d.firstPoleShare = d.firstMass / d.totalProfessionals;
        for (int i : ctx.selected) {
            const double s = poles[i].total / d.totalProfessionals;
            d.herfindahl += s * s;
        }
        d.equivalentPoles = d.herfindahl > 0 ? 1.0 / d.herfindahl : 0;
    }
    return polesByMass;
}

// The BV distances are measured from: the first pôle, else the heaviest selected BV with professionals.
int findMainIndex(const Context& ctx, const std::vector<int>& polesByMass) {
    if (!polesByMass.empty())
        return polesByMass[0];
    if (ctx.selected.empty())
        return -1;
    const int heaviest = *std::min_element(ctx.selected.begin(), ctx.selected.end(),
                                           [&](int a, int b) { return heavier(ctx.poles, a, b); });
    return ctx.poles[heaviest].total > 0 ? heaviest : -1;
}

// A warning when vintageFrom cannot be compared with vintageTo; none when it can.
bool evolutionPossible(const model::Dataset& dataset, int vintageFrom, int vintageTo, Warnings& warnings) {
    const bool present = std::any_of(dataset.counts.begin(), dataset.counts.end(),
                                     [&](const model::CountRecord& r) { return r.vintage == vintageFrom; });
    if (vintageFrom != vintageTo && present)
        return true;
    warnings.push_back(makeWarning(
        ErrorKind::Parameter, {},
        vintageFrom == vintageTo
            ? msg("analysis.crunch.same_vintage", {arg::text("vintage", std::to_string(vintageTo))})
            : msg("analysis.crunch.no_vintage", {arg::text("vintage", std::to_string(vintageFrom))})));
    return false;
}

// The nearest large pôle (type 1-2) other than BV `i` itself, into c.nearestLargePole(Km).
void findNearestLargePole(const Context& ctx, const std::vector<int>& largePoles, int i, BassinChange& c) {
    const model::Point& here = ctx.dataset.bassins[i].anchor;
    if (!model::hasPosition(here))
        return;
    double nearest = std::numeric_limits<double>::infinity();
    for (int j : largePoles) {
        if (j == i || !model::hasPosition(ctx.dataset.bassins[j].anchor))
            continue;
        const double km = planarDistanceKm(here, ctx.dataset.bassins[j].anchor);
        if (km < nearest) {
            nearest = km;
            c.nearestLargePole = ctx.poles[j].bv;
        }
    }
    if (!c.nearestLargePole.empty())
        c.nearestLargePoleKm = nearest;
}

// Sums before and after, and the points of the drain correlation.
struct EvolutionSums {
    double poleBefore = 0, poleAfter = 0, otherBefore = 0, otherAfter = 0;
    std::vector<double> distances, percents;
    std::vector<std::string> unplaced; // BVs read without geometry: no distance
};

// One BV's change, its distance to the main pôle and whether it is at risk of being absorbed.
BassinChange changeOf(const Context& ctx, int i, double before, int mainIndex,
                      const std::vector<int>& largePoles, double nearLargePoleKm, EvolutionSums& sums) {
    BassinChange c;
    c.bv = ctx.poles[i].bv;
    c.before = before;
    c.after = ctx.poles[i].total;
    c.change = c.after - c.before;
    c.changePercent = c.before > 0 ? 100.0 * c.change / c.before : 0;
    c.type = ctx.poles[i].type;
    const model::Point& here = ctx.dataset.bassins[i].anchor;
    const bool placed = model::hasPosition(here) && mainIndex >= 0 &&
                        model::hasPosition(ctx.dataset.bassins[mainIndex].anchor);
    if (!model::hasPosition(here))
        sums.unplaced.push_back(c.bv);
    if (placed)
        c.distanceToMainKm = planarDistanceKm(here, ctx.dataset.bassins[mainIndex].anchor);
    findNearestLargePole(ctx, largePoles, i, c);
    c.atRisk = isSmallPole(c.type) && c.change < 0 && !c.nearestLargePole.empty() &&
               c.nearestLargePoleKm <= nearLargePoleKm;
    (isPole(c.type) ? sums.poleBefore : sums.otherBefore) += c.before;
    (isPole(c.type) ? sums.poleAfter : sums.otherAfter) += c.after;
    if (c.before > 0 && placed) {
        c.inCorrelation = true;
        sums.distances.push_back(c.distanceToMainKm);
        sums.percents.push_back(c.changePercent);
    }
    return c;
}

// BV codes of the pôles at risk, heaviest loss (in %) first.
std::vector<std::string> rankAtRisk(const std::vector<BassinChange>& changes) {
    std::vector<const BassinChange*> risky;
    for (const BassinChange& c : changes)
        if (c.atRisk)
            risky.push_back(&c);
    std::stable_sort(risky.begin(), risky.end(), [](const BassinChange* a, const BassinChange* b) {
        return a->changePercent < b->changePercent;
    });
    std::vector<std::string> codes;
    for (const BassinChange* c : risky)
        codes.push_back(c->bv);
    return codes;
}

void warnUnplaced(std::vector<std::string> unplaced, Warnings& warnings) {
    if (unplaced.empty())
        return;
    const auto n = static_cast<long long>(unplaced.size()); // before unplaced is moved into the warning
    warnings.push_back(makeWarning(ErrorKind::Geometry, {},
                                   msg("analysis.crunch.unplaced", {arg::integer("n", n)}),
                                   std::move(unplaced)));
}

// Change per BV between vintageFrom and vintageTo, pôles against non-pôles, the drain correlation and
// the pôles at risk. Returns the number of BVs behind the correlation.
int measureEvolution(const Context& ctx, const model::PoleParameters& params, double nearLargePoleKm,
                     int mainIndex, int vintageFrom, CrunchDiagnostics& d) {
    d.hasEvolution = true;
    d.vintageFrom = vintageFrom;
    Classification from = classifyDataset(ctx.dataset, vintageFrom, params);
    for (const Warning& w : from.warnings())
        d.warnings.push_back(w);
    std::vector<int> largePoles;
    for (std::size_t i = 0; i < ctx.poles.size(); ++i)
        if (isLargePole(ctx.poles[i].type))
            largePoles.push_back(static_cast<int>(i));
    EvolutionSums sums;
    for (int i : ctx.selected)
        d.changes.push_back(changeOf(ctx, i, from.aggregation.bassins[i].total, mainIndex, largePoles,
                                     nearLargePoleKm, sums));
    warnUnplaced(std::move(sums.unplaced), d.warnings);
    d.poleChangePercent =
        sums.poleBefore > 0 ? 100.0 * (sums.poleAfter - sums.poleBefore) / sums.poleBefore : 0;
    d.nonPoleChangePercent =
        sums.otherBefore > 0 ? 100.0 * (sums.otherAfter - sums.otherBefore) / sums.otherBefore : 0;
    d.drainCorrelation = pearson(sums.distances, sums.percents);
    d.atRisk = rankAtRisk(d.changes);
    if (sums.poleBefore <= 0 && sums.otherBefore <= 0) {
        d.hasEvolution = false;
        d.warnings.push_back(makeWarning(
            ErrorKind::Value, {},
            msg("analysis.crunch.empty_selection", {arg::text("vintage", std::to_string(vintageFrom))})));
    }
    return static_cast<int>(sums.distances.size());
}

// The names of the BVs the diagnosis may name: the two first pôles, the main pôle, the pôles at risk
// and their large neighbours.
std::map<std::string, std::string> namesOf(const model::Dataset& dataset, const CrunchDiagnostics& d) {
    std::vector<std::string> codes{d.firstPole, d.secondPole, d.mainPole};
    for (const BassinChange& c : d.changes)
        if (c.atRisk) {
            codes.push_back(c.bv);
            codes.push_back(c.nearestLargePole);
        }
    std::map<std::string, std::string> names;
    for (const std::string& code : codes) {
        if (code.empty())
            continue;
        const model::Bassin* b = dataset.bassin(code);
        names[code] = b && !b->name.empty() ? b->name : code;
    }
    return names;
}

// What the figures mean, for the written diagnosis.
CrunchFindings interpret(const model::Dataset& dataset, const CrunchDiagnostics& d,
                         double macrocephalyPrimacy, int correlationPoints) {
    CrunchFindings f;
    for (int t = 1; t < kPoleTypeCount; ++t)
        f.poleCount += d.polesByType[t];
    f.macrocephalyThreshold = macrocephalyPrimacy;
    const double n = static_cast<double>(d.bassins.size());
    f.highConcentration =
        d.equivalentPoles < kHighConcentrationEquivalentPoles && d.equivalentPoles < 0.5 * n;
    f.correlationPoints = correlationPoints;
    f.drain = drainSignatureOf(d, correlationPoints);
    f.names = namesOf(dataset, d);
    return f;
}

} // namespace

CrunchDiagnostics diagnoseCrunch(const model::Dataset& dataset, const std::vector<std::string>& selection,
                                 const model::PoleParameters& params, const model::CrunchParameters& crunch,
                                 int vintageTo, int vintageFrom) {
    return diagnoseCrunch(dataset, selection, classifyDataset(dataset, vintageTo, params), params, crunch,
                          vintageFrom);
}

CrunchDiagnostics diagnoseCrunch(const model::Dataset& dataset, const std::vector<std::string>& selection,
                                 Classification to, const model::PoleParameters& params,
                                 const model::CrunchParameters& crunch, int vintageFrom) {
    CrunchDiagnostics d;
    d.vintageTo = to.vintage;
    d.warnings = to.warnings();
    const std::vector<int> selected = resolveSelection(dataset, selection, d.warnings);
    for (int i : selected)
        d.bassins.push_back(dataset.bassins[i].code);
    const Context ctx{dataset, to.poles, selected};

    const TerritoryCoverage coverage = territoryCoverage(dataset);
    warnPartialScope(ctx, coverage, d.warnings);
    countPolesByType(ctx, coverage, d);
    const std::vector<int> polesByMass = measureConcentration(ctx, crunch.macrocephalyPrimacy, d);
    const int mainIndex = findMainIndex(ctx, polesByMass);
    if (mainIndex >= 0)
        d.mainPole = to.poles[mainIndex].bv;
    int correlationPoints = 0;
    if (vintageFrom != 0 && evolutionPossible(dataset, vintageFrom, d.vintageTo, d.warnings)) {
        checkSameSource(dataset, vintageFrom, d.vintageTo); // BPE practice sites are not register people
        correlationPoints = measureEvolution(ctx, params, crunch.nearLargePoleKm, mainIndex, vintageFrom, d);
    }
    d.minCorrelationBassins = static_cast<int>(crunch.minCorrelationBassins);
    d.findings = interpret(dataset, d, crunch.macrocephalyPrimacy, correlationPoints);
    compareWithReference(ctx, coverage, d);
    d.classification = std::move(to.poles);
    return d;
}

bool hasReference(const CrunchDiagnostics& diagnostics) {
    const CrunchFindings& f = diagnostics.findings;
    return f.scope == CrunchScope::Selection ? f.referenceUnits > 0 : f.referenceUnits >= 2;
}

TerritoryCoverage territoryCoverage(const model::Dataset& dataset) {
    const std::set<std::string> outside = outsideCommunes(dataset);
    struct Tally {
        int communes = 0, outside = 0;
        std::set<std::string> departements; // of a région
    };
    std::map<std::string, Tally> deps, regs;
    for (const model::Commune& c : dataset.communes) {
        const bool out = outside.count(c.code) > 0;
        if (!c.dep.empty()) {
            ++deps[c.dep].communes;
            deps[c.dep].outside += out ? 1 : 0;
        }
        if (!c.reg.empty()) {
            ++regs[c.reg].communes;
            regs[c.reg].outside += out ? 1 : 0;
            if (!c.dep.empty())
                regs[c.reg].departements.insert(c.dep);
        }
    }
    TerritoryCoverage coverage;
    const auto mostlyInside = [](const Tally& t) { return 2 * t.outside < t.communes; };
    for (const auto& [code, t] : deps)
        (mostlyInside(t) ? coverage.wholeDepartements : coverage.partialDepartements).insert(code);
    for (const auto& [code, t] : regs) {
        const bool whole = mostlyInside(t) && std::none_of(t.departements.begin(), t.departements.end(),
                                                           [&](const std::string& dep) {
                                                               return coverage.partialDepartements.count(dep);
                                                           });
        (whole ? coverage.wholeRegions : coverage.partialRegions).insert(code);
    }
    // A bassin named after a commune the data do not hold (cut by the file or the area, truncated) may be
    // attributed to a département or région none of whose communes is in the data: a fragment too (when
    // the communes carry their département and région at all).
    for (const model::Bassin& b : dataset.bassins) {
        if (!b.dep.empty() && !deps.empty() && !deps.count(b.dep))
            coverage.partialDepartements.insert(b.dep);
        if (!b.reg.empty() && !regs.empty() && !regs.count(b.reg))
            coverage.partialRegions.insert(b.reg);
    }
    return coverage;
}

double drainCorrelationOf(const std::vector<BassinChange>& changes, const std::vector<bool>& leftOut,
                          int& points) {
    std::vector<double> distances, percents;
    for (std::size_t i = 0; i < changes.size(); ++i)
        if (changes[i].inCorrelation && !(i < leftOut.size() && leftOut[i])) {
            distances.push_back(changes[i].distanceToMainKm);
            percents.push_back(changes[i].changePercent);
        }
    points = static_cast<int>(distances.size());
    return pearson(distances, percents);
}

DrainSignature drainSignatureOf(const CrunchDiagnostics& d, int correlationPoints) {
    if (!d.hasEvolution || correlationPoints < 3 || d.mainPole.empty())
        return DrainSignature::Unknown;
    if (correlationPoints < d.minCorrelationBassins)
        return DrainSignature::TooFew;
    if (d.drainCorrelation <= kDrainCorrelationVisible)
        return DrainSignature::Visible;
    if (d.drainCorrelation >= -kDrainCorrelationVisible)
        return DrainSignature::Absent;
    return DrainSignature::Unclear;
}

} // namespace maillage::analysis
