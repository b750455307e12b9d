#include "ui/print/print_tools.h"

#include "ui/styles/layer_styles.h"
#include "ui/styles/pole_name_placement.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>
#include <QTemporaryFile>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>

#include <gdal_priv.h>

#include <qgsapplication.h>
#include <qgsexpressioncontextutils.h>
#include <qgslayout.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutmeasurement.h>
#include <qgslayoutpoint.h>
#include <qgslayoutrendercontext.h>
#include <qgslayoutsize.h>
#include <qgslayoututils.h>
#include <qgstextformat.h>

//! Q_INIT_RESOURCE declares a function: outside any namespace. The print library is static, so its resources
//! are registered by hand, once, by whoever draws with them.
static void initPrintResources() {
    Q_INIT_RESOURCE(print_resources);
}

namespace maillage::ui::print {

namespace {

//! Same words as the map export (one translation context for the two).
struct ExportText {
    Q_DECLARE_TR_FUNCTIONS(ExportLayout)
};

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

//! Older imports recorded their input files as sources: those are no source to cite.
bool isFileName(const QString& source) {
    static const QRegularExpression file(
        QStringLiteral("\\.(csv|txt|geojson|json|gpkg|shp|xlsx|xls|ods|zip|parquet)$"),
        QRegularExpression::CaseInsensitiveOption);
    return source.contains(file) || source.contains(QLatin1Char('/'));
}

} // namespace

void place(QgsLayoutItem* item, const QRectF& r, int page) {
    item->attemptMove(QgsLayoutPoint(r.x(), r.y(), QgsUnitTypes::LayoutMillimeters), true, false, page);
    item->attemptResize(QgsLayoutSize(r.width(), r.height(), QgsUnitTypes::LayoutMillimeters));
}

QFont layoutFont(double pointSize, bool bold) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

double fittingSize(const QString& text, const QFont& base, double maxPt, double minPt, double widthMm) {
    QFont f = base;
    f.setPixelSize(1000); // measure at a large size, scale linearly
    const double advance = QFontMetricsF(f).horizontalAdvance(text) / 1000.0; // in font sizes
    for (double pt = maxPt; pt > minPt; pt -= 0.5) {
        if (advance * pt * 25.4 / 72.0 <= widthMm)
            return pt;
    }
    return minPt;
}

QgsLayoutItemLabel* addText(QgsLayout* layout, const QString& id, const QString& text, const QRectF& r,
                            const QFont& font, const QColor& color, int page, bool top) {
    auto* label = new QgsLayoutItemLabel(layout);
    if (!id.isEmpty())
        label->setId(id);
    label->setText(text);
    label->setFont(font);
    label->setFontColor(color);
    label->setMargin(0);
    label->setHAlign(Qt::AlignLeft);
    label->setVAlign(top ? Qt::AlignTop : Qt::AlignVCenter);
    layout->addLayoutItem(label);
    place(label, r, page);
    return label;
}

namespace {

//! The pieces of `line` between which it may break: each ends with its space or hyphen.
QStringList breakablePieces(const QString& line) {
    QStringList pieces;
    QString piece;
    for (const QChar ch : line) {
        piece += ch;
        if (ch == QLatin1Char(' ') || ch == QLatin1Char('-') || ch == QChar(0x2011) || ch == QChar(0x2013)) {
            pieces << piece;
            piece.clear();
        }
    }
    if (!piece.isEmpty())
        pieces << piece;
    return pieces;
}

} // namespace

QString breakToWidth(const QString& text, const QFont& font, double widthMm) {
    if (widthMm <= 0)
        return text;
    const auto width = [&](const QString& s) { return QgsLayoutUtils::textWidthMM(font, s); };
    QStringList out;
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        const auto flush = [&] {
            out << (line.endsWith(QLatin1Char(' ')) ? line.chopped(1) : line);
            line.clear();
        };
        for (QString piece : breakablePieces(paragraph)) {
            if (!line.isEmpty() && width(line + piece.trimmed()) > widthMm)
                flush();
            // A piece wider than the column by itself is cut between letters.
            while (width(piece.trimmed()) > widthMm && piece.size() > 1) {
                int n = piece.size() - 1;
                while (n > 1 && width(piece.left(n)) > widthMm)
                    --n;
                line = piece.left(n);
                flush();
                piece = piece.mid(n);
            }
            line += piece;
        }
        flush();
    }
    return out.join(QLatin1Char('\n'));
}

bool setPdfTitle(const QString& path, const QString& title) {
    std::unique_ptr<GDALDataset> pdf(GDALDataset::Open(path.toUtf8().constData(),
                                                       GDAL_OF_RASTER | GDAL_OF_UPDATE,
                                                       std::array<const char*, 2>{"PDF", nullptr}.data()));
    return pdf && pdf->SetMetadataItem("TITLE", title.toUtf8().constData()) == CE_None;
}

QgsRectangle fitToRatio(const QgsRectangle& extent, double ratio) {
    QgsRectangle e = extent;
    if (e.isEmpty() || ratio <= 0)
        return e;
    const QgsPointXY c = e.center();
    double w = e.width(), h = e.height();
    if (w / h > ratio)
        h = w / ratio;
    else
        w = h * ratio;
    return QgsRectangle(c.x() - w / 2, c.y() - h / 2, c.x() + w / 2, c.y() + h / 2);
}

void addScaleBar(QgsLayout* layout, QgsLayoutItemMap* map, const QRectF& r, int page) {
    auto* bar = new QgsLayoutItemScaleBar(layout);
    bar->setId(QStringLiteral("scale_bar"));
    layout->addLayoutItem(bar);
    bar->setStyle(QStringLiteral("Single Box"));
    bar->setLinkedMap(map);
    bar->applyDefaultSize(QgsUnitTypes::DistanceKilometers);
    bar->setUnitLabel(QStringLiteral("km"));
    // Round segments that fit the box whatever the map's scale (an atlas changes it on every page).
    bar->setNumberOfSegmentsLeft(0);
    bar->setNumberOfSegments(2);
    bar->setSegmentSizeMode(QgsScaleBarSettings::SegmentSizeFitWidth);
    bar->setMinimumBarWidth(r.width() / 3);
    bar->setMaximumBarWidth(r.width());
    QgsTextFormat text;
    text.setFont(layoutFont(8));
    text.setSize(8);
    text.setSizeUnit(QgsUnitTypes::RenderPoints);
    bar->setTextFormat(text);
    place(bar, r, page);
}

QString northArrowPath() {
    const QString qgis = QgsApplication::pkgDataPath() + QStringLiteral("/svg/arrows/NorthArrow_02.svg");
    return QFileInfo::exists(qgis) ? qgis : fallbackNorthArrow();
}

QString fallbackNorthArrow() {
    static const bool registered = (initPrintResources(), true);
    (void)registered;
    return QStringLiteral(":/maillage/north_arrow.svg");
}

QgsLayoutItemPicture* addNorthArrow(QgsLayout* layout, QgsLayoutItemMap* map, const QRectF& r, int page) {
    auto* arrow = new QgsLayoutItemPicture(layout);
    arrow->setId(QStringLiteral("north_arrow"));
    layout->addLayoutItem(arrow);
    arrow->setPicturePath(northArrowPath(), QgsLayoutItemPicture::FormatSVG);
    // The SVG's parameters: QGIS's default fill is white, which drew the "N" and the arrow's filled half
    // white on the white ground.
    arrow->setSvgFillColor(QColor(0x20, 0x20, 0x20));
    arrow->setSvgStrokeColor(QColor(0x20, 0x20, 0x20));
    arrow->setLinkedMap(map);
    place(arrow, r, page);
    return arrow;
}

QString sourceLine(const model::Dataset& dataset) {
    QStringList sources;
    for (const std::string& s : dataset.meta.sources)
        if (!isFileName(qs(s)))
            sources << qs(s);
    QStringList parts;
    if (needsFictionalNote(dataset, sources))
        parts << ExportText::tr("Fictional data (demonstration dataset)");
    const bool french = QLocale().language() == QLocale::French;
    // Each source holds a comma ("INSEE, BPE 2018"): a semicolon between them, spaced as each language does.
    if (!sources.isEmpty())
        parts << ExportText::tr("Sources: %1")
                     .arg(sources.join(french ? QStringLiteral("\u00a0; ") : QStringLiteral("; ")));
    parts << ExportText::tr("Map: Maillage, %1")
                 .arg(longDate(QDate::currentDate(), french ? Language::Fr : Language::En));
    return parts.join(QStringLiteral(" — "));
}

bool needsFictionalNote(const model::Dataset& dataset, const QStringList& sources) {
    return dataset.meta.fictional && std::none_of(sources.begin(), sources.end(), [](const QString& source) {
               return source.contains(QLatin1String("ficti"), Qt::CaseInsensitive);
           });
}

QString longDate(const QDate& date, Language language) {
    // The month's name in words whatever the system's locale: "12/3/26" is read as 12 March in France.
    const QLocale locale = language == Language::Fr ? QLocale(QLocale::French, QLocale::France)
                                                    : QLocale(QLocale::English, QLocale::UnitedKingdom);
    return locale.toString(date, QStringLiteral("d MMMM yyyy"));
}

QString cannotWriteFolder(const QString& folder) {
    return ExportText::tr("Cannot write in the folder %1.").arg(QDir::toNativeSeparators(folder));
}

bool writeAtomically(const QString& path, const QString& suffix,
                     const std::function<bool(const QString& temp, QString* error)>& write, QString* error) {
    const QFileInfo target(path);
    // A temporary name in the same folder (same file system), renamed over the target when complete.
    QTemporaryFile reserve(target.absolutePath() + QStringLiteral("/.maillage-export-XXXXXX.") + suffix);
    if (!reserve.open()) {
        if (error)
            *error = cannotWriteFolder(target.absolutePath());
        return false;
    }
    const QString temp = reserve.fileName();
    reserve.close();
    if (!write(temp, error)) {
        QFile::remove(temp);
        return false;
    }
    // QTemporaryFile creates the file readable by its owner only: a map is a document to share.
    QFile::setPermissions(temp, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                    QFileDevice::ReadOther);
    // rename(2) replaces the target atomically. When it fails (a folder of that name, no permission, a
    // read-only file system), removing the target first would not help and would lose the previous file.
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temp);
        if (error)
            *error = ExportText::tr("The exported map could not be saved as %1.")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

LargeNamesMap::LargeNamesMap(QgsLayout* layout) : QgsLayoutItemMap(layout) {}

QgsExpressionContext LargeNamesMap::createExpressionContext() const {
    // Placed again when the map has changed since (an atlas page's extent, its frame, its layers), whatever
    // signals the change: before the map is drawn, the layout asks for its context.
    if (!m_placing &&
        (extent() != m_placedExtent || sizeWithUnits() != m_placedSize || layers() != m_placedLayers))
        const_cast<LargeNamesMap*>(this)->placeNames();
    QgsExpressionContext context = QgsLayoutItemMap::createExpressionContext();
    auto* scope = new QgsExpressionContextScope(QStringLiteral("Maillage"));
    setLargePoleNameVariables(*scope, m_placement);
    context.appendScope(scope);
    return context;
}

void LargeNamesMap::placeNames() {
    if (!layout() || m_placing)
        return;
    m_placing = true; // the map settings below ask for this context
    m_placedExtent = extent();
    m_placedSize = sizeWithUnits();
    m_placedLayers = layers();
    // The map as the layout draws it: its extent, its frame's size at the layout's resolution (the
    // positions are in map units: the resolution only rounds the texts' sizes).
    const double dpi = layout()->renderContext().dpi();
    const QSizeF size = layout()->convertToLayoutUnits(sizeWithUnits()) * (dpi / 25.4);
    m_placement = largePoleNamePlacement(mapSettings(extent(), size, dpi, true));
    m_placing = false;
}

} // namespace maillage::ui::print
