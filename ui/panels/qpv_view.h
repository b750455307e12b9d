#pragma once
// The quartiers prioritaires (QPV) in the Densités panel: for each QPV of the dataset, the professionals of
// the chosen profession in it and within qpv.distance_m, their density for its population and the nearest
// pôle of each type (core/analysis/qpv.h), as `maillage qpv` writes them (same table, same secrecy).
#include "core/io/result_table.h"
#include "ui/panels/view_task.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace maillage::ui {

class ResultTableModel;
class Session;

class QpvView : public QWidget {
    Q_OBJECT
public:
    explicit QpvView(Session* session, QWidget* parent = nullptr);
    ~QpvView() override;

    //! The table shown (empty until the first computation ends).
    const io::ResultTable& table() const;

signals:
    //! The table was recomputed (dataset, profession, vintage or parameters changed).
    void updated();

private:
    //! Recomputes in a background task; a newer request makes the older one's result stale.
    void recompute();

    Session* m_session;
    ResultTableModel* m_model;
    QTableView* m_view;
    QLabel* m_caption;
    ViewTask m_task{this};
};

} // namespace maillage::ui
