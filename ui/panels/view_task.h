#pragma once
// The background computation of a view that shows one result of the Session's dataset (the profile and
// QPV views of the Densités panel): a new start cancels the running task and makes its result stale; the
// work reads the dataset shared with the Session, never a copy of it.
#include "core/model/dataset.h"
#include "core/model/feedback.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace maillage::ui {

class FunctionTask;

class ViewTask {
public:
    using Work = std::function<void(const model::Dataset& dataset, Feedback& feedback)>;
    //! `ok` false: `error` says why (empty when cancelled).
    using Done = std::function<void(bool ok, const QString& error)>;

    //! `owner` is the view: a result that arrives after it is gone is dropped.
    explicit ViewTask(QObject* owner) : m_owner(owner) {}
    ~ViewTask();
    ViewTask(const ViewTask&) = delete;
    ViewTask& operator=(const ViewTask&) = delete;

    //! Runs `work` on `dataset` on a worker thread, then `done` on the main thread unless a later start()
    //! or cancel() came first. `dataset` is held by the task until it ends.
    void start(const QString& description, std::shared_ptr<const model::Dataset> dataset, Work work,
               Done done);
    //! Cancels the running task; its result will not be shown.
    void cancel();

private:
    QPointer<QObject> m_owner;
    QPointer<FunctionTask> m_task;
    int m_generation = 0;
};

} // namespace maillage::ui
