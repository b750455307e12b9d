// The main window on a dataset in PostgreSQL (tests/pg/pg_server.sh's server): a read-only role sees Save
// disabled with the reason; a save based on a stale version is refused and the edits are kept to retry.
// The dataset opens in QGIS from the database: its project in the schema's qgis_projects, its layers on the
// schema's tables, their default styles in the database's layer_styles.
#include "core/io/gpkg.h"
#include "core/io/postgis.h"
#include "ui/cooperation_editor.h"
#include "ui/database_dialog.h"
#include "ui/main_window.h"
#include "ui/scenario_panel.h"
#include "ui/session.h"
#include "ui/styles/dataset_styles.h"

#include "pg/pg_testing.h"
#include "testing.h"
#include "ui/qgis_test_main.h"
#include "ui/ui_fixture.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsdatasourceuri.h>
#include <qgslayertree.h>
#include <qgsproject.h>
#include <qgssettings.h>
#include <qgsvectorlayer.h>

using namespace maillage;
using namespace maillage::ui;

class TestUiPostgis : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    //! The six bassins copied into `schema`, readable by the read-only role; `styled`: with the results,
    //! styles and project of the GeoPackage (as `maillage import` writes them before the copy).
    void publish(const std::string& schema, bool styled = false) {
        const std::string gpkg = (m_dir.path() + "/six.gpkg").toStdString();
        io::writeDataset(testing::makeSixBassins(), gpkg);
        QString error;
        if (styled)
            QVERIFY2(styles::writeDatasetStyles(QString::fromStdString(gpkg), &error), qPrintable(error));
        io::copyGpkgToPostgis(gpkg, testing::pgLocation(schema));
        QVERIFY(testing::adminSql("GRANT USAGE ON SCHEMA " + schema +
                                  " TO maillage_reader; GRANT SELECT ON ALL "
                                  "TABLES IN SCHEMA " +
                                  schema + " TO maillage_reader"));
    }

    //! A window that opened `location` as File > Open from a database does.
    static std::unique_ptr<MainWindow> windowOn(const std::string& location) {
        auto window = std::make_unique<MainWindow>();
        window->setErrorDialogsEnabled(false);
        QSignalSpy shown(window.get(), &MainWindow::datasetShown);
        window->openDataset(QString::fromStdString(location));
        if (!shown.wait(60000))
            return nullptr;
        return window;
    }

private slots:
    void initTestCase() {
        if (!testing::loadPgServer(MAILLAGE_PG_ENV))
            QSKIP("no PostgreSQL test server (packages postgresql, postgresql-15-postgis-3 not installed?)");
    }

    void qgisOpensTheProjectFromTheSchemaWithTheApplicationsStyles() {
        publish("ui_project", true);
        const QString location = QString::fromStdString(testing::pgLocation("ui_project"));
        QString error;
        QVERIFY2(styles::writePostgisStyles(location, &error), qPrintable(error));
        // Written twice (a second import): one default style per layer, still.
        QVERIFY2(styles::writePostgisStyles(location, &error), qPrintable(error));
        QCOMPARE(testing::adminValue("SELECT count(*) FROM public.layer_styles WHERE f_table_schema = "
                                     "'ui_project' AND f_table_name = 'bassins_de_vie' AND useasdefault"),
                 std::string("1"));
        // What QGIS desktop does with "Open project from PostgreSQL": the URI of its project storage.
        const QString uri =
            QStringLiteral("postgresql://%1@%2:%3?dbname=%4&schema=ui_project&project=maillage")
                .arg(qEnvironmentVariable("MAILLAGE_PG_ADMIN"), qEnvironmentVariable("PGHOST"),
                     qEnvironmentVariable("PGPORT"), qEnvironmentVariable("PGDATABASE"));
        QgsProject project;
        QVERIFY2(project.read(uri), qPrintable(project.error()));
        const QList<QgsLayerTreeLayer*> layers = project.layerTreeRoot()->findLayers();
        // Every styled layer but the GeoPackage's map view of densities (a view of the file, not copied).
        QStringList expected = styles::styledLayers();
        expected.removeAll(QString::fromLatin1(io::kDensityMapView));
        QCOMPARE(layers.size(), expected.size());
        for (QgsLayerTreeLayer* node : layers) {
            auto* layer = qobject_cast<QgsVectorLayer*>(node->layer());
            QVERIFY2(layer && layer->isValid(), qPrintable(node->name()));
            QCOMPARE(layer->providerType(), QStringLiteral("postgres"));
            const QgsDataSourceUri source(layer->source());
            QCOMPARE(source.schema(), QStringLiteral("ui_project"));
            QCOMPARE(source.host(), qEnvironmentVariable("PGHOST")); // written out: not the environment's
            QVERIFY(source.password().isEmpty());
        }
        auto* bassins = qobject_cast<QgsVectorLayer*>(layers.last()->layer());
        QCOMPARE(QgsDataSourceUri(bassins->source()).table(), QStringLiteral("bassins_de_vie"));
        QCOMPARE(bassins->featureCount(), 6);
        auto* renderer = dynamic_cast<QgsCategorizedSymbolRenderer*>(bassins->renderer());
        QVERIFY(renderer);
        QCOMPARE(renderer->classAttribute(), QStringLiteral("pole_type"));
        QCOMPARE(renderer->categories().size(), 5);
        // A layer added from the PostGIS connection by hand (QGIS's browser gives its type and SRID) gets
        // the same style: QGIS's default style for that table and geometry type.
        QgsDataSourceUri browser(QStringLiteral("user='%1'").arg(qEnvironmentVariable("MAILLAGE_PG_ADMIN")));
        browser.setDataSource(QStringLiteral("ui_project"), QStringLiteral("bassins_de_vie"),
                              QStringLiteral("geom"), QString(), QStringLiteral("fid"));
        browser.setWkbType(QgsWkbTypes::MultiPolygon);
        browser.setSrid(QStringLiteral("2154"));
        QgsVectorLayer added(browser.uri(false), QStringLiteral("bv"), QStringLiteral("postgres"));
        QVERIFY(added.isValid());
        auto* addedRenderer = dynamic_cast<QgsCategorizedSymbolRenderer*>(added.renderer());
        QVERIFY(addedRenderer);
        QCOMPARE(addedRenderer->categories().size(), 5);
    }

    void databaseDialogListsTheDatasetsOfASavedQgisConnection() {
        publish("ui_listed");
        // A connection saved in QGIS (Data Source Manager > PostgreSQL), its password saved too.
        QgsSettings settings;
        const QString key = QStringLiteral("PostgreSQL/connections/Équipe ORS/");
        settings.setValue(key + "host", qEnvironmentVariable("PGHOST"));
        settings.setValue(key + "port", qEnvironmentVariable("PGPORT"));
        settings.setValue(key + "database", qEnvironmentVariable("PGDATABASE"));
        settings.setValue(key + "username", qEnvironmentVariable("MAILLAGE_PG_ADMIN"));
        settings.setValue(key + "saveUsername", "true");
        settings.setValue(key + "password", "kept-by-qgis-only");
        settings.setValue(key + "savePassword", "true");
        DatabaseDialog dialog;
        auto* saved = dialog.findChild<QComboBox*>(QStringLiteral("savedConnections"));
        const int index = saved->findText(QStringLiteral("Équipe ORS"));
        QVERIFY(index > 0);
        saved->setCurrentIndex(index);
        const QString connection = dialog.findChild<QLineEdit*>(QStringLiteral("connection"))->text();
        QVERIFY2(connection.contains(qEnvironmentVariable("PGPORT")), qPrintable(connection));
        QVERIFY2(!connection.contains(QStringLiteral("kept-by-qgis-only")), qPrintable(connection));
        dialog.findChild<QPushButton*>(QStringLiteral("listDatasets"))->click();
        auto* datasets = dialog.findChild<QListWidget*>(QStringLiteral("datasets"));
        const auto found = datasets->findItems(QStringLiteral("ui_listed"), Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        datasets->setCurrentItem(found.first());
        dialog.accept();
        const QString location = dialog.location();
        QCOMPARE(location, QStringLiteral("PG:%1 schema=ui_listed").arg(connection));
        QCOMPARE(io::readDataset(location.toStdString()).bassins.size(), std::size_t(6));
        // Typed by hand, a wrong database: a clear message, nothing listed.
        dialog.findChild<QLineEdit*>(QStringLiteral("connection"))->setText(QStringLiteral("dbname=nowhere"));
        dialog.findChild<QPushButton*>(QStringLiteral("listDatasets"))->click();
        QCOMPARE(datasets->count(), 0);
        const QString status = dialog.findChild<QLabel*>(QStringLiteral("status"))->text();
        QVERIFY2(status.contains(QStringLiteral("nowhere")), qPrintable(status));
        settings.remove(QStringLiteral("PostgreSQL/connections/Équipe ORS"));
    }

    void stylesOfADatasetWithoutResultsAreRefusedClearly() {
        publish("ui_bare");
        QString error;
        QVERIFY(!styles::writePostgisStyles(QString::fromStdString(testing::pgLocation("ui_bare")), &error));
        QVERIFY2(error.contains(QStringLiteral("pole_type")) && error.contains(QStringLiteral("ui_bare")),
                 qPrintable(error));
    }

    void readOnlyRoleSeesSaveDisabledWithTheReason() {
        publish("ui_shared");
        auto reader = windowOn(testing::pgLocation("ui_shared", "MAILLAGE_PG_READER"));
        QVERIFY(reader);
        QCOMPARE(reader->session()->dataset().bassins.size(), std::size_t(6));
        auto* save = reader->findChild<QAction*>(QStringLiteral("saveParameters"));
        QVERIFY(save);
        QVERIFY(!save->isEnabled());
        QVERIFY2(save->toolTip().contains(QStringLiteral("maillage_reader")), qPrintable(save->toolTip()));
        auto admin = windowOn(testing::pgLocation("ui_shared"));
        QVERIFY(admin);
        QVERIFY(admin->findChild<QAction*>(QStringLiteral("saveParameters"))->isEnabled());
    }

    void cooperationEditorSavesOnlyItsRowsAndRefusesAStaleSave() {
        publish("ui_coops");
        const std::string location = testing::pgLocation("ui_coops");
        auto window = windowOn(location);
        QVERIFY(window);
        window->findChild<QAction*>(QStringLiteral("cooperations"))->trigger();
        auto* editor = window->findChild<CooperationEditor*>();
        QVERIFY(editor);
        QString error;
        QVERIFY2(editor->addCooperation({"CPTS Alpha-Beta", "CPTS", {"00001", "00002"}}, &error),
                 qPrintable(error));
        QVERIFY2(editor->save(&error), qPrintable(error));
        QCOMPARE(io::readDataset(location).cooperations.size(), std::size_t(1));
        // Saved twice from the same editor: based on its own last save, not stale.
        QVERIFY(editor->addCooperation({"GHT Gamma", "GHT", {"00003"}}, &error));
        QVERIFY2(editor->save(&error), qPrintable(error));
        // Another analyst saves the cooperations: this editor's next save is refused, its edits kept.
        io::savePostgisCooperations(location, {}, io::postgisSaveStamp(location, "cooperations").version);
        QVERIFY(editor->addCooperation({"MSP Delta", "MSP", {"00004"}}, &error));
        QVERIFY(!editor->save(&error));
        QVERIFY2(error.contains(QStringLiteral("maillage_admin")), qPrintable(error));
        QVERIFY(editor->isModified());
        QCOMPARE(editor->cooperations().size(), std::size_t(3));
        QVERIFY(io::readDataset(location).cooperations.empty());
        // A window opened since saves through, and the parameters' version did not move.
        const long long parameters = io::postgisSaveStamp(location, "parameters").version;
        auto again = windowOn(location);
        QVERIFY(again);
        again->findChild<QAction*>(QStringLiteral("cooperations"))->trigger();
        auto* fresh = again->findChild<CooperationEditor*>();
        QVERIFY(fresh->addCooperation({"MSP Delta", "MSP", {"00004"}}, &error));
        QVERIFY2(fresh->save(&error), qPrintable(error));
        QCOMPARE(io::readDataset(location).cooperations.size(), std::size_t(1));
        QCOMPARE(io::postgisSaveStamp(location, "parameters").version, parameters);
    }

    void scenarioPanelSavesOnlyItsRowsAndRefusesAStaleSave() {
        publish("ui_scen");
        const std::string location = testing::pgLocation("ui_scen");
        auto window = windowOn(location);
        QVERIFY(window);
        auto* panel = window->findChild<ScenarioPanel*>();
        QVERIFY(panel);
        QVERIFY(panel->newScenario(QStringLiteral("Fermeture")));
        model::ScenarioChange close;
        close.kind = model::ScenarioChangeKind::Remove;
        close.profession = "medecin_generaliste";
        close.place = "00001";
        close.count = 1;
        panel->addChange(close);
        QCOMPARE(panel->save(), QString()); // it was refused on a database before
        QCOMPARE(io::readDataset(location).scenarios.size(), std::size_t(1));
        QVERIFY(panel->newScenario(QStringLiteral("Deuxième"))); // based on its own last save: not stale
        QCOMPARE(panel->save(), QString());
        const long long parameters = io::postgisSaveStamp(location, "parameters").version;
        // Another analyst saves the scenarios: this panel's next save is refused naming who, edits kept.
        io::savePostgisScenarios(location, {}, io::postgisSaveStamp(location, "scenarios").version);
        QVERIFY(panel->newScenario(QStringLiteral("Troisième")));
        const QString error = panel->save();
        QVERIFY2(error.contains(QStringLiteral("maillage_admin")), qPrintable(error));
        QCOMPARE(panel->scenarios().size(), std::size_t(3));
        QVERIFY(io::readDataset(location).scenarios.empty());
        QCOMPARE(io::postgisSaveStamp(location, "parameters").version, parameters);
    }

    void staleSaveIsRefusedAndTheEditsAreKept() {
        publish("ui_stale");
        const std::string location = testing::pgLocation("ui_stale");
        auto window = windowOn(location);
        QVERIFY(window);
        // Another analyst saves after this window opened the dataset.
        model::Parameters theirs = window->session()->parameters();
        theirs.poles.grandPoleMin = 3200;
        io::savePostgisParameters(location, theirs, io::postgisSaveStamp(location, "parameters").version);
        model::Parameters mine = window->session()->parameters();
        mine.poles.grandPoleMin = 3500;
        window->session()->setParameters(mine);
        window->setUnsavedParametersPrompt([](const QString&, bool) { return QMessageBox::Save; });
        QVERIFY(!window->maybeSaveParameters()); // refused: the dataset stays open
        QVERIFY(window->parametersModified());
        QCOMPARE(window->session()->parameters().poles.grandPoleMin, 3500.0);
        QCOMPARE(io::readDataset(location).params.poles.grandPoleMin, 3200.0);
        // Reopened, the save goes through.
        auto again = windowOn(location);
        QVERIFY(again);
        again->session()->setParameters(mine);
        again->setUnsavedParametersPrompt([](const QString&, bool) { return QMessageBox::Save; });
        QVERIFY(again->maybeSaveParameters());
        QCOMPARE(io::readDataset(location).params.poles.grandPoleMin, 3500.0);
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestUiPostgis)
#include "test_ui_postgis.moc"
