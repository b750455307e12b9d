#include "ui/atlas.h"

#include "ui/tasks.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>

#include <memory>

namespace maillage::ui {

namespace {

//! Removes what a killed command left beside `output`: its temporary PDFs written since `since`.
void removeTemporaries(const QString& output, const QDateTime& since) {
    const QFileInfo target(output);
    for (const QFileInfo& f :
         target.dir().entryInfoList({QStringLiteral(".maillage-export-*.pdf")}, QDir::Files | QDir::Hidden))
        if (f.lastModified() >= since)
            QFile::remove(f.filePath());
}

QString language() {
    return QLocale().language() == QLocale::French ? QStringLiteral("fr") : QStringLiteral("en");
}

} // namespace

QStringList atlasArguments(const QString& dataset, bool byDepartement, bool polesOnly,
                           const QString& output) {
    QStringList args{QStringLiteral("atlas"),
                     QStringLiteral("--dataset"),
                     dataset,
                     QStringLiteral("--by"),
                     byDepartement ? QStringLiteral("departement") : QStringLiteral("bv"),
                     QStringLiteral("--output"),
                     output,
                     QStringLiteral("--lang"),
                     language(),
                     QStringLiteral("--quiet")};
    if (polesOnly)
        args << QStringLiteral("--filter") << QStringLiteral("poles");
    return args;
}

QStringList reportArguments(const QString& dataset, const QString& bassin, const QString& output) {
    return {QStringLiteral("report"),
            QStringLiteral("--dataset"),
            dataset,
            QStringLiteral("--territory"),
            bassin.contains(QLatin1Char(':')) ? bassin
                                              : QStringLiteral("bv:") + bassin, // a BV code or a spec
            QStringLiteral("--output"),
            output,
            QStringLiteral("--lang"),
            language(),
            QStringLiteral("--quiet")};
}

FunctionTask* startPrintTask(const QString& description, const QStringList& arguments,
                             std::function<void(bool ok, const QString& error)> done) {
    auto error = std::make_shared<QString>();
    const QString program = QCoreApplication::applicationFilePath();
    return FunctionTask::start(
        description,
        [program, arguments, error](Feedback& feedback) {
            const QDateTime started = QDateTime::currentDateTime().addSecs(-1);
            const int output = arguments.indexOf(QStringLiteral("--output")) + 1;
            QProcess process;
            process.start(program, arguments);
            process.waitForStarted();
            // Polled so that Cancel stops the command; the PDF it was writing is removed, a previous file
            // stays as it was (it is replaced only once the new one is complete).
            while (!process.waitForFinished(200)) {
                if (process.state() == QProcess::NotRunning)
                    break;
                if (feedback.isCanceled()) {
                    process.kill();
                    process.waitForFinished();
                    removeTemporaries(arguments.value(output), started);
                    return;
                }
            }
            if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
                *error = QString::fromUtf8(process.readAllStandardError()).trimmed();
            if (error->isEmpty() && process.exitCode() != 0)
                *error = process.errorString();
        },
        [error, done](bool ok, const QString& message) {
            done(ok && error->isEmpty(), ok ? *error : message);
        });
}

} // namespace maillage::ui
