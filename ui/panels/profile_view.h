#pragma once
// Who the professionals are, in the Densités panel (issue 12): for the territory shown (the commune
// chosen, else the selected bassin(s) de vie, else the whole dataset) and the chosen profession, the age
// bands, 55+/60+ shares, median age, women, secteurs, modes d'exercice and FTEs against the references,
// and the retirement projection — the tables of `maillage profile` (core/analysis/profile_tables.h), same
// secrecy. Shown only when the dataset has a register of the vintage shown; otherwise one line says why.
#include "core/io/result_table.h"
#include "core/model/catalogue.h"
#include "ui/panels/view_task.h"

#include <QString>
#include <QWidget>

class QLabel;
class QTableView;

namespace maillage::ui {

class ResultTableModel;
class Session;
struct ProfileJob;

class ProfileView : public QWidget {
    Q_OBJECT
public:
    explicit ProfileView(Session* session, QWidget* parent = nullptr);
    ~ProfileView() override;

    //! The profile table shown (empty until the first computation ends, or without a register).
    const io::ResultTable& profileTable() const;
    //! The retirement table shown.
    const io::ResultTable& retirementTable() const;
    //! The retirement sentences shown under the tables (or the explanation when there is no register).
    QString sentences() const;
    //! The territory profiled: "commune:CODE", "bv:CODE", "communes:C1,C2" or "dataset".
    QString territorySpec() const;

    //! The label of a territory level of the tables ("bv" -> "Bassin de vie") in the interface language.
    static QString levelLabel(const std::string& level);
    //! The one-line sentences of the territory's rows of the retirement table, each ending with a full stop
    //! (a masked one says so).
    static QString sentencesOf(const io::ResultTable& retirement);

signals:
    //! The tables were recomputed (dataset, selection, profession, vintage or parameters changed).
    void updated();

private:
    //! Recomputes in a background task; a newer request makes the older one's result stale.
    void recompute();
    //! Shows the tables computed (main thread).
    void showResult(ProfileJob& job);
    //! Replaces the level and profession codes of `table` by their labels: the panel shows words, the
    //! command line's `maillage profile` keeps the codes.
    static void useLabels(io::ResultTable& table, const model::ProfessionCatalogue& catalogue);
    Session* m_session;
    ResultTableModel* m_profileModel;
    ResultTableModel* m_retirementModel;
    QTableView* m_profileTable;
    QTableView* m_retirementTable;
    QWidget* m_tabs;
    QLabel* m_sentences;
    ViewTask m_task{this};
};

} // namespace maillage::ui
