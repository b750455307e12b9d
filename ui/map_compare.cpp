#include "ui/map_compare.h"

#include "core/analysis/poles.h"
#include "ui/layer_roles.h"
#include "ui/map_layers.h"
#include "ui/panels/panel_util.h"
#include "ui/pole_names.h"
#include "ui/session.h"
#include "ui/styles/layer_styles.h"
#include "ui/tasks.h"
#include "ui/workshop.h"
#include "ui/workshop_obstacles.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTimer>
#include <QVBoxLayout>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsgeometrygeneratorsymbollayer.h>
#include <qgslegendsymbolitem.h>
#include <qgsmapcanvas.h>
#include <qgsmaprenderercustompainterjob.h>
#include <qgsmarkersymbol.h>
#include <qgsproject.h>
#include <qgsrenderer.h>
#include <qgssymbol.h>
#include <qgsvectorlayer.h>
#include <qgsvertexmarker.h>

namespace maillage::ui {

namespace {

constexpr int kDensityRole = Qt::UserRole + 1; // the choice is a density rather than pôle types
constexpr int kResultRole = Qt::UserRole + 2;  // the choice is the result shown by showResult()

const char* const kTitleStyle =
    "QLabel { background: rgba(255,255,255,230); color: #202020; padding: 3px 10px; "
    "border: 1px solid #AAAAAA; border-radius: 4px; font-weight: bold; }";

QgsVertexMarker* newCross(QgsMapCanvas* canvas) {
    auto* cross = new QgsVertexMarker(canvas);
    cross->setIconType(QgsVertexMarker::ICON_CROSS);
    cross->setIconSize(28);
    cross->setPenWidth(3);
    cross->setColor(QColor(0xC0, 0x00, 0x40));
    cross->setVisible(false);
    return cross;
}

//! The legend of a layer's renderer (the density classes) in a box at the bottom left of `area`: a swatch
//! of each class's colour and its label, `unit` pixels high.
void drawRendererLegend(QPainter& painter, const QRect& area, double unit, const QString& title,
                        const QgsVectorLayer& layer) {
    const QgsLegendSymbolList items =
        layer.renderer() ? layer.renderer()->legendSymbolItems() : QgsLegendSymbolList();
    QFont font;
    font.setPixelSize(qRound(unit * 0.8));
    const QFontMetricsF metrics(font);
    double width = metrics.horizontalAdvance(title);
    for (const QgsLegendSymbolItem& item : items)
        width = std::max(width, unit * 1.8 +
                                    metrics.horizontalAdvance(
                                        QString(item.label()).replace(QLatin1Char('\n'), QLatin1Char(' '))));
    const double height = unit * (1.6 + 1.3 * items.size()) + unit * 0.4;
    const QRectF box(area.left() + unit * 0.5, area.bottom() - height - unit * 0.5, width + unit, height);
    painter.save();
    painter.setPen(QPen(QColor(0xAA, 0xAA, 0xAA), 1));
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRect(box);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(QColor(0x20, 0x20, 0x20));
    double y = box.top() + unit * 0.3;
    painter.drawText(QRectF(box.left() + unit * 0.5, y, width, unit * 1.2), Qt::AlignLeft | Qt::AlignVCenter,
                     title);
    y += unit * 1.5;
    font.setBold(false);
    painter.setFont(font);
    for (const QgsLegendSymbolItem& item : items) {
        const QRectF swatch(box.left() + unit * 0.5, y, unit * 0.9, unit * 0.9);
        painter.setPen(QPen(QColor(0x55, 0x55, 0x55), 1));
        painter.setBrush(item.symbol() ? item.symbol()->color() : QColor(Qt::white));
        painter.drawRect(swatch);
        painter.setPen(QColor(0x20, 0x20, 0x20));
        painter.drawText(QRectF(swatch.right() + unit * 0.4, y - unit * 0.2, width, unit * 1.3),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QString(item.label()).replace(QLatin1Char('\n'), QLatin1Char(' ')));
        y += unit * 1.3;
    }
    painter.restore();
}

//! The size (mm, before the workshop's magnification) of the pôles' markers on the second map.
constexpr double kSecondMapMarkerMm = 1.8;

//! A dark dot at the anchor of each pôle (types 1 to 4) of `layer`, `sizeMm` wide: the names are placed
//! beside the pôle's marker, as on the main map, where a dot now marks the pôle they name (without it
//! they sat beside nothing, as if the main map's markers were there).
void addPoleMarkers(QgsVectorLayer& layer, double sizeMm) {
    auto* renderer = dynamic_cast<QgsCategorizedSymbolRenderer*>(layer.renderer());
    if (!renderer)
        return;
    const QgsCategoryList categories = renderer->categories();
    for (int i = 0; i < categories.size(); ++i) {
        if (categories[i].value().toInt() == 0 || !categories[i].symbol())
            continue; // hors pôle: no marker, no name
        std::unique_ptr<QgsSymbol> symbol(categories[i].symbol()->clone());
        auto* dot =
            static_cast<QgsGeometryGeneratorSymbolLayer*>(QgsGeometryGeneratorSymbolLayer::create({}));
        dot->setGeometryExpression(QStringLiteral("make_point(\"anchor_x\", \"anchor_y\")"));
        dot->setSymbolType(Qgis::SymbolType::Marker);
        dot->setSubSymbol(styles::markerSymbol(QStringLiteral("circle"), QColor(0x20, 0x20, 0x20),
                                               QColor(Qt::white), sizeMm, 0.3));
        symbol->appendSymbolLayer(dot);
        renderer->updateCategorySymbol(i, symbol.release());
    }
}

} // namespace

MapCompare::MapCompare(Session* session, MapLayers* layers, QgsMapCanvas* main, QgsProject* project,
                       QWidget* parent)
    : QWidget(parent), m_session(session), m_layers(layers), m_main(main), m_project(project) {
    setObjectName(QStringLiteral("mapCompare"));
    m_canvas = new QgsMapCanvas(this);
    m_canvas->setObjectName(QStringLiteral("compareCanvas"));
    m_canvas->setCanvasColor(Qt::white);
    m_canvas->setDestinationCrs(main->mapSettings().destinationCrs());
    m_canvas->enableAntiAliasing(true);
    m_canvas->setParallelRenderingEnabled(true);
    m_canvas->setCachingEnabled(true);
    m_canvas->setPreviewJobsEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_canvas);

    // The choice is the second map's title; the main map gets a title of the same look.
    m_choice = new QComboBox(m_canvas);
    m_choice->setObjectName(QStringLiteral("compareChoice"));
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToContents); // a result's long title is not cut
    m_choice->setToolTip(tr("What the second map shows"));
    connect(m_choice, QOverload<int>::of(&QComboBox::activated), this, [this](int index) {
        const int vintage = m_choice->itemData(index).toInt();
        if (m_choice->itemData(index, kResultRole).toBool())
            return; // the result again: it is shown
        if (m_choice->itemData(index, kDensityRole).toBool())
            showDensity(m_session->profession(), vintage);
        else
            setVintage(vintage);
    });
    m_mainTitle = new QLabel(m_main);
    m_mainTitle->setObjectName(QStringLiteral("mainMapTitle"));
    m_mainTitle->setStyleSheet(QString::fromLatin1(kTitleStyle));
    m_mainTitle->show();
    // No name under a title: on the main map and on the second one.
    LabelObstacles::of(m_main)->addBox(m_mainTitle);
    LabelObstacles::of(m_canvas)->addBox(m_choice);
    LargePoleNames::of(m_canvas);
    // A result map shown or hidden on the main map (the Change panel) changes its title.
    connect(m_main, &QgsMapCanvas::layersChanged, this, &MapCompare::placeTitles);

    m_crossOnMain = newCross(m_main);
    m_crossOnSecond = newCross(m_canvas);
    connect(m_main, &QgsMapCanvas::extentsChanged, this, [this] { sync(m_main, m_canvas); });
    connect(m_canvas, &QgsMapCanvas::extentsChanged, this, [this] { sync(m_canvas, m_main); });
    // A resize of the main canvas keeps its scale without extentsChanged(): checked after each redraw.
    connect(m_main, &QgsMapCanvas::mapCanvasRefreshed, this, [this] {
        if (std::abs(m_canvas->mapUnitsPerPixel() - m_main->mapUnitsPerPixel()) >
                1e-9 * m_main->mapUnitsPerPixel() ||
            m_canvas->center().distance(m_main->center()) > m_main->mapUnitsPerPixel())
            sync(m_main, m_canvas);
    });
    connect(m_main, &QgsMapCanvas::xyCoordinates, this,
            [this](const QgsPointXY& p) { showCursor(m_main, p); });
    connect(m_canvas, &QgsMapCanvas::xyCoordinates, this,
            [this](const QgsPointXY& p) { showCursor(m_canvas, p); });
    m_main->viewport()->installEventFilter(this);
    m_canvas->viewport()->installEventFilter(this);
    m_main->installEventFilter(this);
    m_canvas->installEventFilter(this);

    connect(session, &Session::datasetChanged, this, &MapCompare::rebuild);
    connect(session, &Session::classificationChanged, this, &MapCompare::refreshShown);
    connect(session, &Session::densityClassesChanged, this, &MapCompare::refreshShown);
    connect(session, &Session::professionChanged, this, [this] {
        updateChoices();
        if (m_density)
            showDensity(m_session->profession(), m_vintage);
    });
    connect(session, &Session::classificationChanged, this, &MapCompare::placeTitles);
    connect(layers, &MapLayers::communeColouringChanged, this, &MapCompare::placeTitles);
    rebuild();
}

MapCompare::~MapCompare() {
    delete m_crossOnMain;
    delete m_mainTitle;
    m_main->viewport()->removeEventFilter(this);
    m_main->removeEventFilter(this);
    // The canvas before the layer it draws: a render still running would finish on a deleted layer.
    m_canvas->waitWhileRendering();
    m_canvas->setLayers({});
    delete m_canvas;
}

void MapCompare::rebuild() {
    m_resultTitle.clear(); // a result of the dataset before
    m_makeResult = nullptr;
    updateChoices();
    if (!m_session->hasDataset())
        return;
    // The other year: the earliest when the main map shows another, else the main map's.
    const std::vector<int>& vintages = m_session->dataset().meta.vintages;
    int vintage = m_session->vintage();
    for (int v : vintages)
        if (v != m_session->vintage() && (vintage == m_session->vintage() || v < vintage))
            vintage = v;
    setVintage(vintage);
    sync(m_main, m_canvas);
}

void MapCompare::updateChoices() {
    m_choice->clear();
    if (!m_session->hasDataset())
        return;
    for (int v : m_session->dataset().meta.vintages)
        m_choice->addItem(tr("Pôles d'offre %1").arg(v), v);
    // The density of the profession chosen in the Densités panel, in each year.
    QString profession = tr("all professions");
    if (const model::Profession* p =
            m_session->dataset().catalogue.find(m_session->profession().toStdString()))
        profession = panel::professionLabel(*p);
    for (int v : m_session->dataset().meta.vintages) {
        m_choice->addItem(tr("Density of %1 %2").arg(profession).arg(v), v);
        m_choice->setItemData(m_choice->count() - 1, true, kDensityRole);
    }
    m_choice->setCurrentIndex(m_choice->findData(m_vintage) + (m_density ? m_choice->count() / 2 : 0));
    if (!m_resultTitle.isEmpty()) { // the result shown stays the choice
        m_choice->addItem(m_resultTitle, m_vintage);
        m_choice->setItemData(m_choice->count() - 1, true, kResultRole);
        m_choice->setCurrentIndex(m_choice->count() - 1);
    }
}

void MapCompare::refreshShown() {
    if (m_density)
        showDensity(m_profession, m_vintage);
    else
        setVintage(m_vintage);
}

void MapCompare::showDensity(const QString& profession, int vintage) {
    if (!m_session->hasDataset())
        return;
    m_density = true;
    m_resultTitle.clear();
    m_makeResult = nullptr;
    m_profession = profession;
    m_vintage = vintage;
    DensityMapRequest request;
    request.profession = profession;
    request.vintage = vintage;
    const int ticket = ++m_densityTicket;
    m_densityPending = true;
    // The densities of 35,000 communes would freeze the window: computed in a task, on the dataset as it
    // is now (kept alive by the task), the layer built when they are there.
    const std::shared_ptr<const model::Dataset> dataset = m_session->sharedDataset();
    auto result = std::make_shared<DensityMap>();
    QPointer<MapCompare> self(this);
    FunctionTask* task = FunctionTask::start(
        tr("Densities of the second map"),
        [dataset, request, result](Feedback&) { *result = densityMapNow(*dataset, request); },
        [self, ticket, dataset, result](bool ok, const QString& error) {
            if (self && ticket == self->m_densityTicket)
                self->densityFinished(*dataset, *result, ok, error);
        });
    emit backgroundTaskStarted(task);
}

void MapCompare::densityFinished(const model::Dataset& dataset, const DensityMap& map, bool ok,
                                 const QString& error) {
    m_densityPending = false;
    if (!ok) { // an empty message: cancelled, the previous map stays
        showNote(error.isEmpty() ? QString() : tr("The densities cannot be shown: %1").arg(error));
        return;
    }
    showNote(QString());
    showLayer(std::unique_ptr<QgsVectorLayer>(
        MapLayers::createDensityLayer(dataset, map, m_session->densityClasses(), title())));
}

void MapCompare::showNote(const QString& text) {
    if (text.isEmpty()) {
        delete m_note;
        return;
    }
    if (!m_note) {
        m_note = new QLabel(m_canvas);
        m_note->setObjectName(QStringLiteral("compareNote"));
        m_note->setWordWrap(true);
        m_note->setStyleSheet(QString::fromLatin1(kTitleStyle));
        LabelObstacles::of(m_canvas)->addBox(m_note);
    }
    m_note->setText(text);
    m_note->setFixedWidth(qMax(200, m_canvas->width() - 40));
    m_note->adjustSize();
    m_note->move(20, m_canvas->height() / 2);
    m_note->show();
}

void MapCompare::setVintage(int vintage) {
    if (!m_session->hasDataset())
        return;
    m_vintage = vintage;
    m_density = false;
    m_resultTitle.clear();
    m_makeResult = nullptr;
    ++m_densityTicket; // a density still being computed no longer replaces these pôle types
    m_densityPending = false;
    showNote(QString());
    const analysis::Classification classification =
        analysis::classifyDataset(m_session->dataset(), vintage, m_session->parameters().poles);
    std::unique_ptr<QgsVectorLayer> layer(
        MapLayers::createPoleLayer(m_session->dataset(), classification.poles, title()));
    addPoleMarkers(*layer, kSecondMapMarkerMm * m_magnification);
    showLayer(std::move(layer));
}

void MapCompare::showResult(const std::function<QgsVectorLayer*()>& make, const QString& title) {
    std::unique_ptr<QgsVectorLayer> layer(make());
    if (!layer)
        return;
    m_density = false; // classed by pôle type
    ++m_densityTicket; // a density still being computed no longer replaces this result
    m_densityPending = false;
    showNote(QString());
    showLayer(std::move(layer));
    m_resultTitle = title;
    m_makeResult = make;
    // The title is one more choice, chosen; the years stay offered (choosing one leaves the result).
    updateChoices();
    placeTitles();
}

void MapCompare::showLayer(std::unique_ptr<QgsVectorLayer> layer) {
    if (m_magnification != 1) // a layer of its own, rebuilt on leaving: nothing to restore
        LayerMagnifier(m_magnification).magnify(layer.get());
    QList<QgsMapLayer*> shown;
    if (QgsVectorLayer* departements = findLayerByRole(m_project, QString::fromLatin1(role::Departements)))
        shown << departements;
    shown << layer.get();
    // A render of the previous layer must not outlive it (stopRendering() would let it run on).
    m_canvas->waitWhileRendering();
    m_canvas->setLayers(shown);
    m_poleLayer = std::move(layer); // after setLayers: the canvas never holds a deleted layer
    for (int i = m_choice->count() - 1; i >= 0; --i) // a result no longer shown (showResult() adds its own)
        if (m_choice->itemData(i, kResultRole).toBool())
            m_choice->removeItem(i);
    const int index = m_choice->findData(m_vintage);
    if (index >= 0)
        m_choice->setCurrentIndex(index + (m_density ? m_choice->count() / 2 : 0));
    m_canvas->refresh();
    placeTitles();
}

void MapCompare::setMagnification(double factor) {
    m_magnification = factor;
    LargePoleNames::of(m_canvas)->setMaxCover(factor != 1 ? WorkshopMode::kNameCover : 0);
    if (m_makeResult) // a result stays, magnified
        showResult(std::function<QgsVectorLayer*()>(m_makeResult), m_resultTitle);
    else
        refreshShown();
}

QString MapCompare::title() const {
    if (!m_resultTitle.isEmpty())
        return m_resultTitle;
    if (m_density && m_session->hasDataset()) {
        DensityMapRequest request;
        request.profession = m_profession;
        request.vintage = m_vintage;
        return MapLayers::densityTitle(m_session->dataset(), request, m_session->densityClasses());
    }
    return tr("Pôles d'offre %1").arg(m_vintage);
}

QString MapCompare::mainTitle() const {
    // The result map shown over the types (a change, a density…) in the words of its legend.
    if (const QgsVectorLayer* result = shownResultLayer(m_project))
        return resultLegendTitle(*result);
    if (m_layers->communesColoured())
        return m_layers->communeColouringTitle();
    return tr("Pôles d'offre %1").arg(m_session->hasDataset() ? m_session->vintage() : 0);
}

void MapCompare::sync(QgsMapCanvas* from, QgsMapCanvas* to) {
    // Guarded: the extent set on `to` comes back through its extentsChanged().
    if (m_syncing || from->extent().isEmpty())
        return;
    m_syncing = true;
    if (from == m_main) // the same label placement rules (the workshop mode moves labels off the edges)
        to->setLabelingEngineSettings(from->labelingEngineSettings());
    // The same centre and map units per pixel: the same scale, and the same extent when the sizes agree.
    const QSize size = to->mapSettings().outputSize();
    const double halfWidth = from->mapUnitsPerPixel() * size.width() / 2.0;
    const double halfHeight = from->mapUnitsPerPixel() * size.height() / 2.0;
    const QgsPointXY c = from->center();
    to->setExtent(QgsRectangle(c.x() - halfWidth, c.y() - halfHeight, c.x() + halfWidth, c.y() + halfHeight));
    to->refresh();
    m_syncing = false;
}

void MapCompare::showCursor(QgsMapCanvas* over, const QgsPointXY& point) {
    QgsVertexMarker* other = over == m_main ? m_crossOnSecond : m_crossOnMain;
    QgsVertexMarker* own = over == m_main ? m_crossOnMain : m_crossOnSecond;
    if (other) {
        other->setCenter(point);
        other->setVisible(true);
    }
    if (own)
        own->setVisible(false);
}

bool MapCompare::cursorShown(const QgsMapCanvas* canvas, QgsPointXY* position) const {
    const QgsVertexMarker* cross = canvas == m_main ? m_crossOnMain : m_crossOnSecond;
    if (!cross || !cross->isVisible())
        return false;
    if (position)
        *position = cross->center();
    return true;
}

bool MapCompare::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Leave) {
        for (QgsVertexMarker* cross : {m_crossOnMain, m_crossOnSecond})
            if (cross)
                cross->setVisible(false);
    } else if (event->type() == QEvent::Resize && (watched == m_main || watched == m_canvas)) {
        // After the canvas has taken its new size (this filter runs before it does): the same scale again.
        QTimer::singleShot(0, this, [this] {
            sync(m_main, m_canvas);
            placeTitles();
        });
    }
    return QWidget::eventFilter(watched, event);
}

void MapCompare::placeTitles() {
    QFont font = m_main->font();
    font.setPixelSize(qMax(13, m_main->height() / 40));
    font.setBold(true);
    if (m_mainTitle) {
        m_mainTitle->setFont(font);
        m_mainTitle->setText(mainTitle());
        m_mainTitle->adjustSize();
        m_mainTitle->move((m_main->width() - m_mainTitle->width()) / 2, 8);
        m_mainTitle->raise();
    }
    m_choice->setFont(font);
    m_choice->adjustSize();
    m_choice->move((m_canvas->width() - m_choice->width()) / 2, 8);
    m_choice->raise();
}

QImage MapCompare::renderFigure(const QSize& size) const {
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const int half = size.width() / 2;
    const int titleHeight = qMax(24, size.height() / 16);
    const double unit = qMax(12.0, size.height() / 40.0);
    QFont font;
    font.setPixelSize(qRound(titleHeight * 0.55));
    font.setBold(true);
    const QgsRectangle extent = m_main->extent();
    const QgsMapCanvas* canvases[] = {m_main, m_canvas};
    const QString titles[] = {mainTitle(), title()};
    for (int side = 0; side < 2; ++side) {
        const QRect area(side * half, 0, half, size.height());
        painter.setFont(font);
        painter.setPen(QColor(0x20, 0x20, 0x20));
        painter.drawText(QRect(area.left(), 0, half, titleHeight), Qt::AlignCenter, titles[side]);
        QgsMapSettings settings = canvases[side]->mapSettings();
        settings.setOutputSize(QSize(half - 8, size.height() - titleHeight));
        settings.setOutputDpi(96);
        settings.setExtent(extent);
        // The figure's titles are above the maps: the canvases' boxes are no obstacles on it.
        settings.setLayers(LabelObstacles::withoutObstacles(settings.layers()));
        const auto* names = canvases[side]->findChild<LargePoleNames*>(QString(), Qt::FindDirectChildrenOnly);
        placeLargePoleNames(settings, {}, names ? names->maxCover() : 0); // at the figure's size
        painter.save();
        painter.translate(area.left() + 4, titleHeight);
        // A feature larger than the extent is drawn whole: clipped, it stays on its own half.
        painter.setClipRect(QRect(QPoint(0, 0), settings.outputSize()));
        QgsMapRendererCustomPainterJob job(settings, &painter);
        job.renderSynchronously();
        painter.restore();
        const QgsVectorLayer* density = side == 0
                                            ? (m_layers->communesColoured() ? m_layers->communes() : nullptr)
                                            : (m_density ? m_poleLayer.get() : nullptr);
        if (density) {
            drawRendererLegend(painter, area, unit, tr("Professionals per 10,000 inhabitants"), *density);
            continue;
        }
        const QgsVectorLayer* result = side == 0 ? shownResultLayer(m_project) : nullptr;
        if (result) { // a change map (or another result) on the main map: its classes, as its title says
            const QSizeF legend = resultLegendSize(unit, *result);
            const QRectF box(area.left() + unit * 0.5, size.height() - legend.height() - unit * 0.5,
                             legend.width(), legend.height());
            painter.setPen(QPen(QColor(0xAA, 0xAA, 0xAA), 1));
            painter.setBrush(QColor(255, 255, 255, 235));
            painter.drawRect(box);
            drawResultLegend(painter, box, unit, *result);
            continue;
        }
        if (side == 1 && !m_resultTitle.isEmpty()) { // a result: its types and the BVs it changes
            drawRendererLegend(painter, area, unit, tr("Pôles d'offre"), *m_poleLayer);
            continue;
        }
        const QSizeF legend = poleLegendSize(unit, tr("Pôles d'offre"));
        const QRectF box(area.left() + unit * 0.5, size.height() - legend.height() - unit * 0.5,
                         legend.width(), legend.height());
        painter.setPen(QPen(QColor(0xAA, 0xAA, 0xAA), 1));
        painter.setBrush(QColor(255, 255, 255, 235));
        painter.drawRect(box);
        drawPoleLegend(painter, box, unit, tr("Pôles d'offre"));
    }
    painter.setPen(QPen(QColor(0x80, 0x80, 0x80), 2));
    painter.drawLine(half, titleHeight / 2, half, size.height() - titleHeight / 2);
    return image;
}

bool MapCompare::exportFigure(const QString& path, const QSize& size, QString* error) const {
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (info.isSymLink() || (info.exists() && !info.isFile())) {
        *error =
            tr("%1 is not a regular file: the figure is written to a new or regular file only").arg(shown);
        return false;
    }
    const bool pdf = info.suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0;
    const QImage image = renderFigure(size);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("%1 cannot be written: %2").arg(shown, file.errorString());
        return false;
    }
    bool written = true;
    if (pdf) {
        QPdfWriter writer(&file);
        writer.setResolution(96);
        writer.setPageSize(QPageSize(QSizeF(size) * 25.4 / 96, QPageSize::Millimeter));
        writer.setPageMargins(QMarginsF());
        QPainter painter(&writer);
        painter.drawImage(QRect(QPoint(0, 0), size), image);
        written = painter.end();
    } else {
        written = image.save(&file, "PNG");
    }
    if (!written || !file.commit()) {
        *error = tr("%1 cannot be written: %2").arg(shown, file.errorString());
        return false;
    }
    return true;
}

} // namespace maillage::ui
