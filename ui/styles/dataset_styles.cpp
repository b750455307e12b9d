#include "ui/styles/dataset_styles.h"

#include "core/analysis/dataset_outputs.h"
#include "core/analysis/dataset_results.h"
#include "core/analysis/density.h"
#include "core/analysis/maillage.h"
#include "core/analysis/poles.h"
#include "core/analysis/result_tables.h"
#include "core/analysis/secrecy.h"
#include "core/analysis/vintages.h"
#include "core/io/atomic_file.h"
#include "core/io/gpkg.h"
#include "core/io/postgis.h"
#include "core/io/unsynced_commits.h"
#include "core/model/error.h"
#include "ui/styles/layer_styles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <qgscategorizedsymbolrenderer.h>
#include <qgscoordinatereferencesystem.h>
#include <qgsdatasourceuri.h>
#include <qgsgeopackageprojectstorage.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslayertree.h>
#include <qgsproject.h>
#include <qgsprojectviewsettings.h>
#include <qgsreferencedgeometry.h>
#include <qgsvectorlayer.h>

namespace maillage::ui::styles {

namespace {

//! A failure of one step, with what QGIS, GDAL or the engine said.
struct StyleError {
    QString detail;
};

//! What the styles need to know of the results written (dataset_styles.h).
using ResultSummary = StyleInputs;

bool french() {
    return QLocale().language() == QLocale::French;
}

} // namespace

QString densityMapTitlePattern() {
    return QCoreApplication::translate("maillage::ui::MapLayers", "Density of general practitioners (%1)");
}

QString isolationPattern(bool minutes) {
    return minutes ? QCoreApplication::translate("maillage::ui::MaillageLayers", "%1 min")
                   : QCoreApplication::translate("maillage::ui::MaillageLayers", "%1 km");
}

namespace {

//! The results of the latest vintage with the dataset's saved parameters, and what the styles need of them.
struct Results {
    analysis::DatasetOutputs outputs;
    StyleInputs summary;
};

Results computeResults(const model::Dataset& dataset, const analysis::Classification& c) {
    Results r;
    r.outputs = analysis::datasetOutputs(dataset, c, french() ? Language::Fr : Language::En,
                                         densityMapTitlePattern().toStdString());
    static_cast<analysis::OutputSummary&>(r.summary) = r.outputs.summary;
    r.summary.isolationText =
        isolationPattern(r.summary.isolationMinutes).arg(QLocale().toString(r.summary.isolation));
    return r;
}

//! The results of the latest vintage.
Results computeResults(const model::Dataset& dataset) {
    return computeResults(dataset, analysis::classifyDataset(dataset, 0, dataset.params.poles));
}

//! The dataset at `location` without polygons: anchors are stored, the results need none.
model::Dataset readAttributes(const QString& location) {
    io::ReadOptions attributesOnly;
    attributesOnly.geometries = false;
    return io::readDataset(location.toStdString(), attributesOnly);
}

//! The results `r` of `dataset` written into the copy: the classification on bassins_de_vie, the layers
//! poles and liens.
ResultSummary writeResults(const model::Dataset& dataset, const Results& r, const QString& copy) {
    // Into the copy itself: it is already the temporary file renamed over the dataset at the end.
    io::writeResultsInto(copy.toStdString(), dataset.params, r.outputs.classification, r.outputs.poles,
                         r.outputs.links, r.outputs.communes);
    return r.summary;
}

//! Where the dataset's layers and its project are: a GeoPackage file, or a PostgreSQL schema (the same
//! tables, read through QGIS's "postgres" provider, the project in the schema's qgis_projects table).
struct Storage {
    QString file;                //!< the GeoPackage, empty for PostgreSQL
    QgsDataSourceUri connection; //!< PostgreSQL: the connection, without password
    QString schema;              //!< PostgreSQL: the dataset's schema

    QString provider() const { return file.isEmpty() ? QStringLiteral("postgres") : QStringLiteral("ogr"); }

    //! The source of layer `name`; PostgreSQL: with its geometry type and SRID when known, as the layers
    //! that QGIS's browser adds (QGIS finds a default style only for the same geometry type).
    QString layerSource(const QString& name, QgsWkbTypes::Type type = QgsWkbTypes::Unknown,
                        const QString& srid = QString()) const {
        if (!file.isEmpty())
            return file + QStringLiteral("|layername=") + name;
        QgsDataSourceUri uri(connection);
        uri.setDataSource(schema, name, QStringLiteral("geom"), QString(), QStringLiteral("fid"));
        uri.setWkbType(type);
        uri.setSrid(srid);
        return uri.uri(false);
    }

    QString projectUri() const {
        return file.isEmpty() ? postgresProjectUri(connection.connectionInfo(false), schema)
                              : styles::projectUri(file);
    }
};

//! One layer of the dataset, without its stored style.
std::unique_ptr<QgsVectorLayer> openLayer(const Storage& storage, const QString& name, const QString& title) {
    const QgsVectorLayer::LayerOptions options(false);
    auto layer =
        std::make_unique<QgsVectorLayer>(storage.layerSource(name), title, storage.provider(), options);
    if (layer->isValid() && storage.file.isEmpty()) {
        const long srid = layer->crs().postgisSrid();
        const QString typed =
            storage.layerSource(name, layer->wkbType(), srid > 0 ? QString::number(srid) : QString());
        layer = std::make_unique<QgsVectorLayer>(typed, title, storage.provider(), options);
    }
    if (!layer->isValid())
        throw StyleError{QStringLiteral("layer %1 cannot be opened").arg(name)};
    return layer;
}

//! The application's style of layer `name` (see styledLayers()).
void applyStyle(QgsVectorLayer& layer, const QString& name, const ResultSummary& results) {
    if (name == QLatin1String("bassins_de_vie")) {
        layer.setRenderer(bassinRenderer(results.counts));
        setBassinLabels(&layer);
    } else if (name == QLatin1String("communes")) {
        setCommuneStyle(&layer);
        setCommuneLabels(&layer);
    } else if (name == QLatin1String("departements")) {
        setDepartementStyle(&layer);
    } else if (name == QLatin1String("regions")) {
        setRegionStyle(&layer);
    } else if (name == QLatin1String(io::kDensityMapView)) {
        // As the application's density map: masked communes in the secret class.
        layer.setRenderer(densityRenderer(
            QStringLiteral("CASE WHEN \"masked\" THEN %1 ELSE \"per_10000\" END").arg(kDensitySecretValue),
            results.densities, results.populations, results.densityMasked, results.secrecyThreshold, false,
            analysis::ClassSpec{}));
    } else if (name == QLatin1String("poles")) {
        layer.setRenderer(poleRenderer(results.isolationText));
        setBlocksLabels(&layer);
    } else {
        layer.setRenderer(
            linkLinesRenderer(results.intensityLo, results.intensityHi, results.volumeLo, results.volumeHi));
    }
}

QString layerTitle(const QString& name, int vintage) {
    if (name == QLatin1String("bassins_de_vie"))
        return QCoreApplication::translate("maillage::ui::MapLayers", "Bassins de vie");
    if (name == QLatin1String("communes"))
        return QCoreApplication::translate("maillage::ui::MapLayers", "Communes");
    if (name == QLatin1String("departements"))
        return QCoreApplication::translate("maillage::ui::MapLayers", "Départements");
    if (name == QLatin1String("poles"))
        return QCoreApplication::translate("maillage::ui::MaillageLayers", "Pôles");
    if (name == QLatin1String("liens"))
        return QCoreApplication::translate("maillage::ui::MaillageLayers", "Maillage links");
    if (name == QLatin1String(io::kDensityMapView))
        return densityMapTitlePattern().arg(vintage);
    return QCoreApplication::translate("maillage::ui::MapLayers", "Régions");
}

//! Saves the layer's style as its default one in layer_styles, replacing ours of a previous write (QGIS
//! would ask the user whether to overwrite it, in a dialog, when the application has a GUI).
void saveDefaultStyle(QgsVectorLayer& layer, const QString& name) {
    const QString styleName = QStringLiteral("maillage");
    QStringList ids, names, descriptions;
    QString message;
    const int own = layer.listStylesInDatabase(ids, names, descriptions, message); // this layer's first
    for (int i = 0; i < own && i < ids.size(); ++i) {
        if (names[i] == styleName && !layer.deleteStyleFromDatabase(ids[i], message))
            throw StyleError{
                QStringLiteral("the previous style of %1 cannot be replaced: %2").arg(name, message)};
    }
    message.clear();
    layer.saveStyleToDatabase(styleName, QStringLiteral("Maillage"), true, QString(), message);
    if (!message.isEmpty())
        throw StyleError{QStringLiteral("the style of %1 cannot be saved: %2").arg(name, message)};
}

//! Styles every layer, saves each as its default style in layer_styles, then the project of them all.
void writeStylesAndProject(const Storage& storage, const ResultSummary& results, const QString& title) {
    QgsProject project;
    const QgsCoordinateReferenceSystem crs(QStringLiteral("EPSG:%1").arg(model::kWorkingEpsg));
    project.setCrs(crs);
    project.setTitle(title);
    QgsRectangle extent;
    for (const QString& name : styledLayers()) {
        const bool densityMap = name == QLatin1String(io::kDensityMapView);
        if (densityMap && storage.file.isEmpty())
            continue; // a view of the GeoPackage: PostgreSQL copies have none
        QgsVectorLayer* layer = openLayer(storage, name, layerTitle(name, results.mapVintage)).release();
        project.addMapLayer(layer, false); // the project owns it from here, even when a later step throws
        // The density map is there for whoever wants it, unticked: the pôles are the application's map.
        project.layerTreeRoot()->addLayer(layer)->setItemVisibilityChecked(!densityMap);
        applyStyle(*layer, name, results);
        saveDefaultStyle(*layer, name);
        if (name == QLatin1String("bassins_de_vie"))
            extent = layer->extent();
    }
    if (!extent.isNull())
        project.viewSettings()->setDefaultViewExtent(QgsReferencedRectangle(extent, crs));
    if (!project.write(storage.projectUri()))
        throw StyleError{QStringLiteral("the QGIS project cannot be saved: %1").arg(project.error())};
}

//! Whether the layer bassins_de_vie of `storage` holds the classification (written with the GeoPackage).
bool hasResults(const Storage& storage) {
    const std::unique_ptr<QgsVectorLayer> bassins = openLayer(storage, QStringLiteral("bassins_de_vie"), {});
    return bassins->fields().indexOf(QStringLiteral("pole_type")) >= 0;
}

} // namespace

QString projectUri(const QString& gpkg) {
    QgsGeoPackageProjectUri uri;
    uri.valid = true;
    uri.database = gpkg;
    uri.projectName = QString::fromLatin1(kProjectName);
    return QgsGeoPackageProjectStorage::encodeUri(uri);
}

QStringList styledLayers() {
    return {QStringLiteral("poles"),
            QStringLiteral("liens"),
            QStringLiteral("regions"),
            QStringLiteral("departements"),
            QString::fromLatin1(io::kDensityMapView),
            QStringLiteral("communes"),
            QStringLiteral("bassins_de_vie")};
}

namespace {

//! Runs `write`; false with the reason in `error`, prefixed by `where` for the module's own failures.
template <typename Write> bool reported(const QString& where, QString* error, Write&& write) {
    try {
        write();
        return true;
    } catch (const StyleError& e) {
        if (error)
            *error = where + QStringLiteral(": ") + e.detail;
    } catch (const Error& e) {
        if (error)
            *error = QString::fromStdString(
                e.describe(QLocale().language() == QLocale::French ? Language::Fr : Language::En));
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
    }
    return false;
}

//! The connection of a "PG:" location as QGIS writes it (no password: libpq finds it where the user keeps
//! it).
QgsDataSourceUri qgisConnection(const QString& location) {
    QString info;
    for (const auto& [key, value] : io::postgisConnectionKeywords(location.toStdString()))
        info += QStringLiteral("%1='%2' ")
                    .arg(QString::fromStdString(key),
                         QString::fromStdString(value).replace('\'', QLatin1String("\\'")));
    return QgsDataSourceUri(info);
}

} // namespace

QString postgresProjectUri(const QString& connection, const QString& schema) {
    // As QGIS's QgsPostgresProjectStorage::encodeUri (not public API): postgresql://user@host:port?...
    const QgsDataSourceUri dsUri(connection);
    QUrl u;
    QUrlQuery query;
    u.setScheme(QStringLiteral("postgresql"));
    u.setHost(dsUri.host());
    if (!dsUri.port().isEmpty())
        u.setPort(dsUri.port().toInt());
    if (!dsUri.username().isEmpty())
        u.setUserName(dsUri.username());
    if (!dsUri.service().isEmpty())
        query.addQueryItem(QStringLiteral("service"), dsUri.service());
    if (dsUri.sslMode() != QgsDataSourceUri::SslPrefer)
        query.addQueryItem(QStringLiteral("sslmode"), QgsDataSourceUri::encodeSslMode(dsUri.sslMode()));
    query.addQueryItem(QStringLiteral("dbname"), dsUri.database());
    query.addQueryItem(QStringLiteral("schema"), schema);
    query.addQueryItem(QStringLiteral("project"), QString::fromLatin1(kProjectName));
    u.setQuery(query);
    return QString::fromUtf8(u.toEncoded());
}

namespace {

//! The results of the dataset `from` (with `parameters` in place of its saved ones when given: they are
//! written with the results, io::writeResultsInto) written into the GeoPackage `into`.
ResultSummary writeResultsOf(const QString& from, const QString& into,
                             const model::Parameters* parameters = nullptr) {
    model::Dataset dataset = readAttributes(from);
    if (parameters)
        dataset.params = *parameters;
    return writeResults(dataset, computeResults(dataset), into);
}

//! writeDatasetStyles with the results that `compute` returns for the file's path.
template <typename Compute>
bool writeDatasetStylesWith(const QString& gpkg, QString* error, Compute&& compute) {
    // Through a symbolic link, the file it points to is updated (as io::writeParameters does).
    const QFileInfo info(gpkg);
    const QString target = info.exists() ? info.canonicalFilePath() : gpkg;
    return reported(gpkg, error, [&] {
        if (!info.isFile())
            throw StyleError{QStringLiteral("not a dataset file")};
        // The copy, of the file's own name in a folder beside it; both removed on SIGINT/SIGTERM too.
        io::TemporaryNamesake temporary(target.toStdString());
        const QString copy = QString::fromStdString(temporary.path());
        if (!QFile::copy(target, copy))
            throw StyleError{QStringLiteral("cannot copy the file into %1").arg(QFileInfo(copy).path())};
        {
            const io::UnsyncedCommits unsynced;
            const ResultSummary results = compute(target, copy);
            writeStylesAndProject(Storage{copy, {}, {}}, results, info.completeBaseName());
        }
        temporary.commit(); // synced, renamed, folder synced
    });
}

} // namespace

bool writeDatasetStyles(const QString& gpkg, QString* error) {
    return writeDatasetStylesWith(
        gpkg, error, [](const QString& target, const QString& copy) { return writeResultsOf(target, copy); });
}

bool writeDatasetStyles(const QString& gpkg, const model::Parameters& parameters, QString* error) {
    return writeDatasetStylesWith(gpkg, error, [&](const QString& target, const QString& copy) {
        return writeResultsOf(target, copy, &parameters);
    });
}

bool writeDatasetStylesInto(const QString& gpkg, QString* error) {
    const QFileInfo info(gpkg);
    return reported(gpkg, error, [&] {
        if (!info.isFile())
            throw StyleError{QStringLiteral("not a dataset file")};
        const io::UnsyncedCommits unsynced; // the caller syncs the file before renaming it
        writeStylesAndProject(Storage{gpkg, {}, {}}, writeResultsOf(gpkg, gpkg), info.completeBaseName());
    });
}

bool writeDatasetStyles(const QString& gpkg, const model::Dataset& dataset,
                        const analysis::Classification& classification, QString* error) {
    return writeDatasetStylesWith(gpkg, error, [&](const QString&, const QString& copy) {
        return writeResults(dataset, computeResults(dataset, classification), copy);
    });
}

bool writeStylesWithInputs(const QString& gpkg, const StyleInputs& inputs, const QString& title,
                           QString* error) {
    return reported(gpkg, error, [&] { writeStylesAndProject(Storage{gpkg, {}, {}}, inputs, title); });
}

bool writePostgisStyles(const QString& location, QString* error) {
    return reported(location, error, [&] {
        const io::PostgisLocation where = io::parsePostgisLocation(location.toStdString());
        const Storage storage{QString(), qgisConnection(location), QString::fromStdString(where.schema)};
        const model::Dataset dataset = readAttributes(location);
        if (!dataset.bassins.empty() && !hasResults(storage))
            throw StyleError{
                QStringLiteral("the dataset has no results (bassins_de_vie.pole_type): write its "
                               "GeoPackage's styles before copying it")};
        writeStylesAndProject(storage, computeResults(dataset).summary, storage.schema);
    });
}

} // namespace maillage::ui::styles
