#pragma once
// A tiny synthetic territory for the UI tests: six square communes of 10 km, each its own bassin de vie,
// whose counts give every pôle type, in two départements. Independent of the demo generator, so that
// control images and expected types only change when the UI does.
#include "core/model/dataset.h"

#include <QByteArray>
#include <QString>

#include <string>

#include <qgsgeometry.h>

namespace maillage::testing {

inline model::Wkb squareWkb(double x, double y, double size) {
    const QgsGeometry g =
        QgsGeometry::fromWkt(QStringLiteral("MultiPolygon(((%1 %2, %3 %2, %3 %4, %1 %4, %1 %2)))")
                                 .arg(x)
                                 .arg(y)
                                 .arg(x + size)
                                 .arg(y + size));
    const QByteArray wkb = g.asWkb();
    return model::Wkb(wkb.begin(), wkb.end());
}

//! Codes 00001..00006 (names Alpha..Zeta), expected types with the default parameters:
//! Alpha 1 (12,000), Beta 2 (4,000), Gamma 3 (2,000, 30 % pôle), Delta 4 (1,200), Epsilon hors pôle (500),
//! Zeta 4 (2,500 but 12 % pôle professions). Beta has 25 % pôle professions: type 3 once the grand pôle
//! threshold exceeds 4,000.
inline model::Dataset makeSixBassins() {
    struct Spec {
        const char* code;
        const char* name;
        const char* dep;
        double generalistes, specialistes;
    };
    const Spec specs[] = {{"00001", "Alpha", "00", 7000, 5000}, {"00002", "Beta", "00", 3000, 1000},
                          {"00003", "Gamma", "00", 1400, 600},  {"00004", "Delta", "01", 1200, 0},
                          {"00005", "Epsilon", "01", 500, 0},   {"00006", "Zeta", "01", 2200, 300}};
    model::Dataset ds;
    ds.meta.title = "Six bassins";
    ds.meta.fictional = true;
    ds.meta.vintages = {2023};
    ds.meta.sources = {"Données de test"};
    ds.catalogue = model::ProfessionCatalogue::builtin();
    ds.departementNames = {{"00", "Nord-Test"}, {"01", "Sud-Test"}};
    const double size = 10000;
    for (int i = 0; i < 6; ++i) {
        const Spec& s = specs[i];
        const double x = 100000 + (i % 3) * size;
        const double y = 6500000 + (i < 3 ? size : 0.0);
        model::Commune c;
        c.code = s.code;
        c.name = s.name;
        c.population = 10000 * (6 - i);
        c.bv = s.code;
        c.dep = s.dep;
        c.reg = "99";
        c.anchor = {x + size / 2, y + size / 2};
        c.geometry = squareWkb(x, y, size);
        model::Bassin b;
        b.code = s.code;
        b.name = s.name;
        b.dep = s.dep;
        b.reg = "99";
        b.population = c.population;
        b.communes = {s.code};
        b.anchor = c.anchor;
        b.geometry = c.geometry;
        ds.communes.push_back(c);
        ds.bassins.push_back(b);
        ds.counts.push_back({s.code, "medecin_generaliste", 2023, s.generalistes});
        if (s.specialistes > 0)
            ds.counts.push_back({s.code, "medecin_specialiste", 2023, s.specialistes});
    }
    ds.reindex();
    return ds;
}

} // namespace maillage::testing
