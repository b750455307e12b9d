// Issue 12 in the desktop, session 19: the map after a scenario (over the main map, and on the right of
// the two-map view with the map before on the left) and the cooperation changes of the scenario editor.
#include "core/analysis/register_counts.h"
#include "ui/layer_roles.h"
#include "ui/main_window.h"
#include "ui/map_compare.h"
#include "ui/map_layers.h"
#include "ui/scenario_layer.h"
#include "ui/scenario_panel.h"
#include "ui/session.h"

#include "qgis_test_main.h"
#include "register_testing.h"
#include "ui_fixture.h"

#include <QComboBox>
#include <QDockWidget>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgslayertree.h>
#include <qgslegendsymbolitem.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>
#include <qgsrenderer.h>
#include <qgsvectorlayer.h>

using namespace maillage;
using namespace maillage::ui;

namespace {

constexpr int kVintage = 2024;

//! BV 01001 (communes 01001 and 01002: 1,600 professionals, 25 % pôle professions) is a pôle
//! intermédiaire; retiring its 500 GPs aged 60+ leaves 1,100: a pôle secondaire. BV 02001 (1,200 GPs) is a
//! pôle secondaire. A CHT links the two. Each commune a 10 km square, each BV its communes' extent.
model::Dataset cooperatingWorkshop() {
    model::Dataset ds;
    ds.meta.title = "Atelier";
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.communes = {testing::lineCommune("01001", "01001", 700000),
                   testing::lineCommune("01002", "01001", 710000),
                   testing::lineCommune("02001", "02001", 720000)};
    for (model::Commune& c : ds.communes)
        c.geometry = testing::squareWkb(c.anchor.x - 5000, c.anchor.y - 5000, 10000);
    ds.rebuildBassins();
    ds.bassins[0].geometry = testing::squareWkb(695000, 6595000, 20000);
    ds.bassins[1].geometry = ds.communes[2].geometry;
    model::ProfessionalRegister reg;
    reg.vintage = kVintage;
    testing::hire(reg, 400, "medecin_specialiste", 1980, "01001");
    testing::hire(reg, 700, "medecin_generaliste", 1980, "01002");
    testing::hire(reg, 500, "medecin_generaliste", 1964, "01001");
    testing::hire(reg, 1200, "medecin_generaliste", 1980, "02001");
    ds.counts = analysis::countsFromRegister(reg);
    ds.registers.push_back(std::move(reg));
    ds.meta.vintages = {kVintage};
    ds.cooperations.push_back({"CHT de l'Ain", "CHT", {"01001", "02001"}});
    ds.reindex();
    return ds;
}

//! Retires everybody aged 60 or more in BV 01001: its 500 GPs born in 1964.
model::ScenarioChange retirementIn01001() {
    model::ScenarioChange c{model::ScenarioChangeKind::Retire, "", "01001"};
    c.age = 60;
    return c;
}

//! The after layer's feature of BV `code` (invalid when none).
QgsFeature featureOf(const QgsVectorLayer* layer, const QString& code) {
    QgsFeature f;
    QgsFeatureIterator it = layer->getFeatures(
        QgsFeatureRequest().setFilterExpression(QStringLiteral("\"code\" = '%1'").arg(code)));
    it.nextFeature(f);
    return f;
}

bool applied(ScenarioPanel& panel) {
    QSignalSpy done(&panel, &ScenarioPanel::applied);
    panel.applyCurrent();
    return done.wait(30000) || !done.isEmpty();
}

//! Chooses the item of `combo` (a child of `panel` named `name`) whose data is `data`.
void choose(ScenarioPanel& panel, const char* name, const QVariant& data) {
    auto* combo = panel.findChild<QComboBox*>(QString::fromLatin1(name));
    QVERIFY2(combo, name);
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    combo->setCurrentIndex(index);
}

} // namespace

class TestReggui19 : public QObject {
    Q_OBJECT
private slots:
    void theMapAfterTheScenarioShowsTheNewTypesAndGoesAwayOnUndo() {
        Session session;
        QgsProject project;
        session.setDataset(cooperatingWorkshop());
        ScenarioPanel panel(&session, nullptr, &project);
        QVERIFY(!panel.afterLayer());
        QVERIFY(panel.newScenario(QStringLiteral("Départs")));
        panel.addChange(retirementIn01001());
        QVERIFY(applied(panel));
        // The tables: the BVs that change type, then the communes that cross a zonage threshold (2.5).
        auto* tables = panel.findChild<QTabWidget*>(QStringLiteral("scenarioTables"));
        QVERIFY(tables && tables->count() == 5);
        QCOMPARE(tables->widget(0)->objectName(), QStringLiteral("scenario_scenario_types"));
        QCOMPARE(tables->widget(1)->objectName(), QStringLiteral("scenario_scenario_zonage"));
        QgsVectorLayer* after = panel.afterLayer();
        QVERIFY(after);
        QCOMPARE(findLayerByRole(&project, QString::fromLatin1(role::ScenarioAfter)), after);
        QCOMPARE(after->name(), scenarioLayerTitle(QStringLiteral("Départs")));
        QVERIFY(after->name().contains(QStringLiteral("Départs")));
        QCOMPARE(after->featureCount(), 2);
        QVERIFY(!after->labelsEnabled()); // the bassins' labels underneath: each name once on the map
        // 01001: type 3 -> 4, flagged; 02001: type 4, unchanged.
        const QgsFeature changed = featureOf(after, QStringLiteral("01001"));
        QCOMPARE(changed.attribute(QStringLiteral("pole_type")).toInt(), 4);
        QCOMPARE(changed.attribute(QStringLiteral("type_before")).toInt(), 3);
        QCOMPARE(changed.attribute(QStringLiteral("changed")).toInt(), 1);
        QCOMPARE(changed.attribute(QStringLiteral("total")).toDouble(), 1100.0);
        const QgsFeature same = featureOf(after, QStringLiteral("02001"));
        QCOMPARE(same.attribute(QStringLiteral("pole_type")).toInt(), 4);
        QCOMPARE(same.attribute(QStringLiteral("type_before")).toInt(), 4);
        QCOMPARE(same.attribute(QStringLiteral("changed")).toInt(), 0);
        // The legend names the changed BVs.
        bool legendNamesTheChange = false;
        for (const QgsLegendSymbolItem& item : after->renderer()->legendSymbolItems())
            legendNamesTheChange |= item.label() == QStringLiteral("Type changed by the scenario") ||
                                    item.label() == QStringLiteral("Type changé par le scénario");
        QVERIFY(legendNamesTheChange);

        // Undo: the map no longer holds, it goes.
        QVERIFY(panel.undo());
        QVERIFY(!panel.afterLayer());
        QVERIFY(!findLayerByRole(&project, QString::fromLatin1(role::ScenarioAfter)));
        // Applied again, then another dataset: it goes too.
        panel.addChange(retirementIn01001());
        QVERIFY(applied(panel));
        QVERIFY(panel.afterLayer());
        session.setDataset(cooperatingWorkshop());
        QVERIFY(!panel.afterLayer());
        QVERIFY(!findLayerByRole(&project, QString::fromLatin1(role::ScenarioAfter)));
    }

    void theMaskedFiguresOfTheMapAfterAreBlank() {
        // With a threshold above every count (secrecy up to 2,000), no BV's figures are shown, only types.
        model::Dataset ds = cooperatingWorkshop();
        Session session;
        session.setDataset(ds);
        analysis::ScenarioComparison c = analysis::compareScenario(ds, {"s", "", {retirementIn01001()}}, 0);
        analysis::SecrecyRule rule;
        rule.threshold = 2000;
        std::unique_ptr<QgsVectorLayer> layer(buildScenarioLayer(ds, c, rule));
        const QgsFeature f = featureOf(layer.get(), QStringLiteral("01001"));
        QVERIFY(f.attribute(QStringLiteral("total")).isNull());
        QVERIFY(f.attribute(QStringLiteral("pole_share")).isNull());
        QCOMPARE(f.attribute(QStringLiteral("pole_type")).toInt(), 4);
        QVERIFY(!f.attribute(QStringLiteral("reason")).toString().contains(QStringLiteral("1110")));
        QVERIFY(!f.attribute(QStringLiteral("reason")).toString().contains(QStringLiteral("1 110")));
    }

    void aCooperationChosenInTheEditorIsAddedOrRemovedAndItsLinkCompared() {
        Session session;
        session.setDataset(cooperatingWorkshop());
        ScenarioPanel panel(&session, nullptr, nullptr);
        QVERIFY(panel.newScenario(QStringLiteral("Coopérations")));
        choose(panel, "changeKind", static_cast<int>(model::ScenarioChangeKind::AddCooperation));
        auto* name = panel.findChild<QComboBox*>(QStringLiteral("changeCooperation"));
        QVERIFY(name && name->isEnabled());
        name->setEditText(QStringLiteral("CPTS du Bugey"));
        choose(panel, "changeCooperationKind", QStringLiteral("CPTS"));
        choose(panel, "changePoleA", QStringLiteral("02001"));
        choose(panel, "changePoleB", QStringLiteral("01001"));
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("addChange")), Qt::LeftButton);
        choose(panel, "changeKind", static_cast<int>(model::ScenarioChangeKind::RemoveCooperation));
        name->setEditText(QStringLiteral("CHT de l'Ain"));
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("addChange")), Qt::LeftButton);

        const std::vector<model::ScenarioChange>& changes = panel.scenarios().front().changes;
        QCOMPARE(changes.size(), std::size_t{2});
        QCOMPARE(changes[0].kind, model::ScenarioChangeKind::AddCooperation);
        QCOMPARE(changes[0].cooperation, std::string("CPTS du Bugey"));
        QCOMPARE(changes[0].cooperationKind, std::string("CPTS"));
        QCOMPARE(changes[0].members, (std::vector<std::string>{"02001", "01001"}));
        QCOMPARE(changes[1].kind, model::ScenarioChangeKind::RemoveCooperation);
        QCOMPARE(changes[1].cooperation, std::string("CHT de l'Ain"));
        QVERIFY(changes[1].members.empty());

        QVERIFY(applied(panel));
        const analysis::ScenarioComparison* c = panel.comparison();
        QVERIFY(c);
        QCOMPARE(c->linksAdded.size(), std::size_t{1});
        QCOMPARE(c->linksAdded[0].cooperation, std::string("CPTS du Bugey"));
        QCOMPARE(c->linksRemoved.size(), std::size_t{1});
        QCOMPARE(c->linksRemoved[0].cooperation, std::string("CHT de l'Ain"));
        QVERIFY2(panel.sentences().contains(QStringLiteral("CPTS du Bugey")), qPrintable(panel.sentences()));
    }

    void beforeAfterShowsTheMapBeforeOnTheLeftAndAfterOnTheRight() {
        MainWindow window;
        window.showDataset(cooperatingWorkshop(), QString());
        window.resize(1200, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* panel = window.findChild<ScenarioPanel*>();
        QVERIFY(panel);
        QVERIFY(!panel->showBeforeAfter()); // nothing applied yet
        QVERIFY(!window.compare());
        QVERIFY(panel->newScenario(QStringLiteral("Départs")));
        panel->addChange(retirementIn01001());
        // The change is listed by names, not codes.
        auto* changes = panel->findChild<QListWidget*>(QStringLiteral("changeList"));
        QVERIFY(changes);
        QCOMPARE(changes->count(), 1);
        QVERIFY2(changes->item(0)->text().contains(QStringLiteral("Commune 01001 (01001)")),
                 qPrintable(changes->item(0)->text()));
        QDockWidget* dock = nullptr;
        for (QWidget* w = panel->parentWidget(); w && !dock; w = w->parentWidget())
            dock = qobject_cast<QDockWidget*>(w);
        QVERIFY(dock);
        dock->show();
        dock->raise();
        QVERIFY(applied(*panel));
        // Applying opened the two maps, before and after, and kept the panel that says what they show.
        MapCompare* compare = window.compare();
        QVERIFY(compare);
        QVERIFY(dock->isVisible());
        QCOMPARE(compare->title(), scenarioLayerTitle(QStringLiteral("Départs")));
        // Another year on the right, then the result again by the button.
        compare->setVintage(kVintage);
        QVERIFY(!compare->title().contains(QStringLiteral("Départs")));
        QVERIFY(compare->title().contains(QString::number(kVintage)));
        QCOMPARE(compare->findChild<QComboBox*>(QStringLiteral("compareChoice"))
                     ->findText(scenarioLayerTitle(QStringLiteral("Départs"))),
                 -1); // no longer offered as shown
        QVERIFY(panel->showBeforeAfter());
        QCOMPARE(window.compare(), compare);
        QCOMPARE(compare->title(), scenarioLayerTitle(QStringLiteral("Départs")));
        // Right: the result, titled with the scenario; left: the dataset as it is, the after layer hidden.
        const QgsVectorLayer* right = nullptr;
        for (QgsMapLayer* layer : compare->canvas()->layers())
            if (layer->customProperty(QString::fromLatin1(kRoleProperty)).toString() ==
                QString::fromLatin1(role::ScenarioAfter))
                right = qobject_cast<QgsVectorLayer*>(layer);
        QVERIFY(right);
        QCOMPARE(featureOf(right, QStringLiteral("01001")).attribute(QStringLiteral("pole_type")).toInt(), 4);
        auto* title = compare->findChild<QComboBox*>(QStringLiteral("compareChoice"));
        QCOMPARE(title->currentText(), scenarioLayerTitle(QStringLiteral("Départs")));
        QTRY_VERIFY(!window.canvas()->layers().contains(panel->afterLayer()));
        QVERIFY(window.canvas()->layers().contains(window.layers()->bassins()));
        QCOMPARE(featureOf(window.layers()->bassins(), QStringLiteral("01001"))
                     .attribute(QStringLiteral("pole_type"))
                     .toInt(),
                 3); // before
        QVERIFY(compare->showsResult());
        // The workshop's magnification keeps the result on the right.
        compare->setMagnification(2.0);
        QVERIFY(compare->showsResult());
        QCOMPARE(compare->title(), scenarioLayerTitle(QStringLiteral("Départs")));
        QCOMPARE(
            compare->canvas()->layers().last()->customProperty(QString::fromLatin1(kRoleProperty)).toString(),
            QString::fromLatin1(role::ScenarioAfter));
        compare->setMagnification(1.0);
        QVERIFY(compare->showsResult());
        // The exported figure: its right half has the magenta of the changed BV and of its legend swatch.
        QTRY_VERIFY(!compare->canvas()->isDrawing());
        const QImage figure = compare->renderFigure(QSize(1000, 500));
        if (!qEnvironmentVariableIsEmpty("REGGUI19_FIGURE"))
            figure.save(qEnvironmentVariable("REGGUI19_FIGURE"));
        int magentaLeft = 0, magentaRight = 0;
        for (int y = 0; y < figure.height(); ++y)
            for (int x = 0; x < figure.width(); ++x)
                if (figure.pixelColor(x, y) == QColor(0xd0, 0x10, 0x90))
                    ++(x < figure.width() / 2 ? magentaLeft : magentaRight);
        QCOMPARE(magentaLeft, 0);
        QVERIFY(magentaRight > 20);
        // Undone: the result no longer holds, the second map goes back to its year.
        QVERIFY(panel->undo());
        QVERIFY(!compare->showsResult());
        QVERIFY(!compare->title().contains(QStringLiteral("Départs")));
        QCOMPARE(title->findText(scenarioLayerTitle(QStringLiteral("Départs"))), -1);
        // Renders still running would outlive the canvases (as test_map_compare's cleanup).
        QTRY_VERIFY(!compare->canvas()->isDrawing());
        QTRY_VERIFY(!window.canvas()->isDrawing());
        QTest::qWait(200);
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestReggui19)
#include "test_reggui19.moc"
