#include "core/io/sqlite_rows.h"

#include <sqlite3.h>

namespace maillage::io {

namespace {

std::string quotedIdentifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

std::unique_ptr<SqliteRows> SqliteRows::open(const std::string& path, const std::string& table,
                                             const std::vector<std::string>& columns,
                                             const std::string& orderBy) {
    std::unique_ptr<SqliteRows> rows(new SqliteRows);
    if (sqlite3_open_v2(path.c_str(), &rows->m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return nullptr;
    std::string sql = "SELECT ";
    for (std::size_t k = 0; k < columns.size(); ++k)
        sql += (k ? ", " : "") + (columns[k].empty() ? std::string("NULL") : quotedIdentifier(columns[k]));
    sql += " FROM " + quotedIdentifier(table);
    if (!orderBy.empty())
        sql += " ORDER BY " + quotedIdentifier(orderBy);
    if (sqlite3_prepare_v2(rows->m_db, sql.c_str(), -1, &rows->m_stmt, nullptr) != SQLITE_OK)
        return nullptr;
    return rows;
}

SqliteRows::~SqliteRows() {
    sqlite3_finalize(m_stmt);
    sqlite3_close(m_db);
}

bool SqliteRows::next() {
    const int rc = sqlite3_step(m_stmt);
    m_done = rc == SQLITE_DONE;
    return rc == SQLITE_ROW;
}

std::string SqliteRows::text(int k) const {
    const auto* s = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, k));
    return s ? std::string(s, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, k))) : std::string();
}

double SqliteRows::number(int k, double fallback) const {
    return isNull(k) ? fallback : sqlite3_column_double(m_stmt, k);
}

bool SqliteRows::isNull(int k) const {
    return sqlite3_column_type(m_stmt, k) == SQLITE_NULL;
}

} // namespace maillage::io
