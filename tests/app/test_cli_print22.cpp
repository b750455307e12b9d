// Issue 7, session 22: the territory sheet of a BV with a long hyphenated name, of a département and of a
// selection, run as the user runs it. Nothing written on a page overlaps: pdftotext -bbox gives every word's
// box, and no two words of a line may overlap (QGIS's tables wrap at spaces only, so that a long name in a
// header used to run under the next column). The subtitle of a dataset of many régions counts them.
#include "process_testing.h"
#include "testing.h"

#include "core/io/gpkg.h"

#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <vector>

using namespace maillage;

namespace {

using Result = testing::ProcessResult;
using testing::poppler;

//! A word of a PDF page and its box (points).
struct Word {
    double xMin, yMin, xMax, yMax;
    QString text;
};

//! The words of every page of `pdf`, page by page (pdftotext -bbox).
std::vector<std::vector<Word>> wordsOf(const QString& pdf) {
    const QString html =
        poppler(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
    std::vector<std::vector<Word>> pages;
    static const QRegularExpression page(QStringLiteral("<page "));
    static const QRegularExpression word(QStringLiteral(
        "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>"));
    for (const QString& part : html.split(page).mid(1)) {
        pages.emplace_back();
        auto it = word.globalMatch(part);
        while (it.hasNext()) {
            const auto m = it.next();
            pages.back().push_back({m.captured(1).toDouble(), m.captured(2).toDouble(),
                                    m.captured(3).toDouble(), m.captured(4).toDouble(), m.captured(5)});
        }
    }
    return pages;
}

//! "" when no two words of a page overlap (boxes shrunk by half a point: neighbours may touch), else the
//! first pair that does, with its page.
QString overlapping(const std::vector<std::vector<Word>>& pages) {
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto& words = pages[p];
        for (std::size_t i = 0; i < words.size(); ++i)
            for (std::size_t j = i + 1; j < words.size(); ++j) {
                const Word &a = words[i], &b = words[j];
                const bool x = std::min(a.xMax, b.xMax) - std::max(a.xMin, b.xMin) > 0.5;
                const bool y = std::min(a.yMax, b.yMax) - std::max(a.yMin, b.yMin) > 0.5;
                if (x && y)
                    return QStringLiteral("page %1: '%2' over '%3'").arg(p + 1).arg(a.text, b.text);
            }
    }
    return {};
}

//! The grey levels of a binary PGM (pdftoppm -gray), row by row; empty when it cannot be read.
std::vector<int> grayPixels(const QString& pgm) {
    QFile f(pgm);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    // "P5\n<width> <height>\n255\n" then one byte a pixel.
    int newlines = 0, start = 0;
    for (; start < bytes.size() && newlines < 3; ++start)
        newlines += bytes[start] == '\n' ? 1 : 0;
    if (!bytes.startsWith("P5") || newlines < 3)
        return {};
    std::vector<int> out;
    for (int i = start; i < bytes.size(); ++i)
        out.push_back(static_cast<unsigned char>(bytes[i]));
    return out;
}

} // namespace

class TestCliPrint22 : public QObject {
    Q_OBJECT
    testing::DemoFixture m_fixture;
    QString m_long;    //!< the demo with a BV of a long hyphenated name
    QString m_regions; //!< the same without a title, over three régions
    std::string m_bv, m_dep;

    QString path(const char* name) const { return m_fixture.path(name); }
    Result report(const QString& territory, const QString& out, const QString& dataset = {}) {
        return testing::runBinary({QStringLiteral("report"), QStringLiteral("--dataset"),
                                   dataset.isEmpty() ? m_long : dataset, QStringLiteral("--territory"),
                                   territory, QStringLiteral("--output"), out},
                                  QStringLiteral("C.UTF-8"));
    }

    Result atlas(const QString& by, const QString& out) {
        return testing::runBinary({QStringLiteral("atlas"), QStringLiteral("--dataset"), m_fixture.gpkg,
                                   QStringLiteral("--by"), by, QStringLiteral("--output"), out},
                                  QStringLiteral("C.UTF-8"));
    }

private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const Result r = m_fixture.write(QStringLiteral("C.UTF-8"));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        // The heaviest pôle (it has links) gets a name longer than any of the national data (30 letters),
        // and a third région shows in the subtitle.
        model::Dataset ds = io::readDataset(m_fixture.gpkg.toStdString());
        std::size_t heaviest = 0;
        for (std::size_t i = 0; i < m_fixture.classes.poles.size(); ++i)
            if (m_fixture.classes.poles[i].total > m_fixture.classes.poles[heaviest].total)
                heaviest = i;
        model::Bassin& b = ds.bassins[heaviest];
        b.name = "Saint-Étienne-de-Saint-Geoirs-Villedieu-les-Poêles-Rouffigny";
        m_bv = b.code;
        m_dep = b.dep;
        m_long = path("long.gpkg");
        io::writeDataset(ds, m_long.toStdString());
        // Without a title, three régions: the subtitle names the dataset by their number.
        ds.meta.title.clear();
        const std::string third = ds.communes.back().dep;
        for (model::Commune& c : ds.communes)
            if (c.dep == third)
                c.reg = "99";
        ds.regionNames["99"] = "Région de test";
        m_regions = path("regions.gpkg");
        io::writeDataset(ds, m_regions.toStdString());
    }

    void aBassinsSheetBreaksALongNameWithinItsColumns() {
        const QString out = path("bv.pdf");
        const Result r = report(QStringLiteral("bv:") + QString::fromStdString(m_bv), out);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const auto pages = wordsOf(out);
        QVERIFY(pages.size() >= 3);
        const QString overlap = overlapping(pages);
        QVERIFY2(overlap.isEmpty(), qPrintable(overlap));
        // The name is written whole on page 2 (the densities' header), over several lines.
        QString page2;
        for (const Word& w : pages[1])
            page2 += w.text;
        page2 = page2.normalized(QString::NormalizationForm_KC); // the PDF's ligatures ("ﬃ") as letters
        QVERIFY2(
            page2.contains(QStringLiteral("Saint-Étienne-de-Saint-Geoirs-Villedieu-les-Poêles-Rouffigny")),
            qPrintable(page2));
    }

    void aDepartementsAndASelectionsSheetsOverlapNowhere() {
        const QString dep = path("dep.pdf");
        Result r = report(QStringLiteral("departement:") + QString::fromStdString(m_dep), dep);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QString overlap = overlapping(wordsOf(dep));
        QVERIFY2(overlap.isEmpty(), qPrintable(overlap));
        QStringList communes;
        for (const model::Commune& c : m_fixture.dataset.communes)
            if (c.bv == m_bv && communes.size() < 6)
                communes << QString::fromStdString(c.code);
        const QString selection = path("selection.pdf");
        r = report(QStringLiteral("communes:") + communes.join(QLatin1Char(',')), selection);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        overlap = overlapping(wordsOf(selection));
        QVERIFY2(overlap.isEmpty(), qPrintable(overlap));
    }

    void aSelectionsSheetClosesOnItsLastCommunesWithTheSources() {
        // 35 communes filled a page of their own and left the sources alone on the last page; 110 were cut
        // after the 48th. Every commune is listed, and the last page holds communes and the sources.
        const auto& all = m_fixture.dataset.communes;
        for (const int n : {35, 110}) {
            QVERIFY(all.size() >= static_cast<std::size_t>(n));
            QStringList codes;
            for (int i = 0; i < n; ++i)
                codes << QString::fromStdString(all[static_cast<std::size_t>(i)].code);
            const QString out = path("many.pdf");
            const Result r = report(QStringLiteral("communes:") + codes.join(QLatin1Char(',')), out);
            QVERIFY2(r.status == 0, qPrintable(r.err));
            const auto pages = wordsOf(out);
            QVERIFY2(overlapping(pages).isEmpty(), qPrintable(overlapping(pages)));
            std::vector<QStringList> words(pages.size());
            for (std::size_t p = 0; p < pages.size(); ++p)
                for (const Word& w : pages[p])
                    words[p] << w.text;
            for (const QString& code : codes) {
                bool listed = false;
                for (std::size_t p = 2; p < words.size(); ++p)
                    listed = listed || words[p].contains(code);
                QVERIFY2(listed,
                         qPrintable(code + QStringLiteral(" is in no list of ") + QString::number(n)));
            }
            const QStringList& last = words.back();
            QVERIFY2(last.join(QLatin1Char(' ')).contains(QStringLiteral("Sources and statistical secrecy")),
                     qPrintable(last.join(QLatin1Char(' '))));
            QVERIFY2(last.contains(codes.back()), qPrintable(last.join(QLatin1Char(' '))));
        }
    }

    void theSubtitleOfADatasetOfManyRegionsCountsThem() {
        const QString out = path("regions.pdf");
        const Result r = report(QStringLiteral("bv:") + QString::fromStdString(m_bv), out, m_regions);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QString text = poppler(QStringLiteral("pdftotext"),
                                     {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                      QStringLiteral("1"), out, QStringLiteral("-")})
                                 .simplified();
        QVERIFY2(text.contains(QStringLiteral("3 regions")), qPrintable(text)); // the English sheet
        QVERIFY2(!text.contains(QStringLiteral("Région de test")), qPrintable(text));
    }

    void everyAtlasPageHasANorthArrowInItsMapsCorner() {
        // The map export had one, the atlas pages none. In the top right-hand corner of the map frame (x 188
        // to 198 mm, y 32 to 48 mm), on every page: its white ground and its dark arrow and "N" (half and a
        // third of the box; the map there is beige or white, without dark pixels).
        for (const QString& by : {QStringLiteral("bv"), QStringLiteral("departement")}) {
            const QString out = path("arrow.pdf");
            const Result r = atlas(by, out);
            QVERIFY2(r.status == 0, qPrintable(r.err));
            const int pages = wordsOf(out).size();
            QVERIFY(pages > 1);
            const double dpmm = 100 / 25.4;
            for (int p = 1; p <= pages; ++p) {
                const QString stem = path("arrow_page");
                poppler(QStringLiteral("pdftoppm"),
                        {QStringLiteral("-gray"), QStringLiteral("-r"), QStringLiteral("100"),
                         QStringLiteral("-f"), QString::number(p), QStringLiteral("-l"), QString::number(p),
                         QStringLiteral("-x"), QString::number(int(188 * dpmm)), QStringLiteral("-y"),
                         QString::number(int(32 * dpmm)), QStringLiteral("-W"),
                         QString::number(int(10 * dpmm)), QStringLiteral("-H"),
                         QString::number(int(16 * dpmm)), QStringLiteral("-singlefile"), out, stem});
                const std::vector<int> box = grayPixels(stem + QStringLiteral(".pgm"));
                QVERIFY(!box.empty());
                int white = 0, dark = 0;
                for (const int v : box) {
                    white += v >= 250 ? 1 : 0;
                    dark += v < 64 ? 1 : 0;
                }
                const double n = static_cast<double>(box.size());
                QVERIFY2(white / n > 0.3 && dark / n > 0.15,
                         qPrintable(QStringLiteral("--by %1, page %2: %3 white, %4 dark")
                                        .arg(by)
                                        .arg(p)
                                        .arg(white / n)
                                        .arg(dark / n)));
            }
        }
    }

    void anAtlasCarriesItsTitleInThePdf() {
        for (const QString& by : {QStringLiteral("bv"), QStringLiteral("departement")}) {
            const QString out = path("atlas.pdf");
            const Result r = atlas(by, out);
            QVERIFY2(r.status == 0, qPrintable(r.err));
            const QString info = poppler(QStringLiteral("pdfinfo"), {out});
            const auto title = QRegularExpression(QStringLiteral("Title:\\s+(.*)\n")).match(info);
            QVERIFY2(title.hasMatch() &&
                         title.captured(1).trimmed() == QStringLiteral("Atlas of the pôles d'offre de soins"),
                     qPrintable(info));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliPrint22)
#include "test_cli_print22.moc"
