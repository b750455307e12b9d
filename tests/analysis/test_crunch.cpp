// Crunch diagnostics (DOMAIN.md §5) on small hand-computed territories.
#include "testing.h"

#include "core/analysis/crunch.h"
#include "core/analysis/result_tables.h"
#include "core/model/catalogue.h"
#include "core/model/dataset.h"

#include <QObject>

#include <algorithm>
#include <set>

using namespace maillage;
using namespace maillage::analysis;

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}
std::string fr(const CrunchDiagnostics& d) {
    return describeCrunch(d, Language::Fr);
}
std::string en(const CrunchDiagnostics& d) {
    return describeCrunch(d, Language::En);
}
//! Default Crunch parameters but the minimum sample of the drain: the hand-computed territory has four
//! BVs, fewer than the default minimum (10) from which the drain is stated as a finding.
model::CrunchParameters smallSample() {
    model::CrunchParameters p;
    p.minCorrelationBassins = 3;
    return p;
}

//! Default Crunch parameters but the at-risk radius (and the minimum sample, as above).
model::CrunchParameters within(double km) {
    model::CrunchParameters p = smallSample();
    p.nearLargePoleKm = km;
    return p;
}
//! The diagnosis uses non-breaking spaces (thousands, before ':' and '%'); compare with plain spaces.
QString plain(const std::string& s) {
    return QString::fromStdString(s).replace(QChar(0x00a0), QLatin1Char(' '));
}
bool contains(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

constexpr double kX0 = 700000, kY0 = 7000000; // Lambert-93 metres, somewhere in France

//! One BV = one commune of the same code; anchor given in km from (kX0, kY0).
void addBassin(model::Dataset& ds, const std::string& code, const std::string& name, const std::string& reg,
               double xKm, double yKm) {
    model::Bassin b;
    b.code = code;
    b.name = name;
    b.reg = reg;
    b.communes = {code};
    b.anchor = {kX0 + xKm * 1000, kY0 + yKm * 1000};
    ds.bassins.push_back(b);
    model::Commune c;
    c.code = code;
    c.name = name;
    c.bv = code;
    c.reg = reg;
    c.anchor = b.anchor;
    ds.communes.push_back(c);
}

//! `pole` professionals of a pôle profession (specialists), the rest first-line (GPs).
void addMass(model::Dataset& ds, const std::string& code, int vintage, double total, double pole) {
    ds.counts.push_back({code, "medecin_specialiste", vintage, pole});
    ds.counts.push_back({code, "medecin_generaliste", vintage, total - pole});
}

/* The hand-computed territory. Région R1 (the one diagnosed), 2013 then (2008):
 *   A Grandville  (0, 0) km     12,000 (11,000)  half specialists      -> type 1   +9.09 %
 *   B Petitbourg  (30, 0) km     2,000 (2,100)   25 % specialists       -> type 3   -4.76 %
 *   C Lointain    (100, 0) km    1,100 (1,200)   all GPs                -> type 4   -8.33 %
 *   D Confins     (0, 200) km      900 (1,000)   all GPs                -> hors     -10 %
 * Région R2, 1,000 km away: E Autreville 4,000 (type 2), F 500 and G 400 (hors), unchanged.
 * R1: N = 16,000; primacy 12,000 / 2,000 = 6; first share 0.75;
 *     H = 0.75² + 0.125² + 0.06875² + 0.05625² = 0.586015625, 1/H = 1.70644;
 *     pôles 14,300 -> 15,100 (+5.594 %), non-pôles 1,000 -> 900 (-10 %);
 *     Pearson(change %, distance) over A-D = -0.787637 (periphery loses more the farther: drain).
 * Types over both régions: hors 3, one each of 1-4 -> per région 1.5, 0.5, 0.5, 0.5, 0.5. */
model::Dataset territory(double grandvilleNow = 12000, double petitbourgNow = 2000,
                         double confinsBefore = 1000) {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    addBassin(ds, "59001", "Grandville", "R1", 0, 0);
    addBassin(ds, "59002", "Petitbourg", "R1", 30, 0);
    addBassin(ds, "59003", "Lointain", "R1", 100, 0);
    addBassin(ds, "59004", "Confins", "R1", 0, 200);
    addBassin(ds, "62001", "Autreville", "R2", 1000, 1000);
    addBassin(ds, "62002", "Campagne", "R2", 1030, 1000);
    addBassin(ds, "62003", "Bocage", "R2", 1000, 1040);
    ds.reindex();
    addMass(ds, "59001", 2013, grandvilleNow, grandvilleNow / 2);
    addMass(ds, "59002", 2013, petitbourgNow, petitbourgNow / 4);
    addMass(ds, "59003", 2013, 1100, 0);
    addMass(ds, "59004", 2013, 900, 0);
    addMass(ds, "59001", 2008, 11000, 5500);
    addMass(ds, "59002", 2008, 2100, 525);
    addMass(ds, "59003", 2008, 1200, 0);
    addMass(ds, "59004", 2008, confinsBefore, 0);
    for (int year : {2008, 2013}) {
        addMass(ds, "62001", year, 4000, 1000);
        addMass(ds, "62002", year, 500, 0);
        addMass(ds, "62003", year, 400, 0);
    }
    return ds;
}

const std::vector<std::string> kR1{"59001", "59002", "59003", "59004"};

//! The territory with départements: Grandville and Petitbourg in D1, Lointain and Confins in D2, the
//! three BVs of R2 in D3.
model::Dataset departements(model::Dataset ds) {
    for (model::Bassin& b : ds.bassins)
        b.dep = b.reg == "R2" ? "D3" : (b.code == "59001" || b.code == "59002" ? "D1" : "D2");
    ds.reindex();
    return ds;
}

const BassinChange& changeOf(const CrunchDiagnostics& d, const std::string& bv) {
    const auto it =
        std::find_if(d.changes.begin(), d.changes.end(), [&](const BassinChange& c) { return c.bv == bv; });
    if (it == d.changes.end())
        qFatal("no change for %s", bv.c_str());
    return *it;
}

} // namespace

class TestCrunch : public QObject {
    Q_OBJECT

private slots:
    void polesPerTypeAreComparedWithTheMeanPerRegion() {
        const CrunchDiagnostics d = diagnoseCrunch(territory(), kR1, {}, {}, 2013);
        const std::array<int, kPoleTypeCount> expected{1, 1, 0, 1, 1};
        QVERIFY(d.polesByType == expected);
        QCOMPARE(d.regionCount, 2);
        QCOMPARE(d.averageByTypePerRegion[0], 1.5);
        for (int t = 1; t < kPoleTypeCount; ++t)
            QCOMPARE(d.averageByTypePerRegion[t], 0.5);
        QCOMPARE(int(d.bassins.size()), 4);
        // 3 pôles against 2 on average per région
        QVERIFY2(contains(plain(fr(d)).toStdString(),
                          "Une région en compte 2,0 en moyenne (sur les 2 régions des "
                          "données) : cette région en a davantage."),
                 fr(d).c_str());
        QVERIFY2(contains(en(d), "A region has 2.0 on average (over the 2 regions of the data): this region "
                                 "has more."),
                 en(d).c_str());
    }

    void aDepartementIsComparedWithTheMeanDepartement() {
        // Départements: Grandville and Petitbourg in D1, Lointain and Confins in D2, R2 is D3. D1 holds
        // 2 pôles (types 1 and 3) against 4 / 3 = 1.3 in the mean département; compared with the mean
        // région (2.0) it read "about as many" under "A region has 2.0 on average".
        model::Dataset ds = departements(territory());
        const CrunchDiagnostics d = diagnoseCrunch(ds, {"59001", "59002"}, {}, {}, 2013);
        QVERIFY(d.findings.scope == CrunchScope::Departement);
        QCOMPARE(d.findings.referenceUnits, 3);
        QVERIFY2(contains(plain(fr(d)).toStdString(), "Un département en compte 1,3 en moyenne (sur les 3 "
                                                      "départements des données) : ce département en a "
                                                      "davantage."),
                 fr(d).c_str());
        QVERIFY2(contains(en(d), "A département has 1.3 on average (over the 3 départements of the data): "
                                 "this département has more."),
                 en(d).c_str());
        QVERIFY(!contains(fr(d), "région"));
        // A whole région is still compared with the mean région, though its BVs have départements.
        QVERIFY(diagnoseCrunch(ds, kR1, {}, {}, 2013).findings.scope == CrunchScope::Region);
    }

    void departementsAndRegionsTheDataHoldAFragmentOfAreNoReference() {
        // An area import keeps whole the BVs crossing its edge: here "27001" (Fragment, type 4 with 1,100
        // GPs), a BV of département D4 / région R3 the data hold through that one BV, its commune listed
        // as outside the area. Counted, it made the mean département 5 / 4 = 1.25 over 4 départements.
        model::Dataset ds = departements(territory());
        addBassin(ds, "27001", "Fragment", "R3", 200, 200);
        ds.bassins.back().dep = "D4";
        addMass(ds, "27001", 2013, 1100, 0);
        for (model::Commune& c : ds.communes)
            c.dep = ds.bassin(c.bv)->dep;
        ds.meta.extra["area.outside_communes"] = "27001";
        ds.departementNames["D4"] = "Eure";
        ds.reindex();
        const TerritoryCoverage coverage = territoryCoverage(ds);
        QVERIFY(coverage.partialDepartements == std::set<std::string>{"D4"});
        QVERIFY((coverage.wholeDepartements == std::set<std::string>{"D1", "D2", "D3"}));
        QVERIFY(coverage.partialRegions == std::set<std::string>{"R3"});
        const CrunchDiagnostics d = diagnoseCrunch(ds, {"59001", "59002"}, {}, {}, 2013);
        QVERIFY(d.findings.scope == CrunchScope::Departement);
        QCOMPARE(d.findings.referenceUnits, 3);
        QCOMPARE(d.findings.partialUnits, std::vector<std::string>{"Eure (D4)"});
        QVERIFY2(contains(plain(fr(d)).toStdString(),
                          "Un département en compte 1,3 en moyenne (sur les 3 départements que les données "
                          "couvrent en entier ; Eure (D4), dont les données n'ont qu'une partie par des "
                          "bassins de vie à cheval sur la limite de la zone importée, est écarté) : ce "
                          "département en a davantage."),
                 fr(d).c_str());
        QVERIFY2(contains(en(d), "over the 3 départements the data hold whole; Eure (D4), of which the data "
                                 "hold only a part through bassins de vie crossing the edge of the imported "
                                 "area, is left out"),
                 en(d).c_str());
        QCOMPARE(d.referenceByType[static_cast<int>(PoleType::Secondaire)], 1.0 / 3);
        // The région likewise: R1 against the mean of R1 and R2, not of three régions.
        const CrunchDiagnostics r = diagnoseCrunch(ds, kR1, {}, {}, 2013);
        QCOMPARE(r.regionCount, 2);
        QCOMPARE(r.findings.reference, 2.0);
        QVERIFY2(contains(plain(fr(r)).toStdString(), "sur les 2 régions que les données couvrent en entier"),
                 fr(r).c_str());
        // The fragment itself is no département to compare with the mean one: its one BV is a selection,
        // compared by its share of pôles, and a warning names it.
        const CrunchDiagnostics fragment = diagnoseCrunch(ds, {"27001"}, {}, {}, 2013);
        QVERIFY(fragment.findings.scope == CrunchScope::Selection);
        QVERIFY(!fragment.findings.compared); // one BV: nothing to conclude from its share
        QVERIFY(!contains(fr(fragment), "Un département en compte"));
        const auto partialScope =
            std::find_if(fragment.warnings.begin(), fragment.warnings.end(),
                         [](const Warning& w) { return w.text.id == "analysis.crunch_partial_scope"; });
        QVERIFY(partialScope != fragment.warnings.end());
        QVERIFY2(contains(word(partialScope->text, Language::Fr),
                          "Eure (D4) n'est dans les données qu'en partie (1 bassin de vie"),
                 word(partialScope->text, Language::Fr).c_str());
        QVERIFY(std::none_of(d.warnings.begin(), d.warnings.end(),
                             [](const Warning& w) { return w.text.id == "analysis.crunch_partial_scope"; }));
        // A bassin cut by the file (truncated), named after a commune of a département the data hold
        // none of: that département is a fragment too.
        model::Dataset cut = ds;
        cut.meta.extra.erase("area.outside_communes");
        cut.communes.back().dep = "D1"; // the commune held is of D1; its bassin still says D4
        QVERIFY(territoryCoverage(cut).partialDepartements.count("D4"));
        // Without the import's list of outside communes every département counts, as before.
        ds.meta.extra.erase("area.outside_communes");
        QCOMPARE(diagnoseCrunch(ds, {"59001", "59002"}, {}, {}, 2013).findings.referenceUnits, 4);
    }

    void theTypesTableNamesTheComparisonTheParagraphMakes() {
        const model::Dataset ds = departements(territory());
        const auto types = [&](const std::vector<std::string>& scope, Language language) {
            return crunchTables(ds, diagnoseCrunch(ds, scope, {}, {}, 2013), SecrecyRule::off(), language)
                .front();
        };
        // A département: the mean département per type (types 1-4 over D1-D3: 1/3 each).
        const io::ResultTable dep = types({"59001", "59002"}, Language::Fr);
        QCOMPARE(q(dep.name), QStringLiteral("crunch_types"));
        QCOMPARE(q(dep.titleFr), QStringLiteral("Pôles par type et moyenne des départements"));
        QCOMPARE(q(dep.columns.back().key), QStringLiteral("mean_per_departement"));
        QCOMPARE(q(dep.columns.back().headerFr), QStringLiteral("Moyenne des départements"));
        QCOMPARE(dep.rows.front().cells.back().number, 1.0 / 3);
        // A région: the mean région; another selection: the share of the data's BVs of each type.
        QCOMPARE(q(types(kR1, Language::Fr).columns.back().key), QStringLiteral("mean_per_region"));
        const io::ResultTable other = types({"59001", "59004"}, Language::En);
        QCOMPARE(q(other.columns.back().key), QStringLiteral("share_of_bassins"));
        QCOMPARE(q(other.titleEn),
                 QStringLiteral("Pôles by type against their share of the bassins de vie of the data"));
        QCOMPARE(other.rows.front().cells.back().number, 1.0 / 7);
    }

    void otherBassinsAreComparedByTheirShareOfPoles() {
        // Grandville (type 1) and Confins (hors pôle), in two départements: 1 pôle of 2 BVs (50 %) against
        // 4 pôles of the 7 BVs of the data (57.1 %).
        const CrunchDiagnostics d =
            diagnoseCrunch(departements(territory()), {"59001", "59004"}, {}, {}, 2013);
        QVERIFY(d.findings.scope == CrunchScope::Selection);
        QVERIFY2(contains(plain(fr(d)).toStdString(),
                          "En proportion, cette sélection compte moins de pôles que l'ensemble des données : "
                          "50,0 % de ses 2 bassins de vie sont des pôles, contre 57,1 % des 7 bassins de vie "
                          "des données."),
                 fr(d).c_str());
        QVERIFY2(contains(en(d),
                          "In proportion, this selection has fewer pôles than the whole data: 50.0% of "
                          "its 2 bassins de vie are pôles, against 57.1% of the 7 bassins de vie of the "
                          "data."),
                 en(d).c_str());
        QVERIFY(!contains(en(d), "region"));
        // One BV alone is compared with nothing.
        QVERIFY(!diagnoseCrunch(territory(), {"59001"}, {}, {}, 2013).findings.compared);
    }

    void primacyFirstShareAndHerfindahlMatchTheHandComputation() {
        const CrunchDiagnostics d = diagnoseCrunch(territory(), kR1, {}, {}, 2013);
        QCOMPARE(d.totalProfessionals, 16000.0);
        QCOMPARE(q(d.firstPole), QStringLiteral("59001"));
        QCOMPARE(q(d.secondPole), QStringLiteral("59002"));
        QCOMPARE(d.firstMass, 12000.0);
        QCOMPARE(d.secondMass, 2000.0);
        QCOMPARE(d.primacy, 6.0);
        QVERIFY(!d.macrocephalic);
        QCOMPARE(d.firstPoleShare, 0.75);
        QVERIFY(qAbs(d.herfindahl - 0.586015625) < 1e-12);
        QVERIFY(qAbs(d.equivalentPoles - 1.0 / 0.586015625) < 1e-9);
        QVERIFY2(contains(fr(d), "pèse 6,0 fois le deuxième, Petitbourg"), fr(d).c_str());
        QVERIFY2(contains(fr(d), "75,0\u00a0% des professionnels"), fr(d).c_str());
        QVERIFY2(contains(fr(d), "répartis à parts égales entre seulement 1,7 bassin de vie sur 4"),
                 fr(d).c_str());
        QVERIFY2(contains(fr(d), "la concentration est forte"), fr(d).c_str());
    }

    void evolutionGivesChangePerBassinAndPolesAgainstOthers() {
        const CrunchDiagnostics d = diagnoseCrunch(territory(), kR1, {}, smallSample(), 2013, 2008);
        QVERIFY(d.hasEvolution);
        QCOMPARE(d.vintageFrom, 2008);
        QCOMPARE(d.vintageTo, 2013);
        QCOMPARE(int(d.changes.size()), 4);
        const BassinChange& a = changeOf(d, "59001");
        QCOMPARE(a.before, 11000.0);
        QCOMPARE(a.after, 12000.0);
        QCOMPARE(a.change, 1000.0);
        QVERIFY(qAbs(a.changePercent - 100.0 / 11) < 1e-9);
        QCOMPARE(a.distanceToMainKm, 0.0);
        QCOMPARE(int(a.type), int(PoleType::GrandeMetropole));
        QVERIFY(qAbs(changeOf(d, "59002").distanceToMainKm - 30) < 1e-9);
        QVERIFY(qAbs(changeOf(d, "59003").distanceToMainKm - 100) < 1e-9);
        QVERIFY(qAbs(changeOf(d, "59004").distanceToMainKm - 200) < 1e-9);
        QCOMPARE(changeOf(d, "59004").changePercent, -10.0);
        QVERIFY(qAbs(d.poleChangePercent - 100.0 * 800 / 14300) < 1e-9);
        QCOMPARE(d.nonPoleChangePercent, -10.0);
        QVERIFY2(contains(fr(d), "évolué de +5,6\u00a0% dans les pôles et de \u221210,0\u00a0% dans les "
                                 "autres bassins de vie"),
                 fr(d).c_str());
    }

    void drainShowsAsANegativeCorrelationWithDistance() {
        const CrunchDiagnostics d = diagnoseCrunch(territory(), kR1, {}, smallSample(), 2013, 2008);
        QVERIFY2(qAbs(d.drainCorrelation - (-0.7876372189195339)) < 1e-9,
                 qPrintable(QString::number(d.drainCorrelation)));
        QCOMPARE(q(d.mainPole), QStringLiteral("59001"));
        QVERIFY2(contains(fr(d), "Plus un bassin de vie est loin de Grandville, plus il perd de "
                                 "professionnels (corrélation de \u22120,79"),
                 fr(d).c_str());
        QVERIFY(contains(fr(d), "signature d'une vidange de la périphérie"));
        QVERIFY(contains(en(d), "signature of the periphery draining"));
    }

    void drainOverTooFewBassinsIsNoFinding() {
        // Issue 11: with four BVs selected the diagnosis stated a correlation as a finding.
        const CrunchDiagnostics d = diagnoseCrunch(territory(), kR1, {}, {}, 2013, 2008);
        QCOMPARE(d.minCorrelationBassins, 10);
        QVERIFY(d.findings.drain == DrainSignature::TooFew);
        QCOMPARE(plain(fr(d)).contains(
                     QStringLiteral("Trop peu de bassins de vie pour conclure sur une vidange de la "
                                    "périphérie (4 comparables, il en faut au moins 10).")),
                 true);
        QVERIFY(!contains(fr(d), "signature"));
        QVERIFY(contains(en(d),
                         "Too few bassins de vie to conclude on a draining of the periphery (4 comparable, "
                         "at least 10 needed)."));
        model::CrunchParameters four;
        four.minCorrelationBassins = 4;
        QVERIFY(diagnoseCrunch(territory(), kR1, {}, four, 2013, 2008).findings.drain ==
                DrainSignature::Visible);
    }

    void briefDiagnosisReadsAloudInShortSentences() {
        const CrunchDiagnostics d = diagnoseCrunch(territory(), kR1, {}, smallSample(), 2013, 2008);
        QCOMPARE(
            testing::qList(describeCrunchBriefly(d, Language::Fr))
                .replaceInStrings(QChar(0x00a0), QStringLiteral(" ")),
            (QStringList{
                QStringLiteral("Le territoire compte 3 pôles d'offre de soins sur 4 bassins de vie."),
                QStringLiteral("Le premier pôle, Grandville, concentre les trois quarts des professionnels."),
                QStringLiteral("Grandville pèse 6 fois plus que Petitbourg, le deuxième pôle."),
                QStringLiteral("De 2008 à 2013, les pôles ont gagné 6 % de professionnels, les autres "
                               "bassins en ont perdu 10 %."),
                QStringLiteral("Plus un bassin est loin de Grandville, plus il perd de professionnels : la "
                               "périphérie se vide."),
                QStringLiteral("Petit pôle qui perd des professionnels près d'un grand pôle, à surveiller : "
                               "Petitbourg."),
            }));
        const std::vector<std::string> en = describeCrunchBriefly(d, Language::En);
        QCOMPARE(en.size(), std::size_t(6));
        QCOMPARE(q(en[1]),
                 QStringLiteral("The first pole, Grandville, holds three quarters of the professionals."));
        // No technical term in the brief version.
        for (const auto& s : describeCrunchBriefly(d, Language::Fr))
            QVERIFY2(!contains(s, "Herfindahl") && !contains(s, "corrélation") &&
                         !contains(s, "macrocéphale"),
                     s.c_str());
        // Without evolution: three sentences; the default sample guard says "too few" in words.
        QCOMPARE(describeCrunchBriefly(diagnoseCrunch(territory(), kR1, {}, {}, 2013), Language::Fr).size(),
                 std::size_t(3));
        const auto guarded =
            describeCrunchBriefly(diagnoseCrunch(territory(), kR1, {}, {}, 2013, 2008), Language::Fr);
        QVERIFY(std::find(guarded.begin(), guarded.end(),
                          "Trop peu de bassins pour conclure sur une vidange de la périphérie.") !=
                guarded.end());
    }

    void primacyIsReadAloudAsTheAnalystsTableShowsIt() {
        // Rounded to a whole number, 2.5 was read "3 fois plus" beside a table saying 2,5.
        const auto sentence = [](double grandville, Language language) {
            const auto brief =
                describeCrunchBriefly(diagnoseCrunch(territory(grandville), kR1, {}, {}, 2013), language);
            return brief.size() > 2 ? q(brief[2]).replace(QChar(0x00a0), QChar(' ')) : QString();
        };
        QCOMPARE(sentence(5000, Language::Fr),
                 QStringLiteral("Grandville pèse 2,5 fois plus que Petitbourg, le "
                                "deuxième pôle."));
        QCOMPARE(sentence(5000, Language::En),
                 QStringLiteral("Grandville weighs 2.5 times as much as Petitbourg, the second pole."));
        QVERIFY(sentence(2100, Language::Fr).startsWith(QStringLiteral("Grandville pèse 1,1 fois plus que")));
        QVERIFY(
            sentence(2050, Language::Fr).startsWith(QStringLiteral("Grandville pèse autant que Petitbourg")));
        QVERIFY(sentence(2050, Language::En)
                    .startsWith(QStringLiteral("Grandville weighs as much as Petitbourg")));
        QVERIFY(sentence(25000, Language::Fr).startsWith(QStringLiteral("Grandville pèse 13 fois plus que")));
    }

    void noDrainIsReportedWhenDistantBassinsGain() {
        // Confins (200 km) had 600 in 2008: +50 %, the farthest gains most
        const CrunchDiagnostics d =
            diagnoseCrunch(territory(12000, 2000, 600), kR1, {}, smallSample(), 2013, 2008);
        QVERIFY2(d.drainCorrelation > 0.3, qPrintable(QString::number(d.drainCorrelation)));
        QVERIFY(!contains(fr(d), "vidange"));
        QVERIFY(contains(fr(d), "la périphérie ne se vide pas"));
        QVERIFY(!contains(en(d), "signature"));
    }

    void smallPoleNearALargeOneThatLosesMassIsAtRisk() {
        const CrunchDiagnostics d =
            diagnoseCrunch(territory(), kR1, {}, smallSample(), 2013, 2008); // 60 km by default
        QCOMPARE(int(d.atRisk.size()), 1);
        QCOMPARE(q(d.atRisk[0]), QStringLiteral("59002"));
        const BassinChange& b = changeOf(d, "59002");
        QVERIFY(b.atRisk);
        QCOMPARE(q(b.nearestLargePole), QStringLiteral("59001"));
        QVERIFY(qAbs(b.nearestLargePoleKm - 30) < 1e-9);
        QVERIFY(!changeOf(d, "59003").atRisk); // a small pôle losing mass, but 100 km away
        QVERIFY(!changeOf(d, "59004").atRisk); // losing mass, but no pôle
        QVERIFY(!changeOf(d, "59001").atRisk); // a large pôle
        QVERIFY2(
            contains(fr(d),
                     "Ce petit pôle, proche d'un grand pôle, perd des professionnels et risque "
                     "d'être absorbé par son grand voisin : Petitbourg (\u22124,8\u00a0%, à 30\u00a0km de "
                     "Grandville)."),
            fr(d).c_str());
        QVERIFY(contains(en(d), "Petitbourg (-4.8%, 30 km from Grandville)"));
    }

    void bassinsWithoutPositionAreLeftOutOfDistanceDiagnostics() {
        model::Dataset ds = territory();
        for (auto& b : ds.bassins)
            b.anchor = {}; // as read from a table without geometry
        const CrunchDiagnostics d = diagnoseCrunch(ds, kR1, {}, smallSample(), 2013, 2008);
        QVERIFY(d.hasEvolution);
        QVERIFY(d.atRisk.empty());         // distances unknown: no claim of proximity
        QCOMPARE(d.drainCorrelation, 0.0); // nor of a drain
        QVERIFY(!changeOf(d, "59002").atRisk);
        bool warned = false;
        for (const auto& w : d.warnings)
            warned = warned || w.message.find("have no position") != std::string::npos;
        QVERIFY(warned);
    }

    void atRiskDistanceIsAParameterAndWorstLossComesFirst() {
        const CrunchDiagnostics d = diagnoseCrunch(territory(), kR1, {}, within(150), 2013, 2008);
        QCOMPARE(int(d.atRisk.size()), 2);
        QCOMPARE(q(d.atRisk[0]), QStringLiteral("59003")); // -8.3 % before -4.8 %
        QCOMPARE(q(d.atRisk[1]), QStringLiteral("59002"));
        QVERIFY(contains(fr(d), "Ces petits pôles"));
        QVERIFY(contains(fr(d), "Lointain"));
        const CrunchDiagnostics none = diagnoseCrunch(territory(), kR1, {}, within(29), 2013, 2008);
        QVERIFY(none.atRisk.empty());
        QVERIFY(contains(fr(none), "Aucun petit pôle proche d'un grand pôle ne perd de professionnels."));
    }

    void diagnosisSpeaksOfMacrocephalyOnlyAbovePrimacyTen() {
        const CrunchDiagnostics ten = diagnoseCrunch(territory(20000, 2000), kR1, {}, {}, 2013);
        QCOMPARE(ten.primacy, 10.0);
        QVERIFY(!ten.macrocephalic);
        QVERIFY2(!contains(fr(ten), "macrocéphale"), fr(ten).c_str());
        QVERIFY(!contains(en(ten), "macrocephal"));
        QVERIFY(contains(fr(ten), "l'offre n'est donc pas dominée par une seule ville"));

        const CrunchDiagnostics above = diagnoseCrunch(territory(20001, 2000), kR1, {}, {}, 2013);
        QVERIFY(above.primacy > 10);
        QVERIFY(above.macrocephalic);
        QVERIFY2(contains(fr(above), "le système est dit macrocéphale"), fr(above).c_str());
        QVERIFY(contains(en(above), "macrocephalic"));

        const CrunchDiagnostics six = diagnoseCrunch(territory(), kR1, {}, {}, 2013);
        QVERIFY(!contains(fr(six), "macrocéphale"));
    }

    void macrocephalyThresholdIsAParameter() {
        model::CrunchParameters crunch;
        crunch.macrocephalyPrimacy = 5;
        const CrunchDiagnostics six = diagnoseCrunch(territory(), kR1, {}, crunch, 2013);
        QVERIFY(six.primacy > 5);
        QVERIFY(six.macrocephalic);
        QVERIFY2(contains(fr(six), "au-delà de 5 fois"), fr(six).c_str());
    }

    void primacyWordingStatesTheThresholdInBothBranches() {
        // Primacy 6 (12,000 / 2,000) against non-default thresholds, on both sides.
        model::CrunchParameters crunch;
        crunch.macrocephalyPrimacy = 7.5;
        const CrunchDiagnostics below = diagnoseCrunch(territory(), kR1, {}, crunch, 2013);
        QVERIFY(!below.macrocephalic);
        QVERIFY2(contains(fr(below), " : au plus 7,5 fois, l'offre n'est donc pas dominée par une seule "
                                     "ville."),
                 fr(below).c_str());
        QVERIFY2(contains(en(below), ": at most 7.5 times, so the supply is not dominated by a single "
                                     "city."),
                 en(below).c_str());
        QVERIFY(!contains(fr(below), "10 fois"));

        crunch.macrocephalyPrimacy = 4.5;
        const CrunchDiagnostics above = diagnoseCrunch(territory(), kR1, {}, crunch, 2013);
        QVERIFY(above.macrocephalic);
        QVERIFY2(contains(fr(above), " : au-delà de 4,5 fois, le système est dit macrocéphale"),
                 fr(above).c_str());
        QVERIFY2(contains(en(above), ": beyond 4.5 times, the system is called macrocephalic"),
                 en(above).c_str());

        // Exactly on the threshold is not macrocephalic (strictly above), and the text says "at most".
        crunch.macrocephalyPrimacy = 6;
        const CrunchDiagnostics equal = diagnoseCrunch(territory(), kR1, {}, crunch, 2013);
        QVERIFY(!equal.macrocephalic);
        QVERIFY2(contains(fr(equal), "au plus 6 fois"), fr(equal).c_str());
        QVERIFY2(contains(en(equal), "at most 6 times"), en(equal).c_str());
    }

    void evenlySpreadProfessionalsGiveModerateConcentration() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        for (int i = 0; i < 4; ++i)
            addBassin(ds, "5900" + std::to_string(i), "B" + std::to_string(i), "R1", 10.0 * i, 0);
        ds.reindex();
        for (int i = 0; i < 4; ++i)
            addMass(ds, "5900" + std::to_string(i), 2013, 1000, 0);
        const CrunchDiagnostics d = diagnoseCrunch(ds, {}, {}, {}, 2013);
        QCOMPARE(d.herfindahl, 0.25);
        QCOMPARE(d.equivalentPoles, 4.0);
        QCOMPARE(d.polesByType[4], 4);
        QCOMPARE(d.primacy, 1.0);
        QVERIFY2(contains(fr(d), "la concentration reste modérée"), fr(d).c_str());
        QCOMPARE(d.regionCount, 1);
        QVERIFY(!contains(fr(d), "en moyenne")); // no comparison of a territory with itself
        // Nor in the table: the mean of the one région is no reference.
        QVERIFY(!hasReference(d));
        const io::ResultTable types = crunchTables(ds, d, SecrecyRule::off(), Language::Fr).front();
        QCOMPARE(q(types.name), QStringLiteral("crunch_types"));
        for (const io::Row& row : types.rows)
            QVERIFY(row.cells.back().empty);
    }

    void emptySelectionDiagnosesTheWholeDataset() {
        const CrunchDiagnostics d = diagnoseCrunch(territory(), {}, {}, {}, 2013);
        QCOMPARE(int(d.bassins.size()), 7);
        QCOMPARE(d.totalProfessionals, 20900.0);
        QCOMPARE(q(d.secondPole), QStringLiteral("62001"));
        QCOMPARE(d.primacy, 3.0);
        QVERIFY(d.warnings.empty());
    }

    void unknownSelectedBassinIsIgnoredWithAWarning() {
        const CrunchDiagnostics d = diagnoseCrunch(territory(), {"59001", "99999", "59001"}, {}, {}, 2013);
        QCOMPARE(int(d.bassins.size()), 1);
        QCOMPARE(int(d.warnings.size()), 1);
        QCOMPARE(q(d.warnings[0].details.at(0)), QStringLiteral("99999"));
        QCOMPARE(d.primacy, 0.0); // a single pôle: no primacy
        QVERIFY(contains(fr(d), "Le seul pôle, Grandville"));
    }

    void withoutEarlierVintageThereIsNoEvolution() {
        const CrunchDiagnostics d = diagnoseCrunch(territory(), kR1, {}, {}, 2013);
        QVERIFY(!d.hasEvolution);
        QVERIFY(d.changes.empty());
        QVERIFY(d.atRisk.empty());
        QVERIFY(!contains(fr(d), "Entre 2008"));
    }

    void diagnosisCarriesTheClassificationItRestsOn() {
        const model::Dataset ds = territory();
        const CrunchDiagnostics d = diagnoseCrunch(ds, kR1, {}, smallSample(), 2013, 2008);
        const Classification expected = classifyDataset(ds, 2013, {});
        QCOMPARE(d.classification.size(), ds.bassins.size());
        for (std::size_t i = 0; i < ds.bassins.size(); ++i) {
            QCOMPARE(d.classification[i].bv, expected.poles[i].bv);
            QCOMPARE(d.classification[i].type, expected.poles[i].type);
        }
    }

    void findingsSayWhatTheFiguresMean() {
        const CrunchDiagnostics d = diagnoseCrunch(territory(), kR1, {}, smallSample(), 2013, 2008);
        const CrunchFindings& f = d.findings;
        QCOMPARE(f.poleCount, 3);
        QVERIFY(f.compared);
        QVERIFY(f.scope == CrunchScope::Region);
        QCOMPARE(f.reference, 2.0);
        QVERIFY(f.polesAgainstReference == PoleCountComparison::More);
        QCOMPARE(f.macrocephalyThreshold, 10.0);
        QVERIFY(f.highConcentration); // 1.7 equivalent BVs out of 4
        QVERIFY(f.drain == DrainSignature::Visible);
        QCOMPARE(f.correlationPoints, 4);
        QCOMPARE(q(f.names.at("59001")), QStringLiteral("Grandville"));
        QCOMPARE(q(f.names.at("59002")), QStringLiteral("Petitbourg"));

        QVERIFY(
            diagnoseCrunch(territory(12000, 2000, 600), kR1, {}, smallSample(), 2013, 2008).findings.drain ==
            DrainSignature::Absent);
        QVERIFY(diagnoseCrunch(territory(), kR1, {}, {}, 2013).findings.drain == DrainSignature::Unknown);
        QVERIFY(!diagnoseCrunch(territory(), {}, {}, {}, 2013).findings.compared); // itself
        model::CrunchParameters crunch;
        crunch.macrocephalyPrimacy = 7.5;
        QCOMPARE(diagnoseCrunch(territory(), kR1, {}, crunch, 2013).findings.macrocephalyThreshold, 7.5);
    }

    void diagnosisIsWrittenFromTheFindingsAlone() {
        // Diagnostics built by hand, not by diagnoseCrunch: the paragraph depends on nothing else.
        CrunchDiagnostics d;
        d.bassins = {"A", "B"};
        d.polesByType = {1, 1, 0, 0, 0};
        d.vintageTo = 2020;
        d.totalProfessionals = 1000;
        d.firstPole = d.mainPole = "A";
        d.firstMass = 900;
        d.firstPoleShare = 0.9;
        d.herfindahl = 0.82;
        d.equivalentPoles = 1 / 0.82;
        d.hasEvolution = true;
        d.vintageFrom = 2010;
        d.poleChangePercent = 2;
        d.nonPoleChangePercent = -3;
        d.drainCorrelation = -0.1;
        d.findings.poleCount = 1;
        d.findings.highConcentration = true;
        d.findings.drain = DrainSignature::Unclear;
        d.findings.names = {{"A", "Alpha"}};
        QCOMPARE(
            plain(fr(d)),
            QStringLiteral(
                "Sur les 2 bassins de vie étudiés (1 000 professionnels de santé en 2020), 1 est un pôle "
                "d'offre de soins, c'est-à-dire un bassin qui concentre assez de professionnels pour "
                "attirer les patients des alentours : 1 pôle de grande métropole. Le seul pôle, Alpha, "
                "réunit 900 professionnels, soit 90,0 % de ceux du territoire. Tout se passe comme si "
                "les professionnels étaient répartis à parts égales entre seulement 1,2 bassin de vie "
                "sur 2 (indice de concentration de Herfindahl : 0,82) : la concentration est forte. "
                "Entre 2010 et 2020, le nombre de professionnels a évolué de +2,0 % dans les pôles et "
                "de −3,0 % dans les autres bassins de vie. L'évolution dépend peu de la distance à "
                "Alpha (corrélation de −0,10, sur une échelle de −1 à +1) : la périphérie ne "
                "se vide pas nettement au profit du pôle principal."));
        QCOMPARE(q(en(d)),
                 QStringLiteral(
                     "Of the 2 bassins de vie studied (1,000 health professionals in 2020), 1 is a care "
                     "pole, that is an area with enough professionals to draw patients from around it: 1 "
                     "metropolitan pole. The only pole, Alpha, holds 900 professionals, 90.0% of the "
                     "territory's. It is as if the professionals were shared equally among only 1.2 bassins "
                     "de vie out of 2 (Herfindahl concentration index: 0.82): concentration is high. "
                     "Between 2010 and 2020, the number of professionals changed by +2.0% in the poles and "
                     "by -3.0% in the other bassins de vie. Change depends little on the distance to Alpha "
                     "(correlation of -0.10, on a scale from -1 to +1): no clear draining of the periphery "
                     "towards the main pole."));
        // A finding changed alone changes its sentence alone.
        d.findings.highConcentration = false;
        QVERIFY(contains(fr(d), "la concentration reste modérée"));
        QVERIFY(contains(en(d), "concentration remains moderate"));
    }

    void countsAreWrittenWithTheThousandsSeparatorOfTheLanguage() {
        // The national brief read « 201 pôles d'offre de soins sur 1663 bassins de vie » under a panel
        // line saying « 1 663 ».
        CrunchDiagnostics d;
        for (int i = 0; i < 1663; ++i)
            d.bassins.push_back("B" + std::to_string(i));
        d.polesByType = {1462, 3, 1198, 0, 0};
        d.vintageTo = 2018;
        d.totalProfessionals = 250000;
        d.firstPole = d.mainPole = d.bassins[0];
        d.secondPole = d.bassins[1];
        d.firstMass = 36000;
        d.secondMass = 10000;
        d.primacy = 3.6;
        d.firstPoleShare = 0.14;
        d.herfindahl = 0.03;
        d.equivalentPoles = 1 / 0.03;
        d.findings.poleCount = 1201;
        d.findings.names = {{"B0", "Paris"}, {"B1", "Marseille"}};
        QCOMPARE(
            plain(describeCrunchBriefly(d, Language::Fr).front()),
            QStringLiteral("Le territoire compte 1 201 pôles d'offre de soins sur 1 663 bassins de vie."));
        QCOMPARE(q(describeCrunchBriefly(d, Language::En).front()),
                 QStringLiteral("The area has 1,201 healthcare poles among 1,663 bassins de vie."));
        const std::string french = plain(fr(d)).toStdString();
        QVERIFY2(contains(french, "Sur les 1 663 bassins de vie étudiés"), french.c_str());
        QVERIFY(contains(french, "1 201 sont des pôles d'offre de soins"));
        QVERIFY(contains(french, "3 pôles de grande métropole et 1 198 grands pôles"));
        QVERIFY(contains(french, "sur 1 663 (indice de concentration"));
        QVERIFY2(contains(en(d), "Of the 1,663 bassins de vie studied"), en(d).c_str());
        QVERIFY(contains(en(d), "3 metropolitan poles and 1,198 large poles"));
        QVERIFY(contains(en(d), "out of 1,663 (Herfindahl"));
    }

    void emptySelectionOrNoProfessionalSaysSo() {
        CrunchDiagnostics d;
        d.vintageTo = 2020;
        QCOMPARE(q(fr(d)), QStringLiteral("Aucun bassin de vie n'est sélectionné."));
        QCOMPARE(q(en(d)), QStringLiteral("No bassin de vie is selected."));
        d.bassins = {"A"};
        QCOMPARE(q(en(d)), QStringLiteral("No health professional is recorded in 2020 in the bassins de vie "
                                          "studied."));
    }

    void missingEarlierVintageIsReported() {
        const CrunchDiagnostics d = diagnoseCrunch(territory(), kR1, {}, {}, 2013, 1999);
        QVERIFY(!d.hasEvolution);
        QCOMPARE(int(d.warnings.size()), 1);
        QVERIFY(contains(d.warnings[0].message, "1999"));
    }

    void latestVintageIsUsedWhenNoneIsGiven() {
        const CrunchDiagnostics d = diagnoseCrunch(territory(), kR1, {}, {}, 0);
        QCOMPARE(d.vintageTo, 2013);
        QCOMPARE(d.totalProfessionals, 16000.0);
    }

    void scaledThresholdsChangeTheTypesDiagnosed() {
        model::PoleParameters p;
        p.massScale = 0.25; // Confins' 900 now reach a secondary pôle's 250
        const CrunchDiagnostics d = diagnoseCrunch(territory(), kR1, p, {}, 2013);
        QCOMPARE(d.polesByType[0], 0);
        QCOMPARE(d.polesByType[1], 1);
    }
};

QTEST_APPLESS_MAIN(TestCrunch)
#include "test_crunch.moc"
