#include "core/io/territory.h"

#include "core/io/gdal_util.h"
#include "core/io/geo.h"
#include "core/model/codes.h"
#include "core/model/text.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>
#include <optional>

namespace maillage::io {

namespace {

// Boxes around each territory with about half a degree of margin (coastal islands, simplified outlines).
const Territory kMetropole{"metropolitan France", -5.8, 41.8, 10.0, 51.6};
const Territory kCorsica{"Corsica", 8.0, 40.9, 10.0, 43.5};
const Territory kGuadeloupe{"Guadeloupe", -62.0, 15.6, -60.7, 16.8};
const Territory kMartinique{"Martinique", -61.5, 14.2, -60.6, 15.1};
const Territory kGuyane{"Guyane", -55.0, 1.8, -51.0, 6.3};
const Territory kReunion{"La Réunion", 54.9, -21.7, 56.2, -20.5};
const Territory kMayotte{"Mayotte", 44.7, -13.4, 45.6, -12.4};

struct Landing {
    const model::Commune* commune = nullptr;
    const Territory* expected = nullptr;
    double lon = 0, lat = 0; // where it landed (WGS84), from its Lambert-93 anchor
};

//! "46.51° E, 3.01° N" (the cardinal letters are the international ones in both languages).
Message degrees(double lon, double lat) {
    return msg("io.territory.position",
               {arg::number("lon", std::fabs(lon), 2), arg::text("ew", lon < 0 ? "W" : "E"),
                arg::number("lat", std::fabs(lat), 2), arg::text("ns", lat < 0 ? "S" : "N")});
}

//! The territory's name in the user's language (most are the same in French and English).
Message territoryName(const Territory& t) {
    if (&t == &kMetropole)
        return msg("io.territory.metropole");
    if (&t == &kCorsica)
        return msg("io.territory.corsica");
    return raw(t.name);
}

OGRSpatialReference epsg(int code) {
    OGRSpatialReference srs;
    srs.importFromEPSG(code);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER); // x = longitude/easting whatever the CRS says
    return srs;
}

std::unique_ptr<OGRCoordinateTransformation> transformation(const OGRSpatialReference& from,
                                                            const OGRSpatialReference& to) {
    return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&from, &to));
}

//! The coordinate system `path` declares (a clone), or nullptr.
std::unique_ptr<OGRSpatialReference> declaredCrs(const std::string& path, const std::string& layerName) {
    ensureGdal(); // the communes may have been read without GDAL's drivers (a plain GeoJSON)
    DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* layer = !ds                 ? nullptr
                      : layerName.empty() ? ds->GetLayer(0)
                                          : ds->GetLayerByName(layerName.c_str());
    const OGRSpatialReference* srs = layer ? layer->GetSpatialRef() : nullptr;
    return std::unique_ptr<OGRSpatialReference>(srs ? srs->Clone() : nullptr);
}

const OGRSpatialReference& kLambert93() {
    static const OGRSpatialReference srs = epsg(model::kWorkingEpsg);
    return srs;
}

bool looksLikeDegrees(double x, double y) {
    return std::fabs(x) <= 180 && std::fabs(y) <= 90;
}

bool looksLikeLambert93(double x, double y) {
    return x > -400000 && x < 1800000 && y > 5900000 && y < 7300000;
}

//! The likely cause of `l` landing outside its territory, from the coordinates as the file holds them.
Message likelyCause(const Landing& l, const std::string& path, const std::string& layer) {
    if (l.expected->contains(l.lat, l.lon))
        return msg("io.territory.cause_swapped");
    const auto declared = declaredCrs(path, layer);
    if (!declared)
        return msg("io.territory.cause_no_crs");
    const OGRSpatialReference working = epsg(model::kWorkingEpsg);
    declared->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const auto back = transformation(working, *declared);
    double x = l.commune->anchor.x, y = l.commune->anchor.y;
    const std::string name = crsName(*declared);
    if (back && back->Transform(1, &x, &y)) {
        Message mismatch = declaredCrsMismatch(*declared, x, y);
        if (!mismatch.empty())
            return mismatch;
    }
    return msg("io.territory.cause_check_crs", {arg::text("crs", name)});
}

//! "commune 01001 (Sud-Ouest) should be in metropolitan France but lies at 46.51° E, 3.01° N (Lambert-93
//! 652,000, 6,862,000)".
Message misplaced(const Landing& l) {
    const std::string commune =
        l.commune->code + (l.commune->name.empty() ? "" : " (" + l.commune->name + ")");
    return msg("io.territory.misplaced",
               {arg::text("commune", commune), arg::nested("territory", territoryName(*l.expected)),
                arg::nested("position", degrees(l.lon, l.lat)), arg::number("x", l.commune->anchor.x, 0),
                arg::number("y", l.commune->anchor.y, 0)});
}

} // namespace

std::string crsName(const OGRSpatialReference& srs) {
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code)
        return std::string(auth) + ":" + code;
    const char* name = srs.GetName();
    return name ? name : "(unnamed)";
}

Message declaredCrsMismatch(const OGRSpatialReference& declared, double x, double y) {
    const MessageArg crs = arg::text("crs", crsName(declared));
    if (!declared.IsGeographic() && looksLikeDegrees(x, y))
        return msg("io.territory.crs_looks_wgs84", {crs});
    if (!declared.IsSame(&kLambert93()) && looksLikeLambert93(x, y))
        return msg("io.territory.crs_looks_lambert93", {crs});
    return {};
}

const Territory* territoryOf(const std::string& communeCode) {
    const std::string dep = codes::departementOf(communeCode);
    if (dep == "2A" || dep == "2B" || dep == "20")
        return &kCorsica;
    if (dep == "971")
        return &kGuadeloupe;
    if (dep == "972")
        return &kMartinique;
    if (dep == "973")
        return &kGuyane;
    if (dep == "974")
        return &kReunion;
    if (dep == "976")
        return &kMayotte;
    if (dep.size() == 2 && std::isdigit(static_cast<unsigned char>(dep[0])) &&
        std::isdigit(static_cast<unsigned char>(dep[1])))
        return &kMetropole;
    return nullptr;
}

void checkCommunesInTerritories(const std::vector<model::Commune>& communes, const std::string& path,
                                const std::string& layer, Warnings& warnings) {
    GdalErrorCollector gdalErrors;
    const auto toLonLat = transformation(epsg(model::kWorkingEpsg), epsg(4326));
    if (!toLonLat)
        return;
    std::size_t checked = 0;
    std::vector<Landing> outside;
    for (const auto& c : communes) {
        const Territory* t = territoryOf(c.code);
        if (!t || !model::hasGeometry(c))
            continue;
        double lon = c.anchor.x, lat = c.anchor.y;
        ++checked;
        if (!toLonLat->Transform(1, &lon, &lat) || !t->contains(lon, lat))
            outside.push_back({&c, t, lon, lat});
    }
    if (outside.empty())
        return;
    const Landing& sample = outside.front();
    const auto n = static_cast<long long>(outside.size());
    const Message where = misplaced(sample);
    if (2 * outside.size() > checked)
        throw Error(
            ErrorKind::Geometry, Location{path},
            msg("io.territory.most_outside",
                {arg::integer("n", n), arg::integer("checked", static_cast<long long>(checked)),
                 arg::nested("where", where), arg::nested("cause", likelyCause(sample, path, layer))}));
    std::vector<Message> details;
    for (const auto& l : outside)
        details.push_back(msg("detail.commune_position", {arg::text("code", l.commune->code),
                                                          arg::nested("position", degrees(l.lon, l.lat))}));
    warnings.push_back(makeDetailedWarning(
        ErrorKind::Geometry, Location{path},
        msg("io.territory.some_outside", {arg::integer("n", n), arg::nested("where", where)}),
        std::move(details)));
}

} // namespace maillage::io
