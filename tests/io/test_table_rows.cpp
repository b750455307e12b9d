// Tables read row by row (io::TableRows) give the readers exactly what whole tables (io::readTable) give
// them: the same communes, counts, mass scale, population, warnings and errors, on every fixture and on the
// national BPE and population when ../shared/data is there.
#include "core/io/importers.h"
#include "core/io/table.h"
#include "testing.h"

#include <QDir>
#include <QObject>
#include <QRegularExpression>
#include <QStringList>
#include <QtTest>

#include <functional>
#include <map>

using namespace maillage;
using maillage::testing::q;

namespace {

//! What a read gave: its records and warnings in text, or its error.
QStringList outcome(const std::function<QStringList(Warnings&)>& read) {
    Warnings warnings;
    QStringList out;
    try {
        out = read(warnings);
    } catch (const Error& e) {
        out << QStringLiteral("error: ") + q(e.what());
    }
    for (const auto& w : warnings)
        out << QStringLiteral("warning: ") + q(w.toString());
    return out;
}

QStringList describe(const std::vector<model::Commune>& communes) {
    QStringList out;
    for (const auto& c : communes)
        out << QStringLiteral("%1|%2|%3|%4|%5|%6")
                   .arg(q(c.code), q(c.name))
                   .arg(c.population, 0, 'g', 17)
                   .arg(q(c.bv), q(c.dep), q(c.reg));
    return out;
}

QStringList describe(const std::vector<model::CountRecord>& counts) {
    QStringList out;
    for (const auto& c : counts)
        out << QStringLiteral("%1|%2|%3|%4")
                   .arg(q(c.place), q(c.profession))
                   .arg(c.vintage)
                   .arg(c.count, 0, 'g', 17);
    return out;
}

QStringList scaleOf(const io::SourceMassScale& s) {
    return {QStringLiteral("scale %1 %2").arg(s.scale).arg(q(s.reason))};
}

//! Communes read from a whole table, then row by row.
std::pair<QStringList, QStringList> communesBothWays(const std::string& path,
                                                     const io::CommuneColumns& columns) {
    const QStringList whole = outcome([&](Warnings& w) {
        const io::Table table = io::readTable(path, {}, &w);
        return describe(io::readCommuneTable(table, columns, w));
    });
    const QStringList rows = outcome([&](Warnings& w) {
        io::TableRows reader(path, {}, &w);
        return describe(io::readCommuneTable(reader, columns, w));
    });
    return {whole, rows};
}

//! Counts (and the mass scale of their source) read from a whole table, then row by row.
std::pair<QStringList, QStringList>
countsBothWays(const std::string& path, const io::ProfessionalsColumns& columns, bool allowUnknown) {
    const auto catalogue = model::ProfessionCatalogue::builtin();
    const QStringList whole = outcome([&](Warnings& w) {
        const io::Table table = io::readTable(path, {}, &w);
        QStringList out = describe(io::readProfessionals(table, catalogue, 2018, columns, w, allowUnknown));
        return out + scaleOf(io::massScaleForSource(table, columns));
    });
    const QStringList rows = outcome([&](Warnings& w) {
        io::TableRows reader(path, {}, &w);
        io::SourceMassScale scale;
        QStringList out =
            describe(io::readProfessionals(reader, catalogue, 2018, columns, scale, w, allowUnknown));
        return out + scaleOf(scale);
    });
    return {whole, rows};
}

QStringList describe(const std::map<std::string, double>& population) {
    QStringList out;
    for (const auto& [code, value] : population)
        out << QStringLiteral("%1|%2").arg(q(code)).arg(value, 0, 'g', 17);
    return out;
}

//! Population read from a whole table, then row by row (the import's reading: its columns by default).
std::pair<QStringList, QStringList> populationBothWays(const std::string& path) {
    const QStringList whole = outcome([&](Warnings& w) {
        const io::Table table = io::readTable(path, {}, &w);
        return describe(io::readPopulation(table, "codgeo", "population", w));
    });
    const QStringList rows = outcome([&](Warnings& w) {
        io::TableRows reader(path, {}, &w);
        return describe(io::readPopulation(reader, "codgeo", "population", w));
    });
    return {whole, rows};
}

//! The same from text in memory.
std::pair<QStringList, QStringList> populationBothWaysOfText(const std::string& text) {
    const QStringList whole = outcome([&](Warnings& w) {
        const io::Table table = io::parseCsvText(text, "pop.csv", {}, &w);
        return describe(io::readPopulation(table, "codgeo", "pmun", w));
    });
    const QStringList rows = outcome([&](Warnings& w) {
        io::TableRows reader = io::TableRows::fromText(text, "pop.csv", {}, &w);
        return describe(io::readPopulation(reader, "codgeo", "pmun", w));
    });
    return {whole, rows};
}

//! The line a message names ("file: line 3: ..."), 0 when none.
int lineOf(const QString& message) {
    const auto m = QRegularExpression(QStringLiteral(": line (\\d+)")).match(message);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

//! The same outcome, but for one difference: a file with several faults is refused, row by row, for the
//! first of them in the file (a header without a column needed, a bad value), rather than for a row wider
//! than the header or a quote never closed further down, which a whole table finds first.
void compareOutcomes(const QStringList& rows, const QStringList& whole, const std::string& path) {
    const QString error = QStringLiteral("error: ");
    if (rows != whole && !rows.isEmpty() && !whole.isEmpty() && rows.front().startsWith(error) &&
        whole.front().startsWith(error) &&
        (whole.front().contains(QStringLiteral("expected at most")) ||
         whole.front().contains(QStringLiteral("unterminated quoted field")))) {
        QVERIFY2(lineOf(rows.front()) <= lineOf(whole.front()), qPrintable(rows.front()));
        return;
    }
    QVERIFY2(rows == whole, path.c_str());
}

//! Every CSV fixture of tests/data/io and tests/data/cli.
std::vector<std::string> fixtures() {
    std::vector<std::string> out;
    for (const char* folder : {"io", "cli"}) {
        const QDir dir(QString::fromStdString(maillage::testing::dataPath(folder)));
        for (const QString& name : dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name))
            out.push_back(dir.filePath(name).toStdString());
    }
    return out;
}

} // namespace

class TestTableRows : public QObject {
    Q_OBJECT

private slots:
    void rowsGiveTheRowsOfTheWholeTable() {
        for (const auto& path : fixtures()) {
            const QStringList whole = outcome([&](Warnings& w) {
                const io::Table t = io::readTable(path, {}, &w);
                QStringList header;
                for (const auto& h : t.header)
                    header << q(h);
                QStringList out = {header.join(QLatin1Char('|'))};
                for (std::size_t r = 0; r < t.rows.size(); ++r) {
                    QStringList cells;
                    for (const auto& c : t.rows[r])
                        cells << q(c);
                    out << QString::number(t.lines[r]) + QLatin1Char(':') + cells.join(QLatin1Char('|'));
                }
                return out;
            });
            const QStringList rows = outcome([&](Warnings& w) {
                io::TableRows reader(path, {}, &w);
                QStringList header;
                for (const auto& h : reader.head().header)
                    header << q(h);
                QStringList out = {header.join(QLatin1Char('|'))};
                while (reader.next()) {
                    QStringList cells;
                    for (const auto& c : reader.cells())
                        cells << q(c);
                    out << QString::number(reader.line()) + QLatin1Char(':') + cells.join(QLatin1Char('|'));
                }
                return out;
            });
            QVERIFY2(!whole.isEmpty(), path.c_str());
            QCOMPARE(rows, whole);
        }
    }

    void communesReadRowByRowAreThoseOfTheWholeTable() {
        int read = 0;
        for (const auto& path : fixtures()) {
            const auto [whole, rows] = communesBothWays(path, {});
            compareOutcomes(rows, whole, path);
            read += whole.isEmpty() || !whole.front().startsWith(QStringLiteral("error")) ? 1 : 0;
        }
        QVERIFY(read >= 2); // tests/data/io/communes.csv and tests/data/cli/communes.csv at least
    }

    void countsReadRowByRowAreThoseOfTheWholeTable() {
        int read = 0;
        for (const auto& path : fixtures()) {
            for (const bool allowUnknown : {false, true}) {
                const auto [whole, rows] = countsBothWays(path, {}, allowUnknown);
                compareOutcomes(rows, whole, path);
                read += whole.front().startsWith(QStringLiteral("error")) ? 0 : 1;
            }
        }
        QVERIFY(read >= 6); // the professionals fixtures, long and wide
    }

    void populationReadRowByRowIsThatOfTheWholeTable() {
        int read = 0;
        for (const auto& path : fixtures()) {
            const auto [whole, rows] = populationBothWays(path);
            compareOutcomes(rows, whole, path);
            read += whole.front().startsWith(QStringLiteral("error")) ? 0 : 1;
        }
        QVERIFY(read >= 2); // the population fixtures at least
    }

    void populationOddRowsReadRowByRowGiveTheSameFiguresAndWarnings() {
        const std::vector<std::pair<std::string, QString>> cases = {
            // a commune twice: summed, one warning naming it
            {"codgeo;pmun\n59350;1\n59350;2\n59009;3\n", QStringLiteral("59350|3")},
            // arrondissements folded into their city, or ignored when it has its own row
            {"codgeo;pmun\n75101;10\n75102;20\n13055;5\n13201;7\n", QStringLiteral("75056|30")},
            // Latin-1 bytes (a name column) and decimals kept as read, with their warning
            {"codgeo;libgeo;pmun\n59350;Lille \xe9\xe9;236,5\n59009;Villeneuve;62000\n",
             QStringLiteral("59350|236.5")},
            // a secret marker, and a code that is no commune code: an error naming its line
            {"codgeo;pmun\n59350;s\n59009;12\n", QStringLiteral("59009|12")},
            {"codgeo;pmun\n59350;1\nxx;2\n", QStringLiteral("error: ")},
            // no population column: the error naming the columns looked for
            {"codgeo;habitants\n59350;1\n", QStringLiteral("error: ")},
        };
        for (const auto& [text, expected] : cases) {
            const auto [whole, rows] = populationBothWaysOfText(text);
            QVERIFY2(!whole.filter(expected).isEmpty(), qPrintable(whole.join(QLatin1Char('\n'))));
            QCOMPARE(rows, whole);
        }
    }

    void nationalPopulationReadRowByRowIsThatOfTheWholeTable() {
        MAILLAGE_REQUIRE_SHARED("population/population_communes_2020.csv");
        const std::string path =
            maillage::testing::sharedPath("population/population_communes_2020.csv").toStdString();
        const auto [whole, rows] = populationBothWays(path);
        QVERIFY(whole.size() > 30000);
        QCOMPARE(rows, whole);
    }

    void nationalBpeReadRowByRowGivesTheSameCountsWarningsAndScale() {
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        const std::string path =
            maillage::testing::sharedPath("professionals/bpe2018_sante_par_commune_long.csv").toStdString();
        io::ProfessionalsColumns columns;
        columns.layout = io::CountsLayout::Long;
        const auto [whole, rows] = countsBothWays(path, columns, false);
        QVERIFY(whole.size() > 60000); // one record per commune and profession
        QCOMPARE(whole.filter(QRegularExpression(QStringLiteral("^scale 0.25 "))).size(), 1); // a BPE table
        QCOMPARE(rows, whole);
    }

    void nationalCommunesReadRowByRowAreThoseOfTheWholeTable() {
        MAILLAGE_REQUIRE_SHARED("bassins_de_vie/commune_cog2018_bv2012_bv2022_crosswalk.csv");
        const std::string path =
            maillage::testing::sharedPath("bassins_de_vie/commune_cog2018_bv2012_bv2022_crosswalk.csv")
                .toStdString();
        io::CommuneColumns columns;
        columns.requirePopulation = false;
        columns.bv = "BV2012";
        const auto [whole, rows] = communesBothWays(path, columns);
        QVERIFY(whole.size() > 30000);
        QCOMPARE(rows, whole);
    }
};

QTEST_GUILESS_MAIN(TestTableRows)
#include "test_table_rows.moc"
