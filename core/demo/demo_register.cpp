#include "core/demo/demo_register.h"

#include "core/demo/demo_random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace maillage::demo {

namespace {

using namespace detail;

//! How the professionals of one profession are drawn (orders of magnitude of the RPPS in France).
struct Mix {
    const char* code;
    double meanAgeTown, meanAgeRural, sdAge;
    double womenYoung, womenOld;   //!< share of women below 45, from 45
    std::array<double, 4> sectors; //!< secteur 1, 2, OPTAM, non conventionné; all 0: no secteur
    std::array<double, 3> modes;   //!< libéral, salarié, mixte
};

// clang-format off
const std::array<Mix, 5> kMixes = {{
    {"medecin_generaliste", 50, 57, 10, 0.62, 0.33, {0.88, 0.04, 0.06, 0.02}, {0.72, 0.16, 0.12}},
    {"medecin_specialiste", 51, 53, 10, 0.55, 0.30, {0.50, 0.20, 0.28, 0.02}, {0.38, 0.45, 0.17}},
    {"chirurgien_dentiste", 47, 52, 11, 0.58, 0.30, {0.97, 0.00, 0.00, 0.03}, {0.88, 0.08, 0.04}},
    {"sage_femme",          40, 42, 10, 0.97, 0.97, {0.99, 0.00, 0.00, 0.01}, {0.30, 0.62, 0.08}},
    {"pharmacien",          46, 50, 11, 0.70, 0.55, {0.00, 0.00, 0.00, 0.00}, {0.70, 0.27, 0.03}},
}};
// clang-format on

constexpr double kUnknownBirthYear = 0.015; // the register says nothing of some (as real extractions)
constexpr double kRuralPopulation = 3500;   // communes below this are rural for the age of their GPs

//! An index drawn from `weights` (not all zero).
template <std::size_t N> std::size_t draw(Rng& rng, const std::array<double, N>& weights) {
    double total = 0;
    for (double w : weights)
        total += w;
    double u = rng.uniform() * total;
    for (std::size_t i = 0; i < N; ++i) {
        if (u < weights[i])
            return i;
        u -= weights[i];
    }
    return N - 1;
}

//! A roughly normal age (sum of four uniforms), whole years from 26 to 74.
int drawAge(Rng& rng, double mean, double sd) {
    const double z =
        (rng.uniform() + rng.uniform() + rng.uniform() + rng.uniform() - 2.0) * 1.7320508075688772;
    const double age = std::floor(mean + sd * z + 0.5);
    return static_cast<int>(age < 26 ? 26 : age > 74 ? 74 : age);
}

//! A full-time equivalent of tenths from `lo` to `hi` tenths.
double drawFte(Rng& rng, int lo, int hi) {
    return (lo + rng.below(hi - lo + 1)) / 10.0;
}

struct Place {
    const model::Commune* commune;
    std::vector<std::string> neighbours; //!< the other communes of its BV
};

//! Practice sites: one, or a salaried second site (mixte) or a second cabinet in the same BV.
std::vector<model::PracticeSite> drawSites(Rng& rng, const Mix& mix, const Place& place) {
    const std::size_t mode = draw(rng, mix.modes);
    const auto second = [&]() {
        return place.neighbours.empty() ? place.commune->code : rng.pick(place.neighbours);
    };
    if (mode == 2)
        return {{place.commune->code, model::PracticeMode::Liberal, drawFte(rng, 5, 7), true},
                {second(), model::PracticeMode::Salaried, drawFte(rng, 2, 4), false}};
    if (mode == 0 && rng.chance(0.08))
        return {{place.commune->code, model::PracticeMode::Liberal, drawFte(rng, 6, 8), true},
                {second(), model::PracticeMode::Liberal, drawFte(rng, 1, 2), false}};
    return {{place.commune->code, mode == 0 ? model::PracticeMode::Liberal : model::PracticeMode::Salaried,
             mode == 0 ? drawFte(rng, 8, 10) : drawFte(rng, 5, 10), true}};
}

model::RegisteredProfessional drawProfessional(Rng& rng, const Mix& mix, const Place& place, int vintage) {
    model::RegisteredProfessional p;
    p.profession = mix.code;
    const bool rural = place.commune->population < kRuralPopulation;
    const int age = drawAge(rng, rural ? mix.meanAgeRural : mix.meanAgeTown, mix.sdAge);
    const bool knownAge = !rng.chance(kUnknownBirthYear);
    p.birthYear = knownAge ? vintage - age : 0;
    p.sex = rng.chance(age < 45 ? mix.womenYoung : mix.womenOld) ? model::Sex::Female : model::Sex::Male;
    if (mix.sectors[0] + mix.sectors[1] + mix.sectors[2] + mix.sectors[3] > 0) {
        const model::Sector sectors[] = {model::Sector::Sector1, model::Sector::Sector2, model::Sector::Optam,
                                         model::Sector::NotConventioned};
        p.sector = sectors[draw(rng, mix.sectors)];
    }
    p.startYear = knownAge ? std::min(vintage, p.birthYear + 27 + rng.below(6)) : 0;
    p.sites = drawSites(rng, mix, place);
    return p;
}

std::string demoId(int serial) {
    std::string digits = std::to_string(serial);
    return "DEMO" + std::string(digits.size() < 7 ? 7 - digits.size() : 0, '0') + digits;
}

} // namespace

const std::vector<std::string>& demoRegisterProfessions() {
    static const std::vector<std::string> codes = [] {
        std::vector<std::string> c;
        for (const Mix& m : kMixes)
            c.push_back(m.code);
        return c;
    }();
    return codes;
}

model::ProfessionalRegister makeDemoRegister(const model::Dataset& ds, int vintage, std::uint64_t key) {
    model::ProfessionalRegister reg;
    reg.vintage = vintage;
    reg.source = "Registre fictif de démonstration (Maillage), " + std::to_string(vintage);
    reg.rule = model::SiteRule::MainSite;
    std::map<std::string, const Mix*> mixes;
    for (const Mix& m : kMixes)
        mixes[m.code] = &m;
    Rng rng(hashOf(key, static_cast<std::uint64_t>(vintage)));
    int serial = 0;
    for (const model::CountRecord& r : ds.counts) { // in the dataset's order: deterministic
        const auto mix = mixes.find(r.profession);
        const model::Commune* commune = ds.commune(r.place);
        if (r.vintage != vintage || mix == mixes.end() || !commune)
            continue;
        Place place{commune, {}};
        if (const model::Bassin* b = ds.bassin(commune->bv))
            for (const std::string& c : b->communes)
                if (c != commune->code)
                    place.neighbours.push_back(c);
        for (int k = 0; k < static_cast<int>(r.count); ++k) {
            model::RegisteredProfessional p = drawProfessional(rng, *mix->second, place, vintage);
            p.id = demoId(++serial);
            reg.professionals.push_back(std::move(p));
        }
    }
    return reg;
}

} // namespace maillage::demo
