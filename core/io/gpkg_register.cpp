#include "core/io/gpkg_register.h"

#include "core/io/gdal_util.h"
#include "core/io/sqlite_rows.h"
#include "core/model/error.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <unordered_map>

namespace maillage::io {

namespace {

constexpr const char* kProfessionals = "professionnels";
constexpr const char* kActivities = "activites";

[[noreturn]] void failWrite(const std::string& path, const char* layer) {
    throw Error(ErrorKind::Write, Location{path},
                msg("gpkg.insert_failed", {arg::text("layer", layer), arg::text("reason", lastGdalError())}));
}

OGRLayer* createTable(GDALDataset& ds, const std::string& path, const char* name,
                      std::initializer_list<std::pair<const char*, OGRFieldType>> fields) {
    CPLStringList options;
    options.SetNameValue("FID", "fid");
    OGRLayer* l = ds.CreateLayer(name, nullptr, wkbNone, options.List());
    if (!l)
        throw Error(ErrorKind::Write, Location{path},
                    msg("gpkg.create_layer_failed",
                        {arg::text("layer", name), arg::text("reason", lastGdalError())}));
    for (const auto& [field, type] : fields) {
        OGRFieldDefn defn(field, type);
        if (l->CreateField(&defn) != OGRERR_NONE)
            throw Error(ErrorKind::Write, Location{path},
                        msg("gpkg.create_field_failed", {arg::text("layer", name), arg::text("field", field),
                                                         arg::text("reason", lastGdalError())}));
    }
    return l;
}

const char* sexCode(model::Sex s) {
    return s == model::Sex::Female ? "F" : s == model::Sex::Male ? "M" : "";
}
model::Sex sexOf(const std::string& s) {
    return s == "F" ? model::Sex::Female : s == "M" ? model::Sex::Male : model::Sex::Unknown;
}
const char* sectorCode(model::Sector s) {
    switch (s) {
    case model::Sector::Sector1:
        return "1";
    case model::Sector::Sector2:
        return "2";
    case model::Sector::Optam:
        return "optam";
    case model::Sector::NotConventioned:
        return "nc";
    default:
        return "";
    }
}
model::Sector sectorOf(const std::string& s) {
    return s == "1"       ? model::Sector::Sector1
           : s == "2"     ? model::Sector::Sector2
           : s == "optam" ? model::Sector::Optam
           : s == "nc"    ? model::Sector::NotConventioned
                          : model::Sector::Unknown;
}
const char* modeCode(model::PracticeMode m) {
    return m == model::PracticeMode::Liberal    ? "liberal"
           : m == model::PracticeMode::Salaried ? "salarie"
           : m == model::PracticeMode::Mixed    ? "mixte"
                                                : "";
}
model::PracticeMode modeOf(const std::string& s) {
    return s == "liberal"   ? model::PracticeMode::Liberal
           : s == "salarie" ? model::PracticeMode::Salaried
           : s == "mixte"   ? model::PracticeMode::Mixed
                            : model::PracticeMode::Unknown;
}

void setOrNull(OGRFeature& f, int i, int value) {
    if (value)
        f.SetField(i, value);
    else
        f.SetFieldNull(i);
}

void writeProfessionals(GDALDataset& ds, const std::string& path, const model::Dataset& d) {
    OGRLayer* l = createTable(ds, path, kProfessionals,
                              {{"vintage", OFTInteger},
                               {"id", OFTString},
                               {"profession", OFTString},
                               {"specialty", OFTString},
                               {"birth_year", OFTInteger},
                               {"sex", OFTString},
                               {"sector", OFTString},
                               {"start_year", OFTInteger}});
    OGRFeature f(l->GetLayerDefn());
    for (const auto& reg : d.registers)
        for (const auto& p : reg.professionals) {
            f.SetFID(OGRNullFID);
            f.SetField(0, reg.vintage);
            f.SetField(1, p.id.c_str());
            f.SetField(2, p.profession.c_str());
            f.SetField(3, p.specialty.c_str());
            setOrNull(f, 4, p.birthYear);
            f.SetField(5, sexCode(p.sex));
            f.SetField(6, sectorCode(p.sector));
            setOrNull(f, 7, p.startYear);
            if (l->CreateFeature(&f) != OGRERR_NONE)
                failWrite(path, kProfessionals);
        }
}

void writeActivities(GDALDataset& ds, const std::string& path, const model::Dataset& d) {
    OGRLayer* l = createTable(ds, path, kActivities,
                              {{"vintage", OFTInteger},
                               {"id", OFTString},
                               {"commune", OFTString},
                               {"mode", OFTString},
                               {"fte", OFTReal},
                               {"main", OFTInteger}});
    OGRFeature f(l->GetLayerDefn());
    for (const auto& reg : d.registers)
        for (const auto& p : reg.professionals)
            for (const auto& s : p.sites) {
                f.SetFID(OGRNullFID);
                f.SetField(0, reg.vintage);
                f.SetField(1, p.id.c_str());
                f.SetField(2, s.commune.c_str());
                f.SetField(3, modeCode(s.mode));
                f.SetField(4, s.fte);
                f.SetField(5, s.main ? 1 : 0);
                if (l->CreateFeature(&f) != OGRERR_NONE)
                    failWrite(path, kActivities);
            }
}

//! Calls visit(text(k), number(k)) accessors for every row of table `name` with `columns`: SQLite when the
//! dataset is a GeoPackage file, GDAL otherwise (PostGIS).
template <typename Visit>
void forEachRow(GDALDataset& ds, const std::string& path, const char* name,
                const std::vector<std::string>& columns, Visit&& visit) {
    if (auto rows = SqliteRows::open(path, name, columns, "fid")) {
        while (rows->next())
            visit([&](int k) { return rows->text(k); }, [&](int k) { return rows->number(k); });
        if (rows->done())
            return;
    }
    OGRLayer* l = ds.GetLayerByName(name);
    std::vector<int> index;
    for (const auto& c : columns) {
        index.push_back(l->GetLayerDefn()->GetFieldIndex(c.c_str()));
        if (index.back() < 0)
            throw Error(ErrorKind::Format, Location{path, 0, c},
                        msg("gpkg.field_missing", {arg::code("layer", name), arg::code("field", c)}));
    }
    l->ResetReading();
    for (auto& f : *l)
        visit(
            [&](int k) {
                const int i = index[static_cast<std::size_t>(k)];
                return f->IsFieldSetAndNotNull(i) ? std::string(f->GetFieldAsString(i)) : std::string();
            },
            [&](int k) {
                const int i = index[static_cast<std::size_t>(k)];
                return f->IsFieldSetAndNotNull(i) ? f->GetFieldAsDouble(i) : 0.0;
            });
}

} // namespace

std::string registerSourceKey(int vintage) {
    return "register." + std::to_string(vintage) + ".source";
}
std::string registerRuleKey(int vintage) {
    return "register." + std::to_string(vintage) + ".rule";
}

std::string siteRuleName(model::SiteRule rule) {
    return rule == model::SiteRule::MainSite ? "main_site" : "shared_by_activity";
}

bool parseSiteRule(const std::string& text, model::SiteRule& out) {
    if (text == "main_site" || text == "main")
        out = model::SiteRule::MainSite;
    else if (text == "shared_by_activity" || text == "shared")
        out = model::SiteRule::SharedByActivity;
    else
        return false;
    return true;
}

std::vector<std::pair<std::string, std::string>>
withRegisterMetadata(std::vector<std::pair<std::string, std::string>> rows,
                     const std::vector<model::ProfessionalRegister>& registers) {
    auto set = [&rows](const std::string& key, const std::string& value) {
        for (auto& [k, v] : rows)
            if (k == key) {
                v = value;
                return;
            }
        rows.emplace_back(key, value);
    };
    for (const auto& reg : registers) {
        set("extra." + registerSourceKey(reg.vintage), reg.source);
        set("extra." + registerRuleKey(reg.vintage), siteRuleName(reg.rule));
    }
    return rows;
}

void writeRegisterTables(GDALDataset& ds, const std::string& path, const model::Dataset& d) {
    if (d.registers.empty())
        return;
    // One transaction per table: SQLite commits per statement otherwise, 100 times slower.
    for (auto write : {&writeProfessionals, &writeActivities}) {
        if (ds.StartTransaction() != OGRERR_NONE)
            failWrite(path, kProfessionals);
        write(ds, path, d);
        if (ds.CommitTransaction() != OGRERR_NONE)
            failWrite(path, kActivities);
    }
}

void readRegisterTables(GDALDataset& ds, const std::string& path, model::Dataset& d) {
    if (!ds.GetLayerByName(kProfessionals) || !ds.GetLayerByName(kActivities))
        return;
    std::map<int, model::ProfessionalRegister> byVintage;
    std::map<int, std::unordered_map<std::string, std::size_t>> index;
    forEachRow(ds, path, kProfessionals,
               {"vintage", "id", "profession", "specialty", "birth_year", "sex", "sector", "start_year"},
               [&](auto text, auto number) {
                   const int vintage = static_cast<int>(number(0));
                   model::RegisteredProfessional p;
                   p.id = text(1);
                   p.profession = text(2);
                   p.specialty = text(3);
                   p.birthYear = static_cast<int>(number(4));
                   p.sex = sexOf(text(5));
                   p.sector = sectorOf(text(6));
                   p.startYear = static_cast<int>(number(7));
                   auto& reg = byVintage[vintage];
                   index[vintage].emplace(p.id, reg.professionals.size());
                   reg.professionals.push_back(std::move(p));
               });
    forEachRow(ds, path, kActivities, {"vintage", "id", "commune", "mode", "fte", "main"},
               [&](auto text, auto number) {
                   const int vintage = static_cast<int>(number(0));
                   const auto it = index[vintage].find(text(1));
                   if (it == index[vintage].end())
                       throw Error(
                           ErrorKind::Format, Location{path, 0, "id"},
                           msg("io.register.activity_orphan",
                               {arg::code("id", text(1)), arg::text("vintage", std::to_string(vintage))}));
                   model::PracticeSite s;
                   s.commune = text(2);
                   s.mode = modeOf(text(3));
                   s.fte = number(4);
                   s.main = number(5) != 0;
                   byVintage[vintage].professionals[it->second].sites.push_back(std::move(s));
               });
    for (auto& [vintage, reg] : byVintage) {
        reg.vintage = vintage;
        const auto source = d.meta.extra.find(registerSourceKey(vintage));
        if (source != d.meta.extra.end())
            reg.source = source->second;
        const auto rule = d.meta.extra.find(registerRuleKey(vintage));
        if (rule != d.meta.extra.end())
            parseSiteRule(rule->second, reg.rule);
        d.registers.push_back(std::move(reg));
    }
}

} // namespace maillage::io
