#pragma once
// The open dataset and everything derived from it, shared by the main window, the map and the panels.
// Panels never compute: they read results from here and react to its signals. The Session owns no widget.
#include "core/analysis/accessibility.h"
#include "core/analysis/change.h"
#include "core/analysis/classes.h"
#include "core/analysis/crunch.h"
#include "core/analysis/maillage.h"
#include "core/analysis/margins.h"
#include "core/analysis/poles.h"
#include "core/model/dataset.h"
#include "ui/layer_roles.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace maillage::ui {

class FunctionTask;

//! What a density map of the communes shows.
struct DensityMapRequest {
    QString profession;         //!< canonical code, "" = all professions
    int vintage = 0;            //!< year of the counts
    bool accessibility = false; //!< professionals within reach (APL) rather than in the commune
    bool operator==(const DensityMapRequest& o) const {
        return profession == o.profession && vintage == o.vintage && accessibility == o.accessibility;
    }
    bool operator!=(const DensityMapRequest& o) const { return !(*this == o); }
};

//! A computed density map: one value per commune of the dataset (same order), NaN where there is none
//! (no population) or where statistical secrecy masks it.
struct DensityMap {
    DensityMapRequest request;
    std::vector<double> values;
    //! Same order: true where the commune's count is masked (0 < count < threshold, DOMAIN.md §7); its
    //! value is then NaN, so that neither the map nor its classes give the count back. Empty when
    //! nothing is masked (accessibility maps, which show no commune's own count).
    std::vector<bool> masked;
    double secrecyThreshold = 0; //!< the threshold applied
    //! Accessibility maps: the whole result (values, demand, unit) for the table and the zonage.
    std::shared_ptr<const analysis::AccessResult> access;
};

//! The density map of `request` computed now, in the calling thread (the second map of ui/map_compare.h):
//! the same values and secrecy as the map requestDensityMap() computes in the background.
DensityMap densityMapNow(const model::Dataset& dataset, const DensityMapRequest& request);

//! The zonage of the communes by accessibility thresholds (DOMAIN.md §6), and what the last change of
//! thresholds moved.
struct ZonageState {
    std::shared_ptr<const analysis::AccessResult> access; //!< the accessibility classed
    analysis::Zonage zonage;
    //! The last change: the thresholds before it (empty: none), the threshold moved (-1: several or none),
    //! the communes whose class changed (indices into dataset().communes) and their class before.
    std::vector<double> previousThresholds;
    int movedThreshold = -1;
    std::vector<int> changed;
    std::vector<int> previousClassOf;
};

//! The first zonage threshold to suggest: DREES's 2.5 consultations per inhabitant when the supply is
//! consultations, else the value under which a fifth of the communes with a value fall.
double suggestedZonageThreshold(const analysis::AccessResult& access);

//! A Crunch diagnosis to compute: a territory and two years.
struct CrunchRequest {
    std::vector<std::string> bassins; //!< empty = the whole dataset
    int vintageTo = 0;
    int vintageFrom = 0; //!< 0 = no comparison
    bool operator==(const CrunchRequest& o) const {
        return bassins == o.bassins && vintageTo == o.vintageTo && vintageFrom == o.vintageFrom;
    }
};

//! A computed Crunch diagnosis, with the classification of its "to" year (for the rank-size chart).
struct CrunchResult {
    CrunchRequest request;
    analysis::CrunchDiagnostics diagnostics;
    std::vector<analysis::PoleClassification> classification;
};

//! How robust the pôle types are: one pôle parameter moved by up to ±percent around its value.
struct SensitivityRequest {
    QString key;           //!< "poles.grand_pole_min", "poles.mass_scale", …
    double percent = 10;   //!< the farthest values, in % of the parameter's value
    int stepsEachSide = 5; //!< values tried below and above the parameter's value
    bool operator==(const SensitivityRequest& o) const {
        return key == o.key && percent == o.percent && stepsEachSide == o.stepsEachSide;
    }
};

//! The values a sensitivity tries: base × (1 + k·percent / 100 / steps) for k = −steps … steps, base
//! left out, ascending; values at or below 0 left out (no pôle parameter is negative).
std::vector<double> sensitivityValues(double base, double percent, int stepsEachSide);

//! What the change view asks: a change between two vintages, and the pôles whose mass it charts.
struct ChangeViewRequest {
    analysis::ChangeRequest change;
    std::vector<std::string> chartBassins; //!< BV codes of the mass chart
};

//! A change computed for the change view: the engine's result, its masks, the table the command line
//! writes (masked), the summary sentence in both languages, and the masses of the charted pôles over the
//! vintages that cover the territory.
struct ChangeView {
    ChangeViewRequest request;
    analysis::ChangeResult result;
    std::vector<analysis::ChangeMask> masks;
    io::ResultTable table;
    std::string summaryFr, summaryEn;
    analysis::MassSeries masses;
    double secrecyThreshold = 0; //!< masses of 1 to threshold − 1 are not drawn (0: no secrecy)
};

class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    //! Takes the dataset, classifies with its saved parameters, emits datasetChanged().
    void setDataset(model::Dataset dataset, const QString& path = QString());
    bool hasDataset() const;
    const model::Dataset& dataset() const;
    //! The dataset itself, shared (not copied) with a background task that reads it: the Session never
    //! edits a dataset in place while someone else holds it (it copies first), so the task's view is stable.
    std::shared_ptr<const model::Dataset> sharedDataset() const;
    //! File the dataset was read from ("" for the generated demo).
    QString path() const;

    //! Vintage used for classification and densities (default: analysis::defaultVintage, the newest
    //! covering the territory).
    int vintage() const;
    void setVintage(int vintage);

    //! Classification of dataset().bassins (same order) for vintage() with the current parameters.
    const std::vector<analysis::PoleClassification>& poles() const;
    //! Changes each time poles() is computed again (a new dataset, vintage or pôle parameters): what
    //! shows the classification can skip a change of the other parameters.
    long long classificationRevision() const;
    const analysis::PoleClassification* pole(const QString& bv) const;
    //! Professionals per BV for vintage() (same order as dataset().bassins), with the join warnings.
    const analysis::Aggregation& aggregation() const;
    //! Gravity links for the current classification and maillage parameters (computed lazily).
    const analysis::MaillageResult& maillage() const;

    //! For a dataset in PostgreSQL: the version of its saved parameters when it was read or last saved
    //! here (a save based on it is refused when someone saved since; core/io/postgis.h). 0 for files.
    long long parametersVersion() const;
    void setParametersVersion(long long version);
    //! The same for its saved cooperations (the cooperation editor's saves).
    long long cooperationsVersion() const;
    void setCooperationsVersion(long long version);
    //! The same for its saved scenarios (the scenario panel's saves).
    long long scenariosVersion() const;
    void setScenariosVersion(long long version);

    const model::Parameters& parameters() const;
    //! Recomputes the classification (and maillage) at once and emits classificationChanged().
    void setParameters(const model::Parameters& parameters);

    //! Replaces the dataset's declared cooperations (the cooperation editor saved them) and emits
    //! maillageChanged(). The dataset is copied, not edited under the background tasks reading it.
    void setCooperations(std::vector<model::Cooperation> cooperations);

    //! Replaces the dataset's scenarios (the scenario panel saved them); the analyses are unchanged.
    void setScenarios(std::vector<model::Scenario> scenarios);

    //! Stores the user's consumption weights by age (read from `file`) with the dataset, as
    //! `maillage add --age-weights` does (analysis::storeConsumptionWeights), and computes the accessibility
    //! shown again: the age-standardised demand uses them.
    void setConsumptionWeights(const std::vector<model::AgeBandWeight>& weights, const std::string& file);

    //! Current selection (BV codes); panels and the map keep in sync through bassinSelectionChanged().
    QStringList selectedBassins() const;
    void selectBassins(const QStringList& codes);
    QString currentCommune() const;
    void selectCommune(const QString& code);
    //! Canonical profession code for density colouring ("" = all professions).
    QString profession() const;
    void setProfession(const QString& code);

    //! Computes the density map of `request` in a background task (at once when cached) and makes it the
    //! one the map shows: densityMapReady() when it is there, densityMapFailed() when it cannot be computed.
    //! A later request supersedes it.
    void requestDensityMap(const DensityMapRequest& request);
    //! The map the last request asked for, when computed; nullptr otherwise.
    const DensityMap* shownDensityMap() const;
    //! The map no longer shows densities (densityMapCleared()).
    void clearDensityMap();

    //! How the classes of the density maps are chosen: a display setting saved per dataset in the settings
    //! (default: five population-weighted quantiles, so that tiny communes do not drive the top class).
    const analysis::ClassSpec& densityClasses() const;
    //! Changes it, saves it for the dataset and emits densityClassesChanged().
    void setDensityClasses(const analysis::ClassSpec& spec);
    //! The settings key of `group` for the dataset at `datasetPath` ("group/demo" for the demo): display
    //! settings remembered per dataset (density classes, slides).
    static QString datasetSettingsKey(const QString& group, const QString& datasetPath);

    //! The Crunch diagnosis of `request` when computed for the current dataset and parameters, else
    //! nullptr: then it is being computed in a background task, and crunchReady() or crunchFailed() follow.
    const CrunchResult* crunch(const CrunchRequest& request);

    //! Classes the communes of the accessibility map shown by `thresholds` (ascending), at once, and keeps
    //! what changed since the previous thresholds; zonageChanged(). Returns the error message (thresholds
    //! not ascending) or "" when done; without an accessibility map, clears the zonage.
    QString setZonageThresholds(const std::vector<double>& thresholds);
    //! The zonage (nullptr without one).
    const ZonageState* zonage() const;

    //! The pôle parameters a sensitivity can move ("poles.*" keys of model::Parameters::toKeyValues).
    QStringList sensitivityKeys() const;
    //! Computes the sensitivity of `request` for the current dataset, vintage and parameters in a background
    //! task: sensitivityReady() or sensitivityFailed() follow. A later request supersedes it.
    void requestSensitivity(const SensitivityRequest& request);
    //! The sensitivity computed for the last request (nullptr while computing, after a failure, or when the
    //! dataset or parameters changed since).
    const analysis::Sensitivity* sensitivity() const;

    //! Computes the change view of `request` for the current dataset and parameters in a background task:
    //! changeReady() or changeFailed() follow. A later request supersedes it.
    void requestChange(const ChangeViewRequest& request);
    //! The change view computed for the last request (nullptr while computing, after a failure, or when the
    //! dataset or parameters changed since).
    const ChangeView* change() const;

    //! Asks the map to zoom to a BV or commune (by code); the main window connects this to the canvas.
    void requestZoomTo(FeatureKind kind, const QString& code);

signals:
    void datasetChanged();
    void classificationChanged();
    void maillageChanged();
    void bassinSelectionChanged(const QStringList& codes);
    void communeSelected(const QString& code);
    void professionChanged(const QString& code);
    void zoomRequested(maillage::ui::FeatureKind kind, const QString& code);
    void densityMapReady(const maillage::ui::DensityMapRequest& request);
    //! Only for the request shown last; `message` is empty when the computation was cancelled.
    void densityMapFailed(const maillage::ui::DensityMapRequest& request, const QString& message);
    void densityMapCleared();
    void densityClassesChanged();
    void crunchReady(const maillage::ui::CrunchRequest& request);
    //! `message` is empty when the diagnosis was cancelled.
    void crunchFailed(const maillage::ui::CrunchRequest& request, const QString& message);
    void zonageChanged();
    void sensitivityReady();
    //! `message` is empty when the computation was cancelled.
    void sensitivityFailed(const QString& message);
    //! The dataset or parameters changed: the sensitivity shown no longer holds.
    void sensitivityCleared();
    void changeReady();
    //! `message` is empty when the computation was cancelled.
    void changeFailed(const QString& message);
    //! The dataset or parameters changed: the change shown no longer holds.
    void changeCleared();
    //! A computation started in the background, for the status bar to show it with a cancel button.
    void backgroundTaskStarted(maillage::ui::FunctionTask* task);

private:
    void recompute();
    //! Starts computing the maillage of the current classification and parameters in a worker thread.
    void startMaillage();
    //! Forgets the accessibility and density maps computed and computes the one shown again.
    void recomputeDensityMaps();
    void startDensityMap(const DensityMapRequest& request);
    void densityMapFinished(DensityMap map, bool ok, const QString& error);
    void crunchFinished(CrunchResult result, bool ok, const QString& error);
    void clearChange();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace maillage::ui

Q_DECLARE_METATYPE(maillage::ui::DensityMapRequest)
Q_DECLARE_METATYPE(maillage::ui::CrunchRequest)
