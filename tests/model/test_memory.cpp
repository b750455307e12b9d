// memory::prefault(): the pages of a block mapped before its first writes, its contents unchanged.
#include "core/model/prefault.h"

#include <QtTest>

#include <cstdint>
#include <numeric>

#include <sys/mman.h>
#include <unistd.h>

using namespace maillage;

namespace {

//! A private anonymous mapping of `pages` pages, none mapped yet; unmapped at the end.
struct FreshPages {
    explicit FreshPages(std::size_t pages)
        : page(static_cast<std::size_t>(sysconf(_SC_PAGESIZE))), size(pages * page),
          data(static_cast<char*>(
              mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))) {}
    ~FreshPages() {
        if (data != MAP_FAILED)
            munmap(data, size);
    }
    //! Which pages are mapped now (mincore).
    std::vector<bool> mapped() const {
        std::vector<unsigned char> v(size / page);
        if (mincore(data, size, v.data()) != 0)
            return {};
        std::vector<bool> out;
        for (unsigned char c : v)
            out.push_back(c & 1);
        return out;
    }
    std::size_t page, size;
    char* data;
};

bool kernelPrefaults() {
#ifdef MADV_POPULATE_WRITE
    FreshPages probe(1);
    return probe.data != MAP_FAILED && madvise(probe.data, probe.page, MADV_POPULATE_WRITE) == 0;
#else
    return false;
#endif
}

} // namespace

class TestMemory : public QObject {
    Q_OBJECT
private slots:
    void prefaultMapsTheWholePagesOfABlockBeforeItsFirstWrite() {
        if (!kernelPrefaults())
            QSKIP("this kernel has no MADV_POPULATE_WRITE (Linux 5.14)");
        FreshPages pages(64);
        QVERIFY(pages.data != MAP_FAILED);
        const std::vector<bool> before = pages.mapped();
        QCOMPARE(before.size(), std::size_t(64));
        QCOMPARE(std::count(before.begin(), before.end(), true), 0L);
        // A block starting inside the first page and ending inside the last: only the pages it holds whole.
        memory::prefault(pages.data + 100, pages.size - 200);
        const std::vector<bool> after = pages.mapped();
        QVERIFY(!after.front());
        QVERIFY(!after.back());
        QCOMPARE(std::count(after.begin() + 1, after.end() - 1, true), 62L);
    }

    void blocksUnder64KiBAreLeftToTheirWrites() {
        FreshPages pages(64);
        memory::prefault(pages.data, 64 * 1024 - 1);
        const std::vector<bool> after = pages.mapped();
        QCOMPARE(std::count(after.begin(), after.end(), true), 0L);
        memory::prefault(nullptr, 1 << 20); // nothing to do, no crash
    }

    void prefaultLeavesAVectorsElementsAndCapacityAsTheyWere() {
        std::vector<std::int64_t> v(1000);
        std::iota(v.begin(), v.end(), 1);
        v.reserve(200000);
        const auto* data = v.data();
        memory::prefaultCapacity(v);
        QCOMPARE(v.size(), std::size_t(1000));
        QCOMPARE(v.capacity(), std::size_t(200000));
        QCOMPARE(v.data(), data);
        QCOMPARE(std::accumulate(v.begin(), v.end(), std::int64_t(0)), std::int64_t(1000) * 1001 / 2);
        std::vector<int> empty;
        memory::prefaultCapacity(empty); // no block at all
        QVERIFY(empty.empty());
    }
};

QTEST_APPLESS_MAIN(TestMemory)
#include "test_memory.moc"
