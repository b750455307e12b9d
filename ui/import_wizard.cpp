#include "ui/import_wizard.h"

#include "ui/i18n.h"
#include "ui/tasks.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace maillage::ui {
namespace {

//! A page whose "Next" is enabled by a predicate; callers call completeChanged() through refresh().
class CheckedPage : public QWizardPage {
public:
    explicit CheckedPage(std::function<bool()> complete = {}) : m_complete(std::move(complete)) {}
    bool isComplete() const override { return m_complete ? m_complete() : true; }
    void refresh() { emit completeChanged(); }

private:
    std::function<bool()> m_complete;
};

bool isFrench() {
    return QLocale().language() == QLocale::French;
}

QString html(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

} // namespace

//! Runs the import when shown; complete when the import succeeded and an output file is named.
class ImportRunPage : public QWizardPage {
public:
    explicit ImportRunPage(ImportWizard* wizard) : m_wizard(wizard) {}
    void initializePage() override { m_wizard->runImport(); }
    void cleanupPage() override {
        if (m_wizard->m_task)
            m_wizard->m_task->cancel();
    }
    bool isComplete() const override {
        return m_wizard->m_imported && !m_wizard->m_output->text().trimmed().isEmpty();
    }
    void refresh() { emit completeChanged(); }

private:
    ImportWizard* m_wizard;
};

namespace {

//! A line edit with a "Browse…" button opening a file dialog; returns the row's layout.
QHBoxLayout* fileRow(QWidget* owner, QLineEdit* edit, const QString& title, const QString& filter,
                     bool save = false) {
    auto* row = new QHBoxLayout;
    auto* browse = new QToolButton;
    browse->setText(ImportWizard::tr("Browse…"));
    row->addWidget(edit, 1);
    row->addWidget(browse);
    QObject::connect(browse, &QToolButton::clicked, owner, [owner, edit, title, filter, save] {
        const QString start = edit->text().isEmpty() ? QDir::homePath() : edit->text();
        const QString path = save ? QFileDialog::getSaveFileName(owner, title, start, filter)
                                  : QFileDialog::getOpenFileName(owner, title, start, filter);
        if (!path.isEmpty())
            edit->setText(QDir::toNativeSeparators(path));
    });
    return row;
}

QString tableFilter() {
    return ImportWizard::tr("Tables (*.csv *.txt *.tsv *.xlsx *.ods);;All files (*)");
}

} // namespace

ImportWizard::ImportWizard(QWidget* parent) : QWizard(parent) {
    setWindowTitle(tr("Import official files"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setMinimumSize(720, 520);

    // 1. Commune polygons
    m_communes = new QLineEdit;
    m_layer = new QLineEdit;
    m_layer->setPlaceholderText(tr("first layer"));
    m_codeField = new QLineEdit(QStringLiteral("code"));
    m_nameField = new QLineEdit(QStringLiteral("nom"));
    m_title = new QLineEdit;
    m_title->setPlaceholderText(tr("e.g. Hauts-de-France"));
    m_cogYear = new QSpinBox;
    m_cogYear->setRange(0, 2100);
    m_cogYear->setSpecialValueText(tr("unknown"));
    auto* polygons = new CheckedPage([this] { return !m_communes->text().trimmed().isEmpty(); });
    polygons->setTitle(tr("Commune polygons"));
    polygons->setSubTitle(
        tr("The communes of the territory (IGN Admin Express or any GeoPackage, Shapefile, "
           "GeoJSON), reprojected to Lambert-93. The bassins de vie are dissolved from them."));
    {
        auto* form = new QFormLayout(polygons);
        form->addRow(tr("File"), fileRow(this, m_communes, tr("Commune polygons"),
                                         tr("Vector data (*.gpkg *.shp *.geojson *.json);;All files (*)")));
        form->addRow(tr("Layer"), m_layer);
        form->addRow(tr("Code field"), m_codeField);
        form->addRow(tr("Name field"), m_nameField);
        form->addRow(tr("Title of the dataset"), m_title);
        form->addRow(tr("Year of the commune list (COG)"), m_cogYear);
    }
    connect(m_communes, &QLineEdit::textChanged, polygons, &CheckedPage::refresh);
    addPage(polygons);

    // 2. Commune -> bassin de vie table
    m_bassins = new QLineEdit;
    m_bvColumn = new QComboBox;
    m_bvColumn->addItem(tr("Detect (BV2012 or BV2022)"), QString());
    m_bvColumn->addItem(QStringLiteral("BV2012"), QStringLiteral("BV2012"));
    m_bvColumn->addItem(QStringLiteral("BV2022"), QStringLiteral("BV2022"));
    auto* bassins = new CheckedPage;
    bassins->setTitle(tr("Bassins de vie"));
    bassins->setSubTitle(
        tr("INSEE's table of the communes and their bassin de vie (CODGEO, BV2012 or BV2022). "
           "Leave empty when the polygons carry a bv field."));
    {
        auto* form = new QFormLayout(bassins);
        form->addRow(tr("Table"),
                     fileRow(this, m_bassins, tr("Commune → bassin de vie table"), tableFilter()));
        form->addRow(tr("Zoning"), m_bvColumn);
    }
    addPage(bassins);

    // 3. Population
    m_population = new QLineEdit;
    m_populationCode = new QLineEdit(QStringLiteral("codgeo"));
    m_populationColumn = new QLineEdit(QStringLiteral("population"));
    auto* population = new CheckedPage;
    population->setTitle(tr("Population"));
    population->setSubTitle(tr("Population per commune (optional, needed for densities)."));
    {
        auto* form = new QFormLayout(population);
        form->addRow(tr("Table"), fileRow(this, m_population, tr("Population table"), tableFilter()));
        form->addRow(tr("Commune code column"), m_populationCode);
        form->addRow(tr("Population column"), m_populationColumn);
    }
    addPage(population);

    // 4. Professionals, one file per vintage
    m_professionals = new QTableWidget(0, 2);
    m_professionals->setHorizontalHeaderLabels({tr("File"), tr("Year")});
    m_professionals->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_professionals->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_professionals->verticalHeader()->setVisible(false);
    m_sources = new QPlainTextEdit;
    m_sources->setPlaceholderText(tr("One source per line, e.g. INSEE, BPE 2013"));
    m_sources->setMaximumHeight(70);
    m_departements = new QLineEdit;
    m_departements->setPlaceholderText(tr("all; or e.g. 59,62"));
    m_region = new QLineEdit;
    m_region->setPlaceholderText(tr("all; or e.g. 32"));
    auto* professionals = new CheckedPage([this] { return m_professionals->rowCount() > 0; });
    professionals->setTitle(tr("Health professionals"));
    professionals->setSubTitle(tr("Counts per commune and profession (RPPS, ADELI or INSEE BPE; long or wide "
                                  "tables). Add one file per year: two years allow evolution analyses."));
    {
        auto* add = new QPushButton(tr("Add files…"));
        auto* remove = new QPushButton(tr("Remove"));
        auto* buttons = new QHBoxLayout;
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch();
        auto* form = new QFormLayout;
        form->addRow(tr("Sources"), m_sources);
        form->addRow(tr("Keep only the départements"), m_departements);
        form->addRow(tr("Keep only the région"), m_region);
        auto* layout = new QVBoxLayout(professionals);
        layout->addWidget(m_professionals, 1);
        layout->addLayout(buttons);
        layout->addLayout(form);
        connect(add, &QPushButton::clicked, this, [this, professionals] {
            const QStringList files = QFileDialog::getOpenFileNames(this, tr("Professionals per commune"),
                                                                    QDir::homePath(), tableFilter());
            static const QRegularExpression year(QStringLiteral("(19|20)\\d\\d"));
            for (const QString& file : files) {
                const int row = m_professionals->rowCount();
                m_professionals->insertRow(row);
                auto* name = new QTableWidgetItem(QDir::toNativeSeparators(file));
                name->setFlags(name->flags() & ~Qt::ItemIsEditable);
                m_professionals->setItem(row, 0, name);
                const QRegularExpressionMatch m = year.match(QFileInfo(file).fileName());
                m_professionals->setItem(row, 1,
                                         new QTableWidgetItem(m.hasMatch() ? m.captured(0) : QString()));
            }
            professionals->refresh();
        });
        connect(remove, &QPushButton::clicked, this, [this, professionals] {
            const int row = m_professionals->currentRow();
            if (row >= 0)
                m_professionals->removeRow(row);
            professionals->refresh();
        });
    }
    addPage(professionals);

    // 5. Travel times, observed flows, declared cooperations (each optional)
    m_travelTimes = new QLineEdit;
    m_travelTimes->setObjectName(QStringLiteral("travelTimesFile"));
    m_flows = new QLineEdit;
    m_flows->setObjectName(QStringLiteral("flowsFile"));
    m_flowKind = new QComboBox;
    m_flowKind->setObjectName(QStringLiteral("flowKind"));
    m_flowKind->addItem(tr("Home–work (commuting)"), static_cast<int>(io::FlowKind::Commuting));
    m_flowKind->addItem(tr("Patients"), static_cast<int>(io::FlowKind::Patients));
    m_flowKind->addItem(tr("Other"), static_cast<int>(io::FlowKind::Other));
    m_cooperations = new QLineEdit;
    m_cooperations->setObjectName(QStringLiteral("cooperationsFile"));
    auto* links = new CheckedPage;
    links->setTitle(tr("Links between pôles"));
    links->setSubTitle(tr("Optional: a commune × commune travel-time matrix (minutes or seconds), observed "
                          "flows between communes (e.g. INSEE's commuting flows) and declared cooperations. "
                          "Columns are detected; the last page reports what did not match."));
    {
        auto* form = new QFormLayout(links);
        form->addRow(tr("Travel times"),
                     fileRow(this, m_travelTimes, tr("Travel-time matrix"), tableFilter()));
        form->addRow(tr("Observed flows"), fileRow(this, m_flows, tr("Observed flows"), tableFilter()));
        form->addRow(tr("Kind of flows"), m_flowKind);
        form->addRow(tr("Cooperations"),
                     fileRow(this, m_cooperations, tr("Declared cooperations"), tableFilter()));
    }
    addPage(links);

    // 6. Import, preview of the joins, output file
    auto* run = new ImportRunPage(this);
    run->setTitle(tr("Check and save"));
    run->setSubTitle(
        tr("The files are read and joined. Codes that do not match (merged communes, another COG "
           "year) are listed below: check them before saving."));
    m_progress = new QProgressBar;
    m_progress->setRange(0, 100);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_cancel = new QPushButton(tr("Cancel the import"));
    m_report = new QTextBrowser;
    m_output = new QLineEdit;
    {
        auto* progressRow = new QHBoxLayout;
        progressRow->addWidget(m_progress, 1);
        progressRow->addWidget(m_cancel);
        auto* form = new QFormLayout;
        form->addRow(tr("Save as"),
                     fileRow(this, m_output, tr("Save the dataset"), tr("GeoPackage (*.gpkg)"), true));
        auto* layout = new QVBoxLayout(run);
        layout->addLayout(progressRow);
        layout->addWidget(m_status);
        layout->addWidget(m_report, 1);
        layout->addLayout(form);
    }
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_task)
            m_task->cancel();
    });
    connect(m_output, &QLineEdit::textChanged, run, &ImportRunPage::refresh);
    connect(this, &QWizard::currentIdChanged, this, [this, run](int) { run->refresh(); });
    addPage(run);
    setButtonText(QWizard::FinishButton, tr("Save and open"));
}

ImportWizard::~ImportWizard() {
    if (m_task)
        m_task->cancel();
}

io::ImportOptions ImportWizard::options() const {
    io::ImportOptions o;
    o.communesPath = m_communes->text().trimmed().toStdString();
    o.polygons.layer = m_layer->text().trimmed().toStdString();
    if (!m_codeField->text().trimmed().isEmpty())
        o.polygons.codeField = m_codeField->text().trimmed().toStdString();
    if (!m_nameField->text().trimmed().isEmpty())
        o.polygons.nameField = m_nameField->text().trimmed().toStdString();
    o.bassinsPath = m_bassins->text().trimmed().toStdString();
    o.bvColumn = m_bvColumn->currentData().toString().toStdString();
    o.populationPath = m_population->text().trimmed().toStdString();
    o.populationCode = m_populationCode->text().trimmed().toStdString();
    o.populationColumn = m_populationColumn->text().trimmed().toStdString();
    for (int row = 0; row < m_professionals->rowCount(); ++row) {
        io::ProfessionalsSource source;
        source.path = m_professionals->item(row, 0)->text().toStdString();
        const QTableWidgetItem* year = m_professionals->item(row, 1);
        source.vintage = year ? year->text().trimmed().toInt() : 0;
        o.professionals.push_back(source);
    }
    o.title = m_title->text().trimmed().toStdString();
    const QStringList sources = m_sources->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& s : sources)
        o.sources.push_back(s.trimmed().toStdString());
    o.cogYear = m_cogYear->value();
    o.departementFilter = m_departements->text().trimmed().toStdString();
    o.regionFilter = m_region->text().trimmed().toStdString();
    o.links.travelTimes.path = m_travelTimes->text().trimmed().toStdString();
    o.links.flows.path = m_flows->text().trimmed().toStdString();
    o.links.flows.kind = static_cast<io::FlowKind>(m_flowKind->currentData().toInt());
    o.links.cooperations.path = m_cooperations->text().trimmed().toStdString();
    return o;
}

void ImportWizard::setOptions(const io::ImportOptions& o) {
    auto q = [](const std::string& s) { return QString::fromStdString(s); };
    m_communes->setText(q(o.communesPath));
    m_layer->setText(q(o.polygons.layer));
    m_codeField->setText(q(o.polygons.codeField));
    m_nameField->setText(q(o.polygons.nameField));
    m_bassins->setText(q(o.bassinsPath));
    m_bvColumn->setCurrentIndex(qMax(0, m_bvColumn->findData(q(o.bvColumn))));
    m_population->setText(q(o.populationPath));
    m_populationCode->setText(q(o.populationCode));
    m_populationColumn->setText(q(o.populationColumn));
    m_professionals->setRowCount(0);
    for (const io::ProfessionalsSource& source : o.professionals) {
        const int row = m_professionals->rowCount();
        m_professionals->insertRow(row);
        auto* name = new QTableWidgetItem(q(source.path));
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        m_professionals->setItem(row, 0, name);
        m_professionals->setItem(
            row, 1, new QTableWidgetItem(source.vintage > 0 ? QString::number(source.vintage) : QString()));
    }
    m_title->setText(q(o.title));
    QStringList sources;
    for (const std::string& s : o.sources)
        sources << q(s);
    m_sources->setPlainText(sources.join(QLatin1Char('\n')));
    m_cogYear->setValue(o.cogYear);
    m_departements->setText(q(o.departementFilter));
    m_region->setText(q(o.regionFilter));
    m_travelTimes->setText(q(o.links.travelTimes.path));
    m_flows->setText(q(o.links.flows.path));
    m_flowKind->setCurrentIndex(std::max(0, m_flowKind->findData(static_cast<int>(o.links.flows.kind))));
    m_cooperations->setText(q(o.links.cooperations.path));
}

void ImportWizard::setOutputPath(const QString& path) {
    m_output->setText(path);
}

QString ImportWizard::reportHtml() const {
    return m_report->toHtml();
}

QString ImportWizard::outputPath() const {
    return m_output->text().trimmed();
}

model::Dataset ImportWizard::takeDataset() {
    m_imported = false;
    return m_result ? std::move(*m_result) : model::Dataset();
}

void ImportWizard::runImport() {
    if (m_task)
        m_task->cancel();
    m_imported = false;
    m_report->clear();
    m_progress->setValue(0);
    m_status->setText(tr("Reading the files…"));
    m_cancel->setEnabled(true);
    if (m_output->text().trimmed().isEmpty()) {
        const QFileInfo communes(m_communes->text().trimmed());
        const QString base =
            m_title->text().trimmed().isEmpty() ? QStringLiteral("maillage") : m_title->text().trimmed();
        m_output->setText(QDir::toNativeSeparators(communes.dir().filePath(base + QStringLiteral(".gpkg"))));
    }

    struct Shared {
        io::ImportOptions options;
        io::ImportReport report;
        model::Dataset dataset;
    };
    auto shared = std::make_shared<Shared>();
    shared->options = options();
    QPointer<ImportWizard> self(this);
    FunctionTask* task = FunctionTask::start(
        tr("Import"),
        [shared](Feedback& feedback) {
            shared->dataset = io::importDataset(shared->options, shared->report, &feedback);
        },
        [self, shared](bool ok, const QString& error) {
            if (!self)
                return;
            self->m_cancel->setEnabled(false);
            if (!ok) {
                self->m_status->setText(error.isEmpty() ? tr("The import was canceled.")
                                                        : tr("The import failed: %1").arg(error));
                self->m_progress->setValue(0);
                return;
            }
            self->m_progress->setValue(100);
            self->m_result = std::make_shared<model::Dataset>(std::move(shared->dataset));
            self->m_imported = true;
            self->m_status->setText(
                tr("%1 communes in %2 bassins de vie. Check the joins below, then save.")
                    .arg(QLocale().toString(static_cast<qlonglong>(self->m_result->communes.size())),
                         QLocale().toString(static_cast<qlonglong>(self->m_result->bassins.size()))));
            self->showReport(shared->report);
            if (auto* page = dynamic_cast<ImportRunPage*>(self->currentPage()))
                page->refresh();
        });
    m_task = task;
    connect(task, &QgsTask::progressChanged, m_progress,
            [this](double p) { m_progress->setValue(static_cast<int>(p)); });
    connect(task, &FunctionTask::stepChanged, m_status, &QLabel::setText);
    emit taskStarted(task);
}

void ImportWizard::showReport(const io::ImportReport& report) {
    const bool fr = isFrench();
    QString text;
    text += QStringLiteral("<h4>") + tr("Joins") + QStringLiteral("</h4><ul>");
    for (const io::JoinReport& join : report.joins) {
        if (join.ok())
            text += QStringLiteral("<li>✓ ") +
                    tr("%1 → %2: every code matches.").arg(html(join.left), html(join.right)) +
                    QStringLiteral("</li>");
        else
            text += QStringLiteral("<li><b>⚠</b> ") + html(fr ? join.summaryFr(40) : join.summaryEn(40)) +
                    QStringLiteral("</li>");
    }
    if (report.joins.empty())
        text += QStringLiteral("<li>") + tr("No join to report.") + QStringLiteral("</li>");
    text += QStringLiteral("</ul>");
    if (!report.warnings.empty()) {
        text += QStringLiteral("<h4>") + tr("Warnings (%1)").arg(report.warnings.size()) +
                QStringLiteral("</h4><ul>");
        std::size_t shown = 0;
        for (const Warning& w : report.warnings) {
            if (++shown > 100) {
                text += QStringLiteral("<li>…</li>");
                break;
            }
            text += QStringLiteral("<li>") + i18n::describe(w).toHtmlEscaped() + QStringLiteral("</li>");
        }
        text += QStringLiteral("</ul>");
    }
    m_report->setHtml(text);
}

} // namespace maillage::ui
