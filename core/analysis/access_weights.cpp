// Consumption weights stored with the dataset, as text in its metadata (kept by every dataset format).
#include "core/analysis/access_weights.h"

#include "core/model/error.h"
#include "core/model/text.h"

namespace maillage::analysis {

std::vector<model::AgeBandWeight> consumptionWeights(const model::Dataset& dataset) {
    const auto it = dataset.meta.extra.find(kAgeWeightsKey);
    if (it == dataset.meta.extra.end() || text::trim(it->second).empty())
        return model::builtinConsumptionWeights();
    std::vector<model::AgeBandWeight> out;
    for (const std::string& item : text::split(it->second, ';')) {
        const std::size_t eq = item.find('=');
        const auto weight = eq == std::string::npos ? std::nullopt : text::parseNumber(item.substr(eq + 1));
        if (!weight || !(*weight >= 0))
            throw Error(ErrorKind::Format, Location{"", 0, {}, -1, kAgeWeightsKey},
                        msg("analysis.access.stored_weights_damaged", {arg::code("value", item)}));
        out.push_back({text::trim(item.substr(0, eq)), *weight});
    }
    return out;
}

std::string consumptionWeightsFile(const model::Dataset& dataset) {
    if (!dataset.meta.extra.count(kAgeWeightsKey))
        return {};
    const auto it = dataset.meta.extra.find(kAgeWeightsFileKey);
    return it == dataset.meta.extra.end() ? std::string() : it->second;
}

std::string weightsFileName(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

void storeConsumptionWeights(model::Dataset& dataset, const std::vector<model::AgeBandWeight>& weights,
                             const std::string& file) {
    std::vector<std::string> items;
    for (const model::AgeBandWeight& w : weights)
        items.push_back(w.band + "=" + text::formatShortest(w.weight));
    dataset.meta.extra[kAgeWeightsKey] = text::join(items, ";");
    dataset.meta.extra[kAgeWeightsFileKey] = weightsFileName(file);
}

void useShippedConsumptionWeights(model::Dataset& dataset) {
    dataset.meta.extra.erase(kAgeWeightsKey);
    dataset.meta.extra.erase(kAgeWeightsFileKey);
}

} // namespace maillage::analysis
