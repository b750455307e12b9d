#include "ui/pole_names.h"

#include "ui/styles/layer_styles.h"
#include "ui/workshop_obstacles.h"

#include <qgsmapcanvas.h>
#include <qgsvectorlayer.h>

namespace maillage::ui {

LargePoleNames* LargePoleNames::of(QgsMapCanvas* canvas) {
    if (auto* existing = canvas->findChild<LargePoleNames*>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new LargePoleNames(canvas);
}

LargePoleNames::LargePoleNames(QgsMapCanvas* canvas) : QObject(canvas), m_canvas(canvas) {
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
