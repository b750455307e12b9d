#include "core/io/geometry_spool.h"

#include "core/model/error.h"
#include "core/model/message.h"

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

} // namespace

std::shared_ptr<GeometrySpool> GeometrySpool::create(const std::string& dir) {
    const int fd = namelessFile(dir.empty() ? std::string(".") : dir);
    if (fd < 0)
        return nullptr;
    return std::shared_ptr<GeometrySpool>(new GeometrySpool(fd));
}

GeometrySpool::GeometrySpool(int fd) : m_fd(fd) {}

GeometrySpool::~GeometrySpool() {
    ::close(m_fd);
}

bool GeometrySpool::append(const model::Wkb& wkb, std::uint64_t& offset) {
    std::uint64_t at = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        at = m_end;
        m_end += wkb.size();
    }
    // A failed write leaves a hole no one reads: the caller keeps this geometry in memory.
    std::size_t done = 0;
    while (done < wkb.size()) {
        const ssize_t n = ::pwrite(m_fd, wkb.data() + done, wkb.size() - done, static_cast<off_t>(at + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
    }
    offset = at;
    return true;
}

void GeometrySpool::read(std::uint64_t offset, std::uint32_t size, model::Wkb& into) const {
    into.resize(size);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::pread(m_fd, into.data() + done, size - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw Error(ErrorKind::Internal, Location{},
                        msg("io.spool.read_failed",
                            {arg::text("reason", n < 0 ? std::strerror(errno) : "end of file")}));
        done += static_cast<std::size_t>(n);
    }
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
