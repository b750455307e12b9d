// The two synchronised maps (issue 11): the same extent and scale both ways, the linked cursor, the second
// map's year, and the export of both as one figure. With MAILLAGE_BENCH_DATASET (a dataset GeoPackage, e.g.
// the national one), the time to switch a slide and redraw both maps (QINFO, no assertion).
#include "core/io/gpkg.h"
#include "ui/app_settings.h"
#include "ui/layer_roles.h"
#include "ui/main_window.h"
#include "ui/map_compare.h"
#include "ui/map_layers.h"
#include "ui/session.h"
#include "ui/workshop.h"
#include "ui/workshop_slides.h"

#include "testing.h"
#include "ui/qgis_test_main.h"
#include "ui/workshop_fixture.h"

#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <qgsmapcanvas.h>
#include <qgsmaprenderercustompainterjob.h>
#include <qgspallabeling.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

using namespace maillage;
using namespace maillage::ui;

namespace {

bool near(double a, double b) {
    return std::abs(a - b) <= 1e-6 * std::max(std::abs(a), std::abs(b));
}

//! Pixels of `image` inside `area` that are not white.
int inkIn(const QImage& image, const QRect& area) {
    int ink = 0;
    for (int y = area.top(); y <= area.bottom(); y += 2)
        for (int x = area.left(); x <= area.right(); x += 2)
            if (image.pixelColor(x, y) != QColor(Qt::white))
                ++ink;
    return ink;
}

//! Renders `canvas`'s settings now, as the canvas would (the benchmark's redraw without an event loop).
void renderNow(const QgsMapCanvas* canvas) {
    QImage image(canvas->mapSettings().outputSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    QgsMapRendererCustomPainterJob job(canvas->mapSettings(), &painter);
    job.renderSynchronously();
}

} // namespace

class TestMapCompare : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void zoomingOneMapMovesTheOther();
    void cursorIsLinked();
    void secondMapShowsAnotherYear();
    void exportHasBothMaps();
    void exportRefusesASymbolicLink();
    void hidingTheSecondMapGivesTheCanvasBack();
    void theScreenshotWaitsForTheSecondMapToRedraw();
    void workshopModeEnlargesTheSecondMapToo();
    void benchmarkSlideAndBothMaps();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestMapCompare::init() {
    appSettings()->clear();
    m_window = std::make_unique<MainWindow>();
    m_window->showDataset(testing::makeSixBassinsTwoYears(), QString());
    for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
        dock->hide(); // room for the two maps on the small offscreen screen
    m_window->resize(1200, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setCompareVisible(true);
    QVERIFY(m_window->compare());
    QTest::qWait(50); // the splitter lays the two canvases out
    m_window->zoomToFull();
}

void TestMapCompare::cleanup() {
    // A refresh during a render lets the cancelled render finish in the background (QgsMapCanvas::
    // stopRendering): let those end before the canvases go.
    if (m_window->compare())
        QTRY_VERIFY(!m_window->compare()->canvas()->isDrawing());
    QTRY_VERIFY(!m_window->canvas()->isDrawing());
    QTest::qWait(200);
    m_window.reset();
}

void TestMapCompare::zoomingOneMapMovesTheOther() {
    QgsMapCanvas* main = m_window->canvas();
    QgsMapCanvas* second = m_window->compare()->canvas();
    QVERIFY(std::abs(main->width() - second->width()) <= 1);
    QCOMPARE(main->height(), second->height());
    QVERIFY(near(second->scale(), main->scale()));
    main->zoomByFactor(0.5);
    QVERIFY(near(second->scale(), main->scale()));
    QVERIFY(std::abs(second->center().x() - main->center().x()) < main->mapUnitsPerPixel());
    QVERIFY(std::abs(second->center().y() - main->center().y()) < main->mapUnitsPerPixel());
    // And the other way, without a loop: one change each.
    QSignalSpy mainMoves(main, &QgsMapCanvas::extentsChanged);
    second->setCenter(QgsPointXY(second->center().x() + 2000, second->center().y()));
    second->zoomByFactor(0.5);
    QVERIFY(near(main->scale(), second->scale()));
    QVERIFY(std::abs(second->center().x() - main->center().x()) < main->mapUnitsPerPixel());
    QVERIFY(mainMoves.count() <= 4);
    QVERIFY(std::abs(main->extent().width() - second->extent().width()) < 2 * main->mapUnitsPerPixel());
}

void TestMapCompare::cursorIsLinked() {
    QgsMapCanvas* main = m_window->canvas();
    QgsMapCanvas* second = m_window->compare()->canvas();
    const QgsPointXY point(105000, 6505000);
    emit main->xyCoordinates(point);
    QgsPointXY shown;
    QVERIFY(m_window->compare()->cursorShown(second, &shown));
    QCOMPARE(shown, point);
    QVERIFY(!m_window->compare()->cursorShown(main, nullptr));
    const QgsPointXY other(112000, 6512000);
    emit second->xyCoordinates(other);
    QVERIFY(m_window->compare()->cursorShown(main, &shown));
    QCOMPARE(shown, other);
    QVERIFY(!m_window->compare()->cursorShown(second, nullptr));
}

void TestMapCompare::secondMapShowsAnotherYear() {
    MapCompare* compare = m_window->compare();
    QCOMPARE(m_window->session()->vintage(), 2023);
    QCOMPARE(compare->vintage(), 2018);
    QVERIFY(compare->title().contains(QStringLiteral("2018")));
    QgsVectorLayer* poles = nullptr;
    for (QgsMapLayer* layer : compare->canvas()->layers())
        if (auto* v = qobject_cast<QgsVectorLayer*>(layer);
            v && v->fields().indexOf(QStringLiteral("pole_type")) >= 0)
            poles = v;
    QVERIFY(poles);
    auto typeOf = [](QgsVectorLayer* layer, const QString& code) {
        QgsFeatureIterator it = layer->getFeatures(QStringLiteral("\"code\" = '%1'").arg(code));
        QgsFeature f;
        return it.nextFeature(f) ? f.attribute(QStringLiteral("pole_type")).toInt() : -1;
    };
    QCOMPARE(typeOf(m_window->layers()->bassins(), QStringLiteral("00002")), 2); // grand pôle in 2023
    QCOMPARE(typeOf(poles, QStringLiteral("00002")), 0);                         // no pôle in 2018
    QCOMPARE(typeOf(poles, QStringLiteral("00001")), 1);
    compare->setVintage(2023);
    QCOMPARE(compare->vintage(), 2023);
}

void TestMapCompare::exportHasBothMaps() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deux-cartes.png"));
    QString error;
    QVERIFY2(m_window->compare()->exportFigure(path, QSize(1200, 600), &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(1200, 600));
    // Both halves carry a map (below the titles, above the legends).
    QVERIFY(inkIn(image, QRect(300, 100, 280, 200)) > 500);
    QVERIFY(inkIn(image, QRect(900, 100, 280, 200)) > 500);
    const QString pdf = dir.filePath(QStringLiteral("deux-cartes.pdf"));
    QVERIFY2(m_window->compare()->exportFigure(pdf, QSize(1200, 600), &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
}

void TestMapCompare::exportRefusesASymbolicLink() {
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("target.png"));
    QFile(target).open(QIODevice::WriteOnly);
    const QString link = dir.filePath(QStringLiteral("link.png"));
    QVERIFY(QFile::link(target, link));
    QString error;
    QVERIFY(!m_window->compare()->exportFigure(link, QSize(400, 200), &error));
    QVERIFY2(error.contains(QStringLiteral("link.png")), qPrintable(error));
    QCOMPARE(QFileInfo(target).size(), 0); // the file behind the link is untouched
}

void TestMapCompare::theScreenshotWaitsForTheSecondMapToRedraw() {
    QgsMapCanvas* main = m_window->canvas();
    QgsMapCanvas* second = m_window->compare()->canvas();
    QTRY_VERIFY(!main->isDrawing() && !second->isDrawing());
    QSignalSpy secondDrawn(second, &QgsMapCanvas::mapCanvasRefreshed);
    // The second map asked to redraw (a year chosen, the extent carried over), its render not started yet:
    // nothing is drawing, and --screenshot grabbed it before it had redrawn.
    second->refresh();
    QVERIFY(!second->isDrawing());
    bool called = false, drawingWhenCalled = true;
    int drawnWhenCalled = -1;
    m_window->whenMapsDrawn([&] {
        called = true;
        drawnWhenCalled = secondDrawn.count();
        drawingWhenCalled = second->isDrawing() || main->isDrawing();
    });
    QVERIFY(!called);
    QTRY_VERIFY_WITH_TIMEOUT(called, 20000);
    QVERIFY2(drawnWhenCalled >= 1, "called before the second map had redrawn");
    QVERIFY(!drawingWhenCalled);
}

void TestMapCompare::hidingTheSecondMapGivesTheCanvasBack() {
    m_window->setCompareVisible(false);
    QVERIFY(!m_window->compare());
    QCOMPARE(m_window->centralWidget(), static_cast<QWidget*>(m_window->canvas()));
    m_window->canvas()->zoomByFactor(0.5); // no second map to follow: nothing dangles
    m_window->setCompareVisible(true);
    // Once laid out, the new second map takes the main one's scale.
    QTRY_VERIFY(near(m_window->compare()->canvas()->scale(), m_window->canvas()->scale()));
}

void TestMapCompare::workshopModeEnlargesTheSecondMapToo() {
    auto labelSize = [this] {
        for (QgsMapLayer* layer : m_window->compare()->canvas()->layers())
            if (auto* v = qobject_cast<QgsVectorLayer*>(layer); v && v->labeling()) {
                const QgsPalLayerSettings s = v->labeling()->settings(v->labeling()->subProviders().value(0));
                return s.format().size();
            }
        return 0.0;
    };
    const double before = labelSize();
    QVERIFY(before > 0);
    m_window->setWorkshopMode(true);
    QCOMPARE(labelSize(), before * m_window->workshop()->factor());
    m_window->setWorkshopMode(false);
    QCOMPARE(labelSize(), before);
}

void TestMapCompare::benchmarkSlideAndBothMaps() {
    const QString path = qEnvironmentVariable("MAILLAGE_BENCH_DATASET");
    if (path.isEmpty() || !QFileInfo::exists(path))
        QSKIP("MAILLAGE_BENCH_DATASET (a dataset GeoPackage) is not set");
    m_window->showDataset(io::readDataset(path.toStdString()), path);
    SlideDeck* deck = m_window->slides();
    m_window->zoomToFull();
    deck->add(deck->capture(QStringLiteral("Territoire"), QString()));
    m_window->canvas()->zoomByFactor(0.25);
    deck->add(deck->capture(QStringLiteral("Zoom"), QString()));
    qint64 worst = 0;
    for (int i = 0; i < 4; ++i) {
        QElapsedTimer timer;
        timer.start();
        deck->show(i % 2);
        renderNow(m_window->canvas());
        renderNow(m_window->compare()->canvas());
        worst = std::max(worst, timer.elapsed());
        qInfo("slide %d and both maps drawn in %lld ms", i % 2, static_cast<long long>(timer.elapsed()));
    }
    qInfo("slide switch and both maps: %lld ms at worst (%d bassins)", static_cast<long long>(worst),
          static_cast<int>(m_window->session()->dataset().bassins.size()));
    deck->clear();
}

MAILLAGE_QGIS_TEST_MAIN(TestMapCompare)
#include "test_map_compare.moc"
