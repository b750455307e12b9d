#pragma once
// An engine ResultTable (core/io/result_table.h) as a Qt table model: the cells exactly as the command
// line and the exports word them (formatCell: masked cells "< 5"), so that the GUI shows the same figures.
#include "core/io/result_table.h"
#include "core/model/message.h"

#include <QAbstractTableModel>

namespace maillage::ui {

class ResultTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ResultTableModel(QObject* parent = nullptr);

    //! Replaces the table, worded in `language`.
    void setTable(io::ResultTable table, Language language);
    const io::ResultTable& table() const { return m_table; }
    //! The panel::SortRole of `cell`: its value, then masked cells as one block, then empty ones
    //! (io::cellLess's order), so that sorting gives no masked value back.
    static QVariant sortKey(const io::Cell& cell, io::ColumnType type);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    //! DisplayRole: formatCell; panel::SortRole: the value (masked cells after the values, then empty
    //! ones, so that the order gives no masked value back); panel::MaskedRole: the cell is masked.
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    io::ResultTable m_table;
    Language m_language = Language::Fr;
};

} // namespace maillage::ui
