#pragma once
// For the suites labelled `postgis`: the throw-away server that tests/pg/pg_server.sh started (its
// server.env: PGHOST, PGPORT, PGDATABASE, PGPASSFILE, role names), and SQL as its superuser.
#include <QByteArray>
#include <QFile>
#include <QString>

#include <libpq-fe.h>

#include <string>

namespace maillage::testing {

//! Exports the variables of `envFile` (pg_server.sh's server.env) into this process; false when there is
//! no server (PostgreSQL or PostGIS not installed): the suite then skips.
inline bool loadPgServer(const char* envFile) {
    QFile env(QString::fromUtf8(envFile));
    if (!env.open(QIODevice::ReadOnly))
        return false;
    while (!env.atEnd()) {
        const QByteArray line = env.readLine().trimmed();
        const int eq = line.indexOf('=');
        if (eq > 0)
            qputenv(line.left(eq).constData(), line.mid(eq + 1));
    }
    // Only the password file speaks for the roles; nothing of the user's own environment.
    qunsetenv("PGPASSWORD");
    qunsetenv("PGUSER");
    qunsetenv("PGSERVICE");
    return true;
}

//! "PG:user=<role> schema=<schema>"; the role by the server.env variable naming it.
inline std::string pgLocation(const std::string& schema, const char* roleVariable = "MAILLAGE_PG_ADMIN") {
    return "PG:user=" + qEnvironmentVariable(roleVariable).toStdString() + " schema=" + schema;
}

//! The first value `sql` gives as the superuser ("" when none); `ok` says whether it ran.
inline std::string adminValue(const std::string& sql, bool* ok = nullptr) {
    const std::string conninfo = "user=" + qEnvironmentVariable("MAILLAGE_PG_ADMIN").toStdString();
    PGconn* c = PQconnectdb(conninfo.c_str());
    std::string out;
    bool ran = false;
    if (PQstatus(c) == CONNECTION_OK) {
        PGresult* r = PQexec(c, sql.c_str());
        ran = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
        if (!ran)
            qWarning("%s: %s", sql.c_str(), PQresultErrorMessage(r));
        else if (PQntuples(r) > 0)
            out = PQgetvalue(r, 0, 0);
        PQclear(r);
    }
    PQfinish(c);
    if (ok)
        *ok = ran;
    return out;
}

//! Runs `sql` as the superuser; false when it failed.
inline bool adminSql(const std::string& sql) {
    bool ok = false;
    adminValue(sql, &ok);
    return ok;
}

} // namespace maillage::testing
