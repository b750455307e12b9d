// Population by commune and age band (issue 9): INSEE's wide census layout and a generic long table, in
// Latin-1 with decimal commas; errors naming the file, the line and the column; the dataset table.
#include "testing.h"

#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "core/io/population_age.h"

#include <QObject>
#include <QTemporaryDir>

#include <fstream>

using namespace maillage;
using maillage::testing::q;

namespace {

model::Dataset twoCommunes() {
    model::Dataset ds;
    for (const char* code : {"59350", "13055"}) {
        model::Commune c;
        c.code = code;
        c.name = code;
        c.dep = std::string(code).substr(0, 2);
        c.reg = "32";
        c.bv = code;
        c.population = 1000;
        c.anchor = {700000, 7000000};
        ds.communes.push_back(c);
    }
    ds.meta.title = "Test";
    ds.reindex();
    ds.rebuildBassins();
    return ds;
}

std::string write(const QTemporaryDir& dir, const char* name, const std::string& bytes) {
    const std::string path = dir.filePath(name).toStdString();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

double populationOf(const std::vector<model::AgeBandPopulation>& rows, const std::string& commune,
                    const std::string& band) {
    double sum = 0;
    for (const auto& r : rows)
        if (r.commune == commune && r.band == band)
            sum += r.population;
    return sum;
}

} // namespace

class TestPopulationAge : public QObject {
    Q_OBJECT

private slots:
    void ageBandLabels_data() {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("band");
        QTest::newRow("plain") << "0-14"
                               << "0-14";
        QTest::newRow("spaces and zeros") << "00 - 14"
                                          << "0-14";
        QTest::newRow("French words") << "15 à 29 ans"
                                      << "15-29";
        QTest::newRow("INSEE suffix") << "0014"
                                      << "0-14";
        QTest::newRow("INSEE open band") << "90P"
                                         << "90+";
        QTest::newRow("plus sign") << "90+"
                                   << "90+";
        QTest::newRow("ou plus") << "90 ans ou plus"
                                 << "90+";
        QTest::newRow("underscore") << "75_89"
                                    << "75-89";
        QTest::newRow("no number") << "adultes"
                                   << "";
        QTest::newRow("reversed") << "29-15"
                                  << "";
        QTest::newRow("a lone age") << "45"
                                    << "";
    }
    void ageBandLabels() {
        QFETCH(QString, label);
        QFETCH(QString, band);
        QCOMPARE(q(io::normaliseAgeBand(label.toStdString())), band);
    }

    void aLongTableInLatin1WithDecimalCommas() {
        QTemporaryDir dir;
        // "tranche d'âge", "0 à 14 ans" in Latin-1; a population with a decimal comma (INSEE's weighted
        // census).
        const std::string path = write(dir, "ages.csv",
                                       "commune;tranche d'\xe2ge;population\n"
                                       "59350;0 \xe0 14 ans;1234,5\n"
                                       "59350;90 ans ou plus;12\n"
                                       "13201;0 \xe0 14 ans;100\n");
        Warnings warnings;
        const auto rows = io::readPopulationByAge(path, {}, &warnings);
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(populationOf(rows, "59350", "0-14"), 1234.5);
        QCOMPARE(populationOf(rows, "59350", "90+"), 12.0);
        // Joined to the dataset: Marseille's arrondissement goes to Marseille.
        const auto joined = io::joinPopulationByAge(twoCommunes(), rows, path, warnings);
        QCOMPARE(populationOf(joined, "13055", "0-14"), 100.0);
        QCOMPARE(joined.size(), std::size_t(3));
    }

    void inseeWideLayoutTakesTheCensusBandsOfTheLatestYear() {
        QTemporaryDir dir;
        // P20_POP15P overlaps the bands (15 and over) and P14_* is an older census: both left aside.
        const std::string path =
            write(dir, "base-cc-evol-struct-pop.csv",
                  "CODGEO;P20_POP;P20_POP0014;P20_POP1529;P20_POP3044;P20_POP4559;P20_POP6074;P20_POP7589;"
                  "P20_POP90P;P20_POP15P;P14_POP0014\n"
                  "59350;236234;40000,2;70000;45000;38000;27000;14000;2233,8;196234;39000\n");
        Warnings warnings;
        const auto rows = io::readPopulationByAge(path, {}, &warnings);
        QCOMPARE(rows.size(), std::size_t(7));
        QCOMPARE(populationOf(rows, "59350", "0-14"), 40000.2);
        QCOMPARE(populationOf(rows, "59350", "90+"), 2233.8);
        QCOMPARE(populationOf(rows, "59350", "15+"), 0.0);
    }

    void badCellsNameTheFileLineAndColumn() {
        QTemporaryDir dir;
        const std::string bad =
            write(dir, "bad.csv", "commune;age_band;population\n59350;0-14;12\n59350;15-29;beaucoup\n");
        try {
            io::readPopulationByAge(bad);
            QFAIL("expected an error");
        } catch (const Error& e) {
            const QString what = q(e.what());
            QVERIFY2(what.contains("bad.csv") && what.contains("line 3") && what.contains("population") &&
                         what.contains("beaucoup"),
                     qPrintable(what));
        }
        const std::string band = write(dir, "band.csv", "commune;age_band;population\n59350;adultes;12\n");
        try {
            io::readPopulationByAge(band);
            QFAIL("expected an error");
        } catch (const Error& e) {
            const QString what = q(e.what());
            QVERIFY2(what.contains("line 2") && what.contains("adultes") && what.contains("0-14"),
                     qPrintable(what));
        }
        const std::string code = write(dir, "code.csv", "commune;age_band;population\n5935X0;0-14;12\n");
        QVERIFY_EXCEPTION_THROWN(io::readPopulationByAge(code), Error);
        const std::string layout = write(dir, "layout.csv", "codgeo;total\n59350;12\n");
        try {
            io::readPopulationByAge(layout);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(q(e.what()).contains("P20_POP0014"), e.what());
        }
    }

    void codesAbsentFromTheDatasetAreReported() {
        Warnings warnings;
        const auto joined = io::joinPopulationByAge(
            twoCommunes(), {{"59350", "0-14", 1}, {"62041", "0-14", 2}, {"62041", "15-29", 3}}, "ages.csv",
            warnings);
        QCOMPARE(joined.size(), std::size_t(1));
        QCOMPARE(warnings.size(), std::size_t(1));
        QCOMPARE(warnings.front().details, (std::vector<std::string>{"62041"}));
        QVERIFY(q(warnings.front().toString()).contains("1 commune of the population by age is not"));
    }

    void theDatasetKeepsItsPopulationByAge() {
        QTemporaryDir dir;
        model::Dataset ds = twoCommunes();
        ds.populationByAge = {{"13055", "90+", 7.5}, {"59350", "0-14", 1234.5}, {"59350", "15-29", 10}};
        const std::string path = dir.filePath("ds.gpkg").toStdString();
        io::writeDataset(ds, path);
        const model::Dataset back = io::readDataset(path);
        QCOMPARE(back.populationByAge.size(), std::size_t(3));
        for (std::size_t i = 0; i < 3; ++i) {
            QCOMPARE(back.populationByAge[i].commune, ds.populationByAge[i].commune);
            QCOMPARE(back.populationByAge[i].band, ds.populationByAge[i].band);
            QCOMPARE(back.populationByAge[i].population, ds.populationByAge[i].population);
        }
        // A dataset without it has no table, and reads back without it.
        ds.populationByAge.clear();
        io::writeDataset(ds, path);
        QVERIFY(io::readDataset(path).populationByAge.empty());
    }

    void addReplacesThePopulationByAgeAndLeavesTheDatasetAloneOnError() {
        QTemporaryDir dir;
        model::Dataset ds = twoCommunes();
        ds.populationByAge = {{"59350", "0-14", 1}};
        io::AddOptions options;
        options.populationByAgePath = write(dir, "bad.csv", "commune;age_band;population\n59350;0-14;-3\n");
        io::ImportReport report;
        try {
            io::addToDataset(ds, options, report);
            QFAIL(qPrintable(QString("no error; rows: %1").arg(ds.populationByAge.size())));
        } catch (const Error& e) {
            QVERIFY2(q(e.what()).contains("line 2"), e.what());
        }
        QCOMPARE(ds.populationByAge.size(), std::size_t(1));
        options.populationByAgePath =
            write(dir, "good.csv", "commune;age_band;population\n59350;0-14;5\n59350;90+;2\n");
        io::addToDataset(ds, options, report);
        QCOMPARE(ds.populationByAge.size(), std::size_t(2));
        QCOMPARE(populationOf(ds.populationByAge, "59350", "90+"), 2.0);
    }

    void ageWeightsInLatin1WithCommasAndInseeBands() {
        QTemporaryDir dir;
        // Latin-1 header ("pondération" is not a weight column name, "poids" is), ',' separator, decimal
        // commas quoted, INSEE's 0014 and 90P band codes.
        const std::string path = write(dir, "poids.csv",
                                       "tranche_age,poids,libell\xe9\n0014,\"0,8\",enfants\n1529,1,jeunes\n"
                                       "90P,\"2,25\",tr\xe8s \xe2g\xe9s\n");
        const std::vector<model::AgeBandWeight> w = io::readAgeWeights(path);
        QCOMPARE(w.size(), std::size_t(3));
        QCOMPARE(w[0].band, std::string("0-14"));
        QCOMPARE(w[0].weight, 0.8);
        QCOMPARE(w[1].band, std::string("15-29"));
        QCOMPARE(w[2].band, std::string("90+"));
        QCOMPARE(w[2].weight, 2.25);
        // Semicolons and bands written "0-14", "90 ans et plus".
        const auto semi =
            io::readAgeWeights(write(dir, "w.csv", "age_band;weight\n0-14;0,5\n90 ans et plus;3\n"));
        QCOMPARE(semi.size(), std::size_t(2));
        QCOMPARE(semi[1].band, std::string("90+"));
        QCOMPARE(semi[0].weight, 0.5);
    }

    void badAgeWeightsNameTheFileLineAndColumn() {
        QTemporaryDir dir;
        const auto expectError = [](const std::string& path, const QStringList& words) {
            try {
                io::readAgeWeights(path);
                QFAIL("expected an error");
            } catch (const Error& e) {
                const QString what = q(e.what());
                for (const QString& word : words)
                    QVERIFY2(what.contains(word), qPrintable(what + " lacks " + word));
            }
        };
        expectError(write(dir, "neg.csv", "age_band;weight\n0-14;1\n15-29;-0,5\n"),
                    {"neg.csv", "line 3", "weight", "-0,5", ">= 0"});
        expectError(write(dir, "text.csv", "age_band;weight\n0-14;beaucoup\n"),
                    {"text.csv", "line 2", "beaucoup"});
        expectError(write(dir, "band.csv", "age_band;weight\nadultes;1\n"),
                    {"band.csv", "line 2", "adultes", "0-14"});
        expectError(write(dir, "twice.csv", "age_band;weight\n0-14;1\n0014;2\n"),
                    {"twice.csv", "line 3", "0-14", "twice"});
        expectError(write(dir, "cols.csv", "age_band;valeur\n0-14;1\n"), {"cols.csv", "weight"});
        expectError(write(dir, "empty.csv", "age_band;weight\n"), {"empty.csv"});
    }

    void ageWeightsMustCoverEveryBandOfThePopulation() {
        const std::vector<model::AgeBandWeight> weights = {{"0-14", 1}, {"15-29", 1}};
        io::checkAgeWeightsCover(weights, {{"59350", "0-14", 5}, {"59350", "15-29", 5}}, "w.csv");
        try {
            io::checkAgeWeightsCover(
                weights, {{"59350", "0-14", 5}, {"59350", "90+", 1}, {"13055", "75-89", 1}}, "w.csv");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(q(e.what()),
                     QStringLiteral("w.csv: the consumption weights give no weight to bands 75-89, "
                                    "90+ of the population by age: expected a weight for every "
                                    "band (the file has 0-14, 15-29)"));
        }
    }
};

QTEST_APPLESS_MAIN(TestPopulationAge)
#include "test_population_age.moc"
