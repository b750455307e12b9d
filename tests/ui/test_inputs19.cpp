// Issue 8 on the map: the dataset's infra-communal zones and health facilities as layers of the window,
// a click describing them masked as the density tables are; a dataset without them has neither layer.
#include "core/io/gpkg.h"
#include "ui/facilities_layer.h"
#include "ui/i18n.h"
#include "ui/main_window.h"
#include "ui/map_layers.h"
#include "ui/qpv_identify.h"
#include "ui/zones_layer.h"

#include "qgis_test_main.h"
#include "ui_fixture.h"

#include <QApplication>
#include <QDockWidget>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <qgscategorizedsymbolrenderer.h>
#include <qgslayertree.h>
#include <qgslayertreeview.h>
#include <qgsmapcanvas.h>
#include <qgspointdisplacementrenderer.h>
#include <qgsproject.h>

#include <memory>

using namespace maillage;
using namespace maillage::ui;

namespace {

//! Epsilon (00005, x 110–120 km, y 6 500–6 510 km) has 500 GPs: zones "Nord" (3 of them) and "Sud" (497),
//! both masked in the zones' table (3 is secret, and 500 − 3 would give it back). Grouped in one quartier.
model::Dataset sixBassinsWithZones() {
    model::Dataset ds = testing::makeSixBassins();
    model::Zone nord{"000050001", "Nord",        "00005", 8000, testing::squareWkb(110000, 6505000, 5000),
                     "Q1",        "Centre-ville"};
    model::Zone sud{"000050002", "Sud",         "00005", 12000, testing::squareWkb(110000, 6500000, 5000),
                    "Q1",        "Centre-ville"};
    ds.zones = {nord, sud};
    ds.zoneCounts = {{nord.code, "medecin_generaliste", 2023, 3},
                     {sud.code, "medecin_generaliste", 2023, 497}};
    ds.reindex();
    return ds;
}

//! The window with `ds` opened (written to a GeoPackage of `dir`), shown.
std::unique_ptr<MainWindow> openWindow(const model::Dataset& ds, const QTemporaryDir& dir) {
    const QString gpkg = dir.filePath(QStringLiteral("d.gpkg"));
    io::writeDataset(ds, gpkg.toStdString());
    auto window = std::make_unique<MainWindow>();
    window->setErrorDialogsEnabled(false);
    window->resize(1200, 800);
    window->show();
    QSignalSpy shown(window.get(), &MainWindow::datasetShown);
    window->openDataset(gpkg);
    if (!QTest::qWaitFor([&] { return shown.count() == 1; }, 60000))
        return nullptr;
    return window;
}

//! Clicks the canvas of `window` at map point (x, y) and returns the status bar's message.
QString clickAt(MainWindow& window, double x, double y) {
    QgsMapCanvas* canvas = window.canvas();
    const QgsPointXY pixel = canvas->getCoordinateTransform()->transform(QgsPointXY(x, y));
    QTest::mouseClick(canvas->viewport(), Qt::LeftButton, Qt::NoModifier,
                      QPoint(static_cast<int>(pixel.x()), static_cast<int>(pixel.y())));
    return window.statusBar()->currentMessage();
}

} // namespace

class TestInputs19 : public QObject {
    Q_OBJECT
private slots:
    void zonesAreALayerOfTheMapAndAClickShowsTheirMaskedFigures() {
        const model::Dataset ds = sixBassinsWithZones();
        QTemporaryDir dir;
        auto window = openWindow(ds, dir);
        QVERIFY(window);
        QgsVectorLayer* zones = window->layers()->zones();
        QVERIFY(zones);
        QCOMPARE(zones->featureCount(), 2LL);
        QVERIFY(zones->labelsEnabled());
        QVERIFY(zones->hasScaleBasedVisibility()); // outlines when zoomed in, not over the whole territory
        QVERIFY(window->project()->layerTreeRoot()->findLayer(zones));
        QCOMPARE(findLayerByRole(window->project(), QString::fromLatin1(role::Zones)), zones);

        QgsMapCanvas* canvas = window->canvas();
        canvas->setExtent(zones->extent().buffered(2000));
        canvas->refresh();
        QTRY_VERIFY(canvas->layers().contains(zones));
        QVERIFY(zones->isInScaleRange(canvas->scale()));
        const QString message = clickAt(*window, 112500, 6502500); // in Sud
        QVERIFY2(message.startsWith(QStringLiteral("Sud (000050002)")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("< 5")), qPrintable(message)); // 497, complementary secret
        QVERIFY2(!message.contains(QStringLiteral("497")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Centre-ville")), qPrintable(message));
        const ZoneFigures figures{"", 0, analysis::SecrecyRule::from(ds.params.density)};
        QCOMPARE(message, describeZone(ds, QStringLiteral("000050002"), figures, i18n::engineLanguage()));
    }

    void zoneFiguresAreShownWhenNoSecrecyHidesThem() {
        model::Dataset ds = sixBassinsWithZones();
        ds.zoneCounts[0].count = 300;
        ds.zoneCounts[1].count = 200;
        const ZoneFigures figures{"", 0, analysis::SecrecyRule::from(ds.params.density)};
        const QString text = describeZone(ds, QStringLiteral("000050001"), figures, Language::En);
        QVERIFY2(text.startsWith(QStringLiteral("Nord (000050001) · Population: 8,000")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Professionals: 300")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("375")), qPrintable(text)); // per 10,000: 300 / 8,000
        QVERIFY2(text.endsWith(QStringLiteral("Quartier: Centre-ville")), qPrintable(text));
        QCOMPARE(describeZone(ds, QStringLiteral("999999999"), figures, Language::En), QString());
    }

    void facilitiesArePointsOffByDefaultAndAClickListsThemWithTheMaskedProfessionals() {
        model::Dataset ds = testing::makeSixBassins();
        for (model::CountRecord& c : ds.counts)
            if (c.place == "00005")
                c.count = 3; // Epsilon's GPs: secret
        ds.facilities = {{"00005", "D106", 2023, 1},
                         {"00005", "D108", 2023, 2},
                         {"00001", "D106", 2023, 3},
                         {"00001", "D106", 2018, 9}}; // an older vintage: not drawn
        QTemporaryDir dir;
        auto window = openWindow(ds, dir);
        QVERIFY(window);
        QgsVectorLayer* facilities = window->layers()->facilities();
        QVERIFY(facilities);
        QCOMPARE(facilities->featureCount(), 3LL);
        QgsLayerTreeLayer* node = window->project()->layerTreeRoot()->findLayer(facilities);
        QVERIFY(node);
        QVERIFY(!node->isVisible()); // off until the user ticks it
        QVERIFY(!window->canvas()->layers().contains(facilities));
        auto* displaced = dynamic_cast<QgsPointDisplacementRenderer*>(facilities->renderer());
        QVERIFY(displaced);
        auto* categorized = dynamic_cast<const QgsCategorizedSymbolRenderer*>(displaced->embeddedRenderer());
        QVERIFY(categorized);
        QCOMPARE(categorized->classAttribute(), QStringLiteral("kind"));
        QCOMPARE(categorized->categories().size(), 2); // D106 and D108
        QVERIFY2(categorized->categories().at(0).label().endsWith(QStringLiteral("(2)")),
                 qPrintable(categorized->categories().at(0).label()));

        node->setItemVisibilityChecked(true);
        QgsMapCanvas* canvas = window->canvas();
        window->zoomToFull();
        QTRY_VERIFY(canvas->layers().contains(facilities));
        const model::Point anchor = ds.commune("00005")->anchor;
        const QString message = clickAt(*window, anchor.x, anchor.y);
        QVERIFY2(message.startsWith(QStringLiteral("Epsilon (00005), BPE 2023")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("< 5")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral(": 3")), qPrintable(message));
        const ZoneFigures figures{"", 0, analysis::SecrecyRule::from(ds.params.density)};
        QCOMPARE(message, describeFacilities(ds, QStringLiteral("00005"), figures, i18n::engineLanguage()));
        const QString english = describeFacilities(ds, QStringLiteral("00005"), figures, Language::En);
        QVERIFY2(english.contains(QStringLiteral(": 2")), qPrintable(english)); // establishments: public
        QVERIFY2(english.endsWith(QStringLiteral("Professionals in the commune (all professions): < 5")),
                 qPrintable(english));
    }

    void facilitiesLegendStaysFoldedWhileOffAndTheMapKeepsAThirdOfANarrowWindow() {
        model::Dataset ds = testing::makeSixBassins();
        // Every kind, the longest lines of the legend ("Multidisciplinary health centre (maison de santé
        // pluridisciplinaire) (1)").
        for (int kind = 101; kind <= 113; ++kind)
            ds.facilities.push_back({"00001", "D" + std::to_string(kind), 2023, 1});
        QTemporaryDir dir;
        auto window = openWindow(ds, dir);
        QVERIFY(window);
        const int width = 1100; // a laptop's window, the panels docked on both sides
        window->resize(width, 760);
        QgsVectorLayer* facilities = window->layers()->facilities();
        QVERIFY(facilities);
        QgsLayerTreeLayer* node = window->project()->layerTreeRoot()->findLayer(facilities);
        QVERIFY(node);
        QVERIFY(!node->isVisible());
        QVERIFY(!node->isExpanded()); // off, so folded
        auto* dock = window->findChild<QDockWidget*>(QStringLiteral("dockLayers"));
        QVERIFY(dock);
        QTRY_VERIFY(dock->minimumWidth() <= width / 4);
        QTRY_VERIFY2(window->canvas()->width() >= width / 3,
                     qPrintable(QString::number(window->canvas()->width())));

        node->setItemVisibilityChecked(true); // ticked: its kinds unfold, the dock still leaves the map room
        QVERIFY(node->isExpanded());
        auto* view = window->findChild<QgsLayerTreeView*>();
        QVERIFY(view);
        QTRY_VERIFY(view->isExpanded(view->node2index(node)));
        QApplication::processEvents();
        QVERIFY(dock->minimumWidth() <= width / 4);
        QVERIFY2(window->canvas()->width() >= width / 3,
                 qPrintable(QString::number(window->canvas()->width())));
        // Folded again by the user, it stays folded when ticked off and on.
        node->setExpanded(false);
        node->setItemVisibilityChecked(false);
        node->setItemVisibilityChecked(true);
        QVERIFY(!node->isExpanded());
    }

    void aDatasetWithoutZonePolygonsNorLocatedFacilitiesHasNeitherLayer() {
        model::Dataset ds = testing::makeSixBassins();
        ds.zones = {{"000050001", "Nord", "00005", 8000, {}, "", ""}}; // a population, no polygon
        ds.communes[0].anchor = {};                                    // Alpha not located
        ds.facilities = {{"00001", "D106", 2023, 3}};
        QCOMPARE(createZonesLayer(ds, QStringLiteral("z")), nullptr);
        QCOMPARE(createFacilitiesLayer(ds, QStringLiteral("f")), nullptr);
        QTemporaryDir dir;
        auto window = openWindow(testing::makeSixBassins(), dir);
        QVERIFY(window);
        QVERIFY(!window->layers()->zones());
        QVERIFY(!window->layers()->facilities());
        QVERIFY(window->layers()->bassins());
        // A click on the map still says what was clicked.
        window->zoomToFull();
        const QString message = clickAt(*window, 115000, 6505000);
        QVERIFY2(message.contains(QStringLiteral("Epsilon")), qPrintable(message));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestInputs19)
#include "test_inputs19.moc"
