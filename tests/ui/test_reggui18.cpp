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
