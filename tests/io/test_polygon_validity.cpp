// The quick validity proof (core/io/polygon_validity.h) vouches only for polygons GEOS finds valid, and for
// nearly all real communes, so that GEOS checks only the rest.
#include "geo_testing.h"
#include "testing.h"

#include "core/io/geo.h"
#include "core/io/polygon_validity.h"

#include <QObject>

#include <cpl_error.h>
#include <ogr_geometry.h>

#include <random>
#include <sstream>

using namespace maillage;

namespace {

using testing::geometryOf;
using testing::wkbOf;

//! GEOS's verdict, through OGR.
bool geosValid(const model::Wkb& wkb) {
    const auto g = geometryOf(wkb);
    CPLPushErrorHandler(CPLQuietErrorHandler); // GEOS's "Self-intersection at or near point..."
    const bool valid = g && g->IsValid();
    CPLPopErrorHandler();
    return valid;
}

//! A ring's WKT of `points` (closed here).
std::string ringText(const std::vector<std::pair<double, double>>& points) {
    std::ostringstream out;
    out.precision(17);
    out << "(";
    for (const auto& [x, y] : points)
        out << x << " " << y << ",";
    out << points.front().first << " " << points.front().second << ")";
    return out.str();
}

//! A star-shaped ring around (cx, cy): `n` points at increasing angles, radii in [r/2, r] (simple), or at
//! random angles (most often crossing itself) when `shuffled`; on whole units when `grid` (many points in
//! a line, rings touching).
std::vector<std::pair<double, double>> randomRing(std::mt19937& rng, double cx, double cy, double r, int n,
                                                  bool shuffled, bool grid) {
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<double> angles(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        angles[static_cast<std::size_t>(i)] =
            shuffled ? 2 * M_PI * unit(rng) : 2 * M_PI * (i + unit(rng)) / n;
    std::vector<std::pair<double, double>> points;
    for (double a : angles) {
        const double radius = r * (0.5 + 0.5 * unit(rng));
        double x = cx + radius * std::cos(a), y = cy + radius * std::sin(a);
        if (grid) {
            x = std::round(x);
            y = std::round(y);
        }
        if (points.empty() || points.back() != std::make_pair(x, y))
            points.emplace_back(x, y);
    }
    return points;
}

} // namespace

class TestPolygonValidity : public QObject {
    Q_OBJECT

private slots:
    // Simple shapes, holes inside their shell, islands apart or inside another polygon's hole: proven.
    void validPolygonsWithoutContactAreProven() {
        for (const char* wkt : {
                 "POLYGON((0 0,10 0,10 10,0 10,0 0))",
                 // concave
                 "POLYGON((0 0,10 0,10 3,3 3,3 10,0 10,0 0))",
                 "POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2),(6 6,6 8,8 8,8 6,6 6))",
                 "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((3 0,4 0,4 1,3 1,3 0)))",
                 "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0),(2 2,2 8,8 8,8 2,2 2)),((4 4,6 4,6 6,4 6,4 4)))",
                 // a hole's vertex a hair inside the shell
                 "POLYGON((0 0,10 0,10 10,0 10,0 0),(5 0.000000000001,6 5,4 5,5 0.000000000001))",
                 // lake, island, lake, island
                 "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0),(1 1,1 9,9 9,9 1,1 1)),((2 2,8 2,8 8,2 8,2 2),(3 "
                 "3,3 "
                 "7,7 7,7 3,3 3)),((4 4,6 4,6 6,4 6,4 4)))",
                 "POLYGON((700000.123 6600000.456,700100.5 6600000.25,700050 6600080.75,700000.123 "
                 "6600000.456))",
             }) {
            const model::Wkb wkb = wkbOf(wkt);
            QVERIFY2(geosValid(wkb), wkt);
            QVERIFY2(io::provedValid(wkb), wkt);
        }
    }

    // Every way a polygon is invalid: never proven.
    void invalidPolygonsAreNeverProven() {
        for (const char* wkt : {
                 // bow tie
                 "POLYGON((0 0,10 10,10 0,0 10,0 0))",
                 // spike
                 "POLYGON((0 0,10 0,10 10,10 20,10 10,0 10,0 0))",
                 // touches itself on an edge
                 "POLYGON((0 0,10 0,10 10,5 0,0 10,0 0))",
                 // a hole outside, across, nested (large or small first), around its shell
                 "POLYGON((0 0,10 0,10 10,0 10,0 0),(20 20,20 22,22 22,22 20,20 20))",
                 "POLYGON((0 0,10 0,10 10,0 10,0 0),(5 5,5 15,15 15,15 5,5 5))",
                 "POLYGON((0 0,10 0,10 10,0 10,0 0),(1 1,1 9,9 9,9 1,1 1),(2 2,2 3,3 3,3 2,2 2))",
                 "POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 3,3 3,3 2,2 2),(1 1,1 9,9 9,9 1,1 1))",
                 "POLYGON((2 2,4 2,4 4,2 4,2 2),(0 0,10 0,10 10,0 10,0 0))",
                 // a hole's vertex a hair outside the shell
                 "POLYGON((0 0,10 0,10 10,0 10,0 0),(5 -0.000000000001,6 5,4 5,5 -0.000000000001))",
                 // Kettner's case: a vertex on an edge, told only by the error bound (the plain determinant's
                 // sign says apart)
                 "POLYGON((0.50000000000000455 0.50000000000000533,24 24,0 24,0.50000000000000455 "
                 "0.50000000000000533),(12 12,11 13,10 12,12 12))",
                 // shells overlapping, nested, twice the same
                 "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)),((5 5,15 5,15 15,5 15,5 5)))",
                 "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)),((2 2,3 2,3 3,2 3,2 2)))",
                 "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)),((0 0,10 0,10 10,0 10,0 0)))",
                 // a shell inside a polygon with a hole but not in the hole, in both orders
                 "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0),(1 1,1 3,3 3,3 1,1 1)),((5 5,6 5,6 6,5 6,5 5)))",
                 "MULTIPOLYGON(((5 5,6 5,6 6,5 6,5 5)),((0 0,10 0,10 10,0 10,0 0),(1 1,1 3,3 3,3 1,1 1)))",
                 // lake, island, lake, island, and one more island on the second island's land
                 "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0),(1 1,1 9,9 9,9 1,1 1)),((2 2,8 2,8 8,2 8,2 2),(3 "
                 "3,3 "
                 "7,7 7,7 3,3 3)),((4 4,6 4,6 6,4 6,4 4)),((2.2 2.2,2.8 2.2,2.8 2.8,2.2 2.8,2.2 2.2)))",
                 // no area
                 "POLYGON((0 0,10 0,20 0,0 0))",
             }) {
            const model::Wkb wkb = wkbOf(wkt);
            QVERIFY2(!geosValid(wkb), wkt);
            QVERIFY2(!io::provedValid(wkb), wkt);
        }
    }

    // Valid for GEOS but resting on a contact or points in a line: left to GEOS (not proven).
    void contactsAndStraightRunsAreLeftToGeos() {
        for (const char* wkt : {
                 "POLYGON((0 0,10 0,10 10,0 10,0 0),(0 0,2 4,4 2,0 0))",          // hole on a vertex
                 "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((1 1,2 1,2 2,1 2,1 1)))", // shells at a point
                 "POLYGON((0 0,5 0,10 0,10 10,0 10,0 0))",                        // straight on
                 "POLYGON((0 0,10 0,10 0,10 10,0 10,0 0))",                       // point repeated
             }) {
            const model::Wkb wkb = wkbOf(wkt);
            QVERIFY2(geosValid(wkb), wkt);
            QVERIFY2(!io::provedValid(wkb), wkt);
        }
        // Coordinates whose products could overflow the error bound's arithmetic.
        const model::Wkb huge = wkbOf("POLYGON((0 0,1e200 0,1e200 1e200,0 1e200,0 0))");
        QVERIFY(geosValid(huge));
        QVERIFY(!io::provedValid(huge));
        QVERIFY(!io::provedValid(model::Wkb{}));
        QVERIFY(!io::provedValid(wkbOf("LINESTRING(0 0,1 1)")));
    }

    // A comb whose 300 long teeth all span the sweep: the sweep would look at every pair of them (its time
    // growing with the square of the edges, several times GEOS's); it gives up within its budget instead.
    void aShapeTooCostlyToSweepIsLeftToGeos() {
        const int teeth = 300;
        const double width = 10.0 * teeth;
        std::vector<std::pair<double, double>> ring{{0, 0}};
        for (int k = 0; k < teeth; ++k) {
            ring.emplace_back(width, 2.0 * k);
            ring.emplace_back(width, 2.0 * k + 1);
            ring.emplace_back(1, 2.0 * k + 1);
            ring.emplace_back(1, 2.0 * k + 2);
        }
        ring.emplace_back(0, 2.0 * teeth);
        const model::Wkb comb = wkbOf(("POLYGON(" + ringText(ring) + ")").c_str());
        QVERIFY(geosValid(comb));
        QVERIFY(!io::provedValid(comb));
    }

    // Thousands of random polygons, simple or crossing, with holes and islands, on whole units (points in
    // a line, rings touching) or not: every one proven is valid for GEOS, and most of GEOS's valid ones
    // without contact are proven.
    void randomPolygonsAreProvenOnlyWhenGeosFindsThemValid() {
        std::mt19937 rng(20261205);
        std::uniform_int_distribution<int> points(3, 40), coin(0, 3), rings(0, 3);
        int proven = 0, valid = 0, total = 0;
        for (int k = 0; k < 6000; ++k) {
            const bool grid = coin(rng) == 0;
            const double scale = grid ? 12 : 1000;
            std::ostringstream wkt;
            const int polygons = 1 + (coin(rng) == 0 ? rings(rng) : 0);
            wkt << "MULTIPOLYGON(";
            for (int p = 0; p < polygons; ++p) {
                const double cx = p * scale * 1.2 * (coin(rng) == 0 ? 0.5 : 1), cy = 0;
                wkt << (p ? "," : "") << "("
                    << ringText(randomRing(rng, cx, cy, scale, points(rng), coin(rng) == 0, grid));
                for (int h = coin(rng) == 0 ? rings(rng) : 0; h > 0; --h)
                    wkt << ","
                        << ringText(randomRing(rng, cx + (coin(rng) - 1.5) * scale / 4, cy, scale / 5,
                                               points(rng), coin(rng) == 0, grid));
                wkt << ")";
            }
            wkt << ")";
            const model::Wkb wkb = wkbOf(wkt.str().c_str());
            if (wkb.size() < 10)
                continue;
            ++total;
            const bool isValid = geosValid(wkb);
            const bool isProven = io::provedValid(wkb);
            valid += isValid;
            proven += isProven;
            QVERIFY2(!isProven || isValid, wkt.str().c_str());
        }
        qInfo("%d random polygons, %d valid, %d proven", total, valid, proven);
        QVERIFY(total > 5000);
        QVERIFY2(valid > total / 4 && valid < total,
                 qPrintable(QString("%1 valid of %2").arg(valid).arg(total)));
        QVERIFY2(proven > valid / 2, qPrintable(QString("%1 proven of %2 valid").arg(proven).arg(valid)));
    }

    // The communes of Hauts-de-France as an import reads them (Lambert-93): GEOS agrees with each one proven,
    // and the proof vouches for nearly all.
    void realCommunesAreNearlyAllProven() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        Warnings w;
        const auto communes = io::readCommunePolygons(
            testing::sharedPath("communes/communes_hauts_de_france_cog2018.geojson").toStdString(), {}, w);
        QVERIFY(communes.size() > 3000);
        std::size_t proven = 0;
        for (const auto& c : communes) {
            const bool isProven = io::provedValid(c.geometry);
            proven += isProven;
            QVERIFY2(!isProven || geosValid(c.geometry), c.code.c_str());
        }
        qInfo("%zu communes, %zu proven", communes.size(), proven);
        QVERIFY2(proven >= communes.size() * 95 / 100,
                 qPrintable(QString("%1 proven of %2").arg(proven).arg(communes.size())));
    }
};

QTEST_GUILESS_MAIN(TestPolygonValidity)
#include "test_polygon_validity.moc"
