// Issue 11, session 25: a grande métropole or grand pôle is never left unnamed while a smaller pôle is named,
// on every map Maillage draws: the national map (Valenciennes beside Lille, Douai - Lens and Béthune) and the
// print layouts' maps (the map export, atlas pages, territory sheets), which now take Maillage's placement.
#include "ui/export_layout.h"
#include "ui/maillage_layers.h"
#include "ui/map_layers.h"
#include "ui/print/print_tools.h"
#include "ui/session.h"
#include "ui/styles/pole_name_placement.h"

#include "testing.h"
#include "ui/map_testing.h"
#include "ui/qgis_test_main.h"

#include <qgsexpressioncontextutils.h>
#include <qgslabelingresults.h>
#include <qgslayoutitemmap.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

using namespace maillage;
using namespace maillage::ui;

namespace {

//! The map of a dataset as the application draws it: its layers, its maillage.
struct Map {
    explicit Map(model::Dataset dataset) {
        session.setDataset(std::move(dataset));
        maillage.showMaillage(session.maillage(), session.dataset(), session.parameters().maillage);
    }
    Session session;
    QgsProject project;
    MapLayers layers{&session, &project};
    MaillageLayers maillage{&project};
};

//! The pôles of `type`s (pole_type IN (...)) of `bassins` whose anchor is inside `extent`: feature id → name.
QMap<QgsFeatureId, QString> poleFeaturesIn(QgsVectorLayer& bassins, const QString& types,
                                           const QgsRectangle& extent) {
    QMap<QgsFeatureId, QString> poles;
    QgsFeatureIterator it = bassins.getFeatures(
        QgsFeatureRequest().setFilterExpression(QStringLiteral("\"pole_type\" IN (%1)").arg(types)));
    QgsFeature f;
    while (it.nextFeature(f))
        if (extent.contains(QgsPointXY(f.attribute(QStringLiteral("anchor_x")).toDouble(),
                                       f.attribute(QStringLiteral("anchor_y")).toDouble())))
            poles.insert(f.id(), f.attribute(QStringLiteral("nom")).toString());
    return poles;
}

//! The names of the pôles of `type`s of `bassins` whose anchor is inside `extent`.
QStringList polesIn(QgsVectorLayer& bassins, const QString& types, const QgsRectangle& extent) {
    return poleFeaturesIn(bassins, types, extent).values();
}

QSet<QString> placedTexts(const QList<QgsLabelPosition>& labels) {
    QSet<QString> placed;
    for (const QgsLabelPosition& label : labels)
        if (!label.isUnplaced)
            placed.insert(label.labelText);
    return placed;
}

//! The features of `layer` named among `labels` (a name may be shortened at small scales: "Marseille").
QSet<QgsFeatureId> namedFeatures(const QgsVectorLayer& layer, const QList<QgsLabelPosition>& labels) {
    QSet<QgsFeatureId> named;
    for (const QgsLabelPosition& label : labels)
        if (!label.isUnplaced && label.layerID == layer.id())
            named.insert(label.featureId);
    return named;
}

//! The large pôles in view left unnamed, and the smaller pôles named, on a map of `labels` at `extent`.
struct Naming {
    QStringList unnamedLarge, namedSmaller;
};
Naming namingOf(QgsVectorLayer& bassins, const QgsRectangle& extent, const QList<QgsLabelPosition>& labels) {
    const QSet<QgsFeatureId> named = namedFeatures(bassins, labels);
    const QMap<QgsFeatureId, QString> large = poleFeaturesIn(bassins, QStringLiteral("1, 2"), extent);
    const QMap<QgsFeatureId, QString> smaller = poleFeaturesIn(bassins, QStringLiteral("3, 4"), extent);
    Naming naming;
    for (auto it = large.cbegin(); it != large.cend(); ++it)
        if (!named.contains(it.key()))
            naming.unnamedLarge << it.value();
    for (auto it = smaller.cbegin(); it != smaller.cend(); ++it)
        if (named.contains(it.key()))
            naming.namedSmaller << it.value();
    return naming;
}

//! `size` pixels at 1:`scale` (96 DPI) around `center`.
QgsRectangle extentAt(const QgsPointXY& center, const QSize& size, double scale) {
    const double unitsPerPixel = scale * 0.0254 / 96;
    return QgsRectangle(
        center.x() - size.width() / 2.0 * unitsPerPixel, center.y() - size.height() / 2.0 * unitsPerPixel,
        center.x() + size.width() / 2.0 * unitsPerPixel, center.y() + size.height() / 2.0 * unitsPerPixel);
}

//! The labels of the map `map` draws in its layout (its settings, its item variables), at 96 DPI.
QList<QgsLabelPosition> layoutMapLabels(const QgsLayoutItemMap& map) {
    const QSizeF mm = map.layout()->convertToLayoutUnits(map.sizeWithUnits());
    QgsMapSettings settings = map.mapSettings(map.extent(), mm * (96 / 25.4), 96, true);
    QgsMapRendererSequentialJob job(settings);
    job.start();
    job.waitForFinished();
    std::unique_ptr<QgsLabelingResults> results(job.takeLabelingResults());
    return results ? results->allLabels() : QList<QgsLabelPosition>();
}

} // namespace

class TestPoleNames25 : public QObject {
    Q_OBJECT
private slots:
    //! On the map of France, Valenciennes found no room beside Lille, Douai - Lens and Béthune and was left
    //! unnamed. The rule: every grande métropole and grand pôle in view is named, or no smaller pôle is
    //! named on that map. The whole country on a large map names them all, and so does the normal window's
    //! map at 1600×1000 (1:9,200,000), where Montpellier and Vienne were unnamed (Marseille -
    //! Aix-en-Provence's name, 560 km long, over Montpellier's positions; Lyon's over Vienne's): the names
    //! of two towns are shortened to the first there, and names left out are placed again first. Zoomed on
    //! the north, where smaller pôles are named, the rule holds.
    void everyGrandPoleOfFranceIsNamedOrNoSmallerPoleIs() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        Map map(testing::importFrance());
        MapLayers& layers = map.layers;
        MaillageLayers& maillage = map.maillage;
        QgsVectorLayer* bassins = layers.bassins();
        const QList<QgsMapLayer*> drawn{maillage.poles(), maillage.links(), bassins};
        // The normal window's map at 1600×1000 (1:9,200,000) and a larger one, each centred on France; then
        // the north at 1:1,500,000 (the smaller pôles named).
        const QgsPointXY france = layers.fullExtent().center();
        const QgsPointXY north(france.x() + 0.18 * layers.fullExtent().width(),
                               layers.fullExtent().yMaximum() - 0.12 * layers.fullExtent().height());
        struct View {
            QgsPointXY center;
            QSize size;
            double scale;
            bool allNamed;
        };
        for (const View& view :
             {View{france, QSize(1000, 860), 4.6e6, true}, View{france, QSize(480, 780), 9.2e6, true},
              View{north, QSize(900, 700), 1.5e6, false}}) {
            const QgsRectangle extent = extentAt(view.center, view.size, view.scale);
            QList<QgsLabelPosition> labels;
            testing::renderMapWithLabels(drawn, extent, view.size, &labels);
            const Naming naming = namingOf(*bassins, extent, labels);
            const QString what = QStringLiteral("1:%1 — unnamed: %2; smaller named: %3")
                                     .arg(view.scale)
                                     .arg(naming.unnamedLarge.join(", "), naming.namedSmaller.join(", "));
            QVERIFY2(naming.unnamedLarge.isEmpty() || naming.namedSmaller.isEmpty(), qPrintable(what));
            // Valenciennes is in view, named.
            QVERIFY(
                polesIn(*bassins, QStringLiteral("1, 2"), extent).contains(QStringLiteral("Valenciennes")));
            QVERIFY2(!naming.unnamedLarge.contains(QStringLiteral("Valenciennes")), qPrintable(what));
            if (view.allNamed)
                QVERIFY2(naming.unnamedLarge.isEmpty(), qPrintable(what));
            if (view.scale < 2.5e6) // the rule is put to the test: smaller pôles named
                QVERIFY2(!polesIn(*bassins, QStringLiteral("3, 4"), extent).isEmpty(), qPrintable(what));
        }
    }

    //! The map export's page drew QGIS's own placement (Valenciennes could be dropped): its map takes
    //! Maillage's, computed for its extent and size. Hauts-de-France exported on A4: Valenciennes named.
    void theMapExportNamesValenciennes() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        Map hdf(testing::importHautsDeFrance());
        MapLayers& layers = hdf.layers;
        MaillageLayers& maillage = hdf.maillage;
        QgsProject& project = hdf.project;
        QgsMapSettings view;
        view.setOutputSize(QSize(900, 700));
        view.setDestinationCrs(layers.bassins()->crs());
        view.setLayers({maillage.poles(), maillage.links(), layers.bassins()});
        view.setExtent(layers.fullExtent());
        ExportOptions options;
        options.title = QStringLiteral("Hauts-de-France");
        for (PageSize pageSize : {PageSize::A4, PageSize::A3}) {
            options.pageSize = pageSize;
            const std::unique_ptr<QgsPrintLayout> layout = buildExportLayout(&project, view, options);
            auto* map =
                qobject_cast<QgsLayoutItemMap*>(layout->itemById(QString::fromLatin1(layout_id::Map)));
            QVERIFY(map);
            // The positions are those of the page's map, in its item's variables.
            const QVariantMap positions =
                map->createExpressionContext()
                    .variable(QString::fromLatin1(styles::kLargeNamePositionsVariable))
                    .toMap()
                    .value(layers.bassins()->id())
                    .toMap();
            QVERIFY(!positions.isEmpty());
            const QList<QgsLabelPosition> labels = layoutMapLabels(*map);
            const Naming naming = namingOf(*layers.bassins(), map->extent(), labels);
            const QString what = QStringLiteral("unnamed: %1; named: %2")
                                     .arg(naming.unnamedLarge.join(", "),
                                          QStringList(placedTexts(labels).values()).join(", "));
            QVERIFY2(placedTexts(labels).contains(QStringLiteral("Valenciennes")), qPrintable(what));
            QVERIFY2(naming.unnamedLarge.isEmpty(), qPrintable(what));
        }
    }

    //! An atlas page's map (print::LargeNamesMap) places the names for the extent it draws: moved from the
    //! whole région to the Nord, its positions are those of the Nord's map, and Valenciennes is named.
    void aLayoutMapPlacesTheNamesAgainForEachExtent() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        Map hdf(testing::importHautsDeFrance());
        MapLayers& layers = hdf.layers;
        MaillageLayers& maillage = hdf.maillage;
        QgsProject& project = hdf.project;
        QgsPrintLayout layout(&project);
        layout.initializeDefaults();
        auto* map = new print::LargeNamesMap(&layout);
        layout.addLayoutItem(map);
        print::place(map, QRectF(10, 10, 190, 170));
        map->setCrs(layers.bassins()->crs());
        map->setLayers({maillage.poles(), maillage.links(), layers.bassins()});
        map->setKeepLayerSet(true);
        map->setExtent(print::fitToRatio(layers.fullExtent(), 190.0 / 170));
        auto positions = [&] {
            return map->createExpressionContext()
                .variable(QString::fromLatin1(styles::kLargeNamePositionsVariable))
                .toMap()
                .value(layers.bassins()->id())
                .toMap();
        };
        const QVariantMap whole = positions();
        QVERIFY(!whole.isEmpty());
        // The région's north-east quarter, as an atlas page would show it (Lille, Douai, Valenciennes).
        QgsRectangle nord = layers.fullExtent();
        nord.setXMinimum(nord.center().x());
        nord.setYMinimum(nord.center().y());
        map->setExtent(print::fitToRatio(nord, 190.0 / 170));
        const QVariantMap page = positions();
        QVERIFY(!page.isEmpty());
        QVERIFY(page.size() < whole.size()); // only the pôles in the page's view
        const QList<QgsLabelPosition> labels = layoutMapLabels(*map);
        QVERIFY2(placedTexts(labels).contains(QStringLiteral("Valenciennes")),
                 qPrintable(QStringList(placedTexts(labels).values()).join(", ")));
        QVERIFY(namingOf(*layers.bassins(), map->extent(), labels).unnamedLarge.isEmpty());
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestPoleNames25)
#include "test_pole_names25.moc"
