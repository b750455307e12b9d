#pragma once
// Randomness for the demo generator that gives the same numbers everywhere: splitmix64 and integer
// hashing only, no std::*_distribution (their algorithms are implementation-defined) and no libm
// transcendental functions where the result reaches a coordinate (their last bit may differ).
#include <cmath>
#include <cstdint>

namespace maillage::demo::detail {

//! The splitmix64 finaliser: a good 64-bit integer hash.
inline std::uint64_t mix64(std::uint64_t z) {
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

//! Hash of a few integers, order-sensitive: used where a value must not depend on iteration order
//! (e.g. the wiggle of an edge shared by two cells).
inline std::uint64_t hashOf(std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0, std::uint64_t d = 0) {
    return mix64(mix64(mix64(mix64(a) ^ b) ^ c) ^ d);
}

//! [0, 1) from the 53 high bits.
inline double unitFromBits(std::uint64_t bits) {
    return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

//! [-1, 1) from a hash.
inline double signedUnit(std::uint64_t bits) {
    return 2.0 * unitFromBits(bits) - 1.0;
}

//! splitmix64 generator.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        m_state += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return unitFromBits(next()); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    //! 0 .. n-1 (n > 0).
    int below(int n) {
        const int k = static_cast<int>(uniform() * n);
        return k < n ? k : n - 1;
    }
    bool chance(double p) { return uniform() < p; }
    template <class Container> const auto& pick(const Container& c) {
        return c[below(static_cast<int>(c.size()))];
    }

private:
    std::uint64_t m_state;
};

//! Smooth 1-D value noise in [-1, 1]: hashed lattice values, smoothstep interpolation.
class ValueNoise {
public:
    ValueNoise(std::uint64_t seed, std::uint64_t channel) : m_key(hashOf(seed, channel, 0x6E6F697365ull)) {}
    double operator()(double x) const {
        const double f = std::floor(x);
        const double t = x - f;
        const auto i = static_cast<std::int64_t>(f);
        const double a = signedUnit(hashOf(m_key, static_cast<std::uint64_t>(i)));
        const double b = signedUnit(hashOf(m_key, static_cast<std::uint64_t>(i + 1)));
        const double s = t * t * (3.0 - 2.0 * t);
        return a + (b - a) * s;
    }

private:
    std::uint64_t m_key;
};

//! Smooth 2-D value noise in [-1, 1] (bilinear over a hashed lattice, smoothstep weights).
class ValueNoise2 {
public:
    ValueNoise2(std::uint64_t seed, std::uint64_t channel)
        : m_key(hashOf(seed, channel, 0x6E6F69736532ull)) {}
    double operator()(double x, double y) const {
        const double fx = std::floor(x), fy = std::floor(y);
        const double tx = x - fx, ty = y - fy;
        const auto i = static_cast<std::uint64_t>(static_cast<std::int64_t>(fx));
        const auto j = static_cast<std::uint64_t>(static_cast<std::int64_t>(fy));
        const double a = signedUnit(hashOf(m_key, i, j)), b = signedUnit(hashOf(m_key, i + 1, j));
        const double c = signedUnit(hashOf(m_key, i, j + 1)), d = signedUnit(hashOf(m_key, i + 1, j + 1));
        const double sx = tx * tx * (3.0 - 2.0 * tx), sy = ty * ty * (3.0 - 2.0 * ty);
        const double bottom = a + (b - a) * sx, top = c + (d - c) * sx;
        return bottom + (top - bottom) * sy;
    }

private:
    std::uint64_t m_key;
};

} // namespace maillage::demo::detail
