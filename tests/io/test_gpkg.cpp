// The dataset GeoPackage: round trip of every table, atomic writes, what QGIS/OGR sees.
#include "geo_testing.h"
#include "testing.h"

#include "core/io/atomic_file.h"
#include "core/io/gdal_util.h"
#include "core/io/geo.h"
#include "core/io/gpkg.h"
#include "core/io/outlines.h"
#include "core/model/codes.h"

#include <QDir>
#include <QFile>
#include <QObject>

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

using namespace maillage;

namespace {

using testing::geometryOf;
using testing::GeomPtr;
using testing::wkbOf;

bool sameGeometry(const model::Wkb& a, const model::Wkb& b) {
    if (a.empty() || b.empty())
        return a.empty() == b.empty();
    GeomPtr ga = geometryOf(a), gb = geometryOf(b);
    return ga && gb && ga->Equals(gb.get());
}

//! A small dataset with something in every table.
model::Dataset smallDataset() {
    model::Dataset d;
    d.meta.title = "Petit territoire d'essai";
    d.meta.fictional = true;
    d.meta.cogYear = 2018;
    d.meta.bvVintage = "BV2012";
    d.meta.sources = {"INSEE, BPE 2013", "IGN, Admin Express 2018"};
    d.meta.vintages = {2009, 2013};
    d.meta.createdBy = "Maillage 0.1.0";
    d.meta.createdAt = "2024-06-01";
    d.meta.extra = {{"auteur", "ORS Hauts-de-France"}, {"note", "é à ç | ; ,"}};
    d.params.poles.massScale = 0.25;
    d.params.maillage.beta = 1.5;
    d.params.maillage.distance = model::DistanceMode::Geodesic;
    d.params.density.secrecyThreshold = 11;
    d.catalogue = model::ProfessionCatalogue::builtin();
    model::Profession extra;
    extra.code = "art_therapeute";
    extra.labelFr = "Art-thérapeute";
    extra.labelEn = "Art therapist";
    extra.group = model::ProfessionGroup::Pole;
    extra.psychiatric = true;
    extra.aliases = {"ART1", "Art thérapie"};
    d.catalogue.add(extra);

    const char* squares[] = {
        "MULTIPOLYGON (((700000 6600000,701000 6600000,701000 6601000,700000 6601000,700000 "
        "6600000)))",
        "MULTIPOLYGON (((701000 6600000,702000 6600000,702000 6601000,701000 6601000,701000 "
        "6600000)),((703000 6600000,704000 6600000,704000 6601000,703000 6600000)))",
        "MULTIPOLYGON (((2000 0,3000 0,3000 1000,2000 0),(2500 100,2900 100,2900 500,2500 "
        "100)))"};
    const char* codes[] = {"01001", "2A004", "59350"};
    for (int i = 0; i < 3; ++i) {
        model::Commune c;
        c.code = codes[i];
        c.name = i == 1 ? "Ajaccio" : "Commune n°" + std::to_string(i);
        c.population = 1234.5 * (i + 1);
        c.bv = i == 2 ? "59350" : "01001";
        c.dep = i == 1 ? "2A" : (i == 2 ? "59" : "01");
        c.reg = i == 1 ? "94" : (i == 2 ? "32" : "84");
        c.anchor = {700500.25 + 1000 * i, 6600500.125};
        c.geometry = wkbOf(squares[i]);
        d.communes.push_back(c);
    }
    model::Commune tableOnly; // no geometry
    tableOnly.code = "01002";
    tableOnly.name = "Sans géométrie";
    tableOnly.population = 7;
    tableOnly.bv = "01001";
    tableOnly.dep = "01";
    d.communes.push_back(tableOnly);

    model::Bassin b1;
    b1.code = "01001";
    b1.name = "Premier bassin";
    b1.dep = "01";
    b1.reg = "84";
    b1.population = 1234.5 + 2469 + 7;
    b1.communes = {"01001", "2A004", "01002"};
    b1.anchor = {700500.25, 6600500.125};
    b1.geometry = wkbOf("MULTIPOLYGON (((700000 6600000,702000 6600000,702000 6601000,700000 6601000,700000 "
                        "6600000)))");
    model::Bassin b2;
    b2.code = "59350";
    b2.name = "Lille";
    b2.dep = "59";
    b2.reg = "32";
    b2.population = 3703.5;
    b2.communes = {"59350"};
    b2.anchor = {2900, 200};
    b2.geometry = d.communes[2].geometry;
    d.bassins = {b1, b2};

    d.counts = {{"01001", "medecin_generaliste", 2013, 3},
                {"01001", "pharmacien", 2013, 1.5},
                {"59350", "infirmier_psychiatrique", 2009, 250},
                {"2A004", "art_therapeute", 2013, 0}};
    model::Zone z1{"593500101", "Vieux-Lille", "59350", 12000.5,
                   wkbOf("MULTIPOLYGON (((2000 0,2500 0,2500 500,2000 0)))")};
    model::Zone z2{"593500102", "Wazemmes", "59350", 25000, {}};
    d.zones = {z1, z2};
    d.zoneCounts = {{"593500101", "medecin_generaliste", 2013, 12}, {"593500102", "pharmacien", 2013, 4}};
    d.cooperations = {{"CHT du Valenciennois", "CHT", {"59606", "59383", "59350"}},
                      {"Sans membre", "GCS", {}}};
    d.flows = {{"01001", "59350", 12.5}, {"59350", "01001", 0}};
    d.travelTimes = {{"01001", "59350", 61.25}, {"59350", "01001", 59.5}};
    d.regionNames = {{"32", "Hauts-de-France"}, {"84", "Auvergne-Rhône-Alpes"}, {"94", "Corse"}};
    d.departementNames = {{"01", "Ain"}, {"2A", "Corse-du-Sud"}, {"59", "Nord"}};
    d.reindex();
    return d;
}

void compareDatasets(const model::Dataset& a, const model::Dataset& b) {
    QCOMPARE(b.meta.title, a.meta.title);
    QCOMPARE(b.meta.fictional, a.meta.fictional);
    QCOMPARE(b.meta.cogYear, a.meta.cogYear);
    QCOMPARE(b.meta.bvVintage, a.meta.bvVintage);
    QCOMPARE(b.meta.sources, a.meta.sources);
    QCOMPARE(b.meta.vintages, a.meta.vintages);
    QCOMPARE(b.meta.createdBy, a.meta.createdBy);
    QCOMPARE(b.meta.createdAt, a.meta.createdAt);
    QVERIFY(b.meta.extra == a.meta.extra);
    QVERIFY(b.params.toKeyValues() == a.params.toKeyValues());
    QCOMPARE(b.catalogue.toCsv(), a.catalogue.toCsv());

    QCOMPARE(b.communes.size(), a.communes.size());
    for (std::size_t i = 0; i < a.communes.size(); ++i) {
        const auto &x = a.communes[i], &y = b.communes[i];
        QCOMPARE(y.code, x.code);
        QCOMPARE(y.name, x.name);
        QCOMPARE(y.population, x.population);
        QCOMPARE(y.bv, x.bv);
        QCOMPARE(y.dep, x.dep);
        QCOMPARE(y.reg, x.reg);
        QCOMPARE(y.anchor.x, x.anchor.x);
        QCOMPARE(y.anchor.y, x.anchor.y);
        QVERIFY2(sameGeometry(x.geometry, y.geometry), x.code.c_str());
    }
    QCOMPARE(b.bassins.size(), a.bassins.size());
    for (std::size_t i = 0; i < a.bassins.size(); ++i) {
        const auto &x = a.bassins[i], &y = b.bassins[i];
        QCOMPARE(y.code, x.code);
        QCOMPARE(y.name, x.name);
        QCOMPARE(y.dep, x.dep);
        QCOMPARE(y.reg, x.reg);
        QCOMPARE(y.population, x.population);
        QCOMPARE(y.communes, x.communes);
        QCOMPARE(y.anchor.x, x.anchor.x);
        QCOMPARE(y.anchor.y, x.anchor.y);
        QVERIFY2(sameGeometry(x.geometry, y.geometry), x.code.c_str());
    }
    const auto sameCounts = [](const std::vector<model::CountRecord>& p,
                               const std::vector<model::CountRecord>& q) {
        if (p.size() != q.size())
            return false;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (p[i].place != q[i].place || p[i].profession != q[i].profession ||
                p[i].vintage != q[i].vintage || p[i].count != q[i].count)
                return false;
        return true;
    };
    QVERIFY(sameCounts(a.counts, b.counts));
    QVERIFY(sameCounts(a.zoneCounts, b.zoneCounts));
    QCOMPARE(b.zones.size(), a.zones.size());
    for (std::size_t i = 0; i < a.zones.size(); ++i) {
        QCOMPARE(b.zones[i].code, a.zones[i].code);
        QCOMPARE(b.zones[i].name, a.zones[i].name);
        QCOMPARE(b.zones[i].commune, a.zones[i].commune);
        QCOMPARE(b.zones[i].population, a.zones[i].population);
        QVERIFY(sameGeometry(a.zones[i].geometry, b.zones[i].geometry));
    }
    QCOMPARE(b.cooperations.size(), a.cooperations.size());
    for (std::size_t i = 0; i < a.cooperations.size(); ++i) {
        QCOMPARE(b.cooperations[i].name, a.cooperations[i].name);
        QCOMPARE(b.cooperations[i].kind, a.cooperations[i].kind);
        QCOMPARE(b.cooperations[i].bassins, a.cooperations[i].bassins);
    }
    QCOMPARE(b.flows.size(), a.flows.size());
    for (std::size_t i = 0; i < a.flows.size(); ++i) {
        QCOMPARE(b.flows[i].origin, a.flows[i].origin);
        QCOMPARE(b.flows[i].destination, a.flows[i].destination);
        QCOMPARE(b.flows[i].volume, a.flows[i].volume);
    }
    QCOMPARE(b.travelTimes.size(), a.travelTimes.size());
    for (std::size_t i = 0; i < a.travelTimes.size(); ++i) {
        QCOMPARE(b.travelTimes[i].origin, a.travelTimes[i].origin);
        QCOMPARE(b.travelTimes[i].destination, a.travelTimes[i].destination);
        QCOMPARE(b.travelTimes[i].minutes, a.travelTimes[i].minutes);
    }
    QVERIFY(b.regionNames == a.regionNames);
    QVERIFY(b.departementNames == a.departementNames);
}

//! Six 1 km squares side by side: département 01 (three communes, région 84), 02 (two, région 84) and 03
//! (one without polygon, région 11).
model::Dataset gridDataset() {
    model::Dataset d;
    d.catalogue = model::ProfessionCatalogue::builtin();
    const char* deps[] = {"01", "01", "01", "02", "02", "03"};
    for (int i = 0; i < 6; ++i) {
        model::Commune c;
        c.code = std::string(deps[i]) + "00" + std::to_string(i + 1);
        c.name = "Commune " + std::to_string(i + 1);
        c.dep = deps[i];
        c.reg = i == 5 ? "11" : "84";
        c.bv = c.code;
        const double x0 = 700000 + 1000.0 * i, y0 = 6600000;
        c.anchor = {x0 + 500, y0 + 500};
        if (i != 5) {
            const std::string wkt = "MULTIPOLYGON (((" + std::to_string(x0) + " " + std::to_string(y0) + "," +
                                    std::to_string(x0 + 1000) + " " + std::to_string(y0) + "," +
                                    std::to_string(x0 + 1000) + " " + std::to_string(y0 + 1000) + "," +
                                    std::to_string(x0) + " " + std::to_string(y0 + 1000) + "," +
                                    std::to_string(x0) + " " + std::to_string(y0) + ")))";
            c.geometry = wkbOf(wkt.c_str());
        }
        d.communes.push_back(c);
    }
    d.departementNames = {{"01", "Ain"}};
    d.rebuildBassins();
    d.reindex();
    return d;
}

//! Sum of the areas (km²) of the communes whose `key` (département or région code) is `code`.
double communeAreaOf(const model::Dataset& d, const std::string& code, bool region) {
    double sum = 0;
    for (const auto& c : d.communes)
        if ((region ? c.reg : c.dep) == code && !c.geometry.empty())
            sum += io::areaKm2(c.geometry);
    return sum;
}

//! Checks the polygon layer `name` of the GeoPackage at `path` against the communes of `d`: Lambert-93
//! multipolygons, one feature per distinct code, valid, of the area of their communes (1e-6 relative).
void checkOutlineLayer(const std::string& path, const char* name, const model::Dataset& d, bool region) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    QVERIFY(ds);
    OGRLayer* l = ds->GetLayerByName(name);
    QVERIFY2(l, name);
    QCOMPARE(wkbFlatten(l->GetGeomType()), wkbMultiPolygon);
    QCOMPARE(std::string(l->GetSpatialRef()->GetAuthorityCode(nullptr)), std::string("2154"));
    std::set<std::string> codes;
    for (const auto& c : d.communes)
        codes.insert(region ? c.reg : c.dep);
    QCOMPARE(l->GetFeatureCount(), static_cast<GIntBig>(codes.size()));
    for (auto& f : *l) {
        const std::string code = f->GetFieldAsString("code");
        QVERIFY2(codes.count(code), code.c_str());
        const double expected = communeAreaOf(d, code, region);
        const OGRGeometry* g = f->GetGeometryRef();
        if (expected == 0) {
            QVERIFY2(!g || g->IsEmpty(), code.c_str());
            continue;
        }
        QVERIFY2(g && g->IsValid(), code.c_str());
        const double area = g->toMultiPolygon()->get_Area() / 1e6;
        QVERIFY2(std::abs(area - expected) <= 1e-6 * expected,
                 qPrintable(QStringLiteral("%1 %2: %3 km² instead of %4")
                                .arg(QString::fromLatin1(name), QString::fromStdString(code))
                                .arg(area, 0, 'f', 9)
                                .arg(expected, 0, 'f', 9)));
    }
}

QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden);
}

QByteArray contentOf(const QString& path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

class CancelAfter : public Feedback {
public:
    explicit CancelAfter(int n) : m_n(n) {}
    bool isCanceled() const override { return ++m_calls > m_n; }

private:
    int m_n;
    mutable int m_calls = 0;
};

} // namespace

class TestGpkg : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { io::ensureGdal(); }

    void roundTripEveryTable() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        const model::Dataset d = smallDataset();
        Feedback fb;
        io::writeDataset(d, path, &fb);
        QCOMPARE(fb.progress(), 100.0);
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("territoire.gpkg")}); // no temp, no journal
        const model::Dataset r = io::readDataset(path);
        compareDatasets(d, r);
        QVERIFY(r.commune("2A004"));
        QCOMPARE(r.bassinIndex("59350"), 1);

        // And again: a second round trip writes the same thing.
        const std::string path2 = dir.filePath("copie.gpkg").toStdString();
        io::writeDataset(r, path2);
        compareDatasets(d, io::readDataset(path2));
    }

    void writeAndReadStepsAreWordedInTheReceiversLanguage() {
        // The engine names its steps with catalogue messages; the status bar and the command line word
        // them in their language (an English run showed French step names before).
        struct Steps : Feedback {
            void setStep(const Message& step) override {
                en.push_back(word(step, Language::En));
                fr.push_back(word(step, Language::Fr));
            }
            std::vector<std::string> en, fr;
        } written, read;
        QTemporaryDir dir;
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        io::writeDataset(smallDataset(), path, &written);
        io::readDataset(path, &read);
        QCOMPARE(written.en.front(), std::string("Writing the communes"));
        QCOMPARE(written.fr.front(), std::string("Écriture des communes"));
        QCOMPARE(written.fr.back(), std::string("Finalisation du fichier"));
        QCOMPARE(read.en,
                 (std::vector<std::string>{"Reading the communes", "Reading the bassins de vie",
                                           "Reading the counts of professionals", "Reading the parameters"}));
        QCOMPARE(read.fr.at(1), std::string("Lecture des bassins de vie"));
    }

    void emptyOptionalTables() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vide.gpkg").toStdString();
        model::Dataset d;
        d.catalogue = model::ProfessionCatalogue::builtin();
        io::writeDataset(d, path);
        const model::Dataset r = io::readDataset(path);
        compareDatasets(d, r);
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
        QVERIFY(ds);
        QVERIFY(!ds->GetLayerByName("zones")); // only when there are zones
    }

    // A dataset is written in SQLite pages of 64 KiB (fewer reads and writes of its pages), with the pragmas
    // the user gives GDAL still applied; it reads back the same.
    void aDatasetIsWrittenInLargePagesKeepingTheUsersPragmas() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        {
            const io::ScopedGdalConfig user("OGR_SQLITE_PRAGMA", "auto_vacuum=1");
            io::writeDataset(smallDataset(), path);
        }
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        QVERIFY(ds);
        const auto pragma = [&](const char* sql) {
            OGRLayer* result = ds->ExecuteSQL(sql, nullptr, "SQLITE");
            std::unique_ptr<OGRFeature> f(result ? result->GetNextFeature() : nullptr);
            const long long value = f ? f->GetFieldAsInteger64(0) : -1;
            ds->ReleaseResultSet(result);
            return value;
        };
        QCOMPARE(pragma("PRAGMA page_size"), 65536LL);
        QCOMPARE(pragma("PRAGMA auto_vacuum"), 1LL);
        ds.reset();
        compareDatasets(smallDataset(), io::readDataset(path));
    }

    // A caller done with its dataset lets it go once every row is written, before the file is closed (the
    // write's peak of memory): the file has every row, and the dataset is not read again.
    void aDatasetLetGoOnceItsRowsAreWrittenIsWrittenWhole() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        model::Dataset d = smallDataset();
        int calls = 0;
        io::writeDataset(d, path, nullptr, [&] {
            ++calls;
            QVERIFY(!QFile::exists(QString::fromStdString(path))); // before the file is put in place
            d = model::Dataset();
        });
        QCOMPARE(calls, 1);
        QVERIFY(d.communes.empty());
        compareDatasets(smallDataset(), io::readDataset(path));
    }

    void opensWithOgrAsQgisWould() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        io::writeDataset(smallDataset(), path);
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        QVERIFY(ds);
        QCOMPARE(std::string(ds->GetDriver()->GetDescription()), std::string("GPKG"));
        std::set<std::string> layers;
        for (auto* l : ds->GetLayers())
            layers.insert(l->GetName());
        const std::set<std::string> expected = {
            "communes",     "bassins_de_vie", "zones",       "professionals", "zone_professionals",
            "professions",  "parameters",     "metadata",    "cooperations",  "flows",
            "travel_times", "regions",        "departements"};
        QVERIFY(layers == expected);

        for (const char* name : {"communes", "bassins_de_vie", "zones"}) {
            OGRLayer* l = ds->GetLayerByName(name);
            QCOMPARE(wkbFlatten(l->GetGeomType()), wkbMultiPolygon);
            const OGRSpatialReference* srs = l->GetSpatialRef();
            QVERIFY(srs);
            QCOMPARE(std::string(srs->GetAuthorityCode(nullptr)), std::string("2154"));
            // Spatial index (R-tree) present.
            const std::string sql = std::string("SELECT COUNT(*) FROM sqlite_master WHERE name = 'rtree_") +
                                    name + "_" + l->GetGeometryColumn() + "'";
            OGRLayer* res = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
            QVERIFY(res);
            OGRFeatureUniquePtr f(res->GetNextFeature());
            QCOMPARE(f->GetFieldAsInteger(0), 1);
            ds->ReleaseResultSet(res);
        }
        const auto fieldsOf = [&](const char* name) {
            std::vector<std::string> out;
            OGRFeatureDefn* defn = ds->GetLayerByName(name)->GetLayerDefn();
            for (int i = 0; i < defn->GetFieldCount(); ++i)
                out.push_back(defn->GetFieldDefn(i)->GetNameRef());
            return out;
        };
        const auto has = [](const std::vector<std::string>& fields,
                            std::initializer_list<const char*> names) {
            for (const char* n : names)
                if (std::find(fields.begin(), fields.end(), n) == fields.end())
                    return false;
            return true;
        };
        QVERIFY(has(fieldsOf("communes"), {"code", "nom", "population", "bv", "dep", "reg"}));
        QVERIFY(has(fieldsOf("bassins_de_vie"), {"code", "nom", "dep", "reg", "population", "n_communes"}));
        QVERIFY(has(fieldsOf("professionals"), {"commune", "profession", "vintage", "count"}));
        QVERIFY(
            has(fieldsOf("professions"), {"code", "label_fr", "label_en", "grp", "psychiatric", "aliases"}));
        QVERIFY(has(fieldsOf("parameters"), {"key", "value"}));
        QVERIFY(has(fieldsOf("metadata"), {"key", "value"}));
        QCOMPARE(ds->GetLayerByName("professionals")->GetGeomType(), wkbNone);
        QCOMPARE(ds->GetLayerByName("communes")->GetFeatureCount(), GIntBig(4));
        QCOMPARE(ds->GetLayerByName("professionals")->GetFeatureCount(), GIntBig(4));

        // Metadata as a user reads it in QGIS's attribute table.
        std::map<std::string, std::string> meta;
        for (auto& f : *ds->GetLayerByName("metadata"))
            meta[f->GetFieldAsString(0)] = f->GetFieldAsString(1);
        QCOMPARE(meta["sources"], std::string("INSEE, BPE 2013 | IGN, Admin Express 2018"));
        QCOMPARE(meta["cog_year"], std::string("2018"));
        QCOMPARE(meta["fictional"], std::string("true"));
        QCOMPARE(meta["vintages"], std::string("2009,2013"));
        QCOMPARE(meta["extra.auteur"], std::string("ORS Hauts-de-France"));
        QVERIFY(meta.count("title") && meta.count("bv_vintage") && meta.count("created_by") &&
                meta.count("created_at"));
        // n_communes as a number QGIS can style on.
        OGRFeatureUniquePtr b(ds->GetLayerByName("bassins_de_vie")->GetNextFeature());
        QCOMPARE(b->GetFieldAsInteger("n_communes"), 3);
    }

    void writeIntoMissingFolderThrowsAndLeavesNothing() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("absent"));
        const std::string path = (folder + QStringLiteral("/territoire.gpkg")).toStdString();
        try {
            io::writeDataset(smallDataset(), path);
            QFAIL("expected Error(Write)");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Write);
            QCOMPARE(e.where().file, path);
            QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
        }
        QVERIFY(!QFileInfo::exists(folder));
        QVERIFY(filesIn(dir.path()).isEmpty());
    }

    void writeIntoReadOnlyFolderThrows() {
        if (geteuid() == 0)
            QSKIP("running as root: permissions do not stop writes");
        QTemporaryDir dir;
        QVERIFY(::chmod(dir.path().toLocal8Bit().constData(), 0555) == 0);
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        try {
            io::writeDataset(smallDataset(), path);
            QFAIL("expected Error(Write)");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Write);
        }
        ::chmod(dir.path().toLocal8Bit().constData(), 0755);
        QVERIFY(filesIn(dir.path()).isEmpty());
    }

    void renameFailureRemovesTheTemporaryFile() {
        // The target is a folder: everything is written, then the final rename fails (works as root too).
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("territoire.gpkg"));
        QVERIFY(QDir().mkdir(target));
        try {
            io::writeDataset(smallDataset(), target.toStdString());
            QFAIL("expected Error(Write)");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Write);
            QCOMPARE(e.where().file, target.toStdString());
        }
        QVERIFY(QFileInfo(target).isDir());
        QVERIFY(filesIn(dir.path()).isEmpty());
    }

    void failedWriteLeavesExistingTargetUntouched() {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("territoire.gpkg"));
        io::writeDataset(smallDataset(), target.toStdString());
        const QByteArray before = contentOf(target);
        QVERIFY(!before.isEmpty());

        model::Dataset broken = smallDataset();
        broken.bassins[1].geometry = {1, 2, 3, 4, 5}; // not WKB: fails after communes were written
        try {
            io::writeDataset(broken, target.toStdString());
            QFAIL("expected Error(Write)");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Write);
            QCOMPARE(e.where().file, target.toStdString());
            QVERIFY2(e.detail().find("59350") != std::string::npos, e.what());
        }
        QCOMPARE(contentOf(target), before);
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("territoire.gpkg")});

        // Cancelled half-way: same.
        CancelAfter cancel(2);
        try {
            io::writeDataset(smallDataset(), target.toStdString(), &cancel);
            QFAIL("expected Error(Canceled)");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Canceled);
        }
        QCOMPARE(contentOf(target), before);
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("territoire.gpkg")});
    }

    void readErrorsNameTheFile() {
        QTemporaryDir dir;
        const std::string absent = dir.filePath("absent.gpkg").toStdString();
        try {
            io::readDataset(absent);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::FileNotFound);
            QCOMPARE(e.where().file, absent);
        }
        const QString text = dir.filePath(QStringLiteral("texte.gpkg"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("ceci n'est pas un GeoPackage\n");
        }
        try {
            io::readDataset(text.toStdString());
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::CannotOpen);
        }
        // A GeoPackage, but not ours.
        const std::string other = dir.filePath("autre.gpkg").toStdString();
        {
            GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
                other.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            ds->CreateLayer("routes", nullptr, wkbLineString, nullptr);
        }
        try {
            io::readDataset(other);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Format);
            QCOMPARE(e.where().file, other);
            QVERIFY2(e.detail().find("communes") != std::string::npos &&
                         e.detail().find("routes") != std::string::npos,
                     e.what());
        }
    }

    void aFolderOrAFileOfAnotherKindIsCalledWhatItIs() {
        QTemporaryDir dir;
        const auto messageFor = [](const std::string& path) {
            try {
                io::readDataset(path);
            } catch (const Error& e) {
                return std::string(e.what());
            }
            return std::string("no error");
        };
        const std::string folder = dir.path().toStdString();
        QCOMPARE(messageFor(folder),
                 folder + ": is a folder, expected a dataset .gpkg (written by 'maillage import')");
        const std::string absent = dir.filePath("absent.gpkg").toStdString();
        QCOMPARE(messageFor(absent),
                 absent + ": file not found, expected a dataset .gpkg (written by 'maillage import')");
        const QString text = dir.filePath(QStringLiteral("texte.gpkg"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("ceci n'est pas un GeoPackage\n");
        }
        const std::string m = messageFor(text.toStdString());
        QVERIFY2(m.rfind(text.toStdString() + ": is not a GeoPackage, expected a dataset .gpkg", 0) == 0,
                 m.c_str());
        QVERIFY2(m.find("unknown GDAL error") == std::string::npos, m.c_str());
    }

    void gdalMessagesAreCollectedInsteadOfPrinted() {
        io::GdalErrorCollector outer;
        {
            io::GdalErrorCollector inner;
            CPLError(CE_Warning, CPLE_AppDefined, "a warning");
            CPLError(CE_Failure, CPLE_AppDefined, "first failure");
            CPLError(CE_Failure, CPLE_AppDefined, "second failure");
            QCOMPARE(testing::qList(inner.warnings()), QStringList{"a warning"});
            QCOMPARE(testing::qList(inner.errors()), (QStringList{"first failure", "second failure"}));
            QCOMPARE(inner.message(), std::string("first failure; second failure"));
        }
        QVERIFY(outer.errors().empty()); // scopes nest: the inner one took them
        CPLError(CE_Failure, CPLE_AppDefined, "after");
        QCOMPARE(testing::qList(outer.errors()), QStringList{"after"});
        outer.clear();
        QVERIFY(outer.errors().empty());
    }

    void toleratesEditsInQgis() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        const model::Dataset d = smallDataset();
        io::writeDataset(d, path);
        {
            GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
            OGRLayer* communes = ds->GetLayerByName("communes");
            OGRFieldDefn note("note_utilisateur", OFTString);
            QCOMPARE(communes->CreateField(&note), OGRERR_NONE);
            ds->CreateLayer("mes_annotations", nullptr, wkbPoint, nullptr);
            for (int i = 0; i < ds->GetLayerCount(); ++i)
                if (std::string(ds->GetLayer(i)->GetName()) == "cooperations")
                    QCOMPARE(ds->DeleteLayer(i), OGRERR_NONE);
        }
        const model::Dataset r = io::readDataset(path);
        QCOMPARE(r.communes.size(), d.communes.size());
        QCOMPARE(r.communes[1].code, std::string("2A004"));
        QVERIFY(r.cooperations.empty());
        QCOMPARE(r.flows.size(), d.flows.size());
    }

    void parameterOfANewerVersionIsIgnoredNotFatal() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        const model::Dataset d = smallDataset();
        io::writeDataset(d, path);
        {
            GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
            OGRLayer* params = ds->GetLayerByName("parameters");
            OGRFeature f(params->GetLayerDefn());
            f.SetField("key", "poles.future_threshold");
            f.SetField("value", 42.0);
            QCOMPARE(params->CreateFeature(&f), OGRERR_NONE);
        }
        const model::Dataset r = io::readDataset(path);
        QCOMPARE(r.params.poles.massScale, d.params.poles.massScale);
        QCOMPARE(r.meta.extra.at("ignored_parameters"), std::string("poles.future_threshold"));
    }

    void parametersOfADatasetOpenedThroughALinkUpdateTheFileItPointsTo() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        const std::string link = dir.filePath("lien.gpkg").toStdString();
        const model::Dataset d = smallDataset();
        io::writeDataset(d, path);
        QCOMPARE(::symlink(path.c_str(), link.c_str()), 0);
        model::Parameters p = d.params;
        p.poles.metropoleMin = 12000;
        io::writeParameters(link, p);
        QVERIFY(QFileInfo(QString::fromStdString(link)).isSymLink());
        QCOMPARE(io::readDataset(path).params.poles.metropoleMin, 12000.0);
        // A new dataset is not written through a link.
        try {
            io::writeDataset(d, link);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("is a symbolic link") != std::string::npos, e.what());
        }
        QVERIFY(QFileInfo(QString::fromStdString(link)).isSymLink());
    }

    void outputsWrittenTogetherAppearOnlyWhenCommitted() {
        QTemporaryDir dir;
        const std::string report = dir.filePath("report.txt").toStdString();
        {
            io::PendingFile pending(report, "warnings\n");
            QCOMPARE(filesIn(dir.path()).size(), 1); // its temporary, beside the target
            QVERIFY(!QFile::exists(QString::fromStdString(report)));
        } // not committed: the dataset failed, say
        QCOMPARE(filesIn(dir.path()), QStringList());
        io::PendingFile pending(report, "warnings\n");
        pending.commit();
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("report.txt")});
    }

    void departementAndRegionOutlinesAreDissolvedOnceAndStored() {
        model::Dataset d = gridDataset();
        Warnings warnings;
        io::dissolveOutlines(d, warnings);
        QCOMPARE(d.departementOutlines.size(), std::size_t(3));
        QCOMPARE(d.departementOutlines[0].code, std::string("01"));
        QVERIFY(d.departementOutlines[2].geometry.empty()); // 03: its only commune has no polygon
        QCOMPARE(d.regionOutlines.size(), std::size_t(2));
        QCOMPARE(d.regionOutlines[0].code, std::string("11"));
        QVERIFY(d.regionOutlines[0].geometry.empty());
        QCOMPARE(io::areaKm2(d.regionOutlines[1].geometry), 5.0);
        QCOMPARE(warnings.size(), std::size_t(2));
        QCOMPARE(warnings[0].details, std::vector<std::string>{"03"});
        QCOMPARE(warnings[0].text.id, std::string("gpkg.departement_outlines_missing"));
        QCOMPARE(warnings[0].sentence(Language::En),
                 std::string("1 département has no outline (none of its communes has a polygon)"));
        QCOMPARE(warnings[1].details, std::vector<std::string>{"11"});

        QTemporaryDir dir;
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        io::writeDataset(d, path);
        checkOutlineLayer(path, "departements", d, false);
        checkOutlineLayer(path, "regions", d, true);
        const model::Dataset r = io::readDataset(path);
        QCOMPARE(r.departementOutlines.size(), std::size_t(2)); // 03 has a row but no outline
        QCOMPARE(r.departementOutlines[1].code, std::string("02"));
        QVERIFY(sameGeometry(r.departementOutlines[1].geometry, d.departementOutlines[1].geometry));
        QCOMPARE(r.regionOutlines.size(), std::size_t(1));
        QVERIFY(r.departementNames == d.departementNames); // names stay optional
    }

    void aDepartementTakesTheRegionOfMostOfItsCommunes() {
        std::vector<model::Commune> communes(3);
        communes[0].dep = communes[1].dep = communes[2].dep = "59";
        communes[0].reg = "31";
        communes[1].reg = communes[2].reg = "32";
        const auto byRegion = io::departementsByRegion(communes);
        QCOMPARE(byRegion.size(), std::size_t(1));
        QCOMPARE(byRegion.at("32"), std::vector<std::string>{"59"});
    }

    void realDepartementOutlinesHaveTheAreaOfTheirCommunes() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        Warnings warnings;
        model::Dataset d;
        d.catalogue = model::ProfessionCatalogue::builtin();
        d.communes = io::readCommunePolygons(
            testing::sharedPath("communes/communes_hauts_de_france_cog2018.geojson").toStdString(), {},
            warnings);
        for (auto& c : d.communes) {
            c.dep = codes::departementOf(c.code);
            c.reg = "32";
        }
        io::dissolveOutlines(d, warnings);
        QCOMPARE(d.departementOutlines.size(), std::size_t(5)); // Aisne, Nord, Oise, Pas-de-Calais, Somme
        QTemporaryDir dir;
        const std::string path = dir.filePath("hdf.gpkg").toStdString();
        io::writeDataset(d, path);
        checkOutlineLayer(path, "departements", d, false);
        checkOutlineLayer(path, "regions", d, true);
    }

    void attributesOnlyReadingLeavesThePolygonsOut() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        model::Dataset d = smallDataset();
        Warnings warnings;
        io::dissolveOutlines(d, warnings);
        io::writeDataset(d, path);
        io::ReadOptions options;
        options.geometries = false;
        const model::Dataset r = io::readDataset(path, options);
        QCOMPARE(r.communes.size(), d.communes.size());
        for (std::size_t i = 0; i < r.communes.size(); ++i) {
            QVERIFY(r.communes[i].geometry.empty());
            QCOMPARE(r.communes[i].anchor.x, d.communes[i].anchor.x); // the stored anchors
            QCOMPARE(r.communes[i].bv, d.communes[i].bv);
        }
        for (const auto& b : r.bassins)
            QVERIFY(b.geometry.empty());
        for (const auto& z : r.zones)
            QVERIFY(z.geometry.empty());
        QVERIFY(r.departementOutlines.empty());
        QVERIFY(r.departementNames == d.departementNames);
        QCOMPARE(r.counts.size(), d.counts.size());
        QCOMPARE(r.bassins[1].communes, d.bassins[1].communes);
        // The same file read in full still has them.
        QVERIFY(!io::readDataset(path).departementOutlines.empty());
    }

    void resultLayersArePointsAndLinesWithSmallCountsMasked() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        const model::Dataset d = smallDataset();
        io::writeDataset(d, path);
        io::PolePoint lille{"59350", "Lille", 1,     "Pôle de grande métropole",
                            25000,   false,   false, {2900, 200}};
        io::PolePoint small{"01001", "Premier bassin", 4, "Pôle secondaire", 3, true,
                            true,    {700500, 6600500}};
        io::LinkLine modelled{"modelled", "01001", "59350", 1.5e6,          true,
                              0,          "",      false,   small.position, lille.position};
        io::LinkLine declared{"declared", "59350",        "01001",       0, false, 0, "CHT",
                              true,       lille.position, small.position};
        for (int pass = 0; pass < 2; ++pass) // a second write replaces the first
            io::writeResultLayers(path, {lille, small}, {modelled, declared});
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("territoire.gpkg")});

        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        OGRLayer* poles = ds->GetLayerByName("poles");
        QVERIFY(poles);
        QCOMPARE(wkbFlatten(poles->GetGeomType()), wkbPoint);
        QCOMPARE(std::string(poles->GetSpatialRef()->GetAuthorityCode(nullptr)), std::string("2154"));
        QCOMPARE(poles->GetFeatureCount(), GIntBig(2));
        std::map<std::string, OGRFeatureUniquePtr> byCode;
        for (auto& f : *poles)
            byCode[f->GetFieldAsString("code")].reset(f.release());
        QCOMPARE(byCode["59350"]->GetFieldAsDouble("professionals"), 25000.0);
        QCOMPARE(std::string(byCode["59350"]->GetFieldAsString("type_label")), lille.typeLabel);
        QCOMPARE(byCode["59350"]->GetGeometryRef()->toPoint()->getX(), 2900.0);
        QVERIFY(byCode["01001"]->IsFieldNull(byCode["01001"]->GetFieldIndex("professionals"))); // 3 < 5
        QCOMPARE(byCode["01001"]->GetFieldAsInteger("isolated"), 1);

        OGRLayer* links = ds->GetLayerByName("liens");
        QVERIFY(links);
        QCOMPARE(wkbFlatten(links->GetGeomType()), wkbLineString);
        QCOMPARE(links->GetFeatureCount(), GIntBig(2));
        OGRFeatureUniquePtr first(links->GetNextFeature());
        QCOMPARE(std::string(first->GetFieldAsString("kind")), std::string("modelled"));
        QCOMPARE(first->GetFieldAsDouble("intensity"), 1.5e6);
        QCOMPARE(first->GetFieldAsInteger("dominant"), 1);
        QCOMPARE(first->GetGeometryRef()->toLineString()->getNumPoints(), 2);
        OGRFeatureUniquePtr second(links->GetNextFeature());
        QCOMPARE(std::string(second->GetFieldAsString("cooperation")), std::string("CHT"));
        QVERIFY(second->IsFieldNull(second->GetFieldIndex("intensity")));
        ds.reset();
        compareDatasets(d, io::readDataset(path)); // the dataset itself is untouched
    }

    void resultsAreWrittenIntoATemporaryCopyWithoutACopyOfTheirOwn() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("copie.gpkg").toStdString();
        const model::Dataset d = smallDataset();
        io::writeDataset(d, path);
        io::BassinClassificationFields lille;
        lille.bv = "59350";
        lille.poleType = 4;
        lille.poleLabel = "Pôle secondaire";
        lille.total = 3;
        lille.masked = true; // 3 < 5: total and shares hidden, the reason is the type alone
        lille.reason = "3 professionnels";
        io::PolePoint pole{"59350", "Lille", 4, "Pôle secondaire", 3, true, false, {2900, 200}};
        model::Parameters p = d.params;
        p.poles.metropoleMin = 12000;
        io::writeResultsInto(path, p, {lille}, {pole}, {});
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("copie.gpkg")}); // no temporary file
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        QCOMPARE(ds->GetLayerByName("poles")->GetFeatureCount(), GIntBig(1));
        QCOMPARE(ds->GetLayerByName("liens")->GetFeatureCount(), GIntBig(0));
        for (auto& f : *ds->GetLayerByName("bassins_de_vie")) {
            if (std::string(f->GetFieldAsString("code")) != "59350")
                continue;
            QCOMPARE(f->GetFieldAsInteger("pole_type"), 4);
            QVERIFY(f->IsFieldNull(f->GetFieldIndex("total")));
            QVERIFY(f->IsFieldNull(f->GetFieldIndex("pole_share")));
            QCOMPARE(std::string(f->GetFieldAsString("reason")), lille.poleLabel);
        }
        ds.reset();
        QCOMPARE(io::readDataset(path).params.poles.metropoleMin, 12000.0);
    }

    void writesParametersInPlace() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("territoire.gpkg").toStdString();
        const model::Dataset d = smallDataset();
        io::writeDataset(d, path);
        model::Parameters p = d.params;
        p.poles.metropoleMin = 12000;
        p.maillage.strongestPerPole = 5;
        io::writeParameters(path, p);
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("territoire.gpkg")});
        model::Dataset r = io::readDataset(path);
        QVERIFY(r.params.toKeyValues() == p.toKeyValues());
        r.params = d.params;
        compareDatasets(d, r); // nothing else changed

        io::BassinClassificationFields lille;
        lille.bv = "59350";
        lille.poleType = 1;
        lille.poleLabel = "Pôle de grande métropole";
        lille.total = 25000;
        lille.poleShare = 0.31;
        lille.psyShare = 0.02;
        lille.reason = "25 000 professionnels, plus de 10 000 : pôle de grande métropole.";
        io::writeParameters(path, p, {lille});
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
        OGRLayer* l = ds->GetLayerByName("bassins_de_vie");
        int seen = 0;
        for (auto& f : *l) {
            if (std::string(f->GetFieldAsString("code")) == "59350") {
                QCOMPARE(f->GetFieldAsInteger("pole_type"), 1);
                QCOMPARE(std::string(f->GetFieldAsString("pole_label")), lille.poleLabel);
                QCOMPARE(f->GetFieldAsDouble("total"), 25000.0);
                QCOMPARE(f->GetFieldAsDouble("pole_share"), 0.31);
                QCOMPARE(f->GetFieldAsDouble("psy_share"), 0.02);
                QCOMPARE(std::string(f->GetFieldAsString("reason")), lille.reason);
            } else {
                QVERIFY(f->IsFieldNull(f->GetFieldIndex("pole_type")));
            }
            ++seen;
        }
        QCOMPARE(seen, 2);
        ds.reset();
        compareDatasets(d, [&] {
            model::Dataset x = io::readDataset(path);
            x.params = d.params;
            return x;
        }());

        // Invalid parameters: refused before anything is touched.
        const QByteArray before = contentOf(QString::fromStdString(path));
        model::Parameters bad = p;
        bad.poles.massScale = -1;
        try {
            io::writeParameters(path, bad);
            QFAIL("expected Error(Parameter)");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Parameter);
        }
        QCOMPARE(contentOf(QString::fromStdString(path)), before);
        try {
            io::writeParameters(dir.filePath("absent.gpkg").toStdString(), p);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::FileNotFound);
        }
    }
};

QTEST_GUILESS_MAIN(TestGpkg)
#include "test_gpkg.moc"
