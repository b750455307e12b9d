// Calibration between counts derived from a register and BPE counts, on a constructed case whose types
// are computed by hand from the default thresholds (10,000 / 3,000 / 1,500 / 1,000, 20 %, 20 %).
#include "core/analysis/calibration.h"

#include "testing.h"

using namespace maillage;
using namespace maillage::analysis;
using maillage::testing::q;

namespace {

constexpr int kRegister = 2023, kBpe = 2013;

//! Five BVs of one commune each (code = BV code). By hand, register at scale 1 / BPE at scale 0.25:
//! A: 3,200 -> grand pôle / 800 -> grand pôle (equal);
//! B: 2,000 with 500 psychiatric nurses (25 %) -> pôle secondaire / 400, 25 % pôle -> pôle intermédiaire;
//! C: nobody -> hors pôle / hors pôle (equal);
//! D: 1,200 -> pôle secondaire / 200 sites -> hors pôle;
//! E: 1,000 -> pôle secondaire / 3 sites -> hors pôle (a count under the secrecy threshold).
model::Dataset constructed() {
    model::Dataset d;
    d.catalogue = model::ProfessionCatalogue::builtin();
    for (const char* code : {"59001", "59002", "59003", "59004", "59005"}) {
        model::Commune c;
        c.code = code;
        c.name = std::string("Commune ") + code;
        c.bv = code;
        c.population = 10000;
        d.communes.push_back(c);
    }
    auto add = [&](const char* place, const char* profession, int vintage, double n) {
        d.counts.push_back({place, profession, vintage, n});
    };
    add("59001", "infirmier", kRegister, 2400);
    add("59001", "medecin_specialiste", kRegister, 800);
    add("59001", "infirmier", kBpe, 600);
    add("59001", "medecin_specialiste", kBpe, 200);
    add("59002", "infirmier", kRegister, 1000);
    add("59002", "medecin_specialiste", kRegister, 500);
    add("59002", "infirmier_psychiatrique", kRegister, 500);
    add("59002", "infirmier", kBpe, 300);
    add("59002", "medecin_specialiste", kBpe, 100);
    add("59004", "infirmier", kRegister, 1100);
    add("59004", "medecin_specialiste", kRegister, 100);
    add("59004", "infirmier", kBpe, 200);
    add("59005", "infirmier", kRegister, 1000);
    add("59005", "infirmier", kBpe, 3);
    d.rebuildBassins();
    d.reindex();
    return d;
}

} // namespace

class TestCalibration : public QObject {
    Q_OBJECT
private slots:
    void bestScaleIsTheOneWithMostBassinsOfEqualType();
    void differingBassinsCarryTheirReason();
    void tiesGoToTheScaleClosestToTheRatioOfTotals();
    void reasonSentenceQuotesTheFigures();
    void tablesMaskSmallCountsAndTheReasonQuotingThem();
    void vintageWithoutCountsIsAnError();
};

void TestCalibration::bestScaleIsTheOneWithMostBassinsOfEqualType() {
    const model::Dataset d = constructed();
    const Calibration c = calibrate(d, kRegister, kBpe, d.params.poles, {0.25, 0.5, 1.0});
    QCOMPARE(c.grid.size(), std::size_t(3));
    QCOMPARE(c.grid[0].agreeing, 2); // A and C
    // 0.5: A 800 >= 750 and 25 % pôle -> intermédiaire; only C agrees. 1: only C.
    QCOMPARE(c.grid[1].agreeing, 1);
    QCOMPARE(c.grid[2].agreeing, 1);
    QCOMPARE(c.bestScale, 0.25);
    QCOMPARE(c.agreeing, 2);
    QCOMPARE(c.bassins, 5);
    QCOMPARE(c.onlyInRegister, (std::vector<std::string>{"infirmier_psychiatrique"}));
}

void TestCalibration::differingBassinsCarryTheirReason() {
    const model::Dataset d = constructed();
    const Calibration c = calibrate(d, kRegister, kBpe, d.params.poles, {0.25});
    QCOMPARE(c.differing.size(), std::size_t(3));
    QCOMPARE(c.differing[0].bv, std::string("59002"));
    QVERIFY(c.differing[0].byRegister.type == PoleType::Secondaire);
    QVERIFY(c.differing[0].byBpe.type == PoleType::Intermediaire);
    QVERIFY(c.differing[0].reason == CalibrationReason::PsychiatricNurses);
    QCOMPARE(c.differing[0].onlyInRegisterShare, 0.25);
    QCOMPARE(c.differing[1].bv, std::string("59004"));
    QVERIFY(c.differing[1].byBpe.type == PoleType::HorsPole);
    QVERIFY(c.differing[1].reason == CalibrationReason::SitesVersusPeople);
    QCOMPARE(c.differing[2].bv, std::string("59005"));
}

void TestCalibration::tiesGoToTheScaleClosestToTheRatioOfTotals() {
    // By hand: 0.1, 0.15 and 0.2 each give 3 BVs of equal type (A, C, D: 200 >= 1,000 x 0.2); the BPE
    // total is 1,403 / 7,400 = 0.19 of the register's: 0.2. At 0.05, A (800 >= 500) is a métropole.
    const model::Dataset d = constructed();
    const Calibration c = calibrate(d, kRegister, kBpe, d.params.poles, defaultCalibrationGrid());
    QCOMPARE(c.grid[0].agreeing, 1); // only C
    QCOMPARE(c.grid[1].agreeing, 3);
    QCOMPARE(c.grid[3].agreeing, 3);
    QCOMPARE(c.bestScale, 0.2);
    QCOMPARE(c.agreeing, 3);
    QCOMPARE(c.differing.size(), std::size_t(2));
    QCOMPARE(c.differing[1].bv, std::string("59005"));
}

void TestCalibration::reasonSentenceQuotesTheFigures() {
    const model::Dataset d = constructed();
    const Calibration c = calibrate(d, kRegister, kBpe, d.params.poles, {0.25});
    QCOMPARE(
        q(describeCalibration(c.differing[0], c.bestScale, Language::En)),
        QStringLiteral("Secondary pole by the register, Intermediate pole by BPE at scale 0.25: psychiatric "
                       "nurses are 25.0% of the register's 2,000 professionals, and BPE counts none"));
    QVERIFY(q(describeCalibration(c.differing[1], c.bestScale, Language::Fr))
                .contains(QStringLiteral("la BPE compte 200 lieux d'exercice libéraux face à 1\u00a0200 "
                                         "professionnels dans le registre (rapport 0,17)")));
}

void TestCalibration::tablesMaskSmallCountsAndTheReasonQuotingThem() {
    const model::Dataset d = constructed();
    const Calibration c = calibrate(d, kRegister, kBpe, d.params.poles, {0.25, 0.5, 1.0});
    const auto tables = calibrationTables(d, c, SecrecyRule{}, Language::En);
    QCOMPARE(tables.size(), std::size_t(2));
    const io::ResultTable& t = tables[0];
    QCOMPARE(t.name, std::string("calibration"));
    QCOMPARE(t.rows.size(), std::size_t(3));
    const auto& e = t.rows[2].cells;
    QCOMPARE(e[0].text, std::string("59005"));
    QVERIFY(e[5].masked); // 3 practice sites
    QCOMPARE(e[4].number, 1000.0);
    QCOMPARE(q(e[9].text), QStringLiteral("figures masked (statistical secrecy, counts below 5)"));
    QCOMPARE(t.rows[0].cells[8].text, std::string("psychiatric_nurses"));
    QVERIFY(!t.rows[0].cells[5].masked);
    const io::ResultTable& g = tables[1];
    QCOMPARE(g.rows.size(), std::size_t(3));
    QCOMPARE(g.rows[0].cells[1].number, 2.0);
    QCOMPARE(g.rows[0].cells[2].number, 0.4);
}

void TestCalibration::vintageWithoutCountsIsAnError() {
    const model::Dataset d = constructed();
    const auto e =
        testing::thrown<Error>([&] { calibrate(d, 2030, kBpe, d.params.poles, defaultCalibrationGrid()); });
    QVERIFY(e);
    QVERIFY(e->kind() == ErrorKind::Parameter);
    QVERIFY2(QString::fromUtf8(e->what()).contains(QStringLiteral("no counts of 2030")), e->what());
}

QTEST_GUILESS_MAIN(TestCalibration)
#include "test_calibration.moc"
