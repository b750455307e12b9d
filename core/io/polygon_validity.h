#pragma once
// A quick proof that a polygon is valid, so that GEOS's full check (its noder and its topology analysis, a
// seventh of a national import's CPU time) runs only on the polygons the proof cannot vouch for.
#include "core/model/dataset.h"

namespace maillage::io {

//! True only when `wkb` (a little-endian 2D Polygon or MultiPolygon) is valid as GEOS's IsValid judges it:
//! finite coordinates, every ring closed with no point repeated next to itself and at least three, no two
//! edges meeting anywhere but consecutive edges of a ring at their common vertex, where they turn; each hole
//! inside its shell and outside the other holes; no polygon's shell inside another polygon's interior. Every
//! sign it rests on is certain (Shewchuk's error bound on the orientation's determinant). False means
//! "not proven", not "invalid": an invalid polygon, but also rings that touch, three points in a line, signs
//! too close to rounding to tell, more work than the proof allows itself, another WKB form. The caller then
//! asks GEOS, whose answer is the same wherever this one is true.
bool provedValid(const model::Wkb& wkb);

} // namespace maillage::io
