#pragma once
// The embedded demo dataset, ready to show: generated (deterministic, fictional), its bassins de vie
// dissolved from the communes. The dissolve is the slow part, so the finished dataset is cached as a
// GeoPackage under QStandardPaths::CacheLocation, keyed by the generated content.
#include "core/model/dataset.h"
#include "core/model/feedback.h"

#include <QString>

namespace maillage::ui {

//! The demo with its bassins and département outlines dissolved; read from the cache when it matches.
//! `cachePath` receives the cache file and `fromCache` whether the dataset came from it: when not, the
//! caller writes it there with writeDemoCache(), in the background once the map is shown.
model::Dataset loadDemoDataset(Feedback* feedback = nullptr, QString* cachePath = nullptr,
                               bool* fromCache = nullptr);
//! Writes `dataset` (the demo of loadDemoDataset) to its cache file `path`; failures are not errors (the
//! next start dissolves again).
void writeDemoCache(const model::Dataset& dataset, const QString& path);

} // namespace maillage::ui
