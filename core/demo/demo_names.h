#pragma once
// Fictional, French-sounding place names built from syllables and the usual patterns of French
// toponymy ("Saint-Aubin-sur-Lavre", "Montclair", "Villeneuve-la-Grave"). Unique per generator.
#include "core/demo/demo_random.h"

#include <set>
#include <string>

namespace maillage::demo::detail {

enum class NameStyle {
    Town,    //!< main commune of a bassin de vie: short, no qualifier
    Village, //!< any other commune
};

class NameGenerator {
public:
    explicit NameGenerator(std::uint64_t seed) : m_rng(seed) {}
    //! A name not returned before. `coastal` allows "-sur-Mer", "Port-..."...
    std::string next(NameStyle style, bool coastal);

private:
    std::string stem();
    std::string compound();
    std::string saint();
    std::string candidate(NameStyle style, bool coastal);

    Rng m_rng;
    std::set<std::string> m_used;
};

} // namespace maillage::demo::detail
