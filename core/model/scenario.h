#pragma once
// Scenarios ("et si…", issue 12): a named, ordered list of changes to the professionals of a dataset
// (retirements, departures, a new maison de santé, a closed site, cooperations added or removed), kept in
// the dataset and applied by core/analysis/scenario.h. Plain data: no I/O here.
#include <string>
#include <vector>

namespace maillage::model {

//! What one change of a scenario does.
enum class ScenarioChangeKind {
    Retire,            //!< retire the professionals aged `age` or more (needs a register of the vintage)
    Remove,            //!< remove `count` professionals of `profession` from `commune`
    Open,              //!< open a maison de santé in `commune` with `staff` (professionals per profession)
    Close,             //!< close a site: every professional of `profession` in `commune`, or a facility
    AddCooperation,    //!< add `cooperation`
    RemoveCooperation, //!< remove the cooperation named `cooperation.name`
};

//! Professionals of one profession (the staff of a maison de santé).
struct StaffCount {
    std::string profession; //!< catalogue code or alias
    double count = 0;

    bool operator==(const StaffCount& o) const { return profession == o.profession && count == o.count; }
};

//! One change. Only the members of its kind are used.
struct ScenarioChange {
    ScenarioChangeKind kind = ScenarioChangeKind::Remove;
    //! Retire: "" = every profession; Remove, Close (site): the profession (code or alias).
    std::string profession;
    //! Remove, Open, Close: the commune; Retire: a commune or a bassin de vie code, "" = everywhere.
    std::string place;
    double count = 0;              //!< Remove: professionals removed
    int age = 0;                   //!< Retire: professionals aged this or more in the register's vintage
    std::vector<StaffCount> staff; //!< Open
    std::string facility;          //!< Close: a facility kind (BPE "D108") instead of a profession
    //! AddCooperation, RemoveCooperation: the cooperation's name; AddCooperation also its kind ("CPTS"),
    //! member communes (codes, the seat first when there is one) and seat ("" when none).
    std::string cooperation;
    std::string cooperationKind;
    std::vector<std::string> members;
    std::string seat;

    bool operator==(const ScenarioChange& o) const;
    bool operator!=(const ScenarioChange& o) const { return !(*this == o); }
};

//! A scenario: a name (unique in a dataset), what it is about, its changes in the order they apply.
struct Scenario {
    std::string name;
    std::string description;
    std::vector<ScenarioChange> changes;

    bool operator==(const Scenario& o) const {
        return name == o.name && description == o.description && changes == o.changes;
    }
};

inline bool ScenarioChange::operator==(const ScenarioChange& o) const {
    return kind == o.kind && profession == o.profession && place == o.place && count == o.count &&
           age == o.age && staff == o.staff && facility == o.facility && cooperation == o.cooperation &&
           cooperationKind == o.cooperationKind && members == o.members && seat == o.seat;
}

} // namespace maillage::model
