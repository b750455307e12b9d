// Issue 7, session 22, run as a process as users run it: the dataset's per-commune result tables, now written
// as they are computed, keep the rows of `maillage density --level commune` on real data; `maillage classify
// --dataset D --save` writes its parameters and every result into D, whole or not at all.
#include "core/analysis/dataset_results.h"
#include "core/analysis/poles.h"
#include "core/analysis/secrecy.h"
#include "core/analysis/vintages.h"
#include "core/io/gdal_util.h"
#include "core/io/geo.h"
#include "core/io/gpkg.h"

#include "process_testing.h"
#include "testing.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <set>
#include <tuple>

using namespace maillage;

namespace {

using Result = testing::ProcessResult;

Result run(const QStringList& args) {
    return testing::runBinary(args, QStringLiteral("C.UTF-8"));
}

QByteArray bytesOf(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

GDALDatasetUniquePtr openGpkg(const QString& path, bool update = false) {
    io::ensureGdal();
    return GDALDatasetUniquePtr(GDALDataset::Open(
        path.toUtf8().constData(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY)));
}

//! Count and masked flag of every row of densites, by (commune, profession, vintage).
using DensityKey = std::tuple<std::string, std::string, int>;
std::map<DensityKey, std::pair<std::string, int>> storedDensities(const QString& gpkg) {
    std::map<DensityKey, std::pair<std::string, int>> out;
    GDALDatasetUniquePtr ds = openGpkg(gpkg);
    if (!ds || !ds->GetLayerByName("densites"))
        return out;
    for (auto& f : *ds->GetLayerByName("densites")) {
        const int count = f->GetFieldIndex("count");
        out[{f->GetFieldAsString("commune"), f->GetFieldAsString("profession"),
             f->GetFieldAsInteger("vintage")}] = {f->IsFieldSetAndNotNull(count) ? f->GetFieldAsString(count)
                                                                                 : "<NULL>",
                                                  f->GetFieldAsInteger("masked")};
    }
    return out;
}

//! The names of the files in `dir` but `keep`.
QStringList othersIn(const QString& dir, const QString& keep) {
    QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    names.removeAll(keep);
    return names;
}

} // namespace

class TestResults22 : public QObject {
    Q_OBJECT
    testing::DemoFixture m_fixture;

    //! A copy of the demo dataset alone in its folder.
    QString demoCopy(QTemporaryDir& dir) const {
        const QString copy = dir.filePath(QStringLiteral("territoire.gpkg"));
        return QFile::copy(m_fixture.gpkg, copy) ? copy : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_fixture.dir.isValid());
        const Result r = m_fixture.write(QStringLiteral("C.UTF-8"), {QStringLiteral("--quiet")});
        QVERIFY2(r.status == 0 && r.err.isEmpty(), qPrintable(r.err));
    }

    //! Real data of Hauts-de-France (two vintages): the streamed table densites holds, for every profession
    //! and vintage, exactly the rows of communeDensityRows (`maillage density --level commune`'s, masked),
    //! and accessibilite one row per commune for each APL profession and vintage.
    void theStreamedResultTablesOfRealDataHoldEveryRowOfTheDensityCommand() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        QTemporaryDir dir;
        const QString gpkg = dir.filePath(QStringLiteral("hdf.gpkg"));
        const Result r = run(testing::hautsDeFranceImport(gpkg));
        QVERIFY2(r.status == 0 && r.err.isEmpty(), qPrintable(r.err));
        const model::Dataset ds = io::readDataset(gpkg.toStdString(), io::ReadOptions{false});
        const analysis::SecrecyRule rule = analysis::SecrecyRule::from(ds.params.density);
        const auto stored = storedDensities(gpkg);
        std::size_t expected = 0, masked = 0;
        std::set<std::pair<std::string, int>> withRows;
        for (const model::Profession& p : ds.catalogue.professions())
            for (const analysis::VintageInfo& v : analysis::describeVintages(ds)) {
                const io::ResultTable t = analysis::communeDensityRows(ds, rule, p.code, v.year);
                const int commune = t.column("commune"), count = t.column("count");
                for (std::size_t i = 0; i < t.rows.size(); ++i) {
                    const auto& cells = t.rows[i].cells;
                    const auto it =
                        stored.find({cells[static_cast<std::size_t>(commune)].text, p.code, v.year});
                    QVERIFY2(it != stored.end(), (cells[0].text + " " + p.code).c_str());
                    const io::Cell& c = cells[static_cast<std::size_t>(count)];
                    QCOMPARE(it->second.first, c.hasValue() ? std::to_string(static_cast<long long>(c.number))
                                                            : std::string("<NULL>"));
                    QCOMPARE(it->second.second, t.rowMasked(i) ? 1 : 0);
                    masked += t.rowMasked(i) ? 1 : 0;
                    withRows.insert({p.code, v.year});
                }
                expected += t.rows.size();
            }
        QCOMPARE(stored.size(), expected);
        QVERIFY(expected > 10000 &&
                masked > 1000); // thousands of communes, two vintages, small counts masked
        QVERIFY(withRows.count({"medecin_generaliste", 2013}) &&
                withRows.count({"medecin_generaliste", 2018}));
        // accessibilite: one row per commune for each APL profession and vintage it was computed for.
        GDALDatasetUniquePtr file = openGpkg(gpkg);
        QVERIFY(file && file->GetLayerByName("accessibilite"));
        std::map<std::pair<std::string, int>, std::size_t> rows;
        for (auto& f : *file->GetLayerByName("accessibilite"))
            ++rows[{f->GetFieldAsString("profession"), f->GetFieldAsInteger("vintage")}];
        QVERIFY(rows.size() >= 5);
        for (const auto& [key, n] : rows)
            QCOMPARE(n, ds.communes.size());
        QCOMPARE(file->GetLayerByName("densites")->GetFeatureCount(), static_cast<GIntBig>(expected));
    }

    //! `classify --dataset D --set ... --save`: D keeps the parameters given and the pôle types they give
    //! (bassins_de_vie, poles), its styles and project rewritten; nothing is left beside it.
    void classifySaveWritesTheParametersAndTheirResultsIntoTheDataset() {
        QTemporaryDir dir;
        const QString gpkg = demoCopy(dir);
        QVERIFY(!gpkg.isEmpty());
        const model::Dataset before = io::readDataset(gpkg.toStdString(), io::ReadOptions{false});
        const double grand = (before.params.poles.grandPoleMin + before.params.poles.intermediateMin) / 2;
        const Result r =
            run({QStringLiteral("classify"), QStringLiteral("--dataset"), gpkg, QStringLiteral("--set"),
                 QStringLiteral("poles.grand_pole_min=%1").arg(grand), QStringLiteral("--save")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("saved into")), qPrintable(r.err));
        const model::Dataset after = io::readDataset(gpkg.toStdString(), io::ReadOptions{false});
        QCOMPARE(after.params.poles.grandPoleMin, grand);
        const analysis::Classification oldTypes = analysis::classifyDataset(before, 0, before.params.poles);
        const analysis::Classification newTypes = analysis::classifyDataset(after, 0, after.params.poles);
        GDALDatasetUniquePtr ds = openGpkg(gpkg);
        QVERIFY(ds);
        std::map<std::string, int> stored;
        for (auto& f : *ds->GetLayerByName("bassins_de_vie"))
            stored[f->GetFieldAsString("code")] = f->GetFieldAsInteger("pole_type");
        int changed = 0;
        for (std::size_t i = 0; i < after.bassins.size(); ++i) {
            QCOMPARE(stored.at(after.bassins[i].code), static_cast<int>(newTypes.poles[i].type));
            changed += newTypes.poles[i].type != oldTypes.poles[i].type ? 1 : 0;
        }
        QVERIFY(changed > 0); // the saved types are the new parameters' ones
        int grandPoles = 0;
        for (auto& f : *ds->GetLayerByName("poles"))
            grandPoles +=
                f->GetFieldAsInteger("pole_type") == static_cast<int>(analysis::PoleType::GrandPole) ? 1 : 0;
        int expectedGrand = 0;
        for (const auto& p : newTypes.poles)
            expectedGrand += p.type == analysis::PoleType::GrandPole ? 1 : 0;
        QCOMPARE(grandPoles, expectedGrand);
        // The styles and the project, as a dataset written by import has them.
        std::set<std::string> styled;
        OGRLayer* styles = ds->GetLayerByName("layer_styles");
        QVERIFY(styles);
        for (auto& f : *styles)
            if (f->GetFieldAsInteger("useAsDefault"))
                styled.insert(f->GetFieldAsString("f_table_name"));
        for (const char* layer : {"poles", "liens", "bassins_de_vie", "communes", io::kDensityMapView})
            QVERIFY2(styled.count(layer), layer);
        OGRLayer* projects =
            ds->ExecuteSQL("SELECT name, length(content) AS size FROM qgis_projects", nullptr,
                           nullptr); // QGIS's table, not a GeoPackage layer
        QVERIFY(projects);
        std::map<std::string, long long> project;
        for (auto& f : *projects)
            project[f->GetFieldAsString("name")] = f->GetFieldAsInteger64("size");
        ds->ReleaseResultSet(projects);
        QCOMPARE(project.size(), std::size_t{1});
        QVERIFY(project["maillage"] > 10000);
        ds.reset();
        QCOMPARE(othersIn(dir.path(), QStringLiteral("territoire.gpkg")), QStringList());
    }

    //! --save through a symbolic link saves into the file it points to, as the application's Save does
    //! (it was refused: "a symbolic link"); the link stays a link, nothing is left beside either.
    void aSaveThroughASymbolicLinkReplacesTheFileItPointsTo() {
        QTemporaryDir dir, elsewhere;
        const QString gpkg = demoCopy(dir);
        QVERIFY(!gpkg.isEmpty());
        const QString link = elsewhere.filePath(QStringLiteral("lien.gpkg"));
        QVERIFY(QFile::link(gpkg, link));
        const Result r = run({QStringLiteral("classify"), QStringLiteral("--dataset"), link,
                              QStringLiteral("--set"), QStringLiteral("poles.grand_pole_min=9000"),
                              QStringLiteral("--save"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(r.status == 0 && r.err.contains(QStringLiteral("saved into")), qPrintable(r.err));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(QFileInfo(link).symLinkTarget(), gpkg);
        QCOMPARE(io::readDataset(gpkg.toStdString(), io::ReadOptions{false}).params.poles.grandPoleMin,
                 9000.0);
        QCOMPARE(othersIn(dir.path(), QStringLiteral("territoire.gpkg")), QStringList());
        QCOMPARE(othersIn(elsewhere.path(), QStringLiteral("lien.gpkg")), QStringList());
    }

    //! A save that fails half-way (here the dataset has a table where its views go) leaves D byte for byte as
    //! it was, says so, and leaves nothing beside it; a link, a database or no --dataset are refused first.
    void aFailedSaveLeavesTheDatasetByteIdentical() {
        QTemporaryDir dir;
        const QString gpkg = demoCopy(dir);
        QVERIFY(!gpkg.isEmpty());
        {
            GDALDatasetUniquePtr ds = openGpkg(gpkg, true);
            QVERIFY(ds);
            ds->ExecuteSQL("DROP VIEW densites_completes", nullptr, nullptr);
            ds->ExecuteSQL("CREATE TABLE densites_completes (x INTEGER)", nullptr, nullptr);
        }
        const QByteArray original = bytesOf(gpkg);
        QVERIFY(!original.isEmpty());
        Result r = run({QStringLiteral("classify"), QStringLiteral("--dataset"), gpkg,
                        QStringLiteral("--set"), QStringLiteral("poles.grand_pole_min=9000"),
                        QStringLiteral("--save"), QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("nothing was saved into the dataset")) &&
                     r.err.contains(QStringLiteral("it is as it was")),
                 qPrintable(r.err));
        QVERIFY(bytesOf(gpkg) == original);
        QCOMPARE(othersIn(dir.path(), QStringLiteral("territoire.gpkg")), QStringList());

        // Through a link, the file it points to fails the same way, and stays as it was.
        const QString link = dir.filePath(QStringLiteral("link.gpkg"));
        QVERIFY(QFile::link(gpkg, link));
        r = run({QStringLiteral("classify"), QStringLiteral("--dataset"), link, QStringLiteral("--save"),
                 QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(r.status == 1 && r.err.contains(QStringLiteral("nothing was saved into the dataset")),
                 qPrintable(r.err));
        QVERIFY(bytesOf(gpkg) == original && QFileInfo(link).isSymLink());
        QVERIFY(QFile::remove(link));
        r = run({QStringLiteral("classify"), QStringLiteral("--dataset"),
                 QStringLiteral("PG:dbname=x schema=y"), QStringLiteral("--save"), QStringLiteral("--lang"),
                 QStringLiteral("en")});
        QVERIFY2(r.status == 2 && r.err.contains(QStringLiteral("is in PostgreSQL")), qPrintable(r.err));
        r = run({QStringLiteral("classify"), QStringLiteral("--communes"), QStringLiteral("c.csv"),
                 QStringLiteral("--professionals"), QStringLiteral("p.csv"), QStringLiteral("--save"),
                 QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(r.status == 2 && r.err.contains(QStringLiteral("give --dataset")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestResults22)
#include "test_results22.moc"
