#include "core/analysis/register_counts.h"

#include "core/analysis/vintages.h"

#include <algorithm>
#include <map>
#include <utility>

namespace maillage::analysis {

namespace {
int mainSiteIndex(const model::RegisteredProfessional& professional) {
    int first = -1;
    for (std::size_t i = 0; i < professional.sites.size(); ++i) {
        if (professional.sites[i].commune.empty())
            continue;
        if (professional.sites[i].main)
            return static_cast<int>(i);
        if (first < 0)
            first = static_cast<int>(i);
    }
    return first;
}
} // namespace

std::vector<double> siteWeights(const model::RegisteredProfessional& professional, model::SiteRule rule) {
    std::vector<double> weights(professional.sites.size(), 0.0);
    if (rule == model::SiteRule::MainSite) {
        const int main = mainSiteIndex(professional);
        if (main >= 0)
            weights[static_cast<std::size_t>(main)] = 1.0;
        return weights;
    }
    double fteSum = 0;
    int located = 0;
    bool allFte = true;
    for (const model::PracticeSite& site : professional.sites) {
        if (site.commune.empty())
            continue;
        ++located;
        allFte = allFte && site.fte > 0;
        fteSum += site.fte > 0 ? site.fte : 0;
    }
    if (located == 0)
        return weights;
    for (std::size_t i = 0; i < professional.sites.size(); ++i) {
        const model::PracticeSite& site = professional.sites[i];
        if (!site.commune.empty())
            weights[i] = allFte ? site.fte / fteSum : 1.0 / located;
    }
    return weights;
}

std::vector<model::CountRecord> countsFromRegister(const model::ProfessionalRegister& reg) {
    std::map<std::pair<std::string, std::string>, double> sums;
    for (const model::RegisteredProfessional& professional : reg.professionals) {
        if (professional.profession.empty())
            continue;
        const std::vector<double> weights = siteWeights(professional, reg.rule);
        for (std::size_t i = 0; i < weights.size(); ++i)
            if (weights[i] > 0)
                sums[{professional.sites[i].commune, professional.profession}] += weights[i];
    }
    std::vector<model::CountRecord> counts;
    counts.reserve(sums.size());
    for (const auto& [key, count] : sums)
        counts.push_back({key.first, key.second, reg.vintage, count});
    return counts;
}

const model::ProfessionalRegister* registerOfYear(const model::Dataset& dataset, int year) {
    for (const model::ProfessionalRegister& reg : dataset.registers)
        if (reg.vintage == year)
            return &reg;
    return nullptr;
}

const model::ProfessionalRegister* registerFor(const model::Dataset& dataset, int vintage) {
    return registerOfYear(dataset, vintageOrDefault(dataset, vintage));
}

std::vector<std::string> registerYears(const model::Dataset& dataset) {
    std::vector<int> years;
    for (const model::ProfessionalRegister& reg : dataset.registers)
        years.push_back(reg.vintage);
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    std::vector<std::string> out;
    for (int y : years)
        out.push_back(std::to_string(y));
    return out;
}

} // namespace maillage::analysis
