// Issue 11, session 22: no name is drawn under a box over the map (the workshop's legend, panel and slides
// bar, the two maps' titles), and the main map's title says what it shows, as its legend does.
#include "core/demo/demo.h"
#include "core/io/geo.h"
#include "ui/change_layer.h"
#include "ui/maillage_layers.h"
#include "ui/main_window.h"
#include "ui/map_compare.h"
#include "ui/map_layers.h"
#include "ui/pole_names.h"
#include "ui/session.h"
#include "ui/workshop.h"
#include "ui/workshop_obstacles.h"

#include "testing.h"
#include "ui/map_testing.h"
#include "ui/qgis_test_main.h"
#include "ui/workshop_fixture.h"

#include <QLabel>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsgeometrygeneratorsymbollayer.h>
#include <qgslabelingresults.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmarkersymbol.h>
#include <qgsvectorlayer.h>

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
QStringList namesUnder(QgsMapCanvas& canvas, const QList<QRect>& boxes, int* placed) {
    QStringList under;
    *placed = 0;
    for (const QgsLabelPosition& label : testing::canvasLabels(&canvas)) {
        if (label.isUnplaced)
            continue;
        ++*placed;
        for (const QRect& box : boxes)
            if (label.labelRect.intersects(toMap(canvas, box)))
                under << label.labelText;
    }
    return under;
}

//! The names of the grandes métropoles and grands pôles (types 1 and 2) whose anchor is in the extent
//! of `canvas`, from its layer that has the pôle types.
QStringList largePolesShown(const QgsMapCanvas& canvas) {
    QStringList names;
    for (QgsMapLayer* layer : canvas.layers()) {
        auto* vector = qobject_cast<QgsVectorLayer*>(layer);
        if (!vector || vector->fields().indexOf(QStringLiteral("pole_type")) < 0 ||
            vector->fields().indexOf(QStringLiteral("anchor_x")) < 0)
            continue;
        const QgsRectangle extent = canvas.mapSettings().layerExtentToOutputExtent(vector, canvas.extent());
        QgsFeatureIterator it = vector->getFeatures(
            QgsFeatureRequest().setFilterExpression(QStringLiteral("\"pole_type\" IN (1, 2)")));
        QgsFeature f;
        while (it.nextFeature(f))
            if (extent.contains(QgsPointXY(f.attribute(QStringLiteral("anchor_x")).toDouble(),
                                           f.attribute(QStringLiteral("anchor_y")).toDouble())))
                names << f.attribute(QStringLiteral("nom")).toString();
    }
    names.removeDuplicates();
    return names;
}

//! The names placed among `labels` and their rectangles; "A over B" in `overlaps` for each pair drawn over
//! one another.
QHash<QString, QgsRectangle> placedNames(const QList<QgsLabelPosition>& labels, QStringList* overlaps) {
    QHash<QString, QgsRectangle> placed;
    for (const QgsLabelPosition& label : labels)
        if (!label.isUnplaced)
            placed.insert(label.labelText, label.labelRect);
    for (auto a = placed.cbegin(); a != placed.cend(); ++a)
        for (auto b = std::next(a); b != placed.cend(); ++b)
            if (a.value().intersects(b.value()))
                *overlaps << QStringLiteral("%1 over %2").arg(a.key(), b.key());
    return placed;
}

//! A name 20 × 4 at 2 from its marker at (x, y), with a halo of `clearance`.
NameBox nameBox(double x, double y, double clearance) {
    NameBox box;
    box.anchor = QgsPointXY(x, y);
    box.width = 20;
    box.height = 4;
    box.distance = 2;
    box.clearance = clearance;
    return box;
}

//! The position chosen first for each name (-1: none).
std::vector<int> first(const std::vector<NameBox>& names, const std::vector<Marker>& markers,
                       const QgsRectangle& extent, const QList<QgsRectangle>& keepOff) {
    std::vector<int> chosen;
    for (const std::vector<int>& order : chooseNamePositions(names, markers, extent, keepOff))
        chosen.push_back(order.empty() ? -1 : order.front());
    return chosen;
}

//! What the second map `second` draws otherwise than Maillage placed the large pôles' names in its view:
//! "Annemasse drawn, left out by Maillage", "Nancy over Strasbourg"… `inView` gets how many large pôles are
//! in view, `named` how many of them are named.
QStringList largeNamesNotAsPlaced(QgsMapCanvas* second, int* inView, int* named) {
    QgsVectorLayer* poles = nullptr;
    for (QgsMapLayer* layer : second->layers())
        if (auto* v = qobject_cast<QgsVectorLayer*>(layer); v && v->fields().indexOf("pole_type") >= 0)
            poles = v;
    if (!poles)
        return {QStringLiteral("no layer of pôle types")};
    // The positions placed for the second map; the large pôles in its view, their codes and anchors.
    const QVariantMap positions = LargePoleNames::of(second)->positions().value(poles->id()).toMap();
    QHash<QString, QString> codes;
    QHash<QString, QgsPointXY> anchors;
    QHash<QgsFeatureId, QString> names; // the names drawn may be shortened: "Marseille"
    QgsFeatureIterator it =
        poles->getFeatures(QgsFeatureRequest().setFilterExpression("\"pole_type\" IN (1, 2)"));
    QgsFeature f;
    while (it.nextFeature(f)) {
        const QgsPointXY anchor(f.attribute("anchor_x").toDouble(), f.attribute("anchor_y").toDouble());
        if (second->extent().contains(anchor)) {
            codes.insert(f.attribute("nom").toString(), f.attribute("code").toString());
            anchors.insert(f.attribute("nom").toString(), anchor);
            names.insert(f.id(), f.attribute("nom").toString());
        }
    }
    *inView = anchors.size();
    const double pixel = second->mapUnitsPerPixel();
    // QGIS's label rectangles keep the texts' visual margins (NameBox::marginTop and marginBottom,
    // about a fifth of their height each): two names are drawn over one another when the
    // rectangles without them meet.
    QStringList wrong;
    // The canvas draws the large names itself: QGIS's labels none of them (else drawn twice).
    if (const QgsLabelingResults* results = second->labelingResults())
        for (const QgsLabelPosition& label : results->allLabels())
            if (!label.isUnplaced && label.layerID == poles->id() && names.contains(label.featureId))
                wrong << names.value(label.featureId) + " labelled by QGIS";
    QHash<QString, QgsRectangle> placed;
    for (const QgsLabelPosition& label : testing::canvasLabels(second))
        if (!label.isUnplaced && label.layerID == poles->id() && names.contains(label.featureId)) {
            const double margin = 0.2 * label.labelRect.height();
            placed.insert(names.value(label.featureId),
                          QgsRectangle(label.labelRect.xMinimum(), label.labelRect.yMinimum() + margin,
                                       label.labelRect.xMaximum(), label.labelRect.yMaximum() - margin));
        }
    *named = 0;
    for (auto pole = anchors.cbegin(); pole != anchors.cend(); ++pole) {
        const QString& name = pole.key();
        const QVariant position = positions.value(codes.value(name));
        if (!position.isValid()) {
            wrong << name + " not placed by Maillage";
            continue;
        }
        if (placed.contains(name) == position.toString().isEmpty()) {
            wrong << name + (placed.contains(name) ? " drawn, left out by Maillage"
                                                   : " not drawn, placed " + position.toString());
            continue;
        }
        if (!placed.contains(name))
            continue;
        ++*named;
        // Beside its marker: within the second ring's distance (a few millimetres).
        if (!placed.value(name).buffered(40 * pixel).contains(pole.value()))
            wrong << name + " far from its marker";
        for (auto other = placed.cbegin(); other != placed.cend(); ++other)
            if (other.key() < name && other.value().intersects(placed.value(name)))
                wrong << name + " over " + other.key();
    }
    return wrong;
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

    //! Each large name, in rank order, takes the first of the eight positions around its marker (right
    //! above first) that is inside the map, off the boxes, off the names placed before it and off the other
    //! large pôles' markers; none when no position is clear.
    void aLargeNameTakesTheFirstPositionClearOfTheNamesBefore() {
        auto name = [](double x, double y) { return nameBox(x, y, 0.5); };
        const QgsRectangle extent(-100, -100, 100, 100);
        // Alone: right above.
        QCOMPARE(first({name(0, 0)}, {}, extent, {}), std::vector<int>{0});
        QCOMPARE(namePositionCodes().at(0), QStringLiteral("TR"));
        // A second pôle 5 units left and 4 up: its name right above would cover the first one's.
        const std::vector<NameBox> two{name(0, 0), name(-5, 4)};
        const std::vector<int> chosen = first(two, {}, extent, {});
        QCOMPARE(chosen, (std::vector<int>{0, 1})); // right above, then left above
        QVERIFY(!nameRect(two[0], chosen[0]).intersects(nameRect(two[1], chosen[1])));
        // A large pôle's marker under the first position: the name goes elsewhere, as it does for a smaller
        // pôle's marker; a large one's weighs more than several small ones.
        const Marker large{QgsPointXY(10, 3), 1, true}, small{QgsPointXY(10, 3), 1, false};
        const int offLarge = first({name(0, 0)}, {large}, extent, {})[0];
        QVERIFY(offLarge > 0);
        QVERIFY(!nameRect(name(0, 0), offLarge).intersects(QgsRectangle(9, 2, 11, 4)));
        QVERIFY(first({name(0, 0)}, {small}, extent, {})[0] > 0);
        // Only the positions above the marker free: right above covers the large marker, left above two
        // small ones, above all three: left above.
        const std::vector<Marker> three{
            large, {QgsPointXY(-10, 3), 1, false}, {QgsPointXY(-12, 4), 1, false}};
        QCOMPARE(first({name(0, 0)}, three, extent, {QgsRectangle(-50, -50, 50, 0.5)})[0], 1);
        // At the right edge of the map: to the left; under a box: elsewhere; boxed in: none.
        QCOMPARE(namePositionCodes().at(first({name(90, 0)}, {}, extent, {})[0]), QStringLiteral("TL"));
        QVERIFY(first({name(0, 0)}, {}, extent, {QgsRectangle(0, 0, 50, 50)})[0] > 0);
        QCOMPARE(first({name(0, 0)}, {}, extent, {QgsRectangle(-50, -50, 50, 50)}), std::vector<int>{-1});
        // The positions a name may take besides the chosen one are off every position the other may take.
        const std::vector<std::vector<int>> orders = chooseNamePositions(two, {}, extent, {});
        QVERIFY(orders[0].size() > 1 && orders[1].size() > 1);
        for (int p : orders[0])
            for (int q : orders[1])
                QVERIFY2(!nameRect(two[0], p).intersects(nameRect(two[1], q)),
                         qPrintable(QStringLiteral("%1 %2").arg(p).arg(q)));
    }

    //! A name may overlap another's halo by up to half its width when a quarter of each halo was kept
    //! between two names: no name's text is now over another's halo (the halos may overlap each other).
    void noNameIsPlacedOverTheHaloOfANamePlacedBefore() {
        auto name = [](double x, double y) { return nameBox(x, y, 1); };
        const QgsRectangle extent(-100, -100, 100, 100);
        // The second pôle's name right above would be 0.75 above the first one's: over its halo (1).
        const std::vector<NameBox> two{name(0, 0), name(0, 4.75)};
        QVERIFY(nameRect(two[1], 0).yMinimum() - nameRect(two[0], 0).yMaximum() > 0.7);
        const std::vector<int> chosen = first(two, {}, extent, {});
        QCOMPARE(chosen[0], 0);
        QVERIFY(chosen[1] >= 0);
        for (std::size_t i = 0; i < two.size(); ++i) {
            const QgsRectangle halo = nameRect(two[i], chosen[i]).buffered(two[i].clearance);
            const QgsRectangle other = nameRect(two[1 - i], chosen[1 - i]);
            QVERIFY2(!halo.intersects(other),
                     qPrintable(QStringLiteral("%1 %2").arg(chosen[0]).arg(chosen[1])));
        }
    }

    //! A large name with no clear position beside its marker was left out; it now takes one of the second
    //! ring, farther out, and only then: the positions it may take are of that ring.
    void aLargeNameWithNoRoomBesideItsMarkerIsPlacedFartherOut() {
        NameBox name = nameBox(0, 0, 0.5);
        name.farDistance = 5;
        const QgsRectangle extent(-100, -100, 100, 100);
        QCOMPARE(namePositionCount(name), 2 * kRingPositions);
        // Alone: right above, beside the marker.
        QCOMPARE(first({name}, {}, extent, {}), std::vector<int>{0});
        // Every position of the first ring under a box around the marker: right above, farther out.
        const QgsRectangle boxAround(-2, -2, 2, 2);
        for (int p = 0; p < kRingPositions; ++p)
            QVERIFY(nameRect(name, p).buffered(name.clearance).intersects(boxAround));
        const std::vector<std::vector<int>> orders = chooseNamePositions({name}, {}, extent, {boxAround});
        QCOMPARE(orders.front().front(), kRingPositions);
        QCOMPARE(namePositionCodes().at(orders.front().front() % kRingPositions), QStringLiteral("TR"));
        QVERIFY(!nameRect(name, kRingPositions).buffered(name.clearance).intersects(boxAround));
        for (int p : orders.front())
            QVERIFY(p >= kRingPositions);
        // Without a second ring: left out.
        name.farDistance = 0;
        QCOMPARE(first({name}, {}, extent, {boxAround}), std::vector<int>{-1});
    }

    //! At 1280×720 in the two-map workshop, Valenciennes (a grand pôle) was unnamed on the main map while
    //! Cambrai and Arras were named (its positions all touched the enlarged pôle markers). Every grande
    //! métropole and grand pôle in view is named on both maps, and no name is drawn over another.
    void everyLargePoleInViewIsNamedOnBothMapsInTheWorkshop() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        auto window = testing::showTwoYearsWindow(QSize(1280, 720));
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->showDataset(testing::importHautsDeFrance(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(window->layers()->departementsReady(), 120000);
        window->setCompareVisible(true);
        window->setWorkshopMode(true);
        QTest::qWait(300);
        window->setGeometry(QRect(0, 0, 1280, 720)); // the projector's screen (the workshop fills the screen)
        QTest::qWait(300);
        window->canvas()->zoomToFullExtent();
        QVERIFY(drawn(window->canvas()));
        QVERIFY(drawn(window->compare()->canvas()));
        QCOMPARE(window->canvas()->width() + window->compare()->canvas()->width() > 1200, true);
        for (QgsMapCanvas* canvas : {window->canvas(), window->compare()->canvas()}) {
            const QStringList large = largePolesShown(*canvas);
            QVERIFY2(large.size() >= 5, qPrintable(large.join(", "))); // Lille, Valenciennes, Amiens…
            QStringList overlaps;
            const QHash<QString, QgsRectangle> placed = placedNames(testing::canvasLabels(canvas), &overlaps);
            QStringList unnamed;
            for (const QString& name : large)
                if (!placed.contains(name))
                    unnamed << name;
            QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("%1: %2 unnamed; named: %3")
                                                       .arg(canvas->objectName(), unnamed.join(", "),
                                                            QStringList(placed.keys()).join(", "))));
            // Every name readable: none drawn over another.
            QVERIFY2(overlaps.isEmpty(),
                     qPrintable(canvas->objectName() + QStringLiteral(": ") + overlaps.join(", ")));
        }
        window->setWorkshopMode(false);
        window->setCompareVisible(false);
        QTRY_VERIFY(!window->canvas()->isDrawing());
    }

    //! On the map of France in the two-map workshop at 1920×1080, the second map drew Annemasse's name over
    //! Clermont-Ferrand's: a name Maillage left out (no room beside the heavier pôles' names) reached QGIS as
    //! NULL, "no position", and QGIS placed it itself where it found room (a forced name is no obstacle).
    //! On the second map, at 1920×1080 and 1280×720, a large pôle's name is drawn exactly when Maillage
    //! placed it, beside its marker, and over no other name; also once the box over the map has moved.
    void theSecondMapDrawsTheLargeNamesAsPlacedForIt() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        const model::Dataset france = testing::importFrance();
        for (const QSize& screen : {QSize(1920, 1080), QSize(1280, 720)}) {
            // As `maillage --compare --workshop` opens it: the whole territory on the two maps, then the
            // workshop on the projector's screen.
            auto window = testing::showTwoYearsWindow(screen);
            QVERIFY(QTest::qWaitForWindowExposed(window.get()));
            window->showDataset(france, QString());
            QTRY_VERIFY_WITH_TIMEOUT(window->layers()->departementsReady(), 120000);
            window->setCompareVisible(true);
            QTimer::singleShot(0, window.get(), [&window] { window->zoomToFull(); });
            window->setWorkshopMode(true);
            QTest::qWait(300);
            window->setGeometry(QRect(QPoint(0, 0), screen));
            QgsMapCanvas* second = window->compare()->canvas();
            QVERIFY(drawn(window->canvas()));
            QVERIFY(drawn(second));
            QVERIFY(second->width() > screen.width() / 3);
            int inView = 0, named = 0;
            QStringList wrong = largeNamesNotAsPlaced(second, &inView, &named);
            const QString at = QStringLiteral("%1×%2: ").arg(screen.width()).arg(screen.height());
            QVERIFY2(wrong.isEmpty(), qPrintable(at + wrong.join(", ")));
            QVERIFY2(inView >= 50, qPrintable(at + QString::number(inView)));
            // Named within their share of France in sight (the workshop), the eight heaviest at least.
            QVERIFY2(named >= 8 && named < inView, qPrintable(at + QString::number(named)));
            // The title moved down over the north of France: the names there are placed again and drawn as
            // placed (the canvas drew them again from its cache, where the title now is).
            auto* title = second->findChild<QWidget*>(QStringLiteral("compareChoice"));
            QVERIFY(title);
            title->move(title->x() - second->width() / 10, second->height() / 3);
            QVERIFY(drawn(second));
            wrong = largeNamesNotAsPlaced(second, &inView, &named);
            QVERIFY2(wrong.isEmpty(), qPrintable(at + "title moved: " + wrong.join(", ")));
            window->setWorkshopMode(false);
            window->setCompareVisible(false);
            QTRY_VERIFY(!window->canvas()->isDrawing());
        }
    }

    //! QGIS stroked the halo of every large pôle's name anew at each redraw: 65 to 90 ms of each recompute
    //! of the national map (issue 10). The canvases draw those names themselves, each where Maillage placed
    //! it: QGIS's labels leave them out, its smaller pôles' names keep off them and their halos, and each
    //! name's text is on the screen, dark over its halo. Hauts-de-France in the normal window, where the
    //! smaller pôles are named too.
    void theCanvasDrawsTheLargeNamesAndTheSmallerOnesKeepOffThem() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        auto window = testing::showTwoYearsWindow(QSize(1600, 1000));
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->showDataset(testing::importHautsDeFrance(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(window->layers()->departementsReady(), 120000);
        QgsMapCanvas* canvas = window->canvas();
        window->zoomToFull();
        QVERIFY(drawn(canvas));
        QgsVectorLayer* bassins = window->layers()->bassins();
        const QStringList large = largePolesShown(*canvas);
        QVERIFY2(large.size() >= 5, qPrintable(large.join(", ")));
        const std::vector<PlacedName>& names = LargePoleNames::of(canvas)->names();
        QStringList drawnNames, smaller;
        for (const PlacedName& name : names)
            drawnNames << name.text;
        for (const QString& name : large)
            QVERIFY2(drawnNames.contains(name),
                     qPrintable(name + " not drawn; drawn: " + drawnNames.join(", ")));
        // QGIS's labels: none of the large names, the smaller pôles' clear of them and their halos.
        const double halo = 0.8 * canvas->mapSettings().outputDpi() / 25.4 * canvas->mapUnitsPerPixel();
        for (const QgsLabelPosition& label : canvas->labelingResults()->allLabels()) {
            if (label.isUnplaced || label.layerID != bassins->id())
                continue;
            QVERIFY2(!large.contains(label.labelText), qPrintable(label.labelText + " labelled by QGIS"));
            smaller << label.labelText;
            for (const PlacedName& name : names)
                QVERIFY2(!label.labelRect.intersects(name.rect.buffered(halo)),
                         qPrintable(label.labelText + " over " + name.text));
        }
        QVERIFY2(smaller.size() >= 5, qPrintable(smaller.join(", "))); // Arras, Cambrai, Calais…
        // On the screen: dark text inside each name's rectangle.
        const QImage screen = canvas->viewport()->grab().toImage();
        const QgsMapToPixel& m2p = canvas->mapSettings().mapToPixel();
        for (const PlacedName& name : names) {
            const QgsPointXY a = m2p.transform(name.rect.xMinimum(), name.rect.yMaximum());
            const QgsPointXY b = m2p.transform(name.rect.xMaximum(), name.rect.yMinimum());
            int dark = 0, all = 0;
            for (int y = qRound(a.y()); y < qRound(b.y()); ++y)
                for (int x = qRound(a.x()); x < qRound(b.x()); ++x, ++all)
                    if (qGray(screen.pixel(x, y)) < 0x50)
                        ++dark;
            QVERIFY2(
                all > 0 && dark > all / 10,
                qPrintable(QStringLiteral("%1: %2 dark pixels of %3").arg(name.text).arg(dark).arg(all)));
        }
        // A map drawn from the canvas's settings (the two-map figure) gets QGIS's labels of them back.
        QgsMapSettings figure = canvas->mapSettings();
        QVERIFY(figure.expressionContext().variable(styles::kLargeNamesDrawnVariable).toBool());
        figure.setLayers(LabelObstacles::withoutObstacles(figure.layers()));
        placeLargePoleNames(figure);
        QgsMapRendererSequentialJob job(figure);
        job.start();
        job.waitForFinished();
        const std::unique_ptr<QgsLabelingResults> results(job.takeLabelingResults());
        QVERIFY(results);
        QStringList labelled;
        for (const QgsLabelPosition& label : results->allLabels())
            if (!label.isUnplaced)
                labelled << label.labelText;
        for (const QString& name : large)
            QVERIFY2(labelled.contains(name),
                     qPrintable(name + " not on the figure: " + labelled.join(", ")));
        window.reset();
    }

    //! The whole of France in the workshop at 1280×720 had 53 large pôles named over the map, one halo
    //! apart (Rouen beside Paris): the names, read from across the room, hid the territory. In the workshop
    //! the eight heaviest pôles are named, and the lighter ones while the names cover at most
    //! WorkshopMode::kNameCover of the territory in sight; out of it, the analyst's map names them again.
    void theWorkshopNamesTheHeaviestPolesOfACountryAndLeavesItInSight() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        auto window = testing::showTwoYearsWindow(QSize(1280, 720));
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->showDataset(testing::importFrance(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(window->layers()->departementsReady(), 120000);
        QTimer::singleShot(0, window.get(), [&window] { window->zoomToFull(); });
        window->setWorkshopMode(true);
        QTest::qWait(300);
        window->setGeometry(QRect(0, 0, 1280, 720));
        QgsMapCanvas* canvas = window->canvas();
        QVERIFY(drawn(canvas));
        QgsVectorLayer* bassins = window->layers()->bassins();
        // The large pôles in view, heaviest first (type, then professionals), and the names placed.
        struct Large {
            QString code, name;
            int type;
            double total;
        };
        std::vector<Large> large;
        QgsFeatureIterator it =
            bassins->getFeatures(QgsFeatureRequest().setFilterExpression("\"pole_type\" IN (1, 2)"));
        QgsFeature f;
        while (it.nextFeature(f))
            if (canvas->extent().contains(
                    QgsPointXY(f.attribute("anchor_x").toDouble(), f.attribute("anchor_y").toDouble())))
                large.push_back({f.attribute("code").toString(), f.attribute("nom").toString(),
                                 f.attribute("pole_type").toInt(), f.attribute("total").toDouble()});
        std::sort(large.begin(), large.end(), [](const Large& a, const Large& b) {
            return a.type != b.type ? a.type < b.type : a.total > b.total;
        });
        QVERIFY2(large.size() >= 50, qPrintable(QString::number(large.size())));
        auto namedOf = [&] {
            const QVariantMap positions =
                LargePoleNames::of(canvas)->positions().value(bassins->id()).toMap();
            QStringList named;
            for (const Large& pole : large)
                if (!positions.value(pole.code).toString().isEmpty())
                    named << pole.name;
            return named;
        };
        const QStringList named = namedOf();
        const QString what = named.join(", ");
        for (std::size_t i = 0; i < 8; ++i)
            QVERIFY2(named.contains(large[i].name), qPrintable(large[i].name + " unnamed; named: " + what));
        QVERIFY2(named.size() < static_cast<int>(large.size()) * 2 / 3, qPrintable(what));
        // Beyond the eight heaviest, the names drawn with their halos cover at most the share of France in
        // sight.
        const QgsRectangle territory = bassins->extent().intersect(canvas->extent());
        const QgsRenderContext context = QgsRenderContext::fromMapSettings(canvas->mapSettings());
        double covered = 0;
        for (const PlacedName& name : LargePoleNames::of(canvas)->names()) {
            const QgsTextBufferSettings& halo = name.format.buffer();
            const QgsRectangle drawn = name.rect.buffered(
                context.convertToMapUnits(halo.size(), halo.sizeUnit(), halo.sizeMapUnitScale()));
            covered += drawn.width() * drawn.height();
        }
        QCOMPARE(LargePoleNames::of(canvas)->names().size(), static_cast<std::size_t>(named.size()));
        QVERIFY2(covered <= WorkshopMode::kNameCover * territory.width() * territory.height(),
                 qPrintable(QStringLiteral("%1 of France covered by %2")
                                .arg(covered / (territory.width() * territory.height()))
                                .arg(what)));
        window->setWorkshopMode(false);
        QVERIFY(drawn(canvas));
        QVERIFY2(namedOf().size() > named.size(), qPrintable(namedOf().join(", ")));
        QTRY_VERIFY(!canvas->isDrawing());
    }

    //! On the map of France in the normal window (1:9,200,000), Lille was unnamed while Douai was named:
    //! Douai - Lens, Béthune and Valenciennes are a few millimetres from it. Hauts-de-France with its
    //! maillage at that scale: Lille is named, and no name is drawn over another.
    void lilleIsNamedOnTheMapOfFrance() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        Session session;
        QgsProject project;
        MapLayers layers(&session, &project);
        session.setDataset(testing::importHautsDeFrance());
        MaillageLayers maillage(&project);
        maillage.showMaillage(session.maillage(), session.dataset(), session.parameters().maillage);
        QgsVectorLayer* bassins = layers.bassins();
        // The map of the normal window at 1600×1000 (480×780 pixels, 96 DPI) at 1:9,200,000, the région
        // in its upper part as France's north is.
        const QSize size(480, 780);
        const double unitsPerPixel = 9.2e6 * 0.0254 / 96;
        const QgsPointXY north = layers.fullExtent().center();
        const QgsRectangle extent(
            north.x() - size.width() / 2.0 * unitsPerPixel, north.y() - size.height() * 0.8 * unitsPerPixel,
            north.x() + size.width() / 2.0 * unitsPerPixel, north.y() + size.height() * 0.2 * unitsPerPixel);
        QList<QgsLabelPosition> labels;
        testing::renderMapWithLabels({maillage.poles(), maillage.links(), bassins}, extent, size, &labels);
        QStringList overlaps;
        const QHash<QString, QgsRectangle> placed = placedNames(labels, &overlaps);
        QVERIFY2(placed.contains(QStringLiteral("Lille")), qPrintable(QStringList(placed.keys()).join(", ")));
        QVERIFY2(overlaps.isEmpty(), qPrintable(overlaps.join(", ")));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestWorkshop22)
#include "test_workshop22.moc"
