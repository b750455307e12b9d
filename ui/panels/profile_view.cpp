#include "ui/panels/profile_view.h"

#include "core/analysis/profile_tables.h"
#include "ui/panels/panel_table.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/result_table_model.h"
#include "ui/panels/table_export.h"
#include "ui/session.h"
#include "ui/tasks.h"

#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace maillage::ui {

namespace {

QTableView* profileTableView(const QString& name, ResultTableModel* model) {
    QTableView* view = panel::tableView(name, model);
    view->setSortingEnabled(false); // the territory first, then its references, in that order
    return view;
}

//! The territory the panel speaks of: the commune chosen, else the selected BV (several: their communes),
//! else the dataset.
std::string territorySpecOf(const Session& session) {
    if (!session.currentCommune().isEmpty())
        return "commune:" + session.currentCommune().toStdString();
    const QStringList bassins = session.selectedBassins();
    if (bassins.size() == 1)
        return "bv:" + bassins.front().toStdString();
    if (bassins.isEmpty())
        return "dataset";
    std::string list;
    for (const model::Commune& c : session.dataset().communes)
        if (bassins.contains(QString::fromStdString(c.bv)))
            list += (list.empty() ? "" : ",") + c.code;
    return list.empty() ? "dataset" : "communes:" + list;
}

} // namespace

ProfileView::ProfileView(Session* session, QWidget* parent) : QWidget(parent), m_session(session) {
    m_profileModel = new ResultTableModel(this);
    m_retirementModel = new ResultTableModel(this);
    m_profileTable = profileTableView(QStringLiteral("profileTable"), m_profileModel);
    m_retirementTable = profileTableView(QStringLiteral("retirementTable"), m_retirementModel);
    m_sentences = new QLabel;
    m_sentences->setObjectName(QStringLiteral("profileSentences"));
    m_sentences->setWordWrap(true);
    m_caption = new QLabel;
    m_caption->setObjectName(QStringLiteral("profileCaption"));
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The two tables share the room as tabs: each stays tall enough to read the territory and its references.
    auto* tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("profileTabs"));
    tabs->addTab(m_profileTable, tr("Profile"));
    tabs->addTab(m_retirementTable, tr("Retirements"));
    tabs->setMinimumHeight(4 * m_profileTable->verticalHeader()->defaultSectionSize() + 40);
    m_tabs = tabs;
    layout->addWidget(m_sentences);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_caption);
    connect(m_session, &Session::datasetChanged, this, &ProfileView::recompute);
    connect(m_session, &Session::classificationChanged, this, &ProfileView::recompute);
    connect(m_session, &Session::professionChanged, this, &ProfileView::recompute);
    connect(m_session, &Session::bassinSelectionChanged, this, &ProfileView::recompute);
    connect(m_session, &Session::communeSelected, this, &ProfileView::recompute);
    recompute();
}

ProfileView::~ProfileView() {
    if (m_task)
        m_task->cancel();
}

const io::ResultTable& ProfileView::profileTable() const {
    return m_profileModel->table();
}

const io::ResultTable& ProfileView::retirementTable() const {
    return m_retirementModel->table();
}

QString ProfileView::sentences() const {
    return m_sentences->text();
}

QString ProfileView::territorySpec() const {
    return m_session->hasDataset() ? QString::fromStdString(territorySpecOf(*m_session)) : QString();
}

QString ProfileView::sentencesOf(const io::ResultTable& retirement) {
    // One line per profession: the territory's row (the first of each profession's rows).
    QStringList lines;
    const int level = retirement.column("level"), name = retirement.column("name"),
              sentence = retirement.column("sentence_10y");
    if (level < 0 || name < 0 || sentence < 0 || retirement.rows.empty())
        return {};
    const std::string territoryLevel = retirement.rows.front().cells[static_cast<std::size_t>(level)].text;
    for (const io::Row& row : retirement.rows) {
        if (row.cells[static_cast<std::size_t>(level)].text != territoryLevel)
            continue;
        const io::Cell& cell = row.cells[static_cast<std::size_t>(sentence)];
        const QString where = QString::fromStdString(row.cells[static_cast<std::size_t>(name)].text);
        lines << (cell.masked ? tr("%1: not shown (statistical secrecy)").arg(where)
                              : tr("%1: %2").arg(where, QString::fromStdString(cell.text)));
    }
    return lines.join(QLatin1Char('\n'));
}

void ProfileView::recompute() {
    if (m_task)
        m_task->cancel();
    ++m_generation;
    if (!m_session->hasDataset())
        return;
    const bool hasRegister = analysis::registerFor(m_session->dataset(), m_session->vintage()) != nullptr;
    m_tabs->setVisible(hasRegister);
    m_caption->setVisible(hasRegister);
    if (!hasRegister) {
        m_profileModel->setTable({}, Language::En);
        m_retirementModel->setTable({}, Language::En);
        m_sentences->setText(
            tr("No register of individual professionals for %1: ages, secteurs and retirements need one "
               "(File > Add data…).")
                .arg(m_session->vintage()));
        emit updated();
        return;
    }
    struct Shared {
        model::Dataset dataset;
        model::Parameters params;
        std::string territory, profession;
        int vintage = 0;
        Language language = Language::En;
        io::ResultTable profile, retirement;
    };
    auto shared = std::make_shared<Shared>();
    shared->dataset = m_session->dataset(); // a copy: the session may change while the task runs
    shared->params = m_session->parameters();
    shared->territory = territorySpecOf(*m_session);
    shared->profession = m_session->profession().toStdString();
    shared->vintage = m_session->vintage();
    shared->language = panel::uiIsFrench() ? Language::Fr : Language::En;
    const int generation = m_generation;
    QPointer<ProfileView> self(this);
    m_sentences->setText(tr("Computing the profile of the professionals…"));
    m_task = FunctionTask::start(
        tr("Profile of the professionals"),
        [shared](Feedback&) {
            const model::Dataset& ds = shared->dataset;
            const model::ProfessionalRegister& reg = *analysis::registerFor(ds, shared->vintage);
            analysis::ProfileTableInput input;
            input.profiles = analysis::profilesWithReferences(
                ds, reg, analysis::parseTerritory(ds, shared->territory),
                shared->profession.empty() ? analysis::registerProfessions(ds, reg)
                                           : std::vector<std::string>{shared->profession});
            input.source = reg.source;
            input.rule = reg.rule;
            input.retirementAge = shared->params.registers.retirementAge;
            const analysis::SecrecyRule rule = analysis::SecrecyRule::from(shared->params.density);
            shared->profile = analysis::profileTable(ds, input, rule);
            shared->retirement = analysis::retirementTable(ds, input, rule, shared->language);
        },
        [self, shared, generation](bool ok, const QString& error) {
            if (!self || generation != self->m_generation)
                return;
            if (!ok) {
                self->m_sentences->setText(error);
                return;
            }
            const Language language = shared->language;
            self->m_sentences->setText(sentencesOf(shared->retirement));
            // The whole caption (register, site rule, ages) on hover; the secrecy line, always shown, below.
            const QString caption = QString::fromStdString(io::tableCaption(shared->profile, language));
            self->m_tabs->setToolTip(caption);
            const QStringList lines = caption.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            self->m_caption->setText(lines.isEmpty() ? QString() : lines.last());
            for (QTableView* view : {self->m_profileTable, self->m_retirementTable})
                view->setProperty(panel::kSecrecyThresholdProperty, shared->profile.secrecyThreshold);
            self->m_profileModel->setTable(std::move(shared->profile), language);
            self->m_retirementModel->setTable(std::move(shared->retirement), language);
            self->m_profileTable->resizeColumnsToContents();
            self->m_retirementTable->resizeColumnsToContents();
            emit self->updated();
        });
}

} // namespace maillage::ui
