#include "ui/demo_cache.h"

#include "core/demo/demo.h"
#include "core/io/geo.h"
#include "core/io/gpkg.h"
#include "core/io/outlines.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <exception>

namespace maillage::ui {
namespace {

//! Hash of what the dissolve and the GeoPackage depend on: any change of the generator gives a new file.
QByteArray contentKey(const model::Dataset& dataset) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    auto add = [&hash](const std::string& s) {
        hash.addData(s.data(), static_cast<int>(s.size()));
        hash.addData("\0", 1);
    };
    for (const model::Commune& c : dataset.communes) {
        add(c.code);
        add(c.name);
        add(c.bv);
        hash.addData(reinterpret_cast<const char*>(c.geometry.data()), static_cast<int>(c.geometry.size()));
    }
    for (const model::Bassin& b : dataset.bassins) {
        add(b.code);
        add(b.name);
    }
    for (const model::CountRecord& r : dataset.counts) {
        add(r.place);
        add(r.profession);
        hash.addData(reinterpret_cast<const char*>(&r.vintage), sizeof r.vintage);
        hash.addData(reinterpret_cast<const char*>(&r.count), sizeof r.count);
    }
    add(dataset.meta.title);
    return hash.result().toHex().left(16);
}

bool bassinsHaveGeometry(const model::Dataset& dataset) {
    for (const model::Bassin& b : dataset.bassins) {
        if (b.geometry.empty())
            return false;
    }
    return true;
}

} // namespace

model::Dataset loadDemoDataset(Feedback* feedback, QString* cachePath, bool* fromCache) {
    if (fromCache)
        *fromCache = false;
    model::Dataset dataset = demo::makeDemoDataset();
    if (bassinsHaveGeometry(dataset))
        return dataset;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    const QString path =
        dir + QStringLiteral("/demo-") + QString::fromLatin1(contentKey(dataset)) + QStringLiteral(".gpkg");
    if (cachePath)
        *cachePath = path;
    if (QFileInfo::exists(path)) {
        try {
            model::Dataset cached = io::readDataset(path.toStdString(), feedback);
            if (bassinsHaveGeometry(cached) && !cached.departementOutlines.empty()) {
                if (fromCache)
                    *fromCache = true;
                return cached;
            }
        } catch (const std::exception&) {
            // unreadable cache (older format...): rebuilt below
        }
    }
    Warnings warnings;
    io::dissolveBassins(dataset, warnings, feedback);
    // The outlines as an import stores them: the map shows them at once, without dissolving them again.
    io::dissolveOutlines(dataset, warnings, feedback);
    return dataset;
}

void writeDemoCache(const model::Dataset& dataset, const QString& path) {
    try {
        QDir().mkpath(QFileInfo(path).absolutePath());
        io::writeDataset(dataset, path.toStdString());
    } catch (const std::exception&) {
        // a read-only cache folder only costs the dissolve at the next start
    }
}

} // namespace maillage::ui
