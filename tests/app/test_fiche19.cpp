// The territory sheet's figures (issue 7, session 19): dates in words, sources spaced as each language
// does. In process, against the print tools (ui/print/print_tools.h).
#include "ui/print/print_tools.h"

#include "core/demo/demo.h"

#include <QDate>
#include <QLocale>
#include <QTest>

using namespace maillage;

class TestFiche19 : public QObject {
    Q_OBJECT

private slots:
    void datesAreWrittenInWordsInBothLanguages() {
        const QDate date(2026, 12, 3);
        QCOMPARE(ui::print::longDate(date, Language::Fr), QStringLiteral("3 décembre 2026"));
        QCOMPARE(ui::print::longDate(date, Language::En), QStringLiteral("3 December 2026"));
    }

    void sourcesAreSeparatedAsEachLanguageDoes() {
        model::Dataset ds = demo::makeDemoDataset();
        ds.meta.sources = {"INSEE, BPE 2018", "IGN, Admin Express 2018"};
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QString line = ui::print::sourceLine(ds);
        QVERIFY2(line.contains(QStringLiteral("INSEE, BPE 2018; IGN")), qPrintable(line));
        QVERIFY2(line.contains(ui::print::longDate(QDate::currentDate(), Language::En)), qPrintable(line));
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        line = ui::print::sourceLine(ds);
        QVERIFY2(line.contains(QStringLiteral("INSEE, BPE 2018\u00a0; IGN")), qPrintable(line));
        QVERIFY2(line.contains(ui::print::longDate(QDate::currentDate(), Language::Fr)), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestFiche19)
#include "test_fiche19.moc"
