#pragma once
// Export of a panel's table to CSV, CSV for French spreadsheets, XLSX or ODS through the engine's table
// writer (core/io/table_writer.h): the table as the panel shows it, masked cells kept masked.
#include "core/io/result_table.h"
#include "core/io/table_writer.h"

#include <QString>

class QAbstractItemModel;
class QTableView;

namespace maillage::ui::panel {

//! Property of a table view holding the secrecy threshold its model applied (double; absent: none).
inline const char* const kSecrecyThresholdProperty = "maillage/secrecyThreshold";

//! Every row of `model` as shown, as a result table named `name` with title `title`: the rows' codes first
//! as text when they have some (hasCodeKey, column "code"), then a column per model
//! column (its header for people, an ASCII key from it), numbers where every shown cell of the column
//! reads as a number in the interface's locale, "—" and empty cells empty, and the cells the model masks
//! (MaskedRole) masked. `secrecyThreshold` > 0 says that secrecy was applied, from that threshold.
io::ResultTable shownTable(const QAbstractItemModel* model, const QString& name, const QString& title,
                           double secrecyThreshold);

//! Writes `table` to `path` in `format` (headers for people, in the interface language). Returns "" or
//! the engine's message in the interface language.
QString writeShownTable(const io::ResultTable& table, const QString& path, io::TableFormat format);

//! Export… in the view's context menu: asks for a file and a format, and writes its table.
void addExportAction(QTableView* view);

} // namespace maillage::ui::panel
