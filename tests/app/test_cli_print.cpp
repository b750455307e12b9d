// maillage atlas and maillage report (issue 7), run as the user runs them: a process without a display,
// which loads libmaillage_qgis.so. Pages are counted with pdfinfo, text read with pdftotext (poppler-utils).
#include "process_testing.h"
#include "testing.h"

#include "core/analysis/density.h"
#include "core/analysis/poles.h"
#include "core/analysis/result_tables.h"
#include "core/analysis/wording.h"
#include "core/io/geo.h"
#include "core/io/gpkg.h"

#include <QDate>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <set>

#include <gdal_priv.h>

using namespace maillage;

namespace {

using Result = testing::ProcessResult;
using testing::poppler;

Result run(const QStringList& args, const QString& locale = QStringLiteral("C.UTF-8")) {
    return testing::runBinary(args, locale);
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
    testing::DemoFixture m_fixture;
    QTemporaryDir& m_dir = m_fixture.dir;
    QString& m_demo = m_fixture.gpkg;
    model::Dataset& m_dataset = m_fixture.dataset;
    analysis::Classification& m_classes = m_fixture.classes;

    QString path(const char* name) const { return m_fixture.path(name); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QCOMPARE(m_fixture.write(QStringLiteral("C.UTF-8")).status, 0);
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

    //! A département's sheet: its name, its BVs with their type, its population, the secrecy note.
    void departementSheetShowsItsBassinsAndTheirTypes() {
        const std::string dep = m_dataset.bassins.front().dep;
        const QString out = path("departement.pdf");
        const Result r =
            run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--territory"),
                 QStringLiteral("departement:") + q(dep), QStringLiteral("--output"), out});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(pageCount(out), 4);
        const QString text = flatText(out);
        QVERIFY(text.contains(q(m_dataset.departementNames.at(dep)) + QStringLiteral(" (") + q(dep) + ")"));
        QVERIFY(text.contains(QStringLiteral("Territory sheet — département")));
        double population = 0;
        for (const model::Commune& c : m_dataset.communes)
            population += c.dep == dep ? c.population : 0;
        const QString inhabitants = q(analysis::wording::number(population, 0, Language::En));
        QVERIFY2(text.contains(QStringLiteral("Population: ") + inhabitants), qPrintable(inhabitants));
        const io::ResultTable t = analysis::classificationTable(
            m_dataset, m_classes.poles, analysis::SecrecyRule::from(m_dataset.params.density), Language::En);
        for (std::size_t i = 0; i < m_dataset.bassins.size(); ++i)
            if (m_dataset.bassins[i].dep == dep) {
                QVERIFY2(text.contains(q(m_dataset.bassins[i].name)), m_dataset.bassins[i].name.c_str());
                QVERIFY(text.contains(
                    q(io::formatCell(t, i, static_cast<std::size_t>(t.column("type_label")), Language::En))));
            }
        QVERIFY(text.contains(QStringLiteral("Crunch diagnosis of the département")));
        QVERIFY(text.contains(QStringLiteral("statistical secrecy: counts below 5 masked")));
    }

    //! A list of communes: their names, their summed population and professionals.
    void communesSheetShowsTheirSums() {
        const model::Bassin& bv = m_dataset.bassins.front();
        std::vector<const model::Commune*> chosen;
        for (const model::Commune& c : m_dataset.communes)
            if (c.bv == bv.code && chosen.size() < 3)
                chosen.push_back(&c);
        QCOMPARE(chosen.size(), std::size_t(3));
        QStringList codes;
        double population = 0;
        for (const model::Commune* c : chosen) {
            codes << q(c->code);
            population += c->population;
        }
        const QString out = path("communes.pdf");
        const Result r = run(
            {QStringLiteral("report"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--territory"),
             QStringLiteral("communes:") + codes.join(QLatin1Char(',')), QStringLiteral("--output"), out});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(pageCount(out), 3);
        const QString text = flatText(out);
        QVERIFY(text.contains(QStringLiteral("Selection of 3 communes")));
        for (const model::Commune* c : chosen)
            QVERIFY2(text.contains(q(c->name)), c->name.c_str());
        QVERIFY(text.contains(QStringLiteral("Population: ") +
                              q(analysis::wording::number(population, 0, Language::En))));
        QVERIFY(text.contains(QStringLiteral("statistical secrecy: counts below 5 masked")));
    }

    //! All the communes of a BV but one whose count of a profession is 1 to 4: the BV's figure (published)
    //! minus the selection's would give it back, so the selection's count of that profession is masked.
    void communesSheetHidesACommuneGivenBackByDifferenceWithItsBassin() {
        for (const model::Bassin& bv : m_dataset.bassins)
            for (const model::Profession& p : m_dataset.catalogue.professions()) {
                const std::vector<double> counts = analysis::countsByCommune(m_dataset, p.code, 0).counts;
                std::size_t secret = counts.size();
                QStringList others;
                double rest = 0;
                for (std::size_t i = 0; i < m_dataset.communes.size(); ++i) {
                    if (m_dataset.communes[i].bv != bv.code)
                        continue;
                    if (secret == counts.size() && counts[i] >= 1 && counts[i] <= 4) {
                        secret = i;
                    } else {
                        others << q(m_dataset.communes[i].code);
                        rest += counts[i];
                    }
                }
                if (secret == counts.size() || others.isEmpty() || rest < 20)
                    continue;
                const QString out = path("rest.pdf");
                const Result r = run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo,
                                      QStringLiteral("--territory"),
                                      QStringLiteral("communes:") + others.join(QLatin1Char(',')),
                                      QStringLiteral("--output"), out});
                QVERIFY2(r.status == 0, qPrintable(r.err));
                const QString text = poppler(QStringLiteral("pdftotext"),
                                             {QStringLiteral("-layout"), out, QStringLiteral("-")});
                const QString rounded = q(analysis::wording::number(rest, 0, Language::En));
                bool seen = false;
                for (const QString& line : text.split(QLatin1Char('\n')))
                    if (line.trimmed().startsWith(q(p.labelEn) + QStringLiteral("  "))) {
                        seen = true;
                        const QStringList cells =
                            line.mid(line.indexOf(q(p.labelEn)) + p.labelEn.size())
                                .split(QRegularExpression(QStringLiteral("\\s{2,}")), Qt::SkipEmptyParts);
                        QVERIFY2(!cells.isEmpty() && cells.front().trimmed().startsWith(QLatin1Char('<')),
                                 qPrintable(line + QStringLiteral(" (shown: ") + rounded + ")"));
                    }
                QVERIFY2(seen, p.labelEn.c_str());
                return;
            }
        QSKIP("no BV of the demo has a commune with 1 to 4 professionals of a profession");
    }

    void unknownDepartementCommuneOrEmptyListIsRefusedAndNothingWritten() {
        const QString out = path("refused.pdf");
        const auto report = [&](const QString& territory) {
            return run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo,
                        QStringLiteral("--territory"), territory, QStringLiteral("--output"), out});
        };
        Result r = report(QStringLiteral("departement:ZZ"));
        QCOMPARE(r.status, 1);
        QCOMPARE(
            r.err.trimmed(),
            QStringLiteral("maillage report: error: %1: no département 'ZZ' in the dataset").arg(m_demo));
        const QString first = q(m_dataset.communes.front().code);
        r = report(QStringLiteral("communes:%1,ZZ999").arg(first));
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err.trimmed(),
                 QStringLiteral("maillage report: error: %1: 'ZZ999' is not a commune of the dataset")
                     .arg(m_demo));
        r = report(QStringLiteral("communes:"));
        QCOMPARE(r.status, 2);
        QVERIFY2(
            r.err.startsWith(QStringLiteral("maillage report: --territory communes:: the list of communes "
                                            "is empty; expected communes:CODE1,CODE2\n")),
            qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    //! The Nord (real data, BPE 2013): the département's sheet and a list of communes of Lille's BV.
    void realDataOfNordGivesDepartementAndCommunesSheets() {
        const QString communes = testing::sharedPath("communes/communes_59_nord_cog2018.geojson");
        if (!QFile::exists(communes))
            QSKIP("../shared/data is absent");
        const QString gpkg = path("nord.gpkg");
        Result r = run(
            {QStringLiteral("import"), QStringLiteral("--communes"), communes, QStringLiteral("--bassins"),
             testing::sharedPath("bassins_de_vie/commune_bv2012_cog2016.csv"), QStringLiteral("--population"),
             testing::sharedPath("population/population_communes_2020.csv"),
             QStringLiteral("--professionals"),
             testing::sharedPath("professionals/bpe2013_sante_par_commune.csv") + QStringLiteral(":2013"),
             QStringLiteral("--quiet"), QStringLiteral("--output"), gpkg});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QString dep = path("nord-59.pdf");
        r = run({QStringLiteral("report"), QStringLiteral("--dataset"), gpkg, QStringLiteral("--territory"),
                 QStringLiteral("departement:59"), QStringLiteral("--output"), dep});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(pageCount(dep), 4);
        QString text = flatText(dep);
        QVERIFY(text.contains(QStringLiteral("Lille")));
        QVERIFY(text.contains(QStringLiteral("Lille — "))); // among the pôles of page 1
        const QString list = path("lille.pdf");
        r = run({QStringLiteral("report"), QStringLiteral("--dataset"), gpkg, QStringLiteral("--territory"),
                 QStringLiteral("communes:59350,59009,59360"), QStringLiteral("--output"), list});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(pageCount(list), 3);
        text = flatText(list);
        QVERIFY(text.contains(QStringLiteral("Selection of 3 communes")));
        QVERIFY(text.contains(QStringLiteral("Lille")));
    }

    void realDataDepartementSheetInFrenchKeepsItsOutline() {
        // Hauts-de-France, BPE 2013 and 2018: in French the list of the Nord's pôles is longer than 255
        // characters, which a memory layer's default string length refused, and the sheet failed with "the
        // dataset has no outlines of these territories".
        const QString communes = testing::sharedPath("communes/communes_hauts_de_france_cog2018.geojson");
        if (!QFile::exists(communes))
            QSKIP("../shared/data is absent");
        const QString gpkg = path("hdf.gpkg");
        Result r = run(testing::hautsDeFranceImport(gpkg));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QString dep = path("hdf-59-fr.pdf");
        r = run({QStringLiteral("report"), QStringLiteral("--dataset"), gpkg, QStringLiteral("--territory"),
                 QStringLiteral("departement:59"), QStringLiteral("--lang"), QStringLiteral("fr"),
                 QStringLiteral("--output"), dep});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(pageCount(dep), 4);
        const QString text = flatText(dep);
        QVERIFY(text.contains(QStringLiteral("Nord")));
        // An imported dataset has no title: the subtitle names its région, of the default year.
        QVERIFY2(text.contains(QStringLiteral("département — Hauts-de-France, 2018")),
                 qPrintable(text.left(300)));
        // The legend counts the BVs its map shows: the Nord's 32 and some around them, not the région's; the
        // densities table has one column for the région, which is the whole dataset.
        int legend = 0;
        auto it =
            QRegularExpression(QStringLiteral("(?:\\(type \\d\\)|Hors pôle) — (\\d+)")).globalMatch(text);
        while (it.hasNext())
            legend += it.next().captured(1).toInt();
        QVERIFY2(legend > 32, qPrintable(QString::number(legend)));
        QVERIFY2(legend < static_cast<int>(
                              io::readDataset(gpkg.toStdString(), io::ReadOptions{false}).bassins.size()),
                 qPrintable(QString::number(legend)));
        QCOMPARE(text.count(QStringLiteral("Région (Hauts-de-France)")), 1);
        QVERIFY(!text.contains(QStringLiteral(" Ensemble ")));
    }

    void reportAskedInFrenchIsFrenchUnderTheCLocale() {
        const QString bv = QStringLiteral("bv:") + q(m_dataset.bassins.front().code);
        const QString out = path("c-locale-fr.pdf");
        const Result r =
            run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--territory"),
                 bv, QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--output"), out},
                QStringLiteral("C"));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QString text = poppler(QStringLiteral("pdftotext"), {out, QStringLiteral("-")});
        QVERIFY2(text.contains(QStringLiteral("Fiche territoire")), qPrintable(text.left(300)));
        QVERIFY(text.contains(QStringLiteral("secret statistique")));
        const QString today = QLocale(QLocale::French, QLocale::France)
                                  .toString(QDate::currentDate(), QStringLiteral("d MMMM yyyy"));
        QVERIFY2(text.contains(today), qPrintable(today));
        // Thousands as "24 599" (a no-break space, which pdftotext gives back as a space), never a marked
        // "<U+00A0>" nor an English comma.
        QVERIFY(!text.contains(QStringLiteral("<U+")));
        QVERIFY2(text.contains(QRegularExpression(
                     QStringLiteral("Population : \\d{1,3}[\\x{00a0}\\x{202f} ]\\d{3}\\b"))),
                 qPrintable(text.left(900)));
    }

    void datesAreInWordsInBothLanguages() {
        const QString bv = QStringLiteral("bv:") + q(m_dataset.bassins.front().code);
        for (const QString& lang : {QStringLiteral("fr"), QStringLiteral("en")}) {
            const QString out = path("dates.pdf");
            const Result r = run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo,
                                  QStringLiteral("--territory"), bv, QStringLiteral("--lang"), lang,
                                  QStringLiteral("--output"), out});
            QVERIFY2(r.status == 0, qPrintable(r.err));
            const QLocale locale = lang == QLatin1String("fr")
                                       ? QLocale(QLocale::French, QLocale::France)
                                       : QLocale(QLocale::English, QLocale::UnitedKingdom);
            const QString today = locale.toString(QDate::currentDate(), QStringLiteral("d MMMM yyyy"));
            const QString text = flatText(out);
            QVERIFY2(text.contains(today), qPrintable(lang + ": " + today));
            QVERIFY(!text.contains(QRegularExpression(QStringLiteral("\\b\\d{1,2}/\\d{1,2}/\\d{2}\\b"))));
        }
    }

    void englishAtlasAppliesPluralForms() {
        const QString out = path("departements-en.pdf");
        const Result r = run({QStringLiteral("atlas"), QStringLiteral("--dataset"), m_demo,
                              QStringLiteral("--by"), QStringLiteral("departement"), QStringLiteral("--lang"),
                              QStringLiteral("en"), QStringLiteral("--output"), out});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QString text = flatText(out);
        QVERIFY2(!text.contains(QStringLiteral("(s)")) && !text.contains(QStringLiteral("%n")),
                 qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral(" bassins de vie")));
    }

    void departementLegendCountsTheBassinsOfItsMapAndItsTotalsAreLabelled() {
        const std::string dep = m_dataset.bassins.front().dep;
        const QString out = path("departement-counts.pdf");
        const Result r =
            run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--territory"),
                 QStringLiteral("departement:") + q(dep), QStringLiteral("--output"), out});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        int horsPole = 0, all = 0, bassins = 0;
        for (std::size_t i = 0; i < m_dataset.bassins.size(); ++i) {
            const bool hors = m_classes.poles[i].type == analysis::PoleType::HorsPole;
            all += hors ? 1 : 0;
            if (m_dataset.bassins[i].dep == dep) {
                horsPole += hors ? 1 : 0;
                ++bassins;
            }
        }
        QVERIFY(horsPole != all); // the dataset's count would not do
        const QString text = flatText(out);
        // The map shows the département's BVs and some around it: as many as its own, fewer than the
        // dataset's.
        const auto shown = QRegularExpression(QStringLiteral("No pole — (\\d+)")).match(text);
        QVERIFY2(shown.hasMatch(), qPrintable(text.left(900)));
        QVERIFY2(shown.captured(1).toInt() >= horsPole && shown.captured(1).toInt() < all,
                 qPrintable(text.left(900)));
        // Page 3 says what its BVs count against the département's own figure of page 1.
        QVERIFY2(
            text.contains(
                QStringLiteral("Bassins de vie whose main commune is in the département (%1)").arg(bassins)),
            qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Crunch diagnosis of the département's bassins de vie")));
    }

    void moduleFailureInFrenchPrintsItsNoBreakSpacesAsUtf8() {
        // A commune without its outline: the module refuses the sheet with a French sentence.
        const QString gpkg = path("no-outline.gpkg");
        QFile::remove(gpkg);
        QVERIFY(QFile::copy(m_demo, gpkg));
        const QString commune = q(m_dataset.communes.front().code);
        {
            io::ensureGdal();
            GDALDatasetUniquePtr ds(
                GDALDataset::Open(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
            QVERIFY(ds);
            const QByteArray sql =
                QStringLiteral("UPDATE communes SET geom = NULL WHERE code = '%1'").arg(commune).toUtf8();
            ds->ExecuteSQL(sql.constData(), nullptr, nullptr); // no result set: nothing to release
        }
        const QString out = path("no-outline.pdf");
        const Result r =
            run({QStringLiteral("report"), QStringLiteral("--dataset"), gpkg, QStringLiteral("--territory"),
                 QStringLiteral("communes:") + commune, QStringLiteral("--lang"), QStringLiteral("fr"),
                 QStringLiteral("--output"), out},
                QStringLiteral("C"));
        QCOMPARE(r.status, 1);
        QVERIFY2(!r.err.contains(QStringLiteral("<U+")), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(
                     QStringLiteral("maillage report\u00a0: erreur\u00a0: le PDF n'a pas été écrit\u00a0: ")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
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

    void territoryWithoutItsKindIsAUsageError() {
        const Result r =
            run({QStringLiteral("report"), QStringLiteral("--dataset"), m_demo, QStringLiteral("--territory"),
                 QStringLiteral("59350"), QStringLiteral("--output"), path("x.pdf")});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.startsWith(QStringLiteral("maillage report: --territory 59350: expected bv:CODE, "
                                                "departement:CODE or communes:CODE1,CODE2\n")));
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
