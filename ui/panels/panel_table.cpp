#include "ui/panels/panel_table.h"

#include <QHeaderView>
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
    return table;
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

} // namespace maillage::ui::panel
