// The main window on the demo dataset: layers and legend, recolouring on a parameter change, place search,
// clicking the map, the parameters dialog; the interface language.
#include "core/analysis/crunch.h"
#include "core/io/gpkg.h"
#include "ui/app_settings.h"
#include "ui/dialogs.h"
#include "ui/i18n.h"
#include "ui/import_wizard.h"
#include "ui/layer_roles.h"
#include "ui/main_window.h"
#include "ui/map_layers.h"
#include "ui/panels/panel_table.h"
#include "ui/session.h"
#include "ui/styles/pole_name_placement.h"

#include "testing.h"
#include "ui/qgis_test_main.h"
#include "ui/ui_fixture.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>
#include <QWizard>

#include <array>

#include <qgscategorizedsymbolrenderer.h>
#include <qgshighlight.h>
#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayertreemodellegendnode.h>
#include <qgslayertreeview.h>
#include <qgsmapcanvas.h>
#include <qgsmaprendererparalleljob.h>
#include <qgsproject.h>
#include <qgstaskmanager.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

using namespace maillage;
using namespace maillage::ui;

namespace {

using Counts = std::array<int, analysis::kPoleTypeCount>;

Counts countsOf(const Session& session) {
    Counts c{};
    for (const auto& p : session.poles())
        ++c[static_cast<std::size_t>(p.type)];
    return c;
}

//! Counts read from the legend of the window's own layer tree view, as the user reads them.
Counts legendCounts(MainWindow& window) {
    auto* view = window.findChild<QgsLayerTreeView*>();
    QgsVectorLayer* bassins = window.layers()->bassins();
    QgsLayerTreeLayer* node = window.project()->layerTreeRoot()->findLayer(bassins);
    const auto* renderer = dynamic_cast<const QgsCategorizedSymbolRenderer*>(bassins->renderer());
    Counts c{};
    if (!view || !node || !renderer)
        return c;
    const QList<QgsLayerTreeModelLegendNode*> nodes = view->layerTreeModel()->layerLegendNodes(node);
    for (int i = 0; i < nodes.size() && i < renderer->categories().size(); ++i) {
        QString digits = nodes.at(i)->data(Qt::DisplayRole).toString().section(QStringLiteral(" — "), -1);
        digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
        c[static_cast<std::size_t>(renderer->categories().at(i).value().toInt())] = digits.toInt();
    }
    return c;
}

QString menuTitle(MainWindow& window, int index) {
    return window.menuBar()->actions().value(index)->text();
}

//! The six bassins written as a GeoPackage in `dir`; its path.
QString writeSixBassins(const QTemporaryDir& dir, const QString& name = QStringLiteral("six.gpkg")) {
    const QString path = dir.filePath(name);
    io::writeDataset(testing::makeSixBassins(), path.toStdString());
    return path;
}

//! A window showing the dataset of `path` as File > Open does, with the prompt answering `answer`.
std::unique_ptr<MainWindow> windowOn(const QString& path, QMessageBox::StandardButton answer, int* asked) {
    auto window = std::make_unique<MainWindow>();
    window->setUnsavedParametersPrompt([answer, asked](const QString&, bool) {
        ++*asked;
        return answer;
    });
    window->showDataset(io::readDataset(path.toStdString()), path);
    return window;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void demoOpensWithLayersAndLegend();
    void parameterChangeRecoloursAtOnce();
    void panelsOutOfSightFollowAParameterChangeWhenShown();
    void parametersDialogApplies();
    void searchGoesToPlaceIgnoringAccents();
    void clickSelectsBassin();
    void renderTimeOfDemo();
    void menusFollowLanguage();
    void importWizardPreviewsJoins();
    void openFailureIsSignalledWithoutDialogInBatchMode();
    void datasetWithoutGeometrySaysSoOnTheMap();
    void quittingWithUnsavedParametersAsks();
    void openingAnotherDatasetWithUnsavedParametersAsks();
    void parametersDialogKeepsEveryParameter();
    void parametersDialogEditsTheAccessibilityParameters();
    void datasetDefaultsOverlayTheImportChoices();
    void restoreDefaultsSaysWhatChangesAndKeepsDatasetDefaults();
    void parametersDialogOfTheWindowRestoresTheDatasetDefaults();
    void languageChosenIsLoadedAtNextStart();
    void qtAndQgisStringsFollowTheLanguage();
    void settingsWrittenInTheQgisProfileAreImportedOnce();
    void recentDatasetsAreCanonicalDeduplicatedAndPruned();
    void readOnlyDatasetCannotBeSaved();
    void layersDockFitsTheLegendDespiteANarrowSavedLayout();
    void longStatusMessageIsNotCoveredByTheBadge();
    void userGuideFollowsRelativeLinksAndShowsImages();
    void userGuideEmbedsTheDocsFolder();
    void aboutNamesTheDatasetFile();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase() {
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->openDemo();
    QVERIFY(m_window->session()->hasDataset());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->canvas()->layers().isEmpty(), 5000);
}

void TestMainWindow::cleanupTestCase() {
    m_window.reset();
}

void TestMainWindow::demoOpensWithLayersAndLegend() {
    QgsProject* project = m_window->project();
    QgsVectorLayer* bassins = findLayerByRole(project, QString::fromLatin1(role::Bassins));
    QgsVectorLayer* communes = findLayerByRole(project, QString::fromLatin1(role::Communes));
    QgsVectorLayer* departements = findLayerByRole(project, QString::fromLatin1(role::Departements));
    QVERIFY(bassins && communes && departements);
    QCOMPARE(bassins->name(), QStringLiteral("Bassins de vie"));
    QCOMPARE(communes->name(), QStringLiteral("Communes"));
    QCOMPARE(departements->name(), QStringLiteral("Départements"));
    const model::Dataset& demo = m_window->session()->dataset();
    QCOMPARE(bassins->featureCount(), static_cast<long long>(demo.bassins.size()));
    QCOMPARE(communes->featureCount(), static_cast<long long>(demo.communes.size()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->layers()->departementsReady(), 15000);
    QCOMPARE(departements->featureCount(), static_cast<long long>(demo.departementNames.size()));
    QCOMPARE(m_window->canvas()->mapSettings().destinationCrs().authid(), QStringLiteral("EPSG:2154"));
    // The communes' spatial index comes when the map is zoomed in enough to draw them, not at the opening.
    const auto indexed = [communes] {
        return communes->dataProvider()->hasSpatialIndex() == QgsFeatureSource::SpatialIndexPresent;
    };
    QVERIFY(!indexed());
    const double scale = m_window->canvas()->scale();
    m_window->canvas()->zoomScale(communes->minimumScale() / 2);
    QVERIFY(indexed());
    m_window->canvas()->zoomScale(scale);

    // Legend counts = the session's classification; every type is present in the demo.
    const Counts expected = countsOf(*m_window->session());
    QCOMPARE(legendCounts(*m_window), expected);
    for (int t = 1; t < analysis::kPoleTypeCount; ++t)
        QVERIFY2(expected[static_cast<std::size_t>(t)] > 0, qPrintable(QString::number(t)));

    // The demo says it is fictional.
    QVERIFY(demo.meta.fictional);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("données fictives")));
    bool badge = false;
    for (QLabel* label : m_window->findChildren<QLabel*>())
        badge = badge || (label->isVisible() && label->text() == QStringLiteral("Données fictives"));
    QVERIFY(badge);
}

void TestMainWindow::parameterChangeRecoloursAtOnce() {
    Session* session = m_window->session();
    MapLayers* layers = m_window->layers();
    const model::Dataset& demo = session->dataset();
    // A grand pôle of the demo, and a threshold just above its mass.
    QString code;
    double total = 0;
    for (std::size_t i = 0; i < session->poles().size(); ++i) {
        if (session->poles()[i].type == analysis::PoleType::GrandPole) {
            code = QString::fromStdString(demo.bassins[i].code);
            total = session->poles()[i].total;
            break;
        }
    }
    QVERIFY(!code.isEmpty());
    auto typeOnMap = [&] {
        return layers->bassins()
            ->getFeature(layers->featureId(FeatureKind::Bassin, code))
            .attribute(QStringLiteral("pole_type"))
            .toInt();
    };
    QCOMPARE(typeOnMap(), 2);
    const model::Parameters before = session->parameters();
    model::Parameters p = before;
    p.poles.grandPoleMin = total + 1;
    QElapsedTimer timer;
    timer.start();
    session->setParameters(p);
    const qint64 ms = timer.elapsed();
    qInfo("demo: recomputation after a parameter change %lld ms", static_cast<long long>(ms));
    QVERIFY(typeOnMap() != 2);
    QCOMPARE(typeOnMap(), static_cast<int>(session->pole(code)->type));
    QCOMPARE(legendCounts(*m_window), countsOf(*session));
    session->setParameters(before);
    QCOMPARE(typeOnMap(), 2);
    QCOMPARE(legendCounts(*m_window), countsOf(*session));
}

void TestMainWindow::panelsOutOfSightFollowAParameterChangeWhenShown() {
    // Issue 10: after a parameter change, the panels out of sight (a dock tabbed behind another, a tab
    // behind another) wait to be shown; shown, they give the current results.
    Session* session = m_window->session();
    auto* polesDock = m_window->findChild<QDockWidget*>(QStringLiteral("dockPoles"));
    auto* maillageDock = m_window->findChild<QDockWidget*>(QStringLiteral("dockMaillage"));
    QVERIFY(polesDock && maillageDock);
    auto* tabs = polesDock->findChild<QTabWidget*>();
    auto* links = maillageDock->findChild<QTableView*>(QStringLiteral("linksTable"));
    auto* poles = polesDock->findChild<QTableView*>(QStringLiteral("polesTable"));
    auto* grands = polesDock->findChild<QLabel*>(QStringLiteral("crunchCount2"));
    QVERIFY(tabs && links && poles && grands);
    auto idle = [] { return QgsApplication::taskManager()->countActiveTasks() == 0; };
    auto grandsOf = [&] {
        int n = 0;
        for (const auto& p : session->poles())
            n += p.type == analysis::PoleType::GrandPole ? 1 : 0;
        return n;
    };
    auto grandsListed = [&] {
        int n = 0;
        for (int r = 0; r < poles->model()->rowCount(); ++r)
            n += poles->model()->index(r, 0).data(panel::FirstOwnRole).toInt() ==
                         static_cast<int>(analysis::PoleType::GrandPole)
                     ? 1
                     : 0;
        return n;
    };
    const model::Parameters before = session->parameters();
    const int grandsBefore = grandsOf();
    const std::size_t linksBefore = session->maillage().links.size();
    maillageDock->raise();
    QTRY_COMPARE(links->model()->rowCount(), static_cast<int>(linksBefore));
    // The Pôles tab in front: the Maillage dock (tabbed behind) and the Crunch tab are out of sight.
    polesDock->raise();
    tabs->setCurrentIndex(0);
    QTRY_VERIFY(idle());
    QCoreApplication::processEvents();
    QCOMPARE(grandsListed(), grandsBefore);
    QSignalSpy linksReset(links->model(), &QAbstractItemModel::modelReset);
    model::Parameters p = before;
    p.poles.grandPoleMin = before.poles.grandPoleMin / 3; // more grands pôles, more links
    session->setParameters(p);
    QTRY_VERIFY(idle());
    QCoreApplication::processEvents();
    const std::size_t linksAfter = session->maillage().links.size();
    QVERIFY(linksAfter != linksBefore);
    QVERIFY(grandsOf() != grandsBefore);
    QTRY_COMPARE(grandsListed(), grandsOf()); // the table in sight follows (its rows from a worker)
    QCOMPARE(linksReset.count(), 0);          // the one behind the Pôles dock waits
    QCOMPARE(links->model()->rowCount(), static_cast<int>(linksBefore));
    maillageDock->raise();
    QTRY_COMPARE(links->model()->rowCount(), static_cast<int>(linksAfter));
    // The Crunch tab, out of sight during the change, diagnoses the new classification once shown.
    polesDock->raise();
    tabs->setCurrentIndex(1);
    const analysis::CrunchDiagnostics expected =
        analysis::diagnoseCrunch(session->dataset(), {}, session->parameters().poles,
                                 session->parameters().crunch, session->vintage(), 0);
    QCOMPARE(expected.polesByType[2], grandsOf());
    QTRY_COMPARE(grands->text(), QString::number(grandsOf()));
    // The Pôles table, behind the Maillage dock when the parameters return, lists them once shown.
    tabs->setCurrentIndex(0);
    maillageDock->raise();
    QCoreApplication::processEvents();
    QSignalSpy polesReset(poles->model(), &QAbstractItemModel::modelReset);
    session->setParameters(before);
    QTRY_VERIFY(idle());
    QCoreApplication::processEvents();
    QCOMPARE(polesReset.count(), 0);
    QVERIFY(grandsListed() != grandsBefore);
    polesDock->raise();
    QTRY_COMPARE(grandsListed(), grandsBefore);
}

void TestMainWindow::parametersDialogApplies() {
    Session* session = m_window->session();
    const model::Parameters before = session->parameters();
    ParametersDialog dialog(before, false);
    connect(&dialog, &ParametersDialog::applyRequested, session, &Session::setParameters);
    auto* spin = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("metropoleMin"));
    QVERIFY(spin);
    QCOMPARE(spin->value(), before.poles.metropoleMin);
    spin->setValue(20000);
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    buttons->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(session->parameters().poles.metropoleMin, 20000.0);
    // An invalid combination stays in the dialog with a message, and is not applied.
    spin->setValue(100); // below the grand pôle threshold
    buttons->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(session->parameters().poles.metropoleMin, 20000.0);
    session->setParameters(before);
}

void TestMainWindow::searchGoesToPlaceIgnoringAccents() {
    Session* session = m_window->session();
    const model::Dataset& demo = session->dataset();
    // A BV whose name has an accent, typed without it.
    const model::Bassin* target = nullptr;
    for (const model::Bassin& b : demo.bassins) {
        if (QString::fromStdString(b.name).contains(QRegularExpression(QStringLiteral("[éèêô]")))) {
            target = &b;
            break;
        }
    }
    QVERIFY(target);
    QString typed = QString::fromStdString(target->name);
    typed.replace(QChar(0xE9), QLatin1Char('e')).replace(QChar(0xE8), QLatin1Char('e'));
    typed.replace(QChar(0xEA), QLatin1Char('e')).replace(QChar(0xF4), QLatin1Char('o'));
    auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("placeSearch"));
    QVERIFY(search);
    search->setFocus();
    search->clear();
    QTest::keyClicks(search, typed.toUpper());
    QTest::keyClick(search, Qt::Key_Return);
    QTest::keyClick(search, Qt::Key_Return); // the first closes the pop-up when it had the focus
    QTRY_COMPARE(session->selectedBassins(), QStringList{QString::fromStdString(target->code)});
    const QgsRectangle extent =
        m_window->layers()->extentOf(FeatureKind::Bassin, QString::fromStdString(target->code));
    QVERIFY(m_window->canvas()->extent().contains(extent));
    QVERIFY(m_window->canvas()->extent().width() < 3 * extent.width() + 1);
    m_window->zoomToFull();
}

void TestMainWindow::clickSelectsBassin() {
    Session* session = m_window->session();
    session->selectBassins({});
    QgsMapCanvas* canvas = m_window->canvas();
    m_window->zoomToFull();
    // The anchor of the metropolis, on screen.
    const analysis::PoleClassification* metropolis = nullptr;
    for (const auto& p : session->poles())
        if (p.type == analysis::PoleType::GrandeMetropole)
            metropolis = &p;
    QVERIFY(metropolis);
    const model::Bassin* b = session->dataset().bassin(metropolis->bv);
    const QgsPointXY pixel =
        canvas->getCoordinateTransform()->transform(QgsPointXY(b->anchor.x, b->anchor.y));
    QTest::mouseClick(canvas->viewport(), Qt::LeftButton, Qt::NoModifier,
                      QPoint(static_cast<int>(pixel.x()), static_cast<int>(pixel.y())));
    QTRY_COMPARE(session->selectedBassins(), QStringList{QString::fromStdString(metropolis->bv)});
    QCOMPARE(m_window->layers()->bassins()->selectedFeatureCount(), 1);
    // Drawn as an outline over the pôle colour, not as QGIS's selection fill.
    QVERIFY(!canvas->mapSettings().testFlag(Qgis::MapSettingsFlag::DrawSelection));
    auto highlights = [canvas] {
        int n = 0;
        for (QGraphicsItem* item : canvas->scene()->items())
            n += dynamic_cast<QgsHighlight*>(item) ? 1 : 0;
        return n;
    };
    // In the map's selection layer, under the labels, not as canvas items over them.
    QCOMPARE(highlights(), 0);
    QCOMPARE(m_window->layers()->selection()->featureCount(), 1LL);
    session->selectBassins({});
    QCOMPARE(m_window->layers()->selection()->featureCount(), 0LL);
}

void TestMainWindow::renderTimeOfDemo() {
    QgsMapSettings settings = m_window->canvas()->mapSettings();
    settings.setOutputSize(QSize(1600, 1200));
    QgsRectangle extent = m_window->layers()->fullExtent();
    extent.scale(1.04);
    settings.setExtent(extent);
    ui::placeLargePoleNames(settings); // as an export draws them: by QGIS's labels
    qint64 best = -1;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        QgsMapRendererParallelJob job(settings);
        job.start();
        job.waitForFinished();
        const qint64 ms = timer.elapsed();
        best = best < 0 ? ms : std::min(best, ms);
        QVERIFY(!job.renderedImage().isNull());
    }
    qInfo("demo: map rendered at 1600x1200 in %lld ms (%d layers)", static_cast<long long>(best),
          static_cast<int>(settings.layers().size()));
}

void TestMainWindow::menusFollowLanguage() {
    // French by default (the test main installs it, as the application does).
    QCOMPARE(menuTitle(*m_window, 0), QStringLiteral("&Fichier"));
    QCOMPARE(menuTitle(*m_window, 1), QStringLiteral("&Affichage"));
    QVERIFY(i18n::installTranslators(QStringLiteral("en")));
    {
        MainWindow english;
        QCOMPARE(menuTitle(english, 0), QStringLiteral("&File"));
        QCOMPARE(menuTitle(english, 1), QStringLiteral("&View"));
    }
    QVERIFY(i18n::installTranslators(QStringLiteral("fr")));
    MainWindow french;
    QCOMPARE(menuTitle(french, 0), QStringLiteral("&Fichier"));
    QCOMPARE(i18n::resolveLanguage(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(i18n::resolveLanguage(QStringLiteral("fr")), QStringLiteral("fr"));
}

void TestMainWindow::importWizardPreviewsJoins() {
    MAILLAGE_REQUIRE_SHARED("communes/communes_59_nord_cog2018.geojson");
    MAILLAGE_REQUIRE_SHARED("bassins_de_vie/commune_bv2012_cog2016.csv");
    MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");
    // Polygons of COG 2018 with a BV table of COG 2016 and BPE of COG 2014: what is carried and cut is shown.
    io::ImportOptions options;
    options.communesPath = testing::sharedPath("communes/communes_59_nord_cog2018.geojson").toStdString();
    options.bassinsPath = testing::sharedPath("bassins_de_vie/commune_bv2012_cog2016.csv").toStdString();
    options.bvColumn = "BV2012";
    io::ProfessionalsSource bpe;
    bpe.path = testing::sharedPath("professionals/bpe2013_sante_par_commune.csv").toStdString();
    bpe.vintage = 2013;
    options.professionals.push_back(bpe);
    options.title = "Nord";
    options.sources = {"INSEE, BPE 2013"};
    options.polygons.codeField = "code";
    options.polygons.nameField = "nom";

    QTemporaryDir dir;
    ImportWizard wizard;
    wizard.setOptions(options);
    wizard.setOutputPath(dir.filePath(QStringLiteral("nord.gpkg")));
    QCOMPARE(wizard.options().communesPath, options.communesPath);
    QCOMPARE(wizard.options().professionals.size(), std::size_t{1});
    QCOMPARE(wizard.options().professionals.front().vintage, 2013);
    wizard.show();
    const QList<int> pages = wizard.pageIds();
    while (wizard.currentId() != pages.back()) {
        const int before = wizard.currentId();
        wizard.next(); // the last page runs the import in a QgsTask
        QVERIFY2(wizard.currentId() != before, qPrintable(QStringLiteral("stuck on page %1").arg(before)));
    }
    QTRY_VERIFY_WITH_TIMEOUT(wizard.imported(), 120000);
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    const QString report = wizard.reportHtml();
    // The communes merged since COG 2014 are carried to COG 2018 by the shipped passage tables, and the
    // report says how many (they were unmatched before the COG history).
    QVERIFY2(report.contains(QStringLiteral("235 codes reportés du COG 2014 au COG 2018")),
             qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("bassins de vie débordent de la zone")), qPrintable(report));
    const model::Dataset dataset = wizard.takeDataset();
    QVERIFY(dataset.communes.size() > 600);
    QVERIFY(dataset.bassins.size() > 30);
    QCOMPARE(dataset.meta.title, std::string("Nord"));
}

void TestMainWindow::openFailureIsSignalledWithoutDialogInBatchMode() {
    // A file that is no GeoPackage: in batch runs (--screenshot, --export) the failure must come as a
    // signal, not as a modal box that nobody will click.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not-a-dataset.gpkg"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello, not a GeoPackage\n");
    file.close();
    MainWindow window;
    window.setErrorDialogsEnabled(false);
    QSignalSpy failed(&window, &MainWindow::datasetFailed);
    window.openDataset(path);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("not-a-dataset.gpkg")));
    QVERIFY(!window.session()->hasDataset());
    window.openDataset(dir.filePath(QStringLiteral("missing.gpkg")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 10000);
}

void TestMainWindow::datasetWithoutGeometrySaysSoOnTheMap() {
    model::Dataset dataset = testing::makeSixBassins();
    for (model::Commune& c : dataset.communes)
        c.geometry.clear();
    for (model::Bassin& b : dataset.bassins)
        b.geometry.clear();
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* note = window.findChild<QLabel*>(QStringLiteral("emptyMapNote"));
    QVERIFY(note);
    QVERIFY(!note->isVisible());
    window.showDataset(std::move(dataset), QString());
    QVERIFY(note->isVisible());
    QVERIFY(!note->text().isEmpty());
    QCOMPARE(window.session()->poles().size(), std::size_t(6)); // the panels have their figures
    window.showDataset(testing::makeSixBassins(), QString());
    QVERIFY(!note->isVisible());
}

void TestMainWindow::quittingWithUnsavedParametersAsks() {
    QTemporaryDir dir;
    const QString path = writeSixBassins(dir);
    int asked = 0;
    auto window = windowOn(path, QMessageBox::Cancel, &asked);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(!window->isWindowModified());
    QVERIFY(window->windowTitle().contains(QStringLiteral("[*]")));

    model::Parameters p = window->session()->parameters();
    p.poles.grandPoleMin = 3500;
    window->session()->setParameters(p);
    QVERIFY(window->parametersModified());
    QVERIFY(window->isWindowModified());

    // Cancel: the window stays.
    QVERIFY(!window->close());
    QCOMPARE(asked, 1);
    QVERIFY(window->isVisible());

    // Save: written into the file, then the window closes.
    window->setUnsavedParametersPrompt([&asked](const QString& text, bool canSave) {
        ++asked;
        return text.contains(QStringLiteral("six.gpkg")) && canSave ? QMessageBox::Save : QMessageBox::Cancel;
    });
    QVERIFY(window->close());
    QCOMPARE(asked, 2);
    QCOMPARE(io::readDataset(path.toStdString()).params.poles.grandPoleMin, 3500.0);
    QVERIFY(!window->isWindowModified());

    // Nothing modified: no question.
    auto again = windowOn(path, QMessageBox::Cancel, &asked);
    again->show();
    QVERIFY(again->close());
    QCOMPARE(asked, 2);
}

void TestMainWindow::openingAnotherDatasetWithUnsavedParametersAsks() {
    QTemporaryDir dir;
    const QString path = writeSixBassins(dir);
    int asked = 0;
    auto window = windowOn(path, QMessageBox::Cancel, &asked);
    model::Parameters p = window->session()->parameters();
    p.poles.massScale = 0.5;
    window->session()->setParameters(p);
    window->openDemo(); // canceled: the dataset stays, with its parameters
    QCOMPARE(asked, 1);
    QCOMPARE(window->session()->path(), path);
    QCOMPARE(window->session()->parameters().poles.massScale, 0.5);

    window->setUnsavedParametersPrompt([&asked](const QString&, bool) {
        ++asked;
        return QMessageBox::Discard;
    });
    window->openDemo();
    QCOMPARE(asked, 2);
    QVERIFY(window->session()->path().isEmpty());
    QCOMPARE(io::readDataset(path.toStdString()).params.poles.massScale, 1.0); // discarded, not written
}

void TestMainWindow::parametersDialogKeepsEveryParameter() {
    // The three parameters that had no widget were reset to their defaults by Apply.
    model::Parameters given;
    given.crunch.macrocephalyPrimacy = 7;
    given.crunch.nearLargePoleKm = 40;
    given.maillage.fallbackSpeedKmh = 70;
    given.poles.massScale = 0.25;
    ParametersDialog dialog(given, false);
    QList<model::Parameters> applied;
    connect(&dialog, &ParametersDialog::applyRequested, this,
            [&applied](const model::Parameters& p) { applied.append(p); });
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(applied.size(), 1);
    QVERIFY(applied.first().toKeyValues() == given.toKeyValues());
    // ... and they can be edited.
    auto* primacy = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("macrocephalyPrimacy"));
    auto* radius = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("nearLargePoleKm"));
    auto* speed = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("fallbackSpeed"));
    QVERIFY(primacy && radius && speed);
    QCOMPARE(primacy->value(), 7.0);
    primacy->setValue(12);
    radius->setValue(25);
    speed->setValue(60);
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(applied.last().crunch.macrocephalyPrimacy, 12.0);
    QCOMPARE(applied.last().crunch.nearLargePoleKm, 25.0);
    QCOMPARE(applied.last().maillage.fallbackSpeedKmh, 60.0);
    QCOMPARE(applied.last().poles.massScale, 0.25);
}

void TestMainWindow::parametersDialogEditsTheAccessibilityParameters() {
    // Untouched, the access keys stay unset (each profession group keeps its defaults); a saved key is kept.
    model::Parameters given;
    given.access["access.straight_line_speed_kmh"] = 45;
    ParametersDialog dialog(given, false);
    QList<model::Parameters> applied;
    connect(&dialog, &ParametersDialog::applyRequested, this,
            [&applied](const model::Parameters& p) { applied.append(p); });
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(applied.size(), 1);
    QVERIFY(applied.first().access == given.access);
    auto* method = dialog.findChild<QComboBox*>(QStringLiteral("accessMethod"));
    auto* catchment = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("accessCatchment"));
    auto* speed = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("accessSpeed"));
    QVERIFY(method && catchment && speed);
    QCOMPARE(speed->value(), 45.0);
    QCOMPARE(catchment->value(), 20.0);
    method->setCurrentIndex(method->findData(static_cast<int>(model::AccessMethod::Binary)));
    catchment->setValue(30);
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
    const model::AccessParameters gp = applied.last().accessFor(model::ProfessionGroup::Proximite);
    QCOMPARE(gp.method, model::AccessMethod::Binary);
    QCOMPARE(gp.catchmentMinutes, 30.0);
    QCOMPARE(gp.straightLineSpeedKmh, 45.0);
    QVERIFY(applied.last().access.count("access.decay_minutes") == 0);
}

void TestMainWindow::datasetDefaultsOverlayTheImportChoices() {
    model::Metadata meta;
    QVERIFY(datasetDefaults(meta).toKeyValues() == model::Parameters().toKeyValues());
    meta.extra["defaults.poles.mass_scale"] = "0.25";
    meta.extra["defaults.maillage.beta"] = "not a number";
    meta.extra["defaults.no.such_key"] = "3";
    meta.extra["defaults.density.catchment_km"] = "-4"; // out of its domain
    meta.extra["source_note"] = "7";
    const model::Parameters d = datasetDefaults(meta);
    model::Parameters expected;
    expected.poles.massScale = 0.25;
    QVERIFY(d.toKeyValues() == expected.toKeyValues());
}

void TestMainWindow::restoreDefaultsSaysWhatChangesAndKeepsDatasetDefaults() {
    model::Metadata meta;
    meta.extra["defaults.poles.mass_scale"] = "0.25"; // a BPE import
    model::Parameters current = datasetDefaults(meta);
    current.poles.metropoleMin = 20000;
    ParametersDialog dialog(current, false);
    dialog.setDefaults(datasetDefaults(meta));
    QString asked;
    bool answer = false;
    dialog.setConfirmation([&](const QString&, const QString& text) {
        asked = text;
        return answer;
    });
    auto* metropole = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("metropoleMin"));
    auto* scale = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("massScale"));

    // Declined: nothing changes.
    QVERIFY(!dialog.restoreDefaults());
    QVERIFY2(asked.contains(QStringLiteral("Pôle de grande métropole")), qPrintable(asked));
    QVERIFY2(asked.contains(QStringLiteral("→")), qPrintable(asked));
    QVERIFY2(!asked.contains(QStringLiteral("Échelle")) && !asked.contains(QStringLiteral("Mass scale")),
             qPrintable(asked));
    QCOMPARE(metropole->value(), 20000.0);

    // Accepted: the dataset's defaults, mass scale 0.25 kept.
    answer = true;
    QVERIFY(dialog.restoreDefaults());
    QCOMPARE(metropole->value(), 10000.0);
    QCOMPARE(scale->value(), 0.25);
    // The restore-defaults button of the dialog does the same.
    metropole->setValue(15000);
    asked.clear();
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::RestoreDefaults)->click();
    QVERIFY(!asked.isEmpty());
    QCOMPARE(metropole->value(), 10000.0);
    QCOMPARE(scale->value(), 0.25);
    // Nothing to restore: no question, and the dialog says so.
    asked.clear();
    QVERIFY(!dialog.restoreDefaults());
    QVERIFY(asked.isEmpty());
    auto* note = dialog.findChild<QLabel*>(QStringLiteral("parametersNote"));
    QVERIFY(note && !note->isHidden() && !note->text().isEmpty());
}

void TestMainWindow::parametersDialogOfTheWindowRestoresTheDatasetDefaults() {
    // A BPE import recorded its mass scale as the dataset's default; the file keeps it.
    QTemporaryDir dir;
    model::Dataset dataset = testing::makeSixBassins();
    dataset.meta.extra["defaults.poles.mass_scale"] = "0.25";
    dataset.params.poles.massScale = 0.25;
    dataset.params.poles.grandPoleMin = 3500;
    const QString path = dir.filePath(QStringLiteral("bpe.gpkg"));
    io::writeDataset(dataset, path.toStdString());
    int asked = 0;
    auto window = windowOn(path, QMessageBox::Discard, &asked);
    double scale = 0, grandPole = 0;
    QTimer::singleShot(0, window.get(), [&] {
        auto* dialog = window->findChild<ParametersDialog*>();
        QVERIFY(dialog);
        dialog->setConfirmation([](const QString&, const QString&) { return true; });
        QVERIFY(dialog->restoreDefaults());
        scale = dialog->findChild<QDoubleSpinBox*>(QStringLiteral("massScale"))->value();
        grandPole = dialog->findChild<QDoubleSpinBox*>(QStringLiteral("grandPoleMin"))->value();
        dialog->reject();
    });
    window->findChild<QAction*>(QStringLiteral("parameters"))->trigger();
    QCOMPARE(scale, 0.25);
    QCOMPARE(grandPole, 3000.0);
}

void TestMainWindow::languageChosenIsLoadedAtNextStart() {
    // QGIS's initQgis() moves QSettings' default file into its profile folder: the language is read at
    // start-up before initQgis() and written by the parameters dialog after it. Both must be one file.
    const QSettings::Format format = QSettings::defaultFormat();
    QTemporaryDir profile;
    QSettings::setDefaultFormat(QSettings::NativeFormat); // as before initQgis()
    const QString before = i18n::savedLanguageSetting();
    i18n::saveLanguageSetting(QStringLiteral("en"));
    QSettings::setDefaultFormat(QSettings::IniFormat); // as initQgis() leaves it
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, profile.path());
    QCOMPARE(i18n::savedLanguageSetting(), QStringLiteral("en"));
    i18n::saveLanguageSetting(QStringLiteral("fr")); // chosen in the dialog, after initQgis()
    QSettings::setDefaultFormat(QSettings::NativeFormat);
    QCOMPARE(i18n::savedLanguageSetting(), QStringLiteral("fr")); // read at the next start
    i18n::saveLanguageSetting(before);
    QSettings::setDefaultFormat(format);

    // The dialog's choice is the saved one.
    ParametersDialog dialog(model::Parameters(), false);
    auto* language = dialog.findChild<QComboBox*>(QStringLiteral("language"));
    QVERIFY(language);
    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(i18n::savedLanguageSetting(), QStringLiteral("en"));
    i18n::saveLanguageSetting(before);
}

void TestMainWindow::settingsWrittenInTheQgisProfileAreImportedOnce() {
    // Where versions before the fix wrote the language chosen (after initQgis()).
    const QString old =
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
            .filePath(QStringLiteral("profiles/default/%1/%2.ini")
                          .arg(QCoreApplication::organizationName(), QCoreApplication::applicationName()));
    const QString before = i18n::savedLanguageSetting();
    appSettings()->remove(QStringLiteral("settings/profile_imported"));
    appSettings()->remove(QLatin1String(i18n::kLanguageSetting));
    appSettings()->setValue(QStringLiteral("recent/keep"), QStringLiteral("new"));
    {
        QSettings profile(old, QSettings::IniFormat);
        profile.setValue(QLatin1String(i18n::kLanguageSetting), QStringLiteral("en"));
        profile.setValue(QStringLiteral("recent/keep"), QStringLiteral("old"));
        profile.setValue(QStringLiteral("qgis/a_key_of_qgis"), QStringLiteral("QGIS's own"));
    }
    importProfileSettings();
    QCOMPARE(i18n::savedLanguageSetting(), QStringLiteral("en"));
    QCOMPARE(appSettings()->value(QStringLiteral("recent/keep")).toString(), QStringLiteral("new"));
    QVERIFY(!appSettings()->contains(QStringLiteral("qgis/a_key_of_qgis")));
    // Once only: a later choice is not overwritten.
    i18n::saveLanguageSetting(QStringLiteral("fr"));
    importProfileSettings();
    QCOMPARE(i18n::savedLanguageSetting(), QStringLiteral("fr"));
    QFile::remove(old);
    appSettings()->remove(QStringLiteral("recent/keep"));
    i18n::saveLanguageSetting(before);
}

void TestMainWindow::qtAndQgisStringsFollowTheLanguage() {
    auto cancelText = [] {
        QDialogButtonBox box(QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults);
        return box.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&'));
    };
    // QGIS's own strings (qgis_fr.qm of Debian's qgis-common).
    auto qgisText = [] { return QCoreApplication::translate("QgsSymbolLegendNode", "Symbol scope"); };
    QVERIFY(i18n::installTranslators(QStringLiteral("fr")));
    QCOMPARE(cancelText(), QStringLiteral("Annuler"));
    QCOMPARE(qgisText(), QStringLiteral("Portée du symbole"));
    QCOMPARE(QgsApplication::instance()->translation(), QStringLiteral("fr"));
    QVERIFY(i18n::installTranslators(QStringLiteral("en")));
    QCOMPARE(cancelText(), QStringLiteral("Cancel"));
    QCOMPARE(qgisText(), QStringLiteral("Symbol scope"));
    QVERIFY(i18n::installTranslators(QStringLiteral("fr")));
}

void TestMainWindow::recentDatasetsAreCanonicalDeduplicatedAndPruned() {
    appSettings()->remove(QStringLiteral("recent/datasets"));
    QTemporaryDir dir;
    const QString a = writeSixBassins(dir, QStringLiteral("a.gpkg"));
    const QString b = writeSixBassins(dir, QStringLiteral("b.gpkg"));
    QVERIFY(QFile::link(a, dir.filePath(QStringLiteral("link-to-a.gpkg"))));
    QDir::current().mkpath(dir.filePath(QStringLiteral("sub")));
    MainWindow window;
    window.showDataset(testing::makeSixBassins(), a);
    window.showDataset(testing::makeSixBassins(), dir.filePath(QStringLiteral("sub/../a.gpkg")));
    window.showDataset(testing::makeSixBassins(), dir.filePath(QStringLiteral("link-to-a.gpkg")));
    window.showDataset(testing::makeSixBassins(), b);
    const QString canonicalA = QFileInfo(a).canonicalFilePath();
    const QString canonicalB = QFileInfo(b).canonicalFilePath();
    QCOMPARE(MainWindow::recentDatasets(), (QStringList{canonicalB, canonicalA}));
    // The menu shows each once.
    auto* recentMenu = window.findChild<QMenu*>();
    int entries = 0;
    for (QMenu* menu : window.findChildren<QMenu*>())
        for (QAction* action : menu->actions())
            entries += action->toolTip() == QDir::toNativeSeparators(canonicalA) ? 1 : 0;
    QVERIFY(recentMenu);
    QCOMPARE(entries, 1);
    // A deleted file leaves the list.
    QVERIFY(QFile::remove(b));
    QCOMPARE(MainWindow::recentDatasets(), QStringList{canonicalA});
    appSettings()->remove(QStringLiteral("recent/datasets"));
}

void TestMainWindow::readOnlyDatasetCannotBeSaved() {
    QTemporaryDir dir;
    const QString path = writeSixBassins(dir);
    int asked = 0;
    {
        auto window = windowOn(path, QMessageBox::Cancel, &asked);
        auto* save = window->findChild<QAction*>(QStringLiteral("saveParameters"));
        QVERIFY(save);
        QVERIFY(save->isEnabled());
    }
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser | QFile::ReadGroup |
                                            QFile::ReadOther)); // chmod 0444
    auto window = windowOn(path, QMessageBox::Discard, &asked);
    auto* save = window->findChild<QAction*>(QStringLiteral("saveParameters"));
    QVERIFY(!save->isEnabled());
    QVERIFY2(save->toolTip().contains(QStringLiteral("six.gpkg")), qPrintable(save->toolTip()));
    QVERIFY(!window->statusBar()->currentMessage().isEmpty());
    QString reason;
    QVERIFY(!MainWindow::canSaveInto(path, &reason));
    QVERIFY(!reason.isEmpty());
    // Nor can the demonstration dataset, which is no file.
    QVERIFY(!MainWindow::canSaveInto(QString(), &reason));
    // Quitting with applied parameters offers no Save.
    model::Parameters p = window->session()->parameters();
    p.poles.massScale = 0.5;
    window->session()->setParameters(p);
    bool offeredSave = true;
    window->setUnsavedParametersPrompt([&offeredSave](const QString&, bool canSave) {
        offeredSave = canSave;
        return QMessageBox::Discard;
    });
    QVERIFY(window->close());
    QVERIFY(!offeredSave);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

void TestMainWindow::layersDockFitsTheLegendDespiteANarrowSavedLayout() {
    QByteArray narrow;
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("dockLayers"));
        window.resizeDocks({dock}, {90}, Qt::Horizontal);
        narrow = window.saveState();
    }
    const QByteArray saved = appSettings()->value(QStringLiteral("window/state")).toByteArray();
    appSettings()->setValue(QStringLiteral("window/state"), narrow);
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openDemo();
    auto* view = window.findChild<QgsLayerTreeView*>();
    QVERIFY(view);
    view->expandAll();
    QTRY_VERIFY(view->model()->rowCount() > 0);
    QApplication::processEvents();
    int checked = 0;
    const QFontMetrics metrics(view->font());
    QList<QModelIndex> pending = {QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        for (int row = 0; row < view->model()->rowCount(parent); ++row) {
            const QModelIndex index = view->model()->index(row, 0, parent);
            pending.append(index);
            const QRect rect = view->visualRect(index);
            if (!rect.isValid())
                continue;
            const QString text = index.data(Qt::DisplayRole).toString();
            // The text after the check box and symbol must fit in the visible width.
            QVERIFY2(rect.left() + 40 + metrics.horizontalAdvance(text) <= view->viewport()->width(),
                     qPrintable(QStringLiteral("%1 (%2 px)").arg(text).arg(view->viewport()->width())));
            ++checked;
        }
    }
    QVERIFY(checked > 5);
    window.setUnsavedParametersPrompt([](const QString&, bool) { return QMessageBox::Discard; });
    appSettings()->setValue(QStringLiteral("window/state"), saved);
}

void TestMainWindow::longStatusMessageIsNotCoveredByTheBadge() {
    QStatusBar* status = m_window->statusBar();
    QVERIFY(m_window->session()->dataset().meta.fictional);
    auto* coordinates = m_window->findChild<QLabel*>(QStringLiteral("coordinates"));
    QVERIFY(coordinates);
    // A running task's progress rightly takes room in the status bar: none runs.
    QTRY_COMPARE_WITH_TIMEOUT(QgsApplication::taskManager()->countActiveTasks(), 0, 15000);
    QApplication::processEvents();
    // A message as long as the room left of the coordinates.
    const QFontMetrics metrics(status->font());
    QString message = QStringLiteral("Bassin de vie");
    while (metrics.horizontalAdvance(message + QStringLiteral(" de Saint-Amand")) + 20 < coordinates->x())
        message += QStringLiteral(" de Saint-Amand");
    status->showMessage(message);
    const int end = 6 + metrics.horizontalAdvance(message);
    for (QWidget* child : status->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
        if (!child->isVisible() || child->geometry().width() == 0)
            continue;
        QVERIFY2(child->x() >= end, qPrintable(child->metaObject()->className()));
    }
    status->clearMessage();
    // The badge is still shown, on the map.
    auto* badge = m_window->findChild<QLabel*>(QStringLiteral("fictionalBadge"));
    QVERIFY(badge && badge->isVisible());
    QVERIFY(m_window->canvas()->rect().contains(badge->geometry()));
}

void TestMainWindow::userGuideFollowsRelativeLinksAndShowsImages() {
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("fr")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("images")));
    auto write = [&](const QString& name, const QByteArray& text) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(QStringLiteral("fr/index.md"),
          "# Guide de l'utilisateur\n\nVoir [les méthodes](methods.md).\n\n![carte](../images/map.png)\n");
    write(QStringLiteral("fr/methods.md"), "# Méthodes\n\nLa typologie des pôles.\n");
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(dir.filePath(QStringLiteral("images/map.png"))));

    UserGuideWindow guide(QUrl::fromLocalFile(dir.filePath(QStringLiteral("fr/index.md"))));
    guide.show();
    QTextBrowser* browser = guide.browser();
    QVERIFY(browser->toPlainText().startsWith(QStringLiteral("Guide de l'utilisateur")));
    // Rendered as Markdown: a heading, not "# ...".
    QVERIFY(!browser->toPlainText().contains(QStringLiteral("# ")));
    QVERIFY(!browser->document()
                 ->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("../images/map.png")))
                 .isNull());
    // The relative link, followed from the keyboard.
    browser->setFocus();
    QTest::keyClick(browser, Qt::Key_Tab);
    QTest::keyClick(browser, Qt::Key_Return);
    QTRY_VERIFY(browser->toPlainText().startsWith(QStringLiteral("Méthodes")));
    QCOMPARE(browser->source().fileName(), QStringLiteral("methods.md"));
}

void TestMainWindow::userGuideEmbedsTheDocsFolder() {
    // Every page and image of docs/ is a resource under :/docs with the same relative path.
    const QDir docs(QStringLiteral(MAILLAGE_SOURCE_DIR "/docs"));
    QStringList pages;
    for (const QString& lang : {QStringLiteral("fr"), QStringLiteral("en")})
        for (const QString& page : QDir(docs.filePath(lang)).entryList({QStringLiteral("*.md")}, QDir::Files))
            pages << lang + QLatin1Char('/') + page;
    for (const QString& image : docs.entryList({QStringLiteral("*.png")}, QDir::Files))
        pages << image;
    QVERIFY(!pages.isEmpty());
    for (const QString& page : pages)
        QVERIFY2(QFile::exists(QStringLiteral(":/docs/") + page), qPrintable(page));
    // The index in the interface language, else the other one, else none.
    const bool fr = QFile::exists(docs.filePath(QStringLiteral("fr/index.md")));
    const bool en = QFile::exists(docs.filePath(QStringLiteral("en/index.md")));
    const QUrl url = UserGuideWindow::indexUrl(QStringLiteral("fr"));
    if (fr)
        QCOMPARE(url, QUrl(QStringLiteral("qrc:/docs/fr/index.md")));
    else if (en)
        QCOMPARE(url, QUrl(QStringLiteral("qrc:/docs/en/index.md")));
    else
        QVERIFY(url.isEmpty());
    // Help > User guide opens a window.
    auto* action = m_window->findChild<QAction*>(QStringLiteral("userGuide"));
    QVERIFY(action);
    action->trigger();
    auto* guide = m_window->findChild<UserGuideWindow*>();
    QVERIFY(guide && guide->isVisible());
    QVERIFY(!guide->browser()->toPlainText().isEmpty());
    guide->close();
}

void TestMainWindow::aboutNamesTheDatasetFile() {
    QTemporaryDir dir;
    const QString path = writeSixBassins(dir);
    int asked = 0;
    auto window = windowOn(path, QMessageBox::Discard, &asked);
    QTimer::singleShot(0, window.get(), [&window] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(w)) {
                window->setProperty("aboutText", box->text());
                box->accept();
            }
    });
    showAbout(window.get(), *window->session());
    QVERIFY(window->property("aboutText").toString().contains(QStringLiteral("six.gpkg")));
}

MAILLAGE_QGIS_TEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
