#include "ui/maillage_layers.h"

#include "ui/layer_roles.h"
#include "ui/panels/panel_util.h"
#include "ui/styles/layer_styles.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgsfeature.h>
#include <qgsfeaturerequest.h>
#include <qgsgeometry.h>
#include <qgslabelobstaclesettings.h>
#include <qgslayertree.h>
#include <qgslayertreegroup.h>
#include <qgslinesymbol.h>
#include <qgsmarkersymbol.h>
#include <qgspallabeling.h>
#include <qgsproject.h>
#include <qgsproperty.h>
#include <qgssinglesymbolrenderer.h>
#include <qgssymbollayerutils.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace maillage::ui {

using panel::number;
using panel::qs;

namespace {

const char* const kOwnerProperty = "maillage/owner";
const char* const kOwner = "maillage_layers";
// The disagreements between modelled, observed and declared links: a layer of this panel only.

QgsPointXY toPoint(const model::Point& p) {
    return QgsPointXY(p.x, p.y);
}

QString layerUri(const char* geometry, const QStringList& fields) {
    QString uri = QString::fromLatin1(geometry) + QStringLiteral("?crs=EPSG:%1").arg(model::kWorkingEpsg);
    for (const QString& f : fields)
        uri += QStringLiteral("&field=") + f;
    return uri;
}

// A line between two points, with the attributes of its layer's fields.
struct Line {
    model::Point from, to;
    QVector<QVariant> attributes;
};

// How a line layer is drawn: one symbol, or one per value of `categoryField`; widths growing with
// `widthField` on a log scale (fixed when it is empty); features drawn in increasing `orderBy` order,
// the strongest last, on top.
struct LineStyle {
    struct Category {
        QVariant value;
        QColor color;
        QString label;
        double minWidthMm = 0, maxWidthMm = 0; //!< 0: the style's
    };
    QColor color;                     //!< of the single symbol
    QString categoryField;            //!< "" = the single symbol
    std::vector<Category> categories; //!< with categoryField
    double widthMm = 1.0;
    QString lineStyle = QStringLiteral("solid");
    QString widthField;
    double minWidthMm = 0, maxWidthMm = 0;
    QStringList orderBy;
    //! When set, the renderer (given the range of widthField), instead of the symbols above.
    std::function<QgsFeatureRenderer*(double lo, double hi)> renderer;
};

// Fills `layer` with `lines`, gives it `style` and returns the features added, with their ids.
QgsFeatureList drawLines(QgsVectorLayer* layer, const std::vector<Line>& lines, const LineStyle& style) {
    const int widthIndex = style.widthField.isEmpty() ? -1 : layer->fields().indexOf(style.widthField);
    QgsFeatureList features;
    features.reserve(static_cast<int>(lines.size()));
    double lo = std::numeric_limits<double>::infinity(), hi = 0;
    for (const Line& line : lines) {
        QgsFeature f(layer->fields());
        f.setGeometry(QgsGeometry::fromPolylineXY({toPoint(line.from), toPoint(line.to)}));
        f.setAttributes(QgsAttributes(line.attributes));
        features << f;
        const double weight = widthIndex >= 0 ? line.attributes.value(widthIndex).toDouble() : 0;
        if (weight > 0) {
            lo = std::min(lo, weight);
            hi = std::max(hi, weight);
        }
    }
    layer->dataProvider()->addFeatures(features);
    layer->updateExtents();

    auto symbol = [&](const QColor& color, double minMm, double maxMm) {
        QgsLineSymbol* s = styles::lineSymbol(color, style.widthMm, style.lineStyle);
        if (widthIndex >= 0)
            s->setDataDefinedWidth(QgsProperty::fromExpression(
                styles::logWidthExpression(style.widthField, std::isfinite(lo) ? lo : 0, hi, minMm, maxMm)));
        return s;
    };
    QgsFeatureRenderer* renderer = nullptr;
    if (style.renderer) {
        renderer = style.renderer(std::isfinite(lo) ? lo : 0, hi);
    } else if (style.categoryField.isEmpty()) {
        renderer = new QgsSingleSymbolRenderer(symbol(style.color, style.minWidthMm, style.maxWidthMm));
    } else {
        QgsCategoryList categories;
        for (const auto& c : style.categories)
            categories << QgsRendererCategory(c.value,
                                              symbol(c.color,
                                                     c.maxWidthMm > 0 ? c.minWidthMm : style.minWidthMm,
                                                     c.maxWidthMm > 0 ? c.maxWidthMm : style.maxWidthMm),
                                              c.label);
        renderer = new QgsCategorizedSymbolRenderer(style.categoryField, categories);
    }
    if (!style.orderBy.isEmpty()) {
        QList<QgsFeatureRequest::OrderByClause> clauses;
        for (const QString& field : style.orderBy)
            clauses << QgsFeatureRequest::OrderByClause(field, true);
        renderer->setOrderBy(QgsFeatureRequest::OrderBy(clauses));
        renderer->setOrderByEnabled(true);
    }
    layer->setRenderer(renderer);
    layer->triggerRepaint();
    layer->emitStyleChanged();
    return features;
}

} // namespace

const QColor MaillageLayers::kDominantLinkColor = styles::dominantLinkColor();
const QColor MaillageLayers::kOtherLinkColor = styles::otherLinkColor();

MaillageLayers::MaillageLayers(QgsProject* project, QObject* parent) : QObject(parent), m_project(project) {}

QgsVectorLayer* MaillageLayers::links() const {
    return findLayerByRole(m_project, QString::fromLatin1(role::Links));
}
QgsVectorLayer* MaillageLayers::poles() const {
    return findLayerByRole(m_project, QString::fromLatin1(role::Poles));
}
QgsVectorLayer* MaillageLayers::flows() const {
    return findLayerByRole(m_project, QString::fromLatin1(role::Flows));
}
QgsVectorLayer* MaillageLayers::cooperations() const {
    return findLayerByRole(m_project, QString::fromLatin1(role::Cooperations));
}
QgsVectorLayer* MaillageLayers::crossing() const {
    return findLayerByRole(m_project, QString::fromLatin1(role::LinksCrossing));
}

QgsFeatureId MaillageLayers::linkFeature(int index) const {
    if (index < 0 || index >= static_cast<int>(m_linkFids.size()))
        return FID_NULL;
    return m_linkFids[static_cast<std::size_t>(index)];
}

void MaillageLayers::showMaillage(const analysis::MaillageResult& result, const model::Dataset& dataset,
                                  const model::MaillageParameters& parameters) {
    drawLinks(result, dataset);
    drawPoles(result, dataset, parameters);
}

void MaillageLayers::clear() {
    m_linkFids.clear();
    for (const char* r : {role::Links, role::Poles, role::Flows, role::Cooperations, role::LinksCrossing})
        removeLayer(r);
}

QgsVectorLayer* MaillageLayers::ensureLayer(const char* roleName, const QString& uri, const QString& name) {
    if (!m_project)
        return nullptr;
    QgsVectorLayer* layer = findLayerByRole(m_project, QString::fromLatin1(roleName));
    if (layer &&
        layer->customProperty(QString::fromLatin1(kOwnerProperty)).toString() == QLatin1String(kOwner)) {
        layer->dataProvider()->truncate();
        return layer;
    }
    if (layer) // someone else's layer with our role: replace it rather than mix its features with ours
        m_project->removeMapLayer(layer->id());
    layer = new QgsVectorLayer(uri, name, QStringLiteral("memory"));
    setLayerRole(layer, QString::fromLatin1(roleName));
    layer->setCustomProperty(QString::fromLatin1(kOwnerProperty), QString::fromLatin1(kOwner));
    m_project->addMapLayer(layer, false);
    insertInMapOrder(m_project, layer);
    return layer;
}

void MaillageLayers::removeLayer(const char* roleName) {
    if (!m_project)
        return;
    if (QgsVectorLayer* layer = findLayerByRole(m_project, QString::fromLatin1(roleName)))
        m_project->removeMapLayer(layer->id());
}

void MaillageLayers::drawLinks(const analysis::MaillageResult& result, const model::Dataset& ds) {
    QgsVectorLayer* layer = ensureLayer(
        role::Links,
        layerUri("LineString", {QStringLiteral("from_bv:string(10)"), QStringLiteral("to_bv:string(10)"),
                                QStringLiteral("from_name:string(100)"),
                                QStringLiteral("to_name:string(100)"), QStringLiteral("distance:double"),
                                QStringLiteral("intensity:double"), QStringLiteral("dominant:integer")}),
        tr("Maillage links"));
    m_linkFids.clear();
    if (!layer)
        return;
    std::vector<Line> lines;
    lines.reserve(result.links.size());
    for (const analysis::Link& l : result.links) {
        const auto& a = result.nodes[l.from];
        const auto& b = result.nodes[l.to];
        lines.push_back({a.position,
                         b.position,
                         {qs(a.bv), qs(b.bv), panel::bassinName(ds, a.bv), panel::bassinName(ds, b.bv),
                          l.distance, l.intensity, l.dominant ? 1 : 0}});
    }
    // The hierarchy (dominant links) carries the network: dark and wide; the other links stay light and
    // thin, so that dense regions do not turn into a dark mass that buries the pôles and their labels. At
    // the scale of a country, the dominant links only, lighter: the rules of the dataset's own style.
    LineStyle style;
    style.widthField = QStringLiteral("intensity");
    style.renderer = styles::modelledLinksRenderer;
    for (const QgsFeature& f : drawLines(layer, lines, style))
        m_linkFids.push_back(f.id());
}

void MaillageLayers::drawPoles(const analysis::MaillageResult& result, const model::Dataset& ds,
                               const model::MaillageParameters& p) {
    QgsVectorLayer* layer = ensureLayer(
        role::Poles,
        layerUri("Point", {QStringLiteral("bv:string(10)"), QStringLiteral("name:string(100)"),
                           QStringLiteral("type:integer"), QStringLiteral("mass:double"),
                           QStringLiteral("isolated:integer"), QStringLiteral("nearest_peer:double")}),
        tr("Pôles"));
    if (!layer)
        return;
    QgsFeatureList features;
    for (int i = 0; i < static_cast<int>(result.nodes.size()); ++i) {
        const auto& n = result.nodes[i];
        const bool isolated = i < static_cast<int>(result.isolated.size()) && result.isolated[i];
        const double nearest = i < static_cast<int>(result.nearestPeerDistance.size()) &&
                                       std::isfinite(result.nearestPeerDistance[i])
                                   ? result.nearestPeerDistance[i]
                                   : -1.0;
        QgsFeature f(layer->fields());
        f.setGeometry(QgsGeometry::fromPointXY(toPoint(n.position)));
        f.setAttributes(QgsAttributes(QVector<QVariant>{qs(n.bv), panel::bassinName(ds, n.bv),
                                                        static_cast<int>(n.type), n.mass, isolated ? 1 : 0,
                                                        nearest >= 0 ? QVariant(nearest) : QVariant()}));
        features << f;
    }
    layer->dataProvider()->addFeatures(features);
    layer->updateExtents();

    const bool minutes = result.distanceUnit == "min";
    const QString threshold = minutes ? tr("%1 min").arg(number(p.isolationMinutes))
                                      : tr("%1 km").arg(number(p.isolationDistanceKm));
    layer->setRenderer(styles::poleRenderer(threshold));
    styles::setBlocksLabels(layer);
    layer->triggerRepaint();
    layer->emitStyleChanged();
}

void MaillageLayers::showFlows(const model::Dataset& ds, bool on) {
    Warnings warnings;
    showFlows(ds,
              on && !ds.flows.empty() ? analysis::aggregateFlows(ds, warnings)
                                      : std::vector<analysis::BassinFlow>{},
              on);
}

void MaillageLayers::showFlows(const model::Dataset& ds, const std::vector<analysis::BassinFlow>& flows,
                               bool on) {
    if (!on || ds.flows.empty()) {
        removeLayer(role::Flows);
        return;
    }
    QgsVectorLayer* layer = ensureLayer(
        role::Flows,
        layerUri("LineString",
                 {QStringLiteral("origin:string(10)"), QStringLiteral("destination:string(10)"),
                  QStringLiteral("origin_name:string(100)"), QStringLiteral("destination_name:string(100)"),
                  QStringLiteral("volume:double")}),
        tr("Observed flows"));
    if (!layer)
        return;
    std::vector<Line> lines;
    for (const auto& f : flows) {
        const model::Bassin* a = ds.bassin(f.origin);
        const model::Bassin* b = ds.bassin(f.destination);
        if (a && b)
            lines.push_back({a->anchor,
                             b->anchor,
                             {qs(f.origin), qs(f.destination), qs(a->name), qs(b->name), f.volume}});
    }
    LineStyle style;
    style.color = styles::flowColor();
    style.widthField = QStringLiteral("volume");
    style.minWidthMm = styles::kFlowWidths.minMm;
    style.maxWidthMm = styles::kFlowWidths.maxMm;
    style.orderBy = QStringList{QStringLiteral("volume")};
    drawLines(layer, lines, style);
}

void MaillageLayers::showCooperations(const model::Dataset& ds,
                                      const std::vector<analysis::PoleClassification>& poles, bool on) {
    if (!on || ds.cooperations.empty()) {
        removeLayer(role::Cooperations);
        return;
    }
    const std::vector<analysis::DeclaredLink> declared = analysis::declaredLinks(ds, poles).links;
    QgsVectorLayer* layer = ensureLayer(
        role::Cooperations,
        layerUri("LineString",
                 {QStringLiteral("cooperation:string(200)"), QStringLiteral("kind:string(40)"),
                  QStringLiteral("from_bv:string(10)"), QStringLiteral("to_bv:string(10)"),
                  QStringLiteral("from_name:string(100)"), QStringLiteral("to_name:string(100)")}),
        tr("Declared cooperations"));
    if (!layer)
        return;
    std::vector<Line> lines;
    for (const auto& d : declared) {
        const model::Bassin* a = ds.bassin(d.from);
        const model::Bassin* b = ds.bassin(d.to);
        if (a && b)
            lines.push_back(
                {a->anchor,
                 b->anchor,
                 {qs(d.cooperation), qs(d.kind), qs(d.from), qs(d.to), qs(a->name), qs(b->name)}});
    }
    LineStyle style; // dashed: declared, not measured
    style.color = styles::cooperationColor();
    style.widthMm = styles::kCooperationWidthMm;
    style.lineStyle = QStringLiteral("dash");
    drawLines(layer, lines, style);
}

void MaillageLayers::showCrossing(const analysis::LinkCrossing& crossing, const model::Dataset& ds, bool on) {
    if (!on) {
        removeLayer(role::LinksCrossing);
        return;
    }
    QgsVectorLayer* layer = ensureLayer(
        role::LinksCrossing,
        layerUri("LineString",
                 {QStringLiteral("finding:string(12)"), QStringLiteral("from_bv:string(10)"),
                  QStringLiteral("to_bv:string(10)"), QStringLiteral("from_name:string(100)"),
                  QStringLiteral("to_name:string(100)"), QStringLiteral("cooperation:string(200)")}),
        tr("Modelled vs declared"));
    if (!layer)
        return;
    std::vector<Line> lines;
    for (const analysis::CrossedLink& l : crossing.links) {
        const model::Bassin* a = ds.bassin(l.a);
        const model::Bassin* b = ds.bassin(l.b);
        const bool undeclared = l.finding == analysis::CrossingFinding::Undeclared;
        if (a && b)
            lines.push_back({a->anchor,
                             b->anchor,
                             {undeclared ? QStringLiteral("undeclared") : QStringLiteral("unsupported"),
                              qs(l.a), qs(l.b), qs(a->name), qs(b->name), qs(l.cooperation)}});
    }
    // Drawn above the links: what the user is asked to look at.
    LineStyle style;
    style.categoryField = QStringLiteral("finding");
    style.widthMm = 1.2;
    style.categories = {
        {QStringLiteral("undeclared"), QColor(0xD6, 0x27, 0x28),
         tr("Strong link with no declared cooperation")},
        {QStringLiteral("unsupported"), QColor(0xFF, 0x8C, 0x00),
         tr("Declared cooperation with no strong link")},
    };
    drawLines(layer, lines, style);
}

} // namespace maillage::ui
