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
    void nonBreakingSpacesAroundACodeAreTrimmedLikeSpaces() {
        // A spreadsheet's invisible U+00A0 / U+202F, and the same as an undecoded Windows-1252 byte 0xA0.
        QCOMPARE(codes::normalizeCommune("59350\u00a0").value(), std::string("59350"));
        QCOMPARE(codes::normalizeCommune("\u00a059350").value(), std::string("59350"));
        QCOMPARE(codes::normalizeCommune("\u202f2a004\u202f").value(), std::string("2A004"));
        QCOMPARE(codes::normalizeCommune("59350\xA0").value(), std::string("59350"));
        QCOMPARE(codes::normalizeCommune(" 1001\u00a0 \t").value(), std::string("01001"));
        QCOMPARE(codes::normalizeCommune("1001.0\u00a0").value(), std::string("01001"));
        // Inside a code it is still no code; a letter with 0xA0 as its last byte is not a space.
        QVERIFY(!codes::normalizeCommune("59\u00a0350"));
        QVERIFY(!codes::normalizeCommune("5935\xC3\xA0")); // "5935à"
        QVERIFY(!codes::normalizeCommune("\u00a0"));
    }
    void arbitraryBytesNeverCrashTheNormaliser() {
        std::string bytes;
        for (int i = 0; i < 256; ++i) {
            bytes.push_back(static_cast<char>(i));
            codes::normalizeCommune(bytes.substr(bytes.size() > 7 ? bytes.size() - 7 : 0));
            codes::normalizeCommune(std::string(1, static_cast<char>(i)) + "\xC2");
        }
        QVERIFY(!codes::normalizeCommune(std::string("\0\0\0\0\0", 5)));
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
