// maillage report: the territory sheet ("fiche territoire") of a bassin de vie (issue 7), composed by QGIS
// in libmaillage_qgis.so (ui/print/report.h), without a display.
#include "app/commands.h"

#include "app/print_common.h"
#include "app/qgis_styles.h"
#include "core/io/gpkg.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace maillage::cli {

namespace {

struct ReportOptions {
    std::string dataset, territory, output;
};

//! The BV code of --territory bv:CODE. Throws UsageError for another form, Error(Value) naming the
//! dataset when it has no such BV.
std::string territoryBassin(const std::string& territory, const model::Dataset& dataset,
                            const std::string& path) {
    const std::string prefix = "bv:";
    if (territory.compare(0, prefix.size(), prefix) != 0 || territory.size() == prefix.size())
        throw UsageError(msg("app.print.territory_syntax", {arg::text("value", territory)}));
    const std::string code = territory.substr(prefix.size());
    if (!dataset.bassin(code))
        throw Error(ErrorKind::Value, Location{path},
                    msg("app.print.territory_unknown", {arg::code("code", code)}));
    return code;
}

int report(const ReportOptions& o, Context& c) {
    app::ReportJob job;
    job.dataset = required(o.dataset, "dataset");
    job.output = required(o.output, "output");
    const std::string& territory = required(o.territory, "territory");
    checkPrintOutput(job.output, job.dataset);
    job.bassin =
        territoryBassin(territory, io::readDataset(job.dataset, io::ReadOptions{false}), job.dataset);
    return runPrint(c, job.output,
                    [&](std::string& error) { return app::writeReport(job, c.language, error); });
}

} // namespace

Runner declareReport(CLI::App& sub) {
    auto o = std::make_shared<ReportOptions>();
    sub.add_option("--dataset", o->dataset, "dataset GeoPackage (only read)")->type_name("FILE");
    sub.add_option("--territory", o->territory, "the bassin de vie: bv:CODE")->type_name("bv:CODE");
    sub.add_option("--output", o->output, "the PDF written (replaced once complete)")->type_name("FILE.pdf");
    return [o](Context& c) { return report(*o, c); };
}

} // namespace maillage::cli
