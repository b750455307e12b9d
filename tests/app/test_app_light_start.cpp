// The executable runs table-only commands without loading GDAL, GEOS or PROJ (issue 10), and hands every
// other command to the engine module, with the same results as the engine run in this process.
#include "app/huge_pages.h"
#include "cli_testing.h"
#include "testing.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace maillage;
using maillage::testing::contentOf;
using maillage::testing::Run;
using maillage::testing::runCli;

namespace {

//! A run of the binary: exit status, standard output and error; `loader` holds the dynamic loader's
//! list of the libraries it opened (LD_DEBUG=files), apart from the command's own error output.
struct Process {
    int status = -1;
    QByteArray out, err, loader;
};

Process runBinary(const QStringList& args, const QString& loaderLog) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
    env.insert(QStringLiteral("LD_DEBUG_OUTPUT"), loaderLog);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MAILLAGE_BINARY), args);
    Process r;
    if (!p.waitForFinished(120000))
        return r;
    r.status = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    // LD_DEBUG_OUTPUT is a prefix: the loader appends ".<pid>".
    const QDir dir = QFileInfo(loaderLog).dir();
    for (const QString& f : dir.entryList({QFileInfo(loaderLog).fileName() + QStringLiteral(".*")})) {
        r.loader += contentOf(dir.filePath(f));
        QFile::remove(dir.filePath(f));
    }
    return r;
}

QStringList tinyClassify(const QString& output) {
    return {QStringLiteral("classify"),
            QStringLiteral("--communes"),
            QString::fromStdString(testing::dataPath("cli/communes.csv")),
            QStringLiteral("--professionals"),
            QString::fromStdString(testing::dataPath("cli/professionals.csv")),
            QStringLiteral("--output"),
            output};
}

std::vector<std::string> toStd(const QStringList& args) {
    std::vector<std::string> out;
    for (const QString& a : args)
        out.push_back(a.toStdString());
    return out;
}

} // namespace

class TestAppLightStart : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)); }

private slots:
    void initTestCase() {
        qputenv("LANGUAGE", "en"); // the messages asserted are English, in every run of the binary
    }

    void classifyFromCsvTablesLoadsNoGdal() {
        const Process r = runBinary(tinyClassify(path("light.csv")), path("ld-light"));
        QCOMPARE(r.status, 0);
        QVERIFY2(r.loader.contains("libstdc++"), "LD_DEBUG gave no list of the libraries loaded");
        QVERIFY2(!r.loader.contains("libgdal"), r.loader.constData());
        QVERIFY(!r.loader.contains("libproj"));
        QVERIFY(!r.loader.contains("libgeos"));
        QVERIFY(!r.loader.contains("libmaillage_engine"));
        QVERIFY(r.err.contains("bassins de vie classified") || r.err.contains("bassins de vie classés"));
    }

    void classifyFromCsvTablesGivesTheEngineResult() {
        const QStringList args = tinyClassify(path("light_same.csv"));
        QCOMPARE(runBinary(args, path("ld-same")).status, 0);
        QCOMPARE(runCli(toStd(tinyClassify(path("engine_same.csv")))).status, 0);
        QCOMPARE(contentOf(path("light_same.csv")), contentOf(path("engine_same.csv")));
        QVERIFY(!contentOf(path("light_same.csv")).isEmpty());
    }

    void spreadsheetOutputRunsInTheEngineModuleOnce() {
        const Process r = runBinary(tinyClassify(path("engine.xlsx")), path("ld-xlsx"));
        QCOMPARE(r.status, 0);
        QVERIFY(r.loader.contains("libmaillage_engine"));
        QVERIFY(r.loader.contains("libgdal"));
        QVERIFY(QFileInfo(path("engine.xlsx")).size() > 0);
        // What the first attempt had to say is not printed twice.
        QCOMPARE(r.err.count("6 bassins de vie"), 1);
    }

    void datasetCommandsRunInTheEngineModule() {
        QCOMPARE(runBinary({QStringLiteral("demo"), QStringLiteral("--output"), path("demo.gpkg")},
                           path("ld-demo"))
                     .status,
                 0);
        const Process r =
            runBinary({QStringLiteral("classify"), QStringLiteral("--dataset"), path("demo.gpkg"),
                       QStringLiteral("--output"), QStringLiteral("-"), QStringLiteral("--quiet")},
                      path("ld-dataset"));
        QCOMPARE(r.status, 0);
        const auto inProcess =
            runCli({"classify", "--dataset", path("demo.gpkg").toStdString(), "--output", "-", "--quiet"});
        QCOMPARE(r.out, QByteArray::fromStdString(inProcess.out));
    }

    void pipedInputIsReadOnceWhenTheEngineIsNeeded() {
        // A pipe can be read once: a command naming one starts in the engine module.
        QProcess p;
        p.start(
            QStringLiteral("bash"),
            {QStringLiteral("-c"),
             QStringLiteral("'%1' classify --communes <(cat '%2') --professionals '%3' --output '%4' --quiet")
                 .arg(QStringLiteral(MAILLAGE_BINARY),
                      QString::fromStdString(testing::dataPath("cli/communes.csv")),
                      QString::fromStdString(testing::dataPath("cli/professionals.csv")),
                      path("piped.xlsx"))});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QFileInfo(path("piped.xlsx")).size() > 0);
    }

    void aMissingEngineModuleIsNamedNotACrash() {
        // The executable alone, without the module beside it nor in ../lib/maillage/engine.
        const QString alone = path("alone/maillage");
        QVERIFY(QDir().mkpath(path("alone")));
        QVERIFY(QFile::copy(QStringLiteral(MAILLAGE_BINARY), alone));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("en_GB.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en")); // "C" names no language: French
        p.setProcessEnvironment(env);
        p.start(alone, tinyClassify(path("alone.xlsx")));
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("the engine module (GDAL, GEOS, PROJ) could not be loaded"), err.constData());
        QVERIFY(err.contains("libmaillage_engine.so"));
        QVERIFY(!QFileInfo::exists(path("alone.xlsx")));
        // Table-only commands still run.
        p.start(alone, tinyClassify(path("alone.csv")));
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QFileInfo(path("alone.csv")).size() > 0);
    }

    void errorsOfTheLightRunAreWordedOnce() {
        QStringList args = tinyClassify(path("never.csv"));
        args[2] = path("absent.csv");
        const Process r = runBinary(args, path("ld-absent"));
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err.count("absent.csv"), 1);
        QVERIFY(!r.loader.contains("libgdal"));
        QVERIFY(!QFileInfo::exists(path("never.csv")));
    }

    // classify reads the professionals before the communes (their table is freed before the communes are
    // built: a lower peak), yet says things in the order of the files, as it did.
    void classifyReportsTheCommunesErrorFirstWhenBothTablesAreWrong() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string communes =
            write(dir, "communes.csv", "code,name,population,bv\n59350,Lille,-5,59350\n");
        const Run r = runCli({"classify", "--communes", communes, "--professionals",
                              testing::dataPath("cli/professionals_negative.csv"), "--output",
                              dir.filePath(QStringLiteral("out.csv")).toStdString()});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.find("communes.csv: line 2") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("professionals_negative.csv") == std::string::npos, r.err.c_str());
    }

    void classifyReportsAProfessionalsErrorWhenTheCommunesAreRight() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Run r = runCli({"classify", "--communes", testing::dataPath("cli/communes.csv"),
                              "--professionals", testing::dataPath("cli/professionals_negative.csv"),
                              "--output", dir.filePath(QStringLiteral("out.csv")).toStdString()});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.find("professionals_negative.csv: line 3") != std::string::npos, r.err.c_str());
    }

    void classifyWarnsAboutTheCommunesBeforeTheProfessionals() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string communes =
            write(dir, "communes.csv",
                  "code,name,population,bv\n59350,Lille,232787,59350\n59183,Dunkerque,86279,59183\n"
                  "97601,Acoua,5192,ZZZZZ\n");
        // A health establishment (D101) is warned about while the professionals are read.
        const std::string professionals = write(dir, "bpe.csv",
                                                "commune,profession,count\n59350,D201,2000\n59350,D101,1\n"
                                                "59183,D201,400\n");
        const Run r = runCli({"classify", "--communes", communes, "--professionals", professionals,
                              "--output", dir.filePath(QStringLiteral("out.csv")).toStdString()});
        QCOMPARE(r.status, 0);
        const auto noBassin = r.err.find("communes.csv: line 4");
        const auto establishment = r.err.find("bpe.csv: line 3");
        QVERIFY2(noBassin != std::string::npos && establishment != std::string::npos, r.err.c_str());
        QVERIFY2(noBassin < establishment, r.err.c_str());
    }

    void theFilesNamedByACommandAreWeighedOnceEach() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string a = write(dir, "a.csv", std::string(1000, 'a'));
        const std::string b = write(dir, "b.csv", std::string(300, 'b'));
        // A path, --option=PATH, PATH:YEAR; the same file twice, a folder, an absent file and a word: once,
        // nothing, nothing, nothing.
        QCOMPARE(app::namedFilesSize({"import", "--communes", a, "--professionals=" + b, b + ":2018", a,
                                      dir.path().toStdString(), dir.filePath("absent.csv").toStdString(),
                                      "--quiet"}),
                 std::uintmax_t(1300));
        QCOMPARE(app::namedFilesSize({"classify", "--quiet"}), std::uintmax_t(0));
    }

    void onlyLargeInputsStartAgainWithHugePagesWhereTheSystemHasThem() {
        const std::uintmax_t large = app::kHugePagesInputs, small = app::kHugePagesInputs - 1;
        const std::string madvise = "always [madvise] never\n";
        QVERIFY(app::wantsHugePages(large, madvise, nullptr));
        QVERIFY(app::wantsHugePages(large, "[always] madvise never\n", "glibc.malloc.arena_max=2"));
        QVERIFY(!app::wantsHugePages(small, madvise, nullptr));
        QVERIFY(!app::wantsHugePages(large, "always madvise [never]\n", nullptr));
        QVERIFY(!app::wantsHugePages(large, "", nullptr)); // a kernel without them
        // The desktop asks for them whatever it opens, where they are available and not chosen already.
        QVERIFY(app::hugePagesAvailable(madvise, nullptr));
        QVERIFY(!app::hugePagesAvailable("always madvise [never]\n", nullptr));
        QVERIFY(!app::hugePagesAvailable(madvise, "glibc.malloc.hugetlb=0"));
        // The user's own choice, or the process already started again: never a second time.
        QVERIFY(!app::wantsHugePages(large, madvise, "glibc.malloc.hugetlb=0"));
        QVERIFY(!app::wantsHugePages(large, madvise, "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"));
        QCOMPARE(app::withHugePages(nullptr), std::string("glibc.malloc.hugetlb=1"));
        QCOMPARE(app::withHugePages(""), std::string("glibc.malloc.hugetlb=1"));
        QCOMPARE(app::withHugePages("glibc.malloc.arena_max=2"),
                 std::string("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"));
    }

    void aCommandNamingLargeFilesRunsWithHugePagesAndTheSameResult() {
        QFile thp(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
        if (!thp.open(QIODevice::ReadOnly) || thp.readAll().contains("[never]"))
            QSKIP("this system has no transparent huge pages");
        auto run = [](const QStringList& args, const QByteArray& tunables) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("MAILLAGE_DEBUG_HEAP"), QStringLiteral("1"));
            if (tunables.isNull())
                env.remove(QStringLiteral("GLIBC_TUNABLES"));
            else
                env.insert(QStringLiteral("GLIBC_TUNABLES"), QString::fromLatin1(tunables));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(MAILLAGE_BINARY), args);
            p.waitForFinished(60000);
            return std::make_pair(p.exitCode(), p.readAllStandardError());
        };
        const auto [tinyStatus, tinyErr] = run(tinyClassify(path("tiny-out.csv")), QByteArray());
        QCOMPARE(tinyStatus, 0);
        QVERIFY2(tinyErr.contains("maillage: GLIBC_TUNABLES=\n"), tinyErr.constData()); // not started again
        // The same tables, the output replacing a file of kHugePagesInputs: the files named weigh that much.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString large =
            QString::fromStdString(write(dir, "large-out.csv", std::string(app::kHugePagesInputs, 'x')));
        const auto [status, err] = run(tinyClassify(large), QByteArray());
        QCOMPARE(status, 0);
        QVERIFY2(err.contains("maillage: GLIBC_TUNABLES=glibc.malloc.hugetlb=1\n"), err.constData());
        QCOMPARE(err.count("maillage: GLIBC_TUNABLES="), 1);
        QCOMPARE(contentOf(large), contentOf(path("tiny-out.csv")));
        // The user's own setting is kept, and the command is not started again.
        write(dir, "large-out.csv", std::string(app::kHugePagesInputs, 'x'));
        const auto [ownStatus, ownErr] = run(tinyClassify(large), "glibc.malloc.hugetlb=0");
        QCOMPARE(ownStatus, 0);
        QCOMPARE(ownErr.count("maillage: GLIBC_TUNABLES="), 1);
        QVERIFY2(ownErr.contains("maillage: GLIBC_TUNABLES=glibc.malloc.hugetlb=0\n"), ownErr.constData());
        QCOMPARE(contentOf(large), contentOf(path("tiny-out.csv")));
    }

    void theDesktopStartsWithHugePages() {
        QFile thp(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
        if (!thp.open(QIODevice::ReadOnly) || thp.readAll().contains("[never]"))
            QSKIP("this system has no transparent huge pages");
        if (!QFileInfo::exists(QFileInfo(QStringLiteral(MAILLAGE_BINARY))
                                   .dir()
                                   .filePath(QStringLiteral("libmaillage_gui.so"))))
            QSKIP("the desktop module is not built here");
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MAILLAGE_DEBUG_HEAP"), QStringLiteral("1"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.remove(QStringLiteral("GLIBC_TUNABLES"));
        p.setProcessEnvironment(env);
        const QString shot = home.filePath(QStringLiteral("demo.png"));
        p.start(QStringLiteral(MAILLAGE_BINARY),
                {QStringLiteral("--demo"), QStringLiteral("--screenshot"), shot});
        QVERIFY(p.waitForFinished(120000));
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(err.count("maillage: GLIBC_TUNABLES="), 1); // started again once, before the window
        QVERIFY2(err.contains("maillage: GLIBC_TUNABLES=glibc.malloc.hugetlb=1\n"), err.constData());
        QVERIFY(QFileInfo(shot).size() > 0);
    }

private:
    static std::string write(const QTemporaryDir& dir, const char* name, const std::string& text) {
        QFile f(dir.filePath(QString::fromLatin1(name)));
        if (f.open(QIODevice::WriteOnly))
            f.write(text.data(), static_cast<qint64>(text.size()));
        return f.fileName().toStdString();
    }
};

QTEST_GUILESS_MAIN(TestAppLightStart)
#include "test_app_light_start.moc"
