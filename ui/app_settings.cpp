#include "ui/app_settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace maillage::ui {

std::unique_ptr<QSettings> appSettings() {
    // An explicit file and format: QSettings() follows QSettings::setDefaultFormat()/setPath(), which
    // QGIS changes during initQgis().
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString organisation = QCoreApplication::organizationName().isEmpty()
                                     ? QStringLiteral("Maillage")
                                     : QCoreApplication::organizationName();
    const QString application = QCoreApplication::applicationName().isEmpty()
                                    ? QStringLiteral("Maillage")
                                    : QCoreApplication::applicationName();
    const QString file =
        QDir(dir).filePath(organisation + QLatin1Char('/') + application + QStringLiteral(".conf"));
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}

} // namespace maillage::ui
