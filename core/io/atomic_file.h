#pragma once
// Nothing half-written: outputs go to a temporary file in the target's folder, then replace the target
// in one rename. A crash or an error leaves the previous file (or no file) behind, never a partial one.
// Temporaries are named "<stem>.tmp-<pid>-h<host>-s<start>-…<ext>": SIGTERM/SIGINT remove those of the
// running process (TemporaryGuard), and the next write beside the same target removes those whose process
// is gone (SIGKILL cannot be caught). The host and the process's start time are in the name because a
// folder may be shared between machines (NFS), where a pid says nothing, and because pids are reused.
#include <chrono>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maillage::io {

//! Who writes a temporary: the machine, the process, and when the process started.
struct TemporaryOwner {
    std::string host;             //!< host name, letters and digits only ("" for names of older versions)
    long pid = 0;                 //!< process id on `host`
    unsigned long long start = 0; //!< process start (clock ticks after boot, /proc/<pid>/stat); 0: unknown
};

//! This process on this host.
TemporaryOwner currentOwner();

//! The start time of process `pid` on this host (as TemporaryOwner::start), or 0 when it cannot be read.
unsigned long long processStart(long pid);

//! A temporary path next to `target` (same folder, so rename() is atomic), unique per call, naming its
//! owner (this process by default).
std::string temporaryPathFor(const std::string& target);
std::string temporaryPathFor(const std::string& target, const TemporaryOwner& owner);

//! The owner named by `fileName` when it is one of `target`'s temporaries (their -journal, -wal, -shm
//! too); nullopt otherwise.
std::optional<TemporaryOwner> ownerOfTemporary(const std::string& target, const std::string& fileName);

//! Age past which a temporary is stale whatever its host says (no write takes a day).
inline constexpr std::chrono::hours kStaleTemporaryAge{24};

//! Whether a temporary of `owner`, last written `age` ago, is left over: older than kStaleTemporaryAge,
//! or written on this host (`here`) by a process that is gone (no such pid, or a pid reused by a process
//! that started at another time). Temporaries of other hosts are kept until they are old.
bool isStaleTemporary(const TemporaryOwner& owner, std::chrono::seconds age, const TemporaryOwner& here);

//! Removes the temporaries of `target` (and their -journal, -wal, -shm; a temporary folder with what it
//! holds) that isStaleTemporary says are left over. Returns how many were removed. Errors are ignored:
//! this is housekeeping.
int removeStaleTemporaries(const std::string& target);

//! While alive, `path` and its SQLite companions (-journal, -wal, -shm) are unlinked if the process
//! receives SIGTERM or SIGINT (the signal is then re-raised with its default action, so the exit status
//! still says how the process ended). Up to 16 paths at a time; more are not guarded.
class TemporaryGuard {
public:
    //! `folder` too, once the files are gone ("" = none): it must hold nothing else.
    explicit TemporaryGuard(const std::string& path, const std::string& folder = {});
    ~TemporaryGuard();
    TemporaryGuard(const TemporaryGuard&) = delete;
    TemporaryGuard& operator=(const TemporaryGuard&) = delete;

private:
    int m_slot = -1;
};

//! Checks that `target` can be written the way Maillage writes (a temporary file beside it, then a
//! rename): its folder exists and is writable, and `target` is absent or a regular file. A symbolic link
//! is refused (the rename would replace the link, not the file it points to: give the file's own path),
//! and so are devices (/dev/stdout), folders, pipes and sockets. Throws Error(Write) naming `target`.
void checkOutputPath(const std::string& target);

//! Throws Error(Parameter) naming both when `target` is the same file as one of `inputs` (same path,
//! a hard link or a symbolic link to it; absent files by their canonical path).
void checkOutputIsNoInput(const std::string& target, const std::vector<std::string>& inputs);

//! Renames `temporary` over `target`; throws Error(Write) naming `target` (and removes `temporary`) on
//! failure.
void commitTemporary(const std::string& temporary, const std::string& target);

//! A temporary of `target`'s own file name, in a new folder beside it named as `target`'s temporaries are
//! (removeStaleTemporaries removes it once its process is gone), for a file whose contents name it (a
//! GeoPackage holding a QGIS project with relative layer paths): commit() renames it over `target`
//! (commitTemporary); the folder and whatever is left in it go with the object, and on SIGTERM/SIGINT
//! (TemporaryGuard). Throws Error(Write) naming `target`.
class TemporaryNamesake {
public:
    explicit TemporaryNamesake(const std::string& target);
    ~TemporaryNamesake();
    TemporaryNamesake(const TemporaryNamesake&) = delete;
    TemporaryNamesake& operator=(const TemporaryNamesake&) = delete;
    const std::string& path() const { return m_path; }
    void commit();

private:
    std::string m_target, m_folder, m_path;
    std::unique_ptr<TemporaryGuard> m_guard;
};

//! A file written to its temporary now and put in place by commit(): outputs that go together (a dataset
//! and its report) are all written, or none. Without commit(), the destructor removes the temporary.
class PendingFile {
public:
    //! Writes `content` beside `target`. Throws Error(Write) naming `target`.
    PendingFile(const std::string& target, const std::string& content);
    //! Writes what `write` puts in the stream beside `target`, as it goes (a large output is never held
    //! whole in memory). Throws Error(Write) naming `target`; an exception of `write` removes the temporary
    //! and goes through.
    PendingFile(const std::string& target, const std::function<void(std::ostream&)>& write);
    ~PendingFile();
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;
    //! Renames the temporary over the target (commitTemporary).
    void commit();

private:
    std::string m_target, m_temporary;
    TemporaryGuard m_guard;
    bool m_committed = false;
};

//! Writes `content` to `target` atomically. Throws Error(Write) naming the path and the system's reason.
void writeFileAtomically(const std::string& target, const std::string& content);

} // namespace maillage::io
