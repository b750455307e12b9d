#include "ui/change_layer.h"

#include "ui/session.h"

#include "ui/layer_roles.h"
#include "ui/panels/panel_util.h"
#include "ui/styles/layer_styles.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgsfillsymbol.h>
#include <qgsgeometry.h>
#include <qgsmemoryproviderutils.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace maillage::ui {

namespace {

//! The translation context of the change map's legend.
class ChangeLayer {
    Q_DECLARE_TR_FUNCTIONS(maillage::ui::ChangeLayer)
};

//! The round number (1, 1.5, 2, 2.5, 3, 4, 5 or 7.5 times a power of ten) nearest above `value`.
double roundUp(double value) {
    if (!(value > 0))
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.5, 10.0})
        if (m * power >= value)
            return m * power;
    return 10 * power;
}

//! "+5 %" / "−5 %" in the interface's locale (a true minus sign).
QString signedPercent(double value) {
    const QString number =
        panel::number(std::abs(value), std::abs(value) < 10 && value != std::round(value) ? 1 : 0);
    const QString sign = value > 0 ? QStringLiteral("+") : value < 0 ? QString(QChar(0x2212)) : QString();
    return panel::uiIsFrench() ? sign + number + QChar(0x00a0) + QLatin1Char('%')
                               : sign + number + QLatin1Char('%');
}

// ColorBrewer RdBu (6 classes): red for losses, blue for gains, readable with the common colour-blindnesses.
const char* const kLoss[] = {"#b2182b", "#ef8a62", "#fddbc7"}; // strongest first
const char* const kGain[] = {"#d1e5f0", "#67a9cf", "#2166ac"}; // weakest first

QgsGeometry geometryOf(const model::Wkb& wkb) {
    QgsGeometry g;
    g.fromWkb(QByteArray(reinterpret_cast<const char*>(wkb.data()), static_cast<int>(wkb.size())));
    return g;
}

//! The unit's polygon; a BV stored without one (the demo) is its communes merged.
QgsGeometry geometryOfUnit(const model::Dataset& ds, analysis::ChangeLevel level, const std::string& code) {
    if (level == analysis::ChangeLevel::Commune) {
        const model::Commune* c = ds.commune(code);
        return c && !c->geometry.empty() ? geometryOf(c->geometry) : QgsGeometry();
    }
    const model::Bassin* b = ds.bassin(code);
    if (!b)
        return QgsGeometry();
    if (!b->geometry.empty())
        return geometryOf(b->geometry);
    QVector<QgsGeometry> parts;
    for (const model::Commune& c : ds.communes)
        if (c.bv == code && !c.geometry.empty())
            parts << geometryOf(c.geometry);
    return parts.isEmpty() ? QgsGeometry() : QgsGeometry::unaryUnion(parts);
}

QgsCategorizedSymbolRenderer* changeRenderer(const ChangeClasses& classes) {
    QgsCategoryList categories;
    const QColor outline(0x80, 0x80, 0x80);
    for (int k = -3; k <= 3; ++k) {
        if (k == 0)
            continue;
        const QColor fill(k < 0 ? kLoss[k + 3] : kGain[k - 1]);
        const QString key = QString::number(k);
        categories << QgsRendererCategory(key, styles::fillSymbol(fill, outline, 0.1),
                                          changeCategoryLabel(key, classes));
    }
    categories << QgsRendererCategory(QStringLiteral("stable"),
                                      styles::fillSymbol(QColor(0xf7, 0xf7, 0xf7), outline, 0.1),
                                      changeCategoryLabel(QStringLiteral("stable"), classes));
    categories << QgsRendererCategory(
        QStringLiteral("secret"),
        styles::fillSymbol(QColor(0xa0, 0xa0, 0xa0), outline, 0.1, Qt::BDiagPattern),
        changeCategoryLabel(QStringLiteral("secret"), classes));
    return new QgsCategorizedSymbolRenderer(QStringLiteral("category"), categories);
}

QgsFields changeFields() {
    QgsFields fields;
    fields.append(QgsField(QStringLiteral("code"), QVariant::String));
    fields.append(QgsField(QStringLiteral("name"), QVariant::String));
    for (const char* key : {"count_from", "count_to", "change", "change_percent"})
        fields.append(QgsField(QString::fromLatin1(key), QVariant::Double));
    fields.append(QgsField(QStringLiteral("category"), QVariant::String));
    return fields;
}

QgsAttributes changeAttributes(const analysis::ChangeRow& r, const analysis::ChangeMask& m,
                               const QString& category) {
    const QVariant null(QVariant::Double);
    QgsAttributes values;
    values << panel::qs(r.code) << panel::qs(r.name) << (m.before ? null : QVariant(r.before))
           << (m.after ? null : QVariant(r.after)) << (m.change ? null : QVariant(r.change))
           << (m.change || !r.hasPercent ? null : QVariant(r.changePercent)) << category;
    return values;
}

} // namespace

ChangeClasses changeClassesOf(const analysis::ChangeResult& result,
                              const std::vector<analysis::ChangeMask>& masks) {
    std::vector<double> magnitudes;
    for (std::size_t i = 0; i < result.rows.size(); ++i) {
        const analysis::ChangeRow& r = result.rows[i];
        if (r.withinNoise || !r.hasPercent || (i < masks.size() && masks[i].change))
            continue;
        magnitudes.push_back(std::abs(r.changePercent));
    }
    ChangeClasses classes;
    if (magnitudes.empty())
        return classes;
    std::sort(magnitudes.begin(), magnitudes.end());
    const double p90 = magnitudes[static_cast<std::size_t>(0.9 * static_cast<double>(magnitudes.size() - 1))];
    classes.step = roundUp(p90 / 3);
    return classes;
}

QString changeCategoryOf(const analysis::ChangeRow& row, const analysis::ChangeMask& mask,
                         const ChangeClasses& classes) {
    if (mask.change)
        return QStringLiteral("secret");
    if (row.withinNoise || !row.hasPercent || row.change == 0)
        return QStringLiteral("stable");
    const double steps = std::abs(row.changePercent) / classes.step;
    const int k = std::min(3, 1 + static_cast<int>(std::floor(steps)));
    return QString::number(row.change < 0 ? -k : k);
}

QString changeCategoryLabel(const QString& category, const ChangeClasses& classes) {
    if (category == QLatin1String("secret"))
        return ChangeLayer::tr("Statistical secrecy");
    if (category == QLatin1String("stable"))
        return ChangeLayer::tr("Stable / within noise");
    const int k = category.toInt();
    const double s = classes.step, sign = k < 0 ? -1 : 1;
    if (std::abs(k) == 3)
        return k < 0 ? ChangeLayer::tr("%1 and less").arg(signedPercent(-2 * s))
                     : ChangeLayer::tr("%1 and more").arg(signedPercent(2 * s));
    const double inner = (std::abs(k) - 1) * s * sign, outer = std::abs(k) * s * sign;
    return k < 0 ? ChangeLayer::tr("%1 to %2").arg(signedPercent(outer), signedPercent(inner))
                 : ChangeLayer::tr("%1 to %2").arg(signedPercent(inner), signedPercent(outer));
}

QString changeLayerName(const model::Dataset& dataset, const analysis::ChangeRequest& request) {
    const model::Profession* p = dataset.catalogue.find(request.profession);
    QString professions = p ? panel::professionLabel(*p) : ChangeLayer::tr("All professions");
    professions[0] = professions[0].toUpper();
    // Short enough for the layer tree: the classes below it say that the change is in %.
    return ChangeLayer::tr("%1: change %2 → %3").arg(professions).arg(request.from).arg(request.to);
}

QgsVectorLayer* buildChangeLayer(const model::Dataset& dataset, const analysis::ChangeResult& result,
                                 const std::vector<analysis::ChangeMask>& masks,
                                 const QgsCoordinateReferenceSystem& crs) {
    const ChangeClasses classes = changeClassesOf(result, masks);
    auto* layer = QgsMemoryProviderUtils::createMemoryLayer(changeLayerName(dataset, result.request),
                                                            changeFields(), QgsWkbTypes::MultiPolygon, crs);
    setLayerRole(layer, QString::fromLatin1(role::Change));
    QgsFeatureList features;
    for (std::size_t i = 0; i < result.rows.size() && i < masks.size(); ++i) {
        const QgsGeometry g = geometryOfUnit(dataset, result.request.level, result.rows[i].code);
        if (g.isNull())
            continue;
        QgsFeature f(layer->fields());
        f.setGeometry(g);
        f.setAttributes(
            changeAttributes(result.rows[i], masks[i], changeCategoryOf(result.rows[i], masks[i], classes)));
        features << f;
    }
    layer->dataProvider()->addFeatures(features);
    layer->updateExtents();
    layer->setRenderer(changeRenderer(classes));
    return layer;
}

ChangeMapLayer::ChangeMapLayer(Session* session, QgsProject* project, QObject* parent)
    : SessionResultLayer(session, project, parent) {
    connect(session, &Session::changeReady, this, &ChangeMapLayer::rebuild);
    connect(session, &Session::changeCleared, this, &ChangeMapLayer::remove);
    connect(session, &Session::datasetChanged, this, &ChangeMapLayer::remove);
}

QgsVectorLayer* ChangeMapLayer::build() {
    const ChangeView* view = m_session->change();
    if (!view)
        return nullptr;
    const QgsVectorLayer* bassins = findLayerByRole(m_project, QString::fromLatin1(role::Bassins));
    const QgsCoordinateReferenceSystem crs =
        bassins ? bassins->crs() : QgsCoordinateReferenceSystem(QStringLiteral("EPSG:2154"));
    return buildChangeLayer(m_session->dataset(), view->result, view->masks, crs);
}

} // namespace maillage::ui
