// Issue 11 in the desktop application, on the demo dataset: the Crunch panel shows the sentences to read
// aloud first (describeCrunchBriefly), the analysts' paragraph folded, and the early-warning table.
#include "core/analysis/change.h"
#include "core/analysis/crunch.h"
#include "core/analysis/secrecy.h"
#include "core/demo/demo.h"
#include "core/io/import.h"
#include "ui/change_layer.h"
#include "ui/early_warning_layer.h"
#include "ui/i18n.h"
#include "ui/panels/poles_panel.h"
#include "ui/panels/result_table_model.h"
#include "ui/session.h"

#include "testing.h"
#include "ui/map_testing.h"
#include "ui/qgis_test_main.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgslegendsymbolitem.h>
#include <qgsmapcanvas.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>
#include <qgspallabeling.h>
#include <qgsproject.h>
#include <qgssymbol.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

#include <QDir>
#include <QPainter>

#include <QLabel>
#include <QTextEdit>
#include <QToolButton>

#include <memory>

using namespace maillage;
using namespace maillage::ui;

class TestChangeUi : public QObject {
    Q_OBJECT

    std::unique_ptr<Session> session;
    std::unique_ptr<QgsProject> project;
    std::unique_ptr<QgsMapCanvas> canvas;

    //! The diagnosis the panel shows by default: every BV, the first vintage against the session's.
    analysis::CrunchDiagnostics expected() const {
        const model::Dataset& ds = session->dataset();
        return analysis::diagnoseCrunch(ds, {}, session->parameters().poles, session->parameters().crunch,
                                        session->vintage(), ds.meta.vintages.front());
    }

private slots:
    void initTestCase() {
        i18n::installTranslators(QStringLiteral("en"));
        session = std::make_unique<Session>();
        project = std::make_unique<QgsProject>();
        canvas = std::make_unique<QgsMapCanvas>();
        session->setDataset(demo::makeDemoDataset());
    }

    void cleanupTestCase() {
        canvas.reset();
        project.reset();
        session.reset();
    }

    void crunchPanelShowsTheBriefSentencesFirstAndTheDetailFolded() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        QTRY_VERIFY(panel.crunch().totalProfessionals > 0);
        const auto d = expected();
        const auto rule = analysis::SecrecyRule::from(session->parameters().density);
        QStringList sentences;
        for (const std::string& s : analysis::describeCrunchBriefly(
                 analysis::publishableCrunch(d, analysis::maskCrunch(d, rule)), analysis::Language::En))
            sentences << QString::fromStdString(s);
        QVERIFY(sentences.size() >= 3);
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("crunchBrief"))->text(), sentences.join('\n'));
        auto* detail = panel.findChild<QTextEdit*>(QStringLiteral("crunchDiagnosis"));
        QVERIFY(detail->isHidden());
        auto* toggle = panel.findChild<QToolButton*>(QStringLiteral("crunchDetailToggle"));
        QVERIFY(!toggle->toolTip().isEmpty()); // the technical terms are explained there
        toggle->setChecked(true);
        QVERIFY(!detail->isHidden());
    }

    void crunchPanelListsThePolesAtRiskWithTheirSentence() {
        PolesPanel panel(session.get(), canvas.get(), project.get());
        QTRY_VERIFY(panel.crunch().totalProfessionals > 0);
        const auto d = expected();
        QVERIFY(!d.atRisk.empty());
        const ResultTableModel* model = panel.earlyWarningModel();
        QCOMPARE(model->rowCount(), int(d.atRisk.size()));
        int sentence = -1;
        for (int c = 0; c < model->columnCount(); ++c)
            if (model->headerData(c, Qt::Horizontal, Qt::DisplayRole)
                    .toString()
                    .startsWith(QStringLiteral("Warning")))
                sentence = c;
        QVERIFY(sentence >= 0);
        const auto warnings = analysis::earlyWarnings(d);
        QCOMPARE(
            model->data(model->index(0, sentence), Qt::DisplayRole).toString(),
            QString::fromStdString(analysis::describeEarlyWarning(warnings.front(), analysis::Language::En)));
    }
    void changeClassesAreNotDrivenByMaskedOrNoisyUnits() {
        analysis::ChangeResult r;
        auto row = [](double before, double after, bool noise) {
            analysis::ChangeRow x;
            x.before = before;
            x.after = after;
            x.change = after - before;
            x.hasPercent = before > 0;
            x.changePercent = 100 * x.change / before;
            x.withinNoise = noise;
            return x;
        };
        for (int i = 0; i < 9; ++i)
            r.rows.push_back(row(100, i % 2 ? 110 : 90, false)); // ±10 %
        r.rows.push_back(row(1, 4, true));                       // a tiny commune: +300 % within noise
        r.rows.push_back(row(10, 2, false));                     // -80 %, but masked below
        r.rows.push_back(row(100, 103, false));                  // +3 %
        r.rows.push_back(row(100, 93, false));                   // -7 %
        std::vector<analysis::ChangeMask> masks(r.rows.size());
        masks[10] = analysis::maskChange(false, true);
        const ChangeClasses classes = changeClassesOf(r, masks);
        QCOMPARE(classes.step, 4.0); // 90th percentile 10 % -> a third, 3.3, rounded up to 4
        QCOMPARE(changeCategoryOf(r.rows[9], masks[9], classes), QStringLiteral("stable"));
        QCOMPARE(changeCategoryOf(r.rows[10], masks[10], classes), QStringLiteral("secret"));
        QCOMPARE(changeCategoryOf(r.rows[1], masks[1], classes), QStringLiteral("3"));
        QCOMPARE(changeCategoryOf(r.rows[0], masks[0], classes), QStringLiteral("-3"));
        QCOMPARE(changeCategoryOf(r.rows[11], masks[11], classes), QStringLiteral("1"));
        QCOMPARE(changeCategoryOf(r.rows[12], masks[12], classes), QStringLiteral("-2"));
        const QString minus(QChar(0x2212));
        QCOMPARE(changeCategoryLabel(QStringLiteral("3"), classes), QStringLiteral("+8% and more"));
        QCOMPARE(changeCategoryLabel(QStringLiteral("-1"), classes), minus + QStringLiteral("4% to 0%"));
        QCOMPARE(changeCategoryLabel(QStringLiteral("-3"), classes), minus + QStringLiteral("8% and less"));
        QCOMPARE(changeCategoryLabel(QStringLiteral("secret"), classes),
                 QStringLiteral("Statistical secrecy"));
    }

    void changeLayerHasOneFeaturePerBassinInItsClass() {
        const model::Dataset& ds = session->dataset();
        analysis::ChangeRequest request;
        request.from = ds.meta.vintages.front();
        request.to = ds.meta.vintages.back();
        const auto rule = analysis::SecrecyRule::from(session->parameters().density);
        const auto result = analysis::computeChange(ds, request, rule);
        const auto masks = analysis::maskChangeRows(ds, result, rule);
        std::unique_ptr<QgsVectorLayer> layer(
            buildChangeLayer(ds, result, masks, QgsCoordinateReferenceSystem(QStringLiteral("EPSG:2154"))));
        QCOMPARE(int(layer->featureCount()), int(ds.bassins.size()));
        const ChangeClasses classes = changeClassesOf(result, masks);
        QgsFeature f;
        QgsFeatureIterator it = layer->getFeatures();
        std::size_t i = 0;
        while (it.nextFeature(f)) {
            QCOMPARE(f.attribute(QStringLiteral("category")).toString(),
                     changeCategoryOf(result.rows[i], masks[i], classes));
            ++i;
        }
        auto* renderer = dynamic_cast<QgsCategorizedSymbolRenderer*>(layer->renderer());
        QVERIFY(renderer);
        QCOMPARE(renderer->categories().size(), 8);
    }
    //! The change map of Hauts-de-France, BPE 2013 -> 2018, per bassin de vie, as the documentation shows
    //! it (written to $MAILLAGE_SCREENSHOT_DIR/fr-evolution.png when set): losses and gains both drawn.
    void changeMapOfHautsDeFranceShowsLossesAndGains() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        const model::Dataset ds = testing::importHautsDeFrance();
        analysis::ChangeRequest request;
        request.from = 2013;
        request.to = 2018;
        const auto rule = analysis::SecrecyRule::from(ds.params.density);
        const auto result = analysis::computeChange(ds, request, rule);
        const auto masks = analysis::maskChangeRows(ds, result, rule);
        i18n::installTranslators(QStringLiteral("fr")); // the French documentation's figure
        std::unique_ptr<QgsVectorLayer> layer(
            buildChangeLayer(ds, result, masks, QgsCoordinateReferenceSystem(QStringLiteral("EPSG:2154"))));
        i18n::installTranslators(QStringLiteral("en"));
        QVERIFY(layer->featureCount() > 100);

        QImage image(1280, 720, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QgsMapSettings settings;
        settings.setLayers({layer.get()});
        settings.setDestinationCrs(layer->crs());
        settings.setOutputSize(QSize(900, 720));
        settings.setExtent(layer->extent().buffered(2000));
        settings.setBackgroundColor(Qt::white);
        QgsMapRendererSequentialJob job(settings);
        job.start();
        job.waitForFinished();
        QPainter painter(&image);
        painter.drawImage(0, 0, job.renderedImage());
        drawLegend(painter, *layer, result);
        painter.end();
        const QString dir = qEnvironmentVariable("MAILLAGE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(image.save(QDir(dir).filePath(QStringLiteral("fr-evolution.png"))));
        const QColor strongLoss(0xb2, 0x18, 0x2b), strongGain(0x21, 0x66, 0xac);
        bool loss = false, gain = false;
        for (int y = 0; y < 720; y += 2)
            for (int x = 0; x < 900; x += 2) {
                const QColor c = image.pixelColor(x, y);
                loss =
                    loss || c == strongLoss || c == QColor(0xef, 0x8a, 0x62) || c == QColor(0xfd, 0xdb, 0xc7);
                gain =
                    gain || c == strongGain || c == QColor(0x67, 0xa9, 0xcf) || c == QColor(0xd1, 0xe5, 0xf0);
            }
        QVERIFY(loss);
        QVERIFY(gain);
    }

    void earlyWarningLayerHasOnePointPerPoleAtRiskLabelledWithItsSentence() {
        const auto warnings = analysis::earlyWarnings(expected());
        QVERIFY(!warnings.empty());
        std::unique_ptr<QgsVectorLayer> layer(
            buildEarlyWarningLayer(session->dataset(), warnings, analysis::Language::Fr,
                                   QgsCoordinateReferenceSystem(QStringLiteral("EPSG:2154"))));
        QCOMPARE(int(layer->featureCount()), int(warnings.size()));
        QVERIFY(layer->labelsEnabled());
        // Wrapped, aligned on the side of its triangle, with a halo: on one line the sentence ran off the
        // map's edge; over the point it covered its triangle.
        const QgsPalLayerSettings& label = layer->labeling()->settings();
        QVERIFY(label.autoWrapLength > 0 && label.autoWrapLength <= 40);
        QCOMPARE(label.multilineAlign, QgsPalLayerSettings::MultiFollowPlacement);
        QCOMPARE(label.placement, QgsPalLayerSettings::OrderedPositionsAroundPoint);
        QVERIFY(label.format().buffer().enabled());
        QgsFeature f;
        QVERIFY(layer->getFeatures().nextFeature(f));
        QCOMPARE(
            f.attribute(QStringLiteral("sentence")).toString(),
            QString::fromStdString(analysis::describeEarlyWarning(warnings.front(), analysis::Language::Fr)));
    }

    void earlyWarningMapLayerFollowsTheDiagnosisWithTwoYears() {
        QgsProject own;
        EarlyWarningMapLayer layer(session.get(), &own);
        const model::Dataset& ds = session->dataset();
        CrunchRequest request;
        request.vintageTo = ds.meta.vintages.back();
        request.vintageFrom = ds.meta.vintages.front();
        // every BV named: not the panels' cached request (empty = all), so computed and then crunchReady
        for (const model::Bassin& b : ds.bassins)
            request.bassins.push_back(b.code);
        if (!session->crunch(request))
            QTRY_VERIFY(session->crunch(request) && layer.layer());
        QVERIFY(layer.layer());
        const CrunchResult* result = session->crunch(request);
        QCOMPARE(int(layer.layer()->featureCount()), int(result->diagnostics.atRisk.size()));
    }

private:
    //! The layer's categories, with a title, to the right of the map.
    static void drawLegend(QPainter& painter, QgsVectorLayer& layer, const analysis::ChangeResult& result) {
        QFont font = painter.font();
        font.setPixelSize(16);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::black);
        painter.drawText(QRect(920, 30, 350, 50), Qt::TextWordWrap,
                         QStringLiteral("Professionnels, évolution %1 → %2")
                             .arg(result.request.from)
                             .arg(result.request.to));
        font.setBold(false);
        font.setPixelSize(14);
        painter.setFont(font);
        int y = 100;
        for (const QgsLegendSymbolItem& item : layer.renderer()->legendSymbolItems()) {
            if (!item.symbol())
                continue;
            painter.drawImage(920, y, item.symbol()->asImage(QSize(28, 18)));
            painter.drawText(960, y + 15, item.label());
            y += 30;
        }
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestChangeUi)
#include "test_change_ui.moc"
