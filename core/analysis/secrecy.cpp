#include "core/analysis/secrecy.h"

#include "core/io/result_table.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace maillage::analysis {

SecrecyRule SecrecyRule::from(const model::DensityParameters& params) {
    return SecrecyRule{params.secrecyThreshold, true};
}

SecrecyRule SecrecyRule::off() {
    return SecrecyRule{0, false};
}

bool isSecret(double count, const SecrecyRule& rule) {
    return rule.enabled && count > 0 && count < rule.threshold;
}

bool isMasked(double count, const model::DensityParameters& params) {
    return isSecret(count, SecrecyRule::from(params));
}

bool isDerivedMasked(std::initializer_list<bool> operandsMasked) {
    for (bool masked : operandsMasked)
        if (masked)
            return true;
    return false;
}

ChangeMask maskChange(bool beforeMasked, bool afterMasked) {
    ChangeMask m;
    m.before = beforeMasked;
    m.after = afterMasked;
    m.change = isDerivedMasked({beforeMasked, afterMasked});
    return m;
}

ChangeMask maskChange(double before, double after, const SecrecyRule& rule) {
    return maskChange(isSecret(before, rule), isSecret(after, rule));
}

std::string maskedLabel(const SecrecyRule& rule, Language language) {
    return word(msg("results.masked_value", {arg::number("threshold", rule.threshold)}), language);
}

std::string maskedCountFr(double count, const model::DensityParameters& params) {
    if (isMasked(count, params))
        return maskedLabel(SecrecyRule::from(params), Language::Fr);
    return word(msg("results.value", {arg::number("value", count)}), Language::Fr);
}

Message secrecyNote(const SecrecyRule& rule) {
    return io::secrecyNote(rule.threshold, rule.enabled);
}

// ---------------------------------------------------------------- CountGrid

int CountGrid::add(double value, Visibility visibility) {
    m_values.push_back(value);
    m_visibility.push_back(visibility);
    return static_cast<int>(m_values.size()) - 1;
}

void CountGrid::relate(int total, std::vector<int> parts) {
    m_relations.push_back({total, std::move(parts)});
}

CountGrid::Knowledge CountGrid::propagate(const std::vector<bool>& masked) const {
    Knowledge k;
    k.known.resize(masked.size());
    k.derivedBy.assign(masked.size(), -1);
    for (std::size_t i = 0; i < masked.size(); ++i)
        k.known[i] = m_visibility[i] != Visibility::Hidden && !masked[i];
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t r = 0; r < m_relations.size(); ++r) {
            int unknown = -1, unknownCount = 0;
            auto visit = [&](int i) {
                if (!k.known[i]) {
                    unknown = i;
                    ++unknownCount;
                }
            };
            visit(m_relations[r].total);
            for (int p : m_relations[r].parts)
                visit(p);
            if (unknownCount == 1) {
                k.known[unknown] = true;
                k.derivedBy[unknown] = static_cast<int>(r);
                changed = true;
            }
        }
    }
    return k;
}

std::vector<bool> CountGrid::solve(const SecrecyRule& rule) const {
    const std::size_t n = m_values.size();
    std::vector<bool> masked(n, false);
    if (!rule.enabled)
        return masked;
    for (std::size_t i = 0; i < n; ++i)
        masked[i] = m_visibility[i] != Visibility::Hidden && isSecret(m_values[i], rule);
    // Each round masks at least one more cell (or stops), so n rounds reach the fixed point; every
    // violated relation is mended in the same round, so that real tables need only a few rounds.
    for (std::size_t round = 0; round <= n; ++round) {
        bool progress = false;
        const Knowledge knowledge = propagate(masked);
        std::vector<bool> touched(n, false); // relations mended this round are checked again next round
        for (int r : violations(knowledge, rule)) {
            if (touches(m_relations[r], touched))
                continue;
            const int extra = mend(r, knowledge, masked, 0);
            if (extra >= 0) // else nothing is left to mask: the total is published elsewhere, masked there
                masked[extra] = touched[extra] = progress = true;
        }
        if (!progress)
            break;
    }
    return masked;
}

std::vector<int> CountGrid::violations(const Knowledge& knowledge, const SecrecyRule& rule) const {
    std::vector<bool> violated(m_relations.size(), false);
    // A secret count given back by difference.
    for (std::size_t i = 0; i < m_values.size(); ++i)
        if (knowledge.known[i] && knowledge.derivedBy[i] >= 0 && isSecret(m_values[i], rule))
            violated[knowledge.derivedBy[i]] = true;
    // Masked parts of a known total that add up to a secret count.
    for (std::size_t r = 0; r < m_relations.size(); ++r) {
        if (!knowledge.known[m_relations[r].total])
            continue;
        double unknownSum = 0;
        for (int p : m_relations[r].parts)
            if (!knowledge.known[p])
                unknownSum += m_values[p];
        if (isSecret(unknownSum, rule))
            violated[r] = true;
    }
    std::vector<int> out;
    for (std::size_t r = 0; r < violated.size(); ++r)
        if (violated[r])
            out.push_back(static_cast<int>(r));
    return out;
}

bool CountGrid::touches(const Relation& relation, const std::vector<bool>& touched) {
    if (touched[relation.total])
        return true;
    for (int p : relation.parts)
        if (touched[p])
            return true;
    return false;
}

int CountGrid::mend(int relation, const Knowledge& knowledge, const std::vector<bool>& masked,
                    int depth) const {
    const Relation& r = m_relations[relation];
    const int extra = complementOf(r, masked);
    if (extra >= 0 || depth > 8)
        return extra;
    // Every member is masked or published, yet the relation gives a count back: a masked member is itself
    // given back by another relation. Mask further there.
    std::vector<int> members = r.parts;
    members.push_back(r.total);
    for (int m : members) {
        const int by = knowledge.derivedBy[m];
        if (by >= 0 && by != relation) {
            const int further = mend(by, knowledge, masked, depth + 1);
            if (further >= 0)
                return further;
        }
    }
    return -1;
}

int CountGrid::complementOf(const Relation& relation, const std::vector<bool>& masked) const {
    auto maskable = [&](int i) { return m_visibility[i] == Visibility::Shown && !masked[i]; };
    // The smallest non-zero part loses least information; then the total; a zero part last (it stops a
    // subtraction, but adds nothing to the masked sum).
    int best = -1;
    for (int p : relation.parts)
        if (maskable(p) && m_values[p] != 0 && (best < 0 || m_values[p] < m_values[best]))
            best = p;
    if (best >= 0)
        return best;
    if (maskable(relation.total))
        return relation.total;
    for (int p : relation.parts)
        if (maskable(p))
            return p;
    return -1;
}

// ---------------------------------------------------------------- classification

ClassificationMask maskClassification(double total, double pole, double psy, const SecrecyRule& rule) {
    using V = CountGrid::Visibility;
    CountGrid grid;
    const int t = grid.add(total), p = grid.add(pole), s = grid.add(psy), e = grid.add(total - psy);
    const int proximite = grid.add(total - pole, V::Hidden);
    const int poleExPsy = grid.add(pole - psy, V::Hidden);
    grid.relate(t, {s, e});
    grid.relate(t, {p, proximite});
    grid.relate(p, {s, poleExPsy});
    const std::vector<bool> m = grid.solve(rule);
    ClassificationMask out;
    out.total = m[t];
    out.pole = m[p];
    out.psy = m[s];
    out.exPsy = m[e];
    out.poleShare = isDerivedMasked({out.pole, out.total});
    out.psyShare = isDerivedMasked({out.psy, out.total});
    out.reason = out.any();
    return out;
}

TerritoryMask maskTerritoryCounts(const TerritoryCounts& c, const SecrecyRule& rule) {
    using V = CountGrid::Visibility;
    CountGrid grid;
    const int total = grid.add(c.total, c.totalPublished ? V::Published : V::Shown);
    std::vector<int> parts;
    for (double part : c.parts)
        parts.push_back(grid.add(part));
    grid.relate(total, parts);
    if (!c.memberTotals.empty()) {
        std::vector<int> members;
        for (double member : c.memberTotals)
            members.push_back(grid.add(member, V::Published));
        grid.relate(total, members);
    }
    for (std::size_t r = 0; r < c.referenceTotals.size() && r < c.referenceParts.size(); ++r) {
        // reference = territory + rest, profession by profession and in total; the rest is never written.
        std::vector<int> rests;
        for (std::size_t p = 0; p < c.parts.size() && p < c.referenceParts[r].size(); ++p) {
            const int reference = grid.add(c.referenceParts[r][p], V::Published);
            rests.push_back(grid.add(c.referenceParts[r][p] - c.parts[p], V::Hidden));
            grid.relate(reference, {parts[p], rests.back()});
        }
        const int reference = grid.add(c.referenceTotals[r], V::Published);
        const int rest = grid.add(c.referenceTotals[r] - c.total, V::Hidden);
        grid.relate(reference, {total, rest});
        grid.relate(rest, rests);
    }
    const std::vector<bool> m = grid.solve(rule);
    TerritoryMask out;
    out.total = m[static_cast<std::size_t>(total)];
    for (int p : parts)
        out.parts.push_back(m[static_cast<std::size_t>(p)]);
    return out;
}

// ---------------------------------------------------------------- links and Crunch

bool isIntensityMasked(double massFrom, double massTo, const SecrecyRule& rule) {
    return isDerivedMasked({isSecret(massFrom, rule), isSecret(massTo, rule)});
}

namespace {

//! Sum of the counts of the selection's BVs (vintageTo) that the classification masks.
double maskedSelectionSum(const CrunchDiagnostics& d, const SecrecyRule& rule) {
    std::map<std::string, const PoleClassification*> byBassin;
    for (const PoleClassification& p : d.classification)
        byBassin.emplace(p.bv, &p);
    double sum = 0;
    for (const std::string& bv : d.bassins) {
        const auto it = byBassin.find(bv);
        if (it == byBassin.end())
            continue;
        const PoleClassification& p = *it->second;
        if (maskClassification(p.total, p.pole, p.psy, rule).total)
            sum += p.total;
    }
    return sum;
}

//! The Herfindahl index H = Σ n²/N² and 1/H, rounded as written, give Σ n² over the masked BVs to within
//! N² times their rounding: no information when that is at least the largest value the sum can take (S²).
bool concentrationHidesSquares(const CrunchDiagnostics& d, double maskedSum) {
    if (maskedSum <= 0)
        return true;
    const double n2 = d.totalProfessionals * d.totalProfessionals;
    const double fromH = n2 * 0.5 * std::pow(10.0, -kHerfindahlDecimals);
    const double e = d.equivalentPoles;
    const double fromE = e > 0 ? n2 * 0.5 * std::pow(10.0, -kEquivalentPolesDecimals) / (e * e) : fromH;
    return std::min(fromH, fromE) >= maskedSum * maskedSum;
}

//! Masked counts per group of BVs (pôles, others) and vintage.
struct MaskedSums {
    double poleBefore = 0, poleAfter = 0, otherBefore = 0, otherAfter = 0;
};

//! Changes per BV: before and after primary, the change derived; and the sums they enter.
void maskChanges(const CrunchDiagnostics& d, const SecrecyRule& rule, CrunchMask& m) {
    MaskedSums sums;
    for (const BassinChange& c : d.changes) {
        const bool before = isSecret(c.before, rule), after = isSecret(c.after, rule);
        const bool change = isDerivedMasked({before, after});
        m.before.push_back(before);
        m.after.push_back(after);
        m.change.push_back(change);
        const bool pole = c.type != PoleType::HorsPole;
        (pole ? sums.poleBefore : sums.otherBefore) += before ? c.before : 0;
        (pole ? sums.poleAfter : sums.otherAfter) += after ? c.after : 0;
        m.drainCorrelation = m.drainCorrelation || (change && c.before > 0);
    }
    m.poleChange = isSecret(sums.poleBefore, rule) || isSecret(sums.poleAfter, rule);
    m.nonPoleChange = isSecret(sums.otherBefore, rule) || isSecret(sums.otherAfter, rule);
}

} // namespace

CrunchMask maskCrunch(const CrunchDiagnostics& d, const SecrecyRule& rule) {
    CrunchMask m;
    m.firstMass = isSecret(d.firstMass, rule);
    m.secondMass = isSecret(d.secondMass, rule);
    m.primacy = isDerivedMasked({m.firstMass, m.secondMass});
    const double maskedSum = maskedSelectionSum(d, rule);
    m.selectionFigures = isSecret(maskedSum, rule);
    m.concentration = m.selectionFigures || !concentrationHidesSquares(d, maskedSum);
    maskChanges(d, rule, m);
    m.diagnosis = m.firstMass || m.secondMass || m.selectionFigures || m.concentration;
    return m;
}

CrunchDiagnostics publishableCrunch(const CrunchDiagnostics& d, const CrunchMask& m) {
    CrunchDiagnostics out = d;
    if (m.poleChange || m.nonPoleChange)
        out.hasEvolution = false;
    if (m.drainCorrelation) {
        // Over the BVs whose change is shown only: it then gives back no masked change.
        int points = 0;
        out.drainCorrelation = drainCorrelationOf(d.changes, m.change, points);
        out.findings.correlationPoints = points;
        out.findings.drain = out.hasEvolution ? drainSignatureOf(out, points) : DrainSignature::Unknown;
    }
    std::vector<std::string> atRisk;
    for (const std::string& bv : d.atRisk) {
        bool masked = false;
        for (std::size_t i = 0; i < d.changes.size(); ++i)
            masked = masked || (d.changes[i].bv == bv && m.change[i]);
        if (!masked)
            atRisk.push_back(bv);
    }
    out.atRisk = atRisk;
    return out;
}

} // namespace maillage::analysis
