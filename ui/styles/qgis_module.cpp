// libmaillage_qgis.so: the QGIS styles and project of a dataset GeoPackage for the command line, which
// dlopen()s it after 'import' and 'classify --dataset' (app/qgis_styles.h) and so never links QGIS itself.
// qgis_core only; no display needed (offscreen platform), no widget created.
#include "core/io/geo.h"
#include "core/model/message.h"
#include "ui/styles/dataset_styles.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <algorithm>
#include <cstring>

#include <qgsapplication.h>

//! Q_INIT_RESOURCE declares a function: outside any namespace.
static void initTranslations() {
    Q_INIT_RESOURCE(maillage_i18n);
}

namespace {

void copyError(const QString& text, char* error, std::size_t n) {
    if (!error || n == 0)
        return;
    const QByteArray utf8 = text.toUtf8();
    const std::size_t len = std::min(n - 1, static_cast<std::size_t>(utf8.size()));
    std::memcpy(error, utf8.constData(), len);
    error[len] = '\0';
}

//! The map's words (legend, layer names) in the language of the environment, as the command line's.
void installLanguage(QTranslator& translator) {
    const bool french = maillage::languageFromEnvironment() == maillage::Language::Fr;
    QLocale::setDefault(QLocale(french ? QLocale::French : QLocale::English, QLocale::France));
    initTranslations();
    if (french && translator.load(QStringLiteral(":/i18n/maillage_fr.qm")))
        QCoreApplication::installTranslator(&translator);
}

} // namespace

//! Writes the classification, the layer styles and the QGIS project into the dataset GeoPackage `gpkg`
//! (ui/styles/dataset_styles.h). Starts QGIS without a display when the process has no application yet
//! (the command line), else uses the one running (the desktop application, tests). Returns 1 on success;
//! 0 with a sentence (UTF-8, truncated to n bytes) in `error` on failure.
extern "C" __attribute__((visibility("default"))) int maillage_write_qgis_styles(const char* gpkg,
                                                                                 char* error, std::size_t n) {
    maillage::io::ensureGdal(); // no -wal/-shm files beside the dataset
    const QString path = QString::fromUtf8(gpkg ? gpkg : "");
    QString message;
    if (QCoreApplication::instance()) {
        const bool ok = maillage::ui::styles::writeDatasetStyles(path, &message);
        copyError(message, error, n);
        return ok ? 1 : 0;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "maillage";
    char* argv[] = {name, nullptr};
    bool ok = false;
    {
        QgsApplication app(argc, argv, false);
        QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
        QTranslator translator;
        installLanguage(translator);
        QgsApplication::initQgis();
        ok = maillage::ui::styles::writeDatasetStyles(path, &message);
        QgsApplication::exitQgis();
    }
    copyError(message, error, n);
    return ok ? 1 : 0;
}
