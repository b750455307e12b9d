#pragma once
// Control images of the map tests: tests/data/control_images/<name>/<name>.png, compared by QGIS's
// QgsRenderChecker with a colour tolerance.
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QString>

#include <qgsrenderchecker.h>

namespace maillage::testing {

//! Compares `image` with tests/data/control_images/<name>/<name>.png (MAILLAGE_UPDATE_CONTROL_IMAGES=1
//! writes it instead).
inline bool matchesControlImage(const QImage& image, const QString& name, int allowedMismatch,
                                QString* report) {
    const QString control =
        QString::fromUtf8(TEST_DATA_DIR) + QStringLiteral("/control_images/%1/%1.png").arg(name);
    const QString rendered = QDir::temp().filePath(QStringLiteral("maillage_%1.png").arg(name));
    image.save(rendered);
    if (qEnvironmentVariableIsSet("MAILLAGE_UPDATE_CONTROL_IMAGES")) {
        QDir().mkpath(QFileInfo(control).absolutePath());
        image.save(control);
    }
    QgsRenderChecker checker;
    checker.setColorTolerance(12);
    const bool ok = checker.compareImages(name, control, rendered, allowedMismatch);
    *report = checker.report();
    return ok;
}

} // namespace maillage::testing
