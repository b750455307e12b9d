// maillage profile profiles the register of the year asked (--vintage, else the default year), never
// another year's: a year without a register is refused naming it and the years that have one.
#include "app/cli.h"
#include "cli_testing.h"
#include "testing.h"

#include <QTemporaryDir>
#include <QTest>

using namespace maillage;
using maillage::testing::Run;
using maillage::testing::runCli;

class TestCliRegisterYear : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_demo; // vintages 2013 (no register) and 2023 (a register)

    std::string path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)).toStdString(); }

private slots:
    void initTestCase() {
        m_demo = path("demo.gpkg");
        const std::string error = maillage::testing::writeDemo(m_demo);
        QVERIFY2(error.empty(), error.c_str());
    }

    void aYearWithoutARegisterIsRefusedNamingTheYearsThatHaveOne() {
        const Run r = runCli({"profile", "--dataset", m_demo, "--territory", "dataset", "--vintage", "2013",
                              "--output", path("p2013.csv")});
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.find("has no register of individual professionals for 2013 (years with a register: "
                            "2023): expected --vintage with one of them") != std::string::npos,
                 r.err.c_str());
        QVERIFY2(r.err.find("demo.gpkg") != std::string::npos, r.err.c_str());
        QVERIFY(!QFile::exists(QString::fromStdString(path("p2013.csv")))); // nothing half-written
    }

    void theRefusalIsWordedInFrench() {
        const Run r = runCli({"profile", "--dataset", m_demo, "--territory", "dataset", "--vintage", "2013",
                              "--output", path("p2013fr.csv"), "--lang", "fr"});
        QVERIFY(r.status != 0);
        const QString err = QString::fromStdString(r.err).replace(QChar(0x00a0), QLatin1Char(' '));
        QVERIFY2(
            err.contains(QStringLiteral("n'a pas de registre de professionnels pour 2013 (années avec un "
                                        "registre : 2023) : --vintage avec l'une d'elles était attendu")),
            r.err.c_str());
    }

    void theDefaultYearsRegisterIsProfiled() {
        const Run r = runCli(
            {"profile", "--dataset", m_demo, "--territory", "dataset", "--output", path("default.csv")});
        QVERIFY2(r.status == 0, r.err.c_str());
        const Run asked = runCli({"profile", "--dataset", m_demo, "--territory", "dataset", "--vintage",
                                  "2023", "--output", path("y2023.csv")});
        QVERIFY2(asked.status == 0, asked.err.c_str());
        QCOMPARE(testing::contentOf(QString::fromStdString(path("default.csv"))),
                 testing::contentOf(QString::fromStdString(path("y2023.csv"))));
    }
};

QTEST_GUILESS_MAIN(TestCliRegisterYear)
#include "test_cli_register_year.moc"
