// Infra-communal zones (issue 8): IRIS or quartier polygons, INSEE's population by IRIS, zone → quartier
// groupings, joined to a dataset, added to a GeoPackage. Small fixtures, then BPE 2018 by IRIS.
#include "inputs_testing.h"
#include "testing.h"

#include "core/analysis/density.h"
#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "core/io/importers.h"
#include "core/io/zones.h"

#include <QObject>
#include <QTemporaryDir>

#include <algorithm>
#include <map>

using namespace maillage;
using testing::findWarning;

namespace {

std::string zonesPath(const char* file) {
    return testing::dataPath((std::string("inputs/zones/") + file).c_str());
}

//! Lille (4 IRIS in the fixtures) and Roubaix, in the Nord; counts of GPs per commune and per zone.
model::Dataset lille() {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    for (const auto& [code, name, population] :
         {std::tuple<const char*, const char*, double>{"59350", "Lille", 14000},
          {"59512", "Roubaix", 9000}}) {
        model::Commune c;
        c.code = code;
        c.name = name;
        c.bv = "59350";
        c.dep = "59";
        c.reg = "32";
        c.population = population;
        ds.communes.push_back(c);
    }
    ds.rebuildBassins();
    ds.reindex();
    ds.counts = {{"59350", "medecin_generaliste", 2018, 14}, {"59512", "medecin_generaliste", 2018, 3}};
    ds.zoneCounts = {{"593500101", "medecin_generaliste", 2018, 5},
                     {"593500102", "medecin_generaliste", 2018, 1},
                     {"593500201", "medecin_generaliste", 2018, 6},
                     {"593500301", "medecin_generaliste", 2018, 2}};
    return ds;
}

//! The fixtures joined to lille(): polygons, population and quartiers.
model::Dataset lilleWithZones(Warnings& w) {
    model::Dataset ds = lille();
    io::joinZones(ds, io::readZonePolygons(zonesPath("iris.geojson"), {}, w),
                  io::readZonePopulation(io::readTable(zonesPath("population_iris_latin1.csv"))),
                  io::readQuartiers(io::readTable(zonesPath("quartiers.csv"))),
                  {"iris.geojson", "population_iris_latin1.csv", "quartiers.csv"}, w);
    return ds;
}

const model::Zone* zone(const model::Dataset& ds, const std::string& code) {
    for (const auto& z : ds.zones)
        if (z.code == code)
            return &z;
    return nullptr;
}

} // namespace

class TestZones : public QObject {
    Q_OBJECT

private slots:
    void irisPolygonsAreReadWithTheirParentCommune() {
        Warnings w;
        const auto zones = io::readZonePolygons(zonesPath("iris.geojson"), {}, w);
        QCOMPARE(zones.size(), std::size_t(4));
        QCOMPARE(zones[0].code, std::string("593500101"));
        QCOMPARE(zones[0].name, std::string("Vieux-Lille Nord"));
        QCOMPARE(zones[0].commune, std::string("59350"));
        QVERIFY(io::isValidPolygon(zones[0].geometry));
        // About 0.004° × 0.004° at 50.6° N: 0.28 km × 0.44 km in Lambert-93.
        QVERIFY(io::areaKm2(zones[0].geometry) > 0.1 && io::areaKm2(zones[0].geometry) < 0.2);
    }

    void theParentCommuneComesFromTheIrisCodeWhenNoFieldGivesIt() {
        Warnings w;
        const auto zones = io::readZonePolygons(zonesPath("paris_no_commune_field.geojson"), {}, w);
        QCOMPARE(zones.front().commune, std::string("75056")); // 75108 folded into Paris
        QCOMPARE(zones.front().name, std::string("Champs-Élysées 1"));
    }

    void aFileWithoutGeometryIsRefusedNamingIt() {
        Warnings w;
        const auto e =
            testing::thrown<Error>([&] { io::readZonePolygons(zonesPath("no_geometry.geojson"), {}, w); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Format);
        QVERIFY(std::string(e->what()).find("no_geometry.geojson") != std::string::npos);
        QVERIFY(std::string(e->what()).find("holds no polygon (1 feature without geometry)") !=
                std::string::npos);
    }

    void inseePopulationByIrisIsReadFromLatin1WithSemicolons() {
        const auto p = io::readZonePopulation(io::readTable(zonesPath("population_iris_latin1.csv")));
        QCOMPARE(p.size(), std::size_t(7));
        QCOMPARE(p[0].zone, std::string("593500101"));
        QCOMPARE(p[0].commune, std::string("59350"));
        QCOMPARE(p[0].population, 2500.4); // P17_POP, not the age band P17_POP0002
        QCOMPARE(p[6].commune, std::string("01001"));
    }

    void aGenericPopulationTableIsRead() {
        const auto p =
            io::readZonePopulation(io::parseCsvText("code,population\nQ1,1200\nQ2,800\n", "p.csv"));
        QCOMPARE(p.size(), std::size_t(2));
        QCOMPARE(p[1].population, 800.0);
        QVERIFY(p[1].commune.empty());
    }

    void aBadPopulationIsAnErrorNamingItsLine() {
        const io::Table t = io::parseCsvText("code,population\nQ1,1200\nQ2,-5\n", "p.csv");
        const auto e = testing::thrown<Error>([&] { io::readZonePopulation(t); });
        QVERIFY(e);
        QCOMPARE(e->where().line, 3L);
        QVERIFY(std::string(e->what()).find("expected a population") != std::string::npos);
    }

    void aZoneGivenTwoQuartiersIsAnError() {
        const io::Table t = io::parseCsvText("zone,quartier\nZ1,A\nZ2,A\nZ1,B\n", "q.csv");
        const auto e = testing::thrown<Error>([&] { io::readQuartiers(t); });
        QVERIFY(e);
        QCOMPARE(e->where().line, 4L);
        QVERIFY(std::string(e->what()).find("line 2") != std::string::npos);
    }

    void zonesWhoseParentCommuneIsMissingAreNamedInAWarning() {
        Warnings w;
        const model::Dataset ds = lilleWithZones(w);
        QVERIFY(!zone(ds, "599990101"));
        const Warning* orphans = findWarning(w, "inputs.zones_parent_missing");
        QVERIFY(orphans);
        QCOMPARE(orphans->where.file, std::string("iris.geojson"));
        QCOMPARE(orphans->details, std::vector<std::string>{"599990101 (59999)"});
        QVERIFY(orphans->toString().find("1 zone whose parent commune is missing") != std::string::npos);
        // Communes of other départements (a national file) are not news: only the territory's are named.
        for (const Warning& x : w)
            for (const std::string& d : x.details)
                QVERIFY2(d.find("62119") == std::string::npos && d.find("01001") == std::string::npos,
                         d.c_str());
        const Warning* unknown = findWarning(w, "inputs.zones_rows_unknown");
        QVERIFY(unknown);
        QCOMPARE(unknown->details, std::vector<std::string>{"599990109"});
    }

    void populationsAndQuartiersAreSetOnTheZones() {
        Warnings w;
        const model::Dataset ds = lilleWithZones(w);
        QCOMPARE(ds.zones.size(), std::size_t(4)); // 3 polygons + Moulins from the population file
        QCOMPARE(zone(ds, "593500101")->population, 2500.4);
        QCOMPARE(zone(ds, "593500101")->quartier, std::string("VL"));
        QCOMPARE(zone(ds, "593500101")->quartierName, std::string("Vieux-Lille"));
        QCOMPARE(zone(ds, "593500301")->commune, std::string("59350"));
        QVERIFY(zone(ds, "593500301")->quartier.empty());
    }

    void densitiesPerZoneAndPerQuartierAreReal() {
        Warnings w;
        const model::Dataset ds = lilleWithZones(w);
        const auto zones = analysis::densityForCommune(ds, "59350", "medecin_generaliste", 2018);
        QCOMPARE(zones.rows.size(), std::size_t(4));
        const auto wazemmes =
            std::find_if(zones.rows.begin(), zones.rows.end(),
                         [](const analysis::DensityRow& r) { return r.code == "593500201"; });
        QCOMPARE(wazemmes->per10k, 10.0);                       // 6 GPs for 6,000 inhabitants
        QCOMPARE(wazemmes->inhabitantsPerProfessional, 1000.0); // "1 pour 1 000 habitants"
        const auto quartiers = analysis::densityForQuartiers(ds, "59350", "medecin_generaliste", 2018);
        QCOMPARE(quartiers.rows.size(), std::size_t(3)); // Vieux-Lille, Wazemmes, and Moulins alone
        const auto vl = std::find_if(quartiers.rows.begin(), quartiers.rows.end(),
                                     [](const analysis::DensityRow& r) { return r.code == "VL"; });
        QCOMPARE(vl->name, std::string("Vieux-Lille"));
        QCOMPARE(vl->count, 6.0);
        QCOMPARE(vl->population, 4000.0);
        QCOMPARE(vl->inhabitantsPerProfessional, 4000.0 / 6.0);
        QCOMPARE(quartiers.parent.code, std::string("59350")); // compared with the commune
        QCOMPARE(quartiers.parent.per10k, 10.0);
    }

    void aQuartierWithAZoneWithoutPopulationHasNoDensity() {
        Warnings w;
        model::Dataset ds = lilleWithZones(w);
        for (model::Zone& z : ds.zones)
            if (z.code == "593500102")
                z.population = 0;
        const auto quartiers = analysis::densityForQuartiers(ds, "59350", "", 2018);
        const auto vl = std::find_if(quartiers.rows.begin(), quartiers.rows.end(),
                                     [](const analysis::DensityRow& r) { return r.code == "VL"; });
        QCOMPARE(vl->population, 0.0);
        QCOMPARE(vl->per10k, 0.0);
    }

    void zonesAreAddedToADatasetAndKeptInTheGeoPackage() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("lille.gpkg").toStdString();
        model::Dataset ds = lille();
        io::AddOptions o;
        o.zones.polygons = zonesPath("iris.geojson");
        o.zones.population = zonesPath("population_iris_latin1.csv");
        o.zones.quartiers = zonesPath("quartiers.csv");
        io::ImportReport report;
        io::addToDataset(ds, o, report);
        QCOMPARE(report.zones.withPopulation, std::size_t(4));
        QCOMPARE(report.zones.grouped, std::size_t(3));
        io::writeDataset(ds, path);
        const model::Dataset back = io::readDataset(path);
        QCOMPARE(back.zones.size(), std::size_t(4));
        QCOMPARE(zone(back, "593500102")->quartierName, std::string("Vieux-Lille"));
        QCOMPARE(zone(back, "593500102")->population, 1499.6);
        QVERIFY(!zone(back, "593500102")->geometry.empty());
    }

    void aFailedAddLeavesTheZonesUnchanged() {
        model::Dataset ds = lille();
        ds.zones = {{"593500101", "Before", "59350", 10, {}, {}, {}}};
        io::AddOptions o;
        o.zones.polygons = zonesPath("iris.geojson");
        o.zones.population = zonesPath("absent.csv");
        io::ImportReport report;
        QVERIFY(testing::thrown<Error>([&] { io::addToDataset(ds, o, report); }));
        QCOMPARE(ds.zones.size(), std::size_t(1));
        QCOMPARE(ds.zones.front().name, std::string("Before"));
    }

    // --- Real data -----------------------------------------------------------------------------
    void bpeByIrisOfACommuneWithManyIrisAddsUpToTheCommune() {
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_iris_long.csv");
        const io::Table t =
            io::readTable(testing::sharedPath("professionals/bpe2018_sante_par_iris_long.csv").toStdString());
        model::Dataset ds = lille();
        Warnings w;
        io::ZoneCounts zc = io::readZoneProfessionals(t, ds.catalogue, 2018, {}, {}, w);
        for (auto& z : zc.zones)
            if (z.commune == "59350")
                ds.zones.push_back(z);
        ds.zoneCounts = zc.counts;
        double communeCount = 0; // GPs of Lille in the same table, summed over its rows
        const int com = t.column("DEPCOM"), typ = t.column("TYPEQU"), nb = t.column("NB_EQUIP");
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            if (t.cell(r, com) == "59350" && t.cell(r, typ) == "D201")
                communeCount += std::stod(t.cell(r, nb));
        const auto drill = analysis::densityForCommune(ds, "59350", "medecin_generaliste", 2018);
        QVERIFY2(drill.rows.size() > 50, std::to_string(drill.rows.size()).c_str()); // Lille: about 100 IRIS
        double sum = 0;
        for (const auto& r : drill.rows)
            sum += r.count;
        QVERIFY(communeCount > 100);
        QCOMPARE(sum, communeCount);
    }
};

QTEST_APPLESS_MAIN(TestZones)
#include "test_zones.moc"
