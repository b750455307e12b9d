#pragma once
// Comparisons of computed figures with hand-computed ones, to a relative tolerance (accessibility suites).
#include <algorithm>
#include <cmath>
#include <vector>

namespace maillage::testing {

//! a equals b to `tolerance` relative to |b| (absolute under 1).
inline bool near(double a, double b, double tolerance = 1e-9) {
    return std::fabs(a - b) <= tolerance * std::max(1.0, std::fabs(b));
}

//! near() element by element, sizes equal.
inline bool allNear(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!near(a[i], b[i]))
            return false;
    return true;
}

} // namespace maillage::testing
