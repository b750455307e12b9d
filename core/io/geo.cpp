#include "core/io/geo.h"
#include "core/io/coverage.h"
#include "core/io/gdal_util.h"
#include "core/io/geojson_polygons.h"
#include "core/io/polygon_validity.h"
#include "core/io/territory.h"

#include "core/model/codes.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <gdal_priv.h>
#include <geos_c.h>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <future>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>

namespace maillage::io {

namespace {

GeomPtr fromWkb(const model::Wkb& wkb) {
    if (wkb.empty())
        return nullptr;
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size(), wkbVariantIso) != OGRERR_NONE)
        return nullptr;
    return GeomPtr(g);
}

model::Wkb toWkb(const OGRGeometry& g) {
    model::Wkb wkb(g.WkbSize());
    g.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    return wkb;
}

bool isPolygonal(OGRwkbGeometryType t) {
    t = wkbFlatten(t);
    return t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon || t == wkbMultiSurface;
}

//! Adds the polygons of `g` (polygon, multipolygon or any collection: lines and points that MakeValid may
//! leave are dropped) to `out`.
void collectPolygons(const OGRGeometry& g, OGRMultiPolygon& out) {
    const auto t = wkbFlatten(g.getGeometryType());
    if (t == wkbPolygon) {
        if (!g.IsEmpty())
            out.addGeometry(&g);
    } else if (t == wkbCurvePolygon) {
        GeomPtr lin(g.getLinearGeometry());
        if (lin)
            collectPolygons(*lin, out);
    } else if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection)) {
        for (const auto* part : *g.toGeometryCollection())
            collectPolygons(*part, out);
    }
}

//! A 2D MultiPolygon holding the polygonal parts of `g` (possibly empty).
GeomPtr toMultiPolygon(const OGRGeometry& g) {
    auto mp = std::make_unique<OGRMultiPolygon>();
    collectPolygons(g, *mp);
    mp->flattenTo2D();
    return GeomPtr(mp.release());
}

//! Valid MultiPolygon from `g`: MakeValid (STRUCTURE method, which keeps polygons polygons) when needed.
//! Returns nullptr when no valid, non-empty polygon can be made.
GeomPtr makeValidMultiPolygon(const OGRGeometry& g, bool* repaired = nullptr) {
    GeomPtr mp = toMultiPolygon(g);
    if (repaired)
        *repaired = false;
    if (mp->IsEmpty())
        return nullptr;
    if (mp->IsValid())
        return mp;
    if (repaired)
        *repaired = true;
    const char* structure[] = {"METHOD=STRUCTURE", nullptr};
    GeomPtr fixed(mp->MakeValid(structure));
    if (!fixed)
        fixed.reset(mp->MakeValid());
    if (!fixed)
        return nullptr;
    GeomPtr out = toMultiPolygon(*fixed);
    if (out->IsEmpty() || !out->IsValid())
        return nullptr;
    return out;
}

bool pointOnSurface(const OGRGeometry& g, model::Point& p) {
    OGRGeometryH h = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)));
    if (!h)
        return false;
    GeomPtr pt(OGRGeometry::FromHandle(h));
    if (pt->IsEmpty() || wkbFlatten(pt->getGeometryType()) != wkbPoint)
        return false;
    p.x = pt->toPoint()->getX();
    p.y = pt->toPoint()->getY();
    return true;
}

int findField(const OGRFeatureDefn& defn, const std::vector<std::string>& candidates) {
    for (const auto& c : candidates) {
        if (c.empty())
            continue;
        const int i = defn.GetFieldIndex(c.c_str()); // case-insensitive
        if (i >= 0)
            return i;
    }
    return -1;
}

std::vector<std::string> fieldNames(const OGRFeatureDefn& defn) {
    std::vector<std::string> names;
    for (int i = 0; i < defn.GetFieldCount(); ++i)
        names.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
    return names;
}

bool isZero(const model::Point& p) {
    return p.x == 0 && p.y == 0;
}

std::size_t threadCount(std::size_t items) {
    const std::size_t hw = std::max(1u, std::thread::hardware_concurrency());
    return std::max<std::size_t>(1, std::min(hw, items));
}

//! Runs work(item, thread) for every item in [0, n) on `threads` threads (the caller's included), items
//! handed out one at a time. Stops early when `feedback` is canceled (the caller checks). onDone(count) is
//! called under a lock after each item, so progress never goes back. Rethrows the first exception.
template <class Work, class Done>
void parallelFor(std::size_t n, std::size_t threads, Feedback* feedback, Work&& work, Done&& onDone) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::size_t done = 0;
    std::exception_ptr firstError;
    std::mutex mutex;
    const auto run = [&](std::size_t thread) {
        GdalErrorCollector
            gdalErrors; // GEOS/PROJ chatter on stderr: what matters is reported as warnings or errors
        try {
            for (;;) {
                if (stop.load() || (feedback && feedback->isCanceled()))
                    return;
                const std::size_t k = next.fetch_add(1);
                if (k >= n)
                    return;
                work(k, thread);
                std::lock_guard<std::mutex> lock(mutex);
                onDone(++done);
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex);
            if (!firstError)
                firstError = std::current_exception();
            stop = true;
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) {
        try {
            pool.emplace_back(run, t);
        } catch (const std::system_error&) {
            break; // no more threads to be had: the others do the work
        }
    }
    run(0);
    for (auto& t : pool)
        t.join();
    if (firstError)
        std::rethrow_exception(firstError);
}

} // namespace

namespace {

void configureGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Journal files deleted at commit: no stray -wal/-shm beside a user's dataset.
        CPLSetConfigOption("OGR_SQLITE_JOURNAL", "DELETE");
        // No .aux.xml files written beside inputs.
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
    });
}

} // namespace

void ensureGdal() {
    configureGdal();
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); }); // registers what ensureGdalGeoPackage did not yet
}

void ensureGdalCore() {
    configureGdal();
}

void ensureGdalGeoPackage() {
    configureGdal();
    static std::once_flag once;
    std::call_once(once, [] { RegisterOGRGeoPackage(); }); // a no-op when GDALAllRegister already did
}

namespace {

//! The layer to read: `name`, or the first one. Throws Error(Format) listing the layers found.
OGRLayer* polygonLayer(GDALDataset& ds, const std::string& path, const std::string& name) {
    if (name.empty()) {
        if (ds.GetLayerCount() == 0)
            throw Error(ErrorKind::Format, Location{path}, msg("io.geo.no_layer"));
        return ds.GetLayer(0);
    }
    if (OGRLayer* layer = ds.GetLayerByName(name.c_str()))
        return layer;
    std::vector<std::string> names;
    for (auto* l : ds.GetLayers())
        names.emplace_back(l->GetName());
    throw Error(ErrorKind::Format, Location{path},
                msg("io.geo.layer_not_found", {arg::code("layer", name), arg::list("found", names)}));
}

//! The layer's coordinate system; without one, WGS84 or Lambert-93 guessed from the extent, with a warning.
std::unique_ptr<OGRSpatialReference> sourceCrs(OGRLayer& layer, const std::string& path, Warnings& warnings) {
    std::unique_ptr<OGRSpatialReference> source;
    if (const OGRSpatialReference* srs = layer.GetSpatialRef()) {
        source.reset(srs->Clone());
    } else {
        OGREnvelope env;
        source = std::make_unique<OGRSpatialReference>();
        const bool lonLat = layer.GetExtent(&env, TRUE) == OGRERR_NONE && env.MinX >= -180 &&
                            env.MaxX <= 180 && env.MinY >= -90 && env.MaxY <= 90;
        source->importFromEPSG(lonLat ? 4326 : model::kWorkingEpsg);
        const MessageArg file = arg::path("path", path);
        warnings.push_back(makeWarning(ErrorKind::Geometry, Location{path},
                                       lonLat ? msg("io.geo.no_crs_assumed_wgs84", {file})
                                              : msg("io.geo.no_crs_assumed_lambert93", {file})));
    }
    // x = longitude/easting, y = latitude/northing whatever the CRS's official axis order.
    source->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return source;
}

//! One thread's GEOS context with its WKB reader and writer (little-endian, 2D: the WKB OGR writes). The
//! coverage union runs on GEOS's own geometries, read from and written to WKB once, without OGR copies.
class GeosWkb {
public:
    GeosWkb()
        : m_ctx(GEOS_init_r()), m_reader(GEOSWKBReader_create_r(m_ctx)),
          m_writer(GEOSWKBWriter_create_r(m_ctx)) {
        GEOSWKBWriter_setByteOrder_r(m_ctx, m_writer, GEOS_WKB_NDR);
        GEOSWKBWriter_setOutputDimension_r(m_ctx, m_writer, 2);
    }
    ~GeosWkb() {
        GEOSWKBReader_destroy_r(m_ctx, m_reader);
        GEOSWKBWriter_destroy_r(m_ctx, m_writer);
        GEOS_finish_r(m_ctx);
    }
    GeosWkb(const GeosWkb&) = delete;
    GeosWkb& operator=(const GeosWkb&) = delete;

    GEOSContextHandle_t context() const { return m_ctx; }
    //! The geometry of `wkb`, or null when it does not parse (GEOS errors stay silent: no handler).
    GEOSGeometry* read(const model::Wkb& wkb) const {
        return GEOSWKBReader_read_r(m_ctx, m_reader, wkb.data(), wkb.size());
    }
    model::Wkb write(const GEOSGeometry* g) const {
        std::size_t size = 0;
        unsigned char* bytes = GEOSWKBWriter_write_r(m_ctx, m_writer, g, &size);
        if (!bytes)
            return {};
        model::Wkb wkb(bytes, bytes + size);
        GEOSFree_r(m_ctx, bytes);
        return wkb;
    }
    void destroy(GEOSGeometry* g) const {
        if (g)
            GEOSGeom_destroy_r(m_ctx, g);
    }

private:
    GEOSContextHandle_t m_ctx;
    GEOSWKBReader* m_reader;
    GEOSWKBWriter* m_writer;
};

//! A commune read from its feature, its geometry still in the file's CRS; phase 2 fills the rest.
struct PendingCommune {
    GIntBig fid = 0;
    model::Commune commune;
    GeomPtr geometry;
    Message error;         // set by phase 2
    bool repaired = false; // set by phase 2
    //! Set by phase 2 when reprojection failed: the raw envelope's corner, for the hint phase 3 writes
    //! (OGRSpatialReference's const methods are not thread-safe in GDAL 3.6: no CRS look-up on workers).
    bool unprojectable = false;
    double rawX = 0, rawY = 0;
};

//! The communes whose geometries are done (phase 2), batch by batch in the file's order, each batch in a
//! vector of its size: a vector of every PendingCommune (about 350 bytes each, the national file's grown to
//! 65,536 of them, 33 MB at the import's heap peak) is no longer held, nor the communes copied out of it.
struct ReadCommunes {
    std::vector<std::vector<model::Commune>> batches;
    std::optional<PendingCommune> firstError; //!< the first feature whose phase 2 failed
    std::vector<std::string> repaired;        //!< "code (feature fid)" of the polygons MakeValid mended

    //! A batch done: its communes kept, its first error and its repaired polygons noted.
    void add(std::vector<PendingCommune> batch) {
        std::vector<model::Commune> communes;
        communes.reserve(batch.size());
        for (auto& p : batch) {
            if (!p.error.empty()) {
                if (!firstError)
                    firstError = std::move(p);
                continue;
            }
            if (p.repaired)
                repaired.push_back(p.commune.code + " (feature " + std::to_string(p.fid) + ")");
            communes.push_back(std::move(p.commune));
        }
        batches.push_back(std::move(communes));
    }

    //! Every commune in one vector, each batch freed once moved.
    std::vector<model::Commune> communes() {
        std::size_t total = 0;
        for (const auto& b : batches)
            total += b.size();
        std::vector<model::Commune> out;
        out.reserve(total);
        for (auto& b : batches) {
            std::move(b.begin(), b.end(), std::back_inserter(out));
            std::vector<model::Commune>().swap(b);
        }
        batches.clear();
        return out;
    }
};

//! Where the code and name are in the layer.
struct CommuneFields {
    int code = -1, name = -1;
    std::string codeName;
};

CommuneFields communeFields(const OGRFeatureDefn& defn, const std::string& path,
                            const PolygonReadOptions& options) {
    CommuneFields f;
    f.code = findField(defn, {options.codeField, "code", "insee_com", "codgeo", "insee", "code_insee"});
    if (f.code < 0)
        throw Error(ErrorKind::Format, Location{path, 0, options.codeField},
                    defn.GetFieldCount() == 0
                        ? msg("io.geo.no_code_field_none", {arg::code("field", options.codeField)})
                        : msg("io.geo.no_code_field",
                              {arg::code("field", options.codeField), arg::list("found", fieldNames(defn))}));
    f.codeName = defn.GetFieldDefn(f.code)->GetNameRef();
    f.name = findField(defn, {options.nameField, "nom", "name", "nom_com", "libgeo"});
    return f;
}

//! One feature checked: a commune code seen once, a polygonal geometry.
PendingCommune pendingCommune(OGRFeature& f, const CommuneFields& fields, const std::string& path,
                              std::unordered_map<std::string, GIntBig>& seen) {
    const GIntBig fid = f.GetFID();
    const Location where{path, 0, fields.codeName, static_cast<long>(fid)};
    if (!f.IsFieldSetAndNotNull(fields.code))
        throw Error(ErrorKind::Value, where, msg("io.geo.feature_without_code", {arg::integer("fid", fid)}));
    const std::string raw = f.GetFieldAsString(fields.code);
    auto code = codes::normalizeCommune(raw);
    if (!code)
        throw Error(ErrorKind::Value, where, msg("io.geo.bad_commune_code", {arg::code("value", raw)}));
    auto [it, inserted] = seen.emplace(*code, fid);
    if (!inserted)
        throw Error(ErrorKind::Duplicate, where,
                    msg("io.geo.commune_twice", {arg::text("code", *code), arg::integer("first", it->second),
                                                 arg::integer("second", fid)}));
    GeomPtr geom(f.StealGeometry());
    const Location gwhere{path, 0, "", static_cast<long>(fid)};
    if (!geom || geom->IsEmpty())
        throw Error(
            ErrorKind::Geometry, gwhere,
            msg("io.geo.feature_without_geometry", {arg::integer("fid", fid), arg::text("code", *code)}));
    if (!isPolygonal(geom->getGeometryType()))
        throw Error(ErrorKind::Geometry, gwhere,
                    msg("io.geo.feature_not_polygon",
                        {arg::integer("fid", fid), arg::text("code", *code),
                         arg::text("type", OGRGeometryTypeToName(geom->getGeometryType()))}));
    PendingCommune p;
    p.fid = fid;
    p.commune.code = *code;
    if (fields.name >= 0)
        p.commune.name = f.GetFieldAsString(fields.name);
    p.commune.dep = codes::departementOf(p.commune.code);
    p.geometry = std::move(geom);
    return p;
}

//! A point on the surface of `g` (GEOS's, as OGR_G_PointOnSurface gives it); false when there is none.
bool pointOnSurface(const GEOSGeometry* g, const GeosWkb& geos, model::Point& p) {
    GEOSContextHandle_t ctx = geos.context();
    GEOSGeometry* point = GEOSPointOnSurface_r(ctx, g);
    const bool found = point && GEOSGeomTypeId_r(ctx, point) == GEOS_POINT &&
                       GEOSisEmpty_r(ctx, point) == 0 && GEOSGeomGetX_r(ctx, point, &p.x) == 1 &&
                       GEOSGeomGetY_r(ctx, point, &p.y) == 1;
    geos.destroy(point);
    return found;
}

//! Phase 2 of one commune: reprojection, validity (MakeValid), anchor, WKB; the file's geometry is freed.
//! Errors are kept in the commune. A valid polygon (nearly all) is read by GEOS once, from the WKB written
//! anyway, for both its validity and its anchor (OGR's IsValid and PointOnSurface each converted it).
void processGeometry(PendingCommune& p, OGRCoordinateTransformation* ct,
                     const std::shared_ptr<model::WkbStore>& spool, const GeosWkb& geos) {
    OGREnvelope raw;
    p.geometry->getEnvelope(&raw);
    if (ct && p.geometry->transform(ct) != OGRERR_NONE) {
        p.unprojectable = true;
        p.rawX = raw.MinX;
        p.rawY = raw.MinY;
        p.error = msg("io.geo.feature_unprojectable");
        p.geometry.reset();
        return;
    }
    GeomPtr mp = toMultiPolygon(*p.geometry);
    p.geometry.reset();
    if (mp->IsEmpty()) {
        p.error = msg("io.geo.feature_unrepairable");
        return;
    }
    model::Wkb wkb = toWkb(*mp);
    // As OGR's IsValid: GEOS's check only where the quick proof cannot vouch for the polygon.
    if (GEOSGeometry* g = geos.read(wkb); g && (provedValid(wkb) || GEOSisValid_r(geos.context(), g) != 0)) {
        mp.reset();
        const bool anchored = pointOnSurface(g, geos, p.commune.anchor);
        geos.destroy(g);
        if (!anchored) {
            p.error = msg("io.geo.feature_without_interior");
            return;
        }
        model::storeGeometry(p.commune, std::move(wkb), spool);
        return;
    } else {
        geos.destroy(g);
    }
    mp = makeValidMultiPolygon(*mp, &p.repaired);
    if (!mp) {
        p.error = msg("io.geo.feature_unrepairable");
        return;
    }
    if (!pointOnSurface(*mp, p.commune.anchor)) {
        p.error = msg("io.geo.feature_without_interior");
        return;
    }
    wkb = toWkb(*mp);
    mp.reset(); // the OGR polygon freed before its WKB is written out
    model::storeGeometry(p.commune, std::move(wkb), spool);
}

//! Phase 1 on this thread (the driver reads one feature at a time: codes, duplicates, geometry types), and
//! phase 2 on another, batch by batch, while the next batch is read: only two batches of the file's
//! geometries are held at a time, and reading no longer waits for the geometries nor they for it.
//! `next()` gives the features (null after the last), `percent()` how far the file is read.
template <typename Next, typename Percent>
ReadCommunes readPendingCommunes(Next&& next, Percent&& percent, const CommuneFields& fields,
                                 const std::string& path, const OGRCoordinateTransformation* ct,
                                 const std::shared_ptr<model::WkbStore>& spool, Feedback* feedback) {
    constexpr std::size_t kBatch = 256;
    ReadCommunes read;
    std::unique_ptr<OGRCoordinateTransformation> transform(ct ? ct->Clone() : nullptr); // the worker's
    std::future<std::vector<PendingCommune>> processing;
    const auto handOver = [&](std::vector<PendingCommune> batch) { // the previous batch joins `read`
        if (processing.valid())
            read.add(processing.get());
        if (batch.empty())
            return;
        // On a thread of its own; run by get() on this one when no thread can be had (libstdc++ falls back).
        processing =
            std::async(std::launch::async | std::launch::deferred, [&transform, &spool,
                                                                    batch = std::move(batch)]() mutable {
                GdalErrorCollector gdalErrors; // GEOS/PROJ chatter: what matters is reported as errors
                const GeosWkb geos;            // this batch's GEOS context, on the thread that runs it
                for (auto& p : batch)
                    processGeometry(p, transform.get(), spool, geos);
                return std::move(batch);
            });
    };
    std::unordered_map<std::string, GIntBig> seen;
    std::vector<PendingCommune> batch;
    GIntBig n = 0;
    while (auto f = next()) {
        if ((n & 255) == 0) {
            if (feedback && feedback->isCanceled())
                throw Error(ErrorKind::Canceled, Location{path}, msg("io.geo.reading_canceled"));
            report(feedback, percent());
        }
        ++n;
        batch.push_back(pendingCommune(*f, fields, path, seen));
        if (batch.size() == kBatch)
            handOver(std::exchange(batch, {}));
    }
    handOver(std::move(batch));
    handOver({});
    if (n == 0)
        throw Error(ErrorKind::Format, Location{path}, msg("io.geo.no_polygon"));
    return read;
}

//! Phase 3: the first error in feature order, else the communes; repaired polygons in one warning.
std::vector<model::Commune> collectCommunes(ReadCommunes& read, const std::string& path,
                                            const OGRSpatialReference& source, Warnings& warnings) {
    if (read.firstError) {
        PendingCommune& p = *read.firstError;
        // The args of every phase-2 message: which feature, which commune, and why (when known).
        p.error.args.push_back(arg::integer("fid", p.fid));
        p.error.args.push_back(arg::text("code", p.commune.code));
        if (p.unprojectable)
            if (Message hint = declaredCrsMismatch(source, p.rawX, p.rawY); !hint.empty())
                p.error = msg("io.geo.feature_unprojectable_because",
                              {arg::integer("fid", p.fid), arg::text("code", p.commune.code),
                               arg::nested("cause", std::move(hint))});
        throw Error(ErrorKind::Geometry, Location{path, 0, "", static_cast<long>(p.fid)}, std::move(p.error));
    }
    if (!read.repaired.empty())
        warnings.push_back(makeWarning(ErrorKind::Geometry, Location{path},
                                       msg("io.geo.polygons_repaired",
                                           {arg::integer("n", static_cast<long long>(read.repaired.size()))}),
                                       read.repaired));
    return read.communes();
}

} // namespace

namespace {

//! A vector file opened for reading polygons: its layer and the transformation to Lambert-93 (null when
//! the layer is in Lambert-93 already).
struct PolygonSource {
    DatasetPtr dataset;
    OGRLayer* layer = nullptr;
    std::unique_ptr<OGRSpatialReference> crs;
    std::unique_ptr<OGRCoordinateTransformation> toLambert93;
};

//! Opens layer `layerName` ("" = the first) of `path`. Throws Error naming the file when it is absent,
//! cannot be opened or reprojected.
PolygonSource openPolygonSource(const std::string& path, const std::string& layerName, Warnings& warnings) {
    ensureGdal();
    VSIStatBufL st;
    if (VSIStatL(path.c_str(), &st) != 0)
        throw Error(ErrorKind::FileNotFound, Location{path}, msg("io.file_not_found"));
    GdalErrorCollector gdalErrors;
    PolygonSource src;
    src.dataset.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!src.dataset)
        throw Error(ErrorKind::CannotOpen, Location{path},
                    withGdalReason(msg("io.geo.cannot_open", {arg::path("path", path)}),
                                   msg("io.geo.cannot_open_gdal", {arg::path("path", path)}),
                                   gdalErrors.reason()));
    src.layer = polygonLayer(*src.dataset, path, layerName);
    OGRSpatialReference target;
    target.importFromEPSG(model::kWorkingEpsg);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    src.crs = sourceCrs(*src.layer, path, warnings);
    if (!src.crs->IsSame(&target)) {
        src.toLambert93.reset(OGRCreateCoordinateTransformation(src.crs.get(), &target));
        if (!src.toLambert93)
            throw Error(ErrorKind::Geometry, Location{path},
                        withGdalReason(msg("io.geo.cannot_reproject"), msg("io.geo.cannot_reproject_gdal"),
                                       gdalErrors.reason()));
    }
    return src;
}

//! The attributes of `f` as text, by field name (null fields left out).
std::map<std::string, std::string> fieldsAsText(OGRFeature& f) {
    std::map<std::string, std::string> out;
    const OGRFeatureDefn* defn = f.GetDefnRef();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (f.IsFieldSetAndNotNull(i))
            out[defn->GetFieldDefn(i)->GetNameRef()] = f.GetFieldAsString(i);
    return out;
}

//! One feature's polygon in Lambert-93, repaired when needed, with its anchor. Throws Error(Value) naming
//! the feature (`label`) when it is no polygon or cannot be reprojected or repaired.
void polygonOfFeature(const OGRGeometry& g, const PolygonSource& src, const std::string& path,
                      const std::string& label, PolygonFeature& out) {
    const auto fail = [&](const char* id) {
        throw Error(ErrorKind::Value, Location{path}, msg(id, {arg::text("feature", label)}));
    };
    if (!isPolygonal(wkbFlatten(g.getGeometryType())))
        fail("io.geo.polygon_feature_not_polygon");
    GeomPtr copy(g.clone());
    if (src.toLambert93 && copy->transform(src.toLambert93.get()) != OGRERR_NONE)
        fail("io.geo.polygon_feature_unprojectable");
    GeomPtr valid = makeValidMultiPolygon(*copy);
    if (!valid || !pointOnSurface(*valid, out.anchor))
        fail("io.geo.polygon_feature_unrepairable");
    out.geometry = toWkb(*valid);
}

//! Phase 3 once every feature is read, unless canceled meanwhile.
std::vector<model::Commune> collectRead(ReadCommunes& read, const std::string& path,
                                        const OGRSpatialReference& source, Warnings& warnings,
                                        Feedback* feedback) {
    if (feedback && feedback->isCanceled())
        throw Error(ErrorKind::Canceled, Location{path}, msg("io.geo.reading_canceled"));
    auto out = collectCommunes(read, path, source, warnings);
    report(feedback, 100);
    return out;
}

//! readCommunePolygons of a plain GeoJSON file (GeoJsonPolygons): the same communes, errors and warnings as
//! through GDAL. Throws GeoJsonNotPlain, before any warning is added, when the file is not plain or its
//! code field is not found (GDAL's reading then says which fields there are).
std::vector<model::Commune> readPlainGeoJsonCommunes(const std::string& path,
                                                     const PolygonReadOptions& options, Warnings& warnings,
                                                     Feedback* feedback) {
    ensureGdalCore();
    GeoJsonPolygons features(path);
    const OGRFeatureDefn& defn = features.defn();
    if (findField(defn, {options.codeField, "code", "insee_com", "codgeo", "insee", "code_insee"}) < 0)
        throw GeoJsonNotPlain{};
    const CommuneFields fields = communeFields(defn, path, options);
    OGRSpatialReference wgs84, target;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    target.importFromEPSG(model::kWorkingEpsg);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    GdalErrorCollector gdalErrors;
    std::unique_ptr<OGRCoordinateTransformation> toLambert93(
        OGRCreateCoordinateTransformation(&wgs84, &target));
    if (!toLambert93)
        throw GeoJsonNotPlain{};
    ReadCommunes read = readPendingCommunes([&features] { return features.next(); },
                                            [&features] { return 100.0 * features.fraction(); }, fields, path,
                                            toLambert93.get(), options.spool, feedback);
    return collectRead(read, path, wgs84, warnings, feedback);
}

} // namespace

std::vector<model::Commune> readCommunePolygons(const std::string& path, const PolygonReadOptions& options,
                                                Warnings& warnings, Feedback* feedback) {
    if (options.layer.empty()) { // any file: another format is told at its first character
        try {
            return readPlainGeoJsonCommunes(path, options, warnings, feedback);
        } catch (const GeoJsonNotPlain&) {
            // read through GDAL below: its messages, its forms of GeoJSON
        }
    }
    PolygonSource src = openPolygonSource(path, options.layer, warnings);
    OGRLayer* layer = src.layer;
    const CommuneFields fields = communeFields(*layer->GetLayerDefn(), path, options);
    const GIntBig total = layer->GetFeatureCount(TRUE);
    layer->ResetReading();
    ReadCommunes read =
        readPendingCommunes([layer] { return FeaturePtr(layer->GetNextFeature()); },
                            [&] {
                                return total > 0 ? 100.0 * static_cast<double>(layer->GetFeaturesRead()) /
                                                       static_cast<double>(total)
                                                 : 0.0;
                            },
                            fields, path, src.toLambert93.get(), options.spool, feedback);
    return collectRead(read, path, *src.crs, warnings, feedback);
}

std::vector<PolygonFeature> readPolygonFeatures(const std::string& path, const std::string& layerName,
                                                Warnings& warnings) {
    PolygonSource src = openPolygonSource(path, layerName, warnings);
    GdalErrorCollector gdalErrors;
    std::vector<PolygonFeature> out;
    long index = 0;
    for (auto& f : *src.layer) {
        PolygonFeature feature;
        feature.index = ++index;
        feature.fields = fieldsAsText(*f);
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty())
            continue; // features without geometry: counted below (none at all is an error)
        polygonOfFeature(*g, src, path, std::to_string(index), feature);
        out.push_back(std::move(feature));
    }
    if (out.empty())
        throw Error(ErrorKind::Format, Location{path},
                    msg("io.geo.no_polygon_feature", {arg::integer("n", index)}));
    return out;
}

namespace {

//! One bassin dissolved from its communes' polygons.
struct DissolvedBassin {
    model::Wkb geometry;
    model::SpooledWkb spooled; // or there, once dissolved (then `geometry` is empty)
    std::shared_ptr<model::WkbStore>
        store;                        // where the members' polygons are kept: the outline goes there too
    std::vector<std::string> missing; // member communes without polygon
    bool repaired = false;
    bool failed = false;
};

using CommuneIndex = std::unordered_map<std::string, int>;

//! True when `g` is a valid MultiPolygon of the area `expected` (m²) up to rounding: adjacent parts' areas
//! add up to their union's, overlapping parts' do not. `wkb`, when given, is `g` written: its validity is
//! proven without GEOS where it can be.
bool validUnion(const GEOSGeometry* g, double expected, const GeosWkb& geos,
                const model::Wkb* wkb = nullptr) {
    GEOSContextHandle_t ctx = geos.context();
    double area = 0;
    return g && GEOSGeomTypeId_r(ctx, g) == GEOS_MULTIPOLYGON && GEOSisEmpty_r(ctx, g) == 0 &&
           GEOSArea_r(ctx, g, &area) == 1 && std::abs(area - expected) <= 1e-9 * expected &&
           ((wkb && provedValid(*wkb)) || GEOSisValid_r(ctx, g) == 1);
}

//! The union of the polygons `parts` (WKB) where they tile without overlapping (communes of a BV), as a
//! valid MultiPolygon's WKB: joined from the edges they do not share (coverage.h), else by GEOS's coverage
//! union, several times faster than a full union; empty when they do not form such a coverage: a part does
//! not parse, GEOS refuses them, or the result is not valid, or its area is not the sum of the parts'
//! (overlaps, slivers). The caller then falls back to the full union.
model::Wkb coverageUnion(const std::vector<const model::Wkb*>& parts, const GeosWkb& geos) {
    GEOSContextHandle_t ctx = geos.context();
    double expected = 0;
    model::Wkb outline = coverageOutline(parts, expected);
    if (!outline.empty()) {
        GEOSGeometry* g = geos.read(outline);
        const bool valid = validUnion(g, expected, geos, &outline);
        geos.destroy(g);
        if (valid)
            return outline;
    }
    std::vector<GEOSGeometry*> geometries;
    geometries.reserve(parts.size());
    expected = 0;
    for (const model::Wkb* wkb : parts) {
        GEOSGeometry* g = geos.read(*wkb);
        double area = 0;
        if (!g || GEOSArea_r(ctx, g, &area) != 1) {
            geos.destroy(g);
            for (GEOSGeometry* other : geometries)
                geos.destroy(other);
            return {};
        }
        expected += area;
        geometries.push_back(g);
    }
    // The collection owns the parts from here.
    GEOSGeometry* in = GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, geometries.data(),
                                                   static_cast<unsigned>(geometries.size()));
    GEOSGeometry* out = in ? GEOSCoverageUnion_r(ctx, in) : nullptr;
    geos.destroy(in);
    if (out && GEOSGeomTypeId_r(ctx, out) == GEOS_POLYGON) {
        GEOSGeometry* polygon = out;
        out = GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, &polygon, 1);
        if (!out)
            geos.destroy(polygon);
    }
    model::Wkb wkb;
    if (validUnion(out, expected, geos))
        wkb = geos.write(out);
    geos.destroy(out);
    return wkb;
}

//! The union of `parts` by GEOS's full overlay, as a valid MultiPolygon (`repaired` when MakeValid had to
//! mend it), or nullptr.
GeomPtr fullUnion(const OGRMultiPolygon& parts, bool& repaired) {
    GeomPtr u(parts.UnionCascaded());
    if (!u) {
        // A topology exception: repair each part, then retry.
        OGRMultiPolygon valid;
        for (const auto* p : parts)
            if (GeomPtr v = makeValidMultiPolygon(*p))
                collectPolygons(*v, valid);
        u.reset(valid.UnionCascaded());
    }
    if (!u)
        return nullptr;
    GeomPtr mp = toMultiPolygon(*u);
    if (!mp->IsValid()) {
        repaired = true;
        mp = makeValidMultiPolygon(*mp);
    }
    return mp;
}

//! The union of `b`'s communes' polygons (each thread has its own GEOS context and builds its own OGR
//! geometries for the fallback: operations on distinct objects are safe).
DissolvedBassin dissolveOne(const model::Bassin& b, const model::Dataset& dataset, const CommuneIndex& index,
                            const GeosWkb& geos) {
    DissolvedBassin r;
    std::vector<const model::Wkb*> parts;
    parts.reserve(b.communes.size());
    std::vector<const model::Commune*> members;
    members.reserve(b.communes.size());
    for (const auto& code : b.communes) {
        auto it = index.find(code);
        if (it == index.end() || !model::hasGeometry(dataset.communes[it->second]))
            r.missing.push_back(code);
        else
            members.push_back(&dataset.communes[it->second]);
    }
    // The spooled ones read back in the file's order (fewer reads), the parts kept in the bassin's.
    std::vector<std::size_t> byOffset(members.size());
    for (std::size_t k = 0; k < members.size(); ++k)
        byOffset[k] = k;
    std::sort(byOffset.begin(), byOffset.end(), [&](std::size_t a, std::size_t b) {
        return members[a]->spooled.offset < members[b]->spooled.offset;
    });
    std::vector<model::Wkb> read(members.size());
    std::vector<const model::Wkb*> wkbs(members.size());
    for (std::size_t k : byOffset)
        wkbs[k] = &model::wkbOf(*members[k], read[k]);
    for (std::size_t k = 0; k < members.size(); ++k) {
        parts.push_back(wkbs[k]);
        if (!r.store)
            r.store = members[k]->spooled.store;
    }
    if (parts.empty())
        return r;
    r.geometry = coverageUnion(parts, geos);
    if (r.geometry.empty()) {
        OGRMultiPolygon polygons;
        for (const model::Wkb* wkb : parts)
            if (GeomPtr g = fromWkb(*wkb))
                collectPolygons(*g, polygons);
        GeomPtr mp = polygons.IsEmpty() ? nullptr : fullUnion(polygons, r.repaired);
        if (mp && !mp->IsEmpty())
            r.geometry = toWkb(*mp);
    }
    r.failed = r.geometry.empty();
    return r;
}

//! Anchors: the main commune (same code as the BV), else the most populous member, else the polygon.
void anchorBassins(model::Dataset& dataset, const CommuneIndex& index) {
    for (auto& b : dataset.bassins) {
        if (!isZero(b.anchor))
            continue;
        const model::Commune* main = nullptr;
        if (auto it = index.find(b.code); it != index.end() && !isZero(dataset.communes[it->second].anchor))
            main = &dataset.communes[it->second];
        if (!main) {
            for (const auto& code : b.communes) {
                auto it = index.find(code);
                if (it == index.end() || isZero(dataset.communes[it->second].anchor))
                    continue;
                const auto& c = dataset.communes[it->second];
                if (!main || c.population > main->population)
                    main = &c;
            }
        }
        if (main)
            b.anchor = main->anchor;
        else if (model::Wkb read; GeomPtr g = fromWkb(model::wkbOf(b, read)))
            pointOnSurface(*g, b.anchor);
    }
}

//! The outlines put in place, and one warning each for missing communes, failed and repaired outlines.
void storeDissolved(model::Dataset& dataset, const std::vector<std::size_t>& todo,
                    std::vector<DissolvedBassin>& results, Warnings& warnings) {
    std::vector<std::string> missing, failed, repaired;
    for (std::size_t k = 0; k < todo.size(); ++k) {
        model::Bassin& b = dataset.bassins[todo[k]];
        DissolvedBassin& r = results[k];
        for (const auto& c : r.missing)
            missing.push_back(b.code + ": " + c);
        if (r.failed || (!model::hasGeometry(r) && !b.communes.empty()))
            failed.push_back(b.code);
        if (r.repaired)
            repaired.push_back(b.code);
        b.geometry = std::move(r.geometry);
        b.spooled = std::move(r.spooled);
    }
    if (!missing.empty())
        warnings.push_back(makeWarning(ErrorKind::Geometry, Location{},
                                       msg("io.geo.bassin_communes_without_polygon",
                                           {arg::integer("n", static_cast<long long>(missing.size()))}),
                                       missing));
    if (!failed.empty())
        warnings.push_back(makeWarning(
            ErrorKind::Geometry, Location{},
            msg("io.geo.bassins_without_outline", {arg::integer("n", static_cast<long long>(failed.size()))}),
            failed));
    if (!repaired.empty())
        warnings.push_back(makeWarning(ErrorKind::Geometry, Location{},
                                       msg("io.geo.bassin_outlines_repaired",
                                           {arg::integer("n", static_cast<long long>(repaired.size()))}),
                                       repaired));
}

} // namespace

void dissolveBassins(model::Dataset& dataset, Warnings& warnings, Feedback* feedback) {
    ensureGdalCore();
    CommuneIndex index;
    index.reserve(dataset.communes.size());
    for (std::size_t i = 0; i < dataset.communes.size(); ++i)
        index.emplace(dataset.communes[i].code, static_cast<int>(i));
    std::vector<std::size_t> todo;
    for (std::size_t i = 0; i < dataset.bassins.size(); ++i)
        if (!model::hasGeometry(dataset.bassins[i]))
            todo.push_back(i);
    // Largest first: better balance between threads.
    std::stable_sort(todo.begin(), todo.end(), [&](std::size_t a, std::size_t b) {
        return dataset.bassins[a].communes.size() > dataset.bassins[b].communes.size();
    });
    std::vector<DissolvedBassin> results(todo.size());
    const std::size_t threads = threadCount(todo.size());
    std::vector<std::unique_ptr<GeosWkb>> geos(threads); // one context per thread, made by its thread
    parallelFor(
        todo.size(), threads, feedback,
        [&](std::size_t k, std::size_t thread) {
            if (!geos[thread])
                geos[thread] = std::make_unique<GeosWkb>();
            DissolvedBassin r = dissolveOne(dataset.bassins[todo[k]], dataset, index, *geos[thread]);
            model::storeGeometry(std::move(r.geometry), r.store, r.geometry, r.spooled); // out of memory now
            results[k] = std::move(r);
        },
        [&](std::size_t done) {
            report(feedback, 100.0 * static_cast<double>(done) / static_cast<double>(todo.size()));
        });
    if (feedback && feedback->isCanceled())
        throw Error(ErrorKind::Canceled, Location{}, msg("io.geo.dissolve_canceled"));
    storeDissolved(dataset, todo, results, warnings);
    anchorBassins(dataset, index);
    report(feedback, 100);
}

void foldArrondissements(std::vector<model::Commune>& communes, Warnings& warnings) {
    std::unordered_map<std::string, std::vector<std::size_t>> groups; // parent code -> members
    std::vector<std::string> folded;
    for (std::size_t i = 0; i < communes.size(); ++i) {
        if (codes::isArrondissement(communes[i].code)) {
            folded.push_back(communes[i].code);
            groups[codes::foldArrondissement(communes[i].code)];
        }
    }
    if (folded.empty())
        return;
    ensureGdalCore();
    for (std::size_t i = 0; i < communes.size(); ++i) {
        auto it = groups.find(codes::foldArrondissement(communes[i].code));
        if (it != groups.end())
            it->second.push_back(i);
    }
    static const std::unordered_map<std::string, std::string> cityNames = {
        {"75056", "Paris"}, {"69123", "Lyon"}, {"13055", "Marseille"}};
    std::vector<bool> drop(communes.size(), false);
    for (auto& [parent, members] : groups) {
        model::Commune merged;
        merged.code = parent;
        merged.dep = codes::departementOf(parent);
        OGRMultiPolygon parts;
        bool anyGeometry = false;
        std::shared_ptr<model::WkbStore> store; // where the parts are kept: the merged polygon goes there too
        model::Wkb read;
        for (std::size_t i : members) {
            const model::Commune& c = communes[i];
            if (c.code == parent)
                merged.name = c.name;
            merged.population += c.population;
            if (merged.bv.empty() || c.code == parent)
                merged.bv = c.bv.empty() ? merged.bv : c.bv;
            if (merged.reg.empty())
                merged.reg = c.reg;
            if (GeomPtr g = fromWkb(model::wkbOf(c, read))) {
                collectPolygons(*g, parts);
                anyGeometry = true;
            }
            if (!store)
                store = c.spooled.store;
        }
        if (merged.name.empty())
            merged.name = cityNames.at(parent);
        if (anyGeometry) {
            GeomPtr u(parts.UnionCascaded());
            if (u) {
                if (GeomPtr mp = makeValidMultiPolygon(*u)) {
                    pointOnSurface(*mp, merged.anchor);
                    model::storeGeometry(merged, toWkb(*mp), store);
                }
            }
            if (!model::hasGeometry(merged))
                throw Error(ErrorKind::Geometry, Location{},
                            msg("io.geo.arrondissements_not_merged",
                                {arg::text("name", merged.name), arg::text("code", parent)}));
        }
        communes[members.front()] = std::move(merged);
        for (std::size_t k = 1; k < members.size(); ++k)
            drop[members[k]] = true;
    }
    std::size_t out = 0;
    for (std::size_t i = 0; i < communes.size(); ++i)
        if (!drop[i]) {
            if (out != i)
                communes[out] = std::move(communes[i]);
            ++out;
        }
    communes.resize(out);
    warnings.push_back(makeWarning(
        ErrorKind::Value, Location{},
        msg("io.geo.arrondissements_merged", {arg::integer("n", static_cast<long long>(folded.size()))}),
        folded));
}

bool isValidPolygon(const model::Wkb& wkb) {
    ensureGdalCore();
    GeomPtr g = fromWkb(wkb);
    if (!g || g->IsEmpty())
        return false;
    const auto t = wkbFlatten(g->getGeometryType());
    if (t != wkbPolygon && t != wkbMultiPolygon)
        return false;
    GdalErrorCollector gdalErrors;
    return g->IsValid();
}

double areaKm2(const model::Wkb& wkb) {
    ensureGdalCore();
    GeomPtr g = fromWkb(wkb);
    if (!g || g->IsEmpty())
        return 0;
    const auto t = wkbFlatten(g->getGeometryType());
    if (t == wkbPolygon || t == wkbCurvePolygon)
        return g->toCurvePolygon()->get_Area() / 1e6;
    if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection))
        return g->toGeometryCollection()->get_Area() / 1e6;
    return 0;
}

} // namespace maillage::io
