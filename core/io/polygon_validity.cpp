#include "core/io/polygon_validity.h"

#include "core/io/wkb_polygons.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace maillage::io {

namespace {

using wkb::P;
using wkb::Ring;

//! Shewchuk's first error bound of orient2d, (3 + 16ε)ε with ε = 2^-53: beyond it the determinant's sign
//! computed in doubles is the exact one.
constexpr double kOrientationBound = (3.0 + 16.0 * 0x1p-53) * 0x1p-53;

//! The side of `c` from the line a→b: 1 left, -1 right, when certain; 0 when on it or too close to tell.
int orientation(const P& a, const P& b, const P& c) {
    const double left = (b.x - a.x) * (c.y - a.y);
    const double right = (b.y - a.y) * (c.x - a.x);
    const double det = left - right;
    const double bound = kOrientationBound * (std::abs(left) + std::abs(right));
    if (det > bound)
        return 1;
    if (-det > bound)
        return -1;
    return 0;
}

//! Coordinates whose differences' products neither overflow nor underflow, which the error bound assumes.
bool ordinary(double v) {
    const double a = std::abs(v);
    return a == 0 || (a >= 1e-50 && a <= 1e100);
}

struct Box {
    double minX, minY, maxX, maxY;
};

Box boxOf(const Ring& r) {
    Box b{r[0].x, r[0].y, r[0].x, r[0].y};
    for (const P& p : r) {
        b.minX = std::min(b.minX, p.x);
        b.maxX = std::max(b.maxX, p.x);
        b.minY = std::min(b.minY, p.y);
        b.maxY = std::max(b.maxY, p.y);
    }
    return b;
}

//! Whether `p` is inside the simple ring `r` (winding number): 1 inside, -1 outside, 0 when on it or too
//! close to tell.
int side(const P& p, const Ring& r, const Box& box) {
    if (p.x < box.minX || p.x > box.maxX || p.y < box.minY || p.y > box.maxY)
        return -1;
    int winding = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        const P& a = r[i];
        const P& b = r[i + 1];
        if (a.y <= p.y) {
            if (b.y > p.y) {
                const int o = orientation(a, b, p);
                if (o == 0)
                    return 0;
                winding += o > 0;
            }
        } else if (b.y <= p.y) {
            const int o = orientation(a, b, p);
            if (o == 0)
                return 0;
            winding -= o < 0;
        }
    }
    return winding != 0 ? 1 : -1;
}

//! An edge: its extent along the sweep's axis (lo, hi) and across it (lo2, hi2), its ring and its place in
//! it (the edge from point `index` to the next). Small, for the sort.
struct Segment {
    double lo, hi, lo2, hi2;
    std::uint32_t ring, index;
};

//! True when two edges that are not consecutive certainly do not meet: one lies wholly on one side of the
//! other's line.
bool apart(const P& a, const P& b, const P& c, const P& d) {
    const int o1 = orientation(a, b, c);
    if (o1 != 0 && o1 == orientation(a, b, d))
        return true;
    const int o3 = orientation(c, d, a);
    return o3 != 0 && o3 == orientation(c, d, b);
}

//! True when no two edges of `rings` (with their boxes, `boxes`) meet but consecutive ones at their vertex,
//! where they certainly turn; false too when the sweep would compare more pairs than its budget (a few
//! dozen per edge).
bool edgesApart(const std::vector<const Ring*>& rings, const std::vector<const Box*>& boxes) {
    std::vector<std::size_t> edges(rings.size());
    Box all = *boxes[0];
    std::size_t total = 0;
    for (std::size_t k = 0; k < rings.size(); ++k) {
        const Ring& r = *rings[k];
        const std::size_t m = r.size() - 1;
        edges[k] = m;
        total += m;
        for (std::size_t i = 0; i < m; ++i) {
            const P& next = r[i + 1 == m ? 1 : i + 2]; // the vertex after r[i + 1]
            if (r[i] == r[i + 1] || orientation(r[i], r[i + 1], next) == 0)
                return false; // a point repeated, or the ring goes straight on or back
        }
        const Box& b = *boxes[k];
        all = {std::min(all.minX, b.minX), std::min(all.minY, b.minY), std::max(all.maxX, b.maxX),
               std::max(all.maxY, b.maxY)};
    }
    if (total > 0xffffffffu)
        return false;
    // Swept along the longer side of the extent: fewer edges side by side.
    const bool alongX = all.maxX - all.minX >= all.maxY - all.minY;
    std::vector<Segment> segments;
    segments.reserve(total);
    for (std::size_t k = 0; k < rings.size(); ++k) {
        const Ring& r = *rings[k];
        for (std::size_t i = 0; i < edges[k]; ++i) {
            const P& a = r[i];
            const P& b = r[i + 1];
            const double u1 = alongX ? a.x : a.y, u2 = alongX ? b.x : b.y;
            const double v1 = alongX ? a.y : a.x, v2 = alongX ? b.y : b.x;
            segments.push_back({std::min(u1, u2), std::max(u1, u2), std::min(v1, v2), std::max(v1, v2),
                                static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(i)});
        }
    }
    std::sort(segments.begin(), segments.end(),
              [](const Segment& s, const Segment& t) { return s.lo < t.lo; });
    std::size_t budget = 64 * total + 4096;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        for (std::size_t j = i + 1; j < segments.size() && segments[j].lo <= s.hi; ++j) {
            if (budget-- == 0)
                return false; // every pair the sweep looks at counts, even those the other axis rules out
            const Segment& t = segments[j];
            if (t.lo2 > s.hi2 || t.hi2 < s.lo2)
                continue;
            if (s.ring == t.ring) {
                const std::size_t m = edges[s.ring];
                const std::size_t lo = std::min(s.index, t.index), hi = std::max(s.index, t.index);
                if (hi == lo + 1 || (lo == 0 && hi == m - 1))
                    continue; // consecutive: they meet at their vertex only, having turned there
            }
            const Ring& rs = *rings[s.ring];
            const Ring& rt = *rings[t.ring];
            if (!apart(rs[s.index], rs[s.index + 1], rt[t.index], rt[t.index + 1]))
                return false;
        }
    }
    return true;
}

} // namespace

bool provedValid(const model::Wkb& wkb) {
    std::vector<std::vector<Ring>> polygons;
    const bool read = wkb::WkbPolygons(wkb).each([&](std::vector<Ring>& rings) {
        for (const Ring& r : rings)
            for (const P& p : r)
                if (!ordinary(p.x) || !ordinary(p.y))
                    return false;
        polygons.push_back(std::move(rings));
        return true;
    });
    if (!read || polygons.empty())
        return false;
    std::vector<std::vector<Box>> boxes(polygons.size()); // of each ring, as `polygons`
    std::vector<const Ring*> rings;
    std::vector<const Box*> ringBoxes;
    for (std::size_t k = 0; k < polygons.size(); ++k) {
        for (const Ring& r : polygons[k])
            boxes[k].push_back(boxOf(r));
        for (std::size_t i = 0; i < polygons[k].size(); ++i) {
            rings.push_back(&polygons[k][i]);
            ringBoxes.push_back(&boxes[k][i]);
        }
    }
    if (!edgesApart(rings, ringBoxes))
        return false;
    if (rings.size() == 1)
        return true;
    // No two rings meet: each lies wholly inside or outside another, which one of its points tells.
    constexpr std::size_t kMostRings = 4096;
    if (rings.size() > kMostRings)
        return false;
    for (std::size_t k = 0; k < polygons.size(); ++k) {
        const auto& polygon = polygons[k];
        for (std::size_t h = 1; h < polygon.size(); ++h) {
            if (side(polygon[h][0], polygon[0], boxes[k][0]) != 1)
                return false; // a hole outside its shell
            for (std::size_t o = 1; o < polygon.size(); ++o)
                if (o != h && side(polygon[h][0], polygon[o], boxes[k][o]) != -1)
                    return false; // a hole inside another
        }
    }
    for (std::size_t k = 0; k < polygons.size(); ++k) {
        const P& point = polygons[k][0][0];
        for (std::size_t q = 0; q < polygons.size(); ++q) {
            if (q == k)
                continue;
            const int inShell = side(point, polygons[q][0], boxes[q][0]);
            if (inShell == 0)
                return false;
            if (inShell < 0)
                continue;
            bool inHole = false; // a shell inside another polygon's shell must be in one of its holes
            for (std::size_t h = 1; h < polygons[q].size() && !inHole; ++h) {
                const int s = side(point, polygons[q][h], boxes[q][h]);
                if (s == 0)
                    return false;
                inHole = s > 0;
            }
            if (!inHole)
                return false;
        }
    }
    return true;
}

} // namespace maillage::io
