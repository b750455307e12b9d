#include "app/cli.h"
#include "app/desktop_options.h"
#include "cli_testing.h"
#include "testing.h"

#include "core/io/parameters_json.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>

#include <csignal>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace maillage;
using maillage::testing::contentOf;
using maillage::testing::Run;
using maillage::testing::runCli;

namespace {

//! The binary as run from a console or a batch job: no X11, Wayland or Qt platform plugin to show a window.
void withoutDisplay(QProcess& p) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
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

//! The small import of tests/data/geo, writing `output`.
std::vector<std::string> importArgs(const std::string& output) {
    return {"import",
            "--communes",
            testing::dataPath("geo/import_communes.geojson"),
            "--bassins",
            testing::dataPath("geo/import_bv.csv"),
            "--population",
            testing::dataPath("geo/import_population.csv"),
            "--professionals",
            testing::dataPath("geo/import_bpe.csv") + ":2013",
            "--quiet",
            "--output",
            output};
}

//! classify of cli/communes.csv and the professionals table `professionals` (under tests/data) into `out`.
std::vector<std::string> classifyArgs(const char* professionals, const QString& out) {
    return {"classify",
            "--communes",
            testing::dataPath("cli/communes.csv"),
            "--professionals",
            testing::dataPath(professionals),
            "--output",
            out.toStdString()};
}

bool writeText(const QString& path, const QByteArray& content) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

//! The state letter of a process in /proc (R, S, T for stopped...), or 0 when it is gone.
char processState(qint64 pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line))
        return 0;
    const auto close = line.rfind(')');
    return close == std::string::npos || close + 2 >= line.size() ? 0 : line[close + 2];
}

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::System | QDir::Hidden);
}

//! The files and folders under `dir`, at any depth, by their paths relative to it.
QStringList entriesUnder(const QString& dir) {
    QStringList out;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    return out;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        // Messages follow the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG; French when none says English);
        // these tests read the English ones, also in the binary they start.
        qputenv("LC_ALL", "en_US.UTF-8");
    }

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
        // The code that lost its leading zero was repaired and joined; its 3 professionals are masked: an
        // empty cell and the flag in a machine format (issue 7).
        QCOMPARE(rowOf(rows, QStringLiteral("01001")).value(4), QString());
        QCOMPARE(rowOf(rows, QStringLiteral("01001")).last(), QStringLiteral("1")); // the flag, last
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
        QCOMPARE(masked.value(4), QString()); // total: empty, and flagged
        QCOMPARE(masked.value(8), QString()); // pole_share would give the count back
        QCOMPARE(masked.last(), QStringLiteral("1"));
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
            const Run r = runCli({cmd, "--help", "--lang", "en"});
            QCOMPARE(r.status, 0);
            QVERIFY2(r.out.find("Usage") != std::string::npos, cmd);
        }
        QVERIFY(runCli({"--help"}).out.find("classify") != std::string::npos);
        // The desktop options too, so that the man page generated from --help lists them.
        for (const char* option :
             {"--panel", "--select", "--screenshot", "--export", "--orientation", "--lang"})
            QVERIFY2(runCli({"--help"}).out.find(option) != std::string::npos, option);
    }

    void helpIsInTheDesktopsLanguageFrenchByDefault() {
        // It was English whatever the language; the desktop application is French unless the system's
        // language is English, and so is the help now (messages keep their own default).
        const char* const names[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
        std::vector<std::pair<QByteArray, bool>> saved;
        for (const char* name : names) {
            saved.emplace_back(qgetenv(name), qEnvironmentVariableIsSet(name));
            qunsetenv(name);
        }
        const auto help = [](std::vector<std::string> args) {
            return QString::fromStdString(runCli(args).out);
        };
        qputenv("LANG", "C.UTF-8");
        // Messages too: LANG=C gave English messages under a French --help (two rules).
        const Run bad = runCli({"classify", "--bogus"});
        QCOMPARE(bad.status, 2);
        QVERIFY2(QString::fromStdString(bad.err).contains(QStringLiteral("option inconnue --bogus")),
                 bad.err.c_str());
        QString text = help({"classify", "--help"});
        QVERIFY2(text.contains(QStringLiteral("Utilisation\u00a0: maillage classify")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("Usage")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("--save")) && text.contains(QStringLiteral("enregistre")),
                 qPrintable(text));
        text = help({"--help"});
        QVERIFY2(text.contains(QStringLiteral("Commandes")) && text.contains(QStringLiteral("--panel")),
                 qPrintable(text));
        QVERIFY2(
            help({"classify", "--help", "--lang", "en"}).contains(QStringLiteral("Usage: maillage classify")),
            "--lang en");
        qputenv("LANG", "en_GB.UTF-8");
        QVERIFY(help({"classify", "--help"}).contains(QStringLiteral("Usage: maillage classify")));
        QVERIFY(runCli({"classify", "--bogus"}).err.find("unknown option --bogus") != std::string::npos);
        QVERIFY(help({"--help"}).contains(QStringLiteral("Commands:")));
        QVERIFY(help({"classify", "--help", "--lang", "fr"}).contains(QStringLiteral("Utilisation")));
        qputenv("LANGUAGE", "fr_FR:en");
        QVERIFY(help({"classify", "--help"}).contains(QStringLiteral("Utilisation")));
        for (std::size_t i = 0; i < saved.size(); ++i)
            if (saved[i].second)
                qputenv(names[i], saved[i].first);
            else
                qunsetenv(names[i]);
        // Every text of the help has its French: a new option without one fails here.
        const std::vector<std::string> missing = cli::helpWithoutFrench();
        std::string list;
        for (const std::string& m : missing)
            list += "{\"" + m + "\", \"\"},\n";
        QVERIFY2(missing.empty(), list.c_str());
    }

    void frenchHelpTranslatesCli11sWordsAndAlignsByCharacters() {
        // "Options:" stayed English, and a value name with « É » (ANNÉE, two bytes in UTF-8) pushed its
        // description one column left of the others: CLI11 pads by bytes.
        const std::string text = runCli({"crunch", "--help", "--lang", "fr"}).out;
        const QString help = QString::fromStdString(text);
        QVERIFY2(help.contains(QStringLiteral("\nOptions\u00a0:\n")), text.c_str());
        QVERIFY2(!help.contains(QStringLiteral("Options:")), text.c_str());
        const QString from =
            QStringLiteral("  --from ANNÉE").leftJustified(34, QLatin1Char(' ')) +
            QStringLiteral("millésime antérieur\u00a0: évolution par BV, vidange et pôles menacés\n");
        QVERIFY2(help.contains(from), text.c_str());
        // Every description starts in the same column, counted in characters.
        int aligned = 0;
        for (const QString& line : help.split(QLatin1Char('\n'))) {
            if (!line.startsWith(QStringLiteral("  -")) || line.size() <= 34 ||
                line.at(33) != QLatin1Char(' '))
                continue;
            QVERIFY2(line.at(34) != QLatin1Char(' '), qPrintable(line));
            ++aligned;
        }
        QVERIFY(aligned >= 5);
        // English keeps CLI11's words.
        QVERIFY(QString::fromStdString(runCli({"crunch", "--help", "--lang", "en"}).out)
                    .contains(QStringLiteral("\nOptions:\n")));
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
        withoutDisplay(p);
        p.start(QStringLiteral(MAILLAGE_BINARY), {QStringLiteral("classify"), QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(
            p.readAllStandardOutput().contains("maillage classify")); // in the language of the environment
        p.start(QStringLiteral(MAILLAGE_BINARY), {QStringLiteral("classify"), QStringLiteral("--nope")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("unknown option --nope"));
    }

    void mistypedCommandIsAUsageErrorNotAnAttemptToStartTheDesktop() {
        QProcess p;
        withoutDisplay(p);
        p.start(QStringLiteral(MAILLAGE_BINARY), {QStringLiteral("frobnicate")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QByteArray err = p.readAllStandardError();
        QVERIFY(err.contains("unknown command 'frobnicate'"));
        QVERIFY(err.contains("Run 'maillage --help' for the commands"));
    }

    void anUnknownOptionIsAUsageErrorNotAnAttemptToStartTheDesktop() {
        QProcess p;
        withoutDisplay(p);
        p.start(QStringLiteral(MAILLAGE_BINARY), {QStringLiteral("--demo"), QStringLiteral("--bogus=1")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        QCOMPARE(p.readAllStandardError(),
                 QByteArray("maillage: unknown option --bogus\nRun 'maillage --help' for the commands.\n"));
        // The desktop's own options (and Qt's, with one dash) still go to the desktop.
        char* desktop[] = {const_cast<char*>("maillage"),  const_cast<char*>("--lang=fr"),
                           const_cast<char*>("--panel"),   const_cast<char*>("crunch"),
                           const_cast<char*>("-platform"), const_cast<char*>("offscreen")};
        QVERIFY(!cli::isCliInvocation(6, desktop));
    }

    void everyDesktopOptionReachesTheDesktop() {
        // The options of the GUI module (--density, --page-size...) must not be refused by the dispatcher.
        for (const app::DesktopOption& o : app::kDesktopOptions) {
            const std::string flag = std::string("--") + o.name;
            char* argv[] = {const_cast<char*>("maillage"), const_cast<char*>("hdf.gpkg"),
                            const_cast<char*>(flag.c_str())};
            QVERIFY2(!cli::isCliInvocation(3, argv), o.name);
            QVERIFY2(runCli({"--help"}).out.find(flag) != std::string::npos, o.name);
        }
    }

    void outputThatIsAnInputOrALinkToItIsRefusedNamingBoth() {
        QTemporaryDir dir;
        const QString input = dir.filePath(QStringLiteral("communes.csv"));
        QVERIFY(QFile::copy(QString::fromStdString(testing::dataPath("cli/communes.csv")), input));
        const QByteArray before = contentOf(input);
        const QString hard = dir.filePath(QStringLiteral("hard.csv"));
        const QString soft = dir.filePath(QStringLiteral("soft.csv"));
        QCOMPARE(::link(input.toUtf8().constData(), hard.toUtf8().constData()), 0);
        QVERIFY(QFile::link(input, soft));
        for (const QString& output : {input, hard, soft}) {
            const Run r =
                runCli({"classify", "--communes", input.toStdString(), "--professionals",
                        testing::dataPath("cli/professionals.csv"), "--output", output.toStdString()});
            QCOMPARE(r.status, 1);
            QVERIFY2(r.err.find(output.toStdString()) != std::string::npos, r.err.c_str());
            QVERIFY2(r.err.find("is the input file " + input.toStdString()) != std::string::npos,
                     r.err.c_str());
            QCOMPARE(contentOf(input), before);
        }
        QVERIFY(QFileInfo(soft).isSymLink());
    }

    void outputThroughASymbolicLinkOrOnADeviceIsRefused() {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("previous.csv"));
        QVERIFY(writeText(target, "previous\n"));
        const QString link = dir.filePath(QStringLiteral("link.csv"));
        QVERIFY(QFile::link(target, link));
        std::vector<std::string> args = classifyArgs("cli/professionals.csv", link);
        Run r = runCli(args);
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.find("is a symbolic link") != std::string::npos, r.err.c_str());
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(contentOf(target), QByteArray("previous\n"));

        // A device is written directly, as every analysis subcommand does, never renamed over.
        args.back() = "/dev/null";
        r = runCli(args);
        QCOMPARE(r.status, 0);
        struct stat st {};
        QCOMPARE(::stat("/dev/null", &st), 0);
        QVERIFY(S_ISCHR(st.st_mode));
    }

    void classifyWritesToStandardOutputAndRefusesDatabasesAsEverySubcommand() {
        QTemporaryDir dir;
        // "-": the table on the standard output, no file named "-".
        std::vector<std::string> args = classifyArgs("cli/professionals.csv", QStringLiteral("-"));
        Run r = runCli(args);
        QCOMPARE(r.status, 0);
        QVERIFY2(r.out.rfind("bv,name,type,type_label,total,", 0) == 0, r.out.c_str());
        QVERIFY(!QFileInfo::exists(QStringLiteral("-")));
        // /dev/stdout: the process's own standard output, written directly (the link stays a link).
        QProcess p;
        withoutDisplay(p);
        QStringList process;
        for (std::size_t i = 0; i + 1 < args.size(); ++i)
            process << QString::fromStdString(args[i]);
        p.start(QStringLiteral(MAILLAGE_BINARY), process << QStringLiteral("/dev/stdout"));
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(p.readAllStandardOutput().startsWith("bv,name,type,type_label,total,"),
                 p.readAllStandardError().constData());
        QVERIFY(QFileInfo(QStringLiteral("/dev/stdout")).isSymLink());
        // A connection string: the output layer's sentence, the password never shown.
        args.back() = "PG:dbname=ors password=secret";
        r = runCli(args);
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err,
                 std::string("maillage classify: error: PG: databases are not supported as output yet; "
                             "write a GeoPackage file and load it into the database with ogr2ogr\n"));
        // A table format standard output cannot take.
        args.back() = "-";
        args.insert(args.end() - 2, {"--format", "gpkg"});
        r = runCli(args);
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err,
                 std::string("maillage classify: error: standard output (-) takes only csv and csv-fr, "
                             "not gpkg: give a file name\n"));
    }

    void reportInAMissingFolderIsRefusedBeforeAnythingIsWritten() {
        QTemporaryDir dir;
        auto args = importArgs(dir.filePath(QStringLiteral("out.gpkg")).toStdString());
        args.push_back("--report");
        args.push_back(dir.filePath(QStringLiteral("missing/report.txt")).toStdString());
        const Run r = runCli(args);
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.find("missing/report.txt: its folder") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("does not exist") != std::string::npos, r.err.c_str());
        QCOMPARE(filesIn(dir.path()), QStringList());
        QVERIFY(r.err.find("communes") == std::string::npos || r.err.find(" -> ") == std::string::npos);
    }

    void aDatasetThatIsNoneIsCalledWhatItIs() {
        QTemporaryDir dir;
        const auto datasetError = [&](const QString& path) {
            const Run r = runCli({"summary", "--dataset", path.toStdString()});
            return r.status == 1 ? r.err : std::string("status ") + std::to_string(r.status);
        };
        std::string err = datasetError(dir.path());
        QVERIFY2(err.find(dir.path().toStdString() + ": is a folder, expected a dataset .gpkg") !=
                     std::string::npos,
                 err.c_str());
        QVERIFY2(err.find("GDAL") == std::string::npos, err.c_str());
        err = datasetError(dir.filePath(QStringLiteral("absent.gpkg")));
        QVERIFY2(err.find("absent.gpkg: file not found, expected a dataset .gpkg") != std::string::npos,
                 err.c_str());
        const QString text = dir.filePath(QStringLiteral("text.gpkg"));
        QVERIFY(writeText(text, "not a geopackage\n"));
        err = datasetError(text);
        QVERIFY2(err.find("text.gpkg: is not a GeoPackage, expected a dataset .gpkg") != std::string::npos,
                 err.c_str());
        const QString other = dir.filePath(QStringLiteral("other.gpkg"));
        {
            GDALAllRegister();
            GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
            QVERIFY(driver);
            GDALDataset* ds = driver->Create(other.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
            QVERIFY(ds);
            QVERIFY(ds->CreateLayer("roads", nullptr, wkbLineString, nullptr));
            GDALClose(GDALDataset::ToHandle(ds));
        }
        err = datasetError(other);
        QVERIFY2(
            err.find(
                "other.gpkg: not a Maillage dataset: layer 'communes' is missing (layers found: roads)") !=
                std::string::npos,
            err.c_str());
    }

    void listParamsWritesNumbersAsMachinesReadThem() {
        const Run r = runCli({"classify", "--list-params"});
        QCOMPARE(r.status, 0);
        QVERIFY2(r.out.find("poles.metropole_min = 10000\n") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("poles.grand_pole_min = 3000\n") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find(",") == std::string::npos, r.out.c_str());
    }

    void versionIsTheProjectVersion() {
        const Run r = runCli({"--version"});
        QCOMPARE(r.out, std::string("maillage ") + MAILLAGE_PROJECT_VERSION + "\n");
    }

    void parametersWithAByteOrderMarkAreRead() {
        const std::string path = testing::dataPath("cli/params_bom.json");
        QCOMPARE(io::readParametersJson(path, model::Parameters()).poles.metropoleMin, 20000.0);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("poles.csv"));
        const Run r = runCli({"classify", "--communes", testing::dataPath("cli/communes.csv"),
                              "--professionals", testing::dataPath("cli/professionals.csv"), "--params", path,
                              "--output", out.toStdString()});
        QVERIFY2(r.status == 0, r.err.c_str());
        QCOMPARE(rowOf(readCsv(out), QStringLiteral("59350")).value(2), QStringLiteral("2"));
    }

    void gdalMessagesReachTheUserOnceInTheApplicationsWords() {
        QTemporaryDir dir;
        QProcess p;
        p.start(
            QStringLiteral(MAILLAGE_BINARY),
            {QStringLiteral("classify"), QStringLiteral("--communes"),
             QString::fromStdString(testing::dataPath("cli/communes.csv")), QStringLiteral("--professionals"),
             QString::fromStdString(testing::dataPath("cli/professionals.csv")), QStringLiteral("--params"),
             QString::fromStdString(testing::dataPath("cli/params_invalid.json")), QStringLiteral("--output"),
             dir.filePath(QStringLiteral("poles.csv"))});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("params_invalid.json: not valid JSON"), err.constData());
        QVERIFY2(!err.contains("ERROR 1"), err.constData());
        QCOMPARE(err.count('\n'), 1);
    }

    void aBrokenGeoJsonIsOneErrorWithoutGdalsOwnLine() {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(MAILLAGE_BINARY),
                {QStringLiteral("import"), QStringLiteral("--communes"),
                 QString::fromStdString(testing::dataPath("geo/broken.geojson")), QStringLiteral("--bassins"),
                 QString::fromStdString(testing::dataPath("geo/import_bv.csv")), QStringLiteral("--quiet"),
                 QStringLiteral("--output"), dir.filePath(QStringLiteral("out.gpkg"))});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("broken.geojson as a vector file"), err.constData());
        QVERIFY2(err.contains("Unterminated array"), err.constData()); // GDAL's reason, in our message
        QVERIFY2(!err.contains("ERROR 1"), err.constData());
        QCOMPARE(err.count('\n'), 1);
    }

    void classifyOfBpeCodesScalesTheThresholdsAsTheImportDoes() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("poles.csv"));
        std::vector<std::string> args = classifyArgs("cli/professionals_bpe.csv", out);
        Run r = runCli(args);
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY2(r.err.find("pôle thresholds are scaled by 0.25") != std::string::npos, r.err.c_str());
        QCOMPARE(rowOf(readCsv(out), QStringLiteral("59350")).value(2), QStringLiteral("1")); // 3,000 > 2,500
        args.insert(args.end(), {"--mass-scale", "1"});
        r = runCli(args);
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY2(r.err.find("scaled by 0.25") == std::string::npos, r.err.c_str());
        QCOMPARE(rowOf(readCsv(out), QStringLiteral("59350")).value(2), QStringLiteral("2"));
    }

    void countsWithoutAVintageAreNotCalledVintage0() {
        QTemporaryDir dir;
        const Run r = runCli(
            classifyArgs("cli/professionals_unknown_commune.csv", dir.filePath(QStringLiteral("poles.csv"))));
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY2(r.err.find("1 count record of no vintage (3 professionals)") != std::string::npos,
                 r.err.c_str());
        QVERIFY2(r.err.find(" of 0 ") == std::string::npos, r.err.c_str());
    }

    void anImportInterruptedWhileWritingLeavesNoTemporaryFile() {
        for (const int sig : {SIGTERM, SIGINT}) {
            QTemporaryDir dir;
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("MAILLAGE_TEST_STOP_WHILE_WRITING"), QStringLiteral("1"));
            p.setProcessEnvironment(env);
            QStringList args;
            for (const auto& a : importArgs(dir.filePath(QStringLiteral("out.gpkg")).toStdString()))
                args << QString::fromStdString(a);
            p.start(QStringLiteral(MAILLAGE_BINARY), args);
            QVERIFY(p.waitForStarted(30000));
            // The writer stops itself once its temporary GeoPackage is written (the test hook).
            QTRY_COMPARE_WITH_TIMEOUT(processState(p.processId()), 'T', 60000);
            QVERIFY2(!entriesUnder(dir.path()).isEmpty(), "the temporary file should exist while writing");
            QCOMPARE(::kill(static_cast<pid_t>(p.processId()), sig), 0);
            QCOMPARE(::kill(static_cast<pid_t>(p.processId()), SIGCONT), 0);
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);     // ended by the signal, re-raised
            QCOMPARE(entriesUnder(dir.path()), QStringList()); // nor the temporary's folder
        }
    }

    void temporariesOfDeadProcessesAreRemovedByTheNextWrite() {
        QTemporaryDir dir;
        QProcess gone;
        gone.start(QStringLiteral("/bin/true"), {});
        QVERIFY(gone.waitForFinished(30000));
        const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
        const QString stale = dir.filePath(QStringLiteral("out.tmp-%1-1-0.gpkg").arg(deadPid));
        const QString living = dir.filePath(QStringLiteral("out.tmp-%1-1-0.gpkg").arg(::getpid()));
        for (const QString& path : {stale, stale + QStringLiteral("-journal"), living})
            QVERIFY(writeText(path, "partial"));
        const Run r = runCli(importArgs(dir.filePath(QStringLiteral("out.gpkg")).toStdString()));
        QVERIFY2(r.status == 0, r.err.c_str());
        QCOMPARE(filesIn(dir.path()),
                 (QStringList{QStringLiteral("out.gpkg"), QFileInfo(living).fileName()}));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
