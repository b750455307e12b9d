#include "ui/database_dialog.h"

#include "core/io/postgis.h"
#include "ui/i18n.h"

#include <qgsabstractproviderconnection.h>
#include <qgsdatasourceuri.h>
#include <qgsprovidermetadata.h>
#include <qgsproviderregistry.h>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace maillage::ui {

QList<QPair<QString, QString>> DatabaseDialog::savedConnections() {
    QList<QPair<QString, QString>> out;
    QgsProviderMetadata* postgres =
        QgsProviderRegistry::instance()->providerMetadata(QStringLiteral("postgres"));
    if (!postgres)
        return out;
    try {
        const auto connections = postgres->connections();
        for (auto it = connections.cbegin(); it != connections.cend(); ++it) {
            QgsDataSourceUri uri(it.value()->uri());
            // Passwords stay where the user keeps them (~/.pgpass, service file): never in our strings.
            uri.setPassword(QString());
            uri.setAuthConfigId(QString());
            out.append({it.key(), uri.connectionInfo(false)});
        }
    } catch (const QgsProviderConnectionException&) {
        // No readable saved connection: the user types one.
    }
    return out;
}

DatabaseDialog::DatabaseDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Open from a database"));
    m_connections = new QComboBox(this);
    m_connections->setObjectName(QStringLiteral("savedConnections"));
    m_connections->addItem(tr("Other connection (type it below)"), QString());
    for (const auto& [name, info] : savedConnections())
        m_connections->addItem(name, info);
    m_connection = new QLineEdit(this);
    m_connection->setObjectName(QStringLiteral("connection"));
    m_connection->setPlaceholderText(tr("service=ors  or  host=… dbname=… user=…"));
    m_connection->setToolTip(tr("A PostgreSQL connection without password: the password comes from "
                                "PGPASSWORD, ~/.pgpass or the service file"));
    auto* list = new QPushButton(tr("List the datasets"), this);
    list->setObjectName(QStringLiteral("listDatasets"));
    m_datasets = new QListWidget(this);
    m_datasets->setObjectName(QStringLiteral("datasets"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(false);

    auto* form = new QFormLayout;
    form->addRow(tr("Saved connection:"), m_connections);
    form->addRow(tr("Connection:"), m_connection);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(list);
    layout->addWidget(m_datasets);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_connections, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        const QString info = m_connections->itemData(index).toString();
        if (!info.isEmpty())
            m_connection->setText(info);
    });
    connect(list, &QPushButton::clicked, this, &DatabaseDialog::listDatasets);
    connect(m_datasets, &QListWidget::currentRowChanged, this,
            [this](int row) { m_buttons->button(QDialogButtonBox::Open)->setEnabled(row >= 0); });
    connect(m_datasets, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void DatabaseDialog::listDatasets() {
    m_datasets->clear();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        const auto schemas = io::postgisDatasets("PG:" + m_connection->text().trimmed().toStdString());
        for (const auto& s : schemas)
            m_datasets->addItem(QString::fromStdString(s));
        m_status->setText(schemas.empty() ? tr("No Maillage dataset on this database.") : QString());
    } catch (const std::exception& e) {
        m_status->setText(i18n::describe(e));
    }
    QApplication::restoreOverrideCursor();
}

QString DatabaseDialog::location() const {
    const QListWidgetItem* item = m_datasets->currentItem();
    if (result() != QDialog::Accepted || !item)
        return QString();
    return QStringLiteral("PG:%1 schema=%2").arg(m_connection->text().trimmed(), item->text());
}

} // namespace maillage::ui
