// Issue 8 in the desktop: the import wizard's column choices filled from a file's header with a preview of
// its first rows, the page of zones, quartiers and QPV, File > Add data… adding a flows file to the demo
// (the Maillage panel sees the flows, the file keeps them), and the QPV view of the Densités panel.
#include "core/demo/demo.h"
#include "core/io/gpkg.h"
#include "ui/add_data_dialog.h"
#include "ui/import_wizard.h"
#include "ui/main_window.h"
#include "ui/panels/maillage_panel.h"
#include "ui/panels/qpv_view.h"
#include "ui/session.h"

#include "find_child.h"
#include "qgis_test_main.h"
#include "ui_fixture.h"
#include "wizard_testing.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace maillage;
using namespace maillage::ui;
using maillage::testing::child;
using maillage::testing::itemsOf;
using maillage::testing::writeText;

namespace {

//! With MAILLAGE_SCREENSHOTS=DIR, the wizard on page `page` saved as DIR/name (to look at the pages).
void saveScreenshot(ImportWizard& wizard, int page, const char* name) {
    const QString dir = qEnvironmentVariable("MAILLAGE_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    wizard.setStartId(wizard.pageIds().value(page));
    wizard.restart();
    wizard.show();
    QTest::qWait(100);
    wizard.grab().save(dir + QLatin1Char('/') + QString::fromLatin1(name));
}

} // namespace

class TestInputs17 : public QObject {
    Q_OBJECT
private slots:
    void populationColumnsAreChosenFromTheFileHeaderWithAPreview() {
        QTemporaryDir dir;
        const QString path =
            writeText(dir, "pop.csv", "CODGEO;LIBGEO;PMUN\n59350;Lille;236234\n62041;Arras;41019\n");
        ImportWizard wizard;
        child<QLineEdit>(&wizard, "populationFile")->setText(path);
        auto* code = child<QComboBox>(&wizard, "populationCodeColumn");
        auto* population = child<QComboBox>(&wizard, "populationColumn");
        QCOMPARE(itemsOf(code), (QStringList{"CODGEO", "LIBGEO", "PMUN"}));
        QCOMPARE(code->currentText(), QStringLiteral("CODGEO"));     // codgeo, case ignored
        QCOMPARE(population->currentText(), QStringLiteral("PMUN")); // detected
        auto* preview = child<QTableWidget>(&wizard, "populationPreview");
        QCOMPARE(preview->columnCount(), 3);
        QCOMPARE(preview->rowCount(), 2);
        QCOMPARE(preview->item(1, 1)->text(), QStringLiteral("Arras"));
        saveScreenshot(wizard, 2, "wizard_population.png");
        population->setCurrentIndex(1); // the user's choice reaches the import
        QCOMPARE(wizard.options().populationColumn, std::string("LIBGEO"));
        QCOMPARE(wizard.options().populationCode, std::string("CODGEO"));
    }

    void zoneFieldsComeFromThePolygonsAndTheZonePageReachesTheOptions() {
        ImportWizard wizard;
        const QString iris = QString::fromUtf8(TEST_DATA_DIR) + QStringLiteral("/inputs/zones/iris.geojson");
        child<QLineEdit>(&wizard, "zonesFile")->setText(iris);
        auto* code = child<QComboBox>(&wizard, "zoneCodeField");
        QVERIFY(itemsOf(code).contains(QStringLiteral("NOM_IRIS")));
        QCOMPARE(code->currentText(), QStringLiteral("CODE_IRIS"));
        QCOMPARE(child<QComboBox>(&wizard, "zoneCommuneField")->currentText(), QStringLiteral("INSEE_COM"));
        child<QLineEdit>(&wizard, "qpvFile")->setText(QStringLiteral("qpv.geojson"));
        child<QLineEdit>(&wizard, "quartiersFile")->setText(QStringLiteral("quartiers.csv"));
        saveScreenshot(wizard, wizard.pageIds().size() - 4,
                       "wizard_zones.png"); // then register, preview, run
        const io::ImportOptions o = wizard.options();
        QCOMPARE(o.zones.polygons, iris.toStdString());
        QCOMPARE(o.zones.columns.code, std::string("CODE_IRIS"));
        QCOMPARE(o.zones.qpv, std::string("qpv.geojson"));
        QCOMPARE(o.zones.quartiers, std::string("quartiers.csv"));
        ImportWizard again;
        again.setOptions(o);
        QCOMPARE(again.options().zones.qpv, std::string("qpv.geojson"));
        QCOMPARE(again.options().zones.columns.commune, std::string("INSEE_COM"));
    }

    void addingAFlowsFileToTheDemoReachesTheMaillagePanelAndTheFile() {
        QTemporaryDir dir;
        const QString gpkg = dir.filePath(QStringLiteral("demo.gpkg"));
        const model::Dataset demo = demo::makeDemoDataset();
        io::writeDataset(demo, gpkg.toStdString());
        // Three flows from the first commune to communes of other bassins de vie.
        QByteArray flows = "origin,destination,count\n";
        int written = 0;
        const model::Commune& from = demo.communes.front();
        for (const model::Commune& c : demo.communes)
            if (c.bv != from.bv && written < 3) {
                flows += QByteArray::fromStdString(from.code + "," + c.code + ",") +
                         QByteArray::number(100 + written) + "\n";
                ++written;
            }
        QCOMPARE(written, 3);
        const QString flowsPath = writeText(dir, "flows.csv", flows);

        MainWindow window;
        window.setErrorDialogsEnabled(false);
        QSignalSpy shown(&window, &MainWindow::datasetShown);
        window.openDataset(gpkg);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 60000);
        auto* action = window.findChild<QAction*>(QStringLiteral("addData"));
        QVERIFY(action && action->isEnabled());
        action->trigger();
        auto* dialog = window.findChild<AddDataDialog*>();
        QVERIFY(dialog);
        child<QLineEdit>(dialog, "addFlowsFile")->setText(flowsPath);
        auto* kind = child<QComboBox>(dialog, "addFlowKind");
        kind->setCurrentIndex(kind->findData(static_cast<int>(io::FlowKind::Patients)));
        child<QPushButton>(dialog, "addDataButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->dataset().flows.size(), std::size_t(3), 60000);
        double volume = 0;
        for (const model::Flow& f : window.session()->dataset().flows)
            volume += f.volume;
        QCOMPARE(volume, 100.0 + 101 + 102);
        auto* panel = window.findChild<MaillagePanel*>();
        QVERIFY(panel);
        QVERIFY(!panel->filteredFlows().empty()); // between bassins de vie: the panel shows them
        QVERIFY(dialog->reportHtml().contains(QStringLiteral("flows.csv")) ||
                !dialog->reportHtml().isEmpty());
        // The file was rewritten with them.
        const model::Dataset back = io::readDataset(gpkg.toStdString());
        QCOMPARE(back.flows.size(), std::size_t(3));
        QCOMPARE(back.communes.size(), demo.communes.size());
    }

    void aFileThatFailsLeavesTheDatasetAsItWas() {
        Session session;
        session.setDataset(testing::makeSixBassins());
        AddDataDialog dialog(session.dataset(), QString());
        QSignalSpy updated(&dialog, &AddDataDialog::datasetUpdated);
        child<QLineEdit>(&dialog, "addFlowsFile")->setText(QStringLiteral("/nonexistent/flows.csv"));
        dialog.run();
        auto* status = child<QLabel>(&dialog, "addStatus");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Rien n’a été ajouté")), 20000);
        QVERIFY2(status->text().contains(QStringLiteral("flows.csv")), qPrintable(status->text()));
        QCOMPARE(updated.count(), 0);
        QVERIFY(session.dataset().flows.empty());
    }

    void theQpvViewListsTheQpvOfTheDataset() {
        model::Dataset ds = testing::makeSixBassins();
        model::Qpv q;
        q.code = "QP000001";
        q.name = "Les Tilleuls";
        q.population = 5000;
        q.anchor = ds.communes.front().anchor;
        q.geometry = testing::squareWkb(q.anchor.x - 500, q.anchor.y - 500, 1000);
        ds.qpvs = {q};
        Session session;
        QpvView view(&session);
        QSignalSpy updated(&view, &QpvView::updated);
        session.setDataset(std::move(ds));
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() > 0, 30000);
        const io::ResultTable& t = view.table();
        QCOMPARE(t.rows.size(), std::size_t(1));
        QCOMPARE(t.rows[0].cells[0].text, std::string("QP000001"));
        // Alpha's anchor is in the QPV: its 12,000 professionals count inside.
        QCOMPARE(t.rows[0].cells[static_cast<std::size_t>(t.column("inside"))].number, 12000.0);
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestInputs17)
#include "test_inputs17.moc"
