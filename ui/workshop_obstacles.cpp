#include "ui/workshop_obstacles.h"

#include <QEvent>
#include <QList>
#include <QTimer>
#include <QWidget>

#include <algorithm>

#include <qgsfeature.h>
#include <qgsgeometry.h>
#include <qgslabelobstaclesettings.h>
#include <qgsmapcanvas.h>
#include <qgsmemoryproviderutils.h>
#include <qgsnullsymbolrenderer.h>
#include <qgspallabeling.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

namespace maillage::ui {

namespace {

//! Pixels kept free around a box: a name's halo touching its border read as hidden under it.
constexpr int kClearance = 3;

const char* const kObstacleProperty = "maillage/labelObstacles";

} // namespace

LabelObstacles* LabelObstacles::of(QgsMapCanvas* canvas) {
    if (auto* existing = canvas->findChild<LabelObstacles*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new LabelObstacles(canvas);
}

LabelObstacles::LabelObstacles(QgsMapCanvas* canvas) : QObject(canvas), m_canvas(canvas) {
    m_layer.reset(QgsMemoryProviderUtils::createMemoryLayer(QStringLiteral("label obstacles"), QgsFields(),
                                                            QgsWkbTypes::Polygon,
                                                            canvas->mapSettings().destinationCrs()));
    m_layer->setRenderer(new QgsNullSymbolRenderer());
    m_layer->setCustomProperty(QString::fromLatin1(kObstacleProperty), true);
    // Blocking only: no text, and the heaviest obstacle weight, with which QGIS drops every candidate that
    // touches a box rather than only discouraging it (a pôle name of priority 10 excepted: none has it).
    QgsPalLayerSettings settings;
    settings.drawLabels = false;
    settings.isExpression = true;
    settings.fieldName = QStringLiteral("''");
    settings.obstacleSettings().setIsObstacle(true);
    settings.obstacleSettings().setFactor(2.0);
    settings.obstacleSettings().setType(QgsLabelObstacleSettings::PolygonWhole);
    m_layer->setLabeling(new QgsVectorLayerSimpleLabeling(settings));
    m_layer->setLabelsEnabled(true);
    // Put back after the layer tree's bridge replaced the canvas's layers; queued, so that a caller
    // reading the layers right after the bridge set them (the export) gets the project's layers only.
    connect(canvas, &QgsMapCanvas::layersChanged, this, &LabelObstacles::keepInCanvas, Qt::QueuedConnection);
    // Before the map is drawn at its new extent (the canvas draws later, from the event loop).
    connect(canvas, &QgsMapCanvas::extentsChanged, this, [this] { update(false); });
    keepInCanvas();
}

// Deleted with the canvas only, after it stopped drawing: nothing to take back from it.
LabelObstacles::~LabelObstacles() = default;

QList<QgsMapLayer*> LabelObstacles::withoutObstacles(QList<QgsMapLayer*> layers) {
    layers.erase(
        std::remove_if(layers.begin(), layers.end(),
                       [](const QgsMapLayer* layer) {
                           return !layer ||
                                  layer->customProperty(QString::fromLatin1(kObstacleProperty)).toBool();
                       }),
        layers.end());
    return layers;
}

void LabelObstacles::addBox(QWidget* box) {
    if (!box || m_boxes.contains(box))
        return;
    m_boxes.append(box);
    box->installEventFilter(this);
    connect(box, &QObject::destroyed, this,
            [this] { QTimer::singleShot(0, this, [this] { update(true); }); });
    update(true);
}

bool LabelObstacles::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
        update(true);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

QList<QRect> LabelObstacles::pixelRects() const {
    QList<QRect> rects;
    for (const QPointer<QWidget>& box : m_boxes)
        if (box && box->isVisible() && box->parentWidget() == m_canvas)
            rects << box->geometry().adjusted(-kClearance, -kClearance, kClearance, kClearance);
    return rects;
}

QList<QgsRectangle> LabelObstacles::mapRects() const {
    QList<QgsRectangle> out;
    const QgsMapToPixel& m2p = m_canvas->mapSettings().mapToPixel();
    for (const QRect& r : pixelRects()) {
        const QgsPointXY a = m2p.toMapCoordinates(r.left(), r.bottom() + 1);
        const QgsPointXY b = m2p.toMapCoordinates(r.right() + 1, r.top());
        out << QgsRectangle(a, b);
    }
    return out;
}

void LabelObstacles::update(bool redraw) {
    const QList<QRect> rects = pixelRects();
    const QString extent =
        m_canvas->extent().toString(6) + QStringLiteral("/%1x%2")
                                             .arg(m_canvas->mapSettings().outputSize().width())
                                             .arg(m_canvas->mapSettings().outputSize().height());
    if (rects == m_written && extent == m_writtenExtent)
        return;
    const bool moved = rects != m_written;
    m_written = rects;
    m_writtenExtent = extent;
    write();
    if (moved)
        emit rectsChanged();
    if (redraw && moved)
        m_canvas->refresh();
}

void LabelObstacles::setNameRects(const QList<QgsRectangle>& rects) {
    if (rects == m_names)
        return;
    m_names = rects;
    write();
}

void LabelObstacles::write() {
    if (m_layer->crs() != m_canvas->mapSettings().destinationCrs())
        m_layer->setCrs(m_canvas->mapSettings().destinationCrs());
    QgsFeatureList features;
    for (const QgsRectangle& r : mapRects() + m_names) {
        QgsFeature f(m_layer->fields());
        f.setGeometry(QgsGeometry::fromRect(r));
        features << f;
    }
    QgsVectorDataProvider* provider = m_layer->dataProvider();
    provider->truncate();
    provider->addFeatures(features);
    m_layer->updateExtents();
}

void LabelObstacles::keepInCanvas() {
    QList<QgsMapLayer*> layers = m_canvas->layers();
    if (layers.isEmpty() || layers.contains(m_layer.get()))
        return;
    layers.append(m_layer.get());
    m_canvas->setLayers(layers);
}

} // namespace maillage::ui
