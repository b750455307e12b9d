// Issue 11's presentation: the workshop boxes never cover the territory (the map fitted beside them), the
// figures keep "10 000" on one line, the density map's classes follow the chosen method and are saved per
// dataset, and the second map shows a density built like the main map's.
#include "ui/app_settings.h"
#include "ui/main_window.h"
#include "ui/map_compare.h"
#include "ui/map_layers.h"
#include "ui/panels/density_classes.h"
#include "ui/panels/panel_util.h"
#include "ui/session.h"
#include "ui/workshop.h"

#include "testing.h"
#include "ui/qgis_test_main.h"
#include "ui/workshop_fixture.h"

#include <QDockWidget>
#include <QSignalSpy>

#include <qgsgraduatedsymbolrenderer.h>
#include <qgsmapcanvas.h>
#include <qgsvectorlayer.h>

using namespace maillage;
using namespace maillage::ui;

namespace {

//! The canvas pixels of the territory (the bassins' extent) as drawn now.
QRect territoryPixels(QgsMapCanvas* canvas, const QgsRectangle& extent) {
    const QgsMapToPixel& m2p = canvas->mapSettings().mapToPixel();
    const QgsPointXY a = m2p.transform(extent.xMinimum(), extent.yMaximum());
    const QgsPointXY b = m2p.transform(extent.xMaximum(), extent.yMinimum());
    return QRectF(QPointF(a.x(), a.y()), QPointF(b.x(), b.y())).toAlignedRect().adjusted(1, 1, -1, -1);
}

//! Fails naming the box that covers the territory, or that the territory is off the canvas.
void checkNothingCovers(MainWindow& w) {
    QgsMapCanvas* canvas = w.canvas();
    QTRY_VERIFY(!canvas->isDrawing());
    const QRect territory = territoryPixels(canvas, w.layers()->fullExtent());
    QVERIFY2(QRect(QPoint(0, 0), canvas->size()).contains(territory),
             qPrintable(QStringLiteral("territory %1,%2 %3×%4 outside the canvas %5×%6")
                            .arg(territory.x())
                            .arg(territory.y())
                            .arg(territory.width())
                            .arg(territory.height())
                            .arg(canvas->width())
                            .arg(canvas->height())));
    // Large: at least a third of the canvas one way (the boxes and the room for border names take the rest).
    QVERIFY(territory.width() > canvas->width() / 3 || territory.height() > canvas->height() / 3);
    const QList<QRect> boxes = w.workshop()->overlayRects();
    QVERIFY(boxes.size() >= 2); // the legend and the slides bar at least
    for (const QRect& box : boxes)
        QVERIFY2(!box.intersects(territory), qPrintable(QStringLiteral("box %1,%2 %3×%4 over the territory")
                                                            .arg(box.x())
                                                            .arg(box.y())
                                                            .arg(box.width())
                                                            .arg(box.height())));
}

const QgsGraduatedSymbolRenderer* graduated(const QgsVectorLayer* layer) {
    return layer ? dynamic_cast<const QgsGraduatedSymbolRenderer*>(layer->renderer()) : nullptr;
}

//! The limits of the density classes of a renderer (the secret and "none" classes left out).
QList<QPair<double, double>> classRanges(const QgsGraduatedSymbolRenderer* renderer) {
    QList<QPair<double, double>> ranges;
    for (const QgsRendererRange& r : renderer->ranges())
        if (r.lowerValue() > 0)
            ranges.append({r.lowerValue(), r.upperValue()});
    return ranges;
}

} // namespace

class TestWorkshop18 : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_window = testing::showTwoYearsWindow(QSize(1000, 700));
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup() {
        QTRY_VERIFY(!m_window->canvas()->isDrawing());
        m_window.reset();
        QLocale::setDefault(QLocale::c());
    }

    void boxesGoBesideTheTerritoryOnAProjector() {
        // 1280×720: the legend and the long Crunch sentences in a column, the territory (a little wider
        // than high) in the rest, as large as the height allows.
        const OverlayPlan plan = planOverlays(QSize(1280, 720), QSize(280, 200), QSize(480, 300),
                                              QSize(580, 56), 14, 14, QSizeF(210, 255));
        QVERIFY(!plan.free.intersects(plan.legend));
        QVERIFY(!plan.free.intersects(plan.info));
        QVERIFY(!plan.free.intersects(plan.nav));
        QVERIFY(plan.free.height() >= 720 - 56 - 4 * 14);
        // Half a projector (two maps): a row at the top leaves the map more room than a column.
        const OverlayPlan half = planOverlays(QSize(640, 720), QSize(250, 160), QSize(280, 150),
                                              QSize(450, 50), 40, 11, QSizeF(210, 255));
        QCOMPARE(half.legend.top(), 40);
        QVERIFY(half.free.top() > half.legend.bottom());
        QVERIFY(!half.free.intersects(half.info));
    }

    void theExtentFitsTheTerritoryInTheFreePixels() {
        const QgsRectangle territory(0, 0, 200, 100);
        const QRect free(100, 50, 400, 400);
        const QgsRectangle extent = extentFitting(territory, free, QSize(800, 500));
        // 0.5 map units per pixel (width-limited); the territory's centre at the free area's centre.
        QCOMPARE(extent.width(), 400.0);
        QCOMPARE(extent.height(), 250.0);
        QCOMPARE(extent.xMinimum() + 300 * 0.5, 100.0);
        QCOMPARE(extent.yMaximum() - 250 * 0.5, 50.0);
    }

    void noBoxCoversTheTerritoryInTheWorkshopMode() {
        MainWindow& w = *m_window;
        w.setWorkshopMode(true);
        QTest::qWait(100); // full screen, then the boxes and the fit
        checkNothingCovers(w);
        // A BV's figures in the info box: the boxes move, the map follows.
        w.session()->selectBassins({QStringLiteral("00002")});
        QTest::qWait(50);
        checkNothingCovers(w);
        w.setWorkshopMode(false);
    }

    void noBoxCoversTheTerritoryOnTheTwoMaps() {
        MainWindow& w = *m_window;
        w.setCompareVisible(true);
        w.setWorkshopMode(true);
        w.session()->selectBassins({QStringLiteral("00001")});
        QTest::qWait(100);
        checkNothingCovers(w);
        w.setWorkshopMode(false);
        w.setCompareVisible(false);
    }

    void theUsersNavigationIsNotUndone() {
        MainWindow& w = *m_window;
        w.setWorkshopMode(true);
        QTest::qWait(50);
        QWheelEvent wheel(QPointF(100, 100), w.canvas()->mapToGlobal(QPoint(100, 100)), QPoint(),
                          QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(w.canvas()->viewport(), &wheel);
        QTest::qWait(50);
        const QgsRectangle zoomed = w.canvas()->extent();
        w.session()->selectBassins({QStringLiteral("00003")}); // the info box changes size
        QTest::qWait(50);
        QCOMPARE(w.canvas()->extent(), zoomed);
        w.setWorkshopMode(false);
    }

    void tenThousandStaysOnOneLine() {
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        MainWindow& w = *m_window;
        w.setWorkshopMode(true);
        w.session()->selectBassins({QStringLiteral("00002")});
        const QString text = w.workshop()->panelText();
        QVERIFY2(text.contains(QStringLiteral("10") + QChar(0x00A0) + QStringLiteral("000")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("10 000")) && !text.contains(QStringLiteral("10,000")),
                 qPrintable(text));
        w.setWorkshopMode(false);
    }

    void densityMapFollowsTheChosenClassesAndTheyAreSaved() {
        MainWindow& w = *m_window;
        Session* session = w.session();
        QCOMPARE(session->densityClasses().method, analysis::ClassMethod::WeightedQuantiles);
        QSignalSpy ready(session, &Session::densityMapReady);
        session->requestDensityMap({QString(), 2023, false});
        QTRY_VERIFY(w.layers()->communesColoured());
        const QgsGraduatedSymbolRenderer* renderer = graduated(w.layers()->communes());
        QVERIFY(renderer);
        // In the interface's language.
        QVERIFY2(w.layers()->communeColouringTitle().contains(
                     MapLayers::classesDescription(session->densityClasses(), 5)),
                 qPrintable(w.layers()->communeColouringTitle()));
        analysis::ClassSpec spec;
        spec.method = analysis::ClassMethod::EqualIntervals;
        spec.count = 3;
        session->setDensityClasses(spec);
        renderer = graduated(w.layers()->communes());
        QCOMPARE(classRanges(renderer).size(), 3);
        QVERIFY2(w.layers()->communeColouringTitle().contains(MapLayers::classesDescription(spec, 3)),
                 qPrintable(w.layers()->communeColouringTitle()));
        // The classes of the values, as core computes them.
        const DensityMap* map = session->shownDensityMap();
        QVERIFY(map);
        std::vector<double> values;
        for (double v : map->values)
            if (v > 0)
                values.push_back(v);
        const std::vector<double> limits = analysis::classLimits(values, {}, spec);
        QCOMPARE(classRanges(renderer).last().second, limits.back());
        QCOMPARE(classRanges(renderer).first().second, limits[1]);
        // Saved for the dataset: read back when it is opened again.
        session->setDataset(testing::makeSixBassinsTwoYears(), QString());
        QVERIFY(session->densityClasses() == spec);
    }

    void theSecretClassWrapsInTheNarrowLegend() {
        MainWindow& w = *m_window;
        model::Dataset ds = testing::makeSixBassinsTwoYears();
        for (model::CountRecord& c : ds.counts)
            if (c.place == "00006")
                c.count = std::min(c.count, 1.0); // 1 to 4: masked
        w.showDataset(std::move(ds), QString());
        w.session()->requestDensityMap({QString(), 2023, false});
        QTRY_VERIFY(w.layers()->communesColoured());
        const QgsGraduatedSymbolRenderer* renderer = graduated(w.layers()->communes());
        QVERIFY(renderer);
        QVERIFY2(renderer->ranges().first().label().contains(QLatin1Char('\n')),
                 qPrintable(renderer->ranges().first().label()));
    }

    void fixedLimitsAreReadWithAClearMessage() {
        QString error;
        QCOMPARE(DensityClassesChooser::parseLimits(QStringLiteral("5; 10.5;20"), &error),
                 (std::vector<double>{5, 10.5, 20}));
        QVERIFY(error.isEmpty());
        DensityClassesChooser::parseLimits(QStringLiteral("5; dix"), &error);
        QVERIFY2(error.contains(QStringLiteral("2")) && error.contains(QStringLiteral("dix")),
                 qPrintable(error));
        DensityClassesChooser::parseLimits(QStringLiteral("10; 5"), &error);
        QVERIFY2(error.contains(QStringLiteral("10")) && error.contains(QStringLiteral("5")),
                 qPrintable(error));
    }

    void secondMapShowsADensityClassedLikeTheMainOne() {
        MainWindow& w = *m_window;
        w.setCompareVisible(true);
        MapCompare* compare = w.compare();
        QVERIFY(compare);
        w.session()->requestDensityMap({QString(), 2023, false});
        QTRY_VERIFY(w.layers()->communesColoured());
        compare->showDensity(QString(), 2023);
        QTRY_VERIFY(!compare->densityPending()); // computed in a task
        QVERIFY(compare->showsDensity());
        const QgsVectorLayer* second = nullptr;
        for (QgsMapLayer* layer : compare->canvas()->layers())
            if (graduated(qobject_cast<QgsVectorLayer*>(layer)))
                second = qobject_cast<QgsVectorLayer*>(layer);
        QVERIFY(second);
        QCOMPARE(classRanges(graduated(second)), classRanges(graduated(w.layers()->communes())));
        QCOMPARE(second->featureCount(), w.layers()->communes()->featureCount());
        QVERIFY2(compare->title().contains(QStringLiteral("2023")), qPrintable(compare->title()));
        // Another year: its own values, the same method.
        compare->showDensity(QString(), 2018);
        QTRY_VERIFY(!compare->densityPending());
        QVERIFY(compare->title().contains(QStringLiteral("2018")));
        // Back to pôle types.
        compare->setVintage(2018);
        QVERIFY(!compare->showsDensity());
        w.setCompareVisible(false);
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

MAILLAGE_QGIS_TEST_MAIN(TestWorkshop18)
#include "test_workshop18.moc"
