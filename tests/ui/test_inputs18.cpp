// Issue 8 and 12 in the import wizard: the professionals' count columns chosen from the file's header
// and used by the import, the preview of the joins (unmatched codes with their reason) before the last
// page, and the register page importing a register as a vintage of the dataset.
#include "core/demo/demo.h"
#include "core/demo/demo_register.h"
#include "core/io/gpkg.h"
#include "core/io/import.h"
#include "ui/add_data_dialog.h"
#include "ui/import_wizard.h"
#include "ui/main_window.h"
#include "ui/map_layers.h"
#include "ui/panels/qpv_view.h"
#include "ui/qpv_identify.h"
#include "ui/wizard_join_preview.h"
#include "ui/wizard_register.h"

#include "find_child.h"
#include "qgis_test_main.h"
#include "ui_fixture.h"
#include "wizard_testing.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <qgsmapcanvas.h>

#include <algorithm>
#include <fstream>

using namespace maillage;
using namespace maillage::ui;
using maillage::testing::child;
using maillage::testing::itemsOf;
using maillage::testing::writeText;

namespace {

QString geoFixture(const char* name) {
    return QString::fromUtf8(TEST_DATA_DIR) + QStringLiteral("/geo/") + QString::fromLatin1(name);
}

//! The small import of tests/data/geo (communes 01001–01004, Lille, Villeneuve-d'Ascq, Paris, Ajaccio) of
//! COG 2016, with a professionals table whose columns no reader would guess.
io::ImportOptions smallImport(const QString& professionals) {
    io::ImportOptions o;
    o.communesPath = geoFixture("import_communes.geojson").toStdString();
    o.bassinsPath = geoFixture("import_bv.csv").toStdString();
    o.populationPath = geoFixture("import_population.csv").toStdString();
    o.cogYear = 2016;
    io::ProfessionalsSource source;
    source.path = professionals.toStdString();
    source.vintage = 2016;
    o.professionals.push_back(source);
    return o;
}

//! Passage tables 2015 -> 2016: 01005 merged into 01004, 01007 renamed 01001 (01001 exists from 2016 on).
QString passageTable(const QTemporaryDir& dir) {
    return writeText(dir, "passage.csv",
                     "annee_depart;annee_arrivee;cod_depart;cod_arrivee;ratio\n"
                     "2015;2016;01004;01004;1\n"
                     "2015;2016;01005;01004;1\n"
                     "2015;2016;01007;01001;1\n");
}

} // namespace

class TestInputs18 : public QObject {
    Q_OBJECT
private slots:
    void professionalsColumnsAreChosenFromTheHeaderAndUsedByTheImport() {
        QTemporaryDir dir;
        const QString counts = writeText(
            dir, "effectifs.csv", "lieu;metier;nb_ps\n01004;medecin_generaliste;7\n59350;infirmier;40\n");
        ImportWizard wizard;
        wizard.setOptions(smallImport(counts));
        auto* commune = child<QComboBox>(&wizard, "countsCommuneColumn");
        auto* profession = child<QComboBox>(&wizard, "countsProfessionColumn");
        auto* count = child<QComboBox>(&wizard, "countsCountColumn");
        QCOMPARE(itemsOf(commune), (QStringList{"lieu", "metier", "nb_ps"}));
        QCOMPARE(itemsOf(count), (QStringList{"lieu", "metier", "nb_ps"}));
        auto* preview = child<QTableWidget>(&wizard, "countsPreview");
        QCOMPARE(preview->rowCount(), 2);
        QCOMPARE(preview->item(1, 0)->text(), QStringLiteral("59350"));
        // Nothing detected: the reader would refuse the file. The user's choices reach the import.
        auto* layout = child<QComboBox>(&wizard, "countsLayout");
        layout->setCurrentIndex(layout->findData(static_cast<int>(io::CountsLayout::Long)));
        commune->setCurrentIndex(0);
        profession->setCurrentIndex(1);
        count->setCurrentIndex(2);
        const io::ImportOptions o = wizard.options();
        QCOMPARE(o.professionals.size(), std::size_t(1));
        QCOMPARE(o.professionals[0].columns.commune, std::string("lieu"));
        QCOMPARE(o.professionals[0].columns.profession, std::string("metier"));
        QCOMPARE(o.professionals[0].columns.count, std::string("nb_ps"));
        QCOMPARE(o.professionals[0].columns.layout, io::CountsLayout::Long);
        const io::JoinPreview preview2 = io::previewImportJoins(o);
        const io::JoinReport& join = preview2.report.joins.back();
        QCOMPARE(join.totalProfessionals, 47.0);
        QVERIFY(join.ok());
        // The choices stay with their file when the options are given back.
        ImportWizard again;
        again.setOptions(o);
        QCOMPARE(again.options().professionals[0].columns.count, std::string("nb_ps"));
        QCOMPARE(child<QComboBox>(&again, "countsCountColumn")->currentText(), QStringLiteral("nb_ps"));
    }

    void joinPreviewListsUnmatchedCodesWithTheirReason() {
        QTemporaryDir dir;
        // 01005 is a commune of COG 2015 (merged into 01004 in 2016); 01001 exists from 2016 only, so the
        // table is of COG 2016 with one code left over from 2015. 20004 is Ajaccio (2A004) coded as before
        // 1976. 01004 and Lille match.
        const QString counts =
            writeText(dir, "bpe.csv",
                      "commune;profession;count\n01001;infirmier;2\n01004;medecin_generaliste;7\n"
                      "01005;medecin_generaliste;3\n20004;infirmier;5\n59350;infirmier;40\n");
        io::ImportOptions options = smallImport(counts);
        options.cogHistoryPath = passageTable(dir).toStdString();
        ImportWizard wizard;
        wizard.setOptions(options);
        // The preview is the page before the last one.
        const QList<int> ids = wizard.pageIds();
        auto* page = qobject_cast<JoinPreviewPage*>(wizard.page(ids.at(ids.size() - 2)));
        QVERIFY(page);
        // The wizard's choices (its own passage tables are not a wizard field): the same options.
        JoinPreviewPage preview([options] { return options; });
        QSignalSpy ready(&preview, &JoinPreviewPage::previewReady);
        preview.initializePage();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        const QString html = preview.previewText();
        QVERIFY2(html.contains(QStringLiteral("01005")), qPrintable(html));
        QVERIFY2(html.contains(
                     QStringLiteral("est une commune du COG 2015, fusionnée dans « 01004 » au COG 2016")),
                 qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("« 20004 » désigne « 2A004 »")), qPrintable(html));
        // The polygons' communes against the BV table: Villeneuve-d'Ascq (59009) has no row.
        QVERIFY2(html.contains(QStringLiteral("59009")), qPrintable(html));
        // The same reasons as the engine's, in English.
        const io::JoinPreview engine = io::previewImportJoins(options);
        const auto& reasons = engine.reasons.back();
        QCOMPARE(reasons.size(), std::size_t(2));
        QCOMPARE(reasons[0].code, std::string("01005"));
        QCOMPARE(reasons[0].reason, io::UnmatchedReason::OtherCogYear);
        QCOMPARE(
            word(reasons[0].explanation(), Language::En),
            std::string("'01005' is a commune of COG 2015, merged into '01004' by COG 2016: the table is "
                        "of another COG year"));
        QCOMPARE(reasons[1].reason, io::UnmatchedReason::CorsicaCode);
        // The import reports the very same joins.
        io::ImportReport report;
        io::importDataset(options, report);
        QCOMPARE(report.joins.size(), engine.report.joins.size());
        for (std::size_t i = 0; i < report.joins.size(); ++i)
            QCOMPARE(report.joins[i].unmatched, engine.report.joins[i].unmatched);
    }

    void registerPageImportsARegisterAsAVintage() {
        QTemporaryDir dir;
        // A demo-like register: the demo's fictional physicians of two communes, in the generic layout.
        const model::Dataset demo = demo::makeDemoDataset();
        const model::ProfessionalRegister reg = demo::makeDemoRegister(demo, demo.latestVintage(), 7);
        const std::string first = "01004", second = "59350";
        std::ofstream out(dir.filePath(QStringLiteral("registre.csv")).toStdString());
        out << "identifiant;profession;code_commune;age\n";
        long written = 0;
        for (const model::RegisteredProfessional& p : reg.professionals) {
            if (written == 30)
                break;
            out << p.id << ';' << p.profession << ';' << (written % 3 ? first : second) << ";45\n";
            ++written;
        }
        out << "X1;medecin_generaliste;;50\n"; // no commune: read, not located
        out.close();
        const QString counts = writeText(dir, "bpe.csv", "commune;profession;count\n01004;infirmier;2\n");

        ImportWizard wizard;
        wizard.setOptions(smallImport(counts));
        auto* inputs = wizard.findChild<RegisterInputs*>();
        QVERIFY(inputs);
        child<QLineEdit>(&wizard, "registerFile")->setText(dir.filePath(QStringLiteral("registre.csv")));
        child<QSpinBox>(&wizard, "registerYear")->setValue(2030);
        QSignalSpy ready(inputs, &RegisterInputs::previewReady);
        inputs->preview();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        const QString html = inputs->previewText();
        QVERIFY2(html.contains(QStringLiteral("31 professionnels lus")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("30 sur 31 sites d'exercice localisés")), qPrintable(html));

        const io::ImportOptions o = wizard.options();
        QCOMPARE(o.registers.size(), std::size_t(1));
        QCOMPARE(o.registers[0].vintage, 2030);
        QVERIFY(o.countRegister);
        // Walk to the last page: the import runs there.
        QSignalSpy started(&wizard, &ImportWizard::taskStarted);
        wizard.show();
        for (int guard = 0; wizard.currentId() != wizard.pageIds().last() && guard < 20; ++guard)
            wizard.next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard.imported(), 60000);
        const model::Dataset ds = wizard.takeDataset();
        QCOMPARE(ds.registers.size(), std::size_t(1));
        QCOMPARE(ds.registers[0].vintage, 2030);
        double counted = 0;
        for (const model::CountRecord& c : ds.counts)
            if (c.vintage == 2030)
                counted += c.count;
        QCOMPARE(counted, 30.0);
        QVERIFY2(wizard.reportHtml().contains(QStringLiteral("2030")), qPrintable(wizard.reportHtml()));
    }

    void addDataAddsARegisterWithItsRuleAndYear() {
        QTemporaryDir dir;
        const model::Dataset demo = demo::makeDemoDataset();
        const std::string commune = demo.communes.front().code;
        const QString path =
            writeText(dir, "registre.csv",
                      QByteArray("identifiant;profession;code_commune;age\n") +
                          QByteArray::fromStdString("A1;infirmier;" + commune + ";50\nA2;infirmier;" +
                                                    commune + ";61\n"));
        AddDataDialog dialog(demo, QString());
        QSignalSpy updated(&dialog, &AddDataDialog::datasetUpdated);
        child<QLineEdit>(&dialog, "registerFile")->setText(path);
        child<QSpinBox>(&dialog, "registerYear")->setValue(2031);
        auto* rule = child<QComboBox>(&dialog, "registerSiteRule");
        rule->setCurrentIndex(rule->findData(static_cast<int>(model::SiteRule::SharedByActivity)));
        const io::AddOptions o = dialog.options();
        QCOMPARE(o.registers.size(), std::size_t(1));
        QCOMPARE(o.registers[0].rule, model::SiteRule::SharedByActivity);
        dialog.run();
        QTRY_COMPARE_WITH_TIMEOUT(updated.count(), 1, 60000);
        const model::Dataset ds = dialog.takeDataset();
        const auto added =
            std::find_if(ds.registers.begin(), ds.registers.end(),
                         [](const model::ProfessionalRegister& r) { return r.vintage == 2031; });
        QVERIFY(added != ds.registers.end());
        QCOMPARE(added->rule, model::SiteRule::SharedByActivity);
        QCOMPARE(added->professionals.size(), std::size_t(2));
        QVERIFY2(dialog.reportHtml().contains(QStringLiteral("2031")), qPrintable(dialog.reportHtml()));
    }

    void clickingAQpvShowsItsMaskedFigures() {
        // Epsilon (00005) counts 3 professionals: a QPV around its anchor has 3 inside, a masked count.
        model::Dataset ds = testing::makeSixBassins();
        for (model::CountRecord& c : ds.counts)
            if (c.place == "00005")
                c.count = 3;
        const model::Commune& epsilon = *ds.commune("00005");
        model::Qpv q;
        q.code = "QP000005";
        q.name = "Les Tilleuls";
        q.commune = epsilon.code;
        q.population = 2000;
        q.anchor = epsilon.anchor;
        q.geometry = testing::squareWkb(q.anchor.x - 500, q.anchor.y - 500, 1000);
        ds.qpvs = {q};
        QTemporaryDir dir;
        const QString gpkg = dir.filePath(QStringLiteral("qpv.gpkg"));
        io::writeDataset(ds, gpkg.toStdString());

        MainWindow window;
        window.setErrorDialogsEnabled(false);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(&window, &MainWindow::datasetShown);
        window.openDataset(gpkg);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 60000);
        QVERIFY(window.layers()->qpv());
        QCOMPARE(window.layers()->qpv()->featureCount(), 1LL);
        auto* view = window.findChild<QpvView*>();
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(!view->table().rows.empty(), 30000);
        window.zoomToFull();
        QgsMapCanvas* canvas = window.canvas();
        QTRY_VERIFY(canvas->layers().contains(window.layers()->qpv()));
        const QgsPointXY pixel =
            canvas->getCoordinateTransform()->transform(QgsPointXY(q.anchor.x, q.anchor.y));
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(static_cast<int>(pixel.x()), static_cast<int>(pixel.y())));
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.startsWith(QStringLiteral("Les Tilleuls (QP000005)")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("< 5")), qPrintable(message)); // 3 inside: masked
        QVERIFY2(!message.contains(QStringLiteral(": 3 ")) && !message.endsWith(QStringLiteral(": 3")),
                 qPrintable(message));
        QCOMPARE(message, describeQpv(view->table(), QStringLiteral("QP000005"), Language::Fr));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestInputs18)
#include "test_inputs18.moc"
