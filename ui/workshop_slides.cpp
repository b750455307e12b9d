#include "ui/workshop_slides.h"

#include "ui/app_settings.h"
#include "ui/layer_roles.h"
#include "ui/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

#include <algorithm>
#include <memory>

#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>

namespace maillage::ui {

namespace {

QVariantMap slideToMap(const Slide& s) {
    QVariantMap m;
    m.insert(QStringLiteral("name"), s.name);
    m.insert(QStringLiteral("xmin"), s.extent.xMinimum());
    m.insert(QStringLiteral("ymin"), s.extent.yMinimum());
    m.insert(QStringLiteral("xmax"), s.extent.xMaximum());
    m.insert(QStringLiteral("ymax"), s.extent.yMaximum());
    m.insert(QStringLiteral("layers"), s.visibleLayers);
    m.insert(QStringLiteral("panel"), s.panel);
    m.insert(QStringLiteral("vintage"), s.vintage);
    return m;
}

//! The slide of `m` (the bookmarks of earlier versions have only a name and an extent); false when it has
//! no name or no valid extent.
bool slideFromMap(const QVariantMap& m, Slide* s) {
    s->name = m.value(QStringLiteral("name")).toString().trimmed();
    s->extent =
        QgsRectangle(m.value(QStringLiteral("xmin")).toDouble(), m.value(QStringLiteral("ymin")).toDouble(),
                     m.value(QStringLiteral("xmax")).toDouble(), m.value(QStringLiteral("ymax")).toDouble());
    s->visibleLayers = m.value(QStringLiteral("layers")).toStringList();
    s->panel = m.value(QStringLiteral("panel")).toString();
    s->vintage = m.value(QStringLiteral("vintage")).toInt();
    return !s->name.isEmpty() && !s->extent.isEmpty() && s->extent.isFinite();
}

QList<Slide> slidesFromList(const QVariantList& list, QStringList* skipped) {
    QList<Slide> slides;
    for (int i = 0; i < list.size(); ++i) {
        Slide s;
        if (slideFromMap(list.at(i).toMap(), &s))
            slides.append(s);
        else if (skipped)
            skipped->append(QString::number(i + 1));
    }
    return slides;
}

QVariantList listFromSlides(const QList<Slide>& slides) {
    QVariantList list;
    for (const Slide& s : slides)
        list.append(slideToMap(s));
    return list;
}

} // namespace

QByteArray slidesToJson(const QList<Slide>& slides) {
    return QJsonDocument(QJsonArray::fromVariantList(listFromSlides(slides))).toJson(QJsonDocument::Compact);
}

QList<Slide> slidesFromJson(const QByteArray& json, QString* error) {
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (!doc.isArray()) {
        if (error)
            *error = QObject::tr("the slides are not a JSON array (%1 at character %2)")
                         .arg(parse.error == QJsonParseError::NoError ? QObject::tr("an object")
                                                                      : parse.errorString())
                         .arg(parse.offset);
        return {};
    }
    QStringList skipped;
    QList<Slide> slides = slidesFromList(doc.array().toVariantList(), &skipped);
    if (error)
        *error = skipped.isEmpty() ? QString()
                                   : QObject::tr("slides %1 skipped: each needs a name and an extent "
                                                 "(xmin, ymin, xmax, ymax)")
                                         .arg(skipped.join(QStringLiteral(", ")));
    return slides;
}

QString slideLayerKey(const QgsMapLayer* layer) {
    const QString role = layer->customProperty(QString::fromLatin1(kRoleProperty)).toString();
    return role.isEmpty() ? layer->name() : QStringLiteral("role:") + role;
}

SlideDeck::SlideDeck(Session* session, QgsMapCanvas* canvas, QgsProject* project, QObject* parent)
    : QObject(parent), m_session(session), m_canvas(canvas), m_project(project) {
    connect(session, &Session::datasetChanged, this, &SlideDeck::load);
    load();
}

QString SlideDeck::settingsKey(const QString& datasetPath) {
    return Session::datasetSettingsKey(QStringLiteral("bookmarks"), datasetPath);
}

void SlideDeck::load() {
    m_current = -1;
    const QVariant stored = appSettings()->value(settingsKey(m_session->path()));
    if (stored.isValid() || !m_session->hasDataset()) {
        m_slides = slidesFromList(stored.toList(), nullptr);
    } else {
        // Slides shipped in the dataset (written by another tool or machine), until some are saved here.
        const auto& extra = m_session->dataset().meta.extra;
        const auto it = extra.find(kSlidesMetadataKey);
        m_slides = it == extra.end() ? QList<Slide>() : slidesFromJson(QByteArray::fromStdString(it->second));
    }
    emit slidesChanged();
}

void SlideDeck::save() {
    const std::unique_ptr<QSettings> settings = appSettings();
    if (m_slides.isEmpty())
        settings->remove(settingsKey(m_session->path()));
    else
        settings->setValue(settingsKey(m_session->path()), listFromSlides(m_slides));
}

Slide SlideDeck::capture(const QString& name, const QString& panel) const {
    Slide s;
    s.name = name;
    s.extent = m_canvas->extent();
    for (QgsLayerTreeLayer* node : m_project->layerTreeRoot()->findLayers())
        if (node->layer() && node->isVisible())
            s.visibleLayers.append(slideLayerKey(node->layer()));
    s.panel = panel;
    s.vintage = m_session->hasDataset() ? m_session->vintage() : 0;
    return s;
}

void SlideDeck::add(const Slide& slide) {
    m_slides.append(slide);
    save();
    emit slidesChanged();
}

void SlideDeck::clear() {
    m_slides.clear();
    m_current = -1;
    save();
    emit slidesChanged();
}

bool SlideDeck::show(int index) {
    if (index < 0 || index >= m_slides.size())
        return false;
    m_current = index;
    const Slide& s = m_slides.at(index);
    const std::vector<int>& vintages = m_session->dataset().meta.vintages;
    if (s.vintage != 0 && s.vintage != m_session->vintage() &&
        std::find(vintages.begin(), vintages.end(), s.vintage) != vintages.end())
        m_session->setVintage(s.vintage);
    if (!s.visibleLayers.isEmpty())
        for (QgsLayerTreeLayer* node : m_project->layerTreeRoot()->findLayers())
            if (node->layer())
                node->setItemVisibilityChecked(s.visibleLayers.contains(slideLayerKey(node->layer())));
    m_canvas->setExtent(s.extent);
    m_canvas->refresh();
    emit slideShown(index, s);
    return true;
}

bool SlideDeck::next() {
    return show(m_current + 1);
}

bool SlideDeck::previous() {
    return show(m_current < 0 ? 0 : m_current - 1);
}

} // namespace maillage::ui
