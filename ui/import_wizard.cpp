#include "ui/import_wizard.h"

#include "core/analysis/register_counts.h"
#include "core/io/geo.h"
#include "core/io/table.h"
#include "ui/i18n.h"
#include "ui/panels/panel_util.h"
#include "ui/tasks.h"
#include "ui/wizard_join_preview.h"
#include "ui/wizard_register.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <gdal.h>
#include <ogr_api.h>

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
    return panel::uiIsFrench();
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

QHBoxLayout* fileRow(QWidget* owner, QLineEdit* edit, const QString& title, const QString& filter,
                     bool save) {
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

QString vectorFilter() {
    return ImportWizard::tr("Vector data (*.gpkg *.shp *.geojson *.json);;All files (*)");
}

namespace {

//! An editable combo box of column names (filled from the file by watchColumns); `initial` until then.
QComboBox* columnCombo(const QString& objectName, const QString& initial, const QString& placeholder = {}) {
    auto* combo = new QComboBox;
    combo->setObjectName(objectName);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->setCurrentText(initial);
    if (!placeholder.isEmpty())
        combo->lineEdit()->setPlaceholderText(placeholder);
    return combo;
}

QString columnKey(const QString& name) {
    return QString::fromStdString(io::columnKey(name.toStdString()));
}

//! Puts `columns` in `combo`: the column it names already (case and accents ignored) stays chosen, else
//! the first of `detect` found; nothing found leaves the text as it was ("" = detected at import).
void fillColumns(QComboBox* combo, const QStringList& columns, const QStringList& detect) {
    const QString typed = combo->currentText().trimmed();
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItems(columns);
    auto find = [&](const QString& name) {
        for (int i = 0; i < columns.size(); ++i)
            if (columnKey(columns[i]) == columnKey(name))
                return i;
        return -1;
    };
    int pick = typed.isEmpty() ? -1 : find(typed);
    for (int d = 0; pick < 0 && d < detect.size(); ++d)
        pick = find(detect[d]);
    if (pick >= 0)
        combo->setCurrentIndex(pick);
    else
        combo->setCurrentText(typed);
}

//! The first rows of `table` in `view` (at most five), under its header.
void fillPreview(QTableWidget* view, const io::Table& table) {
    view->clear();
    view->setColumnCount(static_cast<int>(table.header.size()));
    QStringList header;
    for (const std::string& h : table.header)
        header << QString::fromStdString(h);
    view->setHorizontalHeaderLabels(header);
    const int rows = static_cast<int>(std::min<std::size_t>(table.rows.size(), 5));
    view->setRowCount(rows);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < view->columnCount(); ++c)
            view->setItem(r, c,
                          new QTableWidgetItem(QString::fromStdString(
                              table.rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)])));
}

//! A read-only table for the first rows of a file.
QTableWidget* previewTable(const QString& objectName) {
    auto* view = new QTableWidget;
    view->setObjectName(objectName);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->setVisible(false);
    view->setMaximumHeight(140);
    return view;
}

bool isVectorFile(const QString& path) {
    static const QStringList vector = {QStringLiteral("gpkg"),    QStringLiteral("shp"),
                                       QStringLiteral("geojson"), QStringLiteral("json"),
                                       QStringLiteral("fgb"),     QStringLiteral("gml")};
    return vector.contains(QFileInfo(path).suffix().toLower());
}

//! The fields of the first layer of a vector file.
QStringList vectorFields(const QString& path) {
    io::ensureGdal();
    GDALDatasetH ds =
        GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    QStringList fields;
    if (!ds)
        return fields;
    if (OGRLayerH layer = GDALDatasetGetLayer(ds, 0)) {
        OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
        for (int i = 0; i < OGR_FD_GetFieldCount(definition); ++i)
            fields << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i)));
    }
    GDALClose(ds);
    return fields;
}

//! The head of a table: the first 64 KB of a text file (a national table is read whole by the import,
//! not to fill a combo box), a spreadsheet whole.
io::Table tableHead(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("xlsx") || suffix == QLatin1String("ods"))
        return io::readTable(path.toStdString());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    constexpr qint64 kHead = 65536;
    QByteArray bytes = file.read(kHead);
    if (bytes.size() == kHead && bytes.lastIndexOf('\n') > 0)
        bytes.truncate(bytes.lastIndexOf('\n') + 1); // no half line
    return io::parseCsvText(bytes.toStdString(), path.toStdString());
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
    m_codeField = columnCombo(QStringLiteral("communeCodeField"), QStringLiteral("code"));
    m_nameField = columnCombo(QStringLiteral("communeNameField"), QStringLiteral("nom"));
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
        form->addRow(tr("File"), fileRow(this, m_communes, tr("Commune polygons"), vectorFilter()));
        form->addRow(tr("Layer"), m_layer);
        form->addRow(tr("Code field"), m_codeField);
        form->addRow(tr("Name field"), m_nameField);
        form->addRow(tr("Title of the dataset"), m_title);
        form->addRow(tr("Year of the commune list (COG)"), m_cogYear);
    }
    connect(m_communes, &QLineEdit::textChanged, polygons, &CheckedPage::refresh);
    m_communes->setObjectName(QStringLiteral("communesFile"));
    watchColumns(m_communes,
                 {{m_codeField,
                   {QStringLiteral("code"), QStringLiteral("insee_com"), QStringLiteral("codgeo"),
                    QStringLiteral("code_insee"), QStringLiteral("insee"),
                    // OSRM-derived and many web GeoJSON files key their features by "id"
                    QStringLiteral("id")}},
                  {m_nameField,
                   {QStringLiteral("nom"), QStringLiteral("nom_com"), QStringLiteral("libgeo"),
                    QStringLiteral("name")}}},
                 nullptr);
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
        m_bassinsPreview = previewTable(QStringLiteral("bassinsPreview"));
        form->addRow(tr("First rows"), m_bassinsPreview);
    }
    m_bassins->setObjectName(QStringLiteral("bassinsFile"));
    watchColumns(m_bassins, {}, m_bassinsPreview);
    addPage(bassins);

    // 3. Population
    m_population = new QLineEdit;
    m_population->setObjectName(QStringLiteral("populationFile"));
    m_populationCode = columnCombo(QStringLiteral("populationCodeColumn"), QStringLiteral("codgeo"));
    m_populationColumn = columnCombo(QStringLiteral("populationColumn"), QStringLiteral("population"));
    m_populationPreview = previewTable(QStringLiteral("populationPreview"));
    auto* population = new CheckedPage;
    population->setTitle(tr("Population"));
    population->setSubTitle(tr("Population per commune (optional, needed for densities)."));
    {
        auto* form = new QFormLayout(population);
        form->addRow(tr("Table"), fileRow(this, m_population, tr("Population table"), tableFilter()));
        form->addRow(tr("Commune code column"), m_populationCode);
        form->addRow(tr("Population column"), m_populationColumn);
        form->addRow(tr("First rows"), m_populationPreview);
    }
    watchColumns(m_population,
                 {{m_populationCode,
                   {QStringLiteral("codgeo"), QStringLiteral("depcom"), QStringLiteral("com"),
                    QStringLiteral("code")}},
                  {m_populationColumn,
                   {QStringLiteral("population"), QStringLiteral("pmun"), QStringLiteral("p_pop"),
                    QStringLiteral("pop")}}},
                 m_populationPreview);
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
        layout->addWidget(professionalsColumnsBox());
        layout->addLayout(form);
        connect(add, &QPushButton::clicked, this, [this, professionals] {
            const QStringList files = QFileDialog::getOpenFileNames(this, tr("Professionals per commune"),
                                                                    QDir::homePath(), tableFilter());
            static const QRegularExpression year(QStringLiteral("(19|20)\\d\\d"));
            for (const QString& file : files) {
                io::ProfessionalsSource source;
                source.path = QDir::toNativeSeparators(file).toStdString();
                const QRegularExpressionMatch m = year.match(QFileInfo(file).fileName());
                source.vintage = m.hasMatch() ? m.captured(0).toInt() : 0;
                addProfessionalsRow(source);
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
    addZonesPage();

    // Register of individual professionals (optional), as `maillage import --register`
    auto* registerPage = new CheckedPage;
    registerPage->setObjectName(QStringLiteral("registerPage"));
    registerPage->setTitle(tr("Register of professionals"));
    registerPage->setSubTitle(
        tr("Optional: a register of individual professionals (the RPPS extraction of the "
           "Annuaire santé, or a CSV of the generic layout). Its counts become a year of "
           "the dataset; professionals, sites and ages are kept for the profiles."));
    m_register = new RegisterInputs;
    connect(m_register, &RegisterInputs::taskStarted, this, &ImportWizard::taskStarted);
    (new QVBoxLayout(registerPage))->addWidget(m_register);
    addPage(registerPage);

    // Preview of the joins, computed by the import's own steps before anything is written
    auto* joins = new JoinPreviewPage([this] { return options(); });
    connect(joins, &JoinPreviewPage::taskStarted, this, &ImportWizard::taskStarted);
    addPage(joins);

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
    if (!m_codeField->currentText().trimmed().isEmpty())
        o.polygons.codeField = m_codeField->currentText().trimmed().toStdString();
    if (!m_nameField->currentText().trimmed().isEmpty())
        o.polygons.nameField = m_nameField->currentText().trimmed().toStdString();
    o.bassinsPath = m_bassins->text().trimmed().toStdString();
    o.bvColumn = m_bvColumn->currentData().toString().toStdString();
    o.populationPath = m_population->text().trimmed().toStdString();
    o.populationCode = m_populationCode->currentText().trimmed().toStdString();
    o.populationColumn = m_populationColumn->currentText().trimmed().toStdString();
    for (int row = 0; row < m_professionals->rowCount(); ++row) {
        io::ProfessionalsSource source;
        source.path = m_professionals->item(row, 0)->text().toStdString();
        const QTableWidgetItem* year = m_professionals->item(row, 1);
        source.vintage = year ? year->text().trimmed().toInt() : 0;
        source.columns = professionalsColumns(row);
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
    o.zones.polygons = m_zones->text().trimmed().toStdString();
    o.zones.columns.code = m_zoneCode->currentText().trimmed().toStdString();
    o.zones.columns.name = m_zoneName->currentText().trimmed().toStdString();
    o.zones.columns.commune = m_zoneCommune->currentText().trimmed().toStdString();
    o.zones.population = m_zonePopulation->text().trimmed().toStdString();
    o.zones.quartiers = m_quartiers->text().trimmed().toStdString();
    o.zones.qpv = m_qpv->text().trimmed().toStdString();
    o.registers = m_register->sources();
    if (!o.registers.empty())
        o.countRegister = analysis::countsFromRegister;
    if (!m_zoneProfessionals->text().trimmed().isEmpty())
        o.zoneProfessionals.push_back(
            {m_zoneProfessionals->text().trimmed().toStdString(), m_zoneProfessionalsYear->value(), {}, {}});
    return o;
}

void ImportWizard::setOptions(const io::ImportOptions& o) {
    auto q = [](const std::string& s) { return QString::fromStdString(s); };
    m_communes->setText(q(o.communesPath));
    m_layer->setText(q(o.polygons.layer));
    m_codeField->setCurrentText(q(o.polygons.codeField));
    m_nameField->setCurrentText(q(o.polygons.nameField));
    m_bassins->setText(q(o.bassinsPath));
    m_bvColumn->setCurrentIndex(qMax(0, m_bvColumn->findData(q(o.bvColumn))));
    m_population->setText(q(o.populationPath));
    m_populationCode->setCurrentText(q(o.populationCode));
    m_populationColumn->setCurrentText(q(o.populationColumn));
    m_professionals->setRowCount(0);
    for (const io::ProfessionalsSource& source : o.professionals)
        addProfessionalsRow(source);
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
    m_zones->setText(q(o.zones.polygons));
    m_zoneCode->setCurrentText(q(o.zones.columns.code));
    m_zoneName->setCurrentText(q(o.zones.columns.name));
    m_zoneCommune->setCurrentText(q(o.zones.columns.commune));
    m_zonePopulation->setText(q(o.zones.population));
    m_quartiers->setText(q(o.zones.quartiers));
    m_qpv->setText(q(o.zones.qpv));
    m_register->setSource(o.registers.empty() ? io::RegisterSource{} : o.registers.front());
    m_zoneProfessionals->setText(o.zoneProfessionals.empty() ? QString()
                                                             : q(o.zoneProfessionals.front().path));
    m_zoneProfessionalsYear->setValue(o.zoneProfessionals.empty() ? 0 : o.zoneProfessionals.front().vintage);
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
                    .arg(panel::number(static_cast<double>(self->m_result->communes.size())),
                         panel::number(static_cast<double>(self->m_result->bassins.size()))));
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
    m_report->setHtml(importReportHtml(report));
}

namespace {
// Roles of a professionals row's file item holding the columns chosen for it ("" = detected).
constexpr int kLayoutRole = Qt::UserRole;
constexpr int kCommuneRole = Qt::UserRole + 1;
constexpr int kProfessionRole = Qt::UserRole + 2;
constexpr int kCountRole = Qt::UserRole + 3;
} // namespace

void ImportWizard::addProfessionalsRow(const io::ProfessionalsSource& source) {
    const int row = m_professionals->rowCount();
    m_professionals->insertRow(row);
    auto* name = new QTableWidgetItem(QString::fromStdString(source.path));
    name->setFlags(name->flags() & ~Qt::ItemIsEditable);
    const io::ProfessionalsColumns defaults;
    auto chosen = [](const std::string& value, const std::string& fallback) {
        return value == fallback ? QString() : QString::fromStdString(value); // the default = detected
    };
    name->setData(kLayoutRole, static_cast<int>(source.columns.layout));
    name->setData(kCommuneRole, chosen(source.columns.commune, defaults.commune));
    name->setData(kProfessionRole, chosen(source.columns.profession, defaults.profession));
    name->setData(kCountRole, chosen(source.columns.count, defaults.count));
    m_professionals->setItem(row, 0, name);
    m_professionals->setItem(
        row, 1, new QTableWidgetItem(source.vintage > 0 ? QString::number(source.vintage) : QString()));
    m_professionals->setCurrentCell(row, 0);
}

io::ProfessionalsColumns ImportWizard::professionalsColumns(int row) const {
    io::ProfessionalsColumns columns;
    const QTableWidgetItem* item = m_professionals->item(row, 0);
    if (!item)
        return columns;
    columns.layout = static_cast<io::CountsLayout>(item->data(kLayoutRole).toInt());
    auto take = [item](int role, std::string& into) {
        const QString value = item->data(role).toString().trimmed();
        if (!value.isEmpty())
            into = value.toStdString();
    };
    take(kCommuneRole, columns.commune);
    take(kProfessionRole, columns.profession);
    take(kCountRole, columns.count);
    return columns;
}

QWidget* ImportWizard::professionalsColumnsBox() {
    auto* box = new QGroupBox(tr("Columns of the selected file"));
    m_countsLayout = new QComboBox;
    m_countsLayout->setObjectName(QStringLiteral("countsLayout"));
    m_countsLayout->addItem(tr("Detect"), static_cast<int>(io::CountsLayout::Auto));
    m_countsLayout->addItem(tr("Long: one row per commune and profession"),
                            static_cast<int>(io::CountsLayout::Long));
    m_countsLayout->addItem(tr("Wide: one column per profession"), static_cast<int>(io::CountsLayout::Wide));
    const QString detect = tr("detect");
    m_countsCommune = columnCombo(QStringLiteral("countsCommuneColumn"), QString(), detect);
    m_countsProfession = columnCombo(QStringLiteral("countsProfessionColumn"), QString(), detect);
    m_countsCount = columnCombo(QStringLiteral("countsCountColumn"), QString(), detect);
    m_countsPreview = previewTable(QStringLiteral("countsPreview"));
    auto* form = new QFormLayout(box);
    form->addRow(tr("Layout"), m_countsLayout);
    form->addRow(tr("Commune code column"), m_countsCommune);
    form->addRow(tr("Profession column"), m_countsProfession);
    form->addRow(tr("Count column"), m_countsCount);
    form->addRow(tr("First rows"), m_countsPreview);
    connect(m_professionals, &QTableWidget::currentCellChanged, this,
            [this](int row) { showProfessionalsColumns(row); });
    auto store = [this] {
        QTableWidgetItem* item = m_professionals->item(m_professionals->currentRow(), 0);
        if (!item)
            return;
        item->setData(kLayoutRole, m_countsLayout->currentData());
        item->setData(kCommuneRole, m_countsCommune->currentText().trimmed());
        item->setData(kProfessionRole, m_countsProfession->currentText().trimmed());
        item->setData(kCountRole, m_countsCount->currentText().trimmed());
    };
    connect(m_countsLayout, qOverload<int>(&QComboBox::currentIndexChanged), this, store);
    for (QComboBox* combo : {m_countsCommune, m_countsProfession, m_countsCount})
        connect(combo, &QComboBox::currentTextChanged, this, store);
    return box;
}

void ImportWizard::showProfessionalsColumns(int row) {
    const QTableWidgetItem* item = m_professionals->item(row, 0);
    const QSignalBlocker blockLayout(m_countsLayout);
    const QSignalBlocker blockCommune(m_countsCommune), blockProfession(m_countsProfession),
        blockCount(m_countsCount);
    io::Table head;
    const QStringList columns = item ? fileColumns(item->text(), &head) : QStringList();
    m_countsLayout->setCurrentIndex(item ? std::max(0, m_countsLayout->findData(item->data(kLayoutRole)))
                                         : 0);
    // The row's choice first, else the names the reader tries (core/io/importers.cpp).
    const QList<QPair<QComboBox*, QPair<int, QStringList>>> choices = {
        {m_countsCommune,
         {kCommuneRole,
          {QStringLiteral("commune"), QStringLiteral("codgeo"), QStringLiteral("depcom"),
           QStringLiteral("code")}}},
        {m_countsProfession,
         {kProfessionRole,
          {QStringLiteral("profession"), QStringLiteral("typequ"), QStringLiteral("code_profession")}}},
        {m_countsCount,
         {kCountRole,
          {QStringLiteral("count"), QStringLiteral("nb_equip"), QStringLiteral("nombre"),
           QStringLiteral("effectif")}}}};
    for (const auto& [combo, choice] : choices) {
        combo->setCurrentText(item ? item->data(choice.first).toString() : QString());
        fillColumns(combo, columns, choice.second);
    }
    fillPreview(m_countsPreview, head);
}

void ImportWizard::addZonesPage() {
    m_zones = new QLineEdit;
    m_zones->setObjectName(QStringLiteral("zonesFile"));
    const QString detect = tr("detect");
    m_zoneCode = columnCombo(QStringLiteral("zoneCodeField"), QString(), detect);
    m_zoneName = columnCombo(QStringLiteral("zoneNameField"), QString(), detect);
    m_zoneCommune = columnCombo(QStringLiteral("zoneCommuneField"), QString(), detect);
    m_zonePopulation = new QLineEdit;
    m_zonePopulation->setObjectName(QStringLiteral("zonePopulationFile"));
    m_quartiers = new QLineEdit;
    m_quartiers->setObjectName(QStringLiteral("quartiersFile"));
    m_zoneProfessionals = new QLineEdit;
    m_zoneProfessionals->setObjectName(QStringLiteral("zoneProfessionalsFile"));
    m_zoneProfessionalsYear = new QSpinBox;
    m_zoneProfessionalsYear->setRange(0, 2100);
    m_zoneProfessionalsYear->setSpecialValueText(tr("unknown"));
    m_qpv = new QLineEdit;
    m_qpv->setObjectName(QStringLiteral("qpvFile"));
    // Counts per zone need their year, as the professionals per commune do.
    auto* page = new CheckedPage([this] {
        return m_zoneProfessionals->text().trimmed().isEmpty() || m_zoneProfessionalsYear->value() > 0;
    });
    page->setTitle(tr("Quartiers and QPV"));
    page->setSubTitle(tr("Optional: zones below the commune (IRIS or quartiers) with their population, "
                         "grouping and professionals, and the quartiers prioritaires (QPV)."));
    auto* form = new QFormLayout(page);
    form->addRow(tr("Zone polygons"), fileRow(this, m_zones, tr("Zone polygons"), vectorFilter()));
    form->addRow(tr("Zone code field"), m_zoneCode);
    form->addRow(tr("Zone name field"), m_zoneName);
    form->addRow(tr("Commune field"), m_zoneCommune);
    form->addRow(tr("Population per zone"),
                 fileRow(this, m_zonePopulation, tr("Population per zone"), tableFilter()));
    form->addRow(tr("Zones → quartiers"), fileRow(this, m_quartiers, tr("Zones → quartiers"), tableFilter()));
    auto* counts = new QHBoxLayout;
    counts->addLayout(fileRow(this, m_zoneProfessionals, tr("Professionals per zone"), tableFilter()), 1);
    counts->addWidget(m_zoneProfessionalsYear);
    form->addRow(tr("Professionals per zone, year"), counts);
    form->addRow(tr("Quartiers prioritaires (QPV)"),
                 fileRow(this, m_qpv, tr("QPV polygons"), vectorFilter()));
    watchColumns(m_zones,
                 {{m_zoneCode,
                   {QStringLiteral("code_iris"), QStringLiteral("iris"), QStringLiteral("dciris"),
                    QStringLiteral("code_zone"), QStringLiteral("code")}},
                  {m_zoneName,
                   {QStringLiteral("nom_iris"), QStringLiteral("libiris"), QStringLiteral("nom_zone"),
                    QStringLiteral("nom"), QStringLiteral("name")}},
                  {m_zoneCommune,
                   {QStringLiteral("insee_com"), QStringLiteral("depcom"), QStringLiteral("com"),
                    QStringLiteral("code_commune"), QStringLiteral("commune"), QStringLiteral("codgeo")}}},
                 nullptr);
    connect(m_zoneProfessionals, &QLineEdit::textChanged, page, &CheckedPage::refresh);
    connect(m_zoneProfessionalsYear, qOverload<int>(&QSpinBox::valueChanged), page, &CheckedPage::refresh);
    addPage(page);
}

void ImportWizard::watchColumns(QLineEdit* file, const QList<QPair<QComboBox*, QStringList>>& choices,
                                QTableWidget* preview) {
    connect(file, &QLineEdit::textChanged, this, [choices, preview](const QString& text) {
        const QString path = text.trimmed();
        if (!QFileInfo(path).isFile())
            return; // typed half-way, or not there yet
        io::Table head;
        const QStringList columns = fileColumns(path, preview ? &head : nullptr);
        for (const auto& [combo, detect] : choices)
            fillColumns(combo, columns, detect);
        if (preview)
            fillPreview(preview, head);
    });
}

QStringList fileColumns(const QString& path, io::Table* preview) {
    if (isVectorFile(path))
        return vectorFields(path);
    try {
        io::Table head = tableHead(path);
        QStringList columns;
        for (const std::string& h : head.header)
            columns << QString::fromStdString(h);
        if (preview)
            *preview = std::move(head);
        return columns;
    } catch (const std::exception&) { // unreadable here: the import names the file and says why
        return {};
    }
}

namespace {

//! One line per register added: its source, the professionals read and counted, the counting rule.
QString registersHtml(const std::vector<io::RegisterAdded>& registers) {
    if (registers.empty())
        return {};
    QString text = QStringLiteral("<h4>") + ImportWizard::tr("Registers") + QStringLiteral("</h4><ul>");
    for (const io::RegisterAdded& r : registers)
        text += QStringLiteral("<li>") +
                ImportWizard::tr("%1: %2 professionals, %3 counted in the communes (%4)%5")
                    .arg(html(r.source), panel::number(static_cast<double>(r.professionals)),
                         panel::number(r.counted),
                         QString::fromStdString(word(io::siteRuleMessage(r.rule), i18n::engineLanguage()))
                             .toHtmlEscaped(),
                         r.replacedCounts ? ImportWizard::tr("; it replaces the counts of that year")
                                          : QString()) +
                QStringLiteral("</li>");
    return text + QStringLiteral("</ul>");
}

} // namespace

QString importReportHtml(const io::ImportReport& report) {
    const bool fr = isFrench();
    QString text;
    text += QStringLiteral("<h4>") + ImportWizard::tr("Joins") + QStringLiteral("</h4><ul>");
    for (const io::JoinReport& join : report.joins) {
        if (join.ok())
            text += QStringLiteral("<li>✓ ") +
                    ImportWizard::tr("%1 → %2: every code matches.").arg(html(join.left), html(join.right)) +
                    QStringLiteral("</li>");
        else
            text += QStringLiteral("<li><b>⚠</b> ") + html(fr ? join.summaryFr(40) : join.summaryEn(40)) +
                    QStringLiteral("</li>");
    }
    if (report.joins.empty())
        text += QStringLiteral("<li>") + ImportWizard::tr("No join to report.") + QStringLiteral("</li>");
    text += QStringLiteral("</ul>");
    text += registersHtml(report.registers);
    if (!report.warnings.empty()) {
        text += QStringLiteral("<h4>") +
                ImportWizard::tr("Warnings (%1)")
                    .arg(panel::number(static_cast<double>(report.warnings.size()))) +
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
    return text;
}

} // namespace maillage::ui
