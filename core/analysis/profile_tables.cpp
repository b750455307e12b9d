#include "core/analysis/profile_tables.h"

#include "core/analysis/table_build.h"

#include <cmath>

namespace maillage::analysis {

using io::Cell;
using io::Column;
using io::ColumnType;
using io::ResultTable;
using tables::column;
using tables::populationColumn;

namespace {

//! The columns naming a profile's row.
std::vector<Column> keyColumns() {
    return {column("level", "Niveau", "Level", ColumnType::Text),
            column("code", "Code", "Code", ColumnType::Code),
            column("name", "Nom", "Name", ColumnType::Text),
            column("profession", "Profession", "Profession", ColumnType::Code),
            populationColumn("Population", "Population", "habitants"),
            column("count", "Effectif", "Count", ColumnType::Real)};
}

std::vector<Cell> keyCells(const Profile& p, bool countMasked) {
    return {Cell::of(territoryLevelName(p.territory.level)),
            Cell::of(p.territory.code),
            Cell::of(p.territory.name),
            Cell::of(p.profession),
            Cell::of(p.population),
            Cell::orSecret(p.count, countMasked)};
}

//! The profile's title: the territory (the first profile's) and the vintage.
Message titleOf(const ProfileTableInput& input, const char* id, bool withAge) {
    const Profile* first = input.profiles.empty() ? nullptr : &input.profiles.front();
    std::vector<MessageArg> args{
        arg::text("territory", first ? first->territory.name : std::string()),
        arg::text("vintage", first ? std::to_string(first->vintage) : std::string())};
    if (withAge)
        args.push_back(arg::number("age", input.retirementAge));
    return msg(id, std::move(args));
}

ResultTable newProfileTable(const char* name, const Message& title, const ProfileTableInput& input,
                            const SecrecyRule& rule) {
    ResultTable t = tables::newTable(name, title, rule);
    if (!input.source.empty())
        t.notes.push_back(msg("analysis.profile.note_register", {arg::text("source", input.source)}));
    t.notes.push_back(msg(input.rule == model::SiteRule::MainSite ? "analysis.profile.note_rule_main"
                                                                  : "analysis.profile.note_rule_shared"));
    if (!input.profiles.empty())
        t.notes.push_back(msg("analysis.profile.note_ages",
                              {arg::text("vintage", std::to_string(input.profiles.front().vintage))}));
    return t;
}

//! The characteristic columns: key, French and English headers, and the type.
struct Characteristic {
    const char* key;
    const char* fr;
    const char* en;
    ColumnType type;
};

// clang-format off
const Characteristic kCharacteristics[] = {
    {"age_under_40", "Moins de 40 ans", "Under 40", ColumnType::Real},
    {"age_40_49", "40 à 49 ans", "40 to 49", ColumnType::Real},
    {"age_50_54", "50 à 54 ans", "50 to 54", ColumnType::Real},
    {"age_55_59", "55 à 59 ans", "55 to 59", ColumnType::Real},
    {"age_60_64", "60 à 64 ans", "60 to 64", ColumnType::Real},
    {"age_65_plus", "65 ans et plus", "65 and over", ColumnType::Real},
    {"age_unknown", "Âge inconnu", "Age unknown", ColumnType::Real},
    {"aged_55_plus", "55 ans et plus", "Aged 55 and over", ColumnType::Real},
    {"share_55_plus", "Part des 55 ans et plus", "Share aged 55 and over", ColumnType::Percent},
    {"aged_60_plus", "60 ans et plus", "Aged 60 and over", ColumnType::Real},
    {"share_60_plus", "Part des 60 ans et plus", "Share aged 60 and over", ColumnType::Percent},
    {"median_age", "Âge médian", "Median age", ColumnType::Real},
    {"women", "Femmes", "Women", ColumnType::Real},
    {"men", "Hommes", "Men", ColumnType::Real},
    {"sex_unknown", "Sexe inconnu", "Sex unknown", ColumnType::Real},
    {"share_women", "Part des femmes", "Share of women", ColumnType::Percent},
    {"sector_1", "Secteur 1", "Secteur 1", ColumnType::Real},
    {"sector_2", "Secteur 2", "Secteur 2", ColumnType::Real},
    {"sector_optam", "Secteur 2 OPTAM", "Secteur 2 OPTAM", ColumnType::Real},
    {"not_conventioned", "Non conventionné", "Not conventioned", ColumnType::Real},
    {"sector_unknown", "Secteur inconnu", "Secteur unknown", ColumnType::Real},
    {"liberal", "Libéral", "Private practice", ColumnType::Real},
    {"salaried", "Salarié", "Salaried", ColumnType::Real},
    {"mixed", "Mixte", "Mixed", ColumnType::Real},
    {"mode_unknown", "Mode inconnu", "Mode unknown", ColumnType::Real},
    {"fte", "Équivalents temps plein", "Full-time equivalents", ColumnType::Real},
};
// clang-format on

double shareOf(double part, double of) {
    return of > 0 ? part / of : 0;
}

//! The characteristic cells of `p`, in the order of kCharacteristics.
std::vector<Cell> characteristicCells(const Profile& p, const ProfileMask& m) {
    std::vector<Cell> cells;
    for (std::size_t b = 0; b < kAgeBandCount; ++b)
        cells.push_back(Cell::orSecret(p.ageBands[b], m.ageBands[b]));
    const double known = p.knownAge(), knownSex = p.women + p.men;
    const double median = p.medianAge();
    cells.insert(cells.end(),
                 {Cell::orSecret(p.aged55, m.aged55),
                  known > 0 ? Cell::orSecret(shareOf(p.aged55, known), m.share55) : Cell::none(),
                  Cell::orSecret(p.aged60, m.aged60),
                  known > 0 ? Cell::orSecret(shareOf(p.aged60, known), m.share60) : Cell::none(),
                  median >= 0 ? Cell::orSecret(median, m.median) : Cell::none(),
                  Cell::orSecret(p.women, m.women), Cell::orSecret(p.men, m.men),
                  Cell::orSecret(p.sexUnknown, m.sexUnknown),
                  knownSex > 0 ? Cell::orSecret(shareOf(p.women, knownSex), m.shareWomen) : Cell::none()});
    for (std::size_t s = 0; s < kSectorCount; ++s)
        cells.push_back(Cell::orSecret(p.sectors[s], m.sectors[s]));
    for (std::size_t s = 0; s < kModeCount; ++s)
        cells.push_back(Cell::orSecret(p.modes[s], m.modes[s]));
    cells.push_back(Cell::orSecret(p.fte, m.fte));
    return cells;
}

} // namespace

ResultTable profileTable(const model::Dataset&, const ProfileTableInput& input, const SecrecyRule& rule) {
    ResultTable t = newProfileTable("profile", titleOf(input, "analysis.profile.title", false), input, rule);
    t.columns = keyColumns();
    for (const Characteristic& c : kCharacteristics)
        t.columns.push_back(column(c.key, c.fr, c.en, c.type, c.type == ColumnType::Percent ? 1 : -1));
    // The rows are shown together: a territory's band next to its BV's must not give the rest of the BV.
    const std::vector<ProfileMask> masks = maskProfiles(input.profiles, rule);
    for (std::size_t i = 0; i < input.profiles.size(); ++i) {
        const Profile& p = input.profiles[i];
        const ProfileMask& m = masks[i];
        io::Row row;
        row.cells = keyCells(p, m.count);
        const std::vector<Cell> more = characteristicCells(p, m);
        row.cells.insert(row.cells.end(), more.begin(), more.end());
        t.rows.push_back(std::move(row));
    }
    return t;
}

namespace {

std::string professionLabelIn(const model::Dataset& ds, const std::string& code, Language language) {
    const model::Profession* p = code.empty() ? nullptr : ds.catalogue.resolve(code);
    return p ? (language == Language::Fr ? p->labelFr : p->labelEn) : std::string();
}

std::vector<Column> retirementColumns() {
    std::vector<Column> columns = keyColumns();
    columns.push_back(
        column("retirement_age", "Âge de départ", "Retirement age", ColumnType::Real, -1, "ans"));
    columns.push_back(column("per_10000_now", "Densité actuelle pour 10 000 hab.",
                             "Density per 10,000 inhabitants today", ColumnType::Real, 2));
    for (int h : kRetirementHorizons) {
        const std::string y = std::to_string(h);
        columns.push_back(column("leaving_" + y + "y", "Départs d'ici " + y + " ans",
                                 "Leaving within " + y + " years", ColumnType::Real, 2));
        columns.push_back(column("per_10000_" + y + "y", "Densité restante à " + y + " ans",
                                 "Remaining density in " + y + " years", ColumnType::Real, 2));
        columns.push_back(column("to_install_" + y + "y", "À installer d'ici " + y + " ans",
                                 "To install within " + y + " years", ColumnType::Integer));
        columns.push_back(column("sentence_" + y + "y", "Phrase à " + y + " ans",
                                 "Sentence in " + y + " years", ColumnType::Text));
    }
    return columns;
}

//! The masks of the projections of rows shown together: each as maskRetirement masks it, and between
//! nested territories of the same profession, the leavers and stayers of the rest of the outer one
//! (the BV's leavers minus its commune's) kept from giving 1 to threshold − 1 people back. Both horizons in
//! one grid: the leavers at 10 years are those at 5 and those leaving between (never recomputable when 1
//! to threshold − 1, like an age band).
std::vector<RetirementMask> maskRetirements(const std::vector<Profile>& profiles,
                                            const std::vector<RetirementProjection>& projections,
                                            const std::vector<ProfileMask>& profileMasks,
                                            const SecrecyRule& rule) {
    static_assert(kRetirementHorizons.size() == 2, "the leavers between two horizons");
    CountGrid grid;
    struct Cells {
        int total, between;
        std::array<int, 2> leaving, staying;
    };
    const auto add = [&](double count, double leaving5, double leaving10, CountGrid::Visibility v,
                         CountGrid::Visibility total) {
        Cells c{
            grid.add(count, total), grid.add(leaving10 - leaving5, CountGrid::Visibility::Hidden), {}, {}};
        const double leaving[] = {leaving5, leaving10};
        for (std::size_t h = 0; h < 2; ++h) {
            c.leaving[h] = grid.add(leaving[h], v);
            c.staying[h] = grid.add(count - leaving[h], v);
            grid.relate(c.total, {c.leaving[h], c.staying[h]});
        }
        // The stayers' relation first: when a 5-year leaver is masked, its complement (the 5-year stayers)
        // is masked by the first relation and this one, touched in the same round, needs no other mask.
        grid.relate(c.staying[0], {c.staying[1], c.between});
        grid.relate(c.leaving[1], {c.leaving[0], c.between});
        return c;
    };
    std::vector<Cells> at;
    // Today's counts are published with their profiles: leavers + stayers = count, two parts of it.
    for (const RetirementProjection& r : projections)
        at.push_back(add(r.count, r.horizons[0].leaving, r.horizons[1].leaving, CountGrid::Visibility::Shown,
                         CountGrid::Visibility::Published));
    for (const auto& [i, j] : nestedProfiles(profiles)) {
        const auto rest = [&](double outer, double inner) { return std::max(0.0, outer - inner); };
        const RetirementProjection &in = projections[i], &out = projections[j];
        const Cells r = add(rest(out.count, in.count), rest(out.horizons[0].leaving, in.horizons[0].leaving),
                            rest(out.horizons[1].leaving, in.horizons[1].leaving),
                            CountGrid::Visibility::Hidden, CountGrid::Visibility::Hidden);
        grid.relate(at[j].total, {at[i].total, r.total});
        grid.relate(at[j].between, {at[i].between, r.between});
        for (std::size_t h = 0; h < 2; ++h) {
            grid.relate(at[j].leaving[h], {at[i].leaving[h], r.leaving[h]});
            grid.relate(at[j].staying[h], {at[i].staying[h], r.staying[h]});
        }
    }
    const std::vector<bool> masked = grid.solve(rule);
    std::vector<RetirementMask> out(projections.size());
    for (std::size_t i = 0; i < projections.size(); ++i) {
        const RetirementMask alone = maskRetirement(projections[i], rule);
        RetirementMask& m = out[i];
        m.count = profileMasks[i].count;
        for (std::size_t h = 0; h < 2; ++h) {
            const bool leaving = masked[static_cast<std::size_t>(at[i].leaving[h])];
            const bool staying = masked[static_cast<std::size_t>(at[i].staying[h])];
            m.leaving[h] = alone.leaving[h] || leaving || staying || m.count;
            m.per10k[h] = alone.per10k[h] || isDerivedMasked({staying, m.leaving[h]});
        }
    }
    return out;
}

} // namespace

ResultTable retirementTable(const model::Dataset& dataset, const ProfileTableInput& input,
                            const SecrecyRule& rule, Language language) {
    ResultTable t =
        newProfileTable("retirement", titleOf(input, "analysis.retirement.title", true), input, rule);
    t.notes.push_back(msg("analysis.retirement.note_method", {arg::number("age", input.retirementAge)}));
    t.columns = retirementColumns();
    std::vector<RetirementProjection> projections;
    for (const Profile& p : input.profiles)
        projections.push_back(projectRetirement(p, input.retirementAge));
    const std::vector<RetirementMask> masks =
        maskRetirements(input.profiles, projections, maskProfiles(input.profiles, rule), rule);
    for (std::size_t i = 0; i < input.profiles.size(); ++i) {
        const Profile& p = input.profiles[i];
        const RetirementProjection& r = projections[i];
        const RetirementMask& m = masks[i];
        io::Row row;
        row.cells = keyCells(p, m.count);
        row.cells.push_back(Cell::of(input.retirementAge));
        row.cells.push_back(p.population > 0 ? Cell::orSecret(r.per10kNow, m.count) : Cell::none());
        const std::string label = professionLabelIn(dataset, p.profession, language);
        for (std::size_t h = 0; h < r.horizons.size(); ++h) {
            const auto& horizon = r.horizons[h];
            row.cells.push_back(Cell::orSecret(horizon.leaving, m.leaving[h]));
            row.cells.push_back(p.population > 0 ? Cell::orSecret(horizon.per10k, m.per10k[h])
                                                 : Cell::none());
            row.cells.push_back(Cell::orSecret(static_cast<double>(horizon.toInstall), m.leaving[h]));
            row.cells.push_back(m.leaving[h]
                                    ? Cell::secret()
                                    : Cell::of(word(retirementSentence(r, h, label, language), language)));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

} // namespace maillage::analysis
