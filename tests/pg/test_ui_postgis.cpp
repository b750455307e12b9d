// The main window on a dataset in PostgreSQL (tests/pg/pg_server.sh's server): a read-only role sees Save
// disabled with the reason; a save based on a stale version is refused and the edits are kept to retry.
#include "core/io/gpkg.h"
#include "core/io/postgis.h"
#include "ui/main_window.h"
#include "ui/session.h"

#include "pg/pg_testing.h"
#include "testing.h"
#include "ui/qgis_test_main.h"
#include "ui/ui_fixture.h"

#include <QAction>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace maillage;
using namespace maillage::ui;

class TestUiPostgis : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    //! The six bassins copied into `schema`, readable by the read-only role.
    void publish(const std::string& schema) {
        const std::string gpkg = (m_dir.path() + "/six.gpkg").toStdString();
        io::writeDataset(testing::makeSixBassins(), gpkg);
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
