// maillage qpv (issue 8): the professionals in and around each quartier prioritaire through the result
// table writer, the distance option, secrecy, and clear refusals.
#include "cli_testing.h"
#include "geo_testing.h"
#include "testing.h"

#include "core/io/gpkg.h"
#include "core/model/catalogue.h"

#include <gdal.h>
#include <ogr_api.h>

#include <QObject>
#include <QTemporaryDir>

using namespace maillage;
using maillage::testing::Run;
using maillage::testing::runCli;

namespace {

bool contains(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

model::Commune commune(const char* code, double x, double count, model::Dataset& ds) {
    model::Commune c;
    c.code = code;
    c.name = std::string("Commune ") + code;
    c.bv = code;
    c.population = 1000;
    c.anchor = {700000 + x, 6600500};
    ds.counts.push_back({code, "medecin_generaliste", 2021, count});
    return c;
}

//! QPV "QP001001" (1 km square, 4,000 inhabitants) holding commune 01001's anchor (8 GPs); 01002's anchor
//! 300 m from its edge (12 GPs), 01003's 2 km (40 GPs).
model::Dataset qpvDataset() {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.meta.title = "QPV test";
    ds.communes = {commune("01001", 500, 8, ds), commune("01002", 1300, 12, ds),
                   commune("01003", 3000, 40, ds)};
    ds.meta.vintages = {2021};
    ds.rebuildBassins();
    model::Qpv q;
    q.code = "QP001001";
    q.name = "Les Tilleuls";
    q.commune = "01001";
    q.population = 4000;
    q.anchor = {700500, 6600500};
    q.geometry = testing::wkbOf("MULTIPOLYGON(((700000 6600000,701000 6600000,701000 6601000,700000 6601000,"
                                "700000 6600000)))");
    ds.qpvs = {q};
    return ds;
}

} // namespace

class TestCliQpv : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_path;

private slots:
    void initTestCase() {
        qputenv("LC_ALL", "en_US.UTF-8");
        m_path = m_dir.filePath("q.gpkg").toStdString();
        io::writeDataset(qpvDataset(), m_path);
    }

    void theQpvTableGivesCountsInsideAndWithinTheDefaultDistance() {
        const Run r = runCli({"qpv", "--dataset", m_path, "--output", "-", "--quiet"});
        QVERIFY2(r.status == 0, r.err.c_str());
        // inside: 01001 (8); within 500 m: + 01002 (12) = 20; per 10,000 of 4,000 inhabitants: 20 and 50.
        QVERIFY2(contains(r.out, "QP001001,Les Tilleuls,01001,4000,communes,8,20,20.0,50.0"), r.out.c_str());
    }

    void theDistanceIsAnOption() {
        const Run r =
            runCli({"qpv", "--dataset", m_path, "--distance-m", "2500", "--output", "-", "--quiet"});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY2(contains(r.out, "QP001001,Les Tilleuls,01001,4000,communes,8,60,"), r.out.c_str());
        const Run p =
            runCli({"qpv", "--dataset", m_path, "--set", "qpv.distance_m=2500", "--output", "-", "--quiet"});
        QVERIFY2(contains(p.out, ",communes,8,60,"), p.out.c_str());
    }

    void smallCountsAreMaskedUnlessSecrecyIsOff() {
        const Run r = runCli({"qpv", "--dataset", m_path, "--distance-m", "0", "--output", "-", "--quiet"});
        QVERIFY2(r.status == 0, r.err.c_str());
        // 8 GPs inside and within: not secret (threshold 5); one profession below it is.
        QVERIFY2(contains(r.out, ",communes,8,8,"), r.out.c_str());
        const Run s = runCli({"qpv", "--dataset", m_path, "--set", "density.secrecy_threshold=10",
                              "--distance-m", "0", "--output", "-", "--quiet"});
        QVERIFY2(contains(s.out, ",communes,,,,,"), s.out.c_str());
        const Run off = runCli({"qpv", "--dataset", m_path, "--set", "density.secrecy_threshold=10",
                                "--distance-m", "0", "--no-secrecy", "--output", "-", "--quiet"});
        QVERIFY2(contains(off.out, ",communes,8,8,"), off.out.c_str());
    }

    void theGeoPackageLayerHasThePolygonsAndStatesTheMethod() {
        const std::string out = m_dir.filePath("qpv.gpkg").toStdString();
        const Run r = runCli({"qpv", "--dataset", m_path, "--output", out, "--lang", "en", "--quiet"});
        QVERIFY2(r.status == 0, r.err.c_str());
        GDALDatasetH ds = GDALOpenEx(out.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        QVERIFY(ds);
        OGRLayerH layer = GDALDatasetGetLayerByName(ds, "qpv");
        QVERIFY(layer);
        QCOMPARE(OGR_L_GetFeatureCount(layer, 1), GIntBig(1));
        OGRFeatureH f = OGR_L_GetNextFeature(layer);
        QVERIFY(OGR_F_GetGeometryRef(f));
        const std::string description = GDALGetMetadataItem(layer, "DESCRIPTION", nullptr)
                                            ? GDALGetMetadataItem(layer, "DESCRIPTION", nullptr)
                                            : "";
        OGR_F_Destroy(f);
        GDALClose(ds);
        QVERIFY2(contains(description, "within 500 m of its edge"), description.c_str());
    }

    void aNegativeDistanceIsRefused() {
        const Run r =
            runCli({"qpv", "--dataset", m_path, "--distance-m", "-3", "--output", "-", "--lang", "en"});
        QVERIFY(r.status != 0);
        QVERIFY2(contains(r.err, "--distance-m: expected a distance in metres (0 or more), found -3"),
                 r.err.c_str());
    }

    void aDatasetWithoutQpvIsRefusedSayingHowToAddThem() {
        model::Dataset ds = qpvDataset();
        ds.qpvs.clear();
        const std::string path = m_dir.filePath("none.gpkg").toStdString();
        io::writeDataset(ds, path);
        const Run r = runCli({"qpv", "--dataset", path, "--output", "-", "--lang", "en"});
        QVERIFY(r.status != 0);
        QVERIFY2(contains(r.err, "has no quartier prioritaire: add them with maillage add --qpv FILE"),
                 r.err.c_str());
    }
};

QTEST_APPLESS_MAIN(TestCliQpv)
#include "test_cli_qpv.moc"
