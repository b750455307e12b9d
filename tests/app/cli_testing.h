#pragma once
// Running the command line in the test process, for the suites of tests/app.
#include "app/cli.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <sstream>
#include <string>
#include <vector>

namespace maillage::testing {

//! What a run of the command line gave.
struct Run {
    int status = -1;
    std::string out, err;
};

//! Runs `maillage <args>` in this process (no terminal: step lines, never a progress bar).
inline Run runCli(std::vector<std::string> args) {
    args.insert(args.begin(), "maillage");
    std::ostringstream out, err;
    Run r;
    r.status = cli::run(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

//! The bytes of a file; empty when it cannot be read.
inline QByteArray contentOf(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace maillage::testing
