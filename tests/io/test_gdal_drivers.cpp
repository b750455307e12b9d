// GDAL's drivers registered as a command needs them: an import of a plain GeoJSON into a GeoPackage registers
// the GeoPackage driver alone (GDAL's ~200 drivers map 7 MB more of its library); a file only GDAL reads
// registers them all, and is read as before. Its own process: registration is for the whole process (the
// Shapefile's test runs in a child process, so that the others find GDAL's drivers unregistered).
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

#include <sys/wait.h>
#include <unistd.h>

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

//! In a process where no vector driver but GPKG is registered: writes the small communes as the Shapefile
//! `shp` with GDAL's GeoJSON and Shapefile drivers registered for that alone (then destroyed), imports it
//! and compares it with the plain GeoJSON's import. 0 when all is as expected, else the failed step's number.
int importShapefileOfTheSmallCommunes(const std::string& shp) {
    if (GDALGetDriverByName("GeoJSON") || GDALGetDriverByName("ESRI Shapefile"))
        return 1;
    RegisterOGRGeoJSON();
    RegisterOGRShape();
    {
        GDALDatasetUniquePtr in(GDALDataset::Open(testing::dataPath("geo/import_communes.geojson").c_str(),
                                                  GDAL_OF_VECTOR | GDAL_OF_READONLY));
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
        if (!in || !driver)
            return 2;
        GDALDatasetUniquePtr out(driver->CreateCopy(shp.c_str(), in.get(), false, nullptr, nullptr, nullptr));
        if (!out)
            return 3;
    }
    for (const char* name : {"GeoJSON", "ESRI Shapefile"}) {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(name);
        GetGDALDriverManager()->DeregisterDriver(driver);
        GDALDestroyDriver(driver);
    }
    if (GDALGetDriverByName("ESRI Shapefile"))
        return 4;
    try {
        io::ImportOptions o = testing::smallImportFiles();
        o.communesPath = shp;
        io::ImportReport report, plainReport;
        const model::Dataset fromShapefile = io::importDataset(o, report);
        const model::Dataset fromGeoJson = io::importDataset(testing::smallImportFiles(), plainReport);
        if (fromShapefile.communes.size() != fromGeoJson.communes.size() || fromGeoJson.communes.empty() ||
            fromShapefile.bassins.size() != fromGeoJson.bassins.size())
            return 5;
        for (std::size_t i = 0; i < fromGeoJson.communes.size(); ++i)
            if (fromShapefile.communes[i].population != fromGeoJson.communes[i].population)
                return 6;
    } catch (const Error&) {
        return 7;
    }
    return GDALGetDriverCount() > 50 ? 0 : 8;
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

    void polygonsOnlyGdalReadsRegisterTheDriversTheyNeed() {
        // The same communes as a Shapefile, which only GDAL's driver reads, imported where neither GDAL's
        // GeoJSON nor its Shapefile driver is registered: the import registers them. In a child process, so
        // that this process keeps GDAL's drivers unregistered for the test that follows.
        QTemporaryDir dir;
        const std::string shp = dir.filePath(QStringLiteral("communes.shp")).toStdString();
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0)
            _exit(importShapefileOfTheSmallCommunes(shp));
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }

    void communesOfAPlainGeoJsonOutOfPlaceAreToldTheCrsTheirFileDeclares() {
        // Read without GDAL's drivers, the file is opened with them to name the coordinate system it
        // declares.
        QVERIFY(!GDALGetDriverByName("GeoJSON"));
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
};

QTEST_GUILESS_MAIN(TestGdalDrivers)
#include "test_gdal_drivers.moc"
