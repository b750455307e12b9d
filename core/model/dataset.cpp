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

} // namespace maillage::model
