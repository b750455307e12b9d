// Polygons kept out of memory while importing (core/io/geometry_spool.h): read back as given, the same
// dataset and GeoPackage to the byte as an import holding them in memory, nothing left on disk whether the
// import succeeds or fails, and memory used when no file can be made.
#include "import_testing.h"
#include "testing.h"

#include "core/io/geo.h"
#include "core/io/geometry_spool.h"
#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "core/model/error.h"

#include <QDir>
#include <QObject>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <dirent.h>
#include <thread>
#include <unistd.h>

using namespace maillage;

namespace {

const char* const kHautsDeFrance = "communes/communes_hauts_de_france_cog2018.geojson";
const char* const kCrosswalk = "bassins_de_vie/commune_cog2018_bv2012_bv2022_crosswalk.csv";
const char* const kPopulation = "population/population_communes_2020.csv";
const char* const kBpe2018 = "professionals/bpe2018_sante_par_commune_long.csv";

//! Files open by this process whose path is in `folder` (a spool has no name: "/folder/#123 (deleted)").
int openFilesIn(const QString& folder) {
    int n = 0;
    const QString prefix = QDir(folder).canonicalPath() + "/";
    for (const QString& fd : QDir("/proc/self/fd").entryList(QDir::Files | QDir::System)) {
        const QString target = QFile::symLinkTarget("/proc/self/fd/" + fd);
        n += target.startsWith(prefix) ? 1 : 0;
    }
    return n;
}

//! Names in `folder` (besides . and ..).
QStringList entriesOf(const QString& folder) {
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

//! Every geometry of `a` and `b` the same, byte for byte, `b`'s all spooled when `spooled`.
template <typename T> void compareGeometries(const std::vector<T>& a, const std::vector<T>& b, bool spooled) {
    QCOMPARE(a.size(), b.size());
    model::Wkb readA, readB;
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].code, b[i].code);
        QVERIFY2(!a[i].spooled.store, a[i].code.c_str());
        if (spooled && !a[i].geometry.empty())
            QVERIFY2(b[i].spooled.store && b[i].geometry.empty(), b[i].code.c_str());
        QVERIFY2(model::wkbOf(a[i], readA) == model::wkbOf(b[i], readB), a[i].code.c_str());
    }
}

//! Every layer of the GeoPackages `a` and `b` with the same features: fields as text and geometries' WKB.
void compareGeoPackages(const std::string& a, const std::string& b) {
    io::ensureGdal();
    GDALDatasetUniquePtr da(GDALDataset::Open(a.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    GDALDatasetUniquePtr db(GDALDataset::Open(b.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    QVERIFY(da && db);
    QCOMPARE(da->GetLayerCount(), db->GetLayerCount());
    int geometries = 0;
    for (int i = 0; i < da->GetLayerCount(); ++i) {
        OGRLayer* la = da->GetLayer(i);
        OGRLayer* lb = db->GetLayerByName(la->GetName());
        QVERIFY2(lb, la->GetName());
        QCOMPARE(la->GetFeatureCount(), lb->GetFeatureCount());
        la->ResetReading();
        lb->ResetReading();
        for (;;) {
            OGRFeatureUniquePtr fa(la->GetNextFeature()), fb(lb->GetNextFeature());
            QCOMPARE(bool(fa), bool(fb));
            if (!fa)
                break;
            const int fields = fa->GetFieldCount();
            QCOMPARE(fields, fb->GetFieldCount());
            for (int k = 0; k < fields; ++k) {
                const std::string name = fa->GetFieldDefnRef(k)->GetNameRef();
                QVERIFY2(std::string(fa->GetFieldAsString(k)) == fb->GetFieldAsString(k),
                         (std::string(la->GetName()) + "." + name).c_str());
            }
            const OGRGeometry* ga = fa->GetGeometryRef();
            const OGRGeometry* gb = fb->GetGeometryRef();
            QCOMPARE(bool(ga), bool(gb));
            if (!ga)
                continue;
            std::vector<unsigned char> wa(ga->WkbSize()), wb(gb->WkbSize());
            ga->exportToWkb(wkbNDR, wa.data(), wkbVariantIso);
            gb->exportToWkb(wkbNDR, wb.data(), wkbVariantIso);
            QVERIFY2(wa == wb, la->GetName());
            ++geometries;
        }
    }
    QVERIFY(geometries > 0);
}

//! Cancels the import when it comes to the dissolve, after noting how many files it had open in `folder`.
class CancelAtDissolve : public Feedback {
public:
    explicit CancelAtDissolve(QString folder) : m_folder(std::move(folder)) {}
    void setStep(const Message& step) override {
        if (step.id == "step.dissolve_bassins") {
            openAtDissolve = openFilesIn(m_folder);
            entriesAtDissolve = entriesOf(m_folder).size();
            cancel();
        }
    }
    int openAtDissolve = -1;
    int entriesAtDissolve = -1;

private:
    QString m_folder;
};

} // namespace

class TestGeometrySpool : public QObject {
    Q_OBJECT
private slots:
    // Geometries appended from several threads come back as given, from a file no one sees in the folder
    // and that is closed with the spool.
    void spoolGivesBackWhatItWasGiven() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::vector<model::SpooledWkb> where(400);
        std::vector<model::Wkb> given(where.size());
        {
            std::shared_ptr<io::GeometrySpool> spool = io::GeometrySpool::create(dir.path().toStdString());
            QVERIFY(spool);
            for (std::size_t i = 0; i < given.size(); ++i)
                for (std::size_t k = 0; k < 1 + i * 37 % 5000; ++k)
                    given[i].push_back(static_cast<std::uint8_t>(i * 31 + k));
            std::vector<std::thread> threads;
            for (std::size_t t = 0; t < 4; ++t)
                threads.emplace_back([&, t] {
                    for (std::size_t i = t; i < given.size(); i += 4) {
                        model::Wkb copy = given[i];
                        model::Wkb kept;
                        model::storeGeometry(std::move(copy), spool, kept, where[i]);
                    }
                });
            for (auto& thread : threads)
                thread.join();
            std::uint64_t total = 0;
            model::Wkb read;
            for (std::size_t i = 0; i < given.size(); ++i) {
                QVERIFY(where[i].store == spool);
                QCOMPARE(std::size_t(where[i].size), given[i].size());
                where[i].store->read(where[i].offset, where[i].size, read);
                QVERIFY(read == given[i]);
                total += given[i].size();
            }
            QCOMPARE(spool->size(), total);
            QCOMPARE(entriesOf(dir.path()).size(), 0);
            QCOMPARE(openFilesIn(dir.path()), 1);
            where.clear(); // the last owner of the spool goes below
        }
        QCOMPARE(openFilesIn(dir.path()), 0);
        QCOMPARE(entriesOf(dir.path()).size(), 0);
    }

    // No spool in a folder that does not exist or is a file; an import told to spool there keeps its
    // polygons in memory and gives the same dataset.
    void importKeepsPolygonsInMemoryWhenNoSpoolCanBeMade() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath("a_file");
        QVERIFY(QFile(file).open(QIODevice::WriteOnly));
        QVERIFY(!io::GeometrySpool::create(file.toStdString()));
        QVERIFY(!io::GeometrySpool::create(dir.filePath("missing/folder").toStdString()));

        io::ImportOptions o = testing::smallImportFiles();
        io::ImportReport inMemoryReport, report;
        const model::Dataset inMemory = io::importDataset(o, inMemoryReport);
        o.spoolFolder = dir.filePath("missing/folder").toStdString();
        const model::Dataset d = io::importDataset(o, report);
        QVERIFY(!d.communes.empty());
        for (const auto& c : d.communes)
            QVERIFY2(!c.spooled.store && !c.geometry.empty(), c.code.c_str());
        compareGeometries(inMemory.communes, d.communes, false);
        compareGeometries(inMemory.bassins, d.bassins, false);
        QCOMPARE(report.warnings.size(), inMemoryReport.warnings.size());
    }

    void spooledImportIsTheSameToTheByte_data() {
        QTest::addColumn<QString>("communes");
        QTest::addColumn<QString>("departements");
        QTest::addColumn<double>("bufferKm");
        QTest::addColumn<bool>("strict");
        QTest::newRow("small files, arrondissements folded") << QString() << QString() << 0.0 << false;
        QTest::newRow("Hauts-de-France") << QString(kHautsDeFrance) << QString() << 0.0 << false;
        QTest::newRow("Nord, whole bassins, 10 km buffer")
            << QString(kHautsDeFrance) << "59" << 10.0 << false;
        QTest::newRow("Pas-de-Calais, strict area") << QString(kHautsDeFrance) << "62" << 0.0 << true;
    }

    // The same communes, bassins, outlines and buffer, each polygon byte for byte, and the same GeoPackage
    // (every layer, every field, every geometry), with the polygons spooled or in memory.
    void spooledImportIsTheSameToTheByte() {
        QFETCH(QString, communes);
        QFETCH(QString, departements);
        QFETCH(double, bufferKm);
        QFETCH(bool, strict);
        io::ImportOptions o = testing::smallImportFiles();
        if (!communes.isEmpty()) {
            MAILLAGE_REQUIRE_SHARED(kHautsDeFrance);
            MAILLAGE_REQUIRE_SHARED(kCrosswalk);
            MAILLAGE_REQUIRE_SHARED(kPopulation);
            MAILLAGE_REQUIRE_SHARED(kBpe2018);
            o = io::ImportOptions();
            o.communesPath = testing::sharedPath(kHautsDeFrance).toStdString();
            o.bassinsPath = testing::sharedPath(kCrosswalk).toStdString();
            o.bvColumn = "BV2012";
            o.populationPath = testing::sharedPath(kPopulation).toStdString();
            io::ProfessionalsSource bpe;
            bpe.path = testing::sharedPath(kBpe2018).toStdString();
            bpe.vintage = 2018;
            o.professionals.push_back(bpe);
            o.cogYear = 2018;
        }
        o.departementFilter = departements.toStdString();
        o.bufferKm = bufferKm;
        o.areaMode = strict ? io::AreaMode::Strict : io::AreaMode::WholeBassins;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        io::ImportReport inMemoryReport, report;
        const model::Dataset inMemory = io::importDataset(o, inMemoryReport);
        o.spoolFolder = dir.path().toStdString();
        model::Dataset spooled = io::importDataset(o, report);
        QCOMPARE(openFilesIn(dir.path()), 1); // the communes, bassins and outlines are there
        QCOMPARE(entriesOf(dir.path()).size(), 0);
        compareGeometries(inMemory.communes, spooled.communes, true);
        compareGeometries(inMemory.bassins, spooled.bassins, true);
        compareGeometries(inMemory.departementOutlines, spooled.departementOutlines, true);
        compareGeometries(inMemory.regionOutlines, spooled.regionOutlines, true);
        QCOMPARE(spooled.bufferCommunes.size(), inMemory.bufferCommunes.size());
        if (bufferKm > 0)
            QVERIFY(!spooled.bufferCommunes.empty());
        QCOMPARE(report.warnings.size(), inMemoryReport.warnings.size());
        for (std::size_t i = 0; i < report.warnings.size(); ++i)
            QVERIFY(report.warnings[i].details == inMemoryReport.warnings[i].details);

        const std::string a = dir.filePath("in_memory.gpkg").toStdString();
        const std::string b = dir.filePath("spooled.gpkg").toStdString();
        io::writeDataset(inMemory, a);
        io::writeDataset(spooled, b);
        compareGeoPackages(a, b);
        spooled = model::Dataset();
        QCOMPARE(openFilesIn(dir.path()), 0);
        QCOMPARE(entriesOf(dir.path()), (QStringList{"in_memory.gpkg", "spooled.gpkg"}));
    }

    // An import that fails once its polygons are spooled (canceled at the dissolve) closes the spool and
    // leaves nothing in its folder.
    void failedImportLeavesNothingBehind() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        io::ImportOptions o = testing::smallImportFiles();
        o.spoolFolder = dir.path().toStdString();
        CancelAtDissolve cancel(dir.path());
        io::ImportReport report;
        bool canceled = false;
        try {
            io::importDataset(o, report, &cancel);
        } catch (const Error& e) {
            canceled = e.kind() == ErrorKind::Canceled;
        }
        QVERIFY(canceled);
        QCOMPARE(cancel.openAtDissolve, 1); // the polygons were in the spool then
        QCOMPARE(cancel.entriesAtDissolve, 0);
        QCOMPARE(openFilesIn(dir.path()), 0);
        QCOMPARE(entriesOf(dir.path()).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGeometrySpool)
#include "test_geometry_spool.moc"
