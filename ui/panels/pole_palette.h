#pragma once
// The colour of each pôle type, shared by the map and the panels so that a type looks the same
// everywhere. Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
#include <QColor>

namespace maillage::ui {

//! Colour of pôle type `type` (1..4; 0 or anything else = hors pôle).
inline QColor poleTypeColor(int type) {
    switch (type) {
    case 1:
        return QColor(0xD5, 0x5E, 0x00); // vermillion: pôle de grande métropole
    case 2:
        return QColor(0xE6, 0x9F, 0x00); // orange: grand pôle
    case 3:
        return QColor(0x00, 0x72, 0xB2); // blue: pôle intermédiaire
    case 4:
        return QColor(0x56, 0xB4, 0xE9); // sky blue: pôle secondaire
    default:
        return QColor(0xE8, 0xE4, 0xDA); // light neutral: hors pôle
    }
}

} // namespace maillage::ui
