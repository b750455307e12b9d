#pragma once
// The boxes drawn over a map canvas (the maps' titles, the workshop's legend, panel and slides bar) as
// label obstacles (issue 11): no name is placed under a box, whatever the extent the user or a slide gives
// the map. An invisible layer of the boxes' rectangles in map units, which only blocks labels, is kept in
// the canvas's layers; its rectangles follow the boxes and the extent. It also holds the rectangles of the
// large pôles' names the canvas draws itself (ui/pole_names.h), which QGIS's labels keep off.
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRect>

#include <memory>

class QWidget;
class QgsMapCanvas;
class QgsMapLayer;
class QgsRectangle;
class QgsVectorLayer;

namespace maillage::ui {

class LabelObstacles : public QObject {
    Q_OBJECT
public:
    //! The obstacles of `canvas`, created on first use (a child of the canvas, deleted with it).
    static LabelObstacles* of(QgsMapCanvas* canvas);
    ~LabelObstacles() override;

    //! Keeps the labels off the pixels of `box` (a child widget of the canvas) while it is shown.
    void addBox(QWidget* box);
    //! The rectangles of the boxes, in map units, that no label may touch now.
    QList<QgsRectangle> mapRects() const;
    //! Keeps the labels off `rects` too (map units): the names the canvas draws itself (ui/pole_names.h).
    void setNameRects(const QList<QgsRectangle>& rects);
    //! The invisible layer that blocks the labels (never in a project).
    QgsVectorLayer* layer() const { return m_layer.get(); }
    //! `layers` without the obstacles of any canvas (a figure drawn without the canvas's boxes).
    static QList<QgsMapLayer*> withoutObstacles(QList<QgsMapLayer*> layers);

signals:
    //! A box was shown, hidden, moved or resized (not emitted for a change of the map's extent).
    void rectsChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit LabelObstacles(QgsMapCanvas* canvas);
    //! The rectangles of the boxes shown, in canvas pixels.
    QList<QRect> pixelRects() const;
    //! Writes the rectangles of the boxes at the canvas's extent, and the names'; redraws the map when the
    //! boxes moved on it.
    void update(bool redraw);
    void write();
    //! Puts the layer back among the canvas's layers after they were replaced (the layer tree's bridge).
    void keepInCanvas();

    QgsMapCanvas* m_canvas;
    std::unique_ptr<QgsVectorLayer> m_layer;
    QList<QPointer<QWidget>> m_boxes;
    QList<QgsRectangle> m_names; // setNameRects()'s
    QList<QRect> m_written;      // the pixel rectangles written, at m_writtenExtent
    QString m_writtenExtent;
};

} // namespace maillage::ui
