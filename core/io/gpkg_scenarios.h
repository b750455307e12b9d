#pragma once
// Scenarios ("et si…", issue 12) as stored: one JSON document per scenario (GDAL's CPLJSONDocument), in
// the attribute table `scenarios` of the dataset (name, description, changes: the JSON array of the
// changes) and in the JSON files `maillage scenario --define` reads.
//
// A scenario file: {"name": "Départs 2030", "description": "...", "changes": [
//   {"kind": "retire", "age": 62, "profession": "medecin_generaliste", "place": "59350"},  // place: commune
//                                                         // or BV code; profession and place optional
//   {"kind": "remove", "profession": "infirmier", "commune": "59350", "count": 3},
//   {"kind": "open", "commune": "59183", "staff": [{"profession": "medecin_generaliste", "count": 4}]},
//   {"kind": "close", "commune": "59183", "profession": "sage_femme"},  // or "facility": "D113"
//   {"kind": "add_cooperation", "name": "CPTS X", "cooperation_kind": "CPTS", "members": ["59183"],
//    "seat": "59183"},
//   {"kind": "remove_cooperation", "name": "CHT du Valenciennois"}]}
#include "core/model/error.h"
#include "core/model/scenario.h"

#include <string>
#include <vector>

class GDALDataset;

namespace maillage::io {

//! The changes of a scenario as a JSON array (the `changes` field of the table).
std::string changesToJson(const std::vector<model::ScenarioChange>& changes);
//! The changes from a JSON array. Throws Error(Format) naming `where` when it is no array, Error(Value)
//! naming `where` and the change (number, kind) for an unknown kind, a missing or mistyped field.
std::vector<model::ScenarioChange> changesFromJson(const std::string& json, const Location& where);

//! A whole scenario as a JSON document (the format of the files above).
std::string scenarioToJson(const model::Scenario& scenario);
//! Reads a scenario file. Throws Error naming the file: missing, not JSON (with GDAL's reason), no
//! "name", changes as changesFromJson. A UTF-8 byte-order mark is accepted.
model::Scenario readScenarioFile(const std::string& path);

//! Adds `scenario` to `scenarios`, or replaces the one of the same name (kept at its place).
void putScenario(std::vector<model::Scenario>& scenarios, model::Scenario scenario);
//! The scenario named `name`; nullptr when none.
const model::Scenario* findScenario(const std::vector<model::Scenario>& scenarios, const std::string& name);

//! Creates the table `scenarios` of `ds` (`path` names it in errors) and writes `scenarios` in it
//! (the table must not exist). Throws Error(Write).
void writeScenariosLayer(GDALDataset& ds, const std::string& path,
                         const std::vector<model::Scenario>& scenarios);
//! The scenarios of the table `scenarios`, none when the dataset has no such table (datasets written before
//! scenarios existed). A row whose changes cannot be read is left out with a warning in `warnings` naming
//! the file, the scenario, the row and why, so that one damaged row does not make the dataset unreadable.
//! Throws Error(Format) naming the file when the table lacks its name or changes field.
std::vector<model::Scenario> readScenariosLayer(GDALDataset& ds, const std::string& path, Warnings& warnings);

//! Rewrites only the table `scenarios` of the dataset at `path`, in place and atomically as
//! writeCooperations (core/io/gpkg.h): the GUI saves its scenarios without rewriting the rest. Throws
//! Error(Write) naming the file.
void writeScenarios(const std::string& path, const std::vector<model::Scenario>& scenarios);

} // namespace maillage::io
