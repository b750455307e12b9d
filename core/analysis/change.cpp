#include "core/analysis/change.h"

#include "core/analysis/counts.h"
#include "core/analysis/density.h"
#include "core/analysis/result_tables.h"
#include "core/analysis/table_build.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace maillage::analysis {

using tables::column;
using tables::populationColumn;

bool parseChangeLevel(const std::string& text, ChangeLevel& out) {
    if (text == "bv")
        out = ChangeLevel::Bassin;
    else if (text == "commune")
        out = ChangeLevel::Commune;
    else
        return false;
    return true;
}

namespace {

using ProfessionCounts = std::map<int, std::vector<double>>; // profession index -> count per commune

//! Throws unless `year` is one of the dataset's vintages.
void checkVintagePresent(const model::Dataset& ds, int year) {
    std::set<int> present(ds.meta.vintages.begin(), ds.meta.vintages.end());
    for (const model::CountRecord& r : ds.counts) // the counts are the truth; metadata may lag behind
        present.insert(r.vintage);
    if (present.count(year))
        return;
    std::vector<std::string> years;
    for (int v : present)
        years.push_back(std::to_string(v));
    throw Error(ErrorKind::Parameter, {},
                msg("analysis.change.vintage_missing",
                    {arg::text("year", std::to_string(year)), arg::list("years", years)}));
}

//! Throws unless from < to and both are vintages of the dataset.
void checkYears(const model::Dataset& ds, int from, int to) {
    if (from >= to)
        throw Error(ErrorKind::Parameter, {},
                    msg("analysis.change.from_not_before_to",
                        {arg::text("from", std::to_string(from)), arg::text("to", std::to_string(to))}));
    checkVintagePresent(ds, from);
    checkVintagePresent(ds, to);
    checkSameSource(ds, from, to);
}

//! Counts of every profession present in `vintage` (one with records, even of 0), per commune.
ProfessionCounts countsByProfession(const model::Dataset& ds, int vintage, Warnings& warnings) {
    ProfessionCounts out;
    forEachResolvedCount(
        ds, vintage,
        [&](const ResolvedCount* begin, const ResolvedCount* end) {
            for (const ResolvedCount* rc = begin; rc != end; ++rc) {
                auto& counts = out[rc->profession];
                counts.resize(ds.communes.size(), 0.0);
                counts[static_cast<std::size_t>(rc->commune)] += rc->count;
            }
        },
        warnings);
    return out;
}

//! The index of the profession asked (-1 = all); throws Error(Value) for an unknown one (as densities do).
int wantedProfession(const model::Dataset& ds, const std::string& profession) {
    if (profession.empty())
        return -1;
    countsByCommune(ds, profession, 0); // validates, listing the catalogue's codes when unknown
    return resolveProfession(ds.catalogue, profession);
}

std::string codeOf(const model::Dataset& ds, int profession) {
    return ds.catalogue.professions()[static_cast<std::size_t>(profession)].code;
}

//! Per commune, the sum of the professions kept; `leftOut` gets the codes present in one vintage only.
std::vector<double> keptSum(const model::Dataset& ds, const ProfessionCounts& mine,
                            const ProfessionCounts& other, int wanted, std::vector<std::string>& leftOut) {
    std::vector<double> sum(ds.communes.size(), 0.0);
    for (const auto& [profession, counts] : mine) {
        if (wanted >= 0 && profession != wanted)
            continue;
        if (!other.count(profession)) {
            leftOut.push_back(codeOf(ds, profession));
            continue;
        }
        for (std::size_t i = 0; i < counts.size(); ++i)
            sum[i] += counts[i];
    }
    return sum;
}

//! Throws when the profession asked is missing from a vintage.
void checkWantedPresent(const model::Dataset& ds, const ProfessionCounts& counts, int wanted, int vintage,
                        const ChangeRequest& r) {
    if (wanted < 0 || counts.count(wanted))
        return;
    throw Error(ErrorKind::Value, {},
                msg("analysis.change.profession_missing",
                    {arg::code("profession", codeOf(ds, wanted)), arg::text("year", std::to_string(vintage)),
                     arg::text("from", std::to_string(r.from)), arg::text("to", std::to_string(r.to))}));
}

ChangeRow makeRow(std::string code, std::string name, double population, double before, double after,
                  const ChangeRequest& r, double threshold) {
    ChangeRow row;
    row.code = std::move(code);
    row.name = std::move(name);
    row.population = population;
    row.before = before;
    row.after = after;
    row.change = after - before;
    row.hasPercent = before > 0;
    row.changePercent = before > 0 ? 100.0 * row.change / before : 0.0;
    if (population > 0) {
        row.densityBefore = before / population * 10000.0;
        row.densityAfter = after / population * 10000.0;
        row.densityChange = row.densityAfter - row.densityBefore;
    }
    row.withinNoise =
        std::abs(row.change) < r.noiseProfessionals || (before < threshold && after < threshold);
    return row;
}

//! Rows of the communes, or of the BVs (sums of their communes).
std::vector<ChangeRow> rowsAtLevel(const model::Dataset& ds, const std::vector<double>& before,
                                   const std::vector<double>& after, const ChangeRequest& r,
                                   double threshold) {
    std::vector<ChangeRow> rows;
    if (r.level == ChangeLevel::Commune) {
        for (std::size_t i = 0; i < ds.communes.size(); ++i) {
            const model::Commune& c = ds.communes[i];
            rows.push_back(makeRow(c.code, c.name, c.population, before[i], after[i], r, threshold));
        }
        return rows;
    }
    std::map<std::string, std::array<double, 3>> sums; // BV -> population, before, after
    for (std::size_t i = 0; i < ds.communes.size(); ++i) {
        auto& s = sums[ds.communes[i].bv];
        s[0] += ds.communes[i].population;
        s[1] += before[i];
        s[2] += after[i];
    }
    for (const model::Bassin& b : ds.bassins) {
        const auto& s = sums[b.code];
        rows.push_back(makeRow(b.code, b.name, s[0], s[1], s[2], r, threshold));
    }
    return rows;
}

} // namespace

ChangeResult computeChange(const model::Dataset& dataset, const ChangeRequest& request,
                           const SecrecyRule& rule) {
    checkYears(dataset, request.from, request.to);
    ChangeResult out;
    out.request = request;
    out.secrecyThreshold = rule.enabled ? rule.threshold : 0;
    const int wanted = wantedProfession(dataset, request.profession);
    if (wanted >= 0)
        out.request.profession = codeOf(dataset, wanted);
    const ProfessionCounts from = countsByProfession(dataset, request.from, out.warnings);
    const ProfessionCounts to = countsByProfession(dataset, request.to, out.warnings);
    checkWantedPresent(dataset, from, wanted, request.from, request);
    checkWantedPresent(dataset, to, wanted, request.to, request);
    const std::vector<double> before = keptSum(dataset, from, to, wanted, out.leftOut);
    const std::vector<double> after = keptSum(dataset, to, from, wanted, out.leftOut);
    std::sort(out.leftOut.begin(), out.leftOut.end());
    if (!out.leftOut.empty())
        out.warnings.push_back(makeWarning(
            ErrorKind::Join, {},
            msg("analysis.change.professions_left_out",
                {arg::integer("n", static_cast<long long>(out.leftOut.size())),
                 arg::list("professions", out.leftOut, true), arg::text("from", std::to_string(request.from)),
                 arg::text("to", std::to_string(request.to))})));
    out.rows = rowsAtLevel(dataset, before, after, request, out.secrecyThreshold);
    return out;
}

namespace {

//! Masks of one vintage's counts, exactly as the density table of the same level masks them.
std::vector<bool> maskedCounts(const model::Dataset& ds, const ChangeResult& result, bool after,
                               const SecrecyRule& rule) {
    DensityTableInput input;
    input.level = result.request.level == ChangeLevel::Commune ? DensityLevel::Commune : DensityLevel::Bassin;
    for (const ChangeRow& r : result.rows) {
        DensityRow d;
        d.code = r.code;
        d.population = r.population;
        d.count = after ? r.after : r.before;
        input.rows.push_back(std::move(d));
    }
    const io::ResultTable t = densityTable(ds, input, rule);
    const int count = t.column("count");
    std::vector<bool> masked;
    for (const io::Row& row : t.rows)
        masked.push_back(row.cells[static_cast<std::size_t>(count)].masked);
    return masked;
}

} // namespace

std::vector<ChangeMask> maskChangeRows(const model::Dataset& dataset, const ChangeResult& result,
                                       const SecrecyRule& rule) {
    const std::vector<bool> before = maskedCounts(dataset, result, false, rule);
    const std::vector<bool> after = maskedCounts(dataset, result, true, rule);
    std::vector<ChangeMask> masks;
    for (std::size_t i = 0; i < result.rows.size(); ++i)
        masks.push_back(maskChange(before[i], after[i]));
    return masks;
}

namespace {

std::vector<io::Column> changeColumns(const ChangeResult& r) {
    using io::ColumnType;
    const std::string from = std::to_string(r.request.from), to = std::to_string(r.request.to);
    return {
        column("code", "Code", "Code", ColumnType::Code),
        column("name", "Nom", "Name", ColumnType::Text),
        populationColumn(),
        column("count_from", "Professionnels " + from, "Professionals " + from, ColumnType::Real),
        column("count_to", "Professionnels " + to, "Professionals " + to, ColumnType::Real),
        column("change", "Évolution", "Change", ColumnType::Real),
        column("change_percent", "Évolution (%)", "Change (%)", ColumnType::Real, 1, "%"),
        column("density_from", "Pour 10 000 hab. " + from, "Per 10,000 inhabitants " + from, ColumnType::Real,
               1),
        column("density_to", "Pour 10 000 hab. " + to, "Per 10,000 inhabitants " + to, ColumnType::Real, 1),
        column("density_change", "Évolution pour 10 000 hab.", "Change per 10,000 inhabitants",
               ColumnType::Real, 1),
        column("within_noise", "Stable (dans le bruit)", "Stable (within noise)", ColumnType::Boolean)};
}

io::Cell densityCell(double value, const ChangeRow& r, bool masked) {
    if (masked)
        return io::Cell::secret();
    return r.population > 0 ? io::Cell::of(value) : io::Cell::none();
}

io::Row changeRow(const ChangeRow& r, const ChangeMask& m) {
    using io::Cell;
    io::Row row;
    row.cells = {Cell::of(r.code),
                 Cell::of(r.name),
                 Cell::of(r.population),
                 Cell::orSecret(r.before, m.before),
                 Cell::orSecret(r.after, m.after),
                 Cell::orSecret(r.change, m.change),
                 m.change ? Cell::secret() : (r.hasPercent ? Cell::of(r.changePercent) : Cell::none()),
                 densityCell(r.densityBefore, r, m.before),
                 densityCell(r.densityAfter, r, m.after),
                 densityCell(r.densityChange, r, m.change),
                 Cell::of(r.withinNoise ? 1.0 : 0.0)};
    return row;
}

std::string professionText(const model::Dataset& ds, const std::string& code, Language language) {
    const model::Profession* p = code.empty() ? nullptr : ds.catalogue.find(code);
    if (!p)
        return code.empty() ? word(msg("results.all_professions"), language) : code;
    return language == Language::Fr ? p->labelFr : p->labelEn;
}

Message changeTitle(const model::Dataset& ds, const ChangeResult& r, Language language) {
    return msg(r.request.level == ChangeLevel::Commune ? "analysis.change.title_commune"
                                                       : "analysis.change.title_bv",
               {arg::text("profession", professionText(ds, r.request.profession, language)),
                arg::text("from", std::to_string(r.request.from)),
                arg::text("to", std::to_string(r.request.to))});
}

} // namespace

io::ResultTable changeTable(const model::Dataset& dataset, const ChangeResult& result,
                            const SecrecyRule& rule) {
    // The title names the profession by its label in each language.
    io::ResultTable t = tables::newTable(
        "change", [&](Language language) { return changeTitle(dataset, result, language); }, rule);
    t.columns = changeColumns(result);
    const std::vector<ChangeMask> masks = maskChangeRows(dataset, result, rule);
    for (std::size_t i = 0; i < result.rows.size(); ++i)
        t.rows.push_back(changeRow(result.rows[i], masks[i]));
    t.notes.push_back(msg("analysis.change.note_population"));
    t.notes.push_back(
        msg("analysis.change.note_noise", {arg::number("noise", result.request.noiseProfessionals),
                                           arg::number("threshold", result.secrecyThreshold)}));
    if (!result.leftOut.empty())
        t.notes.push_back(msg("analysis.change.note_left_out",
                              {arg::integer("n", static_cast<long long>(result.leftOut.size())),
                               arg::list("professions", result.leftOut, true)}));
    return t;
}

std::vector<int> largestChanges(const ChangeResult& result, const std::vector<ChangeMask>& masks, int n) {
    std::vector<int> out;
    for (std::size_t i = 0; i < result.rows.size(); ++i)
        if (!result.rows[i].withinNoise && !(i < masks.size() && masks[i].change))
            out.push_back(static_cast<int>(i));
    std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
        return std::abs(result.rows[static_cast<std::size_t>(a)].change) >
               std::abs(result.rows[static_cast<std::size_t>(b)].change);
    });
    if (static_cast<int>(out.size()) > n)
        out.resize(static_cast<std::size_t>(std::max(n, 0)));
    return out;
}

namespace {

//! "professionnels (médecin généraliste)": who the change counts, the profession's label in lower case.
Message whoChanged(const model::Dataset& ds, const ChangeResult& r, Language language) {
    if (r.request.profession.empty())
        return msg("analysis.change.who_all");
    std::string label = professionText(ds, r.request.profession, language);
    if (!label.empty() && static_cast<unsigned char>(label[0]) < 0x80) // ASCII initial: no UTF-8 to split
        label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    return msg("analysis.change.who_profession", {arg::text("profession", label)});
}

//! The change of all units together, or that secrecy masks it.
Message totalChange(const model::Dataset& ds, const ChangeResult& r, Language language) {
    double before = 0, after = 0;
    for (const ChangeRow& row : r.rows) {
        before += row.before;
        after += row.after;
    }
    const std::string from = std::to_string(r.request.from), to = std::to_string(r.request.to);
    const auto secret = [&](double n) { return n > 0 && n < r.secrecyThreshold; };
    if (secret(before) || secret(after) || before <= 0)
        return msg("analysis.change.summary_secret", {arg::text("from", from), arg::text("to", to)});
    const double fraction = (after - before) / before;
    const char* id = std::round(std::abs(fraction) * 1000) == 0 ? "analysis.change.summary_stable"
                     : fraction < 0                             ? "analysis.change.summary_down"
                                                                : "analysis.change.summary_up";
    return msg(id,
               {arg::text("from", from), arg::text("to", to), arg::nested("who", whoChanged(ds, r, language)),
                arg::percent("percent", std::abs(fraction), 1)});
}

} // namespace

std::string describeChange(const model::Dataset& dataset, const ChangeResult& result,
                           const std::vector<ChangeMask>& masks, Language language, double lossLimit) {
    long long losers = 0;
    for (std::size_t i = 0; i < result.rows.size(); ++i) {
        const ChangeRow& row = result.rows[i];
        const bool shown = !(i < masks.size() && masks[i].change) && row.hasPercent && !row.withinNoise;
        if (shown && row.changePercent < -100.0 * lossLimit)
            ++losers;
    }
    const bool commune = result.request.level == ChangeLevel::Commune;
    const MessageArg limit = arg::percent("limit", lossLimit, 0);
    const Message losersMessage =
        losers == 0
            ? msg(commune ? "analysis.change.losers_none_commune" : "analysis.change.losers_none_bv", {limit})
            : msg(commune ? "analysis.change.losers_commune" : "analysis.change.losers_bv",
                  {arg::integer("n", losers), limit});
    return word(msg("analysis.change.summary", {arg::nested("total", totalChange(dataset, result, language)),
                                                arg::nested("losers", losersMessage)}),
                language);
}

MassSeries massOverVintages(const model::Dataset& dataset, const std::vector<std::string>& bassins) {
    MassSeries out;
    out.vintages = dataset.meta.vintages;
    out.bassins = bassins;
    out.mass.assign(bassins.size(), std::vector<double>(out.vintages.size(), 0.0));
    std::map<std::string, std::size_t> row;
    for (std::size_t b = 0; b < bassins.size(); ++b)
        row.emplace(bassins[b], b);
    for (std::size_t v = 0; v < out.vintages.size(); ++v) {
        const CommuneCounts counts = countsByCommune(dataset, "", out.vintages[v]);
        for (std::size_t i = 0; i < dataset.communes.size(); ++i) {
            const auto it = row.find(dataset.communes[i].bv);
            if (it != row.end())
                out.mass[it->second][v] += counts.counts[i];
        }
    }
    return out;
}

io::ResultTable earlyWarningTable(const CrunchDiagnostics& diagnostics, const SecrecyRule& rule,
                                  Language language) {
    using io::Cell;
    using io::ColumnType;
    io::ResultTable t = tables::newTable("early_warning",
                                         msg("analysis.crunch.early_warning_title",
                                             {arg::text("from", std::to_string(diagnostics.vintageFrom)),
                                              arg::text("to", std::to_string(diagnostics.vintageTo))}),
                                         rule);
    t.columns = {column("bv", "Bassin de vie", "Bassin de vie", ColumnType::Code),
                 column("name", "Nom", "Name", ColumnType::Text),
                 column("type", "Type", "Type", ColumnType::Integer),
                 column("count_from", "Professionnels avant", "Professionals before", ColumnType::Real),
                 column("count_to", "Professionnels après", "Professionals after", ColumnType::Real),
                 column("change_percent", "Évolution (%)", "Change (%)", ColumnType::Real, 1, "%"),
                 column("large_pole", "Grand pôle voisin", "Large pôle nearby", ColumnType::Code),
                 column("large_pole_name", "Nom du grand pôle", "Name of the large pôle", ColumnType::Text),
                 column("distance_km", "Distance", "Distance", ColumnType::Real, 0, "km"),
                 column("sentence", "Alerte", "Warning", ColumnType::Text)};
    const CrunchDiagnostics published = publishableCrunch(diagnostics, maskCrunch(diagnostics, rule));
    for (const EarlyWarning& w : earlyWarnings(published)) {
        io::Row row;
        row.cells = {Cell::of(w.bv),
                     Cell::of(w.name),
                     Cell::of(double(static_cast<int>(w.type))),
                     Cell::of(w.before),
                     Cell::of(w.after),
                     Cell::of(w.changePercent),
                     Cell::of(w.largePole),
                     Cell::of(w.largePoleName),
                     Cell::of(w.distanceKm),
                     Cell::of(describeEarlyWarning(w, language))};
        t.rows.push_back(std::move(row));
    }
    return t;
}

} // namespace maillage::analysis
