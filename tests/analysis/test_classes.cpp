// Classes of a choropleth map (core/analysis/classes.h) on series whose limits are computed by hand (the
// natural breaks checked against an exhaustive search of every cut of the series).
#include "testing.h"

#include "core/analysis/classes.h"
#include "core/model/error.h"

#include <QObject>

#include <cmath>
#include <limits>

using namespace maillage;
using namespace maillage::analysis;

namespace {

ClassSpec spec(ClassMethod method, int count) {
    ClassSpec s;
    s.method = method;
    s.count = count;
    return s;
}

/* Five communes: two tiny ones with high densities (one professional among few inhabitants).
 *   density   10      20      30      150    200
 *   people  10,000  20,000  10,000    100     50      total 40,150 */
const std::vector<double> kDensities{200, 150, 30, 20, 10};
const std::vector<double> kPopulations{50, 100, 10000, 20000, 10000};

} // namespace

class TestClasses : public QObject {
    Q_OBJECT
private slots:
    void quantilesPutTheSameNumberOfValuesInEachClass() {
        // 1..10 in five classes: two values each, a value on a limit in the lower class.
        std::vector<double> values;
        for (int i = 10; i >= 1; --i)
            values.push_back(i);
        QCOMPARE(classLimits(values, {}, spec(ClassMethod::Quantiles, 5)),
                 (std::vector<double>{1, 2, 4, 6, 8, 10}));
    }

    void weightedQuantilesPutTheSameNumberOfInhabitantsInEachClass() {
        // Half the inhabitants (20,075) are reached at density 20 (10,000 + 20,000 people).
        QCOMPARE(classLimits(kDensities, kPopulations, spec(ClassMethod::WeightedQuantiles, 2)),
                 (std::vector<double>{10, 20, 200}));
        // Quarters at 10,037.5, 20,075 and 30,112.5 inhabitants: 20, 20 and 30; the equal limits merged.
        QCOMPARE(classLimits(kDensities, kPopulations, spec(ClassMethod::WeightedQuantiles, 4)),
                 (std::vector<double>{10, 20, 30, 200}));
    }

    void tinyCommunesDoNotMakeTheTopClassOfWeightedQuantiles() {
        // Unweighted, the top class (150, 200] is one commune of 50 inhabitants; weighted, the top class
        // starts at 30, a commune of 10,000.
        const std::vector<double> plain = classLimits(kDensities, {}, spec(ClassMethod::Quantiles, 4));
        QCOMPARE(plain, (std::vector<double>{10, 20, 30, 150, 200}));
        const std::vector<double> weighted =
            classLimits(kDensities, kPopulations, spec(ClassMethod::WeightedQuantiles, 4));
        QCOMPARE(weighted[weighted.size() - 2], 30.0);
    }

    void weightedQuantilesWithoutAnyWeightCountEveryValueOnce() {
        QCOMPARE(
            classLimits(kDensities, {0, 0, -1, std::nan(""), 0}, spec(ClassMethod::WeightedQuantiles, 4)),
            classLimits(kDensities, {}, spec(ClassMethod::Quantiles, 4)));
    }

    void naturalBreaksMinimiseTheSquaredDeviations() {
        // Exhaustive search over every cut: 3 classes {1..10} {20, 22} {40} (71.71), 4 classes
        // {1..5} {7, 9, 10} {20, 22} {40} (16.67).
        const std::vector<double> x{22, 1, 40, 2, 4, 5, 7, 9, 10, 20};
        QCOMPARE(classLimits(x, {}, spec(ClassMethod::NaturalBreaks, 3)),
                 (std::vector<double>{1, 10, 22, 40}));
        QCOMPARE(classLimits(x, {}, spec(ClassMethod::NaturalBreaks, 4)),
                 (std::vector<double>{1, 5, 10, 22, 40}));
        // 0.5 1 1.5 | 6 7 8.5 | 30 (3.67)
        QCOMPARE(classLimits({0.5, 1, 1.5, 6, 7, 8.5, 30}, {}, spec(ClassMethod::NaturalBreaks, 3)),
                 (std::vector<double>{0.5, 1.5, 8.5, 30}));
    }

    void naturalBreaksOfALongSeriesAreReproducible() {
        // Above 3,000 values the breaks come from evenly spaced order statistics: two runs agree, and two
        // well separated groups are still split between them.
        std::vector<double> values;
        for (int i = 0; i < 5000; ++i)
            values.push_back(i % 2 ? 100 + (i % 97) * 0.01 : 1 + (i % 89) * 0.01);
        const std::vector<double> a = classLimits(values, {}, spec(ClassMethod::NaturalBreaks, 2));
        QCOMPARE(a, classLimits(values, {}, spec(ClassMethod::NaturalBreaks, 2)));
        QCOMPARE(a.size(), std::size_t(3));
        QVERIFY(a[1] < 2 && a[1] > 1);
    }

    void equalIntervalsCutTheRangeInEqualWidths() {
        QCOMPARE(classLimits({0, 3, 10, std::nan("")}, {}, spec(ClassMethod::EqualIntervals, 4)),
                 (std::vector<double>{0, 2.5, 5, 7.5, 10}));
    }

    void fixedLimitsOutsideTheValuesAreDropped() {
        ClassSpec s = spec(ClassMethod::Fixed, 0);
        s.fixedLimits = {0.5, 5, 50, 100};
        QCOMPARE(classLimits({1, 12, 60}, {}, s), (std::vector<double>{1, 5, 50, 60}));
    }

    void noValueGivesNoClassAndOneValueOneClass() {
        QVERIFY(classLimits({std::nan("")}, {}, spec(ClassMethod::Quantiles, 5)).empty());
        QCOMPARE(classLimits({7, 7, 7}, {}, spec(ClassMethod::NaturalBreaks, 5)),
                 (std::vector<double>{7, 7}));
    }

    void aWrongCountOrUnorderedLimitsAreRefusedWithAClearMessage() {
        try {
            classLimits({1, 2}, {}, spec(ClassMethod::Quantiles, 0));
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(QString::fromUtf8(e.what()),
                     QStringLiteral("A map cannot have 0 classes. Expected from 1 to 12 classes."));
        }
        ClassSpec s = spec(ClassMethod::Fixed, 0);
        s.fixedLimits = {10, 5};
        try {
            classLimits({1, 2}, {}, s);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("Class limit 2 is not above")),
                     e.what());
        }
    }

    void aSpecSurvivesItsSavedText() {
        ClassSpec fixed = spec(ClassMethod::Fixed, 3);
        fixed.fixedLimits = {10, 20.5};
        QCOMPARE(classSpecToText(fixed), std::string("fixed:10,20.5"));
        QVERIFY(classSpecFromText("fixed:10,20.5") == fixed);
        QCOMPARE(classSpecToText(spec(ClassMethod::WeightedQuantiles, 5)),
                 std::string("weighted_quantiles:5"));
        QVERIFY(classSpecFromText("natural_breaks:7") == spec(ClassMethod::NaturalBreaks, 7));
        QVERIFY(!classSpecFromText("natural_breaks:13"));
        QVERIFY(!classSpecFromText("jenks:5"));
        QVERIFY(!classSpecFromText("fixed:20,10"));
        QVERIFY(!classSpecFromText("quantiles"));
    }
};

QTEST_GUILESS_MAIN(TestClasses)
#include "test_classes.moc"
