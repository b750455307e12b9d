#include "ui/main_window.h"

#include "core/analysis/access_weights.h"
#include "core/analysis/change.h"

#include "ui/styles/dataset_styles.h"

#include "core/io/gpkg.h"
#include "core/io/population_age.h"
#include "core/io/postgis.h"
#include "core/model/text.h"
#include "ui/add_data_dialog.h"
#include "ui/app_settings.h"
#include "ui/atlas.h"
#include "ui/cooperation_editor.h"
#include "ui/database_dialog.h"
#include "ui/demo_cache.h"
#include "ui/dialogs.h"
#include "ui/early_warning_layer.h"
#include "ui/i18n.h"
#include "ui/import_wizard.h"
#include "ui/layer_roles.h"
#include "ui/map_compare.h"
#include "ui/map_layers.h"
#include "ui/panels/panel_util.h"
#include "ui/panels/qpv_view.h"
#include "ui/pole_names.h"
#include "ui/print/territory_content.h"
#include "ui/qpv_identify.h"
#include "ui/sensitivity_layer.h"
#include "ui/session.h"
#include "ui/tasks.h"
#include "ui/workshop.h"
#include "ui/workshop_slides.h"
#include "ui/zones_layer.h"

#include "ui/scenario_panel.h"
#if __has_include("ui/panels/poles_panel.h")
#include "ui/panels/poles_panel.h"
#define MAILLAGE_HAS_POLES_PANEL 1
#endif
#include "ui/panels/change_panel.h"
#if __has_include("ui/panels/maillage_panel.h")
#include "ui/panels/maillage_panel.h"
#define MAILLAGE_HAS_MAILLAGE_PANEL 1
#endif
#if __has_include("ui/panels/density_panel.h")
#include "ui/panels/density_panel.h"
#define MAILLAGE_HAS_DENSITY_PANEL 1
#endif

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCompleter>
#include <QCryptographicHash>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHash>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

#include <utility>

#include <qgsapplication.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgshighlight.h>
#include <qgslabelingenginesettings.h>
#include <qgslayertree.h>
#include <qgslayertreemapcanvasbridge.h>
#include <qgslayertreemodel.h>
#include <qgslayertreeview.h>
#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>
#include <qgsmaptool.h>
#include <qgsmaptoolpan.h>
#include <qgsmaptoolzoom.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsscalewidget.h>
#include <qgsvectorlayer.h>

namespace maillage::ui {
namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString fold(const QString& text) {
    return qs(text::foldForMatch(text.toStdString()));
}

enum SearchRole { FoldedRole = Qt::UserRole + 1, KindRole, CodeRole, BassinRole };

constexpr int kMaxRecent = 8;

//! Writable, and not marked read-only: root may write into a file of mode 0444, but its owner meant it
//! to stay as it is.
bool writableByMode(const QFileInfo& info) {
    const QFile::Permissions anyWrite = QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
    return info.exists() && info.isWritable() && (info.permissions() & anyWrite);
}

//! Click: selects the commune under the cursor when communes are shown, and its BV; else the BV.
//! Shift or Ctrl adds the BV to the selection (or removes it). The status bar says what was clicked.
class SelectTool : public QgsMapTool {
public:
    SelectTool(QgsMapCanvas* canvas, Session* session, MapLayers* layers, QStatusBar* status)
        : QgsMapTool(canvas), m_session(session), m_layers(layers), m_status(status) {
        setCursor(Qt::PointingHandCursor);
    }

    void canvasPressEvent(QgsMapMouseEvent* e) override { m_pressed = e->pos(); }

    void canvasReleaseEvent(QgsMapMouseEvent* e) override {
        if (e->button() != Qt::LeftButton || (e->pos() - m_pressed).manhattanLength() > 4)
            return;
        const QgsPointXY point = e->mapPoint();
        const bool add = e->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier);

        QgsVectorLayer* communes = m_layers->communes();
        const bool communesShown =
            communes && communes->isInScaleRange(canvas()->scale()) && canvas()->layers().contains(communes);
        QString commune, bassin;
        if (communesShown) {
            const QgsFeature f = featureAt(communes, point);
            if (f.isValid()) {
                commune = f.attribute(QStringLiteral("code")).toString();
                bassin = f.attribute(QStringLiteral("bv")).toString();
            }
        }
        if (bassin.isEmpty() && m_layers->bassins()) {
            const QgsFeature f = featureAt(m_layers->bassins(), point);
            if (f.isValid())
                bassin = f.attribute(QStringLiteral("code")).toString();
        }

        QStringList selection = add ? m_session->selectedBassins() : QStringList();
        if (!bassin.isEmpty()) {
            if (add && selection.contains(bassin))
                selection.removeAll(bassin);
            else if (!selection.contains(bassin))
                selection.append(bassin);
        }
        m_session->selectBassins(selection);
        m_session->selectCommune(commune);
        describe(commune, bassin);
        if (const QString overlay = describeOverlaysAt(*m_session, *m_layers, *canvas(), point);
            !overlay.isEmpty())
            m_status->showMessage(overlay, 30000);
        describeQpvAt(point);
    }

private:
    QgsFeature featureAt(QgsVectorLayer* layer, const QgsPointXY& point) const {
        const double tolerance = canvas()->mapUnitsPerPixel() * 2;
        QgsFeatureRequest request(QgsRectangle(point.x() - tolerance, point.y() - tolerance,
                                               point.x() + tolerance, point.y() + tolerance));
        QgsFeatureIterator it = layer->getFeatures(request);
        QgsFeature f;
        while (it.nextFeature(f)) {
            if (f.geometry().contains(&point))
                return f;
        }
        return QgsFeature();
    }

    void describe(const QString& commune, const QString& bassin) const {
        if (bassin.isEmpty()) {
            m_status->clearMessage();
            return;
        }
        const model::Dataset& dataset = m_session->dataset();
        QString text;
        if (const model::Commune* c = dataset.commune(commune.toStdString()))
            text = MainWindow::tr("%1 (commune) — ").arg(qs(c->name));
        const QString name = panel::bassinName(dataset, bassin.toStdString());
        if (const analysis::PoleClassification* p = m_session->pole(bassin))
            text += MainWindow::tr("Bassin de vie of %1: %2")
                        .arg(name,
                             qs(analysis::describeClassification(
                                 *p, panel::uiIsFrench() ? analysis::Language::Fr : analysis::Language::En)));
        else
            text += MainWindow::tr("Bassin de vie of %1").arg(name);
        m_status->showMessage(text, 15000);
    }

    //! A click on a shown QPV: its figures from the Densités panel's QPV table, masked as it is.
    void describeQpvAt(const QgsPointXY& point) const {
        QgsVectorLayer* qpv = m_layers->qpv();
        if (!qpv || !canvas()->layers().contains(qpv))
            return;
        const QgsFeature f = featureAt(qpv, point);
        if (!f.isValid())
            return;
        const QString code = f.attribute(QStringLiteral("code")).toString();
        const QpvView* view = canvas()->window()->findChild<QpvView*>();
        const QString text = view ? describeQpv(view->table(), code, i18n::engineLanguage()) : QString();
        m_status->showMessage(text.isEmpty() ? MainWindow::tr("QPV %1: its figures are being computed "
                                                              "(Densités panel).")
                                                   .arg(code)
                                             : text,
                              30000);
    }

    Session* m_session;
    MapLayers* m_layers;
    QStatusBar* m_status;
    QPoint m_pressed;
};

//! Right-click in the layer tree: zoom to the layer.
class LayerMenuProvider : public QgsLayerTreeViewMenuProvider {
public:
    LayerMenuProvider(QgsLayerTreeView* view, QgsMapCanvas* canvas) : m_view(view), m_canvas(canvas) {}
    QMenu* createContextMenu() override {
        QgsMapLayer* layer = m_view->currentLayer();
        if (!layer)
            return nullptr;
        auto* menu = new QMenu;
        QAction* zoom =
            menu->addAction(QgsApplication::getThemeIcon(QStringLiteral("/mActionZoomToLayer.svg")),
                            MainWindow::tr("Zoom to layer"));
        QgsMapCanvas* canvas = m_canvas;
        QObject::connect(zoom, &QAction::triggered, canvas, [canvas, layer] {
            QgsRectangle extent = layer->extent();
            if (extent.isEmpty())
                return;
            extent.scale(1.05);
            canvas->setExtent(extent);
            canvas->refresh();
        });
        return menu;
    }

private:
    QgsLayerTreeView* m_view;
    QgsMapCanvas* m_canvas;
};

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_project(std::make_unique<QgsProject>()) {
    i18n::initResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/maillage/maillage.svg")));
    m_project->setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:%1").arg(model::kWorkingEpsg)));
    m_session = new Session(this);
    // Before anything else that listens to the session: the layers exist when the panels' slots run.
    m_layers = new MapLayers(m_session, m_project.get(), this);
    new SensitivityLayer(m_session, m_project.get(), this); // BVs whose type changes in the sensitivity tab
    new ZonageLayer(m_session, m_project.get(), this);      // communes by zonage class (Densités panel)
    new EarlyWarningMapLayer(m_session, m_project.get(), this); // Crunch early warning (issue 11)

    createCanvas();
    m_slides = new SlideDeck(m_session, m_canvas, m_project.get(), this);
    createActions();
    createMenus();
    createToolBars();
    createStatusBar();
    createDocks();
    restoreLayout();
    m_workshop = new WorkshopMode(this, m_canvas, m_project.get(), m_session, m_slides, this);
    m_workshop->setMapLayers(m_layers);
    connect(m_workshop, &WorkshopMode::activeChanged, this, [this](bool on) {
        const QSignalBlocker block(m_workshopAction);
        m_workshopAction->setChecked(on);
        if (m_compare)
            m_compare->setMagnification(on ? m_workshop->factor() : 1.0);
        // The layout the workshop gives back is the one it was entered with (queued: after its own
        // restoring): the docks make room for two maps opened in it, and come back for two maps closed in it.
        if (!on)
            QTimer::singleShot(0, this, [this] {
                if (m_workshop->isActive())
                    return;
                if (m_compare)
                    hideDocksForCompare();
                else
                    showDocksHiddenByCompare();
            });
    });
    connect(m_slides, &SlideDeck::slidesChanged, this, &MainWindow::rebuildBookmarksMenu);
    connect(m_slides, &SlideDeck::slideShown, this, [this](int, const Slide& slide) {
        if (m_workshop->isActive() || slide.panel.isEmpty())
            return;
        if (auto* dock = findChild<QDockWidget*>(slide.panel)) {
            dock->show();
            dock->raise();
        }
    });

    connect(m_layers, &MapLayers::backgroundTaskStarted, this, &MainWindow::trackTask);
    connect(m_session, &Session::backgroundTaskStarted, this, &MainWindow::trackTask);
    connect(m_session, &Session::zoomRequested, this, &MainWindow::zoomTo);
    connect(m_session, &Session::datasetChanged, this, [this] {
        m_savedParameters = m_session->parameters(); // as read from the file
        rebuildSearchIndex();
        updateVintages();
        updateTitle();
        rebuildBookmarksMenu();
        updateEmptyMapNote();
        updateLayersDockMinimum();
    });
    connect(m_session, &Session::classificationChanged, this, [this] {
        showCurrentVintage(); // the years offered change with the dataset only
        updateModified();
        updateLayersDockMinimum(); // the legend's counts change
    });
    m_unsavedPrompt = [this](const QString& text, bool canSave) {
        QMessageBox box(QMessageBox::Warning, tr("Unsaved parameters"), text,
                        (canSave ? QMessageBox::Save : QMessageBox::NoButton) | QMessageBox::Discard |
                            QMessageBox::Cancel,
                        this);
        box.setDefaultButton(canSave ? QMessageBox::Save : QMessageBox::Cancel);
        return static_cast<QMessageBox::StandardButton>(box.exec());
    };
    updateTitle();
}

MainWindow::~MainWindow() {
    // Reverse order of construction: what is connected to the project goes before the project.
    m_progress->cancelAll();
    m_workshop->leave();
    setCompareVisible(false); // the second map holds items of the main canvas
    qDeleteAll(m_panelDocks);
    m_panelDocks.clear();
    delete m_layersDock;
    m_layersDock = nullptr;
    m_layerTree = nullptr;
    delete m_bridge;
    m_bridge = nullptr;
    m_canvas->unsetMapTool(m_canvas->mapTool());
    // A refresh during a draw leaves the cancelled job running: it must not finish on deleted layers.
    m_canvas->waitWhileRendering();
    delete takeCentralWidget(); // the canvas and its tools
    m_canvas = nullptr;
    delete m_layers;
    m_layers = nullptr;
    m_project->clear();
    m_project.reset();
}

void MainWindow::createCanvas() {
    m_canvas = new QgsMapCanvas(this);
    m_canvas->setObjectName(QStringLiteral("mapCanvas"));
    m_canvas->setCanvasColor(Qt::white);
    m_canvas->setDestinationCrs(m_project->crs());
    m_canvas->enableAntiAliasing(true);
    m_canvas->setParallelRenderingEnabled(true);
    m_canvas->setCachingEnabled(true);
    m_canvas->setPreviewJobsEnabled(false);
    m_canvas->setMapUpdateInterval(250);
    // A selected BV keeps its pôle colour: the selection is drawn as an outline (highlights), not as
    // QGIS's selection fill, which would hide the type.
    m_canvas->setMapSettingsFlags(m_canvas->mapSettings().flags() &
                                  ~Qgis::MapSettingsFlags(Qgis::MapSettingsFlag::DrawSelection));
    // A name cut by the map's edge is not read (Boulogne-sur-Mer, Saint-Amand-les-Eaux, Maubeuge on the
    // whole Hauts-de-France): the label engine moves it inside the map, or leaves it out.
    QgsLabelingEngineSettings labeling = m_canvas->labelingEngineSettings();
    labeling.setFlag(QgsLabelingEngineSettings::UsePartialCandidates, false);
    m_canvas->setLabelingEngineSettings(labeling);
    // The grandes métropoles and grands pôles named where Maillage places them (issue 11).
    LargePoleNames::of(m_canvas);
    setCentralWidget(m_canvas);
    m_emptyMapNote = new QLabel(m_canvas);
    m_emptyMapNote->setObjectName(QStringLiteral("emptyMapNote"));
    m_emptyMapNote->setWordWrap(true);
    m_emptyMapNote->setMargin(8);
    m_emptyMapNote->setStyleSheet(
        QStringLiteral("QLabel { background: #FFF8E1; border: 1px solid #E0C060; color: #333; }"));
    m_emptyMapNote->hide();
    m_bridge = new QgsLayerTreeMapCanvasBridge(m_project->layerTreeRoot(), m_canvas, this);
    connect(m_canvas, &QgsMapCanvas::xyCoordinates, this, &MainWindow::showCoordinates);
    connect(m_canvas, &QgsMapCanvas::scaleChanged, this, &MainWindow::updateLegendScale);
    // The communes' spatial index once the map shows them (not at the opening: 260 ms nationally).
    connect(m_canvas, &QgsMapCanvas::scaleChanged, this, [this](double scale) {
        if (m_layers && m_layers->communes() && scale < m_layers->communes()->minimumScale())
            m_layers->indexCommunes();
    });
}

void MainWindow::createActions() {
    auto icon = [](const char* name) { return QgsApplication::getThemeIcon(QString::fromLatin1(name)); };

    m_openAction = new QAction(icon("/mActionFileOpen.svg"), tr("&Open dataset…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a Maillage dataset (GeoPackage)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openDialog);
    m_openDatabaseAction = new QAction(tr("Open from a &database…"), this);
    m_openDatabaseAction->setToolTip(tr("Open a Maillage dataset shared in a PostgreSQL/PostGIS database"));
    connect(m_openDatabaseAction, &QAction::triggered, this, &MainWindow::openDatabaseDialog);

    m_openDemoAction = new QAction(tr("Open the &demonstration dataset"), this);
    connect(m_openDemoAction, &QAction::triggered, this, &MainWindow::openDemo);

    m_importAction = new QAction(icon("/mActionAddLayer.svg"), tr("&Import official files…"), this);
    m_importAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+I")));
    m_importAction->setToolTip(
        tr("Build a dataset from commune polygons, the bassin de vie table, population and "
           "professionals"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importDialog);

    m_addDataAction = new QAction(tr("&Add data…"), this);
    m_addDataAction->setObjectName(QStringLiteral("addData"));
    m_addDataAction->setToolTip(tr("Add travel times, flows, cooperations, zones, facilities or QPV to the "
                                   "open dataset"));
    m_addDataAction->setEnabled(false);
    connect(m_addDataAction, &QAction::triggered, this, &MainWindow::addDataDialog);

    m_exportAction = new QAction(icon("/mActionSaveMapAsImage.svg"), tr("&Export the map…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportMap"));
    m_exportAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    m_exportAction->setToolTip(tr("Export the current view with title, legend, scale bar and sources"));
    connect(m_exportAction, &QAction::triggered, this, [this] { exportDialog(false); });

    m_exportPdfAction = new QAction(icon("/mActionSaveAsPDF.svg"), tr("Export the map as &PDF…"), this);
    m_exportPdfAction->setShortcut(QKeySequence::Print);
    connect(m_exportPdfAction, &QAction::triggered, this, [this] { exportDialog(true); });

    m_atlasAction = new QAction(tr("&Atlas…"), this);
    m_atlasAction->setObjectName(QStringLiteral("exportAtlas"));
    m_atlasAction->setToolTip(tr("A PDF of one page per bassin de vie, pôle or département"));
    connect(m_atlasAction, &QAction::triggered, this, [this] { atlasDialog(); });
    m_reportAction = new QAction(tr("&Territory sheet…"), this);
    m_reportAction->setObjectName(QStringLiteral("exportReport"));
    m_reportAction->setToolTip(
        tr("A PDF sheet of the selected bassins de vie or of a département: map, types, densities, "
           "links, Crunch diagnosis"));
    connect(m_reportAction, &QAction::triggered, this, [this] { reportDialog(); });

    m_saveParametersAction =
        new QAction(icon("/mActionFileSave.svg"), tr("&Save the parameters in the dataset"), this);
    m_saveParametersAction->setObjectName(QStringLiteral("saveParameters"));
    m_saveParametersAction->setShortcut(QKeySequence::Save);
    connect(m_saveParametersAction, &QAction::triggered, this,
            [this] { saveParameters(m_session->parameters()); });

    m_parametersAction = new QAction(icon("/mActionOptions.svg"), tr("&Parameters…"), this);
    m_parametersAction->setObjectName(QStringLiteral("parameters"));
    m_parametersAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+,")));
    m_parametersAction->setToolTip(tr("Thresholds of the typology, maillage and densities; language"));
    connect(m_parametersAction, &QAction::triggered, this, &MainWindow::parametersDialog);

    m_cooperationsAction = new QAction(tr("Declared &cooperations…"), this);
    m_cooperationsAction->setObjectName(QStringLiteral("cooperations"));
    m_cooperationsAction->setToolTip(tr("List, add, edit and delete the dataset's declared cooperations"));
    connect(m_cooperationsAction, &QAction::triggered, this, [this] {
        if (!m_session->hasDataset())
            return;
        auto* editor = new CooperationEditor(m_session->dataset(), m_session->path(), this);
        editor->setAttribute(Qt::WA_DeleteOnClose);
        editor->setDatabaseVersion(m_session->cooperationsVersion());
        connect(editor, &CooperationEditor::saved, m_session, &Session::setCooperations);
        connect(editor, &CooperationEditor::saved, m_session, [session = m_session, editor] {
            session->setCooperationsVersion(editor->databaseVersion());
        });
        editor->open();
    });

    m_quitAction = new QAction(icon("/mActionFileExit.svg"), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Q")));
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_selectTool = new SelectTool(m_canvas, m_session, m_layers, statusBar());
    m_panTool = new QgsMapToolPan(m_canvas);
    m_zoomInTool = new QgsMapToolZoom(m_canvas, false);
    m_zoomOutTool = new QgsMapToolZoom(m_canvas, true);
    auto* tools = new QActionGroup(this);
    auto toolAction = [&](QgsMapTool* tool, const char* iconName, const QString& text, const QString& key) {
        auto* action = new QAction(icon(iconName), text, tools);
        action->setCheckable(true);
        if (!key.isEmpty())
            action->setShortcut(QKeySequence(key));
        tool->setAction(action);
        connect(action, &QAction::triggered, this, [this, tool] { m_canvas->setMapTool(tool); });
        return action;
    };
    m_selectAction = toolAction(m_selectTool, "/mActionIdentify.svg",
                                tr("&Select a bassin de vie or commune"), QStringLiteral("S"));
    m_panAction = toolAction(m_panTool, "/mActionPan.svg", tr("&Pan"), QStringLiteral("P"));
    m_zoomInAction = toolAction(m_zoomInTool, "/mActionZoomIn.svg", tr("Zoom &in"), QStringLiteral("Z"));
    m_zoomOutAction = toolAction(m_zoomOutTool, "/mActionZoomOut.svg", tr("Zoom &out"), QStringLiteral("X"));
    m_canvas->setMapTool(m_selectTool);

    m_zoomFullAction = new QAction(icon("/mActionZoomFullExtent.svg"), tr("&Whole territory"), this);
    m_zoomFullAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+F")));
    connect(m_zoomFullAction, &QAction::triggered, this, &MainWindow::zoomToFull);

    m_searchAction = new QAction(tr("&Find a place…"), this);
    m_searchAction->setShortcut(QKeySequence::Find);
    connect(m_searchAction, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });

    m_addBookmarkAction = new QAction(icon("/mActionNewBookmark.svg"), tr("&Bookmark this view…"), this);
    m_addBookmarkAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+B")));
    connect(m_addBookmarkAction, &QAction::triggered, this, &MainWindow::addBookmark);

    m_workshopAction = new QAction(tr("&Workshop mode"), this);
    m_workshopAction->setObjectName(QStringLiteral("workshopMode"));
    m_workshopAction->setToolTip(tr("Full screen, large labels and slides, for a projector (Esc leaves)"));
    m_workshopAction->setCheckable(true);
    m_workshopAction->setShortcuts({QKeySequence(Qt::Key_F11), QKeySequence(QStringLiteral("Ctrl+Shift+W"))});
    connect(m_workshopAction, &QAction::toggled, this, &MainWindow::setWorkshopMode);
    addAction(m_workshopAction); // its shortcuts work while the menus are hidden

    m_compareAction = new QAction(tr("&Compare two maps"), this);
    m_compareAction->setObjectName(QStringLiteral("compareMaps"));
    m_compareAction->setToolTip(tr("A second map beside this one, at the same place and scale"));
    m_compareAction->setCheckable(true);
    connect(m_compareAction, &QAction::toggled, this, &MainWindow::setCompareVisible);
    addAction(m_compareAction);

    m_exportCompareAction = new QAction(tr("Export the &two maps…"), this);
    m_exportCompareAction->setEnabled(false);
    connect(m_exportCompareAction, &QAction::triggered, this, &MainWindow::exportCompareDialog);

    m_helpAction = new QAction(icon("/mActionHelpContents.svg"), tr("&Help"), this);
    m_helpAction->setShortcut(QKeySequence::HelpContents);
    connect(m_helpAction, &QAction::triggered, this, [this] { showHelp(this, *m_session); });

    m_guideAction = new QAction(icon("/mActionHelpContents.svg"), tr("&User guide"), this);
    m_guideAction->setObjectName(QStringLiteral("userGuide"));
    connect(m_guideAction, &QAction::triggered, this, &MainWindow::showUserGuide);

    m_aboutAction = new QAction(icon("/mActionHelpAbout.svg"), tr("&About Maillage"), this);
    connect(m_aboutAction, &QAction::triggered, this, [this] { showAbout(this, *m_session); });
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_openDatabaseAction);
    m_recentMenu = file->addMenu(tr("&Recent datasets"));
    file->addAction(m_openDemoAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_addDataAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addAction(m_exportPdfAction);
    file->addAction(m_atlasAction);
    file->addAction(m_reportAction);
    file->addAction(m_exportCompareAction);
    file->addSeparator();
    file->addAction(m_saveParametersAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    rebuildRecentMenu();

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_selectAction);
    view->addAction(m_panAction);
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_zoomFullAction);
    view->addSeparator();
    view->addAction(m_searchAction);
    QAction* clear = view->addAction(tr("&Clear the selection"));
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(clear, &QAction::triggered, this, [this] {
        m_session->selectBassins({});
        m_session->selectCommune(QString());
    });
    view->addSeparator();
    view->addAction(m_compareAction);
    view->addAction(m_workshopAction);
    view->addSeparator();
    m_panelsMenu = view->addMenu(tr("&Panels"));

    m_bookmarksMenu = menuBar()->addMenu(tr("&Bookmarks"));
    rebuildBookmarksMenu();

    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    analysis->addAction(m_parametersAction);
    analysis->addAction(m_cooperationsAction);
    auto* changeAction = analysis->addAction(tr("C&hange between two years"), this, [this] {
        if (auto* dock = findChild<QDockWidget*>(QStringLiteral("dockChange"))) {
            dock->show();
            dock->raise();
        }
    });
    changeAction->setObjectName(QStringLiteral("showChange"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_guideAction);
    help->addAction(m_helpAction);
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBars() {
    QToolBar* main = addToolBar(tr("Main"));
    main->setObjectName(QStringLiteral("toolbarMain"));
    main->addAction(m_openAction);
    main->addAction(m_importAction);
    main->addAction(m_exportAction);
    main->addAction(m_parametersAction);

    QToolBar* map = addToolBar(tr("Map"));
    map->setObjectName(QStringLiteral("toolbarMap"));
    map->addAction(m_selectAction);
    map->addAction(m_panAction);
    map->addAction(m_zoomInAction);
    map->addAction(m_zoomOutAction);
    map->addAction(m_zoomFullAction);
    map->addAction(m_addBookmarkAction);

    QToolBar* find = addToolBar(tr("Find and year"));
    find->setObjectName(QStringLiteral("toolbarFind"));
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("placeSearch"));
    m_search->setPlaceholderText(tr("Go to a bassin de vie or a commune…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    m_search->setMaximumWidth(380);
    m_searchModel = new QStandardItemModel(this);
    m_completer = new QCompleter(m_searchModel, this);
    m_completer->setCompletionRole(FoldedRole);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    m_completer->setWidget(m_search);
    connect(m_search, &QLineEdit::textEdited, this, &MainWindow::searchEdited);
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::searchAccepted);
    connect(m_completer, QOverload<const QModelIndex&>::of(&QCompleter::activated), this,
            &MainWindow::searchActivated);
    find->addWidget(m_search);
    find->addSeparator();
    auto* yearLabel = new QLabel(tr("Year "));
    find->addWidget(yearLabel);
    m_vintage = new QComboBox;
    m_vintage->setObjectName(QStringLiteral("vintage"));
    m_vintage->setToolTip(tr("Year of the professionals' counts used by the map and the panels"));
    connect(m_vintage, QOverload<int>::of(&QComboBox::activated), this,
            [this](int index) { m_session->setVintage(m_vintage->itemData(index).toInt()); });
    find->addWidget(m_vintage);
}

namespace {
const char* const kPanelOptionProperty = "panelOption"; // a dock's name for --panel
const char* const kCrunchPanel = "crunch";              // --panel crunch: the Pôles dock's Crunch tab
} // namespace

void MainWindow::createDocks() {
    m_layersDock = new QDockWidget(tr("Layers"), this);
    m_layersDock->setObjectName(QStringLiteral("dockLayers"));
    m_layerTree = new QgsLayerTreeView(m_layersDock);
    m_layerTree->setIndentation(14); // room for the legend labels with their counts
    auto* model = new QgsLayerTreeModel(m_project->layerTreeRoot(), m_layerTree);
    model->setFlag(QgsLayerTreeModel::AllowNodeReorder);
    model->setFlag(QgsLayerTreeModel::AllowNodeChangeVisibility);
    model->setFlag(QgsLayerTreeModel::ShowLegendAsTree);
    model->setFlag(QgsLayerTreeModel::AllowLegendChangeState);
    m_layerTree->setModel(model);
    // A layer added later (the change map, a sensitivity) shows its legend unfolded, as its node says: the
    // view applies a node's state before the legend rows are there, which left it folded.
    connect(m_project->layerTreeRoot(), &QgsLayerTreeNode::addedChildren, m_layerTree,
            [this](QgsLayerTreeNode* parent, int from, int to) {
                for (int i = from; i <= to; ++i)
                    QTimer::singleShot(
                        0, m_layerTree,
                        [this, node = QPointer<QgsLayerTreeNode>(parent->children().value(i))] {
                            if (node && node->isExpanded())
                                m_layerTree->setExpanded(m_layerTree->node2index(node), true);
                        });
            });
    // A layer's legend folded while it was off unfolds when the user ticks it (the facilities' kinds).
    connect(m_project->layerTreeRoot(), &QgsLayerTreeNode::visibilityChanged, m_layerTree,
            [](QgsLayerTreeNode* node) {
                if (node->itemVisibilityChecked() && node->customProperty(kUnfoldWhenShown).toBool()) {
                    node->removeCustomProperty(kUnfoldWhenShown);
                    node->setExpanded(true);
                }
            });
    connect(m_layerTree, &QTreeView::expanded, this, &MainWindow::updateLayersDockMinimum);
    connect(m_layerTree, &QTreeView::collapsed, this, &MainWindow::updateLayersDockMinimum);
    m_layerTree->setMenuProvider(new LayerMenuProvider(m_layerTree, m_canvas));
    m_layersDock->setWidget(m_layerTree);
    addDockWidget(Qt::LeftDockWidgetArea, m_layersDock);
    m_panelsMenu->addAction(m_layersDock->toggleViewAction());

    // `option`: the dock's name for --panel (app/desktop_options.h), so that every dock can be asked for.
    auto addPanel = [this](QWidget* panel, const QString& title, const char* name, const char* option) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(QString::fromLatin1(name));
        dock->setProperty(kPanelOptionProperty, QString::fromLatin1(option));
        dock->setWidget(panel);
        addDockWidget(Qt::RightDockWidgetArea, dock);
        if (!m_panelDocks.isEmpty())
            tabifyDockWidget(m_panelDocks.first(), dock);
        m_panelDocks.append(dock);
        m_panelsMenu->addAction(dock->toggleViewAction());
    };
#ifdef MAILLAGE_HAS_POLES_PANEL
    addPanel(new PolesPanel(m_session, m_canvas, m_project.get()), tr("Pôles and Crunch"), "dockPoles",
             "poles");
#endif
#ifdef MAILLAGE_HAS_MAILLAGE_PANEL
    addPanel(new MaillagePanel(m_session, m_canvas, m_project.get()), tr("Maillage"), "dockMaillage",
             "maillage");
#endif
#ifdef MAILLAGE_HAS_DENSITY_PANEL
    addPanel(new DensityPanel(m_session, m_canvas, m_project.get()), tr("Densities"), "dockDensity",
             "densites");
#endif
    addPanel(new ChangePanel(m_session, m_canvas, m_project.get()), tr("Change"), "dockChange",
             "evolution"); // issue 11
    addPanel(new ScenarioPanel(m_session, m_canvas, m_project.get()), tr("Scenarios"), "dockScenario",
             "scenarios");
    if (!m_panelDocks.isEmpty())
        m_panelDocks.first()->raise();
    (void)addPanel;
}

void MainWindow::createStatusBar() {
    m_progress = new TaskProgressWidget(this);
    statusBar()->addPermanentWidget(m_progress);
    // On the map, not in the status bar, where it would take the room of long messages.
    m_fictional = new QLabel(tr("Fictional data"), m_canvas);
    m_fictional->setObjectName(QStringLiteral("fictionalBadge"));
    m_fictional->setToolTip(tr("The demonstration dataset describes no real place"));
    m_fictional->setStyleSheet(
        QStringLiteral("QLabel { background: #FFF3C4; color: #5A4500; padding: 2px 8px; "
                       "border: 1px solid #E0C060; border-radius: 3px; }"));
    m_fictional->setVisible(false);
    m_canvas->installEventFilter(this);
    m_coordinates = new QLabel;
    m_coordinates->setObjectName(QStringLiteral("coordinates"));
    // A message longer than the room left of the coordinates is cut: the whole of it on hover.
    connect(statusBar(), &QStatusBar::messageChanged, statusBar(), &QStatusBar::setToolTip);
    m_coordinates->setMinimumWidth(250);
    m_coordinates->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_coordinates->setToolTip(tr("Coordinates of the cursor in Lambert-93 (EPSG:2154), metres"));
    statusBar()->addPermanentWidget(m_coordinates);
    auto* scaleLabel = new QLabel(tr("Scale"));
    statusBar()->addPermanentWidget(scaleLabel);
    m_scale = new QgsScaleWidget;
    m_scale->setMapCanvas(m_canvas);
    m_scale->setShowCurrentScaleButton(false);
    m_scale->setMinimumWidth(130);
    statusBar()->addPermanentWidget(m_scale);
    connect(m_canvas, &QgsMapCanvas::scaleChanged, m_scale, [this](double scale) {
        const QSignalBlocker block(m_scale);
        m_scale->setScale(scale);
    });
    connect(m_scale, &QgsScaleWidget::scaleChanged, m_canvas, [this](double scale) {
        if (scale > 0 && std::abs(scale - m_canvas->scale()) > 0.5)
            m_canvas->zoomScale(scale);
    });
}

namespace {

//! The width the tabs of `docks` need to show their titles whole (the tabified panels' tab bar elides them).
int tabsWidth(const QList<QDockWidget*>& docks, const QFont& font) {
    QTabBar probe;
    probe.setFont(font);
    probe.setElideMode(Qt::ElideNone);
    for (const QDockWidget* dock : docks)
        probe.addTab(dock->windowTitle());
    return probe.sizeHint().width() + 8; // the dock's frame
}

} // namespace

void MainWindow::restoreLayout() {
    const std::unique_ptr<QSettings> settings = appSettings();
    const QByteArray geometry = settings->value(QStringLiteral("window/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
        resize(qMin(1600, available.width() * 92 / 100), qMin(1000, available.height() * 92 / 100));
    }
    const QByteArray state = settings->value(QStringLiteral("window/state")).toByteArray();
    if (!state.isEmpty())
        restoreState(state);
    else if (!m_panelDocks.isEmpty())
        // The map keeps at least about 40 % of a narrow window (a laptop's 1,100 pixels).
        resizeDocks({m_layersDock, m_panelDocks.first()},
                    {qMin(340, layersDockWidthCap(width())),
                     qMin(qMax(430, tabsWidth(m_panelDocks, font())), width() * 36 / 100)},
                    Qt::Horizontal);
}

void MainWindow::saveLayout() {
    const std::unique_ptr<QSettings> settings = appSettings();
    settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings->setValue(QStringLiteral("window/state"),
                       m_compare && !m_stateBeforeCompare.isEmpty() ? m_stateBeforeCompare : saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSaveParameters()) {
        event->ignore();
        return;
    }
    saveLayout();
    m_progress->cancelAll();
    event->accept();
}

// ---------------------------------------------------------------------------------------------------
// Datasets

namespace {

//! Why the connected role cannot save into a database dataset ("" when it can), asked once per opening.
QHash<QString, QString>& postgisSaveReasons() {
    static QHash<QString, QString> reasons;
    return reasons;
}

QString postgisSaveReason(const QString& path) {
    auto it = postgisSaveReasons().find(path);
    if (it != postgisSaveReasons().end())
        return *it;
    QString why;
    try {
        Message m;
        if (!io::postgisCanSave(path.toStdString(), &m))
            why = QString::fromStdString(word(m, i18n::engineLanguage()));
    } catch (const std::exception& e) {
        why = i18n::describe(e);
    }
    postgisSaveReasons().insert(path, why);
    return why;
}

//! Saves `parameters` into the dataset at `path`; returns the version they now have (database datasets:
//! refused when `version` is stale, core/io/postgis.h).
long long writeParametersTo(const QString& path, const model::Parameters& parameters, long long version) {
    if (io::isPostgisDataset(path.toStdString()))
        return io::savePostgisParameters(path.toStdString(), parameters, version).version;
    io::writeParameters(path.toStdString(), parameters);
    return version;
}

} // namespace

void MainWindow::openDatabaseDialog() {
    DatabaseDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted || dialog.location().isEmpty())
        return;
    openDataset(dialog.location());
}

void MainWindow::showDataset(model::Dataset dataset, const QString& path) {
    m_session->setDataset(std::move(dataset), path);
    zoomToFull();
    QString reason;
    if (!path.isEmpty()) {
        addRecent(path);
        if (!canSaveInto(path, &reason))
            statusBar()->showMessage(
                tr("Parameters can be changed and applied, but not saved: %1.").arg(reason), 15000);
    }
    emit datasetShown();
}

void MainWindow::openDemo() {
    if (!maybeSaveParameters())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    model::Dataset demo;
    QString error, cachePath;
    bool fromCache = false;
    try {
        demo = loadDemoDataset(nullptr, &cachePath, &fromCache);
    } catch (const std::exception& e) {
        error = i18n::describe(e);
    }
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty()) {
        const QString message = tr("The demonstration dataset could not be built: %1").arg(error);
        emit datasetFailed(message);
        if (m_errorDialogs)
            QMessageBox::critical(this, tr("Demonstration dataset"), message);
        return;
    }
    showDataset(std::move(demo), QString());
    if (!fromCache && !cachePath.isEmpty()) {
        // Written in the background once the map is drawn (before, it was a third of the first start).
        auto copy = std::make_shared<const model::Dataset>(m_session->dataset());
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(m_canvas, &QgsMapCanvas::mapCanvasRefreshed, this, [this, once, copy, cachePath] {
            disconnect(*once);
            FunctionTask::start(
                tr("Demonstration dataset"),
                [copy, cachePath](Feedback&) { writeDemoCache(*copy, cachePath); },
                [copy](bool, const QString&) {});
        });
    }
}

void MainWindow::openDataset(const QString& path) {
    if (!maybeSaveParameters())
        return;
    auto result = std::make_shared<model::Dataset>();
    auto version = std::make_shared<long long>(0), cooperationsVersion = std::make_shared<long long>(0),
         scenariosVersion = std::make_shared<long long>(0);
    auto warnings = std::make_shared<Warnings>(); // e.g. a damaged scenarios row left out
    const std::string file = io::isPostgisDataset(path.toStdString())
                                 ? path.toStdString()
                                 : QDir::toNativeSeparators(path).toStdString();
    QPointer<MainWindow> self(this);
    FunctionTask* task = FunctionTask::start(
        tr("Opening %1").arg(QFileInfo(path).fileName()),
        [result, version, cooperationsVersion, scenariosVersion, warnings, file](Feedback& feedback) {
            // The version first: a save between the two reads makes ours stale, never the other way.
            if (io::isPostgisDataset(file)) {
                *version = io::postgisSaveStamp(file, "parameters").version;
                *cooperationsVersion = io::postgisSaveStamp(file, "cooperations").version;
                *scenariosVersion = io::postgisSaveStamp(file, "scenarios").version;
            }
            io::ReadOptions options;
            options.warnings = warnings.get();
            *result = io::readDataset(file, options, &feedback);
        },
        [self, result, version, cooperationsVersion, scenariosVersion, warnings, path](bool ok,
                                                                                       const QString& error) {
            if (!self)
                return;
            if (!ok) {
                if (error.isEmpty())
                    return; // canceled by the user
                // The file by its name in the sentence, in full in the details of the box.
                const QString message =
                    tr("%1 could not be opened.\n\n%2").arg(QFileInfo(path).fileName(), error);
                emit self->datasetFailed(message);
                // After the task has ended, so that the status bar no longer shows it behind the box.
                if (self && self->m_errorDialogs)
                    QTimer::singleShot(0, self, [self, message, path] {
                        if (self)
                            self->showError(tr("Open dataset"), message, QDir::toNativeSeparators(path));
                    });
                return;
            }
            postgisSaveReasons().remove(path); // the role's rights may have changed
            self->m_session->setParametersVersion(*version);
            self->m_session->setCooperationsVersion(*cooperationsVersion);
            self->m_session->setScenariosVersion(*scenariosVersion);
            self->showDataset(std::move(*result), path);
            QStringList left;
            for (const Warning& w : *warnings)
                left << i18n::describe(w);
            if (!left.isEmpty())
                self->statusBar()->showMessage(left.join(QStringLiteral(" — ")), 30000);
        });
    trackTask(task);
}

void MainWindow::openDialog() {
    const std::unique_ptr<QSettings> settings = appSettings();
    const QString dir = settings->value(QStringLiteral("paths/datasets"), QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open dataset"), dir,
                                                      tr("Maillage dataset (*.gpkg);;All files (*)"));
    if (path.isEmpty())
        return;
    settings->setValue(QStringLiteral("paths/datasets"), QFileInfo(path).absolutePath());
    openDataset(path);
}

void MainWindow::importDialog() {
    if (!maybeSaveParameters())
        return;
    ImportWizard wizard(this);
    connect(&wizard, &ImportWizard::taskStarted, this, &MainWindow::trackTask);
    if (wizard.exec() != QDialog::Accepted || !wizard.imported())
        return;
    const QString path = wizard.outputPath();
    auto dataset = std::make_shared<model::Dataset>(wizard.takeDataset());
    QPointer<MainWindow> self(this);
    FunctionTask* task = FunctionTask::start(
        tr("Saving %1").arg(QFileInfo(path).fileName()),
        [dataset, path](Feedback& feedback) { io::writeDataset(*dataset, path.toStdString(), &feedback); },
        [self, dataset, path](bool ok, const QString& error) {
            if (!self)
                return;
            if (!ok) {
                const QString message =
                    error.isEmpty()
                        ? tr("Saving was canceled: %1 was not written.").arg(QFileInfo(path).fileName())
                        : tr("The dataset could not be saved.\n\n%1").arg(error);
                QTimer::singleShot(0, self, [self, message, path] {
                    if (self)
                        self->showError(tr("Import official files"), message, QDir::toNativeSeparators(path));
                });
                return;
            }
            // The results, styles and QGIS project, so that the file opens in QGIS as this map.
            QString styleError;
            if (!styles::writeDatasetStyles(path, &styleError))
                self->statusBar()->showMessage(styleError, 10000);
            self->showDataset(std::move(*dataset), path);
        });
    trackTask(task);
}

void MainWindow::addDataDialog() {
    if (!maybeSaveParameters())
        return;
    auto* dialog = new AddDataDialog(m_session->dataset(), m_session->path(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddDataDialog::taskStarted, this, &MainWindow::trackTask);
    connect(dialog, &AddDataDialog::datasetUpdated, this, [this, dialog] {
        const QString path = dialog->path();
        m_session->setDataset(dialog->takeDataset(), path); // the view stays where it is
        if (!path.isEmpty()) {
            QString styleError;
            if (!styles::writeDatasetStyles(path, &styleError))
                statusBar()->showMessage(styleError, 10000);
        }
    });
    dialog->open();
}

void MainWindow::showError(const QString& title, const QString& message, const QString& file) {
    QMessageBox box(QMessageBox::Critical, title, message, QMessageBox::Ok, this);
    if (!file.isEmpty())
        box.setDetailedText(file); // the message names the file only: its full path is here
    box.exec();
}

QStringList MainWindow::recentDatasets() {
    const QStringList saved = appSettings()->value(QStringLiteral("recent/datasets")).toStringList();
    QStringList recent;
    for (const QString& path : saved) {
        // The same file reached by another path (relative, "..", a symbolic link) is one dataset.
        const QString canonical = QFileInfo(path).canonicalFilePath(); // "" when it no longer exists
        if (!canonical.isEmpty() && !recent.contains(canonical))
            recent.append(canonical);
    }
    return recent;
}

void MainWindow::addRecent(const QString& path) {
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (canonical.isEmpty())
        return;
    QStringList recent = recentDatasets();
    recent.removeAll(canonical);
    recent.prepend(canonical);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    appSettings()->setValue(QStringLiteral("recent/datasets"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    int n = 0;
    for (const QString& path : recentDatasets()) {
        ++n;
        QAction* action =
            m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(n).arg(QFileInfo(path).fileName()), this,
                                    [this, path] { openDataset(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (n == 0)
        m_recentMenu->addAction(tr("No recent dataset"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear the list"), this, [this] {
            appSettings()->remove(QStringLiteral("recent/datasets"));
            rebuildRecentMenu();
        });
    }
}

void MainWindow::updateTitle() {
    QString title = QStringLiteral("Maillage");
    if (m_session->hasDataset()) {
        const model::Dataset& dataset = m_session->dataset();
        const QString name = dataset.meta.title.empty() ? QFileInfo(m_session->path()).completeBaseName()
                                                        : qs(dataset.meta.title);
        if (!name.isEmpty())
            title = name + QStringLiteral("[*] — ") + title; // [*]: parameters applied, not saved
        if (dataset.meta.fictional)
            title = tr("%1 (fictional data)").arg(title);
    }
    if (!title.contains(QLatin1String("[*]")))
        title += QStringLiteral("[*]");
    setWindowTitle(title);
    m_fictional->setVisible(m_session->hasDataset() && m_session->dataset().meta.fictional);
    placeFictionalBadge();
    updateModified();
    m_exportAction->setEnabled(m_session->hasDataset());
    m_exportPdfAction->setEnabled(m_session->hasDataset());
    m_atlasAction->setEnabled(m_session->hasDataset());
    m_reportAction->setEnabled(m_session->hasDataset());
    m_addDataAction->setEnabled(m_session->hasDataset() &&
                                !io::isPostgisDataset(m_session->path().toStdString()));
}

void MainWindow::updateVintages() {
    const model::Dataset& dataset = m_session->dataset();
    std::vector<int> vintages = dataset.meta.vintages;
    if (vintages.empty() && dataset.latestVintage() > 0)
        vintages.push_back(dataset.latestVintage());
    const QSignalBlocker block(m_vintage);
    m_vintage->clear();
    for (int v : vintages)
        m_vintage->addItem(QString::number(v), v);
    // A year whose counts do not cover the territory (a register of a few people) is said so.
    for (const analysis::VintageInfo& v : analysis::describeVintages(dataset)) {
        const int i = m_vintage->findData(v.year);
        if (i < 0 || v.coversTerritory)
            continue;
        m_vintage->setItemText(
            i, v.fromRegister
                   ? tr("%1 (register, %2 professionals)").arg(v.year).arg(panel::number(v.registered))
                   : tr("%1 (%2 professionals, sparse)").arg(v.year).arg(panel::number(v.professionals)));
    }
    m_vintage->setEnabled(m_vintage->count() > 1);
    showCurrentVintage();
}

void MainWindow::showCurrentVintage() {
    const QSignalBlocker block(m_vintage);
    m_vintage->setCurrentIndex(m_vintage->findData(m_session->vintage()));
}

// ---------------------------------------------------------------------------------------------------
// Parameters

void MainWindow::parametersDialog() {
    QString reason;
    const bool canSave = canSaveInto(m_session->path(), &reason);
    ParametersDialog dialog(m_session->parameters(), canSave, this);
    dialog.setDefaults(datasetDefaults(m_session->dataset().meta));
    if (!canSave)
        dialog.setSaveUnavailableReason(reason);
    connect(&dialog, &ParametersDialog::applyRequested, this,
            [this](const model::Parameters& p) { m_session->setParameters(p); });
    connect(&dialog, &ParametersDialog::saveRequested, this, &MainWindow::saveParameters);
    if (m_session->hasDataset())
        dialog.setAgeWeights(QString::fromStdString(analysis::consumptionWeightsFile(m_session->dataset())),
                             [this](const QString& file) { return useAgeWeights(file); });
    dialog.exec();
}

QString MainWindow::useAgeWeights(const QString& file) {
    if (!m_session->hasDataset())
        return tr("Open a dataset first.");
    if (file.isEmpty()) { // back to the shipped weights
        m_session->setConsumptionWeights({}, {});
        const StoredWeights stored = storeConsumptionWeights();
        if (!stored.error.isEmpty())
            return tr("The consumption weights shipped with Maillage are used but could not be stored in the "
                      "dataset: %1")
                .arg(stored.error);
        statusBar()->showMessage(
            stored.notStored.isEmpty()
                ? tr("The consumption weights shipped with Maillage are used again, stored in %1.")
                      .arg(QDir::toNativeSeparators(m_session->path()))
                : tr("The consumption weights shipped with Maillage are used again, not stored: %1.")
                      .arg(stored.notStored),
            stored.notStored.isEmpty() ? 8000 : 15000);
        return {};
    }
    const std::string path = QDir::toNativeSeparators(file).toStdString();
    std::vector<model::AgeBandWeight> weights;
    try {
        weights = io::readAgeWeights(path);
        io::checkAgeWeightsCover(weights, m_session->dataset().populationByAge, path);
    } catch (const std::exception& e) {
        return i18n::describe(e);
    }
    m_session->setConsumptionWeights(weights, path);
    const QString name = QFileInfo(file).fileName();
    const StoredWeights stored = storeConsumptionWeights();
    if (!stored.error.isEmpty())
        return tr("The consumption weights of %1 are used but could not be stored in the dataset: %2")
            .arg(name, stored.error);
    if (stored.notStored.isEmpty())
        statusBar()->showMessage(tr("Consumption weights of %1 stored in %2.")
                                     .arg(name, QDir::toNativeSeparators(m_session->path())),
                                 8000);
    else
        statusBar()->showMessage(
            tr("Consumption weights of %1 used, not stored: %2.").arg(name, stored.notStored), 15000);
    return {};
}

MainWindow::StoredWeights MainWindow::storeConsumptionWeights() {
    StoredWeights out;
    const QString dataset = m_session->path();
    if (dataset.isEmpty())
        out.notStored = tr("the demonstration dataset has no file");
    else if (io::isPostgisDataset(dataset.toStdString()))
        out.notStored = tr("a PostgreSQL dataset takes them from maillage add --age-weights");
    else if (!canSaveInto(dataset, &out.notStored))
        return out;
    if (!out.notStored.isEmpty())
        return out;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        io::writeMetadata(dataset.toStdString(), m_session->dataset()); // as maillage add --age-weights
    } catch (const std::exception& e) {
        out.error = i18n::describe(e);
    }
    QApplication::restoreOverrideCursor();
    return out;
}

void MainWindow::saveParameters(const model::Parameters& parameters) {
    const QString path = m_session->path();
    if (path.isEmpty())
        return;
    QPointer<MainWindow> self(this);
    auto version = std::make_shared<long long>(m_session->parametersVersion());
    FunctionTask* task = FunctionTask::start(
        tr("Saving the parameters"),
        [path, parameters, version](Feedback&) { *version = writeParametersTo(path, parameters, *version); },
        [self, path, parameters, version](bool ok, const QString& error) {
            if (!self)
                return;
            if (ok && self->m_session->path() == path) {
                self->m_session->setParametersVersion(*version);
                self->m_savedParameters = parameters;
                self->updateModified();
            }
            if (ok)
                self->statusBar()->showMessage(
                    tr("Parameters saved in %1").arg(QDir::toNativeSeparators(path)), 8000);
            else if (!error.isEmpty())
                self->showError(tr("Save the parameters"),
                                tr("The parameters could not be saved.\n\n%1").arg(error),
                                QDir::toNativeSeparators(path));
        });
    trackTask(task);
}

bool MainWindow::saveParametersNow() {
    const QString path = m_session->path();
    const model::Parameters parameters = m_session->parameters();
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        m_session->setParametersVersion(writeParametersTo(path, parameters, m_session->parametersVersion()));
    } catch (const std::exception& e) {
        error = i18n::describe(e);
    }
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty()) {
        if (m_errorDialogs)
            showError(tr("Save the parameters"), tr("The parameters could not be saved.\n\n%1").arg(error),
                      QDir::toNativeSeparators(path));
        return false;
    }
    m_savedParameters = parameters;
    updateModified();
    return true;
}

bool MainWindow::parametersModified() const {
    return m_session->hasDataset() && !m_session->path().isEmpty() &&
           m_session->parameters().toKeyValues() != m_savedParameters.toKeyValues();
}

bool MainWindow::maybeSaveParameters() {
    if (!parametersModified())
        return true;
    QString reason;
    const bool canSave = canSaveInto(m_session->path(), &reason);
    const QString name = QFileInfo(m_session->path()).fileName();
    const QString text =
        canSave
            ? tr("The parameters applied to %1 are not saved in it. Save them before closing it?").arg(name)
            : tr("The parameters applied to %1 are not saved in it, and cannot be: %2\n\nClose it anyway?")
                  .arg(name, reason);
    const QMessageBox::StandardButton answer =
        m_unsavedPrompt ? m_unsavedPrompt(text, canSave) : QMessageBox::Cancel;
    if (answer == QMessageBox::Save && canSave)
        return saveParametersNow();
    return answer == QMessageBox::Discard;
}

bool MainWindow::canSaveInto(const QString& path, QString* reason) {
    QString why;
    if (io::isPostgisDataset(path.toStdString()))
        why = postgisSaveReason(path);
    else if (path.isEmpty())
        why = tr("the demonstration dataset is not a file: there is nothing to save into");
    else if (!writableByMode(QFileInfo(path)))
        why = tr("%1 is read-only").arg(QDir::toNativeSeparators(path));
    else if (!writableByMode(QFileInfo(QFileInfo(path).absolutePath())))
        // SQLite writes a journal file next to the GeoPackage while it saves.
        why = tr("the folder of %1 is read-only").arg(QDir::toNativeSeparators(path));
    if (reason)
        *reason = why;
    return why.isEmpty();
}

void MainWindow::updateModified() {
    setWindowModified(parametersModified());
    QString reason;
    const bool canSave = canSaveInto(m_session->path(), &reason);
    m_saveParametersAction->setEnabled(canSave);
    const QString tip =
        canSave ? tr("Write the parameters in use into %1").arg(QDir::toNativeSeparators(m_session->path()))
                : tr("The parameters cannot be saved: %1").arg(reason);
    m_saveParametersAction->setToolTip(tip);
    m_saveParametersAction->setStatusTip(tip);
}

// ---------------------------------------------------------------------------------------------------
// Export

ExportOptions MainWindow::defaultExportOptions() const {
    return ui::defaultExportOptions(m_session->dataset(), m_session->vintage(), m_project.get());
}

bool MainWindow::exportView(const QString& path, ExportFormat format, const ExportOptions& options,
                            QString* error) {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_bridge->setCanvasLayers(); // the bridge defers it to the event loop: the view must be current
    std::unique_ptr<QgsPrintLayout> layout =
        buildExportLayout(m_project.get(), m_canvas->mapSettings(), options);
    const bool ok = exportLayout(layout.get(), format, path, options.dpi, error);
    QApplication::restoreOverrideCursor();
    return ok;
}

void MainWindow::exportDialog(bool pdf) {
    const std::unique_ptr<QSettings> settings = appSettings();
    const QString dir =
        ExportDialog::defaultFolder(settings->value(QStringLiteral("paths/export")).toString());
    const ExportFormat format =
        pdf ? ExportFormat::Pdf
            : static_cast<ExportFormat>(settings->value(QStringLiteral("export/format"), 0).toInt());
    const QString suffix = format == ExportFormat::Pdf   ? QStringLiteral(".pdf")
                           : format == ExportFormat::Png ? QStringLiteral(".png")
                                                         : QStringLiteral(".svg");
    ExportOptions defaults = defaultExportOptions();
    defaults.orientation =
        static_cast<PageOrientation>(settings->value(QStringLiteral("export/orientation"), 0).toInt());
    defaults.pageSize = static_cast<PageSize>(settings->value(QStringLiteral("export/page_size"), 0).toInt());
    const QString name = m_session->shownDensityMap() ? tr("map-densities") : tr("map-poles");
    ExportDialog dialog(defaults, format, QDir(dir).filePath(name + suffix), this);
    dialog.setExporter([this](const ExportDialog& d, QString* error) {
        return exportView(d.path(), d.format(), d.options(), error);
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    settings->setValue(QStringLiteral("paths/export"), QFileInfo(dialog.path()).absolutePath());
    settings->setValue(QStringLiteral("export/format"), static_cast<int>(dialog.format()));
    settings->setValue(QStringLiteral("export/orientation"), static_cast<int>(dialog.options().orientation));
    settings->setValue(QStringLiteral("export/page_size"), static_cast<int>(dialog.options().pageSize));
    statusBar()->showMessage(tr("Map exported to %1").arg(QDir::toNativeSeparators(dialog.path())), 10000);
}

QString MainWindow::askPdf(const QString& title, const QString& name) {
    const std::unique_ptr<QSettings> settings = appSettings();
    const QString dir =
        ExportDialog::defaultFolder(settings->value(QStringLiteral("paths/export")).toString());
    QString path = QFileDialog::getSaveFileName(
        this, title, QDir(dir).filePath(name + QStringLiteral(".pdf")), tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return path;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    settings->setValue(QStringLiteral("paths/export"), QFileInfo(path).absolutePath());
    return path;
}

void MainWindow::atlasDialog() {
    if (m_session->path().isEmpty()) {
        showError(tr("Atlas"),
                  tr("Save or import the dataset as a GeoPackage first: the atlas is drawn from it."),
                  QString());
        return;
    }
    const QStringList choices{tr("One page per bassin de vie"), tr("One page per pôle"),
                              tr("One page per département"), tr("One page per département holding a pôle")};
    bool ok = false;
    const QString choice = QInputDialog::getItem(this, tr("Atlas"), tr("Pages:"), choices, 0, false, &ok);
    if (!ok)
        return;
    const int index = choices.indexOf(choice);
    const QString path = askPdf(tr("Atlas"), tr("atlas"));
    if (path.isEmpty())
        return;
    QPointer<MainWindow> self(this);
    trackTask(startPrintTask(tr("Atlas"), atlasArguments(m_session->path(), index >= 2, index % 2 == 1, path),
                             [self, path](bool done, const QString& error) {
                                 if (!self)
                                     return;
                                 if (done)
                                     self->statusBar()->showMessage(
                                         tr("Atlas written to %1").arg(QDir::toNativeSeparators(path)),
                                         10000);
                                 else if (!error.isEmpty())
                                     self->showError(tr("Atlas"), error, path);
                             }));
}

void MainWindow::reportDialog() {
    if (m_session->path().isEmpty()) {
        showError(tr("Territory sheet"),
                  tr("Save or import the dataset as a GeoPackage first: the sheet is drawn from it."),
                  QString());
        return;
    }
    // The map's selection first (a BV, or several BVs' communes), else a département to choose.
    const std::vector<print::SheetChoice> choices =
        print::sheetChoices(m_session->dataset(), m_session->selectedBassins());
    QStringList labels;
    for (const print::SheetChoice& c : choices)
        labels << c.label;
    bool ok = false;
    const QString label =
        QInputDialog::getItem(this, tr("Territory sheet"), tr("Territory:"), labels, 0, false, &ok);
    if (!ok || labels.indexOf(label) < 0)
        return;
    const QString bassin = choices[static_cast<std::size_t>(labels.indexOf(label))].territory;
    const QString path =
        askPdf(tr("Territory sheet"),
               tr("sheet-%1").arg(bassin.section(QLatin1Char(':'), 1).section(QLatin1Char(','), 0, 0)));
    if (path.isEmpty())
        return;
    QPointer<MainWindow> self(this);
    trackTask(startPrintTask(
        tr("Territory sheet"), reportArguments(m_session->path(), bassin, path),
        [self, path](bool done, const QString& error) {
            if (!self)
                return;
            if (done)
                self->statusBar()->showMessage(
                    tr("Territory sheet written to %1").arg(QDir::toNativeSeparators(path)), 10000);
            else if (!error.isEmpty())
                self->showError(tr("Territory sheet"), error, path);
        }));
}

// ---------------------------------------------------------------------------------------------------
// Map navigation

void MainWindow::zoomToFull() {
    QgsRectangle extent = m_layers->fullExtent();
    if (extent.isEmpty())
        return;
    extent.scale(1.04);
    m_canvas->setExtent(extent);
    m_canvas->refresh();
}

void MainWindow::zoomTo(FeatureKind kind, const QString& code) {
    QgsRectangle extent = m_layers->extentOf(kind, code);
    if (extent.isEmpty())
        return;
    // A commune alone fills the screen too much: keep some of its neighbours in view.
    extent.scale(kind == FeatureKind::Commune ? 3.0 : 1.3);
    m_canvas->setExtent(extent);
    m_canvas->refresh();
    QgsVectorLayer* layer = kind == FeatureKind::Commune ? m_layers->communes() : m_layers->bassins();
    const QgsFeatureId fid = m_layers->featureId(kind, code);
    if (layer && fid != FID_NULL)
        m_canvas->flashFeatureIds(layer, QgsFeatureIds{fid});
}

void MainWindow::updateEmptyMapNote() {
    const bool empty = m_session->hasDataset() && m_layers->fullExtent().isEmpty();
    if (empty) {
        m_emptyMapNote->setText(
            tr("This dataset has no commune boundaries (it was imported from a table "
               "without geometry): there is no map to draw, but every panel works. "
               "Import communes from a GeoPackage, Shapefile or GeoJSON to see the map."));
        m_emptyMapNote->setFixedWidth(qMin(460, qMax(200, m_canvas->width() - 24)));
        m_emptyMapNote->adjustSize();
        m_emptyMapNote->move(12, 12);
    }
    m_emptyMapNote->setVisible(empty);
}

void MainWindow::showCoordinates(const QgsPointXY& point) {
    const QLocale locale;
    m_coordinates->setText(
        tr("X %1  Y %2 m").arg(locale.toString(point.x(), 'f', 0), locale.toString(point.y(), 'f', 0)));
}

void MainWindow::updateLegendScale() {
    if (auto* model = m_layerTree ? m_layerTree->layerTreeModel() : nullptr) {
        model->setLegendMapViewData(m_canvas->mapUnitsPerPixel(),
                                    static_cast<int>(m_canvas->mapSettings().outputDpi()), m_canvas->scale());
        // Only the rules drawn at this scale (the maillage's links have an overview rule), as QGIS does.
        model->setLegendFilterByScale(m_canvas->scale());
    }
}

void MainWindow::trackTask(FunctionTask* task) {
    m_progress->track(task);
}

// ---------------------------------------------------------------------------------------------------
// Search

void MainWindow::rebuildSearchIndex() {
    m_searchModel->clear();
    const model::Dataset& dataset = m_session->dataset();
    QList<QStandardItem*> items;
    items.reserve(static_cast<int>(dataset.bassins.size() + dataset.communes.size()));
    for (const model::Bassin& b : dataset.bassins) {
        auto* item = new QStandardItem(tr("%1 — bassin de vie").arg(qs(b.name)));
        item->setData(fold(qs(b.name)), FoldedRole);
        item->setData(static_cast<int>(FeatureKind::Bassin), KindRole);
        item->setData(qs(b.code), CodeRole);
        item->setData(qs(b.code), BassinRole);
        items.append(item);
    }
    for (const model::Commune& c : dataset.communes) {
        auto* item = new QStandardItem(tr("%1 (%2) — commune").arg(qs(c.name), qs(c.dep)));
        item->setData(fold(qs(c.name)), FoldedRole);
        item->setData(static_cast<int>(FeatureKind::Commune), KindRole);
        item->setData(qs(c.code), CodeRole);
        item->setData(qs(c.bv), BassinRole);
        items.append(item);
    }
    // appendColumn adds every row at once (one model reset instead of one per row)
    m_searchModel->appendColumn(items);
}

void MainWindow::searchEdited(const QString& text) {
    const QString folded = fold(text.trimmed());
    if (folded.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(folded);
    m_completer->complete();
}

void MainWindow::searchAccepted() {
    const QString folded = fold(m_search->text().trimmed());
    if (folded.isEmpty())
        return;
    m_completer->setCompletionPrefix(folded);
    QAbstractItemModel* matches = m_completer->completionModel();
    if (matches->rowCount() == 0) {
        statusBar()->showMessage(tr("No bassin de vie or commune named “%1”").arg(m_search->text().trimmed()),
                                 6000);
        return;
    }
    // An exact name first, else the first match.
    QModelIndex chosen = matches->index(0, 0);
    for (int row = 0; row < matches->rowCount(); ++row) {
        const QModelIndex index = matches->index(row, 0);
        if (index.data(FoldedRole).toString() == folded) {
            chosen = index;
            break;
        }
    }
    searchActivated(chosen);
}

void MainWindow::searchActivated(const QModelIndex& index) {
    const auto kind = static_cast<FeatureKind>(index.data(KindRole).toInt());
    const QString code = index.data(CodeRole).toString();
    const QString bassin = index.data(BassinRole).toString();
    if (code.isEmpty())
        return;
    m_completer->popup()->hide();
    m_search->setText(index.data(Qt::DisplayRole).toString());
    m_session->selectBassins(bassin.isEmpty() ? QStringList() : QStringList{bassin});
    m_session->selectCommune(kind == FeatureKind::Commune ? code : QString());
    m_session->requestZoomTo(kind, code);
}

// ---------------------------------------------------------------------------------------------------
// Bookmarks: views saved per dataset in the settings.

void MainWindow::addBookmark() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Bookmark this view"), tr("Name of the view:"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    m_slides->add(m_slides->capture(name, currentPanel()));
}

void MainWindow::rebuildBookmarksMenu() {
    m_bookmarksMenu->clear();
    m_bookmarksMenu->addAction(m_addBookmarkAction);
    m_bookmarksMenu->addAction(m_zoomFullAction);
    m_bookmarksMenu->addSeparator();
    const QList<Slide>& slides = m_slides->slides();
    for (int i = 0; i < slides.size(); ++i)
        m_bookmarksMenu->addAction(QgsApplication::getThemeIcon(QStringLiteral("/mActionZoomToBookmark.svg")),
                                   slides.at(i).name, this, [this, i] { m_slides->show(i); });
    if (slides.isEmpty()) {
        m_bookmarksMenu->addAction(tr("No bookmark for this dataset"))->setEnabled(false);
    } else {
        m_bookmarksMenu->addSeparator();
        m_bookmarksMenu->addAction(tr("Delete the bookmarks of this dataset"), this, [this] {
            if (QMessageBox::question(this, tr("Bookmarks"), tr("Delete every bookmark of this dataset?")) ==
                QMessageBox::Yes)
                m_slides->clear();
        });
    }
}

// ---------------------------------------------------------------------------------------------------
// Workshop mode and the two maps

MapCompare* MainWindow::compare() const {
    return m_compare;
}

bool MainWindow::mapsDrawing() const {
    if (m_canvas->isDrawing())
        return true;
    return m_compare && m_compare->isVisible() &&
           (m_compare->canvas()->isDrawing() || m_compare->densityPending());
}

namespace {

//! The pause between two looks at the maps: a canvas starts a refresh on a timer (QgsMapCanvas::refresh),
//! so a map with nothing drawing may be about to; two quiet looks this far apart say it is not.
constexpr int kMapsQuietMs = 60;

//! Looks at `window`'s maps until two looks in a row find none drawing, then calls `then`.
void lookAtMaps(MainWindow* window, int quietLooks, const std::function<void()>& then) {
    quietLooks = window->mapsDrawing() ? 0 : quietLooks + 1;
    if (quietLooks >= 2) {
        then();
        return;
    }
    QTimer::singleShot(kMapsQuietMs, window,
                       [window, quietLooks, then] { lookAtMaps(window, quietLooks, then); });
}

} // namespace

void MainWindow::whenMapsDrawn(const std::function<void()>& then) {
    lookAtMaps(this, 0, then);
}

QString MainWindow::currentPanel() const {
    if (m_workshop && m_workshop->isActive())
        return m_workshop->panel();
    for (QDockWidget* dock : m_panelDocks)
        if (dock->isVisible())
            return dock->objectName(); // of tabbed docks, only the one in front is visible
    return QString();
}

QStringList MainWindow::panelNames() const {
    QStringList names;
    for (QDockWidget* dock : m_panelDocks) {
        names << dock->property(kPanelOptionProperty).toString();
        if (dock->objectName() == QLatin1String("dockPoles"))
            names << QString::fromLatin1(kCrunchPanel);
    }
    return names;
}

QDockWidget* MainWindow::showPanel(const QString& name) {
    const bool crunch = name == QLatin1String(kCrunchPanel);
    for (QDockWidget* dock : m_panelDocks) {
        const bool wanted = crunch ? dock->objectName() == QLatin1String("dockPoles")
                                   : dock->property(kPanelOptionProperty).toString() == name;
        if (!wanted)
            continue;
        dock->show();
        dock->raise();
        if (auto* tabs = dock->findChild<QTabWidget*>(); tabs && crunch)
            tabs->setCurrentIndex(1); // the Crunch tab
        return dock;
    }
    return nullptr;
}

QString MainWindow::unknownPanelMessage(const QString& name) const {
    return tr("--panel: no panel is called “%1”; expected one of: %2.")
        .arg(name, panelNames().join(QStringLiteral(", ")));
}

void MainWindow::setWorkshopMode(bool on) {
    if (on)
        m_workshop->enter(currentPanel());
    else
        m_workshop->leave();
}

void MainWindow::setCompareVisible(bool on) {
    if (on == !m_compare.isNull())
        return;
    // The same territory in the narrower (or wider) canvas, once it is laid out.
    const QgsRectangle extent = m_canvas->extent();
    QTimer::singleShot(0, m_canvas, [canvas = m_canvas, extent] {
        canvas->setExtent(extent);
        canvas->refresh();
    });
    if (on) {
        if (!m_workshop->isActive()) // the workshop hid them already
            hideDocksForCompare();
        auto* splitter = new QSplitter(Qt::Horizontal);
        splitter->setObjectName(QStringLiteral("mapSplitter"));
        splitter->setChildrenCollapsible(false);
        takeCentralWidget(); // the canvas, into the splitter
        splitter->addWidget(m_canvas);
        m_compare = new MapCompare(m_session, m_layers, m_canvas, m_project.get(), splitter);
        connect(m_compare, &MapCompare::backgroundTaskStarted, this, &MainWindow::trackTask);
        if (m_workshop->isActive())
            m_compare->setMagnification(m_workshop->factor());
        splitter->addWidget(m_compare);
        splitter->setSizes({1000, 1000}); // equal halves: the same extent at the same scale
        setCentralWidget(splitter);
    } else {
        QWidget* splitter = takeCentralWidget();
        delete m_compare;
        setCentralWidget(m_canvas);
        delete splitter;
        // In the workshop mode the docks stay hidden until it is left (see the constructor).
        if (!m_workshop->isActive())
            showDocksHiddenByCompare();
    }
    m_exportCompareAction->setEnabled(on);
    const QSignalBlocker block(m_compareAction);
    m_compareAction->setChecked(on);
}

void MainWindow::hideDocksForCompare() {
    // Two maps beside the docks would each get a sliver of the window (65 px high at 1600×1000): the docks
    // make room while the maps are compared, and come back after.
    QList<QDockWidget*> shown;
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        if (dock->isVisible() && !dock->isFloating())
            shown.append(dock);
    if (shown.isEmpty())
        return;
    if (m_docksHiddenByCompare.isEmpty())
        m_stateBeforeCompare = saveState();
    for (QDockWidget* dock : std::as_const(shown)) {
        m_docksHiddenByCompare.append(dock);
        dock->hide();
    }
}

void MainWindow::showDocksHiddenByCompare() {
    for (QDockWidget* dock : std::as_const(m_docksHiddenByCompare))
        if (dock)
            dock->show();
    m_docksHiddenByCompare.clear();
    m_stateBeforeCompare.clear();
}

void MainWindow::exportCompareDialog() {
    if (!m_compare)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the two maps"),
                                                      QDir::home().filePath(tr("two-maps.png")),
                                                      tr("PNG image (*.png);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (m_compare->exportFigure(path, QSize(1920, 1080), &error))
        statusBar()->showMessage(tr("Two maps exported to %1").arg(QDir::toNativeSeparators(path)), 8000);
    else
        showError(tr("Export the two maps"), error, QDir::toNativeSeparators(path));
}

// ---------------------------------------------------------------------------------------------------
// Layout helpers

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_canvas && event->type() == QEvent::Resize)
        placeFictionalBadge();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::placeFictionalBadge() {
    m_fictional->adjustSize();
    m_fictional->move(qMax(0, m_canvas->width() - m_fictional->width() - 10), 10);
    m_fictional->raise();
}

void MainWindow::updateLayersDockMinimum() {
    // Every legend line (layer names, pôle types with their counts), indented as the tree draws it, with
    // its check box and symbol: a layout saved narrower cannot make the dock cut them.
    if (!m_layerTree || !m_layersDock)
        return; // the window being closed: a resize posted before (the workshop's) may still arrive
    const QAbstractItemModel* model = m_layerTree->model();
    if (!model)
        return;
    const QFontMetrics metrics(m_layerTree->font());
    const int decoration = style()->pixelMetric(QStyle::PM_IndicatorWidth) +
                           style()->pixelMetric(QStyle::PM_SmallIconSize) * 2 + 24;
    // Only the lines in sight: a folded legend (the facilities' 14 kinds, off by default) does not widen it.
    int widest = 0;
    QList<QPair<QModelIndex, int>> pending = {{QModelIndex(), 0}};
    while (!pending.isEmpty()) {
        const auto [parent, depth] = pending.takeLast();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            const int width = m_layerTree->indentation() * (depth + 1) + decoration +
                              metrics.horizontalAdvance(index.data(Qt::DisplayRole).toString());
            widest = qMax(widest, width);
            if (m_layerTree->isExpanded(index))
                pending.append({index, depth + 1});
        }
    }
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    // Never more than a quarter of the window: the map comes first; a longer line scrolls sideways.
    m_layersDock->setMinimumWidth(
        qMin(widest + scrollBar + 2 * m_layerTree->frameWidth(), layersDockWidthCap(width())));
}

int MainWindow::layersDockWidthCap(int windowWidth) {
    return qMin(560, qMax(180, windowWidth / 4));
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    updateLayersDockMinimum(); // its cap follows the window's width
}

void MainWindow::showUserGuide() {
    if (!m_guide) {
        const QString language =
            i18n::currentLanguage().isEmpty() ? QStringLiteral("fr") : i18n::currentLanguage();
        m_guide = new UserGuideWindow(UserGuideWindow::indexUrl(language), this);
        m_guide->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_guide->show();
    m_guide->raise();
    m_guide->activateWindow();
}

} // namespace maillage::ui
