// Two-step floating catchment (APL and its variants): one code path, the method only changes w(t).
#include "core/analysis/accessibility.h"

#include "core/analysis/access_weights.h"

#include "core/analysis/counts.h"
#include "core/analysis/density.h"
#include "core/analysis/register_counts.h"
#include "core/model/text.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <unordered_map>

namespace maillage::analysis {

namespace {

model::ProfessionGroup groupOf(const model::ProfessionCatalogue& catalogue, const std::string& profession) {
    const int p = profession.empty() ? -1 : resolveProfession(catalogue, profession);
    return p < 0 ? model::ProfessionGroup::Proximite
                 : catalogue.professions()[static_cast<std::size_t>(p)].group;
}

} // namespace

AccessParameters defaultAccessParameters(const model::ProfessionCatalogue& catalogue,
                                         const std::string& profession) {
    return defaultAccessParameters(groupOf(catalogue, profession));
}

AccessParameters accessParameters(const model::Parameters& params,
                                  const model::ProfessionCatalogue& catalogue,
                                  const std::string& profession) {
    return params.accessFor(groupOf(catalogue, profession));
}

std::vector<double> standardisedPopulation(const std::vector<std::vector<double>>& byBand,
                                           const std::vector<double>& weights) {
    double population = 0, weighted = 0;
    std::vector<double> out(byBand.size(), 0.0);
    for (std::size_t c = 0; c < byBand.size(); ++c) {
        if (byBand[c].size() != weights.size())
            throw Error(ErrorKind::Value, {},
                        msg("analysis.access.standardisation_bands",
                            {arg::integer("row", static_cast<long long>(c + 1)),
                             arg::integer("found", static_cast<long long>(byBand[c].size())),
                             arg::integer("expected", static_cast<long long>(weights.size()))}));
        for (std::size_t b = 0; b < weights.size(); ++b) {
            const double p = byBand[c][b], w = weights[b];
            if (!(p >= 0) || !(w >= 0))
                throw Error(
                    ErrorKind::Value, {},
                    msg("analysis.access.standardisation_negative", {arg::number("value", p < 0 ? p : w)}));
            population += p;
            out[c] += p * w;
        }
        weighted += out[c];
    }
    // Scaled so that the dataset keeps its population: a standardised inhabitant consumes the average.
    const double scale = weighted > 0 ? population / weighted : 0;
    for (double& v : out)
        v *= scale;
    return out;
}

namespace {

//! The band's position in the weights; throws naming the band and the bands the weights have.
std::size_t bandIndex(const std::vector<model::AgeBandWeight>& weights, const std::string& band) {
    for (std::size_t b = 0; b < weights.size(); ++b)
        if (weights[b].band == band)
            return b;
    std::vector<std::string> known;
    for (const model::AgeBandWeight& w : weights)
        known.push_back(w.band);
    throw Error(ErrorKind::Value, Location{"", 0, {}, -1, "access.demand"},
                msg("analysis.access.unknown_band", {arg::code("band", band), arg::list("bands", known)}));
}

//! The communes without population by age, their population kept as it is, in a warning.
void keepPopulationOfCommunesWithoutAges(const model::Dataset& ds, const std::vector<int>& row,
                                         std::vector<double>& out, Warnings& warnings) {
    std::vector<std::string> missing;
    for (std::size_t c = 0; c < row.size(); ++c)
        if (row[c] < 0) {
            out[c] = std::max(0.0, ds.communes[c].population);
            missing.push_back(ds.communes[c].code);
        }
    if (missing.empty())
        return;
    const auto n = static_cast<long long>(missing.size());
    warnings.push_back(makeWarning(ErrorKind::Join, {},
                                   msg("analysis.access.communes_without_ages", {arg::integer("n", n)}),
                                   std::move(missing)));
}

} // namespace

namespace {

//! standardisedDemand() with the population by age read from `ages` (the dataset's own: a buffer run
//! reads it in place).
std::vector<double> standardisedDemandOf(const model::Dataset& dataset,
                                         const std::vector<model::AgeBandPopulation>& ages,
                                         const std::vector<model::AgeBandWeight>& weights,
                                         Warnings& warnings) {
    if (ages.empty())
        throw Error(ErrorKind::Parameter, Location{"", 0, {}, -1, "access.demand"},
                    msg("analysis.access.no_population_by_age"));
    std::vector<double> weightOfBand;
    for (const model::AgeBandWeight& w : weights)
        weightOfBand.push_back(w.weight);
    // Rows of standardisedPopulation: the communes that have ages, in the order first met.
    std::vector<int> row(dataset.communes.size(), -1);
    std::vector<std::vector<double>> byBand;
    for (const model::AgeBandPopulation& age : ages) {
        const std::size_t b = bandIndex(weights, age.band);
        const int c = resolveCommune(dataset, age.commune);
        if (c < 0)
            continue; // the import reported codes absent from the communes
        int& r = row[static_cast<std::size_t>(c)];
        if (r < 0) {
            r = static_cast<int>(byBand.size());
            byBand.emplace_back(weights.size(), 0.0);
        }
        byBand[static_cast<std::size_t>(r)][b] += age.population;
    }
    const std::vector<double> standardised = standardisedPopulation(byBand, weightOfBand);
    std::vector<double> out(dataset.communes.size(), 0.0);
    for (std::size_t c = 0; c < row.size(); ++c)
        if (row[c] >= 0)
            out[c] = standardised[static_cast<std::size_t>(row[c])];
    keepPopulationOfCommunesWithoutAges(dataset, row, out, warnings);
    return out;
}

} // namespace

std::vector<double> standardisedDemand(const model::Dataset& dataset,
                                       const std::vector<model::AgeBandWeight>& weights, Warnings& warnings) {
    return standardisedDemandOf(dataset, dataset.populationByAge, weights, warnings);
}

namespace {

bool isUnderAge(const model::RegisteredProfessional& p, int vintage, double maxAge, long long& unknownAge) {
    if (!(maxAge > 0))
        return true;
    if (p.birthYear <= 0) {
        ++unknownAge; // kept: the zonage cannot drop those it cannot date
        return true;
    }
    return vintage - p.birthYear < maxAge;
}

//! Adds the professional's supply to `out`: FTE of each site, else the site rule's weights.
void addProfessional(const model::Dataset& ds, const model::RegisteredProfessional& p, model::SiteRule rule,
                     bool fte, std::vector<double>& out, long long& withoutFte) {
    std::vector<double> weights(p.sites.size(), 0.0);
    bool anyFte = false;
    if (fte)
        for (std::size_t s = 0; s < p.sites.size(); ++s)
            if (!p.sites[s].commune.empty() && p.sites[s].fte > 0) {
                weights[s] = p.sites[s].fte;
                anyFte = true;
            }
    if (fte && !anyFte)
        ++withoutFte;
    if (!anyFte)
        weights = siteWeights(p, rule);
    for (std::size_t s = 0; s < p.sites.size(); ++s) {
        const int c = weights[s] > 0 ? resolveCommune(ds, p.sites[s].commune) : -1;
        if (c >= 0)
            out[static_cast<std::size_t>(c)] += weights[s];
    }
}

} // namespace

std::vector<double> registerSupply(const model::Dataset& dataset, const model::ProfessionalRegister& reg,
                                   const std::string& profession, const AccessParameters& params,
                                   Warnings& warnings) {
    // An alias stands for its canonical code; an unknown profession matches nobody (accessibility() has
    // already refused it through the counts).
    const int p = profession.empty() ? -1 : resolveProfession(dataset.catalogue, profession);
    const std::string code =
        p >= 0 ? dataset.catalogue.professions()[static_cast<std::size_t>(p)].code : profession;
    const bool fte = params.supply == SupplyKind::FullTimeEquivalents;
    std::vector<double> out(dataset.communes.size(), 0.0);
    long long unknownAge = 0, withoutFte = 0, tooOld = 0;
    for (const model::RegisteredProfessional& p : reg.professionals) {
        if (p.profession.empty() || (!code.empty() && p.profession != code))
            continue;
        if (!isUnderAge(p, reg.vintage, params.maxAge, unknownAge)) {
            ++tooOld;
            continue;
        }
        addProfessional(dataset, p, reg.rule, fte, out, withoutFte);
    }
    if (params.maxAge > 0)
        warnings.push_back(makeWarning(
            ErrorKind::Value, {},
            msg("analysis.access.age_limit", {arg::number("age", params.maxAge), arg::integer("n", tooOld),
                                              arg::integer("unknown", unknownAge)})));
    if (withoutFte > 0)
        warnings.push_back(makeWarning(ErrorKind::Value, {},
                                       msg("analysis.access.without_fte", {arg::integer("n", withoutFte)})));
    return out;
}

namespace {

//! Travel times by destination (the supply): for destination d, entries[start[d]..start[d+1]) hold
//! (origin, minutes), the shortest of duplicates.
struct TravelMatrix {
    std::vector<std::size_t> start;
    std::vector<std::pair<int, double>> entries;
};

TravelMatrix indexTravelTimes(const model::Dataset& ds, const std::vector<model::TravelTime>& times) {
    const std::size_t n = ds.communes.size();
    TravelMatrix m;
    m.start.assign(n + 1, 0);
    struct Entry {
        int dest, origin;
        double minutes;
    };
    std::vector<Entry> entries;
    entries.reserve(times.size());
    for (const model::TravelTime& t : times) {
        if (!(t.minutes >= 0) || !std::isfinite(t.minutes))
            continue;
        const int o = resolveCommune(ds, t.origin), d = resolveCommune(ds, t.destination);
        if (o >= 0 && d >= 0)
            entries.push_back({d, o, t.minutes});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.dest != b.dest       ? a.dest < b.dest
               : a.origin != b.origin ? a.origin < b.origin
                                      : a.minutes < b.minutes;
    });
    m.entries.reserve(entries.size());
    for (std::size_t e = 0; e < entries.size(); ++e) {
        if (e > 0 && entries[e].dest == entries[e - 1].dest && entries[e].origin == entries[e - 1].origin)
            continue; // duplicate pair: the shortest came first
        ++m.start[static_cast<std::size_t>(entries[e].dest) + 1];
        m.entries.emplace_back(entries[e].origin, entries[e].minutes);
    }
    for (std::size_t c = 0; c < n; ++c)
        m.start[c + 1] += m.start[c];
    return m;
}

//! Communes by square cell as large as the straight-line reach: those within reach of a point lie in the
//! 3×3 block of cells around it. Communes without a position are in no cell.
class AnchorGrid {
public:
    AnchorGrid(const model::Dataset& ds, double cellMeters) : m_ds(ds), m_cell(cellMeters) {
        std::vector<std::pair<std::uint64_t, int>> byCell;
        for (std::size_t c = 0; c < ds.communes.size(); ++c)
            if (model::hasPosition(ds.communes[c].anchor))
                byCell.emplace_back(keyOf(ds.communes[c].anchor, 0, 0), static_cast<int>(c));
        std::sort(byCell.begin(), byCell.end());
        m_order.reserve(byCell.size());
        for (std::size_t s = 0; s < byCell.size(); ++s) {
            if (s == 0 || byCell[s].first != byCell[s - 1].first)
                m_cells.emplace(byCell[s].first, std::make_pair(s, s));
            m_cells[byCell[s].first].second = s + 1;
            m_order.push_back(byCell[s].second);
        }
    }
    //! Calls fn(k, metres) for every commune k with a position in the 3×3 block around p, but those
    //! certainly farther than a cell (beyond the reach: their weight is 0), told apart by the squared
    //! distance with a margin of 1e-9 far above its rounding; std::hypot, for the others only, was 2 % of
    //! a national import.
    template <typename Fn> void forEachNear(const model::Point& p, Fn&& fn) const {
        const double beyond = m_cell * (1 + 1e-9);
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy) {
                const auto it = m_cells.find(keyOf(p, dx, dy));
                if (it == m_cells.end())
                    continue;
                for (std::size_t s = it->second.first; s < it->second.second; ++s) {
                    const model::Point& q = m_ds.communes[static_cast<std::size_t>(m_order[s])].anchor;
                    const double x = q.x - p.x, y = q.y - p.y;
                    if (x * x + y * y > beyond * beyond)
                        continue;
                    fn(static_cast<std::size_t>(m_order[s]), std::hypot(x, y));
                }
            }
    }

private:
    std::uint64_t keyOf(const model::Point& p, int dx, int dy) const {
        const auto cx = static_cast<std::int64_t>(std::floor(p.x / m_cell)) + dx;
        const auto cy = static_cast<std::int64_t>(std::floor(p.y / m_cell)) + dy;
        return (static_cast<std::uint64_t>(cx) << 32) ^ (static_cast<std::uint64_t>(cy) & 0xffffffffu);
    }
    const model::Dataset& m_ds;
    double m_cell;
    std::unordered_map<std::uint64_t, std::pair<std::size_t, std::size_t>> m_cells;
    std::vector<int> m_order;
};

//! A pair (population's commune, supply's commune) within the catchment.
struct Pair {
    int commune = -1; //!< the population's commune
    double weight = 0;
    enum Source : char { Matrix, StraightLine, Itself } source = Matrix;
};

//! The pairs of one supply commune j: the matrix decides the pairs it has; the others are timed by the
//! straight line; j reaches itself at 0 minutes unless the matrix says otherwise.
void appendReach(const model::Dataset& ds, std::size_t j, const AccessParameters& params,
                 const TravelMatrix& matrix, const AnchorGrid& grid, std::vector<int>& stamp,
                 std::vector<Pair>& out) {
    const int mark = static_cast<int>(j);
    for (std::size_t e = matrix.start[j]; e < matrix.start[j + 1]; ++e) {
        const auto [k, minutes] = matrix.entries[e];
        stamp[static_cast<std::size_t>(k)] = mark;
        const double w = accessWeight(params, minutes);
        if (w > 0)
            out.push_back({k, w, Pair::Matrix});
    }
    if (stamp[j] != mark) {
        stamp[j] = mark;
        const double w = accessWeight(params, 0);
        if (w > 0)
            out.push_back({mark, w, Pair::Itself});
    }
    const model::Point& pj = ds.communes[j].anchor;
    if (!model::hasPosition(pj))
        return;
    const double metresPerMinute = params.straightLineSpeedKmh * 1000.0 / 60.0;
    grid.forEachNear(pj, [&](std::size_t k, double metres) {
        if (stamp[k] == mark)
            return; // the matrix (or the commune itself) decided this pair
        const double w = accessWeight(params, metres / metresPerMinute);
        if (w > 0)
            out.push_back({static_cast<int>(k), w, Pair::StraightLine});
    });
}

//! Both steps of the floating catchment, one supply commune at a time: its pairs (the communes whose
//! population reaches it, with their weight) are made, its demand summed over them, and its ratio spread
//! back to them, before the next commune's; only one commune's pairs are held (the national pairs of every
//! supply commune together were 19 MB). The sums run in the same order as over all pairs held at once:
//! the same values to the bit. Also counts the pairs by source.
void computeValues(const model::Dataset& ds, const std::vector<model::TravelTime>& times,
                   const std::vector<double>& supply, const AccessParameters& params, AccessResult& r,
                   Feedback* feedback) {
    const std::size_t n = ds.communes.size();
    const TravelMatrix matrix = indexTravelTimes(ds, times);
    const AnchorGrid grid(ds, params.catchmentMinutes / 60.0 * params.straightLineSpeedKmh * 1000.0);
    std::vector<int> stamp(n, -1);
    std::vector<Pair> pairs; // of the supply commune j
    r.values.assign(n, 0.0);
    r.pairsByMatrix.assign(n, 0);
    r.pairsByStraightLine.assign(n, 0);
    for (std::size_t j = 0; j < n; ++j) {
        if ((j & 1023) == 0) {
            throwIfCanceled(feedback);
            report(feedback, 80.0 * static_cast<double>(j) / static_cast<double>(n));
        }
        if (!(supply[j] > 0))
            continue;
        pairs.clear();
        appendReach(ds, j, params, matrix, grid, stamp, pairs);
        double demand = 0;
        for (const Pair& p : pairs)
            demand += p.weight * r.demand[static_cast<std::size_t>(p.commune)];
        const double ratio = demand > 0 ? supply[j] / demand : 0; // nobody shares this supply: 0
        for (const Pair& p : pairs) {
            const auto k = static_cast<std::size_t>(p.commune);
            r.values[k] += p.weight * ratio;
            r.pairsByMatrix[k] += p.source == Pair::Matrix;
            r.pairsByStraightLine[k] += p.source == Pair::StraightLine;
        }
    }
    throwIfCanceled(feedback);
    for (double& v : r.values)
        v *= r.params.perInhabitants;
}

double cross(const model::Point& o, const model::Point& a, const model::Point& b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

//! Convex hull of the anchors (Andrew's monotone chain), counter-clockwise, closed (first point repeated).
std::vector<model::Point> hullOf(const model::Dataset& ds) {
    std::vector<model::Point> pts;
    for (const model::Commune& c : ds.communes)
        if (model::hasPosition(c.anchor))
            pts.push_back(c.anchor);
    std::sort(pts.begin(), pts.end(), [](const model::Point& a, const model::Point& b) {
        return a.x != b.x ? a.x < b.x : a.y < b.y;
    });
    if (pts.size() < 3)
        return {};
    std::vector<model::Point> hull(2 * pts.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0)
            --k;
        hull[k++] = pts[i];
    }
    for (std::size_t i = pts.size() - 1, lower = k + 1; i-- > 0;) {
        while (k >= lower && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0)
            --k;
        hull[k++] = pts[i];
    }
    hull.resize(k);
    return hull;
}

double distanceToSegment(const model::Point& p, const model::Point& a, const model::Point& b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

//! The warning naming the communes near the edge (none when `codes` is empty).
void warnEdge(std::vector<std::string> codes, AccessResult& r) {
    if (codes.empty())
        return;
    const double reachKm = r.params.catchmentMinutes / 60.0 * r.params.straightLineSpeedKmh;
    const auto n = static_cast<long long>(codes.size()); // before codes is moved into the warning
    r.warnings.push_back(makeWarning(
        ErrorKind::Value, {},
        msg("analysis.access.edge", {arg::integer("n", n), arg::number("minutes", r.params.catchmentMinutes),
                                     arg::number("km", reachKm, 0)}),
        std::move(codes)));
}

//! Communes whose anchor lies within the straight-line reach of the hull's boundary; a warning naming them.
void markEdge(const model::Dataset& ds, AccessResult& r) {
    r.nearEdge.assign(ds.communes.size(), 0);
    const std::vector<model::Point> hull = hullOf(ds);
    if (hull.size() < 3)
        return;
    const double reachKm = r.params.catchmentMinutes / 60.0 * r.params.straightLineSpeedKmh;
    std::vector<std::string> codes;
    for (std::size_t c = 0; c < ds.communes.size(); ++c) {
        const model::Point& p = ds.communes[c].anchor;
        if (!model::hasPosition(p))
            continue;
        double nearest = INFINITY;
        for (std::size_t h = 0; h < hull.size(); ++h)
            nearest = std::min(nearest, distanceToSegment(p, hull[h], hull[(h + 1) % hull.size()]));
        if (nearest < reachKm * 1000.0) {
            r.nearEdge[c] = 1;
            codes.push_back(ds.communes[c].code);
        }
    }
    warnEdge(std::move(codes), r);
}

//! Says which pairs were timed by the straight line (all of them without a matrix).
void warnStraightLine(const std::vector<model::TravelTime>& times, AccessResult& r) {
    long long byLine = 0, total = 0;
    for (std::size_t c = 0; c < r.values.size(); ++c) {
        byLine += r.pairsByStraightLine[c];
        total += r.pairsByStraightLine[c] + r.pairsByMatrix[c];
    }
    const auto speed = arg::number("speed", r.params.straightLineSpeedKmh);
    if (times.empty())
        r.warnings.push_back(makeWarning(ErrorKind::Value, {}, msg("analysis.access.no_matrix", {speed})));
    else if (byLine > 0)
        r.warnings.push_back(
            makeWarning(ErrorKind::Join, {},
                        msg("analysis.access.straight_line_pairs",
                            {arg::integer("n", byLine), arg::integer("total", total), speed})));
}

//! `given` when not empty (checked: one finite value >= 0 per commune), else `fallback`.
std::vector<double> inputOr(const model::Dataset& ds, const std::vector<double>& given,
                            std::vector<double> fallback, const char* what) {
    if (given.empty())
        return fallback;
    if (given.size() != ds.communes.size())
        throw Error(ErrorKind::Value, {},
                    msg("analysis.access.input_size",
                        {arg::text("what", what), arg::integer("found", static_cast<long long>(given.size())),
                         arg::integer("expected", static_cast<long long>(ds.communes.size()))}));
    for (std::size_t c = 0; c < given.size(); ++c)
        if (!(given[c] >= 0) || !std::isfinite(given[c]))
            throw Error(ErrorKind::Value, {},
                        msg("analysis.access.negative_input",
                            {arg::text("what", what), arg::code("commune", ds.communes[c].code),
                             arg::number("value", given[c])}));
    return given;
}

//! What the floating catchment runs on: `area` gives the communes (the dataset's, followed by its buffer's
//! when it has one) and resolves codes; `tables` is the dataset itself, whose travel times, registers and
//! population by age are read in place (a buffer run does not copy them).
struct AccessData {
    const model::Dataset& area;
    const model::Dataset& tables;
};

//! The demand the dataset gives (empty when inputs give it): population, or standardised by age with the
//! dataset's consumption weights (consumptionWeights()).
std::vector<double> datasetDemand(const AccessData& data, const AccessInputs& inputs, AccessResult& r) {
    if (!inputs.demand.empty()) {
        r.demandStandardised = inputs.demandStandardised;
        return {};
    }
    const model::Dataset& ds = data.area;
    if (r.params.demand == model::DemandKind::Standardised) {
        r.demandStandardised = true;
        return standardisedDemandOf(
            ds, data.tables.populationByAge,
            inputs.ageWeights.empty() ? consumptionWeights(data.tables) : inputs.ageWeights, r.warnings);
    }
    std::vector<double> population(ds.communes.size());
    for (std::size_t c = 0; c < population.size(); ++c)
        population[c] = std::max(0.0, ds.communes[c].population); // NaN -> 0 as well
    return population;
}

//! The supply the dataset gives (empty when inputs give it): the counts, or the register's FTE or
//! professionals under the age limit.
std::vector<double> datasetSupply(const AccessData& data, const AccessInputs& inputs,
                                  std::vector<double> counts, AccessResult& r) {
    if (!inputs.supply.empty())
        return {};
    const AccessParameters& params = r.params;
    const model::ProfessionalRegister* reg = registerOfYear(data.tables, r.vintage);
    const bool fromRegister = params.supply == SupplyKind::FullTimeEquivalents || params.maxAge > 0;
    if (reg && fromRegister && params.supply != SupplyKind::Consultations)
        return registerSupply(data.area, *reg, r.profession, params, r.warnings);
    if (params.supply != SupplyKind::Professionals)
        throw Error(ErrorKind::Parameter, Location{"", 0, {}, -1, "access.supply"},
                    msg(params.supply == SupplyKind::FullTimeEquivalents
                            ? "analysis.access.fte_needs_register"
                            : "analysis.access.no_consultations",
                        {arg::text("vintage", std::to_string(r.vintage))}));
    if (params.maxAge > 0)
        r.warnings.push_back(makeWarning(
            ErrorKind::Value, {},
            msg("analysis.access.age_unknown",
                {arg::number("age", params.maxAge), arg::text("vintage", std::to_string(r.vintage))})));
    return counts;
}

} // namespace

namespace {

//! accessibility() on the communes of data.area as they are (the buffer, if any, already among them),
//! `counts` being theirs.
AccessResult accessibilityOf(const AccessData& data, CommuneCounts counts, const AccessParameters& params,
                             const AccessInputs& inputs, Feedback* feedback) {
    validate(params, "");
    const model::Dataset& dataset = data.area;
    AccessResult r;
    r.profession = counts.profession;
    r.vintage = counts.vintage;
    r.params = params;
    r.warnings = std::move(counts.warnings);
    r.demand = inputOr(dataset, inputs.demand, datasetDemand(data, inputs, r), "demand");
    const std::vector<double> supply =
        inputOr(dataset, inputs.supply, datasetSupply(data, inputs, std::move(counts.counts), r), "supply");

    computeValues(dataset, data.tables.travelTimes, supply, params, r, feedback);
    warnStraightLine(data.tables.travelTimes, r);
    markEdge(dataset, r);
    report(feedback, 100);
    return r;
}

//! The dataset's communes (without polygons) followed by its buffer communes, and the buffer's counts
//! only: the communes the floating catchment runs on when the import took a buffer. The travel times,
//! registers, population by age and the area's counts stay in `ds` (AccessData::tables, countsWithBuffer).
model::Dataset withBuffer(const model::Dataset& ds) {
    model::Dataset out;
    out.meta = ds.meta;
    out.catalogue = ds.catalogue;
    out.communes.reserve(ds.communes.size() + ds.bufferCommunes.size());
    for (const model::Commune& c : ds.communes) // every field but the polygon, which is not copied
        out.communes.push_back({c.code, c.name, c.population, c.bv, c.dep, c.reg, c.anchor, {}});
    out.communes.insert(out.communes.end(), ds.bufferCommunes.begin(), ds.bufferCommunes.end());
    out.counts = ds.bufferCounts;
    out.reindex();
    return out;
}

//! The counts of `area`'s communes (first those of `ds`, then the buffer's); `ofBuffer` gets the buffer's
//! alone (zero for the area's communes).
CommuneCounts countsWithBuffer(const model::Dataset& ds, const model::Dataset& area,
                               const std::string& profession, int vintage, std::vector<double>& ofBuffer) {
    CommuneCounts counts = countsByCommune(ds, profession, vintage);
    CommuneCounts buffer = countsByCommune(area, counts.profession, counts.vintage);
    ofBuffer = buffer.counts;
    for (std::size_t c = 0; c < counts.counts.size(); ++c)
        buffer.counts[c] += counts.counts[c];
    counts.counts = std::move(buffer.counts);
    for (Warning& w : buffer.warnings)
        counts.warnings.push_back(std::move(w));
    return counts;
}

//! Inputs given for the area's communes, followed by the buffer's population and counts.
AccessInputs padInputs(const model::Dataset& extended, std::size_t area, const std::vector<double>& ofBuffer,
                       AccessInputs inputs) {
    if (!inputs.demand.empty() && inputs.demand.size() == area)
        for (std::size_t c = area; c < extended.communes.size(); ++c)
            inputs.demand.push_back(std::max(0.0, extended.communes[c].population));
    if (!inputs.supply.empty() && inputs.supply.size() == area)
        inputs.supply.insert(inputs.supply.end(), ofBuffer.begin() + static_cast<std::ptrdiff_t>(area),
                             ofBuffer.end());
    return inputs;
}

//! Keeps the area's communes only (the first `area`), and the edge warning for them.
void keepArea(const model::Dataset& ds, std::size_t area, AccessResult& r) {
    r.values.resize(area);
    r.demand.resize(area);
    r.pairsByMatrix.resize(area);
    r.pairsByStraightLine.resize(area);
    r.nearEdge.resize(area);
    r.warnings.erase(std::remove_if(r.warnings.begin(), r.warnings.end(),
                                    [](const Warning& w) { return w.text.id == "analysis.access.edge"; }),
                     r.warnings.end());
    std::vector<std::string> codes;
    for (std::size_t c = 0; c < area; ++c)
        if (r.nearEdge[c])
            codes.push_back(ds.communes[c].code);
    warnEdge(std::move(codes), r);
}

} // namespace

AccessResult accessibility(const model::Dataset& dataset, const std::string& profession, int vintage,
                           const AccessParameters& params, const AccessInputs& inputs, Feedback* feedback) {
    if (dataset.bufferCommunes.empty())
        return accessibilityOf({dataset, dataset}, countsByCommune(dataset, profession, vintage), params,
                               inputs, feedback);
    // The buffer's supply and demand count; its communes are not reported.
    const model::Dataset extended = withBuffer(dataset);
    const std::size_t area = dataset.communes.size();
    std::vector<double> ofBuffer;
    CommuneCounts counts = countsWithBuffer(dataset, extended, profession, vintage, ofBuffer);
    AccessResult r = accessibilityOf({extended, dataset}, std::move(counts), params,
                                     padInputs(extended, area, ofBuffer, inputs), feedback);
    keepArea(dataset, area, r);
    return r;
}

namespace {

void checkThresholds(const std::vector<double>& thresholds) {
    for (std::size_t t = 0; t < thresholds.size(); ++t)
        if (!std::isfinite(thresholds[t]) || (t > 0 && !(thresholds[t] > thresholds[t - 1]))) {
            std::vector<std::string> shown;
            for (double v : thresholds)
                shown.push_back(text::formatShortest(v));
            throw Error(ErrorKind::Parameter, Location{"", 0, {}, -1, "access.zonage_thresholds"},
                        msg("analysis.access.thresholds", {arg::list("values", shown)}));
        }
}

int classOf(double value, const std::vector<double>& thresholds) {
    return static_cast<int>(std::upper_bound(thresholds.begin(), thresholds.end(), value) -
                            thresholds.begin());
}

//! Each commune takes its unit's class; population and communes per class.
void classCommunes(const AccessResult& result, const std::vector<std::string>& unitOf,
                   const std::map<std::string, std::size_t>& index, UnitZonage& u) {
    const std::size_t classes = u.unitsOf.size();
    u.zonage.populationOf.assign(classes, 0.0);
    u.zonage.communesOf.assign(classes, 0);
    u.zonage.classOf.assign(unitOf.size(), -1);
    for (std::size_t c = 0; c < unitOf.size(); ++c) {
        if (unitOf[c].empty())
            continue;
        const int k = u.unitClass[index.at(unitOf[c])];
        u.zonage.classOf[c] = k;
        u.zonage.populationOf[static_cast<std::size_t>(k)] += result.demand[c];
        ++u.zonage.communesOf[static_cast<std::size_t>(k)];
    }
}

} // namespace

Zonage zonage(const AccessResult& result, const std::vector<double>& thresholds) {
    checkThresholds(thresholds);
    Zonage z;
    z.thresholds = thresholds;
    z.populationOf.assign(thresholds.size() + 1, 0.0);
    z.communesOf.assign(thresholds.size() + 1, 0);
    z.classOf.reserve(result.values.size());
    for (std::size_t c = 0; c < result.values.size(); ++c) {
        const int k = classOf(result.values[c], thresholds);
        z.classOf.push_back(k);
        z.populationOf[static_cast<std::size_t>(k)] += result.demand[c];
        ++z.communesOf[static_cast<std::size_t>(k)];
    }
    return z;
}

UnitZonage zonageByUnit(const AccessResult& result, const std::vector<std::string>& unitOf,
                        const std::vector<double>& thresholds) {
    checkThresholds(thresholds);
    if (unitOf.size() != result.values.size())
        throw Error(ErrorKind::Value, {},
                    msg("analysis.access.input_size",
                        {arg::text("what", "unit table"),
                         arg::integer("found", static_cast<long long>(unitOf.size())),
                         arg::integer("expected", static_cast<long long>(result.values.size()))}));
    UnitZonage u;
    std::map<std::string, std::size_t> index;
    for (const std::string& unit : unitOf)
        if (!unit.empty())
            index.emplace(unit, 0);
    for (auto& [unit, i] : index) {
        i = u.units.size();
        u.units.push_back(unit);
    }
    std::vector<double> weighted(u.units.size(), 0.0), plain(u.units.size(), 0.0);
    std::vector<int> members(u.units.size(), 0);
    for (std::size_t c = 0; c < unitOf.size(); ++c) {
        if (unitOf[c].empty() || !std::isfinite(result.values[c]))
            continue;
        const std::size_t i = index[unitOf[c]];
        weighted[i] += result.values[c] * result.demand[c];
        plain[i] += result.values[c];
        ++members[i];
    }
    u.unitDemand.assign(u.units.size(), 0.0);
    for (std::size_t c = 0; c < unitOf.size(); ++c)
        if (!unitOf[c].empty())
            u.unitDemand[index[unitOf[c]]] += result.demand[c];
    u.unitsOf.assign(thresholds.size() + 1, 0);
    for (std::size_t i = 0; i < u.units.size(); ++i) {
        // A unit without demand still has a value: the plain mean of its communes'.
        u.unitValues.push_back(u.unitDemand[i] > 0 ? weighted[i] / u.unitDemand[i]
                                                   : (members[i] > 0 ? plain[i] / members[i] : 0.0));
        u.unitClass.push_back(classOf(u.unitValues[i], thresholds));
        ++u.unitsOf[static_cast<std::size_t>(u.unitClass[i])];
    }
    classCommunes(result, unitOf, index, u);
    u.zonage.thresholds = thresholds;
    return u;
}

namespace {

//! The communes whose class differs between `base` and `z`, with their demand.
ZonageChange changeBetween(const Zonage& base, const Zonage& z, const std::vector<double>& demand,
                           double value) {
    ZonageChange change;
    change.value = value;
    change.populationOf = z.populationOf;
    for (std::size_t c = 0; c < z.classOf.size(); ++c)
        if (z.classOf[c] != base.classOf[c]) {
            change.communes.push_back(static_cast<int>(c));
            change.population += demand[c];
        }
    return change;
}

//! The communes whose class moves when threshold `index` takes each of `values`; `zonageFor` classes the
//! communes for a set of thresholds.
std::vector<ZonageChange> changesOver(const AccessResult& result, const std::vector<double>& thresholds,
                                      std::size_t index, const std::vector<double>& values,
                                      const std::function<Zonage(const std::vector<double>&)>& zonageFor) {
    if (index >= thresholds.size())
        throw Error(ErrorKind::Parameter, Location{"", 0, {}, -1, "access.zonage_thresholds"},
                    msg("analysis.access.threshold_index",
                        {arg::integer("n", static_cast<long long>(index + 1)),
                         arg::integer("count", static_cast<long long>(thresholds.size()))}));
    const Zonage base = zonageFor(thresholds);
    std::vector<ZonageChange> out;
    for (double value : values) {
        std::vector<double> moved = thresholds;
        moved[index] = value;
        out.push_back(changeBetween(base, zonageFor(moved), result.demand, value));
    }
    return out;
}

} // namespace

std::vector<ZonageChange> zonageSensitivity(const AccessResult& result, const std::vector<double>& thresholds,
                                            std::size_t index, const std::vector<double>& values) {
    return changesOver(result, thresholds, index, values,
                       [&](const std::vector<double>& t) { return zonage(result, t); });
}

std::vector<ZonageChange> zonageSensitivity(const AccessResult& result,
                                            const std::vector<std::string>& unitOf,
                                            const std::vector<double>& thresholds, std::size_t index,
                                            const std::vector<double>& values) {
    // The units' values do not depend on the thresholds: computed once, then only classed again.
    const UnitZonage units = zonageByUnit(result, unitOf, thresholds);
    std::map<std::string, int> unitIndex;
    for (std::size_t u = 0; u < units.units.size(); ++u)
        unitIndex.emplace(units.units[u], static_cast<int>(u));
    std::vector<int> unitOfCommune(unitOf.size(), -1);
    for (std::size_t c = 0; c < unitOf.size(); ++c)
        if (!unitOf[c].empty())
            unitOfCommune[c] = unitIndex.at(unitOf[c]);
    return changesOver(result, thresholds, index, values, [&](const std::vector<double>& t) {
        checkThresholds(t);
        Zonage z;
        z.thresholds = t;
        z.populationOf.assign(t.size() + 1, 0.0);
        z.communesOf.assign(t.size() + 1, 0);
        z.classOf.assign(unitOf.size(), -1);
        for (std::size_t c = 0; c < unitOf.size(); ++c) {
            if (unitOfCommune[c] < 0)
                continue;
            const int k = classOf(units.unitValues[static_cast<std::size_t>(unitOfCommune[c])], t);
            z.classOf[c] = k;
            z.populationOf[static_cast<std::size_t>(k)] += result.demand[c];
            ++z.communesOf[static_cast<std::size_t>(k)];
        }
        return z;
    });
}

std::vector<ZonageChange> accessSensitivity(const model::Dataset& dataset, const std::string& profession,
                                            int vintage, const AccessParameters& params,
                                            const std::string& key, const std::vector<double>& thresholds,
                                            const std::vector<double>& values, Feedback* feedback) {
    if (!model::isAccessKey(key))
        throw Error(ErrorKind::Parameter, Location{"", 0, {}, -1, key}, msg("analysis.access.unknown_key"));
    const Zonage base = zonage(accessibility(dataset, profession, vintage, params), thresholds);
    std::vector<ZonageChange> out;
    for (std::size_t v = 0; v < values.size(); ++v) {
        throwIfCanceled(feedback);
        const AccessParameters moved = accessFromKeyValues({{key, values[v]}}, "--range", params);
        const AccessResult result = accessibility(dataset, profession, vintage, moved);
        out.push_back(changeBetween(base, zonage(result, thresholds), result.demand, values[v]));
        report(feedback, 100.0 * static_cast<double>(v + 1) / static_cast<double>(values.size()));
    }
    return out;
}

} // namespace maillage::analysis
