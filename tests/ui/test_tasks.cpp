// Background work: FunctionTask words engine errors in the interface language; the status bar's progress
// widget shows the Session's tasks and cancels them; the Session starts a request once, drops the failure
// of a superseded request and gives running tasks a dataset that later parameters do not change.
#include "core/analysis/density.h"
#include "core/demo/demo.h"
#include "core/model/error.h"
#include "ui/i18n.h"
#include "ui/main_window.h"
#include "ui/panels/poles_panel.h"
#include "ui/session.h"
#include "ui/tasks.h"

#include "ui/qgis_test_main.h"
#include "ui/ui_fixture.h"

#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>

#include <qgsapplication.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>
#include <qgstaskmanager.h>

using namespace maillage;
using namespace maillage::ui;

namespace {

//! Occupies the only worker thread until released, so that the tasks started meanwhile stay queued (and a
//! cancel reaches them before they run, whatever the speed of the machine).
class WorkerBlocker {
public:
    WorkerBlocker() {
        // Work of earlier tests (a cancelled task's turn, a map render of a window) may still hold a worker
        // of the global pool: on a loaded machine the blocker waited behind it more than 10 s (CI, session
        // 22). Start from an idle pool, and say what held it when it does not become idle.
        QTRY_VERIFY2_WITH_TIMEOUT(QThreadPool::globalInstance()->activeThreadCount() == 0, qPrintable(busy()),
                                  60000);
        m_threads = QThreadPool::globalInstance()->maxThreadCount();
        QThreadPool::globalInstance()->setMaxThreadCount(1);
        auto release = m_release;
        auto started = m_started;
        m_task = FunctionTask::start(QStringLiteral("blocker"),
                                     [release, started](Feedback&) {
                                         *started = true;
                                         while (!*release)
                                             QThread::msleep(2);
                                     },
                                     {});
        QTRY_VERIFY2_WITH_TIMEOUT(*m_started, qPrintable(busy()), 60000);
    }
    ~WorkerBlocker() {
        release();
        QThreadPool::globalInstance()->setMaxThreadCount(m_threads);
    }
    void release() {
        *m_release = true;
        QTRY_VERIFY_WITH_TIMEOUT(!m_task || m_task->status() == QgsTask::Complete, 60000);
    }
    //! The pool's workers in use and the task manager's active tasks, for a failure message.
    static QString busy() {
        QStringList tasks;
        for (QgsTask* task : QgsApplication::taskManager()->activeTasks())
            tasks << QStringLiteral("%1 (status %2)").arg(task->description()).arg(int(task->status()));
        return QStringLiteral("%1 worker(s) busy; active tasks: %2")
            .arg(QThreadPool::globalInstance()->activeThreadCount())
            .arg(tasks.isEmpty() ? QStringLiteral("none") : tasks.join(QStringLiteral(", ")));
    }

private:
    std::shared_ptr<std::atomic<bool>> m_release = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<std::atomic<bool>> m_started = std::make_shared<std::atomic<bool>>(false);
    QPointer<FunctionTask> m_task;
    int m_threads = 0;
};

} // namespace

class TestTasks : public QObject {
    Q_OBJECT

private slots:
    void engineErrorIsWordedInTheInterfaceLanguageWithTheFileName() {
        QString english;
        QString french;
        QString file;
        const Location where{QStringLiteral("/data/inputs/communes.csv").toStdString(), 12, "code"};
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("fr")}) {
            i18n::installTranslators(language);
            bool done = false;
            QString* out = language == QLatin1String("en") ? &english : &french;
            FunctionTask* task = FunctionTask::start(
                QStringLiteral("failing"),
                [where](Feedback&) { throw Error(ErrorKind::Value, where, msg("canceled.by_user")); },
                [&done, out](bool ok, const QString& error) {
                    done = true;
                    *out = ok ? QString() : error;
                });
            QPointer<FunctionTask> guard(task);
            QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
            if (guard)
                file = guard->errorFile();
        }
        QVERIFY2(french.contains(QStringLiteral("ligne 12")) &&
                     french.contains(QStringLiteral("colonne «")) &&
                     french.contains(QStringLiteral("code")) &&
                     french.contains(QStringLiteral("annulé par l'utilisateur")),
                 qPrintable(french));
        QVERIFY2(english.contains(QStringLiteral("line 12")) && english.contains(QStringLiteral("canceled")),
                 qPrintable(english));
        // The file by its name in the sentence; the full path is for a tooltip or the details.
        QVERIFY2(french.contains(QStringLiteral("communes.csv")) && !french.contains(QStringLiteral("/data")),
                 qPrintable(french));
        QCOMPARE(i18n::errorFile(Error(ErrorKind::Value, where, msg("canceled.by_user"))),
                 QDir::toNativeSeparators(QStringLiteral("/data/inputs/communes.csv")));
        Q_UNUSED(file);
    }

    void openingAMissingDatasetSaysSoInFrenchWithoutTheFolder() {
        i18n::installTranslators(QStringLiteral("fr"));
        MainWindow window;
        window.setErrorDialogsEnabled(false);
        QSignalSpy failed(&window, &MainWindow::datasetFailed);
        window.openDataset(QStringLiteral("/nonexistent-folder-maillage/absent.gpkg"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("absent.gpkg")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("nonexistent-folder-maillage")), qPrintable(message));
        // The location is worded the French way (no-break space before the colon).
        QVERIFY2(message.contains(QStringLiteral("absent.gpkg\u00a0:")), qPrintable(message));
    }

    void progressWidgetShowsATaskAndCancelStopsIt() {
        TaskProgressWidget widget;
        widget.show();
        // Stays false when cancelled, before or while it runs (shared: the work may outlive this function).
        auto ranToTheEnd = std::make_shared<std::atomic<bool>>(false);
        bool done = false;
        bool succeeded = true;
        QString error = QStringLiteral("not called");
        FunctionTask* task = FunctionTask::start(
            QStringLiteral("Long work"),
            [ranToTheEnd](Feedback& feedback) {
                for (int i = 0; i < 5000 && !feedback.isCanceled(); ++i)
                    QThread::msleep(2);
                *ranToTheEnd = !feedback.isCanceled();
            },
            [&](bool ok, const QString& message) {
                done = true;
                succeeded = ok;
                error = message;
            });
        widget.track(task);
        QVERIFY(widget.isVisible());
        QVERIFY(widget.busy());
        auto* label = widget.findChild<QLabel*>();
        QVERIFY(label && label->text().contains(QStringLiteral("Long work")));
        auto* cancel = widget.findChild<QToolButton*>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(!succeeded);
        QVERIFY(error.isEmpty()); // cancelled, not failed
        QTRY_VERIFY_WITH_TIMEOUT(!widget.isVisible(), 10000);
        QVERIFY(!*ranToTheEnd);
    }

    void tasksCancelledWhileQueuedSaySoAtOnceAndEndWithoutRunningTheirWork() {
        // Terminated at once, a queued task was deleted while the thread pool could be starting it (a crash
        // in QgsTask::start under load, test_ui_reggui18): it now says cancelled at once, stays queued until
        // its turn and ends without running its work.
        auto ran = std::make_shared<std::atomic<int>>(0);
        int done = 0, succeeded = 0, withMessage = 0;
        QList<QPointer<FunctionTask>> tasks;
        {
            WorkerBlocker blocker;
            for (int i = 0; i < 40; ++i) {
                FunctionTask* task = FunctionTask::start(
                    QStringLiteral("queued %1").arg(i), [ran](Feedback&) { ++*ran; },
                    [&](bool ok, const QString& message) {
                        ++done;
                        succeeded += ok ? 1 : 0;
                        withMessage += message.isEmpty() ? 0 : 1;
                    });
                QCOMPARE(task->status(), QgsTask::Queued);
                task->cancel();
                QCOMPARE(task->status(), QgsTask::Queued); // not terminated, so not deleted under the pool
                QCOMPARE(done, i + 1);                     // said cancelled at once
                tasks << task;
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(tasks.begin(), tasks.end(), [](const auto& t) { return t.isNull(); }), 30000);
        QCOMPARE(done, 40); // once each
        QCOMPARE(succeeded, 0);
        QCOMPARE(withMessage, 0);
        QCOMPARE(ran->load(), 0);
    }

    void aQueuedTaskCancelledLeavesTheProgressWidgetAtOnce() {
        TaskProgressWidget widget;
        widget.show();
        QPointer<FunctionTask> task;
        {
            WorkerBlocker blocker;
            task = FunctionTask::start(QStringLiteral("En attente"), [](Feedback&) {}, {});
            widget.track(task);
            QVERIFY(widget.isVisible());
            QCOMPARE(task->status(), QgsTask::Queued);
            task->cancel();
            QCOMPARE(task->status(), QgsTask::Queued); // still waiting for its turn,
            QVERIFY(!widget.isVisible());              // but no longer shown as busy
            QVERIFY(!widget.busy());
        }
        QTRY_VERIFY_WITH_TIMEOUT(task.isNull(), 30000);
        QVERIFY(!widget.isVisible());
    }

    void sessionTasksShowInTheStatusBar() {
        MainWindow window;
        window.show();
        auto* progress = window.findChild<TaskProgressWidget*>();
        QVERIFY(progress);
        window.session()->setDataset(testing::makeSixBassins());
        WorkerBlocker blocker;
        QSignalSpy ready(window.session(), &Session::densityMapReady);
        window.session()->requestDensityMap({QString(), 2023, false});
        QVERIFY(progress->busy());
        QVERIFY(progress->isVisible());
        blocker.release();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!progress->busy(), 10000);
    }

    void densityRequestedTwiceStartsOneTask() {
        Session session;
        session.setDataset(testing::makeSixBassins());
        QSignalSpy started(&session, &Session::backgroundTaskStarted);
        QSignalSpy ready(&session, &Session::densityMapReady);
        const DensityMapRequest request{QString(), 2023, false};
        session.requestDensityMap(request);
        session.requestDensityMap(request);
        QCOMPARE(started.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
        QVERIFY(session.shownDensityMap());
        session.requestDensityMap(request); // cached now
        QCOMPARE(started.count(), 1);
        QCOMPARE(ready.count(), 2);
    }

    void supersededDensityFailureIsNotReported() {
        Session session;
        session.setDataset(testing::makeSixBassins());
        WorkerBlocker blocker;
        QList<QPointer<FunctionTask>> tasks;
        connect(&session, &Session::backgroundTaskStarted, this,
                [&tasks](FunctionTask* task) { tasks << task; });
        QSignalSpy failed(&session, &Session::densityMapFailed);
        QSignalSpy ready(&session, &Session::densityMapReady);
        const DensityMapRequest first{QString(), 2023, false};
        const DensityMapRequest second{QString(), 2023, true};
        session.requestDensityMap(first);
        session.requestDensityMap(second);
        QCOMPARE(tasks.size(), 2);
        tasks.first()->cancel(); // the first request ends without a result after the second was asked
        blocker.release();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
        QCOMPARE(ready.first().first().value<DensityMapRequest>(), second);
        QCOMPARE(failed.count(), 0);
    }

    void cancelledShownDensityIsReportedAsCancelled() {
        Session session;
        session.setDataset(testing::makeSixBassins());
        WorkerBlocker blocker;
        QPointer<FunctionTask> task;
        connect(&session, &Session::backgroundTaskStarted, this, [&task](FunctionTask* t) { task = t; });
        QSignalSpy failed(&session, &Session::densityMapFailed);
        session.requestDensityMap({QString(), 2023, false});
        QVERIFY(task);
        task->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY(failed.first().at(1).toString().isEmpty());
    }

    void parametersChangedWhileATaskRunsLeaveItsDatasetAlone() {
        Session session;
        session.setDataset(testing::makeSixBassins());
        WorkerBlocker blocker;
        const model::Dataset* read = &session.dataset();
        const int threshold = read->params.density.secrecyThreshold;
        session.requestDensityMap({QString(), 2023, false}); // holds the dataset until it has run
        model::Parameters p = session.parameters();
        p.density.secrecyThreshold = threshold + 3;
        session.setParameters(p);
        QCOMPARE(session.parameters().density.secrecyThreshold, threshold + 3);
        QCOMPARE(read->params.density.secrecyThreshold, threshold); // what the task reads did not change
        blocker.release();
    }

    void densityMapKeepsNoDensityOfAMaskedCount() {
        Session session;
        session.setDataset(demo::makeDemoDataset());
        const model::Dataset& ds = session.dataset();
        const model::DensityParameters& params = session.parameters().density;
        // A profession with a commune under the secrecy threshold, and one above it.
        QString profession;
        std::vector<analysis::DensityRow> rows;
        for (const model::Profession& p : ds.catalogue.professions()) {
            rows = analysis::densityForAllCommunes(ds, p.code, session.vintage()).rows;
            const auto masked = [&](const analysis::DensityRow& r) {
                return analysis::isMasked(r.count, params);
            };
            if (std::any_of(rows.begin(), rows.end(), masked) &&
                std::any_of(rows.begin(), rows.end(),
                            [&](const auto& r) { return !masked(r) && r.count > 0; })) {
                profession = QString::fromStdString(p.code);
                break;
            }
        }
        QVERIFY2(!profession.isEmpty(), "the demo dataset has no count under the secrecy threshold");
        QSignalSpy ready(&session, &Session::densityMapReady);
        session.requestDensityMap({profession, session.vintage(), false});
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
        const DensityMap* map = session.shownDensityMap();
        QVERIFY(map);
        QCOMPARE(map->masked.size(), rows.size());
        QCOMPARE(map->secrecyThreshold, params.secrecyThreshold);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const bool masked = analysis::isMasked(rows[i].count, params);
            QCOMPARE(bool(map->masked[i]), masked);
            if (masked)
                QVERIFY(std::isnan(map->values[i])); // no density from which the count comes back
            else if (rows[i].population > 0)
                QCOMPARE(map->values[i], rows[i].per10k);
        }
    }

    void cancelledCrunchSaysSoInThePolesPanel() {
        i18n::installTranslators(QStringLiteral("en"));
        Session session;
        QgsProject project;
        QgsMapCanvas canvas;
        session.setDataset(testing::makeSixBassins());
        QPointer<FunctionTask> crunch;
        connect(&session, &Session::backgroundTaskStarted, this, [&crunch](FunctionTask* task) {
            crunch = task;
            // As a user would: once the panel has said it is computing.
            QTimer::singleShot(0, task, [task] { task->cancel(); });
        });
        WorkerBlocker blocker;
        PolesPanel panel(&session, &canvas, &project);
        auto* note = panel.findChild<QLabel*>(QStringLiteral("crunchScopeNote"));
        QVERIFY(note);
        QTRY_VERIFY_WITH_TIMEOUT(note->text() == QStringLiteral("The diagnosis was cancelled."), 10000);
        blocker.release();
        i18n::installTranslators(QStringLiteral("fr"));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestTasks)
#include "test_tasks.moc"
