// Commune polygons in (reprojection, code repair, MakeValid), bassins de vie dissolved.
#include "geo_testing.h"
#include "testing.h"

#include "core/io/gdal_util.h"
#include "core/io/geo.h"
#include "core/io/geojson_polygons.h"

#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <ogr_feature.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>

using namespace maillage;

namespace {

using testing::geometryOf;
using testing::GeomPtr;
using testing::wkbOf;

const model::Commune* find(const std::vector<model::Commune>& communes, const std::string& code) {
    for (const auto& c : communes)
        if (c.code == code)
            return &c;
    return nullptr;
}

//! Reads the crosswalk CSV with Qt (independent of core/io/table.cpp): commune -> BV2012.
std::map<std::string, std::string> readCrosswalkBv2012(const QString& path) {
    std::map<std::string, std::string> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    QTextStream in(&f);
    QStringList header = in.readLine().remove(QLatin1Char('"')).split(QLatin1Char(','));
    const int code = header.indexOf(QStringLiteral("CODGEO_2018")),
              bv = header.indexOf(QStringLiteral("BV2012"));
    while (!in.atEnd()) {
        const QStringList cells = in.readLine().split(QLatin1Char(','));
        if (cells.size() < header.size() || code < 0 || bv < 0)
            continue; // names never hold commas in this file; rows with one would be skipped, not misread
        out[cells[code].mid(1, cells[code].size() - 2).toStdString()] =
            cells[bv].mid(1, cells[bv].size() - 2).toStdString();
    }
    return out;
}

class CountingFeedback : public Feedback {
public:
    void setProgress(double percent) override {
        Feedback::setProgress(percent);
        ++calls;
    }
    std::atomic<int> calls{0};
};

//! `text` with its single quotes made double: JSON in a test without escaping every quote.
QByteArray q(const char* text) {
    return QByteArray(text).replace('\'', '"');
}

//! Writes `text` to `path`.
void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(text), text.size());
}

//! The communes of `path` read as the import reads them, and read through GDAL's driver (a layer named).
void compareWithGdal(const std::string& path, const std::string& layer) {
    Warnings fast, gdal;
    io::PolygonReadOptions named;
    named.layer = layer;
    const auto a = io::readCommunePolygons(path, {}, fast);
    const auto b = io::readCommunePolygons(path, named, gdal);
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].code, b[i].code);
        QCOMPARE(a[i].name, b[i].name);
        QVERIFY2(a[i].geometry == b[i].geometry, a[i].code.c_str());
        QCOMPARE(a[i].anchor.x, b[i].anchor.x);
        QCOMPARE(a[i].anchor.y, b[i].anchor.y);
    }
    QCOMPARE(fast.size(), gdal.size());
    for (std::size_t i = 0; i < fast.size(); ++i)
        QCOMPARE(fast[i].details, gdal[i].details);
}

//! A feature of a GeoJSON text: `properties` and `geometry` as JSON, `extra` more members.
QByteArray feature(const QByteArray& properties, const QByteArray& geometry, const QByteArray& extra = {}) {
    return "{\"type\":\"Feature\"," + extra + "\"properties\":" + properties + ",\"geometry\":" + geometry +
           "}";
}

//! A square of side `d` degrees at (x, y), as a ring.
QByteArray square(double x, double y, double d) {
    return QStringLiteral("[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]")
        .arg(x, 0, 'g', 17)
        .arg(y, 0, 'g', 17)
        .arg(x + d, 0, 'g', 17)
        .arg(y + d, 0, 'g', 17)
        .toUtf8();
}

//! Every feature of a plain GeoJSON file read `chunk` bytes at a time: its FID, fields and WKB geometry.
std::vector<std::string> plainFeatures(const std::string& path, std::size_t chunk) {
    std::vector<std::string> out;
    io::GeoJsonPolygons features(path, chunk);
    while (io::FeaturePtr f = features.next()) {
        std::string text = std::to_string(f->GetFID());
        for (int i = 0; i < f->GetFieldCount(); ++i)
            text += f->IsFieldNull(i) ? std::string("|null") : "|" + std::string(f->GetFieldAsString(i));
        if (const OGRGeometry* g = f->GetGeometryRef()) {
            std::string wkb(static_cast<std::size_t>(g->WkbSize()), '\0');
            g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(&wkb[0]));
            text += "|" + wkb;
        }
        out.push_back(std::move(text));
    }
    return out;
}

} // namespace

class TestGeo : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { io::ensureGdal(); }

    void reprojectsToLambert93() {
        Warnings w;
        auto communes = io::readCommunePolygons(testing::dataPath("geo/squares.geojson"), {}, w);
        QCOMPARE(communes.size(), std::size_t(4));
        // The square's lower-left corner is (3 E, 46.5 N), the origin of Lambert-93: (700000, 6600000).
        // Its left edge lies on the central meridian and its bottom edge bulges north, so the envelope's
        // minimum is that corner exactly.
        const model::Commune* sw = find(communes, "01001");
        QVERIFY(sw);
        GeomPtr g = geometryOf(sw->geometry);
        QVERIFY(g);
        QCOMPARE(wkbFlatten(g->getGeometryType()), wkbMultiPolygon);
        OGREnvelope env;
        g->getEnvelope(&env);
        QVERIFY2(std::abs(env.MinX - 700000) < 1, qPrintable(QString::number(env.MinX, 'f', 3)));
        QVERIFY2(std::abs(env.MinY - 6600000) < 1, qPrintable(QString::number(env.MinY, 'f', 3)));
        // 0.01 degree is about 767 m east-west and 1,112 m north-south at this latitude.
        QVERIFY(std::abs(env.MaxX - env.MinX - 767) < 5);
        QVERIFY(std::abs(env.MaxY - env.MinY - 1112) < 5);
        // Anchor inside the polygon.
        QVERIFY(sw->anchor.x > env.MinX && sw->anchor.x < env.MaxX);
        QVERIFY(sw->anchor.y > env.MinY && sw->anchor.y < env.MaxY);
        QVERIFY(w.empty());
    }

    void repairsCodes() {
        Warnings w;
        auto communes = io::readCommunePolygons(testing::dataPath("geo/squares.geojson"), {}, w);
        std::set<std::string> codes;
        for (const auto& c : communes) {
            codes.insert(c.code);
            QCOMPARE(c.dep, std::string("01"));
        }
        QCOMPARE(codes, (std::set<std::string>{"01001", "01002", "01003", "01004"}));
        QCOMPARE(find(communes, "01003")->name, std::string("Nord-Ouest"));

        auto other = io::readCommunePolygons(testing::dataPath("geo/invalid.geojson"), {}, w);
        const model::Commune* ajaccio = find(other, "2A004");
        QVERIFY(ajaccio);
        QCOMPARE(ajaccio->dep, std::string("2A"));
        QCOMPARE(ajaccio->name, std::string("Ajaccio"));
    }

    void repairsInvalidGeometryWithWarning() {
        Warnings w;
        const std::string path = testing::dataPath("geo/invalid.geojson");
        auto communes = io::readCommunePolygons(path, {}, w); // insee_com found as a fallback field
        QCOMPARE(communes.size(), std::size_t(3));
        const model::Commune* lille = find(communes, "59350");
        QVERIFY(lille);
        QVERIFY(io::isValidPolygon(lille->geometry));
        QVERIFY(io::areaKm2(lille->geometry) > 0.5); // both triangles of the bow tie are kept
        QCOMPARE(w.size(), std::size_t(1));
        QCOMPARE(w[0].kind, ErrorKind::Geometry);
        QCOMPARE(w[0].where.file, path);
        QCOMPARE(w[0].details.size(), std::size_t(1));
        QVERIFY(w[0].details[0].find("59350") != std::string::npos);
        for (const auto& c : communes)
            QVERIFY(io::isValidPolygon(c.geometry));
    }

    void missingCodeFieldListsFields() {
        Warnings w;
        const std::string path = testing::dataPath("geo/nocode.geojson");
        try {
            io::readCommunePolygons(path, {}, w);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Format);
            QCOMPARE(e.where().file, path);
            const std::string m = e.detail();
            QVERIFY2(m.find("identifiant") != std::string::npos && m.find("libelle") != std::string::npos,
                     e.what());
        }
        // Naming the field works.
        io::PolygonReadOptions o;
        o.codeField = "identifiant";
        auto communes = io::readCommunePolygons(path, o, w);
        QCOMPARE(communes.size(), std::size_t(1));
        QCOMPARE(communes[0].code, std::string("59350"));
    }

    void duplicateCodeNamesBothFeatures() {
        Warnings w;
        const std::string path = testing::dataPath("geo/duplicate.geojson");
        try {
            io::readCommunePolygons(path, {}, w);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Duplicate);
            QCOMPARE(e.where().file, path);
            QCOMPARE(e.where().feature, 2L);
            QVERIFY2(e.detail().find("59350") != std::string::npos, e.what());
            QVERIFY2(e.detail().find("features 0 and 2") != std::string::npos, e.what());
        }
    }

    void lambert93CoordinatesDeclaredAsWgs84AreNamedAsSuch() {
        Warnings w;
        const std::string path = testing::dataPath("geo/lambert93_declared_wgs84.geojson");
        try {
            io::readCommunePolygons(path, {}, w);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.where().file, path);
            QVERIFY2(e.detail().find("commune 01001") != std::string::npos, e.what());
            QVERIFY2(e.detail().find("declares the coordinate system EPSG:4326 but its coordinates look like "
                                     "Lambert-93 (EPSG:2154)") != std::string::npos,
                     e.what());
        }
    }

    void gdalsReasonForAnUnreadableFileIsInTheError() {
        Warnings w;
        try {
            io::readCommunePolygons(testing::dataPath("geo/broken.geojson"), {}, w);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::CannotOpen);
            QVERIFY2(e.detail().find("Unterminated array") != std::string::npos, e.what());
        }
    }

    void missingFileAndLayer() {
        Warnings w;
        try {
            io::readCommunePolygons(testing::dataPath("geo/absent.geojson"), {}, w);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::FileNotFound);
        }
        io::PolygonReadOptions o;
        o.layer = "nope";
        try {
            io::readCommunePolygons(testing::dataPath("geo/squares.geojson"), o, w);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Format);
            QVERIFY2(e.detail().find("squares") != std::string::npos, e.what()); // lists the layers found
        }
    }

    void geoErrorsAreWordedInFrench() {
        Warnings w;
        const auto errorOf = [&](const std::string& path) -> std::optional<Error> {
            try {
                io::readCommunePolygons(path, {}, w);
            } catch (const Error& e) {
                return e;
            }
            return std::nullopt;
        };
        const auto absent = errorOf(testing::dataPath("geo/absent.geojson"));
        QVERIFY(absent);
        QCOMPARE(testing::q(absent->describe(Language::Fr, PathStyle::FileName)),
                 QStringLiteral("absent.geojson\u00a0: fichier introuvable"));
        const auto broken = errorOf(testing::dataPath("geo/broken.geojson"));
        QVERIFY(broken);
        QVERIFY2(
            testing::q(broken->describe(Language::Fr, PathStyle::FileName))
                .startsWith(QStringLiteral("broken.geojson\u00a0: impossible d'ouvrir broken.geojson comme "
                                           "fichier vectoriel (GeoPackage, Shapefile, GeoJSON…)\u00a0: ")),
            broken->describe(Language::Fr).c_str());
        const auto crs = errorOf(testing::dataPath("geo/lambert93_declared_wgs84.geojson"));
        QVERIFY(crs);
        QVERIFY2(
            testing::q(crs->describe(Language::Fr))
                .contains(QStringLiteral("ne peut pas être reprojeté en Lambert-93\u00a0: le fichier déclare "
                                         "le système de coordonnées EPSG:4326, mais ses coordonnées "
                                         "ressemblent à du Lambert-93 (EPSG:2154)")),
            crs->describe(Language::Fr).c_str());
    }

    void gdalsSilenceIsNeverWordedAsAnUnknownError() {
        const Message without =
            io::withGdalReason(msg("io.geo.cannot_reproject"), msg("io.geo.cannot_reproject_gdal"), "");
        QCOMPARE(testing::q(word(without, Language::En)),
                 QStringLiteral("cannot reproject to Lambert-93 (EPSG:2154)"));
        const Message with = io::withGdalReason(msg("io.geo.cannot_reproject"),
                                                msg("io.geo.cannot_reproject_gdal"), "PROJ: no grid");
        QCOMPARE(testing::q(word(with, Language::Fr)),
                 QStringLiteral("impossible de reprojeter en Lambert-93 (EPSG:2154)\u00a0: PROJ: no grid"));
    }

    void dissolvesFourSquares() {
        Warnings w;
        model::Dataset d;
        d.communes = io::readCommunePolygons(testing::dataPath("geo/squares.geojson"), {}, w);
        double sum = 0;
        for (auto& c : d.communes) {
            sum += io::areaKm2(c.geometry);
            c.population = c.code == "01004" ? 900 : 100;
        }
        model::Bassin b;
        b.code = "01002"; // main commune
        b.communes = {"01001", "01002", "01003", "01004"};
        model::Bassin other;
        other.code = "99999";
        other.communes = {"99999"}; // no polygon: warned, left empty
        d.bassins = {b, other};
        CountingFeedback fb;
        io::dissolveBassins(d, w, &fb);

        const model::Wkb& u = d.bassins[0].geometry;
        QVERIFY(io::isValidPolygon(u));
        GeomPtr g = geometryOf(u);
        QCOMPARE(wkbFlatten(g->getGeometryType()), wkbMultiPolygon);
        QCOMPARE(g->toMultiPolygon()->getNumGeometries(), 1);
        QCOMPARE(g->toMultiPolygon()->getGeometryRef(0)->getNumInteriorRings(), 0);
        QVERIFY(std::abs(io::areaKm2(u) - sum) < 1e-6 * sum);
        QVERIFY(sum > 3.3 && sum < 3.5); // 4 x 0.767 km x 1.112 km
        // Anchor: the main commune's (same code as the BV), not the most populous.
        QCOMPARE(d.bassins[0].anchor.x, find(d.communes, "01002")->anchor.x);
        QCOMPARE(d.bassins[0].anchor.y, find(d.communes, "01002")->anchor.y);

        QVERIFY(d.bassins[1].geometry.empty());
        QVERIFY(w.size() >= 2);
        bool missingWarned = false;
        for (const auto& x : w)
            for (const auto& detail : x.details)
                missingWarned = missingWarned || detail.find("99999") != std::string::npos;
        QVERIFY(missingWarned);
        QVERIFY(fb.calls > 0);
        QCOMPARE(fb.progress(), 100.0);
    }

    void dissolveAnchorFallsBackToMostPopulous() {
        Warnings w;
        model::Dataset d;
        d.communes = io::readCommunePolygons(testing::dataPath("geo/squares.geojson"), {}, w);
        for (auto& c : d.communes)
            c.population = c.code == "01004" ? 900 : 100;
        model::Bassin b;
        b.code = "01999"; // not one of its communes
        b.communes = {"01001", "01002", "01003", "01004"};
        d.bassins = {b};
        io::dissolveBassins(d, w);
        QCOMPARE(d.bassins[0].anchor.x, find(d.communes, "01004")->anchor.x);
        // Existing geometries are kept as they are.
        const model::Wkb before = d.bassins[0].geometry;
        d.bassins[0].communes = {"01001"};
        io::dissolveBassins(d, w);
        QVERIFY(d.bassins[0].geometry == before);
    }

    void dissolveHonoursCancel() {
        Warnings w;
        model::Dataset d;
        d.communes = io::readCommunePolygons(testing::dataPath("geo/squares.geojson"), {}, w);
        model::Bassin b;
        b.code = "01001";
        b.communes = {"01001", "01002"};
        d.bassins = {b};
        Feedback fb;
        fb.cancel();
        try {
            io::dissolveBassins(d, w, &fb);
            QFAIL("expected Canceled");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Canceled);
        }
    }

    void validityAndArea() {
        QVERIFY(io::isValidPolygon(wkbOf("POLYGON ((0 0,1000 0,1000 1000,0 1000,0 0))")));
        QCOMPARE(io::areaKm2(wkbOf("POLYGON ((0 0,1000 0,1000 1000,0 1000,0 0))")), 1.0);
        QCOMPARE(io::areaKm2(wkbOf("MULTIPOLYGON (((0 0,1000 0,1000 1000,0 1000,0 0)),"
                                   "((2000 0,3000 0,3000 2000,2000 2000,2000 0)))")),
                 3.0);
        QVERIFY(!io::isValidPolygon(wkbOf("POLYGON ((0 0,10 10,10 0,0 10,0 0))"))); // bow tie
        QVERIFY(!io::isValidPolygon(wkbOf("LINESTRING (0 0,1 1)")));
        QVERIFY(!io::isValidPolygon({}));
        QVERIFY(!io::isValidPolygon({1, 2, 3}));
        QCOMPARE(io::areaKm2({}), 0.0);
    }

    // Real data: Hauts-de-France; the Lille BV2012 (59350) gathers 70 communes.
    void lilleBassinFromRealData() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("bassins_de_vie/commune_cog2018_bv2012_bv2022_crosswalk.csv");
        const auto bv = readCrosswalkBv2012(
            testing::sharedPath("bassins_de_vie/commune_cog2018_bv2012_bv2022_crosswalk.csv"));
        QVERIFY(bv.size() > 35000);
        Warnings w;
        model::Dataset d;
        d.communes = io::readCommunePolygons(
            testing::sharedPath("communes/communes_hauts_de_france_cog2018.geojson").toStdString(), {}, w);
        QCOMPARE(d.communes.size(), std::size_t(3808));
        std::map<std::string, model::Bassin> bassins;
        for (auto& c : d.communes) {
            auto it = bv.find(c.code);
            QVERIFY2(it != bv.end(), c.code.c_str());
            c.bv = it->second;
            auto& b = bassins[c.bv];
            b.code = c.bv;
            b.communes.push_back(c.code);
        }
        for (auto& [code, b] : bassins)
            d.bassins.push_back(b);
        const auto t0 = std::chrono::steady_clock::now();
        io::dissolveBassins(d, w);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        qInfo("dissolved %zu BVs of Hauts-de-France in %.2f s", d.bassins.size(), s);
        const model::Bassin* lille = nullptr;
        for (const auto& b : d.bassins) {
            QVERIFY2(io::isValidPolygon(b.geometry), b.code.c_str());
            if (b.code == "59350")
                lille = &b;
        }
        QVERIFY(lille);
        QCOMPARE(lille->communes.size(), std::size_t(70));
        const double area = io::areaKm2(lille->geometry);
        QVERIFY2(area > 500 && area < 800, qPrintable(QString::number(area))); // about 640 km²
        const model::Commune* city = find(d.communes, "59350");
        QCOMPARE(lille->anchor.x, city->anchor.x);
    }
    // The plain GeoJSON that portals and ogr2ogr write is read without GDAL's driver, in one pass: the same
    // communes (codes repaired, names with escapes, holes, multipolygons, a polygon repaired), the same
    // coordinates to the bit and the same warnings as through the driver.
    void plainGeoJsonReadsAsThroughGdal() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray features =
            feature(q("{'code':'01001','nom':'Saint-\\u00c9tienne \\'l\\u2019\\ud83d\\ude00\\' \\/ "
                      "\\\\','pop':12}"),
                    "{\"type\":\"Polygon\",\"coordinates\":[" + square(4.8, 45.1, 0.1) + "," +
                        square(4.82, 45.12, 0.01) + "],\"bbox\":[4.8,45.1,4.9,45.2]}") +
            ",\n" +
            feature(q("{'code':1002,'nom':null,'pop':-3}"), "{\"type\":\"MultiPolygon\",\"coordinates\":[[" +
                                                                square(4.9, 45.1, 0.1) + "],[" +
                                                                square(5.1, 45.1, 0.05) + "]]}") +
            ",\n" +
            feature(q("{'code':'01003'}"), // a bow tie: repaired, with a warning
                    q("{'type':'Polygon','coordinates':[[[5.2,45.1],[5.3,45.2],[5.3,45.1],[5.2,45.2],[5.2,45."
                      "1]]]}"));
        for (const QByteArray& crs :
             {QByteArray(),
              QByteArray(
                  q("'crs':{'type':'name','properties':{'name':'urn:ogc:def:crs:OGC:1.3:CRS84'}},"))}) {
            const QString path = dir.filePath(QStringLiteral("plain.geojson"));
            writeText(path, " {\"type\": \"FeatureCollection\", \"name\":\"plain\"," + crs +
                                " \"features\": [\n" + features + "\n]}\n");
            compareWithGdal(path.toStdString(), "plain");
            Warnings w;
            const auto communes = io::readCommunePolygons(path.toStdString(), {}, w);
            QCOMPARE(communes.size(), std::size_t(3));
            QCOMPARE(communes[0].name, std::string("Saint-\u00c9tienne \"l\u2019\U0001F600\" / \\"));
            QCOMPARE(communes[1].code, std::string("01002"));
            QCOMPARE(w.size(), std::size_t(1)); // the bow tie repaired
        }
    }

    // Files outside the plain form (an "id", a third coordinate, a real number in the properties, another
    // "crs") are read through GDAL's driver as before, even when the form breaks at the last feature: no
    // commune nor warning twice.
    void otherGeoJsonReadThroughGdal() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray bowTie = feature(
            q("{'code':'01003'}"),
            q("{'type':'Polygon','coordinates':[[[5.2,45.1],[5.3,45.2],[5.3,45.1],[5.2,45.2],[5.2,45.1]]]}"));
        const QByteArray plain =
            feature(q("{'code':'01001','nom':'A'}"),
                    "{\"type\":\"Polygon\",\"coordinates\":[" + square(4.8, 45.1, 0.1) + "]}");
        const QByteArray last[] = {
            feature(q("{'code':'01002'}"),
                    "{\"type\":\"Polygon\",\"coordinates\":[" + square(4.9, 45.1, 0.1) + "]}", "\"id\":7,"),
            feature(
                q("{'code':'01002'}"),
                q("{'type':'Polygon','coordinates':[[[4.9,45.1,1],[5,45.1,1],[5,45.2,1],[4.9,45.1,1]]]}")),
            feature(q("{'code':'01002','surface':1.5}"),
                    "{\"type\":\"Polygon\",\"coordinates\":[" + square(4.9, 45.1, 0.1) + "]}"),
            feature(q("{'code':'01002','autre':'x'}"),
                    "{\"type\":\"Polygon\",\"coordinates\":[" + square(4.9, 45.1, 0.1) + "]}"),
        };
        for (const QByteArray& l : last) {
            const QString path = dir.filePath(QStringLiteral("other.geojson"));
            writeText(path, "{\"type\":\"FeatureCollection\",\"features\":[" + bowTie + "," + plain + "," +
                                l + "]}");
            compareWithGdal(path.toStdString(), "other");
            Warnings w;
            QCOMPARE(io::readCommunePolygons(path.toStdString(), {}, w).size(), std::size_t(3));
            QCOMPARE(w.size(), std::size_t(1));
        }
        const QString lambert = dir.filePath(QStringLiteral("lambert.geojson"));
        writeText(lambert, q("{'type':'FeatureCollection','crs':{'type':'name','properties':{'name':'urn:ogc:"
                             "def:crs:EPSG::2154'}},'features':[") +
                               feature(q("{'code':'01001'}"),
                                       q("{'type':'Polygon','coordinates':[[[800000,6500000],[801000,6500000]"
                                         ",[801000,6501000],[800000,6500000]]]}")) +
                               "]}");
        Warnings w;
        const auto communes = io::readCommunePolygons(lambert.toStdString(), {}, w);
        QCOMPARE(communes.size(), std::size_t(1));
        QVERIFY(std::abs(io::areaKm2(communes[0].geometry) - 0.5) < 1e-9); // not taken as degrees
    }

    // The plain reader reads the file a chunk at a time: features, strings with escapes and numbers cut by
    // the end of a chunk anywhere give the same features as the file read at once.
    void plainGeoJsonReadsTheSameWhateverTheChunk() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray features;
        for (int i = 0; i < 40; ++i)
            features += (i ? ",\n" : "") +
                        feature(q("{'code':'01") + QByteArray::number(100 + i) +
                                    q("','nom':'Saint-\\u00c9tienne \\ud83d\\ude00 \\/','pop':") +
                                    QByteArray::number(i * 37) + "}",
                                "{\"type\":\"Polygon\",\"coordinates\":[" + square(4.8 + i * 0.1, 45.1, 0.1) +
                                    "," + square(4.82 + i * 0.1, 45.12, 0.01) + "]}");
        const QString path = dir.filePath(QStringLiteral("chunks.geojson"));
        writeText(path, "{\"type\":\"FeatureCollection\",\"features\":[\n" + features + "\n]}\n");
        const std::vector<std::string> whole = plainFeatures(path.toStdString(), 1 << 20);
        QCOMPARE(whole.size(), std::size_t(40));
        for (std::size_t chunk : {16, 17, 23, 64, 100, 1000})
            QVERIFY2(plainFeatures(path.toStdString(), chunk) == whole, std::to_string(chunk).c_str());
    }

    // A file truncated while it is read (it was mapped: SIGBUS killed the process) is a file that is not
    // plain: the reader throws GeoJsonNotPlain, and the communes are then read through GDAL, which says why.
    void geoJsonTruncatedWhileReadIsNotPlain() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray features;
        for (int i = 0; i < 2000; ++i)
            features += (i ? "," : "") +
                        feature(q("{'code':'01001'}"),
                                "{\"type\":\"Polygon\",\"coordinates\":[" + square(4.8, 45.1, 0.1) + "]}");
        const QString path = dir.filePath(QStringLiteral("truncated.geojson"));
        writeText(path, "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
        const qint64 size = QFileInfo(path).size();
        QVERIFY(size > 100000);
        io::GeoJsonPolygons reader(path.toStdString(), 4096);
        for (int i = 0; i < 10; ++i)
            QVERIFY(reader.next());
        QVERIFY(QFile::resize(path, size / 2));
        int read = 10;
        try {
            while (reader.next())
                ++read;
            QFAIL("expected GeoJsonNotPlain");
        } catch (const io::GeoJsonNotPlain&) {
            QVERIFY2(read < 2000, std::to_string(read).c_str());
        }
        Warnings w;
        try {
            io::readCommunePolygons(path.toStdString(), {}, w);
            QFAIL("expected an Error");
        } catch (const Error& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("truncated.geojson")),
                     e.what());
        }
    }

    // Real data: the 3,808 communes of Hauts-de-France read without GDAL's driver are those read through it,
    // coordinates to the bit, and the same read in 64 KiB chunks as in one.
    void realGeoJsonReadsAsThroughGdal() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        const std::string path =
            testing::sharedPath("communes/communes_hauts_de_france_cog2018.geojson").toStdString();
        compareWithGdal(path, "communes_hauts_de_france_cog2018");
        QVERIFY(plainFeatures(path, 65536) == plainFeatures(path, std::size_t(64) << 20)); // 57 chunks, 1
    }
};

QTEST_GUILESS_MAIN(TestGeo)
#include "test_geo.moc"
