#include "core/analysis/calibration.h"
#include "core/analysis/register_counts.h"
#include "core/analysis/table_build.h"

#include <algorithm>
#include <cmath>

namespace maillage::analysis {

using io::Cell;
using io::Column;
using io::ColumnType;
using io::ResultTable;

namespace {

// A register professional of a BV in professions BPE lacks weighs in its type from these shares on.
constexpr double kPsyShareThatMatters = 0.05;
constexpr double kOnlyInRegisterShareThatMatters = 0.10;

void requireCounts(const model::Dataset& ds, int vintage) {
    if (std::none_of(ds.counts.begin(), ds.counts.end(),
                     [&](const model::CountRecord& c) { return c.vintage == vintage; }))
        throw Error(ErrorKind::Parameter, Location{},
                    msg("analysis.calibration.no_counts", {arg::text("vintage", std::to_string(vintage))}));
}

//! Sum per profession (catalogue index) over the BVs.
std::vector<double> professionTotals(const std::vector<BassinTotals>& bassins, std::size_t professions) {
    std::vector<double> out(professions, 0.0);
    for (const auto& b : bassins)
        for (std::size_t i = 0; i < b.byProfession.size() && i < professions; ++i)
            out[i] += b.byProfession[i];
    return out;
}

int agreeingBassins(const std::vector<PoleClassification>& a, const std::vector<PoleClassification>& b) {
    int n = 0;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        n += a[i].type == b[i].type ? 1 : 0;
    return n;
}

//! The index of the best scale of `grid` (see Calibration::bestScale).
std::size_t bestIndex(const std::vector<ScaleAgreement>& grid, double sizeRatio) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < grid.size(); ++i) {
        const bool more = grid[i].agreeing > grid[best].agreeing;
        const bool closer = grid[i].agreeing == grid[best].agreeing &&
                            std::fabs(grid[i].scale - sizeRatio) < std::fabs(grid[best].scale - sizeRatio);
        if (more || closer)
            best = i;
    }
    return best;
}

CalibrationReason reasonOf(const BassinCalibration& b, bool bpeHasPsy) {
    if (!bpeHasPsy && b.byRegister.psyShare >= kPsyShareThatMatters)
        return CalibrationReason::PsychiatricNurses;
    if (b.onlyInRegisterShare >= kOnlyInRegisterShareThatMatters)
        return CalibrationReason::OnlyInRegister;
    return CalibrationReason::SitesVersusPeople;
}

//! The BVs whose type differs at `scale`, with their reason.
std::vector<BassinCalibration> differingBassins(const Classification& reg,
                                                const std::vector<PoleClassification>& bpe,
                                                const std::vector<bool>& onlyInRegister, bool bpeHasPsy) {
    std::vector<BassinCalibration> out;
    for (std::size_t i = 0; i < reg.poles.size() && i < bpe.size(); ++i) {
        if (reg.poles[i].type == bpe[i].type)
            continue;
        BassinCalibration b;
        b.bv = reg.poles[i].bv;
        b.byRegister = reg.poles[i];
        b.byBpe = bpe[i];
        const BassinTotals& totals = reg.aggregation.bassins[i];
        double only = 0;
        for (std::size_t k = 0; k < totals.byProfession.size() && k < onlyInRegister.size(); ++k)
            only += onlyInRegister[k] ? totals.byProfession[k] : 0;
        b.onlyInRegisterShare = totals.total > 0 ? only / totals.total : 0;
        b.reason = reasonOf(b, bpeHasPsy);
        out.push_back(std::move(b));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.bv < b.bv; });
    return out;
}

} // namespace

std::vector<double> defaultCalibrationGrid() {
    std::vector<double> out;
    for (int i = 1; i <= 20; ++i)
        out.push_back(i * 0.05);
    return out;
}

Calibration calibrate(const model::Dataset& ds, int registerVintage, int bpeVintage,
                      const model::PoleParameters& params, const std::vector<double>& grid) {
    requireCounts(ds, registerVintage);
    requireCounts(ds, bpeVintage);
    Calibration out;
    out.registerVintage = registerVintage;
    out.bpeVintage = bpeVintage;
    model::PoleParameters atOne = params;
    atOne.massScale = 1;
    const Classification reg = classifyDataset(ds, registerVintage, atOne);
    const Aggregation bpe = aggregateByBassin(ds, bpeVintage);
    out.warnings = reg.warnings();
    out.warnings.insert(out.warnings.end(), bpe.warnings.begin(), bpe.warnings.end());
    const std::size_t n = ds.catalogue.professions().size();
    const std::vector<double> regByProfession = professionTotals(reg.aggregation.bassins, n);
    const std::vector<double> bpeByProfession = professionTotals(bpe.bassins, n);
    std::vector<bool> onlyInRegister(n, false);
    bool bpeHasPsy = false;
    for (std::size_t k = 0; k < n; ++k) {
        onlyInRegister[k] = regByProfession[k] > 0 && bpeByProfession[k] <= 0;
        if (onlyInRegister[k])
            out.onlyInRegister.push_back(ds.catalogue.professions()[k].code);
        bpeHasPsy = bpeHasPsy || (ds.catalogue.professions()[k].psychiatric && bpeByProfession[k] > 0);
        out.registerTotal += regByProfession[k];
        out.bpeTotal += bpeByProfession[k];
    }
    std::vector<std::vector<PoleClassification>> byScale;
    for (double scale : grid) {
        model::PoleParameters p = params;
        p.massScale = scale;
        byScale.push_back(classifyPoles(bpe.bassins, p));
        out.grid.push_back({scale, agreeingBassins(reg.poles, byScale.back())});
    }
    if (grid.empty())
        return out;
    const std::size_t best =
        bestIndex(out.grid, out.registerTotal > 0 ? out.bpeTotal / out.registerTotal : 1);
    out.bestScale = out.grid[best].scale;
    out.agreeing = out.grid[best].agreeing;
    out.bassins = static_cast<int>(reg.poles.size());
    out.differing = differingBassins(reg, byScale[best], onlyInRegister, bpeHasPsy);
    return out;
}

std::string describeCalibration(const BassinCalibration& b, double bestScale, Language language) {
    auto label = [&](PoleType t) {
        return language == Language::Fr ? poleTypeLabelFr(t) : poleTypeLabelEn(t);
    };
    std::vector<MessageArg> args = {
        arg::text("register_type", label(b.byRegister.type)), arg::text("bpe_type", label(b.byBpe.type)),
        arg::number("scale", bestScale, 2), arg::integer("total", std::llround(b.byRegister.total))};
    switch (b.reason) {
    case CalibrationReason::PsychiatricNurses:
        args.push_back(arg::percent("share", b.byRegister.psyShare));
        return word(msg("analysis.calibration.reason_psy", args), language);
    case CalibrationReason::OnlyInRegister:
        args.push_back(arg::percent("share", b.onlyInRegisterShare));
        return word(msg("analysis.calibration.reason_only_register", args), language);
    case CalibrationReason::SitesVersusPeople:
        break;
    }
    args.push_back(arg::integer("bpe", std::llround(b.byBpe.total)));
    args.push_back(arg::number("ratio", b.byRegister.total > 0 ? b.byBpe.total / b.byRegister.total : 0, 2));
    return word(msg("analysis.calibration.reason_sites", args), language);
}

namespace {

const char* reasonKey(CalibrationReason r) {
    return r == CalibrationReason::PsychiatricNurses ? "psychiatric_nurses"
           : r == CalibrationReason::OnlyInRegister  ? "only_in_register"
                                                     : "sites_vs_people";
}

using tables::column;

//! A table of the shared builder, with the secrecy note calibration tables carry.
ResultTable newTable(std::string name, const Message& title, const SecrecyRule& rule) {
    ResultTable t = tables::newTable(std::move(name), title, rule);
    t.notes.push_back(secrecyNote(rule));
    return t;
}

io::Row calibrationRow(const model::Dataset& ds, const BassinCalibration& b, double scale,
                       const SecrecyRule& rule, Language language) {
    const ClassificationMask m =
        maskClassification(b.byRegister.total, b.byRegister.pole, b.byRegister.psy, rule);
    const bool bpeMasked = isSecret(b.byBpe.total, rule);
    auto label = [&](PoleType t) {
        return language == Language::Fr ? poleTypeLabelFr(t) : poleTypeLabelEn(t);
    };
    // The reason quotes the figures: with one of them masked, only its kind is given.
    const std::string reason =
        m.total || m.psy || bpeMasked
            ? word(msg("analysis.calibration.reason_masked", {arg::number("threshold", rule.threshold)}),
                   language)
            : describeCalibration(b, scale, language);
    const model::Bassin* bassin = ds.bassin(b.bv);
    io::Row row;
    row.cells = {Cell::of(b.bv),
                 Cell::of(bassin ? bassin->name : std::string()),
                 Cell::of(label(b.byRegister.type)),
                 Cell::of(label(b.byBpe.type)),
                 Cell::orSecret(b.byRegister.total, m.total),
                 Cell::orSecret(b.byBpe.total, bpeMasked),
                 Cell::orSecret(b.byRegister.psy, m.psy),
                 m.total ? Cell::secret() : Cell::of(b.onlyInRegisterShare),
                 Cell::of(std::string(reasonKey(b.reason))),
                 Cell::of(reason)};
    return row;
}

} // namespace

std::vector<ResultTable> calibrationTables(const model::Dataset& ds, const Calibration& c,
                                           const SecrecyRule& rule, Language language) {
    const std::vector<MessageArg> years = {arg::text("register", std::to_string(c.registerVintage)),
                                           arg::text("bpe", std::to_string(c.bpeVintage))};
    ResultTable t = newTable("calibration", msg("analysis.calibration.title", years), rule);
    t.columns = {column("bv", "Bassin de vie", "Bassin de vie", ColumnType::Code),
                 column("name", "Nom", "Name", ColumnType::Text),
                 column("type_register", "Type selon le registre", "Type by the register", ColumnType::Text),
                 column("type_bpe", "Type selon la BPE", "Type by BPE", ColumnType::Text),
                 column("total_register", "Professionnels (registre)", "Professionals (register)",
                        ColumnType::Real, 1),
                 column("total_bpe", "Professionnels (BPE)", "Professionals (BPE)", ColumnType::Real, 1),
                 column("psy_register", "Infirmiers en psychiatrie (registre)",
                        "Psychiatric nurses (register)", ColumnType::Real, 1),
                 column("only_register_share", "Part des professions absentes de la BPE",
                        "Share of professions BPE lacks", ColumnType::Percent, 1),
                 column("reason_kind", "Nature de l'écart", "Kind of difference", ColumnType::Code),
                 column("reason", "Raison", "Reason", ColumnType::Text)};
    for (const BassinCalibration& b : c.differing)
        t.rows.push_back(calibrationRow(ds, b, c.bestScale, rule, language));
    t.notes.push_back(msg("analysis.calibration.note_best",
                          {arg::number("scale", c.bestScale, 2), arg::integer("agreeing", c.agreeing),
                           arg::integer("bassins", c.bassins)}));
    if (const model::ProfessionalRegister* reg = registerOfYear(ds, c.registerVintage))
        t.notes.push_back(msg(reg->rule == model::SiteRule::MainSite ? "io.register.site_rule_main"
                                                                     : "io.register.site_rule_shared"));
    ResultTable g =
        newTable("calibration_grid", msg("analysis.calibration.grid_title", years), SecrecyRule::off());
    g.notes.clear(); // numbers of bassins de vie, not of people: nothing to mask
    g.columns = {column("scale", "Échelle de masse", "Mass scale", ColumnType::Real, 2),
                 column("agreeing", "Bassins de même type", "Bassins of equal type", ColumnType::Integer),
                 column("share", "Part des bassins", "Share of bassins", ColumnType::Percent, 1)};
    for (const ScaleAgreement& a : c.grid) {
        io::Row row;
        row.cells = {Cell::of(a.scale), Cell::of(static_cast<double>(a.agreeing)),
                     Cell::of(c.bassins > 0 ? static_cast<double>(a.agreeing) / c.bassins : 0.0)};
        g.rows.push_back(std::move(row));
    }
    return {t, g};
}

} // namespace maillage::analysis
