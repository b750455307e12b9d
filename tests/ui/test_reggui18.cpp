// Issue 12 in the desktop: the profile view of the Densités panel (the masked tables of `maillage profile`
// for the selected BV, and the retirement sentence) and the scenario panel (create, apply, save, reload,
// undo).
#include "core/analysis/profile_tables.h"
#include "core/analysis/register_counts.h"
#include "core/demo/demo.h"
#include "core/io/gpkg.h"
#include "ui/panels/profile_view.h"
#include "ui/scenario_panel.h"
#include "ui/session.h"

#include "qgis_test_main.h"
#include "register_testing.h"

#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace maillage;
using namespace maillage::ui;

namespace {

using maillage::testing::hire;
using maillage::testing::lineCommune;

constexpr int kVintage = 2024;

//! The workshop of test_analysis_scenario: BV 01001 (1,610 professionals, 24.8 % pôle professions) is a
//! pôle intermédiaire; retiring its 500 GPs aged 60+ leaves 1,110: a pôle secondaire.
model::Dataset workshop() {
    model::Dataset ds;
    ds.meta.title = "Atelier";
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.communes = {lineCommune("01001", "01001", 700000), lineCommune("01002", "01001", 705000),
                   lineCommune("02001", "02001", 760000)};
    ds.rebuildBassins();
    model::ProfessionalRegister reg;
    reg.vintage = kVintage;
    hire(reg, 400, "medecin_specialiste", 1980, "01001");
    hire(reg, 700, "medecin_generaliste", 1980, "01002");
    hire(reg, 500, "medecin_generaliste", 1964, "01001");
    hire(reg, 900, "medecin_generaliste", 1980, "02001");
    hire(reg, 300, "medecin_generaliste", 1960, "02001");
    ds.counts = analysis::countsFromRegister(reg);
    ds.registers.push_back(std::move(reg));
    ds.meta.vintages = {kVintage};
    ds.reindex();
    return ds;
}

model::ScenarioChange retirement(int age, const std::string& place) {
    model::ScenarioChange c;
    c.kind = model::ScenarioChangeKind::Retire;
    c.age = age;
    c.place = place;
    return c;
}

} // namespace

class TestReggui18 : public QObject {
    Q_OBJECT
private slots:
    void profileViewShowsTheMaskedTablesOfTheSelectedBassinAndTheSentence() {
        Session session;
        ProfileView view(&session);
        QSignalSpy updated(&view, &ProfileView::updated);
        session.setDataset(demo::makeDemoDataset());
        session.setProfession(QStringLiteral("medecin_generaliste"));
        const std::string bv = session.dataset().bassins.front().code;
        updated.clear();
        session.selectBassins({QString::fromStdString(bv)});
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty() &&
                                     view.territorySpec() == QString::fromStdString("bv:" + bv) &&
                                     !view.profileTable().rows.empty(),
                                 30000);
        // The same tables as `maillage profile --territory bv:CODE --profession medecin_generaliste`.
        const model::Dataset& ds = session.dataset();
        const model::ProfessionalRegister* reg = analysis::registerFor(ds, session.vintage());
        QVERIFY(reg && reg->vintage == session.vintage());
        analysis::ProfileTableInput input;
        input.profiles = analysis::profilesWithReferences(ds, *reg, analysis::parseTerritory(ds, "bv:" + bv),
                                                          {"medecin_generaliste"});
        input.source = reg->source;
        input.rule = reg->rule;
        input.retirementAge = ds.params.registers.retirementAge;
        const analysis::SecrecyRule rule = analysis::SecrecyRule::from(ds.params.density);
        const io::ResultTable expected = analysis::profileTable(ds, input, rule);
        const io::ResultTable& shown = view.profileTable();
        QCOMPARE(shown.rows.size(), expected.rows.size());
        QCOMPARE(shown.rows[0].cells[static_cast<std::size_t>(shown.column("code"))].text, bv);
        int masked = 0;
        for (std::size_t r = 0; r < expected.rows.size(); ++r)
            for (std::size_t c = 0; c < expected.columns.size(); ++c) {
                QCOMPARE(shown.rows[r].cells[c].masked, expected.rows[r].cells[c].masked);
                QCOMPARE(shown.rows[r].cells[c].number, expected.rows[r].cells[c].number);
                masked += expected.rows[r].cells[c].masked ? 1 : 0;
            }
        Q_UNUSED(masked);
        // The retirement sentence of the BV, in French, as the engine words it.
        const io::ResultTable retirement = analysis::retirementTable(ds, input, rule, Language::Fr);
        const io::Cell& sentence =
            retirement.rows[0].cells[static_cast<std::size_t>(retirement.column("sentence_10y"))];
        QVERIFY2(sentence.masked || view.sentences().contains(QString::fromStdString(sentence.text)),
                 qPrintable(view.sentences()));
        QVERIFY2(view.sentences().contains(QStringLiteral("d'ici")) ||
                     view.sentences().contains(QStringLiteral("secret")),
                 qPrintable(view.sentences()));
    }

    void profileViewSaysWhyWithoutARegisterOfTheVintage() {
        Session session;
        ProfileView view(&session);
        session.setDataset(demo::makeDemoDataset());
        session.setVintage(2013); // the demo's register is of 2023
        QVERIFY(view.profileTable().rows.empty());
        QVERIFY2(view.sentences().contains(QStringLiteral("2013")), qPrintable(view.sentences()));
    }

    void retirementLinesEndWithAFullStopTheSecretOneToo() {
        io::ResultTable t;
        t.columns = {{"level"}, {"name"}, {"sentence_10y"}};
        const std::string none =
            word(msg("analysis.retirement.none", {arg::text("year", "2034")}), Language::En);
        t.rows = {{{io::Cell::of("bv"), io::Cell::of("Ambérieu"), io::Cell::of(none)}},
                  {{io::Cell::of("bv"), io::Cell::of("Belley"), io::Cell::secret()}}};
        // The suite runs in French: "Ambérieu : …", whatever the punctuation before the sentence.
        const QStringList lines = ProfileView::sentencesOf(t).split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(
            lines[0].startsWith(QStringLiteral("Ambérieu")) &&
                lines[0].endsWith(QStringLiteral(": no departure expected by 2034: today's density holds.")),
            qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith(QStringLiteral("Belley")) && lines[1].endsWith(QLatin1Char('.')),
                 qPrintable(lines[1]));
    }

    void scenarioPanelCreatesAppliesSavesReloadsAndUndoes() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("atelier.gpkg")).toStdString();
        io::writeDataset(workshop(), path);
        Session session;
        session.setDataset(io::readDataset(path), QString::fromStdString(path));
        ScenarioPanel panel(&session, nullptr, nullptr);
        QVERIFY(panel.scenarios().empty());
        QVERIFY(panel.newScenario(QStringLiteral("Départs en retraite")));
        QVERIFY(!panel.newScenario(QStringLiteral("Départs en retraite"))); // names are unique
        panel.addChange(retirement(60, "01001"));
        QCOMPARE(panel.scenarios().front().changes.size(), std::size_t(1));

        QSignalSpy applied(&panel, &ScenarioPanel::applied);
        panel.applyCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty(), 30000);
        const analysis::ScenarioComparison* c = panel.comparison();
        QVERIFY(c);
        QCOMPARE(c->retired, 500);
        QCOMPARE(c->typeChanges.size(), std::size_t(1));
        QCOMPARE(c->typeChanges[0].bv, std::string("01001"));
        QCOMPARE(c->typeChanges[0].before.type, analysis::PoleType::Intermediaire);
        QCOMPARE(c->typeChanges[0].after.type, analysis::PoleType::Secondaire);
        QVERIFY2(!panel.sentences().isEmpty(), "no sentence");

        QCOMPARE(panel.save(), QString());
        QVERIFY(!panel.hasUnsavedEdits());
        const model::Dataset reread = io::readDataset(path);
        QCOMPARE(reread.scenarios.size(), std::size_t(1));
        QVERIFY(reread.scenarios.front() == panel.scenarios().front());
        // A panel on the dataset read again lists it.
        Session again;
        again.setDataset(io::readDataset(path), QString::fromStdString(path));
        ScenarioPanel reloaded(&again, nullptr, nullptr);
        QCOMPARE(reloaded.scenarios().size(), std::size_t(1));
        QCOMPARE(reloaded.currentScenario(), QStringLiteral("Départs en retraite"));

        // Undo the change, then the creation: nothing left; saved, the file has no scenario.
        QVERIFY(panel.undo());
        QVERIFY(panel.scenarios().front().changes.empty());
        QVERIFY(panel.undo());
        QVERIFY(panel.scenarios().empty());
        QVERIFY(!panel.undo());
        QCOMPARE(panel.save(), QString());
        QVERIFY(io::readDataset(path).scenarios.empty());
    }

    void zonageThresholdsReadADecimalCommaInFrenchAndRefuseAmbiguousText() {
        using Values = std::vector<double>;
        QVERIFY(ScenarioPanel::zonageThresholds(QStringLiteral("2,5 ; 4"), true) == Values({2.5, 4}));
        QVERIFY(ScenarioPanel::zonageThresholds(QStringLiteral("2,5;4"), true) == Values({2.5, 4}));
        QVERIFY(ScenarioPanel::zonageThresholds(QStringLiteral("2,5"), true) == Values({2.5}));
        QVERIFY(ScenarioPanel::zonageThresholds(QStringLiteral(" "), true) == Values());
        QVERIFY(!ScenarioPanel::zonageThresholds(QStringLiteral("2,5,4"), true)); // 2.5 and 4, or 2 and 5.4?
        QVERIFY(!ScenarioPanel::zonageThresholds(QStringLiteral("4 ; 2,5"), true)); // not ascending
        QVERIFY(!ScenarioPanel::zonageThresholds(QStringLiteral("deux"), true));
        QVERIFY(!ScenarioPanel::zonageThresholds(QStringLiteral("0 ; 2,5"), true));
        QVERIFY(ScenarioPanel::zonageThresholds(QStringLiteral("2.5; 4"), false) == Values({2.5, 4}));
        QVERIFY(ScenarioPanel::zonageThresholds(QStringLiteral("2.5, 4"), false) == Values({2.5, 4}));
    }

    void unreadableZonageThresholdsAreRefusedBeforeApplyingNamingTheFormat() {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        Session session;
        session.setDataset(workshop());
        ScenarioPanel panel(&session, nullptr, nullptr);
        QLocale::setDefault(before);
        QVERIFY(panel.newScenario(QStringLiteral("Départs")));
        panel.addChange(retirement(60, "01001"));
        auto* zonage = panel.findChild<QLineEdit*>(QStringLiteral("scenarioZonage"));
        QVERIFY(zonage);
        QCOMPARE(zonage->placeholderText(), QStringLiteral("2,5 ; 4"));
        zonage->setText(QStringLiteral("2,5,4"));
        QSignalSpy failed(&panel, &ScenarioPanel::failed);
        QSignalSpy applied(&panel, &ScenarioPanel::applied);
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        panel.applyCurrent();
        QLocale::setDefault(before);
        QCOMPARE(failed.size(), 1); // at once, no task started
        const QString message = failed.front().front().toString();
        QVERIFY2(message.contains(QStringLiteral("2,5,4")) && message.contains(QStringLiteral("2,5 ; 4")),
                 qPrintable(message));
        QVERIFY(!panel.comparison());
        QTest::qWait(50);
        QVERIFY(applied.isEmpty());
    }

    void eachChangeIsListedOnItsOwnLinesWrappedToThePanel() {
        Session session;
        session.setDataset(workshop());
        ScenarioPanel panel(&session, nullptr, nullptr);
        QVERIFY(panel.newScenario(QStringLiteral("Atelier")));
        panel.addChange(retirement(60, "01001"));
        // A cooperation of 40 communes: its line is wider than any panel.
        model::ScenarioChange cooperation;
        cooperation.kind = model::ScenarioChangeKind::AddCooperation;
        cooperation.cooperation = "CPTS du grand territoire";
        cooperation.cooperationKind = "CPTS";
        for (int c = 0; c < 40; ++c)
            cooperation.members.push_back(std::to_string(10001 + c));
        panel.addChange(cooperation);
        panel.addChange(retirement(65, ""));
        panel.resize(700, 900); // the short change's line (about 560 pixels) fits
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto* list = panel.findChild<QListWidget*>(QStringLiteral("changeList"));
        QVERIFY(list);
        QCOMPARE(list->count(), 3);
        const int line = list->fontMetrics().height();
        // The list lays its items out again once the panel has its width (QListView::Adjust, delayed).
        QTRY_VERIFY(list->visualItemRect(list->item(0)).height() < 2 * line);  // a short one stays one line
        QTRY_VERIFY(list->visualItemRect(list->item(1)).height() >= 3 * line); // wrapped, not cut
        for (int i = 0; i < list->count(); ++i) {
            const QRect r = list->visualItemRect(list->item(i));
            QVERIFY2(r.right() <= list->viewport()->width(), qPrintable(list->item(i)->text()));
            QVERIFY(i == 0 ||
                    r.top() >= list->visualItemRect(list->item(i - 1)).bottom()); // lines of its own
        }
    }

    void aScenarioThatCannotApplySaysWhy() {
        Session session;
        session.setDataset(workshop());
        ScenarioPanel panel(&session, nullptr, nullptr);
        QVERIFY(panel.newScenario(QStringLiteral("Trop")));
        model::ScenarioChange remove;
        remove.kind = model::ScenarioChangeKind::Remove;
        remove.profession = "medecin_generaliste";
        remove.place = "01002";
        remove.count = 701;
        panel.addChange(remove);
        QSignalSpy failed(&panel, &ScenarioPanel::failed);
        panel.applyCurrent();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
        const QString message = failed.front().front().toString();
        QVERIFY2(message.contains(QStringLiteral("Trop")) && message.contains(QStringLiteral("700")),
                 qPrintable(message));
        // The demo dataset has no file: saving says so instead of writing anywhere.
        QVERIFY(!panel.save().isEmpty());
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestReggui18)
#include "test_reggui18.moc"
