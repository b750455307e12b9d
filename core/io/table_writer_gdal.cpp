// The GDAL formats of core/io/table_writer.h (xlsx, ods, gpkg, geojson), apart from the CSV writer so that
// a program writing CSV only links no GDAL (the light executable, app/CMakeLists.txt).
#include "core/io/table_writer_gdal.h"

#include "core/io/atomic_file.h"
#include "core/io/gdal_util.h"
#include "core/io/geo.h"
#include "core/model/error.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <set>

namespace maillage::io {

using namespace detail;

// ---------------------------------------------------------------- GDAL formats

namespace {

OGRFieldType fieldTypeOf(ColumnType type) {
    switch (type) {
    case ColumnType::Integer:
        return OFTInteger64;
    case ColumnType::Real:
    case ColumnType::Percent:
        return OFTReal;
    case ColumnType::Boolean:
        return OFTInteger;
    case ColumnType::Text:
    case ColumnType::Code:
        break;
    }
    return OFTString;
}

[[noreturn]] void gdalFailed(const std::string& target, const GdalErrorCollector& errors) {
    throw Error(ErrorKind::Write, Location{target},
                msg("results.gdal_failed", {arg::text("reason", errors.message())}));
}

void createField(OGRLayer& layer, const std::string& name, ColumnType type, const std::string& target,
                 const GdalErrorCollector& errors) {
    OGRFieldDefn field(name.c_str(), fieldTypeOf(type));
    if (type == ColumnType::Boolean)
        field.SetSubType(OFSTBoolean);
    if (layer.CreateField(&field) != OGRERR_NONE)
        gdalFailed(target, errors);
}

void setField(OGRFeature& feature, int index, const Cell& cell, const Column& column) {
    if (!cell.hasValue()) {
        feature.SetFieldNull(index);
        return;
    }
    switch (column.type) {
    case ColumnType::Text:
    case ColumnType::Code:
        feature.SetField(index, cell.text.c_str());
        break;
    case ColumnType::Integer:
        feature.SetField(index, static_cast<GIntBig>(std::llround(cell.number)));
        break;
    case ColumnType::Boolean:
        feature.SetField(index, cell.number != 0 ? 1 : 0);
        break;
    case ColumnType::Real:
    case ColumnType::Percent:
        feature.SetField(index, cell.number);
        break;
    }
}

void writeFeatures(OGRLayer& layer, const ResultTable& table, const std::string& target,
                   const GdalErrorCollector& errors) {
    const bool flag = hasFlagColumn(table);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        FeaturePtr feature(OGRFeature::CreateFeature(layer.GetLayerDefn()));
        for (std::size_t c = 0; c < table.columns.size(); ++c)
            setField(*feature, static_cast<int>(c), table.rows[r].cells[c], table.columns[c]);
        if (flag)
            feature->SetField(static_cast<int>(table.columns.size()), table.rowMasked(r) ? 1 : 0);
        const auto& wkb = table.rows[r].wkb;
        if (!wkb.empty()) {
            OGRGeometry* geometry = nullptr;
            if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &geometry, wkb.size()) != OGRERR_NONE)
                throw Error(ErrorKind::Geometry, Location{target, 0, "", static_cast<long>(r + 1)},
                            msg("results.bad_geometry", {arg::text("table", table.name)}));
            feature->SetGeometryDirectly(geometry);
        }
        if (layer.CreateFeature(feature.get()) != OGRERR_NONE)
            gdalFailed(target, errors);
    }
}

//! The layer options: the title and caption where the format keeps them (GeoPackage), RFC 7946 GeoJSON.
//! A GeoPackage wants each identifier once: a title already in `identifiers` gets the table's name.
std::vector<std::string> layerOptions(const ResultTable& table, TableFormat format, Language language,
                                      std::set<std::string>& identifiers) {
    if (format == TableFormat::Gpkg) {
        std::string identifier = tableTitle(table, language);
        if (!identifiers.insert(identifier).second)
            identifiers.insert(identifier += " (" + table.name + ")");
        return {"IDENTIFIER=" + identifier, "DESCRIPTION=" + tableCaption(table, language)};
    }
    if (format == TableFormat::GeoJson && table.hasGeometry())
        return {"RFC7946=YES"};
    return {};
}

void writeLayer(GDALDataset& ds, const ResultTable& table, const std::string& target,
                const TableWriteOptions& o, const GdalErrorCollector& errors,
                std::set<std::string>& identifiers) {
    std::unique_ptr<OGRSpatialReference> srs;
    if (table.hasGeometry() && table.epsg > 0) {
        srs = std::make_unique<OGRSpatialReference>();
        srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        srs->importFromEPSG(table.epsg);
    }
    const std::vector<std::string> opts = layerOptions(table, o.format, o.language, identifiers);
    std::vector<const char*> optPtrs;
    for (const std::string& opt : opts)
        optPtrs.push_back(opt.c_str());
    optPtrs.push_back(nullptr);
    OGRLayer* layer =
        ds.CreateLayer(table.name.c_str(), srs.get(), table.hasGeometry() ? wkbUnknown : wkbNone,
                       const_cast<char**>(optPtrs.data()));
    if (!layer)
        gdalFailed(target, errors);
    const std::vector<std::string> header = headerOf(table, o.header, o.language);
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        createField(*layer, header[c], table.columns[c].type, target, errors);
    if (hasFlagColumn(table))
        createField(*layer, header.back(), ColumnType::Boolean, target, errors);
    writeFeatures(*layer, table, target, errors);
}

//! Spreadsheets end with a sheet of notes: every table's caption (title, notes, secrecy).
void writeNotesSheet(GDALDataset& ds, const std::vector<ResultTable>& tables, const std::string& target,
                     Language language, const GdalErrorCollector& errors) {
    const std::string key = word(msg("results.notes_sheet"), language);
    OGRLayer* layer = ds.CreateLayer(key.c_str(), nullptr, wkbNone, nullptr);
    if (!layer)
        gdalFailed(target, errors);
    createField(*layer, word(msg("results.notes_column"), language), ColumnType::Text, target, errors);
    for (const ResultTable& table : tables) {
        std::string caption = tableCaption(table, language);
        for (std::size_t start = 0; start <= caption.size();) {
            const auto end = std::min(caption.find('\n', start), caption.size());
            FeaturePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            feature->SetField(0, caption.substr(start, end - start).c_str());
            if (layer->CreateFeature(feature.get()) != OGRERR_NONE)
                gdalFailed(target, errors);
            start = end + 1;
        }
    }
}

//! Writes `tables` with GDAL's driver of `format` at `path` (a temporary file); errors name `target`.
void writeWithGdal(const std::vector<ResultTable>& tables, const std::string& path, const std::string& target,
                   const TableWriteOptions& options) {
    ensureGdal();
    GdalErrorCollector errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(gdalDriverOf(options.format));
    if (!driver)
        throw Error(ErrorKind::Write, Location{target},
                    msg("results.no_driver", {arg::text("format", tableFormatName(options.format))}));
    DatasetPtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        gdalFailed(target, errors);
    const bool transaction = ds->StartTransaction() == OGRERR_NONE;
    std::set<std::string> identifiers;
    for (const ResultTable& table : tables)
        writeLayer(*ds, table, target, options, errors, identifiers);
    if (options.format == TableFormat::Xlsx || options.format == TableFormat::Ods)
        writeNotesSheet(*ds, tables, target, options.language, errors);
    if (transaction && ds->CommitTransaction() != OGRERR_NONE)
        gdalFailed(target, errors);
    ds.reset(); // spreadsheets are written when closed
    if (!errors.errors().empty())
        gdalFailed(target, errors);
}

} // namespace

void detail::writeGpkgTables(GDALDataset& ds, const std::vector<ResultTable>& tables,
                             const std::string& target, Language language) {
    GdalErrorCollector errors;
    TableWriteOptions options;
    options.format = TableFormat::Gpkg;
    options.language = language;
    const bool transaction = ds.StartTransaction() == OGRERR_NONE;
    std::set<std::string> identifiers;
    for (const ResultTable& table : tables)
        writeLayer(ds, table, target, options, errors, identifiers);
    if (transaction && ds.CommitTransaction() != OGRERR_NONE)
        gdalFailed(target, errors);
}

// ---------------------------------------------------------------- writing

namespace {

//! A temporary file beside `target` that a GDAL driver fills, renamed over the target by commit();
//! removed (with SQLite's companions) otherwise.
class PendingGdalFile {
public:
    explicit PendingGdalFile(const std::string& target)
        : m_target(target), m_temporary(prepare(target)), m_guard(m_temporary) {}
    ~PendingGdalFile() {
        if (m_committed)
            return;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"})
            std::remove((m_temporary + suffix).c_str());
    }
    PendingGdalFile(const PendingGdalFile&) = delete;
    PendingGdalFile& operator=(const PendingGdalFile&) = delete;
    const std::string& path() const { return m_temporary; }
    void commit() {
        m_committed = true; // commitTemporary removes the temporary itself on failure
        commitTemporary(m_temporary, m_target);
    }

private:
    static std::string prepare(const std::string& target) {
        removeStaleTemporaries(target);
        return temporaryPathFor(target);
    }
    std::string m_target, m_temporary;
    TemporaryGuard m_guard;
    bool m_committed = false;
};

} // namespace

std::vector<std::string> detail::writeGdalFiles(const std::vector<ResultTable>& tables,
                                                const std::string& target, const TableWriteOptions& options) {
    std::vector<std::unique_ptr<PendingGdalFile>> pending;
    if (options.format == TableFormat::GeoJson) {
        for (std::size_t i = 0; i < tables.size(); ++i) {
            const std::string path = filePathOf(tables, i, target);
            checkOutputPath(path);
            pending.push_back(std::make_unique<PendingGdalFile>(path));
            writeWithGdal({tables[i]}, pending.back()->path(), path, options);
        }
    } else {
        pending.push_back(std::make_unique<PendingGdalFile>(target));
        writeWithGdal(tables, pending.back()->path(), target, options);
    }
    for (auto& p : pending)
        p->commit();
    return tableOutputPaths(tables, target, options);
}

} // namespace maillage::io
