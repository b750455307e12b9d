// maillage import|add|access --age-weights (issue 9, session 19): the user's consumption weights by age
// band, checked against the population by age, stored with the dataset, used and named by maillage access.
#include "app/cli.h"
#include "cli_testing.h"
#include "testing.h"

#include "core/analysis/access_weights.h"
#include "core/analysis/accessibility.h"
#include "core/io/gpkg.h"
#include "core/io/table.h"
#include "core/model/csv.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace maillage;
using maillage::testing::contentOf;
using maillage::testing::q;
using maillage::testing::Run;
using maillage::testing::runCli;

namespace {

bool writeText(const std::string& path, const std::string& text) {
    QFile f(q(path));
    return f.open(QIODevice::WriteOnly) &&
           f.write(text.data(), static_cast<qint64>(text.size())) == static_cast<qint64>(text.size());
}

//! The "access" column of the CSV at `path`.
std::vector<double> accessColumn(const std::string& path) {
    const QByteArray bytes = contentOf(q(path));
    std::vector<text::CsvRecord> records;
    text::tokenizeCsv(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), ',',
                      records);
    std::vector<double> out;
    std::size_t col = 0;
    for (std::size_t r = 0; r < records.size(); ++r) {
        const auto& f = records[r].fields;
        if (r == 0) {
            col = static_cast<std::size_t>(std::find(f.begin(), f.end(), "access") - f.begin());
            continue;
        }
        if (col < f.size() && !f[col].empty())
            out.push_back(std::stod(f[col]));
        else if (f.size() > 1)
            out.push_back(NAN);
    }
    return out;
}

bool sameValues(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(std::isnan(a[i]) && std::isnan(b[i])) && !(std::fabs(a[i] - b[i]) < 0.001))
            return false;
    return true;
}

} // namespace

class TestCliAccess19 : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_demo, m_ages;

    std::string path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)).toStdString(); }

private slots:
    void initTestCase() {
        m_demo = path("demo.gpkg");
        const std::string error = maillage::testing::writeDemo(m_demo);
        QVERIFY2(error.empty(), error.c_str());
        // Every other commune all young, the others all very old.
        const model::Dataset ds = io::readDataset(m_demo);
        std::string ages = "commune;age_band;population\n";
        for (std::size_t c = 0; c < ds.communes.size(); ++c)
            ages += ds.communes[c].code + (c % 2 ? ";90+;" : ";0-14;") +
                    std::to_string(ds.communes[c].population) + "\n";
        m_ages = path("ages.csv");
        QVERIFY(writeText(m_ages, ages));
        const Run add = runCli({"add", "--dataset", m_demo, "--population-by-age", m_ages});
        QVERIFY2(add.status == 0, add.err.c_str());
    }

    void weightsMissingABandAreRefusedAndTheDatasetIsUnchanged() {
        const std::string weights = path("young_only.csv");
        QVERIFY(writeText(weights, "age_band;weight\n0-14;1\n"));
        const QByteArray before = contentOf(q(m_demo));
        const Run r = runCli({"add", "--dataset", m_demo, "--age-weights", weights});
        QVERIFY(r.status != 0);
        QVERIFY2(q(r.err).contains("young_only.csv") && q(r.err).contains("90+"), r.err.c_str());
        QVERIFY(contentOf(q(m_demo)) == before);
        QCOMPARE(analysis::consumptionWeightsFile(io::readDataset(m_demo)), std::string());
    }

    void addStoresTheWeightsAndAccessUsesAndNamesThem() {
        const std::string weights = path("poids_mg.csv");
        QVERIFY(writeText(weights, "tranche_age;poids\n0014;\"0,5\"\n90P;4\n"));
        Run r = runCli({"add", "--dataset", m_demo, "--age-weights", weights});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY2(q(r.err).contains("poids_mg.csv"), r.err.c_str());
        const model::Dataset ds = io::readDataset(m_demo);
        QCOMPARE(analysis::consumptionWeightsFile(ds), std::string("poids_mg.csv"));

        const std::string out = path("apl.csv");
        r = runCli({"access", "--dataset", m_demo, "--profession", "medecin_generaliste", "--set",
                    "access.demand=1", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        analysis::AccessParameters p;
        p.demand = model::DemandKind::Standardised;
        const analysis::AccessResult expected = analysis::accessibility(ds, "medecin_generaliste", 0, p);
        QVERIFY(sameValues(accessColumn(out), expected.values));
        // The statement of the demand, in the spreadsheet's notes, names the file.
        const std::string xlsx = path("apl.xlsx");
        r = runCli({"access", "--dataset", m_demo, "--profession", "medecin_generaliste", "--set",
                    "access.demand=1", "--output", xlsx, "--lang", "en"});
        QVERIFY2(r.status == 0, r.err.c_str());
        io::TableReadOptions notesSheet;
        notesSheet.sheet = "notes";
        const io::Table notes = io::readTable(xlsx, notesSheet);
        QStringList lines{q(notes.header.empty() ? std::string() : notes.header.front())};
        for (std::size_t row = 0; row < notes.rows.size(); ++row)
            lines << q(notes.cell(row, 0));
        QVERIFY2(
            lines.contains(QStringLiteral("demand: population standardised by age band (access.demand = 1), "
                                          "weighted by the consumption of care of each band given in "
                                          "'poids_mg.csv' (--age-weights)")),
            qPrintable(lines.join(QLatin1Char('\n'))));
    }

    void shippedAgeWeightsForgetTheStoredOnesAndSaySo() {
        const std::string weights = path("poids_shipped.csv");
        QVERIFY(writeText(weights, "age_band;weight\n0-14;0,5\n90+;4\n"));
        Run r = runCli({"add", "--dataset", m_demo, "--age-weights", weights});
        QVERIFY2(r.status == 0, r.err.c_str());
        r = runCli({"add", "--dataset", m_demo, "--shipped-age-weights", "--lang", "en"});
        QVERIFY2(r.status == 0, r.err.c_str());
        QVERIFY2(
            q(r.err).contains("the consumption weights of 'poids_shipped.csv' are no longer stored with the "
                              "dataset: the standardised demand uses the ones shipped with Maillage"),
            r.err.c_str());
        const model::Dataset ds = io::readDataset(m_demo);
        QCOMPARE(analysis::consumptionWeightsFile(ds), std::string());
        QCOMPARE(analysis::consumptionWeights(ds).size(), model::builtinConsumptionWeights().size());
        r = runCli({"add", "--dataset", m_demo, "--shipped-age-weights", "--lang", "en"});
        QVERIFY2(q(r.err).contains("already uses the consumption weights shipped with Maillage"),
                 r.err.c_str());
        // Both at once is a usage error: nothing written.
        const QByteArray before = contentOf(q(m_demo));
        r = runCli({"add", "--dataset", m_demo, "--shipped-age-weights", "--age-weights", weights});
        QCOMPARE(r.status, 2);
        QVERIFY(contentOf(q(m_demo)) == before);
    }

    void accessTakesWeightsForOneRun() {
        const std::string weights = path("flat.csv");
        QVERIFY(writeText(weights, "age_band,weight\n0-14,2\n90+,2\n"));
        const std::string out = path("flat_apl.csv");
        const Run r = runCli({"access", "--dataset", m_demo, "--profession", "medecin_generaliste",
                              "--age-weights", weights, "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const model::Dataset ds = io::readDataset(m_demo);
        analysis::AccessParameters p;
        p.demand = model::DemandKind::Standardised;
        analysis::AccessInputs inputs;
        inputs.ageWeights = {{"0-14", 2}, {"90+", 2}};
        QVERIFY(sameValues(accessColumn(out),
                           analysis::accessibility(ds, "medecin_generaliste", 0, p, inputs).values));
        // Equal weights: the population itself (each commune's population by age is its population).
        QVERIFY(sameValues(
            accessColumn(out),
            analysis::accessibility(ds, "medecin_generaliste", 0, analysis::AccessParameters{}).values));
    }
};

QTEST_APPLESS_MAIN(TestCliAccess19)
#include "test_cli_access19.moc"
