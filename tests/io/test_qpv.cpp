// Quartiers prioritaires (QPV, issue 8): polygons read, kept in the dataset's `qpv` layer, added to a
// dataset; a file without geometry refused; the Occitanie QPV of ../shared/data.
#include "testing.h"

#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "core/io/qpv.h"

#include <QObject>
#include <QTemporaryDir>

using namespace maillage;

namespace {

std::string zonesPath(const char* file) {
    return testing::dataPath((std::string("inputs/zones/") + file).c_str());
}

//! Two QPV of Lille in the layout of the Occitanie file (code_qp, nom_qp, code_commune, pop_mun).
std::string writeQpvFile(const QTemporaryDir& dir) {
    const std::string path = dir.filePath("qpv.geojson").toStdString();
    QFile f(QString::fromStdString(path));
    f.open(QIODevice::WriteOnly);
    f.write(R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code_qp":"QP059001","nom_qp":"Lille Sud","code_commune":"59350","pop_mun":"12000"},
 "geometry":{"type":"Polygon","coordinates":[[[3.05,50.61],[3.06,50.61],[3.06,50.62],[3.05,50.62],[3.05,50.61]]]}},
{"type":"Feature","properties":{"code_qp":"QP059002","nom_qp":"Moulins","code_commune":"59350"},
 "geometry":{"type":"Polygon","coordinates":[[[3.07,50.62],[3.08,50.62],[3.08,50.63],[3.07,50.63],[3.07,50.62]]]}}]})");
    return path;
}

} // namespace

class TestQpv : public QObject {
    Q_OBJECT

private slots:
    void qpvPolygonsAreReadWithCodeNameCommuneAndPopulation() {
        QTemporaryDir dir;
        Warnings w;
        const auto q = io::readQpvPolygons(writeQpvFile(dir), w);
        QCOMPARE(q.size(), std::size_t(2));
        QCOMPARE(q[0].code, std::string("QP059001"));
        QCOMPARE(q[0].name, std::string("Lille Sud"));
        QCOMPARE(q[0].commune, std::string("59350"));
        QCOMPARE(q[0].population, 12000.0);
        QCOMPARE(q[1].population, 0.0); // not given
        QVERIFY(io::isValidPolygon(q[0].geometry));
        QVERIFY(q[0].anchor.x > 700000 && q[0].anchor.x < 720000); // Lille in Lambert-93
    }

    void aQpvFileWithNoGeometryIsRefusedNamingIt() {
        Warnings w;
        const auto e =
            testing::thrown<Error>([&] { io::readQpvPolygons(zonesPath("no_geometry.geojson"), w); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Format);
        QVERIFY(std::string(e->what()).find("no_geometry.geojson") != std::string::npos);
        QVERIFY(std::string(e->what()).find("holds no polygon") != std::string::npos);
        QVERIFY(e->describe(Language::Fr).find("ne contient aucun polygone") != std::string::npos);
    }

    void polygonsWithoutQpvCodeAreRefused() {
        Warnings w;
        const auto e = testing::thrown<Error>([&] { io::readQpvPolygons(zonesPath("iris.geojson"), w); });
        QVERIFY(e);
        QVERIFY(std::string(e->what()).find("no QPV code field") != std::string::npos);
    }

    void qpvAreAddedToADatasetAndKeptInTheGeoPackage() {
        QTemporaryDir dir;
        model::Dataset ds;
        model::Commune lille;
        lille.code = "59350";
        lille.name = "Lille";
        lille.bv = "59350";
        ds.communes = {lille};
        ds.rebuildBassins();
        io::AddOptions o;
        o.zones.qpv = writeQpvFile(dir);
        io::ImportReport report;
        io::addToDataset(ds, o, report);
        QCOMPARE(ds.qpvs.size(), std::size_t(2));
        const std::string path = dir.filePath("d.gpkg").toStdString();
        io::writeDataset(ds, path);
        const model::Dataset back = io::readDataset(path);
        QCOMPARE(back.qpvs.size(), std::size_t(2));
        QCOMPARE(back.qpvs[0].name, std::string("Lille Sud"));
        QCOMPARE(back.qpvs[0].population, 12000.0);
        QCOMPARE(back.qpvs[0].anchor.x, ds.qpvs[0].anchor.x);
        QVERIFY(!back.qpvs[0].geometry.empty());
    }

    void theOccitanieQpvAreRead() {
        MAILLAGE_REQUIRE_SHARED("qpv/occitanie_hackaviz2021_qp.geojson");
        Warnings w;
        const auto q = io::readQpvPolygons(
            testing::sharedPath("qpv/occitanie_hackaviz2021_qp.geojson").toStdString(), w);
        QVERIFY2(q.size() >= 100, std::to_string(q.size()).c_str()); // 105 rows in the indicators table
        const auto perpignan =
            std::find_if(q.begin(), q.end(), [](const model::Qpv& x) { return x.code == "QP066007"; });
        QVERIFY(perpignan != q.end());
        QCOMPARE(perpignan->commune, std::string("66136"));
        QCOMPARE(perpignan->name, std::string("Bas-Vernet Nouveau QPV"));
        for (const auto& x : q)
            QVERIFY2(io::isValidPolygon(x.geometry), x.code.c_str());
    }
};

QTEST_APPLESS_MAIN(TestQpv)
#include "test_qpv.moc"
