#include "ui/panels/maillage_panel.h"

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

// Intensities span orders of magnitude: "12 345", "87.5", "0.042".
QString formatIntensity(double v) {
    if (v >= 100)
        return number(v, 0);
    if (v >= 1)
        return number(v, 1);
    return QLocale().toString(v, 'g', 2);
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
    connect(m_showFlows, &QCheckBox::toggled, this, [this](bool on) {
        if (m_session->hasDataset())
            m_layers->showFlows(m_session->dataset(), on);
    });
    connect(m_showCooperations, &QCheckBox::toggled, this, [this](bool on) {
        if (m_session->hasDataset())
            m_layers->showCooperations(m_session->dataset(), m_session->poles(), on);
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
    if (!m_session->hasDataset()) {
        m_layers->clear();
        m_model->setRows({}, QString());
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
    m_layers->showFlows(ds, m_showFlows->isChecked());
    m_layers->showCooperations(ds, m_session->poles(), m_showCooperations->isChecked());
    updateSummary(result);

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

} // namespace maillage::ui
