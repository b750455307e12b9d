// The import pipeline on small hand-made files: joins reported, arrondissements folded, filters, dissolve.
#include "import_testing.h"
#include "testing.h"

#include "core/io/geo.h"
#include "core/io/gpkg.h"
#include "core/io/import.h"

#include <QFile>
#include <QObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <vector>

using namespace maillage;

namespace {

io::ImportOptions smallOptions() {
    io::ImportOptions o = testing::smallImportFiles();
    o.title = "Territoire d'essai";
    o.sources = {"Fichiers d'essai"};
    o.cogYear = 2018;
    return o;
}

//! tests/data/geo/import_bv.csv with each pair's first text replaced by its second, written as `name` in
//! `dir`; its path, or "" when it cannot be written.
std::string editedBassinTable(const QTemporaryDir& dir, const char* name,
                              const std::vector<std::pair<QByteArray, QByteArray>>& replacements) {
    QFile in(QString::fromStdString(testing::dataPath("geo/import_bv.csv")));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QByteArray text = in.readAll();
    for (const auto& [from, to] : replacements)
        text.replace(from, to);
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(text) == text.size() ? path.toStdString()
                                                                            : std::string();
}

const io::JoinReport* findJoin(const io::ImportReport& r, const std::string& leftStart,
                               const std::string& rightStart) {
    for (const auto& j : r.joins)
        if (j.left.rfind(leftStart, 0) == 0 && j.right.rfind(rightStart, 0) == 0)
            return &j;
    return nullptr;
}

bool warned(const io::ImportReport& r, const std::string& code) {
    for (const auto& w : r.warnings)
        if (std::find(w.details.begin(), w.details.end(), code) != w.details.end())
            return true;
    return false;
}

//! A warning about communes outside the territory whose details list the département `dep`.
bool warnedAbout(const io::ImportReport& r, const std::string& dep) {
    for (const auto& w : r.warnings)
        if (w.kind == ErrorKind::Join && w.message.find("outside the territory") != std::string::npos &&
            std::find(w.details.begin(), w.details.end(), dep) != w.details.end())
            return true;
    return false;
}

//! The message of the error importDataset throws for `o`, or "" when it throws none.
std::string importError(const io::ImportOptions& o, ErrorKind* kind = nullptr) {
    io::ImportReport report;
    try {
        io::importDataset(o, report);
    } catch (const Error& e) {
        if (kind)
            *kind = e.kind();
        return e.what();
    }
    return {};
}

std::vector<std::string> codesOf(const std::vector<model::Commune>& communes) {
    std::vector<std::string> out;
    for (const auto& c : communes)
        out.push_back(c.code);
    return out;
}

std::vector<std::string> codesOf(const std::vector<model::Bassin>& bassins) {
    std::vector<std::string> out;
    for (const auto& b : bassins)
        out.push_back(b.code);
    return out;
}

double countOf(const model::Dataset& d, const std::string& place, const std::string& profession) {
    double n = 0;
    for (const auto& c : d.counts)
        if (c.place == place && c.profession == profession)
            n += c.count;
    return n;
}

//! The communes of geo/import_communes_table.csv with the professionals table `bpe` (written in `dir`) of
//! 2018.
io::ImportOptions communeTableWith(const QTemporaryDir& dir, const char* bpe) {
    io::ImportOptions o;
    o.communesPath = testing::dataPath("geo/import_communes_table.csv");
    const std::string path = dir.filePath(QStringLiteral("bpe.csv")).toStdString();
    std::ofstream(path, std::ios::binary) << bpe;
    o.professionals.push_back({path, 2018, {}, {}});
    return o;
}

class Recorder : public Feedback {
public:
    void setProgress(double percent) override {
        Feedback::setProgress(percent);
        values.push_back(percent);
    }
    void setStep(const Message& step) override {
        steps.push_back(word(step, Language::En));
        french.push_back(word(step, Language::Fr));
    }
    std::vector<double> values;
    std::vector<std::string> steps, french; //!< the step names as the receiver words them
};

class CancelAtStep : public Feedback {
public:
    explicit CancelAtStep(int n) : m_n(n) {}
    void setStep(const Message&) override {
        if (--m_n <= 0)
            cancel();
    }

private:
    int m_n;
};

} // namespace

class TestImport : public QObject {
    Q_OBJECT
private slots:
    void bpeCountsScaleThePoleThresholdsAndSaySo() {
        io::ImportReport report;
        const model::Dataset d = io::importDataset(smallOptions(), report); // wide BPE columns D201...
        QCOMPARE(d.params.poles.massScale, 0.25);
        bool said = false;
        for (const auto& w : report.warnings)
            said = said || w.message.find("pôle thresholds are scaled by 0.25") != std::string::npos;
        QVERIFY(said);
    }

    void nonBpeCountsKeepTheStudyThresholds() {
        io::ImportOptions o = smallOptions();
        o.professionals.front().path = testing::dataPath("cli/professionals.csv"); // canonical codes
        io::ImportReport report;
        const model::Dataset d = io::importDataset(o, report);
        QCOMPARE(d.params.poles.massScale, 1.0);
    }

    void zoneCountsOfTheDatasetCommunesAreImportedAndOthersReported() {
        io::ImportOptions o = smallOptions();
        io::ProfessionalsSource iris;
        iris.path = testing::dataPath("geo/import_iris.csv");
        iris.vintage = 2013;
        o.zoneProfessionals.push_back(iris);
        io::ImportReport report;
        const model::Dataset d = io::importDataset(o, report);
        QCOMPARE(d.zones.size(),
                 std::size_t(2)); // 59350 has two IRIS; 01001 is whole; 59001 is not in the dataset
        QCOMPARE(d.zones[0].commune, std::string("59350"));
        double gp = 0;
        for (const auto& c : d.zoneCounts)
            if (c.profession == "medecin_generaliste")
                gp += c.count;
        QCOMPARE(gp, 5.0);
        bool orphanReported = false;
        for (const auto& w : report.warnings)
            if (w.message.find("zones belong to communes absent from the dataset") != std::string::npos)
                orphanReported = !w.details.empty() && w.details[0] == "590010101 (59001)";
        QVERIFY(orphanReported);
    }

    void initTestCase() { io::ensureGdal(); }

    void importsSmallTerritory() {
        io::ImportReport report;
        Recorder fb;
        const model::Dataset d = io::importDataset(smallOptions(), report, &fb);

        // Communes: arrondissements folded into Paris, sorted by code, none dropped.
        QCOMPARE(codesOf(d.communes), (std::vector<std::string>{"01001", "01002", "01003", "01004", "2A004",
                                                                "59009", "59350", "75056"}));
        const model::Commune* paris = d.commune("75056");
        QVERIFY(paris);
        QCOMPARE(paris->name, std::string("Paris"));
        QCOMPARE(paris->population, 16266.0 + 21119.0);
        QCOMPARE(paris->bv, std::string("75056"));
        QCOMPARE(paris->reg, std::string("11"));
        QVERIFY(io::isValidPolygon(paris->geometry));
        QVERIFY(std::abs(io::areaKm2(paris->geometry) - 2 * io::areaKm2(d.commune("01001")->geometry)) <
                0.01); // two squares, same latitude
        QVERIFY(warned(report, "75101"));

        // A commune of the polygons missing from the BV table: kept, no BV, warned.
        QCOMPARE(d.commune("59009")->bv, std::string());
        QCOMPARE(d.commune("59009")->population, 62308.0);
        QVERIFY(warned(report, "59009"));
        // A commune absent from the population table: population 0, warned.
        QCOMPARE(d.commune("2A004")->population, 0.0);
        QCOMPARE(d.commune("2A004")->dep, std::string("2A"));
        QVERIFY(warned(report, "2A004"));

        // Join reports, every direction.
        const io::JoinReport* j = findJoin(report, "table des bassins de vie", "communes");
        QVERIFY(j);
        QCOMPARE(j->unmatched, std::vector<std::string>{"01999"});
        j = findJoin(report, "communes", "table des bassins de vie");
        QVERIFY(j);
        QCOMPARE(j->unmatched, std::vector<std::string>{"59009"});
        QCOMPARE(j->unmatchedPopulation, 62308.0);
        j = findJoin(report, "population", "communes");
        QVERIFY(j);
        QCOMPARE(j->unmatched, std::vector<std::string>{"01998"});
        QCOMPARE(j->unmatchedPopulation, 50.0);
        j = findJoin(report, "communes", "population");
        QVERIFY(j);
        QCOMPARE(j->unmatched, std::vector<std::string>{"2A004"});
        j = findJoin(report, "professionnels", "communes");
        QVERIFY(j);
        QCOMPARE(j->unmatched, std::vector<std::string>{"01997"});
        QCOMPARE(j->unmatchedProfessionals, 3.0);
        QVERIFY(warned(report, "01997"));
        // Bordeaux (BV and population tables) is outside the territory: one warning naming its département,
        // not a join failure.
        QVERIFY(warnedAbout(report, "33"));
        for (const auto& join : report.joins)
            QVERIFY(std::find(join.unmatched.begin(), join.unmatched.end(), "33063") == join.unmatched.end());

        // Bassins de vie.
        QCOMPARE(codesOf(d.bassins), (std::vector<std::string>{"01004", "2A004", "59350", "75056"}));
        const model::Bassin* ne = d.bassin("01004");
        QVERIFY(ne);
        QCOMPARE(ne->name, std::string("Bassin du Nord-Est"));
        QCOMPARE(ne->communes, (std::vector<std::string>{"01001", "01002", "01003", "01004"}));
        QCOMPARE(ne->population, 1600.0);
        QCOMPARE(ne->dep, std::string("01"));
        QCOMPARE(ne->reg, std::string("84"));
        QCOMPARE(ne->anchor.x, d.commune("01004")->anchor.x);
        QCOMPARE(ne->anchor.y, d.commune("01004")->anchor.y);
        QVERIFY(io::isValidPolygon(ne->geometry));
        double sum = 0;
        for (const auto& c : ne->communes)
            sum += io::areaKm2(d.commune(c)->geometry);
        QVERIFY(std::abs(io::areaKm2(ne->geometry) - sum) < 1e-6 * sum);
        QCOMPARE(d.bassin("59350")->communes, std::vector<std::string>{"59350"});
        QCOMPARE(d.bassin("59350")->reg, std::string("32"));
        for (const auto& b : d.bassins)
            QVERIFY2(io::isValidPolygon(b.geometry), b.code.c_str());

        // Counts: arrondissements summed, unmatched left out (and reported).
        QCOMPARE(countOf(d, "75056", "medecin_generaliste"), 70.0);
        QCOMPARE(countOf(d, "59350", "infirmier"), 400.0);
        QCOMPARE(countOf(d, "59009", "masseur_kinesitherapeute"), 50.0);
        QCOMPARE(countOf(d, "01997", "medecin_generaliste"), 0.0);
        for (const auto& c : d.counts)
            QCOMPARE(c.vintage, 2013);

        // Metadata.
        QCOMPARE(d.meta.title, std::string("Territoire d'essai"));
        QCOMPARE(d.meta.sources, std::vector<std::string>{"Fichiers d'essai"});
        QCOMPARE(d.meta.vintages, std::vector<int>{2013});
        QCOMPARE(d.meta.cogYear, 2018);
        QCOMPARE(d.meta.bvVintage, std::string("BV2012"));
        QVERIFY(!d.meta.fictional);
        QVERIFY(!d.meta.createdBy.empty());
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"))
                    .match(QString::fromStdString(d.meta.createdAt))
                    .hasMatch());
        QVERIFY(!d.catalogue.empty());

        // Progress: steps named, never backwards, ends at 100.
        QVERIFY(fb.steps.size() >= 5);
        // Steps are messages the receiver words: the same step in English and in French.
        QCOMPARE(fb.steps.front(), std::string("Reading the communes"));
        QCOMPARE(fb.french.front(), std::string("Lecture des communes"));
        QVERIFY(std::find(fb.french.begin(), fb.french.end(), "Construction des bassins de vie") !=
                fb.french.end());
        QVERIFY(std::is_sorted(fb.values.begin(), fb.values.end()));
        QCOMPARE(fb.values.back(), 100.0);
    }

    void filtersByDepartement() {
        io::ImportOptions o = smallOptions();
        o.departementFilter = "1, 2a";
        io::ImportReport report;
        const model::Dataset d = io::importDataset(o, report);
        QCOMPARE(codesOf(d.communes),
                 (std::vector<std::string>{"01001", "01002", "01003", "01004", "2A004"}));
        QCOMPARE(codesOf(d.bassins), (std::vector<std::string>{"01004", "2A004"}));
        for (const auto& c : d.counts)
            QCOMPARE(c.place, std::string("01004"));
        QCOMPARE(d.meta.extra.at("departement_filter"), std::string("1, 2a"));
    }

    void filtersByRegion() {
        io::ImportOptions o = smallOptions();
        o.regionFilter = "32";
        io::ImportReport report;
        const model::Dataset d = io::importDataset(o, report);
        // 59009 has no row in the BV table, hence no région: not kept (and warned about above).
        QCOMPARE(codesOf(d.communes), std::vector<std::string>{"59350"});
        QCOMPARE(codesOf(d.bassins), std::vector<std::string>{"59350"});
        QCOMPARE(countOf(d, "59350", "medecin_generaliste"), 350.0);
        QCOMPARE(d.counts.size(), std::size_t(3));

        o.regionFilter = "99";
        try {
            io::importDataset(o, report);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Parameter);
        }
    }

    void aBassinTableWithoutRegionTakesTheRegionOfEachDepartement() {
        // Crosswalk tables (commune_cog2018_bv2012_bv2022_crosswalk.csv) have DEP but no REG: a national
        // import left every région empty, so the régions layer was empty and --region found nothing.
        QTemporaryDir dir;
        const QString bv = dir.filePath(QStringLiteral("bv_sans_reg.csv"));
        QFile in(QString::fromStdString(testing::dataPath("geo/import_bv.csv")));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QFile out(bv);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (const QByteArray& line : in.readAll().split('\n')) {
            QList<QByteArray> fields = line.split(';');
            if (fields.size() > 3)
                fields.removeAt(3); // REG
            out.write(fields.join(';') + '\n');
        }
        out.close();
        io::ImportOptions o = smallOptions();
        o.bassinsPath = bv.toStdString();
        io::ImportReport report;
        model::Dataset d = io::importDataset(o, report);
        QCOMPARE(d.commune("59350")->reg, std::string("32"));
        QCOMPARE(d.commune("01001")->reg, std::string("84"));
        QCOMPARE(d.bassin("59350")->reg, std::string("32"));
        QCOMPARE(d.regionNames.at("32"), std::string("Hauts-de-France"));
        o.regionFilter = "32";
        d = io::importDataset(o, report);
        QCOMPARE(codesOf(d.communes), std::vector<std::string>{"59350"});
    }

    void anArticleThePolygonsDropIsTakenBackFromTheBassinTable() {
        // communes_france_cog2018.geojson names « La Rochelle » "Rochelle" and « Le Havre » "Havre"; INSEE's
        // LIBGEO in the BV table has the article. Another name in the table leaves the polygon's alone.
        QTemporaryDir dir;
        io::ImportOptions o = smallOptions();
        o.bassinsPath = editedBassinTable(dir, "bv_articles.csv",
                                          {{"\"59350\";\"Lille\"", "\"59350\";\"La Lille\""},
                                           {"\"01001\";\"Sud-Ouest\"", "\"01001\";\"Sud-Ouest-Village\""}});
        QVERIFY(!o.bassinsPath.empty());
        io::ImportReport report;
        const model::Dataset d = io::importDataset(o, report);
        QCOMPARE(d.commune("59350")->name, std::string("La Lille"));
        QCOMPARE(d.bassin("59350")->name, std::string("La Lille")); // named after its main commune
        QCOMPARE(d.commune("01001")->name, std::string("Sud-Ouest"));
    }

    void aBassinWhoseMainCommuneIsLeftOutIsNamedAndPlacedByItsRow() {
        // 01001 moved into Lille's bassin, which the table leaves unnamed. The Ain alone (strict) keeps 01001
        // in bassin 59350 without its main commune: the bassin takes the main commune's name, département and
        // région from the table's row of 59350 (kept, of France's rows, until the bassins are built).
        QTemporaryDir dir;
        io::ImportOptions o = smallOptions();
        o.bassinsPath =
            editedBassinTable(dir, "bv_main_outside.csv",
                              {{"\"01001\";\"Sud-Ouest\";\"01\";\"84\";\"01004\";\"Bassin du Nord-Est\"",
                                "\"01001\";\"Sud-Ouest\";\"01\";\"84\";\"59350\";\"\""},
                               {"\"59350\";\"Lille\";\"59\";\"32\";\"59350\";\"Lille\"",
                                "\"59350\";\"Lille\";\"59\";\"32\";\"59350\";\"\""}});
        QVERIFY(!o.bassinsPath.empty());
        o.departementFilter = "01";
        o.areaMode = io::AreaMode::Strict;
        io::ImportReport report;
        const model::Dataset d = io::importDataset(o, report);
        QVERIFY(!d.commune("59350"));
        QCOMPARE(d.commune("01001")->bv, std::string("59350"));
        const model::Bassin* lille = d.bassin("59350");
        QVERIFY(lille);
        QCOMPARE(lille->name, std::string("Lille"));
        QCOMPARE(lille->dep, std::string("59"));
        QCOMPARE(lille->reg, std::string("32"));
    }

    void tableWithoutGeometry() {
        io::ImportOptions o;
        o.communesPath = testing::dataPath("geo/import_communes_table.csv");
        io::ProfessionalsSource bpe;
        bpe.path = testing::dataPath("geo/import_bpe.csv");
        bpe.vintage = 2013;
        o.professionals.push_back(bpe);
        io::ImportReport report;
        const model::Dataset d = io::importDataset(o, report);
        QCOMPARE(d.communes.size(), std::size_t(5));
        QCOMPARE(codesOf(d.bassins), (std::vector<std::string>{"01004", "59350"}));
        const model::Bassin* lille = d.bassin("59350");
        QCOMPARE(lille->name, std::string("Lille")); // its main commune's name
        QCOMPARE(lille->population, 232787.0 + 62308.0);
        QCOMPARE(lille->communes, (std::vector<std::string>{"59009", "59350"}));
        QVERIFY(lille->geometry.empty());
        QCOMPARE(d.bassin("01004")->reg, std::string("84"));
        const io::JoinReport* j = findJoin(report, "professionnels", "communes");
        QVERIFY(j);
        QCOMPARE(j->unmatched, std::vector<std::string>{"01997"});
        // Paris is in a département absent from the communes table: outside the territory, one warning.
        QVERIFY(warnedAbout(report, "75"));
        QCOMPARE(d.meta.vintages, std::vector<int>{2013});
    }

    void theFacilitiesOfABpeTableAreReadWithItsCountsInOnePass() {
        // The professionals table is read row by row (no table of strings), its D1xx establishments with it.
        QTemporaryDir dir;
        const io::ImportOptions o =
            communeTableWith(dir, "DEPCOM;TYPEQU;NB_EQUIP\n59350;D106;2\n59350;D201;30\n59009;D107;1\n"
                                  "59350;D106;1\n01001;D113;0\n");
        io::ImportReport report;
        const model::Dataset d = io::importDataset(o, report);
        QCOMPARE(d.facilities.size(), std::size_t(2)); // zero counts give none
        QCOMPARE(d.facilities[0].commune, std::string("59009"));
        QCOMPARE(d.facilities[0].kind, std::string("D107"));
        QCOMPARE(d.facilities[1].commune, std::string("59350"));
        QCOMPARE(d.facilities[1].kind, std::string("D106"));
        QCOMPARE(d.facilities[1].count, 3.0);
        QCOMPARE(d.facilities[1].vintage, 2018);
        QCOMPARE(countOf(d, "59350", "medecin_generaliste"), 30.0);
        QCOMPARE(d.params.poles.massScale, 0.25); // INSEE's BPE, told from its rows as before
    }

    void aBadFacilityCountIsRefusedNamingTheFileAndLine() {
        QTemporaryDir dir;
        const io::ImportOptions o = communeTableWith(
            dir, "DEPCOM;TYPEQU;NB_EQUIP\n59350;D201;30\n59350;D106;beaucoup\n59009;D201;2\n");
        io::ImportReport report;
        const auto e = testing::thrown<Error>([&] { io::importDataset(o, report); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Value);
        QCOMPARE(e->where().file, o.professionals.front().path);
        QCOMPARE(e->where().line, 3L);
        QVERIFY(std::string(e->what()).find("expected a number of facilities") != std::string::npos);
    }

    void polygonsNeedABassinTable() {
        io::ImportOptions o = smallOptions();
        o.bassinsPath.clear();
        io::ImportReport report;
        try {
            io::importDataset(o, report);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Parameter);
        }
    }

    void inputErrorsPropagate() {
        io::ImportOptions o = smallOptions();
        o.communesPath = testing::dataPath("geo/nocode.geojson");
        io::ImportReport report;
        try {
            io::importDataset(o, report);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Format);
            QCOMPARE(e.where().file, o.communesPath);
        }
        o = smallOptions();
        o.professionals[0].path = testing::dataPath("geo/absent.csv");
        try {
            io::importDataset(o, report);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::FileNotFound);
        }
    }

    void honoursCancel() {
        for (int n : {1, 3, 6}) {
            CancelAtStep fb(n);
            io::ImportReport report;
            try {
                io::importDataset(smallOptions(), report, &fb);
                QFAIL("expected Canceled");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), ErrorKind::Canceled);
            }
        }
    }

    void importedDatasetRoundTrips() {
        io::ImportReport report;
        const model::Dataset d = io::importDataset(smallOptions(), report);
        QTemporaryDir dir;
        const std::string path = dir.filePath("essai.gpkg").toStdString();
        io::writeDataset(d, path);
        const model::Dataset r = io::readDataset(path);
        QCOMPARE(codesOf(r.communes), codesOf(d.communes));
        QCOMPARE(codesOf(r.bassins), codesOf(d.bassins));
        QCOMPARE(r.counts.size(), d.counts.size());
        QCOMPARE(r.bassin("01004")->communes, d.bassin("01004")->communes);
        QCOMPARE(r.meta.createdAt, d.meta.createdAt);
        QCOMPARE(r.catalogue.toCsv(), d.catalogue.toCsv());
    }

    void datasetRecordsTheDefaultsItsImportSetThroughTheGeoPackage() {
        io::ImportReport report;
        const model::Dataset d = io::importDataset(smallOptions(), report); // BPE: mass scale 0.25
        QCOMPARE(d.meta.extra.at("defaults.poles.mass_scale"), std::string("0.25"));
        QTemporaryDir dir;
        const std::string path = dir.filePath("bpe.gpkg").toStdString();
        io::writeDataset(d, path);
        const model::Dataset r = io::readDataset(path);
        QCOMPARE(r.meta.extra.count("defaults.poles.mass_scale"), std::size_t(1));
        QCOMPARE(r.meta.extra.at("defaults.poles.mass_scale"), std::string("0.25"));
        QCOMPARE(r.params.poles.massScale, 0.25);

        io::ImportOptions o = smallOptions();
        o.professionals.front().path = testing::dataPath("cli/professionals.csv"); // not BPE: nothing set
        io::ImportReport plain;
        QCOMPARE(io::importDataset(o, plain).meta.extra.count("defaults.poles.mass_scale"), std::size_t(0));
    }

    void sourcesSayWhatTheImportKnowsWhenNoneIsGiven() {
        io::ImportOptions o = smallOptions();
        o.sources.clear();
        io::ImportReport report;
        const model::Dataset d = io::importDataset(o, report);
        QCOMPARE(testing::qList(d.meta.sources),
                 (QStringList{"import_communes.geojson", "INSEE, bassins de vie 2012",
                              "INSEE, recensement de la population", "INSEE, BPE 2013"}));
        // The producer of the polygons, when the file name tells it.
        QTemporaryDir dir;
        const QString adminExpress = dir.filePath(QStringLiteral("ADMIN-EXPRESS_COMMUNE_2018.geojson"));
        QVERIFY(QFile::copy(QString::fromStdString(o.communesPath), adminExpress));
        o.communesPath = adminExpress.toStdString();
        QCOMPARE(io::importDataset(o, report).meta.sources.front(), std::string("IGN, ADMIN EXPRESS"));
        // User lines win.
        QCOMPARE(io::importDataset(smallOptions(), report).meta.sources,
                 std::vector<std::string>{"Fichiers d'essai"});
    }

    void communeTableNeedsNoPopulationNorBassinColumnWhenOtherFilesGiveThem() {
        io::ImportOptions o = smallOptions();
        o.communesPath = testing::dataPath("geo/import_communes_codes.csv"); // code;nom only
        io::ImportReport report;
        const model::Dataset d = io::importDataset(o, report);
        QCOMPARE(d.commune("01004")->population, 1000.0);
        QCOMPARE(d.commune("01004")->bv, std::string("01004"));
        QVERIFY(d.bassin("01004"));
        // Without the files, the columns are required, and the message says which.
        o.populationPath.clear();
        const std::string m = importError(o);
        QVERIFY2(m.find("population") != std::string::npos, m.c_str());
    }

    void swappedLatitudeAndLongitudeAreRefusedWithTheCause() {
        io::ImportOptions o = smallOptions();
        o.communesPath = testing::dataPath("geo/swapped_latlon.geojson");
        ErrorKind kind = ErrorKind::Internal;
        const std::string m = importError(o, &kind); // every commune lies outside France
        QCOMPARE(kind, ErrorKind::Geometry);
        QVERIFY2(m.find("swapped_latlon.geojson") != std::string::npos, m.c_str());
        QVERIFY2(m.find("commune 01001 (Sud-Ouest) should be in metropolitan France") != std::string::npos,
                 m.c_str());
        QVERIFY2(m.find("lies at 46.51° E, 3.01° N") != std::string::npos, m.c_str()); // its anchor
        QVERIFY2(m.find("latitude/longitude swapped") != std::string::npos, m.c_str());
    }

    void aDeclaredCrsThatLiesIsRefusedNamingIt() {
        io::ImportOptions o = smallOptions();
        o.communesPath = testing::dataPath("geo/wrong_crs.geojson"); // degrees declared as EPSG:2154
        const std::string m = importError(o);
        QVERIFY2(m.find("wrong_crs.geojson") != std::string::npos, m.c_str());
        QVERIFY2(m.find("declares the coordinate system EPSG:2154 but its coordinates look like WGS84 "
                        "longitude/latitude") != std::string::npos,
                 m.c_str());
    }

    void oneCommuneOutsideItsTerritoryIsAWarning() {
        io::ImportOptions o = smallOptions();
        o.communesPath = testing::dataPath("geo/one_misplaced.geojson"); // Ajaccio in the Allier
        io::ImportReport report;
        const model::Dataset d = io::importDataset(o, report);
        QVERIFY(d.commune("2A004"));
        bool said = false;
        for (const auto& w : report.warnings)
            said = said ||
                   (w.message.find("commune 2A004 (Ajaccio) should be in Corsica") != std::string::npos &&
                    w.details.size() == 1);
        QVERIFY(said);
        // In place, no such warning.
        io::ImportReport inPlace;
        io::importDataset(smallOptions(), inPlace);
        for (const auto& w : inPlace.warnings)
            QVERIFY2(w.message.find("outside its territory") == std::string::npos, w.message.c_str());
    }

    void bassinTableJoinsSayWhyCodesDoNotMatch() {
        io::ImportReport report;
        io::importDataset(smallOptions(), report);
        bool absentFromCommunes = false, absentFromTable = false;
        for (const auto& w : report.warnings) {
            if (w.message.find("merged into communes nouvelles, or a table of another COG year") !=
                std::string::npos)
                absentFromCommunes = absentFromCommunes || testing::qList(w.details).contains("01999");
            if (w.message.find("kept without a bassin de vie") != std::string::npos)
                absentFromTable = absentFromTable || testing::qList(w.details).contains("59009");
        }
        QVERIFY(absentFromCommunes);
        QVERIFY(absentFromTable);
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "test_import.moc"
