#pragma once
// Geometries kept out of memory while a large import runs: a temporary file in a given folder, written
// once (each WKB appended as it is made) and read back by whoever needs a geometry (the dissolve, the
// GeoPackage writer), so that a national import does not hold its 35 MB of commune polygons, nor its
// bassins', départements' and régions' outlines, in memory. The file has no name from the start (O_TMPFILE,
// else created and unlinked at once): nothing is left behind, whether the import succeeds, fails or is
// killed. Results are the same to the byte as with the geometries in memory (model::wkbOf).
#include "core/model/dataset.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace maillage::io {

class GeometrySpool final : public model::WkbStore {
public:
    //! A new, empty spool in folder `dir`; null when no file can be made there (read-only or missing
    //! folder): the caller then keeps geometries in memory.
    static std::shared_ptr<GeometrySpool> create(const std::string& dir);
    ~GeometrySpool() override;
    GeometrySpool(const GeometrySpool&) = delete;
    GeometrySpool& operator=(const GeometrySpool&) = delete;

    //! Appends `wkb` (thread-safe); false when it cannot be written (disk full...): keep it in memory.
    bool append(const model::Wkb& wkb, std::uint64_t& offset) override;
    //! Reads `size` bytes at `offset` into `into` (thread-safe); throws Error(Io) when they cannot be read.
    void read(std::uint64_t offset, std::uint32_t size, model::Wkb& into) const override;
    //! Bytes written so far.
    std::uint64_t size() const;

private:
    explicit GeometrySpool(int fd);
    int m_fd;
    mutable std::mutex m_mutex; // guards m_end
    std::uint64_t m_end = 0;
};

//! The folder where an import writing `output` spools its geometries: the output's own folder for a file
//! (it is about to receive a file that large anyway), TMPDIR (else /tmp) for a database output.
std::string spoolFolderFor(const std::string& output);

} // namespace maillage::io
