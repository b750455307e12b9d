#include "ui/qpv_identify.h"

#include <QStringList>

#include <string>
#include <vector>

namespace maillage::ui {

QString describeQpv(const io::ResultTable& table, const QString& code, Language language) {
    const int codeColumn = table.column("code"), nameColumn = table.column("name");
    if (codeColumn < 0)
        return {};
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        const auto& cells = table.rows[row].cells;
        if (QString::fromStdString(cells[static_cast<std::size_t>(codeColumn)].text) != code)
            continue;
        QString text = code;
        if (nameColumn >= 0)
            text = QString::fromStdString(cells[static_cast<std::size_t>(nameColumn)].text) +
                   QStringLiteral(" (") + code + QLatin1Char(')');
        std::vector<std::string> keys = {"population", "inside", "within", "per_10000_inside",
                                         "per_10000_within"};
        for (int type = 1; type <= 4; ++type)
            for (const char* part : {"_name", "_km", "_minutes"})
                keys.push_back("pole" + std::to_string(type) + part);
        QStringList parts{text};
        for (const std::string& key : keys) {
            const int column = table.column(key);
            if (column < 0 || cells[static_cast<std::size_t>(column)].empty)
                continue; // not in this table, or nothing to say (no pôle of that type, no time)
            const auto c = static_cast<std::size_t>(column);
            parts << QString::fromStdString(io::columnHeader(table, c, language)) + QStringLiteral(": ") +
                         QString::fromStdString(io::formatCell(table, row, c, language));
        }
        return parts.join(QStringLiteral(" · "));
    }
    return {};
}

} // namespace maillage::ui
