// Profiles of professionals and retirement projections (issue 12) on a register built by hand: exact
// bands, median and shares, secrecy of a small band with its complement, leavers and the sentence.
#include "core/analysis/profile.h"
#include "core/analysis/profile_tables.h"
#include "core/analysis/retirement.h"
#include "core/demo/demo.h"
#include "core/io/gpkg.h"
#include "core/io/parameters_json.h"
#include "core/model/error.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <QFile>
#include <QTemporaryDir>

#include "testing.h"

using namespace maillage;
using namespace maillage::analysis;

namespace {

model::Commune commune(const std::string& code, const std::string& bv, const std::string& dep, double pop) {
    model::Commune c;
    c.code = code;
    c.name = "Commune " + code;
    c.bv = bv;
    c.dep = dep;
    c.reg = "84";
    c.population = pop;
    return c;
}

model::Dataset smallDataset() {
    model::Dataset ds;
    ds.meta.title = "Test";
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.communes = {commune("01001", "01001", "01", 10000), commune("01002", "01001", "01", 5000),
                   commune("02001", "02001", "02", 20000)};
    model::Bassin b1;
    b1.code = "01001";
    b1.name = "Bassin Un";
    b1.communes = {"01001", "01002"};
    model::Bassin b2;
    b2.code = "02001";
    b2.name = "Bassin Deux";
    b2.communes = {"02001"};
    ds.bassins = {b1, b2};
    ds.departementNames = {{"01", "Ain"}, {"02", "Aisne"}};
    ds.regionNames = {{"84", "Auvergne-Rhône-Alpes"}};
    ds.reindex();
    return ds;
}

model::PracticeSite site(const std::string& commune, model::PracticeMode mode, double fte, bool main = true) {
    return {commune, mode, fte, main};
}

model::RegisteredProfessional gp(int birthYear, model::Sex sex, model::Sector sector,
                                 std::vector<model::PracticeSite> sites) {
    model::RegisteredProfessional p;
    p.profession = "medecin_generaliste";
    p.birthYear = birthYear;
    p.sex = sex;
    p.sector = sector;
    p.sites = std::move(sites);
    return p;
}

//! The additive cells of a profile row as the tables show them, and the relations between them.
const char* const kCountKeys[] = {"count",
                                  "age_under_40",
                                  "age_40_49",
                                  "age_50_54",
                                  "age_55_59",
                                  "age_60_64",
                                  "age_65_plus",
                                  "age_unknown",
                                  "aged_55_plus",
                                  "aged_60_plus",
                                  "women",
                                  "men",
                                  "sex_unknown",
                                  "sector_1",
                                  "sector_2",
                                  "sector_optam",
                                  "not_conventioned",
                                  "sector_unknown",
                                  "liberal",
                                  "salaried",
                                  "mixed",
                                  "mode_unknown"};
constexpr int kKeys = 22;

std::array<double, kKeys> trueCounts(const Profile& p) {
    std::array<double, kKeys> c{p.count};
    std::copy(p.ageBands.begin(), p.ageBands.end(), c.begin() + 1);
    c[8] = p.aged55;
    c[9] = p.aged60;
    c[10] = p.women;
    c[11] = p.men;
    c[12] = p.sexUnknown;
    std::copy(p.sectors.begin(), p.sectors.end(), c.begin() + 13);
    std::copy(p.modes.begin(), p.modes.end(), c.begin() + 18);
    return c;
}

//! Nesting as the reader sees it: the test's own, by commune sets.
bool isNested(const Territory& inner, const Territory& outer) {
    if (inner.communes.size() >= outer.communes.size())
        return false;
    if (outer.level == TerritoryLevel::Dataset)
        return true;
    const std::set<std::string> all(outer.communes.begin(), outer.communes.end());
    return std::all_of(inner.communes.begin(), inner.communes.end(),
                       [&](const std::string& c) { return all.count(c); });
}

//! What a reader knows and the relations between counts: values, whether each is known, and the equations
//! total = sum of parts (indices). The first `shown` values are cells of the table (the rest hidden).
struct Unknowns {
    std::vector<double> value;
    std::vector<bool> known;
    std::vector<std::vector<int>> equations; // [total, parts...]
    std::vector<std::string> names;
    std::vector<bool> wasShown;

    int add(double v, bool isKnown, const std::string& name) {
        value.push_back(v);
        known.push_back(isKnown);
        wasShown.push_back(isKnown);
        names.push_back(name);
        return static_cast<int>(value.size()) - 1;
    }
};

//! Solves every equation with one unknown until nothing moves; returns what leaks: a secret count (1 to 4)
//! recomputed that was not shown, or unknown parts of an equation adding up to one.
QStringList solveLeaks(Unknowns u) {
    for (bool moved = true; moved;) {
        moved = false;
        for (const std::vector<int>& e : u.equations) {
            int unknown = -1, n = 0;
            for (int v : e)
                if (!u.known[static_cast<std::size_t>(v)]) {
                    unknown = v;
                    ++n;
                }
            if (n == 1) {
                u.known[static_cast<std::size_t>(unknown)] = true;
                moved = true;
            }
        }
    }
    QStringList leaks;
    const auto secret = [](double v) { return v > 1e-9 && v < 5 - 1e-9; };
    for (std::size_t v = 0; v < u.value.size(); ++v)
        if (u.known[v] && !u.wasShown[v] && secret(u.value[v]))
            leaks << QString("cell %1 (%2) = %3 recomputed")
                         .arg(v)
                         .arg(QString::fromStdString(u.names[v]))
                         .arg(u.value[v]);
    for (const std::vector<int>& e : u.equations) {
        if (!u.known[static_cast<std::size_t>(e[0])])
            continue;
        double sum = 0;
        for (std::size_t i = 1; i < e.size(); ++i)
            sum += u.known[static_cast<std::size_t>(e[i])] ? 0 : u.value[static_cast<std::size_t>(e[i])];
        if (secret(sum))
            leaks << QString("unknown parts of %1 add up to %2")
                         .arg(QString::fromStdString(u.names[static_cast<std::size_t>(e[0])]))
                         .arg(sum);
    }
    return leaks;
}

//! Adds one block of `n` values (a row, or the hidden rest of an outer row around an inner one) with its
//! `relations` (total, first part, number of parts: consecutive); returns the block's first index.
int addBlock(Unknowns& u, const std::vector<double>& values, const std::function<bool(int)>& shown,
             const std::function<std::string(int)>& name, const std::vector<std::array<int, 3>>& relations) {
    const int base = static_cast<int>(u.value.size());
    for (int k = 0; k < static_cast<int>(values.size()); ++k)
        u.add(values[static_cast<std::size_t>(k)], shown(k), name(k));
    for (const auto& [total, from, n] : relations) {
        std::vector<int> e{base + total};
        for (int i = 0; i < n; ++i)
            e.push_back(base + from + i);
        u.equations.push_back(e);
    }
    return base;
}

//! Every row of `rows` as a block, and for each pair of nested territories the hidden rest of the outer one
//! (outer = inner + rest, value by value).
void addRowsAndRests(Unknowns& u, const std::vector<Profile>& profiles,
                     const std::vector<std::vector<double>>& rows,
                     const std::function<bool(std::size_t, int)>& shown,
                     const std::function<std::string(int)>& name,
                     const std::vector<std::array<int, 3>>& relations) {
    std::vector<int> rowAt;
    for (std::size_t r = 0; r < rows.size(); ++r)
        rowAt.push_back(addBlock(
            u, rows[r], [&](int k) { return shown(r, k); }, name, relations));
    const int n = rows.empty() ? 0 : static_cast<int>(rows.front().size());
    for (std::size_t i = 0; i < profiles.size(); ++i)
        for (std::size_t j = 0; j < profiles.size(); ++j)
            if (isNested(profiles[i].territory, profiles[j].territory)) {
                std::vector<double> rest = rows[j];
                for (int k = 0; k < n; ++k)
                    rest[static_cast<std::size_t>(k)] -= rows[i][static_cast<std::size_t>(k)];
                const int at = addBlock(
                    u, rest, [](int) { return false; }, name, relations);
                for (int k = 0; k < n; ++k)
                    u.equations.push_back({rowAt[j] + k, rowAt[i] + k, at + k});
            }
}

//! What a reader can work out of rows shown together: an independent attacker. Unknowns are the masked
//! cells and the differences between nested rows (the rest of a BV around its commune); every equation
//! total = sum of parts with one unknown is solved until nothing moves. Returns what leaks: a secret count
//! (1 to 4) recomputed, or unknown parts of an equation adding up to one.
QStringList leaksOf(const std::vector<Profile>& profiles, const io::ResultTable& t) {
    std::vector<std::vector<double>> rows;
    for (const Profile& p : profiles) {
        const std::array<double, kKeys> c = trueCounts(p);
        rows.emplace_back(c.begin(), c.end());
    }
    Unknowns u;
    addRowsAndRests(
        u, profiles, rows,
        [&](std::size_t r, int k) {
            return !t.rows[r].cells[static_cast<std::size_t>(t.column(kCountKeys[k]))].masked;
        },
        [](int k) { return std::string(kCountKeys[k]); },
        {{0, 1, 7}, {8, 4, 3}, {9, 5, 2}, {0, 10, 3}, {0, 13, 5}, {0, 18, 4}});
    return solveLeaks(u);
}

//! The same attacker on the retirement table: per row today's count, the leavers and stayers at 5 and 10
//! years, and those leaving between 5 and 10 years (hidden). A count is known from its cell or from a
//! density shown beside it (count = density × population / 10,000); the leavers from their cell or from
//! "to install" (their number rounded up: exact for whole people).
QStringList retirementLeaksOf(const std::vector<Profile>& profiles,
                              const std::vector<RetirementProjection>& projections,
                              const io::ResultTable& t) {
    const char* const names[] = {"count",       "leaving_5y",  "staying_5y",
                                 "leaving_10y", "staying_10y", "leaving_5_10y"};
    std::vector<std::vector<double>> rows;
    for (const RetirementProjection& r : projections) {
        const double l5 = r.horizons[0].leaving, l10 = r.horizons[1].leaving;
        rows.push_back({r.count, l5, r.count - l5, l10, r.count - l10, l10 - l5});
    }
    const auto shownCell = [&](std::size_t r, const char* column) {
        return !t.rows[r].cells[static_cast<std::size_t>(t.column(column))].masked;
    };
    Unknowns u;
    addRowsAndRests(
        u, profiles, rows,
        [&](std::size_t r, int k) {
            const bool density = profiles[r].population > 0;
            switch (k) {
            case 0:
                return shownCell(r, "count") || (density && shownCell(r, "per_10000_now"));
            case 1:
                return shownCell(r, "leaving_5y") || shownCell(r, "to_install_5y");
            case 2:
                return density && shownCell(r, "per_10000_5y");
            case 3:
                return shownCell(r, "leaving_10y") || shownCell(r, "to_install_10y");
            case 4:
                return density && shownCell(r, "per_10000_10y");
            default:
                return false;
            }
        },
        [&](int k) { return std::string(names[k]); },
        // count = leaving + staying at each horizon; the 10-year leavers are the 5-year ones and those
        // between; the 5-year stayers are the 10-year ones and those between.
        {{0, 1, 2}, {0, 3, 2}});
    // The two relations with "between" (index 5) are not consecutive: added by hand for every block.
    const std::size_t blocks = u.value.size() / 6;
    for (std::size_t b = 0; b < blocks; ++b) {
        const int base = static_cast<int>(b * 6);
        u.equations.push_back({base + 3, base + 1, base + 5});
        u.equations.push_back({base + 2, base + 4, base + 5});
    }
    return solveLeaks(u);
}

//! Every demo territory once (communes of one BV share their references), and per commune the indices of
//! the commune and its references in `all`: the rows shown together.
struct CommuneGroups {
    std::vector<Territory> all;
    std::vector<std::vector<std::size_t>> groups;
};

CommuneGroups communeGroups(const model::Dataset& ds) {
    CommuneGroups out;
    std::map<std::string, std::size_t> indexOf;
    std::map<std::string, std::vector<std::size_t>> refsOf;
    const auto add = [&](const Territory& t) {
        const auto [it, added] = indexOf.emplace(territoryLevelName(t.level) + ":" + t.code, out.all.size());
        if (added)
            out.all.push_back(t);
        return it->second;
    };
    for (const model::Commune& c : ds.communes) {
        std::vector<std::size_t> group{add(territoryOf(ds, TerritoryLevel::Commune, c.code))};
        auto refs = refsOf.find(c.bv + "/" + c.dep + "/" + c.reg);
        if (refs == refsOf.end()) {
            std::vector<std::size_t> at;
            for (const Territory& r : referencesOf(ds, out.all[group.front()]))
                at.push_back(add(r));
            refs = refsOf.emplace(c.bv + "/" + c.dep + "/" + c.reg, at).first;
        }
        group.insert(group.end(), refs->second.begin(), refs->second.end());
        out.groups.push_back(group);
    }
    return out;
}

int maskedCells(const io::ResultTable& t) {
    int masked = 0;
    for (const io::Row& row : t.rows)
        for (const io::Cell& cell : row.cells)
            masked += cell.masked ? 1 : 0;
    return masked;
}

using model::PracticeMode;
using model::Sector;
using model::Sex;

//! Ten GPs in 01001 at 2024: ages 35 42 52 56 58 61 63 66 70 and one unknown; 4 women; secteurs 6/2/1/1;
//! modes libéral 7 (one with a second cabinet in 01002), salarié 2, mixte 1 (salaried site in 02001).
model::ProfessionalRegister tenGps() {
    model::ProfessionalRegister reg;
    reg.vintage = 2024;
    const auto lib = [](double fte) {
        return std::vector<model::PracticeSite>{site("01001", PracticeMode::Liberal, fte)};
    };
    reg.professionals = {
        gp(1989, Sex::Female, Sector::Sector1, lib(1.0)),
        gp(1982, Sex::Female, Sector::Sector1, lib(0.8)),
        gp(1972, Sex::Male, Sector::Sector2, lib(1.0)),
        gp(1968, Sex::Male, Sector::Sector1,
           {site("01001", PracticeMode::Liberal, 0.7), site("01002", PracticeMode::Liberal, 0.2, false)}),
        gp(1966, Sex::Female, Sector::Optam, {site("01001", PracticeMode::Salaried, 0.5)}),
        gp(1963, Sex::Male, Sector::Sector1, lib(1.0)),
        gp(1961, Sex::Male, Sector::NotConventioned,
           {site("01001", PracticeMode::Liberal, 0.6), site("02001", PracticeMode::Salaried, 0.3, false)}),
        gp(1958, Sex::Male, Sector::Sector1, lib(0.9)),
        gp(1954, Sex::Female, Sector::Sector2, {site("01001", PracticeMode::Salaried, 1.0)}),
        gp(0, Sex::Male, Sector::Sector1, lib(1.0)),
    };
    model::RegisteredProfessional nurse;
    nurse.profession = "infirmier";
    nurse.birthYear = 1990;
    nurse.sites = {site("01001", PracticeMode::Liberal, 1.0)};
    reg.professionals.push_back(nurse);
    return reg;
}

Profile profileOf(const model::Dataset& ds, const model::ProfessionalRegister& reg, const std::string& spec,
                  const std::string& profession = "medecin_generaliste") {
    return computeProfiles(ds, reg, {parseTerritory(ds, spec)}, profession).front();
}

//! A profile with the given age bands (no other breakdown: everybody of unknown sex, secteur and mode).
Profile withBands(std::array<double, kAgeBandCount> bands) {
    Profile p;
    p.ageBands = bands;
    for (double b : bands)
        p.count += b;
    p.sexUnknown = p.count;
    p.sectors[kSectorCount - 1] = p.count;
    p.modes[kModeCount - 1] = p.count;
    p.aged55 = bands[3] + bands[4] + bands[5];
    p.aged60 = bands[4] + bands[5];
    return p;
}

} // namespace

class TestProfile : public QObject {
    Q_OBJECT
private slots:
    void bandsMedianAndSharesOfAHandBuiltRegister() {
        const model::Dataset ds = smallDataset();
        const Profile p = profileOf(ds, tenGps(), "commune:01001");
        QCOMPARE(p.count, 10.0);
        QCOMPARE(p.ageBands, (std::array<double, kAgeBandCount>{1, 1, 1, 2, 2, 2, 1}));
        QCOMPARE(p.aged55, 6.0);
        QCOMPARE(p.aged60, 4.0);
        QCOMPARE(p.knownAge(), 9.0);
        QCOMPARE(p.medianAge(), 58.0); // of 35 42 52 56 58 61 63 66 70: the unknown age is left out
        QCOMPARE(p.women, 4.0);
        QCOMPARE(p.men, 6.0);
        QCOMPARE(p.sectors, (std::array<double, kSectorCount>{6, 2, 1, 1, 0}));
        QCOMPARE(p.modes, (std::array<double, kModeCount>{7, 2, 1, 0}));
        QVERIFY(qAbs(p.fte - 8.5) < 1e-9); // the sites in 01001 only
        QCOMPARE(p.population, 10000.0);
    }

    void evenNumberOfAgesHasTheMidpointMedian() {
        Profile p;
        p.count = 4;
        p.byAge = {{40, 1}, {50, 1}, {52, 1}, {60, 1}};
        QCOMPARE(p.medianAge(), 51.0);
        p.byAge = {};
        p.count = 0;
        QCOMPARE(p.medianAge(), -1.0);
    }

    void aProfessionalCountsAtTheMainSiteOnly() {
        const model::Dataset ds = smallDataset();
        const Profile other = profileOf(ds, tenGps(), "commune:01002");
        QCOMPARE(other.count, 0.0); // the second cabinet there does not count under the main-site rule
        const Profile bv = profileOf(ds, tenGps(), "bv:01001");
        QCOMPARE(bv.count, 10.0); // the main site and the second cabinet are in the same BV: once
        QVERIFY(qAbs(bv.fte - 8.7) < 1e-9);
        const Profile all = profileOf(ds, tenGps(), "dataset", "");
        QCOMPARE(all.count, 11.0); // every profession: the nurse too
    }

    void sharedRuleSplitsAPersonBetweenTerritories() {
        const model::Dataset ds = smallDataset();
        model::ProfessionalRegister reg = tenGps();
        reg.rule = model::SiteRule::SharedByActivity;
        const Profile dep2 = profileOf(ds, reg, "departement:02");
        QCOMPARE(dep2.count, 1.0 / 3.0 * 1.0); // 0.3 of 0.9 of the mixte GP
        QCOMPARE(dep2.modes[2], dep2.count);
    }

    void territoriesAndTheirReferences() {
        const model::Dataset ds = smallDataset();
        const Territory c = parseTerritory(ds, "commune:01002");
        QCOMPARE(c.name, std::string("Commune 01002"));
        std::vector<std::string> refs;
        for (const Territory& t : referencesOf(ds, c))
            refs.push_back(territoryLevelName(t.level) + ":" + t.code);
        QCOMPARE(refs, (std::vector<std::string>{"bv:01001", "departement:01", "region:84", "dataset:"}));
        const Territory list = parseTerritory(ds, "communes:01001,02001");
        QCOMPARE(list.communes.size(), std::size_t(2));
        refs.clear();
        for (const Territory& t : referencesOf(ds, list))
            refs.push_back(territoryLevelName(t.level) + ":" + t.code);
        QCOMPARE(refs, (std::vector<std::string>{"region:84", "dataset:"})); // two BVs, two départements
        QCOMPARE(parseTerritory(ds, "departement:02").name, std::string("Aisne"));
    }

    void wholeDatasetIsProfiledOnceWithoutItselfAsReference() {
        const model::Dataset ds = smallDataset();
        QVERIFY(referencesOf(ds, parseTerritory(ds, "dataset")).empty());
        const std::vector<Profile> profiles =
            profilesWithReferences(ds, tenGps(), parseTerritory(ds, "dataset"), {"medecin_generaliste"});
        QCOMPARE(profiles.size(), std::size_t(1)); // was twice: the dataset and its own reference
    }

    void badTerritoriesAreRefusedWithWhatWasExpected() {
        const model::Dataset ds = smallDataset();
        try {
            parseTerritory(ds, "canton:12");
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("expected commune:CODE") != std::string::npos, e.what());
        }
        try {
            parseTerritory(ds, "bv:99999");
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("99999") != std::string::npos, e.what());
        }
        QVERIFY_EXCEPTION_THROWN(parseTerritory(ds, "communes:01001,77777"), Error);
        QVERIFY_EXCEPTION_THROWN(computeProfiles(ds, tenGps(), {parseTerritory(ds, "dataset")}, "plombier"),
                                 Error);
    }

    void aBandOfOneToFourIsMaskedWithItsComplement() {
        // 18 people: 3 under 40, 8 aged 40-49, 7 aged 50-54.
        const Profile p = withBands({3, 8, 7, 0, 0, 0, 0});
        const ProfileMask m = maskProfile(p, SecrecyRule{});
        QVERIFY(m.ageBands[0]);  // 3: primary secrecy
        QVERIFY(m.ageBands[2]);  // 7: the smallest band left, else 18 - 8 - 7 gives the 3 back
        QVERIFY(!m.ageBands[1]); // 8 stays
        QVERIFY(!m.count);
        QVERIFY(!m.ageBands[3] && !m.ageBands[6]); // zeros identify no one
        QVERIFY(!m.median);
        QVERIFY(!maskProfile(p, SecrecyRule::off()).ageBands[0]);
    }

    void aSmallBandAbove55IsNotGivenBackByThe55PlusCount() {
        // 20 people: 6 under 40, 5 aged 40-49, 3 aged 60-64, 6 aged 65+: 60+ = 9 would give 60-64 back from
        // 65+.
        const Profile p = withBands({6, 5, 0, 0, 3, 6, 0});
        const ProfileMask m = maskProfile(p, SecrecyRule{});
        QVERIFY(m.ageBands[4]);
        QVERIFY(m.ageBands[5] || m.aged60); // one of the other members of 60+ = (60-64) + (65+)
        double maskedSum = 0;
        for (std::size_t b = 0; b < kAgeBandCount; ++b)
            maskedSum += m.ageBands[b] ? p.ageBands[b] : 0;
        QVERIFY(maskedSum >= 5); // the masked bands cannot be told apart from the total
    }

    void aTotalOfOneToFourMasksEverything() {
        const model::Dataset ds = smallDataset();
        const Profile p = profileOf(ds, tenGps(), "commune:01001", "infirmier");
        QCOMPARE(p.count, 1.0);
        const ProfileMask m = maskProfile(p, SecrecyRule{});
        QVERIFY(m.count && m.median && m.fte && m.share55 && m.shareWomen);
    }

    void retirementsWithinFiveAndTenYears() {
        const model::Dataset ds = smallDataset();
        const RetirementProjection r = projectRetirement(profileOf(ds, tenGps(), "commune:01001"), 67);
        QCOMPARE(r.horizons[0].year, 2029);
        QCOMPARE(r.horizons[0].leaving, 3.0); // 63, 66, 70: aged 62 or more
        QCOMPARE(r.horizons[1].leaving, 5.0); // and 58, 61: aged 57 or more
        QCOMPARE(r.unknownAge, 1.0);
        QCOMPARE(r.per10kNow, 10.0);
        QCOMPARE(r.horizons[0].per10k, 7.0);
        QCOMPARE(r.horizons[1].per10k, 5.0);
        QCOMPARE(r.horizons[1].toInstall, 5LL);
        const RetirementMask m = maskRetirement(r, SecrecyRule{});
        QVERIFY(m.leaving[0] && m.per10k[0]); // 3 leave: masked, and the density that gives them back
        QVERIFY(!m.leaving[1] && !m.per10k[1]);
    }

    void retirementSentenceInFrenchAndEnglish() {
        const model::Dataset ds = smallDataset();
        const Profile p = profileOf(ds, tenGps(), "commune:01001");
        const RetirementProjection r = projectRetirement(p, 67);
        QCOMPARE(
            word(retirementSentence(r, 1, "Médecin généraliste", Language::Fr), Language::Fr),
            std::string("il faudrait installer 5 médecins généralistes d'ici 2034 pour garder la densité "
                        "actuelle."));
        QCOMPARE(word(retirementSentence(r, 1, "General practitioner", Language::En), Language::En),
                 std::string(
                     "5 general practitioners would have to be installed by 2034 to keep today's density."));
        const RetirementProjection one = projectRetirement(p, 75); // only the 70-year-old within 5 years
        QCOMPARE(word(retirementSentence(one, 0, "Médecin généraliste", Language::Fr), Language::Fr),
                 std::string("il faudrait installer 1 médecin généraliste d'ici 2029 pour garder la densité "
                             "actuelle."));
        const RetirementProjection none = projectRetirement(p, 80);
        QCOMPARE(word(retirementSentence(none, 0, "Médecin généraliste", Language::Fr), Language::Fr),
                 std::string("aucun départ attendu d'ici 2029\u00a0: la densité actuelle se maintient."));
        QCOMPARE(word(retirementSentence(r, 1, "", Language::En), Language::En),
                 std::string("5 professionals would have to be installed by 2034 to keep today's density."));
    }

    void professionLabelsInThePlural() {
        QCOMPARE(pluralLabel("Sage-femme", Language::Fr), std::string("sages-femmes"));
        QCOMPARE(pluralLabel("Technicien de laboratoire médical", Language::Fr),
                 std::string("techniciens de laboratoire médical"));
        QCOMPARE(pluralLabel("Manipulateur d'électroradiologie médicale", Language::Fr),
                 std::string("manipulateurs d'électroradiologie médicale"));
        QCOMPARE(pluralLabel("Pédicure-podologue", Language::Fr), std::string("pédicures-podologues"));
        QCOMPARE(pluralLabel("Midwife", Language::En), std::string("midwives"));
        QCOMPARE(pluralLabel("Psychiatric nurse", Language::En), std::string("psychiatric nurses"));
    }

    void retirementAgeIsAParameterKeptWithTheDataset() {
        QCOMPARE(model::Parameters().registers.retirementAge, 67.0);
        QCOMPARE(model::Parameters::defaultKeyValues().at("register.retirement_age"), 67.0);
        model::Parameters p;
        p.registers.retirementAge = 65;
        QCOMPARE(model::Parameters::fromKeyValues(p.toKeyValues(), "kv").registers.retirementAge, 65.0);
        try {
            model::Parameters::fromKeyValues({{"register.retirement_age", -1}}, "p.json");
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("register.retirement_age") != std::string::npos, e.what());
        }
        QTemporaryDir dir;
        const QString json = dir.filePath("p.json");
        QFile f(json);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"register": {"retirement_age": 62}})");
        f.close();
        QCOMPARE(io::readParametersJson(json.toStdString(), {}).registers.retirementAge, 62.0);
        model::Dataset ds = smallDataset();
        ds.params.registers.retirementAge = 64;
        const std::string gpkg = dir.filePath("d.gpkg").toStdString();
        io::writeDataset(ds, gpkg);
        QCOMPARE(io::readDataset(gpkg).params.registers.retirementAge, 64.0);
    }

    void noMaskedBreakdownOfTheDemoCanBeRecomputed() {
        // Every BV and every profession of the demo register: in each breakdown whose total is shown, the
        // masked parts are none, or at least two that add up to the threshold or more.
        const model::Dataset ds = demo::makeDemoDataset();
        const model::ProfessionalRegister& reg = ds.registers.front();
        std::vector<Territory> bassins;
        for (const model::Bassin& b : ds.bassins)
            bassins.push_back(territoryOf(ds, TerritoryLevel::Bassin, b.code));
        int masked = 0;
        for (const std::string& profession : registerProfessions(ds, reg))
            for (const Profile& p : computeProfiles(ds, reg, bassins, profession)) {
                const ProfileMask m = maskProfile(p, SecrecyRule{});
                if (m.count)
                    continue;
                const auto check = [&](const auto& values, const auto& hidden) {
                    double sum = 0;
                    int n = 0;
                    for (std::size_t i = 0; i < values.size(); ++i)
                        if (hidden[i]) {
                            sum += values[i];
                            ++n;
                        }
                    masked += n;
                    QVERIFY2(n == 0 || (n >= 2 && sum >= 5),
                             qPrintable(QString::fromStdString(p.territory.code)));
                };
                check(p.ageBands, m.ageBands);
                check(p.sectors, m.sectors);
                check(p.modes, m.modes);
                check(std::array<double, 3>{p.women, p.men, p.sexUnknown},
                      std::array<bool, 3>{m.women, m.men, m.sexUnknown});
            }
        QVERIFY(masked > 0); // the demo has small cells: the check ran on some
    }

    void noMaskedCellOfACommuneOrItsReferencesCanBeRecomputed() {
        // Every demo commune with its BV, département, région and the dataset, profession by profession,
        // as the profile table shows them together: no secret count comes back, neither within a row nor
        // as the difference of two rows (a BV's band minus its commune's band counts the rest of the BV).
        const model::Dataset ds = demo::makeDemoDataset();
        const model::ProfessionalRegister& reg = ds.registers.front();
        const CommuneGroups g = communeGroups(ds);
        int masked = 0, scanned = 0;
        for (const std::string& profession : registerProfessions(ds, reg)) {
            const std::vector<Profile> profiles = computeProfiles(ds, reg, g.all, profession);
            for (const std::vector<std::size_t>& group : g.groups) {
                ProfileTableInput input;
                for (std::size_t i : group)
                    input.profiles.push_back(profiles[i]);
                const io::ResultTable t = profileTable(ds, input, SecrecyRule{});
                masked += maskedCells(t);
                const QStringList leaks = leaksOf(input.profiles, t);
                QVERIFY2(leaks.isEmpty(), qPrintable(QString::fromStdString(input.profiles[0].territory.code +
                                                                            " " + profession) +
                                                     ": " + leaks.join("; ")));
                ++scanned;
            }
        }
        QVERIFY(scanned > 100);
        QVERIFY(masked > 0); // the demo has small cells: the scan ran on some
    }

    void noMaskedRetirementCellOfACommuneOrItsReferencesCanBeRecomputed() {
        // The retirement table (départs en retraite à 5 et 10 ans) of every demo commune with its
        // references, profession by profession, at the default retirement age and at 65 (where the
        // 10-year leavers are the 55+ of the profile): no secret count of leavers, stayers or of those
        // leaving between 5 and 10 years comes back, within a row, between the horizons or between rows.
        const model::Dataset ds = demo::makeDemoDataset();
        const model::ProfessionalRegister& reg = ds.registers.front();
        const CommuneGroups g = communeGroups(ds);
        int masked = 0, scanned = 0;
        for (const double age : {ds.params.registers.retirementAge, 65.0})
            for (const std::string& profession : registerProfessions(ds, reg)) {
                const std::vector<Profile> profiles = computeProfiles(ds, reg, g.all, profession);
                for (const std::vector<std::size_t>& group : g.groups) {
                    ProfileTableInput input;
                    input.retirementAge = age;
                    std::vector<RetirementProjection> projections;
                    for (std::size_t i : group) {
                        input.profiles.push_back(profiles[i]);
                        projections.push_back(projectRetirement(profiles[i], age));
                    }
                    const io::ResultTable t = retirementTable(ds, input, SecrecyRule{}, Language::En);
                    masked += maskedCells(t);
                    const QStringList leaks = retirementLeaksOf(input.profiles, projections, t);
                    QVERIFY2(leaks.isEmpty(),
                             qPrintable(QString("%1 %2 at %3: ")
                                            .arg(QString::fromStdString(input.profiles[0].territory.code),
                                                 QString::fromStdString(profession))
                                            .arg(age) +
                                        leaks.join("; ")));
                    ++scanned;
                }
            }
        QVERIFY(scanned > 200);
        QVERIFY(masked > 0);
    }

    void tablesMaskCellsAndStateTheRule() {
        const model::Dataset ds = smallDataset();
        const model::ProfessionalRegister reg = tenGps();
        ProfileTableInput input;
        input.profiles =
            profilesWithReferences(ds, reg, parseTerritory(ds, "commune:01001"), {"medecin_generaliste"});
        input.source = "registre de test";
        QCOMPARE(input.profiles.size(), std::size_t(5)); // the commune, its BV, département, région, dataset
        const io::ResultTable t = profileTable(ds, input, SecrecyRule{});
        QCOMPARE(t.rows.size(), std::size_t(5));
        const int under40 = t.column("age_under_40");
        QVERIFY(under40 >= 0 && t.rows[0].cells[static_cast<std::size_t>(under40)].masked);
        QCOMPARE(t.rows[0].cells[static_cast<std::size_t>(t.column("count"))].number, 10.0);
        const std::string caption = io::tableCaption(t, Language::Fr);
        QVERIFY2(caption.find("compté une fois, à son site principal") != std::string::npos, caption.c_str());
        const io::ResultTable r = retirementTable(ds, input, SecrecyRule{}, Language::Fr);
        const int sentence = r.column("sentence_10y");
        QCOMPARE(
            r.rows[0].cells[static_cast<std::size_t>(sentence)].text,
            std::string("il faudrait installer 5 médecins généralistes d'ici 2034 pour garder la densité "
                        "actuelle."));
        QVERIFY(r.rows[0].cells[static_cast<std::size_t>(r.column("sentence_5y"))].masked);
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "test_profile.moc"
