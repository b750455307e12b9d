#include "ui/panels/profile_view.h"

#include "core/analysis/profile_tables.h"
#include "ui/panels/panel_table.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/result_table_model.h"
#include "ui/panels/table_export.h"
#include "ui/session.h"

#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace maillage::ui {

//! What the profile task reads and writes besides the dataset.
struct ProfileJob {
    model::Parameters params;
    std::string territory, profession;
    int vintage = 0;
    Language language = Language::En;
    io::ResultTable profile, retirement;
};

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

//! The profile and retirement tables of the job's territory (worker thread).
void computeProfile(const model::Dataset& ds, ProfileJob& job) {
    const model::ProfessionalRegister& reg = *analysis::registerFor(ds, job.vintage);
    analysis::ProfileTableInput input;
    input.profiles =
        analysis::profilesWithReferences(ds, reg, analysis::parseTerritory(ds, job.territory),
                                         job.profession.empty() ? analysis::registerProfessions(ds, reg)
                                                                : std::vector<std::string>{job.profession});
    input.source = reg.source;
    input.rule = reg.rule;
    input.retirementAge = job.params.registers.retirementAge;
    const analysis::SecrecyRule rule = analysis::SecrecyRule::from(job.params.density);
    job.profile = analysis::profileTable(ds, input, rule);
    job.retirement = analysis::retirementTable(ds, input, rule, job.language);
}

} // namespace

QString ProfileView::levelLabel(const std::string& level) {
    if (level == "commune")
        return tr("Commune");
    if (level == "bv")
        return tr("Bassin de vie");
    if (level == "departement")
        return tr("Département");
    if (level == "region")
        return tr("Région");
    if (level == "communes")
        return tr("Selected communes");
    if (level == "dataset")
        return tr("Whole dataset");
    return QString::fromStdString(level);
}

void ProfileView::useLabels(io::ResultTable& table, const model::ProfessionCatalogue& catalogue) {
    const int level = table.column("level"), profession = table.column("profession");
    for (io::Row& row : table.rows) {
        if (level >= 0) {
            std::string& text = row.cells[static_cast<std::size_t>(level)].text;
            text = levelLabel(text).toStdString();
        }
        if (profession >= 0) {
            std::string& text = row.cells[static_cast<std::size_t>(profession)].text;
            if (const model::Profession* p = catalogue.find(text))
                text = panel::professionLabel(*p).toStdString();
        }
    }
}

ProfileView::ProfileView(Session* session, QWidget* parent) : QWidget(parent), m_session(session) {
    m_profileModel = new ResultTableModel(this);
    m_retirementModel = new ResultTableModel(this);
    m_profileTable = profileTableView(QStringLiteral("profileTable"), m_profileModel);
    m_retirementTable = profileTableView(QStringLiteral("retirementTable"), m_retirementModel);
    m_sentences = new QLabel;
    m_sentences->setObjectName(QStringLiteral("profileSentences"));
    m_sentences->setWordWrap(true);
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
    connect(m_session, &Session::datasetChanged, this, &ProfileView::recompute);
    connect(m_session, &Session::classificationChanged, this, &ProfileView::recompute);
    connect(m_session, &Session::professionChanged, this, &ProfileView::recompute);
    connect(m_session, &Session::bassinSelectionChanged, this, &ProfileView::recompute);
    connect(m_session, &Session::communeSelected, this, &ProfileView::recompute);
    recompute();
}

ProfileView::~ProfileView() = default;

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
        lines << (cell.masked ? tr("%1: not shown (statistical secrecy).").arg(where)
                              : tr("%1: %2").arg(where, QString::fromStdString(cell.text)));
    }
    return lines.join(QLatin1Char('\n'));
}

void ProfileView::recompute() {
    m_task.cancel();
    if (!m_session->hasDataset())
        return;
    const bool hasRegister = analysis::registerFor(m_session->dataset(), m_session->vintage()) != nullptr;
    m_tabs->setVisible(hasRegister);
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
    auto shared = std::make_shared<ProfileJob>();
    shared->params = m_session->parameters();
    shared->territory = territorySpecOf(*m_session);
    shared->profession = m_session->profession().toStdString();
    shared->vintage = m_session->vintage();
    shared->language = panel::uiIsFrench() ? Language::Fr : Language::En;
    m_sentences->setText(tr("Computing the profile of the professionals…"));
    m_task.start(
        tr("Profile of the professionals"), m_session->sharedDataset(),
        [shared](const model::Dataset& ds, Feedback&) { computeProfile(ds, *shared); },
        [this, shared](bool ok, const QString& error) {
            if (ok)
                showResult(*shared);
            else
                m_sentences->setText(error);
        });
}

void ProfileView::showResult(ProfileJob& job) {
    const Language language = job.language;
    m_sentences->setText(sentencesOf(job.retirement));
    // The whole caption (register, site rule, ages, secrecy) on hover; the secrecy sentence is the panel's.
    m_tabs->setToolTip(QString::fromStdString(io::tableCaption(job.profile, language)));
    for (QTableView* view : {m_profileTable, m_retirementTable})
        view->setProperty(panel::kSecrecyThresholdProperty, job.profile.secrecyThreshold);
    useLabels(job.profile, m_session->dataset().catalogue);
    useLabels(job.retirement, m_session->dataset().catalogue);
    m_profileModel->setTable(std::move(job.profile), language);
    m_retirementModel->setTable(std::move(job.retirement), language);
    m_profileTable->resizeColumnsToContents();
    m_retirementTable->resizeColumnsToContents();
    emit updated();
}

} // namespace maillage::ui
