#pragma once
// Small registers for the scenario and profile tests (core and desktop): communes on a line and
// professionals hired into them.
#include "core/model/dataset.h"
#include "core/model/register.h"

#include <string>

namespace maillage::testing {

//! Commune `code` of BV `bv`, 20,000 inhabitants, at (x, 6,600,000) in Lambert-93, région 32.
inline model::Commune lineCommune(const std::string& code, const std::string& bv, double x) {
    model::Commune c;
    c.code = code;
    c.name = "Commune " + code;
    c.population = 20000;
    c.bv = bv;
    c.dep = code.substr(0, 2);
    c.reg = "32";
    c.anchor = {x, 6600000};
    return c;
}

//! `n` professionals of `profession` born in `birthYear` (0: unknown) practising in `place`.
inline void hire(model::ProfessionalRegister& reg, int n, const std::string& profession, int birthYear,
                 const std::string& place) {
    for (int i = 0; i < n; ++i) {
        model::RegisteredProfessional p;
        p.id = place + profession + std::to_string(birthYear) + "-" + std::to_string(i);
        p.profession = profession;
        p.birthYear = birthYear;
        model::PracticeSite s;
        s.commune = place;
        s.main = true;
        p.sites.push_back(s);
        reg.professionals.push_back(std::move(p));
    }
}

} // namespace maillage::testing
