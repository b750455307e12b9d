// The import wizard's numbers written as the panels write them (panel::number: French thousands with a
// no-break space that word-wrapped labels do not split, percentages "12,3 %"); and the wizard tried as a new
// user would on the real files of ../shared/data (skipped when absent): Isère's communes (OSRM's polygons,
// code field "id"), INSEE's BV table, the population, BPE 2018 by commune, Isère's travel-time matrix and
// commuting flows, Occitanie's QPV, the RPPS extract; the pages driven down to the import.
#include "core/io/import.h"
#include "ui/import_wizard.h"
#include "ui/wizard_join_preview.h"
#include "ui/wizard_register.h"

#include "find_child.h"
#include "qgis_test_main.h"
#include "testing.h"
#include "wizard_testing.h"

#include <QComboBox>

#include <QFile>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace maillage;
using namespace maillage::ui;
using maillage::testing::child;
using maillage::testing::itemsOf;
using maillage::testing::sharedPath;

namespace {

const QChar kNoBreakSpace(0x00A0), kNarrowNoBreakSpace(0x202F);

//! Sets the default locale for the scope of a test, then restores it.
struct DefaultLocale {
    QLocale previous;
    explicit DefaultLocale(const QLocale& locale) { QLocale::setDefault(locale); }
    ~DefaultLocale() { QLocale::setDefault(previous); }
};

const char* const kCommunes = "travel_times/osrm_isere38_communes.geojson";
const char* const kBassins = "bassins_de_vie/commune_bv2012_cog2016.csv";
const char* const kPopulation = "population/population_communes_2020.csv";
const char* const kBpe = "professionals/bpe2018_sante_par_commune_long.csv";
const char* const kTimes = "travel_times/osrm_isere38_duree_long.csv";
const char* const kFlows = "flows/mobpro2017_isere_flux_internes.csv";
const char* const kQpv = "qpv/occitanie_hackaviz2021_qp.geojson";
const char* const kRpps = "professionals/rpps_ps_libreacces_personne_activite_extrait.txt";

//! Saves `widget` as `name` in $MAILLAGE_WIZARD_SCREENSHOTS, when set.
void screenshot(QWidget* widget, const char* name) {
    const QString folder = qEnvironmentVariable("MAILLAGE_WIZARD_SCREENSHOTS");
    if (!folder.isEmpty())
        QVERIFY(widget->grab().save(folder + QLatin1Char('/') + QString::fromLatin1(name)));
}

//! Moves `wizard` forward to the page whose object name or class is `T`.
template <typename T> T* walkTo(QWizard& wizard) {
    for (int guard = 0; guard < 20; ++guard) {
        if (auto* page = qobject_cast<T*>(wizard.currentPage()))
            return page;
        wizard.next();
    }
    return nullptr;
}

//! Skips the test when a file of the trial is absent.
#define REQUIRE_REAL_FILES()                                                                                 \
    for (const char* file : {kCommunes, kBassins, kPopulation, kBpe, kTimes, kFlows, kQpv, kRpps})           \
    MAILLAGE_REQUIRE_SHARED(file)

//! The options of the trial, as the pages give them once the files are chosen.
io::ImportOptions realOptions() {
    io::ImportOptions options;
    options.communesPath = sharedPath(kCommunes).toStdString();
    options.polygons.codeField = "id";
    options.polygons.nameField = "name";
    options.bassinsPath = sharedPath(kBassins).toStdString();
    options.populationPath = sharedPath(kPopulation).toStdString();
    io::ProfessionalsSource bpe;
    bpe.path = sharedPath(kBpe).toStdString();
    bpe.vintage = 2018;
    options.professionals.push_back(bpe);
    options.links.travelTimes.path = sharedPath(kTimes).toStdString();
    options.links.flows.path = sharedPath(kFlows).toStdString();
    options.title = "Isère";
    return options;
}

//! The sum of the last column of a CSV file (the flows' volumes).
double lastColumnSum(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    f.readLine(); // header
    double sum = 0;
    while (!f.atEnd())
        sum += f.readLine().trimmed().split(',').last().toDouble();
    return sum;
}

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

    void realFilesGoThroughTheColumnPagesWithTheirColumnsDetected() {
        REQUIRE_REAL_FILES();
        ImportWizard wizard;
        // The professionals' file is added by a file dialog: given here as the dialog would give it.
        io::ImportOptions start;
        io::ProfessionalsSource bpe;
        bpe.path = sharedPath(kBpe).toStdString();
        bpe.vintage = 2018;
        start.professionals.push_back(bpe);
        wizard.setOptions(start);
        wizard.resize(900, 700);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        // Polygons: OSRM's communes carry their code in "id", their name in "name".
        child<QLineEdit>(&wizard, "communesFile")->setText(sharedPath(kCommunes));
        auto* code = child<QComboBox>(&wizard, "communeCodeField");
        QVERIFY2(itemsOf(code).contains(QStringLiteral("id")), qPrintable(itemsOf(code).join(',')));
        QCOMPARE(code->currentText(), QStringLiteral("id"));
        QCOMPARE(child<QComboBox>(&wizard, "communeNameField")->currentText(), QStringLiteral("name"));

        child<QLineEdit>(&wizard, "bassinsFile")->setText(sharedPath(kBassins));
        auto* bassinsPreview = child<QTableWidget>(&wizard, "bassinsPreview");
        QVERIFY(bassinsPreview->rowCount() > 0);
        QCOMPARE(bassinsPreview->horizontalHeaderItem(0)->text(), QStringLiteral("CODGEO"));

        child<QLineEdit>(&wizard, "populationFile")->setText(sharedPath(kPopulation));
        QCOMPARE(child<QComboBox>(&wizard, "populationCodeColumn")->currentText(), QStringLiteral("codgeo"));
        QCOMPARE(child<QComboBox>(&wizard, "populationColumn")->currentText(), QStringLiteral("population"));

        // The count columns of BPE 2018 (DEPCOM, TYPEQU, NB_EQUIP): the header offered, its first rows shown.
        auto* count = child<QComboBox>(&wizard, "countsCountColumn");
        QVERIFY2(itemsOf(count).contains(QStringLiteral("NB_EQUIP")), qPrintable(itemsOf(count).join(',')));
        auto* countsPreview = child<QTableWidget>(&wizard, "countsPreview");
        QVERIFY(countsPreview->rowCount() > 0);

        child<QLineEdit>(&wizard, "travelTimesFile")->setText(sharedPath(kTimes));
        child<QLineEdit>(&wizard, "flowsFile")->setText(sharedPath(kFlows));

        const io::ImportOptions o = wizard.options();
        QCOMPARE(o.polygons.codeField, std::string("id"));
        QCOMPARE(o.professionals.size(), std::size_t(1));
        QCOMPARE(o.links.travelTimes.path, sharedPath(kTimes).toStdString());
        QCOMPARE(o.links.flows.path, sharedPath(kFlows).toStdString());
    }

    void registerPageAndJoinPreviewOnRealFiles() {
        REQUIRE_REAL_FILES();
        ImportWizard wizard;
        io::ImportOptions options = realOptions();
        options.links.flows = {};
        wizard.setOptions(options);
        wizard.resize(900, 700);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        // The register page: the RPPS extract, read in the background.
        auto* inputs = wizard.findChild<RegisterInputs*>();
        QVERIFY(inputs);
        for (int guard = 0; guard < 20 && wizard.currentPage()->objectName() != QLatin1String("registerPage");
             ++guard)
            wizard.next();
        QCOMPARE(wizard.currentPage()->objectName(), QStringLiteral("registerPage"));
        child<QLineEdit>(&wizard, "registerFile")->setText(sharedPath(kRpps));
        child<QSpinBox>(&wizard, "registerYear")->setValue(2024);
        QSignalSpy read(inputs, &RegisterInputs::previewReady);
        inputs->preview();
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 120000);
        const QString registerText = inputs->previewText();
        QVERIFY2(registerText.contains(QStringLiteral("22 professionnels lus")), qPrintable(registerText));
        screenshot(&wizard, "fr-assistant-registre.png");

        // The preview of the joins, computed by the import's own steps.
        auto* preview = walkTo<JoinPreviewPage>(wizard);
        QVERIFY(preview);
        QTRY_VERIFY_WITH_TIMEOUT(preview->isReady(), 300000);
        const QString text = preview->previewText();
        QVERIFY2(text.contains(QStringLiteral("512 communes lues")), qPrintable(text));
        // The national tables against Isère's communes: codes outside the territory are no failure to join.
        QVERIFY2(!text.contains(QStringLiteral("⚠")), qPrintable(text));
        screenshot(&wizard, "fr-assistant-jointures.png");
    }

    void realFilesImportThroughTheWizardWithTheirTimesFlowsAndFacilities() {
        REQUIRE_REAL_FILES();
        io::ImportOptions options = realOptions();
        options.zones.qpv = sharedPath(kQpv).toStdString(); // Occitanie's: none is in Isère
        QTemporaryDir dir;
        ImportWizard wizard;
        wizard.setOptions(options);
        wizard.setOutputPath(dir.filePath(QStringLiteral("isere.gpkg")));
        wizard.show();
        for (int guard = 0; wizard.currentId() != wizard.pageIds().last() && guard < 20; ++guard)
            wizard.next(); // the last page runs the import in a QgsTask
        QTRY_VERIFY_WITH_TIMEOUT(wizard.imported(), 300000);
        const QString report = wizard.reportHtml();
        const model::Dataset ds = wizard.takeDataset();
        QCOMPARE(ds.communes.size(), std::size_t(512));
        // The COG detected from the communes' codes is the dataset's (it was left at 0 when the file name
        // gave no year, so that flows added later were not carried).
        QVERIFY2(ds.meta.cogYear >= 2019, qPrintable(QString::number(ds.meta.cogYear)));
        // The full OSRM matrix: 512 × 512 times, the diagonal included.
        QCOMPARE(ds.travelTimes.size(), std::size_t(512 * 512));
        // Every commuting flow of Isère kept, totals equal to the file's.
        QCOMPARE(ds.flows.size(), std::size_t(13067));
        double volume = 0;
        for (const model::Flow& f : ds.flows)
            volume += f.volume;
        QVERIFY(std::abs(volume - lastColumnSum(sharedPath(kFlows))) < 0.01);
        // BPE's D1xx establishments are the facilities layer's, of 2018.
        QVERIFY(!ds.facilities.empty());
        for (const model::FacilityCount& f : ds.facilities)
            QCOMPARE(f.vintage, 2018);
        // Occitanie's QPV are outside Isère: left out, and the report says so.
        QVERIFY(ds.qpvs.empty());
        for (const std::string& source : ds.meta.sources) // nor a source of the dataset's captions
            QVERIFY2(source.find("occitanie") == std::string::npos, source.c_str());
        QVERIFY2(report.contains(QStringLiteral("105 QPV sont dans une commune absente du jeu de données")),
                 qPrintable(report));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestInputs19Wizard)
#include "test_inputs19_wizard.moc"
