// GDAL's drivers registered as a command needs them: an import of a plain GeoJSON into a GeoPackage registers
// the GeoPackage driver alone (GDAL's ~200 drivers map 7 MB more of its library); a file only GDAL reads
// registers them all, and is read as before. Its own process: registration is for the whole process, in the
// order of the test functions.
#include "import_testing.h"
#include "testing.h"

#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "core/model/error.h"

#include <QFile>
#include <QObject>
#include <QRegularExpression>
#include <QStringList>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace maillage;

namespace {

//! `from` (a GeoJSON written one number a line, as ogr2ogr does) with every longitude, the number that ends
//! its line with a comma, moved by `dx` degrees: the file otherwise as it was, still in the plain form.
bool writeShifted(const QString& from, const QString& to, double dx) {
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    const QRegularExpression longitude(QStringLiteral("^(\\s+)(-?[0-9]+\\.[0-9]+),$"));
    QStringList lines = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));
    int moved = 0;
    for (QString& line : lines) {
        const QRegularExpressionMatch m = longitude.match(line);
        if (!m.hasMatch())
            continue;
        line = m.captured(1) + QString::number(m.captured(2).toDouble() + dx, 'f', 6) + QLatin1Char(',');
        ++moved;
    }
    QFile out(to);
    return moved > 0 && out.open(QIODevice::WriteOnly) &&
           out.write(lines.join(QLatin1Char('\n')).toUtf8()) > 0;
}

} // namespace

class TestGdalDrivers : public QObject {
    Q_OBJECT

private slots:
    void aPlainGeoJsonImportedIntoAGeoPackageRegistersItsDriverAlone() {
        QCOMPARE(GDALGetDriverCount(), 0);
        QTemporaryDir dir;
        io::ImportReport report;
        const model::Dataset d = io::importDataset(testing::smallImportFiles(), report);
        QVERIFY(!d.communes.empty());
        QVERIFY(!d.communes.front().geometry.empty() || d.communes.front().spooled.size > 0);
        const std::string output = dir.filePath(QStringLiteral("d.gpkg")).toStdString();
        io::writeDataset(d, output);
        QCOMPARE(GDALGetDriverCount(), 1);
        QVERIFY(GDALGetDriverByName("GPKG"));
        QCOMPARE(io::readDataset(output).communes.size(), d.communes.size());
        QCOMPARE(GDALGetDriverCount(), 1);
    }

    void communesOfAPlainGeoJsonOutOfPlaceAreToldTheCrsTheirFileDeclares() {
        // Read without GDAL's drivers, the file is opened with them to name the coordinate system it
        // declares.
        QCOMPARE(GDALGetDriverCount(), 1);
        QTemporaryDir dir;
        const QString shifted = dir.filePath(QStringLiteral("atlantic.geojson"));
        QVERIFY(writeShifted(QString::fromStdString(testing::dataPath("geo/import_communes.geojson")),
                             shifted, -20.0));
        io::ImportOptions o = testing::smallImportFiles();
        o.communesPath = shifted.toStdString();
        try {
            io::ImportReport report;
            io::importDataset(o, report);
            QFAIL("communes in the Atlantic were imported");
        } catch (const Error& e) {
            const std::string m = e.describe(Language::En);
            QVERIFY2(m.find("should be in metropolitan France") != std::string::npos, m.c_str());
            QVERIFY2(m.find("check the coordinate system the file declares (") != std::string::npos,
                     m.c_str());
        }
    }

    void polygonsOnlyGdalReadsAreReadWithEveryDriver() {
        // The same communes as a Shapefile, which only GDAL's driver reads.
        QTemporaryDir dir;
        const std::string shp = dir.filePath(QStringLiteral("communes.shp")).toStdString();
        io::ensureGdal();
        QVERIFY(GDALGetDriverCount() > 50);
        {
            GDALDatasetUniquePtr in(GDALDataset::Open(
                testing::dataPath("geo/import_communes.geojson").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
            QVERIFY(in);
            GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
            QVERIFY(driver);
            GDALDatasetUniquePtr out(
                driver->CreateCopy(shp.c_str(), in.get(), false, nullptr, nullptr, nullptr));
            QVERIFY(out);
        }
        io::ImportOptions o = testing::smallImportFiles();
        o.communesPath = shp;
        io::ImportReport report;
        const model::Dataset fromShapefile = io::importDataset(o, report);
        io::ImportReport plainReport;
        const model::Dataset fromGeoJson = io::importDataset(testing::smallImportFiles(), plainReport);
        QCOMPARE(fromShapefile.communes.size(), fromGeoJson.communes.size());
        QCOMPARE(fromShapefile.bassins.size(), fromGeoJson.bassins.size());
        for (std::size_t i = 0; i < fromGeoJson.communes.size(); ++i)
            QCOMPARE(fromShapefile.communes[i].population, fromGeoJson.communes[i].population);
    }
};

QTEST_GUILESS_MAIN(TestGdalDrivers)
#include "test_gdal_drivers.moc"
