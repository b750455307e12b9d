#pragma once
// The main window: the map (bassins de vie by pôle type, communes, départements), the layer tree, the
// docked panels, menus, toolbar, status bar; opening, importing and exporting.
#include "core/model/dataset.h"
#include "ui/export_layout.h"
#include "ui/layer_roles.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include <memory>

class QAction;
class QComboBox;
class QCompleter;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QStandardItemModel;
class QgsHighlight;
class QgsLayerTreeMapCanvasBridge;
class QgsLayerTreeView;
class QgsMapCanvas;
class QgsMapTool;
class QgsPointXY;
class QgsProject;
class QgsScaleWidget;

namespace maillage::ui {

class FunctionTask;
class MapLayers;
class Session;
class TaskProgressWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Session* session() const { return m_session; }
    QgsMapCanvas* canvas() const { return m_canvas; }
    QgsProject* project() const { return m_project.get(); }
    MapLayers* layers() const { return m_layers; }

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

signals:
    //! A dataset is shown (layers built, view set).
    void datasetShown();
    //! A dataset could not be opened; `message` says which file and why.
    void datasetFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createCanvas();
    void createActions();
    void createMenus();
    void createToolBars();
    void createDocks();
    void createStatusBar();
    void restoreLayout();
    void saveLayout();

    void openDialog();
    void importDialog();
    void exportDialog(bool pdf);
    void parametersDialog();
    void saveParameters(const model::Parameters& parameters);
    void zoomTo(FeatureKind kind, const QString& code);
    void rebuildSearchIndex();
    void searchEdited(const QString& text);
    void searchAccepted();
    void searchActivated(const QModelIndex& index);
    void updateTitle();
    void updateVintages();
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void rebuildBookmarksMenu();
    void addBookmark();
    QString bookmarksKey() const;
    void trackTask(FunctionTask* task);
    void showCoordinates(const QgsPointXY& point);
    void updateLegendScale();
    //! Outlines the selected BVs and commune on the canvas.
    void updateHighlights();
    //! Says on the map when the dataset has no geometry to draw.
    void updateEmptyMapNote();

    std::unique_ptr<QgsProject> m_project;
    Session* m_session = nullptr;
    MapLayers* m_layers = nullptr;
    QgsMapCanvas* m_canvas = nullptr;
    QgsLayerTreeView* m_layerTree = nullptr;
    QgsLayerTreeMapCanvasBridge* m_bridge = nullptr;
    QList<QDockWidget*> m_panelDocks;
    QList<QgsHighlight*> m_highlights;
    QDockWidget* m_layersDock = nullptr;

    QgsMapTool* m_panTool = nullptr;
    QgsMapTool* m_zoomInTool = nullptr;
    QgsMapTool* m_zoomOutTool = nullptr;
    QgsMapTool* m_selectTool = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_openDemoAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_exportPdfAction = nullptr;
    QAction* m_saveParametersAction = nullptr;
    QAction* m_parametersAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_panAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_selectAction = nullptr;
    QAction* m_zoomFullAction = nullptr;
    QAction* m_searchAction = nullptr;
    QAction* m_addBookmarkAction = nullptr;
    QAction* m_helpAction = nullptr;
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
    bool m_errorDialogs = true;
    QgsScaleWidget* m_scale = nullptr;
    TaskProgressWidget* m_progress = nullptr;
};

} // namespace maillage::ui
