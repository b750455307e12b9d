// maillage atlas and maillage report (issue 7), run as the user runs them: a process without a display,
// which loads libmaillage_qgis.so. Pages are counted with pdfinfo, text read with pdftotext (poppler-utils).
#include "testing.h"

#include "core/analysis/density.h"
#include "core/analysis/poles.h"
#include "core/analysis/result_tables.h"
#include "core/io/gpkg.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace maillage;

namespace {

struct Result {
    int status = -1;
    QString err;
};

//! Runs the binary with `args`, without a display, in English.
Result run(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MAILLAGE_BINARY), args);
    p.waitForFinished(300000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
}

//! Output of a poppler tool on `pdf` (empty when it cannot run).
QString poppler(const QString& tool, const QStringList& args) {
    QProcess p;
    p.start(tool, args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pageCount(const QString& pdf) {
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                       .match(poppler(QStringLiteral("pdfinfo"), {pdf}));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

//! The text of `pdf`, its whitespace collapsed (lines wrap anywhere in a layout).
QString flatText(const QString& pdf) {
    return poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).simplified();
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

class TestCliPrint : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;
    model::Dataset m_dataset;
    analysis::Classification m_classes;

    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_demo = path("demo.gpkg");
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--output"), m_demo}).status, 0);
        m_dataset = io::readDataset(m_demo.toStdString(), io::ReadOptions{false});
        m_classes = analysis::classifyDataset(m_dataset, 0, m_dataset.params.poles);
        if (poppler(QStringLiteral("pdfinfo"), {QStringLiteral("-v")}).isNull() &&
            QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
            QSKIP("pdfinfo (poppler-utils) is not installed");
    }

    void atlasHasOnePagePerBassinDeVie() {
        const QString out = path("atlas.pdf");
        const Result r = run(
            {QStringLiteral("atlas"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--output"), out});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(pageCount(out), static_cast<int>(m_dataset.bassins.size()));
        const QString text = flatText(out);
        QVERIFY(text.contains(q(m_dataset.bassins.front().name)));
        QVERIFY(text.contains(QStringLiteral("statistical secrecy: counts below 5 masked")));
    }

    void atlasOfPolesHasOnePagePerPole() {
        const QString out = path("poles.pdf");
        const Result r =
            run({QStringLiteral("atlas"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--filter"),
                 QStringLiteral("poles"), QStringLiteral("--output"), out});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        int poles = 0;
        for (const analysis::PoleClassification& p : m_classes.poles)
            poles += p.type != analysis::PoleType::HorsPole ? 1 : 0;
        QVERIFY(poles > 0 && poles < static_cast<int>(m_dataset.bassins.size()));
        QCOMPARE(pageCount(out), poles);
    }

    void atlasByDepartementHasOnePagePerDepartement() {
        const QString out = path("departements.pdf");
        const Result r =
            run({QStringLiteral("atlas"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--by"),
                 QStringLiteral("departement"), QStringLiteral("--output"), out});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        std::set<std::string> departements;
        for (const model::Bassin& b : m_dataset.bassins)
            departements.insert(b.dep);
        QCOMPARE(pageCount(out), static_cast<int>(departements.size()));
        QVERIFY(flatText(out).contains(q(m_dataset.departementNames.at(*departements.begin()))));
    }

    void reportSaysNameTypeReasonAndSecrecy() {
        // The first pôle whose reason is shown (no count of it masked).
        const io::ResultTable t = analysis::classificationTable(
            m_dataset, m_classes.poles, analysis::SecrecyRule::from(m_dataset.params.density), Language::En);
        std::size_t row = 0;
        while (row < t.rows.size() &&
               (m_classes.poles[row].type == analysis::PoleType::HorsPole || t.rowMasked(row)))
            ++row;
        QVERIFY(row < t.rows.size());
        const model::Bassin& bv = m_dataset.bassins[row];
        const QString out = path("fiche.pdf");
        const Result r =
            run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--territory"),
                 QStringLiteral("bv:") + q(bv.code), QStringLiteral("--output"), out});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const int pages = pageCount(out);
        QVERIFY(pages >= 2 && pages <= 4);
        const QString text = flatText(out);
        QVERIFY(text.contains(q(bv.name)));
        QVERIFY(text.contains(
            q(io::formatCell(t, row, static_cast<std::size_t>(t.column("type_label")), Language::En))));
        const QString reason =
            q(io::formatCell(t, row, static_cast<std::size_t>(t.column("reason")), Language::En));
        QVERIFY2(text.contains(reason.simplified()), qPrintable(reason));
        QVERIFY(text.contains(QStringLiteral("statistical secrecy: counts below 5 masked")));
    }

    void reportShowsNoSmallCountNextToAProfession() {
        // A BV with small counts (1 to 4 professionals of a profession), as the engine counts them.
        QString code;
        for (const model::Bassin& b : m_dataset.bassins) {
            for (const model::Profession& p : m_dataset.catalogue.professions()) {
                const double n = analysis::densityForBassin(m_dataset, b.code, p.code, 0).parent.count;
                if (n >= 1 && n <= 4)
                    code = q(b.code);
            }
            if (!code.isEmpty())
                break;
        }
        QVERIFY(!code.isEmpty());
        const QString out = path("small.pdf");
        const Result r =
            run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--territory"),
                 QStringLiteral("bv:") + code, QStringLiteral("--output"), out});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QString text =
            poppler(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), out, QStringLiteral("-")});
        int professionLines = 0;
        const QRegularExpression smallCount(QStringLiteral("(^|\\s)[1-4](\\s|$)"));
        for (const model::Profession& p : m_dataset.catalogue.professions()) {
            for (const QString& line : text.split(QLatin1Char('\n'))) {
                if (!line.trimmed().startsWith(q(p.labelEn) + QStringLiteral("  ")))
                    continue;
                ++professionLines;
                QVERIFY2(!line.mid(q(p.labelEn).size() + 2).contains(smallCount), qPrintable(line));
            }
        }
        QVERIFY(professionLines > 5);
        QVERIFY(text.contains(QRegularExpression(QStringLiteral("<\\s*5"))));
    }

    void unknownTerritoryIsRefusedAndNothingWritten() {
        const QString out = path("unknown.pdf");
        const Result r =
            run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--territory"),
                 QStringLiteral("bv:ZZ999"), QStringLiteral("--output"), out});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err.trimmed(),
                 QStringLiteral("maillage report: error: %1: no bassin de vie 'ZZ999' in the dataset")
                     .arg(m_demo));
        QVERIFY(!QFile::exists(out));
    }

    void territoryOtherThanBassinIsAUsageError() {
        const Result r =
            run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--territory"),
                 QStringLiteral("59350"), QStringLiteral("--output"), path("x.pdf")});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.startsWith(QStringLiteral(
            "maillage report: --territory 59350: expected bv:CODE, the code of a bassin de vie\n")));
    }

    void databaseOutputIsRefusedWithoutItsPassword() {
        const Result r = run({QStringLiteral("atlas"), QStringLiteral("--dataset"), m_demo,
                              QStringLiteral("--output"), QStringLiteral("PG:dbname=ors password=secret")});
        QCOMPARE(r.status, 1);
        QVERIFY(!r.err.contains(QStringLiteral("secret")));
        QVERIFY2(r.err.startsWith(
                     QStringLiteral("maillage atlas: error: PG: databases are not supported as output yet")),
                 qPrintable(r.err));
    }

    void unwritableOutputFailsBeforeWork() {
        const Result r = run({QStringLiteral("atlas"), QStringLiteral("--dataset"), m_demo,
                              QStringLiteral("--output"), path("missing/atlas.pdf")});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err.trimmed(), QStringLiteral("maillage atlas: error: %1: its folder %2 does not exist")
                                      .arg(path("missing/atlas.pdf"), path("missing")));
    }

    void outputOtherThanPdfIsAUsageError() {
        const Result r = run({QStringLiteral("atlas"), QStringLiteral("--dataset"), m_demo,
                              QStringLiteral("--output"), path("atlas.png")});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains(QStringLiteral("expected a PDF file (.pdf)")));
        QVERIFY(!QFile::exists(path("atlas.png")));
    }

    void failedReportLeavesThePreviousFileUnchanged() {
        const QString out = path("previous.pdf");
        {
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("previous");
        }
        const Result r =
            run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--territory"),
                 QStringLiteral("bv:ZZ999"), QStringLiteral("--output"), out});
        QCOMPARE(r.status, 1);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("previous"));
        QCOMPARE(QDir(m_dir.path())
                     .entryList({QStringLiteral(".maillage-export-*")}, QDir::Hidden | QDir::Files)
                     .size(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestCliPrint)
#include "test_cli_print.moc"
