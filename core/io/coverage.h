#pragma once
// The union of polygons that tile without overlapping (a coverage: the communes of a bassin de vie or of a
// département), from their edges alone: the edges two parts share cancel out, the others are joined into
// rings. Several times faster than GEOS's coverage union, whose polygonizer makes a line of every edge.
#include "core/model/dataset.h"

#include <vector>

namespace maillage::io {

//! The union of `parts` (WKB Polygon or MultiPolygon, little-endian, 2D) where they form a coverage: every
//! edge shared by two parts (the same two vertices) dropped, the edges left joined into rings (shells
//! counter-clockwise, holes clockwise, split where a ring touches itself at a vertex, each hole in the
//! smallest shell around it), written as a little-endian MultiPolygon WKB; `partsArea` receives the sum of
//! the parts' areas. Empty when the parts are not in that form (another WKB type, an edge twice in the same
//! direction, edges that do not close into rings, a hole in no shell): the caller then takes GEOS's union.
//! The result's validity is not checked (parts that overlap or meet without shared vertices give crossing
//! or overlapping rings): the caller checks it.
model::Wkb coverageOutline(const std::vector<const model::Wkb*>& parts, double& partsArea);

} // namespace maillage::io
