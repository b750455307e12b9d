// Typology of pôles d'offre (DOMAIN.md §3): thresholds, reasons, aggregation, summaries.
#include "testing.h"

#include "core/analysis/poles.h"
#include "core/analysis/result_tables.h"
#include "core/model/catalogue.h"
#include "core/model/dataset.h"
#include "core/model/text.h"

#include <QElapsedTimer>
#include <QObject>

#include <algorithm>
#include <limits>
#include <numeric>
#include <random>
#include <set>

using namespace maillage;
using namespace maillage::analysis;

namespace maillage::analysis {
//! QCOMPARE prints conditions by name (found by argument-dependent lookup).
char* toString(PoleCondition c) {
    const char* names[] = {"None", "NoProfessional", "TotalAtLeastIntermediate", "PoleShareAtLeast",
                           "PsyShareAtMost"};
    return qstrdup(names[static_cast<int>(c)]);
}
} // namespace maillage::analysis

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

//! The reasons use non-breaking spaces (thousands, before ':' and '%'); compare with plain spaces.
QString plain(const std::string& s) {
    QString out = QString::fromStdString(s);
    out.replace(QChar(0x00a0), QLatin1Char(' '));
    out.replace(QChar(0x202f), QLatin1Char(' '));
    return out;
}

std::string fr(const PoleClassification& c) {
    return describeClassification(c, Language::Fr);
}
std::string en(const PoleClassification& c) {
    return describeClassification(c, Language::En);
}

BassinTotals totals(double n, double pole, double psy = 0) {
    BassinTotals t;
    t.bv = "00000";
    t.total = n;
    t.pole = pole;
    t.psy = psy;
    t.proximite = n - pole;
    return t;
}

PoleType typeOf(double n, double pole, double psy = 0, model::PoleParameters params = {}) {
    return classifyBassin(totals(n, pole, psy), params).type;
}

const char* name(PoleType t) {
    switch (t) {
    case PoleType::GrandeMetropole:
        return "1 (P-GM)";
    case PoleType::GrandPole:
        return "2 (GP)";
    case PoleType::Intermediaire:
        return "3 (Pi)";
    case PoleType::Secondaire:
        return "4 (Ps)";
    case PoleType::HorsPole:
        break;
    }
    return "hors pôle";
}

#define COMPARE_TYPE(actual, expected)                                                                       \
    QCOMPARE(QString::fromLatin1(name(actual)), QString::fromLatin1(name(expected)))

//! One BV per commune, same code, so counts are easy to follow.
void addBassin(model::Dataset& ds, const std::string& code, const std::string& name, const std::string& reg) {
    model::Bassin b;
    b.code = code;
    b.name = name;
    b.reg = reg;
    b.communes = {code};
    ds.bassins.push_back(b);
    model::Commune c;
    c.code = code;
    c.name = name;
    c.bv = code;
    c.reg = reg;
    ds.communes.push_back(c);
}

void addCount(model::Dataset& ds, const std::string& place, const std::string& profession, int vintage,
              double count) {
    ds.counts.push_back({place, profession, vintage, count});
}

double professionCount(const model::Dataset& ds, const BassinTotals& t, const std::string& code) {
    const int i = ds.catalogue.indexOf(code);
    return i < 0 ? -1 : t.byProfession[static_cast<std::size_t>(i)];
}

const Warning* findWarning(const Warnings& warnings, const std::string& detail) {
    for (const Warning& w : warnings)
        if (std::find(w.details.begin(), w.details.end(), detail) != w.details.end())
            return &w;
    return nullptr;
}

} // namespace

class TestPoles : public QObject {
    Q_OBJECT

private slots:
    // ---- labels ----
    void labelsNameEveryTypeInFrenchEnglishAndShort() {
        QCOMPARE(q(poleTypeLabelFr(PoleType::GrandeMetropole)), QStringLiteral("Pôle de grande métropole"));
        QCOMPARE(q(poleTypeLabelFr(PoleType::GrandPole)), QStringLiteral("Grand pôle"));
        QCOMPARE(q(poleTypeLabelFr(PoleType::Intermediaire)), QStringLiteral("Pôle intermédiaire"));
        QCOMPARE(q(poleTypeLabelFr(PoleType::Secondaire)), QStringLiteral("Pôle secondaire"));
        QCOMPARE(q(poleTypeLabelFr(PoleType::HorsPole)), QStringLiteral("Hors pôle"));
        QCOMPARE(q(poleTypeLabelEn(PoleType::GrandeMetropole)), QStringLiteral("Metropolitan pole"));
        QCOMPARE(q(poleTypeLabelEn(PoleType::HorsPole)), QStringLiteral("No pole"));
        QCOMPARE(q(poleTypeShort(PoleType::GrandeMetropole)), QStringLiteral("P-GM"));
        QCOMPARE(q(poleTypeShort(PoleType::GrandPole)), QStringLiteral("GP"));
        QCOMPARE(q(poleTypeShort(PoleType::Intermediaire)), QStringLiteral("Pi"));
        QCOMPARE(q(poleTypeShort(PoleType::Secondaire)), QStringLiteral("Ps"));
        QCOMPARE(q(poleTypeShort(PoleType::HorsPole)), QStringLiteral("—"));
    }

    // ---- thresholds, DOMAIN.md §3 ----
    void metropoleThresholdIsStrict() {
        COMPARE_TYPE(typeOf(10000, 2000), PoleType::GrandPole);
        COMPARE_TYPE(typeOf(10000.5, 2000), PoleType::GrandeMetropole);
        COMPARE_TYPE(typeOf(10001, 2000), PoleType::GrandeMetropole);
    }

    void grandPoleLowerBoundIsInclusiveAndIgnoresShares() {
        COMPARE_TYPE(typeOf(3000, 0), PoleType::GrandPole);
        COMPARE_TYPE(typeOf(3000, 0, 0), PoleType::GrandPole);
        COMPARE_TYPE(typeOf(5000, 2500, 2500), PoleType::GrandPole); // 50 % psychiatric: still a grand pôle
    }

    void justBelowGrandPoleFallsToIntermediateOrSecondary() {
        COMPARE_TYPE(typeOf(2999.5, 750), PoleType::Intermediaire); // 25 % pôle professions
        COMPARE_TYPE(typeOf(2999.5, 300), PoleType::Secondaire);    // 10 %
        COMPARE_TYPE(typeOf(2999, 750), PoleType::Intermediaire);
    }

    void intermediateMinimumCountIsInclusive() {
        COMPARE_TYPE(typeOf(1500, 300), PoleType::Intermediaire); // exactly 20 %
        COMPARE_TYPE(typeOf(1499, 375), PoleType::Secondaire);    // 25 %, but too few
        COMPARE_TYPE(typeOf(1499.5, 375), PoleType::Secondaire);
    }

    void intermediatePoleShareOfExactlyTwentyPercentQualifies() {
        COMPARE_TYPE(typeOf(1500, 300), PoleType::Intermediaire);
        COMPARE_TYPE(typeOf(2000, 400), PoleType::Intermediaire);
        COMPARE_TYPE(typeOf(2000, 399.8), PoleType::Secondaire);  // 19.99 %
        COMPARE_TYPE(typeOf(1500, 299.85), PoleType::Secondaire); // 19.99 %
    }

    void intermediatePsychiatricShareAboveTwentyPercentDisqualifies() {
        // pôle professions 30 % in all cases (psychiatric nurses are among them)
        COMPARE_TYPE(typeOf(2000, 600, 400), PoleType::Intermediaire); // exactly 20 %
        COMPARE_TYPE(typeOf(2000, 600, 400.2), PoleType::Secondaire);  // 20.01 %
        COMPARE_TYPE(typeOf(2000, 600, 401), PoleType::Secondaire);
    }

    // Every threshold of DOMAIN.md §3 at, just below and just above (one professional, or half a one
    // where counts are full-time equivalents), with massScale 1 and 0.25: the type and the first
    // condition of rule 3 that failed.
    void thresholdBoundaries_data() {
        QTest::addColumn<double>("massScale");
        QTest::addColumn<double>("n");
        QTest::addColumn<double>("pole");
        QTest::addColumn<double>("psy");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("failed");
        using C = PoleCondition;
        const auto row = [](const char* what, double s, double n, double pole, double psy, PoleType type,
                            PoleCondition failed) {
            QTest::addRow("%s, scale %g", what, s)
                << s << n << pole << psy << static_cast<int>(type) << static_cast<int>(failed);
        };
        for (const double s : {1.0, 0.25}) {
            // Rule 1: N > 10,000 (strict); pôle professions do not matter.
            const double m = 10000 * s;
            row("metropole just below", s, m - 1, 0, 0, PoleType::GrandPole, C::None);
            row("metropole at", s, m, 0, 0, PoleType::GrandPole, C::None);
            row("metropole half above", s, m + 0.5, 0, 0, PoleType::GrandeMetropole, C::None);
            row("metropole just above", s, m + 1, 0, 0, PoleType::GrandeMetropole, C::None);
            // Rule 2: N >= 3,000 (inclusive), whatever the shares; below, rule 3 decides.
            const double g = 3000 * s;
            row("grand pole just below, shares met", s, g - 1, (g - 1) / 4, 0, PoleType::Intermediaire,
                C::None);
            row("grand pole just below, shares failed", s, g - 1, 0, 0, PoleType::Secondaire,
                C::PoleShareAtLeast);
            row("grand pole at, shares failed", s, g, 0, g / 2, PoleType::GrandPole, C::None);
            row("grand pole just above", s, g + 1, 0, 0, PoleType::GrandPole, C::None);
            // Rule 3, first condition: N >= 1,500 (inclusive), shares met (25 %, no psychiatry).
            const double i = 1500 * s;
            row("intermediate count just below", s, i - 1, (i - 1) / 4, 0, PoleType::Secondaire,
                C::TotalAtLeastIntermediate);
            row("intermediate count at", s, i, i / 4, 0, PoleType::Intermediaire, C::None);
            row("intermediate count just above", s, i + 1, (i + 1) / 4, 0, PoleType::Intermediaire, C::None);
            // Rule 3, pôle share >= 20 % (inclusive, never scaled), N = 2,000 (scaled).
            const double n = 2000 * s;
            row("pole share just below 20 %", s, n, 0.2 * n - 1, 0, PoleType::Secondaire,
                C::PoleShareAtLeast);
            row("pole share at 20 %", s, n, 0.2 * n, 0, PoleType::Intermediaire, C::None);
            row("pole share just above 20 %", s, n, 0.2 * n + 1, 0, PoleType::Intermediaire, C::None);
            // Rule 3, psychiatric share <= 20 % (inclusive, never scaled); pôle professions 50 %.
            row("psy share just below 20 %", s, n, n / 2, 0.2 * n - 1, PoleType::Intermediaire, C::None);
            row("psy share at 20 %", s, n, n / 2, 0.2 * n, PoleType::Intermediaire, C::None);
            row("psy share just above 20 %", s, n, n / 2, 0.2 * n + 1, PoleType::Secondaire,
                C::PsyShareAtMost);
            // Rule 4: N_exPsy >= 1,000 (inclusive), without and with psychiatric nurses (N below rule 3).
            const double x = 1000 * s;
            row("secondary just below", s, x - 1, 0, 0, PoleType::HorsPole, C::TotalAtLeastIntermediate);
            row("secondary at", s, x, 0, 0, PoleType::Secondaire, C::TotalAtLeastIntermediate);
            row("secondary just above", s, x + 1, 0, 0, PoleType::Secondaire, C::TotalAtLeastIntermediate);
            const double withPsy = 1200 * s, psy = 200 * s,
                         polePsy = 300 * s; // nurses among pôle professions
            row("secondary excluding psy just below", s, withPsy, polePsy, psy + 1, PoleType::HorsPole,
                C::TotalAtLeastIntermediate);
            row("secondary excluding psy at", s, withPsy, polePsy, psy, PoleType::Secondaire,
                C::TotalAtLeastIntermediate);
            row("secondary excluding psy just above", s, withPsy, polePsy, psy - 1, PoleType::Secondaire,
                C::TotalAtLeastIntermediate);
            // A BV that fails rule 3 on a share and rule 4 on N_exPsy: hors pôle, the share named first.
            row("psy share above 20 % and secondary below", s, i, i / 2, i - x + 1, PoleType::HorsPole,
                C::PsyShareAtMost);
        }
    }

    void thresholdBoundaries() {
        QFETCH(double, massScale);
        QFETCH(double, n);
        QFETCH(double, pole);
        QFETCH(double, psy);
        QFETCH(int, type);
        QFETCH(int, failed);
        model::PoleParameters params;
        params.massScale = massScale;
        const PoleClassification c = classifyBassin(totals(n, pole, psy), params);
        COMPARE_TYPE(c.type, static_cast<PoleType>(type));
        QCOMPARE(c.decision.failed, static_cast<PoleCondition>(failed));
    }

    void fractionalSumsOnAThresholdCountAsReachingIt() {
        // 0.1 added 15,000 times is not exactly 1,500 in binary floating point
        double n = 0;
        for (int i = 0; i < 15000; ++i)
            n += 0.1;
        QVERIFY(n != 1500.0);
        COMPARE_TYPE(typeOf(n, 300), PoleType::Intermediaire);
    }

    void secondaryNeedsAThousandProfessionalsOutsidePsychiatry() {
        COMPARE_TYPE(typeOf(1000, 0), PoleType::Secondaire);
        COMPARE_TYPE(typeOf(999, 0), PoleType::HorsPole);
        COMPARE_TYPE(typeOf(999.5, 0), PoleType::HorsPole);
        COMPARE_TYPE(typeOf(1200, 200, 200), PoleType::Secondaire); // N_exPsy = 1,000
        COMPARE_TYPE(typeOf(1200, 201, 201), PoleType::HorsPole);   // N_exPsy = 999
    }

    void zeroProfessionalsIsNeverAPole() {
        const PoleClassification c = classifyBassin(totals(0, 0), {});
        COMPARE_TYPE(c.type, PoleType::HorsPole);
        QCOMPARE(c.poleShare, 0.0);
        QCOMPARE(c.psyShare, 0.0);
        QCOMPARE(plain(fr(c)), QStringLiteral("Hors pôle : aucun professionnel recensé."));
        model::PoleParameters zero;
        zero.secondaryExPsyMin = 0;
        COMPARE_TYPE(classifyBassin(totals(0, 0), zero).type, PoleType::HorsPole);
    }

    void classificationCarriesFiguresAndShares() {
        const PoleClassification c = classifyBassin(totals(2000, 600, 100), {});
        QCOMPARE(c.total, 2000.0);
        QCOMPARE(c.pole, 600.0);
        QCOMPARE(c.psy, 100.0);
        QCOMPARE(c.exPsy, 1900.0);
        QCOMPARE(c.poleShare, 0.3);
        QCOMPARE(c.psyShare, 0.05);
    }

    // ---- the three cases DOMAIN.md says users must see explained ----
    void domainExampleNineteenPercentPoleProfessionsIsSecondary() {
        const PoleClassification c = classifyBassin(totals(2919, 566), {}); // 19.39 %
        COMPARE_TYPE(c.type, PoleType::Secondaire);
        QCOMPARE(plain(fr(c)),
                 QStringLiteral(
                     "Pôle secondaire : 2 919 professionnels, entre 1 500 et 3 000, mais les professions "
                     "de pôle ne font que 19,4 % du total (il en faut au moins 20 %) pour un pôle "
                     "intermédiaire ; 2 919 professionnels hors infirmiers psychiatriques, au moins "
                     "1 000."));
        QCOMPARE(q(en(c)),
                 QStringLiteral(
                     "Secondary pole: 2,919 professionals, between 1,500 and 3,000, but pole professions "
                     "are only 19.4% of the total (at least 20% needed) for an intermediate pole; 2,919 "
                     "professionals excluding psychiatric nurses, at least 1,000."));
        // the figures are formatted the French way, with non-breaking spaces that never wrap
        QVERIFY(fr(c).find(text::formatFr(2919)) != std::string::npos);
        QVERIFY(fr(c).find("19,4\u00a0%") != std::string::npos);
    }

    void domainExampleLargePsychiatricHospitalIsSecondary() {
        const PoleClassification c = classifyBassin(totals(2995, 1200, 749), {}); // psy 25.0 %
        COMPARE_TYPE(c.type, PoleType::Secondaire);
        QCOMPARE(plain(fr(c)),
                 QStringLiteral(
                     "Pôle secondaire : 2 995 professionnels, entre 1 500 et 3 000, mais les infirmiers "
                     "psychiatriques en représentent 25,0 % (au plus 20 % pour un pôle intermédiaire) ; "
                     "2 246 professionnels hors infirmiers psychiatriques, au moins 1 000."));
        QVERIFY(en(c).find("psychiatric nurses make up 25.0%") != std::string::npos);
    }

    void domainExampleElevenHundredWithPsychiatricNursesIsNoPole() {
        const PoleClassification c = classifyBassin(totals(1100, 400, 150), {});
        COMPARE_TYPE(c.type, PoleType::HorsPole);
        QCOMPARE(c.exPsy, 950.0);
        QCOMPARE(plain(fr(c)),
                 QStringLiteral(
                     "Hors pôle : 950 professionnels hors infirmiers psychiatriques (1 100 au total dont "
                     "150 infirmiers psychiatriques), moins que les 1 000 requis pour un pôle "
                     "secondaire."));
        QCOMPARE(q(en(c)),
                 QStringLiteral(
                     "No pole: 950 professionals excluding psychiatric nurses (1,100 in total, of whom 150 "
                     "psychiatric nurses), fewer than the 1,000 needed for a secondary pole."));
    }

    // ---- the decision, apart from its wording ----
    void decisionNamesTheFirstConditionOfRuleThreeThatFailed() {
        QCOMPARE(classifyBassin(totals(2919, 566), {}).decision.failed, PoleCondition::PoleShareAtLeast);
        QCOMPARE(classifyBassin(totals(2995, 1200, 749), {}).decision.failed, PoleCondition::PsyShareAtMost);
        QCOMPARE(classifyBassin(totals(1100, 400, 150), {}).decision.failed,
                 PoleCondition::TotalAtLeastIntermediate);
        // the pôle share is checked before the psychiatric share
        QCOMPARE(classifyBassin(totals(2000, 300, 500), {}).decision.failed, PoleCondition::PoleShareAtLeast);
        QCOMPARE(classifyBassin(totals(0, 0), {}).decision.failed, PoleCondition::NoProfessional);
        for (const auto& t : {totals(24812, 9000), totals(4000, 1000), totals(2000, 500, 100)})
            QCOMPARE(classifyBassin(t, {}).decision.failed, PoleCondition::None);
    }

    void decisionCarriesTheThresholdsAsApplied() {
        model::PoleParameters p;
        p.massScale = 0.25;
        p.intermediatePoleShareMin = 0.125;
        const PoleThresholds t = classifyBassin(totals(700, 100), p).decision.thresholds;
        QCOMPARE(t.metropole, 2500.0);
        QCOMPARE(t.grandPole, 750.0);
        QCOMPARE(t.intermediate, 375.0);
        QCOMPARE(t.secondary, 250.0);
        QCOMPARE(t.poleShareMin, 0.125); // shares are never scaled
        QCOMPARE(t.psyShareMax, 0.2);
        QCOMPARE(t.massScale, 0.25);
    }

    void reasonIsWrittenFromTheDecisionAlone() {
        // A classification built by hand, not by classifyBassin: the sentence depends on nothing else.
        PoleClassification c;
        c.type = PoleType::Secondaire;
        c.total = c.exPsy = 1800;
        c.pole = 180;
        c.poleShare = 0.1;
        c.decision.failed = PoleCondition::PoleShareAtLeast;
        c.decision.thresholds = {8000, 2400, 1200, 800, 0.15, 0.2, 0.8};
        QCOMPARE(plain(fr(c)),
                 QStringLiteral("Pôle secondaire : 1 800 professionnels, entre 1 200 et 2 400, mais les "
                                "professions de pôle ne font que 10,0 % du total (il en faut au moins 15 %) "
                                "pour un pôle intermédiaire ; 1 800 professionnels hors infirmiers "
                                "psychiatriques, au moins 800 (seuils de l'étude multipliés par 0,8 pour "
                                "cette source de données)."));
        QCOMPARE(
            q(en(c)),
            QStringLiteral("Secondary pole: 1,800 professionals, between 1,200 and 2,400, but pole "
                           "professions are only 10.0% of the total (at least 15% needed) for an "
                           "intermediate pole; 1,800 professionals excluding psychiatric nurses, at least "
                           "800 (study thresholds multiplied by 0.8 for this data source)."));
        c.decision.failed = PoleCondition::TotalAtLeastIntermediate;
        QVERIFY2(
            plain(fr(c)).startsWith(QStringLiteral("Pôle secondaire : 1 800 professionnels, moins que les "
                                                   "1 200 requis pour un pôle intermédiaire ;")),
            fr(c).c_str());
    }

    // ---- reasons of the other rules ----
    void reasonsOfRulesThatHoldStateTheFiguresAndBounds() {
        QCOMPARE(plain(fr(classifyBassin(totals(24812, 9000), {}))),
                 QStringLiteral("Pôle de grande métropole : 24 812 professionnels, plus de 10 000."));
        QCOMPARE(plain(fr(classifyBassin(totals(4000, 1000), {}))),
                 QStringLiteral("Grand pôle : 4 000 professionnels, entre 3 000 et 10 000."));
        QCOMPARE(q(en(classifyBassin(totals(4000, 1000), {}))),
                 QStringLiteral("Large pole: 4,000 professionals, between 3,000 and 10,000."));
        QCOMPARE(plain(fr(classifyBassin(totals(2000, 500, 100), {}))),
                 QStringLiteral(
                     "Pôle intermédiaire : 2 000 professionnels, entre 1 500 et 3 000, dont 25,0 % dans "
                     "les professions de pôle (au moins 20 %) et 5,0 % d'infirmiers psychiatriques (au "
                     "plus 20 %)."));
    }

    void secondaryReasonSaysWhenTooFewForIntermediate() {
        const PoleClassification c = classifyBassin(totals(1200, 600), {});
        COMPARE_TYPE(c.type, PoleType::Secondaire);
        QCOMPARE(
            plain(fr(c)),
            QStringLiteral("Pôle secondaire : 1 200 professionnels, moins que les 1 500 requis pour un pôle "
                           "intermédiaire ; 1 200 professionnels hors infirmiers psychiatriques, au moins "
                           "1 000."));
    }

    void noPoleReasonWithoutPsychiatricNursesIsShort() {
        const PoleClassification c = classifyBassin(totals(800, 100), {});
        QCOMPARE(plain(fr(c)),
                 QStringLiteral(
                     "Hors pôle : 800 professionnels, moins que les 1 000 requis pour un pôle secondaire."));
    }

    void noPoleReasonExplainsFailedIntermediateFirst() {
        // 1,600 professionals, 43.75 % psychiatric nurses: not intermediate, and only 900 outside psychiatry
        const PoleClassification c = classifyBassin(totals(1600, 800, 700), {});
        COMPARE_TYPE(c.type, PoleType::HorsPole);
        QVERIFY2(
            plain(fr(c)).startsWith(QStringLiteral("Hors pôle : 1 600 professionnels, entre 1 500 et 3 000, "
                                                   "mais les infirmiers psychiatriques en "
                                                   "représentent 43,8 %")),
            qPrintable(q(fr(c))));
        QVERIFY2(plain(fr(c)).endsWith(QStringLiteral(
                     "900 professionnels hors infirmiers psychiatriques (1 600 au total dont 700 infirmiers "
                     "psychiatriques), moins que les 1 000 requis pour un pôle secondaire.")),
                 qPrintable(q(fr(c))));
    }

    void shareJustBelowThresholdIsNotShownAsTheThreshold() {
        const PoleClassification c = classifyBassin(totals(2000, 399.8), {}); // 19.99 %
        QVERIFY2(fr(c).find("19,99\u00a0%") != std::string::npos, fr(c).c_str());
        QVERIFY2(en(c).find("19.99%") != std::string::npos, en(c).c_str());
    }

    void singularWordingForOneProfessional() {
        const PoleClassification c = classifyBassin(totals(1, 0), {});
        QCOMPARE(plain(fr(c)),
                 QStringLiteral(
                     "Hors pôle : 1 professionnel, moins que les 1 000 requis pour un pôle secondaire."));
    }

    // ---- thresholds a reason states ----
    void reasonUnchangedByThresholdsItDoesNotState() {
        // Every type and failed condition, with and without psychiatric nurses counted, at two mass scales:
        // the thresholds statedThresholds leaves out can change without changing the reason; each one it
        // keeps appears in the reason (changing it changes the sentence).
        const double figures[][3] = {{0, 0, 0},      {12000, 5000, 0}, {4000, 1000, 0},  {2000, 600, 100},
                                     {2000, 200, 0}, {2000, 800, 700}, {1200, 100, 300}, {1200, 800, 0},
                                     {500, 100, 0},  {999.5, 10, 0},   {1500, 300, 300}, {2999, 600, 600}};
        int checked = 0, keptChecked = 0;
        std::set<std::pair<int, int>> cases;
        for (const auto& f : figures)
            for (const double scale : {1.0, 0.5})
                for (const bool psyCounted : {true, false}) {
                    model::PoleParameters params;
                    params.massScale = scale;
                    PoleClassification c = classifyBassin(totals(f[0], f[1], f[2]), params);
                    c.psyCounted = psyCounted;
                    cases.insert({static_cast<int>(c.type), static_cast<int>(c.decision.failed)});
                    const PoleThresholds stated = statedThresholds(c);
                    QCOMPARE(stated.massScale, c.decision.thresholds.massScale);
                    double PoleThresholds::*const members[] = {
                        &PoleThresholds::metropole,    &PoleThresholds::grandPole,
                        &PoleThresholds::intermediate, &PoleThresholds::secondary,
                        &PoleThresholds::poleShareMin, &PoleThresholds::psyShareMax};
                    for (double PoleThresholds::*m : members) {
                        PoleClassification changed = c;
                        changed.decision.thresholds.*m = c.decision.thresholds.*m * 1.37 + 0.011;
                        for (const Language language : {Language::Fr, Language::En}) {
                            const bool same = describeClassification(changed, language) ==
                                              describeClassification(c, language);
                            if (stated.*m == 0) {
                                QVERIFY2(same, describeClassification(c, language).c_str());
                                ++checked;
                            } else {
                                QCOMPARE(stated.*m, c.decision.thresholds.*m);
                                QVERIFY2(!same, describeClassification(c, language).c_str());
                                ++keptChecked;
                            }
                        }
                    }
                }
        QVERIFY(checked > 100);
        QVERIFY(keptChecked > 100);
        QVERIFY(cases.size() >= 8); // types 1-4 and hors pôle, by the condition that failed
        // A grand pôle threshold is not in the reason of a BV far below it.
        PoleClassification small = classifyBassin(totals(500, 100), {});
        QCOMPARE(statedThresholds(small).grandPole, 0.0);
    }

    // ---- massScale ----
    void massScaleMultipliesTheFourCountThresholds() {
        model::PoleParameters p;
        p.massScale = 0.25; // 10,000 -> 2,500; 3,000 -> 750; 1,500 -> 375; 1,000 -> 250
        COMPARE_TYPE(typeOf(2501, 0, 0, p), PoleType::GrandeMetropole);
        COMPARE_TYPE(typeOf(2500, 0, 0, p), PoleType::GrandPole);
        COMPARE_TYPE(typeOf(750, 0, 0, p), PoleType::GrandPole);
        COMPARE_TYPE(typeOf(749, 150, 0, p), PoleType::Intermediaire);
        COMPARE_TYPE(typeOf(375, 75, 0, p), PoleType::Intermediaire);
        COMPARE_TYPE(typeOf(374, 75, 0, p), PoleType::Secondaire);
        COMPARE_TYPE(typeOf(250, 0, 0, p), PoleType::Secondaire);
        COMPARE_TYPE(typeOf(249, 0, 0, p), PoleType::HorsPole);
    }

    void massScaleLeavesTheShareThresholdsAlone() {
        model::PoleParameters p;
        p.massScale = 0.25;
        COMPARE_TYPE(typeOf(400, 80, 0, p), PoleType::Intermediaire);   // 20 %
        COMPARE_TYPE(typeOf(400, 79, 0, p), PoleType::Secondaire);      // 19.75 %
        COMPARE_TYPE(typeOf(400, 120, 80, p), PoleType::Intermediaire); // psy 20 %
        COMPARE_TYPE(typeOf(400, 120, 81, p), PoleType::Secondaire);    // psy 20.25 %
    }

    void massScaleReasonStatesScaledThresholds() {
        model::PoleParameters p;
        p.massScale = 0.25;
        const PoleClassification c = classifyBassin(totals(700, 100), p); // 14.3 %
        COMPARE_TYPE(c.type, PoleType::Secondaire);
        QCOMPARE(
            plain(fr(c)),
            QStringLiteral("Pôle secondaire : 700 professionnels, entre 375 et 750, mais les professions de "
                           "pôle ne font que 14,3 % du total (il en faut au moins 20 %) pour un pôle "
                           "intermédiaire ; 700 professionnels hors infirmiers psychiatriques, au moins 250 "
                           "(seuils de l'étude multipliés par 0,25 pour cette source de données)."));
        QVERIFY(en(c).find("(study thresholds multiplied by 0.25 for this data source)") !=
                std::string::npos);
        // unscaled reasons do not mention any scaling
        QVERIFY(fr(classifyBassin(totals(700, 100), {})).find("multipliés") == std::string::npos);
    }

    void customShareThresholdsAppearInReasons() {
        model::PoleParameters p;
        p.intermediatePoleShareMin = 0.125;
        const PoleClassification c = classifyBassin(totals(2000, 200), p); // 10 %
        COMPARE_TYPE(c.type, PoleType::Secondaire);
        QVERIFY2(fr(c).find("au moins 12,5\u00a0%") != std::string::npos, fr(c).c_str());
        COMPARE_TYPE(classifyBassin(totals(2000, 250), p).type, PoleType::Intermediaire);
    }

    void classifyPolesKeepsInputOrder() {
        std::vector<BassinTotals> input{totals(12000, 1), totals(10, 0), totals(2000, 500)};
        input[0].bv = "A";
        input[1].bv = "B";
        input[2].bv = "C";
        const auto out = classifyPoles(input, {});
        QCOMPARE(int(out.size()), 3);
        QCOMPARE(q(out[0].bv), QStringLiteral("A"));
        QCOMPARE(q(out[2].bv), QStringLiteral("C"));
        COMPARE_TYPE(out[0].type, PoleType::GrandeMetropole);
        COMPARE_TYPE(out[1].type, PoleType::HorsPole);
        COMPARE_TYPE(out[2].type, PoleType::Intermediaire);
    }

    // ---- aggregation ----
    void aggregationSumsCommunesIntoTheirBassinByProfession() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "59350", "Lille", "32");
        addBassin(ds, "62041", "Arras", "32");
        model::Commune extra; // a second commune of Lille's BV
        extra.code = "59009";
        extra.bv = "59350";
        ds.communes.push_back(extra);
        ds.bassins[0].communes.push_back("59009");
        ds.reindex();
        addCount(ds, "59350", "medecin_generaliste", 2013, 100);
        addCount(ds, "59350", "medecin_specialiste", 2013, 50);
        addCount(ds, "59009", "medecin_generaliste", 2013, 10);
        addCount(ds, "59009", "infirmier_psychiatrique", 2013, 7);
        addCount(ds, "62041", "infirmier", 2013, 30);
        addCount(ds, "62041", "sage_femme", 2013, 4);
        addCount(ds, "59350", "medecin_generaliste", 2008, 1000); // other vintage: ignored

        const Aggregation a = aggregateByBassin(ds, 2013);
        QVERIFY(a.warnings.empty());
        QCOMPARE(int(a.bassins.size()), 2);
        const BassinTotals& lille = a.bassins[0];
        QCOMPARE(q(lille.bv), QStringLiteral("59350"));
        QCOMPARE(lille.total, 167.0);
        QCOMPARE(lille.pole, 57.0); // specialists + psychiatric nurses
        QCOMPARE(lille.psy, 7.0);
        QCOMPARE(lille.proximite, 110.0);
        QCOMPARE(int(lille.byProfession.size()), int(ds.catalogue.professions().size()));
        QCOMPARE(professionCount(ds, lille, "medecin_generaliste"), 110.0);
        QCOMPARE(professionCount(ds, lille, "infirmier_psychiatrique"), 7.0);
        const BassinTotals& arras = a.bassins[1];
        QCOMPARE(arras.total, 34.0);
        QCOMPARE(arras.pole, 4.0);
        QCOMPARE(arras.psy, 0.0);
        QCOMPARE(professionCount(ds, arras, "infirmier"), 30.0);

        const Aggregation old = aggregateByBassin(ds, 2008);
        QCOMPARE(old.bassins[0].total, 1000.0);
        QCOMPARE(old.bassins[1].total, 0.0);
        QCOMPARE(int(old.bassins[1].byProfession.size()), int(ds.catalogue.professions().size()));
    }

    void psychiatricNursesTheDataDoNotCountAreAbsentNotZero() {
        // The BPE counts no psychiatric nurse: its "Psy %" read 0,00 % in every BV. 2008 counts them (none
        // in Arras: 0 there is a figure).
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "59350", "Lille", "32");
        addBassin(ds, "62041", "Arras", "32");
        ds.reindex();
        addCount(ds, "59350", "medecin_generaliste", 2013, 100);
        addCount(ds, "59350", "medecin_specialiste", 2013, 50);
        addCount(ds, "62041", "infirmier", 2013, 30);
        addCount(ds, "59350", "medecin_generaliste", 2008, 100);
        addCount(ds, "59350", "infirmier_psychiatrique", 2008, 7);
        addCount(ds, "62041", "infirmier", 2008, 30);
        const SecrecyRule open = SecrecyRule::off();

        const Classification bpe = classifyDataset(ds, 2013, {});
        QVERIFY(!bpe.aggregation.psyCounted);
        io::ResultTable t = classificationTable(ds, bpe.poles, open, Language::Fr);
        // The count without psychiatric nurses is unknown too: the total was the same figure, wrong.
        for (const char* key : {"psy", "ex_psy", "psy_share"})
            for (const io::Row& row : t.rows) {
                const io::Cell& cell = row.cells[static_cast<std::size_t>(t.column(key))];
                QVERIFY2(cell.empty && !cell.masked, key); // written empty (CSV) or "" (tables), not 0
            }
        QVERIFY(!t.rows[0].cells[static_cast<std::size_t>(t.column("pole_share"))].empty);
        QCOMPARE(int(t.notes.size()), 1);
        QVERIFY(
            plain(word(t.notes[0], Language::Fr)).contains(QStringLiteral("ne comptent pas les infirmiers")));

        const Classification counted = classifyDataset(ds, 2008, {});
        QVERIFY(counted.aggregation.psyCounted);
        t = classificationTable(ds, counted.poles, open, Language::Fr);
        const auto psyShare = static_cast<std::size_t>(t.column("psy_share"));
        QCOMPARE(t.rows[1].cells[psyShare].number, 0.0); // Arras: none counted, a figure
        QVERIFY(!t.rows[1].cells[psyShare].empty);
        QVERIFY(t.notes.empty());
    }

    void reasonsSayThePsychiatricConditionCouldNotBeCheckedWhenTheDataCountNone() {
        // BPE data: no psychiatric nurse counted. The reasons read "0,0 % d'infirmiers psychiatriques" as if
        // the condition N_psy / N <= 20 % were met; it could not be checked.
        PoleClassification pi = classifyBassin(totals(2000, 800), {});
        QCOMPARE(pi.type, PoleType::Intermediaire);
        pi.psyCounted = false;
        QCOMPARE(
            plain(fr(pi)),
            QStringLiteral("Pôle intermédiaire : 2 000 professionnels, entre 1 500 et 3 000, dont 40,0 % "
                           "dans les professions de pôle (au moins 20 %) ; la part des infirmiers "
                           "psychiatriques (au plus 20 %) n'a pas pu être vérifiée, les données ne les "
                           "comptant pas."));
        QVERIFY2(q(en(pi)).contains(QStringLiteral(
                     "; the share of psychiatric nurses (at most 20%) could not be checked, the data not "
                     "counting them")),
                 en(pi).c_str());
        PoleClassification ps = classifyBassin(totals(1200, 100), {});
        QCOMPARE(ps.type, PoleType::Secondaire);
        ps.psyCounted = false;
        QVERIFY2(!plain(fr(ps)).contains(QStringLiteral("hors infirmiers psychiatriques, au moins")),
                 fr(ps).c_str());
        QVERIFY2(
            plain(fr(ps)).contains(QStringLiteral("1 200 professionnels, au moins 1 000 (les infirmiers "
                                                  "psychiatriques, que les données ne comptent pas, n'ont "
                                                  "pas pu être retirés")),
            fr(ps).c_str());
        QVERIFY2(q(en(ps)).contains(QStringLiteral("could not be taken out")), en(ps).c_str());
        for (const PoleClassification& c : {pi, ps})
            QVERIFY2(!plain(fr(c)).contains(QStringLiteral(" 0,0 %")) &&
                         !q(en(c)).contains(QStringLiteral(" 0.0%")),
                     fr(c).c_str());
    }

    void aggregationOfVintageZeroUsesTheLatest() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "59350", "Lille", "32");
        ds.reindex();
        addCount(ds, "59350", "medecin_generaliste", 2008, 5);
        addCount(ds, "59350", "medecin_generaliste", 2013, 9);
        QCOMPARE(aggregateByBassin(ds, 0).bassins[0].total, 9.0);
    }

    void aggregationWarnsOnceListingUnknownCommunes() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "59350", "Lille", "32");
        ds.reindex();
        addCount(ds, "59350", "medecin_generaliste", 2013, 10);
        addCount(ds, "59999", "medecin_generaliste", 2013, 3);
        addCount(ds, "59999", "pharmacien", 2013, 2);
        addCount(ds, "02001", "pharmacien", 2013, 1);
        addCount(ds, "77777", "pharmacien", 2008, 1); // other vintage: not reported
        const Aggregation a = aggregateByBassin(ds, 2013);
        QCOMPARE(a.bassins[0].total, 10.0);
        QCOMPARE(int(a.warnings.size()), 1);
        const Warning& w = a.warnings[0];
        QCOMPARE(int(w.kind), int(ErrorKind::Join));
        QCOMPARE(int(w.details.size()), 2);
        QCOMPARE(q(w.details[0]), QStringLiteral("02001"));
        QCOMPARE(q(w.details[1]), QStringLiteral("59999"));
        QVERIFY2(w.message.find("3 count records") != std::string::npos, w.message.c_str());
        QVERIFY2(w.message.find("6 professionals") != std::string::npos, w.message.c_str());
        QVERIFY2(w.message.find("2 communes") != std::string::npos, w.message.c_str());
    }

    void aggregationWarnsOnceListingUnknownProfessions() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "59350", "Lille", "32");
        ds.reindex();
        addCount(ds, "59350", "medecin_generaliste", 2013, 10);
        addCount(ds, "59350", "astrologue", 2013, 3);
        addCount(ds, "59350", "sorcier", 2013, 3);
        addCount(ds, "59350", "astrologue", 2013, 1);
        const Aggregation a = aggregateByBassin(ds, 2013);
        QCOMPARE(a.bassins[0].total, 10.0);
        QCOMPARE(int(a.warnings.size()), 1);
        QCOMPARE(int(a.warnings[0].details.size()), 2);
        QCOMPARE(q(a.warnings[0].details[0]), QStringLiteral("astrologue"));
        QCOMPARE(q(a.warnings[0].details[1]), QStringLiteral("sorcier"));
        QVERIFY(a.warnings[0].message.find("catalogue") != std::string::npos);
    }

    void aggregationResolvesProfessionAliases() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "59350", "Lille", "32");
        ds.reindex();
        addCount(ds, "59350", "D201", 2013, 4); // BPE code of general practitioners
        addCount(ds, "59350", "medecin_generaliste", 2013, 6);
        const Aggregation a = aggregateByBassin(ds, 2013);
        QVERIFY(a.warnings.empty());
        QCOMPARE(professionCount(ds, a.bassins[0], "medecin_generaliste"), 10.0);
    }

    void aggregationFoldsArrondissementsIntoTheirCommune() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "75056", "Paris", "11");
        ds.reindex();
        addCount(ds, "75101", "pharmacien", 2013, 4);
        addCount(ds, "75120", "pharmacien", 2013, 5);
        const Aggregation a = aggregateByBassin(ds, 2013);
        QVERIFY(a.warnings.empty());
        QCOMPARE(a.bassins[0].total, 9.0);
    }

    void aggregationWarnsAboutCommunesWhoseBassinIsMissing() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "59350", "Lille", "32");
        model::Commune orphan;
        orphan.code = "59001";
        orphan.bv = "59002"; // no such BV
        ds.communes.push_back(orphan);
        ds.reindex();
        addCount(ds, "59001", "pharmacien", 2013, 4);
        addCount(ds, "59350", "pharmacien", 2013, 1);
        const Aggregation a = aggregateByBassin(ds, 2013);
        QCOMPARE(a.bassins[0].total, 1.0);
        const Warning* w = findWarning(a.warnings, "59001");
        QVERIFY(w);
        QCOMPARE(int(a.warnings.size()), 1);
    }

    void aggregationSaysWhichCommunesBelongToNoBassin() {
        // Mayotte in BV2012: INSEE's "ZZZZZ", read as an empty bv. Not a missing BV: no BV at all.
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "59350", "Lille", "32");
        model::Commune mamoudzou;
        mamoudzou.code = "97611";
        ds.communes.push_back(mamoudzou);
        ds.reindex();
        addCount(ds, "97611", "infirmier", 2013, 12);
        addCount(ds, "97611", "pharmacien", 2013, 3);
        addCount(ds, "59350", "pharmacien", 2013, 1);
        const Aggregation a = aggregateByBassin(ds, 2013);
        QCOMPARE(a.bassins[0].total, 1.0);
        QCOMPARE(int(a.warnings.size()), 1);
        const Warning& w = a.warnings[0];
        QCOMPARE(q(w.message), QStringLiteral("1 commune belongs to no bassin de vie (INSEE's ZZZZZ, such as "
                                              "Mayotte in BV2012, or absent from the bassins de vie table "
                                              "given at import): their professionals are not classified (2 "
                                              "count records of 2013, 15 professionals)."));
        QCOMPARE(w.details, std::vector<std::string>{"97611"});
        QVERIFY(w.message.find("missing from the list") == std::string::npos);
    }

    void aggregationSeesCommunesAddedWithoutReindex() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "59350", "Lille", "32");
        ds.reindex();
        addBassin(ds, "62041", "Arras", "32"); // after reindex(): the index must notice
        addCount(ds, "62041", "pharmacien", 2013, 4);
        addCount(ds, "59350", "pharmacien", 2013, 1);
        const Aggregation a = aggregateByBassin(ds, 2013);
        QVERIFY2(a.warnings.empty(), a.warnings.empty() ? "" : a.warnings[0].toString().c_str());
        QCOMPARE(a.bassins[1].total, 4.0);
    }

    void aggregationRepairsPlaceCodesAsTheImportersDo() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "01001", "L'Abergement", "84");
        ds.reindex();
        addCount(ds, "1001", "pharmacien", 2013, 2);    // a spreadsheet ate the leading zero
        addCount(ds, "01001.0", "pharmacien", 2013, 3); // and wrote it as a decimal
        const Aggregation a = aggregateByBassin(ds, 2013);
        QVERIFY(a.warnings.empty());
        QCOMPARE(a.bassins[0].total, 5.0);
    }

    void aggregationReportsDuplicateCommuneCodes() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "59350", "Lille", "32");
        ds.communes.push_back(ds.communes[0]);
        ds.reindex();
        addCount(ds, "59350", "pharmacien", 2013, 2);
        const Aggregation a = aggregateByBassin(ds, 2013);
        QCOMPARE(a.bassins[0].total, 2.0);
        QCOMPARE(int(a.warnings.size()), 1);
        QCOMPARE(int(a.warnings[0].kind), int(ErrorKind::Duplicate));
        QCOMPARE(a.warnings[0].details, std::vector<std::string>{"59350"});
    }

    void aggregationLeavesOutNegativeCountsWithAWarning() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "59350", "Lille", "32");
        ds.reindex();
        addCount(ds, "59350", "pharmacien", 2013, -4);
        addCount(ds, "59350", "pharmacien", 2013, 3);
        addCount(ds, "59350", "infirmier", 2013, std::numeric_limits<double>::quiet_NaN());
        const Aggregation a = aggregateByBassin(ds, 2013);
        QCOMPARE(a.bassins[0].total, 3.0);
        QCOMPARE(int(a.warnings.size()), 1);
        QCOMPARE(int(a.warnings[0].kind), int(ErrorKind::Value));
        QCOMPARE(a.warnings[0].details,
                 (std::vector<std::string>{"59350 / infirmier: nan", "59350 / pharmacien: -4"}));
    }

    void aggregatedTotalsClassifyLikeHandTotals() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        addBassin(ds, "59183", "Dunkerque", "32");
        ds.reindex();
        addCount(ds, "59183", "medecin_generaliste", 2013, 2353);
        addCount(ds, "59183", "medecin_specialiste", 2013, 566);
        const Aggregation a = aggregateByBassin(ds, 2013);
        const PoleClassification c = classifyBassin(a.bassins[0], {});
        QCOMPARE(c.total, 2919.0);
        COMPARE_TYPE(c.type, PoleType::Secondaire);
        QCOMPARE(q(c.bv), QStringLiteral("59183"));
    }

    // ---- summaries ----
    void summaryCountsTypesPerGroupAndOverall() {
        std::vector<PoleClassification> poles(6);
        const char* bvs[] = {"a1", "a2", "a3", "b1", "b2", "c1"};
        const PoleType types[] = {PoleType::GrandeMetropole, PoleType::Intermediaire, PoleType::HorsPole,
                                  PoleType::Intermediaire,   PoleType::Secondaire,    PoleType::HorsPole};
        for (int i = 0; i < 6; ++i) {
            poles[i].bv = bvs[i];
            poles[i].type = types[i];
        }
        const TypeSummary s = summarizeByGroup(poles, [](const std::string& bv) { return bv.substr(0, 1); });
        QCOMPARE(int(s.byGroup.size()), 3);
        const std::array<int, kPoleTypeCount> a{1, 1, 0, 1, 0}, b{0, 0, 0, 1, 1}, c{1, 0, 0, 0, 0},
            all{2, 1, 0, 2, 1};
        QVERIFY(s.byGroup.at("a") == a);
        QVERIFY(s.byGroup.at("b") == b);
        QVERIFY(s.byGroup.at("c") == c);
        QVERIFY(s.all == all);
    }

    void summaryWithoutGroupFunctionCountsOnlyOverall() {
        std::vector<PoleClassification> poles(2);
        poles[0].type = PoleType::GrandPole;
        const TypeSummary s = summarizeByGroup(poles, nullptr);
        QVERIFY(s.byGroup.empty());
        QCOMPARE(s.all[2], 1);
        QCOMPARE(s.all[0], 1);
    }

    // ---- national scale (timing printed, not asserted) ----
    void nationalScaleAggregatesEveryCount() {
        model::Dataset ds;
        ds.catalogue = model::ProfessionCatalogue::builtin();
        const int bassinCount = 1644, communeCount = 35000;
        std::mt19937 rng(42);
        for (int b = 0; b < bassinCount; ++b) {
            model::Bassin bv;
            bv.code = "B" + std::to_string(10000 + b);
            ds.bassins.push_back(bv);
        }
        std::vector<std::string> professions;
        for (const auto& p : ds.catalogue.professions())
            professions.push_back(p.code);
        std::uniform_int_distribution<int> pickBassin(0, bassinCount - 1);
        std::uniform_int_distribution<int> pickCount(1, 40);
        std::bernoulli_distribution present(0.48); // ~ 300k records over 35,000 x 18 pairs
        double expected = 0;
        for (int c = 0; c < communeCount; ++c) {
            model::Commune commune;
            commune.code = std::to_string(10000 + c);
            commune.bv = ds.bassins[static_cast<std::size_t>(c < bassinCount ? c : pickBassin(rng))].code;
            for (const std::string& p : professions)
                if (present(rng)) {
                    const double n = pickCount(rng);
                    ds.counts.push_back({commune.code, p, 2013, n});
                    expected += n;
                }
            ds.communes.push_back(std::move(commune));
        }
        ds.reindex();

        auto timeAndCheck = [&](const char* order, Aggregation& a) {
            QElapsedTimer timer;
            timer.start();
            a = aggregateByBassin(ds, 2013);
            const qint64 aggregationNs = timer.nsecsElapsed();
            const auto poles = classifyPoles(a.bassins, ds.params.poles);
            const qint64 totalNs = timer.nsecsElapsed();
            qDebug("national scale, %s: %d communes, %d BVs, %d count records: aggregation %.2f ms + "
                   "classification %.2f ms = %.2f ms",
                   order, communeCount, bassinCount, int(ds.counts.size()), aggregationNs / 1e6,
                   (totalNs - aggregationNs) / 1e6, totalNs / 1e6);
            QVERIFY(a.warnings.empty());
            QCOMPARE(int(poles.size()), bassinCount);
            const double sum = std::accumulate(a.bassins.begin(), a.bassins.end(), 0.0,
                                               [](double s, const BassinTotals& t) { return s + t.total; });
            QCOMPARE(sum, expected);
        };
        Aggregation sorted, shuffled;
        timeAndCheck("counts in commune order", sorted);
        QVERIFY(!QTest::currentTestFailed());
        std::shuffle(ds.counts.begin(), ds.counts.end(), rng);
        timeAndCheck("counts shuffled", shuffled);
        QVERIFY(!QTest::currentTestFailed());
        for (std::size_t b = 0; b < sorted.bassins.size(); ++b)
            QVERIFY(sorted.bassins[b].byProfession == shuffled.bassins[b].byProfession);
    }
};

QTEST_APPLESS_MAIN(TestPoles)
#include "test_poles.moc"
