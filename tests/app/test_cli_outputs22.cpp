// Issue 7, session 22: `maillage crunch --output F.json` is one plain JSON document (not GeoJSON) whose
// figures are the engine's, masked values null and flagged; populations are whole inhabitants in every
// table output while densities keep the exact populations.
#include "app/cli.h"
#include "cli_testing.h"
#include "testing.h"

#include "core/analysis/change.h"
#include "core/analysis/crunch.h"
#include "core/analysis/density.h"
#include "core/analysis/secrecy.h"
#include "core/io/gpkg.h"

#include <QTemporaryDir>
#include <QTest>

#include <cpl_json.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <map>
#include <memory>

using namespace maillage;
using maillage::testing::contentOf;
using maillage::testing::q;
using maillage::testing::readCsv;
using maillage::testing::Run;
using maillage::testing::runCli;

namespace {

//! The JSON document in `text`; fails the test when it does not parse.
CPLJSONObject parse(const std::string& text, bool& ok) {
    CPLJSONDocument document;
    ok = document.LoadMemory(text);
    return document.GetRoot();
}

//! The rows of a CSV file by their first cell; the header under "".
std::map<std::string, std::map<std::string, std::string>> byCode(const std::string& path) {
    const auto rows = readCsv(path);
    std::map<std::string, std::map<std::string, std::string>> out;
    for (std::size_t r = 1; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c)
            out[rows[r][0]][rows[0][c]] = rows[r][c];
    return out;
}

} // namespace

class TestCliOutputs22 : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_demo, m_fractional;
    model::Dataset m_ds, m_fractionalDs;

    std::string path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)).toStdString(); }

private slots:
    void initTestCase() {
        m_demo = path("demo.gpkg");
        const std::string error = maillage::testing::writeDemo(m_demo, &m_ds);
        QVERIFY2(error.empty(), error.c_str());
        // Populations as merged and split communes leave them: fractional, summed into the BVs.
        m_fractionalDs = m_ds;
        std::map<std::string, double> byBassin;
        for (std::size_t i = 0; i < m_fractionalDs.communes.size(); ++i) {
            model::Commune& c = m_fractionalDs.communes[i];
            c.population += 0.1 + 0.35 * static_cast<double>(i % 3); // .1, .45, .8
            byBassin[c.bv] += c.population;
        }
        for (model::Bassin& b : m_fractionalDs.bassins)
            b.population = byBassin[b.code];
        m_fractional = path("fractional.gpkg");
        io::writeDataset(m_fractionalDs, m_fractional);
        m_fractionalDs = io::readDataset(m_fractional);
    }

    void crunchJsonIsAPlainDocumentWithTheEnginesFigures() {
        const std::string out = path("crunch.json");
        // A threshold of 300 masks several BVs of the demo: their nulls are checked.
        const Run r = runCli({"crunch", "--dataset", m_demo, "--from", "2013", "--set",
                              "density.secrecy_threshold=300", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        bool ok = false;
        const CPLJSONObject doc = parse(contentOf(q(out)).toStdString(), ok);
        QVERIFY2(ok, "the output is not JSON");
        QVERIFY(!doc.GetObj("type").IsValid()); // no GeoJSON FeatureCollection
        QCOMPARE(doc.GetString("format"), std::string("maillage-crunch"));
        QCOMPARE(doc.GetInteger("from"), 2013);
        const auto d = analysis::diagnoseCrunch(m_ds, {}, m_ds.params.poles, m_ds.params.crunch, 0, 2013);
        model::DensityParameters density = m_ds.params.density;
        density.secrecyThreshold = 300;
        const analysis::SecrecyRule rule = analysis::SecrecyRule::from(density);
        const analysis::CrunchMask mask = analysis::maskCrunch(d, rule);
        QCOMPARE(doc.GetInteger("to"), d.vintageTo);
        QVERIFY(doc.GetBool("secrecy/applied"));
        QCOMPARE(doc.GetDouble("secrecy/threshold"), rule.threshold);
        // Pôles per type, primacy and concentration: the engine's, as the CSV rounds them.
        const CPLJSONArray types = doc.GetArray("types");
        QCOMPARE(types.Size(), analysis::kPoleTypeCount - 1);
        for (int i = 0; i < types.Size(); ++i)
            QCOMPARE(types[i].GetInteger("poles"), d.polesByType[static_cast<std::size_t>(i + 1)]);
        QCOMPARE(doc.GetString("primacy/first_pole"), d.firstPole);
        QCOMPARE(doc.GetString("primacy/second_pole"), d.secondPole);
        if (mask.primacy) {
            QCOMPARE(doc.GetObj("primacy/primacy").GetType(), CPLJSONObject::Type::Null);
            QVERIFY(doc.GetBool("primacy/masked"));
        } else {
            QCOMPARE(doc.GetDouble("primacy/primacy"), std::round(d.primacy * 100) / 100);
            QCOMPARE(doc.GetBool("primacy/macrocephalic"), d.macrocephalic);
        }
        QCOMPARE(doc.GetDouble("primacy/macrocephaly_threshold"), m_ds.params.crunch.macrocephalyPrimacy);
        if (!mask.concentration)
            QCOMPARE(doc.GetDouble("concentration/herfindahl"), std::round(d.herfindahl * 1e4) / 1e4);
        // One change per BV: shown values are the engine's, masked ones null with the flag.
        const CPLJSONArray changes = doc.GetArray("change");
        QCOMPARE(static_cast<std::size_t>(changes.Size()), d.changes.size());
        int masked = 0;
        for (int i = 0; i < changes.Size(); ++i) {
            const analysis::BassinChange& e = d.changes[static_cast<std::size_t>(i)];
            QCOMPARE(changes[i].GetString("bv"), e.bv);
            const bool isMasked = mask.after[static_cast<std::size_t>(i)];
            QCOMPARE(changes[i].GetBool("masked"), isMasked || mask.before[static_cast<std::size_t>(i)] ||
                                                       mask.change[static_cast<std::size_t>(i)]);
            if (isMasked) {
                QCOMPARE(changes[i].GetObj("after").GetType(), CPLJSONObject::Type::Null);
                ++masked;
            } else {
                QCOMPARE(changes[i].GetDouble("after"), e.after);
            }
        }
        QVERIFY2(masked > 0, "the demo holds masked BVs: their nulls are checked");
        // The pôles at risk as published, and the diagnosis as the tables word it.
        const auto shown = analysis::publishableCrunch(d, mask);
        const CPLJSONArray atRisk = doc.GetArray("at_risk");
        QCOMPARE(static_cast<std::size_t>(atRisk.Size()), shown.atRisk.size());
        for (int i = 0; i < atRisk.Size(); ++i) {
            const std::string& bv = shown.atRisk[static_cast<std::size_t>(i)];
            QCOMPARE(atRisk[i].GetString("bv"), bv);
            for (const analysis::BassinChange& c : d.changes) // per cent, as in "change"
                if (c.bv == bv)
                    QCOMPARE(atRisk[i].GetDouble("change_percent"), std::round(c.changePercent * 10) / 10);
        }
        QCOMPARE(doc.GetBool("diagnosis/withheld"), mask.diagnosis);
        if (!mask.diagnosis) {
            QCOMPARE(doc.GetString("diagnosis/text"), analysis::describeCrunch(shown, Language::En));
            QCOMPARE(static_cast<std::size_t>(doc.GetArray("diagnosis/sentences").Size()),
                     analysis::describeCrunchBriefly(shown, Language::En).size());
        }
    }

    void crunchJsonGoesToStandardOutputAndGeojsonKeepsTheTables() {
        Run r = runCli({"crunch", "--dataset", m_demo, "--format", "json", "--output", "-", "--lang", "fr"});
        QVERIFY2(r.status == 0, r.err.c_str());
        bool ok = false;
        const CPLJSONObject doc = parse(r.out, ok);
        QVERIFY2(ok, r.out.c_str());
        QCOMPARE(doc.GetString("language"), std::string("fr"));
        QCOMPARE(doc.GetObj("from").GetType(), CPLJSONObject::Type::Null); // no --from: no evolution
        QCOMPARE(doc.GetArray("change").Size(), 0);
        const std::string geojson = path("crunch.geojson");
        r = runCli({"crunch", "--dataset", m_demo, "--output", geojson});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY(contentOf(q(geojson)).contains("FeatureCollection"));
    }

    void populationsAreWholeInhabitantsWhileDensitiesUseTheExactOnes() {
        std::vector<analysis::DensityRow> bassinDensities;
        for (std::size_t i = 0; i < m_fractionalDs.bassins.size() && i < 20; ++i)
            bassinDensities.push_back(
                analysis::densityForBassin(m_fractionalDs, m_fractionalDs.bassins[i].code, "", 0).bassin);
        QVERIFY(std::fabs(bassinDensities.front().population -
                          std::round(bassinDensities.front().population)) > 0.01);
        for (const char* level : {"commune", "bv", "departement", "region"}) {
            const std::string out = path("density.csv");
            const Run r = runCli({"density", "--dataset", m_fractional, "--profession", "all", "--level",
                                  level, "--no-secrecy", "--output", out});
            QVERIFY2(r.status == 0, r.err.c_str());
            const auto rows = byCode(out);
            QVERIFY(rows.size() > 1);
            for (const auto& [code, row] : rows) {
                const std::string& population = row.at("population");
                QVERIFY2(population.find('.') == std::string::npos,
                         (std::string(level) + " " + population).c_str());
            }
            QVERIFY(contentOf(q(out + "t")).startsWith("\"String\",\"String\",\"Integer64\","));
        }
        // The BVs: the population rounded, the density from the exact one.
        const std::string out = path("density_bv.csv");
        QCOMPARE(runCli({"density", "--dataset", m_fractional, "--profession", "all", "--level", "bv",
                         "--no-secrecy", "--output", out})
                     .status,
                 0);
        const auto rows = byCode(out);
        for (const analysis::DensityRow& e : bassinDensities) {
            QCOMPARE(std::stod(rows.at(e.code).at("population")), std::round(e.population));
            QCOMPARE(rows.at(e.code).at("per_10000"), [&] {
                char text[32];
                std::snprintf(text, sizeof text, "%.1f", e.count / e.population * 10000);
                return std::string(text);
            }());
        }
    }

    void populationsAreWholeInGeopackageLayers() {
        const std::string out = path("density_bv.gpkg");
        const Run r = runCli(
            {"density", "--dataset", m_fractional, "--profession", "all", "--level", "bv", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
        QVERIFY(ds);
        OGRLayer* layer = ds->GetLayer(0);
        const int field = layer->GetLayerDefn()->GetFieldIndex("population");
        QVERIFY(field >= 0);
        QCOMPARE(layer->GetLayerDefn()->GetFieldDefn(field)->GetType(), OFTInteger64);
    }
};

QTEST_GUILESS_MAIN(TestCliOutputs22)
#include "test_cli_outputs22.moc"
