#pragma once
// The dataset file: one GeoPackage that QGIS desktop opens as it is.
// Layers: communes (MultiPolygon, EPSG:2154: code, nom, population, bv, dep, reg), bassins_de_vie
// (MultiPolygon: code, nom, dep, reg, population, n_communes, and after classification pole_type,
// pole_label, total, pole_share, psy_share, reason), zones (optional), and attribute tables:
// professionals (commune, profession, vintage, count), zone_professionals, professions (catalogue),
// parameters (key, value), metadata (key, value), cooperations, flows, travel_times, and the polygon
// layers regions and departements (code, nom: outlines dissolved once at import, core/io/outlines.h).
// Results (writeResultLayers): poles (points) and liens (lines); writeResultsInto adds the per-commune
// tables densites and accessibilite, the view densites_completes and the map view kDensityMapView. QGIS's own
// tables layer_styles and qgis_projects are written by ui/styles/dataset_styles.h.
#include "core/io/result_table.h"
#include "core/model/dataset.h"
#include "core/model/error.h"
#include "core/model/feedback.h"

#include <functional>
#include <string>
#include <vector>

namespace maillage::io {

//! Writes the whole dataset to `path` through a temporary file in the same folder, then renames it:
//! an existing file is replaced only when the new one is complete. Throws Error(Write).
void writeDataset(const model::Dataset& dataset, const std::string& path, Feedback* feedback = nullptr);
//! The same, calling `rowsWritten` once every row is in the file, before GDAL builds its spatial indexes and
//! closes it (the write's peak of memory): a caller done with `dataset` lets it go there.
void writeDataset(const model::Dataset& dataset, const std::string& path, Feedback* feedback,
                  const std::function<void()>& rowsWritten);

//! Reads a dataset written by writeDataset (and tolerates one edited in QGIS: extra fields and layers
//! are ignored, missing optional tables are empty). Throws Error naming the file and what is missing.
model::Dataset readDataset(const std::string& path, Feedback* feedback = nullptr);

//! What readDataset reads.
struct ReadOptions {
    //! False: attributes only. Communes, bassins, zones and outlines come without polygons (GDAL does not
    //! even fetch them); anchors are the stored ones. For commands that never draw nor dissolve.
    bool geometries = true;
    //! Where to put what reading left out (a scenarios row whose changes do not parse), for the caller to
    //! show; null: not reported.
    Warnings* warnings = nullptr;
};

//! readDataset with `options`.
model::Dataset readDataset(const std::string& path, const ReadOptions& options, Feedback* feedback = nullptr);

//! Rewrites only the parameters table (and the classification fields of bassins_de_vie when
//! `classification` is non-empty), in place and atomically as above. Through a symbolic link, the file it
//! points to is updated (the link is kept); writeDataset refuses a link as its output.
void writeParameters(const std::string& path, const model::Parameters& parameters);

//! The classification fields of one bassin de vie in the bassins_de_vie layer. Filled by the caller
//! from core/analysis results (core/io does not depend on core/analysis).
struct BassinClassificationFields {
    std::string bv;        //!< BV code: the feature to update
    int poleType = 0;      //!< 0 = hors pôle, 1..4 (DOMAIN.md §3)
    std::string poleLabel; //!< "Grand pôle"...
    double total = 0;      //!< N
    double poleShare = 0;  //!< N_pole / N, 0..1
    double psyShare = 0;   //!< N_psy / N, 0..1
    std::string reason;    //!< the sentence explaining the type, as it may be published (secrecy applied)
    //! Statistical secrecy (DOMAIN.md §7): the total is masked; total and shares are written as NULL, the
    //! reason as the label.
    bool masked = false;
    //! One share masked alone (a small count of pôle professions or of psychiatric nurses, or its
    //! complement, next to a total that is shown): share × total would give the count back.
    bool poleShareMasked = false, psyShareMasked = false;
    //! False when the data count no psychiatric nurse (the BPE): psy_share is written NULL, unknown, not 0.
    bool psyCounted = true;
};

//! Same as above, and writes pole_type, pole_label, total, pole_share, psy_share, reason into
//! bassins_de_vie (fields created when absent; BVs absent from `classification` get nulls).
void writeParameters(const std::string& path, const model::Parameters& parameters,
                     const std::vector<BassinClassificationFields>& classification);

//! Rewrites only the cooperations table of the dataset at `path` (name, kind, bassins = member communes,
//! seat, start_year, source, establishments), in place and atomically as writeParameters: the GUI's
//! cooperation editor saves without rewriting the rest. Throws Error(Write) naming the file.
void writeCooperations(const std::string& path, const std::vector<model::Cooperation>& cooperations);

//! Rewrites only the metadata table of the dataset at `path` from `dataset` (its Metadata, with the source
//! and rule of each register), in place and atomically as writeCooperations: the GUI stores the user's
//! consumption weights by age (core/analysis/access_weights.h) without rewriting the rest. Throws
//! Error(Write) naming the file.
void writeMetadata(const std::string& path, const model::Dataset& dataset);

//! A pôle as a point of the dataset's `poles` layer (code, nom, pole_type, type_label, professionals,
//! isolated). Filled by the caller from core/analysis results.
struct PolePoint {
    std::string bv;        //!< BV code
    std::string name;      //!< BV name
    int poleType = 0;      //!< 1..4
    std::string typeLabel; //!< "Grand pôle"...
    double mass = 0;       //!< professionals, N
    bool masked = false;   //!< statistical secrecy: `mass` written as NULL
    bool isolated = false; //!< no pôle of equal or higher rank within the isolation distance
    model::Point position; //!< the BV's anchor (its main commune's), Lambert-93
};

//! A link between two BVs as a line of the dataset's `liens` layer (kind, origin, destination, intensity,
//! dominant, volume, cooperation).
struct LinkLine {
    std::string kind;        //!< "modelled", "observed" or "declared" (DOMAIN.md §4)
    std::string origin;      //!< BV code
    std::string destination; //!< BV code
    double intensity = 0;    //!< modelled: M_i M_j / d^β
    bool dominant = false;   //!< modelled: the dominant link of the origin towards a heavier pôle
    double volume = 0;       //!< observed: the flow
    std::string cooperation; //!< declared: the cooperation's name
    bool masked = false;     //!< statistical secrecy: intensity and volume written as NULL
    model::Point from, to;   //!< the two BVs' anchors, Lambert-93
};

//! Replaces the layers `poles` (points) and `liens` (lines) of the dataset at `path`, in place and
//! atomically as writeParameters. Throws Error(Write) naming the file.
void writeResultLayers(const std::string& path, const std::vector<PolePoint>& poles,
                       const std::vector<LinkLine>& links);

//! The view of the dataset that QGIS lists as a polygon layer: every commune with its density of médecins
//! généralistes of one vintage (code, nom, profession, vintage, population, count, per_10000,
//! inhabitants_per_professional, masked), 0 where the table densites has no row.
inline const char* const kDensityMapView = "densite_medecins_generalistes";

//! Per-commune result tables (core/analysis/dataset_results.h) and what the map view shows.
struct CommuneResults {
    //! "densites" (commune, profession, vintage, population, count, per_10000, inhabitants_per_professional,
    //! masked; rows of count 0 left out) and "accessibilite": each replaces the layer of its name, its rows
    //! written as they are computed. Without "densites", no view is written.
    std::vector<StreamedTable> tables;
    Language language = Language::Fr;                  //!< of the tables' titles and captions (gpkg_contents)
    std::string mapProfession = "medecin_generaliste"; //!< catalogue code of kDensityMapView
    int mapVintage = 0;                                //!< its vintage
    std::string mapTitle;                              //!< its identifier in gpkg_contents
};

//! writeParameters (with `classification`) and writeResultLayers at once, into `temporaryCopy` itself,
//! without a copy of its own: for a file that the caller made as a temporary copy and renames into place once
//! complete (ui/styles, which adds QGIS's tables to the same copy). Also writes `communes`'s tables, the view
//! densites_completes (every commune × profession × vintage of densites, count 0 where densites has no row)
//! and the polygon view kDensityMapView, registered in gpkg_contents and gpkg_geometry_columns. Throws
//! Error(Write).
void writeResultsInto(const std::string& temporaryCopy, const model::Parameters& parameters,
                      const std::vector<BassinClassificationFields>& classification,
                      const std::vector<PolePoint>& poles, const std::vector<LinkLine>& links,
                      const CommuneResults& communes = {});

} // namespace maillage::io
