#pragma once
// What the panels' tables have in common: a model over a vector of rows (numbers kept as numbers for
// sorting), the sorting proxy, the read-only single-row view, columns fitted to their figures, and
// refreshes deferred to the event loop or until shown.
#include <QAbstractTableModel>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariant>

#include <functional>
#include <utility>
#include <vector>

class QDockWidget;
class QSortFilterProxyModel;
class QTableView;
class QWidget;

namespace maillage::ui::panel {

//! Roles every panel table answers; a table's own roles start at FirstOwnRole.
enum TableRole {
    SortRole = Qt::UserRole + 1, //!< the value the proxy sorts by
    KeyRole,                     //!< what identifies the row: BV or commune code, link index
    MaskedRole,                  //!< true when the cell is masked by statistical secrecy
    FirstOwnRole
};

//! A table of `RowT`, one per line. Subclasses say what a cell and a title show.
template <typename RowT> class PanelTableModel : public QAbstractTableModel {
public:
    using Row = RowT;
    PanelTableModel(int columnCount, QObject* parent) : QAbstractTableModel(parent), m_columns(columnCount) {}

    const std::vector<Row>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = QModelIndex()) const override {
        return parent.isValid() ? 0 : m_columns;
    }
    QVariant data(const QModelIndex& index, int role) const override {
        if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size()))
            return {};
        return cell(m_rows[index.row()], index.row(), index.column(), role);
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override {
        if (orientation != Qt::Horizontal)
            return {};
        if (role == Qt::DisplayRole)
            return title(section);
        if (role == Qt::ToolTipRole)
            return titleToolTip(section);
        return {};
    }

protected:
    //! Replaces the rows; `alsoSet` changes the rest of the model's state within the same reset.
    void resetRows(std::vector<Row> rows, const std::function<void()>& alsoSet = {}) {
        beginResetModel();
        m_rows = std::move(rows);
        if (alsoSet)
            alsoSet();
        endResetModel();
    }
    //! What row `r` (line `row`) shows in `column` for `role`.
    virtual QVariant cell(const Row& r, int row, int column, int role) const = 0;
    virtual QVariant title(int section) const = 0;
    virtual QVariant titleToolTip(int /*section*/) const { return {}; }

private:
    int m_columns;
    std::vector<Row> m_rows;
};

//! A proxy that sorts `source` by SortRole, in the locale's order.
QSortFilterProxyModel* sortProxy(QAbstractItemModel* source, QObject* parent);

//! A read-only table view of `model`, sortable, one row selected at a time, rows as high as a line
//! of text, no vertical header; Copy (Ctrl+C) and Copy all in its context menu (addCopyActions).
QTableView* tableView(const QString& objectName, QAbstractItemModel* model);

//! Cell (`row`, `column`) of `model` as copies and exports give it: what the table shows, without the
//! drill-down mark ("Lille  ›": the view's, not the data's).
QString shownText(const QAbstractItemModel* model, int row, int column);
//! True when the rows of `model` are identified by a code (KeyRole of a BV or a commune, not a link's
//! index): copies and exports then give it in a first column "Code", so that the rows can be joined to
//! other data (the tables show names only).
bool hasCodeKey(const QAbstractItemModel* model);
//! The header of that first column: "Code".
QString codeHeader();

//! Rows `rows` of `model` (in that order) as the table shows them, tab-separated with the header line
//! first, one line per row: what a spreadsheet pastes into cells; with the code first (hasCodeKey). Tabs
//! and line breaks inside a cell become spaces.
QString tabSeparated(const QAbstractItemModel* model, const QList<int>& rows);
//! The rows selected in `view`, in the view's order; every row when none is selected.
QList<int> rowsToCopy(const QTableView* view);
//! Puts `rows` of the view's model on the clipboard (tabSeparated).
void copyRows(const QTableView* view, const QList<int>& rows);
//! Copy (Ctrl+C: the selected rows, or all when none) and Copy all, in the view's context menu.
void addCopyActions(QTableView* view);

//! Width that shows column `column` of `view` whole: its contents, and its title with margins (not the
//! sort indicator's reserve, which may overlap a short title).
int fittedWidth(const QTableView* view, int column);

//! Runs a function once from the event loop, however many times it was scheduled before.
class DeferredCall {
public:
    DeferredCall(QObject* context, std::function<void()> call)
        : m_context(context), m_call(std::move(call)) {}
    void schedule();
    //! Lets the next schedule() queue a new call (after running the function directly).
    void forget() { m_scheduled = false; }

private:
    QObject* m_context;
    std::function<void()> m_call;
    bool m_scheduled = false;
};

//! True when `widget`'s window is on screen but `widget` is not (a tab, or a dock tabbed behind another):
//! what it shows can wait until it is shown. A widget whose window was never shown is not out of sight.
bool outOfSight(const QWidget* widget);

//! A function that updates what `widget` shows: run() calls it at once, or, while the widget is out of
//! sight, the next time the widget is shown. After a parameter change the hidden panels' tables waited
//! for nobody (issue 10: the recompute's 100 ms).
class WhenShown : public QObject {
public:
    WhenShown(QWidget* widget, std::function<void()> call);
    void run();
    //! True while a call waits for the widget to be shown.
    bool pending() const { return m_pending; }
    //! Forgets the call waiting (what it would show was shown otherwise).
    void cancel() { m_pending = false; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void callIfPending();
    QWidget* m_widget;
    std::function<void()> m_call;
    bool m_pending = false;
    QPointer<QDockWidget> m_dock; // the dock whose tab brings the widget to the front
    QMetaObject::Connection m_dockConnection;
};

} // namespace maillage::ui::panel
