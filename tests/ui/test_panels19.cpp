// The Densités, profile and Évolution panels as a user sees them (issues 11 and 12): the profile table in
// words, one secrecy sentence, the views' tasks sharing the Session's dataset instead of copying it.
#include "core/demo/demo.h"
#include "ui/change_layer.h"
#include "ui/layer_roles.h"
#include "ui/main_window.h"
#include "ui/map_layers.h"
#include "ui/panels/change_panel.h"
#include "ui/panels/density_panel.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/profile_view.h"
#include "ui/panels/qpv_view.h"
#include "ui/scenario_panel.h"
#include "ui/session.h"

#include "testing.h"
#include "ui/qgis_test_main.h"
#include "ui_fixture.h"
#include "wizard_testing.h"

#include <qgslayertree.h>
#include <qgslayertreeview.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>

#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace maillage;
using namespace maillage::ui;
using maillage::testing::itemsOf;

namespace {

//! The visible labels of `widget` whose text contains `part`.
int visibleLabelsWith(const QWidget& widget, const QString& part) {
    int n = 0;
    for (const QLabel* label : widget.findChildren<QLabel*>())
        n += label->isVisibleTo(&widget) && label->text().contains(part) ? 1 : 0;
    return n;
}

//! The demo with its first BV selected and GPs chosen (the demo's register is of its default year).
void selectFirstBassinsGps(Session& session) {
    session.setDataset(demo::makeDemoDataset());
    session.setProfession(QStringLiteral("medecin_generaliste"));
    session.selectBassins({panel::qs(session.dataset().bassins.front().code)});
}

} // namespace

class TestPanels19 : public QObject {
    Q_OBJECT
private slots:
    void theProfileViewsTaskSharesTheSessionsDataset() {
        Session session;
        selectFirstBassinsGps(session);
        const std::shared_ptr<const model::Dataset> dataset = session.sharedDataset();
        QCOMPARE(dataset.get(), &session.dataset());
        const long before = dataset.use_count();
        ProfileView view(&session); // starts its task at once: the task holds the dataset, not a copy
        QVERIFY2(dataset.use_count() > before, "the profile task copied the dataset");
        QSignalSpy updated(&view, &ProfileView::updated);
        QVERIFY(updated.wait(30000));
        QVERIFY(!view.profileTable().rows.empty());
    }

    void theQpvViewsTaskSharesTheSessionsDataset() {
        model::Dataset ds = demo::makeDemoDataset();
        model::Qpv q; // one quartier around the first commune's anchor
        q.code = "QP000001";
        q.anchor = ds.communes.front().anchor;
        q.geometry = testing::squareWkb(q.anchor.x - 500, q.anchor.y - 500, 1000);
        ds.qpvs = {q};
        Session session;
        session.setDataset(std::move(ds));
        const std::shared_ptr<const model::Dataset> dataset = session.sharedDataset();
        const long before = dataset.use_count();
        QpvView view(&session);
        QVERIFY2(dataset.use_count() > before, "the QPV task copied the dataset");
        QSignalSpy updated(&view, &QpvView::updated);
        QVERIFY(updated.wait(30000));
        QVERIFY(!view.table().rows.empty());
    }

    void applyingAScenarioSharesTheSessionsDataset() {
        Session session;
        session.setDataset(demo::makeDemoDataset());
        ScenarioPanel panel(&session, nullptr, nullptr);
        QVERIFY(panel.newScenario(QStringLiteral("Rien")));
        const std::shared_ptr<const model::Dataset> dataset = session.sharedDataset();
        const long before = dataset.use_count();
        QSignalSpy applied(&panel, &ScenarioPanel::applied);
        QSignalSpy failed(&panel, &ScenarioPanel::failed);
        panel.applyCurrent();
        QVERIFY2(dataset.use_count() > before, "the scenario task copied the dataset");
        QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty() || !failed.isEmpty(), 30000);
    }

    void theProfileTableNamesLevelsAndProfessionsInWords() {
        Session session;
        selectFirstBassinsGps(session);
        ProfileView view(&session);
        QSignalSpy updated(&view, &ProfileView::updated);
        QVERIFY(updated.wait(30000));
        for (const io::ResultTable* table : {&view.profileTable(), &view.retirementTable()}) {
            QVERIFY(!table->rows.empty());
            const auto level = static_cast<std::size_t>(table->column("level"));
            const auto profession = static_cast<std::size_t>(table->column("profession"));
            QCOMPARE(QString::fromStdString(table->rows.front().cells[level].text),
                     ProfileView::levelLabel("bv"));
            QCOMPARE(QString::fromStdString(table->rows.back().cells[level].text),
                     ProfileView::levelLabel("dataset"));
            QVERIFY(ProfileView::levelLabel("dataset") != QStringLiteral("dataset"));
            const QString label =
                panel::professionLabel(*session.dataset().catalogue.find("medecin_generaliste"));
            QVERIFY(label != QStringLiteral("medecin_generaliste"));
            for (const io::Row& row : table->rows)
                QCOMPARE(QString::fromStdString(row.cells[profession].text), label);
        }
    }

    void theDensityPanelStatesTheSecrecyRuleOnce() {
        Session session;
        QgsProject project;
        QgsMapCanvas canvas;
        MapLayers layers(&session, &project);
        selectFirstBassinsGps(session);
        DensityPanel panel(&session, &canvas, &project);
        auto* profile = panel.findChild<ProfileView*>();
        QVERIFY(profile);
        QSignalSpy updated(profile, &ProfileView::updated);
        QVERIFY(updated.wait(30000));
        QTRY_COMPARE(visibleLabelsWith(panel, QStringLiteral("inférieurs à 5")), 1);
    }

    // --- Densités
    void theDensityLegendNamesTheProfessionTheIndicatorAndTheYear() {
        Session session;
        QgsProject project;
        MapLayers layers(&session, &project);
        session.setDataset(demo::makeDemoDataset());
        QSignalSpy ready(&session, &Session::densityMapReady);
        session.requestDensityMap({QStringLiteral("medecin_generaliste"), session.vintage(), false});
        QVERIFY(ready.wait(30000) || session.shownDensityMap());
        QTRY_VERIFY(layers.communesColoured());
        QgsLayerTree* root = project.layerTreeRoot();
        const QString label =
            panel::professionLabel(*session.dataset().catalogue.find("medecin_generaliste"));
        const QString name = root->findLayer(layers.communes())->name();
        QVERIFY2(name.startsWith(label) && name.endsWith(QString::number(session.vintage())),
                 qPrintable(name));
        QCOMPARE(name,
                 MapLayers::densityLegendHeading(session.dataset(), session.shownDensityMap()->request));
        QVERIFY(name !=
                MapLayers::densityLegendHeading(
                    session.dataset(), {QStringLiteral("medecin_generaliste"), session.vintage(), true}));
        QCOMPARE(layers.communes()->name(), QStringLiteral("Communes")); // the layer keeps its own name
        // The pôle types are covered by the coloured communes: their legend is folded.
        QVERIFY(!root->findLayer(layers.bassins())->isExpanded());
        QVERIFY(root->findLayer(layers.communes())->isExpanded());
        session.clearDensityMap();
        QCOMPARE(root->findLayer(layers.communes())->name(), QStringLiteral("Communes"));
        QVERIFY(root->findLayer(layers.bassins())->isExpanded());
    }

    void theSourcesAreNamedByTitleAndYearWithTheFilesInTheTooltip() {
        QCOMPARE(DensityPanel::sourceTitle("INSEE, BPE 2013, 2018", 2018),
                 QStringLiteral("BPE 2018 (INSEE)"));
        QCOMPARE(DensityPanel::sourceTitle("INSEE, bassins de vie 2012", 2018),
                 QStringLiteral("bassins de vie 2012 (INSEE)"));
        QCOMPARE(DensityPanel::sourceTitle("communes_hauts_de_france_cog2018.geojson", 2018), QString());
        model::Dataset ds = demo::makeDemoDataset();
        ds.meta.sources = {"communes_demo.geojson", "INSEE, BPE 2013, 2023"};
        Session session;
        QgsProject project;
        QgsMapCanvas canvas;
        session.setDataset(std::move(ds));
        DensityPanel panel(&session, &canvas, &project);
        auto* caption = panel.findChild<QLabel*>(QStringLiteral("densityCaption"));
        QTRY_VERIFY(caption->text().contains(QStringLiteral("BPE ") + QString::number(session.vintage()) +
                                             QStringLiteral(" (INSEE)")));
        QVERIFY2(!caption->text().contains(QStringLiteral("geojson")), qPrintable(caption->text()));
        QVERIFY(caption->toolTip().contains(QStringLiteral("communes_demo.geojson")));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestPanels19)
#include "test_panels19.moc"
