#pragma once
// Running the command line in the test process, for the suites of tests/app.
#include "app/cli.h"
#include "core/io/gpkg.h"
#include "core/model/csv.h"

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

//! Writes the demo dataset with `maillage demo --output path`, under the English locale the suites check
//! messages in, and reads it back into `*dataset` when given: what went wrong, "" when it is written.
inline std::string writeDemo(const std::string& path, model::Dataset* dataset = nullptr) {
    qputenv("LC_ALL", "en_US.UTF-8");
    const Run r = runCli({"demo", "--output", path});
    if (r.status != 0)
        return "maillage demo failed (" + std::to_string(r.status) + "): " + r.err;
    if (dataset)
        *dataset = io::readDataset(path);
    return {};
}

//! A CSV file's records (header first, blank lines left out), through the engine's tokenizer.
inline std::vector<std::vector<std::string>> readCsv(const QString& path, char separator = ',') {
    const QByteArray bytes = contentOf(path);
    std::vector<text::CsvRecord> records;
    text::tokenizeCsv(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), separator,
                      records);
    std::vector<std::vector<std::string>> rows;
    for (auto& r : records)
        if (!(r.fields.size() == 1 && r.fields[0].empty()))
            rows.push_back(r.fields);
    return rows;
}
inline std::vector<std::vector<std::string>> readCsv(const std::string& path, char separator = ',') {
    return readCsv(QString::fromStdString(path), separator);
}

} // namespace maillage::testing
