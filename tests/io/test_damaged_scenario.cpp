// A damaged row of the dataset's `scenarios` table (core/io/gpkg_scenarios.h) is left out with a warning
// naming the scenario and the row: the other scenarios and the rest of the dataset still open.
#include "core/io/gpkg.h"
#include "core/io/gpkg_scenarios.h"

#include "scenario_fixtures.h"
#include "testing.h"

#include <QTemporaryDir>

#include <gdal_priv.h>

#include <memory>

using namespace maillage;

namespace {

//! One commune, one cooperation and two scenarios.
model::Dataset withTwoScenarios() {
    model::Dataset ds = testing::smallScenarioDataset();
    model::ScenarioChange remove;
    remove.kind = model::ScenarioChangeKind::Remove;
    remove.profession = "infirmier";
    remove.place = "59183";
    remove.count = 2;
    ds.scenarios = {{"Atelier 2030", "", {remove}}, {"Départs « 62 ans »", "", {remove}}};
    return ds;
}

//! Runs `sql` on the GeoPackage at `path`, as a damaged or hand-edited file would be.
void execute(const std::string& path, const std::string& sql) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    QVERIFY(ds);
    ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
}

//! withTwoScenarios written, edited by `sql` ("" = intact), and read back with its warnings.
struct ReadBack {
    QTemporaryDir dir;
    std::string path;
    model::Dataset dataset;
    Warnings warnings;

    ReadBack(const std::string& sql, bool geometries) : path(dir.filePath("d.gpkg").toStdString()) {
        io::writeDataset(withTwoScenarios(), path);
        if (!sql.empty())
            execute(path, sql);
        dataset = io::readDataset(path, io::ReadOptions{geometries, &warnings}); // no throw
    }
    QString warning() const {
        return warnings.empty() ? QString() : QString::fromStdString(warnings[0].toString());
    }
};

} // namespace

class TestDamagedScenario : public QObject {
    Q_OBJECT
private slots:
    void aDamagedScenarioRowIsLeftOutNamingTheScenarioAndTheRow() {
        const ReadBack r("UPDATE scenarios SET changes = '[{\"kind\": \"remove\", ' WHERE fid = 2", true);
        QCOMPARE(r.dataset.communes.size(), std::size_t(1));
        QCOMPARE(r.dataset.cooperations.size(), std::size_t(1));
        QCOMPARE(r.dataset.scenarios.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(r.dataset.scenarios[0].name), QStringLiteral("Atelier 2030"));
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QVERIFY2(r.warning().contains(QString::fromStdString(r.path)), qPrintable(r.warning()));
        QVERIFY2(r.warning().contains(QStringLiteral("scenario 'Départs « 62 ans »' (row 2 of the table "
                                                     "scenarios) left out: its changes cannot be read (not "
                                                     "valid JSON")),
                 qPrintable(r.warning()));
        QVERIFY2(r.warning().contains(QStringLiteral("the next save of the scenarios drops it")),
                 qPrintable(r.warning()));
    }

    void aRowWhoseChangesAreNoListIsLeftOutToo() {
        const ReadBack r("UPDATE scenarios SET changes = '{\"kind\": \"remove\"}' WHERE fid = 1", false);
        QCOMPARE(r.dataset.scenarios.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(r.dataset.scenarios[0].name), QStringLiteral("Départs « 62 ans »"));
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QVERIFY2(r.warning().contains(QStringLiteral("(row 1 of the table scenarios)")),
                 qPrintable(r.warning()));
        QVERIFY2(r.warning().contains(QStringLiteral("expected \"changes\": a list of changes")),
                 qPrintable(r.warning()));
    }

    void aRowWithAnUnknownKindIsLeftOutNamingTheKindsExpected() {
        const ReadBack r("UPDATE scenarios SET changes = '[{\"kind\": \"demolish\"}]' WHERE fid = 1", false);
        QCOMPARE(r.dataset.scenarios.size(), std::size_t(1));
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QVERIFY2(r.warning().contains(QStringLiteral("scenario 'Atelier 2030' (row 1")),
                 qPrintable(r.warning()));
        QVERIFY2(r.warning().contains(QStringLiteral("change 1: unknown kind 'demolish', expected")),
                 qPrintable(r.warning()));
    }

    void aRowWithAFieldOfTheWrongTypeIsLeftOutNamingTheTypeExpected() {
        const ReadBack r(
            "UPDATE scenarios SET changes = '[{\"kind\": \"remove\", \"profession\": \"infirmier\", "
            "\"commune\": \"59183\", \"count\": \"deux\"}]' WHERE fid = 2",
            false);
        QCOMPARE(r.dataset.scenarios.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(r.dataset.scenarios[0].name), QStringLiteral("Atelier 2030"));
        QCOMPARE(r.dataset.scenarios[0].changes.size(), std::size_t(1));
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QVERIFY2(r.warning().contains(QStringLiteral("change 1: expected a number for 'count'")),
                 qPrintable(r.warning()));
    }

    void anIntactDatasetHasNoReadWarning() {
        const ReadBack r("", true);
        QCOMPARE(r.dataset.scenarios.size(), std::size_t(2));
        QVERIFY(r.warnings.empty());
    }
};

QTEST_GUILESS_MAIN(TestDamagedScenario)
#include "test_damaged_scenario.moc"
