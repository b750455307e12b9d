// Health facilities per commune (issue 8): BPE establishment codes D1xx read from long and wide tables,
// named from the shipped table, kept in the dataset's `equipements` layer, summed by the summary.
#include "testing.h"

#include "core/io/facilities.h"
#include "core/io/gpkg.h"

#include <QObject>
#include <QTemporaryDir>

using namespace maillage;

namespace {

model::Dataset twoCommunes() {
    model::Dataset ds;
    for (const auto& [code, name, dep] :
         {std::tuple<const char*, const char*, const char*>{"59350", "Lille", "59"},
          {"75056", "Paris", "75"}}) {
        model::Commune c;
        c.code = code;
        c.name = name;
        c.dep = dep;
        c.reg = std::string(dep) == "59" ? "32" : "11";
        c.anchor = {700000, 7000000};
        ds.communes.push_back(c);
    }
    ds.regionNames = {{"32", "Hauts-de-France"}, {"11", "Île-de-France"}};
    ds.meta.title = "Test";
    ds.reindex();
    return ds;
}

double countOf(const std::vector<model::FacilityCount>& f, const std::string& commune,
               const std::string& kind) {
    for (const auto& x : f)
        if (x.commune == commune && x.kind == kind)
            return x.count;
    return 0;
}

} // namespace

class TestFacilities : public QObject {
    Q_OBJECT

private slots:
    void theShippedTableNamesEveryEstablishmentCode() {
        QCOMPARE(io::facilityKinds().size(), std::size_t(13));
        const io::FacilityKind* urgences = io::findFacilityKind("D106_urgences");
        QVERIFY(urgences);
        QCOMPARE(urgences->labelFr, std::string("Urgences"));
        QCOMPARE(urgences->labelEn, std::string("Emergency department"));
        QCOMPARE(io::findFacilityKind("D113")->labelFr, std::string("Maison de santé pluridisciplinaire"));
        QVERIFY(!io::findFacilityKind("D201")); // a profession
        QVERIFY(!io::findFacilityKind("D1060"));
        QVERIFY(!io::findFacilityKind("D301"));
    }

    void aLongBpeTableGivesFacilitiesPerCommune() {
        const io::Table t = io::parseCsvText("DEPCOM,TYPEQU,NB_EQUIP\n59350,D106,2\n59350,D201,300\n"
                                             "75101,D107,1\n75102,D107,2\n59350,D106,1\n",
                                             "bpe.csv");
        const auto f = io::readFacilities(t, 2018);
        QCOMPARE(f.size(), std::size_t(2)); // GPs are no facility
        QCOMPARE(countOf(f, "59350", "D106"), 3.0);
        QCOMPARE(countOf(f, "75056", "D107"), 3.0); // arrondissements folded into Paris
        QCOMPARE(f.front().vintage, 2018);
    }

    void aWideBpeTableGivesFacilitiesPerCommune() {
        const io::Table t = io::parseCsvText(
            "codgeo,D101_etablissement_sante_court_sejour,D113_maison_de_sante_pluridisciplinaire,"
            "D201_medecin_omnipraticien\n59350,4,0,300\n75056,20,3,2000\n",
            "bpe2013.csv");
        const auto f = io::readFacilities(t, 2013);
        QCOMPARE(f.size(), std::size_t(3)); // zero counts give no record
        QCOMPARE(countOf(f, "59350", "D101"), 4.0);
        QCOMPARE(countOf(f, "75056", "D113"), 3.0);
    }

    void rowsSeenOneByOneGiveWhatTheTableGives() {
        for (const char* text :
             {"DEPCOM,TYPEQU,NB_EQUIP\n59350,D106,2\n59350,D201,300\n75101,D107,1\n75102,D107,2\n",
              "codgeo,D101_court_sejour,D113_msp,D201_medecin\n59350,4,0,300\n75056,20,3,2000\n59350,1,1,0\n",
              "DEPCOM,TYPEQU\n59350,D106\n59350,D106\n", "code,profession,count\n59350,D106,2\n"}) {
            const io::Table t = io::parseCsvText(text, "bpe.csv");
            io::FacilityRows rows(t);
            for (std::size_t r = 0; r < t.rows.size(); ++r)
                rows.see(t.rows[r], t.lines[r]);
            const auto seen = rows.facilities(2018), read = io::readFacilities(t, 2018);
            QCOMPARE(seen.size(), read.size());
            for (std::size_t i = 0; i < seen.size(); ++i) {
                QCOMPARE(seen[i].commune, read[i].commune);
                QCOMPARE(seen[i].kind, read[i].kind);
                QCOMPARE(seen[i].count, read[i].count);
            }
        }
        const io::Table wide = io::parseCsvText("codgeo,D101_court_sejour\n59350,4\n59350,1\n", "w.csv");
        io::FacilityRows rows(wide);
        for (std::size_t r = 0; r < wide.rows.size(); ++r)
            rows.see(wide.rows[r], wide.lines[r]);
        QCOMPARE(countOf(rows.facilities(2013), "59350", "D101"), 5.0);
    }

    void aBadCountIsAnErrorNamingItsLine() {
        const io::Table t =
            io::parseCsvText("DEPCOM,TYPEQU,NB_EQUIP\n59350,D106,2\n59350,D107,beaucoup\n", "b.csv");
        const auto e = testing::thrown<Error>([&] { io::readFacilities(t, 2018); });
        QVERIFY(e);
        QCOMPARE(e->where().line, 3L);
        QVERIFY(std::string(e->what()).find("expected a number of facilities") != std::string::npos);
    }

    void facilitiesAreKeptInTheGeoPackageAsPoints() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("f.gpkg").toStdString();
        model::Dataset ds = twoCommunes();
        ds.facilities = {{"59350", "D106", 2018, 3}, {"75056", "D107", 2018, 2}};
        io::writeDataset(ds, path);
        const model::Dataset back = io::readDataset(path);
        QCOMPARE(back.facilities.size(), std::size_t(2));
        QCOMPARE(back.facilities[0].commune, std::string("59350"));
        QCOMPARE(back.facilities[0].kind, std::string("D106"));
        QCOMPARE(back.facilities[0].vintage, 2018);
        QCOMPARE(back.facilities[0].count, 3.0);
    }

    void theSummarySumsFacilitiesPerRegionAndKind() {
        model::Dataset ds = twoCommunes();
        ds.facilities = {{"59350", "D106", 2018, 3}, {"75056", "D106", 2018, 2}, {"75056", "D107", 2013, 9}};
        const io::ResultTable t = io::facilitiesTable(ds, io::FacilityGrouping::Region);
        QCOMPARE(t.rows.size(), std::size_t(3)); // 11 D106, 32 D106, all D106 (2013 is not the latest)
        QCOMPARE(t.rows[0].cells[0].text, std::string("11"));
        QCOMPARE(t.rows[0].cells[1].text, std::string("Île-de-France"));
        QCOMPARE(t.rows[0].cells[3].text, std::string("Urgences"));
        QCOMPARE(t.rows[2].cells[0].text, std::string("all"));
        QCOMPARE(t.rows[2].cells[5].number, 5.0);
        QVERIFY(t.titleEn.find("2018") != std::string::npos);
    }

    void realBpeTablesGiveTheHospitalsOfLille() {
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        const auto f18 = io::readFacilities(
            io::readTable(
                testing::sharedPath("professionals/bpe2018_sante_par_commune_long.csv").toStdString()),
            2018);
        QVERIFY(countOf(f18, "59350", "D106") >= 1); // Lille's emergency departments
        QVERIFY(countOf(f18, "75056", "D107") >= 5); // Paris's maternity units, arrondissements summed
        const auto f13 = io::readFacilities(
            io::readTable(testing::sharedPath("professionals/bpe2013_sante_par_commune.csv").toStdString()),
            2013);
        QVERIFY(countOf(f13, "59350", "D101") >= 1);
    }
};

QTEST_APPLESS_MAIN(TestFacilities)
#include "test_facilities.moc"
