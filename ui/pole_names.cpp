#include "ui/pole_names.h"

#include "ui/styles/layer_styles.h"
#include "ui/workshop_obstacles.h"

#include <QHash>
#include <QImage>
#include <QPainter>

#include <cmath>

#include <qgsmapcanvas.h>
#include <qgsmapcanvasitem.h>
#include <qgsrendercontext.h>
#include <qgstextrenderer.h>
#include <qgsvectorlayer.h>

namespace maillage::ui {

namespace {

//! The line joining a name of the second ring to its marker, as the labels' callout draws it
//! (styles::setBassinLabels()): 0.3 mm, off the marker by 1.2 mm and off the text by 0.4 mm.
constexpr double kLeaderWidthMm = 0.3;
constexpr double kLeaderOffMarkerMm = 1.2;
constexpr double kLeaderOffTextMm = 0.4;
//! Images kept at most (a name is drawn again when it changes size: the workshop, a zoom across 1:4M).
constexpr int kMaxImages = 400;

//! The point of `rect` nearest `point`.
QgsPointXY nearestOn(const QgsRectangle& rect, const QgsPointXY& point) {
    return QgsPointXY(std::clamp(point.x(), rect.xMinimum(), rect.xMaximum()),
                      std::clamp(point.y(), rect.yMinimum(), rect.yMaximum()));
}

} // namespace

//! Draws the large pôles' names over the whole map, each from an image of its text and halo drawn once.
class LargeNamesItem : public QgsMapCanvasItem {
public:
    explicit LargeNamesItem(QgsMapCanvas* canvas) : QgsMapCanvasItem(canvas) {}

    const std::vector<PlacedName>& names() const { return m_names; }

    void setNames(std::vector<PlacedName> names) {
        m_names = std::move(names);
        setRect(mMapCanvas->extent()); // the whole map (and positioned anew as the map moves)
        update();
    }

    void paint(QPainter* painter) override {
        // Labels off (a benchmark of the map without them): neither.
        if (m_names.empty() || !mMapCanvas->mapSettings().testFlag(Qgis::MapSettingsFlag::DrawLabeling))
            return;
        const double unitsPerPixel = mMapCanvas->mapUnitsPerPixel();
        const double pixelsPerMm = mMapCanvas->mapSettings().outputDpi() / 25.4;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        // The lines first, under every name.
        QPen pen(QColor(0x20, 0x20, 0x20));
        pen.setWidthF(kLeaderWidthMm * pixelsPerMm);
        pen.setCapStyle(Qt::FlatCap);
        painter->setPen(pen);
        for (const PlacedName& name : m_names) {
            if (!name.far)
                continue;
            const QPointF marker = toCanvasCoordinates(name.anchor) - pos();
            const QPointF text = toCanvasCoordinates(nearestOn(name.rect, name.anchor)) - pos();
            const QLineF line(marker, text);
            const double length = line.length();
            const double from = kLeaderOffMarkerMm * pixelsPerMm, to = kLeaderOffTextMm * pixelsPerMm;
            if (length > from + to)
                painter->drawLine(line.pointAt(from / length), line.pointAt(1 - to / length));
        }
        for (auto name = m_names.crbegin(); name != m_names.crend(); ++name) { // the heaviest on top
            const Image& image = imageOf(*name);
            const QPointF topLeft =
                toCanvasCoordinates(QgsPointXY(name->rect.xMinimum(), name->rect.yMaximum())) - pos();
            // Centred on the rectangle QGIS would give the text at this scale.
            const QPointF centre(topLeft.x() + name->rect.width() / unitsPerPixel / 2,
                                 topLeft.y() + name->rect.height() / unitsPerPixel / 2);
            painter->drawImage(centre - image.centre, image.image);
        }
        painter->restore();
    }

private:
    struct Image {
        QImage image;
        QPointF centre; //!< of the text's rectangle in the image, in logical pixels
    };

    //! The image of `name`'s text with its halo, as QGIS's labels draw it.
    const Image& imageOf(const PlacedName& name) {
        const QgsMapSettings& map = mMapCanvas->mapSettings();
        const qreal ratio = mMapCanvas->devicePixelRatioF();
        const QgsTextFormat& format = name.format;
        const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8")
                                .arg(name.text)
                                .arg(format.size())
                                .arg(format.sizeUnit())
                                .arg(format.font().toString())
                                .arg(format.color().name(QColor::HexArgb))
                                .arg(format.buffer().enabled() ? format.buffer().size() : 0.0)
                                .arg(map.outputDpi())
                                .arg(ratio);
        auto found = m_images.constFind(key);
        if (found != m_images.constEnd())
            return *found;
        if (m_images.size() >= kMaxImages)
            m_images.clear();
        QgsRenderContext sizing = QgsRenderContext::fromMapSettings(map);
        const double width = QgsTextRenderer::textWidth(sizing, format, {name.text});
        const double height = QgsTextRenderer::textHeight(sizing, format, {name.text}, QgsTextRenderer::Rect);
        const double margin =
            std::ceil((format.buffer().enabled()
                           ? sizing.convertToPainterUnits(format.buffer().size(), format.buffer().sizeUnit(),
                                                          format.buffer().sizeMapUnitScale())
                           : 0.0) +
                      2);
        Image image;
        image.image = QImage(QSize(static_cast<int>(std::ceil((width + 2 * margin) * ratio)),
                                   static_cast<int>(std::ceil((height + 2 * margin) * ratio))),
                             QImage::Format_ARGB32_Premultiplied);
        image.image.setDevicePixelRatio(ratio);
        image.image.fill(Qt::transparent);
        image.centre = QPointF(margin + width / 2, margin + height / 2);
        QPainter painter(&image.image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        QgsRenderContext context = QgsRenderContext::fromMapSettings(map);
        context.setPainter(&painter);
        context.setFlag(Qgis::RenderContextFlag::Antialiasing, true);
        QgsTextRenderer::drawText(QRectF(margin, margin, width, height), 0, QgsTextRenderer::AlignCenter,
                                  {name.text}, context, format);
        painter.end();
        return *m_images.insert(key, image);
    }

    std::vector<PlacedName> m_names;
    QHash<QString, Image> m_images;
};

LargePoleNames* LargePoleNames::of(QgsMapCanvas* canvas) {
    if (auto* existing = canvas->findChild<LargePoleNames*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new LargePoleNames(canvas);
}

LargePoleNames::LargePoleNames(QgsMapCanvas* canvas)
    : QObject(canvas), m_canvas(canvas), m_item(new LargeNamesItem(canvas)) {
    // Synchronously: the canvas draws later, from the event loop, with the scope set then.
    connect(canvas, &QgsMapCanvas::extentsChanged, this, &LargePoleNames::update);
    connect(canvas, &QgsMapCanvas::destinationCrsChanged, this, &LargePoleNames::update);
    connect(canvas, &QgsMapCanvas::layersChanged, this, [this] {
        followLayers();
        update();
    });
    followLayers();
    update();
}

const std::vector<PlacedName>& LargePoleNames::names() const {
    return m_item->names();
}

QVariantMap LargePoleNames::positions() const {
    return m_canvas->expressionContextScope()
        .variable(QString::fromLatin1(styles::kLargeNamePositionsVariable))
        .toMap();
}

void LargePoleNames::setMaxCover(double cover) {
    if (cover == m_maxCover)
        return;
    m_maxCover = cover;
    placeAgain();
}

void LargePoleNames::followLayers() {
    for (const QPointer<QgsVectorLayer>& layer : std::as_const(m_followed))
        if (layer)
            disconnect(layer, nullptr, this, nullptr);
    m_followed.clear();
    for (QgsMapLayer* mapLayer : m_canvas->layers()) {
        auto* layer = qobject_cast<QgsVectorLayer*>(mapLayer);
        if (!layer || layer->fields().indexOf(QString::fromLatin1(styles::kPoleTypeField)) < 0)
            continue;
        m_followed << layer;
        // A new classification (attributes written, then a repaint asked) or larger names (the workshop).
        connect(layer, &QgsMapLayer::repaintRequested, this, [this] {
            if (!m_repainting)
                update();
        });
        connect(layer, &QgsMapLayer::styleChanged, this, &LargePoleNames::update);
    }
    if (auto* obstacles = m_canvas->findChild<LabelObstacles*>(QString(), Qt::FindDirectChildrenOnly))
        connect(obstacles, &LabelObstacles::rectsChanged, this, &LargePoleNames::placeAgain,
                Qt::UniqueConnection);
}

bool LargePoleNames::update() {
    const auto* obstacles = m_canvas->findChild<LabelObstacles*>(QString(), Qt::FindDirectChildrenOnly);
    const LargeNamePlacement placement = largePoleNamePlacement(
        m_canvas->mapSettings(), obstacles ? obstacles->mapRects() : QList<QgsRectangle>(), m_maxCover);
    QgsExpressionContextScope& scope = m_canvas->expressionContextScope();
    const bool changed =
        scope.variable(QString::fromLatin1(styles::kLargeNamePositionsVariable)) != placement.positions ||
        scope.variable(QString::fromLatin1(styles::kLargeNameDistancesVariable)) != placement.distances ||
        scope.variable(QString::fromLatin1(styles::kLargeNamesLeftOutVariable)) != placement.leftOut;
    setLargePoleNameVariables(scope, placement);
    scope.setVariable(QString::fromLatin1(styles::kLargeNamesDrawnVariable), true); // drawn here
    // The smaller pôles' names, and the other labels, keep off them and their halos.
    QList<QgsRectangle> rects;
    const QgsRenderContext context = QgsRenderContext::fromMapSettings(m_canvas->mapSettings());
    for (const PlacedName& name : placement.names) {
        const QgsTextBufferSettings& buffer = name.format.buffer();
        const double halo = buffer.enabled() ? context.convertToMapUnits(buffer.size(), buffer.sizeUnit(),
                                                                         buffer.sizeMapUnitScale())
                                             : 0.0;
        rects << name.rect.buffered(halo);
    }
    LabelObstacles::of(m_canvas)->setNameRects(rects);
    m_item->setNames(placement.names);
    return changed;
}

void LargePoleNames::placeAgain() {
    if (!update())
        return;
    // At the same extent the canvas draws again from its cache, labels included: placed with the variables
    // before (a box moved over the second map in the workshop, Le Havre's, Amiens's and Douai's names stayed
    // where the box now is). The labelled layers drawn again, their labels are placed again.
    m_repainting = true;
    for (const QPointer<QgsVectorLayer>& layer : std::as_const(m_followed))
        if (layer)
            layer->triggerRepaint();
    m_repainting = false;
}

} // namespace maillage::ui
