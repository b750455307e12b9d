#include "ui/panels/profession_chooser.h"

#include "ui/panels/panel_util.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QStandardItemModel>

#include <algorithm>
#include <utility>
#include <vector>

namespace maillage::ui::panel {

namespace {

struct ProfessionChooser {
    Q_DECLARE_TR_FUNCTIONS(ProfessionChooser)
};

struct Choice {
    QString label, code, tooltip;
};

void sortByLabel(std::vector<Choice>& choices) {
    std::sort(choices.begin(), choices.end(), [](const Choice& a, const Choice& b) {
        return QString::localeAwareCompare(a.label, b.label) < 0;
    });
}

void addChoices(QComboBox* combo, const std::vector<Choice>& choices, bool enabled) {
    if (choices.empty())
        return;
    combo->insertSeparator(combo->count());
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    for (const Choice& c : choices) {
        combo->addItem(c.label, c.code);
        combo->setItemData(combo->count() - 1, c.tooltip, Qt::ToolTipRole);
        if (!enabled && model) {
            QStandardItem* item = model->item(combo->count() - 1);
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        }
    }
}

} // namespace

std::set<std::string> professionsWithData(const model::Dataset& dataset) {
    std::set<std::string> codes;
    for (const auto* counts : {&dataset.counts, &dataset.zoneCounts})
        for (const model::CountRecord& r : *counts)
            if (r.count > 0)
                codes.insert(r.profession);
    return codes;
}

QString noDataLabel(const QString& professionLabel) {
    return ProfessionChooser::tr("%1 (no data)").arg(professionLabel);
}

void fillProfessionChooser(QComboBox* combo, const model::Dataset& dataset) {
    combo->clear();
    combo->addItem(ProfessionChooser::tr("All professions"), QString());
    const std::set<std::string> withData = professionsWithData(dataset);
    std::vector<Choice> empty;
    for (model::ProfessionGroup group : {model::ProfessionGroup::Proximite, model::ProfessionGroup::Pole}) {
        const QString groupTip = group == model::ProfessionGroup::Proximite
                                     ? ProfessionChooser::tr("First-line care (proximité)")
                                     : ProfessionChooser::tr("Profession de pôle");
        std::vector<Choice> choices;
        for (const model::Profession& p : dataset.catalogue.professions()) {
            if (p.group != group)
                continue;
            if (withData.count(p.code))
                choices.push_back({professionLabel(p), qs(p.code), groupTip});
            else
                empty.push_back({noDataLabel(professionLabel(p)), qs(p.code),
                                 ProfessionChooser::tr("The dataset holds no count of this profession "
                                                       "(its source does not count it)")});
        }
        sortByLabel(choices);
        addChoices(combo, choices, true);
    }
    sortByLabel(empty);
    addChoices(combo, empty, false);
}

} // namespace maillage::ui::panel
