#include "core/model/error.h"
#include "core/model/parameters.h"

#include "comma_locale.h"
#include "core/model/parameters_text.h"

#include <QTest>

#include <optional>

using namespace maillage;
using model::Parameters;

namespace {
std::optional<Error> errorOf(const std::map<std::string, double>& kv) {
    try {
        Parameters::fromKeyValues(kv, "p");
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}
} // namespace

class TestParameters : public QObject {
    Q_OBJECT
private slots:
    void defaultsAreThoseOfDomainMd() {
        const Parameters p;
        QCOMPARE(p.poles.metropoleMin, 10000.0);
        QCOMPARE(p.poles.grandPoleMin, 3000.0);
        QCOMPARE(p.poles.intermediateMin, 1500.0);
        QCOMPARE(p.poles.intermediatePoleShareMin, 0.20);
        QCOMPARE(p.poles.intermediatePsyShareMax, 0.20);
        QCOMPARE(p.poles.secondaryExPsyMin, 1000.0);
        QCOMPARE(p.poles.massScale, 1.0);
        QCOMPARE(p.maillage.beta, 2.0);
        QCOMPARE(p.density.secrecyThreshold, 5.0);
    }
    void keyValuesRoundTrip() {
        Parameters p;
        p.poles.massScale = 0.25;
        p.maillage.distance = model::DistanceMode::Geodesic;
        p.maillage.strongestPerPole = 5;
        const auto again = Parameters::fromKeyValues(p.toKeyValues(), "test");
        QCOMPARE(again.poles.massScale, 0.25);
        QCOMPARE(again.maillage.distance, model::DistanceMode::Geodesic);
        QCOMPARE(again.maillage.strongestPerPole, 5);
        QVERIFY(again.poles == p.poles);
    }
    void keyValueTextGivesEveryValueBackExactlyUnderACommaLocale() {
        // The text the command line hands to the QGIS module: 17 digits, '.' whatever the C locale.
        const testing::CommaDecimalLocale comma;
        Parameters p;
        p.poles.massScale = 0.1 + 0.2; // not exactly 0.3: the digits must all survive
        p.maillage.beta = 1.0 / 3;
        const std::string text = model::toKeyValueText(p);
        QVERIFY2(text.find("poles.mass_scale=0.30000000000000004\n") != std::string::npos, text.c_str());
        const Parameters again = model::fromKeyValueText(text + "garbage line\n", "module");
        QCOMPARE(again.poles.massScale, 0.1 + 0.2);
        QCOMPARE(again.maillage.beta, 1.0 / 3);
        QVERIFY(again.toKeyValues() == p.toKeyValues());
        // An unknown key is refused with the source's name, as from a file.
        try {
            model::fromKeyValueText("poles.no_such_key=1\n", "module");
            QFAIL("an unknown key was accepted");
        } catch (const Error& e) {
            QVERIFY2(e.describe(Language::En).find("no_such_key") != std::string::npos,
                     e.describe(Language::En).c_str());
        }
    }
    void unknownKeyIsAnErrorNamingIt() {
        try {
            Parameters::fromKeyValues({{"poles.metropole", 5}}, "params.json");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Parameter);
            QVERIFY2(QString::fromStdString(e.what()).startsWith(
                         QStringLiteral("params.json: parameter 'poles.metropole': unknown parameter; known "
                                        "parameters: poles.metropole_min, ")),
                     e.what());
            QCOMPARE(QString::fromStdString(e.where().key), QStringLiteral("poles.metropole"));
            QVERIFY(e.where().column.empty());
        }
    }
    void accessKeysAreKeptOverTheDefaultsOfEachProfessionGroup() {
        // Nothing set: each group keeps its defaults, and no access key is written.
        const Parameters none;
        QVERIFY(none.toKeyValues().count("access.method") == 0);
        QCOMPARE(none.accessFor(model::ProfessionGroup::Proximite).catchmentMinutes, 20.0);
        QCOMPARE(none.accessFor(model::ProfessionGroup::Pole).catchmentMinutes, 30.0);
        // A method set applies to both groups; their catchments stay their own.
        const Parameters binary = Parameters::fromKeyValues({{"access.method", 1}}, "p");
        QCOMPARE(binary.accessFor(model::ProfessionGroup::Proximite).method, model::AccessMethod::Binary);
        QCOMPARE(binary.accessFor(model::ProfessionGroup::Pole).method, model::AccessMethod::Binary);
        QCOMPARE(binary.accessFor(model::ProfessionGroup::Pole).catchmentMinutes, 30.0);
        // Round trip through the flat form, as the GeoPackage and JSON files store it.
        const Parameters back = Parameters::fromKeyValues(binary.toKeyValues(), "p");
        QCOMPARE(back.access, binary.access);
        QCOMPARE(back.toKeyValues().at("access.method"), 1.0);
    }
    void aCatchmentAloneStretchesTheStepsToIt() {
        const Parameters p = Parameters::fromKeyValues({{"access.catchment_minutes", 30}}, "p");
        const model::AccessParameters gp = p.accessFor(model::ProfessionGroup::Proximite);
        QCOMPARE(gp.catchmentMinutes, 30.0);
        QCOMPARE(gp.steps.size(), std::size_t(3));
        QCOMPARE(gp.steps[0].below, 15.0); // 10 of 20 minutes -> 15 of 30
        QCOMPARE(gp.steps[1].below, 22.5);
        QCOMPARE(gp.steps[2].below, 30.0);
        QCOMPARE(gp.steps[1].weight, 2.0 / 3.0);
        // Steps alone set the catchment to their last bound.
        const Parameters steps = Parameters::fromKeyValues(
            {{"access.step_count", 1}, {"access.step_1_minutes", 25}, {"access.step_1_weight", 1}}, "p");
        QCOMPARE(steps.accessFor(model::ProfessionGroup::Pole).catchmentMinutes, 25.0);
    }
    void badAccessKeysAreRefusedWithTheirName() {
        const auto unknown = errorOf({{"access.catchment", 30}});
        QVERIFY(unknown);
        QCOMPARE(QString::fromStdString(unknown->where().key), QStringLiteral("access.catchment"));
        const auto method = errorOf({{"access.method", 7}});
        QVERIFY(method);
        QVERIFY2(QString::fromStdString(method->what()).contains(QStringLiteral("'access.method'")),
                 method->what());
        const auto speed = errorOf({{"access.straight_line_speed_kmh", 0}});
        QVERIFY(speed);
        QCOMPARE(speed->kind(), ErrorKind::Parameter);
        QVERIFY(Parameters::unknownKeys({{"access.step_2_weight", 1}, {"access.bogus", 1}}) ==
                std::vector<std::string>{"access.bogus"});
    }
    void defaultKeysListTheAccessParameters() {
        const auto kv = Parameters::defaultKeyValues();
        QCOMPARE(kv.at("access.catchment_minutes"), 20.0);
        QCOMPARE(kv.at("access.straight_line_speed_kmh"), 37.0);
        QCOMPARE(kv.at("poles.metropole_min"), 10000.0);
    }
    void valuesInMessagesHaveTheFewestDigits() {
        const auto e = errorOf({{"poles.mass_scale", -0.5}});
        QVERIFY(e);
        QCOMPARE(QString::fromStdString(e->what()),
                 QStringLiteral("p: parameter 'poles.mass_scale': expected a number > 0, found -0.5"));
        const auto share = errorOf({{"poles.intermediate_pole_share_min", 20}});
        QVERIFY(share);
        QVERIFY2(QString::fromStdString(share->what()).endsWith(QStringLiteral("found 20")), share->what());
    }
    void messagesIgnoreACommaDecimalLocale() {
        MAILLAGE_REQUIRE_COMMA_DECIMAL_LOCALE(locale);
        const auto e = errorOf({{"poles.mass_scale", -0.5}});
        QVERIFY(e);
        QCOMPARE(QString::fromStdString(e->what()),
                 QStringLiteral("p: parameter 'poles.mass_scale': expected a number > 0, found -0.5"));
        const auto share = errorOf({{"poles.intermediate_psy_share_max", 1.25}});
        QVERIFY(share);
        QVERIFY2(QString::fromStdString(share->what()).endsWith(QStringLiteral("found 1.25")), share->what());
    }
    void parameterErrorsAreWordedInFrench() {
        const auto e = errorOf({{"poles.mass_scale", -0.5}});
        QVERIFY(e);
        QCOMPARE(
            QString::fromStdString(e->describe(Language::Fr)),
            QStringLiteral("p, paramètre «\u00a0poles.mass_scale\u00a0»\u00a0: nombre strictement positif "
                           "attendu, trouvé -0,5"));
        const auto whole = errorOf({{"maillage.strongest_per_pole", 2.5}});
        QVERIFY(whole);
        QVERIFY2(QString::fromStdString(whole->describe(Language::Fr))
                     .endsWith(QStringLiteral("nombre entier entre 0 et 1000 attendu, trouvé 2,5")),
                 whole->describe(Language::Fr).c_str());
        const auto huge = errorOf({{"maillage.strongest_per_pole", 1e300}});
        QVERIFY(huge);
        QVERIFY2(QString::fromStdString(huge->what()).endsWith(QStringLiteral("found 1e+300")), huge->what());
    }
    void strongestLinksPerPoleIsAWholeNumberUpToAThousand() {
        QCOMPARE(
            Parameters::fromKeyValues({{"maillage.strongest_per_pole", 1000}}, "p").maillage.strongestPerPole,
            1000);
        for (double bad : {1001.0, 1e300, 2.5, -1.0}) {
            const auto e = errorOf({{"maillage.strongest_per_pole", bad}});
            QVERIFY2(e, qPrintable(QString::number(bad)));
            QCOMPARE(e->kind(), ErrorKind::Parameter);
            QVERIFY2(QString::fromStdString(e->what()).startsWith(
                         QStringLiteral("p: parameter 'maillage.strongest_per_pole': expected a whole "
                                        "number between 0 and 1000, found ")),
                     e->what());
        }
        Parameters p;
        p.maillage.strongestPerPole = 5000;
        QVERIFY_EXCEPTION_THROWN(p.validate("p"), Error);
    }
    void distanceModeOutsideTheThreeModesIsRejected() {
        for (double bad : {3.0, 1.5, -1.0, 1e300}) {
            const auto e = errorOf({{"maillage.distance_mode", bad}});
            QVERIFY2(e, qPrintable(QString::number(bad)));
            QCOMPARE(QString::fromStdString(e->where().key), QStringLiteral("maillage.distance_mode"));
        }
        Parameters p;
        p.maillage.distance = static_cast<model::DistanceMode>(7);
        QVERIFY_EXCEPTION_THROWN(p.validate("p"), Error);
        QCOMPARE(Parameters::fromKeyValues({{"maillage.distance_mode", 2}}, "p").maillage.distance,
                 model::DistanceMode::TravelTime);
    }
    void shareAboveOneIsRejected() {
        QVERIFY_EXCEPTION_THROWN(Parameters::fromKeyValues({{"poles.intermediate_pole_share_min", 20}}, "p"),
                                 Error);
    }
    void nonPositiveMassScaleIsRejected() {
        QVERIFY_EXCEPTION_THROWN(Parameters::fromKeyValues({{"poles.mass_scale", 0}}, "p"), Error);
    }
    void unorderedThresholdsAreRejected() {
        QVERIFY_EXCEPTION_THROWN(Parameters::fromKeyValues({{"poles.grand_pole_min", 20000}}, "p"), Error);
    }
};

QTEST_APPLESS_MAIN(TestParameters)
#include "test_parameters.moc"
