#pragma once
// Geometries kept out of memory while a large import runs: a temporary file in a given folder, written
// once (each WKB appended as it is made) and read back by whoever needs a geometry (the dissolve, the
// GeoPackage writer), so that a national import does not hold its 35 MB of commune polygons, nor its
// bassins', départements' and régions' outlines, in memory. The file has no name from the start (O_TMPFILE,
// else created and unlinked at once): nothing is left behind, whether the import succeeds, fails or is
// killed. Results are the same to the byte as with the geometries in memory (model::wkbOf). Appends are
// gathered and written a megabyte at a time, and reads that follow one another in the file are served from
// a window read ahead (per thread): the national import's 35,000 communes, read back three times, cost a few
// hundred system calls rather than 150,000.
#include "core/model/dataset.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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
    //! Writes m_pending to the file at m_written (m_mutex held); false when it cannot.
    bool flushLocked();

    //! pread of `size` bytes at `offset`, whole; throws Error naming the cause.
    void preadAll(std::uint64_t offset, std::size_t size, std::uint8_t* into) const;

    static constexpr std::size_t kBlock = std::size_t(1) << 20; // appends gathered up to this
    static constexpr std::uint64_t kWindow = 128 * 1024;        // read ahead when moving forward
    static constexpr std::uint64_t kSkip = 4 * 1024;            // by at most this since the last read
    static constexpr std::uint64_t kFirstWindow = 8 * 1024;     // the first time

    int m_fd;
    std::uint64_t m_id; // unique in the process
    mutable std::mutex m_mutex;
    std::uint64_t m_end = 0;                 // bytes appended
    std::atomic<std::uint64_t> m_written{0}; // bytes in the file; those after are in m_pending
    std::vector<std::uint8_t> m_pending;     // appended, written in blocks of a megabyte (few system calls)
    bool m_failed = false;                   // a block could not be written: append refuses from then on
};

//! The folder where an import writing `output` spools its geometries: the output's own folder for a file
//! (it is about to receive a file that large anyway), TMPDIR (else /tmp) for a database output.
std::string spoolFolderFor(const std::string& output);

} // namespace maillage::io
