// Which year every view opens on, and changes refused between two sources (core/analysis/change.h): a
// register of a few professionals added as the newest year is neither the default nor compared with BPE.
#include "testing.h"

#include "core/analysis/change.h"
#include "core/demo/demo.h"
#include "core/model/catalogue.h"
#include "core/model/dataset.h"

#include <QObject>

using namespace maillage;
using namespace maillage::analysis;

namespace {

const char* kRpps = "Annuaire santé (RPPS), extraction du 2026-11-02";

//! Adds a register of `people` GPs practising in `commune` as vintage `year`, its counts derived from it
//! (as an import does: the year's counts are the register's).
void addSparseRegister(model::Dataset& ds, int year, const std::string& commune, int people,
                       const std::string& source = kRpps) {
    model::ProfessionalRegister reg;
    reg.vintage = year;
    reg.source = source;
    for (int i = 0; i < people; ++i) {
        model::RegisteredProfessional p;
        p.id = std::to_string(year) + "-" + std::to_string(i);
        p.profession = "medecin_generaliste";
        p.sites.push_back({commune, model::PracticeMode::Liberal, 1.0, true});
        reg.professionals.push_back(p);
    }
    ds.registers.push_back(reg);
    if (!commune.empty() && people > 0)
        ds.counts.push_back({commune, "medecin_generaliste", year, double(people)});
    ds.meta.vintages.push_back(year);
}

//! Two communes, one BV, BPE counts in 2013 and 2018.
model::Dataset bpeTerritory() {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    for (const char* code : {"59001", "59002"}) {
        model::Commune c;
        c.code = code;
        c.name = code;
        c.bv = "59001";
        c.population = 10000;
        ds.communes.push_back(c);
    }
    ds.rebuildBassins();
    ds.reindex();
    // The geometry file names a year too: it is not the source of the counts.
    ds.meta.sources = {"communes_hauts_de_france_cog2018.geojson", "INSEE, BPE 2013", "INSEE, BPE 2018"};
    ds.meta.vintages = {2013, 2018};
    ds.counts = {{"59001", "medecin_generaliste", 2013, 20},
                 {"59002", "infirmier", 2013, 8},
                 {"59001", "medecin_generaliste", 2018, 22},
                 {"59002", "infirmier", 2018, 9}};
    return ds;
}

/* Three BVs of one commune each, 10,000 inhabitants: GPs 100 -> 85 (-15 %), 50 -> 44 (-12 %), 200 -> 210
 * (+5 %); in all 350 -> 339 (-3.14 %). Nurses 3 -> 3 in the first (secret at 5). */
model::Dataset threeBassins() {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    for (const char* code : {"59001", "59002", "59003"}) {
        model::Commune c;
        c.code = code;
        c.name = std::string("Ville ") + code;
        c.bv = code;
        c.population = 10000;
        ds.communes.push_back(c);
    }
    ds.rebuildBassins();
    ds.reindex();
    ds.meta.vintages = {2013, 2018};
    ds.counts = {{"59001", "medecin_generaliste", 2013, 100},
                 {"59002", "medecin_generaliste", 2013, 50},
                 {"59003", "medecin_generaliste", 2013, 200},
                 {"59001", "medecin_generaliste", 2018, 85},
                 {"59002", "medecin_generaliste", 2018, 44},
                 {"59003", "medecin_generaliste", 2018, 210},
                 {"59001", "infirmier", 2013, 3},
                 {"59001", "infirmier", 2018, 3}};
    return ds;
}

std::string summaryOf(const model::Dataset& ds, const std::string& profession, ChangeLevel level,
                      Language language) {
    ChangeRequest r;
    r.from = 2013;
    r.to = 2018;
    r.profession = profession;
    r.level = level;
    const SecrecyRule rule = SecrecyRule::from(ds.params.density);
    const ChangeResult result = computeChange(ds, r, rule);
    return describeChange(ds, result, maskChangeRows(ds, result, rule), language);
}

QString plain(const std::string& s) {
    return QString::fromStdString(s).replace(QChar(0x00a0), QLatin1Char(' '));
}

} // namespace

class TestVintages : public QObject {
    Q_OBJECT
private slots:
    void defaultVintageIgnoresASparseRegisterAddedAsTheNewestYear() {
        model::Dataset ds = demo::makeDemoDataset();
        QCOMPARE(defaultVintage(ds), 2023);
        addSparseRegister(ds, 2026, ds.communes.front().code, 22);
        QCOMPARE(ds.latestVintage(), 2026);
        QCOMPARE(defaultVintage(ds), 2023);
        const std::vector<VintageInfo> v = describeVintages(ds);
        QCOMPARE(int(v.size()), 3);
        QCOMPARE(v[2].year, 2026);
        QVERIFY(v[2].fromRegister);
        QCOMPARE(v[2].registered, 22.0);
        QCOMPARE(v[2].professionals, 22.0);
        QVERIFY(!v[2].coversTerritory);
        QVERIFY(v[2].populationShare < 0.05);
        QVERIFY(v[0].coversTerritory && v[1].coversTerritory);
    }

    void aRegisterWhosePeoplePractiseElsewhereIsNotTheDefault() {
        model::Dataset ds = bpeTerritory();
        addSparseRegister(ds, 2026, "", 22); // the real extract's 22 people practise outside the region
        QCOMPARE(defaultVintage(ds), 2018);
        const std::vector<VintageInfo> v = describeVintages(ds);
        QCOMPARE(v.back().year, 2026);
        QVERIFY(v.back().fromRegister);
        QCOMPARE(v.back().registered, 22.0);
        QCOMPARE(v.back().populationShare, 0.0);
        QCOMPARE(QString::fromStdString(v.front().source), QStringLiteral("INSEE, BPE 2013"));
    }

    void aRegisterCoveringTheTerritoryIsTheDefault() {
        model::Dataset ds = bpeTerritory();
        addSparseRegister(ds, 2026, "59001", 30);
        ds.counts.push_back({"59002", "medecin_generaliste", 2026, 5});
        ds.registers.back().professionals.push_back(ds.registers.back().professionals.front());
        QCOMPARE(defaultVintage(ds), 2026);
    }

    void theDemoRegisterCompletesItsCountsAndIsTheSameSource() {
        // The demo's 2023 register only gives some professions of a table of counts: one series.
        const model::Dataset ds = demo::makeDemoDataset();
        QVERIFY(!ds.registers.empty());
        QVERIFY(sameSource(ds, 2013, 2023));
        ChangeRequest r;
        r.from = 2013;
        r.to = 2023;
        QVERIFY(!computeChange(ds, r, SecrecyRule::off()).rows.empty());
    }

    void changeBetweenBpeAndARegisterIsRefusedNamingBothSources() {
        model::Dataset ds = bpeTerritory();
        addSparseRegister(ds, 2026, "59001", 22);
        QVERIFY(!sameSource(ds, 2018, 2026));
        QVERIFY(sameSource(ds, 2013, 2018));
        ChangeRequest r;
        r.from = 2018;
        r.to = 2026;
        try {
            computeChange(ds, r, SecrecyRule::off());
            QFAIL("a change between BPE and a register was computed");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Parameter);
            QCOMPARE(QString::fromStdString(e.what()),
                     QStringLiteral("The 2018 and 2026 counts come from different sources (2018: INSEE, BPE "
                                    "2018; 2026: register Annuaire santé (RPPS), extraction du 2026-11-02): "
                                    "their change would compare two ways of counting (practice sites in the "
                                    "BPE, people in a register). Expected two years of the same source."));
            QCOMPARE(
                plain(word(e.message(), Language::Fr)),
                QStringLiteral("Les effectifs de 2018 et de 2026 viennent de sources différentes (2018 : "
                               "INSEE, BPE 2018 ; 2026 : registre Annuaire santé (RPPS), extraction du "
                               "2026-11-02) : leur évolution comparerait deux façons de compter (des "
                               "lieux d'exercice dans la BPE, des personnes dans un registre). Deux "
                               "années d'une même source étaient attendues."));
        }
    }

    void theChangeIsSummedUpInOneSentenceInFrenchAndEnglish() {
        const model::Dataset ds = threeBassins();
        QCOMPARE(
            plain(summaryOf(ds, "medecin_generaliste", ChangeLevel::Bassin, Language::Fr)),
            QStringLiteral("Entre 2013 et 2018, le nombre de professionnels (médecin généraliste) a "
                           "diminué de 3,1 % dans le territoire ; 2 bassins de vie perdent plus de 10 %."));
        QCOMPARE(
            QString::fromStdString(summaryOf(ds, "medecin_generaliste", ChangeLevel::Bassin, Language::En)),
            QStringLiteral("Between 2013 and 2018, the number of professionals (general practitioner) fell "
                           "by 3.1% in the territory; 2 bassins de vie lose more than 10%."));
        // All professions (the 3 nurses are the same both years): 353 -> 342.
        QCOMPARE(QString::fromStdString(summaryOf(ds, "", ChangeLevel::Commune, Language::En)),
                 QStringLiteral("Between 2013 and 2018, the number of professionals fell by 3.1% in the "
                                "territory; 2 communes lose more than 10%."));
    }

    void aSummaryOfSecretTotalsSaysSoAndNoLossIsWorded() {
        const model::Dataset ds = threeBassins();
        QCOMPARE(plain(summaryOf(ds, "infirmier", ChangeLevel::Bassin, Language::Fr)),
                 QStringLiteral("Entre 2013 et 2018, l'évolution du territoire est masquée par le secret "
                                "statistique ; aucun bassin de vie ne perd plus de 10 %."));
    }

    void twoExtractionsOfTheSameRegisterAreOneSeries() {
        model::Dataset ds = bpeTerritory();
        addSparseRegister(ds, 2024, "59001", 30, "Annuaire santé (RPPS), extraction du 2024-10-01");
        addSparseRegister(ds, 2026, "59001", 31);
        QVERIFY(sameSource(ds, 2024, 2026));
        QVERIFY(!sameSource(ds, 2018, 2024));
    }
};

QTEST_GUILESS_MAIN(TestVintages)
#include "test_vintages.moc"
