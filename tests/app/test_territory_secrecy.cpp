// Secrecy of a territory sheet's counts (core/analysis/secrecy.h, maskTerritoryCounts): a territory's
// figures must not give a secret count back by difference with its total, its parts or its references.
#include "core/analysis/secrecy.h"

#include <QTest>

using namespace maillage;
using analysis::maskTerritoryCounts;
using analysis::TerritoryCounts;

class TestTerritorySecrecy : public QObject {
    Q_OBJECT
    const analysis::SecrecyRule rule = analysis::SecrecyRule{};

private slots:
    void aSmallCountIsMasked() {
        TerritoryCounts c;
        c.parts = {120, 3, 40};
        c.total = 163;
        const auto m = maskTerritoryCounts(c, rule);
        QVERIFY(m.parts[1]);
        QVERIFY(!m.parts[0]);
    }

    void aSingleMaskedPartNextToItsTotalTakesASecondOne() {
        TerritoryCounts c;
        c.parts = {120, 3, 40};
        c.total = 163; // 163 − 120 − 40 = 3 without a second mask
        const auto m = maskTerritoryCounts(c, rule);
        QCOMPARE(m.parts, (std::vector<bool>{false, true, true})); // the smallest other part
        QVERIFY(!m.total);
    }

    void aPublishedTotalIsNeverMaskedHereSoAPartIs() {
        TerritoryCounts c;
        c.parts = {120, 3, 40};
        c.total = 163;
        c.totalPublished = true;
        const auto m = maskTerritoryCounts(c, rule);
        QVERIFY(!m.total);
        QCOMPARE(m.parts, (std::vector<bool>{false, true, true})); // the smallest other part
    }

    void aReferenceMinusTheTerritoryGivingASmallCountMasksTheTerritory() {
        // A selection of all the BV's communes but one with 2 GPs: BV (published) − selection = 2.
        TerritoryCounts c;
        c.parts = {30, 50};
        c.total = 80;
        c.referenceParts = {{32, 50}};
        c.referenceTotals = {82};
        const auto m = maskTerritoryCounts(c, rule);
        QVERIFY(m.parts[0]);
        QVERIFY(m.total); // 82 − 80 = 2 as well
    }

    void aLargeRestLeavesTheTerritoryShown() {
        TerritoryCounts c;
        c.parts = {30, 50};
        c.total = 80;
        c.referenceParts = {{300, 500}};
        c.referenceTotals = {800};
        const auto m = maskTerritoryCounts(c, rule);
        QCOMPARE(m.parts, (std::vector<bool>{false, false}));
        QVERIFY(!m.total);
    }

    void membersPublishedElsewhereTieTheTotal() {
        // A département of two BVs whose totals are published, one of them secret: the département's
        // total would give it back.
        TerritoryCounts c;
        c.parts = {60, 43};
        c.total = 103;
        c.memberTotals = {100, 3};
        const auto m = maskTerritoryCounts(c, rule);
        QVERIFY(m.total);
    }

    void nothingIsMaskedWithoutSecrecy() {
        TerritoryCounts c;
        c.parts = {1, 2};
        c.total = 3;
        const auto m = maskTerritoryCounts(c, analysis::SecrecyRule::off());
        QCOMPARE(m.parts, (std::vector<bool>{false, false}));
        QVERIFY(!m.total);
    }
};

QTEST_GUILESS_MAIN(TestTerritorySecrecy)
#include "test_territory_secrecy.moc"
