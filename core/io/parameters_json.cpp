#include "core/io/parameters_json.h"

#include "core/io/gdal_util.h"
#include "core/io/read_file.h"
#include "core/model/error.h"

#include <cpl_json.h>

#include <map>

namespace maillage::io {

namespace {

std::string readContent(const std::string& path) {
    std::string content = readWholeFile(path, msg("io.parameters.cannot_open"));
    // Editors on Windows save JSON with a UTF-8 BOM, which the JSON parser refuses.
    if (content.rfind("\xEF\xBB\xBF", 0) == 0)
        content.erase(0, 3);
    return content;
}

bool isNumber(const CPLJSONObject& o) {
    const auto t = o.GetType();
    return t == CPLJSONObject::Type::Integer || t == CPLJSONObject::Type::Long ||
           t == CPLJSONObject::Type::Double;
}

void readValue(const CPLJSONObject& value, const std::string& key, const std::string& path,
               std::map<std::string, double>& kv) {
    if (!isNumber(value))
        throw Error(ErrorKind::Parameter, Location{path, 0, {}, -1, key}, msg("io.parameters.not_number"));
    kv[key] = value.ToDouble();
}

} // namespace

model::Parameters readParametersJson(const std::string& path, const model::Parameters& base) {
    const std::string content = readContent(path);
    CPLJSONDocument doc;
    {
        GdalErrorCollector gdalErrors; // GDAL would print "ERROR 1: JSON parsing error" itself
        if (content.empty() || !doc.LoadMemory(content))
            throw Error(ErrorKind::Format, Location{path},
                        withGdalReason(msg("io.parameters.not_json"), msg("io.parameters.not_json_gdal"),
                                       gdalErrors.errors().empty() ? std::string() : gdalErrors.reason()));
    }
    const CPLJSONObject root = doc.GetRoot();
    if (root.GetType() != CPLJSONObject::Type::Object)
        throw Error(ErrorKind::Format, Location{path}, msg("io.parameters.not_object"));
    std::map<std::string, double> kv = base.toKeyValues();
    for (const CPLJSONObject& child : root.GetChildren()) {
        if (child.GetType() == CPLJSONObject::Type::Object) {
            for (const CPLJSONObject& leaf : child.GetChildren())
                readValue(leaf, child.GetName() + "." + leaf.GetName(), path, kv);
        } else {
            readValue(child, child.GetName(), path, kv);
        }
    }
    return model::Parameters::fromKeyValues(kv, path);
}

} // namespace maillage::io
