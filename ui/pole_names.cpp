#include "ui/pole_names.h"

#include "ui/styles/layer_styles.h"
#include "ui/workshop_obstacles.h"

#include <QDomDocument>
#include <QHash>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include <qgsmapcanvas.h>
#include <qgsmapcanvasitem.h>
#include <qgsreadwritecontext.h>
#include <qgsrendercontext.h>
#include <qgstextrenderer.h>
#include <qgsvectorlayer.h>

namespace maillage::ui {

namespace {

//! Images kept at most (a name is drawn again when it changes size: the workshop, a zoom across 1:4M).
constexpr int kMaxImages = 400;
//! Text styles remembered at most with their written form (a few: one per pôle type, in and out of the
//! workshop).
constexpr int kMaxStyles = 16;

//! The point of `rect` nearest `point`.
QgsPointXY nearestOn(const QgsRectangle& rect, const QgsPointXY& point) {
    return QgsPointXY(std::clamp(point.x(), rect.xMinimum(), rect.xMaximum()),
                      std::clamp(point.y(), rect.yMinimum(), rect.yMaximum()));
}

} // namespace

//! Draws the large pôles' names over the whole map, each from an image of its text and halo drawn once.
class LargeNamesItem : public QgsMapCanvasItem {
public:
    //! Deleted with the canvas's scene, before the canvas's children: `*back` is set to null then.
    LargeNamesItem(QgsMapCanvas* canvas, LargeNamesItem** back) : QgsMapCanvasItem(canvas), m_back(back) {}
    ~LargeNamesItem() override { *m_back = nullptr; }

    const std::vector<PlacedName>& names() const { return m_names; }

    void setNames(std::vector<PlacedName> names) {
        m_names = std::move(names);
        m_keys.clear();
        for (const PlacedName& name : m_names)
            m_keys.push_back(styleKey(name.format) + QLatin1Char('|') + name.text);
        setRect(mMapCanvas->extent()); // the whole map (and positioned anew as the map moves)
        update();
    }

    using QgsMapCanvasItem::paint;
    void paint(QPainter* painter) override {
        // Labels off (a benchmark of the map without them): neither.
        if (m_names.empty() || !mMapCanvas->mapSettings().testFlag(Qgis::MapSettingsFlag::DrawLabeling))
            return;
        const double unitsPerPixel = mMapCanvas->mapUnitsPerPixel();
        const double pixelsPerMm = mMapCanvas->mapSettings().outputDpi() / 25.4;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        // The lines first, under every name.
        QPen pen(QColor::fromRgba(styles::kNameLeaderColor));
        pen.setWidthF(styles::kNameLeaderWidthMm * pixelsPerMm);
        pen.setCapStyle(Qt::FlatCap);
        painter->setPen(pen);
        for (const PlacedName& name : m_names) {
            if (!name.far)
                continue;
            const QPointF marker = toCanvasCoordinates(name.anchor) - pos();
            const QPointF text = toCanvasCoordinates(nearestOn(name.rect, name.anchor)) - pos();
            const QLineF line(marker, text);
            const double length = line.length();
            const double from = styles::kNameLeaderOffMarkerMm * pixelsPerMm;
            const double to = styles::kNameLeaderOffTextMm * pixelsPerMm;
            if (length > from + to)
                painter->drawLine(line.pointAt(from / length), line.pointAt(1 - to / length));
        }
        const QString screen = QStringLiteral("|%1|%2")
                                   .arg(mMapCanvas->mapSettings().outputDpi())
                                   .arg(mMapCanvas->devicePixelRatioF());
        for (std::size_t i = m_names.size(); i-- > 0;) { // the heaviest on top
            const PlacedName& name = m_names[i];
            const Image& image = imageOf(name, m_keys[i] + screen);
            const QPointF topLeft =
                toCanvasCoordinates(QgsPointXY(name.rect.xMinimum(), name.rect.yMaximum())) - pos();
            // Centred on the rectangle QGIS would give the text at this scale, on whole device pixels.
            const QPointF centre(topLeft.x() + name.rect.width() / unitsPerPixel / 2,
                                 topLeft.y() + name.rect.height() / unitsPerPixel / 2);
            const qreal ratio = image.image.devicePixelRatio();
            const QPointF at = centre - image.centre;
            painter->drawImage(
                QPointF(std::round(at.x() * ratio) / ratio, std::round(at.y() * ratio) / ratio), image.image);
        }
        painter->restore();
    }

private:
    struct Image {
        QImage image;
        QPointF centre; //!< of the text's rectangle in the image, in logical pixels
    };

    //! The written form of `format` (every property of the text, its halo, shadow and background).
    QString styleKey(const QgsTextFormat& format) {
        for (const auto& [known, key] : m_styles)
            if (known == format)
                return key;
        if (m_styles.size() >= kMaxStyles)
            m_styles.clear();
        QDomDocument document;
        document.appendChild(format.writeXml(document, QgsReadWriteContext()));
        m_styles.emplace_back(format, document.toString(-1));
        return m_styles.back().second;
    }

    //! The image of `name`'s text with its halo, as QGIS's labels draw it; `key` says what it depends on.
    const Image& imageOf(const PlacedName& name, const QString& key) {
        const QgsMapSettings& map = mMapCanvas->mapSettings();
        const qreal ratio = mMapCanvas->devicePixelRatioF();
        const QgsTextFormat& format = name.format;
        auto found = m_images.constFind(key);
        if (found != m_images.constEnd())
            return *found;
        if (m_images.size() >= kMaxImages)
            m_images.clear();
        QgsRenderContext context = QgsRenderContext::fromMapSettings(map);
        const double width = QgsTextRenderer::textWidth(context, format, {name.text});
        const double height =
            QgsTextRenderer::textHeight(context, format, {name.text}, QgsTextRenderer::Rect);
        const double margin =
            std::ceil((format.buffer().enabled()
                           ? context.convertToPainterUnits(format.buffer().size(), format.buffer().sizeUnit(),
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
        context.setPainter(&painter);
        context.setFlag(Qgis::RenderContextFlag::Antialiasing, true);
        QgsTextRenderer::drawText(QRectF(margin, margin, width, height), 0, QgsTextRenderer::AlignCenter,
                                  {name.text}, context, format);
        painter.end();
        return *m_images.insert(key, image);
    }

    LargeNamesItem** m_back;
    std::vector<PlacedName> m_names;
    std::vector<QString> m_keys; //!< of each name's image, but for the screen
    std::vector<std::pair<QgsTextFormat, QString>> m_styles;
    QHash<QString, Image> m_images;
};

LargePoleNames* LargePoleNames::of(QgsMapCanvas* canvas) {
    if (auto* existing = canvas->findChild<LargePoleNames*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new LargePoleNames(canvas);
}

LargePoleNames::LargePoleNames(QgsMapCanvas* canvas) : QObject(canvas), m_canvas(canvas) {
    m_item = new LargeNamesItem(canvas, &m_item);
    // Synchronously: the canvas draws later, from the event loop, with the scope set then.
    connect(canvas, &QgsMapCanvas::extentsChanged, this, &LargePoleNames::update);
    connect(canvas, &QgsMapCanvas::destinationCrsChanged, this, &LargePoleNames::update);
    connect(canvas, &QgsMapCanvas::layersChanged, this, [this] {
        // Not again for the label obstacles put back among the layers (the national placement: 10 ms).
        const QList<QgsMapLayer*> layers = LabelObstacles::withoutObstacles(m_canvas->layers());
        if (layers == m_layers)
            return;
        m_layers = layers;
        followLayers();
        update();
    });
    m_layers = LabelObstacles::withoutObstacles(canvas->layers());
    followLayers();
    update();
}

const std::vector<PlacedName>& LargePoleNames::names() const {
    static const std::vector<PlacedName> none;
    return m_item ? m_item->names() : none;
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
    if (!m_item) // the canvas is being deleted
        return false;
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
    for (const PlacedName& name : placement.names)
        rects << name.rect.buffered(name.halo);
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
