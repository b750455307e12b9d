#include "core/io/atomic_file.h"

#include "core/model/error.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits.h>
#include <mutex>
#include <signal.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace maillage::io {

namespace {

const char* const kCompanions[] = {"", "-journal", "-wal", "-shm"};

//! "<folder>/<stem>" and "<ext>" of a target: the extension stays last (GDAL picks drivers from it).
std::pair<std::string, std::string> splitExtension(const std::string& target) {
    const auto slash = target.find_last_of('/');
    const auto dot = target.find_last_of('.');
    const bool hasExt = dot != std::string::npos && (slash == std::string::npos || dot > slash);
    return {hasExt ? target.substr(0, dot) : target, hasExt ? target.substr(dot) : std::string()};
}

// Paths guarded against SIGTERM/SIGINT. The handler reads them without locks: a slot's path is written
// before its `used` flag is set (release), and read only when the flag is set (acquire).
constexpr int kSlots = 16;
constexpr std::size_t kPathMax = PATH_MAX + 16;
constexpr int kCompanionCount = 4;
struct Slot {
    std::atomic<bool> used{false};
    char path[kCompanionCount][kPathMax];
    char folder[kPathMax]; //!< removed once the files are ("" = none)
};
Slot g_slots[kSlots];
std::mutex g_slotsMutex; // registration only, never taken by the handler

extern "C" void removeGuardedOnSignal(int sig) {
    // Async-signal-safe only: unlink, rmdir, signal, raise. Folders last: the files in them go first.
    for (auto& slot : g_slots)
        if (slot.used.load(std::memory_order_acquire))
            for (auto& p : slot.path)
                if (p[0])
                    ::unlink(p);
    for (auto& slot : g_slots)
        if (slot.used.load(std::memory_order_acquire) && slot.folder[0])
            ::rmdir(slot.folder);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void installSignalHandlers() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int sig : {SIGTERM, SIGINT}) {
            struct sigaction current {};
            if (::sigaction(sig, nullptr, &current) != 0 || current.sa_handler == SIG_IGN)
                continue; // a process started with SIGINT ignored (nohup, background job) keeps it so
            struct sigaction sa {};
            sa.sa_handler = removeGuardedOnSignal;
            sigemptyset(&sa.sa_mask);
            ::sigaction(sig, &sa, nullptr);
        }
    });
}

//! The host name, letters and digits only (a separator-free token of the file name).
std::string hostToken() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0)
        return "unknown";
    std::string out;
    for (const char* c = name; *c && out.size() < 64; ++c)
        if (std::isalnum(static_cast<unsigned char>(*c)))
            out += *c;
    return out.empty() ? std::string("unknown") : out;
}

bool allDigits(const std::string& s) {
    return !s.empty() && s.size() < 19 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

//! Tokens of `s` between '-'.
std::vector<std::string> dashTokens(const std::string& s) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == '-')
            out.emplace_back();
        else
            out.back() += c;
    }
    return out;
}

//! Whether process `pid` of this host exists (EPERM: it does, another user's).
bool processExists(long pid) {
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
}

} // namespace

unsigned long long processStart(long pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Field 22, counted after the command name, which is in parentheses and may hold spaces.
    const auto close = stat.rfind(')');
    if (close == std::string::npos)
        return 0;
    std::istringstream fields(stat.substr(close + 1));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i)
        if (i == 22)
            return allDigits(field) ? std::stoull(field) : 0;
    return 0;
}

TemporaryOwner currentOwner() {
    static const TemporaryOwner owner{hostToken(), static_cast<long>(::getpid()), processStart(::getpid())};
    return owner;
}

std::string temporaryPathFor(const std::string& target) {
    return temporaryPathFor(target, currentOwner());
}

std::string temporaryPathFor(const std::string& target, const TemporaryOwner& owner) {
    static std::atomic<unsigned> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    const auto [stem, ext] = splitExtension(target);
    return stem + ".tmp-" + std::to_string(owner.pid) + "-h" + owner.host + "-s" +
           std::to_string(owner.start) + "-" + std::to_string(stamp % 1000000) + "-" +
           std::to_string(counter++) + ext;
}

std::optional<TemporaryOwner> ownerOfTemporary(const std::string& target, const std::string& fileName) {
    namespace fs = std::filesystem;
    const std::string prefix = fs::path(splitExtension(target).first).filename().string() + ".tmp-";
    if (fileName.rfind(prefix, 0) != 0)
        return std::nullopt;
    const std::vector<std::string> t = dashTokens(fileName.substr(prefix.size()));
    // "<pid>-h<host>-s<start>-<stamp>-<counter><ext>", or "<pid>-<stamp>-<counter><ext>" (older versions:
    // written on this host, start unknown).
    if (t.size() < 3 || !allDigits(t[0]) || std::stol(t[0]) <= 0)
        return std::nullopt;
    TemporaryOwner owner;
    owner.pid = std::stol(t[0]);
    if (t.size() >= 5 && t[1].size() > 1 && t[1][0] == 'h' && t[2].size() > 1 && t[2][0] == 's' &&
        allDigits(t[2].substr(1))) {
        owner.host = t[1].substr(1);
        owner.start = std::stoull(t[2].substr(1));
    } else {
        owner.host = currentOwner().host;
    }
    return owner;
}

bool isStaleTemporary(const TemporaryOwner& owner, std::chrono::seconds age, const TemporaryOwner& here) {
    if (age > kStaleTemporaryAge)
        return true;
    if (owner.host != here.host)
        return false; // its pid means nothing here: wait until it is old
    if (owner.pid == here.pid)
        return owner.start != 0 && here.start != 0 && owner.start != here.start;
    if (!processExists(owner.pid))
        return true;
    const unsigned long long start = owner.start ? processStart(owner.pid) : 0;
    return start != 0 && start != owner.start; // the pid now belongs to another process
}

int removeStaleTemporaries(const std::string& target) {
    namespace fs = std::filesystem;
    const fs::path stem(splitExtension(target).first);
    const fs::path folder = stem.has_parent_path() ? stem.parent_path() : fs::path(".");
    const TemporaryOwner here = currentOwner();
    const auto now = fs::file_time_type::clock::now();
    int removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const auto owner = ownerOfTemporary(target, it->path().filename().string());
        std::error_code status;
        if (!owner || it->is_symlink(status))
            continue;
        const auto written = fs::last_write_time(it->path(), status);
        const auto age = status ? std::chrono::seconds(0)
                                : std::chrono::duration_cast<std::chrono::seconds>(now - written);
        std::error_code rm;
        if (isStaleTemporary(*owner, age, here) && fs::remove_all(it->path(), rm) > 0) // a file or a folder
            ++removed;
    }
    return removed;
}

TemporaryGuard::TemporaryGuard(const std::string& path, const std::string& folder) {
    if (path.size() + 16 >= kPathMax || folder.size() + 1 >= kPathMax)
        return;
    installSignalHandlers();
    std::lock_guard<std::mutex> lock(g_slotsMutex);
    for (int i = 0; i < kSlots; ++i) {
        Slot& slot = g_slots[i];
        if (slot.used.load(std::memory_order_relaxed))
            continue;
        for (int k = 0; k < kCompanionCount; ++k)
            std::snprintf(slot.path[k], kPathMax, "%s%s", path.c_str(), kCompanions[k]);
        std::snprintf(slot.folder, kPathMax, "%s", folder.c_str());
        slot.used.store(true, std::memory_order_release);
        m_slot = i;
        return;
    }
}

TemporaryGuard::~TemporaryGuard() {
    if (m_slot < 0)
        return;
    std::lock_guard<std::mutex> lock(g_slotsMutex);
    g_slots[m_slot].used.store(false, std::memory_order_release);
}

void checkOutputPath(const std::string& target) {
    namespace fs = std::filesystem;
    const auto fail = [&](Message why) { throw Error(ErrorKind::Write, Location{target}, std::move(why)); };
    if (target.empty())
        throw Error(ErrorKind::Write, Location{}, msg("io.output.none"));
    std::error_code ec;
    const auto status = fs::symlink_status(target, ec);
    if (status.type() == fs::file_type::symlink)
        fail(msg("io.output.symlink"));
    if (status.type() == fs::file_type::directory)
        fail(msg("io.output.folder"));
    if (status.type() != fs::file_type::not_found && status.type() != fs::file_type::regular)
        fail(msg("io.output.special_file"));
    const fs::path parent = fs::path(target).has_parent_path() ? fs::path(target).parent_path() : ".";
    const auto folder = fs::status(parent, ec);
    if (folder.type() == fs::file_type::not_found)
        fail(msg("io.output.no_folder", {arg::path("folder", parent.string())}));
    if (folder.type() != fs::file_type::directory)
        fail(msg("io.output.parent_not_folder", {arg::path("folder", parent.string())}));
    if (::access(parent.c_str(), W_OK | X_OK) != 0)
        fail(msg("io.output.folder_not_writable",
                 {arg::path("folder", parent.string()), arg::text("reason", std::strerror(errno))}));
}

void checkOutputIsNoInput(const std::string& target, const std::vector<std::string>& inputs) {
    for (const auto& input : inputs) {
        if (input.empty())
            continue;
        std::error_code ec, ecTarget, ecInput;
        const auto canonicalTarget = std::filesystem::weakly_canonical(target, ecTarget);
        const auto canonicalInput = std::filesystem::weakly_canonical(input, ecInput);
        // Two failed look-ups both give an empty path: equal, but they say nothing.
        const bool same = (std::filesystem::equivalent(target, input, ec) && !ec) ||
                          (!ecTarget && !ecInput && canonicalTarget == canonicalInput);
        if (same)
            throw Error(ErrorKind::Parameter, Location{target},
                        msg("io.output.is_input", {arg::path("input", input)}));
    }
}

namespace {

//! Flushes a file (or folder) to the disk, so that a crash after the rename never leaves an empty file.
void syncToDisk(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

void commitTemporary(const std::string& temporary, const std::string& target) {
    syncToDisk(temporary);
    if (std::rename(temporary.c_str(), target.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(temporary.c_str());
        throw Error(ErrorKind::Write, {target, 0, "", -1},
                    msg("io.output.cannot_replace", {arg::text("reason", reason)}));
    }
    const std::filesystem::path folder = std::filesystem::path(target).parent_path();
    syncToDisk(folder.empty() ? std::string(".") : folder.string()); // the rename itself
}

TemporaryNamesake::TemporaryNamesake(const std::string& target) : m_target(target) {
    checkOutputPath(target);
    removeStaleTemporaries(target);
    // An absolute path: QGIS writes the project's layer paths relative to the file's folder only then. The
    // folder is named as a temporary of `target` is ("out.tmp-<pid>-..."): one left by a killed process
    // is removed by the next write.
    std::error_code ec;
    const std::filesystem::path t = std::filesystem::absolute(target, ec);
    m_folder = splitExtension(temporaryPathFor(t.string())).first;
    if (::mkdir(m_folder.c_str(), 0700) != 0)
        throw Error(ErrorKind::Write, {target, 0, "", -1},
                    msg("io.output.cannot_create", {arg::text("reason", std::strerror(errno))}));
    m_path = (std::filesystem::path(m_folder) / t.filename()).string();
    m_guard = std::make_unique<TemporaryGuard>(m_path, m_folder);
}

TemporaryNamesake::~TemporaryNamesake() {
    m_guard.reset();
    std::error_code ec;
    std::filesystem::remove_all(m_folder, ec);
}

void TemporaryNamesake::commit() {
    commitTemporary(m_path, m_target);
}

namespace {

//! `target`'s folder checked and cleaned of dead temporaries, then its new temporary path.
std::string preparedTemporary(const std::string& target) {
    checkOutputPath(target);
    removeStaleTemporaries(target);
    return temporaryPathFor(target);
}

} // namespace

PendingFile::PendingFile(const std::string& target, const std::string& content)
    : PendingFile(target, [&content](std::ostream& out) {
          out.write(content.data(), static_cast<std::streamsize>(content.size()));
      }) {}

PendingFile::PendingFile(const std::string& target, const std::function<void(std::ostream&)>& write)
    : m_target(target), m_temporary(preparedTemporary(target)), m_guard(m_temporary) {
    std::ofstream out(m_temporary, std::ios::binary | std::ios::trunc);
    if (!out)
        throw Error(ErrorKind::Write, {target, 0, "", -1},
                    msg("io.output.cannot_create", {arg::text("reason", std::strerror(errno))}));
    try {
        write(out);
    } catch (...) {
        out.close();
        std::remove(m_temporary.c_str());
        throw;
    }
    out.flush();
    if (!out) {
        const std::string reason = std::strerror(errno);
        out.close();
        std::remove(m_temporary.c_str());
        throw Error(ErrorKind::Write, {target, 0, "", -1},
                    msg("io.output.cannot_write", {arg::text("reason", reason)}));
    }
}

PendingFile::~PendingFile() {
    if (!m_committed)
        std::remove(m_temporary.c_str());
}

void PendingFile::commit() {
    m_committed = true; // commitTemporary removes the temporary itself on failure
    commitTemporary(m_temporary, m_target);
}

void writeFileAtomically(const std::string& target, const std::string& content) {
    PendingFile(target, content).commit();
}

} // namespace maillage::io
