// Full-extent render of the national BV2012 map (35,357 communes, 1,666 bassins de vie, BPE 2013) at
// 1600×1200, 96 dpi, with the layers and styles of the application (MainWindow: bassins with labels,
// communes hidden by scale, dissolved départements, maillage links and pôles). Target: < 200 ms (issue 10).
//
//   maillage_bench_render                               every benchmark
//   maillage_bench_render --benchmark_filter=Layer      each layer rendered alone (with its labels)
//   MAILLAGE_BENCH_RENDER_PNG=/tmp/dir maillage_bench_render   also saves one image per benchmark
//   maillage_bench_render --benchmark_filter=SlideSwitch  a slide shown and both maps of the two-map view
//                                                         redrawn (issue 11: < 300 ms); wall and CPU time
//   maillage_bench_render --benchmark_filter=Recompute    a parameter changed in the session until the map,
//                                                         its legend and the panels follow (issue 10: < 100
//                                                         ms)
//   MAILLAGE_BENCH_DATASET=/path/france.gpkg maillage_bench_render   that dataset instead of the import
//
// "cpu_ms" counters are the process's CPU time per iteration, every thread included (the renders run in
// worker threads: the CPU column is the main thread's alone); on a loaded machine compare those.
//
// The dataset is imported once from ../shared/data and kept as a GeoPackage in the temporary folder; it
// is read back on later runs while it is newer than this program. Skips when the shared data is absent.
#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "ui/layer_roles.h"
#include "ui/main_window.h"
#include "ui/map_compare.h"
#include "ui/map_layers.h"
#include "ui/session.h"
#include "ui/styles/pole_name_placement.h"
#include "ui/workshop_slides.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QStandardPaths>
#include <QTimer>

#include <qgsapplication.h>
#include <qgslabelingresults.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsmaprendererparalleljob.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>
#include <qgsproject.h>
#include <qgstaskmanager.h>
#include <qgsvectorlayer.h>

#include <sys/resource.h>
#include <time.h>
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h> // `valgrind --tool=callgrind --instr-atstart=no`: renders, recomputes only
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

using namespace maillage;

namespace {

const char* const kCommunes = "communes/communes_france_cog2018.geojson";
const char* const kBassins = "bassins_de_vie/commune_bv2012_cog2014.csv";
const char* const kBpe2013 = "professionals/bpe2013_sante_par_commune.csv";

std::string shared(const char* relative) {
    const char* env = std::getenv("MAILLAGE_SHARED_DATA");
    return std::string(env && *env ? env : SHARED_DATA_DIR) + "/" + relative;
}

bool sharedDataPresent() {
    if (!qEnvironmentVariable("MAILLAGE_BENCH_DATASET").isEmpty())
        return true;
    for (const char* rel : {kCommunes, kBassins, kBpe2013})
        if (!std::filesystem::exists(shared(rel)))
            return false;
    return true;
}

double peakRssMiB() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0; // kB on Linux
}

//! The national dataset: read from the cached GeoPackage when it is newer than this program, else
//! imported from the shared data (as `maillage import` does) and written there for the next run.
model::Dataset nationalDataset() {
    namespace fs = std::filesystem;
    const QString given = qEnvironmentVariable("MAILLAGE_BENCH_DATASET");
    if (!given.isEmpty())
        return io::readDataset(given.toStdString());
    const fs::path gpkg = fs::temp_directory_path() / "maillage_bench_render_france_bv2012.gpkg";
    std::error_code ec;
    const auto exe = fs::last_write_time("/proc/self/exe", ec);
    if (fs::exists(gpkg) && !ec && fs::last_write_time(gpkg) > exe) {
        try {
            return io::readDataset(gpkg.string());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "bench_render: %s; importing again\n", e.what());
        }
    }
    io::ImportOptions o;
    o.communesPath = shared(kCommunes);
    o.bassinsPath = shared(kBassins);
    io::ProfessionalsSource bpe;
    bpe.path = shared(kBpe2013);
    bpe.vintage = 2013;
    o.professionals.push_back(bpe);
    o.title = "France (BV2012, BPE 2013)";
    io::ImportReport report;
    model::Dataset ds = io::importDataset(o, report);
    io::writeDataset(ds, gpkg.string());
    return ds;
}

//! The application's window on the national dataset, with every layer in (départements dissolved,
//! maillage links and pôles drawn by the panel).
struct Fixture {
    std::unique_ptr<ui::MainWindow> window;
    QgsMapSettings settings; // the canvas's settings at 1600×1200 on the full extent
    double setupMs = 0;
};

Fixture* g_fixture = nullptr;

bool waitFor(const std::function<bool()>& ready, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!ready()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

std::unique_ptr<Fixture> makeFixture() {
    auto f = std::make_unique<Fixture>();
    QElapsedTimer t;
    t.start();
    f->window = std::make_unique<ui::MainWindow>();
    f->window->resize(1600, 1000);
    f->window->show();
    f->window->showDataset(nationalDataset(), QString());
    QgsProject* project = f->window->project();
    const bool ok = waitFor(
        [&] {
            return f->window->layers()->departementsReady() &&
                   ui::findLayerByRole(project, QString::fromLatin1(ui::role::Links)) &&
                   ui::findLayerByRole(project, QString::fromLatin1(ui::role::Poles));
        },
        300000);
    if (!ok) {
        std::fprintf(stderr, "bench_render: layers not ready after 300 s\n");
        return nullptr;
    }
    // The canvas's own drawing must not compete with the measured renders.
    QgsMapCanvas* canvas = f->window->canvas();
    waitFor([&] { return !canvas->isDrawing(); }, 60000);
    canvas->freeze(true);
    QCoreApplication::processEvents();
    f->settings = f->window->canvas()->mapSettings();
    f->settings.setOutputSize(QSize(1600, 1200));
    f->settings.setOutputDpi(96);
    f->settings.setExtent(f->window->layers()->fullExtent());
    f->settings.setLayers(project->layerTreeRoot()->checkedLayers());
    // The large pôles' names by QGIS, placed at this size (the canvas draws them itself; a map drawn from
    // settings, an export, by QGIS's labels).
    ui::placeLargePoleNames(f->settings);
    f->setupMs = static_cast<double>(t.elapsed());
    return f;
}

bool isLinks(QgsMapLayer* layer) {
    return layer->customProperty(QString::fromLatin1(ui::kRoleProperty)).toString() ==
           QLatin1String(ui::role::Links);
}

void saveImage(const QImage& image, const std::string& name) {
    static const QString dir = qEnvironmentVariable("MAILLAGE_BENCH_RENDER_PNG");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QString file = QString::fromStdString(name);
    file.replace(QLatin1Char('/'), QLatin1Char('_'));
    image.save(dir + QLatin1Char('/') + file + QStringLiteral(".png"));
}

double processCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

//! `labels`: set to the number of labels drawn.
template <typename Job> QImage renderOnce(const QgsMapSettings& settings, int* labels = nullptr) {
    CALLGRIND_START_INSTRUMENTATION;
    Job job(settings);
    job.start();
    job.waitForFinished();
    CALLGRIND_STOP_INSTRUMENTATION;
    if (labels) {
        const std::unique_ptr<QgsLabelingResults> results(job.takeLabelingResults());
        *labels = results ? results->labelsWithinRect(settings.visibleExtent()).size() : 0;
    }
    return job.renderedImage();
}

//! `layers`: the layers to draw (top first), or all of the fixture's.
template <typename Job>
void renderBenchmark(benchmark::State& state, const std::string& name, const QList<QgsMapLayer*>* layers,
                     bool withLinks, bool labels = true) {
    if (!g_fixture) {
        state.SkipWithError(sharedDataPresent() ? "national map could not be built"
                                                : "shared data absent (../shared/data)");
        return;
    }
    QgsMapSettings settings = g_fixture->settings;
    QList<QgsMapLayer*> list = layers ? *layers : settings.layers();
    if (!withLinks)
        list.erase(std::remove_if(list.begin(), list.end(), isLinks), list.end());
    settings.setLayers(list);
    settings.setFlag(Qgis::MapSettingsFlag::DrawLabeling, labels);
    QImage image;
    double cpuTotal = 0;
    int renders = 0, drawnLabels = 0;
    for (auto _ : state) {
        const double cpu = processCpuMs();
        image = renderOnce<Job>(settings, &drawnLabels);
        benchmark::DoNotOptimize(image.constBits());
        cpuTotal += processCpuMs() - cpu;
        ++renders;
    }
    saveImage(image, name);
    state.counters["cpu_ms"] = renders ? cpuTotal / renders : 0;
    state.counters["layers"] = static_cast<double>(list.size());
    state.counters["labels"] = drawnLabels;
    state.counters["scale"] = settings.scale();
    state.counters["peak_rss_MiB"] = peakRssMiB();
    state.counters["setup_ms"] = g_fixture->setupMs;
}

void BM_RenderParallel(benchmark::State& state) {
    renderBenchmark<QgsMapRendererParallelJob>(state, "BM_RenderParallel", nullptr, true);
}
void BM_RenderParallelNoLinks(benchmark::State& state) {
    renderBenchmark<QgsMapRendererParallelJob>(state, "BM_RenderParallelNoLinks", nullptr, false);
}
void BM_RenderSequential(benchmark::State& state) {
    renderBenchmark<QgsMapRendererSequentialJob>(state, "BM_RenderSequential", nullptr, true);
}
void BM_RenderSequentialNoLinks(benchmark::State& state) {
    renderBenchmark<QgsMapRendererSequentialJob>(state, "BM_RenderSequentialNoLinks", nullptr, false);
}

//! The map zoomed on 60 × 45 km of the middle of the territory (about 1:150,000: communes drawn and named).
void BM_RenderParallelZoomed(benchmark::State& state) {
    if (!g_fixture) {
        state.SkipWithError("national map could not be built");
        return;
    }
    QgsMapSettings saved = g_fixture->settings;
    const QgsPointXY c = saved.extent().center();
    const QgsRectangle zoomed(c.x() - 30000, c.y() - 22500, c.x() + 30000, c.y() + 22500);
    g_fixture->settings.setExtent(zoomed);
    g_fixture->window->layers()->indexCommunes(); // as once the user has zoomed in to the communes
    renderBenchmark<QgsMapRendererParallelJob>(state, "BM_RenderParallelZoomed", nullptr, true);
    g_fixture->settings = saved;
}

BENCHMARK(BM_RenderParallel)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2);
BENCHMARK(BM_RenderParallelNoLinks)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2);
BENCHMARK(BM_RenderParallelZoomed)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2);
BENCHMARK(BM_RenderSequential)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2);
BENCHMARK(BM_RenderSequentialNoLinks)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2);

//! The window's two-map view (1600×1000, the docks put away) with two slides, the whole country and its
//! north-east quarter: each iteration shows the other slide and waits until both canvases have redrawn.
//! The time is the wall time (manual); "cpu_ms" is the process CPU time per switch, every thread included
//! (the machine may be loaded: CPU is the figure to compare).
void BM_SlideSwitchTwoMaps(benchmark::State& state) {
    if (!g_fixture) {
        state.SkipWithError(sharedDataPresent() ? "national map could not be built"
                                                : "shared data absent (../shared/data)");
        return;
    }
    ui::MainWindow& window = *g_fixture->window;
    QgsMapCanvas* main = window.canvas();
    main->freeze(false);
    window.setCompareVisible(true);
    QgsMapCanvas* second = window.compare()->canvas();
    int redrawn[2] = {0, 0};
    const QMetaObject::Connection c1 =
        QObject::connect(main, &QgsMapCanvas::mapCanvasRefreshed, [&] { ++redrawn[0]; });
    const QMetaObject::Connection c2 =
        QObject::connect(second, &QgsMapCanvas::mapCanvasRefreshed, [&] { ++redrawn[1]; });
    // Waits in an event loop rather than polling (waitFor): the polling's own CPU time was counted too.
    auto settled = [&](int from0, int from1) {
        auto done = [&] {
            return redrawn[0] > from0 && redrawn[1] > from1 && !main->isDrawing() && !second->isDrawing();
        };
        QEventLoop loop;
        QTimer check; // isDrawing() turns false after the signal: checked again shortly
        QObject::connect(&check, &QTimer::timeout, &loop, [&] {
            if (done())
                loop.quit();
        });
        check.start(5);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        if (!done())
            loop.exec();
        return done();
    };
    ui::SlideDeck* deck = window.slides();
    deck->clear();
    const QgsRectangle full = window.layers()->fullExtent();
    main->setExtent(full);
    deck->add(deck->capture(QStringLiteral("France"), QString()));
    main->setExtent(QgsRectangle(full.center().x(), full.center().y(), full.xMaximum(), full.yMaximum()));
    deck->add(deck->capture(QStringLiteral("Nord-Est"), QString()));
    deck->show(0);
    settled(redrawn[0], redrawn[1]);
    state.counters["map_px"] = main->width(); // while both maps are shown (each map's width)
    double cpuTotal = 0;
    int switches = 0;
    const int start0 = redrawn[0], start1 = redrawn[1];
    for (auto _ : state) {
        const int from0 = redrawn[0], from1 = redrawn[1];
        QElapsedTimer wall;
        wall.start();
        const double cpu = processCpuMs();
        deck->show(deck->current() == 0 ? 1 : 0);
        if (!settled(from0, from1)) {
            state.SkipWithError("the maps were not redrawn within 60 s");
            break;
        }
        cpuTotal += processCpuMs() - cpu;
        ++switches;
        state.SetIterationTime(static_cast<double>(wall.nsecsElapsed()) / 1e9);
    }
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    saveImage(second->grab().toImage(), "BM_SlideSwitchTwoMaps_second");
    window.setCompareVisible(false);
    deck->clear();
    waitFor([&] { return !main->isDrawing(); }, 60000);
    main->freeze(true);
    state.counters["cpu_ms"] = switches ? cpuTotal / switches : 0;
    // More than one redraw of a map per switch is time lost (one map redrawn again after the other).
    state.counters["main_redraws"] = switches ? double(redrawn[0] - start0) / switches : 0;
    state.counters["second_redraws"] = switches ? double(redrawn[1] - start1) / switches : 0;
}
BENCHMARK(BM_SlideSwitchTwoMaps)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(10);

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

//! The map's size in the recompute benchmarks: a laptop's window, docks open.
constexpr QSize kRecomputeMapSize(900, 800);

//! A parameter of the session changed (`change(session, odd)`: one value on odd iterations, the other on
//! even ones), then the event loop run until the map has redrawn and everything is settled: the canvas
//! idle, no task running, the panels' deferred refreshes done (checked every 2 ms). The time is the wall
//! time to the last map redraw (manual); "cpu_ms" the process CPU per change (every thread), "main_cpu_ms"
//! the main thread's (what the user waits for), "redraws" the map redraws per change.
//! `labels` false: the same with the canvas's labels off (what the labels cost of the recompute: session 28).
void recomputeBenchmark(benchmark::State& state, const std::function<bool(ui::Session&, bool)>& change,
                        bool labels = true) {
    if (!g_fixture) {
        state.SkipWithError(sharedDataPresent() ? "national map could not be built"
                                                : "shared data absent (../shared/data)");
        return;
    }
    ui::MainWindow& window = *g_fixture->window;
    QgsMapCanvas* canvas = window.canvas();
    // A map of one size whatever the docks leave it (a narrower layers dock gave the map 673 pixels of
    // width instead of 453 in session 26, and every render 50 % more pixels to fill, compose and copy).
    canvas->setFixedSize(kRecomputeMapSize);
    const Qgis::MapSettingsFlags flags = canvas->mapSettings().flags();
    canvas->setMapSettingsFlags(
        labels ? flags : flags & ~Qgis::MapSettingsFlags(Qgis::MapSettingsFlag::DrawLabeling));
    QCoreApplication::processEvents();
    canvas->freeze(false);
    canvas->setExtent(window.layers()->fullExtent());
    canvas->refresh();
    waitFor([&] { return !canvas->isDrawing(); }, 60000);
    QgsTaskManager* tasks = QgsApplication::taskManager();
    int redrawn = 0;
    QElapsedTimer wall;
    qint64 lastRedrawNs = 0;
    const QMetaObject::Connection c = QObject::connect(canvas, &QgsMapCanvas::mapCanvasRefreshed, [&] {
        ++redrawn;
        lastRedrawNs = wall.nsecsElapsed();
    });
    double cpuTotal = 0, mainTotal = 0;
    int changes = 0, redraws = 0;
    bool odd = false;
    for (auto _ : state) {
        odd = !odd;
        const int from = redrawn;
        const double cpu = processCpuMs(), mainCpu = threadCpuMs();
        wall.start();
        lastRedrawNs = 0;
        CALLGRIND_START_INSTRUMENTATION;
        if (!change(*window.session(), odd)) {
            state.SkipWithError("this dataset has nothing to change for this benchmark");
            break;
        }
        QEventLoop loop;
        QTimer check;
        QObject::connect(&check, &QTimer::timeout, &loop, [&] {
            if (redrawn > from && !canvas->isDrawing() && tasks->countActiveTasks() == 0)
                loop.quit();
        });
        check.start(2);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        CALLGRIND_STOP_INSTRUMENTATION;
        if (redrawn == from) {
            state.SkipWithError("the map was not redrawn within 60 s");
            break;
        }
        cpuTotal += processCpuMs() - cpu;
        mainTotal += threadCpuMs() - mainCpu;
        redraws += redrawn - from;
        ++changes;
        state.SetIterationTime(static_cast<double>(lastRedrawNs) / 1e9);
    }
    QObject::disconnect(c);
    saveImage(canvas->grab().toImage(), "BM_Recompute");
    state.counters["map_px"] = canvas->width();
    state.counters["map_py"] = canvas->height();
    canvas->setMapSettingsFlags(flags);
    canvas->freeze(true);
    canvas->setMinimumSize(0, 0);
    canvas->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    state.counters["cpu_ms"] = changes ? cpuTotal / changes : 0;
    state.counters["main_cpu_ms"] = changes ? mainTotal / changes : 0;
    state.counters["redraws"] = changes ? double(redraws) / changes : 0;
}

//! Pôle thresholds: the grands pôles from 2,500 instead of 3,000 professionals (types, legend, links).
bool changePoleThreshold(ui::Session& session, bool odd) {
    model::Parameters p = session.parameters();
    p.poles.grandPoleMin = odd ? 2500 : 3000;
    session.setParameters(p);
    return true;
}
//! A maillage parameter alone: the isolation distance of the pôles (links and pôles, not the types).
bool changeIsolation(ui::Session& session, bool odd) {
    model::Parameters p = session.parameters();
    p.maillage.isolationDistanceKm = odd ? 40 : 30;
    session.setParameters(p);
    return true;
}
void BM_RecomputePoleThreshold(benchmark::State& state) {
    recomputeBenchmark(state, changePoleThreshold);
}
void BM_RecomputeIsolation(benchmark::State& state) {
    recomputeBenchmark(state, changeIsolation);
}
//! Another vintage of the counts (the oldest and the newest), when the dataset has two.
void BM_RecomputeVintage(benchmark::State& state) {
    recomputeBenchmark(state, [](ui::Session& session, bool odd) {
        const std::vector<int> years = session.dataset().meta.vintages;
        if (years.size() < 2)
            return false;
        session.setVintage(odd ? years.front() : years.back());
        return true;
    });
}
//! The two above with the canvas's labels off: the rest of the recompute (the large pôles' names are the
//! only labels of the national map).
void BM_RecomputePoleThresholdNoLabels(benchmark::State& state) {
    recomputeBenchmark(state, changePoleThreshold, false);
}
void BM_RecomputeIsolationNoLabels(benchmark::State& state) {
    recomputeBenchmark(state, changeIsolation, false);
}
BENCHMARK(BM_RecomputePoleThreshold)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(10);
BENCHMARK(BM_RecomputeIsolation)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(10);
BENCHMARK(BM_RecomputeVintage)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(10);
BENCHMARK(BM_RecomputePoleThresholdNoLabels)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(10);
BENCHMARK(BM_RecomputeIsolationNoLabels)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(10);

//! One benchmark per layer of the map, rendered alone (sequential job, labels included).
void registerLayerBenchmarks() {
    if (!g_fixture)
        return;
    for (QgsMapLayer* layer : g_fixture->settings.layers()) {
        const std::string role =
            layer->customProperty(QString::fromLatin1(ui::kRoleProperty)).toString().toStdString();
        const std::string name = "BM_RenderLayer/" + (role.empty() ? std::string("other") : role);
        auto* single = new QList<QgsMapLayer*>{layer}; // lives as long as the benchmark registry
        benchmark::RegisterBenchmark(name.c_str(),
                                     [single, name](benchmark::State& state) {
                                         renderBenchmark<QgsMapRendererSequentialJob>(state, name, single,
                                                                                      true);
                                     })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->MinTime(2);
        benchmark::RegisterBenchmark(("BM_RenderLayerNoLabels/" + name.substr(15)).c_str(),
                                     [single, name](benchmark::State& state) {
                                         renderBenchmark<QgsMapRendererSequentialJob>(
                                             state, name + "_nolabels", single, true, false);
                                     })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->MinTime(1);
    }
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication::setAttribute(Qt::AA_Use96Dpi);
    QStandardPaths::setTestModeEnabled(true); // settings and caches apart from the user's
    QCoreApplication::setOrganizationName(QStringLiteral("MaillageBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_render"));
    benchmark::Initialize(&argc, argv);
    int rc = 0;
    {
        QgsApplication app(argc, argv, true);
        QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
        QgsApplication::initQgis();
        std::unique_ptr<Fixture> fixture;
        if (sharedDataPresent()) {
            try {
                fixture = makeFixture();
            } catch (const std::exception& e) {
                std::fprintf(stderr, "bench_render: %s\n", e.what());
            }
        }
        g_fixture = fixture.get();
        registerLayerBenchmarks();
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
        g_fixture = nullptr;
        fixture.reset();
        QgsApplication::exitQgis();
    }
    return rc;
}
