#include "ui/export_layout.h"

#include "ui/layer_roles.h"
#include "ui/map_layers.h"
#include "ui/print/print_tools.h"
#include "ui/workshop_obstacles.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

#include <qgsgraduatedsymbolrenderer.h>
#include <qgslayertree.h>
#include <qgslayoutexporter.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutmeasurement.h>
#include <qgslayoutpagecollection.h>
#include <qgslayoutpoint.h>
#include <qgslayoutsize.h>
#include <qgslegendstyle.h>
#include <qgsmapsettings.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgstextformat.h>

namespace maillage::ui {
namespace {

using print::fitToRatio;
using print::place;

QFont font(double pointSize, bool bold = false) {
    return print::layoutFont(pointSize, bold);
}

struct ExportText {
    Q_DECLARE_TR_FUNCTIONS(ExportLayout)
};

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

//! The rectangles of the page, in millimetres.
struct Frame {
    double pageW, pageH;
    QRectF title, subtitle, map, legend, northArrow, scaleBar, source;
};

Frame frameFor(PageOrientation orientation) {
    const double m = 10; // margins
    Frame f{};
    if (orientation == PageOrientation::Landscape) {
        f.pageW = 297;
        f.pageH = 210;
        const double right = 72; // legend column
        f.title = QRectF(m, 7, f.pageW - 2 * m, 11);
        f.subtitle = QRectF(m, 18, f.pageW - 2 * m, 7);
        f.map = QRectF(m, 27, f.pageW - 2 * m - right - 5, 165);
        const double x = f.map.right() + 5;
        f.legend = QRectF(x, 27, right, 120);
        f.northArrow = QRectF(x, 152, 11, 16);
        f.scaleBar = QRectF(x, 174, right, 14);
        f.source = QRectF(m, 195, f.pageW - 2 * m, 9);
    } else {
        f.pageW = 210;
        f.pageH = 297;
        f.title = QRectF(m, 7, f.pageW - 2 * m, 11);
        f.subtitle = QRectF(m, 18, f.pageW - 2 * m, 7);
        f.map = QRectF(m, 27, f.pageW - 2 * m, 180);
        f.legend = QRectF(m, 211, 150, 68); // two columns
        f.northArrow = QRectF(f.pageW - m - 11, 213, 11, 16);
        f.scaleBar = QRectF(f.pageW - m - 36, 262, 36, 14);
        f.source = QRectF(m, 282, f.pageW - 2 * m, 9);
    }
    return f;
}

//! The frame of an A4 page, or of an A3 page: the same arrangement scaled by √2 (A3 is A4 twice over),
//! so that what does not overlap on A4 does not on A3.
Frame frameFor(PageOrientation orientation, PageSize size) {
    Frame f = frameFor(orientation);
    if (size == PageSize::A4)
        return f;
    const double k = std::sqrt(2.0);
    f.pageW = std::round(f.pageW * k);
    f.pageH = std::round(f.pageH * k);
    for (QRectF* r : {&f.title, &f.subtitle, &f.map, &f.legend, &f.northArrow, &f.scaleBar, &f.source})
        *r = QRectF(r->x() * k, r->y() * k, r->width() * k, r->height() * k);
    return f;
}

QgsLayoutItemLabel* addLabel(QgsPrintLayout* layout, const char* id, const QString& text, const QRectF& r,
                             const QFont& f, const QColor& color) {
    auto* label = new QgsLayoutItemLabel(layout);
    label->setId(QString::fromLatin1(id));
    label->setText(text);
    label->setFont(f);
    label->setFontColor(color);
    label->setMargin(0);
    label->setHAlign(Qt::AlignLeft);
    label->setVAlign(Qt::AlignVCenter);
    layout->addLayoutItem(label);
    place(label, r);
    return label;
}

//! The text of the communes' density colouring, "" when they show none.
QString colouringOf(const QgsProject* project) {
    const QgsVectorLayer* communes = findLayerByRole(project, QString::fromLatin1(role::Communes));
    return communes ? communes->customProperty(QString::fromLatin1(kColouringProperty)).toString()
                    : QString();
}

//! Whether the communes are coloured by accessibility (2SFCA) rather than by density.
bool showsAccessibility(const QgsProject* project) {
    const QgsVectorLayer* communes = findLayerByRole(project, QString::fromLatin1(role::Communes));
    const auto* graduated =
        communes ? dynamic_cast<const QgsGraduatedSymbolRenderer*>(communes->renderer()) : nullptr;
    return graduated && graduated->classAttribute() == QLatin1String(MapLayers::kAccessibilityField);
}

//! Whether `layer` belongs in the legend of a map that shows `layers` at `scale`: visible there, not the
//! selection outlines, and not the bassins' pôle colours when a density map covers them.
bool inLegend(const QgsMapLayer* layer, const QList<QgsMapLayer*>& layers, double scale, bool densityMap) {
    if (!layer || !layers.contains(const_cast<QgsMapLayer*>(layer)) || !layer->isInScaleRange(scale))
        return false;
    const QString role = layer->customProperty(QString::fromLatin1(kRoleProperty)).toString();
    if (role == QLatin1String(role::Selection))
        return false;
    return !(densityMap && role == QLatin1String(role::Bassins));
}

//! QGIS writes the project's metadata title as the PDF's title: the map's title goes there for the time
//! of the export, and the project's own metadata is put back.
QgsLayoutExporter::ExportResult exportPdfWithTitle(QgsLayoutExporter& exporter, QgsPrintLayout* layout,
                                                   const QString& path,
                                                   const QgsLayoutExporter::PdfExportSettings& settings) {
    QgsProject* project = layout->project();
    if (!project)
        return exporter.exportToPdf(path, settings);
    const QgsProjectMetadata saved = project->metadata();
    const bool wasDirty = project->isDirty();
    QgsProjectMetadata titled = saved;
    titled.setTitle(layout->name());
    project->setMetadata(titled);
    const QgsLayoutExporter::ExportResult result = exporter.exportToPdf(path, settings);
    project->setMetadata(saved);
    project->setDirty(wasDirty);
    return result;
}

} // namespace

QString defaultSourceLine(const model::Dataset& dataset) {
    return print::sourceLine(dataset);
}

QString defaultTitle(const model::Dataset& dataset) {
    const QString base = ExportText::tr("Health care pôles");
    return dataset.meta.title.empty() ? base : base + QStringLiteral(" — ") + qs(dataset.meta.title);
}

ExportOptions defaultExportOptions(const model::Dataset& dataset, int vintage, const QgsProject* project) {
    ExportOptions options;
    options.sourceLine = defaultSourceLine(dataset);
    const QString colouring = colouringOf(project);
    if (colouring.isEmpty()) {
        options.title = defaultTitle(dataset);
        if (vintage > 0)
            options.subtitle = ExportText::tr("Bassins de vie by type of pôle, %1 data").arg(vintage);
        return options;
    }
    options.title =
        dataset.meta.title.empty() ? colouring : colouring + QStringLiteral(" — ") + qs(dataset.meta.title);
    options.subtitle = showsAccessibility(project)
                           ? ExportText::tr("Communes, accessibility (APL, DREES method): professionals per "
                                            "100,000 inhabitants within reach")
                           : ExportText::tr("Communes, professionals per 10,000 inhabitants");
    return options;
}

bool formatFromPath(const QString& path, ExportFormat* format) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        *format = ExportFormat::Pdf;
    else if (suffix == QLatin1String("png"))
        *format = ExportFormat::Png;
    else if (suffix == QLatin1String("svg"))
        *format = ExportFormat::Svg;
    else
        return false;
    return true;
}

std::unique_ptr<QgsPrintLayout> buildExportLayout(QgsProject* project, const QgsMapSettings& view,
                                                  const ExportOptions& options) {
    auto layout = std::make_unique<QgsPrintLayout>(project);
    layout->initializeDefaults();
    layout->setName(options.title.isEmpty() ? ExportText::tr("Map") : options.title);
    const Frame frame = frameFor(options.orientation, options.pageSize);
    QgsLayoutItemPage* page = layout->pageCollection()->page(0);
    page->setPageSize(QgsLayoutSize(frame.pageW, frame.pageH, QgsUnitTypes::LayoutMillimeters));
    layout->renderContext().setDpi(options.dpi);

    const QColor ink(0x22, 0x22, 0x22);
    addLabel(layout.get(), layout_id::Title, options.title, frame.title,
             font(print::fittingSize(options.title, font(17, true), 17, 11, frame.title.width()), true), ink);
    if (!options.subtitle.isEmpty())
        // One line: a second one (the accessibility map's) ran onto the map's frame.
        addLabel(layout.get(), layout_id::Subtitle, options.subtitle, frame.subtitle,
                 font(print::fittingSize(options.subtitle, font(10.5), 10.5, 7.5, frame.subtitle.width())),
                 QColor(0x55, 0x55, 0x55));

    auto* map = new print::LargeNamesMap(layout.get());
    map->setId(QString::fromLatin1(layout_id::Map));
    layout->addLayoutItem(map);
    place(map, frame.map);
    map->setCrs(view.destinationCrs());
    map->setLayers(LabelObstacles::withoutObstacles(view.layers()));
    map->setKeepLayerSet(true);
    map->setFrameEnabled(true);
    map->setFrameStrokeColor(QColor(0x88, 0x88, 0x88));
    map->setFrameStrokeWidth(QgsLayoutMeasurement(0.25, QgsUnitTypes::LayoutMillimeters));
    map->setBackgroundColor(view.backgroundColor());
    map->setExtent(fitToRatio(view.visibleExtent(), frame.map.width() / frame.map.height()));

    auto* legend = new QgsLayoutItemLegend(layout.get());
    legend->setId(QString::fromLatin1(layout_id::Legend));
    layout->addLayoutItem(legend);
    legend->setTitle(ExportText::tr("Legend"));
    legend->setLinkedMap(map);
    // Only what the map shows, as the atlas's and the territory sheet's: the rules of another scale (the
    // pôles' and links' overview symbols beside their detailed ones) were listed twice.
    legend->setLegendFilterByMapEnabled(true);
    legend->setAutoUpdateModel(false); // a copy of the project's tree that we trim to the view
    if (QgsLayerTree* root = legend->model()->rootGroup()) {
        const double scale = map->scale();
        const QList<QgsMapLayer*> shown = view.layers();
        const bool densityMap = !colouringOf(project).isEmpty();
        for (QgsLayerTreeLayer* node : root->findLayers()) {
            if (!inLegend(node->layer(), shown, scale, densityMap))
                qobject_cast<QgsLayerTreeGroup*>(node->parent())->removeChildNode(node);
        }
    }
    legend->setStyleFont(QgsLegendStyle::Title, font(11, true));
    legend->setStyleFont(QgsLegendStyle::Group, font(9.5, true));
    legend->setStyleFont(QgsLegendStyle::Subgroup, font(9, true));
    legend->setStyleFont(QgsLegendStyle::SymbolLabel, font(8.5));
    if (options.orientation == PageOrientation::Portrait) {
        legend->setColumnCount(2);
        legend->setSplitLayer(true);
        legend->setColumnSpace(6);
    }
    legend->setSymbolWidth(8);
    legend->setSymbolHeight(4.5);
    legend->setBackgroundEnabled(false);
    legend->attemptMove(QgsLayoutPoint(frame.legend.x(), frame.legend.y(), QgsUnitTypes::LayoutMillimeters));
    legend->adjustBoxSize();

    print::addNorthArrow(layout.get(), map, frame.northArrow);

    auto* scaleBar = new QgsLayoutItemScaleBar(layout.get());
    scaleBar->setId(QString::fromLatin1(layout_id::ScaleBar));
    layout->addLayoutItem(scaleBar);
    scaleBar->setStyle(QStringLiteral("Single Box"));
    scaleBar->setLinkedMap(map);
    scaleBar->applyDefaultSize(QgsUnitTypes::DistanceKilometers);
    scaleBar->setUnitLabel(QStringLiteral("km"));
    QgsTextFormat scaleText;
    scaleText.setFont(font(8));
    scaleText.setSize(8);
    scaleText.setSizeUnit(QgsUnitTypes::RenderPoints);
    scaleBar->setTextFormat(scaleText);
    // Landscape: left-aligned under the north arrow; portrait: right-aligned with the map frame.
    if (options.orientation == PageOrientation::Portrait) {
        scaleBar->setReferencePoint(QgsLayoutItem::UpperRight);
        scaleBar->attemptMove(
            QgsLayoutPoint(frame.scaleBar.right(), frame.scaleBar.y(), QgsUnitTypes::LayoutMillimeters));
    } else {
        scaleBar->attemptMove(
            QgsLayoutPoint(frame.scaleBar.x(), frame.scaleBar.y(), QgsUnitTypes::LayoutMillimeters));
    }
    scaleBar->update();

    addLabel(layout.get(), layout_id::Source, options.sourceLine, frame.source, font(7.5),
             QColor(0x55, 0x55, 0x55));

    // The legend learns its size when first painted: a quick low-resolution render gives every item its
    // final geometry (checked by the tests, and by anyone who edits the layout afterwards).
    QgsLayoutExporter(layout.get()).renderPageToImage(0, QSize(), 25);
    legend->adjustBoxSize();
    return layout;
}

bool exportLayout(QgsPrintLayout* layout, ExportFormat format, const QString& path, int dpi, QString* error) {
    const QString suffix = format == ExportFormat::Pdf   ? QStringLiteral("pdf")
                           : format == ExportFormat::Png ? QStringLiteral("png")
                                                         : QStringLiteral("svg");
    const auto write = [&](const QString& temp, QString* why) {
        QgsLayoutExporter exporter(layout);
        QgsLayoutExporter::ExportResult result = QgsLayoutExporter::Success;
        switch (format) {
        case ExportFormat::Pdf: {
            QgsLayoutExporter::PdfExportSettings settings;
            settings.dpi = dpi;
            settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
            settings.appendGeoreference = false;
            result = exportPdfWithTitle(exporter, layout, temp, settings);
            break;
        }
        case ExportFormat::Png: {
            QgsLayoutExporter::ImageExportSettings settings;
            settings.dpi = dpi;
            result = exporter.exportToImage(temp, settings);
            break;
        }
        case ExportFormat::Svg: {
            QgsLayoutExporter::SvgExportSettings settings;
            settings.dpi = dpi;
            settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
            result = exporter.exportToSvg(temp, settings);
            break;
        }
        }
        if (result == QgsLayoutExporter::Success)
            return true;
        if (why) {
            *why = result == QgsLayoutExporter::MemoryError
                       ? ExportText::tr("Not enough memory to export the map at %1 dpi.").arg(dpi)
                       : ExportText::tr("The map could not be exported to %1.")
                             .arg(QDir::toNativeSeparators(path));
        }
        return false;
    };
    return print::writeAtomically(path, suffix, write, error);
}

} // namespace maillage::ui
