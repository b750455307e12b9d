// Inputs of the Maillage panel: travel-time matrices, observed flows, declared cooperations; read, joined
// to the dataset's communes, added to a dataset. Small hand-made fixtures, then the real files of
// ../shared/data (skipped when absent).
#include "inputs_testing.h"
#include "testing.h"

#include "core/io/cog_history.h"
#include "core/io/cooperations.h"
#include "core/io/flows.h"
#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "core/io/table.h"
#include "core/io/territory_names.h"
#include "core/io/travel_times.h"
#include "core/model/text.h"

#include <QFile>
#include <QObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

using namespace maillage;
using testing::findWarning;

namespace {

model::Commune commune(const std::string& code, const std::string& name, const std::string& bv) {
    model::Commune c;
    c.code = code;
    c.name = name;
    c.bv = bv;
    c.dep = code.substr(0, 2);
    c.population = 1000;
    return c;
}

//! Valenciennois, Paris, and two communes called Beaumont.
model::Dataset valenciennois() {
    model::Dataset ds;
    ds.communes = {commune("59172", "Denain", "59172"),
                   commune("59481", "Le Quesnoy", "59481"),
                   commune("59526", "Saint-Amand-les-Eaux", "59526"),
                   commune("59606", "Valenciennes", "59606"),
                   commune("59607", "Valenciennes-Ouest", "59606"),
                   commune("62108", "Beaumont", "62108"),
                   commune("63032", "Beaumont", "63032"),
                   commune("75056", "Paris", "75056")};
    ds.rebuildBassins();
    ds.reindex();
    return ds;
}

double timeOf(const std::vector<model::TravelTime>& times, const std::string& o, const std::string& d) {
    for (const auto& t : times)
        if (t.origin == o && t.destination == d)
            return t.minutes;
    return -1;
}

double volumeOf(const std::vector<model::Flow>& flows, const std::string& o, const std::string& d) {
    for (const auto& f : flows)
        if (f.origin == o && f.destination == d)
            return f.volume;
    return -1;
}

//! The communes table of tests/data/inputs/area_communes.csv restricted to a région or départements.
model::Dataset importArea(const std::string& region, const std::string& departements, io::AreaMode mode,
                          io::ImportReport& report) {
    io::ImportOptions o;
    o.communesPath = testing::dataPath("inputs/area_communes.csv");
    o.regionFilter = region;
    o.departementFilter = departements;
    o.areaMode = mode;
    return io::importDataset(o, report);
}

//! Counts of COG 2015 imported on communes of COG 2017, with the passage tables of tests/data/inputs.
model::Dataset importCog2015Counts(bool carry, io::ImportReport& report) {
    io::ImportOptions o;
    o.communesPath = testing::dataPath("inputs/cog_communes_2017.csv");
    o.cogYear = 2017;
    o.carryCog = carry;
    o.cogHistoryPath = testing::dataPath("inputs/cog_passage.csv");
    io::ProfessionalsSource src;
    src.path = testing::dataPath("inputs/cog_counts_2015.csv");
    src.vintage = 2015;
    o.professionals.push_back(src);
    return io::importDataset(o, report);
}

std::vector<std::string> lines(const Warning& w) {
    return w.details;
}

} // namespace

class TestInputs : public QObject {
    Q_OBJECT

private slots:
    // --- Travel times ---------------------------------------------------------------------------
    void travelTimesInSecondsAreReadAsMinutes() {
        const io::Table t = io::readTable(testing::dataPath("inputs/times_seconds.csv"));
        const io::TravelTimesRead r = io::readTravelTimes(t);
        QVERIFY(r.fromSeconds);
        QCOMPARE(timeOf(r.times, "59172", "59606"), 16.0);
        QCOMPARE(timeOf(r.times, "59606", "59172"), 17.0); // not symmetric, first row of the pair kept
        QCOMPARE(timeOf(r.times, "2A004", "59172"), 10.0); // code repaired
    }

    void badTimesAreLeftOutWithTheirLines() {
        const io::Table t = io::readTable(testing::dataPath("inputs/times_seconds.csv"));
        const io::TravelTimesRead r = io::readTravelTimes(t);
        QCOMPARE(r.times.size(), std::size_t(4));
        const Warning* empty = findWarning(r.warnings, "inputs.times_empty");
        const Warning* negative = findWarning(r.warnings, "inputs.times_negative");
        const Warning* tooLong = findWarning(r.warnings, "inputs.times_too_long");
        const Warning* notNumber = findWarning(r.warnings, "inputs.times_not_number");
        const Warning* repeated = findWarning(r.warnings, "inputs.times_repeated");
        QVERIFY(empty && negative && tooLong && notNumber && repeated);
        QCOMPARE(lines(*empty), std::vector<std::string>{"6"});
        QCOMPARE(lines(*negative), std::vector<std::string>{"7"});
        QCOMPARE(lines(*tooLong), std::vector<std::string>{"8"});
        QCOMPARE(lines(*notNumber), std::vector<std::string>{"9"});
        QCOMPARE(lines(*repeated), std::vector<std::string>{"10"});
        QVERIFY(tooLong->toString().find("above 24 h") != std::string::npos);
        QVERIFY(tooLong->toString().find("times_seconds.csv") != std::string::npos);
    }

    void aMatrixReadByBlocksGivesWhatTheTableGives() {
        const std::string path = testing::dataPath("inputs/times_seconds.csv");
        const io::TravelTimesRead whole = io::readTravelTimes(io::readTable(path));
        for (std::size_t block : {16, 40, 100, 4096}) {
            const io::TravelTimesRead r = io::readTravelTimesFile(path, {}, {}, nullptr, block);
            QCOMPARE(r.times.size(), whole.times.size());
            for (std::size_t i = 0; i < r.times.size(); ++i) {
                QCOMPARE(r.times[i].origin, whole.times[i].origin);
                QCOMPARE(r.times[i].minutes, whole.times[i].minutes);
            }
            QCOMPARE(r.warnings.size(), whole.warnings.size());
            for (std::size_t i = 0; i < r.warnings.size(); ++i)
                QCOMPARE(r.warnings[i].details, whole.warnings[i].details); // the same line numbers
        }
    }

    void anErrorInALaterBlockNamesItsLineInTheFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("m.csv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("origin;destination;minutes\n");
        for (int i = 0; i < 50; ++i)
            f.write("59172;59606;3\n");
        f.write("59x72;59606;4\n");
        f.close();
        try {
            io::readTravelTimesFile(path.toStdString(), {}, {}, nullptr, 64);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.where().line, 52L);
        }
    }

    void aMalformedCodeIsAnErrorNamingItsLine() {
        const io::Table t =
            io::parseCsvText("origin,destination,minutes\n59172,59606,3\n59x72,59606,4\n", "m.csv");
        try {
            io::readTravelTimes(t);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Value);
            QCOMPARE(e.where().line, 3L);
            QVERIFY(std::string(e.what()).find("expected a commune code") != std::string::npos);
        }
    }

    void aTableWithoutTimeColumnIsAFormatError() {
        const io::Table t = io::parseCsvText("origin,destination,km\n59172,59606,3\n", "m.csv");
        try {
            io::readTravelTimes(t);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Format);
        }
    }

    void minutesArePreferredToSeconds() {
        const io::Table t =
            io::parseCsvText("codgeo_orig,codgeo_dest,duree_s,duree_min\n59172,59606,547,9.12\n", "m.csv");
        const auto r = io::readTravelTimes(t);
        QVERIFY(!r.fromSeconds);
        QCOMPARE(r.times.front().minutes, 9.12);
    }

    void theJoinReportsUnknownCodesAndMissingPairs() {
        const model::Dataset ds = valenciennois();
        const io::Table t = io::readTable(testing::dataPath("inputs/times_seconds.csv"));
        io::TravelTimesRead r = io::readTravelTimes(t);
        const io::TravelTimesJoin j = io::joinTravelTimes(r, ds.communes, "times_seconds.csv");
        QVERIFY(j.join.ok()); // 2A004 is outside the territory: counted, not listed
        QCOMPARE(j.unmatchedPairs, std::size_t(1));
        const Warning* outside = findWarning(r.warnings, "inputs.codes_outside_territory");
        QVERIFY(outside);
        QCOMPARE(outside->details, std::vector<std::string>{"2A"});
        QCOMPARE(r.times.size(), std::size_t(3));
        QCOMPARE(j.pairsExpected, 8LL * 7);
        QCOMPARE(j.pairsCovered, 3LL);
        const Warning* incomplete = findWarning(r.warnings, "inputs.times_incomplete");
        QVERIFY(incomplete);
        QVERIFY(incomplete->sentence(Language::En).find("53 of the 56 pairs") != std::string::npos);
    }

    void codesOfTheTerritoryAbsentFromTheDatasetAreListed() {
        const model::Dataset ds = valenciennois();
        io::TravelTimesRead r = io::readTravelTimes(
            io::parseCsvText("origin,destination,minutes\n59172,59999,3\n59172,59606,4\n", "m.csv"));
        const io::TravelTimesJoin j = io::joinTravelTimes(r, ds.communes, "m.csv");
        QCOMPARE(j.join.unmatched, std::vector<std::string>{"59999"});
        const Warning* w = findWarning(r.warnings, "inputs.times_unknown_codes");
        QVERIFY(w);
        QVERIFY(w->toString().find("1 commune code is absent from the dataset") != std::string::npos);
        QVERIFY(!findWarning(r.warnings, "inputs.codes_outside_territory"));
    }

    // --- Flows ----------------------------------------------------------------------------------
    void mobproFlowsAreReadWithDecimalsAndArrondissementsFolded() {
        const io::Table t = io::readTable(testing::dataPath("inputs/flows_mobpro.csv"));
        const io::FlowsRead r = io::readFlows(t);
        QCOMPARE(volumeOf(r.flows, "59172", "59606"), 155.704851165619);
        QCOMPARE(volumeOf(r.flows, "59526", "75056"), 10.0); // two arrondissements summed
        QCOMPARE(volumeOf(r.flows, "59481", "59606"), 13.0); // the same pair twice, summed
        QVERIFY(findWarning(r.warnings, "inputs.flows_summed"));
        const Warning* negative = findWarning(r.warnings, "inputs.flows_negative");
        QVERIFY(negative);
        QCOMPARE(lines(*negative), std::vector<std::string>{"6"});
        QVERIFY(std::abs(r.total - (155.704851165619 + 300.5 + 40 + 12.25 + 7 + 3 + 0.75)) < 1e-9);
    }

    void flowsAreSummedPerBassinWithIntraBassinApart() {
        model::Dataset ds = valenciennois();
        const io::Table t = io::parseCsvText("origin;destination;volume\n59172;59606;10\n59607;59606;4\n"
                                             "59606;59606;6\n59481;59526;1\n59481;59999;2\n",
                                             "f.csv");
        io::FlowsRead r = io::readFlows(t);
        const io::FlowsJoin j = io::joinFlows(r, ds, "f.csv");
        QCOMPARE(j.intraCommune, 6.0);
        QCOMPARE(j.intraBassin, 10.0); // 59607 -> 59606 and 59606 -> 59606, both in BV 59606
        QCOMPARE(j.betweenBassins, 11.0);
        QCOMPARE(j.unmatchedVolume, 2.0);
        QCOMPARE(j.bassinPairs, std::size_t(2));
        QCOMPARE(j.join.unmatched, std::vector<std::string>{"59999"}); // of a département of the dataset
        QCOMPARE(j.intraBassin + j.betweenBassins + j.unmatchedVolume, r.total);
        QVERIFY(findWarning(r.warnings, "inputs.flows_unknown_codes"));
    }

    void flowKindsAreParsedFromTheCommandLine() {
        io::FlowsSource s = io::parseFlowsArgument("/data/mobpro.csv:domicile-travail");
        QCOMPARE(s.path, std::string("/data/mobpro.csv"));
        QCOMPARE(s.kind, io::FlowKind::Commuting);
        s = io::parseFlowsArgument("C:/data/patients.csv");
        QCOMPARE(s.path, std::string("C:/data/patients.csv"));
        QCOMPARE(s.kind, io::FlowKind::Other);
        QCOMPARE(io::parseFlowsArgument("p.csv:patients").kind, io::FlowKind::Patients);
    }

    // --- Cooperations ---------------------------------------------------------------------------
    void theSeedCooperationIsEnteredByNames() {
        const model::Dataset ds = valenciennois();
        const io::Table t = io::readTable(testing::dataPath("inputs/cooperations.csv"));
        const auto declared = io::readCooperations(t);
        QCOMPARE(declared.size(), std::size_t(3));
        QCOMPARE(declared[0].kind, std::string("CHT"));
        QCOMPARE(declared[0].startYear, 2012);
        QCOMPARE(declared[0].source, std::string("ARS Hauts-de-France"));
        QCOMPARE(declared[2].kind, std::string("MSP"));
        Warnings w;
        const auto coops = io::resolveCooperations(declared, ds.communes, "cooperations.csv", w);
        QCOMPARE(coops[0].name, std::string("CHT du Valenciennois"));
        // The declared seat first.
        QCOMPARE(coops[0].bassins, (std::vector<std::string>{"59606", "59172", "59481", "59526"}));
        QCOMPARE(coops[2].bassins, std::vector<std::string>{"62108"}); // "Beaumont (62)"
    }

    void anAmbiguousMemberIsReportedWithItsCandidates() {
        const model::Dataset ds = valenciennois();
        const io::Table t = io::readTable(testing::dataPath("inputs/cooperations.csv"));
        Warnings w;
        const auto coops =
            io::resolveCooperations(io::readCooperations(t), ds.communes, "cooperations.csv", w);
        QCOMPARE(coops[1].bassins, std::vector<std::string>{"59481"}); // code and establishment: one commune
        const Warning* ambiguous = findWarning(w, "inputs.coop_member_ambiguous");
        QVERIFY(ambiguous);
        QCOMPARE(ambiguous->where.line, 3L);
        QCOMPARE(ambiguous->details,
                 (std::vector<std::string>{"62108 Beaumont (62)", "63032 Beaumont (63)"}));
        QVERIFY(ambiguous->toString().find("CPTS du Quesnoy") != std::string::npos);
    }

    void aMemberThatDoesNotExistIsReported() {
        const model::Dataset ds = valenciennois();
        const io::Table t = io::parseCsvText("name;members\nGHT Hainaut;Valenciennes, Atlantis\n", "c.csv");
        Warnings w;
        const auto coops = io::resolveCooperations(io::readCooperations(t), ds.communes, "c.csv", w);
        QCOMPARE(coops.front().bassins, std::vector<std::string>{"59606"});
        QCOMPARE(coops.front().kind, std::string("other"));
        const Warning* unknown = findWarning(w, "inputs.coop_member_unknown");
        QVERIFY(unknown);
        QVERIFY(unknown->toString().find("'Atlantis'") != std::string::npos);
        QVERIFY(unknown->describe(Language::Fr).find("Atlantis") != std::string::npos);
    }

    void rowsOfOneCooperationAreMerged() {
        const io::Table t = io::parseCsvText(
            "name,kind,member\nGCS A,GCS,59172\nGCS A,GCS,59606\nGHT B,ght,59481\n", "c.csv");
        const auto d = io::readCooperations(t);
        QCOMPARE(d.size(), std::size_t(2));
        QCOMPARE(d[0].members, (std::vector<std::string>{"59172", "59606"}));
        QCOMPARE(d[1].kind, std::string("GHT"));
    }

    void aCooperationWithoutMembersIsAnError() {
        const io::Table t = io::parseCsvText("name,kind,members\nGCS A,GCS,59172\nGCS B,GCS,\n", "c.csv");
        try {
            io::readCooperations(t);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.where().line, 3L);
            QVERIFY(std::string(e.what()).find("'GCS B' has no member") != std::string::npos);
        }
    }

    void aResolvedCooperationKeepsItsSeatYearSourceAndEstablishments() {
        const model::Dataset ds = valenciennois();
        const io::Table t = io::readTable(testing::dataPath("inputs/cooperations.csv"));
        Warnings w;
        const auto coops =
            io::resolveCooperations(io::readCooperations(t), ds.communes, "cooperations.csv", w);
        QCOMPARE(coops[0].seat, std::string("59606"));
        QCOMPARE(coops[0].startYear, 2012);
        QCOMPARE(coops[0].source, std::string("ARS Hauts-de-France"));
        QVERIFY(coops[0].establishments.empty());
        QCOMPARE(coops[1].seat, std::string());
        QCOMPARE(coops[1].establishments, std::vector<std::string>{"CH du Quesnoy (59481)"});
        QCOMPARE(coops[2].startYear, 2019);
    }

    // --- Cooperations edited (the GUI's editor) --------------------------------------------------
    void theSeedCooperationIsEnteredInTheEditor() {
        model::Dataset ds = valenciennois();
        io::DeclaredCooperation d;
        d.name = "CHT du Valenciennois";
        d.kind = "cht";
        d.members = {"Denain", "Le Quesnoy", "Saint-Amand-les-Eaux", "Valenciennes"};
        d.seat = "Valenciennes";
        d.startYear = 2012;
        io::addCooperation(ds, io::makeCooperation(d, ds.communes));
        QCOMPARE(ds.cooperations.size(), std::size_t(1));
        const model::Cooperation& c = ds.cooperations.front();
        QCOMPARE(c.kind, std::string("CHT"));
        QCOMPARE(c.seat, std::string("59606"));
        QCOMPARE(c.bassins, (std::vector<std::string>{"59606", "59172", "59481", "59526"}));
        QVERIFY(std::find(io::cooperationKinds().begin(), io::cooperationKinds().end(), c.kind) !=
                io::cooperationKinds().end());
    }

    void theEditorRefusesAMemberThatIsNoCommune() {
        const model::Dataset ds = valenciennois();
        io::DeclaredCooperation d;
        d.name = "GHT Hainaut";
        d.members = {"Valenciennes", "Atlantis"};
        const auto e = testing::thrown<Error>([&] { io::makeCooperation(d, ds.communes); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Value);
        QVERIFY(std::string(e->what()).find("member 'Atlantis' is no commune") != std::string::npos);
        d.members = {"Beaumont"};
        const auto ambiguous = testing::thrown<Error>([&] { io::makeCooperation(d, ds.communes); });
        QVERIFY(ambiguous);
        QVERIFY(std::string(ambiguous->what()).find("62108 Beaumont (62)") != std::string::npos);
    }

    void editingRefusesDuplicateAndMissingNames() {
        model::Dataset ds = valenciennois();
        ds.cooperations = {{"GCS A", "GCS", {"59172"}}, {"GCS B", "GCS", {"59606"}}};
        QVERIFY(testing::thrown<Error>([&] { io::addCooperation(ds, {"GCS A", "GCS", {"59481"}}); }));
        QVERIFY(testing::thrown<Error>([&] { io::replaceCooperation(ds, "GCS A", {"GCS B", "GCS", {}}); }));
        QVERIFY(testing::thrown<Error>([&] { io::removeCooperation(ds, "GCS Z"); }));
        QCOMPARE(ds.cooperations.size(), std::size_t(2));
        io::replaceCooperation(ds, "GCS A", {"GCS A2", "GCS", {"59481"}});
        QCOMPARE(ds.cooperations[0].name, std::string("GCS A2"));
    }

    void cooperationsAreSavedAloneReopenedAndUndone() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("d.gpkg").toStdString();
        model::Dataset ds = valenciennois();
        ds.flows = {{"59172", "59606", 12}};
        io::writeDataset(ds, path);
        model::Cooperation c{"CHT du Valenciennois", "CHT", {"59606", "59172"}};
        c.seat = "59606";
        c.startYear = 2012;
        c.source = "ARS, 2016";
        c.establishments = {"CH de Denain, site 2 (59172)"};
        io::addCooperation(ds, c);
        io::writeCooperations(path, ds.cooperations);
        model::Dataset back = io::readDataset(path);
        QCOMPARE(back.cooperations.size(), std::size_t(1));
        const model::Cooperation& r = back.cooperations.front();
        QCOMPARE(r.bassins, c.bassins);
        QCOMPARE(r.seat, c.seat);
        QCOMPARE(r.startYear, 2012);
        QCOMPARE(r.source, c.source);
        QCOMPARE(r.establishments, c.establishments);
        QCOMPARE(back.flows.size(), std::size_t(1)); // the rest of the file is untouched
        const model::Cooperation removed = io::removeCooperation(back, "CHT du Valenciennois");
        io::writeCooperations(path, back.cooperations);
        QVERIFY(io::readDataset(path).cooperations.empty());
        io::addCooperation(back, removed); // undo
        io::writeCooperations(path, back.cooperations);
        QCOMPARE(io::readDataset(path).cooperations.front().source, c.source);
    }

    void savingCooperationsIntoAMissingFileIsAnError() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("absent.gpkg").toStdString();
        QVERIFY(testing::thrown<Error>([&] { io::writeCooperations(path, {}); }));
        QVERIFY(!QFile::exists(QString::fromStdString(path)));
    }

    // --- Adding to a dataset ------------------------------------------------------------------
    void addToDatasetReplacesTimesAndFlowsAndAddsCooperations() {
        model::Dataset ds = valenciennois();
        ds.travelTimes = {{"59172", "59606", 99}};
        ds.cooperations = {{"CHT du Valenciennois", "CHT", {"59172"}}, {"GCS X", "GCS", {"59606"}}};
        io::AddOptions o;
        o.links.travelTimes.path = testing::dataPath("inputs/times_seconds.csv");
        o.links.flows =
            io::parseFlowsArgument(testing::dataPath("inputs/flows_mobpro.csv") + ":domicile-travail");
        o.links.cooperations.path = testing::dataPath("inputs/cooperations.csv");
        io::ImportReport report;
        io::addToDataset(ds, o, report);
        QCOMPARE(timeOf(ds.travelTimes, "59172", "59606"), 16.0);
        QCOMPARE(ds.travelTimes.size(), std::size_t(3));
        QCOMPARE(ds.meta.extra["flows.kind"], std::string("domicile-travail"));
        QCOMPARE(volumeOf(ds.flows, "59526", "75056"), 10.0);
        QCOMPARE(ds.cooperations.size(), std::size_t(4)); // one replaced, two added
        QCOMPARE(ds.cooperations[0].bassins.size(), std::size_t(4));
        QCOMPARE(report.cooperations, std::size_t(3));
        QCOMPARE(report.travelTimes.unmatchedPairs, std::size_t(1)); // 2A004, outside the territory
    }

    void aFailedAddLeavesTheDatasetUnchanged() {
        model::Dataset ds = valenciennois();
        ds.travelTimes = {{"59172", "59606", 99}};
        io::AddOptions o;
        o.links.travelTimes.path = testing::dataPath("inputs/times_seconds.csv");
        o.links.cooperations.path = testing::dataPath("inputs/absent.csv");
        io::ImportReport report;
        QVERIFY_EXCEPTION_THROWN(io::addToDataset(ds, o, report), Error);
        QCOMPARE(ds.travelTimes.size(), std::size_t(1));
    }

    void importDatasetReadsTheLinkInputs() {
        io::ImportOptions o;
        o.communesPath = testing::dataPath("geo/import_communes.geojson");
        o.bassinsPath = testing::dataPath("geo/import_bv.csv");
        o.populationPath = testing::dataPath("geo/import_population.csv");
        o.links.travelTimes.path = testing::dataPath("inputs/times_small_territory.csv");
        io::ImportReport report;
        const model::Dataset ds = io::importDataset(o, report);
        QCOMPARE(ds.travelTimes.size(), std::size_t(3));
        QCOMPARE(timeOf(ds.travelTimes, "01001", "01002"), 7.5);
        QVERIFY(report.travelTimes.pairsExpected > 0);
        QVERIFY(findWarning(report.warnings, "inputs.times_incomplete"));
    }

    // --- Territory names ----------------------------------------------------------------------
    void theShippedTablesNameEveryRegionAndDepartement() {
        const io::TerritoryNames n = io::builtinTerritoryNames();
        QCOMPARE(n.regions.size(), std::size_t(18));
        QCOMPARE(n.departements.size(), std::size_t(101));
        QCOMPARE(n.regions.at("32"), std::string("Hauts-de-France"));
        QCOMPARE(n.departements.at("2A"), std::string("Corse-du-Sud"));
        QCOMPARE(n.regionOfDepartement.at("59"), std::string("32"));
        for (const auto& [dep, reg] : n.regionOfDepartement)
            QVERIFY2(n.regions.count(reg), dep.c_str());
    }

    void departementsKnowTheirFormerRegion() {
        const io::TerritoryNames n = io::builtinTerritoryNames();
        QCOMPARE(n.formerRegionOfDepartement.size(), std::size_t(101));
        QCOMPARE(n.formerRegionOfDepartement.at("62").name, std::string("Nord-Pas-de-Calais"));
        QCOMPARE(n.formerRegionOfDepartement.at("80").code, std::string("22"));
        QCOMPARE(n.formerRegionOfDepartement.at("80").region, std::string("32"));
        std::set<std::string> metropolitan;
        for (const auto& [dep, former] : n.formerRegionOfDepartement)
            if (dep.size() == 2)
                metropolitan.insert(former.code);
        QCOMPARE(metropolitan.size(), std::size_t(22)); // the 22 old régions the ORS study compares
    }

    void namesGivenByTheUserAreKept() {
        model::Dataset ds = valenciennois();
        for (auto& c : ds.communes)
            c.reg = c.dep == "59" || c.dep == "62" ? "32" : c.dep == "75" ? "11" : "84";
        ds.departementNames["59"] = "Nord (mon nom)";
        io::nameTerritories(ds, io::builtinTerritoryNames());
        QCOMPARE(ds.departementNames["59"], std::string("Nord (mon nom)"));
        QCOMPARE(ds.departementNames["63"], std::string("Puy-de-Dôme"));
        QCOMPARE(ds.regionNames["32"], std::string("Hauts-de-France"));
        QCOMPARE(ds.regionNames.size(), std::size_t(3));
    }

    void aBrokenTableIsAnErrorNamingItsLine() {
        try {
            io::parseTerritoryNames("code;name\n32;Hauts-de-France\n44;\n", "code;name;region\n59;Nord;32\n",
                                    "departement;ancienne_region;nom;region\n", "mine");
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.where().file, std::string("mine/regions.csv"));
            QCOMPARE(e.where().line, 3L);
        }
    }

    void importNamesTheTerritories() {
        io::ImportOptions o;
        o.communesPath = testing::dataPath("geo/import_communes.geojson");
        o.bassinsPath = testing::dataPath("geo/import_bv.csv");
        io::ImportReport report;
        const model::Dataset ds = io::importDataset(o, report);
        QCOMPARE(ds.regionNames.at("84"), std::string("Auvergne-Rhône-Alpes"));
        QCOMPARE(ds.departementNames.at("01"), std::string("Ain"));
        QCOMPARE(ds.departementNames.at("59"), std::string("Nord"));
    }

    void epciMembershipIsShippedPerCogYear() {
        const std::string folder = testing::dataPath("../../resources/territories");
        const io::EpciMembership e2018 = io::readEpciMembership(folder, 2018);
        QCOMPARE(e2018.epciOfCommune.size(), std::size_t(35357));
        QCOMPARE(e2018.epciOfCommune.at("59350"), std::string("245900410"));
        QCOMPARE(e2018.names.at("245900410"), std::string("Métropole Européenne de Lille"));
        const io::EpciMembership e2024 = io::readEpciMembership(folder, 2024);
        QCOMPARE(e2024.epciOfCommune.size(), std::size_t(34935));
        QCOMPARE(e2024.epciOfCommune.at("59350"), std::string("200093201")); // same perimeter, new code
        QVERIFY_EXCEPTION_THROWN(io::readEpciMembership(folder, 2019), Error);
    }

    // --- Area of a regional import -----------------------------------------------------------
    void aRegionalImportKeepsWholeBassins() {
        io::ImportReport report;
        const model::Dataset ds = importArea("32", "", io::AreaMode::WholeBassins, report);
        QCOMPARE(ds.communes.size(), std::size_t(8)); // Reims's bassin does not touch the région
        QVERIFY(!ds.commune("51454"));
        QCOMPARE(ds.bassin("08105")->communes.size(), std::size_t(3));
        QCOMPARE(ds.meta.extra.at(io::kOutsideCommunesKey), std::string("08001,08105,95500"));
        QVERIFY(!ds.meta.extra.count(io::kTruncatedBassinsKey));
        QCOMPARE(ds.meta.extra.at(io::kAreaModeKey), std::string("whole_bassins"));
        const Warning* w = findWarning(report.warnings, "inputs.area_outside_communes");
        QVERIFY(w);
        QCOMPARE(w->details, (std::vector<std::string>{"08001", "08105", "95500"}));
    }

    void aStrictAreaMarksTheCutBassinsTruncated() {
        io::ImportReport report;
        const model::Dataset ds = importArea("32", "", io::AreaMode::Strict, report);
        QCOMPARE(ds.communes.size(), std::size_t(5));
        QCOMPARE(ds.meta.extra.at(io::kTruncatedBassinsKey), std::string("08105,95500"));
        QVERIFY(!ds.meta.extra.count(io::kOutsideCommunesKey));
        const Warning* w = findWarning(report.warnings, "inputs.area_truncated_bassins");
        QVERIFY(w);
        QVERIFY(w->toString().find("left out of averages per région") != std::string::npos);
    }

    void aDepartementFilterKeepsWholeBassinsToo() {
        io::ImportReport report;
        const model::Dataset ds = importArea("", "2", io::AreaMode::WholeBassins, report);
        std::vector<std::string> codes;
        for (const auto& c : ds.communes)
            codes.push_back(c.code);
        QCOMPARE(codes, (std::vector<std::string>{"02001", "02691", "08001", "08105"}));
    }

    // --- COG history ----------------------------------------------------------------------------
    void mergedCommunesAreCarriedForwardAndSplitsShared() {
        const io::CogHistory h = io::readCogHistory(testing::dataPath("inputs/cog_passage.csv"));
        QCOMPARE(h.firstYear(), 2015);
        QCOMPARE(h.lastYear(), 2017);
        auto shares = h.carry("01002", 2015, 2017);
        QCOMPARE(shares.size(), std::size_t(1));
        QCOMPARE(shares[0].code, std::string("01001"));
        shares = h.carry("01003", 2015, 2017);
        QCOMPARE(shares.size(), std::size_t(2));
        QCOMPARE(shares[0].code, std::string("01003"));
        QCOMPARE(shares[0].ratio, 0.7);
        QCOMPARE(shares[1].code, std::string("01099"));
        // Backwards through a fusion: population shares.
        shares = h.carry("01001", 2017, 2015);
        QCOMPARE(shares.size(), std::size_t(2));
        QCOMPARE(shares[1].code, std::string("01002"));
        QCOMPARE(shares[1].ratio, 0.4);
        // The "insee" variant's row is not read by default.
        QCOMPARE(h.carry("01004", 2015, 2016).front().code, std::string("01004"));
    }

    void theYearOfATableIsDetectedFromItsCodes() {
        const io::CogHistory h = io::readCogHistory(testing::dataPath("inputs/cog_passage.csv"));
        QVERIFY(h.exists("01002", 2015));
        QVERIFY(!h.exists("01002", 2016));
        QVERIFY(!h.exists("01099", 2016));
        QVERIFY(h.exists("01099", 2017));
        QVERIFY(h.exists("59350", 2016)); // untouched by any change
        QCOMPARE(h.detectYear({"01002", "01003", "59350"}, 2017), 2015);
        QCOMPARE(h.detectYear({"01001", "01099"}, 2015), 2017);
        QCOMPARE(h.detectYear({"59350"}, 2016), 2016); // nothing tells: the preferred year
    }

    void aPassageTableWithACycleIsRefused() {
        try {
            io::readCogHistory(testing::dataPath("inputs/cog_cycle.csv"));
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Format);
            QCOMPARE(e.where().line, 2L);
            QVERIFY(std::string(e.what()).find("cycle") != std::string::npos);
            QVERIFY(std::string(e.what()).find("'01001'") != std::string::npos);
        }
    }

    void countsAreCarriedToTheCogOfTheCommunes() {
        io::ImportReport report;
        const model::Dataset ds = importCog2015Counts(true, report);
        std::map<std::string, double> counts;
        for (const auto& c : ds.counts)
            counts[c.place] += c.count;
        QCOMPARE(counts["01001"], 5.0); // 2 + 3 (merged)
        QCOMPARE(counts["01003"], 7.0); // 70 % of 10 (split)
        QCOMPARE(counts["01099"], 3.0);
        QCOMPARE(counts["01004"], 1.0);
        QCOMPARE(report.cogCarries.size(), std::size_t(1));
        QCOMPARE(report.cogCarries[0].from, 2015);
        QCOMPARE(report.cogCarries[0].to, 2017);
        QCOMPARE(report.cogCarries[0].codesCarried, std::size_t(2));
        QCOMPARE(report.cogCarries[0].unmatched, std::size_t(0));
        const Warning* w = findWarning(report.warnings, "inputs.cog_carried");
        QVERIFY(w);
        QVERIFY(w->toString().find("2 codes carried from COG 2015 to COG 2017; 0 unmatched") !=
                std::string::npos);
    }

    void carryingCanBeTurnedOff() {
        io::ImportReport report;
        const model::Dataset ds = importCog2015Counts(false, report);
        QVERIFY(report.cogCarries.empty());
        QVERIFY(std::none_of(ds.counts.begin(), ds.counts.end(),
                             [](const model::CountRecord& c) { return c.place == "01099"; }));
    }

    void flowsOfAnotherCogAreCarriedToTheDatasets() {
        model::Dataset ds;
        ds.meta.cogYear = 2017;
        ds.communes = {commune("01001", "Fusionnée", "01001"), commune("01003", "Restante", "01001"),
                       commune("01099", "Détachée", "01001"), commune("01004", "Autre", "01004")};
        ds.rebuildBassins();
        ds.reindex();
        io::AddOptions o;
        o.links.flows.path = testing::dataPath("inputs/cog_flows_2015.csv");
        o.cogHistoryPath = testing::dataPath("inputs/cog_passage.csv");
        io::ImportReport report;
        io::addToDataset(ds, o, report);
        QCOMPARE(volumeOf(ds.flows, "01001", "01003"), 10.5); // 70 % of 10 + 70 % of 5
        QCOMPARE(volumeOf(ds.flows, "01001", "01099"), 4.5);
        QCOMPARE(volumeOf(ds.flows, "01004", "01004"), 2.0);
        QCOMPARE(report.cogCarries.size(), std::size_t(1));
        QCOMPARE(report.cogCarries[0].from, 2015);
        QCOMPARE(report.cogCarries[0].unmatched, std::size_t(0));
        QVERIFY(report.flows.join.ok());
    }

    void theShippedHistoryChainsTheYears() {
        const io::CogHistory& h = io::standardCogHistory();
        QCOMPARE(h.firstYear(), 2008);
        QCOMPARE(h.lastYear(), 2024);
        // 38262 merged into 38439 on 1 January 2016.
        QVERIFY(h.exists("38262", 2015));
        QVERIFY(!h.exists("38262", 2016));
        QCOMPARE(h.carry("38262", 2009, 2024).front().code, std::string("38439"));
    }

    // --- Messages of the import ---------------------------------------------------------------
    void importErrorsAreWordedInBothLanguages() {
        io::ImportOptions o;
        io::ImportReport report;
        try {
            io::importDataset(o, report);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(std::string(e.what()), std::string("no communes file given (polygons or a table)"));
            QCOMPARE(e.describe(Language::Fr),
                     std::string("aucun fichier de communes donné (polygones ou table)"));
        }
        io::ImportReport r2;
        try {
            importArea("99", "", io::AreaMode::WholeBassins, r2);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("no commune left after the filter région 99") !=
                    std::string::npos);
            QVERIFY(e.describe(Language::Fr).find("aucune commune ne reste après le filtre région 99") !=
                    std::string::npos);
        }
    }

    // --- Real data --------------------------------------------------------------------------
    //! Regional polygons with a national BV table: the bassins that cross into other régions are cut by
    //! the communes file itself, and said so.
    void regionalPolygonsCutTheBassinsCrossingTheirEdge() {
        const char* const communes = "communes/communes_hauts_de_france_cog2018.geojson";
        const char* const table = "zonages/table_appartenance_communes_cog2018.csv";
        MAILLAGE_REQUIRE_SHARED(communes);
        MAILLAGE_REQUIRE_SHARED(table);
        io::ImportOptions o;
        o.communesPath = testing::sharedPath(communes).toStdString();
        o.bassinsPath = testing::sharedPath(table).toStdString();
        o.regionFilter = "32";
        io::ImportReport report;
        const model::Dataset ds = io::importDataset(o, report);
        QCOMPARE(ds.communes.size(), std::size_t(3808));
        const Warning* w = findWarning(report.warnings, "inputs.area_truncated_bassins");
        QVERIFY(w);
        QVERIFY(!w->details.empty());
        for (const auto& code : w->details)
            QVERIFY2(ds.bassin(code), code.c_str());
        QCOMPARE(ds.regionNames.at("32"), std::string("Hauts-de-France"));
        QCOMPARE(ds.departementNames.at("62"), std::string("Pas-de-Calais"));
    }

    //! BPE 2009 and 2013 on the COG 2018 communes: every professional of a commune that the passage
    //! tables cover lands on a commune of 2018.
    void bpeOfOlderCogsIsCarriedToCog2018() {
        const char* const communes = "zonages/table_appartenance_communes_cog2018.csv";
        const char* const population = "population/population_communes_2020.csv";
        MAILLAGE_REQUIRE_SHARED(communes);
        MAILLAGE_REQUIRE_SHARED(population);
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2009_sante_par_commune.csv");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2013_sante_par_commune.csv");
        io::ImportOptions o;
        o.communesPath = testing::sharedPath(communes).toStdString();
        o.populationPath = testing::sharedPath(population).toStdString();
        o.cogYear = 2018;
        for (int year : {2009, 2013}) {
            io::ProfessionalsSource src;
            src.path = testing::sharedPath(year == 2009 ? "professionals/bpe2009_sante_par_commune.csv"
                                                        : "professionals/bpe2013_sante_par_commune.csv")
                           .toStdString();
            src.vintage = year;
            o.professionals.push_back(src);
        }
        io::ImportReport report;
        io::importDataset(o, report);
        for (const auto& c : report.cogCarries)
            qInfo("%s: %zu codes carried from COG %d to COG %d; %zu unmatched", c.file.c_str(),
                  c.codesCarried, c.from, c.to, c.unmatched);
        QVERIFY(report.cogCarries.size() >= 2);
        for (const auto& c : report.cogCarries) {
            QCOMPARE(c.to, 2018);
            QVERIFY(c.codesCarried > 100);
            QCOMPARE(c.unmatched, std::size_t(0));
        }
    }

    void isereMatrixTimesEqualTheFile() {
        MAILLAGE_REQUIRE_SHARED("travel_times/osrm_isere38_duree_long.csv");
        const std::string path =
            testing::sharedPath("travel_times/osrm_isere38_duree_long.csv").toStdString();
        const io::Table t = io::readTable(path);
        io::TravelTimesRead r = io::readTravelTimesFile(path, {}, {}, nullptr, 1 << 20); // several blocks
        QCOMPARE(r.times.size(), t.rows.size());
        const int o = t.column("codgeo_orig"), d = t.column("codgeo_dest"), m = t.column("duree_min");
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            const auto& time = r.times[i];
            QCOMPARE(time.origin, t.cell(i, o));
            QCOMPARE(time.destination, t.cell(i, d));
            QCOMPARE(time.minutes, *text::parseNumber(t.cell(i, m)));
        }
        std::vector<model::Commune> communes;
        std::map<std::string, bool> codes;
        for (const auto& time : r.times)
            codes[time.origin] = true;
        for (const auto& [code, unused] : codes)
            communes.push_back(commune(code, code, code));
        const io::TravelTimesJoin j = io::joinTravelTimes(r, communes, path);
        QCOMPARE(communes.size(), std::size_t(512));
        QVERIFY(j.join.ok());
        QCOMPARE(j.pairsCovered, j.pairsExpected); // a full matrix
        QVERIFY(!findWarning(r.warnings, "inputs.times_incomplete"));
    }

    void isereCommutingFlowsAggregateToBassinsWithTheFileTotal() {
        MAILLAGE_REQUIRE_SHARED("flows/mobpro2017_isere_flux_internes.csv");
        MAILLAGE_REQUIRE_SHARED("travel_times/communes_cog2018_centroides.csv");
        const std::string path =
            testing::sharedPath("flows/mobpro2017_isere_flux_internes.csv").toStdString();
        const io::Table t = io::readTable(path);
        double fileTotal = 0;
        const int v = t.column("NBFLUX_C17_ACTOCC15P");
        for (std::size_t i = 0; i < t.rows.size(); ++i)
            fileTotal += *text::parseNumber(t.cell(i, v));
        io::FlowsRead r = io::readFlows(t);
        QCOMPARE(r.flows.size(), t.rows.size());
        QVERIFY(std::abs(r.total - fileTotal) < 1e-6 * fileTotal);
        // Bassins de vie of the COG 2018 communes of Isère.
        const io::Table centroids =
            io::readTable(testing::sharedPath("travel_times/communes_cog2018_centroides.csv").toStdString());
        model::Dataset ds;
        const int code = centroids.column("codgeo"), bv = centroids.column("bv2012"),
                  dep = centroids.column("dep");
        for (std::size_t i = 0; i < centroids.rows.size(); ++i)
            if (centroids.cell(i, dep) == "38")
                ds.communes.push_back(commune(centroids.cell(i, code), "", centroids.cell(i, bv)));
        const io::FlowsJoin j = io::joinFlows(r, ds, path);
        QVERIFY(std::abs(j.intraBassin + j.betweenBassins + j.unmatchedVolume - fileTotal) <
                1e-6 * fileTotal);
        QVERIFY(j.intraBassin > j.intraCommune);
        QVERIFY(j.bassinPairs > 100);
        // COG 2019 flows on COG 2018 communes: the communes nouvelles of 2019 kept one of their old codes.
        QVERIFY(j.join.ok());
        QCOMPARE(j.unmatchedVolume, 0.0);
    }
};

QTEST_APPLESS_MAIN(TestInputs)
#include "test_inputs.moc"
