#include "ui/i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

// Resources compiled into static libraries (the .qm files of translations/, the icons of ui/resources):
// calling their initialisers registers them and keeps the linker from dropping them.
static void initStaticResources() {
    Q_INIT_RESOURCE(maillage_i18n);
    Q_INIT_RESOURCE(maillage_ui);
}

namespace maillage::ui::i18n {
namespace {

struct Installed {
    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;
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

} // namespace

QString resolveLanguage(const QString& setting) {
    if (setting == QLatin1String("fr") || setting == QLatin1String("en"))
        return setting;
    const QLocale::Language system = QLocale::system().language();
    return system == QLocale::English ? QStringLiteral("en") : QStringLiteral("fr");
}

QString savedLanguageSetting() {
    return QSettings().value(QLatin1String(kLanguageSetting), QStringLiteral("system")).toString();
}

void saveLanguageSetting(const QString& setting) {
    QSettings().setValue(QLatin1String(kLanguageSetting), setting);
}

void initResources() {
    static const bool done = (initStaticResources(), true);
    (void)done;
}

bool installTranslators(const QString& language) {
    initResources();
    Installed& s = installed();
    if (s.app)
        QCoreApplication::removeTranslator(s.app.get());
    if (s.qt)
        QCoreApplication::removeTranslator(s.qt.get());
    s.app.reset();
    s.qt.reset();

    const QString lang = resolveLanguage(language);
    auto app = std::make_unique<QTranslator>();
    const bool ok = app->load(QStringLiteral(":/i18n/maillage_%1.qm").arg(lang));
    if (ok) {
        QCoreApplication::installTranslator(app.get());
        s.app = std::move(app);
    }
    if (lang != QLatin1String("en")) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_%1").arg(lang), qtTranslationsPath())) {
            QCoreApplication::installTranslator(qt.get());
            s.qt = std::move(qt);
        }
    }
    QLocale::setDefault(lang == QLatin1String("fr") ? QLocale(QLocale::French, QLocale::France)
                                                    : QLocale(QLocale::English, QLocale::UnitedKingdom));
    s.language = lang;
    return ok;
}

QString currentLanguage() {
    return installed().language;
}

} // namespace maillage::ui::i18n
