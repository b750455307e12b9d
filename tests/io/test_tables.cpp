// Reading tables as French public data really is: core/io/table.h.
#include "core/io/table.h"
#include "core/model/text.h"
#include "testing.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <functional>
#include <optional>
#include <random>
#include <thread>

using namespace maillage;
using maillage::testing::dataPath;
using maillage::testing::q;
using maillage::testing::qList;

namespace {

template <typename F> std::optional<Error> errorOf(F&& f) {
    return maillage::testing::thrown<Error>(std::forward<F>(f));
}

std::string shared(const char* relative) {
    return maillage::testing::sharedPath(relative).toStdString();
}

} // namespace

class TestTables : public QObject {
    Q_OBJECT

private slots:
    void latin1SemicolonFileIsReadWithAccents() {
        const std::string path = dataPath("io/latin1_semicolon.csv");
        Warnings warnings;
        const io::Table t = io::readTable(path, {}, &warnings);
        QCOMPARE(t.separator, ';');
        QCOMPARE(q(t.encoding), QStringLiteral("CP1252"));
        QCOMPARE(t.headerLine, 4L);
        QCOMPARE(qList(t.header), (QStringList{"Commune", "Libellé", "Profession", "Effectif"}));
        QCOMPARE(t.rows.size(), std::size_t(3));
        QCOMPARE(t.lines, (std::vector<long>{5, 6, 7}));
        QCOMPARE(qList(t.rows[0]),
                 (QStringList{"1001", "L'Abergement-Clémenciat", "Médecin généraliste", "2,5"}));
        // 0x92 is a right single quotation mark in Windows-1252, not a control character as in ISO-8859-1.
        QCOMPARE(q(t.rows[1][1]), QStringLiteral("Saint-Martin-d’Hères"));
        QCOMPARE(q(t.rows[2][0]), QStringLiteral("2a004"));
        // The encoding was guessed: said first (issue 6); the title lines after.
        QCOMPARE(warnings.size(), std::size_t(2));
        QCOMPARE(q(warnings[0].toString()), q(path) + ": decoded as Windows-1252 (not UTF-8)");
        QCOMPARE(q(warnings[1].toString()),
                 q(path) + ": line 1: lines 1-2 above the header (line 4) skipped as title lines");
    }

    void latin1EncodingCanBeForced() {
        io::TableReadOptions strict;
        strict.encoding = "LATIN1";
        QCOMPARE(q(io::parseCsvText("code;nom\n01001;Amb\xE9rieu\n", "m.csv", strict).rows[0][1]),
                 QStringLiteral("Ambérieu"));
        io::TableReadOptions utf8;
        utf8.encoding = "UTF-8";
        const auto e = errorOf([&] { io::parseCsvText("code;nom\n01001;Amb\xE9rieu\n", "m.csv", utf8); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Format);
        QCOMPARE(q(e->what()),
                 QStringLiteral(
                     "m.csv: line 2: expected UTF-8 text, found the byte 0xE9 (is the file in Latin-1 / "
                     "Windows-1252?)"));
    }

    void utf8BomIsStripped() {
        const io::Table t = io::parseCsvText("\xEF\xBB\xBF"
                                             "code;nom\n01004;Ambérieu-en-Bugey\n",
                                             "bom.csv");
        QCOMPARE(q(t.encoding), QStringLiteral("UTF-8"));
        QCOMPARE(qList(t.header), (QStringList{"code", "nom"}));
        QCOMPARE(t.column("code"), 0);
        QCOMPARE(q(t.rows[0][1]), QStringLiteral("Ambérieu-en-Bugey"));
    }

    // A file read from disk is tokenised in the buffer it was read into (no second copy): only its BOM
    // goes, the last cell keeps its last byte, and a file that is not UTF-8 is still decoded from it.
    void utf8FileFromDiskLosesOnlyItsBomAndLatin1FilesAreStillDecoded() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto write = [&](const char* name, const std::string& bytes) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            if (!f.open(QIODevice::WriteOnly))
                return std::string();
            f.write(bytes.data(), static_cast<qint64>(bytes.size()));
            return f.fileName().toStdString();
        };
        const io::Table utf8 = io::readTable(write("bom.csv", "\xEF\xBB\xBF"
                                                              "code;nom\n01004;Ambérieu-en-Bugey"));
        QCOMPARE(q(utf8.encoding), QStringLiteral("UTF-8"));
        QCOMPARE(qList(utf8.header), (QStringList{"code", "nom"}));
        QCOMPARE(q(utf8.rows[0][1]), QStringLiteral("Ambérieu-en-Bugey"));
        const io::Table latin1 = io::readTable(write("latin1.csv", "code;nom\n01004;Amb\xE9rieu\n"));
        QCOMPARE(q(latin1.encoding), QStringLiteral("CP1252"));
        QCOMPARE(q(latin1.rows[0][1]), QStringLiteral("Ambérieu"));
        io::TableReadOptions utf8Only;
        utf8Only.encoding = "UTF-8";
        const auto e =
            errorOf([&] { io::readTable(write("bad.csv", "code;nom\n01004;ok\n01005;\xE9\n"), utf8Only); });
        QVERIFY(e);
        QCOMPARE(e->where().line, 3L);
    }

    void utf16FileWithBomIsDecoded() {
        const std::u16string text = u"\uFEFFcode\tnom\r\n59350\tLille\r\n";
        std::string bytes;
        for (char16_t c : text) {
            bytes += static_cast<char>(c & 0xFF);
            bytes += static_cast<char>(c >> 8);
        }
        const io::Table t = io::parseCsvText(bytes, "unicode.txt");
        QCOMPARE(t.separator, '\t');
        QCOMPARE(q(t.encoding), QStringLiteral("UTF-16"));
        QCOMPARE(qList(t.rows[0]), (QStringList{"59350", "Lille"}));
    }

    void separatorIsDetectedAmongSemicolonCommaTabAndPipe() {
        QCOMPARE(io::parseCsvText("code\tvaleur\n01001\t1,5\n", "t.tsv").separator, '\t');
        QCOMPARE(io::parseCsvText("code|valeur\n01001|1,5\n", "p.txt").separator, '|');
        // Decimal commas do not fool the detection.
        const io::Table semi = io::parseCsvText("code;valeur\n01001;1,5\n01002;2,5\n01004;3\n", "s.csv");
        QCOMPARE(semi.separator, ';');
        QCOMPARE(qList(semi.rows[0]), (QStringList{"01001", "1,5"}));
        // Separators inside quotes are not counted.
        const io::Table comma = io::parseCsvText("code,valeur\n01001,\"1,5\"\n01002,\"2;5\"\n", "c.csv");
        QCOMPARE(comma.separator, ',');
        QCOMPARE(qList(comma.rows[1]), (QStringList{"01002", "2;5"}));
        io::TableReadOptions forced;
        forced.separator = ',';
        QCOMPARE(io::parseCsvText("a;b,c\n1;2,3\n", "f.csv", forced).header.size(), std::size_t(2));
    }

    void quotesEmbeddedNewlinesAndCrlfKeepEditorLineNumbers() {
        Warnings warnings;
        const io::Table t = io::readTable(dataPath("io/quoted_multiline.csv"), {}, &warnings);
        QCOMPARE(t.separator, ',');
        QCOMPARE(t.rows.size(), std::size_t(3)); // trailing blank lines ignored
        QCOMPARE(qList(t.rows[0]), (QStringList{"59350", "Lille", "ligne 1\nligne 2"}));
        QCOMPARE(qList(t.rows[1]), (QStringList{"59009", "Villeneuve-d'Ascq", "dit \"VdA\""}));
        QCOMPARE(qList(t.rows[2]), (QStringList{"62041", "", ""})); // short row padded
        QCOMPARE(t.lines, (std::vector<long>{2, 4, 5}));
        QVERIFY(warnings.empty());
    }

    void headerIsFoundBelowTitleLines() {
        // Without help, the first line with the most fields is the header...
        const io::Table plain =
            io::parseCsvText("Population 2020\nSource: INSEE\ncodgeo;population\n01001;806\n", "titles.csv");
        QCOMPARE(plain.headerLine, 3L);
        QCOMPARE(qList(plain.rows[0]), (QStringList{"01001", "806"}));
        // ... unless a title line has more fields: then the expected columns tell.
        const std::string text = "Note;voir;la;notice;jointe\ncodgeo;population\n01001;806\n";
        io::TableReadOptions options;
        options.expectedColumns = {"Population"};
        const io::Table t = io::parseCsvText(text, "note.csv", options);
        QCOMPARE(t.headerLine, 2L);
        QCOMPARE(qList(t.header), (QStringList{"codgeo", "population"}));
        io::TableReadOptions explicitLine;
        explicitLine.headerLine = 2;
        QCOMPARE(io::parseCsvText(text, "note.csv", explicitLine).lines, (std::vector<long>{3}));
    }

    void emptyFileIsAnError() {
        for (const char* name : {"io/empty.csv", "io/blank_lines.csv"}) {
            const std::string path = dataPath(name);
            const auto e = errorOf([&] { io::readTable(path); });
            QVERIFY(e);
            QCOMPARE(e->kind(), ErrorKind::Format);
            QCOMPARE(q(e->what()), q(path) + ": the file is empty: expected a header line and rows");
        }
    }

    void unterminatedQuoteNamesTheLineWhereItOpened() {
        const std::string path = dataPath("io/truncated.csv");
        const auto e = errorOf([&] { io::readTable(path); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Format);
        QCOMPARE(e->where().line, 3L);
        QCOMPARE(q(e->what()), q(path) +
                                   ": line 3, column 'libgeo': unterminated quoted field: the quote opened "
                                   "on line 3 is never closed (is the file truncated?)");
    }

    void rowWithMoreFieldsThanTheHeaderIsAFormatError() {
        const std::string path = dataPath("io/too_many_fields.csv");
        const auto e = errorOf([&] { io::readTable(path); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Format);
        QCOMPARE(q(e->what()), q(path) +
                                   ": line 3: expected at most 3 fields as in the header (line 1), found 4; "
                                   "check the separator (';') and the quotes");
        const auto e2 = errorOf([] { io::parseCsvText("a;b\n1;2;3\n", "x.csv"); });
        QVERIFY(e2);
        QCOMPARE(q(e2->what()),
                 QStringLiteral("x.csv: line 2: expected at most 2 fields as in the header (line 1), "
                                "found 3; check the separator (';') and the quotes"));
        // Trailing empty fields beyond the header are not "more fields".
        QCOMPARE(io::parseCsvText("a;b\n1;2;;\n", "x.csv").rows[0].size(), std::size_t(2));
    }

    void missingFileIsFileNotFound() {
        const auto e = errorOf([] { io::readTable("/nonexistent/communes.csv"); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::FileNotFound);
        QCOMPARE(q(e->what()), QStringLiteral("/nonexistent/communes.csv: file not found"));
    }

    void tableErrorsAndWarningsAreWordedInFrench() {
        const auto missing = errorOf([] { io::readTable("/nonexistent/communes.csv"); });
        QVERIFY(missing);
        QCOMPARE(q(missing->describe(Language::Fr, PathStyle::FileName)),
                 QStringLiteral("communes.csv\u00a0: fichier introuvable"));
        const auto wide = errorOf([] { io::parseCsvText("a;b\n1;2;3\n", "x.csv"); });
        QVERIFY(wide);
        QCOMPARE(
            q(wide->describe(Language::Fr)),
            QStringLiteral("x.csv, ligne 2\u00a0: au plus 2 champs attendus comme dans l'en-tête (ligne 1), "
                           "trouvé 3\u00a0; vérifiez le séparateur («\u00a0;\u00a0») et les guillemets"));
        const auto twice = errorOf([] { io::parseCsvText("code;Code\n1;2\n", "d.csv"); });
        QVERIFY(twice);
        QVERIFY2(q(twice->describe(Language::Fr))
                     .contains(QStringLiteral("colonne en double\u00a0: «\u00a0code\u00a0» (colonne 1) et "
                                              "«\u00a0Code\u00a0» (colonne 2) portent le même nom")),
                 twice->describe(Language::Fr).c_str());
        std::string text = "code;nom\n01004;Ambérieu\n";
        for (int i = 0; i < 8; ++i)
            text += "0100" + std::to_string(i) + ";Amb\xE9rieu\n";
        const io::Table t = io::parseCsvText(text, "m.csv");
        QCOMPARE(t.warnings.size(), std::size_t(1));
        QVERIFY2(
            q(t.warnings[0].sentence(Language::Fr))
                .startsWith(QStringLiteral("encodages mélangés\u00a0: 8 lignes ne sont pas en UTF-8 valide "
                                           "et ont été lues en Windows-1252 (lignes 3, 4, 5, 6, 7 et 3 "
                                           "autres)")),
            t.warnings[0].sentence(Language::Fr).c_str());
    }

    void columnsMatchIgnoringCaseAccentsSpacesAndDashes() {
        const io::Table t =
            io::parseCsvText("Code Commune;Libellé;NB_EQUIP\n01001;A;1\n02002;B;2\n", "cols.csv");
        QCOMPARE(t.column("code_commune"), 0);
        QCOMPARE(t.column("LIBELLE"), 1);
        QCOMPARE(t.column("nb-equip"), 2);
        QCOMPARE(t.column("population"), -1);
        QCOMPARE(q(t.at(1, 2).describe()), QStringLiteral("cols.csv: line 3, column 'NB_EQUIP'"));
        const auto e = errorOf([&] { t.requireColumn("population"); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Format);
        QCOMPARE(q(e->what()),
                 QStringLiteral("cols.csv: line 1, column 'population': missing column: expected a "
                                "column named 'population' in the header, found 'Code Commune', "
                                "'Libellé', 'NB_EQUIP'"));
    }

    void columnNamesFoldLikeProfessionAliases() {
        // One folding for column names and aliases (text::matchKey): punctuation does not count.
        QCOMPARE(io::columnKey("N° Code_Géo"), text::matchKey("N° Code_Géo"));
        QCOMPARE(io::columnKey("N° Code_Géo"), std::string("ncodegeo"));
        QCOMPARE(io::columnKey("Effectif (nombre)"), std::string("effectifnombre"));
        const io::Table t = io::parseCsvText("N° Commune;Pop. municipale\n01001;806\n", "n.csv");
        QCOMPARE(t.column("n_commune"), 0);
        QCOMPARE(t.column("pop municipale"), 1);
    }

    void windows1252TextDecodesLikeTheTextModule() {
        // Undefined bytes included: one mapping in the whole engine.
        const std::string bytes = "code;nom\n01001;\x80\x81\x8D\x92\x9D\xE9\n";
        const io::Table t = io::parseCsvText(bytes, "cp.csv");
        QCOMPARE(q(t.encoding), QStringLiteral("CP1252"));
        QCOMPARE(t.rows[0][1], text::windows1252ToUtf8("\x80\x81\x8D\x92\x9D\xE9"));
        QVERIFY(text::isValidUtf8(t.rows[0][1]));
        // Overlong UTF-8 is no UTF-8: the file is read as Windows-1252.
        QCOMPARE(q(io::parseCsvText("code;nom\n01001;\xC0\xAF\n", "o.csv").encoding),
                 QStringLiteral("CP1252"));
    }

    void fifoIsReadToItsEnd() {
        // `maillage import --communes <(zcat communes.csv.gz)`: a pipe has no size.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("communes.csv")).toStdString();
        QCOMPARE(::mkfifo(path.c_str(), 0600), 0);
        const std::string content = "code;population\n01001;806\n59350;236234\n";
        std::thread writer([&] {
            // Non-blocking open until the reader has opened its end, so that a failing reader cannot
            // leave this thread blocked forever.
            int fd = -1;
            for (int attempt = 0; attempt < 1000 && fd < 0; ++attempt) {
                fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK);
                if (fd < 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
            if (fd < 0)
                return;
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
            std::size_t written = 0;
            while (written < content.size()) {
                const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
                if (n <= 0 && errno != EINTR)
                    break;
                if (n > 0)
                    written += static_cast<std::size_t>(n);
            }
            ::close(fd);
        });
        std::optional<io::Table> t;
        std::optional<Error> e = errorOf([&] { t = io::readTable(path); });
        writer.join();
        QVERIFY2(!e, e ? e->what() : "");
        QCOMPARE(qList(t->header), (QStringList{"code", "population"}));
        QCOMPARE(t->rows.size(), std::size_t(2));
        QCOMPARE(q(t->rows[1][1]), QStringLiteral("236234"));
    }

    void xlsxIsReadWithSpreadsheetRowNumbers() {
        const std::string path = dataPath("io/spreadsheet.xlsx");
        Warnings warnings;
        const io::Table t = io::readTable(path, {}, &warnings);
        QCOMPARE(t.headerLine, 3L);
        QCOMPARE(qList(t.header), (QStringList{"code_commune", "Profession", "Effectif"}));
        QCOMPARE(t.lines, (std::vector<long>{4, 5, 7}));
        QCOMPARE(qList(t.rows[0]), (QStringList{"01001", "Médecin généraliste", "2"}));
        QCOMPARE(qList(t.rows[1]), (QStringList{"1001", "Infirmier", "2.5"}));
        QCOMPARE(qList(t.rows[2]), (QStringList{"2A004", "Pharmacien", "7"}));
        // Two sheets: which one was read is said first (issue 6); the title row after.
        QCOMPARE(warnings.size(), std::size_t(2));
        QCOMPARE(q(warnings[0].toString()),
                 q(path) + ": read sheet 'Effectifs' (sheet 1 of 2); not read: 'Notes' (choose another sheet "
                           "by its name or number)");
        QCOMPARE(q(warnings[1].toString()),
                 q(path) + ": line 1: row 1 above the header (row 3) skipped as title row");
    }

    void odsIsReadLikeXlsx() {
        const io::Table t = io::readTable(dataPath("io/spreadsheet.ods"));
        QCOMPARE(t.headerLine, 3L);
        QCOMPARE(qList(t.header), (QStringList{"code_commune", "Profession", "Effectif"}));
        QCOMPARE(t.lines, (std::vector<long>{4, 5, 7}));
        QCOMPARE(qList(t.rows[0]), (QStringList{"01001", "Médecin généraliste", "2"}));
        QCOMPARE(qList(t.rows[1]), (QStringList{"1001", "Infirmier", "2.5"}));
        QCOMPARE(qList(t.rows[2]), (QStringList{"2A004", "Pharmacien", "7"}));
    }

    void spreadsheetSavedUnderAnotherExtensionIsRecognised() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const char* name : {"spreadsheet.xlsx", "spreadsheet.ods"}) {
            const QString copy = dir.filePath(QStringLiteral("%1.csv").arg(QString::fromLatin1(name)));
            QVERIFY(QFile::copy(QString::fromStdString(dataPath((std::string("io/") + name).c_str())), copy));
            const io::Table t = io::readTable(copy.toStdString());
            QCOMPARE(t.headerLine, 3L);
            QCOMPARE(qList(t.rows[2]), (QStringList{"2A004", "Pharmacien", "7"}));
        }
    }

    void corruptSpreadsheetCannotBeOpened() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.xlsx"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 not really a zip");
        f.close();
        const auto e = errorOf([&] { io::readTable(path.toStdString()); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::CannotOpen);
        QVERIFY2(q(e->what()).startsWith(path +
                                         QStringLiteral(": cannot open the spreadsheet (expected an XLSX or "
                                                        "ODS file)")),
                 e->what());
    }

    void sheetIsChosenByName() {
        const std::string path = dataPath("io/spreadsheet.xlsx");
        io::TableReadOptions options;
        options.sheet = "notes";
        const io::Table t = io::readTable(path, options);
        QCOMPARE(qList(t.header), (QStringList{"Licence", "Etalab"}));
        QCOMPARE(t.headerLine, 2L);
        options.sheet = "Absente";
        const auto e = errorOf([&] { io::readTable(path, options); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Format);
        QCOMPARE(q(e->what()), q(path) + ": expected a sheet named 'Absente', found 'Effectifs', 'Notes'");
    }

    // ---- Issue 6: encodings, NUL bytes, duplicate columns, header-only tables, sheets.

    void guessedEncodingIsWarnedInTheTableItself() {
        // No Warnings* given: the warning still travels with the table.
        const io::Table t = io::parseCsvText("code;nom\n01001;Amb\xE9rieu\n", "communes.csv");
        QCOMPARE(q(t.encoding), QStringLiteral("CP1252"));
        QCOMPARE(t.warnings.size(), std::size_t(1));
        QCOMPARE(q(t.warnings[0].toString()),
                 QStringLiteral("communes.csv: decoded as Windows-1252 (not UTF-8)"));
        Warnings warnings;
        io::parseCsvText("code;nom\n01001;Amb\xE9rieu\n", "communes.csv", {}, &warnings);
        QCOMPARE(warnings.size(), std::size_t(1));
        // Valid UTF-8 and a forced encoding are not guesses.
        QVERIFY(io::parseCsvText("code;nom\n01001;Ambérieu\n", "u.csv").warnings.empty());
        io::TableReadOptions cp1252;
        cp1252.encoding = "CP1252";
        QVERIFY(io::parseCsvText("code;nom\n01001;Amb\xE9rieu\n", "c.csv", cp1252).warnings.empty());
    }

    void oneLatin1LineLeavesTheUtf8LinesIntactAndIsNamed() {
        const io::Table t =
            io::parseCsvText("code;nom\n01004;Ambérieu-en-Bugey\n38421;Saint-Martin-d'H\xE8res\n59350;Lille\n"
                             "62041;Arras-sur-Sensée\n",
                             "mixed.csv");
        QCOMPARE(q(t.rows[0][1]), QStringLiteral("Ambérieu-en-Bugey"));
        QCOMPARE(q(t.rows[1][1]), QStringLiteral("Saint-Martin-d'Hères"));
        QCOMPARE(q(t.rows[3][1]), QStringLiteral("Arras-sur-Sensée"));
        QCOMPARE(q(t.encoding), QStringLiteral("UTF-8+CP1252"));
        QCOMPARE(t.warnings.size(), std::size_t(1));
        QCOMPARE(
            q(t.warnings[0].toString()),
            QStringLiteral("mixed.csv: line 3: mixed encodings: 1 line is not valid UTF-8 and was decoded as "
                           "Windows-1252 (line 3), the other lines as UTF-8; expected one encoding: check "
                           "the accents on that line"));
    }

    void manyLatin1LinesAreCountedWithTheFirstFewNamed() {
        std::string text = "code;nom\n01004;Ambérieu\n"; // line 2 is UTF-8
        for (int i = 0; i < 8; ++i)
            text += "0100" + std::to_string(i) + ";Amb\xE9rieu\n"; // lines 3-10
        const io::Table t = io::parseCsvText(text, "m.csv");
        QCOMPARE(t.rows.size(), std::size_t(9));
        QCOMPARE(q(t.rows[8][1]), QStringLiteral("Ambérieu"));
        QCOMPARE(t.warnings.size(), std::size_t(1));
        QVERIFY2(q(t.warnings[0].message).contains(QStringLiteral("8 lines are not valid UTF-8")),
                 t.warnings[0].message.c_str());
        QVERIFY2(q(t.warnings[0].message).contains(QStringLiteral("(lines 3, 4, 5, 6, 7 and 3 more)")),
                 t.warnings[0].message.c_str());
        QCOMPARE(t.warnings[0].details.size(), std::size_t(8));
    }

    void utf16WithoutBomIsRecognisedInBothByteOrders() {
        const std::u16string text = u"codgeo;libgeo\r\n38421;Saint-Martin-d’Hères\r\n59350;Lille\r\n";
        for (const bool bigEndian : {false, true}) {
            std::string bytes;
            for (char16_t c : text) {
                const char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
                bytes += bigEndian ? hi : lo;
                bytes += bigEndian ? lo : hi;
            }
            const io::Table t = io::parseCsvText(bytes, "unicode.txt");
            QCOMPARE(q(t.encoding), QStringLiteral("UTF-16"));
            QCOMPARE(qList(t.header), (QStringList{"codgeo", "libgeo"}));
            QCOMPARE(q(t.rows[0][1]), QStringLiteral("Saint-Martin-d’Hères"));
            QCOMPARE(t.warnings.size(), std::size_t(1));
            QCOMPARE(q(t.warnings[0].toString()),
                     QStringLiteral("unicode.txt: decoded as UTF-16 %1 (no byte order mark)")
                         .arg(bigEndian ? "BE" : "LE"));
        }
    }

    void utf16ByteOrderCanBeGiven() {
        // Given by the caller: read so, without the warning a guess gets.
        const std::string be("\0a\0\n\0"
                             "1\0\n",
                             8);
        io::TableReadOptions options;
        options.encoding = "utf-16be";
        const io::Table t = io::parseCsvText(be, "be.txt", options);
        QCOMPARE(q(t.encoding), QStringLiteral("UTF-16"));
        QCOMPARE(qList(t.header), (QStringList{"a"}));
        QCOMPARE(qList(t.rows[0]), (QStringList{"1"}));
        QVERIFY(t.warnings.empty());
    }

    void nulByteIsNamedWithItsLineAndNeverCutsTheMessage() {
        const std::string bytes("code;nom\n01001;Amb\0rieu\n", 23);
        const auto e = errorOf([&] { io::parseCsvText(bytes, "bin.csv"); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Format);
        QCOMPARE(q(e->what()),
                 QStringLiteral("bin.csv: line 2: binary file? NUL byte on line 2: expected text "
                                "(CSV, TSV) or a spreadsheet (XLSX, ODS)"));
        QCOMPARE(std::string(e->what()).size(), std::strlen(e->what()));
        // A real binary file: a PNG signature and header.
        const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20);
        const auto e2 = errorOf([&] { io::parseCsvText(png, "image.csv"); });
        QVERIFY(e2);
        QVERIFY2(q(e2->what()).contains(QStringLiteral("binary file? NUL byte on line 3")), e2->what());
    }

    void duplicateColumnNamesAreRefusedNamingBothPositions() {
        const auto longTable = errorOf([] {
            io::parseCsvText("commune;profession;count;Commune\n59350;infirmier;3;59350\n", "long.csv");
        });
        QVERIFY(longTable);
        QCOMPARE(longTable->kind(), ErrorKind::Format);
        QCOMPARE(
            q(longTable->what()),
            QStringLiteral("long.csv: line 1, column 'Commune': duplicate column: 'commune' (column 1) and "
                           "'Commune' (column 4) have the same name; expected each column name once (rename "
                           "one of them)"));
        const auto wide =
            errorOf([] { io::parseCsvText("Titre\ncodgeo;D201;D232;D201\n59350;1;2;3\n", "wide.csv"); });
        QVERIFY(wide);
        QVERIFY2(q(wide->what())
                     .startsWith(QStringLiteral("wide.csv: line 2, column 'D201': duplicate column: 'D201' "
                                                "(column 2) and 'D201' (column 4)")),
                 wide->what());
    }

    void headerWithoutDataRowIsRefused() {
        for (const char* text : {"codgeo;D201\n", "Titre\n\ncodgeo;D201\n;\n\n"}) {
            const auto e = errorOf([&] { io::parseCsvText(text, "empty_rows.csv"); });
            QVERIFY(e);
            QCOMPARE(e->kind(), ErrorKind::Format);
            QVERIFY2(q(e->what()).contains(QStringLiteral("no data row: expected rows below the header")),
                     e->what());
        }
    }

    void documentationSheetFirstIsPassedOverAndSaid() {
        for (const char* name : {"io/documentation_first.xlsx", "io/documentation_first.ods"}) {
            const std::string path = dataPath(name);
            io::TableReadOptions options;
            options.expectedColumns = {"code_commune", "effectif"};
            const io::Table t = io::readTable(path, options);
            QCOMPARE(q(t.sheet), QStringLiteral("Données"));
            QCOMPARE(qList(t.header), (QStringList{"code_commune", "Profession", "Effectif"}));
            QCOMPARE(t.lines, (std::vector<long>{4, 5, 7}));
            QCOMPARE(q(t.warnings[0].toString()),
                     q(path) +
                         QStringLiteral(": read sheet 'Données' (sheet 2 of 3): its header holds more of the "
                                        "expected columns (code_commune, effectif) than the first sheet, "
                                        "'Documentation'; not read: 'Documentation', 'Notes' (choose another "
                                        "sheet by its name or number)"));
            // Without expected columns, a sheet named as documentation is passed over too.
            const io::Table guessed = io::readTable(path);
            QCOMPARE(q(guessed.sheet), QStringLiteral("Données"));
            QVERIFY2(q(guessed.warnings[0].message).contains(QStringLiteral("looks like documentation")),
                     guessed.warnings[0].message.c_str());
        }
    }

    void sheetIsChosenByNumberWithoutWarning() {
        io::TableReadOptions options;
        options.sheet = "2";
        const io::Table t = io::readTable(dataPath("io/documentation_first.xlsx"), options);
        QCOMPARE(q(t.sheet), QStringLiteral("Données"));
        QVERIFY(t.warnings.size() == 1); // the title row only: the sheet was chosen
        options.sheet = "4";
        const auto e = errorOf([&] { io::readTable(dataPath("io/documentation_first.xlsx"), options); });
        QVERIFY(e);
        QVERIFY2(q(e->what()).endsWith(QStringLiteral("expected a sheet named '4', found 'Documentation', "
                                                      "'Données', 'Notes'")),
                 e->what());
    }

    void arbitraryBytesGiveATableOrAnErrorNeverACrash() {
        // A deterministic sample of what the fuzz targets explore: quotes, separators, line ends, NULs,
        // BOMs, bytes that are not UTF-8. Each input is read, or refused with an Error whose message has
        // no NUL byte.
        std::mt19937 random(6);
        static const char kAlphabet[] = "\"\";,\t|\r\n0123456789aA\xC3\xA9\xE9\x00\xFF\xFE\xEF\xBB\xBF e+-.s";
        const std::string alphabet(kAlphabet, sizeof kAlphabet - 1); // the NUL inside included
        int read = 0, refused = 0;
        for (int i = 0; i < 3000; ++i) {
            std::string bytes;
            for (unsigned n = random() % 48; n > 0; --n)
                bytes += random() % 4 == 0 ? static_cast<char>(random() % 256)
                                           : alphabet[random() % alphabet.size()];
            io::TableReadOptions options;
            if (i % 3 == 0)
                options.expectedColumns = {"a", "0"};
            try {
                const io::Table t = io::parseCsvText(bytes, "random.csv", options);
                for (const auto& row : t.rows)
                    QCOMPARE(row.size(), t.header.size());
                ++read;
            } catch (const Error& e) {
                QCOMPARE(e.detail().find('\0'), std::string::npos);
                ++refused;
            }
        }
        QVERIFY(read > 0 && refused > 0);
    }

    void largeCsvIsParsedWholly() {
        // 36,000 rows x 43 columns, about 3 MB, as the BPE wide tables.
        std::string text = "codgeo";
        for (int c = 1; c < 43; ++c)
            text += ",D" + std::to_string(200 + c) + "_colonne";
        text += '\n';
        for (int r = 0; r < 36000; ++r) {
            char code[8];
            std::snprintf(code, sizeof code, "%05d", 1001 + r);
            text += code;
            for (int c = 1; c < 43; ++c)
                text += ',' + std::to_string((r * 7 + c) % 13);
            text += '\n';
        }
        QVERIFY(text.size() > 2500000);
        QElapsedTimer timer;
        timer.start();
        const io::Table t = io::parseCsvText(text, "big.csv");
        const qint64 ms = timer.elapsed(); // printed, not asserted: machines differ
        qInfo("parsed %zu bytes, %zu rows x %zu columns in %lld ms", text.size(), t.rows.size(),
              t.header.size(), static_cast<long long>(ms));
        QCOMPARE(t.rows.size(), std::size_t(36000));
        QCOMPARE(t.header.size(), std::size_t(43));
        QCOMPARE(q(t.rows[35999][0]), QStringLiteral("37000"));
        QCOMPARE(q(t.rows[35999][42]), QString::number((35999 * 7 + 42) % 13));
    }

    void realBpe2013WideCsvIsParsed() {
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");
        QElapsedTimer timer;
        timer.start();
        const io::Table t = io::readTable(shared("professionals/bpe2013_sante_par_commune.csv"));
        const qint64 ms = timer.elapsed();
        qInfo("bpe2013_sante_par_commune.csv: %zu rows x %zu columns in %lld ms", t.rows.size(),
              t.header.size(), static_cast<long long>(ms));
        QCOMPARE(t.separator, ',');
        QCOMPARE(t.rows.size(), std::size_t(35190));
        QCOMPARE(t.header.size(), std::size_t(43));
        QCOMPARE(t.column("D201_medecin_omnipraticien"), 14);
    }

    void realBpe2013XlsxOpens() {
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_all_facilities_by_commune.xlsx");
        QElapsedTimer timer;
        timer.start();
        const io::Table t = io::readTable(shared("professionals/bpe2013_all_facilities_by_commune.xlsx"));
        qInfo("bpe2013_all_facilities_by_commune.xlsx: %zu rows x %zu columns in %lld ms", t.rows.size(),
              t.header.size(), static_cast<long long>(timer.elapsed()));
        QCOMPARE(t.headerLine, 1L);
        QCOMPARE(q(t.header[0]), QStringLiteral("depcom"));
        QCOMPARE(t.rows.size(), std::size_t(35190));
        QCOMPARE(t.lines.front(), 2L);
        QVERIFY(t.column("Médecin omnipraticien") > 0);
    }
};

QTEST_APPLESS_MAIN(TestTables)
#include "test_tables.moc"
