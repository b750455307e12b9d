#include "ui/print/atlas.h"

#include "core/analysis/crunch.h"

#include "ui/print/print_project.h"
#include "ui/print/print_tools.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <map>

#include <qgsfeedback.h>
#include <qgsfillsymbol.h>
#include <qgslayertree.h>
#include <qgslayoutatlas.h>
#include <qgslayoutexporter.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutpagecollection.h>
#include <qgsprintlayout.h>
#include <qgsprojectmetadata.h>
#include <qgsproperty.h>
#include <qgssinglesymbolrenderer.h>
#include <qgssymbollayer.h>
#include <qgsvectorlayer.h>

namespace maillage::ui::print {

namespace {

struct PrintText {
    Q_DECLARE_TR_FUNCTIONS(maillage::ui::print::PrintText)
};

const QColor kInk(0x20, 0x20, 0x20);
const QColor kGrey(0x55, 0x55, 0x55);
const QRectF kAtlasMap(10, 30, 190, 158);  //!< the map frame of an atlas page, in millimetres
const QRectF kNorthArrow(188, 32, 10, 16); //!< inside the map frame, its top right-hand corner

Language uiLanguage() {
    return QLocale().language() == QLocale::French ? Language::Fr : Language::En;
}

//! The geometry of every feature of `layer` by its "code".
std::map<QString, QgsGeometry> geometriesByCode(QgsVectorLayer& layer) {
    std::map<QString, QgsGeometry> out;
    QgsFeature f;
    QgsFeatureIterator it = layer.getFeatures();
    while (it.nextFeature(f))
        out[f.attribute(QStringLiteral("code")).toString()] = f.geometry();
    return out;
}

//! The union of the BVs of each département ("dep" of the bassins_de_vie layer).
std::map<QString, QgsGeometry> departementsFromBassins(QgsVectorLayer& bassins) {
    std::map<QString, QVector<QgsGeometry>> parts;
    QgsFeature f;
    QgsFeatureIterator it = bassins.getFeatures();
    while (it.nextFeature(f))
        parts[f.attribute(QStringLiteral("dep")).toString()] << f.geometry();
    std::map<QString, QgsGeometry> out;
    for (const auto& [code, geometries] : parts)
        out[code] = QgsGeometry::unaryUnion(geometries);
    return out;
}

//! A map of the project's layers on the atlas page, zoomed to each territory with a margin.
QgsLayoutItemMap* addAtlasMap(QgsPrintLayout* layout, const QRectF& r, const QgsRectangle& whole) {
    auto* map = new LargeNamesMap(layout);
    map->setId(QStringLiteral("map"));
    layout->addLayoutItem(map);
    place(map, r);
    map->setCrs(layout->project()->crs());
    map->setFrameEnabled(true);
    map->setExtent(fitToRatio(whole, r.width() / r.height())); // the pages' extents are set over a valid one
    // The extent of each page is the territory's, fitted to the frame beforehand (territoryLayer's fields
    // xmin...): an atlas-driven map whose extent has another shape than its frame grows off the page.
    QgsPropertyCollection& properties = map->dataDefinedProperties();
    properties.setProperty(QgsLayoutObject::MapXMin,
                           QgsProperty::fromExpression(QStringLiteral("attribute(@atlas_feature, 'xmin')")));
    properties.setProperty(QgsLayoutObject::MapYMin,
                           QgsProperty::fromExpression(QStringLiteral("attribute(@atlas_feature, 'ymin')")));
    properties.setProperty(QgsLayoutObject::MapXMax,
                           QgsProperty::fromExpression(QStringLiteral("attribute(@atlas_feature, 'xmax')")));
    properties.setProperty(QgsLayoutObject::MapYMax,
                           QgsProperty::fromExpression(QStringLiteral("attribute(@atlas_feature, 'ymax')")));
    return map;
}

QgsLayoutItemLegend* addLegend(QgsPrintLayout* layout, QgsLayoutItemMap* map, const QRectF& r) {
    auto* legend = new QgsLayoutItemLegend(layout);
    legend->setId(QStringLiteral("legend"));
    legend->setTitle(PrintText::tr("Legend"));
    legend->setLinkedMap(map);
    legend->setLegendFilterByMapEnabled(true); // only what the page's map shows
    legend->setResizeToContents(false);
    legend->setStyleFont(QgsLegendStyle::Title, layoutFont(10, true));
    legend->setStyleFont(QgsLegendStyle::Group, layoutFont(8, true));
    legend->setStyleFont(QgsLegendStyle::Subgroup, layoutFont(8, true));
    legend->setStyleFont(QgsLegendStyle::SymbolLabel, layoutFont(7.5));
    legend->setSymbolHeight(3.5);
    legend->setSymbolWidth(6);
    legend->setWrapString(QStringLiteral("~"));
    layout->addLayoutItem(legend);
    place(legend, r);
    return legend;
}

//! The page of one territory: A4 landscape, the map on the left, the figures on the right.
std::unique_ptr<QgsPrintLayout> atlasLayout(QgsProject& project, QgsVectorLayer* coverage,
                                            const QString& source, const QString& note) {
    auto layout = std::make_unique<QgsPrintLayout>(&project);
    layout->initializeDefaults();
    layout->pageCollection()->page(0)->setPageSize(QStringLiteral("A4"), QgsLayoutItemPage::Landscape);
    layout->setName(PrintText::tr("Atlas of the pôles d'offre de soins"));
    addText(layout.get(), QStringLiteral("title"), QStringLiteral("[% \"nom\" %] ([% \"code\" %])"),
            QRectF(10, 8, 277, 12), layoutFont(18, true), kInk);
    addText(layout.get(), QStringLiteral("subtitle"), QStringLiteral("[% \"type_label\" %]"),
            QRectF(10, 20, 277, 8), layoutFont(12), kGrey);
    QgsLayoutItemMap* map = addAtlasMap(layout.get(), kAtlasMap, coverage->extent());
    // The page's territory outlined over the project's layers (the coverage is in no layer tree: a map
    // following the tree left it out, and no page said which territory it was of).
    QList<QgsMapLayer*> layers{coverage};
    layers << project.layerTreeRoot()->checkedLayers();
    map->setLayers(layers);
    map->setKeepLayerSet(true);
    addLegend(layout.get(), map, QRectF(206, 30, 81, 72));
    addText(layout.get(), QStringLiteral("figures"), QStringLiteral("[% \"figures\" %]"),
            QRectF(206, 106, 81, 20), layoutFont(9), kInk, 0, true);
    addText(layout.get(), QStringLiteral("reason"), QStringLiteral("[% \"reason\" %]"),
            QRectF(206, 128, 81, 60), layoutFont(8), kInk, 0, true);
    addScaleBar(layout.get(), map, QRectF(12, 178, 50, 8));
    // In the map's top right-hand corner, on a white ground: the title and the legend are outside the
    // frame, the scale bar in its bottom left-hand corner.
    QgsLayoutItemPicture* arrow = addNorthArrow(layout.get(), map, kNorthArrow);
    arrow->setBackgroundEnabled(true);
    arrow->setBackgroundColor(Qt::white);
    addText(layout.get(), QStringLiteral("source"), source + QLatin1Char('\n') + note,
            QRectF(10, 191, 250, 12), layoutFont(7), kGrey, 0, true);
    addText(layout.get(), QStringLiteral("page"),
            QStringLiteral("[% @atlas_featurenumber %] / [% @atlas_totalfeatures %]"),
            QRectF(262, 191, 25, 6), layoutFont(7), kGrey);
    QgsLayoutAtlas* atlas = layout->atlas();
    atlas->setEnabled(true);
    atlas->setCoverageLayer(coverage);
    atlas->setHideCoverage(false);
    atlas->setSortFeatures(true);
    atlas->setSortExpression(QStringLiteral("\"code\""));
    return layout;
}

} // namespace

QgsVectorLayer* addTerritoryLayer(PrintProject& print, AtlasBy by,
                                  const std::vector<TerritoryFigures>& figures) {
    QgsVectorLayer* source = print.layer(by == AtlasBy::Bassin    ? QStringLiteral("bassins_de_vie")
                                         : by == AtlasBy::Commune ? QStringLiteral("communes")
                                                                  : QStringLiteral("departements"));
    if (!source)
        return nullptr;
    std::map<QString, QgsGeometry> geometries = geometriesByCode(*source);
    if (by == AtlasBy::Departement) // outlines are not stored in older datasets: dissolved from the BVs
        for (auto& [code, geometry] : departementsFromBassins(*print.layer(QStringLiteral("bassins_de_vie"))))
            if (geometries[code].isEmpty())
                geometries[code] = geometry;
    auto* layer =
        new QgsVectorLayer(QStringLiteral("MultiPolygon?crs=EPSG:2154&field=code:string&field=nom:string"
                                          "&field=pole_type:integer&field=type_label:string"
                                          "&field=figures:string(0)&field=reason:string(0)&field=xmin:double"
                                          "&field=ymin:double&field=xmax:double&field=ymax:double"),
                           QStringLiteral("territoires"), QStringLiteral("memory"));
    QgsFeatureList features;
    for (const TerritoryFigures& t : figures) {
        QgsFeature f(layer->fields());
        QgsAttributes values;
        values << t.code << t.name << t.poleType << t.typeLabel << t.figures << t.reason;
        const auto g = geometries.find(t.code);
        QgsRectangle extent;
        if (g != geometries.end()) {
            // Multi-polygons only (the layer's type): a collection left by a dissolve keeps its polygons.
            QgsGeometry geometry = g->second.type() == QgsWkbTypes::PolygonGeometry
                                       ? g->second
                                       : g->second.convertToType(QgsWkbTypes::PolygonGeometry, true);
            geometry.convertToMultiType();
            f.setGeometry(geometry);
            extent = geometry.boundingBox();
            extent.scale(1.25); // the neighbours around
            extent = fitToRatio(extent, kAtlasMap.width() / kAtlasMap.height());
        }
        values << extent.xMinimum() << extent.yMinimum() << extent.xMaximum() << extent.yMaximum();
        f.setAttributes(values);
        features << f;
    }
    if (!layer->dataProvider()->addFeatures(features))
        for (QgsFeature& f : features) { // one by one: a geometry refused costs its outline, not the atlas
            QgsFeatureList one{f};
            if (!layer->dataProvider()->addFeatures(one)) {
                f.clearGeometry();
                one = {f};
                layer->dataProvider()->addFeatures(one);
            }
        }
    layer->updateExtents();
    // The territory drawn over the map: a dark outline, no fill.
    auto* symbol = QgsFillSymbol::createSimple({{QStringLiteral("style"), QStringLiteral("no")},
                                                {QStringLiteral("outline_color"), QStringLiteral("#c0392b")},
                                                {QStringLiteral("outline_width"), QStringLiteral("0.8")}});
    layer->setRenderer(new QgsSingleSymbolRenderer(symbol));
    print.project().addMapLayer(layer, false); // not in the layer tree: the maps and legends leave it out
    return layer;
}

bool writeAtlas(const AtlasRequest& request, QString* error, QgsFeedback* feedback) {
    std::unique_ptr<PrintProject> print = PrintProject::open(request.dataset, error);
    if (!print)
        return false;
    const TerritoryContext context =
        territoryContext(print->dataset(), print->classification(), uiLanguage());
    auto figures = request.by == AtlasBy::Bassin ? bassinFigures(context) : departementFigures(context);
    if (request.by == AtlasBy::Departement) { // no page for a fragment (territoryCoverage, as Crunch's mean)
        const analysis::TerritoryCoverage coverage = analysis::territoryCoverage(print->dataset());
        figures.erase(std::remove_if(figures.begin(), figures.end(),
                                     [&](const TerritoryFigures& f) {
                                         return coverage.partialDepartements.count(f.code.toStdString()) > 0;
                                     }),
                      figures.end());
    }
    QgsVectorLayer* coverage = addTerritoryLayer(*print, request.by, figures);
    if (!coverage) {
        if (error)
            *error =
                PrintText::tr("%1: the dataset has no outlines of these territories.").arg(request.dataset);
        return false;
    }
    // Only the page's territory is outlined, not its neighbours.
    if (auto* renderer = dynamic_cast<QgsSingleSymbolRenderer*>(coverage->renderer()))
        if (QgsSymbolLayer* outline = renderer->symbol()->symbolLayer(0))
            outline->setDataDefinedProperty(QgsSymbolLayer::PropertyStrokeColor,
                                            QgsProperty::fromExpression(QStringLiteral(
                                                "if($id = @atlas_featureid, '#c0392b', '0,0,0,0')")));
    auto layout = atlasLayout(print->project(), coverage, sourceLine(print->dataset()), secrecyText(context));
    if (request.polesOnly) {
        layout->atlas()->setFilterFeatures(true);
        QString unused; // a constant expression: it parses
        layout->atlas()->setFilterExpression(QStringLiteral("\"pole_type\" > 0"), unused);
    }
    if (layout->atlas()->updateFeatures() == 0) {
        if (error)
            *error = PrintText::tr("%1: no territory to print.").arg(request.dataset);
        return false;
    }
    QgsProjectMetadata metadata = print->project().metadata(); // the PDF's title
    metadata.setTitle(layout->name());
    print->project().setMetadata(metadata);
    return writeAtomically(
        request.output, QStringLiteral("pdf"),
        [&](const QString& temp, QString* why) {
            QgsLayoutExporter::PdfExportSettings settings;
            settings.dpi = 200;
            settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
            settings.appendGeoreference = false;
            QString detail;
            const auto result =
                QgsLayoutExporter::exportToPdf(layout->atlas(), temp, settings, detail, feedback);
            if (result == QgsLayoutExporter::Success) {
                setPdfTitle(temp, layout->name()); // without it, an atlas has no title in PDF readers
                return true;
            }
            if (why)
                *why = PrintText::tr("%1: the atlas could not be written (%2).").arg(request.output, detail);
            return false;
        },
        error);
}

} // namespace maillage::ui::print
