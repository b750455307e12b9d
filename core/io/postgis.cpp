#include "core/io/postgis.h"
#include "core/io/postgis_connection.h"
#include "core/io/postgis_read.h"

#include "core/io/atomic_file.h"
#include "core/io/gdal_util.h"
#include "core/io/geo.h"
#include "core/io/gpkg.h"
#include "core/io/gpkg_scenarios.h"
#include "core/model/error.h"
#include "core/model/message.h"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <libpq-fe.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <regex>
#include <string>
#include <unistd.h>

namespace maillage::io {

using pg::cleanReason;
using pg::Connection;
using pg::fail;
using pg::quoted;
using pg::Transaction;

namespace {

const char* const kVersions = "maillage_versions";

bool isPlainIdentifier(const std::string& s) {
    static const std::regex identifier("[a-z_][a-z0-9_]{0,62}");
    return std::regex_match(s, identifier);
}

//! GDAL's name for the schema's tables: only that schema is listed, without prefix.
std::string gdalName(const PostgisLocation& where, const std::string& schema) {
    return "PG:" + where.connection + " schemas=" + schema + " active_schema=" + schema;
}

DatasetPtr openGdal(const PostgisLocation& where, const std::string& schema, bool update,
                    const std::string& display) {
    ensureGdal();
    GdalErrorCollector errors;
    const char* drivers[] = {"PostgreSQL", nullptr};
    // Attribute tables (professionals, parameters...) are listed too: a copy takes every table.
    const char* options[] = {"LIST_ALL_TABLES=YES", nullptr};
    DatasetPtr ds(GDALDataset::Open(gdalName(where, schema).c_str(),
                                    GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), drivers,
                                    options));
    if (!ds)
        fail(ErrorKind::CannotOpen, display, "pg.connect_failed",
             {arg::text("reason", cleanReason(errors.message()))});
    return ds;
}

//! Copies every layer of `from` into `to` (except `skip`), with their FIDs; throws Error(Write) on `display`.
void copyLayers(GDALDataset& from, GDALDataset& to, const std::string& display, const char* skip,
                Feedback* feedback) {
    const int n = from.GetLayerCount();
    for (int i = 0; i < n; ++i) {
        OGRLayer* layer = from.GetLayer(i);
        const std::string name = layer->GetName();
        if (skip && name == skip)
            continue;
        if (feedback && feedback->isCanceled())
            fail(ErrorKind::Canceled, display, "pg.canceled");
        GdalErrorCollector errors;
        const char* options[] = {"LAUNDER=NO", "PRECISION=NO",       "GEOMETRY_NAME=geom",
                                 "FID=fid",    "SPATIAL_INDEX=GIST", nullptr};
        // The GPKG driver ignores SPATIAL_INDEX=GIST (it warns); others are common to both drivers.
        const char* gpkgOptions[] = {"GEOMETRY_NAME=geom", "FID=fid", nullptr};
        const bool toGpkg = std::string(to.GetDriverName()) == "GPKG";
        layer->ResetReading();
        if (!to.CopyLayer(layer, name.c_str(), const_cast<char**>(toGpkg ? gpkgOptions : options)))
            fail(ErrorKind::Write, display, "pg.copy_layer_failed",
                 {arg::code("layer", name), arg::text("reason", cleanReason(errors.message()))});
        if (!errors.errors().empty())
            fail(ErrorKind::Write, display, "pg.copy_layer_failed",
                 {arg::code("layer", name), arg::text("reason", cleanReason(errors.message()))});
        if (feedback)
            feedback->setProgress(100.0 * (i + 1) / n);
    }
}

//! `text` escaped for COPY's text format.
void appendEscaped(std::string& out, const char* text) {
    for (const char* p = text; *p; ++p) {
        switch (*p) {
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += *p;
        }
    }
}

void appendHex(std::string& out, const unsigned char* data, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
}

//! One field as COPY text. Reals with 17 digits: GDAL's own writer keeps 15, which is not lossless.
void appendField(std::string& out, OGRFeature& f, int i) {
    if (!f.IsFieldSetAndNotNull(i)) {
        out += "\\N";
        return;
    }
    switch (f.GetFieldDefnRef(i)->GetType()) {
    case OFTReal: {
        char number[40];
        std::snprintf(number, sizeof number, "%.17g", f.GetFieldAsDouble(i));
        out += number;
        break;
    }
    case OFTBinary: {
        int n = 0;
        const GByte* data = f.GetFieldAsBinary(i, &n);
        out += "\\\\x";
        appendHex(out, data, static_cast<std::size_t>(n));
        break;
    }
    default:
        appendEscaped(out, f.GetFieldAsString(i));
    }
}

//! The geometry as PostGIS's hex EWKB with `srid` (the old OGC variant's Z flag is EWKB's).
void appendGeometry(std::string& out, const OGRGeometry* g, int srid) {
    if (!g) {
        out += "\\N";
        return;
    }
    std::vector<unsigned char> wkb(g->WkbSize());
    g->exportToWkb(wkbNDR, wkb.data(), wkbVariantOldOgc);
    std::uint32_t type = 0;
    std::memcpy(&type, wkb.data() + 1, 4);
    type |= 0x20000000u; // SRID present
    unsigned char head[9];
    head[0] = wkb[0];
    std::memcpy(head + 1, &type, 4);
    const auto s = static_cast<std::uint32_t>(srid);
    std::memcpy(head + 5, &s, 4);
    appendHex(out, head, 9);
    appendHex(out, wkb.data() + 5, wkb.size() - 5);
}

//! Every row of `from` into the table GDAL created for it in `schema`, FIDs kept, through COPY.
void copyRows(Connection& c, OGRLayer& from, const std::string& schema) {
    const std::string table = quoted(schema) + "." + quoted(from.GetName());
    OGRFeatureDefn* defn = from.GetLayerDefn();
    std::string columns = "fid";
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        columns += ", " + quoted(defn->GetFieldDefn(i)->GetNameRef());
    const bool spatial = defn->GetGeomFieldCount() > 0;
    int srid = 0;
    if (spatial) {
        columns += ", geom";
        srid = std::atoi(
            c.value("SELECT srid FROM geometry_columns WHERE f_table_schema = $1 AND f_table_name = $2",
                    {schema, from.GetName()})
                .c_str());
    }
    from.ResetReading();
    c.copyIn("COPY " + table + " (" + columns + ") FROM STDIN", [&](std::string& out) {
        OGRFeatureUniquePtr f(from.GetNextFeature());
        if (!f)
            return false;
        out += std::to_string(f->GetFID());
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            out += '\t';
            appendField(out, *f, i);
        }
        if (spatial) {
            out += '\t';
            appendGeometry(out, f->GetGeometryRef(), srid);
        }
        out += '\n';
        return true;
    });
    // Rows saved later (parameters, cooperations) take the FIDs after these.
    c.exec("SELECT setval(pg_get_serial_sequence($1, 'fid'), coalesce(max(fid), 0) + 1, false) FROM " + table,
           {table});
}

//! The tables of `from` created empty in `to` (GDAL's PostgreSQL driver: geometry columns, spatial indexes).
void createTables(GDALDataset& from, GDALDataset& to, const std::string& display, const char* skip) {
    for (OGRLayer* layer : from.GetLayers()) {
        const std::string name = layer->GetName();
        if (name == skip)
            continue;
        GdalErrorCollector errors;
        const char* options[] = {"LAUNDER=NO", "PRECISION=NO",       "GEOMETRY_NAME=geom",
                                 "FID=fid",    "SPATIAL_INDEX=GIST", nullptr};
        OGRLayer* created = to.CreateLayer(name.c_str(), layer->GetSpatialRef(), layer->GetGeomType(),
                                           const_cast<char**>(options));
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        for (int i = 0; created && i < defn->GetFieldCount(); ++i)
            if (created->CreateField(defn->GetFieldDefn(i)) != OGRERR_NONE)
                created = nullptr;
        if (!created || !errors.errors().empty())
            fail(ErrorKind::Write, display, "pg.copy_layer_failed",
                 {arg::code("layer", name), arg::text("reason", cleanReason(errors.message()))});
    }
}

void copyAllRows(Connection& c, GDALDataset& from, const std::string& schema, Feedback* feedback) {
    const int n = from.GetLayerCount();
    for (int i = 0; i < n; ++i) {
        OGRLayer* layer = from.GetLayer(i);
        if (std::string(layer->GetName()) == kVersions)
            continue;
        if (feedback && feedback->isCanceled())
            fail(ErrorKind::Canceled, c.display(), "pg.canceled");
        copyRows(c, *layer, schema);
        if (feedback)
            feedback->setProgress(100.0 * (i + 1) / n);
    }
}

//! Tables whose types GDAL cannot carry as QGIS expects them in PostgreSQL: qgis_projects.metadata is
//! JSONB there (QGIS queries it as such).
void adaptQgisTables(Connection& c, const std::string& schema) {
    if (c.value("SELECT to_regclass($1)", {quoted(schema) + ".qgis_projects"}).empty())
        return;
    c.exec("ALTER TABLE " + quoted(schema) +
           ".qgis_projects ALTER COLUMN metadata TYPE jsonb USING metadata::jsonb");
}

//! Rows stored in FID order (GDAL's copy may not keep it), so that reading gives the GeoPackage's order.
void clusterByFid(Connection& c, const std::string& schema) {
    Connection::Result keys =
        c.exec("SELECT i.indrelid::regclass::text, quote_ident(x.relname) FROM pg_index i "
               "JOIN pg_class x ON x.oid = i.indexrelid "
               "JOIN pg_class t ON t.oid = i.indrelid WHERE i.indisprimary "
               "AND t.relnamespace = $1::regnamespace",
               {quoted(schema)});
    for (int i = 0; i < PQntuples(keys.get()); ++i) {
        c.exec(std::string("CLUSTER ") + PQgetvalue(keys.get(), i, 0) + " USING " +
               PQgetvalue(keys.get(), i, 1));
        // The planner's row counts (pg_class.reltuples): the reader sizes its vectors with them.
        c.exec(std::string("ANALYZE ") + PQgetvalue(keys.get(), i, 0));
    }
}

void createVersions(Connection& c, const std::string& schema) {
    c.exec("CREATE TABLE " + quoted(schema) + "." + kVersions +
           " (item text PRIMARY KEY, version bigint NOT NULL, saved_by text, saved_at timestamptz)");
    c.exec("INSERT INTO " + quoted(schema) + "." + kVersions +
           " VALUES ('parameters', 1, current_user, now()), ('cooperations', 1, current_user, now()), "
           "('scenarios', 1, current_user, now())");
}

//! QGIS looks for a PostgreSQL layer's styles in public.layer_styles (its own table, created as QGIS does):
//! the dataset's styles (its GeoPackage's layer_styles, copied into `fresh`) are published there for
//! `schema`, in the switch's transaction. Best effort: a role that may not write in public still imports
//! (the styles stay in the dataset's own layer_styles table).
void publishStyles(Connection& c, const std::string& fresh, const std::string& schema) {
    if (c.value("SELECT to_regclass($1)", {quoted(fresh) + ".layer_styles"}).empty())
        return;
    c.exec("SAVEPOINT styles");
    try {
        c.exec(
            "CREATE TABLE IF NOT EXISTS public.layer_styles (id serial PRIMARY KEY, f_table_catalog varchar, "
            "f_table_schema varchar, f_table_name varchar, f_geometry_column varchar, stylename text, "
            "styleqml xml, stylesld xml, useasdefault boolean, description text, owner varchar(63) DEFAULT "
            "CURRENT_USER, ui xml, update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)");
        c.exec("DELETE FROM public.layer_styles WHERE f_table_catalog = current_database() AND "
               "f_table_schema = $1",
               {schema});
        c.exec("INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, "
               "f_geometry_column, "
               "stylename, styleqml, stylesld, useasdefault, description, owner, ui, update_time) "
               "SELECT current_database(), $1, f_table_name, f_geometry_column, \"styleName\", "
               "xmlparse(document \"styleQML\"), nullif(\"styleSLD\", '')::xml, \"useAsDefault\"::boolean, "
               "description, owner, nullif(ui, '')::xml, update_time::timestamp FROM " +
                   quoted(fresh) + ".layer_styles",
               {schema});
        c.exec("RELEASE SAVEPOINT styles");
    } catch (const Error&) {
        c.exec("ROLLBACK TO SAVEPOINT styles");
    }
}

SaveStamp stampOf(const PGresult* r) {
    SaveStamp s;
    if (PQntuples(r) == 0)
        return s;
    s.version = std::atoll(PQgetvalue(r, 0, 0));
    s.savedBy = PQgetvalue(r, 0, 1);
    s.savedAt = PQgetvalue(r, 0, 2);
    return s;
}

std::string stampColumns() {
    return "version, coalesce(saved_by, ''), coalesce(to_char(saved_at AT TIME ZONE 'UTC', "
           "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), '')";
}

//! Locks the version row of `item` in `versions` and refuses (pg.save_stale) when it is no longer `basedOn`.
void checkVersion(Connection& c, const std::string& versions, const std::string& item, long long basedOn) {
    Connection::Result current =
        c.exec("SELECT " + stampColumns() + " FROM " + versions + " WHERE item = $1 FOR UPDATE", {item});
    // No row: never saved (an item added after the dataset was imported, as scenarios): version 0.
    if (PQntuples(current.get()) == 0 && basedOn != 0)
        fail(ErrorKind::Write, c.display(), "pg.no_versions", {arg::code("table", kVersions)});
    const SaveStamp now = stampOf(current.get());
    if (now.version != basedOn)
        fail(ErrorKind::Write, c.display(), "pg.save_stale",
             {arg::text("item", item), arg::text("by", now.savedBy.empty() ? "?" : now.savedBy),
              arg::text("at", now.savedAt.empty() ? "?" : now.savedAt)});
}

//! The roles, other than its owner, that may use `schema`: the readers it was shared with.
std::vector<std::string> schemaUsers(Connection& c, const std::string& schema) {
    Connection::Result r =
        c.exec("SELECT DISTINCT a.grantee::regrole::text FROM pg_namespace n, aclexplode(n.nspacl) a "
               "WHERE n.nspname = $1 AND a.privilege_type = 'USAGE' AND a.grantee <> n.nspowner "
               "AND a.grantee <> 0",
               {schema});
    std::vector<std::string> out;
    for (int i = 0; i < PQntuples(r.get()); ++i)
        out.push_back(PQgetvalue(r.get(), i, 0));
    return out;
}

//! Renames `fresh` to `schema` in one transaction: the previous dataset's versions go on (a save based
//! on the previous import is stale), its readers keep their grants, then it is dropped.
void switchIn(Connection& c, const std::string& fresh, const std::string& schema,
              const std::vector<std::pair<std::string, long long>>& basedOn) {
    Transaction t(c);
    const std::string old = schema + "__old_" + std::to_string(::getpid());
    const bool exists = !c.value("SELECT 1 FROM pg_namespace WHERE nspname = $1", {schema}).empty();
    if (exists) {
        for (const auto& [item, version] : basedOn)
            checkVersion(c, quoted(schema) + "." + kVersions, item, version);
        if (!c.value("SELECT to_regclass($1)", {quoted(schema) + "." + kVersions}).empty())
            c.exec("UPDATE " + quoted(fresh) + "." + kVersions + " n SET version = o.version + 1 FROM " +
                   quoted(schema) + "." + kVersions + " o WHERE o.item = n.item");
        for (const std::string& role : schemaUsers(c, schema)) {
            c.exec("GRANT USAGE ON SCHEMA " + quoted(fresh) + " TO " + role);
            c.exec("GRANT SELECT ON ALL TABLES IN SCHEMA " + quoted(fresh) + " TO " + role);
        }
        c.exec("ALTER SCHEMA " + quoted(schema) + " RENAME TO " + quoted(old));
    }
    publishStyles(c, fresh, schema);
    c.exec("ALTER SCHEMA " + quoted(fresh) + " RENAME TO " + quoted(schema));
    if (exists)
        c.exec("DROP SCHEMA " + quoted(old) + " CASCADE");
    t.commit();
}

//! Schemas left by imports that did not finish (killed, connection lost): theirs only, by name.
void dropLeftovers(Connection& c, const std::string& schema) {
    Connection::Result r =
        c.exec("SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)", {schema + "__import_"});
    for (int i = 0; i < PQntuples(r.get()); ++i)
        c.exec("DROP SCHEMA IF EXISTS " + quoted(PQgetvalue(r.get(), i, 0)) + " CASCADE");
}

//! Locks the version row of `item`, checks it is still `basedOn`, runs `write`, then bumps the version.
template <typename Write>
SaveStamp saveItem(const std::string& location, const std::string& item, long long basedOn, Write&& write) {
    const PostgisLocation where = parsePostgisLocation(location);
    Connection c(where, location);
    Transaction t(c);
    const std::string versions = quoted(where.schema) + "." + kVersions;
    if (c.value("SELECT to_regclass($1)", {versions}).empty())
        fail(ErrorKind::Write, c.display(), "pg.no_versions", {arg::code("table", kVersions)});
    // The row of an item never saved, at version 0, so that two first saves at once lock the same row
    // (the second waits for the first's insert, then finds version 1: refused).
    if (c.value("SELECT 1 FROM " + versions + " WHERE item = $1", {item}).empty())
        c.exec("INSERT INTO " + versions + " (item, version) VALUES ($1, 0) ON CONFLICT (item) DO NOTHING",
               {item});
    checkVersion(c, versions, item, basedOn);
    write(c, quoted(where.schema));
    Connection::Result next = c.exec("UPDATE " + versions +
                                         " SET version = version + 1, saved_by = current_user, "
                                         "saved_at = now() WHERE item = $1 RETURNING " +
                                         stampColumns(),
                                     {item});
    t.commit();
    return stampOf(next.get());
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? separator : "") + parts[i];
    return out;
}

//! The dataset's schema read-only through GDAL's driver, every table listed (for a copy).
DatasetPtr openForCopy(const std::string& location) {
    const PostgisLocation where = parsePostgisLocation(location);
    {
        Connection c(where, location);
        if (c.value("SELECT to_regclass($1)", {quoted(where.schema) + ".communes"}).empty())
            fail(ErrorKind::CannotOpen, location, "pg.no_dataset", {arg::text("schema", where.schema)});
    }
    return openGdal(where, where.schema, false, location);
}

} // namespace

bool isPostgisDataset(const std::string& location) {
    return location.size() >= 3 && std::toupper(static_cast<unsigned char>(location[0])) == 'P' &&
           std::toupper(static_cast<unsigned char>(location[1])) == 'G' && location[2] == ':';
}

PostgisLocation parsePostgisLocation(const std::string& location) {
    if (!isPostgisDataset(location))
        fail(ErrorKind::Parameter, location, "pg.not_a_location");
    std::string rest = location.substr(3);
    static const std::regex schemaWord(R"((^|\s)schema\s*=\s*('([^']*)'|(\S+)))");
    std::smatch m;
    PostgisLocation out;
    if (std::regex_search(rest, m, schemaWord)) {
        out.schema = m[3].matched ? m[3].str() : m[4].str();
        rest = m.prefix().str() + " " + m.suffix().str();
    }
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(rest.c_str(), &error);
    if (!options) {
        const std::string reason = error ? cleanReason(error) : std::string();
        PQfreemem(error);
        // Not the string itself: it may hold a password.
        throw Error(ErrorKind::Parameter, Location{"PG:"},
                    msg("pg.bad_connection", {arg::text("reason", reason)}));
    }
    bool password = false;
    for (PQconninfoOption* o = options; o->keyword; ++o)
        if (std::string(o->keyword) == "password" && o->val && *o->val)
            password = true;
    PQconninfoFree(options);
    if (password)
        throw Error(ErrorKind::Parameter, Location{"PG:"}, msg("pg.password_in_string"));
    if (out.schema.empty())
        fail(ErrorKind::Parameter, location, "pg.schema_missing");
    if (!isPlainIdentifier(out.schema) || out.schema == "public")
        fail(ErrorKind::Parameter, location, "pg.schema_invalid", {arg::text("schema", out.schema)});
    out.connection = rest;
    return out;
}

DatasetPtr openPostgisForReading(const std::string& location, bool geometries) {
    return readPostgisTables(parsePostgisLocation(location), location, geometries);
}

void copyGpkgToPostgis(const std::string& gpkgPath, const std::string& location, Feedback* feedback,
                       const std::vector<std::pair<std::string, long long>>& basedOn) {
    const PostgisLocation where = parsePostgisLocation(location);
    ensureGdal();
    GdalErrorCollector errors;
    const char* gpkg[] = {"GPKG", nullptr};
    DatasetPtr from(GDALDataset::Open(gpkgPath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, gpkg));
    if (!from)
        fail(ErrorKind::CannotOpen, gpkgPath, "pg.not_geopackage",
             {arg::text("reason", errors.errors().empty() ? std::string() : " (" + errors.message() + ")")});
    Connection c(where, location);
    dropLeftovers(c, where.schema);
    const std::string fresh = where.schema + "__import_" + std::to_string(::getpid());
    c.exec("CREATE SCHEMA " + quoted(fresh));
    try {
        {
            DatasetPtr to = openGdal(where, fresh, true, location);
            createTables(*from, *to, location, kVersions);
        }
        copyAllRows(c, *from, fresh, feedback);
        clusterByFid(c, fresh);
        adaptQgisTables(c, fresh);
        createVersions(c, fresh);
        switchIn(c, fresh, where.schema, basedOn);
    } catch (...) {
        try {
            c.exec("DROP SCHEMA IF EXISTS " + quoted(fresh) + " CASCADE");
        } catch (...) {
            // Connection lost: the next import drops it (dropLeftovers).
        }
        throw;
    }
}

void copyPostgisToGpkg(const std::string& location, const std::string& gpkgPath, Feedback* feedback) {
    checkOutputPath(gpkgPath);
    DatasetPtr from = openForCopy(location);
    const std::string tmp = temporaryPathFor(gpkgPath);
    TemporaryGuard guard(tmp);
    try {
        GdalErrorCollector errors;
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        DatasetPtr to(driver ? driver->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
        if (!to)
            fail(ErrorKind::Write, gpkgPath, "pg.write_file_failed", {arg::text("reason", errors.message())});
        copyLayers(*from, *to, gpkgPath, kVersions, feedback);
        CPLErrorReset();
        to.reset();
        if (CPLGetLastErrorType() >= CE_Failure)
            fail(ErrorKind::Write, gpkgPath, "pg.write_file_failed", {arg::text("reason", lastGdalError())});
    } catch (...) {
        std::remove(tmp.c_str());
        throw;
    }
    commitTemporary(tmp, gpkgPath);
}

void writePostgisDataset(const model::Dataset& dataset, const std::string& location, Feedback* feedback) {
    parsePostgisLocation(location); // refused before the work
    const TemporaryGpkg tmp;
    writeDataset(dataset, tmp.path(), nullptr);
    copyGpkgToPostgis(tmp.path(), location, feedback);
}

TemporaryGpkg::TemporaryGpkg() {
    const char* dir = std::getenv("TMPDIR");
    const std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/maillage-pg-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0)
        fail(ErrorKind::Write, pattern, "pg.write_file_failed", {arg::text("reason", std::strerror(errno))});
    ::close(fd);
    // The reserved name stays (nobody else takes it); GDAL creates the GeoPackage beside it, with .gpkg.
    m_reserved = name.data();
    m_path = m_reserved + ".gpkg";
    m_guard = std::make_unique<TemporaryGuard>(m_path);
}

TemporaryGpkg::~TemporaryGpkg() {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        std::remove((m_path + suffix).c_str());
    std::remove(m_reserved.c_str());
}

SaveStamp postgisSaveStamp(const std::string& location, const std::string& item) {
    const PostgisLocation where = parsePostgisLocation(location);
    Connection c(where, location);
    Connection::Result r = c.exec("SELECT " + stampColumns() + " FROM " + quoted(where.schema) + "." +
                                      kVersions + " WHERE item = $1",
                                  {item}, ErrorKind::CannotOpen);
    return stampOf(r.get());
}

SaveStamp savePostgisParameters(const std::string& location, const model::Parameters& parameters,
                                long long basedOn) {
    parameters.validate(location);
    return saveItem(location, "parameters", basedOn, [&](Connection& c, const std::string& schema) {
        c.exec("DELETE FROM " + schema + ".parameters");
        for (const auto& [key, value] : parameters.toKeyValues())
            c.exec("INSERT INTO " + schema + ".parameters (key, value) VALUES ($1, $2)",
                   {key, std::to_string(value)});
    });
}

SaveStamp savePostgisCooperations(const std::string& location,
                                  const std::vector<model::Cooperation>& cooperations, long long basedOn) {
    return saveItem(location, "cooperations", basedOn, [&](Connection& c, const std::string& schema) {
        c.exec("DELETE FROM " + schema + ".cooperations");
        // Every column of the GeoPackage's table (core/io/gpkg.cpp writeCooperationsLayer), joined the same.
        for (const auto& coop : cooperations)
            c.exec("INSERT INTO " + schema +
                       ".cooperations (name, kind, bassins, seat, start_year, source, establishments) "
                       "VALUES ($1, $2, $3, $4, nullif($5, '0')::integer, $6, $7)",
                   {coop.name, coop.kind, joined(coop.bassins, ","), coop.seat,
                    std::to_string(coop.startYear), coop.source, joined(coop.establishments, "|")});
    });
}

SaveStamp savePostgisScenarios(const std::string& location, const std::vector<model::Scenario>& scenarios,
                               long long basedOn) {
    const std::string schema = parsePostgisLocation(location).schema;
    return saveItem(location, "scenarios", basedOn, [&](Connection& c, const std::string& quotedSchema) {
        const std::string table = quotedSchema + ".scenarios";
        if (c.value("SELECT to_regclass($1)", {table}).empty()) {
            // A dataset written without scenarios has no table (core/io/gpkg.cpp writes one only when there
            // are some): created as GDAL's driver creates it, readable by those the dataset is shared with.
            c.exec("CREATE TABLE " + table +
                   " (fid serial PRIMARY KEY, name varchar, description varchar, changes varchar)");
            for (const std::string& role : schemaUsers(c, schema))
                c.exec("GRANT SELECT ON " + table + " TO " + role);
        }
        c.exec("DELETE FROM " + table);
        // The columns of the GeoPackage's table (core/io/gpkg_scenarios.cpp writeScenariosLayer).
        for (const model::Scenario& s : scenarios)
            c.exec("INSERT INTO " + table + " (name, description, changes) VALUES ($1, $2, $3)",
                   {s.name, s.description, changesToJson(s.changes)});
    });
}

bool postgisCanSave(const std::string& location, Message* why) {
    const PostgisLocation where = parsePostgisLocation(location);
    Connection c(where, location);
    const std::string s = quoted(where.schema) + ".";
    const bool can = c.value("SELECT has_table_privilege($1, 'INSERT,DELETE') AND has_table_privilege($2, "
                             "'INSERT,DELETE') AND has_table_privilege($3, 'UPDATE')",
                             {s + "parameters", s + "cooperations", s + kVersions}) == "t";
    if (!can && why)
        *why = msg("pg.read_only", {arg::text("role", c.value("SELECT current_user"))});
    return can;
}

std::vector<std::string> postgisDatasets(const std::string& connection) {
    PostgisLocation where;
    where.connection = isPostgisDataset(connection) ? connection.substr(3) : connection;
    Connection c(where, "PG:" + where.connection);
    Connection::Result r =
        c.exec("SELECT nspname FROM pg_namespace WHERE has_schema_privilege(nspname, 'USAGE') "
               "AND to_regclass(quote_ident(nspname) || '.metadata') IS NOT NULL "
               "AND to_regclass(quote_ident(nspname) || '.communes') IS NOT NULL ORDER BY 1",
               {}, ErrorKind::CannotOpen);
    std::vector<std::string> out;
    for (int i = 0; i < PQntuples(r.get()); ++i)
        out.push_back(PQgetvalue(r.get(), i, 0));
    return out;
}

std::vector<std::pair<std::string, std::string>> postgisConnectionKeywords(const std::string& location) {
    const PostgisLocation where = parsePostgisLocation(location);
    std::vector<std::pair<std::string, std::string>> out;
    PQconninfoOption* options = PQconninfoParse(where.connection.c_str(), nullptr);
    bool service = false;
    for (PQconninfoOption* o = options; o && o->keyword; ++o) {
        const std::string key = o->keyword;
        if (o->val && *o->val && key != "password" && key != "passfile") {
            out.emplace_back(key, o->val);
            service = service || key == "service";
        }
    }
    PQconninfoFree(options);
    if (service)
        return out; // the service file says the rest, on each analyst's machine
    Connection c(where, location);
    const auto has = [&](const char* key) {
        return std::any_of(out.begin(), out.end(), [&](const auto& kv) { return kv.first == key; });
    };
    // What libpq took from PGHOST, PGPORT, PGDATABASE: written out, the project does not depend on them.
    const std::pair<const char*, const char*> resolved[] = {
        {"host", PQhost(c.handle())}, {"port", PQport(c.handle())}, {"dbname", PQdb(c.handle())}};
    for (const auto& [key, value] : resolved)
        if (!has(key) && value && *value && value[0] != '/')
            out.emplace_back(key, value);
    return out;
}

} // namespace maillage::io
