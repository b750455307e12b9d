// Export of the map view: the print layout holds a title, the map, a legend, a scale bar, a north arrow
// and the source line; PDF, PNG (300 dpi) and SVG files are written whole, through a temporary file.
#include "ui/app_settings.h"
#include "ui/dialogs.h"
#include "ui/export_layout.h"
#include "ui/layer_roles.h"
#include "ui/main_window.h"
#include "ui/map_layers.h"
#include "ui/session.h"

#include "testing.h"
#include "ui/qgis_test_main.h"
#include "ui/ui_fixture.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <qgslayertree.h>
#include <qgslayertreemodellegendnode.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutpagecollection.h>
#include <qgslayoututils.h>
#include <qgsmapcanvas.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

using namespace maillage;
using namespace maillage::ui;

namespace {

QByteArray head(const QString& path, int n) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(n) : QByteArray();
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void layoutHasEveryItem();
    void portraitPage();
    void exportsPdf();
    void exportsPngAt300Dpi();
    void exportsSvg();
    void failureLeavesNoFile();
    void exportFolderFallsBackToAnExistingFolder();
    void a3PagesInBothOrientationsKeepItemsApart();
    void pdfCarriesTheMapTitle();
    void densityMapLayoutHasItsOwnTitleAndNoPoleLegend();
    void legendListsOnlyTheSymbolsOfTheMapScaleOnce();
    void exportDialogStaysOpenOnFailureAndRemembersTheFolder();

private:
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestExport::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->showDataset(testing::makeSixBassins(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->layers()->departementsReady(), 10000);
}

void TestExport::cleanupTestCase() {
    m_window.reset();
}

void TestExport::layoutHasEveryItem() {
    const ExportOptions options = m_window->defaultExportOptions();
    QVERIFY(options.title.contains(QStringLiteral("Six bassins")));
    QVERIFY(options.sourceLine.contains(QStringLiteral("Sources : Données de test")));
    QVERIFY(options.sourceLine.contains(QStringLiteral("Données fictives")));
    QCOMPARE(options.dpi, 300);

    std::unique_ptr<QgsPrintLayout> layout =
        buildExportLayout(m_window->project(), m_window->canvas()->mapSettings(), options);
    QVERIFY(layout);
    const QgsLayoutItemPage* page = layout->pageCollection()->page(0);
    QCOMPARE(layout->pageCollection()->pageCount(), 1);
    QCOMPARE(qRound(page->pageSize().width()), 297);
    QCOMPARE(qRound(page->pageSize().height()), 210);

    auto* title = qobject_cast<QgsLayoutItemLabel*>(layout->itemById(QString::fromLatin1(layout_id::Title)));
    QVERIFY(title);
    QCOMPARE(title->text(), options.title);
    auto* source =
        qobject_cast<QgsLayoutItemLabel*>(layout->itemById(QString::fromLatin1(layout_id::Source)));
    QVERIFY(source);
    QCOMPARE(source->text(), options.sourceLine);

    auto* map = qobject_cast<QgsLayoutItemMap*>(layout->itemById(QString::fromLatin1(layout_id::Map)));
    QVERIFY(map);
    QVERIFY(map->layers().contains(m_window->layers()->bassins()));
    QVERIFY(map->extent().contains(m_window->layers()->fullExtent()));
    QVERIFY(map->scale() > 0);

    auto* legend =
        qobject_cast<QgsLayoutItemLegend*>(layout->itemById(QString::fromLatin1(layout_id::Legend)));
    QVERIFY(legend);
    QCOMPARE(legend->linkedMap(), map);
    QgsLayerTree* legendTree = legend->model()->rootGroup();
    QVERIFY(legendTree->findLayer(m_window->layers()->bassins()));
    // A layer is in the legend when it is drawn at the map's scale (communes only when zoomed in).
    QgsVectorLayer* communes = m_window->layers()->communes();
    QCOMPARE(legendTree->findLayer(communes) != nullptr, communes->isInScaleRange(map->scale()));

    auto* scaleBar =
        qobject_cast<QgsLayoutItemScaleBar*>(layout->itemById(QString::fromLatin1(layout_id::ScaleBar)));
    QVERIFY(scaleBar);
    QCOMPARE(scaleBar->linkedMap(), map);
    QCOMPARE(scaleBar->units(), QgsUnitTypes::DistanceKilometers);

    auto* arrow =
        qobject_cast<QgsLayoutItemPicture*>(layout->itemById(QString::fromLatin1(layout_id::NorthArrow)));
    QVERIFY(arrow);
    QVERIFY(arrow->picturePath().endsWith(QStringLiteral(".svg")));
    QVERIFY(QFileInfo::exists(arrow->picturePath()));

    // Every item lies on the page.
    const QRectF pageRect(0, 0, 297, 210);
    for (const char* id : {layout_id::Title, layout_id::Map, layout_id::Legend, layout_id::ScaleBar,
                           layout_id::NorthArrow, layout_id::Source}) {
        const QgsLayoutItem* item = layout->itemById(QString::fromLatin1(id));
        const QRectF r = item->sceneBoundingRect();
        QVERIFY2(pageRect.contains(r), qPrintable(QStringLiteral("%1: %2,%3 %4x%5 mm")
                                                      .arg(QString::fromLatin1(id))
                                                      .arg(r.x())
                                                      .arg(r.y())
                                                      .arg(r.width())
                                                      .arg(r.height())));
    }
}

void TestExport::portraitPage() {
    ExportOptions options = m_window->defaultExportOptions();
    options.orientation = PageOrientation::Portrait;
    std::unique_ptr<QgsPrintLayout> layout =
        buildExportLayout(m_window->project(), m_window->canvas()->mapSettings(), options);
    const QgsLayoutItemPage* page = layout->pageCollection()->page(0);
    QCOMPARE(qRound(page->pageSize().width()), 210);
    QCOMPARE(qRound(page->pageSize().height()), 297);
    const QRectF pageRect(0, 0, 210, 297);
    for (const char* id : {layout_id::Title, layout_id::Map, layout_id::Legend, layout_id::ScaleBar,
                           layout_id::NorthArrow, layout_id::Source}) {
        const QRectF r = layout->itemById(QString::fromLatin1(id))->sceneBoundingRect();
        QVERIFY2(pageRect.contains(r), qPrintable(QStringLiteral("%1: %2,%3 %4x%5 mm")
                                                      .arg(QString::fromLatin1(id))
                                                      .arg(r.x())
                                                      .arg(r.y())
                                                      .arg(r.width())
                                                      .arg(r.height())));
    }
}

void TestExport::exportsPdf() {
    const QString path = m_dir.filePath(QStringLiteral("carte.pdf"));
    QString error;
    QVERIFY2(m_window->exportView(path, ExportFormat::Pdf, m_window->defaultExportOptions(), &error),
             qPrintable(error));
    QCOMPARE(head(path, 5), QByteArray("%PDF-"));
    QVERIFY(QFileInfo(path).size() > 10000);
    // Only the result in the folder: the temporary file was renamed.
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("carte.pdf")});
    // Exporting again replaces the file.
    QVERIFY(m_window->exportView(path, ExportFormat::Pdf, m_window->defaultExportOptions(), &error));
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestExport::exportsPngAt300Dpi() {
    const QString path = m_dir.filePath(QStringLiteral("carte.png"));
    QString error;
    QVERIFY2(m_window->exportView(path, ExportFormat::Png, m_window->defaultExportOptions(), &error),
             qPrintable(error));
    const QSize size = QImageReader(path).size();
    // A4 landscape at 300 dpi: 297 mm x 210 mm = 3508 x 2480 pixels.
    QVERIFY2(qAbs(size.width() - 3508) <= 2 && qAbs(size.height() - 2480) <= 2,
             qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())));
}

void TestExport::exportsSvg() {
    const QString path = m_dir.filePath(QStringLiteral("carte.svg"));
    QString error;
    QVERIFY2(m_window->exportView(path, ExportFormat::Svg, m_window->defaultExportOptions(), &error),
             qPrintable(error));
    QVERIFY(head(path, 400).contains("<svg"));
}

void TestExport::failureLeavesNoFile() {
    const QString path = m_dir.filePath(QStringLiteral("absent/folder/carte.pdf"));
    QString error;
    QVERIFY(!m_window->exportView(path, ExportFormat::Pdf, m_window->defaultExportOptions(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFileInfo::exists(path));
}

void TestExport::exportFolderFallsBackToAnExistingFolder() {
    QCOMPARE(ExportDialog::defaultFolder(m_dir.path()), m_dir.path());
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString fallback = QFileInfo(documents).isDir() ? documents : QDir::homePath();
    QCOMPARE(ExportDialog::defaultFolder(m_dir.filePath(QStringLiteral("gone"))), fallback);
    QCOMPARE(ExportDialog::defaultFolder(QString()), fallback);
    QVERIFY(QFileInfo(ExportDialog::defaultFolder(QString())).isDir());
}

void TestExport::exportDialogStaysOpenOnFailureAndRemembersTheFolder() {
    // The folder remembered from last time was deleted since.
    appSettings()->setValue(QStringLiteral("paths/export"), m_dir.filePath(QStringLiteral("gone")));
    QString proposed, error;
    bool stayedOpen = false;
    QTimer::singleShot(0, this, [&] {
        ExportDialog* dialog = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* d = qobject_cast<ExportDialog*>(w); d && d->isVisible())
                dialog = d;
        QVERIFY(dialog);
        proposed = dialog->path();
        auto* path = dialog->findChild<QLineEdit*>(QStringLiteral("exportPath"));
        QPushButton* exportButton = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        path->setText(m_dir.filePath(QStringLiteral("absent/carte.pdf")));
        exportButton->click();
        stayedOpen = dialog->isVisible();
        error = dialog->errorText();
        path->setText(m_dir.filePath(QStringLiteral("choisie.pdf")));
        exportButton->click();
    });
    auto* action = m_window->findChild<QAction*>(QStringLiteral("exportMap"));
    QVERIFY(action);
    action->trigger();
    QVERIFY2(QFileInfo(QFileInfo(proposed).absolutePath()).isDir(), qPrintable(proposed));
    QVERIFY(stayedOpen);
    QVERIFY2(!error.isEmpty(), qPrintable(error));
    QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("choisie.pdf"))));
    QCOMPARE(appSettings()->value(QStringLiteral("paths/export")).toString(), m_dir.path());
    QFile::remove(m_dir.filePath(QStringLiteral("choisie.pdf")));
}

void TestExport::a3PagesInBothOrientationsKeepItemsApart() {
    for (PageOrientation orientation : {PageOrientation::Landscape, PageOrientation::Portrait}) {
        ExportOptions options = m_window->defaultExportOptions();
        options.pageSize = PageSize::A3;
        options.orientation = orientation;
        std::unique_ptr<QgsPrintLayout> layout =
            buildExportLayout(m_window->project(), m_window->canvas()->mapSettings(), options);
        const QgsLayoutItemPage* page = layout->pageCollection()->page(0);
        const bool landscape = orientation == PageOrientation::Landscape;
        QCOMPARE(qRound(page->pageSize().width()), landscape ? 420 : 297);
        QCOMPARE(qRound(page->pageSize().height()), landscape ? 297 : 420);
        const QRectF pageRect(0, 0, page->pageSize().width(), page->pageSize().height());
        const QList<const char*> ids = {layout_id::Title,    layout_id::Map,        layout_id::Legend,
                                        layout_id::ScaleBar, layout_id::NorthArrow, layout_id::Source};
        for (const char* id : ids)
            QVERIFY2(pageRect.contains(layout->itemById(QString::fromLatin1(id))->sceneBoundingRect()), id);
        // Nothing overlaps: not the legend, the north arrow, the scale bar, the map or the source line.
        for (int i = 0; i < ids.size(); ++i)
            for (int j = i + 1; j < ids.size(); ++j) {
                const QRectF a = layout->itemById(QString::fromLatin1(ids[i]))->sceneBoundingRect();
                const QRectF b = layout->itemById(QString::fromLatin1(ids[j]))->sceneBoundingRect();
                QVERIFY2(!a.intersects(b), qPrintable(QStringLiteral("%1 overlaps %2")
                                                          .arg(QString::fromLatin1(ids[i]))
                                                          .arg(QString::fromLatin1(ids[j]))));
            }
    }
}

void TestExport::pdfCarriesTheMapTitle() {
    ExportOptions options = m_window->defaultExportOptions();
    options.title = QStringLiteral("Pôles — Été");
    const QString path = m_dir.filePath(QStringLiteral("titre.pdf"));
    QString error;
    QVERIFY2(m_window->exportView(path, ExportFormat::Pdf, options, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    // The document information's title, as PDF readers show it: UTF-16BE in hexadecimal (the last one
    // written, that of the incremental update).
    const QByteArray key("/Title <FEFF");
    const int at = pdf.lastIndexOf(key);
    QVERIFY(at >= 0);
    const int end = pdf.indexOf('>', at);
    const QByteArray hex = QByteArray::fromHex(pdf.mid(at + key.size(), end - at - key.size()));
    QString title;
    for (int i = 0; i + 1 < hex.size(); i += 2)
        title += QChar(static_cast<char16_t>((static_cast<unsigned char>(hex[i]) << 8) |
                                             static_cast<unsigned char>(hex[i + 1])));
    QCOMPARE(title, options.title);
    QFile::remove(path);
    // The project's own metadata is left as it was.
    QVERIFY(m_window->project()->metadata().title() != options.title);
}

void TestExport::legendListsOnlyTheSymbolsOfTheMapScaleOnce() {
    // The pôles and the links have an overview symbol beyond a scale and a detailed one below it: the
    // exported legend listed both (« Pôle isolé » twice on the Hauts-de-France map).
    QgsVectorLayer* poles = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (poles = findLayerByRole(m_window->project(), QString::fromLatin1(role::Poles))) != nullptr, 10000);
    std::unique_ptr<QgsPrintLayout> layout = buildExportLayout(
        m_window->project(), m_window->canvas()->mapSettings(), m_window->defaultExportOptions());
    QVERIFY(layout);
    auto* map = qobject_cast<QgsLayoutItemMap*>(layout->itemById(QString::fromLatin1(layout_id::Map)));
    auto* legend =
        qobject_cast<QgsLayoutItemLegend*>(layout->itemById(QString::fromLatin1(layout_id::Legend)));
    QVERIFY(map && legend);
    QgsLayerTreeLayer* node = legend->model()->rootGroup()->findLayer(poles);
    QVERIFY(node);
    const QList<QgsLayerTreeModelLegendNode*> shown = legend->model()->layerLegendNodes(node);
    QVERIFY(!shown.isEmpty());
    QStringList labels;
    for (QgsLayerTreeModelLegendNode* item : shown) {
        QVERIFY2(item->isScaleOK(map->scale()), qPrintable(item->data(Qt::DisplayRole).toString()));
        labels << item->data(Qt::DisplayRole).toString();
    }
    QCOMPARE(labels.removeDuplicates(), 0);
}

void TestExport::densityMapLayoutHasItsOwnTitleAndNoPoleLegend() {
    Session* session = m_window->session();
    QSignalSpy coloured(m_window->layers(), &MapLayers::communeColouringChanged);
    session->requestDensityMap({QStringLiteral("medecin_generaliste"), session->vintage(), false});
    QTRY_VERIFY_WITH_TIMEOUT(coloured.count() >= 1, 10000);
    const ExportOptions options = m_window->defaultExportOptions();
    QVERIFY2(options.title.contains(QStringLiteral("2023")) &&
                 options.title.contains(QStringLiteral("généraliste"), Qt::CaseInsensitive),
             qPrintable(options.title));
    QVERIFY2(options.subtitle.contains(QStringLiteral("10 000")), qPrintable(options.subtitle));
    std::unique_ptr<QgsPrintLayout> layout =
        buildExportLayout(m_window->project(), m_window->canvas()->mapSettings(), options);
    auto* title = qobject_cast<QgsLayoutItemLabel*>(layout->itemById(QString::fromLatin1(layout_id::Title)));
    QCOMPARE(title->text(), options.title);
    auto* legend =
        qobject_cast<QgsLayoutItemLegend*>(layout->itemById(QString::fromLatin1(layout_id::Legend)));
    QgsLayerTree* tree = legend->model()->rootGroup();
    QVERIFY(!tree->findLayer(m_window->layers()->bassins())); // the pôle colours are not on this map
    QVERIFY(tree->findLayer(m_window->layers()->communes())); // the density classes are
    // Accessibility says so in its subtitle.
    session->requestDensityMap({QStringLiteral("medecin_generaliste"), session->vintage(), true});
    QTRY_VERIFY_WITH_TIMEOUT(m_window->defaultExportOptions().subtitle.contains(QStringLiteral("APL")),
                             10000);
    // Its subtitle, the longest, holds on one line of its box at A4 portrait (a second line ran onto the
    // map's frame).
    ExportOptions apl = m_window->defaultExportOptions();
    apl.orientation = PageOrientation::Portrait;
    layout = buildExportLayout(m_window->project(), m_window->canvas()->mapSettings(), apl);
    auto* subtitle =
        qobject_cast<QgsLayoutItemLabel*>(layout->itemById(QString::fromLatin1(layout_id::Subtitle)));
    QVERIFY(subtitle);
    QVERIFY2(QgsLayoutUtils::textWidthMM(subtitle->font(), subtitle->text()) <= subtitle->rect().width(),
             qPrintable(QStringLiteral("%1 mm wide at %2 pt in %3 mm")
                            .arg(QgsLayoutUtils::textWidthMM(subtitle->font(), subtitle->text()))
                            .arg(subtitle->font().pointSizeF())
                            .arg(subtitle->rect().width())));
    session->clearDensityMap();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->defaultExportOptions().subtitle != options.subtitle, 10000);
}

MAILLAGE_QGIS_TEST_MAIN(TestExport)
#include "test_export.moc"
