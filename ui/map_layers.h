#pragma once
// The QGIS layers of the open dataset: bassins de vie coloured by pôle type, communes, départements.
// Built once per dataset as memory layers from the dataset's WKB, so that a recomputation is an attribute
// update of the bassins layer (one batch) and a new legend, never a reload.
#include "core/analysis/classes.h"
#include "core/analysis/poles.h"
#include "ui/layer_roles.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <array>
#include <optional>
#include <vector>

#include <qgsattributes.h>
#include <qgsfeatureid.h>
#include <qgsrectangle.h>

class QgsCategorizedSymbolRenderer;
class QgsCoordinateReferenceSystem;
class QgsProject;
class QgsVectorLayer;

namespace maillage::ui {

class FunctionTask;
class Session;
struct DensityMap;
struct DensityMapRequest;

class MapLayers : public QObject {
    Q_OBJECT
public:
    //! Follows `session`: rebuilds the layers of `project` on datasetChanged(), updates the bassins layer on
    //! classificationChanged(), mirrors the selection. Construct it before anything else that listens to
    //! the session and looks layers up by role, so that the layers exist when those slots run.
    MapLayers(Session* session, QgsProject* project, QObject* parent = nullptr);
    ~MapLayers() override;

    QgsVectorLayer* bassins() const;
    QgsVectorLayer* communes() const;
    QgsVectorLayer* departements() const;

    //! Outlines of the selected BVs and commune: a layer of the map rather than canvas items, so that the
    //! labels are drawn above it.
    QgsVectorLayer* selection() const;
    //! The quartiers prioritaires (code, nom, population), or null when the dataset has none.
    QgsVectorLayer* qpv() const;
    //! The infra-communal zones that have a polygon (ui/zones_layer.h), or null when none has one.
    QgsVectorLayer* zones() const;
    //! The health facilities at their commune's anchor (ui/facilities_layer.h), unchecked in the layer
    //! tree until the user shows them; null when the dataset has none.
    QgsVectorLayer* facilities() const;

    //! Builds the communes layer's spatial index, once per dataset: when the map is zoomed in enough to draw
    //! them (35,000 one-by-one insertions, 260 ms, kept out of the opening).
    void indexCommunes();

    //! Feature id of a BV or commune by code, or FID_NULL.
    QgsFeatureId featureId(FeatureKind kind, const QString& code) const;
    //! Bounding box of a BV or commune (empty when unknown).
    QgsRectangle extentOf(FeatureKind kind, const QString& code) const;
    //! Extent of the bassins (the dataset's territory); metropolitan France only when the dataset also has
    //! overseas bassins.
    QgsRectangle fullExtent() const;

    //! Colours the communes by `map` (classes chosen by the session's densityClasses(), plus one for the
    //! communes without any professional and one for the masked ones), at every scale; the legend says what
    //! the values are. Follows Session::densityClassesChanged().
    void setCommuneColouring(const DensityMap& map);
    //! The communes' own style back (outlines, shown when zoomed in).
    void resetCommuneColouring();
    //! True while the communes show a density map.
    bool communesColoured() const { return m_communesColoured; }
    //! "Density of médecins généralistes (2018)": what the coloured communes show ("" when they are not).
    QString communeColouringTitle() const { return m_colouringTitle; }

    //! Attributes added to the communes layer for the colouring.
    static const char* const kDensityField;       //!< "densite"
    static const char* const kAccessibilityField; //!< "acces_2sfca"

    //! True once the département boundaries are on the map: at once when the dataset stores them, else
    //! once dissolved from the communes (in the background) and added.
    bool departementsReady() const { return m_departementsReady; }

    //! Legend label of a pôle type with its count: "Grand pôle (type 2) — 3", "Hors pôle — 1 210".
    static QString legendLabel(analysis::PoleType type, int count);
    //! The categorized renderer of the bassins layer on "pole_type" (types 1..4 then hors pôle).
    static QgsCategorizedSymbolRenderer*
    createBassinRenderer(const std::array<int, analysis::kPoleTypeCount>& counts);

    //! A bassins layer (not added to any project; the caller owns it) coloured and labelled like bassins(),
    //! for `poles` (same order as dataset.bassins): the second map of ui/map_compare.h.
    static QgsVectorLayer* createPoleLayer(const model::Dataset& dataset,
                                           const std::vector<analysis::PoleClassification>& poles,
                                           const QString& name);

    //! A communes layer (not added to any project; the caller owns it) coloured by `map` exactly as
    //! setCommuneColouring() colours communes(): the second map of ui/map_compare.h.
    static QgsVectorLayer* createDensityLayer(const model::Dataset& dataset, const DensityMap& map,
                                              const analysis::ClassSpec& spec, const QString& name);
    //! "Density of médecins généralistes (2018), 5 population-weighted quantile classes": the title of a
    //! density map's legend, which says how its classes were chosen.
    static QString densityTitle(const model::Dataset& dataset, const DensityMapRequest& request,
                                const analysis::ClassSpec& spec);
    //! "Médecin généraliste — density, 2018": the communes' name in the layer tree
    //! while they show a density map, so that the legend of the classes says what they measure.
    static QString densityLegendHeading(const model::Dataset& dataset, const DensityMapRequest& request);
    //! "5 population-weighted quantile classes".
    static QString classesDescription(const analysis::ClassSpec& spec, int classes);

    //! Field names of the bassins layer.
    static const char* const kPoleTypeField; //!< "pole_type" (0 = hors pôle, 1..4)

signals:
    //! The layers of a new dataset are in the project.
    void layersRebuilt();
    //! The bassins layer's attributes and legend follow a new classification.
    void classificationApplied();
    void departementsChanged();
    //! The communes took or lost a density colouring.
    void communeColouringChanged();
    //! Background work started (the main window shows its progress in the status bar).
    void backgroundTaskStarted(FunctionTask* task);

private:
    //! Gives `layer` the bassins' `renderer` (taken): when the layer's renderer differs from it in its
    //! categories' labels only (the counts of a new classification), those labels are changed in place.
    static void setBassinRenderer(QgsVectorLayer* layer, QgsCategorizedSymbolRenderer* renderer);
    //! True when `a` and `b` draw the same (attribute, categories' values, symbols, states) and may differ
    //! in their categories' labels only.
    static bool sameButLabels(const QgsCategorizedSymbolRenderer& a, const QgsCategorizedSymbolRenderer& b);
    void rebuild();
    void applyClassification();
    void applySelection();
    void createSelectionLayer(const QgsCoordinateReferenceSystem& crs);
    void removeLayers();
    //! The layer tree while the communes show a density map (or no longer do): the communes named by what
    //! they show, their classes unfolded, the pôle types of the bassins (covered by them) folded.
    void showColouringInLegend(const QString& heading);
    bool addStoredDepartements();
    void startDepartementDissolve();
    void setCommuneStyle();
    //! What the bassins layer holds, by BV index: the classification as its reason worded it (the
    //! thresholds the reason does not state left out: analysis::statedThresholds) and the values written.
    struct WrittenClassification {
        std::vector<std::optional<analysis::PoleClassification>> worded;
        std::vector<QgsAttributeMap> values;
        bool french = false; //!< the language of the reasons worded
    };
    //! Writes the classification fields of `poles` into `layer` (features by BV code in `fids`); the
    //! number of BVs of each type. With `written`, only the BVs whose values changed are written, and
    //! `written` follows: a BV whose figures and stated thresholds are unchanged is not even worded again;
    //! `writtenCount`: set to the number of BVs written.
    static std::array<int, analysis::kPoleTypeCount>
    writeClassification(QgsVectorLayer* layer, const QHash<QString, QgsFeatureId>& fids,
                        const model::Dataset& dataset, const std::vector<analysis::PoleClassification>& poles,
                        WrittenClassification* written = nullptr, int* writtenCount = nullptr);

    void onDensityMapReady();

    Session* m_session;
    QgsProject* m_project;
    QPointer<QgsVectorLayer> m_bassins, m_communes, m_departements, m_selection;
    QPointer<QgsVectorLayer> m_qpv; //!< quartiers prioritaires, over the communes (when the dataset has some)
    void createQpvLayer(const model::Dataset& dataset, const QgsCoordinateReferenceSystem& crs);
    QPointer<QgsVectorLayer> m_zones, m_facilities; //!< optional overlays (zones, facilities)
    void createZonesAndFacilitiesLayers(const model::Dataset& dataset);
    QHash<QString, QgsFeatureId> m_bassinFids, m_communeFids;
    WrittenClassification m_writtenClassification; //!< in the bassins layer
    //! The number of BVs of each type its renderer's legend shows (none before the first classification).
    std::optional<std::array<int, analysis::kPoleTypeCount>> m_renderedCounts;
    QgsRectangle m_fullExtent;
    QPointer<FunctionTask> m_departementTask;
    int m_generation = 0; // discards background results of a previous dataset
    bool m_departementsReady = false;
    bool m_communesIndexed = false;
    bool m_communesColoured = false;
    QString m_colouringTitle;
};

} // namespace maillage::ui
