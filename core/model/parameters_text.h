#pragma once
// Parameters as "key=value" text: how the command line hands them to the QGIS module across its C
// interface (app/qgis_styles.cpp → ui/styles/qgis_module.cpp).
#include "core/model/parameters.h"

#include <string>

namespace maillage::model {

//! Parameters::toKeyValues() as one "key=value" line each, exact (17 digits) and locale-free.
std::string toKeyValueText(const Parameters& parameters);
//! Reads toKeyValueText()'s lines (lines without '=' or a number are skipped) through
//! Parameters::fromKeyValues(): throws as it does, naming `sourceName`.
Parameters fromKeyValueText(const std::string& text, const std::string& sourceName);

} // namespace maillage::model
