// A buffer of communes around an imported area (import --buffer-km): supply and demand of accessibility,
// in no other output; on the import fixture and on Hauts-de-France (Nord with 20 km around it).
#include "core/analysis/accessibility.h"
#include "core/analysis/density.h"
#include "core/io/gpkg.h"
#include "core/io/import.h"

#include "import_testing.h"
#include "testing.h"

#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <set>

using namespace maillage;
using namespace maillage::analysis;
using maillage::testing::q;

namespace {

io::ImportOptions fixture(double bufferKm) {
    io::ImportOptions o = testing::smallImportFiles();
    o.departementFilter = "59";
    o.bufferKm = bufferKm;
    return o;
}

std::set<std::string> codesOf(const std::vector<model::Commune>& communes) {
    std::set<std::string> out;
    for (const auto& c : communes)
        out.insert(c.code);
    return out;
}

bool warned(const Warnings& warnings, const std::string& id) {
    return std::any_of(warnings.begin(), warnings.end(), [&](const Warning& w) { return w.text.id == id; });
}

//! Commune A in the area between two buffer communes 12 km away on either side (no matrix: straight line
//! at 37 km/h, 12 km = 19.46 minutes, weight 1/3).
model::Dataset areaWithBuffer() {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    model::Commune a;
    a.code = "01001";
    a.population = 1000;
    a.anchor = {700000, 6600000};
    ds.communes = {a};
    ds.counts = {{"01001", "medecin_generaliste", 2020, 1}};
    model::Commune w = a, e = a;
    w.code = "01002";
    w.anchor.x -= 12000;
    e.code = "01003";
    e.anchor.x += 12000;
    e.population = 500;
    ds.bufferCommunes = {w, e};
    ds.bufferCounts = {{"01003", "medecin_generaliste", 2020, 2}};
    ds.reindex();
    return ds;
}

} // namespace

class TestAccessBuffer : public QObject {
    Q_OBJECT
private slots:
    void bufferCommunesAreSupplyAndDemandButNotReported() {
        const model::Dataset ds = areaWithBuffer();
        const AccessResult r = accessibility(ds, "medecin_generaliste", 2020, AccessParameters{});
        QCOMPARE(r.values.size(), std::size_t(1));
        // w(12 km) = 1/3; W and E are 24 km apart. A's GP: demand 1,000 + 1,000/3 (W) + 500/3 (E) = 1,500.
        // E's 2 GPs: demand 500 + 1,000/3 (A) = 2,500/3. A = 1/1,500 + 1/3 × 2 / (2,500/3) = 1/1,500 +
        // 2/2,500.
        const double expected = (1.0 / 1500 + 2.0 / 2500) * 1e5;
        QVERIFY2(std::fabs(r.values[0] - expected) < 1e-9, qPrintable(QString::number(r.values[0])));
        QCOMPARE(r.demand, std::vector<double>{1000});
        // Without the buffer, A alone: 1 GP for 1,000 inhabitants.
        model::Dataset alone = ds;
        alone.bufferCommunes.clear();
        alone.bufferCounts.clear();
        QCOMPARE(accessibility(alone, "medecin_generaliste", 2020, AccessParameters{}).values[0], 100.0);
        // Densities know nothing of the buffer.
        QCOMPARE(densityForAllCommunes(ds, "medecin_generaliste", 2020).rows.size(), std::size_t(1));
    }

    void aWideBufferRemovesTheEdgeWarning() {
        // Three area communes 1 km apart: all on the edge of their own hull.
        model::Dataset ds = areaWithBuffer();
        for (int k = 1; k <= 2; ++k) {
            model::Commune c = ds.communes[0];
            c.code = "0100" + std::to_string(3 + k);
            c.anchor.x += 1000 * k;
            c.anchor.y += 1000 * (k - 1);
            ds.communes.push_back(c);
        }
        ds.reindex();
        model::Dataset alone = ds;
        alone.bufferCommunes.clear();
        QVERIFY(warned(accessibility(alone, "medecin_generaliste", 2020, AccessParameters{}).warnings,
                       "analysis.access.edge"));
        // Buffer communes 40 km around, beyond the 12.3 km reach of 20 minutes at 37 km/h.
        ds.bufferCommunes.clear();
        const double around[4][2] = {{-40000, -40000}, {40000, -40000}, {40000, 40000}, {-40000, 40000}};
        for (int k = 0; k < 4; ++k) {
            model::Commune b = ds.communes[0];
            b.code = "0200" + std::to_string(k);
            b.anchor = {700000 + around[k][0], 6600000 + around[k][1]};
            ds.bufferCommunes.push_back(b);
        }
        ds.reindex();
        const AccessResult r = accessibility(ds, "medecin_generaliste", 2020, AccessParameters{});
        QCOMPARE(r.values.size(), std::size_t(3));
        QVERIFY(!warned(r.warnings, "analysis.access.edge"));
        QCOMPARE(std::count(r.nearEdge.begin(), r.nearEdge.end(), 1), std::ptrdiff_t(0));
    }

    void importKeepsTheBufferApartFromTheArea() {
        io::ImportReport plainReport, report;
        const model::Dataset plain = io::importDataset(fixture(0), plainReport);
        const model::Dataset ds = io::importDataset(fixture(5), report);
        // The area and everything counted in it are the same as without the buffer.
        QCOMPARE(codesOf(ds.communes), codesOf(plain.communes));
        QCOMPARE(ds.counts.size(), plain.counts.size());
        QCOMPARE(ds.bassins.size(), plain.bassins.size());
        // Communes of the Ain and Paris within 5 km are the buffer, Ajaccio is not.
        const std::set<std::string> buffer = codesOf(ds.bufferCommunes);
        QVERIFY(!buffer.empty());
        QVERIFY(!buffer.count("2A004"));
        for (const std::string& code : buffer)
            QVERIFY2(!codesOf(ds.communes).count(code), code.c_str());
        for (const model::CountRecord& r : ds.counts)
            QVERIFY2(!buffer.count(r.place), r.place.c_str());
        QVERIFY(!ds.bufferCounts.empty());
        QCOMPARE(ds.meta.extra.at(io::kBufferKmKey), std::string("5"));
        QVERIFY(warned(report.warnings, "io.buffer.kept"));
        for (const model::Bassin& b : ds.bassins)
            for (const std::string& member : b.communes)
                QVERIFY(!buffer.count(member));
        // Their supply changes the accessibility of the area's communes.
        const auto withBuffer = accessibility(ds, "medecin_generaliste", 2013, AccessParameters{});
        const auto without = accessibility(plain, "medecin_generaliste", 2013, AccessParameters{});
        QCOMPARE(withBuffer.values.size(), without.values.size());
        QVERIFY(withBuffer.values != without.values);
        // The dataset file keeps the buffer, apart.
        QTemporaryDir dir;
        const std::string path = dir.filePath("buffer.gpkg").toStdString();
        io::writeDataset(ds, path);
        const model::Dataset back = io::readDataset(path);
        QCOMPARE(codesOf(back.bufferCommunes), buffer);
        QCOMPARE(back.bufferCounts.size(), ds.bufferCounts.size());
        QCOMPARE(codesOf(back.communes), codesOf(ds.communes));
        QCOMPARE(accessibility(back, "medecin_generaliste", 2013, AccessParameters{}).values,
                 withBuffer.values);
    }

    void aBufferNeedsAnAreaAndPositions() {
        io::ImportOptions o = fixture(5);
        o.departementFilter.clear();
        io::ImportReport report;
        QVERIFY_EXCEPTION_THROWN(io::importDataset(o, report), Error);
        o = fixture(-1);
        QVERIFY_EXCEPTION_THROWN(io::importDataset(o, report), Error);
    }

    void nordWithTwentyKilometresAroundIt() {
        const QString shared = testing::sharedPath("communes/communes_hauts_de_france_cog2018.geojson");
        if (!QFile::exists(shared))
            QSKIP("../shared/data absent");
        io::ImportOptions o;
        o.communesPath = shared.toStdString();
        o.bassinsPath =
            testing::sharedPath("bassins_de_vie/commune_cog2018_bv2012_bv2022_crosswalk.csv").toStdString();
        o.bvColumn = "BV2012";
        o.populationPath = testing::sharedPath("population/population_communes_2021.csv").toStdString();
        io::ProfessionalsSource bpe;
        bpe.path = testing::sharedPath("professionals/bpe2018_sante_par_commune_long.csv").toStdString();
        bpe.vintage = 2018;
        o.professionals.push_back(bpe);
        o.departementFilter = "59";
        o.areaMode = io::AreaMode::Strict;
        io::ImportReport plainReport, report;
        const model::Dataset plain = io::importDataset(o, plainReport);
        o.bufferKm = 20;
        const model::Dataset ds = io::importDataset(o, report);
        QCOMPARE(codesOf(ds.communes), codesOf(plain.communes));
        QVERIFY(ds.bufferCommunes.size() > 100);
        for (const model::Commune& c : ds.bufferCommunes)
            QVERIFY2(c.dep != "59" && !ds.commune(c.code), c.code.c_str());
        const auto withBuffer = accessibility(ds, "medecin_generaliste", 2018, AccessParameters{});
        const auto without = accessibility(plain, "medecin_generaliste", 2018, AccessParameters{});
        // Communes near the Pas-de-Calais, the Aisne and the Somme gain the supply beyond the border.
        int changed = 0;
        for (std::size_t c = 0; c < ds.communes.size(); ++c)
            changed += std::fabs(withBuffer.values[c] - without.values[c]) > 1e-9;
        const auto flagged = [](const AccessResult& r) {
            return std::count(r.nearEdge.begin(), r.nearEdge.end(), 1);
        };
        qInfo("Nord with 20 km around: %zu buffer communes, %d of %zu communes change APL; near the edge %td "
              "without the buffer, %td with it",
              ds.bufferCommunes.size(), changed, ds.communes.size(), flagged(without), flagged(withBuffer));
        QVERIFY(changed > 50);
        QVERIFY(flagged(withBuffer) < flagged(without));
    }
};

QTEST_APPLESS_MAIN(TestAccessBuffer)
#include "test_access_buffer.moc"
