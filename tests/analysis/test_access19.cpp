// Accessibility, session 19 (issue 9): the user's consumption weights by age band stored with the dataset
// and used by the standardised demand.
#include "core/analysis/access_weights.h"
#include "core/analysis/accessibility.h"
#include "core/io/gpkg.h"

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
};

QTEST_APPLESS_MAIN(TestAccess19)
#include "test_access19.moc"
