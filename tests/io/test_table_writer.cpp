// The output layer of result tables (core/io/table_writer.h): every format read back, standard output,
// devices and pipes, and the outputs it refuses.
#include "testing.h"

#include "core/io/gdal_util.h"
#include "core/io/geo.h"
#include "core/io/table.h"
#include "core/io/table_writer.h"
#include "core/model/error.h"

#include <QObject>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace maillage;
using namespace maillage::io;
using maillage::testing::q;
using maillage::testing::qList;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

//! The files of a folder, sorted by name.
QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files | QDir::System | QDir::Hidden, QDir::Name);
}

//! Codes with a leading zero, a name with a comma, a count, a real, a percent, a boolean; row 2 masked,
//! row 3 with an empty cell.
ResultTable sample() {
    ResultTable t;
    t.name = "density";
    t.titleFr = "Densités";
    t.titleEn = "Densities";
    t.secrecyApplied = true;
    t.secrecyThreshold = 5;
    t.columns = {{"code", "Code", "Code", ColumnType::Code, "", -1},
                 {"name", "Nom", "Name", ColumnType::Text, "", -1},
                 {"count", "Professionnels", "Professionals", ColumnType::Integer, "", -1},
                 {"per_10000", "Pour 10 000 hab.", "Per 10,000", ColumnType::Real, "", 2},
                 {"share", "Part", "Share", ColumnType::Percent, "", 1},
                 {"pole", "Pôle", "Pole", ColumnType::Boolean, "", -1}};
    t.rows.push_back({{Cell::of(std::string("02018")), Cell::of(std::string("Ailly, sur Noye")),
                       Cell::of(12.0), Cell::of(1.25), Cell::of(0.194), Cell::of(1.0)},
                      {}});
    t.rows.push_back({{Cell::of(std::string("2A004")), Cell::of(std::string("Ajaccio")), Cell::secret(),
                       Cell::secret(), Cell::of(0.5), Cell::of(0.0)},
                      {}});
    t.rows.push_back({{Cell::of(std::string("59350")), Cell::of(std::string("Lille")), Cell::of(0.0),
                       Cell::none(), Cell::of(0.0), Cell::of(0.0)},
                      {}});
    return t;
}

ResultTable second() {
    ResultTable t;
    t.name = "links_isolated";
    t.titleFr = "Pôles isolés";
    t.columns = {{"bv", "Bassin de vie", "Bassin de vie", ColumnType::Code, "", -1}};
    t.rows.push_back({{Cell::of(std::string("02018"))}, {}});
    return t;
}

//! The message of the Error that `f` throws, "" when it throws none.
template <typename F> std::string errorOf(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

TableWriteOptions as(TableFormat format) {
    TableWriteOptions o;
    o.format = format;
    return o;
}

//! A GDAL dataset opened for reading, with its layer `name`.
struct Opened {
    DatasetPtr ds;
    OGRLayer* layer = nullptr;
};
Opened open(const std::string& path, const char* layer = nullptr) {
    ensureGdal();
    Opened o;
    o.ds.reset(
        static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
    if (o.ds)
        o.layer = layer ? o.ds->GetLayerByName(layer) : o.ds->GetLayer(0);
    return o;
}

OGRFieldType fieldType(OGRLayer* layer, const char* field) {
    const int i = layer->GetLayerDefn()->GetFieldIndex(field);
    return i < 0 ? OFTMaxType : layer->GetLayerDefn()->GetFieldDefn(i)->GetType();
}

} // namespace

class TestTableWriter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const char* name) const {
        return (m_dir.path() + QLatin1Char('/') + name).toStdString();
    }

private slots:
    void csvHasKeysPointDecimalsAndMaskedCellsEmptyAndFlagged() {
        QCOMPARE(csvText(sample(), TableFormat::Csv),
                 std::string("code,name,count,per_10000,share,pole,masked\n"
                             "02018,\"Ailly, sur Noye\",12,1.25,0.194,1,0\n"
                             "2A004,Ajaccio,,,0.500,0,1\n"
                             "59350,Lille,0,,0.000,0,0\n"));
    }

    void csvFrHasABomSemicolonsAndDecimalCommas() {
        QCOMPARE(csvText(sample(), TableFormat::CsvFr),
                 std::string("\xEF\xBB\xBF"
                             "code;name;count;per_10000;share;pole;masked\n"
                             "02018;Ailly, sur Noye;12;1,25;0,194;1;0\n"
                             "2A004;Ajaccio;;;0,500;0;1\n"
                             "59350;Lille;0;;0,000;0;0\n"));
    }

    void labelHeadersAreInTheLanguageOfTheFormat() {
        const std::string fr = csvText(sample(), TableFormat::CsvFr, HeaderStyle::Labels);
        QVERIFY2(fr.find("Code;Nom;Professionnels;Pour 10 000 hab.;Part;Pôle;masqué\n") != std::string::npos,
                 fr.c_str());
    }

    void csvFilesComeWithACsvtThatKeepsCodesAsText() {
        const std::string target = path("classes.csv");
        std::ostringstream unused;
        const auto written = writeTable(sample(), target, as(TableFormat::Csv), unused);
        QCOMPARE(qList(written), QStringList({q(target), q(path("classes.csvt"))}));
        QCOMPARE(slurp(path("classes.csvt")),
                 std::string("\"String\",\"String\",\"Integer64\",\"Real\",\"Real\",\"Integer(Boolean)\","
                             "\"Integer(Boolean)\"\n"));
        Opened o = open(target);
        QVERIFY(o.layer);
        QCOMPARE(fieldType(o.layer, "code"), OFTString);
        QCOMPARE(fieldType(o.layer, "count"), OFTInteger64);
        QCOMPARE(fieldType(o.layer, "per_10000"), OFTReal);
        FeaturePtr f(o.layer->GetNextFeature());
        QCOMPARE(std::string(f->GetFieldAsString("code")), std::string("02018"));
        QCOMPARE(f->GetFieldAsDouble("per_10000"), 1.25);
        f.reset(o.layer->GetNextFeature());
        QVERIFY(!f->IsFieldSetAndNotNull(f->GetFieldIndex("count")));
        QCOMPARE(f->GetFieldAsInteger("masked"), 1);
    }

    void csvFrReadsBackWithTheProjectsTableReader() {
        const std::string target = path("fr.csv");
        std::ostringstream unused;
        writeTable(sample(), target, as(TableFormat::CsvFr), unused);
        const Table t = readTable(target);
        QCOMPARE(t.separator, ';');
        QCOMPARE(t.header.size(), std::size_t(7));
        QCOMPARE(t.cell(0, t.column("code")), std::string("02018"));
        QCOMPARE(t.cell(0, t.column("name")), std::string("Ailly, sur Noye"));
        QCOMPARE(t.cell(0, t.column("per_10000")), std::string("1,25"));
        QCOMPARE(t.cell(1, t.column("count")), std::string());
        QCOMPARE(t.cell(1, t.column("masked")), std::string("1"));
        // GDAL (and so QGIS) reads the decimal commas of a ';' file typed Real by the .csvt.
        Opened o = open(target);
        QVERIFY(o.layer);
        QCOMPARE(fieldType(o.layer, "per_10000"), OFTReal);
        FeaturePtr f(o.layer->GetNextFeature());
        QCOMPARE(f->GetFieldAsDouble("per_10000"), 1.25);
        QCOMPARE(std::string(f->GetFieldAsString("code")), std::string("02018"));
    }

    void severalCsvTablesAreWrittenBesideTheFirst() {
        const std::string target = path("links.csv");
        std::ostringstream unused;
        const auto written = writeTables({sample(), second()}, target, as(TableFormat::Csv), unused);
        QCOMPARE(qList(written),
                 QStringList({q(target), q(path("links.csvt")), q(path("links_links_isolated.csv")),
                              q(path("links_links_isolated.csvt"))}));
        QCOMPARE(slurp(path("links_links_isolated.csv")), std::string("bv,masked\n02018,0\n"));
    }

    void spreadsheetsHoldOneSheetPerTableTypedAndTheCaptions_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("file");
        QTest::newRow("xlsx") << int(TableFormat::Xlsx) << QStringLiteral("tables.xlsx");
        QTest::newRow("ods") << int(TableFormat::Ods) << QStringLiteral("tables.ods");
    }
    void spreadsheetsHoldOneSheetPerTableTypedAndTheCaptions() {
        QFETCH(int, format);
        QFETCH(QString, file);
        const std::string target = path(file.toUtf8().constData());
        std::ostringstream unused;
        writeTables({sample(), second()}, target, as(TableFormat(format)), unused);
        Opened o = open(target, "density");
        QVERIFY(o.layer);
        QCOMPARE(o.ds->GetLayerCount(), 3);
        QVERIFY(o.ds->GetLayerByName("links_isolated"));
        QVERIFY(o.ds->GetLayerByName("notes"));
        QCOMPARE(fieldType(o.layer, "code"), OFTString);
        QCOMPARE(fieldType(o.layer, "per_10000"), OFTReal);
        FeaturePtr f(o.layer->GetNextFeature());
        QCOMPARE(std::string(f->GetFieldAsString("code")), std::string("02018"));
        QCOMPARE(f->GetFieldAsDouble("per_10000"), 1.25);
        QCOMPARE(f->GetFieldAsInteger("count"), 12);
        f.reset(o.layer->GetNextFeature());
        QVERIFY(!f->IsFieldSetAndNotNull(f->GetFieldIndex("count")));
        QCOMPARE(f->GetFieldAsInteger("masked"), 1);
        // The project's reader finds the table on the first sheet.
        const Table t = readTable(target);
        QCOMPARE(t.sheet, std::string("density"));
        QCOMPARE(t.cell(0, t.column("code")), std::string("02018"));
        OGRLayer* notes = o.ds->GetLayerByName("notes");
        std::string captions;
        for (FeaturePtr n(notes->GetNextFeature()); n; n.reset(notes->GetNextFeature()))
            captions += std::string(n->GetFieldAsString(0)) + "\n";
        QVERIFY2(captions.find("secret statistique\u00a0: effectifs inférieurs à 5 masqués") !=
                     std::string::npos,
                 captions.c_str());
    }

    void geoPackagesHoldAttributeTablesAndLayersWithTheirCaption() {
        ResultTable withGeometry = second();
        withGeometry.epsg = 2154;
        OGRPoint point(700000, 6900000);
        withGeometry.rows[0].wkb.resize(point.WkbSize());
        point.exportToWkb(wkbNDR, withGeometry.rows[0].wkb.data(), wkbVariantIso);
        const std::string target = path("results.gpkg");
        std::ostringstream unused;
        writeTables({sample(), withGeometry}, target, as(TableFormat::Gpkg), unused);
        Opened o = open(target, "density");
        QVERIFY(o.layer);
        QCOMPARE(o.layer->GetGeomType(), wkbNone);
        QCOMPARE(fieldType(o.layer, "count"), OFTInteger64);
        FeaturePtr f(o.layer->GetNextFeature());
        QCOMPARE(std::string(f->GetFieldAsString("code")), std::string("02018"));
        f.reset(o.layer->GetNextFeature());
        QVERIFY(!f->IsFieldSetAndNotNull(f->GetFieldIndex("per_10000")));
        QCOMPARE(f->GetFieldAsInteger("masked"), 1);
        QVERIFY2(std::string(o.layer->GetMetadataItem("DESCRIPTION")).find("effectifs inférieurs à 5") !=
                     std::string::npos,
                 o.layer->GetMetadataItem("DESCRIPTION"));
        OGRLayer* points = o.ds->GetLayerByName("links_isolated");
        QVERIFY(points);
        QCOMPARE(std::string(points->GetSpatialRef()->GetAuthorityCode(nullptr)), std::string("2154"));
        FeaturePtr p(points->GetNextFeature());
        QCOMPARE(p->GetGeometryRef()->toPoint()->getX(), 700000.0);
    }

    void geoJsonWritesOneFilePerTable() {
        const std::string target = path("out.geojson");
        std::ostringstream unused;
        const auto written = writeTables({sample(), second()}, target, as(TableFormat::GeoJson), unused);
        QCOMPARE(qList(written), QStringList({q(target), q(path("out_links_isolated.geojson"))}));
        Opened o = open(target);
        QVERIFY(o.layer);
        FeaturePtr f(o.layer->GetNextFeature());
        QCOMPARE(std::string(f->GetFieldAsString("code")), std::string("02018"));
        f.reset(o.layer->GetNextFeature());
        QVERIFY(!f->IsFieldSetAndNotNull(f->GetFieldIndex("count")));
        QVERIFY(open(path("out_links_isolated.geojson")).layer);
        // Rows with geometry: RFC 7946, in WGS 84 longitude/latitude.
        ResultTable located = second();
        located.epsg = 2154;
        OGRPoint point(700000, 6600000); // the origin of Lambert-93: 3° E, 46.5° N
        located.rows[0].wkb.resize(point.WkbSize());
        point.exportToWkb(wkbNDR, located.rows[0].wkb.data(), wkbVariantIso);
        writeTable(located, path("located.geojson"), as(TableFormat::GeoJson), unused);
        Opened l = open(path("located.geojson"));
        FeaturePtr p(l.layer->GetNextFeature());
        QVERIFY(p && p->GetGeometryRef());
        QVERIFY(std::fabs(p->GetGeometryRef()->toPoint()->getX() - 3.0) < 1e-6);
        QVERIFY(std::fabs(p->GetGeometryRef()->toPoint()->getY() - 46.5) < 1e-6);
    }

    void dashIsStandardOutputForCsvOnly() {
        std::ostringstream out;
        QVERIFY(writeTables({sample(), second()}, "-", as(TableFormat::CsvFr), out).empty());
        QCOMPARE(out.str(), csvText(sample(), TableFormat::CsvFr) + "\n" + "bv;masked\n02018;0\n");
        QCOMPARE(errorOf([&] { writeTable(sample(), "-", as(TableFormat::Xlsx), out); }),
                 std::string("standard output (-) takes only csv and csv-fr, not xlsx: give a file name"));
    }

    void devicesAndPipesAreWrittenDirectly() {
        QCOMPARE(checkTableOutput("/dev/stdout", TableFormat::Csv), OutputKind::Stream);
        QCOMPARE(checkTableOutput("/dev/null", TableFormat::CsvFr), OutputKind::Stream);
        std::ostringstream unused;
        QCOMPARE(qList(writeTable(sample(), "/dev/null", as(TableFormat::Csv), unused)),
                 QStringList{"/dev/null"});
        const std::string fifo = path("pipe");
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        std::string received;
        std::thread reader([&] { received = slurp(fifo); });
        writeTable(sample(), fifo, as(TableFormat::Csv), unused);
        reader.join();
        QCOMPARE(received, csvText(sample(), TableFormat::Csv));
        QCOMPARE(errorOf([&] { writeTable(sample(), "/dev/null", as(TableFormat::Gpkg), unused); }),
                 std::string(
                     "/dev/null: is a device or a pipe: only csv and csv-fr can be written to it, not gpkg"));
        std::remove(fifo.c_str());
    }

    void aFileBehindStandardOutputIsWrittenThroughIt() {
        // `maillage … --output /dev/stdout > out.csv`: /dev/stdout links to the file the shell opened.
        const std::string file = path("redirected.csv");
        spit(file, "before\n");
        FILE* f = std::fopen(file.c_str(), "a");
        QVERIFY(f);
        const std::string descriptor = "/dev/fd/" + std::to_string(::fileno(f));
        QCOMPARE(checkTableOutput(descriptor, TableFormat::Csv), OutputKind::Stream);
        std::ostringstream unused;
        writeTable(sample(), descriptor, as(TableFormat::Csv), unused);
        std::fclose(f);
        QCOMPARE(slurp(file), "before\n" + csvText(sample(), TableFormat::Csv));
    }

    void symbolicLinksFoldersAndDatabasesAreRefused() {
        const std::string file = path("kept.csv"), link = path("link.csv");
        spit(file, "previous\n");
        QCOMPARE(::symlink(file.c_str(), link.c_str()), 0);
        std::ostringstream unused;
        QCOMPARE(
            errorOf([&] { writeTable(sample(), link, as(TableFormat::Csv), unused); }),
            link + ": is a symbolic link: give the path of the file itself (the output is written beside it "
                   "and renamed over it, which would replace the link)");
        QCOMPARE(slurp(file), std::string("previous\n"));
        const std::string folder = m_dir.path().toStdString();
        QCOMPARE(errorOf([&] { writeTable(sample(), folder, as(TableFormat::Gpkg), unused); }),
                 folder + ": is a folder, expected a file name");
        const std::string pg = errorOf([&] {
            writeTable(sample(), "PG:dbname=ors user=obs password=s3cret", as(TableFormat::Gpkg), unused);
        });
        QCOMPARE(pg, std::string(
                         "PG: databases are not supported as output yet; write a GeoPackage file and load it "
                         "into the database with ogr2ogr"));
        const std::string url = errorOf(
            [&] { writeTable(sample(), "postgresql://obs:s3cret@db/ors", as(TableFormat::Csv), unused); });
        QVERIFY2(url.rfind("postgresql: databases are not supported", 0) == 0, url.c_str());
        QVERIFY(url.find("s3cret") == std::string::npos);
        std::remove(link.c_str());
        std::remove(file.c_str());
    }

    void aFailedWriteLeavesThePreviousFileAndNoTemporary() {
        QTemporaryDir dir;
        const std::string target = (dir.path() + QStringLiteral("/results.gpkg")).toStdString();
        spit(target, "previous");
        ResultTable broken = second();
        broken.rows[0].wkb = {1, 2, 3}; // not WKB: the layer fails half-way
        std::ostringstream unused;
        const std::string e = errorOf([&] {
            writeTables({sample(), broken}, target, as(TableFormat::Gpkg), unused);
        });
        QVERIFY2(e.find("a geometry is not valid WKB") != std::string::npos, e.c_str());
        QCOMPARE(slurp(target), std::string("previous"));
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("results.gpkg")});
        // CSV: the second table's path is a folder; the first file is not written either.
        const std::string csv = (dir.path() + QStringLiteral("/links.csv")).toStdString();
        spit(csv, "previous");
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("links_links_isolated.csv")));
        QVERIFY(!errorOf([&] {
                     writeTables({sample(), second()}, csv, as(TableFormat::Csv), unused);
                 }).empty());
        QCOMPARE(slurp(csv), std::string("previous"));
        QCOMPARE(filesIn(dir.path()),
                 QStringList({QStringLiteral("links.csv"), QStringLiteral("results.gpkg")}));
    }

    void aRowOfTheWrongWidthIsRefusedBeforeAnythingIsWritten() {
        ResultTable t = sample();
        t.rows[1].cells.pop_back();
        std::ostringstream unused;
        const std::string target = path("wide.csv");
        QCOMPARE(errorOf([&] { writeTable(t, target, as(TableFormat::Csv), unused); }),
                 std::string("table density, row 2: 5 cells for 6 columns"));
        QVERIFY(!QFileInfo::exists(q(target)));
    }

    void formatsAreNamedAndGuessedFromExtensions() {
        TableFormat f;
        QVERIFY(parseTableFormat("CSV-FR", f));
        QCOMPARE(f, TableFormat::CsvFr);
        QVERIFY(!parseTableFormat("shp", f));
        QCOMPARE(qList(tableFormatNames()), QStringList({"csv", "csv-fr", "xlsx", "ods", "gpkg", "geojson"}));
        QCOMPARE(tableFormatForPath("a/b.XLSX", TableFormat::Csv), TableFormat::Xlsx);
        QCOMPARE(tableFormatForPath("b.json", TableFormat::Csv), TableFormat::GeoJson);
        QCOMPARE(tableFormatForPath("b.csv", TableFormat::CsvFr), TableFormat::CsvFr);
        QCOMPARE(tableFormatForPath("-", TableFormat::Csv), TableFormat::Csv);
        QVERIFY(isDatabaseConnection("MSSQL:server=x"));
        QVERIFY(!isDatabaseConnection("pg.csv"));
    }

    void cellsForPeopleShowMaskedCountsAsLessThanTheThreshold() {
        const ResultTable t = sample();
        QCOMPARE(formatCell(t, 1, 2, Language::Fr), std::string("< 5"));
        QCOMPARE(formatCell(t, 0, 3, Language::Fr), std::string("1,25"));
        QCOMPARE(formatCell(t, 0, 4, Language::Fr), std::string("19,4\u00a0%"));
        QCOMPARE(formatCell(t, 0, 4, Language::En), std::string("19.4%"));
        QCOMPARE(formatCell(t, 0, 5, Language::Fr), std::string("oui"));
        QCOMPARE(formatCell(t, 2, 3, Language::Fr), std::string());
    }

    void sortingKeepsMaskedCellsTogetherWhateverTheirValue() {
        std::vector<Cell> cells = {Cell::of(12.0), Cell::secret(), Cell::none(), Cell::of(3.0),
                                   Cell::secret()};
        std::stable_sort(cells.begin(), cells.end(),
                         [](const Cell& a, const Cell& b) { return cellLess(a, b, ColumnType::Integer); });
        QCOMPARE(cells[0].number, 3.0);
        QCOMPARE(cells[1].number, 12.0);
        QVERIFY(cells[2].masked && cells[3].masked);
        QVERIFY(cells[4].empty);
    }
};

QTEST_GUILESS_MAIN(TestTableWriter)
#include "test_table_writer.moc"
