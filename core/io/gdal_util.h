#pragma once
// Every GDAL/OGR helper of core/io in one place: owning pointers for GDAL objects, the last GDAL error
// as text, and a scoped error handler that keeps GDAL's messages off stderr and hands them to the caller
// (who words them into the application's error or warning).
#include "core/model/message.h"

#include <cpl_error.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class GDALDataset;
class OGRFeature;
class OGRGeometry;

namespace maillage::io {

//! Destroys an OGRGeometry allocated by OGR (OGRGeometryFactory::destroyGeometry).
struct GeometryDeleter {
    void operator()(OGRGeometry* g) const;
};
using GeomPtr = std::unique_ptr<OGRGeometry, GeometryDeleter>;

//! Closes a GDALDataset (GDALClose: flushes and releases the file).
struct DatasetDeleter {
    void operator()(GDALDataset* d) const;
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetDeleter>;

//! Destroys an OGRFeature (OGRFeature::DestroyFeature).
struct FeatureDeleter {
    void operator()(OGRFeature* f) const;
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;

//! GDAL's last error message of this thread, or "unknown GDAL error" when it gave none (legacy: new
//! messages use gdalReason() and withGdalReason()).
std::string lastGdalError();

//! GDAL's last error message of this thread, or "" when it gave none.
std::string gdalReason();

//! `withReason` with its argument "gdal" set to GDAL's own words, or `without` when GDAL gave none:
//! a message never says "unknown GDAL error".
Message withGdalReason(Message without, Message withReason, const std::string& gdalText);

//! Sets a thread-local GDAL configuration option for the scope, restoring the previous value.
class ScopedGdalConfig {
public:
    ScopedGdalConfig(const char* key, const char* value);
    ~ScopedGdalConfig();
    ScopedGdalConfig(const ScopedGdalConfig&) = delete;
    ScopedGdalConfig& operator=(const ScopedGdalConfig&) = delete;

private:
    const char* m_key;
    std::optional<std::string> m_old;
};

//! While alive, GDAL's messages of this thread are collected here instead of being printed to stderr
//! ("ERROR 1: ..."), so that the application reports them once, in its own words. Scopes nest.
class GdalErrorCollector {
public:
    GdalErrorCollector();
    ~GdalErrorCollector();
    GdalErrorCollector(const GdalErrorCollector&) = delete;
    GdalErrorCollector& operator=(const GdalErrorCollector&) = delete;

    //! Messages of CE_Failure/CE_Fatal level, in order.
    const std::vector<std::string>& errors() const { return m_errors; }
    //! Messages of CE_Warning level, in order.
    const std::vector<std::string>& warnings() const { return m_warnings; }
    //! The collected errors joined with "; ", else lastGdalError().
    std::string message() const;
    //! The collected errors joined with "; ", else gdalReason() (possibly "").
    std::string reason() const;
    //! Forgets what was collected (and GDAL's last error).
    void clear();

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum number, const char* message);
    std::vector<std::string> m_errors, m_warnings;
};

} // namespace maillage::io
