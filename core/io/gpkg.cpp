#include "core/io/gpkg.h"
#include "core/io/gdal_util.h"

#include "core/model/text.h"

#include "core/io/atomic_file.h"
#include "core/io/facilities.h"
#include "core/io/geo.h"
#include "core/io/gpkg_register.h"
#include "core/io/gpkg_scenarios.h"
#include "core/io/postgis.h"
#include "core/io/sqlite_rows.h"
#include "core/io/table_writer_gdal.h"
#include "core/model/error.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

namespace maillage::io {

namespace {

constexpr const char* kCommunes = "communes";
constexpr const char* kBassins = "bassins_de_vie";
constexpr const char* kZones = "zones";

std::vector<std::string> splitNonEmpty(const std::string& s, const std::string& sep) {
    std::vector<std::string> out;
    if (s.empty())
        return out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t p = s.find(sep, start);
        out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
        if (p == std::string::npos)
            break;
        start = p + sep.size();
    }
    return out;
}

std::string joinStrings(const std::vector<std::string>& parts, const std::string& sep) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i)
            s += sep;
        s += parts[i];
    }
    return s;
}

// ---------------------------------------------------------------------------------------------------
// Temporary files

void removeTemporary(const std::string& tmp) {
    for (const char* ext : {"", "-journal", "-wal", "-shm"}) {
        std::error_code ec;
        std::filesystem::remove(tmp + ext, ec);
    }
}

//! Tests of the clean-up on SIGTERM/SIGINT need a write that is under way when the signal arrives,
//! whatever the machine's speed: with MAILLAGE_TEST_STOP_WHILE_WRITING set, the process stops itself
//! (SIGSTOP) with the temporary file written, and the test sends the signal, then SIGCONT.
void stopForSignalTests() {
    if (std::getenv("MAILLAGE_TEST_STOP_WHILE_WRITING"))
        ::raise(SIGSTOP);
}

//! SQLite pages of 64 KiB for a GeoPackage made here, then the pragmas the user asks GDAL for (its
//! OGR_SQLITE_PRAGMA; a page size of theirs wins, coming after): writing a national dataset, then reading
//! it back for its results and spatial indexes, went through 135,000 reads and writes of 4 KiB pages
//! (72,000 now; 0.1 s less system time, a file 3 % smaller). Any page size is a valid GeoPackage; the
//! tables are the same. First, as SQLite takes a page size only before anything else is set.
std::string largePagesPragma() {
    const std::string user = CPLGetConfigOption("OGR_SQLITE_PRAGMA", "");
    return user.empty() ? "page_size=65536" : "page_size=65536," + user;
}

//! Runs `body` on a temporary GeoPackage beside `path` (fresh when `copyFrom` is empty, else a copy of
//! it opened for update), then renames it over `path`. Any failure removes the temporary file and throws
//! Error(Write) naming `path` (Canceled passes through).
void atomicWrite(const std::string& path, const std::string& copyFrom,
                 const std::function<void(GDALDataset&, const std::string&)>& body) {
    ensureGdalGeoPackage();
    checkOutputPath(path);
    removeStaleTemporaries(path);
    const std::string tmp = temporaryPathFor(path);
    const TemporaryGuard guard(tmp);
    try {
        GdalErrorCollector gdalErrors;
        GDALDatasetUniquePtr ds;
        if (copyFrom.empty()) {
            GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
            if (!driver)
                throw Error(ErrorKind::Internal, Location{path}, msg("gpkg.driver_missing"));
            const ScopedGdalConfig pages("OGR_SQLITE_PRAGMA", largePagesPragma().c_str());
            ds.reset(driver->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        } else {
            std::error_code ec;
            std::filesystem::copy_file(copyFrom, tmp, std::filesystem::copy_options::overwrite_existing, ec);
            if (ec)
                throw Error(
                    ErrorKind::Write, Location{path},
                    msg("gpkg.temporary_failed", {arg::path("tmp", tmp), arg::text("reason", ec.message())}));
            const char* drivers[] = {"GPKG", nullptr};
            ds.reset(GDALDataset::Open(tmp.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers));
        }
        if (!ds)
            throw Error(
                ErrorKind::Write, Location{path},
                msg("gpkg.temporary_failed", {arg::path("tmp", tmp), arg::text("reason", lastGdalError())}));
        body(*ds, tmp);
        stopForSignalTests();
        CPLErrorReset();
        ds.reset(); // closes: builds deferred spatial indexes, flushes
        if (CPLGetLastErrorType() >= CE_Failure)
            throw Error(
                ErrorKind::Write, Location{path},
                msg("gpkg.close_failed", {arg::path("tmp", tmp), arg::text("reason", lastGdalError())}));
        if (std::rename(tmp.c_str(), path.c_str()) != 0)
            throw Error(ErrorKind::Write, Location{path},
                        msg("gpkg.rename_failed", {arg::path("tmp", tmp), arg::path("path", path),
                                                   arg::text("reason", std::strerror(errno))}));
    } catch (const Error& e) {
        removeTemporary(tmp);
        if (e.kind() == ErrorKind::Canceled || (e.kind() == ErrorKind::Write && e.where().file == path))
            throw;
        throw Error(ErrorKind::Write, Location{path},
                    msg("gpkg.write_failed_because", {arg::text("reason", e.detail())}));
    } catch (const std::exception& e) {
        removeTemporary(tmp);
        throw Error(ErrorKind::Write, Location{path},
                    msg("gpkg.write_failed_because", {arg::text("reason", e.what())}));
    } catch (...) {
        removeTemporary(tmp);
        throw Error(ErrorKind::Write, Location{path}, msg("gpkg.write_failed"));
    }
}

// ---------------------------------------------------------------------------------------------------
// Writing

struct FieldSpec {
    const char* name;
    OGRFieldType type;
};

class Writer {
public:
    Writer(GDALDataset& ds, std::string path, Feedback* feedback)
        : m_ds(ds), m_path(std::move(path)), m_fb(feedback) {
        m_srs.importFromEPSG(model::kWorkingEpsg);
        m_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }

    //! Throws Error(Write) naming the dataset: `id` says "cannot write the dataset: " and what failed.
    [[noreturn]] void fail(const char* id, std::vector<MessageArg> args = {}) const {
        throw Error(ErrorKind::Write, Location{m_path}, msg(id, std::move(args)));
    }

    OGRLayer* createLayer(const char* name, bool spatial, std::initializer_list<FieldSpec> fields) {
        return createLayer(name, spatial ? wkbMultiPolygon : wkbNone, fields);
    }

    //! A layer of `geometry` type (wkbNone: an attribute table) in Lambert-93, with `fields`.
    OGRLayer* createLayer(const char* name, OGRwkbGeometryType geometry,
                          std::initializer_list<FieldSpec> fields) {
        const bool spatial = geometry != wkbNone;
        CPLStringList options;
        options.SetNameValue("FID", "fid");
        if (spatial) {
            options.SetNameValue("GEOMETRY_NAME", "geom");
            options.SetNameValue("SPATIAL_INDEX", "YES");
        }
        OGRLayer* layer = m_ds.CreateLayer(name, spatial ? &m_srs : nullptr, geometry, options.List());
        if (!layer)
            fail("gpkg.create_layer_failed",
                 {arg::text("layer", name), arg::text("reason", lastGdalError())});
        for (const auto& f : fields) {
            OGRFieldDefn defn(f.name, f.type);
            if (layer->CreateField(&defn) != OGRERR_NONE)
                fail("gpkg.create_field_failed", {arg::text("layer", name), arg::text("field", f.name),
                                                  arg::text("reason", lastGdalError())});
        }
        return layer;
    }

    //! One transaction per layer: SQLite commits per statement otherwise, 100 times slower.
    template <class Body> void transaction(const char* layerName, Body&& body) {
        if (m_ds.StartTransaction() != OGRERR_NONE)
            fail("gpkg.transaction_failed",
                 {arg::text("layer", layerName), arg::text("reason", lastGdalError())});
        body();
        if (m_ds.CommitTransaction() != OGRERR_NONE)
            fail("gpkg.commit_failed", {arg::text("layer", layerName), arg::text("reason", lastGdalError())});
    }

    void insert(OGRLayer* layer, OGRFeature& f) {
        f.SetFID(OGRNullFID);
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            fail("gpkg.insert_failed",
                 {arg::text("layer", layer->GetName()), arg::text("reason", lastGdalError())});
    }

    //! Sets the MultiPolygon geometry of `f` from WKB (none when empty).
    void setGeometry(OGRFeature& f, const model::Wkb& wkb, const char* layer, const std::string& code) {
        if (wkb.empty()) {
            f.SetGeometryDirectly(nullptr);
            return;
        }
        OGRGeometry* g = nullptr;
        if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size(), wkbVariantIso) !=
                OGRERR_NONE ||
            !g) {
            fail("gpkg.geometry_not_wkb", {arg::text("kind", layer), arg::text("code", code)});
        }
        const auto t = wkbFlatten(g->getGeometryType());
        if (t != wkbPolygon && t != wkbMultiPolygon) {
            OGRGeometryFactory::destroyGeometry(g);
            fail("gpkg.geometry_not_polygon", {arg::text("kind", layer), arg::text("code", code)});
        }
        g = OGRGeometryFactory::forceToMultiPolygon(g);
        g->flattenTo2D();
        g->assignSpatialReference(&m_srs);
        f.SetGeometryDirectly(g);
    }

    void progress(double percent, const Message& step = {}) {
        if (!m_fb)
            return;
        if (m_fb->isCanceled())
            throw Error(ErrorKind::Canceled, Location{m_path}, msg("gpkg.write_canceled"));
        if (!step.empty())
            m_fb->setStep(step);
        m_fb->setProgress(percent);
    }

    GDALDataset& m_ds;
    std::string m_path;
    Feedback* m_fb;
    OGRSpatialReference m_srs;
};

void writeKeyValues(Writer& w, const char* name,
                    const std::vector<std::pair<std::string, std::string>>& rows) {
    OGRLayer* l = w.createLayer(name, false, {{"key", OFTString}, {"value", OFTString}});
    w.transaction(name, [&] {
        OGRFeature f(l->GetLayerDefn());
        for (const auto& [k, v] : rows) {
            f.SetField(0, k.c_str());
            f.SetField(1, v.c_str());
            w.insert(l, f);
        }
    });
}

void writeParametersLayer(Writer& w, const model::Parameters& parameters) {
    OGRLayer* l = w.createLayer("parameters", false, {{"key", OFTString}, {"value", OFTReal}});
    w.transaction("parameters", [&] {
        OGRFeature f(l->GetLayerDefn());
        for (const auto& [k, v] : parameters.toKeyValues()) {
            f.SetField(0, k.c_str());
            f.SetField(1, v);
            w.insert(l, f);
        }
    });
}

std::vector<std::pair<std::string, std::string>> metadataRows(const model::Metadata& m) {
    std::vector<std::string> vintages;
    for (int v : m.vintages)
        vintages.push_back(std::to_string(v));
    std::vector<std::pair<std::string, std::string>> rows = {
        {"title", m.title},
        {"fictional", m.fictional ? "true" : "false"},
        {"cog_year", m.cogYear ? std::to_string(m.cogYear) : std::string()},
        {"bv_vintage", m.bvVintage},
        {"sources", joinStrings(m.sources, " | ")},
        {"vintages", joinStrings(vintages, ",")},
        {"created_by", m.createdBy},
        {"created_at", m.createdAt},
    };
    for (const auto& [k, v] : m.extra)
        rows.emplace_back("extra." + k, v);
    return rows;
}

void writeCounts(Writer& w, const char* name, const char* placeField,
                 const std::vector<model::CountRecord>& counts) {
    OGRLayer* l = w.createLayer(
        name, false,
        {{placeField, OFTString}, {"profession", OFTString}, {"vintage", OFTInteger}, {"count", OFTReal}});
    w.transaction(name, [&] {
        OGRFeature f(l->GetLayerDefn());
        for (const auto& c : counts) {
            f.SetField(0, c.place.c_str());
            f.SetField(1, c.profession.c_str());
            f.SetField(2, c.vintage);
            f.SetField(3, c.count);
            w.insert(l, f);
        }
    });
}

void writeCommunes(Writer& w, const model::Dataset& d) {
    OGRLayer* communes = w.createLayer(kCommunes, true,
                                       {{"code", OFTString},
                                        {"nom", OFTString},
                                        {"population", OFTReal},
                                        {"bv", OFTString},
                                        {"dep", OFTString},
                                        {"reg", OFTString},
                                        {"anchor_x", OFTReal},
                                        {"anchor_y", OFTReal}});
    w.transaction(kCommunes, [&] {
        OGRFeature f(communes->GetLayerDefn());
        model::Wkb read; // a spooled polygon read back (model::wkbOf)
        std::size_t i = 0;
        for (const auto& c : d.communes) {
            if ((++i & 1023) == 0)
                w.progress(50.0 * static_cast<double>(i) / static_cast<double>(d.communes.size()));
            f.SetField(0, c.code.c_str());
            f.SetField(1, c.name.c_str());
            f.SetField(2, c.population);
            f.SetField(3, c.bv.c_str());
            f.SetField(4, c.dep.c_str());
            f.SetField(5, c.reg.c_str());
            f.SetField(6, c.anchor.x);
            f.SetField(7, c.anchor.y);
            w.setGeometry(f, model::wkbOf(c, read), "commune", c.code);
            w.insert(communes, f);
        }
    });
}

void writeBassins(Writer& w, const model::Dataset& d) {
    OGRLayer* bassins = w.createLayer(kBassins, true,
                                      {{"code", OFTString},
                                       {"nom", OFTString},
                                       {"dep", OFTString},
                                       {"reg", OFTString},
                                       {"population", OFTReal},
                                       {"n_communes", OFTInteger},
                                       {"communes", OFTString},
                                       {"anchor_x", OFTReal},
                                       {"anchor_y", OFTReal}});
    w.transaction(kBassins, [&] {
        OGRFeature f(bassins->GetLayerDefn());
        model::Wkb read;
        for (const auto& b : d.bassins) {
            f.SetField(0, b.code.c_str());
            f.SetField(1, b.name.c_str());
            f.SetField(2, b.dep.c_str());
            f.SetField(3, b.reg.c_str());
            f.SetField(4, b.population);
            f.SetField(5, static_cast<int>(b.communes.size()));
            f.SetField(6, joinStrings(b.communes, ",").c_str());
            f.SetField(7, b.anchor.x);
            f.SetField(8, b.anchor.y);
            w.setGeometry(f, model::wkbOf(b, read), "bassin de vie", b.code);
            w.insert(bassins, f);
        }
    });
}

void writeZones(Writer& w, const model::Dataset& d) {
    if (!d.zones.empty()) {
        w.progress(65, msg("step.write_zones"));
        OGRLayer* zones = w.createLayer(kZones, true,
                                        {{"code", OFTString},
                                         {"nom", OFTString},
                                         {"commune", OFTString},
                                         {"population", OFTReal},
                                         {"quartier", OFTString},
                                         {"quartier_nom", OFTString}});
        w.transaction(kZones, [&] {
            OGRFeature f(zones->GetLayerDefn());
            for (const auto& z : d.zones) {
                f.SetField(0, z.code.c_str());
                f.SetField(1, z.name.c_str());
                f.SetField(2, z.commune.c_str());
                f.SetField(3, z.population);
                f.SetField(4, z.quartier.c_str());
                f.SetField(5, z.quartierName.c_str());
                w.setGeometry(f, z.geometry, "zone", z.code);
                w.insert(zones, f);
            }
        });
    }
}

void writeCatalogue(Writer& w, const model::Dataset& d) {
    OGRLayer* professions = w.createLayer("professions", false,
                                          {{"code", OFTString},
                                           {"label_fr", OFTString},
                                           {"label_en", OFTString},
                                           {"grp", OFTString},
                                           {"psychiatric", OFTInteger},
                                           {"aliases", OFTString}});
    w.transaction("professions", [&] {
        OGRFeature f(professions->GetLayerDefn());
        for (const auto& p : d.catalogue.professions()) {
            f.SetField(0, p.code.c_str());
            f.SetField(1, p.labelFr.c_str());
            f.SetField(2, p.labelEn.c_str());
            f.SetField(3, p.group == model::ProfessionGroup::Proximite ? "proximite" : "pole");
            f.SetField(4, p.psychiatric ? 1 : 0);
            f.SetField(5, joinStrings(p.aliases, "|").c_str());
            w.insert(professions, f);
        }
    });
}

//! The declared cooperations: members (commune codes) comma-separated, establishments '|'-separated (their
//! names may hold commas).
void writeCooperationsLayer(Writer& w, const std::vector<model::Cooperation>& cooperations) {
    OGRLayer* coop = w.createLayer("cooperations", false,
                                   {{"name", OFTString},
                                    {"kind", OFTString},
                                    {"bassins", OFTString},
                                    {"seat", OFTString},
                                    {"start_year", OFTInteger},
                                    {"source", OFTString},
                                    {"establishments", OFTString}});
    w.transaction("cooperations", [&] {
        OGRFeature f(coop->GetLayerDefn());
        for (const auto& c : cooperations) {
            f.SetField(0, c.name.c_str());
            f.SetField(1, c.kind.c_str());
            f.SetField(2, joinStrings(c.bassins, ",").c_str());
            f.SetField(3, c.seat.c_str());
            if (c.startYear)
                f.SetField(4, c.startYear);
            else
                f.SetFieldNull(4);
            f.SetField(5, c.source.c_str());
            f.SetField(6, joinStrings(c.establishments, "|").c_str());
            w.insert(coop, f);
        }
    });
}

//! A layer `name` of `geometry` type with `fields`, one feature per row, filled by fill(feature, row).
template <class Row, class Fill>
void writeRows(Writer& w, const char* name, OGRwkbGeometryType geometry,
               std::initializer_list<FieldSpec> fields, const std::vector<Row>& rows, Fill&& fill) {
    OGRLayer* l = w.createLayer(name, geometry, fields);
    w.transaction(name, [&] {
        OGRFeature f(l->GetLayerDefn());
        for (const Row& row : rows) {
            fill(f, row);
            w.insert(l, f);
        }
    });
}

//! Cooperations and flows: the links the user loaded (travel times apart: they are the bulk).
void writeLinks(Writer& w, const model::Dataset& d) {
    writeCooperationsLayer(w, d.cooperations);

    writeRows(w, "flows", wkbNone, {{"origin", OFTString}, {"destination", OFTString}, {"volume", OFTReal}},
              d.flows, [](OGRFeature& f, const auto& x) {
                  f.SetField(0, x.origin.c_str());
                  f.SetField(1, x.destination.c_str());
                  f.SetField(2, x.volume);
              });
}

void writeTravelTimes(Writer& w, const model::Dataset& d) {
    writeRows(w, "travel_times", wkbNone,
              {{"origin", OFTString}, {"destination", OFTString}, {"minutes", OFTReal}}, d.travelTimes,
              [](OGRFeature& f, const auto& x) {
                  f.SetField(0, x.origin.c_str());
                  f.SetField(1, x.destination.c_str());
                  f.SetField(2, x.minutes);
              });
}

//! Population by commune and age band (accessibility's standardised demand): a table only when given.
void writeAgeBandTable(Writer& w, const model::Dataset& d) {
    if (d.populationByAge.empty())
        return;
    writeRows(w, "population_by_age", wkbNone,
              {{"commune", OFTString}, {"age_band", OFTString}, {"population", OFTReal}}, d.populationByAge,
              [](OGRFeature& f, const auto& x) {
                  f.SetField(0, x.commune.c_str());
                  f.SetField(1, x.band.c_str());
                  f.SetField(2, x.population);
              });
}

//! The communes around the area (`import --buffer-km`) and their counts: tables without geometry, so that
//! neither QGIS nor any analysis but accessibility takes them for communes of the area.
void writeBuffer(Writer& w, const model::Dataset& d) {
    if (d.bufferCommunes.empty())
        return;
    writeRows(w, "buffer_communes", wkbNone,
              {{"code", OFTString},
               {"nom", OFTString},
               {"population", OFTReal},
               {"bv", OFTString},
               {"dep", OFTString},
               {"reg", OFTString},
               {"x", OFTReal},
               {"y", OFTReal}},
              d.bufferCommunes, [](OGRFeature& f, const model::Commune& c) {
                  f.SetField(0, c.code.c_str());
                  f.SetField(1, c.name.c_str());
                  f.SetField(2, c.population);
                  f.SetField(3, c.bv.c_str());
                  f.SetField(4, c.dep.c_str());
                  f.SetField(5, c.reg.c_str());
                  f.SetField(6, c.anchor.x);
                  f.SetField(7, c.anchor.y);
              });
    writeCounts(w, "buffer_professionals", "commune", d.bufferCounts);
}

//! One outline per code named or dissolved: code, nom (empty when unknown), the polygon (none when unknown).
std::map<std::string, std::pair<std::string, const model::Outline*>>
areaRows(const std::map<std::string, std::string>& names, const std::vector<model::Outline>& outlines) {
    std::map<std::string, std::pair<std::string, const model::Outline*>> rows;
    for (const auto& [code, name] : names)
        rows[code].first = name;
    for (const auto& o : outlines)
        rows[o.code].second = &o;
    return rows;
}

//! Départements and régions: polygon layers (outlines dissolved at import) with their names.
void writeAreas(Writer& w, const model::Dataset& d) {
    for (const auto& [name, rows] :
         {std::pair<const char*, std::map<std::string, std::pair<std::string, const model::Outline*>>>{
              "regions", areaRows(d.regionNames, d.regionOutlines)},
          {"departements", areaRows(d.departementNames, d.departementOutlines)}}) {
        OGRLayer* l = w.createLayer(name, true, {{"code", OFTString}, {"nom", OFTString}});
        const auto* table = &rows; // lambdas cannot capture structured bindings before C++20 (clang)
        const char* layerName = name;
        w.transaction(name, [&] {
            OGRFeature f(l->GetLayerDefn());
            const model::Wkb none;
            model::Wkb read;
            for (const auto& [code, row] : *table) {
                f.SetField(0, code.c_str());
                if (row.first.empty())
                    f.SetFieldNull(1);
                else
                    f.SetField(1, row.first.c_str());
                w.setGeometry(f, row.second ? model::wkbOf(*row.second, read) : none, layerName, code);
                w.insert(l, f);
            }
        });
    }
}

void writeFacilities(Writer& w, const model::Dataset& d); // below, with the other point layers
void writeQpv(Writer& w, const model::Dataset& d);

void writeAll(const model::Dataset& d, GDALDataset& ds, const std::string& path, Feedback* feedback) {
    Writer w(ds, path, feedback);
    w.progress(0, msg("step.write_communes"));
    writeCommunes(w, d);
    w.progress(50, msg("step.write_bassins"));
    writeBassins(w, d);
    writeZones(w, d);
    w.progress(70, msg("step.write_counts"));
    writeCounts(w, "professionals", "commune", d.counts);
    writeCounts(w, "zone_professionals", "zone", d.zoneCounts);
    w.progress(90, msg("step.write_parameters"));
    writeCatalogue(w, d);
    writeParametersLayer(w, d.params);
    writeKeyValues(w, "metadata", withRegisterMetadata(metadataRows(d.meta), d.registers));
    writeLinks(w, d);
    w.progress(95);
    writeTravelTimes(w, d);
    writeAgeBandTable(w, d);
    writeBuffer(w, d);
    writeAreas(w, d);
    writeFacilities(w, d);
    writeQpv(w, d);
    writeRegisterTables(ds, path, d);
    if (!d.scenarios.empty()) // as zones and facilities: a table only when there is something in it
        writeScenariosLayer(ds, path, d.scenarios);
    w.progress(99, msg("step.finish_file"));
}

//! Deletes layer `name` of `ds` when it is there (a previous write of the results).
void dropLayer(Writer& w, GDALDataset& ds, const char* name) {
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        if (std::string(ds.GetLayer(i)->GetName()) == name) {
            if (ds.DeleteLayer(i) != OGRERR_NONE)
                w.fail("gpkg.replace_layer_failed",
                       {arg::text("layer", name), arg::text("reason", lastGdalError())});
            return;
        }
    }
}

//! Sets field `i` to `value`, or NULL when `masked`.
void setMaskable(OGRFeature& f, int i, double value, bool masked) {
    if (masked)
        f.SetFieldNull(i);
    else
        f.SetField(i, value);
}

void writePolePoints(Writer& w, const std::vector<PolePoint>& poles) {
    writeRows(w, "poles", wkbPoint,
              {{"code", OFTString},
               {"nom", OFTString},
               {"pole_type", OFTInteger},
               {"type_label", OFTString},
               {"professionals", OFTReal},
               {"isolated", OFTInteger}},
              poles, [&](OGRFeature& f, const PolePoint& p) {
                  f.SetField(0, p.bv.c_str());
                  f.SetField(1, p.name.c_str());
                  f.SetField(2, p.poleType);
                  f.SetField(3, p.typeLabel.c_str());
                  setMaskable(f, 4, p.mass, p.masked);
                  f.SetField(5, p.isolated ? 1 : 0);
                  auto* point = new OGRPoint(p.position.x, p.position.y);
                  point->assignSpatialReference(&w.m_srs);
                  f.SetGeometryDirectly(point);
              });
}

//! Health facilities per commune and kind (BPE D1xx), as points at the commune's anchor (none when the
//! commune has no position), with the kind's names: an overlay QGIS shows as it is.
void writeFacilities(Writer& w, const model::Dataset& d) {
    if (d.facilities.empty())
        return;
    writeRows(w, "equipements", wkbPoint,
              {{"commune", OFTString},
               {"kind", OFTString},
               {"label_fr", OFTString},
               {"label_en", OFTString},
               {"vintage", OFTInteger},
               {"count", OFTReal}},
              d.facilities, [&](OGRFeature& f, const model::FacilityCount& x) {
                  const FacilityKind* kind = findFacilityKind(x.kind);
                  f.SetField(0, x.commune.c_str());
                  f.SetField(1, x.kind.c_str());
                  f.SetField(2, kind ? kind->labelFr.c_str() : x.kind.c_str());
                  f.SetField(3, kind ? kind->labelEn.c_str() : x.kind.c_str());
                  f.SetField(4, x.vintage);
                  f.SetField(5, x.count);
                  const model::Commune* c = d.commune(x.commune);
                  if (c && model::hasPosition(c->anchor)) {
                      auto* point = new OGRPoint(c->anchor.x, c->anchor.y);
                      point->assignSpatialReference(&w.m_srs);
                      f.SetGeometryDirectly(point);
                  } else {
                      f.SetGeometryDirectly(nullptr);
                  }
              });
}

//! The quartiers prioritaires: an overlay of polygons with their main commune, population and anchor.
void writeQpv(Writer& w, const model::Dataset& d) {
    if (d.qpvs.empty())
        return;
    writeRows(w, "qpv", wkbMultiPolygon,
              {{"code", OFTString},
               {"nom", OFTString},
               {"commune", OFTString},
               {"population", OFTReal},
               {"anchor_x", OFTReal},
               {"anchor_y", OFTReal}},
              d.qpvs, [&](OGRFeature& f, const model::Qpv& q) {
                  f.SetField(0, q.code.c_str());
                  f.SetField(1, q.name.c_str());
                  f.SetField(2, q.commune.c_str());
                  f.SetField(3, q.population);
                  f.SetField(4, q.anchor.x);
                  f.SetField(5, q.anchor.y);
                  w.setGeometry(f, q.geometry, "qpv", q.code);
              });
}

void writeLinkLines(Writer& w, const std::vector<LinkLine>& links) {
    writeRows(w, "liens", wkbLineString,
              {{"kind", OFTString},
               {"origin", OFTString},
               {"destination", OFTString},
               {"intensity", OFTReal},
               {"dominant", OFTInteger},
               {"volume", OFTReal},
               {"cooperation", OFTString}},
              links, [&](OGRFeature& f, const LinkLine& k) {
                  f.SetField(0, k.kind.c_str());
                  f.SetField(1, k.origin.c_str());
                  f.SetField(2, k.destination.c_str());
                  setMaskable(f, 3, k.intensity, k.masked);
                  f.SetField(4, k.dominant ? 1 : 0);
                  setMaskable(f, 5, k.volume, k.masked);
                  f.SetField(6, k.cooperation.c_str());
                  auto* line = new OGRLineString();
                  line->addPoint(k.from.x, k.from.y);
                  line->addPoint(k.to.x, k.to.y);
                  line->assignSpatialReference(&w.m_srs);
                  f.SetGeometryDirectly(line);
              });
}

//! One BV's classification into its feature (`idx`: pole_type, pole_label, total, pole_share, psy_share,
//! reason); masked figures are NULL and the reason is the type's label alone.
void setClassificationFields(OGRFeature& f, const int (&idx)[6], const BassinClassificationFields& c) {
    f.SetField(idx[0], c.poleType);
    f.SetField(idx[1], c.poleLabel.c_str());
    if (c.masked) {
        for (int k = 2; k < 5; ++k)
            f.SetFieldNull(idx[k]);
        f.SetField(idx[5], c.poleLabel.c_str());
        return;
    }
    f.SetField(idx[2], c.total);
    setMaskable(f, idx[3], c.poleShare, c.poleShareMasked);
    setMaskable(f, idx[4], c.psyShare, c.psyShareMasked || !c.psyCounted); // uncounted: unknown, NULL
    f.SetField(idx[5], c.reason.c_str());
}

// ---------------------------------------------------------------------------------------------------
// Reading

class Reader {
public:
    Reader(GDALDataset& ds, std::string path, bool geometries = true)
        : m_ds(ds), m_path(std::move(path)), m_geometries(geometries) {}

    OGRLayer* layer(const char* name, bool required) {
        OGRLayer* l = m_ds.GetLayerByName(name);
        if (!l && required) {
            std::string names;
            for (auto* x : m_ds.GetLayers())
                names += (names.empty() ? "" : ", ") + std::string(x->GetName());
            if (names.empty())
                throw Error(ErrorKind::Format, Location{m_path},
                            msg("gpkg.layer_missing_none", {arg::code("layer", name)}));
            throw Error(ErrorKind::Format, Location{m_path},
                        msg("gpkg.layer_missing", {arg::code("layer", name), arg::text("found", names)}));
        }
        if (l) {
            // Attributes only: the polygons are not even fetched from SQLite.
            const char* noGeometry[] = {"OGR_GEOMETRY", nullptr};
            l->SetIgnoredFields(m_geometries ? nullptr : noGeometry);
            l->ResetReading();
        }
        return l;
    }

    static int field(OGRLayer* l, const char* name) { return l->GetLayerDefn()->GetFieldIndex(name); }

    int requireField(OGRLayer* l, const char* name) {
        const int i = field(l, name);
        if (i < 0)
            throw Error(
                ErrorKind::Format, Location{m_path, 0, name},
                msg("gpkg.field_missing", {arg::code("layer", l->GetName()), arg::code("field", name)}));
        return i;
    }

    static std::string str(const OGRFeature& f, int i) {
        return i >= 0 && f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i)) : std::string();
    }
    static double num(const OGRFeature& f, int i, double fallback = 0) {
        return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsDouble(i) : fallback;
    }

    //! Geometry of `f` as ISO WKB MultiPolygon in Lambert-93 (empty when none).
    model::Wkb geometry(OGRFeature& f, OGRLayer* l, bool* anchorOk, model::Point* anchor) {
        OGRGeometry* g = f.GetGeometryRef();
        if (!g || g->IsEmpty())
            return {};
        GeomPtr owned(f.StealGeometry());
        if (const OGRSpatialReference* srs = l->GetSpatialRef(); srs && !srs->IsSame(&workingSrs())) {
            auto& ct = m_transforms[l];
            if (!ct) {
                std::unique_ptr<OGRSpatialReference> src(srs->Clone());
                src->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
                ct.reset(OGRCreateCoordinateTransformation(src.get(), &workingSrs()));
            }
            if (!ct || owned->transform(ct.get()) != OGRERR_NONE)
                throw Error(ErrorKind::Geometry, Location{m_path, 0, "", static_cast<long>(f.GetFID())},
                            msg("gpkg.not_reprojectable", {arg::text("fid", std::to_string(f.GetFID())),
                                                           arg::text("layer", l->GetName())}));
        }
        if (wkbFlatten(owned->getGeometryType()) != wkbMultiPolygon)
            owned.reset(OGRGeometryFactory::forceToMultiPolygon(owned.release()));
        owned->flattenTo2D();
        if (anchorOk && anchor && !*anchorOk) {
            if (OGRGeometryH p = OGR_G_PointOnSurface(OGRGeometry::ToHandle(owned.get()))) {
                GeomPtr pt(OGRGeometry::FromHandle(p));
                if (!pt->IsEmpty() && wkbFlatten(pt->getGeometryType()) == wkbPoint) {
                    anchor->x = pt->toPoint()->getX();
                    anchor->y = pt->toPoint()->getY();
                    *anchorOk = true;
                }
            }
        }
        model::Wkb wkb(owned->WkbSize());
        owned->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
        return wkb;
    }

    //! Lambert-93, built on first use: PROJ's database costs 25-70 ms to open, and attribute-only reads
    //! never need it.
    const OGRSpatialReference& workingSrs() {
        if (!m_srs) {
            m_srs = std::make_unique<OGRSpatialReference>();
            m_srs->importFromEPSG(model::kWorkingEpsg);
            m_srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        }
        return *m_srs;
    }

    GDALDataset& m_ds;
    std::string m_path;
    bool m_geometries;
    std::unique_ptr<OGRSpatialReference> m_srs;
    std::unordered_map<OGRLayer*, std::unique_ptr<OGRCoordinateTransformation>> m_transforms;
};

//! Row k's columns of a feature read by GDAL, by position in the columns asked for (as SqliteRows).
class FeatureRow {
public:
    FeatureRow(const OGRFeature& f, const std::vector<int>& fields) : m_f(f), m_fields(fields) {}
    std::string text(int k) const { return Reader::str(m_f, m_fields[static_cast<std::size_t>(k)]); }
    double number(int k, double fallback = 0) const {
        return Reader::num(m_f, m_fields[static_cast<std::size_t>(k)], fallback);
    }
    bool isNull(int k) const {
        const int i = m_fields[static_cast<std::size_t>(k)];
        return i < 0 || !m_f.IsFieldSetAndNotNull(i);
    }

private:
    const OGRFeature& m_f;
    const std::vector<int>& m_fields;
};

//! Calls visit(row) for every row of `l` with the attribute `fields` (indexes, -1 = absent): through
//! SQLite directly when it can (several times faster for large tables), else through GDAL.
template <typename Visit>
void forEachAttributeRow(Reader& r, OGRLayer* l, const std::vector<int>& fields, Visit&& visit) {
    const OGRFeatureDefn* defn = l->GetLayerDefn();
    std::vector<std::string> columns;
    for (int i : fields)
        columns.push_back(i >= 0 ? defn->GetFieldDefn(i)->GetNameRef() : "");
    if (auto rows = SqliteRows::open(r.m_path, l->GetName(), columns, l->GetFIDColumn())) {
        while (rows->next())
            visit(*rows);
        if (rows->done())
            return;
        throw Error(ErrorKind::Format, Location{r.m_path},
                    msg("gpkg.layer_unreadable", {arg::code("layer", l->GetName())}));
    }
    l->ResetReading();
    for (auto& f : *l)
        visit(FeatureRow(*f, fields));
}

std::vector<model::CountRecord> readCounts(Reader& r, const char* name, const char* placeField) {
    std::vector<model::CountRecord> out;
    OGRLayer* l = r.layer(name, false);
    if (!l)
        return out;
    const int place = r.requireField(l, placeField), prof = r.requireField(l, "profession");
    const int vintage = r.requireField(l, "vintage"), count = r.requireField(l, "count");
    const GIntBig n = l->GetFeatureCount(TRUE);
    if (n > 0)
        out.reserve(static_cast<std::size_t>(n));
    forEachAttributeRow(r, l, {place, prof, vintage, count}, [&](const auto& row) {
        model::CountRecord c;
        c.place = row.text(0);
        c.profession = row.text(1);
        c.vintage = static_cast<int>(row.number(2));
        c.count = row.number(3);
        out.push_back(std::move(c));
    });
    return out;
}

bool parseBool(const std::string& s) {
    return s == "true" || s == "1" || s == "yes" || s == "TRUE" || s == "True";
}

//! Progress and cancellation of readDataset.
class ReadProgress {
public:
    ReadProgress(Feedback* feedback, const std::string& path) : m_feedback(feedback), m_path(path) {}
    void operator()(double percent, const Message& step) const {
        if (!m_feedback)
            return;
        if (m_feedback->isCanceled())
            throw Error(ErrorKind::Canceled, Location{m_path}, msg("gpkg.read_canceled"));
        if (!step.empty())
            m_feedback->setStep(step);
        m_feedback->setProgress(percent);
    }

private:
    Feedback* m_feedback;
    const std::string& m_path;
};

//! The fields communes and bassins de vie share: code, nom, dep, reg, population, anchor and geometry.
class PlaceFields {
public:
    PlaceFields(Reader& r, OGRLayer* layer)
        : m_reader(r), m_layer(layer), m_code(r.requireField(layer, "code")),
          m_nom(Reader::field(layer, "nom")), m_dep(Reader::field(layer, "dep")),
          m_reg(Reader::field(layer, "reg")), m_pop(Reader::field(layer, "population")),
          m_ax(Reader::field(layer, "anchor_x")), m_ay(Reader::field(layer, "anchor_y")) {}

    //! The fields `attributes` reads, in its order.
    std::vector<int> attributeFields() const { return {m_code, m_nom, m_dep, m_reg, m_pop, m_ax, m_ay}; }

    //! Everything but the polygon, from a row of attributeFields() (SqliteRows or FeatureRow).
    template <typename Row, typename Place> static void attributes(const Row& row, Place& p) {
        p.code = row.text(0);
        p.name = row.text(1);
        p.dep = row.text(2);
        p.reg = row.text(3);
        p.population = row.number(4);
        if (!row.isNull(5) && !row.isNull(6))
            p.anchor = {row.number(5), row.number(6)};
    }

    template <typename Place> void read(OGRFeature& f, Place& p) const {
        const std::vector<int> fields = attributeFields();
        const FeatureRow row(f, fields);
        attributes(row, p);
        // The stored anchor wins; without one, a point on the surface.
        bool anchorOk = !row.isNull(5) && !row.isNull(6);
        p.geometry = m_reader.geometry(f, m_layer, &anchorOk, &p.anchor);
    }

private:
    Reader& m_reader;
    OGRLayer* m_layer;
    int m_code, m_nom, m_dep, m_reg, m_pop, m_ax, m_ay;
};

void readCommunes(model::Dataset& d, Reader& r, const ReadProgress& progress) {
    OGRLayer* communes = r.layer(kCommunes, true);
    const PlaceFields fields(r, communes);
    const int bv = Reader::field(communes, "bv");
    const GIntBig n = communes->GetFeatureCount(TRUE);
    if (n > 0)
        d.communes.reserve(static_cast<std::size_t>(n));
    std::size_t i = 0;
    const auto add = [&](model::Commune&& c) {
        if ((++i & 1023) == 0 && n > 0)
            progress(60.0 * static_cast<double>(i) / static_cast<double>(n), {});
        d.communes.push_back(std::move(c));
    };
    if (!r.m_geometries) {
        std::vector<int> columns = fields.attributeFields();
        columns.push_back(bv);
        forEachAttributeRow(r, communes, columns, [&](const auto& row) {
            model::Commune c;
            PlaceFields::attributes(row, c);
            c.bv = row.text(7);
            add(std::move(c));
        });
        return;
    }
    for (auto& f : *communes) {
        model::Commune c;
        fields.read(*f, c);
        c.bv = Reader::str(*f, bv);
        add(std::move(c));
    }
}

void readBassins(model::Dataset& d, Reader& r) {
    OGRLayer* bassins = r.layer(kBassins, true);
    const PlaceFields fields(r, bassins);
    const int list = Reader::field(bassins, "communes");
    for (auto& f : *bassins) {
        model::Bassin b;
        fields.read(*f, b);
        if (list >= 0)
            b.communes = splitNonEmpty(Reader::str(*f, list), ",");
        d.bassins.push_back(std::move(b));
    }
    if (list < 0) {
        // Edited without the list: members are the communes pointing at the BV.
        std::unordered_map<std::string, std::size_t> idx;
        for (std::size_t k = 0; k < d.bassins.size(); ++k)
            idx.emplace(d.bassins[k].code, k);
        for (const auto& c : d.communes)
            if (auto it = idx.find(c.bv); it != idx.end())
                d.bassins[it->second].communes.push_back(c.code);
    }
}

void readZones(model::Dataset& d, Reader& r) {
    OGRLayer* zones = r.layer(kZones, false);
    if (!zones)
        return;
    const int code = r.requireField(zones, "code");
    const int nom = Reader::field(zones, "nom"), commune = Reader::field(zones, "commune");
    const int pop = Reader::field(zones, "population");
    const int quartier = Reader::field(zones, "quartier"),
              quartierName = Reader::field(zones, "quartier_nom");
    for (auto& f : *zones) {
        model::Zone z;
        z.code = Reader::str(*f, code);
        z.name = Reader::str(*f, nom);
        z.commune = Reader::str(*f, commune);
        z.population = Reader::num(*f, pop);
        z.quartier = Reader::str(*f, quartier);
        z.quartierName = Reader::str(*f, quartierName);
        z.geometry = r.geometry(*f, zones, nullptr, nullptr);
        d.zones.push_back(std::move(z));
    }
}

void readCatalogue(model::Dataset& d, Reader& r) {
    OGRLayer* l = r.layer("professions", false);
    if (!l) {
        d.catalogue = model::ProfessionCatalogue::builtin();
        return;
    }
    const int code = r.requireField(l, "code");
    const int fr = Reader::field(l, "label_fr"), en = Reader::field(l, "label_en");
    const int grp = Reader::field(l, "grp"), psy = Reader::field(l, "psychiatric");
    const int aliases = Reader::field(l, "aliases");
    for (auto& f : *l) {
        model::Profession p;
        p.code = Reader::str(*f, code);
        if (p.code.empty())
            continue;
        p.labelFr = Reader::str(*f, fr);
        p.labelEn = Reader::str(*f, en);
        const std::string g = Reader::str(*f, grp);
        p.group = (g == "proximite" || g == "proximité") ? model::ProfessionGroup::Proximite
                                                         : model::ProfessionGroup::Pole;
        p.psychiatric = Reader::num(*f, psy) != 0;
        p.aliases = splitNonEmpty(Reader::str(*f, aliases), "|");
        d.catalogue.add(std::move(p));
    }
}

void readParametersLayer(model::Dataset& d, Reader& r) {
    OGRLayer* l = r.layer("parameters", false);
    if (!l)
        return;
    const int key = r.requireField(l, "key"), value = r.requireField(l, "value");
    std::map<std::string, double> kv;
    for (auto& f : *l) {
        const std::string k = Reader::str(*f, key);
        if (!k.empty() && f->IsFieldSetAndNotNull(value))
            kv[k] = f->GetFieldAsDouble(value);
    }
    // A dataset written by a newer version may hold parameters this one does not know: they are
    // ignored (and listed in the metadata) rather than refusing to open the file.
    const auto unknown = model::Parameters::unknownKeys(kv);
    for (const auto& k : unknown)
        kv.erase(k);
    d.params = model::Parameters::fromKeyValues(kv, r.m_path);
    if (!unknown.empty())
        d.meta.extra["ignored_parameters"] = text::join(unknown, ", ");
}

void setMetadata(model::Metadata& m, const std::string& k, const std::string& v) {
    if (k == "title")
        m.title = v;
    else if (k == "fictional")
        m.fictional = parseBool(v);
    else if (k == "cog_year")
        m.cogYear = v.empty() ? 0 : std::atoi(v.c_str());
    else if (k == "bv_vintage")
        m.bvVintage = v;
    else if (k == "sources")
        m.sources = splitNonEmpty(v, " | ");
    else if (k == "vintages") {
        m.vintages.clear();
        for (const auto& s : splitNonEmpty(v, ","))
            m.vintages.push_back(std::atoi(s.c_str()));
    } else if (k == "created_by")
        m.createdBy = v;
    else if (k == "created_at")
        m.createdAt = v;
    else if (k.rfind("extra.", 0) == 0)
        m.extra[k.substr(6)] = v;
    else if (!k.empty())
        m.extra[k] = v;
}

void readMetadata(model::Dataset& d, Reader& r) {
    OGRLayer* l = r.layer("metadata", false);
    if (!l)
        return;
    const int key = r.requireField(l, "key"), value = r.requireField(l, "value");
    for (auto& f : *l)
        setMetadata(d.meta, Reader::str(*f, key), Reader::str(*f, value));
}

//! Cooperations, flows and travel times: the links the user loaded.
void readLinks(model::Dataset& d, Reader& r) {
    if (OGRLayer* l = r.layer("cooperations", false)) {
        const int name = r.requireField(l, "name"), kind = Reader::field(l, "kind");
        const int list = Reader::field(l, "bassins"), seat = Reader::field(l, "seat");
        const int year = Reader::field(l, "start_year"), source = Reader::field(l, "source");
        const int establishments = Reader::field(l, "establishments");
        for (auto& f : *l) {
            model::Cooperation c;
            c.name = Reader::str(*f, name);
            c.kind = Reader::str(*f, kind);
            c.bassins = splitNonEmpty(Reader::str(*f, list), ",");
            c.seat = Reader::str(*f, seat);
            c.startYear = static_cast<int>(Reader::num(*f, year));
            c.source = Reader::str(*f, source);
            c.establishments = splitNonEmpty(Reader::str(*f, establishments), "|");
            d.cooperations.push_back(std::move(c));
        }
    }
    if (OGRLayer* l = r.layer("flows", false)) {
        const int o = r.requireField(l, "origin"), de = r.requireField(l, "destination");
        const int v = r.requireField(l, "volume");
        for (auto& f : *l)
            d.flows.push_back({Reader::str(*f, o), Reader::str(*f, de), Reader::num(*f, v)});
    }
    if (OGRLayer* l = r.layer("travel_times", false)) {
        const int o = r.requireField(l, "origin"), de = r.requireField(l, "destination");
        const int v = r.requireField(l, "minutes");
        const GIntBig n = l->GetFeatureCount(TRUE);
        if (n > 0)
            d.travelTimes.reserve(static_cast<std::size_t>(n));
        for (auto& f : *l)
            d.travelTimes.push_back({Reader::str(*f, o), Reader::str(*f, de), Reader::num(*f, v)});
    }
}

void readAgeBandTable(model::Dataset& d, Reader& r) {
    OGRLayer* l = r.layer("population_by_age", false);
    if (!l)
        return;
    const int c = r.requireField(l, "commune"), b = r.requireField(l, "age_band");
    const int p = r.requireField(l, "population");
    for (auto& f : *l)
        d.populationByAge.push_back({Reader::str(*f, c), Reader::str(*f, b), Reader::num(*f, p)});
}

void readBuffer(model::Dataset& d, Reader& r) {
    OGRLayer* l = r.layer("buffer_communes", false);
    if (!l)
        return;
    const int code = r.requireField(l, "code"), nom = r.requireField(l, "nom");
    const int pop = r.requireField(l, "population"), bv = r.requireField(l, "bv");
    const int dep = r.requireField(l, "dep"), reg = r.requireField(l, "reg");
    const int x = r.requireField(l, "x"), y = r.requireField(l, "y");
    for (auto& f : *l) {
        model::Commune c;
        c.code = Reader::str(*f, code);
        c.name = Reader::str(*f, nom);
        c.population = Reader::num(*f, pop);
        c.bv = Reader::str(*f, bv);
        c.dep = Reader::str(*f, dep);
        c.reg = Reader::str(*f, reg);
        c.anchor = {Reader::num(*f, x), Reader::num(*f, y)};
        d.bufferCommunes.push_back(std::move(c));
    }
    d.bufferCounts = readCounts(r, "buffer_professionals", "commune");
}

//! Names and outlines of the régions and départements (the names alone in datasets written before the
//! outlines were stored).
void readAreas(model::Dataset& d, Reader& r) {
    for (const auto& [name, names, outlines] :
         {std::tuple<const char*, std::map<std::string, std::string>*, std::vector<model::Outline>*>{
              "regions", &d.regionNames, &d.regionOutlines},
          {"departements", &d.departementNames, &d.departementOutlines}}) {
        OGRLayer* l = r.layer(name, false);
        if (!l)
            continue;
        const int code = r.requireField(l, "code"), nom = Reader::field(l, "nom");
        for (auto& f : *l) {
            const std::string c = Reader::str(*f, code);
            if (f->IsFieldSetAndNotNull(nom))
                (*names)[c] = Reader::str(*f, nom);
            model::Wkb g = r.geometry(*f, l, nullptr, nullptr);
            if (!g.empty())
                outlines->push_back({c, std::move(g)});
        }
        std::sort(outlines->begin(), outlines->end(),
                  [](const model::Outline& a, const model::Outline& b) { return a.code < b.code; });
    }
}

void readFacilities(model::Dataset& d, Reader& r) {
    OGRLayer* l = r.layer("equipements", false);
    if (!l)
        return;
    const int commune = r.requireField(l, "commune"), kind = r.requireField(l, "kind");
    const int vintage = Reader::field(l, "vintage"), count = r.requireField(l, "count");
    l->SetIgnoredFields(std::vector<const char*>{"OGR_GEOMETRY", nullptr}.data());
    if (const GIntBig n = l->GetFeatureCount(); n > 0) // the table's count (gpkg_ogr_contents): no slack
        d.facilities.reserve(d.facilities.size() + static_cast<std::size_t>(n));
    for (auto& f : *l)
        d.facilities.push_back({Reader::str(*f, commune), Reader::str(*f, kind),
                                static_cast<int>(Reader::num(*f, vintage)), Reader::num(*f, count)});
}

void readQpv(model::Dataset& d, Reader& r) {
    OGRLayer* l = r.layer("qpv", false);
    if (!l)
        return;
    const int code = r.requireField(l, "code"), nom = Reader::field(l, "nom");
    const int commune = Reader::field(l, "commune"), pop = Reader::field(l, "population");
    const int x = Reader::field(l, "anchor_x"), y = Reader::field(l, "anchor_y");
    for (auto& f : *l) {
        model::Qpv q;
        q.code = Reader::str(*f, code);
        q.name = Reader::str(*f, nom);
        q.commune = Reader::str(*f, commune);
        q.population = Reader::num(*f, pop);
        q.anchor = {Reader::num(*f, x), Reader::num(*f, y)};
        q.geometry = r.geometry(*f, l, nullptr, nullptr);
        d.qpvs.push_back(std::move(q));
    }
}

void readAll(model::Dataset& d, Reader& r, Feedback* feedback, Warnings& warnings) {
    const ReadProgress progress(feedback, r.m_path);
    progress(0, msg("step.read_communes"));
    readCommunes(d, r, progress);
    progress(60, msg("step.read_bassins"));
    readBassins(d, r);
    readZones(d, r);
    progress(70, msg("step.read_counts"));
    d.counts = readCounts(r, "professionals", "commune");
    d.zoneCounts = readCounts(r, "zone_professionals", "zone");
    progress(90, msg("step.read_parameters"));
    readCatalogue(d, r);
    readParametersLayer(d, r);
    readMetadata(d, r);
    readLinks(d, r);
    readAgeBandTable(d, r);
    readBuffer(d, r);
    readAreas(d, r);
    readFacilities(d, r);
    readQpv(d, r);
    readRegisterTables(r.m_ds, r.m_path, d);
    d.scenarios = readScenariosLayer(r.m_ds, r.m_path, warnings);
    progress(100, {});
}

//! Opens `path` as a GeoPackage for reading, or throws an Error saying what it is instead.
DatasetPtr openDatasetFile(const std::string& path, bool geometries) {
    if (isPostgisDataset(path))
        return openPostgisForReading(path, geometries);
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found)
        throw Error(ErrorKind::FileNotFound, Location{path}, msg("gpkg.open_not_found"));
    if (status.type() == std::filesystem::file_type::directory)
        throw Error(ErrorKind::CannotOpen, Location{path}, msg("gpkg.open_folder"));
    if (ec || status.type() != std::filesystem::file_type::regular)
        throw Error(ErrorKind::CannotOpen, Location{path},
                    msg("gpkg.open_not_regular",
                        {arg::text("reason", ec ? " (" + ec.message() + ")" : std::string())}));
    GdalErrorCollector gdalErrors;
    const char* drivers[] = {"GPKG", nullptr};
    DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!ds)
        throw Error(
            ErrorKind::CannotOpen, Location{path},
            msg("gpkg.open_not_geopackage",
                {arg::text("reason", gdalErrors.errors().empty() ? std::string()
                                                                 : " (" + gdalErrors.message() + ")")}));
    return ds;
}

//! The parameters table replaced, and the classification fields of bassins_de_vie filled (created when
//! absent; BVs absent from `classification` get nulls) when `classification` is not empty.
void updateParameters(GDALDataset& ds, const std::string& path, const model::Parameters& parameters,
                      const std::vector<BassinClassificationFields>& classification) {
    Writer w(ds, path, nullptr);
    dropLayer(w, ds, "parameters");
    writeParametersLayer(w, parameters);
    if (classification.empty())
        return;
    OGRLayer* l = ds.GetLayerByName(kBassins);
    if (!l)
        w.fail("gpkg.bassins_missing");
    const FieldSpec specs[] = {{"pole_type", OFTInteger}, {"pole_label", OFTString}, {"total", OFTReal},
                               {"pole_share", OFTReal},   {"psy_share", OFTReal},    {"reason", OFTString}};
    int idx[6];
    for (int k = 0; k < 6; ++k) {
        idx[k] = l->GetLayerDefn()->GetFieldIndex(specs[k].name);
        if (idx[k] < 0) {
            OGRFieldDefn defn(specs[k].name, specs[k].type);
            if (l->CreateField(&defn) != OGRERR_NONE)
                w.fail("gpkg.add_field_failed",
                       {arg::text("field", specs[k].name), arg::text("reason", lastGdalError())});
            idx[k] = l->GetLayerDefn()->GetFieldIndex(specs[k].name);
        }
    }
    const int code = l->GetLayerDefn()->GetFieldIndex("code");
    if (code < 0)
        w.fail("gpkg.bassins_no_code");
    std::unordered_map<std::string, const BassinClassificationFields*> byCode;
    for (const auto& c : classification)
        byCode[c.bv] = &c;
    // The features' ids first, then each feature read and rewritten in turn: one bassin's polygon in memory
    // at a time, not France's 1,663 (10 MB).
    std::vector<GIntBig> fids;
    const char* geometry[] = {"OGR_GEOMETRY", nullptr};
    l->SetIgnoredFields(geometry);
    l->ResetReading();
    while (OGRFeatureUniquePtr f{l->GetNextFeature()})
        fids.push_back(f->GetFID());
    l->SetIgnoredFields(nullptr);
    w.transaction(kBassins, [&] {
        for (const GIntBig fid : fids) {
            const OGRFeatureUniquePtr f{l->GetFeature(fid)};
            if (!f)
                w.fail("gpkg.update_bassins_failed", {arg::text("reason", lastGdalError())});
            auto it = byCode.find(f->GetFieldAsString(code));
            if (it == byCode.end()) {
                for (int k : idx)
                    f->SetFieldNull(k);
            } else {
                setClassificationFields(*f, idx, *it->second);
            }
            if (l->SetFeature(f.get()) != OGRERR_NONE)
                w.fail("gpkg.update_bassins_failed", {arg::text("reason", lastGdalError())});
        }
    });
}

//! The layers poles and liens replaced.
void replaceResultLayers(GDALDataset& ds, const std::string& path, const std::vector<PolePoint>& poles,
                         const std::vector<LinkLine>& links) {
    Writer w(ds, path, nullptr);
    dropLayer(w, ds, "poles");
    dropLayer(w, ds, "liens");
    writePolePoints(w, poles);
    writeLinkLines(w, links);
}

} // namespace

void writeDataset(const model::Dataset& dataset, const std::string& path, Feedback* feedback) {
    writeDataset(dataset, path, feedback, [] {});
}

void writeDataset(const model::Dataset& dataset, const std::string& path, Feedback* feedback,
                  const std::function<void()>& rowsWritten) {
    if (isPostgisDataset(path)) {
        writePostgisDataset(dataset, path, feedback);
        rowsWritten();
        return;
    }
    atomicWrite(path, std::string(), [&](GDALDataset& ds, const std::string&) {
        writeAll(dataset, ds, path, feedback);
        rowsWritten(); // `dataset` may be gone from here
    });
    report(feedback, 100);
}

model::Dataset readDataset(const std::string& path, Feedback* feedback) {
    return readDataset(path, ReadOptions{}, feedback);
}

model::Dataset readDataset(const std::string& path, const ReadOptions& options, Feedback* feedback) {
    ensureGdalGeoPackage();
    DatasetPtr ds = openDatasetFile(path, options.geometries);
    GdalErrorCollector gdalErrors;
    Reader reader(*ds, path, options.geometries);
    model::Dataset d;
    Warnings warnings;
    readAll(d, reader, feedback, options.warnings ? *options.warnings : warnings);
    d.reindex();
    return d;
}

void writeParameters(const std::string& path, const model::Parameters& parameters) {
    writeParameters(path, parameters, {});
}

void writeParameters(const std::string& path, const model::Parameters& parameters,
                     const std::vector<BassinClassificationFields>& classification) {
    parameters.validate(path);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw Error(ErrorKind::FileNotFound, Location{path}, msg("gpkg.file_not_found"));
    // Updating a dataset opened through a symbolic link updates the file it points to (what the user
    // opened); the link stays a link. New outputs through a link are refused (checkOutputPath).
    const std::string target = std::filesystem::canonical(path, ec).string();
    atomicWrite(ec ? path : target, path, [&](GDALDataset& ds, const std::string&) {
        updateParameters(ds, path, parameters, classification);
    });
}

void writeResultLayers(const std::string& path, const std::vector<PolePoint>& poles,
                       const std::vector<LinkLine>& links) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw Error(ErrorKind::FileNotFound, Location{path}, msg("gpkg.file_not_found"));
    const std::string target = std::filesystem::canonical(path, ec).string();
    atomicWrite(ec ? path : target, path,
                [&](GDALDataset& ds, const std::string&) { replaceResultLayers(ds, path, poles, links); });
}

namespace {

//! Replaces the table `layer` of the existing dataset at `path` with what `fill` writes, atomically (through
//! a symbolic link, the file it points to).
void replaceTable(const std::string& path, const char* layer,
                  const std::function<void(Writer&, GDALDataset&)>& fill) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw Error(ErrorKind::FileNotFound, Location{path}, msg("gpkg.file_not_found"));
    const std::string target = std::filesystem::canonical(path, ec).string();
    atomicWrite(ec ? path : target, path, [&](GDALDataset& ds, const std::string&) {
        Writer w(ds, path, nullptr);
        dropLayer(w, ds, layer);
        fill(w, ds);
    });
}

} // namespace

void writeCooperations(const std::string& path, const std::vector<model::Cooperation>& cooperations) {
    replaceTable(path, "cooperations",
                 [&](Writer& w, GDALDataset&) { writeCooperationsLayer(w, cooperations); });
}

void writeMetadata(const std::string& path, const model::Dataset& dataset) {
    replaceTable(path, "metadata", [&](Writer& w, GDALDataset&) {
        writeKeyValues(w, "metadata", withRegisterMetadata(metadataRows(dataset.meta), dataset.registers));
    });
}

void writeScenarios(const std::string& path, const std::vector<model::Scenario>& scenarios) {
    replaceTable(path, "scenarios",
                 [&](Writer&, GDALDataset& ds) { writeScenariosLayer(ds, path, scenarios); });
}

namespace {

constexpr const char* kCompleteDensities = "densites_completes";

//! A connection to the SQLite file `path` (a GeoPackage closed by GDAL). Errors throw Error(Write) naming
//! the file with SQLite's reason.
class SqliteFile {
public:
    explicit SqliteFile(const std::string& path) : m_path(path) {
        if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            fail(m_db ? sqlite3_errmsg(m_db) : "cannot open");
    }
    ~SqliteFile() { sqlite3_close(m_db); }
    SqliteFile(const SqliteFile&) = delete;
    SqliteFile& operator=(const SqliteFile&) = delete;

    sqlite3* db() const { return m_db; }
    //! Runs `sql` (one statement or several).
    void exec(const std::string& sql) const {
        char* error = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string reason = error ? error : sqlite3_errmsg(m_db);
            sqlite3_free(error);
            fail(reason);
        }
    }
    //! `sql` prepared; finalised by the caller.
    sqlite3_stmt* prepare(const std::string& sql) const {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
            fail(sqlite3_errmsg(m_db));
        return stmt;
    }
    [[noreturn]] void fail(const std::string& reason) const {
        throw Error(ErrorKind::Write, Location{m_path},
                    msg("gpkg.write_failed_because", {arg::text("reason", reason)}));
    }

private:
    std::string m_path;
    sqlite3* m_db = nullptr;
};

//! Runs `sql` on the SQLite file `path`; throws Error(Write) naming it with SQLite's reason.
void execSql(const std::string& path, const std::string& sql) {
    SqliteFile(path).exec(sql);
}

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

//! SQL dropping the views written by an earlier writeResultsInto, with their registration.
std::string dropViewsSql() {
    std::string sql;
    for (const char* view : {kCompleteDensities, kDensityMapView}) {
        const std::string name = quoted(view);
        sql += "DROP VIEW IF EXISTS \"" + std::string(view) +
               "\";DELETE FROM gpkg_contents WHERE table_name = " + name +
               ";DELETE FROM gpkg_geometry_columns WHERE table_name = " + name + ";";
    }
    return sql;
}

//! SQL creating the views over densites, registered as GeoPackage layers. Each is the rows of densites, then
//! (UNION ALL) the communes that have none, with count 0, not masked: the columns keep the types of
//! densites's (SQLite gives a view's columns the declared types of its first SELECT's plain columns, which
//! GDAL and QGIS read; an expression would make them text).
std::string densityViewsSql(const CommuneResults& r) {
    const std::string figures =
        "d.population, d.count, d.per_10000, d.inhabitants_per_professional, d.masked";
    const std::string zeros =
        "c.population, 0, CASE WHEN c.population > 0 THEN 0.0 END, NULL, 0"; // 0 per 10,000 when inhabited
    const std::string missing = "NOT EXISTS (SELECT 1 FROM densites d WHERE d.profession = k.profession AND "
                                "d.vintage = k.vintage AND d.commune = c.code)";
    const std::string map = kDensityMapView;
    const std::string key = "(SELECT " + quoted(r.mapProfession) + " AS profession, " +
                            std::to_string(r.mapVintage) + " AS vintage) k";
    return "CREATE INDEX IF NOT EXISTS densites_key ON densites (profession, vintage, commune);"
           "CREATE VIEW " +
           std::string(kCompleteDensities) + " AS SELECT d.commune, d.profession, d.vintage, " + figures +
           " FROM densites d UNION ALL SELECT c.code, k.profession, k.vintage, " + zeros +
           " FROM (SELECT DISTINCT profession, vintage FROM densites) k CROSS JOIN communes c WHERE " +
           missing + ";INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (" +
           quoted(kCompleteDensities) + ", 'attributes', " + quoted(kCompleteDensities) +
           ", '');"
           "CREATE VIEW \"" +
           map +
           "\" AS SELECT c.fid AS fid, c.geom AS geom, c.code AS code, c.nom AS nom, "
           "d.profession AS profession, d.vintage AS vintage, " +
           figures +
           " FROM communes c CROSS JOIN densites d WHERE d.profession = " + quoted(r.mapProfession) +
           " AND d.vintage = " + std::to_string(r.mapVintage) +
           " AND d.commune = c.code UNION ALL SELECT c.fid, c.geom, c.code, c.nom, k.profession, "
           "k.vintage, " +
           zeros + " FROM " + key + " CROSS JOIN communes c WHERE " + missing +
           ";"
           "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, "
           "max_y, srs_id) SELECT " +
           quoted(map) + ", 'features', " + quoted(r.mapTitle.empty() ? map : r.mapTitle) +
           ", '', min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents WHERE table_name = 'communes';"
           "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) "
           "SELECT " +
           quoted(map) +
           ", column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns "
           "WHERE table_name = 'communes';";
}

bool hasTable(const CommuneResults& r, const char* name) {
    return std::any_of(r.tables.begin(), r.tables.end(),
                       [&](const StreamedTable& t) { return t.layout.name == name; });
}

//! Appends rows to a table of the GeoPackage that GDAL created empty, through SQLite: one prepared INSERT
//! of kBatch rows, reused (a statement per row, as GDAL's CreateFeature, scans the AUTOINCREMENT bookkeeping
//! each time: 240,000 rows nationally). Values are those GDAL would write (core/io/table_writer_gdal.cpp):
//! codes and text as text, integers rounded, booleans 0/1, NULL for an empty or masked cell, and the flag
//! column. The table's feature-count triggers are lifted while it fills, and its count set once.
class RowInserter {
public:
    static constexpr std::size_t kBatch = 64;

    RowInserter(const SqliteFile& file, const ResultTable& layout, Language language)
        : m_file(file), m_layout(layout), m_flag(detail::hasFlagColumn(layout)), m_pending(kBatch) {
        std::string columns;
        for (const std::string& name : detail::headerOf(layout, HeaderStyle::Keys, language))
            columns += (columns.empty() ? "\"" : ", \"") + name + "\"";
        m_insert = "INSERT INTO \"" + layout.name + "\" (" + columns + ") VALUES ";
        const std::size_t width = layout.columns.size() + (m_flag ? 1 : 0);
        m_values = "(?";
        for (std::size_t i = 1; i < width; ++i)
            m_values += ",?";
        m_values += ")";
        liftTriggers();
        m_batch = m_file.prepare(statement(kBatch));
    }
    ~RowInserter() { sqlite3_finalize(m_batch); }
    RowInserter(const RowInserter&) = delete;
    RowInserter& operator=(const RowInserter&) = delete;

    void add(const Row& row) {
        m_pending[m_count++] = row; // assigned: the strings keep their storage from one batch to the next
        if (m_count == kBatch) {
            run(m_batch);
            m_count = 0;
        }
    }
    //! Writes the rows left, sets the feature count and puts the triggers back.
    void finish() {
        if (m_count > 0) {
            sqlite3_stmt* rest = m_file.prepare(statement(m_count));
            try {
                run(rest);
            } catch (...) {
                sqlite3_finalize(rest);
                throw;
            }
            sqlite3_finalize(rest);
            m_count = 0;
        }
        const std::string name = quoted(m_layout.name);
        m_file.exec("UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM \"" + m_layout.name +
                    "\") WHERE lower(table_name) = lower(" + name + ");");
        for (const std::string& sql : m_triggers)
            m_file.exec(sql);
    }

private:
    std::string statement(std::size_t rows) const {
        std::string sql = m_insert;
        for (std::size_t r = 0; r < rows; ++r)
            sql += (r ? "," : "") + m_values;
        return sql;
    }

    //! The triggers GDAL keeps gpkg_ogr_contents's feature count with, saved and dropped.
    void liftTriggers() {
        sqlite3_stmt* stmt = m_file.prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE "
            "'trigger_%_feature_count_%'");
        sqlite3_bind_text(stmt, 1, m_layout.name.c_str(), -1, SQLITE_TRANSIENT);
        std::vector<std::string> names;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
            m_triggers.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)));
        }
        sqlite3_finalize(stmt);
        for (const std::string& name : names)
            m_file.exec("DROP TRIGGER \"" + name + "\";");
    }

    void bind(sqlite3_stmt* stmt, int& index, const Cell& cell, ColumnType type) const {
        if (!cell.hasValue()) {
            sqlite3_bind_null(stmt, index++);
            return;
        }
        switch (type) {
        case ColumnType::Text:
        case ColumnType::Code:
            sqlite3_bind_text(stmt, index++, cell.text.data(), static_cast<int>(cell.text.size()),
                              SQLITE_STATIC);
            return;
        case ColumnType::Integer:
            sqlite3_bind_int64(stmt, index++, static_cast<sqlite3_int64>(std::llround(cell.number)));
            return;
        case ColumnType::Boolean:
            sqlite3_bind_int(stmt, index++, cell.number != 0 ? 1 : 0);
            return;
        case ColumnType::Real:
        case ColumnType::Percent:
            break;
        }
        sqlite3_bind_double(stmt, index++, cell.number);
    }

    void run(sqlite3_stmt* stmt) {
        int index = 1;
        for (std::size_t r = 0; r < m_count; ++r) {
            const std::vector<Cell>& cells = m_pending[r].cells;
            if (cells.size() != m_layout.columns.size())
                throw Error(ErrorKind::Value, Location{},
                            msg("results.row_width",
                                {arg::text("table", m_layout.name), arg::integer("row", m_written + r + 1),
                                 arg::integer("cells", cells.size()),
                                 arg::integer("columns", m_layout.columns.size())}));
            for (std::size_t c = 0; c < cells.size(); ++c)
                bind(stmt, index, cells[c], m_layout.columns[c].type);
            if (m_flag)
                sqlite3_bind_int(stmt, index++, std::any_of(cells.begin(), cells.end(), [](const Cell& c) {
                                     return c.masked;
                                 }));
        }
        const int status = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        if (status != SQLITE_DONE)
            m_file.fail(sqlite3_errmsg(m_file.db()));
        m_written += m_count;
    }

    const SqliteFile& m_file;
    const ResultTable& m_layout;
    const bool m_flag;
    std::vector<Row> m_pending;
    std::size_t m_count = 0, m_written = 0;
    std::string m_insert, m_values;
    std::vector<std::string> m_triggers;
    sqlite3_stmt* m_batch = nullptr;
};

//! Computes the rows of `table` and appends them to its layer, created empty.
void insertRows(const SqliteFile& file, const StreamedTable& table, Language language) {
    RowInserter inserter(file, table.layout, language);
    if (table.rows)
        table.rows([&](const Row& row) { inserter.add(row); });
    inserter.finish();
}

} // namespace

void writeResultsInto(const std::string& temporaryCopy, const model::Parameters& parameters,
                      const std::vector<BassinClassificationFields>& classification,
                      const std::vector<PolePoint>& poles, const std::vector<LinkLine>& links,
                      const CommuneResults& communes) {
    parameters.validate(temporaryCopy);
    ensureGdalGeoPackage();
    execSql(temporaryCopy, dropViewsSql()); // before GDAL lists the layers
    GdalErrorCollector gdalErrors;
    const char* drivers[] = {"GPKG", nullptr};
    DatasetPtr ds(GDALDataset::Open(temporaryCopy.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers));
    if (!ds)
        throw Error(ErrorKind::Write, Location{temporaryCopy},
                    msg("gpkg.write_failed_because", {arg::text("reason", lastGdalError())}));
    updateParameters(*ds, temporaryCopy, parameters, classification);
    replaceResultLayers(*ds, temporaryCopy, poles, links);
    std::vector<ResultTable> layouts; // created empty by GDAL (fields, titles, captions), filled below
    {
        Writer w(*ds, temporaryCopy, nullptr);
        for (const StreamedTable& t : communes.tables) {
            dropLayer(w, *ds, t.layout.name.c_str());
            layouts.push_back(t.layout);
        }
    }
    detail::writeGpkgTables(*ds, layouts, temporaryCopy, communes.language);
    CPLErrorReset();
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure)
        throw Error(ErrorKind::Write, Location{temporaryCopy},
                    msg("gpkg.close_failed",
                        {arg::path("tmp", temporaryCopy), arg::text("reason", lastGdalError())}));
    if (communes.tables.empty())
        return;
    // The rows, the feature counts and the views in one transaction. The file is a temporary copy, synced
    // once before it replaces the dataset: no wait for the disk at the commit. Rows appended to new tables
    // need a page cache of a few pages, not SQLite's 2 MB: 1 MB (16 pages of a dataset's 64 KiB).
    const SqliteFile file(temporaryCopy);
    file.exec("PRAGMA synchronous = OFF; PRAGMA cache_size = -1024; BEGIN;");
    try {
        for (const StreamedTable& t : communes.tables)
            insertRows(file, t, communes.language);
        if (hasTable(communes, "densites"))
            file.exec(densityViewsSql(communes));
        file.exec("COMMIT;");
    } catch (...) {
        sqlite3_exec(file.db(), "ROLLBACK;", nullptr, nullptr, nullptr);
        throw;
    }
}

} // namespace maillage::io
