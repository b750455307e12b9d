// Workshop mode (issue 11): entering hides the analyst layout and enlarges the map's labels and markers,
// leaving restores both exactly; slides remember extent, layers, year and analysis, are saved and read back.
#include "core/io/gpkg.h"
#include "ui/app_settings.h"
#include "ui/layer_roles.h"
#include "ui/main_window.h"
#include "ui/map_layers.h"
#include "ui/session.h"
#include "ui/workshop.h"
#include "ui/workshop_slides.h"

#include "testing.h"
#include "ui/qgis_test_main.h"
#include "ui/workshop_fixture.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolBar>

#include <qgsexpressioncontextutils.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgspallabeling.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

using namespace maillage;
using namespace maillage::ui;

namespace {

//! The size in points of the label of the bassins layer's feature `code`, as the label engine gets it.
double labelSize(MainWindow& window, const QString& code) {
    QgsVectorLayer* bassins = window.layers()->bassins();
    const QgsAbstractVectorLayerLabeling* labeling = bassins->labeling();
    if (!labeling || labeling->subProviders().isEmpty())
        return 0;
    const QgsPalLayerSettings s = labeling->settings(labeling->subProviders().first());
    QgsExpressionContext context(QgsExpressionContextUtils::globalProjectLayerScopes(bassins));
    context.setFeature(bassins->getFeature(window.layers()->featureId(FeatureKind::Bassin, code)));
    const QgsProperty size = s.dataDefinedProperties().property(QgsPalLayerSettings::Size);
    return size.isActive() ? size.valueAsDouble(context, 0) : s.format().size();
}

QgsLayerTreeLayer* departementsNode(MainWindow& window) {
    return window.project()->layerTreeRoot()->findLayer(window.layers()->departements());
}

bool sameExtent(const QgsRectangle& a, const QgsRectangle& b) {
    const double tolerance = a.width() / 100;
    return std::abs(a.xMinimum() - b.xMinimum()) < tolerance &&
           std::abs(a.xMaximum() - b.xMaximum()) < tolerance &&
           std::abs(a.center().y() - b.center().y()) < tolerance;
}

} // namespace

class TestWorkshop : public QObject {
    Q_OBJECT
private slots:
    void init();
    void enteringHidesTheLayoutAndEnlargesLabels();
    void leavingRestoresTheLayoutExactly();
    void shortcutsEnterAndEscapeLeaves();
    void slidesRestoreExtentLayersYearAndAnalysis();
    void slidesAreSavedAndReadBack();
    void slidesShippedInTheDatasetAreOffered();
    void malformedSlidesAreSkippedWithAReason();
    void compactPanelShowsTheSelectedBassin();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestWorkshop::init() {
    appSettings()->clear(); // no slides, no layout from an earlier test
    m_window = std::make_unique<MainWindow>();
    m_window->showDataset(testing::makeSixBassinsTwoYears(), QString());
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWorkshop::enteringHidesTheLayoutAndEnlargesLabels() {
    MainWindow& w = *m_window;
    const double before = labelSize(w, QStringLiteral("00001"));
    QVERIFY(before > 0);
    w.setWorkshopMode(true);
    QVERIFY(w.workshop()->isActive());
    QVERIFY(w.isFullScreen());
    for (QDockWidget* dock : w.findChildren<QDockWidget*>())
        QVERIFY2(dock->isHidden(), qPrintable(dock->objectName()));
    for (QToolBar* bar : w.findChildren<QToolBar*>())
        QVERIFY(bar->isHidden());
    QVERIFY(w.menuBar()->isHidden());
    QVERIFY(w.statusBar()->isHidden());
    QVERIFY(w.canvas()->isVisible());
    QCOMPARE(labelSize(w, QStringLiteral("00001")), before * w.workshop()->factor());
    // The simple legend and the slides bar are on the map.
    QVERIFY(w.canvas()->findChild<QWidget*>(QStringLiteral("workshopLegend")));
    QVERIFY(w.canvas()->findChild<QWidget*>(QStringLiteral("workshopSlides")));
}

void TestWorkshop::leavingRestoresTheLayoutExactly() {
    MainWindow& w = *m_window;
    // A layout the window can hold (not below its minimum size), as a user's is.
    w.resize(w.minimumSizeHint().expandedTo(w.size()));
    QTest::qWait(50);
    const QByteArray state = w.saveState();
    const QRect geometry = w.geometry();
    const double before = labelSize(w, QStringLiteral("00001"));
    QStringList visibleDocks;
    for (QDockWidget* dock : w.findChildren<QDockWidget*>())
        if (!dock->isHidden())
            visibleDocks << dock->objectName();
    w.setWorkshopMode(true);
    w.setWorkshopMode(false);
    QVERIFY(!w.workshop()->isActive());
    QVERIFY(!w.isFullScreen());
    QTRY_COMPARE(w.saveState(), state); // the window system gives the normal size back asynchronously
    // The size; the position is the window system's (offscreen, it adds its frame margin to it).
    QCOMPARE(w.geometry().size(), geometry.size());
    QStringList visibleAfter;
    for (QDockWidget* dock : w.findChildren<QDockWidget*>())
        if (!dock->isHidden())
            visibleAfter << dock->objectName();
    QCOMPARE(visibleAfter, visibleDocks);
    QVERIFY(!w.menuBar()->isHidden());
    QCOMPARE(labelSize(w, QStringLiteral("00001")), before);
    QVERIFY(!w.canvas()->findChild<QWidget*>(QStringLiteral("workshopLegend")));
}

void TestWorkshop::shortcutsEnterAndEscapeLeaves() {
    MainWindow& w = *m_window;
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_F11);
    QVERIFY(w.workshop()->isActive());
    QVERIFY(w.findChild<QAction*>(QStringLiteral("workshopMode"))->isChecked());
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!w.workshop()->isActive());
    QVERIFY(!w.findChild<QAction*>(QStringLiteral("workshopMode"))->isChecked());
    // Esc clears the selection again once the mode is left.
    w.session()->selectBassins({QStringLiteral("00001")});
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(w.session()->selectedBassins().isEmpty());
    QTest::keyClick(&w, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(w.workshop()->isActive());
    QTest::keyClick(&w, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!w.workshop()->isActive());
}

void TestWorkshop::slidesRestoreExtentLayersYearAndAnalysis() {
    MainWindow& w = *m_window;
    SlideDeck* deck = w.slides();
    QgsMapCanvas* canvas = w.canvas();
    // Slide 1: Alpha, 2023, départements shown, the pôles panel.
    const QgsRectangle first = w.layers()->extentOf(FeatureKind::Bassin, QStringLiteral("00001"));
    canvas->setExtent(first);
    const QgsRectangle firstShown = canvas->extent();
    departementsNode(w)->setItemVisibilityChecked(true);
    deck->add(deck->capture(QStringLiteral("Alpha"), QStringLiteral("dockPoles")));
    // Slide 2: the whole territory, 2018, départements hidden, the densities panel.
    w.zoomToFull();
    const QgsRectangle secondShown = canvas->extent();
    w.session()->setVintage(2018);
    departementsNode(w)->setItemVisibilityChecked(false);
    deck->add(deck->capture(QStringLiteral("Territoire 2018"), QStringLiteral("dockDensity")));
    QCOMPARE(deck->slides().size(), 2);

    w.setWorkshopMode(true);
    QApplication::setActiveWindow(&w);
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_PageDown); // the first slide
    QCOMPARE(deck->current(), 0);
    QCOMPARE(w.session()->vintage(), 2023);
    QVERIFY(departementsNode(w)->isVisible());
    QCOMPARE(w.workshop()->panel(), QStringLiteral("dockPoles"));
    // The full-screen canvas is larger: the slide's extent is inside what is shown, centred alike.
    QVERIFY(canvas->extent().contains(firstShown.center()));
    QVERIFY(std::abs(canvas->extent().center().x() - firstShown.center().x()) < firstShown.width() / 100);

    QTest::keyClick(&w, Qt::Key_Right);
    QCOMPARE(deck->current(), 1);
    QCOMPARE(w.session()->vintage(), 2018);
    QVERIFY(!departementsNode(w)->isVisible());
    QCOMPARE(w.workshop()->panel(), QStringLiteral("dockDensity"));
    QVERIFY(std::abs(canvas->extent().center().x() - secondShown.center().x()) < secondShown.width() / 100);

    QTest::keyClick(&w, Qt::Key_PageUp);
    QCOMPARE(deck->current(), 0);
    QCOMPARE(w.session()->vintage(), 2023);
    QVERIFY(departementsNode(w)->isVisible());
    QCOMPARE(w.workshop()->panel(), QStringLiteral("dockPoles"));
    // Past the last slide nothing moves.
    QVERIFY(deck->show(1));
    QVERIFY(!deck->next());
    QCOMPARE(deck->current(), 1);
    w.setWorkshopMode(false);
    // Outside the mode, a slide applies the same way (Bookmarks menu).
    QVERIFY(deck->show(0));
    QVERIFY(sameExtent(canvas->extent(), firstShown));
}

void TestWorkshop::slidesAreSavedAndReadBack() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("six.gpkg"));
    io::writeDataset(testing::makeSixBassinsTwoYears(), path.toStdString());
    Slide saved;
    {
        MainWindow w;
        w.showDataset(io::readDataset(path.toStdString()), path);
        w.canvas()->setExtent(w.layers()->extentOf(FeatureKind::Bassin, QStringLiteral("00003")));
        saved = w.slides()->capture(QStringLiteral("Gamma"), QStringLiteral("dockMaillage"));
        w.slides()->add(saved);
    }
    MainWindow again;
    again.showDataset(io::readDataset(path.toStdString()), path);
    QCOMPARE(again.slides()->slides().size(), 1);
    QVERIFY(again.slides()->slides().first() == saved);
    QVERIFY(saved.visibleLayers.contains(QStringLiteral("role:bassins")));
    // Another dataset has its own slides.
    again.showDataset(testing::makeSixBassins(), QString());
    QVERIFY(again.slides()->slides().isEmpty());
}

void TestWorkshop::slidesShippedInTheDatasetAreOffered() {
    Slide s;
    s.name = QStringLiteral("Vue partagée");
    s.extent = QgsRectangle(100000, 6500000, 110000, 6510000);
    s.vintage = 2018;
    model::Dataset ds = testing::makeSixBassinsTwoYears();
    ds.meta.extra[kSlidesMetadataKey] = slidesToJson({s}).toStdString();
    m_window->showDataset(std::move(ds), QStringLiteral("/nonexistent/shared.gpkg"));
    QCOMPARE(m_window->slides()->slides().size(), 1);
    QVERIFY(m_window->slides()->slides().first() == s);
}

void TestWorkshop::malformedSlidesAreSkippedWithAReason() {
    QString error;
    QVERIFY(slidesFromJson("{\"name\": 1}", &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("JSON")), qPrintable(error));
    const QList<Slide> slides = slidesFromJson(
        R"([{"name": "A", "xmin": 0, "ymin": 0, "xmax": 10, "ymax": 10}, {"name": "", "xmin": 0}])", &error);
    QCOMPARE(slides.size(), 1);
    QVERIFY2(error.contains(QStringLiteral("2")), qPrintable(error));
    // The bookmarks of earlier versions (a name and an extent) are slides that change nothing else.
    QVERIFY(slides.first().visibleLayers.isEmpty());
    QCOMPARE(slides.first().vintage, 0);
}

void TestWorkshop::compactPanelShowsTheSelectedBassin() {
    MainWindow& w = *m_window;
    w.setWorkshopMode(true);
    w.session()->selectBassins({QStringLiteral("00002")});
    const QString text = w.workshop()->panelText();
    QVERIFY2(text.contains(QStringLiteral("Beta")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("rand pôle")), qPrintable(text));
    QString digits = text;
    digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
    QVERIFY2(digits.contains(QStringLiteral("4000")), qPrintable(text)); // its professionals
    w.setWorkshopMode(false);
}

MAILLAGE_QGIS_TEST_MAIN(TestWorkshop)
#include "test_workshop.moc"
