#pragma once
// The change view (issue 11): professionals between two years per bassin de vie or commune, a profession
// or all, computed by the Session in the background; the masked table of `maillage change` (copy, export),
// one sentence summing it up, the change map (ui/change_layer.h) and the chart of the pôles' mass over the
// years (ui/panels/mass_chart.h).
#include "core/model/dataset.h"
#include "ui/panels/dock_panel.h"

#include <QStringList>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace maillage::ui {

class ChangeMapLayer;
class MassChart;
class ResultTableModel;

//! The valid "to" years of a change: years with counts, of a source that has an earlier year with
//! counts (a change needs two years of one source), ascending.
std::vector<int> changeToYears(const model::Dataset& dataset);
//! The valid "from" years for `to`: earlier years with counts, of the same source, ascending.
std::vector<int> changeFromYears(const model::Dataset& dataset, int to);

class ChangePanel : public DockPanel {
    Q_OBJECT
public:
    ChangePanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, QWidget* parent = nullptr);

    //! Asks the Session for the change of the years, profession and level chosen (and the chart).
    void compute();
    //! The BVs whose mass the chart draws: the selected pôles, else the pôles of types 1 and 2.
    std::vector<std::string> chartBassins() const;

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
    ChangeMapLayer* m_layer;
};

} // namespace maillage::ui
