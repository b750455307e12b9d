// maillage add --register and maillage calibrate on the demo dataset, with a hand-made register of
// invented professionals.
#include "cli_testing.h"
#include "testing.h"

#include "core/io/gpkg.h"

#include <QTemporaryDir>

#include <algorithm>
#include <fstream>

using namespace maillage;
using namespace maillage::testing;

class TestCliRegister : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        qputenv("LC_ALL", "en_US.UTF-8"); // the messages checked are the English ones (French by default)
        QVERIFY(m_dir.isValid());
        m_dataset = m_dir.filePath(QStringLiteral("demo.gpkg")).toStdString();
        QCOMPARE(runCli({"demo", "--output", m_dataset, "--quiet"}).status, 0);
        const model::Dataset d = io::readDataset(m_dataset);
        m_commune = d.communes.front().code;
        m_register = m_dir.filePath(QStringLiteral("registre.csv")).toStdString();
        std::ofstream out(m_register);
        out << "identifiant;profession;code_commune;age\n"
            << "A1;infirmier;" << m_commune << ";50\n"
            << "A2;infirmier;" << m_commune << ";61\n"
            << "A2;infirmier;" << d.communes.back().code << ";61\n"
            << "A3;psychologue;" << m_commune << ";40\n";
    }

    void registerOfATakenYearIsRefusedAndTheDatasetKept() {
        const Run r = runCli({"add", "--dataset", m_dataset, "--register", m_register + ":2023"});
        QVERIFY(r.status != 0);
        QVERIFY2(QString::fromStdString(r.err).contains(QStringLiteral("already has counts of 2023")),
                 r.err.c_str());
        // The demo's own register (fictional, of its latest vintage) is all there is still.
        const model::Dataset d = io::readDataset(m_dataset);
        QCOMPARE(d.registers.size(), std::size_t(1));
        QVERIFY(d.registers[0].vintage != 2030);
    }

    void addRegisterStatesTheSiteRuleAndStoresIt() {
        const Run r = runCli(
            {"add", "--dataset", m_dataset, "--register", m_register + ":2030", "--site-rule", "shared"});
        QCOMPARE(r.status, 0);
        const QString err = QString::fromStdString(r.err);
        QVERIFY2(
            err.contains(QStringLiteral("register registre.csv 2030: 3 professionals read, 2 counted in the "
                                        "communes of the dataset (one count per professional, shared "
                                        "between the sites by activity)")),
            r.err.c_str());
        QVERIFY2(err.contains(QStringLiteral("profession code 'psychologue' (1 row) is unknown")),
                 r.err.c_str());
        const model::Dataset d = io::readDataset(m_dataset);
        QCOMPARE(d.registers.size(), std::size_t(2)); // the demo's and this one
        const auto added =
            std::find_if(d.registers.begin(), d.registers.end(),
                         [](const model::ProfessionalRegister& reg) { return reg.vintage == 2030; });
        QVERIFY(added != d.registers.end());
        QVERIFY(added->rule == model::SiteRule::SharedByActivity);
        QCOMPARE(added->professionals[0].birthYear, 1980);
        QCOMPARE(d.meta.vintages.back(), 2030);
    }

    void unknownSiteRuleIsAUsageError() {
        const Run r = runCli(
            {"add", "--dataset", m_dataset, "--register", m_register + ":2031", "--site-rule", "first"});
        QCOMPARE(r.status, 2);
        QVERIFY2(QString::fromStdString(r.err).contains(QStringLiteral("--site-rule")), r.err.c_str());
    }

    void calibrateWritesBothTables() {
        const std::string out = m_dir.filePath(QStringLiteral("cal.csv")).toStdString();
        const Run r = runCli({"calibrate", "--dataset", m_dataset, "--register-vintage", "2030",
                              "--bpe-vintage", "2023", "--scales", "0.5:1:0.5", "--output", out});
        QCOMPARE(r.status, 0);
        QVERIFY2(QString::fromStdString(r.err).contains(QStringLiteral("best mass scale")), r.err.c_str());
        const QByteArray grid = contentOf(m_dir.filePath(QStringLiteral("cal_calibration_grid.csv")));
        QVERIFY(grid.startsWith("scale,agreeing,share"));
        QCOMPARE(grid.count('\n'), 3);
        QVERIFY(contentOf(QString::fromStdString(out)).startsWith("bv,name,type_register,type_bpe"));
    }

private:
    QTemporaryDir m_dir;
    std::string m_dataset, m_register, m_commune;
};

QTEST_GUILESS_MAIN(TestCliRegister)
#include "test_cli_register.moc"
