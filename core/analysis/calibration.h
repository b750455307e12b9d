#pragma once
// Calibration between sources (issue 12): with counts derived from a register of individual professionals
// and BPE counts of the same territory, which bassins de vie change type with the source, why, and the
// mass scale (poles.mass_scale) under which the BPE typology agrees best with the register's, so that a
// BPE-only study can state its uncertainty. The register is classified with mass scale 1 (it counts
// people, as RPPS + ADELI, on which the thresholds were set); BPE with every scale of a grid.
#include "core/analysis/poles.h"
#include "core/analysis/secrecy.h"
#include "core/io/result_table.h"
#include "core/model/dataset.h"

#include <string>
#include <vector>

namespace maillage::analysis {

//! Why a bassin de vie changes type with the source.
enum class CalibrationReason {
    PsychiatricNurses, //!< the register has psychiatric nurses (many in EPSM), BPE has none
    OnlyInRegister,    //!< professions BPE does not count (opticians, laboratory staff...) weigh in the BV
    SitesVersusPeople, //!< BPE counts practice sites of private practitioners, the register people
};

//! One bassin de vie under both sources.
struct BassinCalibration {
    std::string bv;
    PoleClassification byRegister; //!< mass scale 1
    PoleClassification byBpe;      //!< at the best scale
    //! Share of the register's professionals of the BV in professions absent from the BPE counts.
    double onlyInRegisterShare = 0;
    CalibrationReason reason = CalibrationReason::SitesVersusPeople;
};

//! Agreement of the two typologies at one mass scale of the BPE counts.
struct ScaleAgreement {
    double scale = 1;
    int agreeing = 0; //!< BVs of equal type
};

struct Calibration {
    int registerVintage = 0, bpeVintage = 0;
    std::vector<ScaleAgreement> grid;
    //! The scale of the grid with the most BVs of equal type; among ties, the one closest to the ratio of
    //! the BPE total to the register total (the scale the sources' sizes suggest).
    double bestScale = 1;
    int agreeing = 0, bassins = 0;            //!< at the best scale
    double registerTotal = 0, bpeTotal = 0;   //!< whole dataset
    std::vector<std::string> onlyInRegister;  //!< professions with register counts and no BPE count
    std::vector<BassinCalibration> differing; //!< BVs whose type differs at the best scale, by code
    Warnings warnings;                        //!< of both aggregations
};

//! The default grid: 0.05 to 1 by 0.05.
std::vector<double> defaultCalibrationGrid();

//! Classifies the counts of `registerVintage` (mass scale 1) and of `bpeVintage` (each scale of `grid`)
//! with `params`, and compares them BV by BV. Throws Error(Parameter) when a vintage has no counts.
Calibration calibrate(const model::Dataset& dataset, int registerVintage, int bpeVintage,
                      const model::PoleParameters& params, const std::vector<double>& grid);

//! The reason of one BV as a sentence in `language`, with its figures.
std::string describeCalibration(const BassinCalibration& bassin, double bestScale, Language language);

//! Two tables: "calibration" (bv, name, type_register, type_bpe, total_register, total_bpe, psy_register,
//! only_register_share, reason; counts masked by statistical secrecy, with their complements, and the
//! reason reduced to its kind when a count is masked) and "calibration_grid" (scale, agreeing, share).
std::vector<io::ResultTable> calibrationTables(const model::Dataset& dataset, const Calibration& calibration,
                                               const SecrecyRule& rule, Language language);

} // namespace maillage::analysis
