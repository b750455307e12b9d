#pragma once
// What the atlas pages and the territory sheet say about a territory, from the engine's results with
// statistical secrecy applied (core/analysis/result_tables.h): nothing here computes or masks on its own,
// it picks the cells of the engine's tables and words them for people.
#include "core/analysis/poles.h"
#include "core/analysis/profile.h"
#include "core/analysis/secrecy.h"
#include "core/model/dataset.h"
#include "core/model/message.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace maillage::ui::print {

//! A territory's figures as an atlas page or a sheet shows them.
struct TerritoryFigures {
    QString code, name;
    int poleType = 0;  //!< 0 = hors pôle (bassins); the highest type among the BVs (départements)
    QString typeLabel; //!< "Grand pôle (GP)"; for a département, its pôles per type
    QString figures;   //!< one line per figure: population, professionals ("< 5" when masked)...
    QString reason;    //!< the classification's reason (the type alone when a count is masked)
};

//! A table for people: a header and rows of formatted cells ("< 5" where masked).
struct TextTable {
    QStringList header;
    QList<QStringList> rows;
    int textColumns = 1; //!< the first columns hold words (left-aligned); the others figures (right-aligned)
};

//! The engine's words and tables for the dataset's default year (analysis::defaultVintage: a register
//! added as the newest year is not the sheet's year) with its saved parameters.
struct TerritoryContext {
    const model::Dataset& dataset;
    analysis::SecrecyRule rule; //!< the dataset's (density.secrecy_threshold)
    Language language = Language::Fr;
    int vintage = 0;                         //!< the year every figure is of
    analysis::Classification classification; //!< of `vintage`, computed once for every page
};

//! The context of `dataset`'s print outputs in `language`: its default year and its classification.
TerritoryContext territoryContext(const model::Dataset& dataset, Language language);
//! The same with the classification of the default year already computed (PrintProject's).
TerritoryContext territoryContext(const model::Dataset& dataset, analysis::Classification classification,
                                  Language language);

//! One entry per BV of the dataset, in the dataset's order.
std::vector<TerritoryFigures> bassinFigures(const TerritoryContext& context);
//! One entry per département of the dataset (its BVs by main commune's département), by code.
std::vector<TerritoryFigures> departementFigures(const TerritoryContext& context);

//! The professionals of a sheet's territory: their number and the densities per profession against the
//! references, both masked together (analysis::maskTerritoryCounts: a total next to its parts, a figure
//! next to its references, a département next to its BVs give no secret count back).
struct TerritoryProfessionals {
    QString total;       //!< every profession: "1 234", or "< 5" when masked
    TextTable densities; //!< profession, count, density of the territory, then of each reference
};
//! The professionals of `territory` (a BV, a département or a list of communes of the dataset): one row
//! per profession the dataset counts; references as analysis::referencesOf gives them.
TerritoryProfessionals territoryProfessionals(const TerritoryContext& context,
                                              const analysis::Territory& territory);
//! The BVs of a département (by their main commune): name, type and professionals as the classification
//! publishes them ("< 5" where it masks), by code.
TextTable bassinTypes(const TerritoryContext& context, const std::vector<std::string>& bassins);
//! The communes of a list: name, code, bassin de vie, population (no count: the sheet shows their sum).
TextTable communeTable(const TerritoryContext& context, const analysis::Territory& territory);
//! The maillage links of the BVs `bassins` (modelled, with their intensity, and declared), strongest
//! first, at most `limit` rows; with a column naming the BV of the selection when there are several.
TextTable bassinLinks(const TerritoryContext& context, const std::vector<std::string>& bassins, int limit);
//! The Crunch diagnosis (its paragraphs) of the BVs `bassins`, over the first and latest vintages.
QStringList crunchParagraphs(const TerritoryContext& context, const std::vector<std::string>& bassins);
//! The BVs of `territory`: the BV itself, the BVs whose main commune is in the département, the BVs of
//! the listed communes; by code.
std::vector<std::string> bassinsOf(const model::Dataset& dataset, const analysis::Territory& territory);
//! A territory a sheet can be drawn for, as offered to the user (File > Territory sheet…).
struct SheetChoice {
    QString label;     //!< "Bassin de vie: Lens (62498)", "Département: Nord (59)"
    QString territory; //!< what maillage report --territory takes
};
//! The map's selection first (one BV: that BV; several: their communes as one selection), then every
//! département of the dataset, by code.
std::vector<SheetChoice> sheetChoices(const model::Dataset& dataset, const QStringList& selectedBassins);

//! "secret statistique : effectifs inférieurs à 5 masqués" in the context's language.
QString secrecyText(const TerritoryContext& context);

} // namespace maillage::ui::print
