#include "core/io/gpkg.h"
#include "core/io/gpkg_scenarios.h"

#include "scenario_fixtures.h"
#include "testing.h"

#include <QFile>

#include <fstream>

using namespace maillage;
using maillage::testing::thrown;

namespace {

model::ScenarioChange change(model::ScenarioChangeKind kind) {
    model::ScenarioChange c;
    c.kind = kind;
    return c;
}

//! One change of every kind, every field of each set.
model::Scenario everyKind() {
    model::Scenario s{"Atelier 2030", "Départs et « maison de santé »", {}};
    model::ScenarioChange retire = change(model::ScenarioChangeKind::Retire);
    retire.age = 62;
    retire.profession = "medecin_generaliste";
    retire.place = "59350";
    model::ScenarioChange retireAll = change(model::ScenarioChangeKind::Retire);
    retireAll.age = 67;
    model::ScenarioChange remove = change(model::ScenarioChangeKind::Remove);
    remove.profession = "infirmier";
    remove.place = "2A004";
    remove.count = 2.5;
    model::ScenarioChange open = change(model::ScenarioChangeKind::Open);
    open.place = "59183";
    open.staff = {{"medecin_generaliste", 4}, {"infirmier", 2}};
    model::ScenarioChange closeSite = change(model::ScenarioChangeKind::Close);
    closeSite.place = "59183";
    closeSite.profession = "sage_femme";
    model::ScenarioChange closeFacility = change(model::ScenarioChangeKind::Close);
    closeFacility.place = "59183";
    closeFacility.facility = "D113";
    model::ScenarioChange add = change(model::ScenarioChangeKind::AddCooperation);
    add.cooperation = "CPTS du Douaisis";
    add.cooperationKind = "CPTS";
    add.members = {"59178", "59183"};
    add.seat = "59178";
    model::ScenarioChange drop = change(model::ScenarioChangeKind::RemoveCooperation);
    drop.cooperation = "CHT du Valenciennois";
    s.changes = {retire, retireAll, remove, open, closeSite, closeFacility, add, drop};
    return s;
}

std::string write(const QTemporaryDir& dir, const char* name, const std::string& content) {
    const std::string path = dir.filePath(name).toStdString();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

std::string failure(const std::string& json) {
    const auto e = thrown<Error>([&] { io::changesFromJson(json, Location{"scenarios.json"}); });
    return e ? std::string(e->what()) : std::string();
}

} // namespace

class TestScenarios : public QObject {
    Q_OBJECT
private slots:
    void everyKindOfChangeSurvivesTheJsonRoundTrip();
    void aScenarioFileIsReadWithItsByteOrderMark();
    void badChangesAreNamedWithTheirNumberAndField();
    void aFileThatIsNoScenarioSaysWhatWasExpected();
    void scenariosAreKeptInTheDatasetTable();
    void writeScenariosRewritesOnlyThatTable();
    void savingScenariosIntoAMissingFileIsAnError();
    void putScenarioReplacesTheScenarioOfTheSameName();
};

void TestScenarios::everyKindOfChangeSurvivesTheJsonRoundTrip() {
    const model::Scenario s = everyKind();
    const auto back = io::changesFromJson(io::changesToJson(s.changes), Location{});
    QCOMPARE(back.size(), s.changes.size());
    for (std::size_t i = 0; i < back.size(); ++i)
        QVERIFY2(back[i] == s.changes[i], std::to_string(i).c_str());
}

void TestScenarios::aScenarioFileIsReadWithItsByteOrderMark() {
    QTemporaryDir dir;
    const model::Scenario s = everyKind();
    const std::string path = write(dir, "s.json", "\xEF\xBB\xBF" + io::scenarioToJson(s));
    QVERIFY(io::readScenarioFile(path) == s);
}

void TestScenarios::badChangesAreNamedWithTheirNumberAndField() {
    QCOMPARE(
        failure(R"([{"kind": "retire", "age": 60}, {"kind": "retrait"}])"),
        std::string("scenarios.json: change 2: unknown kind 'retrait', expected retire, remove, open, close, "
                    "add_cooperation, remove_cooperation"));
    QCOMPARE(failure(R"([{"kind": "remove", "commune": "59350", "count": 2}])"),
             std::string("scenarios.json: change 1 ('remove'): field 'profession' missing"));
    QCOMPARE(
        failure(R"([{"kind": "remove", "commune": "59350", "profession": "infirmier", "count": "deux"}])"),
        std::string("scenarios.json: change 1: expected a number for 'count'"));
    QCOMPARE(failure(R"([{"kind": "open", "commune": "59350", "staff": [3]}])"),
             std::string("scenarios.json: change 1: expected a list of objects with a \"profession\" and a "
                         "\"count\" for 'staff'"));
    QCOMPARE(failure(R"({"kind": "open"})"),
             std::string("scenarios.json: expected \"changes\": a list of changes"));
    QVERIFY(failure("[{").rfind("scenarios.json: not valid JSON (expected a scenario)", 0) == 0);
}

void TestScenarios::aFileThatIsNoScenarioSaysWhatWasExpected() {
    QTemporaryDir dir;
    const std::string path = write(dir, "s.json", R"({"changes": []})");
    const auto e = thrown<Error>([&] { io::readScenarioFile(path); });
    QVERIFY(e);
    QCOMPARE(std::string(e->what()), path + ": expected a JSON object with a \"name\" (the scenario's name)");
    const auto missing =
        thrown<Error>([&] { io::readScenarioFile(dir.filePath("absent.json").toStdString()); });
    QVERIFY(missing &&
            std::string(missing->what()).find("cannot open the scenario file") != std::string::npos);
}

void TestScenarios::scenariosAreKeptInTheDatasetTable() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("d.gpkg").toStdString();
    model::Dataset ds = testing::smallScenarioDataset();
    ds.scenarios = {everyKind(), {"Vide", "", {}}};
    io::writeDataset(ds, path);
    const model::Dataset back = io::readDataset(path);
    QCOMPARE(back.scenarios.size(), std::size_t{2});
    QVERIFY(back.scenarios[0] == ds.scenarios[0]);
    QVERIFY(back.scenarios[1] == ds.scenarios[1]);
}

void TestScenarios::writeScenariosRewritesOnlyThatTable() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("d.gpkg").toStdString();
    model::Dataset ds = testing::smallScenarioDataset();
    ds.scenarios = {{"Ancien", "", {}}};
    io::writeDataset(ds, path);
    const std::string link = dir.filePath("lien.gpkg").toStdString();
    QVERIFY(QFile::link(QString::fromStdString(path), QString::fromStdString(link)));
    io::writeScenarios(link, {everyKind()}); // through the link: the file it points to
    QVERIFY(QFileInfo(QString::fromStdString(link)).isSymLink());
    const model::Dataset back = io::readDataset(path);
    QCOMPARE(back.scenarios.size(), std::size_t{1});
    QVERIFY(back.scenarios[0] == everyKind());
    QCOMPARE(back.cooperations.size(), std::size_t{1}); // the rest of the file is untouched
    QCOMPARE(back.communes.size(), std::size_t{1});
    io::writeScenarios(path, {});
    QVERIFY(io::readDataset(path).scenarios.empty());
}

void TestScenarios::savingScenariosIntoAMissingFileIsAnError() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("absent.gpkg").toStdString();
    QVERIFY(thrown<Error>([&] { io::writeScenarios(path, {everyKind()}); }));
    QVERIFY(!QFile::exists(QString::fromStdString(path)));
}

void TestScenarios::putScenarioReplacesTheScenarioOfTheSameName() {
    std::vector<model::Scenario> all = {{"A", "", {}}, {"B", "", {}}};
    io::putScenario(all, {"A", "nouvelle version", {}});
    io::putScenario(all, {"C", "", {}});
    QCOMPARE(all.size(), std::size_t{3});
    QCOMPARE(all[0].description, std::string("nouvelle version"));
    QVERIFY(io::findScenario(all, "C"));
    QVERIFY(!io::findScenario(all, "D"));
}

QTEST_APPLESS_MAIN(TestScenarios)
#include "test_scenarios.moc"
