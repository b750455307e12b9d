#pragma once
// What the builders of result tables share (result_tables.cpp, access_tables.cpp): columns, a titled table
// stating its secrecy rule, names and labels. Internal to core/analysis.
#include "core/analysis/poles.h"
#include "core/analysis/secrecy.h"
#include "core/io/result_table.h"
#include "core/model/dataset.h"

#include <functional>
#include <string>
#include <vector>

namespace maillage::analysis::tables {

//! A column: its machine key, its French and English headers, its type, decimals and unit.
io::Column column(std::string key, std::string fr, std::string en, io::ColumnType type, int decimals = -1,
                  std::string unit = {});

//! A population column (key "population"): populations are whole inhabitants in every output. A BV's,
//! a département's or a zone's population sums its communes' exact populations, which merged and split
//! communes make fractional; the sum is rounded to the nearest inhabitant (half away from zero) when
//! written (machine and human formats alike), while densities and ratios are computed from the exact
//! values. Hence a sum of rounded populations may differ from the rounded sum by a few inhabitants.
io::Column populationColumn(std::string fr = "Population", std::string en = "Population",
                            std::string unit = "hab.");

//! A table named `name`, titled in both languages by the catalogue message `titleIn` gives, with the
//! secrecy rule.
io::ResultTable newTable(std::string name, const std::function<Message(Language)>& titleIn,
                         const SecrecyRule& rule);
//! The same, with one message worded in both languages.
io::ResultTable newTable(std::string name, const Message& title, const SecrecyRule& rule);

//! The name of BV `code`; "" when the dataset has none.
std::string bassinName(const model::Dataset& ds, const std::string& code);

//! The label of a pôle type in `language`.
std::string typeLabel(PoleType type, Language language);

} // namespace maillage::analysis::tables
