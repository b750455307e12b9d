// The styles and the project written by the command line from the build-time templates
// (core/io/style_templates.h), without QGIS, load in QGIS as those that libmaillage_qgis.so writes with
// QGIS's classes: the same renderers, categories, rules, ranges, labels and layer order, checked through
// QGIS's own loading path (QgsVectorLayer + loadDefaultStyle, QgsProject::read of the stored project) on
// datasets written both ways by the same executable (MAILLAGE_STYLES_WITH_QGIS=1: the module).
#include "core/io/style_templates.h"
#include "core/model/error.h"
#include "ui/styles/dataset_styles.h"

#include "testing.h"
#include "ui/qgis_test_main.h"

#include <QDomDocument>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <qgslayertree.h>
#include <qgsproject.h>
#include <qgsprojectviewsettings.h>
#include <qgsreadwritecontext.h>
#include <qgsvectorlayer.h>

using namespace maillage;
namespace styles = maillage::ui::styles;

namespace {

//! Runs the executable with `arguments`; with the module (MAILLAGE_STYLES_WITH_QGIS=1) or the templates.
bool run(const QStringList& arguments, bool module, QString* error) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (module)
        env.insert(QStringLiteral("MAILLAGE_STYLES_WITH_QGIS"), QStringLiteral("1"));
    else
        env.remove(QStringLiteral("MAILLAGE_STYLES_WITH_QGIS"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MAILLAGE_BINARY), arguments);
    const bool ok = p.waitForFinished(300000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    *error = QString::fromUtf8(p.readAllStandardError());
    return ok;
}

//! A layer's style as QGIS holds it once loaded (symbology, labels, rendering), its rule keys (random
//! identifiers) left out, whitespace between elements dropped.
QString loadedStyle(QgsMapLayer* layer) {
    QDomDocument doc;
    QString message;
    layer->exportNamedStyle(doc, message, QgsReadWriteContext(),
                            QgsMapLayer::Symbology | QgsMapLayer::Labeling | QgsMapLayer::Rendering |
                                QgsMapLayer::Fields);
    QString text = doc.toString(-1);
    static const QRegularExpression key(QStringLiteral(" key=\"\\{[0-9a-f-]+\\}\""));
    return text.remove(key);
}

//! The default style of `table` in `gpkg`, loaded as QGIS loads it.
QString defaultStyle(const QString& gpkg, const QString& table) {
    QgsVectorLayer layer(gpkg + QStringLiteral("|layername=") + table, table, QStringLiteral("ogr"),
                         QgsVectorLayer::LayerOptions(false));
    if (!layer.isValid())
        return QStringLiteral("invalid layer");
    bool loaded = false;
    const QString message = layer.loadDefaultStyle(loaded);
    return loaded ? loadedStyle(&layer) : QStringLiteral("no default style: ") + message;
}

QString tableOf(const QgsMapLayer* layer) {
    return layer->source().section(QStringLiteral("layername="), 1).section(QLatin1Char('|'), 0, 0);
}

//! The datasets `module` and `templates` load alike: each styled layer's default style, and the stored
//! project's layers (order, names, visibility, styles), CRS and view.
void compareDatasets(const QString& module, const QString& templates) {
    for (const QString& table : styles::styledLayers()) {
        const QString expected = defaultStyle(module, table);
        QVERIFY2(!expected.startsWith(QLatin1String("no default")) &&
                     expected != QLatin1String("invalid layer"),
                 qPrintable(table + QStringLiteral(": ") + expected));
        QCOMPARE(defaultStyle(templates, table), expected);
    }
    QgsProject a, b;
    QVERIFY(a.read(styles::projectUri(module)));
    QVERIFY(b.read(styles::projectUri(templates)));
    const QList<QgsLayerTreeLayer*> la = a.layerTreeRoot()->findLayers(),
                                    lb = b.layerTreeRoot()->findLayers();
    QCOMPARE(lb.size(), la.size());
    QCOMPARE(la.size(), styles::styledLayers().size());
    for (int i = 0; i < la.size(); ++i) {
        QVERIFY(lb[i]->layer() && lb[i]->layer()->isValid());
        QCOMPARE(tableOf(lb[i]->layer()), tableOf(la[i]->layer()));
        QCOMPARE(lb[i]->layer()->name(), la[i]->layer()->name());
        QCOMPARE(lb[i]->isVisible(), la[i]->isVisible());
        QCOMPARE(loadedStyle(lb[i]->layer()), loadedStyle(la[i]->layer()));
        // Written without QGIS: the ids are the filler's ("poles_..."), QGIS's are the layer's name.
        QVERIFY2(lb[i]->layer()->id().startsWith(tableOf(lb[i]->layer()) + QLatin1Char('_')),
                 qPrintable(lb[i]->layer()->id()));
        QVERIFY(!la[i]->layer()->id().startsWith(tableOf(la[i]->layer()) + QLatin1Char('_')));
    }
    QCOMPARE(b.crs().authid(), a.crs().authid());
    QCOMPARE(b.title(), QFileInfo(templates).completeBaseName());
    const QgsRectangle va = a.viewSettings()->defaultViewExtent(), vb = b.viewSettings()->defaultViewExtent();
    QVERIFY(!vb.isEmpty());
    QVERIFY(std::abs(va.xMinimum() - vb.xMinimum()) < 1e-3 && std::abs(va.yMaximum() - vb.yMaximum()) < 1e-3);
}

} // namespace

class TestStyleTemplates : public QObject {
    Q_OBJECT
private slots:
    void theDemoWrittenWithoutQgisLoadsAsTheModulesInFrenchAndEnglish() {
        for (const QString lang : {QStringLiteral("fr"), QStringLiteral("en")}) {
            QTemporaryDir dir;
            const QString module = dir.filePath(QStringLiteral("module.gpkg"));
            const QString templates = dir.filePath(QStringLiteral("templates.gpkg"));
            QString error;
            QVERIFY2(run({QStringLiteral("demo"), QStringLiteral("--quiet"), QStringLiteral("--lang"), lang,
                          QStringLiteral("--output"), module},
                         true, &error),
                     qPrintable(error));
            QVERIFY2(run({QStringLiteral("demo"), QStringLiteral("--quiet"), QStringLiteral("--lang"), lang,
                          QStringLiteral("--output"), templates},
                         false, &error),
                     qPrintable(error));
            compareDatasets(module, templates);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void classifySaveWithoutQgisLoadsAsTheModules() {
        QTemporaryDir dir;
        const QString module = dir.filePath(QStringLiteral("module.gpkg"));
        const QString templates = dir.filePath(QStringLiteral("templates.gpkg"));
        QString error;
        for (const QString& path : {module, templates})
            QVERIFY2(
                run({QStringLiteral("demo"), QStringLiteral("--quiet"), QStringLiteral("--output"), path},
                    true, &error),
                qPrintable(error));
        // Other figures: an isolation distance with decimals, a higher secrecy threshold, other pôles.
        for (const QString& path : {module, templates})
            QVERIFY2(run({QStringLiteral("classify"), QStringLiteral("--dataset"), path,
                          QStringLiteral("--save"), QStringLiteral("--set"),
                          QStringLiteral("maillage.isolation_km=12.5"), QStringLiteral("--set"),
                          QStringLiteral("density.secrecy_threshold=11"), QStringLiteral("--set"),
                          QStringLiteral("poles.intermediate_min=30"), QStringLiteral("--quiet"),
                          QStringLiteral("--output"), dir.filePath(QStringLiteral("c.csv"))},
                         path == module, &error),
                     qPrintable(error));
        compareDatasets(module, templates);
    }

    void theHautsDeFranceImportWrittenWithoutQgisLoadsAsTheModules() {
        MAILLAGE_REQUIRE_SHARED("communes/communes_hauts_de_france_cog2018.geojson");
        QTemporaryDir dir;
        const QString module = dir.filePath(QStringLiteral("hdf_module.gpkg"));
        const QString templates = dir.filePath(QStringLiteral("hdf.gpkg"));
        for (const QString& path : {module, templates}) {
            QString error;
            QVERIFY2(
                run({QStringLiteral("import"), QStringLiteral("--communes"),
                     testing::sharedPath("communes/communes_hauts_de_france_cog2018.geojson"),
                     QStringLiteral("--bassins"),
                     testing::sharedPath("bassins_de_vie/commune_cog2018_bv2012_bv2022_crosswalk.csv"),
                     QStringLiteral("--bv-column"), QStringLiteral("BV2012"), QStringLiteral("--population"),
                     testing::sharedPath("population/population_communes_2020.csv"),
                     QStringLiteral("--professionals"),
                     testing::sharedPath("professionals/bpe2018_sante_par_commune_long.csv") +
                         QStringLiteral(":2018"),
                     QStringLiteral("--output"), path, QStringLiteral("--quiet")},
                    path == module, &error),
                qPrintable(error));
        }
        compareDatasets(module, templates);
    }

    void aPlaceholderLeftUnfilledIsAnErrorNamingIt() {
        QCOMPARE(io::fillTemplate("<a v=\"@@ONE@@\"/>", {{"ONE", "1"}}, "t.qml"),
                 std::string("<a v=\"1\"/>"));
        try {
            io::fillTemplate("<a v=\"@@ONE@@\" w=\"@@TWO@@\"/>", {{"ONE", "1"}}, "t.qml");
            QFAIL("no error");
        } catch (const Error& e) {
            const std::string text = e.describe(Language::En);
            QVERIFY2(text.find("@@TWO@@") != std::string::npos && text.find("t.qml") != std::string::npos,
                     text.c_str());
        }
    }
};

MAILLAGE_QGIS_TEST_MAIN(TestStyleTemplates)
#include "test_style_templates24.moc"
