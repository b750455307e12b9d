#include "ui/map_layers.h"

#include "core/model/codes.h"
#include "ui/facilities_layer.h"
#include "ui/layer_roles.h"
#include "ui/panels/panel_util.h"
#include "ui/session.h"
#include "ui/styles/layer_styles.h"
#include "ui/tasks.h"
#include "ui/zones_layer.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSaveFile>
#include <QStandardPaths>

#include <cmath>

#include <map>
#include <memory>
#include <utility>
#include <vector>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsclassificationjenks.h>
#include <qgscolorramp.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgsgeometry.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslabelobstaclesettings.h>
#include <qgslayertree.h>
#include <qgsmemoryproviderutils.h>
#include <qgspallabeling.h>
#include <qgsproject.h>
#include <qgsproperty.h>
#include <qgsrulebasedlabeling.h>
#include <qgssinglesymbolrenderer.h>
#include <qgssymbollayerutils.h>
#include <qgstextbuffersettings.h>
#include <qgstextformat.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

namespace maillage::ui {

const char* const MapLayers::kPoleTypeField = "pole_type";
const char* const MapLayers::kDensityField = "densite";
const char* const MapLayers::kAccessibilityField = "acces_2sfca";

namespace {

using analysis::PoleType;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QgsGeometry geometryFromWkb(const model::Wkb& wkb) {
    if (wkb.empty())
        return QgsGeometry();
    QgsGeometry g;
    g.fromWkb(QByteArray(reinterpret_cast<const char*>(wkb.data()), static_cast<int>(wkb.size())));
    return g;
}

QgsField field(const char* name, QVariant::Type type) {
    return QgsField(QString::fromLatin1(name), type);
}

QgsFields bassinFields() {
    QgsFields f;
    f.append(field("code", QVariant::String));
    f.append(field("nom", QVariant::String));
    f.append(field("dep", QVariant::String));
    f.append(field("reg", QVariant::String));
    f.append(field("population", QVariant::Double));
    f.append(field("n_communes", QVariant::Int));
    f.append(field("anchor_x", QVariant::Double));
    f.append(field("anchor_y", QVariant::Double));
    f.append(field(MapLayers::kPoleTypeField, QVariant::Int));
    f.append(field("pole_label", QVariant::String));
    f.append(field("total", QVariant::Double));
    f.append(field("pole_share", QVariant::Double));
    f.append(field("psy_share", QVariant::Double));
    f.append(field("reason", QVariant::String));
    return f;
}

QgsFields communeFields() {
    QgsFields f;
    f.append(field("code", QVariant::String));
    f.append(field("nom", QVariant::String));
    f.append(field("population", QVariant::Double));
    f.append(field("bv", QVariant::String));
    f.append(field("dep", QVariant::String));
    f.append(field("reg", QVariant::String));
    return f;
}

QgsFields departementFields() {
    QgsFields f;
    f.append(field("code", QVariant::String));
    f.append(field("nom", QVariant::String));
    return f;
}

//! The bassins' features (classification fields empty); `all` and `metropolitan` get their extents.
QgsFeatureList bassinFeatures(const model::Dataset& dataset, const QgsFields& fields, QgsRectangle* all,
                              QgsRectangle* metropolitan) {
    QgsFeatureList features;
    features.reserve(static_cast<int>(dataset.bassins.size()));
    for (const model::Bassin& b : dataset.bassins) {
        QgsFeature f(fields);
        f.setGeometry(geometryFromWkb(b.geometry));
        const QgsRectangle box = f.geometry().boundingBox();
        if (!box.isNull()) {
            all->combineExtentWith(box);
            if (!codes::isOverseas(b.code))
                metropolitan->combineExtentWith(box);
        }
        f.setAttributes(QgsAttributes(QVector<QVariant>{
            qs(b.code), qs(b.name), qs(b.dep), qs(b.reg), b.population, static_cast<int>(b.communes.size()),
            b.anchor.x, b.anchor.y, 0, QString(), 0.0, 0.0, 0.0, QString()}));
        features.append(f);
    }
    return features;
}

//! The communes' features (in the dataset's order), the fields after communeFields() left empty.
QgsFeatureList communeFeatures(const model::Dataset& dataset, const QgsFields& fields) {
    QgsFeatureList features;
    features.reserve(static_cast<int>(dataset.communes.size()));
    for (const model::Commune& c : dataset.communes) {
        QgsFeature f(fields);
        f.setGeometry(geometryFromWkb(c.geometry));
        QVector<QVariant> values{qs(c.code), qs(c.name), c.population, qs(c.bv), qs(c.dep), qs(c.reg)};
        values.resize(fields.size());
        f.setAttributes(QgsAttributes(values));
        features.append(f);
    }
    return features;
}

//! The classification fields of one BV, by field index of the bassins layer.
QgsAttributeMap classificationValues(const QgsFields& fields, const analysis::PoleClassification& p) {
    const int type = static_cast<int>(p.type);
    const bool french = panel::uiIsFrench();
    QgsAttributeMap values;
    values.insert(fields.indexOf(QString::fromLatin1(MapLayers::kPoleTypeField)), type);
    values.insert(fields.indexOf(QStringLiteral("pole_label")), panel::poleTypeLabel(type));
    values.insert(fields.indexOf(QStringLiteral("total")), p.total);
    values.insert(fields.indexOf(QStringLiteral("pole_share")), p.poleShare);
    // Psychiatric nurses not counted (BPE): unknown, NULL as in the dataset's file, not a share of 0.
    values.insert(fields.indexOf(QStringLiteral("psy_share")),
                  p.psyCounted ? QVariant(p.psyShare) : QVariant(QVariant::Double));
    values.insert(
        fields.indexOf(QStringLiteral("reason")),
        qs(analysis::describeClassification(p, french ? analysis::Language::Fr : analysis::Language::En)));
    return values;
}

//! Whether two classifications give the same fields: type, figures and reason (compare with the
//! thresholds the reasons state, analysis::statedThresholds).
bool sameWording(const analysis::PoleClassification& a, const analysis::PoleClassification& b) {
    const analysis::PoleThresholds& s = a.decision.thresholds;
    const analysis::PoleThresholds& t = b.decision.thresholds;
    return a.bv == b.bv && a.type == b.type && a.total == b.total && a.pole == b.pole && a.psy == b.psy &&
           a.exPsy == b.exPsy && a.poleShare == b.poleShare && a.psyShare == b.psyShare &&
           a.psyCounted == b.psyCounted && a.decision.failed == b.decision.failed &&
           s.metropole == t.metropole && s.grandPole == t.grandPole && s.intermediate == t.intermediate &&
           s.secondary == t.secondary && s.poleShareMin == t.poleShareMin && s.psyShareMax == t.psyShareMax &&
           s.massScale == t.massScale;
}

struct DepartementShape {
    QString code, name;
    QgsGeometry geometry;
};

//! The cache file of the départements dissolved from a dataset's communes (key: hash of the inputs).
QString departementCachePath(const QByteArray& key) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    return dir + QStringLiteral("/departements/") + QString::fromLatin1(key.toHex()) + QStringLiteral(".bin");
}

constexpr quint32 kCacheMagic = 0x4d4c4431; // "MLD1"

bool readDepartementCache(const QString& path, std::vector<DepartementShape>& out) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QDataStream in(&file);
    quint32 magic = 0, count = 0;
    in >> magic >> count;
    if (magic != kCacheMagic || count > 100000)
        return false;
    for (quint32 i = 0; i < count; ++i) {
        DepartementShape d;
        QByteArray wkb;
        in >> d.code >> d.name >> wkb;
        d.geometry.fromWkb(wkb);
        out.push_back(std::move(d));
    }
    return in.status() == QDataStream::Ok;
}

void writeDepartementCache(const QString& path, const std::vector<DepartementShape>& shapes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    QDataStream out(&file);
    out << kCacheMagic << static_cast<quint32>(shapes.size());
    for (const DepartementShape& d : shapes)
        out << d.code << d.name << d.geometry.asWkb();
    file.commit();
}

} // namespace

MapLayers::MapLayers(Session* session, QgsProject* project, QObject* parent)
    : QObject(parent), m_session(session), m_project(project) {
    connect(session, &Session::datasetChanged, this, &MapLayers::rebuild);
    connect(session, &Session::classificationChanged, this, &MapLayers::applyClassification);
    connect(session, &Session::bassinSelectionChanged, this, &MapLayers::applySelection);
    connect(session, &Session::communeSelected, this, &MapLayers::applySelection);
    connect(session, &Session::densityMapReady, this, &MapLayers::onDensityMapReady);
    connect(session, &Session::densityMapCleared, this, &MapLayers::resetCommuneColouring);
    connect(session, &Session::densityClassesChanged, this, [this] {
        if (m_communesColoured)
            onDensityMapReady();
    });
    if (session->hasDataset())
        rebuild();
}

MapLayers::~MapLayers() = default;

QgsVectorLayer* MapLayers::bassins() const {
    return m_bassins;
}
QgsVectorLayer* MapLayers::communes() const {
    return m_communes;
}
QgsVectorLayer* MapLayers::departements() const {
    return m_departements;
}

QgsVectorLayer* MapLayers::selection() const {
    return m_selection;
}

QgsVectorLayer* MapLayers::qpv() const {
    return m_qpv;
}

QgsVectorLayer* MapLayers::zones() const {
    return m_zones;
}

QgsVectorLayer* MapLayers::facilities() const {
    return m_facilities;
}

void MapLayers::indexCommunes() {
    if (!m_communes || m_communesIndexed)
        return;
    m_communes->dataProvider()->createSpatialIndex();
    m_communesIndexed = true;
}

QgsFeatureId MapLayers::featureId(FeatureKind kind, const QString& code) const {
    const auto& map = kind == FeatureKind::Commune ? m_communeFids : m_bassinFids;
    return map.value(code, FID_NULL);
}

QgsRectangle MapLayers::extentOf(FeatureKind kind, const QString& code) const {
    QgsVectorLayer* layer = kind == FeatureKind::Commune ? m_communes.data() : m_bassins.data();
    const QgsFeatureId fid = featureId(kind, code);
    if (!layer || fid == FID_NULL)
        return QgsRectangle();
    return layer->getFeature(fid).geometry().boundingBox();
}

QgsRectangle MapLayers::fullExtent() const {
    return m_fullExtent;
}

QString MapLayers::legendLabel(PoleType type, int count) {
    return styles::legendLabel(type, count);
}

QgsCategorizedSymbolRenderer*
MapLayers::createBassinRenderer(const std::array<int, analysis::kPoleTypeCount>& counts) {
    return styles::bassinRenderer(counts);
}

void MapLayers::removeLayers() {
    QStringList ids;
    for (QgsVectorLayer* layer :
         {m_bassins.data(), m_communes.data(), m_departements.data(), m_selection.data(), m_qpv.data()}) {
        if (layer)
            ids.append(layer->id());
    }
    if (!ids.isEmpty())
        m_project->removeMapLayers(ids);
    m_bassinFids.clear();
    m_communeFids.clear();
    m_writtenClassification = {};
    m_renderedCounts.reset();
}

void MapLayers::rebuild() {
    ++m_generation;
    m_communesColoured = false;
    m_colouringTitle.clear();
    if (m_departementTask)
        m_departementTask->cancel(); // its result would be for the previous dataset
    removeLayers();
    m_departementsReady = false;
    m_communesIndexed = false;
    m_fullExtent = QgsRectangle();
    const model::Dataset& dataset = m_session->dataset();
    const QgsCoordinateReferenceSystem crs(QStringLiteral("EPSG:%1").arg(model::kWorkingEpsg));
    if (m_project->crs() != crs)
        m_project->setCrs(crs);

    // Bassins de vie: classification fields filled by applyClassification().
    m_bassins = QgsMemoryProviderUtils::createMemoryLayer(tr("Bassins de vie"), bassinFields(),
                                                          QgsWkbTypes::MultiPolygon, crs);
    {
        QgsRectangle all, metropolitan;
        QgsFeatureList features = bassinFeatures(dataset, m_bassins->fields(), &all, &metropolitan);
        m_bassins->dataProvider()->addFeatures(features);
        for (const QgsFeature& f : std::as_const(features))
            m_bassinFids.insert(f.attribute(0).toString(), f.id());
        m_bassins->dataProvider()->createSpatialIndex();
        m_bassins->updateExtents();
        // The overseas départements lie thousands of km away: the territory's view is the mainland's.
        m_fullExtent = metropolitan.isNull() ? all : metropolitan;
    }
    setLayerRole(m_bassins, QString::fromLatin1(role::Bassins));
    styles::setBassinLabels(m_bassins);

    m_communes = QgsMemoryProviderUtils::createMemoryLayer(tr("Communes"), communeFields(),
                                                           QgsWkbTypes::MultiPolygon, crs);
    {
        QgsFeatureList features = communeFeatures(dataset, m_communes->fields());
        m_communes->dataProvider()->addFeatures(features);
        for (const QgsFeature& f : std::as_const(features))
            m_communeFids.insert(f.attribute(0).toString(), f.id());
        // No spatial index yet (indexCommunes()): 35,000 one-by-one R-tree insertions were 260 ms of the
        // national opening, and the map of the territory does not draw the communes.
        m_communes->updateExtents();
    }
    setLayerRole(m_communes, QString::fromLatin1(role::Communes));
    setCommuneStyle();
    styles::setCommuneLabels(m_communes);

    m_departements = QgsMemoryProviderUtils::createMemoryLayer(tr("Départements"), departementFields(),
                                                               QgsWkbTypes::MultiPolygon, crs);
    setLayerRole(m_departements, QString::fromLatin1(role::Departements));
    styles::setDepartementStyle(m_departements);

    // Below any layer the panels add (links, pôles): selection, départements, communes, bassins from top
    // to bottom (kMapOrder).
    createSelectionLayer(crs);
    m_project->addMapLayers({m_selection, m_departements, m_communes, m_bassins}, false);
    for (QgsMapLayer* layer :
         {m_selection.data(), m_departements.data(), m_communes.data(), m_bassins.data()})
        insertInMapOrder(m_project, layer);

    createQpvLayer(dataset, crs);
    createZonesAndFacilitiesLayers(dataset);
    applyClassification();
    startDepartementDissolve();
    emit layersRebuilt();
}

void MapLayers::applyClassification() {
    if (!m_bassins)
        return;
    int written = 0;
    const std::array<int, analysis::kPoleTypeCount> counts =
        writeClassification(m_bassins, m_bassinFids, m_session->dataset(), m_session->poles(),
                            &m_writtenClassification, &written);
    // A parameter that leaves every BV's type, figures and reason as they were (a maillage parameter, the
    // secrecy threshold): the layer, its legend and its drawing stay, and the map redraws only the layers
    // that changed (the bassins layer and its labels were 40 % of a redraw of the national map).
    if (written == 0 && m_renderedCounts && *m_renderedCounts == counts)
        return;
    m_renderedCounts = counts;
    setBassinRenderer(m_bassins, createBassinRenderer(counts)); // new labels: the legend follows at once
    m_bassins->triggerRepaint();
    emit classificationApplied();
}

void MapLayers::setBassinRenderer(QgsVectorLayer* layer, QgsCategorizedSymbolRenderer* renderer) {
    std::unique_ptr<QgsCategorizedSymbolRenderer> fresh(renderer);
    auto* current = dynamic_cast<QgsCategorizedSymbolRenderer*>(layer->renderer());
    if (!current || !sameButLabels(*current, *fresh)) {
        layer->setRenderer(fresh.release());
        return;
    }
    // The same categories and symbols, other counts in their labels: the labels changed in place and
    // the legend told (rendererChanged), without the styleChanged() of setRenderer(). Its listeners are
    // called again by the repaint that follows a new classification: the large pôles' names were placed
    // twice before the map could be drawn, 6 ms of the main thread each time on the national dataset.
    const QgsCategoryList categories = fresh->categories();
    for (int i = 0; i < categories.size(); ++i)
        current->updateCategoryLabel(i, categories[i].label());
    emit layer->rendererChanged();
}

bool MapLayers::sameButLabels(const QgsCategorizedSymbolRenderer& a, const QgsCategorizedSymbolRenderer& b) {
    if (a.classAttribute() != b.classAttribute() || a.categories().size() != b.categories().size())
        return false;
    auto same = [](const QgsSymbol* x, const QgsSymbol* y) { // symbolProperties() reads only
        return !x || !y ? x == y
                        : QgsSymbolLayerUtils::symbolProperties(const_cast<QgsSymbol*>(x)) ==
                              QgsSymbolLayerUtils::symbolProperties(const_cast<QgsSymbol*>(y));
    };
    if (!same(a.sourceSymbol(), b.sourceSymbol()))
        return false;
    const QgsCategoryList ca = a.categories(), cb = b.categories();
    for (int i = 0; i < ca.size(); ++i)
        if (ca[i].value() != cb[i].value() || ca[i].renderState() != cb[i].renderState() ||
            !same(ca[i].symbol(), cb[i].symbol()))
            return false;
    return true;
}

std::array<int, analysis::kPoleTypeCount>
MapLayers::writeClassification(QgsVectorLayer* layer, const QHash<QString, QgsFeatureId>& fids,
                               const model::Dataset& dataset,
                               const std::vector<analysis::PoleClassification>& poles,
                               WrittenClassification* written, int* writtenCount) {
    std::array<int, analysis::kPoleTypeCount> counts{};
    QgsChangedAttributesMap changes;
    const QgsFields fields = layer->fields();
    const std::size_t n = std::min(poles.size(), dataset.bassins.size());
    if (written) {
        const bool french = panel::uiIsFrench();
        if (written->french != french)
            *written = {}; // every reason in the other language
        written->french = french;
        written->worded.resize(n);
        written->values.resize(n);
    }
    for (std::size_t i = 0; i < n; ++i) {
        ++counts[static_cast<std::size_t>(poles[i].type)];
        if (written) {
            // A parameter changes the type of a few BVs and the thresholds stated in a few reasons: the
            // others keep their values, unworded and unwritten.
            analysis::PoleClassification worded = poles[i];
            worded.decision.thresholds = analysis::statedThresholds(poles[i]);
            std::optional<analysis::PoleClassification>& was = written->worded[i];
            if (was && sameWording(*was, worded))
                continue;
            was = std::move(worded);
        }
        QgsAttributeMap values = classificationValues(fields, poles[i]);
        if (written) {
            if (written->values[i] == values)
                continue;
            written->values[i] = values;
        }
        const QgsFeatureId fid = fids.value(qs(dataset.bassins[i].code), FID_NULL);
        if (fid != FID_NULL)
            changes.insert(fid, std::move(values));
    }
    if (writtenCount)
        *writtenCount = changes.size();
    if (!changes.isEmpty())
        layer->dataProvider()->changeAttributeValues(changes);
    return counts;
}

QgsVectorLayer* MapLayers::createPoleLayer(const model::Dataset& dataset,
                                           const std::vector<analysis::PoleClassification>& poles,
                                           const QString& name) {
    const QgsCoordinateReferenceSystem crs(QStringLiteral("EPSG:%1").arg(model::kWorkingEpsg));
    QgsVectorLayer* layer =
        QgsMemoryProviderUtils::createMemoryLayer(name, bassinFields(), QgsWkbTypes::MultiPolygon, crs);
    QgsRectangle all, metropolitan;
    QgsFeatureList features = bassinFeatures(dataset, layer->fields(), &all, &metropolitan);
    layer->dataProvider()->addFeatures(features);
    QHash<QString, QgsFeatureId> fids;
    for (const QgsFeature& f : std::as_const(features))
        fids.insert(f.attribute(0).toString(), f.id());
    layer->updateExtents();
    layer->setRenderer(createBassinRenderer(writeClassification(layer, fids, dataset, poles)));
    styles::setBassinLabels(layer);
    return layer;
}

void MapLayers::setCommuneStyle() {
    styles::setCommuneStyle(m_communes);
}

void MapLayers::createQpvLayer(const model::Dataset& dataset, const QgsCoordinateReferenceSystem& crs) {
    m_qpv = nullptr;
    if (dataset.qpvs.empty())
        return;
    QgsFields fields;
    fields.append(field("code", QVariant::String));
    fields.append(field("nom", QVariant::String));
    fields.append(field("population", QVariant::Double));
    m_qpv = QgsMemoryProviderUtils::createMemoryLayer(tr("Quartiers prioritaires (QPV)"), fields,
                                                      QgsWkbTypes::MultiPolygon, crs);
    QgsFeatureList features;
    for (const model::Qpv& q : dataset.qpvs) {
        QgsFeature f(fields);
        f.setGeometry(geometryFromWkb(q.geometry));
        f.setAttributes(QgsAttributes(QVector<QVariant>{qs(q.code), qs(q.name), q.population}));
        features.append(f);
    }
    m_qpv->dataProvider()->addFeatures(features);
    m_qpv->dataProvider()->createSpatialIndex();
    m_qpv->updateExtents();
    setLayerRole(m_qpv, QString::fromLatin1(role::Qpv));
    // An outline over the pôle colours, that the identify tool (main_window.cpp) describes on a click.
    m_qpv->setRenderer(new QgsSingleSymbolRenderer(
        styles::fillSymbol(QColor(0x7b, 0x32, 0x94, 50), QColor(0x7b, 0x32, 0x94), 0.6)));
    m_project->addMapLayer(m_qpv, false);
    insertInMapOrder(m_project, m_qpv); // under the selection outlines
}

void MapLayers::createZonesAndFacilitiesLayers(const model::Dataset& dataset) {
    for (QgsVectorLayer* previous : {m_zones.data(), m_facilities.data()})
        if (previous)
            m_project->removeMapLayer(previous); // the previous dataset's
    m_zones = createZonesLayer(dataset, tr("Infra-communal zones"));
    if (m_zones) {
        m_project->addMapLayer(m_zones, false);
        insertInMapOrder(m_project, m_zones); // over the communes, under the selection outlines
    }
    m_facilities = createFacilitiesLayer(dataset, tr("Health facilities (BPE)"));
    if (m_facilities) {
        m_project->addMapLayer(m_facilities, false);
        // Points of every commune would hide the pôle colours: shown when the user asks for them.
        QgsLayerTreeLayer* node = insertInMapOrder(m_project, m_facilities);
        node->setItemVisibilityChecked(false);
        // Its legend (up to 14 kinds) folded while it is off, unfolded when the user ticks it.
        node->setExpanded(false);
        node->setCustomProperty(kUnfoldWhenShown, true);
    }
}

void MapLayers::createSelectionLayer(const QgsCoordinateReferenceSystem& crs) {
    QgsFields fields;
    fields.append(field("kind", QVariant::String));
    fields.append(field("code", QVariant::String));
    m_selection =
        QgsMemoryProviderUtils::createMemoryLayer(tr("Selection"), fields, QgsWkbTypes::MultiPolygon, crs);
    setLayerRole(m_selection, QString::fromLatin1(role::Selection));
    // The outlines of the former highlights, under the labels; a selected BV keeps its pôle colour.
    const QgsCategoryList categories{
        QgsRendererCategory(featureKindName(FeatureKind::Bassin),
                            styles::fillSymbol(QColor(255, 255, 255, 40), QColor(0x11, 0x11, 0x11), 0.8),
                            tr("Selected bassin de vie")),
        QgsRendererCategory(featureKindName(FeatureKind::Commune),
                            styles::fillSymbol(QColor(255, 255, 255, 110), QColor(0x11, 0x11, 0x11), 0.55),
                            tr("Selected commune"))};
    m_selection->setRenderer(new QgsCategorizedSymbolRenderer(QStringLiteral("kind"), categories));
}

void MapLayers::applySelection() {
    if (!m_bassins || !m_communes)
        return;
    QgsFeatureIds bassinIds;
    for (const QString& code : m_session->selectedBassins()) {
        const QgsFeatureId fid = m_bassinFids.value(code, FID_NULL);
        if (fid != FID_NULL)
            bassinIds.insert(fid);
    }
    m_bassins->selectByIds(bassinIds);
    const QgsFeatureId commune = m_communeFids.value(m_session->currentCommune(), FID_NULL);
    m_communes->selectByIds(commune == FID_NULL ? QgsFeatureIds() : QgsFeatureIds{commune});
    if (!m_selection)
        return;
    // The outlines: the selected BVs, then the commune on top of them.
    QgsFeatureList outlines;
    auto add = [&](QgsVectorLayer* layer, QgsFeatureId fid, FeatureKind kind) {
        const QgsFeature source = layer->getFeature(fid);
        QgsFeature f(m_selection->fields());
        f.setGeometry(source.geometry());
        f.setAttributes(QgsAttributes(QVector<QVariant>{featureKindName(kind), source.attribute(0)}));
        outlines.append(f);
    };
    for (QgsFeatureId fid : std::as_const(bassinIds))
        add(m_bassins, fid, FeatureKind::Bassin);
    if (commune != FID_NULL)
        add(m_communes, commune, FeatureKind::Commune);
    m_selection->dataProvider()->truncate();
    m_selection->dataProvider()->addFeatures(outlines);
    m_selection->updateExtents();
    m_selection->triggerRepaint();
}

namespace {

//! The density field's value of commune `i` of `map`: the secret class, none (NaN) or the density.
QVariant densityAttribute(const DensityMap& map, std::size_t i) {
    if (i < map.masked.size() && map.masked[i])
        return QVariant(styles::kDensitySecretValue);
    return i >= map.values.size() || std::isnan(map.values[i]) ? QVariant() : QVariant(map.values[i]);
}

//! The communes' populations: the weights of the density classes.
std::vector<double> populations(const model::Dataset& dataset) {
    std::vector<double> out;
    out.reserve(dataset.communes.size());
    for (const model::Commune& c : dataset.communes)
        out.push_back(c.population);
    return out;
}

//! styles::densityRenderer for `map`.
QgsGraduatedSymbolRenderer* densityRenderer(const QString& field, const DensityMap& map,
                                            const model::Dataset& dataset, const analysis::ClassSpec& spec) {
    const bool anyMasked = std::find(map.masked.begin(), map.masked.end(), true) != map.masked.end();
    return styles::densityRenderer(field, map.values, populations(dataset), anyMasked, map.secrecyThreshold,
                                   map.request.accessibility, spec);
}

} // namespace

QString MapLayers::classesDescription(const analysis::ClassSpec& spec, int classes) {
    switch (spec.method) {
    case analysis::ClassMethod::WeightedQuantiles:
        return tr("%n population-weighted quantile class(es)", nullptr, classes);
    case analysis::ClassMethod::Quantiles:
        return tr("%n quantile class(es)", nullptr, classes);
    case analysis::ClassMethod::NaturalBreaks:
        return tr("%n class(es) of natural breaks", nullptr, classes);
    case analysis::ClassMethod::EqualIntervals:
        return tr("%n class(es) of equal width", nullptr, classes);
    case analysis::ClassMethod::Fixed:
        break;
    }
    return tr("%n class(es) of fixed limits", nullptr, classes);
}

QString MapLayers::densityTitle(const model::Dataset& dataset, const DensityMapRequest& request,
                                const analysis::ClassSpec& spec) {
    QString profession = tr("all professions");
    if (const model::Profession* p = dataset.catalogue.find(request.profession.toStdString()))
        profession = panel::professionLabel(*p);
    const QString what = request.accessibility
                             ? tr("Accessibility to %1 (%2)").arg(profession).arg(request.vintage)
                             : tr("Density of %1 (%2)").arg(profession).arg(request.vintage);
    const int classes = spec.method == analysis::ClassMethod::Fixed
                            ? static_cast<int>(spec.fixedLimits.size()) + 1
                            : spec.count;
    return tr("%1, %2").arg(what, classesDescription(spec, classes));
}

QString MapLayers::densityLegendHeading(const model::Dataset& dataset, const DensityMapRequest& request) {
    QString profession = tr("All professions");
    if (const model::Profession* p = dataset.catalogue.find(request.profession.toStdString()))
        profession = panel::professionLabel(*p);
    if (!profession.isEmpty())
        profession[0] = profession[0].toUpper(); // the legend's heading
    // Short enough for the layer tree: the classes below it give the unit.
    return (request.accessibility ? tr("%1 — accessibility (APL), %2") : tr("%1 — density, %2"))
        .arg(profession)
        .arg(request.vintage);
}

void MapLayers::showColouringInLegend(const QString& heading) {
    QgsLayerTree* root = m_project->layerTreeRoot();
    if (QgsLayerTreeLayer* communes = m_communes ? root->findLayer(m_communes) : nullptr) {
        // The tree's own name: the layer keeps its name ("Communes") for the rest of the application.
        communes->setUseLayerName(heading.isEmpty());
        if (!heading.isEmpty())
            communes->setName(heading);
        communes->setExpanded(true);
    }
    if (QgsLayerTreeLayer* bassins = m_bassins ? root->findLayer(m_bassins) : nullptr)
        bassins->setExpanded(heading.isEmpty());
}

QgsVectorLayer* MapLayers::createDensityLayer(const model::Dataset& dataset, const DensityMap& map,
                                              const analysis::ClassSpec& spec, const QString& name) {
    const QgsCoordinateReferenceSystem crs(QStringLiteral("EPSG:%1").arg(model::kWorkingEpsg));
    QgsFields fields = communeFields();
    const QString field =
        QString::fromLatin1(map.request.accessibility ? kAccessibilityField : kDensityField);
    fields.append(QgsField(field, QVariant::Double));
    QgsVectorLayer* layer =
        QgsMemoryProviderUtils::createMemoryLayer(name, fields, QgsWkbTypes::MultiPolygon, crs);
    QgsFeatureList features = communeFeatures(dataset, fields);
    const int index = fields.indexOf(field);
    for (int i = 0; i < features.size(); ++i)
        features[i].setAttribute(index, densityAttribute(map, static_cast<std::size_t>(i)));
    layer->dataProvider()->addFeatures(features);
    layer->updateExtents();
    layer->setRenderer(densityRenderer(field, map, dataset, spec));
    return layer;
}

void MapLayers::onDensityMapReady() {
    if (const DensityMap* map = m_session->shownDensityMap())
        setCommuneColouring(*map);
}

void MapLayers::setCommuneColouring(const DensityMap& map) {
    if (!m_communes)
        return;
    const model::Dataset& ds = m_session->dataset();
    const QString field =
        QString::fromLatin1(map.request.accessibility ? kAccessibilityField : kDensityField);
    QgsVectorDataProvider* provider = m_communes->dataProvider();
    if (m_communes->fields().indexOf(field) < 0) {
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
        provider->addAttributes({QgsField(field, QMetaType::Double, QStringLiteral("double"))});
#else
        provider->addAttributes({QgsField(field, QVariant::Double, QStringLiteral("double"))});
#endif
        m_communes->updateFields();
    }
    const int fieldIndex = m_communes->fields().indexOf(field);
    QgsChangedAttributesMap changes;
    for (std::size_t i = 0; i < ds.communes.size() && i < map.values.size(); ++i) {
        const QgsFeatureId fid = m_communeFids.value(qs(ds.communes[i].code), FID_NULL);
        if (fid == FID_NULL)
            continue;
        QgsAttributeMap change;
        change.insert(fieldIndex, densityAttribute(map, i));
        changes.insert(fid, change);
    }
    provider->changeAttributeValues(changes);
    m_communes->setRenderer(densityRenderer(field, map, ds, m_session->densityClasses()));
    // The map hides communes at small scales; a density map is read at the scale of the territory.
    m_communes->setScaleBasedVisibility(false);
    m_colouringTitle = densityTitle(ds, map.request, m_session->densityClasses());
    m_communesColoured = true;
    m_communes->setCustomProperty(QString::fromLatin1(kColouringProperty), m_colouringTitle);
    showColouringInLegend(densityLegendHeading(ds, map.request));
    m_communes->triggerRepaint();
    m_communes->emitStyleChanged();
    emit communeColouringChanged();
}

void MapLayers::resetCommuneColouring() {
    if (!m_communes || !m_communesColoured)
        return;
    setCommuneStyle();
    m_communesColoured = false;
    m_colouringTitle.clear();
    m_communes->removeCustomProperty(QString::fromLatin1(kColouringProperty));
    showColouringInLegend(QString());
    m_communes->triggerRepaint();
    m_communes->emitStyleChanged();
    emit communeColouringChanged();
}

bool MapLayers::addStoredDepartements() {
    const model::Dataset& dataset = m_session->dataset();
    if (dataset.departementOutlines.empty())
        return false;
    QgsFeatureList features;
    const QgsFields fields = m_departements->fields();
    for (const model::Outline& o : dataset.departementOutlines) {
        QgsFeature f(fields);
        f.setGeometry(geometryFromWkb(o.geometry));
        const auto name = dataset.departementNames.find(o.code);
        f.setAttributes(QgsAttributes(QVector<QVariant>{
            qs(o.code), name == dataset.departementNames.end() ? QString() : qs(name->second)}));
        features.append(f);
    }
    m_departements->dataProvider()->addFeatures(features);
    m_departements->updateExtents();
    m_departementsReady = true;
    emit departementsChanged();
    return true;
}

void MapLayers::startDepartementDissolve() {
    // Datasets imported since the outlines are stored need no dissolve; older ones are dissolved once
    // (in the background) and cached.
    if (addStoredDepartements())
        return;
    // Inputs copied for the worker thread: (département, commune WKB), and the names.
    struct Shared {
        std::map<QString, std::vector<QByteArray>> communesByDep;
        std::map<QString, QString> names;
        std::vector<DepartementShape> result;
    };
    auto shared = std::make_shared<Shared>();
    const model::Dataset& dataset = m_session->dataset();
    for (const model::Commune& c : dataset.communes) {
        if (c.geometry.empty() || c.dep.empty())
            continue;
        shared->communesByDep[qs(c.dep)].emplace_back(reinterpret_cast<const char*>(c.geometry.data()),
                                                      static_cast<int>(c.geometry.size()));
    }
    if (shared->communesByDep.empty()) {
        m_departementsReady = true;
        emit departementsChanged();
        return;
    }
    for (const auto& [code, name] : dataset.departementNames)
        shared->names[qs(code)] = qs(name);

    const int generation = m_generation;
    QPointer<MapLayers> self(this);
    FunctionTask* task = FunctionTask::start(
        tr("Département boundaries"),
        [shared](Feedback& feedback) {
            QCryptographicHash hash(QCryptographicHash::Sha1);
            for (const auto& [code, wkbs] : shared->communesByDep) {
                hash.addData(code.toUtf8());
                for (const QByteArray& wkb : wkbs)
                    hash.addData(wkb);
            }
            const QString cache = departementCachePath(hash.result());
            std::vector<DepartementShape> shapes;
            if (readDepartementCache(cache, shapes)) {
                shared->result = std::move(shapes);
                return;
            }
            std::size_t done = 0;
            for (const auto& [code, wkbs] : shared->communesByDep) {
                throwIfCanceled(&feedback);
                QVector<QgsGeometry> parts;
                parts.reserve(static_cast<int>(wkbs.size()));
                for (const QByteArray& wkb : wkbs) {
                    QgsGeometry g;
                    g.fromWkb(wkb);
                    parts.append(g);
                }
                QgsGeometry merged = QgsGeometry::unaryUnion(parts);
                merged.convertToMultiType();
                const auto name = shared->names.find(code);
                shapes.push_back({code, name == shared->names.end() ? QString() : name->second, merged});
                feedback.setProgress(100.0 * static_cast<double>(++done) /
                                     static_cast<double>(shared->communesByDep.size()));
            }
            writeDepartementCache(cache, shapes);
            shared->result = std::move(shapes);
        },
        [self, shared, generation](bool ok, const QString&) {
            if (!self || !ok || generation != self->m_generation || !self->m_departements)
                return;
            QgsFeatureList features;
            const QgsFields fields = self->m_departements->fields();
            for (const DepartementShape& d : shared->result) {
                QgsFeature f(fields);
                f.setGeometry(d.geometry);
                f.setAttributes(QgsAttributes(QVector<QVariant>{d.code, d.name}));
                features.append(f);
            }
            self->m_departements->dataProvider()->addFeatures(features);
            self->m_departements->updateExtents();
            self->m_departements->triggerRepaint();
            self->m_departementsReady = true;
            emit self->departementsChanged();
        });
    m_departementTask = task;
    emit backgroundTaskStarted(task);
}

} // namespace maillage::ui
