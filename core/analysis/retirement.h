#pragma once
// Retirement projection (DOMAIN.md §8, issue 12): from a profile, the professionals expected to stop
// within 5 and 10 years at a retirement age (parameter register.retirement_age), the density per 10,000
// inhabitants that would remain (population held at today's level), and the number of professionals to
// install to keep today's density, with the sentence elected officials read.
#include "core/analysis/profile.h"
#include "core/model/message.h"

#include <array>

namespace maillage::analysis {

//! Horizons of the projection, in years after the register's vintage.
inline constexpr std::array<int, 2> kRetirementHorizons = {5, 10};

struct RetirementProjection {
    double retirementAge = 67;
    double count = 0;      //!< today (the profile's count)
    double unknownAge = 0; //!< without a birth year: never counted as leaving
    double per10kNow = 0;  //!< count / population * 10,000; 0 without population
    //! Per horizon (kRetirementHorizons): the year, who reaches the retirement age by then (already past
    //! it included), the density that would remain, and how many to install to keep today's density.
    struct Horizon {
        int year = 0;
        double leaving = 0;
        double per10k = 0;
        long long toInstall = 0; //!< the leavers, rounded up (shares of people under the shared rule)
    };
    std::array<Horizon, 2> horizons;
};

//! The projection of `profile` at `retirementAge`: a professional aged a at the vintage leaves within h
//! years when a + h >= retirementAge.
RetirementProjection projectRetirement(const Profile& profile, double retirementAge);

//! Which figures of a projection are masked: the leavers of a horizon from 1 to threshold − 1, and with
//! them the density that remains (it gives them back from today's count) and the number to install;
//! a count of leavers is also masked when the stayers (today's count minus the leavers) are a secret
//! count, as the complement of a published total.
struct RetirementMask {
    bool count = false;
    std::array<bool, 2> leaving{}, per10k{};
};
RetirementMask maskRetirement(const RetirementProjection& projection, const SecrecyRule& rule);

//! "il faudrait installer 14 médecins généralistes d'ici 2030 pour garder la densité actuelle." for
//! horizon `h` (index into kRetirementHorizons); "no departure expected" when nobody leaves. `label`: the
//! profession's catalogue label in `language` (singular, "" for every profession); the message is to be
//! worded in that language.
Message retirementSentence(const RetirementProjection& projection, std::size_t h, const std::string& label,
                           Language language);

//! A profession label in the plural for a sentence, lower-cased: "Médecin généraliste" -> "médecins
//! généralistes", "Sage-femme" -> "sages-femmes", "Technicien de laboratoire" -> "techniciens de
//! laboratoire"; English "Midwife" -> "midwives", "General practitioner" -> "general practitioners".
std::string pluralLabel(const std::string& label, Language language);

} // namespace maillage::analysis
