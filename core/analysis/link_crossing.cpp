#include "core/analysis/link_crossing.h"

#include "core/model/error.h"
#include "core/model/text.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace maillage::analysis {

namespace {

using Pair = std::pair<std::string, std::string>; // BV codes, first < second

Pair pairOf(const std::string& a, const std::string& b) {
    return a < b ? Pair{a, b} : Pair{b, a};
}

void checkParameters(const CrossingParameters& p) {
    auto fail = [](const char* key, const char* id) {
        Location where;
        where.key = key;
        throw Error(ErrorKind::Parameter, where, msg(id));
    };
    if (!(p.minIntensity >= 0) || !std::isfinite(p.minIntensity))
        fail("compare.min_intensity", "analysis.crossing.min_intensity");
    if (!(p.minVolume >= 0) || !std::isfinite(p.minVolume))
        fail("compare.min_volume", "analysis.crossing.min_volume");
    if (!(p.minShare >= 0 && p.minShare <= 1))
        fail("compare.min_share", "analysis.crossing.min_share");
}

struct Strength {
    bool modelled = false, dominant = false, observed = false;
    double intensity = 0, volume = 0, share = 0, massA = 0, massB = 0;
};

// Strong modelled links, by pair.
void addModelled(const MaillageResult& m, const CrossingParameters& p, std::map<Pair, Strength>& out,
                 std::size_t& count) {
    for (const Link& l : m.links) {
        const bool strong = l.dominant || (p.minIntensity > 0 && l.intensity >= p.minIntensity);
        if (!strong)
            continue;
        const PoleNode& a = m.nodes[static_cast<std::size_t>(l.from)];
        const PoleNode& b = m.nodes[static_cast<std::size_t>(l.to)];
        Strength& s = out[pairOf(a.bv, b.bv)];
        s.modelled = true;
        s.dominant = s.dominant || l.dominant;
        s.intensity = std::max(s.intensity, l.intensity);
        s.massA = a.bv < b.bv ? a.mass : b.mass;
        s.massB = a.bv < b.bv ? b.mass : a.mass;
        ++count;
    }
}

// Observed volumes between pôles, both directions summed, and the larger share of either end's outgoing
// flows (to other bassins) they make.
void addObserved(const MaillageResult& m, const std::vector<BassinFlow>& flows, const CrossingParameters& p,
                 std::map<Pair, Strength>& out, std::size_t& count) {
    std::unordered_map<std::string, double> outgoing, mass;
    for (const PoleNode& n : m.nodes)
        mass[n.bv] = n.mass;
    std::map<Pair, double> volume;
    std::map<std::pair<std::string, std::string>, double> directed;
    for (const BassinFlow& f : flows) {
        if (!(f.volume > 0) || f.origin == f.destination)
            continue;
        outgoing[f.origin] += f.volume;
        if (mass.count(f.origin) && mass.count(f.destination)) {
            volume[pairOf(f.origin, f.destination)] += f.volume;
            directed[{f.origin, f.destination}] += f.volume;
        }
    }
    for (const auto& [pair, v] : volume) {
        auto shareOf = [&](const std::string& from, const std::string& to) {
            const auto d = directed.find({from, to});
            const double o = outgoing[from];
            return d == directed.end() || o <= 0 ? 0.0 : d->second / o;
        };
        const double share = std::max(shareOf(pair.first, pair.second), shareOf(pair.second, pair.first));
        if (v < p.minVolume || share < p.minShare)
            continue;
        Strength& s = out[pair];
        s.observed = true;
        s.volume = v;
        s.share = share;
        s.massA = mass[pair.first];
        s.massB = mass[pair.second];
        ++count;
    }
}

// Pairs of bassins declared together: any two members of one cooperation (members and hub of its links).
std::set<Pair> declaredPairs(const DeclaredLinks& declared) {
    std::map<std::string, std::vector<std::string>> members; // cooperation -> BVs
    for (const DeclaredLink& l : declared.links) {
        auto& m = members[l.cooperation];
        for (const std::string* bv : {&l.from, &l.to})
            if (std::find(m.begin(), m.end(), *bv) == m.end())
                m.push_back(*bv);
    }
    std::set<Pair> pairs;
    for (const auto& [name, bvs] : members)
        for (std::size_t i = 0; i < bvs.size(); ++i)
            for (std::size_t j = i + 1; j < bvs.size(); ++j)
                pairs.insert(pairOf(bvs[i], bvs[j]));
    return pairs;
}

CrossedLink crossed(CrossingFinding finding, const std::string& a, const std::string& b, const Strength& s) {
    CrossedLink c;
    c.finding = finding;
    c.a = a;
    c.b = b;
    c.modelled = s.modelled;
    c.intensity = s.intensity;
    c.dominant = s.dominant;
    c.massA = a < b ? s.massA : s.massB;
    c.massB = a < b ? s.massB : s.massA;
    c.observed = s.observed;
    c.volume = s.volume;
    c.share = s.share;
    return c;
}

} // namespace

LinkCrossing crossLinks(const MaillageResult& modelled, const std::vector<BassinFlow>& observed,
                        const DeclaredLinks& declared, const CrossingParameters& parameters) {
    checkParameters(parameters);
    LinkCrossing out;
    std::map<Pair, Strength> strong;
    addModelled(modelled, parameters, strong, out.strongModelled);
    addObserved(modelled, observed, parameters, strong, out.strongObserved);
    const std::set<Pair> together = declaredPairs(declared);
    out.declaredPairs = together.size();

    for (const auto& [pair, s] : strong)
        if (!together.count(pair))
            out.links.push_back(crossed(CrossingFinding::Undeclared, pair.first, pair.second, s));
    std::stable_sort(out.links.begin(), out.links.end(), [](const CrossedLink& x, const CrossedLink& y) {
        return x.intensity != y.intensity ? x.intensity > y.intensity : x.volume > y.volume;
    });
    out.undeclared = out.links.size();

    const Strength none;
    for (const DeclaredLink& l : declared.links) {
        const auto it = strong.find(pairOf(l.from, l.to));
        if (it != strong.end())
            continue;
        CrossedLink c = crossed(CrossingFinding::Unsupported, l.from, l.to, none);
        c.cooperation = l.cooperation;
        c.kind = l.kind;
        out.links.push_back(std::move(c));
    }
    out.unsupported = out.links.size() - out.undeclared;
    return out;
}

namespace {

io::Column column(std::string key, std::string fr, std::string en, io::ColumnType type, int decimals = -1,
                  std::string unit = {}) {
    return io::Column{std::move(key), std::move(fr), std::move(en), type, std::move(unit), decimals};
}

std::string nameOf(const model::Dataset& ds, const std::string& bv) {
    const model::Bassin* b = ds.bassin(bv);
    return b ? b->name : std::string();
}

io::Cell distanceKm(const model::Dataset& ds, const std::string& a, const std::string& b) {
    const model::Bassin* x = ds.bassin(a);
    const model::Bassin* y = ds.bassin(b);
    if (!x || !y || !model::hasPosition(x->anchor) || !model::hasPosition(y->anchor))
        return io::Cell::none();
    return io::Cell::of(planarDistanceKm(x->anchor, y->anchor));
}

io::Row crossingRow(const model::Dataset& ds, const CrossedLink& l, const SecrecyRule& rule) {
    using io::Cell;
    const bool volumeMasked = l.observed && isSecret(l.volume, rule);
    io::Row row;
    row.cells = {
        Cell::of(std::string(l.finding == CrossingFinding::Undeclared ? "undeclared" : "unsupported")),
        Cell::of(l.a),
        Cell::of(nameOf(ds, l.a)),
        Cell::of(l.b),
        Cell::of(nameOf(ds, l.b)),
        distanceKm(ds, l.a, l.b),
        Cell::of(l.modelled ? 1.0 : 0.0),
        l.modelled ? Cell::orSecret(l.intensity, isIntensityMasked(l.massA, l.massB, rule)) : Cell::none(),
        Cell::of(l.dominant ? 1.0 : 0.0),
        Cell::of(l.observed ? 1.0 : 0.0),
        l.observed ? Cell::orSecret(l.volume, volumeMasked) : Cell::none(),
        l.observed ? Cell::orSecret(l.share, volumeMasked) : Cell::none(),
        l.cooperation.empty() ? Cell::none() : Cell::of(l.cooperation),
        l.kind.empty() ? Cell::none() : Cell::of(l.kind)};
    return row;
}

} // namespace

io::ResultTable crossingTable(const model::Dataset& dataset, const LinkCrossing& crossing,
                              const SecrecyRule& rule) {
    using io::ColumnType;
    io::ResultTable t;
    t.name = "links_compare";
    t.titleFr = word(msg("analysis.crossing.title"), Language::Fr);
    t.titleEn = word(msg("analysis.crossing.title"), Language::En);
    t.secrecyApplied = rule.enabled;
    t.secrecyThreshold = rule.enabled ? rule.threshold : 0;
    t.columns = {column("finding", "Constat", "Finding", ColumnType::Text),
                 column("from", "De", "From", ColumnType::Code),
                 column("from_name", "Nom (de)", "Name (from)", ColumnType::Text),
                 column("to", "Vers", "To", ColumnType::Code),
                 column("to_name", "Nom (vers)", "Name (to)", ColumnType::Text),
                 column("distance_km", "Distance", "Distance", ColumnType::Real, 1, "km"),
                 column("modelled", "Lien modélisé fort", "Strong modelled link", ColumnType::Boolean),
                 column("intensity", "Intensité", "Intensity", ColumnType::Real, text::kMagnitudeDecimals),
                 column("dominant", "Lien dominant", "Dominant link", ColumnType::Boolean),
                 column("observed", "Flux observé fort", "Strong observed flow", ColumnType::Boolean),
                 column("volume", "Flux", "Flow", ColumnType::Real, 0),
                 column("share", "Part des flux sortants", "Share of outgoing flows", ColumnType::Percent, 1),
                 column("cooperation", "Coopération", "Cooperation", ColumnType::Text),
                 column("kind", "Type de coopération", "Kind of cooperation", ColumnType::Text)};
    for (const CrossedLink& l : crossing.links)
        t.rows.push_back(crossingRow(dataset, l, rule));
    t.notes.push_back(msg("analysis.crossing.note",
                          {arg::integer("undeclared", static_cast<long long>(crossing.undeclared)),
                           arg::integer("unsupported", static_cast<long long>(crossing.unsupported))}));
    return t;
}

} // namespace maillage::analysis
