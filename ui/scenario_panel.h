#pragma once
// "Et si…" (issue 12): the dataset's scenarios, created and edited here (the change kinds of
// core/model/scenario.h with commune, BV and profession choosers), applied in a background task
// (core/analysis/scenario.h: every analysis again), and the comparison before/after: the sentences, the
// BVs that change type, the communes crossing a zonage threshold, the Crunch findings before and after,
// and the tables of `maillage scenario`; the map after the scenario (ui/scenario_layer.h) in the project and,
// in a window, the two maps before (left) and after (right) side by side on applying. Saved in the dataset
// (core/io/gpkg_scenarios.h); every edit can be undone. The panel displays; the engine computes.
#include "core/analysis/scenario.h"
#include "core/model/scenario.h"
#include "ui/panels/dock_panel.h"

#include <QPointer>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QDockWidget;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMainWindow;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QgsVectorLayer;

namespace maillage::ui {

class FunctionTask;

class ScenarioPanel : public DockPanel {
    Q_OBJECT
public:
    ScenarioPanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, QWidget* parent = nullptr);
    ~ScenarioPanel() override;

    //! The scenarios as edited here (the dataset's, with the edits not saved yet).
    const std::vector<model::Scenario>& scenarios() const { return m_scenarios; }
    //! The scenario being edited ("" when none).
    QString currentScenario() const { return m_current; }
    //! Creates an empty scenario named `name` and edits it; false (and nothing changes) when the name is
    //! empty or taken.
    bool newScenario(const QString& name);
    //! Edits the scenario `name`.
    void selectScenario(const QString& name);
    //! Adds `change` to the scenario edited (undoable).
    void addChange(const model::ScenarioChange& change);
    //! Removes change `index` of the scenario edited (undoable).
    void removeChange(int index);
    //! Goes back to the scenarios before the last edit; false when there is nothing to undo.
    bool undo();
    //! True when edits were made since the last save (or the dataset was opened).
    bool hasUnsavedEdits() const { return m_unsaved; }
    //! Writes the scenarios into the dataset's file; "" when done, else why not (in the interface
    //! language). The Session's dataset holds them too.
    QString save();
    //! Applies the scenario edited in a background task; applied() or failed() follow. `beforeAfter`: the
    //! window's two maps then show before and after side by side (the docks make room), else the panel and
    //! the main map (the after layer) stay as they are. Zonage thresholds that cannot be read: failed() at
    //! once, with the format expected.
    void applyCurrent(bool beforeAfter = true);
    //! The zonage thresholds typed in the panel: ascending numbers above 0 separated by semicolons, a
    //! decimal comma in French ("2,5 ; 4"), a decimal point in English ("2.5; 4", commas separating too);
    //! empty when nothing is typed; nullopt when the text cannot be read so ("2,5,4" in French).
    static std::optional<std::vector<double>> zonageThresholds(const QString& text, bool french);
    //! The comparison of the last scenario applied (nullptr before, or when the dataset changed since).
    const analysis::ScenarioComparison* comparison() const { return m_comparison.get(); }
    //! The sentences shown for it.
    QString sentences() const;
    //! The map after the last scenario applied (ui/scenario_layer.h), over the main map when the panel has a
    //! project; nullptr before, and once the scenarios are edited, undone or the dataset changed.
    QgsVectorLayer* afterLayer() const;
    //! Opens the window's two-map view with the map before the scenario on the left and after it on the
    //! right (the after layer hidden on the main map); false, with a status line, when there is no result
    //! or no such view.
    bool showBeforeAfter();

signals:
    void applied();
    void failed(const QString& message);

private:
    void buildEditor();
    void buildResults();
    void onDatasetChanged();
    //! Keeps the scenarios before an edit for undo().
    void remember();
    void refreshList();
    void refreshChanges();
    //! The change the editor's fields describe.
    model::ScenarioChange editedChange() const;
    void showComparison(const std::vector<io::ResultTable>& tables, const QString& sentences);
    //! The after layer of m_comparison, over the main map (kept by the panel without a project).
    void showAfterLayer();
    void removeAfterLayer();
    //! The after layer removed, and the result off the second map of the two-map view.
    void forgetResult();
    //! The window the panel is docked in, nullptr when none.
    QMainWindow* mainWindow() const;
    //! The dock that holds the panel, null when it has none.
    QDockWidget* ownDock() const;
    //! Enables the fields the kind of change chosen uses.
    void enableFieldsOfKind();
    void fillCooperationChoosers();
    model::Scenario* current();

    std::vector<model::Scenario> m_scenarios;
    std::vector<std::vector<model::Scenario>> m_history;
    QString m_current;
    bool m_unsaved = false;
    std::unique_ptr<analysis::ScenarioComparison> m_comparison;
    QPointer<FunctionTask> m_task;
    int m_generation = 0;
    QPointer<QgsVectorLayer> m_after;             //!< in the project when there is one
    std::unique_ptr<QgsVectorLayer> m_ownedAfter; //!< else kept here

    QListWidget* m_list = nullptr;
    QLineEdit* m_name = nullptr;
    QListWidget* m_changes = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_profession = nullptr;
    QComboBox* m_place = nullptr;
    QDoubleSpinBox* m_count = nullptr;
    QSpinBox* m_age = nullptr;
    QComboBox* m_cooperation = nullptr; //!< a new cooperation's name, or one of the dataset's
    QComboBox* m_cooperationKind = nullptr;
    QComboBox* m_poleA = nullptr;
    QComboBox* m_poleB = nullptr;
    QLineEdit* m_zonage = nullptr;
    QPushButton* m_undo = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_sentences = nullptr;
    QTabWidget* m_tables = nullptr;
};

} // namespace maillage::ui
