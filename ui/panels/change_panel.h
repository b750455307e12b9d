#pragma once
// The change view (issue 11): professionals between two years per bassin de vie or commune, a profession
// or all, computed by the Session in the background; the masked table of `maillage change` (copy, export),
// one sentence summing it up, the change map (ui/change_layer.h) and the chart of the pôles' mass over the
// years (ui/panels/mass_chart.h).
#include "core/model/dataset.h"
#include "ui/panels/dock_panel.h"

#include "core/model/message.h"

#include <QStringList>

#include <map>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace maillage::ui {

class ChangeMapLayer;
class MassChart;
class ResultTableModel;

//! The valid years of a change: each "to" year (years with counts, of a source that has an earlier year
//! with counts: a change needs two years of one source), with its "from" years (earlier years with counts,
//! of the same source), both ascending.
using ChangeYears = std::map<int, std::vector<int>>;
//! The valid years of `dataset`, from one scan of its counts.
ChangeYears changeYears(const model::Dataset& dataset);
//! `message` with the profession codes of its "professions" list replaced by their labels in the
//! interface language (a note of the change table: « dieteticien » -> Diététiciens).
Message withProfessionLabels(Message message, const model::ProfessionCatalogue& catalogue);

class ChangePanel : public DockPanel {
    Q_OBJECT
public:
    ChangePanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, QWidget* parent = nullptr);

    //! Asks the Session for the change of the years, profession and level chosen (and the chart).
    void compute();
    //! The BVs whose mass the chart draws: the selected pôles, else the pôles of types 1 and 2.
    std::vector<std::string> chartBassins() const;
    //! How many times a dataset's years were scanned since the program started (once per dataset shown,
    //! not once per year chosen).
    static int yearScans();
    //! What the mass chart plots, for pôle thresholds multiplied by `massScale`.
    static QString massChartCaption(double massScale);

private:
    void fillChoices();
    void fillFrom();
    void showChange();
    void showFailure(const QString& message);
    QComboBox* m_from;
    QComboBox* m_to;
    QComboBox* m_profession;
    QComboBox* m_level;
    QPushButton* m_compute;
    QLabel* m_summary;
    QLabel* m_note;
    ResultTableModel* m_model;
    QTableView* m_table;
    MassChart* m_chart;
    QLabel* m_chartCaption;
    ChangeYears m_years; //!< of the Session's dataset
    ChangeMapLayer* m_layer;
};

} // namespace maillage::ui
