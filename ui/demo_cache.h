#pragma once
// The embedded demo dataset, ready to show: generated (deterministic, fictional), its bassins de vie
// dissolved from the communes. The dissolve is the slow part, so the finished dataset is cached as a
// GeoPackage under QStandardPaths::CacheLocation, keyed by the generated content.
#include "core/model/dataset.h"
#include "core/model/feedback.h"

#include <QString>

namespace maillage::ui {

//! The demo with its bassins dissolved; reads the cache when it matches, else builds and writes it
//! (cache failures are not errors: the dataset is returned all the same). `cachePath` receives the file.
model::Dataset loadDemoDataset(Feedback* feedback = nullptr, QString* cachePath = nullptr);

} // namespace maillage::ui
