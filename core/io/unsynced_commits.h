#pragma once
// SQLite commits that do not wait for the disk, for a temporary GeoPackage synced once before it is renamed
// over the dataset (the styles' writers: app/qgis_styles_write.cpp, ui/styles/dataset_styles.cpp).
#include <string>

#include <cpl_conv.h>

namespace maillage::io {

//! While alive, SQLite does not wait for the disk at every commit of this thread's GDAL connections (QGIS's
//! included).
class UnsyncedCommits {
public:
    UnsyncedCommits() : m_previous(CPLGetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "")) {
        CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
    }
    ~UnsyncedCommits() {
        CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS",
                                      m_previous.empty() ? nullptr : m_previous.c_str());
    }
    UnsyncedCommits(const UnsyncedCommits&) = delete;
    UnsyncedCommits& operator=(const UnsyncedCommits&) = delete;

private:
    std::string m_previous;
};

} // namespace maillage::io
