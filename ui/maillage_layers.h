#pragma once
// The layers of the maillage (DOMAIN.md §4): modelled links, pôle points, observed flows and declared
// cooperations. One owner builds and styles them; the Maillage panel asks it to show a result.
#include "core/analysis/link_crossing.h"
#include "core/analysis/maillage.h"
#include "core/analysis/poles.h"
#include "core/model/dataset.h"

#include <QColor>
#include <QObject>
#include <QString>

#include <vector>

#include <qgsfeatureid.h>

class QgsProject;
class QgsVectorLayer;

namespace maillage::ui {

class MaillageLayers : public QObject {
    Q_OBJECT
public:
    explicit MaillageLayers(QgsProject* project, QObject* parent = nullptr);

    //! Draws the links and the pôles of `result` (replacing the previous drawing), on top of the map.
    void showMaillage(const analysis::MaillageResult& result, const model::Dataset& dataset,
                      const model::MaillageParameters& parameters);
    //! Observed flows aggregated to BVs when `on` and the dataset has some; removed otherwise.
    void showFlows(const model::Dataset& dataset, bool on);
    //! `flows` (aggregated to BVs, e.g. filtered by the panel) when `on`; removed otherwise.
    void showFlows(const model::Dataset& dataset, const std::vector<analysis::BassinFlow>& flows, bool on);
    //! The links the origins disagree on (core/analysis/link_crossing.h) when `on`; removed otherwise.
    void showCrossing(const analysis::LinkCrossing& crossing, const model::Dataset& dataset, bool on);
    //! Declared cooperations between pôles when `on` and the dataset has some; removed otherwise.
    void showCooperations(const model::Dataset& dataset,
                          const std::vector<analysis::PoleClassification>& poles, bool on);
    //! Removes the five layers.
    void clear();

    QgsVectorLayer* links() const;
    QgsVectorLayer* poles() const;
    QgsVectorLayer* flows() const;
    QgsVectorLayer* cooperations() const;
    QgsVectorLayer* crossing() const;
    //! Feature of link `index` (in MaillageResult::links) of the last drawing, or FID_NULL.
    QgsFeatureId linkFeature(int index) const;

    static const QColor kDominantLinkColor; //!< the hierarchy: dark blue, wide
    static const QColor kOtherLinkColor;    //!< every other link: light grey, thin

private:
    void drawLinks(const analysis::MaillageResult& result, const model::Dataset& dataset);
    void drawPoles(const analysis::MaillageResult& result, const model::Dataset& dataset,
                   const model::MaillageParameters& parameters);
    QgsVectorLayer* ensureLayer(const char* role, const QString& uri, const QString& name);
    void removeLayer(const char* role);

    QgsProject* m_project;
    std::vector<QgsFeatureId> m_linkFids;
};

} // namespace maillage::ui
