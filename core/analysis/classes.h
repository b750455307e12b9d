#pragma once
// Classes of a choropleth map (issue 11: the density map's classes). Pure computation: a series of values,
// optionally weighted (the communes' populations), cut into classes by one of the usual methods. The
// population-weighted quantiles are the default because a few tiny communes, whose density swings with one
// professional, must not drive the top class: each class then holds about the same number of inhabitants.
#include <optional>
#include <string>
#include <vector>

namespace maillage::analysis {

//! How the limits of the classes are chosen.
enum class ClassMethod {
    WeightedQuantiles, //!< each class holds the same total weight (population-weighted quantiles)
    Quantiles,         //!< each class holds the same number of values
    NaturalBreaks,     //!< Jenks: the least squared deviation from the class means (Fisher's exact method)
    EqualIntervals,    //!< the range cut into classes of equal width
    Fixed              //!< the limits given by the user
};

//! A classification to apply.
struct ClassSpec {
    ClassMethod method = ClassMethod::WeightedQuantiles;
    int count = 5;                   //!< number of classes, 1..kMaxClasses (not used by Fixed)
    std::vector<double> fixedLimits; //!< Fixed: the limits between classes, strictly ascending
    bool operator==(const ClassSpec& o) const {
        return method == o.method && count == o.count && fixedLimits == o.fixedLimits;
    }
    bool operator!=(const ClassSpec& o) const { return !(*this == o); }
};

constexpr int kMaxClasses = 12;

//! The limits of the classes of `values` (NaN values left out; `weights` in the same order, used by
//! WeightedQuantiles only, a missing, negative or NaN weight counting as 0; empty = all 1): ascending,
//! the first the smallest value and the last the largest, so that class i is [limits[i], limits[i+1]]
//! (a value on a limit belongs to the lower class). Equal limits are merged, so there can be fewer classes
//! than asked (many equal values); empty when there is no value. Fixed limits outside the values' range
//! are dropped. Throws Error (Parameter) for a count outside 1..kMaxClasses or fixed limits that are not
//! strictly ascending.
std::vector<double> classLimits(const std::vector<double>& values, const std::vector<double>& weights,
                                const ClassSpec& spec);

//! A density map's values split as its classes take them: the values above zero with their weights (the
//! classed ones), and whether any value is zero or below (a class of its own); NaN (masked) values left out.
struct PositiveValues {
    std::vector<double> values;
    std::vector<double> weights;
    bool hasZero = false;
};
PositiveValues positiveValues(const std::vector<double>& all, const std::vector<double>& allWeights);

//! "weighted_quantiles", "quantiles", "natural_breaks", "equal_intervals", "fixed": saved settings.
std::string classMethodKey(ClassMethod method);
//! The method of a key of classMethodKey(); nothing for an unknown key.
std::optional<ClassMethod> classMethodFromKey(const std::string& key);

//! "weighted_quantiles:5" or "fixed:10,20,40": a spec as one line of saved settings.
std::string classSpecToText(const ClassSpec& spec);
//! The spec of classSpecToText()'s text; nothing when the text is not one (the caller keeps its default).
std::optional<ClassSpec> classSpecFromText(const std::string& text);

} // namespace maillage::analysis
