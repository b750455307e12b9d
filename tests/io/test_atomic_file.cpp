// Atomic outputs: core/io/atomic_file.h (temporaries, their clean-up, the checks of an output path).
#include "core/io/atomic_file.h"
#include "core/model/error.h"
#include "testing.h"

#include <QObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <stdexcept>

using namespace maillage;
using maillage::testing::q;
namespace fs = std::filesystem;

namespace {

//! A pid that no process of this host has: a child that has exited and been reaped.
long deadPid() {
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return static_cast<long>(child);
}

//! Creates the file of a temporary of `target` written by `owner`; returns its path.
std::string touchTemporary(const std::string& target, const io::TemporaryOwner& owner) {
    const std::string path = io::temporaryPathFor(target, owner);
    std::ofstream(path) << "partial";
    return path;
}

template <typename F> std::optional<Error> errorOf(F&& f) {
    return maillage::testing::thrown<Error>(std::forward<F>(f));
}

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string target() const { return m_dir.filePath(QStringLiteral("dataset.gpkg")).toStdString(); }
    int fileCount() const {
        int n = 0;
        for ([[maybe_unused]] const auto& entry : fs::directory_iterator(m_dir.path().toStdString()))
            ++n;
        return n;
    }
    static std::string slurp(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }

private slots:
    void init() {
        for (const auto& entry : fs::directory_iterator(m_dir.path().toStdString()))
            fs::remove_all(entry.path());
    }

    void aTemporaryNamesItsHostProcessAndStartTime() {
        const io::TemporaryOwner here = io::currentOwner();
        QVERIFY(!here.host.empty());
        QCOMPARE(here.pid, static_cast<long>(::getpid()));
        QVERIFY(here.start > 0);
        const std::string path = io::temporaryPathFor(target());
        QVERIFY(q(path).endsWith(QStringLiteral(".gpkg"))); // GDAL picks drivers from the extension
        const auto owner = io::ownerOfTemporary(target(), fs::path(path).filename().string());
        QVERIFY(owner);
        QCOMPARE(q(owner->host), q(here.host));
        QCOMPARE(owner->pid, here.pid);
        QCOMPARE(owner->start, here.start);
        QVERIFY(!io::ownerOfTemporary(target(), "dataset.gpkg"));
        QVERIFY(!io::ownerOfTemporary(target(), "other.tmp-12-h" + here.host + "-s1-2-3.gpkg"));
    }

    void aTemporaryOfAnotherHostIsKeptWhateverItsPidIsHere() {
        const io::TemporaryOwner elsewhere{"anothermachine", deadPid(), 4242};
        const std::string path = touchTemporary(target(), elsewhere);
        QCOMPARE(io::removeStaleTemporaries(target()), 0);
        QVERIFY(fs::exists(path));
    }

    void aTemporaryOfADeadProcessOfThisHostIsRemoved() {
        const io::TemporaryOwner gone{io::currentOwner().host, deadPid(), 4242};
        const std::string path = touchTemporary(target(), gone);
        std::ofstream(path + "-journal") << "partial";
        QCOMPARE(io::removeStaleTemporaries(target()), 2);
        QVERIFY(!fs::exists(path));
        QVERIFY(!fs::exists(path + "-journal"));
    }

    void aReusedPidIsToldByItsStartTime() {
        const long parent = static_cast<long>(::getppid()); // alive while this test runs
        const unsigned long long start = io::processStart(parent);
        if (start == 0)
            QSKIP("/proc/<pid>/stat is not readable here");
        const std::string host = io::currentOwner().host;
        const std::string reused = touchTemporary(target(), {host, parent, start + 1});
        const std::string alive = touchTemporary(target(), {host, parent, start});
        QCOMPARE(io::removeStaleTemporaries(target()), 1);
        QVERIFY(!fs::exists(reused));
        QVERIFY(fs::exists(alive));
    }

    void anOldTemporaryIsRemovedWhateverItsHost() {
        const std::string old = touchTemporary(target(), {"anothermachine", 123, 4242});
        fs::last_write_time(old, fs::file_time_type::clock::now() - std::chrono::hours(48));
        const std::string recent = touchTemporary(target(), {"anothermachine", 123, 4242});
        QCOMPARE(io::removeStaleTemporaries(target()), 1);
        QVERIFY(!fs::exists(old));
        QVERIFY(fs::exists(recent));
    }

    // A file whose contents name it (a GeoPackage with its QGIS project) is written under its own name in a
    // folder beside the target named as a temporary, and renamed over the target at commit; the folder goes.
    void aNamesakeIsRenamedOverTheTargetAndItsFolderGoes() {
        std::ofstream(target()) << "old";
        std::string folder;
        {
            io::TemporaryNamesake file(target());
            QCOMPARE(q(fs::path(file.path()).filename().string()), QStringLiteral("dataset.gpkg"));
            folder = fs::path(file.path()).parent_path().string();
            QVERIFY(fs::is_directory(folder));
            QCOMPARE(q(fs::path(folder).parent_path().string()),
                     q(fs::absolute(m_dir.path().toStdString()).string()));
            QVERIFY(io::ownerOfTemporary(target(), fs::path(folder).filename().string()));
            std::ofstream(file.path()) << "new";
            std::ofstream(file.path() + "-journal") << "left";
            QCOMPARE(io::removeStaleTemporaries(target()), 0); // this process's own: kept
            file.commit();
        }
        QVERIFY(!fs::exists(folder));
        std::string text;
        std::ifstream(target()) >> text;
        QCOMPARE(q(text), QStringLiteral("new"));
    }

    void aNamesakeNotCommittedLeavesTheTargetAsItWas() {
        std::ofstream(target()) << "old";
        {
            io::TemporaryNamesake file(target());
            std::ofstream(file.path()) << "half";
        }
        QCOMPARE(std::distance(fs::directory_iterator(m_dir.path().toStdString()), fs::directory_iterator()),
                 std::ptrdiff_t(1));
        std::string text;
        std::ifstream(target()) >> text;
        QCOMPARE(q(text), QStringLiteral("old"));
    }

    void theTemporaryFolderOfADeadProcessIsRemovedWithWhatItHolds() {
        const io::TemporaryOwner gone{io::currentOwner().host, deadPid(), 4242};
        std::string folder = io::temporaryPathFor(target(), gone);
        folder.erase(folder.size() - std::string(".gpkg").size());
        fs::create_directory(folder);
        std::ofstream(folder + "/dataset.gpkg") << "partial";
        QCOMPARE(io::removeStaleTemporaries(target()), 1);
        QVERIFY(!fs::exists(folder));
    }

    void theTemporariesOfThisProcessAreKept() {
        const std::string mine = touchTemporary(target(), io::currentOwner());
        QCOMPARE(io::removeStaleTemporaries(target()), 0);
        QVERIFY(fs::exists(mine));
    }

    void temporariesOfOlderVersionsAreJudgedByTheirPid() {
        const std::string stem = m_dir.filePath(QStringLiteral("dataset")).toStdString();
        const std::string dead = stem + ".tmp-" + std::to_string(deadPid()) + "-123-0.gpkg";
        const std::string mine = stem + ".tmp-" + std::to_string(::getpid()) + "-123-1.gpkg";
        std::ofstream(dead) << "partial";
        std::ofstream(mine) << "partial";
        QCOMPARE(io::removeStaleTemporaries(target()), 1);
        QVERIFY(!fs::exists(dead));
        QVERIFY(fs::exists(mine));
    }

    void staleDecisionFollowsHostPidAndAge() {
        const io::TemporaryOwner here{"thishost", static_cast<long>(::getpid()), 100};
        const auto fresh = std::chrono::seconds(60);
        const auto old = std::chrono::seconds(2 * 24 * 3600);
        QVERIFY(!io::isStaleTemporary({"otherhost", deadPid(), 1}, fresh, here));
        QVERIFY(!io::isStaleTemporary({"otherhost", static_cast<long>(::getppid()), 5}, fresh, here));
        QVERIFY(io::isStaleTemporary({"otherhost", static_cast<long>(::getpid()), 100}, old, here));
        QVERIFY(io::isStaleTemporary({"thishost", deadPid(), 1}, fresh, here));
        QVERIFY(!io::isStaleTemporary(here, fresh, here));
        QVERIFY(io::isStaleTemporary({"thishost", here.pid, 99}, fresh, here)); // our pid, before us
    }

    void aStreamedFileAppearsWholeOnCommitOnly() {
        const std::string path = target();
        std::ofstream(path) << "previous";
        {
            io::PendingFile pending(path, [](std::ostream& out) {
                for (int i = 0; i < 1000; ++i)
                    out << "row " << i << "\n";
            });
            QCOMPARE(slurp(path), std::string("previous")); // not committed yet
            pending.commit();
        }
        const std::string written = slurp(path);
        QCOMPARE(written.substr(0, 6), std::string("row 0\n"));
        QCOMPARE(written.size(), std::size_t(1000 * 5 + 10 * 1 + 90 * 2 + 900 * 3));
        QCOMPARE(fileCount(), 1);
    }
    void aWriterThatFailsLeavesThePreviousFileAndNoTemporary() {
        const std::string path = target();
        std::ofstream(path) << "previous";
        bool thrown = false;
        try {
            io::PendingFile pending(path, [](std::ostream& out) {
                out << "half";
                throw std::runtime_error("writer failed");
            });
        } catch (const std::runtime_error&) {
            thrown = true;
        }
        QVERIFY(thrown);
        QCOMPARE(slurp(path), std::string("previous"));
        QCOMPARE(fileCount(), 1);
    }

    void outputErrorsAreWordedInFrench() {
        const std::string folder = m_dir.path().toStdString();
        const auto e = errorOf([&] { io::checkOutputPath(folder); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Write);
        QCOMPARE(q(e->what()), q(folder) + QStringLiteral(": is a folder, expected a file name"));
        QCOMPARE(q(e->describe(Language::Fr)),
                 q(folder) + QStringLiteral("\u00a0: est un dossier, nom de fichier attendu"));
        const auto missing = errorOf([&] { io::checkOutputPath(folder + "/absent/out.gpkg"); });
        QVERIFY(missing);
        QCOMPARE(q(missing->describe(Language::Fr, PathStyle::FileName)),
                 QStringLiteral("out.gpkg\u00a0: son dossier absent n'existe pas"));
    }
};

QTEST_APPLESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
