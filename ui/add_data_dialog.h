#pragma once
// File > Add data…: travel times, observed flows, declared cooperations, zones and quartiers, facilities
// and quartiers prioritaires added to the open dataset through the same code as `maillage add`
// (io::addToDataset), in a background task, the dataset file rewritten atomically, and a report like the
// import's.
#include "core/io/import.h"
#include "core/model/dataset.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace maillage::ui {

class FunctionTask;
class RegisterInputs;

class AddDataDialog : public QDialog {
    Q_OBJECT
public:
    //! Adds to a copy of `dataset`, read from `path` ("" = not saved, e.g. the generated demo: the data is
    //! added in memory only, and the dialog says so).
    AddDataDialog(const model::Dataset& dataset, const QString& path, QWidget* parent = nullptr);
    ~AddDataDialog() override;

    //! The files chosen, as `maillage add` takes them.
    io::AddOptions options() const;
    //! Starts the task: reads the files, adds them, rewrites the dataset file; datasetUpdated() on success.
    void run();
    //! The dataset with the data added, once datasetUpdated() was emitted (moved out).
    model::Dataset takeDataset();
    QString path() const { return m_path; }
    //! The report of the last run (HTML).
    QString reportHtml() const;

signals:
    void taskStarted(maillage::ui::FunctionTask* task);
    //! The data were added (and the file rewritten): takeDataset() gives the dataset.
    void datasetUpdated();

private:
    void finished(bool ok, const QString& error, const io::ImportReport& report);

    QString m_path;
    std::shared_ptr<const model::Dataset> m_source;
    std::shared_ptr<model::Dataset> m_result;
    QLineEdit* m_travelTimes;
    QLineEdit* m_flows;
    QComboBox* m_flowKind;
    QLineEdit* m_cooperations;
    QLineEdit* m_zones;
    QLineEdit* m_zonePopulation;
    QLineEdit* m_quartiers;
    QLineEdit* m_facilities;
    QSpinBox* m_facilitiesYear;
    QLineEdit* m_qpv;
    RegisterInputs* m_register;
    QPushButton* m_add;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTextBrowser* m_report;
    QPointer<FunctionTask> m_task;
};

} // namespace maillage::ui
