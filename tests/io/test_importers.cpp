// Turning tables into model records: core/io/importers.h.
#include "core/io/importers.h"
#include "testing.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QtTest>

#include <functional>
#include <optional>
#include <set>

using namespace maillage;
using maillage::testing::dataPath;
using maillage::testing::q;
using maillage::testing::qList;

namespace {

//! "place profession vintage count" per record, for exact comparisons.
QStringList describe(const std::vector<model::CountRecord>& counts) {
    QStringList out;
    for (const auto& c : counts)
        out << QStringLiteral("%1 %2 %3 %4").arg(q(c.place), q(c.profession)).arg(c.vintage).arg(c.count);
    return out;
}

QStringList messages(const Warnings& warnings) {
    QStringList out;
    for (const auto& w : warnings)
        out << q(w.toString());
    return out;
}

template <typename F> std::optional<Error> errorOf(F&& f) {
    return maillage::testing::thrown<Error>(std::forward<F>(f));
}

std::string shared(const char* relative) {
    return maillage::testing::sharedPath(relative).toStdString();
}

double total(const std::vector<model::CountRecord>& counts, const std::string& profession) {
    double sum = 0;
    for (const auto& c : counts)
        if (c.profession == profession)
            sum += c.count;
    return sum;
}

} // namespace

class TestImporters : public QObject {
    Q_OBJECT

    model::ProfessionCatalogue catalogue = model::ProfessionCatalogue::builtin();

private slots:
    void longTableRepairsCodesFoldsArrondissementsAndSumsDuplicates() {
        const std::string path = dataPath("io/professionals_long.csv");
        Warnings warnings;
        const io::Table t = io::readTable(path, {}, &warnings);
        const auto counts = io::readProfessionals(t, catalogue, 2013, {}, warnings);
        QCOMPARE(describe(counts), (QStringList{
                                       "01001 medecin_generaliste 2013 3",
                                       "01001 infirmier 2013 2",
                                       "2A004 medecin_generaliste 2013 10",
                                       "2B033 pharmacien 2013 1.5",
                                       "59350 medecin_generaliste 2013 10",
                                       "75056 medecin_generaliste 2013 150",
                                   }));
        QCOMPARE(warnings.size(), std::size_t(4));
        QCOMPARE(
            q(warnings[0].toString()),
            q(path) +
                ": line 11, column 'profession': 1 row holds health establishments (BPE codes D1xx, 1 "
                "code), no professionals: not counted among them; an import keeps them as the facilities "
                "layer (D101 (1 row))");
        QCOMPARE(q(warnings[1].toString()), q(path) + ": line 10, column 'count': masked value 'N/A - secret "
                                                      "statistique' (statistical secrecy) counted as 0");
        QCOMPARE(q(warnings[2].toString()),
                 q(path) + ": line 5, column 'count': expected whole numbers of professionals, found 1 value "
                           "written with decimals; kept as read (line 5, column 'count': '1,5')");
        QCOMPARE(warnings[3].kind, ErrorKind::Duplicate);
        QCOMPARE(q(warnings[3].toString()),
                 q(path) +
                     ": line 9, column 'commune': expected each commune and profession once, found it on "
                     "several rows; values summed (59350 / medecin_generaliste (lines 8, 9))");
    }

    void warningDetailsAreWordedInFrenchToo() {
        const std::string path = dataPath("io/professionals_long.csv");
        Warnings warnings;
        const io::Table t = io::readTable(path, {}, &warnings);
        io::readProfessionals(t, catalogue, 2013, {}, warnings);
        QCOMPARE(warnings.size(), std::size_t(4));
        const auto fr = [&](std::size_t i) {
            return q(warnings[i].describe(Language::Fr, PathStyle::FileName));
        };
        // The lists after the sentence: lines, columns and row counts in French, values in « guillemets ».
        QVERIFY2(fr(0).endsWith(QStringLiteral("(D101 (1 ligne))")), qPrintable(fr(0)));
        QVERIFY2(fr(2).endsWith(QStringLiteral(
                     "(ligne 5, colonne \u00ab\u00a0count\u00a0\u00bb\u00a0: \u00ab\u00a01,5\u00a0\u00bb)")),
                 qPrintable(fr(2)));
        QVERIFY2(fr(3).endsWith(QStringLiteral("(59350 / medecin_generaliste (lignes 8, 9))")),
                 qPrintable(fr(3)));
        // The English details are unchanged.
        QVERIFY(
            q(warnings[3].toString()).endsWith(QStringLiteral("(59350 / medecin_generaliste (lines 8, 9))")));
    }

    void negativeCountIsAnErrorNamingLineAndColumn() {
        const std::string path = dataPath("io/professionals_negative.csv");
        const io::Table t = io::readTable(path);
        Warnings warnings;
        const auto e = errorOf([&] { io::readProfessionals(t, catalogue, 2013, {}, warnings); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Value);
        QCOMPARE(q(e->what()), q(path) + ": line 14, column 'count': expected a number >= 0, found '-3'");
    }

    void nonNumericCountIsAnErrorNamingLineAndColumn() {
        const std::string path = dataPath("io/professionals_nonnumeric.csv");
        const io::Table t = io::readTable(path);
        Warnings warnings;
        const auto e = errorOf([&] { io::readProfessionals(t, catalogue, 2013, {}, warnings); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Value);
        QCOMPARE(q(e->what()), q(path) + ": line 3, column 'count': expected a number >= 0, found 'quatre'");
    }

    void unknownProfessionIsAnErrorNamingLineAndValue() {
        const std::string path = dataPath("io/professionals_unknown.csv");
        const io::Table t = io::readTable(path);
        Warnings warnings;
        const auto e = errorOf([&] { io::readProfessionals(t, catalogue, 2013, {}, warnings); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Value);
        QCOMPARE(q(e->what()), q(path) +
                                   ": line 4, column 'profession': expected a profession of the catalogue (a "
                                   "code such as medecin_generaliste, a BPE code such as D201, or a label), "
                                   "found 'Sorcier'");
    }

    void unknownProfessionsAreOneWarningWhenAllowed() {
        const std::string path = dataPath("io/professionals_unknown.csv");
        const io::Table t = io::readTable(path);
        Warnings warnings;
        const auto counts = io::readProfessionals(t, catalogue, 2020, {}, warnings, true);
        QCOMPARE(describe(counts),
                 (QStringList{"59009 medecin_generaliste 2020 1", "59350 infirmier 2020 4"}));
        QCOMPARE(messages(warnings),
                 (QStringList{q(path) +
                              ": line 4, column 'profession': 2 rows ignored: expected professions of the "
                              "catalogue, found 1 unknown value ('Sorcier' (lines 4, 5))"}));
    }

    void wideTableResolvesBpeColumnsAndIgnoresOthersWithOneWarning() {
        const std::string path = dataPath("io/professionals_wide.csv");
        const io::Table t = io::readTable(path);
        Warnings warnings;
        const auto counts = io::readProfessionals(t, catalogue, 2013, {}, warnings);
        // D202 and D203 both feed medecin_specialiste; Lyon's arrondissements are summed into 69123;
        // an empty cell is 0; Lille has only zeros, so no record.
        QCOMPARE(describe(counts), (QStringList{
                                       "01001 medecin_generaliste 2013 1",
                                       "01001 infirmier 2013 3",
                                       "2B033 medecin_specialiste 2013 3",
                                       "2B033 infirmier 2013 25",
                                       "69123 medecin_generaliste 2013 30",
                                       "69123 medecin_specialiste 2013 7",
                                       "69123 infirmier 2013 45",
                                   }));
        QCOMPARE(warnings.size(), std::size_t(2));
        QCOMPARE(q(warnings[0].toString()),
                 q(path) +
                     ": line 1: 2 columns ignored: expected a profession of the catalogue (a BPE code such "
                     "as D201 or a label) in each column name, found none in these "
                     "(D113_maison_de_sante_pluridisciplinaire, D302_laboratoire_d_analyses_medicales)");
        QCOMPARE(warnings[0].where.line, 1L);
        QCOMPARE(q(warnings[1].toString()), q(path) +
                                                ": line 5, column 'D201_medecin_omnipraticien': masked value "
                                                "'s' (statistical secrecy) counted as 0");
    }

    void latin1LongTableWithDecimalCommasAndLabels() {
        const std::string path = dataPath("io/latin1_semicolon.csv");
        Warnings warnings;
        const io::Table t = io::readTable(path, {}, &warnings);
        const auto counts = io::readProfessionals(t, catalogue, 2013, {}, warnings);
        QCOMPARE(describe(counts), (QStringList{
                                       "01001 medecin_generaliste 2013 2.5",
                                       "2A004 infirmier 2013 12",
                                       "38421 masseur_kinesitherapeute 2013 1234",
                                   }));
        QCOMPARE(
            messages(warnings),
            (QStringList{q(path) + ": decoded as Windows-1252 (not UTF-8)",
                         q(path) + ": line 1: lines 1-2 above the header (line 4) skipped as title lines",
                         q(path) + ": line 5, column 'Effectif': expected whole numbers of professionals, "
                                   "found 1 value written with decimals; kept as read (line 5, column "
                                   "'Effectif': '2,5')"}));
    }

    void implausibleCountsAreErrorsNamingTheCell() {
        // 1e308 and 20-digit numbers were accepted and made totals infinite ("—").
        for (const char* value : {"1e308", "12345678901234567890", "10000001"}) {
            const io::Table t = io::parseCsvText(std::string("commune;profession;count\n59350;infirmier;3\n"
                                                             "59009;infirmier;") +
                                                     value + "\n",
                                                 "counts.csv");
            Warnings warnings;
            const auto e = errorOf([&] { io::readProfessionals(t, catalogue, 2013, {}, warnings); });
            QVERIFY(e);
            QCOMPARE(e->kind(), ErrorKind::Value);
            QCOMPARE(q(e->what()),
                     QStringLiteral("counts.csv: line 3, column 'count': expected a count of at most "
                                    "10,000,000 (larger counts are not plausible: a corrupted cell "
                                    "or another column?), found '%1'")
                         .arg(QString::fromLatin1(value)));
        }
        // French decimal commas and (narrow) non-breaking thousands separators still read.
        const io::Table ok = io::parseCsvText("commune;profession;count\n59350;infirmier;1\u202f234\n"
                                              "59009;infirmier;2\u00a0000\n59011;infirmier;10000000\n",
                                              "counts.csv");
        Warnings warnings;
        const auto counts = io::readProfessionals(ok, catalogue, 2013, {}, warnings);
        QCOMPARE(describe(counts), (QStringList{"59009 infirmier 2013 2000", "59011 infirmier 2013 1e+07",
                                                "59350 infirmier 2013 1234"}));
        const auto population = errorOf([] {
            Warnings w;
            io::readPopulation(io::parseCsvText("codgeo;pmun\n59350;1e308\n", "pop.csv"), "codgeo", "pmun",
                               w);
        });
        QVERIFY(population);
        QVERIFY2(q(population->what())
                     .startsWith(QStringLiteral("pop.csv: line 2, column 'pmun': expected a count "
                                                "of at most 10,000,000")),
                 population->what());
    }

    void importErrorsAndWarningsAreWordedInFrench() {
        const io::Table t =
            io::parseCsvText("commune;profession;count\n59009;infirmier;1e308\n", "counts.csv");
        Warnings warnings;
        const auto tooLarge = errorOf([&] { io::readProfessionals(t, catalogue, 2013, {}, warnings); });
        QVERIFY(tooLarge);
        QCOMPARE(
            q(tooLarge->describe(Language::Fr)),
            QStringLiteral("counts.csv, ligne 2, colonne «\u00a0count\u00a0»\u00a0: effectif d'au plus "
                           "10\u00a0000\u00a0000 attendu (au-delà, il n'est pas plausible\u00a0: cellule "
                           "corrompue ou autre colonne\u00a0?), trouvé «\u00a01e308\u00a0»"));
        const auto dup = errorOf([&] {
            io::readCommuneTable(
                io::parseCsvText("code;population;bv\n59350;10;59350\n59350;12;59350\n", "c.csv"), {},
                warnings);
        });
        QVERIFY(dup);
        QCOMPARE(
            q(dup->describe(Language::Fr)),
            QStringLiteral("c.csv, ligne 3, colonne «\u00a0code\u00a0»\u00a0: chaque commune attendue une "
                           "seule fois, trouvé 59350 à nouveau (d'abord ligne 2)"));
        warnings.clear();
        io::readPopulation(io::parseCsvText("codgeo;pmun\n59350;1\n59350;2\n59009;3\n59009;4\n", "p.csv"),
                           "codgeo", "pmun", warnings);
        QCOMPARE(warnings.size(), std::size_t(1));
        QCOMPARE(
            q(warnings[0].sentence(Language::Fr)),
            QStringLiteral("chaque commune attendue une seule fois, 2 trouvées sur plusieurs lignes\u00a0; "
                           "valeurs additionnées"));
        QCOMPARE(q(warnings[0].message),
                 QStringLiteral("expected each commune once, found 2 on several rows; values summed"));
        warnings.clear();
        io::readCommuneTable(
            io::parseCsvText("code;population;bv\n97601;10;ZZZZZ\n97602;12;ZZZZZ\n", "m.csv"), {}, warnings);
        QCOMPARE(warnings.size(), std::size_t(1));
        QCOMPARE(q(warnings[0].sentence(Language::Fr)),
                 QStringLiteral(
                     "2 communes sans bassin de vie («\u00a0ZZZZZ\u00a0», sans objet)\u00a0: conservées "
                     "sans bassin"));
    }

    void refusedCodeShowsItsInvisibleCharacters() {
        // Non-breaking spaces around a code are trimmed; a zero-width space is shown, not hidden.
        Warnings warnings;
        const auto counts = io::readProfessionals(
            io::parseCsvText("commune;profession;count\n59350\u00a0;infirmier;3\n", "nbsp.csv"), catalogue,
            2013, {}, warnings);
        QCOMPARE(describe(counts), (QStringList{"59350 infirmier 2013 3"}));
        const io::Table t = io::parseCsvText("commune;profession;count\n59350\u200b;infirmier;3\n", "zw.csv");
        const auto e = errorOf([&] { io::readProfessionals(t, catalogue, 2013, {}, warnings); });
        QVERIFY(e);
        QCOMPARE(q(e->what()), QStringLiteral("zw.csv: line 2, column 'commune': expected a commune code (5 "
                                              "characters, e.g. 01001 or 2A004), found '59350<U+200B>'"));
    }

    void communeAndItsArrondissementsAreNotCountedTwice() {
        // Paris as a whole and by arrondissement in the same file: the commune's rows are kept.
        const io::Table t = io::parseCsvText("commune;profession;count\n"
                                             "75101;medecin_generaliste;40\n"
                                             "75056;medecin_generaliste;100\n"
                                             "75102;infirmier;5\n"
                                             "69381;infirmier;7\n"
                                             "69382;infirmier;8\n",
                                             "paris.csv");
        Warnings warnings;
        const auto counts = io::readProfessionals(t, catalogue, 2013, {}, warnings);
        QCOMPARE(describe(counts),
                 (QStringList{"69123 infirmier 2013 15", "75056 medecin_generaliste 2013 100"}));
        QCOMPARE(messages(warnings),
                 (QStringList{"paris.csv: column 'commune': expected either 75056 or its arrondissements, "
                              "found both; the arrondissements were ignored (counting both would count its "
                              "professionals twice) (75101, 75102)"}));

        // Wide tables too, and per vintage: 2018 has only arrondissements.
        const io::Table wide =
            io::parseCsvText("codgeo;annee;D201\n"
                             "75056;2013;100\n75101;2013;40\n75101;2018;30\n75102;2018;20\n",
                             "wide.csv");
        io::ProfessionalsColumns columns;
        columns.vintage = "annee";
        Warnings wideWarnings;
        QCOMPARE(describe(io::readProfessionals(wide, catalogue, 0, columns, wideWarnings)),
                 (QStringList{"75056 medecin_generaliste 2013 100", "75056 medecin_generaliste 2018 50"}));
        QCOMPARE(messages(wideWarnings),
                 (QStringList{"wide.csv: column 'codgeo': expected either 75056 or its arrondissements in "
                              "2013, found both; the arrondissements were ignored (counting both would count "
                              "its professionals twice) (75101)"}));
    }

    void citiesReadFromTheirArrondissementsOnlyTakeTheirPlaceInCodeOrder() {
        // Their sums come after the communes' ones, then merged in: the records stay in code order.
        const io::Table t = io::parseCsvText("commune;profession;count\n"
                                             "75101;infirmier;3\n"
                                             "59350;infirmier;2\n"
                                             "13201;infirmier;1\n"
                                             "99999;infirmier;6\n"
                                             "69381;infirmier;5\n"
                                             "01001;infirmier;4\n"
                                             "13202;infirmier;2\n",
                                             "cities.csv");
        Warnings warnings;
        QCOMPARE(describe(io::readProfessionals(t, catalogue, 2013, {}, warnings)),
                 (QStringList{"01001 infirmier 2013 4", "13055 infirmier 2013 3", "59350 infirmier 2013 2",
                              "69123 infirmier 2013 5", "75056 infirmier 2013 3", "99999 infirmier 2013 6"}));
    }

    void oneProfessionWrittenTwoWaysIsADuplicateNamingBothRows() {
        const io::Table t = io::parseCsvText("commune;profession;count\n"
                                             "59350;D201;3\n"
                                             "59350;Médecin généraliste;4\n"
                                             "59350;D202;2\n" // D202 and D203: two specialties, one
                                             "59350;D203;1\n" // profession of the catalogue, no duplicate
                                             "59009;D232;1\n"
                                             "59009;Infirmier DE;2\n",
                                             "mixed.csv");
        Warnings warnings;
        const auto counts = io::readProfessionals(t, catalogue, 2013, {}, warnings);
        QCOMPARE(describe(counts), (QStringList{"59009 infirmier 2013 3", "59350 medecin_generaliste 2013 7",
                                                "59350 medecin_specialiste 2013 3"}));
        QCOMPARE(
            messages(warnings),
            (QStringList{"mixed.csv: line 3, column 'commune': expected each commune and profession once, "
                         "found 2 on several rows; values summed (59350 / medecin_generaliste (line 2: "
                         "'D201', line 3: 'Médecin généraliste'), 59009 / infirmier (line 6: 'D232', "
                         "line 7: 'Infirmier DE'))"}));
        QCOMPARE(warnings[0].kind, ErrorKind::Duplicate);
    }

    void repeatedRowsFarApartAreReportedInFileOrderAndSummedInRowOrder() {
        const io::Table t = io::parseCsvText("commune;profession;count;annee\n"
                                             "62041;infirmier;0.1;2018\n"
                                             "59350;D201;1;2018\n"
                                             "62041;infirmier;0.2;2013\n" // another vintage: no duplicate
                                             "59350;D201;2;2018\n"
                                             "62041;Infirmier DE;0.2;2018\n"
                                             "59009;D201;1;2018\n"
                                             "62041;infirmier;0.3;2018\n",
                                             "apart.csv");
        io::ProfessionalsColumns columns;
        columns.vintage = "annee";
        Warnings warnings;
        const auto counts = io::readProfessionals(t, catalogue, 0, columns, warnings);
        QCOMPARE(describe(counts),
                 (QStringList{"59009 medecin_generaliste 2018 1", "59350 medecin_generaliste 2018 3",
                              "62041 infirmier 2013 0.2", "62041 infirmier 2018 0.6"}));
        QCOMPARE(counts[3].count, 0.1 + 0.2 + 0.3); // in the order of the rows, as a running total
        QStringList duplicates;
        for (const auto& w : warnings)
            if (w.kind == ErrorKind::Duplicate)
                duplicates << q(w.toString());
        QCOMPARE(duplicates.size(), 1);
        // The key first seen first, each with its lines in file order, as when every row was a key.
        QCOMPARE(
            duplicates[0],
            QStringLiteral("apart.csv: line 6, column 'commune': expected each commune and profession once, "
                           "found 2 on several rows; values summed (62041 / infirmier / 2018 (line 2: "
                           "'infirmier', line 6: 'Infirmier DE', line 8: 'infirmier'), 59350 / "
                           "medecin_generaliste / 2018 (lines 3, 5))"));
    }

    void countsWrittenWithDecimalsAreOneWarningListingTheLines() {
        const io::Table t = io::parseCsvText("commune;profession;count\n"
                                             "59350;infirmier;1.234\n"
                                             "59009;infirmier;2,5\n"
                                             "59013;infirmier;3\n"
                                             "62041;infirmier;1.000\n",
                                             "decimals.csv");
        Warnings warnings;
        const auto counts = io::readProfessionals(t, catalogue, 2013, {}, warnings);
        // Kept as read: the file decides, the user is told.
        QCOMPARE(describe(counts), (QStringList{"59009 infirmier 2013 2.5", "59013 infirmier 2013 3",
                                                "59350 infirmier 2013 1.234", "62041 infirmier 2013 1"}));
        QCOMPARE(
            messages(warnings),
            (QStringList{"decimals.csv: line 2, column 'count': expected whole numbers of professionals, "
                         "found 3 values written with decimals; kept as read; '1.234' read as 1.234: if "
                         "the file groups thousands with '.', fix it (line 2, column 'count': '1.234', "
                         "line 3, column 'count': '2,5', line 5, column 'count': '1.000')"}));

        Warnings populationWarnings;
        io::readPopulation(io::parseCsvText("codgeo;pmun\n59350;236,234\n59009;62000\n", "pop.csv"), "codgeo",
                           "population", populationWarnings);
        QCOMPARE(
            messages(populationWarnings),
            (QStringList{"pop.csv: line 2, column 'pmun': expected whole numbers of inhabitants, found 1 "
                         "value written with decimals; kept as read; '236,234' read as 236.234: if the "
                         "file groups thousands with ',', fix it (line 2, column 'pmun': '236,234')"}));
    }

    void spreadsheetCountsKeepCodesAsText() {
        for (const char* name : {"io/spreadsheet.xlsx", "io/spreadsheet.ods"}) {
            Warnings warnings;
            const io::Table t = io::readTable(dataPath(name), {}, &warnings);
            const auto counts = io::readProfessionals(t, catalogue, 2013, {}, warnings);
            QCOMPARE(describe(counts), (QStringList{
                                           "01001 medecin_generaliste 2013 2",
                                           "01001 infirmier 2013 2.5",
                                           "2A004 pharmacien 2013 7",
                                       }));
        }
    }

    void vintageColumnGivesTheYearOfEachRow() {
        const io::Table t =
            io::parseCsvText("codgeo;annee;D201\n59350;2013;4\n59350;2018;5\n59350;20x8;5\n", "vintages.csv");
        io::ProfessionalsColumns columns;
        columns.vintage = "année";
        Warnings warnings;
        const auto e = errorOf([&] { io::readProfessionals(t, catalogue, 0, columns, warnings); });
        QVERIFY(e);
        QCOMPARE(q(e->what()),
                 QStringLiteral(
                     "vintages.csv: line 4, column 'annee': expected a year (e.g. 2013), found '20x8'"));
        io::Table ok = t;
        ok.rows.pop_back();
        ok.lines.pop_back();
        QCOMPARE(describe(io::readProfessionals(ok, catalogue, 0, columns, warnings)),
                 (QStringList{"59350 medecin_generaliste 2013 4", "59350 medecin_generaliste 2018 5"}));
        // Without a column nor a year, records carry vintage 0 (unknown).
        QCOMPARE(describe(io::readProfessionals(ok, catalogue, 0, {}, warnings)),
                 (QStringList{"59350 medecin_generaliste 0 9"}));
    }

    void badCommuneCodeIsAnError() {
        const io::Table t =
            io::parseCsvText("commune;profession;count\n59350;infirmier;1\nTotal;infirmier;9\n", "codes.csv");
        Warnings warnings;
        const auto e = errorOf([&] { io::readProfessionals(t, catalogue, 2013, {}, warnings); });
        QVERIFY(e);
        QCOMPARE(q(e->what()),
                 QStringLiteral("codes.csv: line 3, column 'commune': expected a commune code (5 "
                                "characters, e.g. 01001 or 2A004), found 'Total'"));
    }

    void communeTableRepairsCodesAndFoldsArrondissements() {
        const std::string path = dataPath("io/communes.csv");
        const io::Table t = io::readTable(path);
        Warnings warnings;
        const auto communes = io::readCommuneTable(t, {}, warnings);
        QStringList got;
        for (const auto& c : communes)
            got << QStringLiteral("%1|%2|%3|%4|%5|%6")
                       .arg(q(c.code), q(c.name))
                       .arg(c.population)
                       .arg(q(c.bv), q(c.dep), q(c.reg));
        QCOMPARE(got, (QStringList{
                          "01001|L'Abergement-Clémenciat|806|01093|01|84",
                          "2A004|Ajaccio|71361|2A004|2A|94",
                          "69123|Lyon|60000|69123|69|84",
                          "59350|Lille|236234|59350|59|32",
                      }));
        QCOMPARE(messages(warnings),
                 (QStringList{q(path) + ": column 'code': 2 arrondissements municipaux folded "
                                        "into their commune (75056, 69123, 13055), populations "
                                        "summed (69381, 69382)"}));
    }

    void communeTableErrorsNameLineAndColumn() {
        Warnings warnings;
        const auto dup = errorOf([&] {
            io::readCommuneTable(
                io::parseCsvText("code;population;bv\n59350;10;59350\n59350;12;59350\n", "c.csv"), {},
                warnings);
        });
        QVERIFY(dup);
        QCOMPARE(dup->kind(), ErrorKind::Duplicate);
        QCOMPARE(q(dup->what()),
                 QStringLiteral(
                     "c.csv: line 3, column 'code': expected each commune once, found 59350 again (first "
                     "on line 2)"));
        const auto missing = errorOf([&] {
            io::readCommuneTable(io::parseCsvText("code;population\n59350;10\n", "c.csv"), {}, warnings);
        });
        QVERIFY(missing);
        QCOMPARE(missing->kind(), ErrorKind::Format);
        QCOMPARE(
            q(missing->what()),
            QStringLiteral("c.csv: line 1, column 'bv': missing column: expected a column 'bv' (or 'bv2012', "
                           "'bv2022', 'code_bv', 'bassin_de_vie'), found 'code', 'population'"));
        const auto negative = errorOf([&] {
            io::readCommuneTable(io::parseCsvText("code;population;bv\n59350;-1;59350\n", "c.csv"), {},
                                 warnings);
        });
        QVERIFY(negative);
        QCOMPARE(
            q(negative->what()),
            QStringLiteral("c.csv: line 2, column 'population': expected a population >= 0, found '-1'"));
    }

    void populationSumsArrondissementsAndDuplicates() {
        const std::string path = dataPath("io/population.csv");
        const io::Table t = io::readTable(path);
        Warnings warnings;
        const auto population = io::readPopulation(t, "codgeo", "population", warnings);
        const std::map<std::string, double> expected = {
            {"01001", 806}, {"13055", 63163}, {"59350", 236244}, {"62041", 0}};
        QCOMPARE(population, expected);
        QCOMPARE(messages(warnings),
                 (QStringList{
                     q(path) + ": line 7, column 'population': masked value 's' (statistical secrecy) "
                               "counted as 0",
                     q(path) + ": line 6, column 'codgeo': expected each commune once, found it on several "
                               "rows; values summed (59350 (lines 5, 6))"}));
    }

    void populationKeepsTheCommuneOverItsArrondissements() {
        const io::Table t =
            io::parseCsvText("codgeo;pmun\n75056;2100000\n75101;16000\n75102;21000\n", "pop.csv");
        Warnings warnings;
        const auto population = io::readPopulation(t, "codgeo", "population", warnings);
        QCOMPARE(population.at("75056"), 2100000.0);
        QCOMPARE(population.size(), std::size_t(1));
        QCOMPARE(messages(warnings),
                 (QStringList{
                     "pop.csv: column 'codgeo': expected either 75056 or its arrondissements, found both; "
                     "the arrondissements were ignored (75101, 75102)"}));
    }

    void bassinMappingDetectsTheVintage() {
        const std::string path = dataPath("io/bassins.csv");
        Warnings warnings;
        const auto mapping = io::readBassinMapping(io::readTable(path), "", warnings);
        QCOMPARE(q(mapping.vintage), QStringLiteral("BV2012"));
        QCOMPARE(mapping.rows.size(), std::size_t(3));
        const auto& r = mapping.rows[0];
        QCOMPARE(QStringList({q(r.commune), q(r.communeName), q(r.bv), q(r.bvName), q(r.dep), q(r.reg)}),
                 (QStringList{"01001", "L'Abergement-Clémenciat", "01093", "Châtillon-sur-Chalaronne", "01",
                              "84"}));
        QCOMPARE(q(mapping.rows[1].commune), QStringLiteral("2A004"));
        QVERIFY(warnings.empty());

        // The crosswalk holds both zonings: the first is taken unless one is named.
        const io::Table cross = io::parseCsvText(
            "CODGEO_2018,LIBGEO_2018,DEP,BV2012,CODGEO_2023,BV2022\n1001,A,1,1093,1001,1093\n", "cross.csv");
        QCOMPARE(q(io::readBassinMapping(cross, "", warnings).vintage), QStringLiteral("BV2012"));
        const auto m22 = io::readBassinMapping(cross, "bv2022", warnings);
        QCOMPARE(q(m22.vintage), QStringLiteral("BV2022"));
        QCOMPARE(q(m22.rows[0].commune), QStringLiteral("01001"));
        QCOMPARE(q(m22.rows[0].bv), QStringLiteral("01093"));

        // INSEE's "ZZZZZ" (sans objet): the commune is kept, in no bassin de vie.
        Warnings noBv;
        const auto mayotte = io::readBassinMapping(
            io::parseCsvText(
                "CODGEO;LIBGEO;BV2012;LIBBV2012\n97601;Acoua;ZZZZZ;Sans objet\n97602;Bandraboua;ZZZZZ;"
                "Sans objet\n",
                "bv976.csv"),
            "", noBv);
        QCOMPARE(mapping.rows.size(), std::size_t(3));
        QCOMPARE(mayotte.rows.size(), std::size_t(2));
        QCOMPARE(q(mayotte.rows[0].bv), QString());
        QCOMPARE(q(mayotte.rows[0].bvName), QString());
        QCOMPARE(messages(noBv),
                 (QStringList{"bv976.csv: line 2, column 'BV2012': 2 communes in no bassin de vie "
                              "('ZZZZZ', sans objet): kept without one (97601, 97602)"}));

        const auto conflict = errorOf([&] {
            io::readBassinMapping(io::parseCsvText("CODGEO;BV2022\n59350;59350\n59350;59009\n", "bv.csv"), "",
                                  warnings);
        });
        QVERIFY(conflict);
        QCOMPARE(q(conflict->what()),
                 QStringLiteral("bv.csv: line 3, column 'CODGEO': expected one bassin de vie per "
                                "commune, found 59350 in 59009 here and in 59350 on line 2"));
    }

    void joinReportListsUnmatchedCodesWithTheirShare() {
        std::vector<model::Commune> communes(2);
        communes[0].code = "59350";
        communes[0].population = 1000;
        communes[1].code = "59009";
        communes[1].population = 500;
        const std::vector<model::CountRecord> counts = {{"59350", "infirmier", 2013, 990},
                                                        {"59001", "infirmier", 2013, 6},
                                                        {"59002", "pharmacien", 2013, 4},
                                                        {"59001", "pharmacien", 2013, 0}};
        const io::JoinReport report =
            io::checkCountsJoin(counts, communes, "professionnels (bpe.csv)", "communes (communes.geojson)");
        QVERIFY(!report.ok());
        QCOMPARE(qList(report.unmatched), (QStringList{"59001", "59002"}));
        QCOMPARE(report.unmatchedProfessionals, 10.0);
        QCOMPARE(report.totalProfessionals, 1000.0);
        QCOMPARE(report.totalPopulation, 1500.0);
        QCOMPARE(q(report.summaryFr()),
                 QStringLiteral("2 codes de professionnels (bpe.csv) absents de communes "
                                "(communes.geojson) (1,0\u00a0% des professionnels)\u00a0: 59001, "
                                "59002"));
        QCOMPARE(q(report.summaryFr(1)),
                 QStringLiteral("2 codes de professionnels (bpe.csv) absents de communes "
                                "(communes.geojson) (1,0\u00a0% des professionnels)\u00a0: "
                                "59001 et 1 autre"));
        QCOMPARE(q(report.summaryEn(1)),
                 QStringLiteral("2 codes of professionnels (bpe.csv) are absent from "
                                "communes (communes.geojson) (1.0% of professionals): "
                                "59001 and 1 more"));
        const io::JoinReport ok = io::checkCountsJoin({counts[0]}, communes, "a.csv", "b.csv");
        QVERIFY(ok.ok());
        QCOMPARE(q(ok.summaryFr()), QStringLiteral("Tous les codes de a.csv figurent dans b.csv."));
        QCOMPARE(q(ok.summaryEn()), QStringLiteral("Every code of a.csv is present in b.csv."));
    }

    void realBpe2013WideJoinsEveryCommuneOfBv2012() {
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");
        MAILLAGE_REQUIRE_SHARED("bassins_de_vie/commune_bv2012_cog2014.csv");
        QElapsedTimer timer;
        timer.start();
        Warnings warnings;
        const io::Table t =
            io::readTable(shared("professionals/bpe2013_sante_par_commune.csv"), {}, &warnings);
        const qint64 readMs = timer.restart();
        const auto counts = io::readProfessionals(t, catalogue, 2013, {}, warnings);
        const qint64 importMs = timer.restart();
        qInfo("bpe2013 wide: read %lld ms, readProfessionals %lld ms, %zu records",
              static_cast<long long>(readMs), static_cast<long long>(importMs), counts.size());
        // Only the "columns ignored" warning: D1xx establishments, D302-D306.
        QCOMPARE(warnings.size(), std::size_t(1));
        QCOMPARE(warnings[0].details.size(), std::size_t(18));
        QCOMPARE(q(warnings[0].details.front()), QStringLiteral("D101_etablissement_sante_court_sejour"));
        QCOMPARE(total(counts, "medecin_generaliste"), 63482.0);
        QCOMPARE(total(counts, "infirmier"), 80328.0);
        double paris = 0;
        for (const auto& c : counts) {
            QVERIFY2(c.place.rfind("751", 0) != 0, c.place.c_str());
            if (c.place == "75056" && c.profession == "medecin_generaliste")
                paris = c.count;
        }
        QCOMPARE(paris, 2650.0);

        const auto mapping = io::readBassinMapping(
            io::readTable(shared("bassins_de_vie/commune_bv2012_cog2014.csv")), "", warnings);
        QCOMPARE(q(mapping.vintage), QStringLiteral("BV2012"));
        std::vector<model::Commune> communes;
        for (const auto& row : mapping.rows) {
            model::Commune c;
            c.code = row.commune;
            c.bv = row.bv;
            communes.push_back(std::move(c));
        }
        const io::JoinReport report = io::checkCountsJoin(counts, communes, "bpe2013_sante_par_commune.csv",
                                                          "commune_bv2012_cog2014.csv");
        QVERIFY2(report.ok(), report.summaryEn().c_str());
        QCOMPARE(report.unmatchedProfessionals, 0.0);
    }

    void realBpe2018LongTableReads() {
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        QElapsedTimer timer;
        timer.start();
        Warnings warnings;
        const io::Table t =
            io::readTable(shared("professionals/bpe2018_sante_par_commune_long.csv"), {}, &warnings);
        const auto counts = io::readProfessionals(t, catalogue, 2018, {}, warnings);
        qInfo("bpe2018 long: %zu rows -> %zu records in %lld ms", t.rows.size(), counts.size(),
              static_cast<long long>(timer.elapsed()));
        QCOMPARE(total(counts, "medecin_generaliste"), 61594.0);
        for (const auto& w : warnings)
            qInfo("%s", w.toString().c_str());
        // D1xx, D302-D305: no profession. D243 (psychologue) is a profession, outside the catalogue (not
        // of the Code de la santé publique): its own warning. The specialties (D202-D214) of one commune
        // are one profession of the catalogue: summed, no duplicate.
        // The 13 kinds of establishments D1xx are the facilities layer (9,350 rows); D302-D305 (6,526 rows)
        // are neither.
        QCOMPARE(warnings.size(), std::size_t(3));
        QCOMPARE(q(warnings[0].message),
                 QStringLiteral("9350 rows hold health establishments (BPE codes D1xx, 13 codes), no "
                                "professionals: not counted among them; an import keeps them as the "
                                "facilities layer"));
        QCOMPARE(q(warnings[0].details.front()), QStringLiteral("D101 (946 rows)"));
        QCOMPARE(q(warnings[1].message),
                 QStringLiteral("6526 rows ignored: expected professions of the catalogue, "
                                "found 4 BPE facility codes that are no profession"));
        QCOMPARE(q(warnings[2].message),
                 QStringLiteral("4390 rows left out: BPE codes of professions outside the catalogue (not "
                                "health professions of the Code de la santé publique)"));
        QCOMPARE(qList(warnings[2].details), QStringList{"D243 psychologue (4390 rows)"});
    }

    void joinReportGivesInhabitantsAndAPercentThatIsNeverZero() {
        io::JoinReport r;
        r.left = "communes (a.geojson)";
        r.right = "population (p.csv)";
        r.unmatched = {"44029", "49042"};
        r.unmatchedPopulation = 1888;
        r.totalPopulation = 67000000;
        QCOMPARE(q(r.summaryEn()),
                 QStringLiteral("2 codes of communes (a.geojson) are absent from population (p.csv) (1,888 "
                                "inhabitants, 0.0028% of the population): 44029, 49042"));
        QVERIFY2(q(r.summaryFr())
                     .contains(QStringLiteral("(1\u00a0888 habitants, 0,0028\u00a0% de la population)")),
                 r.summaryFr().c_str());
        r.unmatchedPopulation = 6700000; // 10 %: one decimal is enough
        QVERIFY2(
            q(r.summaryEn()).contains(QStringLiteral("(6,700,000 inhabitants, 10.0% of the population)")),
            r.summaryEn().c_str());
    }

    void opticiansOfBpe2009AreOpticiensLunetiers() {
        const io::Table t = io::parseCsvText("codgeo,D201_medecin_omnipraticien,D234_opticien_lunetier\n"
                                             "59350,10,4\n",
                                             "bpe2009.csv");
        Warnings warnings;
        const auto counts = io::readProfessionals(t, catalogue, 2009, {}, warnings);
        QCOMPARE(describe(counts),
                 (QStringList{"59350 medecin_generaliste 2009 10", "59350 opticien_lunetier 2009 4"}));
        QVERIFY(warnings.empty());
        // The code alone, as a long table writes it.
        const io::Table longTable =
            io::parseCsvText("commune,profession,count\n59350,D234,4\n", "bpe2009_long.csv");
        QCOMPARE(describe(io::readProfessionals(longTable, catalogue, 2009, {}, warnings)),
                 QStringList{"59350 opticien_lunetier 2009 4"});
        QVERIFY(warnings.empty());
    }

    void realBpe2009CountsOpticians() {
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2009_sante_par_commune.csv");
        Warnings warnings;
        const io::Table t =
            io::readTable(shared("professionals/bpe2009_sante_par_commune.csv"), {}, &warnings);
        const auto counts = io::readProfessionals(t, catalogue, 2009, {}, warnings);
        QVERIFY(total(counts, "opticien_lunetier") > 1000);
        for (const auto& w : warnings)
            QVERIFY2(w.toString().find("D234") == std::string::npos, w.toString().c_str());
    }

    void psychologistsAreAProfessionOutsideTheCatalogueNotAFacility() {
        const io::Table t = io::parseCsvText("DEPCOM;TYPEQU;NB_EQUIP\n"
                                             "59350;D201;3\n"
                                             "59350;D243;2\n"
                                             "59009;D243;1\n"
                                             "59350;D101;1\n",
                                             "bpe2018.csv");
        Warnings warnings;
        const auto counts = io::readProfessionals(t, catalogue, 2018, {}, warnings);
        QCOMPARE(describe(counts), QStringList{"59350 medecin_generaliste 2018 3"});
        QCOMPARE(warnings.size(), std::size_t(2));
        QCOMPARE(q(warnings[0].toString()),
                 QStringLiteral(
                     "bpe2018.csv: line 5, column 'TYPEQU': 1 row holds health establishments (BPE "
                     "codes D1xx, 1 code), no professionals: not counted among them; an import keeps them "
                     "as the facilities layer (D101 (1 row))"));
        QCOMPARE(q(warnings[1].toString()),
                 QStringLiteral("bpe2018.csv: line 3, column 'TYPEQU': 2 rows left out: BPE codes of "
                                "professions outside the catalogue (not health professions of the Code de la "
                                "santé publique) (D243 psychologue (2 rows))"));
        // The same code as a column of a wide table.
        const io::Table wide = io::parseCsvText("codgeo,D201,D243_psychologue\n59350,3,2\n", "wide.csv");
        Warnings wideWarnings;
        QCOMPARE(describe(io::readProfessionals(wide, catalogue, 2018, {}, wideWarnings)),
                 QStringList{"59350 medecin_generaliste 2018 3"});
        QCOMPARE(wideWarnings.size(), std::size_t(1));
        QCOMPARE(q(wideWarnings[0].toString()),
                 QStringLiteral("wide.csv: line 1: 1 column left out: BPE codes of professions outside the "
                                "catalogue (not health professions of the Code de la santé publique) "
                                "(D243_psychologue)"));
    }

    void bpeTablesCallForTheBpeMassScaleAndOthersDoNot() {
        const auto table = [](const char* csv) { return io::parseCsvText(csv, "t.csv"); };
        QCOMPARE(io::massScaleForSource(table("DEPCOM;TYPEQU;NB_EQUIP\n59350;D201;3\n")).scale, 0.25);
        QCOMPARE(io::massScaleForSource(table("codgeo,D201_medecin_omnipraticien\n59350,3\n")).scale, 0.25);
        QCOMPARE(
            io::massScaleForSource(table("commune,profession,count\n59350,D201,3\n59009,D232,1\n")).scale,
            0.25);
        // A long table mixing BPE codes and other names is not BPE data; nor are canonical codes.
        QCOMPARE(io::massScaleForSource(table("commune,profession,count\n59350,D201,3\n59009,infirmier,1\n"))
                     .scale,
                 1.0);
        const auto plain = io::massScaleForSource(table("commune,profession,count\n59350,infirmier,1\n"));
        QCOMPARE(plain.scale, 1.0);
        QVERIFY(plain.reason.empty());
        QVERIFY(io::massScaleForSource(table("DEPCOM;TYPEQU;NB_EQUIP\n59350;D201;3\n"))
                    .reason.find("scaled by 0.25") != std::string::npos);
        QVERIFY(plain.message.empty());
        QVERIFY2(q(word(io::massScaleForSource(table("DEPCOM;TYPEQU;NB_EQUIP\n59350;D201;3\n")).message,
                        Language::Fr))
                     .contains(QStringLiteral("les seuils des pôles sont multipliés par 0,25")),
                 "the BPE scale is said in French");
    }

    void zoneCountsAreSummedPerZoneAndCommunesNotSplitAreLeftOut() {
        const io::Table t = io::parseCsvText("DEPCOM;DCIRIS;TYPEQU;NB_EQUIP\n"
                                             "59350;593500101;D201;3\n"
                                             "59350;593500101;D201;2\n"
                                             "59350;593500102;D232;4\n"
                                             "59350;593500102;D101;1\n"
                                             "1001;01001;D201;1\n",
                                             "iris.csv");
        Warnings warnings;
        const auto zc = io::readZoneProfessionals(t, catalogue, 2018, {}, "", warnings);
        QCOMPARE(zc.zones.size(), std::size_t(2)); // 01001 is not split into IRIS
        QCOMPARE(q(zc.zones[0].code), QStringLiteral("593500101"));
        QCOMPARE(q(zc.zones[0].commune), QStringLiteral("59350"));
        QCOMPARE(describe(zc.counts),
                 (QStringList{"593500101 medecin_generaliste 2018 5", "593500102 infirmier 2018 4"}));
        QCOMPARE(warnings.size(), std::size_t(1)); // D101, an establishment
        QVERIFY(q(warnings[0].details.front()).startsWith(QStringLiteral("D101")));
    }

    void zoneListedUnderTwoCommunesIsAnErrorNamingTheLine() {
        const io::Table t = io::parseCsvText("DEPCOM;DCIRIS;TYPEQU;NB_EQUIP\n"
                                             "59350;593500101;D201;3\n"
                                             "59009;593500101;D201;2\n",
                                             "iris.csv");
        Warnings warnings;
        try {
            io::readZoneProfessionals(t, catalogue, 2018, {}, "", warnings);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(q(e.what()), QStringLiteral("iris.csv: line 3, column 'DEPCOM': zone '593500101' is in "
                                                 "commune 59350 on an earlier line, expected the same "
                                                 "commune, found 59009"));
        }
    }

    void realBpe2018ByIrisAddsUpToTheCommuneCounts() {
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_iris_long.csv");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        Warnings warnings;
        const auto zc = io::readZoneProfessionals(
            io::readTable(shared("professionals/bpe2018_sante_par_iris_long.csv"), {}, &warnings), catalogue,
            2018, {}, "", warnings);
        const auto communes = io::readProfessionals(
            io::readTable(shared("professionals/bpe2018_sante_par_commune_long.csv"), {}, &warnings),
            catalogue, 2018, {}, warnings);
        std::set<std::string> lilleZones;
        for (const auto& z : zc.zones)
            if (z.commune == "59350")
                lilleZones.insert(z.code);
        QVERIFY(lilleZones.size() > 50);
        double zones = 0, commune = 0;
        for (const auto& c : zc.counts)
            if (lilleZones.count(c.place) && c.profession == "medecin_generaliste")
                zones += c.count;
        for (const auto& c : communes)
            if (c.place == "59350" && c.profession == "medecin_generaliste")
                commune += c.count;
        QVERIFY(commune > 100);
        QCOMPARE(zones, commune);
    }

    void realPopulationReads() {
        MAILLAGE_REQUIRE_SHARED("population/population_communes_2020.csv");
        Warnings warnings;
        const auto population =
            io::readPopulation(io::readTable(shared("population/population_communes_2020.csv")), "codgeo",
                               "population", warnings);
        QVERIFY(population.count("75056"));
        QVERIFY(population.at("75056") > 2000000);
        QVERIFY(!population.count("75101"));
    }
};

QTEST_APPLESS_MAIN(TestImporters)
#include "test_importers.moc"
