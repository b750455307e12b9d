#pragma once
// The six bassins of ui_fixture.h with a second, earlier year (2018) in which Beta (a grand pôle in 2023)
// has 1,500 professionals, too few for any pôle type.
#include "ui/app_settings.h"
#include "ui/main_window.h"
#include "ui/ui_fixture.h"

#include <QLocale>

#include <memory>

namespace maillage::testing {

inline model::Dataset makeSixBassinsTwoYears() {
    model::Dataset ds = makeSixBassins();
    ds.meta.vintages = {2018, 2023};
    std::vector<model::CountRecord> earlier;
    for (const model::CountRecord& c : ds.counts) {
        model::CountRecord e = c;
        e.vintage = 2018;
        if (e.place == "00002")
            e.count = e.profession == "medecin_generaliste" ? 500 : 0;
        earlier.push_back(e);
    }
    ds.counts.insert(ds.counts.end(), earlier.begin(), earlier.end());
    ds.reindex();
    return ds;
}

//! A main window with no saved settings, in the C locale, showing makeSixBassinsTwoYears() (resized to
//! `size` when valid), shown on screen.
inline std::unique_ptr<ui::MainWindow> showTwoYearsWindow(const QSize& size = QSize()) {
    ui::appSettings()->clear();
    QLocale::setDefault(QLocale::c());
    auto window = std::make_unique<ui::MainWindow>();
    window->showDataset(makeSixBassinsTwoYears(), QString());
    if (size.isValid())
        window->resize(size);
    window->show();
    return window;
}

} // namespace maillage::testing
