// Issue 7, "Verified by": every analysis subcommand, in every table format, run on a dataset built to have
// many counts from 1 to 4; every cell of every output is scanned for a count below the secrecy threshold
// that can be read, or recomputed from the other counts of its row (total minus a part, a part minus
// another), and every text cell for a small number of professionals quoted in words.
#include "app/cli.h"
#include "cli_testing.h"
#include "testing.h"

#include "core/io/gdal_util.h"
#include "core/io/gpkg.h"
#include "core/model/csv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <map>
#include <set>

using namespace maillage;
using maillage::testing::contentOf;
using maillage::testing::Run;
using maillage::testing::runCli;

namespace {

constexpr double kThreshold = 5; // the default density.secrecy_threshold

//! The columns that hold counts of professionals (or sums of them), in every table the subcommands write.
const std::set<std::string>& countColumns() {
    static const std::set<std::string> keys = {"total",  "pole",       "psy",           "ex_psy",
                                               "count",  "first_mass", "second_mass",   "total_professionals",
                                               "before", "after",      "professionals", "pole_professionals"};
    return keys;
}

//! One table as text: its header and its rows.
struct TextTable {
    std::string where; //!< file (and layer) for messages
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

//! A number written by a machine or a French human format ("1 234,5", "1,234.5" are not written): empty
//! or not a number gives NaN.
double parseCell(std::string s, bool frenchDecimals) {
    std::string clean;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == 0xC2 || c == 0xA0 || c == 0xE2 || c == 0x80 || c == 0xAF)
            continue; // spaces, NBSP and narrow NBSP as thousands separators
        clean += frenchDecimals && s[i] == ',' ? '.' : s[i];
    }
    if (clean.empty())
        return std::nan("");
    char* end = nullptr;
    const double v = std::strtod(clean.c_str(), &end);
    return end && *end == '\0' ? v : std::nan("");
}

bool isSmall(double v) {
    return std::isfinite(v) && std::fabs(v) >= 1 - 1e-9 && std::fabs(v) < kThreshold - 1e-9;
}

//! Every small count readable in `t`, or recomputable from two counts of one row; every small number of
//! professionals quoted in a text cell. One line each.
QStringList leaks(const TextTable& t, bool frenchDecimals) {
    QStringList found;
    static const QRegularExpression quoted(
        QStringLiteral("(^|[^0-9.,])([1-4]) (professionals?|professionnels?|health professionals)"));
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        std::vector<std::pair<std::string, double>> counts;
        for (std::size_t c = 0; c < t.header.size() && c < t.rows[r].size(); ++c) {
            const std::string& value = t.rows[r][c];
            if (countColumns().count(t.header[c])) {
                const double v = parseCell(value, frenchDecimals);
                if (std::isfinite(v))
                    counts.emplace_back(t.header[c], v);
            } else if (quoted.match(QString::fromStdString(value)).hasMatch()) {
                found << QStringLiteral("%1 row %2 %3: %4")
                             .arg(QString::fromStdString(t.where))
                             .arg(r + 1)
                             .arg(QString::fromStdString(t.header[c]), QString::fromStdString(value));
            }
        }
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (isSmall(counts[i].second))
                found << QStringLiteral("%1 row %2 %3 = %4")
                             .arg(QString::fromStdString(t.where))
                             .arg(r + 1)
                             .arg(QString::fromStdString(counts[i].first))
                             .arg(counts[i].second);
            for (std::size_t j = i + 1; j < counts.size(); ++j)
                if (isSmall(counts[i].second - counts[j].second))
                    found << QStringLiteral("%1 row %2 %3 - %4 = %5")
                                 .arg(QString::fromStdString(t.where))
                                 .arg(r + 1)
                                 .arg(QString::fromStdString(counts[i].first),
                                      QString::fromStdString(counts[j].first))
                                 .arg(counts[i].second - counts[j].second);
        }
    }
    return found;
}

//! A CSV file written by the output layer (comma or, in csv-fr, semicolon with a BOM).
TextTable readCsvTable(const QString& path, char sep) {
    QByteArray bytes = contentOf(path);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    std::vector<text::CsvRecord> records;
    text::tokenizeCsv(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), sep,
                      records);
    TextTable t;
    t.where = path.toStdString();
    for (auto& record : records) {
        if (record.fields.size() == 1 && record.fields[0].empty())
            continue;
        if (t.header.empty())
            t.header = record.fields;
        else
            t.rows.push_back(record.fields);
    }
    return t;
}

//! Every layer of a file GDAL reads (GeoPackage, XLSX, ODS, GeoJSON) written by the output layer, fields as
//! GDAL gives them as text; the first row of a spreadsheet is its header.
std::vector<TextTable> readGdalTables(const QString& path) {
    GDALAllRegister();
    CPLSetConfigOption("OGR_XLSX_HEADERS", "FORCE");
    CPLSetConfigOption("OGR_ODS_HEADERS", "FORCE");
    std::vector<TextTable> tables;
    io::DatasetPtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                        nullptr, nullptr));
    if (!ds)
        return tables;
    for (int l = 0; l < ds->GetLayerCount(); ++l) {
        OGRLayer* layer = ds->GetLayer(l);
        TextTable t;
        t.where = path.toStdString() + ":" + layer->GetName();
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        for (int f = 0; f < defn->GetFieldCount(); ++f)
            t.header.emplace_back(defn->GetFieldDefn(f)->GetNameRef());
        layer->ResetReading();
        while (OGRFeature* feature = layer->GetNextFeature()) {
            std::vector<std::string> row;
            for (int f = 0; f < defn->GetFieldCount(); ++f)
                row.emplace_back(feature->IsFieldSetAndNotNull(f) ? feature->GetFieldAsString(f) : "");
            OGRFeature::DestroyFeature(feature);
            t.rows.push_back(std::move(row));
        }
        tables.push_back(std::move(t));
    }
    return tables;
}

//! The counts of one table by code (NaN where masked or empty).
//! Every object of a JSON document (`maillage crunch --output F.json`) as a one-row table of its scalar
//! members, named by its path, so that counts side by side are checked as a table's row is.
void jsonTables(const QJsonValue& value, const std::string& where, std::vector<TextTable>& out) {
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i)
            jsonTables(array.at(i), where + "[" + std::to_string(i) + "]", out);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    TextTable row{where, {}, {{}}};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it->isObject() || it->isArray()) {
            jsonTables(*it, where + "." + it.key().toStdString(), out);
            continue;
        }
        row.header.push_back(it.key().toStdString());
        row.rows[0].push_back(it->isDouble() ? QString::number(it->toDouble(), 'g', 17).toStdString()
                                             : it->toVariant().toString().toStdString());
    }
    out.push_back(std::move(row));
}

std::vector<TextTable> readJsonTables(const QString& path) {
    QFile file(path);
    std::vector<TextTable> out;
    if (file.open(QIODevice::ReadOnly))
        jsonTables(QJsonDocument::fromJson(file.readAll()).object(), path.toStdString(), out);
    return out;
}

std::map<std::string, double> countsByCode(const TextTable& t) {
    std::map<std::string, double> out;
    std::size_t code = t.header.size(), count = t.header.size();
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        code = t.header[c] == "code" ? c : code;
        count = t.header[c] == "count" ? c : count;
    }
    for (const auto& row : t.rows)
        if (code < row.size() && count < row.size())
            out[row[code]] = parseCell(row[count], false);
    return out;
}

//! A total published at one level against its parts published at a lower one (every part of the total
//! is listed): the total minus the shown parts is the sum of the masked parts, a secret count when it is
//! 1 to threshold − 1 (the masked part itself when it is alone); the shown parts add up to a masked total.
QStringList sumLeaks(const std::string& what, const std::map<std::string, double>& totals,
                     const std::map<std::string, double>& parts,
                     const std::map<std::string, std::string>& parentOf) {
    struct Sum {
        double shown = 0;
        int masked = 0;
    };
    std::map<std::string, Sum> sums;
    for (const auto& [code, value] : parts) {
        const auto parent = parentOf.find(code);
        if (parent == parentOf.end())
            continue;
        Sum& s = sums[parent->second];
        if (std::isfinite(value))
            s.shown += value;
        else
            ++s.masked;
    }
    QStringList found;
    for (const auto& [code, s] : sums) {
        const auto total = totals.find(code);
        if (total == totals.end())
            continue;
        const bool known = std::isfinite(total->second);
        if (known && s.masked > 0 && isSmall(total->second - s.shown))
            found << QStringLiteral("%1 %2: total %3 minus its shown parts = %4 over %5 masked")
                         .arg(QString::fromStdString(what), QString::fromStdString(code))
                         .arg(total->second)
                         .arg(total->second - s.shown)
                         .arg(s.masked);
        if (!known && s.masked == 0 && isSmall(s.shown))
            found << QStringLiteral("%1 %2: masked total = sum of its parts = %3")
                         .arg(QString::fromStdString(what), QString::fromStdString(code))
                         .arg(s.shown);
    }
    return found;
}

//! The demo dataset with one count record in three set to 1–4 (and the bassins' sums recomputed): many
//! small counts, of every profession, in every bassin de vie, and small totals in some.
model::Dataset smallCountsDataset(const std::string& demo) {
    model::Dataset ds = io::readDataset(demo);
    std::size_t i = 0;
    for (auto& record : ds.counts)
        if (i++ % 3 == 0)
            record.count = 1 + static_cast<double>(i % 4);
    ds.reindex();
    return ds;
}

} // namespace

class TestCliSecrecyScan : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_dataset;

    std::string path(const QString& name) const { return m_dir.filePath(name).toStdString(); }

    //! Runs `args` with --dataset and --output in a fresh folder of its own; every table file written there.
    QStringList scan(const QString& name, std::vector<std::string> args, const std::string& format) {
        const QString folder = m_dir.filePath(name);
        QDir().mkpath(folder);
        const std::string extension = format == "csv-fr" ? "csv" : format;
        args.insert(args.end(),
                    {"--dataset", m_dataset, "--format", format, "--output",
                     (folder + QStringLiteral("/out.") + QString::fromStdString(extension)).toStdString()});
        const Run r = runCli(args);
        if (r.status != 0)
            return {QStringLiteral("%1: status %2: %3")
                        .arg(name)
                        .arg(r.status)
                        .arg(QString::fromStdString(r.err))};
        QStringList found;
        for (const QString& file : QDir(folder).entryList(QDir::Files)) {
            const QString full = QDir(folder).filePath(file);
            if (file.endsWith(QStringLiteral(".csv")))
                found << leaks(readCsvTable(full, format == "csv-fr" ? ';' : ','), format == "csv-fr");
            else if (QStringList{QStringLiteral(".gpkg"), QStringLiteral(".xlsx"), QStringLiteral(".ods"),
                                 QStringLiteral(".geojson")}
                         .contains(QLatin1Char('.') + QFileInfo(file).suffix()))
                for (const TextTable& t : readGdalTables(full))
                    found << leaks(t, false);
            else if (file.endsWith(QStringLiteral(".json"))) {
                const std::vector<TextTable> tables = readJsonTables(full);
                if (tables.empty())
                    found << QStringLiteral("%1: no JSON object read").arg(full);
                for (const TextTable& t : tables)
                    found << leaks(t, false);
            }
        }
        return found;
    }

private slots:
    void initTestCase() {
        qputenv("LC_ALL", "en_US.UTF-8");
        const std::string demo = path(QStringLiteral("demo.gpkg"));
        const Run r = runCli({"demo", "--output", demo});
        QVERIFY2(r.status == 0, r.err.c_str());
        m_dataset = path(QStringLiteral("small.gpkg"));
        io::writeDataset(smallCountsDataset(demo), m_dataset);
    }

    void theDatasetHasManySmallCounts() {
        const model::Dataset ds = io::readDataset(m_dataset, io::ReadOptions{false});
        int small = 0;
        for (const auto& record : ds.counts)
            small += isSmall(record.count) ? 1 : 0;
        QVERIFY2(small > 1000, qPrintable(QString::number(small)));
    }

    //! The scan finds what it looks for: without secrecy, the same outputs show small counts.
    void theScanFindsSmallCountsWithoutSecrecy() {
        const QStringList found =
            scan(QStringLiteral("off"),
                 {"density", "--profession", "all", "--level", "commune", "--no-secrecy"}, "csv");
        QVERIFY(!found.isEmpty());
        const QStringList classify =
            scan(QStringLiteral("off-classify"), {"classify", "--no-secrecy"}, "csv");
        QVERIFY(!classify.isEmpty());
    }

    void accessStatesTheSecrecyRuleOfTheRunNotOnlyTheDatasets() {
        const auto caption = [&](const char* name, std::vector<std::string> args) {
            const std::string out = path(QString::fromLatin1(name));
            args.insert(args.begin(),
                        {"access", "--dataset", m_dataset, "--profession", "medecin_generaliste"});
            args.insert(args.end(), {"--output", out});
            const Run r = runCli(args);
            if (r.status != 0)
                return r.err;
            GDALAllRegister();
            io::DatasetPtr ds(
                GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
            OGRLayer* layer = ds ? ds->GetLayerByName("access") : nullptr;
            const char* description = layer ? layer->GetMetadataItem("DESCRIPTION") : nullptr;
            return std::string(description ? description : "no description");
        };
        std::string text = caption("access11.gpkg", {"--set", "density.secrecy_threshold=11"});
        QVERIFY2(text.find("statistical secrecy: counts below 11 masked") != std::string::npos, text.c_str());
        text = caption("access-off.gpkg", {"--no-secrecy"});
        QVERIFY2(text.find("statistical secrecy not applied") != std::string::npos, text.c_str());
    }

    //! The printed sheets quote no small number of professionals: the fiche of a BV with small counts and
    //! the atlas of every BV, read back with pdftotext.
    void printedSheetsQuoteNoSmallCount() {
#ifndef MAILLAGE_BINARY
        QSKIP("built without the desktop libraries: nothing to print with");
#else
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const model::Dataset ds = io::readDataset(m_dataset, io::ReadOptions{false});
        const std::vector<std::pair<QString, QStringList>> runs = {
            {QStringLiteral("fiche.pdf"),
             {QStringLiteral("report"), QStringLiteral("--territory"),
              QStringLiteral("bv:") + QString::fromStdString(ds.bassins.front().code)}},
            {QStringLiteral("atlas.pdf"), {QStringLiteral("atlas")}}};
        for (const auto& [name, args] : runs) {
            const QString pdf = m_dir.filePath(name);
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("DISPLAY"));
            env.remove(QStringLiteral("WAYLAND_DISPLAY"));
            env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
            env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en")); // "C" names no language: French
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(MAILLAGE_BINARY), QStringList(args) << QStringLiteral("--dataset")
                                                                       << QString::fromStdString(m_dataset)
                                                                       << QStringLiteral("--output") << pdf);
            QVERIFY(p.waitForFinished(300000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
            QProcess text;
            text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
            QVERIFY(text.waitForFinished(60000));
            TextTable page;
            page.where = name.toStdString();
            page.header = {"text"};
            const QString all = QString::fromUtf8(text.readAllStandardOutput());
            QVERIFY(all.contains(QStringLiteral("statistical secrecy: counts below 5 masked")));
            for (const QString& line : all.split(QLatin1Char('\n')))
                page.rows.push_back({line.simplified().toStdString()});
            const QStringList found = leaks(page, false);
            QVERIFY2(found.isEmpty(), qPrintable(found.mid(0, 10).join(QLatin1Char('\n'))));
        }
#endif
    }

    //! The outputs at every level together: a commune's masked count is not the BV's (département's,
    //! région's) count minus the communes shown, nor a département's the région's minus the others; same
    //! for the classification's BV totals against the communes of every profession.
    void noTotalGivesAMaskedPartBackByDifferenceAcrossLevels_data() {
        QTest::addColumn<QString>("profession");
        QTest::addColumn<QString>("format");
        for (const char* profession : {"all", "medecin_generaliste", "infirmier"})
            for (const char* format : {"csv", "xlsx", "geojson"})
                QTest::newRow((std::string(profession) + " " + format).c_str())
                    << QString::fromLatin1(profession) << QString::fromLatin1(format);
    }

    void noTotalGivesAMaskedPartBackByDifferenceAcrossLevels() {
        QFETCH(QString, profession);
        QFETCH(QString, format);
        const model::Dataset ds = io::readDataset(m_dataset, io::ReadOptions{false});
        std::map<std::string, std::map<std::string, double>> levels;
        for (const char* level : {"commune", "bv", "departement", "region"}) {
            const std::string out =
                path(QStringLiteral("levels-%1-%2.%3").arg(profession, QLatin1String(level), format));
            const Run r = runCli({"density", "--dataset", m_dataset, "--profession", profession.toStdString(),
                                  "--level", level, "--format", format.toStdString(), "--output", out});
            QVERIFY2(r.status == 0, r.err.c_str());
            const QString file = QString::fromStdString(out);
            levels[level] = countsByCode(format == QLatin1String("csv") ? readCsvTable(file, ',')
                                                                        : readGdalTables(file).front());
            QVERIFY(!levels[level].empty());
        }
        std::map<std::string, std::string> bv, dep, reg, depReg;
        for (const model::Commune& c : ds.communes) {
            bv[c.code] = c.bv;
            dep[c.code] = c.dep;
            reg[c.code] = c.reg;
            depReg[c.dep] = c.reg;
        }
        QStringList found = sumLeaks("bv", levels["bv"], levels["commune"], bv);
        found << sumLeaks("departement", levels["departement"], levels["commune"], dep)
              << sumLeaks("region", levels["region"], levels["commune"], reg)
              << sumLeaks("region", levels["region"], levels["departement"], depReg);
        if (profession == QLatin1String("all")) { // the classification's totals are the same BV counts
            const std::string out = path(QStringLiteral("levels-classify.%1").arg(format));
            const Run r = runCli(
                {"classify", "--dataset", m_dataset, "--format", format.toStdString(), "--output", out});
            QVERIFY2(r.status == 0, r.err.c_str());
            const QString file = QString::fromStdString(out);
            TextTable t =
                format == QLatin1String("csv") ? readCsvTable(file, ',') : readGdalTables(file).front();
            for (std::string& h : t.header)
                h = h == "total" ? "count" : h == "count" ? "count_unused" : h == "bv" ? "code" : h;
            found << sumLeaks("classify bv", countsByCode(t), levels["commune"], bv);
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.mid(0, 10).join(QLatin1Char('\n'))));
    }

    //! The control: without secrecy the same sums give small counts back (the scan can fail).
    void theSumScanFindsLeaksWithoutSecrecy() {
        const model::Dataset ds = io::readDataset(m_dataset, io::ReadOptions{false});
        std::map<std::string, std::map<std::string, double>> levels;
        for (const char* level : {"commune", "bv"}) {
            const std::string out = path(QStringLiteral("off-sum-%1.csv").arg(QLatin1String(level)));
            const Run r = runCli({"density", "--dataset", m_dataset, "--profession", "medecin_generaliste",
                                  "--level", level, "--no-secrecy", "--output", out});
            QVERIFY2(r.status == 0, r.err.c_str());
            levels[level] = countsByCode(readCsvTable(QString::fromStdString(out), ','));
        }
        std::map<std::string, std::string> bv;
        for (const model::Commune& c : ds.communes)
            bv[c.code] = c.bv;
        // Without secrecy nothing is masked: mask one small commune per BV, as a primary rule alone would
        // when a BV has a single small commune.
        std::set<std::string> done;
        for (auto& [code, value] : levels["commune"])
            if (isSmall(value) && done.insert(bv[code]).second)
                value = std::nan("");
        QVERIFY(!sumLeaks("bv", levels["bv"], levels["commune"], bv).isEmpty());
    }

    void noOutputOfAnySubcommandGivesASmallCountBack_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("format");
        const std::vector<std::pair<const char*, std::vector<std::string>>> runs = {
            {"classify", {"classify", "--margins"}},
            {"density-commune", {"density", "--profession", "all", "--level", "commune"}},
            {"density-commune-mg", {"density", "--profession", "medecin_generaliste", "--level", "commune"}},
            {"density-bv", {"density", "--profession", "all", "--level", "bv"}},
            {"density-departement", {"density", "--profession", "all", "--level", "departement"}},
            {"density-region", {"density", "--profession", "all", "--level", "region"}},
            {"access", {"access", "--profession", "medecin_generaliste", "--zonage", "2.5,4"}},
            {"links", {"links", "--kind", "all"}},
            {"crunch", {"crunch"}},
            {"summary", {"summary"}},
            {"sensitivity", {"sensitivity", "--param", "poles.mass_scale", "--range", "0.5:1.5:0.5"}}};
        for (const auto& [name, args] : runs)
            for (const char* format : {"csv", "csv-fr", "gpkg", "xlsx", "ods", "geojson"}) {
                QStringList list;
                for (const auto& a : args)
                    list << QString::fromStdString(a);
                QTest::newRow((std::string(name) + " " + format).c_str())
                    << list << QString::fromLatin1(format);
            }
        QTest::newRow("crunch json") << QStringList{QStringLiteral("crunch")} << QStringLiteral("json");
    }

    void noOutputOfAnySubcommandGivesASmallCountBack() {
        QFETCH(QStringList, args);
        QFETCH(QString, format);
        std::vector<std::string> a;
        for (const QString& s : args)
            a.push_back(s.toStdString());
        const QString name =
            QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        const QStringList found = scan(name, a, format.toStdString());
        QVERIFY2(found.isEmpty(), qPrintable(found.mid(0, 10).join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestCliSecrecyScan)
#include "test_cli_secrecy_scan.moc"
