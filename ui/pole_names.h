#pragma once
// The names of the grandes métropoles and grands pôles on the application's canvases, placed as
// ui/styles/pole_name_placement.h says, kept up to date as the canvas changes, and drawn by Maillage over the
// map rather than by QGIS's labels (issue 10): each name's text and halo are drawn once into an image, kept
// while the name and its style stay, where QGIS stroked the halo's outline anew at every redraw (65 to 90 ms
// of each recompute of the national map). The smaller pôles' names, drawn by QGIS, keep off them.
#include "ui/styles/pole_name_placement.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QVariantMap>

class QgsMapCanvas;
class QgsMapLayer;
class QgsVectorLayer;

namespace maillage::ui {

class LargeNamesItem;

//! Keeps the positions of the large pôles' names of a canvas up to date (in its expression context scope):
//! computed again, before the map is drawn, when its extent, size or layers change, when a labelled layer
//! changes (a new classification, the workshop's larger names) and when the boxes over it move.
class LargePoleNames : public QObject {
    Q_OBJECT
public:
    //! The placement of `canvas`, created on first use (a child of the canvas).
    static LargePoleNames* of(QgsMapCanvas* canvas);
    //! The positions now in the canvas's expression context scope.
    QVariantMap positions() const;
    //! The names drawn over the map now.
    const std::vector<PlacedName>& names() const;
    //! The most of the territory in view the names may cover (largePoleNamePlacement()); 0: no limit.
    double maxCover() const { return m_maxCover; }
    //! Sets it, and names the map again when that changes the names (the workshop's larger names).
    void setMaxCover(double cover);

private:
    explicit LargePoleNames(QgsMapCanvas* canvas);
    //! Computes the placement again; true when it changed.
    bool update();
    //! The placement again, and the names drawn again when it changed (the boxes over the map moved, the
    //! share they may cover changed).
    void placeAgain();
    void followLayers();

    QgsMapCanvas* m_canvas;
    LargeNamesItem* m_item;       //!< owned by the canvas's scene; null once it deleted it
    QList<QgsMapLayer*> m_layers; //!< the canvas's, label obstacles aside, when last followed
    QList<QPointer<QgsVectorLayer>> m_followed;
    bool m_repainting = false; //!< while placeAgain() asks the layers to be drawn again
    double m_maxCover = 0;
};

} // namespace maillage::ui
