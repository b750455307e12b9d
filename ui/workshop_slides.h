#pragma once
// Slides: the views saved per dataset (Bookmarks menu, workshop mode's previous/next). Each remembers the
// extent, the visible layers, the analysis panel shown and the year. Kept in the application settings keyed
// by the dataset file; a dataset whose metadata carries slides (extra "workshop.slides", JSON) offers them
// until slides are saved here.
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <qgsrectangle.h>

class QgsMapCanvas;
class QgsProject;

namespace maillage::ui {

class Session;

//! One saved view.
struct Slide {
    QString name;
    QgsRectangle extent;
    QStringList visibleLayers; //!< layer keys (role, else name); empty: the visibility is left as it is
    QString panel;             //!< object name of the analysis dock shown ("dockPoles"…), "" = unchanged
    int vintage = 0;           //!< year of the counts, 0 = unchanged
    bool operator==(const Slide& o) const {
        return name == o.name && extent == o.extent && visibleLayers == o.visibleLayers && panel == o.panel &&
               vintage == o.vintage;
    }
};

//! The key of the dataset's metadata (extra) that may carry slides as JSON.
inline const char* const kSlidesMetadataKey = "workshop.slides";

//! The slides as JSON (an array of objects: name, xmin, ymin, xmax, ymax, layers, panel, vintage).
QByteArray slidesToJson(const QList<Slide>& slides);
//! The slides of `json`; entries without a name or a valid extent are skipped, and `error` says which.
QList<Slide> slidesFromJson(const QByteArray& json, QString* error = nullptr);

//! The key of a layer in a slide: its role when it has one (stable across openings), else its name.
QString slideLayerKey(const QgsMapLayer* layer);

//! The slides of the open dataset, and which one is shown.
class SlideDeck : public QObject {
    Q_OBJECT
public:
    SlideDeck(Session* session, QgsMapCanvas* canvas, QgsProject* project, QObject* parent = nullptr);

    //! The slides of the dataset now open (read again on datasetChanged()).
    const QList<Slide>& slides() const { return m_slides; }
    //! Index of the slide last shown, -1 before any.
    int current() const { return m_current; }

    //! The current view as a slide called `name`, showing the analysis panel `panel`.
    Slide capture(const QString& name, const QString& panel) const;
    //! Appends `slide` and saves the slides.
    void add(const Slide& slide);
    //! Removes every slide of the dataset.
    void clear();
    //! Shows slide `index` (extent, layers, year) and emits slideShown() for the panel; false when out of
    //! range.
    bool show(int index);
    bool next();
    bool previous();

    //! The settings key of the dataset's slides (its absolute path hashed; the demo has its own).
    static QString settingsKey(const QString& datasetPath);

signals:
    //! The slides were read, added or removed.
    void slidesChanged();
    //! Slide `index` is shown; the window raises its panel.
    void slideShown(int index, const maillage::ui::Slide& slide);

private:
    void load();
    void save();

    Session* m_session;
    QgsMapCanvas* m_canvas;
    QgsProject* m_project;
    QList<Slide> m_slides;
    int m_current = -1;
};

} // namespace maillage::ui
