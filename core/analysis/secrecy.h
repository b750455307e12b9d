#pragma once
// Statistical secrecy (DOMAIN.md §7): the one place that decides what an output masks.
//
// Primary secrecy: a count of professionals from 1 to threshold − 1 is masked (0 identifies no one and
// stays). Derived figures (shares, densities, ratios, intensities, changes, reasons) are masked whenever
// one of the counts they are computed from is masked: with the other operand known they give it back.
// Secondary (complementary) secrecy: where a total is shown with its parts (in the same table or in
// another output, e.g. a BV next to its communes), the masked parts must not be recomputable by
// difference. Standard practice (INSEE, τ-ARGUS): mask in addition the smallest non-zero part still
// shown in that group, until the masked parts of every group add up to 0 or to at least the threshold;
// the total itself is masked only when no part is left to mask. CountGrid does this for any set of
// additive relations.
#include "core/analysis/crunch.h"
#include "core/model/message.h"
#include "core/model/parameters.h"

#include <initializer_list>
#include <string>
#include <vector>

namespace maillage::analysis {

//! The secrecy rule of an output.
struct SecrecyRule {
    double threshold = 5; //!< counts c with 0 < c < threshold are masked
    bool enabled = true;  //!< false: nothing is masked (--no-secrecy, working files)

    //! The rule of a dataset's parameters (density.secrecy_threshold); enabled.
    static SecrecyRule from(const model::DensityParameters& params);
    //! No masking at all.
    static SecrecyRule off();
};

//! Primary secrecy: `count` is masked when the rule is enabled and 0 < count < threshold.
bool isSecret(double count, const SecrecyRule& rule);
//! DOMAIN.md §7: a count is masked when 0 < count < threshold (the dataset's parameters).
bool isMasked(double count, const model::DensityParameters& params);
//! A figure computed from counts (share, density, ratio, intensity, change) is masked when any of the
//! counts it was computed from is masked, by primary or secondary secrecy.
bool isDerivedMasked(std::initializer_list<bool> operandsMasked);

//! Which figures of a change between two vintages are masked (issue 11): each count by its own secrecy;
//! the change, its percentage and the densities whenever either count is (with the other known, the
//! change gives the masked count back).
struct ChangeMask {
    bool before = false, after = false, change = false;
};
//! The mask of a change whose counts are masked as `beforeMasked` and `afterMasked` say.
ChangeMask maskChange(bool beforeMasked, bool afterMasked);
//! Primary secrecy only: the counts `before` and `after` under `rule`.
ChangeMask maskChange(double before, double after, const SecrecyRule& rule);

//! How a masked count reads in human outputs: "< 5" (French: no-break space after "<").
std::string maskedLabel(const SecrecyRule& rule, Language language);
//! "< 5" for a masked count, else the count formatted the French way ("1 234").
std::string maskedCountFr(double count, const model::DensityParameters& params);
//! The caption line every output carries (io::secrecyNote): "secret statistique : effectifs inférieurs
//! à 5 masqués" / "statistical secrecy: counts below 5 masked"; when the rule is off, that nothing was.
Message secrecyNote(const SecrecyRule& rule);

//! Counts tied by additive relations (a total equals the sum of its parts), masked by primary and
//! secondary secrecy together.
class CountGrid {
public:
    //! How a count appears in the output being built.
    enum class Visibility {
        Shown,    //!< a cell of this output: maskable
        Hidden,   //!< not written, but recomputable through a relation (N − N_pole): never to be derivable
                  //!< when secret
        Published //!< written in another output (a BV total next to a commune table): known there unless
                  //!< secret itself, and not maskable here
    };
    //! Adds a count; returns its index.
    int add(double value, Visibility visibility = Visibility::Shown);
    //! Declares `total` = sum of `parts` (indices returned by add()).
    void relate(int total, std::vector<int> parts);
    //! Applies the rule: primary secrecy, then secondary secrecy until no secret count can be recomputed
    //! and no group's masked parts add up to a count from 1 to threshold − 1. Returns, for every count,
    //! whether it is masked (Hidden counts: false; their secrecy is guarded through the others).
    std::vector<bool> solve(const SecrecyRule& rule) const;
    //! Number of counts added.
    std::size_t size() const { return m_values.size(); }

private:
    struct Relation {
        int total;
        std::vector<int> parts;
    };
    //! What a reader of the outputs knows: cells shown or published and not masked, and whatever a
    //! relation with a single unknown member gives back (derivedBy: that relation, else -1).
    struct Knowledge {
        std::vector<bool> known;
        std::vector<int> derivedBy;
    };
    Knowledge propagate(const std::vector<bool>& masked) const;
    //! The relations through which a secret count can be recomputed, or whose unknown parts add up to
    //! one, in order.
    std::vector<int> violations(const Knowledge& knowledge, const SecrecyRule& rule) const;
    //! True when a member of `relation` was masked in this round.
    static bool touches(const Relation& relation, const std::vector<bool>& touched);
    //! The cell to mask so that `relation` gives no secret count back: in it, else in the relations that
    //! give its masked members back (up to a depth); -1 when none is left.
    int mend(int relation, const Knowledge& knowledge, const std::vector<bool>& masked, int depth) const;
    //! The cell to mask in addition in `relation`; -1 when none is left.
    int complementOf(const Relation& relation, const std::vector<bool>& masked) const;
    std::vector<double> m_values;
    std::vector<Visibility> m_visibility;
    std::vector<Relation> m_relations;
};

//! Which of the figures of a classification row (DOMAIN.md §3) are masked: the four counts (total N,
//! N_pole, N_psy, N_exPsy; N − N_pole hidden but guarded), the two shares and the reason.
struct ClassificationMask {
    bool total = false, pole = false, psy = false, exPsy = false;
    bool poleShare = false, psyShare = false;
    bool reason = false; //!< the reason quotes the figures: replaced by the type alone
    bool any() const { return total || pole || psy || exPsy; }
};
//! Primary and complementary secrecy on one BV's counts: N = N_psy + N_exPsy = N_pole + (N − N_pole),
//! N_pole = N_psy + (N_pole − N_psy).
ClassificationMask maskClassification(double total, double pole, double psy, const SecrecyRule& rule);

//! The counts of a territory sheet (issue 7): per profession the territory's count and their total,
//! next to the same counts of its references (a BV, département, région, the whole dataset), which other
//! outputs publish. A reference minus the territory is the rest of the reference: a secret count there
//! would be given back by difference, so the territory's figure is masked (the references' are not ours).
struct TerritoryCounts {
    std::vector<double> parts;   //!< per profession, in the territory
    double total = 0;            //!< every profession (the sum of `parts`)
    bool totalPublished = false; //!< the total is written in another output (a BV's classification)
    //! Totals of territories that partition this one, published elsewhere (a département's BVs when they
    //! cover exactly its communes): total = their sum. Empty when there are none.
    std::vector<double> memberTotals;
    std::vector<std::vector<double>> referenceParts; //!< per reference, per profession (as `parts`)
    std::vector<double> referenceTotals;             //!< per reference
};
//! Which of a territory's counts are masked.
struct TerritoryMask {
    std::vector<bool> parts; //!< per profession
    bool total = false;      //!< always false when the total is published elsewhere (masked there)
};
//! Primary and complementary secrecy of a territory's counts: each count by itself, the total against its
//! parts (a total next to all parts but one gives it back), and each against its references (a reference
//! minus the territory is a count too).
TerritoryMask maskTerritoryCounts(const TerritoryCounts& counts, const SecrecyRule& rule);

//! A modelled link's intensity M_i M_j / d^β gives a mass back from the other: masked when either is.
bool isIntensityMasked(double massFrom, double massTo, const SecrecyRule& rule);

//! Decimals of the concentration indices as result tables write them: the rounding that hides the masked
//! counts' squares (see CrunchMask::concentration).
inline constexpr int kHerfindahlDecimals = 4;
inline constexpr int kEquivalentPolesDecimals = 1;

//! Which figures of a Crunch diagnosis are masked. The BVs' counts are published elsewhere (the
//! classification, with its masks): a figure summed over a group of BVs gives back the sum of the group's
//! masked counts, so it is masked when that sum is a secret count (1 to threshold − 1), as a total with its
//! parts.
struct CrunchMask {
    std::vector<bool> before, after, change; //!< per CrunchDiagnostics::changes (change and change_percent)
    bool firstMass = false, secondMass = false, primacy = false;
    //! total_professionals and first_pole_share: the selection's masked BV counts add up to a secret count.
    bool selectionFigures = false;
    //! herfindahl and equivalent_poles also give the sum of the masked counts' squares, unless their
    //! rounding (kHerfindahlDecimals, kEquivalentPolesDecimals) is coarser than that sum can be.
    bool concentration = false;
    bool poleChange = false, nonPoleChange = false; //!< the masked counts of pôles / non-pôles add up to a
                                                    //!< secret count (either vintage)
    bool drainCorrelation = false; //!< a masked change enters the correlation (one figure per BV in it)
    bool diagnosis = false;        //!< withheld: it rests on masked masses or figures of the selection
};
//! Masks a Crunch diagnosis (counts of BVs from diagnostics.classification, masked as classificationTable
//! masks them, and from diagnostics.changes).
CrunchMask maskCrunch(const CrunchDiagnostics& diagnostics, const SecrecyRule& rule);
//! The diagnosis as it may be worded: the figures `mask` masks left out (the drain correlation computed
//! over the BVs whose change is shown when a masked change entered it, no evolution when its sums are
//! masked, no pôle at risk whose change is masked).
CrunchDiagnostics publishableCrunch(const CrunchDiagnostics& diagnostics, const CrunchMask& mask);

} // namespace maillage::analysis
