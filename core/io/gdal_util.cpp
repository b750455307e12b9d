#include "core/io/gdal_util.h"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>

namespace maillage::io {

void GeometryDeleter::operator()(OGRGeometry* g) const {
    OGRGeometryFactory::destroyGeometry(g);
}

void DatasetDeleter::operator()(GDALDataset* d) const {
    if (d)
        GDALClose(GDALDataset::ToHandle(d));
}

void FeatureDeleter::operator()(OGRFeature* f) const {
    OGRFeature::DestroyFeature(f);
}

std::string lastGdalError() {
    const std::string reason = gdalReason();
    return reason.empty() ? std::string("unknown GDAL error") : reason;
}

std::string gdalReason() {
    return CPLGetLastErrorMsg();
}

Message withGdalReason(Message without, Message withReason, const std::string& gdalText) {
    if (gdalText.empty())
        return without;
    withReason.args.push_back(arg::text("gdal", gdalText));
    return withReason;
}

ScopedGdalConfig::ScopedGdalConfig(const char* key, const char* value) : m_key(key) {
    if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr))
        m_old = old;
    CPLSetThreadLocalConfigOption(key, value);
}

ScopedGdalConfig::~ScopedGdalConfig() {
    CPLSetThreadLocalConfigOption(m_key, m_old ? m_old->c_str() : nullptr);
}

GdalErrorCollector::GdalErrorCollector() {
    // The handler stack is per thread: each thread collects its own messages.
    CPLPushErrorHandlerEx(&GdalErrorCollector::handler, this);
    CPLErrorReset();
}

GdalErrorCollector::~GdalErrorCollector() {
    CPLPopErrorHandler();
}

void CPL_STDCALL GdalErrorCollector::handler(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<GdalErrorCollector*>(CPLGetErrorHandlerUserData());
    if (!self || !message)
        return;
    if (level >= CE_Failure)
        self->m_errors.emplace_back(message);
    else if (level == CE_Warning)
        self->m_warnings.emplace_back(message);
}

std::string GdalErrorCollector::message() const {
    const std::string r = reason();
    return r.empty() ? lastGdalError() : r;
}

std::string GdalErrorCollector::reason() const {
    if (m_errors.empty())
        return gdalReason();
    std::string out;
    for (const auto& e : m_errors)
        out += (out.empty() ? "" : "; ") + e;
    return out;
}

void GdalErrorCollector::clear() {
    m_errors.clear();
    m_warnings.clear();
    CPLErrorReset();
}

} // namespace maillage::io
