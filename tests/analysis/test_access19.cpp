// Accessibility, session 19 (issue 9): the user's consumption weights by age band stored with the dataset
// and used by the standardised demand; the buffer communes taking a register's professionals; a buffer run
// reading the dataset's tables in place gives the results of the same communes merged.
#include "core/analysis/access_weights.h"
#include "core/analysis/accessibility.h"
#include "core/analysis/register_counts.h"
#include "core/io/gpkg.h"
#include "core/io/register.h"

#include "near.h"
#include "testing.h"

#include <QTemporaryDir>

#include <cmath>

using namespace maillage;
using namespace maillage::analysis;
using maillage::testing::allNear;
using maillage::testing::q;

namespace {

model::Commune commune(const char* code, double population, double x) {
    model::Commune c;
    c.code = code;
    c.name = code;
    c.population = population;
    c.bv = code;
    c.dep = "01";
    c.reg = "84";
    c.anchor = {x, 6600000};
    return c;
}

//! A and B, 100 km apart (they reach only themselves), 1,000 inhabitants and one GP each: A's inhabitants
//! are all under 15, B's all 90 or over.
model::Dataset youngAndOld() {
    model::Dataset ds;
    ds.meta.title = "Test";
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.communes = {commune("01001", 1000, 700000), commune("01002", 1000, 800000)};
    ds.counts = {{"01001", "medecin_generaliste", 2020, 1}, {"01002", "medecin_generaliste", 2020, 1}};
    ds.meta.vintages = {2020};
    ds.populationByAge = {{"01001", "0-14", 1000}, {"01002", "90+", 1000}};
    ds.reindex();
    ds.rebuildBassins();
    return ds;
}

AccessParameters standardised() {
    AccessParameters p;
    p.demand = model::DemandKind::Standardised;
    return p;
}

//! Area A with buffer commune E 12 km east (straight line at 37 km/h: 19.46 minutes, weight 1/3).
model::Dataset areaAndBuffer() {
    model::Dataset ds;
    ds.meta.title = "Test";
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.communes = {commune("01001", 1000, 700000)};
    ds.bufferCommunes = {commune("01003", 500, 712000)};
    ds.reindex();
    return ds;
}

//! `n` GPs practising in `place` (full-time equivalents `fte`, 0 = unknown).
void hire(model::ProfessionalRegister& reg, int n, const std::string& place, double fte = 0) {
    for (int i = 0; i < n; ++i) {
        model::RegisteredProfessional p;
        p.id = place + "-" + std::to_string(i);
        p.profession = "medecin_generaliste";
        p.birthYear = 1970;
        p.sites = {{place, model::PracticeMode::Liberal, fte, true}};
        reg.professionals.push_back(std::move(p));
    }
}

} // namespace

class TestAccess19 : public QObject {
    Q_OBJECT
private slots:
    void storedWeightsStandardiseTheDemandAndAreKeptByTheDataset() {
        model::Dataset ds = youngAndOld();
        storeConsumptionWeights(ds, {{"0-14", 1}, {"90+", 3}}, "/somewhere/drees_mg.csv");
        // 2,000 inhabitants, weighted 1,000 × 1 + 1,000 × 3 = 4,000: scale 1/2. A's demand 500, B's 1,500.
        const AccessResult r = accessibility(ds, "medecin_generaliste", 2020, standardised());
        QVERIFY(allNear(r.demand, {500, 1500}));
        QVERIFY(allNear(r.values, {1e5 / 500, 1e5 / 1500}));
        QCOMPARE(consumptionWeightsFile(ds), std::string("drees_mg.csv"));

        QTemporaryDir dir;
        const std::string path = dir.filePath("ds.gpkg").toStdString();
        io::writeDataset(ds, path);
        const model::Dataset back = io::readDataset(path);
        QCOMPARE(consumptionWeightsFile(back), std::string("drees_mg.csv"));
        const std::vector<model::AgeBandWeight> w = consumptionWeights(back);
        QCOMPARE(w.size(), std::size_t(2));
        QCOMPARE(w[1].band, std::string("90+"));
        QCOMPARE(w[1].weight, 3.0);
        QVERIFY(allNear(accessibility(back, "medecin_generaliste", 2020, standardised()).values, r.values));
    }

    void withoutStoredWeightsTheShippedOnesServe() {
        const model::Dataset ds = youngAndOld();
        QCOMPARE(consumptionWeightsFile(ds), std::string());
        double young = 0, old = 0;
        for (const model::AgeBandWeight& w : model::builtinConsumptionWeights()) {
            young = w.band == "0-14" ? w.weight : young;
            old = w.band == "90+" ? w.weight : old;
        }
        const double scale = 2000 / (1000 * young + 1000 * old);
        const AccessResult r = accessibility(ds, "medecin_generaliste", 2020, standardised());
        QVERIFY(allNear(r.demand, {1000 * young * scale, 1000 * old * scale}));
    }

    void theRunsWeightsComeBeforeTheStoredOnes() {
        model::Dataset ds = youngAndOld();
        storeConsumptionWeights(ds, {{"0-14", 1}, {"90+", 3}}, "stored.csv");
        AccessInputs inputs;
        inputs.ageWeights = {{"0-14", 2}, {"90+", 2}};
        const AccessResult r = accessibility(ds, "medecin_generaliste", 2020, standardised(), inputs);
        QVERIFY(allNear(r.demand, {1000, 1000}));
        QVERIFY(allNear(r.values, {100, 100}));
    }

    void weightsLackingABandOfThePopulationAreRefused() {
        model::Dataset ds = youngAndOld();
        storeConsumptionWeights(ds, {{"0-14", 1}, {"15-29", 1}}, "w.csv");
        try {
            accessibility(ds, "medecin_generaliste", 2020, standardised());
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(q(e.what()).contains("90+") && q(e.what()).contains("0-14, 15-29"), e.what());
        }
        ds.meta.extra[kAgeWeightsKey] = "0-14=1;90+";
        try {
            accessibility(ds, "medecin_generaliste", 2020, standardised());
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(q(e.what()).contains("access.age_weights") && q(e.what()).contains("90+"), e.what());
        }
    }

    void bufferCommunesTakeTheRegistersProfessionals() {
        model::Dataset ds = areaAndBuffer();
        model::ProfessionalRegister reg;
        reg.vintage = 2020;
        reg.source = "RPPS 2020";
        hire(reg, 1, "01001");
        hire(reg, 2, "01003");
        hire(reg, 1, "02001"); // in neither the area nor the buffer
        Warnings warnings;
        io::addRegister(ds, reg, "rpps.csv", &countsFromRegister, false, warnings);
        QCOMPARE(ds.bufferCounts.size(), std::size_t(1));
        QCOMPARE(ds.bufferCounts[0].place, std::string("01003"));
        QCOMPARE(ds.bufferCounts[0].count, 2.0);
        QCOMPARE(ds.counts.size(), std::size_t(1));
        // Only 02001 is reported outside the dataset.
        QCOMPARE(warnings.size(), std::size_t(1));
        QVERIFY2(q(warnings[0].toString()).contains("02001") && !q(warnings[0].toString()).contains("01003"),
                 qPrintable(q(warnings[0].toString())));
        // A's GP: demand 1,000 + 500/3 = 3,500/3; E's 2 GPs: 500 + 1,000/3 = 2,500/3.
        // APL of A = 3/3,500 + 1/3 × 6/2,500 per inhabitant.
        const AccessResult r = accessibility(ds, "medecin_generaliste", 2020, AccessParameters{});
        QVERIFY2(allNear(r.values, {(3.0 / 3500 + 2.0 / 2500) * 1e5}),
                 qPrintable(QString::number(r.values[0])));
        // Full-time equivalents from the register reach the buffer as well: 0.5 in A, 2 × 0.25 in E.
        for (model::RegisteredProfessional& p : ds.registers[0].professionals)
            p.sites[0].fte = p.sites[0].commune == "01001" ? 0.5 : 0.25;
        AccessParameters fte;
        fte.supply = model::SupplyKind::FullTimeEquivalents;
        const AccessResult f = accessibility(ds, "medecin_generaliste", 2020, fte);
        QVERIFY2(allNear(f.values, {(0.5 * 3 / 3500 + 0.5 * 3 / 2500 / 3) * 1e5}),
                 qPrintable(QString::number(f.values[0])));
    }

    void aBufferRunGivesTheResultsOfTheSameCommunesMerged() {
        // Area A, B; buffer E, F; a partial matrix, ages, a register with FTE: every table the run reads.
        model::Dataset buffered;
        buffered.meta.title = "Test";
        buffered.catalogue = model::ProfessionCatalogue::builtin();
        buffered.communes = {commune("01001", 1000, 700000), commune("01002", 2000, 705000)};
        buffered.bufferCommunes = {commune("01003", 500, 712000), commune("01004", 800, 690000)};
        buffered.counts = {{"01001", "medecin_generaliste", 2020, 1},
                           {"01002", "medecin_generaliste", 2020, 2}};
        buffered.bufferCounts = {{"01003", "medecin_generaliste", 2020, 3},
                                 {"01004", "medecin_generaliste", 2020, 1}};
        buffered.travelTimes = {{"01001", "01002", 12}, {"01002", "01001", 12}, {"01003", "01001", 16}};
        buffered.populationByAge = {{"01001", "0-14", 400},
                                    {"01001", "75-89", 600},
                                    {"01002", "30-44", 2000},
                                    {"01003", "90+", 500},
                                    {"01004", "15-29", 800}};
        model::ProfessionalRegister reg;
        reg.vintage = 2020;
        hire(reg, 1, "01001", 0.5);
        hire(reg, 2, "01002", 0.9);
        hire(reg, 3, "01003", 0.3);
        hire(reg, 1, "01004", 1);
        buffered.registers = {reg};
        buffered.reindex();

        model::Dataset merged = buffered;
        merged.communes.insert(merged.communes.end(), merged.bufferCommunes.begin(),
                               merged.bufferCommunes.end());
        merged.counts.insert(merged.counts.end(), merged.bufferCounts.begin(), merged.bufferCounts.end());
        merged.bufferCommunes.clear();
        merged.bufferCounts.clear();
        merged.reindex();

        AccessParameters fte = standardised();
        fte.supply = model::SupplyKind::FullTimeEquivalents;
        for (const AccessParameters& p : {AccessParameters{}, standardised(), fte}) {
            const AccessResult b = accessibility(buffered, "medecin_generaliste", 2020, p);
            AccessResult m = accessibility(merged, "medecin_generaliste", 2020, p);
            m.values.resize(2);
            m.demand.resize(2);
            m.pairsByMatrix.resize(2);
            m.pairsByStraightLine.resize(2);
            QVERIFY(allNear(b.values, m.values));
            QVERIFY(allNear(b.demand, m.demand));
            QCOMPARE(b.pairsByMatrix, m.pairsByMatrix);
            QCOMPARE(b.pairsByStraightLine, m.pairsByStraightLine);
        }
        // Inputs given for the area only: the buffer's population and counts pad them.
        AccessInputs inputs;
        inputs.demand = {1000, 2000};
        inputs.supply = {1, 2};
        QVERIFY(
            allNear(accessibility(buffered, "medecin_generaliste", 2020, AccessParameters{}, inputs).values,
                    accessibility(buffered, "medecin_generaliste", 2020, AccessParameters{}).values));
    }
};

QTEST_APPLESS_MAIN(TestAccess19)
#include "test_access19.moc"
