// maillage change (two vintages per BV or commune), crunch --early-warning and crunch --brief, checked
// against the engine on the demo dataset and on real data of Hauts-de-France (BPE 2013 and 2018).
#include "app/cli.h"
#include "cli_testing.h"
#include "testing.h"

#include "core/analysis/change.h"
#include "core/analysis/crunch.h"
#include "core/io/gpkg.h"
#include "core/model/csv.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace maillage;
using maillage::testing::contentOf;
using maillage::testing::q;
using maillage::testing::Run;
using maillage::testing::runCli;

namespace {

//! The rows of a CSV output, by their first column (the code); the header under "".
std::map<std::string, std::map<std::string, std::string>> readByCode(const std::string& path) {
    const QByteArray bytes = contentOf(q(path));
    std::vector<text::CsvRecord> records;
    text::tokenizeCsv(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), ',',
                      records);
    std::map<std::string, std::map<std::string, std::string>> out;
    if (records.empty())
        return out;
    const std::vector<std::string> header = records[0].fields;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& f = records[r].fields;
        if (f.size() != header.size())
            continue;
        for (std::size_t c = 0; c < f.size(); ++c)
            out[f[0]][header[c]] = f[c];
    }
    return out;
}

//! Every row of `path` whose counts are shown equals the engine's figures.
void compareWithEngine(const std::string& path, const analysis::ChangeResult& engine, int& compared) {
    const auto rows = readByCode(path);
    QCOMPARE(rows.size(), engine.rows.size());
    for (const analysis::ChangeRow& e : engine.rows) {
        const auto& row = rows.at(e.code);
        QCOMPARE(row.at("within_noise"), std::string(e.withinNoise ? "1" : "0"));
        if (row.at("change").empty())
            continue; // masked
        QCOMPARE(std::stod(row.at("count_from")), e.before);
        QCOMPARE(std::stod(row.at("count_to")), e.after);
        QCOMPARE(std::stod(row.at("change")), e.change);
        if (e.hasPercent)
            QVERIFY(std::abs(std::stod(row.at("change_percent")) - e.changePercent) < 0.051); // per cent
        if (e.population > 0)
            QVERIFY(std::abs(std::stod(row.at("density_change")) - e.densityChange) < 0.051);
        ++compared;
    }
}

QString plain(const std::string& s) {
    return QString::fromStdString(s).replace(QChar(0x00a0), QLatin1Char(' '));
}

} // namespace

class TestCliChange : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_demo;
    model::Dataset m_ds;

    std::string path(const char* name) const { return (m_dir.path() + "/" + name).toStdString(); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_demo = path("demo.gpkg");
        const std::string error = maillage::testing::writeDemo(m_demo, &m_ds);
        QVERIFY2(error.empty(), error.c_str());
    }

    void changePerBassinAndCommuneOnTheDemoIsTheEngines() {
        for (const char* level : {"bv", "commune"}) {
            const std::string out = path("change.csv");
            const Run r = runCli({"change", "--dataset", m_demo, "--from", "2013", "--to", "2023", "--level",
                                  level, "--output", out});
            QVERIFY2(r.status == 0, r.err.c_str());
            analysis::ChangeRequest request;
            request.from = 2013;
            request.to = 2023;
            analysis::parseChangeLevel(level, request.level);
            int compared = 0;
            compareWithEngine(out, analysis::computeChange(m_ds, request, analysis::SecrecyRule{}), compared);
            QVERIFY(compared > 20);
        }
    }

    void yearsInTheWrongOrderAreRefusedWithTheirSentence() {
        const Run r = runCli({"change", "--dataset", m_demo, "--from", "2023", "--to", "2013", "--output",
                              path("wrong.csv"), "--lang", "fr"});
        QVERIFY(r.status != 0);
        QVERIFY2(plain(r.err).contains(
                     "L'évolution va de 2023 à 2013 : la première année doit précéder la seconde."),
                 r.err.c_str());
        QVERIFY(!QFile::exists(q(path("wrong.csv"))));
    }

    void earlyWarningNamesEachPoleAtRiskInASentence() {
        const std::string out = path("warning.csv");
        const Run r = runCli({"crunch", "--dataset", m_demo, "--from", "2013", "--early-warning", "--output",
                              out, "--lang", "fr"});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto rows = readByCode(out);
        QVERIFY(rows.count("99381"));
        QCOMPARE(
            plain(rows.at("99381").at("sentence")),
            QString("Rocheblanche perd 14,6 % à 36 km de Saint-Guénolé-sur-Lavre : risque d'absorption"));
        const auto d = analysis::diagnoseCrunch(m_ds, {}, m_ds.params.poles, m_ds.params.crunch, 0, 2013);
        QCOMPARE(rows.size(), d.atRisk.size());
        // change_percent holds per cent, as its name and its sentence say (it held the fraction -0.146)
        QCOMPARE(rows.at("99381").at("change_percent"), std::string("-14.6"));
    }

    void earlyWarningNeedsAnEarlierVintage() {
        const Run r = runCli({"crunch", "--dataset", m_demo, "--early-warning", "--output", path("w.csv")});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.find("--early-warning needs --from") != std::string::npos, r.err.c_str());
    }

    void briefPrintsTheSentencesToReadAloud() {
        const Run r = runCli({"crunch", "--dataset", m_demo, "--from", "2013", "--brief", "--lang", "en"});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto d = analysis::diagnoseCrunch(m_ds, {}, m_ds.params.poles, m_ds.params.crunch, 0, 2013);
        const auto rule = analysis::SecrecyRule::from(m_ds.params.density);
        std::string expected;
        for (const std::string& s : analysis::describeCrunchBriefly(
                 analysis::publishableCrunch(d, analysis::maskCrunch(d, rule)), Language::En))
            expected += s + "\n";
        QCOMPARE(r.out, expected);
        QVERIFY(!expected.empty());
    }

    void realDataOfHautsDeFranceFrom2013To2018() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        const std::string gpkg = path("hdf.gpkg");
        Run r = runCli(
            {"import", "--communes",
             testing::sharedPath("communes/communes_hauts_de_france_cog2018.geojson").toStdString(),
             "--bassins", testing::sharedPath("bassins_de_vie/commune_bv2012_cog2016.csv").toStdString(),
             "--population", testing::sharedPath("population/population_communes_2020.csv").toStdString(),
             "--professionals",
             testing::sharedPath("professionals/bpe2013_sante_par_commune.csv").toStdString() + ":2013",
             "--professionals",
             testing::sharedPath("professionals/bpe2018_sante_par_commune_long.csv").toStdString() + ":2018",
             "--quiet", "--output", gpkg});
        QVERIFY2(r.status == 0, r.err.c_str());
        const model::Dataset ds = io::readDataset(gpkg);
        const std::string out = path("hdf_change.csv");
        r = runCli({"change", "--dataset", gpkg, "--from", "2013", "--to", "2018", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        // diététiciens (D242) are in BPE 2018, not in BPE 2013
        QVERIFY2(r.err.find("left out of the change: 'dieteticien'") != std::string::npos, r.err.c_str());
        analysis::ChangeRequest request;
        request.from = 2013;
        request.to = 2018;
        const auto engine = analysis::computeChange(ds, request, analysis::SecrecyRule{});
        int compared = 0;
        compareWithEngine(out, engine, compared);
        QVERIFY(compared > 100);
        const auto lille = readByCode(out).at("59350");
        QVERIFY(std::stod(lille.at("count_from")) > 1000);

        const std::string gps = path("hdf_gp.csv");
        r = runCli({"change", "--dataset", gpkg, "--from", "2013", "--to", "2018", "--profession",
                    "medecin_generaliste", "--level", "commune", "--output", gps});
        QVERIFY2(r.status == 0, r.err.c_str());
        request.profession = "medecin_generaliste";
        request.level = analysis::ChangeLevel::Commune;
        compared = 0;
        compareWithEngine(gps, analysis::computeChange(ds, request, analysis::SecrecyRule{}), compared);
        QVERIFY(compared > 100);
    }
};

QTEST_GUILESS_MAIN(TestCliChange)
#include "test_cli_change.moc"
