#pragma once
// File > Import official files: commune polygons, the commune -> bassin de vie table, population and
// professionals (one file per vintage), then a preview of what did not join before the dataset is saved.
#include "core/io/import.h"
#include "core/model/dataset.h"

#include <QPointer>
#include <QWizard>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTextBrowser;

namespace maillage::ui {

class FunctionTask;

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    explicit ImportWizard(QWidget* parent = nullptr);
    ~ImportWizard() override;

    //! The options gathered from the pages.
    io::ImportOptions options() const;
    //! Fills the pages from `options` (e.g. to import again with the same files).
    void setOptions(const io::ImportOptions& options);
    void setOutputPath(const QString& path);
    //! The join report and warnings shown on the last page (HTML).
    QString reportHtml() const;
    //! The GeoPackage to write.
    QString outputPath() const;
    //! The imported dataset, once the last page's import succeeded (moved out by the caller).
    model::Dataset takeDataset();
    bool imported() const { return m_imported; }

signals:
    //! The import task started (the main window may show it in its status bar too).
    void taskStarted(FunctionTask* task);

private:
    friend class ImportRunPage;
    void runImport();
    void showReport(const io::ImportReport& report);

    // polygons
    QLineEdit* m_communes;
    QLineEdit* m_layer;
    QLineEdit* m_codeField;
    QLineEdit* m_nameField;
    QLineEdit* m_title;
    QSpinBox* m_cogYear;
    // bassins
    QLineEdit* m_bassins;
    QComboBox* m_bvColumn;
    // population
    QLineEdit* m_population;
    QLineEdit* m_populationCode;
    QLineEdit* m_populationColumn;
    // professionals
    QTableWidget* m_professionals;
    QPlainTextEdit* m_sources;
    QLineEdit* m_departements;
    QLineEdit* m_region;
    // travel times, observed flows, declared cooperations (optional)
    QLineEdit* m_travelTimes;
    QLineEdit* m_flows;
    QComboBox* m_flowKind;
    QLineEdit* m_cooperations;
    // run
    QLineEdit* m_output;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPushButton* m_cancel;
    QTextBrowser* m_report;

    QPointer<FunctionTask> m_task;
    std::shared_ptr<model::Dataset> m_result;
    bool m_imported = false;
};

} // namespace maillage::ui
