#pragma once
// "Pôles et Crunch": the pôles d'offre of the dataset (type, figures, reason) and the Crunch
// diagnostics of a territory (DOMAIN.md §3 and §5). Reads Session results; computes nothing itself.
#include "core/analysis/crunch.h"
#include "core/analysis/secrecy.h"
#include "ui/panels/dock_panel.h"
#include "ui/panels/panel_table.h"
#include "ui/session.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QTextEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QgsMapCanvas;
class QgsProject;

namespace maillage::ui {

class Session;
class RankSizeChart;
class PolesTableModel;
struct PolesTableRow;
class ResultTableModel;

class PolesPanel : public DockPanel {
    Q_OBJECT
public:
    PolesPanel(Session* session, QgsMapCanvas* canvas, QgsProject* project, QWidget* parent = nullptr);
    ~PolesPanel() override;

    //! Rows listed in the table (after the "pôles only" filter).
    int listedRowCount() const;
    //! Rows whose texts a column is fitted to when the user double-clicks its edge (those in sight and
    //! around them; the panel fits its columns to the longest texts of every listed row).
    static constexpr int kFittedRows = 100;
    //! BV code of a listed row (in the table's current sort order).
    QString listedBassin(int row) const;
    //! The diagnostics the Crunch tab currently shows: as statistical secrecy lets them be published
    //! (analysis::publishableCrunch), the figures the command line writes.
    const analysis::CrunchDiagnostics& crunch() const { return m_crunch; }
    //! The change per bassin de vie the Crunch tab lists: the command line's "crunch_changes" table.
    const ResultTableModel* crunchChangesModel() const { return m_changesModel; }
    //! The Crunch early warning the tab lists (issue 11): the command line's "early_warning" table.
    const ResultTableModel* earlyWarningModel() const { return m_earlyWarningModel; }
    //! True while the rows of the table are computed in a worker, after a parameter change.
    bool tableComputing() const { return m_rowsComputing; }

private:
    void onDatasetChanged();
    //! The table's rows from the Session, computed in a worker when `background` (shown when ready).
    void reloadTable(bool background = false);
    //! Lists `rows` (when they differ from those listed) and counts the pôles.
    void showRows(std::vector<PolesTableRow> rows);
    //! Each column of the pôles table as wide as the longest text of the listed rows (the name up to 150 px).
    void fitColumns();
    void onTableSelection();
    void onSessionSelection(const QStringList& codes);
    void showDetails(const QString& code);
    //! The BV's margins to the thresholds in a sentence, or why they are not shown (secrecy).
    static QString marginsText(const analysis::PoleClassification& pole, const analysis::SecrecyRule& rule);
    void fillScopeCombo();
    void fillVintageCombos();
    //! The "from" years: "No comparison", then the years before the "to" year; `preferred` when listed.
    void fillFromCombo(int preferred);
    QStringList scopeBassins(bool* isEmptySelection = nullptr) const;
    //! Asks the Session for the diagnosis of the chosen territory and years.
    void refreshCrunch();
    //! refreshCrunch() now, or when the Crunch tab is shown next.
    void refreshCrunchWhenShown();
    void showCrunch(const CrunchResult& result);
    //! Pôles per type and concentration, "< 5" where `mask` masks a figure.
    void showConcentration(const analysis::CrunchDiagnostics& c, const analysis::CrunchMask& mask,
                           const analysis::SecrecyRule& rule);
    //! The change between the two years (when `compared`), masked as the command line does.
    void showEvolution(const analysis::CrunchDiagnostics& c, const analysis::CrunchMask& mask,
                       const analysis::SecrecyRule& rule, bool compared);
    void scheduleCrunch();
    //! The sentences to read aloud (describeCrunchBriefly of the published diagnosis) and the early warning.
    void showBriefAndEarlyWarning(const CrunchResult& result, const analysis::CrunchMask& mask,
                                  const analysis::SecrecyRule& rule, analysis::Language language);

    QTabWidget* m_tabs = nullptr;
    // Pôles tab
    QCheckBox* m_polesOnly = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_table = nullptr;
    PolesTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLabel* m_details = nullptr;
    // Crunch tab
    QComboBox* m_scope = nullptr;
    QWidget* m_compareRow = nullptr;
    QComboBox* m_from = nullptr;
    QComboBox* m_to = nullptr;
    QLabel* m_scopeNote = nullptr;
    QLabel* m_vintageHint = nullptr;
    QTextEdit* m_diagnosis = nullptr; //!< the analysts' paragraph, folded under m_brief
    QLabel* m_brief = nullptr;
    QGroupBox* m_earlyWarningBox = nullptr;
    ResultTableModel* m_earlyWarningModel = nullptr;
    QTableView* m_earlyWarningTable = nullptr;
    QLabel* m_typeCount[5] = {};
    QLabel* m_typeAverage[5] = {};
    QLabel* m_first = nullptr;
    QLabel* m_second = nullptr;
    QLabel* m_primacy = nullptr;
    QLabel* m_firstShare = nullptr;
    QLabel* m_herfindahl = nullptr;
    QGroupBox* m_evolutionBox = nullptr;
    QLabel* m_poleChange = nullptr;
    QLabel* m_nonPoleChange = nullptr;
    QLabel* m_drain = nullptr;
    QLabel* m_atRisk = nullptr;
    QTableView* m_changesTable = nullptr;
    ResultTableModel* m_changesModel = nullptr;
    QLabel* m_secrecyNote = nullptr;
    RankSizeChart* m_chart = nullptr;

    analysis::CrunchDiagnostics m_crunch;
    CrunchRequest m_crunchRequest; // the diagnosis asked for last
    bool m_syncing = false;
    //! What the table's rows were computed from (classification, secrecy threshold, language): another
    //! parameter changed (a maillage one) leaves them as they are.
    struct RowsKey {
        bool hasDataset = false;
        long long classification = -1;
        double secrecyThreshold = 0;
        bool french = false;
        bool operator==(const RowsKey& o) const {
            return hasDataset == o.hasDataset && classification == o.classification &&
                   secrecyThreshold == o.secrecyThreshold && french == o.french;
        }
    };
    std::optional<RowsKey> m_rowsKey;
    long long m_rowsGeneration = 0;
    bool m_rowsComputing = false;
    bool m_rowsInBackground = false; // the next reload after a parameter change, not a new dataset
    panel::WhenShown* m_tableWhenShown = nullptr;  // reloadTable() on the Pôles tab
    panel::WhenShown* m_crunchWhenShown = nullptr; // refreshCrunch() on the Crunch tab
    panel::DeferredCall m_crunchLater{this, [this] { refreshCrunchWhenShown(); }};
};

} // namespace maillage::ui
