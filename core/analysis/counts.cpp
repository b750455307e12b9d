#include "core/analysis/counts.h"

#include "core/analysis/vintages.h"
#include "core/analysis/wording.h"

#include "core/model/code_table.h"
#include "core/model/codes.h"
#include "core/model/text.h"

#include <array>
#include <cmath>
#include <set>
#include <unordered_map>

namespace maillage::analysis {

using wording::vintageName;

int resolveCommune(const model::Dataset& dataset, const std::string& place) {
    const int exact = dataset.communeIndex(place);
    if (exact >= 0)
        return exact;
    const auto repaired = codes::normalizeCommune(place);
    if (!repaired)
        return -1;
    if (*repaired != place) {
        const int i = dataset.communeIndex(*repaired);
        if (i >= 0)
            return i;
    }
    if (codes::isArrondissement(*repaired))
        return dataset.communeIndex(codes::foldArrondissement(*repaired));
    return -1;
}

int resolveProfession(const model::ProfessionCatalogue& catalogue, const std::string& codeOrAlias) {
    const int exact = catalogue.indexOf(codeOrAlias);
    if (exact >= 0)
        return exact;
    const model::Profession* p = catalogue.resolve(codeOrAlias);
    return p ? catalogue.indexOf(p->code) : -1;
}

ResolvedCounts resolveCounts(const model::Dataset& dataset, int vintage) {
    ResolvedCounts result;
    result.counts.reserve(dataset.counts.size());
    result.vintage = forEachResolvedCount(
        dataset, vintage,
        [&](const ResolvedCount* begin, const ResolvedCount* end) {
            result.counts.insert(result.counts.end(), begin, end);
        },
        result.warnings);
    return result;
}

namespace {

// Count records left out of a vintage, and why.
struct LeftOutCounts {
    std::set<std::string> unknownCommunes, unknownProfessions, invalid;
    double unknownCommuneCount = 0, unknownProfessionCount = 0;
    std::size_t unknownCommuneRecords = 0, unknownProfessionRecords = 0, invalidRecords = 0;
};

// One warning per reason counts were left out, and one for duplicated commune codes.
void warnLeftOut(const model::Dataset& dataset, const LeftOutCounts& left, int year, Warnings& warnings) {
    const MessageArg vintageArg = arg::text("vintage", vintageName(year));
    const auto records = [](std::size_t n) { return arg::integer("records", static_cast<long long>(n)); };
    if (!left.unknownCommunes.empty()) {
        warnings.push_back(
            makeWarning(ErrorKind::Join, {},
                        msg("analysis.counts.unknown_communes",
                            {records(left.unknownCommuneRecords), vintageArg,
                             arg::number("professionals", left.unknownCommuneCount, 0),
                             arg::integer("communes", static_cast<long long>(left.unknownCommunes.size()))}),
                        {left.unknownCommunes.begin(), left.unknownCommunes.end()}));
    }
    if (!left.unknownProfessions.empty()) {
        warnings.push_back(
            makeWarning(ErrorKind::Join, {},
                        msg("analysis.counts.unknown_professions",
                            {records(left.unknownProfessionRecords), vintageArg,
                             arg::number("professionals", left.unknownProfessionCount, 0),
                             arg::integer("codes", static_cast<long long>(left.unknownProfessions.size()))}),
                        {left.unknownProfessions.begin(), left.unknownProfessions.end()}));
    }
    if (left.invalidRecords > 0) {
        warnings.push_back(makeWarning(
            ErrorKind::Value, {}, msg("analysis.counts.invalid", {records(left.invalidRecords), vintageArg}),
            {left.invalid.begin(), left.invalid.end()}));
    }
    const std::vector<std::string> duplicates = dataset.duplicateCommuneCodes();
    if (!duplicates.empty()) {
        warnings.push_back(makeWarning(ErrorKind::Duplicate, {},
                                       msg("analysis.counts.duplicate_communes",
                                           {arg::integer("n", static_cast<long long>(duplicates.size()))}),
                                       duplicates));
    }
}

//! Place and profession codes of count records -> indices, with the look-ups cached.
class CodeResolver {
public:
    explicit CodeResolver(const model::Dataset& dataset) : m_dataset(dataset) {
        // Canonical codes first; aliases are resolved on first sight and cached.
        const auto& professions = dataset.catalogue.professions();
        for (std::size_t p = 0; p < professions.size(); ++p)
            m_professions.insert(professions[p].code, static_cast<int>(p));
    }
    int profession(const std::string& code) {
        if (const int* known = m_professions.find(code))
            return *known;
        const int index = resolveProfession(m_dataset.catalogue, code);
        m_professions.insert(code, index);
        return index;
    }
    // Counts usually follow the order of the commune list (both sorted by code): the commune after the
    // previous one is tried first, which saves a hash look-up (a cache miss or two) per commune. Codes
    // that needed repairing or folding are cached.
    int commune(const std::string& code, int previous) {
        const std::size_t next = static_cast<std::size_t>(previous + 1);
        if (previous >= 0 && next < m_dataset.communes.size() && m_dataset.communes[next].code == code)
            return static_cast<int>(next);
        const int exact = m_dataset.communeIndex(code);
        if (exact >= 0)
            return exact;
        const auto it = m_repaired.find(code);
        if (it != m_repaired.end())
            return it->second;
        const int index = resolveCommune(m_dataset, code);
        m_repaired.emplace(code, index);
        return index;
    }

private:
    const model::Dataset& m_dataset;
    text::CodeTable m_professions;
    std::unordered_map<std::string, int> m_repaired;
};

} // namespace

int forEachResolvedCount(const model::Dataset& dataset, int vintage, const ResolvedCountBatch& batch,
                         Warnings& warnings) {
    const int year = vintageOrDefault(dataset, vintage);
    CodeResolver resolver(dataset);
    const auto professionOf = [&](const std::string& code) { return resolver.profession(code); };
    const auto communeOf = [&](const std::string& code, int previous) {
        return resolver.commune(code, previous);
    };

    LeftOutCounts left;

    // Count tables are usually sorted by place then profession: remember the last look-ups.
    const std::string* lastPlace = nullptr;
    int lastCommune = -1;
    const std::string* lastProfession = nullptr;
    int lastProfessionIndex = -1;

    // Kept counts go out in batches small enough to stay in cache.
    std::array<ResolvedCount, 1024> buffer;
    std::size_t buffered = 0;
    for (const model::CountRecord& record : dataset.counts) {
        if (record.vintage != year)
            continue;
        if (!(record.count >= 0) || !std::isfinite(record.count)) {
            ++left.invalidRecords;
            if (left.invalid.size() < 1000)
                left.invalid.insert(record.place + " / " + record.profession + ": " +
                                    text::formatShortest(record.count));
            continue;
        }
        if (!lastPlace || record.place != *lastPlace) {
            lastPlace = &record.place;
            lastCommune = communeOf(record.place, lastCommune);
        }
        if (!lastProfession || record.profession != *lastProfession) {
            lastProfession = &record.profession;
            lastProfessionIndex = professionOf(record.profession);
        }
        if (lastCommune < 0) {
            ++left.unknownCommuneRecords;
            left.unknownCommuneCount += record.count;
            left.unknownCommunes.insert(record.place);
            continue;
        }
        if (lastProfessionIndex < 0) {
            ++left.unknownProfessionRecords;
            left.unknownProfessionCount += record.count;
            left.unknownProfessions.insert(record.profession);
            continue;
        }
        buffer[buffered++] = {lastCommune, lastProfessionIndex, record.count};
        if (buffered == buffer.size()) {
            batch(buffer.data(), buffer.data() + buffered);
            buffered = 0;
        }
    }
    if (buffered > 0)
        batch(buffer.data(), buffer.data() + buffered);

    warnLeftOut(dataset, left, year, warnings);
    return year;
}

} // namespace maillage::analysis
