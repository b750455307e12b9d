#pragma once
// The six bassins of ui_fixture.h with a second, earlier year (2018) in which Beta (a grand pôle in 2023)
// has 1,500 professionals, too few for any pôle type.
#include "ui/ui_fixture.h"

namespace maillage::testing {

inline model::Dataset makeSixBassinsTwoYears() {
    model::Dataset ds = makeSixBassins();
    ds.meta.vintages = {2018, 2023};
    std::vector<model::CountRecord> earlier;
    for (const model::CountRecord& c : ds.counts) {
        model::CountRecord e = c;
        e.vintage = 2018;
        if (e.place == "00002")
            e.count = e.profession == "medecin_generaliste" ? 500 : 0;
        earlier.push_back(e);
    }
    ds.counts.insert(ds.counts.end(), earlier.begin(), earlier.end());
    ds.reindex();
    return ds;
}

} // namespace maillage::testing
