#pragma once
// "Densités": professionals per commune of the selected bassin de vie (and per quartier below a
// commune), compared with the BV, département, région and whole territory; statistical secrecy
// applied (DOMAIN.md §6-7). Colours the communes layer by density or accessibility on demand.
#include "core/analysis/density.h"
#include "ui/panels/dock_panel.h"
#include "ui/panels/panel_table.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <string>
#include <unordered_set>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;
class QgsFeatureRenderer;
class QgsMapCanvas;
class QgsProject;
class QgsVectorLayer;

namespace maillage::ui {

class Session;
class DensityTableModel;
class ZonageView;
struct DensityMapRequest;

class DensityPanel : public DockPanel {
    Q_OBJECT
public:
    DensityPanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, QWidget* parent = nullptr);
    ~DensityPanel() override;

    //! BV whose communes are listed ("" = none), and the commune drilled into ("" = none).
    QString shownBassin() const { return m_bassin; }
    QString shownCommune() const { return m_commune; }
    //! The figures the table shows.
    const analysis::DensityDrillDown& drillDown() const { return m_drill; }

    //! Lists the communes of a BV.
    void showBassin(const QString& bv);
    //! Lists the infra-communal zones of a commune, when the dataset has some; returns false otherwise.
    bool showCommune(const QString& commune);
    //! Back from a commune to its BV.
    void goBack();

    //! What the profession combo does: sets the Session's profession and colours the map.
    void chooseProfession(const QString& code);
    //! Asks for the communes to be coloured by density (or accessibility) for the current profession and
    //! vintage: the Session computes the map, the map layers show it.
    void colourMap();
    //! The communes get their own style back.
    void resetMapColouring();
    bool isColouringMap() const { return m_colouring; }
    //! The accessibility table and zonage simulator (shown while the map shows accessibility).
    ZonageView* zonageView() const { return m_zonage; }

    //! Name of the attribute added to the communes layer for density colouring.
    static QString densityField();
    //! Name of the attribute added to the communes layer for accessibility colouring.
    static QString accessibilityField();
    //! A source of the dataset's metadata as the caption names it: "INSEE, BPE 2013, 2018" shown for 2018
    //! is "BPE 2018 (INSEE)"; "" for a file name (a geometry file: only in the caption's tooltip).
    static QString sourceTitle(const std::string& source, int vintage);

private:
    void onDatasetChanged();
    void fillProfessionCombo();
    void fillVintageCombo();
    void syncCombos();
    void scheduleRefresh();
    void refresh();
    void refreshTable();
    void updateCaption();
    void fitColumns();
    void onDoubleClicked(const QModelIndex& index);
    //! A commune row selected in the table becomes the Session's commune (highlighted on the map).
    void onRowSelected();
    bool hasZones(const std::string& commune) const;
    void onDensityMapReady(const DensityMapRequest& request);

    QComboBox* m_profession = nullptr;
    QComboBox* m_vintage = nullptr;
    QCheckBox* m_accessibility = nullptr;
    QPushButton* m_reset = nullptr;
    QToolButton* m_back = nullptr;
    QLabel* m_breadcrumb = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_table = nullptr;
    DensityTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_refTable = nullptr;
    DensityTableModel* m_refModel = nullptr;
    QLabel* m_caption = nullptr;
    QLabel* m_mapLegendNote = nullptr;
    QGroupBox* m_zonageBox = nullptr;
    ZonageView* m_zonage = nullptr;

    QString m_bassin, m_commune;
    std::unordered_set<std::string> m_communesWithZones;
    analysis::DensityDrillDown m_drill;
    bool m_colouring = false;
    panel::DeferredCall m_refreshLater{this, [this] { refresh(); }};
};

} // namespace maillage::ui
