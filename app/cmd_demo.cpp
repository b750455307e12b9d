// maillage demo: the fictional demo dataset as a GeoPackage.
#include "app/cli_common.h"
#include "app/cli_links.h"
#include "app/commands.h"

#include "core/demo/demo.h"
#include "core/io/geo.h"
#include "core/io/gpkg.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace maillage::cli {

Runner declareDemo(CLI::App& sub) {
    auto output = std::make_shared<std::string>();
    sub.add_option("--output", *output, "the dataset GeoPackage (written to a temporary file, then renamed)")
        ->type_name("DATASET.gpkg");
    return [output](Context& c) {
        required(*output, "output");
        checkOutputs({*output}, {});
        model::Dataset ds = demo::makeDemoDataset();
        Warnings warnings;
        io::dissolveBassins(ds, warnings);
        printWarnings(warnings, c);
        ConsoleFeedback feedback(c.err, c.quiet, c.terminal, c.language);
        writeDatasetWithStyles(ds, *output, feedback, c); // styles and project, as import writes them
        feedback.finish();
        if (!c.quiet)
            c.err << c.say(msg("app.demo.done",
                               {arg::integer("communes", static_cast<long long>(ds.communes.size())),
                                arg::integer("bassins", static_cast<long long>(ds.bassins.size())),
                                arg::path("output", *output)}))
                  << "\n";
        return 0;
    };
}

} // namespace maillage::cli
