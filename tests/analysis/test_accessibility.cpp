// Accessibility (APL and its variants), zonage, margins of the typology and its sensitivity: hand-computed
// examples, and the Isère OSRM matrix when ../shared/data is present.
#include "core/analysis/access_tables.h"
#include "core/analysis/accessibility.h"
#include "core/analysis/margins.h"
#include "core/io/table.h"
#include "core/model/text.h"

#include "near.h"
#include "testing.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

using namespace maillage;
using namespace maillage::analysis;
using maillage::testing::allNear;
using maillage::testing::near;
using maillage::testing::q;

namespace {

model::Commune commune(const std::string& code, double population, model::Point anchor = {}) {
    model::Commune c;
    c.code = code;
    c.name = code;
    c.population = population;
    c.bv = code;
    c.anchor = anchor;
    return c;
}

//! Three communes, two GPs: A (1,000 inhabitants, 1 GP), B (2,000), C (500, 1 GP). By road (both ways):
//! A-B 10 minutes, A-C 15, B-C 20; each commune reaches itself in 0.
model::Dataset threeCommunes() {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.communes = {commune("01001", 1000), commune("01002", 2000), commune("01003", 500)};
    ds.counts = {{"01001", "medecin_generaliste", 2020, 1}, {"01003", "medecin_generaliste", 2020, 1}};
    const std::vector<std::tuple<const char*, const char*, double>> times = {
        {"01001", "01001", 0},  {"01002", "01002", 0},  {"01003", "01003", 0},
        {"01001", "01002", 10}, {"01002", "01001", 10}, {"01001", "01003", 15},
        {"01003", "01001", 15}, {"01002", "01003", 20}, {"01003", "01002", 20}};
    for (const auto& [o, d, m] : times)
        ds.travelTimes.push_back({o, d, m});
    ds.reindex();
    return ds;
}

//! The same three communes without a matrix, on a 5-12-13 right triangle (km): A-B 5, A-C 12, B-C 13.
model::Dataset triangle() {
    model::Dataset ds = threeCommunes();
    ds.travelTimes.clear();
    ds.communes[0].anchor = {700000, 6600000};
    ds.communes[1].anchor = {705000, 6600000};
    ds.communes[2].anchor = {700000, 6612000};
    return ds;
}

//! The 2SFCA formula with weights w(i, j) given by `weight`, pair by pair.
std::vector<double> bruteForce(const std::vector<double>& population, const std::vector<double>& supply,
                               const std::function<double(std::size_t, std::size_t)>& weight, double per) {
    const std::size_t n = population.size();
    std::vector<double> out(n, 0.0);
    for (std::size_t j = 0; j < n; ++j) {
        double demand = 0;
        for (std::size_t i = 0; i < n; ++i)
            demand += population[i] * weight(i, j);
        if (supply[j] > 0 && demand > 0)
            for (std::size_t i = 0; i < n; ++i)
                out[i] += weight(i, j) * supply[j] / demand * per;
    }
    return out;
}

const double kRoad[3][3] = {{0, 10, 15}, {10, 0, 20}, {15, 20, 0}};

AccessParameters method(AccessMethod m) {
    AccessParameters p;
    p.method = m;
    return p;
}

bool hasWarning(const Warnings& warnings, const std::string& id) {
    return std::any_of(warnings.begin(), warnings.end(), [&](const Warning& w) { return w.text.id == id; });
}

BassinTotals totals(const std::string& bv, double total, double pole, double psy) {
    BassinTotals t;
    t.bv = bv;
    t.total = total;
    t.pole = pole;
    t.psy = psy;
    t.proximite = total - pole;
    return t;
}

std::string marginsSentence(double total, double pole, double psy, Language language) {
    return describeMargins(marginsOf(classifyBassin(totals("X", total, pole, psy), {})), language);
}

//! Ranks with ties averaged, for Spearman's coefficient.
std::vector<double> ranks(const std::vector<double>& v) {
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t s = 0; s < order.size();) {
        std::size_t e = s;
        while (e < order.size() && v[order[e]] == v[order[s]])
            ++e;
        for (std::size_t k = s; k < e; ++k)
            r[order[k]] = (static_cast<double>(s + e) - 1) / 2;
        s = e;
    }
    return r;
}

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
    const std::vector<double> ra = ranks(a), rb = ranks(b);
    const double n = static_cast<double>(a.size()), mean = (n - 1) / 2;
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (ra[i] - mean) * (rb[i] - mean);
        saa += (ra[i] - mean) * (ra[i] - mean);
        sbb += (rb[i] - mean) * (rb[i] - mean);
    }
    return sab / std::sqrt(saa * sbb);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : (v[(v.size() - 1) / 2] + v[v.size() / 2]) / 2;
}

//! The 512 communes of Isère with their OSRM car times, COG 2018 anchors, 2021 population and BPE 2018 GPs.
model::Dataset isere() {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    const io::Table matrix =
        io::readTable(testing::sharedPath("travel_times/osrm_isere38_duree_long.csv").toStdString());
    const int o = matrix.requireColumn("codgeo_orig"), d = matrix.requireColumn("codgeo_dest"),
              s = matrix.requireColumn("duree_s");
    std::unordered_map<std::string, int> seen;
    for (const auto& row : matrix.rows) {
        ds.travelTimes.push_back({row[o], row[d], text::parseNumber(row[s]).value_or(-1) / 60.0});
        if (seen.emplace(row[o], 0).second)
            ds.communes.push_back(commune(row[o], 0));
    }
    ds.reindex();
    const io::Table anchors =
        io::readTable(testing::sharedPath("travel_times/communes_cog2018_centroides.csv").toStdString());
    const int code = anchors.requireColumn("codgeo"), x = anchors.requireColumn("centroid_x_l93"),
              y = anchors.requireColumn("centroid_y_l93");
    for (const auto& row : anchors.rows) {
        const int c = ds.communeIndex(row[code]);
        if (c >= 0)
            ds.communes[static_cast<std::size_t>(c)].anchor = {text::parseNumber(row[x]).value_or(0),
                                                               text::parseNumber(row[y]).value_or(0)};
    }
    const io::Table population =
        io::readTable(testing::sharedPath("population/population_communes_2021.csv").toStdString());
    const int pc = population.requireColumn("codgeo"), pp = population.requireColumn("population");
    for (const auto& row : population.rows) {
        const int c = ds.communeIndex(row[pc]);
        if (c >= 0)
            ds.communes[static_cast<std::size_t>(c)].population = text::parseNumber(row[pp]).value_or(0);
    }
    const io::Table bpe =
        io::readTable(testing::sharedPath("professionals/bpe2018_sante_par_commune_long.csv").toStdString());
    const int bc = bpe.requireColumn("DEPCOM"), bt = bpe.requireColumn("TYPEQU"),
              bn = bpe.requireColumn("NB_EQUIP");
    for (const auto& row : bpe.rows)
        if (row[bt] == "D201" && ds.communeIndex(row[bc]) >= 0)
            ds.counts.push_back(
                {row[bc], "medecin_generaliste", 2018, text::parseNumber(row[bn]).value_or(0)});
    return ds;
}

//! The DREES weights of threeCommunes' road times: w[i][j], commune i's population reaching j's supply.
const double kAplWeight[3][3] = {{1, 2.0 / 3, 1.0 / 3}, {2.0 / 3, 1, 0}, {1.0 / 3, 0, 1}};

std::vector<double> aplByHand(const std::vector<double>& demand, const std::vector<double>& supply) {
    return bruteForce(
        demand, supply, [](std::size_t i, std::size_t j) { return kAplWeight[i][j]; }, 1e5);
}

//! threeCommunes with a register of 2020 holding its two GPs: P1 in A (born 1950: 70 years old, 0.5 FTE)
//! and P2 in C (born 1980, 0.8 FTE).
model::Dataset threeCommunesWithRegister() {
    model::Dataset ds = threeCommunes();
    model::ProfessionalRegister reg;
    reg.vintage = 2020;
    model::RegisteredProfessional p1;
    p1.id = "P1";
    p1.profession = "medecin_generaliste";
    p1.birthYear = 1950;
    p1.sites = {{"01001", model::PracticeMode::Liberal, 0.5, true}};
    model::RegisteredProfessional p2 = p1;
    p2.id = "P2";
    p2.birthYear = 1980;
    p2.sites = {{"01003", model::PracticeMode::Liberal, 0.8, true}};
    reg.professionals = {p1, p2};
    ds.registers = {reg};
    return ds;
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT
private slots:
    void drees_weights_data() {
        QTest::addColumn<double>("minutes");
        QTest::addColumn<double>("weight");
        QTest::newRow("the commune itself") << 0.0 << 1.0;
        QTest::newRow("just under 10 minutes") << 9.999 << 1.0;
        QTest::newRow("exactly 10 minutes: second step") << 10.0 << 2.0 / 3.0;
        QTest::newRow("just under 15 minutes") << 14.999 << 2.0 / 3.0;
        QTest::newRow("exactly 15 minutes: third step") << 15.0 << 1.0 / 3.0;
        QTest::newRow("just under 20 minutes") << 19.999 << 1.0 / 3.0;
        QTest::newRow("exactly 20 minutes: outside") << 20.0 << 0.0;
        QTest::newRow("beyond") << 45.0 << 0.0;
        QTest::newRow("negative time") << -1.0 << 0.0;
        QTest::newRow("unknown time") << std::numeric_limits<double>::quiet_NaN() << 0.0;
    }
    void drees_weights() {
        QFETCH(double, minutes);
        QFETCH(double, weight);
        QCOMPARE(accessWeight(AccessParameters{}, minutes), weight);
    }

    void aplOnThreeCommunesAndTwoGeneralPractitioners() {
        // w: A-A 1, A-B 2/3 (10 min), A-C 1/3 (15 min), B-C 0 (20 min).
        // Step 1: R_A = 1 / (1,000 + 2,000 × 2/3 + 500 × 1/3) = 1/2,500; R_C = 1 / (500 + 1,000 × 1/3) =
        // 3/2,500. Step 2: A = 1/2,500 + 1/3 × 3/2,500 = 2/2,500; B = 2/3 × 1/2,500; C = 1/3 × 1/2,500 +
        // 3/2,500.
        const AccessResult r =
            accessibility(threeCommunes(), "medecin_generaliste", 2020, AccessParameters{});
        QVERIFY(near(r.values[0], 2.0 / 2500 * 1e5)); // 80 GPs per 100,000 inhabitants
        QVERIFY(near(r.values[1], 2.0 / 3 / 2500 * 1e5));
        QVERIFY(near(r.values[2], (1.0 / 3 + 3) / 2500 * 1e5));
        // Every GP is shared out: Σ population × APL = 2 GPs.
        QVERIFY(near(1000 * r.values[0] + 2000 * r.values[1] + 500 * r.values[2], 2e5));
        // A reaches A and C, B reaches A, C reaches A and C: all from the matrix.
        QCOMPARE(r.pairsByMatrix, (std::vector<int>{2, 1, 2}));
        QCOMPARE(r.pairsByStraightLine, (std::vector<int>{0, 0, 0}));
        QVERIFY(!hasWarning(r.warnings, "analysis.access.straight_line_pairs"));
        QCOMPARE(q(accessUnit(r, Language::En)), QStringLiteral("professionals per 100,000 inhabitants"));
        QCOMPARE(q(accessUnit(r, Language::Fr)),
                 QStringLiteral("professionnels pour 100\u00a0000 habitants"));
    }

    void everyVariantIsTheSameFormulaWithItsOwnWeight_data() {
        QTest::addColumn<int>("variant");
        QTest::addColumn<double>("wAB"); // 10 minutes
        QTest::addColumn<double>("wAC"); // 15 minutes
        QTest::addColumn<double>("wBC"); // 20 minutes: at the catchment, 0 for every method
        QTest::newRow("APL") << int(AccessMethod::Apl) << 2.0 / 3 << 1.0 / 3 << 0.0;
        QTest::newRow("binary 2SFCA") << int(AccessMethod::Binary) << 1.0 << 1.0 << 0.0;
        QTest::newRow("gaussian, sigma 10")
            << int(AccessMethod::Gaussian) << std::exp(-0.5) << std::exp(-1.125) << 0.0;
        QTest::newRow("exponential, tau 10")
            << int(AccessMethod::Exponential) << std::exp(-1.0) << std::exp(-1.5) << 0.0;
    }
    void everyVariantIsTheSameFormulaWithItsOwnWeight() {
        QFETCH(int, variant);
        QFETCH(double, wAB);
        QFETCH(double, wAC);
        QFETCH(double, wBC);
        const double w[3][3] = {{1, wAB, wAC}, {wAB, 1, wBC}, {wAC, wBC, 1}};
        // By hand: R_A = 1 / (1,000 + 2,000 wAB + 500 wAC), R_C = 1 / (500 + 1,000 wAC + 2,000 wBC).
        const double rA = 1 / (1000 + 2000 * wAB + 500 * wAC), rC = 1 / (500 + 1000 * wAC + 2000 * wBC);
        const std::vector<double> expected = {(rA + wAC * rC) * 1e5, (wAB * rA + wBC * rC) * 1e5,
                                              (wAC * rA + rC) * 1e5};
        const AccessResult r = accessibility(threeCommunes(), "medecin_generaliste", 2020,
                                             method(static_cast<AccessMethod>(variant)));
        for (std::size_t i = 0; i < 3; ++i)
            QVERIFY2(near(r.values[i], expected[i]), qPrintable(QString::number(r.values[i])));
        const auto brute = bruteForce(
            {1000, 2000, 500}, {1, 0, 1}, [&](std::size_t i, std::size_t j) { return w[i][j]; }, 1e5);
        for (std::size_t i = 0; i < 3; ++i)
            QVERIFY(near(r.values[i], brute[i]));
    }

    void straightLineAtTheSpeedWhenThereIsNoMatrix() {
        // 60 km/h: 1 minute per km. A-B 5 min (1), A-C 12 (2/3), B-C 13 (2/3).
        // R_A = 1 / (1,000 + 2,000 + 500 × 2/3) = 3/10,000; R_C = 1 / (500 + 3,000 × 2/3) = 1/2,500.
        AccessParameters p;
        p.straightLineSpeedKmh = 60;
        const AccessResult r = accessibility(triangle(), "medecin_generaliste", 2020, p);
        QVERIFY(near(r.values[0], (3.0 / 10000 + 2.0 / 3 / 2500) * 1e5));
        QVERIFY(near(r.values[1], (3.0 / 10000 + 2.0 / 3 / 2500) * 1e5));
        QVERIFY(near(r.values[2], (2.0 / 3 * 3 / 10000 + 1.0 / 2500) * 1e5));
        // The commune itself is in neither count; A reaches C, B reaches A and C, C reaches A.
        QCOMPARE(r.pairsByStraightLine, (std::vector<int>{1, 2, 1}));
        QCOMPARE(r.pairsByMatrix, (std::vector<int>{0, 0, 0}));
        QVERIFY(hasWarning(r.warnings, "analysis.access.no_matrix"));
        // Slower roads: 30 km/h puts C 24 and 26 minutes away, out of reach.
        p.straightLineSpeedKmh = 30;
        const AccessResult slow = accessibility(triangle(), "medecin_generaliste", 2020, p);
        QVERIFY(near(slow.values[2], 1e5 / 500)); // C alone with its GP
    }

    void theMatrixDecidesThePairsItHasAndTheLineTheOthers() {
        auto ds = triangle();
        ds.travelTimes = {{"01002", "01001", 30}}; // B -> A: 30 minutes by road although 5 km away
        AccessParameters p;
        p.straightLineSpeedKmh = 60;
        const AccessResult r = accessibility(ds, "medecin_generaliste", 2020, p);
        // R_A = 1 / (1,000 + 500 × 2/3) = 3/4,000; R_C = 1/2,500 as before.
        QVERIFY(near(r.values[1], 2.0 / 3 / 2500 * 1e5));
        QVERIFY(near(r.values[0], (3.0 / 4000 + 2.0 / 3 / 2500) * 1e5));
        QCOMPARE(r.pairsByMatrix, (std::vector<int>{0, 0, 0})); // the matrix pair is out of reach
        QCOMPARE(r.pairsByStraightLine, (std::vector<int>{1, 1, 1}));
        QVERIFY(hasWarning(r.warnings, "analysis.access.straight_line_pairs"));
    }

    void communesWithoutPositionReachOnlyThemselves() {
        auto ds = triangle();
        for (auto& c : ds.communes)
            c.anchor = {};
        const AccessResult r = accessibility(ds, "medecin_generaliste", 2020, AccessParameters{});
        QVERIFY(near(r.values[0], 1e5 / 1000));
        QCOMPARE(r.values[1], 0.0);
        QVERIFY(near(r.values[2], 1e5 / 500));
    }

    void standardisedDemandAndFullTimeEquivalents() {
        // Two age bands, the second consuming three times as much: A all young, B all old.
        const auto standardised = standardisedPopulation({{1000, 0}, {0, 2000}, {250, 250}}, {1, 3});
        // Scale 3,500 / (1,000 + 6,000 + 250 + 750) = 3,500 / 8,000.
        QVERIFY(near(standardised[0], 1000 * 3500.0 / 8000));
        QVERIFY(near(standardised[1], 6000 * 3500.0 / 8000));
        QVERIFY(near(std::accumulate(standardised.begin(), standardised.end(), 0.0), 3500));
        QVERIFY_EXCEPTION_THROWN(standardisedPopulation({{1, 2, 3}}, {1, 3}), Error);

        AccessInputs inputs;
        inputs.demand = standardised;
        inputs.demandStandardised = true;
        inputs.supply = {0.8, 0, 1.5}; // FTE
        AccessParameters p;
        p.supply = SupplyKind::FullTimeEquivalents;
        const AccessResult r = accessibility(threeCommunes(), "medecin_generaliste", 2020, p, inputs);
        const double w[3][3] = {{1, 2.0 / 3, 1.0 / 3}, {2.0 / 3, 1, 0}, {1.0 / 3, 0, 1}};
        const auto expected = bruteForce(
            standardised, inputs.supply, [&](std::size_t i, std::size_t j) { return w[i][j]; }, 1e5);
        for (std::size_t i = 0; i < 3; ++i)
            QVERIFY(near(r.values[i], expected[i]));
        QCOMPARE(q(accessUnit(r, Language::En)),
                 QStringLiteral("full-time equivalents per 100,000 standardised inhabitants"));
        QCOMPARE(q(accessUnit(r, Language::Fr)),
                 QStringLiteral("équivalents temps plein pour 100\u00a0000 habitants standardisés"));
        inputs.supply = {1, 2};
        QVERIFY_EXCEPTION_THROWN(accessibility(threeCommunes(), "", 2020, p, inputs), Error);
    }

    void supplyAsFullTimeEquivalentsOfTheRegister() {
        AccessParameters p;
        p.supply = SupplyKind::FullTimeEquivalents;
        const AccessResult r = accessibility(threeCommunesWithRegister(), "medecin_generaliste", 2020, p);
        QVERIFY(allNear(r.values, aplByHand({1000, 2000, 500}, {0.5, 0, 0.8})));
        QCOMPARE(q(accessUnit(r, Language::En)),
                 QStringLiteral("full-time equivalents per 100,000 inhabitants"));
        // A professional whose sites give no FTE counts as one, and a warning says how many.
        model::Dataset ds = threeCommunesWithRegister();
        ds.registers[0].professionals[1].sites[0].fte = 0;
        const AccessResult one = accessibility(ds, "medecin_generaliste", 2020, p);
        QVERIFY(allNear(one.values, aplByHand({1000, 2000, 500}, {0.5, 0, 1})));
        QVERIFY(hasWarning(one.warnings, "analysis.access.without_fte"));
    }

    void fullTimeEquivalentsWithoutARegisterAreRefusedNamingTheKey() {
        AccessParameters p;
        p.supply = SupplyKind::FullTimeEquivalents;
        try {
            accessibility(threeCommunes(), "medecin_generaliste", 2020, p);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Parameter);
            QVERIFY(q(e.what()).contains("access.supply"));
            QVERIFY(q(e.what()).contains("register"));
        }
    }

    void consultationsAreRefusedSayingNoDatasetHoldsThemEvenWithARegister() {
        AccessParameters p;
        p.supply = SupplyKind::Consultations;
        for (const model::Dataset& ds : {threeCommunes(), threeCommunesWithRegister()}) {
            try {
                accessibility(ds, "medecin_generaliste", 2020, p);
                QFAIL("expected an error");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), ErrorKind::Parameter);
                const std::string en = e.describe(Language::En), fr = e.describe(Language::Fr);
                QVERIFY2(
                    q(en).contains("each commune in 2020: no dataset holds them (Maillage imports none yet); "
                                   "expected access.supply = 0 (professionals) or 1 (full-time "
                                   "equivalents of the register)"),
                    en.c_str());
                QVERIFY2(q(fr).contains("aucun jeu de données n'en contient"), fr.c_str());
            }
        }
    }

    void onlyProfessionalsUnderTheAgeLimitCount() {
        AccessParameters p;
        p.maxAge = 65; // P1 is 70 in 2020: only P2, in C, counts
        const AccessResult r = accessibility(threeCommunesWithRegister(), "medecin_generaliste", 2020, p);
        QVERIFY(allNear(r.values, aplByHand({1000, 2000, 500}, {0, 0, 1})));
        QVERIFY(hasWarning(r.warnings, "analysis.access.age_limit"));
        QCOMPARE(
            q(r.warnings.back().toString()),
            QStringLiteral("only professionals younger than 65 counted: 1 professional aged 65 or more left "
                           "out; 0 of unknown age kept"));
        // 70 is under a limit of 71; a limit of exactly 70 leaves P1 out (70 years old is not under 70).
        p.maxAge = 71;
        QVERIFY(allNear(accessibility(threeCommunesWithRegister(), "medecin_generaliste", 2020, p).values,
                        aplByHand({1000, 2000, 500}, {1, 0, 1})));
        p.maxAge = 70;
        QVERIFY(allNear(accessibility(threeCommunesWithRegister(), "medecin_generaliste", 2020, p).values,
                        aplByHand({1000, 2000, 500}, {0, 0, 1})));
        // Together with FTE: P2's 0.8 only.
        p.maxAge = 65;
        p.supply = SupplyKind::FullTimeEquivalents;
        QVERIFY(allNear(accessibility(threeCommunesWithRegister(), "medecin_generaliste", 2020, p).values,
                        aplByHand({1000, 2000, 500}, {0, 0, 0.8})));
    }

    void professionalsOfUnknownAgeAreKeptAndCounted() {
        model::Dataset ds = threeCommunesWithRegister();
        ds.registers[0].professionals[0].birthYear = 0;
        AccessParameters p;
        p.maxAge = 65;
        const AccessResult r = accessibility(ds, "medecin_generaliste", 2020, p);
        QVERIFY(allNear(r.values, aplByHand({1000, 2000, 500}, {1, 0, 1})));
        QCOMPARE(
            q(r.warnings.back().toString()),
            QStringLiteral("only professionals younger than 65 counted: 0 professionals aged 65 or more left "
                           "out; 1 of unknown age kept"));
        // Without a register the ages are unknown: the counts, and a warning that no limit was applied.
        const AccessResult counts = accessibility(threeCommunes(), "medecin_generaliste", 2020, p);
        QVERIFY(allNear(counts.values, aplByHand({1000, 2000, 500}, {1, 0, 1})));
        QVERIFY(hasWarning(counts.warnings, "analysis.access.age_unknown"));
    }

    void otherProfessionsOfTheRegisterAreNotSupply() {
        model::Dataset ds = threeCommunesWithRegister();
        ds.registers[0].professionals[1].profession = "infirmier";
        AccessParameters p;
        p.maxAge = 99;
        QVERIFY(allNear(accessibility(ds, "medecin_generaliste", 2020, p).values,
                        aplByHand({1000, 2000, 500}, {1, 0, 0})));
        // An alias names the same profession.
        QVERIFY(allNear(accessibility(ds, "D201", 2020, p).values, aplByHand({1000, 2000, 500}, {1, 0, 0})));
    }

    void shippedConsumptionWeightsCoverTheCensusAgeBands() {
        const auto weights = model::builtinConsumptionWeights();
        QStringList bands;
        for (const model::AgeBandWeight& w : weights) {
            bands << q(w.band);
            QVERIFY(w.weight > 0);
        }
        QCOMPARE(bands.join(' '), QStringLiteral("0-14 15-29 30-44 45-59 60-74 75-89 90+"));
    }

    void standardisedDemandFromThePopulationByAge() {
        // A: 1,000 of 0-14; B: 2,000 of 90+; C: 250 of each. Weights of the shipped file.
        model::Dataset ds = threeCommunes();
        ds.populationByAge = {
            {"01001", "0-14", 1000}, {"01002", "90+", 2000}, {"01003", "0-14", 250}, {"01003", "90+", 250}};
        std::map<std::string, double> w;
        for (const model::AgeBandWeight& weight : model::builtinConsumptionWeights())
            w[weight.band] = weight.weight;
        const double scale = 3500 / (1000 * w["0-14"] + 2000 * w["90+"] + 250 * (w["0-14"] + w["90+"]));
        const std::vector<double> demand = {1000 * w["0-14"] * scale, 2000 * w["90+"] * scale,
                                            250 * (w["0-14"] + w["90+"]) * scale};
        AccessParameters p;
        p.demand = model::DemandKind::Standardised;
        const AccessResult r = accessibility(ds, "medecin_generaliste", 2020, p);
        QVERIFY(r.demandStandardised);
        QVERIFY(allNear(r.demand, demand));
        QVERIFY(allNear(r.values, aplByHand(demand, {1, 0, 1})));
        QCOMPARE(q(accessUnit(r, Language::Fr)),
                 QStringLiteral("professionnels pour 100\u00a0000 habitants standardisés"));
        // The default stays the population.
        QVERIFY(allNear(accessibility(ds, "medecin_generaliste", 2020, AccessParameters{}).demand,
                        {1000, 2000, 500}));
    }

    void aCommuneWithoutAgesKeepsItsPopulation() {
        model::Dataset ds = threeCommunes();
        ds.populationByAge = {{"01001", "0-14", 1000}, {"01002", "90+", 2000}};
        Warnings warnings;
        const auto demand = standardisedDemand(ds, model::builtinConsumptionWeights(), warnings);
        QCOMPARE(demand[2], 500.0);
        QVERIFY(near(demand[0] + demand[1], 3000));
        QVERIFY(hasWarning(warnings, "analysis.access.communes_without_ages"));
        QCOMPARE(warnings.front().details, (std::vector<std::string>{"01003"}));
    }

    void standardisedDemandNeedsAgesAndKnownBands() {
        AccessParameters p;
        p.demand = model::DemandKind::Standardised;
        try {
            accessibility(threeCommunes(), "medecin_generaliste", 2020, p);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY(q(e.what()).contains("--population-by-age"));
        }
        model::Dataset ds = threeCommunes();
        ds.populationByAge = {{"01001", "0-4", 1000}};
        try {
            accessibility(ds, "medecin_generaliste", 2020, p);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY(q(e.what()).contains("0-4"));
            QVERIFY(q(e.what()).contains("90+"));
        }
    }

    void demandAndAgeLimitAreSavedParameters() {
        AccessParameters p;
        p.demand = model::DemandKind::Standardised;
        p.maxAge = 65;
        const auto kv = accessKeyValues(p);
        QCOMPARE(kv.at("access.demand"), 1.0);
        QCOMPARE(kv.at("access.max_age"), 65.0);
        QCOMPARE(accessFromKeyValues(kv, ""), p);
        QVERIFY(p != AccessParameters{});
        QVERIFY(model::isAccessKey("access.max_age"));
        QVERIFY_EXCEPTION_THROWN(accessFromKeyValues({{"access.max_age", -1}}, ""), Error);
        QVERIFY_EXCEPTION_THROWN(accessFromKeyValues({{"access.demand", 2}}, ""), Error);
    }

    void invalidParametersNameTheirKey() {
        AccessParameters p;
        p.steps = {{10, 1}, {15, 2.0 / 3}, {25, 1.0 / 3}}; // the last step beyond the catchment
        try {
            validate(p, "params.json");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Parameter);
            QCOMPARE(q(e.what()),
                     QStringLiteral("params.json: parameter 'access.steps': the last step ends at 25 "
                                    "minutes: expected the catchment, 20 minutes"));
        }
        p = AccessParameters{};
        p.steps[1].weight = 1.5;
        QVERIFY_EXCEPTION_THROWN(validate(p, ""), Error);
        p = AccessParameters{};
        p.catchmentMinutes = 0;
        QVERIFY_EXCEPTION_THROWN(accessibility(threeCommunes(), "", 2020, p), Error);
        p = method(AccessMethod::Gaussian);
        p.decayMinutes = -1;
        QVERIFY_EXCEPTION_THROWN(validate(p, ""), Error);
        p = method(AccessMethod::Binary);
        p.steps.clear(); // steps are the APL's only
        validate(p, "");
    }

    void parametersRoundTripThroughKeyValues() {
        AccessParameters p = defaultAccessParameters(model::ProfessionGroup::Pole);
        p.method = AccessMethod::Gaussian;
        p.decayMinutes = 12.5;
        p.supply = SupplyKind::Consultations;
        p.perInhabitants = 1;
        const auto kv = accessKeyValues(p);
        QCOMPARE(kv.at("access.step_count"), 3.0);
        QCOMPARE(kv.at("access.step_2_minutes"), 25.0);
        QCOMPARE(accessFromKeyValues(kv, "dataset.gpkg"), p);
        // Keys of other groups are someone else's; an unknown access key or code is an error naming it.
        auto other = kv;
        other["poles.mass_scale"] = 0.25;
        QCOMPARE(accessFromKeyValues(other, ""), p);
        other["access.steps_count"] = 2;
        QVERIFY_EXCEPTION_THROWN(accessFromKeyValues(other, ""), Error);
        try {
            accessFromKeyValues({{"access.method", 4}}, "params.json");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(q(e.what()),
                     QStringLiteral("params.json: parameter 'access.method': expected a whole number "
                                    "from 0 to 3, found 4"));
        }
        QVERIFY_EXCEPTION_THROWN(
            accessFromKeyValues({{"access.step_count", 2}, {"access.step_1_minutes", 10}}, ""), Error);
        // Two steps given: the catchment must follow (the last bound is the catchment).
        const AccessParameters two = accessFromKeyValues({{"access.step_count", 2},
                                                          {"access.step_1_minutes", 15},
                                                          {"access.step_1_weight", 1},
                                                          {"access.step_2_minutes", 30},
                                                          {"access.step_2_weight", 0.5},
                                                          {"access.catchment_minutes", 30}},
                                                         "");
        QCOMPARE(accessWeight(two, 15), 0.5);
    }

    void professionGroupsHaveTheirOwnDefaults() {
        const auto catalogue = model::ProfessionCatalogue::builtin();
        QCOMPARE(defaultAccessParameters(catalogue, "D201"), AccessParameters{});
        const AccessParameters specialists = defaultAccessParameters(catalogue, "infirmier_psychiatrique");
        QCOMPARE(specialists.catchmentMinutes, 30.0);
        validate(specialists, "");
        validate(defaultAccessParameters(catalogue, "pharmacien"), "");
    }

    void aUnitTakesTheDemandWeightedMeanOfItsCommunes() {
        AccessResult r;
        r.values = {1, 3, 5, 9};
        r.demand = {100, 300, 0, 50};
        const std::vector<std::string> units = {"A", "A", "B", ""};
        // A: (1·100 + 3·300) / 400 = 2.5, exactly at the threshold: the class above. B has no demand: the
        // plain mean of its communes. The fourth commune is in no unit.
        const UnitZonage z = zonageByUnit(r, units, {2.5});
        QCOMPARE(z.units, (std::vector<std::string>{"A", "B"}));
        QCOMPARE(z.unitValues, (std::vector<double>{2.5, 5}));
        QCOMPARE(z.zonage.classOf, (std::vector<int>{1, 1, 1, -1}));
        QCOMPARE(z.zonage.populationOf, (std::vector<double>{0, 400}));
        QCOMPARE(z.zonage.communesOf, (std::vector<int>{0, 3}));
        QCOMPARE(z.unitsOf, (std::vector<int>{0, 2}));
        // Moving the threshold to 2.6 moves unit A, and both its communes, down.
        const auto changes = zonageSensitivity(r, units, {2.5}, 0, {2.4, 2.6});
        QVERIFY(changes[0].communes.empty());
        QCOMPARE(changes[1].communes, (std::vector<int>{0, 1}));
        QCOMPARE(changes[1].population, 400.0);
        QCOMPARE(changes[1].populationOf, (std::vector<double>{400, 0}));
        QVERIFY_EXCEPTION_THROWN(zonageByUnit(r, {"A"}, {2.5}), Error);
        QVERIFY_EXCEPTION_THROWN(zonageByUnit(r, units, {4, 2.5}), Error);
    }

    void zonageClassesAreLabelledByTheirThresholds() {
        QCOMPARE(q(zonageClassLabel({2.5, 4}, 0)), QStringLiteral("< 2.5"));
        QCOMPARE(q(zonageClassLabel({2.5, 4}, 1)), QString::fromUtf8("2.5 \u2013 4"));
        QCOMPARE(q(zonageClassLabel({2.5, 4}, 2)), QString::fromUtf8("\u2265 4"));
        QCOMPARE(q(zonageClassLabel({2.5, 4}, 3)), QString());
    }

    void communesAtTheEdgeOfTheDatasetAreFlagged() {
        // An 11 × 11 grid of communes 5 km apart; reach 20 minutes at 37 km/h ≈ 12.3 km.
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        for (int i = 0; i < 11; ++i)
            for (int j = 0; j < 11; ++j)
                ds.communes.push_back(commune(std::to_string(10000 + i * 11 + j), 100,
                                              {700000.0 + 5000 * i, 6600000.0 + 5000 * j}));
        ds.counts = {{"10060", "medecin_generaliste", 2020, 3}};
        ds.reindex();
        const AccessResult r = accessibility(ds, "medecin_generaliste", 2020, AccessParameters{});
        QCOMPARE(int(r.nearEdge[0]), 1);          // a corner
        QCOMPARE(int(r.nearEdge[5 * 11 + 5]), 0); // the centre, 25 km from every side
        QCOMPARE(int(r.nearEdge[2 * 11 + 5]), 1); // 10 km from a side
        QCOMPARE(int(r.nearEdge[3 * 11 + 5]), 0); // 15 km
        const auto edge = std::find_if(r.warnings.begin(), r.warnings.end(),
                                       [](const Warning& w) { return w.text.id == "analysis.access.edge"; });
        QVERIFY(edge != r.warnings.end());
        QCOMPARE(edge->details.size(), std::size_t(121 - 25)); // all but the 5 × 5 block in the middle
        QVERIFY2(q(edge->toString())
                     .startsWith(QStringLiteral("96 communes are within the catchment (20 minutes")),
                 qPrintable(q(edge->toString())));
    }

    void cancelStopsTheComputation() {
        Feedback feedback;
        feedback.cancel();
        try {
            accessibility(threeCommunes(), "", 2020, AccessParameters{}, {}, &feedback);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Canceled);
        }
    }

    // --- Zonage

    void zonageClassesCommunesWithTheirPopulation() {
        const AccessResult r =
            accessibility(threeCommunes(), "medecin_generaliste", 2020, AccessParameters{});
        // A 80, B 26.7, C 133.3 GPs per 100,000.
        const Zonage z = zonage(r, {50, 100});
        QCOMPARE(z.classOf, (std::vector<int>{1, 0, 2}));
        QCOMPARE(z.populationOf, (std::vector<double>{2000, 1000, 500}));
        QCOMPARE(z.communesOf, (std::vector<int>{1, 1, 1}));
        // A commune exactly at a threshold is in the class above it.
        QCOMPARE(zonage(r, {r.values[0]}).classOf[0], 1);
        QVERIFY_EXCEPTION_THROWN(zonage(r, {100, 50}), Error);
    }

    void zonageSensitivityListsTheCommunesThatChangeClass() {
        const AccessResult r =
            accessibility(threeCommunes(), "medecin_generaliste", 2020, AccessParameters{});
        const auto changes = zonageSensitivity(r, {50, 100}, 0, {20, 50, 90});
        QCOMPARE(changes.size(), std::size_t(3));
        QCOMPARE(changes[0].communes, (std::vector<int>{1})); // B (26.7) rises above 20
        QCOMPARE(changes[0].population, 2000.0);
        QVERIFY(changes[1].communes.empty());
        QCOMPARE(changes[2].communes, (std::vector<int>{0})); // A (80) falls below 90
        QCOMPARE(changes[2].populationOf, (std::vector<double>{3000, 0, 500}));
        QCOMPARE(q(describeZonageChange(changes[0], 0, false, Language::En)),
                 QStringLiteral("With threshold 1 at 20: 1 commune changes class (2,000 inhabitants)."));
        QCOMPARE(
            q(describeZonageChange(changes[0], 0, true, Language::Fr)),
            QStringLiteral("Avec le seuil 1 à 20\u00a0: 1 commune change de classe (2\u00a0000 habitants "
                           "standardisés)."));
        QVERIFY_EXCEPTION_THROWN(zonageSensitivity(r, {50, 100}, 2, {1}), Error);
    }

    // --- Margins of the typology

    void marginsOfASecondaryPoleShortOfPoleProfessions() {
        // 2,919 professionals, 561 of pôle professions (19.2 %): type 4. (561 + 29) / (2,919 + 29) = 20.01 %.
        QCOMPARE(q(marginsSentence(2919, 561, 0, Language::Fr)),
                 QStringLiteral(
                     "Pôle secondaire\u00a0: il manque 29 professionnels de pôle pour être pôle "
                     "intermédiaire (au moins 20\u00a0% du total)\u00a0; à 81 professionnels du seuil des "
                     "grands pôles\u00a0; 1\u00a0919 professionnels hors infirmiers psychiatriques "
                     "au-dessus du seuil des pôles secondaires."));
        QCOMPARE(q(marginsSentence(2919, 561, 0, Language::En)),
                 QStringLiteral(
                     "Secondary pole: 29 more professionals of pole professions needed to be intermediate "
                     "pole (at least 20% of the total); 81 professionals short of the threshold of large "
                     "poles; 1,919 professionals excluding psychiatric nurses above the threshold of "
                     "secondary poles."));
        const BassinMargins m = marginsOf(classifyBassin(totals("X", 2919, 561, 0), {}));
        QCOMPARE(m.of(MarginKind::IntermediatePoleShare).needed, 29.0);
        QVERIFY(!m.of(MarginKind::IntermediatePoleShare).met);
    }

    void marginsOfAnIntermediatePole() {
        // 2,988 professionals, 700 of pôle professions, 100 psychiatric nurses.
        // Pôle: (700 − 128) / (2,988 − 128) = 20 %; psy: (100 + 622) / (2,988 + 622) = 20 %.
        QCOMPARE(q(marginsSentence(2988, 700, 100, Language::En)),
                 QStringLiteral(
                     "Intermediate pole: 12 professionals short of the threshold of large poles; 1,488 "
                     "professionals above the threshold of intermediate poles; 128 professionals of pole "
                     "professions to spare above the 20% share; room for 622 more psychiatric nurses "
                     "under the 20% share."));
        QCOMPARE(q(marginsSentence(2988, 700, 100, Language::Fr)),
                 QStringLiteral(
                     "Pôle intermédiaire\u00a0: à 12 professionnels du seuil des grands pôles\u00a0; "
                     "1\u00a0488 professionnels au-dessus du seuil des pôles intermédiaires\u00a0; 128 "
                     "professionnels de pôle de marge au-dessus de la part de 20\u00a0%\u00a0; de la place "
                     "pour 622 infirmiers psychiatriques de plus sous la part de 20\u00a0%."));
    }

    void marginsOfABassinWithALargePsychiatricHospital() {
        // 2,995 professionals of whom 749 psychiatric nurses (25 %): (749 − 188) / (2,995 − 188) = 19.99 %.
        const BassinMargins m = marginsOf(classifyBassin(totals("X", 2995, 1200, 749), {}));
        QCOMPARE(m.type, PoleType::Secondaire);
        QCOMPARE(m.of(MarginKind::IntermediatePsyShare).needed, 188.0);
        QVERIFY(q(describeMargins(m, Language::Fr))
                    .contains(QStringLiteral(
                        "188 infirmiers psychiatriques de trop pour être pôle intermédiaire")));
    }

    void strictAndScaledThresholds() {
        // N > 10,000 is strict: at exactly 10,000, one professional is missing.
        BassinMargins m = marginsOf(classifyBassin(totals("X", 10000, 3000, 0), {}));
        QCOMPARE(m.type, PoleType::GrandPole);
        QCOMPARE(m.of(MarginKind::MetropoleTotal).needed, 1.0);
        QCOMPARE(m.of(MarginKind::GrandPoleTotal).spare, 7000.0);
        m = marginsOf(classifyBassin(totals("X", 10001, 3000, 0), {}));
        QCOMPARE(m.of(MarginKind::MetropoleTotal).spare, 0.0);
        // BPE data: thresholds × 0.25.
        model::PoleParameters bpe;
        bpe.massScale = 0.25;
        m = marginsOf(classifyBassin(totals("X", 240, 10, 0), bpe));
        QCOMPARE(m.type, PoleType::HorsPole);
        QCOMPARE(q(describeMargins(m, Language::Fr)),
                 QStringLiteral(
                     "Hors pôle\u00a0: il manque 10 professionnels hors infirmiers psychiatriques pour être "
                     "pôle secondaire."));
        QCOMPARE(q(describeMargins(marginsOf(classifyBassin(totals("X", 1, 0, 0), {})), Language::En)),
                 QStringLiteral(
                     "No pole: 999 more professionals excluding psychiatric nurses needed to be secondary "
                     "pole."));
    }

    void marginsAreTheFewestProfessionalsThatCrossTheThreshold() {
        // Random whole counts: `needed` crosses, one fewer does not; `spare` keeps, one more does not.
        unsigned seed = 11;
        auto rnd = [&](int n) {
            seed = seed * 1664525u + 1013904223u;
            return static_cast<double>((seed >> 8) % static_cast<unsigned>(n));
        };
        const double s = 0.2;
        for (int i = 0; i < 2000; ++i) {
            const double total = 1 + rnd(12000), pole = rnd(static_cast<int>(total) + 1);
            const double psy = rnd(static_cast<int>(pole) + 1);
            const BassinMargins m = marginsOf(classifyBassin(totals("X", total, pole, psy), {}));
            const Margin& share = m.of(MarginKind::IntermediatePoleShare);
            const auto poleShare = [&](double k) { return (pole + k) / (total + k) >= s - 1e-12; };
            if (share.met) {
                QVERIFY(poleShare(-share.spare));
                QVERIFY(pole - share.spare - 1 < 0 || !poleShare(-share.spare - 1));
            } else {
                QVERIFY(poleShare(share.needed));
                QVERIFY(!poleShare(share.needed - 1));
            }
            const Margin& psyShare = m.of(MarginKind::IntermediatePsyShare);
            const auto psyOk = [&](double k) { return (psy + k) / (total + k) <= s + 1e-12; };
            if (psyShare.met) {
                QVERIFY(psyOk(psyShare.spare));
                QVERIFY(!psyOk(psyShare.spare + 1));
            } else {
                QVERIFY(psyOk(-psyShare.needed));
                QVERIFY(!psyOk(-psyShare.needed + 1));
            }
            const Margin& grand = m.of(MarginKind::GrandPoleTotal);
            QCOMPARE(grand.met ? total - grand.spare : total + grand.needed, 3000.0);
            const Margin& metropole = m.of(MarginKind::MetropoleTotal);
            QCOMPARE(metropole.met ? total - metropole.spare : total + metropole.needed, 10001.0);
        }
    }

    // --- Sensitivity of the typology

    void sensitivityListsTheBassinsThatChangeType() {
        Aggregation a;
        a.bassins = {totals("X", 2988, 700, 0), totals("Y", 3050, 700, 0), totals("Z", 2919, 561, 0)};
        const Sensitivity s = sensitivity(a, {}, "poles.grand_pole_min", {2900, 3000, 3100});
        QCOMPARE(s.base, 3000.0);
        QCOMPARE(s.steps.size(), std::size_t(3));
        QCOMPARE(s.steps[0].changes.size(), std::size_t(2)); // X (Pi) and Z (Ps) become grands pôles
        QCOMPARE(s.steps[0].changes[0].bv, std::string("X"));
        QCOMPARE(s.steps[0].changes[0].from, PoleType::Intermediaire);
        QCOMPARE(s.steps[0].changes[0].to, PoleType::GrandPole);
        QCOMPARE(s.steps[0].changes[1].bv, std::string("Z"));
        QVERIFY(s.steps[1].changes.empty());
        QCOMPARE(s.steps[2].changes.size(), std::size_t(1)); // Y falls to pôle intermédiaire
        QCOMPARE(s.steps[2].changes[0].to, PoleType::Intermediaire);
        QCOMPARE(
            q(describeSensitivityStep(s, 0, Language::Fr)),
            QStringLiteral(
                "Avec «\u00a0poles.grand_pole_min\u00a0» à 2\u00a0900\u00a0: 2 bassins de vie changent "
                "de type («\u00a0X\u00a0»\u00a0: pôle intermédiaire → grand pôle, «\u00a0Z\u00a0»\u00a0: "
                "pôle secondaire → grand pôle)."));
        QCOMPARE(q(describeSensitivityStep(s, 1, Language::En)),
                 QStringLiteral("With 'poles.grand_pole_min' at 3,000: no bassin de vie changes type."));
        QCOMPARE(q(describeSensitivityStep(s, 2, Language::En)),
                 QStringLiteral(
                     "With 'poles.grand_pole_min' at 3,100: 1 bassin de vie changes type ('Y': large pole "
                     "→ intermediate pole)."));
        // The mass scale too: halved thresholds make every one of them a grand pôle.
        const Sensitivity scale = sensitivity(a, {}, "poles.mass_scale", {0.5});
        QCOMPARE(scale.steps[0].changes.size(), std::size_t(2));
    }

    void sensitivityRejectsOtherKeysAndValuesOutOfTheirDomain() {
        Aggregation a;
        a.bassins = {totals("X", 2988, 700, 0)};
        try {
            sensitivity(a, {}, "maillage.beta", {1});
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Parameter);
            QVERIFY2(q(e.what()).contains(QStringLiteral("'poles.mass_scale'")), e.what());
        }
        QVERIFY_EXCEPTION_THROWN(sensitivity(a, {}, "poles.intermediate_pole_share_min", {1.5}), Error);
    }

    // --- Real data: Isère, 512 communes, OSRM car times

    void defaultSpeedIsCalibratedOnTheIsereMatrix() {
        MAILLAGE_REQUIRE_SHARED("travel_times/osrm_isere38_duree_long.csv");
        MAILLAGE_REQUIRE_SHARED("travel_times/communes_cog2018_centroides.csv");
        MAILLAGE_REQUIRE_SHARED("population/population_communes_2021.csv");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        const model::Dataset ds = isere();
        // Least squares of straight-line km on road hours, pairs up to 30 minutes (the catchments' range).
        double dt = 0, tt = 0;
        std::vector<double> speeds;
        for (const model::TravelTime& t : ds.travelTimes) {
            const int o = ds.communeIndex(t.origin), d = ds.communeIndex(t.destination);
            if (o == d || !(t.minutes > 0 && t.minutes <= 30))
                continue;
            const model::Point &a = ds.communes[std::size_t(o)].anchor,
                               &b = ds.communes[std::size_t(d)].anchor;
            if (!model::hasPosition(a) || !model::hasPosition(b))
                continue;
            const double km = std::hypot(a.x - b.x, a.y - b.y) / 1000, hours = t.minutes / 60;
            dt += km * hours;
            tt += hours * hours;
            speeds.push_back(km / hours);
        }
        const double fitted = dt / tt;
        qInfo(
            "Isère: straight-line speed fitted on %zu OSRM pairs up to 30 min: %.1f km/h (median %.1f km/h)",
            speeds.size(), fitted, median(speeds));
        QVERIFY(speeds.size() > 20000);
        QVERIFY2(std::fabs(AccessParameters{}.straightLineSpeedKmh - fitted) < 0.05 * fitted,
                 qPrintable(QString::number(fitted)));
    }

    void isereAplWithTheMatrixAndWithTheStraightLine() {
        MAILLAGE_REQUIRE_SHARED("travel_times/osrm_isere38_duree_long.csv");
        MAILLAGE_REQUIRE_SHARED("travel_times/communes_cog2018_centroides.csv");
        MAILLAGE_REQUIRE_SHARED("population/population_communes_2021.csv");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        model::Dataset ds = isere();
        const AccessResult road = accessibility(ds, "medecin_generaliste", 2018, AccessParameters{});
        QCOMPARE(road.values.size(), std::size_t(512));
        // The matrix is complete: no pair by the straight line.
        QCOMPARE(std::accumulate(road.pairsByStraightLine.begin(), road.pairsByStraightLine.end(), 0), 0);
        QVERIFY(std::accumulate(road.pairsByMatrix.begin(), road.pairsByMatrix.end(), 0) > 5000);
        // Every GP is shared out among the populations that reach them.
        double supply = 0, shared = 0;
        for (const model::CountRecord& c : ds.counts)
            supply += c.count;
        for (std::size_t i = 0; i < road.values.size(); ++i)
            shared += road.demand[i] * road.values[i] / 1e5;
        QVERIFY2(near(shared, supply, 1e-6), qPrintable(QStringLiteral("%1 vs %2").arg(shared).arg(supply)));
        // Isère borders five départements: the edge is flagged.
        QVERIFY(hasWarning(road.warnings, "analysis.access.edge"));
        qInfo("Isère: %d of 512 communes within the catchment of the edge",
              static_cast<int>(std::count(road.nearEdge.begin(), road.nearEdge.end(), 1)));

        ds.travelTimes.clear();
        const AccessResult line = accessibility(ds, "medecin_generaliste", 2018, AccessParameters{});
        std::vector<double> differences;
        for (std::size_t i = 0; i < road.values.size(); ++i)
            differences.push_back(std::fabs(road.values[i] - line.values[i]));
        const double rho = spearman(road.values, line.values);
        qInfo("Isère APL (GPs, BPE 2018, per 100,000): median by road %.1f, by straight line %.1f; median "
              "absolute "
              "difference %.1f; Spearman %.3f",
              median(road.values), median(line.values), median(differences), rho);
        QVERIFY(rho > 0.5); // the same geography, if not the same figures
    }
};

QTEST_APPLESS_MAIN(TestAccessibility)
#include "test_accessibility.moc"
