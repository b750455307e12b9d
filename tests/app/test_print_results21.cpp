// Issue 7 audit (session 21), in process: the territory sheet writes a link's intensity with the decimals
// the application's Maillage panel uses (text::magnitudeDecimals: one rule for every human output), and a
// région whose name starts with "Région" is not headed "Région (Région …)".
#include "ui/print/territory_content.h"

#include "core/analysis/maillage.h"
#include "core/analysis/result_tables.h"
#include "core/demo/demo.h"
#include "core/model/text.h"

#include <QTest>

#include <map>

using namespace maillage;

class TestPrintResults21 : public QObject {
    Q_OBJECT

private slots:
    void magnitudeDecimalsShowEachOrderOfMagnitudeAsThePanelDoes() {
        QCOMPARE(text::magnitudeDecimals(24812.4), 0);
        QCOMPARE(text::magnitudeDecimals(100), 0);
        QCOMPARE(text::magnitudeDecimals(87.54), 1);
        QCOMPARE(text::magnitudeDecimals(1), 1);
        QCOMPARE(text::magnitudeDecimals(0.5), 2);
        QCOMPARE(text::magnitudeDecimals(0.042), 3);
        QCOMPARE(text::magnitudeDecimals(0), 0);
        QCOMPARE(word(msg("results.value", {arg::number("value", 12345.678, text::kMagnitudeDecimals)}),
                      Language::Fr),
                 std::string("12\u00a0346"));
        QCOMPARE(word(msg("results.value", {arg::number("value", 0.0421, text::kMagnitudeDecimals)}),
                      Language::En),
                 std::string("0.042"));
    }

    void theSheetsIntensitiesHaveTheApplicationsDecimals() {
        const model::Dataset ds = demo::makeDemoDataset();
        const ui::print::TerritoryContext context = ui::print::territoryContext(ds, Language::En);
        const analysis::MaillageResult m =
            analysis::computeMaillage(ds, context.classification.poles, ds.params.maillage);
        // The engine's intensity of each modelled link, by the other BV's name, for the first pôle's sheet.
        QVERIFY(!m.links.empty());
        const std::string bv = m.nodes[m.links.front().from].bv;
        std::map<QString, double> intensity;
        for (const analysis::Link& l : m.links) {
            const std::string &a = m.nodes[l.from].bv, &b = m.nodes[l.to].bv;
            if (a == bv || b == bv)
                intensity[QString::fromStdString(ds.bassin(a == bv ? b : a)->name)] = l.intensity;
        }
        const ui::print::TextTable t = ui::print::bassinLinks(context, {bv}, 1000);
        const int column = t.header.indexOf(QStringLiteral("Intensity"));
        QVERIFY2(column >= 0, qPrintable(t.header.join(QLatin1Char('|'))));
        int checked = 0;
        for (const QStringList& row : t.rows) {
            if (row.at(1) != QLatin1String("modelled") || !intensity.count(row.front()))
                continue;
            const double v = intensity.at(row.front());
            QCOMPARE(row.at(column), QString::fromStdString(text::formatEn(v, text::magnitudeDecimals(v))));
            ++checked;
        }
        QVERIFY(checked > 0);
    }

    void aRegionNamedRegionHeadsItsColumnByItsNameAlone() {
        const model::Dataset ds = demo::makeDemoDataset();
        const ui::print::TerritoryContext context = ui::print::territoryContext(ds, Language::En);
        std::string dep, region;
        for (const model::Commune& c : ds.communes)
            if (ds.regionNames.count(c.reg) && ds.regionNames.at(c.reg).rfind("Région", 0) == 0) {
                dep = c.dep;
                region = ds.regionNames.at(c.reg);
                break;
            }
        QVERIFY(!dep.empty());
        const QStringList header =
            ui::print::territoryProfessionals(context, analysis::parseTerritory(ds, "departement:" + dep))
                .densities.header;
        QVERIFY2(header.contains(QString::fromStdString(region)), qPrintable(header.join(QLatin1Char('|'))));
        QVERIFY2(header.filter(QStringLiteral("(Région")).isEmpty(),
                 qPrintable(header.join(QLatin1Char('|'))));
    }
};

QTEST_GUILESS_MAIN(TestPrintResults21)
#include "test_print_results21.moc"
