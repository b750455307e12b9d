#include "core/analysis/maillage.h"

#include "core/analysis/counts.h"
#include "core/model/codes.h"
#include "core/model/error.h"
#include "core/model/text.h"

#include <geodesic.h>
#include <proj.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <unordered_map>

namespace maillage::analysis {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// GRS80, the ellipsoid of RGF93 (the datum of Lambert-93).
constexpr double kGrs80A = 6378137.0;
constexpr double kGrs80F = 1.0 / 298.257222101;
// Lambert-93 distorts lengths by less than 0.3 % over metropolitan France: a planar distance this far
// from a threshold decides the comparison without computing the geodesic one.
constexpr double kPlanarMargin = 0.03;

struct LonLat {
    double lon = 0, lat = 0;
};

//! Lambert-93 -> geographic (RGF93, degrees), then geodesic lengths on GRS80. One per call or thread:
//! PJ objects are not thread-safe.
class GeodesicCalculator {
public:
    GeodesicCalculator() {
        m_ctx = proj_context_create();
        // Quiet while trying the EPSG database: its absence is handled below.
        proj_log_level(m_ctx, PJ_LOG_NONE);
        if (PJ* pj = proj_create_crs_to_crs(m_ctx, "EPSG:2154", "EPSG:4171", nullptr)) {
            m_pj = proj_normalize_for_visualization(m_ctx, pj); // lon, lat order
            proj_destroy(pj);
        }
        if (!m_pj) {
            // No proj.db on this machine: Lambert-93 is fully defined by its parameters.
            m_pj = proj_create(m_ctx, "+proj=pipeline +step +inv +proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 "
                                      "+lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 "
                                      "+step +proj=unitconvert +xy_in=rad +xy_out=deg");
        }
        proj_log_level(m_ctx, PJ_LOG_ERROR);
        geod_init(&m_geod, kGrs80A, kGrs80F);
    }
    ~GeodesicCalculator() {
        if (m_pj)
            proj_destroy(m_pj);
        proj_context_destroy(m_ctx);
    }
    GeodesicCalculator(const GeodesicCalculator&) = delete;
    GeodesicCalculator& operator=(const GeodesicCalculator&) = delete;

    bool valid() const { return m_pj != nullptr; }

    //! false when the point cannot be transformed.
    bool toLonLat(const model::Point& p, LonLat& out) const {
        if (!m_pj)
            return false;
        PJ_COORD c = proj_coord(p.x, p.y, 0, 0);
        c = proj_trans(m_pj, PJ_FWD, c);
        if (!std::isfinite(c.xy.x) || !std::isfinite(c.xy.y) || c.xy.x == HUGE_VAL)
            return false;
        out.lon = c.xy.x;
        out.lat = c.xy.y;
        return true;
    }

    double km(const LonLat& a, const LonLat& b) const {
        double s12 = 0;
        geod_inverse(&m_geod, a.lat, a.lon, b.lat, b.lon, &s12, nullptr, nullptr);
        return s12 / 1000.0;
    }

private:
    PJ_CONTEXT* m_ctx = nullptr;
    PJ* m_pj = nullptr;
    geod_geodesic m_geod{};
};

bool isPoleType(PoleType t) {
    const int r = static_cast<int>(t);
    return r >= 1 && r <= 4;
}

void checkParameters(const model::MaillageParameters& p) {
    auto fail = [](const std::string& key, Message message) {
        Location where;
        where.key = key;
        throw Error(ErrorKind::Parameter, where, std::move(message));
    };
    if (!std::isfinite(p.beta) || p.beta < 0)
        fail("maillage.beta", msg("analysis.maillage.beta"));
    if (!std::isfinite(p.minDistanceKm) || p.minDistanceKm <= 0)
        fail("maillage.min_distance_km", msg("analysis.maillage.min_distance"));
    if (p.strongestPerPole < 0 || p.strongestPerPole > 1000)
        fail("maillage.strongest_per_pole", msg("analysis.maillage.strongest_per_pole"));
    if (p.distance != model::DistanceMode::Planar && p.distance != model::DistanceMode::Geodesic &&
        p.distance != model::DistanceMode::TravelTime)
        fail("maillage.distance_mode", msg("analysis.maillage.distance_mode"));
    if (!(p.intensityThreshold >= 0))
        fail("maillage.intensity_threshold", msg("analysis.maillage.intensity_threshold"));
    if (!(p.isolationDistanceKm >= 0))
        fail("maillage.isolation_km", msg("analysis.maillage.isolation_km"));
    if (!(p.isolationMinutes >= 0))
        fail("maillage.isolation_minutes", msg("analysis.maillage.isolation_minutes"));
    if (!std::isfinite(p.fallbackSpeedKmh) || p.fallbackSpeedKmh <= 0)
        fail("maillage.fallback_speed_kmh", msg("analysis.maillage.fallback_speed"));
}

double bassinPopulation(const model::Dataset& ds, const model::Bassin& b) {
    if (b.population > 0)
        return b.population;
    double sum = 0;
    for (const std::string& code : b.communes)
        if (const model::Commune* c = ds.commune(code))
            sum += c->population;
    return sum;
}

//! Resolves a place code of a flow or a cooperation to a BV index: a commune (resolveCommune: codes
//! repaired, arrondissements folded) gives its BV; else a BV code, as written or repaired. -1 when unknown.
int bassinOfPlace(const model::Dataset& ds, const std::string& code) {
    const int c = resolveCommune(ds, code);
    if (c >= 0) {
        const int b = ds.bassinIndex(ds.communes[static_cast<std::size_t>(c)].bv);
        if (b >= 0)
            return b;
    }
    int b = ds.bassinIndex(code);
    if (b < 0)
        if (auto normalized = codes::normalizeBassin(code))
            b = ds.bassinIndex(*normalized);
    return b;
}

} // namespace

double planarDistanceKm(const model::Point& a, const model::Point& b) {
    return std::hypot(a.x - b.x, a.y - b.y) / 1000.0;
}

double geodesicDistanceKm(const model::Point& a, const model::Point& b) {
    // Creating a PJ costs far more than a transformation: keep one per thread.
    thread_local GeodesicCalculator calc;
    LonLat la, lb;
    if (!calc.toLonLat(a, la) || !calc.toLonLat(b, lb))
        return planarDistanceKm(a, b);
    return calc.km(la, lb);
}

int mainCommuneIndex(const model::Dataset& dataset, const model::Bassin& bassin) {
    const int own = dataset.communeIndex(bassin.code);
    if (own >= 0)
        return own;
    int best = -1;
    double bestD = kInf;
    auto consider = [&](int i) {
        const model::Point& p = dataset.communes[static_cast<std::size_t>(i)].anchor;
        const double d = (p.x - bassin.anchor.x) * (p.x - bassin.anchor.x) +
                         (p.y - bassin.anchor.y) * (p.y - bassin.anchor.y);
        if (d < bestD) {
            bestD = d;
            best = i;
        }
    };
    for (const std::string& code : bassin.communes) {
        const int i = dataset.communeIndex(code);
        if (i >= 0)
            consider(i);
    }
    if (best < 0)
        for (std::size_t i = 0; i < dataset.communes.size(); ++i)
            if (dataset.communes[i].bv == bassin.code)
                consider(static_cast<int>(i));
    if (best < 0)
        for (std::size_t i = 0; i < dataset.communes.size(); ++i)
            consider(static_cast<int>(i));
    return best;
}

namespace {

// The state the steps of computeMaillage share: inputs, the pôle nodes and the pair matrices (n x n).
struct MaillageWork {
    const model::Dataset& dataset;
    const model::MaillageParameters& params;
    Feedback* feedback;
    bool travel = false, geodesic = false;
    double isolation = 0;                       // km or minutes
    double minutesPerKm = 0;                    // travel-time fallback
    std::size_t nb = 0;                         // bassins
    std::vector<const PoleClassification*> cls; // per BV, null when unclassified
    std::vector<int> nodeBassin;                // per node: its BV
    std::vector<int> nodeOfBassin;              // per BV: its node, -1 for a non-pôle
    std::size_t n = 0;                          // nodes
    std::unique_ptr<GeodesicCalculator> geo;
    std::vector<LonLat> lonLat;
    std::vector<char> lonLatOk;
    std::vector<double> toPole, fromPole; // nb x n minutes; fromPole: from each pôle to each BV
    std::vector<double> dist, inten;      // n x n, symmetric
    std::vector<std::string> territory;   // per node: "metro", an overseas département, "?code" unplaced
    long missingPairs = 0, missingRemote = 0;

    MaillageWork(const model::Dataset& ds, const model::MaillageParameters& p, Feedback* f)
        : dataset(ds), params(p), feedback(f) {
        travel = p.distance == model::DistanceMode::TravelTime;
        geodesic = p.distance == model::DistanceMode::Geodesic;
        isolation = travel ? p.isolationMinutes : p.isolationDistanceKm;
        minutesPerKm = 60.0 / p.fallbackSpeedKmh;
        nb = ds.bassins.size();
    }
    double kmBetween(std::size_t a, std::size_t b) const {
        if (geodesic && lonLatOk[a] && lonLatOk[b])
            return geo->km(lonLat[a], lonLat[b]);
        return planarDistanceKm(dataset.bassins[a].anchor, dataset.bassins[b].anchor);
    }
    double minutesTo(std::size_t b, std::size_t node) const { return toPole[b * n + node]; }
    bool sameTerritory(std::size_t i, std::size_t j) const { return territory[i] == territory[j]; }
};

// Classification of each BV, matched by code (the same order is the common case).
void matchClassifications(MaillageWork& w, const std::vector<PoleClassification>& poles, Warnings& warnings) {
    w.cls.assign(w.nb, nullptr);
    std::vector<std::string> unknown;
    for (std::size_t k = 0; k < poles.size(); ++k) {
        const PoleClassification& pc = poles[k];
        int b = (k < w.nb && w.dataset.bassins[k].code == pc.bv) ? static_cast<int>(k)
                                                                 : w.dataset.bassinIndex(pc.bv);
        if (b < 0) {
            if (isPoleType(pc.type))
                unknown.push_back(pc.bv);
            continue;
        }
        w.cls[static_cast<std::size_t>(b)] = &pc;
    }
    if (!unknown.empty()) {
        warnings.push_back(makeWarning(ErrorKind::Join, {},
                                       msg("analysis.maillage.unknown_poles",
                                           {arg::integer("n", static_cast<long long>(unknown.size()))}),
                                       unknown));
    }
}

// Nodes: the pôles, heaviest first (ties: by BV code).
void buildNodes(MaillageWork& w, MaillageResult& result) {
    const auto& cls = w.cls;
    for (std::size_t b = 0; b < w.nb; ++b)
        if (cls[b] && isPoleType(cls[b]->type))
            w.nodeBassin.push_back(static_cast<int>(b));
    std::sort(w.nodeBassin.begin(), w.nodeBassin.end(), [&](int a, int b) {
        const double ma = cls[static_cast<std::size_t>(a)]->total,
                     mb = cls[static_cast<std::size_t>(b)]->total;
        if (ma != mb)
            return ma > mb;
        return w.dataset.bassins[static_cast<std::size_t>(a)].code <
               w.dataset.bassins[static_cast<std::size_t>(b)].code;
    });
    w.n = w.nodeBassin.size();
    w.nodeOfBassin.assign(w.nb, -1);
    result.nodes.reserve(w.n);
    for (std::size_t i = 0; i < w.n; ++i) {
        const std::size_t b = static_cast<std::size_t>(w.nodeBassin[i]);
        w.nodeOfBassin[b] = static_cast<int>(i);
        PoleNode node;
        node.bv = w.dataset.bassins[b].code;
        node.type = cls[b]->type;
        node.mass = cls[b]->total;
        node.position = w.dataset.bassins[b].anchor;
        result.nodes.push_back(std::move(node));
    }
}

// Geographic coordinates of every BV anchor, once.
void projectAnchors(MaillageWork& w) {
    if (!w.geodesic)
        return;
    w.geo = std::make_unique<GeodesicCalculator>();
    w.lonLat.resize(w.nb);
    w.lonLatOk.assign(w.nb, 0);
    for (std::size_t b = 0; b < w.nb; ++b)
        w.lonLatOk[b] = w.geo->toLonLat(w.dataset.bassins[b].anchor, w.lonLat[b]) ? 1 : 0;
}

// Travel times: minutes from each BV's main commune to each pôle's main commune (NaN when unknown).
void readTravelTimes(MaillageWork& w) {
    const std::size_t n = w.n;
    if (!w.travel || n == 0)
        return;
    const model::Dataset& dataset = w.dataset;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    w.toPole.assign(w.nb * n, nan);
    w.fromPole.assign(w.nb * n, nan);
    std::vector<int> head(dataset.communes.size(), -1), next(w.nb, -1); // commune -> BVs it is the main of
    for (std::size_t b = 0; b < w.nb; ++b) {
        const int c = mainCommuneIndex(dataset, dataset.bassins[b]);
        if (c >= 0) {
            next[b] = head[static_cast<std::size_t>(c)];
            head[static_cast<std::size_t>(c)] = static_cast<int>(b);
        }
    }
    for (const model::TravelTime& t : dataset.travelTimes) {
        if (!std::isfinite(t.minutes) || t.minutes < 0)
            continue;
        const int o = resolveCommune(dataset, t.origin);
        const int d = resolveCommune(dataset, t.destination);
        if (o < 0 || d < 0)
            continue;
        auto keepMin = [&](double& cell) {
            if (std::isnan(cell) || t.minutes < cell)
                cell = t.minutes;
        };
        for (int bd = head[static_cast<std::size_t>(d)]; bd >= 0; bd = next[static_cast<std::size_t>(bd)]) {
            for (int bo = head[static_cast<std::size_t>(o)]; bo >= 0;
                 bo = next[static_cast<std::size_t>(bo)]) {
                const int kd = w.nodeOfBassin[static_cast<std::size_t>(bd)];
                const int ko = w.nodeOfBassin[static_cast<std::size_t>(bo)];
                if (kd >= 0)
                    keepMin(w.toPole[static_cast<std::size_t>(bo) * n + static_cast<std::size_t>(kd)]);
                if (ko >= 0)
                    keepMin(w.fromPole[static_cast<std::size_t>(bd) * n + static_cast<std::size_t>(ko)]);
            }
        }
    }
}

// Pôles interact only within one territory: metropolitan France, or one overseas département (whose
// Lambert-93 coordinates are meaningless anyway). Pairs across territories get no link and no distance.
void assignTerritories(MaillageWork& w, MaillageResult& result) {
    w.territory.assign(w.n, std::string());
    std::vector<std::string> unplaced;
    for (std::size_t i = 0; i < w.n; ++i) {
        const std::string& code = result.nodes[i].bv;
        w.territory[i] = codes::isOverseas(code) ? codes::departementOf(code) : std::string("metro");
        if (!w.travel && !model::hasPosition(result.nodes[i].position)) {
            w.territory[i] = "?" + code; // no distance without a position: linked to nothing
            unplaced.push_back(code);
        }
    }
    if (!unplaced.empty()) {
        const auto n = static_cast<long long>(unplaced.size()); // before unplaced is moved into the warning
        result.warnings.push_back(makeWarning(ErrorKind::Geometry, {},
                                              msg("analysis.maillage.unplaced", {arg::integer("n", n)}),
                                              std::move(unplaced)));
    }
}

// Distance between nodes i and j: km, or minutes (mean of both directions when both are known, else
// the planar distance at the fallback speed).
double pairDistance(MaillageWork& w, std::size_t i, std::size_t j) {
    const std::size_t bi = static_cast<std::size_t>(w.nodeBassin[i]);
    const std::size_t bj = static_cast<std::size_t>(w.nodeBassin[j]);
    if (!w.travel)
        return w.kmBetween(bi, bj);
    const double ij = w.minutesTo(bi, j), ji = w.minutesTo(bj, i);
    if (!std::isnan(ij) && !std::isnan(ji))
        return 0.5 * (ij + ji);
    if (!std::isnan(ij))
        return ij;
    if (!std::isnan(ji))
        return ji;
    ++w.missingPairs;
    return planarDistanceKm(w.dataset.bassins[bi].anchor, w.dataset.bassins[bj].anchor) * w.minutesPerKm;
}

// Distances and gravity intensities between pôles (symmetric).
void computePairs(MaillageWork& w, const MaillageResult& result) {
    const std::size_t n = w.n;
    const model::MaillageParameters& params = w.params;
    w.dist.assign(n * n, 0.0);
    w.inten.assign(n * n, 0.0);
    const double minD = w.travel ? params.minDistanceKm * w.minutesPerKm : params.minDistanceKm;
    for (std::size_t i = 0; i < n; ++i) {
        throwIfCanceled(w.feedback);
        const double mi = result.nodes[i].mass;
        for (std::size_t j = i + 1; j < n; ++j) {
            if (!w.sameTerritory(i, j)) {
                w.dist[i * n + j] = w.dist[j * n + i] = kInf;
                continue;
            }
            const double d = pairDistance(w, i, j);
            const double floorD = std::max(d, minD);
            const double I = mi * result.nodes[j].mass /
                             (params.beta == 2.0   ? floorD * floorD
                              : params.beta == 1.0 ? floorD
                                                   : std::pow(floorD, params.beta));
            w.dist[i * n + j] = w.dist[j * n + i] = d;
            w.inten[i * n + j] = w.inten[j * n + i] = I;
        }
        report(w.feedback, 60.0 * static_cast<double>(i + 1) / static_cast<double>(n));
    }
}

// Dominant links: towards the strictly heavier pôle of greatest intensity. Nodes are sorted heaviest
// first, so the strictly heavier ones are a prefix.
void findParents(const MaillageWork& w, MaillageResult& result) {
    const std::size_t n = w.n;
    result.parent.assign(n, -1);
    std::size_t heavierEnd = 0;
    for (std::size_t i = 0; i < n; ++i) {
        while (heavierEnd < i && result.nodes[heavierEnd].mass > result.nodes[i].mass)
            ++heavierEnd;
        double best = -1;
        for (std::size_t j = 0; j < heavierEnd; ++j)
            if (w.sameTerritory(i, j) && w.inten[i * n + j] > best) {
                best = w.inten[i * n + j];
                result.parent[i] = static_cast<int>(j);
            }
    }
}

// Pairs among the k strongest links of either of their pôles (n x n flags; empty when k = 0).
std::vector<char> strongestPairs(const MaillageWork& w, std::size_t k) {
    const std::size_t n = w.n;
    std::vector<char> inTopK;
    if (k == 0)
        return inTopK;
    inTopK.assign(n * n, 0);
    std::vector<int> order;
    order.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        order.clear();
        for (std::size_t j = 0; j < n; ++j)
            if (j != i && w.sameTerritory(i, j))
                order.push_back(static_cast<int>(j));
        const std::size_t keep = std::min(k, order.size());
        auto stronger = [&](int a, int b) {
            const double ia = w.inten[i * n + static_cast<std::size_t>(a)];
            const double ib = w.inten[i * n + static_cast<std::size_t>(b)];
            return ia != ib ? ia > ib : a < b;
        };
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                          stronger);
        for (std::size_t r = 0; r < keep; ++r) {
            const std::size_t j = static_cast<std::size_t>(order[r]);
            inTopK[i * n + j] = inTopK[j * n + i] = 1;
        }
    }
    return inTopK;
}

// The links that pass the filters, and every dominant link; strongest first.
void keepLinks(const MaillageWork& w, MaillageResult& result) {
    const std::size_t n = w.n;
    const std::size_t k = static_cast<std::size_t>(w.params.strongestPerPole);
    const std::vector<char> inTopK = strongestPairs(w, k);
    const bool threshold = w.params.intensityThreshold > 0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            if (!w.sameTerritory(i, j))
                continue;
            const double I = w.inten[i * n + j];
            // i < j: only j can have i as parent (parents are strictly heavier, hence earlier).
            const bool dominant = result.parent[j] == static_cast<int>(i);
            const bool passes =
                (k == 0 || inTopK[i * n + j]) && (!threshold || I >= w.params.intensityThreshold);
            if (!passes && !dominant)
                continue;
            Link link; // from the heavier pôle, except a dominant link: from the lighter to its parent
            link.from = static_cast<int>(dominant ? j : i);
            link.to = static_cast<int>(dominant ? i : j);
            link.distance = w.dist[i * n + j];
            link.intensity = I;
            link.dominant = dominant;
            result.links.push_back(link);
        }
    }
    std::sort(result.links.begin(), result.links.end(), [](const Link& a, const Link& b) {
        if (a.intensity != b.intensity)
            return a.intensity > b.intensity;
        return std::min(a.from, a.to) != std::min(b.from, b.to)
                   ? std::min(a.from, a.to) < std::min(b.from, b.to)
                   : std::max(a.from, a.to) < std::max(b.from, b.to);
    });
}

// Isolated pôles: no pôle of equal or higher rank (type number <= its own) within the isolation distance.
void findIsolated(const MaillageWork& w, MaillageResult& result) {
    const std::size_t n = w.n;
    result.isolated.assign(n, false);
    result.nearestPeerDistance.assign(n, kInf);
    for (std::size_t i = 0; i < n; ++i) {
        const int rank = static_cast<int>(result.nodes[i].type);
        double nearest = kInf;
        for (std::size_t j = 0; j < n; ++j)
            if (j != i && static_cast<int>(result.nodes[j].type) <= rank)
                nearest = std::min(nearest, w.dist[i * n + j]);
        result.nearestPeerDistance[i] = nearest;
        // Without a position, isolation is unknown: not claimed (a warning names these pôles).
        result.isolated[i] = !(nearest <= w.isolation) && w.territory[i].front() != '?';
    }
}

// Whether non-pôle BV b lies within the isolation distance (or time) of pôle node i.
bool nearPole(MaillageWork& w, std::size_t b, std::size_t i) {
    const std::size_t bi = static_cast<std::size_t>(w.nodeBassin[i]);
    const model::Point& pb = w.dataset.bassins[b].anchor;
    if (w.travel) {
        double d = w.minutesTo(b, i); // patients travel from the BV to the pôle
        if (std::isnan(d))
            d = w.fromPole[b * w.n + i];
        if (std::isnan(d)) {
            d = planarDistanceKm(pb, w.dataset.bassins[bi].anchor) * w.minutesPerKm;
            ++w.missingRemote;
        }
        return d <= w.isolation;
    }
    const double planar = planarDistanceKm(pb, w.dataset.bassins[bi].anchor);
    if (!w.geodesic || planar < w.isolation * (1 - kPlanarMargin))
        return planar <= w.isolation;
    if (planar > w.isolation * (1 + kPlanarMargin))
        return false;
    return w.kmBetween(b, bi) <= w.isolation;
}

// Non-pôle BVs farther than the isolation distance from every pôle, and their population.
void findRemoteBassins(MaillageWork& w, MaillageResult& result) {
    for (std::size_t b = 0; b < w.nb; ++b) {
        if (w.nodeOfBassin[b] >= 0)
            continue;
        if (!w.travel && !model::hasPosition(w.dataset.bassins[b].anchor))
            continue; // distance unknown: not claimed remote
        if ((b & 63) == 0) {
            throwIfCanceled(w.feedback);
            report(w.feedback, 70.0 + 30.0 * static_cast<double>(b) / static_cast<double>(w.nb));
        }
        bool near = false;
        for (std::size_t i = 0; i < w.n && !near; ++i)
            near = nearPole(w, b, i);
        if (!near) {
            result.remoteBassins.push_back(w.dataset.bassins[b].code);
            result.remotePopulation += bassinPopulation(w.dataset, w.dataset.bassins[b]);
        }
    }
}

void warnMissingTravelTimes(const MaillageWork& w, Warnings& warnings) {
    if (!w.travel || (w.missingPairs == 0 && w.missingRemote == 0))
        return;
    const auto pairs = static_cast<long long>(w.n * (w.n - 1) / 2);
    std::vector<MessageArg> args = {arg::integer("missing", static_cast<long long>(w.missingPairs)),
                                    arg::integer("pairs", pairs),
                                    arg::number("speed", w.params.fallbackSpeedKmh, 0)};
    if (w.missingRemote > 0)
        args.push_back(arg::integer("remote", static_cast<long long>(w.missingRemote)));
    warnings.push_back(makeWarning(ErrorKind::Join, {},
                                   msg(w.missingRemote > 0 ? "analysis.maillage.travel_times_missing_remote"
                                                           : "analysis.maillage.travel_times_missing",
                                       std::move(args))));
}

void setStep(Feedback* feedback, const Message& step) {
    if (feedback)
        feedback->setStep(step);
}

} // namespace

MaillageResult computeMaillage(const model::Dataset& dataset, const std::vector<PoleClassification>& poles,
                               const model::MaillageParameters& params, Feedback* feedback) {
    checkParameters(params);
    MaillageResult result;
    MaillageWork w(dataset, params, feedback);
    result.distanceUnit = w.travel ? "min" : "km";
    setStep(feedback, msg("step.maillage"));
    report(feedback, 0);
    matchClassifications(w, poles, result.warnings);
    buildNodes(w, result);
    projectAnchors(w);
    readTravelTimes(w);

    setStep(feedback, msg("step.pole_distances"));
    assignTerritories(w, result);
    computePairs(w, result);

    setStep(feedback, msg("step.pole_links"));
    findParents(w, result);
    keepLinks(w, result);
    report(feedback, 70);
    findIsolated(w, result);

    setStep(feedback, msg("step.remote_bassins"));
    findRemoteBassins(w, result);
    warnMissingTravelTimes(w, result.warnings);
    report(feedback, 100);
    return result;
}

std::vector<BassinFlow> aggregateFlows(const model::Dataset& dataset, Warnings& warnings) {
    std::map<std::pair<int, int>, double> sums;
    std::set<std::string> unknown;
    std::vector<std::string> invalid; // "59350 -> 59183: -4"
    long unknownFlows = 0, invalidFlows = 0;
    double unknownVolume = 0;
    std::unordered_map<std::string, int> cache;
    auto resolve = [&](const std::string& code) {
        auto it = cache.find(code);
        if (it != cache.end())
            return it->second;
        const int b = bassinOfPlace(dataset, code);
        cache.emplace(code, b);
        return b;
    };
    for (const model::Flow& f : dataset.flows) {
        if (!std::isfinite(f.volume) || f.volume < 0) {
            ++invalidFlows;
            if (invalid.size() < 1000)
                invalid.push_back(f.origin + " -> " + f.destination + ": " + text::formatShortest(f.volume));
            continue;
        }
        const int o = resolve(f.origin), d = resolve(f.destination);
        if (o < 0 || d < 0) {
            if (o < 0)
                unknown.insert(f.origin);
            if (d < 0)
                unknown.insert(f.destination);
            ++unknownFlows;
            unknownVolume += f.volume;
            continue;
        }
        if (o == d)
            continue; // internal to a BV: not a link
        sums[{o, d}] += f.volume;
    }
    if (invalidFlows > 0) {
        warnings.push_back(makeWarning(
            ErrorKind::Value, {},
            msg("analysis.maillage.invalid_flows", {arg::integer("n", static_cast<long long>(invalidFlows))}),
            std::move(invalid)));
    }
    if (!unknown.empty()) {
        warnings.push_back(makeWarning(
            ErrorKind::Join, {},
            msg("analysis.maillage.unknown_flows", {arg::integer("n", static_cast<long long>(unknownFlows)),
                                                    arg::number("volume", unknownVolume, 0)}),
            {unknown.begin(), unknown.end()}));
    }
    std::vector<BassinFlow> out;
    out.reserve(sums.size());
    for (const auto& [pair, volume] : sums)
        out.push_back({dataset.bassins[static_cast<std::size_t>(pair.first)].code,
                       dataset.bassins[static_cast<std::size_t>(pair.second)].code, volume});
    std::stable_sort(out.begin(), out.end(),
                     [](const BassinFlow& a, const BassinFlow& b) { return a.volume > b.volume; });
    return out;
}

DeclaredLinks declaredLinks(const model::Dataset& dataset, const std::vector<PoleClassification>& poles) {
    std::unordered_map<std::string, double> mass;
    for (const PoleClassification& p : poles)
        mass[p.bv] = p.total;
    DeclaredLinks out;
    for (const model::Cooperation& coop : dataset.cooperations) {
        std::vector<std::string> members, unknown;
        for (const std::string& code : coop.bassins) {
            const int b = bassinOfPlace(dataset, code);
            if (b < 0) {
                unknown.push_back(code);
                continue;
            }
            const std::string& bv = dataset.bassins[static_cast<std::size_t>(b)].code;
            if (std::find(members.begin(), members.end(), bv) == members.end())
                members.push_back(bv);
        }
        if (!unknown.empty()) {
            out.warnings.push_back(
                makeWarning(ErrorKind::Join, {},
                            msg("analysis.maillage.unknown_members",
                                {arg::code("name", coop.name),
                                 arg::integer("n", static_cast<long long>(unknown.size()))}),
                            unknown));
        }
        if (members.size() < 2)
            continue;
        std::size_t hub = 0;
        double hubMass = -kInf;
        for (std::size_t m = 0; m < members.size(); ++m) {
            auto it = mass.find(members[m]);
            const double value = it == mass.end() ? 0.0 : it->second;
            if (value > hubMass) {
                hubMass = value;
                hub = m;
            }
        }
        for (std::size_t m = 0; m < members.size(); ++m)
            if (m != hub)
                out.links.push_back({coop.name, coop.kind, members[m], members[hub]});
    }
    return out;
}

std::vector<BassinFlow> filterFlows(const model::Dataset& dataset, const std::vector<BassinFlow>& flows,
                                    const FlowFilter& filter) {
    const bool byLength = filter.minDistanceKm > 0 || filter.maxDistanceKm > 0;
    std::vector<BassinFlow> out;
    for (const BassinFlow& f : flows) {
        if (f.volume < filter.minVolume)
            continue;
        if (byLength) {
            const model::Bassin* a = dataset.bassin(f.origin);
            const model::Bassin* b = dataset.bassin(f.destination);
            if (!a || !b || !model::hasPosition(a->anchor) || !model::hasPosition(b->anchor))
                continue;
            const double km = planarDistanceKm(a->anchor, b->anchor);
            if (km < filter.minDistanceKm || (filter.maxDistanceKm > 0 && km > filter.maxDistanceKm))
                continue;
        }
        out.push_back(f);
    }
    return out;
}

std::vector<PoleAttraction> poleAttraction(const MaillageResult& modelled,
                                           const std::vector<BassinFlow>& flows) {
    std::unordered_map<std::string, double> outflow;
    for (const BassinFlow& f : flows)
        if (f.origin != f.destination && f.volume > 0)
            outflow[f.origin] += f.volume;
    std::unordered_map<std::string, std::size_t> nodeOf;
    std::vector<PoleAttraction> out(modelled.nodes.size());
    for (std::size_t i = 0; i < modelled.nodes.size(); ++i) {
        out[i].bv = modelled.nodes[i].bv;
        nodeOf[out[i].bv] = i;
    }
    for (const BassinFlow& f : flows) {
        const auto it = nodeOf.find(f.destination);
        if (it == nodeOf.end() || f.origin == f.destination || !(f.volume > 0))
            continue;
        PoleAttraction& a = out[it->second];
        a.captured += f.volume;
        a.originOutflow += outflow[f.origin]; // flows are one per directed pair: each origin counted once
        ++a.origins;
    }
    return out;
}

} // namespace maillage::analysis
