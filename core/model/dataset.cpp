#include "core/model/dataset.h"

#include <algorithm>

namespace maillage::model {

void Dataset::reindex() {
    m_communeIndex.clear();
    m_bassinIndex.clear();
    m_communeIndex.reserve(communes.size());
    m_bassinIndex.reserve(bassins.size());
    for (std::size_t i = 0; i < communes.size(); ++i)
        m_communeIndex.emplace(communes[i].code, static_cast<int>(i));
    for (std::size_t i = 0; i < bassins.size(); ++i)
        m_bassinIndex.emplace(bassins[i].code, static_cast<int>(i));
}

int Dataset::communeIndex(const std::string& code) const {
    const auto it = m_communeIndex.find(code);
    return it == m_communeIndex.end() ? -1 : it->second;
}

int Dataset::bassinIndex(const std::string& code) const {
    const auto it = m_bassinIndex.find(code);
    return it == m_bassinIndex.end() ? -1 : it->second;
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
    std::map<std::string, Bassin> byCode;
    std::map<std::string, Wkb> oldGeometry;
    for (auto& b : bassins)
        if (!b.geometry.empty())
            oldGeometry[b.code] = std::move(b.geometry);
    std::map<std::string, int> mainCommune; // bv -> index of its main commune
    for (std::size_t i = 0; i < communes.size(); ++i) {
        const Commune& c = communes[i];
        if (c.bv.empty())
            continue;
        Bassin& b = byCode[c.bv];
        b.code = c.bv;
        b.communes.push_back(c.code);
        b.population += c.population;
        auto it = mainCommune.find(c.bv);
        if (it == mainCommune.end()) {
            mainCommune[c.bv] = static_cast<int>(i);
        } else {
            const Commune& current = communes[it->second];
            const bool currentIsNamesake = current.code == c.bv;
            if (c.code == c.bv || (!currentIsNamesake && c.population > current.population))
                it->second = static_cast<int>(i);
        }
    }
    bassins.clear();
    bassins.reserve(byCode.size());
    for (auto& [code, b] : byCode) {
        const Commune& main = communes[mainCommune[code]];
        const auto named = bvNames.find(code);
        b.name = named != bvNames.end() && !named->second.empty() ? named->second : main.name;
        if (b.name.empty())
            b.name = code;
        b.dep = main.dep;
        b.reg = main.reg;
        b.anchor = main.anchor;
        const auto g = oldGeometry.find(code);
        if (g != oldGeometry.end())
            b.geometry = std::move(g->second);
        bassins.push_back(std::move(b));
    }
    reindex();
}

} // namespace maillage::model
