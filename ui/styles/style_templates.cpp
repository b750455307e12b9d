// maillage_style_templates OUTDIR LANG: the templates of the dataset GeoPackage's styles and QGIS project,
// produced at build time with QGIS's own classes (the functions of dataset_styles.h and layer_styles.h, as
// libmaillage_qgis.so uses them), so that the command line can write them without loading QGIS
// (core/io/style_templates.h fills them). The demo dataset is styled with sentinel values in place of its
// results (counts, isolation distance, links' ranges, density classes, vintage, file, title), and each
// sentinel, found in what QGIS wrote, becomes a placeholder "@@NAME@@". What varies in structure gets one
// template per variant: the links' widths (a range or none, for intensities and volumes) and the density map
// (0 to 5 classes, with or without the secret and the zero classes). Fails (exit 1, naming the placeholder)
// when a sentinel is not found where expected: the styles changed in a way the templates cannot follow.
#include "core/analysis/classes.h"
#include "core/analysis/vintages.h"
#include "core/demo/demo.h"
#include "core/io/geo.h"
#include "core/io/gpkg.h"
#include "ui/panels/panel_util.h"
#include "ui/styles/dataset_styles.h"
#include "ui/styles/qgis_start.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <stdexcept>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <qgis.h>
#include <qgsziputils.h>

namespace {

using maillage::ui::styles::StyleInputs;

struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

//! Replaces every `from` in `text` by `to`; at least one must be there.
void replaceRequired(QString& text, const QString& from, const QString& to, const QString& where) {
    if (!text.contains(from))
        throw Failure(QStringLiteral("%1: no %2 for %3").arg(where, from, to).toStdString());
    text.replace(from, to);
}

//! The number of every BV type in the legend: large, distinct and grouped ("3 000 017").
int countSentinel(int type) {
    return 3000017 + type * 100003;
}

constexpr int kVintageSentinel = 7391;
constexpr double kThresholdSentinel = 7777;
//! Link ranges whose log10 are exact: 10^1.5..10^3.5 (intensities), 10^1.25..10^2.75 (volumes).
constexpr double kIntensityLog[2] = {1.5, 3.5}, kVolumeLog[2] = {1.25, 2.75};

//! The layer_styles row of `table` in `gpkg`: QML and SLD.
std::pair<QString, QString> storedStyle(const QString& gpkg, const QString& table) {
    GDALDataset* ds = static_cast<GDALDataset*>(
        GDALOpenEx(gpkg.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    if (!ds)
        throw Failure("cannot open " + gpkg.toStdString());
    const std::string sql =
        "SELECT styleQML, styleSLD FROM layer_styles WHERE f_table_name = '" + table.toStdString() + "'";
    OGRLayer* rows = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    std::pair<QString, QString> out;
    if (rows) {
        if (OGRFeature* f = rows->GetNextFeature()) {
            out = {QString::fromUtf8(f->GetFieldAsString(0)), QString::fromUtf8(f->GetFieldAsString(1))};
            OGRFeature::DestroyFeature(f);
        }
        ds->ReleaseResultSet(rows);
    }
    GDALClose(ds);
    if (out.first.isEmpty())
        throw Failure("no style of " + table.toStdString());
    return out;
}

//! The project stored in `gpkg`, unzipped: the .qgs text.
QString storedProject(const QString& gpkg, const QString& work) {
    GDALDataset* ds = static_cast<GDALDataset*>(
        GDALOpenEx(gpkg.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    if (!ds)
        throw Failure("cannot open " + gpkg.toStdString());
    OGRLayer* rows = ds->ExecuteSQL("SELECT content FROM qgis_projects", nullptr, nullptr);
    QByteArray hex;
    if (rows) {
        if (OGRFeature* f = rows->GetNextFeature()) {
            // QGIS stores the zipped project as hexadecimal text in a column declared BLOB.
            if (f->GetFieldDefnRef(0)->GetType() == OFTBinary) {
                int n = 0;
                const GByte* bytes = f->GetFieldAsBinary(0, &n);
                hex = QByteArray(reinterpret_cast<const char*>(bytes), n);
            } else {
                hex = QByteArray(f->GetFieldAsString(0));
            }
            OGRFeature::DestroyFeature(f);
        }
        ds->ReleaseResultSet(rows);
    }
    GDALClose(ds);
    const QString zip = work + QStringLiteral("/project.qgz");
    QFile file(zip);
    if (hex.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(QByteArray::fromHex(hex)) < 0)
        throw Failure("no project in " + gpkg.toStdString());
    file.close();
    QStringList files;
    const QString dir = work + QStringLiteral("/project");
    QDir().mkpath(dir);
    if (!QgsZipUtils::unzip(zip, dir, files))
        throw Failure("the stored project cannot be unzipped");
    for (const QString& f : files) {
        if (f.endsWith(QLatin1String(".qgs"))) {
            QFile qgs(f);
            if (qgs.open(QIODevice::ReadOnly))
                return QString::fromUtf8(qgs.readAll());
        }
    }
    throw Failure("the stored project has no .qgs");
}

//! The sentinel inputs: counts, isolation, vintage; links scaled or not; a density map of `classes` classes
//! (limits in `limits`), with the secret and zero classes as asked.
StyleInputs sentinels(bool intensityScaled, bool volumeScaled, int classes, bool secret, bool zero,
                      std::vector<double>* limits) {
    StyleInputs in;
    for (int t = 0; t < maillage::analysis::kPoleTypeCount; ++t)
        in.counts[static_cast<std::size_t>(t)] = countSentinel(t);
    in.isolationText = QStringLiteral("@@ISOLATION@@");
    in.mapVintage = kVintageSentinel;
    if (intensityScaled) {
        in.intensityLo = std::pow(10.0, kIntensityLog[0]);
        in.intensityHi = std::pow(10.0, kIntensityLog[1]);
    }
    if (volumeScaled) {
        in.volumeLo = std::pow(10.0, kVolumeLog[0]);
        in.volumeHi = std::pow(10.0, kVolumeLog[1]);
    }
    // Values far from any other number of the styles, as many as give `classes` classes.
    limits->clear();
    for (int n = 1; classes > 0 && n < 60; ++n) {
        std::vector<double> values, weights(static_cast<std::size_t>(n), 1.0);
        for (int j = 0; j < n; ++j)
            values.push_back(1000 + 37 * j + 0.0625 * (j + 1));
        const std::vector<double> l = maillage::analysis::classLimits(values, weights, {});
        if (static_cast<int>(l.size()) - 1 == classes &&
            std::adjacent_find(l.begin(), l.end()) == l.end()) { // distinct: each its placeholder
            in.densities = values;
            in.populations = weights;
            *limits = l;
            break;
        }
    }
    if (classes > 0 && limits->empty())
        throw Failure("no sentinel values give " + std::to_string(classes) + " classes");
    if (zero) {
        in.densities.push_back(0);
        in.populations.push_back(1);
    }
    in.densityMasked = secret;
    in.secrecyThreshold = kThresholdSentinel;
    return in;
}

//! The placeholders of what every template may hold: the counts, the vintage, the threshold.
void commonPlaceholders(QString& text, const QString& where, bool bassins, bool density) {
    for (int t = 0; t < maillage::analysis::kPoleTypeCount; ++t) {
        const QString sentinel = QLocale().toString(countSentinel(t));
        if (bassins)
            replaceRequired(text, sentinel, QStringLiteral("@@COUNT_%1@@").arg(t), where);
    }
    if (density) {
        if (text.contains(QStringLiteral("(%1)").arg(kVintageSentinel)))
            text.replace(QStringLiteral("(%1)").arg(kVintageSentinel), QStringLiteral("(@@VINTAGE@@)"));
    }
}

//! The placeholders of the density map's classes in `text`: limits as QML writes them (lower/upper, 15
//! decimals), as SLD writes them (literals, shortest of 17 decimals) and as the legend shows them (one
//! decimal, in words), and the threshold of the secret class.
void densityPlaceholders(QString& text, const std::vector<double>& limits, bool secret, const QString& where,
                         bool sld) {
    for (std::size_t i = 0; i < limits.size(); ++i) {
        const QString n = QString::number(static_cast<int>(i));
        if (sld)
            replaceRequired(text,
                            QStringLiteral("<ogc:Literal>%1</ogc:Literal>").arg(qgsDoubleToString(limits[i])),
                            QStringLiteral("<ogc:Literal>@@DLIMIT_%1_SLD@@</ogc:Literal>").arg(n), where);
        else
            replaceRequired(text, QStringLiteral("\"%1\"").arg(QString::number(limits[i], 'f', 15)),
                            QStringLiteral("\"@@DLIMIT_%1@@\"").arg(n), where);
        replaceRequired(text, maillage::ui::panel::number(limits[i], 1),
                        QStringLiteral("@@DLIMIT_%1_TEXT@@").arg(n), where);
    }
    if (secret)
        replaceRequired(text, maillage::ui::panel::number(kThresholdSentinel),
                        QStringLiteral("@@SECRECY_THRESHOLD@@"), where);
}

//! The placeholders of the links' widths: log10 of the ranges as logWidthExpression writes them.
void linkPlaceholders(QString& text, bool intensityScaled, bool volumeScaled, const QString& where) {
    auto one = [&](double log, const char* name) {
        replaceRequired(text, QStringLiteral(", %1, ").arg(log, 0, 'g', 10),
                        QStringLiteral(", @@%1@@, ").arg(QLatin1String(name)), where);
    };
    if (intensityScaled) {
        one(kIntensityLog[0], "LOG_INTENSITY_LO");
        one(kIntensityLog[1], "LOG_INTENSITY_HI");
    }
    if (volumeScaled) {
        one(kVolumeLog[0], "LOG_VOLUME_LO");
        one(kVolumeLog[1], "LOG_VOLUME_HI");
    }
}

//! `[from, to)` of the first element `<tag ...>...</tag>` in `text` from `start`.
std::pair<int, int> element(const QString& text, const QString& tag, int start) {
    const int from = text.indexOf(QStringLiteral("<%1").arg(tag), start);
    const QString close = QStringLiteral("</%1>").arg(tag);
    const int to = from < 0 ? -1 : text.indexOf(close, from);
    if (to < 0)
        throw Failure("no element " + tag.toStdString());
    return {from, to + close.size()};
}

//! The renderer of a style (its element renderer-v2).
QString rendererOf(const QString& qml) {
    const auto [from, to] = element(qml, QStringLiteral("renderer-v2"), 0);
    return qml.mid(from, to - from);
}

//! The project's placeholders: per layer (maplayer blocks) its id, extents and, for the links and the
//! density map, the renderer (filled from the chosen variant's style); the file, the saving user and time.
QString projectTemplate(QString text) {
    std::map<QString, QString> ids; // layer id -> table
    static const QRegularExpression source(QStringLiteral("<datasource>\\./@@FILE@@\\.gpkg\\|layername=(\\w+)"
                                                          "</datasource>"));
    static const QRegularExpression idElement(QStringLiteral("<id>([^<]+)</id>"));
    static const QRegularExpression coordinate(QStringLiteral("<(xmin|ymin|xmax|ymax)>[^<]*</\\1>"));
    int at = 0;
    while (true) {
        const int from = text.indexOf(QStringLiteral("<maplayer "), at);
        if (from < 0)
            break;
        const auto [begin, end] = element(text, QStringLiteral("maplayer"), from);
        QString block = text.mid(begin, end - begin);
        const QString table = source.match(block).captured(1);
        const QString id = idElement.match(block).captured(1);
        if (table.isEmpty() || id.isEmpty())
            throw Failure("a project layer without its table or id");
        ids[id] = table;
        // QGIS writes the extents it has computed (the demo's départements and régions have none): a cache,
        // recomputed from the provider when absent.
        for (const char* extent : {"extent", "wgs84extent"}) {
            if (!block.contains(QStringLiteral("<%1>").arg(QLatin1String(extent))))
                continue;
            const auto [eb, ee] = element(block, QString::fromLatin1(extent), 0);
            QString e = block.mid(eb, ee - eb);
            const QString prefix =
                QStringLiteral("@@%1_%2_")
                    .arg(QLatin1String(std::strcmp(extent, "extent") == 0 ? "EXTENT" : "WGS84"), table);
            e.replace(coordinate, QStringLiteral("<\\1>") + prefix + QStringLiteral("\\1@@</\\1>"));
            block.replace(eb, ee - eb, e);
        }
        if (table == QLatin1String("liens") || table == QLatin1String(maillage::io::kDensityMapView)) {
            const auto [rb, re] = element(block, QStringLiteral("renderer-v2"), 0);
            block.replace(rb, re - rb, QStringLiteral("@@RENDERER_%1@@").arg(table));
        }
        text.replace(begin, end - begin, block);
        at = begin + block.size();
    }
    if (ids.size() != 7)
        throw Failure("the project has " + std::to_string(ids.size()) + " layers, 7 expected");
    for (const auto& [id, table] : ids)
        replaceRequired(text, id, QStringLiteral("@@ID_%1@@").arg(table), QStringLiteral("project"));
    const int view = text.indexOf(QStringLiteral("<DefaultViewExtent "));
    if (view < 0)
        throw Failure("no DefaultViewExtent");
    const int viewEnd = text.indexOf(QLatin1Char('>'), view);
    QString viewElement = text.mid(view, viewEnd - view);
    static const QRegularExpression corner(QStringLiteral(" (xmin|ymin|xmax|ymax)=\"[^\"]*\""));
    viewElement.replace(corner, QStringLiteral(" \\1=\"@@EXTENT_bassins_de_vie_\\1@@\""));
    text.replace(view, viewEnd - view, viewElement);
    for (const char* attribute : {"saveUserFull", "saveDateTime", "saveUser"}) {
        const QRegularExpression a(QStringLiteral(" %1=\"[^\"]*\"").arg(QLatin1String(attribute)));
        if (!text.contains(a))
            throw Failure(std::string("no ") + attribute);
        text.replace(a, QStringLiteral(" %1=\"@@%2@@\"")
                            .arg(QLatin1String(attribute), QString::fromLatin1(attribute).toUpper()));
    }
    for (const char* tag : {"author", "creation"}) {
        const QRegularExpression e(QStringLiteral("<%1>[^<]*</%1>").arg(QLatin1String(tag)));
        if (!text.contains(e))
            throw Failure(std::string("no ") + tag);
        text.replace(
            e, QStringLiteral("<%1>@@%2@@</%1>").arg(QLatin1String(tag), QString::fromLatin1(tag).toUpper()));
    }
    return text;
}

void write(const QString& path, const QString& text) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        throw Failure("cannot write " + path.toStdString());
}

//! Styles the dataset `gpkg` with `inputs`.
void style(const QString& gpkg, const StyleInputs& inputs) {
    QString error;
    if (!maillage::ui::styles::writeStylesWithInputs(gpkg, inputs, QStringLiteral("@@TITLE@@"), &error))
        throw Failure(error.toStdString());
}

//! The words the filler needs beside the templates: number formats, the density map's title, the isolation
//! distance's unit, one "key=value" a line.
QString words() {
    const QLocale l;
    QString out;
    out += QStringLiteral("decimal_point=%1\n").arg(l.decimalPoint());
    out += QStringLiteral("group_separator=%1\n").arg(l.groupSeparator());
    // The legend's numbers (panel::number): "1 000,5" with its own separator.
    out += QStringLiteral("legend_group_separator=%1\n").arg(maillage::ui::panel::number(1000).mid(1, 1));
    out += QStringLiteral("density_title=%1\n").arg(maillage::ui::styles::densityMapTitlePattern());
    out += QStringLiteral("isolation_km=%1\n").arg(maillage::ui::styles::isolationPattern(false));
    out += QStringLiteral("isolation_min=%1\n").arg(maillage::ui::styles::isolationPattern(true));
    return out;
}

void generate(const QString& outDir, bool french) {
    const QString dir = outDir + (french ? QStringLiteral("/fr") : QStringLiteral("/en"));
    if (!QDir().mkpath(dir))
        throw Failure("cannot create " + dir.toStdString());
    QTemporaryDir work;
    const QString gpkg = work.filePath(QStringLiteral("@@FILE@@.gpkg"));
    maillage::model::Dataset demo = maillage::demo::makeDemoDataset();
    maillage::Warnings warnings;
    maillage::io::dissolveBassins(demo, warnings); // as `maillage demo` writes it
    maillage::io::writeDataset(demo, gpkg.toStdString());
    QString error;
    if (!maillage::ui::styles::writeDatasetStylesInto(gpkg, &error)) // the results' layers and fields
        throw Failure(error.toStdString());

    // Every layer with an extent, which QGIS then writes into the project (the demo's départements and
    // régions have no outline: the communes'), so that the template has a placeholder for each.
    GDALDataset* ds = static_cast<GDALDataset*>(
        GDALOpenEx(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    if (!ds)
        throw Failure("cannot open " + gpkg.toStdString());
    ds->ExecuteSQL(
        "UPDATE gpkg_contents SET (min_x, min_y, max_x, max_y) = (SELECT min_x, min_y, max_x, max_y "
        "FROM gpkg_contents WHERE table_name = 'communes') WHERE min_x IS NULL AND data_type = "
        "'features'",
        nullptr, nullptr);
    GDALClose(ds);

    // The layers that do not change in structure, and the project.
    std::vector<double> limits;
    style(gpkg, sentinels(true, true, 5, true, true, &limits));
    for (const QString& table : maillage::ui::styles::styledLayers()) {
        if (table == QLatin1String("liens") || table == QLatin1String(maillage::io::kDensityMapView))
            continue;
        auto [qml, sld] = storedStyle(gpkg, table);
        const bool bassins = table == QLatin1String("bassins_de_vie");
        commonPlaceholders(qml, table + QStringLiteral(".qml"), bassins, false);
        commonPlaceholders(sld, table + QStringLiteral(".sld"), bassins, false);
        if (table == QLatin1String("poles"))
            replaceRequired(qml, QStringLiteral("@@ISOLATION@@"), QStringLiteral("@@ISOLATION@@"), table);
        write(dir + QStringLiteral("/%1.qml").arg(table), qml);
        write(dir + QStringLiteral("/%1.sld").arg(table), sld);
    }
    QString project = storedProject(gpkg, work.path());
    commonPlaceholders(project, QStringLiteral("project"), true, true);
    // The density map's title in gpkg_contents, which QGIS copies into the layer's metadata: the demo's.
    const int demoVintage = maillage::analysis::defaultVintage(demo);
    replaceRequired(project, QStringLiteral("(%1)").arg(demoVintage), QStringLiteral("(@@VINTAGE@@)"),
                    QStringLiteral("project"));
    write(dir + QStringLiteral("/project.qgs"), projectTemplate(project));
    write(dir + QStringLiteral("/words.txt"), words());

    for (const bool intensity : {false, true})
        for (const bool volume : {false, true}) {
            style(gpkg, sentinels(intensity, volume, 5, true, true, &limits));
            auto [qml, sld] = storedStyle(gpkg, QStringLiteral("liens"));
            const QString name = QStringLiteral("liens-%1%2").arg(int(intensity)).arg(int(volume));
            linkPlaceholders(qml, intensity, volume, name);
            write(dir + QStringLiteral("/%1.qml").arg(name), qml);
            write(dir + QStringLiteral("/%1.sld").arg(name), sld);
        }
    const QString density = QString::fromLatin1(maillage::io::kDensityMapView);
    for (int classes = 0; classes <= 5; ++classes)
        for (const bool secret : {false, true})
            for (const bool zero : {false, true}) {
                style(gpkg, sentinels(true, true, classes, secret, zero, &limits));
                auto [qml, sld] = storedStyle(gpkg, density);
                const QString name =
                    QStringLiteral("density-%1-%2%3").arg(classes).arg(int(secret)).arg(int(zero));
                densityPlaceholders(qml, limits, secret, name + QStringLiteral(".qml"), false);
                densityPlaceholders(sld, limits, secret, name + QStringLiteral(".sld"), true);
                commonPlaceholders(sld, name, false, true);
                write(dir + QStringLiteral("/%1.qml").arg(name), qml);
                write(dir + QStringLiteral("/%1.sld").arg(name), sld);
            }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3 || (std::strcmp(argv[2], "fr") != 0 && std::strcmp(argv[2], "en") != 0)) {
        std::fprintf(stderr, "usage: %s OUTDIR fr|en\n", argv[0]);
        return 2;
    }
    maillage::io::ensureGdal();
    const bool french = std::strcmp(argv[2], "fr") == 0;
    maillage::ui::styles::startQgis(french, false);
    try {
        generate(QString::fromLocal8Bit(argv[1]), french);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", argv[0], e.what());
        return 1;
    }
    return 0;
}
