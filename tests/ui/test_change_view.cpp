// The change view (ui/panels/change_panel.*), the mass chart (ui/panels/mass_chart.*) and the Session's
// default year, on the demo dataset (BPE-like counts of 2013 and 2023, a 2023 register completing them)
// with a register of 22 people added as 2026.
#include "core/analysis/change.h"
#include "core/demo/demo.h"
#include "ui/change_layer.h"
#include "ui/i18n.h"
#include "ui/layer_roles.h"
#include "ui/panels/change_panel.h"
#include "ui/panels/mass_chart.h"
#include "ui/panels/panel_table.h"
#include "ui/session.h"

#include "testing.h"
#include "ui/control_image.h"
#include "ui/qgis_test_main.h"

#include <qgsmapcanvas.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

#include <cmath>
#include <limits>
#include <memory>

using namespace maillage;
using namespace maillage::ui;

namespace {

//! The demo with a register of 22 GPs practising in its first commune added as 2026 (as `maillage add
//! --register` stores it: the year's counts are the register's).
model::Dataset demoWithSparseRegister() {
    model::Dataset ds = demo::makeDemoDataset();
    model::ProfessionalRegister reg;
    reg.vintage = 2026;
    reg.source = "Annuaire santé (RPPS), extraction du 2026-11-02";
    for (int i = 0; i < 22; ++i) {
        model::RegisteredProfessional p;
        p.id = "R" + std::to_string(i);
        p.profession = "medecin_generaliste";
        p.sites.push_back({ds.communes.front().code, model::PracticeMode::Liberal, 1.0, true});
        reg.professionals.push_back(p);
    }
    ds.registers.push_back(reg);
    ds.counts.push_back({ds.communes.front().code, "medecin_generaliste", 2026, 22});
    ds.meta.vintages.push_back(2026);
    return ds;
}

QStringList itemsOf(const QComboBox* combo) {
    QStringList out;
    for (int i = 0; i < combo->count(); ++i)
        out << combo->itemText(i);
    return out;
}

} // namespace

class TestChangeView : public QObject {
    Q_OBJECT

    std::unique_ptr<Session> session;
    std::unique_ptr<QgsProject> project;
    std::unique_ptr<QgsMapCanvas> canvas;

private slots:
    void init() {
        i18n::installTranslators(QStringLiteral("en"));
        session = std::make_unique<Session>();
        project = std::make_unique<QgsProject>();
        canvas = std::make_unique<QgsMapCanvas>();
        session->setDataset(demoWithSparseRegister());
    }

    void cleanup() {
        canvas.reset();
        project.reset();
        session.reset();
    }

    void theDefaultYearIgnoresASparseRegisterAddedAsTheNewestYear() {
        QCOMPARE(session->dataset().latestVintage(), 2026);
        QCOMPARE(session->vintage(), 2023);
    }

    void theViewOffersOnlyYearPairsOfOneSourceWithCounts() {
        ChangePanel panel(session.get(), canvas.get(), project.get());
        // 2026 (a register) has no earlier register year; 2013 has no earlier year at all.
        QCOMPARE(itemsOf(panel.findChild<QComboBox*>(QStringLiteral("changeTo"))), QStringList{"2023"});
        QCOMPARE(itemsOf(panel.findChild<QComboBox*>(QStringLiteral("changeFrom"))), QStringList{"2013"});
    }

    void theViewShowsTheMaskedTableTheSentenceAndTheLayer() {
        ChangePanel panel(session.get(), canvas.get(), project.get());
        auto* profession = panel.findChild<QComboBox*>(QStringLiteral("changeProfession"));
        profession->setCurrentIndex(profession->findData(QStringLiteral("medecin_generaliste")));
        auto* level = panel.findChild<QComboBox*>(QStringLiteral("changeLevel"));
        level->setCurrentIndex(level->findData(QStringLiteral("commune")));
        QSignalSpy ready(session.get(), &Session::changeReady);
        panel.findChild<QPushButton*>(QStringLiteral("changeCompute"))->click();
        QVERIFY(ready.wait(20000));
        const ChangeView* view = session->change();
        QVERIFY(view);
        const model::Dataset& ds = session->dataset();
        // The table of `maillage change`: one row per commune, masked cells shown masked.
        const auto* table = panel.findChild<QTableView*>(QStringLiteral("changeTable"));
        QCOMPARE(table->model()->rowCount(), int(ds.communes.size()));
        const auto rule = analysis::SecrecyRule::from(ds.params.density);
        analysis::ChangeRequest request;
        request.from = 2013;
        request.to = 2023;
        request.profession = "medecin_generaliste";
        request.level = analysis::ChangeLevel::Commune;
        const auto result = analysis::computeChange(ds, request, rule);
        const auto masks = analysis::maskChangeRows(ds, result, rule);
        int maskedShown = 0, maskedExpected = 0;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            for (int c = 0; c < table->model()->columnCount(); ++c)
                maskedShown += table->model()->index(r, c).data(panel::MaskedRole).toBool();
        for (const io::Row& row : analysis::changeTable(ds, result, rule).rows)
            for (const io::Cell& cell : row.cells)
                maskedExpected += cell.masked;
        QVERIFY(maskedExpected > 0); // the demo's villages have 1 to 4 GPs
        QCOMPARE(maskedShown, maskedExpected);
        // The sentence, in the interface's language.
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("changeSummary"))->text(),
                 QString::fromStdString(analysis::describeChange(ds, result, masks, Language::En)));
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("changeSummary"))
                    ->text()
                    .startsWith(QStringLiteral("Between 2013 and 2023, the number of professionals (general "
                                               "practitioner) ")));
        // The change map, on the map.
        const QgsVectorLayer* layer = findLayerByRole(project.get(), QString::fromLatin1(role::Change));
        QVERIFY(layer);
        QCOMPARE(int(layer->featureCount()), int(ds.communes.size()));
        // The chart: one line per pôle of type 1 or 2, over the years of the source (not 2026).
        const auto* chart = panel.findChild<MassChart*>(QStringLiteral("massChart"));
        int large = 0;
        for (const auto& p : session->poles())
            large += p.type == analysis::PoleType::GrandeMetropole || p.type == analysis::PoleType::GrandPole;
        QVERIFY(large > 0);
        QCOMPARE(chart->drawnLineCount(), large);
        QCOMPARE(chart->vintages(), (std::vector<int>{2013, 2023}));
    }

    void crunchBetweenBpeAndRegisterIsRefusedNamingBothSources() {
        QSignalSpy failed(session.get(), &Session::crunchFailed);
        CrunchRequest request;
        request.vintageFrom = 2023;
        request.vintageTo = 2026;
        QVERIFY(!session->crunch(request));
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.front().at(1).toString(),
                 QStringLiteral("The 2023 and 2026 counts come from different sources (2023: counts imported "
                                "as a table; 2026: register Annuaire santé (RPPS), extraction du "
                                "2026-11-02): their change would compare two ways of counting (practice "
                                "sites in the BPE, people in a register). Expected two years of the same "
                                "source."));
    }

    void theMassChartDrawsOneLinePerPoleAndSkipsMaskedMasses() {
        MassChart chart;
        const double nan = std::numeric_limits<double>::quiet_NaN();
        chart.setLines({2009, 2013, 2018},
                       {{QStringLiteral("Lille"), {24000, 25000, 25500}},
                        {QStringLiteral("Petit"), {6, 3, 8}}, // 3 is a masked count at threshold 5
                        {QStringLiteral("Absent"), {nan, 0, nan}}},
                       5);
        QCOMPARE(chart.drawnLineCount(), 3);
        QCOMPARE(chart.drawnPointCount(), 3 + 2 + 1);
        QVERIFY(std::isnan(chart.lines()[1].mass[1]));
        chart.resize(360, 260);
        const QImage image = chart.image(1.0);
        QVERIFY(!image.isNull());
    }

    //! Control image of the change map (demo, GPs 2013 -> 2023, per BV): the classes' colours where they
    //! belong, within a tolerance.
    void changeMapMatchesItsControlImage() {
        const model::Dataset& ds = session->dataset();
        analysis::ChangeRequest request;
        request.from = 2013;
        request.to = 2023;
        request.profession = "medecin_generaliste";
        const auto rule = analysis::SecrecyRule::from(ds.params.density);
        const auto result = analysis::computeChange(ds, request, rule);
        const auto masks = analysis::maskChangeRows(ds, result, rule);
        std::unique_ptr<QgsVectorLayer> layer(
            buildChangeLayer(ds, result, masks, QgsCoordinateReferenceSystem(QStringLiteral("EPSG:2154"))));
        QgsMapSettings settings;
        settings.setLayers({layer.get()});
        settings.setDestinationCrs(layer->crs());
        settings.setOutputSize(QSize(400, 400));
        settings.setExtent(layer->extent().buffered(1000));
        settings.setBackgroundColor(Qt::white);
        settings.setFlag(Qgis::MapSettingsFlag::Antialiasing, false);
        QgsMapRendererSequentialJob job(settings);
        job.start();
        job.waitForFinished();
        QString report;
        QVERIFY2(
            testing::matchesControlImage(job.renderedImage(), QStringLiteral("change_demo_bv"), 400, &report),
            qPrintable(report));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestChangeView)
#include "test_change_view.moc"
