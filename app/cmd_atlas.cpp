// maillage atlas: one PDF page per bassin de vie or département (issue 7), drawn by QGIS's layout atlas in
// libmaillage_qgis.so (ui/print/atlas.h), without a display.
#include "app/commands.h"

#include "app/print_common.h"
#include "app/qgis_styles.h"
#include "core/analysis/crunch.h"
#include "core/io/gpkg.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace maillage::cli {

namespace {

struct AtlasOptions {
    std::string dataset, output, by = "bv", filter;
};

int atlas(const AtlasOptions& o, Context& c) {
    app::AtlasJob job;
    job.dataset = required(o.dataset, "dataset");
    job.output = required(o.output, "output");
    job.by = parseChoice(o.by, "--by", {"bv", "departement"});
    job.polesOnly = !o.filter.empty() && parseChoice(o.filter, "--filter", {"poles"}) == "poles";
    checkPrintOutput(job.output, job.dataset);
    const model::Dataset ds = io::readDataset(
        job.dataset, io::ReadOptions{false}); // a dataset that cannot be read fails here, in words
    const int status = runPrint(c, "atlas", job.output,
                                [&](std::string& error) { return app::writeAtlas(job, c.language, error); });
    // The départements the data hold only a fragment of have no page (the atlas leaves them out as
    // Crunch leaves them out of its mean): say which.
    const auto partial = analysis::territoryCoverage(ds).partialDepartements;
    if (status == 0 && job.by == "departement" && !partial.empty() && !c.quiet) {
        std::vector<std::string> names;
        for (const std::string& code : partial) {
            const auto it = ds.departementNames.find(code);
            names.push_back(it == ds.departementNames.end() ? code : it->second + " (" + code + ")");
        }
        c.err << c.say(msg("app.atlas.partial_left_out", {arg::list("partial", names)})) << "\n";
    }
    return status;
}

} // namespace

Runner declareAtlas(CLI::App& sub) {
    auto o = std::make_shared<AtlasOptions>();
    sub.add_option("--dataset", o->dataset, "dataset GeoPackage (only read)")->type_name("FILE");
    sub.add_option("--by", o->by, "one page per bv (default) or departement")->type_name("bv|departement");
    sub.add_option("--filter", o->filter,
                   "poles: only the bassins de vie that are pôles (or the départements "
                   "that hold one)")
        ->type_name("poles");
    sub.add_option("--output", o->output, "the PDF written (replaced once complete)")->type_name("FILE.pdf");
    return [o](Context& c) { return atlas(*o, c); };
}

} // namespace maillage::cli
