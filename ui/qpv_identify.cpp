#include "ui/qpv_identify.h"

#include "core/analysis/counts.h"
#include "core/analysis/density.h"
#include "core/analysis/result_tables.h"
#include "core/io/facilities.h"
#include "core/model/message.h"

#include <QStringList>

#include <algorithm>
#include <exception>
#include <map>
#include <string>
#include <vector>

namespace maillage::ui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

const model::Zone* findZone(const model::Dataset& dataset, const std::string& code) {
    for (const model::Zone& z : dataset.zones)
        if (z.code == code)
            return &z;
    return nullptr;
}

//! "Médecins généralistes", or "all professions", in `language`.
std::string professionWords(const model::Dataset& dataset, const std::string& profession, Language language) {
    if (const model::Profession* p = dataset.catalogue.find(profession))
        return language == Language::Fr ? p->labelFr : p->labelEn;
    return word(msg("results.all_professions"), language);
}

} // namespace

QString describeTableRow(const io::ResultTable& table, const QString& code,
                         const std::vector<std::string>& keys, Language language) {
    const int codeColumn = table.column("code"), nameColumn = table.column("name");
    if (codeColumn < 0)
        return {};
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        const auto& cells = table.rows[row].cells;
        if (qs(cells[static_cast<std::size_t>(codeColumn)].text) != code)
            continue;
        QString text = code;
        if (nameColumn >= 0)
            text = qs(cells[static_cast<std::size_t>(nameColumn)].text) + QStringLiteral(" (") + code +
                   QLatin1Char(')');
        QStringList parts{text};
        for (const std::string& key : keys) {
            const int column = table.column(key);
            if (column < 0 || cells[static_cast<std::size_t>(column)].empty)
                continue; // not in this table, or nothing to say (no pôle of that type, no time)
            const auto c = static_cast<std::size_t>(column);
            parts << qs(io::columnHeader(table, c, language)) +
                         (language == Language::Fr ? QStringLiteral("\u00a0: ") : QStringLiteral(": ")) +
                         qs(io::formatCell(table, row, c, language));
        }
        return parts.join(QStringLiteral(" · "));
    }
    return {};
}

QString describeQpv(const io::ResultTable& table, const QString& code, Language language) {
    std::vector<std::string> keys = {"population", "inside", "within", "per_10000_inside",
                                     "per_10000_within"};
    for (int type = 1; type <= 4; ++type)
        for (const char* part : {"_name", "_km", "_minutes"})
            keys.push_back("pole" + std::to_string(type) + part);
    return describeTableRow(table, code, keys, language);
}

QString describeZone(const model::Dataset& dataset, const QString& code, const ZoneFigures& figures,
                     Language language) {
    const model::Zone* zone = findZone(dataset, code.toStdString());
    if (!zone)
        return {};
    try {
        const analysis::DensityDrillDown drill =
            analysis::densityForCommune(dataset, zone->commune, figures.profession, figures.vintage);
        const io::ResultTable table = analysis::densityDrillDownTable(drill, figures.rule);
        QString text = describeTableRow(
            table, code, {"population", "count", "per_10000", "inhabitants_per_professional"}, language);
        if (!zone->quartier.empty())
            text += QStringLiteral(" · ") +
                    qs(word(msg("inputs.zone_quartier",
                                {arg::text("name", zone->quartierName.empty() ? zone->quartier
                                                                              : zone->quartierName)}),
                            language));
        return text;
    } catch (const std::exception& e) {
        return qs(e.what());
    }
}

QString describeFacilities(const model::Dataset& dataset, const QString& commune, const ZoneFigures& figures,
                           Language language) {
    const std::string place = commune.toStdString();
    const model::Commune* c = dataset.commune(place);
    int vintage = 0;
    for (const model::FacilityCount& f : dataset.facilities)
        vintage = std::max(vintage, f.vintage);
    std::map<std::string, double> kinds; // kind → establishments, in code order
    for (const model::FacilityCount& f : dataset.facilities)
        if (f.vintage == vintage && f.commune == place && f.count > 0)
            kinds[f.kind] += f.count;
    if (kinds.empty() || !c)
        return {};
    QStringList parts{
        qs(word(msg("inputs.facility_identify", {arg::text("commune", c->name), arg::text("code", place),
                                                 arg::text("year", std::to_string(vintage))}),
                language))};
    for (const auto& [kind, n] : kinds) {
        const io::FacilityKind* k = io::findFacilityKind(kind);
        const std::string label = k ? (language == Language::Fr ? k->labelFr : k->labelEn) : kind;
        parts << qs(word(msg("inputs.facility_count", {arg::text("label", label), arg::number("n", n, 0)}),
                         language));
    }
    // The commune's professionals, as the density tables publish them (primary secrecy).
    const analysis::CommuneCounts counts =
        analysis::countsByCommune(dataset, figures.profession, figures.vintage);
    const auto index = static_cast<std::size_t>(c - dataset.communes.data());
    const double n = index < counts.counts.size() ? counts.counts[index] : 0;
    const MessageArg count = analysis::isSecret(n, figures.rule)
                                 ? arg::text("count", analysis::maskedLabel(figures.rule, language))
                                 : arg::number("count", n, 0);
    parts << qs(
        word(msg("inputs.facility_professionals",
                 {arg::text("profession", professionWords(dataset, counts.profession, language)), count}),
             language));
    return parts.join(QStringLiteral(" · "));
}

} // namespace maillage::ui
