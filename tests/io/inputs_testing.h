#pragma once
// Helpers shared by the suites of the inputs readers (test_inputs, test_zones).
#include "core/model/error.h"

#include <string>

namespace maillage::testing {

//! The first warning of `warnings` with message identifier `id`, nullptr when none.
inline const Warning* findWarning(const Warnings& warnings, const std::string& id) {
    for (const auto& w : warnings)
        if (w.text.id == id)
            return &w;
    return nullptr;
}

} // namespace maillage::testing
