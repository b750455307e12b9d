// The desktop's --panel option (issue 11, session 20): every analysis panel can be shown first, in either
// language of the interface.
#include "app/desktop_options.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

class TestDesktopPanel : public QObject {
    Q_OBJECT
private slots:
    void theScenariosPanelIsAcceptedInEnglishAndFrench_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("fr") << QStringLiteral("fr");
    }
    void theScenariosPanelIsAcceptedInEnglishAndFrench() {
        QFETCH(QString, language);
        QTemporaryDir dir;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), dir.path()); // no settings of the user's own
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        const QString screenshot = dir.filePath(QStringLiteral("scenarios.png"));
        p.start(QStringLiteral(MAILLAGE_BINARY),
                {QStringLiteral("--demo"), QStringLiteral("--lang"), language, QStringLiteral("--panel"),
                 QStringLiteral("scenarios"), QStringLiteral("--screenshot"), screenshot});
        QVERIFY(p.waitForFinished(180000));
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(!err.contains("--panel expects"), err.constData());
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QFileInfo(screenshot).size() > 0);
    }

    void theHelpListsTheScenariosPanel() {
        for (const maillage::app::DesktopOption& o : maillage::app::kDesktopOptions)
            if (std::strcmp(o.name, "panel") == 0)
                QVERIFY2(std::strstr(o.help, "scenarios"), o.help);
    }
};

QTEST_GUILESS_MAIN(TestDesktopPanel)
#include "test_desktop_panel.moc"
