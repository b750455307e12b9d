#pragma once
// The bassins de vie whose pôle type changes in the sensitivity last computed (Session::sensitivity), as
// a layer of the map above the bassins: one owner for that layer, following the Session.
#include <QObject>
#include <QPointer>
#include <QString>

class QgsProject;
class QgsVectorLayer;

namespace maillage::ui {

class Session;

namespace role {
inline const char* const Sensitivity = "sensitivity"; //!< BVs whose type changes in the sensitivity
} // namespace role

class SensitivityLayer : public QObject {
    Q_OBJECT
public:
    //! Adds the layer to `project` when a sensitivity is ready, removes it when the dataset or the
    //! parameters change.
    SensitivityLayer(Session* session, QgsProject* project, QObject* parent = nullptr);
    ~SensitivityLayer() override;

    //! The layer (nullptr when no sensitivity is shown). Fields: code, name, from_type, to_type, value (the
    //! value nearest the parameter's own at which the BV changes type).
    QgsVectorLayer* layer() const { return m_layer; }

private:
    void rebuild();
    void remove();

    Session* m_session;
    QgsProject* m_project;
    QPointer<QgsVectorLayer> m_layer;
};

} // namespace maillage::ui
