#pragma once
// One libpq connection and its transaction, for the PostgreSQL datasets (core/io/postgis.h) and their
// reader (core/io/postgis_read.h): every failure is an Error naming the location, never a password.
#include "core/io/postgis.h"
#include "core/model/error.h"
#include "core/model/message.h"

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <vector>

namespace maillage::io::pg {

//! Throws Error(kind) at `location` with the message `id`.
[[noreturn]] void fail(ErrorKind kind, const std::string& location, const char* id,
                       std::vector<MessageArg> args = {});

//! libpq's or GDAL's reason, without a password that the environment holds (libpq never puts it in its
//! messages today: this keeps it so).
std::string cleanReason(std::string reason);

//! `identifier` as an SQL identifier: in double quotes, a double quote in it doubled.
std::string quoted(const std::string& identifier);

//! One libpq connection; every failure is an Error naming the location (never the password).
class Connection {
public:
    Connection(const PostgisLocation& where, std::string display) : m_display(std::move(display)) {
        m_conn = PQconnectdb(where.connection.c_str());
        if (PQstatus(m_conn) != CONNECTION_OK)
            fail(ErrorKind::CannotOpen, m_display, "pg.connect_failed",
                 {arg::text("reason", cleanReason(PQerrorMessage(m_conn)))});
        // Server notices (a DROP ... IF EXISTS that found nothing) are not for the user: dropped here,
        // without the round trip of SET client_min_messages.
        PQsetNoticeProcessor(
            m_conn, [](void*, const char*) {}, nullptr);
    }
    ~Connection() { PQfinish(m_conn); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

    //! Runs `sql` with text parameters; throws Error(kind) with the server's reason on failure.
    Result exec(const std::string& sql, const std::vector<std::string>& params = {},
                ErrorKind kind = ErrorKind::Write) {
        std::vector<const char*> values;
        for (const auto& p : params)
            values.push_back(p.c_str());
        Result r(PQexecParams(m_conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                              nullptr, nullptr, 0),
                 &PQclear);
        const auto status = PQresultStatus(r.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            const char* state = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
            const std::string reason = cleanReason(PQresultErrorMessage(r.get()));
            if (state && std::string(state) == "42501")
                fail(ErrorKind::Write, m_display, "pg.permission_denied",
                     {arg::text("role", PQuser(m_conn)), arg::text("reason", reason)});
            fail(kind, m_display, "pg.query_failed", {arg::text("reason", reason)});
        }
        return r;
    }

    //! The first column of the first row of `sql`, or "" when there is none (or it is NULL).
    std::string value(const std::string& sql, const std::vector<std::string>& params = {}) {
        Result r = exec(sql, params, ErrorKind::CannotOpen);
        return PQntuples(r.get()) > 0 && !PQgetisnull(r.get(), 0, 0) ? PQgetvalue(r.get(), 0, 0) : "";
    }

    //! Runs `sql` (a COPY ... FROM STDIN) and sends what `next` fills in until it returns false.
    template <typename Next> void copyIn(const std::string& sql, Next&& next) {
        Result start(PQexec(m_conn, sql.c_str()), &PQclear);
        if (PQresultStatus(start.get()) != PGRES_COPY_IN)
            fail(ErrorKind::Write, m_display, "pg.query_failed",
                 {arg::text("reason", cleanReason(PQresultErrorMessage(start.get())))});
        std::string buffer;
        bool more = true;
        while (more) {
            buffer.clear();
            while ((more = next(buffer)) && buffer.size() < (1u << 20)) {
            }
            if (!buffer.empty() && PQputCopyData(m_conn, buffer.data(), static_cast<int>(buffer.size())) != 1)
                break;
        }
        PQputCopyEnd(m_conn, more ? "interrupted" : nullptr);
        Result end(PQgetResult(m_conn), &PQclear);
        while (PGresult* extra = PQgetResult(m_conn))
            PQclear(extra);
        if (PQresultStatus(end.get()) != PGRES_COMMAND_OK)
            fail(ErrorKind::Write, m_display, "pg.query_failed",
                 {arg::text("reason", cleanReason(PQresultErrorMessage(end.get())))});
    }

    const std::string& display() const { return m_display; }
    PGconn* handle() const { return m_conn; }

private:
    PGconn* m_conn = nullptr;
    std::string m_display;
};

//! Rolls back unless committed: nothing is half written when an exception leaves the block.
class Transaction {
public:
    explicit Transaction(Connection& c) : m_c(c) { m_c.exec("BEGIN"); }
    ~Transaction() {
        if (!m_done) {
            try {
                m_c.exec("ROLLBACK");
            } catch (...) {
                // The connection is lost: the server rolls back by itself.
            }
        }
    }
    void commit() {
        m_c.exec("COMMIT");
        m_done = true;
    }

private:
    Connection& m_c;
    bool m_done = false;
};

} // namespace maillage::io::pg
