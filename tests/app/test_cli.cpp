#include "app/cli.h"
#include "testing.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using namespace maillage;

namespace {

struct Run {
    int status = -1;
    std::string out, err;
};

Run runCli(std::vector<std::string> args) {
    args.insert(args.begin(), "maillage");
    std::ostringstream out, err;
    Run r;
    r.status = cli::run(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

QList<QStringList> readCsv(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    const auto lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        // Simple split good enough for the first columns (reasons are last and may hold commas).
        rows << line.split(QLatin1Char(','));
    }
    return rows;
}

QStringList rowOf(const QList<QStringList>& rows, const QString& bv) {
    for (const auto& r : rows)
        if (!r.isEmpty() && r[0] == bv)
            return r;
    return {};
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void classifyFromPlainTablesGivesOneRowPerBassinWithTypeAndReason() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("poles.csv"));
        const Run r =
            runCli({"classify", "--communes", testing::dataPath("cli/communes.csv"), "--professionals",
                    testing::dataPath("cli/professionals.csv"), "--output", out.toStdString()});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto rows = readCsv(out);
        QCOMPARE(rows.size(), 7); // header + 6 BVs
        QCOMPARE(rows[0].mid(0, 10).join(QLatin1Char(',')),
                 QStringLiteral("bv,name,type,type_label,total,pole,psy,ex_psy,pole_share,psy_share"));
        QCOMPARE(rowOf(rows, QStringLiteral("59350")).value(2), QStringLiteral("1")); // 10,001 > 10,000
        QCOMPARE(rowOf(rows, QStringLiteral("59350")).value(4), QStringLiteral("10001"));
        QCOMPARE(rowOf(rows, QStringLiteral("59183")).value(2), QStringLiteral("2")); // 3,000 inclusive
        QCOMPARE(rowOf(rows, QStringLiteral("62041")).value(2),
                 QStringLiteral("3")); // 1,500 and 20 % exactly
        QCOMPARE(rowOf(rows, QStringLiteral("59606")).value(2), QStringLiteral("4")); // 1,100, pôle share 9 %
        QCOMPARE(rowOf(rows, QStringLiteral("62765")).value(2),
                 QStringLiteral("0")); // 950 without psy nurses
        // The code that lost its leading zero was repaired and joined; its 3 professionals are masked.
        QCOMPARE(rowOf(rows, QStringLiteral("01001")).value(4), QStringLiteral("<5"));
        QVERIFY(rowOf(rows, QStringLiteral("62765")).join(QLatin1Char(',')).contains(QStringLiteral("950")));
    }

    void smallCountsAreMaskedUnlessAskedOtherwise() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("poles.csv"));
        std::vector<std::string> args = {"classify",
                                         "--communes",
                                         testing::dataPath("cli/communes.csv"),
                                         "--professionals",
                                         testing::dataPath("cli/professionals.csv"),
                                         "--output",
                                         out.toStdString()};
        Run r = runCli(args);
        QVERIFY2(r.status == 0, r.err.c_str());
        QStringList masked = rowOf(readCsv(out), QStringLiteral("01001"));
        QCOMPARE(masked.value(4), QStringLiteral("<5")); // total
        QCOMPARE(masked.value(8), QStringLiteral("<5")); // pole_share would give the count back
        QVERIFY(!masked.join(QLatin1Char(',')).contains(QStringLiteral(" 3 ")));
        QVERIFY2(QString::fromStdString(r.err).contains(QStringLiteral("statistical secrecy")),
                 r.err.c_str());
        // Lille's 9,901 + 100 are far above the threshold: written as they are.
        QCOMPARE(rowOf(readCsv(out), QStringLiteral("59350")).value(5), QStringLiteral("4001"));
        args.push_back("--no-secrecy");
        r = runCli(args);
        QVERIFY2(r.status == 0, r.err.c_str());
        QCOMPARE(rowOf(readCsv(out), QStringLiteral("01001")).value(4), QStringLiteral("3"));
    }

    void yearsOutOfRangeAreUsageErrors() {
        QCOMPARE(runCli({"classify", "--communes", testing::dataPath("cli/communes.csv"), "--professionals",
                         testing::dataPath("cli/professionals.csv"), "--vintage", "1e12", "--output",
                         "/tmp/x.csv"})
                     .status,
                 2);
    }

    void massScaleLowersTheCountThresholds() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("poles.csv"));
        const Run r = runCli({"classify", "--communes", testing::dataPath("cli/communes.csv"),
                              "--professionals", testing::dataPath("cli/professionals.csv"), "--mass-scale",
                              "0.25", "--output", out.toStdString()});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto rows = readCsv(out);
        // 3,000 > 10,000 x 0.25 = 2,500: Dunkerque becomes type 1.
        QCOMPARE(rowOf(rows, QStringLiteral("59183")).value(2), QStringLiteral("1"));
    }

    void paramsFileOverridesThresholds() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("poles.csv"));
        const Run r =
            runCli({"classify", "--communes", testing::dataPath("cli/communes.csv"), "--professionals",
                    testing::dataPath("cli/professionals.csv"), "--params",
                    testing::dataPath("cli/params_high_metropole.json"), "--output", out.toStdString()});
        QVERIFY2(r.status == 0, r.err.c_str());
        QCOMPARE(rowOf(readCsv(out), QStringLiteral("59350")).value(2), QStringLiteral("2"));
    }

    void unknownParameterIsRefusedWithItsName() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("poles.csv"));
        const Run r = runCli({"classify", "--communes", testing::dataPath("cli/communes.csv"),
                              "--professionals", testing::dataPath("cli/professionals.csv"), "--params",
                              testing::dataPath("cli/params_unknown.json"), "--output", out.toStdString()});
        QCOMPARE(r.status, 1);
        QVERIFY2(QString::fromStdString(r.err).contains(QStringLiteral("poles.mass_scal")), r.err.c_str());
        QVERIFY(!QFile::exists(out));
    }

    void negativeCountFailsNamingFileLineAndLeavesNoOutput() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("poles.csv"));
        const Run r =
            runCli({"classify", "--communes", testing::dataPath("cli/communes.csv"), "--professionals",
                    testing::dataPath("cli/professionals_negative.csv"), "--output", out.toStdString()});
        QCOMPARE(r.status, 1);
        const QString err = QString::fromStdString(r.err);
        QVERIFY2(err.contains(QStringLiteral("professionals_negative.csv")), r.err.c_str());
        QVERIFY2(err.contains(QStringLiteral("line 3")), r.err.c_str());
        QVERIFY(!QFile::exists(out));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0); // no temporary file left either
    }

    void existingOutputIsKeptWhenInputIsBad() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("poles.csv"));
        {
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("previous result\n");
        }
        const Run r =
            runCli({"classify", "--communes", testing::dataPath("cli/communes.csv"), "--professionals",
                    testing::dataPath("cli/professionals_negative.csv"), "--output", out.toStdString()});
        QCOMPARE(r.status, 1);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("previous result\n"));
    }

    void missingFileIsNamed() {
        const Run r = runCli({"classify", "--communes", "/nonexistent/communes.csv", "--professionals",
                              testing::dataPath("cli/professionals.csv"), "--output", "/tmp/never.csv"});
        QCOMPARE(r.status, 1);
        QVERIFY2(QString::fromStdString(r.err).contains(QStringLiteral("/nonexistent/communes.csv")),
                 r.err.c_str());
    }

    void usageErrorsExitWithTwo() {
        QCOMPARE(runCli({"classify", "--bogus", "1"}).status, 2);
        QCOMPARE(runCli({"classify", "--communes", "a.csv"}).status, 2); // no --output
        QCOMPARE(runCli({"frobnicate"}).status, 2);
        QCOMPARE(
            runCli({"import", "--communes", "x", "--output", "y.gpkg", "--professionals", "p.csv"}).status,
            2);
    }

    void everySubcommandHasHelp() {
        for (const char* cmd : {"import", "classify", "summary", "demo"}) {
            const Run r = runCli({cmd, "--help"});
            QCOMPARE(r.status, 0);
            QVERIFY2(r.out.find("Usage") != std::string::npos, cmd);
        }
        QVERIFY(runCli({"--help"}).out.find("classify") != std::string::npos);
    }

    void demoDatasetWritesAndClassifiesEveryType() {
        QTemporaryDir dir;
        const QString gpkg = dir.filePath(QStringLiteral("demo.gpkg"));
        const QString out = dir.filePath(QStringLiteral("poles.csv"));
        Run r = runCli({"demo", "--output", gpkg.toStdString()});
        QVERIFY2(r.status == 0, r.err.c_str());
        r = runCli({"classify", "--dataset", gpkg.toStdString(), "--output", out.toStdString()});
        QVERIFY2(r.status == 0, r.err.c_str());
        QSet<QString> types;
        const auto rows = readCsv(out);
        for (int i = 1; i < rows.size(); ++i)
            types.insert(rows[i].value(2));
        QCOMPARE(types, (QSet<QString>{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"),
                                       QStringLiteral("3"), QStringLiteral("4")}));
        r = runCli({"summary", "--dataset", gpkg.toStdString()});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY(r.out.find("region,name,type1,type2,type3,type4,poles,hors_pole") == 0);
    }

    void binaryRunsSubcommandsWithoutADisplay() {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MAILLAGE_BINARY), {QStringLiteral("classify"), QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains("Usage"));
        p.start(QStringLiteral(MAILLAGE_BINARY), {QStringLiteral("classify"), QStringLiteral("--nope")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("unknown option --nope"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
