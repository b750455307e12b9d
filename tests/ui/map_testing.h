#pragma once
// The map tests' shared pieces: Hauts-de-France and France imported from ../shared/data, and layers rendered
// as the application's canvases draw them, with the labels placed.
#include "core/io/import.h"
#include "ui/pole_names.h"
#include "ui/styles/layer_styles.h"

#include "testing.h"

#include <QImage>
#include <QSet>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <memory>

#include <qgsexpressioncontextutils.h>
#include <qgsfeatureiterator.h>
#include <qgslabelingengine.h>
#include <qgslabelingresults.h>
#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayertreemodellegendnode.h>
#include <qgslinesymbol.h>
#include <qgsmapcanvas.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmarkersymbollayer.h>
#include <qgsproject.h>
#include <qgsrendercontext.h>
#include <qgsrenderer.h>
#include <qgsvectorlayer.h>

namespace maillage::testing {

//! Hauts-de-France from ../shared/data: COG 2018 communes, BV 2012, population 2020, BPE 2013 and 2018
//! (MAILLAGE_REQUIRE_SHARED the files first).
inline model::Dataset importHautsDeFrance() {
    io::ImportOptions options;
    options.communesPath = sharedPath("communes/communes_hauts_de_france_cog2018.geojson").toStdString();
    options.bassinsPath = sharedPath("bassins_de_vie/commune_bv2012_cog2016.csv").toStdString();
    options.populationPath = sharedPath("population/population_communes_2020.csv").toStdString();
    for (const auto& [file, year] : {std::pair{"professionals/bpe2013_sante_par_commune.csv", 2013},
                                     std::pair{"professionals/bpe2018_sante_par_commune_long.csv", 2018}})
        options.professionals.push_back({sharedPath(file).toStdString(), year, {}, {}});
    options.title = "Hauts-de-France";
    io::ImportReport report;
    return io::importDataset(options, report);
}

//! France from ../shared/data: COG 2018 communes, BV 2012, population 2020, BPE 2018 (MAILLAGE_REQUIRE_SHARED
//! the files first).
inline model::Dataset importFrance() {
    io::ImportOptions options;
    options.communesPath = sharedPath("communes/communes_france_cog2018.geojson").toStdString();
    options.bassinsPath = sharedPath("bassins_de_vie/commune_bv2012_cog2016.csv").toStdString();
    options.populationPath = sharedPath("population/population_communes_2020.csv").toStdString();
    options.professionals.push_back(
        {sharedPath("professionals/bpe2018_sante_par_commune_long.csv").toStdString(), 2018, {}, {}});
    options.title = "France";
    io::ImportReport report;
    return io::importDataset(options, report);
}

//! The labels placed on `canvas` at its last redraw, with the large pôles' names it draws itself
//! (ui/pole_names.h) as labels placed at their rectangles; none before its first redraw.
inline QList<QgsLabelPosition> canvasLabels(QgsMapCanvas* canvas) {
    QList<QgsLabelPosition> labels;
    if (const QgsLabelingResults* results = canvas->labelingResults())
        labels = results->allLabels();
    for (const ui::PlacedName& name : ui::LargePoleNames::of(canvas)->names()) {
        const QgsRectangle& r = name.rect;
        labels << QgsLabelPosition(
            name.featureId, 0,
            {QgsPointXY(r.xMinimum(), r.yMinimum()), QgsPointXY(r.xMaximum(), r.yMinimum()),
             QgsPointXY(r.xMaximum(), r.yMaximum()), QgsPointXY(r.xMinimum(), r.yMaximum())},
            r, r.width(), r.height(), name.layerId, name.text, name.format.font(), false);
    }
    return labels;
}

//! `layers` (top first) rendered at `size` on `extent`, 96 DPI, no label cut by the edge, the large
//! pôles' names where Maillage places them (as the application's canvases); the labels placed in `labels`.
inline QImage renderMapWithLabels(const QList<QgsMapLayer*>& layers, const QgsRectangle& extent,
                                  const QSize& size, QList<QgsLabelPosition>* labels) {
    QgsMapSettings settings;
    settings.setOutputSize(size);
    settings.setOutputDpi(96);
    settings.setDestinationCrs(layers.back()->crs());
    settings.setLayers(layers);
    settings.setExtent(extent);
    settings.setBackgroundColor(Qt::white);
    settings.setFlag(Qgis::MapSettingsFlag::Antialiasing, true);
    settings.setFlag(Qgis::MapSettingsFlag::DrawLabeling, true);
    QgsLabelingEngineSettings engine = settings.labelingEngineSettings();
    engine.setFlag(QgsLabelingEngineSettings::UsePartialCandidates, false);
    settings.setLabelingEngineSettings(engine);
    ui::placeLargePoleNames(settings);
    QgsMapRendererSequentialJob job(settings);
    job.start();
    job.waitForFinished();
    std::unique_ptr<QgsLabelingResults> results(job.takeLabelingResults());
    *labels = results ? results->allLabels() : QList<QgsLabelPosition>();
    return job.renderedImage();
}

//! The features that `layer`'s renderer draws at 1:`scale`, each one's symbols given to `visit`; their count.
template <typename Visit> int forEachSymbolDrawnAt(QgsVectorLayer& layer, double scale, Visit visit) {
    std::unique_ptr<QgsFeatureRenderer> renderer(layer.renderer()->clone());
    QgsRenderContext context;
    context.setRendererScale(scale);
    context.expressionContext().appendScopes(QgsExpressionContextUtils::globalProjectLayerScopes(&layer));
    renderer->startRender(context, layer.fields());
    int features = 0;
    QgsFeature f;
    QgsFeatureIterator it = layer.getFeatures();
    while (it.nextFeature(f)) {
        context.expressionContext().setFeature(f);
        if (!renderer->willRenderFeature(f, context))
            continue;
        ++features;
        for (QgsSymbol* symbol : renderer->symbolsForFeature(f, context))
            visit(*symbol);
    }
    renderer->stopRender(context);
    return features;
}

//! What a line layer's renderer draws at 1:`scale`: how many features, with which symbols (each one's
//! colour as #AARRGGBB and its data-defined width, as "#AARRGGBB scale_linear(...)").
struct LinesDrawn {
    int features = 0;
    QSet<QString> symbols;
};
inline LinesDrawn linesDrawnAt(QgsVectorLayer& layer, double scale) {
    LinesDrawn drawn;
    drawn.features = forEachSymbolDrawnAt(layer, scale, [&drawn](const QgsSymbol& symbol) {
        drawn.symbols << symbol.color().name(QColor::HexArgb) + QLatin1Char(' ') +
                             static_cast<const QgsLineSymbol&>(symbol).dataDefinedWidth().expressionString();
    });
    return drawn;
}

//! One simple marker layer of a symbol drawn: QGIS's shape name ("circle"...), size (mm), fill and outline.
struct MarkerLayerDrawn {
    QString shape;
    double sizeMm = 0;
    QColor fill, stroke;
};
//! What a point layer's renderer draws at 1:`scale`: how many features, with which symbols (their simple
//! marker layers, bottom first), each symbol once.
struct MarkersDrawn {
    int features = 0;
    QList<QList<MarkerLayerDrawn>> symbols;
};
inline MarkersDrawn markersDrawnAt(QgsVectorLayer& layer, double scale) {
    MarkersDrawn drawn;
    QSet<const QgsSymbol*> seen;
    drawn.features = forEachSymbolDrawnAt(layer, scale, [&](const QgsSymbol& symbol) {
        if (seen.contains(&symbol))
            return;
        seen << &symbol;
        QList<MarkerLayerDrawn> layers;
        for (const QgsSymbolLayer* l : symbol.symbolLayers())
            if (const auto* m = dynamic_cast<const QgsSimpleMarkerSymbolLayer*>(l))
                layers << MarkerLayerDrawn{QgsSimpleMarkerSymbolLayerBase::encodeShape(m->shape()), m->size(),
                                           m->color(), m->strokeColor()};
        drawn.symbols << layers;
    });
    return drawn;
}

//! The shapes of each symbol drawn, its layers' bottom first ("triangle triangle circle"), sorted.
inline QStringList shapesOf(const MarkersDrawn& drawn) {
    QStringList out;
    for (const QList<MarkerLayerDrawn>& symbol : drawn.symbols) {
        QStringList shapes;
        for (const MarkerLayerDrawn& l : symbol)
            shapes << l.shape;
        out << shapes.join(QLatin1Char(' '));
    }
    out.sort();
    return out;
}

//! The size (mm) of the largest filled (not transparent) marker layer drawn.
inline double largestFilledMm(const MarkersDrawn& drawn) {
    double largest = 0;
    for (const QList<MarkerLayerDrawn>& symbol : drawn.symbols)
        for (const MarkerLayerDrawn& l : symbol)
            if (l.fill.alpha() > 0)
                largest = std::max(largest, l.sizeMm);
    return largest;
}

//! Whether every colour drawn is black, white or a grey (or transparent): read whatever the colour vision.
inline bool onlyGreys(const MarkersDrawn& drawn) {
    for (const QList<MarkerLayerDrawn>& symbol : drawn.symbols)
        for (const MarkerLayerDrawn& l : symbol)
            for (const QColor& c : {l.fill, l.stroke})
                if (c.alpha() > 0 && c.hsvSaturation() > 0)
                    return false;
    return true;
}

//! Checks the pôles' markers of `poles` (field "isolated", some pôles isolated, some not) at a région's
//! scale and a country's (styles::poleRenderer): at 1:500 000 a filled triangle for an isolated pôle, a
//! circle otherwise; at 1:9 000 000 every pôle a small dot, nothing filled larger, an isolated pôle's dot in
//! an open triangle (its white halo then its black outline), black, white and greys only.
inline void checkPoleMarkersAtEachScale(QgsVectorLayer& poles) {
    const int all = static_cast<int>(poles.featureCount());
    int isolated = 0;
    QgsFeature f;
    for (QgsFeatureIterator it = poles.getFeatures(); it.nextFeature(f);)
        isolated += f.attribute(QStringLiteral("isolated")).toInt();
    QVERIFY(isolated > 0 && isolated < all);

    const MarkersDrawn region = markersDrawnAt(poles, 500'000);
    QCOMPARE(region.features, all);
    QCOMPARE(shapesOf(region), QStringList({QStringLiteral("circle"), QStringLiteral("triangle")}));
    QCOMPARE(largestFilledMm(region), ui::styles::kIsolatedPoleMarkerMm);

    const MarkersDrawn country = markersDrawnAt(poles, 9'000'000);
    QCOMPARE(country.features, all);
    QCOMPARE(shapesOf(country),
             QStringList({QStringLiteral("circle"), QStringLiteral("triangle triangle circle")}));
    QCOMPARE(largestFilledMm(country), ui::styles::kOverviewPoleMarkerMm);
    QVERIFY(onlyGreys(country));
    for (const QList<MarkerLayerDrawn>& symbol : country.symbols)
        if (symbol.size() == 3) {
            QCOMPARE(symbol[0].stroke.rgb(), QColor(Qt::white).rgb());
            QVERIFY(symbol[1].stroke.lightness() < 40);
            QCOMPARE(symbol[1].sizeMm, ui::styles::kOverviewIsolatedPoleMarkerMm);
        }
}

//! The labels of `layer`'s legend in the layer tree of `project` (as the layers dock shows it) at 1:`scale`.
inline QStringList legendAt(QgsProject& project, QgsVectorLayer* layer, double scale) {
    QgsLayerTreeModel model(project.layerTreeRoot());
    model.setLegendFilterByScale(scale);
    QStringList labels;
    if (QgsLayerTreeLayer* node = project.layerTreeRoot()->findLayer(layer))
        for (QgsLayerTreeModelLegendNode* legend : model.layerLegendNodes(node))
            labels << legend->data(Qt::DisplayRole).toString();
    return labels;
}

} // namespace maillage::testing
