#include "core/io/gpkg_scenarios.h"

#include "core/io/gdal_util.h"
#include "core/io/read_file.h"

#include <cpl_json.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>

namespace maillage::io {

namespace {

using Kind = model::ScenarioChangeKind;

//! The kinds as JSON names them, in the order of model::ScenarioChangeKind.
const std::vector<std::pair<Kind, const char*>>& kindNames() {
    static const std::vector<std::pair<Kind, const char*>> names = {
        {Kind::Retire, "retire"},
        {Kind::Remove, "remove"},
        {Kind::Open, "open"},
        {Kind::Close, "close"},
        {Kind::AddCooperation, "add_cooperation"},
        {Kind::RemoveCooperation, "remove_cooperation"}};
    return names;
}

const char* kindName(Kind kind) {
    for (const auto& [k, name] : kindNames())
        if (k == kind)
            return name;
    return "";
}

void addIfSet(CPLJSONObject& o, const char* key, const std::string& value) {
    if (!value.empty())
        o.Add(key, value);
}

CPLJSONObject changeToJson(const model::ScenarioChange& c) {
    CPLJSONObject o;
    o.Add("kind", kindName(c.kind));
    const bool commune = c.kind == Kind::Remove || c.kind == Kind::Open || c.kind == Kind::Close;
    addIfSet(o, commune ? "commune" : "place", c.place);
    addIfSet(o, "profession", c.profession);
    if (c.kind == Kind::Retire)
        o.Add("age", c.age);
    if (c.kind == Kind::Remove)
        o.Add("count", c.count);
    if (c.kind == Kind::Open) {
        CPLJSONArray staff;
        for (const model::StaffCount& s : c.staff) {
            CPLJSONObject x;
            x.Add("profession", s.profession);
            x.Add("count", s.count);
            staff.Add(x);
        }
        o.Add("staff", staff);
    }
    addIfSet(o, "facility", c.facility);
    addIfSet(o, "name", c.cooperation);
    addIfSet(o, "cooperation_kind", c.cooperationKind);
    if (c.kind == Kind::AddCooperation) {
        CPLJSONArray members;
        for (const std::string& m : c.members)
            members.Add(m);
        o.Add("members", members);
    }
    addIfSet(o, "seat", c.seat);
    return o;
}

//! Reads the fields of one change, naming `where`, the change's number and its kind in errors.
class ChangeReader {
public:
    ChangeReader(const CPLJSONObject& o, const Location& where, std::size_t index)
        : m_o(o), m_where(where), m_index(index) {}

    [[noreturn]] void fail(const char* id, std::vector<MessageArg> args) const {
        args.push_back(arg::integer("n", static_cast<long long>(m_index + 1)));
        throw Error(ErrorKind::Value, m_where, msg(id, std::move(args)));
    }
    CPLJSONObject field(const char* key, bool required) const {
        CPLJSONObject v = m_o.GetObj(key);
        if (required && (!v.IsValid() || v.GetType() == CPLJSONObject::Type::Null))
            fail("io.scenario.missing_field", {arg::code("field", key), arg::code("kind", m_kind)});
        return v;
    }
    std::string text(const char* key, bool required) const {
        const CPLJSONObject v = field(key, required);
        if (!v.IsValid() || v.GetType() == CPLJSONObject::Type::Null)
            return {};
        if (v.GetType() != CPLJSONObject::Type::String)
            fail("io.scenario.field_type",
                 {arg::code("field", key), arg::nested("expected", msg("io.scenario.a_text"))});
        return v.ToString();
    }
    double number(const CPLJSONObject& v, const char* key) const {
        const auto t = v.GetType();
        if (t != CPLJSONObject::Type::Integer && t != CPLJSONObject::Type::Long &&
            t != CPLJSONObject::Type::Double)
            fail("io.scenario.field_type",
                 {arg::code("field", key), arg::nested("expected", msg("io.scenario.a_number"))});
        return v.ToDouble();
    }
    double number(const char* key) const { return number(field(key, true), key); }
    CPLJSONArray array(const char* key) const {
        const CPLJSONObject v = field(key, true);
        if (v.GetType() != CPLJSONObject::Type::Array)
            fail("io.scenario.field_type",
                 {arg::code("field", key), arg::nested("expected", msg("io.scenario.a_list"))});
        return v.ToArray();
    }
    Kind kind() {
        m_kind = text("kind", true);
        for (const auto& [k, name] : kindNames())
            if (m_kind == name)
                return k;
        std::vector<std::string> names;
        for (const auto& entry : kindNames())
            names.push_back(entry.second);
        fail("io.scenario.unknown_kind", {arg::code("value", m_kind), arg::list("expected", names)});
    }

private:
    const CPLJSONObject& m_o;
    const Location& m_where;
    std::size_t m_index;
    std::string m_kind;
};

std::vector<model::StaffCount> readStaff(const ChangeReader& r) {
    std::vector<model::StaffCount> staff;
    for (const CPLJSONObject& x : r.array("staff")) {
        if (x.GetType() != CPLJSONObject::Type::Object)
            r.fail("io.scenario.field_type",
                   {arg::code("field", "staff"), arg::nested("expected", msg("io.scenario.a_staff"))});
        const CPLJSONObject profession = x.GetObj("profession"), count = x.GetObj("count");
        if (profession.GetType() != CPLJSONObject::Type::String || !count.IsValid())
            r.fail("io.scenario.field_type",
                   {arg::code("field", "staff"), arg::nested("expected", msg("io.scenario.a_staff"))});
        staff.push_back({profession.ToString(), r.number(count, "staff")});
    }
    return staff;
}

model::ScenarioChange changeFromJson(const CPLJSONObject& o, const Location& where, std::size_t index) {
    ChangeReader r(o, where, index);
    if (o.GetType() != CPLJSONObject::Type::Object)
        r.fail("io.scenario.not_change", {});
    model::ScenarioChange c;
    c.kind = r.kind();
    const bool commune = c.kind == Kind::Remove || c.kind == Kind::Open || c.kind == Kind::Close;
    c.place = r.text(commune ? "commune" : "place", commune);
    c.facility = c.kind == Kind::Close ? r.text("facility", false) : std::string();
    c.profession =
        r.text("profession", c.kind == Kind::Remove || (c.kind == Kind::Close && c.facility.empty()));
    if (c.kind == Kind::Retire)
        c.age = static_cast<int>(std::lround(r.number("age")));
    if (c.kind == Kind::Remove)
        c.count = r.number("count");
    if (c.kind == Kind::Open)
        c.staff = readStaff(r);
    if (c.kind == Kind::AddCooperation || c.kind == Kind::RemoveCooperation)
        c.cooperation = r.text("name", true);
    if (c.kind == Kind::AddCooperation) {
        c.cooperationKind = r.text("cooperation_kind", false);
        for (const CPLJSONObject& m : r.array("members"))
            c.members.push_back(m.ToString());
        c.seat = r.text("seat", false);
    }
    return c;
}

CPLJSONDocument parse(const std::string& json, const Location& where) {
    CPLJSONDocument doc;
    GdalErrorCollector gdalErrors; // GDAL would print "ERROR 1: JSON parsing error" itself
    if (json.empty() || !doc.LoadMemory(json))
        throw Error(ErrorKind::Format, where,
                    withGdalReason(msg("io.scenario.not_json"), msg("io.scenario.not_json_gdal"),
                                   gdalErrors.errors().empty() ? std::string() : gdalErrors.reason()));
    return doc;
}

std::vector<model::ScenarioChange> changesFrom(const CPLJSONObject& array, const Location& where) {
    if (array.GetType() != CPLJSONObject::Type::Array)
        throw Error(ErrorKind::Format, where, msg("io.scenario.not_changes"));
    std::vector<model::ScenarioChange> changes;
    std::size_t index = 0;
    for (const CPLJSONObject& o : array.ToArray())
        changes.push_back(changeFromJson(o, where, index++));
    return changes;
}

} // namespace

std::string changesToJson(const std::vector<model::ScenarioChange>& changes) {
    CPLJSONArray array;
    for (const model::ScenarioChange& c : changes)
        array.Add(changeToJson(c));
    return array.Format(CPLJSONObject::PrettyFormat::Plain);
}

std::vector<model::ScenarioChange> changesFromJson(const std::string& json, const Location& where) {
    const CPLJSONDocument doc = parse(json, where);
    return changesFrom(doc.GetRoot(), where);
}

std::string scenarioToJson(const model::Scenario& scenario) {
    CPLJSONObject root;
    root.Add("name", scenario.name);
    root.Add("description", scenario.description);
    CPLJSONArray changes;
    for (const model::ScenarioChange& c : scenario.changes)
        changes.Add(changeToJson(c));
    root.Add("changes", changes);
    return root.Format(CPLJSONObject::PrettyFormat::Pretty);
}

model::Scenario readScenarioFile(const std::string& path) {
    std::string content = readWholeFile(path, msg("io.scenario.cannot_open"));
    if (content.rfind("\xEF\xBB\xBF", 0) == 0) // editors on Windows save JSON with a UTF-8 BOM
        content.erase(0, 3);
    const Location where{path};
    const CPLJSONDocument doc = parse(content, where);
    const CPLJSONObject root = doc.GetRoot();
    const CPLJSONObject name = root.GetObj("name");
    if (root.GetType() != CPLJSONObject::Type::Object || name.GetType() != CPLJSONObject::Type::String ||
        name.ToString().empty())
        throw Error(ErrorKind::Format, where, msg("io.scenario.no_name"));
    model::Scenario s;
    s.name = name.ToString();
    s.description = root.GetString("description");
    s.changes = changesFrom(root.GetObj("changes"), where);
    return s;
}

void putScenario(std::vector<model::Scenario>& scenarios, model::Scenario scenario) {
    for (model::Scenario& s : scenarios)
        if (s.name == scenario.name) {
            s = std::move(scenario);
            return;
        }
    scenarios.push_back(std::move(scenario));
}

const model::Scenario* findScenario(const std::vector<model::Scenario>& scenarios, const std::string& name) {
    const auto it = std::find_if(scenarios.begin(), scenarios.end(),
                                 [&](const model::Scenario& s) { return s.name == name; });
    return it == scenarios.end() ? nullptr : &*it;
}

void writeScenariosLayer(GDALDataset& ds, const std::string& path,
                         const std::vector<model::Scenario>& scenarios) {
    const auto fail = [&](const char* id, std::vector<MessageArg> args) {
        args.push_back(arg::text("reason", lastGdalError()));
        throw Error(ErrorKind::Write, Location{path}, msg(id, std::move(args)));
    };
    const char* options[] = {"FID=fid", nullptr};
    OGRLayer* layer = ds.CreateLayer("scenarios", nullptr, wkbNone, const_cast<char**>(options));
    if (!layer)
        fail("gpkg.create_layer_failed", {arg::text("layer", "scenarios")});
    for (const char* name : {"name", "description", "changes"}) {
        OGRFieldDefn defn(name, OFTString);
        if (layer->CreateField(&defn) != OGRERR_NONE)
            fail("gpkg.create_field_failed", {arg::text("layer", "scenarios"), arg::text("field", name)});
    }
    if (ds.StartTransaction() != OGRERR_NONE)
        fail("gpkg.transaction_failed", {arg::text("layer", "scenarios")});
    OGRFeature f(layer->GetLayerDefn());
    for (const model::Scenario& s : scenarios) {
        f.SetFID(OGRNullFID);
        f.SetField(0, s.name.c_str());
        f.SetField(1, s.description.c_str());
        f.SetField(2, changesToJson(s.changes).c_str());
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            fail("gpkg.insert_failed", {arg::text("layer", "scenarios")});
    }
    if (ds.CommitTransaction() != OGRERR_NONE)
        fail("gpkg.commit_failed", {arg::text("layer", "scenarios")});
}

std::vector<model::Scenario> readScenariosLayer(GDALDataset& ds, const std::string& path,
                                                Warnings& warnings) {
    std::vector<model::Scenario> out;
    OGRLayer* layer = ds.GetLayerByName("scenarios");
    if (!layer)
        return out;
    const int name = layer->GetLayerDefn()->GetFieldIndex("name");
    const int description = layer->GetLayerDefn()->GetFieldIndex("description");
    const int changes = layer->GetLayerDefn()->GetFieldIndex("changes");
    if (name < 0 || changes < 0)
        throw Error(ErrorKind::Format, Location{path, 0, name < 0 ? "name" : "changes"},
                    msg("gpkg.field_missing", {arg::code("layer", "scenarios"),
                                               arg::code("field", name < 0 ? "name" : "changes")}));
    layer->ResetReading();
    for (auto& f : *layer) {
        const Location where{path, 0, "changes", static_cast<long>(f->GetFID())};
        model::Scenario s;
        s.name = f->GetFieldAsString(name);
        s.description = description >= 0 ? f->GetFieldAsString(description) : "";
        try {
            s.changes = changesFromJson(f->GetFieldAsString(changes), where);
        } catch (const Error& e) { // the other scenarios and the rest of the dataset stay readable
            warnings.push_back(makeWarning(
                ErrorKind::Format, where,
                msg("io.scenario.row_left_out",
                    {arg::code("scenario", s.name), arg::integer("row", static_cast<long long>(f->GetFID())),
                     arg::nested("reason", e.message())})));
            continue;
        }
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace maillage::io
