#include "ui/styles/pole_name_placement.h"

#include "ui/styles/layer_styles.h"

#include <QFontMetrics>
#include <QPointer>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include <qgsexpressioncontextutils.h>
#include <qgsfeatureiterator.h>
#include <qgsmapsettings.h>
#include <qgsmarkersymbol.h>
#include <qgspallabeling.h>
#include <qgsrendercontext.h>
#include <qgsrenderer.h>
#include <qgsrulebasedlabeling.h>
#include <qgstextrenderer.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

namespace maillage::ui {

namespace {

//! Costs of a position: covering a large pôle's marker (only when no other position is clear), a smaller
//! pôle's marker (the whole marker; a part, its share), and the order of preference (a tie-break only).
constexpr double kCoveredLargeMarkerCost = 100;
constexpr double kCoveredMarkerCost = 1;
//! Cost of a large name left out, weighed when choosing the position of a heavier one.
constexpr double kLeftOutCost = 1000;
constexpr double kPreferenceCost = 0.01;
//! Cost of a position of the second ring, farther from the marker: taken when the first ring has no clear
//! position, or only ones over a large pôle's marker (a far name's box takes more room from the names after
//! it: at 0.5, preferred to hiding half a small marker, it left Montpellier and Le Mans unnamed at 1:9.2M).
constexpr double kFarRingCost = 50;
//! The second ring's distance from the marker, in multiples of the labels' distance.
constexpr double kFarRingFactor = 2.5;
//! How many names may be moved to make room for one left out, and how far the chain of moves may go: each
//! name moved may move at most that many in turn (makeRoom()).
constexpr std::size_t kMovedToMakeRoom = 2;
constexpr int kMoveChain = 3;
//! The most the positions of the names moved to make room for one left out may cost more, its own
//! included: its name in the second ring, and about as much again for the others (Vienne's at 1:9,200,000:
//! 55, eight names moved; moved farther, names ended far from their pôle: Strasbourg's over Lorraine in
//! the workshop).
constexpr double kRoomCost = 2 * kFarRingCost;
//! How many moves are tried at most for each position of a name left out (a crowded map, many names left
//! out: each search stays within a few milliseconds).
constexpr int kMovesTried = 2000;
//! How many large pôles are named on a map whatever the share of it their names cover: the landmarks of a
//! territory (Hauts-de-France has 6 grands pôles; in the workshop's two maps of 1280×720 their names,
//! "Douai - Lens" 190 pixels long, cover 30 % of the région).
constexpr std::size_t kAlwaysNamed = 8;

QgsRectangle grown(const QgsRectangle& rect, double by) {
    return QgsRectangle(rect.xMinimum() - by, rect.yMinimum() - by, rect.xMaximum() + by,
                        rect.yMaximum() + by);
}

//! How many of `names`, in their order, fit in `area` (map units²) with their halos; the first
//! kAlwaysNamed whatever their area.
std::size_t namesWithin(const std::vector<NameBox>& names, double area) {
    double covered = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        covered += (names[i].width + 2 * names[i].clearance) * (names[i].height + 2 * names[i].clearance);
        if (covered > area && i >= kAlwaysNamed)
            return i;
    }
    return names.size();
}

//! The share of `marker`'s square that `text` covers (0 to 1): a name grazing a marker hides little of it.
double coveredShare(const QgsRectangle& text, const Marker& marker) {
    if (marker.halfSize <= 0)
        return text.contains(marker.point) ? 1 : 0;
    const QgsRectangle square(marker.point.x() - marker.halfSize, marker.point.y() - marker.halfSize,
                              marker.point.x() + marker.halfSize, marker.point.y() + marker.halfSize);
    if (!text.intersects(square))
        return 0;
    const QgsRectangle covered = text.intersect(square);
    return covered.width() * covered.height() / (square.width() * square.height());
}

//! The label settings of `layer` that name the large pôles (their position order reads the variable) and
//! the filter of their rule ("" for all features); false when the layer has none.
bool largeNameSettings(const QgsVectorLayer& layer, QgsPalLayerSettings* settings, QString* filter) {
    const QgsAbstractVectorLayerLabeling* labeling = layer.labeling();
    if (!labeling || !layer.labelsEnabled())
        return false;
    const QString variable = QString::fromLatin1(styles::kLargeNamePositionsVariable);
    const auto* rules = dynamic_cast<const QgsRuleBasedLabeling*>(labeling);
    for (const QString& id : labeling->subProviders()) {
        const QgsPalLayerSettings candidate = labeling->settings(id);
        const QgsProperty order =
            candidate.dataDefinedProperties().property(QgsPalLayerSettings::PredefinedPositionOrder);
        if (!order.isActive() || !order.expressionString().contains(variable))
            continue;
        const QgsRuleBasedLabeling::Rule* rule = rules ? rules->rootRule()->findRuleByKey(id) : nullptr;
        *filter = rule ? rule->filterExpression() : QString();
        *settings = candidate;
        return true;
    }
    return false;
}

//! A pôle of a labelled layer: its anchor in map units, its name's box when it is named by the large
//! names' rule, its rank.
struct Pole {
    QString code;
    QgsFeatureId id = 0;
    QgsPointXY anchor;
    bool named = false;
    double priority = 0;
    NameBox box;
    QString text;         //!< of its name, as the labels write it
    QgsTextFormat format; //!< of its name, at its size
};

//! The pôles of `layer` (types 1 to 4) whose anchor is in `extent`; the large ones named by `settings`
//! sized for `context`.
std::vector<Pole> polesOf(const QgsVectorLayer& layer, const QgsPalLayerSettings& settings,
                          const QString& filter, const QgsMapSettings& map, QgsRenderContext& context) {
    const QgsFields fields = layer.fields();
    const int type = fields.indexOf(QString::fromLatin1(styles::kPoleTypeField));
    const int code = fields.indexOf(QStringLiteral("code"));
    const int ax = fields.indexOf(QStringLiteral("anchor_x"));
    const int ay = fields.indexOf(QStringLiteral("anchor_y"));
    std::vector<Pole> poles;
    if (type < 0 || code < 0 || ax < 0 || ay < 0)
        return poles;
    QgsExpressionContext expressions(
        QgsExpressionContextUtils::globalProjectLayerScopes(const_cast<QgsVectorLayer*>(&layer)));
    expressions.appendScope(QgsExpressionContextUtils::mapSettingsScope(map)); // the text may read @map_scale
    QgsExpression textExpression(settings.isExpression ? settings.fieldName : QString());
    if (settings.isExpression)
        textExpression.prepare(&expressions);
    QgsExpression rule(filter.isEmpty() ? QStringLiteral("true") : filter);
    rule.prepare(&expressions);
    QgsPalLayerSettings label = settings; // its expressions prepared once
    label.dataDefinedProperties().prepare(expressions);
    const QgsRectangle extent = map.visibleExtent();
    const double unitsPerPixel = map.mapUnitsPerPixel();
    const double distance =
        context.convertToMapUnits(settings.dist, settings.distUnits, settings.distMapUnitScale);
    const QgsTextFormat format = settings.format();
    const double clearance =
        format.buffer().enabled()
            ? context.convertToMapUnits(format.buffer().size(), format.buffer().sizeUnit(),
                                        format.buffer().sizeMapUnitScale())
            : 0.0;
    QgsFeatureRequest request;
    request.setFlags(QgsFeatureRequest::NoGeometry);
    request.setFilterExpression(
        QStringLiteral("\"%1\" >= 1").arg(QString::fromLatin1(styles::kPoleTypeField)));
    QgsFeatureIterator it = layer.getFeatures(request);
    QgsFeature f;
    while (it.nextFeature(f)) {
        Pole pole;
        pole.code = f.attribute(code).toString();
        pole.anchor = map.layerToMapCoordinates(
            &layer, QgsPointXY(f.attribute(ax).toDouble(), f.attribute(ay).toDouble()));
        if (!extent.contains(pole.anchor))
            continue;
        expressions.setFeature(f);
        pole.id = f.id();
        pole.named = rule.evaluate(&expressions).toBool();
        if (pole.named) {
            pole.text = settings.isExpression ? textExpression.evaluate(&expressions).toString()
                                              : f.attribute(fields.indexOf(settings.fieldName)).toString();
            pole.format = format;
            pole.format.setSize(label.dataDefinedProperties().valueAsDouble(QgsPalLayerSettings::Size,
                                                                            expressions, format.size()));
            pole.priority = label.dataDefinedProperties().valueAsDouble(QgsPalLayerSettings::Priority,
                                                                        expressions, settings.priority);
            pole.box.anchor = pole.anchor;
            pole.box.width = QgsTextRenderer::textWidth(context, pole.format, {pole.text}) * unitsPerPixel;
            pole.box.height =
                QgsTextRenderer::textHeight(context, pole.format, {pole.text}, QgsTextRenderer::Rect) *
                unitsPerPixel;
            pole.box.distance = distance;
            pole.box.farDistance = distance * kFarRingFactor;
            pole.box.clearance = clearance;
            // QGIS's visual margins of a text around a point: a quarter of its ascent at the top, its
            // descent and a pixel at the bottom (whole pixels, as QFontMetrics gives them).
            const QFontMetrics metrics(pole.format.scaledFont(context));
            pole.box.marginTop = 0.25 * metrics.ascent() * unitsPerPixel;
            pole.box.marginBottom = (1.0 + metrics.descent()) * unitsPerPixel;
        }
        poles.push_back(pole);
    }
    return poles;
}

//! The label obstacles of `layer` that draw no text (styles::setBlocksLabels(): the maillage's pôle markers).
bool blocksLabels(const QgsVectorLayer& layer) {
    const auto* labeling = dynamic_cast<const QgsVectorLayerSimpleLabeling*>(layer.labeling());
    if (!labeling || !layer.labelsEnabled())
        return false;
    const QgsPalLayerSettings settings = labeling->settings();
    return !settings.drawLabels && settings.obstacleSettings().isObstacle();
}

//! The markers of the pôles on the map `settings` draws: those of its point layers that keep the names off
//! them, at their symbols' sizes; when it has none, a dot of `dotHalfSize` at each of `poles`.
std::vector<Marker> markersOn(const QgsMapSettings& settings, QgsRenderContext& context,
                              const std::vector<Pole>& poles, double dotHalfSize) {
    std::vector<Marker> markers;
    const double unitsPerPixel = settings.mapUnitsPerPixel();
    const double tolerance = unitsPerPixel;
    auto isLarge = [&](const QgsPointXY& point) {
        return std::any_of(poles.cbegin(), poles.cend(), [&](const Pole& pole) {
            return pole.named && pole.anchor.sqrDist(point) <= tolerance * tolerance;
        });
    };
    for (QgsMapLayer* mapLayer : settings.layers()) {
        auto* layer = qobject_cast<QgsVectorLayer*>(mapLayer);
        if (!layer || layer->geometryType() != QgsWkbTypes::PointGeometry || !layer->renderer() ||
            !blocksLabels(*layer))
            continue;
        std::unique_ptr<QgsFeatureRenderer> renderer(layer->renderer()->clone());
        QgsExpressionContextScope* scope = QgsExpressionContextUtils::layerScope(layer);
        context.expressionContext().appendScope(scope);
        renderer->startRender(context, layer->fields());
        QgsFeatureIterator it = layer->getFeatures(QgsFeatureRequest().setFilterRect(
            settings.mapToLayerCoordinates(layer, settings.visibleExtent())));
        QgsFeature f;
        while (it.nextFeature(f)) {
            context.expressionContext().setFeature(f);
            const auto* symbol = dynamic_cast<const QgsMarkerSymbol*>(renderer->symbolForFeature(f, context));
            if (!symbol || f.geometry().isNull())
                continue;
            const QgsPointXY point = settings.layerToMapCoordinates(layer, f.geometry().asPoint());
            markers.push_back({point, symbol->size(context) / 2 * unitsPerPixel, isLarge(point)});
        }
        renderer->stopRender(context);
        delete context.expressionContext().popScope();
    }
    if (markers.empty())
        for (const Pole& pole : poles)
            markers.push_back({pole.anchor, dotHalfSize, pole.named});
    return markers;
}

using Boxes = std::vector<std::vector<QgsRectangle>>;
using Costs = std::vector<std::vector<double>>;

//! The positions of name `i` with a cost (inside the map, off the boxes), cheapest first.
std::vector<int> positionsByCost(std::size_t i, const Costs& costs) {
    std::vector<int> positions;
    for (int p = 0; p < static_cast<int>(costs[i].size()); ++p)
        if (std::isfinite(costs[i][p]))
            positions.push_back(p);
    std::stable_sort(positions.begin(), positions.end(),
                     [&](int a, int b) { return costs[i][a] < costs[i][b]; });
    return positions;
}

//! Puts name `i` at `p` in `chosen`, moving the names there (at most kMovedToMakeRoom, none of `fixed`) to
//! other positions of theirs, clear or made clear the same way `depth` moves further on; false, `chosen` as
//! it was, when they cannot all move or `budget` (moves tried) runs out.
bool placeMoving(std::size_t i, int p, int depth, const Boxes& boxes, const Costs& costs,
                 std::vector<int>& chosen, std::vector<bool>& fixed, int& budget) {
    if (--budget < 0)
        return false;
    std::vector<std::size_t> over;
    for (std::size_t j = 0; j < chosen.size(); ++j)
        if (j != i && chosen[j] >= 0 && boxes[i][p].intersects(boxes[j][chosen[j]])) {
            if (fixed[j] || over.size() == kMovedToMakeRoom || depth == 0)
                return false;
            over.push_back(j);
        }
    const std::vector<int> before = chosen;
    chosen[i] = p;
    fixed[i] = true;
    bool moved = true;
    for (std::size_t j : over)
        chosen[j] = -1;
    for (std::size_t b = 0; moved && b < over.size(); ++b) {
        const std::size_t j = over[b];
        moved = false;
        for (int q : positionsByCost(j, costs))
            if (q != before[j] && placeMoving(j, q, depth - 1, boxes, costs, chosen, fixed, budget)) {
                moved = true;
                break;
            }
    }
    fixed[i] = false;
    if (!moved)
        chosen = before;
    return moved;
}

//! Places name `k`, left out in `chosen`, where the names over it can move (placeMoving()) for the least
//! added cost, under kRoomCost; false when there is no such position.
bool makeRoom(std::size_t k, const Boxes& boxes, const Costs& costs, std::vector<int>& chosen) {
    std::vector<bool> fixed(chosen.size(), false);
    double lowest = kRoomCost;
    std::vector<int> best;
    for (int p : positionsByCost(k, costs)) {
        std::vector<int> trial = chosen;
        int budget = kMovesTried;
        if (!placeMoving(k, p, kMoveChain, boxes, costs, trial, fixed, budget))
            continue;
        double added = 0;
        for (std::size_t j = 0; j < chosen.size(); ++j)
            if (trial[j] != chosen[j])
                added += costs[j][trial[j]] - (chosen[j] >= 0 ? costs[j][chosen[j]] : 0.0);
        if (added < lowest) {
            lowest = added;
            best = std::move(trial);
        }
    }
    if (best.empty())
        return false;
    chosen = std::move(best);
    return true;
}

} // namespace

int namePositionCount(const NameBox& name) {
    return name.farDistance > name.distance ? 2 * kRingPositions : kRingPositions;
}

const QStringList& namePositionCodes() {
    static const QStringList codes{QStringLiteral("TR"), QStringLiteral("TL"), QStringLiteral("BR"),
                                   QStringLiteral("BL"), QStringLiteral("R"),  QStringLiteral("L"),
                                   QStringLiteral("T"),  QStringLiteral("B")};
    return codes;
}

QgsRectangle nameRect(const NameBox& name, int position) {
    // QGIS's ordered positions around a point: the text's corner (or the middle of its side) at the label
    // distance from the anchor, on the diagonal for a corner.
    const double d = position < kRingPositions ? name.distance : name.farDistance;
    const double c = d * std::sqrt(0.5);
    const double w = name.width, h = name.height;
    const double x = name.anchor.x(), y = name.anchor.y();
    // Above the marker the text's box goes down by its bottom margin, below it up by its top margin.
    const double above = y + c - name.marginBottom, below = y - c + name.marginTop;
    switch (position % kRingPositions) {
    case 0: // top right
        return QgsRectangle(x + c, above, x + c + w, above + h);
    case 1: // top left
        return QgsRectangle(x - c - w, above, x - c, above + h);
    case 2: // bottom right
        return QgsRectangle(x + c, below - h, x + c + w, below);
    case 3: // bottom left
        return QgsRectangle(x - c - w, below - h, x - c, below);
    case 4: // right
        return QgsRectangle(x + d, y - h / 2, x + d + w, y + h / 2);
    case 5: // left
        return QgsRectangle(x - d - w, y - h / 2, x - d, y + h / 2);
    case 6: // top
        return QgsRectangle(x - w / 2, y + d - name.marginBottom, x + w / 2, y + d - name.marginBottom + h);
    default: // bottom
        return QgsRectangle(x - w / 2, y - d + name.marginTop - h, x + w / 2, y - d + name.marginTop);
    }
}

std::vector<std::vector<int>> chooseNamePositions(const std::vector<NameBox>& names,
                                                  const std::vector<Marker>& markers,
                                                  const QgsRectangle& extent,
                                                  const QList<QgsRectangle>& keepOff) {
    const std::size_t n = names.size();
    constexpr double kNone = std::numeric_limits<double>::infinity();
    // What does not depend on the other names: each position's box (with its clearance), and its cost (none
    // when outside the map or under a box).
    std::vector<std::vector<QgsRectangle>> boxes(n); // what no other name may touch
    std::vector<std::vector<double>> costs(n, std::vector<double>(2 * kRingPositions, kNone));
    std::vector<QgsRectangle> reach(n); // all the positions of a name
    // The markers by abscissa: a position's cost reads only those whose square may meet its text (each
    // position against every marker was half of the placement's time on the national map, 700 markers).
    std::vector<std::size_t> byX(markers.size());
    for (std::size_t m = 0; m < markers.size(); ++m)
        byX[m] = m;
    std::sort(byX.begin(), byX.end(),
              [&](std::size_t a, std::size_t b) { return markers[a].point.x() < markers[b].point.x(); });
    double widestHalf = 0;
    for (const Marker& marker : markers)
        widestHalf = std::max(widestHalf, marker.halfSize);
    std::vector<std::size_t> near;
    auto markersNear = [&](const QgsRectangle& text) -> const std::vector<std::size_t>& {
        const auto from = std::lower_bound(byX.cbegin(), byX.cend(), text.xMinimum() - widestHalf,
                                           [&](std::size_t m, double x) { return markers[m].point.x() < x; });
        const auto to = std::upper_bound(from, byX.cend(), text.xMaximum() + widestHalf,
                                         [&](double x, std::size_t m) { return x < markers[m].point.x(); });
        near.assign(from, to);
        std::sort(near.begin(), near.end()); // summed in the markers' order, as before: the same costs
        return near;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const NameBox& name = names[i];
        for (int p = 0; p < namePositionCount(name); ++p) {
            const QgsRectangle text = nameRect(name, p);
            // Whole halos inside the map and off the boxes; between two names, half of each halo: halos may
            // overlap one another, no text goes over another name's halo (a quarter of each let a name
            // cover half the width of its neighbour's).
            const QgsRectangle box = grown(text, name.clearance);
            boxes[i].push_back(grown(text, name.clearance / 2));
            reach[i].combineExtentWith(box);
            if (!extent.contains(box) ||
                std::any_of(keepOff.cbegin(), keepOff.cend(),
                            [&box](const QgsRectangle& r) { return box.intersects(r); }))
                continue;
            double cost = kPreferenceCost * p + (p >= kRingPositions ? kFarRingCost : 0);
            for (std::size_t m : markersNear(text)) {
                const Marker& marker = markers[m];
                if (marker.point != name.anchor)
                    cost += (marker.large ? kCoveredLargeMarkerCost : kCoveredMarkerCost) *
                            coveredShare(text, marker);
            }
            costs[i][p] = cost;
        }
    }
    // The cheapest position of name `i` off the boxes of `placed`, and its cost (kNone: none).
    auto best = [&](std::size_t i, const std::vector<QgsRectangle>& placed, double* cost) {
        int chosen = -1;
        *cost = kNone;
        for (int p = 0; p < namePositionCount(names[i]); ++p) {
            const QgsRectangle& box = boxes[i][p];
            if (costs[i][p] < *cost &&
                std::none_of(placed.cbegin(), placed.cend(),
                             [&box](const QgsRectangle& r) { return box.intersects(r); })) {
                *cost = costs[i][p];
                chosen = p;
            }
        }
        return chosen;
    };
    // Heaviest first, each position judged with the names after it that it may push away, placed after it
    // in turn (a name left without room counts kLeftOutCost): Douai - Lens right above its marker left
    // Valenciennes only a position over Maubeuge's marker; on its left it leaves Valenciennes its first.
    std::vector<int> chosen(n, -1);
    std::vector<QgsRectangle> placed;
    for (std::size_t i = 0; i < n; ++i) {
        double lowest = kNone;
        for (int p = 0; p < namePositionCount(names[i]); ++p) {
            if (costs[i][p] == kNone ||
                std::any_of(placed.cbegin(), placed.cend(),
                            [&](const QgsRectangle& r) { return boxes[i][p].intersects(r); }))
                continue;
            double total = costs[i][p];
            std::vector<QgsRectangle> then = placed;
            then.push_back(boxes[i][p]);
            for (std::size_t j = i + 1; j < n && total < lowest; ++j) {
                if (!reach[j].intersects(reach[i]))
                    continue;
                double cost = 0;
                const int q = best(j, then, &cost);
                total += q >= 0 ? cost : kLeftOutCost;
                if (q >= 0)
                    then.push_back(boxes[j][q]);
            }
            if (total < lowest) {
                lowest = total;
                chosen[i] = p;
            }
        }
        if (chosen[i] >= 0)
            placed.push_back(boxes[i][chosen[i]]);
    }
    // A name left out while the names placed before it had room elsewhere (Lyon's, Saint-Étienne's and
    // Chambéry's names over every position of Vienne's at 1:9,200,000): placed where the names over it can
    // move, each to a position clear of the others or one whose own names can move in turn.
    for (std::size_t k = 0; k < n; ++k)
        if (chosen[k] < 0)
            makeRoom(k, boxes, costs, chosen);
    // Then, after the position chosen, those that no other large name can take (any of its positions), off
    // the large markers and covering less than one small marker: QGIS may move the name there to make room
    // for another label (an early warning's sentence) without ever putting it over another large name.
    std::vector<std::vector<int>> orders(n);
    std::vector<std::pair<std::size_t, QgsRectangle>> taken; // every position a large name may take
    for (std::size_t i = 0; i < n; ++i)
        if (chosen[i] >= 0)
            taken.emplace_back(i, boxes[i][chosen[i]]);
    for (std::size_t i = 0; i < n; ++i) {
        if (chosen[i] < 0)
            continue;
        orders[i].push_back(chosen[i]);
        for (int p = 0; p < namePositionCount(names[i]); ++p) {
            const QgsRectangle& box = boxes[i][p];
            // QGIS takes one distance for a name's positions: those of its ring.
            if (p == chosen[i] || p / kRingPositions != chosen[i] / kRingPositions ||
                !(costs[i][p] < kCoveredMarkerCost) ||
                std::any_of(taken.cbegin(), taken.cend(), [&](const auto& other) {
                    return other.first != i && box.intersects(other.second);
                }))
                continue;
            orders[i].push_back(p);
            taken.emplace_back(i, box);
        }
    }
    return orders;
}

LargeNamePlacement largePoleNamePlacement(const QgsMapSettings& settings, const QList<QgsRectangle>& keepOff,
                                          double maxCover) {
    LargeNamePlacement placement;
    QgsRenderContext context = QgsRenderContext::fromMapSettings(settings);
    for (QgsMapLayer* mapLayer : settings.layers()) {
        const auto* layer = qobject_cast<const QgsVectorLayer*>(mapLayer);
        QgsPalLayerSettings label;
        QString filter;
        if (!layer || !largeNameSettings(*layer, &label, &filter))
            continue;
        std::vector<Pole> poles = polesOf(*layer, label, filter, settings, context);
        // The heaviest first: the label priority ranks the pôles by type, then mass.
        std::stable_sort(poles.begin(), poles.end(), [](const Pole& a, const Pole& b) {
            return a.named != b.named ? a.named : a.priority > b.priority;
        });
        std::vector<NameBox> names;
        for (const Pole& pole : poles)
            if (pole.named)
                names.push_back(pole.box);
        if (names.empty())
            continue;
        const std::size_t named = names.size();
        // Where the names must be read from across the room (the workshop), they leave the territory in
        // sight: the lightest ones beyond their share of it are left out (issue 11).
        if (maxCover > 0) {
            const QgsRectangle territory = settings.layerExtentToOutputExtent(layer, layer->extent())
                                               .intersect(settings.visibleExtent());
            names.resize(namesWithin(names, maxCover * territory.width() * territory.height()));
        }
        std::vector<std::vector<int>> orders =
            chooseNamePositions(names, markersOn(settings, context, poles, names.front().distance / 2),
                                settings.visibleExtent(), keepOff);
        orders.resize(named); // those beyond the share: no position, left out
        QVariantMap byCode;   // "" (not named): no room left beside the names of the heavier pôles
        QVariantMap farByCode;
        int leftOut = 0;
        for (std::size_t i = 0; i < named; ++i) {
            QStringList order;
            for (int p : orders[i])
                order << namePositionCodes().at(p % kRingPositions);
            // Left out: an empty string, not a null one, which QGIS's expressions read as NULL, "no position
            // from Maillage", and so placed the name themselves where they found room: over
            // Clermont-Ferrand's name (a forced label is no obstacle) on the second map at 1920×1080,
            // Annemasse's.
            byCode.insert(poles[i].code,
                          orders[i].empty() ? QString(QLatin1String("")) : order.join(QLatin1Char(',')));
            if (orders[i].empty()) {
                ++leftOut;
                continue;
            }
            const bool far = orders[i].front() >= kRingPositions;
            if (far)
                farByCode.insert(poles[i].code, label.dist * kFarRingFactor);
            placement.names.push_back({layer->id(), poles[i].id, poles[i].text, poles[i].format,
                                       nameRect(names[i], orders[i].front()), names[i].clearance,
                                       poles[i].anchor, far});
        }
        placement.positions.insert(layer->id(), byCode);
        if (!farByCode.isEmpty())
            placement.distances.insert(layer->id(), farByCode);
        placement.leftOut.insert(layer->id(), leftOut);
    }
    return placement;
}

void setLargePoleNameVariables(QgsExpressionContextScope& scope, const LargeNamePlacement& placement) {
    scope.setVariable(QString::fromLatin1(styles::kLargeNamePositionsVariable), placement.positions);
    scope.setVariable(QString::fromLatin1(styles::kLargeNameDistancesVariable), placement.distances);
    scope.setVariable(QString::fromLatin1(styles::kLargeNamesLeftOutVariable), placement.leftOut);
    scope.setVariable(QString::fromLatin1(styles::kLargeNamesDrawnVariable), false); // the labels draw them
}

void placeLargePoleNames(QgsMapSettings& settings, const QList<QgsRectangle>& keepOff, double maxCover) {
    QgsExpressionContext context = settings.expressionContext();
    auto* scope = new QgsExpressionContextScope(QStringLiteral("Maillage"));
    setLargePoleNameVariables(*scope, largePoleNamePlacement(settings, keepOff, maxCover));
    context.appendScope(scope);
    settings.setExpressionContext(context);
}

} // namespace maillage::ui
