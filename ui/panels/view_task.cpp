#include "ui/panels/view_task.h"

#include "ui/tasks.h"

namespace maillage::ui {

ViewTask::~ViewTask() {
    cancel();
}

void ViewTask::cancel() {
    ++m_generation;
    if (m_task)
        m_task->cancel();
    m_task = nullptr;
}

void ViewTask::start(const QString& description, std::shared_ptr<const model::Dataset> dataset, Work work,
                     Done done) {
    cancel();
    const int generation = m_generation;
    QPointer<QObject> owner = m_owner;
    // The owner holds this ViewTask: while the owner lives, `this` does.
    m_task = FunctionTask::start(
        description,
        [dataset = std::move(dataset), work = std::move(work)](Feedback& feedback) {
            work(*dataset, feedback);
        },
        [this, owner, generation, done = std::move(done)](bool ok, const QString& error) {
            if (!owner || generation != m_generation)
                return;
            m_task = nullptr;
            done(ok, error);
        });
}

} // namespace maillage::ui
