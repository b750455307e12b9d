// Issue 11, session 19: the two maps get the window's width, the second map's densities are computed in a
// background task, its labels are enlarged like the main map's in the workshop mode.
#include "core/io/import.h"
#include "ui/app_settings.h"
#include "ui/layer_roles.h"
#include "ui/maillage_layers.h"
#include "ui/main_window.h"
#include "ui/map_compare.h"
#include "ui/map_layers.h"
#include "ui/session.h"
#include "ui/workshop.h"

#include "testing.h"
#include "ui/control_image.h"
#include "ui/map_testing.h"
#include "ui/qgis_test_main.h"
#include "ui/styles/layer_styles.h"
#include "ui/workshop_fixture.h"

#include <QDir>
#include <QDockWidget>
#include <QSplitter>

#include <qgsexpression.h>
#include <qgsexpressioncontextutils.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslabelingengine.h>
#include <qgslabelingresults.h>
#include <qgslinesymbol.h>
#include <qgsmapcanvas.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgspallabeling.h>
#include <qgsrenderer.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

using namespace maillage;
using namespace maillage::ui;

namespace {

//! The layer of `canvas` drawn with graduated colours (a density), or nullptr.
const QgsVectorLayer* densityLayerOf(const QgsMapCanvas* canvas) {
    for (QgsMapLayer* layer : canvas->layers())
        if (auto* vector = qobject_cast<QgsVectorLayer*>(layer);
            vector && dynamic_cast<const QgsGraduatedSymbolRenderer*>(vector->renderer()))
            return vector;
    return nullptr;
}

//! The layer of `canvas` that has the pôle_type field (the pôle types), or nullptr.
QgsVectorLayer* poleLayerOf(const QgsMapCanvas* canvas) {
    for (QgsMapLayer* layer : canvas->layers())
        if (auto* vector = qobject_cast<QgsVectorLayer*>(layer);
            vector && vector->fields().indexOf(QStringLiteral("pole_type")) >= 0)
            return vector;
    return nullptr;
}

//! The text size (points) of the label of the feature of `layer` whose code is `code`, data-defined size
//! included.
double labelSize(QgsVectorLayer* layer, const QString& code) {
    if (!layer || !layer->labeling())
        return -1;
    const QStringList providers = layer->labeling()->subProviders();
    const QgsPalLayerSettings settings = layer->labeling()->settings(providers.value(0));
    QgsExpressionContext context(QgsExpressionContextUtils::globalProjectLayerScopes(layer));
    QgsFeature f;
    QgsFeatureIterator it = layer->getFeatures(
        QgsFeatureRequest().setFilterExpression(QStringLiteral("\"code\" = '%1'").arg(code)));
    if (!it.nextFeature(f))
        return -1;
    context.setFeature(f);
    return settings.dataDefinedProperties().valueAsDouble(QgsPalLayerSettings::Size, context,
                                                          settings.format().size());
}

//! Hauts-de-France from ../shared/data, imported once for the suite.
const model::Dataset& hautsDeFrance() {
    static const model::Dataset dataset = testing::importHautsDeFrance();
    return dataset;
}

#define REQUIRE_HAUTS_DE_FRANCE()                                                                            \
    do {                                                                                                     \
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");                        \
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");                              \
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");                         \
    } while (false)

} // namespace

class TestWorkshop19 : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_window = testing::showTwoYearsWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup() {
        QTRY_VERIFY(!m_window->canvas()->isDrawing());
        m_window.reset();
        QLocale::setDefault(QLocale::c());
    }

    void theTwoMapsTakeTheWindowWidthAndTheDocksComeBack_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1600×1000") << QSize(1600, 1000);
        QTest::newRow("1280×720") << QSize(1280, 720);
    }
    void theTwoMapsTakeTheWindowWidthAndTheDocksComeBack() {
        QFETCH(QSize, size);
        MainWindow& w = *m_window;
        w.resize(size);
        QTest::qWait(50);
        QList<QDockWidget*> shown;
        for (QDockWidget* dock : w.findChildren<QDockWidget*>())
            if (dock->isVisible())
                shown << dock;
        QVERIFY(!shown.isEmpty()); // the analyst layout: layers and a panel beside the map

        w.setCompareVisible(true);
        QVERIFY(w.compare());
        QTest::qWait(50);
        QCOMPARE(w.width(), size.width()); // the height may grow to the docks' minimum
        const int least = size.width() * 2 / 5;
        QVERIFY2(w.canvas()->width() >= least && w.compare()->canvas()->width() >= least,
                 qPrintable(QStringLiteral("maps %1 and %2 px wide in a %3 px window")
                                .arg(w.canvas()->width())
                                .arg(w.compare()->canvas()->width())
                                .arg(size.width())));
        // Side by side, the same height.
        QVERIFY(w.compare()->canvas()->mapTo(&w, QPoint()).x() > w.canvas()->mapTo(&w, QPoint()).x());
        QCOMPARE(w.compare()->canvas()->height(), w.canvas()->height());
        QVERIFY2(w.canvas()->height() >= size.height() / 2,
                 qPrintable(QString::number(w.canvas()->height())));

        w.setCompareVisible(false);
        QTest::qWait(50);
        for (QDockWidget* dock : std::as_const(shown))
            QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
    }

    void theDocksFollowTheTwoMapsOpenedOrClosedInTheWorkshop() {
        MainWindow& w = *m_window;
        w.resize(1600, 1000);
        QTest::qWait(50);
        QList<QDockWidget*> shown;
        for (QDockWidget* dock : w.findChildren<QDockWidget*>())
            if (dock->isVisible())
                shown << dock;
        QVERIFY(!shown.isEmpty());
        auto visibleDocks = [&] {
            int n = 0;
            for (QDockWidget* dock : w.findChildren<QDockWidget*>())
                n += dock->isVisible() ? 1 : 0;
            return n;
        };
        // Opened before the workshop, closed in it: the analyst's docks come back when it is left.
        w.setCompareVisible(true);
        w.setWorkshopMode(true);
        w.setCompareVisible(false);
        QCOMPARE(visibleDocks(), 0);
        w.setWorkshopMode(false);
        QTRY_COMPARE(visibleDocks(), shown.size());
        for (QDockWidget* dock : std::as_const(shown))
            QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
        // Opened in the workshop, still open when it is left: the maps keep the width.
        w.setWorkshopMode(true);
        w.setCompareVisible(true);
        w.setWorkshopMode(false);
        QTRY_COMPARE(visibleDocks(), 0);
        QTRY_VERIFY(w.canvas()->width() >= 1600 * 2 / 5);
        w.setCompareVisible(false);
        QTRY_COMPARE(visibleDocks(), shown.size());
    }

    void theSecondMapsDensityIsComputedInATaskAndShownWhenReady() {
        MainWindow& w = *m_window;
        w.setCompareVisible(true);
        MapCompare* compare = w.compare();
        QVERIFY(poleLayerOf(compare->canvas()));
        compare->showDensity(QString(), 2023);
        // Not computed in the GUI thread: the pôle types stay until the densities are there.
        QVERIFY(compare->showsDensity());
        QVERIFY(compare->densityPending());
        QVERIFY(!densityLayerOf(compare->canvas()));
        QTRY_VERIFY(densityLayerOf(compare->canvas()));
        QVERIFY(!compare->densityPending());
        QCOMPARE(densityLayerOf(compare->canvas())->featureCount(), w.layers()->communes()->featureCount());
        w.setCompareVisible(false);
    }

    void aDensityAskedBeforeAnotherChoiceNeverReplacesIt() {
        MainWindow& w = *m_window;
        w.setCompareVisible(true);
        MapCompare* compare = w.compare();
        compare->showDensity(QString(), 2023);
        compare->setVintage(2018); // the user changes their mind before the densities are there
        QVERIFY(!compare->densityPending());
        QTest::qWait(300);
        QTRY_VERIFY(QgsApplication::taskManager()->countActiveTasks() == 0);
        QTest::qWait(50);
        QVERIFY(!densityLayerOf(compare->canvas()));
        QVERIFY(poleLayerOf(compare->canvas()));
        QVERIFY(!compare->showsDensity());
        w.setCompareVisible(false);
    }

    void theSecondMapsLabelsAreEnlargedLikeTheMainMapsInTheWorkshop() {
        MainWindow& w = *m_window;
        const double plain = labelSize(w.layers()->bassins(), QStringLiteral("00002")); // a grand pôle
        QVERIFY(plain > 0);
        const int year = w.session()->vintage(); // the same types on both maps
        // Both orders: the workshop entered with the two maps shown, and the two maps opened in it.
        for (bool compareFirst : {true, false}) {
            if (compareFirst)
                w.setCompareVisible(true);
            w.setWorkshopMode(true);
            if (!compareFirst)
                w.setCompareVisible(true);
            w.compare()->setVintage(year);
            QTest::qWait(50);
            const double main = labelSize(w.layers()->bassins(), QStringLiteral("00002"));
            const double second = labelSize(poleLayerOf(w.compare()->canvas()), QStringLiteral("00002"));
            QVERIFY2(qFuzzyCompare(main, plain * w.workshop()->factor()), qPrintable(QString::number(main)));
            QVERIFY2(qFuzzyCompare(second, main),
                     qPrintable(QStringLiteral("second map %1 pt, main map %2 pt").arg(second).arg(main)));
            // The main map's labels use the same label engine settings on both canvases.
            QCOMPARE(w.compare()->canvas()->labelingEngineSettings().testFlag(
                         QgsLabelingEngineSettings::UsePartialCandidates),
                     w.canvas()->labelingEngineSettings().testFlag(
                         QgsLabelingEngineSettings::UsePartialCandidates));
            // A density on the second map, then pôle types again: still enlarged.
            w.compare()->showDensity(QString(), 2018);
            QTRY_VERIFY(!w.compare()->densityPending());
            w.compare()->setVintage(year);
            QVERIFY(
                qFuzzyCompare(labelSize(poleLayerOf(w.compare()->canvas()), QStringLiteral("00002")), main));
            w.setWorkshopMode(false);
            w.setCompareVisible(false);
            QTest::qWait(50);
        }
    }

    void poleNamesGiveWayByRankOnHautsDeFranceInTheWorkshop() {
        REQUIRE_HAUTS_DE_FRANCE();
        Session session;
        QgsProject project;
        MapLayers layers(&session, &project);
        session.setDataset(hautsDeFrance());
        MaillageLayers maillage(&project);
        maillage.showMaillage(session.maillage(), session.dataset(), session.parameters().maillage);
        QgsVectorLayer* bassins = layers.bassins();
        const QList<QgsMapLayer*> drawn{maillage.poles(), maillage.links(), bassins};
        LayerMagnifier magnifier(WorkshopMode::kDefaultFactor);
        for (QgsMapLayer* layer : drawn)
            magnifier.magnify(layer);
        // The free pixels of the workshop map at 1280×720 beside the legend and the panel.
        QgsRectangle extent = layers.fullExtent();
        extent.scale(1.2);
        QList<QgsLabelPosition> labels;
        const QImage image = testing::renderMapWithLabels(drawn, extent, QSize(760, 680), &labels);
        if (const QString dir = qEnvironmentVariable("MAILLAGE_SCREENSHOT_DIR"); !dir.isEmpty())
            image.save(QDir(dir).filePath(QStringLiteral("workshop_hdf_labels.png")));

        QHash<QString, QgsRectangle> placed;
        for (const QgsLabelPosition& label : std::as_const(labels))
            if (label.layerID == bassins->id() && !label.isUnplaced)
                placed.insert(label.labelText, label.labelRect);
        for (const char* name : {"Lille", "Valenciennes", "Douai - Lens", "Arras"})
            QVERIFY2(placed.contains(QString::fromUtf8(name)),
                     qPrintable(QStringLiteral("%1 unlabelled; labelled: %2")
                                    .arg(QString::fromUtf8(name), QStringList(placed.keys()).join(", "))));
        // Every name readable: none drawn over another.
        for (auto a = placed.cbegin(); a != placed.cend(); ++a)
            for (auto b = std::next(a); b != placed.cend(); ++b)
                QVERIFY2(!a.value().intersects(b.value()),
                         qPrintable(QStringLiteral("%1 over %2").arg(a.key(), b.key())));
        // A pôle of type 1 or 2 is never left out while a smaller one is named.
        QgsFeature f;
        QgsFeatureIterator it = bassins->getFeatures(
            QgsFeatureRequest().setFilterExpression(QStringLiteral("\"pole_type\" IN (1, 2)")));
        int large = 0;
        while (it.nextFeature(f)) {
            ++large;
            QVERIFY2(placed.contains(f.attribute(QStringLiteral("nom")).toString()),
                     qPrintable(f.attribute(QStringLiteral("nom")).toString()));
        }
        QVERIFY(large >= 5); // Lille, Douai - Lens, Valenciennes, Béthune, Dunkerque, Amiens…
        QString report;
        QVERIFY2(testing::matchesControlImage(image, QStringLiteral("workshop_hdf_labels"), 800, &report),
                 qPrintable(report));
    }

    void maillageLinesAreLighterAndThinnerInTheWorkshopAndComeBack() {
        Session session;
        QgsProject project;
        MapLayers layers(&session, &project);
        session.setDataset(testing::makeSixBassins());
        MaillageLayers maillage(&project);
        maillage.showMaillage(session.maillage(), session.dataset(), session.parameters().maillage);
        QgsVectorLayer* links = maillage.links();
        QVERIFY(links && links->featureCount() > 0);
        auto strokes = [&] {
            QList<QPair<double, QString>> list; // opacity, width expression
            QgsRenderContext context;
            for (QgsSymbol* symbol : links->renderer()->symbols(context))
                if (auto* line = dynamic_cast<QgsLineSymbol*>(symbol))
                    list.append({line->opacity(), line->dataDefinedWidth().asExpression()});
            return list;
        };
        QgsExpressionContext context(QgsExpressionContextUtils::globalProjectLayerScopes(links));
        QgsFeature strongest;
        QgsFeatureIterator it =
            links->getFeatures(QgsFeatureRequest().addOrderBy(QStringLiteral("intensity"), false));
        QVERIFY(it.nextFeature(strongest));
        context.setFeature(strongest);
        auto widthOf = [&](const QString& expression) {
            QgsExpression e(expression);
            return e.evaluate(&context).toDouble();
        };
        const auto before = strokes();
        QVERIFY(!before.isEmpty());
        QList<bool> overview;
        {
            QgsRenderContext renderContext;
            for (QgsSymbol* symbol : links->renderer()->symbols(renderContext))
                if (dynamic_cast<QgsLineSymbol*>(symbol))
                    overview << (symbol->color() == styles::overviewDominantLinkColor());
        }
        LayerMagnifier magnifier(WorkshopMode::kDefaultFactor);
        magnifier.magnify(links);
        const auto during = strokes();
        QCOMPARE(during.size(), before.size());
        int lightened = 0;
        for (int i = 0; i < before.size(); ++i) {
            const double was = widthOf(before[i].second), is = widthOf(during[i].second);
            if (overview[i]) { // the national map's dominant links: light and thin already, drawn as they are
                QCOMPARE(during[i], before[i]);
                continue;
            }
            ++lightened;
            QVERIFY(during[i].first <= before[i].first * 0.6);
            QVERIFY2(was > 0 && is <= was * 0.65,
                     qPrintable(QStringLiteral("%1 mm, was %2 mm").arg(is).arg(was)));
        }
        QVERIFY(lightened >= 2);
        QCOMPARE(overview.count(true), 1);
        magnifier.restore();
        QCOMPARE(strokes(), before);
    }

    void aMaillageRedrawnInTheWorkshopHasLightLinesToo() {
        MainWindow& w = *m_window;
        QgsVectorLayer* links = nullptr;
        QTRY_VERIFY((links = findLayerByRole(w.project(), QString::fromLatin1(role::Links))));
        auto opacities = [&] { // of every line but the national map's dominant links, light already
            QList<double> list;
            QgsRenderContext context;
            for (QgsSymbol* symbol : links->renderer()->symbols(context))
                if (symbol->color() != styles::overviewDominantLinkColor())
                    list << symbol->opacity();
            return list;
        };
        const QList<double> plain = opacities();
        QVERIFY(!plain.isEmpty());
        const std::unique_ptr<QgsFeatureRenderer> style(links->renderer()->clone());
        w.setWorkshopMode(true);
        // The maillage drawn again (computed once more) while the mode is on: a new renderer, as styled.
        links->setRenderer(style->clone());
        const QList<double> during = opacities();
        QCOMPARE(during.size(), plain.size());
        for (int i = 0; i < plain.size(); ++i)
            QVERIFY2(during[i] <= plain[i] * 0.6, qPrintable(QString::number(during[i])));
        w.setWorkshopMode(false);
        QCOMPARE(opacities(), plain);
    }

    void theSecondMapOfHautsDeFranceIsLabelledInTheWorkshop() {
        REQUIRE_HAUTS_DE_FRANCE();
        MainWindow& w = *m_window;
        w.showDataset(hautsDeFrance(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(w.layers()->departementsReady(), 120000);
        w.setCompareVisible(true);
        w.setWorkshopMode(true);
        QTest::qWait(200);
        QTRY_VERIFY(!w.canvas()->isDrawing() && !w.compare()->canvas()->isDrawing());
        QCOMPARE(w.compare()->vintage(), 2013);
        QVERIFY(w.compare()->canvas()->labelingResults());
        QStringList named;
        for (const QgsLabelPosition& label : testing::canvasLabels(w.compare()->canvas()))
            if (!label.isUnplaced)
                named << label.labelText;
        w.setWorkshopMode(false);
        w.setCompareVisible(false);
        for (const char* name : {"Lille", "Valenciennes", "Douai - Lens", "Amiens", "Dunkerque"})
            QVERIFY2(named.contains(QString::fromUtf8(name)),
                     qPrintable(QStringLiteral("%1 unnamed on the second map; named: %2")
                                    .arg(QString::fromUtf8(name), named.join(QStringLiteral(", ")))));
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

MAILLAGE_QGIS_TEST_MAIN(TestWorkshop19)
#include "test_workshop19.moc"
