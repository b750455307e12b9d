#include "ui/panels/maillage_panel.h"

#include "ui/layer_roles.h"
#include "ui/panels/panel_table.h"
#include "ui/panels/panel_util.h"
#include "ui/session.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgsfeature.h>
#include <qgsfeaturerequest.h>
#include <qgsgeometry.h>
#include <qgshighlight.h>
#include <qgslayertree.h>
#include <qgslayertreegroup.h>
#include <qgslinesymbol.h>
#include <qgsmapcanvas.h>
#include <qgsmarkersymbol.h>
#include <qgsproject.h>
#include <qgsproperty.h>
#include <qgssinglesymbolrenderer.h>
#include <qgssymbollayerutils.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

namespace maillage::ui {

using panel::number;
using panel::qs;

namespace {

const char* const kOwnerProperty = "maillage/owner";
const char* const kOwner = "maillage_panel";

// Intensities span orders of magnitude: "12 345", "87.5", "0.042".
QString formatIntensity(double v) {
    if (v >= 100)
        return number(v, 0);
    if (v >= 1)
        return number(v, 1);
    return QLocale().toString(v, 'g', 2);
}

// "scale_linear(log10(field), lo, hi, minWidth, maxWidth)": widths readable across magnitudes.
QString logWidthExpression(const QString& field, double minValue, double maxValue, double minMm,
                           double maxMm) {
    if (!(minValue > 0) || !(maxValue > minValue))
        return QString::number((minMm + maxMm) / 2, 'f', 2);
    return QStringLiteral("scale_linear(log10(\"%1\"), %2, %3, %4, %5)")
        .arg(field)
        .arg(std::log10(minValue), 0, 'g', 10)
        .arg(std::log10(maxValue), 0, 'g', 10)
        .arg(minMm, 0, 'f', 2)
        .arg(maxMm, 0, 'f', 2);
}

QgsLineSymbol* lineSymbol(const QColor& color, double widthMm,
                          const QString& style = QStringLiteral("solid")) {
    return QgsLineSymbol::createSimple(
        {{QStringLiteral("line_color"), QgsSymbolLayerUtils::encodeColor(color)},
         {QStringLiteral("line_width"), QString::number(widthMm)},
         {QStringLiteral("line_width_unit"), QStringLiteral("MM")},
         {QStringLiteral("line_style"), style},
         {QStringLiteral("capstyle"), QStringLiteral("round")},
         {QStringLiteral("joinstyle"), QStringLiteral("round")}});
}

QgsMarkerSymbol* markerSymbol(const QString& shape, const QColor& fill, const QColor& outline, double sizeMm,
                              double outlineMm) {
    return QgsMarkerSymbol::createSimple(
        {{QStringLiteral("name"), shape},
         {QStringLiteral("color"), QgsSymbolLayerUtils::encodeColor(fill)},
         {QStringLiteral("outline_color"), QgsSymbolLayerUtils::encodeColor(outline)},
         {QStringLiteral("outline_width"), QString::number(outlineMm)},
         {QStringLiteral("size"), QString::number(sizeMm)}});
}

QgsPointXY toPoint(const model::Point& p) {
    return QgsPointXY(p.x, p.y);
}

QString layerUri(const char* geometry, const QStringList& fields) {
    QString uri = QString::fromLatin1(geometry) + QStringLiteral("?crs=EPSG:%1").arg(model::kWorkingEpsg);
    for (const QString& f : fields)
        uri += QStringLiteral("&field=") + f;
    return uri;
}

// Position of `layer` among the top-level nodes of the project's layer tree; `fallback` when it is not
// there.
int treePosition(QgsProject* project, QgsMapLayer* layer, int fallback) {
    QgsLayerTree* root = project ? project->layerTreeRoot() : nullptr;
    if (root && layer)
        if (QgsLayerTreeLayer* node = root->findLayer(layer))
            return std::max(0, static_cast<int>(root->children().indexOf(node)));
    return fallback;
}

// A line between two points, with the attributes of its layer's fields.
struct Line {
    model::Point from, to;
    QVector<QVariant> attributes;
};

// How a line layer is drawn: one symbol, or one per value of `categoryField`; widths growing with
// `widthField` on a log scale (fixed when it is empty); features drawn in increasing `orderBy` order,
// the strongest last, on top.
struct LineStyle {
    struct Category {
        QVariant value;
        QColor color;
        QString label;
    };
    QColor color;                     //!< of the single symbol
    QString categoryField;            //!< "" = the single symbol
    std::vector<Category> categories; //!< with categoryField
    double widthMm = 1.0;
    QString lineStyle = QStringLiteral("solid");
    QString widthField;
    double minWidthMm = 0, maxWidthMm = 0;
    QStringList orderBy;
};

// Fills `layer` with `lines`, gives it `style` and returns the features added, with their ids.
QgsFeatureList drawLines(QgsVectorLayer* layer, const std::vector<Line>& lines, const LineStyle& style) {
    const int widthIndex = style.widthField.isEmpty() ? -1 : layer->fields().indexOf(style.widthField);
    QgsFeatureList features;
    features.reserve(static_cast<int>(lines.size()));
    double lo = std::numeric_limits<double>::infinity(), hi = 0;
    for (const Line& line : lines) {
        QgsFeature f(layer->fields());
        f.setGeometry(QgsGeometry::fromPolylineXY({toPoint(line.from), toPoint(line.to)}));
        f.setAttributes(QgsAttributes(line.attributes));
        features << f;
        const double weight = widthIndex >= 0 ? line.attributes.value(widthIndex).toDouble() : 0;
        if (weight > 0) {
            lo = std::min(lo, weight);
            hi = std::max(hi, weight);
        }
    }
    layer->dataProvider()->addFeatures(features);
    layer->updateExtents();

    auto symbol = [&](const QColor& color) {
        QgsLineSymbol* s = lineSymbol(color, style.widthMm, style.lineStyle);
        if (widthIndex >= 0)
            s->setDataDefinedWidth(QgsProperty::fromExpression(logWidthExpression(
                style.widthField, std::isfinite(lo) ? lo : 0, hi, style.minWidthMm, style.maxWidthMm)));
        return s;
    };
    QgsFeatureRenderer* renderer = nullptr;
    if (style.categoryField.isEmpty()) {
        renderer = new QgsSingleSymbolRenderer(symbol(style.color));
    } else {
        QgsCategoryList categories;
        for (const auto& c : style.categories)
            categories << QgsRendererCategory(c.value, symbol(c.color), c.label);
        renderer = new QgsCategorizedSymbolRenderer(style.categoryField, categories);
    }
    if (!style.orderBy.isEmpty()) {
        QList<QgsFeatureRequest::OrderByClause> clauses;
        for (const QString& field : style.orderBy)
            clauses << QgsFeatureRequest::OrderByClause(field, true);
        renderer->setOrderBy(QgsFeatureRequest::OrderBy(clauses));
        renderer->setOrderByEnabled(true);
    }
    layer->setRenderer(renderer);
    layer->triggerRepaint();
    layer->emitStyleChanged();
    return features;
}

} // namespace

// The table of links: one row per link of the last drawing.
struct LinksTableRow {
    int link = 0;
    QString from, to;
    double distance = 0, intensity = 0;
    bool dominant = false;
};

class LinksTableModel : public panel::PanelTableModel<LinksTableRow> {
public:
    enum Column { From, To, Distance, Intensity, Dominant, ColumnCount };
    enum Role { LinkRole = panel::KeyRole };
    explicit LinksTableModel(QObject* parent) : PanelTableModel(ColumnCount, parent) {}

    void setRows(std::vector<Row> rows, const QString& unit) {
        resetRows(std::move(rows), [&] { m_unit = unit; });
    }

protected:
    QVariant cell(const Row& r, int, int column, int role) const override {
        switch (role) {
        case Qt::DisplayRole:
            switch (column) {
            case From:
                return r.from;
            case To:
                return r.to;
            case Distance:
                return number(r.distance, 1);
            case Intensity:
                return formatIntensity(r.intensity);
            case Dominant:
                return r.dominant ? QStringLiteral("✓") : QString();
            }
            break;
        case panel::SortRole:
            switch (column) {
            case From:
                return r.from;
            case To:
                return r.to;
            case Distance:
                return r.distance;
            case Intensity:
                return r.intensity;
            case Dominant:
                return r.dominant ? 1 : 0;
            }
            break;
        case Qt::TextAlignmentRole:
            if (column == Distance || column == Intensity)
                return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            if (column == Dominant)
                return QVariant(Qt::AlignCenter);
            break;
        case Qt::ToolTipRole:
            return MaillagePanel::tr("%1 – %2: %3 %4, intensity %5%6")
                .arg(r.from, r.to, number(r.distance, 1), m_unit, formatIntensity(r.intensity),
                     r.dominant ? MaillagePanel::tr(" (dominant link of %1)").arg(r.from) : QString());
        case LinkRole:
            return r.link;
        default:
            break;
        }
        return {};
    }
    QVariant title(int section) const override {
        switch (section) {
        case From:
            return MaillagePanel::tr("From");
        case To:
            return MaillagePanel::tr("To");
        case Distance:
            return m_unit;
        case Intensity:
            return MaillagePanel::tr("Intensity");
        case Dominant:
            return MaillagePanel::tr("Dom.", "dominant link, short column title");
        }
        return {};
    }
    QVariant titleToolTip(int section) const override {
        switch (section) {
        case Distance:
            return MaillagePanel::tr("Distance between the pôles (%1)").arg(m_unit);
        case Intensity:
            return MaillagePanel::tr("Gravity interaction: professionals of both pôles divided by the "
                                     "distance raised to β");
        case Dominant:
            return MaillagePanel::tr("Dominant link: the strongest link of a pôle towards a heavier one "
                                     "(the hierarchy of pôles)");
        }
        return {};
    }

private:
    QString m_unit;
};

MaillagePanel::MaillagePanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, QWidget* parent)
    : DockPanel(session, canvas, project, QStringLiteral("MaillagePanel"), parent) {
    auto* root = rootLayout();

    auto* modelBox = new QGroupBox(tr("Gravity model"));
    auto* form = new QFormLayout(modelBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_beta = new QDoubleSpinBox;
    m_beta->setObjectName(QStringLiteral("beta"));
    m_beta->setRange(0.0, 5.0);
    m_beta->setDecimals(1);
    m_beta->setSingleStep(0.1);
    m_beta->setToolTip(tr("Distance exponent β of I = M₁·M₂ / d^β: higher values favour near pôles"));
    form->addRow(tr("Exponent β"), m_beta);

    m_distance = new QComboBox;
    m_distance->setObjectName(QStringLiteral("distanceMode"));
    form->addRow(tr("Distance"), m_distance);

    m_strongest = new QSpinBox;
    m_strongest->setObjectName(QStringLiteral("strongestPerPole"));
    m_strongest->setRange(0, 50);
    m_strongest->setSpecialValueText(tr("all"));
    m_strongest->setToolTip(tr("Keep the k strongest links of each pôle (dominant links are always kept)"));
    form->addRow(tr("Links per pôle"), m_strongest);

    m_threshold = new QDoubleSpinBox;
    m_threshold->setObjectName(QStringLiteral("intensityThreshold"));
    m_threshold->setRange(0.0, 1e15);
    m_threshold->setDecimals(1);
    m_threshold->setSpecialValueText(tr("none"));
    m_threshold->setToolTip(tr("Keep only links at least this intense (dominant links are always kept)"));
    form->addRow(tr("Min. intensity"), m_threshold);

    m_isolation = new QDoubleSpinBox;
    m_isolation->setObjectName(QStringLiteral("isolationDistance"));
    m_isolation->setRange(1.0, 1000.0);
    m_isolation->setDecimals(0);
    m_isolation->setToolTip(
        tr("A pôle is isolated when no pôle of equal or higher rank lies within this distance"));
    form->addRow(tr("Isolated beyond"), m_isolation);

    auto* buttons = new QHBoxLayout;
    m_defaults = new QPushButton(tr("Defaults"));
    m_defaults->setObjectName(QStringLiteral("maillageDefaults"));
    m_apply = new QPushButton(tr("Apply"));
    m_apply->setObjectName(QStringLiteral("maillageApply"));
    m_apply->setDefault(true);
    buttons->addStretch(1);
    buttons->addWidget(m_defaults);
    buttons->addWidget(m_apply);
    form->addRow(buttons);
    root->addWidget(modelBox);

    auto* showBox = new QGroupBox(tr("Also on the map"));
    auto* sv = new QHBoxLayout(showBox);
    m_showFlows = new QCheckBox(tr("Observed flows"));
    m_showFlows->setObjectName(QStringLiteral("showFlows"));
    m_showCooperations = new QCheckBox(tr("Cooperations"));
    m_showCooperations->setObjectName(QStringLiteral("showCooperations"));
    m_showCooperations->setToolTip(
        tr("Declared cooperations (CHT, GHT, GCS, CPTS…): each member linked to the "
           "largest one"));
    sv->addWidget(m_showFlows);
    sv->addWidget(m_showCooperations);
    sv->addStretch(1);
    root->addWidget(showBox);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("maillageSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    root->addWidget(m_summary);
    m_warnings = new QLabel;
    m_warnings->setObjectName(QStringLiteral("maillageWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setVisible(false);
    root->addWidget(m_warnings);

    m_model = new LinksTableModel(this);
    m_proxy = panel::sortProxy(m_model, this);
    m_table = panel::tableView(QStringLiteral("linksTable"), m_proxy);
    m_table->sortByColumn(LinksTableModel::Intensity, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    // Names share what the figures leave: every column stays visible at dock width.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(LinksTableModel::From, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(LinksTableModel::To, QHeaderView::Stretch);
    root->addWidget(m_table, 1);

    for (QDoubleSpinBox* s : {m_beta, m_threshold, m_isolation})
        connect(s, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
                &MaillagePanel::updateControlState);
    connect(m_strongest, qOverload<int>(&QSpinBox::valueChanged), this, &MaillagePanel::updateControlState);
    connect(m_distance, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        // The isolation distance follows the distance mode: km or minutes.
        const auto mode = static_cast<model::DistanceMode>(m_distance->currentData().toInt());
        const model::MaillageParameters& p = m_session->parameters().maillage;
        const QSignalBlocker block(m_isolation);
        const bool minutes = mode == model::DistanceMode::TravelTime;
        m_isolation->setSuffix(minutes ? tr(" min") : tr(" km"));
        m_isolation->setValue(minutes ? p.isolationMinutes : p.isolationDistanceKm);
        updateControlState();
    });
    connect(m_apply, &QPushButton::clicked, this, &MaillagePanel::apply);
    connect(m_defaults, &QPushButton::clicked, this, [this] {
        const model::MaillageParameters d;
        m_beta->setValue(d.beta);
        m_distance->setCurrentIndex(std::max(0, m_distance->findData(static_cast<int>(d.distance))));
        m_strongest->setValue(d.strongestPerPole);
        m_threshold->setValue(d.intensityThreshold);
        m_isolation->setValue(m_distance->currentData().toInt() ==
                                      static_cast<int>(model::DistanceMode::TravelTime)
                                  ? d.isolationMinutes
                                  : d.isolationDistanceKm);
    });
    connect(m_showFlows, &QCheckBox::toggled, this, &MaillagePanel::drawFlows);
    connect(m_showCooperations, &QCheckBox::toggled, this, &MaillagePanel::drawCooperations);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    showLink(current.data(LinksTableModel::LinkRole).toInt());
            });

    connect(m_session, &Session::datasetChanged, this, [this] {
        clearHighlight();
        loadControls();
        scheduleRefresh();
    });
    connect(m_session, &Session::classificationChanged, this, &MaillagePanel::scheduleRefresh);
    connect(m_session, &Session::maillageChanged, this, [this] {
        loadControls();
        scheduleRefresh();
    });

    loadControls();
    scheduleRefresh();
}

MaillagePanel::~MaillagePanel() {
    clearHighlight();
}

void MaillagePanel::clearHighlight() {
    if (m_highlight && m_canvas) // the canvas deletes its items when it goes first
        delete m_highlight;
    m_highlight = nullptr;
}

void MaillagePanel::loadControls() {
    const bool has = m_session->hasDataset();
    const model::MaillageParameters p = has ? m_session->parameters().maillage : model::MaillageParameters{};
    {
        const QSignalBlocker block(m_distance);
        m_distance->clear();
        m_distance->addItem(tr("Straight line (Lambert-93)"), static_cast<int>(model::DistanceMode::Planar));
        m_distance->addItem(tr("Geodesic"), static_cast<int>(model::DistanceMode::Geodesic));
        if (has && !m_session->dataset().travelTimes.empty())
            m_distance->addItem(tr("Travel time"), static_cast<int>(model::DistanceMode::TravelTime));
        m_distance->setItemData(0, tr("Straight-line distance on the Lambert-93 projection"),
                                Qt::ToolTipRole);
        m_distance->setItemData(1, tr("Distance on the ellipsoid"), Qt::ToolTipRole);
        m_distance->setCurrentIndex(std::max(0, m_distance->findData(static_cast<int>(p.distance))));
    }
    const bool minutes =
        m_distance->currentData().toInt() == static_cast<int>(model::DistanceMode::TravelTime);
    const QSignalBlocker b1(m_beta), b2(m_strongest), b3(m_threshold), b4(m_isolation);
    m_beta->setValue(p.beta);
    m_strongest->setValue(p.strongestPerPole);
    m_threshold->setValue(p.intensityThreshold);
    m_isolation->setSuffix(minutes ? tr(" min") : tr(" km"));
    m_isolation->setValue(minutes ? p.isolationMinutes : p.isolationDistanceKm);
    updateControlState();
}

model::MaillageParameters MaillagePanel::editedParameters() const {
    model::MaillageParameters p =
        m_session->hasDataset() ? m_session->parameters().maillage : model::MaillageParameters{};
    p.beta = m_beta->value();
    p.distance = static_cast<model::DistanceMode>(m_distance->currentData().toInt());
    p.strongestPerPole = m_strongest->value();
    p.intensityThreshold = m_threshold->value();
    if (p.distance == model::DistanceMode::TravelTime)
        p.isolationMinutes = m_isolation->value();
    else
        p.isolationDistanceKm = m_isolation->value();
    return p;
}

void MaillagePanel::updateControlState() {
    const bool has = m_session->hasDataset();
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_beta, m_distance, m_strongest, m_threshold, m_isolation,
                                         m_defaults, m_showFlows, m_showCooperations})
        w->setEnabled(has);
    bool changed = false;
    if (has) {
        const model::MaillageParameters a = editedParameters(), b = m_session->parameters().maillage;
        changed = a.beta != b.beta || a.distance != b.distance || a.strongestPerPole != b.strongestPerPole ||
                  a.intensityThreshold != b.intensityThreshold ||
                  a.isolationDistanceKm != b.isolationDistanceKm || a.isolationMinutes != b.isolationMinutes;
        m_showFlows->setEnabled(!m_session->dataset().flows.empty());
        m_showCooperations->setEnabled(!m_session->dataset().cooperations.empty());
        m_showFlows->setToolTip(m_session->dataset().flows.empty()
                                    ? tr("The dataset has no flow table")
                                    : tr("Observed flows aggregated to bassins de vie"));
    }
    m_apply->setEnabled(changed);
}

void MaillagePanel::apply() {
    if (!m_session->hasDataset())
        return;
    model::Parameters params = m_session->parameters();
    params.maillage = editedParameters();
    m_session->setParameters(params);
    updateControlState();
}

void MaillagePanel::scheduleRefresh() {
    // Deferred: the map rebuilds its layers on the same signals; ours go on top afterwards.
    m_refreshLater.schedule();
}

QgsVectorLayer* MaillagePanel::linksLayer() const {
    return findLayerByRole(m_project, role::Links);
}
QgsVectorLayer* MaillagePanel::polesLayer() const {
    return findLayerByRole(m_project, role::Poles);
}
QgsVectorLayer* MaillagePanel::flowsLayer() const {
    return findLayerByRole(m_project, QString::fromLatin1(role::Flows));
}
QgsVectorLayer* MaillagePanel::cooperationsLayer() const {
    return findLayerByRole(m_project, QString::fromLatin1(role::Cooperations));
}

QgsVectorLayer* MaillagePanel::ensureLayer(const char* roleName, const QString& uri, const QString& name,
                                           int position) {
    if (!m_project)
        return nullptr;
    QgsVectorLayer* layer = findLayerByRole(m_project, QString::fromLatin1(roleName));
    if (layer &&
        layer->customProperty(QString::fromLatin1(kOwnerProperty)).toString() == QLatin1String(kOwner)) {
        layer->dataProvider()->truncate();
        return layer;
    }
    if (layer) // someone else's layer with our role: replace it rather than mix its features with ours
        m_project->removeMapLayer(layer->id());
    layer = new QgsVectorLayer(uri, name, QStringLiteral("memory"));
    setLayerRole(layer, QString::fromLatin1(roleName));
    layer->setCustomProperty(QString::fromLatin1(kOwnerProperty), QString::fromLatin1(kOwner));
    m_project->addMapLayer(layer, false);
    QgsLayerTree* root = m_project->layerTreeRoot();
    root->insertLayer(std::clamp(position, 0, static_cast<int>(root->children().size())), layer);
    return layer;
}

void MaillagePanel::removeLayer(const char* roleName) {
    if (!m_project)
        return;
    if (QgsVectorLayer* layer = findLayerByRole(m_project, QString::fromLatin1(roleName)))
        m_project->removeMapLayer(layer->id());
}

void MaillagePanel::refreshNow() {
    m_refreshLater.forget();
    clearHighlight();
    if (!m_session->hasDataset()) {
        removeLayer(role::Links);
        removeLayer(role::Poles);
        removeLayer(role::Flows);
        removeLayer(role::Cooperations);
        m_model->setRows({}, QString());
        m_linkFids.clear();
        m_summary->setText(tr("No dataset open."));
        m_warnings->setVisible(false);
        updateControlState();
        return;
    }
    const analysis::MaillageResult* computed = nullptr;
    try {
        computed = &m_session->maillage();
    } catch (const std::exception& e) { // e.g. parameters out of their domain in a dataset file
        m_model->setRows({}, QString());
        m_linkFids.clear();
        m_summary->setText(tr("The maillage could not be computed."));
        m_warnings->setText(QStringLiteral("<span style=\"color:#A04000\">⚠ %1</span>")
                                .arg(QString::fromUtf8(e.what()).toHtmlEscaped()));
        m_warnings->setVisible(true);
        updateControlState();
        return;
    }
    const analysis::MaillageResult& result = *computed;
    drawLinks(result);
    drawPoles(result);
    drawFlows(m_showFlows->isChecked());
    drawCooperations(m_showCooperations->isChecked());
    updateSummary(result);

    const model::Dataset& ds = m_session->dataset();
    std::vector<LinksTableRow> rows;
    rows.reserve(result.links.size());
    for (int i = 0; i < static_cast<int>(result.links.size()); ++i) {
        const analysis::Link& l = result.links[i];
        rows.push_back({i, panel::bassinName(ds, result.nodes[l.from].bv),
                        panel::bassinName(ds, result.nodes[l.to].bv), l.distance, l.intensity, l.dominant});
    }
    const QString unit = result.distanceUnit == "min" ? tr("min") : tr("km");
    m_model->setRows(std::move(rows), unit);
    // Figures as wide as their contents and titles (not the sort indicator's reserve); names share the rest.
    for (int c = LinksTableModel::Distance; c < LinksTableModel::ColumnCount; ++c)
        m_table->horizontalHeader()->resizeSection(c, panel::fittedWidth(m_table, c));
    updateControlState();
}

void MaillagePanel::drawLinks(const analysis::MaillageResult& result) {
    QgsVectorLayer* layer = ensureLayer(
        role::Links,
        layerUri("LineString", {QStringLiteral("from_bv:string(10)"), QStringLiteral("to_bv:string(10)"),
                                QStringLiteral("from_name:string(100)"),
                                QStringLiteral("to_name:string(100)"), QStringLiteral("distance:double"),
                                QStringLiteral("intensity:double"), QStringLiteral("dominant:integer")}),
        tr("Maillage links"), 0);
    m_linkFids.clear();
    if (!layer)
        return;
    const model::Dataset& ds = m_session->dataset();
    std::vector<Line> lines;
    lines.reserve(result.links.size());
    for (const analysis::Link& l : result.links) {
        const auto& a = result.nodes[l.from];
        const auto& b = result.nodes[l.to];
        lines.push_back({a.position,
                         b.position,
                         {qs(a.bv), qs(b.bv), panel::bassinName(ds, a.bv), panel::bassinName(ds, b.bv),
                          l.distance, l.intensity, l.dominant ? 1 : 0}});
    }
    LineStyle style;
    style.categoryField = QStringLiteral("dominant");
    style.categories = {{1, QColor(0x26, 0x26, 0x26, 200), tr("Dominant link (towards a heavier pôle)")},
                        {0, QColor(0x70, 0x70, 0x70, 120), tr("Other link")}};
    style.widthField = QStringLiteral("intensity");
    style.minWidthMm = 0.25;
    style.maxWidthMm = 2.2;
    // Strong and dominant links on top of weak ones.
    style.orderBy = QStringList{QStringLiteral("dominant"), QStringLiteral("intensity")};
    for (const QgsFeature& f : drawLines(layer, lines, style))
        m_linkFids.push_back(f.id());
}

void MaillagePanel::drawPoles(const analysis::MaillageResult& result) {
    QgsVectorLayer* layer = ensureLayer(
        role::Poles,
        layerUri("Point", {QStringLiteral("bv:string(10)"), QStringLiteral("name:string(100)"),
                           QStringLiteral("type:integer"), QStringLiteral("mass:double"),
                           QStringLiteral("isolated:integer"), QStringLiteral("nearest_peer:double")}),
        tr("Pôles"), 0);
    if (!layer)
        return;
    const model::Dataset& ds = m_session->dataset();
    QgsFeatureList features;
    for (int i = 0; i < static_cast<int>(result.nodes.size()); ++i) {
        const auto& n = result.nodes[i];
        const bool isolated = i < static_cast<int>(result.isolated.size()) && result.isolated[i];
        const double nearest = i < static_cast<int>(result.nearestPeerDistance.size()) &&
                                       std::isfinite(result.nearestPeerDistance[i])
                                   ? result.nearestPeerDistance[i]
                                   : -1.0;
        QgsFeature f(layer->fields());
        f.setGeometry(QgsGeometry::fromPointXY(toPoint(n.position)));
        f.setAttributes(QgsAttributes(QVector<QVariant>{qs(n.bv), panel::bassinName(ds, n.bv),
                                                        static_cast<int>(n.type), n.mass, isolated ? 1 : 0,
                                                        nearest >= 0 ? QVariant(nearest) : QVariant()}));
        features << f;
    }
    layer->dataProvider()->addFeatures(features);
    layer->updateExtents();

    const model::MaillageParameters& p = m_session->parameters().maillage;
    const bool minutes = result.distanceUnit == "min";
    const QString threshold = minutes ? tr("%1 min").arg(number(p.isolationMinutes))
                                      : tr("%1 km").arg(number(p.isolationDistanceKm));
    auto* renderer = new QgsCategorizedSymbolRenderer(
        QStringLiteral("isolated"),
        {QgsRendererCategory(
             1, markerSymbol(QStringLiteral("triangle"), QColor(0x11, 0x11, 0x11), Qt::white, 4.6, 0.5),
             tr("Isolated pôle (no peer within %1)").arg(threshold)),
         QgsRendererCategory(
             0, markerSymbol(QStringLiteral("circle"), QColor(0x26, 0x26, 0x26), Qt::white, 2.4, 0.4),
             tr("Pôle"))});
    renderer->setOrderBy(
        QgsFeatureRequest::OrderBy({QgsFeatureRequest::OrderByClause(QStringLiteral("isolated"), true)}));
    renderer->setOrderByEnabled(true);
    layer->setRenderer(renderer);
    layer->triggerRepaint();
    layer->emitStyleChanged();
}

void MaillagePanel::drawFlows(bool on) {
    if (!on || !m_session->hasDataset() || m_session->dataset().flows.empty()) {
        removeLayer(role::Flows);
        return;
    }
    const model::Dataset& ds = m_session->dataset();
    Warnings warnings;
    const std::vector<analysis::BassinFlow> flows = analysis::aggregateFlows(ds, warnings);
    QgsVectorLayer* layer = ensureLayer(
        role::Flows,
        layerUri("LineString",
                 {QStringLiteral("origin:string(10)"), QStringLiteral("destination:string(10)"),
                  QStringLiteral("origin_name:string(100)"), QStringLiteral("destination_name:string(100)"),
                  QStringLiteral("volume:double")}),
        tr("Observed flows"), treePosition(m_project, linksLayer(), 1));
    if (!layer)
        return;
    std::vector<Line> lines;
    for (const auto& f : flows) {
        const model::Bassin* a = ds.bassin(f.origin);
        const model::Bassin* b = ds.bassin(f.destination);
        if (a && b)
            lines.push_back({a->anchor,
                             b->anchor,
                             {qs(f.origin), qs(f.destination), qs(a->name), qs(b->name), f.volume}});
    }
    LineStyle style;
    style.color = QColor(0xCC, 0x79, 0xA7, 190); // Okabe-Ito reddish purple
    style.widthField = QStringLiteral("volume");
    style.minWidthMm = 0.3;
    style.maxWidthMm = 3.0;
    style.orderBy = QStringList{QStringLiteral("volume")};
    drawLines(layer, lines, style);
}

void MaillagePanel::drawCooperations(bool on) {
    if (!on || !m_session->hasDataset() || m_session->dataset().cooperations.empty()) {
        removeLayer(role::Cooperations);
        return;
    }
    const model::Dataset& ds = m_session->dataset();
    const std::vector<analysis::DeclaredLink> declared =
        analysis::declaredLinks(ds, m_session->poles()).links;
    QgsVectorLayer* layer = ensureLayer(
        role::Cooperations,
        layerUri("LineString",
                 {QStringLiteral("cooperation:string(200)"), QStringLiteral("kind:string(40)"),
                  QStringLiteral("from_bv:string(10)"), QStringLiteral("to_bv:string(10)"),
                  QStringLiteral("from_name:string(100)"), QStringLiteral("to_name:string(100)")}),
        tr("Declared cooperations"), treePosition(m_project, linksLayer(), 1));
    if (!layer)
        return;
    std::vector<Line> lines;
    for (const auto& d : declared) {
        const model::Bassin* a = ds.bassin(d.from);
        const model::Bassin* b = ds.bassin(d.to);
        if (a && b)
            lines.push_back(
                {a->anchor,
                 b->anchor,
                 {qs(d.cooperation), qs(d.kind), qs(d.from), qs(d.to), qs(a->name), qs(b->name)}});
    }
    LineStyle style; // Okabe-Ito bluish green, dashed: declared, not measured
    style.color = QColor(0x00, 0x9E, 0x73);
    style.widthMm = 0.9;
    style.lineStyle = QStringLiteral("dash");
    drawLines(layer, lines, style);
}

void MaillagePanel::updateSummary(const analysis::MaillageResult& result) {
    const model::Dataset& ds = m_session->dataset();
    QStringList isolatedNames;
    for (int i = 0; i < static_cast<int>(result.nodes.size()) && i < static_cast<int>(result.isolated.size());
         ++i)
        if (result.isolated[i])
            isolatedNames << panel::bassinName(ds, result.nodes[i].bv);
    const model::MaillageParameters& p = m_session->parameters().maillage;
    const bool minutes = result.distanceUnit == "min";
    const QString threshold = minutes ? tr("%1 min").arg(number(p.isolationMinutes))
                                      : tr("%1 km").arg(number(p.isolationDistanceKm));
    // "Label: value" rather than plural forms, which English would need a translation file for.
    QString text = QStringLiteral("<b>%1</b>")
                       .arg(tr("Pôles: %1 · links: %2 · isolated: %3")
                                .arg(result.nodes.size())
                                .arg(result.links.size())
                                .arg(isolatedNames.size()));
    if (!isolatedNames.isEmpty()) {
        QStringList shown = isolatedNames.mid(0, 4);
        if (isolatedNames.size() > shown.size())
            shown << tr("and %1 more").arg(isolatedNames.size() - shown.size());
        text +=
            QStringLiteral("<br/>") + tr("Isolated (no peer within %1): %2")
                                          .arg(threshold, shown.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    const int remote = static_cast<int>(result.remoteBassins.size());
    text += QStringLiteral("<br/>") +
            (remote == 0 ? tr("Every bassin de vie has a pôle within %1.").arg(threshold)
                         : tr("Far from any pôle (over %1): %2 bassins de vie, %3 inhabitants.")
                               .arg(threshold)
                               .arg(remote)
                               .arg(number(result.remotePopulation)));
    m_summary->setText(text);
    m_summary->setToolTip(isolatedNames.isEmpty()
                              ? QString()
                              : tr("Isolated pôles: %1").arg(isolatedNames.join(QStringLiteral(", "))));

    QStringList warnings;
    for (const Warning& w : result.warnings)
        warnings << qs(w.message).toHtmlEscaped();
    m_warnings->setVisible(!warnings.isEmpty());
    m_warnings->setText(QStringLiteral("<span style=\"color:#A04000\">⚠ %1</span>")
                            .arg(warnings.join(QStringLiteral("<br/>⚠ "))));
}

void MaillagePanel::showLink(int linkIndex) {
    clearHighlight();
    QgsVectorLayer* layer = linksLayer();
    if (!layer || linkIndex < 0 || linkIndex >= static_cast<int>(m_linkFids.size()))
        return;
    const QgsFeatureId fid = m_linkFids[linkIndex];
    layer->selectByIds({fid});
    if (!m_canvas)
        return;
    QgsFeature feature = layer->getFeature(fid);
    if (!feature.isValid())
        return;
    m_highlight = new QgsHighlight(m_canvas, feature, layer);
    m_highlight->setColor(QColor(0xF0, 0x1E, 0x6E));
    m_highlight->setWidth(3);
    m_highlight->setBuffer(0.6);
    m_highlight->show();
    // Pan to the link; zoom out only when it does not fit in the current view.
    const QgsRectangle box =
        m_canvas->mapSettings().layerExtentToOutputExtent(layer, feature.geometry().boundingBox());
    const QgsRectangle view = m_canvas->extent();
    if (view.width() > 0 && (box.width() > view.width() * 0.9 || box.height() > view.height() * 0.9)) {
        QgsRectangle wider = box;
        wider.scale(1.3);
        m_canvas->setExtent(wider);
    } else {
        m_canvas->setCenter(box.center());
    }
    m_canvas->refresh();
}

} // namespace maillage::ui
