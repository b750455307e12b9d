#pragma once
// Little-endian 2D WKB polygons read straight from their bytes, for the dissolve's coverage outline and the
// validity pre-check (internal to core/io).
#include "core/model/dataset.h"

#include <cstdint>
#include <cstring>
#include <vector>

namespace maillage::io::wkb {

struct P {
    double x = 0, y = 0;
};

inline bool operator==(const P& a, const P& b) {
    return a.x == b.x && a.y == b.y;
}

inline bool operator<(const P& a, const P& b) {
    return a.x < b.x || (a.x == b.x && a.y < b.y);
}

using Ring = std::vector<P>; // closed: the first point repeated last

//! Little-endian 2D WKB of polygons, read polygon by polygon.
class WkbPolygons {
public:
    explicit WkbPolygons(const model::Wkb& wkb) : m_p(wkb.data()), m_end(wkb.data() + wkb.size()) {}

    //! Calls polygon(rings) for each polygon (its shell first, then its holes; every ring of 4 points or
    //! more, closed); false when the WKB is not a little-endian 2D (multi)polygon of such rings, or when
    //! polygon() returns false. polygon() may keep the rings (move them away): the next are read anew.
    template <class F> bool each(F&& polygon) {
        std::uint32_t type = 0, count = 1;
        if (!header(type))
            return false;
        if (type == 6 && !u32(count))
            return false;
        if (type != 3 && type != 6)
            return false;
        std::vector<Ring> rings;
        for (std::uint32_t i = 0; i < count; ++i) {
            std::uint32_t part = 3;
            if (type == 6 && (!header(part) || part != 3))
                return false;
            if (!readPolygon(rings) || !polygon(rings))
                return false;
        }
        return m_p == m_end;
    }

private:
    bool u32(std::uint32_t& v) {
        if (m_end - m_p < 4)
            return false;
        std::memcpy(&v, m_p, 4);
        m_p += 4;
        return true;
    }
    bool header(std::uint32_t& type) {
        if (m_p == m_end || *m_p != 1)
            return false;
        ++m_p;
        return u32(type);
    }
    bool readPolygon(std::vector<Ring>& rings) {
        static_assert(sizeof(P) == 16, "points are read as two doubles");
        std::uint32_t n = 0;
        if (!u32(n))
            return false;
        rings.resize(n);
        for (Ring& ring : rings) {
            std::uint32_t points = 0;
            if (!u32(points) || points < 4 || static_cast<std::size_t>(m_end - m_p) / 16 < points)
                return false;
            ring.resize(points);
            std::memcpy(ring.data(), m_p, 16 * static_cast<std::size_t>(points));
            m_p += 16 * static_cast<std::size_t>(points);
            if (!(ring.front() == ring.back()))
                return false;
        }
        return n > 0;
    }

    const unsigned char* m_p;
    const unsigned char* m_end;
};

} // namespace maillage::io::wkb
