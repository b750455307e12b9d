// The desktop application's entry point, loaded by `maillage` (app/main.cpp) when no subcommand is given.
// Start-up order lives here and only here: paths -> translation -> initQgis -> window; tear-down in reverse.
#include "app/desktop_options.h"
#include "ui/app_settings.h"
#include "ui/export_layout.h"
#include "ui/i18n.h"
#include "ui/main_window.h"
#include "ui/map_layers.h"
#include "ui/scenario_panel.h"
#include "ui/session.h"

#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMap>
#include <QPixmap>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>

#include <qgsapplication.h>
#include <qgsmapcanvas.h>
#include <qgstaskmanager.h>

#ifdef __linux__
#include <unistd.h>
#endif

namespace {

//! The desktop option `name` of app/desktop_options.h (the table the command line's dispatcher shares).
QCommandLineOption desktopOption(const char* name, const QString& defaultValue = {}) {
    const maillage::app::DesktopOption* o = maillage::app::findDesktopOption(name);
    Q_ASSERT(o);
    QCommandLineOption option(QString::fromLatin1(o->name), QString::fromUtf8(o->help));
    if (o->value) {
        option.setValueName(QString::fromLatin1(o->value));
        option.setDefaultValue(defaultValue);
    }
    return option;
}

//! Milliseconds since the process started (Linux: /proc), or since `fallback` started.
qint64 sinceProcessStart(const QElapsedTimer& fallback) {
#ifdef __linux__
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (stat.open(QIODevice::ReadOnly) && uptime.open(QIODevice::ReadOnly)) {
        const QByteArray s = stat.readAll();
        const int close = s.lastIndexOf(')'); // the command name may hold spaces
        const QList<QByteArray> fields = s.mid(close + 2).split(' ');
        // field 22 of stat is starttime; after "pid (comm) " the list starts at field 3
        const double startTicks = fields.size() > 19 ? fields.at(19).toDouble() : -1;
        const double up = uptime.readAll().split(' ').value(0).toDouble();
        const long hz = sysconf(_SC_CLK_TCK);
        if (startTicks >= 0 && hz > 0)
            return static_cast<qint64>((up - startTicks / static_cast<double>(hz)) * 1000.0);
    }
#endif
    return fallback.elapsed();
}

//! CPU milliseconds (user + system, every thread) the process has used so far.
long long processCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

//! Waits (processing events) until no QgsTask runs, at most `ms`.
void drainTasks(int ms) {
    QgsTaskManager* tasks = QgsApplication::taskManager();
    tasks->cancelAll();
    QElapsedTimer timer;
    timer.start();
    while (tasks->countActiveTasks() > 0 && timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

//! Applies the scenario `name` of the dataset shown in its panel, shown with the docks as they are (the maps
//! before and after side by side instead with `beforeAfter`, --compare); `finished` is called once: with ""
//! when it is applied, else with the reason.
void applyScenarioOnShow(maillage::ui::MainWindow* window, const QString& name, bool beforeAfter,
                         const std::function<void(const QString&)>& finished) {
    auto* panel = window->findChild<maillage::ui::ScenarioPanel*>();
    bool known = false;
    for (const maillage::model::Scenario& s :
         panel ? panel->scenarios() : std::vector<maillage::model::Scenario>())
        known |= QString::fromStdString(s.name) == name;
    if (!known) {
        finished(QStringLiteral("the dataset has no scenario \"%1\" (maillage scenario --list)").arg(name));
        return;
    }
    auto once = std::make_shared<bool>(false);
    auto finish = [once, finished](const QString& error) {
        if (!*once) {
            *once = true;
            finished(error);
        }
    };
    QObject::connect(panel, &maillage::ui::ScenarioPanel::applied, window, [finish] { finish(QString()); });
    QObject::connect(panel, &maillage::ui::ScenarioPanel::failed, window, finish);
    panel->selectScenario(name);
    panel->applyCurrent(beforeAfter);
}

} // namespace

extern "C" __attribute__((visibility("default"))) int maillage_gui_main(int argc, char** argv) {
    QElapsedTimer clock;
    clock.start();

    // 1. Paths and application identity (settings, cache), before the application object reads them.
    QCoreApplication::setOrganizationName(QStringLiteral("Maillage"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("ors.fr"));
    QCoreApplication::setApplicationName(QStringLiteral("Maillage"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILLAGE_VERSION));
    QgsApplication app(argc, argv, true);
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Maillage: pôles d'offre de soins"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("dataset"), QStringLiteral("Dataset to open (.gpkg)"),
                                 QStringLiteral("[dataset.gpkg]"));
    const QCommandLineOption demoOption = desktopOption("demo");
    const QCommandLineOption langOption = desktopOption("lang");
    const QCommandLineOption screenshotOption = desktopOption("screenshot");
    const QCommandLineOption exportOption = desktopOption("export");
    const QCommandLineOption orientationOption = desktopOption("orientation", QStringLiteral("landscape"));
    const QCommandLineOption pageSizeOption = desktopOption("page-size", QStringLiteral("a4"));
    const QCommandLineOption densityOption = desktopOption("density");
    const QCommandLineOption accessibilityOption = desktopOption("accessibility");
    const QCommandLineOption benchOption = desktopOption("bench-startup");
    const QCommandLineOption panelOption = desktopOption("panel");
    const QCommandLineOption selectOption = desktopOption("select");
    const QCommandLineOption workshopOption = desktopOption("workshop");
    const QCommandLineOption compareOption = desktopOption("compare");
    const QCommandLineOption scenarioOption = desktopOption("scenario");
    parser.addOptions({demoOption, langOption, screenshotOption, exportOption, orientationOption,
                       pageSizeOption, densityOption, accessibilityOption, benchOption, panelOption,
                       selectOption, workshopOption, compareOption, scenarioOption});
    parser.process(app);

    // 2. Translation, before any widget exists.
    maillage::ui::importProfileSettings();
    const QString language =
        parser.isSet(langOption) ? parser.value(langOption) : maillage::ui::i18n::savedLanguageSetting();
    maillage::ui::i18n::installTranslators(language);

    // 3. QGIS.
    QgsApplication::initQgis();
    const qint64 initMs = sinceProcessStart(clock);

    int rc = 0;
    {
        auto window = std::make_unique<maillage::ui::MainWindow>();
        const QString screenshot = parser.value(screenshotOption);
        const QString exportPath = parser.value(exportOption);
        const bool bench = parser.isSet(benchOption);
        const bool batch = !screenshot.isEmpty() || !exportPath.isEmpty() || bench;

        maillage::ui::ExportFormat exportFormat = maillage::ui::ExportFormat::Pdf;
        if (!exportPath.isEmpty() && !maillage::ui::formatFromPath(exportPath, &exportFormat)) {
            std::fprintf(stderr, "maillage: --export needs a .pdf, .png or .svg file\n");
            rc = 2;
        }

        if (rc == 0) {
            // Batch runs: act once the map of the dataset is drawn, with the départements in.
            bool done = false;
            qint64 windowMs = 0, shownMs = 0;
            bool benchPrinted = false;
            // A dataset without geometry draws no map: the batch action cannot wait for a refresh.
            bool nothingToDraw = false;
            bool scenarioPending = false; // --scenario: the maps before and after come once it is applied
            QObject::connect(window->canvas(), &QgsMapCanvas::mapCanvasRefreshed, window.get(), [&] {
                if (done || shownMs == 0)
                    return; // a refresh before the dataset is shown draws an empty map
                if (bench && !benchPrinted) {
                    benchPrinted = true;
                    std::printf("qgis_ready_ms %lld\nwindow_ready_ms %lld\ndataset_shown_ms %lld\nstartup_ms "
                                "%lld\nstartup_cpu_ms %lld\n",
                                static_cast<long long>(initMs), static_cast<long long>(windowMs),
                                static_cast<long long>(shownMs),
                                static_cast<long long>(sinceProcessStart(clock)), processCpuMs());
                    std::fflush(stdout);
                }
                if (!batch)
                    return;
                if ((!screenshot.isEmpty() || !exportPath.isEmpty()) && !nothingToDraw &&
                    !window->layers()->departementsReady())
                    return; // the next refresh comes when they are added
                if (parser.isSet(densityOption) && !window->session()->shownDensityMap())
                    return; // the communes are recoloured, and the map redrawn, when it is computed
                if (scenarioPending)
                    return; // the map is redrawn once the scenario is applied
                done = true;
                // Both maps of the two-map view drawn: the second one redraws after the first.
                window->whenMapsDrawn([&] {
                    if (!screenshot.isEmpty() && !window->grab().save(screenshot)) {
                        std::fprintf(stderr, "maillage: cannot write %s\n", qPrintable(screenshot));
                        rc = 1;
                    }
                    if (!exportPath.isEmpty()) {
                        QString error;
                        maillage::ui::ExportOptions options = window->defaultExportOptions();
                        if (parser.value(orientationOption) == QLatin1String("portrait"))
                            options.orientation = maillage::ui::PageOrientation::Portrait;
                        if (parser.value(pageSizeOption).compare(QLatin1String("a3"), Qt::CaseInsensitive) ==
                            0)
                            options.pageSize = maillage::ui::PageSize::A3;
                        if (!window->exportView(exportPath, exportFormat, options, &error)) {
                            std::fprintf(stderr, "maillage: %s\n", qPrintable(error));
                            rc = 1;
                        }
                    }
                    QCoreApplication::exit(rc);
                });
            });
            QObject::connect(window->layers(), &maillage::ui::MapLayers::departementsChanged,
                             window->canvas(), &QgsMapCanvas::refresh);

            if (batch) {
                // No one is there to click a message box: say it on stderr and quit with status 1 (queued,
                // as the failure may come before the event loop runs).
                window->setErrorDialogsEnabled(false);
                QObject::connect(window.get(), &maillage::ui::MainWindow::datasetFailed, window.get(),
                                 [&](const QString& message) {
                                     std::fprintf(stderr, "maillage: %s\n",
                                                  qPrintable(QString(message).replace(QStringLiteral("\n\n"),
                                                                                      QStringLiteral(" "))));
                                     done = true;
                                     rc = 1;
                                     QTimer::singleShot(0, window.get(), [&] { QCoreApplication::exit(1); });
                                 });
            }

            window->show();
            windowMs = sinceProcessStart(clock);
            QObject::connect(window.get(), &maillage::ui::MainWindow::datasetShown, window.get(), [&] {
                shownMs = sinceProcessStart(clock);
                if (parser.isSet(panelOption)) {
                    if (QDockWidget* dock = window->showPanel(parser.value(panelOption))) {
                        if (auto* show = dock->findChild<QPushButton*>(QStringLiteral("changeCompute")))
                            show->click(); // --panel evolution: the change of the years offered first
                    } else
                        std::fprintf(stderr, "maillage: %s\n",
                                     qPrintable(window->unknownPanelMessage(parser.value(panelOption))));
                }
                if (parser.isSet(selectOption))
                    window->session()->selectBassins({parser.value(selectOption)});
                if (parser.isSet(compareOption)) {
                    window->setCompareVisible(true);
                    // The whole territory on both maps once they are laid out (the extent of the one map,
                    // carried over, came out eight times too close).
                    QTimer::singleShot(0, window.get(), [&] { window->zoomToFull(); });
                }
                if (parser.isSet(workshopOption))
                    window->setWorkshopMode(true);
                if (parser.isSet(scenarioOption)) {
                    scenarioPending = true;
                    // The Scénarios panel in front, with its sentences and tables (unless another was asked).
                    if (!parser.isSet(compareOption) && !parser.isSet(panelOption))
                        window->showPanel(QStringLiteral("scenarios"));
                    applyScenarioOnShow(
                        window.get(), parser.value(scenarioOption), parser.isSet(compareOption),
                        [&](const QString& error) {
                            scenarioPending = false;
                            if (error.isEmpty()) {
                                // The whole territory (on both maps side by side with --compare).
                                QTimer::singleShot(0, window.get(), [&] { window->zoomToFull(); });
                                return;
                            }
                            std::fprintf(stderr, "maillage: %s\n", qPrintable(error));
                            if (batch) {
                                done = true;
                                rc = 1;
                                QTimer::singleShot(0, window.get(), [] { QCoreApplication::exit(1); });
                            }
                        });
                }
                if (parser.isSet(densityOption)) {
                    maillage::ui::Session* session = window->session();
                    session->setProfession(parser.value(densityOption));
                    session->requestDensityMap(
                        {parser.value(densityOption), session->vintage(), parser.isSet(accessibilityOption)});
                }
                if (window->layers()->fullExtent().isEmpty()) {
                    nothingToDraw = true;
                    // No map refresh will follow: emit one so that the batch action runs.
                    QTimer::singleShot(0, window->canvas(),
                                       [&] { emit window->canvas()->mapCanvasRefreshed(); });
                }
            });
            const QStringList positional = parser.positionalArguments();
            if (!positional.isEmpty() && !parser.isSet(demoOption))
                window->openDataset(positional.first());
            else
                window->openDemo();
            rc = app.exec();
        }

        // 4. Tear-down in reverse: tasks, then the window and its project, then QGIS.
        drainTasks(5000);
        window.reset();
    }
    QgsApplication::exitQgis();
    return rc;
}
