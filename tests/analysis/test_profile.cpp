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

//! What a reader can work out of rows shown together: an independent attacker. Unknowns are the masked
//! cells and the differences between nested rows (the rest of a BV around its commune); every equation
//! total = sum of parts with one unknown is solved until nothing moves. Returns what leaks: a secret count
//! (1 to 4) recomputed, or unknown parts of an equation adding up to one.
QStringList leaksOf(const std::vector<Profile>& profiles, const io::ResultTable& t) {
    std::vector<double> value;
    std::vector<bool> known;
    std::vector<std::vector<int>> equations; // [total, parts...]
    const auto block = [&](const std::array<double, kKeys>& v, const std::function<bool(int)>& shown) {
        const int base = static_cast<int>(value.size());
        for (int k = 0; k < kKeys; ++k) {
            value.push_back(v[static_cast<std::size_t>(k)]);
            known.push_back(shown(k));
        }
        const auto eq = [&](int total, int from, int n) {
            std::vector<int> e{base + total};
            for (int i = 0; i < n; ++i)
                e.push_back(base + from + i);
            equations.push_back(e);
        };
        eq(0, 1, 7);
        eq(8, 4, 3);
        eq(9, 5, 2);
        eq(0, 10, 3);
        eq(0, 13, 5);
        eq(0, 18, 4);
        return base;
    };
    std::vector<int> rowAt;
    for (std::size_t r = 0; r < profiles.size(); ++r)
        rowAt.push_back(block(trueCounts(profiles[r]), [&](int k) {
            return !t.rows[r].cells[static_cast<std::size_t>(t.column(kCountKeys[k]))].masked;
        }));
    for (std::size_t i = 0; i < profiles.size(); ++i)
        for (std::size_t j = 0; j < profiles.size(); ++j)
            if (isNested(profiles[i].territory, profiles[j].territory)) {
                std::array<double, kKeys> rest = trueCounts(profiles[j]);
                const std::array<double, kKeys> inner = trueCounts(profiles[i]);
                for (int k = 0; k < kKeys; ++k)
                    rest[static_cast<std::size_t>(k)] -= inner[static_cast<std::size_t>(k)];
                const int at = block(rest, [](int) { return false; });
                for (int k = 0; k < kKeys; ++k)
                    equations.push_back({rowAt[j] + k, rowAt[i] + k, at + k});
            }
    for (bool moved = true; moved;) {
        moved = false;
        for (const std::vector<int>& e : equations) {
            int unknown = -1, n = 0;
            for (int v : e)
                if (!known[static_cast<std::size_t>(v)]) {
                    unknown = v;
                    ++n;
                }
            if (n == 1) {
                known[static_cast<std::size_t>(unknown)] = true;
                moved = true;
            }
        }
    }
    QStringList leaks;
    const auto secret = [](double v) { return v > 1e-9 && v < 5 - 1e-9; };
    for (std::size_t v = 0; v < value.size(); ++v) {
        const bool wasShown =
            v < rowAt.size() * kKeys &&
            !t.rows[v / kKeys].cells[static_cast<std::size_t>(t.column(kCountKeys[v % kKeys]))].masked;
        if (known[v] && !wasShown && secret(value[v]))
            leaks << QString("cell %1 (%2) = %3 recomputed").arg(v).arg(kCountKeys[v % kKeys]).arg(value[v]);
    }
    for (const std::vector<int>& e : equations) {
        if (!known[static_cast<std::size_t>(e[0])])
            continue;
        double sum = 0;
        for (std::size_t i = 1; i < e.size(); ++i)
            sum += known[static_cast<std::size_t>(e[i])] ? 0 : value[static_cast<std::size_t>(e[i])];
        if (secret(sum))
            leaks << QString("unknown parts of %1 add up to %2").arg(kCountKeys[e[0] % kKeys]).arg(sum);
    }
    return leaks;
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
                        "actuelle"));
        QCOMPARE(word(retirementSentence(r, 1, "General practitioner", Language::En), Language::En),
                 std::string(
                     "5 general practitioners would have to be installed by 2034 to keep today's density"));
        const RetirementProjection one = projectRetirement(p, 75); // only the 70-year-old within 5 years
        QCOMPARE(word(retirementSentence(one, 0, "Médecin généraliste", Language::Fr), Language::Fr),
                 std::string("il faudrait installer 1 médecin généraliste d'ici 2029 pour garder la densité "
                             "actuelle"));
        const RetirementProjection none = projectRetirement(p, 80);
        QCOMPARE(word(retirementSentence(none, 0, "Médecin généraliste", Language::Fr), Language::Fr),
                 std::string("aucun départ attendu d'ici 2029\u00a0: la densité actuelle se maintient"));
        QCOMPARE(word(retirementSentence(r, 1, "", Language::En), Language::En),
                 std::string("5 professionals would have to be installed by 2034 to keep today's density"));
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
        // Every territory once (communes of one BV share their references), profiled in one pass.
        std::vector<Territory> all;
        std::map<std::string, std::size_t> indexOf;
        std::map<std::string, std::vector<std::size_t>> refsOf;
        const auto add = [&](const Territory& t) {
            const auto [it, added] = indexOf.emplace(territoryLevelName(t.level) + ":" + t.code, all.size());
            if (added)
                all.push_back(t);
            return it->second;
        };
        std::vector<std::vector<std::size_t>> groups;
        for (const model::Commune& c : ds.communes) {
            std::vector<std::size_t> group{add(territoryOf(ds, TerritoryLevel::Commune, c.code))};
            auto refs = refsOf.find(c.bv + "/" + c.dep + "/" + c.reg);
            if (refs == refsOf.end()) {
                std::vector<std::size_t> at;
                for (const Territory& r : referencesOf(ds, all[group.front()]))
                    at.push_back(add(r));
                refs = refsOf.emplace(c.bv + "/" + c.dep + "/" + c.reg, at).first;
            }
            group.insert(group.end(), refs->second.begin(), refs->second.end());
            groups.push_back(group);
        }
        int masked = 0, scanned = 0;
        for (const std::string& profession : registerProfessions(ds, reg)) {
            const std::vector<Profile> profiles = computeProfiles(ds, reg, all, profession);
            for (const std::vector<std::size_t>& group : groups) {
                ProfileTableInput input;
                for (std::size_t i : group)
                    input.profiles.push_back(profiles[i]);
                const io::ResultTable t = profileTable(ds, input, SecrecyRule{});
                for (const io::Row& row : t.rows)
                    for (const io::Cell& cell : row.cells)
                        masked += cell.masked ? 1 : 0;
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
                        "actuelle"));
        QVERIFY(r.rows[0].cells[static_cast<std::size_t>(r.column("sentence_5y"))].masked);
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "test_profile.moc"
