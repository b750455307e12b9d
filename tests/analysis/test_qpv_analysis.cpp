// Professionals around the quartiers prioritaires (core/analysis/qpv.h): a constructed case computed by
// hand (communes at their anchor, zones by their polygons, nearest pôles with travel times, secrecy), and
// the QPV of Perpignan on real data against an independent GDAL/OGR computation.
#include "geo_testing.h"
#include "testing.h"

#include "core/analysis/qpv.h"
#include "core/io/geo.h"
#include "core/io/qpv.h"

#include <QFile>
#include <QObject>
#include <ogr_api.h>

#include <fstream>
#include <map>
#include <sstream>

using namespace maillage;

namespace {

constexpr double kX = 700000, kY = 6600000; // somewhere in Lambert-93

//! A square of `side` metres whose lower left corner is at (x, y) from (kX, kY).
model::Wkb square(double x, double y, double side) {
    std::ostringstream wkt;
    wkt.precision(12);
    const double x0 = kX + x, y0 = kY + y, x1 = x0 + side, y1 = y0 + side;
    wkt << "POLYGON((" << x0 << " " << y0 << "," << x1 << " " << y0 << "," << x1 << " " << y1 << "," << x0
        << " " << y1 << "," << x0 << " " << y0 << "))";
    return testing::wkbOf(wkt.str().c_str());
}

model::Commune commune(const std::string& code, double x, double y) {
    model::Commune c;
    c.code = code;
    c.name = "Commune " + code;
    c.bv = code;
    c.population = 1000;
    c.anchor = {kX + x, kY + y};
    c.geometry = square(x - 200, y - 200, 400);
    return c;
}

void count(model::Dataset& ds, const std::string& place, const std::string& profession, double n) {
    ds.counts.push_back({place, profession, 2021, n});
}

//! QPV "Q1", the square (0, 0)-(1000, 1000), 5,000 inhabitants. Commune A's anchor is inside it, B's 300 m
//! from its edge, C's 800 m. Every commune is its own bassin de vie; with the thresholds scaled down, C
//! (150 professionals) is a type 1 pôle, A (30) a type 2 and B (20) hors pôle (share of pôle professions
//! too small for type 3, and fewer than 25 outside psychiatry for type 4).
model::Dataset communesCase() {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.communes = {commune("01001", 500, 500), commune("01002", 1300, 500), commune("01003", 1800, 500)};
    ds.rebuildBassins();
    count(ds, "01001", "medecin_generaliste", 30);
    count(ds, "01002", "medecin_generaliste", 20);
    count(ds, "01003", "medecin_generaliste", 100);
    count(ds, "01003", "medecin_specialiste", 50);
    ds.meta.vintages = {2021};
    model::Qpv q;
    q.code = "Q1";
    q.name = "Quartier un";
    q.population = 5000;
    q.anchor = {kX + 500, kY + 500};
    q.geometry = square(0, 0, 1000);
    ds.qpvs = {q};
    ds.params.poles.massScale = 0.01;         // 10,000 -> 100, 3,000 -> 30, 1,500 -> 15, 1,000 -> 10
    ds.params.poles.secondaryExPsyMin = 2500; // 25 after scaling: B is no type 4
    ds.travelTimes = {{"01001", "01003", 12}, {"01003", "01001", 14}};
    return ds;
}

const analysis::QpvPlace* placeOf(const analysis::QpvProfessionals& q, const std::string& code) {
    for (const auto& p : q.places)
        if (p.code == code)
            return &p;
    return nullptr;
}

std::string cellText(const io::ResultTable& t, std::size_t row, const char* key) {
    return io::formatCell(t, row, static_cast<std::size_t>(t.column(key)), Language::En);
}

} // namespace

class TestQpvAnalysis : public QObject {
    Q_OBJECT

private slots:
    void communesCountInsideAtTheirAnchorAndWithinTheDistance() {
        const model::Dataset ds = communesCase();
        const auto r = analysis::professionalsAroundQpv(ds, "", 0, ds.params);
        QCOMPARE(r.vintage, 2021);
        QCOMPARE(r.distanceM, 500.0);
        QCOMPARE(r.qpvs.size(), std::size_t(1));
        const auto& q = r.qpvs[0];
        QCOMPARE(q.inside, 30.0);                  // A
        QCOMPARE(q.within, 50.0);                  // A + B (300 m); C is 800 m away
        QCOMPARE(q.commune, std::string("01001")); // the commune holding its anchor
        QVERIFY(q.method == analysis::QpvMethod::Communes);
        QVERIFY(placeOf(q, "01001") && placeOf(q, "01001")->inside);
        QVERIFY(placeOf(q, "01002") && !placeOf(q, "01002")->inside);
        QVERIFY(!placeOf(q, "01003"));
    }

    void theDistanceIsAParameter() {
        model::Dataset ds = communesCase();
        ds.params.qpv.distanceM = 900;
        const auto q = analysis::professionalsAroundQpv(ds, "", 0, ds.params).qpvs[0];
        QCOMPARE(q.within, 200.0); // C at 800 m now counts
        ds.params.qpv.distanceM = 0;
        QCOMPARE(analysis::professionalsAroundQpv(ds, "", 0, ds.params).qpvs[0].within, 30.0);
    }

    void oneProfessionIsCountedAlone() {
        model::Dataset ds = communesCase();
        ds.params.qpv.distanceM = 900;
        const auto q = analysis::professionalsAroundQpv(ds, "medecin_specialiste", 0, ds.params).qpvs[0];
        QCOMPARE(q.within, 50.0); // C's specialists only
        QCOMPARE(q.inside, 0.0);
    }

    void theNearestPoleOfEachTypeHasItsDistanceAndTravelTime() {
        const model::Dataset ds = communesCase();
        const auto q = analysis::professionalsAroundQpv(ds, "", 0, ds.params).qpvs[0];
        QCOMPARE(q.nearest[0].bv, std::string("01003")); // type 1: C, 1.3 km, 12 minutes from A
        QCOMPARE(q.nearest[0].km, 1.3);
        QCOMPARE(q.nearest[0].minutes, 12.0);
        QCOMPARE(q.nearest[1].bv, std::string("01001")); // type 2: A, where the QPV is
        QCOMPARE(q.nearest[1].km, 0.0);
        QCOMPARE(q.nearest[1].minutes, 0.0);
        QVERIFY(q.nearest[2].bv.empty()); // no type 3 or 4 (B is hors pôle)
        QVERIFY(q.nearest[3].bv.empty());
    }

    void withoutTravelTimesTheMinutesAreUnknown() {
        model::Dataset ds = communesCase();
        ds.travelTimes.clear();
        const auto r = analysis::professionalsAroundQpv(ds, "", 0, ds.params);
        QVERIFY(!r.travelTimes);
        QVERIFY(r.qpvs[0].nearest[0].minutes < 0);
        const auto t = analysis::qpvTable(ds, r, analysis::SecrecyRule::off());
        QCOMPARE(cellText(t, 0, "pole1_minutes"), std::string());
        QCOMPARE(cellText(t, 0, "pole1_km"), std::string("1.3"));
    }

    void zonesWithPolygonsCountByOverlapAndDistance() {
        model::Dataset ds = communesCase();
        // A's zones: Z1 overlaps the QPV, Z2 shares its edge (x = 1000) and lies within 500 m, Z3 is 2 km
        // away.
        auto zone = [](const std::string& code, double x) {
            model::Zone z;
            z.code = code;
            z.name = code;
            z.commune = "01001";
            z.population = 100;
            z.geometry = square(x, 0, 400);
            return z;
        };
        ds.zones = {zone("Z1", 800), zone("Z2", 1000), zone("Z3", 3000)};
        ds.zoneCounts = {{"Z1", "medecin_generaliste", 2021, 7},
                         {"Z2", "medecin_generaliste", 2021, 11},
                         {"Z3", "medecin_generaliste", 2021, 12}};
        const auto q = analysis::professionalsAroundQpv(ds, "", 0, ds.params).qpvs[0];
        QVERIFY(q.method == analysis::QpvMethod::ZonesAndCommunes); // A by its zones, B at its anchor
        QCOMPARE(q.inside, 7.0);           // Z1 (A's anchor no longer counts: its zones do)
        QCOMPARE(q.within, 7.0 + 11 + 20); // Z1, Z2, and commune B
        QVERIFY(placeOf(q, "Z2") && !placeOf(q, "Z2")->inside);
        QVERIFY(!placeOf(q, "Z3"));
    }

    void densitiesAreForTheQpvPopulation() {
        const model::Dataset ds = communesCase();
        const auto t = analysis::qpvTable(ds, analysis::professionalsAroundQpv(ds, "", 0, ds.params),
                                          analysis::SecrecyRule{});
        QCOMPARE(t.rows.size(), std::size_t(1));
        const auto& cells = t.rows[0].cells;
        QCOMPARE(cells[static_cast<std::size_t>(t.column("per_10000_inside"))].number, 60.0);  // 30 / 5,000
        QCOMPARE(cells[static_cast<std::size_t>(t.column("per_10000_within"))].number, 100.0); // 50 / 5,000
        QCOMPARE(cellText(t, 0, "method"), std::string("communes"));
        QCOMPARE(cellText(t, 0, "pole1_name"), std::string("Commune 01003"));
        QVERIFY(!t.rows[0].wkb.empty());
        bool methodStated = false;
        for (const Message& note : t.notes)
            methodStated |= word(note, Language::En).find("within 500 m") != std::string::npos;
        QVERIFY(methodStated);
    }

    void smallCountsAndTheSumsThatGiveThemBackAreMasked() {
        model::Dataset ds = communesCase();
        ds.counts = {{"01001", "medecin_generaliste", 2021, 3}, {"01002", "medecin_generaliste", 2021, 10}};
        const auto r = analysis::professionalsAroundQpv(ds, "", 0, ds.params);
        const auto t = analysis::qpvTable(ds, r, analysis::SecrecyRule{});
        const auto& cells = t.rows[0].cells;
        // inside = 3: secret. within = 13 = A (3, masked in the commune densities) + B (10, published):
        // shown, it would give A's 3 back.
        QVERIFY(cells[static_cast<std::size_t>(t.column("inside"))].masked);
        QVERIFY(cells[static_cast<std::size_t>(t.column("within"))].masked);
        QVERIFY(cells[static_cast<std::size_t>(t.column("per_10000_within"))].masked);
        const auto open = analysis::qpvTable(ds, r, analysis::SecrecyRule::off());
        QCOMPARE(open.rows[0].cells[static_cast<std::size_t>(open.column("within"))].number, 13.0);
    }

    void aQpvWithoutPopulationHasNoDensityAndAWarning() {
        model::Dataset ds = communesCase();
        ds.qpvs[0].population = 0;
        const auto r = analysis::professionalsAroundQpv(ds, "", 0, ds.params);
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QVERIFY(std::string(r.warnings[0].toString()).find("no population") != std::string::npos);
        const auto t = analysis::qpvTable(ds, r, analysis::SecrecyRule::off());
        QVERIFY(t.rows[0].cells[static_cast<std::size_t>(t.column("per_10000_within"))].empty);
    }

    void theQpvOfPerpignanAgreeWithAnIndependentOgrComputation() {
        MAILLAGE_REQUIRE_SHARED("qpv/occitanie_hackaviz2021_qp.geojson");
        MAILLAGE_REQUIRE_SHARED("communes/communes_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        model::Dataset ds = perpignanDataset();
        QVERIFY(ds.qpvs.size() >= 5);
        // Perpignan's anchor (a point on the surface of 68 km²) is far from most QPV: at 500 m few
        // communes count; at 3 km some do. Both agree with GEOS's buffer test commune by commune.
        double total = 0;
        for (const double metres : {500.0, 3000.0}) {
            ds.params.qpv.distanceM = metres;
            const auto r = analysis::professionalsAroundQpv(ds, "medecin_generaliste", 2018, ds.params);
            QCOMPARE(r.qpvs.size(), ds.qpvs.size());
            for (std::size_t i = 0; i < ds.qpvs.size(); ++i) {
                const auto [inside, within] = expectedByOgr(ds, ds.qpvs[i], metres);
                QCOMPARE(r.qpvs[i].inside, inside);
                QCOMPARE(r.qpvs[i].within, within);
                total += r.qpvs[i].within;
            }
        }
        QVERIFY(total > 0);
    }

private:
    //! Communes of Pyrénées-Orientales (66) from the national polygons, BPE 2018 GPs (D201), the QPV of
    //! the département.
    static model::Dataset perpignanDataset() {
        Warnings w;
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        for (auto& c : io::readCommunePolygons(
                 testing::sharedPath("communes/communes_france_cog2018.geojson").toStdString(), {}, w))
            if (c.code.rfind("66", 0) == 0) {
                c.bv = c.code;
                ds.communes.push_back(std::move(c));
            }
        ds.rebuildBassins();
        std::ifstream in(
            testing::sharedPath("professionals/bpe2018_sante_par_commune_long.csv").toStdString());
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line)) {
            std::vector<std::string> cells;
            std::stringstream fields(line);
            for (std::string cell; std::getline(fields, cell, ',');)
                cells.push_back(cell.size() >= 2 && cell.front() == '"' ? cell.substr(1, cell.size() - 2)
                                                                        : cell);
            if (cells.size() == 3 && cells[1] == "D201" && cells[0].rfind("66", 0) == 0)
                ds.counts.push_back({cells[0], "medecin_generaliste", 2018, std::stod(cells[2])});
        }
        ds.meta.vintages = {2018};
        for (auto& q : io::readQpvPolygons(
                 testing::sharedPath("qpv/occitanie_hackaviz2021_qp.geojson").toStdString(), w))
            if (q.code.rfind("QP066", 0) == 0)
                ds.qpvs.push_back(std::move(q));
        return ds;
    }

    //! GPs of the communes whose point on surface is in the QPV, and in its 500 m buffer (GEOS).
    static std::pair<double, double> expectedByOgr(const model::Dataset& ds, const model::Qpv& q,
                                                   double metres) {
        const auto polygon = testing::geometryOf(q.geometry);
        const io::GeomPtr buffer(polygon->Buffer(metres, 64));
        std::map<std::string, double> gps;
        for (const auto& r : ds.counts)
            gps[r.place] += r.count;
        double inside = 0, within = 0;
        for (const auto& c : ds.communes) {
            const auto g = testing::geometryOf(c.geometry);
            const io::GeomPtr onSurface(
                OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(g.get()))));
            if (!onSurface)
                continue;
            const OGRPoint& p = *onSurface->toPoint();
            if (polygon->Contains(&p))
                inside += gps[c.code];
            if (buffer->Contains(&p))
                within += gps[c.code];
        }
        return {inside, within};
    }
};

QTEST_APPLESS_MAIN(TestQpvAnalysis)
#include "test_qpv_analysis.moc"
