#include "core/model/dataset.h"

#include "core/model/code_table.h"

#include <algorithm>

namespace maillage::model {

namespace detail {

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
    snapshot->map.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!snapshot->map.emplace(items[i].code, static_cast<int>(i)).second)
            snapshot->duplicates.push_back(items[i].code);
    std::sort(snapshot->duplicates.begin(), snapshot->duplicates.end());
    snapshot->duplicates.erase(std::unique(snapshot->duplicates.begin(), snapshot->duplicates.end()),
                               snapshot->duplicates.end());
    snapshot->data = items.data();
    snapshot->size = items.size();
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
    auto it = s->map.find(code);
    if (it != s->map.end() && items[static_cast<std::size_t>(it->second)].code != code) {
        s = refresh(items, s); // reordered or edited in place since: rebuild once
        it = s->map.find(code);
    }
    if (it == s->map.end() || items[static_cast<std::size_t>(it->second)].code != code)
        return -1;
    return it->second;
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

void Dataset::rebuildBassins(const std::map<std::string, std::string>& bvNames) {
    std::map<std::string, Wkb> oldGeometry;
    for (auto& b : bassins)
        if (!b.geometry.empty())
            oldGeometry[b.code] = std::move(b.geometry);
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
    std::vector<std::size_t> byCode(built.size());
    for (std::size_t n = 0; n < byCode.size(); ++n)
        byCode[n] = n;
    std::sort(byCode.begin(), byCode.end(),
              [&](std::size_t a, std::size_t b) { return built[a].code < built[b].code; });
    bassins.clear();
    bassins.reserve(built.size());
    for (const std::size_t n : byCode) {
        Bassin& b = built[n];
        const Commune& main = communes[static_cast<std::size_t>(mainCommune[n])];
        const auto named = bvNames.find(b.code);
        b.name = named != bvNames.end() && !named->second.empty() ? named->second : main.name;
        if (b.name.empty())
            b.name = b.code;
        b.dep = main.dep;
        b.reg = main.reg;
        b.anchor = main.anchor;
        const auto g = oldGeometry.find(b.code);
        if (g != oldGeometry.end())
            b.geometry = std::move(g->second);
        bassins.push_back(std::move(b));
    }
    reindex();
}

} // namespace maillage::model
