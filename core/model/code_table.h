#pragma once
// A small table of codes -> int (professions, the values of a column), looked up once per row of large
// tables: constant-time hashing, no node per entry.
#include "core/model/prefault.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace maillage::text {

//! Constant time: the length and the first and last 8 bytes ("medecin_" ... "neraliste"), which tell the
//! codes of a catalogue apart; a collision only costs a probe.
inline std::size_t codeHash(const std::string& key) {
    const std::size_t n = key.size();
    std::uint64_t head = 0, tail = 0;
    if (n >= 8) {
        std::memcpy(&head, key.data(), 8);
        std::memcpy(&tail, key.data() + n - 8, 8);
    } else {
        for (unsigned char c : key)
            head = (head << 8) | c;
    }
    std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ ((tail + n) * 0xC2B2AE3D27D4EB4Full);
    h ^= h >> 29;
    return static_cast<std::size_t>(h * 0xBF58476D1CE4E5B9ull ^ (h >> 32));
}

//! Codes -> int (a few dozen professions, a few thousand bassins). libstdc++'s unordered_map scans small maps
//! linearly with a string compare per entry, which cost most of the national aggregation (300k look-ups among
//! ~20 professions): this is one constant-time hash and, on a hit, one compare.
class CodeTable {
public:
    CodeTable() : m_slots(64, -1) {}
    const int* find(const std::string& key) const {
        for (std::size_t s = codeHash(key) & mask();; s = (s + 1) & mask()) {
            const int e = m_slots[s];
            if (e < 0)
                return nullptr;
            if (m_entries[static_cast<std::size_t>(e)].first == key)
                return &m_entries[static_cast<std::size_t>(e)].second;
        }
    }
    void insert(const std::string& key, int value) {
        if (find(key))
            return;
        if ((m_entries.size() + 1) * 2 > m_slots.size())
            grow();
        m_entries.emplace_back(key, value);
        place(m_entries.size() - 1);
    }

private:
    std::size_t mask() const { return m_slots.size() - 1; }
    void place(std::size_t entry) {
        std::size_t s = codeHash(m_entries[entry].first) & mask();
        while (m_slots[s] >= 0)
            s = (s + 1) & mask();
        m_slots[s] = static_cast<int>(entry);
    }
    void grow() {
        m_slots.assign(m_slots.size() * 2, -1);
        for (std::size_t e = 0; e < m_entries.size(); ++e)
            place(e);
    }
    std::vector<int> m_slots; // power-of-two size, at most half full
    std::vector<std::pair<std::string, int>> m_entries;
};

//! Positions in a vector of items with a `code` member (communes, bassins), by code, with no copy of the
//! codes (they are read from the items): 8 bytes a slot, at most two thirds full, where a map of strings
//! takes a 64-byte node per code (2.3 MB for the 35,000 communes of France, 0.5 MB here).
class CodePositions {
public:
    //! Room for `n` codes without growing.
    void reserve(std::size_t n) {
        std::size_t length = 8;
        while (length < n + n / 2 + 1)
            length *= 2;
        if (length > m_table.size())
            resize(length);
    }

    //! Position of `code` in `items`, -1 when absent. `stale`, when given, is set when a slot of that hash
    //! names an item whose code hashes otherwise now (the items were reordered or edited in place since).
    template <typename T>
    int find(const std::vector<T>& items, const std::string& code, bool* stale = nullptr) const {
        if (m_table.empty())
            return -1;
        const std::uint32_t hash = fold(codeHash(code));
        const std::size_t mask = m_table.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& slot = m_table[i];
            if (slot.position == 0)
                return -1;
            if (slot.hash != hash)
                continue;
            const std::size_t at = slot.position - 1;
            if (at < items.size() && items[at].code == code)
                return static_cast<int>(at);
            if (stale && (at >= items.size() || fold(codeHash(items[at].code)) != hash))
                *stale = true; // else two codes sharing a hash: look further
        }
    }

    //! Records the position of items[at], whose code must have none yet.
    template <typename T> void add(const std::vector<T>& items, std::size_t at) {
        reserve(m_count + 1);
        place({fold(codeHash(items[at].code)), static_cast<std::uint32_t>(at + 1)});
        ++m_count;
    }

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t position = 0; //!< position + 1 in the items; 0: an empty slot
    };
    static std::uint32_t fold(std::size_t h) {
        return static_cast<std::uint32_t>(h ^ (static_cast<std::uint64_t>(h) >> 32));
    }
    void place(const Slot& slot) {
        const std::size_t mask = m_table.size() - 1;
        std::size_t i = slot.hash & mask;
        while (m_table[i].position != 0)
            i = (i + 1) & mask;
        m_table[i] = slot;
    }
    void resize(std::size_t length) {
        std::vector<Slot> old;
        old.reserve(length);
        memory::prefaultCapacity(old); // zeroed next: mapped at once
        old.resize(length);
        old.swap(m_table);
        for (const Slot& slot : old)
            if (slot.position != 0)
                place(slot);
    }
    std::vector<Slot> m_table; //!< a power of two long
    std::size_t m_count = 0;
};

} // namespace maillage::text
