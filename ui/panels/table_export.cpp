#include "ui/panels/table_export.h"

#include "ui/app_settings.h"
#include "ui/dialogs.h"
#include "ui/i18n.h"
#include "ui/panels/panel_table.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTableView>

#include <exception>
#include <sstream>
#include <vector>

namespace maillage::ui::panel {
namespace {

//! "Densité pour 10 000 hab." → "densite_pour_10_000_hab": what scripts and GDAL take as a field name.
std::string columnKey(const QString& header, int column) {
    QString key;
    for (const QChar c : header.normalized(QString::NormalizationForm_D).toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            key += c;
        else if (!c.isMark() && !key.endsWith(QLatin1Char('_')))
            key += QLatin1Char('_');
    }
    while (key.endsWith(QLatin1Char('_')))
        key.chop(1);
    while (key.startsWith(QLatin1Char('_')))
        key.remove(0, 1);
    return key.isEmpty() ? "column_" + std::to_string(column + 1) : key.toStdString();
}

bool isEmptyText(const QString& shown) {
    return shown.trimmed().isEmpty() || shown.trimmed() == QStringLiteral("—");
}

//! A number as the panel shows it ("1 234,5" in French), or false.
bool shownNumber(const QString& shown, double* value) {
    QString t = shown.trimmed();
    bool ok = false;
    *value = QLocale().toDouble(t, &ok);
    if (ok)
        return true;
    t.remove(QChar(0x202F)).remove(QChar(0x00A0)).remove(QLatin1Char(' '));
    *value = QLocale().toDouble(t, &ok);
    return ok;
}

bool isMaskedCell(const QAbstractItemModel* model, int row, int column) {
    return model->index(row, column).data(MaskedRole).toBool();
}

//! True when every shown, unmasked, non-empty cell of `column` is a number.
bool numericColumn(const QAbstractItemModel* model, int column) {
    bool any = false;
    for (int r = 0; r < model->rowCount(); ++r) {
        const QString shown = model->index(r, column).data(Qt::DisplayRole).toString();
        double value = 0;
        if (isMaskedCell(model, r, column) || isEmptyText(shown))
            continue;
        if (!shownNumber(shown, &value))
            return false;
        any = true;
    }
    return any;
}

io::Cell shownCell(const QAbstractItemModel* model, int row, int column, bool numeric) {
    if (isMaskedCell(model, row, column))
        return io::Cell::secret(); // the value itself never leaves the model
    const QString shown = shownText(model, row, column);
    if (isEmptyText(shown))
        return io::Cell::none();
    double value = 0;
    if (numeric && shownNumber(shown, &value))
        return io::Cell::of(value);
    return io::Cell::of(shown.toStdString());
}

//! "csv", "csv-fr", "xlsx", "ods" per the file dialog's filter (its index in filters()).
io::TableFormat formatOfFilter(int index) {
    switch (index) {
    case 1:
        return io::TableFormat::CsvFr;
    case 2:
        return io::TableFormat::Xlsx;
    case 3:
        return io::TableFormat::Ods;
    default:
        return io::TableFormat::Csv;
    }
}

QStringList filters() {
    return {QCoreApplication::translate("PanelTable", "CSV (*.csv)"),
            QCoreApplication::translate("PanelTable", "CSV for French spreadsheets (*.csv)"),
            QCoreApplication::translate("PanelTable", "Excel workbook (*.xlsx)"),
            QCoreApplication::translate("PanelTable", "OpenDocument spreadsheet (*.ods)")};
}

void exportView(QTableView* view) {
    const std::unique_ptr<QSettings> settings = appSettings();
    const QString folder =
        ExportDialog::defaultFolder(settings->value(QStringLiteral("paths/tables")).toString());
    const QStringList choices = filters();
    QString chosen =
        choices.value(settings->value(QStringLiteral("tables/format"), 1).toInt(), choices.first());
    const QString name = view->objectName().isEmpty() ? QStringLiteral("table") : view->objectName();
    QString path = QFileDialog::getSaveFileName(
        view, QCoreApplication::translate("PanelTable", "Export the table"), QDir(folder).filePath(name),
        choices.join(QStringLiteral(";;")), &chosen);
    if (path.isEmpty())
        return;
    const int index = std::max(0, static_cast<int>(choices.indexOf(chosen)));
    const io::TableFormat format = formatOfFilter(index);
    if (QFileInfo(path).suffix().isEmpty())
        path += index >= 2 ? QStringLiteral(".") + QString::fromStdString(io::tableFormatName(format))
                           : QStringLiteral(".csv");
    const double threshold = view->property(kSecrecyThresholdProperty).toDouble();
    const QString error = writeShownTable(shownTable(view->model(), name, name, threshold), path, format);
    if (!error.isEmpty()) {
        QMessageBox box(
            QMessageBox::Critical, QCoreApplication::translate("PanelTable", "Export the table"),
            QCoreApplication::translate("PanelTable", "The table could not be exported.\n\n%1").arg(error),
            QMessageBox::Ok, view);
        box.setDetailedText(QDir::toNativeSeparators(path));
        box.exec();
        return;
    }
    settings->setValue(QStringLiteral("paths/tables"), QFileInfo(path).absolutePath());
    settings->setValue(QStringLiteral("tables/format"), index);
}

} // namespace

io::ResultTable shownTable(const QAbstractItemModel* model, const QString& name, const QString& title,
                           double secrecyThreshold) {
    io::ResultTable table;
    table.name = columnKey(name, 0);
    table.titleFr = table.titleEn = title.toStdString();
    table.secrecyApplied = secrecyThreshold > 0;
    table.secrecyThreshold = secrecyThreshold;
    // The rows' codes first, as text ("02018" keeps its zero): what joins the table to other data.
    const bool code = hasCodeKey(model);
    if (code) {
        io::Column column;
        column.key = "code";
        column.headerFr = column.headerEn = codeHeader().toStdString();
        column.type = io::ColumnType::Code;
        table.columns.push_back(column);
    }
    std::vector<bool> numeric;
    for (int c = 0; c < model->columnCount(); ++c) {
        const QString header = model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().simplified();
        numeric.push_back(numericColumn(model, c));
        io::Column column;
        column.key = columnKey(header, c);
        column.headerFr = column.headerEn = header.toStdString();
        column.type = numeric.back() ? io::ColumnType::Real : io::ColumnType::Text;
        table.columns.push_back(column);
    }
    for (int r = 0; r < model->rowCount(); ++r) {
        io::Row row;
        if (code)
            row.cells.push_back(
                io::Cell::of(model->data(model->index(r, 0), KeyRole).toString().toStdString()));
        for (int c = 0; c < model->columnCount(); ++c)
            row.cells.push_back(shownCell(model, r, c, numeric[static_cast<std::size_t>(c)]));
        table.rows.push_back(std::move(row));
    }
    return table;
}

QString writeShownTable(const io::ResultTable& table, const QString& path, io::TableFormat format) {
    io::TableWriteOptions options;
    options.format = format;
    options.header = io::HeaderStyle::Labels;
    options.language = i18n::engineLanguage();
    std::ostringstream unused; // files only: the GUI never writes to standard output
    try {
        io::writeTable(table, path.toStdString(), options, unused);
    } catch (const std::exception& e) {
        return i18n::describe(e);
    }
    return QString();
}

void addExportAction(QTableView* view) {
    auto* action = new QAction(QCoreApplication::translate("PanelTable", "Export…"), view);
    action->setObjectName(QStringLiteral("exportTable"));
    action->setToolTip(QCoreApplication::translate(
        "PanelTable", "Export the table (CSV, CSV for French spreadsheets, XLSX, ODS)"));
    QObject::connect(action, &QAction::triggered, view, [view] { exportView(view); });
    view->addAction(action);
}

} // namespace maillage::ui::panel
