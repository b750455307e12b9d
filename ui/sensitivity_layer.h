#pragma once
// The bassins de vie whose pôle type changes in the sensitivity last computed (Session::sensitivity), as
// a layer of the map above the bassins: one owner for that layer, following the Session.
#include "ui/layer_roles.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QgsProject;
class QgsVectorLayer;

namespace maillage::ui {

class Session;

//! A result layer this application owns and rebuilds from the Session: built anew on each result, put
//! at its place in the map order (kMapOrder), removed when the result no longer holds.
class SessionResultLayer : public QObject {
    Q_OBJECT
public:
    ~SessionResultLayer() override;
    //! The layer (nullptr when no result is shown).
    QgsVectorLayer* layer() const { return m_layer; }

protected:
    SessionResultLayer(Session* session, QgsProject* project, QObject* parent);
    //! Removes the layer, then adds the one build() gives (if any) at its place in the map order.
    void rebuild();
    void remove();
    //! The layer of the Session's current result; nullptr when there is none.
    virtual QgsVectorLayer* build() = 0;

    Session* m_session;
    QgsProject* m_project;

private:
    QPointer<QgsVectorLayer> m_layer;
};

//! The BVs whose type changes in the sensitivity last computed. Fields: code, name, from_type, to_type,
//! value (the value nearest the parameter's own at which the BV changes type).
class SensitivityLayer : public SessionResultLayer {
    Q_OBJECT
public:
    //! Adds the layer to `project` when a sensitivity is ready, removes it when the dataset or the
    //! parameters change.
    SensitivityLayer(Session* session, QgsProject* project, QObject* parent = nullptr);

private:
    QgsVectorLayer* build() override;
};

//! The communes classed by the zonage (Session::zonage): one colour per class, the communes that changed
//! class with the last threshold change hatched and outlined. Fields: code, name, zone_class (0 = lowest),
//! category ("0", "1", "2", or "moved"). Removed with the zonage.
class ZonageLayer : public SessionResultLayer {
    Q_OBJECT
public:
    ZonageLayer(Session* session, QgsProject* project, QObject* parent = nullptr);

private:
    QgsVectorLayer* build() override;
};

} // namespace maillage::ui
