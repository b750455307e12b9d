#pragma once
// What the atlas pages and the territory sheet say about a territory, from the engine's results with
// statistical secrecy applied (core/analysis/result_tables.h): nothing here computes or masks on its own,
// it picks the cells of the engine's tables and words them for people.
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

//! The engine's words and tables for the dataset's latest vintage with its saved parameters.
struct TerritoryContext {
    const model::Dataset& dataset;
    analysis::SecrecyRule rule; //!< the dataset's (density.secrecy_threshold)
    Language language = Language::Fr;
};

//! One entry per BV of the dataset, in the dataset's order.
std::vector<TerritoryFigures> bassinFigures(const TerritoryContext& context);
//! One entry per département of the dataset (its BVs by main commune's département), by code.
std::vector<TerritoryFigures> departementFigures(const TerritoryContext& context);

//! Densities per profession in BV `bv` against its département, région and the whole dataset: one row per
//! profession the dataset counts (count in the BV, then densities per 10,000 inhabitants).
TextTable densityReferences(const TerritoryContext& context, const std::string& bv);
//! The maillage links of BV `bv` (modelled, with their intensity, and declared), strongest first, at most
//! `limit` rows.
TextTable bassinLinks(const TerritoryContext& context, const std::string& bv, int limit);
//! The Crunch diagnosis of the région of BV `bv` (its paragraphs), over the first and latest vintages.
QStringList crunchParagraphs(const TerritoryContext& context, const std::string& bv);
//! "secret statistique : effectifs inférieurs à 5 masqués" in the context's language.
QString secrecyText(const TerritoryContext& context);

} // namespace maillage::ui::print
