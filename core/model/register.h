#pragma once
// Registers of individual professionals (issue 12): one record per professional, with the sites where they
// practise, read from the RPPS open extraction (Annuaire santé) or a generic layout. Counts per commune,
// profession and vintage are derived from a register (core/analysis/register_counts.h), so every analysis
// that reads Dataset::counts runs on it; the characteristics (age, sex, secteur, mode d'exercice, FTE) feed
// the profiles and retirement projections. Plain data: no I/O here.
#include <string>
#include <vector>

namespace maillage::model {

enum class Sex { Unknown, Female, Male };

//! Secteur conventionnel (médecins): 1, 2, 2 with OPTAM, not conventioned.
enum class Sector { Unknown, Sector1, Sector2, Optam, NotConventioned };

//! Mode d'exercice: libéral, salarié, or both (mixte).
enum class PracticeMode { Unknown, Liberal, Salaried, Mixed };

//! One place where a professional practises (an activity row of the RPPS).
struct PracticeSite {
    std::string commune; //!< INSEE commune code of the site, "" when not given (then not counted)
    PracticeMode mode = PracticeMode::Unknown;
    double fte = 0;    //!< full-time equivalent of this activity; 0 when not given
    bool main = false; //!< the professional's main site (the first listed when none is declared)
};

struct RegisteredProfessional {
    std::string id;         //!< RPPS / ADELI identifier, or the row id of a generic file
    std::string profession; //!< catalogue profession code (mapped through the register aliases)
    std::string specialty;  //!< savoir-faire / specialty code as given ("SM54"), "" when none
    int birthYear = 0;      //!< 0 when unknown (the RPPS open extraction does not publish it)
    Sex sex = Sex::Unknown;
    Sector sector = Sector::Unknown;
    int startYear = 0; //!< year of first installation, 0 when unknown
    std::vector<PracticeSite> sites;
};

//! How a professional with several practice sites is counted (stated in every output that uses it).
enum class SiteRule {
    MainSite,         //!< 1 in the commune of the main site
    SharedByActivity, //!< shared between the sites by their FTE (equal shares when not given)
};

struct ProfessionalRegister {
    int vintage = 0;    //!< year of the extraction
    std::string source; //!< "Annuaire santé (RPPS), extraction du 2026-11-02"
    SiteRule rule = SiteRule::MainSite;
    std::vector<RegisteredProfessional> professionals;
};

} // namespace maillage::model
