// maillage qpv: the professionals in and around each quartier prioritaire of a dataset, their density
// for its population and the nearest pôle of each type (core/analysis/qpv.h).
#include "app/commands.h"

#include "core/analysis/qpv.h"
#include "core/io/gpkg.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace maillage::cli {

namespace {

struct QpvOptions {
    AnalysisOptions common;
    std::string profession = "all";
    std::string distance; //!< --distance-m, over the parameter qpv.distance_m
};

int runQpv(const QpvOptions& o, Context& c) {
    const std::string profession = professionOf(o.profession);
    AnalysisRun run = prepareAnalysis(o.common, c, /*withGeometries=*/true); // QPV and commune polygons
    if (!o.distance.empty()) {
        const double metres = parseNumberOption(o.distance, "--distance-m");
        if (!(metres >= 0))
            throw UsageError(msg("app.qpv.bad_distance", {arg::text("value", o.distance)}));
        run.params.qpv.distanceM = metres;
    }
    if (run.dataset.qpvs.empty())
        throw UsageError(msg("app.qpv.no_qpv", {arg::path("dataset", o.common.dataset)}));
    const analysis::QpvResult result =
        analysis::professionalsAroundQpv(run.dataset, profession, run.vintage, run.params);
    printWarnings(result.warnings, c);
    writeResults({analysis::qpvTable(run.dataset, result, run.secrecy)}, o.common, run, c);
    return 0;
}

} // namespace

Runner declareQpv(CLI::App& sub) {
    auto o = std::make_shared<QpvOptions>();
    addAnalysisOptions(sub, o->common,
                       "output (- for the standard output): code, name, commune, population, method, inside, "
                       "within, per_10000_inside, per_10000_within, and the nearest pôle of each type");
    addProfessionOption(sub, o->profession);
    sub.add_option("--distance-m", o->distance,
                   "professionals within this distance of a QPV count for it, in metres (default: the "
                   "parameter qpv.distance_m, 500)")
        ->type_name("METRES");
    return [o](Context& c) { return runQpv(*o, c); };
}

} // namespace maillage::cli
