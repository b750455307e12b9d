// maillage scenario on the demo dataset: --define, --list, and a scenario applied with its tables and
// sentences, which must be the engine's.
#include "cli_testing.h"
#include "testing.h"

#include "core/analysis/poles.h"
#include "core/analysis/scenario.h"
#include "core/io/gpkg.h"
#include "core/io/gpkg_scenarios.h"

#include <QTemporaryDir>

#include <fstream>

using namespace maillage;
using namespace maillage::testing;

class TestCliScenario : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_demo;
    model::Dataset m_ds;
    std::string path(const char* name) const { return m_dir.filePath(name).toStdString(); }

    //! A hors-pôle BV's main commune gets a maison de santé of 12,000 GPs (a pôle de grande métropole), and
    //! a commune with GPs loses one.
    model::Scenario workshop() const {
        const analysis::Classification c = analysis::classifyDataset(m_ds, 0, m_ds.params.poles);
        std::string horsPole, withGps;
        for (const analysis::PoleClassification& p : c.poles)
            if (p.type == analysis::PoleType::HorsPole && horsPole.empty())
                horsPole = p.bv;
        for (const model::CountRecord& r : m_ds.counts)
            if (r.profession == "medecin_generaliste" && r.count >= 2 && withGps.empty())
                withGps = r.place;
        model::ScenarioChange open;
        open.kind = model::ScenarioChangeKind::Open;
        open.place = m_ds.bassin(horsPole)->communes.front();
        open.staff = {{"medecin_generaliste", 12000}};
        model::ScenarioChange remove;
        remove.kind = model::ScenarioChangeKind::Remove;
        remove.profession = "medecin_generaliste";
        remove.place = withGps;
        remove.count = 1;
        return {"Grande maison de santé", "atelier de test", {open, remove}};
    }

    std::string writeJson(const char* name, const model::Scenario& s) const {
        const std::string file = path(name);
        std::ofstream(file) << io::scenarioToJson(s);
        return file;
    }

private slots:
    void initTestCase() {
        m_demo = path("demo.gpkg");
        const std::string error = maillage::testing::writeDemo(m_demo, &m_ds);
        QVERIFY2(error.empty(), error.c_str());
    }

    void aScenarioDefinedFromJsonIsListedAndApplied() {
        const model::Scenario s = workshop();
        Run r = runCli({"scenario", "--dataset", m_demo, "--define", writeJson("s.json", s)});
        QVERIFY2(r.status == 0, r.err.c_str());
        r = runCli({"scenario", "--dataset", m_demo, "--list"});
        QVERIFY2(r.status == 0, r.err.c_str());
        QCOMPARE(r.out, std::string("Grande maison de santé (2 changes): atelier de test\n"));

        const std::string out = path("scen.csv");
        r = runCli({"scenario", "--dataset", m_demo, "--scenario", s.name, "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const model::Dataset ds = io::readDataset(m_demo);
        const auto comparison = analysis::compareScenario(ds, s, 0);
        QVERIFY(!comparison.typeChanges.empty());
        std::string expected;
        for (const std::string& line : analysis::describeComparison(
                 comparison, analysis::SecrecyRule::from(ds.params.density), Language::En))
            expected += line + "\n";
        QCOMPARE(r.out, expected);
        // The first table is the output itself.
        const QByteArray types = contentOf(q(path("scen.csv")));
        QCOMPARE(types.count('\n'), int(comparison.typeChanges.size()) + 1);
        QVERIFY(types.contains(QByteArray::fromStdString(comparison.typeChanges[0].bv)));
        QVERIFY(QFile::exists(q(path("scen_scenario_densities.csv"))));
    }

    void aScenarioThatCannotApplyIsNotSaved() {
        model::Scenario s = workshop();
        s.name = "Mauvais";
        s.changes[1].place = "99999";
        const Run r = runCli({"scenario", "--dataset", m_demo, "--define", writeJson("bad.json", s)});
        QCOMPARE(r.status, 1);
        QVERIFY2(
            r.err.find("scenario 'Mauvais', change 2 (remove 1 'medecin_generaliste' from '99999'): '99999' "
                       "is not a commune of the dataset") != std::string::npos,
            r.err.c_str());
        QVERIFY(!io::findScenario(io::readDataset(m_demo).scenarios, "Mauvais"));
    }

    void anUnknownScenarioListsTheKnownOnes() {
        const Run r =
            runCli({"scenario", "--dataset", m_demo, "--scenario", "Inconnu", "--output", path("x.csv")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.find("the dataset has no scenario named 'Inconnu' (scenarios:") != std::string::npos,
                 r.err.c_str());
    }

    void oneActionIsExpected() {
        const Run r = runCli({"scenario", "--dataset", m_demo});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.find("give one of --list, --define FILE.json or --scenario NAME") != std::string::npos,
                 r.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCliScenario)
#include "test_cli_scenario.moc"
