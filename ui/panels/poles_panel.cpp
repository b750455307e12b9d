#include "ui/panels/poles_panel.h"

#include "core/analysis/change.h"
#include "core/analysis/crunch.h"
#include "core/analysis/margins.h"
#include "core/analysis/poles.h"
#include "core/analysis/result_tables.h"
#include "core/analysis/secrecy.h"
#include "ui/panels/panel_table.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/pole_palette.h"
#include "ui/panels/rank_size_chart.h"
#include "ui/panels/result_table_model.h"
#include "ui/panels/sensitivity_panel.h"
#include "ui/panels/table_export.h"
#include "ui/session.h"
#include "ui/tasks.h"

#include <QAbstractTextDocumentLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QFontMetricsF>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <functional>
#include <set>
#include <tuple>

namespace maillage::ui {

using panel::number;
using panel::percent;
using panel::qs;

// The pôles table: one row per BV of the dataset.
// The figures are the cells of the command line's classification table (analysis::classificationTable):
// masked as it masks them, shown as it words them ("< 5").
struct PolesTableRow {
    QString code, name;
    int type = 0;
    io::Cell total, poleShare, psyShare;
    QString totalText, poleShareText, psyShareText;
    QString reason;
    QString margins; //!< how far from each threshold that matters (analysis::describeMargins)
    QString psyNote; //!< why the psychiatric share is absent ("—"): the data count no psychiatric nurse
};

class PolesTableModel : public panel::PanelTableModel<PolesTableRow> {
public:
    enum Column { Name, Type, Professionals, PoleShare, PsyShare, Reason, Margins, ColumnCount };
    enum Role { CodeRole = panel::KeyRole, TypeRole = panel::FirstOwnRole };

    explicit PolesTableModel(QObject* parent) : PanelTableModel(ColumnCount, parent) {}

    void setRows(std::vector<Row> rows) { resetRows(std::move(rows)); }
    int rowOf(const QString& code) const {
        for (int i = 0; i < static_cast<int>(rows().size()); ++i)
            if (rows()[i].code == code)
                return i;
        return -1;
    }

protected:
    QVariant cell(const Row& r, int, int col, int role) const override {
        switch (role) {
        case Qt::DisplayRole:
            switch (col) {
            case Name:
                return r.name;
            case Type:
                return qs(analysis::poleTypeShort(static_cast<analysis::PoleType>(r.type)));
            case Professionals:
                return r.totalText;
            case PoleShare:
                return r.poleShareText;
            case PsyShare:
                return r.psyShareText;
            case Reason:
                return r.reason;
            case Margins:
                return r.margins;
            }
            break;
        case panel::SortRole:
            switch (col) {
            case Name:
                return r.name;
            case Type:
                return r.type == 0 ? 99 : r.type; // hors pôle after the pôles
            case Professionals:
                return ResultTableModel::sortKey(r.total, io::ColumnType::Real);
            case PoleShare:
                return ResultTableModel::sortKey(r.poleShare, io::ColumnType::Percent);
            case PsyShare:
                return ResultTableModel::sortKey(r.psyShare, io::ColumnType::Percent);
            case Reason:
                return r.reason;
            case Margins:
                return r.margins;
            }
            break;
        case Qt::DecorationRole:
            if (col == Type)
                return poleTypeColor(r.type);
            break;
        case Qt::ToolTipRole:
            if (col == Name)
                return PolesPanel::tr("%1 (BV %2)\n%3").arg(r.name, r.code, r.reason);
            if (col == Type)
                return panel::poleTypeLabel(r.type) + QLatin1Char('\n') + r.reason;
            if (col == Margins)
                return r.margins;
            if (col == PsyShare && !r.psyNote.isEmpty())
                return r.psyNote;
            return r.reason;
        case Qt::TextAlignmentRole:
            if (col == Professionals || col == PoleShare || col == PsyShare)
                return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            break;
        case panel::MaskedRole:
            return (col == Professionals && r.total.masked) || (col == PoleShare && r.poleShare.masked) ||
                   (col == PsyShare && r.psyShare.masked);
        case TypeRole:
            return QString::number(r.type);
        case CodeRole:
            return r.code;
        default:
            break;
        }
        return {};
    }

    QVariant title(int section) const override {
        switch (section) {
        case Name:
            return PolesPanel::tr("Bassin de vie");
        case Type:
            return PolesPanel::tr("Type");
        case Professionals:
            return PolesPanel::tr("Prof.");
        case PoleShare:
            return PolesPanel::tr("Pôle %");
        case PsyShare:
            return PolesPanel::tr("Psy %");
        case Reason:
            return PolesPanel::tr("Reason");
        case Margins:
            return PolesPanel::tr("Margins");
        }
        return {};
    }
    QVariant titleToolTip(int section) const override {
        switch (section) {
        case Professionals:
            return PolesPanel::tr("Health professionals in the bassin de vie");
        case PoleShare:
            return PolesPanel::tr("Share of the professions de pôle (psychiatric nurses included)");
        case PsyShare:
            return PolesPanel::tr("Share of psychiatric nurses");
        case Reason:
            return PolesPanel::tr("Why the bassin de vie has this type");
        case Margins:
            return PolesPanel::tr("How many professionals it lacks for the type above, and how many it can "
                                  "lose and keep its type");
        }
        return {};
    }
};

namespace {

QLabel* valueLabel(const QString& objectName) {
    auto* l = new QLabel(QStringLiteral("—"));
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QLabel* swatch(int type) {
    auto* l = new QLabel;
    l->setFixedSize(12, 12);
    const QColor c = poleTypeColor(type);
    l->setStyleSheet(QStringLiteral("background:%1;border:1px solid #555;").arg(c.name()));
    return l;
}

} // namespace

QString PolesPanel::marginsText(const analysis::PoleClassification& pole, const analysis::SecrecyRule& rule) {
    // A margin is a threshold minus a count: it gives a masked count back (DOMAIN.md §7).
    if (analysis::maskClassification(pole.total, pole.pole, pole.psy, rule).any())
        return tr("not shown: counts below %1 are masked").arg(number(rule.threshold));
    return qs(analysis::describeMargins(
        analysis::marginsOf(pole), panel::uiIsFrench() ? analysis::Language::Fr : analysis::Language::En));
}

PolesPanel::PolesPanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, QWidget* parent)
    : DockPanel(session, canvas, project, QStringLiteral("PolesPanel"), parent) {
    auto* root = rootLayout();
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    root->addWidget(m_tabs);

    // --- Pôles tab
    auto* polesTab = new QWidget;
    auto* pv = new QVBoxLayout(polesTab);
    pv->setContentsMargins(0, 6, 0, 0);
    auto* top = new QHBoxLayout;
    m_polesOnly = new QCheckBox(tr("Pôles only"));
    m_polesOnly->setObjectName(QStringLiteral("polesOnly"));
    m_polesOnly->setChecked(true);
    m_polesOnly->setToolTip(tr("Uncheck to list every bassin de vie, pôle or not"));
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("polesCount"));
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    top->addWidget(m_polesOnly);
    top->addStretch(1);
    top->addWidget(m_count);
    pv->addLayout(top);

    m_model = new PolesTableModel(this);
    m_proxy = panel::sortProxy(m_model, this);
    m_proxy->setFilterRole(PolesTableModel::TypeRole);
    m_proxy->setFilterKeyColumn(0);
    m_proxy->setFilterRegularExpression(QRegularExpression(QStringLiteral("^[1-4]$")));

    m_table = panel::tableView(QStringLiteral("polesTable"), m_proxy);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // The columns are fitted to the rows in sight and those around them, 100 in all, rather than Qt's
    // 1,000: laying out the reasons and margins of 1,000 rows was a third of the main thread's instructions
    // (callgrind) after a pôle-threshold change on the national dataset, 3-7 ms of its 61 (issue 10).
    m_table->horizontalHeader()->setResizeContentsPrecision(kFittedRows);
    m_table->sortByColumn(PolesTableModel::Professionals, Qt::DescendingOrder);
    pv->addWidget(m_table, 1);

    m_details = new QLabel;
    m_details->setObjectName(QStringLiteral("poleDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setFrameShape(QFrame::StyledPanel);
    m_details->setMargin(6);
    m_details->setMinimumHeight(m_details->fontMetrics().height() * 4);
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    pv->addWidget(m_details);
    m_tabs->addTab(polesTab, tr("Pôles"));
    // The table behind another tab or dock waits until it is shown (issue 10: 111M instructions of the
    // main thread after "grands pôles from 2,500" on the national dataset).
    m_tableWhenShown = new panel::WhenShown(polesTab, [this] { reloadTable(m_rowsInBackground); });

    // --- Crunch tab
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget;
    auto* cv = new QVBoxLayout(content);
    cv->setContentsMargins(0, 6, 4, 6);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_scope = new QComboBox;
    m_scope->setObjectName(QStringLiteral("crunchScope"));
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scope->setMinimumContentsLength(12);
    form->addRow(tr("Territory"), m_scope);
    m_compareRow = new QWidget;
    auto* ch = new QHBoxLayout(m_compareRow);
    ch->setContentsMargins(0, 0, 0, 0);
    m_from = new QComboBox;
    m_from->setObjectName(QStringLiteral("crunchFrom"));
    m_to = new QComboBox;
    m_to->setObjectName(QStringLiteral("crunchTo"));
    ch->addWidget(m_from, 1);
    ch->addWidget(new QLabel(QStringLiteral("→")));
    ch->addWidget(m_to, 1);
    form->addRow(tr("Years"), m_compareRow);
    cv->addLayout(form);
    m_scopeNote = new QLabel;
    m_scopeNote->setObjectName(QStringLiteral("crunchScopeNote"));
    m_scopeNote->setWordWrap(true);
    panel::setMuted(m_scopeNote);
    cv->addWidget(m_scopeNote);
    m_vintageHint = new QLabel;
    m_vintageHint->setObjectName(QStringLiteral("crunchVintageHint"));
    m_vintageHint->setWordWrap(true);
    m_vintageHint->setVisible(false);
    panel::setMuted(m_vintageHint);
    cv->addWidget(m_vintageHint);

    auto* diagBox = new QGroupBox(tr("Diagnosis"));
    auto* dv = new QVBoxLayout(diagBox);
    m_diagnosis = new QTextEdit;
    m_diagnosis->setObjectName(QStringLiteral("crunchDiagnosis"));
    m_diagnosis->setReadOnly(true);
    m_diagnosis->setAcceptRichText(false);
    m_diagnosis->setFrameShape(QFrame::NoFrame);
    m_diagnosis->viewport()->setAutoFillBackground(false);
    m_diagnosis->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_diagnosis->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_diagnosis->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_diagnosis->document()->setDocumentMargin(2);
    // The whole paragraph, never a scrollbar: the box grows with its text.
    connect(m_diagnosis->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
            this, [this](const QSizeF& size) {
                m_diagnosis->setFixedHeight(std::max(2 * m_diagnosis->fontMetrics().lineSpacing(),
                                                     static_cast<int>(std::ceil(size.height())) + 4));
            });
    // Issue 11: the sentences to read aloud first; the analysts' paragraph folded under them.
    m_brief = new QLabel;
    m_brief->setObjectName(QStringLiteral("crunchBrief"));
    m_brief->setWordWrap(true);
    m_brief->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont briefFont = m_brief->font();
    briefFont.setPointSizeF(briefFont.pointSizeF() * 1.15);
    m_brief->setFont(briefFont);
    dv->addWidget(m_brief);
    auto* detailToggle = new QToolButton;
    detailToggle->setObjectName(QStringLiteral("crunchDetailToggle"));
    detailToggle->setText(tr("Detail for analysts"));
    detailToggle->setToolTip(
        tr("The whole diagnosis with its technical figures: the Herfindahl index (how concentrated the "
           "professionals are, from 0 to 1) and the correlation between each bassin's change and its "
           "distance to the main pôle (from −1 to +1)"));
    detailToggle->setCheckable(true);
    detailToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    detailToggle->setArrowType(Qt::RightArrow);
    detailToggle->setAutoRaise(true);
    dv->addWidget(detailToggle);
    m_diagnosis->setVisible(false);
    connect(detailToggle, &QToolButton::toggled, this, [this, detailToggle](bool open) {
        detailToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_diagnosis->setVisible(open);
    });
    dv->addWidget(m_diagnosis);
    cv->addWidget(diagBox);

    auto* typeBox = new QGroupBox(tr("Pôles per type"));
    typeBox->setObjectName(QStringLiteral("crunchTypes"));
    auto* grid = new QGridLayout(typeBox);
    grid->setHorizontalSpacing(8);
    auto* hHere = new QLabel(tr("Here"));
    auto* hAvg = new QLabel(tr("Avg. per région"));
    hAvg->setObjectName(QStringLiteral("crunchAverageHeader"));
    hHere->setAlignment(Qt::AlignRight);
    hAvg->setAlignment(Qt::AlignRight);
    QFont bold = font();
    bold.setBold(true);
    hHere->setFont(bold);
    hAvg->setFont(bold);
    grid->addWidget(hHere, 0, 2);
    grid->addWidget(hAvg, 0, 3);
    for (int type = 1; type <= 4; ++type) {
        grid->addWidget(swatch(type), type, 0);
        auto* name = new QLabel(panel::poleTypeLabel(type));
        name->setWordWrap(true);
        grid->addWidget(name, type, 1);
        m_typeCount[type] = valueLabel(QStringLiteral("crunchCount%1").arg(type));
        m_typeAverage[type] = valueLabel(QStringLiteral("crunchAverage%1").arg(type));
        m_typeCount[type]->setAlignment(Qt::AlignRight);
        m_typeAverage[type]->setAlignment(Qt::AlignRight);
        grid->addWidget(m_typeCount[type], type, 2);
        grid->addWidget(m_typeAverage[type], type, 3);
    }
    grid->setColumnStretch(1, 1);
    cv->addWidget(typeBox);

    auto* concBox = new QGroupBox(tr("Concentration"));
    auto* cf = new QFormLayout(concBox);
    cf->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_first = valueLabel(QStringLiteral("crunchFirst"));
    m_second = valueLabel(QStringLiteral("crunchSecond"));
    m_primacy = valueLabel(QStringLiteral("crunchPrimacy"));
    m_firstShare = valueLabel(QStringLiteral("crunchFirstShare"));
    m_herfindahl = valueLabel(QStringLiteral("crunchHerfindahl"));
    cf->addRow(tr("1st pôle"), m_first);
    cf->addRow(tr("2nd pôle"), m_second);
    auto* primacyLabel = new QLabel(tr("Primacy"));
    primacyLabel->setToolTip(tr("Professionals of the 1st pôle divided by those of the 2nd; "
                                "above 10 the system is macrocephalic"));
    cf->addRow(primacyLabel, m_primacy);
    auto* shareLabel = new QLabel(tr("In the 1st pôle"));
    shareLabel->setToolTip(tr("Share of the territory's professionals working in its 1st pôle"));
    cf->addRow(shareLabel, m_firstShare);
    auto* hLabel = new QLabel(tr("Herfindahl"));
    hLabel->setToolTip(tr("Sum of the squared shares of the bassins de vie (0 to 1; higher = more "
                          "concentrated), and the number of equally large pôles it amounts to"));
    cf->addRow(hLabel, m_herfindahl);
    cv->addWidget(concBox);

    m_evolutionBox = new QGroupBox(tr("Change"));
    m_evolutionBox->setObjectName(QStringLiteral("crunchEvolution"));
    auto* ef = new QFormLayout(m_evolutionBox);
    ef->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_poleChange = valueLabel(QStringLiteral("crunchPoleChange"));
    m_nonPoleChange = valueLabel(QStringLiteral("crunchNonPoleChange"));
    m_drain = valueLabel(QStringLiteral("crunchDrain"));
    m_atRisk = valueLabel(QStringLiteral("crunchAtRisk"));
    ef->addRow(tr("Pôles"), m_poleChange);
    ef->addRow(tr("Elsewhere"), m_nonPoleChange);
    auto* drainLabel = new QLabel(tr("Drain"));
    drainLabel->setToolTip(tr("Correlation between the change of each bassin de vie and its distance to "
                              "the main pôle. Negative: the farther away, the more it loses (the drain "
                              "signature)."));
    ef->addRow(drainLabel, m_drain);
    auto* riskLabel = new QLabel(tr("At risk"));
    riskLabel->setToolTip(
        tr("Small pôles near a large one that lose professionals: at risk of being absorbed"));
    ef->addRow(riskLabel, m_atRisk);
    m_changesModel = new ResultTableModel(this);
    m_changesTable =
        panel::tableView(QStringLiteral("crunchChanges"), panel::sortProxy(m_changesModel, this));
    m_changesTable->setMinimumHeight(m_changesTable->verticalHeader()->defaultSectionSize() * 8);
    ef->addRow(m_changesTable);
    cv->addWidget(m_evolutionBox);
    m_earlyWarningBox = new QGroupBox(tr("Early warning: pôles at risk"));
    m_earlyWarningBox->setObjectName(QStringLiteral("crunchEarlyWarningBox"));
    m_earlyWarningBox->setToolTip(
        tr("Small pôles (types 3 and 4) losing professionals near a large pôle (types 1 and 2): at risk "
           "of being absorbed by it"));
    auto* ewv = new QVBoxLayout(m_earlyWarningBox);
    m_earlyWarningModel = new ResultTableModel(this);
    m_earlyWarningTable =
        panel::tableView(QStringLiteral("crunchEarlyWarning"), panel::sortProxy(m_earlyWarningModel, this));
    m_earlyWarningTable->setMinimumHeight(m_earlyWarningTable->verticalHeader()->defaultSectionSize() * 5);
    panel::addExportAction(m_earlyWarningTable);
    ewv->addWidget(m_earlyWarningTable);
    cv->addWidget(m_earlyWarningBox);
    m_secrecyNote = new QLabel;
    m_secrecyNote->setObjectName(QStringLiteral("crunchSecrecyNote"));
    m_secrecyNote->setWordWrap(true);
    panel::setMuted(m_secrecyNote);
    cv->addWidget(m_secrecyNote);

    auto* chartBox = new QGroupBox(tr("Rank–size"));
    auto* chv = new QVBoxLayout(chartBox);
    m_chart = new RankSizeChart;
    m_chart->setObjectName(QStringLiteral("rankSizeChart"));
    chv->addWidget(m_chart);
    auto* chartNote = new QLabel(tr("Each dot is a pôle. A slope near −1 is a balanced hierarchy; "
                                    "steeper means professionals concentrate in the largest pôles."));
    chartNote->setWordWrap(true);
    panel::setMuted(chartNote);
    chv->addWidget(chartNote);
    cv->addWidget(chartBox);
    cv->addStretch(1);

    scroll->setWidget(content);
    m_tabs->addTab(scroll, tr("Crunch"));
    // The diagnosis behind another tab waits until it is shown (issue 10: 30M instructions of the main
    // thread's 150M after a parameter change on the national dataset, and a background task).
    m_crunchWhenShown = new panel::WhenShown(scroll, [this] { refreshCrunch(); });

    // --- Sensitivity tab
    auto* sensitivity = new SensitivityPanel(m_session);
    sensitivity->setObjectName(QStringLiteral("sensitivityPanel"));
    m_tabs->addTab(sensitivity, tr("Sensitivity"));

    // --- Wiring
    connect(m_polesOnly, &QCheckBox::toggled, this, [this](bool only) {
        m_proxy->setFilterRegularExpression(only ? QRegularExpression(QStringLiteral("^[1-4]$"))
                                                 : QRegularExpression());
        fitColumns();
        onSessionSelection(m_session->selectedBassins());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PolesPanel::onTableSelection);
    connect(m_scope, qOverload<int>(&QComboBox::currentIndexChanged), this, &PolesPanel::scheduleCrunch);
    connect(m_from, qOverload<int>(&QComboBox::currentIndexChanged), this, &PolesPanel::scheduleCrunch);
    connect(m_to, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        fillFromCombo(m_from->currentData().toInt());
        scheduleCrunch();
    });

    connect(m_session, &Session::datasetChanged, this, &PolesPanel::onDatasetChanged);
    connect(m_session, &Session::classificationChanged, this, [this] {
        m_rowsInBackground = true;
        m_tableWhenShown->run();
        // The year of the whole application changed (Densités panel, toolbar): the diagnosis follows it.
        const int i = m_to->findData(m_session->vintage());
        if (m_session->hasDataset() && i >= 0 && i != m_to->currentIndex()) {
            const QSignalBlocker block(m_to);
            m_to->setCurrentIndex(i);
            fillFromCombo(m_from->currentData().toInt());
        }
        scheduleCrunch();
    });
    connect(m_session, &Session::bassinSelectionChanged, this, &PolesPanel::onSessionSelection);
    connect(m_session, &Session::crunchReady, this, [this](const CrunchRequest& request) {
        if (request == m_crunchRequest)
            if (const CrunchResult* result = m_session->crunch(request))
                showCrunch(*result);
    });
    connect(m_session, &Session::crunchFailed, this,
            [this](const CrunchRequest& request, const QString& error) {
                if (request == m_crunchRequest)
                    m_scopeNote->setText(error.isEmpty() ? tr("The diagnosis was cancelled.")
                                                         : tr("The diagnosis failed: %1").arg(error));
            });

    onDatasetChanged();
}

PolesPanel::~PolesPanel() = default;

int PolesPanel::listedRowCount() const {
    return m_proxy->rowCount();
}

QString PolesPanel::listedBassin(int row) const {
    return m_proxy->index(row, 0).data(PolesTableModel::CodeRole).toString();
}

void PolesPanel::onDatasetChanged() {
    fillScopeCombo();
    fillVintageCombos();
    m_rowsInBackground = false; // a new dataset: its table at once
    m_tableWhenShown->run();
    refreshCrunchWhenShown();
}

namespace {

//! The rows of the Pôles tab: the classification table's cells (secrecy applied as on the command line),
//! and the margins, not shown when a count of the BV is masked.
std::vector<PolesTableRow>
polesRows(const model::Dataset& ds, const std::vector<analysis::PoleClassification>& poles,
          const analysis::SecrecyRule& rule,
          const std::function<QString(const analysis::PoleClassification&)>& margins) {
    const Language language = panel::uiIsFrench() ? Language::Fr : Language::En;
    const io::ResultTable t = analysis::classificationTable(ds, poles, rule, language);
    const auto total = static_cast<std::size_t>(t.column("total"));
    const auto poleShare = static_cast<std::size_t>(t.column("pole_share"));
    const auto psyShare = static_cast<std::size_t>(t.column("psy_share"));
    const auto reason = static_cast<std::size_t>(t.column("reason"));
    std::vector<PolesTableRow> rows;
    rows.reserve(poles.size());
    for (std::size_t i = 0; i < poles.size(); ++i) {
        const auto& cells = t.rows[i].cells;
        PolesTableRow r;
        r.code = qs(poles[i].bv);
        r.name = panel::bassinName(ds, poles[i].bv);
        r.type = static_cast<int>(poles[i].type);
        r.total = cells[total];
        r.poleShare = cells[poleShare];
        r.psyShare = cells[psyShare];
        r.totalText = qs(io::formatCell(t, i, total, language));
        r.poleShareText = qs(io::formatCell(t, i, poleShare, language));
        r.psyShareText = qs(io::formatCell(t, i, psyShare, language));
        if (!poles[i].psyCounted) { // absent from the data, not 0: the table's note says why
            r.psyShareText = QStringLiteral("\u2014");
            r.psyNote = qs(word(msg("results.note_psy_not_counted"), language));
        }
        r.reason = qs(cells[reason].text);
        r.margins = margins(poles[i]);
        rows.push_back(std::move(r));
    }
    return rows;
}

//! Width that shows the texts of column `column` of `view` whole, over every row it lists: the widest
//! texts measured in the view's font, plus what the delegate adds around the widest (margins, the type's
//! swatch), as QTableView::sizeHintForColumn gives it. That one asked the delegate for every cell of 100
//! rows: for the name, reason and margins, 59M of the main thread's 149M instructions after "grands pôles
//! from 2,500" on the national dataset (callgrind, issue 10); the delegate for 32 rows a column was still
//! 30M; the texts within a tenth of the longest in characters, measured (shaped) one by one, 27M. Each
//! text's width is now first estimated as the sum of its characters' advances (no shaping: what kerning
//! adds to it is a pixel or two at most), and texts are measured in decreasing estimates until the next
//! estimate cannot exceed the widest measured (32 texts, or 4,096 characters of shorter ones, at most; the
//! next estimate bounds the rest).
int longestTextWidth(const QTableView* view, int column) {
    // Measured at most after the widest estimate: 32 texts, or more if they are short (4,096 characters).
    constexpr int kMeasuredTexts = 32, kMeasuredCharacters = 4096;
    constexpr int kKerning = 2; // px
    const QAbstractItemModel* model = view->model();
    if (model->rowCount() == 0)
        return view->showGrid() ? 1 : 0;
    const QFontMetrics metrics(view->font());
    const QFontMetricsF metricsF(view->font());
    std::array<qreal, 0x180> latin; // advances of the Latin characters, measured once each
    latin.fill(-1);
    QHash<QChar, qreal> others;
    auto advance = [&](QChar c) {
        qreal* known = c.unicode() < latin.size() ? &latin[c.unicode()] : nullptr;
        if (known && *known >= 0)
            return *known;
        if (!known) {
            const auto it = others.constFind(c);
            if (it != others.constEnd())
                return *it;
        }
        const qreal a = metricsF.horizontalAdvance(c);
        if (known)
            *known = a;
        else
            others.insert(c, a);
        return a;
    };
    std::vector<std::tuple<qreal, QString, int>> texts; // estimated width, text, row
    texts.reserve(static_cast<std::size_t>(model->rowCount()));
    for (int r = 0; r < model->rowCount(); ++r) {
        QString text = model->index(r, column).data().toString();
        qreal estimate = 0;
        for (const QChar c : std::as_const(text))
            estimate += advance(c);
        texts.emplace_back(estimate, std::move(text), r);
    }
    std::sort(texts.begin(), texts.end(),
              [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
    const QAbstractItemView* asView = view; // sizeHintForIndex() is public there
    const int widestWidth = metrics.horizontalAdvance(std::get<1>(texts.front()));
    const int around =
        asView->sizeHintForIndex(model->index(std::get<2>(texts.front()), column)).width() - widestWidth;
    int width = widestWidth;
    int measured = 0, characters = 0;
    for (auto it = texts.begin() + 1; it != texts.end() && std::get<0>(*it) + kKerning > width; ++it) {
        characters += static_cast<int>(std::get<1>(*it).size());
        if (++measured > kMeasuredTexts && characters > kMeasuredCharacters) { // the estimate bounds the rest
            width = std::max(width, static_cast<int>(std::ceil(std::get<0>(*it))) + kKerning);
            break;
        }
        width = std::max(width, metrics.horizontalAdvance(std::get<1>(*it)));
    }
    return width + around + (view->showGrid() ? 1 : 0);
}

} // namespace

void PolesPanel::reloadTable(bool background) {
    const bool has = m_session->hasDataset();
    const RowsKey key{has, m_session->classificationRevision(),
                      has ? analysis::SecrecyRule::from(m_session->parameters().density).threshold : 0,
                      panel::uiIsFrench()};
    // The rows (classification table, reasons, margins) were 8 ms of the main thread's 40 after a change
    // of the isolation distance on the national dataset, to find them unchanged (issue 10).
    if (m_rowsKey && *m_rowsKey == key)
        return;
    m_rowsKey = key;
    const long long generation = ++m_rowsGeneration; // a result computed for another key is dropped
    m_rowsComputing = false;
    if (!has) {
        showRows({});
        return;
    }
    const analysis::SecrecyRule rule = analysis::SecrecyRule::from(m_session->parameters().density);
    auto compute = [rule](const model::Dataset& ds, const std::vector<analysis::PoleClassification>& poles) {
        return polesRows(ds, poles, rule,
                         [&rule](const analysis::PoleClassification& p) { return marginsText(p, rule); });
    };
    if (!background) {
        showRows(compute(m_session->dataset(), m_session->poles()));
        return;
    }
    // After a parameter change: the texts of every BV (classification table, reasons, margins: 70M
    // instructions on the national dataset, half the Pôles tab's) computed in a worker, the map and legend
    // meanwhile redrawn; the rows are shown when ready (issue 10).
    m_rowsComputing = true;
    auto rows = std::make_shared<std::vector<PolesTableRow>>();
    std::shared_ptr<const model::Dataset> dataset = m_session->sharedDataset();
    auto poles = std::make_shared<const std::vector<analysis::PoleClassification>>(m_session->poles());
    QPointer<PolesPanel> self(this);
    FunctionTask::start(
        tr("Table of the pôles"),
        [compute, rows, dataset, poles](Feedback&) { *rows = compute(*dataset, *poles); },
        [self, rows, generation](bool ok, const QString&) {
            if (!self || generation != self->m_rowsGeneration)
                return;
            self->m_rowsComputing = false;
            if (ok) {
                self->showRows(std::move(*rows));
            } else { // cancelled (the application closing) or failed: computed here
                self->m_rowsKey.reset();
                self->reloadTable(false);
            }
        });
}

void PolesPanel::showRows(std::vector<PolesTableRow> rows) {
    int poleCount = 0;
    for (const auto& r : rows)
        poleCount += r.type >= 1 && r.type <= 4 ? 1 : 0;
    const int bassinCount = static_cast<int>(rows.size());
    if (m_model->rows().size() != rows.size() || m_model->rows().empty() || [&] {
            for (size_t i = 0; i < rows.size(); ++i)
                if (rows[i].code != m_model->rows()[i].code || rows[i].type != m_model->rows()[i].type ||
                    rows[i].totalText != m_model->rows()[i].totalText ||
                    rows[i].reason != m_model->rows()[i].reason ||
                    rows[i].margins != m_model->rows()[i].margins)
                    return true;
            return false;
        }()) {
        m_model->setRows(std::move(rows));
        fitColumns();
        onSessionSelection(m_session->selectedBassins());
    }
    m_count->setText(m_session->hasDataset() ? tr("Pôles: %1 of %2 BV").arg(poleCount).arg(bassinCount)
                                             : QString());
    m_count->setToolTip(tr("%1 pôles among %2 bassins de vie").arg(poleCount).arg(bassinCount));
}

void PolesPanel::fitColumns() {
    // Figures as wide as they need (not the sort indicator's reserve), the name up to 150 px: type and
    // shares stay in sight at dock width; the reason, last, is also in the details box and tooltips.
    auto* header = m_table->horizontalHeader();
    for (int c = PolesTableModel::Type; c <= PolesTableModel::PsyShare; ++c) {
        const QString title = m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        header->resizeSection(
            c, std::max(longestTextWidth(m_table, c), header->fontMetrics().horizontalAdvance(title) + 14));
    }
    header->resizeSection(PolesTableModel::Name,
                          std::min(longestTextWidth(m_table, PolesTableModel::Name), 150));
    for (int c : {PolesTableModel::Reason, PolesTableModel::Margins})
        header->resizeSection(c, longestTextWidth(m_table, c));
}

void PolesPanel::onTableSelection() {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString code = rows.first().data(PolesTableModel::CodeRole).toString();
    showDetails(code);
    if (m_syncing)
        return;
    m_syncing = true;
    m_session->selectBassins({code});
    m_session->requestZoomTo(FeatureKind::Bassin, code);
    m_syncing = false;
}

void PolesPanel::onSessionSelection(const QStringList& codes) {
    if (m_scope->currentData().toString() == QLatin1String("sel"))
        scheduleCrunch();
    if (m_syncing)
        return;
    m_syncing = true;
    const QString code = codes.isEmpty() ? QString() : codes.first();
    const int sourceRow = code.isEmpty() ? -1 : m_model->rowOf(code);
    const QModelIndex proxyIndex =
        sourceRow >= 0 ? m_proxy->mapFromSource(m_model->index(sourceRow, 0)) : QModelIndex();
    if (proxyIndex.isValid()) {
        m_table->selectionModel()->select(proxyIndex,
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->selectionModel()->setCurrentIndex(proxyIndex, QItemSelectionModel::NoUpdate);
        m_table->scrollTo(proxyIndex);
    } else {
        m_table->selectionModel()->clearSelection();
    }
    showDetails(code);
    m_syncing = false;
}

void PolesPanel::showDetails(const QString& code) {
    const PolesTableRow* row = nullptr;
    const int i = code.isEmpty() ? -1 : m_model->rowOf(code);
    if (i >= 0)
        row = &m_model->rows()[i];
    if (!row) {
        m_details->setText(
            tr("Select a bassin de vie, here or on the map, to see why it is or is not a pôle."));
        panel::setMuted(m_details);
        return;
    }
    panel::setMuted(m_details, false);
    m_details->setText(QStringLiteral("<b>%1</b> — <span style=\"color:%2\">■</span> %3<br/>%4"
                                      "<br/><i>%5</i> %6")
                           .arg(row->name.toHtmlEscaped(), poleTypeColor(row->type).darker(110).name(),
                                panel::poleTypeLabel(row->type).toHtmlEscaped(), row->reason.toHtmlEscaped(),
                                tr("Margins:").toHtmlEscaped(), row->margins.toHtmlEscaped()));
}

void PolesPanel::fillScopeCombo() {
    const QString previous = m_scope->currentData().toString();
    const QSignalBlocker block(m_scope);
    m_scope->clear();
    m_scope->addItem(tr("Whole territory"), QStringLiteral("all"));
    if (m_session->hasDataset()) {
        const model::Dataset& ds = m_session->dataset();
        std::set<std::string> regions;
        for (const auto& b : ds.bassins)
            if (!b.reg.empty())
                regions.insert(b.reg);
        if (regions.size() > 1) {
            for (const auto& reg : regions) {
                const auto it = ds.regionNames.find(reg);
                const QString name =
                    it != ds.regionNames.end() ? qs(it->second) : tr("Région %1").arg(qs(reg));
                m_scope->addItem(name, QStringLiteral("reg:") + qs(reg));
            }
        }
    }
    m_scope->addItem(tr("Selected bassins de vie"), QStringLiteral("sel"));
    const int i = m_scope->findData(previous);
    m_scope->setCurrentIndex(i >= 0 ? i : 0);
}

void PolesPanel::fillVintageCombos() {
    const QSignalBlocker b1(m_from), b2(m_to);
    m_to->clear();
    std::vector<int> vintages;
    if (m_session->hasDataset())
        vintages = m_session->dataset().meta.vintages;
    m_compareRow->setVisible(vintages.size() >= 2);
    for (int v : vintages)
        m_to->addItem(QString::number(v), v);
    const int current = m_session->hasDataset() ? m_session->vintage() : 0;
    m_to->setCurrentIndex(std::max(0, m_to->findData(current)));
    // With two vintages of the same source, show the change from the earliest straight away.
    int earliest = 0;
    for (int v : vintages)
        if (!earliest && v < current && analysis::sameSource(m_session->dataset(), v, current))
            earliest = v;
    fillFromCombo(earliest);
    m_vintageHint->setVisible(vintages.size() == 1);
    if (vintages.size() == 1)
        m_vintageHint->setText(
            tr("Only one year of counts (%1) in this dataset: import the counts of another "
               "year to see the change.")
                .arg(vintages.front()));
}

void PolesPanel::fillFromCombo(int preferred) {
    const QSignalBlocker block(m_from);
    m_from->clear();
    m_from->addItem(tr("No comparison"), 0);
    const int to = m_to->currentData().toInt();
    if (m_session->hasDataset())
        for (int v : m_session->dataset().meta.vintages)
            // A change is read from an earlier year to a later one, of the same source (BPE practice sites
            // are not compared with the people of a register).
            if (v < to && analysis::sameSource(m_session->dataset(), v, to))
                m_from->addItem(QString::number(v), v);
    m_from->setCurrentIndex(std::max(0, m_from->findData(preferred)));
}

QStringList PolesPanel::scopeBassins(bool* isEmptySelection) const {
    if (isEmptySelection)
        *isEmptySelection = false;
    const QString key = m_scope->currentData().toString();
    if (key == QLatin1String("sel")) {
        const QStringList sel = m_session->selectedBassins();
        if (isEmptySelection)
            *isEmptySelection = sel.isEmpty();
        return sel;
    }
    QStringList codes;
    if (key.startsWith(QLatin1String("reg:")) && m_session->hasDataset()) {
        const std::string reg = key.mid(4).toStdString();
        for (const auto& b : m_session->dataset().bassins)
            if (b.reg == reg)
                codes << qs(b.code);
    }
    return codes; // empty = the whole dataset
}

void PolesPanel::scheduleCrunch() {
    m_crunchLater.schedule();
}

void PolesPanel::refreshCrunchWhenShown() {
    m_crunchWhenShown->run();
}

void PolesPanel::refreshCrunch() {
    m_crunch = analysis::CrunchDiagnostics{};
    m_crunchRequest = CrunchRequest{}; // a result still on its way is no longer shown
    auto clear = [this](const QString& note) {
        m_scopeNote->setText(note);
        m_diagnosis->setPlainText(QString());
        for (int t = 1; t <= 4; ++t) {
            m_typeCount[t]->setText(QStringLiteral("—"));
            m_typeAverage[t]->setText(QStringLiteral("—"));
        }
        for (QLabel* l : {m_first, m_second, m_primacy, m_firstShare, m_herfindahl})
            l->setText(QStringLiteral("—"));
        m_evolutionBox->setVisible(false);
        m_changesModel->setTable({}, analysis::Language::En);
        m_secrecyNote->clear();
        m_chart->setPoints({});
    };
    if (!m_session->hasDataset()) {
        clear(tr("No dataset open."));
        return;
    }
    bool emptySelection = false;
    const QStringList codes = scopeBassins(&emptySelection);
    if (emptySelection) {
        clear(tr("Select one or more bassins de vie on the map or in the Pôles tab."));
        return;
    }
    CrunchRequest request;
    request.bassins.reserve(codes.size());
    for (const QString& c : codes)
        request.bassins.push_back(c.toStdString());
    const int to = m_to->count() ? m_to->currentData().toInt() : m_session->vintage();
    if (to <= 0) {
        // No vintage at all: a diagnosis "in 0" would read as a year.
        clear(tr("This dataset holds no count of health professionals: import counts to diagnose it."));
        return;
    }
    const int from = m_from->currentData().toInt();
    request.vintageTo = to;
    request.vintageFrom = from < to ? from : 0;
    m_crunchRequest = request;
    // The Session computes in the background and caches: shown now when cached, on crunchReady() otherwise.
    if (const CrunchResult* result = m_session->crunch(request))
        showCrunch(*result);
    else
        m_scopeNote->setText(tr("Computing the diagnosis…"));
}

namespace {

const io::ResultTable* tableNamed(const std::vector<io::ResultTable>& tables, const char* name) {
    for (const io::ResultTable& t : tables)
        if (t.name == name)
            return &t;
    return nullptr;
}

} // namespace

void PolesPanel::showCrunch(const CrunchResult& result) {
    const model::Dataset& ds = m_session->dataset();
    const analysis::Language language = panel::uiIsFrench() ? analysis::Language::Fr : analysis::Language::En;
    // What the command line publishes (DOMAIN.md §7): the same mask, the same publishable figures, the same
    // tables; the panel only lays them out.
    const analysis::SecrecyRule rule = analysis::SecrecyRule::from(m_session->parameters().density);
    const analysis::CrunchMask mask = analysis::maskCrunch(result.diagnostics, rule);
    m_crunch = analysis::publishableCrunch(result.diagnostics, mask);
    const std::vector<io::ResultTable> tables =
        analysis::crunchTables(ds, result.diagnostics, rule, language);
    const std::vector<std::string>& selection = result.request.bassins;
    const auto& c = m_crunch;
    const int bvCount = static_cast<int>(selection.empty() ? ds.bassins.size() : selection.size());
    const QString masked = qs(analysis::maskedLabel(rule, language));
    m_scopeNote->setText(tr("Bassins de vie: %1 · professionals in %2: %3")
                             .arg(number(bvCount))
                             .arg(result.request.vintageTo)
                             .arg(mask.selectionFigures ? masked : number(c.totalProfessionals)));
    QStringList caption;
    if (const io::ResultTable* diagnosis = tableNamed(tables, "crunch_diagnosis")) {
        m_diagnosis->setPlainText(qs(diagnosis->rows.front().cells.front().text));
        for (const Message& note : diagnosis->notes)
            caption << qs(word(note, language));
    }
    showBriefAndEarlyWarning(result, mask, rule, language);
    caption.prepend(qs(word(analysis::secrecyNote(rule), language)));
    m_secrecyNote->setText(caption.join(QStringLiteral(" · ")));
    showConcentration(c, mask, rule);
    const io::ResultTable* changes = tableNamed(tables, "crunch_changes");
    showEvolution(c, mask, rule, changes != nullptr);
    m_changesModel->setTable(changes ? *changes : io::ResultTable{}, language);
    m_changesTable->setVisible(changes != nullptr);

    const std::set<std::string> inScope(selection.begin(), selection.end());
    std::vector<RankSizePoint> points;
    for (const auto& p : result.classification) {
        if (p.type == analysis::PoleType::HorsPole)
            continue;
        if (!inScope.empty() && !inScope.count(p.bv))
            continue;
        // A masked mass is not drawn: its position on the log scale would give it back.
        if (analysis::isSecret(p.total, rule))
            continue;
        points.push_back({panel::bassinName(ds, p.bv), p.total, static_cast<int>(p.type)});
    }
    m_chart->setPoints(std::move(points));
}

void PolesPanel::showBriefAndEarlyWarning(const CrunchResult& result, const analysis::CrunchMask& mask,
                                          const analysis::SecrecyRule& rule, analysis::Language language) {
    QStringList brief;
    if (mask.diagnosis)
        brief << tr("The diagnosis is withheld: it rests on figures masked by statistical secrecy.");
    else
        for (const std::string& sentence : analysis::describeCrunchBriefly(m_crunch, language))
            brief << qs(sentence);
    m_brief->setText(brief.join(QLatin1Char('\n')));
    const bool compared = result.diagnostics.hasEvolution;
    m_earlyWarningModel->setTable(compared ? analysis::earlyWarningTable(result.diagnostics, rule, language)
                                           : io::ResultTable{},
                                  language);
    m_earlyWarningBox->setVisible(compared);
}

void PolesPanel::showConcentration(const analysis::CrunchDiagnostics& c, const analysis::CrunchMask& mask,
                                   const analysis::SecrecyRule& rule) {
    const model::Dataset& ds = m_session->dataset();
    const QString masked = qs(
        analysis::maskedLabel(rule, panel::uiIsFrench() ? analysis::Language::Fr : analysis::Language::En));
    // The comparison the diagnosis makes (crunchReferenceLabel, as the crunch_types table names it).
    const analysis::Language language = panel::uiIsFrench() ? analysis::Language::Fr : analysis::Language::En;
    // No other unit to compare with (a dataset of one région): no column of dashes.
    const bool reference = analysis::hasReference(c);
    if (auto* header = findChild<QLabel*>(QStringLiteral("crunchAverageHeader"))) {
        header->setText(qs(analysis::crunchReferenceLabel(c, language)));
        header->setVisible(reference);
    }
    const bool share = c.findings.scope == analysis::CrunchScope::Selection;
    for (int t = 1; t <= 4; ++t) {
        m_typeAverage[t]->setVisible(reference);
        m_typeCount[t]->setText(QString::number(c.polesByType[t]));
        m_typeAverage[t]->setText(!analysis::hasReference(c) ? QStringLiteral("—")
                                  : share                    ? percent(c.referenceByType[t], 1)
                                                             : number(c.referenceByType[t], 1));
    }
    const QString prof = tr("prof.", "abbreviation of professionals");
    auto poleText = [&](const std::string& code, double mass, bool massMasked) {
        if (code.empty())
            return QStringLiteral("—");
        return QStringLiteral("%1 (%2 %3)")
            .arg(panel::bassinName(ds, code), massMasked ? masked : number(mass), prof);
    };
    m_first->setText(poleText(c.firstPole, c.firstMass, mask.firstMass));
    m_second->setText(poleText(c.secondPole, c.secondMass, mask.secondMass));
    if (mask.primacy)
        m_primacy->setText(masked);
    else if (c.primacy > 0)
        m_primacy->setText(c.macrocephalic ? tr("%1, macrocephalic").arg(number(c.primacy, 1))
                                           : number(c.primacy, 1));
    else
        m_primacy->setText(tr("— (fewer than two pôles)"));
    if (c.firstPole.empty())
        m_firstShare->setText(QStringLiteral("—"));
    else
        m_firstShare->setText(mask.selectionFigures || mask.firstMass ? masked : percent(c.firstPoleShare));
    if (mask.concentration)
        m_herfindahl->setText(masked);
    else
        m_herfindahl->setText(
            c.herfindahl > 0
                ? tr("%1 ≈ %2 equal pôles").arg(number(c.herfindahl, 3), number(c.equivalentPoles, 1))
                : QStringLiteral("—"));
}

void PolesPanel::showEvolution(const analysis::CrunchDiagnostics& c, const analysis::CrunchMask& mask,
                               const analysis::SecrecyRule& rule, bool compared) {
    // publishableCrunch drops the evolution when its sums are masked: the box still shows, masked.
    m_evolutionBox->setVisible(compared);
    if (!compared)
        return;
    const model::Dataset& ds = m_session->dataset();
    const QString masked = qs(
        analysis::maskedLabel(rule, panel::uiIsFrench() ? analysis::Language::Fr : analysis::Language::En));
    m_evolutionBox->setTitle(tr("Change %1 → %2").arg(c.vintageFrom).arg(c.vintageTo));
    m_poleChange->setText(mask.poleChange ? masked : panel::signedPercent(c.poleChangePercent));
    m_nonPoleChange->setText(mask.nonPoleChange ? masked : panel::signedPercent(c.nonPoleChangePercent));
    m_drain->setText(c.findings.correlationPoints >= 3 ? panel::signedNumber(c.drainCorrelation, 2)
                                                       : QStringLiteral("—"));
    if (mask.drainCorrelation)
        m_drain->setText(
            m_drain->text() + QLatin1Char(' ') +
            tr("(over the %n bassins de vie whose change is shown)", nullptr, c.findings.correlationPoints));
    QStringList names;
    for (const auto& code : c.atRisk)
        names << panel::bassinName(ds, code);
    m_atRisk->setText(names.isEmpty() ? tr("none") : names.join(QStringLiteral(", ")));
}

} // namespace maillage::ui
