// Dataset look-ups (core/model/dataset.h): code -> index maps that cannot go stale.
#include "core/model/dataset.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace maillage;

namespace {

model::Commune commune(const std::string& code, const std::string& bv = "59350") {
    model::Commune c;
    c.code = code;
    c.name = "Commune " + code;
    c.bv = bv;
    return c;
}

model::Bassin bassin(const std::string& code) {
    model::Bassin b;
    b.code = code;
    b.name = "BV " + code;
    return b;
}

} // namespace

class TestDataset : public QObject {
    Q_OBJECT
private slots:
    void lookupsFindCommunesAddedAfterReindex() {
        model::Dataset ds;
        ds.communes = {commune("59350"), commune("59009")};
        ds.bassins = {bassin("59350")};
        ds.reindex();
        ds.communes.push_back(commune("62041", "62041"));
        ds.bassins.push_back(bassin("62041"));
        QCOMPARE(ds.communeIndex("62041"), 2);
        QCOMPARE(ds.bassinIndex("62041"), 1);
        QVERIFY(ds.commune("62041"));
        QCOMPARE(ds.communeIndex("59009"), 1);
    }
    void lookupsWithoutAnyReindexWork() {
        model::Dataset ds;
        ds.communes = {commune("59350"), commune("59009")};
        QCOMPARE(ds.communeIndex("59009"), 1);
        QCOMPARE(ds.communeIndex("99999"), -1);
        QCOMPARE(ds.bassinIndex("59350"), -1);
    }
    void aStaleHitIsNeverReturned() {
        model::Dataset ds;
        ds.communes = {commune("59350"), commune("59009"), commune("59013")};
        ds.reindex();
        std::swap(ds.communes[0], ds.communes[2]); // same size, same storage: reordered in place
        QCOMPARE(ds.communeIndex("59350"), 2);
        QCOMPARE(ds.communeIndex("59013"), 0);
        QCOMPARE(ds.commune("59350")->code, std::string("59350"));
    }
    void listsSortedInPlaceAreReindexed() {
        model::Dataset ds;
        for (int i = 0; i < 100; ++i)
            ds.communes.push_back(commune(std::to_string(10099 - i)));
        ds.reindex();
        std::sort(ds.communes.begin(), ds.communes.end(),
                  [](const model::Commune& a, const model::Commune& b) { return a.code < b.code; });
        for (int i = 0; i < 100; ++i)
            QCOMPARE(ds.communeIndex(std::to_string(10000 + i)), i);
    }
    void replacedListsAreReindexed() {
        model::Dataset ds;
        ds.communes = {commune("59350"), commune("59009")};
        ds.reindex();
        std::vector<model::Commune> other = {commune("62041"), commune("62001")};
        ds.communes = std::move(other);
        QCOMPARE(ds.communeIndex("62001"), 1);
        QCOMPARE(ds.communeIndex("59350"), -1);
    }
    void copiesAndMovesKeepCorrectLookups() {
        model::Dataset ds;
        ds.communes = {commune("59350"), commune("59009")};
        ds.reindex();
        model::Dataset copy = ds;
        copy.communes.push_back(commune("62041"));
        QCOMPARE(copy.communeIndex("62041"), 2);
        QCOMPARE(ds.communeIndex("62041"), -1);
        QCOMPARE(copy.communeIndex("59009"), 1);
        model::Dataset moved = std::move(copy);
        QCOMPARE(moved.communeIndex("62041"), 2);
        model::Dataset assigned;
        assigned = moved;
        QCOMPARE(assigned.communeIndex("59009"), 1);
    }
    void duplicateCodesAreReportedAndTheFirstIsFound() {
        model::Dataset ds;
        ds.communes = {commune("59350"), commune("59009"), commune("59350"), commune("59009"),
                       commune("62041")};
        ds.bassins = {bassin("59350"), bassin("59350")};
        ds.reindex();
        QCOMPARE(ds.duplicateCommuneCodes(), (std::vector<std::string>{"59009", "59350"}));
        QCOMPARE(ds.duplicateBassinCodes(), (std::vector<std::string>{"59350"}));
        QCOMPARE(ds.communeIndex("59350"), 0);
        QCOMPARE(ds.communeIndex("59009"), 1);
        ds.communes.pop_back();
        ds.communes.pop_back();
        ds.communes.pop_back(); // no reindex: the report follows the list
        QVERIFY(ds.duplicateCommuneCodes().empty());
    }
    void aCodeRenamedInPlaceIsNoLongerFoundUnderItsOldName() {
        model::Dataset ds;
        ds.communes = {commune("59350"), commune("59009"), commune("59013")};
        ds.reindex();
        ds.communes[1].code = "62001"; // same size and storage: only the hit tells
        QCOMPARE(ds.communeIndex("59009"), -1);
        QCOMPARE(ds.communeIndex("62001"), 1); // the miss above rebuilt the index
        QCOMPARE(ds.communeIndex("59013"), 2);
    }
    void everyCodeOfANationalSizedListIsFoundAndNoOther() {
        model::Dataset ds;
        for (int i = 0; i < 99999; i += 2) // 50,000 codes, every other one
            ds.communes.push_back(commune(std::to_string(100000 + i).substr(1)));
        ds.reindex();
        int wrong = 0;
        for (int i = 0; i < 99999; ++i) {
            const int expected = i % 2 == 0 ? i / 2 : -1;
            if (ds.communeIndex(std::to_string(100000 + i).substr(1)) != expected)
                ++wrong;
        }
        QCOMPARE(wrong, 0);
        QCOMPARE(ds.communeIndex(""), -1);
        QVERIFY(ds.duplicateCommuneCodes().empty());
    }
    void concurrentLookupsOfAStaleIndexAgree() {
        model::Dataset ds;
        for (int i = 0; i < 2000; ++i)
            ds.communes.push_back(commune(std::to_string(10000 + i)));
        ds.reindex();
        for (int i = 2000; i < 4000; ++i) // stale now: the first look-ups rebuild it, once
            ds.communes.push_back(commune(std::to_string(10000 + i)));
        auto lookUpEverywhere = [&](auto expectedIndex) {
            std::atomic<int> wrong{0};
            std::vector<std::thread> threads;
            for (int t = 0; t < 4; ++t)
                threads.emplace_back([&, t] {
                    for (int i = 0; i < 4000; ++i) {
                        const int k = (i * 7 + t * 1000) % 4000;
                        if (ds.communeIndex(std::to_string(10000 + k)) != expectedIndex(k))
                            ++wrong;
                    }
                });
            for (auto& th : threads)
                th.join();
            return wrong.load();
        };
        QCOMPARE(lookUpEverywhere([](int k) { return k; }), 0);
        // Reordered in place (same size and storage): hits name other codes, the index is rebuilt while
        // other threads read it.
        std::reverse(ds.communes.begin(), ds.communes.end());
        QCOMPARE(lookUpEverywhere([](int k) { return 3999 - k; }), 0);
    }
};

QTEST_APPLESS_MAIN(TestDataset)
#include "test_dataset.moc"
