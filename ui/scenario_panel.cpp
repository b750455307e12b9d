#include "ui/scenario_panel.h"

#include "core/io/gpkg_scenarios.h"
#include "core/io/postgis.h"
#include "core/model/error.h"
#include "ui/i18n.h"
#include "ui/layer_roles.h"
#include "ui/map_compare.h"
#include "ui/panels/panel_table.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/profession_chooser.h"
#include "ui/panels/result_table_model.h"
#include "ui/panels/table_export.h"
#include "ui/scenario_layer.h"
#include "ui/session.h"
#include "ui/tasks.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

#include <qgslayertree.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

namespace maillage::ui {

using model::ScenarioChangeKind;

namespace {

Language uiLanguage() {
    return panel::uiIsFrench() ? Language::Fr : Language::En;
}

} // namespace

ScenarioPanel::ScenarioPanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, QWidget* parent)
    : DockPanel(session, canvas, project, QStringLiteral("scenarioPanel"), parent) {
    buildEditor();
    buildResults();
    connect(m_session, &Session::datasetChanged, this, &ScenarioPanel::onDatasetChanged);
    onDatasetChanged();
}

ScenarioPanel::~ScenarioPanel() {
    if (m_task)
        m_task->cancel();
    removeAfterLayer();
}

void ScenarioPanel::buildEditor() {
    QVBoxLayout* root = rootLayout();
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("scenarioList"));
    m_list->setMaximumHeight(90);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString& name) {
        if (!name.isEmpty() && name != m_current)
            selectScenario(name);
    });
    root->addWidget(new QLabel(tr("Scenarios of the dataset")));
    root->addWidget(m_list);

    auto* newRow = new QHBoxLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("scenarioName"));
    m_name->setPlaceholderText(tr("Name of a new scenario"));
    auto* create = new QPushButton(tr("New"));
    create->setObjectName(QStringLiteral("newScenario"));
    connect(create, &QPushButton::clicked, this, [this] {
        if (!newScenario(m_name->text().trimmed()))
            m_status->setText(tr("Give the new scenario a name no other scenario has."));
    });
    newRow->addWidget(m_name, 1);
    newRow->addWidget(create);
    root->addLayout(newRow);

    m_changes = new QListWidget;
    m_changes->setObjectName(QStringLiteral("changeList"));
    // Each change on its own lines, wrapped to the panel's width (never cut at the right edge).
    m_changes->setWordWrap(true);
    m_changes->setTextElideMode(Qt::ElideNone);
    m_changes->setResizeMode(QListView::Adjust);
    m_changes->setUniformItemSizes(false);
    m_changes->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_changes->setMinimumHeight(110);
    m_changes->setMaximumHeight(180);
    root->addWidget(m_changes);

    auto* form = new QFormLayout;
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("changeKind"));
    m_kind->addItem(tr("Retire the professionals aged"), static_cast<int>(ScenarioChangeKind::Retire));
    m_kind->addItem(tr("Remove professionals"), static_cast<int>(ScenarioChangeKind::Remove));
    m_kind->addItem(tr("Open a maison de santé"), static_cast<int>(ScenarioChangeKind::Open));
    m_kind->addItem(tr("Close a site"), static_cast<int>(ScenarioChangeKind::Close));
    m_kind->addItem(tr("Add a cooperation"), static_cast<int>(ScenarioChangeKind::AddCooperation));
    m_kind->addItem(tr("Remove a cooperation"), static_cast<int>(ScenarioChangeKind::RemoveCooperation));
    connect(m_kind, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            &ScenarioPanel::enableFieldsOfKind);
    form->addRow(tr("Change"), m_kind);
    m_profession = new QComboBox;
    m_profession->setObjectName(QStringLiteral("changeProfession"));
    form->addRow(tr("Profession"), m_profession);
    m_place = new QComboBox;
    m_place->setObjectName(QStringLiteral("changePlace"));
    m_place->setEditable(true); // a code typed is taken as it is
    m_place->setInsertPolicy(QComboBox::NoInsert);
    form->addRow(tr("Commune or bassin de vie"), m_place);
    m_count = new QDoubleSpinBox;
    m_count->setObjectName(QStringLiteral("changeCount"));
    m_count->setRange(0, 1e6);
    m_count->setDecimals(0);
    m_count->setValue(1);
    form->addRow(tr("Professionals"), m_count);
    m_age = new QSpinBox;
    m_age->setObjectName(QStringLiteral("changeAge"));
    m_age->setRange(20, 90);
    m_age->setValue(62);
    form->addRow(tr("Age or more"), m_age);
    // A cooperation: a new name (or one of the dataset's, to remove), its kind, the two pôles it links.
    m_cooperation = new QComboBox;
    m_cooperation->setObjectName(QStringLiteral("changeCooperation"));
    m_cooperation->setEditable(true);
    m_cooperation->setInsertPolicy(QComboBox::NoInsert);
    form->addRow(tr("Cooperation"), m_cooperation);
    m_cooperationKind = new QComboBox;
    m_cooperationKind->setObjectName(QStringLiteral("changeCooperationKind"));
    for (const char* kind : {"GHT", "CHT", "GCS", "CPTS", "télémédecine", "MSP"})
        m_cooperationKind->addItem(QString::fromUtf8(kind), QString::fromUtf8(kind));
    m_cooperationKind->addItem(tr("other"), QStringLiteral("other"));
    form->addRow(tr("Kind of cooperation"), m_cooperationKind);
    auto* poles = new QHBoxLayout;
    m_poleA = new QComboBox;
    m_poleA->setObjectName(QStringLiteral("changePoleA"));
    m_poleB = new QComboBox;
    m_poleB->setObjectName(QStringLiteral("changePoleB"));
    poles->addWidget(m_poleA, 1);
    poles->addWidget(m_poleB, 1);
    form->addRow(tr("Pôles linked"), poles);
    // A label above its field when the dock is narrow; the combo boxes no wider than their text needs.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    for (QComboBox* box :
         {m_kind, m_profession, m_place, m_cooperation, m_cooperationKind, m_poleA, m_poleB}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    root->addLayout(form);
    enableFieldsOfKind();

    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add the change"));
    add->setObjectName(QStringLiteral("addChange"));
    connect(add, &QPushButton::clicked, this, [this] { addChange(editedChange()); });
    auto* remove = new QPushButton(tr("Remove the change"));
    remove->setObjectName(QStringLiteral("removeChange"));
    connect(remove, &QPushButton::clicked, this, [this] { removeChange(m_changes->currentRow()); });
    m_undo = new QPushButton(tr("Undo"));
    m_undo->setObjectName(QStringLiteral("undoScenario"));
    m_undo->setShortcut(QKeySequence::Undo);
    connect(m_undo, &QPushButton::clicked, this, &ScenarioPanel::undo);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addWidget(m_undo);
    root->addLayout(buttons);
}

void ScenarioPanel::buildResults() {
    QVBoxLayout* root = rootLayout();
    auto* actions = new QHBoxLayout;
    m_zonage = new QLineEdit(panel::uiIsFrench() ? QStringLiteral("2,5") : QStringLiteral("2.5"));
    m_zonage->setObjectName(QStringLiteral("scenarioZonage"));
    m_zonage->setPlaceholderText(panel::uiIsFrench() ? QStringLiteral("2,5 ; 4") : QStringLiteral("2.5; 4"));
    m_zonage->setToolTip(
        tr("Zonage thresholds of the accessibility, ascending and separated by semicolons (%1): the communes "
           "that cross one are listed. Empty: none.")
            .arg(m_zonage->placeholderText()));
    auto* apply = new QPushButton(tr("Apply"));
    apply->setObjectName(QStringLiteral("applyScenario"));
    connect(apply, &QPushButton::clicked, this, [this] { applyCurrent(); });
    auto* save = new QPushButton(tr("Save in the dataset"));
    save->setObjectName(QStringLiteral("saveScenarios"));
    connect(save, &QPushButton::clicked, this, [this] {
        const QString error = this->save();
        m_status->setText(error.isEmpty() ? tr("Scenarios saved in the dataset.") : error);
    });
    // The thresholds on a row of their own, wide enough for several ("2,5 ; 4").
    auto* zonageRow = new QHBoxLayout;
    auto* zonageLabel = new QLabel(tr("Zonage thresholds"));
    zonageLabel->setBuddy(m_zonage);
    zonageRow->addWidget(zonageLabel);
    zonageRow->addWidget(m_zonage, 1);
    root->addLayout(zonageRow);
    auto* compare = new QPushButton(tr("Before / after"));
    compare->setObjectName(QStringLiteral("beforeAfter"));
    compare->setToolTip(tr("The map before the scenario on the left, after it on the right"));
    connect(compare, &QPushButton::clicked, this, &ScenarioPanel::showBeforeAfter);
    actions->addWidget(apply);
    actions->addWidget(compare);
    root->addLayout(actions);
    // On a row of its own: the three buttons side by side made the panels' docks 450 pixels wide at least.
    auto* saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(save);
    root->addLayout(saveRow);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("scenarioStatus"));
    m_status->setWordWrap(true);
    root->addWidget(m_status);
    m_sentences = new QLabel;
    m_sentences->setObjectName(QStringLiteral("scenarioSentences"));
    m_sentences->setWordWrap(true);
    m_sentences->setTextInteractionFlags(Qt::TextSelectableByMouse);
    root->addWidget(m_sentences);
    m_tables = new QTabWidget;
    m_tables->setObjectName(QStringLiteral("scenarioTables"));
    root->addWidget(m_tables, 1);
}

void ScenarioPanel::onDatasetChanged() {
    ++m_generation;
    removeAfterLayer();
    m_comparison.reset();
    m_history.clear();
    m_unsaved = false;
    m_scenarios = m_session->hasDataset() ? m_session->dataset().scenarios : std::vector<model::Scenario>{};
    m_current = m_scenarios.empty() ? QString() : panel::qs(m_scenarios.front().name);
    m_profession->clear();
    m_place->clear();
    if (m_session->hasDataset()) {
        const model::Dataset& ds = m_session->dataset();
        panel::fillProfessionChooser(m_profession, ds);
        // The rows added at once (35,000 communes one by one: 50 ms of the national opening).
        QList<QStandardItem*> items;
        items.reserve(static_cast<int>(1 + ds.bassins.size() + ds.communes.size()));
        auto add = [&items](const QString& text, const QString& code) {
            auto* item = new QStandardItem(text);
            item->setData(code, Qt::UserRole); // as QComboBox::addItem(text, code)
            items.append(item);
        };
        add(tr("Everywhere"), QString());
        for (const model::Bassin& b : ds.bassins)
            add(tr("BV %1 %2").arg(panel::qs(b.code), panel::qs(b.name)), panel::qs(b.code));
        for (const model::Commune& c : ds.communes)
            add(QStringLiteral("%1 %2").arg(panel::qs(c.code), panel::qs(c.name)), panel::qs(c.code));
        qobject_cast<QStandardItemModel*>(m_place->model())->invisibleRootItem()->appendRows(items);
    }
    fillCooperationChoosers();
    m_sentences->clear();
    m_tables->clear();
    refreshList();
}

void ScenarioPanel::fillCooperationChoosers() {
    m_cooperation->clear();
    m_poleA->clear();
    m_poleB->clear();
    if (!m_session->hasDataset())
        return;
    const model::Dataset& ds = m_session->dataset();
    for (const model::Cooperation& c : ds.cooperations)
        m_cooperation->addItem(panel::qs(c.name));
    m_cooperation->setEditText(QString());
    // The pôles first, with their type; then the other bassins de vie.
    const std::vector<analysis::PoleClassification>& poles = m_session->poles();
    for (bool pole : {true, false})
        for (std::size_t i = 0; i < ds.bassins.size(); ++i) {
            const analysis::PoleType type = i < poles.size() ? poles[i].type : analysis::PoleType::HorsPole;
            if ((type != analysis::PoleType::HorsPole) != pole)
                continue;
            const QString label = QStringLiteral("%1 %2 (%3)")
                                      .arg(panel::qs(ds.bassins[i].code), panel::qs(ds.bassins[i].name),
                                           panel::poleTypeLabel(static_cast<int>(type)));
            for (QComboBox* combo : {m_poleA, m_poleB})
                combo->addItem(label, panel::qs(ds.bassins[i].code));
        }
    if (m_poleB->count() > 1)
        m_poleB->setCurrentIndex(1);
}

void ScenarioPanel::enableFieldsOfKind() {
    const auto kind = static_cast<ScenarioChangeKind>(m_kind->currentData().toInt());
    const bool add = kind == ScenarioChangeKind::AddCooperation;
    const bool cooperation = add || kind == ScenarioChangeKind::RemoveCooperation;
    m_profession->setEnabled(!cooperation);
    m_place->setEnabled(!cooperation);
    m_count->setEnabled(kind == ScenarioChangeKind::Remove || kind == ScenarioChangeKind::Open);
    m_age->setEnabled(kind == ScenarioChangeKind::Retire);
    m_cooperation->setEnabled(cooperation);
    m_cooperationKind->setEnabled(add);
    m_poleA->setEnabled(add);
    m_poleB->setEnabled(add);
}

model::Scenario* ScenarioPanel::current() {
    for (model::Scenario& s : m_scenarios)
        if (panel::qs(s.name) == m_current)
            return &s;
    return nullptr;
}

void ScenarioPanel::remember() {
    forgetResult(); // the maps no longer show the scenarios as edited
    m_history.push_back(m_scenarios);
    m_unsaved = true;
}

bool ScenarioPanel::newScenario(const QString& name) {
    if (name.isEmpty() || io::findScenario(m_scenarios, name.toStdString()))
        return false;
    remember();
    m_scenarios.push_back({name.toStdString(), {}, {}});
    m_current = name;
    m_name->clear();
    refreshList();
    return true;
}

void ScenarioPanel::selectScenario(const QString& name) {
    if (name != m_current)
        forgetResult();
    m_current = name;
    refreshList();
}

void ScenarioPanel::addChange(const model::ScenarioChange& change) {
    if (!current()) {
        m_status->setText(tr("Create or choose a scenario first."));
        return;
    }
    remember();
    current()->changes.push_back(change);
    refreshChanges();
}

void ScenarioPanel::removeChange(int index) {
    model::Scenario* s = current();
    if (!s || index < 0 || index >= static_cast<int>(s->changes.size()))
        return;
    remember();
    current()->changes.erase(current()->changes.begin() + index);
    refreshChanges();
}

bool ScenarioPanel::undo() {
    if (m_history.empty())
        return false;
    forgetResult();
    m_scenarios = std::move(m_history.back());
    m_history.pop_back();
    if (!current())
        m_current = m_scenarios.empty() ? QString() : panel::qs(m_scenarios.back().name);
    m_unsaved = true;
    refreshList();
    return true;
}

void ScenarioPanel::refreshList() {
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const model::Scenario& s : m_scenarios) {
        m_list->addItem(panel::qs(s.name));
        if (panel::qs(s.name) == m_current)
            m_list->setCurrentRow(m_list->count() - 1);
    }
    m_undo->setEnabled(!m_history.empty());
    refreshChanges();
}

void ScenarioPanel::refreshChanges() {
    m_changes->clear();
    if (const model::Scenario* s = current())
        for (const model::ScenarioChange& c : s->changes)
            m_changes->addItem(panel::qs(analysis::describeChange(m_session->dataset(), c, uiLanguage())));
    m_undo->setEnabled(!m_history.empty());
}

model::ScenarioChange ScenarioPanel::editedChange() const {
    model::ScenarioChange c;
    c.kind = static_cast<ScenarioChangeKind>(m_kind->currentData().toInt());
    const std::string profession = m_profession->currentData().toString().toStdString();
    // A code typed in the place chooser is taken as it is; a listed item gives its code.
    const int listed = m_place->findText(m_place->currentText());
    c.place =
        (listed >= 0 ? m_place->itemData(listed).toString() : m_place->currentText().trimmed()).toStdString();
    switch (c.kind) {
    case ScenarioChangeKind::Retire:
        c.age = m_age->value();
        c.profession = profession;
        break;
    case ScenarioChangeKind::Open:
        c.staff = {{profession, m_count->value()}};
        break;
    case ScenarioChangeKind::Remove:
        c.count = m_count->value();
        c.profession = profession;
        break;
    case ScenarioChangeKind::AddCooperation:
        c.place.clear();
        c.cooperation = m_cooperation->currentText().trimmed().toStdString();
        c.cooperationKind = m_cooperationKind->currentData().toString().toStdString();
        c.members = {m_poleA->currentData().toString().toStdString(),
                     m_poleB->currentData().toString().toStdString()};
        break;
    case ScenarioChangeKind::RemoveCooperation:
        c.place.clear();
        c.cooperation = m_cooperation->currentText().trimmed().toStdString();
        break;
    default:
        c.profession = profession;
        break;
    }
    return c;
}

QString ScenarioPanel::save() {
    const QString path = m_session->path();
    if (path.isEmpty())
        return tr(
            "The demonstration dataset has no file: save it (File > Save as…) before saving scenarios.");
    try {
        // A database dataset: only its scenarios rows, refused when someone saved them since it was read.
        if (io::isPostgisDataset(path.toStdString()))
            m_session->setScenariosVersion(
                io::savePostgisScenarios(path.toStdString(), m_scenarios, m_session->scenariosVersion())
                    .version);
        else
            io::writeScenarios(path.toStdString(), m_scenarios);
    } catch (const Error& e) {
        return i18n::describe(e);
    }
    m_session->setScenarios(m_scenarios);
    m_unsaved = false;
    return {};
}

std::optional<std::vector<double>> ScenarioPanel::zonageThresholds(const QString& text, bool french) {
    // French: a decimal comma, the values apart by semicolons ("2,5 ; 4"); English: a decimal point, the
    // values apart by semicolons or commas ("2.5; 4"). Spaces separate too. "2,5,4" reads as nothing.
    QString normalised = text;
    normalised.replace(QLatin1Char(';'), QLatin1Char(' '));
    normalised.replace(QLatin1Char(','), french ? QLatin1Char('.') : QLatin1Char(' '));
    std::vector<double> out;
    for (const QString& part : normalised.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = part.toDouble(&ok);
        if (!ok || !std::isfinite(v) || v <= 0 || (!out.empty() && v <= out.back()))
            return std::nullopt;
        out.push_back(v);
    }
    return out;
}

QString ScenarioPanel::sentences() const {
    return m_sentences->text();
}

void ScenarioPanel::applyCurrent(bool beforeAfter) {
    const model::Scenario* s = current();
    if (!s || !m_session->hasDataset()) {
        m_status->setText(tr("Create or choose a scenario first."));
        return;
    }
    const std::optional<std::vector<double>> thresholds =
        zonageThresholds(m_zonage->text(), panel::uiIsFrench());
    if (!thresholds) {
        const QString error = tr("Zonage thresholds “%1”: expected numbers above 0, ascending, separated by "
                                 "semicolons (for instance %2).")
                                  .arg(m_zonage->text(), m_zonage->placeholderText());
        m_status->setText(error);
        emit failed(error);
        return;
    }
    if (m_task)
        m_task->cancel();
    struct Shared {
        std::shared_ptr<const model::Dataset> dataset; // the Session's, shared: never edited in place
        model::Scenario scenario;
        int vintage = 0;
        analysis::ScenarioOptions options;
        analysis::SecrecyRule rule;
        Language language = Language::En;
        analysis::ScenarioComparison comparison;
        std::vector<io::ResultTable> tables;
        QString sentences;
    };
    auto shared = std::make_shared<Shared>();
    shared->dataset = m_session->sharedDataset();
    shared->scenario = *s;
    shared->vintage = m_session->vintage();
    shared->options.zonageThresholds = *thresholds;
    shared->rule = analysis::SecrecyRule::from(m_session->parameters().density);
    shared->language = uiLanguage();
    const int generation = ++m_generation;
    QPointer<ScenarioPanel> self(this);
    m_status->setText(tr("Applying the scenario “%1”…").arg(panel::qs(s->name)));
    m_task = FunctionTask::start(
        tr("Scenario %1").arg(panel::qs(s->name)),
        [shared](Feedback&) {
            shared->comparison = analysis::compareScenario(*shared->dataset, shared->scenario,
                                                           shared->vintage, shared->options);
            shared->tables = analysis::scenarioTables(*shared->dataset, shared->comparison, shared->rule,
                                                      shared->language);
            QStringList lines;
            for (const std::string& line :
                 analysis::describeComparison(shared->comparison, shared->rule, shared->language))
                lines << panel::qs(line);
            for (const auto& [before, after] :
                 analysis::crunchFindingChanges(shared->comparison, shared->rule, shared->language))
                lines << ScenarioPanel::tr("Crunch before: %1 — after: %2")
                             .arg(before.empty() ? QStringLiteral("—") : panel::qs(before),
                                  after.empty() ? QStringLiteral("—") : panel::qs(after));
            shared->sentences = lines.join(QLatin1Char('\n'));
        },
        [self, shared, generation, beforeAfter](bool ok, const QString& error) {
            if (!self || generation != self->m_generation)
                return;
            if (!ok) {
                self->m_status->setText(error);
                emit self->failed(error);
                return;
            }
            self->m_comparison =
                std::make_unique<analysis::ScenarioComparison>(std::move(shared->comparison));
            self->m_status->clear();
            self->showComparison(shared->tables, shared->sentences);
            self->showAfterLayer();
            if (beforeAfter && self->mainWindow()) // before and after side by side
                self->showBeforeAfter();
            emit self->applied();
        });
}

void ScenarioPanel::showComparison(const std::vector<io::ResultTable>& tables, const QString& sentences) {
    m_sentences->setText(sentences);
    m_tables->clear();
    const Language language = uiLanguage();
    for (const io::ResultTable& t : tables) {
        auto* model = new ResultTableModel(m_tables);
        QTableView* view = panel::tableView(QStringLiteral("scenario_") + panel::qs(t.name), model);
        view->setProperty(panel::kSecrecyThresholdProperty, t.secrecyThreshold);
        const QString title = panel::qs(language == Language::Fr ? t.titleFr : t.titleEn);
        model->setTable(t, language);
        view->resizeColumnsToContents();
        m_tables->addTab(view, title.isEmpty() ? panel::qs(t.name) : title);
    }
}

QMainWindow* ScenarioPanel::mainWindow() const {
    // Its dock's window, even when the dock floats (a window of its own, still a child of the main one).
    for (QWidget* w = parentWidget(); w; w = w->parentWidget())
        if (auto* main = qobject_cast<QMainWindow*>(w))
            return main;
    return nullptr;
}

QDockWidget* ScenarioPanel::ownDock() const {
    for (QWidget* w = parentWidget(); w; w = w->parentWidget())
        if (auto* dock = qobject_cast<QDockWidget*>(w))
            return dock;
    return nullptr;
}

QgsVectorLayer* ScenarioPanel::afterLayer() const {
    return m_project ? m_after.data() : m_ownedAfter.get();
}

void ScenarioPanel::showAfterLayer() {
    removeAfterLayer();
    if (!m_comparison || !m_session->hasDataset())
        return;
    QgsVectorLayer* layer = buildScenarioLayer(m_session->dataset(), *m_comparison,
                                               analysis::SecrecyRule::from(m_session->parameters().density));
    if (!layer)
        return;
    if (!m_project) {
        m_ownedAfter.reset(layer);
        return;
    }
    // The bassins underneath name the same BVs at the same places: their labels, not twice.
    layer->setLabelsEnabled(false);
    m_project->addMapLayer(layer, false);
    insertInMapOrder(m_project.data(), layer); // over the bassins, under the outlines and the maillage
    m_after = layer;
}

void ScenarioPanel::removeAfterLayer() {
    if (m_after && m_project)
        m_project->removeMapLayer(m_after->id());
    m_after = nullptr;
    m_ownedAfter.reset();
}

void ScenarioPanel::forgetResult() {
    removeAfterLayer();
    if (QMainWindow* top = mainWindow())
        if (auto* compare = top->findChild<MapCompare*>(); compare && compare->showsResult())
            compare->setVintage(compare->vintage()); // the year it showed before
}

bool ScenarioPanel::showBeforeAfter() {
    if (!m_comparison || !afterLayer()) {
        m_status->setText(tr("Apply a scenario first: its map after the changes goes on the right."));
        return false;
    }
    // The window's two-map view (MainWindow's "compareMaps" action), opened if it is not.
    QMainWindow* top = mainWindow();
    auto* action = top ? top->findChild<QAction*>(QStringLiteral("compareMaps")) : nullptr;
    if (action && !action->isChecked()) {
        // The two maps make the docks room, but not this one: its sentences say what the maps show.
        QDockWidget* dock = ownDock();
        const bool dockShown = dock && dock->isVisible() && !dock->isFloating();
        action->trigger();
        if (dockShown && !dock->isVisible())
            dock->show();
    }
    auto* compare = top ? top->findChild<MapCompare*>() : nullptr;
    if (!compare) {
        m_status->setText(tr("The two-map view is not available in this window."));
        return false;
    }
    // A copy of the result (the panel's goes on the next apply); the dataset is the session's, as the
    // second map leaves the result when the dataset changes.
    auto comparison = std::make_shared<const analysis::ScenarioComparison>(*m_comparison);
    const analysis::SecrecyRule rule = analysis::SecrecyRule::from(m_session->parameters().density);
    compare->showResult([session = m_session, comparison,
                         rule] { return buildScenarioLayer(session->dataset(), *comparison, rule); },
                        scenarioLayerTitle(panel::qs(m_comparison->scenario)));
    // The main map shows the dataset as it is: before, on the left.
    if (m_project)
        if (QgsLayerTreeLayer* node = m_project->layerTreeRoot()->findLayer(m_after->id()))
            node->setItemVisibilityChecked(false);
    return true;
}

} // namespace maillage::ui
