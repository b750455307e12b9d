#pragma once
// Maillage: the parameters of the gravity model, the links drawn on the map (modelled links, observed
// flows, declared cooperations), isolated pôles, and a table of links (DOMAIN.md §4).
#include "core/analysis/link_crossing.h"
#include "core/analysis/maillage.h"
#include "core/model/parameters.h"
#include "ui/panels/dock_panel.h"
#include "ui/panels/panel_table.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTableWidget;
class QgsHighlight;
class QgsMapCanvas;
class QgsProject;
class QgsVectorLayer;

namespace maillage::ui {

class Session;
class LinksTableModel;
class MaillageLayers;

class MaillagePanel : public DockPanel {
    Q_OBJECT
public:
    MaillagePanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, QWidget* parent = nullptr);
    ~MaillagePanel() override;

    //! The parameters the controls hold (applied or not).
    model::MaillageParameters editedParameters() const;
    //! Sends the edited parameters to the Session, which recomputes and emits maillageChanged().
    void apply();
    //! Redraws layers, table and summary from the Session now (normally deferred to the event loop,
    //! after the map has rebuilt its own layers).
    void refreshNow();

    QgsVectorLayer* linksLayer() const;
    QgsVectorLayer* polesLayer() const;
    QgsVectorLayer* flowsLayer() const;
    QgsVectorLayer* cooperationsLayer() const;
    QgsVectorLayer* crossingLayer() const;
    //! The flows between bassins that the flow filters (volume, length, kind) keep, largest first.
    std::vector<analysis::BassinFlow> filteredFlows() const;
    //! The crossing of modelled, observed and declared links shown in the "Modelled vs declared" tab.
    const analysis::LinkCrossing& crossing() const { return m_crossing; }
    //! Highlights link `linkIndex` (index in Session::maillage().links) and pans to it.
    void showLink(int linkIndex);

private:
    void loadControls();
    void updateControlState();
    void scheduleRefresh();
    void updateSummary(const analysis::MaillageResult& result);
    //! The table of links from the Session's maillage.
    void refreshLinksTable();
    void clearHighlight();
    QWidget* buildFlowFilters();
    QWidget* buildCrossingTab();
    analysis::FlowFilter flowFilter() const;
    void loadFlowKinds();
    void refreshFlows();
    void refreshAttraction(const analysis::MaillageResult& result,
                           const std::vector<analysis::BassinFlow>& flows);
    void refreshCrossing();
    QString distanceUnitText(const analysis::MaillageResult& result) const;

    MaillageLayers* m_layers; // builds and styles the links, pôles, flows and cooperations layers
    QDoubleSpinBox* m_beta = nullptr;
    QComboBox* m_distance = nullptr;
    QSpinBox* m_strongest = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
    QDoubleSpinBox* m_isolation = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_defaults = nullptr;
    QCheckBox* m_showFlows = nullptr;
    QCheckBox* m_showCooperations = nullptr;
    QCheckBox* m_showCrossing = nullptr;
    QDoubleSpinBox* m_flowMinVolume = nullptr;
    QDoubleSpinBox* m_flowMinKm = nullptr;
    QDoubleSpinBox* m_flowMaxKm = nullptr;
    QComboBox* m_flowKind = nullptr;
    QLabel* m_flowCount = nullptr;
    QDoubleSpinBox* m_crossIntensity = nullptr;
    QDoubleSpinBox* m_crossVolume = nullptr;
    QDoubleSpinBox* m_crossShare = nullptr;
    QLabel* m_crossingSummary = nullptr;
    QTableWidget* m_attractionTable = nullptr;
    QTableWidget* m_crossingTable = nullptr;
    analysis::LinkCrossing m_crossing;
    QLabel* m_summary = nullptr;
    QLabel* m_warnings = nullptr;
    QTableView* m_table = nullptr;
    LinksTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;

    QgsHighlight* m_highlight = nullptr;
    panel::DeferredCall m_refreshLater{this, [this] { refreshNow(); }};
    panel::WhenShown* m_linksTableWhenShown = new panel::WhenShown(this, [this] { refreshLinksTable(); });
};

} // namespace maillage::ui
