#pragma once
// "Open from a database…": the Maillage datasets (schemas) of a PostgreSQL/PostGIS server, reached through a
// connection saved in QGIS (its PostGIS connections) or a libpq string typed by the user.
#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;
class QLabel;
class QDialogButtonBox;

namespace maillage::ui {

class DatabaseDialog : public QDialog {
    Q_OBJECT
public:
    explicit DatabaseDialog(QWidget* parent = nullptr);

    //! The chosen dataset as "PG:<connection> schema=<name>", empty when none is chosen.
    QString location() const;

    //! QGIS's saved PostGIS connections as libpq strings without password (name → string).
    static QList<QPair<QString, QString>> savedConnections();

private:
    void listDatasets();

    QComboBox* m_connections = nullptr;
    QLineEdit* m_connection = nullptr;
    QListWidget* m_datasets = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace maillage::ui
