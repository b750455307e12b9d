// The command line of issue 8's inputs: density of zones and quartiers compared with their commune, the
// summary by old régions, the facilities summary.
#include "cli_testing.h"
#include "testing.h"

#include "core/io/gpkg.h"
#include "core/io/territory_names.h"
#include "core/model/catalogue.h"

#include <QObject>
#include <QTemporaryDir>

using namespace maillage;
using maillage::testing::Run;
using maillage::testing::runCli;

namespace {

bool contains(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

//! One BV per commune: Lille (59, old région 31), Arras (62, 31) and Saint-Quentin (02, old région 22);
//! 1,200 GPs each (type 4 with the BPE-free thresholds); Lille has two IRIS in one quartier.
model::Dataset territory() {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.meta.title = "Test";
    for (const auto& [code, name, dep] :
         {std::tuple<const char*, const char*, const char*>{"59350", "Lille", "59"},
          {"62041", "Arras", "62"},
          {"02691", "Saint-Quentin", "02"}}) {
        model::Commune c;
        c.code = code;
        c.name = name;
        c.bv = code;
        c.dep = dep;
        c.reg = "32";
        c.population = 100000;
        ds.communes.push_back(c);
        ds.counts.push_back({code, "medecin_generaliste", 2018, 1200});
    }
    ds.rebuildBassins();
    io::nameTerritories(ds, io::standardTerritoryNames());
    ds.zones = {{"593500101", "Vieux-Lille Nord", "59350", 2000, {}, "VL", "Vieux-Lille"},
                {"593500102", "Vieux-Lille Sud", "59350", 3000, {}, "VL", "Vieux-Lille"}};
    ds.zoneCounts = {{"593500101", "medecin_generaliste", 2018, 10},
                     {"593500102", "medecin_generaliste", 2018, 10}};
    ds.facilities = {{"59350", "D107", 2018, 3}, {"02691", "D107", 2018, 1}};
    ds.reindex();
    return ds;
}

} // namespace

class TestCliInputs8 : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_path;

private slots:
    void initTestCase() {
        qputenv("LC_ALL", "en_US.UTF-8");
        m_path = m_dir.filePath("t.gpkg").toStdString();
        io::writeDataset(territory(), m_path);
    }

    void densityOfQuartiersIsComparedWithTheirCommune() {
        const Run r = runCli({"density", "--dataset", m_path, "--profession", "medecin_generaliste",
                              "--level", "quartier", "--commune", "59350", "--output", "-", "--quiet"});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY2(contains(r.out, "row,VL,Vieux-Lille,5000,20,40.0,250,0"), r.out.c_str());
        QVERIFY2(contains(r.out, "parent,59350,Lille,100000,1200"), r.out.c_str());
    }

    void theCommuneOptionNeedsAZoneLevel() {
        const Run r = runCli({"density", "--dataset", m_path, "--profession", "medecin_generaliste",
                              "--commune", "Lille", "--output", "-", "--lang", "en"});
        QVERIFY(r.status != 0);
        QVERIFY2(contains(r.err, "--commune goes with --level zone or --level quartier"), r.err.c_str());
    }

    void theSummaryCountsPolesPerOldRegion() {
        const Run r = runCli({"summary", "--dataset", m_path, "--regions", "old", "--quiet"});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY2(contains(r.out, "22,Picardie,0,0,0,1,1,0"), r.out.c_str());
        QVERIFY2(contains(r.out, "31,Nord-Pas-de-Calais,0,0,0,2,2,0"), r.out.c_str());
        const Run now = runCli({"summary", "--dataset", m_path, "--quiet"});
        QVERIFY2(contains(now.out, "32,Hauts-de-France,0,0,0,3,3,0"), now.out.c_str());
    }

    void theSummaryListsTheFacilities() {
        const Run r =
            runCli({"summary", "--dataset", m_path, "--facilities", "--by", "departement", "--quiet"});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY2(contains(r.out, "02,Aisne,D107,Maternité,Maternity unit,1"), r.out.c_str());
        QVERIFY2(contains(r.out, "all,Test,D107,Maternité,Maternity unit,4"), r.out.c_str());
    }
};

QTEST_APPLESS_MAIN(TestCliInputs8)
#include "test_cli_inputs8.moc"
