// maillage report: the territory sheet ("fiche territoire") of a bassin de vie, a département or a list of
// communes (issue 7), composed by QGIS
// in libmaillage_qgis.so (ui/print/report.h), without a display.
#include "app/commands.h"

#include "app/print_common.h"
#include "app/qgis_styles.h"
#include "core/analysis/profile.h"
#include "core/io/gpkg.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>

namespace maillage::cli {

namespace {

struct ReportOptions {
    std::string dataset, territory, output;
};

//! --territory checked against the dataset: bv:CODE, departement:CODE or communes:C1,C2,... Throws
//! UsageError for another form or an empty list, Error(Value) naming the dataset and the code the dataset
//! does not have (the first unknown commune of a list).
std::string checkedTerritory(const std::string& territory, const model::Dataset& dataset,
                             const std::string& path) {
    const auto colon = territory.find(':');
    const std::string kind = colon == std::string::npos ? std::string() : territory.substr(0, colon);
    const std::string code = colon == std::string::npos ? std::string() : territory.substr(colon + 1);
    if (kind != "bv" && kind != "departement" && kind != "communes")
        throw UsageError(msg("app.fiche.territory_syntax", {arg::text("value", territory)}));
    if (code.find_first_not_of(", ") == std::string::npos)
        throw UsageError(msg(kind == "communes" ? "app.fiche.empty_list" : "app.fiche.territory_syntax",
                             {arg::text("value", territory)}));
    if (kind == "bv" && !dataset.bassin(code))
        throw Error(ErrorKind::Value, Location{path},
                    msg("app.print.territory_unknown", {arg::code("code", code)}));
    if (kind == "departement" && !dataset.departementNames.count(code) &&
        std::none_of(dataset.communes.begin(), dataset.communes.end(),
                     [&](const model::Commune& c) { return c.dep == code; }))
        throw Error(ErrorKind::Value, Location{path},
                    msg("app.fiche.unknown_departement", {arg::code("code", code)}));
    if (kind == "communes")
        try {
            analysis::parseTerritory(dataset, territory); // names the first unknown commune
        } catch (const Error& e) {
            throw Error(ErrorKind::Value, Location{path}, e.message());
        }
    return territory;
}

int report(const ReportOptions& o, Context& c) {
    app::ReportJob job;
    job.dataset = required(o.dataset, "dataset");
    job.output = required(o.output, "output");
    const std::string& territory = required(o.territory, "territory");
    checkPrintOutput(job.output, job.dataset);
    job.territory =
        checkedTerritory(territory, io::readDataset(job.dataset, io::ReadOptions{false}), job.dataset);
    return runPrint(c, "report", job.output,
                    [&](std::string& error) { return app::writeReport(job, c.language, error); });
}

} // namespace

Runner declareReport(CLI::App& sub) {
    auto o = std::make_shared<ReportOptions>();
    sub.add_option("--dataset", o->dataset, "dataset GeoPackage (only read)")->type_name("FILE");
    sub.add_option("--territory", o->territory,
                   "the territory: bv:CODE, departement:CODE or communes:CODE1,CODE2")
        ->type_name("KIND:CODE");
    sub.add_option("--output", o->output, "the PDF written (replaced once complete)")->type_name("FILE.pdf");
    return [o](Context& c) { return report(*o, c); };
}

} // namespace maillage::cli
