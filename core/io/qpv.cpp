#include "core/io/qpv.h"

#include "core/io/zones.h"
#include "core/model/codes.h"
#include "core/model/text.h"

#include <algorithm>
#include <unordered_map>

namespace maillage::io {

namespace {

//! The population of a feature: 0 when absent; Error(Value) naming the feature when it is no number.
double populationOf(const PolygonFeature& f, const std::string& path) {
    const std::string cell = featureField(f, {"pop_mun", "population", "pop"});
    if (cell.empty())
        return 0;
    const auto value = text::parseNumber(cell);
    if (!value || *value < 0)
        throw Error(ErrorKind::Value, Location{path},
                    msg("inputs.qpv_bad_population",
                        {arg::integer("feature", f.index), arg::code("value", text::visible(cell))}));
    return *value;
}

} // namespace

std::vector<model::Qpv> readQpvPolygons(const std::string& path, Warnings& warnings) {
    std::vector<PolygonFeature> features = readPolygonFeatures(path, {}, warnings);
    const std::vector<std::string> codeFields = {"code_qp", "code_qpv", "cod_qp", "code"};
    if (std::none_of(features.begin(), features.end(),
                     [&](const PolygonFeature& f) { return !featureField(f, codeFields).empty(); }))
        throw Error(ErrorKind::Format, Location{path}, msg("inputs.qpv_no_code_field"));
    std::vector<model::Qpv> out;
    std::unordered_map<std::string, long> seen;
    for (PolygonFeature& f : features) {
        model::Qpv q;
        q.code = featureField(f, codeFields);
        if (q.code.empty())
            throw Error(ErrorKind::Value, Location{path},
                        msg("inputs.zones_feature_without_code", {arg::integer("feature", f.index)}));
        if (const auto [it, fresh] = seen.emplace(q.code, f.index); !fresh)
            throw Error(
                ErrorKind::Value, Location{path},
                msg("inputs.zones_code_twice", {arg::code("code", q.code), arg::integer("first", it->second),
                                                arg::integer("second", f.index)}));
        q.name = featureField(f, {"nom_qp", "nom_qpv", "nom", "libelle"});
        const auto commune =
            codes::normalizeCommune(featureField(f, {"code_commune", "insee_com", "depcom"}));
        q.commune = commune ? codes::foldArrondissement(*commune) : std::string();
        q.population = populationOf(f, path);
        q.anchor = f.anchor;
        q.geometry = std::move(f.geometry);
        out.push_back(std::move(q));
    }
    return out;
}

} // namespace maillage::io
