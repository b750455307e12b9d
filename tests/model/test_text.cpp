#include "core/model/csv.h"
#include "core/model/text.h"

#include "comma_locale.h"
#include "testing.h"

#include <QTest>

#include <limits>

using namespace maillage;
using maillage::testing::q;

class TestText : public QObject {
    Q_OBJECT
private slots:
    void eachSeparatorSplitsOnlyItsOwnFieldsWhateverWasReadBefore() {
        // The same text read with ';', then ',', then ';' again, then tabs: each split on its own separator.
        const std::string textLine = "a;b,c\td\r\ne,f;g\n";
        const auto fields = [&](char sep) {
            std::vector<text::CsvRecord> records;
            text::tokenizeCsv(textLine, sep, records);
            QStringList out;
            for (const auto& r : records)
                out << q(text::join(r.fields, "|"));
            return out;
        };
        QCOMPARE(fields(';'), (QStringList{"a|b,c\td", "e,f|g"}));
        QCOMPARE(fields(','), (QStringList{"a;b|c\td", "e|f;g"}));
        QCOMPARE(fields(';'), (QStringList{"a|b,c\td", "e,f|g"}));
        QCOMPARE(fields('\t'), (QStringList{"a;b,c|d", "e,f;g"}));
    }

    void plainDigitsAreReadAsNumbersAndMalformedOnesRefused() {
        // Digits with or without a decimal point take the short way: the same values and refusals.
        QCOMPARE(text::parseNumber("0").value(), 0.0);
        QCOMPARE(text::parseNumber("00012").value(), 12.0);
        QCOMPARE(text::parseNumber("3.25").value(), 3.25);
        QCOMPARE(text::parseNumber("7.").value(), 7.0);
        QVERIFY(!text::parseNumber("1.2.3"));
        QVERIFY(!text::parseNumber("."));
        QVERIFY(!text::parseNumber(std::string(400, '9'))); // beyond a double
        QCOMPARE(text::parseNumber(" 12 ").value(), 12.0);  // the long way
    }

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
    void numbersIgnoreACommaDecimalLocale() {
        // QApplication calls setlocale(LC_ALL, ""): a French user's LC_NUMERIC must change nothing.
        MAILLAGE_REQUIRE_COMMA_DECIMAL_LOCALE(locale);
        QCOMPARE(QString::fromStdString(text::formatFr(1234.5, 1)), QString::fromUtf8("1\u00a0234,5"));
        QCOMPARE(QString::fromStdString(text::formatEn(1234.5, 1)), QStringLiteral("1,234.5"));
        QCOMPARE(QString::fromStdString(text::formatFr(-0.01, 1)), QStringLiteral("0,0"));
        QCOMPARE(QString::fromStdString(text::formatShortest(0.5)), QStringLiteral("0.5"));
        QCOMPARE(text::parseNumber("1234.5").value(), 1234.5);
        QCOMPARE(text::parseNumber("12,5").value(), 12.5);
        QCOMPARE(text::parseNumber("1 234,5").value(), 1234.5);
    }
    void shortestFormatGivesTheValueBackWithFewestDigits() {
        QCOMPARE(text::formatShortest(0.5), std::string("0.5"));
        QCOMPARE(text::formatShortest(10000), std::string("10000"));
        QCOMPARE(text::formatShortest(-0.25), std::string("-0.25"));
        QCOMPARE(text::formatShortest(0.1 + 0.2), std::string("0.30000000000000004"));
    }
    void formattingKeepsManyDecimalsAndHugeValues() {
        QCOMPARE(QString::fromStdString(text::formatEn(0.125, 2)),
                 QStringLiteral("0.12")); // exact binary half
        QCOMPARE(QString::fromStdString(text::formatEn(2.5)), QStringLiteral("2"));
        QCOMPARE(QString::fromStdString(text::formatEn(1e21)),
                 QStringLiteral("1,000,000,000,000,000,000,000"));
        QCOMPARE(QString::fromStdString(text::formatEn(std::numeric_limits<double>::infinity())),
                 QString::fromUtf8("—"));
    }
    void strictUtf8RejectsOverlongFormsSurrogatesAndBeyondUnicode() {
        QVERIFY(text::isValidUtf8("Médecin \xE2\x82\xAC \xF0\x9F\x98\x80"));
        QVERIFY(!text::isValidUtf8("\xC0\xAF"));         // overlong '/'
        QVERIFY(!text::isValidUtf8("\xE0\x80\xAF"));     // overlong '/', three bytes
        QVERIFY(!text::isValidUtf8("\xF0\x80\x80\xAF")); // overlong '/', four bytes
        QVERIFY(!text::isValidUtf8("\xED\xA0\x80"));     // surrogate U+D800
        QVERIFY(!text::isValidUtf8("\xF4\x90\x80\x80")); // U+110000
        QVERIFY(!text::isValidUtf8("\xC3"));             // truncated
        QCOMPARE(text::firstInvalidUtf8("abc\xE0\x80\xAF"
                                        "d"),
                 std::size_t(3));
        QCOMPARE(text::firstInvalidUtf8("abcdefghij\xC3\xA9"), std::string_view::npos);
        // Folding decodes strictly too: an overlong sequence is no '/'.
        QVERIFY(text::foldForMatch("a\xE0\x80\xAF"
                                   "b")
                    .find('/') == std::string::npos);
    }
    void undefinedWindows1252BytesBecomeTheirC1CodePoints() {
        // One mapping for the whole engine (tables and catalogue): WHATWG's, which loses nothing.
        QCOMPARE(text::latin1ToUtf8("\x81\x8D\x8F\x90\x9D"),
                 std::string("\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D"));
        QCOMPARE(text::windows1252ToUtf8("\x80\x92\xE9"), std::string("€’é"));
        QCOMPARE(text::iso88591ToUtf8("\x80\xE9"), std::string("\xC2\x80é"));
        QVERIFY(text::isValidUtf8(text::windows1252ToUtf8(std::string(1, '\x81'))));
    }
    void utf16UnpairedSurrogatesBecomeReplacementCharacters() {
        const std::string le("A\0\x3D\xD8\x00\xDE\x00\xD8"
                             "B\0\x00\xDC",
                             12); // A, U+1F600, lone high, B, lone low
        const std::string utf8 = text::utf16ToUtf8(le, false);
        QVERIFY(text::isValidUtf8(utf8));
        QCOMPARE(QString::fromStdString(utf8), QString::fromUtf8("A\xF0\x9F\x98\x80\uFFFDB\uFFFD"));
    }
    void oneSeparatorFollowedByThreeDigitsMayBeAThousandsGroup() {
        QVERIFY(text::looksLikeGroupedThousands("1.234"));
        QVERIFY(text::looksLikeGroupedThousands(" 12,500 "));
        QVERIFY(text::looksLikeGroupedThousands("-1.000"));
        QVERIFY(!text::looksLikeGroupedThousands("1.5"));
        QVERIFY(!text::looksLikeGroupedThousands("1.2345"));
        QVERIFY(!text::looksLikeGroupedThousands("1 234"));
        QVERIFY(!text::looksLikeGroupedThousands("1.234,5"));
        QVERIFY(!text::looksLikeGroupedThousands(".234"));
        QVERIFY(!text::looksLikeGroupedThousands("1e3.000"));
        QCOMPARE(text::parseNumber("1.234").value(), 1.234); // read as written; readers warn
    }
    // ---- Issue 6

    void trimRemovesNarrowNonBreakingSpacesToo() {
        QCOMPARE(text::trim("\u202f\u00a0 Lille \u00a0\u202f"), std::string("Lille"));
        QCOMPARE(text::trim("\u00a0"), std::string());
        QCOMPARE(text::trim("5935\xC3\xA0"), std::string("5935\xC3\xA0")); // "à" ends in 0xA0: kept
    }
    void countsBeyondThePlausibleBoundAreRefused() {
        QCOMPARE(text::parseCount("12").value(), 12.0);
        QCOMPARE(text::parseCount("1\u00a0234,5").value(), 1234.5);
        QCOMPARE(text::parseCount("2\u202f148\u202f271").value(), 2148271.0); // Paris's population
        QCOMPARE(text::parseCount("10000000").value(), text::kMaxPlausibleCount);
        QVERIFY(!text::parseCount("10000001"));
        QVERIFY(!text::parseCount("1e308"));
        QVERIFY(!text::parseCount("12345678901234567890"));
        QVERIFY(!text::parseCount("1e309")); // out of double's range
        QVERIFY(!text::parseCount("inf"));
        QVERIFY(!text::parseCount("-1"));
        QVERIFY(!text::parseCount("s"));
        QCOMPARE(text::parseCount("50", 40), std::nullopt);
    }
    void thinAndFigureSpacesGroupThousandsToo() {
        QCOMPARE(text::parseNumber("1\u2009234,5").value(), 1234.5);
        QCOMPARE(text::parseNumber("12\u2007345").value(), 12345.0);
        QCOMPARE(text::parseCount("2\u2009148\u2009271").value(), 2148271.0);
        QVERIFY(!text::parseNumber("1\u2008234")); // punctuation space: not a separator anyone uses
    }
    void countProblemSaysWhatWasExpected() {
        QVERIFY(text::countProblem("12").empty());
        QCOMPARE(word(text::countProblem("1e308"), Language::En),
                 std::string("expected a count of at most 10,000,000 (larger counts are not plausible: a "
                             "corrupted cell or another column?), found '1e308'"));
        QCOMPARE(word(text::countProblem("-2"), Language::En),
                 std::string("expected a number >= 0, found '-2'"));
        QCOMPARE(word(text::countProblem(" "), Language::En),
                 std::string("expected a number >= 0, found an empty cell"));
        QCOMPARE(word(text::countProblem(std::string("1\0", 2)), Language::En),
                 std::string("expected a number >= 0, found '1<U+0000>'"));
    }
    void countProblemIsWordedInFrench() {
        QCOMPARE(q(word(text::countProblem("1e308"), Language::Fr)),
                 QStringLiteral("effectif d'au plus 10\u00a0000\u00a0000 attendu (au-delà, il n'est pas "
                                "plausible\u00a0: cellule corrompue ou autre colonne\u00a0?), trouvé "
                                "«\u00a01e308\u00a0»"));
        QCOMPARE(q(word(text::countProblem(""), Language::Fr)),
                 QStringLiteral("nombre positif ou nul attendu, trouvé une cellule vide"));
    }
    void invisibleCharactersAreShownVisibly() {
        QCOMPARE(text::visible("59350\u00a0"), std::string("59350<U+00A0>"));
        QCOMPARE(text::visible("\xEF\xBB\xBF"
                               "59350"),
                 std::string("<U+FEFF>59350"));
        QCOMPARE(text::visible("a\tb\u200bc\u202f"), std::string("a<U+0009>b<U+200B>c<U+202F>"));
        QCOMPARE(text::visible("59350\xA0"), std::string("59350<0xA0>"));
        const std::string withNul = text::visible(std::string("A\0B", 3));
        QCOMPARE(withNul, std::string("A<U+0000>B"));
        QCOMPARE(text::visible("Hères et Œuvre 2 €"), std::string("Hères et Œuvre 2 €"));
    }
    void linesAreDecodedOneByOneWhenUtf8AndWindows1252Mix() {
        const auto d = text::decodeUtf8OrWindows1252("Ambérieu\r\nH\xE8res\rLille\nCr\xEAts\n");
        QCOMPARE(QString::fromStdString(d.utf8), QString::fromUtf8("Ambérieu\r\nHères\rLille\nCrêts\n"));
        QCOMPARE(d.cp1252Lines, (std::vector<long>{2, 4}));
        QCOMPARE(d.utf8AccentedLines, 1L);
        const auto latin = text::decodeUtf8OrWindows1252("H\xE8res\nLille");
        QCOMPARE(latin.utf8AccentedLines, 0L);
        QCOMPARE(latin.cp1252Lines, (std::vector<long>{1}));
    }
    void utf16IsRecognisedWithoutItsBom() {
        const std::string le("c\0o\0d\0e\0;\0n\0o\0m\0\n\0", 18);
        const std::string be("\0c\0o\0d\0e\0;\0n\0o\0m\0\n", 18);
        QCOMPARE(text::detectUtf16WithoutBom(le), std::optional<bool>(false));
        QCOMPARE(text::detectUtf16WithoutBom(be), std::optional<bool>(true));
        QCOMPARE(text::detectUtf16WithoutBom("code;nom\n01001;A\n"), std::nullopt);
        QCOMPARE(text::detectUtf16WithoutBom(std::string("code;nom\n0\0\0\0001;A\n", 17)), std::nullopt);
        QCOMPARE(text::detectUtf16WithoutBom(std::string("\0", 1)), std::nullopt);
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
