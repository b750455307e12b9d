#include "core/io/coverage.h"
#include "core/io/wkb_polygons.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace maillage::io {

namespace {

using wkb::P;
using wkb::Ring;
using wkb::WkbPolygons;

//! The bits of `v`, -0 taken as 0 (they are equal: one hash).
std::uint64_t bitsOf(double v) {
    if (v == 0)
        v = 0;
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return bits;
}

//! MurmurHash3's finaliser: every bit of `x` reaches every bit of the hash, in a few instructions (a
//! quarter of the dissolve went to std::hash<double>, which hashes the 8 bytes one at a time).
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

std::size_t hashOf(const P& p) {
    return static_cast<std::size_t>(mix(bitsOf(p.x) ^ mix(bitsOf(p.y))));
}

//! A directed edge.
struct Edge {
    P a, b;
    bool operator==(const Edge& o) const { return a == o.a && b == o.b; }
};

//! Twice the signed area of a closed ring (positive counter-clockwise).
double signedArea2(const Ring& r) {
    double sum = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i)
        sum += (r[i].x - r[0].x) * (r[i + 1].y - r[0].y) - (r[i + 1].x - r[0].x) * (r[i].y - r[0].y);
    return sum;
}

//! A set of edges in one table, looked up by hash from slot to slot (open addressing, linear probing):
//! std::unordered_set allocated and freed a node per edge (5 % of a national import). An edge erased is
//! filled by the edges after it that belong before it (backward shift), so no mark is left and the table
//! grows only with the edges it holds at once, which are the outline's (most edges of a coverage are erased
//! soon after they come). It used to leave marks and rebuild itself into new memory whenever they filled
//! half of it: 3 % of a national import went to filling and faulting in those tables.
class EdgeSet {
public:
    //! An empty set (it grows as edges come).
    EdgeSet()
        : m_edges(kFirstSlots), m_hashes(kFirstSlots), m_full(kFirstSlots, 0), m_mask(kFirstSlots - 1) {}

    //! The hash of the edge from a point of hash `a` to one of hash `b` (hashOf): each point is hashed once
    //! for the two edges it ends and the two ways they are looked up.
    static std::size_t hashOfEdge(std::size_t a, std::size_t b) { return a * 31 + b; }

    //! Removes `e`, whose hash is `hash`; false when it is not there.
    bool erase(const Edge& e, std::size_t hash) {
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            if (!m_full[i])
                return false;
            if (m_edges[i] == e) {
                eraseAt(i);
                return true;
            }
        }
    }

    //! Adds `e`, whose hash is `hash`; false when it is there already.
    bool insert(const Edge& e, std::size_t hash) {
        std::size_t i = hash & m_mask;
        for (; m_full[i]; i = (i + 1) & m_mask)
            if (m_edges[i] == e)
                return false;
        m_edges[i] = e;
        m_hashes[i] = hash;
        m_full[i] = 1;
        if (2 * ++m_count > m_edges.size())
            grow();
        return true;
    }

    //! Calls f(edge) for each edge in the set.
    template <class F> void each(F&& f) const {
        for (std::size_t i = 0; i < m_edges.size(); ++i)
            if (m_full[i])
                f(m_edges[i]);
    }

private:
    static constexpr std::size_t kFirstSlots = 1024;

    //! Empties slot `i`, moving back into it the next edge of its run that may sit there, and so on.
    void eraseAt(std::size_t i) {
        for (std::size_t j = (i + 1) & m_mask; m_full[j]; j = (j + 1) & m_mask) {
            const std::size_t home = m_hashes[j] & m_mask;
            // The edge at j stays when its home slot lies cyclically in (i, j].
            if (i <= j ? (i < home && home <= j) : (i < home || home <= j))
                continue;
            m_edges[i] = m_edges[j];
            m_hashes[i] = m_hashes[j];
            i = j;
        }
        m_full[i] = 0;
        --m_count;
    }

    //! Twice the slots, the edges placed again.
    void grow() {
        std::vector<Edge> edges(2 * m_edges.size());
        std::vector<std::size_t> hashes(edges.size());
        std::vector<unsigned char> full(edges.size(), 0);
        m_mask = edges.size() - 1;
        for (std::size_t k = 0; k < m_edges.size(); ++k) {
            if (!m_full[k])
                continue;
            std::size_t i = m_hashes[k] & m_mask;
            while (full[i])
                i = (i + 1) & m_mask;
            edges[i] = m_edges[k];
            hashes[i] = m_hashes[k];
            full[i] = 1;
        }
        m_edges.swap(edges);
        m_hashes.swap(hashes);
        m_full.swap(full);
    }

    std::vector<Edge> m_edges;
    std::vector<std::size_t> m_hashes; // of the edge in the same slot, for its home slot as the table grows
    std::vector<unsigned char> m_full;
    std::size_t m_mask;
    std::size_t m_count = 0;
};

//! The edges of `parts` (shells counter-clockwise, holes clockwise) less those two parts share; false when
//! an edge comes twice in the same direction or a WKB is of another form.
bool outerEdges(const std::vector<const model::Wkb*>& parts, std::vector<Edge>& out, double& partsArea) {
    EdgeSet edges;
    std::vector<std::size_t> hashes; // of the ring's points
    partsArea = 0;
    for (const model::Wkb* wkb : parts) {
        const bool read = WkbPolygons(*wkb).each([&](const std::vector<Ring>& rings) {
            for (std::size_t i = 0; i < rings.size(); ++i) {
                const Ring& r = rings[i];
                const double area2 = signedArea2(r);
                if (area2 == 0)
                    return false;
                partsArea += (i == 0 ? 0.5 : -0.5) * std::abs(area2);
                const bool forward = (i == 0) == (area2 > 0);
                hashes.resize(r.size());
                for (std::size_t k = 0; k < r.size(); ++k)
                    hashes[k] = hashOf(r[k]);
                for (std::size_t k = 0; k + 1 < r.size(); ++k) {
                    const std::size_t from = forward ? k : k + 1, to = forward ? k + 1 : k;
                    const Edge e{r[from], r[to]};
                    if (e.a == e.b)
                        continue;
                    if (edges.erase(Edge{e.b, e.a}, EdgeSet::hashOfEdge(hashes[to], hashes[from])))
                        continue; // shared with a neighbour: inside the union
                    if (!edges.insert(e, EdgeSet::hashOfEdge(hashes[from], hashes[to])))
                        return false; // twice the same way: parts overlap
                }
            }
            return true;
        });
        if (!read)
            return false;
    }
    out.clear();
    edges.each([&](const Edge& e) { out.push_back(e); });
    std::sort(out.begin(), out.end(),
              [](const Edge& l, const Edge& r) { return l.a < r.a || (l.a == r.a && l.b < r.b); });
    return true;
}

//! Clockwise angle from direction `t` to direction `w`, in (0, 2π] (going straight back is the last choice).
double clockwiseAngle(double tx, double ty, double wx, double wy) {
    const double ccw = std::atan2(tx * wy - ty * wx, tx * wx + ty * wy);
    const double cw = ccw <= 0 ? -ccw : 2 * M_PI - ccw;
    return cw == 0 ? 2 * M_PI : cw;
}

//! Splits the closed walk `walk` where it passes a vertex twice: simple closed rings.
void splitWalk(const Ring& walk, std::vector<Ring>& rings) {
    // Each vertex numbered, the same number for the same point: its place on the stack kept by number
    // (a vector, not a hash map allocating a node per vertex).
    std::vector<std::size_t> order(walk.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t l, std::size_t r) { return walk[l] < walk[r]; });
    std::vector<std::size_t> vertex(walk.size());
    std::size_t vertices = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        if (k > 0 && !(walk[order[k - 1]] == walk[order[k]]))
            ++vertices;
        vertex[order[k]] = vertices;
    }
    constexpr std::size_t kNowhere = static_cast<std::size_t>(-1);
    std::vector<std::size_t> position(walk.empty() ? 0 : vertices + 1, kNowhere);
    Ring stack;
    std::vector<std::size_t> stackVertex;
    for (std::size_t w = 0; w < walk.size(); ++w) {
        const P& p = walk[w];
        const std::size_t from = position[vertex[w]];
        if (from == kNowhere) {
            position[vertex[w]] = stack.size();
            stack.push_back(p);
            stackVertex.push_back(vertex[w]);
            continue;
        }
        Ring ring(stack.begin() + static_cast<std::ptrdiff_t>(from), stack.end());
        ring.push_back(p);
        for (std::size_t k = from + 1; k < stack.size(); ++k)
            position[stackVertex[k]] = kNowhere;
        stack.resize(from + 1);
        stackVertex.resize(from + 1);
        rings.push_back(std::move(ring));
    }
}

//! The edges joined into closed walks, each face's boundary with the face on its left (at a vertex with
//! several edges out, the first one clockwise from the way back), split into simple rings. False when an
//! edge leads nowhere or to an edge already taken.
bool joinRings(const std::vector<Edge>& edges, std::vector<Ring>& rings) {
    std::vector<char> used(edges.size(), 0);
    const auto outOf = [&](const P& v) {
        const auto first = std::lower_bound(edges.begin(), edges.end(), v,
                                            [](const Edge& e, const P& p) { return e.a < p; });
        auto last = first;
        while (last != edges.end() && last->a == v)
            ++last;
        return std::make_pair(first - edges.begin(), last - edges.begin());
    };
    Ring walk;
    for (std::size_t start = 0; start < edges.size(); ++start) {
        if (used[start])
            continue;
        walk.assign(1, edges[start].a);
        std::size_t e = start;
        for (;;) {
            used[e] = 1;
            const P& v = edges[e].b;
            walk.push_back(v);
            const auto [first, last] = outOf(v);
            if (first == last)
                return false;
            auto next = static_cast<std::size_t>(first);
            if (last - first > 1) {
                const double tx = edges[e].a.x - v.x, ty = edges[e].a.y - v.y;
                double best = 10;
                for (auto k = first; k < last; ++k) {
                    const auto& w = edges[static_cast<std::size_t>(k)].b;
                    const double angle = clockwiseAngle(tx, ty, w.x - v.x, w.y - v.y);
                    if (angle < best) {
                        best = angle;
                        next = static_cast<std::size_t>(k);
                    }
                }
            }
            if (next == start)
                break;
            if (used[next])
                return false;
            e = next;
        }
        splitWalk(walk, rings);
    }
    return true;
}

bool inRing(const P& p, const Ring& r) {
    bool inside = false;
    for (std::size_t i = 0, j = r.size() - 2; i + 1 < r.size(); j = i++)
        if ((r[i].y > p.y) != (r[j].y > p.y) &&
            p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
            inside = !inside;
    return inside;
}

struct Shell {
    Ring ring;
    double area2 = 0;
    double minX, minY, maxX, maxY;
    std::vector<Ring> holes;
};

void putU32(model::Wkb& out, std::uint32_t v) {
    unsigned char bytes[4];
    std::memcpy(bytes, &v, 4);
    out.insert(out.end(), bytes, bytes + 4);
}

void putRing(model::Wkb& out, const Ring& r) {
    putU32(out, static_cast<std::uint32_t>(r.size()));
    const auto* bytes = reinterpret_cast<const unsigned char*>(r.data());
    out.insert(out.end(), bytes, bytes + 16 * r.size());
}

//! Shells and their holes as a little-endian MultiPolygon, in a buffer of its exact size (grown push by push,
//! the bassins' and outlines' buffers held up to twice their size until the dataset was written).
model::Wkb multiPolygonWkb(const std::vector<Shell>& shells) {
    std::size_t size = 9;
    for (const Shell& s : shells) {
        size += 9 + 4 + 16 * s.ring.size();
        for (const Ring& h : s.holes)
            size += 4 + 16 * h.size();
    }
    model::Wkb out;
    out.reserve(size);
    out.push_back(1);
    putU32(out, 6);
    putU32(out, static_cast<std::uint32_t>(shells.size()));
    for (const Shell& s : shells) {
        out.push_back(1);
        putU32(out, 3);
        putU32(out, static_cast<std::uint32_t>(1 + s.holes.size()));
        putRing(out, s.ring);
        for (const Ring& h : s.holes)
            putRing(out, h);
    }
    return out;
}

} // namespace

model::Wkb coverageOutline(const std::vector<const model::Wkb*>& parts, double& partsArea) {
    static_assert(sizeof(P) == 16, "points are read and written as two doubles");
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    std::vector<Edge> edges;
    std::vector<Ring> rings;
    if (!outerEdges(parts, edges, partsArea) || edges.empty() || !joinRings(edges, rings))
        return {};
    std::vector<Shell> shells;
    std::vector<Ring> holes;
    for (Ring& r : rings) {
        const double area2 = signedArea2(r);
        if (r.size() < 4 || area2 == 0)
            return {};
        if (area2 < 0) {
            holes.push_back(std::move(r));
            continue;
        }
        Shell s;
        s.area2 = area2;
        s.minX = s.maxX = r[0].x;
        s.minY = s.maxY = r[0].y;
        for (const P& p : r) {
            s.minX = std::min(s.minX, p.x);
            s.maxX = std::max(s.maxX, p.x);
            s.minY = std::min(s.minY, p.y);
            s.maxY = std::max(s.maxY, p.y);
        }
        s.ring = std::move(r);
        shells.push_back(std::move(s));
    }
    for (Ring& h : holes) {
        // The middle of its first edge: on no other ring's edge where the rings meet only at vertices.
        const P p{(h[0].x + h[1].x) / 2, (h[0].y + h[1].y) / 2};
        Shell* around = nullptr;
        for (Shell& s : shells)
            if ((shells.size() == 1 ||
                 (p.x >= s.minX && p.x <= s.maxX && p.y >= s.minY && p.y <= s.maxY && inRing(p, s.ring))) &&
                (!around || s.area2 < around->area2))
                around = &s;
        if (!around)
            return {};
        around->holes.push_back(std::move(h));
    }
    if (shells.empty())
        return {};
    return multiPolygonWkb(shells);
#else
    (void)parts;
    partsArea = 0;
    return {};
#endif
}

} // namespace maillage::io
