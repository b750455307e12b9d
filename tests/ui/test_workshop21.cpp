// Issue 11, session 21: every early warning labelled beside its triangle, the pôles under a warning still
// named, one layer order whatever comes first, names inside the map's edges on Hauts-de-France.
#include "core/analysis/crunch.h"
#include "core/analysis/secrecy.h"
#include "core/demo/demo.h"
#include "core/io/geo.h"
#include "core/io/import.h"
#include "ui/change_layer.h"
#include "ui/early_warning_layer.h"
#include "ui/layer_roles.h"
#include "ui/maillage_layers.h"
#include "ui/main_window.h"
#include "ui/map_compare.h"
#include "ui/map_layers.h"
#include "ui/session.h"
#include "ui/workshop.h"

#include "testing.h"
#include "ui/map_testing.h"
#include "ui/qgis_test_main.h"
#include "ui/workshop_fixture.h"

#include <QDir>
#include <QImage>
#include <QPainter>

#include <qgslabelingengine.h>
#include <qgslabelingresults.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsvectorlayer.h>

using namespace maillage;
using namespace maillage::ui;

namespace {

void saveScreenshot(const QImage& image, const QString& name) {
    if (const QString dir = qEnvironmentVariable("MAILLAGE_SCREENSHOT_DIR"); !dir.isEmpty())
        image.save(QDir(dir).filePath(name));
}

//! The labels of `layer` placed (not left out), by text.
QHash<QString, QgsRectangle> placedLabels(const QList<QgsLabelPosition>& labels, const QgsMapLayer* layer) {
    QHash<QString, QgsRectangle> placed;
    for (const QgsLabelPosition& label : labels)
        if (label.layerID == layer->id() && !label.isUnplaced)
            placed.insert(label.labelText, label.labelRect);
    return placed;
}

//! The warnings of the demo's default Crunch diagnosis (first vintage to the last), as published.
std::vector<analysis::EarlyWarning> demoWarnings(const Session& session) {
    const model::Dataset& ds = session.dataset();
    const analysis::CrunchDiagnostics d =
        analysis::diagnoseCrunch(ds, {}, session.parameters().poles, session.parameters().crunch,
                                 ds.meta.vintages.back(), ds.meta.vintages.front());
    const analysis::SecrecyRule rule = analysis::SecrecyRule::from(session.parameters().density);
    return analysis::earlyWarnings(analysis::publishableCrunch(d, analysis::maskCrunch(d, rule)));
}

//! The demo dataset with its bassins' outlines (dissolved as `maillage demo` writes them).
model::Dataset demoWithOutlines() {
    model::Dataset ds = demo::makeDemoDataset();
    Warnings warnings;
    io::dissolveBassins(ds, warnings);
    return ds;
}

//! The layers of the project's tree, top first.
QList<QgsMapLayer*> treeLayers(const QgsProject& project) {
    QList<QgsMapLayer*> out;
    for (QgsLayerTreeLayer* node : project.layerTreeRoot()->findLayers())
        out.append(node->layer());
    return out;
}

QString roleOf(const QgsMapLayer* layer) {
    return layer->customProperty(QString::fromLatin1(kRoleProperty)).toString();
}

//! The application's layers of the tree, by role, top first.
QStringList treeRoles(const QgsProject& project) {
    QStringList roles;
    for (QgsMapLayer* layer : treeLayers(project))
        roles << roleOf(layer);
    return roles;
}

} // namespace

class TestWorkshop21 : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void everyEarlyWarningIsLabelledBesideItsTriangleAndThePolesKeepTheirNames() {
        // The analyst's map at 1600×1000 (MainWindow::zoomToFull()).
        const QSize size(565, 830);
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        Session session;
        QgsProject project;
        MapLayers layers(&session, &project);
        session.setDataset(demoWithOutlines());
        MaillageLayers maillage(&project);
        maillage.showMaillage(session.maillage(), session.dataset(), session.parameters().maillage);
        const auto warnings = demoWarnings(session);
        QCOMPARE(int(warnings.size()), 3); // Rocheblanche, Rouraressy, Fontrenard
        std::unique_ptr<QgsVectorLayer> warningLayer(
            buildEarlyWarningLayer(session.dataset(), warnings, Language::Fr, layers.bassins()->crs()));
        QgsVectorLayer* bassins = layers.bassins();
        QVERIFY(!bassins->extent().isEmpty());
        const QList<QgsMapLayer*> drawn{warningLayer.get(), maillage.poles(), maillage.links(), bassins};
        QgsRectangle extent = bassins->extent();
        extent.scale(1.04);
        QList<QgsLabelPosition> labels;
        const QImage image = testing::renderMapWithLabels(drawn, extent, size, &labels);
        saveScreenshot(image, QStringLiteral("warnings.png"));
        // The map units of a millimetre: the extent fills the larger ratio (QgsMapSettings), 96 DPI.
        const double mmToMap =
            std::max(extent.width() / size.width(), extent.height() / size.height()) * 96 / 25.4;
        const double halfTriangle = kWarningSymbolMm / 2 * mmToMap;

        const QHash<QString, QgsRectangle> sentences = placedLabels(labels, warningLayer.get());
        QgsFeature f;
        QgsFeatureIterator it = warningLayer->getFeatures();
        while (it.nextFeature(f)) {
            const QString sentence = f.attribute("sentence").toString();
            QVERIFY2(sentences.contains(sentence),
                     qPrintable(QStringLiteral("unlabelled: %1").arg(sentence)));
            const QgsPointXY p = f.geometry().asPoint();
            const QgsRectangle triangle(p.x() - halfTriangle, p.y() - halfTriangle, p.x() + halfTriangle,
                                        p.y() + halfTriangle);
            QVERIFY2(!sentences.value(sentence).intersects(triangle),
                     qPrintable(QStringLiteral("over its triangle: %1").arg(sentence)));
        }
        // No sentence over another one or over a pôle name.
        const QHash<QString, QgsRectangle> names = placedLabels(labels, bassins);
        for (auto s = sentences.cbegin(); s != sentences.cend(); ++s) {
            for (auto n = names.cbegin(); n != names.cend(); ++n)
                QVERIFY2(!s.value().intersects(n.value()), qPrintable(n.key() + " under " + s.key()));
            for (auto t = std::next(s); t != sentences.cend(); ++t)
                QVERIFY(!s.value().intersects(t.value()));
        }
        // The pôles of types 1 and 2 are all named, the pôles under a warning too (a triangle weighing as an
        // obstacle made every position of their names a hard conflict).
        QgsFeatureIterator large = bassins->getFeatures(
            QgsFeatureRequest().setFilterExpression(QStringLiteral("\"pole_type\" IN (1, 2)")));
        while (large.nextFeature(f))
            QVERIFY2(names.contains(f.attribute("nom").toString()),
                     qPrintable(f.attribute("nom").toString()));
        for (const char* name : {"Fontrenard", "Rouraressy", "Rocheblanche"})
            QVERIFY2(names.contains(QString::fromUtf8(name)),
                     qPrintable(QStringLiteral("%1 unnamed; named: %2")
                                    .arg(QString::fromUtf8(name), QStringList(names.keys()).join(", "))));
    }

    //! In the workshop, the change map showed under the legend of the pôle types: the simple legend takes the
    //! classes of the result map shown, and the types' again once it is hidden.
    void theSimpleLegendFollowsTheChangeMapShown() {
        Session session;
        QgsProject project;
        MapLayers layers(&session, &project);
        session.setDataset(demo::makeDemoDataset());
        ChangeMapLayer change(&session, &project);
        QVERIFY(!shownResultLayer(&project)); // the types' legend
        const model::Dataset& ds = session.dataset();
        ChangeViewRequest request;
        request.change.from = ds.meta.vintages.front();
        request.change.to = ds.meta.vintages.back();
        session.requestChange(request);
        QTRY_VERIFY_WITH_TIMEOUT(change.layer(), 30000);
        QCOMPARE(shownResultLayer(&project), change.layer());
        const QSizeF size = resultLegendSize(20, *change.layer());
        QVERIFY2(size.height() > 20 * (1.9 + 1.35 * 3),
                 qPrintable(QString::number(size.height()))); // 3+ classes
        QImage image(size.toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        const double drawn = drawResultLegend(painter, QRectF(QPointF(0, 0), size), 20, *change.layer());
        painter.end();
        QVERIFY2(drawn > 20 * (1.9 + 1.35 * 3) && drawn < size.height() + 20,
                 qPrintable(QString::number(drawn)));
        int coloured = 0; // the class swatches are drawn in the palette's colours
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < 40; ++x) {
                const QColor c = image.pixelColor(x, y);
                coloured += c.saturation() > 60 ? 1 : 0;
            }
        QVERIFY2(coloured > 100, qPrintable(QString::number(coloured)));
        project.layerTreeRoot()->findLayer(change.layer())->setItemVisibilityChecked(false);
        QVERIFY(!shownResultLayer(&project));
    }

    void theLayersKeepOneOrderWhicheverResultComesFirst() {
        QStringList orders[2];
        for (bool maillageFirst : {true, false}) {
            Session session;
            QgsProject project;
            MapLayers layers(&session, &project);
            session.setDataset(demo::makeDemoDataset());
            MaillageLayers maillage(&project);
            EarlyWarningMapLayer warnings(&session, &project);
            ChangeMapLayer change(&session, &project);
            auto showMaillage = [&] {
                maillage.showMaillage(session.maillage(), session.dataset(), session.parameters().maillage);
            };
            if (maillageFirst)
                showMaillage();
            const model::Dataset& ds = session.dataset();
            CrunchRequest crunch;
            crunch.vintageTo = ds.meta.vintages.back();
            crunch.vintageFrom = ds.meta.vintages.front();
            for (const model::Bassin& b : ds.bassins) // not a cached request: computed, then crunchReady
                crunch.bassins.push_back(b.code);
            if (!session.crunch(crunch))
                QTRY_VERIFY_WITH_TIMEOUT(warnings.layer(), 30000);
            QVERIFY(warnings.layer());
            ChangeViewRequest request;
            request.change.from = ds.meta.vintages.front();
            request.change.to = ds.meta.vintages.back();
            session.requestChange(request);
            QTRY_VERIFY_WITH_TIMEOUT(change.layer(), 30000);
            if (!maillageFirst)
                showMaillage();
            orders[maillageFirst ? 0 : 1] = treeRoles(project);
            const QStringList& roles = orders[maillageFirst ? 0 : 1];
            // The warnings' triangles over the pôles' markers, the markers over the change's fills.
            QVERIFY2(roles.indexOf(role::EarlyWarning) < roles.indexOf(role::Poles),
                     qPrintable(roles.join(' ')));
            QVERIFY2(roles.indexOf(role::Poles) < roles.indexOf(role::Change), qPrintable(roles.join(' ')));
            QVERIFY2(roles.indexOf(role::Links) < roles.indexOf(role::Change), qPrintable(roles.join(' ')));
            QVERIFY2(roles.indexOf(role::Change) < roles.indexOf(role::Bassins), qPrintable(roles.join(' ')));
            int previous = -1;
            for (const QString& r : roles) {
                QVERIFY2(mapOrderRank(r) > previous, qPrintable(roles.join(' ')));
                previous = mapOrderRank(r);
            }
        }
        QCOMPARE(orders[0], orders[1]);
    }

    void poleNamesStayInsideTheMapOnHautsDeFrance() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        MAILLAGE_REQUIRE_SHARED("professionals/bpe2018_sante_par_commune_long.csv");
        const model::Dataset dataset = testing::importHautsDeFrance();
        auto window = testing::showTwoYearsWindow(QSize(1600, 1000));
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->showDataset(dataset, QString());
        QTRY_VERIFY_WITH_TIMEOUT(window->layers()->departementsReady(), 120000);
        window->zoomToFull();
        QTest::qWait(200);
        QTRY_VERIFY_WITH_TIMEOUT(!window->canvas()->isDrawing() && window->canvas()->labelingResults(),
                                 60000);
        const QgsRectangle visible = window->canvas()->extent();
        QStringList named;
        for (const QgsLabelPosition& label : testing::canvasLabels(window->canvas())) {
            if (label.isUnplaced)
                continue;
            named << label.labelText;
            QVERIFY2(visible.contains(label.labelRect),
                     qPrintable(QStringLiteral("%1 cut by the map's edge").arg(label.labelText)));
        }
        for (const char* name : {"Lille", "Valenciennes", "Amiens", "Boulogne-sur-Mer"})
            QVERIFY2(named.contains(QString::fromUtf8(name)), qPrintable(named.join(", ")));
        window.reset();
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestWorkshop21)
#include "test_workshop21.moc"
