#include "core/analysis/register_counts.h"
#include "core/analysis/scenario.h"

#include "register_testing.h"
#include "testing.h"

using namespace maillage;
using namespace maillage::analysis;
using maillage::testing::thrown;

namespace {

using maillage::testing::hire;
using maillage::testing::lineCommune;

constexpr int kVintage = 2025;

//! BV 01001 (communes 01001, 01002): 400 specialists aged 45, 700 GPs aged 45, 500 GPs aged 61, 10 GPs of
//! unknown age: N = 1,610, pôle share 400 / 1,610 = 24.8 % -> pôle intermédiaire (type 3).
//! BV 02001: 900 GPs aged 45 and 300 aged 65: N = 1,200, N_exPsy >= 1,000 -> pôle secondaire (type 4).
model::Dataset workshop() {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.communes = {lineCommune("01001", "01001", 700000), lineCommune("01002", "01001", 705000),
                   lineCommune("02001", "02001", 760000)};
    ds.rebuildBassins();
    model::ProfessionalRegister reg;
    reg.vintage = kVintage;
    hire(reg, 400, "medecin_specialiste", 1980, "01001");
    hire(reg, 700, "medecin_generaliste", 1980, "01002");
    hire(reg, 500, "medecin_generaliste", 1964, "01001");
    hire(reg, 10, "medecin_generaliste", 0, "01002");
    hire(reg, 900, "medecin_generaliste", 1980, "02001");
    hire(reg, 300, "medecin_generaliste", 1960, "02001");
    ds.counts = countsFromRegister(reg);
    ds.registers.push_back(std::move(reg));
    ds.meta.vintages = {kVintage};
    model::FacilityCount msp;
    msp.commune = "02001";
    msp.kind = "D113";
    msp.vintage = kVintage;
    msp.count = 2;
    ds.facilities.push_back(msp);
    model::Cooperation cht;
    cht.name = "CHT de l'Ain";
    cht.kind = "CHT";
    cht.bassins = {"01001", "02001"};
    ds.cooperations.push_back(cht);
    return ds;
}

model::ScenarioChange change(model::ScenarioChangeKind kind, const std::string& profession,
                             const std::string& place, double count = 0) {
    model::ScenarioChange c;
    c.kind = kind;
    c.profession = profession;
    c.place = place;
    c.count = count;
    return c;
}

model::ScenarioChange retirement(int age, const std::string& place) {
    model::ScenarioChange c = change(model::ScenarioChangeKind::Retire, "", place);
    c.age = age;
    return c;
}

double countOf(const model::Dataset& ds, const std::string& place, const std::string& profession) {
    double n = 0;
    for (const model::CountRecord& r : ds.counts)
        if (r.place == place && r.profession == profession && r.vintage == kVintage)
            n += r.count;
    return n;
}

//! The Error that applying `scenario` to `ds` throws, in English ("" when none).
std::string failure(const model::Dataset& ds, const model::Scenario& scenario) {
    const auto e = thrown<Error>([&] { applyScenario(ds, scenario, 0); });
    return e ? std::string(e->what()) : std::string();
}

} // namespace

class TestScenario : public QObject {
    Q_OBJECT
private slots:
    void retiringEverybodyOverSixtyInOneBassinChangesItsTypeAsComputedByHand();
    void retirementKeepsProfessionalsOfUnknownAgeAndSaysSo();
    void retirementWithoutARegisterOfTheVintageIsRefusedWithAClearMessage();
    void removeOpenAndCloseEditTheCountsOfTheVintage();
    void closingAFacilityTakesOneOff();
    void cooperationsAreAddedAndRemoved();
    void theMaillageAfterTheScenarioGainsAndLosesTheDeclaredLinks();
    void aHubThatChangesIsNoLinkAddedAndEveryBassinHasItsTypeAfter();
    void removingMoreThanThereAreNamesTheChange();
    void unknownCommuneProfessionOrPlaceNamesTheChange();
    void changesAreNamedForAReaderByLabelAndPlaceName();
    void theDatasetGivenIsLeftUnchanged();
    void sentencesSayHowManyBassinsChangeTypeInBothLanguages();
    void tablesListTheChangesAndMaskSmallCounts();
    void accessibilityCrossingsUseTheZonageThresholds();
    void theZonageTableListsOnlyTheCommunesThatCrossAThreshold();
    void noCommuneCrossingOrChangingIsSaidInWords();
};

void TestScenario::retiringEverybodyOverSixtyInOneBassinChangesItsTypeAsComputedByHand() {
    const model::Dataset ds = workshop();
    model::Scenario s{"Départs en retraite", "", {retirement(60, "01001")}};
    const ScenarioComparison c = compareScenario(ds, s, 0);
    // By hand: BV 01001 loses its 500 GPs aged 61 -> N = 1,110, N_exPsy = 1,110 >= 1,000, N < 1,500 ->
    // pôle secondaire. BV 02001 keeps its 300 GPs aged 65 (outside the territory): still type 4.
    QCOMPARE(c.retired, 500);
    QCOMPARE(c.typeChanges.size(), std::size_t{1});
    QCOMPARE(c.typeChanges[0].bv, std::string("01001"));
    QCOMPARE(c.typeChanges[0].before.type, PoleType::Intermediaire);
    QCOMPARE(c.typeChanges[0].after.type, PoleType::Secondaire);
    QCOMPARE(c.typeChanges[0].before.total, 1610.0);
    QCOMPARE(c.typeChanges[0].after.total, 1110.0);
    QCOMPARE(c.totalBefore, 2810.0);
    QCOMPARE(c.totalAfter, 2310.0);
    QCOMPARE(c.polesBefore, 2);
    QCOMPARE(c.polesAfter, 2);
    // Densities per BV: all professions, 1,610 -> 1,110 in BV 01001 only.
    QCOMPARE(c.densityChanges.size(), std::size_t{1});
    QCOMPARE(c.densityChanges[0].before, 1610.0);
    QCOMPARE(c.densityChanges[0].after, 1110.0);
    // Everybody over 60 everywhere: BV 02001 loses 300 and falls to 900 -> hors pôle.
    const ScenarioComparison all = compareScenario(ds, {"Partout", "", {retirement(60, "")}}, 0);
    QCOMPARE(all.retired, 800);
    QCOMPARE(all.typeChanges.size(), std::size_t{2});
    QCOMPARE(all.typeChanges[1].after.type, PoleType::HorsPole);
}

void TestScenario::retirementKeepsProfessionalsOfUnknownAgeAndSaysSo() {
    const model::Dataset ds = workshop();
    const AppliedScenario a = applyScenario(ds, {"s", "", {retirement(60, "01002")}}, 0);
    QCOMPARE(a.retired, 0);
    QCOMPARE(countOf(a.dataset, "01002", "medecin_generaliste"), 710.0);
    QCOMPARE(a.warnings.size(), std::size_t{1});
    QCOMPARE(a.warnings[0].toString(),
             std::string("10 professionals of unknown age kept by change 1 (no birth year in the register)"));
    QVERIFY(a.retiredProfessionals.empty());
}

void TestScenario::retirementWithoutARegisterOfTheVintageIsRefusedWithAClearMessage() {
    model::Dataset ds = workshop();
    ds.registers.clear();
    const std::string what = failure(ds, {"Retraites", "", {retirement(60, "")}});
    QCOMPARE(what,
             std::string("scenario 'Retraites', change 1 (retire the professionals aged 60 or more (every "
                         "profession, everywhere)): retirements need the professionals' ages: the dataset "
                         "has no register of individual professionals for 2025 (registers: ); import one "
                         "with maillage import --register FILE:2025"));
}

void TestScenario::removeOpenAndCloseEditTheCountsOfTheVintage() {
    const model::Dataset ds = workshop();
    model::ScenarioChange msp = change(model::ScenarioChangeKind::Open, "", "02001");
    msp.staff = {{"medecin_generaliste", 3}, {"D232", 2}}; // an alias counts for its profession
    const model::Scenario s{"Atelier",
                            "",
                            {change(model::ScenarioChangeKind::Remove, "medecin_generaliste", "01002", 5),
                             msp, change(model::ScenarioChangeKind::Close, "medecin_specialiste", "01001")}};
    const AppliedScenario a = applyScenario(ds, s, 0);
    QCOMPARE(countOf(a.dataset, "01002", "medecin_generaliste"), 705.0);
    QCOMPARE(countOf(a.dataset, "02001", "medecin_generaliste"), 1203.0);
    QCOMPARE(countOf(a.dataset, "02001", "infirmier"), 2.0);
    QCOMPARE(countOf(a.dataset, "01001", "medecin_specialiste"), 0.0);
    QCOMPARE(a.removed, 405.0);
    QCOMPARE(a.added, 5.0);
    // Closing the specialists leaves BV 01001 with 1,210 professionals, no pôle profession: type 4.
    const ScenarioComparison c = compareScenario(ds, s, 0);
    QCOMPARE(c.typeChanges.size(), std::size_t{1});
    QCOMPARE(c.typeChanges[0].after.type, PoleType::Secondaire);
    QCOMPARE(c.accessProfessions,
             (std::vector<std::string>{"infirmier", "medecin_generaliste", "medecin_specialiste"}));
}

void TestScenario::closingAFacilityTakesOneOff() {
    const model::Dataset ds = workshop();
    model::ScenarioChange close = change(model::ScenarioChangeKind::Close, "", "02001");
    close.facility = "D113";
    const AppliedScenario a = applyScenario(ds, {"s", "", {close, close}}, 0);
    QCOMPARE(a.dataset.facilities[0].count, 0.0);
    const std::string what = failure(ds, {"s", "", {close, close, close}});
    QCOMPARE(what,
             std::string("scenario 's', change 3 (close a facility 'D113' in '02001'): no facility 'D113' "
                         "in '02001' to close"));
}

void TestScenario::cooperationsAreAddedAndRemoved() {
    const model::Dataset ds = workshop();
    model::ScenarioChange add = change(model::ScenarioChangeKind::AddCooperation, "", "");
    add.cooperation = "CPTS du Bugey";
    add.cooperationKind = "CPTS";
    add.members = {"1002", "02001"}; // a code as spreadsheets write it is repaired
    model::ScenarioChange drop = change(model::ScenarioChangeKind::RemoveCooperation, "", "");
    drop.cooperation = "CHT de l'Ain";
    const AppliedScenario a = applyScenario(ds, {"s", "", {add, drop}}, 0);
    QCOMPARE(a.dataset.cooperations.size(), std::size_t{1});
    QCOMPARE(a.dataset.cooperations[0].name, std::string("CPTS du Bugey"));
    QCOMPARE(a.dataset.cooperations[0].bassins, (std::vector<std::string>{"01002", "02001"}));
    QCOMPARE(
        failure(ds, {"s", "", {drop, drop}}),
        std::string("scenario 's', change 2 (remove the cooperation 'CHT de l'Ain'): no cooperation named "
                    "'CHT de l'Ain' in the dataset"));
    QCOMPARE(failure(ds, {"s", "", {add, add}}),
             std::string("scenario 's', change 2 (add the cooperation 'CPTS du Bugey' ('1002', '02001')): a "
                         "cooperation named 'CPTS du Bugey' exists already"));
}

void TestScenario::theMaillageAfterTheScenarioGainsAndLosesTheDeclaredLinks() {
    // By hand: the CHT links 02001 to its hub 01001 (1,610 professionals against 1,200). Removing it loses
    // that link; a CPTS of 01002 (in BV 01001) and 02001 adds one; a MSP network inside BV 01001 alone
    // (01001 and 01002) links nothing.
    const model::Dataset ds = workshop();
    model::ScenarioChange cpts = change(model::ScenarioChangeKind::AddCooperation, "", "");
    cpts.cooperation = "CPTS du Bugey";
    cpts.cooperationKind = "CPTS";
    cpts.members = {"01002", "02001"};
    model::ScenarioChange msp = cpts;
    msp.cooperation = "MSP de l'Ain";
    msp.cooperationKind = "MSP";
    msp.members = {"01001", "01002"};
    model::ScenarioChange drop = change(model::ScenarioChangeKind::RemoveCooperation, "", "");
    drop.cooperation = "CHT de l'Ain";
    const ScenarioComparison c = compareScenario(ds, {"Coopérations", "", {drop, cpts, msp}}, 0);
    QCOMPARE(c.linksRemoved.size(), std::size_t{1});
    QCOMPARE(c.linksRemoved[0].cooperation, std::string("CHT de l'Ain"));
    QCOMPARE(c.linksRemoved[0].from, std::string("02001"));
    QCOMPARE(c.linksRemoved[0].to, std::string("01001"));
    QCOMPARE(c.linksAdded.size(), std::size_t{1});
    QCOMPARE(c.linksAdded[0].cooperation, std::string("CPTS du Bugey"));
    QCOMPARE(c.linksAdded[0].kind, std::string("CPTS"));
    QCOMPARE(c.linksAdded[0].from, std::string("02001"));
    QCOMPARE(c.linksAdded[0].to, std::string("01001"));
    QVERIFY(c.typeChanges.empty()); // cooperations move no professional
    const std::vector<std::string> en = describeComparison(c, SecrecyRule{}, Language::En);
    const std::vector<std::string> fr = describeComparison(c, SecrecyRule{}, Language::Fr);
    QVERIFY(std::find(en.begin(), en.end(),
                      "Declared link added: Commune 02001 – Commune 01001 (CPTS du Bugey).") != en.end());
    QVERIFY(std::find(en.begin(), en.end(),
                      "Declared link removed: Commune 02001 – Commune 01001 (CHT de l'Ain).") != en.end());
    QVERIFY2(std::find(fr.begin(), fr.end(),
                       "Lien déclaré ajouté\u00a0: Commune 02001 – Commune 01001 (CPTS du Bugey).") !=
                 fr.end(),
             "no French sentence of the link added");
    QCOMPARE(en[1], std::string("No bassin de vie changes type.")); // not "0 bassin de vie changes type"
    QCOMPARE(fr[1], std::string("Aucun bassin de vie ne change de type."));
}

void TestScenario::aHubThatChangesIsNoLinkAddedAndEveryBassinHasItsTypeAfter() {
    // Retiring the 500 GPs aged 60+ of 01001 leaves it 1,110 professionals: 02001 (1,200) becomes the
    // CHT's hub. The same two BVs stay linked: nothing added, nothing removed.
    const model::Dataset ds = workshop();
    const ScenarioComparison c = compareScenario(ds, {"Départs", "", {retirement(60, "01001")}}, 0);
    QVERIFY(c.linksAdded.empty());
    QVERIFY(c.linksRemoved.empty());
    QCOMPARE(c.bassinsAfter.size(), ds.bassins.size());
    for (std::size_t i = 0; i < ds.bassins.size(); ++i) {
        QCOMPARE(c.bassinsAfter[i].bv, ds.bassins[i].code);
        QCOMPARE(c.bassinsAfter[i].type, PoleType::Secondaire); // 01001: 1,110 (type 3 before); 02001: 1,200
    }
    QCOMPARE(c.bassinsAfter[0].total, 1110.0);
    QCOMPARE(c.bassinsAfter[1].total, 1200.0);
}

void TestScenario::removingMoreThanThereAreNamesTheChange() {
    const model::Dataset ds = workshop();
    const model::Scenario s{"Départs",
                            "",
                            {change(model::ScenarioChangeKind::Remove, "medecin_generaliste", "01002", 5),
                             change(model::ScenarioChangeKind::Remove, "medecin_generaliste", "01002", 706)}};
    QCOMPARE(failure(ds, s),
             std::string("scenario 'Départs', change 2 (remove 706 'medecin_generaliste' from "
                         "'01002'): cannot remove 706 'medecin_generaliste' from '01002': only "
                         "705 available"));
    const model::Scenario zero{
        "z", "", {change(model::ScenarioChangeKind::Remove, "medecin_generaliste", "01002", 0)}};
    QVERIFY(failure(ds, zero).find("expected a number of professionals above 0, found 0") !=
            std::string::npos);
    const model::Scenario none{"n", "", {change(model::ScenarioChangeKind::Close, "sage_femme", "01002")}};
    QCOMPARE(failure(ds, none),
             std::string("scenario 'n', change 1 (close the site of 'sage_femme' in '01002'): "
                         "no 'sage_femme' in '01002': nothing to close"));
}

void TestScenario::unknownCommuneProfessionOrPlaceNamesTheChange() {
    const model::Dataset ds = workshop();
    QCOMPARE(
        failure(ds,
                {"s", "", {change(model::ScenarioChangeKind::Remove, "medecin_generaliste", "99999", 1)}}),
        std::string("scenario 's', change 1 (remove 1 'medecin_generaliste' from '99999'): '99999' is not a "
                    "commune of the dataset"));
    const std::string profession =
        failure(ds, {"s", "", {change(model::ScenarioChangeKind::Remove, "sorcier", "01001", 1)}});
    QVERIFY2(profession.find("change 1") != std::string::npos &&
                 profession.find("unknown profession 'sorcier'") != std::string::npos,
             profession.c_str());
    QCOMPARE(
        failure(ds, {"s", "", {retirement(60, "03"), retirement(10, "")}}),
        std::string("scenario 's', change 1 (retire the professionals aged 60 or more (every profession, "
                    "'03')): '03' is neither a commune nor a bassin de vie of the dataset"));
    QVERIFY(failure(ds, {"s", "", {retirement(10, "")}}).find("expected an age from 18 to 100, found 10") !=
            std::string::npos);
}

void TestScenario::changesAreNamedForAReaderByLabelAndPlaceName() {
    const model::Dataset ds = workshop();
    const auto both = [&](const model::ScenarioChange& c) {
        return describeChange(ds, c, Language::Fr) + " | " + describeChange(ds, c, Language::En);
    };
    QCOMPARE(
        both(change(model::ScenarioChangeKind::Remove, "medecin_generaliste", "01002", 5)),
        std::string("Médecin généraliste\u00a0: 5 en moins à Commune 01002 (01002) | General practitioner: 5 "
                    "fewer in Commune 01002 (01002)"));
    QCOMPARE(
        both(retirement(60, "01001")),
        std::string("mettre à la retraite les professionnels de 60 ans ou plus (toutes professions, "
                    "Commune 01001 (01001)) | retire the professionals aged 60 or more (every profession, "
                    "Commune 01001 (01001))"));
    model::ScenarioChange msp = change(model::ScenarioChangeKind::Open, "", "02001");
    msp.staff = {{"medecin_generaliste", 3}, {"D232", 2}};
    QCOMPARE(both(msp),
             std::string("ouvrir une maison de santé à Commune 02001 (02001)\u00a0: médecin généraliste × 3, "
                         "infirmier × 2 | open a maison de santé in Commune 02001 (02001): general "
                         "practitioner × 3, nurse × 2"));
    // A code the dataset does not know is said as it is, as in the messages about the stored change.
    QCOMPARE(both(change(model::ScenarioChangeKind::Close, "sorcier", "99999")),
             std::string("fermer le site des «\u00a0sorcier\u00a0» à «\u00a099999\u00a0» | close the site of "
                         "'sorcier' in '99999'"));
}

void TestScenario::theDatasetGivenIsLeftUnchanged() {
    const model::Dataset ds = workshop();
    const std::vector<model::CountRecord> counts = ds.counts;
    const AppliedScenario a = applyScenario(ds, {"s", "", {retirement(60, "")}}, 0);
    QCOMPARE(ds.counts.size(), counts.size());
    QCOMPARE(ds.registers[0].professionals.size(), std::size_t{2810});
    QCOMPARE(a.retiredProfessionals.size(), std::size_t{800});
    QCOMPARE(ds.registers[0].professionals[a.retiredProfessionals[0]].birthYear, 1964);
    QCOMPARE(countOf(ds, "02001", "medecin_generaliste"), 1200.0);
    QCOMPARE(countOf(a.dataset, "02001", "medecin_generaliste"), 900.0);
}

void TestScenario::sentencesSayHowManyBassinsChangeTypeInBothLanguages() {
    const model::Dataset ds = workshop();
    const ScenarioComparison c = compareScenario(ds, {"Retraites", "", {retirement(60, "01001")}}, 0);
    const auto fr = describeComparison(c, SecrecyRule{}, Language::Fr);
    QVERIFY(fr.size() >= 4);
    QCOMPARE(fr[1], std::string("1 bassin de vie change de type."));
    QVERIFY2(fr[2].rfind("Commune 01001 (01001)\u00a0: Pôle intermédiaire → Pôle secondaire.", 0) == 0,
             fr[2].c_str());
    const auto en = describeComparison(c, SecrecyRule{}, Language::En);
    QCOMPARE(en[0],
             std::string("Scenario 'Retraites': 2,810 professionals before, 2,310 after (500 removed, of "
                         "whom 500 retired; 0 added)."));
    // The retired are part of the removed, never counted as a second loss.
    QCOMPARE(fr[0], std::string("Scénario «\u00a0Retraites\u00a0»\u00a0: 2\u00a0810 professionnels avant, "
                                "2\u00a0310 après (500 en moins, dont 500 à la retraite\u00a0; 0 en plus)."));
    QCOMPARE(en[1], std::string("1 bassin de vie changes type."));
    // A profession's accessibility is named by its label, not its code.
    const ScenarioComparison gp =
        compareScenario(ds,
                        {"Moins de généralistes",
                         "",
                         {change(model::ScenarioChangeKind::Remove, "medecin_generaliste", "01001", 5)}},
                        0);
    const auto gpFr = describeComparison(gp, SecrecyRule{}, Language::Fr);
    QVERIFY(std::any_of(gpFr.begin(), gpFr.end(), [](const std::string& line) {
        return line.find("(médecin généraliste)") != std::string::npos;
    }));
    for (const std::string& line : gpFr)
        QVERIFY2(line.find("medecin_generaliste") == std::string::npos, line.c_str());
}

void TestScenario::tablesListTheChangesAndMaskSmallCounts() {
    const model::Dataset ds = workshop();
    const model::Scenario s{
        "s", "", {change(model::ScenarioChangeKind::Remove, "medecin_specialiste", "01001", 397)}};
    const ScenarioComparison c = compareScenario(ds, s, 0);
    const auto tables = scenarioTables(ds, c, SecrecyRule{}, Language::En);
    QCOMPARE(tables.size(), std::size_t{4});
    QCOMPARE(tables[0].name, std::string("scenario_types"));
    QCOMPARE(tables[0].rows.size(), std::size_t{1}); // 1,213 professionals, 3 of pôle: type 4
    const io::ResultTable& d = tables[1];
    QCOMPARE(d.name, std::string("scenario_densities"));
    // All professions (1,610 -> 1,213) and the specialists (400 -> 3: masked with its density).
    QCOMPARE(d.rows.size(), std::size_t{2});
    QCOMPARE(d.rows[0].cells[4].number, 1610.0);
    QVERIFY(d.rows[1].cells[5].masked && d.rows[1].cells[4].masked && d.rows[1].cells[7].masked);
    const auto off = scenarioTables(ds, c, SecrecyRule::off(), Language::En);
    QCOMPARE(off[1].rows[1].cells[5].number, 3.0);
}

void TestScenario::accessibilityCrossingsUseTheZonageThresholds() {
    const model::Dataset ds = workshop();
    const model::Scenario s{
        "s", "", {change(model::ScenarioChangeKind::Remove, "medecin_generaliste", "02001", 600)}};
    ScenarioOptions options;
    const ScenarioComparison plain = compareScenario(ds, s, 0, options);
    QVERIFY(!plain.accessChanges.empty());
    QCOMPARE(plain.zonageCrossings, 0);
    // 02001 alone within 20 minutes: 1,200 GPs for 20,000 inhabitants -> 6,000 per 100,000; 600 -> 3,000.
    const auto it = std::find_if(plain.accessChanges.begin(), plain.accessChanges.end(),
                                 [](const ScenarioAccessChange& a) { return a.commune == "02001"; });
    QVERIFY(it != plain.accessChanges.end());
    QCOMPARE(it->before, 6000.0);
    QCOMPARE(it->after, 3000.0);
    options.zonageThresholds = {4000};
    const ScenarioComparison zoned = compareScenario(ds, s, 0, options);
    QCOMPARE(zoned.zonageCrossings, 1);
    QCOMPARE(it->classBefore, 0);
    const auto z = std::find_if(zoned.accessChanges.begin(), zoned.accessChanges.end(),
                                [](const ScenarioAccessChange& a) { return a.commune == "02001"; });
    QCOMPARE(z->classBefore, 1);
    QCOMPARE(z->classAfter, 0);
}

void TestScenario::theZonageTableListsOnlyTheCommunesThatCrossAThreshold() {
    const model::Dataset ds = workshop();
    const model::Scenario s{
        "s", "", {change(model::ScenarioChangeKind::Remove, "medecin_generaliste", "02001", 600)}};
    // Without thresholds: no zonage table.
    const ScenarioComparison plain = compareScenario(ds, s, 0);
    for (const io::ResultTable& t : scenarioTables(ds, plain, SecrecyRule{}, Language::En))
        QVERIFY(t.name != "scenario_zonage");
    // At 2,000, 02001's accessibility changes (6,000 -> 3,000) without crossing: listed in the full table
    // only.
    ScenarioOptions options;
    options.zonageThresholds = {2000};
    const ScenarioComparison above = compareScenario(ds, s, 0, options);
    const auto same = scenarioTables(ds, above, SecrecyRule{}, Language::En);
    QCOMPARE(same[1].name, std::string("scenario_zonage"));
    QCOMPARE(same[1].rows.size(), std::size_t{0});
    QCOMPARE(same[3].rows.size(), std::size_t{1});
    // At 4,000 it crosses (class 1 -> 0).
    options.zonageThresholds = {4000};
    const ScenarioComparison zoned = compareScenario(ds, s, 0, options);
    const auto tables = scenarioTables(ds, zoned, SecrecyRule{}, Language::Fr);
    QCOMPARE(tables.size(), std::size_t{5});
    QCOMPARE(tables[0].name, std::string("scenario_types"));
    const io::ResultTable& z = tables[1];
    QCOMPARE(z.name, std::string("scenario_zonage"));
    QCOMPARE(z.rows.size(), std::size_t{1});
    QCOMPARE(z.rows[0].cells[0].text, std::string("02001"));
    QCOMPARE(z.rows[0].cells[3].number, 6000.0);
    QCOMPARE(z.rows[0].cells[4].number, 3000.0);
    QCOMPARE(z.rows[0].cells[5].number, 1.0);
    QCOMPARE(z.rows[0].cells[6].number, 0.0);
    QVERIFY2(z.titleFr.find("franchissent un seuil du zonage") != std::string::npos, z.titleFr.c_str());
    // The full accessibility table still lists every commune whose accessibility changes.
    QCOMPARE(tables[3].name, std::string("scenario_access"));
    QCOMPARE(tables[3].rows.size(), zoned.accessChanges.size());
}

void TestScenario::noCommuneCrossingOrChangingIsSaidInWords() {
    ScenarioComparison c;
    c.scenario = "Atelier";
    c.accessProfessions = {"medecin_generaliste"};
    c.professionLabels["medecin_generaliste"] = {"Médecin généraliste", "General practitioner"};
    c.hasZonage = true;
    const auto sentence = [&](Language language) {
        return describeComparison(c, SecrecyRule{}, language)[2];
    };
    QCOMPARE(sentence(Language::Fr),
             std::string("Aucune commune ne franchit de seuil du zonage (médecin généraliste)."));
    QCOMPARE(sentence(Language::En),
             std::string("No commune crosses a zonage threshold (general practitioner)."));
    c.zonageCrossings = 2;
    QCOMPARE(sentence(Language::Fr),
             std::string("2 communes franchissent un seuil du zonage (médecin généraliste)."));
    c.hasZonage = false;
    QCOMPARE(sentence(Language::Fr),
             std::string("L'accessibilité ne change dans aucune commune (médecin généraliste)."));
    c.accessChanges.resize(1);
    QCOMPARE(sentence(Language::En),
             std::string("1 commune sees its accessibility change (general practitioner)."));
}

QTEST_APPLESS_MAIN(TestScenario)
#include "test_scenario.moc"
