// maillage access with the dataset's saved accessibility parameters and the zonage simulator; classify
// --margins; maillage sensitivity.
#include "app/cli.h"
#include "cli_testing.h"
#include "testing.h"

#include "core/analysis/accessibility.h"
#include "core/analysis/margins.h"
#include "core/io/gpkg.h"
#include "core/io/parameters_json.h"
#include "core/model/csv.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace maillage;
using maillage::testing::contentOf;
using maillage::testing::q;
using maillage::testing::readCsv;
using maillage::testing::Run;
using maillage::testing::runCli;

namespace {

//! Column `name` of every data row.
std::vector<std::string> columnOf(const std::vector<std::vector<std::string>>& rows,
                                  const std::string& name) {
    std::vector<std::string> out;
    if (rows.empty())
        return out;
    const auto col =
        static_cast<std::size_t>(std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin());
    for (std::size_t r = 1; r < rows.size(); ++r)
        out.push_back(col < rows[r].size() ? rows[r][col] : std::string());
    return out;
}

bool writeText(const std::string& path, const QByteArray& text) {
    QFile f(q(path));
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

//! The largest difference between the "access" column of `path` and `expected`.
double maxDifference(const std::string& path, const std::vector<double>& expected) {
    const auto values = columnOf(readCsv(path), "access");
    if (values.size() != expected.size())
        return INFINITY;
    double worst = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!values[i].empty())
            worst = std::max(worst, std::fabs(std::stod(values[i]) - expected[i]));
    return worst;
}

} // namespace

class TestCliAccess : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_demo;
    model::Dataset m_ds;

    std::string path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)).toStdString(); }
    std::vector<double> engine(const analysis::AccessParameters& params) const {
        return analysis::accessibility(m_ds, "medecin_generaliste", 0, params).values;
    }

private slots:
    void initTestCase() {
        m_demo = path("demo.gpkg");
        const std::string error = maillage::testing::writeDemo(m_demo, &m_ds);
        QVERIFY2(error.empty(), error.c_str());
    }

    void setAccessMethodChangesTheOutput() {
        const std::string out = path("access_set.csv");
        Run r =
            runCli({"access", "--dataset", m_demo, "--profession", "medecin_generaliste", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        analysis::AccessParameters apl;
        QVERIFY(maxDifference(out, engine(apl)) < 0.001);
        r = runCli({"access", "--dataset", m_demo, "--profession", "medecin_generaliste", "--set",
                    "access.method=1", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        analysis::AccessParameters binary;
        binary.method = analysis::AccessMethod::Binary;
        QVERIFY(maxDifference(out, engine(binary)) < 0.001);
        QVERIFY(maxDifference(out, engine(apl)) > 0.01); // the method did change the values
        r = runCli({"access", "--dataset", m_demo, "--profession", "medecin_generaliste", "--set",
                    "access.catchment_minutes=30", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        analysis::AccessParameters wide;
        wide.catchmentMinutes = 30;
        wide.steps = {{15, 1.0}, {22.5, 2.0 / 3.0}, {30, 1.0 / 3.0}};
        QVERIFY(maxDifference(out, engine(wide)) < 0.001);
        r = runCli({"access", "--dataset", m_demo, "--profession", "medecin_generaliste", "--set",
                    "access.method=9", "--output", out});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.find("access.method") != std::string::npos, r.err.c_str());
    }

    void accessParametersRoundTripThroughJsonAndTheGeoPackage() {
        const std::string json = path("access.json");
        QVERIFY(writeText(json,
                          R"({"access": {"method": 2, "decay_minutes": 8}, "poles": {"mass_scale": 0.5}})"));
        const model::Parameters read = io::readParametersJson(json, model::Parameters());
        const auto gp = read.accessFor(model::ProfessionGroup::Proximite);
        QCOMPARE(gp.method, model::AccessMethod::Gaussian);
        QCOMPARE(gp.decayMinutes, 8.0);
        QCOMPARE(read.poles.massScale, 0.5);

        const std::string copy = path("saved.gpkg");
        QVERIFY(QFile::copy(q(m_demo), q(copy)));
        io::writeParameters(copy, read);
        const model::Dataset saved = io::readDataset(copy);
        QCOMPARE(saved.params.access, read.access);
        QVERIFY(saved.params.accessFor(model::ProfessionGroup::Pole) ==
                read.accessFor(model::ProfessionGroup::Pole));
        // maillage access uses what the dataset saved.
        const std::string out = path("access_saved.csv");
        const Run r =
            runCli({"access", "--dataset", copy, "--profession", "medecin_generaliste", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY(maxDifference(out, engine(gp)) < 0.001);
        QVERIFY(runCli({"classify", "--list-params"}).out.find("access.straight_line_speed_kmh = 37\n") !=
                std::string::npos);
    }

    void zonageGivesEachCommuneItsClassAndThePopulationOfEachClass() {
        const std::string out = path("zonage.csv");
        const Run r =
            runCli({"access", "--dataset", m_demo, "--profession", "medecin_generaliste", "--zonage",
                    "60,100", "--sensitivity-threshold", "1", "--range", "50:70:5", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto rows = readCsv(out);
        const auto values = columnOf(rows, "access"), classes = columnOf(rows, "zonage");
        const auto population = columnOf(rows, "population");
        double expected[3] = {0, 0, 0};
        for (std::size_t i = 0; i < values.size(); ++i) {
            const double v = std::stod(values[i]);
            const int k = v < 60 ? 0 : v < 100 ? 1 : 2;
            const char* label[] = {"< 60", "60 \u2013 100", "\u2265 100"};
            QCOMPARE(q(classes[i]), QString::fromUtf8(label[k]));
            expected[k] += std::stod(population[i]);
        }
        const auto zonage = readCsv(path("zonage_access_zonage.csv"));
        const auto byClass = columnOf(zonage, "population");
        QCOMPARE(byClass.size(), std::size_t(3));
        for (int k = 0; k < 3; ++k)
            QVERIFY(std::fabs(std::stod(byClass[static_cast<std::size_t>(k)]) - expected[k]) < 1);
        const auto moved = readCsv(path("zonage_access_sensitivity.csv"));
        QCOMPARE(columnOf(moved, "value"), (std::vector<std::string>{"50", "55", "60", "65", "70"}));
        QCOMPARE(columnOf(moved, "communes")[2], std::string("0")); // the threshold as given
    }

    void zonageByBassinAndByAUnitTable() {
        const std::string out = path("zonage_bv.csv");
        Run r = runCli({"access", "--dataset", m_demo, "--profession", "medecin_generaliste", "--zonage",
                        "60", "--zonage-unit", "bv", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto units = columnOf(readCsv(path("zonage_bv_access_zonage.csv")), "units");
        QCOMPARE(std::stoi(units[0]) + std::stoi(units[1]), static_cast<int>(m_ds.bassins.size()));
        // Two communes in a unit table: the others are left out, with a warning counting them.
        const std::string table = path("units.csv");
        const std::string a = m_ds.communes[0].code, b = m_ds.communes[1].code;
        QVERIFY(writeText(table, QByteArray::fromStdString("commune,unit\n" + a + ",T1\n" + b + ",T1\n")));
        r = runCli({"access", "--dataset", m_demo, "--profession", "medecin_generaliste", "--zonage", "60",
                    "--zonage-units", table, "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY2(r.err.find("communes are missing from the commune → unit table") != std::string::npos,
                 r.err.c_str());
        const auto zonage = readCsv(path("zonage_bv_access_zonage.csv"));
        const auto communes = columnOf(zonage, "communes");
        QCOMPARE(std::stoi(communes[0]) + std::stoi(communes[1]), 2);
        const auto unitColumn = columnOf(readCsv(out), "zonage_unit");
        QCOMPARE(unitColumn[0], std::string("T1"));
        QCOMPARE(unitColumn[2], std::string());
    }

    void badZonageOptionsAreUsageErrors() {
        const std::string out = path("bad.csv");
        for (const std::vector<std::string>& extra :
             {std::vector<std::string>{"--zonage", "2.5,x"},
              {"--sensitivity-threshold", "1"},
              {"--zonage", "2.5", "--sensitivity-threshold", "2", "--range", "1:2:0.5"},
              {"--zonage", "2.5", "--sensitivity-threshold", "1", "--range", "3:1:0.5"},
              {"--zonage", "2.5", "--zonage-unit", "canton"}}) {
            std::vector<std::string> args = {
                "access", "--dataset", m_demo, "--profession", "medecin_generaliste", "--output", out};
            args.insert(args.end(), extra.begin(), extra.end());
            const Run r = runCli(args);
            QVERIFY2(r.status == 2, (extra.back() + ": " + r.err).c_str());
        }
        QVERIFY(!QFile::exists(q(out)));
    }

    void aRegionalDatasetIsWarnedThatItsEdgeLacksTheNeighboursSupply() {
        model::Dataset ds = m_ds;
        ds.meta.extra["area.mode"] = "strict";
        ds.meta.extra["area.truncated_bassins"] = ds.bassins[0].code + "," + ds.bassins[1].code;
        const std::string regional = path("regional.gpkg");
        io::writeDataset(ds, regional);
        const Run r = runCli({"access", "--dataset", regional, "--profession", "medecin_generaliste",
                              "--output", path("regional.csv")});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY2(r.err.find("imported for an area (strict)") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("2 bassins de vie cut by its edge") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("of the edge of the dataset") == std::string::npos, r.err.c_str()); // not twice
        // A regional communes file imported whole: its truncated bassins are listed, without a mode.
        ds.meta.extra.erase("area.mode");
        const std::string file = path("regional_file.gpkg");
        io::writeDataset(ds, file);
        const Run whole = runCli({"access", "--dataset", file, "--profession", "medecin_generaliste",
                                  "--output", path("regional.csv")});
        QVERIFY2(whole.err.find("imported for an area (strict)") != std::string::npos, whole.err.c_str());
        const Run plain = runCli({"access", "--dataset", m_demo, "--profession", "medecin_generaliste",
                                  "--output", path("plain.csv")});
        QVERIFY2(plain.err.find("imported for an area") == std::string::npos, plain.err.c_str());
    }

    void classifyMarginsSaysWhatIsMissingForTheTypeAbove() {
        const std::string out = path("classify.csv");
        const Run r = runCli({"classify", "--dataset", m_demo, "--margins", "--no-secrecy", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto rows = readCsv(path("classify_margins.csv"));
        const auto classification = analysis::classifyDataset(m_ds, 0, m_ds.params.poles);
        QCOMPARE(rows.size(), classification.poles.size() + 1);
        const auto& first = classification.poles.front();
        const analysis::BassinMargins m = analysis::marginsOf(first);
        const auto& grand = m.of(analysis::MarginKind::GrandPoleTotal);
        QCOMPARE(std::stod(columnOf(rows, "margin_grand_pole")[0]), grand.met ? grand.spare : -grand.needed);
        QCOMPARE(q(columnOf(rows, "margins")[0]), q(analysis::describeMargins(m, Language::En)));
    }

    void classifyMarginsAreMaskedWithTheirCounts() {
        const std::string out = path("classify_masked.csv");
        const Run r = runCli({"classify", "--dataset", m_demo, "--margins", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto rows = readCsv(path("classify_masked_margins.csv"));
        const auto psy = columnOf(readCsv(out), "psy"), psyMargin = columnOf(rows, "margin_psy_share");
        int masked = 0;
        for (std::size_t i = 0; i < psy.size(); ++i)
            if (psy[i].empty()) { // the count is masked: its margin would give it back
                QCOMPARE(psyMargin[i], std::string());
                ++masked;
            }
        QVERIFY(masked > 0);
    }

    void sensitivityListsTheBassinsThatChangeTypeForEachValue() {
        const std::string out = path("sensitivity.csv");
        const Run r =
            runCli({"sensitivity", "--dataset", m_demo, "--param", "poles.intermediate_pole_share_min",
                    "--range", "0.15:0.25:0.01", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto rows = readCsv(out);
        const auto values = columnOf(rows, "value");
        QCOMPARE(values.size(), std::size_t(11));
        QCOMPARE(values[5], std::string("0.2"));
        std::vector<double> range;
        for (int i = 0; i <= 10; ++i)
            range.push_back(std::round((0.15 + 0.01 * i) * 1e9) / 1e9);
        const analysis::Sensitivity s =
            analysis::sensitivity(m_ds, 0, m_ds.params.poles, "poles.intermediate_pole_share_min", range);
        const auto changes = columnOf(rows, "changes");
        std::size_t listed = 0;
        for (std::size_t i = 0; i < s.steps.size(); ++i) {
            QCOMPARE(std::stoi(changes[i]), static_cast<int>(s.steps[i].changes.size()));
            listed += s.steps[i].changes.size();
        }
        QCOMPARE(readCsv(path("sensitivity_sensitivity_changes.csv")).size(), listed + 1);
        QCOMPARE(std::stoi(changes[5]), 0); // the base value changes nothing
    }

    void sensitivityOfAnAccessParameterListsTheCommunesChangingZonageClass() {
        const std::string out = path("sensitivity_access.csv");
        Run r =
            runCli({"sensitivity", "--dataset", m_demo, "--param", "access.catchment_minutes", "--range",
                    "15:30:5", "--profession", "medecin_generaliste", "--zonage", "60,100", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto rows = readCsv(out);
        QCOMPARE(columnOf(rows, "value"), (std::vector<std::string>{"15", "20", "25", "30"}));
        const auto changes =
            analysis::accessSensitivity(m_ds, "medecin_generaliste", 0, analysis::AccessParameters{},
                                        "access.catchment_minutes", {60, 100}, {15, 20, 25, 30});
        const auto communes = columnOf(rows, "communes");
        for (std::size_t i = 0; i < changes.size(); ++i)
            QCOMPARE(std::stoi(communes[i]), static_cast<int>(changes[i].communes.size()));
        QCOMPARE(communes[1], std::string("0")); // 20 minutes: the saved catchment
        QVERIFY(std::stoi(communes[3]) > 0);
        // Without the profession and thresholds: a usage error saying what is needed.
        r = runCli({"sensitivity", "--dataset", m_demo, "--param", "access.catchment_minutes", "--range",
                    "15:30:5", "--output", out});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.find("--zonage") != std::string::npos, r.err.c_str());
        r = runCli({"sensitivity", "--dataset", m_demo, "--param", "access.catchment", "--range", "15:30:5",
                    "--profession", "medecin_generaliste", "--zonage", "60", "--output", out});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.find("access.catchment") != std::string::npos, r.err.c_str());
    }

    void sensitivityRefusesAnUnknownKeyAndABadRange() {
        const std::string out = path("sensitivity_bad.csv");
        Run r = runCli({"sensitivity", "--dataset", m_demo, "--param", "poles.nope", "--range", "1:2:1",
                        "--output", out});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.find("poles.nope") != std::string::npos, r.err.c_str());
        for (const char* range : {"0.2:0.1:0.01", "0:1:0", "0:1", "a:b:c", "0:100000:1"}) {
            r = runCli({"sensitivity", "--dataset", m_demo, "--param", "poles.mass_scale", "--range", range,
                        "--output", out});
            QVERIFY2(r.status == 2, range);
        }
        QVERIFY(!QFile::exists(q(out)));
    }
};

QTEST_GUILESS_MAIN(TestCliAccess)
#include "test_cli_access.moc"
