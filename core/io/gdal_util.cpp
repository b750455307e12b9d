#include "core/io/gdal_util.h"

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
    std::string msg = CPLGetLastErrorMsg();
    return msg.empty() ? std::string("unknown GDAL error") : msg;
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
    if (m_errors.empty())
        return lastGdalError();
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
