#pragma once
// The dataset's health facilities (BPE establishment codes D1xx, core/io/facilities.h) as a point layer of
// the map: one point per commune and kind of facility at the commune's anchor (BPE gives communes, not
// addresses), categorized by kind, coincident points spread around their anchor.
#include "core/model/dataset.h"

#include <QString>

class QgsFeatureRenderer;
class QgsVectorLayer;

namespace maillage::ui {

//! A memory layer (the caller owns it) of the facilities of the dataset's latest facility vintage:
//! commune, nom (of the commune), kind, label (in the UI language), count, vintage, one point per commune
//! and kind at the commune's anchor. Null when the dataset has no facility with a located commune.
QgsVectorLayer* createFacilitiesLayer(const model::Dataset& dataset, const QString& name);

//! Categorized on "kind", one colour per kind present in `layer`, labelled "Urgences (12)" with the number
//! of points; coincident points (several kinds in one commune) drawn around their anchor.
QgsFeatureRenderer* facilitiesRenderer(const QgsVectorLayer& layer);

} // namespace maillage::ui
