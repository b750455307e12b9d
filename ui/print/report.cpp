#include "ui/print/report.h"

#include "ui/print/atlas.h"
#include "ui/print/print_project.h"
#include "ui/print/print_tools.h"
#include "ui/styles/layer_styles.h"

#include "core/analysis/wording.h"
#include "core/model/error.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include <qgscategorizedsymbolrenderer.h>
#include <qgscoordinatetransform.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
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
constexpr double kWidth = 190; // A4 portrait, 10 mm margins

Language uiLanguage() {
    return QLocale().language() == QLocale::French ? Language::Fr : Language::En;
}

//! What every page carries: the sheet's title in small, the sources, the secrecy note and "n / 3".
void addFooter(QgsPrintLayout* layout, int page, int pages, const QString& territory, const QString& source,
               const QString& note) {
    addText(layout, QString(), territory, QRectF(10, 5, kWidth, 5), layoutFont(7), kGrey, page);
    addText(layout, QString(), source + QLatin1Char('\n') + note, QRectF(10, 280, 165, 10), layoutFont(6.5),
            kGrey, page, true);
    addText(layout, QString(), QStringLiteral("%1 / %2").arg(page + 1).arg(pages), QRectF(180, 280, 20, 5),
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

//! Millimetres a line of 7.5 pt text takes in a layout table, and what a row adds to its lines (cell margins,
//! grid line): a row of one line is 5.2 mm.
constexpr double kTableLine = 2.8, kTableRowExtra = 2.4;

//! The widths `widths` scaled to share `width` millimetres once the cell margins and grid lines are off.
QList<double> fittedWidths(const QList<double>& widths, double width) {
    const double margins = widths.size() * 2 * 1.2 + (widths.size() + 1) * 0.15;
    double sum = 0;
    for (double w : widths)
        sum += w;
    QList<double> fitted;
    for (double w : widths)
        fitted << (sum > 0 ? w * (width - margins) / sum : w);
    return fitted;
}

//! One row of a layout table: its cells broken within their columns, and the height it takes.
struct LaidRow {
    QStringList cells;
    double height = 0;
};

//! The header (first) and rows of `table` in columns of `fitted` millimetres. QGIS wraps a table's text at
//! spaces only: long hyphenated names are broken here, within the column.
std::vector<LaidRow> layRows(const TextTable& table, const QList<double>& fitted) {
    std::vector<LaidRow> out;
    const auto lay = [&](const QStringList& cells, bool header) {
        LaidRow row;
        double lines = 1;
        const QFont font = layoutFont(7.5, header);
        for (int c = 0; c < cells.size(); ++c) {
            const QString text = c < fitted.size() ? breakToWidth(cells[c], font, fitted[c]) : cells[c];
            lines = std::max(lines, static_cast<double>(text.count(QLatin1Char('\n')) + 1));
            row.cells << text;
        }
        row.height = lines * kTableLine + kTableRowExtra;
        out.push_back(std::move(row));
    };
    lay(table.header, true);
    for (const QStringList& cells : table.rows)
        lay(cells, false);
    return out;
}

//! `table` as a layout table from the top of `r` on `page`, header in bold, every other row tinted, text
//! wrapped within its column. Returns the height it takes (its lines counted once wrapped), at most
//! r.height(): the frame is that high, so that what follows it can be placed below.
double addTable(QgsPrintLayout* layout, const TextTable& table, const QList<double>& widths, const QRectF& r,
                int page) {
    auto* item = new QgsLayoutItemManualTable(layout);
    layout->addMultiFrame(item);
    const QList<double> fitted = fittedWidths(widths, r.width());
    // The header is the first row of the contents: QGIS sizes its own header row as if its text had no
    // line break, so that a header of three lines lost its first and last.
    double height = 0;
    QgsTableContents contents;
    const std::vector<LaidRow> rows = layRows(table, fitted);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool header = i == 0, tinted = i > 0 && i % 2 == 0;
        QgsTableRow row;
        for (int c = 0; c < rows[i].cells.size(); ++c) {
            QgsTableCell cell(rows[i].cells[c]);
            if (header)
                cell.setTextFormat(textFormat(7.5, true, kInk));
            if (tinted)
                cell.setBackgroundColor(QColor(0xf0, 0xf3, 0xf7));
            if (!header && c >= table.textColumns)
                cell.setHorizontalAlignment(Qt::AlignRight);
            row << cell;
        }
        contents << row;
        height += rows[i].height;
    }
    height = std::min(r.height(), height + 1);
    item->setTableContents(contents);
    item->setIncludeTableHeader(false);
    item->setColumnWidths(fitted);
    item->setContentTextFormat(textFormat(7.5, false, kInk));
    item->setWrapBehavior(QgsLayoutTable::WrapText);
    item->setCellMargin(1.2);
    item->setGridStrokeWidth(0.15);
    item->setGridColor(QColor(0xbb, 0xbb, 0xbb));
    item->setBackgroundColor(Qt::white);
    auto* frame = new QgsLayoutFrame(layout, item);
    place(frame, QRectF(r.x(), r.y(), r.width(), height), page);
    item->addFrame(frame);
    return height;
}

//! The height in millimetres that `text` takes at `points` over `width` millimetres (DejaVu Sans: about
//! 0.235 × the size a character, 1.45 × the size a line; 95 characters a line at 8.5 pt over the page):
//! the sections of a page follow one another.
double textHeight(const QString& text, double points = 8.5, double width = kWidth) {
    const double perLine = std::max(1.0, std::floor(width / (points * 0.235)));
    double lines = 0;
    for (const QString& paragraph : text.split(QLatin1Char('\n')))
        lines += std::max(1.0, std::ceil(paragraph.size() / perLine));
    return lines * points * 0.3528 * 1.45 + 2;
}

//! What a sheet shows of its territory, whatever its kind.
struct Sheet {
    analysis::Territory territory;
    TerritoryFigures figures; //!< title, type (or pôles), figures and reason of page 1
    QString kind;             //!< "bassin de vie", "département", "selection of communes"
    AtlasBy outlineBy = AtlasBy::Bassin;
    std::vector<TerritoryFigures> outlines; //!< the territories drawn in red on the map
    std::vector<std::string> bassins;       //!< its BVs (links, Crunch)
    double margin = 1.6;                    //!< the map's extent around the outline
};

//! The codes of the BVs of `layer` that the map `map` shows (their polygon meets its extent), sorted.
std::vector<std::string> bassinsShown(QgsVectorLayer& layer, const QgsLayoutItemMap& map,
                                      const QgsProject& project) {
    QgsRectangle extent = map.extent();
    if (map.crs() != layer.crs())
        extent = QgsCoordinateTransform(map.crs(), layer.crs(), &project).transformBoundingBox(extent);
    QgsFeatureRequest request;
    request.setFilterRect(extent);
    request.setFlags(QgsFeatureRequest::ExactIntersect);
    request.setSubsetOfAttributes(QStringList{QStringLiteral("code")}, layer.fields());
    std::vector<std::string> codes;
    QgsFeatureIterator it = layer.getFeatures(request);
    for (QgsFeature f; it.nextFeature(f);)
        codes.push_back(f.attribute(QStringLiteral("code")).toString().toStdString());
    std::sort(codes.begin(), codes.end());
    return codes;
}

//! The bassins' legend counts the BVs the sheet's map shows per type (the territory's and those around
//! it), not the dataset's: the same rule for a BV's sheet and a département's.
void countLegendOverMap(PrintProject& print, const TerritoryContext& context, const QgsLayoutItemMap& map) {
    QgsVectorLayer* layer = print.layer(QStringLiteral("bassins_de_vie"));
    auto* renderer = layer ? dynamic_cast<QgsCategorizedSymbolRenderer*>(layer->renderer()) : nullptr;
    if (!renderer)
        return;
    const std::vector<std::string> bassins = bassinsShown(*layer, map, print.project());
    std::array<int, analysis::kPoleTypeCount> counts{};
    for (std::size_t i = 0; i < context.dataset.bassins.size() && i < context.classification.poles.size();
         ++i)
        if (std::binary_search(bassins.begin(), bassins.end(), context.dataset.bassins[i].code))
            ++counts[static_cast<std::size_t>(context.classification.poles[i].type)];
    const QgsCategoryList categories = renderer->categories();
    for (int i = 0; i < categories.size(); ++i) {
        const int type = categories[i].value().toInt();
        if (type >= 0 && type < analysis::kPoleTypeCount)
            renderer->updateCategoryLabel(i, styles::legendLabel(static_cast<analysis::PoleType>(type),
                                                                 counts[static_cast<std::size_t>(type)]));
    }
}

//! The dataset as the subtitle names it: its title, else its régions ("Hauts-de-France"; "18 régions" for
//! more than two), as an imported dataset has no title.
QString datasetName(const model::Dataset& ds) {
    if (!ds.meta.title.empty())
        return QString::fromStdString(ds.meta.title);
    std::set<std::string> codes;
    for (const model::Commune& c : ds.communes)
        if (!c.reg.empty())
            codes.insert(c.reg);
    // The national data's 18 régions would fill three lines of the subtitle: their number says it.
    if (codes.size() > 2)
        return PrintText::tr("%n région(s)", nullptr, static_cast<int>(codes.size()));
    QStringList names;
    for (const std::string& code : codes) {
        const auto name = ds.regionNames.find(code);
        names << QString::fromStdString(name == ds.regionNames.end() ? code : name->second);
    }
    return names.join(QStringLiteral(", "));
}

//! Page 1: title, the map of the territory (outlined) and its surroundings, legend, type, figures and
//! reason.
void mapPage(QgsPrintLayout* layout, PrintProject& print, const TerritoryContext& context, const Sheet& sheet,
             QgsVectorLayer* outline) {
    const TerritoryFigures& t = sheet.figures;
    // A long name takes a smaller size, then two lines of the box, never the subtitle's place.
    const QString title = t.code.isEmpty() ? t.name : QStringLiteral("%1 (%2)").arg(t.name, t.code);
    addText(layout, QStringLiteral("title"), title, QRectF(10, 12, kWidth, 12),
            layoutFont(fittingSize(title, layoutFont(20, true), 20, 12, kWidth), true), kInk);
    addText(layout, QStringLiteral("subtitle"),
            PrintText::tr("Territory sheet — %1 — %2, %3")
                .arg(sheet.kind, datasetName(print.dataset()))
                .arg(context.vintage),
            QRectF(10, 24, kWidth, 7), layoutFont(10), kGrey);
    auto* map = new LargeNamesMap(layout);
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
    extent.scale(sheet.margin);
    map->setExtent(fitToRatio(extent, kWidth / 140));
    addScaleBar(layout, map, QRectF(12, 164, 50, 8));
    countLegendOverMap(print, context, *map);
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
    // The type (a département's pôles may take three lines), the figures and the reason, one below the
    // other beside the legend.
    double y = 178;
    const double typeHeight = textHeight(t.typeLabel, 12, 96);
    addText(layout, QStringLiteral("type"), t.typeLabel, QRectF(104, y, 96, typeHeight), layoutFont(12, true),
            kAccent, 0, true);
    y += typeHeight + 1;
    const double figuresHeight = textHeight(t.figures, 8.5, 96);
    addText(layout, QStringLiteral("figures"), t.figures, QRectF(104, y, 96, figuresHeight), layoutFont(8.5),
            kInk, 0, true);
    y += figuresHeight + 2;
    addText(layout, QStringLiteral("reason"), t.reason, QRectF(104, y, 96, std::max(10.0, 276 - y)),
            layoutFont(8.5), kInk, 0, true);
}

//! Column widths filling the page: `first` for the first column, the others sharing the rest.
QList<double> widths(int columns, double first) {
    QList<double> out{first};
    for (int c = 1; c < columns; ++c)
        out << (kWidth - first) / (columns - 1);
    return out;
}

//! Page 2: densities per profession against the references.
void densityPage(QgsPrintLayout* layout, const Sheet& sheet, const TextTable& densities, int vintage) {
    addHeading(layout, PrintText::tr("Health professionals and densities"), 14, 1);
    addText(layout, QString(),
            PrintText::tr("Professionals of %1 by profession, and densities per 10,000 inhabitants against "
                          "the references (figures of %2).")
                .arg(sheet.territory.level == analysis::TerritoryLevel::Communes
                         ? PrintText::tr("the selection")
                         : sheet.figures.name,
                     QString::number(vintage)),
            QRectF(10, 23, kWidth, 10), layoutFont(8.5), kInk, 1, true);
    addTable(layout, densities, widths(densities.header.size(), 42), QRectF(10, 36, kWidth, 240), 1);
}

//! A page holding one table under its heading and an introduction (a département's BVs, a selection's
//! communes).
void tablePage(QgsPrintLayout* layout, const QString& heading, const QString& intro, const TextTable& table,
               int page) {
    addHeading(layout, heading, 14, page);
    double y = 24;
    if (!intro.isEmpty()) {
        addText(layout, QString(), intro, QRectF(10, y - 1, kWidth, textHeight(intro)), layoutFont(8.5), kInk,
                page, true);
        y += textHeight(intro) + 1;
    }
    addTable(layout, table, widths(table.header.size(), 60), QRectF(10, y, kWidth, 276 - y), page);
}

//! What the table of a département's BVs counts, against the département's own figure: the BVs with all
//! their communes, some of them in neighbouring départements (the Crunch diagnosis counts these).
QString bassinsTotalText(const TerritoryContext& context, const Sheet& sheet, const QString& own) {
    double total = 0;
    for (std::size_t i = 0; i < context.dataset.bassins.size() && i < context.classification.poles.size();
         ++i)
        if (std::binary_search(sheet.bassins.begin(), sheet.bassins.end(), context.dataset.bassins[i].code))
            total += context.classification.poles[i].total;
    // The number in brackets: the sentence needs no plural form.
    return PrintText::tr("Bassins de vie whose main commune is in the département (%1), with all their "
                         "communes, some in neighbouring départements: %2 health professionals, the figure "
                         "of the Crunch diagnosis. The département's own communes: %3.")
        .arg(QString::number(sheet.bassins.size()),
             QString::fromStdString(analysis::wording::number(total, 0, context.language)), own);
}

//! The links of the sheet's BVs from `y` on `page`; returns the y below them.
double linksSection(QgsPrintLayout* layout, const TerritoryContext& context, const Sheet& sheet, double y,
                    int page) {
    addHeading(layout, PrintText::tr("Links of the maillage"), y, page);
    y += 10;
    const TextTable links = bassinLinks(context, sheet.bassins, 12);
    if (links.rows.isEmpty()) {
        const QString none =
            sheet.territory.level == analysis::TerritoryLevel::Bassin && sheet.figures.poleType == 0
                ? PrintText::tr("No declared link for this bassin de vie; modelled links join pôles, "
                                "and it is none.")
                : PrintText::tr("No modelled or declared link for these bassins de vie.");
        addText(layout, QString(), none, QRectF(10, y, kWidth, 6), layoutFont(8.5), kInk, page);
        return y + 12;
    }
    const double height = addTable(layout, links,
                                   links.header.size() == 6 ? QList<double>{40, 40, 36, 22, 26, 26}
                                                            : QList<double>{56, 44, 22, 26, 42},
                                   QRectF(10, y, kWidth, 276 - y), page);
    return y + height + 8;
}

//! The sources and the statistical secrecy said in full, as the last page closes on them.
QString sourcesText(const TerritoryContext& context) {
    return sourceLine(context.dataset) + QStringLiteral("\n") + secrecyText(context) + QStringLiteral("\n") +
           PrintText::tr(
               "Counts below the threshold, and the figures from which they could be recomputed (with the "
               "totals, the references or the other professions), are shown as « < threshold ».");
}

//! The height the sources' section takes below the last content (space, heading, text).
double sourcesHeight(const TerritoryContext& context) {
    return 8 + 10 + textHeight(sourcesText(context));
}

//! The sources' section from `y` on `page`.
void sourcesSection(QgsPrintLayout* layout, const TerritoryContext& context, double y, int page) {
    addHeading(layout, PrintText::tr("Sources and statistical secrecy"), y, page);
    y += 10;
    const QString sources = sourcesText(context);
    addText(layout, QString(), sources, QRectF(10, y, kWidth, textHeight(sources)), layoutFont(8.5), kInk,
            page, true);
}

//! Where the table of a selection's communes starts on its pages (under the heading), and the height it
//! may take down to the footer.
constexpr double kCommunesTop = 24, kCommunesHeight = 276 - kCommunesTop;

QList<double> communeWidths(const TextTable& communes) {
    return widths(communes.header.size(), 60);
}

//! The communes of a selection cut into the pages they fill, each with the header, the last keeping
//! `reserve` millimetres below its rows for the sources: they follow the last communes, never alone on a
//! page of their own. One page (maybe without a row) at least.
std::vector<TextTable> communePages(const TextTable& communes, double reserve) {
    const std::vector<LaidRow> rows = layRows(communes, fittedWidths(communeWidths(communes), kWidth));
    const double room = kCommunesHeight - 1 - rows.front().height; // addTable's frame is a millimetre more
    std::vector<std::vector<int>> pages(1);
    std::vector<double> used(1, 0.0);
    for (int r = 0; r < communes.rows.size(); ++r) {
        const double h = rows[static_cast<std::size_t>(r) + 1].height;
        if (used.back() + h > room && !pages.back().empty()) {
            pages.emplace_back();
            used.push_back(0);
        }
        pages.back().push_back(r);
        used.back() += h;
    }
    // The last rows go over to a page of their own when the sources do not fit below them.
    std::vector<int> tail;
    while (used.back() + reserve > room && pages.back().size() > 1) {
        const int r = pages.back().back();
        const double h = rows[static_cast<std::size_t>(r) + 1].height;
        pages.back().pop_back();
        used.back() -= h;
        tail.insert(tail.begin(), r);
    }
    if (!tail.empty())
        pages.push_back(std::move(tail));
    std::vector<TextTable> out;
    for (const std::vector<int>& page : pages) {
        TextTable t;
        t.header = communes.header;
        t.textColumns = communes.textColumns;
        for (int r : page)
            t.rows << communes.rows[r];
        out.push_back(std::move(t));
    }
    return out;
}

//! One page of a selection's communes; the last one closes on the sources.
void communesPage(QgsPrintLayout* layout, const TerritoryContext& context, const TextTable& communes,
                  bool last, int page) {
    addHeading(layout, PrintText::tr("Communes of the selection"), 14, page);
    const double height = addTable(layout, communes, communeWidths(communes),
                                   QRectF(10, kCommunesTop, kWidth, kCommunesHeight), page);
    if (last)
        sourcesSection(layout, context, kCommunesTop + height + 8, page);
}

//! The last page of a BV's or a département's sheet: links (BVs and départements), the Crunch diagnosis
//! (of the BV's région or of the département), sources and secrecy, one below the other.
void closingPage(QgsPrintLayout* layout, const TerritoryContext& context, const Sheet& sheet, int page) {
    double y = linksSection(layout, context, sheet, 14, page);
    std::vector<std::string> scope = sheet.bassins;
    const model::Bassin* bassin = context.dataset.bassin(sheet.territory.code);
    if (sheet.territory.level == analysis::TerritoryLevel::Bassin && bassin) {
        scope.clear(); // a BV alone says nothing of concentration: its région
        for (const model::Bassin& b : context.dataset.bassins)
            if (b.reg == bassin->reg)
                scope.push_back(b.code);
    }
    addHeading(layout,
               sheet.territory.level == analysis::TerritoryLevel::Bassin
                   ? PrintText::tr("Crunch diagnosis of the région")
                   : PrintText::tr("Crunch diagnosis of the département's bassins de vie"),
               y, page);
    y += 10;
    const QString crunch = crunchParagraphs(context, scope).join(QStringLiteral("\n"));
    addText(layout, QString(), crunch, QRectF(10, y, kWidth, textHeight(crunch)), layoutFont(8.5), kInk, page,
            true);
    sourcesSection(layout, context, y + textHeight(crunch) + 8, page);
}

std::unique_ptr<QgsPrintLayout> sheetLayout(PrintProject& print, const TerritoryContext& context,
                                            const Sheet& sheet, QgsVectorLayer* outline,
                                            const TerritoryProfessionals& professionals) {
    auto layout = std::make_unique<QgsPrintLayout>(&print.project());
    std::vector<std::function<void(int)>> pages;
    pages.push_back([&](int) { mapPage(layout.get(), print, context, sheet, outline); });
    pages.push_back([&](int) { densityPage(layout.get(), sheet, professionals.densities, context.vintage); });
    if (sheet.territory.level == analysis::TerritoryLevel::Departement)
        pages.push_back([&](int page) {
            tablePage(layout.get(), PrintText::tr("Bassins de vie of the département and their type"),
                      bassinsTotalText(context, sheet, professionals.total),
                      bassinTypes(context, sheet.bassins), page);
        });
    std::vector<TextTable> communes;
    if (sheet.territory.level == analysis::TerritoryLevel::Communes)
        communes = communePages(communeTable(context, sheet.territory), sourcesHeight(context));
    for (std::size_t k = 0; k < communes.size(); ++k)
        pages.push_back([&, k](int page) {
            communesPage(layout.get(), context, communes[k], k + 1 == communes.size(), page);
        });
    if (sheet.territory.level != analysis::TerritoryLevel::Communes)
        pages.push_back([&](int page) { closingPage(layout.get(), context, sheet, page); });
    const int count = static_cast<int>(pages.size());
    // Sized before they are added: the collection places each page below the previous one as it is then.
    for (int i = 0; i < count; ++i) {
        auto* page = new QgsLayoutItemPage(layout.get());
        page->setPageSize(QStringLiteral("A4"), QgsLayoutItemPage::Portrait);
        layout->pageCollection()->addPage(page);
    }
    layout->setName(PrintText::tr("Territory sheet — %1").arg(sheet.figures.name));
    for (int i = 0; i < count; ++i)
        pages[static_cast<std::size_t>(i)](i);
    const QString territory = PrintText::tr("%1 — territory sheet").arg(sheet.figures.name);
    for (int i = 0; i < count; ++i) {
        const bool last = i == count - 1; // it says the sources in full
        addFooter(layout.get(), i, count, territory, last ? QString() : sourceLine(context.dataset),
                  last ? QString() : secrecyText(context));
    }
    return layout;
}

//! "Lille — pôle de grande métropole (P-GM)", one line per pôle of `bassins`.
QString polesOf(const TerritoryContext& context, const std::vector<std::string>& bassins) {
    QStringList lines;
    for (const TerritoryFigures& f : bassinFigures(context))
        if (f.poleType > 0 &&
            std::find(bassins.begin(), bassins.end(), f.code.toStdString()) != bassins.end())
            lines << QStringLiteral("%1 — %2").arg(f.name, f.typeLabel);
    return lines.isEmpty()
               ? QString()
               : PrintText::tr("Pôles d'offre:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
}

//! The BV sheet: its classification figures (as the atlas shows them).
bool bassinSheet(const TerritoryContext& context, Sheet& sheet) {
    for (TerritoryFigures& f : bassinFigures(context))
        if (f.code.toStdString() == sheet.territory.code)
            sheet.figures = std::move(f);
    sheet.kind = PrintText::tr("bassin de vie");
    sheet.outlineBy = AtlasBy::Bassin;
    sheet.outlines = {sheet.figures};
    return !sheet.figures.code.isEmpty();
}

void departementSheet(const TerritoryContext& context, Sheet& sheet, const QString& professionals) {
    for (TerritoryFigures& f : departementFigures(context))
        if (f.code.toStdString() == sheet.territory.code)
            sheet.figures = std::move(f);
    sheet.figures.code = QString::fromStdString(sheet.territory.code);
    sheet.figures.name = QString::fromStdString(sheet.territory.name);
    sheet.figures.figures += QLatin1Char('\n') + PrintText::tr("Health professionals: %1").arg(professionals);
    sheet.figures.reason = polesOf(context, sheet.bassins);
    sheet.kind = PrintText::tr("département");
    sheet.outlineBy = AtlasBy::Departement;
    sheet.outlines = {sheet.figures};
    sheet.margin = 1.2;
}

void communesSheet(const TerritoryContext& context, Sheet& sheet, const QString& professionals) {
    const analysis::Territory& t = sheet.territory;
    double inhabitants = 0;
    for (const std::string& code : t.communes)
        if (const model::Commune* c = context.dataset.commune(code)) {
            inhabitants += c->population;
            TerritoryFigures f;
            f.code = QString::fromStdString(c->code);
            f.name = QString::fromStdString(c->name);
            sheet.outlines.push_back(f);
        }
    const int n = static_cast<int>(t.communes.size());
    sheet.figures.name =
        n == 1 ? PrintText::tr("Selection of 1 commune") : PrintText::tr("Selection of %1 communes").arg(n);
    sheet.figures.typeLabel =
        n == 1 ? PrintText::tr("1 commune chosen") : PrintText::tr("%1 communes chosen").arg(n);
    sheet.figures.figures =
        PrintText::tr("Population: %1")
            .arg(QString::fromStdString(analysis::wording::number(inhabitants, 0, context.language))) +
        QLatin1Char('\n') + PrintText::tr("Health professionals: %1").arg(professionals);
    QStringList names;
    for (const TerritoryFigures& f : sheet.outlines)
        names << f.name;
    sheet.figures.reason =
        names.join(QStringLiteral(", ")) + QLatin1Char('\n') + polesOf(context, sheet.bassins);
    sheet.kind = PrintText::tr("selection of communes");
    sheet.outlineBy = AtlasBy::Commune;
    sheet.margin = 1.8;
}

} // namespace

bool writeTerritoryReport(const ReportRequest& request, QString* error, QgsFeedback* feedback) {
    std::unique_ptr<PrintProject> print = PrintProject::open(request.dataset, error);
    if (!print)
        return false;
    const TerritoryContext context =
        territoryContext(print->dataset(), print->classification(), uiLanguage());
    Sheet sheet;
    try { // the command line checked it; the GUI's selection may be stale
        sheet.territory = analysis::parseTerritory(print->dataset(), request.territory.toStdString());
    } catch (const Error& e) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(request.dataset,
                                                  QString::fromStdString(e.describe(uiLanguage())));
        return false;
    }
    sheet.bassins = bassinsOf(print->dataset(), sheet.territory);
    const TerritoryProfessionals professionals = territoryProfessionals(context, sheet.territory);
    const QString& total = professionals.total;
    switch (sheet.territory.level) {
    case analysis::TerritoryLevel::Bassin:
        bassinSheet(context, sheet);
        break;
    case analysis::TerritoryLevel::Departement:
        departementSheet(context, sheet, total);
        break;
    case analysis::TerritoryLevel::Communes:
        communesSheet(context, sheet, total);
        break;
    default:
        if (error)
            *error = PrintText::tr("%1: a territory sheet is for a bassin de vie, a département or a list of "
                                   "communes, not %2.")
                         .arg(request.dataset, request.territory);
        return false;
    }
    QgsVectorLayer* outline = addTerritoryLayer(*print, sheet.outlineBy, sheet.outlines);
    if (!outline || outline->extent().isEmpty()) {
        if (error)
            *error =
                PrintText::tr("%1: the dataset has no outlines of these territories.").arg(request.dataset);
        return false;
    }
    auto layout = sheetLayout(*print, context, sheet, outline, professionals);
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
