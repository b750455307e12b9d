#include "core/io/geometry_spool.h"

#include "core/model/error.h"
#include "core/model/message.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace maillage::io {

namespace {

//! A file without a name in `dir`, open for reading and writing; -1 when none can be made.
int namelessFile(const std::string& dir) {
    int fd = -1;
#ifdef O_TMPFILE
    fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0)
        return fd;
#endif
    // File systems without O_TMPFILE: a unique name, removed at once.
    std::string path = dir + "/.maillage-spool-XXXXXX";
    fd = ::mkstemp(path.data());
    if (fd < 0)
        return -1;
    ::unlink(path.c_str());
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    return fd;
}

//! A number no other spool of this process has had (a thread's read window names its spool by it).
std::uint64_t nextSpoolId() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

} // namespace

std::shared_ptr<GeometrySpool> GeometrySpool::create(const std::string& dir) {
    const int fd = namelessFile(dir.empty() ? std::string(".") : dir);
    if (fd < 0)
        return nullptr;
    return std::shared_ptr<GeometrySpool>(new GeometrySpool(fd));
}

GeometrySpool::GeometrySpool(int fd) : m_fd(fd), m_id(nextSpoolId()) {}

GeometrySpool::~GeometrySpool() {
    ::close(m_fd);
}

bool GeometrySpool::append(const model::Wkb& wkb, std::uint64_t& offset) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_failed)
        return false;
    offset = m_end;
    m_pending.insert(m_pending.end(), wkb.begin(), wkb.end());
    m_end += wkb.size();
    if (m_pending.size() >= kBlock && !flushLocked())
        m_failed = true; // what was taken stays readable in m_pending; later geometries stay in memory
    return true;
}

bool GeometrySpool::flushLocked() {
    const std::uint64_t at = m_written.load();
    std::size_t done = 0;
    while (done < m_pending.size()) {
        const ssize_t n =
            ::pwrite(m_fd, m_pending.data() + done, m_pending.size() - done, static_cast<off_t>(at + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
    }
    m_written.store(at + m_pending.size());
    m_pending.clear();
    return true;
}

void GeometrySpool::preadAll(std::uint64_t offset, std::size_t size, std::uint8_t* into) const {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::pread(m_fd, into + done, size - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw Error(ErrorKind::Internal, Location{},
                        msg("io.spool.read_failed",
                            {arg::text("reason", n < 0 ? std::strerror(errno) : "end of file")}));
        done += static_cast<std::size_t>(n);
    }
}

void GeometrySpool::read(std::uint64_t offset, std::uint32_t size, model::Wkb& into) const {
    into.resize(size);
    if (size == 0)
        return;
    const std::uint64_t written = m_written.load();
    if (offset + size > written) { // not all in the file yet
        std::lock_guard<std::mutex> lock(m_mutex);
        const std::uint64_t inFile = m_written.load();
        const std::size_t fromFile = offset >= inFile ? 0 : static_cast<std::size_t>(inFile - offset);
        if (fromFile > 0)
            preadAll(offset, std::min<std::size_t>(fromFile, size), into.data());
        if (fromFile < size)
            std::memcpy(into.data() + fromFile, m_pending.data() + (offset + fromFile - inFile),
                        size - fromFile);
        return;
    }
    // Each thread's window of the file: reads moving forward through the file (the GeoPackage writer,
    // the départements' dissolve, the communes of a bassin) come from it. It doubles while they keep
    // moving forward, from a few kilobytes back to the largest.
    struct Window {
        std::uint64_t spool = 0, start = 0, end = 0; // end: where the last read ended
        std::uint64_t next = kFirstWindow;           // size of the next window read
        std::vector<std::uint8_t> data;
    };
    thread_local Window window;
    if (window.spool == m_id && offset >= window.start &&
        offset + size <= window.start + window.data.size()) {
        std::memcpy(into.data(), window.data.data() + (offset - window.start), size);
        window.end = offset + size;
        return;
    }
    // Ahead only for a reader going through the file (little skipped since its last read): any other read
    // is one pread of its own bytes.
    const bool forward = window.spool == m_id && offset >= window.end && offset - window.end <= kSkip;
    if (!forward || size >= kWindow) {
        preadAll(offset, size, into.data());
        window.spool = m_id;
        window.data.clear();
        window.start = window.end = offset + size;
        window.next = kFirstWindow;
        return;
    }
    window.data.resize(static_cast<std::size_t>(
        std::min<std::uint64_t>(std::max<std::uint64_t>(window.next, size), written - offset)));
    window.next = std::min<std::uint64_t>(2 * window.next, kWindow);
    preadAll(offset, window.data.size(), window.data.data());
    window.spool = m_id;
    window.start = offset;
    window.end = offset + size;
    std::memcpy(into.data(), window.data.data(), size);
}

std::uint64_t GeometrySpool::size() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_end;
}

std::string spoolFolderFor(const std::string& output) {
    if (output.rfind("PG:", 0) != 0) {
        const auto slash = output.find_last_of('/');
        return slash == std::string::npos ? std::string(".") : output.substr(0, slash == 0 ? 1 : slash);
    }
    const char* tmp = std::getenv("TMPDIR");
    return tmp && *tmp ? std::string(tmp) : std::string("/tmp");
}

} // namespace maillage::io
