#include "ui/panels/result_table_model.h"

#include "ui/panels/panel_table.h"

#include <limits>

namespace maillage::ui {

ResultTableModel::ResultTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ResultTableModel::setTable(io::ResultTable table, Language language) {
    beginResetModel();
    m_table = std::move(table);
    m_language = language;
    endResetModel();
}

int ResultTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int ResultTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_table.columns.size());
}

namespace {

bool isNumeric(io::ColumnType type) {
    return type == io::ColumnType::Integer || type == io::ColumnType::Real || type == io::ColumnType::Percent;
}

} // namespace

// Values first, then the masked cells as one block, then the empty ones (io::cellLess's order).
QVariant ResultTableModel::sortKey(const io::Cell& cell, io::ColumnType type) {
    const bool text = type == io::ColumnType::Text || type == io::ColumnType::Code;
    if (cell.hasValue())
        return text ? QVariant(QString::fromStdString(cell.text)) : QVariant(cell.number);
    if (text)
        return cell.masked ? QStringLiteral("\uFFFE") : QStringLiteral("\uFFFF");
    return cell.masked ? std::numeric_limits<double>::max() / 2 : std::numeric_limits<double>::max();
}

QVariant ResultTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const auto row = static_cast<std::size_t>(index.row()), col = static_cast<std::size_t>(index.column());
    const io::Cell& cell = m_table.rows[row].cells[col];
    const io::ColumnType type = m_table.columns[col].type;
    switch (role) {
    case Qt::DisplayRole:
        return QString::fromStdString(io::formatCell(m_table, row, col, m_language));
    case panel::SortRole:
        return sortKey(cell, type);
    case panel::MaskedRole:
        return cell.masked;
    case Qt::TextAlignmentRole:
        return isNumeric(type) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return QString::fromStdString(
            io::columnHeader(m_table, static_cast<std::size_t>(section), m_language));
    return {};
}

} // namespace maillage::ui
