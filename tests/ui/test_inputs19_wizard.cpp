// The import wizard's numbers written as the panels write them (panel::number: French thousands with a
// no-break space that word-wrapped labels do not split, percentages "12,3 %").
#include "core/io/import.h"
#include "ui/import_wizard.h"
#include "ui/wizard_join_preview.h"
#include "ui/wizard_register.h"

#include "qgis_test_main.h"
#include "testing.h"

#include <QLocale>
#include <QTest>

using namespace maillage;
using namespace maillage::ui;

namespace {

const QChar kNoBreakSpace(0x00A0), kNarrowNoBreakSpace(0x202F);

//! Sets the default locale for the scope of a test, then restores it.
struct DefaultLocale {
    QLocale previous;
    explicit DefaultLocale(const QLocale& locale) { QLocale::setDefault(locale); }
    ~DefaultLocale() { QLocale::setDefault(previous); }
};

} // namespace

class TestInputs19Wizard : public QObject {
    Q_OBJECT
private slots:
    void joinPreviewWritesFrenchThousandsWithANoBreakSpaceAndPercentagesAsThePanels() {
        const DefaultLocale french(QLocale(QLocale::French, QLocale::France));
        io::JoinPreview preview;
        preview.communes = 35357;
        preview.cogYear = 2018;
        io::JoinReport join;
        join.left = "professionnels (bpe.csv)";
        join.right = "communes (communes.geojson)";
        join.codes = 36000;
        for (int i = 0; i < 1200; ++i)
            join.unmatched.push_back(std::to_string(10000 + i));
        join.unmatchedProfessionals = 1234;
        join.totalProfessionals = 10000;
        preview.report.joins.push_back(join);
        preview.reasons.push_back({});
        io::CogCarry carry;
        carry.file = "/data/bpe2013.csv";
        carry.from = 2013;
        carry.to = 2018;
        carry.codesCarried = 2350;
        preview.report.cogCarries.push_back(carry);

        const QString html = joinPreviewHtml(preview);
        for (const QString& figure :
             {QStringLiteral("35 357"), QStringLiteral("34 800"), QStringLiteral("36 000"),
              QStringLiteral("1 234"), QStringLiteral("1 200"), QStringLiteral("2 350")}) {
            QString expected = figure;
            expected.replace(QLatin1Char(' '), kNoBreakSpace);
            QVERIFY2(html.contains(expected), qPrintable(figure + QStringLiteral(" in ") + html));
        }
        QVERIFY2(html.contains(QStringLiteral("12,3") + kNoBreakSpace + QLatin1Char('%')), qPrintable(html));
        QVERIFY2(!html.contains(kNarrowNoBreakSpace), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("2013")) &&
                     !html.contains(QStringLiteral("2") + kNoBreakSpace + QStringLiteral("013")),
                 qPrintable(html)); // years are no quantities
    }

    void registerPreviewAndImportReportWriteTheirCountsAsThePanels() {
        const DefaultLocale french(QLocale(QLocale::French, QLocale::France));
        io::RegisterRead read;
        read.reg.vintage = 2024;
        read.reg.source = "RPPS 2024";
        read.rows = 123456;
        read.mergedRows = 4321;
        const QString preview = registerPreviewHtml(read);
        QVERIFY2(preview.contains(QStringLiteral("123") + kNoBreakSpace + QStringLiteral("456")),
                 qPrintable(preview));
        QVERIFY2(preview.contains(QStringLiteral("4") + kNoBreakSpace + QStringLiteral("321")),
                 qPrintable(preview));
        QVERIFY2(!preview.contains(kNarrowNoBreakSpace), qPrintable(preview));

        io::ImportReport report;
        io::RegisterAdded added;
        added.source = "RPPS 2024";
        added.professionals = 25800;
        added.counted = 25312;
        report.registers.push_back(added);
        for (int i = 0; i < 1500; ++i)
            report.warnings.push_back(Warning{});
        const QString html = importReportHtml(report);
        for (const char* figure : {"25 800", "25 312", "1 500"}) {
            QString expected = QString::fromLatin1(figure);
            expected.replace(QLatin1Char(' '), kNoBreakSpace);
            QVERIFY2(html.contains(expected), qPrintable(expected + QStringLiteral(" in ") + html));
        }
        QVERIFY2(!html.contains(kNarrowNoBreakSpace), qPrintable(html));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestInputs19Wizard)
#include "test_inputs19_wizard.moc"
