// Issue 11, session 22: no name is drawn under a box over the map (the workshop's legend, panel and slides
// bar, the two maps' titles), and the main map's title says what it shows, as its legend does.
#include "core/demo/demo.h"
#include "core/io/geo.h"
#include "ui/change_layer.h"
#include "ui/main_window.h"
#include "ui/map_compare.h"
#include "ui/map_layers.h"
#include "ui/session.h"
#include "ui/workshop.h"

#include "testing.h"
#include "ui/qgis_test_main.h"
#include "ui/workshop_fixture.h"

#include <QLabel>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsgeometrygeneratorsymbollayer.h>
#include <qgslabelingresults.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsmarkersymbol.h>

using namespace maillage;
using namespace maillage::ui;

namespace {

//! The demo dataset with its bassins' outlines (dissolved as `maillage demo` writes them).
model::Dataset demoWithOutlines() {
    model::Dataset ds = demo::makeDemoDataset();
    Warnings warnings;
    io::dissolveBassins(ds, warnings);
    return ds;
}

//! `rect` (canvas pixels) in map units.
QgsRectangle toMap(const QgsMapCanvas& canvas, const QRect& rect) {
    const QgsMapToPixel& m2p = canvas.mapSettings().mapToPixel();
    return QgsRectangle(m2p.toMapCoordinates(rect.left(), rect.bottom() + 1),
                        m2p.toMapCoordinates(rect.right() + 1, rect.top()));
}

//! Waits until `canvas` has drawn at its extent now, labels placed.
bool drawn(QgsMapCanvas* canvas) {
    QTest::qWait(100);
    return QTest::qWaitFor([&] { return !canvas->isDrawing() && canvas->labelingResults(); }, 60000);
}

//! The names placed on `canvas` that touch one of `boxes` (canvas pixels): "name under box".
QStringList namesUnder(const QgsMapCanvas& canvas, const QList<QRect>& boxes, int* placed) {
    QStringList under;
    *placed = 0;
    for (const QgsLabelPosition& label : canvas.labelingResults()->allLabels()) {
        if (label.isUnplaced)
            continue;
        ++*placed;
        for (const QRect& box : boxes)
            if (label.labelRect.intersects(toMap(canvas, box)))
                under << label.labelText;
    }
    return under;
}

} // namespace

class TestWorkshop22 : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    //! The Crunch diagnosis covered two pôle names at 1280×720: whatever the extent (here the whole canvas
    //! filled with the territory, under the boxes), no name is placed under the legend, panel or slides bar.
    void noNameIsPlacedUnderTheWorkshopBoxes() {
        auto window = testing::showTwoYearsWindow(QSize(1280, 720));
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->showDataset(demoWithOutlines(), QString());
        window->setWorkshopMode(true);
        window->session()->selectBassins({window->session()->dataset().bassins.front().code.c_str()});
        QTest::qWait(200);
        QgsMapCanvas* canvas = window->canvas();
        const QList<QRect> boxes = window->workshop()->overlayRects();
        QVERIFY2(boxes.size() >= 3, qPrintable(QString::number(boxes.size()))); // legend, panel, slides
        QgsRectangle territory = window->layers()->fullExtent();
        territory.scale(0.8); // the territory under every box
        canvas->setExtent(territory);
        canvas->refresh();
        QVERIFY(drawn(canvas));
        int placed = 0;
        const QStringList under = namesUnder(*canvas, window->workshop()->overlayRects(), &placed);
        QVERIFY2(placed >= 5, qPrintable(QString::number(placed)));
        QVERIFY2(under.isEmpty(), qPrintable(under.join(", ")));
        window->setWorkshopMode(false);
        QTRY_VERIFY(!canvas->isDrawing());
    }

    //! The title box over each of the two maps covered the first line of an early warning: no name under it.
    void noNameIsPlacedUnderTheTwoMapsTitles() {
        auto window = testing::showTwoYearsWindow(QSize(1600, 1000));
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->showDataset(demoWithOutlines(), QString());
        window->setCompareVisible(true);
        MapCompare* compare = window->compare();
        compare->setVintage(window->session()->vintage()); // the same names on both maps
        QgsRectangle territory = window->layers()->fullExtent();
        territory.scale(0.7); // names at the top of both maps
        window->canvas()->setExtent(territory);
        window->canvas()->refresh();
        QVERIFY(drawn(window->canvas()));
        QVERIFY(drawn(compare->canvas()));
        for (QgsMapCanvas* canvas : {window->canvas(), compare->canvas()}) {
            QList<QRect> titles;
            for (const char* name : {"mainMapTitle", "compareChoice"})
                if (auto* title = canvas->findChild<QWidget*>(QString::fromLatin1(name));
                    title && title->isVisible())
                    titles << title->geometry();
            QCOMPARE(titles.size(), 1);
            int placed = 0;
            const QStringList under = namesUnder(*canvas, titles, &placed);
            QVERIFY2(placed >= 5, qPrintable(QString::number(placed)));
            QVERIFY2(under.isEmpty(), qPrintable(canvas->objectName() + ": " + under.join(", ")));
        }
        window->setCompareVisible(false);
        QTRY_VERIFY(!window->canvas()->isDrawing());
    }

    //! With the Change panel's map on the main map, its title read « Pôles d'offre 2018 »: it says what the
    //! legend says, and the types' title comes back when the change map is hidden.
    void theMainMapsTitleSaysWhatItsLegendSays() {
        auto window = testing::showTwoYearsWindow(QSize(1280, 720));
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->showDataset(demo::makeDemoDataset(), QString());
        window->setCompareVisible(true);
        auto* title = window->canvas()->findChild<QLabel*>(QStringLiteral("mainMapTitle"));
        QVERIFY(title);
        const QString types = title->text();
        QVERIFY2(types.contains(QString::number(window->session()->vintage())), qPrintable(types));
        const model::Dataset& ds = window->session()->dataset();
        ChangeViewRequest request;
        request.change.from = ds.meta.vintages.front();
        request.change.to = ds.meta.vintages.back();
        window->session()->requestChange(request);
        QgsVectorLayer* change = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((change = shownResultLayer(window->project())), 30000);
        QTRY_COMPARE(title->text(), resultLegendTitle(*change));
        QVERIFY(title->text() != types);
        QCOMPARE(window->compare()->mainTitle(), title->text());
        window->project()->layerTreeRoot()->findLayer(change)->setItemVisibilityChecked(false);
        QTRY_COMPARE(title->text(), types);
        window->setCompareVisible(false);
        QTRY_VERIFY(!window->canvas()->isDrawing());
    }

    //! The second map's enlarged names sat beside nothing, where the main map's markers would be: each pôle
    //! (types 1 to 4) has its dot at its anchor, the hors pôle bassins none, in the workshop enlarged too.
    void theSecondMapMarksThePolesItNames() {
        auto window = testing::showTwoYearsWindow(QSize(1280, 720));
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->showDataset(demo::makeDemoDataset(), QString());
        window->setCompareVisible(true);
        auto markerSizes = [&] {
            QMap<int, double> sizes; // pôle type -> size of the dot drawn at the anchor (mm), 0 = none
            QgsVectorLayer* layer = nullptr;
            for (QgsMapLayer* l : window->compare()->canvas()->layers())
                if (auto* v = qobject_cast<QgsVectorLayer*>(l); v && v->fields().indexOf("pole_type") >= 0)
                    layer = v;
            const auto* renderer =
                layer ? dynamic_cast<const QgsCategorizedSymbolRenderer*>(layer->renderer()) : nullptr;
            if (!renderer)
                return sizes;
            for (const QgsRendererCategory& c : renderer->categories()) {
                double size = 0;
                for (QgsSymbolLayer* sl : c.symbol()->symbolLayers())
                    if (auto* g = dynamic_cast<QgsGeometryGeneratorSymbolLayer*>(sl);
                        g && g->geometryExpression().contains("anchor_x") && g->subSymbol())
                        size = static_cast<const QgsMarkerSymbol*>(g->subSymbol())->size();
                sizes.insert(c.value().toInt(), size);
            }
            return sizes;
        };
        const QMap<int, double> plain = markerSizes();
        QCOMPARE(plain.size(), 5);
        QCOMPARE(plain.value(0), 0.0);
        for (int type = 1; type <= 4; ++type)
            QVERIFY2(plain.value(type) > 1, qPrintable(QString::number(type)));
        window->setWorkshopMode(true);
        QTRY_VERIFY(markerSizes().value(1) > plain.value(1) * 1.5);
        window->setWorkshopMode(false);
        QTRY_COMPARE(markerSizes().value(1), plain.value(1));
        window->setCompareVisible(false);
        QTRY_VERIFY(!window->canvas()->isDrawing());
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestWorkshop22)
#include "test_workshop22.moc"
