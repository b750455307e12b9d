#include "core/model/dataset.h"

#include "core/model/code_table.h"

#include <algorithm>
#include <cstdint>

namespace maillage::model {

namespace detail {

//! Positions by code (text::CodePositions: no copy of the codes, 8 bytes a slot) and the codes found twice.
struct CodeIndex::Snapshot {
    text::CodePositions positions;
    std::vector<std::string> duplicates;
    const void* data = nullptr; //!< items.data() and items.size() when built
    std::size_t size = 0;

    //! Indexes the items in order: the first of a code is kept, the others listed in `duplicates`.
    template <typename T> void build(const std::vector<T>& items) {
        positions.reserve(items.size());
        for (std::size_t n = 0; n < items.size(); ++n) {
            if (positions.find(items, items[n].code) >= 0)
                duplicates.push_back(items[n].code);
            else
                positions.add(items, n);
        }
        std::sort(duplicates.begin(), duplicates.end());
        duplicates.erase(std::unique(duplicates.begin(), duplicates.end()), duplicates.end());
        data = items.data();
        size = items.size();
    }
};

CodeIndex::CodeIndex() = default;
CodeIndex::~CodeIndex() = default;
CodeIndex::CodeIndex(const CodeIndex&) {}

CodeIndex& CodeIndex::operator=(const CodeIndex&) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_current.store(nullptr);
    m_snapshots.clear();
    return *this;
}

void CodeIndex::takeFrom(CodeIndex& other) {
    std::scoped_lock lock(m_mutex, other.m_mutex);
    m_snapshots = std::move(other.m_snapshots);
    m_current.store(other.m_current.load());
    other.m_snapshots.clear();
    other.m_current.store(nullptr);
}

CodeIndex::CodeIndex(CodeIndex&& other) noexcept {
    takeFrom(other);
}

CodeIndex& CodeIndex::operator=(CodeIndex&& other) noexcept {
    if (this != &other)
        takeFrom(other);
    return *this;
}

namespace {
template <typename T> bool builtFrom(const void* data, std::size_t size, const std::vector<T>& items) {
    return data == static_cast<const void*>(items.data()) && size == items.size();
}
} // namespace

template <typename T>
const CodeIndex::Snapshot* CodeIndex::refresh(const std::vector<T>& items, const Snapshot* stale) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    const Snapshot* now = m_current.load(std::memory_order_acquire);
    if (now && now != stale && builtFrom(now->data, now->size, items))
        return now; // another thread rebuilt it meanwhile
    auto snapshot = std::make_unique<Snapshot>();
    snapshot->build(items);
    const Snapshot* published = snapshot.get();
    m_snapshots.push_back(std::move(snapshot)); // older ones stay alive for readers still using them
    m_current.store(published, std::memory_order_release);
    return published;
}

template <typename T> const CodeIndex::Snapshot* CodeIndex::current(const std::vector<T>& items) const {
    const Snapshot* s = m_current.load(std::memory_order_acquire);
    if (s && builtFrom(s->data, s->size, items))
        return s;
    return refresh(items, s);
}

template <typename T> void CodeIndex::rebuild(const std::vector<T>& items) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_current.store(nullptr);
        m_snapshots.clear();
    }
    refresh(items, nullptr);
}

template <typename T> int CodeIndex::find(const std::vector<T>& items, const std::string& code) const {
    const Snapshot* s = current(items);
    bool stale = false;
    const int found = s->positions.find(items, code, &stale);
    if (found >= 0 || !stale)
        return found;
    // A slot of that hash named an item with another code now: reordered or edited in place since,
    // rebuild once.
    return refresh(items, s)->positions.find(items, code);
}

template <typename T> std::vector<std::string> CodeIndex::duplicates(const std::vector<T>& items) const {
    return current(items)->duplicates;
}

template int CodeIndex::find(const std::vector<Commune>&, const std::string&) const;
template int CodeIndex::find(const std::vector<Bassin>&, const std::string&) const;

} // namespace detail

void Dataset::reindex() {
    m_communeIndex.rebuild(communes);
    m_bassinIndex.rebuild(bassins);
}

int Dataset::communeIndex(const std::string& code) const {
    return m_communeIndex.find(communes, code);
}

int Dataset::bassinIndex(const std::string& code) const {
    return m_bassinIndex.find(bassins, code);
}

std::vector<std::string> Dataset::duplicateCommuneCodes() const {
    return m_communeIndex.duplicates(communes);
}

std::vector<std::string> Dataset::duplicateBassinCodes() const {
    return m_bassinIndex.duplicates(bassins);
}

const Commune* Dataset::commune(const std::string& code) const {
    const int i = communeIndex(code);
    return i < 0 ? nullptr : &communes[i];
}

const Bassin* Dataset::bassin(const std::string& code) const {
    const int i = bassinIndex(code);
    return i < 0 ? nullptr : &bassins[i];
}

int Dataset::latestVintage() const {
    int latest = meta.vintages.empty() ? 0 : *std::max_element(meta.vintages.begin(), meta.vintages.end());
    if (latest == 0)
        for (const auto& c : counts)
            latest = std::max(latest, c.vintage);
    return latest;
}

namespace {

//! The bassins of `communes` in order of first sight: members, population, name (from `bvNames`, else the
//! main commune's), dep/reg and anchor of the main commune (the commune whose code is the BV code, else the
//! most populous). Its working vectors are gone when it returns.
std::vector<Bassin> bassinsOf(const std::vector<Commune>& communes,
                              const std::map<std::string, std::string>& bvNames) {
    // The bassin of each commune, numbered in order of first sight, and the size of each.
    text::CodeTable number; // bv code -> its number
    std::vector<int> bassinOf(communes.size(), -1);
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < communes.size(); ++i) {
        const std::string& bv = communes[i].bv;
        if (bv.empty())
            continue;
        const int* known = number.find(bv);
        const int n = known ? *known : static_cast<int>(members.size());
        if (!known) {
            number.insert(bv, n);
            members.push_back(0);
        }
        bassinOf[i] = n;
        ++members[static_cast<std::size_t>(n)];
    }
    std::vector<Bassin> built(members.size());
    std::vector<int> mainCommune(members.size(), -1); // index of each bassin's main commune
    for (std::size_t i = 0; i < communes.size(); ++i) {
        if (bassinOf[i] < 0)
            continue;
        const auto n = static_cast<std::size_t>(bassinOf[i]);
        const Commune& c = communes[i];
        Bassin& b = built[n];
        if (b.communes.empty()) {
            b.code = c.bv;
            b.communes.reserve(members[n]);
            mainCommune[n] = static_cast<int>(i);
        } else {
            const Commune& current = communes[static_cast<std::size_t>(mainCommune[n])];
            const bool currentIsNamesake = current.code == c.bv;
            if (c.code == c.bv || (!currentIsNamesake && c.population > current.population))
                mainCommune[n] = static_cast<int>(i);
        }
        b.communes.push_back(c.code);
        b.population += c.population;
    }
    for (std::size_t n = 0; n < built.size(); ++n) {
        Bassin& b = built[n];
        const Commune& main = communes[static_cast<std::size_t>(mainCommune[n])];
        const auto named = bvNames.find(b.code);
        b.name = named != bvNames.end() && !named->second.empty() ? named->second : main.name;
        if (b.name.empty())
            b.name = b.code;
        b.dep = main.dep;
        b.reg = main.reg;
        b.anchor = main.anchor;
    }
    return built;
}

} // namespace

void storeGeometry(Wkb wkb, const std::shared_ptr<WkbStore>& store, Wkb& geometry, SpooledWkb& spooled) {
    std::uint64_t offset = 0;
    if (store && !wkb.empty() && wkb.size() <= UINT32_MAX && store->append(wkb, offset)) {
        spooled = SpooledWkb{store, offset, static_cast<std::uint32_t>(wkb.size())};
        geometry = Wkb();
        return;
    }
    spooled = SpooledWkb{};
    geometry = std::move(wkb);
}

void Dataset::rebuildBassins(const std::map<std::string, std::string>& bvNames) {
    std::map<std::string, std::pair<Wkb, SpooledWkb>> oldGeometry;
    for (auto& b : bassins)
        if (hasGeometry(b))
            oldGeometry[b.code] = {std::move(b.geometry), std::move(b.spooled)};
    std::vector<Bassin> built = bassinsOf(communes, bvNames);
    for (Bassin& b : built) {
        const auto g = oldGeometry.find(b.code);
        if (g != oldGeometry.end()) {
            b.geometry = std::move(g->second.first);
            b.spooled = std::move(g->second.second);
        }
    }
    // Sorted in place (codes are unique): no second vector of bassins.
    std::sort(built.begin(), built.end(), [](const Bassin& a, const Bassin& b) { return a.code < b.code; });
    bassins = std::move(built);
    reindex();
}

} // namespace maillage::model
