#pragma once
// The language of the sentences the engine writes (pôle reasons, Crunch diagnoses), and the number
// formats those sentences share. Computation never writes sentences: it returns figures and decisions,
// and the describe* functions word them, in one place per language.
#include "core/model/message.h"

#include <cstddef>
#include <string>
#include <vector>

namespace maillage::analysis {

//! Language of a sentence written by the engine (one enum for the whole engine: core/model/message.h).
using Language = maillage::Language;

namespace wording {

//! No-break space, before ':' and '%' in French as the printed reports do.
inline const char* const kNbsp = "\u00a0";

//! Fewest decimals (0..2) that show `value` as the user set it (7.5 stays 7,5; 1500 stays 1 500).
int naturalDecimals(double value);
//! "24 812" / "24,812" with `decimals` decimals.
std::string number(double value, int decimals, Language language);
//! A threshold or a count with naturalDecimals.
std::string natural(double value, Language language);
//! `fraction` (0..1) in percent: "19,4 %" / "19.4%".
std::string percent(double fraction, int decimals, Language language);
//! "2013", or "no vintage" for 0 (counts given without a year), as English warnings name a vintage.
std::string vintageName(int vintage);
//! "a, b et c" / "a, b and c".
std::string enumerate(const std::vector<std::string>& items, Language language);

} // namespace wording
} // namespace maillage::analysis
