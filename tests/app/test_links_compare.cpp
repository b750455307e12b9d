// maillage links --kind compare: the crossing of modelled, observed and declared links through the shared
// writer.
#include "app/cli.h"
#include "cli_testing.h"
#include "testing.h"

#include "core/analysis/link_crossing.h"
#include "core/analysis/maillage.h"
#include "core/analysis/poles.h"
#include "core/demo/demo.h"
#include "core/io/gpkg.h"

#include <QTemporaryDir>
#include <QTest>

using namespace maillage;
using maillage::testing::contentOf;
using maillage::testing::Run;
using maillage::testing::runCli;

class TestLinksCompare : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    model::Dataset m_ds = demo::makeDemoDataset(); // written once: the command reads it back
    std::string m_demo = m_dir.filePath(QStringLiteral("demo.gpkg")).toStdString();

    std::string path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)).toStdString(); }

private slots:
    void initTestCase() {
        qputenv("LC_ALL", "en_US.UTF-8"); // the messages checked are the English ones (French by default)
        io::writeDataset(m_ds, m_demo);
    }

    void compareWritesOneRowPerFindingOfTheEngine() {
        const std::string out = path("compare.csv");
        m_ds = io::readDataset(m_demo); // as the command sees it
        const Run r = runCli({"links", "--dataset", m_demo, "--kind", "compare", "--min-volume", "10",
                              "--no-secrecy", "--output", out});
        QVERIFY2(r.status == 0, r.err.c_str());
        const auto classification = analysis::classifyDataset(m_ds, 0, m_ds.params.poles);
        const auto modelled = analysis::computeMaillage(m_ds, classification.poles, m_ds.params.maillage);
        Warnings warnings;
        const auto observed = analysis::aggregateFlows(m_ds, warnings);
        const auto declared = analysis::declaredLinks(m_ds, classification.poles);
        analysis::CrossingParameters p;
        p.minVolume = 10;
        const analysis::LinkCrossing crossing = analysis::crossLinks(modelled, observed, declared, p);
        QVERIFY(!crossing.links.empty());
        const QList<QByteArray> lines = contentOf(QString::fromStdString(out)).trimmed().split('\n');
        QCOMPARE(static_cast<std::size_t>(lines.size()), crossing.links.size() + 1);
        QVERIFY2(lines[0].startsWith("finding,from,from_name,to,to_name"), lines[0].constData());
        QVERIFY2(lines[1].startsWith(crossing.links[0].finding == analysis::CrossingFinding::Undeclared
                                         ? "undeclared,"
                                         : "unsupported,"),
                 lines[1].constData());
    }

    void aShareAboveOneIsRefusedNamingTheParameter() {
        const Run r = runCli({"links", "--dataset", m_demo, "--kind", "compare", "--min-share", "1.5",
                              "--output", path("bad.csv")});
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.find("between 0 and 1") != std::string::npos, r.err.c_str());
        QVERIFY(!QFile::exists(QString::fromStdString(path("bad.csv"))));
    }
};

QTEST_GUILESS_MAIN(TestLinksCompare)
#include "test_links_compare.moc"
