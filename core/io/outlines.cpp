#include "core/io/outlines.h"

#include "core/io/geo.h"

#include <utility>

namespace maillage::io {

namespace {

//! Passes the caller's cancellation through, not the progress of the inner dissolves.
class CancelOnly : public Feedback {
public:
    explicit CancelOnly(Feedback* parent) : m_parent(parent) {}
    void setProgress(double) override {}
    bool isCanceled() const override { return m_parent && m_parent->isCanceled(); }

private:
    Feedback* m_parent;
};

//! Groups as "bassins" of a dataset whose "communes" are the parts: dissolveBassins unions them, in
//! parallel, without a second copy of the dissolve.
std::vector<model::Bassin> groupsAsBassins(const std::map<std::string, std::vector<std::string>>& groups) {
    std::vector<model::Bassin> out;
    out.reserve(groups.size());
    for (const auto& [code, members] : groups) {
        model::Bassin b;
        b.code = code;
        b.communes = members;
        out.push_back(std::move(b));
    }
    return out;
}

//! The union of each group of `parts`: one outline per group, sorted by code (empty geometry when none
//! of its parts has a polygon). `parts` is lent to the dissolve and given back, even on error.
std::vector<model::Outline> dissolveGroups(std::vector<model::Commune>& parts,
                                           const std::map<std::string, std::vector<std::string>>& groups,
                                           Feedback* feedback) {
    model::Dataset work;
    work.communes = std::move(parts);
    work.bassins = groupsAsBassins(groups);
    Warnings ignored; // about member polygons: already said by the bassins' dissolve
    CancelOnly cancel(feedback);
    try {
        dissolveBassins(work, ignored, &cancel);
    } catch (...) {
        parts = std::move(work.communes);
        throw;
    }
    parts = std::move(work.communes);
    std::vector<model::Outline> out;
    out.reserve(work.bassins.size());
    for (auto& b : work.bassins)
        out.push_back({b.code, std::move(b.geometry), std::move(b.spooled)});
    return out;
}

void warnMissing(const std::vector<model::Outline>& outlines, const char* id, Warnings& warnings) {
    std::vector<std::string> missing;
    for (const auto& o : outlines)
        if (!model::hasGeometry(o))
            missing.push_back(o.code);
    if (!missing.empty())
        warnings.push_back(makeWarning(ErrorKind::Geometry, Location{},
                                       msg(id, {arg::integer("n", static_cast<long long>(missing.size()))}),
                                       missing));
}

} // namespace

std::map<std::string, std::vector<std::string>>
communesByDepartement(const std::vector<model::Commune>& communes) {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& c : communes)
        if (!c.dep.empty())
            out[c.dep].push_back(c.code);
    return out;
}

std::map<std::string, std::vector<std::string>>
departementsByRegion(const std::vector<model::Commune>& communes) {
    std::map<std::string, std::map<std::string, int>> votes; // département -> région -> communes
    for (const auto& c : communes)
        if (!c.dep.empty() && !c.reg.empty())
            ++votes[c.dep][c.reg];
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& [dep, regions] : votes) {
        const auto* best = &*regions.begin();
        for (const auto& r : regions)
            if (r.second > best->second)
                best = &r;
        out[best->first].push_back(dep);
    }
    return out;
}

void dissolveOutlines(model::Dataset& dataset, Warnings& warnings, Feedback* feedback) {
    dataset.departementOutlines =
        dissolveGroups(dataset.communes, communesByDepartement(dataset.communes), feedback);
    // Régions from the départements' outlines: a hundred polygons to union rather than 35,000.
    std::vector<model::Commune> departements;
    departements.reserve(dataset.departementOutlines.size());
    for (const auto& d : dataset.departementOutlines) {
        model::Commune part;
        part.code = d.code;
        part.geometry = d.geometry;
        part.spooled = d.spooled;
        departements.push_back(std::move(part));
    }
    dataset.regionOutlines = dissolveGroups(departements, departementsByRegion(dataset.communes), feedback);
    warnMissing(dataset.departementOutlines, "gpkg.departement_outlines_missing", warnings);
    warnMissing(dataset.regionOutlines, "gpkg.region_outlines_missing", warnings);
}

} // namespace maillage::io
