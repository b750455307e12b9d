// The main window on the demo dataset: layers and legend, recolouring on a parameter change, place search,
// clicking the map, the parameters dialog; the interface language.
#include "ui/dialogs.h"
#include "ui/i18n.h"
#include "ui/import_wizard.h"
#include "ui/layer_roles.h"
#include "ui/main_window.h"
#include "ui/map_layers.h"
#include "ui/session.h"

#include "testing.h"
#include "ui/qgis_test_main.h"
#include "ui/ui_fixture.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
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

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void demoOpensWithLayersAndLegend();
    void parameterChangeRecoloursAtOnce();
    void parametersDialogApplies();
    void searchGoesToPlaceIgnoringAccents();
    void clickSelectsBassin();
    void renderTimeOfDemo();
    void menusFollowLanguage();
    void importWizardPreviewsJoins();
    void openFailureIsSignalledWithoutDialogInBatchMode();
    void datasetWithoutGeometrySaysSoOnTheMap();

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
    // Polygons of COG 2018 with a BV table of COG 2016: merged communes do not match, and must be shown.
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
    for (int page = 0; page < 4; ++page)
        wizard.next(); // the last page runs the import in a QgsTask
    QTRY_VERIFY_WITH_TIMEOUT(wizard.imported(), 120000);
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    const QString report = wizard.reportHtml();
    QVERIFY2(report.contains(QStringLiteral("⚠")), qPrintable(report.left(2000)));
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

MAILLAGE_QGIS_TEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
