#include "ui/panels/dock_panel.h"

#include <qgsmapcanvas.h>
#include <qgsproject.h>

#include <QVBoxLayout>

namespace maillage::ui {

DockPanel::DockPanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, const QString& objectName,
                     QWidget* parent)
    : QWidget(parent), m_session(session), m_canvas(canvas), m_project(project),
      m_root(new QVBoxLayout(this)) {
    setObjectName(objectName);
    m_root->setContentsMargins(4, 4, 4, 4);
}

} // namespace maillage::ui
