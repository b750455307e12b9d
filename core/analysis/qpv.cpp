#include "core/analysis/qpv.h"

#include "core/analysis/counts.h"
#include "core/analysis/density.h"
#include "core/analysis/maillage.h"
#include "core/analysis/poles.h"

#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace maillage::analysis {

namespace {

using GeometryPtr = std::unique_ptr<OGRGeometry, decltype(&OGRGeometryFactory::destroyGeometry)>;

//! The WKB as a GEOS-ready geometry; null for an empty WKB. Error(Value) naming `what` when unreadable.
GeometryPtr geometryOf(const model::Wkb& wkb, const std::string& what) {
    GeometryPtr none(nullptr, &OGRGeometryFactory::destroyGeometry);
    if (wkb.empty())
        return none;
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size()) != OGRERR_NONE || !g)
        throw Error(ErrorKind::Value, {}, msg("analysis.qpv_bad_geometry", {arg::code("code", what)}));
    return GeometryPtr(g, &OGRGeometryFactory::destroyGeometry);
}

//! A QPV's polygon with its envelope grown by the distance (a cheap first test before GEOS).
struct QpvShape {
    GeometryPtr polygon{nullptr, &OGRGeometryFactory::destroyGeometry};
    OGREnvelope reach; //!< envelope grown by the distance
};

//! A zone's polygon and its envelope.
struct ZoneShape {
    std::size_t zone = 0; //!< index into dataset.zones
    GeometryPtr polygon{nullptr, &OGRGeometryFactory::destroyGeometry};
    OGREnvelope envelope;
};

//! The communes that count by their zones (every zone with a polygon, some zone counts of the vintage), with
//! their zones' shapes; the other communes count whole at their anchor.
std::map<std::string, std::vector<ZoneShape>> zoneCommunes(const model::Dataset& ds, int vintage) {
    std::set<std::string> counted; // zones with counts of the vintage
    for (const model::CountRecord& r : ds.zoneCounts)
        if (r.vintage == vintage)
            counted.insert(r.place);
    std::map<std::string, std::vector<ZoneShape>> out;
    if (counted.empty())
        return out;
    std::set<std::string> incomplete, withCounts; // a zone without polygon: its commune counts whole
    for (std::size_t i = 0; i < ds.zones.size(); ++i) {
        const model::Zone& z = ds.zones[i];
        if (counted.count(z.code))
            withCounts.insert(z.commune);
        if (z.geometry.empty()) {
            incomplete.insert(z.commune);
            continue;
        }
        ZoneShape s;
        s.zone = i;
        s.polygon = geometryOf(z.geometry, z.code);
        s.polygon->getEnvelope(&s.envelope);
        out[z.commune].push_back(std::move(s));
    }
    for (const std::string& c : incomplete)
        out.erase(c);
    for (auto it = out.begin(); it != out.end();) // zones without counts: the commune's count is the one
        it = withCounts.count(it->first) ? std::next(it) : out.erase(it);
    return out;
}

//! Zone code -> its count of `profession` for `vintage`, for the zones of `commune` (the drill-down's).
void addZoneCounts(const model::Dataset& ds, const std::string& commune, const std::string& profession,
                   int vintage, std::unordered_map<std::string, double>& counts) {
    for (const DensityRow& row : densityForCommune(ds, commune, profession, vintage).rows)
        counts[row.code] = row.count;
}

//! Counts the places around one QPV into `q`.
struct PlaceCounter {
    const model::Dataset& ds;
    const std::vector<double>& communeCounts;
    const std::map<std::string, std::vector<ZoneShape>>& zones;
    const std::string& profession;
    int vintage;
    double distance;                                      //!< metres
    std::unordered_map<std::string, double> zoneCounts{}; // filled per commune on first use

    void count(const QpvShape& shape, QpvProfessionals& q) {
        bool usedZones = false, usedCommunes = false;
        for (std::size_t c = 0; c < ds.communes.size(); ++c) {
            const model::Commune& commune = ds.communes[c];
            const auto z = zones.find(commune.code);
            if (z != zones.end()) {
                usedZones |= countZones(shape, z->second, commune.code, q);
                continue;
            }
            if (!model::hasPosition(commune.anchor) || !reaches(shape.reach, commune.anchor))
                continue;
            OGRPoint anchor(commune.anchor.x, commune.anchor.y);
            const double d = shape.polygon->Distance(&anchor);
            if (d > distance)
                continue;
            usedCommunes = true;
            add(q, QpvPlace{commune.code, false, d <= 0, communeCounts[c]});
        }
        q.method = usedZones && usedCommunes ? QpvMethod::ZonesAndCommunes
                   : usedZones               ? QpvMethod::Zones
                                             : QpvMethod::Communes;
    }

    static bool reaches(const OGREnvelope& e, const model::Point& p) {
        return p.x >= e.MinX && p.x <= e.MaxX && p.y >= e.MinY && p.y <= e.MaxY;
    }

    //! The zones of `commune` within the distance; true when one was.
    bool countZones(const QpvShape& shape, const std::vector<ZoneShape>& shapes, const std::string& commune,
                    QpvProfessionals& q) {
        bool any = false;
        for (const ZoneShape& s : shapes) {
            if (!s.envelope.Intersects(shape.reach) || shape.polygon->Distance(s.polygon.get()) > distance)
                continue;
            if (!any && !zoneCounts.count(ds.zones[s.zone].code))
                addZoneCounts(ds, commune, profession, vintage, zoneCounts);
            any = true;
            // Sharing an edge is no overlap: the zone next door is not inside.
            const bool inside =
                shape.polygon->Intersects(s.polygon.get()) && !shape.polygon->Touches(s.polygon.get());
            const auto it = zoneCounts.find(ds.zones[s.zone].code);
            add(q, QpvPlace{ds.zones[s.zone].code, true, inside, it == zoneCounts.end() ? 0 : it->second});
        }
        return any;
    }

    static void add(QpvProfessionals& q, QpvPlace place) {
        q.within += place.count;
        if (place.inside)
            q.inside += place.count;
        q.places.push_back(std::move(place));
    }
};

constexpr std::size_t kCommunesTested = 30;

//! The QPV's commune: the one it names, else the commune whose polygon holds its anchor; -1 when none.
int communeOfQpv(const model::Dataset& ds, const model::Qpv& q) {
    if (!q.commune.empty())
        if (const int c = resolveCommune(ds, q.commune); c >= 0)
            return c;
    // Only the communes whose anchor is nearest are tested: parsing every polygon for every QPV is slow.
    std::vector<std::pair<double, int>> nearest;
    for (std::size_t c = 0; c < ds.communes.size(); ++c)
        if (model::hasPosition(ds.communes[c].anchor))
            nearest.emplace_back(planarDistanceKm(q.anchor, ds.communes[c].anchor), static_cast<int>(c));
    const std::size_t tested = std::min<std::size_t>(nearest.size(), kCommunesTested);
    std::partial_sort(nearest.begin(), nearest.begin() + static_cast<std::ptrdiff_t>(tested), nearest.end());
    OGRPoint anchor(q.anchor.x, q.anchor.y);
    for (std::size_t k = 0; k < tested; ++k) {
        const model::Commune& c = ds.communes[static_cast<std::size_t>(nearest[k].second)];
        model::Wkb read;
        const GeometryPtr g = geometryOf(model::wkbOf(c, read), c.code);
        if (g && g->Contains(&anchor))
            return nearest[k].second;
    }
    return -1;
}

//! Shortest travel time (minutes) from each commune of `origins` to every commune it has a time to.
std::map<std::pair<int, int>, double> timesFrom(const model::Dataset& ds, const std::set<int>& origins) {
    std::map<std::pair<int, int>, double> out;
    if (origins.empty())
        return out;
    for (const model::TravelTime& t : ds.travelTimes) {
        if (!std::isfinite(t.minutes) || t.minutes < 0)
            continue;
        const int o = resolveCommune(ds, t.origin);
        if (!origins.count(o))
            continue;
        const int d = resolveCommune(ds, t.destination);
        if (d < 0)
            continue;
        const auto [it, fresh] = out.emplace(std::make_pair(o, d), t.minutes);
        if (!fresh && t.minutes < it->second)
            it->second = t.minutes;
    }
    return out;
}

//! The nearest pôle of each type from every QPV (by planar distance), with its travel time.
void findNearestPoles(const model::Dataset& ds, const std::vector<PoleClassification>& poles,
                      const std::vector<int>& qpvCommunes, QpvResult& result) {
    const std::set<int> origins(qpvCommunes.begin(), qpvCommunes.end());
    const auto times = timesFrom(ds, origins);
    for (std::size_t i = 0; i < result.qpvs.size(); ++i) {
        const model::Point& from = ds.qpvs[i].anchor;
        for (const PoleClassification& p : poles) {
            const model::Bassin* b = ds.bassin(p.bv);
            const int type = static_cast<int>(p.type);
            if (type < 1 || !b || !model::hasPosition(b->anchor))
                continue;
            QpvNearestPole& n = result.qpvs[i].nearest[static_cast<std::size_t>(type - 1)];
            const double km = planarDistanceKm(from, b->anchor);
            if (!n.bv.empty() && km >= n.km)
                continue;
            n.bv = p.bv;
            n.km = km;
            const int origin = qpvCommunes[i], target = mainCommuneIndex(ds, *b);
            const auto t = times.find({origin, target});
            n.minutes = origin >= 0 && origin == target ? 0 : t != times.end() ? t->second : -1;
        }
    }
}

} // namespace

QpvResult professionalsAroundQpv(const model::Dataset& dataset, const std::string& profession, int vintage,
                                 const model::Parameters& params) {
    QpvResult result;
    CommuneCounts counts = countsByCommune(dataset, profession, vintage);
    result.profession = counts.profession;
    result.vintage = counts.vintage;
    result.distanceM = params.qpv.distanceM;
    result.travelTimes = !dataset.travelTimes.empty();
    result.warnings = std::move(counts.warnings);
    const auto zones = zoneCommunes(dataset, result.vintage);
    PlaceCounter counter{dataset, counts.counts, zones, result.profession, result.vintage, result.distanceM};
    std::vector<int> qpvCommunes;
    std::vector<std::string> withoutPopulation;
    for (const model::Qpv& q : dataset.qpvs) {
        QpvProfessionals row;
        row.code = q.code;
        row.name = q.name;
        row.population = q.population;
        QpvShape shape;
        shape.polygon = geometryOf(q.geometry, q.code);
        if (!shape.polygon)
            throw Error(ErrorKind::Value, {}, msg("analysis.qpv_bad_geometry", {arg::code("code", q.code)}));
        shape.polygon->getEnvelope(&shape.reach);
        shape.reach.MinX -= result.distanceM;
        shape.reach.MinY -= result.distanceM;
        shape.reach.MaxX += result.distanceM;
        shape.reach.MaxY += result.distanceM;
        counter.count(shape, row);
        const int commune = communeOfQpv(dataset, q);
        row.commune = commune >= 0 ? dataset.communes[static_cast<std::size_t>(commune)].code : std::string();
        qpvCommunes.push_back(commune);
        if (!(q.population > 0))
            withoutPopulation.push_back(q.code);
        result.qpvs.push_back(std::move(row));
    }
    if (!withoutPopulation.empty())
        result.warnings.push_back(
            makeWarning(ErrorKind::Value, {},
                        msg("analysis.qpv_without_population",
                            {arg::integer("n", static_cast<long long>(withoutPopulation.size()))}),
                        withoutPopulation));
    const Classification classification = classifyDataset(dataset, result.vintage, params.poles);
    findNearestPoles(dataset, classification.poles, qpvCommunes, result);
    return result;
}

} // namespace maillage::analysis
