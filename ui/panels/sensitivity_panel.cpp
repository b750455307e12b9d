#include "ui/panels/sensitivity_panel.h"

#include "core/analysis/margins.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/pole_palette.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace maillage::ui {

using panel::qs;

struct SensitivityRow {
    double value = 0;
    QString code, name;
    int from = 0, to = 0;
};

class SensitivityTableModel : public panel::PanelTableModel<SensitivityRow> {
public:
    enum Column { Value, Name, From, To, ColumnCount };
    explicit SensitivityTableModel(QObject* parent) : PanelTableModel(ColumnCount, parent) {}
    void setRows(std::vector<Row> rows, bool share) {
        resetRows(std::move(rows), [&] { m_share = share; });
    }

protected:
    QVariant cell(const Row& r, int, int col, int role) const override {
        if (role == panel::KeyRole)
            return r.code;
        if (role == panel::SortRole)
            return col == Value  ? QVariant(r.value)
                   : col == Name ? QVariant(r.name)
                                 : QVariant(col == From ? r.from : r.to);
        if (role == Qt::DecorationRole && (col == From || col == To))
            return poleTypeColor(col == From ? r.from : r.to);
        if (role == Qt::TextAlignmentRole && col == Value)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole && (col == From || col == To))
            return panel::poleTypeLabel(col == From ? r.from : r.to);
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return {};
        switch (col) {
        case Value:
            return m_share ? panel::percent(r.value, 1) : QLocale().toString(r.value, 'g', 6);
        case Name:
            return r.name;
        case From: // short labels ("Pi", "GP"): the full one in the tooltip, both columns in sight
            return qs(analysis::poleTypeShort(static_cast<analysis::PoleType>(r.from)));
        case To:
            return qs(analysis::poleTypeShort(static_cast<analysis::PoleType>(r.to)));
        }
        return {};
    }
    QVariant title(int section) const override {
        switch (section) {
        case Value:
            return SensitivityPanel::tr("Value");
        case Name:
            return SensitivityPanel::tr("Bassin de vie");
        case From:
            return SensitivityPanel::tr("Type now");
        case To:
            return SensitivityPanel::tr("Type then");
        }
        return {};
    }

private:
    bool m_share = false;
};

SensitivityPanel::SensitivityPanel(Session* session, QWidget* parent) : QWidget(parent), m_session(session) {
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(0, 6, 0, 0);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_key = new QComboBox;
    m_key->setObjectName(QStringLiteral("sensitivityKey"));
    m_key->setToolTip(tr("The threshold of the typology to move (or the mass scale)"));
    form->addRow(tr("Threshold"), m_key);
    auto* range = new QHBoxLayout;
    m_percent = new QDoubleSpinBox;
    m_percent->setObjectName(QStringLiteral("sensitivityPercent"));
    m_percent->setRange(1, 90);
    m_percent->setValue(10);
    m_percent->setDecimals(0);
    m_percent->setPrefix(QStringLiteral("± "));
    m_percent->setSuffix(panel::uiIsFrench() ? QStringLiteral("\u00a0%") : QStringLiteral("%"));
    m_steps = new QSpinBox;
    m_steps->setObjectName(QStringLiteral("sensitivitySteps"));
    m_steps->setRange(1, 10);
    m_steps->setValue(5);
    m_steps->setToolTip(tr("Values tried below and above the threshold's own value"));
    range->addWidget(m_percent, 1);
    range->addWidget(new QLabel(tr("in")));
    range->addWidget(m_steps);
    range->addWidget(new QLabel(tr("steps each side")));
    form->addRow(tr("Range"), range);
    root->addLayout(form);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("sensitivitySummary"));
    m_summary->setWordWrap(true);
    root->addWidget(m_summary);
    m_model = new SensitivityTableModel(this);
    m_table = panel::tableView(QStringLiteral("sensitivityTable"), panel::sortProxy(m_model, this));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    root->addWidget(m_table, 1);

    connect(m_key, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { m_requestLater.schedule(); });
    connect(m_percent, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
            [this] { m_requestLater.schedule(); });
    connect(m_steps, qOverload<int>(&QSpinBox::valueChanged), this, [this] { m_requestLater.schedule(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SensitivityPanel::onRowSelected);
    connect(m_session, &Session::datasetChanged, this, &SensitivityPanel::fillKeys);
    connect(m_session, &Session::sensitivityReady, this, &SensitivityPanel::showResult);
    connect(m_session, &Session::sensitivityFailed, this, [this](const QString& error) {
        m_summary->setText(error.isEmpty() ? tr("The computation was cancelled.") : error);
    });
    // New parameters or counts: the same question asked again of the new classification.
    connect(m_session, &Session::sensitivityCleared, this, [this] {
        if (m_asked)
            m_requestLater.schedule();
    });
    fillKeys();
}

SensitivityPanel::~SensitivityPanel() = default;

void SensitivityPanel::fillKeys() {
    const QString previous = m_key->currentText();
    const QSignalBlocker block(m_key);
    m_key->clear();
    if (m_session->hasDataset())
        m_key->addItems(m_session->sensitivityKeys());
    const int i = m_key->findText(previous.isEmpty() ? QStringLiteral("poles.grand_pole_min") : previous);
    m_key->setCurrentIndex(std::max(0, i));
    m_model->setRows({}, false);
    m_summary->setText(tr("Choose a threshold and a range: the bassins de vie that change type are listed "
                          "here and outlined on the map."));
    if (m_asked)
        m_requestLater.schedule();
}

void SensitivityPanel::setRequest(const QString& key, double percent, int steps) {
    {
        const QSignalBlocker b1(m_key), b2(m_percent), b3(m_steps);
        m_key->setCurrentIndex(m_key->findText(key));
        m_percent->setValue(percent);
        m_steps->setValue(steps);
    }
    request();
}

void SensitivityPanel::request() {
    m_requestLater.forget();
    if (!m_session->hasDataset() || m_key->currentText().isEmpty())
        return;
    m_asked = true;
    m_summary->setText(tr("Computing…"));
    m_session->requestSensitivity({m_key->currentText(), m_percent->value(), m_steps->value()});
}

void SensitivityPanel::showResult() {
    const analysis::Sensitivity* s = m_session->sensitivity();
    if (!s)
        return;
    const model::Dataset& ds = m_session->dataset();
    std::vector<SensitivityRow> rows;
    std::set<std::string> changed;
    for (const analysis::SensitivityStep& step : s->steps)
        for (const analysis::MarginTypeChange& c : step.changes) {
            rows.push_back({step.value, qs(c.bv), panel::bassinName(ds, c.bv), static_cast<int>(c.from),
                            static_cast<int>(c.to)});
            changed.insert(c.bv);
        }
    const bool share = s->key.find("share") != std::string::npos;
    m_model->setRows(std::move(rows), share);
    const analysis::Language language = panel::uiIsFrench() ? analysis::Language::Fr : analysis::Language::En;
    QStringList steps;
    for (std::size_t i = 0; i < s->steps.size(); ++i)
        steps << qs(analysis::describeSensitivityStep(*s, i, language));
    m_summary->setText(
        tr("%n bassins de vie change type within the range.", nullptr, static_cast<int>(changed.size())));
    m_summary->setToolTip(steps.join(QLatin1Char('\n')));
}

void SensitivityPanel::onRowSelected() {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString code = rows.first().data(panel::KeyRole).toString();
    m_session->selectBassins({code});
    m_session->requestZoomTo(FeatureKind::Bassin, code);
}

QStringList SensitivityPanel::listedBassins() const {
    QStringList codes;
    for (const SensitivityRow& r : m_model->rows())
        codes << r.code;
    return codes;
}

} // namespace maillage::ui
