#include "core/analysis/maillage.h"
#include "core/model/error.h"

#include "testing.h"

#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

using namespace maillage;
using namespace maillage::analysis;

namespace {

// Lambert-93 coordinates around the projection centre, given in km offsets.
model::Point at(double xKm, double yKm) {
    return {700000 + xKm * 1000, 6600000 + yKm * 1000};
}

struct Place {
    std::string code;
    model::Point anchor;
    double population = 1000;
};

//! One commune per BV, the commune code being the BV code (its main commune).
model::Dataset datasetOf(const std::vector<Place>& places) {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    for (const Place& p : places) {
        model::Commune c;
        c.code = p.code;
        c.name = "Commune " + p.code;
        c.population = p.population;
        c.bv = p.code;
        c.dep = p.code.substr(0, 2);
        c.reg = "32";
        c.anchor = p.anchor;
        ds.communes.push_back(c);
        model::Bassin b;
        b.code = p.code;
        b.name = c.name;
        b.dep = c.dep;
        b.reg = c.reg;
        b.population = p.population;
        b.communes = {p.code};
        b.anchor = p.anchor;
        ds.bassins.push_back(b);
    }
    ds.reindex();
    return ds;
}

PoleClassification pole(const std::string& bv, PoleType type, double total) {
    PoleClassification p;
    p.bv = bv;
    p.type = type;
    p.total = total;
    return p;
}

int nodeOf(const MaillageResult& r, const std::string& bv) {
    for (std::size_t i = 0; i < r.nodes.size(); ++i)
        if (r.nodes[i].bv == bv)
            return static_cast<int>(i);
    return -1;
}

const Link* linkBetween(const MaillageResult& r, const std::string& a, const std::string& b) {
    const int ia = nodeOf(r, a), ib = nodeOf(r, b);
    for (const Link& l : r.links)
        if ((l.from == ia && l.to == ib) || (l.from == ib && l.to == ia))
            return &l;
    return nullptr;
}

bool near(double a, double b, double relative = 1e-9) {
    return std::fabs(a - b) <= relative * std::max(1.0, std::fabs(b));
}

model::MaillageParameters noFilter() {
    model::MaillageParameters p;
    p.strongestPerPole = 0;
    p.intensityThreshold = 0;
    return p;
}

// Four pôles (km): A 10,000 at (0,0); B 5,000 at (100,0); C 2,000 at (0,100); D 1,200 at (110,0).
// Intensities with beta 2: AB 5,000; AC 2,000; AD 991.7; BC 500; BD 60,000; CD 108.6.
model::Dataset fourPoles() {
    return datasetOf(
        {{"59001", at(0, 0)}, {"59002", at(100, 0)}, {"59003", at(0, 100)}, {"59004", at(110, 0)}});
}
std::vector<PoleClassification> fourPoleTypes() {
    return {pole("59001", PoleType::GrandPole, 10000), pole("59002", PoleType::GrandPole, 5000),
            pole("59003", PoleType::Intermediaire, 2000), pole("59004", PoleType::Secondaire, 1200)};
}

} // namespace

class TestMaillage : public QObject {
    Q_OBJECT
private slots:
    void intensityIsMassProductOverDistanceToTheBeta() {
        const auto ds = datasetOf({{"38185", at(0, 0)}, {"38563", at(30, 40)}}); // 50 km apart
        const std::vector<PoleClassification> poles{pole("38185", PoleType::GrandPole, 4000),
                                                    pole("38563", PoleType::Secondaire, 2000)};
        auto params = noFilter();
        params.beta = 2;
        auto r = computeMaillage(ds, poles, params);
        QCOMPARE(r.links.size(), std::size_t(1));
        QVERIFY(near(r.links[0].distance, 50.0));
        QVERIFY(near(r.links[0].intensity, 4000.0 * 2000.0 / 2500.0)); // 3,200
        QCOMPARE(r.distanceUnit, std::string("km"));

        params.beta = 1;
        r = computeMaillage(ds, poles, params);
        QVERIFY(near(r.links[0].intensity, 4000.0 * 2000.0 / 50.0)); // 160,000

        params.beta = 1.5;
        r = computeMaillage(ds, poles, params);
        QVERIFY(near(r.links[0].intensity, 4000.0 * 2000.0 / std::pow(50.0, 1.5)));
    }

    void minimumDistanceKeepsTouchingPolesFinite() {
        const auto ds = datasetOf({{"38185", at(0, 0)}, {"38563", at(0.2, 0)}});
        const std::vector<PoleClassification> poles{pole("38185", PoleType::GrandPole, 4000),
                                                    pole("38563", PoleType::Secondaire, 2000)};
        auto params = noFilter();
        params.minDistanceKm = 1;
        const auto r = computeMaillage(ds, poles, params);
        QVERIFY(near(r.links[0].distance, 0.2));
        QVERIFY(near(r.links[0].intensity, 8000000.0)); // divided by 1 km, not 0.2 km
    }

    void nodesArePolesOnlyHeaviestFirst() {
        auto ds = fourPoles();
        auto poles = fourPoleTypes();
        ds.bassins.push_back(ds.bassins[0]);
        ds.bassins.back().code = "59005";
        ds.reindex();
        poles.push_back(pole("59005", PoleType::HorsPole, 900));
        std::swap(poles[0], poles[3]); // classification order does not matter: matched by BV code
        const auto r = computeMaillage(ds, poles, noFilter());
        QCOMPARE(r.nodes.size(), std::size_t(4));
        QCOMPARE(r.nodes[0].bv, std::string("59001"));
        QCOMPARE(r.nodes[3].bv, std::string("59004"));
        QCOMPARE(r.nodes[0].mass, 10000.0);
        QCOMPARE(r.nodes[1].type, PoleType::GrandPole);
        QCOMPARE(r.nodes[2].position.y, at(0, 100).y);
        QCOMPARE(r.links.size(), std::size_t(6)); // no filter: every pair, once
    }

    void overseasPolesAreNotLinkedToMetropolitanOnes() {
        // Guadeloupe's pôles interact with each other, never with the mainland (Lambert-93 is meaningless
        // there).
        const auto ds = datasetOf(
            {{"59001", at(0, 0)}, {"59002", at(50, 0)}, {"97101", at(-5000, 0)}, {"97102", at(-5020, 0)}});
        const std::vector<PoleClassification> poles = {
            pole("59001", PoleType::GrandeMetropole, 20000), pole("59002", PoleType::GrandPole, 4000),
            pole("97101", PoleType::GrandPole, 5000), pole("97102", PoleType::Secondaire, 1200)};
        auto params = noFilter();
        const auto r = computeMaillage(ds, poles, params);
        QCOMPARE(r.links.size(), std::size_t(2));
        QVERIFY(linkBetween(r, "59001", "59002"));
        QVERIFY(linkBetween(r, "97101", "97102"));
        QCOMPARE(r.parent[static_cast<std::size_t>(nodeOf(r, "97101"))], -1); // a root of its own territory
        QCOMPARE(r.parent[static_cast<std::size_t>(nodeOf(r, "97102"))], nodeOf(r, "97101"));
        QVERIFY(r.isolated[static_cast<std::size_t>(nodeOf(r, "97101"))]);
    }

    void poleWithoutPositionGetsNoLinkAndAWarning() {
        const auto ds = datasetOf({{"59001", at(0, 0)}, {"59002", at(50, 0)}, {"59003", model::Point{}}});
        const std::vector<PoleClassification> poles = {pole("59001", PoleType::GrandeMetropole, 20000),
                                                       pole("59002", PoleType::GrandPole, 4000),
                                                       pole("59003", PoleType::GrandPole, 5000)};
        const auto r = computeMaillage(ds, poles, noFilter());
        QCOMPARE(r.links.size(), std::size_t(1));
        QVERIFY(linkBetween(r, "59001", "59002"));
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QCOMPARE(r.warnings[0].details, std::vector<std::string>{"59003"});
        QVERIFY(!r.isolated[static_cast<std::size_t>(nodeOf(r, "59003"))]); // unknown, not claimed
    }

    void strongestLinksPerPoleAreKeptStrongestFirst() {
        auto params = noFilter();
        params.strongestPerPole = 1;
        const auto r = computeMaillage(fourPoles(), fourPoleTypes(), params);
        // A's strongest: AB; B's and D's: BD; C's: AC. Dominant links (BA, CA, DB) are among them.
        QCOMPARE(r.links.size(), std::size_t(3));
        QVERIFY(linkBetween(r, "59002", "59004"));
        QVERIFY(linkBetween(r, "59001", "59002"));
        QVERIFY(linkBetween(r, "59001", "59003"));
        QVERIFY(!linkBetween(r, "59001", "59004"));
        QVERIFY(near(r.links[0].intensity, 60000.0));
        QVERIFY(near(r.links[1].intensity, 5000.0));
        QVERIFY(near(r.links[2].intensity, 2000.0));
        for (std::size_t i = 1; i < r.links.size(); ++i)
            QVERIFY(r.links[i - 1].intensity >= r.links[i].intensity);

        params.strongestPerPole = 2; // adds BC (C's 2nd) and AD (D's 2nd); CD stays out
        const auto r2 = computeMaillage(fourPoles(), fourPoleTypes(), params);
        QCOMPARE(r2.links.size(), std::size_t(5));
        QVERIFY(!linkBetween(r2, "59003", "59004"));
    }

    void thresholdDropsWeakLinksButKeepsDominantOnes() {
        auto params = noFilter();
        params.intensityThreshold = 3000;
        const auto r = computeMaillage(fourPoles(), fourPoleTypes(), params);
        // Above 3,000: BD and AB. C's dominant link (to A, 2,000) is kept all the same.
        QCOMPARE(r.links.size(), std::size_t(3));
        const Link* ac = linkBetween(r, "59001", "59003");
        QVERIFY(ac);
        QVERIFY(ac->dominant);
        QCOMPARE(ac->from, nodeOf(r, "59003"));
        QCOMPARE(ac->to, nodeOf(r, "59001"));
        QVERIFY(!linkBetween(r, "59001", "59004"));
    }

    void bothFiltersMustHoldWhenBothAreActive() {
        auto params = noFilter();
        params.strongestPerPole = 2;
        params.intensityThreshold = 900;
        const auto r = computeMaillage(fourPoles(), fourPoleTypes(), params);
        // Top-2 set: AB, AD, BD, AC, BC. Of those, BC (500) is below 900 and not dominant.
        QCOMPARE(r.links.size(), std::size_t(4));
        QVERIFY(!linkBetween(r, "59002", "59003"));
        QVERIFY(linkBetween(r, "59001", "59004")); // 991.7 >= 900
    }

    void dominantLinksFormATreeRootedAtTheHeaviestPole() {
        const auto r = computeMaillage(fourPoles(), fourPoleTypes(), noFilter());
        QCOMPARE(r.parent, (std::vector<int>{-1, 0, 0, 1})); // B->A, C->A (2,000 > 500), D->B (60,000)

        // A larger system: every pôle but the heaviest points to a strictly heavier one; no cycle.
        std::vector<Place> places;
        std::vector<PoleClassification> poles;
        unsigned seed = 12345;
        auto rnd = [&] {
            seed = seed * 1103515245u + 12345u;
            return static_cast<double>((seed >> 8) % 100000) / 100000.0;
        };
        for (int i = 0; i < 60; ++i) {
            const std::string code = std::to_string(10001 + i);
            places.push_back({code, at(rnd() * 500, rnd() * 500)});
            poles.push_back(pole(code, static_cast<PoleType>(1 + i % 4), 1000 + rnd() * 20000));
        }
        auto params = noFilter();
        params.strongestPerPole = 2;
        const auto big = computeMaillage(datasetOf(places), poles, params);
        QCOMPARE(big.parent.size(), std::size_t(60));
        QCOMPARE(big.parent[0], -1);
        int dominantLinks = 0;
        for (const Link& l : big.links)
            if (l.dominant) {
                ++dominantLinks;
                QCOMPARE(big.parent[static_cast<std::size_t>(l.from)], l.to);
            }
        QCOMPARE(dominantLinks, 59);
        for (std::size_t i = 1; i < big.nodes.size(); ++i) {
            const int p = big.parent[i];
            QVERIFY(p >= 0);
            QVERIFY(big.nodes[static_cast<std::size_t>(p)].mass > big.nodes[i].mass);
            // The dominant link is the strongest towards a heavier pôle.
            for (std::size_t j = 0; j < big.nodes.size(); ++j)
                if (big.nodes[j].mass > big.nodes[i].mass) {
                    const double dj =
                        std::max(1.0, planarDistanceKm(big.nodes[i].position, big.nodes[j].position));
                    const double dp =
                        std::max(1.0, planarDistanceKm(big.nodes[i].position,
                                                       big.nodes[static_cast<std::size_t>(p)].position));
                    QVERIFY(big.nodes[j].mass / (dj * dj) <=
                            big.nodes[static_cast<std::size_t>(p)].mass / (dp * dp) * (1 + 1e-12));
                }
            int steps = 0, k = static_cast<int>(i);
            while (k != -1 && steps <= 60) {
                k = big.parent[static_cast<std::size_t>(k)];
                ++steps;
            }
            QCOMPARE(k, -1);
        }
        // No duplicate undirected link.
        std::set<std::pair<int, int>> seen;
        for (const Link& l : big.links)
            QVERIFY(seen.insert({std::min(l.from, l.to), std::max(l.from, l.to)}).second);
    }

    void poleIsIsolatedOnlyBeyondTheIsolationDistance() {
        // Two type-3 pôles 29.9 km apart, two more 30.1 km apart (and far from the first pair).
        const auto ds = datasetOf(
            {{"01001", at(0, 0)}, {"01002", at(29.9, 0)}, {"01003", at(0, 300)}, {"01004", at(30.1, 300)}});
        const std::vector<PoleClassification> poles{
            pole("01001", PoleType::Intermediaire, 2500), pole("01002", PoleType::Intermediaire, 2400),
            pole("01003", PoleType::Intermediaire, 2300), pole("01004", PoleType::Intermediaire, 2200)};
        auto params = noFilter();
        params.isolationDistanceKm = 30;
        const auto r = computeMaillage(ds, poles, params);
        QVERIFY(!r.isolated[static_cast<std::size_t>(nodeOf(r, "01001"))]);
        QVERIFY(!r.isolated[static_cast<std::size_t>(nodeOf(r, "01002"))]);
        QVERIFY(r.isolated[static_cast<std::size_t>(nodeOf(r, "01003"))]);
        QVERIFY(r.isolated[static_cast<std::size_t>(nodeOf(r, "01004"))]);
        QVERIFY(near(r.nearestPeerDistance[static_cast<std::size_t>(nodeOf(r, "01002"))], 29.9));
        QVERIFY(near(r.nearestPeerDistance[static_cast<std::size_t>(nodeOf(r, "01004"))], 30.1));
    }

    void onlyPolesOfEqualOrHigherRankBreakIsolation() {
        // A grand pôle 10 km from a pôle secondaire: the grand pôle is isolated, the secondary one is not.
        const auto ds = datasetOf({{"02001", at(0, 0)}, {"02002", at(10, 0)}});
        const std::vector<PoleClassification> poles{pole("02001", PoleType::GrandPole, 4000),
                                                    pole("02002", PoleType::Secondaire, 1100)};
        const auto r = computeMaillage(ds, poles, noFilter());
        QVERIFY(r.isolated[0]);
        QVERIFY(std::isinf(r.nearestPeerDistance[0]));
        QVERIFY(!r.isolated[1]);
        QVERIFY(near(r.nearestPeerDistance[1], 10.0));
    }

    void remoteNonPoleBassinsAndTheirPopulationAreReported() {
        auto ds = datasetOf({{"03001", at(0, 0), 50000},
                             {"03002", at(20, 0), 3000},
                             {"03003", at(60, 0), 4000},
                             {"03004", at(0, -45), 1500}});
        const std::vector<PoleClassification> poles{
            pole("03001", PoleType::GrandPole, 4000), pole("03002", PoleType::HorsPole, 300),
            pole("03003", PoleType::HorsPole, 200), pole("03004", PoleType::HorsPole, 100)};
        auto params = noFilter();
        params.isolationDistanceKm = 30;
        for (auto mode : {model::DistanceMode::Planar, model::DistanceMode::Geodesic}) {
            params.distance = mode;
            const auto r = computeMaillage(ds, poles, params);
            QCOMPARE(r.remoteBassins, (std::vector<std::string>{"03003", "03004"}));
            QCOMPARE(r.remotePopulation, 5500.0);
        }
    }

    void remoteBassinsNearTheIsolationDistanceAreDecidedOnTheEllipsoid() {
        // Lambert-93 shrinks lengths between its standard parallels (scale about 0.999 at 46.5°N): a BV
        // 29.98 km away on the map lies more than 30 km away on the ground. Within 3 % of the isolation
        // distance, geodesic mode computes the geodesic distance; farther, the planar one decides.
        auto ds = datasetOf({{"05001", at(0, 0), 10000},
                             {"05002", at(29.98, 0), 1000}, // within the margin: geodesic > 30 km
                             {"05003", at(0, -30.5), 2000}, // within the margin: remote both ways
                             {"05004", at(-29.5, 0), 4000}, // within the margin: near both ways
                             {"05005", at(0, 25), 8000}});  // clearly near: planar decides
        const double onTheGround = geodesicDistanceKm(at(0, 0), at(29.98, 0));
        QVERIFY2(onTheGround > 30 && onTheGround < 30.1, qPrintable(QString::number(onTheGround, 'f', 4)));
        QVERIFY(geodesicDistanceKm(at(0, 0), at(0, -30.5)) > 30);
        QVERIFY(geodesicDistanceKm(at(0, 0), at(-29.5, 0)) < 30);
        const std::vector<PoleClassification> poles{
            pole("05001", PoleType::GrandPole, 4000), pole("05002", PoleType::HorsPole, 10),
            pole("05003", PoleType::HorsPole, 10), pole("05004", PoleType::HorsPole, 10),
            pole("05005", PoleType::HorsPole, 10)};
        auto params = noFilter();
        params.isolationDistanceKm = 30;
        params.distance = model::DistanceMode::Planar;
        const auto planar = computeMaillage(ds, poles, params);
        QCOMPARE(planar.remoteBassins, (std::vector<std::string>{"05003"}));
        QCOMPARE(planar.remotePopulation, 2000.0);
        params.distance = model::DistanceMode::Geodesic;
        const auto geodesic = computeMaillage(ds, poles, params);
        QCOMPARE(geodesic.remoteBassins, (std::vector<std::string>{"05002", "05003"}));
        QCOMPARE(geodesic.remotePopulation, 3000.0);
    }

    void geodesicAndPlanarDistancesAgreeOverFrance() {
        const model::Point paris{652000, 6862000}, lille{704000, 7059000};
        const double planar = planarDistanceKm(paris, lille);
        const double geodesic = geodesicDistanceKm(paris, lille);
        QVERIFY(near(planar, std::hypot(52.0, 197.0)));
        QVERIFY2(geodesic > 200 && geodesic < 208, qPrintable(QString::number(geodesic)));
        QVERIFY(std::fabs(geodesic - planar) / planar < 0.005);
        QVERIFY(geodesic != planar); // really computed on the ellipsoid
        QCOMPARE(geodesicDistanceKm(paris, paris), 0.0);

        // Same figure through computeMaillage in geodesic mode.
        const auto ds = datasetOf({{"75056", paris}, {"59350", lille}});
        const std::vector<PoleClassification> poles{pole("75056", PoleType::GrandeMetropole, 60000),
                                                    pole("59350", PoleType::GrandeMetropole, 25000)};
        auto params = noFilter();
        params.distance = model::DistanceMode::Geodesic;
        const auto r = computeMaillage(ds, poles, params);
        QVERIFY(near(r.links[0].distance, geodesic, 1e-9));
        QVERIFY(near(r.links[0].intensity, 60000.0 * 25000.0 / (geodesic * geodesic), 1e-9));
        QVERIFY(r.isolated[0] && r.isolated[1]);
    }

    void travelTimeModeUsesMinutesAndWarnsAboutMissingPairs() {
        // A, B, C pôles; X a non-pôle BV. C's code is not a commune: its main commune is the one
        // of its communes nearest its anchor.
        auto ds = datasetOf({{"38001", at(0, 0)}, {"38002", at(20, 0)}, {"38004", at(0, 80), 700}});
        model::Commune c1, c2;
        c1.code = "38031";
        c1.name = "Far";
        c1.bv = "38030";
        c1.anchor = at(50, 50);
        c2 = c1;
        c2.code = "38032";
        c2.name = "Near";
        c2.anchor = at(41, 1);
        ds.communes.push_back(c1);
        ds.communes.push_back(c2);
        model::Bassin bc;
        bc.code = "38030";
        bc.communes = {"38031", "38032"};
        bc.anchor = at(40, 0);
        ds.bassins.push_back(bc);
        ds.reindex();
        QCOMPARE(mainCommuneIndex(ds, ds.bassins[3]), ds.communeIndex("38032"));
        QCOMPARE(mainCommuneIndex(ds, ds.bassins[0]), ds.communeIndex("38001"));

        ds.travelTimes = {{"38001", "38002", 20},
                          {"38002", "38001", 24},  // A-B: both ways, mean 22
                          {"38001", "38032", 15},  // A-C: one way
                          {"38001", "38032", 99},  // a duplicate: the shortest counts
                          {"38004", "38001", 25}}; // X -> A
        const std::vector<PoleClassification> poles{
            pole("38001", PoleType::GrandPole, 5000), pole("38002", PoleType::Intermediaire, 2000),
            pole("38004", PoleType::HorsPole, 10), pole("38030", PoleType::Intermediaire, 1800)};
        auto params = noFilter();
        params.distance = model::DistanceMode::TravelTime;
        params.isolationMinutes = 18;
        params.fallbackSpeedKmh = 60; // 1 km of straight line = 1 minute, for readable figures below
        const auto r = computeMaillage(ds, poles, params);
        QCOMPARE(r.distanceUnit, std::string("min"));
        QVERIFY(near(linkBetween(r, "38001", "38002")->distance, 22.0));
        QVERIFY(near(linkBetween(r, "38001", "38030")->distance, 15.0));
        // B-C: no time either way -> straight line between the BV anchors, 20 km.
        QVERIFY(near(linkBetween(r, "38002", "38030")->distance, 20.0));
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(r.warnings[0].message).contains(QStringLiteral("1 of 3 pairs")),
                 r.warnings[0].message.c_str());
        // Isolation in minutes: C is 15 min from A (higher rank) -> not isolated; B's nearest peer of
        // equal or higher rank is A at 22 min (C, same rank, 20 by the fallback) -> isolated at 18 min.
        QVERIFY(!r.isolated[static_cast<std::size_t>(nodeOf(r, "38030"))]);
        QVERIFY(r.isolated[static_cast<std::size_t>(nodeOf(r, "38002"))]);
        QVERIFY(near(r.nearestPeerDistance[static_cast<std::size_t>(nodeOf(r, "38002"))], 20.0));
        // X is 25 min from A, and 80+ km from the others: remote at 18 minutes.
        QCOMPARE(r.remoteBassins, std::vector<std::string>{"38004"});
        QCOMPARE(r.remotePopulation, 700.0);
        QVERIFY(r.warnings[0].message.find("at 60 km/h") != std::string::npos);

        // The fallback speed is a parameter: at 30 km/h, B-C's 20 km take 40 minutes.
        params.fallbackSpeedKmh = 30;
        const auto slow = computeMaillage(ds, poles, params);
        QVERIFY(near(linkBetween(slow, "38002", "38030")->distance, 40.0));
    }

    void travelTimesOnRealIsereCommunes() {
        MAILLAGE_REQUIRE_SHARED("travel_times/osrm_isere38_duree_long.csv");
        MAILLAGE_REQUIRE_SHARED("travel_times/communes_cog2018_centroides.csv");
        // Grenoble, Voiron, Vienne, Bourgoin-Jallieu.
        const std::set<std::string> wanted{"38185", "38563", "38544", "38053"};
        std::vector<Place> places;
        {
            QFile f(maillage::testing::sharedPath("travel_times/communes_cog2018_centroides.csv"));
            QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
            QTextStream in(&f);
            const QStringList header = in.readLine().split(QLatin1Char(','));
            const int ix = static_cast<int>(header.indexOf(QStringLiteral("centroid_x_l93")));
            const int iy = static_cast<int>(header.indexOf(QStringLiteral("centroid_y_l93")));
            QVERIFY(ix > 0 && iy > 0);
            while (!in.atEnd()) {
                const QStringList cells = in.readLine().split(QLatin1Char(','));
                if (cells.size() > iy && wanted.count(cells[0].toStdString()))
                    places.push_back({cells[0].toStdString(), {cells[ix].toDouble(), cells[iy].toDouble()}});
            }
        }
        QCOMPARE(places.size(), wanted.size());
        auto ds = datasetOf(places);
        {
            QFile f(maillage::testing::sharedPath("travel_times/osrm_isere38_duree_long.csv"));
            QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
            QTextStream in(&f);
            in.readLine();
            while (!in.atEnd()) {
                const QStringList cells = in.readLine().split(QLatin1Char(','));
                if (cells.size() == 4 && wanted.count(cells[0].toStdString()) &&
                    wanted.count(cells[1].toStdString()))
                    ds.travelTimes.push_back(
                        {cells[0].toStdString(), cells[1].toStdString(), cells[3].toDouble()});
            }
        }
        QCOMPARE(ds.travelTimes.size(), std::size_t(16));
        const std::vector<PoleClassification> poles{
            pole("38185", PoleType::GrandPole, 8000), pole("38563", PoleType::Secondaire, 1200),
            pole("38544", PoleType::Intermediaire, 1800), pole("38053", PoleType::Intermediaire, 1700)};
        auto params = noFilter();
        params.distance = model::DistanceMode::TravelTime;
        const auto r = computeMaillage(ds, poles, params);
        QVERIFY(r.warnings.empty()); // the matrix is complete
        const Link* grenobleVoiron = linkBetween(r, "38185", "38563");
        QVERIFY(grenobleVoiron);
        // About 25 km as the crow flies, about half an hour by road.
        const double km = planarDistanceKm(r.nodes[static_cast<std::size_t>(nodeOf(r, "38185"))].position,
                                           r.nodes[static_cast<std::size_t>(nodeOf(r, "38563"))].position);
        QVERIFY2(grenobleVoiron->distance > 15 && grenobleVoiron->distance < 45,
                 qPrintable(QString::number(grenobleVoiron->distance)));
        QVERIFY(km > 15 && km < 35);
        // Voiron's dominant link goes to Grenoble, the heaviest.
        QCOMPARE(r.parent[static_cast<std::size_t>(nodeOf(r, "38563"))], nodeOf(r, "38185"));
    }

    void observedFlowsAreAggregatedToBassins() {
        // BV 59001 holds communes 59001 and 59011; BV 59002 holds 59002; BV 59003 holds 59003.
        auto ds = datasetOf({{"59001", at(0, 0)}, {"59002", at(10, 0)}, {"59003", at(20, 0)}});
        model::Commune extra = ds.communes[0];
        extra.code = "59011";
        ds.communes.push_back(extra);
        ds.bassins[0].communes.push_back("59011");
        ds.reindex();
        ds.flows = {{"59011", "59002", 10},    // commune -> commune
                    {"59001", "59002", 5},     // same BV pair: summed (15)
                    {"59002", "59001", 7},     // the other direction stays apart
                    {"59011", "59001", 100},   // internal to BV 59001: dropped
                    {"59003", "59002", 40},    // BV codes
                    {"59999", "59002", 3},     // unknown
                    {"59003", "2A004", 2},     // unknown
                    {" 59003", "59001.0", 1}}; // repaired codes
        Warnings warnings;
        const auto flows = aggregateFlows(ds, warnings);
        QCOMPARE(flows.size(), std::size_t(4));
        QCOMPARE(flows[0].origin, std::string("59003"));
        QCOMPARE(flows[0].destination, std::string("59002"));
        QCOMPARE(flows[0].volume, 40.0);
        QCOMPARE(flows[1].origin, std::string("59001"));
        QCOMPARE(flows[1].destination, std::string("59002"));
        QCOMPARE(flows[1].volume, 15.0);
        QCOMPARE(flows[2].volume, 7.0);
        QCOMPARE(flows[3].volume, 1.0);
        for (const BassinFlow& f : flows)
            QVERIFY(f.origin != f.destination);
        QCOMPARE(warnings.size(), std::size_t(1));
        QCOMPARE(warnings[0].details, (std::vector<std::string>{"2A004", "59999"}));
        QVERIFY(QString::fromStdString(warnings[0].message).startsWith(QStringLiteral("2 flow(s)")));
    }

    void flowsOfInvalidVolumeAreLeftOutWithAWarning() {
        auto ds = datasetOf({{"59001", at(0, 0)}, {"59002", at(10, 0)}});
        ds.flows = {{"59001", "59002", 10},
                    {"59001", "59002", std::numeric_limits<double>::quiet_NaN()},
                    {"59002", "59001", -4},
                    {"59002", "59001", std::numeric_limits<double>::infinity()},
                    {"59999", "59001", std::numeric_limits<double>::quiet_NaN()}, // invalid before unknown
                    {"59998", "59001", 3}};
        Warnings warnings;
        const auto flows = aggregateFlows(ds, warnings);
        QCOMPARE(flows.size(), std::size_t(1));
        QCOMPARE(flows[0].volume, 10.0);
        QCOMPARE(warnings.size(), std::size_t(2));
        QCOMPARE(warnings[0].kind, ErrorKind::Value);
        QCOMPARE(QString::fromStdString(warnings[0].message),
                 QStringLiteral("4 flows have a negative or non-numeric volume and were left out. Expected a "
                                "volume of 0 or more."));
        QCOMPARE(warnings[0].details,
                 (std::vector<std::string>{"59001 -> 59002: nan", "59002 -> 59001: -4", "59002 -> 59001: inf",
                                           "59999 -> 59001: nan"}));
        QCOMPARE(warnings[1].kind, ErrorKind::Join);
        QCOMPARE(
            QString::fromStdString(warnings[1].message),
            QStringLiteral("1 flow(s) (volume 3) name codes that are neither communes nor bassins de vie "
                           "of the dataset and were left out"));
    }

    void travelTimesAndFlowsResolvePlacesAsCountsDo() {
        // Arrondissement codes and spreadsheet-damaged codes in a travel-time matrix reach their commune.
        auto ds = datasetOf({{"75056", at(0, 0)}, {"01001", at(40, 0)}});
        ds.travelTimes = {{"75101", "1001", 50}, {"01001.0", "75056", 52}};
        const std::vector<PoleClassification> poles{pole("75056", PoleType::GrandeMetropole, 20000),
                                                    pole("01001", PoleType::Secondaire, 1100)};
        auto params = noFilter();
        params.distance = model::DistanceMode::TravelTime;
        const auto r = computeMaillage(ds, poles, params);
        QVERIFY(r.warnings.empty());
        QCOMPARE(r.links.size(), std::size_t(1));
        QCOMPARE(r.links[0].distance, 51.0);
        ds.flows = {{"75102", "1001", 3}};
        Warnings warnings;
        const auto flows = aggregateFlows(ds, warnings);
        QVERIFY(warnings.empty());
        QCOMPARE(flows.size(), std::size_t(1));
        QCOMPARE(flows[0].origin, std::string("75056"));
    }

    void declaredCooperationsLinkEachMemberToTheHeaviest() {
        auto ds =
            datasetOf({{"59172", at(0, 0)}, {"59481", at(10, 0)}, {"59526", at(20, 0)}, {"59606", at(5, 5)}});
        ds.cooperations.push_back(
            {"CHT du Valenciennois", "CHT", {"59172", "59481", "59526", "59606", "59999"}});
        ds.cooperations.push_back({"Seul", "CPTS", {"59172"}});
        const std::vector<PoleClassification> poles{
            pole("59172", PoleType::HorsPole, 600), pole("59481", PoleType::HorsPole, 300),
            pole("59526", PoleType::Secondaire, 1100), pole("59606", PoleType::GrandPole, 3200)};
        const DeclaredLinks declared = declaredLinks(ds, poles);
        const std::vector<DeclaredLink>& links = declared.links;
        const Warnings& warnings = declared.warnings;
        QCOMPARE(links.size(), std::size_t(3));
        for (const DeclaredLink& l : links) {
            QCOMPARE(l.to, std::string("59606")); // Valenciennes, the largest total
            QCOMPARE(l.cooperation, std::string("CHT du Valenciennois"));
            QCOMPARE(l.kind, std::string("CHT"));
            QVERIFY(l.from != l.to);
        }
        QCOMPARE(links[0].from, std::string("59172"));
        QCOMPARE(links[2].from, std::string("59526"));
        QCOMPARE(warnings.size(), std::size_t(1));
        QCOMPARE(warnings[0].details, std::vector<std::string>{"59999"});
        QCOMPARE(declaredLinks(ds, poles).links.size(), std::size_t(3));
    }

    void flowFiltersKeepWhatAHandCountKeeps() {
        // Four bassins on a line, 10 km apart; one without a position.
        auto ds = datasetOf({{"38001", at(0, 0)},
                             {"38002", at(10, 0)},
                             {"38003", at(20, 0)},
                             {"38004", at(30, 0)},
                             {"38005", model::Point{}}});
        const std::vector<BassinFlow> flows = {{"38001", "38002", 100},  // 10 km
                                               {"38001", "38003", 40},   // 20 km
                                               {"38004", "38001", 8},    // 30 km
                                               {"38002", "38004", 60},   // 20 km
                                               {"38005", "38001", 500}}; // no length
        QCOMPARE(filterFlows(ds, flows, {}).size(), flows.size());
        QCOMPARE(filterFlows(ds, flows, {50, 0, 0}).size(), std::size_t(3)); // 100, 60, 500
        QCOMPARE(filterFlows(ds, flows, {0, 0, 20}).size(), std::size_t(3)); // 10, 20, 20 km
        QCOMPARE(filterFlows(ds, flows, {0, 15, 0}).size(), std::size_t(3)); // 20, 30, 20 km
        const auto both = filterFlows(ds, flows, {50, 15, 25});
        QCOMPARE(both.size(), std::size_t(1));
        QCOMPARE(both[0].origin, std::string("38002"));
        QCOMPARE(both[0].destination, std::string("38004"));
    }

    void poleAttractionIsTheShareOfItsOriginsOutflowsItCaptures() {
        MaillageResult m;
        m.nodes.resize(2);
        m.nodes[0].bv = "A";
        m.nodes[1].bv = "B";
        const std::vector<BassinFlow> flows = {{"X", "A", 30}, {"X", "B", 70}, {"Y", "A", 10}, {"Y", "Z", 40},
                                               {"B", "A", 20}, {"B", "Z", 80}, {"A", "B", 5}};
        const auto a = poleAttraction(m, flows);
        QCOMPARE(a.size(), std::size_t(2));
        QCOMPARE(a[0].bv, std::string("A"));
        QCOMPARE(a[0].captured, 60.0);       // 30 + 10 + 20
        QCOMPARE(a[0].originOutflow, 250.0); // X 100, Y 50, B 100
        QCOMPARE(a[0].origins, 3);
        QCOMPARE(a[0].share(), 0.24);
        QCOMPARE(a[1].captured, 75.0);       // 70 + 5
        QCOMPARE(a[1].originOutflow, 105.0); // X 100, A 5
        QCOMPARE(poleAttraction(m, {})[0].share(), 0.0);
    }

    void canceledComputationThrows() {
        Feedback feedback;
        feedback.cancel();
        try {
            computeMaillage(fourPoles(), fourPoleTypes(), noFilter(), &feedback);
            QFAIL("no exception");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Canceled);
        }
        Feedback running;
        computeMaillage(fourPoles(), fourPoleTypes(), noFilter(), &running);
        QCOMPARE(running.progress(), 100.0);
    }

    void invalidParametersAreRejected() {
        auto params = noFilter();
        params.minDistanceKm = 0;
        QVERIFY_EXCEPTION_THROWN(computeMaillage(fourPoles(), fourPoleTypes(), params), Error);
        params = noFilter();
        params.beta = -1;
        QVERIFY_EXCEPTION_THROWN(computeMaillage(fourPoles(), fourPoleTypes(), params), Error);
        // Errors name the parameter by the key it is saved under.
        params = noFilter();
        params.isolationDistanceKm = -1;
        try {
            computeMaillage(fourPoles(), fourPoleTypes(), params);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(QString::fromStdString(e.where().key), QStringLiteral("maillage.isolation_km"));
            QVERIFY2(QString::fromStdString(e.what()).startsWith(
                         QStringLiteral("parameter 'maillage.isolation_km'")),
                     e.what());
        }
        params = noFilter();
        params.strongestPerPole = 100000;
        QVERIFY_EXCEPTION_THROWN(computeMaillage(fourPoles(), fourPoleTypes(), params), Error);
    }

    void noPoleGivesAnEmptyMaillageAndEveryBassinRemote() {
        const auto ds = datasetOf({{"04001", at(0, 0), 100}, {"04002", at(1, 0), 200}});
        const auto r =
            computeMaillage(ds, {pole("04001", PoleType::HorsPole, 5), pole("04002", PoleType::HorsPole, 5)},
                            model::MaillageParameters{});
        QVERIFY(r.nodes.empty());
        QVERIFY(r.links.empty());
        QCOMPARE(r.remoteBassins.size(), std::size_t(2));
        QCOMPARE(r.remotePopulation, 300.0);
    }
};

QTEST_APPLESS_MAIN(TestMaillage)
#include "test_maillage.moc"
