#pragma once
// The main window: the map (bassins de vie by pôle type, communes, départements), the layer tree, the
// docked panels, menus, toolbar, status bar; opening, importing and exporting.
#include "core/model/dataset.h"
#include "ui/export_layout.h"
#include "ui/layer_roles.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QCompleter;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QStandardItemModel;
class QgsLayerTreeMapCanvasBridge;
class QgsLayerTreeView;
class QgsMapCanvas;
class QgsMapTool;
class QgsPointXY;
class QgsProject;
class QgsScaleWidget;

namespace maillage::ui {

class FunctionTask;
class MapCompare;
class MapLayers;
class Session;
class SlideDeck;
class TaskProgressWidget;
class WorkshopMode;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Session* session() const { return m_session; }
    QgsMapCanvas* canvas() const { return m_canvas; }
    QgsProject* project() const { return m_project.get(); }
    MapLayers* layers() const { return m_layers; }
    //! The slides (Bookmarks menu, workshop mode).
    SlideDeck* slides() const { return m_slides; }
    //! The workshop mode (View > Workshop mode, F11).
    WorkshopMode* workshop() const { return m_workshop; }
    //! The second, synchronised map while View > Compare two maps is on, else nullptr.
    MapCompare* compare() const;

    //! Calls `then` once every map shown (the main one, the second one of the two-map view with its
    //! densities) has finished drawing, a refresh asked for but not started yet included: what a
    //! screenshot captures (--screenshot grabbed the second map before it had redrawn).
    void whenMapsDrawn(const std::function<void()>& then);
    //! True while a map shown is drawing or about to redraw (the second map's densities being computed).
    bool mapsDrawing() const;

    //! Enters or leaves the workshop mode.
    void setWorkshopMode(bool on);
    //! Shows or hides the second map beside the main one.
    void setCompareVisible(bool on);
    //! The object name of the analysis panel shown ("dockPoles"…), "" when none.
    QString currentPanel() const;
    //! The names the --panel option accepts: one per analysis dock, plus "crunch" (the Crunch tab of the
    //! Pôles dock).
    QStringList panelNames() const;
    //! Brings the panel called `name` (panelNames()) to the front; nullptr when there is none.
    QDockWidget* showPanel(const QString& name);
    //! Why `name` is not a panel, listing the valid names, in the interface language.
    QString unknownPanelMessage(const QString& name) const;

    //! Shows `dataset` (read from `path`, "" for the demo) and zooms to the whole territory.
    void showDataset(model::Dataset dataset, const QString& path);
    //! Generates (or reads from the cache) the demo dataset and shows it. Synchronous: it is fast.
    void openDemo();
    //! Reads a dataset GeoPackage in the background and shows it; errors are shown in a message box.
    void openDataset(const QString& path);

    //! The export options for the current view and dataset (title, source line...).
    ExportOptions defaultExportOptions() const;
    //! Exports the current view; false with a message in `error`.
    bool exportView(const QString& path, ExportFormat format, const ExportOptions& options, QString* error);

    //! Zooms to the whole territory.
    void zoomToFull();

    //! Whether failures to open a dataset are shown in a message box (default) or only signalled
    //! (batch runs: a modal box would wait forever for a click).
    void setErrorDialogsEnabled(bool enabled) { m_errorDialogs = enabled; }

    //! Asks what to do with parameters applied but not saved: returns Save, Discard or Cancel.
    using UnsavedPrompt = std::function<QMessageBox::StandardButton(const QString& text, bool canSave)>;
    //! Replaces the Save / Discard / Cancel box (tests: it must not block).
    void setUnsavedParametersPrompt(UnsavedPrompt prompt) { m_unsavedPrompt = std::move(prompt); }
    //! Whether the parameters in use differ from those saved in the dataset file.
    bool parametersModified() const;
    //! Reads the consumption weights by age of `file`, checks them against the population by age, uses them
    //! in the session and stores them in the dataset's file (as maillage add --age-weights; not the demo's
    //! or a PostgreSQL dataset's: the status bar says so). "" when done, else why not, naming the file.
    //! An empty `file`: back to the weights shipped with Maillage (as maillage add --shipped-age-weights).
    QString useAgeWeights(const QString& file);
    //! Before the dataset is closed (quit, another dataset): offers to save modified parameters. False
    //! when the user cancels or saving failed, and the dataset must stay open.
    bool maybeSaveParameters();

    //! Whether the parameters can be saved into `path`; `reason` says why not (a sentence for the user).
    static bool canSaveInto(const QString& path, QString* reason);
    //! The datasets of File > Recent datasets, most recent first: canonical paths, existing files only.
    static QStringList recentDatasets();

signals:
    //! A dataset is shown (layers built, view set).
    void datasetShown();
    //! A dataset could not be opened; `message` says which file and why.
    void datasetFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    //! Where the session's consumption weights went: into the dataset's file, else why not (`notStored`:
    //! the demo, PostgreSQL, a file that cannot be saved into) or how writing failed (`error`).
    struct StoredWeights {
        QString notStored;
        QString error;
    };
    StoredWeights storeConsumptionWeights();

    void createCanvas();
    void createActions();
    void createMenus();
    void createToolBars();
    void createDocks();
    void createStatusBar();
    void restoreLayout();
    void saveLayout();

    void openDialog();
    void openDatabaseDialog();
    void importDialog();
    //! File > Add data…: files added to the open dataset (AddDataDialog), the file rewritten.
    void addDataDialog();
    void exportDialog(bool pdf);
    //! File > Atlas…: one PDF page per BV, pôle or département (ui/atlas.h).
    void atlasDialog();
    //! File > Territory sheet…: the sheet of the selected BV (ui/atlas.h).
    void reportDialog();
    //! The PDF file to write, asked in the export folder; empty when the user cancels.
    QString askPdf(const QString& title, const QString& name);
    void parametersDialog();
    void saveParameters(const model::Parameters& parameters);
    //! Writes the parameters now (on closing); false with a message box when it fails.
    bool saveParametersNow();
    //! Title bar marker and Save action after a parameter change or a save.
    void updateModified();
    void zoomTo(FeatureKind kind, const QString& code);
    void rebuildSearchIndex();
    void searchEdited(const QString& text);
    void searchAccepted();
    void searchActivated(const QModelIndex& index);
    void updateTitle();
    //! The years offered (with their coverage) and the session's one chosen: when the dataset changes.
    void updateVintages();
    //! The session's year chosen among those offered.
    void showCurrentVintage();
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void rebuildBookmarksMenu();
    void addBookmark();
    //! File > Export the two maps…
    void exportCompareDialog();
    //! The docks put away while the two maps are shown (hideDocksForCompare), and back.
    void hideDocksForCompare();
    void showDocksHiddenByCompare();
    void trackTask(FunctionTask* task);
    //! A modal error box; `file` (full path) goes to its details.
    void showError(const QString& title, const QString& message, const QString& file);
    void showCoordinates(const QgsPointXY& point);
    void updateLegendScale();
    //! Outlines the selected BVs and commune on the canvas.
    //! Says on the map when the dataset has no geometry to draw.
    void updateEmptyMapNote();
    //! Keeps the "fictional data" badge in the map's top-right corner (not over status messages).
    void placeFictionalBadge();
    //! The layers dock is at least as wide as the longest legend line, whatever layout was saved.
    void updateLayersDockMinimum();
    //! The widest the layers dock's minimum may be in a window that wide (a quarter of it).
    static int layersDockWidthCap(int windowWidth);
    //! Help > User guide, in the interface language.
    void showUserGuide();

    std::unique_ptr<QgsProject> m_project;
    Session* m_session = nullptr;
    MapLayers* m_layers = nullptr;
    SlideDeck* m_slides = nullptr;
    WorkshopMode* m_workshop = nullptr;
    QPointer<MapCompare> m_compare;
    //! The docks the two-map view hid to give the maps the width, shown again when it closes.
    QList<QPointer<QDockWidget>> m_docksHiddenByCompare;
    QByteArray m_stateBeforeCompare; //!< the layout saved on closing while the two maps are shown
    QgsMapCanvas* m_canvas = nullptr;
    QgsLayerTreeView* m_layerTree = nullptr;
    QgsLayerTreeMapCanvasBridge* m_bridge = nullptr;
    QList<QDockWidget*> m_panelDocks;
    QDockWidget* m_layersDock = nullptr;

    QgsMapTool* m_panTool = nullptr;
    QgsMapTool* m_zoomInTool = nullptr;
    QgsMapTool* m_zoomOutTool = nullptr;
    QgsMapTool* m_selectTool = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_openDemoAction = nullptr;
    QAction* m_openDatabaseAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_addDataAction = nullptr; //!< File > Add data…
    QAction* m_exportAction = nullptr;
    QAction* m_exportPdfAction = nullptr;
    QAction* m_atlasAction = nullptr;
    QAction* m_reportAction = nullptr;
    QAction* m_saveParametersAction = nullptr;
    QAction* m_parametersAction = nullptr;
    QAction* m_cooperationsAction = nullptr; //!< Analysis > Declared cooperations…
    QAction* m_quitAction = nullptr;
    QAction* m_panAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_selectAction = nullptr;
    QAction* m_zoomFullAction = nullptr;
    QAction* m_searchAction = nullptr;
    QAction* m_addBookmarkAction = nullptr;
    QAction* m_workshopAction = nullptr;
    QAction* m_compareAction = nullptr;
    QAction* m_exportCompareAction = nullptr;
    QAction* m_helpAction = nullptr;
    QAction* m_guideAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_bookmarksMenu = nullptr;
    QMenu* m_panelsMenu = nullptr;

    QLineEdit* m_search = nullptr;
    QCompleter* m_completer = nullptr;
    QStandardItemModel* m_searchModel = nullptr;
    QComboBox* m_vintage = nullptr;
    QLabel* m_coordinates = nullptr;
    QLabel* m_fictional = nullptr;
    QLabel* m_emptyMapNote = nullptr;
    QPointer<QDialog> m_guide;
    bool m_errorDialogs = true;
    QgsScaleWidget* m_scale = nullptr;
    //! The parameters as last read from or written to the dataset file.
    model::Parameters m_savedParameters;
    UnsavedPrompt m_unsavedPrompt;
    TaskProgressWidget* m_progress = nullptr;
};

} // namespace maillage::ui
