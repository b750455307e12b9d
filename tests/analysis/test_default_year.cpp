// "0 = the default year" everywhere in the engine (core/analysis/vintages.h): a register of a few
// professionals added as the newest year is neither classified, counted, nor diagnosed by default; a
// change between BPE and a register is refused by the Crunch itself; a year's register is that year's.
#include "register_testing.h"
#include "testing.h"

#include "core/analysis/counts.h"
#include "core/analysis/crunch.h"
#include "core/analysis/density.h"
#include "core/analysis/poles.h"
#include "core/analysis/profile.h"
#include "core/analysis/vintages.h"
#include "core/demo/demo.h"

#include <QObject>

using namespace maillage;
using namespace maillage::analysis;

namespace {

constexpr int kBpeYear = 2023;      // the demo's newest table of counts (with its register)
constexpr int kRegisterYear = 2026; // 22 professionals, as the real RPPS extract

//! The demo dataset with a register of 22 GPs, all in its first commune, added as the newest year (its
//! counts derived from it, as an import does).
model::Dataset demoWithSparseRegister() {
    model::Dataset ds = demo::makeDemoDataset();
    model::ProfessionalRegister reg;
    reg.vintage = kRegisterYear;
    reg.source = "Annuaire santé (RPPS), extraction du 2026-11-02";
    const std::string place = ds.communes.front().code;
    testing::hire(reg, 22, "medecin_generaliste", 1970, place);
    ds.registers.push_back(reg);
    ds.counts.push_back({place, "medecin_generaliste", kRegisterYear, 22});
    ds.meta.vintages.push_back(kRegisterYear);
    return ds;
}

} // namespace

class TestDefaultYear : public QObject {
    Q_OBJECT
private slots:
    void theFixtureHasTheRegisterAsItsNewestYear() {
        const model::Dataset ds = demoWithSparseRegister();
        QCOMPARE(ds.latestVintage(), kRegisterYear);
        QCOMPARE(defaultVintage(ds), kBpeYear);
        QCOMPARE(vintageOrDefault(ds, 0), kBpeYear);
        QCOMPARE(vintageOrDefault(ds, kRegisterYear), kRegisterYear);
    }

    void countsOfYearZeroAreTheDefaultYears() {
        const model::Dataset ds = demoWithSparseRegister();
        const ResolvedCounts counts = resolveCounts(ds, 0);
        QCOMPARE(counts.vintage, kBpeYear);
        QVERIFY(counts.counts.size() > 1); // the BPE table, not the register's one commune
    }

    void classificationOfYearZeroIsTheDefaultYears() {
        const model::Dataset ds = demoWithSparseRegister();
        const Classification c = classifyDataset(ds, 0, ds.params.poles);
        QCOMPARE(c.vintage, kBpeYear);
        const Classification asked = classifyDataset(ds, kBpeYear, ds.params.poles);
        QCOMPARE(c.poles.size(), asked.poles.size());
        for (std::size_t i = 0; i < c.poles.size(); ++i)
            QCOMPARE(c.poles[i].type, asked.poles[i].type);
    }

    void densitiesOfYearZeroAreTheDefaultYears() {
        const model::Dataset ds = demoWithSparseRegister();
        QCOMPARE(densityForAllCommunes(ds, "", 0).vintage, kBpeYear);
        QCOMPARE(countsByCommune(ds, "medecin_generaliste", 0).vintage, kBpeYear);
        QCOMPARE(densityForBassin(ds, ds.bassins.front().code, "", 0).vintage, kBpeYear);
    }

    void crunchOfYearZeroDiagnosesTheDefaultYear() {
        const model::Dataset ds = demoWithSparseRegister();
        const CrunchDiagnostics d = diagnoseCrunch(ds, {}, ds.params.poles, ds.params.crunch, 0);
        QCOMPARE(d.vintageTo, kBpeYear);
    }

    void crunchRefusesAChangeBetweenBpeAndARegisterItself() {
        model::Dataset ds = demoWithSparseRegister();
        ds.registers.erase(ds.registers.begin()); // 2023: the demo's BPE table alone, no register
        try {
            diagnoseCrunch(ds, {}, ds.params.poles, ds.params.crunch, kRegisterYear, kBpeYear);
            QFAIL("a Crunch evolution between BPE sites and register people was computed");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Parameter);
            QVERIFY2(QString::fromStdString(e.what()).startsWith(
                         QStringLiteral("The 2023 and 2026 counts come from different sources")),
                     e.what());
        }
        // The same source: no refusal.
        const CrunchDiagnostics d =
            diagnoseCrunch(ds, {}, ds.params.poles, ds.params.crunch, kBpeYear, kBpeYear - 10);
        QVERIFY(d.hasEvolution);
    }

    void aYearsRegisterIsThatYearsOnly() {
        const model::Dataset ds = demoWithSparseRegister();
        QVERIFY(registerOfYear(ds, kBpeYear - 10) == nullptr);
        QVERIFY(registerFor(ds, kBpeYear - 10) == nullptr); // was the latest register, silently
        QCOMPARE(registerFor(ds, kRegisterYear)->vintage, kRegisterYear);
        QCOMPARE(registerFor(ds, 0)->vintage, kBpeYear); // the default year's, not the newest
        QCOMPARE(registerYears(ds), (std::vector<std::string>{"2023", "2026"}));
    }
};

QTEST_GUILESS_MAIN(TestDefaultYear)
#include "test_default_year.moc"
