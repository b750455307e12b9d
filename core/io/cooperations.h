#pragma once
// Declared cooperations (DOMAIN.md §4, 3): GHT/CHT, GCS, CPTS, télémédecine, MSP networks... Members are
// communes (by code or by name) or establishments located by their commune.
#include "core/io/table.h"
#include "core/model/dataset.h"

#include <string>
#include <vector>

namespace maillage::io {

//! Column names of a cooperations table; "" = detect. Two layouts: one row per cooperation with its
//! members in one cell ("Denain, Le Quesnoy, Valenciennes", separated by ',' ';' or '|'), or one row per
//! member (rows of the same name are one cooperation).
struct CooperationColumns {
    std::string name;      //!< detected: name, nom, cooperation, libelle
    std::string kind;      //!< detected: kind, type, nature (optional: "other")
    std::string members;   //!< detected: members, membres, member, membre, communes, commune
    std::string seat;      //!< declared seat or hub; detected: seat, hub, siege, pivot (optional)
    std::string startYear; //!< detected: start_year, year, annee, debut, annee_debut (optional)
    std::string source;    //!< detected: source (optional)
};

//! A cooperation as declared, before its members are resolved to communes.
struct DeclaredCooperation {
    std::string name;
    std::string kind; //!< normalised: GHT, CHT, GCS, CPTS, télémédecine, MSP; other kinds as written
    std::vector<std::string> members; //!< as written: a commune code or name, "Name (59)", "CH X (59172)"
    std::string seat;                 //!< as written, "" when not declared
    int startYear = 0;                //!< 0 when not declared
    std::string source;
    long line = 0; //!< first line of the cooperation in the file
};

//! Reads the declarations. Throws Error(Format) when the name or members column is missing; a row
//! without a name or without members, or with a start year that is no year, is an Error(Value) naming
//! its line.
std::vector<DeclaredCooperation> readCooperations(const Table& table, const CooperationColumns& columns = {});

//! The kind as the analyses label it ("ght" -> "GHT", "Télémédecine" -> "télémédecine", "réseau de MSP"
//! -> "MSP", "" -> "other"); other text is kept as written.
std::string normaliseCooperationKind(const std::string& kind);

//! Resolves a member to a commune code of `communes`: a code ("59172"), a name ("Denain", matched
//! ignoring case, accents and punctuation), a name with its département ("Saint-Amand-les-Eaux (59)"),
//! or an establishment with its commune's code in parentheses ("CH de Denain (59172)"). Returns "" and
//! sets `problem` to "unknown" or "ambiguous" (with `candidates`: "Code Name (dep)") when it cannot.
std::string resolveMember(const std::string& member, const std::vector<model::Commune>& communes,
                          std::string& problem, std::vector<std::string>& candidates);

//! The dataset's cooperations from the declarations: members resolved to commune codes (the declared
//! seat first, so that it can be told apart), the ones that cannot be resolved left out with one warning
//! each naming the file, the line, the cooperation and the member (and the candidates when ambiguous).
std::vector<model::Cooperation> resolveCooperations(const std::vector<DeclaredCooperation>& declared,
                                                    const std::vector<model::Commune>& communes,
                                                    const std::string& file, Warnings& warnings);

// Editing (the GUI's cooperation editor): pure functions on the dataset model; io::writeCooperations
// (core/io/gpkg.h) then saves the table alone.

//! A cooperation as entered in an editor, every member resolved: kind normalised, the seat first, members
//! given as establishments ("CH de Denain (59172)") kept in `establishments`. Throws Error(Value) naming
//! the cooperation and the member that is unknown or ambiguous (with the candidates), and for an empty
//! name or fewer than one member.
model::Cooperation makeCooperation(const DeclaredCooperation& declared,
                                   const std::vector<model::Commune>& communes);

//! The kinds an editor offers, as normaliseCooperationKind writes them: GHT, CHT, GCS, CPTS, télémédecine,
//! MSP (réseau de MSP), other.
const std::vector<std::string>& cooperationKinds();

//! Position of the cooperation named `name` in `dataset.cooperations`, -1 when none.
int findCooperation(const model::Dataset& dataset, const std::string& name);

//! Adds `cooperation`. Throws Error(Value) when one of that name exists (the dataset is unchanged).
void addCooperation(model::Dataset& dataset, model::Cooperation cooperation);

//! Replaces the cooperation named `name` (which may be renamed). Throws Error(Value) when there is none of
//! that name, or when the new name is another cooperation's (the dataset is unchanged).
void replaceCooperation(model::Dataset& dataset, const std::string& name, model::Cooperation cooperation);

//! Deletes the cooperation named `name` and returns it (for undo). Throws Error(Value) when there is none.
model::Cooperation removeCooperation(model::Dataset& dataset, const std::string& name);

} // namespace maillage::io
