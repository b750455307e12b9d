#include "core/model/text.h"

#include <QTest>

using namespace maillage;

class TestText : public QObject {
    Q_OBJECT
private slots:
    void decimalCommaAndThousandSpacesAreRead() {
        QCOMPARE(text::parseNumber("12,5").value(), 12.5);
        QCOMPARE(text::parseNumber("1 234,5").value(), 1234.5);
        QCOMPARE(text::parseNumber("1\u00a0234").value(), 1234.0);
        QCOMPARE(text::parseNumber("1\u202f234,25").value(), 1234.25);
        QCOMPARE(text::parseNumber("1.234,5").value(), 1234.5);
        QCOMPARE(text::parseNumber("1,234.5").value(), 1234.5);
        QCOMPARE(text::parseNumber(" 7 ").value(), 7.0);
        QCOMPARE(text::parseNumber("-3").value(), -3.0);
        QCOMPARE(text::parseNumber("1.5e3").value(), 1500.0);
    }
    void markersAndGarbageAreNotNumbers() {
        QVERIFY(!text::parseNumber(""));
        QVERIFY(!text::parseNumber("N/A - secret statistique"));
        QVERIFY(!text::parseNumber("s"));
        QVERIFY(!text::parseNumber("12abc"));
        QVERIFY(!text::parseNumber("1,2,3"));
        QVERIFY(!text::parseNumber("nan"));
        QVERIFY(text::isSecretMarker("N/A - secret statistique"));
        QVERIFY(text::isSecretMarker("s"));
        QVERIFY(!text::isSecretMarker("12"));
    }
    void latin1TextBecomesUtf8WithAccentsAndEuro() {
        const std::string latin1 = "M\xe9"
                                   "decin g\xe9n\xe9raliste \x80 \x9c";
        QVERIFY(!text::isValidUtf8(latin1));
        const std::string utf8 = text::latin1ToUtf8(latin1);
        QVERIFY(text::isValidUtf8(utf8));
        QCOMPARE(QString::fromStdString(utf8), QString::fromUtf8("Médecin généraliste € œ"));
    }
    void bomIsStripped() {
        QCOMPARE(std::string(text::stripBom("\xEF\xBB\xBF"
                                            "code")),
                 std::string("code"));
        QCOMPARE(std::string(text::stripBom("code")), std::string("code"));
    }
    void matchingIgnoresCaseAccentsAndPunctuation() {
        QCOMPARE(text::foldForMatch("Masseur-Kinésithérapeute"), std::string("masseur-kinesitherapeute"));
        QCOMPARE(text::matchKey("N° Code_Géo"), std::string("ncodegeo"));
        QCOMPARE(text::matchKey("Œuvre"), std::string("oeuvre"));
    }
    void numbersAreFormattedTheFrenchAndEnglishWays() {
        QCOMPARE(QString::fromStdString(text::formatFr(24812)), QString::fromUtf8("24\u00a0812"));
        QCOMPARE(QString::fromStdString(text::formatFr(19.44, 1)), QString::fromUtf8("19,4"));
        QCOMPARE(QString::fromStdString(text::formatFr(1234567.891, 2)),
                 QString::fromUtf8("1\u00a0234\u00a0567,89"));
        QCOMPARE(QString::fromStdString(text::formatEn(24812)), QStringLiteral("24,812"));
        QCOMPARE(QString::fromStdString(text::formatFr(-0.01, 1)), QStringLiteral("0,0"));
        QCOMPARE(QString::fromStdString(text::formatFr(-1500)), QString::fromUtf8("-1\u00a0500"));
    }
    void splitKeepsEmptyFields() {
        const auto parts = text::split("a;;b;", ';');
        QCOMPARE(parts.size(), std::size_t(4));
        QCOMPARE(parts[1], std::string());
        QCOMPARE(text::join(parts, "|"), std::string("a||b|"));
    }
};

QTEST_APPLESS_MAIN(TestText)
#include "test_text.moc"
