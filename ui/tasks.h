#pragma once
// Long work in the background: a QgsTask running a function that takes a maillage::Feedback (the core's
// progress/cancel interface), and the status-bar widget that shows progress with a cancel button.
#include "core/model/error.h"
#include "core/model/feedback.h"

#include <QList>
#include <QMutex>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <atomic>
#include <functional>
#include <optional>

#include <qgstaskmanager.h>

class QLabel;
class QProgressBar;
class QToolButton;

namespace maillage::ui {

//! Runs `work` on a worker thread (QgsTask::run), then `done` on the main thread (QgsTask::finished).
//! `work` must touch no widget, layer or project: it fills data captured by both lambdas, and `done` hands
//! it to the UI. Errors thrown by `work` (maillage::Error, std::exception) end the task: `done` gets
//! ok = false and the message (an engine error worded in the interface language, files by their name);
//! cancellation gives ok = false and an empty message.
class FunctionTask : public QgsTask {
    Q_OBJECT
public:
    using Work = std::function<void(Feedback& feedback)>;
    using Done = std::function<void(bool ok, const QString& error)>;

    FunctionTask(const QString& description, Work work, Done done, Flags flags = CanCancel);

    //! Last step reported by the work ("Lecture des communes"...).
    QString step() const;
    //! The full path of the file the error names, once finished ("" when none): for a tooltip.
    QString errorFile() const;

    //! Adds the task to QgsApplication::taskManager() (which takes ownership) and returns it.
    static FunctionTask* start(const QString& description, Work work, Done done);

    //! Cancels the task: `done` gets ok = false and no message. One still queued gets it at once but is not
    //! terminated, as QgsTask::cancel() would: the task manager then deletes it while a worker of the thread
    //! pool may be starting it (a crash in QgsTask::start under load). It waits for its turn and ends
    //! without running its work.
    void cancel() override;
    //! cancel() came: the task is over for its users, even while it waits in the queue for its turn.
    bool wasCanceled() const { return m_canceled; }

signals:
    void stepChanged(const QString& step);
    //! cancel() came (on the main thread), before the task's status says so if it is still queued.
    void canceled();

protected:
    bool run() override;
    void finished(bool result) override;

private:
    class Adapter;
    friend class Adapter;
    Work m_work;
    Done m_done;
    QString m_error;
    std::optional<Error> m_engineError;
    QString m_errorFile;
    std::atomic<bool> m_canceled{false}; //!< cancel() came, maybe before the task started
    mutable QMutex m_mutex;
    QString m_step;
};

//! Status-bar widget: the description of the running task, a progress bar and a cancel button; hidden
//! when none of the tasks it tracks runs.
class TaskProgressWidget : public QWidget {
    Q_OBJECT
public:
    explicit TaskProgressWidget(QWidget* parent = nullptr);
    void track(FunctionTask* task);
    //! Cancels every tracked task (e.g. when the window closes).
    void cancelAll();
    bool busy() const { return !m_tasks.isEmpty(); }

private:
    void refresh();
    QList<QPointer<FunctionTask>> m_tasks;
    QLabel* m_label;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
};

} // namespace maillage::ui
