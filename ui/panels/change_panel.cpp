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

int s_yearScans = 0; // scans of a dataset's years (test hook: once per dataset)

//! The years with counts of professionals.
std::vector<int> yearsWithCounts(const model::Dataset& ds) {
    std::vector<int> out;
    ++s_yearScans;
    for (const analysis::VintageInfo& v : analysis::describeVintages(ds))
        if (v.professionals > 0)
            out.push_back(v.year);
    return out;
}

} // namespace

ChangeYears changeYears(const model::Dataset& dataset) {
    const std::vector<int> years = yearsWithCounts(dataset); // one scan of the counts
    ChangeYears out;
    for (int to : years)
        for (int from : years)
            if (from < to && analysis::sameSource(dataset, from, to)) // sites are not compared with people
                out[to].push_back(from);
    return out;
}

Message withProfessionLabels(Message message, const model::ProfessionCatalogue& catalogue) {
    for (MessageArg& a : message.args) {
        if (a.name != "professions" || a.kind != MessageArg::Kind::List)
            continue;
        for (std::string& item : a.items)
            if (const model::Profession* p = catalogue.find(item))
                item = panel::professionLabel(*p).toStdString();
        a.quoted = false; // words, not codes
    }
    return message;
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
    m_chartCaption = new QLabel;
    m_chartCaption->setObjectName(QStringLiteral("massChartCaption"));
    m_chartCaption->setWordWrap(true);
    panel::setMuted(m_chartCaption);
    rootLayout()->addWidget(m_chartCaption);
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
        m_chartCaption->clear();
    });
    fillChoices();
}

int ChangePanel::yearScans() {
    return s_yearScans;
}

void ChangePanel::fillChoices() {
    const QSignalBlocker block(m_to);
    m_to->clear();
    m_years = m_session->hasDataset() ? changeYears(m_session->dataset()) : ChangeYears();
    if (m_session->hasDataset()) {
        for (const auto& [year, froms] : m_years)
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
    const auto years = m_years.find(m_to->currentData().toInt());
    if (years == m_years.end())
        return;
    for (int year : years->second)
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
    // Every header readable (the last one was cut); the places by name, as the user looks for them (the
    // codes sorted them by département first).
    m_table->resizeColumnsToContents();
    m_table->sortByColumn(view->table.column("name"), Qt::AscendingOrder);
    QStringList notes;
    for (const Message& note : view->table.notes)
        notes << panel::qs(
            word(withProfessionLabels(note, m_session->dataset().catalogue), language, PathStyle::FileName));
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
    m_chartCaption->setText(massChartCaption(m_session->parameters().poles.massScale));
}

QString ChangePanel::massChartCaption(double massScale) {
    const QString counted = tr("Professionals of all professions counted in each pôle, per year, as the "
                               "source counts them.");
    if (massScale == 1.0)
        return counted;
    // BPE counts practice sites: the pôle thresholds are scaled, the chart's counts are not.
    return counted + QLatin1Char(' ') +
           tr("These are not the masses compared with the pôle thresholds: for these data the thresholds "
              "are multiplied by %1.")
               .arg(panel::number(massScale, 2));
}

void ChangePanel::showFailure(const QString& message) {
    m_summary->setText(message.isEmpty() ? tr("The change was cancelled.") : message);
}

} // namespace maillage::ui
