#pragma once
// A small table of codes -> int (professions, the values of a column), looked up once per row of large
// tables: constant-time hashing, no node per entry.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace maillage::text {

//! Codes -> int (a few dozen professions, a few thousand bassins). libstdc++'s unordered_map scans small maps
//! linearly with a string compare per entry, which cost most of the national aggregation (300k look-ups among
//! ~20 professions): this is one constant-time hash and, on a hit, one compare.
class CodeTable {
public:
    CodeTable() : m_slots(64, -1) {}
    const int* find(const std::string& key) const {
        for (std::size_t s = hash(key) & mask();; s = (s + 1) & mask()) {
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
    // Constant time: the length and the first and last 8 bytes ("medecin_" ... "neraliste"), which tell
    // the codes of a catalogue apart; a collision only costs a probe.
    static std::size_t hash(const std::string& key) {
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
    std::size_t mask() const { return m_slots.size() - 1; }
    void place(std::size_t entry) {
        std::size_t s = hash(m_entries[entry].first) & mask();
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

} // namespace maillage::text
