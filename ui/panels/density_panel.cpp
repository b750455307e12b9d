#include "ui/panels/density_panel.h"

#include "ui/i18n.h"
#include "ui/map_layers.h"
#include "ui/panels/density_classes.h"
#include "ui/panels/panel_table.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/profession_chooser.h"
#include "ui/panels/profile_view.h"
#include "ui/panels/qpv_view.h"
#include "ui/panels/sensitivity_zonage.h"
#include "ui/panels/table_export.h"
#include "ui/print/print_tools.h"
#include "ui/session.h"

#include <qgsmapcanvas.h>
#include <qgsproject.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <unordered_map>

namespace maillage::ui {

using panel::number;
using panel::qs;

// The drill-down table: the communes (or zones), then the reference rows, which stay at the bottom
// whatever the sort.
struct DensityTableRow {
    QString code, name;
    double population = 0, count = 0, per10k = 0, inhabitantsPer = 0;
    bool masked = false;
    bool reference = false;
    bool drillable = false; //!< a commune with infra-communal zones
    QString tooltip;        //!< full name of a reference row
};

class DensityTableModel : public panel::PanelTableModel<DensityTableRow> {
public:
    enum Column { Name, Population, Count, Per10k, InhabitantsPer, ColumnCount };
    enum Role {
        CodeRole = panel::KeyRole,
        ReferenceRole = panel::FirstOwnRole,
        FirstReferenceRole,
        OrderRole
    };
    explicit DensityTableModel(QObject* parent) : PanelTableModel(ColumnCount, parent) {}

    void setRows(std::vector<Row> rows, bool zones, double secrecyThreshold) {
        resetRows(std::move(rows), [&] {
            m_zones = zones;
            m_threshold = secrecyThreshold;
        });
    }

protected:
    QVariant cell(const Row& r, int row, int col, int role) const override {
        switch (role) {
        case Qt::DisplayRole:
            switch (col) {
            case Name:
                return r.drillable ? r.name + QStringLiteral("  ›") : r.name;
            case Population:
                return number(r.population);
            case Count:
                return r.masked ? qs(analysis::maskedCountFr(r.count, params())) : number(r.count);
            case Per10k:
                return r.masked ? DensityPanel::tr("secret") : number(r.per10k, 1);
            case InhabitantsPer:
                if (r.masked)
                    return DensityPanel::tr("secret");
                if (r.count <= 0 || r.inhabitantsPer <= 0)
                    return QStringLiteral("—");
                return DensityPanel::tr("1 per %1").arg(number(panel::roundSignificant(r.inhabitantsPer, 3)));
            }
            break;
        case panel::SortRole:
            switch (col) {
            case Name:
                return r.name;
            case Population:
                return r.population;
            case Count: // masked counts sort as one block: their order would give them away
                return r.masked ? -1.0 : r.count;
            case Per10k:
                return r.masked ? -1.0 : r.per10k;
            case InhabitantsPer:
                return r.masked || r.count <= 0 ? 1e300 : r.inhabitantsPer;
            }
            break;
        case panel::MaskedRole:
            return r.masked && col != Name && col != Population;
        case Qt::FontRole:
            if (r.reference) {
                QFont f;
                f.setBold(true);
                return f;
            }
            break;
        case Qt::BackgroundRole:
            if (r.reference)
                return QColor(0, 0, 0, 14);
            break;
        case Qt::ForegroundRole:
            if (r.masked && col != Name && col != Population)
                return QColor(0x6B, 0x6B, 0x6B);
            break;
        case Qt::TextAlignmentRole:
            if (col != Name)
                return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            break;
        case Qt::ToolTipRole:
            if (r.masked && col != Name && col != Population)
                return DensityPanel::tr("Fewer than %1 professionals: masked (statistical secrecy)")
                    .arg(number(m_threshold));
            if (col == InhabitantsPer && r.count > 0 && r.inhabitantsPer > 0)
                return DensityPanel::tr("One professional for %1 inhabitants")
                    .arg(number(panel::roundSignificant(r.inhabitantsPer, 3)));
            if (col == Name && r.drillable)
                return DensityPanel::tr("Double-click to see the quartiers of %1").arg(r.name);
            if (col == Name)
                return r.tooltip.isEmpty() ? r.name : r.tooltip;
            break;
        case CodeRole:
            return r.code;
        case ReferenceRole:
            return r.reference;
        case FirstReferenceRole:
            return r.reference && (row == 0 || !rows()[row - 1].reference);
        case OrderRole:
            return row;
        default:
            break;
        }
        return {};
    }
    QVariant title(int section) const override {
        switch (section) {
        case Name:
            return m_zones ? DensityPanel::tr("Quartier") : DensityPanel::tr("Commune");
        case Population:
            return DensityPanel::tr("Pop.");
        case Count:
            return DensityPanel::tr("Prof.");
        case Per10k:
            return DensityPanel::tr("Density");
        case InhabitantsPer:
            return DensityPanel::tr("Ratio");
        }
        return {};
    }
    QVariant titleToolTip(int section) const override {
        switch (section) {
        case Population:
            return DensityPanel::tr("Population");
        case Count:
            return DensityPanel::tr("Professionals");
        case Per10k:
            return DensityPanel::tr("Density: professionals per 10,000 inhabitants");
        case InhabitantsPer:
            return DensityPanel::tr("Ratio: one professional for so many inhabitants");
        }
        return {};
    }

private:
    model::DensityParameters params() const {
        model::DensityParameters p;
        p.secrecyThreshold = m_threshold;
        return p;
    }
    bool m_zones = false;
    double m_threshold = 5;
};

namespace {

// A rule above the first reference row.
class SeparatorDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyledItemDelegate::paint(painter, option, index);
        if (index.data(DensityTableModel::FirstReferenceRole).toBool()) {
            painter->save();
            painter->setPen(QPen(option.palette.color(QPalette::WindowText), 1));
            painter->drawLine(option.rect.topLeft(), option.rect.topRight());
            painter->restore();
        }
    }
};

DensityTableRow toRow(const analysis::DensityRow& d, const model::DensityParameters& params, bool reference,
                      const QString& label, const QString& tooltip = QString()) {
    DensityTableRow r;
    r.tooltip = tooltip;
    r.code = qs(d.code);
    r.name = label.isEmpty() ? qs(d.name.empty() ? d.code : d.name) : label;
    r.population = d.population;
    r.count = d.count;
    r.per10k = d.per10k;
    r.inhabitantsPer = d.inhabitantsPerProfessional;
    r.masked = analysis::isMasked(d.count, params);
    r.reference = reference;
    return r;
}

QString rowName(const analysis::DensityRow& d) {
    return qs(d.name.empty() ? d.code : d.name);
}

} // namespace

DensityPanel::DensityPanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, QWidget* parent)
    : DockPanel(session, canvas, project, QStringLiteral("DensityPanel"), parent) {
    auto* root = rootLayout();

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_profession = new QComboBox;
    m_profession->setObjectName(QStringLiteral("profession"));
    m_profession->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_profession->setMinimumContentsLength(14);
    m_profession->setMaxVisibleItems(20);
    form->addRow(tr("Profession"), m_profession);
    m_vintage = new QComboBox;
    m_vintage->setObjectName(QStringLiteral("vintage"));
    m_vintage->setToolTip(tr("Year of the counts of professionals (also used for the pôles)"));
    form->addRow(tr("Year"), m_vintage);
    form->addRow(tr("Classes"), new DensityClassesChooser(session));
    root->addLayout(form);

    auto* mapRow = new QHBoxLayout;
    m_accessibility = new QCheckBox(tr("Accessibility (APL)"));
    m_accessibility->setObjectName(QStringLiteral("accessibility"));
    m_accessibility->setToolTip(tr("Colour the communes by the professionals within reach, shared with the "
                                   "population that also reaches them (two-step floating catchment), "
                                   "rather than by the professionals located in the commune"));
    m_reset = new QPushButton(tr("Reset map colouring"));
    m_reset->setObjectName(QStringLiteral("resetColouring"));
    m_reset->setEnabled(false);
    mapRow->addWidget(m_accessibility);
    mapRow->addStretch(1);
    mapRow->addWidget(m_reset);
    root->addLayout(mapRow);
    m_mapLegendNote = new QLabel;
    m_mapLegendNote->setObjectName(QStringLiteral("mapNote"));
    m_mapLegendNote->setWordWrap(true);
    panel::setMuted(m_mapLegendNote);
    m_mapLegendNote->setText(tr("Choose a profession to colour the communes by density."));
    root->addWidget(m_mapLegendNote);
    // Accessibility as values and the zonage simulator, while the map shows accessibility.
    m_zonageBox = new QGroupBox(tr("Accessibility and zonage"));
    m_zonageBox->setObjectName(QStringLiteral("zonageBox"));
    auto* zonageLayout = new QVBoxLayout(m_zonageBox);
    m_zonage = new ZonageView(m_session);
    m_zonage->setObjectName(QStringLiteral("zonageView"));
    zonageLayout->addWidget(m_zonage);
    m_zonageBox->setVisible(false);
    root->addWidget(m_zonageBox, 1);
    // Shown with a zonage, whoever asked for the accessibility map (this panel or the command line).
    connect(m_session, &Session::zonageChanged, m_zonageBox,
            [this] { m_zonageBox->setVisible(m_session->zonage() != nullptr); });
    // The quartiers prioritaires, when the dataset has some (ui/panels/qpv_view.h).
    auto* qpvBox = new QGroupBox(tr("Quartiers prioritaires (QPV)"));
    qpvBox->setObjectName(QStringLiteral("qpvBox"));
    auto* qpvLayout = new QVBoxLayout(qpvBox);
    qpvLayout->addWidget(new QpvView(m_session));
    qpvBox->setVisible(m_session->hasDataset() && !m_session->dataset().qpvs.empty());
    root->addWidget(qpvBox, 1);
    connect(m_session, &Session::datasetChanged, qpvBox,
            [this, qpvBox] { qpvBox->setVisible(!m_session->dataset().qpvs.empty()); });
    // Who the professionals are, from a register (ui/panels/profile_view.h).
    auto* profileBox = new QGroupBox(tr("Who the professionals are"));
    profileBox->setObjectName(QStringLiteral("profileBox"));
    auto* profileLayout = new QVBoxLayout(profileBox);
    profileLayout->addWidget(new ProfileView(m_session));
    root->addWidget(profileBox, 1);

    auto* crumbRow = new QHBoxLayout;
    m_back = new QToolButton;
    m_back->setObjectName(QStringLiteral("back"));
    m_back->setText(tr("‹ Back"));
    m_back->setToolTip(tr("Back to the communes of the bassin de vie"));
    m_back->setAutoRaise(true);
    m_back->setVisible(false);
    m_breadcrumb = new QLabel;
    m_breadcrumb->setObjectName(QStringLiteral("breadcrumb"));
    m_breadcrumb->setWordWrap(true);
    m_breadcrumb->setTextFormat(Qt::RichText);
    crumbRow->addWidget(m_back);
    crumbRow->addWidget(m_breadcrumb, 1);
    root->addLayout(crumbRow);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("densityStatus"));
    m_status->setWordWrap(true);
    m_status->setVisible(false);
    root->addWidget(m_status);

    m_model = new DensityTableModel(this);
    m_proxy = panel::sortProxy(m_model, this);
    m_table = panel::tableView(QStringLiteral("densityTable"), m_proxy);
    m_table->sortByColumn(DensityTableModel::Population, Qt::DescendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(DensityTableModel::Name, QHeaderView::Stretch);
    root->addWidget(m_table, 1);

    // The references (BV, département, région, whole territory) stay in sight below the communes,
    // in columns aligned with theirs.
    m_refModel = new DensityTableModel(this);
    m_refTable = new QTableView;
    m_refTable->setObjectName(QStringLiteral("densityReferences"));
    m_refTable->setModel(m_refModel);
    m_refTable->setItemDelegate(new SeparatorDelegate(m_refTable));
    m_refTable->horizontalHeader()->hide();
    m_refTable->verticalHeader()->hide();
    m_refTable->verticalHeader()->setDefaultSectionSize(m_table->verticalHeader()->defaultSectionSize());
    m_refTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_refTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_refTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_refTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_refTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_refTable->setFocusPolicy(Qt::NoFocus);
    m_refTable->setWordWrap(false);
    m_refTable->setTextElideMode(Qt::ElideRight);
    m_refTable->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    root->addWidget(m_refTable);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this](int section, int, int size) { m_refTable->setColumnWidth(section, size); });
    connect(m_table->horizontalScrollBar(), &QScrollBar::valueChanged, m_refTable->horizontalScrollBar(),
            &QScrollBar::setValue);

    m_caption = new QLabel;
    m_caption->setObjectName(QStringLiteral("densityCaption"));
    m_caption->setWordWrap(true);
    panel::setMuted(m_caption);
    QFont small = m_caption->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    m_caption->setFont(small);
    root->addWidget(m_caption);

    connect(m_profession, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { chooseProfession(m_profession->itemData(index).toString()); });
    connect(m_vintage, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        const int v = m_vintage->itemData(index).toInt();
        if (v != m_session->vintage())
            m_session->setVintage(v);
        scheduleRefresh();
    });
    connect(m_accessibility, &QCheckBox::toggled, this, [this] {
        m_colouring = true;
        scheduleRefresh();
    });
    connect(m_reset, &QPushButton::clicked, this, &DensityPanel::resetMapColouring);
    connect(m_back, &QToolButton::clicked, this, &DensityPanel::goBack);
    connect(m_table, &QTableView::doubleClicked, this, &DensityPanel::onDoubleClicked);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DensityPanel::onRowSelected);

    connect(m_session, &Session::datasetChanged, this, &DensityPanel::onDatasetChanged);
    connect(m_session, &Session::densityMapReady, this, &DensityPanel::onDensityMapReady);
    connect(m_session, &Session::densityClassesChanged, this, [this] { // the note names the classes
        if (const DensityMap* map = m_session->shownDensityMap())
            onDensityMapReady(map->request);
    });
    connect(
        m_session, &Session::densityMapFailed, this, [this](const DensityMapRequest&, const QString& error) {
            m_mapLegendNote->setText(error.isEmpty() ? tr("The colouring of the map was cancelled.")
                                                     : tr("The map could not be coloured: %1").arg(error));
        });
    connect(m_session, &Session::classificationChanged, this, [this] {
        syncCombos();
        scheduleRefresh();
    });
    connect(m_session, &Session::professionChanged, this, [this] {
        syncCombos();
        scheduleRefresh();
    });
    connect(m_session, &Session::bassinSelectionChanged, this, [this](const QStringList& codes) {
        if (codes.isEmpty())
            return; // keep the last table: clicking into the void should not wipe it
        if (codes.first() != m_bassin || !m_commune.isEmpty())
            showBassin(codes.first());
    });
    connect(m_session, &Session::communeSelected, this, [this](const QString& code) {
        if (code.isEmpty() || !m_session->hasDataset())
            return;
        const model::Commune* c = m_session->dataset().commune(code.toStdString());
        if (!c)
            return;
        if (!showCommune(code)) {
            if (qs(c->bv) != m_bassin || !m_commune.isEmpty())
                showBassin(qs(c->bv));
            for (int row = 0; row < m_proxy->rowCount(); ++row)
                if (m_proxy->index(row, 0).data(DensityTableModel::CodeRole).toString() == code) {
                    m_table->selectRow(row);
                    m_table->scrollTo(m_proxy->index(row, 0));
                    break;
                }
        }
    });

    onDatasetChanged();
}

DensityPanel::~DensityPanel() = default;

QString DensityPanel::densityField() {
    return QString::fromLatin1(MapLayers::kDensityField);
}
QString DensityPanel::accessibilityField() {
    return QString::fromLatin1(MapLayers::kAccessibilityField);
}

void DensityPanel::onDatasetChanged() {
    m_colouring = false;
    m_reset->setEnabled(false);
    m_commune.clear();
    m_bassin.clear();
    m_communesWithZones.clear();
    if (m_session->hasDataset())
        for (const auto& z : m_session->dataset().zones)
            m_communesWithZones.insert(z.commune);
    fillProfessionCombo();
    fillVintageCombo();
    const bool has = m_session->hasDataset();
    for (QWidget* w : std::initializer_list<QWidget*>{m_profession, m_vintage, m_accessibility})
        w->setEnabled(has);
    m_mapLegendNote->setText(tr("Choose a profession to colour the communes by density."));
    if (has && !m_session->selectedBassins().isEmpty())
        m_bassin = m_session->selectedBassins().first();
    refresh();
}

void DensityPanel::fillProfessionCombo() {
    const QSignalBlocker block(m_profession);
    if (!m_session->hasDataset()) {
        m_profession->clear();
        m_profession->addItem(tr("All professions"), QString());
        return;
    }
    panel::fillProfessionChooser(m_profession, m_session->dataset());
    syncCombos();
}

void DensityPanel::fillVintageCombo() {
    const QSignalBlocker block(m_vintage);
    m_vintage->clear();
    if (!m_session->hasDataset())
        return;
    for (int v : m_session->dataset().meta.vintages)
        m_vintage->addItem(QString::number(v), v);
    syncCombos();
}

void DensityPanel::syncCombos() {
    if (!m_session->hasDataset())
        return;
    const QSignalBlocker b1(m_profession), b2(m_vintage);
    const int p = m_profession->findData(m_session->profession());
    m_profession->setCurrentIndex(std::max(0, p));
    const int v = m_vintage->findData(m_session->vintage());
    if (v >= 0)
        m_vintage->setCurrentIndex(v);
}

void DensityPanel::chooseProfession(const QString& code) {
    m_colouring = true;
    if (m_session->profession() != code)
        m_session->setProfession(code);
    syncCombos();
    scheduleRefresh();
}

void DensityPanel::scheduleRefresh() {
    m_refreshLater.schedule();
}

void DensityPanel::refresh() {
    refreshTable();
    if (m_colouring)
        colourMap();
}

void DensityPanel::showBassin(const QString& bv) {
    m_bassin = bv;
    m_commune.clear();
    refreshTable();
}

bool DensityPanel::hasZones(const std::string& commune) const {
    return m_communesWithZones.count(commune) > 0;
}

bool DensityPanel::showCommune(const QString& commune) {
    if (!m_session->hasDataset() || !hasZones(commune.toStdString()))
        return false;
    const model::Commune* c = m_session->dataset().commune(commune.toStdString());
    if (!c)
        return false;
    m_bassin = qs(c->bv);
    m_commune = commune;
    refreshTable();
    return true;
}

void DensityPanel::goBack() {
    m_commune.clear();
    refreshTable();
}

void DensityPanel::onRowSelected() {
    // Quartiers have no feature on the map: only a commune row selects something there.
    if (!m_commune.isEmpty() || !m_session->hasDataset())
        return;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    m_session->selectCommune(rows.first().data(DensityTableModel::CodeRole).toString());
}

void DensityPanel::onDoubleClicked(const QModelIndex& index) {
    if (!index.isValid() || !m_commune.isEmpty() || index.data(DensityTableModel::ReferenceRole).toBool())
        return;
    const QString code = index.data(DensityTableModel::CodeRole).toString();
    if (!showCommune(code)) {
        m_status->setText(
            tr("No quartiers are loaded for %1.").arg(index.sibling(index.row(), 0).data().toString()));
        m_status->setVisible(true);
        QTimer::singleShot(4000, m_status, [s = m_status] { s->setVisible(false); });
    }
}

void DensityPanel::refreshTable() {
    m_status->setVisible(false);
    m_drill = analysis::DensityDrillDown{};
    const bool has = m_session->hasDataset();
    m_back->setVisible(has && !m_commune.isEmpty());
    if (!has || m_bassin.isEmpty()) {
        m_model->setRows({}, false, 5);
        m_refModel->setRows({}, false, 5);
        fitColumns();
        m_breadcrumb->setText(has ? tr("Select a bassin de vie on the map or in the Pôles panel.")
                                  : tr("No dataset open."));
        panel::setMuted(m_breadcrumb);
        updateCaption();
        return;
    }
    const model::Dataset& ds = m_session->dataset();
    const model::DensityParameters& params = m_session->parameters().density;
    const std::string profession = m_session->profession().toStdString();
    const int vintage = m_session->vintage();
    const bool zones = !m_commune.isEmpty();
    try {
        m_drill = zones ? analysis::densityForCommune(ds, m_commune.toStdString(), profession, vintage)
                        : analysis::densityForBassin(ds, m_bassin.toStdString(), profession, vintage);
    } catch (const std::exception& e) {
        m_model->setRows({}, zones, params.secrecyThreshold);
        m_refModel->setRows({}, zones, params.secrecyThreshold);
        fitColumns();
        m_breadcrumb->setText(tr("The densities could not be computed: %1").arg(i18n::describe(e)));
        return;
    }

    std::vector<DensityTableRow> rows;
    rows.reserve(m_drill.rows.size());
    for (const auto& d : m_drill.rows) {
        auto r = toRow(d, params, false, QString());
        r.drillable = !zones && hasZones(d.code);
        rows.push_back(std::move(r));
    }
    // Short labels keep the figures in sight at dock width; the full names are in the tooltips.
    std::vector<DensityTableRow> references;
    if (zones)
        references.push_back(toRow(m_drill.parent, params, true, tr("Commune"),
                                   tr("Commune: %1").arg(rowName(m_drill.parent))));
    references.push_back(
        toRow(m_drill.bassin, params, true, tr("BV"), tr("Bassin de vie: %1").arg(rowName(m_drill.bassin))));
    references.push_back(toRow(m_drill.departement, params, true, tr("Dép.", "département, abbreviated"),
                               tr("Département: %1").arg(rowName(m_drill.departement))));
    references.push_back(
        toRow(m_drill.region, params, true, tr("Région"), tr("Région: %1").arg(rowName(m_drill.region))));
    references.push_back(toRow(m_drill.dataset, params, true, tr("Total", "the whole territory"),
                               tr("Whole territory: %1").arg(rowName(m_drill.dataset))));
    m_model->setRows(std::move(rows), zones, params.secrecyThreshold);
    m_table->setProperty(panel::kSecrecyThresholdProperty, params.secrecyThreshold); // said by its exports
    m_refModel->setRows(std::move(references), zones, params.secrecyThreshold);
    fitColumns();

    const QString bvName = panel::bassinName(ds, m_bassin.toStdString());
    QString crumb;
    if (zones) {
        const model::Commune* c = ds.commune(m_commune.toStdString());
        crumb = QStringLiteral("%1 › <b>%2</b>")
                    .arg(bvName.toHtmlEscaped(), (c ? qs(c->name) : m_commune).toHtmlEscaped());
    } else {
        crumb = QStringLiteral("<b>%1</b> · %2")
                    .arg(bvName.toHtmlEscaped(), tr("communes: %1").arg(m_drill.rows.size()).toHtmlEscaped());
        const int others = m_session->selectedBassins().size() - 1;
        if (others > 0 && m_session->selectedBassins().contains(m_bassin))
            crumb +=
                QStringLiteral(" <i>(%1)</i>").arg(tr("other BVs selected: %1").arg(others).toHtmlEscaped());
    }
    panel::setMuted(m_breadcrumb, false);
    m_breadcrumb->setText(crumb);
    updateCaption();
}

void DensityPanel::fitColumns() {
    // Figures take what they need (references included: their totals are the widest), names the rest.
    auto* header = m_table->horizontalHeader();
    const QAbstractItemView* refTable = m_refTable;
    for (int c = DensityTableModel::Population; c < DensityTableModel::ColumnCount; ++c) {
        const int width = std::max(panel::fittedWidth(m_table, c), refTable->sizeHintForColumn(c));
        header->resizeSection(c, width);
        m_refTable->setColumnWidth(c, width);
    }
    m_refTable->setColumnWidth(DensityTableModel::Name, header->sectionSize(DensityTableModel::Name));
    const int rows = m_refModel->rowCount();
    m_refTable->setVisible(rows > 0);
    m_refTable->setFixedHeight(rows * m_refTable->verticalHeader()->defaultSectionSize() +
                               2 * m_refTable->frameWidth());
}

QString DensityPanel::sourceTitle(const std::string& source, int vintage) {
    QString s = qs(source).trimmed();
    static const QRegularExpression file(QStringLiteral("^\\S+\\.[A-Za-z0-9]{2,7}$"));
    if (file.match(s).hasMatch())
        return QString();
    // "PRODUCER, TITLE YEARS": the title first, with the year shown only, the producer after it.
    QString producer;
    const int comma = s.indexOf(QStringLiteral(", "));
    if (comma > 0 && !s.left(comma).contains(QLatin1Char(' '))) {
        producer = s.left(comma);
        s = s.mid(comma + 2);
    }
    static const QRegularExpression years(QStringLiteral("^(.*\\S)\\s+(\\d{4}(?:,\\s*\\d{4})+)$"));
    if (const QRegularExpressionMatch m = years.match(s); m.hasMatch()) {
        const QStringList list = m.captured(2).split(QRegularExpression(QStringLiteral(",\\s*")));
        if (list.contains(QString::number(vintage)))
            s = m.captured(1) + QLatin1Char(' ') + QString::number(vintage);
    }
    return producer.isEmpty() ? s : tr("%1 (%2)").arg(s, producer);
}

void DensityPanel::updateCaption() {
    if (!m_session->hasDataset()) {
        m_caption->clear();
        return;
    }
    const model::Dataset& ds = m_session->dataset();
    QStringList parts;
    parts << tr("Counts under %1 are masked (statistical secrecy), as are the figures derived from them.")
                 .arg(number(m_session->parameters().density.secrecyThreshold));
    QString profession = tr("all professions");
    if (const model::Profession* p = ds.catalogue.find(m_session->profession().toStdString()))
        profession = panel::professionLabel(*p);
    if (!profession.isEmpty())
        profession[0] = profession[0].toUpper(); // starts a sentence
    parts << tr("%1, %2.").arg(profession).arg(m_session->vintage());
    QStringList sources, recorded;
    for (const std::string& s : ds.meta.sources) {
        recorded << qs(s);
        const QString title = sourceTitle(s, m_session->vintage());
        if (!title.isEmpty() && !sources.contains(title))
            sources << title;
    }
    if (!sources.isEmpty())
        parts << tr("Sources: %1.").arg(sources.join(QStringLiteral("; ")));
    // The sources as recorded, file names included, for whoever needs to find them.
    m_caption->setToolTip(
        recorded.isEmpty()
            ? QString()
            : tr("Sources recorded in the dataset:\n%1").arg(recorded.join(QLatin1Char('\n'))));
    if (print::needsFictionalNote(ds, sources))
        parts << tr("Fictional data.");
    m_caption->setText(parts.join(QLatin1Char(' ')));
}

void DensityPanel::colourMap() {
    if (!m_session->hasDataset())
        return;
    DensityMapRequest request;
    request.profession = m_session->profession();
    request.vintage = m_session->vintage();
    request.accessibility = m_accessibility->isChecked();
    m_reset->setEnabled(true);
    // The Session computes (in the background) and caches; the map's owner colours the communes.
    m_session->requestDensityMap(request);
}

void DensityPanel::onDensityMapReady(const DensityMapRequest& request) {
    // The map may have been coloured from elsewhere (--density --accessibility, the map's own menu): the
    // checkbox says what the map shows, without asking for it again.
    if (m_accessibility->isChecked() != request.accessibility) {
        const QSignalBlocker blocker(m_accessibility);
        m_accessibility->setChecked(request.accessibility);
    }
    m_colouring = true;
    m_reset->setEnabled(true);
    m_mapLegendNote->setText(
        tr("Map: %1.")
            .arg(MapLayers::densityTitle(m_session->dataset(), request, m_session->densityClasses())));
}

void DensityPanel::resetMapColouring() {
    m_colouring = false;
    m_reset->setEnabled(false);
    m_mapLegendNote->setText(tr("Choose a profession to colour the communes by density."));
    m_session->clearDensityMap();
}

} // namespace maillage::ui
