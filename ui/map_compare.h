#pragma once
// Two synchronised maps side by side (issue 11): the main map and a second canvas showing the pôle types of
// another year, at the same extent and scale both ways, with a linked cursor (a cross on the other map at
// the position under the mouse). Exported as one figure: both maps with their titles and legends.
#include <QImage>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QgsMapCanvas;
class QgsPointXY;
class QgsProject;
class QgsVectorLayer;
class QgsVertexMarker;

namespace maillage::model {
struct Dataset;
}

namespace maillage::ui {

struct DensityMap;
class FunctionTask;
class MapLayers;
class Session;

class MapCompare : public QWidget {
    Q_OBJECT
public:
    //! The second map beside `main` (the window's canvas), built from the session's dataset.
    MapCompare(Session* session, MapLayers* layers, QgsMapCanvas* main, QgsProject* project,
               QWidget* parent = nullptr);
    ~MapCompare() override;

    //! The second canvas.
    QgsMapCanvas* canvas() const { return m_canvas; }
    //! The year whose pôle types the second map shows (0 before a dataset).
    int vintage() const { return m_vintage; }
    //! Shows the pôle types of `vintage` (one of the dataset's) on the second map.
    void setVintage(int vintage);
    //! Shows the density of `profession` ("" = all professions) in `vintage` on the second map, coloured
    //! and classed as the main map's density (MapLayers::createDensityLayer, the session's classes). The
    //! densities are computed in a background task: the map changes when they are ready.
    void showDensity(const QString& profession, int vintage);
    //! Shows the layer `make` builds (a scenario's result: ui/scenario_layer.h; the caller owns it) on the
    //! second map, titled `title`, until another choice is made (built again when the magnification
    //! changes); the main map keeps what it shows (before, on the left).
    void showResult(const std::function<QgsVectorLayer*()>& make, const QString& title);
    //! True while the second map shows a result given to showResult().
    bool showsResult() const { return !m_resultTitle.isEmpty(); }
    //! True while the second map shows (or is about to show) a density rather than pôle types.
    bool showsDensity() const { return m_density; }
    //! True while the densities asked for last are being computed.
    bool densityPending() const { return m_densityPending; }

    //! Labels and markers of the second map multiplied by `factor` (workshop mode; 1 = as styled).
    void setMagnification(double factor);
    double magnification() const { return m_magnification; }

    //! "Pôles d'offre 2013": what the second map shows.
    QString title() const;
    //! What the main map shows.
    QString mainTitle() const;

    //! The cross of the linked cursor on `canvas` (one of the two): its map position, and whether shown.
    bool cursorShown(const QgsMapCanvas* canvas, QgsPointXY* position) const;

    //! Both maps side by side at the main map's extent, each with its title and legend, as an image of
    //! `size` pixels.
    QImage renderFigure(const QSize& size) const;
    //! renderFigure() written to `path`: PNG, or PDF when the name ends in .pdf; through a temporary file
    //! then renamed (never over a symbolic link or a device). False with a message naming the file.
    bool exportFigure(const QString& path, const QSize& size, QString* error) const;

signals:
    //! A computation of the second map's densities started (the window shows its progress).
    void backgroundTaskStarted(maillage::ui::FunctionTask* task);

private:
    void rebuild();
    void showLayer(std::unique_ptr<QgsVectorLayer> layer);
    void refreshShown();
    void updateChoices();
    void sync(QgsMapCanvas* from, QgsMapCanvas* to);
    void showCursor(QgsMapCanvas* over, const QgsPointXY& point);
    void placeTitles();
    void densityFinished(const model::Dataset& dataset, const DensityMap& map, bool ok, const QString& error);
    void showNote(const QString& text);
    bool eventFilter(QObject* watched, QEvent* event) override;

    Session* m_session;
    MapLayers* m_layers;
    QgsMapCanvas* m_main;
    QgsProject* m_project;
    QgsMapCanvas* m_canvas = nullptr;
    QComboBox* m_choice = nullptr;
    QPointer<QLabel> m_mainTitle;
    std::unique_ptr<QgsVectorLayer> m_poleLayer;
    QgsVertexMarker* m_crossOnMain = nullptr;   // owned by the main canvas's scene, deleted with this
    QgsVertexMarker* m_crossOnSecond = nullptr; // owned by m_canvas's scene
    int m_vintage = 0;
    bool m_density = false;
    QString m_profession;
    QString m_resultTitle; //!< while the second map shows a result (showResult()): its title
    std::function<QgsVectorLayer*()> m_makeResult; //!< the result's layer again (magnification)
    double m_magnification = 1;
    int m_densityTicket = 0; // the density computation whose result is shown; older ones are dropped
    bool m_densityPending = false;
    QPointer<QLabel> m_note; // why the density cannot be shown
    bool m_syncing = false;
};

} // namespace maillage::ui
