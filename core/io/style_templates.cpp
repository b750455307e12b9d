#include "core/io/style_templates.h"

#include "core/io/geo.h"
#include "core/model/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

namespace maillage::io {

namespace {

//! The styled layers, from the top of the map to the bottom (ui::styles::styledLayers()).
const char* const kLayers[] = {
    "poles",    "liens",         "regions", "departements", "densite_medecins_generalistes",
    "communes", "bassins_de_vie"};
const char* const kDensityView = "densite_medecins_generalistes";

[[noreturn]] void fail(const std::string& gpkg, const std::string& detail) {
    throw Error(ErrorKind::Write, Location{gpkg}, msg("styles.write_failed", {arg::text("detail", detail)}));
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf()))
        throw Error(ErrorKind::CannotOpen, Location{path},
                    msg("styles.template_unreadable", {arg::path("path", path)}));
    return text.str();
}

//! The words beside the templates (words.txt: "key=value" lines).
std::map<std::string, std::string> readWords(const std::string& dir) {
    std::map<std::string, std::string> words;
    std::istringstream lines(readText(dir + "/words.txt"));
    for (std::string line; std::getline(lines, line);) {
        const auto equals = line.find('=');
        if (equals != std::string::npos)
            words[line.substr(0, equals)] = line.substr(equals + 1);
    }
    return words;
}

std::string xmlEscaped(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string printed(const char* format, double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, value);
    return buf;
}

//! "1 234,5": `plain` ("1234.5", C locale) with the words' decimal point and group separator.
std::string localised(const std::string& plain, const std::string& decimalPoint, const std::string& group) {
    if (plain.find_first_of("eEn") != std::string::npos) // exponent, nan, inf: as printed
        return plain;
    const std::size_t sign = plain[0] == '-' ? 1 : 0;
    const std::size_t dot = plain.find('.');
    const std::string integer = plain.substr(sign, (dot == std::string::npos ? plain.size() : dot) - sign);
    std::string out = plain.substr(0, sign);
    for (std::size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0)
            out += group;
        out += integer[i];
    }
    if (dot != std::string::npos)
        out += decimalPoint + plain.substr(dot + 1);
    return out;
}

//! QGIS's qgsDoubleToString: 17 decimals, trailing zeros (and point) dropped.
std::string shortest(double value) {
    std::string s = printed("%.17f", value);
    if (s.find('.') != std::string::npos) {
        std::size_t end = s.size() - 1;
        while (s[end] == '0' && end > 1)
            --end;
        if (s[end] == '.')
            --end;
        s.resize(end + 1);
    }
    return s;
}

bool scaled(double lo, double hi) {
    return lo > 0 && hi > lo; // as ui::styles::logWidthExpression: a range, else one width
}

//! An extent: xmin, ymin, xmax, ymax.
using Extent = std::array<double, 4>;

//! `e` in WGS 84 as QGIS bounds a transformed rectangle (QgsCoordinateTransform::transformBoundingBox): the
//! extremes of a grid of about 1,000 points over the rectangle.
Extent wgs84Bounds(OGRCoordinateTransformation& transform, const Extent& e) {
    const double width = e[2] - e[0], height = e[3] - e[1];
    const double d = std::sqrt(width * height / std::pow(std::sqrt(1000.0) - 1, 2.0));
    if (!(d > 0))
        return Extent{};
    const int nx = static_cast<int>(std::min(std::ceil(width / d) + 1, 1000.0));
    const int ny = static_cast<int>(std::min(std::ceil(height / d) + 1, 1000.0));
    const double dx = width / (nx - 1), dy = height / (ny - 1);
    std::vector<double> x, y;
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            x.push_back(e[0] + i * dx);
            y.push_back(e[1] + j * dy);
        }
    std::vector<int> ok(x.size());
    transform.Transform(x.size(), x.data(), y.data(), nullptr, ok.data());
    Extent w{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
             std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (std::size_t k = 0; k < x.size(); ++k) {
        if (!ok[k])
            continue;
        w = {std::min(w[0], x[k]), std::min(w[1], y[k]), std::max(w[2], x[k]), std::max(w[3], y[k])};
    }
    return w[0] <= w[2] ? w : Extent{};
}

//! The extent of each layer as QGIS reads it (gpkg_contents, else its R-tree; the density map is a view
//! of the communes), in Lambert-93 and in WGS 84.
std::map<std::string, std::pair<Extent, Extent>> extents(GDALDataset& ds) {
    std::map<std::string, std::pair<Extent, Extent>> out;
    OGRSpatialReference lambert, wgs84;
    lambert.importFromEPSG(2154);
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    lambert.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toWgs84(OGRCreateCoordinateTransformation(&lambert, &wgs84));
    for (const char* layer : kLayers) {
        if (std::string(layer) == kDensityView) // a view of the communes: theirs (below)
            continue;
        const std::string table = layer;
        const std::string sql = "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = '" +
                                table + "' AND min_x IS NOT NULL UNION ALL SELECT min(minx), min(miny), " +
                                "max(maxx), max(maxy) FROM rtree_" + table + "_geom";
        CPLPushErrorHandler(CPLQuietErrorHandler);
        OGRLayer* rows = ds.ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
        CPLPopErrorHandler();
        if (!rows)
            continue;
        if (OGRFeature* f = rows->GetNextFeature()) {
            if (f->IsFieldSetAndNotNull(0)) {
                Extent e{f->GetFieldAsDouble(0), f->GetFieldAsDouble(1), f->GetFieldAsDouble(2),
                         f->GetFieldAsDouble(3)};
                out[layer] = {e, toWgs84 ? wgs84Bounds(*toWgs84, e) : Extent{}};
            }
            OGRFeature::DestroyFeature(f);
        }
        ds.ReleaseResultSet(rows);
    }
    return out;
}

//! "2026-12-04T03:14:35" in local time (QGIS's saveDateTime), or UTC with ".000Z" (layer_styles).
std::string timestamp(bool utc) {
    const std::time_t now = std::time(nullptr);
    std::tm t{};
    if (utc)
        gmtime_r(&now, &t);
    else
        localtime_r(&now, &t);
    char buf[32];
    std::strftime(buf, sizeof buf, utc ? "%Y-%m-%dT%H:%M:%S.000Z" : "%Y-%m-%dT%H:%M:%S", &t);
    return buf;
}

//! The user as QGIS names the one who saved: login and full name (GECOS).
std::pair<std::string, std::string> user() {
    const passwd* pw = ::getpwuid(::geteuid());
    std::string login = pw && pw->pw_name ? pw->pw_name : "";
    std::string full = pw && pw->pw_gecos ? pw->pw_gecos : "";
    full = full.substr(0, full.find(','));
    return {login, full.empty() ? login : full};
}

std::string randomId() {
    std::random_device device;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x_%04x_%04x_%04x_%08x%04x", device(), device() & 0xffff,
                  (device() & 0x0fff) | 0x4000, (device() & 0x3fff) | 0x8000, device(), device() & 0xffff);
    return buf;
}

//! The element renderer-v2 of a style.
std::string rendererOf(const std::string& qml, const std::string& what) {
    const auto from = qml.find("<renderer-v2");
    const auto to = qml.find("</renderer-v2>", from);
    if (from == std::string::npos || to == std::string::npos)
        throw Error(ErrorKind::Format, Location{what},
                    msg("styles.placeholder_unfilled",
                        {arg::text("template", what), arg::code("name", "renderer-v2")}));
    return qml.substr(from, to + 14 - from);
}

//! The zip QGIS stores (a .qgz holding the project), as hexadecimal text.
std::string zippedHex(const std::string& gpkg, const std::string& qgs) {
    const std::string zip = "/vsimem/maillage_project_" + std::to_string(::getpid()) + ".qgz";
    void* handle = CPLCreateZip(zip.c_str(), nullptr);
    bool ok = handle && CPLCreateFileInZip(handle, "maillage.qgs", nullptr) == CE_None &&
              CPLWriteFileInZip(handle, qgs.data(), static_cast<int>(qgs.size())) == CE_None &&
              CPLCloseFileInZip(handle) == CE_None;
    if (handle)
        ok = CPLCloseZip(handle) == CE_None && ok;
    vsi_l_offset size = 0;
    GByte* bytes = ok ? VSIGetMemFileBuffer(zip.c_str(), &size, FALSE) : nullptr;
    std::string hex;
    if (bytes) {
        static const char digits[] = "0123456789abcdef";
        hex.reserve(size * 2);
        for (vsi_l_offset i = 0; i < size; ++i) {
            hex += digits[bytes[i] >> 4];
            hex += digits[bytes[i] & 15];
        }
    }
    VSIUnlink(zip.c_str());
    if (hex.empty())
        fail(gpkg, "the QGIS project cannot be zipped");
    return hex;
}

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

//! layer_styles, created as QGIS creates it through GDAL when absent.
OGRLayer* styleTable(GDALDataset& ds, const std::string& gpkg) {
    if (OGRLayer* existing = ds.GetLayerByName("layer_styles"))
        return existing;
    OGRLayer* layer = ds.CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
    if (!layer)
        fail(gpkg, "layer_styles cannot be created");
    auto field = [&](const char* name, OGRFieldType type, int width) {
        OGRFieldDefn f(name, type);
        f.SetWidth(width);
        if (std::string(name) == "update_time")
            f.SetDefault("CURRENT_TIMESTAMP");
        if (layer->CreateField(&f) != OGRERR_NONE)
            fail(gpkg, std::string("layer_styles.") + name + " cannot be created");
    };
    field("f_table_catalog", OFTString, 256);
    field("f_table_schema", OFTString, 256);
    field("f_table_name", OFTString, 256);
    field("f_geometry_column", OFTString, 256);
    field("styleName", OFTString, 30);
    field("styleQML", OFTString, 0);
    field("styleSLD", OFTString, 0);
    OGRFieldDefn asDefault("useAsDefault", OFTInteger);
    asDefault.SetSubType(OFSTBoolean);
    if (layer->CreateField(&asDefault) != OGRERR_NONE)
        fail(gpkg, "layer_styles.useAsDefault cannot be created");
    field("description", OFTString, 0);
    field("owner", OFTString, 30);
    field("ui", OFTString, 30);
    field("update_time", OFTDateTime, 0);
    return layer;
}

//! `pattern` with "%1" replaced by `value`.
std::string withNumber(std::string pattern, const std::string& value) {
    const auto at = pattern.find("%1");
    return at == std::string::npos ? pattern : pattern.replace(at, 2, value);
}

} // namespace

std::string styleTemplateWord(const std::string& dir, const std::string& key) {
    const std::map<std::string, std::string> words = readWords(dir);
    const auto it = words.find(key);
    return it == words.end() ? std::string() : it->second;
}

std::string fillTemplate(std::string text, const std::vector<std::pair<std::string, std::string>>& values,
                         const std::string& what) {
    for (const auto& [name, value] : values) {
        const std::string placeholder = "@@" + name + "@@";
        for (auto at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size()))
            text.replace(at, placeholder.size(), value);
    }
    const auto left = text.find("@@");
    if (left != std::string::npos) {
        const auto end = text.find("@@", left + 2);
        throw Error(
            ErrorKind::Format, Location{what},
            msg("styles.placeholder_unfilled",
                {arg::text("template", what),
                 arg::code("name", text.substr(left, end == std::string::npos ? 2 : end + 2 - left))}));
    }
    return text;
}

std::string styleTemplatesDir(const std::string& root, Language language) {
    const std::string dir = root + (language == Language::Fr ? "/fr" : "/en");
    struct stat st {};
    return ::stat((dir + "/project.qgs").c_str(), &st) == 0 ? dir : std::string();
}

const char* const kGpkgDriver[] = {"GPKG", nullptr};

void writeStylesFromTemplates(const std::string& gpkg, const std::string& dir, const StyleValues& v) {
    ensureGdalGeoPackage();
    const std::map<std::string, std::string> words = readWords(dir);
    auto word = [&](const char* key) {
        const auto it = words.find(key);
        return it == words.end() ? std::string() : it->second;
    };
    const std::string point = word("decimal_point"), group = word("group_separator"),
                      legendGroup = word("legend_group_separator");

    // The values of every placeholder.
    std::vector<std::pair<std::string, std::string>> values;
    for (std::size_t t = 0; t < v.counts.size(); ++t)
        values.emplace_back("COUNT_" + std::to_string(t),
                            localised(std::to_string(v.counts[t]), point, group));
    // QLocale::toString(double): 6 significant digits, grouped.
    values.emplace_back("ISOLATION",
                        xmlEscaped(withNumber(word(v.isolationMinutes ? "isolation_min" : "isolation_km"),
                                              localised(printed("%.6g", v.isolation), point, group))));
    values.emplace_back("VINTAGE", std::to_string(v.mapVintage));
    const bool intensity = scaled(v.intensityLo, v.intensityHi), volume = scaled(v.volumeLo, v.volumeHi);
    if (intensity) {
        values.emplace_back("LOG_INTENSITY_LO", printed("%.10g", std::log10(v.intensityLo)));
        values.emplace_back("LOG_INTENSITY_HI", printed("%.10g", std::log10(v.intensityHi)));
    }
    if (volume) {
        values.emplace_back("LOG_VOLUME_LO", printed("%.10g", std::log10(v.volumeLo)));
        values.emplace_back("LOG_VOLUME_HI", printed("%.10g", std::log10(v.volumeHi)));
    }
    for (std::size_t i = 0; i < v.densityLimits.size(); ++i) {
        const std::string n = "DLIMIT_" + std::to_string(i);
        // Suffixed names first: "@@DLIMIT_0@@" is no prefix of them, but keep the order plain.
        values.emplace_back(n + "_SLD", shortest(v.densityLimits[i]));
        values.emplace_back(n + "_TEXT", localised(printed("%.1f", v.densityLimits[i]), point, legendGroup));
        values.emplace_back(n, printed("%.15f", v.densityLimits[i]));
    }
    values.emplace_back("SECRECY_THRESHOLD",
                        localised(printed("%.0f", v.secrecyThreshold), point, legendGroup));

    const int classes = v.densityLimits.empty() ? 0 : static_cast<int>(v.densityLimits.size()) - 1;
    if (classes > 5)
        fail(gpkg, "more than 5 density classes");
    auto styleFile = [&](const std::string& layer) {
        if (layer == "liens")
            return dir + "/liens-" + std::to_string(intensity) + std::to_string(volume);
        if (layer == kDensityView)
            return dir + "/density-" + std::to_string(classes) + "-" + std::to_string(v.densityMasked) +
                   std::to_string(v.densityZero);
        return dir + "/" + layer;
    };

    GDALDataset* opened = static_cast<GDALDataset*>(
        GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, kGpkgDriver, nullptr, nullptr));
    if (!opened)
        fail(gpkg, CPLGetLastErrorMsg());
    const std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(opened,
                                                                  [](GDALDataset* d) { GDALClose(d); });

    // The project's own values: the file, title, ids, extents, who saved it and when.
    const std::string base = gpkg.substr(gpkg.find_last_of('/') + 1);
    const std::string stem = base.size() > 5 && base.compare(base.size() - 5, 5, ".gpkg") == 0
                                 ? base.substr(0, base.size() - 5)
                                 : base;
    std::vector<std::pair<std::string, std::string>> project = values;
    project.emplace_back("FILE", xmlEscaped(stem));
    project.emplace_back("TITLE", xmlEscaped(stem));
    const auto [login, fullName] = user();
    const std::string now = timestamp(false);
    project.emplace_back("SAVEUSERFULL", xmlEscaped(fullName));
    project.emplace_back("SAVEUSER", xmlEscaped(login));
    project.emplace_back("AUTHOR", xmlEscaped(fullName));
    project.emplace_back("SAVEDATETIME", now);
    project.emplace_back("CREATION", now);
    const auto layerExtents = extents(*ds);
    for (const char* layer : kLayers) {
        project.emplace_back(std::string("ID_") + layer, std::string(layer) + "_" + randomId());
        auto it = layerExtents.find(layer);
        if (it == layerExtents.end()) // a layer without any geometry (outlines not given): the communes'
            it = layerExtents.find("communes");
        const Extent e = it == layerExtents.end() ? Extent{} : it->second.first;
        const Extent w = it == layerExtents.end() ? Extent{} : it->second.second;
        const char* corners[] = {"xmin", "ymin", "xmax", "ymax"};
        for (int c = 0; c < 4; ++c) {
            project.emplace_back(std::string("EXTENT_") + layer + "_" + corners[c], shortest(e[c]));
            project.emplace_back(std::string("WGS84_") + layer + "_" + corners[c], shortest(w[c]));
        }
    }

    // layer_styles: ours of a previous write replaced, one default style per layer.
    OGRLayer* styles = styleTable(*ds, gpkg);
    const std::string updated = timestamp(true);
    ds->StartTransaction();
    for (const char* layer : kLayers) {
        const std::string file = styleFile(layer);
        const std::string qml = fillTemplate(readText(file + ".qml"), values, file + ".qml");
        const std::string sld = fillTemplate(readText(file + ".sld"), values, file + ".sld");
        if (std::string(layer) == "liens" || layer == std::string(kDensityView))
            project.emplace_back(std::string("RENDERER_") + layer, rendererOf(qml, file + ".qml"));
        const std::string remove =
            "DELETE FROM layer_styles WHERE f_table_name = " + quoted(layer) + " AND styleName = 'maillage'";
        ds->ExecuteSQL(remove.c_str(), nullptr, nullptr);
        OGRFeature row(styles->GetLayerDefn());
        row.SetField("f_table_catalog", "");
        row.SetField("f_table_schema", "");
        row.SetField("f_table_name", layer);
        row.SetField("f_geometry_column", "geom");
        row.SetField("styleName", "maillage");
        row.SetField("styleQML", qml.c_str());
        row.SetField("styleSLD", sld.c_str());
        row.SetField("useAsDefault", 1);
        row.SetField("description", "Maillage");
        row.SetField("owner", "");
        row.SetField("update_time", updated.c_str());
        if (styles->CreateFeature(&row) != OGRERR_NONE)
            fail(gpkg, std::string("the style of ") + layer + " cannot be saved: " + CPLGetLastErrorMsg());
    }

    // qgis_projects, as QGIS's GeoPackage project storage writes it.
    const std::string qgs = fillTemplate(readText(dir + "/project.qgs"), project, dir + "/project.qgs");
    const std::string metadata =
        "{\"last_modified_time\": \"" + now + "\", \"last_modified_user\": \"" + login + "\" }";
    ds->ExecuteSQL(
        "CREATE TABLE IF NOT EXISTS qgis_projects(name TEXT PRIMARY KEY, metadata BLOB, content BLOB)",
        nullptr, nullptr);
    ds->ExecuteSQL("DELETE FROM qgis_projects WHERE name = 'maillage'", nullptr, nullptr);
    const std::string insert = "INSERT INTO qgis_projects VALUES ('maillage', " + quoted(metadata) + ", " +
                               quoted(zippedHex(gpkg, qgs)) + ")";
    CPLErrorReset();
    ds->ExecuteSQL(insert.c_str(), nullptr, nullptr);
    if (CPLGetLastErrorType() >= CE_Failure)
        fail(gpkg, std::string("the QGIS project cannot be saved: ") + CPLGetLastErrorMsg());
    if (ds->CommitTransaction() != OGRERR_NONE)
        fail(gpkg, CPLGetLastErrorMsg());
}

} // namespace maillage::io
