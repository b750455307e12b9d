#pragma once
// The dataset's infra-communal zones (IRIS or quartiers, core/io/zones.h) as a layer of the map: outlines
// shown when zoomed in, their names at a readable scale; and what a click on the map's overlays (zones,
// facilities: ui/facilities_layer.h) says, worded by ui/qpv_identify.h.
#include "core/model/dataset.h"

#include <QString>

class QgsMapCanvas;
class QgsPointXY;
class QgsVectorLayer;

namespace maillage::ui {

class MapLayers;
class Session;

//! A memory layer (the caller owns it) of the zones that have a polygon: code, nom, commune, population,
//! quartier; styled by setZonesStyle(). Null when no zone has a polygon (the layer is then absent).
QgsVectorLayer* createZonesLayer(const model::Dataset& dataset, const QString& name);

//! Dark orange outlines with no fill, shown below 1:400 000; the zones' names below 1:60 000.
void setZonesStyle(QgsVectorLayer* layer);

//! What a click at `point` (map coordinates) says about the overlays shown on `canvas`: the facilities of
//! the commune whose point is under it, else the zone under it (ui/qpv_identify.h: masked with the
//! session's profession, vintage and secrecy threshold); "" when it hits neither.
QString describeOverlaysAt(const Session& session, const MapLayers& layers, const QgsMapCanvas& canvas,
                           const QgsPointXY& point);

} // namespace maillage::ui
