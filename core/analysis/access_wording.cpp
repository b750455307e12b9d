// The unit of an accessibility result, in French and in English: words only (accessibility.cpp computes).
#include "core/analysis/accessibility.h"

namespace maillage::analysis {

namespace {

std::string supplyWord(SupplyKind kind, Language language) {
    const bool fr = language == Language::Fr;
    switch (kind) {
    case SupplyKind::FullTimeEquivalents:
        return fr ? "équivalents temps plein" : "full-time equivalents";
    case SupplyKind::Consultations:
        return fr ? "consultations" : "consultations";
    case SupplyKind::Professionals:
        break;
    }
    return fr ? "professionnels" : "professionals";
}

} // namespace

std::string accessUnit(const AccessResult& result, Language language) {
    const bool fr = language == Language::Fr;
    const double per = result.params.perInhabitants;
    const std::string who = result.demandStandardised
                                ? (fr ? "habitant standardisé" : "standardised inhabitant")
                                : (fr ? "habitant" : "inhabitant");
    const std::string what = supplyWord(result.params.supply, language);
    if (per == 1)
        return what + (fr ? " par " : " per ") + who;
    const std::string whom = result.demandStandardised
                                 ? (fr ? "habitants standardisés" : "standardised inhabitants")
                                 : (fr ? "habitants" : "inhabitants");
    return what + (fr ? " pour " : " per ") + wording::natural(per, language) + " " + whom;
}

std::string describeZonageChange(const ZonageChange& change, std::size_t index, bool standardised,
                                 Language language) {
    return word(msg(standardised ? "analysis.zonage.change_standardised" : "analysis.zonage.change",
                    {arg::integer("n", static_cast<long long>(index + 1)), arg::number("value", change.value),
                     arg::integer("communes", static_cast<long long>(change.communes.size())),
                     arg::number("population", change.population, 0)}),
                language);
}

} // namespace maillage::analysis
