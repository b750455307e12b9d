// The dataset GeoPackage opens in QGIS as a finished map: each layer's default style in layer_styles and
// the application's map as the project "maillage" in qgis_projects, checked through QGIS's own loading
// path (QgsVectorLayer + loadDefaultStyle, QgsProject::read) and a render of the stored project.
#include "core/io/gpkg.h"
#include "core/io/outlines.h"
#include "ui/maillage_layers.h"
#include "ui/map_layers.h"
#include "ui/panels/pole_palette.h"
#include "ui/session.h"
#include "ui/styles/dataset_styles.h"
#include "ui/styles/layer_styles.h"

#include "testing.h"
#include "ui/control_image.h"
#include "ui/map_testing.h"
#include "ui/qgis_test_main.h"
#include "ui/ui_fixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <dlfcn.h>

#include <algorithm>
#include <array>
#include <memory>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsexpressioncontextutils.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslayertree.h>
#include <qgsmaprendererparalleljob.h>
#include <qgsmapsettings.h>
#include <qgsproject.h>
#include <qgsprojectstorage.h>
#include <qgsprojectstorageregistry.h>
#include <qgsprojectviewsettings.h>
#include <qgsrenderchecker.h>
#include <qgsrendercontext.h>
#include <qgssymbol.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

using namespace maillage;
using namespace maillage::ui;
using maillage::testing::matchesControlImage;

namespace {

//! The six bassins of the UI tests, with their département and région outlines, written as a dataset.
QString writeSixBassins(const QTemporaryDir& dir) {
    model::Dataset d = testing::makeSixBassins();
    Warnings warnings;
    io::dissolveOutlines(d, warnings);
    const QString path = dir.filePath(QStringLiteral("six_bassins.gpkg"));
    io::writeDataset(d, path.toStdString());
    return path;
}

//! writeSixBassins() with its styles and project, `project` read from the file; false with `error`.
bool openStyledSixBassins(const QTemporaryDir& dir, QgsProject& project, QString* error) {
    const QString path = writeSixBassins(dir);
    if (!styles::writeDatasetStyles(path, error))
        return false;
    if (!project.read(styles::projectUri(path))) {
        *error = QStringLiteral("the project stored in %1 cannot be read").arg(path);
        return false;
    }
    return true;
}

//! The types of makeSixBassins() with the default parameters: one of types 0 to 3, two of type 4.
const std::array<int, analysis::kPoleTypeCount> kSixBassinsCounts = {1, 1, 1, 1, 2};

//! The layers of the project's tree, top first.
QList<QgsMapLayer*> treeLayers(const QgsProject& project) {
    QList<QgsMapLayer*> out;
    for (QgsLayerTreeLayer* node : project.layerTreeRoot()->findLayers())
        out.append(node->layer());
    return out;
}

QString layerNameOf(const QgsMapLayer* layer) {
    const QString source = layer->source();
    return source.mid(source.indexOf(QStringLiteral("layername=")) + 10).section(QLatin1Char('|'), 0, 0);
}

//! The layer `name` ("liens"...) of the project stored by openStyledSixBassins() in `dir`, read into
//! `project`; null when it cannot be.
QgsVectorLayer* openStoredLayer(const QTemporaryDir& dir, QgsProject& project, const QString& name) {
    QString error;
    if (!openStyledSixBassins(dir, project, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    for (QgsLayerTreeLayer* node : project.layerTreeRoot()->findLayers())
        if (node->layer() && layerNameOf(node->layer()) == name)
            return qobject_cast<QgsVectorLayer*>(node->layer());
    return nullptr;
}

//! `maillage demo --output path`, as a user runs it; false with its messages in `error`.
bool writeDemo(const QString& path, QString* error) {
    QProcess p;
    p.start(QStringLiteral(MAILLAGE_BINARY),
            {QStringLiteral("demo"), QStringLiteral("--quiet"), QStringLiteral("--output"), path});
    const bool ok = p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    *error = QString::fromUtf8(p.readAllStandardError());
    return ok;
}

} // namespace

class TestQgisProject : public QObject {
    Q_OBJECT
private slots:
    void bassinsOpenWithThePoleTypeCategoriesAsDefaultStyle() {
        QTemporaryDir dir;
        const QString path = writeSixBassins(dir);
        QString error;
        QVERIFY2(styles::writeDatasetStyles(path, &error), qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("six_bassins.gpkg")}); // no copy, no journal left

        QgsVectorLayer layer(path + QStringLiteral("|layername=bassins_de_vie"), QStringLiteral("b"),
                             QStringLiteral("ogr"), QgsVectorLayer::LayerOptions(false));
        QVERIFY(layer.isValid());
        bool loaded = false;
        layer.loadDefaultStyle(loaded);
        QVERIFY(loaded);
        auto* renderer = dynamic_cast<QgsCategorizedSymbolRenderer*>(layer.renderer());
        QVERIFY(renderer);
        QCOMPARE(renderer->classAttribute(), QStringLiteral("pole_type"));
        const QgsCategoryList categories = renderer->categories();
        QCOMPARE(categories.size(), 5);
        const int order[] = {1, 2, 3, 4, 0};
        for (int i = 0; i < 5; ++i) {
            const auto type = static_cast<analysis::PoleType>(order[i]);
            QCOMPARE(categories[i].value().toInt(), order[i]);
            QCOMPARE(categories[i].label(), styles::legendLabel(type, kSixBassinsCounts[order[i]]));
            QCOMPARE(categories[i].symbol()->color().name(), poleTypeColor(order[i]).name());
        }
        QVERIFY(categories[1].label().startsWith(QStringLiteral("Grand pôle (type 2)")));
        QVERIFY(layer.labelsEnabled());
        QCOMPARE(layer.labeling()->type(), QStringLiteral("rule-based"));

        // The classification the style colours by is in the file.
        QgsFeature alpha;
        QgsFeatureIterator it = layer.getFeatures(QgsFeatureRequest(QStringLiteral("\"code\" = '00001'")));
        QVERIFY(it.nextFeature(alpha));
        QCOMPARE(alpha.attribute(QStringLiteral("pole_type")).toInt(), 1);
        QVERIFY(!alpha.attribute(QStringLiteral("reason")).toString().isEmpty());
    }

    void theStoredProjectHasTheMapsLayersInOrder() {
        QTemporaryDir dir;
        const QString path = writeSixBassins(dir);
        QString error;
        QVERIFY2(styles::writeDatasetStyles(path, &error), qPrintable(error));
        // Moved to another folder, the file still opens as a map: the project's layer paths are relative.
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("ailleurs")));
        const QString moved = dir.filePath(QStringLiteral("ailleurs/six_bassins.gpkg"));
        QVERIFY(QFile::rename(path, moved));
        QgsProject project;
        QVERIFY(project.read(styles::projectUri(moved)));
        const QList<QgsMapLayer*> layers = treeLayers(project);
        QCOMPARE(layers.size(), 7);
        QStringList names;
        for (const QgsMapLayer* layer : layers) {
            QVERIFY2(layer->isValid(), qPrintable(layer->source()));
            QVERIFY2(layer->source().contains(moved), qPrintable(layer->source()));
            names << layerNameOf(layer);
        }
        QCOMPARE(names, styles::styledLayers());
        QCOMPARE(project.crs().authid(), QStringLiteral("EPSG:2154"));
        QCOMPARE(layers[0]->name(), QStringLiteral("Pôles"));
        QCOMPARE(layers[5]->name(), QStringLiteral("Communes"));
        auto* bassins = qobject_cast<QgsVectorLayer*>(layers[6]);
        QCOMPARE(bassins->name(), QStringLiteral("Bassins de vie"));
        QVERIFY(dynamic_cast<QgsCategorizedSymbolRenderer*>(bassins->renderer()));
        QCOMPARE(qobject_cast<QgsVectorLayer*>(layers[3])->featureCount(), 2LL); // two départements
        QCOMPARE(qobject_cast<QgsVectorLayer*>(layers[0])->featureCount(), 5LL); // five pôles
        QVERIFY(qobject_cast<QgsVectorLayer*>(layers[1])->featureCount() > 0);   // their links
        QVERIFY(!project.viewSettings()->defaultViewExtent().isEmpty());
    }

    void theStoredProjectRendersTheApplicationsMap() {
        QTemporaryDir dir;
        QgsProject project;
        QString error;
        QVERIFY2(openStyledSixBassins(dir, project, &error), qPrintable(error));
        QgsMapSettings settings;
        settings.setOutputSize(QSize(400, 300));
        settings.setOutputDpi(96);
        settings.setDestinationCrs(project.crs());
        settings.setLayers(project.layerTreeRoot()->checkedLayers()); // what QGIS shows on opening
        QgsRectangle extent = project.viewSettings()->defaultViewExtent();
        extent.scale(1.1);
        settings.setExtent(extent);
        settings.setBackgroundColor(Qt::white);
        settings.setFlag(Qgis::MapSettingsFlag::Antialiasing, true);
        settings.setFlag(Qgis::MapSettingsFlag::DrawLabeling, true);
        QgsMapRendererParallelJob job(settings);
        job.start();
        job.waitForFinished();
        QString report;
        QVERIFY2(matchesControlImage(job.renderedImage(), QStringLiteral("ui_qgis_project"), 400, &report),
                 qPrintable(report));
    }

    void theStoredLinksFollowTheApplicationsRulesAtEachScale() {
        QTemporaryDir dir;
        QgsProject project;
        QgsVectorLayer* links = openStoredLayer(dir, project, QStringLiteral("liens"));
        QVERIFY(links);
        int all = 0, modelled = 0, dominant = 0;
        QgsFeature f;
        for (QgsFeatureIterator it = links->getFeatures(); it.nextFeature(f);) {
            ++all;
            if (f.attribute(QStringLiteral("kind")).toString() != QLatin1String("modelled"))
                continue;
            ++modelled;
            dominant += f.attribute(QStringLiteral("dominant")).toInt() == 1 ? 1 : 0;
        }
        QVERIFY(dominant > 0 && dominant < modelled);

        // As the application's map (test_panels): every link at 1:500 000, the dominant modelled ones
        // only at 1:9 000 000 (with the flows and cooperations, drawn at every scale), lighter and thinner.
        const testing::LinesDrawn region = testing::linesDrawnAt(*links, 500'000);
        QCOMPARE(region.features, all);
        const testing::LinesDrawn country = testing::linesDrawnAt(*links, 9'000'000);
        QCOMPARE(country.features, all - modelled + dominant);
        const QString overview = styles::overviewDominantLinkColor().name(QColor::HexArgb);
        const QString detailed = styles::dominantLinkColor().name(QColor::HexArgb);
        auto uses = [](const QSet<QString>& symbols, const QString& colour, const QString& widths) {
            return std::any_of(symbols.begin(), symbols.end(),
                               [&](const QString& s) { return s.startsWith(colour) && s.endsWith(widths); });
        };
        QVERIFY(uses(region.symbols, detailed, QStringLiteral(", 0.45, 1.80)")));
        QVERIFY(!uses(region.symbols, overview, QString()));
        QVERIFY(uses(country.symbols, overview, QStringLiteral(", 0.15, 0.80)")));
        QVERIFY(!uses(country.symbols, detailed, QString()));
        QVERIFY(!uses(country.symbols, styles::otherLinkColor().name(QColor::HexArgb), QString()));
    }

    void theStoredPolesFollowTheApplicationsMarkersAtEachScale() {
        QTemporaryDir dir;
        QgsProject project;
        QgsVectorLayer* poles = openStoredLayer(dir, project, QStringLiteral("poles"));
        QVERIFY(poles);
        // As the application's map (test_panels).
        testing::checkPoleMarkersAtEachScale(*poles);
    }

    void theStoredLegendListsTheDominantLinkBeforeTheOtherLinks() {
        QTemporaryDir dir;
        QgsProject project;
        QgsVectorLayer* links = openStoredLayer(dir, project, QStringLiteral("liens"));
        QVERIFY(links);
        const QString cooperations = MaillageLayers::tr("Declared cooperations");
        const QString flows = MaillageLayers::tr("Observed flows");
        const QString dominant = MaillageLayers::tr("Dominant link (towards a heavier pôle)");
        QCOMPARE(testing::legendAt(project, links, 500'000),
                 QStringList({cooperations, flows, dominant, MaillageLayers::tr("Other link")}));
        QCOMPARE(testing::legendAt(project, links, 9'000'000), QStringList({cooperations, flows, dominant}));
    }

    void theLinksAreDrawnUnderTheFlowsTheDominantOnesOverTheOthers() {
        // Written in the order that would draw them the other way round: a flow, then a dominant link, then
        // an other link; the dominant link runs west-east, the other link and the flow cross it.
        auto layer = std::make_unique<QgsVectorLayer>(
            QStringLiteral("LineString?crs=EPSG:2154&field=kind:string&field=dominant:integer"
                           "&field=intensity:double&field=volume:double"),
            QStringLiteral("liens"), QStringLiteral("memory"));
        auto line = [&](const char* kind, int dominant, double x0, double y0, double x1, double y1) {
            QgsFeature f(layer->fields());
            f.setAttributes(QgsAttributes({QString::fromLatin1(kind), dominant, 100.0, 100.0}));
            f.setGeometry(QgsGeometry::fromPolylineXY({QgsPointXY(x0, y0), QgsPointXY(x1, y1)}));
            return f;
        };
        QgsFeatureList features = {line("observed", 0, 7000, 0, 7000, 10000),
                                   line("modelled", 1, 0, 5000, 10000, 5000),
                                   line("modelled", 0, 3000, 0, 3000, 10000)};
        QVERIFY(layer->dataProvider()->addFeatures(features));
        const QgsRectangle extent(0, 0, 10000, 10000);
        // The colour at (x, y) metres of the layer rendered 200 pixels wide (50 m a pixel, 1:190 000).
        auto colourAt = [&](double x, double y) {
            QList<QgsLabelPosition> labels;
            const QImage image =
                testing::renderMapWithLabels({layer.get()}, extent, QSize(200, 200), &labels);
            return QColor(image.pixel(static_cast<int>(x / 50), static_cast<int>(200 - y / 50)));
        };
        auto distance = [](const QColor& a, const QColor& b) {
            return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                             std::abs(a.blue() - b.blue())});
        };
        // The dataset's liens: the dominant link over the other one (more transparent: 24 levels apart when
        // under it), the flow over the dominant link.
        layer->setRenderer(styles::linkLinesRenderer(10, 100, 10, 100));
        const QColor dominant = colourAt(5000, 5000);
        QVERIFY2(distance(colourAt(3000, 5000), dominant) < 12,
                 qPrintable(colourAt(3000, 5000).name() + QLatin1Char(' ') + dominant.name()));
        const QColor crossing = colourAt(7000, 5000), flow = colourAt(7000, 8000);
        QVERIFY2(distance(crossing, flow) < distance(crossing, dominant),
                 qPrintable(crossing.name() + QLatin1Char(' ') + flow.name() + QLatin1Char(' ') +
                            dominant.name()));
        // The application's links layer (the modelled links; the flow drawn as an other link).
        layer->setRenderer(styles::modelledLinksRenderer(10, 100));
        QVERIFY2(distance(colourAt(3000, 5000), colourAt(5000, 5000)) < 12,
                 qPrintable(colourAt(3000, 5000).name() + QLatin1Char(' ') + colourAt(5000, 5000).name()));
    }

    void theMapShowsTheStoredDepartementsWithoutDissolvingThem() {
        model::Dataset d = testing::makeSixBassins();
        Warnings warnings;
        io::dissolveOutlines(d, warnings);
        d.departementOutlines[0].geometry = testing::squareWkb(0, 0, 1000); // not what a dissolve gives
        Session session;
        QgsProject project;
        MapLayers layers(&session, &project);
        session.setDataset(std::move(d));
        QVERIFY(layers.departementsReady()); // at once: no background dissolve
        QCOMPARE(layers.departements()->featureCount(), 2LL);
        QgsFeature first;
        QgsFeatureIterator it =
            layers.departements()->getFeatures(QgsFeatureRequest(QStringLiteral("\"code\" = '00'")));
        QVERIFY(it.nextFeature(first));
        QCOMPARE(first.geometry().area(), 1e6); // the stored outline
        QCOMPARE(first.attribute(QStringLiteral("nom")).toString(), QStringLiteral("Nord-Test"));
    }

    void writingTwiceKeepsOneStylePerLayerAndOneProject() {
        QTemporaryDir dir;
        const QString path = writeSixBassins(dir);
        QString error;
        QVERIFY2(styles::writeDatasetStyles(path, &error), qPrintable(error));
        QVERIFY2(styles::writeDatasetStyles(path, &error), qPrintable(error));
        QgsVectorLayer styles(path + QStringLiteral("|layername=layer_styles"), QStringLiteral("s"),
                              QStringLiteral("ogr"));
        QCOMPARE(styles.featureCount(), 7LL);
        QgsProjectStorage* storage =
            QgsApplication::projectStorageRegistry()->projectStorageFromType(QStringLiteral("geopackage"));
        QVERIFY(storage);
        QCOMPARE(storage->listProjects(path), QStringList{QStringLiteral("maillage")});
    }

    void theSaveThroughASymbolicLinkReplacesTheFileItPointsTo() {
        // As `classify --save` does: the file the link points to is replaced, the link stays a link.
        QTemporaryDir dir, elsewhere;
        const QString path = writeSixBassins(dir);
        const QString link = elsewhere.filePath(QStringLiteral("lien.gpkg"));
        QVERIFY(QFile::link(path, link));
        model::Parameters parameters = io::readDataset(path.toStdString(), io::ReadOptions{false}).params;
        parameters.poles.grandPoleMin = 9000;
        QString error;
        QVERIFY2(styles::writeDatasetStyles(link, parameters, &error), qPrintable(error));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(QFileInfo(link).symLinkTarget(), path);
        QCOMPARE(io::readDataset(path.toStdString(), io::ReadOptions{false}).params.poles.grandPoleMin,
                 9000.0);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("six_bassins.gpkg")});
        QCOMPARE(QDir(elsewhere.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("lien.gpkg")});
    }

    void aFileThatIsNoDatasetIsLeftAsItWas() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.gpkg"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("pas une GeoPackage");
        file.close();
        QString error;
        QVERIFY(!styles::writeDatasetStyles(path, &error));
        QVERIFY2(error.contains(QStringLiteral("notes.gpkg")), qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("notes.gpkg")});
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("pas une GeoPackage"));
    }

    void theModuleOfTheCommandLineWritesThemToo() {
        void* handle = ::dlopen(MAILLAGE_QGIS_MODULE, RTLD_NOW | RTLD_LOCAL);
        QVERIFY2(handle, ::dlerror());
        using WriteStyles = int (*)(const char*, const char*, char*, std::size_t);
        auto write = reinterpret_cast<WriteStyles>(::dlsym(handle, "maillage_write_qgis_styles"));
        QVERIFY(write);
        QTemporaryDir dir;
        const QString path = writeSixBassins(dir);
        char error[512] = "";
        QCOMPARE(write(path.toUtf8().constData(), "fr", error, sizeof error), 1);
        QgsProject project;
        QVERIFY(project.read(styles::projectUri(path)));
        QCOMPARE(treeLayers(project).size(), 7);
        QCOMPARE(write(dir.filePath(QStringLiteral("absent.gpkg")).toUtf8().constData(), "fr", error,
                       sizeof error),
                 0);
        QVERIFY(QByteArray(error).contains("absent.gpkg"));
    }

    void theDemoCommandWritesADatasetThatOpensAsAFinishedMap() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.gpkg"));
        QString error;
        QVERIFY2(writeDemo(path, &error), qPrintable(error));
        QgsProject project;
        QVERIFY(project.read(styles::projectUri(path)));
        const QList<QgsMapLayer*> layers = treeLayers(project);
        QVERIFY(layers.size() >= 4);
        QgsVectorLayer* bassins = nullptr;
        for (QgsMapLayer* layer : layers)
            if (layerNameOf(layer) == QStringLiteral("bassins_de_vie"))
                bassins = qobject_cast<QgsVectorLayer*>(layer);
        QVERIFY(bassins && bassins->isValid());
        auto* renderer = dynamic_cast<QgsCategorizedSymbolRenderer*>(bassins->renderer());
        QVERIFY(renderer);
        QCOMPARE(renderer->classAttribute(), QStringLiteral("pole_type"));
    }
    //! Issue 7: the dataset's density map (médecins généralistes, latest vintage) is a layer of the file and
    //! of its project, unticked, styled as the application's density map: the secret class for the masked
    //! communes, a class of its own for those without any, graduated classes for the others.
    void theDemosDensityMapOpensWithTheSecretClassAndUnticked() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.gpkg"));
        QString error;
        QVERIFY2(writeDemo(path, &error), qPrintable(error));

        QgsVectorLayer layer(path + QStringLiteral("|layername=") + QString::fromLatin1(io::kDensityMapView),
                             QStringLiteral("d"), QStringLiteral("ogr"), QgsVectorLayer::LayerOptions(false));
        QVERIFY(layer.isValid());
        QCOMPARE(layer.featureCount(), 1494LL); // every commune of the demo
        QCOMPARE(layer.fields().field(QStringLiteral("per_10000")).type(), QVariant::Double);
        bool loaded = false;
        layer.loadDefaultStyle(loaded);
        QVERIFY(loaded);
        auto* renderer = dynamic_cast<QgsGraduatedSymbolRenderer*>(layer.renderer());
        QVERIFY(renderer);
        const QgsRangeList& ranges = renderer->ranges();
        QVERIFY(ranges.size() >= 4);
        QCOMPARE(ranges[0].lowerValue(), styles::kDensitySecretValue); // the secret class first
        QCOMPARE(ranges[1].lowerValue(), 0.0);                         // then the communes without any
        QCOMPARE(ranges[1].upperValue(), 0.0);
        // Each commune falls in the class of its figure: masked ones in the secret class, only they.
        QgsExpressionContext context;
        context.appendScopes(QgsExpressionContextUtils::globalProjectLayerScopes(&layer));
        QgsRenderContext render;
        render.setExpressionContext(context);
        renderer->startRender(render, layer.fields());
        int secret = 0, none = 0;
        QgsFeature f;
        QgsFeatureIterator it = layer.getFeatures();
        while (it.nextFeature(f)) {
            render.expressionContext().setFeature(f);
            const QgsSymbol* symbol = renderer->symbolForFeature(f, render);
            QVERIFY(symbol);
            const bool masked = f.attribute(QStringLiteral("masked")).toInt() == 1;
            QCOMPARE(symbol == ranges[0].symbol(), masked);
            secret += masked ? 1 : 0;
            none += symbol == ranges[1].symbol() ? 1 : 0;
            if (symbol == ranges[1].symbol())
                QCOMPARE(f.attribute(QStringLiteral("count")).toInt(), 0);
        }
        renderer->stopRender(render);
        QVERIFY(secret > 0 && none > 0);

        QgsProject project;
        QVERIFY(project.read(styles::projectUri(path)));
        QgsMapLayer* inProject = nullptr;
        for (QgsMapLayer* l : treeLayers(project))
            if (layerNameOf(l) == QLatin1String(io::kDensityMapView))
                inProject = l;
        QVERIFY(inProject && inProject->isValid());
        QVERIFY(!project.layerTreeRoot()->findLayer(inProject)->isVisible());
        QVERIFY(
            dynamic_cast<QgsGraduatedSymbolRenderer*>(qobject_cast<QgsVectorLayer*>(inProject)->renderer()));
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestQgisProject)
#include "test_qgis_project.moc"
