#include "core/demo/demo_tiling.h"

#include "core/demo/demo_random.h"
#include "core/io/gdal_util.h"

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>

namespace maillage::demo::detail {

namespace {

// Jitter of the shared vertices and wiggle of the shared edges, as fractions of the cell size and of
// the edge length. Corners of regular hexagons are 120 degrees; jitter and warp keep them above ~45
// degrees and a wiggled edge leaves its corner within ~18 degrees of its chord, so no cell can
// self-intersect (checked over many seeds by the tests).
constexpr double kJitterX = 0.10;
constexpr double kJitterY = 0.10;
constexpr double kWiggleMid = 0.08;
constexpr double kWiggleQuarter = 0.04;
constexpr double kWarpAmplitude = 0.45; // cell widths
constexpr double kWarpCells = 7;        // cell widths between lattice points of the warp

constexpr std::uint64_t kTagJitterX = 0x4A58;
constexpr std::uint64_t kTagJitterY = 0x4A59;
constexpr std::uint64_t kTagWiggle = 0x5747;

} // namespace

Vec2 Tiling::nominalUV(int cell) const {
    const int i = cell % cols, j = cell / cols;
    const double halfUnits = 2.0 * i + (j & 1) + 1.0; // centre in half-cell widths
    return {halfUnits / (2.0 * cols + 1.0), (j + 0.5) / rows};
}

int Tiling::across(int cell, int k) const {
    const auto& c = edgeCell[cellEdge[cell][k]];
    return c[0] == cell ? c[1] : c[0];
}

namespace {

//! Vertices lie on the horizontal lines between rows, at every half cell width; in a brick layout each
//! is shared by three cells.
void placeVertices(Tiling& t, std::uint64_t seed) {
    const int perLine = 2 * t.cols + 2;
    const ValueNoise2 warpX(seed, 0x5758), warpY(seed, 0x5759);
    t.vertices.resize(static_cast<std::size_t>(perLine) * (t.rows + 1));
    for (int line = 0; line <= t.rows; ++line)
        for (int m = 0; m < perLine; ++m) {
            const int id = line * perLine + m;
            const double jx =
                kJitterX * signedUnit(hashOf(seed, kTagJitterX, static_cast<std::uint64_t>(id)));
            const double jy =
                kJitterY * signedUnit(hashOf(seed, kTagJitterY, static_cast<std::uint64_t>(id)));
            // A smooth warp bends the rows so that the brick pattern does not show; its gradient
            // stays small (< 0.2) so that angles barely change.
            const double gx = 0.5 * m / kWarpCells, gy = line * 0.866 / kWarpCells;
            const double wx = kWarpAmplitude * warpX(gx, gy), wy = kWarpAmplitude * warpY(gx, gy);
            // Raising the corners of the row above and lowering those of the row below by a sixth of
            // a row turns the bricks into regular hexagons.
            const double hex = (m & 1) == (line & 1) ? 1.0 / 6 : -1.0 / 6;
            t.vertices[id] = {t.origin.x + (0.5 * m + jx + wx) * t.cellWidth,
                              t.origin.y + (line + hex + jy) * t.rowHeight + wy * t.cellWidth};
        }
}

//! The edges of `cell` (corners k and k+1), each created once and shared with the cell across it.
void linkEdges(Tiling& t, int cell, std::map<std::uint64_t, int>& edgeIndex) {
    for (int k = 0; k < 6; ++k) {
        int a = t.cellVertex[cell][k], b = t.cellVertex[cell][(k + 1) % 6];
        if (a > b)
            std::swap(a, b);
        const std::uint64_t key =
            static_cast<std::uint64_t>(a) * 0x100000000ull + static_cast<std::uint64_t>(b);
        auto it = edgeIndex.find(key);
        if (it == edgeIndex.end()) {
            it = edgeIndex.emplace(key, static_cast<int>(t.edgeVertex.size())).first;
            t.edgeVertex.push_back({a, b});
            t.edgeCell.push_back({cell, -1});
        } else {
            t.edgeCell[it->second][1] = cell;
        }
        t.cellEdge[cell][k] = it->second;
    }
}

//! Each cell's six corners, its centre and its edges.
void buildCells(Tiling& t) {
    const int perLine = 2 * t.cols + 2;
    std::map<std::uint64_t, int> edgeIndex;
    const int cellCount = t.cols * t.rows;
    t.cellVertex.resize(cellCount);
    t.cellEdge.resize(cellCount);
    t.cellCenter.resize(cellCount);
    for (int j = 0; j < t.rows; ++j)
        for (int i = 0; i < t.cols; ++i) {
            const int cell = j * t.cols + i;
            const int m0 = 2 * i + (j & 1);
            const int bottom = j * perLine, top = (j + 1) * perLine;
            t.cellVertex[cell] = {bottom + m0,  bottom + m0 + 1, bottom + m0 + 2,
                                  top + m0 + 2, top + m0 + 1,    top + m0};
            Vec2 c;
            for (int k = 0; k < 6; ++k) {
                c.x += t.vertices[t.cellVertex[cell][k]].x / 6.0;
                c.y += t.vertices[t.cellVertex[cell][k]].y / 6.0;
            }
            t.cellCenter[cell] = c;
            linkEdges(t, cell, edgeIndex);
        }
}

//! Midpoint displacement, twice, along the normal of the chord; from the hash of the two vertex ids so
//! that both cells of an edge see the same polyline.
void wiggleEdges(Tiling& t, std::uint64_t seed) {
    t.edgeInterior.resize(t.edgeVertex.size());
    for (std::size_t e = 0; e < t.edgeVertex.size(); ++e) {
        const auto [a, b] = t.edgeVertex[e];
        const Vec2 p = t.vertices[a], q = t.vertices[b];
        const double dx = q.x - p.x, dy = q.y - p.y;
        const double len = std::sqrt(dx * dx + dy * dy);
        const Vec2 n{-dy / len, dx / len};
        // A local, not a, b in the lambda: lambdas cannot capture structured bindings before C++20 (clang).
        const std::uint64_t edgeKey = static_cast<std::uint64_t>(a) * 0x100000000ull + b;
        const auto h = [&](std::uint64_t k) { return signedUnit(hashOf(seed, kTagWiggle, edgeKey, k)); };
        const double off = kWiggleMid * len * h(1);
        const Vec2 mid{(p.x + q.x) / 2 + n.x * off, (p.y + q.y) / 2 + n.y * off};
        const double off1 = kWiggleQuarter * len * h(2), off3 = kWiggleQuarter * len * h(3);
        const Vec2 q1{(p.x + mid.x) / 2 + n.x * off1, (p.y + mid.y) / 2 + n.y * off1};
        const Vec2 q3{(mid.x + q.x) / 2 + n.x * off3, (mid.y + q.y) / 2 + n.y * off3};
        t.edgeInterior[e] = {q1, mid, q3};
    }
}

} // namespace

Tiling makeTiling(int cols, int rows, double cellWidth, Vec2 origin, std::uint64_t seed) {
    Tiling t;
    t.cols = cols;
    t.rows = rows;
    t.cellWidth = cellWidth;
    t.rowHeight = cellWidth * 0.866; // near-regular hexagons
    t.origin = origin;
    placeVertices(t, seed);
    buildCells(t);
    wiggleEdges(t, seed);
    return t;
}

std::vector<Ring> groupRings(const Tiling& tiling, const std::vector<int>& label, int groupCount) {
    struct Directed {
        int from, to, edge;
    };
    std::vector<std::vector<Directed>> boundary(groupCount);
    for (int cell = 0; cell < tiling.cellCount(); ++cell) {
        const int g = label[cell];
        if (g < 0)
            continue;
        for (int k = 0; k < 6; ++k) {
            const int other = tiling.across(cell, k);
            if (other >= 0 && label[other] == g)
                continue;
            boundary[g].push_back(
                {tiling.cellVertex[cell][k], tiling.cellVertex[cell][(k + 1) % 6], tiling.cellEdge[cell][k]});
        }
    }
    std::vector<Ring> rings(groupCount);
    for (int g = 0; g < groupCount; ++g) {
        const auto& edges = boundary[g];
        if (edges.empty())
            throw std::logic_error("demo tiling: empty group");
        std::size_t start = 0;
        for (std::size_t i = 1; i < edges.size(); ++i)
            if (edges[i].from < edges[start].from)
                start = i;
        Ring& ring = rings[g];
        std::size_t current = start, used = 0;
        do {
            const Directed& d = edges[current];
            ring.push_back(tiling.vertices[d.from]);
            const auto& interior = tiling.edgeInterior[d.edge];
            if (d.from == tiling.edgeVertex[d.edge][0])
                ring.insert(ring.end(), interior.begin(), interior.end());
            else
                ring.insert(ring.end(), interior.rbegin(), interior.rend());
            ++used;
            std::size_t next = edges.size();
            for (std::size_t i = 0; i < edges.size(); ++i)
                if (edges[i].from == d.to) {
                    next = i;
                    break;
                }
            if (next == edges.size() || used > edges.size())
                throw std::logic_error("demo tiling: open boundary");
            current = next;
        } while (current != start);
        if (used != edges.size())
            throw std::logic_error("demo tiling: group with a hole or in several pieces");
        ring.push_back(ring.front());
    }
    return rings;
}

double ringArea(const Ring& ring) {
    double a = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        a += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    return a / 2;
}

Vec2 ringCentroid(const Ring& ring) {
    double a = 0, cx = 0, cy = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const double cross = ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
        a += cross;
        cx += (ring[i].x + ring[i + 1].x) * cross;
        cy += (ring[i].y + ring[i + 1].y) * cross;
    }
    return {cx / (3 * a), cy / (3 * a)};
}

bool ringContains(const Ring& ring, Vec2 p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Vec2 a = ring[i], b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

namespace {

void putU32(model::Wkb& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void putDouble(model::Wkb& out, double d) {
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    for (int i = 0; i < 8; ++i)
        out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
}

} // namespace

model::Wkb multiPolygonWkb(const std::vector<std::vector<Ring>>& polygons) {
    model::Wkb out;
    out.push_back(1); // little-endian
    putU32(out, 6);   // MultiPolygon
    putU32(out, static_cast<std::uint32_t>(polygons.size()));
    for (const auto& rings : polygons) {
        out.push_back(1);
        putU32(out, 3); // Polygon
        putU32(out, static_cast<std::uint32_t>(rings.size()));
        for (const Ring& ring : rings) {
            putU32(out, static_cast<std::uint32_t>(ring.size()));
            for (const Vec2& p : ring) {
                putDouble(out, p.x);
                putDouble(out, p.y);
            }
        }
    }
    return out;
}

namespace {

using GeometryPtr = io::GeomPtr;

GeometryPtr polygonOf(const Ring& ring) {
    auto polygon = std::make_unique<OGRPolygon>();
    auto* linear = new OGRLinearRing;
    for (const Vec2& p : ring)
        linear->addPoint(p.x, p.y);
    polygon->addRingDirectly(linear);
    return GeometryPtr(polygon.release());
}

//! Keeps the polygons of an overlay result (GEOS may add points or lines where pieces touch).
std::pair<model::Wkb, double> polygonalWkb(const OGRGeometry* g) {
    if (!g || g->IsEmpty())
        return {};
    auto multi = std::make_unique<OGRMultiPolygon>();
    const auto type = wkbFlatten(g->getGeometryType());
    if (type == wkbPolygon) {
        multi->addGeometry(g);
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (const OGRGeometry* part : *g->toGeometryCollection())
            if (wkbFlatten(part->getGeometryType()) == wkbPolygon && !part->IsEmpty())
                multi->addGeometry(part);
    }
    if (multi->IsEmpty())
        return {};
    model::Wkb out(static_cast<std::size_t>(multi->WkbSize()));
    multi->exportToWkb(wkbNDR, out.data(), wkbVariantIso);
    return {std::move(out), multi->get_Area()};
}

Vec2 rotate(Vec2 v, double c, double s) {
    return {v.x * c - v.y * s, v.x * s + v.y * c};
}

} // namespace

ZonePieces sliceIntoZones(const model::Wkb& commune, Vec2 centre, double centreRadius) {
    // Trigonometric constants written out so that coordinates never depend on a libm.
    constexpr double kCos64 = 0.9951847266721969, kSin64 = 0.0980171403295606;  // 2 pi / 64
    constexpr double kCos11 = 0.8412535328311812, kSin11 = 0.5406408174555976;  // 2 pi / 11
    constexpr double kCos22 = 0.9594929736144974, kSin22 = 0.28173255684142967; // pi / 11
    constexpr int kSectors = 11;
    constexpr double kFar = 100000; // metres: far beyond any commune

    OGRGeometry* raw = nullptr;
    if (OGRGeometryFactory::createFromWkb(commune.data(), nullptr, &raw, commune.size(), wkbVariantIso) !=
        OGRERR_NONE)
        throw std::logic_error("demo: invalid commune WKB");
    const GeometryPtr shape(raw);

    Ring disc;
    Vec2 d{centreRadius, 0};
    for (int k = 0; k < 64; ++k) {
        disc.push_back({centre.x + d.x, centre.y + d.y});
        d = rotate(d, kCos64, kSin64);
    }
    disc.push_back(disc.front());
    const GeometryPtr discGeometry = polygonOf(disc);

    ZonePieces pieces;
    {
        const GeometryPtr core(shape->Intersection(discGeometry.get()));
        auto [wkb, area] = polygonalWkb(core.get());
        pieces.wkb.push_back(std::move(wkb));
        pieces.area.push_back(area);
    }
    const GeometryPtr outer(shape->Difference(discGeometry.get()));

    std::vector<Vec2> rays(kSectors);
    rays[0] = rotate({1, 0}, kCos22, -kSin22); // sector 0 is centred on the east
    for (int k = 1; k < kSectors; ++k)
        rays[k] = rotate(rays[k - 1], kCos11, kSin11);
    for (int k = 0; k < kSectors; ++k) {
        const Vec2 a = rays[k], b = rays[(k + 1) % kSectors], m = rotate(a, kCos22, kSin22);
        const Ring fan{centre,
                       {centre.x + kFar * a.x, centre.y + kFar * a.y},
                       {centre.x + kFar * m.x, centre.y + kFar * m.y},
                       {centre.x + kFar * b.x, centre.y + kFar * b.y},
                       centre};
        const GeometryPtr fanGeometry = polygonOf(fan);
        const GeometryPtr piece(outer->Intersection(fanGeometry.get()));
        auto [wkb, area] = polygonalWkb(piece.get());
        pieces.wkb.push_back(std::move(wkb));
        pieces.area.push_back(area);
    }
    return pieces;
}

} // namespace maillage::demo::detail
