#include "ui/panels/qpv_view.h"

#include "core/analysis/qpv.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/result_table_model.h"
#include "ui/session.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace maillage::ui {

QpvView::QpvView(Session* session, QWidget* parent) : QWidget(parent), m_session(session) {
    m_model = new ResultTableModel(this);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("qpvTable"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->setVisible(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_caption = new QLabel;
    m_caption->setObjectName(QStringLiteral("qpvCaption"));
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption);
    connect(m_session, &Session::datasetChanged, this, &QpvView::recompute);
    connect(m_session, &Session::classificationChanged, this, &QpvView::recompute);
    connect(m_session, &Session::professionChanged, this, &QpvView::recompute);
    recompute();
}

QpvView::~QpvView() = default;

const io::ResultTable& QpvView::table() const {
    return m_model->table();
}

void QpvView::recompute() {
    m_task.cancel();
    if (!m_session->hasDataset() || m_session->dataset().qpvs.empty())
        return;
    struct Job {
        model::Parameters params;
        std::string profession;
        int vintage = 0;
        io::ResultTable table;
    };
    auto job = std::make_shared<Job>();
    job->params = m_session->parameters();
    job->profession = m_session->profession().toStdString();
    job->vintage = m_session->vintage();
    m_caption->setText(tr("Computing the professionals around the QPV…"));
    m_task.start(
        tr("Professionals around the QPV"), m_session->sharedDataset(),
        [job](const model::Dataset& ds, Feedback&) {
            const auto result =
                analysis::professionalsAroundQpv(ds, job->profession, job->vintage, job->params);
            job->table = analysis::qpvTable(ds, result, analysis::SecrecyRule::from(job->params.density));
        },
        [this, job](bool ok, const QString& error) {
            if (!ok) {
                m_caption->setText(error);
                return;
            }
            const Language language = panel::uiIsFrench() ? Language::Fr : Language::En;
            m_caption->setText(QString::fromStdString(io::tableCaption(job->table, language)));
            m_model->setTable(std::move(job->table), language);
            m_view->resizeColumnsToContents();
            emit updated();
        });
}

} // namespace maillage::ui
