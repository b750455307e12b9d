#include "core/model/error.h"
#include "core/model/parameters.h"

#include <QTest>

using namespace maillage;
using model::Parameters;

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
    void unknownKeyIsAnErrorNamingIt() {
        try {
            Parameters::fromKeyValues({{"poles.metropole", 5}}, "params.json");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Parameter);
            QVERIFY(QString::fromStdString(e.what()).startsWith(
                QStringLiteral("params.json: column 'poles.metropole': unknown parameter")));
        }
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
