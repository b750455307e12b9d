#include "core/analysis/secrecy.h"

#include "core/io/result_table.h"

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

// ---------------------------------------------------------------- links and Crunch

bool isIntensityMasked(double massFrom, double massTo, const SecrecyRule& rule) {
    return isDerivedMasked({isSecret(massFrom, rule), isSecret(massTo, rule)});
}

namespace {

//! True when a BV of the selection has a masked count in the classification the diagnosis rests on.
bool selectionHasMaskedCount(const CrunchDiagnostics& d, const SecrecyRule& rule) {
    std::map<std::string, double> totals;
    for (const PoleClassification& p : d.classification)
        totals.emplace(p.bv, p.total);
    for (const std::string& bv : d.bassins) {
        const auto it = totals.find(bv);
        if (it != totals.end() && isSecret(it->second, rule))
            return true;
    }
    return false;
}

//! Changes per BV: before and after primary, the change derived; and which sums they enter.
void maskChanges(const CrunchDiagnostics& d, const SecrecyRule& rule, CrunchMask& m) {
    for (const BassinChange& c : d.changes) {
        const bool before = isSecret(c.before, rule), after = isSecret(c.after, rule);
        const bool change = isDerivedMasked({before, after});
        m.before.push_back(before);
        m.after.push_back(after);
        m.change.push_back(change);
        const bool pole = c.type != PoleType::HorsPole;
        m.poleChange = m.poleChange || (pole && change);
        m.nonPoleChange = m.nonPoleChange || (!pole && change);
        m.drainCorrelation = m.drainCorrelation || (change && c.before > 0);
        m.selectionFigures = m.selectionFigures || after;
    }
}

//! The written diagnosis quotes the masses, the selection's figures and, with two vintages, the changes
//! and the losses of the pôles at risk.
bool diagnosisQuotesMasked(const CrunchDiagnostics& d, const CrunchMask& m) {
    if (m.firstMass || m.secondMass || m.selectionFigures)
        return true;
    if (d.hasEvolution && (m.poleChange || m.nonPoleChange || m.drainCorrelation))
        return true;
    for (std::size_t i = 0; i < d.changes.size(); ++i)
        if (d.changes[i].atRisk && m.change[i])
            return true;
    return false;
}

} // namespace

CrunchMask maskCrunch(const CrunchDiagnostics& d, const SecrecyRule& rule) {
    CrunchMask m;
    m.firstMass = isSecret(d.firstMass, rule);
    m.secondMass = isSecret(d.secondMass, rule);
    m.primacy = isDerivedMasked({m.firstMass, m.secondMass});
    m.selectionFigures = selectionHasMaskedCount(d, rule);
    maskChanges(d, rule, m);
    m.diagnosis = diagnosisQuotesMasked(d, m);
    return m;
}

} // namespace maillage::analysis
