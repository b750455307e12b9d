// maillage calibrate: the bassins de vie whose pôle type depends on the source (a register of individual
// professionals or BPE counts), why, and the mass scale that best reconciles the two typologies.
#include "app/commands.h"

#include "core/analysis/calibration.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace maillage::cli {

namespace {

struct CalibrateOptions {
    AnalysisOptions common;
    std::string registerVintage, bpeVintage, grid = "0.05:1:0.05";
};

int runCalibrate(const CalibrateOptions& o, Context& c) {
    const std::vector<double> grid = parseRange(o.grid, "--scales");
    AnalysisRun run = prepareAnalysis(o.common, c);
    const int registerYear =
        parseYear(required(o.registerVintage, "register-vintage"), "--register-vintage", 0);
    const int bpeYear = parseYear(required(o.bpeVintage, "bpe-vintage"), "--bpe-vintage", 0);
    const analysis::Calibration cal =
        analysis::calibrate(run.dataset, registerYear, bpeYear, run.params.poles, grid);
    printWarnings(cal.warnings, c);
    writeResults(analysis::calibrationTables(run.dataset, cal, run.secrecy, c.language), o.common, run, c);
    if (!c.quiet)
        c.err << c.say(msg("app.calibrate.done",
                           {arg::number("scale", cal.bestScale, 2), arg::integer("agreeing", cal.agreeing),
                            arg::integer("bassins", cal.bassins),
                            arg::integer("differing", static_cast<long long>(cal.differing.size()))}))
              << "\n";
    return 0;
}

} // namespace

Runner declareCalibrate(CLI::App& sub) {
    auto o = std::make_shared<CalibrateOptions>();
    addAnalysisOptions(sub, o->common,
                       "output (- for the standard output): table 'calibration' (one row per BV whose type "
                       "differs: types, totals, reason) and table 'calibration_grid' (BVs of equal type per "
                       "mass scale)");
    sub.add_option("--register-vintage", o->registerVintage,
                   "year of the counts derived from a register (classified with mass scale 1)")
        ->type_name("YEAR");
    sub.add_option("--bpe-vintage", o->bpeVintage, "year of the BPE counts (classified at each mass scale)")
        ->type_name("YEAR");
    sub.add_option("--scales", o->grid, "the mass scales tried, start:end:step (default 0.05:1:0.05)")
        ->type_name("RANGE");
    return [o](Context& c) { return runCalibrate(*o, c); };
}

} // namespace maillage::cli
