#include "ui/app_settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace maillage::ui {

namespace {

//! "<organisation>/<application>", as QSettings names its files.
QString settingsName() {
    const QString organisation = QCoreApplication::organizationName().isEmpty()
                                     ? QStringLiteral("Maillage")
                                     : QCoreApplication::organizationName();
    const QString application = QCoreApplication::applicationName().isEmpty()
                                    ? QStringLiteral("Maillage")
                                    : QCoreApplication::applicationName();
    return organisation + QLatin1Char('/') + application;
}

} // namespace

std::unique_ptr<QSettings> appSettings() {
    // An explicit file and format: QSettings() follows QSettings::setDefaultFormat()/setPath(), which
    // QGIS changes during initQgis().
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return std::make_unique<QSettings>(QDir(dir).filePath(settingsName() + QStringLiteral(".conf")),
                                       QSettings::IniFormat);
}

void importProfileSettings() {
    const QString old =
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
            .filePath(QStringLiteral("profiles/default/") + settingsName() + QStringLiteral(".ini"));
    const std::unique_ptr<QSettings> settings = appSettings();
    const QString done = QStringLiteral("settings/profile_imported");
    if (settings->value(done).toBool() || !QFileInfo::exists(old))
        return;
    // Only the application's groups: QGIS writes some of its own keys into that file too.
    static const QStringList groups = {QStringLiteral("ui/"),     QStringLiteral("recent/"),
                                       QStringLiteral("window/"), QStringLiteral("paths/"),
                                       QStringLiteral("export/"), QStringLiteral("bookmarks/")};
    const QSettings from(old, QSettings::IniFormat);
    for (const QString& key : from.allKeys()) {
        const bool ours = std::any_of(groups.begin(), groups.end(),
                                      [&key](const QString& group) { return key.startsWith(group); });
        if (ours && !settings->contains(key))
            settings->setValue(key, from.value(key));
    }
    settings->setValue(done, true);
}

} // namespace maillage::ui
