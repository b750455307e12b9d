// The desktop's print actions run the application's own command line: the arguments they build must be
// accepted by it and give the pages asked for.
#include "testing.h"
#include "ui/atlas.h"

#include "core/analysis/poles.h"
#include "core/io/gpkg.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace maillage;

namespace {

int runMaillage(const QStringList& args, QString* err = nullptr) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MAILLAGE_BINARY), args);
    p.waitForFinished(300000);
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitCode();
}

int pageCount(const QString& pdf) {
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {pdf});
    p.waitForFinished(60000);
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                       .match(QString::fromUtf8(p.readAllStandardOutput()));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace

class TestAtlas : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("demo.gpkg"));
        QCOMPARE(runMaillage({QStringLiteral("demo"), QStringLiteral("--output"), m_demo}), 0);
    }

    void atlasOfDepartementsHoldingAPoleIsAcceptedByTheCommandLine() {
        const QString out = m_dir.filePath(QStringLiteral("departements.pdf"));
        const QStringList args = ui::atlasArguments(m_demo, true, true, out);
        QVERIFY(args.contains(QStringLiteral("departement")));
        QVERIFY(args.contains(QStringLiteral("poles")));
        QString err;
        QVERIFY2(runMaillage(args, &err) == 0, qPrintable(err));
        QVERIFY(err.isEmpty()); // --quiet: nothing for the task to show but errors
        const model::Dataset dataset = io::readDataset(m_demo.toStdString(), io::ReadOptions{false});
        const analysis::Classification c = analysis::classifyDataset(dataset, 0, dataset.params.poles);
        std::set<std::string> holding;
        for (std::size_t i = 0; i < dataset.bassins.size(); ++i)
            if (c.poles[i].type != analysis::PoleType::HorsPole)
                holding.insert(dataset.bassins[i].dep);
        QCOMPARE(pageCount(out), static_cast<int>(holding.size()));
    }

    void atlasMakesNoPageForADepartementTheDataHoldOnlyAFragmentOf() {
        // An area import keeps whole the BVs crossing its edge: a neighbouring département present only
        // through them (its communes listed as outside the area) got a page of its own (Eure for one BV).
        const QString copy = m_dir.filePath(QStringLiteral("fragment.gpkg"));
        QVERIFY(QFile::copy(m_demo, copy));
        model::Dataset dataset = io::readDataset(copy.toStdString(), io::ReadOptions{false});
        const std::string fragment = dataset.communes.front().dep;
        std::string outside;
        for (const model::Commune& c : dataset.communes)
            if (c.dep == fragment)
                outside += (outside.empty() ? "" : ",") + c.code;
        dataset.meta.extra["area.outside_communes"] = outside;
        io::writeMetadata(copy.toStdString(), dataset);
        std::set<std::string> departements;
        for (const model::Bassin& b : dataset.bassins)
            departements.insert(b.dep);
        QVERIFY(departements.count(fragment));
        const QString out = m_dir.filePath(QStringLiteral("fragment.pdf"));
        QString err;
        QVERIFY2(
            runMaillage({QStringLiteral("atlas"), QStringLiteral("--dataset"), copy, QStringLiteral("--by"),
                         QStringLiteral("departement"), QStringLiteral("--output"), out},
                        &err) == 0,
            qPrintable(err));
        QCOMPARE(pageCount(out), static_cast<int>(departements.size()) - 1);
        QVERIFY2(err.contains(QString::fromStdString(fragment)), qPrintable(err)); // named as left out
    }

    void reportOfTheSelectedBassinIsAcceptedByTheCommandLine() {
        const QString out = m_dir.filePath(QStringLiteral("fiche.pdf"));
        const QStringList args = ui::reportArguments(m_demo, QStringLiteral("99155"), out);
        QVERIFY(args.contains(QStringLiteral("bv:99155")));
        QString err;
        QVERIFY2(runMaillage(args, &err) == 0, qPrintable(err));
        QCOMPARE(pageCount(out), 3);
    }

    void failureGivesTheCommandsMessage() {
        QString err;
        QCOMPARE(runMaillage(ui::reportArguments(m_demo, QStringLiteral("00000"),
                                                 m_dir.filePath(QStringLiteral("x.pdf"))),
                             &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("00000")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestAtlas)
#include "test_atlas.moc"
