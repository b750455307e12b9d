#include "ui/workshop.h"

#include "core/analysis/crunch.h"
#include "ui/layer_roles.h"
#include "ui/map_layers.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/pole_palette.h"
#include "ui/pole_names.h"
#include "ui/session.h"
#include "ui/styles/layer_styles.h"
#include "ui/workshop_obstacles.h"
#include "ui/workshop_slides.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QMainWindow>
#include <QMenuBar>
#include <QMouseEvent>
#include <QPainter>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>
#include <cstring>

#include <qgslabelingenginesettings.h>
#include <qgslayertree.h>
#include <qgslegendsymbolitem.h>
#include <qgslinesymbol.h>
#include <qgsmapcanvas.h>
#include <qgsmarkersymbol.h>
#include <qgspallabeling.h>
#include <qgsproject.h>
#include <qgsproperty.h>
#include <qgsrendercontext.h>
#include <qgsrenderer.h>
#include <qgssymbol.h>
#include <qgssymbollayerutils.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

namespace maillage::ui {

// ---------------------------------------------------------------------------------------------------
// The simple legend

namespace {

constexpr int kLegendTypes[] = {1, 2, 3, 4, 0}; // the largest pôles first, hors pôle last

QFont legendFont(double unit, bool bold) {
    QFont font;
    font.setPixelSize(qMax(8, qRound(unit)));
    font.setBold(bold);
    return font;
}

//! Sets `painter` up for a legend and draws its `title`; returns where the first row goes, the row font set.
double drawLegendTitle(QPainter& painter, const QRectF& area, double unit, const QString& title) {
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(0x20, 0x20, 0x20));
    painter.setFont(legendFont(unit, true));
    const double y = area.top() + unit * 0.4;
    painter.drawText(QRectF(area.left() + unit * 0.5, y, area.width() - unit, unit * 1.5),
                     Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.setFont(legendFont(unit, false));
    return y + unit * 1.9;
}

//! The size of a legend of `title` and rows of `labels`, `rowStep` units apart.
QSizeF legendSize(double unit, const QString& title, const QStringList& labels, double rowStep) {
    const QFontMetricsF bold(legendFont(unit, true)), plain(legendFont(unit, false));
    double width = bold.horizontalAdvance(title);
    for (const QString& label : labels)
        width = std::max(width, 2.0 * unit + plain.horizontalAdvance(label));
    return {width + unit, unit * (1.9 + rowStep * labels.size()) + unit * 0.5};
}

QString capitalised(QString text) {
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

QSizeF poleLegendSize(double unit, const QString& title) {
    QStringList labels;
    for (int type : kLegendTypes)
        labels << capitalised(panel::poleTypeLabel(type));
    return legendSize(unit, title, labels, 1.6);
}

double drawPoleLegend(QPainter& painter, const QRectF& area, double unit, const QString& title) {
    painter.save();
    double y = drawLegendTitle(painter, area, unit, title);
    for (int type : kLegendTypes) {
        const QRectF swatch(area.left() + unit * 0.5, y, unit * 1.2, unit * 1.2);
        painter.setBrush(poleTypeColor(type));
        painter.setPen(QPen(QColor(0x55, 0x55, 0x55), 1));
        painter.drawRect(swatch);
        painter.setPen(QColor(0x20, 0x20, 0x20));
        painter.drawText(QRectF(swatch.right() + unit * 0.5, y - unit * 0.2, area.width(), unit * 1.6),
                         Qt::AlignLeft | Qt::AlignVCenter, capitalised(panel::poleTypeLabel(type)));
        y += unit * 1.6;
    }
    painter.restore();
    return y + unit * 0.5 - area.top();
}

QgsVectorLayer* shownResultLayer(const QgsProject* project) {
    if (!project || !project->layerTreeRoot())
        return nullptr;
    for (const char* r :
         {role::Change, role::Zonage, role::Sensitivity, role::ScenarioAfter, role::Communes}) {
        QgsVectorLayer* layer = findLayerByRole(project, QString::fromLatin1(r));
        const QgsLayerTreeLayer* node = layer ? project->layerTreeRoot()->findLayer(layer) : nullptr;
        if (!node || !node->isVisible() || !layer->renderer())
            continue;
        // The communes are a result only while they show a density map.
        if (std::strcmp(r, role::Communes) == 0 &&
            layer->customProperty(QString::fromLatin1(kColouringProperty)).toString().isEmpty())
            continue;
        return layer;
    }
    return nullptr;
}

QString resultLegendTitle(const QgsVectorLayer& layer) {
    const QString colouring = layer.customProperty(QString::fromLatin1(kColouringProperty)).toString();
    return colouring.isEmpty() ? layer.name() : colouring;
}

namespace {

//! The classes of `layer`'s renderer that have a symbol and a label.
QgsLegendSymbolList resultClasses(const QgsVectorLayer& layer) {
    QgsLegendSymbolList out;
    for (const QgsLegendSymbolItem& item : layer.renderer()->legendSymbolItems())
        if (item.symbol() && !item.label().isEmpty())
            out.push_back(item);
    return out;
}

} // namespace

//! A row of a result legend: closer than the five pôle types', a change map has eight classes.
constexpr double kResultRow = 1.35;

QSizeF resultLegendSize(double unit, const QgsVectorLayer& layer) {
    QStringList labels;
    for (const QgsLegendSymbolItem& item : resultClasses(layer))
        labels << item.label();
    return legendSize(unit, resultLegendTitle(layer), labels, kResultRow);
}

double drawResultLegend(QPainter& painter, const QRectF& area, double unit, const QgsVectorLayer& layer) {
    painter.save();
    double y = drawLegendTitle(painter, area, unit, resultLegendTitle(layer));
    const int side = qRound(unit * 1.2);
    for (const QgsLegendSymbolItem& item : resultClasses(layer)) {
        const QPixmap swatch = QgsSymbolLayerUtils::symbolPreviewPixmap(item.symbol(), QSize(side, side));
        painter.drawPixmap(QPointF(area.left() + unit * 0.5, y), swatch);
        painter.drawText(
            QRectF(area.left() + unit * 0.5 + side + unit * 0.5, y - unit * 0.2, area.width(), unit * 1.6),
            Qt::AlignLeft | Qt::AlignVCenter, item.label());
        y += unit * kResultRow;
    }
    painter.restore();
    return y + unit * 0.5 - area.top();
}

// ---------------------------------------------------------------------------------------------------
// Where the boxes go

namespace {

//! How large a territory of `territory` proportions is drawn in `free` (pixels per territory unit).
double fittingScale(const QRect& free, const QSizeF& territory) {
    if (free.width() <= 0 || free.height() <= 0 || territory.isEmpty())
        return 0;
    return std::min(free.width() / territory.width(), free.height() / territory.height());
}

//! The legend and the info box one under the other, against the left or the right edge.
OverlayPlan columnPlan(const QSize& canvas, const QSize& legend, const QSize& info, int top, int bottom,
                       int margin, bool right) {
    OverlayPlan plan;
    const int width = std::max(legend.width(), info.width());
    const int left = right ? canvas.width() - margin - width : margin;
    plan.legend = QRect(QPoint(right ? canvas.width() - margin - legend.width() : left, top), legend);
    if (!info.isEmpty()) {
        const int y = plan.legend.bottom() + 1 + margin;
        plan.info = QRect(right ? canvas.width() - margin - info.width() : left, y, info.width(),
                          std::max(0, std::min(info.height(), bottom - y)));
    }
    plan.free = right ? QRect(margin, top, left - 2 * margin, bottom - top)
                      : QRect(left + width + margin, top, canvas.width() - width - 3 * margin, bottom - top);
    return plan;
}

//! The legend against the left edge and the info box against the right one.
OverlayPlan splitPlan(const QSize& canvas, const QSize& legend, const QSize& info, int top, int bottom,
                      int margin) {
    OverlayPlan plan;
    plan.legend = QRect(QPoint(margin, top), legend);
    plan.info = QRect(canvas.width() - margin - info.width(), top, info.width(),
                      std::max(0, std::min(info.height(), bottom - top)));
    const int left = plan.legend.right() + 1 + margin;
    plan.free = QRect(left, top, plan.info.left() - margin - left, bottom - top);
    return plan;
}

//! The legend (left) and the info box (right) side by side at the top.
OverlayPlan rowPlan(const QSize& canvas, const QSize& legend, const QSize& info, int top, int bottom,
                    int margin) {
    OverlayPlan plan;
    plan.legend = QRect(QPoint(margin, top), legend);
    if (!info.isEmpty())
        plan.info = QRect(QPoint(canvas.width() - margin - info.width(), top), info);
    const int y = top + std::max(legend.height(), info.height()) + margin;
    plan.free = QRect(margin, y, canvas.width() - 2 * margin, bottom - y);
    return plan;
}

} // namespace

OverlayPlan planOverlays(const QSize& canvas, const QSize& legend, const QSize& info, const QSize& nav,
                         int top, int margin, const QSizeF& territory) {
    const QRect navRect((canvas.width() - nav.width()) / 2, canvas.height() - nav.height() - margin,
                        nav.width(), nav.height());
    const int bottom = navRect.top() - margin;
    // The right column first: a tie keeps the boxes off the west coast's labels, drawn leftwards.
    std::vector<OverlayPlan> plans{columnPlan(canvas, legend, info, top, bottom, margin, true),
                                   columnPlan(canvas, legend, info, top, bottom, margin, false)};
    if (!info.isEmpty())
        plans.push_back(splitPlan(canvas, legend, info, top, bottom, margin));
    if (legend.width() + info.width() + 3 * margin <= canvas.width())
        plans.push_back(rowPlan(canvas, legend, info, top, bottom, margin));
    auto score = [&](const OverlayPlan& plan) {
        // A box cut short (its text would be hidden) only when nothing better exists.
        const bool cut = !info.isEmpty() && plan.info.height() < info.height();
        return fittingScale(plan.free, territory) * (cut ? 0.5 : 1.0);
    };
    OverlayPlan best = plans.front();
    double bestScale = score(best);
    for (std::size_t i = 1; i < plans.size(); ++i)
        if (const double scale = score(plans[i]); scale > bestScale * 1.02) {
            best = plans[i];
            bestScale = scale;
        }
    best.nav = navRect;
    return best;
}

QgsRectangle extentFitting(const QgsRectangle& territory, const QRect& free, const QSize& canvas) {
    if (territory.isEmpty() || free.width() <= 0 || free.height() <= 0)
        return territory;
    const double unitsPerPixel =
        std::max(territory.width() / free.width(), territory.height() / free.height());
    // The territory's centre at the free area's centre; the extent has the canvas's proportions, so that
    // the canvas takes it as it is.
    const double xMin = territory.center().x() - (free.left() + free.width() / 2.0) * unitsPerPixel;
    const double yMax = territory.center().y() + (free.top() + free.height() / 2.0) * unitsPerPixel;
    return QgsRectangle(xMin, yMax - canvas.height() * unitsPerPixel, xMin + canvas.width() * unitsPerPixel,
                        yMax);
}

// ---------------------------------------------------------------------------------------------------
// Label and marker sizes

struct LayerMagnifier::Saved {
    QPointer<QgsVectorLayer> layer;
    std::unique_ptr<QgsAbstractVectorLayerLabeling> labeling;
    std::unique_ptr<QgsFeatureRenderer> renderer;
    const void* magnifiedLabeling = nullptr; // restored only when the layer still has these
    const void* magnifiedRenderer = nullptr;
};

LayerMagnifier::~LayerMagnifier() = default;

namespace {

// The maillage's lines in the workshop mode: 60 % of their width, 55 % of their opacity.
constexpr double kWorkshopLineWidth = 0.6;
constexpr double kWorkshopLineOpacity = 0.55;

void magnifyLabelSettings(QgsPalLayerSettings& s, double factor) {
    QgsTextFormat format = s.format();
    format.setSize(format.size() * factor);
    QgsTextBufferSettings buffer = format.buffer();
    buffer.setSize(buffer.size() * factor);
    format.setBuffer(buffer);
    s.setFormat(format);
    s.dist *= factor;
    // A data-defined size (pôle labels sized by type) wins over the format's: it is scaled too.
    QgsPropertyCollection& dd = s.dataDefinedProperties();
    const QgsProperty size = dd.property(QgsPalLayerSettings::Size);
    if (size.isActive())
        dd.setProperty(
            QgsPalLayerSettings::Size,
            QgsProperty::fromExpression(QStringLiteral("(%1) * %2").arg(size.asExpression()).arg(factor)));
}

//! A line of the maillage (links, flows, cooperations) lighter and thinner: on a projector the dark
//! strokes buried the pôles and their names.
void lightenLine(QgsLineSymbol& line) {
    // The dominant links beyond 1:4,000,000 are light and thin already: lightened again they were barely
    // visible on the national map (alpha 66, 0.09 mm).
    if (line.color() == styles::overviewDominantLinkColor())
        return;
    const QgsProperty width = line.dataDefinedWidth();
    if (width.isActive())
        line.setDataDefinedWidth(QgsProperty::fromExpression(
            QStringLiteral("(%1) * %2").arg(width.asExpression()).arg(kWorkshopLineWidth)));
    line.setWidth(line.width() * kWorkshopLineWidth);
    line.setOpacity(line.opacity() * kWorkshopLineOpacity);
}

} // namespace

void LayerMagnifier::magnify(QgsMapLayer* mapLayer) {
    auto* layer = qobject_cast<QgsVectorLayer*>(mapLayer);
    if (!layer)
        return;
    auto saved = std::make_shared<Saved>();
    saved->layer = layer;
    magnifyStyle(*saved);
    m_saved.append(saved);
}

void LayerMagnifier::magnifyReplaced(QgsMapLayer* mapLayer) {
    for (const std::shared_ptr<Saved>& saved : std::as_const(m_saved))
        if (saved->layer == mapLayer) {
            magnifyStyle(*saved);
            return;
        }
}

void LayerMagnifier::magnifyStyle(Saved& saved) {
    QgsVectorLayer* layer = saved.layer;
    // Only what is not magnified yet: a style replaced since (the maillage redrawn) is magnified in turn.
    if (layer->labeling() && layer->labeling() != saved.magnifiedLabeling) {
        saved.labeling.reset(layer->labeling()->clone());
        QgsAbstractVectorLayerLabeling* labeling = layer->labeling()->clone();
        const QStringList providers = labeling->subProviders();
        for (const QString& id : providers) {
            QgsPalLayerSettings s = labeling->settings(id);
            magnifyLabelSettings(s, m_factor);
            labeling->setSettings(new QgsPalLayerSettings(s), id);
        }
        saved.magnifiedLabeling = labeling;
        layer->setLabeling(labeling);
    }
    const QgsWkbTypes::GeometryType geometry = layer->geometryType();
    if (layer->renderer() && layer->renderer() != saved.magnifiedRenderer &&
        (geometry == QgsWkbTypes::PointGeometry || geometry == QgsWkbTypes::LineGeometry)) {
        saved.renderer.reset(layer->renderer()->clone());
        QgsFeatureRenderer* renderer = layer->renderer()->clone();
        QgsRenderContext context;
        for (QgsSymbol* symbol : renderer->symbols(context)) {
            if (auto* marker = dynamic_cast<QgsMarkerSymbol*>(symbol))
                marker->setSize(marker->size() * m_factor);
            else if (auto* line = dynamic_cast<QgsLineSymbol*>(symbol))
                lightenLine(*line);
        }
        saved.magnifiedRenderer = renderer; // before setRenderer(): its rendererChanged() finds it done
        layer->setRenderer(renderer);
    }
    layer->triggerRepaint();
}

void LayerMagnifier::restore() {
    for (const std::shared_ptr<Saved>& saved : std::as_const(m_saved)) {
        QgsVectorLayer* layer = saved->layer;
        if (!layer)
            continue;
        if (saved->labeling && layer->labeling() == saved->magnifiedLabeling)
            layer->setLabeling(saved->labeling.release());
        if (saved->renderer && layer->renderer() == saved->magnifiedRenderer)
            layer->setRenderer(saved->renderer.release());
        layer->triggerRepaint();
    }
    m_saved.clear();
}

// ---------------------------------------------------------------------------------------------------
// The mode

namespace {

//! The legend box over the map.
class LegendBox : public QWidget {
public:
    LegendBox(QWidget* parent, const QgsProject* project) : QWidget(parent), m_project(project) {
        setObjectName(QStringLiteral("workshopLegend"));
    }
    double unit = 24;
    QSize sizeHint() const override {
        const QgsVectorLayer* result = shownResultLayer(m_project);
        return (result ? resultLegendSize(unit, *result) : poleLegendSize(unit, title())).toSize() +
               QSize(4, 4);
    }
    //! The title shown: the result map's, else the pôle types'.
    QString shownTitle() const {
        const QgsVectorLayer* result = shownResultLayer(m_project);
        return result ? resultLegendTitle(*result) : title();
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(QColor(255, 255, 255, 235));
        painter.setPen(QPen(QColor(0xAA, 0xAA, 0xAA), 1));
        painter.drawRoundedRect(rect().adjusted(1, 1, -1, -1), 6, 6);
        if (const QgsVectorLayer* result = shownResultLayer(m_project))
            drawResultLegend(painter, rect(), unit, *result);
        else
            drawPoleLegend(painter, rect(), unit, title());
    }

private:
    static QString title() { return WorkshopMode::tr("Pôles d'offre de soins"); }
    QPointer<const QgsProject> m_project;
};

const char* const kBoxStyle =
    "background: rgba(255,255,255,235); border: 1px solid #AAAAAA; border-radius: 6px;";

} // namespace

WorkshopMode::WorkshopMode(QMainWindow* window, QgsMapCanvas* canvas, QgsProject* project, Session* session,
                           SlideDeck* deck, QObject* parent)
    : QObject(parent), m_window(window), m_canvas(canvas), m_project(project), m_session(session),
      m_deck(deck) {
    auto addAction = [this](const QString& text, const QList<QKeySequence>& keys, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_actions.append(action);
    };
    addAction(tr("Previous slide"), {QKeySequence(Qt::Key_PageUp), QKeySequence(Qt::Key_Left)},
              [this] { m_deck->previous(); });
    addAction(tr("Next slide"), {QKeySequence(Qt::Key_PageDown), QKeySequence(Qt::Key_Right)},
              [this] { m_deck->next(); });
    addAction(tr("Leave the workshop mode"), {QKeySequence(Qt::Key_Escape)}, [this] { leave(); });
    connect(deck, &SlideDeck::slideShown, this, [this](int, const Slide& s) {
        m_fitTerritory = false; // the slide's own extent
        if (!s.panel.isEmpty())
            setPanel(s.panel);
        updateSlideLabel();
    });
    connect(deck, &SlideDeck::slidesChanged, this, &WorkshopMode::updateSlideLabel);
    connect(session, &Session::bassinSelectionChanged, this, &WorkshopMode::updatePanel);
    connect(session, &Session::classificationChanged, this, &WorkshopMode::updatePanel);
    connect(session, &Session::crunchReady, this, &WorkshopMode::updatePanel);
    connect(project, &QgsProject::layersAdded, this, [this](const QList<QgsMapLayer*>& layers) {
        if (m_magnifier)
            for (QgsMapLayer* layer : layers)
                magnify(layer);
    });
}

WorkshopMode::~WorkshopMode() = default;

void WorkshopMode::magnify(QgsMapLayer* layer) {
    m_magnifier->magnify(layer);
    // A style replaced while the mode is on (the maillage drawn once computed) is magnified too: its links
    // were dark and thick on the projector.
    for (auto signal : {&QgsMapLayer::rendererChanged, &QgsMapLayer::styleChanged})
        connect(layer, signal, m_styleWatch, [this, layer] {
            if (m_magnifier)
                m_magnifier->magnifyReplaced(layer);
        });
}

void WorkshopMode::setPanel(const QString& panel) {
    m_panel = panel;
    updatePanel();
}

void WorkshopMode::enter(const QString& panel) {
    if (m_active)
        return;
    m_active = true;
    m_panel = panel;
    m_geometry = m_window->saveGeometry();
    m_state = m_window->saveState();
    m_windowState = m_window->windowState();
    m_menuVisible = !m_window->menuBar()->isHidden();
    m_statusVisible = !m_window->statusBar()->isHidden();
    for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
        dock->hide();
    for (QToolBar* bar : m_window->findChildren<QToolBar*>())
        bar->hide();
    m_window->menuBar()->hide();
    m_window->statusBar()->hide();
    takeShortcuts();
    m_window->addActions(m_actions);
    m_magnifier = std::make_unique<LayerMagnifier>(m_factor);
    m_styleWatch = new QObject(this);
    for (QgsMapLayer* layer : m_project->mapLayers())
        magnify(layer);
    LargePoleNames::of(m_canvas)->setMaxCover(kNameCover);
    // A label cut by the edge of the screen cannot be read from the room: another position, or none.
    m_labelingEngine = std::make_unique<QgsLabelingEngineSettings>(m_canvas->labelingEngineSettings());
    QgsLabelingEngineSettings labeling = *m_labelingEngine;
    labeling.setFlag(QgsLabelingEngineSettings::UsePartialCandidates, false);
    m_canvas->setLabelingEngineSettings(labeling);
    createOverlay();
    m_canvas->installEventFilter(this);
    m_canvas->viewport()->installEventFilter(this);
    m_window->showFullScreen();
    // Without a window manager (a projector PC in kiosk mode, Xvfb) nobody resizes the window: it does.
    // Once now and once the window is mapped (the window system may apply the previous size on mapping).
    auto fillScreen = [window = m_window] {
        if (QScreen* screen = window->screen(); screen && window->geometry() != screen->geometry()) {
            window->setGeometry(screen->geometry());
            window->setWindowState(window->windowState() | Qt::WindowFullScreen); // setGeometry cleared it
        }
    };
    fillScreen();
    QTimer::singleShot(0, m_window, fillScreen);
    // The whole territory beside the boxes, refitted once the canvas has its full-screen size and whenever
    // the boxes change, until the user or a slide moves the map.
    m_fitTerritory = true;
    placeOverlay();
    updatePanel();
    updateSlideLabel();
    m_canvas->refresh();
    emit activeChanged(true);
}

void WorkshopMode::leave() {
    if (!m_active)
        return;
    m_active = false;
    m_canvas->removeEventFilter(this);
    m_canvas->viewport()->removeEventFilter(this);
    delete m_legend;
    delete m_info;
    delete m_nav;
    delete m_styleWatch; // before restoring: the styles put back are not magnified again
    if (m_magnifier)
        m_magnifier->restore();
    m_magnifier.reset();
    LargePoleNames::of(m_canvas)->setMaxCover(0);
    if (m_labelingEngine)
        m_canvas->setLabelingEngineSettings(*m_labelingEngine);
    m_labelingEngine.reset();
    for (QAction* action : std::as_const(m_actions))
        m_window->removeAction(action);
    giveShortcutsBack();
    m_window->setWindowState(m_windowState);
    m_window->restoreGeometry(m_geometry);
    m_window->menuBar()->setVisible(m_menuVisible);
    m_window->statusBar()->setVisible(m_statusVisible);
    m_window->restoreState(m_state);
    // Once more when the window has its normal size back (the window system applies it later): dock sizes
    // restored in the full-screen window would be off by the difference.
    QTimer::singleShot(0, m_window, [window = m_window, geometry = m_geometry, state = m_state] {
        window->restoreGeometry(geometry);
        window->restoreState(state);
    });
    m_canvas->refresh();
    emit activeChanged(false);
}

void WorkshopMode::takeShortcuts() {
    // The slide keys win over the window's own (Esc clears the selection elsewhere): an ambiguous shortcut
    // would trigger neither.
    QList<QKeySequence> ours;
    for (QAction* action : std::as_const(m_actions))
        ours += action->shortcuts();
    for (QAction* action : m_window->findChildren<QAction*>()) {
        if (m_actions.contains(action))
            continue;
        const QList<QKeySequence> keys = action->shortcuts();
        if (std::any_of(keys.begin(), keys.end(), [&](const QKeySequence& k) { return ours.contains(k); })) {
            m_takenShortcuts.insert(action, keys);
            action->setShortcuts({});
        }
    }
}

void WorkshopMode::giveShortcutsBack() {
    for (auto it = m_takenShortcuts.begin(); it != m_takenShortcuts.end(); ++it)
        if (it.key())
            it.key()->setShortcuts(it.value());
    m_takenShortcuts.clear();
}

void WorkshopMode::createOverlay() {
    m_legend = new LegendBox(m_canvas, m_project);
    m_info = new QWidget(m_canvas);
    m_info->setObjectName(QStringLiteral("workshopPanel"));
    m_info->setStyleSheet(QStringLiteral("#workshopPanel { %1 }").arg(QString::fromLatin1(kBoxStyle)));
    m_infoLabel = new QLabel(m_info);
    m_infoLabel->setWordWrap(true);
    m_infoLabel->setTextFormat(Qt::RichText);
    auto* infoLayout = new QHBoxLayout(m_info);
    infoLayout->addWidget(m_infoLabel);

    m_nav = new QWidget(m_canvas);
    m_nav->setObjectName(QStringLiteral("workshopSlides"));
    m_nav->setStyleSheet(QStringLiteral("#workshopSlides { %1 }").arg(QString::fromLatin1(kBoxStyle)));
    auto* nav = new QHBoxLayout(m_nav);
    auto button = [this, nav](const QString& text, const QString& tip, auto slot) {
        auto* b = new QToolButton(m_nav);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        nav->addWidget(b);
        return b;
    };
    button(QStringLiteral("◀"), tr("Previous slide (Page Up)"), [this] {
        m_deck->previous();
    })->setObjectName(QStringLiteral("workshopPrevious"));
    m_slideLabel = new QLabel(m_nav);
    nav->addWidget(m_slideLabel);
    button(QStringLiteral("▶"), tr("Next slide (Page Down)"), [this] {
        m_deck->next();
    })->setObjectName(QStringLiteral("workshopNext"));
    button(QStringLiteral("✕"), tr("Leave the workshop mode (Esc)"), [this] { leave(); });
    for (QWidget* w : {m_legend.data(), m_info.data(), m_nav.data()}) {
        w->show();
        // No name under a box, whatever extent the user or a slide gives the map.
        LabelObstacles::of(m_canvas)->addBox(w);
    }
    // The legend follows the map shown (a change or density map has its own classes): checked after each
    // render, placed again only when it changed.
    connect(m_canvas, &QgsMapCanvas::mapCanvasRefreshed, m_legend, [this] {
        if (m_legend && m_legend->sizeHint() != m_legend->size())
            placeOverlay();
        if (m_legend)
            m_legend->update();
    });
}

QString WorkshopMode::legendTitle() const {
    return m_legend ? static_cast<const LegendBox*>(m_legend.data())->shownTitle() : QString();
}

void WorkshopMode::placeOverlay() {
    if (!m_legend)
        return;
    // Sizes follow the screen: 24 px text at 720 px high, readable at 3 m on a projector.
    const double unit = std::max(14.0, std::min(m_canvas->height() / 30.0, m_canvas->width() / 36.0));
    static_cast<LegendBox*>(m_legend.data())->unit = unit * 0.85; // the map keeps the room
    const int margin = qRound(unit * 0.6);
    QFont font = legendFont(unit, false);
    for (QWidget* w : {m_info.data(), m_nav.data()}) {
        w->setFont(font);
        for (QWidget* child : w->findChildren<QWidget*>())
            child->setFont(font);
    }
    // The Crunch sentences are longer than a BV's figures: smaller, on a wider panel.
    const bool sentences = m_session->selectedBassins().size() != 1;
    m_infoLabel->setFont(legendFont(sentences ? unit * 0.75 : unit, false));
    // Half a projector (two maps): the Crunch sentences would leave no room to the map; a BV's figures stay.
    const bool infoShown = !m_infoLabel->text().isEmpty() && (!sentences || m_canvas->width() >= 1100);
    const int infoWidth = std::min(m_canvas->width() * 2 / 5, qRound(unit * (sentences ? 20 : 14)));
    const QSize info = infoShown ? QSize(infoWidth, m_info->layout()->heightForWidth(infoWidth)) : QSize();
    m_nav->adjustSize();
    // Below the map's title in the two-map view.
    int top = margin;
    if (const auto* title = m_canvas->findChild<QWidget*>(QStringLiteral("mainMapTitle"));
        title && title->isVisible())
        top = title->geometry().bottom() + 1 + margin / 2;
    const QgsRectangle territory = m_layers ? m_layers->fullExtent() : QgsRectangle();
    const OverlayPlan plan =
        planOverlays(m_canvas->size(), m_legend->sizeHint(), info, m_nav->size(), top, margin,
                     territory.isEmpty() ? QSizeF(1, 1) : QSizeF(territory.width(), territory.height()));
    m_legend->setGeometry(plan.legend);
    m_info->setVisible(infoShown);
    if (infoShown)
        m_info->setGeometry(plan.info);
    m_nav->setGeometry(plan.nav);
    m_legend->update();
    // The territory inside the free area with room on both sides for the names drawn beside the border
    // pôles (Boulogne-sur-Mer, Maubeuge), which the label engine places outside the outline.
    const int side = std::min(qRound(unit * 4), plan.free.width() / 8);
    m_free = plan.free.adjusted(side, margin / 2, -side, -margin / 2);
    fitTerritory();
}

void WorkshopMode::fitTerritory() {
    if (!m_fitTerritory || !m_layers || m_layers->fullExtent().isEmpty() || m_free.isEmpty())
        return;
    m_canvas->setExtent(extentFitting(m_layers->fullExtent(), m_free, m_canvas->size()));
    m_canvas->refresh();
}

QList<QRect> WorkshopMode::overlayRects() const {
    QList<QRect> rects;
    for (const QWidget* w : {m_legend.data(), m_info.data(), m_nav.data()})
        if (w && w->isVisible())
            rects << w->geometry();
    if (const auto* title = m_canvas->findChild<QWidget*>(QStringLiteral("mainMapTitle"));
        title && title->isVisible())
        rects << title->geometry();
    return rects;
}

bool WorkshopMode::eventFilter(QObject* watched, QEvent* event) {
    // The user's own navigation (wheel, drag): the view is theirs, no longer refitted to the territory.
    if (watched == m_canvas->viewport() &&
        (event->type() == QEvent::Wheel ||
         (event->type() == QEvent::MouseMove && static_cast<QMouseEvent*>(event)->buttons() != Qt::NoButton)))
        m_fitTerritory = false;
    if (watched == m_canvas && event->type() == QEvent::Resize) // once the canvas has its new size
        QTimer::singleShot(0, this, [this] {
            if (m_active)
                placeOverlay();
        });
    return QObject::eventFilter(watched, event);
}

void WorkshopMode::updateSlideLabel() {
    if (!m_slideLabel)
        return;
    const QList<Slide>& slides = m_deck->slides();
    if (slides.isEmpty())
        m_slideLabel->setText(tr("No slide yet (Ctrl+B)"));
    else if (m_deck->current() < 0)
        m_slideLabel->setText(tr("%n slide(s)", nullptr, slides.size()));
    else
        m_slideLabel->setText(QStringLiteral("%1 / %2 · %3")
                                  .arg(m_deck->current() + 1)
                                  .arg(slides.size())
                                  .arg(slides.at(m_deck->current()).name.toHtmlEscaped()));
    if (m_nav) {
        m_nav->adjustSize();
        placeOverlay();
    }
}

QString WorkshopMode::panelText() const {
    return m_infoLabel ? m_infoLabel->text() : QString();
}

void WorkshopMode::updatePanel() {
    if (!m_infoLabel || !m_session->hasDataset())
        return;
    const QStringList selected = m_session->selectedBassins();
    QString text;
    if (selected.size() == 1)
        text = bassinText(selected.first());
    else if (m_panel == QLatin1String("dockPoles"))
        text = crunchText();
    else
        text = tr("Click a bassin de vie to see its figures.");
    m_infoLabel->setText(text);
    placeOverlay();
}

QString WorkshopMode::bassinText(const QString& code) const {
    const model::Dataset& ds = m_session->dataset();
    const model::Bassin* bassin = nullptr;
    for (const model::Bassin& b : ds.bassins)
        if (panel::qs(b.code) == code)
            bassin = &b;
    const analysis::PoleClassification* pole = m_session->pole(code);
    if (!bassin || !pole)
        return QString();
    // Statistical secrecy (DOMAIN.md §7): a count under the threshold, and the density made from it, are
    // not shown.
    const double threshold = m_session->parameters().density.secrecyThreshold;
    const bool secret = pole->total > 0 && pole->total < threshold;
    const QString professionals =
        secret ? tr("fewer than %1").arg(panel::number(threshold)) : panel::number(pole->total);
    const QString density = secret || bassin->population <= 0
                                ? QStringLiteral("—")
                                : panel::number(pole->total / bassin->population * 10000, 0);
    return QStringLiteral("<p style='font-size:120%'><b>%1</b></p><p>%2</p><p>%3<br>%4<br>%5</p>")
        .arg(panel::qs(bassin->name).toHtmlEscaped(),
             capitalised(panel::poleTypeLabel(static_cast<int>(pole->type))),
             tr("%1 health professionals").arg(professionals),
             tr("%1 inhabitants").arg(panel::number(bassin->population)),
             // The 10,000 formatted as the figures are: its thousands separator does not break the line.
             tr("%1 professionals per %2 inhabitants").arg(density, panel::number(10000)));
}

QString WorkshopMode::crunchText() {
    const std::vector<int>& vintages = m_session->dataset().meta.vintages;
    CrunchRequest request;
    request.vintageTo = m_session->vintage();
    if (!vintages.empty() && *std::min_element(vintages.begin(), vintages.end()) < request.vintageTo)
        request.vintageFrom = *std::min_element(vintages.begin(), vintages.end());
    const CrunchResult* result = m_session->crunch(request);
    if (!result)
        return tr("The diagnosis is being computed…");
    QString text;
    const auto sentences = analysis::describeCrunchBriefly(
        result->diagnostics, panel::uiIsFrench() ? analysis::Language::Fr : analysis::Language::En);
    for (const std::string& s : sentences)
        text += QStringLiteral("<p>%1</p>").arg(panel::qs(s).toHtmlEscaped());
    return text;
}

} // namespace maillage::ui
