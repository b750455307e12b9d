#pragma once
// Geometry of the demo territory: a tiling of jittered hexagonal cells (a brick layout) whose
// neighbours share their vertices and their wiggled edges exactly, so that any union of cells is a
// gap-free, overlap-free polygon. Communes are unions of a few cells.
#include "core/model/dataset.h"

#include <array>
#include <cstdint>
#include <vector>

namespace maillage::demo::detail {

struct Vec2 {
    double x = 0, y = 0;
};

using Ring = std::vector<Vec2>; //!< closed: the first point is repeated at the end

//! Cells of `cols` columns by `rows` rows; cell index = row * cols + col. Every cell is a hexagon
//! BL, BM, BR, TR, TM, TL (counter-clockwise) whose edges are wiggled polylines.
struct Tiling {
    int cols = 0, rows = 0;
    double cellWidth = 0, rowHeight = 0;
    Vec2 origin;                                 //!< south-west corner of the grid (Lambert-93)
    std::vector<Vec2> vertices;                  //!< by vertex id
    std::vector<std::array<int, 6>> cellVertex;  //!< the six corners of each cell, counter-clockwise
    std::vector<std::array<int, 6>> cellEdge;    //!< edge k joins corner k and corner k+1
    std::vector<std::array<int, 2>> edgeVertex;  //!< lower vertex id first
    std::vector<std::array<int, 2>> edgeCell;    //!< the (up to) two cells of an edge; -1 when none
    std::vector<std::vector<Vec2>> edgeInterior; //!< wiggle points, from edgeVertex[0] to edgeVertex[1]
    std::vector<Vec2> cellCenter;                //!< mean of the six corners: inside the cell

    int cellCount() const { return cols * rows; }
    //! Centre of the cell before jitter, normalised to 0..1 over the grid (u west->east, v south->north).
    Vec2 nominalUV(int cell) const;
    //! The cell across edge k of `cell`, or -1.
    int across(int cell, int k) const;
};

Tiling makeTiling(int cols, int rows, double cellWidth, Vec2 origin, std::uint64_t seed);

//! Boundary rings of every group of cells: `label[cell]` is the group (-1: not in any group),
//! `groupCount` groups. Each group must be edge-connected and without holes; returns one
//! counter-clockwise ring per group.
std::vector<Ring> groupRings(const Tiling& tiling, const std::vector<int>& label, int groupCount);

//! Signed area (positive when counter-clockwise).
double ringArea(const Ring& ring);
//! Area-weighted centroid of a simple ring.
Vec2 ringCentroid(const Ring& ring);
//! Even-odd point-in-polygon test.
bool ringContains(const Ring& ring, Vec2 p);

//! ISO WKB, little-endian, 2D MultiPolygon of polygons given as lists of rings (exterior first).
model::Wkb multiPolygonWkb(const std::vector<std::vector<Ring>>& polygons);

//! Infra-communal zones of one commune: a central disc and `sectors` angular sectors around it,
//! clipped to the commune polygon (GEOS through OGR). Returns a MultiPolygon WKB and its area per zone
//! (index 0 = centre, then the sectors counter-clockwise from the east); an empty WKB if a piece is empty.
struct ZonePieces {
    std::vector<model::Wkb> wkb;
    std::vector<double> area;
};
ZonePieces sliceIntoZones(const model::Wkb& commune, Vec2 centre, double centreRadius);

} // namespace maillage::demo::detail
