// The sensitivity of the pôle types in the GUI: computed by the Session in the background, listed by the
// Sensibilité tab, drawn by the sensitivity layer; checked against a hand computation on six bassins.
#include "ui/i18n.h"
#include "ui/map_layers.h"
#include "ui/panels/result_table_model.h"
#include "ui/panels/sensitivity_panel.h"
#include "ui/panels/sensitivity_zonage.h"
#include "ui/sensitivity_layer.h"
#include "ui/session.h"

#include "testing.h"
#include "ui/qgis_test_main.h"
#include "ui/ui_fixture.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalSpy>

#include <qgsfeatureiterator.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <algorithm>
#include <memory>
#include <numeric>

using namespace maillage;
using namespace maillage::ui;

namespace {

// The six bassins of ui_fixture.h with their map layers, the sensitivity layer and the panel.
struct SixBassins {
    Session session;
    QgsProject project;
    MapLayers layers{&session, &project};
    SensitivityLayer highlight{&session, &project};
    SensitivityPanel panel{&session};
    ZonageLayer zonageLayer{&session, &project};
    ZonageView zonage{&session};
    SixBassins() { session.setDataset(testing::makeSixBassins()); }
    //! The grand pôle threshold ± 50 % in 2 steps each side, computed.
    bool moveGrandPoleThreshold() {
        QSignalSpy ready(&session, &Session::sensitivityReady);
        panel.setRequest(QStringLiteral("poles.grand_pole_min"), 50, 2);
        return ready.wait(10000);
    }
};

} // namespace

class TestSensitivity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { i18n::installTranslators(QStringLiteral("en")); }

    void valuesSpanThePercentInStepsAroundTheBase() {
        const std::vector<double> v = sensitivityValues(3000, 50, 2);
        QCOMPARE(v, (std::vector<double>{1500, 2250, 3750, 4500}));
        QVERIFY(sensitivityValues(0.2, 150, 1) == std::vector<double>{0.5}); // 0.2 − 150 % left out
    }

    // Six bassins (ui_fixture.h), grand pôle threshold 3,000 moved by ±50 % in 2 steps each side:
    // at 1,500 Gamma (2,000) and Zeta (2,500) become grands pôles; at 2,250 Zeta alone; at 3,750 nothing;
    // at 4,500 Beta (4,000, 25 % pôle professions) becomes a pôle intermédiaire.
    void sensitivityListsTheBassinsAHandComputationSays() {
        SixBassins six;
        Session& session = six.session;
        const SensitivityPanel& panel = six.panel;
        QVERIFY(session.sensitivityKeys().contains(QStringLiteral("poles.grand_pole_min")));
        QVERIFY(six.moveGrandPoleThreshold());
        QCOMPARE(panel.listedBassins(), (QStringList{QStringLiteral("00003"), QStringLiteral("00006"),
                                                     QStringLiteral("00006"), QStringLiteral("00002")}));
        const analysis::Sensitivity* s = session.sensitivity();
        QVERIFY(s);
        QCOMPARE(s->steps.size(), std::size_t(4));
        QCOMPARE(s->steps[3].changes.front().to, analysis::PoleType::Intermediaire);
        QVERIFY2(panel.findChild<QLabel*>(QStringLiteral("sensitivitySummary"))
                     ->text()
                     .startsWith(QStringLiteral("3 bassins de vie change type")),
                 qPrintable(panel.findChild<QLabel*>(QStringLiteral("sensitivitySummary"))->text()));

        // Drawn: the three BVs, each with its change nearest the threshold's own value.
        QgsVectorLayer* layer = six.highlight.layer();
        QVERIFY(layer);
        QCOMPARE(layer->featureCount(), 3LL);
        QVERIFY(findLayerByRole(&six.project, QString::fromLatin1(role::Sensitivity)) == layer);
        QgsFeature f;
        QgsFeatureIterator it = layer->getFeatures();
        while (it.nextFeature(f))
            if (f.attribute(QStringLiteral("code")).toString() == QLatin1String("00006"))
                QCOMPARE(f.attribute(QStringLiteral("value")).toDouble(), 2250.0);
    }

    // The GP accessibility of the six communes, classed by thresholds the test places between its sorted
    // values: the classes hold the communes and population counted here, and moving the threshold lists
    // the communes that cross it.
    void zonageClassesCommunesAndListsWhoEntersOrLeaves() {
        SixBassins six;
        Session& session = six.session;
        QSignalSpy ready(&session, &Session::densityMapReady);
        session.requestDensityMap({QStringLiteral("medecin_generaliste"), 2023, true});
        QVERIFY(ready.wait(10000));
        const DensityMap* map = session.shownDensityMap();
        QVERIFY(map && map->access);
        const std::vector<double>& apl = map->access->values;
        std::vector<std::size_t> order(apl.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return apl[a] < apl[b]; });
        for (std::size_t i = 1; i < order.size(); ++i)
            QVERIFY(apl[order[i - 1]] < apl[order[i]]); // distinct values: the thresholds fall between
        // Suggested: the value under which a fifth of the communes fall (no consultations here).
        QCOMPARE(six.zonage.findChild<QDoubleSpinBox*>(QStringLiteral("zonageThreshold1"))->value(),
                 std::round(apl[order[1]] * 100) / 100);
        QCOMPARE(six.zonage.accessModel()->rowCount(), 6);

        const double low = (apl[order[1]] + apl[order[2]]) / 2, high = (apl[order[3]] + apl[order[4]]) / 2;
        six.zonage.setThresholds(low);
        const ZonageState* z = session.zonage();
        QVERIFY(z);
        QCOMPARE(z->zonage.communesOf, (std::vector<int>{2, 4}));
        const double under = map->access->demand[order[0]] + map->access->demand[order[1]];
        QCOMPARE(z->zonage.populationOf.front(), under);

        six.zonage.setThresholds(high);
        QCOMPARE(session.zonage()->zonage.communesOf, (std::vector<int>{4, 2}));
        const auto code = [&](std::size_t i) {
            return QString::fromStdString(session.dataset().communes[i].code);
        };
        QStringList expected{code(order[2]), code(order[3])};
        QStringList changed = six.zonage.changedCommunes();
        expected.sort();
        changed.sort();
        QCOMPARE(changed, expected);
        const QString text = six.zonage.findChild<QLabel*>(QStringLiteral("zonageChanges"))->text();
        QVERIFY2(text.contains(QStringLiteral("Who enters or leaves")), qPrintable(text));
        QVERIFY2(text.contains(QString::fromStdString(session.dataset().communes[order[2]].name) +
                               QStringLiteral(" (class 2 → 1)")),
                 qPrintable(text));

        // On the map: every commune by class, the two that moved apart.
        QgsVectorLayer* layer = six.zonageLayer.layer();
        QVERIFY(layer);
        QCOMPARE(layer->featureCount(), 6LL);
        int moved = 0;
        QgsFeature f;
        QgsFeatureIterator it = layer->getFeatures();
        while (it.nextFeature(f))
            moved += f.attribute(QStringLiteral("category")).toString() == QLatin1String("moved") ? 1 : 0;
        QCOMPARE(moved, 2);
    }

    void anUnknownParameterFailsWithTheEngineMessageInThePanel() {
        SixBassins six;
        QSignalSpy failed(&six.session, &Session::sensitivityFailed);
        six.session.requestSensitivity({QStringLiteral("poles.no_such_threshold"), 10, 2});
        QVERIFY(failed.wait(10000));
        const QString message = failed.front().front().toString();
        QVERIFY2(message.contains(QStringLiteral("poles.grand_pole_min")), qPrintable(message));
        QVERIFY(!six.session.sensitivity());
        QCOMPARE(six.panel.findChild<QLabel*>(QStringLiteral("sensitivitySummary"))->text(), message);
    }

    void newParametersClearTheSensitivityAndAskAgain() {
        SixBassins six;
        Session& session = six.session;
        QVERIFY(six.moveGrandPoleThreshold());
        QSignalSpy ready(&session, &Session::sensitivityReady);
        model::Parameters p = session.parameters();
        p.poles.grandPoleMin = 5000; // Beta (4,000) is now a pôle intermédiaire
        session.setParameters(p);
        QVERIFY(!session.sensitivity());
        QVERIFY(!six.highlight.layer());
        QVERIFY(ready.wait(10000));
        // 5,000 ± 50 %: at 2,500 Beta (4,000) and Zeta (2,500) become grands pôles, at 3,750 Beta alone.
        QCOMPARE(session.sensitivity()->base, 5000.0);
        QCOMPARE(six.panel.listedBassins(),
                 (QStringList{QStringLiteral("00002"), QStringLiteral("00006"), QStringLiteral("00002")}));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestSensitivity)
#include "test_sensitivity.moc"
