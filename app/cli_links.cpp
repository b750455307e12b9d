#include "app/cli_links.h"

#include "app/qgis_styles.h"
#include "core/io/atomic_file.h"
#include "core/io/gpkg.h"
#include "core/io/postgis.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <ostream>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace maillage::cli {

void addLinkOptions(CLI::App& sub, LinkCliOptions& o) {
    sub.add_option("--travel-times", o.travelTimes,
                   "commune x commune travel times (origin, destination, minutes or seconds; OSRM-like names "
                   "such as codgeo_orig, codgeo_dest, duree_s, duree_min are detected)")
        ->type_name("FILE");
    sub.add_option("--flows", o.flows,
                   "observed flows between communes (origin, destination, count; or INSEE's mobilités "
                   "professionnelles CODGEO, DCLT, NBFLUX_...); KIND: domicile-travail, patients or other")
        ->type_name("FILE[:KIND]");
    sub.add_option("--cooperations", o.cooperations,
                   "declared cooperations (name, kind, members as commune codes or names, seat, start year, "
                   "source)")
        ->type_name("FILE");
    sub.add_option(
           "--zones", o.zones,
           "infra-communal zones: IRIS contours or quartier polygons (GeoJSON, GeoPackage, Shapefile; "
           "code, name, parent commune)")
        ->type_name("FILE");
    sub.add_option("--zone-population", o.zonePopulation,
                   "population per zone: INSEE's population by IRIS (IRIS, COM, P.._POP) or code, population")
        ->type_name("FILE");
    sub.add_option("--quartiers", o.quartiers, "zone -> quartier grouping (zone, quartier, nom_quartier)")
        ->type_name("FILE");
    sub.add_option("--qpv", o.qpv,
                   "quartiers prioritaires de la politique de la ville: polygons with code_qp, nom_qp and "
                   "their indicators (GeoJSON, GeoPackage, Shapefile), an overlay layer")
        ->type_name("FILE");
    sub.add_option("--cog-history", o.cogHistory,
                   "INSEE passage tables replacing the shipped ones (tables of another COG year are carried "
                   "to the COG of the communes)")
        ->type_name("FILE");
    sub.add_flag("--no-cog-history", o.noCogHistory,
                 "join codes as they are, without carrying them across COG years");
}

io::LinkSources linkSources(const LinkCliOptions& o) {
    io::LinkSources links;
    links.travelTimes.path = o.travelTimes;
    if (!o.flows.empty())
        links.flows = io::parseFlowsArgument(o.flows);
    links.cooperations.path = o.cooperations;
    return links;
}

io::ZoneSources zoneSources(const LinkCliOptions& o) {
    io::ZoneSources zones;
    zones.polygons = o.zones;
    zones.population = o.zonePopulation;
    zones.quartiers = o.quartiers;
    zones.qpv = o.qpv;
    return zones;
}

std::vector<std::string> zoneInputs(const io::ZoneSources& zones) {
    std::vector<std::string> inputs;
    for (const std::string* path : {&zones.polygons, &zones.population, &zones.quartiers, &zones.qpv})
        if (!path->empty())
            inputs.push_back(*path);
    return inputs;
}

std::vector<std::string> linkInputs(const io::LinkSources& links, const std::string& cogHistory) {
    std::vector<std::string> inputs;
    for (const std::string* path :
         {&links.travelTimes.path, &links.flows.path, &links.cooperations.path, &cogHistory})
        if (!path->empty())
            inputs.push_back(*path);
    return inputs;
}

void writeStylesOrWarn(const std::string& gpkg, const Context& c) {
    std::string error;
    if (!app::writeQgisStyles(gpkg, c.datasetLanguage(), error) && !c.quiet)
        c.err << c.say(msg("app.warning")) << " " << error << "\n";
}

namespace {

//! writeDatasetWithStyles; `release` is called once the dataset's rows are written, before its file is closed
//! (GDAL builds the spatial indexes then) and the styles load QGIS.
void writeWithStyles(const model::Dataset& ds, const std::string& output, Feedback& feedback,
                     const Context& c, const std::vector<std::pair<std::string, long long>>& basedOn,
                     const std::function<void()>& release) {
    if (!io::isPostgisDataset(output)) {
        // The dataset, its results, styles and project all written into one temporary of its name, renamed
        // over it at the end: all or nothing, and no second copy of the file for the styles.
        io::TemporaryNamesake file(output);
        io::writeDataset(ds, file.path(), &feedback, release); // the dataset let go before the file closes
        std::string error;
        switch (app::writeQgisStylesInto(file.path(), c.datasetLanguage(), error)) {
        case app::StylesWritten::Yes:
            break;
        case app::StylesWritten::NoModule:
            if (!c.quiet)
                c.err << c.say(msg("app.warning")) << " " << error << "\n";
            break;
        case app::StylesWritten::Failed:
            throw Error(ErrorKind::Write, Location{output},
                        msg("gpkg.qgis_styles_failed_nothing_written", {arg::text("detail", error)}));
        }
        file.commit();
        return;
    }
    const io::TemporaryGpkg tmp;
    io::writeDataset(ds, tmp.path(), &feedback, release);
    writeStylesOrWarn(tmp.path(), c);
    io::copyGpkgToPostgis(tmp.path(), output, &feedback, basedOn);
    writeStylesOrWarn(output, c); // the project's layers then point to the schema's tables
}

} // namespace

void writeDatasetWithStyles(const model::Dataset& ds, const std::string& output, Feedback& feedback,
                            const Context& c, const std::vector<std::pair<std::string, long long>>& basedOn) {
    writeWithStyles(ds, output, feedback, c, basedOn, [] {});
}

void writeDatasetWithStyles(model::Dataset&& ds, const std::string& output, Feedback& feedback,
                            const Context& c) {
    writeWithStyles(ds, output, feedback, c, {}, [&ds] {
        ds = model::Dataset();
#ifdef __GLIBC__
        malloc_trim(0); // the freed geometries go back to the system, not only to the heap
#endif
    });
}

} // namespace maillage::cli
