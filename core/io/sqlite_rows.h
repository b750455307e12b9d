#pragma once
// Attribute-only reads of a GeoPackage's large tables through SQLite directly: GDAL's per-feature objects
// cost more than the reading itself there (35,000 communes, 130,000 counts per command).
#include <memory>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace maillage::io {

//! Some columns of a table of a SQLite file (a GeoPackage), row by row in the order of `orderBy`.
class SqliteRows {
public:
    //! The `columns` of `table` ("" = a column the table lacks, read as NULL), or nullptr when SQLite
    //! cannot give them (the caller then reads through GDAL, which words the problem).
    static std::unique_ptr<SqliteRows> open(const std::string& path, const std::string& table,
                                            const std::vector<std::string>& columns,
                                            const std::string& orderBy);
    ~SqliteRows();
    SqliteRows(const SqliteRows&) = delete;
    SqliteRows& operator=(const SqliteRows&) = delete;

    //! Steps to the next row; false at the end (or on a read error, which the caller reports).
    bool next();
    //! True at the end of the table, false when next() stopped on an error.
    bool done() const { return m_done; }
    //! Column k of the row as text ("" when NULL), as a number (`fallback` when NULL), NULL or not.
    std::string text(int k) const;
    double number(int k, double fallback = 0) const;
    bool isNull(int k) const;

private:
    SqliteRows() = default;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_done = false;
};

} // namespace maillage::io
