// maillage copy: a dataset copied between a GeoPackage and a PostgreSQL/PostGIS schema, table by table.
#include "app/cli_links.h"
#include "app/commands.h"

#include "core/io/postgis.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace maillage::cli {

namespace {

struct CopyCliOptions {
    std::string from, to;
};

//! Between two schemas: through a temporary GeoPackage (the same copy both ways, nothing else to trust).
void copyBetweenSchemas(const std::string& from, const std::string& to, Feedback* feedback) {
    const io::TemporaryGpkg tmp;
    io::copyPostgisToGpkg(from, tmp.path(), feedback);
    io::copyGpkgToPostgis(tmp.path(), to, feedback);
}

int runCopy(const CopyCliOptions& o, Context& c) {
    const std::string& from = required(o.from, "from");
    const std::string& to = required(o.to, "to");
    const bool fromPg = io::isPostgisDataset(from), toPg = io::isPostgisDataset(to);
    if (!fromPg && !toPg)
        throw UsageError(msg("app.copy.no_database"));
    checkOutputs({to}, {from});
    ConsoleFeedback feedback(c.err, c.quiet, c.terminal, c.language);
    feedback.setStep(msg("app.step.writing", {arg::path("output", to)}));
    if (fromPg && toPg)
        copyBetweenSchemas(from, to, &feedback);
    else if (toPg)
        io::copyGpkgToPostgis(from, to, &feedback);
    else
        io::copyPostgisToGpkg(from, to, &feedback);
    feedback.finish();
    // The QGIS project and styles pointed to the copy's own tables (a copied project points to the original).
    writeStylesOrWarn(to, c);
    if (!c.quiet)
        c.err << c.say(msg("app.copy.done", {arg::path("from", from), arg::path("to", to)})) << "\n";
    return 0;
}

} // namespace

Runner declareCopy(CLI::App& sub) {
    auto o = std::make_shared<CopyCliOptions>();
    sub.add_option("--from", o->from, "the dataset to copy: a GeoPackage or PG:... schema=NAME")
        ->type_name("DATASET");
    sub.add_option("--to", o->to,
                   "where to copy it: a new GeoPackage, or PG:... schema=NAME (replaced whole at the end)")
        ->type_name("DATASET");
    sub.footer("PostgreSQL locations: \"PG:service=NAME schema=NAME\" or \"PG:dbname=D host=H user=U "
               "schema=NAME\". Passwords come from PGPASSWORD, ~/.pgpass or the service file only.");
    return [o](Context& c) { return runCopy(*o, c); };
}

} // namespace maillage::cli
