// The territory sheet's figures (issue 7, session 19): the year they are of, a single région's columns,
// dates in words. In process, against the engine's functions (ui/print/territory_content.h, print_tools.h).
#include "ui/print/print_tools.h"
#include "ui/print/territory_content.h"

#include "core/analysis/change.h"
#include "core/analysis/crunch.h"
#include "core/analysis/maillage.h"
#include "core/analysis/poles.h"
#include "core/analysis/profile.h"
#include "core/analysis/result_tables.h"
#include "core/demo/demo.h"

#include <QDate>
#include <QFile>
#include <QLocale>
#include <QTest>

using namespace maillage;

namespace {

//! A register of `people` GPs in `commune` added as the newest year `year`, its counts derived from it.
void addSparseRegister(model::Dataset& ds, int year, const std::string& commune, int people) {
    model::ProfessionalRegister reg;
    reg.vintage = year;
    reg.source = "Annuaire santé (RPPS), extraction du 2026-11-02";
    for (int i = 0; i < people; ++i) {
        model::RegisteredProfessional p;
        p.id = std::to_string(i);
        p.profession = "medecin_generaliste";
        p.sites.push_back({commune, model::PracticeMode::Liberal, 1.0, true});
        reg.professionals.push_back(p);
    }
    ds.registers.push_back(reg);
    ds.counts.push_back({commune, "medecin_generaliste", year, double(people)});
    ds.meta.vintages.push_back(year);
}

//! The headers of the densities table of the first commune's département.
QStringList densityHeaders(const model::Dataset& ds) {
    const ui::print::TerritoryContext context = ui::print::territoryContext(ds, Language::En);
    const analysis::Territory t = analysis::parseTerritory(ds, "departement:" + ds.communes.front().dep);
    return ui::print::territoryProfessionals(context, t).densities.header;
}

} // namespace

class TestFiche19 : public QObject {
    Q_OBJECT

private slots:
    void theSheetIsOfTheDefaultYearNotOfARegisterAddedAsTheNewest() {
        model::Dataset ds = demo::makeDemoDataset();
        const int year = analysis::defaultVintage(ds);
        addSparseRegister(ds, year + 3, ds.communes.front().code, 22);
        QCOMPARE(ds.latestVintage(), year + 3);
        const ui::print::TerritoryContext context = ui::print::territoryContext(ds, Language::En);
        QCOMPARE(context.vintage, year);
        const analysis::Classification expected = analysis::classifyDataset(ds, year, ds.params.poles);
        QCOMPARE(context.classification.poles.size(), expected.poles.size());
        for (std::size_t i = 0; i < expected.poles.size(); ++i)
            QCOMPARE(context.classification.poles[i].total, expected.poles[i].total);
        // The bassins' figures are the default year's: the register's 22 GPs would be the only count.
        const auto figures = ui::print::bassinFigures(context);
        QVERIFY(std::any_of(figures.begin(), figures.end(), [](const auto& f) { return f.poleType > 0; }));
    }

    void aDominantLinkComingIntoTheSheetsPoleIsSaidAsTheOtherPolesOwn() {
        const model::Dataset ds = demo::makeDemoDataset();
        const ui::print::TerritoryContext context = ui::print::territoryContext(ds, Language::En);
        const analysis::MaillageResult m =
            analysis::computeMaillage(ds, context.classification.poles, ds.params.maillage);
        analysis::LinksInput input;
        input.modelled = &m;
        const io::ResultTable t = analysis::linksTables(ds, input, context.rule).front();
        const auto col = [&](const char* key) { return static_cast<std::size_t>(t.column(key)); };
        std::size_t checked = 0;
        for (const io::Row& row : t.rows) {
            const io::Cell& dominant = row.cells[col("dominant")];
            if (dominant.masked || dominant.empty || dominant.number == 0)
                continue;
            const QString fromName = QString::fromStdString(row.cells[col("from_name")].text);
            const QString toName = QString::fromStdString(row.cells[col("to_name")].text);
            // The sheet of the origin: its own dominant link, "yes"; of the destination: the other's.
            const auto lastOf = [&](const std::string& bv, const QString& other) {
                for (const QStringList& r : ui::print::bassinLinks(context, {bv}, 1000).rows)
                    if (r.front() == other && r.at(1) == QLatin1String("modelled"))
                        return r.back();
                return QString();
            };
            QCOMPARE(lastOf(row.cells[col("from")].text, toName), QStringLiteral("yes"));
            QCOMPARE(lastOf(row.cells[col("to")].text, fromName), QStringLiteral("yes, that of ") + fromName);
            ++checked;
        }
        QVERIFY(checked > 0);
    }

    void crunchOfAGivenClassificationIsTheCrunchThatClassifies() {
        const model::Dataset ds = demo::makeDemoDataset();
        const int year = analysis::defaultVintage(ds);
        const int from = ds.meta.vintages.front();
        QVERIFY(from < year);
        const analysis::CrunchDiagnostics classifying =
            analysis::diagnoseCrunch(ds, {}, ds.params.poles, ds.params.crunch, year, from);
        const analysis::CrunchDiagnostics given =
            analysis::diagnoseCrunch(ds, {}, analysis::classifyDataset(ds, year, ds.params.poles),
                                     ds.params.poles, ds.params.crunch, from);
        QCOMPARE(given.vintageTo, year);
        QVERIFY(given.hasEvolution);
        QCOMPARE(QString::fromStdString(analysis::describeCrunch(given, Language::Fr)),
                 QString::fromStdString(analysis::describeCrunch(classifying, Language::Fr)));
    }

    void aDatasetOfOneRegionShowsItsRegionOnceAsTheWholeDataset() {
        model::Dataset ds = demo::makeDemoDataset();
        const QStringList several = densityHeaders(ds);
        QCOMPARE(several.size(), 5); // profession, count, the département, its région, the dataset
        QCOMPARE(several.last(), QStringLiteral("Whole dataset"));
        for (model::Commune& c : ds.communes)
            c.reg = "32";
        for (model::Bassin& b : ds.bassins)
            b.reg = "32";
        ds.reindex();
        const QStringList one = densityHeaders(ds);
        QCOMPARE(one.size(), 4);
        QVERIFY2(one.last().startsWith(QStringLiteral("Région (")), qPrintable(one.last()));
        QVERIFY2(one.last().endsWith(QStringLiteral(") = whole dataset")), qPrintable(one.last()));
    }

    void theFallbackNorthArrowShipsWithThePrintLibrary() {
        // This suite links the print library without the desktop's resources: the atlas and sheets of the
        // command line are in the same position.
        const QString arrow = ui::print::fallbackNorthArrow();
        QFile svg(arrow);
        QVERIFY2(svg.open(QIODevice::ReadOnly), qPrintable(arrow));
        QVERIFY(svg.readAll().contains("<svg"));
    }

    void datesAreWrittenInWordsInBothLanguages() {
        const QDate date(2026, 12, 3);
        QCOMPARE(ui::print::longDate(date, Language::Fr), QStringLiteral("3 décembre 2026"));
        QCOMPARE(ui::print::longDate(date, Language::En), QStringLiteral("3 December 2026"));
    }

    void sourcesAreSeparatedAsEachLanguageDoes() {
        model::Dataset ds = demo::makeDemoDataset();
        ds.meta.sources = {"INSEE, BPE 2018", "IGN, Admin Express 2018"};
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QString line = ui::print::sourceLine(ds);
        QVERIFY2(line.contains(QStringLiteral("INSEE, BPE 2018; IGN")), qPrintable(line));
        QVERIFY2(line.contains(ui::print::longDate(QDate::currentDate(), Language::En)), qPrintable(line));
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        line = ui::print::sourceLine(ds);
        QVERIFY2(line.contains(QStringLiteral("INSEE, BPE 2018\u00a0; IGN")), qPrintable(line));
        QVERIFY2(line.contains(ui::print::longDate(QDate::currentDate(), Language::Fr)), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestFiche19)
#include "test_fiche19.moc"
