#include "ui/add_data_dialog.h"

#include "core/analysis/register_counts.h"
#include "core/analysis/vintages.h"
#include "core/io/gpkg.h"
#include "ui/import_wizard.h"
#include "ui/tasks.h"
#include "ui/wizard_register.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace maillage::ui {

namespace {

QLineEdit* fileEdit(const QString& objectName) {
    auto* edit = new QLineEdit;
    edit->setObjectName(objectName);
    return edit;
}

std::string pathOf(const QLineEdit* edit) {
    return edit->text().trimmed().toStdString();
}

} // namespace

AddDataDialog::AddDataDialog(const model::Dataset& dataset, const QString& path, QWidget* parent)
    : QDialog(parent), m_path(path), m_source(std::make_shared<const model::Dataset>(dataset)) {
    setWindowTitle(tr("Add data to the dataset"));
    setMinimumSize(640, 560);
    m_travelTimes = fileEdit(QStringLiteral("addTravelTimesFile"));
    m_flows = fileEdit(QStringLiteral("addFlowsFile"));
    m_flowKind = new QComboBox;
    m_flowKind->setObjectName(QStringLiteral("addFlowKind"));
    m_flowKind->addItem(tr("Home–work (commuting)"), static_cast<int>(io::FlowKind::Commuting));
    m_flowKind->addItem(tr("Patients"), static_cast<int>(io::FlowKind::Patients));
    m_flowKind->addItem(tr("Other"), static_cast<int>(io::FlowKind::Other));
    m_cooperations = fileEdit(QStringLiteral("addCooperationsFile"));
    m_zones = fileEdit(QStringLiteral("addZonesFile"));
    m_zonePopulation = fileEdit(QStringLiteral("addZonePopulationFile"));
    m_quartiers = fileEdit(QStringLiteral("addQuartiersFile"));
    m_facilities = fileEdit(QStringLiteral("addFacilitiesFile"));
    m_facilitiesYear = new QSpinBox;
    m_facilitiesYear->setObjectName(QStringLiteral("addFacilitiesYear"));
    m_facilitiesYear->setRange(1900, 2100);
    const int year = analysis::defaultVintage(dataset); // the year the window opens on, not a sparse register
    m_facilitiesYear->setValue(year > 0 ? year : 2021);
    m_qpv = fileEdit(QStringLiteral("addQpvFile"));

    auto* form = new QFormLayout;
    form->addRow(tr("Travel times"), fileRow(this, m_travelTimes, tr("Travel-time matrix"), tableFilter()));
    form->addRow(tr("Observed flows"), fileRow(this, m_flows, tr("Observed flows"), tableFilter()));
    form->addRow(tr("Kind of flows"), m_flowKind);
    form->addRow(tr("Cooperations"),
                 fileRow(this, m_cooperations, tr("Declared cooperations"), tableFilter()));
    form->addRow(tr("Zone polygons"), fileRow(this, m_zones, tr("Zone polygons"), vectorFilter()));
    form->addRow(tr("Population per zone"),
                 fileRow(this, m_zonePopulation, tr("Population per zone"), tableFilter()));
    form->addRow(tr("Zones → quartiers"), fileRow(this, m_quartiers, tr("Zones → quartiers"), tableFilter()));
    auto* facilities = new QHBoxLayout;
    facilities->addLayout(fileRow(this, m_facilities, tr("Health facilities (BPE)"), tableFilter()), 1);
    facilities->addWidget(m_facilitiesYear);
    form->addRow(tr("Health facilities (BPE D1xx), year"), facilities);
    form->addRow(tr("Quartiers prioritaires (QPV)"),
                 fileRow(this, m_qpv, tr("QPV polygons"), vectorFilter()));
    m_register = new RegisterInputs;
    connect(m_register, &RegisterInputs::taskStarted, this, &AddDataDialog::taskStarted);
    auto* registerBox = new QGroupBox(tr("Register of professionals"));
    (new QVBoxLayout(registerBox))->addWidget(m_register);

    m_progress = new QProgressBar;
    m_progress->setRange(0, 100);
    m_status = new QLabel(path.isEmpty() ? tr("This dataset has no file (the generated demo): the data are "
                                              "added to the open map only.")
                                         : tr("Each file given replaces the dataset's (travel times, flows, "
                                              "zones, QPV, facilities of its year) or adds to it "
                                              "(cooperations). %1 is rewritten when all are read.")
                                               .arg(QFileInfo(path).fileName()));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("addStatus"));
    m_report = new QTextBrowser;
    m_report->setObjectName(QStringLiteral("addReport"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_add = buttons->addButton(tr("Add"), QDialogButtonBox::ActionRole);
    m_add->setObjectName(QStringLiteral("addDataButton"));
    connect(m_add, &QPushButton::clicked, this, &AddDataDialog::run);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(registerBox);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_report, 1);
    layout->addWidget(buttons);
}

AddDataDialog::~AddDataDialog() {
    if (m_task)
        m_task->cancel();
}

io::AddOptions AddDataDialog::options() const {
    io::AddOptions o;
    o.links.travelTimes.path = pathOf(m_travelTimes);
    o.links.flows.path = pathOf(m_flows);
    o.links.flows.kind = static_cast<io::FlowKind>(m_flowKind->currentData().toInt());
    o.links.cooperations.path = pathOf(m_cooperations);
    o.zones.polygons = pathOf(m_zones);
    o.zones.population = pathOf(m_zonePopulation);
    o.zones.quartiers = pathOf(m_quartiers);
    o.zones.qpv = pathOf(m_qpv);
    if (!pathOf(m_facilities).empty())
        o.facilities.push_back({pathOf(m_facilities), m_facilitiesYear->value(), {}, {}});
    o.registers = m_register->sources();
    if (!o.registers.empty())
        o.countRegister = analysis::countsFromRegister;
    return o;
}

void AddDataDialog::run() {
    if (m_task)
        return;
    const io::AddOptions o = options();
    if (o.links.travelTimes.path.empty() && o.links.flows.path.empty() && o.links.cooperations.path.empty() &&
        !o.zones.any() && o.facilities.empty() && o.registers.empty()) {
        m_status->setText(tr("Nothing to add: choose at least one file."));
        return;
    }
    struct Shared {
        io::AddOptions options;
        io::ImportReport report;
        model::Dataset dataset;
    };
    auto shared = std::make_shared<Shared>();
    shared->options = o;
    const std::string path = m_path.toStdString();
    auto source = m_source;
    m_add->setEnabled(false);
    m_report->clear();
    m_progress->setValue(0);
    m_status->setText(tr("Reading the files…"));
    QPointer<AddDataDialog> self(this);
    FunctionTask* task = FunctionTask::start(
        tr("Adding data"),
        [shared, source, path](Feedback& feedback) {
            shared->dataset = *source; // a copy: the open dataset stays as it was if anything fails
            io::addToDataset(shared->dataset, shared->options, shared->report, &feedback);
            if (!path.empty())
                io::writeDataset(shared->dataset, path, &feedback); // temporary then rename
        },
        [self, shared](bool ok, const QString& error) {
            if (!self)
                return;
            if (ok)
                self->m_result = std::make_shared<model::Dataset>(std::move(shared->dataset));
            self->finished(ok, error, shared->report);
        });
    m_task = task;
    connect(task, &QgsTask::progressChanged, m_progress,
            [this](double p) { m_progress->setValue(static_cast<int>(p)); });
    connect(task, &FunctionTask::stepChanged, m_status, &QLabel::setText);
    emit taskStarted(task);
}

void AddDataDialog::finished(bool ok, const QString& error, const io::ImportReport& report) {
    m_add->setEnabled(true);
    if (!ok) {
        m_progress->setValue(0);
        m_status->setText(error.isEmpty() ? tr("Adding was canceled: the dataset is unchanged.")
                                          : tr("Nothing was added: %1").arg(error));
        return;
    }
    m_progress->setValue(100);
    m_status->setText(tr("Added: %1 travel times, %2 flows, %3 cooperations, %4 zones, %5 QPV, %6 facility "
                         "records in the dataset.")
                          .arg(m_result->travelTimes.size())
                          .arg(m_result->flows.size())
                          .arg(m_result->cooperations.size())
                          .arg(m_result->zones.size())
                          .arg(m_result->qpvs.size())
                          .arg(m_result->facilities.size()));
    m_report->setHtml(importReportHtml(report));
    m_source = std::make_shared<const model::Dataset>(*m_result); // a second addition starts from this one
    emit datasetUpdated();
}

model::Dataset AddDataDialog::takeDataset() {
    return m_result ? std::move(*m_result) : model::Dataset();
}

QString AddDataDialog::reportHtml() const {
    return m_report->toHtml();
}

} // namespace maillage::ui
