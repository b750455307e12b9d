#pragma once
// "Sensibilité": how robust the pôle types are. The user picks a pôle parameter (or the mass scale) and a
// range of ±X %; the Session computes in the background which bassins de vie change type, listed here and
// drawn on the map (SensitivityLayer). Reads Session results; computes nothing itself.
#include "ui/panels/panel_table.h"
#include "ui/session.h"

#include <QString>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTableView;

namespace maillage::ui {

class SensitivityTableModel;

class SensitivityPanel : public QWidget {
    Q_OBJECT
public:
    explicit SensitivityPanel(Session* session, QWidget* parent = nullptr);
    ~SensitivityPanel() override;

    //! Asks for the sensitivity of `key` over ±percent in `steps` values each side (as the controls do).
    void setRequest(const QString& key, double percent, int steps);
    //! The BV codes listed (one row per BV and value at which it changes type), in the model's order.
    QStringList listedBassins() const;

private:
    void fillKeys();
    void request();
    void showResult();
    void onRowSelected();

    Session* m_session;
    QComboBox* m_key = nullptr;
    QDoubleSpinBox* m_percent = nullptr;
    QSpinBox* m_steps = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_table = nullptr;
    SensitivityTableModel* m_model = nullptr;
    bool m_asked = false; // a request was made: parameters changing ask again
    panel::DeferredCall m_requestLater{this, [this] { request(); }};
};

} // namespace maillage::ui
