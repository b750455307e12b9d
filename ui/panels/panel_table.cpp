#include "ui/panels/panel_table.h"

#include "ui/panels/table_export.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QDockWidget>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace maillage::ui::panel {

QSortFilterProxyModel* sortProxy(QAbstractItemModel* source, QObject* parent) {
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(SortRole);
    proxy->setSortLocaleAware(true);
    return proxy;
}

QTableView* tableView(const QString& objectName, QAbstractItemModel* model) {
    auto* table = new QTableView;
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setHighlightSections(false);
    addCopyActions(table);
    addExportAction(table);
    return table;
}

QString shownText(const QAbstractItemModel* model, int row, int column) {
    QString text = model->data(model->index(row, column), Qt::DisplayRole).toString();
    static const QString drillMark = QStringLiteral("  \u203a");
    if (text.endsWith(drillMark))
        text.chop(drillMark.size());
    return text;
}

bool hasCodeKey(const QAbstractItemModel* model) {
    if (model->rowCount() == 0 || model->columnCount() == 0)
        return false;
    const QVariant key = model->data(model->index(0, 0), KeyRole);
    return key.type() == QVariant::String && !key.toString().isEmpty();
}

QString codeHeader() {
    return QCoreApplication::translate("PanelTable", "Code");
}

namespace {

QString cellText(const QAbstractItemModel* model, int row, int column) {
    QString text = shownText(model, row, column);
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}

} // namespace

QString tabSeparated(const QAbstractItemModel* model, const QList<int>& rows) {
    const bool code = hasCodeKey(model);
    QStringList lines;
    QStringList header;
    if (code)
        header << codeHeader();
    for (int c = 0; c < model->columnCount(); ++c)
        header << model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().simplified();
    lines << header.join(QLatin1Char('\t'));
    for (int row : rows) {
        QStringList cells;
        if (code)
            cells << model->data(model->index(row, 0), KeyRole).toString();
        for (int c = 0; c < model->columnCount(); ++c)
            cells << cellText(model, row, c);
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QList<int> rowsToCopy(const QTableView* view) {
    QList<int> rows;
    if (const QItemSelectionModel* selection = view->selectionModel())
        for (const QModelIndex& index : selection->selectedRows())
            rows << index.row();
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty())
        for (int r = 0; r < view->model()->rowCount(); ++r)
            rows << r;
    return rows;
}

void copyRows(const QTableView* view, const QList<int>& rows) {
    QApplication::clipboard()->setText(tabSeparated(view->model(), rows));
}

void addCopyActions(QTableView* view) {
    auto* copy = new QAction(QCoreApplication::translate("PanelTable", "Copy"), view);
    copy->setObjectName(QStringLiteral("copyRows"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    copy->setToolTip(QCoreApplication::translate(
        "PanelTable", "Copy the selected rows (all rows when none is selected) with the header, "
                      "to paste into a spreadsheet"));
    QObject::connect(copy, &QAction::triggered, view, [view] { copyRows(view, rowsToCopy(view)); });
    auto* copyAll = new QAction(QCoreApplication::translate("PanelTable", "Copy all"), view);
    copyAll->setObjectName(QStringLiteral("copyAllRows"));
    QObject::connect(copyAll, &QAction::triggered, view, [view] {
        QList<int> rows;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            rows << r;
        copyRows(view, rows);
    });
    view->addAction(copy);
    view->addAction(copyAll);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

int fittedWidth(const QTableView* view, int column) {
    const QAbstractItemView* asView = view; // sizeHintForColumn() is public there, protected in QTableView
    const QHeaderView* header = view->horizontalHeader();
    const QString title = view->model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    return std::max(asView->sizeHintForColumn(column), header->fontMetrics().horizontalAdvance(title) + 14);
}

void DeferredCall::schedule() {
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, m_context, [this] {
        m_scheduled = false;
        m_call();
    });
}

bool outOfSight(const QWidget* widget) {
    // A dock tabbed behind another stays "visible", moved out of the window: nothing of it is drawn.
    return widget->window()->isVisible() && (!widget->isVisible() || widget->visibleRegion().isEmpty());
}

WhenShown::WhenShown(QWidget* widget, std::function<void()> call)
    : QObject(widget), m_widget(widget), m_call(std::move(call)) {
    widget->installEventFilter(this);
}

void WhenShown::run() {
    m_pending = outOfSight(m_widget);
    if (!m_pending) {
        m_call();
        return;
    }
    // The dock holding the widget says when its tab is brought to the front (the widget gets no Show).
    QWidget* w = m_widget;
    while (w && !qobject_cast<QDockWidget*>(w))
        w = w->parentWidget();
    auto* dock = qobject_cast<QDockWidget*>(w);
    if (dock == m_dock)
        return;
    QObject::disconnect(m_dockConnection);
    m_dock = dock;
    if (dock)
        m_dockConnection = connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
            if (visible)
                callIfPending();
        });
}

void WhenShown::callIfPending() {
    if (!m_pending)
        return;
    m_pending = false;
    m_call();
}

bool WhenShown::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_widget && event->type() == QEvent::Show)
        callIfPending();
    return QObject::eventFilter(watched, event);
}

} // namespace maillage::ui::panel
