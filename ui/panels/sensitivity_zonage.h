#pragma once
// The zonage simulator of the Densités panel (DOMAIN.md §6): the accessibility of every commune as
// values (the command line's "access" table), thresholds to edit, the population of each class and who
// enters or leaves a class when a threshold moves. The Session classes (Session::setZonageThresholds).
#include <QString>
#include <QStringList>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QTableView;

namespace maillage::ui {

class Session;
class ResultTableModel;

class ZonageView : public QWidget {
    Q_OBJECT
public:
    explicit ZonageView(Session* session, QWidget* parent = nullptr);
    ~ZonageView() override;

    //! Sets the thresholds (the second 0 = none) as the spin boxes do.
    void setThresholds(double first, double second = 0);
    //! The accessibility table shown (commune, name, population, access, unit, zonage).
    const ResultTableModel* accessModel() const { return m_model; }
    //! Codes of the communes that changed class with the last threshold change.
    QStringList changedCommunes() const;

private:
    void onAccessShown();
    void applyThresholds();
    void showZonage();
    //! "Under 2.5: 3 communes, 12,000 inhabitants · …" for the classes of the zonage.
    QString classesText() const;
    QString changesText() const;

    Session* m_session;
    QDoubleSpinBox *m_first = nullptr, *m_second = nullptr; // thresholds (the second: 0 = none)
    QLabel *m_unit = nullptr, *m_classes = nullptr, *m_changes = nullptr;
    QTableView* m_table = nullptr;
    ResultTableModel* m_model = nullptr;
    const void* m_suggestedFor = nullptr; // the accessibility the thresholds were suggested for
};

} // namespace maillage::ui
