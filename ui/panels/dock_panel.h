#pragma once
// What every docked panel starts from: the Session whose results it shows, the map canvas and project
// it draws on, and its layout.
#include <QPointer>
#include <QString>
#include <QWidget>

class QVBoxLayout;
class QgsMapCanvas;
class QgsProject;

namespace maillage::ui {

class Session;

class DockPanel : public QWidget {
protected:
    DockPanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, const QString& objectName,
              QWidget* parent);

    //! The panel's layout: its parts top to bottom, with narrow margins.
    QVBoxLayout* rootLayout() const { return m_root; }

    Session* m_session;
    QPointer<QgsMapCanvas> m_canvas; //!< null once the canvas is gone
    QPointer<QgsProject> m_project;  //!< null once the project is gone

private:
    QVBoxLayout* m_root;
};

} // namespace maillage::ui
