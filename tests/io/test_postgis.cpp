// Datasets in PostgreSQL/PostGIS against a real server (tests/pg/pg_server.sh, started by the ctest fixture):
// copies both ways compared table by table, reading, every analysis command, concurrent saves, a read-only
// role, a connection killed in the middle of an import, passwords never echoed.
#include "pg/pg_testing.h"
#include "testing.h"

#include "core/demo/demo.h"
#include "core/io/gdal_util.h"
#include "core/io/geo.h"
#include "core/io/gpkg.h"
#include "core/io/gpkg_scenarios.h"
#include "core/io/postgis.h"
#include "core/model/error.h"
#include "core/model/text.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <libpq-fe.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <map>
#include <sys/wait.h>
#include <unistd.h>

using namespace maillage;
using maillage::testing::adminSql;
using maillage::testing::adminValue;
using maillage::testing::thrown;

namespace {

std::string location(const std::string& schema, const char* roleVariable = "MAILLAGE_PG_ADMIN") {
    return testing::pgLocation(schema, roleVariable);
}

//! A field exactly: reals with 17 digits (15, GDAL's default text, would hide a lossy copy).
std::string exactValue(OGRFeature& f, int i) {
    if (!f.IsFieldSetAndNotNull(i))
        return "NULL";
    if (f.GetFieldDefnRef(i)->GetType() == OFTReal)
        return QString::number(f.GetFieldAsDouble(i), 'g', 17).toStdString();
    return f.GetFieldAsString(i);
}

//! Every field of every feature of every table, by table then FID: what "lossless" compares.
std::map<std::string, std::map<long long, std::string>> tableContents(const std::string& gpkg) {
    std::map<std::string, std::map<long long, std::string>> out;
    io::DatasetPtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
        return out;
    for (OGRLayer* l : ds->GetLayers()) {
        auto& rows = out[l->GetName()];
        for (auto& f : *l) {
            std::string row;
            for (int i = 0; i < f->GetFieldCount(); ++i)
                row += std::string(f->GetFieldDefnRef(i)->GetNameRef()) + "=" + exactValue(*f, i) + "|";
            if (const OGRGeometry* g = f->GetGeometryRef()) {
                std::vector<unsigned char> wkb(g->WkbSize());
                g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
                row += QByteArray(reinterpret_cast<const char*>(wkb.data()), static_cast<int>(wkb.size()))
                           .toHex()
                           .toStdString();
            }
            rows[f->GetFID()] = row;
        }
    }
    return out;
}

//! Kills every other connection to the test database at the first progress report: a connection lost
//! in the middle of an import.
class KillingFeedback : public Feedback {
public:
    void setProgress(double percent) override {
        Feedback::setProgress(percent);
        if (!m_killed) {
            m_killed = true;
            adminSql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND usename = current_user");
        }
    }

private:
    bool m_killed = false;
};

//! A number exactly (17 digits).
std::string exact(double v) {
    return QString::number(v, 'g', 17).toStdString();
}

std::string hexOf(const model::Wkb& wkb) {
    return QByteArray(reinterpret_cast<const char*>(wkb.data()), static_cast<int>(wkb.size()))
        .toHex()
        .toStdString();
}

//! Every part of a dataset as read, section by section, every value exact: what "the reader's output is
//! identical" compares.
std::map<std::string, std::string> fingerprint(const model::Dataset& d) {
    std::map<std::string, std::string> out;
    for (const auto& c : d.communes)
        out["communes"] += c.code + "|" + c.name + "|" + c.bv + "|" + c.dep + "|" + c.reg + "|" +
                           exact(c.population) + "|" + exact(c.anchor.x) + "|" + exact(c.anchor.y) + "|" +
                           hexOf(c.geometry) + "\n";
    for (const auto& b : d.bassins)
        out["bassins"] += b.code + "|" + b.name + "|" + b.dep + "|" + b.reg + "|" + exact(b.population) +
                          "|" + text::join(b.communes, ",") + "|" + exact(b.anchor.x) + "|" +
                          exact(b.anchor.y) + "|" + hexOf(b.geometry) + "\n";
    for (const auto& z : d.zones)
        out["zones"] += z.code + "|" + z.name + "|" + z.commune + "|" + exact(z.population) + "|" +
                        z.quartier + "|" + z.quartierName + "|" + hexOf(z.geometry) + "\n";
    for (const auto* counts : {&d.counts, &d.zoneCounts})
        for (const auto& c : *counts)
            out[counts == &d.counts ? "counts" : "zone_counts"] +=
                c.place + "|" + c.profession + "|" + std::to_string(c.vintage) + "|" + exact(c.count) + "\n";
    for (const auto& [key, value] : d.params.toKeyValues())
        out["parameters"] += key + "=" + exact(value) + "\n";
    out["metadata"] = d.meta.title + "|" + text::join(d.meta.sources, ";") + "|" + d.meta.bvVintage + "|" +
                      std::to_string(d.meta.cogYear) + "|" + d.meta.createdAt;
    for (int v : d.meta.vintages)
        out["metadata"] += "|" + std::to_string(v);
    for (const auto& [key, value] : d.meta.extra)
        out["metadata"] += "|" + key + "=" + value;
    for (const auto& c : d.cooperations)
        out["cooperations"] += c.name + "|" + c.kind + "|" + text::join(c.bassins, ",") + "|" + c.seat + "|" +
                               std::to_string(c.startYear) + "|" + c.source + "|" +
                               text::join(c.establishments, ";") + "\n";
    for (const auto& f : d.flows)
        out["flows"] += f.origin + "|" + f.destination + "|" + exact(f.volume) + "\n";
    for (const auto& t : d.travelTimes)
        out["travel_times"] += t.origin + "|" + t.destination + "|" + exact(t.minutes) + "\n";
    for (const auto& f : d.facilities)
        out["facilities"] +=
            f.commune + "|" + f.kind + "|" + std::to_string(f.vintage) + "|" + exact(f.count) + "\n";
    for (const auto& q : d.qpvs)
        out["qpv"] += q.code + "|" + q.name + "|" + q.commune + "|" + exact(q.population) + "|" +
                      hexOf(q.geometry) + "\n";
    for (const auto* outlines : {&d.regionOutlines, &d.departementOutlines})
        for (const auto& o : *outlines)
            out["outlines"] += o.code + "|" + hexOf(o.geometry) + "\n";
    for (const auto* names : {&d.regionNames, &d.departementNames})
        for (const auto& [code, name] : *names)
            out["area_names"] += code + "=" + name + "\n";
    for (const auto& p : d.catalogue.professions())
        out["professions"] +=
            p.code + "|" + p.labelFr + "|" + p.labelEn + "|" + text::join(p.aliases, "|") + "\n";
    for (const auto& r : d.registers) {
        std::string& text = out["registers"];
        text += std::to_string(r.vintage) + "|" + r.source + "|" + std::to_string(static_cast<int>(r.rule)) +
                "\n";
        for (const auto& p : r.professionals) {
            text += p.id + "|" + p.profession + "|" + p.specialty + "|" + std::to_string(p.birthYear) + "|" +
                    std::to_string(static_cast<int>(p.sex)) + "|" +
                    std::to_string(static_cast<int>(p.sector)) + "|" + std::to_string(p.startYear);
            for (const auto& site : p.sites)
                text += "|" + site.commune + "," + std::to_string(static_cast<int>(site.mode)) + "," +
                        exact(site.fte) + "," + (site.main ? "main" : "");
            text += "\n";
        }
    }
    for (const auto& sc : d.scenarios)
        out["scenarios"] += io::scenarioToJson(sc) + "\n";
    for (const auto& a : d.populationByAge)
        out["population_by_age"] += a.commune + "|" + a.band + "|" + exact(a.population) + "\n";
    for (const auto& c : d.bufferCommunes)
        out["buffer_communes"] += c.code + "|" + c.name + "|" + c.bv + "|" + c.dep + "|" + c.reg + "|" +
                                  exact(c.population) + "|" + exact(c.anchor.x) + "|" + exact(c.anchor.y) +
                                  "\n";
    for (const auto& c : d.bufferCounts)
        out["buffer_counts"] +=
            c.place + "|" + c.profession + "|" + std::to_string(c.vintage) + "|" + exact(c.count) + "\n";
    return out;
}

//! A scenario of the demo: one general practitioner less in `commune`.
model::Scenario demoScenario(const std::string& name, const std::string& commune) {
    model::ScenarioChange change;
    change.kind = model::ScenarioChangeKind::Remove;
    change.profession = "medecin_generaliste";
    change.place = commune;
    change.count = 1;
    return {name, "un départ", {change}};
}

} // namespace

class TestPostgis : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_demo;
    model::Dataset m_dataset;

    std::string path(const char* name) const { return (m_dir.path() + "/" + name).toStdString(); }

private slots:
    void initTestCase() {
        if (!testing::loadPgServer(MAILLAGE_PG_ENV))
            QSKIP("no PostgreSQL test server (packages postgresql, postgresql-15-postgis-3 not installed?)");
        io::ensureGdal();
        m_dataset = demo::makeDemoDataset();
        Warnings warnings;
        io::dissolveBassins(m_dataset, warnings);
        // The demo has a 2023 register; a scenario too, so that every table of issue 12 goes both ways.
        m_dataset.scenarios.push_back(demoScenario("Un départ", m_dataset.communes[0].code));
        // Issue 9's tables too: ages of two communes' inhabitants, one buffer commune and its count.
        m_dataset.populationByAge = {{m_dataset.communes[0].code, "0-14", 120.5},
                                     {m_dataset.communes[0].code, "90+", 7},
                                     {m_dataset.communes[1].code, "30-44", 301}};
        model::Commune outside = m_dataset.communes[0];
        outside.code = "99990";
        outside.name = "Hors-Territoire-sur-Marge";
        outside.geometry.clear();
        m_dataset.bufferCommunes = {outside};
        model::CountRecord count;
        count.place = outside.code;
        count.profession = "medecin_generaliste";
        count.vintage = m_dataset.meta.vintages.back();
        count.count = 3;
        m_dataset.bufferCounts = {count};
        m_demo = path("demo.gpkg");
        io::writeDataset(m_dataset, m_demo);
    }

    void copyToPostgisAndBackKeepsEveryTableRowByRow() {
        io::copyGpkgToPostgis(m_demo, location("roundtrip"));
        const std::string back = path("back.gpkg");
        io::copyPostgisToGpkg(location("roundtrip"), back);
        const auto before = tableContents(m_demo), after = tableContents(back);
        QVERIFY(before.size() >= 13);
        for (const char* table : {"professionnels", "activites", "scenarios", "population_by_age",
                                  "buffer_communes", "buffer_professionals"})
            QVERIFY2(before.count(table) && !before.at(table).empty(), table);
        QCOMPARE(after.size(), before.size());
        for (const auto& [table, rows] : before) {
            QVERIFY2(after.count(table), table.c_str());
            QCOMPARE(after.at(table).size(), rows.size());
            for (const auto& [fid, row] : rows)
                QCOMPARE(after.at(table).at(fid), row);
        }
    }

    void stylesArePublishedWhereQgisLooksForThem() {
        // A GeoPackage with QGIS's layer_styles table (as QGIS creates it in a GeoPackage).
        const std::string styled = path("styled.gpkg");
        io::writeDataset(m_dataset, styled);
        {
            io::DatasetPtr ds(GDALDataset::Open(styled.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
            QVERIFY(ds);
            OGRLayer* l = ds->CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
            QVERIFY(l);
            for (const char* name : {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column",
                                     "styleName", "styleQML", "styleSLD", "description", "owner", "ui"}) {
                OGRFieldDefn field(name, OFTString);
                QCOMPARE(l->CreateField(&field), OGRERR_NONE);
            }
            OGRFieldDefn useAsDefault("useAsDefault", OFTInteger);
            useAsDefault.SetSubType(OFSTBoolean);
            OGRFieldDefn updated("update_time", OFTDateTime);
            QCOMPARE(l->CreateField(&useAsDefault), OGRERR_NONE);
            QCOMPARE(l->CreateField(&updated), OGRERR_NONE);
            OGRFeature f(l->GetLayerDefn());
            f.SetField("f_table_name", "bassins_de_vie");
            f.SetField("f_geometry_column", "geom");
            f.SetField("styleName", "Pôles d'offre");
            f.SetField(
                "styleQML",
                "<!DOCTYPE qgis><qgis version=\"3.22\"><renderer-v2 type=\"categorizedSymbol\"/></qgis>");
            f.SetField("useAsDefault", 1);
            f.SetField("update_time", 2026, 12, 2, 22, 0, 0, 100);
            QCOMPARE(l->CreateFeature(&f), OGRERR_NONE);
        }
        io::copyGpkgToPostgis(styled, location("styled"));
        QCOMPARE(adminValue("SELECT stylename || '|' || f_table_name || '|' || useasdefault || '|' || "
                            "(xpath('/qgis/renderer-v2/@type', styleqml))[1]::text FROM public.layer_styles "
                            "WHERE f_table_schema = 'styled' AND f_table_catalog = current_database()"),
                 std::string("Pôles d'offre|bassins_de_vie|true|categorizedSymbol"));
        // A second import replaces them (one default style per layer, not two).
        io::copyGpkgToPostgis(styled, location("styled"));
        QCOMPARE(adminValue("SELECT count(*) FROM public.layer_styles WHERE f_table_schema = 'styled'"),
                 std::string("1"));
        const std::string back = path("styled-back.gpkg");
        io::copyPostgisToGpkg(location("styled"), back);
        QCOMPARE(tableContents(back).at("layer_styles"), tableContents(styled).at("layer_styles"));
    }

    void readingFromPostgisGivesTheGeoPackagesDataset() {
        io::copyGpkgToPostgis(m_demo, location("reading"));
        const model::Dataset fromPg = io::readDataset(location("reading"));
        const model::Dataset fromFile = io::readDataset(m_demo);
        QCOMPARE(fromPg.communes.size(), fromFile.communes.size());
        QCOMPARE(fromPg.bassins.size(), fromFile.bassins.size());
        QCOMPARE(fromPg.counts.size(), fromFile.counts.size());
        QCOMPARE(fromPg.cooperations.size(), fromFile.cooperations.size());
        QCOMPARE(fromPg.params.toKeyValues(), fromFile.params.toKeyValues());
        QCOMPARE(fromPg.meta.vintages, fromFile.meta.vintages);
        for (std::size_t i = 0; i < fromFile.communes.size(); ++i) {
            QCOMPARE(fromPg.communes[i].code, fromFile.communes[i].code);
            QCOMPARE(fromPg.communes[i].geometry, fromFile.communes[i].geometry);
        }
    }

    void readerGivesEveryPartOfTheDatasetAsFromTheGeoPackage() {
        io::copyGpkgToPostgis(m_demo, location("identical"));
        for (const bool geometries : {true, false}) {
            const auto fromPg =
                fingerprint(io::readDataset(location("identical"), io::ReadOptions{geometries}));
            const auto fromFile = fingerprint(io::readDataset(m_demo, io::ReadOptions{geometries}));
            QCOMPARE(fromPg.size(), fromFile.size());
            for (const auto& [section, text] : fromFile) {
                QVERIFY2(fromPg.count(section), section.c_str());
                QVERIFY2(fromPg.at(section) == text,
                         (section + (geometries ? " (whole)" : " (attributes)")).c_str());
            }
            for (const char* section :
                 {"registers", "scenarios", "population_by_age", "buffer_communes", "buffer_counts"})
                QVERIFY2(fromFile.count(section) && !fromFile.at(section).empty(), section);
        }
    }

    void readerSkipsTablesTheRoleMayNotReadAndRefusesASchemaWithoutDataset() {
        io::copyGpkgToPostgis(m_demo, location("partial"));
        QVERIFY(adminSql("GRANT USAGE ON SCHEMA partial TO maillage_reader; "
                         "GRANT SELECT ON ALL TABLES IN SCHEMA partial TO maillage_reader; "
                         "REVOKE SELECT ON partial.flows FROM maillage_reader"));
        const model::Dataset d = io::readDataset(location("partial", "MAILLAGE_PG_READER"));
        QCOMPARE(d.communes.size(), m_dataset.communes.size());
        QVERIFY(d.flows.empty());
        QVERIFY(adminSql("CREATE SCHEMA IF NOT EXISTS empty_one"));
        const auto e = thrown<Error>([&] { io::readDataset(location("empty_one")); });
        QVERIFY(e);
        QVERIFY2(QString(e->what()).contains("no table communes"), e->what());
    }

    void scenarioDefinedOnAPostgisDatasetSavesOnlyItsRowsUnderItsVersion() {
        // A dataset written without scenarios (no table) and shared with the read-only role.
        model::Dataset plain = m_dataset;
        plain.scenarios.clear();
        const std::string file = path("plain.gpkg");
        io::writeDataset(plain, file);
        io::copyGpkgToPostgis(file, location("scenarios"));
        QVERIFY(adminSql("GRANT USAGE ON SCHEMA scenarios TO maillage_reader; "
                         "GRANT SELECT ON ALL TABLES IN SCHEMA scenarios TO maillage_reader"));
        const long long parameters = io::postgisSaveStamp(location("scenarios"), "parameters").version;
        const long long opened = io::postgisSaveStamp(location("scenarios"), "scenarios").version;
        const QString json = m_dir.path() + "/scenario.json";
        QFile f(json);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(io::scenarioToJson(demoScenario("Départ CLI", m_dataset.communes[0].code)).c_str());
        f.close();
        QProcess p;
        p.start(QStringLiteral(MAILLAGE_BINARY), {"scenario", "--define", json, "--dataset",
                                                  QString::fromStdString(location("scenarios")), "--quiet"});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const model::Dataset d = io::readDataset(location("scenarios", "MAILLAGE_PG_READER"));
        QCOMPARE(d.scenarios.size(), std::size_t(1));
        QCOMPARE(d.scenarios[0], demoScenario("Départ CLI", m_dataset.communes[0].code));
        QCOMPARE(io::postgisSaveStamp(location("scenarios"), "scenarios").version, opened + 1);
        QCOMPARE(io::postgisSaveStamp(location("scenarios"), "parameters").version, parameters);
        // A save based on the version read before the command's is stale: refused, nothing written.
        const auto e = thrown<Error>([&] {
            io::savePostgisScenarios(location("scenarios"),
                                     {demoScenario("Autre", m_dataset.communes[1].code)}, opened);
        });
        QVERIFY(e);
        QVERIFY2(QString(e->what()).contains("maillage_admin"), e->what());
        QCOMPARE(io::readDataset(location("scenarios")).scenarios[0].name, std::string("Départ CLI"));
    }

    void scenariosOfADatasetImportedBeforeTheirVersionStartAtZero() {
        io::copyGpkgToPostgis(m_demo, location("older"));
        QVERIFY(adminSql("DELETE FROM older.maillage_versions WHERE item = 'scenarios'"));
        QCOMPARE(io::postgisSaveStamp(location("older"), "scenarios").version, 0LL);
        const std::vector<model::Scenario> mine = {demoScenario("Le mien", m_dataset.communes[0].code)};
        QCOMPARE(io::savePostgisScenarios(location("older"), mine, 0).version, 1LL);
        QVERIFY(thrown<Error>([&] { io::savePostgisScenarios(location("older"), mine, 0); }));
        QCOMPARE(io::readDataset(location("older")).scenarios, mine);
    }

    void everyAnalysisCommandRunsOnAPostgisDataset() {
        io::copyGpkgToPostgis(m_demo, location("analyses"));
        const QString pg = QString::fromStdString(location("analyses"));
        const QString file = QString::fromStdString(m_demo);
        const QList<QStringList> commands = {
            {"classify"},
            {"summary", "--by", "region"},
            {"density", "--profession", "medecin_generaliste", "--level", "bv"},
            {"access", "--profession", "medecin_generaliste"},
            {"links", "--kind", "modelled"},
            {"crunch", "--scope", "region:07"},
        };
        for (const QStringList& command : commands) {
            QString outputs[2];
            for (int k = 0; k < 2; ++k) {
                const QString output = m_dir.path() + "/" + command[0] + QString::number(k) + ".csv";
                QProcess p;
                p.start(QStringLiteral(MAILLAGE_BINARY), QStringList(command)
                                                             << "--dataset" << (k == 0 ? pg : file)
                                                             << "--output" << output << "--quiet");
                QVERIFY(p.waitForFinished(120000));
                QVERIFY2(p.exitCode() == 0, qPrintable(command.join(' ') + ": " + p.readAllStandardError()));
                QFile written(output);
                QVERIFY2(written.open(QIODevice::ReadOnly), qPrintable(output));
                outputs[k] = QString::fromUtf8(written.readAll());
            }
            QVERIFY2(!outputs[0].isEmpty(), qPrintable(command.join(' ')));
            QCOMPARE(outputs[0], outputs[1]);
        }
    }

    void importToPostgisFromTheCommandLine() {
        // `import` writes through the same path as any dataset output: accepted, never taken as a file name.
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral(MAILLAGE_BINARY),
                {"demo", "--output", QString::fromStdString(location("from_cli")), "--quiet"});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(!QDir(m_dir.path()).entryList(QDir::Files).join(' ').contains("PG:"));
        QCOMPARE(io::readDataset(location("from_cli")).communes.size(), m_dataset.communes.size());
    }

    void staleSaveIsRefusedNamingWhoAndWhen() {
        io::copyGpkgToPostgis(m_demo, location("stale"));
        const long long opened = io::postgisSaveStamp(location("stale"), "parameters").version;
        model::Parameters mine = m_dataset.params, theirs = m_dataset.params;
        theirs.poles.metropoleMin = 12000;
        mine.poles.metropoleMin = 11000;
        const io::SaveStamp saved = io::savePostgisParameters(location("stale"), theirs, opened);
        QCOMPARE(saved.version, opened + 1);
        const auto e = thrown<Error>([&] { io::savePostgisParameters(location("stale"), mine, opened); });
        QVERIFY(e);
        const QString what = QString::fromUtf8(e->what());
        QVERIFY2(what.contains("maillage_admin") && what.contains(QString::fromStdString(saved.savedAt)),
                 qPrintable(what));
        // Nothing of the refused save was written: the other analyst's value stands.
        QCOMPARE(io::readDataset(location("stale")).params.poles.metropoleMin, 12000.0);
    }

    void twoProcessesSavingAtOnceOneIsRefusedNothingLost() {
        io::copyGpkgToPostgis(m_demo, location("concurrent"));
        const long long opened = io::postgisSaveStamp(location("concurrent"), "parameters").version;
        int go[2];
        QVERIFY(::pipe(go) == 0);
        pid_t children[2];
        for (int k = 0; k < 2; ++k) {
            children[k] = ::fork();
            QVERIFY(children[k] >= 0);
            if (children[k] == 0) {
                char byte;
                ::close(go[1]);
                if (::read(go[0], &byte, 1) != 1)
                    ::_exit(4);
                model::Parameters p = m_dataset.params;
                p.poles.metropoleMin = 20000 + k;
                try {
                    io::savePostgisParameters(location("concurrent"), p, opened);
                    ::_exit(0);
                } catch (const Error&) {
                    ::_exit(3);
                }
            }
        }
        ::close(go[0]);
        QCOMPARE(::write(go[1], "gg", 2), ssize_t(2)); // both start at once
        ::close(go[1]);
        int status[2];
        for (int k = 0; k < 2; ++k) {
            QCOMPARE(::waitpid(children[k], &status[k], 0), children[k]);
            QVERIFY(WIFEXITED(status[k]));
        }
        const int codes[2] = {WEXITSTATUS(status[0]), WEXITSTATUS(status[1])};
        QVERIFY2((codes[0] == 0 && codes[1] == 3) || (codes[0] == 3 && codes[1] == 0),
                 qPrintable(QString("%1 %2").arg(codes[0]).arg(codes[1])));
        const double winner = codes[0] == 0 ? 20000 : 20001;
        QCOMPARE(io::readDataset(location("concurrent")).params.poles.metropoleMin, winner);
        QCOMPARE(io::postgisSaveStamp(location("concurrent"), "parameters").version, opened + 1);
    }

    void cooperationsAreSavedAloneUnderTheirOwnVersion() {
        io::copyGpkgToPostgis(m_demo, location("coops"));
        const long long opened = io::postgisSaveStamp(location("coops"), "cooperations").version;
        const long long params = io::postgisSaveStamp(location("coops"), "parameters").version;
        std::vector<model::Cooperation> coops = {{"CHT du Valenciennois", "CHT", {"59606", "59172"}}};
        io::savePostgisCooperations(location("coops"), coops, opened);
        const model::Dataset d = io::readDataset(location("coops"));
        QCOMPARE(d.cooperations.size(), std::size_t(1));
        QCOMPARE(d.cooperations[0].name, std::string("CHT du Valenciennois"));
        QCOMPARE(d.cooperations[0].bassins, (std::vector<std::string>{"59606", "59172"}));
        QCOMPARE(io::postgisSaveStamp(location("coops"), "parameters").version, params);
        QVERIFY(thrown<Error>([&] { io::savePostgisCooperations(location("coops"), coops, opened); }));
    }

    void savedCooperationsKeepEveryField() {
        io::copyGpkgToPostgis(m_demo, location("coops_fields"));
        model::Cooperation cht{"CHT du Valenciennois", "CHT", {"59606", "59172"}};
        cht.seat = "59606";
        cht.startYear = 2016;
        cht.source = "ARS Hauts-de-France, 2016";
        cht.establishments = {"CH de Valenciennes (59606)", "CH de Denain (59172)"};
        const model::Cooperation undated{"Réseau MSP", "MSP", {"59172"}};
        io::savePostgisCooperations(location("coops_fields"), {cht, undated},
                                    io::postgisSaveStamp(location("coops_fields"), "cooperations").version);
        const model::Dataset d = io::readDataset(location("coops_fields"));
        QCOMPARE(d.cooperations.size(), std::size_t(2));
        const model::Cooperation& back = d.cooperations[0];
        QCOMPARE(back.seat, cht.seat);
        QCOMPARE(back.startYear, 2016);
        QCOMPARE(back.source, cht.source);
        QCOMPARE(back.establishments, cht.establishments);
        QCOMPARE(d.cooperations[1].startYear, 0);
        QVERIFY(d.cooperations[1].seat.empty());
    }

    void addToAPostgisDatasetWritesItWithItsQgisProject() {
        io::copyGpkgToPostgis(m_demo, location("added"));
        const QString csv = m_dir.path() + "/coops.csv";
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const std::string a = m_dataset.communes[0].code, b = m_dataset.communes[1].code;
        file.write(("name,kind,member\nGCS Test,GCS," + a + "\nGCS Test,GCS," + b + "\n").c_str());
        file.close();
        QProcess p;
        p.start(QStringLiteral(MAILLAGE_BINARY),
                {"add", "--dataset", QString::fromStdString(location("added")), "--cooperations", csv,
                 "--no-cog-history"});
        QVERIFY(p.waitForFinished(120000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        QVERIFY2(!err.contains("warning"), qPrintable(err)); // results, styles and project written
        const model::Dataset d = io::readDataset(location("added"));
        QVERIFY(std::any_of(d.cooperations.begin(), d.cooperations.end(),
                            [](const model::Cooperation& c) { return c.name == "GCS Test"; }));
        QCOMPARE(adminValue("SELECT count(*) FROM added.qgis_projects WHERE name = 'maillage'"),
                 std::string("1"));
        QCOMPARE(adminValue("SELECT count(*) FROM public.layer_styles WHERE f_table_schema = 'added' AND "
                            "f_table_name = 'bassins_de_vie' AND useasdefault"),
                 std::string("1"));
    }

    void writingBackWholeIsRefusedWhenSomeoneSavedSince() {
        io::copyGpkgToPostgis(m_demo, location("whole"));
        const long long read = io::postgisSaveStamp(location("whole"), "parameters").version;
        model::Parameters theirs = m_dataset.params;
        theirs.poles.metropoleMin = 13000;
        io::savePostgisParameters(location("whole"), theirs, read);
        const auto e = thrown<Error>([&] {
            io::copyGpkgToPostgis(m_demo, location("whole"), nullptr, {{"parameters", read}});
        });
        QVERIFY(e);
        QVERIFY2(QString(e->what()).contains("maillage_admin"), e->what());
        QCOMPARE(io::readDataset(location("whole")).params.poles.metropoleMin, 13000.0);
        QCOMPARE(adminValue("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'whole\\_\\_%'"),
                 std::string("0"));
    }

    void reimportMakesSavesBasedOnThePreviousImportStale() {
        io::copyGpkgToPostgis(m_demo, location("reimport"));
        const long long opened = io::postgisSaveStamp(location("reimport"), "parameters").version;
        io::copyGpkgToPostgis(m_demo, location("reimport"));
        QVERIFY(thrown<Error>(
            [&] { io::savePostgisParameters(location("reimport"), m_dataset.params, opened); }));
    }

    void connectionKilledDuringImportLeavesThePreviousDatasetIntact() {
        io::copyGpkgToPostgis(m_demo, location("killed"));
        model::Parameters changed = m_dataset.params;
        changed.poles.metropoleMin = 15000;
        io::savePostgisParameters(location("killed"), changed,
                                  io::postgisSaveStamp(location("killed"), "parameters").version);
        KillingFeedback killer;
        const auto e = thrown<Error>([&] { io::copyGpkgToPostgis(m_demo, location("killed"), &killer); });
        QVERIFY(e);
        const model::Dataset d = io::readDataset(location("killed"));
        QCOMPARE(d.communes.size(), m_dataset.communes.size());
        QCOMPARE(d.counts.size(), io::readDataset(m_demo).counts.size());
        QCOMPARE(d.params.poles.metropoleMin, 15000.0);
        // The half-written schema of the killed import goes with the next one.
        io::copyGpkgToPostgis(m_demo, location("killed"));
        QCOMPARE(adminValue("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'killed\\_\\_%'"),
                 std::string("0"));
    }

    void readOnlyRoleOpensAndAnalysesButCannotSave() {
        io::copyGpkgToPostgis(m_demo, location("shared"));
        QVERIFY(adminSql("GRANT USAGE ON SCHEMA shared TO maillage_reader; "
                         "GRANT SELECT ON ALL TABLES IN SCHEMA shared TO maillage_reader"));
        const std::string reader = location("shared", "MAILLAGE_PG_READER");
        QCOMPARE(io::readDataset(reader).communes.size(), m_dataset.communes.size());
        Message why;
        QVERIFY(!io::postgisCanSave(reader, &why));
        QVERIFY(word(why, Language::En).find("maillage_reader") != std::string::npos);
        QVERIFY(io::postgisCanSave(location("shared")));
        const auto e = thrown<Error>([&] {
            io::savePostgisParameters(reader, m_dataset.params,
                                      io::postgisSaveStamp(reader, "parameters").version);
        });
        QVERIFY(e);
        QVERIFY2(QString(e->what()).contains("maillage_reader"), e->what());
        // A new import keeps the reader's grants.
        io::copyGpkgToPostgis(m_demo, location("shared"));
        QCOMPARE(io::readDataset(reader).communes.size(), m_dataset.communes.size());
        const auto listed = io::postgisDatasets("PG:user=maillage_reader");
        QVERIFY(std::find(listed.begin(), listed.end(), "shared") != listed.end());
    }

    void wrongPasswordIsReportedWithoutThePassword() {
        qputenv("PGPASSWORD", "s3cret-wrong-Pa55");
        const auto e = thrown<Error>([&] { io::readDataset("PG:user=maillage_reader schema=shared"); });
        qunsetenv("PGPASSWORD");
        QVERIFY(e);
        QVERIFY2(!QString(e->what()).contains("s3cret"), e->what());
        QVERIFY2(QString(e->what()).contains("password authentication failed"), e->what());
    }

    void passwordInTheStringIsRefusedWithoutEchoingIt() {
        const auto e =
            thrown<Error>([] { io::parsePostgisLocation("PG:dbname=x password=hunter2 schema=s"); });
        QVERIFY(e);
        QVERIFY2(!QString(e->what()).contains("hunter2"), e->what());
        QVERIFY2(QString(e->what()).contains("PGPASSWORD"), e->what());
    }

    void locationWithoutSchemaIsRefused() {
        const auto e = thrown<Error>([] { io::parsePostgisLocation("PG:dbname=x"); });
        QVERIFY(e);
        QVERIFY2(QString(e->what()).contains("schema="), e->what());
        const auto parsed = io::parsePostgisLocation("PG:service=ors schema='nord'");
        QCOMPARE(parsed.schema, std::string("nord"));
        QVERIFY(parsed.connection.find("schema") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestPostgis)
#include "test_postgis.moc"
