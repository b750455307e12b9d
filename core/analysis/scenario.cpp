#include "core/analysis/scenario.h"

#include "core/analysis/accessibility.h"
#include "core/analysis/counts.h"
#include "core/analysis/register_counts.h"
#include "core/analysis/table_build.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

namespace maillage::analysis {

namespace {

//! Why one change cannot apply; applyScenario adds the scenario and the change.
struct ChangeFailure {
    Message reason;
};

//! Counts below this are taken as 0: subtracting shared counts leaves rounding residues.
constexpr double kZero = 1e-9;

//! A count as digits: "3", "2.5".
std::string countText(double count) {
    std::ostringstream s;
    s << count;
    return s.str();
}

//! The state of a scenario being applied: the counts of the vintage per (commune, profession).
struct Work {
    const model::Dataset& source;
    model::Dataset& out;
    AppliedScenario& result;
    std::unordered_map<long long, double> counts;
    long long professions = 0;
    std::vector<char> retired; //!< per professional of the register of the vintage, once one retires

    double& at(int commune, int profession) { return counts[commune * professions + profession]; }
};

int communeOf(const model::Dataset& d, const std::string& code) {
    const int i = resolveCommune(d, code);
    if (i < 0)
        throw ChangeFailure{msg("analysis.unknown_commune", {arg::code("commune", code)})};
    return i;
}

int professionOf(const model::Dataset& d, const std::string& code) {
    const int i = resolveProfession(d.catalogue, code);
    if (i >= 0)
        return i;
    std::vector<std::string> known;
    for (const model::Profession& p : d.catalogue.professions())
        known.push_back(p.code);
    throw ChangeFailure{
        msg("analysis.unknown_profession", {arg::code("profession", code), arg::list("known", known)})};
}

void requirePositive(double count) {
    if (!(count > 0) || !std::isfinite(count))
        throw ChangeFailure{msg("analysis.scenario.count_positive", {arg::number("value", count)})};
}

//! The dataset without its polygons (the analyses use anchors): a national copy stays cheap.
model::Dataset analysisCopy(const model::Dataset& s) {
    model::Dataset d;
    d.meta = s.meta;
    d.params = s.params;
    d.catalogue = s.catalogue;
    d.communes.reserve(s.communes.size());
    for (const model::Commune& c : s.communes)
        d.communes.push_back({c.code, c.name, c.population, c.bv, c.dep, c.reg, c.anchor, {}});
    d.bassins.reserve(s.bassins.size());
    for (const model::Bassin& b : s.bassins)
        d.bassins.push_back({b.code, b.name, b.dep, b.reg, b.population, b.communes, b.anchor, {}});
    for (const model::Zone& z : s.zones)
        d.zones.push_back({z.code, z.name, z.commune, z.population, {}, z.quartier, z.quartierName});
    d.counts = s.counts;
    d.zoneCounts = s.zoneCounts;
    d.cooperations = s.cooperations;
    d.flows = s.flows;
    d.travelTimes = s.travelTimes;
    d.facilities = s.facilities;
    d.scenarios = s.scenarios;
    d.regionNames = s.regionNames;
    d.departementNames = s.departementNames;
    d.reindex();
    return d;
}

//! Per commune: inside `place` (a commune or a bassin de vie); empty for "" (everywhere).
std::vector<char> territoryOf(const model::Dataset& d, const std::string& place) {
    if (place.empty())
        return {};
    std::vector<char> inside(d.communes.size(), 0);
    const int commune = resolveCommune(d, place);
    if (commune >= 0) {
        inside[commune] = 1;
        return inside;
    }
    if (d.bassinIndex(place) < 0)
        throw ChangeFailure{msg("analysis.scenario.unknown_place", {arg::code("place", place)})};
    for (std::size_t i = 0; i < d.communes.size(); ++i)
        inside[i] = d.communes[i].bv == place ? 1 : 0;
    return inside;
}

bool practisesIn(const model::Dataset& d, const model::RegisteredProfessional& p,
                 const std::vector<char>& inside) {
    if (inside.empty())
        return true;
    for (const model::PracticeSite& s : p.sites) {
        int i = d.communeIndex(s.commune);
        if (i < 0 && !s.commune.empty())
            i = resolveCommune(d, s.commune);
        if (i >= 0 && inside[i])
            return true;
    }
    return false;
}

const model::ProfessionalRegister& registerOf(const Work& w) {
    if (const model::ProfessionalRegister* reg = registerOfYear(w.source, w.result.vintage))
        return *reg;
    throw ChangeFailure{
        msg("analysis.scenario.no_register",
            {digits("vintage", w.result.vintage), arg::list("registers", registerYears(w.source))})};
}

//! Takes the counts of the professionals of `leaving` off (the register's site rule), for the counts of
//! the vintage derived from the register.
void subtractRegister(Work& w, const model::ProfessionalRegister& leaving) {
    for (const model::CountRecord& r : countsFromRegister(leaving)) {
        const int c = resolveCommune(w.out, r.place), p = resolveProfession(w.out.catalogue, r.profession);
        if (c < 0 || p < 0)
            continue; // never counted by the analyses either (the resolution warned)
        double& n = w.at(c, p);
        const double taken = std::min(n, r.count);
        n = n - taken < kZero ? 0 : n - taken;
        w.result.removed += taken;
    }
}

void retire(Work& w, const model::ScenarioChange& c, std::size_t index) {
    if (c.age < 18 || c.age > 100)
        throw ChangeFailure{msg("analysis.scenario.age_range", {arg::integer("value", c.age)})};
    const std::string profession =
        c.profession.empty() ? std::string()
                             : w.out.catalogue.professions()[professionOf(w.out, c.profession)].code;
    const std::vector<char> inside = territoryOf(w.out, c.place);
    const model::ProfessionalRegister& reg = registerOf(w);
    model::ProfessionalRegister leaving;
    leaving.vintage = reg.vintage;
    leaving.rule = reg.rule;
    w.retired.resize(reg.professionals.size(), 0);
    long long unknownAge = 0;
    for (std::size_t i = 0; i < reg.professionals.size(); ++i) {
        const model::RegisteredProfessional& p = reg.professionals[i];
        if (w.retired[i] || !(profession.empty() || p.profession == profession) ||
            !practisesIn(w.out, p, inside))
            continue;
        unknownAge += p.birthYear == 0 ? 1 : 0;
        if (p.birthYear == 0 || reg.vintage - p.birthYear < c.age)
            continue;
        w.retired[i] = 1;
        w.result.retiredProfessionals.push_back(i);
        leaving.professionals.push_back(p);
    }
    subtractRegister(w, leaving);
    w.result.retired += static_cast<int>(leaving.professionals.size());
    if (unknownAge > 0)
        w.result.warnings.push_back(makeWarning(
            ErrorKind::Value, Location{},
            msg("analysis.scenario.unknown_age",
                {arg::integer("n", unknownAge), arg::integer("change", static_cast<long long>(index + 1))})));
}

void remove(Work& w, const model::ScenarioChange& c) {
    const int commune = communeOf(w.out, c.place), profession = professionOf(w.out, c.profession);
    requirePositive(c.count);
    double& n = w.at(commune, profession);
    if (c.count > n + kZero)
        throw ChangeFailure{msg("analysis.scenario.not_enough",
                                {arg::number("count", c.count), arg::number("available", n),
                                 arg::code("profession", c.profession), arg::code("commune", c.place)})};
    n = n - c.count < kZero ? 0 : n - c.count;
    w.result.removed += c.count;
}

void open(Work& w, const model::ScenarioChange& c) {
    const int commune = communeOf(w.out, c.place);
    if (c.staff.empty())
        throw ChangeFailure{msg("analysis.scenario.no_staff")};
    for (const model::StaffCount& s : c.staff) {
        const int profession = professionOf(w.out, s.profession);
        requirePositive(s.count);
        w.at(commune, profession) += s.count;
        w.result.added += s.count;
    }
}

//! Closes one facility of kind c.facility in the commune (its latest vintage).
void closeFacility(Work& w, const model::ScenarioChange& c, int commune) {
    model::FacilityCount* found = nullptr;
    for (model::FacilityCount& f : w.out.facilities)
        if (f.kind == c.facility && f.count >= 1 && resolveCommune(w.out, f.commune) == commune &&
            (!found || f.vintage > found->vintage))
            found = &f;
    if (!found)
        throw ChangeFailure{msg("analysis.scenario.no_facility",
                                {arg::code("facility", c.facility), arg::code("commune", c.place)})};
    found->count -= 1;
}

void close(Work& w, const model::ScenarioChange& c) {
    const int commune = communeOf(w.out, c.place);
    if (!c.facility.empty())
        return closeFacility(w, c, commune);
    const int profession = professionOf(w.out, c.profession);
    double& n = w.at(commune, profession);
    if (n <= kZero)
        throw ChangeFailure{msg("analysis.scenario.nothing_to_close",
                                {arg::code("profession", c.profession), arg::code("commune", c.place)})};
    w.result.removed += n;
    n = 0;
}

int cooperationIndex(const model::Dataset& d, const std::string& name) {
    for (std::size_t i = 0; i < d.cooperations.size(); ++i)
        if (d.cooperations[i].name == name)
            return static_cast<int>(i);
    return -1;
}

void addCooperation(Work& w, const model::ScenarioChange& c) {
    if (c.cooperation.empty() || c.members.empty())
        throw ChangeFailure{msg("analysis.scenario.cooperation_incomplete")};
    if (cooperationIndex(w.out, c.cooperation) >= 0)
        throw ChangeFailure{msg("analysis.scenario.cooperation_exists", {arg::code("name", c.cooperation)})};
    model::Cooperation coop;
    coop.name = c.cooperation;
    coop.kind = c.cooperationKind.empty() ? "other" : c.cooperationKind;
    for (const std::string& m : c.members)
        coop.bassins.push_back(w.out.communes[communeOf(w.out, m)].code);
    if (!c.seat.empty())
        coop.seat = w.out.communes[communeOf(w.out, c.seat)].code;
    w.out.cooperations.push_back(std::move(coop));
}

void removeCooperation(Work& w, const model::ScenarioChange& c) {
    const int i = cooperationIndex(w.out, c.cooperation);
    if (i < 0)
        throw ChangeFailure{msg("analysis.scenario.cooperation_unknown", {arg::code("name", c.cooperation)})};
    w.out.cooperations.erase(w.out.cooperations.begin() + i);
}

void applyChange(Work& w, const model::ScenarioChange& c, std::size_t index) {
    switch (c.kind) {
    case model::ScenarioChangeKind::Retire:
        return retire(w, c, index);
    case model::ScenarioChangeKind::Remove:
        return remove(w, c);
    case model::ScenarioChangeKind::Open:
        return open(w, c);
    case model::ScenarioChangeKind::Close:
        return close(w, c);
    case model::ScenarioChangeKind::AddCooperation:
        return addCooperation(w, c);
    case model::ScenarioChangeKind::RemoveCooperation:
        return removeCooperation(w, c);
    }
}

//! The counts of the vintage as one record per commune and profession, in place of the old ones.
void writeBack(Work& w) {
    const int vintage = w.result.vintage;
    auto& counts = w.out.counts;
    counts.erase(std::remove_if(counts.begin(), counts.end(),
                                [vintage](const model::CountRecord& r) { return r.vintage == vintage; }),
                 counts.end());
    std::vector<std::pair<long long, double>> sorted(w.counts.begin(), w.counts.end());
    std::sort(sorted.begin(), sorted.end());
    const auto& professions = w.out.catalogue.professions();
    for (const auto& [key, count] : sorted)
        if (count > kZero)
            counts.push_back({w.out.communes[key / w.professions].code, professions[key % w.professions].code,
                              vintage, count});
}

} // namespace

AppliedScenario applyScenario(const model::Dataset& dataset, const model::Scenario& scenario, int vintage) {
    AppliedScenario result;
    result.dataset = analysisCopy(dataset);
    ResolvedCounts resolved = resolveCounts(result.dataset, vintage);
    result.vintage = resolved.vintage;
    result.warnings = std::move(resolved.warnings);
    if (result.vintage == 0)
        throw Error(ErrorKind::Value, Location{},
                    msg("analysis.scenario.no_counts", {arg::code("scenario", scenario.name)}));
    Work w{
        dataset, result.dataset, result, {}, static_cast<long long>(dataset.catalogue.professions().size()),
        {}};
    w.counts.reserve(resolved.counts.size());
    for (const ResolvedCount& c : resolved.counts)
        w.at(c.commune, c.profession) += c.count;
    for (std::size_t i = 0; i < scenario.changes.size(); ++i) {
        try {
            applyChange(w, scenario.changes[i], i);
        } catch (const ChangeFailure& f) {
            throw Error(
                ErrorKind::Value, Location{},
                msg("analysis.scenario.change_failed",
                    {arg::code("scenario", scenario.name), arg::integer("n", static_cast<long long>(i + 1)),
                     arg::nested("change", describeChange(scenario.changes[i])),
                     arg::nested("reason", f.reason)}));
        }
    }
    writeBack(w);
    return result;
}

namespace {

//! "Médecin généraliste" -> "médecin généraliste" inside a sentence; an acronym ("ORL") is kept.
std::string lowerFirstLetter(std::string label) {
    if (label.size() > 1 && label[0] >= 'A' && label[0] <= 'Z' && !(label[1] >= 'A' && label[1] <= 'Z'))
        label[0] = static_cast<char>(label[0] - 'A' + 'a');
    else if (label.rfind("\xc3\x89", 0) == 0) // É
        label.replace(0, 2, "\xc3\xa9");
    return label;
}

//! How a change names its professions and places: by code (`names` null), else by label and name.
struct ChangeNaming {
    const model::Dataset* names = nullptr;
    Language language = Language::Fr;

    //! The profession's label as the catalogue writes it ("Médecin généraliste"), else its code.
    std::string label(const std::string& code) const {
        const model::Profession* p = names ? names->catalogue.resolve(code) : nullptr;
        return p ? (language == Language::Fr ? p->labelFr : p->labelEn) : code;
    }
    //! The label inside a sentence ("médecin généraliste").
    std::string professionText(const std::string& code) const { return lowerFirstLetter(label(code)); }
    MessageArg profession(const std::string& code) const {
        const bool known = names && names->catalogue.resolve(code);
        return known ? arg::text("profession", professionText(code)) : arg::code("profession", code);
    }
    //! A commune "Villesauvage (00001)", else a bassin de vie "BV Villesauvage (00001)", else the code.
    MessageArg place(const char* name, const std::string& code) const {
        if (names) {
            if (const model::Commune* c = names->commune(code); c && !c->name.empty())
                return arg::text(name, c->name + " (" + code + ")");
            if (const model::Bassin* b = names->bassin(code); b && !b->name.empty())
                return arg::text(name, "BV " + b->name + " (" + code + ")");
        }
        return arg::code(name, code);
    }
};

Message describeChange(const model::ScenarioChange& c, const ChangeNaming& n) {
    const auto everyProfession = [&] {
        return c.profession.empty() ? arg::nested("profession", msg("analysis.scenario.every_profession"))
                                    : n.profession(c.profession);
    };
    switch (c.kind) {
    case model::ScenarioChangeKind::Retire:
        return msg("analysis.scenario.change.retire",
                   {arg::integer("age", c.age), everyProfession(),
                    c.place.empty() ? arg::nested("place", msg("analysis.scenario.everywhere"))
                                    : n.place("place", c.place)});
    case model::ScenarioChangeKind::Remove:
        if (n.names) // "Médecin généraliste : 3 en moins à Lille (59350)": no label to put in the plural
            return msg("analysis.scenario.change.remove_named",
                       {arg::number("count", c.count), arg::text("profession", n.label(c.profession)),
                        n.place("commune", c.place)});
        return msg("analysis.scenario.change.remove",
                   {arg::number("count", c.count), n.profession(c.profession), n.place("commune", c.place)});
    case model::ScenarioChangeKind::Open: {
        std::vector<std::string> staff;
        for (const model::StaffCount& s : c.staff)
            staff.push_back(n.professionText(s.profession) + " × " + countText(s.count));
        return msg("analysis.scenario.change.open", {n.place("commune", c.place), arg::list("staff", staff)});
    }
    case model::ScenarioChangeKind::Close:
        if (!c.facility.empty())
            return msg("analysis.scenario.change.close_facility",
                       {arg::code("facility", c.facility), n.place("commune", c.place)});
        return msg("analysis.scenario.change.close_site",
                   {n.profession(c.profession), n.place("commune", c.place)});
    case model::ScenarioChangeKind::AddCooperation: {
        if (!n.names)
            return msg("analysis.scenario.change.add_cooperation",
                       {arg::code("name", c.cooperation), arg::list("members", c.members, true)});
        std::vector<std::string> members;
        for (const std::string& m : c.members) {
            const model::Commune* commune = n.names->commune(m);
            members.push_back(commune && !commune->name.empty() ? commune->name : m);
        }
        return msg("analysis.scenario.change.add_cooperation",
                   {arg::code("name", c.cooperation), arg::list("members", members)});
    }
    case model::ScenarioChangeKind::RemoveCooperation:
        return msg("analysis.scenario.change.remove_cooperation", {arg::code("name", c.cooperation)});
    }
    return raw("");
}

} // namespace

Message describeChange(const model::ScenarioChange& c) {
    return describeChange(c, ChangeNaming{});
}

std::string describeChange(const model::Dataset& dataset, const model::ScenarioChange& change,
                           Language language) {
    return word(describeChange(change, ChangeNaming{&dataset, language}), language);
}

// ---------------------------------------------------------------------------------------------------
// Comparison

namespace {

//! Canonical codes of the professions the changes touch; "" when one concerns every profession.
std::vector<std::string> touchedProfessions(const model::Dataset& d, const model::Scenario& scenario) {
    std::vector<std::string> codes;
    const auto add = [&](const std::string& code) {
        const model::Profession* p = code.empty() ? nullptr : d.catalogue.resolve(code);
        const std::string canonical = p ? p->code : std::string();
        if (std::find(codes.begin(), codes.end(), canonical) == codes.end())
            codes.push_back(canonical);
    };
    for (const model::ScenarioChange& c : scenario.changes) {
        if (c.kind == model::ScenarioChangeKind::Retire || (c.kind == model::ScenarioChangeKind::Remove) ||
            (c.kind == model::ScenarioChangeKind::Close && c.facility.empty()))
            add(c.profession);
        if (c.kind == model::ScenarioChangeKind::Open)
            for (const model::StaffCount& s : c.staff)
                add(s.profession);
    }
    if (std::find(codes.begin(), codes.end(), std::string()) != codes.end())
        return {std::string()};
    std::sort(codes.begin(), codes.end());
    return codes;
}

void compareTypes(const model::Dataset& d, const Classification& before, const Classification& after,
                  ScenarioComparison& out) {
    for (std::size_t i = 0; i < before.poles.size() && i < after.poles.size(); ++i) {
        out.totalBefore += before.poles[i].total;
        out.totalAfter += after.poles[i].total;
        if (before.poles[i].type != after.poles[i].type)
            out.typeChanges.push_back(
                {d.bassins[i].code, d.bassins[i].name, before.poles[i], after.poles[i]});
    }
}

void compareDensities(const model::Dataset& d, const Classification& before, const Classification& after,
                      const std::vector<std::string>& professions, ScenarioComparison& out) {
    std::vector<std::pair<std::string, int>> columns = {{std::string(), -1}};
    for (const std::string& code : professions)
        if (!code.empty())
            columns.push_back({code, d.catalogue.indexOf(code)});
    const auto& b = before.aggregation.bassins;
    const auto& a = after.aggregation.bassins;
    for (const auto& [code, index] : columns) {
        for (std::size_t i = 0; i < b.size() && i < a.size(); ++i) {
            const double x = index < 0 ? b[i].total : b[i].byProfession[index];
            const double y = index < 0 ? a[i].total : a[i].byProfession[index];
            if (std::fabs(x - y) > kZero)
                out.densityChanges.push_back(
                    {d.bassins[i].code, d.bassins[i].name, code, d.bassins[i].population, x, y});
        }
    }
}

void compareAccess(const model::Dataset& d, const model::Dataset& changed, int vintage,
                   const std::vector<std::string>& professions, const ScenarioOptions& options,
                   ScenarioComparison& out) {
    out.hasZonage = !options.zonageThresholds.empty();
    for (const std::string& profession : professions) {
        const AccessParameters params = accessParameters(d.params, d.catalogue, profession);
        const AccessResult before = accessibility(d, profession, vintage, params);
        const AccessResult after = accessibility(changed, profession, vintage, params);
        out.accessProfessions.push_back(profession);
        if (const model::Profession* known = d.catalogue.find(profession))
            out.professionLabels[profession] = {known->labelFr, known->labelEn};
        Zonage zb, za;
        if (out.hasZonage) {
            zb = zonage(before, options.zonageThresholds);
            za = zonage(after, options.zonageThresholds);
        }
        for (std::size_t i = 0; i < before.values.size() && i < after.values.size(); ++i) {
            const double x = before.values[i], y = after.values[i];
            if (std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(x)))
                continue;
            ScenarioAccessChange change{d.communes[i].code, d.communes[i].name, profession, x, y};
            if (out.hasZonage) {
                change.classBefore = zb.classOf[i];
                change.classAfter = za.classOf[i];
                out.zonageCrossings += change.classBefore != change.classAfter ? 1 : 0;
            }
            out.accessChanges.push_back(std::move(change));
        }
    }
}

void compareMaillage(const model::Dataset& d, const model::Dataset& changed, const Classification& before,
                     const Classification& after, ScenarioComparison& out) {
    const MaillageResult mb = computeMaillage(d, before.poles, d.params.maillage);
    const MaillageResult ma = computeMaillage(changed, after.poles, d.params.maillage);
    out.polesBefore = static_cast<int>(mb.nodes.size());
    out.polesAfter = static_cast<int>(ma.nodes.size());
    out.isolatedBefore = static_cast<int>(std::count(mb.isolated.begin(), mb.isolated.end(), true));
    out.isolatedAfter = static_cast<int>(std::count(ma.isolated.begin(), ma.isolated.end(), true));
    out.remotePopulationBefore = mb.remotePopulation;
    out.remotePopulationAfter = ma.remotePopulation;
}

//! A declared link as compared: its cooperation and its two BVs, whichever is the hub.
std::tuple<std::string, std::string, std::string> linkKey(const DeclaredLink& l) {
    return {l.cooperation, std::min(l.from, l.to), std::max(l.from, l.to)};
}

//! The links of `from` that `to` does not have, by cooperation then BVs.
std::vector<DeclaredLink> linksMissing(std::vector<DeclaredLink> from, const std::vector<DeclaredLink>& to) {
    std::set<std::tuple<std::string, std::string, std::string>> kept;
    for (const DeclaredLink& l : to)
        kept.insert(linkKey(l));
    from.erase(std::remove_if(from.begin(), from.end(),
                              [&](const DeclaredLink& l) { return kept.count(linkKey(l)); }),
               from.end());
    std::sort(from.begin(), from.end(),
              [](const DeclaredLink& a, const DeclaredLink& b) { return linkKey(a) < linkKey(b); });
    return from;
}

// The declared links before and after: a cooperation added or removed, or a hub that changed.
void compareDeclaredLinks(const model::Dataset& d, const model::Dataset& changed,
                          const Classification& before, const Classification& after,
                          ScenarioComparison& out) {
    const std::vector<DeclaredLink> b = declaredLinks(d, before.poles).links;
    const std::vector<DeclaredLink> a = declaredLinks(changed, after.poles).links;
    out.linksAdded = linksMissing(a, b);
    out.linksRemoved = linksMissing(b, a);
    for (const auto* links : {&out.linksAdded, &out.linksRemoved})
        for (const DeclaredLink& l : *links)
            for (const std::string& code : {l.from, l.to})
                if (const model::Bassin* bv = d.bassin(code); bv && !bv->name.empty())
                    out.bassinNames[code] = bv->name;
}

} // namespace

ScenarioComparison compareScenario(const model::Dataset& dataset, const model::Scenario& scenario,
                                   int vintage, const ScenarioOptions& options) {
    AppliedScenario applied = applyScenario(dataset, scenario, vintage);
    ScenarioComparison out;
    out.scenario = scenario.name;
    out.vintage = applied.vintage;
    out.retired = applied.retired;
    out.removed = applied.removed;
    out.added = applied.added;
    out.warnings = std::move(applied.warnings);
    const model::Parameters& p = dataset.params;
    const Classification before = classifyDataset(dataset, out.vintage, p.poles);
    const Classification after = classifyDataset(applied.dataset, out.vintage, p.poles);
    compareTypes(dataset, before, after, out);
    const std::vector<std::string> professions = touchedProfessions(dataset, scenario);
    compareDensities(dataset, before, after, professions, out);
    compareAccess(dataset, applied.dataset, out.vintage, professions, options, out);
    compareMaillage(dataset, applied.dataset, before, after, out);
    compareDeclaredLinks(dataset, applied.dataset, before, after, out);
    out.bassinsAfter = after.poles;
    out.crunchBefore = diagnoseCrunch(dataset, {}, p.poles, p.crunch, out.vintage);
    out.crunchAfter = diagnoseCrunch(applied.dataset, {}, p.poles, p.crunch, out.vintage);
    return out;
}

// ---------------------------------------------------------------------------------------------------
// Wording and tables

namespace {

std::string typeLabel(PoleType type, Language language) {
    return language == Language::Fr ? poleTypeLabelFr(type) : poleTypeLabelEn(type);
}

bool classificationMasked(const PoleClassification& c, const SecrecyRule& rule) {
    return maskClassification(c.total, c.pole, c.psy, rule).any();
}

std::string typeChangeSentence(const ScenarioTypeChange& t, const SecrecyRule& rule, Language language) {
    const bool masked = classificationMasked(t.before, rule) || classificationMasked(t.after, rule);
    const Message m = msg("analysis.scenario.type_change",
                          {arg::text("name", t.name.empty() ? t.bv : t.name), arg::text("bv", t.bv),
                           arg::text("from", typeLabel(t.before.type, language)),
                           arg::text("to", typeLabel(t.after.type, language))});
    std::string s = word(m, language);
    if (!masked)
        s += " " + describeClassification(t.after, language);
    return s;
}

std::string professionList(const ScenarioComparison& c, Language language) {
    std::string out;
    for (const std::string& p : c.accessProfessions) {
        std::string label = p;
        if (p.empty())
            label = word(msg("results.all_professions"), language);
        else if (auto it = c.professionLabels.find(p); it != c.professionLabels.end())
            label = lowerFirstLetter(language == Language::Fr ? it->second.first : it->second.second);
        out += (out.empty() ? "" : ", ") + label;
    }
    return out;
}

} // namespace

namespace {

//! "Declared link added: 01002 – 02001 (CPTS du Bugey)", one per link added or removed.
std::vector<std::string> linkSentences(const ScenarioComparison& c, Language language) {
    std::vector<std::string> out;
    const auto nameOf = [&](const std::string& code) {
        const auto it = c.bassinNames.find(code);
        return it == c.bassinNames.end() ? code : it->second;
    };
    for (const auto* links : {&c.linksAdded, &c.linksRemoved})
        for (const DeclaredLink& l : *links)
            out.push_back(word(msg(links == &c.linksAdded ? "analysis.scenario.link_added"
                                                          : "analysis.scenario.link_removed",
                                   {arg::text("from", nameOf(l.from)), arg::text("to", nameOf(l.to)),
                                    arg::text("name", l.cooperation)}),
                               language));
    return out;
}

} // namespace

std::vector<std::string> describeComparison(const ScenarioComparison& c, const SecrecyRule& rule,
                                            Language language) {
    std::vector<std::string> out;
    // The retired are among the removed (`removed` counts them): said as a part, never as a second loss.
    out.push_back(word(
        msg(c.retired > 0 ? "analysis.scenario.sentence_total_retired" : "analysis.scenario.sentence_total",
            {arg::code("scenario", c.scenario), arg::number("before", c.totalBefore, 0),
             arg::number("after", c.totalAfter, 0), arg::integer("retired", c.retired),
             arg::number("removed", c.removed, 0), arg::number("added", c.added, 0)}),
        language));
    out.push_back(word(c.typeChanges.empty()
                           ? msg("analysis.scenario.sentence_types_none")
                           : msg("analysis.scenario.sentence_types",
                                 {arg::integer("n", static_cast<long long>(c.typeChanges.size()))}),
                       language));
    for (const ScenarioTypeChange& t : c.typeChanges)
        out.push_back(typeChangeSentence(t, rule, language));
    if (!c.accessProfessions.empty()) {
        const long long n = c.hasZonage ? c.zonageCrossings : static_cast<long long>(c.accessChanges.size());
        // "Aucune commune ne franchit…", not "0 commune franchit…".
        const std::string id = std::string("analysis.scenario.sentence_") +
                               (c.hasZonage ? "zonage" : "access") + (n == 0 ? "_none" : "");
        out.push_back(
            word(msg(id, {arg::integer("n", n), arg::text("professions", professionList(c, language))}),
                 language));
    }
    out.push_back(word(msg("analysis.scenario.sentence_maillage",
                           {arg::integer("before", c.polesBefore), arg::integer("after", c.polesAfter),
                            arg::integer("isolated_before", c.isolatedBefore),
                            arg::integer("isolated_after", c.isolatedAfter)}),
                       language));
    for (const std::string& line : linkSentences(c, language))
        out.push_back(line);
    const auto findings = crunchFindingChanges(c, rule, language);
    out.push_back(word(findings.empty() ? msg("analysis.scenario.sentence_crunch_none")
                                        : msg("analysis.scenario.sentence_crunch",
                                              {arg::integer("n", static_cast<long long>(findings.size()))}),
                       language));
    return out;
}

std::vector<std::pair<std::string, std::string>>
crunchFindingChanges(const ScenarioComparison& c, const SecrecyRule& rule, Language language) {
    const CrunchMask mb = maskCrunch(c.crunchBefore, rule), ma = maskCrunch(c.crunchAfter, rule);
    if (mb.diagnosis || ma.diagnosis)
        return {};
    const auto before = describeCrunchBriefly(publishableCrunch(c.crunchBefore, mb), language);
    const auto after = describeCrunchBriefly(publishableCrunch(c.crunchAfter, ma), language);
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < std::max(before.size(), after.size()); ++i) {
        const std::string b = i < before.size() ? before[i] : std::string();
        const std::string a = i < after.size() ? after[i] : std::string();
        if (a != b)
            out.push_back({b, a});
    }
    return out;
}

namespace {

using tables::column;
using tables::populationColumn;

io::ResultTable newTable(std::string name, const char* titleId, const ScenarioComparison& c,
                         const SecrecyRule& rule) {
    return tables::newTable(std::move(name),
                            msg(titleId, {arg::code("scenario", c.scenario), digits("vintage", c.vintage)}),
                            rule);
}

io::ResultTable typesTable(const ScenarioComparison& c, const SecrecyRule& rule, Language language) {
    io::ResultTable t = newTable("scenario_types", "analysis.scenario.title_types", c, rule);
    using io::ColumnType;
    t.columns = {column("bv", "Bassin de vie", "Bassin de vie", ColumnType::Code),
                 column("name", "Nom", "Name", ColumnType::Text),
                 column("type_before", "Type avant", "Type before", ColumnType::Integer),
                 column("type_after", "Type après", "Type after", ColumnType::Integer),
                 column("total_before", "Professionnels avant", "Professionals before", ColumnType::Real),
                 column("total_after", "Professionnels après", "Professionals after", ColumnType::Real),
                 column("reason", "Raison (après)", "Reason (after)", ColumnType::Text)};
    for (const ScenarioTypeChange& x : c.typeChanges) {
        const bool mb = classificationMasked(x.before, rule), ma = classificationMasked(x.after, rule);
        io::Row row;
        row.cells = {
            io::Cell::of(x.bv),
            io::Cell::of(x.name),
            io::Cell::of(static_cast<double>(static_cast<int>(x.before.type))),
            io::Cell::of(static_cast<double>(static_cast<int>(x.after.type))),
            io::Cell::orSecret(x.before.total, mb),
            io::Cell::orSecret(x.after.total, ma),
            io::Cell::of(ma ? typeLabel(x.after.type, language) : describeClassification(x.after, language))};
        t.rows.push_back(std::move(row));
    }
    return t;
}

io::ResultTable densitiesTable(const ScenarioComparison& c, const SecrecyRule& rule) {
    io::ResultTable t = newTable("scenario_densities", "analysis.scenario.title_densities", c, rule);
    using io::ColumnType;
    t.columns = {column("bv", "Bassin de vie", "Bassin de vie", ColumnType::Code),
                 column("name", "Nom", "Name", ColumnType::Text),
                 column("profession", "Profession", "Profession", ColumnType::Code),
                 populationColumn("Population", "Population", ""),
                 column("count_before", "Effectif avant", "Count before", ColumnType::Real),
                 column("count_after", "Effectif après", "Count after", ColumnType::Real),
                 column("per_10000_before", "Densité avant (10 000 hab.)", "Density before (10,000 inh.)",
                        ColumnType::Real, 2),
                 column("per_10000_after", "Densité après (10 000 hab.)", "Density after (10,000 inh.)",
                        ColumnType::Real, 2)};
    for (const ScenarioDensityChange& x : c.densityChanges) {
        // The change gives one count back from the other: both are masked when either is secret.
        const bool masked = isSecret(x.before, rule) || isSecret(x.after, rule);
        const auto per10k = [&](double n) { return x.population > 0 ? n / x.population * 10000 : 0.0; };
        io::Row row;
        row.cells = {io::Cell::of(x.bv),
                     io::Cell::of(x.name),
                     io::Cell::of(x.profession),
                     io::Cell::of(x.population),
                     io::Cell::orSecret(x.before, masked),
                     io::Cell::orSecret(x.after, masked),
                     io::Cell::orSecret(per10k(x.before), masked),
                     io::Cell::orSecret(per10k(x.after), masked)};
        t.rows.push_back(std::move(row));
    }
    return t;
}

//! The communes whose accessibility changes, or (`crossingsOnly`) those whose zonage class changes.
io::ResultTable accessTable(const ScenarioComparison& c, const SecrecyRule& rule, bool crossingsOnly) {
    io::ResultTable t = crossingsOnly
                            ? newTable("scenario_zonage", "analysis.scenario.title_zonage", c, rule)
                            : newTable("scenario_access", "analysis.scenario.title_access", c, rule);
    t.maskedFlagColumn.clear(); // accessibility values mix many communes' counts: no count is shown
    using io::ColumnType;
    t.columns = {column("commune", "Commune", "Commune", ColumnType::Code),
                 column("name", "Nom", "Name", ColumnType::Text),
                 column("profession", "Profession", "Profession", ColumnType::Code),
                 column("access_before", "Accessibilité avant", "Accessibility before", ColumnType::Real, 3),
                 column("access_after", "Accessibilité après", "Accessibility after", ColumnType::Real, 3)};
    if (c.hasZonage) {
        t.columns.push_back(column("class_before", "Classe avant", "Class before", ColumnType::Integer));
        t.columns.push_back(column("class_after", "Classe après", "Class after", ColumnType::Integer));
    }
    for (const ScenarioAccessChange& x : c.accessChanges) {
        if (crossingsOnly && x.classBefore == x.classAfter)
            continue;
        io::Row row;
        row.cells = {io::Cell::of(x.commune), io::Cell::of(x.name), io::Cell::of(x.profession),
                     io::Cell::of(x.before), io::Cell::of(x.after)};
        if (c.hasZonage) {
            row.cells.push_back(io::Cell::of(static_cast<double>(x.classBefore)));
            row.cells.push_back(io::Cell::of(static_cast<double>(x.classAfter)));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

io::ResultTable crunchTable(const ScenarioComparison& c, const SecrecyRule& rule, Language language) {
    io::ResultTable t = newTable("scenario_crunch", "analysis.scenario.title_crunch", c, rule);
    t.maskedFlagColumn.clear(); // the findings are worded from the publishable diagnoses
    t.columns = {column("before", "Avant", "Before", io::ColumnType::Text),
                 column("after", "Après", "After", io::ColumnType::Text)};
    for (const auto& [before, after] : crunchFindingChanges(c, rule, language)) {
        io::Row row;
        row.cells = {before.empty() ? io::Cell::none() : io::Cell::of(before),
                     after.empty() ? io::Cell::none() : io::Cell::of(after)};
        t.rows.push_back(std::move(row));
    }
    return t;
}

} // namespace

std::vector<io::ResultTable> scenarioTables(const model::Dataset&, const ScenarioComparison& comparison,
                                            const SecrecyRule& rule, Language language) {
    std::vector<io::ResultTable> tables;
    tables.push_back(typesTable(comparison, rule, language));
    if (comparison.hasZonage) // the two lists of the before/after: BVs changing type, communes crossing
        tables.push_back(accessTable(comparison, rule, true));
    tables.push_back(densitiesTable(comparison, rule));
    tables.push_back(accessTable(comparison, rule, false));
    tables.push_back(crunchTable(comparison, rule, language));
    return tables;
}

} // namespace maillage::analysis
