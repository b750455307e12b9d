#include "ui/panels/qpv_view.h"

#include "core/analysis/qpv.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/result_table_model.h"
#include "ui/session.h"
#include "ui/tasks.h"

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

QpvView::~QpvView() {
    if (m_task)
        m_task->cancel();
}

const io::ResultTable& QpvView::table() const {
    return m_model->table();
}

void QpvView::recompute() {
    if (m_task)
        m_task->cancel();
    if (!m_session->hasDataset() || m_session->dataset().qpvs.empty())
        return;
    struct Shared {
        model::Dataset dataset;
        model::Parameters params;
        std::string profession;
        int vintage = 0;
        io::ResultTable table;
    };
    auto shared = std::make_shared<Shared>();
    shared->dataset = m_session->dataset(); // a copy: the session may change while the task runs
    shared->params = m_session->parameters();
    shared->profession = m_session->profession().toStdString();
    shared->vintage = m_session->vintage();
    const int generation = ++m_generation;
    QPointer<QpvView> self(this);
    m_caption->setText(tr("Computing the professionals around the QPV…"));
    m_task = FunctionTask::start(
        tr("Professionals around the QPV"),
        [shared](Feedback&) {
            const auto result = analysis::professionalsAroundQpv(shared->dataset, shared->profession,
                                                                 shared->vintage, shared->params);
            shared->table = analysis::qpvTable(shared->dataset, result,
                                               analysis::SecrecyRule::from(shared->params.density));
        },
        [self, shared, generation](bool ok, const QString& error) {
            if (!self || generation != self->m_generation)
                return;
            if (!ok) {
                self->m_caption->setText(error);
                return;
            }
            const Language language = panel::uiIsFrench() ? Language::Fr : Language::En;
            self->m_caption->setText(QString::fromStdString(io::tableCaption(shared->table, language)));
            self->m_model->setTable(std::move(shared->table), language);
            self->m_view->resizeColumnsToContents();
            emit self->updated();
        });
}

} // namespace maillage::ui
