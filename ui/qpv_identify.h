#pragma once
// What a click on an overlay of the map says: a quartier prioritaire (QPV) with its figures from the QPV
// table of the Densités panel (core/analysis/qpv.h: qpvTable), an infra-communal zone with its row of the
// zones' density table, a health facility with the professionals of its commune; masked as those tables
// are.
#include "core/analysis/secrecy.h"
#include "core/io/result_table.h"
#include "core/model/dataset.h"

#include <QString>

#include <string>
#include <vector>

namespace maillage::ui {

//! "Name (code) · Header: value · …": the row of `table` whose "code" is `code`, with the cells of the
//! columns `keys` that the table has and that are not empty, worded by the table (headers, masked cells as
//! "< 5"); "" when the table has no such row.
QString describeTableRow(const io::ResultTable& table, const QString& code,
                         const std::vector<std::string>& keys, Language language);

//! "Les Tilleuls (QP000001) · Population: 5 000 · Inside: 12 000 · Within 500 m: < 5 · …": the name,
//! code, population, professionals inside and within the distance, densities and nearest pôle of each
//! type of the QPV `code`, worded by the table (headers, masked cells as "< 5"); "" when the table has
//! no row for it.
QString describeQpv(const io::ResultTable& table, const QString& code, Language language);

//! What the Densités panel computes for the zones of a commune and masks.
struct ZoneFigures {
    std::string profession; //!< canonical code, "" = all professions
    int vintage = 0;        //!< 0 = the dataset's latest
    analysis::SecrecyRule rule;
};

//! "Centre (593500101) · Population: 2 400 · Professionals: < 5 · …": the zone's row of the drill-down
//! table of its commune (analysis::densityDrillDownTable: complementary secrecy between the commune and its
//! zones), then its quartier. "" for an unknown zone; the engine's message when the densities cannot be
//! computed.
QString describeZone(const model::Dataset& dataset, const QString& code, const ZoneFigures& figures,
                     Language language);

//! "Lille (59350), BPE 2018 · Emergency department: 3 · Maternity: 1 · Professionals in the commune
//! (general practitioners): < 5": the facilities of `commune` of the dataset's latest facility vintage by
//! kind (establishments are public: unmasked), then the commune's professionals of `figures.profession`
//! masked by `figures.rule` as the density tables mask them. "" when the commune has no facility.
QString describeFacilities(const model::Dataset& dataset, const QString& commune, const ZoneFigures& figures,
                           Language language);

} // namespace maillage::ui
