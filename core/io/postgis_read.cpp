#include "core/io/postgis_read.h"

#include "core/io/postgis.h"
#include "core/io/postgis_connection.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace maillage::io {

namespace {

using Result = pg::Connection::Result;

//! Tables the dataset reader never reads (core/io/gpkg.cpp readAll): not fetched.
const char* const kNotRead[] = {"layer_styles", "qgis_projects", "maillage_versions", "poles", "liens"};

//! How a column comes in the binary results.
enum class Wire { Int16, Int32, Int64, Float32, Float64, Bool, Text, Bytes };

//! One attribute column: what is selected, how it comes, and the GDAL field GDAL's driver would make.
struct Column {
    std::string name, select;
    Wire wire = Wire::Text;
    OGRFieldType type = OFTString;
    OGRFieldSubType subtype = OFSTNone;
};

//! One table as the catalogue describes it.
struct Table {
    std::string name;
    std::string fid;            //!< the single integer primary key ("" when none): the FID, not a field
    Wire fidWire = Wire::Int32; //!< its type
    std::vector<Column> fields;
    std::string geometry; //!< the geometry column ("" when none)
    OGRwkbGeometryType geometryType = wkbUnknown;
    std::string srsAuthority, srsWkt; //!< "EPSG:2154" and the WKT of spatial_ref_sys
    GIntBig rows = 0;                 //!< the planner's estimate (reserve and progress only)
};

//! The column `name` of PostgreSQL type `type` (pg_type.typname), mapped as GDAL's driver maps it;
//! types without a binary decoding here are selected as text.
Column columnOf(const std::string& name, const std::string& type) {
    const std::string q = pg::quoted(name);
    struct Mapping {
        const char* type;
        Wire wire;
        OGRFieldType field;
        OGRFieldSubType subtype;
        const char* select; // %s: the column
    };
    static const Mapping mappings[] = {
        {"int2", Wire::Int16, OFTInteger, OFSTInt16, "%s"},
        {"int4", Wire::Int32, OFTInteger, OFSTNone, "%s"},
        {"int8", Wire::Int64, OFTInteger64, OFSTNone, "%s"},
        {"float4", Wire::Float32, OFTReal, OFSTFloat32, "%s"},
        {"float8", Wire::Float64, OFTReal, OFSTNone, "%s"},
        {"numeric", Wire::Float64, OFTReal, OFSTNone, "%s::float8"},
        {"bool", Wire::Bool, OFTInteger, OFSTBoolean, "%s"},
        {"bytea", Wire::Bytes, OFTBinary, OFSTNone, "%s"},
        {"text", Wire::Text, OFTString, OFSTNone, "%s"},
        {"varchar", Wire::Text, OFTString, OFSTNone, "%s"},
        {"date", Wire::Text, OFTDate, OFSTNone, "to_char(%s, 'YYYY-MM-DD')"},
        {"timestamp", Wire::Text, OFTDateTime, OFSTNone, "to_char(%s, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS')"},
        {"timestamptz", Wire::Text, OFTDateTime, OFSTNone,
         "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"},
        {"json", Wire::Text, OFTString, OFSTJSON, "%s::text"},
        {"jsonb", Wire::Text, OFTString, OFSTJSON, "%s::text"},
    };
    Column c{name, q + "::text"};
    for (const Mapping& m : mappings)
        if (type == m.type) {
            std::string select = m.select;
            select.replace(select.find("%s"), 2, q);
            c = {name, select, m.wire, m.field, m.subtype};
        }
    return c;
}

//! Columns of every table of the schema the role may read ($2: the tables left out), with primary key,
//! geometry type and SRS, and each table's number of rows as the planner knows it (pg_class.reltuples, set
//! by the ANALYZE of the import; 0 when unknown): the reader only sizes its vectors and its progress with
//! it, so counting every table (a second scan of each before its COPY) is not worth it. One query.
const char* const kCatalogue =
    "WITH t AS MATERIALIZED (SELECT c.oid, c.relname, GREATEST(c.reltuples, 0)::bigint::text AS rows "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 "
    "AND c.relkind IN ('r', 'p', 'v', 'm') AND has_table_privilege(c.oid, 'SELECT') "
    "AND c.relname <> ALL ($2::text[])) "
    "SELECT t.relname, a.attname, ty.typname, "
    "EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = t.oid AND i.indisprimary AND i.indnatts = 1 "
    "AND i.indkey[0] = a.attnum), "
    "CASE WHEN ty.typname = 'geometry' THEN postgis_typmod_type(a.atttypmod) END, "
    "s.auth_name || ':' || s.auth_srid, s.srtext, t.rows "
    "FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped "
    "JOIN pg_type ty ON ty.oid = a.atttypid "
    "LEFT JOIN spatial_ref_sys s ON ty.typname = 'geometry' AND s.srid = postgis_typmod_srid(a.atttypmod) "
    "ORDER BY t.relname, a.attnum";

//! kNotRead as a text[] literal ($2 of kCatalogue).
std::string notReadArray() {
    std::string out = "{";
    for (const char* table : kNotRead)
        out += (out.size() > 1 ? "," : "") + std::string(table);
    return out + "}";
}

//! The tables of the catalogue result (kCatalogue), those the reader reads.
std::vector<Table> tablesOf(const PGresult* r) {
    std::vector<Table> out;
    for (int i = 0; i < PQntuples(r); ++i) {
        const std::string table = PQgetvalue(r, i, 0), column = PQgetvalue(r, i, 1),
                          type = PQgetvalue(r, i, 2);
        if (out.empty() || out.back().name != table) {
            out.push_back(Table{table});
            out.back().rows = std::atoll(PQgetvalue(r, i, 7));
        }
        Table& t = out.back();
        const bool key = std::strcmp(PQgetvalue(r, i, 3), "t") == 0;
        if (key && t.fid.empty() && (type == "int2" || type == "int4" || type == "int8")) {
            t.fid = column;
            t.fidWire = columnOf(column, type).wire;
        } else if (type == "geometry" && t.geometry.empty()) {
            t.geometry = column;
            t.geometryType = OGRFromOGCGeomType(PQgetvalue(r, i, 4));
            t.srsAuthority = PQgetvalue(r, i, 5);
            t.srsWkt = PQgetvalue(r, i, 6);
        } else {
            t.fields.push_back(columnOf(column, type));
        }
    }
    return out;
}

//! The SELECT of `t` in `schema`, FID first, geometry (ISO WKB) last when `geometries`.
std::string selectOf(const Table& t, const std::string& schema, bool geometries) {
    std::string sql = "SELECT ";
    std::string columns = t.fid.empty() ? "" : pg::quoted(t.fid);
    for (const Column& c : t.fields)
        columns += (columns.empty() ? "" : ", ") + c.select;
    if (geometries && !t.geometry.empty())
        columns += (columns.empty() ? "" : ", ") + std::string("ST_AsBinary(") + pg::quoted(t.geometry) + ")";
    sql += columns.empty() ? std::string("NULL") : columns;
    sql += " FROM " + pg::quoted(schema) + "." + pg::quoted(t.name);
    if (!t.fid.empty())
        sql += " ORDER BY " + pg::quoted(t.fid);
    return sql;
}

//! A query of a pipeline: text parameters, results in binary or text.
struct Query {
    std::string sql;
    std::vector<std::string> params;
    bool binary = true;
};

//! Sends `queries` in one pipeline (one round trip) and returns their results in order. The first error
//! the server gives (the following queries are then skipped) is thrown as Error(CannotOpen).
std::vector<Result> pipeline(pg::Connection& c, const std::vector<Query>& queries) {
    PGconn* conn = c.handle();
    const auto broken = [&] {
        pg::fail(ErrorKind::CannotOpen, c.display(), "pg.query_failed",
                 {arg::text("reason", pg::cleanReason(PQerrorMessage(conn)))});
    };
    if (PQenterPipelineMode(conn) != 1)
        broken();
    for (const Query& q : queries) {
        std::vector<const char*> values;
        for (const auto& p : q.params)
            values.push_back(p.c_str());
        if (PQsendQueryParams(conn, q.sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                              nullptr, nullptr, q.binary ? 1 : 0) != 1)
            broken();
    }
    if (PQpipelineSync(conn) != 1)
        broken();
    std::vector<Result> out;
    std::string error;
    for (std::size_t k = 0; k < queries.size(); ++k) {
        Result r(PQgetResult(conn), &PQclear);
        if (!r)
            broken();
        const auto status = PQresultStatus(r.get());
        if (status == PGRES_FATAL_ERROR && error.empty())
            error = pg::cleanReason(PQresultErrorMessage(r.get()));
        while (PGresult* separator = PQgetResult(conn)) // a NULL ends each query's results
            PQclear(separator);
        out.push_back(std::move(r));
    }
    Result sync(PQgetResult(conn), &PQclear);
    if (!sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC || PQexitPipelineMode(conn) != 1)
        broken();
    if (!error.empty())
        pg::fail(ErrorKind::CannotOpen, c.display(), "pg.query_failed", {arg::text("reason", error)});
    return out;
}

std::uint64_t bigEndian(const char* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

//! Integer of a binary int2/int4/int8 value.
GIntBig integerOf(const char* p, Wire wire) {
    switch (wire) {
    case Wire::Int16:
        return static_cast<std::int16_t>(bigEndian(p, 2));
    case Wire::Int32:
        return static_cast<std::int32_t>(bigEndian(p, 4));
    default:
        return static_cast<GIntBig>(bigEndian(p, 8));
    }
}

//! Sets field `i` of `f` from a binary value of `wire`.
void setField(OGRFeature& f, int i, Wire wire, const char* p, int length) {
    switch (wire) {
    case Wire::Int16:
    case Wire::Int32:
        f.SetField(i, static_cast<int>(integerOf(p, wire)));
        break;
    case Wire::Int64:
        f.SetField(i, integerOf(p, wire));
        break;
    case Wire::Float32: {
        const auto bits = static_cast<std::uint32_t>(bigEndian(p, 4));
        float v;
        std::memcpy(&v, &bits, sizeof v);
        f.SetField(i, static_cast<double>(v));
        break;
    }
    case Wire::Float64: {
        const std::uint64_t bits = bigEndian(p, 8);
        double v;
        std::memcpy(&v, &bits, sizeof v);
        f.SetField(i, v);
        break;
    }
    case Wire::Bool:
        f.SetField(i, p[0] ? 1 : 0);
        break;
    case Wire::Bytes:
        f.SetField(i, length, p);
        break;
    case Wire::Text:
        f.SetField(i, std::string(p, static_cast<std::size_t>(length)).c_str());
        break;
    }
}

class SnapshotDataset;

//! A table as a read-only GDAL layer whose rows come from a binary COPY as they are read, so that the
//! server sends the next rows while the reader builds features; rows are kept (raw COPY tuples) for a
//! second reading.
class StreamLayer final : public OGRLayer {
public:
    StreamLayer(Table table, SnapshotDataset& ds, bool geometries);
    ~StreamLayer() override { m_defn->Release(); }

    void ResetReading() override { m_next = 0; }
    OGRFeature* GetNextFeature() override;
    GIntBig GetFeatureCount(int force) override {
        return m_poFilterGeom || m_poAttrQuery ? OGRLayer::GetFeatureCount(force) : m_table.rows;
    }
    OGRFeatureDefn* GetLayerDefn() override { return m_defn; }
    int TestCapability(const char* capability) override {
        return EQUAL(capability, OLCFastFeatureCount) && !m_poFilterGeom && !m_poAttrQuery;
    }
    const char* GetFIDColumn() override { return m_table.fid.c_str(); }
    const char* GetGeometryColumn() override { return m_table.geometry.c_str(); }

    //! Built on first use: PROJ's database costs tens of milliseconds to open, attribute reads never ask.
    OGRSpatialReference* GetSpatialRef() override {
        if (!m_srs && !m_table.geometry.empty())
            m_srs = spatialReference();
        return m_srs.get();
    }

    const Table& table() const { return m_table; }
    std::string copyCommand(const std::string& schema) const {
        return "COPY (" + selectOf(m_table, schema, m_geometries) + ") TO STDOUT (FORMAT binary)";
    }
    void addRow(std::string row) { m_rows.push_back(std::move(row)); }
    void setComplete() { m_complete = true; }

private:
    using SrsPtr = std::unique_ptr<OGRSpatialReference, void (*)(OGRSpatialReference*)>;
    SrsPtr spatialReference() const;
    OGRFeature* featureAt(std::size_t row) const;

    Table m_table;
    SnapshotDataset& m_ds;
    bool m_geometries;
    OGRFeatureDefn* m_defn = nullptr;
    std::vector<std::string> m_rows;
    bool m_complete = false;
    std::size_t m_next = 0;
    SrsPtr m_srs{nullptr, [](OGRSpatialReference*) {}};
};

//! The layers of one schema read in one read-only transaction of its connection (closed with it): one
//! COPY runs at a time; asking another layer for rows reads the running one to its end first.
class SnapshotDataset final : public GDALDataset {
public:
    SnapshotDataset(std::unique_ptr<pg::Connection> connection, std::string schema)
        : m_c(std::move(connection)), m_schema(std::move(schema)) {}
    void add(std::unique_ptr<StreamLayer> layer) { m_layers.push_back(std::move(layer)); }
    int GetLayerCount() override { return static_cast<int>(m_layers.size()); }
    OGRLayer* GetLayer(int i) override {
        return i >= 0 && i < GetLayerCount() ? m_layers[static_cast<std::size_t>(i)].get() : nullptr;
    }
    int TestCapability(const char*) override { return FALSE; }

    //! One more row of `layer` (or its end) from the server.
    void pull(StreamLayer& layer) {
        if (m_running != &layer) {
            while (m_running)
                next(*m_running);
            start(layer);
        }
        next(layer);
    }

private:
    void start(StreamLayer& layer) {
        Result r(PQexec(m_c->handle(), layer.copyCommand(m_schema).c_str()), &PQclear);
        if (PQresultStatus(r.get()) != PGRES_COPY_OUT)
            fail(PQresultErrorMessage(r.get()));
        m_running = &layer;
        m_header = true;
    }

    //! Reads one COPY message into `layer`: a row, or the end (then the COPY's result is checked).
    void next(StreamLayer& layer) {
        char* buffer = nullptr;
        const int n = PQgetCopyData(m_c->handle(), &buffer, 0);
        if (n == -1) {
            Result end(PQgetResult(m_c->handle()), &PQclear);
            if (PQresultStatus(end.get()) != PGRES_COMMAND_OK)
                fail(PQresultErrorMessage(end.get()));
            while (PGresult* extra = PQgetResult(m_c->handle()))
                PQclear(extra);
            layer.setComplete();
            m_running = nullptr;
            return;
        }
        if (n < 0)
            fail(PQerrorMessage(m_c->handle()));
        std::unique_ptr<char, decltype(&PQfreemem)> owned(buffer, &PQfreemem);
        std::size_t at = 0;
        // The binary header (signature, flags, extension) comes at the start of the first message.
        static const char signature[] = "PGCOPY\n\377\r\n";
        if (m_header) {
            if (n < 19 || std::memcmp(buffer, signature, 11) != 0)
                fail("unexpected COPY header");
            at = 19 + static_cast<std::size_t>(bigEndian(buffer + 15, 4));
            m_header = false;
        }
        const std::size_t size = static_cast<std::size_t>(n);
        // A message holds one row; the trailer (-1 fields) ends the data.
        if (at + 2 <= size && static_cast<std::int16_t>(bigEndian(buffer + at, 2)) >= 0)
            layer.addRow(std::string(buffer + at, size - at));
    }

    [[noreturn]] void fail(const char* reason) const {
        pg::fail(ErrorKind::CannotOpen, m_c->display(), "pg.query_failed",
                 {arg::text("reason", pg::cleanReason(reason))});
    }

    std::unique_ptr<pg::Connection> m_c;
    std::string m_schema;
    std::vector<std::unique_ptr<StreamLayer>> m_layers;
    StreamLayer* m_running = nullptr;
    bool m_header = false;
};

StreamLayer::StreamLayer(Table table, SnapshotDataset& ds, bool geometries)
    : m_table(std::move(table)), m_ds(ds), m_geometries(geometries && !m_table.geometry.empty()) {
    m_defn = new OGRFeatureDefn(m_table.name.c_str());
    m_defn->Reference();
    m_defn->SetGeomType(wkbNone);
    for (const Column& c : m_table.fields) {
        OGRFieldDefn field(c.name.c_str(), c.type);
        field.SetSubType(c.subtype);
        m_defn->AddFieldDefn(&field);
    }
    if (!m_table.geometry.empty()) {
        OGRGeomFieldDefn field(m_table.geometry.c_str(), m_table.geometryType);
        m_defn->AddGeomFieldDefn(&field);
    }
    SetDescription(m_table.name.c_str());
}

OGRFeature* StreamLayer::GetNextFeature() {
    for (;;) {
        if (m_next >= m_rows.size()) {
            if (m_complete)
                return nullptr;
            m_ds.pull(*this);
            continue;
        }
        OGRFeature* f = featureAt(m_next++);
        if ((!m_poFilterGeom || FilterGeometry(f->GetGeomFieldRef(m_iGeomFieldFilter))) &&
            (!m_poAttrQuery || m_poAttrQuery->Evaluate(f)))
            return f;
        delete f;
    }
}

StreamLayer::SrsPtr StreamLayer::spatialReference() const {
    SrsPtr srs(new OGRSpatialReference(), [](OGRSpatialReference* s) { s->Release(); });
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const auto colon = m_table.srsAuthority.find(':');
    const bool epsg = m_table.srsAuthority.rfind("EPSG:", 0) == 0 &&
                      srs->importFromEPSG(std::atoi(m_table.srsAuthority.c_str() + colon + 1)) == OGRERR_NONE;
    if (!epsg && (m_table.srsWkt.empty() || srs->importFromWkt(m_table.srsWkt.c_str()) != OGRERR_NONE))
        return {nullptr, [](OGRSpatialReference*) {}};
    return srs;
}

//! The feature of a raw COPY tuple: a field count, then each value as (length, bytes), length -1 = NULL;
//! the FID first, the geometry (WKB) last, as selectOf orders them.
OGRFeature* StreamLayer::featureAt(std::size_t row) const {
    const std::string& tuple = m_rows[row];
    const char* p = tuple.data() + 2;
    const char* const end = tuple.data() + tuple.size();
    // The next value: its bytes (nullptr when NULL) and length.
    const auto value = [&](int& length) -> const char* {
        if (end - p < 4)
            return length = -1, nullptr;
        length = static_cast<std::int32_t>(bigEndian(p, 4));
        p += 4;
        if (length < 0 || end - p < length)
            return length = -1, nullptr;
        const char* at = p;
        p += length;
        return at;
    };
    auto* f = new OGRFeature(m_defn);
    int length = 0;
    if (!m_table.fid.empty()) {
        if (const char* v = value(length))
            f->SetFID(integerOf(v, m_table.fidWire));
    } else {
        f->SetFID(static_cast<GIntBig>(row) + 1);
    }
    for (int i = 0; i < static_cast<int>(m_table.fields.size()); ++i) {
        if (const char* v = value(length))
            setField(*f, i, m_table.fields[static_cast<std::size_t>(i)].wire, v, length);
        else
            f->SetFieldNull(i);
    }
    if (m_geometries && !m_defn->IsGeometryIgnored())
        if (const char* v = value(length)) {
            OGRGeometry* g = nullptr;
            if (OGRGeometryFactory::createFromWkb(v, nullptr, &g, static_cast<std::size_t>(length)) ==
                OGRERR_NONE)
                f->SetGeometryDirectly(g);
        }
    return f;
}

} // namespace

DatasetPtr readPostgisTables(const PostgisLocation& where, const std::string& display, bool geometries) {
    // No GDAL driver is involved: readDataset's ensureGdalGeoPackage() is all the setup it needs.
    auto c = std::make_unique<pg::Connection>(where, display);
    std::vector<Result> catalogue =
        pipeline(*c, {{"BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", {}, false},
                      {kCatalogue, {where.schema, notReadArray()}, false}});
    std::vector<Table> tables = tablesOf(catalogue[1].get());
    if (std::none_of(tables.begin(), tables.end(), [](const Table& t) { return t.name == "communes"; }))
        pg::fail(ErrorKind::CannotOpen, display, "pg.no_dataset", {arg::text("schema", where.schema)});
    auto ds = std::make_unique<SnapshotDataset>(std::move(c), where.schema);
    for (Table& t : tables)
        ds->add(std::make_unique<StreamLayer>(std::move(t), *ds, geometries));
    return DatasetPtr(ds.release());
}

} // namespace maillage::io
