#include "core/model/codes.h"

#include <QTest>

using namespace maillage;

class TestCodes : public QObject {
    Q_OBJECT
private slots:
    void leadingZeroLostBySpreadsheetIsRestored() {
        QCOMPARE(codes::normalizeCommune("1001").value(), std::string("01001"));
        QCOMPARE(codes::normalizeCommune("1001.0").value(), std::string("01001"));
        QCOMPARE(codes::normalizeCommune(" \"01001\" ").value(), std::string("01001"));
    }
    void corsicanCodesKeepTheirLetterInUpperCase() {
        QCOMPARE(codes::normalizeCommune("2a004").value(), std::string("2A004"));
        QCOMPARE(codes::normalizeCommune("2B033").value(), std::string("2B033"));
        QVERIFY(!codes::normalizeCommune("2C004"));
    }
    void textThatCannotBeACommuneCodeIsRejected() {
        QVERIFY(!codes::normalizeCommune(""));
        QVERIFY(!codes::normalizeCommune("123"));
        QVERIFY(!codes::normalizeCommune("590010"));
        QVERIFY(!codes::normalizeCommune("Lille"));
        QVERIFY(!codes::normalizeCommune("00000"));
    }
    void arrondissementsFoldIntoParisLyonMarseille() {
        QCOMPARE(codes::foldArrondissement("75101"), std::string("75056"));
        QCOMPARE(codes::foldArrondissement("75120"), std::string("75056"));
        QCOMPARE(codes::foldArrondissement("69381"), std::string("69123"));
        QCOMPARE(codes::foldArrondissement("69389"), std::string("69123"));
        QCOMPARE(codes::foldArrondissement("13201"), std::string("13055"));
        QCOMPARE(codes::foldArrondissement("13216"), std::string("13055"));
        QCOMPARE(codes::foldArrondissement("75121"), std::string("75121"));
        QCOMPARE(codes::foldArrondissement("59350"), std::string("59350"));
        QVERIFY(codes::isArrondissement("69385"));
        QVERIFY(!codes::isArrondissement("69123"));
    }
    void departementOfOverseasCommuneHasThreeCharacters() {
        QCOMPARE(codes::departementOf("97101"), std::string("971"));
        QCOMPARE(codes::departementOf("2A004"), std::string("2A"));
        QCOMPARE(codes::departementOf("59350"), std::string("59"));
        QVERIFY(codes::isOverseas("97411"));
        QVERIFY(!codes::isOverseas("59350"));
    }
};

QTEST_APPLESS_MAIN(TestCodes)
#include "test_codes.moc"
