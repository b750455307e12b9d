#include "ui/tasks.h"

#include "core/model/error.h"
#include "ui/i18n.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMutexLocker>
#include <QProgressBar>
#include <QToolButton>

#include <qgsapplication.h>

#include <exception>
#include <utility>

namespace maillage::ui {

//! maillage::Feedback over a QgsTask: progress to the task (its progressChanged signal reaches the UI
//! through a queued connection), cancellation from it.
class FunctionTask::Adapter : public Feedback {
public:
    explicit Adapter(FunctionTask* task) : m_task(task) {}
    void setProgress(double percent) override {
        Feedback::setProgress(percent);
        m_task->setProgress(percent);
    }
    void setStep(const Message& step) override {
        const QString text = QString::fromStdString(word(step, i18n::engineLanguage(), PathStyle::FileName));
        {
            QMutexLocker lock(&m_task->m_mutex);
            m_task->m_step = text;
        }
        emit m_task->stepChanged(text);
    }
    bool isCanceled() const override {
        return m_task->isCanceled() || m_task->m_canceled || Feedback::isCanceled();
    }

private:
    FunctionTask* m_task;
};

FunctionTask::FunctionTask(const QString& description, Work work, Done done, Flags flags)
    : QgsTask(description, flags), m_work(std::move(work)), m_done(std::move(done)) {}

QString FunctionTask::step() const {
    QMutexLocker lock(&m_mutex);
    return m_step;
}

FunctionTask* FunctionTask::start(const QString& description, Work work, Done done) {
    auto* task = new FunctionTask(description, std::move(work), std::move(done));
    QgsApplication::taskManager()->addTask(task);
    return task;
}

void FunctionTask::cancel() {
    m_canceled = true; // before the status is read: a task that starts meanwhile sees it in run()
    if (status() != QgsTask::Queued) {
        QgsTask::cancel();
        emit canceled();
        return;
    }
    // Said cancelled now (main thread, as finished()); run() ends at once when its turn comes.
    if (Done done = std::exchange(m_done, nullptr))
        done(false, QString());
    emit canceled();
}

bool FunctionTask::run() {
    if (m_canceled)
        return false;
    Adapter feedback(this);
    try {
        m_work(feedback);
    } catch (const Error& e) {
        // Worded in finished(), on the main thread, in the interface language.
        if (e.kind() != ErrorKind::Canceled)
            m_engineError = e;
        return false;
    } catch (const std::exception& e) {
        m_error = QString::fromUtf8(e.what());
        return false;
    }
    return !isCanceled() && !m_canceled;
}

void FunctionTask::finished(bool result) {
    if (m_engineError) {
        m_error = i18n::describe(*m_engineError);
        m_errorFile = i18n::errorFile(*m_engineError);
    }
    if (m_done)
        m_done(result, result ? QString() : m_error);
}

QString FunctionTask::errorFile() const {
    return m_errorFile;
}

TaskProgressWidget::TaskProgressWidget(QWidget* parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QToolButton(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setRange(0, 100);
    m_bar->setMaximumWidth(180);
    m_bar->setTextVisible(true);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel the running task"));
    m_cancel->setAutoRaise(true);
    connect(m_cancel, &QToolButton::clicked, this, &TaskProgressWidget::cancelAll);
    setVisible(false);
}

void TaskProgressWidget::track(FunctionTask* task) {
    m_tasks.append(task);
    connect(task, &QgsTask::progressChanged, this, &TaskProgressWidget::refresh);
    connect(task, &FunctionTask::stepChanged, this, &TaskProgressWidget::refresh);
    connect(task, &FunctionTask::canceled, this, &TaskProgressWidget::refresh);
    connect(task, &QgsTask::taskCompleted, this, &TaskProgressWidget::refresh, Qt::QueuedConnection);
    connect(task, &QgsTask::taskTerminated, this, &TaskProgressWidget::refresh, Qt::QueuedConnection);
    connect(task, &QObject::destroyed, this, &TaskProgressWidget::refresh, Qt::QueuedConnection);
    refresh();
}

void TaskProgressWidget::cancelAll() {
    // A copy: each cancel refreshes the widget, which rewrites m_tasks.
    const QList<QPointer<FunctionTask>> tasks = m_tasks;
    for (const QPointer<FunctionTask>& task : tasks) {
        if (task)
            task->cancel();
    }
}

void TaskProgressWidget::refresh() {
    QList<QPointer<FunctionTask>> running;
    for (const QPointer<FunctionTask>& task : std::as_const(m_tasks)) {
        // A cancelled task still queued waits for its turn only to end: nothing to show or cancel any more.
        if (task && task->status() != QgsTask::Complete && task->status() != QgsTask::Terminated &&
            !(task->wasCanceled() && task->status() == QgsTask::Queued))
            running.append(task);
    }
    m_tasks = running;
    if (m_tasks.isEmpty()) {
        setVisible(false);
        return;
    }
    FunctionTask* task = m_tasks.last();
    const QString step = task->step();
    m_label->setText(step.isEmpty() ? task->description()
                                    : task->description() + QStringLiteral(" — ") + step);
    m_bar->setValue(static_cast<int>(task->progress()));
    setVisible(true);
}

} // namespace maillage::ui
