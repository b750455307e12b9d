#include "ui/print/report.h"

#include "ui/print/atlas.h"
#include "ui/print/print_project.h"
#include "ui/print/print_tools.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

#include <qgsfeedback.h>
#include <qgslayertree.h>
#include <qgslayoutexporter.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutpagecollection.h>
#include <qgslayouttablecolumn.h>
#include <qgsprintlayout.h>
#include <qgsprojectmetadata.h>
#include <qgstablecell.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>

namespace maillage::ui::print {

namespace {

struct PrintText {
    Q_DECLARE_TR_FUNCTIONS(maillage::ui::print::PrintText)
};

const QColor kInk(0x20, 0x20, 0x20);
const QColor kGrey(0x55, 0x55, 0x55);
const QColor kAccent(0x1f, 0x4e, 0x79);
constexpr int kPages = 3;
constexpr double kWidth = 190; // A4 portrait, 10 mm margins

Language uiLanguage() {
    return QLocale().language() == QLocale::French ? Language::Fr : Language::En;
}

//! What every page carries: the sheet's title in small, the sources, the secrecy note and "n / 3".
void addFooter(QgsPrintLayout* layout, int page, const QString& territory, const QString& source,
               const QString& note) {
    addText(layout, QString(), territory, QRectF(10, 5, kWidth, 5), layoutFont(7), kGrey, page);
    addText(layout, QString(), source + QLatin1Char('\n') + note, QRectF(10, 280, 165, 10), layoutFont(6.5),
            kGrey, page, true);
    addText(layout, QString(), QStringLiteral("%1 / %2").arg(page + 1).arg(kPages), QRectF(180, 280, 20, 5),
            layoutFont(7), kGrey, page);
}

void addHeading(QgsPrintLayout* layout, const QString& text, double y, int page) {
    addText(layout, QString(), text, QRectF(10, y, kWidth, 8), layoutFont(12.5, true), kAccent, page);
}

QgsTextFormat textFormat(double size, bool bold, const QColor& color) {
    QgsTextFormat f;
    f.setFont(layoutFont(size, bold));
    f.setSize(size);
    f.setSizeUnit(QgsUnitTypes::RenderPoints);
    f.setColor(color);
    return f;
}

//! `table` as a layout table in `r` on `page`, header shaded, every other row tinted, text wrapped.
void addTable(QgsPrintLayout* layout, const TextTable& table, const QList<double>& widths, const QRectF& r,
              int page) {
    auto* item = new QgsLayoutItemManualTable(layout);
    layout->addMultiFrame(item);
    QgsTableContents contents;
    for (int i = 0; i < table.rows.size(); ++i) {
        QgsTableRow row;
        for (int c = 0; c < table.rows[i].size(); ++c) {
            QgsTableCell cell(table.rows[i][c]);
            if (i % 2 == 1)
                cell.setBackgroundColor(QColor(0xf0, 0xf3, 0xf7));
            if (c >= table.textColumns)
                cell.setHorizontalAlignment(Qt::AlignRight);
            row << cell;
        }
        contents << row;
    }
    item->setTableContents(contents);
    QgsLayoutTableColumns headers;
    for (const QString& h : table.header)
        headers << QgsLayoutTableColumn(h);
    item->setHeaders(headers);
    item->setIncludeTableHeader(true);
    item->setColumnWidths(widths);
    item->setHeaderTextFormat(textFormat(7.5, true, kInk));
    item->setContentTextFormat(textFormat(7.5, false, kInk));
    item->setWrapBehavior(QgsLayoutTable::WrapText);
    item->setCellMargin(1.2);
    item->setGridStrokeWidth(0.15);
    item->setGridColor(QColor(0xbb, 0xbb, 0xbb));
    item->setBackgroundColor(Qt::white);
    auto* frame = new QgsLayoutFrame(layout, item);
    place(frame, r, page);
    item->addFrame(frame);
}

//! Page 1: title, the map of the BV (outlined) and its surroundings, legend, type, figures and reason.
void mapPage(QgsPrintLayout* layout, PrintProject& print, const TerritoryFigures& t,
             QgsVectorLayer* outline) {
    addText(layout, QStringLiteral("title"), QStringLiteral("%1 (%2)").arg(t.name, t.code),
            QRectF(10, 12, kWidth, 12), layoutFont(20, true), kInk);
    addText(layout, QStringLiteral("subtitle"),
            PrintText::tr("Territory sheet — bassin de vie — %1, %2")
                .arg(QString::fromStdString(print.dataset().meta.title))
                .arg(print.dataset().latestVintage()),
            QRectF(10, 24, kWidth, 7), layoutFont(10), kGrey);
    auto* map = new QgsLayoutItemMap(layout);
    map->setId(QStringLiteral("map"));
    layout->addLayoutItem(map);
    place(map, QRectF(10, 34, kWidth, 140));
    map->setCrs(print.project().crs());
    map->setFrameEnabled(true);
    QList<QgsMapLayer*> layers{outline};
    layers << print.project().layerTreeRoot()->checkedLayers();
    map->setLayers(layers);
    map->setKeepLayerSet(true);
    QgsRectangle extent = outline->extent();
    extent.scale(1.6);
    map->setExtent(fitToRatio(extent, kWidth / 140));
    addScaleBar(layout, map, QRectF(12, 164, 50, 8));
    auto* legend = new QgsLayoutItemLegend(layout);
    legend->setTitle(PrintText::tr("Legend"));
    legend->setLinkedMap(map);
    legend->setLegendFilterByMapEnabled(true);
    legend->setResizeToContents(false);
    legend->setStyleFont(QgsLegendStyle::Title, layoutFont(9, true));
    legend->setStyleFont(QgsLegendStyle::Group, layoutFont(7.5, true));
    legend->setStyleFont(QgsLegendStyle::Subgroup, layoutFont(7.5, true));
    legend->setStyleFont(QgsLegendStyle::SymbolLabel, layoutFont(7));
    legend->setSymbolHeight(3);
    legend->setSymbolWidth(5);
    layout->addLayoutItem(legend);
    place(legend, QRectF(10, 178, 88, 98));
    addText(layout, QStringLiteral("type"), t.typeLabel, QRectF(104, 178, 96, 8), layoutFont(12, true),
            kAccent);
    addText(layout, QStringLiteral("figures"), t.figures, QRectF(104, 188, 96, 18), layoutFont(8.5), kInk, 0,
            true);
    addText(layout, QStringLiteral("reason"), t.reason, QRectF(104, 208, 96, 68), layoutFont(8.5), kInk, 0,
            true);
}

//! Page 2: densities per profession against the references.
void densityPage(QgsPrintLayout* layout, const TerritoryContext& context, const TerritoryFigures& t) {
    addHeading(layout, PrintText::tr("Health professionals and densities"), 14, 1);
    addText(layout, QString(),
            PrintText::tr(
                "Professionals of %1 by profession, and densities per 10,000 inhabitants of the bassin de "
                "vie against its département, its région and the whole dataset.")
                .arg(t.name),
            QRectF(10, 23, kWidth, 10), layoutFont(8.5), kInk, 1, true);
    addTable(layout, densityReferences(context, t.code.toStdString()), {42, 21, 22, 26, 31, 22},
             QRectF(10, 36, kWidth, 240), 1);
}

//! The height in millimetres that `text` takes at 8.5 pt over the page's width (about 95 characters a line,
//! 4.3 mm a line): the sections of a page follow one another.
double textHeight(const QString& text) {
    double lines = 0;
    for (const QString& paragraph : text.split(QLatin1Char('\n')))
        lines += std::max(1.0, std::ceil(paragraph.size() / 95.0));
    return lines * 4.3 + 2;
}

//! Page 3: links, the Crunch diagnosis of the région, sources and secrecy, one below the other.
void linksPage(QgsPrintLayout* layout, const TerritoryContext& context, const TerritoryFigures& t) {
    const std::string bv = t.code.toStdString();
    double y = 14;
    addHeading(layout, PrintText::tr("Links of the maillage"), y, 2);
    y += 10;
    const TextTable links = bassinLinks(context, bv, 12);
    if (links.rows.isEmpty()) {
        const QString none =
            t.poleType == 0
                ? PrintText::tr("No declared link for this bassin de vie; modelled links join pôles, "
                                "and it is none.")
                : PrintText::tr("No modelled or declared link for this bassin de vie.");
        addText(layout, QString(), none, QRectF(10, y, kWidth, 6), layoutFont(8.5), kInk, 2);
        y += 12;
    } else {
        const double height = 9 + 5.2 * links.rows.size();
        addTable(layout, links, {56, 44, 22, 26, 22}, QRectF(10, y, kWidth, height), 2);
        y += height + 8;
    }
    addHeading(layout, PrintText::tr("Crunch diagnosis of the région"), y, 2);
    y += 10;
    const QString crunch = crunchParagraphs(context, bv).join(QStringLiteral("\n"));
    addText(layout, QString(), crunch, QRectF(10, y, kWidth, textHeight(crunch)), layoutFont(8.5), kInk, 2,
            true);
    y += textHeight(crunch) + 8;
    addHeading(layout, PrintText::tr("Sources and statistical secrecy"), y, 2);
    y += 10;
    const QString sources =
        sourceLine(context.dataset) + QStringLiteral("\n") + secrecyText(context) + QStringLiteral("\n") +
        PrintText::tr(
            "Counts below the threshold, and the figures from which they could be recomputed, are shown "
            "as « < threshold » or left out.");
    addText(layout, QString(), sources, QRectF(10, y, kWidth, textHeight(sources)), layoutFont(8.5), kInk, 2,
            true);
}

std::unique_ptr<QgsPrintLayout> sheetLayout(PrintProject& print, const TerritoryContext& context,
                                            const TerritoryFigures& t, QgsVectorLayer* outline) {
    auto layout = std::make_unique<QgsPrintLayout>(&print.project());
    // Sized before they are added: the collection places each page below the previous one as it is then.
    for (int i = 0; i < kPages; ++i) {
        auto* page = new QgsLayoutItemPage(layout.get());
        page->setPageSize(QStringLiteral("A4"), QgsLayoutItemPage::Portrait);
        layout->pageCollection()->addPage(page);
    }
    layout->setName(PrintText::tr("Territory sheet — %1").arg(t.name));
    mapPage(layout.get(), print, t, outline);
    densityPage(layout.get(), context, t);
    linksPage(layout.get(), context, t);
    const QString territory = PrintText::tr("%1 (%2) — territory sheet").arg(t.name, t.code);
    for (int i = 0; i < kPages; ++i)
        addFooter(layout.get(), i, territory, i == 2 ? QString() : sourceLine(context.dataset),
                  i == 2 ? QString() : secrecyText(context));
    return layout;
}

} // namespace

bool writeTerritoryReport(const ReportRequest& request, QString* error, QgsFeedback* feedback) {
    std::unique_ptr<PrintProject> print = PrintProject::open(request.dataset, error);
    if (!print)
        return false;
    const TerritoryContext context{
        print->dataset(), analysis::SecrecyRule::from(print->dataset().params.density), uiLanguage()};
    std::vector<TerritoryFigures> figures;
    for (TerritoryFigures& f : bassinFigures(context))
        if (f.code == request.bassin)
            figures.push_back(std::move(f));
    if (figures.empty()) {
        if (error)
            *error =
                PrintText::tr("%1: no bassin de vie %2 in the dataset.").arg(request.dataset, request.bassin);
        return false;
    }
    QgsVectorLayer* outline = addTerritoryLayer(*print, AtlasBy::Bassin, figures);
    if (!outline) {
        if (error)
            *error =
                PrintText::tr("%1: the dataset has no outlines of these territories.").arg(request.dataset);
        return false;
    }
    auto layout = sheetLayout(*print, context, figures.front(), outline);
    QgsProjectMetadata metadata = print->project().metadata(); // the PDF's title
    metadata.setTitle(layout->name());
    print->project().setMetadata(metadata);
    return writeAtomically(
        request.output, QStringLiteral("pdf"),
        [&](const QString& temp, QString* why) {
            QgsLayoutExporter exporter(layout.get());
            QgsLayoutExporter::PdfExportSettings settings;
            settings.dpi = 200;
            settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
            settings.appendGeoreference = false;
            if (feedback && feedback->isCanceled())
                return false;
            if (exporter.exportToPdf(temp, settings) == QgsLayoutExporter::Success)
                return true;
            if (why)
                *why = PrintText::tr("%1: the territory sheet could not be written.").arg(request.output);
            return false;
        },
        error);
}

} // namespace maillage::ui::print
