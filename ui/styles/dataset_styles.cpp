#include "ui/styles/dataset_styles.h"

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

#include <cpl_conv.h>

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

//! While alive, SQLite does not wait for the disk at every commit of this thread's GDAL connections (QGIS's
//! included): the copy is a temporary file, synced once before it is renamed over the dataset.
class UnsyncedCommits {
public:
    UnsyncedCommits() : m_previous(CPLGetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "")) {
        CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
    }
    ~UnsyncedCommits() {
        CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS",
                                      m_previous.empty() ? nullptr : m_previous.c_str());
    }
    UnsyncedCommits(const UnsyncedCommits&) = delete;
    UnsyncedCommits& operator=(const UnsyncedCommits&) = delete;

private:
    std::string m_previous;
};

//! A failure of one step, with what QGIS, GDAL or the engine said.
struct StyleError {
    QString detail;
};

//! What the styles need to know of the results written.
struct ResultSummary {
    std::array<int, analysis::kPoleTypeCount> counts{}; //!< BVs of each pôle type
    QString isolation;                                  //!< "30 km": the isolation distance
    double intensityLo = std::numeric_limits<double>::infinity(), intensityHi = 0;
    double volumeLo = std::numeric_limits<double>::infinity(), volumeHi = 0;
    //! The map view's densities (io::kDensityMapView): values (0 for the communes without a row) and their
    //! populations, whether one is masked, and the threshold.
    std::vector<double> densities, populations;
    bool densityMasked = false;
    double secrecyThreshold = 0;
    int mapVintage = 0;
};

bool french() {
    return QLocale().language() == QLocale::French;
}

//! The classification as bassins_de_vie fields, masked as classificationTable masks them (statistical
//! secrecy, DOMAIN.md §7): a BV keeps its type, not the figures that give a small count back.
std::vector<io::BassinClassificationFields> classificationFields(const model::Dataset& dataset,
                                                                 const analysis::Classification& c,
                                                                 ResultSummary& summary) {
    std::vector<io::BassinClassificationFields> out;
    for (std::size_t i = 0; i < c.poles.size() && i < dataset.bassins.size(); ++i) {
        const analysis::PoleClassification& p = c.poles[i];
        const int type = static_cast<int>(p.type);
        ++summary.counts[static_cast<std::size_t>(type)];
        io::BassinClassificationFields f;
        f.bv = dataset.bassins[i].code;
        f.poleType = type;
        f.poleLabel = poleTypeLabel(type).toStdString();
        const analysis::SecrecyRule rule = analysis::SecrecyRule::from(dataset.params.density);
        const analysis::ClassificationMask m = analysis::maskClassification(p.total, p.pole, p.psy, rule);
        f.masked = m.total;
        f.poleShareMasked = m.poleShare;
        f.psyShareMasked = m.psyShare;
        f.total = p.total;
        f.poleShare = p.poleShare;
        f.psyShare = p.psyShare;
        f.psyCounted = p.psyCounted;
        f.reason = analysis::publishableReason(p, m.reason, rule,
                                               french() ? analysis::Language::Fr : analysis::Language::En);
        out.push_back(std::move(f));
    }
    return out;
}

//! The pôles at their BV's anchor; the mass of a pôle is masked when it is a small count.
std::vector<io::PolePoint> polePoints(const model::Dataset& dataset, const analysis::MaillageResult& m) {
    std::vector<io::PolePoint> out;
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        const analysis::PoleNode& n = m.nodes[i];
        const model::Bassin* b = dataset.bassin(n.bv);
        const int type = static_cast<int>(n.type);
        out.push_back({n.bv, b ? b->name : n.bv, type, poleTypeLabel(type).toStdString(), n.mass,
                       analysis::isMasked(n.mass, dataset.params.density),
                       i < m.isolated.size() && m.isolated[i], n.position});
    }
    return out;
}

//! Modelled links (an intensity gives either mass back: masked with them), observed flows between BVs and
//! declared cooperations, between the BVs' anchors.
std::vector<io::LinkLine> linkLines(const model::Dataset& dataset, const analysis::Classification& c,
                                    const analysis::MaillageResult& m, ResultSummary& summary) {
    std::vector<io::LinkLine> out;
    for (const analysis::Link& l : m.links) {
        const analysis::PoleNode &a = m.nodes[l.from], &b = m.nodes[l.to];
        const bool masked = analysis::isMasked(a.mass, dataset.params.density) ||
                            analysis::isMasked(b.mass, dataset.params.density);
        out.push_back(
            {"modelled", a.bv, b.bv, l.intensity, l.dominant, 0, "", masked, a.position, b.position});
        summary.intensityLo = std::min(summary.intensityLo, l.intensity);
        summary.intensityHi = std::max(summary.intensityHi, l.intensity);
    }
    Warnings warnings; // the map shows what could be matched; the import reported the rest
    for (const analysis::BassinFlow& f : analysis::aggregateFlows(dataset, warnings)) {
        const model::Bassin *a = dataset.bassin(f.origin), *b = dataset.bassin(f.destination);
        if (!a || !b)
            continue;
        out.push_back(
            {"observed", f.origin, f.destination, 0, false, f.volume, "", false, a->anchor, b->anchor});
        summary.volumeLo = std::min(summary.volumeLo, f.volume);
        summary.volumeHi = std::max(summary.volumeHi, f.volume);
    }
    for (const analysis::DeclaredLink& d : analysis::declaredLinks(dataset, c.poles).links) {
        const model::Bassin *a = dataset.bassin(d.from), *b = dataset.bassin(d.to);
        if (a && b)
            out.push_back(
                {"declared", d.from, d.to, 0, false, 0, d.cooperation, false, a->anchor, b->anchor});
    }
    return out;
}

//! "Densité de médecins généralistes (2023)": the map view's title (layer and gpkg_contents identifier).
QString densityMapTitle(int vintage) {
    return QCoreApplication::translate("maillage::ui::MapLayers", "Density of general practitioners (%1)")
        .arg(vintage);
}

QString isolationText(const analysis::MaillageResult& m, const model::MaillageParameters& p) {
    return m.distanceUnit == "min" ? QCoreApplication::translate("maillage::ui::MaillageLayers", "%1 min")
                                         .arg(QLocale().toString(p.isolationMinutes))
                                   : QCoreApplication::translate("maillage::ui::MaillageLayers", "%1 km")
                                         .arg(QLocale().toString(p.isolationDistanceKm));
}

//! The results of the latest vintage with the dataset's saved parameters, and what the styles need of them.
struct Results {
    ResultSummary summary;
    std::vector<io::BassinClassificationFields> classification;
    std::vector<io::PolePoint> poles;
    std::vector<io::LinkLine> links;
    io::CommuneResults communes;
};

//! The per-commune densities and accessibility of every profession and vintage, and the map view's: computed
//! as they are written. MAILLAGE_BENCH_NO_RESULT_ROWS=1 writes the tables without rows, to measure what the
//! rows cost (tests/bench/README.md).
io::CommuneResults communeResults(const model::Dataset& dataset) {
    io::CommuneResults r;
    r.language = french() ? analysis::Language::Fr : analysis::Language::En;
    const analysis::SecrecyRule rule = analysis::SecrecyRule::from(dataset.params.density);
    r.tables.push_back(analysis::communeDensities(dataset, rule));
    r.tables.push_back(analysis::communeAccess(dataset, rule, r.language));
    if (qEnvironmentVariableIntValue("MAILLAGE_BENCH_NO_RESULT_ROWS") == 1)
        for (io::StreamedTable& t : r.tables)
            t.rows = nullptr;
    r.mapVintage = analysis::defaultVintage(dataset);
    r.mapTitle = densityMapTitle(r.mapVintage).toStdString();
    return r;
}

//! What the map view shows of the table densites, for its classes (as the application's density map).
void mapDensities(const io::CommuneResults& r, const model::Dataset& dataset, ResultSummary& summary) {
    const analysis::SecrecyRule rule = analysis::SecrecyRule::from(dataset.params.density);
    summary.secrecyThreshold = rule.threshold;
    const io::ResultTable table = analysis::communeDensityRows(dataset, rule, r.mapProfession, r.mapVintage);
    const int population = table.column("population"), density = table.column("per_10000");
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const std::vector<io::Cell>& cells = table.rows[i].cells;
        const io::Cell& value = cells[static_cast<std::size_t>(density)];
        if (table.rowMasked(i)) {
            summary.densityMasked = true;
            continue;
        }
        summary.densities.push_back(value.hasValue() ? value.number : std::nan(""));
        summary.populations.push_back(cells[static_cast<std::size_t>(population)].number);
    }
    if (table.rows.size() < dataset.communes.size()) { // the communes without a row: 0 in the view
        summary.densities.push_back(0);
        summary.populations.push_back(0);
    }
}

Results computeResults(const model::Dataset& dataset, const analysis::Classification& c) {
    Results r;
    r.classification = classificationFields(dataset, c, r.summary);
    const analysis::MaillageResult m = analysis::computeMaillage(dataset, c.poles, dataset.params.maillage);
    r.poles = polePoints(dataset, m);
    r.links = linkLines(dataset, c, m, r.summary);
    r.summary.isolation = isolationText(m, dataset.params.maillage);
    r.communes = communeResults(dataset);
    mapDensities(r.communes, dataset, r.summary);
    r.summary.mapVintage = r.communes.mapVintage;
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
    io::writeResultsInto(copy.toStdString(), dataset.params, r.classification, r.poles, r.links, r.communes);
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
        layer.setRenderer(poleRenderer(results.isolation));
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
        return densityMapTitle(vintage);
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
            const UnsyncedCommits unsynced;
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
        const UnsyncedCommits unsynced; // the caller syncs the file before renaming it
        writeStylesAndProject(Storage{gpkg, {}, {}}, writeResultsOf(gpkg, gpkg), info.completeBaseName());
    });
}

bool writeDatasetStyles(const QString& gpkg, const model::Dataset& dataset,
                        const analysis::Classification& classification, QString* error) {
    return writeDatasetStylesWith(gpkg, error, [&](const QString&, const QString& copy) {
        return writeResults(dataset, computeResults(dataset, classification), copy);
    });
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
