#include "ui/styles/qgis_start.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTranslator>

#include <cerrno>

#include <sys/stat.h>

#include <qgsapplication.h>

//! Q_INIT_RESOURCE declares a function: outside any namespace.
static void initTranslations() {
    Q_INIT_RESOURCE(maillage_i18n);
}

namespace maillage::ui::styles {

namespace {

//! The words of the map and of the pages (legend, layer names, type labels, reasons) in French or English.
void installLanguage(QTranslator& translator, bool french) {
    QLocale::setDefault(QLocale(french ? QLocale::French : QLocale::English, QLocale::France));
    initTranslations();
    // English too: its plural forms ("%n bassin(s)" → "3 bassins") are in maillage_en.qm.
    if (translator.load(french ? QStringLiteral(":/i18n/maillage_fr.qm")
                               : QStringLiteral(":/i18n/maillage_en.qm")))
        QCoreApplication::installTranslator(&translator);
}

} // namespace

void startQgis(bool french, bool plugins) {
    static int argc = 1; // QApplication keeps references to both
    static char name[] = "maillage";
    static char* argv[] = {name, nullptr};
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt falls back to /tmp/runtime-<user> without XDG_RUNTIME_DIR (a batch job, a container), with a
    // warning on the command line's error stream: the same folder, said beforehand.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray dir = QFile::encodeName(QDir::tempPath()) + "/runtime-" + qgetenv("USER");
        if (::mkdir(dir.constData(), 0700) == 0 || errno == EEXIST)
            qputenv("XDG_RUNTIME_DIR", dir);
    }
    new QgsApplication(argc, argv, false); // NOLINT: owned by the process, as QCoreApplication::instance()
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    if (!plugins)
        QgsApplication::setPluginPath(QStringLiteral("/nonexistent-maillage-no-plugins"));
    installLanguage(*new QTranslator(QCoreApplication::instance()), french);
    QgsApplication::initQgis();
}

} // namespace maillage::ui::styles
