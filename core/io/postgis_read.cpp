#include "core/io/postgis_read.h"

#include "core/io/postgis.h"
#include "core/io/postgis_connection.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdint>
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
};

//! `name` as an SQL identifier (double quotes doubled).
std::string identifier(const std::string& name) {
    std::string out = "\"";
    for (char ch : name)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

//! The column `name` of PostgreSQL type `type` (pg_type.typname), mapped as GDAL's driver maps it;
//! types without a binary decoding here are selected as text.
Column columnOf(const std::string& name, const std::string& type) {
    const std::string q = identifier(name);
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

//! Columns of every table of the schema, with primary key and geometry type and SRS: one query.
const char* const kCatalogue =
    "SELECT c.relname, a.attname, t.typname, "
    "EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND i.indnatts = 1 "
    "AND i.indkey[0] = a.attnum), "
    "CASE WHEN t.typname = 'geometry' THEN postgis_typmod_type(a.atttypmod) END, "
    "s.auth_name || ':' || s.auth_srid, s.srtext "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
    "JOIN pg_type t ON t.oid = a.atttypid "
    "LEFT JOIN spatial_ref_sys s ON t.typname = 'geometry' AND s.srid = postgis_typmod_srid(a.atttypmod) "
    "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm') AND has_table_privilege(c.oid, 'SELECT') "
    "ORDER BY c.relname, a.attnum";

bool isRead(const std::string& table) {
    for (const char* skip : kNotRead)
        if (table == skip)
            return false;
    return true;
}

//! The tables of the catalogue result (kCatalogue), those the reader reads.
std::vector<Table> tablesOf(const PGresult* r) {
    std::vector<Table> out;
    for (int i = 0; i < PQntuples(r); ++i) {
        const std::string table = PQgetvalue(r, i, 0), column = PQgetvalue(r, i, 1),
                          type = PQgetvalue(r, i, 2);
        if (!isRead(table))
            continue;
        if (out.empty() || out.back().name != table)
            out.push_back(Table{table});
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
    std::string columns = t.fid.empty() ? "" : identifier(t.fid);
    for (const Column& c : t.fields)
        columns += (columns.empty() ? "" : ", ") + c.select;
    if (geometries && !t.geometry.empty())
        columns += (columns.empty() ? "" : ", ") + std::string("ST_AsBinary(") + identifier(t.geometry) + ")";
    sql += columns.empty() ? std::string("NULL") : columns;
    sql += " FROM " + identifier(schema) + "." + identifier(t.name);
    if (!t.fid.empty())
        sql += " ORDER BY " + identifier(t.fid);
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
        f.SetField(i, p); // libpq ends every value with a NUL
        break;
    }
}

//! A table's rows, held in its query result, as a read-only GDAL layer (features made as they are read).
class SnapshotLayer final : public OGRLayer {
public:
    SnapshotLayer(Table table, Result rows, bool geometries)
        : m_table(std::move(table)), m_rows(std::move(rows)),
          m_geometries(geometries && !m_table.geometry.empty()) {
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
    ~SnapshotLayer() override { m_defn->Release(); }

    void ResetReading() override { m_next = 0; }
    OGRFeature* GetNextFeature() override {
        while (m_next < PQntuples(m_rows.get())) {
            OGRFeature* f = featureAt(m_next++);
            if ((!m_poFilterGeom || FilterGeometry(f->GetGeomFieldRef(m_iGeomFieldFilter))) &&
                (!m_poAttrQuery || m_poAttrQuery->Evaluate(f)))
                return f;
            delete f;
        }
        return nullptr;
    }
    GIntBig GetFeatureCount(int force) override {
        return m_poFilterGeom || m_poAttrQuery ? OGRLayer::GetFeatureCount(force) : PQntuples(m_rows.get());
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

private:
    std::unique_ptr<OGRSpatialReference, void (*)(OGRSpatialReference*)> spatialReference() const {
        std::unique_ptr<OGRSpatialReference, void (*)(OGRSpatialReference*)> srs(
            new OGRSpatialReference(), [](OGRSpatialReference* s) { s->Release(); });
        srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        const auto colon = m_table.srsAuthority.find(':');
        const bool epsg =
            m_table.srsAuthority.rfind("EPSG:", 0) == 0 &&
            srs->importFromEPSG(std::atoi(m_table.srsAuthority.c_str() + colon + 1)) == OGRERR_NONE;
        if (!epsg && (m_table.srsWkt.empty() || srs->importFromWkt(m_table.srsWkt.c_str()) != OGRERR_NONE))
            return {nullptr, [](OGRSpatialReference*) {}};
        return srs;
    }

    OGRFeature* featureAt(int row) const {
        const PGresult* r = m_rows.get();
        auto* f = new OGRFeature(m_defn);
        int column = 0;
        if (!m_table.fid.empty())
            f->SetFID(integerOf(PQgetvalue(r, row, column++), m_table.fidWire));
        else
            f->SetFID(row + 1);
        for (int i = 0; i < static_cast<int>(m_table.fields.size()); ++i, ++column) {
            if (PQgetisnull(r, row, column))
                f->SetFieldNull(i);
            else
                setField(*f, i, m_table.fields[static_cast<std::size_t>(i)].wire, PQgetvalue(r, row, column),
                         PQgetlength(r, row, column));
        }
        if (m_geometries && !m_defn->IsGeometryIgnored() && !PQgetisnull(r, row, column)) {
            OGRGeometry* g = nullptr;
            if (OGRGeometryFactory::createFromWkb(PQgetvalue(r, row, column), nullptr, &g,
                                                  static_cast<std::size_t>(PQgetlength(r, row, column))) ==
                OGRERR_NONE)
                f->SetGeometryDirectly(g);
        }
        return f;
    }

    Table m_table;
    Result m_rows;
    bool m_geometries;
    OGRFeatureDefn* m_defn = nullptr;
    int m_next = 0;
    std::unique_ptr<OGRSpatialReference, void (*)(OGRSpatialReference*)> m_srs{nullptr,
                                                                               [](OGRSpatialReference*) {}};
};

//! The layers read, as a GDAL dataset (closed by GDALClose as any other).
class SnapshotDataset final : public GDALDataset {
public:
    void add(std::unique_ptr<OGRLayer> layer) { m_layers.push_back(std::move(layer)); }
    int GetLayerCount() override { return static_cast<int>(m_layers.size()); }
    OGRLayer* GetLayer(int i) override {
        return i >= 0 && i < GetLayerCount() ? m_layers[static_cast<std::size_t>(i)].get() : nullptr;
    }
    int TestCapability(const char*) override { return FALSE; }

private:
    std::vector<std::unique_ptr<OGRLayer>> m_layers;
};

} // namespace

DatasetPtr readPostgisTables(const PostgisLocation& where, const std::string& display, bool geometries) {
    // No GDAL driver is involved: readDataset's ensureGdalGeoPackage() is all the setup it needs.
    pg::Connection c(where, display);
    std::vector<Result> catalogue =
        pipeline(c, {{"BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", {}, false},
                     {kCatalogue, {where.schema}, false}});
    std::vector<Table> tables = tablesOf(catalogue[1].get());
    bool communes = false;
    std::vector<Query> selects;
    for (const Table& t : tables) {
        communes = communes || t.name == "communes";
        selects.push_back({selectOf(t, where.schema, geometries)});
    }
    if (!communes)
        pg::fail(ErrorKind::CannotOpen, display, "pg.no_dataset", {arg::text("schema", where.schema)});
    selects.push_back({"COMMIT", {}, false});
    std::vector<Result> rows = pipeline(c, selects);
    auto ds = std::make_unique<SnapshotDataset>();
    for (std::size_t k = 0; k < tables.size(); ++k)
        ds->add(std::make_unique<SnapshotLayer>(std::move(tables[k]), std::move(rows[k]), geometries));
    return DatasetPtr(ds.release());
}

} // namespace maillage::io
