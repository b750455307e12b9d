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

//! The demo with a third year of counts (2018, the 2023 counts again): two "to" years to choose from.
model::Dataset demoWithThreeYears() {
    model::Dataset ds = demo::makeDemoDataset();
    const std::vector<model::CountRecord> counts = ds.counts;
    for (model::CountRecord r : counts)
        if (r.vintage == 2023) {
            r.vintage = 2018;
            ds.counts.push_back(r);
        }
    ds.meta.vintages.push_back(2018);
    std::sort(ds.meta.vintages.begin(), ds.meta.vintages.end());
    return ds;
}

//! A window showing the demo, its change panel's change (2013 to 2023, all professions, BVs) computed.
void showDemoChange(MainWindow& window) {
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showDataset(demo::makeDemoDataset(), QString());
    QSignalSpy ready(window.session(), &Session::changeReady);
    window.showPanel(QStringLiteral("evolution"))
        ->findChild<QPushButton*>(QStringLiteral("changeCompute"))
        ->click();
    QVERIFY(ready.wait(30000));
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

    // --- Évolution
    void choosingAnotherYearDoesNotScanTheDatasetAgain() {
        Session session;
        session.setDataset(demoWithThreeYears());
        QgsProject project;
        ChangePanel panel(&session, nullptr, &project);
        auto* to = panel.findChild<QComboBox*>(QStringLiteral("changeTo"));
        auto* from = panel.findChild<QComboBox*>(QStringLiteral("changeFrom"));
        QCOMPARE(itemsOf(to), (QStringList{"2018", "2023"}));
        const int scans = ChangePanel::yearScans();
        to->setCurrentIndex(0);
        QCOMPARE(itemsOf(from), QStringList{"2013"});
        to->setCurrentIndex(1);
        QCOMPARE(itemsOf(from), (QStringList{"2013", "2018"}));
        QCOMPARE(ChangePanel::yearScans(), scans);
    }

    void theLeftOutProfessionIsNamedByItsLabel() {
        Session session;
        session.setDataset(demo::makeDemoDataset());
        const model::Profession& p = *session.dataset().catalogue.find("dieteticien");
        Message note = msg("analysis.change.professions_left_out",
                           {arg::integer("n", 1), arg::list("professions", {"dieteticien"}, true),
                            arg::text("from", "2013"), arg::text("to", "2018")});
        const QString worded = QString::fromStdString(
            word(withProfessionLabels(note, session.dataset().catalogue), Language::Fr, PathStyle::FileName));
        QVERIFY2(worded.contains(panel::professionLabel(p)), qPrintable(worded));
        QVERIFY2(!worded.contains(QStringLiteral("dieteticien")), qPrintable(worded));
    }

    void theChangeTableIsSortedByNameWithWholeHeaders() {
        MainWindow window;
        showDemoChange(window);
        auto* table = window.findChild<QTableView*>(QStringLiteral("changeTable"));
        QVERIFY(table && table->model()->rowCount() > 1);
        const ChangeView* view = window.session()->change();
        const int name = view->table.column("name");
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), name);
        QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
        QStringList names;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            names << table->model()->index(r, name).data().toString();
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(),
                  [](const QString& a, const QString& b) { return QString::localeAwareCompare(a, b) < 0; });
        QCOMPARE(names, sorted);
        QStringList codes; // the order of the codes is not the order of the names
        for (int r = 0; r < table->model()->rowCount(); ++r)
            codes << table->model()->index(r, view->table.column("code")).data().toString();
        QVERIFY(!std::is_sorted(codes.begin(), codes.end()));
        const QFontMetrics metrics(table->horizontalHeader()->font());
        for (int c = 0; c < table->model()->columnCount(); ++c) {
            const QString header = table->model()->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(table->columnWidth(c) >= metrics.horizontalAdvance(header), qPrintable(header));
        }
    }

    void theMassChartSaysWhatItPlots() {
        MainWindow window;
        showDemoChange(window);
        auto* caption = window.findChild<QLabel*>(QStringLiteral("massChartCaption"));
        QVERIFY(caption && caption->isVisibleTo(&window));
        QCOMPARE(caption->text(), ChangePanel::massChartCaption(1.0));
        QVERIFY(!caption->text().isEmpty());
        const QString scaled = ChangePanel::massChartCaption(0.25);
        QVERIFY2(scaled.startsWith(caption->text()) && scaled.contains(QStringLiteral("0,25")),
                 qPrintable(scaled));
    }

    void theChangeLayersLegendIsUnfolded() {
        MainWindow window;
        showDemoChange(window);
        QgsVectorLayer* layer = findLayerByRole(window.project(), QString::fromLatin1(role::Change));
        QVERIFY(layer);
        auto* tree = window.findChild<QgsLayerTreeView*>();
        QgsLayerTreeLayer* node = window.project()->layerTreeRoot()->findLayer(layer);
        QVERIFY(tree && node);
        QTRY_VERIFY(tree->isExpanded(tree->node2index(node)));
        // Its heading says what changed, between which years, for which professions.
        QCOMPARE(node->name(), layer->name());
        QCOMPARE(layer->name(),
                 changeLayerName(window.session()->dataset(), window.session()->change()->result.request));
        QVERIFY2(layer->name().contains(QStringLiteral("2013")) &&
                     layer->name().contains(QStringLiteral("2023")),
                 qPrintable(layer->name()));
    }

    // --- --panel
    void everyDockCanBeShownByItsPanelName() {
        MainWindow window;
        window.showDataset(demo::makeDemoDataset(), QString());
        const QStringList names = window.panelNames();
        QVERIFY(names.contains(QStringLiteral("scenarios")));
        QVERIFY(names.contains(QStringLiteral("crunch")));
        int docks = 0;
        for (QDockWidget* dock : window.findChildren<QDockWidget*>())
            docks += dock->objectName() != QLatin1String("dockLayers") ? 1 : 0;
        QCOMPARE(names.size(), docks + 1); // crunch is a tab of the Pôles dock
        for (const QString& name : names) {
            QDockWidget* dock = window.showPanel(name);
            QVERIFY2(dock, qPrintable(name));
            QVERIFY(dock->objectName().startsWith(QStringLiteral("dock")));
        }
        QCOMPARE(window.showPanel(QStringLiteral("scenarios"))->objectName(), QStringLiteral("dockScenario"));
        QVERIFY(!window.showPanel(QStringLiteral("nulle-part")));
    }

    void anUnknownPanelIsRefusedInTheUsersLanguageListingTheNames() {
        MainWindow window;
        const QString message = window.unknownPanelMessage(QStringLiteral("nulle-part"));
        QVERIFY2(
            message.contains(QStringLiteral("nulle-part")) && message.contains(QStringLiteral("scenarios")) &&
                message.contains(QStringLiteral("evolution")) && message.contains(QStringLiteral("crunch")),
            qPrintable(message));
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

    void theDemoCaptionSaysFictionalDataOnce() {
        model::Dataset ds = demo::makeDemoDataset(); // its source: "Données fictives générées par Maillage"
        QVERIFY(ds.meta.fictional);
        Session session;
        QgsProject project;
        QgsMapCanvas canvas;
        session.setDataset(std::move(ds));
        DensityPanel panel(&session, &canvas, &project);
        auto* caption = panel.findChild<QLabel*>(QStringLiteral("densityCaption"));
        QTRY_VERIFY(caption->text().contains(QStringLiteral("ficti"), Qt::CaseInsensitive));
        QCOMPARE(caption->text().count(QStringLiteral("ficti"), Qt::CaseInsensitive), 1);
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestPanels19)
#include "test_panels19.moc"
