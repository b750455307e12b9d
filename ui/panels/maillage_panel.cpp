#include "ui/panels/maillage_panel.h"

#include "core/io/flows.h"
#include "core/model/text.h"
#include "ui/i18n.h"
#include "ui/maillage_layers.h"
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
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

namespace maillage::ui {

using panel::number;
using panel::qs;

namespace {

// Intensities span orders of magnitude: "12 345", "87.5", "0.042", with the decimals of every human output
// of them (the territory sheet, the result tables).
QString formatIntensity(double v) {
    return number(v, text::magnitudeDecimals(v));
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
    : DockPanel(session, canvas, project, QStringLiteral("MaillagePanel"), parent),
      m_layers(new MaillageLayers(project, this)) {
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
    m_showCrossing = new QCheckBox(tr("Disagreements"));
    m_showCrossing->setObjectName(QStringLiteral("showCrossing"));
    m_showCrossing->setToolTip(tr("Strong modelled or observed links with no declared cooperation (red), "
                                  "declared cooperations with no strong link (orange)"));
    sv->addWidget(m_showFlows);
    sv->addWidget(m_showCooperations);
    sv->addWidget(m_showCrossing);
    sv->addStretch(1);
    root->addWidget(showBox);
    root->addWidget(buildFlowFilters());

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
    m_attractionTable = new QTableWidget(0, 4);
    m_attractionTable->setObjectName(QStringLiteral("attractionTable"));
    m_attractionTable->setHorizontalHeaderLabels(
        {tr("Pôle"), tr("Attraction"), tr("Flows captured"), tr("Origins", "bassins sending flows")});
    m_attractionTable->horizontalHeaderItem(1)->setToolTip(
        tr("Share of the flows leaving the bassins that send flows to the pôle which the pôle captures"));
    m_attractionTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attractionTable->verticalHeader()->setVisible(false);
    m_attractionTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_attractionTable->setSortingEnabled(true);
    auto* tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("maillageTabs"));
    tabs->addTab(m_table, tr("Links"));
    tabs->addTab(m_attractionTable, tr("Attraction"));
    tabs->addTab(buildCrossingTab(), tr("Modelled vs declared"));
    root->addWidget(tabs, 1);

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
    connect(m_showFlows, &QCheckBox::toggled, this, &MaillagePanel::refreshFlows);
    connect(m_showCooperations, &QCheckBox::toggled, this, [this](bool on) {
        if (m_session->hasDataset())
            m_layers->showCooperations(m_session->dataset(), m_session->poles(), on);
    });
    connect(m_showCrossing, &QCheckBox::toggled, this, [this](bool on) {
        if (m_session->hasDataset())
            m_layers->showCrossing(m_crossing, m_session->dataset(), on);
    });
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
    for (QWidget* w : std::initializer_list<QWidget*>{
             m_beta, m_distance, m_strongest, m_threshold, m_isolation, m_defaults, m_showFlows,
             m_showCooperations, m_showCrossing, m_flowMinVolume, m_flowMinKm, m_flowMaxKm, m_flowKind})
        w->setEnabled(has);
    bool changed = false;
    if (has) {
        const model::MaillageParameters a = editedParameters(), b = m_session->parameters().maillage;
        changed = a.beta != b.beta || a.distance != b.distance || a.strongestPerPole != b.strongestPerPole ||
                  a.intensityThreshold != b.intensityThreshold ||
                  a.isolationDistanceKm != b.isolationDistanceKm || a.isolationMinutes != b.isolationMinutes;
        m_showFlows->setEnabled(!m_session->dataset().flows.empty());
        for (QWidget* w :
             std::initializer_list<QWidget*>{m_flowMinVolume, m_flowMinKm, m_flowMaxKm, m_flowKind})
            w->setEnabled(!m_session->dataset().flows.empty());
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
    return m_layers->links();
}
QgsVectorLayer* MaillagePanel::polesLayer() const {
    return m_layers->poles();
}
QgsVectorLayer* MaillagePanel::flowsLayer() const {
    return m_layers->flows();
}
QgsVectorLayer* MaillagePanel::cooperationsLayer() const {
    return m_layers->cooperations();
}

void MaillagePanel::refreshNow() {
    m_refreshLater.forget();
    clearHighlight();
    m_linksTableWhenShown->cancel();
    if (!m_session->hasDataset()) {
        m_layers->clear();
        m_model->setRows({}, QString());
        m_attractionTable->setRowCount(0);
        m_crossingTable->setRowCount(0);
        m_crossing = {};
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
        m_summary->setText(tr("The maillage could not be computed."));
        m_warnings->setText(QStringLiteral("<span style=\"color:#A04000\">⚠ %1</span>")
                                .arg(i18n::describe(e).toHtmlEscaped()));
        m_warnings->setVisible(true);
        updateControlState();
        return;
    }
    const analysis::MaillageResult& result = *computed;
    const model::Dataset& ds = m_session->dataset();
    m_layers->showMaillage(result, ds, m_session->parameters().maillage);
    loadFlowKinds();
    refreshFlows();
    m_layers->showCooperations(ds, m_session->poles(), m_showCooperations->isChecked());
    refreshCrossing();
    updateSummary(result);
    // The table of links (a fifth of the main thread's work after a parameter change on the national
    // dataset) waits while the panel is behind another: the map's links above are drawn at once.
    m_linksTableWhenShown->run();
    updateControlState();
}

void MaillagePanel::refreshLinksTable() {
    const analysis::MaillageResult* result = nullptr;
    try {
        result = m_session->hasDataset() ? &m_session->maillage() : nullptr;
    } catch (const std::exception&) { // refreshNow() said why
    }
    if (!result) {
        m_model->setRows({}, QString());
        return;
    }
    const model::Dataset& ds = m_session->dataset();
    std::vector<LinksTableRow> rows;
    rows.reserve(result->links.size());
    for (int i = 0; i < static_cast<int>(result->links.size()); ++i) {
        const analysis::Link& l = result->links[i];
        rows.push_back({i, panel::bassinName(ds, result->nodes[l.from].bv),
                        panel::bassinName(ds, result->nodes[l.to].bv), l.distance, l.intensity, l.dominant});
    }
    const QString unit = result->distanceUnit == "min" ? tr("min") : tr("km");
    m_model->setRows(std::move(rows), unit);
    // Figures as wide as their contents and titles (not the sort indicator's reserve); names share the rest.
    for (int c = LinksTableModel::Distance; c < LinksTableModel::ColumnCount; ++c)
        m_table->horizontalHeader()->resizeSection(c, panel::fittedWidth(m_table, c));
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
    text += QStringLiteral("<br/>") + distanceUnitText(result).toHtmlEscaped();
    m_summary->setText(text);
    m_summary->setToolTip(isolatedNames.isEmpty()
                              ? QString()
                              : tr("Isolated pôles: %1").arg(isolatedNames.join(QStringLiteral(", "))));

    QStringList warnings;
    for (const Warning& w : result.warnings)
        warnings << i18n::describe(w).toHtmlEscaped();
    m_warnings->setVisible(!warnings.isEmpty());
    m_warnings->setText(QStringLiteral("<span style=\"color:#A04000\">⚠ %1</span>")
                            .arg(warnings.join(QStringLiteral("<br/>⚠ "))));
}

void MaillagePanel::showLink(int linkIndex) {
    clearHighlight();
    QgsVectorLayer* layer = linksLayer();
    const QgsFeatureId fid = m_layers->linkFeature(linkIndex);
    if (!layer || fid == FID_NULL)
        return;
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

namespace {

QDoubleSpinBox* filterSpin(const char* name, double max, const QString& suffix, const QString& none) {
    auto* spin = new QDoubleSpinBox;
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(0, max);
    spin->setDecimals(0);
    spin->setSuffix(suffix);
    spin->setSpecialValueText(none);
    return spin;
}

QTableWidgetItem* numberItem(double value, const QString& text) {
    auto* item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, text);
    item->setData(Qt::UserRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

QWidget* MaillagePanel::buildFlowFilters() {
    auto* box = new QGroupBox(tr("Observed flows shown"));
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_flowMinVolume = filterSpin("flowMinVolume", 1e9, QString(), tr("any"));
    m_flowMinVolume->setToolTip(tr("Leave out flows smaller than this (as counted in the file)"));
    form->addRow(tr("At least"), m_flowMinVolume);
    auto* length = new QHBoxLayout;
    m_flowMinKm = filterSpin("flowMinKm", 2000, tr(" km"), tr("0 km"));
    m_flowMaxKm = filterSpin("flowMaxKm", 2000, tr(" km"), tr("no limit"));
    length->addWidget(m_flowMinKm);
    length->addWidget(new QLabel(tr("to")));
    length->addWidget(m_flowMaxKm);
    form->addRow(tr("Length (straight line)"), length);
    m_flowKind = new QComboBox;
    m_flowKind->setObjectName(QStringLiteral("flowKind"));
    form->addRow(tr("Kind"), m_flowKind);
    m_flowCount = new QLabel;
    m_flowCount->setObjectName(QStringLiteral("flowCount"));
    form->addRow(m_flowCount);
    for (QDoubleSpinBox* spin : {m_flowMinVolume, m_flowMinKm, m_flowMaxKm})
        connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &MaillagePanel::refreshFlows);
    connect(m_flowKind, qOverload<int>(&QComboBox::currentIndexChanged), this, &MaillagePanel::refreshFlows);
    return box;
}

QWidget* MaillagePanel::buildCrossingTab() {
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    auto* thresholds = new QHBoxLayout;
    m_crossIntensity = filterSpin("crossIntensity", 1e15, QString(), tr("dominant"));
    m_crossIntensity->setToolTip(
        tr("A modelled link is strong when it is dominant or at least this intense"));
    m_crossVolume = filterSpin("crossVolume", 1e9, QString(), QString());
    m_crossVolume->setToolTip(tr("An observed link is strong from this volume (both directions)…"));
    m_crossShare = new QDoubleSpinBox;
    m_crossShare->setObjectName(QStringLiteral("crossShare"));
    m_crossShare->setRange(0, 100);
    m_crossShare->setDecimals(0);
    m_crossShare->setSuffix(tr(" %"));
    m_crossShare->setToolTip(tr("…and this share of the outgoing flows of one of its bassins"));
    const analysis::CrossingParameters defaults;
    m_crossIntensity->setValue(defaults.minIntensity);
    m_crossVolume->setValue(defaults.minVolume);
    m_crossShare->setValue(defaults.minShare * 100);
    thresholds->addWidget(new QLabel(tr("Strong:")));
    thresholds->addWidget(m_crossIntensity);
    thresholds->addWidget(m_crossVolume);
    thresholds->addWidget(m_crossShare);
    layout->addLayout(thresholds);
    m_crossingSummary = new QLabel;
    m_crossingSummary->setObjectName(QStringLiteral("crossingSummary"));
    m_crossingSummary->setWordWrap(true);
    layout->addWidget(m_crossingSummary);
    m_crossingTable = new QTableWidget(0, 4);
    m_crossingTable->setObjectName(QStringLiteral("crossingTable"));
    m_crossingTable->setHorizontalHeaderLabels({tr("Finding"), tr("From"), tr("To"), tr("Evidence")});
    m_crossingTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_crossingTable->verticalHeader()->setVisible(false);
    m_crossingTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_crossingTable, 1);
    for (QDoubleSpinBox* spin : {m_crossIntensity, m_crossVolume, m_crossShare})
        connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
                &MaillagePanel::refreshCrossing);
    return page;
}

analysis::FlowFilter MaillagePanel::flowFilter() const {
    analysis::FlowFilter f;
    f.minVolume = m_flowMinVolume->value();
    f.minDistanceKm = m_flowMinKm->value();
    f.maxDistanceKm = m_flowMaxKm->value();
    return f;
}

void MaillagePanel::loadFlowKinds() {
    // One kind per dataset today (the metadata "flows.kind"): the choice says what the flows are, and
    // choosing another kind shows none.
    const QSignalBlocker block(m_flowKind);
    const QString current = m_flowKind->currentData().toString();
    m_flowKind->clear();
    m_flowKind->addItem(tr("All kinds"), QString());
    m_flowKind->addItem(tr("Home–work (commuting)"), QStringLiteral("domicile-travail"));
    m_flowKind->addItem(tr("Patients"), QStringLiteral("patients"));
    m_flowKind->addItem(tr("Other"), QStringLiteral("other"));
    m_flowKind->setCurrentIndex(std::max(0, m_flowKind->findData(current)));
}

std::vector<analysis::BassinFlow> MaillagePanel::filteredFlows() const {
    if (!m_session->hasDataset() || m_session->dataset().flows.empty())
        return {};
    const model::Dataset& ds = m_session->dataset();
    const QString kind = m_flowKind->currentData().toString();
    const auto it = ds.meta.extra.find("flows.kind");
    const std::string datasetKind = it == ds.meta.extra.end() ? std::string("other") : it->second;
    if (!kind.isEmpty() && kind.toStdString() != datasetKind)
        return {};
    Warnings warnings; // the import reported them; the panel's summary shows the maillage's
    return analysis::filterFlows(ds, analysis::aggregateFlows(ds, warnings), flowFilter());
}

void MaillagePanel::refreshFlows() {
    if (!m_session->hasDataset())
        return;
    const model::Dataset& ds = m_session->dataset();
    const std::vector<analysis::BassinFlow> flows = filteredFlows();
    m_layers->showFlows(ds, flows, m_showFlows->isChecked());
    Warnings warnings;
    const std::size_t all = ds.flows.empty() ? 0 : analysis::aggregateFlows(ds, warnings).size();
    m_flowCount->setText(ds.flows.empty() ? tr("The dataset has no flow table.")
                                          : tr("%1 of %2 flows between bassins de vie shown")
                                                .arg(QLocale().toString(static_cast<qlonglong>(flows.size())),
                                                     QLocale().toString(static_cast<qlonglong>(all))));
    try {
        refreshAttraction(m_session->maillage(), flows);
    } catch (const std::exception&) { // the summary says why the maillage could not be computed
        m_attractionTable->setRowCount(0);
    }
}

void MaillagePanel::refreshAttraction(const analysis::MaillageResult& result,
                                      const std::vector<analysis::BassinFlow>& flows) {
    const model::Dataset& ds = m_session->dataset();
    const std::vector<analysis::PoleAttraction> attraction = analysis::poleAttraction(result, flows);
    m_attractionTable->setSortingEnabled(false);
    m_attractionTable->setRowCount(static_cast<int>(attraction.size()));
    for (int row = 0; row < static_cast<int>(attraction.size()); ++row) {
        const analysis::PoleAttraction& a = attraction[static_cast<std::size_t>(row)];
        m_attractionTable->setItem(row, 0, new QTableWidgetItem(panel::bassinName(ds, a.bv)));
        m_attractionTable->setItem(row, 1,
                                   numberItem(a.share(), a.originOutflow > 0
                                                             ? QLocale().toString(a.share() * 100, 'f', 1) +
                                                                   QStringLiteral("\u00a0%")
                                                             : QStringLiteral("–")));
        m_attractionTable->setItem(row, 2, numberItem(a.captured, number(a.captured, 0)));
        m_attractionTable->setItem(row, 3, numberItem(a.origins, QString::number(a.origins)));
    }
    m_attractionTable->setSortingEnabled(true);
    m_attractionTable->sortByColumn(1, Qt::DescendingOrder);
}

void MaillagePanel::refreshCrossing() {
    if (!m_session->hasDataset())
        return;
    const model::Dataset& ds = m_session->dataset();
    analysis::CrossingParameters p;
    p.minIntensity = m_crossIntensity->value();
    p.minVolume = m_crossVolume->value();
    p.minShare = m_crossShare->value() / 100.0;
    try {
        Warnings warnings;
        m_crossing = analysis::crossLinks(m_session->maillage(),
                                          ds.flows.empty() ? std::vector<analysis::BassinFlow>{}
                                                           : analysis::aggregateFlows(ds, warnings),
                                          analysis::declaredLinks(ds, m_session->poles()), p);
    } catch (const std::exception& e) {
        m_crossing = {};
        m_crossingSummary->setText(i18n::describe(e));
    }
    m_crossingTable->setRowCount(static_cast<int>(m_crossing.links.size()));
    for (int row = 0; row < static_cast<int>(m_crossing.links.size()); ++row) {
        const analysis::CrossedLink& l = m_crossing.links[static_cast<std::size_t>(row)];
        const bool undeclared = l.finding == analysis::CrossingFinding::Undeclared;
        QStringList evidence;
        if (l.modelled)
            evidence << (l.dominant ? tr("dominant link")
                                    : tr("intensity %1").arg(formatIntensity(l.intensity)));
        if (l.observed)
            evidence << tr("flow %1").arg(number(l.volume, 0));
        if (!undeclared)
            evidence << QString::fromStdString(l.cooperation);
        m_crossingTable->setItem(
            row, 0, new QTableWidgetItem(undeclared ? tr("not declared") : tr("no strong link")));
        m_crossingTable->setItem(row, 1, new QTableWidgetItem(panel::bassinName(ds, l.a)));
        m_crossingTable->setItem(row, 2, new QTableWidgetItem(panel::bassinName(ds, l.b)));
        m_crossingTable->setItem(row, 3, new QTableWidgetItem(evidence.join(QStringLiteral(", "))));
        m_crossingTable->item(row, 0)->setForeground(undeclared ? QColor(0xB0, 0x1E, 0x1E)
                                                                : QColor(0xB3, 0x5C, 0x00));
    }
    m_crossingSummary->setText(tr("Strong links with no declared cooperation: %1 · declared links with no "
                                  "strong link: %2 (%3 declared pairs)")
                                   .arg(m_crossing.undeclared)
                                   .arg(m_crossing.unsupported)
                                   .arg(m_crossing.declaredPairs));
    m_layers->showCrossing(m_crossing, ds, m_showCrossing->isChecked());
}

QString MaillagePanel::distanceUnitText(const analysis::MaillageResult& result) const {
    if (result.distanceUnit != "min")
        return m_session->parameters().maillage.distance == model::DistanceMode::Geodesic
                   ? tr("Distances in km on the ellipsoid.")
                   : tr("Distances in km, straight line (Lambert-93).");
    return tr("Distances in minutes from the travel-time matrix where it covers the pair; elsewhere the "
              "straight line at %1 km/h.")
        .arg(number(m_session->parameters().maillage.fallbackSpeedKmh));
}

QgsVectorLayer* MaillagePanel::crossingLayer() const {
    return m_layers->crossing();
}

} // namespace maillage::ui
