#pragma once
// What a click on a quartier prioritaire (QPV) of the map says: its figures from the QPV table of the
// Densités panel (core/analysis/qpv.h: qpvTable), masked as that table is.
#include "core/io/result_table.h"

#include <QString>

namespace maillage::ui {

//! "Les Tilleuls (QP000001) · Population: 5 000 · Inside: 12 000 · Within 500 m: < 5 · …": the name,
//! code, population, professionals inside and within the distance, densities and nearest pôle of each
//! type of the QPV `code`, worded by the table (headers, masked cells as "< 5"); "" when the table has
//! no row for it.
QString describeQpv(const io::ResultTable& table, const QString& code, Language language);

} // namespace maillage::ui
