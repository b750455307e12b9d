// The analysis subcommands of the command line (density, access, links, crunch, summary --format) and
// what every subcommand shares: common options, exit codes, languages, bad input, progress.
#include "app/cli.h"
#include "app/cli_common.h"
#include "cli_testing.h"
#include "testing.h"

#include "core/analysis/accessibility.h"
#include "core/analysis/crunch.h"
#include "core/analysis/density.h"
#include "core/analysis/maillage.h"
#include "core/analysis/poles.h"
#include "core/io/gpkg.h"
#include "core/model/csv.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <sstream>

using namespace maillage;
using maillage::testing::contentOf;
using maillage::testing::q;
using maillage::testing::readCsv;
using maillage::testing::Run;
using maillage::testing::runCli;

namespace {

//! The value of column `column` in the row whose first cell is `key` ("" when absent).
std::string cell(const std::vector<std::vector<std::string>>& rows, const std::string& key,
                 const std::string& column) {
    if (rows.empty())
        return {};
    const auto& header = rows.front();
    const auto col = std::find(header.begin(), header.end(), column) - header.begin();
    for (const auto& r : rows)
        if (!r.empty() && r[0] == key && static_cast<std::size_t>(col) < r.size())
            return r[static_cast<std::size_t>(col)];
    return {};
}

double number(const std::string& s) {
    return s.empty() ? std::nan("") : std::stod(s);
}

} // namespace

class TestCliAnalyses : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_demo;
    model::Dataset m_ds;

    std::string path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)).toStdString(); }

private slots:
    void initTestCase() {
        m_demo = path("demo.gpkg");
        const std::string error = maillage::testing::writeDemo(m_demo, &m_ds);
        QVERIFY2(error.empty(), error.c_str());
    }

    void densityByCommuneGivesTheEnginesCountsAndDensities() {
        const std::string out = path("density_communes.csv");
        const Run r = runCli({"density", "--dataset", m_demo, "--profession", "medecin_generaliste",
                              "--no-secrecy", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto rows = readCsv(q(out));
        QCOMPARE(rows.front().at(0), std::string("code"));
        const auto expected = analysis::densityForAllCommunes(m_ds, "medecin_generaliste", 0).rows;
        QCOMPARE(rows.size(), expected.size() + 1);
        int checked = 0;
        for (const auto& e : expected) {
            if (e.count < 1)
                continue;
            QCOMPARE(number(cell(rows, e.code, "count")), e.count);
            QVERIFY(std::fabs(number(cell(rows, e.code, "per_10000")) - e.per10k) < 0.06);
            ++checked;
        }
        QVERIFY(checked > 10);
    }

    void densityByBassinDepartementAndRegionSumsAsTheDrillDownDoes() {
        const model::Bassin& b = m_ds.bassins.front();
        const auto drill = analysis::densityForBassin(m_ds, b.code, "", 0);
        for (const char* level : {"bv", "departement", "region"}) {
            const std::string out = path("density_level.csv");
            const Run r = runCli({"density", "--dataset", m_demo, "--profession", "all", "--level", level,
                                  "--no-secrecy", "--output", out});
            QVERIFY2(r.status == 0, r.err.c_str());
            const auto rows = readCsv(q(out));
            const analysis::DensityRow& ref = std::string(level) == "bv"            ? drill.bassin
                                              : std::string(level) == "departement" ? drill.departement
                                                                                    : drill.region;
            QCOMPARE(number(cell(rows, ref.code, "count")), ref.count);
            QCOMPARE(number(cell(rows, ref.code, "population")), ref.population);
            QCOMPARE(q(cell(rows, ref.code, "name")), q(ref.name));
        }
    }

    void densityMasksSmallCountsUnlessAskedAndSetChangesTheThreshold() {
        const std::string out = path("density_masked.csv");
        Run r =
            runCli({"density", "--dataset", m_demo, "--profession", "medecin_generaliste", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        int masked = 0;
        for (const auto& row : readCsv(q(out)))
            masked += row.back() == "1" ? 1 : 0;
        r = runCli({"density", "--dataset", m_demo, "--profession", "medecin_generaliste", "--set",
                    "density.secrecy_threshold=50", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        int maskedAt50 = 0;
        for (const auto& row : readCsv(q(out)))
            maskedAt50 += row.back() == "1" ? 1 : 0;
        QVERIFY2(maskedAt50 > masked, r.err.c_str());
        QVERIFY2(r.err.find("masked (statistical secrecy") != std::string::npos, r.err.c_str());
    }

    void accessGivesTheEnginesAccessibilityPerCommune() {
        const std::string out = path("access.csv");
        const Run r =
            runCli({"access", "--dataset", m_demo, "--profession", "medecin_generaliste", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto rows = readCsv(q(out));
        const auto expected =
            analysis::accessibility(m_ds, "medecin_generaliste", 0,
                                    analysis::defaultAccessParameters(m_ds.catalogue, "medecin_generaliste"))
                .values;
        QCOMPARE(rows.size(), m_ds.communes.size() + 1);
        for (std::size_t i = 0; i < m_ds.communes.size(); i += 97)
            QVERIFY(std::fabs(number(cell(rows, m_ds.communes[i].code, "access")) - expected[i]) < 0.001);
    }

    void addPutsTravelTimesIntoACopyOfTheDatasetAndReplacesItAtomically() {
        const std::string dataset = path("demo_add.gpkg");
        QVERIFY(QFile::copy(q(m_demo), q(dataset)));
        const std::string times = path("times.csv");
        {
            QFile f(q(times));
            QVERIFY(f.open(QIODevice::WriteOnly));
            const std::string a = m_ds.communes[0].code, b = m_ds.communes[1].code, c = m_ds.communes[2].code;
            f.write(("codgeo_orig;codgeo_dest;duree_min\n" + a + ";" + b + ";12,5\n" + b + ";" + a + ";13\n" +
                     a + ";" + c + ";-4\n")
                        .c_str());
        }
        const Run r = runCli({"add", "--dataset", dataset, "--travel-times", times});
        QVERIFY2(r.status == 0, r.err.c_str());
        const model::Dataset after = io::readDataset(dataset);
        QCOMPARE(after.travelTimes.size(), std::size_t{2}); // the negative time is left out, with its line
        QCOMPARE(after.travelTimes.front().minutes, 12.5);
        QVERIFY2(r.err.find("1 pair has a negative time: left out (4)") != std::string::npos, r.err.c_str());
        QCOMPARE(after.communes.size(), m_ds.communes.size());
    }

    void addWithoutAnythingToAddIsAUsageError() {
        const Run r = runCli({"add", "--dataset", m_demo, "--lang", "fr"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.find("rien à ajouter\u00a0: donnez --travel-times, --flows, --cooperations, --zones, "
                            "--qpv, --facilities, --register ou --population-by-age") != std::string::npos,
                 r.err.c_str());
    }

    void linksWriteTheModelledLinksAndTheIsolatedPolesBesideThem() {
        const std::string out = path("links.csv");
        const Run r = runCli({"links", "--dataset", m_demo, "--kind", "modelled", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto classification = analysis::classifyDataset(m_ds, 0, m_ds.params.poles);
        const auto maillage = analysis::computeMaillage(m_ds, classification.poles, m_ds.params.maillage);
        QCOMPARE(readCsv(q(out)).size(), maillage.links.size() + 1);
        const auto isolated = readCsv(q(path("links_links_isolated.csv")));
        QVERIFY(isolated.size() > 1);
        QCOMPARE(isolated.front().at(0), std::string("bv"));
    }

    void crunchGivesTheEnginesPrimacyForAScope() {
        const std::string region = m_ds.bassins.front().reg;
        const std::string out = path("crunch.csv");
        const Run r = runCli({"crunch", "--dataset", m_demo, "--scope", "region:" + region, "--from", "2013",
                              "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        std::vector<std::string> selection;
        for (const auto& b : m_ds.bassins)
            if (b.reg == region)
                selection.push_back(b.code);
        const auto d =
            analysis::diagnoseCrunch(m_ds, selection, m_ds.params.poles, m_ds.params.crunch, 0, 2013);
        const auto concentration = readCsv(q(path("crunch_crunch_concentration.csv")));
        QCOMPARE(q(cell(concentration, d.firstPole, "second_pole")), q(d.secondPole));
        QVERIFY(std::fabs(number(cell(concentration, d.firstPole, "primacy")) - d.primacy) < 0.01);
        QVERIFY(QFile::exists(q(path("crunch_crunch_diagnosis.csv"))));
    }

    void summaryTakesAFormat() {
        const std::string out = path("summary.csv");
        const Run r = runCli({"summary", "--dataset", m_demo, "--format", "csv-fr", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY(
            contentOf(q(out)).startsWith("\xEF\xBB\xBFregion;name;type1;type2;type3;type4;poles;hors_pole"));
    }

    void everySubcommandSharesHelpVersionAndUnknownOptions() {
        for (const char* cmd :
             {"import", "classify", "summary", "density", "access", "links", "crunch", "demo"}) {
            Run r = runCli({cmd, "--help", "--lang", "en"});
            QCOMPARE(r.status, 0);
            QVERIFY2(r.out.find(std::string("Usage: maillage ") + cmd) != std::string::npos, r.out.c_str());
            QVERIFY2(r.out.find("--lang") != std::string::npos, cmd);
            r = runCli({cmd, "--version"});
            QCOMPARE(r.status, 0);
            QCOMPARE(r.out.rfind("maillage ", 0), std::size_t(0));
            r = runCli({cmd, "--bogus", "1"});
            QCOMPARE(r.status, 2);
            QCOMPARE(r.err, std::string("maillage ") + cmd + ": unknown option --bogus\nRun 'maillage " +
                                cmd + " --help' for the options.\n");
        }
        QVERIFY(runCli({"--help"}).out.find("crunch") != std::string::npos);
    }

    void badInputGetsExactMessagesAndExitCodes() {
        const std::string out = path("bad.csv");
        Run r = runCli({"density", "--profession", "all", "--output", out});
        QCOMPARE(r.status, 2);
        QCOMPARE(r.err, std::string("maillage density: missing required option --dataset\n"
                                    "Run 'maillage density --help' for the options.\n"));
        // Given empty (`--profession "$P"` with P unset): not reported as missing.
        r = runCli({"density", "--dataset", m_demo, "--profession", "", "--output", out});
        QCOMPARE(r.status, 2);
        QCOMPARE(r.err,
                 std::string("maillage density: --profession is empty: give a profession code or alias of "
                             "the catalogue, or all (every profession)\n"
                             "Run 'maillage density --help' for the options.\n"));
        r = runCli({"access", "--dataset", path("absent.gpkg"), "--profession", "all", "--output", out});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.find("absent.gpkg: file not found, expected a dataset .gpkg") != std::string::npos,
                 r.err.c_str());
        r = runCli({"density", "--dataset", m_demo, "--profession", "XX", "--output", out});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.rfind("maillage density: error: unknown profession 'XX'", 0) == 0, r.err.c_str());
        r = runCli({"crunch", "--dataset", m_demo, "--scope", "region:zz", "--output", out});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err,
                 std::string("maillage crunch: error: the scope 'region:zz' holds no bassin de vie of the "
                             "dataset\n"));
        r = runCli({"crunch", "--dataset", m_demo, "--scope", "canton:1", "--output", out});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.find("--scope expects all, region:CODE") != std::string::npos, r.err.c_str());
        r = runCli({"links", "--dataset", m_demo, "--output", "PG:dbname=gis password=secret"});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.find("databases are not supported as output yet") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("secret") == std::string::npos, r.err.c_str());
        r = runCli(
            {"density", "--dataset", m_demo, "--profession", "all", "--output", path("missing/d.csv")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.find("does not exist") != std::string::npos, r.err.c_str());
        r = runCli(
            {"density", "--dataset", m_demo, "--profession", "all", "--format", "xlsx", "--output", "-"});
        QCOMPARE(r.status, 1);
        QVERIFY(r.out.empty());
        QCOMPARE(r.err,
                 std::string("maillage density: error: standard output (-) takes only csv and csv-fr, not "
                             "xlsx: give a file name\n"));
        r = runCli({"density", "--dataset", m_demo, "--profession", "all", "--format", "xlsx", "--output",
                    "/dev/stdout"});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err,
                 std::string("maillage density: error: /dev/stdout: is a device or a pipe: only csv and "
                             "csv-fr can be written to it, not xlsx\n"));
        r = runCli(
            {"density", "--dataset", m_demo, "--profession", "all", "--format", "docx", "--output", out});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.find("--format expects csv, csv-fr, xlsx, ods, gpkg, geojson, found 'docx'") !=
                     std::string::npos,
                 r.err.c_str());
        QVERIFY(!QFile::exists(q(out)));
    }

    void aFailureLeavesTheExistingOutputAndNoOtherFile() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("previous.csv"));
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("previous\n");
        f.close();
        const Run r =
            runCli({"density", "--dataset", m_demo, "--profession", "XX", "--output", out.toStdString()});
        QCOMPARE(r.status, 1);
        QCOMPARE(contentOf(out), QByteArray("previous\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("previous.csv")});
    }

    void setNeedsAKnownKeyAndANumber() {
        const std::string out = path("set.csv");
        Run r = runCli({"density", "--dataset", m_demo, "--profession", "all", "--set", "density.nope=3",
                        "--output", out});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.find("density.nope") != std::string::npos, r.err.c_str());
        r = runCli(
            {"density", "--dataset", m_demo, "--profession", "all", "--set", "density", "--output", out});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.find("--set expects KEY=VALUE") != std::string::npos, r.err.c_str());
    }

    void messagesAreFrenchWithLangFr() {
        Run r = runCli({"crunch", "--dataset", m_demo, "--scope", "region:zz", "--output", path("fr.csv"),
                        "--lang", "fr"});
        QCOMPARE(r.status, 1);
        QCOMPARE(q(r.err), QStringLiteral(
                               "maillage crunch\u00a0: erreur\u00a0: le périmètre «\u00a0region:zz\u00a0» ne "
                               "contient aucun bassin de vie du jeu de données\n"));
        r = runCli({"density", "--lang", "fr", "--nope"});
        QCOMPARE(r.status, 2);
        QCOMPARE(q(r.err),
                 QStringLiteral("maillage density\u00a0: option inconnue --nope\n"
                                "Lancez «\u00a0maillage density --help\u00a0» pour les options.\n"));
        qputenv("LC_ALL", "fr_FR.UTF-8");
        r = runCli({"frobnicate"});
        qputenv("LC_ALL", "en_US.UTF-8");
        QCOMPARE(q(r.err), QStringLiteral("maillage\u00a0: commande inconnue «\u00a0frobnicate\u00a0»\n"
                                          "Lancez «\u00a0maillage --help\u00a0» pour les commandes.\n"));
    }

    void progressIsABarOnATerminalStepsOtherwiseAndNothingWhenQuiet() {
        std::ostringstream bar, steps, quiet;
        {
            cli::ConsoleFeedback terminal(bar, false, true);
            terminal.setStep(raw("Distances"));
            for (int p = 0; p <= 50; p += 5)
                terminal.setProgress(p);
            terminal.setProgress(40); // never backwards
            terminal.finish();
            terminal.finish();
        }
        QCOMPARE(bar.str(), std::string("0...10...20...30...40...50...60...70...80...90...100 - done.\n"));
        cli::ConsoleFeedback lines(steps, false, false);
        lines.setStep(raw("Distances"));
        lines.setProgress(50);
        QCOMPARE(steps.str(), std::string("… Distances\n"));
        cli::ConsoleFeedback none(quiet, true, true);
        none.setStep(raw("Distances"));
        none.setProgress(50);
        none.finish();
        QCOMPARE(quiet.str(), std::string());
        // The engine's steps in the run's language.
        std::ostringstream french, english;
        cli::ConsoleFeedback(french, false, false, Language::Fr).setStep(msg("step.pole_links"));
        cli::ConsoleFeedback(english, false, false, Language::En).setStep(msg("step.pole_links"));
        QCOMPARE(french.str(), std::string("… Liens entre pôles\n"));
        QCOMPARE(english.str(), std::string("… Links between pôles\n"));
    }

    void longRunsWriteStepLinesWithoutATerminalAndNothingWhenQuiet() {
        const std::string out = path("steps.csv");
        Run r = runCli({"links", "--dataset", m_demo, "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY2(r.err.find("\u2026 ") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("...10...") == std::string::npos, r.err.c_str());
        r = runCli({"links", "--dataset", m_demo, "--quiet", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        QCOMPARE(r.err, std::string());
    }

    void anUnknownLanguageIsAUsageError() {
        const Run r = runCli({"summary", "--dataset", m_demo, "--lang", "de"});
        QCOMPARE(r.status, 2);
        QCOMPARE(r.err, std::string("maillage summary: --lang expects fr, en, found 'de'\n"
                                    "Run 'maillage summary --help' for the options.\n"));
        QVERIFY(r.out.empty());
    }

    void realDataOfNordGivesTheEnginesDensitiesByBassin() {
        const QString communes = testing::sharedPath("communes/communes_59_nord_cog2018.geojson");
        if (!QFile::exists(communes))
            QSKIP("../shared/data is absent");
        const std::string gpkg = path("nord.gpkg");
        Run r = runCli(
            {"import", "--communes", communes.toStdString(), "--bassins",
             testing::sharedPath("bassins_de_vie/commune_bv2012_cog2016.csv").toStdString(), "--population",
             testing::sharedPath("population/population_communes_2020.csv").toStdString(), "--professionals",
             testing::sharedPath("professionals/bpe2013_sante_par_commune.csv").toStdString() + ":2013",
             "--quiet", "--output", gpkg});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto ds = io::readDataset(gpkg);
        const std::string out = path("nord_density.csv");
        r = runCli({"density", "--dataset", gpkg, "--profession", "medecin_generaliste", "--level", "bv",
                    "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto rows = readCsv(q(out));
        const auto lille = analysis::densityForBassin(ds, "59350", "medecin_generaliste", 0).bassin;
        QVERIFY(lille.count > 100);
        QCOMPARE(number(cell(rows, "59350", "count")), lille.count);
        r = runCli(
            {"crunch", "--dataset", gpkg, "--scope", "departement:59", "--output", path("nord_crunch.xlsx")});
        QVERIFY2(r.status == 0, r.err.c_str());
        r = runCli({"links", "--dataset", gpkg, "--output", path("nord_links.gpkg")});
        QVERIFY2(r.status == 0, r.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCliAnalyses)
#include "test_cli_analyses.moc"
