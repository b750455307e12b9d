#include "core/analysis/dataset_outputs.h"

#include "core/analysis/dataset_results.h"
#include "core/analysis/density.h"
#include "core/analysis/maillage.h"
#include "core/analysis/result_tables.h"
#include "core/analysis/secrecy.h"
#include "core/analysis/vintages.h"
#include "core/model/dataset.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace maillage::analysis {

namespace {

std::string poleTypeLabel(PoleType type, Language language) {
    return language == Language::Fr ? poleTypeLabelFr(type) : poleTypeLabelEn(type);
}

bool benchNoResultRows() {
    const char* value = std::getenv("MAILLAGE_BENCH_NO_RESULT_ROWS");
    return value && std::strcmp(value, "1") == 0;
}

//! The classification as bassins_de_vie fields, masked as classificationTable masks them (statistical
//! secrecy, DOMAIN.md §7): a BV keeps its type, not the figures that give a small count back.
std::vector<io::BassinClassificationFields> classificationFields(const model::Dataset& dataset,
                                                                 const Classification& c, Language language,
                                                                 OutputSummary& summary) {
    std::vector<io::BassinClassificationFields> out;
    for (std::size_t i = 0; i < c.poles.size() && i < dataset.bassins.size(); ++i) {
        const PoleClassification& p = c.poles[i];
        const int type = static_cast<int>(p.type);
        ++summary.counts[static_cast<std::size_t>(type)];
        io::BassinClassificationFields f;
        f.bv = dataset.bassins[i].code;
        f.poleType = type;
        f.poleLabel = poleTypeLabel(p.type, language);
        const SecrecyRule rule = SecrecyRule::from(dataset.params.density);
        const ClassificationMask m = maskClassification(p.total, p.pole, p.psy, rule);
        f.masked = m.total;
        f.poleShareMasked = m.poleShare;
        f.psyShareMasked = m.psyShare;
        f.total = p.total;
        f.poleShare = p.poleShare;
        f.psyShare = p.psyShare;
        f.psyCounted = p.psyCounted;
        f.reason = publishableReason(p, m.reason, rule, language);
        out.push_back(std::move(f));
    }
    return out;
}

//! The pôles at their BV's anchor; the mass of a pôle is masked when it is a small count.
std::vector<io::PolePoint> polePoints(const model::Dataset& dataset, const MaillageResult& m,
                                      Language language) {
    std::vector<io::PolePoint> out;
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        const PoleNode& n = m.nodes[i];
        const model::Bassin* b = dataset.bassin(n.bv);
        const int type = static_cast<int>(n.type);
        out.push_back({n.bv, b ? b->name : n.bv, type, poleTypeLabel(n.type, language), n.mass,
                       isMasked(n.mass, dataset.params.density), i < m.isolated.size() && m.isolated[i],
                       n.position});
    }
    return out;
}

//! Modelled links (an intensity gives either mass back: masked with them), observed flows between BVs and
//! declared cooperations, between the BVs' anchors.
std::vector<io::LinkLine> linkLines(const model::Dataset& dataset, const Classification& c,
                                    const MaillageResult& m, OutputSummary& summary) {
    std::vector<io::LinkLine> out;
    for (const Link& l : m.links) {
        const PoleNode &a = m.nodes[l.from], &b = m.nodes[l.to];
        const bool masked =
            isMasked(a.mass, dataset.params.density) || isMasked(b.mass, dataset.params.density);
        out.push_back(
            {"modelled", a.bv, b.bv, l.intensity, l.dominant, 0, "", masked, a.position, b.position});
        summary.intensityLo = std::min(summary.intensityLo, l.intensity);
        summary.intensityHi = std::max(summary.intensityHi, l.intensity);
    }
    Warnings warnings; // the map shows what could be matched; the import reported the rest
    for (const BassinFlow& f : aggregateFlows(dataset, warnings)) {
        const model::Bassin *a = dataset.bassin(f.origin), *b = dataset.bassin(f.destination);
        if (!a || !b)
            continue;
        out.push_back(
            {"observed", f.origin, f.destination, 0, false, f.volume, "", false, a->anchor, b->anchor});
        summary.volumeLo = std::min(summary.volumeLo, f.volume);
        summary.volumeHi = std::max(summary.volumeHi, f.volume);
    }
    for (const DeclaredLink& d : declaredLinks(dataset, c.poles).links) {
        const model::Bassin *a = dataset.bassin(d.from), *b = dataset.bassin(d.to);
        if (a && b)
            out.push_back(
                {"declared", d.from, d.to, 0, false, 0, d.cooperation, false, a->anchor, b->anchor});
    }
    return out;
}

} // namespace

std::string withArgument(std::string pattern, const std::string& value) {
    const auto at = pattern.find("%1");
    return at == std::string::npos ? pattern : pattern.replace(at, 2, value);
}

namespace {

//! The per-commune densities and accessibility of every profession and vintage, and the map view's: computed
//! as they are written.
io::CommuneResults communeResults(const model::Dataset& dataset, Language language,
                                  const std::string& densityTitle) {
    io::CommuneResults r;
    r.language = language;
    const SecrecyRule rule = SecrecyRule::from(dataset.params.density);
    r.tables.push_back(communeDensities(dataset, rule));
    r.tables.push_back(communeAccess(dataset, rule, r.language));
    if (benchNoResultRows())
        for (io::StreamedTable& t : r.tables)
            t.rows = nullptr;
    r.mapVintage = defaultVintage(dataset);
    r.mapTitle = withArgument(densityTitle, std::to_string(r.mapVintage));
    return r;
}

//! What the map view shows of the table densites, for its classes (as the application's density map).
void mapDensities(const io::CommuneResults& r, const model::Dataset& dataset, OutputSummary& summary) {
    const SecrecyRule rule = SecrecyRule::from(dataset.params.density);
    summary.secrecyThreshold = rule.threshold;
    // The rows as they come, not gathered: France's are 10,000 for the general practitioners.
    const io::ResultTable layout = communeDensityLayout(dataset, rule);
    const auto population = static_cast<std::size_t>(layout.column("population")),
               density = static_cast<std::size_t>(layout.column("per_10000"));
    std::size_t rows = 0;
    communeDensityRows(dataset, rule, r.mapProfession, r.mapVintage, [&](const io::Row& row) {
        ++rows;
        if (std::any_of(row.cells.begin(), row.cells.end(), [](const io::Cell& c) { return c.masked; })) {
            summary.densityMasked = true;
            return;
        }
        const io::Cell& value = row.cells[density];
        summary.densities.push_back(value.hasValue() ? value.number : std::nan(""));
        summary.populations.push_back(row.cells[population].number);
    });
    if (rows < dataset.communes.size()) { // the communes without a row: 0 in the view
        summary.densities.push_back(0);
        summary.populations.push_back(0);
    }
}

} // namespace

DatasetOutputs datasetOutputs(const model::Dataset& dataset, const Classification& c, Language language,
                              const std::string& densityTitle) {
    DatasetOutputs r;
    r.classification = classificationFields(dataset, c, language, r.summary);
    const MaillageResult m = computeMaillage(dataset, c.poles, dataset.params.maillage);
    r.poles = polePoints(dataset, m, language);
    r.links = linkLines(dataset, c, m, r.summary);
    r.summary.isolationMinutes = m.distanceUnit == "min";
    r.summary.isolation = r.summary.isolationMinutes ? dataset.params.maillage.isolationMinutes
                                                     : dataset.params.maillage.isolationDistanceKm;
    r.communes = communeResults(dataset, language, densityTitle);
    mapDensities(r.communes, dataset, r.summary);
    r.summary.mapVintage = r.communes.mapVintage;
    return r;
}

} // namespace maillage::analysis
