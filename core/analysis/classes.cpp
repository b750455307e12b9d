#include "core/analysis/classes.h"

#include "core/model/error.h"
#include "core/model/message.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace maillage::analysis {

namespace {

// Fisher's exact method is O(count × n²): above this many values it runs on evenly spaced order statistics
// (as QGIS does with a random sample, here deterministic so that the map does not change between runs).
constexpr std::size_t kJenksMaxValues = 3000;

//! The values with their weights, sorted by value, NaN values left out.
std::vector<std::pair<double, double>> sortedPairs(const std::vector<double>& values,
                                                   const std::vector<double>& weights) {
    std::vector<std::pair<double, double>> pairs;
    pairs.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::isnan(values[i]))
            continue;
        double w = weights.empty() ? 1.0 : i < weights.size() ? weights[i] : 0.0;
        pairs.emplace_back(values[i], std::isfinite(w) && w > 0 ? w : 0.0);
    }
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

//! Limit i (1..count-1): the first value at which the cumulative weight reaches i / count of the total.
std::vector<double> quantileLimits(const std::vector<std::pair<double, double>>& pairs, int count,
                                   bool weighted) {
    double total = 0;
    for (const auto& p : pairs)
        total += weighted ? p.second : 1.0;
    if (total <= 0) // no weight at all: every value counts once
        return quantileLimits(pairs, count, false);
    std::vector<double> limits{pairs.front().first};
    double cumulative = 0;
    std::size_t at = 0;
    for (int i = 1; i < count; ++i) {
        const double target = total * i / count;
        // A relative tolerance: 3 × (1/3) must reach 1.
        while (at < pairs.size() && cumulative + (weighted ? pairs[at].second : 1.0) < target * (1 - 1e-12)) {
            cumulative += weighted ? pairs[at].second : 1.0;
            ++at;
        }
        limits.push_back(pairs[std::min(at, pairs.size() - 1)].first);
    }
    limits.push_back(pairs.back().first);
    return limits;
}

std::vector<double> equalLimits(double lo, double hi, int count) {
    std::vector<double> limits;
    for (int i = 0; i <= count; ++i)
        limits.push_back(i == count ? hi : lo + (hi - lo) * i / count);
    return limits;
}

//! Fisher's exact optimal classification of sorted `x` (the algorithm known as Jenks natural breaks).
std::vector<double> jenksLimits(const std::vector<double>& x, int count) {
    const std::size_t n = x.size();
    // No more classes than distinct values: a class of its own for each is then the best cut.
    std::size_t distinct = n ? 1 : 0;
    for (std::size_t i = 1; i < n; ++i)
        distinct += x[i] != x[i - 1];
    const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(count), distinct);
    const double inf = std::numeric_limits<double>::infinity();
    // lower[i][j]: 1-based index of the first value of the last class when x[0..i) is cut into j classes;
    // cost[i][j]: the sum of squared deviations of that best cut.
    std::vector<std::vector<std::size_t>> lower(n + 1, std::vector<std::size_t>(k + 1, 1));
    std::vector<std::vector<double>> cost(n + 1, std::vector<double>(k + 1, inf));
    cost[1][1] = 0; // one value cannot make two classes: the other cells stay infinite
    for (std::size_t i = 2; i <= n; ++i) {
        double s1 = 0, s2 = 0, v = 0;
        for (std::size_t m = 1; m <= i; ++m) {
            const std::size_t first = i - m + 1; // the last class is x[first-1 .. i-1]
            const double value = x[first - 1];
            s1 += value;
            s2 += value * value;
            v = s2 - s1 * s1 / static_cast<double>(m);
            if (first > 1)
                for (std::size_t j = 2; j <= k; ++j)
                    if (cost[i][j] >= v + cost[first - 1][j - 1]) {
                        lower[i][j] = first;
                        cost[i][j] = v + cost[first - 1][j - 1];
                    }
        }
        lower[i][1] = 1;
        cost[i][1] = v;
    }
    std::vector<double> limits(k + 1);
    limits[k] = x[n - 1];
    limits[0] = x[0];
    std::size_t end = n;
    for (std::size_t j = k; j >= 2; --j) {
        const std::size_t first = lower[end][j];
        limits[j - 1] = x[first - 2]; // the last value of the class below
        end = first - 1;
    }
    return limits;
}

std::vector<double> naturalBreaks(const std::vector<std::pair<double, double>>& pairs, int count) {
    std::vector<double> x;
    if (pairs.size() <= kJenksMaxValues) {
        for (const auto& p : pairs)
            x.push_back(p.first);
    } else {
        for (std::size_t i = 0; i < kJenksMaxValues; ++i)
            x.push_back(pairs[i * (pairs.size() - 1) / (kJenksMaxValues - 1)].first);
    }
    return jenksLimits(x, count);
}

std::vector<double> fixedLimits(double lo, double hi, const std::vector<double>& inner) {
    std::vector<double> limits{lo};
    for (double l : inner)
        if (l > lo && l < hi)
            limits.push_back(l);
    limits.push_back(hi);
    return limits;
}

void checkSpec(const ClassSpec& spec) {
    if (spec.method != ClassMethod::Fixed && (spec.count < 1 || spec.count > kMaxClasses))
        throw Error(ErrorKind::Parameter, {},
                    msg("analysis.classes.count",
                        {arg::integer("count", spec.count), arg::integer("max", kMaxClasses)}));
    if (spec.method == ClassMethod::Fixed)
        for (std::size_t i = 0; i < spec.fixedLimits.size(); ++i)
            if (!std::isfinite(spec.fixedLimits[i]) ||
                (i > 0 && !(spec.fixedLimits[i] > spec.fixedLimits[i - 1])))
                throw Error(ErrorKind::Parameter, {},
                            msg("analysis.classes.fixed_not_ascending",
                                {arg::integer("position", static_cast<long long>(i + 1))}));
}

} // namespace

PositiveValues positiveValues(const std::vector<double>& all, const std::vector<double>& allWeights) {
    PositiveValues out;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const double v = all[i];
        if (std::isnan(v))
            continue;
        if (v <= 0) {
            out.hasZero = true;
            continue;
        }
        out.values.push_back(v);
        out.weights.push_back(i < allWeights.size() ? allWeights[i] : 0.0);
    }
    return out;
}

std::vector<double> classLimits(const std::vector<double>& values, const std::vector<double>& weights,
                                const ClassSpec& spec) {
    checkSpec(spec);
    const std::vector<std::pair<double, double>> pairs = sortedPairs(values, weights);
    if (pairs.empty())
        return {};
    const double lo = pairs.front().first, hi = pairs.back().first;
    std::vector<double> limits;
    switch (spec.method) {
    case ClassMethod::WeightedQuantiles:
        limits = quantileLimits(pairs, spec.count, true);
        break;
    case ClassMethod::Quantiles:
        limits = quantileLimits(pairs, spec.count, false);
        break;
    case ClassMethod::NaturalBreaks:
        limits = naturalBreaks(pairs, spec.count);
        break;
    case ClassMethod::EqualIntervals:
        limits = equalLimits(lo, hi, spec.count);
        break;
    case ClassMethod::Fixed:
        limits = fixedLimits(lo, hi, spec.fixedLimits);
        break;
    }
    limits.erase(std::unique(limits.begin(), limits.end()), limits.end());
    if (limits.size() == 1) // one distinct value: one class
        limits.push_back(limits.front());
    return limits;
}

namespace {

constexpr std::pair<ClassMethod, const char*> kMethodKeys[] = {
    {ClassMethod::WeightedQuantiles, "weighted_quantiles"},
    {ClassMethod::Quantiles, "quantiles"},
    {ClassMethod::NaturalBreaks, "natural_breaks"},
    {ClassMethod::EqualIntervals, "equal_intervals"},
    {ClassMethod::Fixed, "fixed"},
};

std::optional<double> parseNumber(const std::string& text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace

std::string classMethodKey(ClassMethod method) {
    for (const auto& [m, key] : kMethodKeys)
        if (m == method)
            return key;
    return {};
}

std::optional<ClassMethod> classMethodFromKey(const std::string& key) {
    for (const auto& [m, k] : kMethodKeys)
        if (key == k)
            return m;
    return std::nullopt;
}

std::string classSpecToText(const ClassSpec& spec) {
    std::string text = classMethodKey(spec.method) + ':';
    if (spec.method != ClassMethod::Fixed)
        return text + std::to_string(spec.count);
    for (std::size_t i = 0; i < spec.fixedLimits.size(); ++i) {
        char buffer[32];
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, spec.fixedLimits[i]);
        text += (i ? "," : "") + std::string(buffer, ec == std::errc() ? end : buffer);
    }
    return text;
}

std::optional<ClassSpec> classSpecFromText(const std::string& text) {
    const std::size_t colon = text.find(':');
    const std::optional<ClassMethod> method = classMethodFromKey(text.substr(0, colon));
    if (!method || colon == std::string::npos)
        return std::nullopt;
    ClassSpec spec;
    spec.method = *method;
    const std::string rest = text.substr(colon + 1);
    if (spec.method != ClassMethod::Fixed) {
        const std::optional<double> count = parseNumber(rest);
        if (!count || *count != std::floor(*count) || *count < 1 || *count > kMaxClasses)
            return std::nullopt;
        spec.count = static_cast<int>(*count);
        return spec;
    }
    for (std::size_t start = 0; start < rest.size();) {
        const std::size_t comma = std::min(rest.find(',', start), rest.size());
        const std::optional<double> limit = parseNumber(rest.substr(start, comma - start));
        if (!limit || (!spec.fixedLimits.empty() && *limit <= spec.fixedLimits.back()))
            return std::nullopt;
        spec.fixedLimits.push_back(*limit);
        start = comma + 1;
    }
    spec.count = static_cast<int>(spec.fixedLimits.size()) + 1;
    return spec;
}

} // namespace maillage::analysis
