// The map layers of a dataset: roles, fields, colours and legend counts follow the Session's
// classification; a parameter change is an attribute update (fast, also at the national scale);
// the rendering of the bassins layer matches a control image.
#include "core/analysis/maillage.h"
#include "core/analysis/poles.h"
#include "ui/export_layout.h"
#include "ui/layer_roles.h"
#include "ui/maillage_layers.h"
#include "ui/map_layers.h"
#include "ui/session.h"
#include "ui/styles/layer_styles.h"

#include "testing.h"
#include "ui/control_image.h"
#include "ui/qgis_test_main.h"
#include "ui/ui_fixture.h"
#include "ui/workshop_fixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsexpressioncontextutils.h>
#include <qgsfillsymbol.h>
#include <qgslabelingresults.h>
#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayertreemodellegendnode.h>
#include <qgslayoutexporter.h>
#include <qgslayoutitemlegend.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>
#include <qgspallabeling.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsrenderchecker.h>
#include <qgsrendercontext.h>
#include <qgsrulebasedlabeling.h>
#include <qgssymbol.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>
#include <qgsvectorsimplifymethod.h>

using namespace maillage;
using namespace maillage::ui;
using maillage::testing::matchesControlImage;

namespace {

using Counts = std::array<int, analysis::kPoleTypeCount>;

Counts countsOf(const std::vector<analysis::PoleClassification>& poles) {
    Counts c{};
    for (const auto& p : poles)
        ++c[static_cast<std::size_t>(p.type)];
    return c;
}

//! The legend of the bassins layer as the layer tree shows it: type -> count parsed from "… — n".
Counts legendCounts(QgsProject& project, QgsVectorLayer* layer, QStringList* labels = nullptr) {
    QgsLayerTreeModel model(project.layerTreeRoot());
    QgsLayerTreeLayer* node = project.layerTreeRoot()->findLayer(layer);
    Counts c{};
    if (!node)
        return c;
    const auto* renderer = dynamic_cast<const QgsCategorizedSymbolRenderer*>(layer->renderer());
    const QList<QgsLayerTreeModelLegendNode*> nodes = model.layerLegendNodes(node);
    for (int i = 0; i < nodes.size() && renderer && i < renderer->categories().size(); ++i) {
        const QString text = nodes.at(i)->data(Qt::DisplayRole).toString();
        if (labels)
            labels->append(text);
        const int type = renderer->categories().at(i).value().toInt();
        QString digits = text.section(QStringLiteral(" — "), -1);
        digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
        c[static_cast<std::size_t>(type)] = digits.toInt();
    }
    return c;
}

//! The attributes of every feature of a bassins layer, by BV code.
QMap<QString, QgsAttributes> attributesByCode(QgsVectorLayer* layer) {
    QMap<QString, QgsAttributes> byCode;
    QgsFeature f;
    for (QgsFeatureIterator it = layer->getFeatures(); it.nextFeature(f);)
        byCode.insert(f.attribute(QStringLiteral("code")).toString(), f.attributes());
    return byCode;
}

int poleTypeOf(QgsVectorLayer* layer, MapLayers& layers, const QString& code) {
    return layer->getFeature(layers.featureId(FeatureKind::Bassin, code))
        .attribute(QString::fromLatin1(MapLayers::kPoleTypeField))
        .toInt();
}

//! A large synthetic territory: `bassins` BVs of `perBassin` communes, counts in five professions.
model::Dataset makeNationalScale(int bassins, int perBassin) {
    model::Dataset ds;
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.meta.vintages = {2023};
    const char* professions[] = {"medecin_generaliste", "medecin_specialiste", "infirmier", "pharmacien",
                                 "infirmier_psychiatrique"};
    const int side = 1 + static_cast<int>(std::sqrt(static_cast<double>(bassins * perBassin)));
    const double cell = 3000;
    int n = 0;
    for (int b = 0; b < bassins; ++b) {
        model::Bassin bv;
        bv.code = QStringLiteral("%1").arg(b * 25 + 1, 5, 10, QLatin1Char('0')).toStdString();
        bv.name = "BV " + std::to_string(b);
        for (int k = 0; k < perBassin; ++k, ++n) {
            model::Commune c;
            c.code = k == 0 ? bv.code
                            : QStringLiteral("%1").arg(b * 25 + 1 + k, 5, 10, QLatin1Char('0')).toStdString();
            c.name = "C " + std::to_string(n);
            c.bv = bv.code;
            const double x = 100000 + (n % side) * cell, y = 6200000 + (n / side) * cell;
            c.anchor = {x + cell / 2, y + cell / 2};
            c.geometry = testing::squareWkb(x, y, cell);
            c.population = 1000;
            bv.communes.push_back(c.code);
            for (int p = 0; p < 5; ++p)
                ds.counts.push_back(
                    {c.code, professions[p], 2023, static_cast<double>((b * 37 + k * 11 + p * 5) % 300)});
            ds.communes.push_back(std::move(c));
        }
        bv.anchor = ds.communes[static_cast<std::size_t>(n - perBassin)].anchor;
        bv.geometry = testing::squareWkb(bv.anchor.x - cell / 2, bv.anchor.y - cell / 2, cell);
        ds.bassins.push_back(std::move(bv));
    }
    ds.reindex();
    return ds;
}

//! The six bassins' map layers following their Session, as in the main window.
struct SixBassinsMap {
    Session session;
    QgsProject project;
    MapLayers layers{&session, &project};
    SixBassinsMap() { session.setDataset(testing::makeSixBassins()); }
};

//! Renders `layers` over the extent of the first one, at 96 DPI; the labels placed in `labels`.
QImage renderLayers(const QList<QgsMapLayer*>& layers, const QSize& size, QList<QgsLabelPosition>* labels,
                    double extentScale = 1.1) {
    QgsMapSettings settings;
    settings.setOutputSize(size);
    settings.setOutputDpi(96);
    settings.setDestinationCrs(layers.front()->crs());
    settings.setLayers(layers);
    QgsRectangle extent = layers.back()->extent();
    extent.scale(extentScale);
    settings.setExtent(extent);
    settings.setBackgroundColor(Qt::white);
    settings.setFlag(Qgis::MapSettingsFlag::Antialiasing, true);
    settings.setFlag(Qgis::MapSettingsFlag::DrawLabeling, true);
    QgsMapRendererSequentialJob job(settings);
    job.start();
    job.waitForFinished();
    if (labels) {
        std::unique_ptr<QgsLabelingResults> results(job.takeLabelingResults());
        *labels = results ? results->allLabels() : QList<QgsLabelPosition>();
    }
    return job.renderedImage();
}

} // namespace

class TestMap : public QObject {
    Q_OBJECT
private slots:
    void layersHaveRolesAndFrenchNames();
    void legendCountsFollowClassification();
    void psyShareIsUnknownWhenNoPsychiatricNurseIsCounted();
    void thresholdChangeRecolours();
    void maillageParameterLeavesBassinsUndrawn();
    void changedBassinsWrittenAsAFreshLayer();
    void recomputedMapEqualsAFreshOpen();
    void newClassificationRelabelsTheLegendWithoutRestyling();
    void maillageComputedMeanwhileEqualsTheMaillageOfTheSession();
    void communesIndexedOnDemandOncePerDataset();
    void selectionFollowsSession();
    void departementsAreDissolved();
    void nationalScaleRecomputation();
    void renderingMatchesControlImage();
    void labelPriorityRanksByTypeThenMass();
    void poleLabelsKeepOffTheMarkers();
    void nationalScaleNamesOnlyTheLargestPoles();
    void departementBoundariesGeneralisedWhenDrawn();
    void selectionIsALayerUnderTheLabels();
    void exportOfADensityMapSaysWhatItShows();
    void sourceLineCitesSourcesNotFileNames();
    void linksMapMatchesControlImage();
    void densityMapMatchesControlImage();
    void printLayoutMatchesControlImage();
};

void TestMap::layersHaveRolesAndFrenchNames() {
    Session session;
    QgsProject project;
    MapLayers layers(&session, &project);
    session.setDataset(testing::makeSixBassins());

    QgsVectorLayer* bassins = findLayerByRole(&project, QString::fromLatin1(role::Bassins));
    QgsVectorLayer* communes = findLayerByRole(&project, QString::fromLatin1(role::Communes));
    QgsVectorLayer* departements = findLayerByRole(&project, QString::fromLatin1(role::Departements));
    QVERIFY(bassins && communes && departements);
    QCOMPARE(bassins, layers.bassins());
    QCOMPARE(bassins->name(), QStringLiteral("Bassins de vie"));
    QCOMPARE(communes->name(), QStringLiteral("Communes"));
    QCOMPARE(departements->name(), QStringLiteral("Départements"));
    QCOMPARE(bassins->featureCount(), 6LL);
    QCOMPARE(communes->featureCount(), 6LL);
    QCOMPARE(bassins->crs().authid(), QStringLiteral("EPSG:2154"));
    for (const char* field :
         {"code", "nom", "pole_type", "pole_label", "total", "pole_share", "psy_share", "reason"})
        QVERIFY2(bassins->fields().indexOf(QString::fromLatin1(field)) >= 0, field);
    // Communes only when zoomed in; labels on the pôles.
    QVERIFY(communes->hasScaleBasedVisibility());
    QVERIFY(!communes->isInScaleRange(1000000));
    QVERIFY(communes->isInScaleRange(100000));
    QVERIFY(bassins->labelsEnabled());
    // Order in the tree, top to bottom: selection outlines, départements, communes, bassins.
    const QList<QgsLayerTreeLayer*> tree = project.layerTreeRoot()->findLayers();
    QCOMPARE(tree.size(), 4);
    QCOMPARE(tree.at(0)->layer(), layers.selection());
    QCOMPARE(tree.at(1)->layer(), departements);
    QCOMPARE(tree.at(3)->layer(), bassins);
    // Attributes: French label and reason of a known BV.
    const QgsFeature alpha =
        bassins->getFeature(layers.featureId(FeatureKind::Bassin, QStringLiteral("00001")));
    QCOMPARE(alpha.attribute(QStringLiteral("pole_type")).toInt(), 1);
    QCOMPARE(alpha.attribute(QStringLiteral("pole_label")).toString(),
             QStringLiteral("Pôle de grande métropole"));
    QCOMPARE(alpha.attribute(QStringLiteral("total")).toDouble(), 12000.0);
    QVERIFY(!alpha.attribute(QStringLiteral("reason")).toString().isEmpty());
}

void TestMap::psyShareIsUnknownWhenNoPsychiatricNurseIsCounted() {
    Session session;
    QgsProject project;
    MapLayers layers(&session, &project);
    model::Dataset ds = testing::makeSixBassins();
    ds.counts.push_back({"00001", "infirmier_psychiatrique", 2023, 120});
    session.setDataset(ds);
    const QString alpha = QStringLiteral("00001");
    const auto psyShare = [&] {
        return layers.bassins()
            ->getFeature(layers.featureId(FeatureKind::Bassin, alpha))
            .attribute("psy_share");
    };
    QVERIFY(psyShare().toDouble() > 0);
    QVERIFY(!layers.bassins()
                 ->getFeature(layers.featureId(FeatureKind::Bassin, QStringLiteral("00002")))
                 .attribute("psy_share")
                 .isNull()); // counted, none there: 0
    // BPE counts no psychiatric nurse: the share is unknown (NULL, as in the dataset's file), not 0.
    session.setDataset(testing::makeSixBassins());
    QVERIFY(layers.bassins()->getFeature(layers.featureId(FeatureKind::Bassin, alpha)).isValid());
    QVERIFY2(psyShare().isNull(), qPrintable(psyShare().toString()));
}

void TestMap::legendCountsFollowClassification() {
    Session session;
    QgsProject project;
    MapLayers layers(&session, &project);
    session.setDataset(testing::makeSixBassins());
    const Counts expected = countsOf(session.poles());
    QCOMPARE(expected, (Counts{1, 1, 1, 1, 2}));
    QStringList labels;
    QCOMPARE(legendCounts(project, layers.bassins(), &labels), expected);
    QCOMPARE(labels.value(0), QStringLiteral("Pôle de grande métropole (type 1) — 1"));
    QCOMPARE(labels.value(1), QStringLiteral("Grand pôle (type 2) — 1"));
    QCOMPARE(labels.value(4), QStringLiteral("Hors pôle — 1"));
    // Colour-blind-safe palette, hors pôle a light neutral.
    const auto* renderer = dynamic_cast<const QgsCategorizedSymbolRenderer*>(layers.bassins()->renderer());
    QVERIFY(renderer);
    QCOMPARE(renderer->categories().at(0).symbol()->color().name(), QStringLiteral("#d55e00"));
    QVERIFY(renderer->categories().at(4).symbol()->color().lightness() > 200);
}

void TestMap::thresholdChangeRecolours() {
    Session session;
    QgsProject project;
    MapLayers layers(&session, &project);
    session.setDataset(testing::makeSixBassins());
    QgsVectorLayer* bassins = layers.bassins();
    QCOMPARE(poleTypeOf(bassins, layers, QStringLiteral("00002")), 2);

    QSignalSpy applied(&layers, &MapLayers::classificationApplied);
    QSignalSpy legend(bassins, &QgsMapLayer::legendChanged);
    model::Parameters p = session.parameters();
    p.poles.grandPoleMin = 4500; // Beta (4,000 professionals, 25 % pôle professions) becomes type 3
    session.setParameters(p);
    QCOMPARE(applied.count(), 1);
    QVERIFY(legend.count() >= 1);
    QCOMPARE(poleTypeOf(bassins, layers, QStringLiteral("00002")), 3);
    QCOMPARE(session.pole(QStringLiteral("00002"))->type, analysis::PoleType::Intermediaire);
    const Counts expected = countsOf(session.poles());
    QCOMPARE(expected, (Counts{1, 1, 0, 2, 2}));
    QCOMPARE(legendCounts(project, bassins), expected);

    // Back to the defaults: the layer follows again (no reload: same layer, same feature ids).
    const QgsFeatureId fid = layers.featureId(FeatureKind::Bassin, QStringLiteral("00002"));
    session.setParameters(model::Parameters());
    QCOMPARE(layers.bassins(), bassins);
    QCOMPARE(layers.featureId(FeatureKind::Bassin, QStringLiteral("00002")), fid);
    QCOMPARE(poleTypeOf(bassins, layers, QStringLiteral("00002")), 2);
    QCOMPARE(legendCounts(project, bassins), (Counts{1, 1, 1, 1, 2}));
}

void TestMap::maillageParameterLeavesBassinsUndrawn() {
    // A parameter that changes no BV's type, figures or reason (the pôles' isolation distance): the bassins
    // layer keeps its renderer and is not redrawn; a pôle threshold afterwards still recolours it.
    Session session;
    QgsProject project;
    MapLayers layers(&session, &project);
    session.setDataset(testing::makeSixBassins());
    QgsVectorLayer* bassins = layers.bassins();
    const QgsFeatureRenderer* renderer = bassins->renderer();
    QSignalSpy applied(&layers, &MapLayers::classificationApplied);
    QSignalSpy repaint(bassins, &QgsMapLayer::repaintRequested);
    QSignalSpy legend(bassins, &QgsMapLayer::legendChanged);
    model::Parameters p = session.parameters();
    p.maillage.isolationDistanceKm += 10;
    session.setParameters(p);
    QCOMPARE(applied.count(), 0);
    QCOMPARE(repaint.count(), 0);
    QCOMPARE(legend.count(), 0);
    QCOMPARE(bassins->renderer(), renderer);
    QCOMPARE(legendCounts(project, bassins), (Counts{1, 1, 1, 1, 2}));

    p.poles.grandPoleMin = 4500; // Beta becomes type 3
    session.setParameters(p);
    QCOMPARE(applied.count(), 1);
    QVERIFY(repaint.count() >= 1);
    QCOMPARE(legendCounts(project, bassins), (Counts{1, 1, 0, 2, 2}));
    QCOMPARE(poleTypeOf(bassins, layers, QStringLiteral("00002")), 3);
}

void TestMap::changedBassinsWrittenAsAFreshLayer() {
    // A parameter change writes only the BVs whose values changed: after a change and back, and another
    // change, every BV's classification fields read as those of a layer written whole.
    Session session;
    QgsProject project;
    MapLayers layers(&session, &project);
    session.setDataset(testing::makeSixBassins());
    model::Parameters p = session.parameters();
    const auto compareWithFresh = [&] {
        std::unique_ptr<QgsVectorLayer> fresh(
            MapLayers::createPoleLayer(session.dataset(), session.poles(), QStringLiteral("fresh")));
        const QMap<QString, QgsAttributes> expected = attributesByCode(fresh.get());
        return attributesByCode(layers.bassins()) == expected && expected.size() == 6;
    };
    for (double grandPoleMin : {4500.0, 3000.0, 900.0, 4500.0}) {
        p.poles.grandPoleMin = grandPoleMin;
        session.setParameters(p);
        QVERIFY2(compareWithFresh(), qPrintable(QStringLiteral("grandPoleMin %1").arg(grandPoleMin)));
    }
    QCOMPARE(poleTypeOf(layers.bassins(), layers, QStringLiteral("00002")), 3);
}

void TestMap::recomputedMapEqualsAFreshOpen() {
    // A session recomputed through pôle thresholds and vintages (the counts summed per BV are kept for the
    // vintage shown) shows the classification, attributes and legend of a session opened afresh on the
    // same dataset, parameters and vintage.
    Session session;
    QgsProject project;
    MapLayers layers(&session, &project);
    session.setDataset(testing::makeSixBassinsTwoYears());
    model::Parameters p = session.parameters();
    const auto totalsOf = [](const Session& s) {
        std::vector<std::array<double, 3>> totals;
        for (const analysis::BassinTotals& t : s.aggregation().bassins)
            totals.push_back({t.total, t.pole, t.psy});
        return totals;
    };
    const auto reasonsOf = [](const Session& s) {
        QStringList reasons;
        for (const analysis::PoleClassification& c : s.poles())
            reasons << QString::fromStdString(c.bv + " " + std::to_string(static_cast<int>(c.type)) + " " +
                                              analysis::describeClassification(c, analysis::Language::En));
        return reasons;
    };
    struct Step {
        int vintage;
        double grandPoleMin;
        int betaType; // Beta (00002): 4,000 professionals in 2023, 500 in 2018
    };
    for (const Step& step : {Step{2023, 4500, 3}, Step{2018, 4500, 0}, Step{2018, 3000, 0},
                             Step{2023, 3000, 2}, Step{2023, 900, 2}}) {
        session.setVintage(step.vintage);
        p.poles.grandPoleMin = step.grandPoleMin;
        session.setParameters(p);
        const QString context =
            QStringLiteral("vintage %1, grands pôles from %2").arg(step.vintage).arg(step.grandPoleMin);
        QCOMPARE(poleTypeOf(layers.bassins(), layers, QStringLiteral("00002")), step.betaType);

        Session fresh;
        QgsProject freshProject;
        MapLayers freshLayers(&fresh, &freshProject);
        model::Dataset dataset = testing::makeSixBassinsTwoYears();
        dataset.params = p;
        fresh.setDataset(std::move(dataset));
        fresh.setVintage(step.vintage);
        QVERIFY2(totalsOf(session) == totalsOf(fresh), qPrintable(context));
        QCOMPARE(reasonsOf(session), reasonsOf(fresh));
        QVERIFY2(attributesByCode(layers.bassins()) == attributesByCode(freshLayers.bassins()),
                 qPrintable(context));
        QStringList legend, freshLegend;
        legendCounts(project, layers.bassins(), &legend);
        legendCounts(freshProject, freshLayers.bassins(), &freshLegend);
        QVERIFY(!legend.isEmpty());
        QCOMPARE(legend, freshLegend);
    }
}

void TestMap::newClassificationRelabelsTheLegendWithoutRestyling() {
    // A threshold that moves a BV to another type changes the counts in the legend's labels only: the
    // categories' labels change in place and the legend follows, with no styleChanged() (whose listeners,
    // the large pôles' names placed again, the repaint that follows calls anyway).
    Session session;
    QgsProject project;
    MapLayers layers(&session, &project);
    session.setDataset(testing::makeSixBassins());
    QgsVectorLayer* bassins = layers.bassins();
    const QgsFeatureRenderer* renderer = bassins->renderer();
    QSignalSpy restyled(bassins, &QgsMapLayer::styleChanged);
    QSignalSpy legend(bassins, &QgsMapLayer::legendChanged);
    QSignalSpy repaint(bassins, &QgsMapLayer::repaintRequested);
    model::Parameters p = session.parameters();
    p.poles.grandPoleMin = 4500; // Beta becomes type 3
    session.setParameters(p);
    QCOMPARE(legendCounts(project, bassins), (Counts{1, 1, 0, 2, 2}));
    QCOMPARE(bassins->renderer(), renderer);
    QCOMPARE(restyled.count(), 0);
    QVERIFY(legend.count() >= 1);
    QCOMPARE(repaint.count(), 1);
    QStringList labels;
    legendCounts(project, bassins, &labels);
    const auto intermediaires = std::count_if(
        session.poles().begin(), session.poles().end(),
        [](const analysis::PoleClassification& c) { return c.type == analysis::PoleType::Intermediaire; });
    QVERIFY(intermediaires > 0);
    QCOMPARE(labels.value(2), styles::legendLabel(analysis::PoleType::Intermediaire, int(intermediaires)));

    // A renderer the user replaced (another colour) is not relabelled: the bassins' own comes back.
    auto* other = static_cast<QgsCategorizedSymbolRenderer*>(bassins->renderer()->clone());
    other->updateCategorySymbol(0, styles::fillSymbol(Qt::black, Qt::black, 0.2));
    bassins->setRenderer(other);
    session.setParameters(model::Parameters());
    QVERIFY(bassins->renderer() != other);
    const auto* back = dynamic_cast<const QgsCategorizedSymbolRenderer*>(bassins->renderer());
    QVERIFY(back);
    QCOMPARE(back->categories().at(0).symbol()->color().name(), QStringLiteral("#d55e00"));
    QCOMPARE(legendCounts(project, bassins), (Counts{1, 1, 1, 1, 2}));
}

void TestMap::maillageComputedMeanwhileEqualsTheMaillageOfTheSession() {
    // The maillage of a new classification or maillage parameter is computed in a worker thread while the
    // map follows: the same links as computed at once from the session's dataset, classification and
    // parameters, through thresholds, parameters and vintages.
    Session session;
    session.setDataset(testing::makeSixBassinsTwoYears());
    model::Parameters p = session.parameters();
    const auto linksOf = [](const analysis::MaillageResult& r) {
        QStringList links;
        for (const analysis::Link& l : r.links)
            links << QStringLiteral("%1-%2 %3 %4 %5")
                         .arg(QString::fromStdString(r.nodes[l.from].bv),
                              QString::fromStdString(r.nodes[l.to].bv))
                         .arg(l.distance, 0, 'g', 17)
                         .arg(l.intensity, 0, 'g', 17)
                         .arg(l.dominant);
        return links;
    };
    struct Step {
        int vintage;
        double grandPoleMin;
        double isolationKm;
    };
    for (const Step& step : {Step{2023, 4500, 30}, Step{2018, 4500, 30}, Step{2018, 3000, 40},
                             Step{2023, 900, 40}, Step{2023, 900, 10}}) {
        session.setVintage(step.vintage);
        p.poles.grandPoleMin = step.grandPoleMin;
        p.maillage.isolationDistanceKm = step.isolationKm;
        session.setParameters(p);
        const analysis::MaillageResult now =
            analysis::computeMaillage(session.dataset(), session.poles(), session.parameters().maillage);
        const analysis::MaillageResult& meanwhile = session.maillage();
        QVERIFY(!now.nodes.empty());
        QCOMPARE(linksOf(meanwhile), linksOf(now));
        QCOMPARE(meanwhile.isolated, now.isolated);
        QCOMPARE(meanwhile.remoteBassins, now.remoteBassins);
        QCOMPARE(&session.maillage(), &meanwhile); // taken once
    }
}

void TestMap::communesIndexedOnDemandOncePerDataset() {
    Session session;
    QgsProject project;
    MapLayers layers(&session, &project);
    session.setDataset(testing::makeSixBassins());
    auto indexed = [&] {
        return layers.communes()->dataProvider()->hasSpatialIndex() == QgsFeatureSource::SpatialIndexPresent;
    };
    QVERIFY(!indexed()); // not at the opening
    layers.indexCommunes();
    QVERIFY(indexed());
    const QgsRectangle box = layers.extentOf(FeatureKind::Commune, QStringLiteral("00005"));
    QgsFeatureIterator it =
        layers.communes()->getFeatures(QgsFeatureRequest(box).setFlags(QgsFeatureRequest::ExactIntersect));
    QgsFeature f;
    QStringList found;
    while (it.nextFeature(f))
        found << f.attribute(QStringLiteral("code")).toString();
    QVERIFY2(found.contains(QStringLiteral("00005")), qPrintable(found.join(QLatin1Char(' '))));
    session.setDataset(testing::makeSixBassins()); // a new layer: indexed again when asked
    QVERIFY(!indexed());
    layers.indexCommunes();
    QVERIFY(indexed());
}

void TestMap::selectionFollowsSession() {
    Session session;
    QgsProject project;
    MapLayers layers(&session, &project);
    session.setDataset(testing::makeSixBassins());
    session.selectBassins({QStringLiteral("00003"), QStringLiteral("00004")});
    QCOMPARE(layers.bassins()->selectedFeatureCount(), 2);
    session.selectCommune(QStringLiteral("00005"));
    QCOMPARE(layers.communes()->selectedFeatureIds(),
             QgsFeatureIds{layers.featureId(FeatureKind::Commune, QStringLiteral("00005"))});
    const QgsRectangle extent = layers.extentOf(FeatureKind::Bassin, QStringLiteral("00001"));
    QCOMPARE(extent.width(), 10000.0);
}

void TestMap::departementsAreDissolved() {
    Session session;
    QgsProject project;
    MapLayers layers(&session, &project);
    session.setDataset(testing::makeSixBassins());
    QTRY_VERIFY_WITH_TIMEOUT(layers.departementsReady(), 10000);
    QgsVectorLayer* deps = layers.departements();
    QCOMPARE(deps->featureCount(), 2LL);
    QgsFeatureIterator it = deps->getFeatures();
    QgsFeature f;
    double area = 0;
    while (it.nextFeature(f))
        area += f.geometry().area();
    QCOMPARE(area, 6 * 1e8); // six 10 km squares, dissolved without loss
}

void TestMap::nationalScaleRecomputation() {
    // About the size of metropolitan France: 1,700 bassins de vie, 35,700 communes, 178,500 counts.
    Session session;
    QgsProject project;
    MapLayers layers(&session, &project);
    model::Dataset dataset = makeNationalScale(1700, 21);
    QElapsedTimer timer;
    timer.start();
    session.setDataset(std::move(dataset));
    qInfo("national scale: classification and layers of a new dataset built in %lld ms",
          static_cast<long long>(timer.elapsed()));
    QCOMPARE(layers.communes()->featureCount(), 1700LL * 21);

    model::Parameters p = session.parameters();
    qint64 worst = 0;
    for (double threshold : {900.0, 1100.0, 1000.0}) {
        p.poles.secondaryExPsyMin = threshold;
        timer.restart();
        session.setParameters(p);
        worst = std::max(worst, timer.elapsed());
    }
    qInfo(
        "national scale: recomputation after a parameter change (classification, attributes, legend) %lld ms",
        static_cast<long long>(worst));
    QCOMPARE(legendCounts(project, layers.bassins()), countsOf(session.poles()));
}

void TestMap::renderingMatchesControlImage() {
    SixBassinsMap map;
    auto& [session, project, layers] = map;
    session.selectBassins({}); // no selection colour in the image
    const QImage image = renderLayers({layers.bassins()}, QSize(600, 400), nullptr);
    QString report;
    QVERIFY2(matchesControlImage(image, QStringLiteral("ui_map_bassins"), 250, &report), qPrintable(report));
}

void TestMap::labelPriorityRanksByTypeThenMass() {
    SixBassinsMap map;
    auto& [session, project, layers] = map;
    QgsVectorLayer* bassins = layers.bassins();
    const auto* labeling = dynamic_cast<const QgsRuleBasedLabeling*>(bassins->labeling());
    QVERIFY(labeling && !labeling->rootRule()->children().isEmpty());
    const QgsPalLayerSettings* settings = labeling->rootRule()->children().front()->settings();
    QgsExpressionContext context(QgsExpressionContextUtils::globalProjectLayerScopes(bassins));
    struct Ranked {
        int type;
        double mass, priority;
        bool alwaysShown;
    };
    std::vector<Ranked> ranked;
    QgsFeatureIterator it = bassins->getFeatures();
    QgsFeature f;
    while (it.nextFeature(f)) {
        const int type = f.attribute(QStringLiteral("pole_type")).toInt();
        if (type == 0)
            continue;
        context.setFeature(f);
        const QgsPropertyCollection& dd = settings->dataDefinedProperties();
        ranked.push_back({type, f.attribute(QStringLiteral("total")).toDouble(),
                          dd.valueAsDouble(QgsPalLayerSettings::Priority, context, -1),
                          dd.valueAsBool(QgsPalLayerSettings::AlwaysShow, context, false)});
    }
    QCOMPARE(static_cast<int>(ranked.size()), 5); // Alpha, Beta, Gamma, Delta, Zeta
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return a.type != b.type ? a.type < b.type : a.mass > b.mass;
    });
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        QVERIFY(ranked[i].priority >= 0 && ranked[i].priority <= 10);
        // Higher type first, then the heavier of a type (Zeta 2,500 before Delta 1,200, both type 4).
        if (i > 0)
            QVERIFY2(ranked[i].priority < ranked[i - 1].priority,
                     qPrintable(QStringLiteral("type %1 mass %2 priority %3 not below %4")
                                    .arg(ranked[i].type)
                                    .arg(ranked[i].mass)
                                    .arg(ranked[i].priority)
                                    .arg(ranked[i - 1].priority)));
        // None forced in place: a forced name was drawn over a smaller pôle's (Douai - Lens over Arras).
        QVERIFY(!ranked[i].alwaysShown);
    }
}

void TestMap::poleLabelsKeepOffTheMarkers() {
    SixBassinsMap map;
    auto& [session, project, layers] = map;
    MaillageLayers maillage(&project);
    maillage.showMaillage(session.maillage(), session.dataset(), session.parameters().maillage);
    QVERIFY(maillage.poles() && maillage.poles()->featureCount() == 5);
    QList<QgsLabelPosition> labels;
    const QSize size(600, 400);
    renderLayers({maillage.poles(), layers.bassins()}, size, &labels);
    QCOMPARE(labels.size(), 5);
    // The marker of a pôle: a disc of 1.2 mm radius at 96 DPI, in map units.
    QgsRectangle extent = layers.bassins()->extent();
    extent.scale(1.1);
    const double unitsPerPixel = std::max(extent.width() / size.width(), extent.height() / size.height());
    const double radius = 1.2 / 25.4 * 96 * unitsPerPixel;
    QgsFeatureIterator it = maillage.poles()->getFeatures();
    QgsFeature pole;
    while (it.nextFeature(pole)) {
        const QgsPointXY p = pole.geometry().asPoint();
        const QgsRectangle marker(p.x() - radius, p.y() - radius, p.x() + radius, p.y() + radius);
        for (const QgsLabelPosition& label : labels)
            QVERIFY2(!label.labelRect.intersects(marker),
                     qPrintable(label.labelText + QStringLiteral(" covers the marker of ") +
                                pole.attribute(QStringLiteral("name")).toString() + QStringLiteral(": ") +
                                label.labelRect.toString() + QStringLiteral(" / ") + marker.toString()));
    }
}

void TestMap::nationalScaleNamesOnlyTheLargestPoles() {
    SixBassinsMap map;
    auto& [session, project, layers] = map;
    // The heaviest of the six made a grand pôle.
    double heaviest = 0;
    for (const analysis::PoleClassification& pole : session.poles())
        heaviest = std::max(heaviest, pole.total);
    model::Parameters p = session.parameters();
    p.poles.grandPoleMin = heaviest / p.poles.massScale;
    p.poles.metropoleMin = std::max(p.poles.metropoleMin, 2 * p.poles.grandPoleMin);
    session.setParameters(p);
    QSet<QString> large, others;
    for (std::size_t i = 0; i < session.poles().size(); ++i) {
        const int type = static_cast<int>(session.poles()[i].type);
        const QString name = QString::fromStdString(session.dataset().bassins[i].name);
        if (type == 1 || type == 2)
            large.insert(name);
        else if (type != 0)
            others.insert(name);
    }
    QVERIFY(!large.isEmpty() && !others.isEmpty());
    // The map at `scale` (600 × 400 pixels at 96 DPI around the bassins): the names placed.
    auto namesAt = [&](double scale) {
        const double widthM = scale * 600 / 96 * 0.0254;
        const double ratio = widthM / layers.bassins()->extent().width();
        QList<QgsLabelPosition> labels;
        renderLayers({layers.bassins()}, QSize(600, 400), &labels, ratio);
        QSet<QString> names;
        for (const QgsLabelPosition& label : std::as_const(labels))
            names.insert(label.labelText);
        return names;
    };
    // The whole country (1:3,350,000 at 1600×1200): the grandes métropoles and grands pôles alone.
    QCOMPARE(namesAt(3.35e6), large);
    QCOMPARE(namesAt(2.6e6), large);
    // A région's scale: every pôle, the largest ones still.
    const QSet<QString> regional = namesAt(1.5e6);
    QVERIFY(regional.contains(large));
    QVERIFY(regional.contains(others));
}

void TestMap::departementBoundariesGeneralisedWhenDrawn() {
    SixBassinsMap map;
    QgsVectorLayer* deps = map.layers.departements();
    QgsRenderContext context;
    context.setFlag(Qgis::RenderContextFlag::UseRenderingOptimization, true);
    QVERIFY(deps->simplifyDrawingCanbeApplied(context, QgsVectorSimplifyMethod::GeometrySimplification));
    QCOMPARE(deps->simplifyMethod().threshold(), styles::kThickBoundaryGeneralisationPx);
    // Finer than the line drawn (0.5 mm: 1.9 pixels at 96 DPI) would cost the national map's drawing twice.
    QVERIFY(deps->simplifyMethod().threshold() > 1.5f);
    // The bassins keep QGIS's pixel: their colours meet the boundaries drawn.
    QVERIFY(map.layers.bassins()->simplifyMethod().threshold() <= 1.0f);
}

void TestMap::selectionIsALayerUnderTheLabels() {
    SixBassinsMap map;
    auto& [session, project, layers] = map;
    QgsVectorLayer* selection = layers.selection();
    QVERIFY(selection);
    QCOMPARE(findLayerByRole(&project, QString::fromLatin1(role::Selection)), selection);
    session.selectBassins({QStringLiteral("00002")});
    session.selectCommune(QStringLiteral("00005"));
    QCOMPARE(selection->featureCount(), 2LL);
    session.selectCommune(QStringLiteral("00006"));
    QCOMPARE(selection->featureCount(), 2LL); // the previous commune's outline is gone
    session.selectBassins({});
    session.selectCommune(QString());
    QCOMPARE(selection->featureCount(), 0LL);
    // Labels are drawn after every layer: an outline in a layer stays under them, wherever it sits in the
    // tree; it sits above the bassins and communes it outlines.
    const QList<QgsLayerTreeLayer*> order = project.layerTreeRoot()->findLayers();
    auto position = [&](QgsMapLayer* layer) {
        for (int i = 0; i < order.size(); ++i)
            if (order[i]->layer() == layer)
                return i;
        return -1;
    };
    QVERIFY(position(selection) >= 0);
    QVERIFY(position(selection) < position(layers.bassins()));
    QVERIFY(position(selection) < position(layers.communes()));
    // Beta's name is still readable over its selection outline: the label pixels are drawn last.
    session.selectBassins({QStringLiteral("00002")});
    QList<QgsLabelPosition> labels;
    renderLayers({selection, layers.bassins()}, QSize(600, 400), &labels);
    bool beta = false;
    for (const QgsLabelPosition& label : labels)
        beta = beta || label.labelText == QStringLiteral("Beta");
    QVERIFY(beta);
}

namespace {

//! The six bassins with their density map of général practitioners shown on the communes.
void showDensityMap(Session& session) {
    DensityMapRequest request;
    request.profession = QStringLiteral("medecin_generaliste");
    request.vintage = session.vintage();
    session.requestDensityMap(request);
    QTRY_VERIFY_WITH_TIMEOUT(session.shownDensityMap() != nullptr, 20000);
}

//! Map settings showing `layers` over the bassins' extent, as a canvas would.
QgsMapSettings viewOf(const QList<QgsMapLayer*>& layers, const QgsRectangle& extent) {
    QgsMapSettings view;
    view.setOutputSize(QSize(800, 600));
    view.setOutputDpi(96);
    view.setDestinationCrs(layers.front()->crs());
    view.setLayers(layers);
    view.setExtent(extent);
    view.setBackgroundColor(Qt::white);
    return view;
}

QStringList legendLayers(QgsPrintLayout& layout) {
    auto* legend =
        dynamic_cast<QgsLayoutItemLegend*>(layout.itemById(QString::fromLatin1(layout_id::Legend)));
    QStringList names;
    if (legend)
        for (QgsLayerTreeLayer* node : legend->model()->rootGroup()->findLayers())
            names << node->layer()->customProperty(QString::fromLatin1(kRoleProperty)).toString();
    return names;
}

} // namespace

void TestMap::exportOfADensityMapSaysWhatItShows() {
    SixBassinsMap map;
    auto& [session, project, layers] = map;
    const QList<QgsMapLayer*> shown{layers.communes(), layers.bassins()};
    const QgsMapSettings view = viewOf(shown, layers.bassins()->extent());

    ExportOptions poles = defaultExportOptions(session.dataset(), session.vintage(), &project);
    QCOMPARE(poles.title, defaultTitle(session.dataset()));
    std::unique_ptr<QgsPrintLayout> layout = buildExportLayout(&project, view, poles);
    QVERIFY(legendLayers(*layout).contains(QString::fromLatin1(role::Bassins)));

    showDensityMap(session);
    ExportOptions density = defaultExportOptions(session.dataset(), session.vintage(), &project);
    QVERIFY2(density.title.startsWith(layers.communeColouringTitle()), qPrintable(density.title));
    QVERIFY(density.title.contains(QStringLiteral("2023")));
    QVERIFY(density.title != poles.title);
    QVERIFY(density.subtitle != poles.subtitle);
    layout = buildExportLayout(&project, view, density);
    // The legend of the visible colouring: the communes' classes, not the pôle types they cover.
    const QStringList legend = legendLayers(*layout);
    QVERIFY2(legend.contains(QString::fromLatin1(role::Communes)), qPrintable(legend.join(',')));
    QVERIFY2(!legend.contains(QString::fromLatin1(role::Bassins)), qPrintable(legend.join(',')));
    QVERIFY(!legend.contains(QString::fromLatin1(role::Selection)));
    session.clearDensityMap();
    QCOMPARE(defaultExportOptions(session.dataset(), session.vintage(), &project).title, poles.title);
}

void TestMap::sourceLineCitesSourcesNotFileNames() {
    model::Dataset ds = testing::makeSixBassins();
    ds.meta.fictional = false;
    ds.meta.sources = {"communes_hauts_de_france_cog2018.geojson", "INSEE, BPE 2018",
                       "/data/commune_bv2012_cog2016.csv", "IGN, Admin Express 2018"};
    const QString line = defaultSourceLine(ds);
    QVERIFY2(line.contains(QStringLiteral("INSEE, BPE 2018")) &&
                 line.contains(QStringLiteral("IGN, Admin Express 2018")),
             qPrintable(line));
    QVERIFY2(!line.contains(QStringLiteral(".geojson")) && !line.contains(QStringLiteral(".csv")),
             qPrintable(line));
}

void TestMap::linksMapMatchesControlImage() {
    SixBassinsMap map;
    auto& [session, project, layers] = map;
    MaillageLayers maillage(&project);
    maillage.showMaillage(session.maillage(), session.dataset(), session.parameters().maillage);
    const QImage image =
        renderLayers({maillage.poles(), maillage.links(), layers.bassins()}, QSize(600, 400), nullptr);
    QString report;
    QVERIFY2(matchesControlImage(image, QStringLiteral("ui_map_links"), 250, &report), qPrintable(report));
}

void TestMap::densityMapMatchesControlImage() {
    SixBassinsMap map;
    auto& [session, project, layers] = map;
    showDensityMap(session);
    const QImage image = renderLayers({layers.communes()}, QSize(600, 400), nullptr);
    QString report;
    QVERIFY2(matchesControlImage(image, QStringLiteral("ui_map_density"), 250, &report), qPrintable(report));
}

void TestMap::printLayoutMatchesControlImage() {
    SixBassinsMap map;
    auto& [session, project, layers] = map;
    ExportOptions options = defaultExportOptions(session.dataset(), session.vintage(), &project);
    options.sourceLine = QStringLiteral("Sources : données de test"); // no date: the image stays the same
    options.dpi = 48;
    QgsRectangle extent = layers.bassins()->extent();
    extent.scale(1.1);
    std::unique_ptr<QgsPrintLayout> layout =
        buildExportLayout(&project, viewOf({layers.bassins()}, extent), options);
    const QImage image = QgsLayoutExporter(layout.get()).renderPageToImage(0, QSize(), 48);
    QString report;
    QVERIFY2(matchesControlImage(image, QStringLiteral("ui_layout_poles"), 400, &report), qPrintable(report));
}

MAILLAGE_QGIS_TEST_MAIN(TestMap)
#include "test_map.moc"
