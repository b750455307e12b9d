#pragma once
// The map tests' shared pieces: Hauts-de-France imported from ../shared/data, and layers rendered as the
// application's canvases draw them, with the labels placed.
#include "core/io/import.h"
#include "ui/pole_names.h"

#include "testing.h"

#include <QImage>
#include <QSet>
#include <QStringList>

#include <memory>

#include <qgsexpressioncontextutils.h>
#include <qgsfeatureiterator.h>
#include <qgslabelingengine.h>
#include <qgslabelingresults.h>
#include <qgslinesymbol.h>
#include <qgsmaprenderersequentialjob.h>
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

//! What a line layer's renderer draws at 1:`scale`: how many features, with which symbols (each one's
//! colour as #AARRGGBB and its data-defined width, as "#AARRGGBB scale_linear(...)").
struct LinesDrawn {
    int features = 0;
    QSet<QString> symbols;
};
inline LinesDrawn linesDrawnAt(QgsVectorLayer& layer, double scale) {
    std::unique_ptr<QgsFeatureRenderer> renderer(layer.renderer()->clone());
    QgsRenderContext context;
    context.setRendererScale(scale);
    context.expressionContext().appendScopes(QgsExpressionContextUtils::globalProjectLayerScopes(&layer));
    renderer->startRender(context, layer.fields());
    LinesDrawn drawn;
    QgsFeature f;
    QgsFeatureIterator it = layer.getFeatures();
    while (it.nextFeature(f)) {
        context.expressionContext().setFeature(f);
        if (!renderer->willRenderFeature(f, context))
            continue;
        ++drawn.features;
        for (QgsSymbol* symbol : renderer->symbolsForFeature(f, context))
            drawn.symbols << symbol->color().name(QColor::HexArgb) + QLatin1Char(' ') +
                                 static_cast<QgsLineSymbol*>(symbol)->dataDefinedWidth().expressionString();
    }
    renderer->stopRender(context);
    return drawn;
}

} // namespace maillage::testing
