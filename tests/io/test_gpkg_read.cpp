// Reading a dataset registers GDAL's GeoPackage driver alone (not its ~200 drivers) and never opens PROJ's
// database for an attribute-only read; what it reads is what the full read gives, less the polygons.
#include "testing.h"

#include "core/demo/demo.h"
#include "core/io/geo.h"
#include "core/io/gpkg.h"

#include <QCoreApplication>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gdal.h>

using namespace maillage;

namespace {

const char* const kProbeVariable = "MAILLAGE_TEST_DATASET";

//! Everything but the polygons, as text, for comparisons.
QStringList attributes(const model::Dataset& d) {
    QStringList out;
    for (const auto& c : d.communes)
        out << QString::fromStdString(c.code + " " + c.name + " " + c.bv + " " + c.dep + " " + c.reg + " " +
                                      std::to_string(c.population) + " " + std::to_string(c.anchor.x) + " " +
                                      std::to_string(c.anchor.y));
    for (const auto& b : d.bassins)
        out << QString::fromStdString(b.code + " " + b.name + " " + std::to_string(b.communes.size()) + " " +
                                      std::to_string(b.anchor.x) + " " + std::to_string(b.anchor.y));
    for (const auto& r : d.counts)
        out << QString::fromStdString(r.place + " " + r.profession + " " + std::to_string(r.vintage) + " " +
                                      std::to_string(r.count));
    return out;
}

} // namespace

class TestGpkgRead : public QObject {
    Q_OBJECT

private slots:
    //! Runs readRegistersTheGeoPackageDriverAlone in a fresh process (GDAL's drivers are per process).
    void datasetReadInAFreshProcess() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("demo.gpkg")).toStdString();
        io::writeDataset(demo::makeDemoDataset(), path);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kProbeVariable), QString::fromStdString(path));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("readRegistersTheGeoPackageDriverAlone")});
        QVERIFY(child.waitForFinished(120000));
        const QByteArray output = child.readAllStandardOutput();
        QVERIFY2(child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestGpkgRead::readRegistersTheGeoPackageDriverAlone"),
                 output.constData());
    }

    void readRegistersTheGeoPackageDriverAlone() {
        const QByteArray path = qgetenv(kProbeVariable);
        if (path.isEmpty())
            QSKIP("run by datasetReadInAFreshProcess");
        QCOMPARE(GDALGetDriverCount(), 0);
        const model::Dataset attributesOnly = io::readDataset(path.toStdString(), io::ReadOptions{false});
        QCOMPARE(GDALGetDriverCount(), 1);
        QVERIFY(GDALGetDriverByName("GPKG"));
        QVERIFY(!attributesOnly.communes.empty());
        QVERIFY(attributesOnly.communes.front().geometry.empty());
        // The full read (which may register more) gives the same attributes.
        const model::Dataset full = io::readDataset(path.toStdString());
        QVERIFY(!full.communes.front().geometry.empty());
        QCOMPARE(attributes(attributesOnly), attributes(full));
        // Readers of other formats still find every driver.
        io::ensureGdal();
        QVERIFY(GDALGetDriverByName("GeoJSON"));
        QVERIFY(GDALGetDriverByName("ESRI Shapefile"));
    }
};

QTEST_GUILESS_MAIN(TestGpkgRead)
#include "test_gpkg_read.moc"
