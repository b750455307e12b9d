#pragma once
// Workshop mode (issue 11): the map for elected officials on a projector. Full screen, the map alone with
// large labels and markers, a simple legend of the pôle types, one compact panel (the selected BV's type and
// three figures, or the brief Crunch diagnosis), and the slides (ui/workshop_slides.h) as previous/next.
// Leaving it gives the analyst layout back exactly as it was.
#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QSizeF>
#include <QString>

#include <memory>

class QAction;
class QLabel;
class QMainWindow;
class QPainter;
class QRectF;
class QWidget;
class QgsAbstractVectorLayerLabeling;
class QgsFeatureRenderer;
class QgsLabelingEngineSettings;
class QgsMapCanvas;
class QgsMapLayer;
class QgsProject;
class QgsRectangle;
class QgsVectorLayer;

namespace maillage::ui {

class MapLayers;
class Session;
class SlideDeck;
struct Slide;

//! Draws the simple legend (a title, then the pôle types from the largest to hors pôle, each with a big
//! swatch and no technical name) in `area`, with text `unit` pixels high; returns the height used.
double drawPoleLegend(QPainter& painter, const QRectF& area, double unit, const QString& title);

//! The size the simple legend takes with text `unit` pixels high.
QSizeF poleLegendSize(double unit, const QString& title);

//! The result map shown over the bassins' types, whose classes the simple legend shows instead of the
//! types': a visible change, zonage, sensitivity or after-scenario layer, or the communes while they show a
//! density map; null when none.
QgsVectorLayer* shownResultLayer(const QgsProject* project);
//! The title of `layer`'s legend: what a density map shows, else the layer's name (the map's title too).
QString resultLegendTitle(const QgsVectorLayer& layer);
//! The legend of `layer` (its name or density title, then each class of its renderer with its symbol) as
//! drawPoleLegend draws the types', and its size.
double drawResultLegend(QPainter& painter, const QRectF& area, double unit, const QgsVectorLayer& layer);
QSizeF resultLegendSize(double unit, const QgsVectorLayer& layer);

//! Where the workshop boxes go on the map: beside the territory, never over it (issue 11).
struct OverlayPlan {
    QRect legend, info, nav; //!< info is empty when there is no info box
    QRect free;              //!< the rest of the canvas, where the territory is drawn
};

//! Places the legend (`legend` pixels), the info box (`info`, empty = none) and the slides bar (`nav`,
//! at the bottom centre) on a canvas of `canvas` pixels, below `top` (the map's title) with `margin`
//! pixels around each, as a column on the right, a column on the left or a row at the top: whichever
//! leaves the free area where a territory of `territory` proportions (width, height) is drawn largest.
OverlayPlan planOverlays(const QSize& canvas, const QSize& legend, const QSize& info, const QSize& nav,
                         int top, int margin, const QSizeF& territory);

//! The map extent of a canvas of `canvas` pixels that shows `territory` as large as fits in the pixels
//! `free`, centred in them.
QgsRectangle extentFitting(const QgsRectangle& territory, const QRect& free, const QSize& canvas);

//! The label and marker sizes of a vector layer multiplied by a factor, its lines made lighter and thinner,
//! and put back as they were.
class LayerMagnifier {
public:
    explicit LayerMagnifier(double factor) : m_factor(factor) {}
    ~LayerMagnifier();
    //! Enlarges the labels (text, halo, distance, data-defined sizes) and marker symbols of `layer`; its line
    //! symbols get thinner and lighter.
    void magnify(QgsMapLayer* layer);
    //! Magnifies the labeling or renderer of a layer given to magnify() that was replaced since.
    void magnifyReplaced(QgsMapLayer* layer);
    //! Puts back what magnify() changed, on the layers whose style was not replaced since.
    void restore();

private:
    struct Saved;
    void magnifyStyle(Saved& saved);
    double m_factor;
    QList<std::shared_ptr<Saved>> m_saved;
};

class WorkshopMode : public QObject {
    Q_OBJECT
public:
    WorkshopMode(QMainWindow* window, QgsMapCanvas* canvas, QgsProject* project, Session* session,
                 SlideDeck* deck, QObject* parent = nullptr);
    ~WorkshopMode() override;

    //! The label and marker factor of the mode unless set otherwise.
    static constexpr double kDefaultFactor = 1.8;
    //! The most of the territory in view the large pôles' names may cover, halos included (ui/pole_names.h):
    //! beyond, the lightest are left out. The whole of France on 1280×720 had 53 names over the map, 61 in
    //! two maps of 585 pixels each, touching one another.
    static constexpr double kNameCover = 0.15;

    bool isActive() const { return m_active; }
    //! Factor applied to the labels and markers of the map (default 1.8: readable at 3 m on 1280×720).
    double factor() const { return m_factor; }
    void setFactor(double factor) { m_factor = factor; }

    //! The analysis panel the compact panel follows ("dockPoles"…, as in slides).
    QString panel() const { return m_panel; }
    void setPanel(const QString& panel);

    //! Enters the mode; `panel` is the analysis shown until a slide says otherwise.
    void enter(const QString& panel);
    //! Leaves it: layout, window state, label sizes and shortcuts as they were.
    void leave();

    //! The compact panel's text now (tests, screenshots).
    QString panelText() const;
    //! The simple legend's title now: the pôle types', or the result map's shown (tests).
    QString legendTitle() const;

    //! The layers whose full extent is the territory fitted beside the boxes (set once by the window).
    void setMapLayers(MapLayers* layers) { m_layers = layers; }
    //! The boxes over the map (legend, info, slides bar) in canvas pixels, the hidden ones left out.
    QList<QRect> overlayRects() const;

signals:
    void activeChanged(bool active);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    //! Magnifies `layer` now and whenever its style is replaced while the mode is on.
    void magnify(QgsMapLayer* layer);
    void createOverlay();
    void placeOverlay();
    void fitTerritory();
    void updatePanel();
    void updateSlideLabel();
    QString bassinText(const QString& code) const;
    QString crunchText();
    void takeShortcuts();
    void giveShortcutsBack();

    QMainWindow* m_window;
    QgsMapCanvas* m_canvas;
    QgsProject* m_project;
    Session* m_session;
    SlideDeck* m_deck;
    MapLayers* m_layers = nullptr;
    QRect m_free;                // the canvas pixels left to the map by the boxes
    bool m_fitTerritory = false; // the view is the whole territory, refitted when the boxes change
    double m_factor = kDefaultFactor;
    bool m_active = false;
    QString m_panel;

    QByteArray m_geometry, m_state;
    Qt::WindowStates m_windowState;
    bool m_menuVisible = true, m_statusVisible = true;
    std::unique_ptr<LayerMagnifier> m_magnifier;
    QPointer<QObject> m_styleWatch; // the context of the connections to the layers' style changes while on
    std::unique_ptr<QgsLabelingEngineSettings> m_labelingEngine; // the canvas's, while the mode is on
    QList<QAction*> m_actions; // previous, next, leave: on the window while the mode is on
    QHash<QAction*, QList<QKeySequence>> m_takenShortcuts;

    QPointer<QWidget> m_legend, m_info, m_nav;
    QPointer<QLabel> m_infoLabel, m_slideLabel;
};

} // namespace maillage::ui
