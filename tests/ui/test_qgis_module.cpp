// libmaillage_qgis.so as the command line uses it: loaded into a process without any Qt application (no
// display), it starts QGIS by itself (for the rest of the process) and writes the styles and the project.
#include "core/io/gdal_util.h"
#include "core/io/geo.h"
#include "core/io/gpkg.h"
#include "core/io/outlines.h"

#include "testing.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <dlfcn.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace maillage;

namespace {

using WriteStyles = int (*)(const char*, const char*, char*, std::size_t);

//! A small territory of four square communes in two départements, each its own bassin de vie.
model::Dataset fourCommunes() {
    model::Dataset d;
    d.catalogue = model::ProfessionCatalogue::builtin();
    d.meta.vintages = {2023};
    for (int i = 0; i < 4; ++i) {
        model::Commune c;
        c.code = "0000" + std::to_string(i + 1);
        c.name = "Commune " + std::to_string(i + 1);
        c.bv = c.code;
        c.dep = i < 2 ? "00" : "01";
        c.reg = "99";
        const double x = 100000 + 10000.0 * i, y = 6500000;
        c.anchor = {x + 5000, y + 5000};
        const std::string wkt = "MULTIPOLYGON (((" + std::to_string(x) + " " + std::to_string(y) + "," +
                                std::to_string(x + 10000) + " " + std::to_string(y) + "," +
                                std::to_string(x + 10000) + " " + std::to_string(y + 10000) + "," +
                                std::to_string(x) + " " + std::to_string(y + 10000) + "," +
                                std::to_string(x) + " " + std::to_string(y) + ")))";
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g);
        c.geometry.resize(g->WkbSize());
        g->exportToWkb(wkbNDR, c.geometry.data(), wkbVariantIso);
        OGRGeometryFactory::destroyGeometry(g);
        d.communes.push_back(c);
        d.counts.push_back({c.code, "medecin_generaliste", 2023, 4000.0 / (i + 1)});
    }
    d.rebuildBassins();
    Warnings warnings;
    io::dissolveBassins(d, warnings);
    io::dissolveOutlines(d, warnings);
    d.reindex();
    return d;
}

long long countRows(const std::string& path, const char* sql) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
        return -1;
    OGRLayer* result = ds->ExecuteSQL(sql, nullptr, nullptr);
    if (!result)
        return -1;
    OGRFeatureUniquePtr f(result->GetNextFeature());
    const long long n = f ? f->GetFieldAsInteger64(0) : -1;
    ds->ReleaseResultSet(result);
    return n;
}

} // namespace

class TestQgisModule : public QObject {
    Q_OBJECT
private slots:
    void writesStylesAndProjectInAProcessWithoutApplication() {
        QVERIFY(!QCoreApplication::instance());
        qputenv("LANG", "C"); // a batch job's locale: the words are the language asked, not the locale's
        qunsetenv("LC_ALL");
        qunsetenv("LC_MESSAGES");
        void* handle = ::dlopen(MAILLAGE_QGIS_MODULE, RTLD_NOW | RTLD_LOCAL);
        QVERIFY2(handle, ::dlerror());
        auto write = reinterpret_cast<WriteStyles>(::dlsym(handle, "maillage_write_qgis_styles"));
        QVERIFY(write);
        io::ensureGdal();
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("quatre.gpkg")).toStdString();
        io::writeDataset(fourCommunes(), path);
        char error[1024] = "";
        QCOMPARE(write(path.c_str(), "fr", error, sizeof error), 1);
        QCOMPARE(std::string(error), std::string());
        QCOMPARE(countRows(path, "SELECT COUNT(*) FROM bassins_de_vie WHERE pole_label = 'Hors pôle' "
                                 "OR pole_label LIKE 'Pôle %' OR pole_label = 'Grand pôle'"),
                 4LL);
        QCOMPARE(countRows(path, "SELECT COUNT(*) FROM bassins_de_vie WHERE reason LIKE '%professionnels%'"),
                 4LL);
        QVERIFY(QCoreApplication::instance()); // the module's QGIS stays up until the process ends
        QCOMPARE(countRows(path, "SELECT COUNT(*) FROM layer_styles WHERE useAsDefault"),
                 7LL); // one per layer, the density map included
        QCOMPARE(countRows(path, "SELECT COUNT(*) FROM qgis_projects WHERE name = 'maillage'"), 1LL);
        QCOMPARE(countRows(path, "SELECT COUNT(*) FROM bassins_de_vie WHERE pole_type IS NOT NULL"), 4LL);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("quatre.gpkg")});

        // A second call in the same process uses it again; GDAL still works for the caller.
        QCOMPARE(write(path.c_str(), "fr", error, sizeof error), 1);
        QCOMPARE(countRows(path, "SELECT COUNT(*) FROM layer_styles"), 7LL);
    }
};

QTEST_APPLESS_MAIN(TestQgisModule)
#include "test_qgis_module.moc"
