#include "ui/panels/change_panel.h"

#include "core/analysis/change.h"
#include "ui/change_layer.h"
#include "ui/panels/mass_chart.h"
#include "ui/panels/panel_table.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/profession_chooser.h"
#include "ui/panels/result_table_model.h"
#include "ui/panels/table_export.h"
#include "ui/session.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace maillage::ui {

namespace {

//! The years with counts of professionals.
std::vector<int> yearsWithCounts(const model::Dataset& ds) {
    std::vector<int> out;
    for (const analysis::VintageInfo& v : analysis::describeVintages(ds))
        if (v.professionals > 0)
            out.push_back(v.year);
    return out;
}

} // namespace

std::vector<int> changeFromYears(const model::Dataset& dataset, int to) {
    std::vector<int> out;
    for (int year : yearsWithCounts(dataset))
        if (year < to && analysis::sameSource(dataset, year, to)) // sites are not compared with people
            out.push_back(year);
    return out;
}

std::vector<int> changeToYears(const model::Dataset& dataset) {
    std::vector<int> out;
    for (int year : yearsWithCounts(dataset))
        if (!changeFromYears(dataset, year).empty())
            out.push_back(year);
    return out;
}

ChangePanel::ChangePanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, QWidget* parent)
    : DockPanel(session, canvas, project, QStringLiteral("changePanel"), parent) {
    auto* form = new QFormLayout;
    m_from = new QComboBox;
    m_from->setObjectName(QStringLiteral("changeFrom"));
    m_to = new QComboBox;
    m_to->setObjectName(QStringLiteral("changeTo"));
    m_to->setToolTip(tr("Only the years with an earlier year of the same source are offered: the "
                        "practice sites of the BPE are not compared with the people of a register"));
    m_profession = new QComboBox;
    m_profession->setObjectName(QStringLiteral("changeProfession"));
    m_level = new QComboBox;
    m_level->setObjectName(QStringLiteral("changeLevel"));
    m_level->addItem(tr("Bassins de vie"), QStringLiteral("bv"));
    m_level->addItem(tr("Communes"), QStringLiteral("commune"));
    form->addRow(tr("From"), m_from);
    form->addRow(tr("To"), m_to);
    form->addRow(tr("Profession"), m_profession);
    form->addRow(tr("Level"), m_level);
    rootLayout()->addLayout(form);
    m_compute = new QPushButton(tr("Show the change"));
    m_compute->setObjectName(QStringLiteral("changeCompute"));
    rootLayout()->addWidget(m_compute);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("changeSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rootLayout()->addWidget(m_summary);
    m_model = new ResultTableModel(this);
    m_table = panel::tableView(QStringLiteral("changeTable"), panel::sortProxy(m_model, this));
    panel::addExportAction(m_table);
    rootLayout()->addWidget(m_table, 2);
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("changeNote"));
    m_note->setWordWrap(true);
    panel::setMuted(m_note);
    rootLayout()->addWidget(m_note);
    m_chart = new MassChart;
    m_chart->setObjectName(QStringLiteral("massChart"));
    m_chart->setMinimumHeight(240); // the legend lists every pôle under the plot
    rootLayout()->addWidget(m_chart, 1);
    m_layer = new ChangeMapLayer(session, project, this);

    connect(m_to, qOverload<int>(&QComboBox::currentIndexChanged), this, &ChangePanel::fillFrom);
    connect(m_compute, &QPushButton::clicked, this, &ChangePanel::compute);
    connect(session, &Session::datasetChanged, this, &ChangePanel::fillChoices);
    connect(session, &Session::changeReady, this, &ChangePanel::showChange);
    connect(session, &Session::changeFailed, this, &ChangePanel::showFailure);
    connect(session, &Session::changeCleared, this, [this] {
        m_model->setTable({}, Language::Fr);
        m_summary->clear();
        m_chart->setLines({}, {}, 0);
    });
    fillChoices();
}

void ChangePanel::fillChoices() {
    const QSignalBlocker block(m_to);
    m_to->clear();
    if (m_session->hasDataset()) {
        for (int year : changeToYears(m_session->dataset()))
            m_to->addItem(QString::number(year), year);
        panel::fillProfessionChooser(m_profession, m_session->dataset());
    }
    // The newest year of the session's source by default.
    const int current = m_to->findData(m_session->vintage());
    m_to->setCurrentIndex(current >= 0 ? current : m_to->count() - 1);
    fillFrom();
    const bool possible = m_to->count() > 0;
    m_compute->setEnabled(possible);
    m_summary->setText(possible ? QString()
                                : tr("A change needs two years of counts from the same source: this "
                                     "dataset has none."));
}

void ChangePanel::fillFrom() {
    m_from->clear();
    if (!m_session->hasDataset() || m_to->count() == 0)
        return;
    for (int year : changeFromYears(m_session->dataset(), m_to->currentData().toInt()))
        m_from->addItem(QString::number(year), year);
    m_from->setCurrentIndex(0); // the earliest: the longest change
}

std::vector<std::string> ChangePanel::chartBassins() const {
    std::vector<std::string> out;
    const QStringList selected = m_session->selectedBassins();
    for (const analysis::PoleClassification& p : m_session->poles()) {
        const bool pole = p.type != analysis::PoleType::HorsPole;
        const bool large =
            p.type == analysis::PoleType::GrandeMetropole || p.type == analysis::PoleType::GrandPole;
        if (selected.isEmpty() ? large : (pole && selected.contains(panel::qs(p.bv))))
            out.push_back(p.bv);
    }
    return out;
}

void ChangePanel::compute() {
    if (m_from->count() == 0 || m_to->count() == 0)
        return;
    ChangeViewRequest request;
    request.change.from = m_from->currentData().toInt();
    request.change.to = m_to->currentData().toInt();
    request.change.profession = m_profession->currentData().toString().toStdString();
    request.change.level = m_level->currentData().toString() == QLatin1String("commune")
                               ? analysis::ChangeLevel::Commune
                               : analysis::ChangeLevel::Bassin;
    request.chartBassins = chartBassins();
    m_summary->setText(tr("Computing the change…"));
    m_session->requestChange(request);
}

void ChangePanel::showChange() {
    const ChangeView* view = m_session->change();
    if (!view)
        return;
    const bool french = panel::uiIsFrench();
    const Language language = french ? Language::Fr : Language::En;
    m_summary->setText(panel::qs(french ? view->summaryFr : view->summaryEn));
    m_model->setTable(view->table, language);
    m_table->setProperty(panel::kSecrecyThresholdProperty, view->secrecyThreshold);
    QStringList notes;
    for (const Message& note : view->table.notes)
        notes << panel::qs(word(note, language, PathStyle::FileName));
    if (view->secrecyThreshold > 0)
        notes << tr("Statistical secrecy applied: counts under %1 and what gives them back are masked.")
                     .arg(panel::number(view->secrecyThreshold));
    m_note->setText(notes.join(QLatin1Char('\n')));
    std::vector<MassLine> lines;
    for (std::size_t b = 0; b < view->masses.bassins.size(); ++b) {
        const model::Bassin* bassin = m_session->dataset().bassin(view->masses.bassins[b]);
        lines.push_back(
            {bassin ? panel::qs(bassin->name) : panel::qs(view->masses.bassins[b]), view->masses.mass[b]});
    }
    m_chart->setLines(view->masses.vintages, std::move(lines), view->secrecyThreshold);
}

void ChangePanel::showFailure(const QString& message) {
    m_summary->setText(message.isEmpty() ? tr("The change was cancelled.") : message);
}

} // namespace maillage::ui
