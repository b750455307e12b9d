#include "core/analysis/accessibility.h"
#include "core/analysis/density.h"
#include "core/model/error.h"

#include "testing.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

using namespace maillage;
using namespace maillage::analysis;
using maillage::testing::q;

namespace {

model::Commune commune(const std::string& code, const std::string& name, double population,
                       const std::string& bv, const std::string& dep, const std::string& reg,
                       model::Point anchor = {}) {
    model::Commune c;
    c.code = code;
    c.name = name;
    c.population = population;
    c.bv = bv;
    c.dep = dep;
    c.reg = reg;
    c.anchor = anchor;
    return c;
}

model::Bassin bassin(const std::string& code, const std::string& name, std::vector<std::string> communes,
                     const std::string& dep, const std::string& reg) {
    model::Bassin b;
    b.code = code;
    b.name = name;
    b.communes = std::move(communes);
    b.dep = dep;
    b.reg = reg;
    return b;
}

// BV Lille (59350) spans the Nord and, through Ablain-Saint-Nazaire, the Pas-de-Calais; BV Arras (62041);
// Paris in another région.
model::Dataset territory() {
    model::Dataset ds;
    ds.meta.title = "Territoire de test";
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.communes = {commune("59350", "Lille", 230000, "59350", "59", "32"),
                   commune("59009", "Villeneuve-d'Ascq", 60000, "59350", "59", "32"),
                   commune("59013", "Émerchicourt", 800, "59350", "59", "32"),
                   commune("62001", "Ablain-Saint-Nazaire", 1100, "59350", "62", "32"),
                   commune("62041", "Arras", 40000, "62041", "62", "32"),
                   commune("62002", "Achicourt", 8000, "62041", "62", "32"),
                   commune("75056", "Paris", 2100000, "75056", "75", "11")};
    ds.bassins = {bassin("59350", "Lille", {"59350", "59009", "59013", "62001"}, "59", "32"),
                  bassin("62041", "Arras", {"62041", "62002"}, "62", "32"),
                  bassin("75056", "Paris", {"75056"}, "75", "11")};
    const std::string gp = "medecin_generaliste";
    ds.counts = {{"62001", gp, 2020, 1},
                 {"59350", gp, 2020, 200},
                 {"59350", "infirmier", 2020, 300},
                 {"59350", gp, 2018, 180},
                 {"59009", gp, 2020, 40},
                 {"62041", gp, 2020, 30},
                 {"62041", "pharmacien", 2020, 10},
                 {"62002", gp, 2020, 5},
                 {"99999", gp, 2020, 7},
                 {"75101", gp, 2020, 1000},
                 {"75120", gp, 2020, 2000}};
    ds.zones = {{"593500101", "Vieux-Lille", "59350", 20000, {}},
                {"593500102", "Centre", "59350", 30000, {}},
                {"620410101", "Centre", "62041", 10000, {}}};
    ds.zoneCounts = {{"593500101", gp, 2020, 10},
                     {"593500101", "infirmier", 2020, 5},
                     {"593500102", gp, 2020, 20},
                     {"593500101", gp, 2018, 99},
                     {"620410101", gp, 2020, 12}};
    ds.regionNames = {{"32", "Hauts-de-France"}, {"11", "Île-de-France"}};
    ds.departementNames = {{"59", "Nord"}, {"62", "Pas-de-Calais"}};
    ds.reindex();
    return ds;
}

bool near(double a, double b, double tolerance = 1e-9) {
    return std::fabs(a - b) <= tolerance;
}

} // namespace

class TestDensity : public QObject {
    Q_OBJECT
private slots:
    void oneGeneralPractitionerFor1100Inhabitants() {
        const auto ds = territory();
        const auto rows = densityForAllCommunes(ds, "medecin_generaliste", 2020).rows;
        QCOMPARE(rows.size(), ds.communes.size());
        const DensityRow& ablain = rows[3];
        QCOMPARE(ablain.code, std::string("62001"));
        QCOMPARE(ablain.count, 1.0);
        QCOMPARE(ablain.inhabitantsPerProfessional, 1100.0);
        QVERIFY(near(ablain.per10k, 9.0909, 1e-4));
        // No professional: density 0 and no "inhabitants per professional".
        QCOMPARE(rows[2].count, 0.0);
        QCOMPARE(rows[2].per10k, 0.0);
        QCOMPARE(rows[2].inhabitantsPerProfessional, 0.0);
    }

    void allCommuneDensitiesCarryTheWarningsOfTheirCounts() {
        const auto ds = territory(); // holds a count of an unknown commune, 99999
        const CommuneDensities d = densityForAllCommunes(ds, "D201", 2020);
        QCOMPARE(d.profession, std::string("medecin_generaliste"));
        QCOMPARE(d.vintage, 2020);
        bool unknown = false;
        for (const Warning& w : d.warnings)
            unknown =
                unknown || (w.kind == ErrorKind::Join && w.details == std::vector<std::string>{"99999"});
        QVERIFY(unknown);
    }

    void warningsAreWordedInFrenchToo() {
        const auto d = densityForAllCommunes(territory(), "medecin_generaliste", 2020); // 7 GPs in 99999
        const auto unknown = std::find_if(d.warnings.begin(), d.warnings.end(),
                                          [](const Warning& w) { return w.kind == ErrorKind::Join; });
        QVERIFY(unknown != d.warnings.end());
        QCOMPARE(q(unknown->sentence(Language::En)),
                 QStringLiteral(
                     "1 count record of 2020 (7 professionals) refer to 1 commune absent from the commune "
                     "list (another COG year?); they are left out. Expected commune codes of the dataset's "
                     "commune list."));
        QCOMPARE(q(unknown->sentence(Language::Fr)),
                 QStringLiteral(
                     "1 effectif de 2020 (7 professionnels) renvoie à 1 commune absente de la liste des "
                     "communes (une autre année du COG\u00a0?)\u00a0; il est écarté. Des codes de la liste "
                     "des communes du jeu de données étaient attendus."));
    }

    void arrondissementCountsGoToTheirCommune() {
        const auto rows = densityForAllCommunes(territory(), "medecin_generaliste", 2020).rows;
        QCOMPARE(rows[6].code, std::string("75056"));
        QCOMPARE(rows[6].count, 3000.0);
    }

    void professionAliasesAllProfessionsAndLatestVintage() {
        const auto ds = territory();
        QCOMPARE(countsByCommune(ds, "D201", 2020).counts[0], 200.0); // BPE code of the GP
        QCOMPARE(countsByCommune(ds, "", 2020).counts[0], 500.0);     // all professions
        QCOMPARE(countsByCommune(ds, "medecin_generaliste", 2018).counts[0], 180.0);
        QCOMPARE(countsByCommune(ds, "medecin_generaliste", 0).counts[0], 200.0); // latest vintage
        QCOMPARE(countsByCommune(ds, "medecin_generaliste", 2019).counts[0], 0.0);
        QCOMPARE(densityForBassin(ds, "59350", "", 0).vintage, 2020);
    }

    void recordsWrittenWithAnAliasCountForTheirProfession() {
        // Counts stored as "D201" (as a BPE import may leave them) are general practitioners, here as in
        // the pôles.
        auto ds = territory();
        ds.counts.push_back({"59350", "D201", 2020, 7});
        ds.counts.push_back({"59350", "Médecin généraliste", 2020, 3});
        QCOMPARE(countsByCommune(ds, "medecin_generaliste", 2020).counts[0], 210.0);
        QCOMPARE(countsByCommune(ds, "D201", 2020).counts[0], 210.0);
        QCOMPARE(densityForBassin(ds, "59350", "medecin_generaliste", 2020).bassin.count, 251.0);
        ds.zoneCounts.push_back({"593500101", "D201", 2020, 4});
        QCOMPARE(densityForCommune(ds, "59350", "medecin_generaliste", 2020).rows[1].count, 14.0);
    }

    void negativeAndNonNumericCountsAreLeftOutWithAWarning() {
        auto ds = territory();
        ds.counts.push_back({"59350", "medecin_generaliste", 2020, -50});
        ds.counts.push_back({"59350", "medecin_generaliste", 2020, std::numeric_limits<double>::quiet_NaN()});
        ds.zoneCounts.push_back({"593500101", "medecin_generaliste", 2020, -3});
        const CommuneCounts resolved = countsByCommune(ds, "medecin_generaliste", 2020);
        const Warnings& warnings = resolved.warnings;
        QCOMPARE(resolved.counts[0], 200.0);
        QVERIFY(std::isfinite(densityForBassin(ds, "59350", "", 2020).bassin.count));
        QCOMPARE(densityForCommune(ds, "59350", "medecin_generaliste", 2020).rows[1].count, 10.0);
        bool invalid = false, unknown = false;
        for (const Warning& w : warnings) {
            invalid = invalid || (w.kind == ErrorKind::Value && w.details.size() == 2);
            unknown =
                unknown || (w.kind == ErrorKind::Join &&
                            w.details == std::vector<std::string>{"99999"}); // the territory's stray count
        }
        QVERIFY(invalid);
        QVERIFY(unknown);
    }

    void drillDownsCarryTheWarningsOfTheirCounts() {
        auto ds = territory(); // holds a count of an unknown commune, 99999
        ds.counts.push_back({"59350", "medecin_generaliste", 2020, -50});
        for (const DensityDrillDown& d : {densityForBassin(ds, "59350", "medecin_generaliste", 2020),
                                          densityForCommune(ds, "59350", "medecin_generaliste", 2020)}) {
            bool invalid = false, unknown = false;
            for (const Warning& w : d.warnings) {
                invalid = invalid || w.kind == ErrorKind::Value;
                unknown =
                    unknown || (w.kind == ErrorKind::Join && w.details == std::vector<std::string>{"99999"});
            }
            QVERIFY(invalid);
            QVERIFY(unknown);
        }
    }

    void unknownProfessionIsAnErrorListingTheCatalogue() {
        const auto ds = territory();
        for (const auto& call : std::vector<std::function<void()>>{
                 [&] { countsByCommune(ds, "astrologue", 2020); },
                 [&] { densityForBassin(ds, "59350", "astrologue", 2020); },
                 [&] { densityForCommune(ds, "59350", "astrologue", 2020); },
                 [&] { densityForAllCommunes(ds, "astrologue", 2020); },
                 [&] { accessibility(ds, "astrologue", 2020, AccessParameters{}); }}) {
            try {
                call();
                QFAIL("expected an error");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), ErrorKind::Value);
                const QString what = QString::fromStdString(e.what());
                QVERIFY2(what.startsWith(
                             QStringLiteral("unknown profession 'astrologue': expected a code or "
                                            "an alias of the profession catalogue (medecin_generaliste, ")),
                         e.what());
                QVERIFY2(what.contains(QStringLiteral("infirmier_psychiatrique")), e.what());
            }
        }
    }

    void placeCodesAreResolvedAsForThePoles() {
        auto ds = territory();
        ds.counts.push_back(
            {"59350.0", "medecin_generaliste", 2020, 5}); // repaired, as aggregateByBassin does
        QCOMPARE(countsByCommune(ds, "medecin_generaliste", 2020).counts[0], 205.0);
        QCOMPARE(densityForCommune(ds, "75101", "medecin_generaliste", 2020).parent.code,
                 std::string("75056"));
    }

    void bassinDrillDownListsItsCommunesByName() {
        const auto d = densityForBassin(territory(), "59350", "medecin_generaliste", 2020);
        QCOMPARE(d.profession, std::string("medecin_generaliste"));
        QCOMPARE(d.rows.size(), std::size_t(4));
        // Accents do not send Émerchicourt after Villeneuve-d'Ascq.
        QCOMPARE(d.rows[0].name, std::string("Ablain-Saint-Nazaire"));
        QCOMPARE(d.rows[1].name, std::string("Émerchicourt"));
        QCOMPARE(d.rows[2].name, std::string("Lille"));
        QCOMPARE(d.rows[3].name, std::string("Villeneuve-d'Ascq"));
        QCOMPARE(d.rows[2].count, 200.0);
        QVERIFY(near(d.rows[3].per10k, 40.0 / 60000 * 10000));
        QCOMPARE(d.rows[3].inhabitantsPerProfessional, 1500.0);

        QCOMPARE(d.parent.code, std::string("59350"));
        QCOMPARE(d.parent.population, 291900.0);
        QCOMPARE(d.parent.count, 241.0);
        QVERIFY(near(d.parent.per10k, 241.0 / 291900 * 10000));
        QCOMPARE(d.bassin.code, d.parent.code);
        QCOMPARE(d.bassin.count, d.parent.count);
    }

    void bassinDrillDownComparesWithDepartementRegionAndDataset() {
        const auto d = densityForBassin(territory(), "59350", "medecin_generaliste", 2020);
        // The département of the main commune (Lille), over all its communes, Ablain (62) excluded.
        QCOMPARE(d.departement.code, std::string("59"));
        QCOMPARE(d.departement.name, std::string("Nord"));
        QCOMPARE(d.departement.population, 290800.0);
        QCOMPARE(d.departement.count, 240.0);
        QCOMPARE(d.region.code, std::string("32"));
        QCOMPARE(d.region.name, std::string("Hauts-de-France"));
        QCOMPARE(d.region.population, 339900.0);
        QCOMPARE(d.region.count, 276.0);
        QCOMPARE(d.dataset.code, std::string());
        QCOMPARE(d.dataset.name, std::string("Territoire de test"));
        QCOMPARE(d.dataset.population, 2439900.0);
        QCOMPARE(d.dataset.count, 3276.0); // Paris's arrondissements included, unknown 99999 not
        QVERIFY(near(d.dataset.inhabitantsPerProfessional, 2439900.0 / 3276));
    }

    void communeDrillDownListsItsZones() {
        const auto ds = territory();
        auto d = densityForCommune(ds, "59350", "medecin_generaliste", 2020);
        QCOMPARE(d.rows.size(), std::size_t(2));
        QCOMPARE(d.rows[0].name, std::string("Centre"));
        QCOMPARE(d.rows[0].code, std::string("593500102"));
        QCOMPARE(d.rows[0].count, 20.0);
        QCOMPARE(d.rows[0].inhabitantsPerProfessional, 1500.0);
        QCOMPARE(d.rows[1].name, std::string("Vieux-Lille"));
        QCOMPARE(d.rows[1].count, 10.0);
        QVERIFY(near(d.rows[1].per10k, 5.0));
        QCOMPARE(d.parent.code, std::string("59350"));
        QCOMPARE(d.parent.count, 200.0);
        QCOMPARE(d.bassin.code, std::string("59350"));
        QCOMPARE(d.bassin.count, 241.0);
        QCOMPARE(d.departement.code, std::string("59"));
        QCOMPARE(d.region.code, std::string("32"));

        d = densityForCommune(ds, "59350", "", 2020);
        QCOMPARE(d.rows[1].count, 15.0);
        d = densityForCommune(ds, "59350", "medecin_generaliste", 2018);
        QCOMPARE(d.rows[1].count, 99.0);

        // A commune without zones: no rows, the commune and its references all the same.
        d = densityForCommune(ds, "62001", "medecin_generaliste", 2020);
        QVERIFY(d.rows.empty());
        QCOMPARE(d.parent.inhabitantsPerProfessional, 1100.0);
        QCOMPARE(d.departement.code, std::string("62")); // its own département, not its BV's
        QCOMPARE(d.departement.count, 36.0);
        QCOMPARE(d.bassin.code, std::string("59350"));
    }

    void unknownPlacesAreErrors() {
        const auto ds = territory();
        QVERIFY_EXCEPTION_THROWN(densityForBassin(ds, "12345", "", 2020), Error);
        QVERIFY_EXCEPTION_THROWN(densityForCommune(ds, "12345", "", 2020), Error);
    }

    void smallCountsAreMaskedBelowTheThreshold() {
        model::DensityParameters params;
        params.secrecyThreshold = 5;
        QVERIFY(isMasked(4, params));
        QVERIFY(isMasked(1, params));
        QVERIFY(!isMasked(5, params));
        QVERIFY(!isMasked(0, params));
        QCOMPARE(maskedCountFr(4, params), std::string("< 5"));
        QCOMPARE(maskedCountFr(5, params), std::string("5"));
        QCOMPARE(maskedCountFr(0, params), std::string("0"));
        QCOMPARE(maskedCountFr(1234, params), std::string("1\u00a0234"));
        params.secrecyThreshold = 11;
        QCOMPARE(maskedCountFr(10, params), std::string("< 11"));
    }
};

QTEST_APPLESS_MAIN(TestDensity)
#include "test_density.moc"
