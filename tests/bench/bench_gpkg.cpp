// Writing a national dataset GeoPackage, without and with what makes it a finished QGIS map (results on
// the bassins, poles and liens layers, layer_styles, the project in qgis_projects).
//
//   MAILLAGE_BENCH_DATASET=france.gpkg maillage_bench_gpkg
//
// france.gpkg: written by 'maillage import' from ../shared/data (see tests/io/test_import_national.cpp).
// Skips when the variable is unset.
#include "core/io/geo.h"
#include "core/io/gpkg.h"
#include "ui/styles/dataset_styles.h"

#include <QString>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <qgsapplication.h>

using namespace maillage;

namespace {

const model::Dataset* national() {
    static const std::unique_ptr<model::Dataset> dataset = []() -> std::unique_ptr<model::Dataset> {
        const char* path = std::getenv("MAILLAGE_BENCH_DATASET");
        if (!path || !*path)
            return nullptr;
        return std::make_unique<model::Dataset>(io::readDataset(path));
    }();
    return dataset.get();
}

std::string outputPath() {
    return (std::filesystem::temp_directory_path() / "maillage_bench_gpkg.gpkg").string();
}

void WriteDataset(benchmark::State& state) {
    const model::Dataset* d = national();
    if (!d) {
        state.SkipWithError("MAILLAGE_BENCH_DATASET is not set");
        return;
    }
    for (auto _ : state)
        io::writeDataset(*d, outputPath());
    std::filesystem::remove(outputPath());
}

void WriteDatasetWithStyles(benchmark::State& state) {
    const model::Dataset* d = national();
    if (!d) {
        state.SkipWithError("MAILLAGE_BENCH_DATASET is not set");
        return;
    }
    for (auto _ : state) {
        io::writeDataset(*d, outputPath());
        QString error;
        if (!ui::styles::writeDatasetStyles(QString::fromStdString(outputPath()), &error))
            state.SkipWithError(error.toStdString().c_str());
    }
    std::filesystem::remove(outputPath());
}

BENCHMARK(WriteDataset)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(WriteDatasetWithStyles)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QgsApplication app(argc, argv, false);
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    QgsApplication::initQgis();
    io::ensureGdal();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    QgsApplication::exitQgis();
    return 0;
}
