#include "ui/i18n.h"

#include "ui/app_settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

#include <qgsapplication.h>

// Resources compiled into static libraries (the .qm files of translations/, the icons of ui/resources):
// calling their initialisers registers them and keeps the linker from dropping them.
static void initStaticResources() {
    Q_INIT_RESOURCE(maillage_i18n);
    Q_INIT_RESOURCE(maillage_ui);
    Q_INIT_RESOURCE(maillage_docs);
}

namespace maillage::ui::i18n {
namespace {

struct Installed {
    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;
    std::unique_ptr<QTranslator> qgis;
    QString language;
};

Installed& installed() {
    static Installed s;
    return s;
}

QString qtTranslationsPath() {
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    return QLibraryInfo::path(QLibraryInfo::TranslationsPath);
#else
    return QLibraryInfo::location(QLibraryInfo::TranslationsPath);
#endif
}

//! Loads `file` from `directory` and installs it in place of `slot`'s translator; false if it is missing.
bool replaceTranslator(std::unique_ptr<QTranslator>& slot, const QString& file, const QString& directory) {
    if (slot)
        QCoreApplication::removeTranslator(slot.get());
    slot.reset();
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(file, directory))
        return false;
    QCoreApplication::installTranslator(translator.get());
    slot = std::move(translator);
    return true;
}

} // namespace

QString resolveLanguage(const QString& setting) {
    if (setting == QLatin1String("fr") || setting == QLatin1String("en"))
        return setting;
    const QLocale::Language system = QLocale::system().language();
    return system == QLocale::English ? QStringLiteral("en") : QStringLiteral("fr");
}

QString savedLanguageSetting() {
    return appSettings()->value(QLatin1String(kLanguageSetting), QStringLiteral("system")).toString();
}

void saveLanguageSetting(const QString& setting) {
    appSettings()->setValue(QLatin1String(kLanguageSetting), setting);
}

void initResources() {
    static const bool done = (initStaticResources(), true);
    (void)done;
}

bool installTranslators(const QString& language) {
    initResources();
    Installed& s = installed();
    const QString lang = resolveLanguage(language);
    const bool ok =
        replaceTranslator(s.app, QStringLiteral("maillage_%1.qm").arg(lang), QStringLiteral(":/i18n"));
    // Qt's own strings (Cancel, Apply, file dialogs) and QGIS's (layer tree, scale widget): Debian's
    // qttranslations5-l10n and qgis-common. English is their source language: nothing to load.
    const bool english = lang == QLatin1String("en");
    if (english) {
        replaceTranslator(s.qt, QString(), QString());
        replaceTranslator(s.qgis, QString(), QString());
    } else {
        replaceTranslator(s.qt, QStringLiteral("qtbase_%1").arg(lang), qtTranslationsPath());
        replaceTranslator(s.qgis, QStringLiteral("qgis_%1").arg(lang), QgsApplication::i18nPath());
    }
    QgsApplication::setTranslation(lang);
    QLocale::setDefault(lang == QLatin1String("fr") ? QLocale(QLocale::French, QLocale::France)
                                                    : QLocale(QLocale::English, QLocale::UnitedKingdom));
    s.language = lang;
    return ok;
}

QString currentLanguage() {
    return installed().language;
}

Language engineLanguage() {
    return currentLanguage() == QLatin1String("en") ? Language::En : Language::Fr;
}

QString describe(const std::exception& error) {
    if (const auto* engine = dynamic_cast<const Error*>(&error))
        return QString::fromStdString(engine->describe(engineLanguage(), PathStyle::FileName));
    return QString::fromUtf8(error.what());
}

QString describe(const Warning& warning) {
    return QString::fromStdString(warning.describe(engineLanguage(), PathStyle::FileName));
}

QString errorFile(const std::exception& error) {
    const auto* engine = dynamic_cast<const Error*>(&error);
    if (!engine || engine->where().file.empty())
        return QString();
    return QDir::toNativeSeparators(QString::fromStdString(engine->where().file));
}

} // namespace maillage::ui::i18n
