#include "core/analysis/link_crossing.h"
#include "core/model/error.h"

#include "testing.h"

#include <algorithm>

using namespace maillage;
using namespace maillage::analysis;

namespace {

PoleNode node(const std::string& bv, double mass) {
    PoleNode n;
    n.bv = bv;
    n.type = PoleType::Secondaire;
    n.mass = mass;
    n.position = {700000 + mass, 6600000};
    return n;
}

Link link(int from, int to, double intensity, bool dominant) {
    Link l;
    l.from = from;
    l.to = to;
    l.intensity = intensity;
    l.dominant = dominant;
    return l;
}

// Four pôles A > B > C > D: the hierarchy B->A, C->A, D->B, and a strong non-dominant link B-C.
MaillageResult fourPoles() {
    MaillageResult m;
    m.nodes = {node("A", 3000), node("B", 1500), node("C", 1200), node("D", 1100)};
    m.links = {link(1, 0, 100, true), link(1, 2, 80, false), link(2, 0, 50, true), link(3, 1, 20, true),
               link(2, 3, 5, false)};
    m.distanceUnit = "km";
    return m;
}

// D sends 300 of its 1000 outgoing commuters to C; A sends B only 50; E (no pôle) sends A 500.
std::vector<BassinFlow> flows() {
    return {{"D", "C", 300}, {"D", "X", 700}, {"A", "B", 50}, {"A", "Y", 950}, {"E", "A", 500}};
}

// CHT 1: B with A; CPTS: C with D; GHT: E (no pôle) with A.
DeclaredLinks declared() {
    DeclaredLinks d;
    d.links = {{"CHT 1", "CHT", "B", "A"}, {"CPTS 2", "CPTS", "C", "D"}, {"GHT 3", "GHT", "E", "A"}};
    return d;
}

const CrossedLink* find(const LinkCrossing& c, CrossingFinding finding, const std::string& a,
                        const std::string& b) {
    for (const CrossedLink& l : c.links)
        if (l.finding == finding && ((l.a == a && l.b == b) || (l.a == b && l.b == a)))
            return &l;
    return nullptr;
}

} // namespace

class TestLinkCrossing : public QObject {
    Q_OBJECT
private slots:
    void dominantAndStrongObservedLinksWithoutCooperationAreUndeclared() {
        const LinkCrossing c = crossLinks(fourPoles(), flows(), declared());
        QCOMPARE(c.strongModelled, std::size_t(3)); // the three dominant links
        QCOMPARE(c.strongObserved, std::size_t(1)); // D -> C: 300, 30 % of D's outgoing flows
        QCOMPARE(c.declaredPairs, std::size_t(3));
        QCOMPARE(c.undeclared, std::size_t(2));
        const CrossedLink* ac = find(c, CrossingFinding::Undeclared, "A", "C");
        QVERIFY(ac);
        QVERIFY(ac->modelled && ac->dominant && !ac->observed);
        QCOMPARE(ac->intensity, 50.0);
        const CrossedLink* bd = find(c, CrossingFinding::Undeclared, "B", "D");
        QVERIFY(bd);
        QCOMPARE(bd->intensity, 20.0);
        // Declared together: A-B (CHT 1) and C-D (CPTS 2), however strong.
        QVERIFY(!find(c, CrossingFinding::Undeclared, "A", "B"));
        QVERIFY(!find(c, CrossingFinding::Undeclared, "C", "D"));
        // Strongest first.
        QCOMPARE(c.links[0].a, std::string("A"));
        QCOMPARE(c.links[0].b, std::string("C"));
    }

    void cooperationWithoutStrongLinkIsUnsupported() {
        const LinkCrossing c = crossLinks(fourPoles(), flows(), declared());
        QCOMPARE(c.unsupported, std::size_t(1));
        const CrossedLink* ea = find(c, CrossingFinding::Unsupported, "E", "A");
        QVERIFY(ea);
        QCOMPARE(ea->cooperation, std::string("GHT 3"));
        QCOMPARE(ea->kind, std::string("GHT"));
        // E -> A is a large flow, but E is no pôle: the crossing is between pôles.
        QVERIFY(!ea->observed);
        QCOMPARE(c.links.back().finding, CrossingFinding::Unsupported);
    }

    void cooperationSupportedByAnObservedLinkOnlyIsNotReported() {
        // C-D is declared; its modelled link (5) is weak, the observed one strong.
        const LinkCrossing c = crossLinks(fourPoles(), flows(), declared());
        QVERIFY(!find(c, CrossingFinding::Unsupported, "C", "D"));
        // Without the flows, it is unsupported.
        const LinkCrossing noFlows = crossLinks(fourPoles(), {}, declared());
        QVERIFY(find(noFlows, CrossingFinding::Unsupported, "C", "D"));
    }

    void intensityThresholdMakesNonDominantLinksStrong_data() {
        QTest::addColumn<double>("minIntensity");
        QTest::addColumn<bool>("bcUndeclared");
        QTest::newRow("dominant only") << 0.0 << false;
        QTest::newRow("just above") << 80.5 << false;
        QTest::newRow("at the intensity") << 80.0 << true;
        QTest::newRow("below") << 10.0 << true;
    }
    void intensityThresholdMakesNonDominantLinksStrong() {
        QFETCH(double, minIntensity);
        QFETCH(bool, bcUndeclared);
        CrossingParameters p;
        p.minIntensity = minIntensity;
        const LinkCrossing c = crossLinks(fourPoles(), flows(), declared(), p);
        QCOMPARE(find(c, CrossingFinding::Undeclared, "B", "C") != nullptr, bcUndeclared);
    }

    void observedLinkNeedsBothVolumeAndShare_data() {
        QTest::addColumn<double>("minVolume");
        QTest::addColumn<double>("minShare");
        QTest::addColumn<bool>("strong");
        QTest::newRow("defaults") << 100.0 << 0.05 << true;
        QTest::newRow("volume at the flow") << 300.0 << 0.05 << true;
        QTest::newRow("volume above") << 301.0 << 0.05 << false;
        QTest::newRow("share at the flow") << 100.0 << 0.3 << true;
        QTest::newRow("share above") << 100.0 << 0.31 << false;
    }
    void observedLinkNeedsBothVolumeAndShare() {
        QFETCH(double, minVolume);
        QFETCH(double, minShare);
        QFETCH(bool, strong);
        CrossingParameters p;
        p.minVolume = minVolume;
        p.minShare = minShare;
        const LinkCrossing c = crossLinks(fourPoles(), flows(), {}, p);
        const CrossedLink* cd = find(c, CrossingFinding::Undeclared, "C", "D");
        QCOMPARE(cd != nullptr, strong);
        if (cd) {
            QCOMPARE(cd->volume, 300.0);
            QCOMPARE(cd->share, 0.3);
        }
    }

    void invalidThresholdsAreRejected() {
        CrossingParameters p;
        p.minShare = 1.5;
        QVERIFY_EXCEPTION_THROWN(crossLinks(fourPoles(), flows(), declared(), p), Error);
        p = {};
        p.minVolume = -1;
        try {
            crossLinks(fourPoles(), flows(), declared(), p);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Parameter);
            QCOMPARE(QString::fromStdString(e.where().key), QStringLiteral("compare.min_volume"));
        }
    }

    void tableMasksSmallVolumesAndNamesTheBassins() {
        model::Dataset ds;
        for (const char* code : {"A", "B", "C", "D", "E"}) {
            model::Bassin b;
            b.code = code;
            b.name = std::string("Bassin ") + code;
            ds.bassins.push_back(b);
        }
        ds.reindex();
        std::vector<BassinFlow> small = flows();
        small[0].volume = 3; // D -> C, secret below 5
        CrossingParameters p;
        p.minVolume = 1;
        p.minShare = 0;
        const LinkCrossing c = crossLinks(fourPoles(), small, {}, p);
        const io::ResultTable t = crossingTable(ds, c, SecrecyRule{});
        QCOMPARE(t.name, std::string("links_compare"));
        QCOMPARE(t.rows.size(), c.links.size());
        const int volume = t.column("volume"), share = t.column("share"), from = t.column("from_name");
        bool seen = false;
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            if (c.links[r].a == "C" && c.links[r].b == "D") {
                seen = true;
                QVERIFY(t.rows[r].cells[static_cast<std::size_t>(volume)].masked);
                QVERIFY(t.rows[r].cells[static_cast<std::size_t>(share)].masked);
                QCOMPARE(t.rows[r].cells[static_cast<std::size_t>(from)].text, std::string("Bassin C"));
            }
        }
        QVERIFY(seen);
        QCOMPARE(QString::fromStdString(word(t.notes.at(0), Language::En)),
                 QStringLiteral("4 strong links with no declared cooperation; 0 declared links with no "
                                "strong modelled or observed link"));
    }
};

QTEST_APPLESS_MAIN(TestLinkCrossing)
#include "test_link_crossing.moc"
