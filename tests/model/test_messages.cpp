// The catalogue of engine messages (core/model/message.h): identifiers, templates, wording.
#include "core/model/error.h"
#include "core/model/message.h"
#include "testing.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QSet>

#include <regex>
#include <set>

using namespace maillage;
using maillage::testing::q;

namespace {

std::set<std::string> placeholders(const std::string& pattern) {
    std::set<std::string> out;
    static const std::regex re(R"(\{([a-z_0-9]+)(\?[^}]*)?\})");
    for (auto it = std::sregex_iterator(pattern.begin(), pattern.end(), re); it != std::sregex_iterator();
         ++it)
        out.insert((*it)[1]);
    return out;
}

} // namespace

class TestMessages : public QObject {
    Q_OBJECT
private slots:
    void everyIdentifierIsUnique() {
        QSet<QString> seen;
        for (const MessageTemplate& t : messageCatalogue()) {
            QVERIFY2(!seen.contains(QString::fromUtf8(t.id)), t.id);
            seen.insert(QString::fromUtf8(t.id));
        }
    }

    void frenchAndEnglishTemplatesUseTheSamePlaceholders() {
        for (const MessageTemplate& t : messageCatalogue()) {
            QVERIFY2(placeholders(t.en) == placeholders(t.fr), t.id);
            QVERIFY2(std::string(t.fr).find("  ") == std::string::npos, t.id);
            QVERIFY2(*t.en && *t.fr, t.id);
            // French typography: a no-break space, never a plain one, before : ; ? ! and %.
            for (const char* plain : {" :", " ;", " ?", " !", " %"})
                QVERIFY2(std::string(t.fr).find(plain) == std::string::npos, t.id);
        }
    }

    void everyIdentifierUsedInTheSourcesIsInTheCatalogue() {
        const QString root = QString::fromUtf8(TEST_DATA_DIR) + QStringLiteral("/../..");
        const QRegularExpression use(QStringLiteral(R"re(\bmsg\(\s*"([a-z0-9_.]+)")re"));
        int uses = 0;
        for (const QString& dir : {QStringLiteral("core"), QStringLiteral("app"), QStringLiteral("ui")}) {
            QDirIterator it(root + QLatin1Char('/') + dir, {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(f.readAll());
                auto m = use.globalMatch(text);
                while (m.hasNext()) {
                    const QString id = m.next().captured(1);
                    ++uses;
                    QVERIFY2(findTemplate(id.toStdString()),
                             qPrintable(f.fileName() + QStringLiteral(": ") + id));
                }
            }
        }
        QVERIFY(uses > 0);
    }

    void numbersTakeTheSeparatorsOfTheLanguage() {
        const MessageTemplate* t = findTemplate("warning.more_details");
        QVERIFY(t);
        const Message m = msg("warning.more_details", {arg::integer("n", 1888)});
        QCOMPARE(q(word(m, Language::En)), QStringLiteral(", … 1,888 more"));
        QCOMPARE(q(word(m, Language::Fr)), QStringLiteral(", … et 1\u00a0888 autres"));
    }

    void locationsAreWordedInTheLanguage() {
        const Location where{"/tmp/data/communes.csv", 12, "code", -1};
        QCOMPARE(q(where.describe(Language::En)),
                 QStringLiteral("/tmp/data/communes.csv: line 12, column 'code'"));
        QCOMPARE(q(where.describe(Language::Fr, PathStyle::FileName)),
                 QStringLiteral("communes.csv, ligne 12, colonne «\u00a0code\u00a0»"));
    }

    void errorsKeepTheirMessageForEveryLanguage() {
        const Error e(ErrorKind::Canceled, Location{"a.csv"}, msg("canceled.by_user"));
        QCOMPARE(q(e.what()), QStringLiteral("a.csv: canceled by the user"));
        QCOMPARE(q(e.describe(Language::Fr)), QStringLiteral("a.csv\u00a0: annulé par l'utilisateur"));
        QCOMPARE(q(e.detail()), QStringLiteral("canceled by the user"));
    }

    void rawTextIsShownAsIsInEveryLanguage() {
        const Error e(ErrorKind::Internal, Location{}, std::string("GDAL said no"));
        QCOMPARE(q(e.describe(Language::Fr)), QStringLiteral("GDAL said no"));
        QCOMPARE(q(e.what()), QStringLiteral("GDAL said no"));
    }

    void pluralFormsFollowTheLanguage() {
        // Checked with a template-free message: word() of an unknown id never throws.
        const Message unknown = msg("no.such.id", {arg::integer("n", 2)});
        QCOMPARE(q(word(unknown, Language::En)), QStringLiteral("no.such.id (n=2)"));
    }

    void warningsAreWordedFromTheCatalogue() {
        const Warning w =
            makeWarning(ErrorKind::Value, Location{"x.csv", 3}, msg("canceled.by_user"), {"a", "b"});
        QCOMPARE(q(w.toString()), QStringLiteral("x.csv: line 3: canceled by the user (a, b)"));
        QCOMPARE(q(w.describe(Language::Fr)),
                 QStringLiteral("x.csv, ligne 3\u00a0: annulé par l'utilisateur (a, b)"));
        QCOMPARE(q(w.message), QStringLiteral("canceled by the user"));
    }

    void theLanguageComesFromTheLocaleOrAnOption() {
        Language l = Language::En;
        QVERIFY(parseLanguage("fr_FR.UTF-8", l));
        QCOMPARE(l, Language::Fr);
        QVERIFY(parseLanguage("EN", l));
        QCOMPARE(l, Language::En);
        QVERIFY(parseLanguage("C.UTF-8", l));
        QCOMPARE(l, Language::En);
        QVERIFY(!parseLanguage("de", l));
        qunsetenv("LANGUAGE");
        qputenv("LC_ALL", "fr_FR.UTF-8");
        QCOMPARE(languageFromEnvironment(Language::En), Language::Fr);
        qputenv("LC_ALL", "en_GB.UTF-8");
        QCOMPARE(languageFromEnvironment(Language::Fr), Language::En);
    }

    void anEnvironmentThatNamesNoLanguageGivesTheDefault() {
        // LANG=C gave English messages while --help was French (two copies of this loop): "C", "POSIX",
        // another language or nothing set now give the default the caller passes (French for maillage).
        for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
            qunsetenv(name);
        QCOMPARE(languageFromEnvironment(Language::Fr), Language::Fr);
        qputenv("LANG", "C");
        QCOMPARE(languageFromEnvironment(Language::Fr), Language::Fr);
        qputenv("LC_ALL", "C.UTF-8");
        QCOMPARE(languageFromEnvironment(Language::Fr), Language::Fr);
        QCOMPARE(languageFromEnvironment(Language::En), Language::En);
        qputenv("LC_ALL", "de_DE.UTF-8");
        QCOMPARE(languageFromEnvironment(Language::Fr), Language::Fr);
        // The first variable set decides, LANGUAGE first (as gettext reads them).
        qputenv("LANGUAGE", "en:fr");
        QCOMPARE(languageFromEnvironment(Language::Fr), Language::En);
        qunsetenv("LANGUAGE");
        qunsetenv("LC_ALL");
        qunsetenv("LANG");
    }
};

QTEST_APPLESS_MAIN(TestMessages)
#include "test_messages.moc"
