#pragma once
// OGR helpers for tests that check geometries (WKB <-> OGRGeometry).
#include "core/io/gdal_util.h"
#include "core/model/dataset.h"

#include <ogr_geometry.h>

#include <memory>

namespace maillage::testing {

using io::GeomPtr;

//! The geometry of a WKB blob, or null when empty or unreadable.
inline GeomPtr geometryOf(const model::Wkb& wkb) {
    OGRGeometry* g = nullptr;
    if (wkb.empty() || OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size()) != OGRERR_NONE)
        return nullptr;
    return GeomPtr(g);
}

//! ISO WKB of a WKT text.
inline model::Wkb wkbOf(const char* wktText) {
    OGRGeometry* g = nullptr;
    OGRGeometryFactory::createFromWkt(wktText, nullptr, &g);
    GeomPtr owned(g);
    model::Wkb wkb(g->WkbSize());
    g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    return wkb;
}

} // namespace maillage::testing
