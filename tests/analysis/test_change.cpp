// Change between two vintages (core/analysis/change.h) and the Crunch early warning, on a hand-computed
// territory.
#include "testing.h"

#include "core/analysis/change.h"
#include "core/analysis/crunch.h"
#include "core/analysis/result_tables.h"
#include "core/model/catalogue.h"
#include "core/model/dataset.h"

#include <QObject>

#include <cmath>

using namespace maillage;
using namespace maillage::analysis;

namespace {

void addCommune(model::Dataset& ds, const std::string& code, const std::string& name, const std::string& bv,
                double population) {
    model::Commune c;
    c.code = code;
    c.name = name;
    c.bv = bv;
    c.population = population;
    c.dep = "59";
    c.reg = "32";
    c.anchor = {700000, 7000000};
    ds.communes.push_back(c);
}

/* BV 59001 Grandville: communes 59001 (10,000 inhabitants) and 59010 Hameau (2,000);
 * BV 59002 Petitbourg: commune 59002 (5,000).
 *                     2013                     2018
 *   59001   GPs 20, nurses 30              GPs 25, nurses 31
 *   59010   GPs 3                          GPs 1
 *   59002   GPs 10                         GPs 12, dietitians 4 (counted in 2018 only)
 * All professions but dietitians: 59001 50 -> 56 (+6, +12 %), 59010 3 -> 1 (both secret at 5),
 * 59002 10 -> 12 (+2, +20 %); BV 59001 53 -> 57 (+4, +7.547 %), density per 10,000 of 12,000 inhabitants
 * 44.1667 -> 47.5 (+3.3333). */
model::Dataset territory() {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    addCommune(ds, "59001", "Grandville", "59001", 10000);
    addCommune(ds, "59010", "Hameau", "59001", 2000);
    addCommune(ds, "59002", "Petitbourg", "59002", 5000);
    ds.rebuildBassins();
    ds.reindex();
    ds.meta.vintages = {2013, 2018};
    ds.counts = {{"59001", "medecin_generaliste", 2013, 20}, {"59001", "infirmier", 2013, 30},
                 {"59010", "medecin_generaliste", 2013, 3},  {"59002", "medecin_generaliste", 2013, 10},
                 {"59001", "medecin_generaliste", 2018, 25}, {"59001", "infirmier", 2018, 31},
                 {"59010", "medecin_generaliste", 2018, 1},  {"59002", "medecin_generaliste", 2018, 12},
                 {"59002", "dieteticien", 2018, 4}};
    return ds;
}

ChangeRequest request(ChangeLevel level, const std::string& profession = "") {
    ChangeRequest r;
    r.from = 2013;
    r.to = 2018;
    r.level = level;
    r.profession = profession;
    return r;
}

const ChangeRow& rowOf(const ChangeResult& r, const std::string& code) {
    for (const ChangeRow& row : r.rows)
        if (row.code == code)
            return row;
    qFatal("no row %s", code.c_str());
}

QString plain(const std::string& s) {
    return QString::fromStdString(s).replace(QChar(0x00a0), QLatin1Char(' '));
}

} // namespace

class TestChange : public QObject {
    Q_OBJECT

private slots:
    void countsDensitiesAndChangesPerBassinAreHandComputed() {
        const ChangeResult r = computeChange(territory(), request(ChangeLevel::Bassin), SecrecyRule{});
        QCOMPARE(int(r.rows.size()), 2);
        const ChangeRow& g = rowOf(r, "59001");
        QCOMPARE(g.population, 12000.0);
        QCOMPARE(g.before, 53.0);
        QCOMPARE(g.after, 57.0);
        QCOMPARE(g.change, 4.0);
        QVERIFY(std::abs(g.changePercent - 7.5471698) < 1e-6);
        QVERIFY(std::abs(g.densityBefore - 44.1666667) < 1e-6);
        QVERIFY(std::abs(g.densityAfter - 47.5) < 1e-9);
        QVERIFY(std::abs(g.densityChange - 3.3333333) < 1e-6);
        QVERIFY(!g.withinNoise);
        const ChangeRow& p = rowOf(r, "59002");
        QCOMPARE(p.before, 10.0); // dietitians left out in both years
        QCOMPARE(p.after, 12.0);
        QCOMPARE(p.changePercent, 20.0);
    }

    void countsPerCommuneOfOneProfession() {
        const ChangeResult r =
            computeChange(territory(), request(ChangeLevel::Commune, "medecin_generaliste"), SecrecyRule{});
        QCOMPARE(int(r.rows.size()), 3);
        QCOMPARE(rowOf(r, "59001").before, 20.0);
        QCOMPARE(rowOf(r, "59001").after, 25.0);
        QCOMPARE(rowOf(r, "59001").densityChange, 5.0);
        QCOMPARE(rowOf(r, "59010").change, -2.0);
        QVERIFY(r.leftOut.empty());
        QVERIFY(r.warnings.empty());
    }

    void fromMustBeBeforeTo() {
        ChangeRequest r = request(ChangeLevel::Bassin);
        std::swap(r.from, r.to);
        const auto e = testing::thrown<Error>([&] { computeChange(territory(), r, SecrecyRule{}); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Parameter);
        QCOMPARE(std::string(e->what()),
                 std::string("The change runs from 2018 to 2013: the first year must be before the second."));
        QCOMPARE(plain(e->describe(Language::Fr)),
                 QString("L'évolution va de 2018 à 2013 : la première année doit précéder la seconde."));
        r.to = 2018;
        QVERIFY(testing::thrown<Error>([&] { computeChange(territory(), r, SecrecyRule{}); }));
    }

    void anAbsentVintageIsNamedWithThosepresent() {
        ChangeRequest r = request(ChangeLevel::Bassin);
        r.from = 2009;
        const auto e = testing::thrown<Error>([&] { computeChange(territory(), r, SecrecyRule{}); });
        QVERIFY(e);
        QCOMPARE(
            std::string(e->what()),
            std::string("The dataset has no counts of professionals for 2009. Expected one of its years: "
                        "2013, 2018."));
    }

    void aProfessionInOneVintageIsLeftOutWithOneWarning() {
        const ChangeResult r = computeChange(territory(), request(ChangeLevel::Bassin), SecrecyRule{});
        QCOMPARE(r.leftOut, std::vector<std::string>{"dieteticien"});
        QCOMPARE(int(r.warnings.size()), 1);
        QCOMPARE(
            r.warnings[0].toString(),
            std::string("1 profession is counted in only one of 2013 and 2018 and left out of the change: "
                        "'dieteticien'"));
        QCOMPARE(plain(r.warnings[0].describe(Language::Fr)),
                 QString("1 profession n'est comptée qu'en 2013 ou qu'en 2018 et est laissée hors de "
                         "l'évolution : « dieteticien »"));
    }

    void aProfessionAskedButAbsentFromAVintageIsAnError() {
        const auto e = testing::thrown<Error>(
            [&] { computeChange(territory(), request(ChangeLevel::Bassin, "dieteticien"), SecrecyRule{}); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Value);
        QVERIFY(std::string(e->what()).find("has no counts in 2013") != std::string::npos);
    }

    void aChangeUnderTheNoiseOrBetweenSecretCountsIsStable() {
        ChangeRequest req = request(ChangeLevel::Commune);
        req.noiseProfessionals = 3; // 59002: +2 is within noise
        const ChangeResult r = computeChange(territory(), req, SecrecyRule{});
        QVERIFY(rowOf(r, "59002").withinNoise);
        QVERIFY(!rowOf(r, "59001").withinNoise);
        req.noiseProfessionals = 1; // 59010: -2, but 3 and 1 are both under the secrecy threshold
        const ChangeResult r1 = computeChange(territory(), req, SecrecyRule{});
        QVERIFY(rowOf(r1, "59010").withinNoise);
        QVERIFY(!rowOf(r1, "59002").withinNoise);
    }

    void aMaskedCountMasksItsChangeAndPercentage() {
        const ChangeMask one = maskChange(3.0, 12.0, SecrecyRule{});
        QVERIFY(one.before && !one.after && one.change);
        const ChangeMask none = maskChange(0.0, 12.0, SecrecyRule{});
        QVERIFY(!none.before && !none.change);
        QVERIFY(!maskChange(3.0, 1.0, SecrecyRule::off()).change);

        const model::Dataset ds = territory();
        const ChangeResult r = computeChange(ds, request(ChangeLevel::Commune), SecrecyRule{});
        const io::ResultTable t = changeTable(ds, r, SecrecyRule{});
        const int hameau = 1; // dataset order
        QCOMPARE(r.rows[hameau].code, std::string("59010"));
        for (const char* key : {"count_from", "count_to", "change", "change_percent", "density_from",
                                "density_to", "density_change"})
            QVERIFY2(t.rows[hameau].cells[std::size_t(t.column(key))].masked, key);
        // its BV publishes 53 and 57: Grandville's 50 and 56 would give 3 and 1 back, so they are masked too
        QVERIFY(t.rows[0].cells[std::size_t(t.column("count_from"))].masked);
        QVERIFY(t.rows[0].cells[std::size_t(t.column("change_percent"))].masked);
        // the counts are masked exactly as the density table of the same vintage masks them
        DensityTableInput input;
        for (const ChangeRow& row : r.rows)
            input.rows.push_back({row.code, row.name, row.population, row.after, 0, 0});
        const io::ResultTable density = densityTable(ds, input, SecrecyRule{});
        for (std::size_t i = 0; i < t.rows.size(); ++i)
            QCOMPARE(t.rows[i].cells[std::size_t(t.column("count_to"))].masked,
                     density.rows[i].cells[std::size_t(density.column("count"))].masked);
        QVERIFY(largestChanges(r, maskChangeRows(ds, r, SecrecyRule{}), 5).empty());
        // without secrecy nothing is masked; change_percent is in per cent, as its name says
        const io::ResultTable open = changeTable(ds, r, SecrecyRule::off());
        QVERIFY(!open.rows[2].cells[std::size_t(open.column("change"))].masked);
        QCOMPARE(open.rows[2].cells[std::size_t(open.column("change_percent"))].number, 20.0);
    }

    void theLargestChangesComeFirstWithoutNoise() {
        const ChangeResult r = computeChange(territory(), request(ChangeLevel::Commune), SecrecyRule{});
        const std::vector<ChangeMask> none(r.rows.size()); // nothing masked: the noise rule alone
        QVERIFY(largestChanges(r, none, 5) == (std::vector<int>{0, 2})); // +6, +2; 59010 is within noise
        QVERIFY(largestChanges(r, none, 1) == std::vector<int>{0});
    }

    void massOverVintagesSumsEveryProfessionPerBassin() {
        const MassSeries s = massOverVintages(territory(), {"59002", "59001"});
        QVERIFY(s.vintages == (std::vector<int>{2013, 2018}));
        QVERIFY(s.mass[0] == (std::vector<double>{10, 16}));
        QVERIFY(s.mass[1] == (std::vector<double>{53, 57}));
    }

    void earlyWarningSentencesNameTheLossTheDistanceAndTheLargePole() {
        EarlyWarning w;
        w.name = "Rocheblanche";
        w.changePercent = -14.6;
        w.distanceKm = 36.4;
        w.largePoleName = "Saint-Guénolé-sur-Lavre";
        QCOMPARE(
            plain(describeEarlyWarning(w, Language::Fr)),
            QString("Rocheblanche perd 14,6 % à 36 km de Saint-Guénolé-sur-Lavre : risque d'absorption"));
        QCOMPARE(describeEarlyWarning(w, Language::En),
                 std::string(
                     "Rocheblanche loses 14.6% at 36 km from Saint-Guénolé-sur-Lavre: risk of absorption"));
    }
};

QTEST_GUILESS_MAIN(TestChange)
#include "test_change.moc"
