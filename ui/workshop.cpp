#include "ui/workshop.h"

#include "core/analysis/crunch.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/pole_palette.h"
#include "ui/session.h"
#include "ui/workshop_slides.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QMainWindow>
#include <QMenuBar>
#include <QPainter>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>

#include <qgsmapcanvas.h>
#include <qgsmarkersymbol.h>
#include <qgspallabeling.h>
#include <qgsproject.h>
#include <qgsproperty.h>
#include <qgsrendercontext.h>
#include <qgsrenderer.h>
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

QString capitalised(QString text) {
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

QSizeF poleLegendSize(double unit, const QString& title) {
    const QFontMetricsF bold(legendFont(unit, true)), plain(legendFont(unit, false));
    double width = bold.horizontalAdvance(title);
    for (int type : kLegendTypes)
        width =
            std::max(width, 2.0 * unit + plain.horizontalAdvance(capitalised(panel::poleTypeLabel(type))));
    return {width + unit, unit * (1.9 + 1.6 * std::size(kLegendTypes)) + unit * 0.5};
}

double drawPoleLegend(QPainter& painter, const QRectF& area, double unit, const QString& title) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(0x20, 0x20, 0x20));
    painter.setFont(legendFont(unit, true));
    double y = area.top() + unit * 0.4;
    painter.drawText(QRectF(area.left() + unit * 0.5, y, area.width() - unit, unit * 1.5),
                     Qt::AlignLeft | Qt::AlignVCenter, title);
    y += unit * 1.9;
    painter.setFont(legendFont(unit, false));
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

} // namespace

void LayerMagnifier::magnify(QgsMapLayer* mapLayer) {
    auto* layer = qobject_cast<QgsVectorLayer*>(mapLayer);
    if (!layer)
        return;
    auto saved = std::make_shared<Saved>();
    saved->layer = layer;
    if (layer->labeling()) {
        saved->labeling.reset(layer->labeling()->clone());
        QgsAbstractVectorLayerLabeling* labeling = layer->labeling()->clone();
        const QStringList providers = labeling->subProviders();
        for (const QString& id : providers) {
            QgsPalLayerSettings s = labeling->settings(id);
            magnifyLabelSettings(s, m_factor);
            labeling->setSettings(new QgsPalLayerSettings(s), id);
        }
        layer->setLabeling(labeling);
        saved->magnifiedLabeling = labeling;
    }
    if (layer->renderer() && layer->geometryType() == QgsWkbTypes::PointGeometry) {
        saved->renderer.reset(layer->renderer()->clone());
        QgsFeatureRenderer* renderer = layer->renderer()->clone();
        QgsRenderContext context;
        for (QgsSymbol* symbol : renderer->symbols(context))
            if (auto* marker = dynamic_cast<QgsMarkerSymbol*>(symbol))
                marker->setSize(marker->size() * m_factor);
        layer->setRenderer(renderer);
        saved->magnifiedRenderer = renderer;
    }
    layer->triggerRepaint();
    m_saved.append(saved);
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
    explicit LegendBox(QWidget* parent) : QWidget(parent) { setObjectName(QStringLiteral("workshopLegend")); }
    double unit = 24;
    QSize sizeHint() const override { return poleLegendSize(unit, title()).toSize() + QSize(4, 4); }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(QColor(255, 255, 255, 235));
        painter.setPen(QPen(QColor(0xAA, 0xAA, 0xAA), 1));
        painter.drawRoundedRect(rect().adjusted(1, 1, -1, -1), 6, 6);
        drawPoleLegend(painter, rect(), unit, title());
    }

private:
    static QString title() { return WorkshopMode::tr("Pôles d'offre de soins"); }
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
                m_magnifier->magnify(layer);
    });
}

WorkshopMode::~WorkshopMode() = default;

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
    for (QgsMapLayer* layer : m_project->mapLayers())
        m_magnifier->magnify(layer);
    createOverlay();
    m_canvas->installEventFilter(this);
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
    // The same territory, larger: the extent shown before, once the canvas has its full-screen size.
    const QgsRectangle extent = m_canvas->extent();
    QTimer::singleShot(0, m_canvas, [canvas = m_canvas, extent] {
        canvas->setExtent(extent);
        canvas->refresh();
    });
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
    delete m_legend;
    delete m_info;
    delete m_nav;
    if (m_magnifier)
        m_magnifier->restore();
    m_magnifier.reset();
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
    m_legend = new LegendBox(m_canvas);
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
    for (QWidget* w : {m_legend.data(), m_info.data(), m_nav.data()})
        w->show();
}

void WorkshopMode::placeOverlay() {
    if (!m_legend)
        return;
    // Sizes follow the screen: 24 px text at 720 px high, readable at 3 m on a projector.
    const double unit = std::max(14.0, std::min(m_canvas->height() / 30.0, m_canvas->width() / 36.0));
    static_cast<LegendBox*>(m_legend.data())->unit = unit * 0.85; // the map keeps the room
    const int margin = qRound(unit * 0.6);
    m_legend->resize(m_legend->sizeHint());
    const int top = margin + qRound(unit * 1.6); // under the map titles of the two-map view
    m_legend->move(margin, top);
    QFont font = legendFont(unit, false);
    for (QWidget* w : {m_info.data(), m_nav.data()}) {
        w->setFont(font);
        for (QWidget* child : w->findChildren<QWidget*>())
            child->setFont(font);
    }
    // The Crunch sentences are longer than a BV's figures: smaller, on a wider panel.
    const bool sentences = m_session->selectedBassins().size() != 1;
    m_infoLabel->setFont(legendFont(sentences ? unit * 0.75 : unit, false));
    const int infoWidth = std::min(m_canvas->width() * 2 / 5, qRound(unit * (sentences ? 20 : 16)));
    const int infoHeight = m_info->layout()->heightForWidth(infoWidth); // the whole wrapped text
    m_info->resize(infoWidth, std::min(infoHeight, m_canvas->height() - top - qRound(unit * 4)));
    m_info->move(m_canvas->width() - infoWidth - margin, top);
    // Half a projector (two maps): the Crunch sentences would cover the map; a BV's figures stay.
    m_info->setVisible(!sentences || m_canvas->width() >= 800);
    m_nav->adjustSize();
    m_nav->move((m_canvas->width() - m_nav->width()) / 2, m_canvas->height() - m_nav->height() - margin);
    m_legend->update();
}

bool WorkshopMode::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_canvas && event->type() == QEvent::Resize)
        placeOverlay();
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
             tr("%1 professionals per 10,000 inhabitants").arg(density));
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
