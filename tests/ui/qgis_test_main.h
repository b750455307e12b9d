#pragma once
// The one test main of the GUI suites: a GUI QgsApplication at a fixed 96 DPI, the bundled test font
// (tests/data/fonts, DejaVu Sans) as the application font, the French UI (the default language), settings
// and caches in Qt's test locations, QGIS initialised before the tests and exited after them.
//   MAILLAGE_QGIS_TEST_MAIN(TestClass)
#include "ui/i18n.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QStandardPaths>
#include <QTest>

#include <qgsapplication.h>

namespace maillage::testing {

//! Registers the bundled DejaVu Sans (regular and bold) and makes it the application font.
inline void useTestFont() {
    const QString dir = QString::fromUtf8(TEST_DATA_DIR) + QStringLiteral("/fonts/");
    QFontDatabase::addApplicationFont(dir + QStringLiteral("DejaVuSans.ttf"));
    QFontDatabase::addApplicationFont(dir + QStringLiteral("DejaVuSans-Bold.ttf"));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9);
    QApplication::setFont(font);
}

} // namespace maillage::testing

#define MAILLAGE_QGIS_TEST_MAIN(TestClass)                                                                   \
    int main(int argc, char** argv) {                                                                        \
        QCoreApplication::setAttribute(Qt::AA_Use96Dpi);                                                     \
        QStandardPaths::setTestModeEnabled(true);                                                            \
        QCoreApplication::setOrganizationName(QStringLiteral("MaillageTests"));                              \
        QCoreApplication::setApplicationName(QStringLiteral(#TestClass));                                    \
        int rc = 0;                                                                                          \
        {                                                                                                    \
            QgsApplication app(argc, argv, true);                                                            \
            QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);                                     \
            maillage::ui::i18n::installTranslators(QStringLiteral("fr"));                                    \
            QgsApplication::initQgis();                                                                      \
            maillage::testing::useTestFont();                                                                \
            {                                                                                                \
                TestClass test;                                                                              \
                QTEST_SET_MAIN_SOURCE_PATH                                                                   \
                rc = QTest::qExec(&test, argc, argv);                                                        \
            }                                                                                                \
            QgsApplication::exitQgis();                                                                      \
        }                                                                                                    \
        return rc;                                                                                           \
    }
