// The dissolve's coverage union (GEOS) gives the outlines of a full union, and falls back to it where the
// parts are no coverage (overlaps, T-junctions).
#include "geo_testing.h"
#include "testing.h"

#include "core/demo/demo.h"
#include "core/io/coverage.h"
#include "core/io/geo.h"
#include "core/io/importers.h"
#include "core/io/outlines.h"
#include "core/io/table.h"

#include <QObject>

#include <ogr_api.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <map>

using namespace maillage;

namespace {

using testing::geometryOf;
using testing::wkbOf;

//! A dataset of the given polygons (WKT, Lambert-93 metres), communes "c0", "c1"... of one bassin "b".
model::Dataset oneBassin(const std::vector<const char*>& polygons) {
    model::Dataset d;
    model::Bassin b;
    b.code = "b";
    for (std::size_t i = 0; i < polygons.size(); ++i) {
        model::Commune c;
        c.code = "c" + std::to_string(i);
        c.bv = b.code;
        c.geometry = wkbOf(polygons[i]);
        b.communes.push_back(c.code);
        d.communes.push_back(std::move(c));
    }
    d.bassins = {b};
    return d;
}

//! The reference: OGR's full union (GEOS overlay) of the communes' polygons of `b`, its area in m².
double referenceArea(const model::Dataset& d, const model::Bassin& b) {
    OGRMultiPolygon parts;
    for (const auto& code : b.communes)
        for (const auto& c : d.communes)
            if (c.code == code) {
                auto g = geometryOf(c.geometry);
                const OGRMultiPolygon* mp = g->toMultiPolygon();
                for (const auto* p : *mp)
                    parts.addGeometry(p);
            }
    std::unique_ptr<OGRGeometry> u(parts.UnionCascaded());
    return u ? OGR_G_Area(OGRGeometry::ToHandle(u.get())) : -1;
}

double areaM2(const model::Wkb& wkb) {
    return io::areaKm2(wkb) * 1e6;
}

int polygonCount(const model::Wkb& wkb) {
    auto g = geometryOf(wkb);
    return g ? g->toMultiPolygon()->getNumGeometries() : 0;
}

//! Commune -> BV2012 of the crosswalk, read by the engine's own table reader.
std::map<std::string, std::string> crosswalkBv2012(const std::string& path) {
    Warnings w;
    std::map<std::string, std::string> out;
    for (const auto& row : io::readBassinMapping(io::readTable(path), "BV2012", w).rows)
        out[row.commune] = row.bv;
    return out;
}

//! A 1000 m square cell whose lower left corner is (x, y), as WKT.
std::string square(int x, int y) {
    const std::string x0 = std::to_string(x), y0 = std::to_string(y), x1 = std::to_string(x + 1000),
                      y1 = std::to_string(y + 1000);
    return "MULTIPOLYGON (((" + x0 + " " + y0 + "," + x1 + " " + y0 + "," + x1 + " " + y1 + "," + x0 + " " +
           y1 + "," + x0 + " " + y0 + ")))";
}

//! Every bassin of `d`, dissolved, is valid and of the area of the full union of its communes within 1e-6.
void checkAgainstTheFullUnion(const model::Dataset& d) {
    for (const auto& b : d.bassins) {
        QVERIFY2(io::isValidPolygon(b.geometry), b.code.c_str());
        const double reference = referenceArea(d, b);
        QVERIFY2(reference > 0, b.code.c_str());
        QVERIFY2(std::abs(areaM2(b.geometry) - reference) <= 1e-6 * reference, b.code.c_str());
    }
}

//! The communes of `d` grouped by département as bassins (the groups of the départements' outlines).
model::Dataset departementsAsBassins(const model::Dataset& d) {
    model::Dataset out;
    out.communes = d.communes;
    for (const auto& [dep, communes] : io::communesByDepartement(d.communes)) {
        model::Bassin b;
        b.code = dep;
        b.communes = communes;
        out.bassins.push_back(b);
    }
    return out;
}

} // namespace

//! Dissolves `d`'s bassin without a warning: a valid outline of `polygons` parts and `area` m² (exactly).
void checkDissolved(model::Dataset& d, int polygons, double area) {
    Warnings w;
    io::dissolveBassins(d, w);
    QVERIFY(w.empty());
    QVERIFY(io::isValidPolygon(d.bassins[0].geometry));
    QCOMPARE(polygonCount(d.bassins[0].geometry), polygons);
    QCOMPARE(areaM2(d.bassins[0].geometry), area);
}

class TestDissolve : public QObject {
    Q_OBJECT

private slots:
    void adjacentCommunesMergeIntoOnePolygon() {
        auto d = oneBassin({"MULTIPOLYGON (((0 0,1000 0,1000 1000,0 1000,0 0)))",
                            "MULTIPOLYGON (((1000 0,2000 0,2000 1000,1000 1000,1000 0)))",
                            "MULTIPOLYGON (((0 1000,1000 1000,1000 2000,0 2000,0 1000)))"});
        checkDissolved(d, 1, 3e6);
    }

    void enclaveLeavesAHoleAndSeparatePartsStaySeparate() {
        // c0 is a ring around a hole that belongs to no commune of the BV; c1 lies apart.
        auto d = oneBassin({"MULTIPOLYGON (((0 0,3000 0,3000 3000,0 3000,0 0),"
                            "(1000 1000,2000 1000,2000 2000,1000 2000,1000 1000)))",
                            "MULTIPOLYGON (((5000 0,6000 0,6000 1000,5000 1000,5000 0)))"});
        checkDissolved(d, 2, 9e6);
    }

    void communesMeetingAtACornerStayTwoPolygons() {
        auto d = oneBassin({"MULTIPOLYGON (((0 0,1000 0,1000 1000,0 1000,0 0)))",
                            "MULTIPOLYGON (((1000 1000,2000 1000,2000 2000,1000 2000,1000 1000)))"});
        checkDissolved(d, 2, 2e6);
    }

    void holeTouchingTheOutlineAtAVertexStaysAHole() {
        // Eight cells of a 3 x 3 grid less the centre and the top right corner: the centre is a hole that
        // touches the outline at (2000 2000), valid as one polygon with a hole.
        std::vector<std::string> cells;
        for (int x = 0; x < 3; ++x)
            for (int y = 0; y < 3; ++y)
                if (!(x == 1 && y == 1) && !(x == 2 && y == 2))
                    cells.push_back(square(x * 1000, y * 1000));
        std::vector<const char*> polygons;
        for (const auto& c : cells)
            polygons.push_back(c.c_str());
        auto d = oneBassin(polygons);
        checkDissolved(d, 1, 7e6);
        auto g = geometryOf(d.bassins[0].geometry);
        QCOMPARE(g->toMultiPolygon()->getGeometryRef(0)->getNumInteriorRings(), 1);
        // Joined from the edges: the walk around the outline and the hole is split at the shared vertex.
        std::vector<const model::Wkb*> parts;
        for (const auto& c : d.communes)
            parts.push_back(&c.geometry);
        double partsArea = 0;
        const model::Wkb outline = io::coverageOutline(parts, partsArea);
        QVERIFY(io::isValidPolygon(outline));
        QCOMPARE(outline.capacity(), outline.size()); // written into a buffer of its size, not grown
        QCOMPARE(partsArea, 7e6);
        QCOMPARE(geometryOf(outline)->toMultiPolygon()->getGeometryRef(0)->getNumInteriorRings(), 1);
    }

    void overlappingCommunesFallBackToTheFullUnion() {
        // Not a coverage: the overlap must be counted once, as a full union does.
        auto d = oneBassin({"MULTIPOLYGON (((0 0,2000 0,2000 2000,0 2000,0 0)))",
                            "MULTIPOLYGON (((1000 1000,3000 1000,3000 3000,1000 3000,1000 1000)))"});
        checkDissolved(d, 1, 7e6);
    }

    void unnodedNeighboursFallBackToTheFullUnion() {
        // c0's right edge has no vertex where c1 and c2 meet: their shared edges do not match segment by
        // segment, which the coverage union cannot merge.
        auto d = oneBassin({"MULTIPOLYGON (((0 0,2000 0,2000 2000,0 2000,0 0)))",
                            "MULTIPOLYGON (((2000 0,3000 0,3000 1000,2000 1000,2000 0)))",
                            "MULTIPOLYGON (((2000 1000,3000 1000,3000 2000,2000 2000,2000 1000)))"});
        checkDissolved(d, 1, 6e6);
        QCOMPARE(areaM2(d.bassins[0].geometry), referenceArea(d, d.bassins[0]));
    }

    // Real data: every BV2012 of Hauts-de-France equals the full union within 1e-6 (relative area).
    void realBassinsEqualTheFullUnion() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("bassins_de_vie/commune_cog2018_bv2012_bv2022_crosswalk.csv");
        const auto bv = crosswalkBv2012(
            testing::sharedPath("bassins_de_vie/commune_cog2018_bv2012_bv2022_crosswalk.csv").toStdString());
        Warnings w;
        model::Dataset d;
        d.communes = io::readCommunePolygons(
            testing::sharedPath("communes/communes_hauts_de_france_cog2018.geojson").toStdString(), {}, w);
        std::map<std::string, model::Bassin> bassins;
        for (auto& c : d.communes) {
            c.bv = bv.at(c.code);
            bassins[c.bv].code = c.bv;
            bassins[c.bv].communes.push_back(c.code);
        }
        for (auto& [code, b] : bassins)
            d.bassins.push_back(b);
        Warnings dissolveWarnings;
        io::dissolveBassins(d, dissolveWarnings);
        QVERIFY(dissolveWarnings.empty());
        QVERIFY(d.bassins.size() > 100);
        checkAgainstTheFullUnion(d);
        // Every one joined from its communes' edges (the fast path), not left to GEOS.
        std::map<std::string, const model::Commune*> byCode;
        for (const auto& c : d.communes)
            byCode[c.code] = &c;
        for (const auto& b : d.bassins) {
            std::vector<const model::Wkb*> parts;
            for (const auto& code : b.communes)
                parts.push_back(&byCode.at(code)->geometry);
            double partsArea = 0;
            const model::Wkb outline = io::coverageOutline(parts, partsArea);
            QVERIFY2(io::isValidPolygon(outline), b.code.c_str());
            QVERIFY2(outline.capacity() == outline.size(), b.code.c_str()); // held until written
            QVERIFY2(std::abs(areaM2(outline) - partsArea) <= 1e-9 * partsArea, b.code.c_str());
        }
        // The départements' outlines too (5 départements, from about 3,800 communes).
        io::dissolveOutlines(d, dissolveWarnings);
        QVERIFY(dissolveWarnings.empty());
        model::Dataset departements = departementsAsBassins(d);
        QCOMPARE(d.departementOutlines.size(), departements.bassins.size());
        for (std::size_t i = 0; i < departements.bassins.size(); ++i) {
            QCOMPARE(d.departementOutlines[i].code, departements.bassins[i].code);
            departements.bassins[i].geometry = d.departementOutlines[i].geometry;
        }
        checkAgainstTheFullUnion(departements);
    }

    // The demo's bassins de vie (the communes of a fictional tiling) equal the full union within 1e-6.
    void demoBassinsEqualTheFullUnion() {
        model::Dataset d = demo::makeDemoDataset();
        Warnings w;
        io::dissolveBassins(d, w);
        QVERIFY(w.empty());
        QVERIFY(d.bassins.size() > 10);
        checkAgainstTheFullUnion(d);
    }

    // Communes read while their geometries are processed batch by batch on another thread come in the file's
    // order, every one, each with a valid polygon of the area of the file's feature in Lambert-93.
    void realCommunesComeInTheFilesOrderWithTheirPolygons() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        const std::string path =
            testing::sharedPath("communes/communes_hauts_de_france_cog2018.geojson").toStdString();
        Warnings w;
        const std::vector<model::Commune> communes = io::readCommunePolygons(path, {}, w);
        io::ensureGdal(); // a plain GeoJSON is read without GDAL's drivers: the test opens it with them
        GDALDatasetUniquePtr file(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        QVERIFY(file);
        OGRLayer* layer = file->GetLayer(0);
        OGRSpatialReference lambert93;
        lambert93.importFromEPSG(2154);
        lambert93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> toLambert93(
            OGRCreateCoordinateTransformation(layer->GetSpatialRef(), &lambert93));
        QVERIFY(toLambert93);
        std::size_t i = 0;
        for (auto& f : *layer) {
            QVERIFY(i < communes.size());
            QCOMPARE(communes[i].code, std::string(f->GetFieldAsString("code")));
            QVERIFY2(io::isValidPolygon(communes[i].geometry), communes[i].code.c_str());
            OGRGeometry* g = f->GetGeometryRef();
            QCOMPARE(g->transform(toLambert93.get()), OGRERR_NONE);
            const double area = OGR_G_Area(OGRGeometry::ToHandle(g));
            QVERIFY2(std::abs(areaM2(communes[i].geometry) - area) <= 1e-9 * area, communes[i].code.c_str());
            ++i;
        }
        QCOMPARE(i, communes.size());
        QVERIFY(i > 3000); // many batches
    }
};

QTEST_GUILESS_MAIN(TestDissolve)
#include "test_dissolve.moc"
